/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "waymark-print-util.h"

PangoLayout *
waymark_print_layout_new (GtkPrintContext *context,
                          const char      *text,
                          double           width,
                          gboolean         bold,
                          double           size)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

double
waymark_print_text_height (GtkPrintContext *context,
                           const char      *text,
                           double           width,
                           gboolean         bold,
                           double           size)
{
  g_autoptr(PangoLayout) layout = waymark_print_layout_new (context, text, width, bold, size);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

void
waymark_print_draw_text (cairo_t         *cr,
                         GtkPrintContext *context,
                         const char      *text,
                         double           x,
                         double           y,
                         double           width,
                         gboolean         bold,
                         double           size)
{
  g_autoptr(PangoLayout) layout = waymark_print_layout_new (context, text, width, bold, size);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

void
waymark_print_draw_row_frame (cairo_t *cr,
                              double   width,
                              double   y,
                              double   height,
                              gboolean shaded)
{
  if (shaded)
    {
      cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
      cairo_rectangle (cr, 0, y, width, height);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, y + height);
  cairo_line_to (cr, width, y + height);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

GtkPrintOperation *
waymark_print_operation_new (const char *name)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_paper_size_free (a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  return operation;
}
