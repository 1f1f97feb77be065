/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "waymark-catalogue.h"
#include "waymark-json-reader.h"

G_BEGIN_DECLS

/* Reading and writing the catalogue's context entries (waymark-context.c); the catalogue owns
 * them. Only the catalogue, the export and their tests include this. */

void                 waymark_context_entry_free        (WaymarkContextEntry       *entry);

/* Reads context[index]; NULL with the reader's error set. Every id in its `interventions` must be
 * a key of `intervention_ids`. */
WaymarkContextEntry *waymark_context_entry_read_json   (WaymarkJsonReader         *reader,
                                                        JsonObject                *object,
                                                        guint                      index,
                                                        GHashTable                *intervention_ids);

/* The entry of kind PROVIDER for the provider's service at `index`: id "<provider id>-<index + 1>",
 * the service's name and description, the provider's name as topic and section. */
WaymarkContextEntry *waymark_context_entry_new_service (const WaymarkProvider     *provider,
                                                        guint                      index);

/* The entry as an object of the catalogue format, plus "kind" "provider" entries for the CLI.
 * With `keep`, only the intervention ids it holds are written (an export of some interventions
 * must still read back). */
void                 waymark_context_entry_add_json    (JsonBuilder               *builder,
                                                        const WaymarkContextEntry *entry,
                                                        GHashTable                *keep);

/* TRUE for a plain decimal: digits, no leading zero but for "0", and an optional "." followed by
 * digits ("28360", "7.89", "0.5"); no sign, no exponent, no grouping. */
gboolean             waymark_context_value_is_plain    (const char                *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkContextEntry, waymark_context_entry_free)

G_END_DECLS
