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

/* Undoes `steps` edits of the plan: a notification's Undo for what was one removal to the
 * commissioner and two edits to the plan. */
static void
undo_steps_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WaymarkPlan *plan = WAYMARK_WINDOW (widget)->plan;

  for (guint i = g_variant_get_uint32 (parameter); i > 0 && waymark_plan_can_undo (plan); i--)
    waymark_plan_undo (plan);
}

/* A plan item's Remove button: the item goes, as one undoable edit, and the notification says
 * which and offers Undo. An item of a local service takes the service with it, a second edit:
 * the Plan page is the only place the service can be seen, so one left behind would be in the
 * file, in the way of its id, and out of reach. The notification's Undo puts both back. */
static void
remove_plan_item_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  WaymarkPlanItem *item;
  gboolean local;
  AdwToast *toast;
  guint position;

  if (self->plan == NULL || (item = waymark_plan_find_item (self->plan, id, &position)) == NULL)
    return;

  name = g_strdup (waymark_plan_item_get_name (item));
  local = waymark_plan_item_get_local_service (item);
  waymark_plan_remove_item (self->plan, position);
  if (local && waymark_plan_find_local_service (self->plan, id, NULL) != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!waymark_plan_remove_local_service (self->plan, id, &error))
        {
          g_warning ("The local service “%s” stays in the plan: %s", id, error->message);
          local = FALSE;
        }
    }

  if (local)
    /* Translators: a notification; %s is a local service's name */
    message = g_strdup_printf (_("Removed the local service “%s” from the plan"), name);
  else
    /* Translators: a notification; %s is an intervention's name */
    message = g_strdup_printf (_("Removed “%s” from the plan"), name);
  toast = waymark_toast_new_for_text (message);
  adw_toast_set_button_label (toast, _("Undo"));
  if (local)
    {
      adw_toast_set_action_name (toast, "win.undo-steps");
      adw_toast_set_action_target_value (toast, g_variant_new_uint32 (2));
    }
  else
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
  adw_toast_set_button_label (toast, _("Undo"));
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

/* A field of the plan's with the focus held its own history of the typing, so Ctrl+Z there
 * undid the typing and left the plan as it was (issue 13). Once the plan has changed, what the
 * field holds is the plan's: its history is forgotten, and Ctrl+Z goes on to the window's
 * Undo. Typing not yet applied is still the field's to undo. */
static void
forget_focused_typing (WaymarkWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL || self->plan_page == NULL ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->plan_page)))
    return;
  if (GTK_IS_TEXT (focus) && gtk_editable_get_enable_undo (GTK_EDITABLE (focus)))
    {
      gtk_editable_set_enable_undo (GTK_EDITABLE (focus), FALSE);
      gtk_editable_set_enable_undo (GTK_EDITABLE (focus), TRUE);
    }
  else if (GTK_IS_TEXT_VIEW (focus))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));

      if (gtk_text_buffer_get_enable_undo (buffer))
        {
          gtk_text_buffer_set_enable_undo (buffer, FALSE);
          gtk_text_buffer_set_enable_undo (buffer, TRUE);
        }
    }
}

static void
on_plan_changed (WaymarkWindow *self)
{
  dismiss_toast (&self->undo_toast);
  forget_focused_typing (self);
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
  gtk_widget_class_install_action (widget_class, "win.undo-steps", "u", undo_steps_action);
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

/* Ctrl+Z and Ctrl+Shift+Z in one of the plan's text fields, or in a weight's or a score's spin
 * button on the Appraisal page. GTK 4.8's text field takes the key
 * whether or not it has typing to undo, so the window's binding never saw it: the field undoes
 * its own typing first, and with none (what it holds is the plan's, forget_focused_typing())
 * the key undoes the plan. Anywhere else the key goes on as usual. */
static gboolean
on_undo_key (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  gboolean redo = GPOINTER_TO_INT (user_data);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autofree char *before = NULL;

  if (focus == NULL || !GTK_IS_TEXT (focus) ||
      !((self->plan_page != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->plan_page))) ||
        (self->appraisal_page != NULL &&
         gtk_widget_is_ancestor (focus, GTK_WIDGET (self->appraisal_page)))))
    return FALSE;
  before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (focus)));
  gtk_widget_activate_action (focus, redo ? "text.redo" : "text.undo", NULL);
  if (g_strcmp0 (before, gtk_editable_get_text (GTK_EDITABLE (focus))) != 0)
    return TRUE;
  return gtk_widget_activate_action (widget, redo ? "win.redo" : "win.undo", NULL);
}

/* From waymark_window_plan_init(), between making the plan's signal group and giving it the
 * plan: a GSignalGroup takes no handlers once it has a target. */
void
waymark_window_undo_init (WaymarkWindow *self)
{
  g_signal_group_connect_swapped (self->plan_signals, "changed", G_CALLBACK (on_plan_changed),
                                  self);

  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    /* Before the field sees the key. */
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                        gtk_callback_action_new (on_undo_key, GINT_TO_POINTER (FALSE), NULL)));
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                        gtk_callback_action_new (on_undo_key, GINT_TO_POINTER (TRUE), NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }
  g_signal_connect_object (self->comparison, "items-changed", G_CALLBACK (on_comparison_changed),
                           self, G_CONNECT_SWAPPED);
}

void
waymark_window_undo_dispose (WaymarkWindow *self)
{
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_weak_pointer (&self->restore_toast);
}
