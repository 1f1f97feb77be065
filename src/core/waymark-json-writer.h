/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "waymark-enums.h"

G_BEGIN_DECLS

/* Object members for everything Waymark writes (catalogue, export, plan): one spelling of each
 * kind of value, so a rating or a set of flags reads the same in every file. */

/* NULL is written as "". */
void waymark_json_add_string         (JsonBuilder        *builder,
                                      const char         *key,
                                      const char         *text);
/* NULL is written as null. */
void waymark_json_add_string_or_null (JsonBuilder        *builder,
                                      const char         *key,
                                      const char         *text);
void waymark_json_add_int            (JsonBuilder        *builder,
                                      const char         *key,
                                      gint64              value);
/* null unless `known`. */
void waymark_json_add_int_or_null    (JsonBuilder        *builder,
                                      const char         *key,
                                      gboolean            known,
                                      gint64              value);
/* An array of strings; NULL is an empty array. */
void waymark_json_add_strv           (JsonBuilder        *builder,
                                      const char         *key,
                                      const char * const *strv);
/* The flags' nicks, in the type's order. */
void waymark_json_add_flags          (JsonBuilder        *builder,
                                      const char         *key,
                                      GType               type,
                                      guint               flags);
/* The rating's nick; null for WAYMARK_RATING_NONE. */
void waymark_json_add_rating         (JsonBuilder        *builder,
                                      const char         *key,
                                      WaymarkRating       rating);

/* The generator's text, as JSON: json-glib 1.6 leaves U+001F unescaped, which RFC 8259 and
 * Waymark's own reader refuse. Everything Waymark writes as JSON is made by this. */
char *waymark_json_generate          (JsonGenerator      *generator);
/* What the builder holds, as Waymark writes a file: indented by two spaces, through
 * waymark_json_generate(), with one newline at the end. */
char *waymark_json_builder_to_file_text (JsonBuilder     *builder);

G_END_DECLS
