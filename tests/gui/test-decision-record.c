/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "waymark-plan-page-private.h"

/* The decision record on the Plan page (issue 15, part 5): a weight's change shown newest first
 * with its author, a reason and a review heading given through the real dialog, plain text
 * throughout, and both undone. */

#define SECTION_CBIM \
  "Primary intervention: school-based programmes promoting equal relationships"

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

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_new_utc (2026, 12, 1, 10, 0, 0);
}

static WaymarkPlan *
plan_of (Fixture *f)
{
  return waymark_plan_document_get_plan (waymark_window_get_plan_document (f->window));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *xbel = NULL;
  g_autoptr(GtkRecentManager) recent = NULL;

  f->catalogue = gui_test_load_catalogue (NULL);
  f->settings = gui_test_fresh_settings ();
  f->tmpdir = g_dir_make_tmp ("waymark-decisions-XXXXXX", NULL);
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
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
no_dialog (gpointer data)
{
  return find_dialog () == NULL;
}

/* The timeline's row n (0 is the newest). */
static AdwActionRow *
row_at (Fixture *f,
        int      n)
{
  GtkListBox *list = waymark_decision_record_get_list (f->page.decision_record);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, n);

  g_assert_true (ADW_IS_ACTION_ROW (row));
  return ADW_ACTION_ROW (row);
}

static void
test_weight_reason_undo (Fixture       *f,
                         gconstpointer  data)
{
  WaymarkPlan *plan = plan_of (f);
  GtkListBox *list = waymark_decision_record_get_list (f->page.decision_record);
  GtkWidget *button, *dialog;
  GtkEditable *reason;
  GtkDropDown *section;
  GtkStringList *choices;
  g_autoptr(GError) error = NULL;
  AdwActionRow *row;
  guint cbim = GTK_INVALID_LIST_POSITION;

  waymark_plan_set_clock (plan, fixed_clock, NULL);
  /* Empty at first: the list hidden, a line saying what will appear. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));

  waymark_plan_edit (plan, plan, "author", "A. <i>Commissioner</i>", NULL);
  g_assert_true (waymark_appraisal_set_weight (waymark_plan_get_appraisal (plan), "evidence", 150,
                                               &error));
  g_assert_no_error (error);
  gui_test_flush ();

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  row = row_at (f, 0);
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));

  /* A second change goes on top: newest first. */
  g_assert_true (waymark_appraisal_set_weight (waymark_plan_get_appraisal (plan), "impact", 200,
                                               &error));
  gui_test_flush ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (f, 0))), ==,
                   "Weight of Impact rating: 1 → 2");
  g_assert_true (row_at (f, 1) == row);  /* the older row kept, not rebuilt */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Weight of Evidence rating: 1 → 1.5");
  /* The author, as typed: plain text, not markup. */
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), " · A. <i>Commissioner</i>"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "2026"));

  /* Reason…: the dialog, a reason and CBIM's heading chosen from the drop-down. */
  button = waymark_decision_record_get_reason_button (f->page.decision_record, 0);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  /* The record is below the details, out of the list's view: clicked as activating it would. */
  g_signal_emit_by_name (button, "clicked");
  gui_test_wait_until (has_dialog, NULL, 5000, "the reason dialog");
  dialog = find_dialog ();
  reason = g_object_get_data (G_OBJECT (dialog), "reason");
  section = g_object_get_data (G_OBJECT (dialog), "section");
  g_assert_nonnull (reason);
  g_assert_nonnull (section);
  g_assert_cmpuint (gtk_drop_down_get_selected (section), ==, 0);  /* no citation yet */
  choices = GTK_STRING_LIST (gtk_drop_down_get_model (section));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (choices)); i++)
    if (g_str_equal (gtk_string_list_get_string (choices, i), SECTION_CBIM))
      cbim = i;
  g_assert_cmpuint (cbim, !=, GTK_INVALID_LIST_POSITION);
  gtk_editable_set_text (reason, "Evidence weighs most for <b>us</b>");
  gtk_drop_down_set_selected (section, cbim);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Reason for the Decision");
  /* The body is the decision in words, as the row says it. */
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Weight of Evidence rating: 1 → 1.5");
  /* A response only emits: the dialog closes itself when a person clicks its button. */
  g_object_ref (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  if (gtk_widget_get_visible (dialog))
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  gui_test_wait_until (no_dialog, NULL, 5000, "the reason dialog to close");
  gui_test_flush ();

  row = row_at (f, 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row),
                            "\nEvidence weighs most for <b>us</b>\nReview: " SECTION_CBIM));
  g_assert_null (strstr (adw_action_row_get_subtitle (row_at (f, 0)), "Evidence weighs most"));
  {
    g_autoptr(WaymarkDecision) decision =
      g_list_model_get_item (waymark_plan_get_decisions (plan), 0);

    g_assert_cmpstr (waymark_decision_get_review_section (decision), ==, SECTION_CBIM);
  }

  /* Undo the reason: the entry stays, without it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_flush ();
  row = row_at (f, 1);
  g_assert_null (strstr (adw_action_row_get_subtitle (row), "Evidence weighs most"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Weight of Evidence rating: 1 → 1.5");

  /* Undo both weights: their entries go with them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_flush ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (f, 0))), ==,
                   "Weight of Evidence rating: 1 → 1.5");
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_flush ();
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));

  /* Redo all three: back in order, the reason with them. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  gui_test_flush ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (f, 0))), ==,
                   "Weight of Impact rating: 1 → 2");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row_at (f, 1)),
                            "\nEvidence weighs most for <b>us</b>\nReview: " SECTION_CBIM));
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* A long record (a file may hold 100,000 entries): the newest 200 are rows, and a line says how
 * many earlier ones the file keeps; a row each would take the window's memory (issue 11,
 * finding 8). Undo back under the limit shows them all again. */
static void
test_long_record (Fixture       *f,
                  gconstpointer  data)
{
  WaymarkPlan *plan = plan_of (f);
  WaymarkAppraisal *appraisal = waymark_plan_get_appraisal (plan);
  GtkListBox *list = waymark_decision_record_get_list (f->page.decision_record);

  waymark_plan_set_clock (plan, fixed_clock, NULL);
  /* 205 changes of weight, each an entry: 1.01, 1.02, ... 3.05. */
  for (guint i = 1; i <= 205; i++)
    g_assert_true (waymark_appraisal_set_weight (appraisal, "evidence", 100 + i, NULL));
  gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (waymark_plan_get_decisions (plan)), ==, 205);
  g_assert_cmpuint (n_rows (list), ==, 200);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (f, 0))), ==,
                   "Weight of Evidence rating: 3.04 → 3.05");
  g_assert_true (gui_test_has_text (GTK_WIDGET (f->page.decision_record),
                                    "5 earlier decisions are not shown here"));
  /* The oldest five have no row, so no reason button; the newest has. */
  g_assert_null (waymark_decision_record_get_reason_button (f->page.decision_record, 4));
  g_assert_nonnull (waymark_decision_record_get_reason_button (f->page.decision_record, 204));

  for (guint i = 0; i < 6; i++)
    waymark_plan_undo (plan);
  gui_test_flush ();
  g_assert_cmpuint (n_rows (list), ==, 199);
  {
    GtkWidget *older = gui_test_find_widget (GTK_WIDGET (f->page.decision_record),
                                             gui_test_is_label_with,
                                             "earlier decision");

    g_assert_nonnull (older);
    g_assert_false (gtk_widget_get_visible (older));
  }
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/decision-record/weight-reason-undo", Fixture, NULL, fixture_set_up,
              test_weight_reason_undo, fixture_tear_down);
  g_test_add ("/gui/decision-record/long-record", Fixture, NULL, fixture_set_up,
              test_long_record, fixture_tear_down);

  return g_test_run ();
}
