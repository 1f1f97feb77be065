/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "waymark-enums.h"

G_BEGIN_DECLS

/* RFC 4180 CSV, written one row at a time into a GString: fields separated by commas, rows ended
 * by CRLF, a field quoted when it holds a comma, quote, CR or LF (quotes doubled). */
typedef enum
{
  WAYMARK_CSV_PLAIN = 0,
  /* Free text: bidirectional controls and zero-width characters, which would make a spreadsheet
   * show it reordered or partly hidden, are marked as `<U+202E>` (waymark_text_mark_invisible());
   * then text a spreadsheet could take for a formula (starting =, +, -, @, tab or CR) is
   * prefixed with ' and quoted (OWASP CSV injection). */
  WAYMARK_CSV_TEXT  = 1 << 0,
} WaymarkCsvFlags;

typedef struct
{
  GString *out;
  guint    n_fields;  /* in the row being written */
} WaymarkCsvWriter;

void waymark_csv_writer_init (WaymarkCsvWriter *writer,
                              GString          *out);
void waymark_csv_add_field   (WaymarkCsvWriter *writer,
                              const char       *value,
                              WaymarkCsvFlags   flags);
void waymark_csv_end_row     (WaymarkCsvWriter *writer);
/* A rating's machine string ("low-moderate"), empty where there is none. */
void waymark_csv_add_rating  (WaymarkCsvWriter *writer,
                              WaymarkRating     rating);

G_END_DECLS
