/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-money.h"
#include "waymark-plan-item-private.h"
#include "waymark-plan-private.h"

G_DEFINE_ENUM_TYPE (WaymarkWarningKind, waymark_warning_kind,
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_NO_PRIMARY, "no-primary"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_NO_PERPETRATORS, "no-perpetrators"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_NO_YOUNG_PEOPLE, "no-young-people"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_NO_SEXUAL_VIOLENCE, "no-sexual-violence"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_LOW_EVIDENCE_LOW_IMPACT, "low-evidence-low-impact"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_ALREADY_IN_PLACE, "already-in-place"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_NO_COST, "no-cost"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_MISSING_FROM_CATALOGUE, "missing-from-catalogue"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_OVER_BUDGET, "over-budget"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_MAY_EXCEED_BUDGET, "may-exceed-budget"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_FUNDING_PERIOD, "funding-period"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_FUNDING_PURPOSE, "funding-purpose"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_NO_OLDER_PEOPLE, "no-older-people"))

/* Totals */

void
waymark_plan_get_item_year (WaymarkPlan     *self,
                            WaymarkPlanItem *item,
                            guint            index,
                            WaymarkItemYear *year)
{
  gint64 low, high;

  memset (year, 0, sizeof *year);
  g_return_if_fail (WAYMARK_IS_PLAN (self));
  g_return_if_fail (WAYMARK_IS_PLAN_ITEM (item));

  waymark_plan_item_get_year_entered (item, index, &year->quantity, &low, &high);
  if (low == WAYMARK_NO_COST)
    return;

  /* The uplift is the commissioner's, for their own figures: a review figure is never raised. */
  year->uplifted = index > 0 && self->uplift > 0 && item->cost_source != WAYMARK_COST_SOURCE_REVIEW;
  if (year->uplifted &&
      !(waymark_money_uplift (low, self->uplift, index, &low) &&
        waymark_money_uplift (high, self->uplift, index, &high)))
    {
      year->overflow = TRUE;
      return;
    }
  if (!waymark_money_multiply (low, year->quantity, &year->line_low) ||
      !waymark_money_multiply (high, year->quantity, &year->line_high))
    {
      year->line_low = year->line_high = 0;
      year->overflow = TRUE;
      return;
    }
  year->unit_low = low;
  year->unit_high = high;
  year->has_cost = TRUE;
}

/* A year's totals, without the budget: FALSE (with *overflow_item) when one could not be
 * calculated. */
static gboolean
add_up_year (WaymarkPlan *self,
             guint        index,
             gint64      *low,
             gint64      *high,
             guint       *n_without_cost,
             gboolean    *without_cost,
             guint       *overflow_item)
{
  gboolean ok = TRUE;

  *low = *high = 0;
  *n_without_cost = 0;
  /* Past an overflow, the items without a cost are still counted. */
  for (guint i = 0; i < self->items->len; i++)
    {
      WaymarkPlanItem *item = g_ptr_array_index (self->items, i);
      WaymarkItemYear year;

      waymark_plan_get_item_year (self, item, index, &year);
      if (ok &&
          (year.overflow ||
           (year.has_cost &&
            !(waymark_money_add (*low, year.line_low, low) &&
              waymark_money_add (*high, year.line_high, high)))))
        {
          *overflow_item = i;
          ok = FALSE;
        }
      if (!year.has_cost && !year.overflow)
        {
          (*n_without_cost)++;
          if (without_cost != NULL)
            without_cost[i] = TRUE;
        }
    }
  if (!ok)
    *low = *high = 0;
  return ok;
}

void
waymark_plan_get_year_totals (WaymarkPlan       *self,
                              guint              index,
                              WaymarkPlanTotals *totals)
{
  g_return_if_fail (WAYMARK_IS_PLAN (self));

  memset (totals, 0, sizeof *totals);
  totals->n_items = self->items->len;
  totals->overflow = !add_up_year (self, index, &totals->annual_low, &totals->annual_high,
                                   &totals->n_without_cost, NULL, &totals->overflow_item);
  totals->total_low = totals->annual_low;
  totals->total_high = totals->annual_high;
  totals->budget_per_year = self->budget / MAX (self->years, 1);
  totals->remaining_low = totals->budget_per_year - totals->total_high;
  totals->remaining_high = totals->budget_per_year - totals->total_low;
}

void
waymark_plan_get_totals (WaymarkPlan       *self,
                         WaymarkPlanTotals *totals)
{
  g_autofree gboolean *without_cost = NULL;
  gboolean ok = TRUE;

  g_return_if_fail (WAYMARK_IS_PLAN (self));

  memset (totals, 0, sizeof *totals);
  totals->n_items = self->items->len;
  without_cost = g_new0 (gboolean, MAX (self->items->len, 1));

  for (guint y = 0; y < MAX (self->years, 1); y++)
    {
      gint64 low, high;
      guint n_without, overflow_item = 0;

      if (!add_up_year (self, y, &low, &high, &n_without, without_cost, &overflow_item))
        {
          if (ok)
            totals->overflow_item = overflow_item;
          ok = FALSE;
        }
      else if (!ok)
        continue;
      else if (!(waymark_money_add (totals->total_low, low, &totals->total_low) &&
                 waymark_money_add (totals->total_high, high, &totals->total_high)))
        {
          ok = FALSE;
          totals->overflow_item = WAYMARK_PLAN_OVERFLOW_YEARS;
        }
      else if (y == 0)
        {
          totals->annual_low = low;
          totals->annual_high = high;
        }
    }
  for (guint i = 0; i < self->items->len; i++)
    totals->n_without_cost += without_cost[i] ? 1 : 0;

  totals->overflow = !ok;
  if (!ok)
    {
      totals->annual_low = totals->annual_high = 0;
      totals->total_low = totals->total_high = 0;
    }

  totals->remaining_low = self->budget - totals->total_high;
  totals->remaining_high = self->budget - totals->total_low;
  totals->budget_per_year = self->budget / MAX (self->years, 1);
}

/* Breakdowns */

/* The item's spend in the year asked for, or over the plan: FALSE when it has no cost in any
 * year counted or is too large to add up. */
static gboolean
item_spend (WaymarkPlan     *self,
            WaymarkPlanItem *item,
            guint            index,
            gint64          *low,
            gint64          *high)
{
  guint first = index == WAYMARK_PLAN_ALL_YEARS ? 0 : index;
  guint end = index == WAYMARK_PLAN_ALL_YEARS ? MAX (self->years, 1) : index + 1;
  gboolean any = FALSE;

  *low = *high = 0;
  for (guint y = first; y < end; y++)
    {
      WaymarkItemYear year;

      waymark_plan_get_item_year (self, item, y, &year);
      if (year.overflow ||
          (year.has_cost &&
           !(waymark_money_add (*low, year.line_low, low) &&
             waymark_money_add (*high, year.line_high, high))))
        {
          *low = *high = 0;
          return FALSE;
        }
      any = any || year.has_cost;
    }
  return any;
}

static void
add_to_slice (WaymarkPlan     *self,
              GArray          *slices,
              guint            slice_index,
              WaymarkPlanItem *item,
              guint            year)
{
  WaymarkBreakdownSlice *slice = &g_array_index (slices, WaymarkBreakdownSlice, slice_index);
  gint64 low = 0, high = 0;

  slice->n_items++;
  if (item_spend (self, item, year, &low, &high))
    {
      /* Shares of a plan whose total fits cannot overflow; keep the guard anyway. */
      if (!waymark_money_add (slice->low, low, &slice->low) ||
          !waymark_money_add (slice->high, high, &slice->high))
        slice->low = slice->high = 0;
    }
}

static void
slice_clear (WaymarkBreakdownSlice *slice)
{
  g_clear_pointer (&slice->owned_key, g_free);
  g_clear_pointer (&slice->owned_label, g_free);
}

GArray *
waymark_plan_get_breakdown (WaymarkPlan          *self,
                            WaymarkBreakdownKind  kind)
{
  return waymark_plan_get_breakdown_for_year (self, kind, 0);
}

GArray *
waymark_plan_get_breakdown_for_year (WaymarkPlan          *self,
                                     WaymarkBreakdownKind  kind,
                                     guint                 year)
{
  GArray *slices = g_array_new (FALSE, TRUE, sizeof (WaymarkBreakdownSlice));

  g_array_set_clear_func (slices, (GDestroyNotify) slice_clear);

  g_return_val_if_fail (WAYMARK_IS_PLAN (self), slices);
  g_return_val_if_fail (year == WAYMARK_PLAN_ALL_YEARS || year < MAX (self->years, 1), slices);

  switch (kind)
    {
    case WAYMARK_BREAKDOWN_LEVEL:
      {
        /* An item counts at its first level: Change That Lasts, at all three, counts as primary. */
        const WaymarkLevel levels[] = {
          WAYMARK_LEVEL_PRIMARY, WAYMARK_LEVEL_SECONDARY, WAYMARK_LEVEL_TERTIARY
        };

        const char *keys[] = { "primary", "secondary", "tertiary" };

        for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
          {
            WaymarkBreakdownSlice slice = { keys[i], waymark_level_get_label (levels[i]), 0, 0, 0 };
            g_array_append_val (slices, slice);
          }

        for (guint i = 0; i < self->items->len; i++)
          {
            WaymarkPlanItem *item = g_ptr_array_index (self->items, i);
            WaymarkLevel lowest = waymark_level_get_lowest (item->levels);

            add_to_slice (self, slices, lowest == WAYMARK_LEVEL_PRIMARY ? 0
                                  : lowest == WAYMARK_LEVEL_SECONDARY ? 1 : 2, item, year);
          }
      }
      break;

    case WAYMARK_BREAKDOWN_FOCUS:
      for (int f = WAYMARK_FOCUS_DA; f <= WAYMARK_FOCUS_BOTH; f++)
        {
          WaymarkBreakdownSlice slice = {
            waymark_enum_to_string (WAYMARK_TYPE_FOCUS, f), waymark_focus_get_label (f), 0, 0, 0
          };
          g_array_append_val (slices, slice);
        }
      for (guint i = 0; i < self->items->len; i++)
        {
          WaymarkPlanItem *item = g_ptr_array_index (self->items, i);
          add_to_slice (self, slices, item->focus, item, year);
        }
      break;

    case WAYMARK_BREAKDOWN_WORKS_WITH:
      {
        /* An item working with several groups counts in full for each: the slices say how much
         * spend reaches each group and need not add up to the total. */
        g_autoptr(GFlagsClass) klass = g_type_class_ref (WAYMARK_TYPE_WORKS_WITH);

        for (guint v = 0; v < klass->n_values; v++)
          {
            WaymarkBreakdownSlice slice = {
              klass->values[v].value_nick,
              waymark_works_with_get_label (klass->values[v].value), 0, 0, 0
            };
            g_array_append_val (slices, slice);
          }
        for (guint i = 0; i < self->items->len; i++)
          {
            WaymarkPlanItem *item = g_ptr_array_index (self->items, i);

            for (guint v = 0; v < klass->n_values; v++)
              if (item->works_with & klass->values[v].value)
                add_to_slice (self, slices, v, item, year);
          }
      }
      break;

    case WAYMARK_BREAKDOWN_EVIDENCE:
      for (int r = WAYMARK_RATING_HIGH; r >= WAYMARK_RATING_NONE; r--)
        {
          WaymarkBreakdownSlice slice = {
            waymark_enum_to_string (WAYMARK_TYPE_RATING, r), waymark_rating_get_label (r), 0, 0, 0
          };
          g_array_append_val (slices, slice);
        }
      /* A local service is not "not rated" by the review, as an approach the review describes
       * without rating is: it is not the review's at all. Its own slice, once there is one. */
      for (guint i = 0; i < self->items->len; i++)
        {
          WaymarkPlanItem *item = g_ptr_array_index (self->items, i);

          if (item->local_service && slices->len == WAYMARK_RATING_HIGH + 1)
            {
              WaymarkBreakdownSlice slice = { "local", waymark_local_service_mark (), 0, 0, 0 };

              g_array_append_val (slices, slice);
            }
          add_to_slice (self, slices, item->local_service ? WAYMARK_RATING_HIGH + 1
                                                    : WAYMARK_RATING_HIGH - item->evidence_rating,
                        item, year);
        }
      break;

    case WAYMARK_BREAKDOWN_FUNDING:
      for (int f = WAYMARK_FUNDING_SOURCE_UNSPECIFIED; f <= WAYMARK_FUNDING_SOURCE_OTHER; f++)
        {
          WaymarkBreakdownSlice slice = {
            waymark_enum_to_string (WAYMARK_TYPE_FUNDING_SOURCE, f),
            waymark_funding_source_get_label (f), 0, 0, 0
          };
          g_array_append_val (slices, slice);
        }
      /* A local stream counts under its name; an "other" stream with no name, as other. */
      for (guint i = 0; i < self->items->len; i++)
        {
          WaymarkPlanItem *item = g_ptr_array_index (self->items, i);
          guint index = item->funding_source;

          if (item->funding_source == WAYMARK_FUNDING_SOURCE_OTHER && item->funding_name[0] != '\0')
            {
              for (index = WAYMARK_FUNDING_SOURCE_OTHER + 1; index < slices->len; index++)
                if (g_str_equal (g_array_index (slices, WaymarkBreakdownSlice, index).label,
                                 item->funding_name))
                  break;
              if (index == slices->len)
                {
                  WaymarkBreakdownSlice slice = { 0, };

                  slice.owned_key = g_strconcat ("other:", item->funding_name, NULL);
                  slice.owned_label = g_strdup (item->funding_name);
                  slice.key = slice.owned_key;
                  slice.label = slice.owned_label;
                  g_array_append_val (slices, slice);
                }
            }
          add_to_slice (self, slices, index, item, year);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  return slices;
}

/* Reach */

GArray *
waymark_plan_get_reach (WaymarkPlan *self,
                        guint       *n_without)
{
  GArray *slices = g_array_new (FALSE, TRUE, sizeof (WaymarkReachSlice));
  WaymarkReachSlice by_group[WAYMARK_REACH_GROUP_N] = { { 0, } };

  g_return_val_if_fail (WAYMARK_IS_PLAN (self), slices);

  *n_without = 0;
  for (guint i = 0; i < self->items->len; i++)
    {
      WaymarkPlanItem *item = g_ptr_array_index (self->items, i);

      if (item->reach == 0)
        {
          (*n_without)++;
          continue;
        }
      /* At most a million items of a million people: no overflow in 64 bits. */
      by_group[item->reach_group].people += item->reach;
      by_group[item->reach_group].n_items++;
    }
  for (guint g = 0; g < WAYMARK_REACH_GROUP_N; g++)
    if (by_group[g].n_items > 0)
      {
        by_group[g].group = g;
        g_array_append_val (slices, by_group[g]);
      }

  return slices;
}

/* Coverage */

/* Which of the review's figures stands for the need of which group (Waymark's reading, said with
 * every figure it gives). Only figures the review gives as a count of people in LLR are a need;
 * a ratio from elsewhere is shown as the review's benchmark, and no coverage is made from it. */
static const struct
{
  WaymarkReachGroup  group;
  const char        *need_id;
  const char        *benchmark_id;
  const char        *reading;
} need_figures[] = {
  { WAYMARK_REACH_GROUP_VICTIMS, "llr-da-adults", NULL,
    N_("Waymark’s reading: the victims and survivors the plan reaches, against the adults in "
       "LLR who experienced domestic abuse in a year; the review gives no count for sexual "
       "violence or for children.") },
  { WAYMARK_REACH_GROUP_PERPETRATORS, NULL, "gap-perpetrator-interventions",
    N_("The review gives no count of perpetrators in LLR, only a ratio from national "
       "evidence, so Waymark makes no coverage for them.") },
};

static gint64
basis_points_of (guint64 reached,
                 guint64 need)
{
  /* reached is at most 10^12 (a million items of a million people): no overflow. */
  return (gint64) ((reached * 10000 + need / 2) / need);
}

static void
coverage_clear (WaymarkCoverage *row)
{
  g_clear_pointer (&row->local_source, g_free);
}

GArray *
waymark_plan_get_coverage (WaymarkPlan      *self,
                           WaymarkCatalogue *catalogue)
{
  GArray *coverage = g_array_new (FALSE, TRUE, sizeof (WaymarkCoverage));
  guint n_without;
  g_autoptr(GArray) slices = NULL;

  g_array_set_clear_func (coverage, (GDestroyNotify) coverage_clear);
  g_return_val_if_fail (WAYMARK_IS_PLAN (self), coverage);

  slices = waymark_plan_get_reach (self, &n_without);
  for (guint i = 0; i < slices->len; i++)
    {
      const WaymarkReachSlice *slice = &g_array_index (slices, WaymarkReachSlice, i);
      WaymarkCoverage row = { slice->group, slice->people, slice->n_items, NULL, 0, NULL, NULL, -1,
                              0, NULL, FALSE };
      const char *local_source = NULL;

      for (guint f = 0; catalogue != NULL && f < G_N_ELEMENTS (need_figures); f++)
        {
          const WaymarkContextEntry *need;

          if (need_figures[f].group != slice->group)
            continue;
          row.reading = _(need_figures[f].reading);
          need = need_figures[f].need_id != NULL
                 ? waymark_catalogue_lookup_context (catalogue, need_figures[f].need_id) : NULL;
          if (need_figures[f].benchmark_id != NULL)
            row.benchmark = waymark_catalogue_lookup_context (catalogue,
                                                              need_figures[f].benchmark_id);
          if (need != NULL && need->unit == WAYMARK_CONTEXT_UNIT_PEOPLE &&
              g_ascii_string_to_unsigned (need->value, 10, 1, G_MAXUINT32, &row.need_people,
                                          NULL))
            {
              row.need = need;
              row.basis_points = basis_points_of (row.reached, row.need_people);
            }
        }

      /* The commissioner's own count stands where the review gives none, never for a review
       * figure; the review's ratio, if any, stays beside it. */
      row.local_need = waymark_local_needs_get (self->local_needs, slice->group, &local_source);
      if (row.local_need > 0)
        {
          row.local_source = g_strdup (local_source != NULL ? local_source : "");
          if (row.need == NULL)
            {
              row.need_is_local = TRUE;
              row.need_people = row.local_need;
              row.reading = _("The review gives no count for this group, so the coverage is "
                              "against the plan’s own count, a local figure.");
              row.basis_points = basis_points_of (row.reached, row.local_need);
            }
        }
      g_array_append_val (coverage, row);
    }

  return coverage;
}

/* Warnings */

void
waymark_plan_warning_free (WaymarkPlanWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->id);
  g_free (warning->message);
  g_strfreev (warning->items);
  g_free (warning->quote);
  g_free (warning->section);
  g_free (warning);
}

static void
add_warning (WaymarkPlan        *self,
             GPtrArray          *warnings,
             WaymarkWarningKind  kind,
             WaymarkPlanItem    *item,
             char               *message)
{
  WaymarkPlanWarning *warning = g_new0 (WaymarkPlanWarning, 1);
  const char *kind_id = waymark_enum_to_string (WAYMARK_TYPE_WARNING_KIND, kind);

  warning->kind = kind;
  warning->id = item ? g_strdup_printf ("%s:%s", kind_id, item->intervention_id)
                     : g_strdup (kind_id);
  warning->message = message;
  warning->items = g_new0 (char *, 2);
  warning->items[0] = item ? g_strdup (item->intervention_id) : NULL;
  warning->dismissed = g_strv_contains ((const char * const *) self->dismissed_warnings,
                                        warning->id);
  g_ptr_array_add (warnings, warning);
}

/* The review's words each gap warning rests on, and the heading they are under, exactly as the
 * review writes them (tests/test-plan.c finds each quote under its heading in the review). They
 * are the review's, so they are not translated. */
#define QUOTE_LACK_OF_PRIMARY \
  "Due to the lack of primary prevention programmes within Leicester, Leicestershire and " \
  "Rutland, MVP could fill gaps in current provision."
#define SECTION_MVP \
  "Mentors in Violence Prevention (MVP) is a peer mentoring programme that has been " \
  "successfully commissioned by a number of VRUs"
#define QUOTE_ONE_PERCENT "only 1% of DA perpetrators receive an intervention"
#define SECTION_DEARTH "Dearth of provision"
#define QUOTE_UNDER_25S \
  "One of the priority focus areas for LLR is now domestic abuse and sexual violence, with a " \
  "specific focus on under 25s."
#define SECTION_LLR_RESPONSE \
  "Leicester, Leicestershire and Rutland's response to DA and sexual violence"
#define QUOTE_OLDER_ADULTS \
  "There is a gap in support services for older adults at risk of DA and SV"
#define SECTION_FREEVA "Free from Violence and Abuse (freeva)"
#define QUOTE_SV_RISE \
  "Sexual violence in Leicester, Leicestershire and Rutland increased by 47%"
#define SECTION_GROWING_PROBLEM \
  "Domestic abuse and sexual violence is a growing problem in Leicester, Leicestershire and " \
  "Rutland. As a result, the Violence Reduction Network have expanded their definition of " \
  "serious violence to include domestic abuse and sexual violence"

static void
add_review_warning (WaymarkPlan        *self,
                    GPtrArray          *warnings,
                    WaymarkWarningKind  kind,
                    char               *message,
                    const char         *quote,
                    const char         *section)
{
  WaymarkPlanWarning *warning;

  add_warning (self, warnings, kind, NULL, message);
  warning = g_ptr_array_index (warnings, warnings->len - 1);
  warning->quote = g_strdup (quote);
  warning->section = g_strdup (section);
}

/* Over budget when even the lower total is more than the budget; may exceed it when only the
 * higher one is. No budget (0), no warning; nor when the totals could not be calculated. */
static void
add_budget_warning (WaymarkPlan *self,
                    GPtrArray   *warnings)
{
  WaymarkPlanTotals totals;
  g_autofree char *budget = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  g_autofree char *over = NULL;

  if (self->budget <= 0)
    return;
  waymark_plan_get_totals (self, &totals);
  if (totals.overflow || totals.total_high <= self->budget)
    return;

  budget = waymark_money_format (self->budget, WAYMARK_CURRENCY_GBP);
  low = waymark_money_format (totals.total_low, WAYMARK_CURRENCY_GBP);
  high = waymark_money_format (totals.total_high, WAYMARK_CURRENCY_GBP);
  if (totals.total_low > self->budget)
    {
      over = waymark_money_format (totals.total_low - self->budget, WAYMARK_CURRENCY_GBP);
      add_warning (self, warnings, WAYMARK_WARNING_OVER_BUDGET, NULL,
                   totals.total_low == totals.total_high
                   /* Translators: the plan's total against its budget; every %s is an amount */
                   ? g_strdup_printf (_("Over budget: the total, %s, is %s more than the budget "
                                        "of %s."), low, over, budget)
                   /* Translators: the plan's totals against its budget; every %s is an amount */
                   : g_strdup_printf (_("Over budget: even the lower total, %s, is %s more "
                                        "than the budget of %s."), low, over, budget));
    }
  else
    {
      over = waymark_money_format (totals.total_high - self->budget, WAYMARK_CURRENCY_GBP);
      add_warning (self, warnings, WAYMARK_WARNING_MAY_EXCEED_BUDGET, NULL,
                   /* Translators: the plan's totals against its budget; every %s is an amount */
                   g_strdup_printf (_("May exceed the budget: the higher total, %s, is %s more "
                                      "than the budget of %s; the lower, %s, is within it."),
                                    high, over, budget, low));
    }
}

/* The same for each year of a plan of several, against the budget's share for a year (the
 * budget over the plan divided by its years): "Over budget in 2027/28 by £…". The id names the
 * year ("over-budget:2027_28"), so a dismissal is of that year's. */
static void
add_year_budget_warnings (WaymarkPlan *self,
                          GPtrArray   *warnings)
{
  if (self->budget <= 0 || self->years < 2)
    return;

  for (guint y = 0; y < self->years; y++)
    {
      WaymarkPlanTotals totals;
      g_autofree char *label = NULL;
      g_autofree char *id = NULL;
      g_autofree char *budget = NULL;
      g_autofree char *low = NULL;
      g_autofree char *high = NULL;
      g_autofree char *over = NULL;
      WaymarkWarningKind kind;
      char *message;

      waymark_plan_get_year_totals (self, y, &totals);
      if (totals.overflow || totals.total_high <= totals.budget_per_year)
        continue;

      label = waymark_plan_dup_year_label (self, y);
      id = waymark_plan_dup_year_id (self, y);
      budget = waymark_money_format (totals.budget_per_year, WAYMARK_CURRENCY_GBP);
      low = waymark_money_format (totals.total_low, WAYMARK_CURRENCY_GBP);
      high = waymark_money_format (totals.total_high, WAYMARK_CURRENCY_GBP);
      if (totals.total_low > totals.budget_per_year)
        {
          kind = WAYMARK_WARNING_OVER_BUDGET;
          over = waymark_money_format (totals.total_low - totals.budget_per_year,
                                       WAYMARK_CURRENCY_GBP);
          message = totals.total_low == totals.total_high
                    /* Translators: a year ("2027/28"), then amounts */
                    ? g_strdup_printf (_("Over budget in %s by %s: the year’s total, %s, is more "
                                         "than its share of the budget, %s."),
                                       label, over, low, budget)
                    /* Translators: a year ("2027/28"), then amounts */
                    : g_strdup_printf (_("Over budget in %s by %s: even the year’s lower total, "
                                         "%s, is more than its share of the budget, %s."),
                                       label, over, low, budget);
        }
      else
        {
          kind = WAYMARK_WARNING_MAY_EXCEED_BUDGET;
          over = waymark_money_format (totals.total_high - totals.budget_per_year,
                                       WAYMARK_CURRENCY_GBP);
          /* Translators: a year ("2027/28"), then amounts */
          message = g_strdup_printf (_("May exceed the budget in %s by %s: the year’s higher "
                                       "total, %s, is more than its share of the budget, %s; "
                                       "the lower, %s, is within it."),
                                     label, over, high, budget, low);
        }
      add_warning (self, warnings, kind, NULL, message);
      {
        WaymarkPlanWarning *warning = g_ptr_array_index (warnings, warnings->len - 1);

        g_free (warning->id);
        warning->id = g_strdup_printf ("%s:%s", waymark_enum_to_string (WAYMARK_TYPE_WARNING_KIND,
                                                                        kind), id);
        warning->dismissed = g_strv_contains ((const char * const *) self->dismissed_warnings,
                                              warning->id);
      }
    }
}

/* What the review says of the funding streams a plan item can name: the purpose it gives, whom
 * that purpose is for, and the period it gives, each in its words under its heading. The
 * review gives a period only for the perpetrator fund; for the others there is no period to
 * run past. */
static const struct
{
  WaymarkFundingSource  source;
  WaymarkWorksWith      for_whom;
  guint                 last_year;   /* 0: the review gives no period */
  const char           *period;
  const char           *period_quote;
  const char           *quote;
  const char           *section;
} funding_streams[] = {
  { WAYMARK_FUNDING_SOURCE_HOME_OFFICE_PERPETRATOR, WAYMARK_WORKS_WITH_PERPETRATORS, 2025,
    "2023-2025",
    "Domestic Abuse Perpetrator Intervention Fund 2023-2025 continued the Domestic Abuse "
    "Perpetrator Programme Fund, bringing total HO spending on interventions to £36 million "
    "over two years.",
    "Funding is awarded to PCCs and interventions can be defined as early response, behaviour "
    "change work, intensive multi-agency case management.",
    "Domestic Abuse Perpetrator Intervention Fund (2023-2025)" },
  { WAYMARK_FUNDING_SOURCE_PCC_VICTIMS, WAYMARK_WORKS_WITH_VICTIMS, 0, NULL, NULL,
    "Since 2014, responsibility for regional commissioning of victim support services was "
    "devolved to PCCs.",
    "PCCs" },
};

static void
add_funding_warnings (WaymarkPlan *self,
                      GPtrArray   *warnings)
{
  guint last_year = self->start_year + MAX (self->years, 1) - 1;
  /* "2028/29" in financial years, "2028" in calendar ones: the plan's own words for its year. */
  g_autofree char *last_label = waymark_plan_dup_year_label (self, MAX (self->years, 1) - 1);

  for (guint i = 0; i < self->items->len; i++)
    {
      WaymarkPlanItem *item = g_ptr_array_index (self->items, i);

      for (guint s = 0; s < G_N_ELEMENTS (funding_streams); s++)
        {
          const char *stream;
          WaymarkPlanWarning *warning;

          if (funding_streams[s].source != item->funding_source)
            continue;
          stream = waymark_funding_source_get_label (item->funding_source);
          if (funding_streams[s].last_year != 0 && last_year > funding_streams[s].last_year)
            {
              add_warning (self, warnings, WAYMARK_WARNING_FUNDING_PERIOD, item,
                           /* Translators: an item, its funding source, the period the review
                            * gives for it, and the plan's last year */
                           g_strdup_printf (_("%s is funded from %s, which the review gives "
                                              "for %s; this plan runs to %s."), item->name,
                                            stream, funding_streams[s].period, last_label));
              warning = g_ptr_array_index (warnings, warnings->len - 1);
              warning->quote = g_strdup (funding_streams[s].period_quote);
              warning->section = g_strdup (funding_streams[s].section);
            }
          if ((item->works_with & funding_streams[s].for_whom) == 0)
            {
              add_warning (self, warnings, WAYMARK_WARNING_FUNDING_PURPOSE, item,
                           /* Translators: an item, then its funding source */
                           g_strdup_printf (_("%s is funded from %s, but does not work with the "
                                              "people the review gives that funding for."),
                                            item->name, stream));
              warning = g_ptr_array_index (warnings, warnings->len - 1);
              warning->quote = g_strdup (funding_streams[s].quote);
              warning->section = g_strdup (funding_streams[s].section);
            }
        }
    }
}

GPtrArray *
waymark_plan_list_warnings (WaymarkPlan *self)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_plan_warning_free);
  gboolean primary = FALSE, perpetrators = FALSE, young = FALSE, sexual_violence = FALSE;
  gboolean older = FALSE;

  g_return_val_if_fail (WAYMARK_IS_PLAN (self), warnings);

  if (self->items->len == 0)
    return warnings;

  for (guint i = 0; i < self->items->len; i++)
    {
      WaymarkPlanItem *item = g_ptr_array_index (self->items, i);

      primary |= (item->levels & WAYMARK_LEVEL_PRIMARY) != 0;
      perpetrators |= (item->works_with & WAYMARK_WORKS_WITH_PERPETRATORS) != 0;
      young |= item->for_young_people;
      sexual_violence |= item->focus == WAYMARK_FOCUS_SV || item->focus == WAYMARK_FOCUS_BOTH;
      /* The catalogue says nothing of older people: an item reaches them when the commissioner
       * says so, as its reach group. */
      older |= item->reach_group == WAYMARK_REACH_GROUP_OLDER_PEOPLE;
    }

  /* The budget first: the arithmetic of the plan against it (computed, so no quote). */
  add_budget_warning (self, warnings);
  add_year_budget_warnings (self, warnings);

  /* The gaps the review warns about, each with the review's words and their heading, then what
   * it says about single items. */
  if (!primary)
    add_review_warning (self, warnings, WAYMARK_WARNING_NO_PRIMARY,
                        g_strdup (_("No primary prevention: the review finds a lack of primary "
                                    "prevention in LLR, and nothing in this plan stops abuse "
                                    "before it starts.")),
                        QUOTE_LACK_OF_PRIMARY, SECTION_MVP);
  if (!perpetrators)
    add_review_warning (self, warnings, WAYMARK_WARNING_NO_PERPETRATORS,
                        /* xgettext:no-c-format */
                        g_strdup (_("No work with perpetrators: the review notes a dearth of "
                                    "perpetrator provision, and that only 1% of DA perpetrators "
                                    "receive an intervention.")),
                        QUOTE_ONE_PERCENT, SECTION_DEARTH);
  if (!young)
    add_review_warning (self, warnings, WAYMARK_WARNING_NO_YOUNG_PEOPLE,
                        g_strdup (_("Nothing for children and young people under 25, LLR’s "
                                    "priority focus.")),
                        QUOTE_UNDER_25S, SECTION_LLR_RESPONSE);
  if (!sexual_violence)
    add_review_warning (self, warnings, WAYMARK_WARNING_NO_SEXUAL_VIOLENCE,
                        /* xgettext:no-c-format */
                        g_strdup (_("Nothing in this plan addresses sexual violence, which rose "
                                    "by 47% in LLR between 2019/20 and 2021/22.")),
                        QUOTE_SV_RISE, SECTION_GROWING_PROBLEM);
  if (!older)
    add_review_warning (self, warnings, WAYMARK_WARNING_NO_OLDER_PEOPLE,
                        g_strdup (_("Nothing in this plan is recorded as reaching older people: "
                                    "the review finds a gap in support services for older "
                                    "adults in LLR. Choose Older people as who an item reaches, "
                                    "where it does.")),
                        QUOTE_OLDER_ADULTS, SECTION_FREEVA);

  for (guint i = 0; i < self->items->len; i++)
    {
      WaymarkPlanItem *item = g_ptr_array_index (self->items, i);

      if (item->evidence_rating != WAYMARK_RATING_NONE &&
          waymark_rating_get_floor (item->evidence_rating) == WAYMARK_RATING_LOW &&
          item->impact_rating != WAYMARK_RATING_NONE &&
          waymark_rating_get_floor (item->impact_rating) == WAYMARK_RATING_LOW)
        add_warning (self, warnings, WAYMARK_WARNING_LOW_EVIDENCE_LOW_IMPACT, item,
                     g_strdup_printf (_("%s has both low evidence and low impact in the "
                                        "review."), item->name));
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      WaymarkPlanItem *item = g_ptr_array_index (self->items, i);

      if (item->llr_status == WAYMARK_LLR_STATUS_IN_PLACE)
        add_warning (self, warnings, WAYMARK_WARNING_ALREADY_IN_PLACE, item,
                     g_strdup_printf (_("%s is already in place in LLR: check this is not a "
                                        "duplicate."), item->name));
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      WaymarkPlanItem *item = g_ptr_array_index (self->items, i);

      guint first_without = 0;

      /* A later year can be without a cost of its own where the first has one (issue 16). */
      if (waymark_plan_item_has_cost (item))
        {
          for (first_without = 1; first_without < self->years; first_without++)
            {
              WaymarkItemYear year;

              waymark_plan_get_item_year (self, item, first_without, &year);
              if (!year.has_cost && !year.overflow)
                break;
            }
          if (first_without < self->years)
            {
              g_autofree char *label = waymark_plan_dup_year_label (self, first_without);

              add_warning (self, warnings, WAYMARK_WARNING_NO_COST, item,
                           /* Translators: an item, then the first year ("2027/28") it has no
                            * cost in */
                           g_strdup_printf (_("%s has no unit cost in %s: enter a figure for "
                                              "that year, or apply another year’s to all."),
                                            item->name, label));
            }
          continue;
        }
      if (!waymark_plan_item_has_cost (item))
        add_warning (self, warnings, WAYMARK_WARNING_NO_COST, item,
                     item->published_cost != NULL &&
                     item->published_cost->currency != WAYMARK_CURRENCY_GBP
                     ? g_strdup_printf (_("%s has a cost published in %s only: enter a figure in "
                                          "pounds."), item->name,
                                        waymark_enum_to_string (WAYMARK_TYPE_CURRENCY,
                                                                item->published_cost->currency))
                     : g_strdup_printf (_("%s has no published cost: enter a local figure."),
                                        item->name));
    }
  add_funding_warnings (self, warnings);
  for (guint i = 0; i < self->items->len; i++)
    {
      WaymarkPlanItem *item = g_ptr_array_index (self->items, i);

      if (item->missing)
        add_warning (self, warnings, WAYMARK_WARNING_MISSING_FROM_CATALOGUE, item,
                     g_strdup_printf (_("%s is not in the catalogue in use; it is kept as the "
                                        "plan recorded it."), item->name));
    }

  return warnings;
}
