/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "waymark-paper-layout.h"
#include "waymark-report-pdf.h"
#include "waymark-report.h"

/* A4 in points, and the margin. */
#define A4_WIDTH (210.0 / 25.4 * 72.0)
#define A4_HEIGHT (297.0 / 25.4 * 72.0)
#define MARGIN 56.0

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
add_outline (cairo_surface_t    *surface,
             WaymarkPaperLayout *layout)
{
  GArray *headings = waymark_paper_layout_get_headings (layout);
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < headings->len; i++)
    {
      WaymarkPaperHeadingPlace *place = &g_array_index (headings, WaymarkPaperHeadingPlace, i);
      g_autofree char *link = NULL;
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
      int id;

      g_ascii_dtostr (x, sizeof x, MARGIN);
      g_ascii_dtostr (y, sizeof y, place->y);
      link = g_strdup_printf ("page=%u pos=[%s %s]", place->page + 1, x, y);
      id = cairo_pdf_surface_add_outline (surface, place->level == 1 ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                          place->text, link,
                                          place->level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      if (place->level == 1)
        parent = id;
    }
}

GBytes *
waymark_report_pdf_to_bytes (WaymarkBoardPaper *paper,
                             GError           **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  PangoContext *context;
  g_autoptr(WaymarkPaperLayout) layout = NULL;
  g_autofree char *subject = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (paper != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, data, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, paper->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, paper->author);
  subject = g_strdup_printf ("%s, %s", paper->subtitle, paper->area);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Waymark");
  cr = cairo_create (surface);

  /* Points at 72 dpi: a font of 10 points is 10 units high on the page. */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (context, 72.0);
  pango_cairo_update_context (cr, context);
  {
    /* The same bytes on every run: no hinting that depends on the screen. */
    cairo_font_options_t *options = cairo_font_options_create ();

    cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options (context, options);
    cairo_font_options_destroy (options);
  }

  layout = waymark_paper_layout_new (paper, context, A4_WIDTH, A4_HEIGHT, MARGIN);
  n_pages = waymark_paper_layout_get_n_pages (layout);
  for (guint page = 0; page < n_pages; page++)
    {
      waymark_paper_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }
  add_outline (surface, layout);
  g_clear_pointer (&layout, waymark_paper_layout_free);
  g_object_unref (context);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

gboolean
waymark_report_write_pdf (WaymarkPlan      *plan,
                          WaymarkCatalogue *catalogue,
                          GFile            *file,
                          GError          **error)
{
  return waymark_report_write_paper (plan, catalogue, waymark_report_pdf_to_bytes, file, error);
}
