/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "waymark-gui-a11y.h"
#include "waymark-plan-warnings.h"

struct _WaymarkPlanWarnings
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkListBox *list;
  GtkLabel   *dismissed_label;

  /* Owned */
  WaymarkPlan  *plan;
  GSignalGroup *plan_signals;
  char         *shown;        /* what the list shows: each warning's id and message, and how
                                 many are dismissed; NULL before the first build */
  guint         rebuild_idle;
};

G_DEFINE_FINAL_TYPE (WaymarkPlanWarnings, waymark_plan_warnings, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_dismiss_clicked (GtkButton           *button,
                    WaymarkPlanWarnings *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "warning-id"));

  /* The list is rebuilt by the change this makes; the button goes with it. */
  if (self->plan != NULL)
    waymark_plan_dismiss_warning (self->plan, id);
}

static GtkWidget *
warning_row_new (WaymarkPlanWarnings *self,
                 WaymarkPlanWarning  *warning)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Dismiss"));
  g_autofree char *a11y = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), warning->message);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (warning->quote != NULL)
    {
      /* Translators: under a warning: the review's words, then the heading they are under */
      g_autofree char *cited = g_strdup_printf (_("“%s”, the review, under “%s”"),
                                                warning->quote, warning->section);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cited);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Dismiss this warning for this plan"));
  /* Translators: what a screen reader says for a warning's dismiss button; %s is the warning */
  a11y = g_strdup_printf (_("Dismiss: %s"), warning->message);
  /* Not labelled by its "_Dismiss" as well: "Dismiss: … Dismiss" (issue 13). */
  waymark_a11y_name_only_by_label (button, a11y);
  g_object_set_data_full (G_OBJECT (button), "warning-id", g_strdup (warning->id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_dismiss_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* What the list would show for the plan's warnings now. */
static char *
dup_shown (GPtrArray *warnings)
{
  GString *out = g_string_new (NULL);
  guint n_dismissed = 0;

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      WaymarkPlanWarning *warning = g_ptr_array_index (warnings, i);

      if (warning->dismissed)
        n_dismissed++;
      else
        g_string_append_printf (out, "%s\x1f%s\x1e", warning->id, warning->message);
    }
  g_string_append_printf (out, "%u", n_dismissed);
  return g_string_free (out, FALSE);
}

static void
rebuild (WaymarkPlanWarnings *self)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *child;
  guint n_dismissed = 0;
  guint n_shown = 0;

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  if (self->plan != NULL)
    warnings = waymark_plan_list_warnings (self->plan);

  /* The same warnings keep the same rows, and whatever has the focus in them. */
  shown = dup_shown (warnings);
  if (g_strcmp0 (shown, self->shown) == 0)
    return;
  g_free (self->shown);
  self->shown = g_steal_pointer (&shown);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      WaymarkPlanWarning *warning = g_ptr_array_index (warnings, i);

      if (warning->dismissed)
        {
          n_dismissed++;
          continue;
        }
      gtk_list_box_append (self->list, warning_row_new (self, warning));
      n_shown++;
    }

  if (n_shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                      "icon-name", "emblem-ok-symbolic",
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                      NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No warnings"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->list, row);
    }

  if (n_dismissed > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u dismissed warning is hidden; Undo brings it back.",
                                   "%u dismissed warnings are hidden; Undo brings them back.",
                                   n_dismissed), n_dismissed);
      gtk_label_set_label (self->dismissed_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->dismissed_label), n_dismissed > 0);
}

static void
on_rebuild_idle (gpointer data)
{
  WaymarkPlanWarnings *self = data;

  self->rebuild_idle = 0;
  rebuild (self);
}

/* Never at once: an edit can be made inside GTK's own focus change (a field applies what was
 * typed in it as the focus leaves it), and rows taken away there were then used by GTK (the
 * GUI monkey's seed 42: the focus going to a warning's row as a start year was applied). */
static void
on_plan_changed (WaymarkPlan         *plan,
                 WaymarkPlanWarnings *self)
{
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add_once (on_rebuild_idle, self);
}

static void
waymark_plan_warnings_dispose (GObject *object)
{
  WaymarkPlanWarnings *self = WAYMARK_PLAN_WARNINGS (object);

  g_signal_group_set_target (self->plan_signals, NULL);
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_PLAN_WARNINGS);

  G_OBJECT_CLASS (waymark_plan_warnings_parent_class)->dispose (object);
}

static void
waymark_plan_warnings_finalize (GObject *object)
{
  WaymarkPlanWarnings *self = WAYMARK_PLAN_WARNINGS (object);

  /* Kept until now so that a setter called after dispose is still safe */
  g_clear_object (&self->plan_signals);
  g_free (self->shown);

  G_OBJECT_CLASS (waymark_plan_warnings_parent_class)->finalize (object);
}

static void
waymark_plan_warnings_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  WaymarkPlanWarnings *self = WAYMARK_PLAN_WARNINGS (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_plan_warnings_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  WaymarkPlanWarnings *self = WAYMARK_PLAN_WARNINGS (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      waymark_plan_warnings_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_plan_warnings_class_init (WaymarkPlanWarningsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_plan_warnings_dispose;
  object_class->finalize = waymark_plan_warnings_finalize;
  object_class->get_property = waymark_plan_warnings_get_property;
  object_class->set_property = waymark_plan_warnings_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, WAYMARK_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-plan-warnings.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanWarnings, list);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanWarnings, dismissed_label);

  gtk_widget_class_set_css_name (widget_class, "planwarnings");
}

static void
waymark_plan_warnings_init (WaymarkPlanWarnings *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->plan_signals = g_signal_group_new (WAYMARK_TYPE_PLAN);
  g_signal_group_connect (self->plan_signals, "changed", G_CALLBACK (on_plan_changed), self);
  rebuild (self);
}

GtkWidget *
waymark_plan_warnings_new (void)
{
  return g_object_new (WAYMARK_TYPE_PLAN_WARNINGS, NULL);
}

WaymarkPlan *
waymark_plan_warnings_get_plan (WaymarkPlanWarnings *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_WARNINGS (self), NULL);
  return self->plan;
}

void
waymark_plan_warnings_set_plan (WaymarkPlanWarnings *self,
                                WaymarkPlan         *plan)
{
  g_return_if_fail (WAYMARK_IS_PLAN_WARNINGS (self));
  g_return_if_fail (plan == NULL || WAYMARK_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  g_set_object (&self->plan, plan);
  g_signal_group_set_target (self->plan_signals, plan);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

char *
waymark_plan_warnings_dup_shown_ids (WaymarkPlanWarnings *self)
{
  GString *out;

  g_return_val_if_fail (WAYMARK_IS_PLAN_WARNINGS (self), NULL);

  out = g_string_new (NULL);
  if (self->plan != NULL)
    {
      g_autoptr(GPtrArray) warnings = waymark_plan_list_warnings (self->plan);

      for (guint i = 0; i < warnings->len; i++)
        {
          WaymarkPlanWarning *warning = g_ptr_array_index (warnings, i);

          if (!warning->dismissed && waymark_plan_warnings_get_dismiss_button (self, warning->id))
            g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", warning->id);
        }
    }

  return g_string_free (out, FALSE);
}

static GtkWidget *
find_dismiss_button (GtkWidget  *widget,
                     const char *warning_id)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (g_object_get_data (G_OBJECT (widget), "warning-id"), warning_id) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_dismiss_button (child, warning_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
waymark_plan_warnings_get_dismiss_button (WaymarkPlanWarnings *self,
                                          const char          *warning_id)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_WARNINGS (self), NULL);

  if (warning_id == NULL)
    return NULL;

  return find_dismiss_button (GTK_WIDGET (self->list), warning_id);
}
