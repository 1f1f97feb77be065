/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "waymark-enums.h"
#include "waymark-workspace.h"

struct _WaymarkWorkspace
{
  GObject parent_instance;

  /* Owned */
  GSettings           *settings;
  GSettings           *filter_settings;  /* delayed: the criteria, written when idle */
  guint                filter_settings_idle;
  WaymarkCatalogue    *catalogue;
  WaymarkCriteria     *criteria;
  WaymarkComparison   *comparison;
  WaymarkPlanDocument *document;
  WaymarkSortKey       sort_key;
  WaymarkIntervention *selected;
  char                *selected_id;  /* kept while there is no catalogue to find it in */
};

G_DEFINE_FINAL_TYPE (WaymarkWorkspace, waymark_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CATALOGUE,
  PROP_CRITERIA,
  PROP_COMPARISON,
  PROP_PLAN_DOCUMENT,
  PROP_SORT_KEY,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The criteria in the settings: sets of flags are stored as their ids (the nicks), which
 * GSettings maps by itself; a minimum rating by the id of its row in the minimums' table, a
 * range as its floor. */

static gboolean
minimum_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  const char *id = g_variant_get_string (variant, NULL);
  guint n;
  const WaymarkChoice *minimums = waymark_criteria_get_minimum_choices (&n);

  g_value_set_enum (value, WAYMARK_RATING_NONE);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (minimums[i].id, id))
      g_value_set_enum (value, minimums[i].value);
  return TRUE;
}

static GVariant *
minimum_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  WaymarkRating floor = waymark_rating_get_floor (g_value_get_enum (value));
  guint n;
  const WaymarkChoice *minimums = waymark_criteria_get_minimum_choices (&n);

  for (guint i = 0; i < n; i++)
    if (minimums[i].value == floor)
      return g_variant_new_string (minimums[i].id);
  return g_variant_new_string (minimums[0].id);
}

static gboolean
search_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  g_value_set_string (value, g_variant_get_string (variant, NULL));
  return TRUE;
}

static GVariant *
search_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char *search = g_value_get_string (value);

  return g_variant_new_string (search != NULL ? search : "");
}

/* The criteria change with every keystroke in the search: they are written when the main loop
 * is idle, all at once, through a delayed GSettings of their own. */

static void
on_filter_settings_idle (gpointer user_data)
{
  WaymarkWorkspace *self = user_data;

  self->filter_settings_idle = 0;
  waymark_workspace_write_settings (self);
}

static void
on_filter_settings_unapplied (GSettings        *settings,
                              GParamSpec       *pspec,
                              WaymarkWorkspace *self)
{
  if (g_settings_get_has_unapplied (settings) && self->filter_settings_idle == 0)
    self->filter_settings_idle = g_idle_add_once (on_filter_settings_idle, self);
}

static GSettings *
filter_settings_new (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autofree char *path = NULL;
  GSettings *delayed;

  g_object_get (settings, "settings-schema", &schema, "backend", &backend, "path", &path, NULL);
  delayed = g_settings_new_full (schema, backend, path);
  g_settings_delay (delayed);
  return delayed;
}

static void
bind_criteria (WaymarkWorkspace *self)
{
  GSettings *fs;
  GObject *c = G_OBJECT (self->criteria);
  const GSettingsBindFlags flags = G_SETTINGS_BIND_DEFAULT;

  self->filter_settings = fs = filter_settings_new (self->settings);
  g_signal_connect (fs, "notify::has-unapplied", G_CALLBACK (on_filter_settings_unapplied), self);
  g_settings_bind_with_mapping (fs, "filter-search", c, "search", flags,
                                search_get_mapping, search_set_mapping, NULL, NULL);
  g_settings_bind (fs, "filter-levels", c, "levels", flags);
  g_settings_bind (fs, "filter-focus", c, "focus", flags);
  g_settings_bind (fs, "filter-works-with", c, "works-with", flags);
  g_settings_bind_with_mapping (fs, "filter-min-evidence", c, "min-evidence", flags,
                                minimum_get_mapping, minimum_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (fs, "filter-min-impact", c, "min-impact", flags,
                                minimum_get_mapping, minimum_set_mapping, NULL, NULL);
  g_settings_bind (fs, "filter-llr-status", c, "llr-status", flags);
  g_settings_bind (fs, "filter-cost-published", c, "cost-published", flags);
  g_settings_bind (fs, "filter-max-cost", c, "max-cost", flags);
  g_settings_bind (fs, "filter-age-groups", c, "age-groups", flags);
  g_settings_bind (fs, "filter-option-status", c, "option-status", flags);
}

static void
unbind_criteria (WaymarkWorkspace *self)
{
  guint n_pspecs;
  g_autofree GParamSpec **pspecs =
    g_object_class_list_properties (G_OBJECT_GET_CLASS (self->criteria), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    g_settings_unbind (self->criteria, pspecs[i]->name);
}

/* The sort key in the settings: its id in the sort keys' table; an id not in it is the name. */

static gboolean
sort_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const WaymarkChoice *key = waymark_choice_lookup_id (WAYMARK_TYPE_SORT_KEY,
                                                       g_variant_get_string (variant, NULL));

  g_value_set_enum (value, key != NULL ? key->value : WAYMARK_SORT_NAME);
  return TRUE;
}

static GVariant *
sort_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const WaymarkChoice *key = waymark_choice_lookup (WAYMARK_TYPE_SORT_KEY,
                                                    g_value_get_enum (value));

  return g_variant_new_string (key != NULL ? key->id : "name");
}

/* The selection: the one intervention read in the detail, by its id, looked up again in each
 * catalogue; a catalogue without it leaves nothing selected. */
static void
take_selected (WaymarkWorkspace    *self,
               WaymarkIntervention *item)
{
  if (item != NULL)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (waymark_intervention_get_id (item));
    }
  else if (self->catalogue != NULL)
    g_clear_pointer (&self->selected_id, g_free);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "selected-intervention",
                           self->selected_id != NULL ? self->selected_id : "");
  if (g_set_object (&self->selected, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
find_selected (WaymarkWorkspace *self)
{
  WaymarkIntervention *item = NULL;

  if (self->catalogue == NULL)
    return;
  if (self->selected_id != NULL)
    item = waymark_catalogue_lookup (self->catalogue, self->selected_id);
  take_selected (self, item);
}

/* The comparison in the settings: its ids, in the person's order. */

static void
on_comparison_items_changed (GListModel       *model,
                             guint             position,
                             guint             removed,
                             guint             added,
                             WaymarkWorkspace *self)
{
  g_auto(GStrv) ids = waymark_comparison_dup_ids (self->comparison);

  g_settings_set_strv (self->settings, "comparison", (const char * const *) ids);
}

/* The catalogue may come before or after the settings are read: the saved set is restored once
 * there is a catalogue to find it in, unless the person has compared something meanwhile. */
static void
restore_comparison (WaymarkWorkspace *self)
{
  g_auto(GStrv) ids = NULL;

  if (self->settings == NULL || self->catalogue == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->comparison)) > 0)
    return;

  ids = g_settings_get_strv (self->settings, "comparison");
  waymark_comparison_set_ids (self->comparison, (const char * const *) ids);
}

/* GObject */

static void
waymark_workspace_constructed (GObject *object)
{
  WaymarkWorkspace *self = WAYMARK_WORKSPACE (object);

  G_OBJECT_CLASS (waymark_workspace_parent_class)->constructed (object);

  if (self->settings == NULL)
    return;

  self->selected_id = g_settings_get_string (self->settings, "selected-intervention");
  if (*self->selected_id == '\0')
    g_clear_pointer (&self->selected_id, g_free);
  find_selected (self);
  g_settings_bind_with_mapping (self->settings, "sort", self, "sort-key",
                                G_SETTINGS_BIND_DEFAULT, sort_get_mapping, sort_set_mapping,
                                NULL, NULL);
  bind_criteria (self);
  restore_comparison (self);
  g_signal_connect (self->comparison, "items-changed", G_CALLBACK (on_comparison_items_changed),
                    self);
}

static void
waymark_workspace_dispose (GObject *object)
{
  WaymarkWorkspace *self = WAYMARK_WORKSPACE (object);

  /* What is still waiting for an idle moment is written now, never lost; after that, whoever
   * still holds the criteria or the comparison no longer reaches the settings. */
  waymark_workspace_write_settings (self);
  if (self->filter_settings != NULL)
    {
      unbind_criteria (self);
      g_signal_handlers_disconnect_by_data (self->filter_settings, self);
    }
  if (self->comparison != NULL)
    g_signal_handlers_disconnect_by_data (self->comparison, self);
  if (self->settings != NULL)
    g_settings_unbind (self, "sort-key");

  g_clear_object (&self->filter_settings);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->criteria);
  g_clear_object (&self->comparison);
  g_clear_object (&self->document);
  g_clear_object (&self->selected);

  G_OBJECT_CLASS (waymark_workspace_parent_class)->dispose (object);
}

static void
waymark_workspace_finalize (GObject *object)
{
  WaymarkWorkspace *self = WAYMARK_WORKSPACE (object);

  g_free (self->selected_id);

  G_OBJECT_CLASS (waymark_workspace_parent_class)->finalize (object);
}

static void
waymark_workspace_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WaymarkWorkspace *self = WAYMARK_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_CATALOGUE:
      g_value_set_object (value, self->catalogue);
      break;
    case PROP_CRITERIA:
      g_value_set_object (value, self->criteria);
      break;
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    case PROP_PLAN_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SORT_KEY:
      g_value_set_enum (value, self->sort_key);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_workspace_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WaymarkWorkspace *self = WAYMARK_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_CATALOGUE:
      waymark_workspace_set_catalogue (self, g_value_get_object (value));
      break;
    case PROP_SORT_KEY:
      waymark_workspace_set_sort_key (self, g_value_get_enum (value));
      break;
    case PROP_SELECTED:
      waymark_workspace_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_workspace_class_init (WaymarkWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = waymark_workspace_constructed;
  object_class->dispose = waymark_workspace_dispose;
  object_class->finalize = waymark_workspace_finalize;
  object_class->get_property = waymark_workspace_get_property;
  object_class->set_property = waymark_workspace_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOGUE] =
    g_param_spec_object ("catalogue", NULL, NULL, WAYMARK_TYPE_CATALOGUE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CRITERIA] =
    g_param_spec_object ("criteria", NULL, NULL, WAYMARK_TYPE_CRITERIA, ro);
  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, WAYMARK_TYPE_COMPARISON, ro);
  properties[PROP_PLAN_DOCUMENT] =
    g_param_spec_object ("plan-document", NULL, NULL, WAYMARK_TYPE_PLAN_DOCUMENT, ro);
  properties[PROP_SORT_KEY] =
    g_param_spec_enum ("sort-key", NULL, NULL, WAYMARK_TYPE_SORT_KEY, WAYMARK_SORT_NAME,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, WAYMARK_TYPE_INTERVENTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* The parts exist before any property is set: setting the catalogue hands it on to them. */
static void
waymark_workspace_init (WaymarkWorkspace *self)
{
  self->criteria = waymark_criteria_new ();
  self->comparison = waymark_comparison_new (NULL);
  self->document = waymark_plan_document_new (NULL, NULL);
}

WaymarkWorkspace *
waymark_workspace_new (WaymarkCatalogue *catalogue,
                       GSettings        *settings)
{
  g_return_val_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (WAYMARK_TYPE_WORKSPACE,
                       "settings", settings,
                       "catalogue", catalogue,
                       NULL);
}

GSettings *
waymark_workspace_get_settings (WaymarkWorkspace *self)
{
  g_return_val_if_fail (WAYMARK_IS_WORKSPACE (self), NULL);
  return self->settings;
}

WaymarkCatalogue *
waymark_workspace_get_catalogue (WaymarkWorkspace *self)
{
  g_return_val_if_fail (WAYMARK_IS_WORKSPACE (self), NULL);
  return self->catalogue;
}

void
waymark_workspace_set_catalogue (WaymarkWorkspace *self,
                                 WaymarkCatalogue *catalogue)
{
  g_return_if_fail (WAYMARK_IS_WORKSPACE (self));
  g_return_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue));

  if (!g_set_object (&self->catalogue, catalogue))
    return;

  waymark_plan_document_set_catalogue (self->document, catalogue);
  waymark_comparison_set_catalogue (self->comparison, catalogue);
  restore_comparison (self);
  find_selected (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOGUE]);
}

WaymarkCriteria *
waymark_workspace_get_criteria (WaymarkWorkspace *self)
{
  g_return_val_if_fail (WAYMARK_IS_WORKSPACE (self), NULL);
  return self->criteria;
}

WaymarkComparison *
waymark_workspace_get_comparison (WaymarkWorkspace *self)
{
  g_return_val_if_fail (WAYMARK_IS_WORKSPACE (self), NULL);
  return self->comparison;
}

WaymarkPlanDocument *
waymark_workspace_get_plan_document (WaymarkWorkspace *self)
{
  g_return_val_if_fail (WAYMARK_IS_WORKSPACE (self), NULL);
  return self->document;
}

void
waymark_workspace_write_settings (WaymarkWorkspace *self)
{
  g_return_if_fail (WAYMARK_IS_WORKSPACE (self));

  g_clear_handle_id (&self->filter_settings_idle, g_source_remove);
  if (self->filter_settings != NULL && g_settings_get_has_unapplied (self->filter_settings))
    g_settings_apply (self->filter_settings);
}

WaymarkSortKey
waymark_workspace_get_sort_key (WaymarkWorkspace *self)
{
  g_return_val_if_fail (WAYMARK_IS_WORKSPACE (self), WAYMARK_SORT_NAME);
  return self->sort_key;
}

void
waymark_workspace_set_sort_key (WaymarkWorkspace *self,
                                WaymarkSortKey    key)
{
  g_return_if_fail (WAYMARK_IS_WORKSPACE (self));
  g_return_if_fail (waymark_choice_lookup (WAYMARK_TYPE_SORT_KEY, key) != NULL);

  if (self->sort_key == key)
    return;
  self->sort_key = key;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_KEY]);
}

WaymarkIntervention *
waymark_workspace_get_selected (WaymarkWorkspace *self)
{
  g_return_val_if_fail (WAYMARK_IS_WORKSPACE (self), NULL);
  return self->selected;
}

void
waymark_workspace_set_selected (WaymarkWorkspace    *self,
                                WaymarkIntervention *item)
{
  g_return_if_fail (WAYMARK_IS_WORKSPACE (self));
  g_return_if_fail (item == NULL || WAYMARK_IS_INTERVENTION (item));
  /* Only what the catalogue lists can be selected. */
  g_return_if_fail (item == NULL || (self->catalogue != NULL &&
                                     waymark_catalogue_lookup (self->catalogue,
                                                               waymark_intervention_get_id (item)) == item));

  if (self->selected == item)
    return;
  take_selected (self, item);
}
