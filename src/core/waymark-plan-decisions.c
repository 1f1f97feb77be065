/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-money.h"
#include "waymark-plan-item-private.h"
#include "waymark-plan-private.h"

/* The decision record's words for each change (issue 15, part 5): what the commissioner can
 * read back as "who decided what". Every figure here is the one the change set, written as the
 * plan file and the appraisal write it. */

static void
add (GPtrArray           *out,
     WaymarkPlan         *self,
     GDateTime           *time,
     WaymarkDecisionKind  kind,
     const char          *subject,
     const char          *description)
{
  g_ptr_array_add (out, waymark_decision_new (time, waymark_plan_get_author (self), kind, subject,
                                              description, "", ""));
}

/* An option's name as the plan knows it (its item's or local service's), else its id: the core
 * keeps no catalogue, and the id is what the file and the CLI use. */
static const char *
option_name (WaymarkPlan *self,
             const char  *option_id)
{
  WaymarkPlanItem *item = waymark_plan_find_item (self, option_id, NULL);
  WaymarkLocalService *service;

  if (item != NULL && waymark_plan_item_get_name (item) != NULL)
    return waymark_plan_item_get_name (item);
  service = waymark_plan_find_local_service (self, option_id, NULL);
  if (service != NULL)
    return waymark_local_service_get_name (service);
  return option_id;
}

/* An item's name, or its id when it has none (an item of a plan that was missing from the
 * catalogue may have none). */
static const char *
item_name (WaymarkPlanItem *item)
{
  const char *name = waymark_plan_item_get_name (item);

  return name != NULL ? name : item->intervention_id;
}

static char *
format_score (gint hundredths)
{
  if (hundredths == WAYMARK_APPRAISAL_NO_SCORE)
    return g_strdup (_("no score"));
  return waymark_appraisal_format_hundredths (hundredths);
}

/* An option off the long list is shortlisted if it is an item of the plan (a plan's items count
 * as shortlisted unless the long list says otherwise), and otherwise not on the long list. */
static const char *
status_words (WaymarkPlan         *self,
              const char          *option_id,
              gboolean             listed,
              WaymarkOptionStatus  status)
{
  if (!listed && waymark_plan_find_item (self, option_id, NULL) != NULL)
    return waymark_option_status_get_label (WAYMARK_OPTION_STATUS_SHORTLISTED);
  return listed ? waymark_option_status_get_label (status) : _("not on the long list");
}

static void
describe_long_list (WaymarkPlan      *self,
                    WaymarkAppraisal *before,
                    WaymarkAppraisal *after,
                    GDateTime        *time,
                    GPtrArray        *out)
{
  g_auto(GStrv) ids_before = waymark_appraisal_dup_long_list (before);
  g_auto(GStrv) ids_after = waymark_appraisal_dup_long_list (after);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  /* Both lists are in byte order: merge them, each id once. */
  for (guint i = 0, j = 0; ids_before[i] != NULL || ids_after[j] != NULL;)
    {
      int cmp = ids_before[i] == NULL ? 1 : ids_after[j] == NULL ? -1
                                                                 : strcmp (ids_before[i], ids_after[j]);

      if (cmp <= 0)
        g_ptr_array_add (ids, ids_before[i]);
      else
        g_ptr_array_add (ids, ids_after[j]);
      if (cmp <= 0)
        i++;
      if (cmp >= 0)
        j++;
    }

  for (guint k = 0; k < ids->len; k++)
    {
      const char *id = g_ptr_array_index (ids, k);
      WaymarkOptionStatus status_before, status_after;
      WaymarkOptionDimension dimension_before, dimension_after;
      const char *reason_before, *reason_after;
      gboolean listed_before, listed_after;
      g_autofree char *description = NULL;

      listed_before = waymark_appraisal_get_status (before, id, &status_before, &reason_before,
                                                    &dimension_before);
      listed_after = waymark_appraisal_get_status (after, id, &status_after, &reason_after,
                                                   &dimension_after);
      if (g_strcmp0 (status_words (self, id, listed_before, status_before),
                     status_words (self, id, listed_after, status_after)) != 0)
        {
          /* TRANSLATORS: an option's name, its status before and after: "Drive project:
           * Shortlisted → Not taken forward". */
          description = g_strdup_printf (_("%s: %s → %s"), option_name (self, id),
                                         status_words (self, id, listed_before, status_before),
                                         status_words (self, id, listed_after, status_after));
          if (listed_after && *reason_after != '\0')
            {
              g_autofree char *with_reason =
                /* TRANSLATORS: a change of status, then the reason the long list gives. */
                g_strdup_printf (_("%s (“%s”)"), description, reason_after);

              g_free (description);
              description = g_steal_pointer (&with_reason);
            }
          add (out, self, time, WAYMARK_DECISION_KIND_STATUS, id, description);
        }
      else if (listed_after && (g_strcmp0 (reason_before, reason_after) != 0 ||
                                dimension_before != dimension_after))
        {
          /* TRANSLATORS: an option's name and its new reason on the long list. */
          description = g_strdup_printf (_("%s: reason now “%s”"), option_name (self, id),
                                         reason_after);
          add (out, self, time, WAYMARK_DECISION_KIND_REASON, id, description);
        }
    }
}

static void
describe_criteria (WaymarkPlan      *self,
                   WaymarkAppraisal *before,
                   WaymarkAppraisal *after,
                   GDateTime        *time,
                   GPtrArray        *out)
{
  /* Removed criteria first, then each criterion of after in its order. */
  for (guint i = 0; i < waymark_appraisal_get_n_criteria (before); i++)
    {
      const char *id = waymark_appraisal_get_criterion_id (before, i);

      if (waymark_appraisal_find_criterion (after, id) < 0)
        {
          g_autofree char *description =
            g_strdup_printf (_("Criterion removed: %s"),
                             waymark_appraisal_get_criterion_label (before, i));

          add (out, self, time, WAYMARK_DECISION_KIND_CRITERION, id, description);
        }
    }

  for (guint i = 0; i < waymark_appraisal_get_n_criteria (after); i++)
    {
      const char *id = waymark_appraisal_get_criterion_id (after, i);
      const char *label = waymark_appraisal_get_criterion_label (after, i);
      int b = waymark_appraisal_find_criterion (before, id);

      if (b < 0)
        {
          g_autofree char *description = g_strdup_printf (_("Criterion added: %s"), label);

          add (out, self, time, WAYMARK_DECISION_KIND_CRITERION, id, description);
          continue;
        }

      if (waymark_appraisal_get_weight (before, b) != waymark_appraisal_get_weight (after, i))
        {
          g_autofree char *from = format_score (waymark_appraisal_get_weight (before, b));
          g_autofree char *to = format_score (waymark_appraisal_get_weight (after, i));
          /* TRANSLATORS: a criterion's label, its weight before and after. */
          g_autofree char *description = g_strdup_printf (_("Weight of %s: %s → %s"), label,
                                                          from, to);

          add (out, self, time, WAYMARK_DECISION_KIND_WEIGHT, id, description);
        }

      if (!waymark_appraisal_criterion_is_local (after, i))
        {
          WaymarkReviewCriterion criterion = (WaymarkReviewCriterion) i;

          for (guint v = 0; v < waymark_review_criterion_get_n_values (criterion); v++)
            {
              gint s_before = waymark_appraisal_get_table_score (before, criterion, v);
              gint s_after = waymark_appraisal_get_table_score (after, criterion, v);
              g_autofree char *from = NULL, *to = NULL, *description = NULL;

              if (s_before == s_after)
                continue;
              from = format_score (s_before);
              to = format_score (s_after);
              /* TRANSLATORS: a value of the review ("HIGH"), a criterion's label, the score
               * before and after. */
              description = g_strdup_printf (_("Score of %s on %s: %s → %s"),
                                             waymark_review_criterion_get_value_label (criterion, v),
                                             label, from, to);
              add (out, self, time, WAYMARK_DECISION_KIND_SCORE, id, description);
            }
        }
      else
        {
          g_auto(GStrv) scored_before = waymark_appraisal_dup_local_scored (before, b);
          g_auto(GStrv) scored_after = waymark_appraisal_dup_local_scored (after, i);
          g_autoptr(GPtrArray) options = g_ptr_array_new ();

          for (guint k = 0; scored_before[k] != NULL; k++)
            g_ptr_array_add (options, scored_before[k]);
          for (guint k = 0; scored_after[k] != NULL; k++)
            if (!g_strv_contains ((const char * const *) scored_before, scored_after[k]))
              g_ptr_array_add (options, scored_after[k]);

          for (guint k = 0; k < options->len; k++)
            {
              const char *option = g_ptr_array_index (options, k);
              gint s_before = waymark_appraisal_get_local_score (before, b, option);
              gint s_after = waymark_appraisal_get_local_score (after, i, option);
              g_autofree char *from = NULL, *to = NULL, *description = NULL;

              if (s_before == s_after)
                continue;
              from = format_score (s_before);
              to = format_score (s_after);
              /* TRANSLATORS: an option's name, a local criterion's label, the commissioner's
               * score before and after. */
              description = g_strdup_printf (_("%s on %s: %s → %s"), option_name (self, option),
                                             label, from, to);
              add (out, self, time, WAYMARK_DECISION_KIND_SCORE, option, description);
            }
        }
    }
}

void
waymark_plan_describe_appraisal (WaymarkPlan      *self,
                                 WaymarkAppraisal *before,
                                 WaymarkAppraisal *after,
                                 GDateTime        *time,
                                 GPtrArray        *out)
{
  describe_long_list (self, before, after, time, out);
  describe_criteria (self, before, after, time, out);
}

void
waymark_plan_describe_items (WaymarkPlan *self,
                             GPtrArray   *items,
                             gboolean     added,
                             GDateTime   *time,
                             GPtrArray   *out)
{
  for (guint i = 0; i < items->len; i++)
    {
      WaymarkPlanItem *item = g_ptr_array_index (items, i);
      g_autofree char *description =
        g_strdup_printf (added ? _("Added to the plan: %s") : _("Removed from the plan: %s"),
                         item_name (item));

      add (out, self, time,
           added ? WAYMARK_DECISION_KIND_ITEM_ADDED : WAYMARK_DECISION_KIND_ITEM_REMOVED,
           item->intervention_id, description);
    }
}

/* "no cost", "£1,500", or "£1,200 to £1,500" when the high figure is above the low. */
static char *
format_cost (gint64 low,
             gint64 high)
{
  g_autofree char *low_text = NULL, *high_text = NULL;

  if (low == WAYMARK_NO_COST)
    return g_strdup (_("no cost"));
  low_text = waymark_money_format_for_export (low, WAYMARK_CURRENCY_GBP);
  if (high <= low)
    return g_steal_pointer (&low_text);
  high_text = waymark_money_format_for_export (high, WAYMARK_CURRENCY_GBP);
  /* TRANSLATORS: a cost's low and high figures: "£1,200 to £1,500". */
  return g_strdup_printf (_("%s to %s"), low_text, high_text);
}

void
waymark_plan_describe_item_change (WaymarkPlan     *self,
                                   WaymarkPlanItem *item,
                                   const char      *property,
                                   const GValue    *before,
                                   const GValue    *after,
                                   GDateTime       *time,
                                   GPtrArray       *out)
{
  g_autofree char *description = NULL;

  if (!g_str_equal (property, "quantity"))
    return;
  /* TRANSLATORS: an item's name, its quantity before and after. */
  description = g_strdup_printf (_("%s: quantity %u → %u"), item_name (item),
                                 g_value_get_uint (before),
                                 g_value_get_uint (after));
  add (out, self, time, WAYMARK_DECISION_KIND_ITEM_CHANGED, item->intervention_id, description);
}

void
waymark_plan_describe_item_cost (WaymarkPlan     *self,
                                 WaymarkPlanItem *item,
                                 gint64           low_before,
                                 gint64           high_before,
                                 gint64           low_after,
                                 gint64           high_after,
                                 GDateTime       *time,
                                 GPtrArray       *out)
{
  g_autofree char *from = format_cost (low_before, high_before);
  g_autofree char *to = format_cost (low_after, high_after);
  g_autofree char *description = NULL;

  /* TRANSLATORS: an item's name, its unit cost before and after. */
  description = g_strdup_printf (_("%s: unit cost %s → %s"), item_name (item), from, to);
  add (out, self, time, WAYMARK_DECISION_KIND_ITEM_CHANGED, item->intervention_id, description);
}

static void
year_entered (guint                     base_quantity,
              gint64                    base_low,
              gint64                    base_high,
              const WaymarkYearFigures *figures,
              guint                     index,
              guint                    *quantity,
              gint64                   *low,
              gint64                   *high)
{
  WaymarkYearFigure own;

  waymark_year_figures_get (figures, index, &own);
  *quantity = own.own_quantity ? own.quantity : base_quantity;
  *low = own.own_cost ? own.unit_low : base_low;
  *high = own.own_cost ? own.unit_high : base_high;
}

void
waymark_plan_describe_item_years (WaymarkPlan         *self,
                                  WaymarkPlanItem     *item,
                                  const guint          quantity[2],
                                  const gint64         low[2],
                                  const gint64         high[2],
                                  WaymarkYearFigures  *figures[2],
                                  GDateTime           *time,
                                  GPtrArray           *out)
{
  for (guint y = 1; y < self->years; y++)
    {
      guint q[2];
      gint64 l[2], h[2];
      g_autofree char *year = waymark_plan_dup_year_label (self, y);

      for (guint i = 0; i < 2; i++)
        year_entered (quantity[i], low[i], high[i], figures[i], y, &q[i], &l[i], &h[i]);
      if (q[0] != q[1])
        {
          /* TRANSLATORS: an item's name, a year ("2027/28"), its quantity before and after. */
          g_autofree char *description = g_strdup_printf (_("%s: quantity in %s %u → %u"),
                                                          item_name (item), year, q[0], q[1]);

          add (out, self, time, WAYMARK_DECISION_KIND_ITEM_CHANGED, item->intervention_id,
               description);
        }
      if (l[0] != l[1] || h[0] != h[1])
        {
          g_autofree char *from = format_cost (l[0], h[0]);
          g_autofree char *to = format_cost (l[1], h[1]);
          /* TRANSLATORS: an item's name, a year ("2027/28"), its unit cost before and after. */
          g_autofree char *description = g_strdup_printf (_("%s: unit cost in %s %s → %s"),
                                                          item_name (item), year, from, to);

          add (out, self, time, WAYMARK_DECISION_KIND_ITEM_CHANGED, item->intervention_id,
               description);
        }
    }
}

void
waymark_plan_describe_local_service (WaymarkPlan         *self,
                                     WaymarkLocalService *before,
                                     WaymarkLocalService *after,
                                     GDateTime           *time,
                                     GPtrArray           *out)
{
  WaymarkLocalService *service = after != NULL ? after : before;
  const char *format = before == NULL ? _("Local service added: %s")
                       : after == NULL ? _("Local service removed: %s")
                                       : _("Local service edited: %s");
  g_autofree char *description = g_strdup_printf (format, waymark_local_service_get_name (service));

  add (out, self, time, WAYMARK_DECISION_KIND_LOCAL_SERVICE, waymark_local_service_get_id (service),
       description);
}
