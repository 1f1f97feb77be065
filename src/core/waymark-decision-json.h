/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "waymark-decision.h"
#include "waymark-json-reader.h"

G_BEGIN_DECLS

/* The plan file's "decisions" array (data/plan-format.md): the decision record, oldest first,
 * every field of every entry in one order, so that saving, opening and saving again gives the
 * same bytes. */
void       waymark_decisions_write_json (JsonBuilder       *builder,
                                         GListModel        *decisions);
/* Reads the array under key, as strictly as the rest of the plan: unknown or missing keys, an
 * unknown kind, a time that is not ISO 8601 UTC to the second or earlier than the entry before
 * it, a reason that is not one line, and (when catalogue is given) a citation of a heading the
 * review does not have are refused, the message naming the entry and the field. New array of
 * WaymarkDecision, or NULL. */
GPtrArray *waymark_decisions_read_array (WaymarkJsonReader *reader,
                                         JsonObject        *object,
                                         const char        *key,
                                         WaymarkCatalogue  *catalogue);

G_END_DECLS

G_BEGIN_DECLS

/* Exports of the record for `waymark-cli decisions`: CSV with the columns time, author, kind,
 * subject, description, reason, review_section (free text guarded against spreadsheet formulas);
 * JSON as {"format": "waymark-decisions", "decisions": [...]}, each entry as the plan file has
 * it. */
char      *waymark_decisions_to_csv     (GListModel        *decisions);
char      *waymark_decisions_to_json    (GListModel        *decisions);

G_END_DECLS
