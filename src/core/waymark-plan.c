/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "waymark-money.h"
#include "waymark-plan-item-private.h"
#include "waymark-plan-private.h"
#include "waymark-util.h"

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
  PROP_YEAR_KIND,
  PROP_UPLIFT,
  PROP_DISMISSED_WARNINGS,
  PROP_LOCAL_NEEDS,
  PROP_APPRAISAL,
  PROP_LOCAL_SERVICES,
  PROP_DECISIONS,
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
  g_clear_pointer (&self->local_needs, waymark_local_needs_unref);
  /* Whoever else holds the appraisal must not call back into a plan that has gone. */
  g_signal_handlers_disconnect_by_data (self->appraisal, self);
  g_clear_object (&self->appraisal);
  g_clear_object (&self->appraisal_snapshot);
  g_clear_object (&self->local_services);
  g_clear_object (&self->decisions);
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
    case PROP_YEAR_KIND:
      g_value_set_enum (value, self->year_kind);
      break;
    case PROP_UPLIFT:
      g_value_set_uint (value, self->uplift);
      break;
    case PROP_DISMISSED_WARNINGS:
      g_value_set_boxed (value, self->dismissed_warnings);
      break;
    case PROP_LOCAL_NEEDS:
      g_value_set_boxed (value, self->local_needs);
      break;
    case PROP_LOCAL_SERVICES:
      g_value_set_object (value, self->local_services);
      break;
    case PROP_APPRAISAL:
      g_value_set_object (value, self->appraisal);
      break;
    case PROP_DECISIONS:
      g_value_set_object (value, self->decisions);
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
    case PROP_YEAR_KIND:
      changed = self->year_kind != (WaymarkYearKind) g_value_get_enum (value);
      self->year_kind = g_value_get_enum (value);
      break;
    case PROP_UPLIFT:
      changed = self->uplift != g_value_get_uint (value);
      self->uplift = g_value_get_uint (value);
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
    case PROP_LOCAL_NEEDS:
      {
        WaymarkLocalNeeds *needs = g_value_get_boxed (value);

        /* NULL is none recorded, as a new plan has. */
        needs = needs != NULL ? waymark_local_needs_ref (needs) : waymark_local_needs_new ();
        changed = !waymark_local_needs_equal (self->local_needs, needs);
        g_clear_pointer (&self->local_needs, waymark_local_needs_unref);
        self->local_needs = needs;
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
  /* A new plan runs in financial years, as public bodies budget (issue 16). */
  properties[PROP_YEAR_KIND] =
    g_param_spec_enum ("year-kind", NULL, NULL, WAYMARK_TYPE_YEAR_KIND,
                       WAYMARK_YEAR_KIND_FINANCIAL, rw);
  properties[PROP_UPLIFT] =
    g_param_spec_uint ("uplift", NULL, NULL, 0, WAYMARK_UPLIFT_MAX, 0, rw);
  properties[PROP_DISMISSED_WARNINGS] =
    g_param_spec_boxed ("dismissed-warnings", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_LOCAL_NEEDS] =
    g_param_spec_boxed ("local-needs", NULL, NULL, WAYMARK_TYPE_LOCAL_NEEDS, rw);
  properties[PROP_APPRAISAL] =
    g_param_spec_object ("appraisal", NULL, NULL, WAYMARK_TYPE_APPRAISAL, ro);
  properties[PROP_LOCAL_SERVICES] =
    g_param_spec_object ("local-services", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_DECISIONS] =
    g_param_spec_object ("decisions", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
on_appraisal_changed (WaymarkAppraisal *appraisal,
                      WaymarkPlan      *self)
{
  if (!self->restoring_appraisal)
    waymark_plan_record_appraisal_change (self);
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
  self->local_needs = waymark_local_needs_new ();
  self->appraisal = waymark_appraisal_new ();
  self->appraisal_snapshot = waymark_appraisal_new ();
  g_signal_connect (self->appraisal, "changed", G_CALLBACK (on_appraisal_changed), self);
  self->local_services = g_list_store_new (WAYMARK_TYPE_LOCAL_SERVICE);
  self->decisions = g_list_store_new (WAYMARK_TYPE_DECISION);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  waymark_plan_init_history (self);
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
DEFINE_GETTER (WaymarkYearKind, year_kind)
DEFINE_GETTER (guint, uplift)
DEFINE_GETTER (const char * const *, dismissed_warnings)
DEFINE_GETTER (GDateTime *, changed_at)
DEFINE_GETTER (WaymarkLocalNeeds *, local_needs)
DEFINE_GETTER (WaymarkAppraisal *, appraisal)

#undef DEFINE_GETTER

guint
waymark_plan_get_local_need (WaymarkPlan        *self,
                             WaymarkReachGroup   group,
                             const char        **source)
{
  if (source != NULL)
    *source = NULL;
  g_return_val_if_fail (WAYMARK_IS_PLAN (self), 0);

  return waymark_local_needs_get (self->local_needs, group, source);
}

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

/* Notifications for the history */

void
waymark_plan_notify_state (WaymarkPlan *self,
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

void
waymark_plan_notify_modified (WaymarkPlan *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
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
waymark_plan_load_years (WaymarkPlan     *self,
                         WaymarkYearKind  year_kind,
                         guint            uplift)
{
  g_object_set (self, "year-kind", year_kind, "uplift", uplift, NULL);
}

/* Years */

static char *
dup_year (WaymarkPlan *self,
          guint        index,
          const char  *separator)
{
  guint year = self->start_year + index;

  if (self->year_kind == WAYMARK_YEAR_KIND_CALENDAR)
    return g_strdup_printf ("%u", year);
  /* 2026/27: April 2026 to March 2027; the second year's last two digits. */
  return g_strdup_printf ("%u%s%02u", year, separator, (year + 1) % 100);
}

char *
waymark_plan_dup_year_label (WaymarkPlan *self,
                             guint        index)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN (self), NULL);

  return dup_year (self, index, "/");
}

char *
waymark_plan_dup_year_id (WaymarkPlan *self,
                          guint        index)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN (self), NULL);

  return dup_year (self, index, "_");
}

void
waymark_plan_load_item (WaymarkPlan     *self,
                        WaymarkPlanItem *item)
{
  g_ptr_array_add (self->items, g_object_ref (item));
  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
}

void
waymark_plan_load_local_needs (WaymarkPlan       *self,
                               WaymarkLocalNeeds *needs)
{
  g_object_set (self, "local-needs", needs, NULL);
}

void
waymark_plan_load_local_service (WaymarkPlan         *self,
                                 WaymarkLocalService *service)
{
  g_list_store_append (self->local_services, service);
}

GListModel *
waymark_plan_get_local_services (WaymarkPlan *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->local_services);
}

WaymarkLocalService *
waymark_plan_find_local_service (WaymarkPlan *self,
                                 const char  *id,
                                 guint       *position)
{
  GListModel *services;

  g_return_val_if_fail (WAYMARK_IS_PLAN (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  services = G_LIST_MODEL (self->local_services);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(WaymarkLocalService) service = g_list_model_get_item (services, i);

      if (g_str_equal (waymark_local_service_get_id (service), id))
        {
          if (position != NULL)
            *position = i;
          /* The store holds it: borrowed is safe while it stays in the plan. */
          return service;
        }
    }
  return NULL;
}

GPtrArray *
waymark_plan_dup_local_services_without_item (WaymarkPlan *self)
{
  GListModel *services;
  GPtrArray *without = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (WAYMARK_IS_PLAN (self), without);

  services = G_LIST_MODEL (self->local_services);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(WaymarkLocalService) service = g_list_model_get_item (services, i);

      if (waymark_plan_find_item (self, waymark_local_service_get_id (service), NULL) == NULL)
        g_ptr_array_add (without, g_steal_pointer (&service));
    }
  return without;
}

void
waymark_plan_load_appraisal (WaymarkPlan      *self,
                             WaymarkAppraisal *appraisal)
{
  self->restoring_appraisal = TRUE;
  waymark_appraisal_assign (self->appraisal, appraisal);
  self->restoring_appraisal = FALSE;
  g_clear_object (&self->appraisal_snapshot);
  self->appraisal_snapshot = waymark_appraisal_copy (self->appraisal);
}

void
waymark_plan_load_decision (WaymarkPlan     *self,
                            WaymarkDecision *decision)
{
  g_list_store_append (self->decisions, decision);
}

GListModel *
waymark_plan_get_decisions (WaymarkPlan *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->decisions);
}

void
waymark_plan_set_clock (WaymarkPlan      *self,
                        WaymarkPlanClock  clock,
                        gpointer          user_data)
{
  g_return_if_fail (WAYMARK_IS_PLAN (self));

  self->clock = clock;
  self->clock_data = user_data;
}

GDateTime *
waymark_plan_now (WaymarkPlan *self)
{
  if (self->clock != NULL)
    return self->clock (self->clock_data);
  return g_date_time_new_now_utc ();
}
