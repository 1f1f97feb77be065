/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "waymark-csv.h"

/* Any fields: the writer's row, read back by a strict RFC 4180 reader written here (no shared
 * code), gives the same fields; free text that could start a formula comes back with a ' first. */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Parses one CRLF-terminated record; NULL when the text is not valid RFC 4180. */
static GPtrArray *
read_record (const char *text,
             gsize       len)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  gsize i = 0;

  for (;;)
    {
      GString *field = g_string_new (NULL);

      if (i < len && text[i] == '"')
        {
          for (i++;; i++)
            {
              if (i >= len)
                {
                  g_string_free (field, TRUE);
                  return NULL;
                }
              if (text[i] == '"')
                {
                  if (i + 1 < len && text[i + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      i++;
                      continue;
                    }
                  i++;
                  break;
                }
              g_string_append_c (field, text[i]);
            }
        }
      else
        {
          while (i < len && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
            {
              if (text[i] == '"')
                {
                  g_string_free (field, TRUE);
                  return NULL;
                }
              g_string_append_c (field, text[i++]);
            }
        }

      g_ptr_array_add (fields, g_string_free (field, FALSE));
      if (i < len && text[i] == ',')
        {
          i++;
          continue;
        }
      if (i + 2 == len && text[i] == '\r' && text[i + 1] == '\n')
        return g_steal_pointer (&fields);
      return NULL;
    }
}

/* Free text as data/plan-format.md says the CSV writes it: the bidirectional controls U+061C,
 * U+200E, U+200F, U+202A to U+202E and U+2066 to U+2069 and the zero-width characters U+200B to
 * U+200D, U+2060 and U+FEFF and the separators U+2028 and U+2029 marked with their code point,
 * "<U+202E>". The list is the format's,
 * written out here, not the writer's own function. */
static char *
mark_as_documented (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
          (c >= 0x2066 && c <= 0x2069) || (c >= 0x200B && c <= 0x200D) || c == 0x2060 ||
          c == 0xFEFF || c == 0x2028 || c == 0x2029)
        g_string_append_printf (out, "<U+%04X>", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *input = NULL;
  g_auto(GStrv) fields = NULL;
  g_autoptr(GPtrArray) back = NULL;
  GString *out;
  WaymarkCsvWriter writer;
  gboolean text_mode;
  guint n;

  if (size == 0)
    return 0;

  /* First byte: plain or free-text fields; the rest: fields separated by 0x1F (unit separator). */
  text_mode = data[0] & 1;
  input = g_strndup ((const char *) data + 1, size - 1);
  if (!g_utf8_validate (input, -1, NULL))
    return 0;
  fields = g_strsplit (input, "\x1f", 32);
  n = g_strv_length (fields);

  out = g_string_new (NULL);
  waymark_csv_writer_init (&writer, out);
  for (guint i = 0; i < n; i++)
    waymark_csv_add_field (&writer, fields[i], text_mode ? WAYMARK_CSV_TEXT : WAYMARK_CSV_PLAIN);
  waymark_csv_end_row (&writer);

  back = read_record (out->str, out->len);
  if (back == NULL)
    g_error ("not RFC 4180: %s", out->str);
  g_assert_cmpuint (back->len, ==, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const char *got = g_ptr_array_index (back, i);
      g_autofree char *marked = text_mode ? mark_as_documented (fields[i]) : NULL;
      const char *want = text_mode ? marked : fields[i];
      gboolean formula = text_mode && strchr ("=+-@\t\r", want[0]) != NULL && want[0] != '\0';

      if (formula)
        {
          g_assert (got[0] == '\'');
          g_assert_cmpstr (got + 1, ==, want);
        }
      else
        g_assert_cmpstr (got, ==, want);
    }

  g_string_free (out, TRUE);
  return 0;
}
