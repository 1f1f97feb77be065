/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-gui-a11y.h"
#include "waymark-gui-format.h"
#include "waymark-help-window.h"
#include "waymark-intervention-row.h"
#include "waymark-window-private.h"

G_DEFINE_FINAL_TYPE (WaymarkWindow, waymark_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CATALOGUE,
  PROP_SETTINGS,
  PROP_VIEW,
  PROP_SHOW_FILTERS,
  PROP_RECENT_MANAGER,
  PROP_WORKSPACE,
  PROP_DEFER_OFFSCREEN_ROWS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_flap_reveal_changed (AdwFlap       *flap,
                        GParamSpec    *pspec,
                        WaymarkWindow *self)
{
  /* Remember the choice made on a wide window; a narrow one hides the pane by itself. */
  if (self->settings != NULL && !adw_flap_get_folded (flap))
    g_settings_set_boolean (self->settings, "filters-revealed", adw_flap_get_reveal_flap (flap));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_FILTERS]);
}

WaymarkIntervention *
waymark_window_lookup (WaymarkWindow *self,
                       const char    *id)
{
  return self->catalogue != NULL ? waymark_catalogue_lookup (self->catalogue, id) : NULL;
}

/* libadwaita 1.2's toast gives its button a mnemonic label, and GTK 4.8 then names the button
 * twice ("View View"): the button of each toast on screen is named once, by its label. A toast
 * waiting its turn is on screen once the one before it is dismissed. */
static void
name_toast_buttons (WaymarkWindow *self)
{
  GtkWidget *content;

  /* A toast is dismissed as the window goes, its overlay gone already. */
  if (self->toast_overlay == NULL)
    return;
  content = adw_toast_overlay_get_child (self->toast_overlay);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toast_overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != content)
      waymark_a11y_name_mnemonic_buttons (child);
}

void
waymark_window_add_toast (WaymarkWindow *self,
                          AdwToast      *toast)
{
  g_free (self->last_toast_title);
  self->last_toast_title = g_strdup (adw_toast_get_title (toast));
  /* After the overlay's own handler, which shows the next toast. */
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (name_toast_buttons), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  name_toast_buttons (self);
}

void
waymark_window_toast_exported (WaymarkWindow *self,
                               GFile         *file)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: a notification; %s is a file name */
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

  waymark_window_add_toast (self, waymark_toast_new_for_text (message));
}

const char *
waymark_window_get_last_toast_title (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);

  return self->last_toast_title;
}

/* Errors */

GtkWidget *
waymark_window_show_error (WaymarkWindow *self,
            const char    *heading,
            const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Actions */

static void
help_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (waymark_help_window_new (GTK_WINDOW (self), self->catalogue)));
}

/* Keyboard Shortcuts (Ctrl+?): built the first time it is asked for. GtkApplication would build
 * gtk/help-overlay.ui with every window it adds, before the first frame (3% of start-up's
 * instructions; issue 18), so the file has another name and this action is the window's own. */
static void
shortcuts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/waymark/Waymark/waymark-shortcuts-window.ui");

      /* The window keeps it (transient for the window, hidden on close) and destroys it. */
      gtk_application_window_set_help_overlay (
        window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

/* Settings: the window's own state (the workspace keeps the filters, the browser the view, the
 * sort key and the selection) */

static void
bind_settings (WaymarkWindow *self)
{
  GSettings *s = self->settings;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (s, "window-width"),
                               g_settings_get_int (s, "window-height"));
  if (g_settings_get_boolean (s, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (s, "filters-revealed"));
  waymark_window_browser_bind_settings (self);
}

static void on_workspace_catalogue (WaymarkWorkspace *workspace,
                                    GParamSpec       *pspec,
                                    WaymarkWindow    *self);

/* The workspace: given, or made with the settings given (the application's when none were
 * given either). Its parts are handed down to the panes, the map, the rows and the pages;
 * none of them looks for them. */
static void
take_workspace (WaymarkWindow *self)
{
  GSettings *settings;

  if (self->workspace == NULL)
    {
      g_autoptr(GSettings) own = self->settings != NULL ? g_object_ref (self->settings)
                                                        : g_settings_new (APP_ID);

      self->workspace = waymark_workspace_new (NULL, own);
    }
  settings = waymark_workspace_get_settings (self->workspace);
  g_clear_object (&self->settings);
  self->settings = settings != NULL ? g_object_ref (settings) : g_settings_new (APP_ID);

  self->criteria = g_object_ref (waymark_workspace_get_criteria (self->workspace));
  self->comparison = g_object_ref (waymark_workspace_get_comparison (self->workspace));
  self->document = g_object_ref (waymark_workspace_get_plan_document (self->workspace));
  /* The long-list filter reads the plan the window has open, whichever that is. */
  self->plan_binding = g_object_bind_property (self->document, "plan", self->criteria, "plan",
                                               G_BINDING_SYNC_CREATE);

  /* The filter pane is given its criteria at construction, so it is made here, not in the
   * template. */
  self->filter_pane = g_object_new (WAYMARK_TYPE_FILTER_PANE,
                                    "criteria", self->criteria,
                                    /* Its groups in sight are built before the first frame,
                                     * the rest after (waymark_window_defer_offscreen_rows). */
                                    "hold-back", self->defer_rows,
                                    NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->filter_pane), "filter-pane");
  adw_flap_set_flap (self->flap, GTK_WIDGET (self->filter_pane));

  waymark_detail_pane_set_comparison (self->detail_pane, self->comparison);
  waymark_detail_pane_set_plan_document (self->detail_pane, self->document);
  waymark_evidence_map_set_comparison (self->evidence_map, self->comparison);

  g_signal_connect (self->workspace, "notify::catalogue", G_CALLBACK (on_workspace_catalogue),
                    self);

  waymark_window_plan_init (self);
  waymark_window_browser_follow_criteria (self);
}

/* GObject */

static void
on_close_confirmed (WaymarkWindow *self,
                    gboolean       go_on,
                    gpointer       user_data)
{
  if (!go_on)
    return;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
waymark_window_close_request (GtkWindow *window)
{
  WaymarkWindow *self = WAYMARK_WINDOW (window);
  int width, height;

  /* Unsaved changes are asked about first; the answer closes the window again. */
  if (!self->close_confirmed && waymark_plan_document_get_modified (self->document))
    {
      waymark_window_confirm_unsaved (self, on_close_confirmed, NULL, NULL);
      return TRUE;
    }

  /* A clean close: nothing to recover next time. */
  waymark_plan_document_discard_recovery (self->document);
  waymark_workspace_write_settings (self->workspace);

  if (self->settings != NULL)
    {
      GFile *plan_file = waymark_plan_document_get_file (self->document);
      g_autofree char *plan_uri = plan_file != NULL ? g_file_get_uri (plan_file) : g_strdup ("");

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      /* Reopened next time (waymark_window_reopen_last_plan()). */
      g_settings_set_string (self->settings, "last-plan", plan_uri);
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (waymark_window_parent_class)->close_request (window);
}

static void
waymark_window_constructed (GObject *object)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  G_OBJECT_CLASS (waymark_window_parent_class)->constructed (object);

  take_workspace (self);
  bind_settings (self);

  waymark_window_compare_constructed (self);
  waymark_window_plan_constructed (self);

  if (self->defer_rows)
    waymark_window_defer_offscreen_rows (self);
  if (waymark_workspace_get_catalogue (self->workspace) != NULL)
    on_workspace_catalogue (self->workspace, NULL, self);
}

static void
waymark_window_dispose (GObject *object)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->switcher_idle, g_source_remove);
  waymark_window_focus_dispose (self);
  waymark_window_undo_dispose (self);

  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  g_clear_object (&self->plan_signals);
  self->plan = NULL;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->comparison != NULL)
    g_signal_handlers_disconnect_by_data (self->comparison, self);

  /* Nothing that happens while the widgets go may reach the settings any more. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->settings != NULL)
    g_settings_unbind (self, "view");
  g_clear_pointer (&self->sort_binding, g_binding_unbind);
  g_clear_pointer (&self->plan_binding, g_binding_unbind);
  /* A search entry being destroyed clears its text: that must not clear the filters. */
  if (self->search_entry != NULL)
    g_signal_handlers_disconnect_by_data (self->search_entry, self);
  /* What is still waiting for an idle moment is written now, never lost; the workspace goes
   * first, so that nothing the widgets do to its parts as they go reaches the settings. */
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      waymark_workspace_write_settings (self->workspace);
    }
  g_clear_object (&self->workspace);
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  if (self->sorter != NULL)
    gtk_custom_sorter_set_sort_func (self->sorter, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_WINDOW);
  self->filter_pane = NULL;  /* went with the flap */

  g_clear_object (&self->catalogue);
  g_clear_object (&self->settings);
  g_clear_object (&self->criteria);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->comparison);
  g_clear_weak_pointer (&self->compare_toast);
  if (self->recent != NULL)
    g_signal_handlers_disconnect_by_data (self->recent, self);
  g_clear_object (&self->recent);

  G_OBJECT_CLASS (waymark_window_parent_class)->dispose (object);
}

static void
waymark_window_finalize (GObject *object)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  g_free (self->view);
  g_free (self->last_toast_title);

  g_clear_object (&self->row_slice);
  G_OBJECT_CLASS (waymark_window_parent_class)->finalize (object);
}

static void
set_view (WaymarkWindow *self,
          const char    *view)
{
  if (g_strcmp0 (view, "map") != 0)
    view = "list";

  if (g_strcmp0 (self->view, view) == 0)
    return;

  g_free (self->view);
  self->view = g_strdup (view);
  waymark_window_update_results (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
waymark_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      g_value_set_object (value, self->catalogue);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;
    case PROP_SHOW_FILTERS:
      g_value_set_boolean (value, self->flap == NULL || adw_flap_get_reveal_flap (self->flap));
      break;
    case PROP_RECENT_MANAGER:
      g_value_set_object (value, self->recent);
      break;
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      waymark_window_set_catalogue (self, g_value_get_object (value));
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_VIEW:
      set_view (self, g_value_get_string (value));
      break;
    case PROP_SHOW_FILTERS:
      adw_flap_set_reveal_flap (self->flap, g_value_get_boolean (value));
      break;
    case PROP_RECENT_MANAGER:
      self->recent = g_value_dup_object (value);
      break;
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_DEFER_OFFSCREEN_ROWS:
      self->defer_rows = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_window_class_init (WaymarkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = waymark_window_constructed;
  object_class->dispose = waymark_window_dispose;
  object_class->finalize = waymark_window_finalize;
  object_class->get_property = waymark_window_get_property;
  object_class->set_property = waymark_window_set_property;

  window_class->close_request = waymark_window_close_request;

  /* The workspace's catalogue; setting it sets the workspace's. */
  properties[PROP_CATALOGUE] =
    g_param_spec_object ("catalogue", NULL, NULL, WAYMARK_TYPE_CATALOGUE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The workspace's settings. Given without a workspace, the window makes a workspace with
   * them (the application's settings when not given either); the window's own state (size,
   * view, sort, selection, the filters' flap) is kept there too. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "list",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_FILTERS] =
    g_param_spec_boolean ("show-filters", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Where recent plans are listed; the default list when not given (tests give their own). */
  properties[PROP_RECENT_MANAGER] =
    g_param_spec_object ("recent-manager", NULL, NULL, GTK_TYPE_RECENT_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The state the window shows: its catalogue, criteria, comparison and plan document. */
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, WAYMARK_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Start-up: the rows out of sight are made just after the first frame (the application's
   * window; issue 18). */
  properties[PROP_DEFER_OFFSCREEN_ROWS] =
    g_param_spec_boolean ("defer-offscreen-rows", NULL, NULL, FALSE,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WAYMARK_TYPE_DETAIL_PANE);
  g_type_ensure (WAYMARK_TYPE_EVIDENCE_MAP);
  g_type_ensure (WAYMARK_TYPE_FILTER_PANE);
  g_type_ensure (WAYMARK_TYPE_INTERVENTION_ROW);
  g_type_ensure (WAYMARK_TYPE_PLAN_PAGE);
  g_type_ensure (WAYMARK_TYPE_COMPARE_PAGE);
  g_type_ensure (WAYMARK_TYPE_CONTEXT_PAGE);
  g_type_ensure (WAYMARK_TYPE_APPRAISAL_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, filters_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, undo_box);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, plan_stack_page);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, plan_bin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, compare_stack_page);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, compare_bin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, context_stack_page);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, context_bin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, appraisal_stack_page);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, appraisal_bin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, switcher_bar_box);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, chips_revealer);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, chips_box);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, results_stack);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, evidence_map);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, filter_model);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, sort_model);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, selection_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, filter);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, sorter);

  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, shortcuts_action);
  waymark_window_browser_class_init (widget_class);
  waymark_window_catalogue_class_init (widget_class);
  waymark_window_plan_class_init (widget_class);
  waymark_window_undo_class_init (widget_class);
  waymark_window_compare_class_init (widget_class);
  waymark_window_context_class_init (widget_class);
  waymark_window_paper_class_init (widget_class);
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_property_action (widget_class, "win.show-filters", "show-filters");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.help", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

/* The page switcher at the foot shows when the header has no room for its own. The header's
 * title (title_squeezer) decides that as it is allocated; a revealer told to change then, with no animation
 * to lay the window out again (animations off), kept its old height: a narrow window had no
 * switcher at its foot, a wide one an empty strip. It is told after the layout. */
static void
on_switcher_idle (gpointer data)
{
  WaymarkWindow *self = data;
  gboolean reveal = adw_squeezer_get_visible_child (self->title_squeezer) ==
                    GTK_WIDGET (self->window_title);

  self->switcher_idle = 0;
  /* Made the first time it is needed: a switcher of every page, measured at every layout even
   * while the bar is hidden, is some 80 widgets a wide window never shows. */
  if (reveal && gtk_widget_get_next_sibling (gtk_widget_get_first_child (GTK_WIDGET (self->switcher_bar_box))) == NULL)
    {
      GtkWidget *switcher = g_object_new (ADW_TYPE_VIEW_SWITCHER,
                                          "stack", self->view_stack,
                                          "policy", ADW_VIEW_SWITCHER_POLICY_NARROW,
                                          "margin-top", 3,
                                          "margin-bottom", 3,
                                          "margin-start", 6,
                                          "margin-end", 6,
                                          NULL);

      gtk_accessible_update_property (GTK_ACCESSIBLE (switcher),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pages"), -1);
      gtk_box_append (self->switcher_bar_box, switcher);
    }
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->switcher_bar), reveal);
}

static void
on_title_visible_changed (WaymarkWindow *self)
{
  if (self->switcher_idle == 0)
    self->switcher_idle = g_idle_add_once (on_switcher_idle, self);
}

/* The main menu's popover is built the first time it opens: a start-up needs only the button. */
static void
create_main_menu (GtkMenuButton *button,
                  gpointer       user_data)
{
  WaymarkWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
waymark_window_init (WaymarkWindow *self)
{
  self->view = g_strdup ("list");
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  waymark_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  waymark_a11y_name_status_pages (GTK_WIDGET (self));
  /* Parts the libraries build unnamed, which GTK 4.8 would call "GtkToggleButton" and
   * "GtkListView" (issue 13). */
  waymark_a11y_name_parts (GTK_WIDGET (self->sort_dropdown), GTK_TYPE_TOGGLE_BUTTON,
                           _("Sort by"));
  waymark_a11y_name_parts (GTK_WIDGET (self->sort_dropdown), GTK_TYPE_LIST_VIEW, _("Sort by"));

  gtk_menu_button_set_create_popup_func (self->menu_button, create_main_menu, self, NULL);
  g_signal_connect_object (self->title_squeezer, "notify::visible-child",
                           G_CALLBACK (on_title_visible_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (on_flap_reveal_changed),
                           self, 0);
  waymark_window_focus_init (self);
  waymark_window_browser_init (self);
}

WaymarkWindow *
waymark_window_new (GtkApplication   *application,
                    WaymarkWorkspace *workspace)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (WAYMARK_IS_WORKSPACE (workspace), NULL);

  return g_object_new (WAYMARK_TYPE_WINDOW,
                       "application", application,
                       "workspace", workspace,
                       NULL);
}

WaymarkWorkspace *
waymark_window_get_workspace (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);
  return self->workspace;
}

WaymarkCatalogue *
waymark_window_get_catalogue (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);
  return self->catalogue;
}

WaymarkComparison *
waymark_window_get_comparison (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);
  return self->comparison;
}

void
waymark_window_set_catalogue (WaymarkWindow    *self,
                              WaymarkCatalogue *catalogue)
{
  g_return_if_fail (WAYMARK_IS_WINDOW (self));
  g_return_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue));
  g_return_if_fail (self->workspace != NULL);

  waymark_workspace_set_catalogue (self->workspace, catalogue);
}

/* The workspace has handed its new catalogue to the document and the comparison; the browser
 * follows. */
static void
on_workspace_catalogue (WaymarkWorkspace *workspace,
                        GParamSpec       *pspec,
                        WaymarkWindow    *self)
{
  if (waymark_window_browser_show_catalogue (self, waymark_workspace_get_catalogue (workspace)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOGUE]);
}

WaymarkPlanDocument *
waymark_window_get_plan_document (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);
  return self->document;
}
