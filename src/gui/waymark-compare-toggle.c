/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-gui-a11y.h"
#include "waymark-compare-toggle.h"

struct _WaymarkCompareToggle
{
  GtkToggleButton parent_instance;

  /* Owned */
  WaymarkIntervention *intervention;
  WaymarkComparison   *comparison;  /* handed down by whoever made the toggle */
  GSignalGroup        *comparison_signals;
  gboolean             syncing;
};

G_DEFINE_FINAL_TYPE (WaymarkCompareToggle, waymark_compare_toggle, GTK_TYPE_TOGGLE_BUTTON)

enum {
  PROP_0,
  PROP_INTERVENTION,
  PROP_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sync_state (WaymarkCompareToggle *self)
{
  const char *id = self->intervention != NULL ? waymark_intervention_get_id (self->intervention) : NULL;
  const char *name = self->intervention != NULL ? waymark_intervention_get_name (self->intervention) : "";
  gboolean compared = id != NULL && self->comparison != NULL &&
                      waymark_comparison_contains (self->comparison, id);
  g_autofree char *a11y = NULL;

  self->syncing = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self), compared);
  self->syncing = FALSE;

  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               compared ? _("Remove from Comparison") : _("Add to Comparison"));
  if (compared)
    /* Translators: what a screen reader says for a compare toggle; %s is a name */
    a11y = g_strdup_printf (_("Remove “%s” from the comparison"), name);
  else
    /* Translators: what a screen reader says for a compare toggle; %s is a name */
    a11y = g_strdup_printf (_("Add “%s” to the comparison"), name);
  /* Not labelled by its "_Compare" label as well (issue 13). */
  waymark_a11y_name_only_by_label (GTK_WIDGET (self), a11y);
}

static void
on_comparison_items_changed (GListModel           *model,
                             guint                 position,
                             guint                 removed,
                             guint                 added,
                             WaymarkCompareToggle *self)
{
  sync_state (self);
}

static void
waymark_compare_toggle_toggled (GtkToggleButton *button)
{
  WaymarkCompareToggle *self = WAYMARK_COMPARE_TOGGLE (button);

  if (GTK_TOGGLE_BUTTON_CLASS (waymark_compare_toggle_parent_class)->toggled != NULL)
    GTK_TOGGLE_BUTTON_CLASS (waymark_compare_toggle_parent_class)->toggled (button);

  if (self->syncing || self->intervention == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self),
                              gtk_toggle_button_get_active (button) ? "win.compare" : "win.uncompare",
                              "s", waymark_intervention_get_id (self->intervention));
  sync_state (self);
}

static void
waymark_compare_toggle_dispose (GObject *object)
{
  WaymarkCompareToggle *self = WAYMARK_COMPARE_TOGGLE (object);

  g_signal_group_set_target (self->comparison_signals, NULL);
  g_clear_object (&self->comparison);
  g_clear_object (&self->intervention);

  G_OBJECT_CLASS (waymark_compare_toggle_parent_class)->dispose (object);
}

static void
waymark_compare_toggle_finalize (GObject *object)
{
  WaymarkCompareToggle *self = WAYMARK_COMPARE_TOGGLE (object);

  /* Kept until now so that a setter called after dispose is still safe */
  g_clear_object (&self->comparison_signals);

  G_OBJECT_CLASS (waymark_compare_toggle_parent_class)->finalize (object);
}

static void
waymark_compare_toggle_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  WaymarkCompareToggle *self = WAYMARK_COMPARE_TOGGLE (object);

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
waymark_compare_toggle_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  WaymarkCompareToggle *self = WAYMARK_COMPARE_TOGGLE (object);

  switch (prop_id)
    {
    case PROP_INTERVENTION:
      waymark_compare_toggle_set_intervention (self, g_value_get_object (value));
      break;
    case PROP_COMPARISON:
      waymark_compare_toggle_set_comparison (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_compare_toggle_class_init (WaymarkCompareToggleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkToggleButtonClass *toggle_class = GTK_TOGGLE_BUTTON_CLASS (klass);

  object_class->dispose = waymark_compare_toggle_dispose;
  object_class->finalize = waymark_compare_toggle_finalize;
  object_class->get_property = waymark_compare_toggle_get_property;
  object_class->set_property = waymark_compare_toggle_set_property;
  toggle_class->toggled = waymark_compare_toggle_toggled;

  properties[PROP_INTERVENTION] =
    g_param_spec_object ("intervention", NULL, NULL, WAYMARK_TYPE_INTERVENTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, WAYMARK_TYPE_COMPARISON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
waymark_compare_toggle_init (WaymarkCompareToggle *self)
{
  self->comparison_signals = g_signal_group_new (WAYMARK_TYPE_COMPARISON);
  g_signal_group_connect (self->comparison_signals, "items-changed",
                          G_CALLBACK (on_comparison_items_changed), self);
  sync_state (self);
}

GtkWidget *
waymark_compare_toggle_new (void)
{
  return g_object_new (WAYMARK_TYPE_COMPARE_TOGGLE, NULL);
}

WaymarkIntervention *
waymark_compare_toggle_get_intervention (WaymarkCompareToggle *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_TOGGLE (self), NULL);
  return self->intervention;
}

void
waymark_compare_toggle_set_intervention (WaymarkCompareToggle *self,
                                         WaymarkIntervention  *intervention)
{
  g_return_if_fail (WAYMARK_IS_COMPARE_TOGGLE (self));
  g_return_if_fail (intervention == NULL || WAYMARK_IS_INTERVENTION (intervention));

  if (!g_set_object (&self->intervention, intervention))
    return;

  sync_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVENTION]);
}

WaymarkComparison *
waymark_compare_toggle_get_comparison (WaymarkCompareToggle *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_TOGGLE (self), NULL);
  return self->comparison;
}

void
waymark_compare_toggle_set_comparison (WaymarkCompareToggle *self,
                                       WaymarkComparison    *comparison)
{
  g_return_if_fail (WAYMARK_IS_COMPARE_TOGGLE (self));
  g_return_if_fail (comparison == NULL || WAYMARK_IS_COMPARISON (comparison));

  if (self->comparison == comparison)
    return;

  g_set_object (&self->comparison, comparison);
  g_signal_group_set_target (self->comparison_signals, comparison);

  sync_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}
