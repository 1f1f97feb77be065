/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "waymark-compare-print.h"
#include "waymark-print-util.h"

#define FONT_SIZE 8.5
#define PADDING 4.0
#define HEADER_HEIGHT 44.0
#define FOOTER_HEIGHT 22.0

typedef struct
{
  WaymarkComparison *comparison;
  GPtrArray         *names;      /* char *, one per column */
  GPtrArray         *rows;       /* WaymarkComparisonRow */
  GArray            *heights;    /* double: the names' row, then one per attribute */
  GArray            *page_rows;  /* guint: the first attribute row of each page */
  double             label_width;
  double             column_width;
  char              *date;
  gboolean           hide_identical;  /* as the page: rows that say the same for all left out */
  guint              n_hidden;
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_clear_object (&data->comparison);
  g_clear_pointer (&data->names, g_ptr_array_unref);
  g_clear_pointer (&data->rows, g_ptr_array_unref);
  g_clear_pointer (&data->heights, g_array_unref);
  g_clear_pointer (&data->page_rows, g_array_unref);
  g_free (data->date);
  g_free (data);
}

/* What a cell says on paper: the value, then its mark in words (paper has no colour to lean on). */
static char *
cell_text (WaymarkComparisonRow *row,
           guint                 column)
{
  if ((row->best & (1u << column)) != 0)
    return g_strdup_printf ("%s\n★ %s", row->cells[column], row->best_label);
  return g_strdup (row->cells[column]);
}

static char *
label_text (WaymarkComparisonRow *row,
            guint                 n_columns)
{
  GString *out = g_string_new (row->label);

  if (row->differs && n_columns > 1)
    g_string_append_printf (out, "\n%s", _("Differs"));
  if (row->note != NULL)
    g_string_append_printf (out, "\n%s", row->note);
  return g_string_free (out, FALSE);
}

static double
row_height (PrintData            *data,
            GtkPrintContext      *context,
            WaymarkComparisonRow *row)
{
  g_autofree char *label = label_text (row, data->names->len);
  double height = waymark_print_text_height (context, label, data->label_width - 2 * PADDING,
                                             TRUE, FONT_SIZE);

  for (guint i = 0; i < data->names->len; i++)
    {
      g_autofree char *text = cell_text (row, i);

      height = MAX (height, waymark_print_text_height (context, text,
                                                       data->column_width - 2 * PADDING, FALSE,
                                                       FONT_SIZE));
    }
  return height + 2 * PADDING;
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *data)
{
  double width = gtk_print_context_get_width (context);
  double table_height = gtk_print_context_get_height (context) - HEADER_HEIGHT - FOOTER_HEIGHT;
  double names_height = 0;
  double used;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (data->comparison));

  /* A preview and the print itself each begin again. */
  g_clear_pointer (&data->names, g_ptr_array_unref);
  g_clear_pointer (&data->rows, g_ptr_array_unref);
  g_clear_pointer (&data->heights, g_array_unref);
  g_clear_pointer (&data->page_rows, g_array_unref);
  data->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (G_LIST_MODEL (data->comparison), i);

      g_ptr_array_add (data->names, g_strdup (waymark_intervention_get_name (item)));
    }
  data->rows = waymark_comparison_build_rows (data->comparison);
  data->n_hidden = 0;
  if (data->hide_identical && n > 1)
    for (guint r = data->rows->len; r-- > 0;)
      if (!((WaymarkComparisonRow *) g_ptr_array_index (data->rows, r))->differs)
        {
          g_ptr_array_remove_index (data->rows, r);
          data->n_hidden++;
        }
  data->label_width = width * 0.18;
  data->column_width = n > 0 ? (width - data->label_width) / n : width - data->label_width;

  for (guint i = 0; i < n; i++)
    names_height = MAX (names_height,
                        waymark_print_text_height (context, g_ptr_array_index (data->names, i),
                                                   data->column_width - 2 * PADDING, TRUE,
                                                   FONT_SIZE));
  names_height += 2 * PADDING;

  /* Rows never split across pages; the names head every page. */
  data->heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (data->heights, names_height);
  data->page_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  used = table_height;  /* forces a first page */
  for (guint r = 0; r < data->rows->len; r++)
    {
      double height = row_height (data, context, g_ptr_array_index (data->rows, r));

      g_array_append_val (data->heights, height);
      if (used + height > table_height)
        {
          g_array_append_val (data->page_rows, r);
          used = names_height;
        }
      used += height;
    }
  if (data->page_rows->len == 0)
    {
      guint first = 0;

      g_array_append_val (data->page_rows, first);
    }

  gtk_print_operation_set_n_pages (operation, data->page_rows->len);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintData         *data)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  WaymarkCatalogue *catalogue = waymark_comparison_get_catalogue (data->comparison);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  guint first = g_array_index (data->page_rows, guint, page_nr);
  guint last = (guint) page_nr + 1 < data->page_rows->len
               ? g_array_index (data->page_rows, guint, page_nr + 1) : data->rows->len;
  g_autofree char *subtitle = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *page = NULL;
  double y;

  if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF && page_nr == 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *title = NULL;

      for (guint i = 0; i < data->names->len; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                (char *) g_ptr_array_index (data->names, i));
      /* Translators: a PDF's title; %s lists interventions' names */
      title = g_strdup_printf (_("Comparison: %s"), names->str);
      cairo_pdf_surface_set_metadata (cairo_get_target (cr), CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (cairo_get_target (cr), CAIRO_PDF_METADATA_CREATOR, "Waymark");
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  waymark_print_draw_text (cr, context, _("Comparison of interventions"), 0, 0, width, TRUE, 14);
  /* Translators: under a printed comparison's title: the catalogue's title, its version, the date */
  subtitle = g_strdup_printf (_("%s · data version %s · %s"),
                              catalogue ? waymark_catalogue_get_title (catalogue) : "",
                              catalogue ? waymark_catalogue_get_data_version (catalogue) : "",
                              data->date);
  if (data->n_hidden > 0)
    {
      char *with_hidden =
        /* Translators: a printed comparison's subtitle, then how many rows Hide Rows That Agree
         * left out */
        g_strdup_printf (ngettext ("%s · %u row that says the same for all is left out",
                                   "%s · %u rows that say the same for all are left out",
                                   data->n_hidden),
                         subtitle, data->n_hidden);

      g_free (subtitle);
      subtitle = with_hidden;
    }
  waymark_print_draw_text (cr, context, subtitle, 0, 20, width, FALSE, FONT_SIZE);

  /* The names head every page. */
  y = HEADER_HEIGHT;
  waymark_print_draw_row_frame (cr, width, y, g_array_index (data->heights, double, 0), TRUE);
  for (guint i = 0; i < data->names->len; i++)
    waymark_print_draw_text (cr, context, g_ptr_array_index (data->names, i),
               data->label_width + i * data->column_width + PADDING, y + PADDING,
               data->column_width - 2 * PADDING, TRUE, FONT_SIZE);
  y += g_array_index (data->heights, double, 0);

  for (guint r = first; r < last; r++)
    {
      WaymarkComparisonRow *row = g_ptr_array_index (data->rows, r);
      double row_height = g_array_index (data->heights, double, r + 1);
      g_autofree char *label = label_text (row, data->names->len);

      waymark_print_draw_row_frame (cr, width, y, row_height, FALSE);
      waymark_print_draw_text (cr, context, label, PADDING, y + PADDING,
                               data->label_width - 2 * PADDING, TRUE, FONT_SIZE);
      for (guint i = 0; i < data->names->len; i++)
        {
          g_autofree char *text = cell_text (row, i);

          waymark_print_draw_text (cr, context, text,
                                   data->label_width + i * data->column_width + PADDING,
                                   y + PADDING, data->column_width - 2 * PADDING, FALSE,
                                   FONT_SIZE);
        }
      y += row_height;
    }

  /* Translators: a printed comparison's footer; %s is the review the catalogue comes from */
  footer = g_strdup_printf (_("Source: %s"), catalogue ? waymark_catalogue_get_source (catalogue) : "");
  waymark_print_draw_text (cr, context, footer, 0, height - FOOTER_HEIGHT + 6, width * 0.85,
                           FALSE, 7);
  /* Translators: page numbers in a printed comparison's footer */
  page = g_strdup_printf (_("Page %d of %u"), page_nr + 1, data->page_rows->len);
  waymark_print_draw_text (cr, context, page, width * 0.88, height - FOOTER_HEIGHT + 6,
                           width * 0.12, FALSE, 7);
}

GtkPrintOperation *
waymark_compare_print_new (WaymarkComparison *comparison,
                           gboolean           hide_identical)
{
  GtkPrintOperation *operation;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  PrintData *data;

  g_return_val_if_fail (WAYMARK_IS_COMPARISON (comparison), NULL);

  data = g_new0 (PrintData, 1);
  data->comparison = g_object_ref (comparison);
  data->hide_identical = hide_identical;
  /* Translators: the date on a printed comparison, strftime format: "26 November 2026" */
  data->date = g_date_time_format (now, _("%-d %B %Y"));

  /* Translators: a print job's name, and the file name Print to File offers without ".pdf" */
  operation = waymark_print_operation_new (_("Comparison of interventions"));

  g_object_set_data_full (G_OBJECT (operation), "waymark-print-data", data,
                          (GDestroyNotify) print_data_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), data);
  return operation;
}
