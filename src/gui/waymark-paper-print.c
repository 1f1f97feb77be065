/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-board-paper.h"
#include "waymark-paper-layout.h"
#include "waymark-paper-print.h"

/* The PDF's margin (waymark-report-pdf.c), on the whole page, so print and PDF are one layout. */
#define MARGIN 56.0

typedef struct
{
  WaymarkBoardPaper  *paper;
  WaymarkPaperLayout *layout;
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_clear_pointer (&data->layout, waymark_paper_layout_free);
  g_clear_pointer (&data->paper, waymark_board_paper_free);
  g_free (data);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *data)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);

  g_clear_pointer (&data->layout, waymark_paper_layout_free);
  data->layout = waymark_paper_layout_new (data->paper, pango,
                                           gtk_print_context_get_width (context),
                                           gtk_print_context_get_height (context), MARGIN);
  g_object_unref (pango);
  gtk_print_operation_set_n_pages (operation, waymark_paper_layout_get_n_pages (data->layout));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintData         *data)
{
  waymark_paper_layout_draw_page (data->layout, gtk_print_context_get_cairo_context (context),
                                  (guint) page_nr);
}

GtkPrintOperation *
waymark_paper_print_new (WaymarkPlan      *plan,
                         WaymarkCatalogue *catalogue)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  GtkPaperSize *a4;
  PrintData *data;

  g_return_val_if_fail (WAYMARK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue), NULL);

  data = g_new0 (PrintData, 1);
  data->paper = waymark_board_paper_new (plan, catalogue);

  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_paper_size_free (a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The layout has margins of its own: the same pages as the PDF. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, data->paper->title);
  /* Print to File offers the plan's title, not "output.pdf". */
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, data->paper->title);
  gtk_print_operation_set_print_settings (operation, settings);

  g_object_set_data_full (G_OBJECT (operation), "waymark-print-data", data,
                          (GDestroyNotify) print_data_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), data);
  return operation;
}
