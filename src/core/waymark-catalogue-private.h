/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-catalogue.h"
#include "waymark-json-reader.h"

G_BEGIN_DECLS

/* An id of the catalogue's: lower-case letters, digits and single hyphens ("safe-dates"). */
gboolean             waymark_catalogue_id_is_valid  (const char         *id);

/* Reads interventions[index]; NULL with the reader's error set. */
WaymarkIntervention *waymark_intervention_read_json (WaymarkJsonReader *reader,
                                                     JsonObject        *object,
                                                     guint              index);

/* A cost object as the catalogue format writes it; the plan format uses it too. */
gboolean             waymark_cost_read_json         (WaymarkJsonReader  *reader,
                                                     JsonObject         *object,
                                                     WaymarkCost       **out);
void                 waymark_cost_write_json        (JsonBuilder        *builder,
                                                     const WaymarkCost  *cost);

G_END_DECLS
