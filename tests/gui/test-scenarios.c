/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "gui-test-util.h"
#include "waymark-application.h"
#include "waymark-money.h"
#include "waymark-plans-print.h"
#include "waymark-plans-window.h"

/* Scenarios (issue 17), through the application's actions as the Plan page's buttons and the
 * main menu give them: Duplicate as Scenario makes a second window with an unsaved copy titled
 * "… (scenario B)", whose edits leave the original alone; Compare Plans shows the two open plans'
 * totals side by side. */

typedef struct
{
  WaymarkApplication *app;
  WaymarkCatalogue   *catalogue;
  GSettings          *settings;
  WaymarkWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->app = waymark_application_new ();
  /* Not unique: there is no session bus, and no other instance to hand over to. */
  g_application_set_flags (G_APPLICATION (f->app),
                           g_application_get_flags (G_APPLICATION (f->app)) |
                           G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  f->catalogue = gui_test_load_catalogue (NULL);
  f->settings = gui_test_fresh_settings ();
  f->window = g_object_new (WAYMARK_TYPE_WINDOW,
                            "application", f->app,
                            "settings", f->settings,
                            "catalogue", f->catalogue,
                            NULL);
  gtk_window_present (GTK_WINDOW (f->window));
}

static gboolean
is_finalized (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Destroys a window whatever its plan's state (a scenario is unsaved: closing would ask), and
 * waits until nothing keeps it. */
static void
destroy_window (GtkWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (window);
  gui_test_wait_until (is_finalized, &weak, 5000, "a window to be finalised");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (f->app))) != NULL)
    destroy_window (windows->data);
  g_clear_object (&f->settings);
  g_clear_object (&f->catalogue);
  g_clear_object (&f->app);
}

static guint
n_windows (Fixture *f)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (f->app)));
}

static gboolean
has_two_windows (gpointer data)
{
  return n_windows (data) == 2;
}

static gboolean
has_three_windows (gpointer data)
{
  return n_windows (data) == 3;
}

/* The window that is not f->window and is of type. */
static GtkWindow *
other_window (Fixture *f,
              GType    type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (f->app)); l != NULL; l = l->next)
    if (l->data != (gpointer) f->window && G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

static WaymarkPlanDocument *
document_of (WaymarkWindow *window)
{
  return waymark_workspace_get_plan_document (waymark_window_get_workspace (window));
}

static char *
plan_json (WaymarkPlan      *plan,
           WaymarkCatalogue *catalogue)
{
  g_autoptr(GError) error = NULL;
  char *json = waymark_plan_to_json (plan, catalogue, &error);

  g_assert_no_error (error);
  return json;
}

static WaymarkWindow *
duplicate (Fixture *f)
{
  GtkWindow *copy;

  /* As the Plan page's Duplicate as Scenario button does. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "duplicate-as-scenario", NULL);
  gui_test_wait_until (has_two_windows, f, 5000, "the scenario's window");
  copy = other_window (f, WAYMARK_TYPE_WINDOW);
  g_assert_nonnull (copy);
  return WAYMARK_WINDOW (copy);
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  WaymarkPlan *plan = gui_test_load_plan (f->window, "appraisal.waymark");
  g_autofree char *before = plan_json (plan, f->catalogue);
  g_autofree char *after = NULL;
  WaymarkWindow *copy_window;
  WaymarkPlanDocument *copy;
  WaymarkPlan *copy_plan;
  WaymarkPlanItem *item;
  guint quantity;

  g_assert_cmpstr (waymark_plan_get_title (plan), ==,
                   "Appraisal fixture: four items, a local service and an unrated approach");
  g_assert_cmpuint (n_windows (f), ==, 1);

  copy_window = duplicate (f);
  copy = document_of (copy_window);
  copy_plan = waymark_plan_document_get_plan (copy);

  /* A second window, the copy in it: a plan of its own, unsaved, with no file. */
  g_assert_true (copy_plan != plan);
  g_assert_cmpstr (waymark_plan_get_title (copy_plan), ==,
                   "Appraisal fixture: four items, a local service and an unrated approach "
                   "(scenario B)");
  g_assert_true (waymark_plan_document_get_modified (copy));
  g_assert_null (waymark_plan_document_get_file (copy));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (copy_window)), ==,
                   "• Appraisal fixture: four items, a local service and an unrated approach "
                   "(scenario B) – Waymark");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (copy_plan)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (plan)));
  /* The original is as it was, and still saved. */
  g_assert_false (waymark_plan_document_get_modified (document_of (f->window)));

  /* Editing the copy leaves the original unchanged, byte for byte. */
  item = g_list_model_get_item (G_LIST_MODEL (copy_plan), 0);
  quantity = waymark_plan_item_get_quantity (item);
  waymark_plan_edit (copy_plan, item, "quantity", quantity + 7, NULL);
  g_object_unref (item);
  after = plan_json (plan, f->catalogue);
  g_assert_cmpstr (after, ==, before);
  item = g_list_model_get_item (G_LIST_MODEL (plan), 0);
  g_assert_cmpuint (waymark_plan_item_get_quantity (item), ==, quantity);
  g_object_unref (item);

  /* A second scenario of the same plan takes the next letter. */
  gtk_window_present (GTK_WINDOW (f->window));
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "duplicate-as-scenario", NULL);
  gui_test_wait_until (has_three_windows, f, 5000, "the second scenario's window");
  {
    gboolean found = FALSE;

    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (f->app)); l; l = l->next)
      found |= g_str_has_suffix (waymark_plan_get_title (waymark_plan_document_get_plan (
                                   document_of (l->data))), "(scenario C)");
    g_assert_true (found);
  }
  (void) data;
}

typedef struct
{
  WaymarkPlansWindow *window;
  const char         *text;
} ShowsTotal;

/* The second column's total says text (the labels are made anew when the plans change). */
static gboolean
shows_total (gpointer data)
{
  ShowsTotal *wait = data;
  GtkLabel *label = waymark_plans_window_get_value_label (wait->window, "total", 1);

  return label != NULL && g_strcmp0 (gtk_label_get_text (label), wait->text) == 0;
}

static gboolean
is_plan_check (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_widget_get_name (widget), "plan-check") == 0;
}

static void
test_compare_two_open (Fixture       *f,
                       gconstpointer  data)
{
  WaymarkPlan *plan = gui_test_load_plan (f->window, "scenario-b.waymark");
  WaymarkWindow *copy_window = duplicate (f);
  WaymarkPlan *copy_plan = waymark_plan_document_get_plan (document_of (copy_window));
  WaymarkPlansWindow *compare;
  WaymarkPlanComparison *comparison;
  WaymarkPlanItem *drive;
  WaymarkPlanTotals totals;
  ShowsTotal wait;
  GtkLabel *label;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "compare-plans", NULL);
  gui_test_wait_until (has_three_windows, f, 5000, "the Compare Plans window");
  compare = WAYMARK_PLANS_WINDOW (other_window (f, WAYMARK_TYPE_PLANS_WINDOW));
  comparison = waymark_plans_window_get_comparison (compare);

  /* Both open plans, in the order opened, each named by its title. */
  g_assert_nonnull (comparison);
  g_assert_cmpuint (comparison->n_plans, ==, 2);
  g_assert_cmpstr (comparison->names[0], ==, waymark_plan_get_title (plan));
  g_assert_cmpstr (comparison->names[1], ==, waymark_plan_get_title (copy_plan));

  /* tests/data/scenario-b.waymark: £158,900-£162,900 the first year, £187,700-£191,700 the
   * second (Drive 30, then 42 places). */
  label = waymark_plans_window_get_value_label (compare, "total", 0);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "£346,600–£354,600");
  label = waymark_plans_window_get_value_label (compare, "total", 1);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "£346,600–£354,600");

  /* An edit to the scenario shows once the comparison is worked out again: Drive 30 → 20 in
   * the first year is £24,000 less (the second year keeps its own 42). */
  drive = waymark_plan_find_item (copy_plan, "drive", NULL);
  waymark_plan_edit (copy_plan, drive, "quantity", 20, NULL);
  waymark_plan_get_totals (copy_plan, &totals);
  g_assert_cmpint (totals.total_low, ==, 32260000);
  wait.window = compare;
  wait.text = "£322,600–£330,600";
  gui_test_wait_until (shows_total, &wait, 5000, "the scenario's new total");
  g_assert_cmpstr (gtk_label_get_text (waymark_plans_window_get_value_label (compare, "total", 0)),
                   ==, "£346,600–£354,600");
  /* The mark, in words: the scenario is now the lower cost. */
  g_assert_true (waymark_plans_window_get_comparison (compare)->lowest_cost[1]);

  /* The chooser names each plan once, by its row's title; its check box says the name to a
   * screen reader only. */
  {
    GtkWidget *check = gui_test_find_widget (GTK_WIDGET (compare), is_plan_check, NULL);

    g_assert_nonnull (check);
    g_assert_null (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)));
    gtk_test_accessible_assert_property (check, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         waymark_plan_get_title (plan));
  }

  /* F5 presents (full screen, the larger text) and leaves; so does Escape, as on the Compare
   * page. */
  gui_test_press_shortcut (GTK_WIDGET (compare), "F5");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (compare), "presenting"));
  gui_test_press_shortcut (GTK_WIDGET (compare), "Escape");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (compare), "presenting"));
  gui_test_press_shortcut (GTK_WIDGET (compare), "F5");
  gui_test_press_shortcut (GTK_WIDGET (compare), "F5");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (compare), "presenting"));

  /* Fewer than two chosen: no table. */
  waymark_plans_window_set_chosen (compare, document_of (copy_window), FALSE);
  g_assert_null (waymark_plans_window_get_comparison (compare));
  g_assert_null (waymark_plans_window_get_value_label (compare, "total", 0));
  waymark_plans_window_set_chosen (compare, document_of (copy_window), TRUE);
  g_assert_nonnull (waymark_plans_window_get_comparison (compare));

  /* The scenario's window closes: its plan leaves the comparison. */
  destroy_window (GTK_WINDOW (copy_window));
  g_assert_null (waymark_plans_window_get_comparison (compare));
  (void) data;
}

/* The handout, headless: exported to PDF as the print dialog's "Save as PDF" does, and its text
 * read back by pdftotext (an independent reader): the names head the page, the marks are in
 * words, the figures are the comparison's. */
static void
test_print_pdf (Fixture       *f,
                gconstpointer  data)
{
  WaymarkPlan *plan = gui_test_load_plan (f->window, "scenario-b.waymark");
  g_autofree char *dir = g_dir_make_tmp ("waymark-plans-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plans.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(WaymarkPlanComparison) comparison = NULL;
  WaymarkPlan *plans[2];
  const char *argv[] = { g_getenv ("WAYMARK_PDFTOTEXT"), path, "-", NULL };
  int status;

  plans[0] = plan;
  plans[1] = waymark_plan_document_get_plan (document_of (duplicate (f)));
  comparison = waymark_plan_comparison_new (plans, NULL, 2, f->catalogue);
  operation = waymark_plans_print_new (comparison);
  /* The handout keeps its own text: the comparison may go while the dialog is open. */
  g_clear_pointer (&comparison, waymark_plan_comparison_free);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (f->window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Plans compared"));
  g_assert_nonnull (strstr (text, "(scenario C)"));
  g_assert_nonnull (strstr (text, "Lowest cost: a tie"));
  g_assert_nonnull (strstr (text, "£346,600–£354,600"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  g_unlink (path);
  g_rmdir (dir);
  (void) data;
}

/* Recovery copies: a window each */

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (G_FILE (data), NULL);
}

/* The title of the plan a recovery copy holds. */
static char *
title_in (GFile            *file,
          WaymarkCatalogue *catalogue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkPlan) plan = waymark_plan_new_from_file (file, catalogue, &error);

  g_assert_no_error (error);
  return g_strdup (waymark_plan_get_title (plan));
}

static void
set_title (WaymarkPlan *plan,
           const char  *title)
{
  waymark_plan_edit (plan, plan, "title", title, NULL);
}

/* A scenario window with unsaved changes keeps a copy of its own, beside the first window's;
 * closing it cleanly removes its copy and leaves the first window's as it was. */
static void
test_recovery_own_copy (Fixture       *f,
                        gconstpointer  data)
{
  WaymarkPlan *plan = gui_test_load_plan (f->window, "scenario-b.waymark");
  GFile *first = waymark_plan_document_get_recovery_file (document_of (f->window));
  g_autoptr(GFile) expected = waymark_plan_document_dup_default_recovery_file ();
  WaymarkWindow *copy_window;
  g_autoptr(GFile) second = NULL;
  g_autofree char *first_title = NULL;
  g_autofree char *second_title = NULL;
  g_autofree char *name = NULL;
  gpointer weak;

  g_assert_true (g_file_equal (first, expected));
  set_title (plan, "The first window's plan");

  copy_window = duplicate (f);
  /* Held: the window's document goes with it. */
  second = g_object_ref (waymark_plan_document_get_recovery_file (document_of (copy_window)));
  name = g_file_get_basename (second);
  g_assert_cmpstr (name, ==, "recovery-2.waymark");
  set_title (waymark_plan_document_get_plan (document_of (copy_window)), "The scenario's plan");

  /* Each writes its own copy, a moment after its edit. */
  gui_test_wait_until (file_exists, first, 10000, "the first window's recovery copy");
  gui_test_wait_until (file_exists, second, 10000, "the scenario's recovery copy");
  first_title = title_in (first, f->catalogue);
  g_assert_cmpstr (first_title, ==, "The first window's plan");
  second_title = title_in (second, f->catalogue);
  g_assert_cmpstr (second_title, ==, "The scenario's plan");

  /* The scenario's window closes cleanly (its changes discarded when asked). */
  weak = copy_window;
  g_object_add_weak_pointer (G_OBJECT (copy_window), &weak);
  gtk_window_close (GTK_WINDOW (copy_window));
  gui_test_answer_dialog ("Save Changes?", "discard");
  gui_test_wait_until (is_finalized, &weak, 5000, "the scenario's window to be finalised");
  g_assert_false (g_file_query_exists (second, NULL));
  g_clear_pointer (&first_title, g_free);
  first_title = title_in (first, f->catalogue);
  g_assert_cmpstr (first_title, ==, "The first window's plan");
  (void) data;
}

/* Copies left by a crash, written before the first window opens: its own, one unreadable, another
 * window's, a FIFO under a copy's name, and a third plan's. */
static void
fixture_set_up_with_copies (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GFile) directory = waymark_plan_document_dup_recovery_directory ();
  g_autoptr(WaymarkCatalogue) catalogue = gui_test_load_catalogue (NULL);
  const char *titles[] = { "recovery.waymark", "Plan A",
                           "recovery-3.waymark", "Plan B (scenario B)",
                           "recovery-5.waymark", "Plan C" };
  g_autoptr(GFile) broken = g_file_get_child (directory, "recovery-2.waymark");
  g_autoptr(GFile) fifo = g_file_get_child (directory, "recovery-4.waymark");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_file_peek_path (directory), 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i += 2)
    {
      g_autoptr(GFile) file = g_file_get_child (directory, titles[i]);
      g_autoptr(WaymarkPlan) plan = waymark_plan_new ();

      set_title (plan, titles[i + 1]);
      g_assert_true (waymark_plan_write (plan, catalogue, WAYMARK_PLAN_FORMAT_JSON, file, &error));
      g_assert_no_error (error);
    }
  g_assert_true (g_file_set_contents (g_file_peek_path (broken), "{ not a plan", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (g_file_peek_path (fifo), 0600), ==, 0);

  fixture_set_up (f, data);
}

static void
on_window_added (GtkApplication *application,
                 GtkWindow      *window,
                 GtkWindow     **added)
{
  *added = window;
}

/* At start every copy is offered in turn: the first window's own recovered into it, an
 * unreadable one said with its file's name (and left), another window's recovered into a new
 * window titled as recovered that keeps its copy there, and one discarded (that file only). */
static void
test_recovery_offered_at_start (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GFile) directory = waymark_plan_document_dup_recovery_directory ();
  g_autoptr(GFile) own = g_file_get_child (directory, "recovery.waymark");
  g_autoptr(GFile) broken = g_file_get_child (directory, "recovery-2.waymark");
  g_autoptr(GFile) other = g_file_get_child (directory, "recovery-3.waymark");
  g_autoptr(GFile) fifo = g_file_get_child (directory, "recovery-4.waymark");
  g_autoptr(GFile) discarded = g_file_get_child (directory, "recovery-5.waymark");
  WaymarkPlanDocument *document = document_of (f->window);
  AdwMessageDialog *dialog;
  GtkWindow *added = NULL;
  WaymarkPlanDocument *recovered;

  gui_test_answer_dialog ("Recover Unsaved Plan?", "recover");
  g_assert_cmpstr (waymark_plan_get_title (waymark_plan_document_get_plan (document)), ==,
                   "Plan A");
  g_assert_true (waymark_plan_document_get_recovered (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==,
                   "• Plan A (recovered) – Waymark");

  dialog = gui_test_wait_for_message_dialog ("Could Not Recover Plan");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), g_file_peek_path (broken)));
  gui_test_answer_dialog ("Could Not Recover Plan", "close");

  dialog = gui_test_wait_for_message_dialog ("Recover Another Unsaved Plan?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Plan B (scenario B)”"));
  g_signal_connect (f->app, "window-added", G_CALLBACK (on_window_added), &added);
  gui_test_answer_dialog ("Recover Another Unsaved Plan?", "recover");
  g_signal_handlers_disconnect_by_func (f->app, on_window_added, &added);
  g_assert_true (WAYMARK_IS_WINDOW (added));
  recovered = document_of (WAYMARK_WINDOW (added));
  g_assert_cmpstr (waymark_plan_get_title (waymark_plan_document_get_plan (recovered)), ==,
                   "Plan B (scenario B)");
  g_assert_true (g_file_equal (waymark_plan_document_get_recovery_file (recovered), other));
  g_assert_true (waymark_plan_document_get_modified (recovered));
  g_assert_cmpstr (gtk_window_get_title (added), ==,
                   "• Plan B (scenario B) (recovered) – Waymark");

  dialog = gui_test_wait_for_message_dialog ("Recover Another Unsaved Plan?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Plan C”"));
  gui_test_answer_dialog ("Recover Another Unsaved Plan?", "discard");

  /* Nothing more is asked (the FIFO is no copy: each next question comes with the answer to the
   * last), and only the discarded copy is gone. */
  dialog = NULL;
  g_assert_false (gui_test_find_message_dialog (&dialog));
  g_assert_cmpuint (n_windows (f), ==, 2);
  g_assert_false (g_file_query_exists (discarded, NULL));
  g_assert_true (g_file_query_exists (own, NULL));
  g_assert_true (g_file_query_exists (broken, NULL));
  g_assert_true (g_file_query_exists (other, NULL));
  g_assert_true (g_file_query_exists (fifo, NULL));
  (void) data;
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/scenarios/duplicate", Fixture, NULL, fixture_set_up, test_duplicate,
              fixture_tear_down);
  g_test_add ("/gui/scenarios/compare-two-open", Fixture, NULL, fixture_set_up,
              test_compare_two_open, fixture_tear_down);
  g_test_add ("/gui/scenarios/print-pdf", Fixture, NULL, fixture_set_up, test_print_pdf,
              fixture_tear_down);
  g_test_add ("/gui/scenarios/recovery/own-copy", Fixture, NULL, fixture_set_up,
              test_recovery_own_copy, fixture_tear_down);
  g_test_add ("/gui/scenarios/recovery/offered-at-start", Fixture, NULL,
              fixture_set_up_with_copies, test_recovery_offered_at_start, fixture_tear_down);

  return g_test_run ();
}
