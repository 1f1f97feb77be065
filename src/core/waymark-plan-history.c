/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>

#include "waymark-money.h"
#include "waymark-plan-item-private.h"
#include "waymark-plan-private.h"

/* An undoable step: a set of property changes, or items added or removed (side by side). */
typedef enum
{
  STEP_PROPERTIES,
  STEP_INSERT,
  STEP_REMOVE,
  /* The appraisal changed: before and after are copies of it. */
  STEP_APPRAISAL,
  /* A local service added (before NULL), edited, or removed (after NULL), at position. */
  STEP_LOCAL_SERVICE,
  /* Several local services added at once (a file of them imported), from position on. */
  STEP_LOCAL_SERVICES_ADD,
  /* An entry of the decision record given a reason or citation: replaced at position. */
  STEP_DECISION_NOTE,
} StepKind;

typedef struct
{
  GObject    *target;  /* NULL for the plan itself: a step must not keep its plan alive */
  GParamSpec *pspec;
  GValue      before;
  GValue      after;
} PropertyChange;

typedef struct
{
  StepKind         kind;
  GArray          *changes;   /* PropertyChange, for STEP_PROPERTIES */
  GPtrArray       *items;     /* WaymarkPlanItem, for STEP_INSERT and STEP_REMOVE */
  guint            position;  /* of the first of them */
  WaymarkAppraisal *before;   /* for STEP_APPRAISAL */
  WaymarkAppraisal *after;
  WaymarkLocalService *service_before;  /* for STEP_LOCAL_SERVICE */
  WaymarkLocalService *service_after;
  GPtrArray        *services;  /* WaymarkLocalService, for STEP_LOCAL_SERVICES_ADD */
  WaymarkDecision  *decision_before;  /* for STEP_DECISION_NOTE */
  WaymarkDecision  *decision_after;
  /* The decision record's entries this step made (any kind): appended when done, taken off the
   * end when undone, the same objects (same time) when redone. */
  GPtrArray        *decisions;
} Step;

static void
property_change_clear (PropertyChange *change)
{
  g_clear_object (&change->target);
  g_value_unset (&change->before);
  g_value_unset (&change->after);
}

static void
step_free (Step *step)
{
  g_clear_pointer (&step->changes, g_array_unref);
  g_clear_pointer (&step->items, g_ptr_array_unref);
  g_clear_object (&step->before);
  g_clear_object (&step->after);
  g_clear_object (&step->service_before);
  g_clear_object (&step->service_after);
  g_clear_pointer (&step->services, g_ptr_array_unref);
  g_clear_object (&step->decision_before);
  g_clear_object (&step->decision_after);
  g_clear_pointer (&step->decisions, g_ptr_array_unref);
  g_free (step);
}

void
waymark_plan_init_history (WaymarkPlan *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

static void
apply_step (WaymarkPlan *self,
            Step        *step,
            gboolean     forward)
{
  switch (step->kind)
    {
    case STEP_PROPERTIES:
      for (guint i = 0; i < step->changes->len; i++)
        {
          /* Backwards in reverse order, so a later change to the same property unwinds first. */
          guint j = forward ? i : step->changes->len - 1 - i;
          PropertyChange *change = &g_array_index (step->changes, PropertyChange, j);

          g_object_set_property (change->target ? change->target : G_OBJECT (self),
                                 change->pspec->name,
                                 forward ? &change->after : &change->before);
        }
      break;

    case STEP_INSERT:
    case STEP_REMOVE:
      if ((step->kind == STEP_INSERT) == forward)
        {
          for (guint i = 0; i < step->items->len; i++)
            g_ptr_array_insert (self->items, (int) (step->position + i),
                                g_object_ref (g_ptr_array_index (step->items, i)));
          g_list_model_items_changed (G_LIST_MODEL (self), step->position, 0, step->items->len);
        }
      else
        {
          g_ptr_array_remove_range (self->items, step->position, step->items->len);
          g_list_model_items_changed (G_LIST_MODEL (self), step->position, step->items->len, 0);
        }
      break;

    case STEP_APPRAISAL:
      {
        WaymarkAppraisal *state = forward ? step->after : step->before;

        self->restoring_appraisal = TRUE;
        waymark_appraisal_assign (self->appraisal, state);
        self->restoring_appraisal = FALSE;
        g_set_object (&self->appraisal_snapshot, state);
      }
      break;

    case STEP_LOCAL_SERVICE:
      {
        WaymarkLocalService *from = forward ? step->service_before : step->service_after;
        WaymarkLocalService *to = forward ? step->service_after : step->service_before;

        g_list_store_splice (self->local_services, step->position, from != NULL ? 1 : 0,
                             (gpointer *) &to, to != NULL ? 1 : 0);
        if (from != NULL && to != NULL)
          waymark_plan_refresh_local_items (self, to);
      }
      break;

    case STEP_LOCAL_SERVICES_ADD:
      if (forward)
        g_list_store_splice (self->local_services, step->position, 0, step->services->pdata,
                             step->services->len);
      else
        g_list_store_splice (self->local_services, step->position, step->services->len, NULL, 0);
      break;

    case STEP_DECISION_NOTE:
      {
        WaymarkDecision *to = forward ? step->decision_after : step->decision_before;

        g_list_store_splice (self->decisions, step->position, 1, (gpointer *) &to, 1);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  /* Undo unwinds steps last first, so this step's entries are the record's last. */
  if (step->decisions != NULL && step->decisions->len > 0)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->decisions));

      if (forward)
        g_list_store_splice (self->decisions, n, 0, step->decisions->pdata, step->decisions->len);
      else
        {
          g_assert (n >= step->decisions->len);
          g_list_store_splice (self->decisions, n - step->decisions->len, step->decisions->len,
                               NULL, 0);
        }
    }
}

/* The entries of the decision record a new step makes, worked out before it is done. The clock
 * is asked only for a step that makes some (a title's edit makes none), so a test's clock counts
 * the decisions. */
static void
describe_step (WaymarkPlan *self,
               Step        *step)
{
  g_autoptr(GDateTime) placeholder = g_date_time_new_utc (1970, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);

  switch (step->kind)
    {
    case STEP_PROPERTIES:
      {
        /* An edit has one target; its cost's two figures make one entry between them. */
        WaymarkPlanItem *item = NULL;
        gint64 low[2] = { 0, 0 }, high[2] = { 0, 0 };
        guint quantity[2] = { 0, 0 };
        WaymarkYearFigures *figures[2] = { NULL, NULL };
        gboolean cost_changed = FALSE, figures_changed = FALSE, years_changed = FALSE;

        for (guint i = 0; i < step->changes->len; i++)
          {
            PropertyChange *change = &g_array_index (step->changes, PropertyChange, i);

            /* A plan's years changing takes its items' later years with it: no decision. */
            if (change->target == NULL && g_str_equal (change->pspec->name, "years"))
              years_changed = TRUE;
            if (!WAYMARK_IS_PLAN_ITEM (change->target))
              continue;
            if (item == NULL)
              {
                item = WAYMARK_PLAN_ITEM (change->target);
                low[0] = low[1] = waymark_plan_item_get_unit_cost (item);
                high[0] = high[1] = waymark_plan_item_get_unit_cost_high (item);
                quantity[0] = quantity[1] = item->quantity;
                figures[0] = figures[1] = item->year_figures;
              }
            if (change->target != G_OBJECT (item))
              continue;
            if (g_str_equal (change->pspec->name, "quantity"))
              {
                waymark_plan_describe_item_change (self, item, change->pspec->name,
                                                   &change->before, &change->after, placeholder,
                                                   out);
                quantity[1] = g_value_get_uint (&change->after);
              }
            else if (g_str_equal (change->pspec->name, "year-figures"))
              {
                figures[1] = g_value_get_boxed (&change->after);
                figures_changed = TRUE;
              }
            else if (g_str_equal (change->pspec->name, "unit-cost") ||
                     g_str_equal (change->pspec->name, "unit-cost-high"))
              {
                gint64 *figure = g_str_equal (change->pspec->name, "unit-cost") ? low : high;

                figure[0] = g_value_get_int64 (&change->before);
                figure[1] = g_value_get_int64 (&change->after);
                cost_changed = TRUE;
              }
          }
        if (cost_changed)
          waymark_plan_describe_item_cost (self, item, low[0], high[0], low[1], high[1],
                                           placeholder, out);
        if (figures_changed && !years_changed)
          waymark_plan_describe_item_years (self, item, quantity, low, high, figures,
                                            placeholder, out);
      }
      break;
    case STEP_INSERT:
    case STEP_REMOVE:
      waymark_plan_describe_items (self, step->items, step->kind == STEP_INSERT, placeholder, out);
      break;
    case STEP_APPRAISAL:
      waymark_plan_describe_appraisal (self, step->before, step->after, placeholder, out);
      break;
    case STEP_LOCAL_SERVICE:
      waymark_plan_describe_local_service (self, step->service_before, step->service_after,
                                           placeholder, out);
      break;
    case STEP_LOCAL_SERVICES_ADD:
      /* One entry per service, as adding each alone would make. */
      for (guint i = 0; i < step->services->len; i++)
        waymark_plan_describe_local_service (self, NULL, g_ptr_array_index (step->services, i),
                                             placeholder, out);
      break;
    case STEP_DECISION_NOTE:
      return;
    default:
      g_assert_not_reached ();
    }
  if (out->len == 0)
    return;

  now = waymark_plan_now (self);
  for (guint i = 0; i < out->len; i++)
    {
      WaymarkDecision *draft = g_ptr_array_index (out, i);

      g_ptr_array_index (out, i) =
        waymark_decision_new (now, waymark_decision_get_author (draft),
                              waymark_decision_get_kind (draft),
                              waymark_decision_get_subject (draft),
                              waymark_decision_get_description (draft), "", "");
      g_object_unref (draft);
    }
  step->decisions = g_steal_pointer (&out);
}

static void
push_step (WaymarkPlan *self,
           Step        *step)
{
  gboolean could_undo = waymark_plan_can_undo (self);
  gboolean could_redo = waymark_plan_can_redo (self);
  gboolean was_modified = waymark_plan_get_modified (self);

  describe_step (self, step);
  apply_step (self, step, TRUE);

  /* A new edit forgets what could be redone; if the saved state was among it, it is gone. */
  if (self->redo->len > 0 && self->saved_depth > (int) self->undo->len)
    self->saved_depth = -1;
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, step);

  waymark_plan_notify_state (self, could_undo, could_redo, was_modified);
}

void
waymark_plan_undo (WaymarkPlan *self)
{
  gboolean could_undo, could_redo, was_modified;
  Step *step;

  g_return_if_fail (WAYMARK_IS_PLAN (self));
  if (self->undo->len == 0)
    return;

  could_undo = waymark_plan_can_undo (self);
  could_redo = waymark_plan_can_redo (self);
  was_modified = waymark_plan_get_modified (self);

  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  apply_step (self, step, FALSE);
  g_ptr_array_add (self->redo, step);

  waymark_plan_notify_state (self, could_undo, could_redo, was_modified);
}

void
waymark_plan_redo (WaymarkPlan *self)
{
  gboolean could_undo, could_redo, was_modified;
  Step *step;

  g_return_if_fail (WAYMARK_IS_PLAN (self));
  if (self->redo->len == 0)
    return;

  could_undo = waymark_plan_can_undo (self);
  could_redo = waymark_plan_can_redo (self);
  was_modified = waymark_plan_get_modified (self);

  step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  apply_step (self, step, TRUE);
  g_ptr_array_add (self->undo, step);

  waymark_plan_notify_state (self, could_undo, could_redo, was_modified);
}

gboolean
waymark_plan_can_undo (WaymarkPlan *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN (self), FALSE);
  return self->undo->len > 0;
}

gboolean
waymark_plan_can_redo (WaymarkPlan *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN (self), FALSE);
  return self->redo->len > 0;
}

gboolean
waymark_plan_get_modified (WaymarkPlan *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN (self), FALSE);
  return self->saved_depth != (int) self->undo->len;
}

void
waymark_plan_mark_saved (WaymarkPlan *self)
{
  gboolean was_modified;

  g_return_if_fail (WAYMARK_IS_PLAN (self));

  was_modified = waymark_plan_get_modified (self);
  self->saved_depth = (int) self->undo->len;
  if (was_modified)
    waymark_plan_notify_modified (self);
}

static gboolean
is_own_target (WaymarkPlan *self,
               gpointer     target)
{
  return target == (gpointer) self ||
         (WAYMARK_IS_PLAN_ITEM (target) && g_ptr_array_find (self->items, target, NULL));
}

/* GParamSpecBoxed compares pointers, so a list of dismissed warnings set to the same strings
 * would count as a change: compare lists by content (NULL is the empty list, as in
 * set_property). */
static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const empty[] = { NULL };
      const char * const *strv_a = g_value_get_boxed (a);
      const char * const *strv_b = g_value_get_boxed (b);

      return g_strv_equal (strv_a ? strv_a : empty, strv_b ? strv_b : empty);
    }
  /* Likewise the local needs: by their figures and sources (NULL is none recorded). */
  if (G_VALUE_HOLDS (a, WAYMARK_TYPE_LOCAL_NEEDS))
    return waymark_local_needs_equal (g_value_get_boxed (a), g_value_get_boxed (b));

  /* And an item's figures for its later years, by the figures (NULL is none). */
  if (G_VALUE_HOLDS (a, WAYMARK_TYPE_YEAR_FIGURES))
    return waymark_year_figures_equal (g_value_get_boxed (a), g_value_get_boxed (b));

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* An item's cost is none (both figures WAYMARK_NO_COST) or a low figure and a high one at least
 * as high, as the plan file records it. An edit of either figure keeps the pair so, as
 * waymark_plan_set_item_cost does: without a low figure there is no high one, and a high one
 * below the low is raised to it. Otherwise a state would be saved that reopens as another. */
static void
keep_cost_whole (gpointer  target,
                 GArray   *changes)
{
  WaymarkPlanItem *item;
  PropertyChange *low_change = NULL, *high_change = NULL;
  gint64 low, high, whole;

  if (!WAYMARK_IS_PLAN_ITEM (target))
    return;
  item = target;

  for (guint i = 0; i < changes->len; i++)
    {
      PropertyChange *change = &g_array_index (changes, PropertyChange, i);

      if (g_str_equal (change->pspec->name, "unit-cost"))
        low_change = change;
      else if (g_str_equal (change->pspec->name, "unit-cost-high"))
        high_change = change;
    }
  if (low_change == NULL && high_change == NULL)
    return;

  low = low_change ? g_value_get_int64 (&low_change->after) : waymark_plan_item_get_unit_cost (item);
  high = high_change ? g_value_get_int64 (&high_change->after)
                     : waymark_plan_item_get_unit_cost_high (item);
  whole = low == WAYMARK_NO_COST ? WAYMARK_NO_COST : CLAMP (high, low, WAYMARK_MONEY_MAX);
  if (whole == high)
    return;

  if (high_change != NULL)
    {
      g_value_set_int64 (&high_change->after, whole);
      if (g_value_get_int64 (&high_change->before) == whole)
        g_array_remove_index (changes, high_change - &g_array_index (changes, PropertyChange, 0));
    }
  else
    {
      PropertyChange change = { 0 };

      change.target = g_object_ref (target);
      change.pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), "unit-cost-high");
      g_value_init (&change.before, G_TYPE_INT64);
      g_value_set_int64 (&change.before, high);
      g_value_init (&change.after, G_TYPE_INT64);
      g_value_set_int64 (&change.after, whole);
      g_array_append_val (changes, change);
    }
}

static void
add_change (GArray       *changes,
            gpointer      target,
            const char   *name,
            const GValue *before,
            const GValue *after)
{
  PropertyChange change = { 0 };

  change.target = g_object_ref (target);
  change.pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), name);
  g_value_init (&change.before, G_VALUE_TYPE (before));
  g_value_copy (before, &change.before);
  g_value_init (&change.after, G_VALUE_TYPE (after));
  g_value_copy (after, &change.after);
  g_array_append_val (changes, change);
}

static void
add_figures_change (GArray             *changes,
                    WaymarkPlanItem    *item,
                    WaymarkYearFigures *after)
{
  g_auto(GValue) before_value = G_VALUE_INIT;
  g_auto(GValue) after_value = G_VALUE_INIT;

  if (waymark_year_figures_equal (item->year_figures, after))
    return;
  g_value_init (&before_value, WAYMARK_TYPE_YEAR_FIGURES);
  g_value_set_boxed (&before_value, item->year_figures);
  g_value_init (&after_value, WAYMARK_TYPE_YEAR_FIGURES);
  g_value_set_boxed (&after_value, after);
  add_change (changes, item, "year-figures", &before_value, &after_value);
}

/* A plan's years changing (issue 16) changes its items' figures for their later years in the
 * same step: the years kept keep theirs, years dropped lose theirs, new years copy the last
 * year the plan had. */
static void
keep_years_whole (WaymarkPlan *self,
                  gpointer     target,
                  GArray      *changes)
{
  guint before = 0, after = 0;
  gboolean found = FALSE;

  if (target != (gpointer) self)
    return;
  for (guint i = 0; i < changes->len; i++)
    {
      PropertyChange *change = &g_array_index (changes, PropertyChange, i);

      if (change->target == NULL && g_str_equal (change->pspec->name, "years"))
        {
          before = g_value_get_uint (&change->before);
          after = g_value_get_uint (&change->after);
          found = TRUE;
        }
    }
  if (!found)
    return;

  for (guint i = 0; i < self->items->len; i++)
    {
      WaymarkPlanItem *item = g_ptr_array_index (self->items, i);
      g_autoptr(WaymarkYearFigures) figures =
        waymark_year_figures_resize (item->year_figures, after, MIN (before, after) - 1);

      add_figures_change (changes, item, figures);
    }
}

static void
edit_valist (WaymarkPlan *self,
             gpointer     target,
             const char  *first_property,
             va_list      args)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, TRUE, sizeof (PropertyChange));
  const char *name;
  Step *step;

  g_array_set_clear_func (changes, (GDestroyNotify) property_change_clear);

  for (name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), name);
      PropertyChange change = { 0 };
      g_autofree char *error = NULL;

      if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE))
        {
          g_critical ("%s: %s has no writable property “%s”", G_STRFUNC,
                      G_OBJECT_TYPE_NAME (target), name);
          return;
        }

      g_value_init (&change.after, pspec->value_type);
      G_VALUE_COLLECT (&change.after, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s: %s", G_STRFUNC, error);
          g_value_unset (&change.after);
          return;
        }
      g_param_value_validate (pspec, &change.after);

      /* A property named twice ends as the later value says, as with g_object_set: replace
       * the earlier change, or drop it if the later value puts back what was there. */
      for (guint i = 0; i < changes->len; i++)
        {
          PropertyChange *earlier = &g_array_index (changes, PropertyChange, i);

          if (earlier->pspec != pspec)
            continue;
          if (values_equal (pspec, &earlier->before, &change.after))
            g_array_remove_index (changes, i);
          else
            g_value_copy (&change.after, &earlier->after);
          g_value_unset (&change.after);
          break;
        }
      if (!G_IS_VALUE (&change.after))
        continue;

      g_value_init (&change.before, pspec->value_type);
      g_object_get_property (target, name, &change.before);
      if (values_equal (pspec, &change.before, &change.after))
        {
          g_value_unset (&change.before);
          g_value_unset (&change.after);
          continue;
        }

      change.target = target == (gpointer) self ? NULL : g_object_ref (target);
      change.pspec = pspec;
      g_array_append_val (changes, change);
    }

  keep_cost_whole (target, changes);
  keep_years_whole (self, target, changes);

  /* Setting what is already there is no edit: nothing to undo, nothing modified. */
  if (changes->len == 0)
    return;

  step = g_new0 (Step, 1);
  step->kind = STEP_PROPERTIES;
  step->changes = g_steal_pointer (&changes);
  push_step (self, step);
}

void
waymark_plan_edit (WaymarkPlan *self,
                   gpointer     target,
                   const char  *first_property,
                   ...)
{
  va_list args;

  g_return_if_fail (WAYMARK_IS_PLAN (self));
  g_return_if_fail (is_own_target (self, target));

  va_start (args, first_property);
  edit_valist (self, target, first_property, args);
  va_end (args);
}

void
waymark_plan_set_item_cost (WaymarkPlan      *self,
                            WaymarkPlanItem  *item,
                            gint64            low,
                            gint64            high,
                            WaymarkCostSource source)
{
  g_return_if_fail (WAYMARK_IS_PLAN (self));
  g_return_if_fail (low >= WAYMARK_NO_COST && low <= WAYMARK_MONEY_MAX);

  if (low == WAYMARK_NO_COST)
    high = WAYMARK_NO_COST;
  else
    high = CLAMP (high, low, WAYMARK_MONEY_MAX);

  waymark_plan_edit (self, item, "unit-cost", low, "unit-cost-high", high,
                     "cost-source", source, NULL);
}

/* The figures item's later years have once its first year changes: those that followed the
 * first year's quantity (own_quantity) or unit cost (own_cost) now have the first year's old
 * figure as their own, so that only the first year changes. */
static WaymarkYearFigures *
pin_followers (WaymarkPlan     *self,
               WaymarkPlanItem *item,
               gboolean         quantity,
               gboolean         cost)
{
  WaymarkYearFigures *figures = item->year_figures ? waymark_year_figures_ref (item->year_figures)
                                                   : NULL;

  for (guint y = 1; y < self->years; y++)
    {
      WaymarkYearFigure figure;
      WaymarkYearFigures *next;

      waymark_year_figures_get (figures, y, &figure);
      if (quantity && !figure.own_quantity)
        {
          figure.own_quantity = TRUE;
          figure.quantity = item->quantity;
        }
      if (cost && !figure.own_cost)
        {
          figure.own_cost = TRUE;
          figure.unit_low = item->unit_cost;
          figure.unit_high = item->unit_cost_high;
        }
      next = waymark_year_figures_with (figures, y, &figure);
      g_clear_pointer (&figures, waymark_year_figures_unref);
      figures = next;
    }
  return figures;
}

static gboolean
is_own_year (WaymarkPlan     *self,
             WaymarkPlanItem *item,
             guint            index)
{
  return WAYMARK_IS_PLAN_ITEM (item) && g_ptr_array_find (self->items, item, NULL) &&
         index < self->years;
}

/* Sets what `to` owns (its quantity, its unit cost, or both) as year index's figures, as one
 * step; what the year shows already is no step (and does not become the year's own). */
static void
set_item_year (WaymarkPlan             *self,
               WaymarkPlanItem         *item,
               guint                    index,
               const WaymarkYearFigure *to)
{
  g_autoptr(WaymarkYearFigures) figures = NULL;
  WaymarkYearFigure figure;
  guint quantity;
  gint64 low, high;

  waymark_plan_item_get_year_entered (item, index, &quantity, &low, &high);
  if ((!to->own_quantity || to->quantity == quantity) &&
      (!to->own_cost || (to->unit_low == low && to->unit_high == high)))
    return;

  if (index == 0)
    {
      figures = pin_followers (self, item, to->own_quantity, to->own_cost);
      if (to->own_quantity)
        waymark_plan_edit (self, item, "quantity", to->quantity, "year-figures", figures, NULL);
      else
        waymark_plan_edit (self, item, "unit-cost", to->unit_low, "unit-cost-high",
                           to->unit_high, "year-figures", figures, NULL);
      return;
    }

  waymark_year_figures_get (item->year_figures, index, &figure);
  if (to->own_quantity)
    {
      figure.own_quantity = TRUE;
      figure.quantity = to->quantity;
    }
  if (to->own_cost)
    {
      figure.own_cost = TRUE;
      figure.unit_low = to->unit_low;
      figure.unit_high = to->unit_high;
    }
  figures = waymark_year_figures_with (item->year_figures, index, &figure);
  waymark_plan_edit (self, item, "year-figures", figures, NULL);
}

void
waymark_plan_set_item_year_quantity (WaymarkPlan     *self,
                                     WaymarkPlanItem *item,
                                     guint            index,
                                     guint            quantity)
{
  WaymarkYearFigure to = { .own_quantity = TRUE };

  g_return_if_fail (WAYMARK_IS_PLAN (self));
  g_return_if_fail (is_own_year (self, item, index));

  to.quantity = MIN (quantity, WAYMARK_PLAN_MAX_QUANTITY);
  set_item_year (self, item, index, &to);
}

void
waymark_plan_set_item_year_cost (WaymarkPlan     *self,
                                 WaymarkPlanItem *item,
                                 guint            index,
                                 gint64           low,
                                 gint64           high)
{
  WaymarkYearFigure to = { .own_cost = TRUE };

  g_return_if_fail (WAYMARK_IS_PLAN (self));
  g_return_if_fail (is_own_year (self, item, index));
  g_return_if_fail (low >= WAYMARK_NO_COST && low <= WAYMARK_MONEY_MAX);

  to.unit_low = low;
  to.unit_high = low == WAYMARK_NO_COST ? WAYMARK_NO_COST : CLAMP (high, low, WAYMARK_MONEY_MAX);
  set_item_year (self, item, index, &to);
}

void
waymark_plan_apply_year_to_all (WaymarkPlan     *self,
                                WaymarkPlanItem *item,
                                guint            index)
{
  guint quantity;
  gint64 low, high;

  g_return_if_fail (WAYMARK_IS_PLAN (self));
  g_return_if_fail (is_own_year (self, item, index));

  /* Every year the first's: the first year takes the year's figures, the others follow. */
  waymark_plan_item_get_year_entered (item, index, &quantity, &low, &high);
  waymark_plan_edit (self, item, "quantity", quantity, "unit-cost", low, "unit-cost-high", high,
                     "year-figures", NULL, NULL);
}

void
waymark_plan_set_year_kind (WaymarkPlan     *self,
                            WaymarkYearKind  kind)
{
  g_return_if_fail (WAYMARK_IS_PLAN (self));

  waymark_plan_edit (self, self, "year-kind", kind, NULL);
}

void
waymark_plan_set_uplift (WaymarkPlan *self,
                         guint        basis_points)
{
  g_return_if_fail (WAYMARK_IS_PLAN (self));

  waymark_plan_edit (self, self, "uplift", MIN (basis_points, WAYMARK_UPLIFT_MAX), NULL);
}

void
waymark_plan_add_item (WaymarkPlan     *self,
                       WaymarkPlanItem *item)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  g_return_if_fail (WAYMARK_IS_PLAN_ITEM (item));

  g_ptr_array_add (items, item);
  waymark_plan_add_items (self, items);
}

void
waymark_plan_add_items (WaymarkPlan *self,
                        GPtrArray   *items)
{
  Step *step;

  g_return_if_fail (WAYMARK_IS_PLAN (self));
  g_return_if_fail (items != NULL && items->len > 0);
  for (guint i = 0; i < items->len; i++)
    {
      WaymarkPlanItem *item = g_ptr_array_index (items, i);
      guint first;

      g_return_if_fail (WAYMARK_IS_PLAN_ITEM (item));
      g_return_if_fail (!g_ptr_array_find (self->items, item, NULL));
      /* A local service's item without its service in the plan would save a file that cannot
       * be opened again. */
      g_return_if_fail (!item->local_service ||
                        waymark_plan_find_local_service (self, item->intervention_id, NULL));
      g_return_if_fail (g_ptr_array_find (items, item, &first) && first == i);
    }

  step = g_new0 (Step, 1);
  step->kind = STEP_INSERT;
  step->items = g_ptr_array_new_full (items->len, g_object_unref);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (step->items, g_object_ref (g_ptr_array_index (items, i)));
  step->position = self->items->len;
  push_step (self, step);
}

void
waymark_plan_remove_item (WaymarkPlan *self,
                          guint        position)
{
  Step *step;

  g_return_if_fail (WAYMARK_IS_PLAN (self));
  g_return_if_fail (position < self->items->len);

  step = g_new0 (Step, 1);
  step->kind = STEP_REMOVE;
  step->items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (step->items, g_object_ref (g_ptr_array_index (self->items, position)));
  step->position = position;
  push_step (self, step);
}

void
waymark_plan_dismiss_warning (WaymarkPlan *self,
                              const char  *warning_id)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) dismissed = NULL;

  g_return_if_fail (WAYMARK_IS_PLAN (self));
  g_return_if_fail (warning_id != NULL);

  if (g_strv_contains ((const char * const *) self->dismissed_warnings, warning_id))
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) self->dismissed_warnings);
  g_strv_builder_add (builder, warning_id);
  dismissed = g_strv_builder_end (builder);

  waymark_plan_edit (self, self, "dismissed-warnings", dismissed, NULL);
}

void
waymark_plan_set_local_need (WaymarkPlan      *self,
                             WaymarkReachGroup group,
                             guint             people,
                             const char       *source)
{
  g_autoptr(WaymarkLocalNeeds) needs = NULL;

  g_return_if_fail (WAYMARK_IS_PLAN (self));
  g_return_if_fail (group != WAYMARK_REACH_GROUP_UNSPECIFIED && group < WAYMARK_REACH_GROUP_N);

  needs = waymark_local_needs_with (self->local_needs, group, people, source);
  waymark_plan_edit (self, self, "local-needs", needs, NULL);
}

void
waymark_plan_record_appraisal_change (WaymarkPlan *self)
{
  Step *step;

  if (waymark_appraisal_equal (self->appraisal, self->appraisal_snapshot))
    return;

  step = g_new0 (Step, 1);
  step->kind = STEP_APPRAISAL;
  step->before = g_object_ref (self->appraisal_snapshot);
  step->after = waymark_appraisal_copy (self->appraisal);
  /* Doing the step again puts back what the appraisal already holds: no second "changed". */
  push_step (self, step);
}

/* Local services */

void
waymark_plan_refresh_local_items (WaymarkPlan         *self,
                                  WaymarkLocalService *service)
{
  WaymarkPlanItem *item = waymark_plan_find_item (self, waymark_local_service_get_id (service),
                                                  NULL);

  if (item == NULL || !item->local_service)
    return;
  waymark_plan_item_take_local_service (item, service);
}

static gboolean
push_local_service_step (WaymarkPlan         *self,
                         guint                position,
                         WaymarkLocalService *before,
                         WaymarkLocalService *after)
{
  Step *step = g_new0 (Step, 1);

  step->kind = STEP_LOCAL_SERVICE;
  step->position = position;
  step->service_before = before != NULL ? g_object_ref (before) : NULL;
  step->service_after = after != NULL ? g_object_ref (after) : NULL;
  push_step (self, step);
  return TRUE;
}

gboolean
waymark_plan_add_local_service (WaymarkPlan          *self,
                                WaymarkLocalService  *service,
                                WaymarkCatalogue     *catalogue,
                                GError              **error)
{
  const char *id;

  g_return_val_if_fail (WAYMARK_IS_PLAN (self), FALSE);
  g_return_val_if_fail (WAYMARK_IS_LOCAL_SERVICE (service), FALSE);
  g_return_val_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue), FALSE);

  id = waymark_local_service_get_id (service);
  if (waymark_plan_find_local_service (self, id, NULL) != NULL ||
      waymark_plan_find_item (self, id, NULL) != NULL ||
      (catalogue != NULL && waymark_catalogue_lookup (catalogue, id) != NULL))
    {
      g_set_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_DUPLICATE_ID,
                   _("The id “%s” is taken already, by a local service, an item of the plan "
                     "or an intervention in the catalogue: a local service needs its own"), id);
      return FALSE;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->local_services)) >=
      WAYMARK_LOCAL_SERVICE_MAX_N)
    {
      g_set_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_INVALID,
                   _("A plan holds at most %d local services"), WAYMARK_LOCAL_SERVICE_MAX_N);
      return FALSE;
    }

  return push_local_service_step (self,
                                  g_list_model_get_n_items (G_LIST_MODEL (self->local_services)),
                                  NULL, service);
}

gboolean
waymark_plan_replace_local_service (WaymarkPlan          *self,
                                    WaymarkLocalService  *service,
                                    GError              **error)
{
  WaymarkLocalService *old;
  guint position;

  g_return_val_if_fail (WAYMARK_IS_PLAN (self), FALSE);
  g_return_val_if_fail (WAYMARK_IS_LOCAL_SERVICE (service), FALSE);

  old = waymark_plan_find_local_service (self, waymark_local_service_get_id (service), &position);
  if (old == NULL)
    {
      g_set_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_INVALID,
                   _("The plan has no local service “%s”"),
                   waymark_local_service_get_id (service));
      return FALSE;
    }
  /* The same in every field: no step, as a same-value property set records none. */
  if (old == service || waymark_local_service_equal (old, service))
    return TRUE;
  return push_local_service_step (self, position, old, service);
}

gboolean
waymark_plan_remove_local_service (WaymarkPlan  *self,
                                   const char   *id,
                                   GError      **error)
{
  WaymarkLocalService *old;
  guint position;

  g_return_val_if_fail (WAYMARK_IS_PLAN (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  old = waymark_plan_find_local_service (self, id, &position);
  if (old == NULL)
    {
      g_set_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_INVALID,
                   _("The plan has no local service “%s”"), id);
      return FALSE;
    }
  if (waymark_plan_find_item (self, id, NULL) != NULL)
    {
      g_set_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_IN_USE,
                   _("“%s” is in the plan: remove its item first"),
                   waymark_local_service_get_name (old));
      return FALSE;
    }
  return push_local_service_step (self, position, old, NULL);
}

gboolean
waymark_plan_add_local_service_item (WaymarkPlan  *self,
                                     const char   *id,
                                     GError      **error)
{
  WaymarkLocalService *service;
  g_autoptr(WaymarkPlanItem) item = NULL;

  g_return_val_if_fail (WAYMARK_IS_PLAN (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  service = waymark_plan_find_local_service (self, id, NULL);
  if (service == NULL)
    {
      g_set_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_INVALID,
                   _("The plan has no local service “%s”"), id);
      return FALSE;
    }
  if (waymark_plan_find_item (self, id, NULL) != NULL)
    {
      g_set_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_IN_USE,
                   _("“%s” is in the plan already"), waymark_local_service_get_name (service));
      return FALSE;
    }
  item = waymark_plan_item_new_for_local_service (service);
  waymark_plan_add_item (self, item);
  return TRUE;
}

/* The service with this id among those an import has taken so far, or NULL. */
static WaymarkLocalService *
find_taken (GPtrArray  *taken,
            const char *id)
{
  for (guint i = 0; i < taken->len; i++)
    if (g_str_equal (waymark_local_service_get_id (g_ptr_array_index (taken, i)), id))
      return g_ptr_array_index (taken, i);
  return NULL;
}

gboolean
waymark_plan_import_local_services (WaymarkPlan       *self,
                                    GListModel        *services,
                                    WaymarkCatalogue  *catalogue,
                                    const char        *display_name,
                                    guint             *n_added,
                                    GError           **error)
{
  g_autoptr(GPtrArray) taken = NULL;
  guint n, n_held;
  Step *step;

  g_return_val_if_fail (WAYMARK_IS_PLAN (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (services), FALSE);
  g_return_val_if_fail (g_list_model_get_item_type (services) == WAYMARK_TYPE_LOCAL_SERVICE,
                        FALSE);
  g_return_val_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue), FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  n = g_list_model_get_n_items (services);
  n_held = g_list_model_get_n_items (G_LIST_MODEL (self->local_services));
  taken = g_ptr_array_new_with_free_func (g_object_unref);

  /* Every service is checked before any is added, so a refusal leaves the plan as it was. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkLocalService) service = g_list_model_get_item (services, i);
      const char *id = waymark_local_service_get_id (service);
      WaymarkLocalService *existing = waymark_plan_find_local_service (self, id, NULL);

      if (existing == NULL)
        existing = find_taken (taken, id);
      if (existing != NULL && waymark_local_service_equal (existing, service))
        continue;
      if (existing != NULL)
        {
          g_set_error (error, WAYMARK_LOCAL_SERVICE_ERROR,
                       WAYMARK_LOCAL_SERVICE_ERROR_DUPLICATE_ID,
                       _("%s: local_services[%u]: the plan has a different local service “%s” "
                         "already; change one of the ids, or edit the plan’s"),
                       display_name, i, id);
          return FALSE;
        }
      if (waymark_plan_find_item (self, id, NULL) != NULL ||
          (catalogue != NULL && waymark_catalogue_lookup (catalogue, id) != NULL))
        {
          g_set_error (error, WAYMARK_LOCAL_SERVICE_ERROR,
                       WAYMARK_LOCAL_SERVICE_ERROR_DUPLICATE_ID,
                       _("%s: local_services[%u]: the id “%s” is taken already, by an item of "
                         "the plan or an intervention in the catalogue: a local service needs "
                         "its own"),
                       display_name, i, id);
          return FALSE;
        }
      if (n_held + taken->len >= WAYMARK_LOCAL_SERVICE_MAX_N)
        {
          g_set_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_INVALID,
                       _("%s: local_services[%u]: a plan holds at most %d local services"),
                       display_name, i, WAYMARK_LOCAL_SERVICE_MAX_N);
          return FALSE;
        }
      g_ptr_array_add (taken, g_steal_pointer (&service));
    }

  /* Nothing new: no step, as a same-value property set records none. */
  if (taken->len == 0)
    return TRUE;

  if (n_added != NULL)
    *n_added = taken->len;
  step = g_new0 (Step, 1);
  step->kind = STEP_LOCAL_SERVICES_ADD;
  step->position = n_held;
  step->services = g_steal_pointer (&taken);
  push_step (self, step);
  return TRUE;
}

gboolean
waymark_plan_note_decision (WaymarkPlan       *self,
                            guint              position,
                            const char        *reason,
                            const char        *review_section,
                            WaymarkCatalogue  *catalogue,
                            GError           **error)
{
  g_autoptr(WaymarkDecision) old = NULL;
  Step *step;

  g_return_val_if_fail (WAYMARK_IS_PLAN (self), FALSE);
  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (catalogue), FALSE);

  old = g_list_model_get_item (G_LIST_MODEL (self->decisions), position);
  if (old == NULL)
    {
      g_set_error (error, WAYMARK_DECISION_ERROR, WAYMARK_DECISION_ERROR_INVALID,
                   _("The decision record has no entry %u"), position + 1);
      return FALSE;
    }
  if (!waymark_decision_check_note (catalogue, reason, review_section, error))
    return FALSE;
  /* The same reason and citation: no step, as a same-value property set records none. */
  if (g_strcmp0 (waymark_decision_get_reason (old), reason ? reason : "") == 0 &&
      g_strcmp0 (waymark_decision_get_review_section (old),
                 review_section ? review_section : "") == 0)
    return TRUE;

  step = g_new0 (Step, 1);
  step->kind = STEP_DECISION_NOTE;
  step->position = position;
  step->decision_before = g_steal_pointer (&old);
  step->decision_after = waymark_decision_with_note (step->decision_before, reason,
                                                     review_section);
  push_step (self, step);
  return TRUE;
}
