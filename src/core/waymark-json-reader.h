/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Strict reading of Waymark's JSON files (catalogues, plans), as RFC 8259 defines JSON. json-glib
 * 1.6 accepts things that are not JSON and mangles others (lone surrogates, "\u0000", integer
 * overflow, comments, 010 and 0x10, text after the end, a key repeated with an escape) and
 * recurses without limit (deep nesting crashes it); the reader refuses all of these first, nesting
 * deeper than 64 included, then reads typed fields with messages that name the file, where in it,
 * and the field, in words. */
typedef struct _WaymarkJsonReader WaymarkJsonReader;

WaymarkJsonReader *waymark_json_reader_new        (const char          *display_name,
                                                   GQuark               error_domain,
                                                   gsize                max_bytes);
void               waymark_json_reader_free       (WaymarkJsonReader   *reader);
JsonNode          *waymark_json_reader_parse      (WaymarkJsonReader   *reader,
                                                   GBytes              *bytes);
void               waymark_json_reader_propagate  (WaymarkJsonReader   *reader,
                                                   GError             **error);

/* What a message may quote of a value from a file: at most 40 characters, cut at a character and
 * marked "…" when cut, with control, zero-width and bidi characters escaped (\n, \u202E). */
char              *waymark_json_reader_excerpt    (const char          *text);

/* Where we are, for messages: "intervention \"drive\"", "costs[0]". */
void               waymark_json_reader_push       (WaymarkJsonReader   *reader,
                                                   const char          *where);
void               waymark_json_reader_pop        (WaymarkJsonReader   *reader);

/* Always returns FALSE, so callers can `return waymark_json_reader_fail (...)`. */
gboolean           waymark_json_reader_fail       (WaymarkJsonReader   *reader,
                                                   int                  code,
                                                   const char          *format,
                                                   ...) G_GNUC_PRINTF (3, 4);

gboolean waymark_json_reader_check_keys        (WaymarkJsonReader   *reader,
                                                JsonObject          *object,
                                                const char * const  *allowed);
gboolean waymark_json_reader_get_object        (WaymarkJsonReader   *reader,
                                                JsonObject          *object,
                                                const char          *key,
                                                gboolean             required,
                                                JsonObject         **out);
gboolean waymark_json_reader_get_array         (WaymarkJsonReader   *reader,
                                                JsonObject          *object,
                                                const char          *key,
                                                JsonArray          **out);
gboolean waymark_json_reader_get_array_object  (WaymarkJsonReader   *reader,
                                                JsonArray           *array,
                                                guint                index,
                                                const char          *array_name,
                                                JsonObject         **out);
/* Text must be valid UTF-8 and, unless nullable, present and not empty. */
gboolean waymark_json_reader_get_text          (WaymarkJsonReader   *reader,
                                                JsonObject          *object,
                                                const char          *key,
                                                gboolean             required,
                                                gboolean             nullable,
                                                char               **out);
gboolean waymark_json_reader_get_strv          (WaymarkJsonReader   *reader,
                                                JsonObject          *object,
                                                const char          *key,
                                                char              ***out);
/* A whole number within [min, max]. */
gboolean waymark_json_reader_get_int           (WaymarkJsonReader   *reader,
                                                JsonObject          *object,
                                                const char          *key,
                                                gboolean             required,
                                                gint64               min,
                                                gint64               max,
                                                gint64              *out);
/* As above, but null is allowed: *present says whether there was a number. */
gboolean waymark_json_reader_get_optional_int  (WaymarkJsonReader   *reader,
                                                JsonObject          *object,
                                                const char          *key,
                                                gint64               min,
                                                gint64               max,
                                                gint64              *out,
                                                gboolean            *present);
/* One nick of an enum type; when nullable, null gives null_value. */
gboolean waymark_json_reader_get_enum          (WaymarkJsonReader   *reader,
                                                JsonObject          *object,
                                                const char          *key,
                                                GType                enum_type,
                                                gboolean             nullable,
                                                int                  null_value,
                                                int                  first_listed,
                                                int                 *out);
/* One nick of a flags type, as text. */
gboolean waymark_json_reader_get_flag          (WaymarkJsonReader   *reader,
                                                JsonObject          *object,
                                                const char          *key,
                                                GType                flags_type,
                                                guint               *out);
/* A list of nicks of a flags type. */
gboolean waymark_json_reader_get_flags         (WaymarkJsonReader   *reader,
                                                JsonObject          *object,
                                                const char          *key,
                                                GType                flags_type,
                                                gboolean             non_empty,
                                                guint               *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkJsonReader, waymark_json_reader_free)

G_END_DECLS
