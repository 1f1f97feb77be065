/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "waymark-local-service.h"
#include "waymark-plan-io.h"
#include "waymark-report-xlsx.h"
#include "waymark-safe-read.h"
#include "waymark-safe-write.h"

/* Excel keeps at most 32,767 characters in a cell; a longer text is cut, and says so. */
#define CELL_MAX_CHARS 32767
/* A workbook larger than this is not read back for the atomic write (it cannot happen: the
 * plan file it comes from is at most 64 MB of text). */
#define WORKBOOK_MAX_BYTES (512 * 1024 * 1024)

#define ITEMS_SHEET "Items"

/* The Items sheet's columns before the years' columns: each code beside its label. */
enum
{
  COL_ID,
  COL_NAME,
  COL_OPTION_KIND,
  COL_LEVEL_ID,
  COL_LEVEL,
  COL_FOCUS_ID,
  COL_FOCUS,
  COL_WORKS_WITH_ID,
  COL_WORKS_WITH,
  COL_EVIDENCE_ID,
  COL_EVIDENCE,
  COL_IMPACT_ID,
  COL_IMPACT,
  COL_LLR_ID,
  COL_LLR,
  COL_FUNDING_ID,
  COL_FUNDING,
  COL_COST_SOURCE_ID,
  COL_COST_SOURCE,
  COL_UNIT,
  COL_PROVIDER,
  N_FIXED_COLUMNS
};

/* Each year's columns, in this order, after the fixed ones. */
enum
{
  YEAR_QUANTITY,
  YEAR_UNIT_LOW,
  YEAR_UNIT_HIGH,
  YEAR_LINE_LOW,
  YEAR_LINE_HIGH,
  N_YEAR_COLUMNS
};

typedef struct
{
  WaymarkPlan      *plan;
  WaymarkCatalogue *catalogue;
  lxw_workbook     *book;
  lxw_format       *bold;
  lxw_format       *header;
  lxw_format       *money;
  lxw_format       *money_bold;
  lxw_format       *wrap;
  lxw_error         status;     /* the first error libxlsxwriter reported */
  guint             n_items;
  guint             years;
} Writer;

static void
note_status (Writer    *w,
             lxw_error  status)
{
  if (w->status == LXW_NO_ERROR)
    w->status = status;
}

/* Free text, always as a string (so "=1+1" stays those four characters); nothing for NULL or "". */
static void
put_text (Writer        *w,
          lxw_worksheet *sheet,
          lxw_row_t      row,
          lxw_col_t      col,
          const char    *text,
          lxw_format    *format)
{
  g_autofree char *cut = NULL;

  if (text == NULL || *text == '\0')
    return;
  if (g_utf8_strlen (text, -1) > CELL_MAX_CHARS)
    {
      const char *mark = _(" […cut: the whole text is in the plan]");
      glong keep = CELL_MAX_CHARS - g_utf8_strlen (mark, -1);
      const char *end = g_utf8_offset_to_pointer (text, keep);
      g_autofree char *head = g_strndup (text, end - text);

      cut = g_strconcat (head, mark, NULL);
      text = cut;
    }
  note_status (w, worksheet_write_string (sheet, row, col, text, format));
}

static void
put_number (Writer        *w,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            double         value,
            lxw_format    *format)
{
  note_status (w, worksheet_write_number (sheet, row, col, value, format));
}

/* Pence as pounds: exact for every amount Waymark allows (at most 10^11 pence < 2^53). */
static double
pounds (gint64 pence)
{
  return (double) pence / 100.0;
}

static void
put_money (Writer        *w,
           lxw_worksheet *sheet,
           lxw_row_t      row,
           lxw_col_t      col,
           gint64         pence,
           lxw_format    *format)
{
  put_number (w, sheet, row, col, pounds (pence), format != NULL ? format : w->money);
}

/* A formula Waymark built from cell references, with its value as Waymark worked it out, which a
 * reader that does not recalculate shows. */
static void
put_formula (Writer        *w,
             lxw_worksheet *sheet,
             lxw_row_t      row,
             lxw_col_t      col,
             const char    *formula,
             gint64         pence,
             lxw_format    *format)
{
  note_status (w, worksheet_write_formula_num (sheet, row, col, formula,
                                               format != NULL ? format : w->money,
                                               pounds (pence)));
}

/* "A1"-style reference, column letters and a 1-based row. */
static char *
cell_name (lxw_row_t row,
           lxw_col_t col)
{
  char name[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (name, row, col);
  return g_strdup (name);
}

static lxw_col_t
year_column (guint year,
             guint which)
{
  return (lxw_col_t) (N_FIXED_COLUMNS + year * N_YEAR_COLUMNS + which);
}

static const char *
rating_label (WaymarkPlanItem *item,
              WaymarkRating    rating)
{
  if (waymark_plan_item_get_local_service (item))
    return waymark_local_service_mark ();
  return waymark_rating_get_label (rating);
}

static const char *
rating_id (WaymarkRating rating)
{
  return rating == WAYMARK_RATING_NONE ? NULL : waymark_enum_to_string (WAYMARK_TYPE_RATING,
                                                                          rating);
}

static WaymarkIntervention *
lookup_intervention (Writer          *w,
                     WaymarkPlanItem *item)
{
  if (w->catalogue == NULL || waymark_plan_item_get_missing (item) ||
      waymark_plan_item_get_local_service (item))
    return NULL;
  return waymark_catalogue_lookup (w->catalogue, waymark_plan_item_get_intervention_id (item));
}

/* Items */

static void
write_items (Writer *w)
{
  lxw_worksheet *sheet = workbook_add_worksheet (w->book, ITEMS_SHEET);
  static const struct { guint column; const char *header; } fixed[] = {
    { COL_ID, N_("Intervention id") },
    { COL_NAME, N_("Intervention") },
    { COL_OPTION_KIND, N_("Option kind") },
    { COL_LEVEL_ID, N_("Level (code)") },
    { COL_LEVEL, N_("Level") },
    { COL_FOCUS_ID, N_("Focus (code)") },
    { COL_FOCUS, N_("Focus") },
    { COL_WORKS_WITH_ID, N_("Works with (code)") },
    { COL_WORKS_WITH, N_("Works with") },
    { COL_EVIDENCE_ID, N_("Evidence (code)") },
    { COL_EVIDENCE, N_("Evidence") },
    { COL_IMPACT_ID, N_("Impact (code)") },
    { COL_IMPACT, N_("Impact") },
    { COL_LLR_ID, N_("LLR status (code)") },
    { COL_LLR, N_("LLR status") },
    { COL_FUNDING_ID, N_("Funding stream (code)") },
    { COL_FUNDING, N_("Funding stream") },
    { COL_COST_SOURCE_ID, N_("Cost source (code)") },
    { COL_COST_SOURCE, N_("Cost source") },
    { COL_UNIT, N_("Unit") },
    { COL_PROVIDER, N_("Provider") },
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (fixed) == N_FIXED_COLUMNS);

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    put_text (w, sheet, 0, fixed[i].column, _(fixed[i].header), w->header);
  for (guint y = 0; y < w->years; y++)
    {
      g_autofree char *label = waymark_plan_dup_year_label (w->plan, y);
      /* Translators: the Items sheet's column headers; %s is a year, "2026/27" or "2026". */
      g_autofree char *quantity = g_strdup_printf (_("Quantity %s"), label);
      g_autofree char *unit_low = g_strdup_printf (_("Unit cost low %s"), label);
      g_autofree char *unit_high = g_strdup_printf (_("Unit cost high %s"), label);
      g_autofree char *line_low = g_strdup_printf (_("Line total low %s"), label);
      g_autofree char *line_high = g_strdup_printf (_("Line total high %s"), label);

      put_text (w, sheet, 0, year_column (y, YEAR_QUANTITY), quantity, w->header);
      put_text (w, sheet, 0, year_column (y, YEAR_UNIT_LOW), unit_low, w->header);
      put_text (w, sheet, 0, year_column (y, YEAR_UNIT_HIGH), unit_high, w->header);
      put_text (w, sheet, 0, year_column (y, YEAR_LINE_LOW), line_low, w->header);
      put_text (w, sheet, 0, year_column (y, YEAR_LINE_HIGH), line_high, w->header);
    }

  for (guint i = 0; i < w->n_items; i++)
    {
      g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (G_LIST_MODEL (w->plan), i);
      lxw_row_t row = i + 1;
      WaymarkLevel levels = waymark_plan_item_get_levels (item);
      WaymarkWorksWith works_with = waymark_plan_item_get_works_with (item);
      WaymarkFundingSource funding = waymark_plan_item_get_funding_source (item);
      WaymarkCostSource cost_source = waymark_plan_item_get_cost_source (item);
      gboolean local = waymark_plan_item_get_local_service (item);
      g_autofree char *level_ids = waymark_flags_to_string (WAYMARK_TYPE_LEVEL, levels, ";");
      g_autofree char *level_labels = waymark_flags_format_labels (WAYMARK_TYPE_LEVEL, levels);
      g_autofree char *works_ids = waymark_flags_to_string (WAYMARK_TYPE_WORKS_WITH, works_with,
                                                            ";");
      g_autofree char *works_labels = waymark_flags_format_labels (WAYMARK_TYPE_WORKS_WITH,
                                                                   works_with);
      const char *funding_name = waymark_plan_item_get_funding_name (item);

      put_text (w, sheet, row, COL_ID, waymark_plan_item_get_intervention_id (item), NULL);
      put_text (w, sheet, row, COL_NAME, waymark_plan_item_get_name (item), NULL);
      put_text (w, sheet, row, COL_OPTION_KIND, local ? "local" : "review", NULL);
      put_text (w, sheet, row, COL_LEVEL_ID, level_ids, NULL);
      put_text (w, sheet, row, COL_LEVEL, level_labels, NULL);
      put_text (w, sheet, row, COL_FOCUS_ID,
                waymark_enum_to_string (WAYMARK_TYPE_FOCUS, waymark_plan_item_get_focus (item)),
                NULL);
      put_text (w, sheet, row, COL_FOCUS,
                waymark_focus_get_label (waymark_plan_item_get_focus (item)), NULL);
      put_text (w, sheet, row, COL_WORKS_WITH_ID, works_ids, NULL);
      put_text (w, sheet, row, COL_WORKS_WITH, works_labels, NULL);
      put_text (w, sheet, row, COL_EVIDENCE_ID,
                rating_id (waymark_plan_item_get_evidence_rating (item)), NULL);
      put_text (w, sheet, row, COL_EVIDENCE,
                rating_label (item, waymark_plan_item_get_evidence_rating (item)), NULL);
      put_text (w, sheet, row, COL_IMPACT_ID,
                rating_id (waymark_plan_item_get_impact_rating (item)), NULL);
      put_text (w, sheet, row, COL_IMPACT,
                rating_label (item, waymark_plan_item_get_impact_rating (item)), NULL);
      put_text (w, sheet, row, COL_LLR_ID,
                waymark_enum_to_string (WAYMARK_TYPE_LLR_STATUS,
                                        waymark_plan_item_get_llr_status (item)), NULL);
      put_text (w, sheet, row, COL_LLR,
                waymark_llr_status_get_label (waymark_plan_item_get_llr_status (item)), NULL);
      put_text (w, sheet, row, COL_FUNDING_ID,
                waymark_enum_to_string (WAYMARK_TYPE_FUNDING_SOURCE, funding), NULL);
      /* A local stream is shown by its name, as the plan's breakdown shows it. */
      put_text (w, sheet, row, COL_FUNDING,
                funding == WAYMARK_FUNDING_SOURCE_OTHER && funding_name[0] != '\0'
                ? funding_name : waymark_funding_source_get_label (funding), NULL);
      if (waymark_plan_item_has_cost (item))
        {
          put_text (w, sheet, row, COL_COST_SOURCE_ID,
                    waymark_enum_to_string (WAYMARK_TYPE_COST_SOURCE, cost_source), NULL);
          put_text (w, sheet, row, COL_COST_SOURCE, waymark_cost_source_get_label (cost_source),
                    NULL);
        }
      put_text (w, sheet, row, COL_UNIT, waymark_plan_item_get_unit (item), NULL);
      put_text (w, sheet, row, COL_PROVIDER, waymark_plan_item_get_provider (item), NULL);

      for (guint y = 0; y < w->years; y++)
        {
          WaymarkItemYear year;

          waymark_plan_get_item_year (w->plan, item, y, &year);
          put_number (w, sheet, row, year_column (y, YEAR_QUANTITY), year.quantity, NULL);
          if (!year.has_cost)
            continue;
          put_money (w, sheet, row, year_column (y, YEAR_UNIT_LOW), year.unit_low, NULL);
          put_money (w, sheet, row, year_column (y, YEAR_UNIT_HIGH), year.unit_high, NULL);
          /* ROUND to the penny: quantity × a pounds figure in binary floating point can fall a
           * hair either side of the exact amount, which Waymark's integer pence are. */
          for (guint which = YEAR_LINE_LOW; which <= YEAR_LINE_HIGH; which++)
            {
              g_autofree char *quantity = cell_name (row, year_column (y, YEAR_QUANTITY));
              g_autofree char *unit = cell_name (row, year_column (y, which == YEAR_LINE_LOW
                                                                       ? YEAR_UNIT_LOW
                                                                       : YEAR_UNIT_HIGH));
              g_autofree char *formula = g_strdup_printf ("=ROUND(%s*%s,2)", quantity, unit);

              put_formula (w, sheet, row, year_column (y, which), formula,
                           which == YEAR_LINE_LOW ? year.line_low : year.line_high, NULL);
            }
        }
    }

  worksheet_set_column (sheet, COL_ID, COL_ID, 24, NULL);
  worksheet_set_column (sheet, COL_NAME, COL_NAME, 40, NULL);
  worksheet_set_column (sheet, COL_OPTION_KIND, COL_PROVIDER, 18, NULL);
  if (w->years > 0)
    worksheet_set_column (sheet, year_column (0, 0), year_column (w->years - 1, N_YEAR_COLUMNS - 1),
                          16, NULL);
  worksheet_freeze_panes (sheet, 1, 0);
  note_status (w, worksheet_autofilter (sheet, 0, 0, w->n_items,
                                        year_column (w->years, 0) - 1));
}

/* Summary */

/* The Summary sheet's totals table: a row per year, then the plan's. */
enum
{
  TOTALS_COL_YEAR,
  TOTALS_COL_LOW,
  TOTALS_COL_HIGH,
  TOTALS_COL_BUDGET,
  TOTALS_COL_REMAINING_LOW,
  TOTALS_COL_REMAINING_HIGH,
  TOTALS_COL_KIND,
};

static void
put_detail (Writer        *w,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            const char    *label,
            const char    *value,
            const char    *kind)
{
  put_text (w, sheet, row, 0, label, w->bold);
  put_text (w, sheet, row, 1, value, NULL);
  put_text (w, sheet, row, 2, kind, NULL);
}

static char *
format_uplift (guint basis_points)
{
  /* Basis points as a percentage, "2.5%", "3%", "0.25%": never through the locale. */
  g_autofree char *text = g_strdup_printf ("%u.%02u", basis_points / 100, basis_points % 100);
  gsize length = strlen (text);

  while (text[length - 1] == '0')
    text[--length] = '\0';
  if (text[length - 1] == '.')
    text[--length] = '\0';
  return g_strdup_printf ("%s%%", text);
}

/* "=ROUND(SUM(Items!X2:X9),2)", or "=0" for a plan with no items. */
static char *
sum_of_items (Writer    *w,
              lxw_col_t  column)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (w->n_items == 0)
    return g_strdup ("=0");
  first = cell_name (1, column);
  last = cell_name (w->n_items, column);
  return g_strdup_printf ("=ROUND(SUM(" ITEMS_SHEET "!%s:%s),2)", first, last);
}

static void
write_summary (Writer                  *w,
               lxw_worksheet           *sheet,
               const WaymarkPlanTotals *plan_totals)
{
  WaymarkPlan *plan = w->plan;
  g_autofree char *start = g_strdup_printf ("%u", waymark_plan_get_start_year (plan));
  g_autofree char *years = g_strdup_printf ("%u", w->years);
  g_autofree char *first_label = waymark_plan_dup_year_label (plan, 0);
  guint uplift = waymark_plan_get_uplift (plan);
  g_autofree char *uplift_text = uplift > 0 ? format_uplift (uplift) : NULL;
  lxw_row_t row = 0;
  lxw_row_t first_year_row;
  const char *local = _("local: entered in the plan");

  put_text (w, sheet, row, 0, _("Plan"), w->header);
  put_text (w, sheet, row, 1, _("Value"), w->header);
  put_text (w, sheet, row, 2, _("Kind"), w->header);
  row++;
  put_detail (w, sheet, row++, _("Title"), waymark_plan_get_title (plan), local);
  put_detail (w, sheet, row++, _("Area"), waymark_plan_get_area (plan), local);
  put_detail (w, sheet, row++, _("Organisation"), waymark_plan_get_organisation (plan), local);
  put_detail (w, sheet, row++, _("Author"), waymark_plan_get_author (plan), local);
  put_detail (w, sheet, row++, _("First year"), first_label, local);
  put_detail (w, sheet, row++, _("Start year"), start, local);
  put_detail (w, sheet, row++, _("Years"), years, local);
  put_detail (w, sheet, row++, _("Year kind"),
              waymark_year_kind_get_label (waymark_plan_get_year_kind (plan)), local);
  put_text (w, sheet, row, 0, _("Budget over the plan"), w->bold);
  put_money (w, sheet, row, 1, waymark_plan_get_budget (plan), NULL);
  put_text (w, sheet, row++, 2, local, NULL);
  put_text (w, sheet, row, 0, _("Budget per year"), w->bold);
  put_money (w, sheet, row, 1, plan_totals->budget_per_year, NULL);
  put_text (w, sheet, row++, 2, _("computed: the budget over the plan ÷ the years"), NULL);
  put_detail (w, sheet, row++, _("Annual uplift on local costs"),
              uplift_text != NULL ? uplift_text : _("None"),
              _("local: entered in the plan; never applied to a review figure"));

  row++;
  put_text (w, sheet, row, TOTALS_COL_YEAR, _("Year"), w->header);
  put_text (w, sheet, row, TOTALS_COL_LOW, _("Total low"), w->header);
  put_text (w, sheet, row, TOTALS_COL_HIGH, _("Total high"), w->header);
  put_text (w, sheet, row, TOTALS_COL_BUDGET, _("Budget"), w->header);
  put_text (w, sheet, row, TOTALS_COL_REMAINING_LOW, _("Remaining (least)"), w->header);
  put_text (w, sheet, row, TOTALS_COL_REMAINING_HIGH, _("Remaining (most)"), w->header);
  put_text (w, sheet, row, TOTALS_COL_KIND, _("Kind"), w->header);
  row++;

  first_year_row = row;
  for (guint y = 0; y < w->years; y++, row++)
    {
      WaymarkPlanTotals totals;
      g_autofree char *label = waymark_plan_dup_year_label (plan, y);
      g_autofree char *low = sum_of_items (w, year_column (y, YEAR_LINE_LOW));
      g_autofree char *high = sum_of_items (w, year_column (y, YEAR_LINE_HIGH));
      g_autofree char *budget = cell_name (row, TOTALS_COL_BUDGET);
      g_autofree char *low_cell = cell_name (row, TOTALS_COL_LOW);
      g_autofree char *high_cell = cell_name (row, TOTALS_COL_HIGH);
      g_autofree char *remaining_low = g_strdup_printf ("=%s-%s", budget, high_cell);
      g_autofree char *remaining_high = g_strdup_printf ("=%s-%s", budget, low_cell);
      /* Translators: how a year's totals on the Summary sheet are worked out; %s is the year. */
      g_autofree char *kind = g_strdup_printf (_("computed: the sum of the line totals for %s on "
                                                 "the Items sheet; remaining = budget − total"),
                                               label);

      waymark_plan_get_year_totals (plan, y, &totals);
      put_text (w, sheet, row, TOTALS_COL_YEAR, label, NULL);
      put_formula (w, sheet, row, TOTALS_COL_LOW, low, totals.total_low, NULL);
      put_formula (w, sheet, row, TOTALS_COL_HIGH, high, totals.total_high, NULL);
      put_money (w, sheet, row, TOTALS_COL_BUDGET, totals.budget_per_year, NULL);
      put_formula (w, sheet, row, TOTALS_COL_REMAINING_LOW, remaining_low,
                   totals.remaining_low, NULL);
      put_formula (w, sheet, row, TOTALS_COL_REMAINING_HIGH, remaining_high,
                   totals.remaining_high, NULL);
      put_text (w, sheet, row, TOTALS_COL_KIND, kind, NULL);
    }

  /* Over the plan: the years' totals summed, and the whole budget. */
  put_text (w, sheet, row, TOTALS_COL_YEAR, _("Over the plan"), w->bold);
  for (guint column = TOTALS_COL_LOW; column <= TOTALS_COL_HIGH; column++)
    {
      g_autofree char *first = cell_name (first_year_row, column);
      g_autofree char *last = cell_name (row - 1, column);
      g_autofree char *formula = w->years > 0
        ? g_strdup_printf ("=ROUND(SUM(%s:%s),2)", first, last) : g_strdup ("=0");

      put_formula (w, sheet, row, column, formula,
                   column == TOTALS_COL_LOW ? plan_totals->total_low : plan_totals->total_high,
                   w->money_bold);
    }
  put_money (w, sheet, row, TOTALS_COL_BUDGET, waymark_plan_get_budget (plan), w->money_bold);
  {
    g_autofree char *budget = cell_name (row, TOTALS_COL_BUDGET);
    g_autofree char *low_cell = cell_name (row, TOTALS_COL_LOW);
    g_autofree char *high_cell = cell_name (row, TOTALS_COL_HIGH);
    g_autofree char *remaining_low = g_strdup_printf ("=%s-%s", budget, high_cell);
    g_autofree char *remaining_high = g_strdup_printf ("=%s-%s", budget, low_cell);

    put_formula (w, sheet, row, TOTALS_COL_REMAINING_LOW, remaining_low,
                 plan_totals->remaining_low, w->money_bold);
    put_formula (w, sheet, row, TOTALS_COL_REMAINING_HIGH, remaining_high,
                 plan_totals->remaining_high, w->money_bold);
  }
  put_text (w, sheet, row, TOTALS_COL_KIND,
            _("computed: the sum of the years’ totals; remaining = the budget over the plan − "
              "total"), NULL);
  row += 2;
  if (plan_totals->n_without_cost > 0)
    {
      g_autofree char *note =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u item has no cost yet and is not in the totals.",
                                      "%u items have no cost yet and are not in the totals.",
                                      plan_totals->n_without_cost),
                         plan_totals->n_without_cost);

      put_text (w, sheet, row++, 0, note, NULL);
    }

  /* Column B holds the plan's details as well as the first year's totals: wide enough for a
   * title. */
  worksheet_set_column (sheet, 0, 0, 30, NULL);
  worksheet_set_column (sheet, 1, 1, 40, NULL);
  worksheet_set_column (sheet, 2, 5, 20, NULL);
  worksheet_set_column (sheet, 6, 6, 60, NULL);
}

/* Warnings */

static void
write_warnings (Writer *w)
{
  lxw_worksheet *sheet = workbook_add_worksheet (w->book, "Warnings");
  g_autoptr(GPtrArray) warnings = waymark_plan_list_warnings (w->plan);
  static const char * const headers[] = {
    N_("Warning id"), N_("Warning"), N_("Interventions"), N_("Dismissed"),
    N_("Review’s words"), N_("Review section"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    put_text (w, sheet, 0, i, _(headers[i]), w->header);
  for (guint i = 0; i < warnings->len; i++)
    {
      WaymarkPlanWarning *warning = g_ptr_array_index (warnings, i);
      g_autofree char *items = g_strjoinv (";", warning->items);

      put_text (w, sheet, i + 1, 0, warning->id, NULL);
      put_text (w, sheet, i + 1, 1, warning->message, NULL);
      put_text (w, sheet, i + 1, 2, items, NULL);
      put_text (w, sheet, i + 1, 3, warning->dismissed ? _("Yes") : _("No"), NULL);
      put_text (w, sheet, i + 1, 4, warning->quote, NULL);
      put_text (w, sheet, i + 1, 5, warning->section, NULL);
    }
  worksheet_set_column (sheet, 0, 0, 24, NULL);
  worksheet_set_column (sheet, 1, 1, 70, w->wrap);
  worksheet_set_column (sheet, 2, 3, 16, NULL);
  worksheet_set_column (sheet, 4, 4, 70, w->wrap);
  worksheet_set_column (sheet, 5, 5, 30, NULL);
  worksheet_freeze_panes (sheet, 1, 0);
}

/* Sources */

typedef struct
{
  Writer        *w;
  lxw_worksheet *sheet;
  lxw_row_t      row;
} Sources;

static void
add_source (Sources    *s,
            const char *item,
            const char *figure,
            const char *kind,
            const char *source)
{
  put_text (s->w, s->sheet, s->row, 0, item, NULL);
  put_text (s->w, s->sheet, s->row, 1, figure, NULL);
  put_text (s->w, s->sheet, s->row, 2, kind, NULL);
  put_text (s->w, s->sheet, s->row, 3, source, NULL);
  s->row++;
}

static void
write_sources (Writer *w)
{
  Sources s = { w, workbook_add_worksheet (w->book, "Sources"), 0 };
  static const char * const headers[] = {
    N_("Item"), N_("Figure"), N_("Kind"), N_("Source"),
  };
  guint uplift = waymark_plan_get_uplift (w->plan);

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    put_text (w, s.sheet, 0, i, _(headers[i]), w->header);
  s.row = 1;

  add_source (&s, _("Plan"), _("Budget over the plan"), "local",
              _("Entered in the plan by its author"));
  if (uplift > 0)
    {
      g_autofree char *text = format_uplift (uplift);
      g_autofree char *source =
        g_strdup_printf (_("Entered in the plan by its author: %s a year, applied to local unit "
                           "costs from the second year on, never to a review figure"), text);

      add_source (&s, _("Plan"), _("Annual uplift"), "local", source);
    }
  add_source (&s, _("Plan"), _("Totals per year"), "computed",
              _("The sum of the year’s line totals on the Items sheet, to the penny"));
  add_source (&s, _("Plan"), _("Totals over the plan"), "computed",
              _("The sum of the years’ totals"));

  for (guint i = 0; i < w->n_items; i++)
    {
      g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (G_LIST_MODEL (w->plan), i);
      const char *name = waymark_plan_item_get_name (item);
      WaymarkIntervention *intervention = lookup_intervention (w, item);
      const char *section = intervention != NULL
                            ? waymark_intervention_get_section (intervention) : NULL;
      gboolean local = waymark_plan_item_get_local_service (item);

      add_source (&s, name, _("Quantity per year"), "local", _("Entered in the plan"));

      if (local)
        add_source (&s, name, _("Evidence and impact"), "local", waymark_local_service_mark ());
      else if (intervention != NULL)
        {
          g_autofree char *words =
            g_strdup_printf (_("Review, section “%s”: evidence “%s”, impact “%s”"),
                             section != NULL ? section : "",
                             waymark_intervention_get_evidence_rating_as_written (intervention),
                             waymark_intervention_get_impact_rating_as_written (intervention));

          add_source (&s, name, _("Evidence and impact"), "review", words);
        }
      else
        add_source (&s, name, _("Evidence and impact"), "review",
                    _("Not in the catalogue Waymark has now: as the plan file recorded them"));

      if (!waymark_plan_item_has_cost (item))
        add_source (&s, name, _("Unit cost"), "", _("No cost yet: not in the totals"));
      else if (waymark_plan_item_get_cost_source (item) == WAYMARK_COST_SOURCE_REVIEW)
        {
          const WaymarkCost *cost = waymark_plan_item_get_published_cost (item);
          g_autofree char *words = NULL;

          if (cost != NULL && section != NULL)
            words = g_strdup_printf (_("Review, section “%s”: “%s”"), section, cost->as_written);
          else if (cost != NULL)
            words = g_strdup_printf (_("Review: “%s”"), cost->as_written);
          add_source (&s, name, _("Unit cost"), "review",
                      words != NULL ? words : _("The review’s figure, as the plan file recorded it"));
        }
      else
        add_source (&s, name, _("Unit cost"), "local",
                    waymark_cost_source_get_label (waymark_plan_item_get_cost_source (item)));

      if (waymark_plan_item_has_cost (item))
        {
          for (guint y = 0; y < w->years; y++)
            {
              WaymarkItemYear year;

              waymark_plan_get_item_year (w->plan, item, y, &year);
              if (year.uplifted)
                {
                  g_autofree char *label = waymark_plan_dup_year_label (w->plan, y);
                  g_autofree char *figure = g_strdup_printf (_("Unit cost %s"), label);

                  add_source (&s, name, figure, "computed",
                              _("The local unit cost with the plan’s annual uplift"));
                }
            }
          add_source (&s, name, _("Line totals"), "computed",
                      _("Quantity × unit cost for the year, to the penny"));
        }
    }

  worksheet_set_column (s.sheet, 0, 0, 40, NULL);
  worksheet_set_column (s.sheet, 1, 1, 24, NULL);
  worksheet_set_column (s.sheet, 2, 2, 10, NULL);
  worksheet_set_column (s.sheet, 3, 3, 90, w->wrap);
  worksheet_freeze_panes (s.sheet, 1, 0);
}

/* The workbook */

static gboolean
check_totals (WaymarkPlan        *plan,
              WaymarkPlanTotals  *totals,
              GError            **error)
{
  guint years = waymark_plan_get_years (plan);

  waymark_plan_get_totals (plan, totals);
  for (guint y = 0; !totals->overflow && y < years; y++)
    {
      WaymarkPlanTotals year;

      waymark_plan_get_year_totals (plan, y, &year);
      totals->overflow = year.overflow;
    }
  if (totals->overflow)
    {
      g_set_error_literal (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_TOTAL_TOO_LARGE,
                           _("The plan’s total is too large to calculate. Check the quantities "
                             "and unit costs."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_workbook (WaymarkPlan       *plan,
                WaymarkCatalogue  *catalogue,
                const char        *path,
                const char        *tmpdir,
                GError           **error)
{
  lxw_workbook_options options = { .tmpdir = (char *) tmpdir };
  g_autoptr(GDateTime) changed = waymark_plan_get_changed_at (plan) != NULL
                                 ? g_date_time_ref (waymark_plan_get_changed_at (plan)) : NULL;
  lxw_doc_properties properties = {
    .title = (char *) waymark_plan_get_title (plan),
    .author = (char *) waymark_plan_get_author (plan),
    .company = (char *) waymark_plan_get_organisation (plan),
    /* The plan's last change, not now: the same plan makes the same workbook. */
    .created = changed != NULL ? (time_t) g_date_time_to_unix (changed) : 0,
  };
  WaymarkPlanTotals totals;
  Writer w = {
    .plan = plan,
    .catalogue = catalogue,
    .n_items = g_list_model_get_n_items (G_LIST_MODEL (plan)),
    .years = waymark_plan_get_years (plan),
  };
  lxw_worksheet *summary;
  lxw_error closed;

  if (!check_totals (plan, &totals, error))
    return FALSE;

  w.book = workbook_new_opt (path, &options);
  if (w.book == NULL)
    {
      g_set_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_WRITE,
                   _("Could not make the workbook: %s"), g_strerror (errno));
      return FALSE;
    }
  w.bold = workbook_add_format (w.book);
  format_set_bold (w.bold);
  w.header = workbook_add_format (w.book);
  format_set_bold (w.header);
  format_set_bottom (w.header, LXW_BORDER_THIN);
  w.money = workbook_add_format (w.book);
  format_set_num_format (w.money, "£#,##0.00");
  w.money_bold = workbook_add_format (w.book);
  format_set_num_format (w.money_bold, "£#,##0.00");
  format_set_bold (w.money_bold);
  w.wrap = workbook_add_format (w.book);
  format_set_text_wrap (w.wrap);
  format_set_align (w.wrap, LXW_ALIGN_VERTICAL_TOP);

  note_status (&w, workbook_set_properties (w.book, &properties));
  /* The Summary first, so the workbook opens on it; its formulas refer to the Items sheet. */
  summary = workbook_add_worksheet (w.book, "Summary");
  write_items (&w);
  write_summary (&w, summary, &totals);
  write_warnings (&w);
  write_sources (&w);

  closed = workbook_close (w.book);
  note_status (&w, closed);
  if (w.status != LXW_NO_ERROR)
    {
      g_set_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_WRITE,
                   _("Could not make the workbook: %s"), lxw_strerror (w.status));
      return FALSE;
    }
  return TRUE;
}

/* libxlsxwriter writes only to a file it names itself, so the workbook is made in a private
 * folder of its own and then read back; its bytes then go through waymark_safe_write_file() like
 * every other file Waymark writes, with the same rules (atomic, beside the target, pipes and
 * devices written in place). */
GBytes *
waymark_report_xlsx_bytes (WaymarkPlan       *plan,
                           WaymarkCatalogue  *catalogue,
                           GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GBytes *bytes = NULL;

  g_return_val_if_fail (WAYMARK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_dir_make_tmp ("waymark-xlsx-XXXXXX", &local_error);
  if (dir == NULL)
    {
      g_set_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_WRITE,
                   _("Could not make the workbook: %s"), local_error->message);
      return NULL;
    }
  path = g_build_filename (dir, "plan.xlsx", NULL);
  if (write_workbook (plan, catalogue, path, dir, error))
    {
      file = g_file_new_for_path (path);
      bytes = waymark_safe_read_file (file, WORKBOOK_MAX_BYTES, WAYMARK_PLAN_ERROR, &local_error);
      if (bytes == NULL)
        g_set_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_WRITE,
                     _("Could not make the workbook: %s"), local_error->message);
    }
  g_unlink (path);
  g_rmdir (dir);
  return bytes;
}

gboolean
waymark_report_write_xlsx (WaymarkPlan       *plan,
                           WaymarkCatalogue  *catalogue,
                           GFile             *file,
                           GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (WAYMARK_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = waymark_report_xlsx_bytes (plan, catalogue, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  if (!waymark_safe_write_file (file, data, (gssize) length, &local_error))
    {
      /* The message already names the file and says what became of it. */
      g_set_error_literal (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_WRITE,
                           local_error->message);
      return FALSE;
    }
  return TRUE;
}
