/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "waymark-plans-print.h"
#include "waymark-print-util.h"

#define FONT_SIZE 8.5
#define PADDING 4.0
#define HEADER_HEIGHT 44.0
#define FOOTER_HEIGHT 22.0

/* One printed row: a label, then one text per plan; a heading has no texts. */
typedef struct
{
  char      *label;
  char     **cells;     /* NULL for a heading, spanning the page */
} PrintRow;

typedef struct
{
  char       **names;
  guint        n_plans;
  GPtrArray   *rows;       /* PrintRow */
  GArray      *heights;    /* double: the names' row, then one per row */
  GArray      *page_rows;  /* guint: the first row of each page */
  double       label_width;
  double       column_width;
  char        *date;
} PrintData;

static void
print_row_free (PrintRow *row)
{
  g_free (row->label);
  g_strfreev (row->cells);
  g_free (row);
}

static void
print_data_free (PrintData *data)
{
  g_strfreev (data->names);
  g_clear_pointer (&data->rows, g_ptr_array_unref);
  g_clear_pointer (&data->heights, g_array_unref);
  g_clear_pointer (&data->page_rows, g_array_unref);
  g_free (data->date);
  g_free (data);
}

static void
add_row (PrintData *data,
         char      *label,
         char     **cells)
{
  PrintRow *row = g_new0 (PrintRow, 1);

  row->label = label;
  row->cells = cells;
  g_ptr_array_add (data->rows, row);
}

/* Everything the window shows, as text: paper has no colour or icon to lean on. */
static void
build_rows (PrintData             *data,
            WaymarkPlanComparison *comparison)
{
  int section = -1;
  char **cells;

  add_row (data, g_strdup (comparison->lowest_cost_words), NULL);
  add_row (data, g_strdup (comparison->strongest_evidence_words), NULL);

  for (guint m = 0; m < comparison->measures->len; m++)
    {
      const WaymarkPlanMeasure *measure = g_ptr_array_index (comparison->measures, m);

      if ((int) measure->section != section)
        {
          section = measure->section;
          add_row (data, g_strdup (waymark_plan_section_get_label (section)), NULL);
        }
      cells = g_new0 (char *, comparison->n_plans + 1);
      for (guint p = 0; p < comparison->n_plans; p++)
        {
          g_autofree char *value = waymark_plan_comparison_format_value (measure, p);
          const char *mark = NULL;

          if (g_str_equal (measure->id, "total") && comparison->lowest_cost[p])
            mark = _("Lowest cost");
          else if (g_str_equal (measure->id, "evidence:high:share") &&
                   comparison->strongest_evidence[p])
            mark = _("Strongest evidence mix");
          cells[p] = mark != NULL ? g_strdup_printf ("%s\n★ %s", value, mark)
                                  : g_steal_pointer (&value);
        }
      add_row (data, measure->differs ? g_strdup_printf ("%s\n%s", measure->label, _("Differs"))
                                      : g_strdup (measure->label), cells);
    }

  add_row (data, g_strdup (_("Warnings")), NULL);
  cells = g_new0 (char *, comparison->n_plans + 1);
  for (guint p = 0; p < comparison->n_plans; p++)
    {
      GString *text = g_string_new (NULL);
      g_autoptr(GPtrArray) cleared = waymark_plan_comparison_list_cleared (comparison, p);

      for (guint r = 0; r < comparison->warnings->len; r++)
        {
          const WaymarkPlanWarningRow *warning = g_ptr_array_index (comparison->warnings, r);

          if (warning->messages[p] != NULL)
            g_string_append_printf (text, "%s%s %s", text->len > 0 ? "\n" : "", _("Raises:"),
                                    warning->messages[p]);
        }
      for (guint r = 0; r < cleared->len; r++)
        {
          const WaymarkPlanWarningRow *warning = g_ptr_array_index (cleared, r);
          guint q = 0;

          while (warning->messages[q] == NULL)
            q++;
          g_string_append_printf (text, "%s%s %s", text->len > 0 ? "\n" : "", _("Clears:"),
                                  warning->messages[q]);
        }
      cells[p] = g_string_free (text, FALSE);
    }
  add_row (data, g_strdup (_("What each plan raises, and what it clears of the others’")), cells);

  {
    /* Translators: %s is the first plan's name */
    add_row (data, g_strdup_printf (_("Differences in money are over the plan, from %s."),
                                    comparison->names[0]), NULL);
  }
  for (guint r = 0; r < comparison->items->len; r++)
    {
      const WaymarkPlanItemRow *item = g_ptr_array_index (comparison->items, r);

      cells = g_new0 (char *, comparison->n_plans + 1);
      for (guint p = 0; p < comparison->n_plans; p++)
        cells[p] = waymark_plan_comparison_format_item (item, p);
      add_row (data, g_strdup_printf ("%s\n%s%s%s", item->name,
                                      item->in_every_plan ? _("In every plan")
                                                          : _("In some plans only"),
                                      item->differs ? "\n" : "",
                                      item->differs ? _("Differs") : ""), cells);
    }
}

static double
row_height (PrintData       *data,
            GtkPrintContext *context,
            PrintRow        *row,
            double           width)
{
  double height;

  if (row->cells == NULL)
    return waymark_print_text_height (context, row->label, width - 2 * PADDING, TRUE,
                                      FONT_SIZE) + 2 * PADDING;
  height = waymark_print_text_height (context, row->label, data->label_width - 2 * PADDING, TRUE,
                                      FONT_SIZE);
  for (guint p = 0; p < data->n_plans; p++)
    height = MAX (height, waymark_print_text_height (context, row->cells[p],
                                                     data->column_width - 2 * PADDING, FALSE,
                                                     FONT_SIZE));
  return height + 2 * PADDING;
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *data)
{
  double width = gtk_print_context_get_width (context);
  double table_height = gtk_print_context_get_height (context) - HEADER_HEIGHT - FOOTER_HEIGHT;
  double names_height = 0, used;

  /* A preview and the print itself each begin again. */
  g_clear_pointer (&data->heights, g_array_unref);
  g_clear_pointer (&data->page_rows, g_array_unref);
  data->label_width = width * 0.22;
  data->column_width = (width - data->label_width) / data->n_plans;

  for (guint p = 0; p < data->n_plans; p++)
    names_height = MAX (names_height,
                        waymark_print_text_height (context, data->names[p],
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
      double height = row_height (data, context, g_ptr_array_index (data->rows, r), width);

      g_array_append_val (data->heights, height);
      if (used + height > table_height)
        {
          g_array_append_val (data->page_rows, r);
          used = names_height;
        }
      used += height;
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
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  guint first = g_array_index (data->page_rows, guint, page_nr);
  guint last = (guint) page_nr + 1 < data->page_rows->len
               ? g_array_index (data->page_rows, guint, page_nr + 1) : data->rows->len;
  g_autofree char *page = NULL;
  double y;

  if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF && page_nr == 0)
    {
      cairo_pdf_surface_set_metadata (cairo_get_target (cr), CAIRO_PDF_METADATA_TITLE,
                                      _("Plans compared"));
      cairo_pdf_surface_set_metadata (cairo_get_target (cr), CAIRO_PDF_METADATA_CREATOR, "Waymark");
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  waymark_print_draw_text (cr, context, _("Plans compared"), 0, 0, width, TRUE, 14);
  waymark_print_draw_text (cr, context, data->date, 0, 20, width, FALSE, FONT_SIZE);

  y = HEADER_HEIGHT;
  waymark_print_draw_row_frame (cr, width, y, g_array_index (data->heights, double, 0), TRUE);
  for (guint p = 0; p < data->n_plans; p++)
    waymark_print_draw_text (cr, context, data->names[p],
                             data->label_width + p * data->column_width + PADDING, y + PADDING,
                             data->column_width - 2 * PADDING, TRUE, FONT_SIZE);
  y += g_array_index (data->heights, double, 0);

  for (guint r = first; r < last; r++)
    {
      PrintRow *row = g_ptr_array_index (data->rows, r);
      double height_r = g_array_index (data->heights, double, r + 1);

      waymark_print_draw_row_frame (cr, width, y, height_r, row->cells == NULL);
      if (row->cells == NULL)
        waymark_print_draw_text (cr, context, row->label, PADDING, y + PADDING,
                                 width - 2 * PADDING, TRUE, FONT_SIZE);
      else
        {
          waymark_print_draw_text (cr, context, row->label, PADDING, y + PADDING,
                                   data->label_width - 2 * PADDING, TRUE, FONT_SIZE);
          for (guint p = 0; p < data->n_plans; p++)
            waymark_print_draw_text (cr, context, row->cells[p],
                                     data->label_width + p * data->column_width + PADDING,
                                     y + PADDING, data->column_width - 2 * PADDING, FALSE,
                                     FONT_SIZE);
        }
      y += height_r;
    }

  waymark_print_draw_text (cr, context,
                           _("Figures: the plans’ own, and the review’s costs as the plans carry "
                             "them; shares, differences and marks computed by Waymark."),
                           0, height - FOOTER_HEIGHT + 6, width * 0.85, FALSE, 7);
  /* Translators: page numbers in a printed comparison's footer */
  page = g_strdup_printf (_("Page %d of %u"), page_nr + 1, data->page_rows->len);
  waymark_print_draw_text (cr, context, page, width * 0.88, height - FOOTER_HEIGHT + 6,
                           width * 0.12, FALSE, 7);
}

GtkPrintOperation *
waymark_plans_print_new (WaymarkPlanComparison *comparison)
{
  GtkPrintOperation *operation;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  PrintData *data;

  g_return_val_if_fail (comparison != NULL, NULL);

  data = g_new0 (PrintData, 1);
  data->n_plans = comparison->n_plans;
  data->names = g_strdupv (comparison->names);
  data->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) print_row_free);
  build_rows (data, comparison);
  /* Translators: the date on a printed comparison, strftime format: "26 November 2026" */
  data->date = g_date_time_format (now, _("%-d %B %Y"));

  /* Translators: a print job's name, and the file name Print to File offers without ".pdf" */
  operation = waymark_print_operation_new (_("Plans compared"));

  g_object_set_data_full (G_OBJECT (operation), "waymark-print-data", data,
                          (GDestroyNotify) print_data_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), data);
  return operation;
}
