/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text from a file (a value, an id, a key, a file name) is shown, never obeyed. Every character
 * that could move the cursor, clear the screen, reorder a line or hide itself is replaced by its
 * code point in angle brackets, `<U+001B>`, and every byte that is not UTF-8 by `<0xFF>`:
 *   - control characters: C0 (U+0000 to U+001F), DEL (U+007F) and C1 (U+0080 to U+009F);
 *   - bidirectional controls: U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069;
 *   - zero-width characters: U+200B to U+200D, U+2060, U+FEFF;
 *   - the line and paragraph separators U+2028 and U+2029, which break a line unseen.
 * The result is valid UTF-8 with none of these in it, and escaping it again changes nothing. */
typedef enum
{
  WAYMARK_TEXT_ESCAPE_DEFAULT    = 0,
  /* Keep line feeds, tabs and CR LF pairs: text of several lines (a description, a CSV). A lone
   * carriage return, which could overwrite what a line says, is still escaped. */
  WAYMARK_TEXT_ESCAPE_KEEP_LINES = 1 << 0,
} WaymarkTextEscapeFlags;

char     *waymark_text_escape_for_terminal (const char             *text,
                                            gssize                  length,
                                            WaymarkTextEscapeFlags  flags);

/* Only the bidirectional controls and zero-width characters above, marked the same way, for free
 * text in a CSV: a spreadsheet shows them neither reordered nor hidden. Other characters,
 * line breaks included, are kept as they are. */
char     *waymark_text_mark_invisible      (const char             *text);

/* Whether `c` is one of the bidirectional controls or zero-width characters above. */
gboolean  waymark_text_is_invisible_format (gunichar                c);

G_END_DECLS
