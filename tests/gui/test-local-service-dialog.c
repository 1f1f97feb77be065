/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "waymark-local-service-dialog.h"
#include "waymark-plan-page-private.h"

/* A local service (issue 15) through the real form: added, refused while a field is wrong,
 * shown with its mark and counted in the total, edited, removed, undone step by step, saved and
 * reopened. */

typedef struct
{
  WaymarkCatalogue     *catalogue;
  GSettings            *settings;
  WaymarkWindow        *window;
  WaymarkWindowParts    parts;
  WaymarkPlanPageParts  page;
  char                 *tmpdir;
} Fixture;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *xbel = NULL;
  g_autoptr(GtkRecentManager) recent = NULL;

  f->catalogue = gui_test_load_catalogue (NULL);
  f->settings = gui_test_fresh_settings ();
  f->tmpdir = g_dir_make_tmp ("waymark-local-XXXXXX", NULL);
  g_assert_nonnull (f->tmpdir);
  xbel = g_build_filename (f->tmpdir, "recently-used.xbel", NULL);
  recent = gui_test_recent_manager_new (xbel);
  f->window = g_object_new (WAYMARK_TYPE_WINDOW, "settings", f->settings,
                            "catalogue", f->catalogue, "recent-manager", recent, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  gui_test_wait_until (is_mapped, f->window, 5000, "the window to be mapped");
  waymark_window_get_parts (f->window, &f->parts);
  waymark_plan_page_get_parts (f->parts.plan_page, &f->page);
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
}

static WaymarkPlan *plan_of (Fixture *f);

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Unsaved, the window would ask whether to save before it closes. */
  waymark_plan_mark_saved (plan_of (f));
  gui_test_window_close (f->window);
  g_assert_finalize_object (f->catalogue);
  g_assert_finalize_object (f->settings);
  test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
}

static WaymarkPlan *
plan_of (Fixture *f)
{
  return waymark_plan_document_get_plan (waymark_window_get_plan_document (f->window));
}

/* The form on screen, or NULL. */
static GtkWidget *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static gboolean
no_dialog (gpointer data)
{
  return find_dialog () == NULL;
}

static GtkWidget *
open_form (Fixture                        *f,
           const char                     *action,
           GVariant                       *target,
           WaymarkLocalServiceDialogParts *parts)
{
  /* GTK 4.8 does not take a floating target: held here (memcheck found it lost). */
  g_autoptr(GVariant) owned = target != NULL ? g_variant_ref_sink (target) : NULL;
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, owned));
  gui_test_flush ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  waymark_local_service_dialog_get_parts (dialog, parts);
  return dialog;
}

/* With WAYMARK_TEST_SCREENSHOTS set to a folder, what a widget's window shows is written there
 * as name.png: for looking at, not for asserting. */
static void
on_after_paint (GdkFrameClock *clock,
                guint         *n_frames)
{
  (*n_frames)++;
}

static gboolean
painted_twice (gpointer data)
{
  return *(guint *) data >= 2;
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("WAYMARK_TEST_SCREENSHOTS");
  const char *display = gdk_display_get_name (gtk_widget_get_display (widget));
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (dir == NULL)
    return;
  /* Until what changed is on the screen. */
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
    guint n_frames = 0;
    gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint),
                                       &n_frames);

    gtk_widget_queue_draw (widget);
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
    gui_test_wait_until (painted_twice, &n_frames, 5000, "the screen to be painted");
    g_signal_handler_disconnect (clock, handler);
  }
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  /* The pointer out of the way, off the window; then the whole screen, with the form over the
   * window as a person sees it. */
  command = g_strdup_printf ("env DISPLAY=%s xdotool mousemove 1900 1060", display);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  g_free (command);
  gui_test_flush ();
  command = g_strdup_printf ("import -display %s -window root %s", display, path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
}

/* Enter in a field, as a person ends the form: its default response, then it closes. */
static void
press_enter_in (GtkEditable *field)
{
  /* The entry's text takes Enter, and activates the window's default widget. */
  g_signal_emit_by_name (gtk_editable_get_delegate (field), "activate");
  gui_test_wait_until (no_dialog, NULL, 5000, "the form to close");
  gui_test_flush ();
}

static gboolean
add_enabled (GtkWidget *dialog)
{
  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add");
}

static const char *
error_shown (WaymarkLocalServiceDialogParts *parts)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (parts->error_label)))
    return NULL;
  return gtk_label_get_label (parts->error_label);
}

static WaymarkPlanItemRow *
row_of (Fixture    *f,
        const char *id)
{
  WaymarkPlanItemRow *row;

  waymark_plan_page_focus_item (f->parts.plan_page, id);
  gui_test_flush ();
  row = waymark_plan_page_get_row (f->parts.plan_page, id);
  g_assert_nonnull (row);
  return row;
}

/* Women's Aid's IDVA service, as a commissioner types it. */
static void
add_idva (Fixture *f)
{
  WaymarkLocalServiceDialogParts parts;
  GtkWidget *dialog;

  if (g_getenv ("WAYMARK_TEST_SCREENSHOTS") != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 860);
      gui_test_flush ();
    }
  dialog = open_form (f, "win.add-local-service", NULL, &parts);

  /* Nothing typed: Add is off, and nothing is said to be wrong yet. */
  g_assert_false (add_enabled (dialog));
  g_assert_null (error_shown (&parts));

  gtk_editable_set_text (parts.name, "Women’s Aid IDVA");
  g_assert_cmpstr (error_shown (&parts), ==, "Level of prevention: choose at least one.");
  g_assert_false (add_enabled (dialog));
  gtk_check_button_set_active (parts.levels[1], TRUE);
  gtk_check_button_set_active (parts.levels[2], TRUE);
  gtk_check_button_set_active (parts.works_with[0], TRUE);
  gtk_drop_down_set_selected (parts.focus, 0);
  gtk_editable_set_text (parts.provider, "Women’s Aid Leicestershire");
  gtk_editable_set_text (parts.unit, "adviser posts");
  g_assert_null (error_shown (&parts));
  g_assert_true (add_enabled (dialog));

  /* A cost that is not an amount is refused, naming the field. */
  gtk_editable_set_text (parts.cost, "about 30k");
  g_assert_cmpstr (error_shown (&parts), ==,
                   "Unit cost: an amount in pounds, such as 1500 or £1,500.50.");
  g_assert_false (add_enabled (dialog));
  gtk_editable_set_text (parts.cost, "£32,500");
  gtk_editable_set_text (parts.cost_high, "30000");
  g_assert_cmpstr (error_shown (&parts), ==, "Upper unit cost: it is below the unit cost.");
  g_assert_false (add_enabled (dialog));
  gtk_editable_set_text (parts.cost_high, "");
  gtk_editable_set_text (parts.age_min, "16");
  gtk_editable_set_text (parts.age_max, "12");
  g_assert_cmpstr (error_shown (&parts), ==, "Oldest age: it is below the youngest.");
  gtk_editable_set_text (parts.age_max, "");
  gtk_editable_set_text (parts.source, "Contract, April 2026");
  g_assert_null (error_shown (&parts));
  g_assert_true (add_enabled (dialog));
  gtk_editable_set_text (parts.cost, "about 30k");
  screenshot (dialog, "local-service-form-error");
  gtk_editable_set_text (parts.cost, "£32,500");
  screenshot (dialog, "local-service-form");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  press_enter_in (parts.source);
  /* Gone, not merely hidden: it holds the plan. */
  g_assert_null (dialog);
}

static void
test_add_edit_undo (Fixture       *f,
                    gconstpointer  data)
{
  WaymarkPlan *plan = plan_of (f);
  WaymarkLocalServiceDialogParts parts;
  WaymarkLocalService *service;
  WaymarkPlanItem *item;
  WaymarkPlanItemRow *row;
  GtkWidget *dialog;
  GtkWidget *mark;
  GtkWidget *add;

  /* The empty plan's "Add a _Local Service…", named as it reads (see the Edit button below). */
  add = gui_test_find_widget (GTK_WIDGET (f->parts.plan_page), gui_test_is_button_for_action,
                              "win.add-local-service");
  g_assert_nonnull (add);
  gtk_test_accessible_assert_property (add, GTK_ACCESSIBLE_PROPERTY_LABEL, "Add a Local Service…");

  add_idva (f);

  /* The id is the name's slug: "’" is not ASCII, so it and the space make one hyphen. */
  service = waymark_plan_find_local_service (plan, "women-s-aid-idva", NULL);
  g_assert_nonnull (service);
  g_assert_cmpint (waymark_local_service_get_levels (service), ==,
                   WAYMARK_LEVEL_SECONDARY | WAYMARK_LEVEL_TERTIARY);
  g_assert_cmpint (waymark_local_service_get_works_with (service), ==,
                   WAYMARK_WORKS_WITH_VICTIMS);
  g_assert_cmpint (waymark_local_service_get_age_min (service), ==, 16);
  g_assert_cmpint (waymark_local_service_get_age_max (service), ==, -1);
  /* £32,500 is 3,250,000 pence; no upper figure is the same figure. */
  g_assert_cmpint (waymark_local_service_get_unit_cost (service), ==, 3250000);
  g_assert_cmpint (waymark_local_service_get_unit_cost_high (service), ==, 3250000);
  item = waymark_plan_find_item (plan, "women-s-aid-idva", NULL);
  g_assert_nonnull (item);
  g_assert_true (waymark_plan_item_get_local_service (item));
  g_assert_cmpstr (waymark_plan_item_get_provider (item), ==, "Women’s Aid Leicestershire");

  /* The row carries the mark, not ratings; the total counts it: 1 post × £32,500 = £32,500. */
  row = row_of (f, "women-s-aid-idva");
  mark = waymark_plan_item_row_get_control (row, "local");
  g_assert_true (gtk_widget_get_visible (mark));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (mark)), ==, "Local: not rated by the review");
  g_assert_true (gtk_widget_get_visible (waymark_plan_item_row_get_control (row, "local-badge")));
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£32,500");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     waymark_plan_item_row_get_control (row, "unit-cost"))), ==, "£32,500");
  /* Named as it reads: GTK 4.8 would name a mnemonic button "_Edit Local Service… Edit Local
   * Service…" (the end-to-end audit found the Plan page's "Add a _Local Service…" so). */
  gtk_test_accessible_assert_property (waymark_plan_item_row_get_control (row, "edit-local"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Edit Local Service…");
  if (g_getenv ("WAYMARK_TEST_SCREENSHOTS") != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      screenshot (GTK_WIDGET (f->window), "plan-page-local-item");
      gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 860);
      waymark_plan_page_focus_item (f->parts.plan_page, "women-s-aid-idva");
      screenshot (GTK_WIDGET (f->window), "plan-page-local-item-narrow");
      gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 860);
    }

  /* Edit: the form comes back filled in, and Save renames the row. */
  dialog = open_form (f, "win.edit-local-service", g_variant_new_string ("women-s-aid-idva"),
                      &parts);
  g_assert_cmpstr (gtk_editable_get_text (parts.name), ==, "Women’s Aid IDVA");
  g_assert_cmpstr (gtk_editable_get_text (parts.cost), ==, "32500.00");
  g_assert_cmpstr (gtk_editable_get_text (parts.age_min), ==, "16");
  g_assert_true (gtk_check_button_get_active (parts.levels[2]));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  gtk_editable_set_text (parts.name, "Women’s Aid IDVA service");
  gtk_editable_set_text (parts.cost, "40000");
  press_enter_in (parts.name);
  /* The item follows the cost the form changed: 1 post × £40,000 = £40,000. */
  gui_test_flush ();
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£40,000");
  g_assert_cmpstr (waymark_plan_item_get_name (waymark_plan_find_item (plan, "women-s-aid-idva",
                                                                       NULL)),
                   ==, "Women’s Aid IDVA service");
  row = row_of (f, "women-s-aid-idva");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Women’s Aid IDVA service");

  /* Undo, one step at a time: the item's cost, the service's edit, the item, the service; the
   * plan is as it began. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_flush ();
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£32,500");
  g_assert_cmpstr (waymark_plan_item_get_name (waymark_plan_find_item (plan, "women-s-aid-idva",
                                                                       NULL)),
                   ==, "Women’s Aid IDVA service");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpstr (waymark_local_service_get_name (
                     waymark_plan_find_local_service (plan, "women-s-aid-idva", NULL)),
                   ==, "Women’s Aid IDVA");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_null (waymark_plan_find_item (plan, "women-s-aid-idva", NULL));
  g_assert_nonnull (waymark_plan_find_local_service (plan, "women-s-aid-idva", NULL));
  gui_test_flush ();
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£0");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (waymark_plan_get_local_services (plan)), ==, 0);
  g_assert_false (waymark_plan_can_undo (plan));

  /* Redo, the four steps again: the renamed service and its item at £40,000. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_false (waymark_plan_can_redo (plan));
  gui_test_flush ();
  g_assert_cmpstr (waymark_local_service_get_name (
                     waymark_plan_find_local_service (plan, "women-s-aid-idva", NULL)),
                   ==, "Women’s Aid IDVA service");
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£40,000");
}

/* Removing the item takes the service with it; the notification's Undo puts both back. */
static void
test_remove_with_service (Fixture       *f,
                          gconstpointer  data)
{
  WaymarkPlan *plan = plan_of (f);
  GtkWidget *toast_undo;

  add_idva (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-plan-item",
                                             "s", "women-s-aid-idva"));
  g_assert_null (waymark_plan_find_item (plan, "women-s-aid-idva", NULL));
  g_assert_null (waymark_plan_find_local_service (plan, "women-s-aid-idva", NULL));
  g_assert_cmpstr (waymark_window_get_last_toast_title (f->window), ==,
                   "Removed the local service “Women’s Aid IDVA” from the plan");

  /* The notification's Undo: two steps, the service, then its item. */
  toast_undo = gui_test_find_widget (GTK_WIDGET (f->parts.toast_overlay),
                                     gui_test_is_button_for_action, "win.undo-steps");
  g_assert_nonnull (toast_undo);
  gui_test_click (toast_undo);
  g_assert_nonnull (waymark_plan_find_local_service (plan, "women-s-aid-idva", NULL));
  g_assert_nonnull (waymark_plan_find_item (plan, "women-s-aid-idva", NULL));
  gui_test_flush ();
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£32,500");
}

/* A second service of the same name gets an id of its own; and an intervention's id is never
 * taken. */
static void
test_make_id (Fixture       *f,
              gconstpointer  data)
{
  WaymarkPlan *plan = plan_of (f);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *drive = NULL;
  g_autofree char *empty = NULL;

  first = waymark_local_service_dialog_make_id (plan, f->catalogue, "  IDVA -- North! ");
  g_assert_cmpstr (first, ==, "idva-north");
  add_idva (f);
  second = waymark_local_service_dialog_make_id (plan, f->catalogue, "Women’s Aid IDVA");
  g_assert_cmpstr (second, ==, "women-s-aid-idva-2");
  g_assert_nonnull (waymark_catalogue_lookup (f->catalogue, "drive"));
  drive = waymark_local_service_dialog_make_id (plan, f->catalogue, "Drive");
  g_assert_cmpstr (drive, ==, "drive-2");
  empty = waymark_local_service_dialog_make_id (plan, f->catalogue, "’’’");
  g_assert_cmpstr (empty, ==, "local-service");
}

/* Saved and opened again, the service and its item are as they were, mark and all. */
static void
test_save_reopen (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "local.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  WaymarkPlan *plan;
  WaymarkPlanItemRow *row;

  add_idva (f);
  g_assert_true (waymark_window_save_plan_as (f->window, file));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL));
  gui_test_flush ();
  g_assert_null (waymark_plan_find_item (plan_of (f), "women-s-aid-idva", NULL));

  waymark_window_open_plan (f->window, file);
  gui_test_flush ();
  plan = plan_of (f);
  g_assert_nonnull (waymark_plan_find_local_service (plan, "women-s-aid-idva", NULL));
  g_assert_true (waymark_plan_item_get_local_service (
                   waymark_plan_find_item (plan, "women-s-aid-idva", NULL)));
  row = row_of (f, "women-s-aid-idva");
  g_assert_true (gtk_widget_get_visible (waymark_plan_item_row_get_control (row, "local")));
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£32,500");
}

/* Sharing local services through a file (issue 15) */

static gboolean
is_actionable_for (GtkWidget     *widget,
                   gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* An item of a menu as GTK 4.8 makes it (a GtkModelButton, activated through the menu's
 * tracker, so with no action name of its own), by its label without the mnemonic's mark. */
static gboolean
is_menu_item (GtkWidget     *widget,
              gconstpointer  label)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "GtkModelButton") != 0)
    return FALSE;
  g_object_get (widget, "text", &text, NULL);
  return g_strcmp0 (text, label) == 0;
}

/* Whether a control under `root` can be used: a button for a window action, or the item of a
 * menu with that label (GTK makes a menu's items as its menu button is given it, and makes them
 * follow their actions' state): what waymark_window_update_actions decided for it. */
static gboolean
control_enabled (GtkWidget  *root,
                 const char *action_or_label)
{
  GtkWidget *control = gui_test_find_widget (root, is_actionable_for, action_or_label);

  if (control == NULL)
    control = gui_test_find_widget (root, is_menu_item, action_or_label);
  g_assert_nonnull (control);
  return gtk_widget_get_sensitive (control);
}

static WaymarkLocalService *
shared_service (const char *id,
                const char *name,
                WaymarkLevel levels)
{
  WaymarkLocalServiceFields fields = {
    .id = id, .name = name, .levels = levels, .focus = WAYMARK_FOCUS_DA,
    .works_with = WAYMARK_WORKS_WITH_VICTIMS, .age_min = 16, .age_max = -1,
    .provider = "Juniper Lodge", .unit = "adviser posts", .unit_cost = 4200000,
    .unit_cost_high = 4500000, .notes = "", .source = "Contract register, November 2026",
  };
  g_autoptr(GError) error = NULL;
  WaymarkLocalService *service = waymark_local_service_new (&fields, &error);

  g_assert_no_error (error);
  return service;
}

/* A file of local services as a partner's Waymark writes it, at tmpdir/name. */
static GFile *
write_services_file (Fixture    *f,
                     const char *name,
                     GPtrArray  *services,
                     const char *from,
                     const char *to)
{
  g_autoptr(GListStore) store = g_list_store_new (WAYMARK_TYPE_LOCAL_SERVICE);
  g_autofree char *path = g_build_filename (f->tmpdir, name, NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < services->len; i++)
    g_list_store_append (store, g_ptr_array_index (services, i));
  text = waymark_local_services_to_json (G_LIST_MODEL (store));
  if (from != NULL)
    {
      g_autofree char *changed = test_replace_once (text, from, to);

      g_free (text);
      text = g_steal_pointer (&changed);
    }
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

/* Waits for the error dialog, checks its heading and that its body is the core's message as
 * plain text, and closes it. */
static void
expect_import_refused (const char *body_start,
                       const char *body_part)
{
  AdwMessageDialog *dialog;
  const char *body;

  gui_test_wait_until (has_dialog, NULL, 5000, "the error dialog");
  dialog = g_object_ref (ADW_MESSAGE_DIALOG (find_dialog ()));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Could Not Import Local Services");
  g_assert_false (adw_message_dialog_get_body_use_markup (dialog));
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("error shown: %s", body);
  g_assert_true (g_str_has_prefix (body, body_start));
  g_assert_nonnull (strstr (body, body_part));
  adw_message_dialog_response (dialog, "close");
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  gui_test_wait_until (no_dialog, NULL, 5000, "the error dialog to close");
  gui_test_flush ();
}

static void
assert_recorded (Fixture    *f,
                 const char *description)
{
  GtkListBox *list = waymark_decision_record_get_list (f->page.decision_record);

  g_assert_nonnull (gui_test_find_widget (GTK_WIDGET (list), gui_test_is_label_with,
                                          description));
}

/* Import Local Services… and Export Local Services… with their files given, as the file
 * choosers give them: a partner's services arrive as one undoable edit, recorded; a file that
 * adds nothing says so; the export reads back as the plan's services; a bad file, or a service
 * that differs from the plan's under its id, is refused with the core's message and nothing
 * added. */
static void
test_share_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) partners = NULL;
  g_autoptr(GFile) exported = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GFile) clash = NULL;
  g_autoptr(GListModel) read_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported_path = g_build_filename (f->tmpdir, "ours.json", NULL);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  WaymarkPlan *plan = plan_of (f);
  GListModel *held = waymark_plan_get_local_services (plan);
  GtkWidget *heading = f->parts.plan_page->items_heading;
  GtkWidget *placeholder = f->parts.plan_page->placeholder;

  g_ptr_array_add (services, shared_service ("llr-idva", "LLR IDVA service",
                                             WAYMARK_LEVEL_TERTIARY));
  g_ptr_array_add (services, shared_service ("by-and-for-advocacy", "By-and-for advocacy",
                                             WAYMARK_LEVEL_SECONDARY));
  partners = write_services_file (f, "partners.json", services, NULL, NULL);

  /* An empty plan offers the import among its first steps. */
  g_assert_true (gtk_widget_get_mapped (placeholder));
  g_assert_true (control_enabled (placeholder, "win.import-local-services"));

  /* With an item, the heading's menu has both; nothing to export yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-to-plan", "s",
                                             "drive"));
  gui_test_flush ();
  g_assert_true (control_enabled (heading, "Import Local Services…"));
  g_assert_false (control_enabled (heading, "Export Local Services…"));

  g_assert_true (waymark_window_import_local_services (f->window, partners));
  gui_test_flush ();
  g_assert_null (find_dialog ());
  g_assert_cmpuint (g_list_model_get_n_items (held), ==, 2);
  g_assert_true (waymark_local_service_equal (
                   waymark_plan_find_local_service (plan, "llr-idva", NULL),
                   g_ptr_array_index (services, 0)));
  g_assert_true (waymark_local_service_equal (
                   waymark_plan_find_local_service (plan, "by-and-for-advocacy", NULL),
                   g_ptr_array_index (services, 1)));
  g_assert_cmpstr (waymark_window_get_last_toast_title (f->window), ==,
                   "Imported 2 local services: add them to the plan from the list below the "
                   "items");
  g_assert_true (control_enabled (heading, "Export Local Services…"));
  assert_recorded (f, "Local service added: LLR IDVA service");
  assert_recorded (f, "Local service added: By-and-for advocacy");

  /* The same file again adds nothing, and says so; no step is made. */
  g_assert_true (waymark_window_import_local_services (f->window, partners));
  gui_test_flush ();
  g_assert_cmpstr (waymark_window_get_last_toast_title (f->window), ==,
                   "Nothing to import: the plan has these services already");
  g_assert_cmpuint (g_list_model_get_n_items (held), ==, 2);

  /* One Undo takes the whole import back (the item added before stays); Redo puts it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (held), ==, 0);
  g_assert_nonnull (waymark_plan_find_item (plan, "drive", NULL));
  g_assert_false (control_enabled (heading, "Export Local Services…"));
  g_assert_null (gui_test_find_widget (GTK_WIDGET (waymark_decision_record_get_list (
                                         f->page.decision_record)),
                                       gui_test_is_label_with, "Local service added"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (held), ==, 2);
  g_assert_true (control_enabled (heading, "Export Local Services…"));

  /* The export: the plan's services, read back by the core's reader, equal and in order; the
   * bytes the core's writer makes. */
  exported = g_file_new_for_path (exported_path);
  g_assert_true (waymark_window_export_local_services (f->window, exported));
  gui_test_flush ();
  g_assert_cmpstr (waymark_window_get_last_toast_title (f->window), ==, "Exported “ours.json”");
  read_back = waymark_local_services_new_from_file (exported, f->catalogue, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (read_back), ==, g_list_model_get_n_items (held));
  for (guint i = 0; i < g_list_model_get_n_items (held); i++)
    {
      g_autoptr(WaymarkLocalService) a = g_list_model_get_item (held, i);
      g_autoptr(WaymarkLocalService) b = g_list_model_get_item (read_back, i);

      g_assert_true (waymark_local_service_equal (a, b));
    }
  g_assert_true (g_file_get_contents (exported_path, &written, NULL, NULL));
  expected = waymark_local_services_to_json (held);
  g_assert_cmpstr (written, ==, expected);

  /* A rating in a file of local services is refused, the message naming the file, the place
   * and the field, shown as text (the field's name here would be bold as markup). */
  {
    g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);

    g_ptr_array_add (one, shared_service ("rural-outreach", "Rural outreach",
                                          WAYMARK_LEVEL_PRIMARY));
    bad = write_services_file (f, "bad.json", one, "\"kind\" : \"local\",",
                               "\"kind\" : \"local\", \"<b>evidence_rating</b>\" : \"high\",");
  }
  g_assert_false (waymark_window_import_local_services (f->window, bad));
  expect_import_refused ("bad.json: local_services[0]: unknown field",
                         "\"<b>evidence_rating</b>\"");
  g_assert_null (waymark_plan_find_local_service (plan, "rural-outreach", NULL));

  /* A new service beside one that differs from the plan's under its id: neither is added. */
  {
    g_autoptr(GPtrArray) two = g_ptr_array_new_with_free_func (g_object_unref);

    g_ptr_array_add (two, shared_service ("rural-outreach", "Rural outreach",
                                          WAYMARK_LEVEL_PRIMARY));
    g_ptr_array_add (two, shared_service ("llr-idva", "Another IDVA service",
                                          WAYMARK_LEVEL_TERTIARY));
    clash = write_services_file (f, "clash.json", two, NULL, NULL);
  }
  g_assert_false (waymark_window_import_local_services (f->window, clash));
  expect_import_refused ("clash.json: local_services[1]: the plan has a different local "
                         "service “llr-idva” already", "change one of the ids");
  g_assert_null (waymark_plan_find_local_service (plan, "rural-outreach", NULL));
  g_assert_cmpstr (waymark_local_service_get_name (
                     waymark_plan_find_local_service (plan, "llr-idva", NULL)), ==,
                   "LLR IDVA service");
  g_assert_cmpuint (g_list_model_get_n_items (held), ==, 2);
  /* Neither refusal was a step: the last undo is still the import's. */
  g_assert_false (waymark_plan_can_redo (plan));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (held), ==, 0);
}

/* Bringing an imported local service into the plan (issue 15) */

/* Whether the Plan page's list has the part `name` after the items. */
static gboolean
page_shows_part (Fixture    *f,
                 const char *name)
{
  GListModel *after = G_LIST_MODEL (f->parts.plan_page->after);

  for (guint i = 0; i < g_list_model_get_n_items (after); i++)
    {
      g_autoptr(GtkStringObject) part = g_list_model_get_item (after, i);

      if (g_str_equal (gtk_string_object_get_string (part), name))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_button_for_target (GtkWidget     *widget,
                      gconstpointer  id)
{
  GVariant *target;

  if (!gui_test_is_button_for_action (widget, "win.add-local-service-item"))
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_str_equal (g_variant_get_string (target, NULL), id);
}

/* The row of the Plan page's "not in the plan" list that names the service, or NULL. */
static GtkWidget *
unplanned_row (Fixture    *f,
               const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (f->page.unplanned_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0)
      return row;
  return NULL;
}

/* What waymark_window_update_actions decided for win.add-local-service-item: GTK 4.8 has no
 * getter for a widget action's state, so a button for it is put in the window for a moment, and
 * follows it as any of the window's buttons does. */
static gboolean
add_item_enabled (Fixture *f)
{
  GtkWidget *probe = gtk_button_new_with_label ("probe");
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), "win.add-local-service-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (probe), "s", "probe");
  adw_header_bar_pack_end (ADW_HEADER_BAR (f->parts.header_bar), probe);
  enabled = gtk_widget_get_sensitive (probe);
  adw_header_bar_remove (ADW_HEADER_BAR (f->parts.header_bar), probe);
  return enabled;
}

static guint
n_unplanned_rows (Fixture *f)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (f->page.unplanned_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static gboolean
focus_in_idva_row (gpointer data)
{
  Fixture *f = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  GtkWidget *row = GTK_WIDGET (waymark_plan_page_get_row (f->parts.plan_page, "llr-idva"));

  return focus != NULL && row != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

/* Import a partner's file into an empty plan: its services are listed under the items as not
 * in the plan, marked local, each with Add to Plan and Edit… named after it. Add to Plan makes
 * the service's item (marked "Local: not rated by the review", recorded), the listing goes with
 * the last one, and Undo brings it back. */
static void
test_add_imported_item (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) partners = NULL;
  WaymarkPlan *plan = plan_of (f);
  GtkWidget *row;
  GtkWidget *add;
  GtkWidget *edit;
  WaymarkPlanItem *item;

  g_ptr_array_add (services, shared_service ("llr-idva", "LLR IDVA service",
                                             WAYMARK_LEVEL_TERTIARY));
  g_ptr_array_add (services, shared_service ("by-and-for-advocacy", "By-and-for advocacy",
                                             WAYMARK_LEVEL_SECONDARY));
  partners = write_services_file (f, "partners.json", services, NULL, NULL);

  /* Nothing to list, and nothing to add, before the import. */
  g_assert_false (page_shows_part (f, "unplanned"));
  g_assert_false (add_item_enabled (f));

  g_assert_true (waymark_window_import_local_services (f->window, partners));
  gui_test_flush ();
  g_assert_cmpstr (waymark_window_get_last_toast_title (f->window), ==,
                   "Imported 2 local services: add them to the plan from the list below the "
                   "items");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 0);
  /* Under an empty plan's first steps. */
  g_assert_true (page_shows_part (f, "placeholder"));
  g_assert_true (page_shows_part (f, "unplanned"));
  g_assert_cmpuint (n_unplanned_rows (f), ==, 2);
  row = unplanned_row (f, "LLR IDVA service");
  g_assert_nonnull (row);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Local: not rated by the review");
  add = gui_test_find_widget (row, is_button_for_target, "llr-idva");
  g_assert_nonnull (add);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Add LLR IDVA service to the plan");
  edit = gui_test_find_widget (row, gui_test_is_button_for_action, "win.edit-local-service");
  g_assert_nonnull (edit);
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (
                                           GTK_ACTIONABLE (edit)), NULL), ==, "llr-idva");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Edit LLR IDVA service");
  g_assert_true (gtk_widget_is_sensitive (add));
  g_assert_true (gtk_widget_is_sensitive (edit));

  /* Add to Plan, as a click: the service's item, marked local, recorded; its row goes. */
  gui_test_click (add);
  gui_test_flush ();
  /* The button went with its row: the focus goes to the new item, not to whatever is below. */
  gui_test_wait_until (focus_in_idva_row, f, 5000, "the focus in the new item");
  item = waymark_plan_find_item (plan, "llr-idva", NULL);
  g_assert_nonnull (item);
  g_assert_true (waymark_plan_item_get_local_service (item));
  g_assert_cmpstr (waymark_plan_item_get_name (item), ==, "LLR IDVA service");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 1);
  g_assert_cmpstr (waymark_window_get_last_toast_title (f->window), ==,
                   "Added “LLR IDVA service” to the plan");
  assert_recorded (f, "Added to the plan: LLR IDVA service");
  g_assert_null (unplanned_row (f, "LLR IDVA service"));
  g_assert_cmpuint (n_unplanned_rows (f), ==, 1);
  g_assert_true (page_shows_part (f, "unplanned"));
  /* Its row on the page carries the badge in place of ratings. */
  g_assert_true (gui_test_has_text (GTK_WIDGET (row_of (f, "llr-idva")),
                                    "Local: not rated by the review"));

  /* The other through the action itself; with none left, the listing goes and the action is
   * off. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-local-service-item",
                                             "s", "by-and-for-advocacy"));
  gui_test_flush ();
  g_assert_nonnull (waymark_plan_find_item (plan, "by-and-for-advocacy", NULL));
  g_assert_false (page_shows_part (f, "unplanned"));
  g_assert_cmpuint (n_unplanned_rows (f), ==, 0);
  g_assert_false (add_item_enabled (f));

  /* Each add is one step: Undo takes the last item back and its row returns. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_flush ();
  g_assert_null (waymark_plan_find_item (plan, "by-and-for-advocacy", NULL));
  g_assert_nonnull (waymark_plan_find_item (plan, "llr-idva", NULL));
  g_assert_nonnull (waymark_plan_find_local_service (plan, "by-and-for-advocacy", NULL));
  g_assert_true (page_shows_part (f, "unplanned"));
  g_assert_nonnull (unplanned_row (f, "By-and-for advocacy"));
  g_assert_cmpuint (n_unplanned_rows (f), ==, 1);
  g_assert_true (add_item_enabled (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 0);
  g_assert_cmpuint (n_unplanned_rows (f), ==, 2);
  g_assert_nonnull (unplanned_row (f, "LLR IDVA service"));

  /* An id the plan has no service for, or one with an item already, adds nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-local-service-item",
                                             "s", "drive"));
  gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 0);
  g_assert_cmpstr (waymark_window_get_last_toast_title (f->window), ==,
                   "The plan has no local service “drive”");
}

static gboolean
option_row_has_add (gpointer data)
{
  Fixture *f = data;
  WaymarkAppraisalPage *page = waymark_window_ensure_appraisal_page (f->window);
  GtkWidget *row = waymark_appraisal_page_get_option_row (page, "llr-idva");

  return row != NULL && gui_test_find_widget (row, is_button_for_target, "llr-idva") != NULL;
}

static gboolean
option_row_has_no_add (gpointer data)
{
  Fixture *f = data;
  WaymarkAppraisalPage *page = waymark_window_ensure_appraisal_page (f->window);
  GtkWidget *row = waymark_appraisal_page_get_option_row (page, "llr-idva");

  return row != NULL && gui_test_find_widget (row, is_button_for_target, "llr-idva") == NULL;
}

/* The Appraisal page lists an imported service among the options with Add to Plan beside its
 * Status… button; the button adds the item, and goes once the service is in the plan; Undo
 * brings it back. */
static void
test_appraisal_add_item (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) partners = NULL;
  WaymarkPlan *plan = plan_of (f);
  WaymarkAppraisalPage *page;
  GtkWidget *row;
  GtkWidget *add;

  g_ptr_array_add (services, shared_service ("llr-idva", "LLR IDVA service",
                                             WAYMARK_LEVEL_TERTIARY));
  partners = write_services_file (f, "partners.json", services, NULL, NULL);
  g_assert_true (waymark_window_import_local_services (f->window, partners));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "appraisal");
  page = waymark_window_ensure_appraisal_page (f->window);
  gui_test_wait_until (option_row_has_add, f, 5000, "the option's Add to Plan button");

  row = waymark_appraisal_page_get_option_row (page, "llr-idva");
  g_assert_true (gui_test_has_text (row, "Local: not rated by the review"));
  g_assert_nonnull (gui_test_find_widget (row, gui_test_is_label_with, "Status…"));
  add = gui_test_find_widget (row, is_button_for_target, "llr-idva");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Add LLR IDVA service to the plan");
  g_assert_true (gtk_widget_is_sensitive (add));

  gui_test_click (add);
  gui_test_flush ();
  g_assert_nonnull (waymark_plan_find_item (plan, "llr-idva", NULL));
  g_assert_true (waymark_plan_item_get_local_service (waymark_plan_find_item (plan, "llr-idva",
                                                                              NULL)));
  gui_test_wait_until (option_row_has_no_add, f, 5000, "the Add to Plan button to go");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_flush ();
  g_assert_null (waymark_plan_find_item (plan, "llr-idva", NULL));
  gui_test_wait_until (option_row_has_add, f, 5000, "the Add to Plan button to return");
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);
  /* The application's style, which AdwApplication loads and a test has not: for screenshots. */
  if (g_getenv ("WAYMARK_TEST_SCREENSHOTS") != NULL)
    {
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (css, "/io/github/waymark/Waymark/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  g_test_add ("/gui/local-service/add-edit-undo", Fixture, NULL, fixture_set_up,
              test_add_edit_undo, fixture_tear_down);
  g_test_add ("/gui/local-service/remove-with-service", Fixture, NULL, fixture_set_up,
              test_remove_with_service, fixture_tear_down);
  g_test_add ("/gui/local-service/make-id", Fixture, NULL, fixture_set_up, test_make_id,
              fixture_tear_down);
  g_test_add ("/gui/local-service/save-reopen", Fixture, NULL, fixture_set_up, test_save_reopen,
              fixture_tear_down);
  g_test_add ("/gui/local-service/share-file", Fixture, NULL, fixture_set_up, test_share_file,
              fixture_tear_down);
  g_test_add ("/gui/local-service/add-imported-item", Fixture, NULL, fixture_set_up,
              test_add_imported_item, fixture_tear_down);
  g_test_add ("/gui/local-service/appraisal-add-item", Fixture, NULL, fixture_set_up,
              test_appraisal_add_item, fixture_tear_down);

  return g_test_run ();
}
