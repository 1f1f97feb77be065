/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "waymark-appraisal-json.h"
#include "waymark-decision-json.h"
#include "waymark-catalogue-private.h"
#include "waymark-csv.h"
#include "waymark-json-reader.h"
#include "waymark-safe-read.h"
#include "waymark-money.h"
#include "waymark-plan-io.h"
#include "waymark-plan-item-private.h"
#include "waymark-plan-private.h"
#include "waymark-safe-write.h"
#include "waymark-json-writer.h"

/* The guarded reader sets these codes in our domain. */
G_STATIC_ASSERT ((int) WAYMARK_PLAN_ERROR_READ == WAYMARK_SAFE_READ_ERROR_READ);
G_STATIC_ASSERT ((int) WAYMARK_PLAN_ERROR_TOO_LARGE == WAYMARK_SAFE_READ_ERROR_TOO_LARGE);

G_DEFINE_QUARK (waymark-plan-error-quark, waymark_plan_error)

static char *
format_timestamp (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* Which item, and which of its fields, makes a total too large to calculate: for export and for
 * opening a plan alike, from what waymark_plan_get_totals() found. */
static char *
describe_overflow (WaymarkPlan             *plan,
                   const WaymarkPlanTotals *totals)
{
  g_autoptr(WaymarkPlanItem) item = NULL;
  g_autofree char *id = NULL;
  g_autofree char *limit = waymark_money_format (WAYMARK_MONEY_MAX * 1000, WAYMARK_CURRENCY_GBP);
  gint64 product;

  g_assert (totals->overflow);

  if (totals->overflow_item == WAYMARK_PLAN_OVERFLOW_YEARS)
    return g_strdup_printf (_("years (%u) × the annual total is more than %s, too large to "
                              "calculate"), waymark_plan_get_years (plan), limit);

  item = g_list_model_get_item (G_LIST_MODEL (plan), totals->overflow_item);
  id = waymark_json_reader_excerpt (item->intervention_id);
  if (!waymark_money_multiply (item->unit_cost, item->quantity, &product))
    return g_strdup_printf (_("items[%u] (\"%s\"): quantity (%u) × unit_cost_pence (%" PRId64
                              ") is more than %s, too large to calculate"),
                            totals->overflow_item, id, item->quantity, item->unit_cost, limit);
  if (!waymark_money_multiply (MAX (item->unit_cost_high, item->unit_cost), item->quantity,
                               &product))
    return g_strdup_printf (_("items[%u] (\"%s\"): quantity (%u) × unit_cost_high_pence (%" PRId64
                              ") is more than %s, too large to calculate"),
                            totals->overflow_item, id, item->quantity, item->unit_cost_high, limit);

  /* A later year's own figures, or the uplift on them, can overflow where the first's do not. */
  for (guint y = 1; y < waymark_plan_get_years (plan); y++)
    {
      WaymarkItemYear year;

      waymark_plan_get_item_year (plan, item, y, &year);
      if (year.overflow)
        {
          g_autofree char *label = waymark_plan_dup_year_label (plan, y);

          /* Translators: an item's place and id, a year ("2027/28"), then an amount */
          return g_strdup_printf (_("items[%u] (\"%s\"): its line total in %s (year_figures, "
                                    "with the uplift) is more than %s, too large to calculate"),
                                  totals->overflow_item, id, label, limit);
        }
    }

  return g_strdup_printf (_("items[%u] (\"%s\"): its line total takes the plan’s annual total past "
                            "%s, too large to calculate"), totals->overflow_item, id, limit);
}

static gboolean
overflow_error (WaymarkPlan              *plan,
                const WaymarkPlanTotals  *totals,
                GError                  **error)
{
  g_autofree char *where = describe_overflow (plan, totals);

  g_set_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_TOTAL_TOO_LARGE,
               _("The plan’s total is too large to calculate: %s. Check the quantities and unit "
                 "costs."), where);
  return FALSE;
}

/* basis points as a percentage with two places, "5.88"; NULL for -1 (none). */
static char *
format_percent (gint64 basis_points)
{
  if (basis_points < 0)
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT, basis_points / 100,
                          basis_points % 100);
}

/* Writing JSON */

/* Since version 3 (issue 16). The item's own figures for its later years (local, read back):
 * only the years that have some, each with only what it owns. */
static void
add_year_figures (JsonBuilder     *builder,
                  WaymarkPlan     *plan,
                  WaymarkPlanItem *item)
{
  json_builder_set_member_name (builder, "year_figures");
  json_builder_begin_array (builder);
  for (guint y = 1; y < waymark_plan_get_years (plan); y++)
    {
      WaymarkYearFigure figure;

      if (!waymark_year_figures_get (item->year_figures, y, &figure))
        continue;
      json_builder_begin_object (builder);
      waymark_json_add_int (builder, "plan_year", y + 1);
      if (figure.own_quantity)
        waymark_json_add_int (builder, "quantity", figure.quantity);
      if (figure.own_cost)
        {
          gboolean has = figure.unit_low != WAYMARK_NO_COST;

          waymark_json_add_int_or_null (builder, "unit_cost_pence", has, figure.unit_low);
          waymark_json_add_int_or_null (builder, "unit_cost_high_pence", has,
                                        MAX (figure.unit_high, figure.unit_low));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* Computed, every year, not read back: what each year costs, after the uplift. */
  json_builder_set_member_name (builder, "years");
  json_builder_begin_array (builder);
  for (guint y = 0; y < waymark_plan_get_years (plan); y++)
    {
      g_autofree char *label = waymark_plan_dup_year_label (plan, y);
      WaymarkItemYear year;

      waymark_plan_get_item_year (plan, item, y, &year);
      json_builder_begin_object (builder);
      waymark_json_add_string (builder, "year", label);
      waymark_json_add_int (builder, "quantity", year.quantity);
      waymark_json_add_int_or_null (builder, "unit_cost_pence", year.has_cost, year.unit_low);
      waymark_json_add_int_or_null (builder, "unit_cost_high_pence", year.has_cost,
                                    year.unit_high);
      json_builder_set_member_name (builder, "uplifted");
      json_builder_add_boolean_value (builder, year.uplifted && year.has_cost);
      waymark_json_add_int_or_null (builder, "line_total_pence", year.has_cost, year.line_low);
      waymark_json_add_int_or_null (builder, "line_total_high_pence", year.has_cost,
                                    year.line_high);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_item (JsonBuilder     *builder,
          WaymarkPlan     *plan,
          WaymarkPlanItem *item)
{
  g_autofree char *level = waymark_flags_to_string (WAYMARK_TYPE_LEVEL, item->levels, ";");
  gint64 low = 0, high = 0;
  gboolean has_total = waymark_plan_item_get_line_total (item, &low, &high);
  gint64 per_low = 0, per_high = 0;
  gboolean has_per_person = waymark_plan_item_get_cost_per_person (item, &per_low, &per_high);

  json_builder_begin_object (builder);
  waymark_json_add_string (builder, "intervention_id", item->intervention_id);
  waymark_json_add_string (builder, "name", item->name);
  waymark_json_add_string (builder, "level", level);
  waymark_json_add_string (builder, "focus", waymark_enum_to_string (WAYMARK_TYPE_FOCUS, item->focus));
  waymark_json_add_rating (builder, "evidence_rating", item->evidence_rating);
  waymark_json_add_rating (builder, "impact_rating", item->impact_rating);
  waymark_json_add_int (builder, "quantity", item->quantity);
  waymark_json_add_string (builder, "unit", item->unit);
  waymark_json_add_int_or_null (builder, "unit_cost_pence", waymark_plan_item_has_cost (item),
                        item->unit_cost);
  waymark_json_add_int_or_null (builder, "unit_cost_high_pence", waymark_plan_item_has_cost (item),
                        MAX (item->unit_cost_high, item->unit_cost));
  waymark_json_add_int_or_null (builder, "line_total_pence", has_total, low);
  waymark_json_add_int_or_null (builder, "line_total_high_pence", has_total, high);
  waymark_json_add_string (builder, "cost_source",
               waymark_enum_to_string (WAYMARK_TYPE_COST_SOURCE, item->cost_source));
  waymark_json_add_string (builder, "funding_source",
               waymark_enum_to_string (WAYMARK_TYPE_FUNDING_SOURCE, item->funding_source));
  waymark_json_add_string (builder, "funding_name", item->funding_name);
  waymark_json_add_string (builder, "provider", item->provider);
  waymark_json_add_string (builder, "notes", item->notes);
  /* The people reached a year (local, with its source) and the cost per person (computed). */
  waymark_json_add_int_or_null (builder, "reach", item->reach > 0, item->reach);
  waymark_json_add_string (builder, "reach_group",
               waymark_enum_to_string (WAYMARK_TYPE_REACH_GROUP, item->reach_group));
  waymark_json_add_string (builder, "reach_source", item->reach_source);
  waymark_json_add_int_or_null (builder, "cost_per_person_pence", has_per_person, per_low);
  waymark_json_add_int_or_null (builder, "cost_per_person_high_pence", has_per_person, per_high);
  /* What warnings need when the intervention is missing from the catalogue later. */
  waymark_json_add_flags (builder, "works_with", WAYMARK_TYPE_WORKS_WITH, item->works_with);
  waymark_json_add_string (builder, "llr_status",
               waymark_enum_to_string (WAYMARK_TYPE_LLR_STATUS, item->llr_status));
  json_builder_set_member_name (builder, "for_young_people");
  json_builder_add_boolean_value (builder, item->for_young_people);
  json_builder_set_member_name (builder, "published_cost");
  if (item->published_cost != NULL)
    waymark_cost_write_json (builder, item->published_cost);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "missing_from_catalogue");
  json_builder_add_boolean_value (builder, item->missing);
  /* Since issue 15: an item of one of the plan's local services, not rated by the review. */
  json_builder_set_member_name (builder, "local_service");
  json_builder_add_boolean_value (builder, item->local_service);
  add_year_figures (builder, plan, item);
  json_builder_end_object (builder);
}

/* The commissioner's counts of the people in need, by group: local figures, with their source. */
static void
add_local_needs (JsonBuilder *builder,
                 WaymarkPlan *plan)
{
  json_builder_set_member_name (builder, "local_needs");
  json_builder_begin_array (builder);
  for (guint g = 0; g < WAYMARK_REACH_GROUP_N; g++)
    {
      const char *source = NULL;
      guint people = waymark_plan_get_local_need (plan, g, &source);

      if (people == 0)
        continue;
      json_builder_begin_object (builder);
      waymark_json_add_string (builder, "reach_group",
                               waymark_enum_to_string (WAYMARK_TYPE_REACH_GROUP, g));
      waymark_json_add_int (builder, "people", people);
      waymark_json_add_string (builder, "kind", "local");
      waymark_json_add_string (builder, "source", source);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The people reached by group (local), against the review's need where it gives one, with both
 * sources: what a reader needs to check the coverage (computed) by hand. */
static void
add_coverage (JsonBuilder      *builder,
              WaymarkPlan      *plan,
              WaymarkCatalogue *catalogue)
{
  g_autoptr(GArray) coverage = waymark_plan_get_coverage (plan, catalogue);

  json_builder_set_member_name (builder, "coverage");
  json_builder_begin_array (builder);
  for (guint i = 0; i < coverage->len; i++)
    {
      const WaymarkCoverage *row = &g_array_index (coverage, WaymarkCoverage, i);
      const WaymarkContextEntry *figure = row->need != NULL ? row->need : row->benchmark;

      json_builder_begin_object (builder);
      waymark_json_add_string (builder, "reach_group",
                               waymark_enum_to_string (WAYMARK_TYPE_REACH_GROUP, row->group));
      waymark_json_add_int (builder, "reached", (gint64) row->reached);
      waymark_json_add_int (builder, "items", row->n_items);
      waymark_json_add_int_or_null (builder, "need", row->basis_points >= 0,
                                    (gint64) row->need_people);
      /* Whose the need is: the review's, or the plan's own count where the review has none. */
      waymark_json_add_string_or_null (builder, "need_kind",
                                       row->need != NULL ? "review"
                                       : row->need_is_local ? "local" : NULL);
      waymark_json_add_string_or_null (builder, "need_source",
                                       row->need_is_local ? row->local_source : NULL);
      {
        g_autofree char *percent = format_percent (row->basis_points);

        waymark_json_add_string_or_null (builder, "coverage_percent", percent);
      }
      waymark_json_add_string_or_null (builder, "review_figure_id",
                                       figure != NULL ? figure->id : NULL);
      waymark_json_add_string_or_null (builder, "review_figure_kind",
                                       row->need != NULL ? "need"
                                       : row->benchmark != NULL ? "benchmark" : NULL);
      waymark_json_add_string_or_null (builder, "review_as_written",
                                       figure != NULL ? figure->as_written : NULL);
      waymark_json_add_string_or_null (builder, "review_section",
                                       figure != NULL ? figure->section : NULL);
      waymark_json_add_string_or_null (builder, "reading", row->reading);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

char *
waymark_plan_to_json (WaymarkPlan       *plan,
                      WaymarkCatalogue  *catalogue,
                      GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *exported_at = NULL;
  WaymarkPlanTotals totals;
  guint n;

  g_return_val_if_fail (WAYMARK_IS_PLAN (plan), NULL);

  waymark_plan_get_totals (plan, &totals);
  if (totals.overflow)
    {
      overflow_error (plan, &totals, error);
      return NULL;
    }

  exported_at = format_timestamp (waymark_plan_get_changed_at (plan));

  json_builder_begin_object (builder);
  waymark_json_add_string (builder, "format", "waymark-plan");
  waymark_json_add_int (builder, "version", WAYMARK_PLAN_FORMAT_VERSION);
  waymark_json_add_string (builder, "title", waymark_plan_get_title (plan));
  waymark_json_add_string (builder, "area", waymark_plan_get_area (plan));
  waymark_json_add_string (builder, "organisation", waymark_plan_get_organisation (plan));
  waymark_json_add_string (builder, "author", waymark_plan_get_author (plan));
  waymark_json_add_int (builder, "start_year", waymark_plan_get_start_year (plan));
  waymark_json_add_int (builder, "years", waymark_plan_get_years (plan));
  /* Since version 3 (issue 16). */
  waymark_json_add_string (builder, "year_kind",
                           waymark_year_kind_get_id (waymark_plan_get_year_kind (plan)));
  waymark_json_add_int (builder, "uplift_basis_points", waymark_plan_get_uplift (plan));
  waymark_json_add_string (builder, "currency", "GBP");
  waymark_json_add_int (builder, "budget_pence", waymark_plan_get_budget (plan));

  json_builder_set_member_name (builder, "catalogue");
  json_builder_begin_object (builder);
  waymark_json_add_string (builder, "title", catalogue ? waymark_catalogue_get_title (catalogue) : "");
  waymark_json_add_string (builder, "data_version",
               catalogue ? waymark_catalogue_get_data_version (catalogue) : "");
  json_builder_end_object (builder);

  waymark_json_add_string (builder, "exported_at", exported_at);

  /* Since issue 15: the commissioner's services the review does not describe. */
  waymark_local_services_add_array (builder, "local_services",
                                    waymark_plan_get_local_services (plan));

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (G_LIST_MODEL (plan));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);
      add_item (builder, plan, item);
    }
  json_builder_end_array (builder);

  add_local_needs (builder, plan);

  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  waymark_json_add_int (builder, "annual_low_pence", totals.annual_low);
  waymark_json_add_int (builder, "annual_high_pence", totals.annual_high);
  waymark_json_add_int (builder, "total_low_pence", totals.total_low);
  waymark_json_add_int (builder, "total_high_pence", totals.total_high);
  waymark_json_add_int (builder, "budget_remaining_low_pence", totals.remaining_low);
  waymark_json_add_int (builder, "budget_remaining_high_pence", totals.remaining_high);
  waymark_json_add_int (builder, "items_without_cost", totals.n_without_cost);
  /* Since version 3 (issue 16): each year's, against the budget's share for a year. */
  json_builder_set_member_name (builder, "years");
  json_builder_begin_array (builder);
  for (guint y = 0; y < waymark_plan_get_years (plan); y++)
    {
      g_autofree char *label = waymark_plan_dup_year_label (plan, y);
      WaymarkPlanTotals year;

      waymark_plan_get_year_totals (plan, y, &year);
      json_builder_begin_object (builder);
      waymark_json_add_string (builder, "year", label);
      waymark_json_add_int (builder, "total_low_pence", year.total_low);
      waymark_json_add_int (builder, "total_high_pence", year.total_high);
      waymark_json_add_int (builder, "budget_pence", year.budget_per_year);
      waymark_json_add_int (builder, "budget_remaining_low_pence", year.remaining_low);
      waymark_json_add_int (builder, "budget_remaining_high_pence", year.remaining_high);
      waymark_json_add_int (builder, "items_without_cost", year.n_without_cost);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  add_coverage (builder, plan, catalogue);

  warnings = waymark_plan_list_warnings (plan);
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    {
      WaymarkPlanWarning *warning = g_ptr_array_index (warnings, i);

      json_builder_begin_object (builder);
      waymark_json_add_string (builder, "id", warning->id);
      waymark_json_add_string (builder, "message", warning->message);
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint j = 0; warning->items[j] != NULL; j++)
        json_builder_add_string_value (builder, warning->items[j]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "dismissed");
      json_builder_add_boolean_value (builder, warning->dismissed);
      waymark_json_add_string_or_null (builder, "quote", warning->quote);
      waymark_json_add_string_or_null (builder, "section", warning->section);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "dismissed_warnings");
  json_builder_begin_array (builder);
  for (const char * const *d = waymark_plan_get_dismissed_warnings (plan); *d != NULL; d++)
    json_builder_add_string_value (builder, *d);
  json_builder_end_array (builder);

  /* Since version 2 (issue 15): the options appraisal as the commissioner left it. */
  json_builder_set_member_name (builder, "appraisal");
  waymark_appraisal_write_json (builder, waymark_plan_get_appraisal (plan));
  /* Since issue 15, still version 2 (not yet released): the decision record, oldest first.
   * Only when it has entries: absent is empty, so a plan with none reads and writes the bytes it
   * did before the record existed. */
  if (g_list_model_get_n_items (waymark_plan_get_decisions (plan)) > 0)
    {
      json_builder_set_member_name (builder, "decisions");
      waymark_decisions_write_json (builder, waymark_plan_get_decisions (plan));
    }
  json_builder_end_object (builder);

  return waymark_json_builder_to_file_text (builder);
}

/* Writing CSV */

static const char * const csv_columns[] = {
  "intervention_id", "intervention", "level", "focus", "evidence_rating", "impact_rating",
  "quantity", "unit", "unit_cost_gbp", "unit_cost_high_gbp", "line_total_gbp",
  "line_total_high_gbp", "cost_source", "funding_source", "provider", "notes",
  "cost_note", "in_catalogue",
  /* Since issue 14, after the columns before it, so that a spreadsheet built on those still
   * finds them: the people reached a year and its source (local), the cost per person
   * (computed: line total ÷ reach). */
  "reach", "reach_group", "reach_source", "cost_per_person_gbp", "cost_per_person_high_gbp",
  /* Later in issue 14: a local funding stream's name; then where each figure of the row comes
   * from that had no column saying so (review, local or computed), and the row's coverage: its
   * reach against its group's need, with the need and its source. */
  "funding_name", "quantity_source", "ratings_source", "review_section", "line_total_source",
  "cost_per_person_source", "coverage_percent", "need", "need_kind", "need_source",
  "coverage_source",
  /* Since issue 15: "review" for an intervention the review describes, "local" for one of the
   * plan's local services, which the review does not rate. */
  "option_kind",
  /* Since issue 16, for a finance team: the codes above in words, and the codes that had no
   * column. The per-year columns follow them (csv_year_columns). */
  "level_label", "focus_label", "works_with", "works_with_label", "evidence_label",
  "impact_label", "llr_status", "llr_status_label", "funding_source_label", "cost_source_label",
  NULL
};

/* The need a row's coverage is against, as its source column says it: the review's words and
 * heading, or the commissioner's source. */
static char *
need_source (const WaymarkCoverage *group)
{
  if (group->need != NULL)
    return g_strdup_printf ("“%s” (%s)", group->need->as_written,
                            group->need->section != NULL ? group->need->section : "");
  return g_strdup (group->local_source != NULL ? group->local_source : "");
}

static void
add_money_field (WaymarkCsvWriter *writer,
                 gboolean          known,
                 gint64            pence)
{
  g_autofree char *text = known ? waymark_money_to_decimal (pence) : NULL;

  waymark_csv_add_field (writer, text, WAYMARK_CSV_PLAIN);
}

static char *
cost_note (WaymarkPlanItem *item)
{
  if (waymark_plan_item_has_cost (item))
    return NULL;
  if (item->published_cost != NULL && item->published_cost->currency != WAYMARK_CURRENCY_GBP)
    return g_strdup_printf (_("No cost in pounds yet: the review publishes %s"),
                            item->published_cost->as_written);
  return g_strdup (_("No published cost: a local figure is needed"));
}

/* The codes in words (translated: for people), after option_kind. A local service's rating cells
 * are empty; their words say why, as everywhere it appears. */
static void
add_label_fields (WaymarkCsvWriter *writer,
                  WaymarkPlanItem  *item)
{
  g_autofree char *levels = waymark_flags_format_labels (WAYMARK_TYPE_LEVEL, item->levels);
  g_autofree char *works_with = waymark_flags_to_string (WAYMARK_TYPE_WORKS_WITH,
                                                         item->works_with, ";");
  g_autofree char *works_with_labels = waymark_flags_format_labels (WAYMARK_TYPE_WORKS_WITH,
                                                                    item->works_with);
  gboolean rated = !item->local_service;

  waymark_csv_add_field (writer, levels, WAYMARK_CSV_PLAIN);
  waymark_csv_add_field (writer, waymark_focus_get_label (item->focus), WAYMARK_CSV_PLAIN);
  waymark_csv_add_field (writer, works_with, WAYMARK_CSV_PLAIN);
  waymark_csv_add_field (writer, works_with_labels, WAYMARK_CSV_PLAIN);
  waymark_csv_add_field (writer, rated ? waymark_rating_get_label (item->evidence_rating)
                                : waymark_local_service_mark (),
                         WAYMARK_CSV_PLAIN);
  waymark_csv_add_field (writer, rated ? waymark_rating_get_label (item->impact_rating)
                                : waymark_local_service_mark (),
                         WAYMARK_CSV_PLAIN);
  waymark_csv_add_field (writer, waymark_enum_to_string (WAYMARK_TYPE_LLR_STATUS,
                                                         item->llr_status), WAYMARK_CSV_PLAIN);
  waymark_csv_add_field (writer, waymark_llr_status_get_label (item->llr_status),
                         WAYMARK_CSV_PLAIN);
  waymark_csv_add_field (writer, waymark_funding_source_get_label (item->funding_source),
                         WAYMARK_CSV_PLAIN);
  waymark_csv_add_field (writer,
                         waymark_plan_item_has_cost (item)
                         ? waymark_cost_source_get_label (item->cost_source) : NULL,
                         WAYMARK_CSV_PLAIN);
}

/* Since issue 16, after the label columns: each year's figures, named by the year's id
 * (quantity_2026_27, unit_cost_2026_27_gbp, unit_cost_high_2026_27_gbp, total_low_2026_27_gbp,
 * total_high_2026_27_gbp, unit_cost_2026_27_source). */
static const char * const csv_year_columns[] = {
  "quantity_%s", "unit_cost_%s_gbp", "unit_cost_high_%s_gbp", "total_low_%s_gbp",
  "total_high_%s_gbp", "unit_cost_%s_source",
};

static void
add_year_headers (WaymarkCsvWriter *writer,
                  WaymarkPlan      *plan)
{
  for (guint y = 0; y < waymark_plan_get_years (plan); y++)
    {
      g_autofree char *id = waymark_plan_dup_year_id (plan, y);

      for (guint i = 0; i < G_N_ELEMENTS (csv_year_columns); i++)
        {
          g_autofree char *name = g_strdup_printf (csv_year_columns[i], id);

          waymark_csv_add_field (writer, name, WAYMARK_CSV_PLAIN);
        }
    }
}

static void
add_year_fields (WaymarkCsvWriter *writer,
                 WaymarkPlan      *plan,
                 WaymarkPlanItem  *item)
{
  for (guint y = 0; y < waymark_plan_get_years (plan); y++)
    {
      WaymarkItemYear year;
      g_autofree char *quantity = NULL;
      const char *source = NULL;

      waymark_plan_get_item_year (plan, item, y, &year);
      quantity = g_strdup_printf ("%u", year.quantity);
      if (year.has_cost && year.uplifted)
        source = "computed: the local unit cost × the plan’s annual uplift";
      else if (year.has_cost)
        source = item->cost_source == WAYMARK_COST_SOURCE_REVIEW ? "review" : "local";

      waymark_csv_add_field (writer, quantity, WAYMARK_CSV_PLAIN);
      add_money_field (writer, year.has_cost, year.unit_low);
      add_money_field (writer, year.has_cost, year.unit_high);
      add_money_field (writer, year.has_cost, year.line_low);
      add_money_field (writer, year.has_cost, year.line_high);
      waymark_csv_add_field (writer, source, WAYMARK_CSV_PLAIN);
    }
}

char *
waymark_plan_to_csv (WaymarkPlan       *plan,
                     WaymarkCatalogue  *catalogue,
                     GError           **error)
{
  /* Excel recognises UTF-8 (and shows £) only with a byte-order mark. */
  GString *out = g_string_new ("\xEF\xBB\xBF");
  WaymarkCsvWriter writer;
  WaymarkPlanTotals totals;
  g_autoptr(GArray) coverage = NULL;
  const WaymarkCoverage *by_group[WAYMARK_REACH_GROUP_N] = { NULL, };
  guint n;

  g_return_val_if_fail (WAYMARK_IS_PLAN (plan), NULL);

  waymark_plan_get_totals (plan, &totals);
  if (totals.overflow)
    {
      g_string_free (out, TRUE);
      overflow_error (plan, &totals, error);
      return NULL;
    }

  coverage = waymark_plan_get_coverage (plan, catalogue);
  for (guint i = 0; i < coverage->len; i++)
    {
      const WaymarkCoverage *row = &g_array_index (coverage, WaymarkCoverage, i);

      if (row->basis_points >= 0)
        by_group[row->group] = row;
    }

  waymark_csv_writer_init (&writer, out);
  for (guint i = 0; csv_columns[i] != NULL; i++)
    waymark_csv_add_field (&writer, csv_columns[i], WAYMARK_CSV_PLAIN);
  add_year_headers (&writer, plan);
  waymark_csv_end_row (&writer);

  n = g_list_model_get_n_items (G_LIST_MODEL (plan));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);
      g_autofree char *level = waymark_flags_to_string (WAYMARK_TYPE_LEVEL, item->levels, ";");
      g_autofree char *quantity = g_strdup_printf ("%u", item->quantity);
      g_autofree char *note = cost_note (item);
      gint64 low = 0, high = 0;
      gboolean has_total = waymark_plan_item_get_line_total (item, &low, &high);
      gboolean has_cost = waymark_plan_item_has_cost (item);
      g_autofree char *reach = g_strdup_printf ("%u", item->reach);
      gint64 per_low = 0, per_high = 0;
      gboolean has_per_person = waymark_plan_item_get_cost_per_person (item, &per_low, &per_high);

      waymark_csv_add_field (&writer, item->intervention_id, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, item->name, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, level, WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, waymark_enum_to_string (WAYMARK_TYPE_FOCUS, item->focus),
                             WAYMARK_CSV_PLAIN);
      waymark_csv_add_rating (&writer, item->evidence_rating);
      waymark_csv_add_rating (&writer, item->impact_rating);
      waymark_csv_add_field (&writer, quantity, WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, item->unit, WAYMARK_CSV_TEXT);
      add_money_field (&writer, has_cost, item->unit_cost);
      add_money_field (&writer, has_cost, MAX (item->unit_cost_high, item->unit_cost));
      add_money_field (&writer, has_total, low);
      add_money_field (&writer, has_total, high);
      waymark_csv_add_field (&writer,
                             waymark_enum_to_string (WAYMARK_TYPE_COST_SOURCE, item->cost_source),
                             WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer,
                             waymark_enum_to_string (WAYMARK_TYPE_FUNDING_SOURCE,
                                                     item->funding_source),
                             WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, item->provider, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, item->notes, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, note, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, item->missing || item->local_service ? "no" : "yes",
                             WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, item->reach > 0 ? reach : NULL, WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer,
                             waymark_enum_to_string (WAYMARK_TYPE_REACH_GROUP, item->reach_group),
                             WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, item->reach_source, WAYMARK_CSV_TEXT);
      add_money_field (&writer, has_per_person, per_low);
      add_money_field (&writer, has_per_person, per_high);
      waymark_csv_add_field (&writer, item->funding_name, WAYMARK_CSV_TEXT);

      /* Provenance, for the figures before that had no source column. */
      {
        WaymarkIntervention *intervention =
          catalogue != NULL && !item->missing
          ? waymark_catalogue_lookup (catalogue, item->intervention_id) : NULL;
        const WaymarkCoverage *group = item->reach > 0 ? by_group[item->reach_group] : NULL;
        g_autofree char *percent = NULL;
        g_autofree char *need = NULL;
        g_autofree char *source = NULL;

        waymark_csv_add_field (&writer, "local", WAYMARK_CSV_PLAIN);
        waymark_csv_add_field (&writer,
                               item->local_service ? waymark_local_service_mark () : "review",
                               WAYMARK_CSV_PLAIN);
        waymark_csv_add_field (&writer,
                               intervention != NULL
                               ? waymark_intervention_get_section (intervention) : NULL,
                               WAYMARK_CSV_TEXT);
        waymark_csv_add_field (&writer, has_total ? "computed: quantity × unit_cost_gbp" : NULL,
                               WAYMARK_CSV_PLAIN);
        waymark_csv_add_field (&writer,
                               has_per_person ? "computed: line_total_gbp ÷ reach" : NULL,
                               WAYMARK_CSV_PLAIN);
        if (group != NULL)
          {
            /* The item's own share of its group's need: reach ÷ need × 100, half up, as the
             * plan's coverage is worked out (at most 10^6 × 10^4: no overflow). */
            percent = format_percent ((gint64) (((guint64) item->reach * 10000 +
                                                 group->need_people / 2) / group->need_people));
            need = g_strdup_printf ("%" G_GUINT64_FORMAT, group->need_people);
            source = need_source (group);
          }
        waymark_csv_add_field (&writer, percent, WAYMARK_CSV_PLAIN);
        waymark_csv_add_field (&writer, need, WAYMARK_CSV_PLAIN);
        waymark_csv_add_field (&writer,
                               group == NULL ? NULL : group->need_is_local ? "local" : "review",
                               WAYMARK_CSV_PLAIN);
        waymark_csv_add_field (&writer, source, WAYMARK_CSV_TEXT);
        waymark_csv_add_field (&writer, group != NULL ? "computed: reach ÷ need × 100" : NULL,
                               WAYMARK_CSV_PLAIN);
      }
      waymark_csv_add_field (&writer, item->local_service ? "local" : "review",
                             WAYMARK_CSV_PLAIN);
      add_label_fields (&writer, item);
      add_year_fields (&writer, plan, item);
      waymark_csv_end_row (&writer);
    }

  return g_string_free (out, FALSE);
}

/* The summary CSV (issue 16): one row a figure, field,label,value,kind,source */

static void
add_summary_row (WaymarkCsvWriter *writer,
                 const char       *field,
                 const char       *label,
                 const char       *value,
                 WaymarkCsvFlags   value_flags,
                 const char       *kind,
                 const char       *source)
{
  waymark_csv_add_field (writer, field, WAYMARK_CSV_PLAIN);
  waymark_csv_add_field (writer, label, WAYMARK_CSV_PLAIN);
  waymark_csv_add_field (writer, value, value_flags);
  waymark_csv_add_field (writer, kind, WAYMARK_CSV_PLAIN);
  waymark_csv_add_field (writer, source, WAYMARK_CSV_PLAIN);
  waymark_csv_end_row (writer);
}

static void
add_summary_money (WaymarkCsvWriter *writer,
                   const char       *field,
                   const char       *label,
                   gint64            pence,
                   const char       *kind,
                   const char       *source)
{
  g_autofree char *value = waymark_money_to_decimal (pence);

  add_summary_row (writer, field, label, value, WAYMARK_CSV_PLAIN, kind, source);
}

/* The totals of one year (year_id "2026_27") or, with NULL, of the whole plan. */
static void
add_summary_totals (WaymarkCsvWriter        *writer,
                    const char              *year_id,
                    const char              *year_label,
                    const WaymarkPlanTotals *totals,
                    gint64                   budget)
{
  g_autofree char *suffix = year_id != NULL ? g_strconcat ("_", year_id, NULL) : g_strdup ("");
  g_autofree char *field_low = g_strdup_printf ("total_low%s_gbp", suffix);
  g_autofree char *field_high = g_strdup_printf ("total_high%s_gbp", suffix);
  g_autofree char *field_budget = g_strdup_printf ("budget%s_gbp", suffix);
  g_autofree char *field_left_low = g_strdup_printf ("remaining_low%s_gbp", suffix);
  g_autofree char *field_left_high = g_strdup_printf ("remaining_high%s_gbp", suffix);
  g_autofree char *label_low = NULL;
  g_autofree char *label_high = NULL;
  g_autofree char *label_budget = NULL;
  g_autofree char *label_left_low = NULL;
  g_autofree char *label_left_high = NULL;
  g_autofree char *sum_low = NULL;
  g_autofree char *sum_high = NULL;

  if (year_id != NULL)
    {
      label_low = g_strdup_printf (_("Total low, %s"), year_label);
      label_high = g_strdup_printf (_("Total high, %s"), year_label);
      label_budget = g_strdup_printf (_("Budget, %s"), year_label);
      label_left_low = g_strdup_printf (_("Remaining (least), %s"), year_label);
      label_left_high = g_strdup_printf (_("Remaining (most), %s"), year_label);
      sum_low = g_strdup_printf ("computed: the sum of the items’ total_low_%s_gbp", year_id);
      sum_high = g_strdup_printf ("computed: the sum of the items’ total_high_%s_gbp", year_id);
    }
  else
    {
      label_low = g_strdup (_("Total low over the plan"));
      label_high = g_strdup (_("Total high over the plan"));
      label_budget = g_strdup (_("Budget over the plan"));
      label_left_low = g_strdup (_("Remaining over the plan (least)"));
      label_left_high = g_strdup (_("Remaining over the plan (most)"));
      sum_low = g_strdup ("computed: the sum of the years’ total_low");
      sum_high = g_strdup ("computed: the sum of the years’ total_high");
    }

  add_summary_money (writer, field_low, label_low, totals->total_low, "computed", sum_low);
  add_summary_money (writer, field_high, label_high, totals->total_high, "computed", sum_high);
  add_summary_money (writer, field_budget, label_budget, budget,
                     year_id != NULL ? "computed" : "local",
                     year_id != NULL ? "computed: budget_gbp ÷ years" : "entered in the plan");
  add_summary_money (writer, field_left_low, label_left_low, totals->remaining_low, "computed",
                     "computed: budget − total_high");
  add_summary_money (writer, field_left_high, label_left_high, totals->remaining_high,
                     "computed", "computed: budget − total_low");
}

char *
waymark_plan_to_summary_csv (WaymarkPlan  *plan,
                             GError      **error)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  WaymarkCsvWriter writer;
  WaymarkPlanTotals totals;
  g_autofree char *start_year = NULL;
  g_autofree char *years = NULL;
  g_autofree char *without_cost = NULL;
  g_autofree char *uplift = NULL;
  const char *entered = "entered in the plan";

  g_return_val_if_fail (WAYMARK_IS_PLAN (plan), NULL);

  waymark_plan_get_totals (plan, &totals);
  if (totals.overflow)
    {
      g_string_free (out, TRUE);
      overflow_error (plan, &totals, error);
      return NULL;
    }

  /* Basis points as a percentage with two places, "2.50"; never through the locale. */
  uplift = g_strdup_printf ("%u.%02u", waymark_plan_get_uplift (plan) / 100,
                            waymark_plan_get_uplift (plan) % 100);
  start_year = g_strdup_printf ("%u", waymark_plan_get_start_year (plan));
  years = g_strdup_printf ("%u", waymark_plan_get_years (plan));
  without_cost = g_strdup_printf ("%u", totals.n_without_cost);

  waymark_csv_writer_init (&writer, out);
  add_summary_row (&writer, "field", "label", "value", WAYMARK_CSV_PLAIN, "kind", "source");
  add_summary_row (&writer, "title", _("Title"), waymark_plan_get_title (plan), WAYMARK_CSV_TEXT,
                   "local", entered);
  add_summary_row (&writer, "area", _("Area"), waymark_plan_get_area (plan), WAYMARK_CSV_TEXT,
                   "local", entered);
  add_summary_row (&writer, "organisation", _("Organisation"),
                   waymark_plan_get_organisation (plan), WAYMARK_CSV_TEXT, "local", entered);
  add_summary_row (&writer, "author", _("Author"), waymark_plan_get_author (plan),
                   WAYMARK_CSV_TEXT, "local", entered);
  add_summary_row (&writer, "start_year", _("Start year"), start_year, WAYMARK_CSV_PLAIN, "local",
                   entered);
  add_summary_row (&writer, "years", _("Years"), years, WAYMARK_CSV_PLAIN, "local", entered);
  add_summary_row (&writer, "year_kind", _("Year kind"),
                   waymark_year_kind_get_id (waymark_plan_get_year_kind (plan)), WAYMARK_CSV_PLAIN,
                   "local", entered);
  add_summary_row (&writer, "uplift_percent", _("Annual uplift on local costs"), uplift,
                   WAYMARK_CSV_PLAIN, "local",
                   "entered in the plan; applied to local unit costs from the second year, never "
                   "to a review figure");
  add_summary_row (&writer, "items_without_cost", _("Items without a cost (not in the totals)"),
                   without_cost, WAYMARK_CSV_PLAIN, "computed",
                   "computed: items with no unit cost in at least one year");
  for (guint y = 0; y < waymark_plan_get_years (plan); y++)
    {
      WaymarkPlanTotals year;
      g_autofree char *id = waymark_plan_dup_year_id (plan, y);
      g_autofree char *label = waymark_plan_dup_year_label (plan, y);

      waymark_plan_get_year_totals (plan, y, &year);
      add_summary_totals (&writer, id, label, &year, year.budget_per_year);
    }
  add_summary_totals (&writer, NULL, NULL, &totals, waymark_plan_get_budget (plan));

  return g_string_free (out, FALSE);
}

/* Reading */

static const char * const plan_keys[] = {
  "format", "version", "title", "area", "organisation", "author", "start_year", "years",
  "currency", "budget_pence", "catalogue", "exported_at", "items", "totals", "warnings",
  "dismissed_warnings",
  /* Since issue 14: computed, and not read back. */
  "coverage",
  /* Since issue 14: the commissioner's counts of need; a plan written before has none. */
  "local_needs",
  /* Since version 2 (issue 15): the options appraisal; a version 1 plan has none. */
  "appraisal",
  /* Since issue 15, still version 2 (not yet released): a plan written before has none. */
  "local_services",
  /* Since issue 15, still version 2: the decision record; a plan written before has none. */
  "decisions",
  /* Since version 3 (issue 16); a plan before runs in calendar years with no uplift. */
  "year_kind", "uplift_basis_points", NULL
};

static const char * const item_keys[] = {
  "intervention_id", "name", "level", "focus", "evidence_rating", "impact_rating", "quantity",
  "unit", "unit_cost_pence", "unit_cost_high_pence", "line_total_pence", "line_total_high_pence",
  "cost_source", "funding_source", "provider", "notes", "works_with", "llr_status",
  "for_young_people", "published_cost", "missing_from_catalogue",
  /* Since issue 14; a plan written before has none of them, and reads as no reach recorded. */
  "reach", "reach_group", "reach_source", "cost_per_person_pence", "cost_per_person_high_pence",
  /* Later in issue 14; a plan written before has none, and reads as no name. */
  "funding_name",
  /* Since issue 15; a plan written before has none, and reads as an intervention's item. */
  "local_service",
  /* Since version 3 (issue 16): the later years' own figures (read back), and every year's
   * (computed, checked for their number only); a plan before has equal years. */
  "year_figures", "years",
  NULL
};

static const char * const year_figure_keys[] = {
  "plan_year", "quantity", "unit_cost_pence", "unit_cost_high_pence", NULL
};

/* Version 3's year_figures: the later years' own figures, strictly. Each names a plan_year of
 * the plan's, 2 or more, ascending, once; owns a quantity, a unit cost (both figures, or both
 * null for none, high not below low), or both. */
static gboolean
read_year_figures (WaymarkJsonReader   *reader,
                   JsonObject          *object,
                   guint                years,
                   WaymarkYearFigures **out)
{
  g_autoptr(WaymarkYearFigures) figures = NULL;
  JsonArray *array;
  gint64 previous = 1;

  *out = NULL;
  if (!waymark_json_reader_get_array (reader, object, "year_figures", &array))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("year_figures[%u]", i);
      WaymarkYearFigure figure = { 0 };
      WaymarkYearFigures *next;
      JsonObject *entry;
      gint64 plan_year, quantity = 0, low = 0, high = 0;
      gboolean has_low = FALSE, has_high = FALSE;

      if (!waymark_json_reader_get_array_object (reader, array, i, "year_figures", &entry))
        return FALSE;
      waymark_json_reader_push (reader, where);
      if (!waymark_json_reader_check_keys (reader, entry, year_figure_keys) ||
          !waymark_json_reader_get_int (reader, entry, "plan_year", TRUE, 2, G_MAXINT32,
                                        &plan_year))
        return FALSE;
      if (plan_year > years)
        return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                         _("plan_year %" PRId64 " is past the plan's %u years"),
                                         plan_year, years);
      if (plan_year <= previous)
        return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                         _("plan_year %" PRId64 " comes after plan_year %"
                                           PRId64 ": each year once, in order"),
                                         plan_year, previous);
      previous = plan_year;

      figure.own_quantity = json_object_has_member (entry, "quantity");
      if (figure.own_quantity &&
          !waymark_json_reader_get_int (reader, entry, "quantity", TRUE, 0,
                                        WAYMARK_PLAN_MAX_QUANTITY, &quantity))
        return FALSE;
      figure.quantity = (guint) quantity;

      figure.own_cost = json_object_has_member (entry, "unit_cost_pence") ||
                        json_object_has_member (entry, "unit_cost_high_pence");
      if (figure.own_cost &&
          (!waymark_json_reader_get_optional_int (reader, entry, "unit_cost_pence", 0,
                                                  WAYMARK_MONEY_MAX, &low, &has_low) ||
           !waymark_json_reader_get_optional_int (reader, entry, "unit_cost_high_pence", 0,
                                                  WAYMARK_MONEY_MAX, &high, &has_high)))
        return FALSE;
      if (has_low != has_high)
        return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                         _("unit_cost_pence and unit_cost_high_pence must both "
                                           "be given or both be null"));
      if (has_low && high < low)
        return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                         _("unit_cost_high_pence (%" PRId64 ") is less than "
                                           "unit_cost_pence (%" PRId64 ")"), high, low);
      figure.unit_low = has_low ? low : WAYMARK_NO_COST;
      figure.unit_high = has_low ? high : WAYMARK_NO_COST;

      if (!figure.own_quantity && !figure.own_cost)
        return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                         _("it gives neither a quantity nor a unit cost: a year "
                                           "with no figures of its own is left out"));
      waymark_json_reader_pop (reader);

      next = waymark_year_figures_with (figures, (guint) plan_year - 1, &figure);
      g_clear_pointer (&figures, waymark_year_figures_unref);
      figures = next;
    }

  *out = g_steal_pointer (&figures);
  return TRUE;
}

/* Version 3's computed years: not read back, but there must be one for each year of the plan. */
static gboolean
check_years_array (WaymarkJsonReader *reader,
                   JsonObject        *object,
                   guint              years)
{
  JsonArray *array;

  if (!waymark_json_reader_get_array (reader, object, "years", &array))
    return FALSE;
  if (json_array_get_length (array) != years)
    return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                     _("years has %u entries; the plan runs for %u years"),
                                     json_array_get_length (array), years);
  for (guint i = 0; i < years; i++)
    {
      JsonObject *unused;

      if (!waymark_json_reader_get_array_object (reader, array, i, "years", &unused))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_bool (WaymarkJsonReader *reader,
           JsonObject        *object,
           const char        *key,
           gboolean          *out)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = FALSE;
  /* Waymark writes every key: a plan without this one was not written by it, or was cut. */
  if (node == NULL)
    return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_MISSING_FIELD,
                                     _("%s is missing"), key);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_WRONG_TYPE,
                                     _("%s should be true or false"), key);
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* Text that may be empty but not null or missing. */
static gboolean
read_text (WaymarkJsonReader  *reader,
           JsonObject         *object,
           const char         *key,
           char              **out)
{
  if (!waymark_json_reader_get_text (reader, object, key, TRUE, TRUE, out))
    return FALSE;
  if (*out == NULL)
    return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_WRONG_TYPE,
                                     _("%s is null; it should be text (\"\" for none)"), key);
  return TRUE;
}

/* Text that came with a later version of the format: absent (a plan written before), it is "";
 * present, it is read as strictly as the rest. */
static gboolean
read_optional_text (WaymarkJsonReader  *reader,
                    JsonObject         *object,
                    const char         *key,
                    char              **out)
{
  if (json_object_has_member (object, key))
    return read_text (reader, object, key, out);
  *out = g_strdup ("");
  return TRUE;
}

/* The reach keys came with issue 14: absent (a plan written before), they are no reach recorded;
 * present, they are read as strictly as the rest. */
static gboolean
read_reach (WaymarkJsonReader  *reader,
            JsonObject         *object,
            gint64             *reach,
            int                *group,
            char              **source)
{
  gboolean present = FALSE;

  *reach = 0;
  *group = WAYMARK_REACH_GROUP_UNSPECIFIED;
  if (json_object_has_member (object, "reach") &&
      !waymark_json_reader_get_optional_int (reader, object, "reach", 1,
                                             WAYMARK_PLAN_MAX_QUANTITY, reach, &present))
    return FALSE;
  if (json_object_has_member (object, "reach_group") &&
      !waymark_json_reader_get_enum (reader, object, "reach_group", WAYMARK_TYPE_REACH_GROUP,
                                     FALSE, 0, 0, group))
    return FALSE;
  return read_optional_text (reader, object, "reach_source", source);
}

static const char * const local_need_keys[] = { "reach_group", "people", "kind", "source", NULL };

/* local_needs came with issue 14: absent (a plan written before), none are recorded; present,
 * each entry is read as strictly as the rest, one per group at most. */
static gboolean
read_local_needs (WaymarkJsonReader  *reader,
                  JsonObject         *root,
                  WaymarkLocalNeeds **out)
{
  g_autoptr(WaymarkLocalNeeds) needs = waymark_local_needs_new ();
  JsonArray *array;

  *out = NULL;
  if (!json_object_has_member (root, "local_needs"))
    {
      *out = g_steal_pointer (&needs);
      return TRUE;
    }
  if (!waymark_json_reader_get_array (reader, root, "local_needs", &array))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("local_needs[%u]", i);
      g_autofree char *kind = NULL;
      g_autofree char *source = NULL;
      WaymarkLocalNeeds *next;
      JsonObject *object;
      gint64 people;
      int group;

      if (!waymark_json_reader_get_array_object (reader, array, i, "local_needs", &object))
        return FALSE;
      waymark_json_reader_push (reader, where);
      if (!waymark_json_reader_check_keys (reader, object, local_need_keys) ||
          !waymark_json_reader_get_enum (reader, object, "reach_group", WAYMARK_TYPE_REACH_GROUP,
                                         FALSE, 0, 0, &group) ||
          !waymark_json_reader_get_int (reader, object, "people", TRUE, 1,
                                        WAYMARK_LOCAL_NEED_MAX, &people) ||
          !waymark_json_reader_get_text (reader, object, "kind", TRUE, FALSE, &kind) ||
          !read_text (reader, object, "source", &source))
        return FALSE;
      if (!g_str_equal (kind, "local"))
        {
          g_autofree char *shown = waymark_json_reader_excerpt (kind);

          return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                           _("kind \"%s\" is not \"local\": a plan records only "
                                             "its own counts of need"), shown);
        }
      if (group == WAYMARK_REACH_GROUP_UNSPECIFIED)
        return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                         _("reach_group is \"unspecified\": a need is for a "
                                           "group"));
      if (waymark_local_needs_get (needs, group, NULL) > 0)
        return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                         _("reach_group \"%s\" has a need already"),
                                         waymark_enum_to_string (WAYMARK_TYPE_REACH_GROUP,
                                                                 group));
      waymark_json_reader_pop (reader);
      next = waymark_local_needs_with (needs, group, (guint) people, source);
      waymark_local_needs_unref (needs);
      needs = next;
    }

  *out = g_steal_pointer (&needs);
  return TRUE;
}

static gboolean
read_published_cost (WaymarkJsonReader  *reader,
                     JsonObject         *object,
                     WaymarkCost       **out)
{
  JsonNode *node = json_object_get_member (object, "published_cost");
  gboolean ok;

  *out = NULL;
  if (node == NULL)
    return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_MISSING_FIELD,
                                     _("%s is missing"), "published_cost");
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_WRONG_TYPE,
                                     _("%s should be an object or null"), "published_cost");

  waymark_json_reader_push (reader, "published_cost");
  ok = waymark_cost_read_json (reader, json_node_get_object (node), out);
  if (ok)
    waymark_json_reader_pop (reader);
  return ok;
}

/* Line totals are recomputed on opening, but a file that holds nonsense there is refused. */
static gboolean
check_optional_money (WaymarkJsonReader *reader,
                      JsonObject        *object,
                      const char        *key)
{
  gint64 value;
  gboolean present;

  return waymark_json_reader_get_optional_int (reader, object, key, 0,
                                               WAYMARK_MONEY_MAX * 1000, &value, &present);
}

static gboolean
check_money_if_present (WaymarkJsonReader *reader,
                        JsonObject        *object,
                        const char        *key)
{
  return !json_object_has_member (object, key) || check_optional_money (reader, object, key);
}

static WaymarkPlanItem *
read_item (WaymarkJsonReader *reader,
           JsonObject        *object,
           guint              index,
           gint64             version,
           WaymarkPlan       *plan,
           WaymarkCatalogue  *catalogue)
{
  g_autoptr(WaymarkPlanItem) item = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *level = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *provider = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *reach_source = NULL;
  g_autoptr(WaymarkCost) published = NULL;
  g_autofree char *where = NULL;
  g_autofree char *funding_name = NULL;
  gint64 reach = 0;
  int reach_group = WAYMARK_REACH_GROUP_UNSPECIFIED;
  WaymarkIntervention *intervention;
  g_autoptr(WaymarkYearFigures) year_figures = NULL;
  gint64 quantity = 0, cost = 0, cost_high = 0;
  gboolean has_cost, has_high, young, missing, local = FALSE;
  int focus, evidence, impact, cost_source, funding_source, status;
  guint works_with = 0;
  guint levels = 0;

  /* Until the item has an id, messages say where it is: "items[3]: intervention_id is empty". */
  where = g_strdup_printf ("items[%u]", index);
  waymark_json_reader_push (reader, where);
  if (!waymark_json_reader_get_text (reader, object, "intervention_id", TRUE, FALSE, &id))
    return NULL;
  waymark_json_reader_pop (reader);
  g_free (where);

  {
    g_autofree char *shown = waymark_json_reader_excerpt (id);

    where = g_strdup_printf ("item \"%s\"", shown);
  }
  waymark_json_reader_push (reader, where);

  if (!waymark_json_reader_check_keys (reader, object, item_keys) ||
      !waymark_json_reader_get_text (reader, object, "name", TRUE, FALSE, &name) ||
      !read_text (reader, object, "level", &level) ||
      !waymark_json_reader_get_enum (reader, object, "focus", WAYMARK_TYPE_FOCUS, FALSE, 0, 0,
                                     &focus) ||
      !waymark_json_reader_get_enum (reader, object, "evidence_rating", WAYMARK_TYPE_RATING, TRUE,
                                     WAYMARK_RATING_NONE, WAYMARK_RATING_LOW, &evidence) ||
      !waymark_json_reader_get_enum (reader, object, "impact_rating", WAYMARK_TYPE_RATING, TRUE,
                                     WAYMARK_RATING_NONE, WAYMARK_RATING_LOW, &impact) ||
      !waymark_json_reader_get_int (reader, object, "quantity", TRUE, 0,
                                    WAYMARK_PLAN_MAX_QUANTITY, &quantity) ||
      !read_text (reader, object, "unit", &unit) ||
      !waymark_json_reader_get_optional_int (reader, object, "unit_cost_pence", 0,
                                             WAYMARK_MONEY_MAX, &cost, &has_cost) ||
      !waymark_json_reader_get_optional_int (reader, object, "unit_cost_high_pence", 0,
                                             WAYMARK_MONEY_MAX, &cost_high, &has_high) ||
      !waymark_json_reader_get_enum (reader, object, "cost_source", WAYMARK_TYPE_COST_SOURCE,
                                     FALSE, 0, 0, &cost_source) ||
      !waymark_json_reader_get_enum (reader, object, "funding_source",
                                     WAYMARK_TYPE_FUNDING_SOURCE, FALSE, 0, 0, &funding_source) ||
      !read_text (reader, object, "provider", &provider) ||
      !read_text (reader, object, "notes", &notes) ||
      !waymark_json_reader_get_flags (reader, object, "works_with", WAYMARK_TYPE_WORKS_WITH,
                                      FALSE, &works_with) ||
      !waymark_json_reader_get_enum (reader, object, "llr_status", WAYMARK_TYPE_LLR_STATUS,
                                     FALSE, 0, 0, &status) ||
      !read_bool (reader, object, "for_young_people", &young) ||
      !read_bool (reader, object, "missing_from_catalogue", &missing) ||
      !read_published_cost (reader, object, &published) ||
      !check_optional_money (reader, object, "line_total_pence") ||
      !check_optional_money (reader, object, "line_total_high_pence") ||
      !read_reach (reader, object, &reach, &reach_group, &reach_source) ||
      !read_optional_text (reader, object, "funding_name", &funding_name) ||
      !check_money_if_present (reader, object, "cost_per_person_pence") ||
      !check_money_if_present (reader, object, "cost_per_person_high_pence") ||
      (json_object_has_member (object, "local_service") &&
       !read_bool (reader, object, "local_service", &local)))
    return NULL;
  /* From version 3 both are written always; before, a plan has equal years. */
  if ((version >= 3 || json_object_has_member (object, "year_figures")) &&
      !read_year_figures (reader, object, waymark_plan_get_years (plan), &year_figures))
    return NULL;
  if ((version >= 3 || json_object_has_member (object, "years")) &&
      !check_years_array (reader, object, waymark_plan_get_years (plan)))
    return NULL;

  if (has_cost != has_high)
    {
      waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                _("unit_cost_pence and unit_cost_high_pence must both be given "
                                  "or both be null"));
      return NULL;
    }
  if (has_cost && cost_high < cost)
    {
      waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                _("unit_cost_high_pence (%" PRId64 ") is less than "
                                  "unit_cost_pence (%" PRId64 ")"), cost_high, cost);
      return NULL;
    }

  {
    g_auto(GStrv) parts = g_strsplit (level, ";", -1);
    const char *invalid = NULL;

    levels = waymark_flags_from_strv (WAYMARK_TYPE_LEVEL, (const char * const *) parts, &invalid);
    if (invalid != NULL || levels == 0)
      {
        g_autofree char *shown = waymark_json_reader_excerpt (level);

        waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                  _("level \"%s\" is not one of primary, secondary, tertiary"),
                                  shown);
        return NULL;
      }
  }

  intervention = catalogue ? waymark_catalogue_lookup (catalogue, id) : NULL;
  if (local)
    {
      WaymarkLocalService *service = waymark_plan_find_local_service (plan, id, NULL);

      /* A local service is never rated: a file that says otherwise was not written by Waymark. */
      if (evidence != WAYMARK_RATING_NONE || impact != WAYMARK_RATING_NONE ||
          published != NULL || missing || status != WAYMARK_LLR_STATUS_UNKNOWN)
        {
          waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                    _("a local service's item has no review rating: "
                                      "evidence_rating, impact_rating and published_cost must "
                                      "be null, llr_status \"unknown\" and "
                                      "missing_from_catalogue false"));
          return NULL;
        }
      if (service == NULL)
        {
          waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                    _("local_service is true, but local_services has no service "
                                      "with this id"));
          return NULL;
        }
      /* The plan's local service speaks for what it describes, as the catalogue does for an
       * intervention. */
      item = waymark_plan_item_new_empty ();
      waymark_plan_item_take_local_service (item, service);
    }
  else if (waymark_plan_find_local_service (plan, id, NULL) != NULL)
    {
      waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_DUPLICATE_ID,
                                _("the id is a local service's, but local_service is false"));
      return NULL;
    }
  else if (intervention != NULL)
    {
      /* The catalogue in use speaks for the intervention; the file's copy is only a fallback. */
      item = waymark_plan_item_new_for_intervention (intervention);
    }
  else
    {
      item = waymark_plan_item_new_empty ();
      item->intervention_id = g_strdup (id);
      item->name = g_strdup (name);
      item->levels = levels;
      item->focus = focus;
      item->works_with = works_with;
      item->evidence_rating = evidence;
      item->impact_rating = impact;
      item->llr_status = status;
      item->for_young_people = young;
      item->published_cost = g_steal_pointer (&published);
      item->missing = TRUE;
    }

  item->quantity = (guint) quantity;
  g_free (item->unit);
  item->unit = g_steal_pointer (&unit);
  item->unit_cost = has_cost ? cost : WAYMARK_NO_COST;
  item->unit_cost_high = has_cost ? cost_high : WAYMARK_NO_COST;
  item->cost_source = cost_source;
  item->funding_source = funding_source;
  g_free (item->funding_name);
  item->funding_name = g_steal_pointer (&funding_name);
  g_free (item->provider);
  item->provider = g_steal_pointer (&provider);
  g_free (item->notes);
  item->notes = g_steal_pointer (&notes);
  item->reach = (guint) reach;
  item->reach_group = reach_group;
  g_free (item->reach_source);
  item->reach_source = g_steal_pointer (&reach_source);
  item->year_figures = g_steal_pointer (&year_figures);

  waymark_json_reader_pop (reader);
  return g_steal_pointer (&item);
}

static gboolean
read_plan (WaymarkPlan       *plan,
           WaymarkJsonReader *reader,
           JsonNode          *root_node,
           WaymarkCatalogue  *catalogue)
{
  g_autofree char *format = NULL;
  g_autofree char *title = NULL;
  g_autofree char *area = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *author = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *exported_at = NULL;
  g_auto(GStrv) dismissed = NULL;
  g_autoptr(WaymarkLocalNeeds) local_needs = NULL;
  g_autoptr(GDateTime) changed_at = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonArray *items;
  gint64 version, start_year, years, budget;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_FORMAT,
                                     _("this is not a Waymark plan: it should be a JSON object "
                                       "with \"format\": \"waymark-plan\""));
  root = json_node_get_object (root_node);

  if (!waymark_json_reader_get_text (reader, root, "format", TRUE, FALSE, &format))
    return FALSE;
  if (!g_str_equal (format, "waymark-plan"))
    {
      g_autofree char *shown = waymark_json_reader_excerpt (format);

      return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_FORMAT,
                                       _("this is not a Waymark plan: format is \"%s\", not "
                                         "\"waymark-plan\""), shown);
    }
  if (!waymark_json_reader_get_int (reader, root, "version", TRUE, 1, G_MAXINT32, &version))
    return FALSE;
  if (version > WAYMARK_PLAN_FORMAT_VERSION)
    return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_VERSION,
                                     _("this plan was made by a newer version of Waymark (plan "
                                       "format %" PRId64 "; this version reads up to "
                                       "%d): update Waymark to open it"),
                                     version, WAYMARK_PLAN_FORMAT_VERSION);

  if (!waymark_json_reader_check_keys (reader, root, plan_keys) ||
      !read_text (reader, root, "title", &title) ||
      !read_text (reader, root, "area", &area) ||
      !read_text (reader, root, "organisation", &organisation) ||
      !read_text (reader, root, "author", &author) ||
      !waymark_json_reader_get_int (reader, root, "start_year", TRUE, 2000, 2100, &start_year) ||
      !waymark_json_reader_get_int (reader, root, "years", TRUE, 1, WAYMARK_PLAN_MAX_YEARS,
                                    &years) ||
      !waymark_json_reader_get_text (reader, root, "currency", TRUE, FALSE, &currency) ||
      !waymark_json_reader_get_int (reader, root, "budget_pence", TRUE, 0, WAYMARK_MONEY_MAX,
                                    &budget) ||
      !waymark_json_reader_get_text (reader, root, "exported_at", TRUE, FALSE, &exported_at) ||
      !waymark_json_reader_get_strv (reader, root, "dismissed_warnings", &dismissed) ||
      !read_local_needs (reader, root, &local_needs) ||
      !waymark_json_reader_get_array (reader, root, "items", &items))
    return FALSE;

  /* Recomputed on opening, but they must at least be what Waymark writes. */
  {
    JsonObject *unused_object;
    JsonArray *unused_array;

    if (!waymark_json_reader_get_object (reader, root, "catalogue", TRUE, &unused_object) ||
        !waymark_json_reader_get_object (reader, root, "totals", TRUE, &unused_object) ||
        !waymark_json_reader_get_array (reader, root, "warnings", &unused_array))
      return FALSE;
  }

  if (!g_str_equal (currency, "GBP"))
    {
      g_autofree char *shown = waymark_json_reader_excerpt (currency);

      return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                       _("currency \"%s\" is not GBP: plans are costed in pounds"),
                                       shown);
    }

  changed_at = g_date_time_new_from_iso8601 (exported_at, NULL);
  if (changed_at == NULL)
    {
      g_autofree char *shown = waymark_json_reader_excerpt (exported_at);

      return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                       _("exported_at \"%s\" is not a date and time such as "
                                         "2026-11-26T09:30:00Z"), shown);
    }

  waymark_plan_load_details (plan, title, area, organisation, author, (guint) start_year,
                             (guint) years, budget, (const char * const *) dismissed, changed_at);
  waymark_plan_load_local_needs (plan, local_needs);

  /* Since version 3 (issue 16), written always; a plan before ran in calendar years. */
  if (version >= 3 || json_object_has_member (root, "year_kind") ||
      json_object_has_member (root, "uplift_basis_points"))
    {
      int year_kind;
      gint64 uplift;

      if (!waymark_json_reader_get_enum (reader, root, "year_kind", WAYMARK_TYPE_YEAR_KIND,
                                         FALSE, 0, 0, &year_kind) ||
          !waymark_json_reader_get_int (reader, root, "uplift_basis_points", TRUE, 0,
                                        WAYMARK_UPLIFT_MAX, &uplift))
        return FALSE;
      waymark_plan_load_years (plan, year_kind, (guint) uplift);
    }
  else
    waymark_plan_load_years (plan, WAYMARK_YEAR_KIND_CALENDAR, 0);

  /* Before the items, which may be for them. */
  if (json_object_has_member (root, "local_services"))
    {
      g_autoptr(GPtrArray) services =
        waymark_local_service_read_array (reader, root, "local_services", catalogue);

      if (services == NULL)
        return FALSE;
      for (guint i = 0; i < services->len; i++)
        waymark_plan_load_local_service (plan, g_ptr_array_index (services, i));
    }

  /* Version 1 has no appraisal: it opens with the defaults. From version 2 it is written always. */
  if (version >= 2 || json_object_has_member (root, "appraisal"))
    {
      g_autoptr(WaymarkAppraisal) appraisal = waymark_appraisal_new ();
      JsonObject *object;

      if (!waymark_json_reader_get_object (reader, root, "appraisal", TRUE, &object) ||
          !waymark_appraisal_read_json (reader, object, appraisal))
        return FALSE;
      waymark_plan_load_appraisal (plan, appraisal);
    }

  if (json_object_has_member (root, "decisions"))
    {
      g_autoptr(GPtrArray) decisions =
        waymark_decisions_read_array (reader, root, "decisions", catalogue);

      if (decisions == NULL)
        return FALSE;
      for (guint i = 0; i < decisions->len; i++)
        waymark_plan_load_decision (plan, g_ptr_array_index (decisions, i));
    }

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(WaymarkPlanItem) item = NULL;
      JsonObject *object;

      if (!waymark_json_reader_get_array_object (reader, items, i, "items", &object))
        return FALSE;
      item = read_item (reader, object, i, version, plan, catalogue);
      if (item == NULL)
        return FALSE;
      if (g_hash_table_contains (seen, item->intervention_id))
        {
          g_autofree char *shown = waymark_json_reader_excerpt (item->intervention_id);

          return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_DUPLICATE_ID,
                                           _("items[%u]: \"%s\" is in the plan twice"),
                                           i, shown);
        }
      g_hash_table_add (seen, item->intervention_id);
      waymark_plan_load_item (plan, item);
    }

  /* What export computes, computed now by the same function: a plan that opens, or passes
   * `waymark-cli validate`, can be saved and exported. */
  {
    WaymarkPlanTotals totals;

    waymark_plan_get_totals (plan, &totals);
    if (totals.overflow)
      {
        g_autofree char *what = describe_overflow (plan, &totals);

        return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_TOTAL_TOO_LARGE, "%s", what);
      }
  }

  return TRUE;
}

WaymarkPlan *
waymark_plan_new_from_bytes (GBytes            *bytes,
                             const char        *display_name,
                             WaymarkCatalogue  *catalogue,
                             GError           **error)
{
  g_autoptr(WaymarkJsonReader) reader = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(WaymarkPlan) plan = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue), NULL);

  reader = waymark_json_reader_new (display_name, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_MAX_BYTES);
  root = waymark_json_reader_parse (reader, bytes);
  plan = waymark_plan_new ();
  if (root == NULL || !read_plan (plan, reader, root, catalogue))
    {
      waymark_json_reader_propagate (reader, error);
      return NULL;
    }

  return g_steal_pointer (&plan);
}

gboolean
waymark_plan_data_is_plan (GBytes *bytes)
{
  return waymark_plan_data_has_format (bytes, "waymark-plan");
}

gboolean
waymark_plan_data_has_format (GBytes     *bytes,
                              const char *format_name)
{
  g_autoptr(WaymarkJsonReader) reader = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonNode *format;

  g_return_val_if_fail (bytes != NULL, FALSE);

  reader = waymark_json_reader_new ("", WAYMARK_PLAN_ERROR, WAYMARK_PLAN_MAX_BYTES);
  root = waymark_json_reader_parse (reader, bytes);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  format = json_object_get_member (json_node_get_object (root), "format");
  return format != NULL && JSON_NODE_HOLDS_VALUE (format) &&
         json_node_get_value_type (format) == G_TYPE_STRING &&
         g_strcmp0 (json_node_get_string (format), format_name) == 0;
}

WaymarkPlan *
waymark_plan_new_from_file (GFile             *file,
                            WaymarkCatalogue  *catalogue,
                            GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  bytes = waymark_safe_read_file (file, WAYMARK_PLAN_MAX_BYTES, WAYMARK_PLAN_ERROR, error);
  if (bytes == NULL)
    return NULL;

  return waymark_plan_new_from_bytes (bytes, name, catalogue, error);
}

/* Saving */

gboolean
waymark_plan_write (WaymarkPlan       *plan,
                    WaymarkCatalogue  *catalogue,
                    WaymarkPlanFormat  format,
                    GFile             *file,
                    GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;

  g_return_val_if_fail (WAYMARK_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  switch (format)
    {
    case WAYMARK_PLAN_FORMAT_CSV:
      data = waymark_plan_to_csv (plan, catalogue, error);
      break;
    case WAYMARK_PLAN_FORMAT_SUMMARY_CSV:
      data = waymark_plan_to_summary_csv (plan, error);
      break;
    case WAYMARK_PLAN_FORMAT_JSON:
    default:
      data = waymark_plan_to_json (plan, catalogue, error);
      break;
    }
  if (data == NULL)
    return FALSE;

  if (!waymark_safe_write_file (file, data, -1, &local_error))
    {
      /* The message already names the file and says what became of it. */
      g_set_error_literal (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_WRITE,
                           local_error->message);
      return FALSE;
    }

  return TRUE;
}
