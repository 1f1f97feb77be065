/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-gui-format.h"
#include "waymark-window-private.h"

/* Undo where it can be seen: the plan's Undo and Redo (the header's buttons on the Plan page,
 * the main menu, Ctrl+Z and Ctrl+Shift+Z), and a notification with Undo after the two things
 * that throw work away at one click: removing an item from the plan, and clearing the
 * comparison (which has no history of its own, so its notification puts the set back).
 *
 * A notification's Undo undoes what it reports and nothing else: the next change to the plan
 * (or to the comparison) dismisses it. It shows at once, ahead of any "Added …" still waiting:
 * an offer to undo is worth only what it is worth now. */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  waymark_plan_undo (WAYMARK_WINDOW (widget)->plan);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  waymark_plan_redo (WAYMARK_WINDOW (widget)->plan);
}

static void
dismiss_toast (AdwToast **toast)
{
  AdwToast *shown = *toast;

  if (shown == NULL)
    return;
  g_clear_weak_pointer (toast);
  adw_toast_dismiss (shown);
}

/* A plan item's Remove button: the item goes, as one undoable edit, and the notification says
 * which and offers Undo. */
static void
remove_plan_item_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  WaymarkIntervention *intervention = waymark_window_lookup (self, id);
  g_autofree char *message = NULL;
  AdwToast *toast;
  guint position;

  if (self->plan == NULL || waymark_plan_find_item (self->plan, id, &position) == NULL)
    return;

  waymark_plan_remove_item (self->plan, position);

  /* Translators: a notification; %s is an intervention's name */
  message = g_strdup_printf (_("Removed “%s” from the plan"),
                             intervention != NULL ? waymark_intervention_get_name (intervention) : id);
  toast = waymark_toast_new_for_text (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  dismiss_toast (&self->undo_toast);
  g_set_weak_pointer (&self->undo_toast, toast);
  waymark_window_add_toast (self, toast);
}

/* The Compare page's Clear Comparison: the set goes, and the notification can put it back. */
static void
clear_comparison_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  g_auto(GStrv) ids = waymark_comparison_dup_ids (self->comparison);
  AdwToast *toast;

  if (ids[0] == NULL)
    return;

  dismiss_toast (&self->restore_toast);
  waymark_comparison_clear (self->comparison);

  toast = waymark_toast_new_for_text (_("Comparison cleared"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.restore-comparison");
  adw_toast_set_action_target_value (toast, g_variant_new_strv ((const char * const *) ids, -1));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_set_weak_pointer (&self->restore_toast, toast);
  waymark_window_add_toast (self, toast);
}

static void
restore_comparison_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  g_autofree const char **ids = g_variant_get_strv (parameter, NULL);

  /* Only onto the empty set it left: anything compared since stays as it is. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->comparison)) > 0)
    return;
  waymark_comparison_set_ids (self->comparison, ids);
}

static void
on_plan_changed (WaymarkWindow *self)
{
  dismiss_toast (&self->undo_toast);
}

static void
on_comparison_changed (WaymarkWindow *self)
{
  dismiss_toast (&self->restore_toast);
}

void
waymark_window_undo_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.remove-plan-item", "s",
                                   remove_plan_item_action);
  gtk_widget_class_install_action (widget_class, "win.clear-comparison", NULL,
                                   clear_comparison_action);
  gtk_widget_class_install_action (widget_class, "win.restore-comparison", "as",
                                   restore_comparison_action);

  /* Widget bindings rather than application accelerators for undo: a text entry that has the
   * focus undoes its own typing first; the header's buttons undo the plan from anywhere. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}

/* From waymark_window_plan_init(), between making the plan's signal group and giving it the
 * plan: a GSignalGroup takes no handlers once it has a target. */
void
waymark_window_undo_init (WaymarkWindow *self)
{
  g_signal_group_connect_swapped (self->plan_signals, "changed", G_CALLBACK (on_plan_changed),
                                  self);
  g_signal_connect_object (self->comparison, "items-changed", G_CALLBACK (on_comparison_changed),
                           self, G_CONNECT_SWAPPED);
}

void
waymark_window_undo_dispose (WaymarkWindow *self)
{
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_weak_pointer (&self->restore_toast);
}
