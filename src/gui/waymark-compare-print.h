/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-comparison.h"

G_BEGIN_DECLS

/* A landscape handout of the comparison for a partnership meeting: the table, with its marks in
 * words, the date, the catalogue's title and version, and a footer naming the review as the
 * source. Run it with the print dialog, or export it to a PDF file without one. With
 * `hide_identical` (the page's Hide Rows That Agree), rows that say the same for every column are
 * left out, and the subtitle says how many. */
GtkPrintOperation *waymark_compare_print_new (WaymarkComparison *comparison,
                                              gboolean           hide_identical);

G_END_DECLS
