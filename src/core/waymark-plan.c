/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>
#include <string.h>

#include "waymark-money.h"
#include "waymark-plan-item-private.h"
#include "waymark-plan-private.h"
#include "waymark-util.h"

G_DEFINE_ENUM_TYPE (WaymarkWarningKind, waymark_warning_kind,
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_NO_PRIMARY, "no-primary"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_NO_PERPETRATORS, "no-perpetrators"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_NO_YOUNG_PEOPLE, "no-young-people"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_NO_SEXUAL_VIOLENCE, "no-sexual-violence"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_LOW_EVIDENCE_LOW_IMPACT, "low-evidence-low-impact"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_ALREADY_IN_PLACE, "already-in-place"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_NO_COST, "no-cost"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WARNING_MISSING_FROM_CATALOGUE, "missing-from-catalogue"))

/* An undoable step: a set of property changes, or items added or removed (side by side). */
typedef enum
{
  STEP_PROPERTIES,
  STEP_INSERT,
  STEP_REMOVE,
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
} Step;

struct _WaymarkPlan
{
  GObject parent_instance;

  char       *title;
  char       *area;
  char       *organisation;
  char       *author;
  guint       start_year;
  guint       years;
  gint64      budget;
  char      **dismissed_warnings;

  GPtrArray  *items;
  GPtrArray  *undo;   /* Step */
  GPtrArray  *redo;   /* Step */
  /* The undo depth at the last save; -1 when that state can no longer be reached. */
  int         saved_depth;
  GDateTime  *changed_at;
  gboolean    loading;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WaymarkPlan, waymark_plan, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_AREA,
  PROP_ORGANISATION,
  PROP_AUTHOR,
  PROP_START_YEAR,
  PROP_YEARS,
  PROP_BUDGET,
  PROP_DISMISSED_WARNINGS,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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
  g_free (step);
}

static GType
waymark_plan_get_item_type (GListModel *model)
{
  return WAYMARK_TYPE_PLAN_ITEM;
}

static guint
waymark_plan_get_n_items (GListModel *model)
{
  return WAYMARK_PLAN (model)->items->len;
}

static gpointer
waymark_plan_get_item (GListModel *model,
                       guint       position)
{
  WaymarkPlan *self = WAYMARK_PLAN (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = waymark_plan_get_item_type;
  iface->get_n_items = waymark_plan_get_n_items;
  iface->get_item = waymark_plan_get_item;
}

static void
waymark_plan_finalize (GObject *object)
{
  WaymarkPlan *self = (WaymarkPlan *) object;

  g_free (self->title);
  g_free (self->area);
  g_free (self->organisation);
  g_free (self->author);
  g_strfreev (self->dismissed_warnings);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->changed_at, g_date_time_unref);

  G_OBJECT_CLASS (waymark_plan_parent_class)->finalize (object);
}

static void
waymark_plan_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WaymarkPlan *self = WAYMARK_PLAN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AREA:
      g_value_set_string (value, self->area);
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_START_YEAR:
      g_value_set_uint (value, self->start_year);
      break;
    case PROP_YEARS:
      g_value_set_uint (value, self->years);
      break;
    case PROP_BUDGET:
      g_value_set_int64 (value, self->budget);
      break;
    case PROP_DISMISSED_WARNINGS:
      g_value_set_boxed (value, self->dismissed_warnings);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, waymark_plan_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, waymark_plan_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, waymark_plan_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_plan_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  WaymarkPlan *self = WAYMARK_PLAN (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_TITLE:
      changed = waymark_replace_text (&self->title, g_value_get_string (value));
      break;
    case PROP_AREA:
      changed = waymark_replace_text (&self->area, g_value_get_string (value));
      break;
    case PROP_ORGANISATION:
      changed = waymark_replace_text (&self->organisation, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      changed = waymark_replace_text (&self->author, g_value_get_string (value));
      break;
    case PROP_START_YEAR:
      changed = self->start_year != g_value_get_uint (value);
      self->start_year = g_value_get_uint (value);
      break;
    case PROP_YEARS:
      changed = self->years != g_value_get_uint (value);
      self->years = g_value_get_uint (value);
      break;
    case PROP_BUDGET:
      changed = self->budget != g_value_get_int64 (value);
      self->budget = g_value_get_int64 (value);
      break;
    case PROP_DISMISSED_WARNINGS:
      {
        const char * const *strv = g_value_get_boxed (value);

        char **copy = strv ? g_strdupv ((char **) strv) : g_new0 (char *, 1);

        changed = !g_strv_equal ((const char * const *) self->dismissed_warnings,
                                 (const char * const *) copy);
        g_strfreev (self->dismissed_warnings);
        self->dismissed_warnings = copy;
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

/* A plan's text is never NULL: no text is "", as the plan file writes it, so NULL given to an
 * edit is "" before the edit compares it (and undo can never restore a NULL). */
static GParamSpec *
text_property (const char *name,
               const char *default_value)
{
  GParamSpec *pspec = g_param_spec_string (name, NULL, NULL, default_value,
                                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                           G_PARAM_STATIC_STRINGS);

  G_PARAM_SPEC_STRING (pspec)->ensure_non_null = TRUE;
  return pspec;
}

static void
waymark_plan_class_init (WaymarkPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = waymark_plan_finalize;
  object_class->get_property = waymark_plan_get_property;
  object_class->set_property = waymark_plan_set_property;

  properties[PROP_TITLE] = text_property ("title", "");
  properties[PROP_AREA] = text_property ("area", WAYMARK_PLAN_DEFAULT_AREA);
  properties[PROP_ORGANISATION] = text_property ("organisation", "");
  properties[PROP_AUTHOR] = text_property ("author", "");
  properties[PROP_START_YEAR] = g_param_spec_uint ("start-year", NULL, NULL, 2000, 2100, 2025, rw);
  properties[PROP_YEARS] =
    g_param_spec_uint ("years", NULL, NULL, 1, WAYMARK_PLAN_MAX_YEARS, 1, rw);
  properties[PROP_BUDGET] =
    g_param_spec_int64 ("budget", NULL, NULL, 0, WAYMARK_MONEY_MAX, 0, rw);
  properties[PROP_DISMISSED_WARNINGS] =
    g_param_spec_boxed ("dismissed-warnings", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
waymark_plan_init (WaymarkPlan *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  self->area = g_strdup (WAYMARK_PLAN_DEFAULT_AREA);
  self->title = g_strdup ("");
  self->organisation = g_strdup ("");
  self->author = g_strdup ("");
  self->start_year = (guint) g_date_time_get_year (now);
  self->years = 1;
  self->dismissed_warnings = g_new0 (char *, 1);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->changed_at = g_date_time_new_now_utc ();
}

WaymarkPlan *
waymark_plan_new (void)
{
  return g_object_new (WAYMARK_TYPE_PLAN, NULL);
}

#define DEFINE_GETTER(type, field) \
  type \
  waymark_plan_get_##field (WaymarkPlan *self) \
  { \
    g_return_val_if_fail (WAYMARK_IS_PLAN (self), (type) 0); \
    return (type) self->field; \
  }

DEFINE_GETTER (const char *, title)
DEFINE_GETTER (const char *, area)
DEFINE_GETTER (const char *, organisation)
DEFINE_GETTER (const char *, author)
DEFINE_GETTER (guint, start_year)
DEFINE_GETTER (guint, years)
DEFINE_GETTER (gint64, budget)
DEFINE_GETTER (const char * const *, dismissed_warnings)
DEFINE_GETTER (GDateTime *, changed_at)

#undef DEFINE_GETTER

WaymarkPlanItem *
waymark_plan_find_item (WaymarkPlan *self,
                        const char  *intervention_id,
                        guint       *position)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      WaymarkPlanItem *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (item->intervention_id, intervention_id) == 0)
        {
          if (position != NULL)
            *position = i;
          return item;
        }
    }

  return NULL;
}

/* Undo machinery */

static void
notify_state (WaymarkPlan *self,
              gboolean     could_undo,
              gboolean     could_redo,
              gboolean     was_modified)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_clear_pointer (&self->changed_at, g_date_time_unref);
  self->changed_at = g_steal_pointer (&now);

  if (could_undo != waymark_plan_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != waymark_plan_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (was_modified != waymark_plan_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);

  g_signal_emit (self, signals[CHANGED], 0);
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

    default:
      g_assert_not_reached ();
    }
}

static void
push_step (WaymarkPlan *self,
           Step        *step)
{
  gboolean could_undo = waymark_plan_can_undo (self);
  gboolean could_redo = waymark_plan_can_redo (self);
  gboolean was_modified = waymark_plan_get_modified (self);

  apply_step (self, step, TRUE);

  /* A new edit forgets what could be redone; if the saved state was among it, it is gone. */
  if (self->redo->len > 0 && self->saved_depth > (int) self->undo->len)
    self->saved_depth = -1;
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, step);

  notify_state (self, could_undo, could_redo, was_modified);
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

  notify_state (self, could_undo, could_redo, was_modified);
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

  notify_state (self, could_undo, could_redo, was_modified);
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
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
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

/* Loading */

void
waymark_plan_load_details (WaymarkPlan        *self,
                           const char         *title,
                           const char         *area,
                           const char         *organisation,
                           const char         *author,
                           guint               start_year,
                           guint               years,
                           gint64              budget,
                           const char * const *dismissed,
                           GDateTime          *changed_at)
{
  g_object_set (self, "title", title, "area", area, "organisation", organisation,
                "author", author, "start-year", start_year, "years", years, "budget", budget,
                "dismissed-warnings", dismissed, NULL);
  g_clear_pointer (&self->changed_at, g_date_time_unref);
  self->changed_at = g_date_time_ref (changed_at);
}

void
waymark_plan_load_item (WaymarkPlan     *self,
                        WaymarkPlanItem *item)
{
  g_ptr_array_add (self->items, g_object_ref (item));
  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
}

/* Totals */

void
waymark_plan_get_totals (WaymarkPlan       *self,
                         WaymarkPlanTotals *totals)
{
  gboolean ok = TRUE;

  g_return_if_fail (WAYMARK_IS_PLAN (self));

  memset (totals, 0, sizeof *totals);
  totals->n_items = self->items->len;

  for (guint i = 0; i < self->items->len; i++)
    {
      WaymarkPlanItem *item = g_ptr_array_index (self->items, i);
      gint64 low, high;

      if (!waymark_plan_item_has_cost (item))
        {
          totals->n_without_cost++;
          continue;
        }
      if (ok &&
          !(waymark_plan_item_get_line_total (item, &low, &high) &&
            waymark_money_add (totals->annual_low, low, &totals->annual_low) &&
            waymark_money_add (totals->annual_high, high, &totals->annual_high)))
        {
          ok = FALSE;
          totals->overflow_item = i;
        }
    }

  if (ok &&
      !(waymark_money_multiply (totals->annual_low, self->years, &totals->total_low) &&
        waymark_money_multiply (totals->annual_high, self->years, &totals->total_high)))
    {
      ok = FALSE;
      totals->overflow_item = WAYMARK_PLAN_OVERFLOW_YEARS;
    }

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

static void
add_to_slice (GArray          *slices,
              guint            index,
              WaymarkPlanItem *item)
{
  WaymarkBreakdownSlice *slice = &g_array_index (slices, WaymarkBreakdownSlice, index);
  gint64 low = 0, high = 0;

  slice->n_items++;
  if (waymark_plan_item_get_line_total (item, &low, &high))
    {
      /* Shares of a plan whose total fits cannot overflow; keep the guard anyway. */
      if (!waymark_money_add (slice->low, low, &slice->low) ||
          !waymark_money_add (slice->high, high, &slice->high))
        slice->low = slice->high = 0;
    }
}

GArray *
waymark_plan_get_breakdown (WaymarkPlan          *self,
                            WaymarkBreakdownKind  kind)
{
  GArray *slices = g_array_new (FALSE, TRUE, sizeof (WaymarkBreakdownSlice));

  g_return_val_if_fail (WAYMARK_IS_PLAN (self), slices);

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

            add_to_slice (slices, lowest == WAYMARK_LEVEL_PRIMARY ? 0
                                  : lowest == WAYMARK_LEVEL_SECONDARY ? 1 : 2, item);
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
          add_to_slice (slices, item->focus, item);
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
                add_to_slice (slices, v, item);
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
      for (guint i = 0; i < self->items->len; i++)
        {
          WaymarkPlanItem *item = g_ptr_array_index (self->items, i);
          add_to_slice (slices, WAYMARK_RATING_HIGH - item->evidence_rating, item);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  return slices;
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

GPtrArray *
waymark_plan_list_warnings (WaymarkPlan *self)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_plan_warning_free);
  gboolean primary = FALSE, perpetrators = FALSE, young = FALSE, sexual_violence = FALSE;

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
    }

  /* The gaps the review warns about, then what it says about single items. */
  if (!primary)
    add_warning (self, warnings, WAYMARK_WARNING_NO_PRIMARY, NULL,
                 g_strdup (_("No primary prevention: the review finds a lack of primary "
                             "prevention in LLR, and nothing in this plan stops abuse before "
                             "it starts.")));
  if (!perpetrators)
    add_warning (self, warnings, WAYMARK_WARNING_NO_PERPETRATORS, NULL,
                 g_strdup (_("No work with perpetrators: the review notes a dearth of "
                             "perpetrator provision.")));
  if (!young)
    add_warning (self, warnings, WAYMARK_WARNING_NO_YOUNG_PEOPLE, NULL,
                 g_strdup (_("Nothing for children and young people under 25, LLR’s priority "
                             "focus.")));
  if (!sexual_violence)
    add_warning (self, warnings, WAYMARK_WARNING_NO_SEXUAL_VIOLENCE, NULL,
                 g_strdup (_("Nothing in this plan addresses sexual violence.")));

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
