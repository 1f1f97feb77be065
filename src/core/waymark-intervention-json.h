/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "waymark-intervention.h"

G_BEGIN_DECLS

/* The intervention as a catalogue entry: the same keys and values the catalogue format reads, so
 * what is written reads back identically. */
JsonNode *waymark_intervention_to_json (WaymarkIntervention *self);

G_END_DECLS
