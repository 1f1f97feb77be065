/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "waymark-compare-toggle.h"
#include "waymark-intervention-row.h"
#include "waymark-rating-badge.h"

struct _WaymarkInterventionRow
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel           *name_label;
  GtkWidget          *status_marker;
  GtkLabel           *status_label;
  GtkLabel           *summary_label;
  WaymarkRatingBadge *evidence_badge;
  WaymarkRatingBadge *impact_badge;
  GtkLabel           *meta_label;
  GtkLabel           *found_label;
  GtkWidget          *add_button;
  WaymarkCompareToggle *compare_button;

  /* Owned */
  WaymarkIntervention *intervention;
  WaymarkComparison   *comparison;  /* handed to the compare button */
  WaymarkPlanDocument *document;    /* whose plan the add button looks in */
  GSignalGroup        *document_signals;
  GSignalGroup        *plan_signals;
  WaymarkCriteria     *criteria;    /* whose search the found line explains */
  GSignalGroup        *criteria_signals;
};

G_DEFINE_FINAL_TYPE (WaymarkInterventionRow, waymark_intervention_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_INTERVENTION,
  PROP_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
waymark_intervention_format_cost (WaymarkIntervention *intervention)
{
  const WaymarkCost *cost = waymark_intervention_get_cost (intervention);

  if (cost == NULL)
    return g_strdup (_("No published cost"));

  return waymark_cost_format (cost);
}

/* The add button adds, or, for an intervention already in the plan, shows it there (a second
 * add would only show it too): a tick, and a name that says so. */
static void
update_add_button (WaymarkInterventionRow *self)
{
  WaymarkIntervention *item = self->intervention;
  WaymarkPlan *plan = self->document != NULL ? waymark_plan_document_get_plan (self->document)
                                             : NULL;
  const char *id;
  gboolean in_plan;
  g_autofree char *a11y = NULL;

  if (item == NULL)
    return;

  id = waymark_intervention_get_id (item);
  in_plan = plan != NULL && waymark_plan_find_item (plan, id, NULL) != NULL;
  /* The target first: the action takes a string, and a button naming it without one warns. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->add_button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button),
                                  in_plan ? "win.show-plan-item" : "win.add-to-plan");
  gtk_button_set_icon_name (GTK_BUTTON (self->add_button),
                            in_plan ? "object-select-symbolic" : "list-add-symbolic");
  gtk_widget_set_tooltip_text (self->add_button, in_plan ? _("In the Plan: Show It")
                                                         : _("Add to Plan"));
  a11y = in_plan
    /* Translators: what a screen reader says for a row's button when the intervention is in
     * the plan; %s is a name */
    ? g_strdup_printf (_("“%s” is in the plan: show it"), waymark_intervention_get_name (item))
    /* Translators: what a screen reader says for a row's add button; %s is a name */
    : g_strdup_printf (_("Add “%s” to the plan"), waymark_intervention_get_name (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static void
on_document_plan (WaymarkInterventionRow *self)
{
  g_signal_group_set_target (self->plan_signals,
                             waymark_plan_document_get_plan (self->document));
  update_add_button (self);
}

/* Found by a search in the review's text, not in the name or summary the row shows: where,
 * and the review's words there. The heading is bold; the excerpt is text, never markup. */
static void
update_found (WaymarkInterventionRow *self)
{
  const char *heading = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *line = NULL;
  g_autoptr(PangoAttrList) attributes = NULL;
  PangoAttribute *bold;

  if (self->intervention == NULL || self->criteria == NULL ||
      !waymark_criteria_find_in_text (self->criteria, self->intervention, &heading, &excerpt))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->found_label), FALSE);
      return;
    }

  /* Translators: under an intervention found by a search: "Evidence: …a few of the review's
   * words…"; %s is a heading of the detail pane */
  line = g_strdup_printf (_("%s: %s"), heading, excerpt);
  attributes = pango_attr_list_new ();
  bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  bold->start_index = 0;
  bold->end_index = (guint) (strstr (line, heading) - line + strlen (heading));
  pango_attr_list_insert (attributes, bold);
  gtk_label_set_label (self->found_label, line);
  gtk_label_set_attributes (self->found_label, attributes);
  gtk_widget_set_visible (GTK_WIDGET (self->found_label), TRUE);
}

static void
update (WaymarkInterventionRow *self)
{
  WaymarkIntervention *item = self->intervention;
  g_autofree char *levels = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *meta = NULL;
  WaymarkLlrStatus status;

  if (item == NULL)
    return;

  levels = waymark_flags_format_labels (WAYMARK_TYPE_LEVEL, waymark_intervention_get_levels (item));
  cost = waymark_intervention_format_cost (item);
  /* Translators: level of prevention · focus · cost, under an intervention's name */
  meta = g_strdup_printf (_("%s · %s · %s"), levels,
                          waymark_focus_get_label (waymark_intervention_get_focus (item)), cost);

  gtk_label_set_label (self->name_label, waymark_intervention_get_name (item));
  gtk_label_set_label (self->summary_label, waymark_intervention_get_summary (item));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label),
                               waymark_intervention_get_summary (item));
  gtk_label_set_label (self->meta_label, meta);
  waymark_rating_badge_set_rating (self->evidence_badge,
                                   waymark_intervention_get_evidence_rating (item));
  waymark_rating_badge_set_rating (self->impact_badge,
                                   waymark_intervention_get_impact_rating (item));

  update_add_button (self);
  update_found (self);

  waymark_compare_toggle_set_intervention (self->compare_button, item);

  status = waymark_intervention_get_llr_status (item);
  gtk_widget_set_visible (self->status_marker,
                          status == WAYMARK_LLR_STATUS_IN_PLACE ||
                          status == WAYMARK_LLR_STATUS_SIMILAR_IN_PLACE);
  gtk_label_set_label (self->status_label, status == WAYMARK_LLR_STATUS_IN_PLACE
                                           ? _("In place in LLR") : _("Similar in LLR"));
  gtk_widget_set_tooltip_text (self->status_marker, waymark_llr_status_get_label (status));
  if (status == WAYMARK_LLR_STATUS_IN_PLACE)
    gtk_widget_add_css_class (self->status_marker, "in-place");
  else
    gtk_widget_remove_css_class (self->status_marker, "in-place");
}

static void
on_click_released (GtkGestureClick        *gesture,
                   int                     n_press,
                   double                  x,
                   double                  y,
                   WaymarkInterventionRow *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (self->intervention == NULL || n_press != 1)
    return;
  /* Ctrl+click and Shift+click select several; the list does that. */
  if (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-intervention", "s",
                              waymark_intervention_get_id (self->intervention));
}

static void
waymark_intervention_row_dispose (GObject *object)
{
  WaymarkInterventionRow *self = WAYMARK_INTERVENTION_ROW (object);

  g_signal_group_set_target (self->document_signals, NULL);
  g_signal_group_set_target (self->plan_signals, NULL);
  g_signal_group_set_target (self->criteria_signals, NULL);
  g_clear_object (&self->document);
  g_clear_object (&self->criteria);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_INTERVENTION_ROW);
  /* dispose_template only unparents the children it named. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->intervention);
  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (waymark_intervention_row_parent_class)->dispose (object);
}

static void
waymark_intervention_row_finalize (GObject *object)
{
  WaymarkInterventionRow *self = WAYMARK_INTERVENTION_ROW (object);

  /* Kept until now so that a setter called after dispose is still safe */
  g_clear_object (&self->document_signals);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->criteria_signals);

  G_OBJECT_CLASS (waymark_intervention_row_parent_class)->finalize (object);
}

static void
waymark_intervention_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  WaymarkInterventionRow *self = WAYMARK_INTERVENTION_ROW (object);

  switch (prop_id)
    {
    case PROP_INTERVENTION:
      g_value_set_object (value, self->intervention);
      break;
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_intervention_row_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  WaymarkInterventionRow *self = WAYMARK_INTERVENTION_ROW (object);

  switch (prop_id)
    {
    case PROP_INTERVENTION:
      waymark_intervention_row_set_intervention (self, g_value_get_object (value));
      break;
    case PROP_COMPARISON:
      waymark_intervention_row_set_comparison (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_intervention_row_class_init (WaymarkInterventionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_intervention_row_dispose;
  object_class->finalize = waymark_intervention_row_finalize;
  object_class->get_property = waymark_intervention_row_get_property;
  object_class->set_property = waymark_intervention_row_set_property;

  properties[PROP_INTERVENTION] =
    g_param_spec_object ("intervention", NULL, NULL, WAYMARK_TYPE_INTERVENTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, WAYMARK_TYPE_COMPARISON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WAYMARK_TYPE_RATING_BADGE);
  g_type_ensure (WAYMARK_TYPE_COMPARE_TOGGLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-intervention-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkInterventionRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInterventionRow, status_marker);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInterventionRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInterventionRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInterventionRow, evidence_badge);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInterventionRow, impact_badge);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInterventionRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInterventionRow, found_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInterventionRow, add_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInterventionRow, compare_button);
  gtk_widget_class_bind_template_callback (widget_class, on_click_released);

  gtk_widget_class_set_css_name (widget_class, "interventionrow");
}

static void
waymark_intervention_row_init (WaymarkInterventionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self, "comparison", self->compare_button, "comparison",
                          G_BINDING_SYNC_CREATE);

  self->document_signals = g_signal_group_new (WAYMARK_TYPE_PLAN_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::plan",
                                  G_CALLBACK (on_document_plan), self);
  self->plan_signals = g_signal_group_new (WAYMARK_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "items-changed",
                                  G_CALLBACK (update_add_button), self);
  self->criteria_signals = g_signal_group_new (WAYMARK_TYPE_CRITERIA);
  g_signal_group_connect_swapped (self->criteria_signals, "notify::search",
                                  G_CALLBACK (update_found), self);
}

void
waymark_intervention_row_set_criteria (WaymarkInterventionRow *self,
                                       WaymarkCriteria        *criteria)
{
  g_return_if_fail (WAYMARK_IS_INTERVENTION_ROW (self));
  g_return_if_fail (criteria == NULL || WAYMARK_IS_CRITERIA (criteria));

  if (!g_set_object (&self->criteria, criteria))
    return;
  g_signal_group_set_target (self->criteria_signals, criteria);
  update_found (self);
}

GtkWidget *
waymark_intervention_row_get_found_label (WaymarkInterventionRow *self)
{
  g_return_val_if_fail (WAYMARK_IS_INTERVENTION_ROW (self), NULL);
  return GTK_WIDGET (self->found_label);
}

void
waymark_intervention_row_set_plan_document (WaymarkInterventionRow *self,
                                            WaymarkPlanDocument    *document)
{
  g_return_if_fail (WAYMARK_IS_INTERVENTION_ROW (self));
  g_return_if_fail (document == NULL || WAYMARK_IS_PLAN_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->plan_signals,
                             document != NULL ? waymark_plan_document_get_plan (document) : NULL);
  update_add_button (self);
}

GtkWidget *
waymark_intervention_row_new (void)
{
  return g_object_new (WAYMARK_TYPE_INTERVENTION_ROW, NULL);
}

GtkWidget *
waymark_intervention_row_get_compare_button (WaymarkInterventionRow *self)
{
  g_return_val_if_fail (WAYMARK_IS_INTERVENTION_ROW (self), NULL);
  return GTK_WIDGET (self->compare_button);
}

GtkWidget *
waymark_intervention_row_get_add_button (WaymarkInterventionRow *self)
{
  g_return_val_if_fail (WAYMARK_IS_INTERVENTION_ROW (self), NULL);
  return self->add_button;
}

WaymarkIntervention *
waymark_intervention_row_get_intervention (WaymarkInterventionRow *self)
{
  g_return_val_if_fail (WAYMARK_IS_INTERVENTION_ROW (self), NULL);
  return self->intervention;
}

void
waymark_intervention_row_set_intervention (WaymarkInterventionRow *self,
                                           WaymarkIntervention    *intervention)
{
  g_return_if_fail (WAYMARK_IS_INTERVENTION_ROW (self));
  g_return_if_fail (intervention == NULL || WAYMARK_IS_INTERVENTION (intervention));

  if (!g_set_object (&self->intervention, intervention))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVENTION]);
}

WaymarkComparison *
waymark_intervention_row_get_comparison (WaymarkInterventionRow *self)
{
  g_return_val_if_fail (WAYMARK_IS_INTERVENTION_ROW (self), NULL);
  return self->comparison;
}

void
waymark_intervention_row_set_comparison (WaymarkInterventionRow *self,
                                         WaymarkComparison      *comparison)
{
  g_return_if_fail (WAYMARK_IS_INTERVENTION_ROW (self));
  g_return_if_fail (comparison == NULL || WAYMARK_IS_COMPARISON (comparison));

  if (!g_set_object (&self->comparison, comparison))
    return;

  /* The compare button follows through the binding made in _init. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}
