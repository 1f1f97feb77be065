/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "waymark-csv.h"
#include "waymark-text-escape.h"

static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

void
waymark_csv_writer_init (WaymarkCsvWriter *writer,
                         GString          *out)
{
  writer->out = out;
  writer->n_fields = 0;
}

void
waymark_csv_add_field (WaymarkCsvWriter *writer,
                       const char       *value,
                       WaymarkCsvFlags   flags)
{
  GString *row = writer->out;
  g_autofree char *marked = NULL;
  gboolean neutralise;
  gboolean quote;

  if (writer->n_fields++ > 0)
    g_string_append_c (row, ',');

  if (value == NULL || *value == '\0')
    return;

  /* Marked before anything else is decided, so that nothing hidden can start a formula. */
  if ((flags & WAYMARK_CSV_TEXT) != 0)
    value = marked = waymark_text_mark_invisible (value);

  neutralise = (flags & WAYMARK_CSV_TEXT) != 0 && is_formula_start (value[0]);
  quote = neutralise || strpbrk (value, ",\"\r\n") != NULL;

  if (!quote)
    {
      g_string_append (row, value);
      return;
    }

  g_string_append_c (row, '"');
  if (neutralise)
    g_string_append_c (row, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  g_string_append_c (row, '"');
}

void
waymark_csv_end_row (WaymarkCsvWriter *writer)
{
  g_string_append (writer->out, "\r\n");
  writer->n_fields = 0;
}

void
waymark_csv_add_rating (WaymarkCsvWriter *writer,
                        WaymarkRating     rating)
{
  waymark_csv_add_field (writer,
                         rating == WAYMARK_RATING_NONE ? NULL
                         : waymark_enum_to_string (WAYMARK_TYPE_RATING, rating),
                         WAYMARK_CSV_PLAIN);
}
