/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the printed handouts share (the interventions compared, waymark-compare-print.c; the
 * plans compared, waymark-plans-print.c): text in Sans, wrapped within a width, and a table's
 * row rules. Sizes in points. */
PangoLayout *waymark_print_layout_new     (GtkPrintContext *context,
                                           const char      *text,
                                           double           width,
                                           gboolean         bold,
                                           double           size);
double       waymark_print_text_height    (GtkPrintContext *context,
                                           const char      *text,
                                           double           width,
                                           gboolean         bold,
                                           double           size);
void         waymark_print_draw_text      (cairo_t         *cr,
                                           GtkPrintContext *context,
                                           const char      *text,
                                           double           x,
                                           double           y,
                                           double           width,
                                           gboolean         bold,
                                           double           size);
/* A print operation for a handout on A4 landscape, its page set up in the print dialog's
 * settings; `name` is the job's and the one Print to File offers (not "output.pdf"). */
GtkPrintOperation *waymark_print_operation_new (const char *name);
/* A rule under a row across the page, the row shaded grey first when `shaded`. */
void         waymark_print_draw_row_frame (cairo_t         *cr,
                                           double           width,
                                           double           y,
                                           double           height,
                                           gboolean         shaded);

G_END_DECLS
