/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-compare-print.h"
#include "waymark-window-private.h"
#include "waymark-gui-format.h"

/* The window's comparison: adding to it from the browser, its count and saved set,
 * presentation mode, zoom and printing. */

static void
show_comparison_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  waymark_window_show_page (WAYMARK_WINDOW (widget), "compare");
}

/* One at a time: choosing four interventions should not queue four notifications. */
static void
show_compare_toast (WaymarkWindow *self,
                    AdwToast      *toast)
{
  if (self->compare_toast != NULL)
    adw_toast_dismiss (self->compare_toast);
  g_set_weak_pointer (&self->compare_toast, toast);
  waymark_window_add_toast (self, toast);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  WaymarkIntervention *intervention = waymark_window_lookup (self, id);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (intervention == NULL)
    return;

  if (waymark_comparison_contains (self->comparison, id))
    {
      /* Translators: a notification; %s is an intervention's name */
      message = g_strdup_printf (_("“%s” is already in the comparison"),
                                 waymark_intervention_get_name (intervention));
    }
  else if (!waymark_comparison_add (self->comparison, id, &error))
    {
      /* The comparison says why: six is the most that fit side by side. */
      toast = waymark_toast_new_for_text (error->message);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      show_compare_toast (self, toast);
      return;
    }
  else
    {
      /* Translators: a notification; %s is an intervention's name */
      message = g_strdup_printf (_("Added “%s” to the comparison"),
                                 waymark_intervention_get_name (intervention));
    }

  toast = waymark_toast_new_for_text (message);
  adw_toast_set_button_label (toast, _("View"));
  adw_toast_set_action_name (toast, "win.show-comparison");
  show_compare_toast (self, toast);
}

/* Everything selected in the list joins the comparison, which then shows. */
static void
compare_selected_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  g_autoptr(GPtrArray) items = waymark_window_dup_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree const char **ids = g_new0 (const char *, items->len + 1);

  if (items->len == 0)
    return;
  for (guint i = 0; i < items->len; i++)
    ids[i] = waymark_intervention_get_id (g_ptr_array_index (items, i));

  /* Whatever happens, the last notification about the comparison is out of date. */
  if (self->compare_toast != NULL)
    adw_toast_dismiss (self->compare_toast);

  if (!waymark_comparison_add_many (self->comparison, ids, NULL, &error))
    {
      AdwToast *toast = waymark_toast_new_for_text (error->message);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_button_label (toast, _("View"));
      adw_toast_set_action_name (toast, "win.show-comparison");
      show_compare_toast (self, toast);
      return;
    }

  waymark_window_show_page (self, "compare");
}

static void
uncompare_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  WaymarkIntervention *intervention = waymark_window_lookup (self, id);
  g_autofree char *message = NULL;

  if (intervention == NULL || !waymark_comparison_remove (self->comparison, id))
    return;

  /* Translators: a notification; %s is an intervention's name */
  message = g_strdup_printf (_("Removed “%s” from the comparison"),
                             waymark_intervention_get_name (intervention));
  show_compare_toast (self, waymark_toast_new_for_text (message));
}

static void
on_comparison_items_changed (GListModel    *model,
                             guint          position,
                             guint          removed,
                             guint          added,
                             WaymarkWindow *self)
{
  adw_view_stack_page_set_badge_number (self->compare_stack_page,
                                        g_list_model_get_n_items (model));
}

/* The keyboard focus into the Compare page, or nowhere: never left in the header bar that
 * presentation hides (see waymark_window_close_popovers for why). */
static void
focus_compare_page (WaymarkWindow *self)
{
  GtkWidget *page = GTK_WIDGET (waymark_window_ensure_compare_page (self));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && gtk_widget_is_ancestor (focus, page))
    return;
  if (!gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD))
    gtk_root_set_focus (GTK_ROOT (self), NULL);
}

/* Presentation: the comparison full screen, without the window's chrome, its text large enough
 * for the back of a meeting room. */
static void
set_presenting (WaymarkWindow *self,
                gboolean       presenting)
{
  if (self->presenting == presenting)
    return;
  self->presenting = presenting;

  if (presenting)
    {
      /* The page and the focus first, the chrome after: GTK 4.8 keeps a widget hidden with the
       * focus in it, or in a popover of it (the main menu), alive for ever. */
      waymark_window_show_page (self, "compare");
      focus_compare_page (self);
      self->zoom_before = waymark_compare_page_get_zoom (waymark_window_ensure_compare_page (self));
      if (self->zoom_before == 100)
        waymark_compare_page_set_zoom (self->compare_page, 150);
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      waymark_compare_page_set_zoom (self->compare_page, self->zoom_before);
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }
  gtk_widget_set_visible (self->header_bar, !presenting);
  gtk_widget_set_visible (self->switcher_bar, !presenting);
  waymark_window_update_actions (self);
}

static void
toggle_presentation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  set_presenting (self, !self->presenting);
}

static void
leave_presentation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  set_presenting (WAYMARK_WINDOW (widget), FALSE);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               WaymarkWindow           *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  waymark_window_add_toast (self, waymark_toast_new_for_text (error != NULL ? error->message
                                                              : g_object_get_data (G_OBJECT (operation),
                                                                                   "waymark-print-failure")));
}

void
waymark_window_run_print (WaymarkWindow     *self,
                          GtkPrintOperation *operation,
                          const char        *failure)
{
  g_object_set_data_full (G_OBJECT (operation), "waymark-print-failure", g_strdup (failure), g_free);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), NULL);
}

static void
print_comparison_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  gboolean hide_identical = FALSE;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->comparison)) == 0)
    return;

  /* A page not made yet has never hidden anything. */
  if (self->compare_page != NULL)
    g_object_get (self->compare_page, "hide-identical", &hide_identical, NULL);
  operation = waymark_compare_print_new (self->comparison, hide_identical);
  waymark_window_run_print (self, operation, _("Could not print the comparison"));
}

/* Ctrl+plus and friends reach the page shown (Compare or Context) wherever the focus is. */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  gboolean context = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack),
                                "context") == 0;
  const char *page_action = g_str_equal (action_name, "win.zoom-in") ? "zoom-in"
                          : g_str_equal (action_name, "win.zoom-out") ? "zoom-out"
                          : "zoom-reset";
  g_autofree char *name = g_strdup_printf ("%s.%s", context ? "context" : "compare", page_action);

  gtk_widget_activate_action (context ? GTK_WIDGET (waymark_window_ensure_context_page (self))
                                      : GTK_WIDGET (waymark_window_ensure_compare_page (self)),
                              name, NULL);
}

void
waymark_window_compare_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare", "s", compare_action);
  gtk_widget_class_install_action (widget_class, "win.uncompare", "s", uncompare_action);
  gtk_widget_class_install_action (widget_class, "win.compare-selected", NULL,
                                   compare_selected_action);
  gtk_widget_class_install_action (widget_class, "win.show-comparison", NULL, show_comparison_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-presentation", NULL,
                                   toggle_presentation_action);
  gtk_widget_class_install_action (widget_class, "win.leave-presentation", NULL,
                                   leave_presentation_action);
  gtk_widget_class_install_action (widget_class, "win.print-comparison", NULL, print_comparison_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.compare-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.toggle-presentation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-comparison", NULL);
  /* Only while presenting: otherwise the action is off and Escape goes where it went before. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-presentation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
}

/* The Compare page is made the first time it is needed (issue 18: its table, toolbar and empty
 * state were built and measured before the first frame, out of sight). */
WaymarkComparePage *
waymark_window_ensure_compare_page (WaymarkWindow *self)
{
  if (self->compare_page == NULL)
    {
      self->compare_page = WAYMARK_COMPARE_PAGE (waymark_compare_page_new ());
      waymark_compare_page_set_comparison (self->compare_page, self->comparison);
      adw_bin_set_child (self->compare_bin, GTK_WIDGET (self->compare_page));
    }

  return self->compare_page;
}

void
waymark_window_compare_constructed (WaymarkWindow *self)
{
  g_signal_connect (self->comparison, "items-changed", G_CALLBACK (on_comparison_items_changed),
                    self);
  adw_view_stack_page_set_badge_number (self->compare_stack_page,
                                        g_list_model_get_n_items (G_LIST_MODEL (self->comparison)));
}
