/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gui-test-util.h"

/* "Save Changes?" answered with Save for a plan that has no file yet: the question goes on
 * through the Save As file chooser. The other answers, and Save for a plan with a file, are in
 * test-plan-page.c; these drive GTK's own file chooser, whose leaks (file enumerator threads,
 * the default recent list) keep this program out of the leak checks (tests/gui/meson.build). */

typedef struct
{
  WaymarkCatalogue *catalogue;
  GSettings        *settings;
  WaymarkWindow    *window;
  char             *tmpdir;
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
  f->tmpdir = g_dir_make_tmp ("waymark-save-XXXXXX", NULL);
  g_assert_nonnull (f->tmpdir);

  /* The window's own recent list: the default one is a process-wide singleton. */
  xbel = g_build_filename (f->tmpdir, "recently-used.xbel", NULL);
  recent = gui_test_recent_manager_new (xbel);
  f->window = g_object_new (WAYMARK_TYPE_WINDOW,
                            "settings", f->settings,
                            "catalogue", f->catalogue,
                            "recent-manager", recent,
                            NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  gui_test_wait_until (is_mapped, f->window, 5000, "the window to be mapped");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gui_test_window_close (f->window);
  g_assert_finalize_object (f->catalogue);
  g_assert_finalize_object (f->settings);
  test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
}

static WaymarkPlanDocument *
document_of (Fixture *f)
{
  return waymark_window_get_plan_document (f->window);
}

static WaymarkPlan *
plan_of (Fixture *f)
{
  return waymark_plan_document_get_plan (document_of (f));
}

static void
add_to_plan (Fixture    *f,
             const char *id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-to-plan", "s", id));
  gui_test_flush ();
  g_assert_nonnull (waymark_plan_find_item (plan_of (f), id, NULL));
}

/* The visible dialog of type `type` (AdwMessageDialog, or GTK's file chooser dialog, which
 * GtkFileChooserNative falls back to here). */
static GtkWindow *
find_dialog (GType type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_dialog (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
has_file_chooser (gpointer data)
{
  return find_dialog (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

/* Waits for "Save Changes?" and answers it. */
static void
answer_save_changes (const char *response)
{
  g_autoptr(AdwMessageDialog) dialog = NULL;

  gui_test_wait_until (has_message_dialog, NULL, 5000, "Save Changes?");
  dialog = g_object_ref (ADW_MESSAGE_DIALOG (find_dialog (ADW_TYPE_MESSAGE_DIALOG)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  adw_message_dialog_response (dialog, response);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_flush ();
}

static GtkDialog *
wait_for_file_chooser (const char *title)
{
  GtkWindow *chooser;

  gui_test_wait_until (has_file_chooser, NULL, 5000, title);
  chooser = find_dialog (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, title);
  return GTK_DIALOG (chooser);
}

/* The intervention ids of a saved plan, in order, comma-separated. */
/* Save chosen, then the Save As chooser cancelled: nothing was saved, so whatever asked
 * (closing, New Plan, Open Plan) does not go on, and the plan is as it was. */
static void
test_chooser_cancelled (Fixture       *f,
                        gconstpointer  data)
{
  static const char *const askers[] = { "close", "win.new-plan", "win.open-plan" };
  gpointer weak = f->window;

  add_to_plan (f, "drive");
  g_object_add_weak_pointer (G_OBJECT (f->window), &weak);

  for (guint i = 0; i < G_N_ELEMENTS (askers); i++)
    {
      g_test_message ("asked by %s", askers[i]);
      if (g_str_equal (askers[i], "close"))
        gtk_window_close (GTK_WINDOW (f->window));
      else
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), askers[i], NULL));
      answer_save_changes ("save");
      gtk_dialog_response (wait_for_file_chooser ("Save Plan"), GTK_RESPONSE_CANCEL);
      gui_test_flush ();

      g_assert_nonnull (weak);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
      g_assert_true (waymark_plan_document_get_modified (document_of (f)));
      g_assert_null (waymark_plan_document_get_file (document_of (f)));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan_of (f))), ==, 1);
      g_assert_nonnull (waymark_plan_find_item (plan_of (f), "drive", NULL));
      /* Open Plan's own chooser did not follow. */
      g_assert_null (find_dialog (GTK_TYPE_FILE_CHOOSER_DIALOG));
    }

  g_object_remove_weak_pointer (G_OBJECT (f->window), &weak);
  waymark_plan_mark_saved (plan_of (f));
}

static void
on_recent_changed (GtkRecentManager *manager,
                   guint            *n_changed)
{
  (*n_changed)++;
}

static gboolean
is_positive (gpointer data)
{
  return *(guint *) data > 0;
}

static gboolean
is_new_plan (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (plan_of (data))) == 0;
}

/* New Plan, Save chosen, a name given in the chooser: the plan is written there, and only then
 * replaced by a new one. */
static void
test_chooser_accepted (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "new.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *ids = NULL;
  GtkRecentManager *chooser_recent;
  guint n_recent_changed = 0;
  gulong handler;
  GtkFileChooser *chooser;

  add_to_plan (f, "drive");
  add_to_plan (f, "iris");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL));
  answer_save_changes ("save");

  chooser = GTK_FILE_CHOOSER (wait_for_file_chooser ("Save Plan"));
  /* The whole path, typed into the name field as a person may: GTK 4.8's chooser reads a folder
   * it is given asynchronously, and once went back to the folder it opened in (the working
   * directory) after the test had seen its own chosen, so the plan was saved there. */
  gtk_file_chooser_set_current_name (chooser, path);
  gui_test_wait_for_chosen (chooser, file, "the file chooser to take the name");
  /* The chooser adds the file to GTK's default recent list, which writes it a moment later:
   * waited for, so that it writes into this test's directories while they still exist. */
  chooser_recent = gtk_recent_manager_get_default ();
  handler = g_signal_connect (chooser_recent, "changed", G_CALLBACK (on_recent_changed),
                              &n_recent_changed);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  gui_test_wait_until (is_new_plan, f, 5000, "the new plan");
  gui_test_wait_until (is_positive, &n_recent_changed, 5000, "the chooser's recent list");
  g_signal_handler_disconnect (chooser_recent, handler);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Where the chooser saved, then: it adds the file to GTK's default recent list. */
      GList *items = gtk_recent_manager_get_items (chooser_recent);

      for (GList *l = items; l != NULL; l = l->next)
        g_test_message ("in the chooser's recent list: %s", gtk_recent_info_get_uri (l->data));
      g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
      g_error ("The plan was not saved where the chooser was told: %s", path);
    }
  ids = gui_test_saved_ids (path);
  g_assert_cmpstr (ids, ==, "drive,iris");
  g_assert_false (waymark_plan_document_get_modified (document_of (f)));
  g_assert_null (waymark_plan_document_get_file (document_of (f)));
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/gui/save-changes/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("chooser-cancelled", test_chooser_cancelled);
  ADD ("chooser-accepted", test_chooser_accepted);

#undef ADD

  return g_test_run ();
}
