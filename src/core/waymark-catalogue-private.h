/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-catalogue.h"
#include "waymark-json-reader.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkProvider, provider_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkProviderService, provider_service_free)

/* Reads interventions[index]; NULL with the reader's error set. */
WaymarkIntervention *waymark_intervention_read_json (WaymarkJsonReader *reader,
                                                     JsonObject        *object,
                                                     guint              index);

G_END_DECLS
