/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-json-reader.h"

G_BEGIN_DECLS

/* The reader's insides, shared by the files that make it: waymark-json-reader.c (the reader, where
 * it is in the file, its messages and excerpts), waymark-json-reader-parse.c (the guarded path from
 * bytes to a JsonNode: size, UTF-8, the RFC 8259 checks json-glib does not make, depth, then
 * json-glib) and waymark-json-reader-fields.c (typed fields). Only those three include this. */

/* Error codes shared by every domain that uses the reader: they match WaymarkCatalogueError and
 * WaymarkPlanError, which list them in this order. */
enum {
  CODE_READ,
  CODE_EMPTY,
  CODE_TOO_LARGE,
  CODE_SYNTAX,
  CODE_ENCODING,
  CODE_FORMAT,
  CODE_VERSION,
  CODE_MISSING_FIELD,
  CODE_WRONG_TYPE,
  CODE_INVALID_VALUE,
  CODE_UNKNOWN_FIELD,
};

struct _WaymarkJsonReader
{
  char      *display_name;
  GQuark     domain;
  gsize      max_bytes;
  GPtrArray *context;
  GError    *error;
};

/* What waymark_json_reader_excerpt() quotes of a value, in characters. */
#define EXCERPT_CHARS 40

/* At most max_chars characters of the text, escaped by the one rule for text from a file shown
 * to a person (waymark-text-escape.h: `<U+001B>`, `<0xFF>`), and "…" when there was more. */
char *waymark_json_reader_excerpt_len (const char *text,
                                       gsize       len,
                                       guint       max_chars);

G_END_DECLS
