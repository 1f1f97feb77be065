/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-csv.h"
#include "waymark-json-writer.h"
#include "waymark-money.h"
#include "waymark-plan-comparison.h"

/* Years: the plan's own labels ("2026/27" financial, "2026" calendar) and per-year figures
 * (issue 16). */

/* The item's spend over the plan: the sum of its years (each after the plan's uplift where it
 * applies). FALSE when a year has no cost or is too large to calculate. */
static gboolean
plan_get_item_spend (WaymarkPlan     *plan,
                     WaymarkPlanItem *item,
                     gint64          *low,
                     gint64          *high)
{
  *low = *high = 0;
  for (guint y = 0; y < MAX (waymark_plan_get_years (plan), 1u); y++)
    {
      WaymarkItemYear year;

      waymark_plan_get_item_year (plan, item, y, &year);
      if (!year.has_cost || year.overflow ||
          !waymark_money_add (*low, year.line_low, low) ||
          !waymark_money_add (*high, year.line_high, high))
        return FALSE;
    }
  return TRUE;
}

/* Building */

static void
measure_free (WaymarkPlanMeasure *measure)
{
  g_free (measure->id);
  g_free (measure->label);
  g_free (measure->values);
  g_free (measure);
}

static void
warning_row_free (WaymarkPlanWarningRow *row)
{
  /* Not g_strfreev: a plan that does not raise the warning leaves a NULL before the others. */
  for (guint p = 0; p < row->n_plans; p++)
    g_free (row->messages[p]);
  g_free (row->messages);
  g_free (row->dismissed);
  g_free (row->id);
  g_free (row);
}

static void
item_row_free (WaymarkPlanItemRow *row)
{
  g_free (row->id);
  g_free (row->name);
  g_free (row->cells);
  g_free (row);
}

/* Takes id and label. Every value starts as not recorded. */
static WaymarkPlanMeasure *
add_measure (WaymarkPlanComparison *self,
             WaymarkPlanSection     section,
             WaymarkPlanUnit        unit,
             const char            *kind,
             char                  *id,
             char                  *label)
{
  WaymarkPlanMeasure *measure = g_new0 (WaymarkPlanMeasure, 1);

  measure->section = section;
  measure->unit = unit;
  measure->kind = kind;
  measure->id = id;
  measure->label = label;
  measure->values = g_new0 (WaymarkPlanValue, self->n_plans);
  for (guint p = 0; p < self->n_plans; p++)
    measure->values[p].state = WAYMARK_PLAN_VALUE_NOT_RECORDED;
  g_ptr_array_add (self->measures, measure);
  return measure;
}

static void
set_value (WaymarkPlanMeasure *measure,
           guint               plan,
           gint64              low,
           gint64              high)
{
  measure->values[plan].state = WAYMARK_PLAN_VALUE_KNOWN;
  measure->values[plan].low = low;
  measure->values[plan].high = high;
}

static void
set_state (WaymarkPlanMeasure    *measure,
           guint                  plan,
           WaymarkPlanValueState  state)
{
  measure->values[plan].state = state;
  measure->values[plan].low = measure->values[plan].high = 0;
}

/* Whether the figures differ, and whether any is a range: once every value is set. */
static void
finish_measure (WaymarkPlanMeasure *measure,
                guint               n_plans)
{
  const WaymarkPlanValue *first = &measure->values[0];

  for (guint p = 0; p < n_plans; p++)
    {
      const WaymarkPlanValue *value = &measure->values[p];

      if (value->state == WAYMARK_PLAN_VALUE_KNOWN && value->low != value->high)
        measure->range = TRUE;
      if (value->state != first->state || value->low != first->low ||
          value->high != first->high)
        measure->differs = TRUE;
    }
}

/* part ÷ whole in hundredths of a per cent, rounded half up; -1 for no whole. Both at most
 * WAYMARK_MONEY_MAX, so part × 10,000 fits. */
static gint64
basis_points (gint64 part,
              gint64 whole)
{
  if (whole <= 0 || part < 0)
    return -1;
  return (part * 10000 + whole / 2) / whole;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_totals (WaymarkPlanComparison *self,
            WaymarkPlan          **plans)
{
  WaymarkPlanMeasure *total, *budget, *remaining, *n_items, *without, *years;

  total = add_measure (self, WAYMARK_PLAN_SECTION_TOTALS, WAYMARK_PLAN_UNIT_MONEY, "computed",
                       g_strdup ("total"), g_strdup (_("Total over the plan")));
  budget = add_measure (self, WAYMARK_PLAN_SECTION_TOTALS, WAYMARK_PLAN_UNIT_MONEY, "local",
                        g_strdup ("budget"), g_strdup (_("Budget over the plan")));
  remaining = add_measure (self, WAYMARK_PLAN_SECTION_TOTALS, WAYMARK_PLAN_UNIT_MONEY,
                           "computed", g_strdup ("remaining"),
                           g_strdup (_("Left of the budget (negative: over it)")));
  years = add_measure (self, WAYMARK_PLAN_SECTION_TOTALS, WAYMARK_PLAN_UNIT_COUNT, "local",
                       g_strdup ("years"), g_strdup (_("Years")));
  n_items = add_measure (self, WAYMARK_PLAN_SECTION_TOTALS, WAYMARK_PLAN_UNIT_COUNT, "computed",
                         g_strdup ("items"), g_strdup (_("Items")));
  without = add_measure (self, WAYMARK_PLAN_SECTION_TOTALS, WAYMARK_PLAN_UNIT_COUNT, "computed",
                         g_strdup ("items_without_cost"), g_strdup (_("Items without a cost")));

  for (guint p = 0; p < self->n_plans; p++)
    {
      WaymarkPlanTotals totals;

      waymark_plan_get_totals (plans[p], &totals);
      if (totals.overflow)
        {
          set_state (total, p, WAYMARK_PLAN_VALUE_OVERFLOW);
          set_state (remaining, p, WAYMARK_PLAN_VALUE_OVERFLOW);
        }
      else
        {
          set_value (total, p, totals.total_low, totals.total_high);
          /* As the plan gives it: the lower figure left is against the higher total. */
          set_value (remaining, p, totals.remaining_low, totals.remaining_high);
        }
      set_value (budget, p, waymark_plan_get_budget (plans[p]), waymark_plan_get_budget (plans[p]));
      set_value (years, p, self->years[p], self->years[p]);
      set_value (n_items, p, totals.n_items, totals.n_items);
      set_value (without, p, totals.n_without_cost, totals.n_without_cost);
    }
}

static void
add_years (WaymarkPlanComparison *self,
           WaymarkPlan          **plans)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint p = 0; p < self->n_plans; p++)
    for (guint y = 0; y < self->years[p]; y++)
      {
        char *label = waymark_plan_dup_year_label (plans[p], y);

        if (g_hash_table_contains (seen, label))
          {
            g_free (label);
            continue;
          }
        g_hash_table_add (seen, label);
        g_ptr_array_add (labels, label);
      }
  g_ptr_array_sort (labels, compare_strings);

  self->year_labels = g_new0 (char *, labels->len + 1);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);
      WaymarkPlanMeasure *total, *remaining;

      self->year_labels[i] = g_strdup (label);
      /* Translators: %s is a year, "2026/27" */
      total = add_measure (self, WAYMARK_PLAN_SECTION_YEARS, WAYMARK_PLAN_UNIT_MONEY, "computed",
                           g_strdup_printf ("year:%s:total", label),
                           g_strdup_printf (_("Total in %s"), label));
      /* Translators: %s is a year, "2026/27" */
      remaining = add_measure (self, WAYMARK_PLAN_SECTION_YEARS, WAYMARK_PLAN_UNIT_MONEY,
                               "computed", g_strdup_printf ("year:%s:remaining", label),
                               g_strdup_printf (_("Left of the budget in %s"), label));

      for (guint p = 0; p < self->n_plans; p++)
        {
          guint index;

          set_state (total, p, WAYMARK_PLAN_VALUE_NOT_COVERED);
          set_state (remaining, p, WAYMARK_PLAN_VALUE_NOT_COVERED);
          for (index = 0; index < self->years[p]; index++)
            {
              g_autofree char *own = waymark_plan_dup_year_label (plans[p], index);

              if (g_str_equal (own, label))
                break;
            }
          if (index < self->years[p])
            {
              WaymarkPlanTotals totals;

              waymark_plan_get_year_totals (plans[p], index, &totals);
              if (totals.overflow)
                {
                  set_state (total, p, WAYMARK_PLAN_VALUE_OVERFLOW);
                  set_state (remaining, p, WAYMARK_PLAN_VALUE_OVERFLOW);
                }
              else
                {
                  set_value (total, p, totals.total_low, totals.total_high);
                  set_value (remaining, p, totals.remaining_low, totals.remaining_high);
                }
            }
        }
    }
}

static const struct
{
  WaymarkBreakdownKind kind;
  WaymarkPlanSection   section;
  const char          *prefix;
} breakdowns[] = {
  { WAYMARK_BREAKDOWN_LEVEL, WAYMARK_PLAN_SECTION_LEVEL, "level" },
  { WAYMARK_BREAKDOWN_FOCUS, WAYMARK_PLAN_SECTION_FOCUS, "focus" },
  { WAYMARK_BREAKDOWN_WORKS_WITH, WAYMARK_PLAN_SECTION_WORKS_WITH, "works_with" },
  { WAYMARK_BREAKDOWN_EVIDENCE, WAYMARK_PLAN_SECTION_EVIDENCE, "evidence" },
  { WAYMARK_BREAKDOWN_FUNDING, WAYMARK_PLAN_SECTION_FUNDING, "funding" },
};

static void
add_balance (WaymarkPlanComparison *self,
             WaymarkPlan          **plans)
{
  g_autofree gint64 *spend_low = g_new0 (gint64, self->n_plans);
  g_autofree gint64 *spend_high = g_new0 (gint64, self->n_plans);

  /* Every balance measure is over the plan (every year's spend, the uplift included), so plans
   * of different lengths or start years are each compared whole, never one year against another.
   * A share is of the spend the breakdowns count: the sum of the level slices, as every item
   * counts at exactly one level (works-with slices overlap, so they cannot be the whole). */
  for (guint p = 0; p < self->n_plans; p++)
    {
      g_autoptr(GArray) slices = waymark_plan_get_breakdown_for_year (plans[p],
                                                                      WAYMARK_BREAKDOWN_LEVEL,
                                                                      WAYMARK_PLAN_ALL_YEARS);

      for (guint s = 0; s < slices->len; s++)
        {
          spend_low[p] += g_array_index (slices, WaymarkBreakdownSlice, s).low;
          spend_high[p] += g_array_index (slices, WaymarkBreakdownSlice, s).high;
        }
      self->high_share[p] = -1;
    }

  for (guint b = 0; b < G_N_ELEMENTS (breakdowns); b++)
    {
      g_autoptr(GPtrArray) per_plan =
        g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      g_autoptr(GPtrArray) keys = g_ptr_array_new ();
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      /* The slices' keys, in the first plan's order, then the others' new ones (local streams). */
      for (guint p = 0; p < self->n_plans; p++)
        {
          GArray *slices = waymark_plan_get_breakdown_for_year (plans[p], breakdowns[b].kind,
                                                                WAYMARK_PLAN_ALL_YEARS);

          g_ptr_array_add (per_plan, slices);
          for (guint s = 0; s < slices->len; s++)
            {
              const WaymarkBreakdownSlice *slice =
                &g_array_index (slices, WaymarkBreakdownSlice, s);
              gboolean known = FALSE;

              for (guint k = 0; k < keys->len && !known; k++)
                known = g_str_equal (g_ptr_array_index (keys, k), slice->key);
              if (!known)
                {
                  g_ptr_array_add (keys, (gpointer) slice->key);
                  g_ptr_array_add (labels, (gpointer) slice->label);
                }
            }
        }

      for (guint k = 0; k < keys->len; k++)
        {
          const char *key = g_ptr_array_index (keys, k);
          const char *label = g_ptr_array_index (labels, k);
          WaymarkPlanMeasure *spend, *share;

          spend = add_measure (self, breakdowns[b].section, WAYMARK_PLAN_UNIT_MONEY, "computed",
                               g_strdup_printf ("%s:%s", breakdowns[b].prefix, key),
                               /* Translators: %s is a slice of spend: "Primary prevention" */
                               g_strdup_printf (_("%s, spend over the plan"), label));
          share = add_measure (self, breakdowns[b].section, WAYMARK_PLAN_UNIT_BASIS_POINTS,
                               "computed",
                               g_strdup_printf ("%s:%s:share", breakdowns[b].prefix, key),
                               /* Translators: %s is a slice of spend: "Primary prevention" */
                               g_strdup_printf (_("%s, share of spend over the plan"), label));
          for (guint p = 0; p < self->n_plans; p++)
            {
              GArray *slices = g_ptr_array_index (per_plan, p);
              gint64 low = 0, high = 0, share_low, share_high;

              for (guint s = 0; s < slices->len; s++)
                {
                  const WaymarkBreakdownSlice *slice = &g_array_index (slices,
                                                                       WaymarkBreakdownSlice, s);

                  if (g_str_equal (slice->key, key))
                    {
                      low = slice->low;
                      high = slice->high;
                    }
                }
              set_value (spend, p, low, high);
              share_low = basis_points (low, spend_low[p]);
              share_high = basis_points (high, spend_high[p]);
              if (share_low >= 0 && share_high >= 0)
                set_value (share, p, share_low, share_high);
              if (breakdowns[b].kind == WAYMARK_BREAKDOWN_EVIDENCE && g_str_equal (key, "high"))
                self->high_share[p] = share_low;
            }
          finish_measure (spend, self->n_plans);
          finish_measure (share, self->n_plans);
        }
    }
}

static void
add_reach (WaymarkPlanComparison *self,
           WaymarkPlan          **plans,
           WaymarkCatalogue      *catalogue)
{
  for (guint g = 0; g < WAYMARK_REACH_GROUP_N; g++)
    {
      const char *group_id = waymark_enum_to_string (WAYMARK_TYPE_REACH_GROUP, g);
      const char *group_label = waymark_reach_group_get_label (g);
      WaymarkPlanMeasure *reach, *per_person, *coverage;
      gboolean any = FALSE;

      for (guint p = 0; p < self->n_plans && !any; p++)
        for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (plans[p])) && !any; i++)
          {
            g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plans[p]), i);

            any = waymark_plan_item_get_reach (item) > 0 &&
                  waymark_plan_item_get_reach_group (item) == (WaymarkReachGroup) g;
          }
      if (!any)
        continue;

      /* Translators: %s is who the people reached are: "Victims and survivors" */
      reach = add_measure (self, WAYMARK_PLAN_SECTION_REACH, WAYMARK_PLAN_UNIT_PEOPLE, "local",
                           g_strdup_printf ("reach:%s", group_id),
                           g_strdup_printf (_("People reached a year: %s"), group_label));
      /* Translators: %s is who the people reached are */
      per_person = add_measure (self, WAYMARK_PLAN_SECTION_REACH, WAYMARK_PLAN_UNIT_MONEY,
                                "computed", g_strdup_printf ("cost_per_person:%s", group_id),
                                g_strdup_printf (_("Cost per person a year: %s"), group_label));
      /* Translators: %s is who the people reached are */
      coverage = add_measure (self, WAYMARK_PLAN_SECTION_REACH, WAYMARK_PLAN_UNIT_BASIS_POINTS,
                              "computed", g_strdup_printf ("coverage:%s", group_id),
                              g_strdup_printf (_("Coverage of the need: %s"), group_label));

      for (guint p = 0; p < self->n_plans; p++)
        {
          GListModel *model = G_LIST_MODEL (plans[p]);
          guint64 people = 0, costed_people = 0;
          gint64 low = 0, high = 0;
          gboolean ok = TRUE;
          g_autoptr(GArray) rows = waymark_plan_get_coverage (plans[p], catalogue);

          for (guint i = 0; i < g_list_model_get_n_items (model); i++)
            {
              g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (model, i);
              gint64 line_low, line_high;

              if (waymark_plan_item_get_reach (item) == 0 ||
                  waymark_plan_item_get_reach_group (item) != (WaymarkReachGroup) g)
                continue;
              people += waymark_plan_item_get_reach (item);
              if (!waymark_plan_item_get_line_total (item, &line_low, &line_high))
                continue;
              costed_people += waymark_plan_item_get_reach (item);
              ok = ok && waymark_money_add (low, line_low, &low) &&
                   waymark_money_add (high, line_high, &high);
            }
          if (people > 0)
            set_value (reach, p, (gint64) people, (gint64) people);
          /* The year's spend on the group's items that record both a cost and a reach, over the
           * people those items reach; to the nearest penny, half up. */
          if (!ok)
            set_state (per_person, p, WAYMARK_PLAN_VALUE_OVERFLOW);
          else if (costed_people > 0)
            set_value (per_person, p,
                       (low + (gint64) costed_people / 2) / (gint64) costed_people,
                       (high + (gint64) costed_people / 2) / (gint64) costed_people);

          for (guint r = 0; r < rows->len; r++)
            {
              const WaymarkCoverage *row = &g_array_index (rows, WaymarkCoverage, r);

              if (row->group != (WaymarkReachGroup) g || row->basis_points < 0)
                continue;
              set_value (coverage, p, row->basis_points, row->basis_points);
              coverage->values[p].local_need = row->need_is_local;
            }
        }
      finish_measure (reach, self->n_plans);
      finish_measure (per_person, self->n_plans);
      finish_measure (coverage, self->n_plans);
    }
}

static void
add_warnings (WaymarkPlanComparison *self,
              WaymarkPlan          **plans)
{
  for (guint p = 0; p < self->n_plans; p++)
    {
      g_autoptr(GPtrArray) warnings = waymark_plan_list_warnings (plans[p]);

      for (guint w = 0; w < warnings->len; w++)
        {
          const WaymarkPlanWarning *warning = g_ptr_array_index (warnings, w);
          WaymarkPlanWarningRow *row = NULL;

          for (guint r = 0; r < self->warnings->len && row == NULL; r++)
            {
              WaymarkPlanWarningRow *candidate = g_ptr_array_index (self->warnings, r);

              if (g_str_equal (candidate->id, warning->id))
                row = candidate;
            }
          if (row == NULL)
            {
              row = g_new0 (WaymarkPlanWarningRow, 1);
              row->id = g_strdup (warning->id);
              row->messages = g_new0 (char *, self->n_plans + 1);
              row->n_plans = self->n_plans;
              row->dismissed = g_new0 (gboolean, self->n_plans);
              g_ptr_array_add (self->warnings, row);
            }
          /* Each plan words it with its own figures (a budget warning's amounts). */
          row->messages[p] = g_strdup (warning->message);
          row->dismissed[p] = warning->dismissed;
          row->n_raised++;
        }
    }
}

static void
add_items (WaymarkPlanComparison *self,
           WaymarkPlan          **plans)
{
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint p = 0; p < self->n_plans; p++)
    {
      GListModel *model = G_LIST_MODEL (plans[p]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (model, i);
          const char *id = waymark_plan_item_get_intervention_id (item);
          WaymarkPlanItemRow *row = g_hash_table_lookup (rows, id);
          WaymarkPlanItemCell *cell;
          WaymarkItemYear first_year;

          if (row == NULL)
            {
              row = g_new0 (WaymarkPlanItemRow, 1);
              row->id = g_strdup (id);
              row->name = g_strdup (waymark_plan_item_get_name (item));
              row->cells = g_new0 (WaymarkPlanItemCell, self->n_plans);
              g_ptr_array_add (self->items, row);
              g_hash_table_insert (rows, row->id, row);
            }
          cell = &row->cells[p];
          cell->present = TRUE;
          /* As entered for the first year; the spend is every year's. */
          waymark_plan_get_item_year (plans[p], item, 0, &first_year);
          cell->quantity = first_year.quantity;
          cell->has_cost = first_year.has_cost && !first_year.overflow;
          if (cell->has_cost)
            {
              cell->unit_low = first_year.unit_low;
              cell->unit_high = first_year.unit_high;
            }
          if (!plan_get_item_spend (plans[p], item, &cell->spend_low, &cell->spend_high))
            {
              /* A year without a cost, or too large to calculate: no figure over the plan. */
              cell->has_cost = FALSE;
              cell->unit_low = cell->unit_high = 0;
              cell->spend_low = cell->spend_high = 0;
            }
          row->n_plans_with++;
        }
    }

  for (guint r = 0; r < self->items->len; r++)
    {
      WaymarkPlanItemRow *row = g_ptr_array_index (self->items, r);
      const WaymarkPlanItemCell *base = &row->cells[0];
      const WaymarkPlanItemCell *first_present = NULL;
      guint first_present_plan = 0;

      row->in_every_plan = row->n_plans_with == self->n_plans;
      row->differs = !row->in_every_plan;
      for (guint p = 0; p < self->n_plans; p++)
        {
          WaymarkPlanItemCell *cell = &row->cells[p];
          gboolean known = !cell->present || cell->has_cost;
          gboolean base_known = !base->present || base->has_cost;

          if (cell->present)
            {
              if (first_present == NULL)
                {
                  first_present = cell;
                  first_present_plan = p;
                }
              else if (cell->quantity != first_present->quantity ||
                       cell->has_cost != first_present->has_cost ||
                       cell->unit_low != first_present->unit_low ||
                       cell->unit_high != first_present->unit_high ||
                       /* a later year's quantity or cost, in plans of as many years */
                       (self->years[p] == self->years[first_present_plan] &&
                        (cell->spend_low != first_present->spend_low ||
                         cell->spend_high != first_present->spend_high)))
                row->differs = TRUE;
            }
          cell->difference_known = known && base_known;
          if (cell->difference_known)
            {
              cell->difference_low = cell->spend_low - base->spend_low;
              cell->difference_high = cell->spend_high - base->spend_high;
            }
        }
    }
}

static char *
join_names (WaymarkPlanComparison *self,
            const gboolean        *which)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  for (guint p = 0; p < self->n_plans; p++)
    if (which[p])
      g_ptr_array_add (names, self->names[p]);
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        /* Translators: between the last two names of a list: "A, B and C" */
        g_string_append (out, i + 1 == names->len ? _(" and ") : ", ");
      g_string_append (out, g_ptr_array_index (names, i));
    }
  return g_string_free (out, FALSE);
}

static char *
format_money_range (gint64 low,
                    gint64 high)
{
  g_autofree char *a = waymark_money_format (low, WAYMARK_CURRENCY_GBP);
  g_autofree char *b = NULL;

  if (low == high)
    return g_steal_pointer (&a);
  b = waymark_money_format (high, WAYMARK_CURRENCY_GBP);
  return g_strdup_printf ("%s–%s", a, b);
}

static char *
format_basis_points (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d%%", value / 100, (int) (value % 100));
}

static void
mark_lowest_cost (WaymarkPlanComparison *self)
{
  const WaymarkPlanMeasure *total = waymark_plan_comparison_find (self, "total");
  const WaymarkPlanMeasure *without = waymark_plan_comparison_find (self, "items_without_cost");
  const WaymarkPlanValue *best = NULL;
  guint n_marked = 0, n_known = 0, n_without = 0;
  gboolean years_differ = FALSE;
  GString *words = g_string_new (NULL);

  for (guint p = 0; p < self->n_plans; p++)
    {
      const WaymarkPlanValue *value = &total->values[p];

      n_without += (guint) without->values[p].low;
      years_differ |= self->years[p] != self->years[0];
      if (value->state != WAYMARK_PLAN_VALUE_KNOWN)
        continue;
      n_known++;
      if (best == NULL || value->low < best->low ||
          (value->low == best->low && value->high < best->high))
        best = value;
    }
  for (guint p = 0; best != NULL && p < self->n_plans; p++)
    {
      const WaymarkPlanValue *value = &total->values[p];

      self->lowest_cost[p] = value->state == WAYMARK_PLAN_VALUE_KNOWN &&
                             value->low == best->low && value->high == best->high;
      n_marked += self->lowest_cost[p];
    }

  if (best == NULL)
    g_string_append (words, _("Lowest cost: none, as no plan’s total could be calculated."));
  else
    {
      g_autofree char *amount = format_money_range (best->low, best->high);
      g_autofree char *names = join_names (self, self->lowest_cost);

      if (n_marked == 1)
        /* Translators: a plan's name, then its total over the plan */
        g_string_append_printf (words, _("Lowest cost: %s, at %s over the plan (the lowest "
                                         "lower total, then the lowest higher one)."),
                                names, amount);
      else if (n_marked == n_known && n_known == self->n_plans)
        {
          /* Translators: the total over the plan every plan has */
          g_string_append_printf (words, _("Lowest cost: a tie, as every plan totals %s over "
                                           "the plan."), amount);
          memset (self->lowest_cost, 0, sizeof (gboolean) * self->n_plans);
        }
      else
        /* Translators: the plans' names, then their total over the plan */
        g_string_append_printf (words, _("Lowest cost: a tie between %s, at %s over the plan."),
                                names, amount);
    }
  if (years_differ)
    g_string_append_printf (words, " %s", _("The plans run for different numbers of years, so "
                                            "their totals are not like for like."));
  if (n_without > 0)
    {
      /* Translators: %u is a number of items */
      g_autofree char *left_out = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "Between them, the totals leave "
                                                                "out %u item without a cost.",
                                                                "Between them, the totals leave "
                                                                "out %u items without a cost.",
                                                                n_without),
                                                   n_without);

      g_string_append_printf (words, " %s", left_out);
    }
  self->lowest_cost_words = g_string_free (words, FALSE);
}

static void
mark_strongest_evidence (WaymarkPlanComparison *self)
{
  gint64 best = -1;
  guint n_marked = 0, n_known = 0;
  const char *definition = _("Strongest evidence mix: the largest share of spend over the plan, at "
                             "the lower costs, on interventions the review rates HIGH for "
                             "evidence.");

  for (guint p = 0; p < self->n_plans; p++)
    if (self->high_share[p] >= 0)
      {
        n_known++;
        best = MAX (best, self->high_share[p]);
      }
  for (guint p = 0; p < self->n_plans; p++)
    {
      self->strongest_evidence[p] = best > 0 && self->high_share[p] == best;
      n_marked += self->strongest_evidence[p];
    }

  if (best <= 0)
    self->strongest_evidence_words =
      g_strdup_printf ("%s %s", definition,
                       _("No plan spends on an intervention rated HIGH for evidence, so none "
                         "is marked."));
  else
    {
      g_autofree char *share = format_basis_points (best);
      g_autofree char *names = join_names (self, self->strongest_evidence);

      if (n_marked == self->n_plans)
        {
          self->strongest_evidence_words =
            /* Translators: the definition, then the share every plan has: "45.00%" */
            g_strdup_printf (_("%s A tie: every plan spends %s so."), definition, share);
          memset (self->strongest_evidence, 0, sizeof (gboolean) * self->n_plans);
        }
      else if (n_marked == 1)
        /* Translators: the definition, a plan's name, then its share: "45.00%" */
        self->strongest_evidence_words = g_strdup_printf (_("%s %s, with %s."), definition,
                                                          names, share);
      else
        /* Translators: the definition, the plans' names, then their share: "45.00%" */
        self->strongest_evidence_words = g_strdup_printf (_("%s A tie between %s, with %s "
                                                            "each."), definition, names, share);
    }
  (void) n_known;
}

/* Public */

char *
waymark_plan_comparison_display_name (WaymarkPlan *plan,
                                      GFile       *file)
{
  const char *title;

  g_return_val_if_fail (WAYMARK_IS_PLAN (plan), NULL);

  title = waymark_plan_get_title (plan);
  if (title != NULL && title[0] != '\0')
    return g_strdup (title);
  if (file != NULL)
    {
      g_autofree char *base = g_file_get_basename (file);

      if (base != NULL && g_utf8_validate (base, -1, NULL))
        return g_steal_pointer (&base);
      return g_file_get_parse_name (file);
    }
  return g_strdup (_("Untitled plan"));
}

char *
waymark_plan_comparison_dup_scenario_title (const char         *title,
                                            const char * const *taken)
{
  g_autofree char *base = g_strdup (title != NULL && title[0] != '\0' ? title
                                                                      : _("Untitled plan"));
  /* Translators: the suffix of a scenario's title, %c a capital letter: "Plan (scenario B)".
   * Keep it the same in every language's titles, as Waymark finds the letter from it. */
  const char *pattern = _(" (scenario %c)");
  g_autofree char *probe = g_strdup_printf (pattern, 'B');
  gsize probe_len = strlen (probe), base_len = strlen (base);

  /* "… (scenario X)": the letter is the one byte at the same place as the B of the probe. */
  if (base_len > probe_len)
    {
      const char *tail = base + base_len - probe_len;
      const char *letter = strchr (probe, 'B');
      gsize at = (gsize) (letter - probe);

      if (strncmp (tail, probe, at) == 0 && g_ascii_isupper (tail[at]) &&
          strcmp (tail + at + 1, probe + at + 1) == 0)
        base[base_len - probe_len] = '\0';
    }

  for (char c = 'B'; c <= 'Z'; c++)
    {
      g_autofree char *suffix = g_strdup_printf (pattern, c);
      g_autofree char *candidate = g_strconcat (base, suffix, NULL);

      if (taken == NULL || !g_strv_contains (taken, candidate))
        return g_steal_pointer (&candidate);
    }
  /* Twenty-five scenarios open: the last letter again. */
  {
    g_autofree char *suffix = g_strdup_printf (pattern, 'Z');

    return g_strconcat (base, suffix, NULL);
  }
}

WaymarkPlanComparison *
waymark_plan_comparison_new (WaymarkPlan       **plans,
                             const char * const *names,
                             guint               n_plans,
                             WaymarkCatalogue   *catalogue)
{
  WaymarkPlanComparison *self;

  g_return_val_if_fail (plans != NULL, NULL);
  g_return_val_if_fail (n_plans >= WAYMARK_PLAN_COMPARISON_MIN &&
                        n_plans <= WAYMARK_PLAN_COMPARISON_MAX, NULL);

  self = g_new0 (WaymarkPlanComparison, 1);
  self->n_plans = n_plans;
  self->names = g_new0 (char *, n_plans + 1);
  self->years = g_new0 (guint, n_plans);
  self->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) measure_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) warning_row_free);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_row_free);
  self->lowest_cost = g_new0 (gboolean, n_plans);
  self->high_share = g_new0 (gint64, n_plans);
  self->strongest_evidence = g_new0 (gboolean, n_plans);

  for (guint p = 0; p < n_plans; p++)
    {
      g_autofree char *name = names != NULL && names[p] != NULL
                              ? g_strdup (names[p])
                              : waymark_plan_comparison_display_name (plans[p], NULL);
      guint n = 1;

      g_return_val_if_fail (WAYMARK_IS_PLAN (plans[p]), self);
      self->years[p] = MAX (waymark_plan_get_years (plans[p]), 1);
      /* Columns are told apart by their names: a second "Plan" is "Plan (2)". */
      self->names[p] = g_strdup (name);
      for (guint q = 0; q < p; q++)
        if (g_str_equal (self->names[q], self->names[p]))
          {
            g_free (self->names[p]);
            self->names[p] = g_strdup_printf ("%s (%u)", name, ++n);
            q = (guint) -1;
          }
    }

  add_totals (self, plans);
  add_years (self, plans);
  add_balance (self, plans);
  add_reach (self, plans, catalogue);
  for (guint m = 0; m < self->measures->len; m++)
    {
      WaymarkPlanMeasure *measure = g_ptr_array_index (self->measures, m);

      if (measure->section == WAYMARK_PLAN_SECTION_TOTALS ||
          measure->section == WAYMARK_PLAN_SECTION_YEARS)
        finish_measure (measure, n_plans);
    }
  add_warnings (self, plans);
  add_items (self, plans);
  mark_lowest_cost (self);
  mark_strongest_evidence (self);

  return self;
}

void
waymark_plan_comparison_free (WaymarkPlanComparison *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->names);
  g_free (self->years);
  g_strfreev (self->year_labels);
  g_ptr_array_unref (self->measures);
  g_ptr_array_unref (self->warnings);
  g_ptr_array_unref (self->items);
  g_free (self->lowest_cost);
  g_free (self->lowest_cost_words);
  g_free (self->high_share);
  g_free (self->strongest_evidence);
  g_free (self->strongest_evidence_words);
  g_free (self);
}

const WaymarkPlanMeasure *
waymark_plan_comparison_find (WaymarkPlanComparison *self,
                              const char            *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint m = 0; m < self->measures->len; m++)
    {
      const WaymarkPlanMeasure *measure = g_ptr_array_index (self->measures, m);

      if (g_str_equal (measure->id, id))
        return measure;
    }
  return NULL;
}

char *
waymark_plan_comparison_format_value (const WaymarkPlanMeasure *measure,
                                      guint                     plan)
{
  const WaymarkPlanValue *value;
  g_autofree char *text = NULL;

  g_return_val_if_fail (measure != NULL, NULL);

  value = &measure->values[plan];
  switch (value->state)
    {
    case WAYMARK_PLAN_VALUE_NOT_COVERED:
      return g_strdup (_("not covered: the plan does not run in this year"));
    case WAYMARK_PLAN_VALUE_NOT_RECORDED:
      return g_strdup (_("not recorded"));
    case WAYMARK_PLAN_VALUE_OVERFLOW:
      return g_strdup (_("too large to calculate"));
    case WAYMARK_PLAN_VALUE_KNOWN:
    default:
      break;
    }

  switch (measure->unit)
    {
    case WAYMARK_PLAN_UNIT_MONEY:
      return format_money_range (value->low, value->high);
    case WAYMARK_PLAN_UNIT_BASIS_POINTS:
      {
        g_autofree char *low = format_basis_points (value->low);
        g_autofree char *high = format_basis_points (value->high);

        text = value->low == value->high ? g_steal_pointer (&low)
                                         : g_strdup_printf ("%s–%s", low, high);
        if (value->local_need)
          /* Translators: a coverage, "5.88%", against a local count of need */
          return g_strdup_printf (_("%s (against the plan’s own count of need)"), text);
        return g_steal_pointer (&text);
      }
    case WAYMARK_PLAN_UNIT_COUNT:
    case WAYMARK_PLAN_UNIT_PEOPLE:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value->low);
    }
}

const char *
waymark_plan_section_get_label (WaymarkPlanSection section)
{
  switch (section)
    {
    case WAYMARK_PLAN_SECTION_TOTALS:
      return _("Totals");
    case WAYMARK_PLAN_SECTION_YEARS:
      return _("Totals per year");
    case WAYMARK_PLAN_SECTION_LEVEL:
      return _("Spend by level of prevention");
    case WAYMARK_PLAN_SECTION_FOCUS:
      return _("Spend by focus");
    case WAYMARK_PLAN_SECTION_WORKS_WITH:
      return _("Spend by who it works with");
    case WAYMARK_PLAN_SECTION_EVIDENCE:
      return _("Spend by evidence rating");
    case WAYMARK_PLAN_SECTION_FUNDING:
      return _("Spend by funding stream");
    case WAYMARK_PLAN_SECTION_REACH:
      return _("Reach, cost per person and coverage");
    default:
      g_return_val_if_reached ("");
    }
}

GPtrArray *
waymark_plan_comparison_list_cleared (WaymarkPlanComparison *self,
                                      guint                  plan)
{
  GPtrArray *cleared = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL && plan < self->n_plans, cleared);

  for (guint r = 0; r < self->warnings->len; r++)
    {
      WaymarkPlanWarningRow *row = g_ptr_array_index (self->warnings, r);

      if (row->messages[plan] == NULL && row->n_raised > 0)
        g_ptr_array_add (cleared, row);
    }
  return cleared;
}

/* Text */

static char *
format_item_cell (const WaymarkPlanItemCell *cell)
{
  g_autofree char *unit = NULL;
  g_autofree char *spend = NULL;

  if (!cell->present)
    return g_strdup (_("not in this plan"));
  if (!cell->has_cost)
    /* Translators: %u is a quantity */
    return g_strdup_printf (_("quantity %u, no cost"), cell->quantity);
  unit = format_money_range (cell->unit_low, cell->unit_high);
  spend = format_money_range (cell->spend_low, cell->spend_high);
  /* Translators: a quantity, a unit cost, then the item's spend over the plan */
  return g_strdup_printf (_("quantity %u at %s, %s over the plan"), cell->quantity, unit, spend);
}

static char *
format_difference (const WaymarkPlanItemCell *cell)
{
  GString *out;

  if (!cell->difference_known)
    return g_strdup (_("difference unknown (no cost)"));
  if (cell->difference_low == 0 && cell->difference_high == 0)
    return g_strdup (_("no difference"));
  out = g_string_new (NULL);
  for (guint i = 0; i < 2; i++)
    {
      gint64 amount = i == 0 ? cell->difference_low : cell->difference_high;
      g_autofree char *money = waymark_money_format (ABS (amount), WAYMARK_CURRENCY_GBP);

      if (i == 1 && cell->difference_low == cell->difference_high)
        break;
      if (i == 1)
        g_string_append (out, " to ");
      g_string_append_printf (out, "%s%s", amount < 0 ? "−" : "+", money);
    }
  return g_string_free (out, FALSE);
}

char *
waymark_plan_comparison_format_item (const WaymarkPlanItemRow *row,
                                     guint                     plan)
{
  g_autofree char *cell = NULL;
  g_autofree char *difference = NULL;

  g_return_val_if_fail (row != NULL, NULL);

  cell = format_item_cell (&row->cells[plan]);
  if (plan == 0)
    return g_steal_pointer (&cell);
  difference = format_difference (&row->cells[plan]);
  return g_strdup_printf ("%s; %s", cell, difference);
}

char *
waymark_plan_comparison_to_text (WaymarkPlanComparison *self)
{
  GString *out = g_string_new (NULL);
  int section = -1;

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append (out, _("Plans compared:"));
  g_string_append_c (out, '\n');
  for (guint p = 0; p < self->n_plans; p++)
    g_string_append_printf (out, "  %u. %s\n", p + 1, self->names[p]);
  g_string_append_printf (out, "\n%s\n%s\n", self->lowest_cost_words,
                          self->strongest_evidence_words);

  for (guint m = 0; m < self->measures->len; m++)
    {
      const WaymarkPlanMeasure *measure = g_ptr_array_index (self->measures, m);

      if ((int) measure->section != section)
        {
          section = measure->section;
          g_string_append_printf (out, "\n%s\n", waymark_plan_section_get_label (section));
        }
      g_string_append_printf (out, "  %s%s\n", measure->label,
                              measure->differs ? _(" (differs)") : "");
      for (guint p = 0; p < self->n_plans; p++)
        {
          g_autofree char *value = waymark_plan_comparison_format_value (measure, p);
          const char *mark = "";

          if (g_str_equal (measure->id, "total") && self->lowest_cost[p])
            mark = _(" (lowest cost)");
          else if (g_str_equal (measure->id, "evidence:high:share") &&
                   self->strongest_evidence[p])
            mark = _(" (strongest evidence mix)");
          g_string_append_printf (out, "    %s: %s%s\n", self->names[p], value, mark);
        }
    }

  g_string_append_printf (out, "\n%s\n", _("Warnings"));
  for (guint p = 0; p < self->n_plans; p++)
    {
      g_autoptr(GPtrArray) cleared = waymark_plan_comparison_list_cleared (self, p);

      g_string_append_printf (out, "  %s\n", self->names[p]);
      for (guint r = 0; r < self->warnings->len; r++)
        {
          const WaymarkPlanWarningRow *row = g_ptr_array_index (self->warnings, r);

          if (row->messages[p] != NULL)
            g_string_append_printf (out, "    %s %s%s\n", _("Raises:"), row->messages[p],
                                    row->dismissed[p] ? _(" (dismissed)") : "");
        }
      for (guint r = 0; r < cleared->len; r++)
        {
          const WaymarkPlanWarningRow *row = g_ptr_array_index (cleared, r);
          guint q = 0;

          /* Each plan words a warning with its own figures: the first that raises it. */
          while (row->messages[q] == NULL)
            q++;
          /* Translators: a plan's name, then the warning it raises, as that plan words it */
          g_string_append_printf (out, _("    Clears what %s raises: %s\n"), self->names[q],
                                  row->messages[q]);
        }
    }

  g_string_append_printf (out, "\n%s\n", _("Items"));
  /* Translators: %s is the first plan's name */
  g_string_append_printf (out, _("  Differences in money are over the plan, from %s.\n"),
                          self->names[0]);
  for (guint r = 0; r < self->items->len; r++)
    {
      const WaymarkPlanItemRow *row = g_ptr_array_index (self->items, r);

      g_string_append_printf (out, "  %s (%s)%s\n", row->name,
                              row->in_every_plan ? _("in every plan") : _("in some plans only"),
                              row->differs ? _(" (differs)") : "");
      for (guint p = 0; p < self->n_plans; p++)
        {
          g_autofree char *cell = waymark_plan_comparison_format_item (row, p);

          g_string_append_printf (out, "    %s: %s\n", self->names[p], cell);
        }
    }

  return g_string_free (out, FALSE);
}

/* CSV */

static const char *
unit_id (WaymarkPlanUnit unit)
{
  switch (unit)
    {
    case WAYMARK_PLAN_UNIT_MONEY:
      return "GBP";
    case WAYMARK_PLAN_UNIT_PEOPLE:
      return "people";
    case WAYMARK_PLAN_UNIT_BASIS_POINTS:
      return "percent";
    case WAYMARK_PLAN_UNIT_COUNT:
    default:
      return "count";
    }
}

static char *
plain_value (WaymarkPlanUnit unit,
             gint64          value)
{
  switch (unit)
    {
    case WAYMARK_PLAN_UNIT_MONEY:
      return waymark_money_to_decimal (value);
    case WAYMARK_PLAN_UNIT_BASIS_POINTS:
      return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", value / 100, (int) (value % 100));
    case WAYMARK_PLAN_UNIT_COUNT:
    case WAYMARK_PLAN_UNIT_PEOPLE:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value);
    }
}

static void
csv_measure_row (WaymarkCsvWriter         *writer,
                 const WaymarkPlanMeasure *measure,
                 guint                     n_plans,
                 const char               *suffix)
{
  g_autofree char *id = g_strconcat (measure->id, suffix, NULL);

  waymark_csv_add_field (writer, id, WAYMARK_CSV_TEXT);
  waymark_csv_add_field (writer, unit_id (measure->unit), WAYMARK_CSV_PLAIN);
  for (guint p = 0; p < n_plans; p++)
    {
      const WaymarkPlanValue *value = &measure->values[p];
      g_autofree char *text = NULL;

      if (value->state == WAYMARK_PLAN_VALUE_KNOWN)
        text = plain_value (measure->unit, g_str_equal (suffix, ":high") ? value->high
                                                                         : value->low);
      waymark_csv_add_field (writer, text, WAYMARK_CSV_PLAIN);
    }
  waymark_csv_end_row (writer);
}

char *
waymark_plan_comparison_to_csv (WaymarkPlanComparison *self)
{
  GString *out = g_string_new (NULL);
  WaymarkCsvWriter writer;

  g_return_val_if_fail (self != NULL, NULL);

  waymark_csv_writer_init (&writer, out);
  waymark_csv_add_field (&writer, "measure", WAYMARK_CSV_PLAIN);
  waymark_csv_add_field (&writer, "unit", WAYMARK_CSV_PLAIN);
  for (guint p = 0; p < self->n_plans; p++)
    waymark_csv_add_field (&writer, self->names[p], WAYMARK_CSV_TEXT);
  waymark_csv_end_row (&writer);

  for (guint m = 0; m < self->measures->len; m++)
    {
      const WaymarkPlanMeasure *measure = g_ptr_array_index (self->measures, m);

      if (measure->range)
        {
          csv_measure_row (&writer, measure, self->n_plans, ":low");
          csv_measure_row (&writer, measure, self->n_plans, ":high");
        }
      else
        csv_measure_row (&writer, measure, self->n_plans, "");
    }

  /* Marks and warnings: "yes" where it holds, empty where not. */
  for (guint k = 0; k < 2; k++)
    {
      const gboolean *marks = k == 0 ? self->lowest_cost : self->strongest_evidence;

      waymark_csv_add_field (&writer, k == 0 ? "mark:lowest_cost" : "mark:strongest_evidence_mix",
                             WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, "mark", WAYMARK_CSV_PLAIN);
      for (guint p = 0; p < self->n_plans; p++)
        waymark_csv_add_field (&writer, marks[p] ? "yes" : NULL, WAYMARK_CSV_PLAIN);
      waymark_csv_end_row (&writer);
    }
  for (guint r = 0; r < self->warnings->len; r++)
    {
      const WaymarkPlanWarningRow *row = g_ptr_array_index (self->warnings, r);
      g_autofree char *id = g_strconcat ("warning:", row->id, NULL);

      waymark_csv_add_field (&writer, id, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, "warning", WAYMARK_CSV_PLAIN);
      for (guint p = 0; p < self->n_plans; p++)
        waymark_csv_add_field (&writer, row->messages[p] == NULL ? "cleared"
                                        : row->dismissed[p] ? "raised, dismissed" : "raised",
                               WAYMARK_CSV_PLAIN);
      waymark_csv_end_row (&writer);
    }

  /* One row per intervention: its spend over the plan minus the first plan's (two rows, :low and
   * :high, where a cost is a range). */
  for (guint r = 0; r < self->items->len; r++)
    {
      const WaymarkPlanItemRow *row = g_ptr_array_index (self->items, r);
      gboolean range = FALSE;

      for (guint p = 0; p < self->n_plans; p++)
        range |= row->cells[p].difference_low != row->cells[p].difference_high;
      for (guint bound = 0; bound < (range ? 2u : 1u); bound++)
        {
          g_autofree char *id = g_strconcat ("item:", row->id,
                                             !range ? "" : bound == 0 ? ":low" : ":high", NULL);

          waymark_csv_add_field (&writer, id, WAYMARK_CSV_TEXT);
          waymark_csv_add_field (&writer, "GBP difference", WAYMARK_CSV_PLAIN);
          for (guint p = 0; p < self->n_plans; p++)
            {
              const WaymarkPlanItemCell *cell = &row->cells[p];
              gint64 difference = bound == 0 ? cell->difference_low : cell->difference_high;
              g_autofree char *text = cell->difference_known
                                      ? waymark_money_to_decimal (difference) : NULL;

              waymark_csv_add_field (&writer, text, WAYMARK_CSV_PLAIN);
            }
          waymark_csv_end_row (&writer);
        }
    }

  return g_string_free (out, FALSE);
}

/* JSON */

static const char *
state_id (WaymarkPlanValueState state)
{
  switch (state)
    {
    case WAYMARK_PLAN_VALUE_NOT_COVERED:
      return "not-covered";
    case WAYMARK_PLAN_VALUE_NOT_RECORDED:
      return "not-recorded";
    case WAYMARK_PLAN_VALUE_OVERFLOW:
      return "overflow";
    case WAYMARK_PLAN_VALUE_KNOWN:
    default:
      return "known";
    }
}

static const char *
section_id (WaymarkPlanSection section)
{
  static const char *ids[] = {
    "totals", "years", "level", "focus", "works_with", "evidence", "funding", "reach"
  };

  g_assert (section < G_N_ELEMENTS (ids));
  return ids[section];
}

static void
json_add_marks (JsonBuilder    *builder,
                const char     *key,
                const gboolean *marks,
                guint           n_plans,
                const char     *words)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "plans");
  json_builder_begin_array (builder);
  for (guint p = 0; p < n_plans; p++)
    if (marks[p])
      json_builder_add_int_value (builder, p);
  json_builder_end_array (builder);
  waymark_json_add_string (builder, "words", words);
  json_builder_end_object (builder);
}

char *
waymark_plan_comparison_to_json (WaymarkPlanComparison *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  waymark_json_add_string (builder, "format", "waymark-plan-comparison");

  json_builder_set_member_name (builder, "plans");
  json_builder_begin_array (builder);
  for (guint p = 0; p < self->n_plans; p++)
    {
      g_autoptr(GPtrArray) cleared = waymark_plan_comparison_list_cleared (self, p);

      json_builder_begin_object (builder);
      waymark_json_add_string (builder, "name", self->names[p]);
      waymark_json_add_int (builder, "years", self->years[p]);
      waymark_json_add_int_or_null (builder, "evidence_high_share_basis_points",
                                    self->high_share[p] >= 0, self->high_share[p]);
      json_builder_set_member_name (builder, "clears");
      json_builder_begin_array (builder);
      for (guint r = 0; r < cleared->len; r++)
        {
          const WaymarkPlanWarningRow *row = g_ptr_array_index (cleared, r);

          json_builder_add_string_value (builder, row->id);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  waymark_json_add_strv (builder, "year_labels", (const char * const *) self->year_labels);

  json_builder_set_member_name (builder, "marks");
  json_builder_begin_object (builder);
  json_add_marks (builder, "lowest_cost", self->lowest_cost, self->n_plans,
                  self->lowest_cost_words);
  json_add_marks (builder, "strongest_evidence_mix", self->strongest_evidence, self->n_plans,
                  self->strongest_evidence_words);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "measures");
  json_builder_begin_array (builder);
  for (guint m = 0; m < self->measures->len; m++)
    {
      const WaymarkPlanMeasure *measure = g_ptr_array_index (self->measures, m);

      json_builder_begin_object (builder);
      waymark_json_add_string (builder, "id", measure->id);
      waymark_json_add_string (builder, "section", section_id (measure->section));
      waymark_json_add_string (builder, "label", measure->label);
      waymark_json_add_string (builder, "unit", measure->unit == WAYMARK_PLAN_UNIT_MONEY
                                                ? "pence"
                                                : measure->unit == WAYMARK_PLAN_UNIT_BASIS_POINTS
                                                ? "basis-points" : unit_id (measure->unit));
      waymark_json_add_string (builder, "kind", measure->kind);
      json_builder_set_member_name (builder, "differs");
      json_builder_add_boolean_value (builder, measure->differs);
      json_builder_set_member_name (builder, "values");
      json_builder_begin_array (builder);
      for (guint p = 0; p < self->n_plans; p++)
        {
          const WaymarkPlanValue *value = &measure->values[p];
          gboolean known = value->state == WAYMARK_PLAN_VALUE_KNOWN;

          json_builder_begin_object (builder);
          waymark_json_add_string (builder, "state", state_id (value->state));
          waymark_json_add_int_or_null (builder, "low", known, value->low);
          waymark_json_add_int_or_null (builder, "high", known, value->high);
          if (measure->section == WAYMARK_PLAN_SECTION_REACH &&
              measure->unit == WAYMARK_PLAN_UNIT_BASIS_POINTS && known)
            waymark_json_add_string (builder, "need_kind", value->local_need ? "local" : "review");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint r = 0; r < self->warnings->len; r++)
    {
      const WaymarkPlanWarningRow *row = g_ptr_array_index (self->warnings, r);

      json_builder_begin_object (builder);
      waymark_json_add_string (builder, "id", row->id);
      json_builder_set_member_name (builder, "plans");
      json_builder_begin_array (builder);
      for (guint p = 0; p < self->n_plans; p++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "raised");
          json_builder_add_boolean_value (builder, row->messages[p] != NULL);
          waymark_json_add_string_or_null (builder, "message", row->messages[p]);
          json_builder_set_member_name (builder, "dismissed");
          json_builder_add_boolean_value (builder, row->dismissed[p]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint r = 0; r < self->items->len; r++)
    {
      const WaymarkPlanItemRow *row = g_ptr_array_index (self->items, r);

      json_builder_begin_object (builder);
      waymark_json_add_string (builder, "intervention_id", row->id);
      waymark_json_add_string (builder, "name", row->name);
      json_builder_set_member_name (builder, "in_every_plan");
      json_builder_add_boolean_value (builder, row->in_every_plan);
      json_builder_set_member_name (builder, "differs");
      json_builder_add_boolean_value (builder, row->differs);
      json_builder_set_member_name (builder, "plans");
      json_builder_begin_array (builder);
      for (guint p = 0; p < self->n_plans; p++)
        {
          const WaymarkPlanItemCell *cell = &row->cells[p];
          gboolean cost = cell->present && cell->has_cost;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "present");
          json_builder_add_boolean_value (builder, cell->present);
          waymark_json_add_int_or_null (builder, "quantity", cell->present, cell->quantity);
          waymark_json_add_int_or_null (builder, "unit_cost_pence", cost, cell->unit_low);
          waymark_json_add_int_or_null (builder, "unit_cost_high_pence", cost, cell->unit_high);
          waymark_json_add_int_or_null (builder, "spend_pence", cost, cell->spend_low);
          waymark_json_add_int_or_null (builder, "spend_high_pence", cost, cell->spend_high);
          waymark_json_add_int_or_null (builder, "difference_pence", cell->difference_known,
                                        cell->difference_low);
          waymark_json_add_int_or_null (builder, "difference_high_pence",
                                        cell->difference_known, cell->difference_high);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return waymark_json_builder_to_file_text (builder);
}
