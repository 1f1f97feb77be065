/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "waymark-text-escape.h"

gboolean
waymark_text_is_invisible_format (gunichar c)
{
  return c == 0x061C ||                     /* Arabic letter mark */
         (c >= 0x200B && c <= 0x200F) ||    /* zero width space, non-joiner, joiner; LRM, RLM */
         (c >= 0x202A && c <= 0x202E) ||    /* embeddings and overrides */
         c == 0x2028 || c == 0x2029 ||      /* line and paragraph separators */
         c == 0x2060 ||                     /* word joiner */
         (c >= 0x2066 && c <= 0x2069) ||    /* isolates */
         c == 0xFEFF;                       /* zero width no-break space (a stray BOM) */
}

static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

static void
append_code_point (GString  *out,
                   gunichar  c)
{
  g_string_append_printf (out, "<U+%04" G_GINT32_MODIFIER "X>", (gint32) c);
}

char *
waymark_text_escape_for_terminal (const char             *text,
                                  gssize                  length,
                                  WaymarkTextEscapeFlags  flags)
{
  gboolean keep_lines = (flags & WAYMARK_TEXT_ESCAPE_KEEP_LINES) != 0;
  const char *p;
  const char *end;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if (length < 0)
    length = strlen (text);

  out = g_string_sized_new (length);
  p = text;
  end = text + length;
  while (p < end)
    {
      /* g_utf8_get_char_validated() takes an embedded NUL for an error. */
      gunichar c = *p == '\0' ? 0 : g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: the byte itself, visibly. */
          g_string_append_printf (out, "<0x%02X>", (guint) (guchar) *p);
          p++;
          continue;
        }

      if (keep_lines && (c == '\n' || c == '\t' ||
                         (c == '\r' && p + 1 < end && p[1] == '\n')))
        g_string_append_c (out, (char) c);
      else if (is_control (c) || waymark_text_is_invisible_format (c))
        append_code_point (out, c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);

      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

char *
waymark_text_mark_invisible (const char *text)
{
  const char *end;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  end = text + strlen (text);
  out = g_string_sized_new (end - text);
  for (const char *p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not expected (every reader checks UTF-8), and not this function's to fix. */
          g_string_append_c (out, *p++);
          continue;
        }
      if (waymark_text_is_invisible_format (c))
        append_code_point (out, c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}
