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

  return g_test_run ();
}
