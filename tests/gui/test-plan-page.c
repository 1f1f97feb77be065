/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gui-test-util.h"
#include "waymark-intervention-row.h"
#include "waymark-map-chip.h"
#include "waymark-plan-page-private.h"
#include "waymark-report-xlsx.h"

/* What joins the two ends of a range of money: an en dash, no-break spaces, and a word joiner
 * so that no line breaks after the dash (waymark-gui-format.c). */
#define RANGE_DASH "\xc2\xa0–\xe2\x81\xa0\xc2\xa0"

/* The plan page, driven as a commissioner would: interventions added from the browser's three
 * places, edited through the widgets, undone, saved, reopened and exported. */

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

/* A window with its own list of recent files: the default list is a process-wide singleton
 * that would outlive the test's isolated directories. Its Plan page is built on first use, as
 * the application's are. */
static WaymarkWindow *
new_window (Fixture          *f,
            WaymarkCatalogue *catalogue)
{
  g_autofree char *xbel = g_build_filename (f->tmpdir, "recently-used.xbel", NULL);
  g_autoptr(GtkRecentManager) recent = gui_test_recent_manager_new (xbel);
  WaymarkWindow *window = g_object_new (WAYMARK_TYPE_WINDOW,
                                        "settings", f->settings,
                                        "catalogue", catalogue,
                                        "recent-manager", recent,
                                        NULL);

  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until (is_mapped, window, 5000, "the window to be mapped");
  return window;
}

static void
open_window (Fixture *f)
{
  f->window = new_window (f, f->catalogue);
  waymark_window_get_parts (f->window, &f->parts);
  waymark_plan_page_get_parts (f->parts.plan_page, &f->page);
  gtk_search_entry_set_search_delay (f->parts.search_entry, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->catalogue = gui_test_load_catalogue (NULL);
  f->settings = gui_test_fresh_settings ();
  f->tmpdir = g_dir_make_tmp ("waymark-plan-XXXXXX", NULL);
  g_assert_nonnull (f->tmpdir);
  open_window (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
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

static WaymarkPlanItem *
item_of (Fixture    *f,
         const char *id)
{
  WaymarkPlanItem *item = waymark_plan_find_item (plan_of (f), id, NULL);

  g_assert_nonnull (item);
  return item;
}

static WaymarkPlanItemRow *
row_of (Fixture    *f,
        const char *id)
{
  WaymarkPlanItemRow *row = waymark_plan_page_get_row (f->parts.plan_page, id);

  g_assert_nonnull (row);
  g_assert_true (waymark_plan_item_row_get_item (row) == item_of (f, id));
  return row;
}

static GtkWidget *
control (Fixture    *f,
         const char *id,
         const char *name)
{
  GtkWidget *widget = waymark_plan_item_row_get_control (row_of (f, id), name);

  g_assert_nonnull (widget);
  return widget;
}

/* Types into an item's notes (a text view), the focus in them. */
static GtkWidget *
type_notes (Fixture    *f,
            const char *id,
            const char *text)
{
  GtkWidget *view = control (f, id, "notes");

  g_assert_true (gtk_widget_grab_focus (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gui_test_flush ();
  return view;
}

static char *
dup_notes_shown (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkWidget *
find_chip (GtkWidget  *widget,
           const char *id)
{
  if (WAYMARK_IS_MAP_CHIP (widget) &&
      g_str_equal (waymark_intervention_get_id (waymark_map_chip_get_intervention (WAYMARK_MAP_CHIP (widget))), id))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_chip (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The three places the browser adds from: the detail pane's button, a list row's button and an
 * evidence map chip's menu. */
static void
add_from_detail (Fixture    *f,
                 const char *id)
{
  /* What choosing it in the list does: on a narrow window the detail takes its place. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-intervention", "s", id);
  gui_test_flush ();
  g_assert_true (waymark_window_get_selected (f->window) ==
                 waymark_catalogue_lookup (waymark_window_get_catalogue (f->window), id));
  gui_test_click (waymark_detail_pane_get_add_button (f->parts.detail_pane));
}

static void
add_from_row (Fixture    *f,
              const char *id)
{
  GtkWidget *row;

  row = gui_test_search_for_row (f->window, id);
  gui_test_click (waymark_intervention_row_get_add_button (WAYMARK_INTERVENTION_ROW (row)));
  gtk_editable_set_text (GTK_EDITABLE (f->parts.search_entry), "");
}

static void
add_from_chip (Fixture    *f,
               const char *id)
{
  GtkWidget *chip;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "map");
  gui_test_flush ();
  chip = find_chip (GTK_WIDGET (f->parts.evidence_map), id);
  g_assert_nonnull (chip);
  /* What the chip's context menu item does. */
  g_assert_true (gtk_widget_activate_action (chip, "chip.add-to-plan", NULL));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "list");
}

static void
apply_text (GtkWidget  *row,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  gui_test_flush ();
}

static void
type_into_spin (GtkWidget  *spin,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  gui_test_flush ();
}

static const char *
label_text (GtkWidget *label)
{
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
undo (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_flush ();
}

static void
redo (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  gui_test_flush ();
}

static char *
read_file (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&text);
}

/* Tests */

static void
test_add_from_browser (Fixture       *f,
                       gconstpointer  data)
{
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (f->parts.plan_stack_page), ==, 0);

  add_from_detail (f, "iris");
  add_from_row (f, "drive");
  add_from_chip (f, "safe-dates");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan_of (f))), ==, 3);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (f->parts.plan_stack_page), ==, 3);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->parts.view_stack), ==,
                   "interventions");

  /* Once only: a second add shows the one already there. */
  add_from_detail (f, "drive");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan_of (f))), ==, 3);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->parts.view_stack), ==, "plan");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row_of (f, "drive"))));

  /* The title carries the unsaved mark; with no title of its own, the plan is named by its
   * file's name, and by its title once it has one, on one line. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "• Untitled Plan – Waymark");
  waymark_plan_edit (plan_of (f), plan_of (f), "title", "LLR plan\n2027", NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "• LLR plan 2027 – Waymark");
  undo (f);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "• Untitled Plan – Waymark");

  /* Undo takes an item back out. */
  undo (f);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (f->parts.plan_stack_page), ==, 2);
  redo (f);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (f->parts.plan_stack_page), ==, 3);

  /* Leave without the question: this test is not about it. */
  waymark_plan_mark_saved (plan_of (f));
}

static gboolean
has_no_undo_toast (gpointer data)
{
  Fixture *f = data;

  return !gui_test_has_text (GTK_WIDGET (f->parts.toast_overlay), "Removed “Drive project”");
}

/* Remove throws an item's figures away at one click: the notification says what went and its
 * Undo brings it back, figures and all; it undoes that and nothing else, so the next edit
 * takes it away. Undo and Redo are in the header on the Plan page, and only there. */
static void
test_remove_undo (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *toast_undo;
  GtkWidget *header_undo = gui_test_find_widget (f->parts.header_bar, gui_test_is_button_for_action,
                                                 "win.undo");

  g_assert_nonnull (header_undo);
  g_assert_false (gtk_widget_is_visible (header_undo));
  add_from_row (f, "drive");
  add_from_detail (f, "iris");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
  g_assert_true (gtk_widget_is_visible (header_undo));
  type_into_spin (control (f, "drive", "quantity"), "40");

  /* Its Remove button is in the item's fields, open as a person opens them. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row_of (f, "drive")), TRUE);
  gui_test_flush ();
  gui_test_click (control (f, "drive", "remove"));
  g_assert_null (waymark_plan_find_item (plan_of (f), "drive", NULL));
  g_assert_true (gui_test_has_text (GTK_WIDGET (f->parts.toast_overlay),
                                    "Removed “Drive project” from the plan"));
  toast_undo = gui_test_find_widget (GTK_WIDGET (f->parts.toast_overlay), gui_test_is_button_for_action,
                                     "win.undo");
  g_assert_nonnull (toast_undo);
  gui_test_click (toast_undo);
  g_assert_nonnull (waymark_plan_find_item (plan_of (f), "drive", NULL));
  g_assert_cmpuint (waymark_plan_item_get_quantity (item_of (f, "drive")), ==, 40);
  gui_test_flush ();
  g_assert_true (has_no_undo_toast (f));

  /* Removed again, then another edit: the notification goes, and the header's Undo undoes
   * that edit first. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row_of (f, "drive")), TRUE);
  gui_test_flush ();
  gui_test_click (control (f, "drive", "remove"));
  g_assert_false (has_no_undo_toast (f));
  type_into_spin (control (f, "iris", "quantity"), "3");
  gui_test_flush ();
  g_assert_true (has_no_undo_toast (f));
  gui_test_click (header_undo);
  g_assert_cmpuint (waymark_plan_item_get_quantity (item_of (f, "iris")), ==, 1);
  g_assert_null (waymark_plan_find_item (plan_of (f), "drive", NULL));
  gui_test_click (header_undo);
  g_assert_nonnull (waymark_plan_find_item (plan_of (f), "drive", NULL));

  adw_view_stack_set_visible_child_name (f->parts.view_stack, "compare");
  gui_test_flush ();
  g_assert_false (gtk_widget_is_visible (header_undo));
  waymark_plan_mark_saved (plan_of (f));
}

/* Several chosen in the list go in together, skipping any already there, and one undo takes
 * them out again. */
static void
test_add_selected (Fixture       *f,
                   gconstpointer  data)
{
  add_from_row (f, "drive");
  gtk_editable_set_text (GTK_EDITABLE (f->parts.search_entry), "");
  gui_test_flush ();

  gui_test_click_row (f->window, "iris", FALSE);
  gui_test_click_row (f->window, "drive", TRUE);
  gui_test_click_row (f->window, "marac", TRUE);
  g_assert_true (gui_test_has_text (GTK_WIDGET (f->parts.detail_pane), "3 Interventions Selected"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-selected-to-plan", NULL));
  gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan_of (f))), ==, 3);
  g_assert_nonnull (waymark_plan_find_item (plan_of (f), "iris", NULL));
  g_assert_nonnull (waymark_plan_find_item (plan_of (f), "marac", NULL));

  /* All there already: nothing changes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-selected-to-plan", NULL));
  gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan_of (f))), ==, 3);

  undo (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan_of (f))), ==, 1);
  g_assert_nonnull (waymark_plan_find_item (plan_of (f), "drive", NULL));

  waymark_plan_mark_saved (plan_of (f));
}

static void
test_edit_totals_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *levels_before = NULL;
  g_autofree char *levels_after = NULL;
  const WaymarkBreakdownSlice *slice;
  GtkWidget *iris_cost;

  add_from_detail (f, "iris");
  add_from_row (f, "drive");
  add_from_chip (f, "safe-dates");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();

  /* Drive at its published £2,400: the quantity typed in the spin button. */
  type_into_spin (control (f, "drive", "quantity"), "40");
  g_assert_cmpuint (waymark_plan_item_get_quantity (item_of (f, "drive")), ==, 40);
  g_assert_cmpstr (label_text (control (f, "drive", "line-total")), ==, "£96,000");
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£96,000");
  levels_before = waymark_plan_chart_dup_description (f->page.level_chart);
  g_assert_cmpstr (levels_before, ==, "Primary: £0 (0%)\nSecondary: £0 (0%)\nTertiary: £96,000 (100%)");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->page.no_cost_label)));

  /* IRIS publishes no cost: flagged until a local figure is entered. */
  g_assert_true (gtk_widget_get_visible (control (f, "iris", "flag")));
  iris_cost = control (f, "iris", "unit-cost");
  apply_text (iris_cost, "£24,000");
  g_assert_cmpint (waymark_plan_item_get_unit_cost (item_of (f, "iris")), ==, 2400000);
  g_assert_false (gtk_widget_get_visible (control (f, "iris", "flag")));
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£120,000");
  levels_after = waymark_plan_chart_dup_description (f->page.level_chart);
  g_assert_cmpstr (levels_after, ==,
                   "Primary: £0 (0%)\nSecondary: £24,000 (20%)\nTertiary: £96,000 (80%)");
  slice = waymark_plan_chart_get_slice (f->page.level_chart, 1);
  g_assert_cmpstr (slice->key, ==, "secondary");
  g_assert_cmpint (slice->low, ==, 2400000);

  /* A range, typed in the upper field. */
  apply_text (control (f, "iris", "unit-cost-high"), "30000");
  g_assert_cmpint (waymark_plan_item_get_unit_cost_high (item_of (f, "iris")), ==, 3000000);
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£120,000" RANGE_DASH "£126,000");

  /* Undo and redo put the widgets back too. */
  undo (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (f, "iris", "unit-cost-high"))), ==, "");
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£120,000");
  undo (f);
  g_assert_false (waymark_plan_item_has_cost (item_of (f, "iris")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (iris_cost)), ==, "");
  g_assert_true (gtk_widget_get_visible (control (f, "iris", "flag")));
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£96,000");
  undo (f);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (control (f, "drive", "quantity"))), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£2,400");
  redo (f);
  redo (f);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (control (f, "drive", "quantity"))), ==, 40);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (iris_cost)), ==, "£24,000");
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£120,000");

  /* Comma decimals are refused, not guessed at. */
  apply_text (iris_cost, "12,34");
  g_assert_cmpint (waymark_plan_item_get_unit_cost (item_of (f, "iris")), ==, 2400000);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (control (f, "iris", "cost-error"))));
  g_assert_nonnull (strstr (label_text (control (f, "iris", "cost-error")), "“12,34”"));
  g_assert_true (gtk_widget_has_css_class (iris_cost, "error"));

  waymark_plan_mark_saved (plan_of (f));
}

static void
assert_add_button (GtkWidget  *button,
                   gboolean    in_plan)
{
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   in_plan ? "win.show-plan-item" : "win.add-to-plan");
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==,
                   in_plan ? "object-select-symbolic" : "list-add-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==,
                   in_plan ? "In the Plan: Show It" : "Add to Plan");
}

/* A row's + for an intervention already in the plan is a tick that shows it there; it follows
 * the plan through undo and a new plan. */
static void
test_row_button_in_plan (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *detail;

  row = gui_test_search_for_row (f->window, "drive");
  button = waymark_intervention_row_get_add_button (WAYMARK_INTERVENTION_ROW (row));
  assert_add_button (button, FALSE);

  gui_test_click_row (f->window, "drive", FALSE);
  detail = waymark_detail_pane_get_add_button (f->parts.detail_pane);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (detail)), ==, "_Add to Plan");
  gui_test_click (button);
  g_assert_nonnull (waymark_plan_find_item (plan_of (f), "drive", NULL));
  assert_add_button (button, TRUE);
  /* The detail pane's button says so too, and shows it rather than adding it again. */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (detail)), ==, "In the _Plan");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (detail)), ==,
                   "win.show-plan-item");

  gui_test_click (button);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->parts.view_stack), ==, "plan");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row_of (f, "drive"))));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan_of (f))), ==, 1);

  undo (f);
  assert_add_button (button, FALSE);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (detail)), ==, "_Add to Plan");
  redo (f);
  assert_add_button (button, TRUE);

  waymark_plan_mark_saved (plan_of (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL));
  gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan_of (f))), ==, 0);
  assert_add_button (button, FALSE);
}

/* A share that rounds to nothing is not "0%", and one that rounds to everything is not "100%"
 * while anything else is spent. */
static void
test_chart_small_shares (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *levels = NULL;

  add_from_row (f, "drive");
  add_from_detail (f, "iris");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
  type_into_spin (control (f, "drive", "quantity"), "1000");
  apply_text (control (f, "iris", "unit-cost"), "100");

  levels = waymark_plan_chart_dup_description (f->page.level_chart);
  g_assert_cmpstr (levels, ==, "Primary: None\n"
                               "Secondary: £100 (under 1%)\n"
                               "Tertiary: £2,400,000 (over 99%)");
  waymark_plan_mark_saved (plan_of (f));
}

/* The charts say which of their figures are local (issue 14): they are computed from the
 * quantities, always local, and the unit costs, the review's or local, as the items say. */
static void
test_charts_caption (Fixture       *f,
                     gconstpointer  data)
{
  add_from_row (f, "drive");
  add_from_detail (f, "iris");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
  /* Drive's cost is the review's; IRIS has none, and counts for nothing. */
  g_assert_cmpstr (gtk_label_get_label (f->page.charts_caption), ==,
                   "Computed: the quantities are local figures; every unit cost is the review’s.");

  apply_text (control (f, "iris", "unit-cost"), "100");
  g_assert_cmpint (waymark_plan_item_get_cost_source (item_of (f, "iris")), !=,
                   WAYMARK_COST_SOURCE_REVIEW);
  g_assert_cmpstr (gtk_label_get_label (f->page.charts_caption), ==,
                   "Computed: the quantities are local figures; 1 unit cost is local, the others "
                   "are the review’s.");

  adw_combo_row_set_selected (ADW_COMBO_ROW (control (f, "drive", "cost-source")),
                              WAYMARK_COST_SOURCE_LOCAL_QUOTE);
  gui_test_flush ();
  g_assert_cmpstr (gtk_label_get_label (f->page.charts_caption), ==,
                   "Computed: the quantities and every unit cost are local figures.");
  undo (f);
  g_assert_cmpstr (gtk_label_get_label (f->page.charts_caption), ==,
                   "Computed: the quantities are local figures; 1 unit cost is local, the others "
                   "are the review’s.");
  waymark_plan_mark_saved (plan_of (f));
}

/* Where a part of the page ("summary", "details", "charts") is in the page's list, or -1. */
static int
part_position (Fixture    *f,
               const char *name)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (f->page.items_view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) part = g_list_model_get_item (model, i);

      if (GTK_IS_STRING_OBJECT (part) &&
          g_str_equal (gtk_string_object_get_string (GTK_STRING_OBJECT (part)), name))
        return (int) i;
    }
  return -1;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* An empty plan showed "✓ No warnings" and a page of "None" bars: it shows what to do first, and
 * its details, until it has an item; and again once the last has gone. */
static void
test_empty_plan (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (f->parts.plan_page);
  GtkWidget *browse;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
  g_assert_true (gtk_widget_is_drawable (f->page.placeholder));
  g_assert_true (gtk_widget_is_drawable (f->page.details_group));
  g_assert_false (gtk_widget_get_visible (f->page.summary_scroller));
  g_assert_false (gui_test_has_text (page, "No warnings"));
  g_assert_false (gui_test_has_text (page, "None"));

  browse = gui_test_find_widget (page, is_button_labelled, "_Browse Interventions");
  g_assert_nonnull (browse);
  gui_test_click (browse);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->parts.view_stack), ==, "interventions");

  add_from_row (f, "drive");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
  g_assert_null (gtk_widget_get_parent (f->page.placeholder));
  g_assert_true (gtk_widget_is_drawable (f->page.summary_scroller));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (row_of (f, "drive"))));
  g_assert_true (gtk_widget_is_ancestor (f->page.charts_part, f->page.summary_scroller));
  g_assert_cmpint (part_position (f, "charts"), ==, -1);

  /* One column: the summary is the list's first part, and leaves with the last item. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 800);
  gui_test_wait_until (gui_test_is_hidden, f->page.summary_scroller, 5000, "one column");
  gui_test_flush ();
  g_assert_true (gtk_widget_is_drawable (f->page.summary_column));
  /* The summary first, then the plan's details before its charts (issue 13). */
  g_assert_cmpint (part_position (f, "summary"), ==, 0);
  g_assert_cmpint (part_position (f, "details"), >, 0);
  g_assert_cmpint (part_position (f, "charts"), >, part_position (f, "details"));
  g_assert_false (gtk_widget_is_ancestor (f->page.charts_part, f->page.summary_column));
  undo (f);
  g_assert_cmpint (part_position (f, "charts"), ==, -1);
  g_assert_true (gtk_widget_is_drawable (f->page.placeholder));
  g_assert_false (gtk_widget_is_drawable (f->page.summary_column));
  g_assert_false (gui_test_has_text (page, "No warnings"));
  waymark_plan_mark_saved (plan_of (f));
}

static gboolean
is_taller_than_two_lines (gpointer widget)
{
  return gtk_widget_get_height (widget) >= 2 * 16;
}

/* Notes took one line (issue 13): they are a text view of several lines, kept in the plan as one
 * edit when the focus leaves them or on Ctrl+Enter, and before a save with the focus still in
 * them, so what is saved is what the page shows. */
static void
test_notes_multi_line (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "notes.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *view;

  add_from_row (f, "drive");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row_of (f, "drive")), TRUE);
  gui_test_flush ();

  /* Typing alone changes nothing; leaving the notes keeps them, lines and all. */
  view = type_notes (f, "drive", "Chosen by the board.\nSecond line.\n\n");
  g_assert_cmpstr (waymark_plan_item_get_notes (item_of (f, "drive")), ==, "");
  gtk_widget_grab_focus (GTK_WIDGET (f->page.title_row));
  gui_test_flush ();
  g_assert_cmpstr (waymark_plan_item_get_notes (item_of (f, "drive")), ==,
                   "Chosen by the board.\nSecond line.");
  /* Room for more than one line, once the item has opened. */
  gui_test_wait_until (is_taller_than_two_lines, view, 5000, "the notes to show");

  /* Ctrl+Enter keeps them with the focus where it is. */
  type_notes (f, "drive", "Third version");
  gui_test_press_shortcut (view, "<Control>Return");
  g_assert_cmpstr (waymark_plan_item_get_notes (item_of (f, "drive")), ==, "Third version");
  g_assert_true (gtk_widget_has_focus (view));

  /* Undo, from the page: the notes shown follow. */
  gtk_widget_grab_focus (GTK_WIDGET (f->page.title_row));
  undo (f);
  shown = dup_notes_shown (view);
  g_assert_cmpstr (shown, ==, "Chosen by the board.\nSecond line.");

  /* Saved with the focus still in them. */
  g_assert_true (waymark_window_save_plan_as (f->window, file));
  type_notes (f, "drive", "Typed, then saved at once");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-plan", NULL));
  gui_test_flush ();
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"notes\" : \"Typed, then saved at once\""));
  g_assert_false (waymark_plan_document_get_modified (waymark_window_get_plan_document (f->window)));
}

/* "Domestic abuse and se…" was cut with room to spare: a name that does not fit beside its amount
 * has the amount on a line of its own, and the chart grows to hold it. */
static void
test_chart_names_whole (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *chart = GTK_WIDGET (f->page.focus_chart);
  g_autofree char *focus = NULL;
  int narrow, wide;

  add_from_row (f, "coaching-boys-into-men");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
  focus = waymark_plan_chart_dup_description (f->page.focus_chart);
  g_assert_nonnull (strstr (focus, "Domestic abuse and sexual violence: £"));

  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, 260, &narrow, NULL, NULL, NULL);
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, 700, &wide, NULL, NULL, NULL);
  g_assert_cmpint (narrow, >, wide);
  g_assert_cmpint (gtk_widget_get_request_mode (chart), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
  waymark_plan_mark_saved (plan_of (f));
}

static void
test_dollar_item (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *published;

  add_from_chip (f, "safe-dates");

  /* $395 is shown as published, never converted: the item asks for pounds. */
  published = control (f, "safe-dates", "published");
  g_assert_true (gtk_widget_get_visible (published));
  g_assert_nonnull (strstr (label_text (published), "$395"));
  g_assert_nonnull (strstr (label_text (published), "enter a unit cost in pounds"));
  g_assert_false (waymark_plan_item_has_cost (item_of (f, "safe-dates")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (f, "safe-dates", "unit-cost"))), ==, "");
  g_assert_true (gtk_widget_get_visible (control (f, "safe-dates", "flag")));
  g_assert_cmpstr (label_text (control (f, "safe-dates", "line-total")), ==, "No cost yet");
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£0");

  waymark_plan_mark_saved (plan_of (f));
}

static void
test_budget (Fixture       *f,
             gconstpointer  data)
{
  add_from_row (f, "drive");
  type_into_spin (control (f, "drive", "quantity"), "40");

  apply_text (GTK_WIDGET (f->page.budget_row), "12,34");
  g_assert_cmpint (waymark_plan_get_budget (plan_of (f)), ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->page.budget_error_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (f->page.budget_error_label), "“12,34”"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->page.budget_row), "error"));

  type_into_spin (GTK_WIDGET (f->page.years_spin), "3");
  apply_text (GTK_WIDGET (f->page.budget_row), "250000");
  g_assert_cmpint (waymark_plan_get_budget (plan_of (f)), ==, 25000000);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->page.budget_error_label)));
  g_assert_cmpstr (gtk_label_get_label (f->page.budget_label), ==,
                   "Budget: £250,000 (£83,333.33 a year)");
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£288,000");
  g_assert_nonnull (strstr (gtk_label_get_label (f->page.remaining_label), "£38,000 over budget"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->page.remaining_label), "error"));

  /* The details follow undo too. */
  undo (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page.budget_row)), ==, "");
  undo (f);
  g_assert_cmpfloat (gtk_spin_button_get_value (f->page.years_spin), ==, 1);

  waymark_plan_mark_saved (plan_of (f));
}

static gboolean
is_apply_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "adw-entry-apply-symbolic") == 0;
}

/* Whether the entry row's apply button is offered. */
static gboolean
offers_apply (AdwEntryRow *row)
{
  GtkWidget *button = gui_test_find_widget (GTK_WIDGET (row), is_apply_button, NULL);

  g_assert_nonnull (button);
  return gtk_widget_get_visible (button) && gtk_widget_get_child_visible (button);
}

/* What Enter does in an entry row: its text's activate signal. */
static void
type_and_enter (AdwEntryRow *row,
                const char  *text)
{
  GtkWidget *delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));

  gtk_widget_grab_focus (GTK_WIDGET (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gui_test_flush ();
  g_assert_true (offers_apply (row));
  g_signal_emit_by_name (delegate, "activate");
  gui_test_flush ();
}

static gboolean
is_main_menu_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "open-menu-symbolic") == 0;
}

/* The label of the main menu's item for `action`, or NULL: its first section is searched. */
static char *
dup_menu_label_for (GMenuModel *menu,
                    const char *action)
{
  g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);

  g_assert_nonnull (section);
  for (int i = 0; i < g_menu_model_get_n_items (section); i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;

      g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &name);
      g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      if (g_strcmp0 (name, action) == 0)
        return g_steal_pointer (&label);
    }
  return NULL;
}

/* Undo and Redo are the main menu's first items, from any page (issue 13: only Ctrl+Z had
 * them), usable as the plan's history allows. */
static void
test_menu_undo (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *button = gui_test_find_widget (f->parts.header_bar, is_main_menu_button, NULL);
  GMenuModel *menu;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gui_test_flush ();
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  undo_label = dup_menu_label_for (menu, "win.undo");
  redo_label = dup_menu_label_for (menu, "win.redo");
  g_assert_cmpstr (undo_label, ==, "_Undo");
  g_assert_cmpstr (redo_label, ==, "_Redo");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  gui_test_flush ();

  add_from_row (f, "drive");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan_of (f))), ==, 1);
  /* What the menu's Undo does, from the Interventions page. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->parts.view_stack), ==, "interventions");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan_of (f))), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan_of (f))), ==, 1);
  waymark_plan_mark_saved (plan_of (f));
}

/* Types `text` as a person does, after what the field holds: it is the field's to undo. */
static void
type_into_field (GtkWidget  *field,
                 const char *text)
{
  GtkEditable *editable = GTK_EDITABLE (field);
  int position = g_utf8_strlen (gtk_editable_get_text (editable), -1);

  g_assert_true (gtk_widget_grab_focus (field));
  gtk_editable_insert_text (editable, text, -1, &position);
  gui_test_flush ();
}

/* Ctrl+Z with the focus in one of the plan's fields undid the field's typing rather than the
 * plan (issue 13): once what was typed is applied, it is the plan's edit, and Ctrl+Z undoes it
 * there, the field following; typing not yet applied is the field's own to undo first. */
static void
test_ctrl_z_in_field (Fixture       *f,
                      gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (f->window);
  GtkWidget *budget = GTK_WIDGET (f->page.budget_row);
  GtkWidget *delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (budget)));
  GtkWidget *spin;
  GtkWidget *view;
  g_autofree char *shown = NULL;

  add_from_row (f, "drive");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();

  /* Typed and applied with Enter: Ctrl+Z in the field undoes the plan's budget. */
  type_into_field (budget, "500000");
  g_signal_emit_by_name (delegate, "activate");
  gui_test_flush ();
  g_assert_cmpint (waymark_plan_get_budget (plan_of (f)), ==, 50000000);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), budget));
  g_assert_cmpstr (gui_test_press_key_in_focus (window, "<Control>z"), ==, "WaymarkWindow");
  g_assert_cmpint (waymark_plan_get_budget (plan_of (f)), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (budget)), ==, "");
  g_assert_cmpstr (gui_test_press_key_in_focus (window, "<Control><Shift>z"), ==, "WaymarkWindow");
  g_assert_cmpint (waymark_plan_get_budget (plan_of (f)), ==, 50000000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (budget)), ==, "£500,000");

  /* Typing not yet applied: the field's own, undone there, the plan untouched. */
  type_into_field (budget, "9");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (budget)), ==, "£500,0009");
  g_assert_nonnull (gui_test_press_key_in_focus (window, "<Control>z"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (budget)), ==, "£500,000");
  g_assert_cmpint (waymark_plan_get_budget (plan_of (f)), ==, 50000000);

  /* An item's quantity, typed into its spin button and applied. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row_of (f, "drive")), TRUE);
  gui_test_flush ();
  spin = control (f, "drive", "quantity");
  gtk_editable_set_text (GTK_EDITABLE (spin), "");
  type_into_field (spin, "40");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  gui_test_flush ();
  g_assert_cmpuint (waymark_plan_item_get_quantity (item_of (f, "drive")), ==, 40);
  g_assert_cmpstr (gui_test_press_key_in_focus (window, "<Control>z"), ==, "WaymarkWindow");
  g_assert_cmpuint (waymark_plan_item_get_quantity (item_of (f, "drive")), ==, 1);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 1);
  g_assert_cmpint (waymark_plan_get_budget (plan_of (f)), ==, 50000000);

  /* The notes, kept with Ctrl+Enter, the focus still in them. */
  view = type_notes (f, "drive", "Chosen by the board.");
  gui_test_press_shortcut (view, "<Control>Return");
  g_assert_cmpstr (waymark_plan_item_get_notes (item_of (f, "drive")), ==, "Chosen by the board.");
  g_assert_cmpstr (gui_test_press_key_in_focus (window, "<Control>z"), ==, "WaymarkWindow");
  g_assert_cmpstr (waymark_plan_item_get_notes (item_of (f, "drive")), ==, "");
  shown = dup_notes_shown (view);
  g_assert_cmpstr (shown, ==, "");
  g_assert_cmpuint (waymark_plan_item_get_quantity (item_of (f, "drive")), ==, 1);

  waymark_plan_mark_saved (plan_of (f));
}

static gboolean
is_unallocated_label (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) && gtk_widget_get_width (widget) == 0;
}

/* WaitFunc: whether the row's labels that show have their width. */
static gboolean
labels_allocated (gpointer row)
{
  return gtk_widget_get_mapped (row) && gui_test_find_widget (row, is_unallocated_label, NULL) == NULL;
}

static gboolean
is_popover (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_POPOVER (widget);
}

static gboolean
is_drawable_label (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget);
}

/* WaitFunc: whether the list of choices `popover` holds shows, its labels laid out. */
static gboolean
choice_list_shown (gpointer popover)
{
  return gtk_widget_get_mapped (popover) &&
         gui_test_find_widget (popover, is_drawable_label, NULL) != NULL &&
         gui_test_find_widget (popover, is_unallocated_label, NULL) == NULL;
}

static gboolean
choice_list_gone (gpointer popover)
{
  return !gtk_widget_get_mapped (popover);
}

/* The choice `row` shows reads whole, for each of its choices, and so does each choice in its
 * list: libadwaita 1.2's own list cut them at twenty characters ("Home Office perpetrat…"). */
static void
assert_choices_whole (GtkWidget *row)
{
  GListModel *choices = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  GtkWidget *list = gui_test_find_widget (row, is_popover, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
      gui_test_flush ();
      gui_test_wait_until (labels_allocated, row, 5000, "the row's labels to have their width");
      g_test_message ("%s", gtk_string_object_get_string (GTK_STRING_OBJECT (adw_combo_row_get_selected_item (ADW_COMBO_ROW (row)))));
      gui_test_find_widget (row, gui_test_assert_label_whole, NULL);
    }
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_activate (row));
  gui_test_wait_until (choice_list_shown, list, 5000, "the list of choices to show");
  gui_test_find_widget (list, gui_test_assert_label_whole, NULL);
  gtk_popover_popdown (GTK_POPOVER (list));
  gui_test_wait_until (choice_list_gone, list, 5000, "the list of choices to go");
}

/* "Home Office perpetr…": the funding source chosen for an item was cut with room to spare
 * (issue 13), as were the other choices of an item's drop-downs: each reads whole at a desk. */
static void
test_choices_read_whole (Fixture       *f,
                         gconstpointer  data)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  add_from_row (f, "drive");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row_of (f, "drive")), TRUE);
  gui_test_flush ();
  assert_choices_whole (control (f, "drive", "funding-source"));
  assert_choices_whole (control (f, "drive", "cost-source"));
  assert_choices_whole (control (f, "drive", "reach-group"));
  waymark_plan_mark_saved (plan_of (f));
}

/* Fails when a line of the label's text, as laid out, ends or begins with a dash. */
static void
assert_no_line_at_dash (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  GSList *lines = pango_layout_get_lines_readonly (layout);

  g_test_message ("“%s”: %d lines", text, pango_layout_get_line_count (layout));
  for (GSList *l = lines; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      g_autofree char *part = g_strstrip (g_strndup (text + line->start_index, line->length));

      if (g_str_has_suffix (part, "–") || g_str_has_prefix (part, "–"))
        g_error ("“%s” breaks a line at a dash: “%s”", text, part);
    }
}

typedef struct
{
  Fixture *f;
  const char *text;
} LabelWait;

static gboolean
remaining_reads (gpointer data)
{
  LabelWait *wait = data;
  GtkWidget *label = GTK_WIDGET (wait->f->page.remaining_label);

  return gtk_widget_is_drawable (label) && gtk_widget_get_width (label) > 0 &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), wait->text) == 0;
}

/* A range of money was broken at its dash at the end of a line, where the dash reads as a
 * hyphen beside the en dashes of whole ranges ("£15,100 –" then "£19,100 left", issue 13): a
 * range keeps together. The three-year plan the screenshots show, at a desk and narrow. */
static void
test_ranges_keep_together (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "golden",
                                                 "plan-three-year.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkLabel *labels[] = { f->page.total_label, f->page.annual_label, f->page.budget_label,
                         f->page.remaining_label };
  LabelWait wait = { f, NULL };
  int widths[] = { 1280, 420 };

  waymark_window_open_plan (f->window, file);
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
  /* £600,000 less £558,234.40 to £570,234.40 over the three years (issue 16: Drive grows and
   * CBIM's local quote is uplifted; test-plan.c works them out). */
  g_assert_nonnull (strstr (gtk_label_get_label (f->page.remaining_label), "£29,765.60"));
  wait.text = gtk_label_get_label (f->page.remaining_label);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      gtk_window_set_default_size (GTK_WINDOW (f->window), widths[w], 800);
      gui_test_flush ();
      gui_test_wait_until (remaining_reads, &wait, 5000, "the summary laid out");
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        assert_no_line_at_dash (labels[i]);
      /* And each year's, in the summary's table. */
      for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (f->page.years_table));
           cell != NULL; cell = gtk_widget_get_next_sibling (cell))
        assert_no_line_at_dash (GTK_LABEL (cell));
    }
}

typedef struct
{
  GtkWidget       *widget;
  graphene_rect_t  bounds;
} Place;

static void
take_place (Place     *place,
            GtkWidget *widget,
            GtkWidget *within)
{
  place->widget = widget;
  g_assert_true (gtk_widget_compute_bounds (widget, within, &place->bounds));
}

static void
assert_same_place (const Place *place,
                   GtkWidget   *within)
{
  graphene_rect_t now;

  g_assert_true (gtk_widget_compute_bounds (place->widget, within, &now));
  g_test_message ("%s: %g,%g %gx%g", G_OBJECT_TYPE_NAME (place->widget), now.origin.x,
                  now.origin.y, now.size.width, now.size.height);
  g_assert_cmpfloat (now.origin.x, ==, place->bounds.origin.x);
  g_assert_cmpfloat (now.size.width, ==, place->bounds.size.width);
}

/* Fails unless the label is as wide and as tall as its text, laid out, needs, and uncut. */
static void
assert_label_fits (GtkLabel *label)
{
  GtkWidget *widget = GTK_WIDGET (label);
  int min_width, height;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (widget), &height,
                      NULL, NULL, NULL);
  g_assert_true (gtk_widget_is_drawable (widget));
  g_assert_cmpint (gtk_widget_get_width (widget), >=, min_width - gtk_widget_get_margin_start (widget) -
                   gtk_widget_get_margin_end (widget));
  g_assert_cmpint (gtk_widget_get_height (widget), >=, height - gtk_widget_get_margin_top (widget) -
                   gtk_widget_get_margin_bottom (widget));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
}

/* With a long budget line (over budget) the summary's column took the page and left the plan's
 * details about 200 pixels, cutting Title, Area and Organisation; and both columns moved
 * whenever an item opened or closed (issue 13). At a desk, over budget: the details have room,
 * and neither column moves as an item opens and closes. */
static void
test_columns_hold_steady (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (f->parts.plan_page);
  Place summary, items;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  add_from_row (f, "drive");
  add_from_row (f, "iris");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
  type_into_spin (control (f, "drive", "quantity"), "300");
  type_into_spin (GTK_WIDGET (f->page.years_spin), "3");
  apply_text (control (f, "iris", "unit-cost"), "1000");
  apply_text (control (f, "iris", "unit-cost-high"), "250000");
  apply_text (GTK_WIDGET (f->page.budget_row), "500000");
  gui_test_wait_until (is_mapped, f->page.summary_column, 5000, "the summary's column");
  g_test_message ("%s", gtk_label_get_label (f->page.remaining_label));
  g_assert_nonnull (strstr (gtk_label_get_label (f->page.remaining_label), "over budget"));

  /* "£166,666.66 a year" was cut: the line is whole, as tall as its lines need. */
  g_assert_cmpstr (gtk_label_get_label (f->page.budget_label), ==,
                   "Budget: £500,000 (£166,666.66 a year)");
  assert_label_fits (f->page.budget_label);
  assert_label_fits (f->page.remaining_label);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->page.title_row)), >=, 500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->page.organisation_row)), >=, 500);
  take_place (&summary, f->page.summary_scroller, page);
  take_place (&items, GTK_WIDGET (f->page.items_view), page);

  for (guint i = 0; i < 2; i++)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row_of (f, "drive")), i == 0);
      gui_test_flush ();
      assert_same_place (&summary, page);
      assert_same_place (&items, page);
    }
  waymark_plan_mark_saved (plan_of (f));
}

/* The summary's figures took the focus, one Tab stop each, on the way to the plan (issue 13):
 * they can still be selected with the pointer and copied, but Tab passes them by. */
static void
test_summary_not_tab_stops (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *column = f->page.summary_column;
  guint stops = 0;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  add_from_row (f, "drive");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
  type_into_spin (control (f, "drive", "quantity"), "300");
  apply_text (GTK_WIDGET (f->page.budget_row), "500000");
  gui_test_wait_until (is_mapped, column, 5000, "the summary's column");
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (f->page.remaining_label)));

  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  while (gtk_widget_child_focus (column, GTK_DIR_TAB_FORWARD))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

      g_assert_nonnull (focus);
      g_test_message ("stop %u: %s “%s”", ++stops, G_OBJECT_TYPE_NAME (focus),
                      GTK_IS_LABEL (focus) ? gtk_label_get_label (GTK_LABEL (focus)) : "");
      g_assert_false (GTK_IS_LABEL (focus));
      g_assert_cmpuint (stops, <, 50);
    }
  /* Still selectable, to be copied. */
  g_assert_true (gtk_label_get_selectable (f->page.total_label));
  g_assert_true (gtk_label_get_selectable (f->page.budget_label));
  waymark_plan_mark_saved (plan_of (f));
}

/* The budget read "500000" after it was typed and "£500,000" after the plan was reopened: it
 * reads as an amount once applied, and through undo and redo, with nothing left to apply. */
static void
test_budget_reads_as_amount (Fixture       *f,
                             gconstpointer  data)
{
  AdwEntryRow *row = f->page.budget_row;

  add_from_row (f, "drive");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();

  type_and_enter (row, "500000");
  g_assert_cmpint (waymark_plan_get_budget (plan_of (f)), ==, 50000000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "£500,000");
  g_assert_false (offers_apply (row));

  /* The same amount typed another way. */
  type_and_enter (row, "500,000.00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "£500,000");
  g_assert_false (offers_apply (row));

  undo (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_false (offers_apply (row));
  redo (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "£500,000");
  g_assert_false (offers_apply (row));

  /* An item's unit cost, the same way. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row_of (f, "drive")), TRUE);
  gui_test_flush ();
  row = ADW_ENTRY_ROW (control (f, "drive", "unit-cost"));
  type_and_enter (row, "2500");
  g_assert_cmpint (waymark_plan_item_get_unit_cost (waymark_plan_find_item (plan_of (f), "drive", NULL)),
                   ==, 250000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "£2,500");
  g_assert_false (offers_apply (row));
  undo (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "£2,400");
  g_assert_false (offers_apply (row));

  waymark_plan_mark_saved (plan_of (f));
}

/* Reach (issue 14): the people an item reaches a year, who they are and where the figure came
 * from, typed into the item; the cost per person reached is computed and says how; the summary
 * adds up reach by group; Undo takes it back. Figures worked by hand: Drive, 40 perpetrators at
 * the review's £2,400 = £96,000 a year, for 30 people reached = £3,200 each. */
/* Enter in the local need's figure saves it, as Enter in its source does: typed, then Enter,
 * with the keyboard alone. */
static void
test_local_need_enter (Fixture       *f,
                       gconstpointer  data)
{
  AdwMessageDialog *dialog = NULL;
  GtkWidget *people;

  add_from_row (f, "drive");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
  type_into_spin (control (f, "drive", "reach"), "30");
  adw_combo_row_set_selected (ADW_COMBO_ROW (control (f, "drive", "reach-group")),
                              WAYMARK_REACH_GROUP_PERPETRATORS);
  gui_test_flush ();
  gui_test_click (GTK_WIDGET (f->page.local_need_buttons[WAYMARK_REACH_GROUP_PERPETRATORS]));
  gui_test_wait_until (gui_test_find_message_dialog, &dialog, 5000, "the local need dialog");
  people = g_object_get_data (G_OBJECT (dialog), "people");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_editable_set_text (GTK_EDITABLE (people), "340");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (people)), "activate");
  gui_test_wait_until (gui_test_is_gone, &dialog, 5000, "Enter to close the dialog");
  g_assert_cmpuint (waymark_plan_get_local_need (plan_of (f), WAYMARK_REACH_GROUP_PERPETRATORS,
                                                 NULL), ==, 340);
  waymark_plan_mark_saved (plan_of (f));
}

static void
test_reach (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *per_person;

  add_from_row (f, "drive");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
  type_into_spin (control (f, "drive", "quantity"), "40");

  per_person = control (f, "drive", "per-person");
  g_assert_cmpstr (label_text (per_person), ==, "Not yet known");
  g_assert_nonnull (strstr (gtk_label_get_text (f->page.reach_label), "none recorded yet"));

  type_into_spin (control (f, "drive", "reach"), "30");
  adw_combo_row_set_selected (ADW_COMBO_ROW (control (f, "drive", "reach-group")),
                              WAYMARK_REACH_GROUP_PERPETRATORS);
  apply_text (control (f, "drive", "reach-source"), "  Drive partnership forecast, June 2026  ");
  g_assert_cmpuint (waymark_plan_item_get_reach (item_of (f, "drive")), ==, 30);
  g_assert_cmpint (waymark_plan_item_get_reach_group (item_of (f, "drive")), ==,
                   WAYMARK_REACH_GROUP_PERPETRATORS);
  g_assert_cmpstr (waymark_plan_item_get_reach_source (item_of (f, "drive")), ==,
                   "Drive partnership forecast, June 2026");
  g_assert_cmpstr (label_text (per_person), ==, "£3,200");
  g_assert_true (gui_test_has_text (GTK_WIDGET (row_of (f, "drive")),
                                    "Computed: £96,000 a year ÷ 30 people"));
  {
    const char *summary = gtk_label_get_text (f->page.reach_label);

    g_assert_true (g_str_has_prefix (summary,
                                     "People reached a year (local figures):\n\nPerpetrators: 30\n"
                                     "No coverage: the review gives only a ratio, “only 1% of DA "
                                     "perpetrators receive an intervention”"));
  }
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row_of (f, "drive"))),
                            "£3,200 per person reached"));

  /* Perpetrators have no count in the review: a button asks for the plan's own, and the
   * coverage is then against it, naming both sources; the review's ratio stays beside it.
   * 30 of 340 is 8.82% (882.35... basis points). Victims, counted by the review, get none. */
  {
    GtkButton *button = f->page.local_need_buttons[WAYMARK_REACH_GROUP_PERPETRATORS];
    AdwMessageDialog *dialog = NULL;
    const char *source = NULL;

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
    g_assert_false (gtk_widget_get_visible (
                      GTK_WIDGET (f->page.local_need_buttons[WAYMARK_REACH_GROUP_VICTIMS])));
    g_assert_cmpstr (gtk_button_get_label (button), ==, "Enter a Local Need for Perpetrators…");
    gui_test_click (GTK_WIDGET (button));
    gui_test_wait_until (gui_test_find_message_dialog, &dialog, 5000, "the local need dialog");
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Local Need: Perpetrators");
    gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "people")), "340");
    gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "source")),
                           " Probation caseload, J. Okafor, March 2026 ");
    g_object_ref (dialog);
    adw_message_dialog_response (dialog, "save");
    /* A response button closes the dialog; a response given in code leaves that to the caller. */
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_object_unref (dialog);
    gui_test_flush ();

    g_assert_cmpuint (waymark_plan_get_local_need (plan_of (f), WAYMARK_REACH_GROUP_PERPETRATORS,
                                                   &source), ==, 340);
    g_assert_cmpstr (source, ==, "Probation caseload, J. Okafor, March 2026");
    g_assert_true (g_str_has_prefix (gtk_label_get_text (f->page.reach_label),
                                     "People reached a year (local figures):\n\nPerpetrators: 30\n"
                                     "30 of 340 (8.82%): reach from the items’ sources; need: "
                                     "local, “Probation caseload, J. Okafor, March 2026”\n"));
    g_assert_nonnull (strstr (gtk_label_get_text (f->page.reach_label),
                              "Beside it, the review gives only a ratio, “only 1% of DA "
                              "perpetrators receive an intervention”"));
    g_assert_cmpstr (gtk_button_get_label (button), ==, "Change the Local Need for Perpetrators…");

    /* One edit: Undo takes it back, and the review's ratio alone is left. */
    undo (f);
    g_assert_cmpuint (waymark_plan_get_local_need (plan_of (f), WAYMARK_REACH_GROUP_PERPETRATORS,
                                                   NULL), ==, 0);
    g_assert_true (g_str_has_prefix (gtk_label_get_text (f->page.reach_label),
                                     "People reached a year (local figures):\n\nPerpetrators: 30\n"
                                     "No coverage: the review gives only a ratio"));
    g_assert_cmpstr (gtk_button_get_label (button), ==, "Enter a Local Need for Perpetrators…");

    /* Cancel records nothing. */
    gui_test_click (GTK_WIDGET (button));
    dialog = NULL;
    gui_test_wait_until (gui_test_find_message_dialog, &dialog, 5000, "the local need dialog again");
    gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "people")), "99");
    g_object_ref (dialog);
    adw_message_dialog_response (dialog, "cancel");
    /* A response button closes the dialog; a response given in code leaves that to the caller. */
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_object_unref (dialog);
    gui_test_flush ();
    g_assert_cmpuint (waymark_plan_get_local_need (plan_of (f), WAYMARK_REACH_GROUP_PERPETRATORS,
                                                   NULL), ==, 0);
  }

  /* The funding source chosen in the item: spend by funding source says so. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (control (f, "drive", "funding-source")),
                              WAYMARK_FUNDING_SOURCE_HOME_OFFICE_PERPETRATOR);
  {
    g_autofree char *funding = waymark_plan_chart_dup_description (f->page.funding_chart);

    g_assert_nonnull (strstr (funding, "Home Office perpetrator funding: £96,000 (100%)"));
  }
  undo (f);

  /* A named local stream (issue 14): Other asks for its name, and spend by funding source
   * counts it under that name; another stream of the review's takes the name away in the same
   * edit, and Undo brings it back. */
  {
    GtkWidget *name_row = control (f, "drive", "funding-name");
    g_autofree char *funding = NULL;

    g_assert_false (gtk_widget_get_visible (name_row));
    adw_combo_row_set_selected (ADW_COMBO_ROW (control (f, "drive", "funding-source")),
                                WAYMARK_FUNDING_SOURCE_OTHER);
    g_assert_true (gtk_widget_get_visible (name_row));
    apply_text (name_row, " Rutland County Council ");
    g_assert_cmpstr (waymark_plan_item_get_funding_name (item_of (f, "drive")), ==,
                     "Rutland County Council");
    funding = waymark_plan_chart_dup_description (f->page.funding_chart);
    g_assert_nonnull (strstr (funding, "Rutland County Council: £96,000 (100%)"));

    adw_combo_row_set_selected (ADW_COMBO_ROW (control (f, "drive", "funding-source")),
                                WAYMARK_FUNDING_SOURCE_PCC_VICTIMS);
    g_assert_false (gtk_widget_get_visible (name_row));
    g_assert_cmpstr (waymark_plan_item_get_funding_name (item_of (f, "drive")), ==, "");
    undo (f);
    g_assert_true (gtk_widget_get_visible (name_row));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Rutland County Council");
    undo (f);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");
    undo (f);
    g_assert_false (gtk_widget_get_visible (name_row));
  }

  /* Victims against the review's count of adults in LLR who experienced domestic abuse in
   * 2020/21: 2,836 of 28,360 is 10.00%, with the review's words, period and place. */
  add_from_row (f, "cbt-victims");
  gui_test_flush ();
  type_into_spin (control (f, "cbt-victims", "reach"), "2836");
  adw_combo_row_set_selected (ADW_COMBO_ROW (control (f, "cbt-victims", "reach-group")),
                              WAYMARK_REACH_GROUP_VICTIMS);
  g_assert_nonnull (strstr (gtk_label_get_text (f->page.reach_label),
                            "Victims and survivors: 2,836\n10.00% of 28,360: the review, “in "
                            "2020/21, 28,360 adults experienced domestic abuse in the past year” "
                            "(2020/21, Leicester, Leicestershire and Rutland)"));
  undo (f);
  undo (f);
  undo (f);

  /* Each was one edit: Undo takes back the source, the group, then the figure. */
  undo (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (f, "drive", "reach-source"))), ==, "");
  undo (f);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (control (f, "drive", "reach-group"))),
                    ==, WAYMARK_REACH_GROUP_UNSPECIFIED);
  undo (f);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (control (f, "drive", "reach"))), ==, 0);
  g_assert_cmpstr (label_text (per_person), ==, "Not yet known");
  g_assert_nonnull (strstr (gtk_label_get_text (f->page.reach_label), "none recorded yet"));

  waymark_plan_mark_saved (plan_of (f));
}

static void
test_warnings_dismiss (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_from_row (f, "drive");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
  before = waymark_plan_warnings_dup_shown_ids (f->page.warnings);
  g_assert_cmpstr (before, ==, "no-primary no-young-people no-sexual-violence no-older-people");
  /* Each says the review's words it rests on, and where they are (issue 14). */
  g_assert_true (gui_test_has_text (GTK_WIDGET (f->page.warnings),
                                    "“Sexual violence in Leicester, Leicestershire and Rutland "
                                    "increased by 47%”, the review, under “Domestic abuse and "
                                    "sexual violence is a growing problem"));

  gui_test_click (waymark_plan_warnings_get_dismiss_button (f->page.warnings, "no-primary"));
  after = waymark_plan_warnings_dup_shown_ids (f->page.warnings);
  g_assert_cmpstr (after, ==, "no-young-people no-sexual-violence no-older-people");
  g_assert_true (g_strv_contains (waymark_plan_get_dismissed_warnings (plan_of (f)), "no-primary"));

  /* Older people (issue 14): the review's gap, in its words under its heading, until an item is
   * said to reach them. */
  g_assert_true (gui_test_has_text (GTK_WIDGET (f->page.warnings),
                                    "“There is a gap in support services for older adults at "
                                    "risk of DA and SV”, the review, under “Free from Violence "
                                    "and Abuse (freeva)”"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (control (f, "drive", "reach-group")),
                              WAYMARK_REACH_GROUP_OLDER_PEOPLE);
  gui_test_flush ();
  g_free (after);
  after = waymark_plan_warnings_dup_shown_ids (f->page.warnings);
  g_assert_cmpstr (after, ==, "no-young-people no-sexual-violence");

  waymark_plan_mark_saved (plan_of (f));
}

/* The GUI monkey's seed 42 (400 steps): a start year typed and not yet applied, then the focus
 * given to a warning. The year is applied as the focus leaves it, the warnings change, and the
 * list was rebuilt there and then, inside GTK's own focus change, which then went on with the
 * row it had taken away (gtk_widget_get_parent: assertion 'GTK_IS_WIDGET (widget)' failed). */
static void
test_focus_to_warning_applies_year (Fixture       *f,
                                    gconstpointer  data)
{
  GtkWidget *dismiss;
  GtkWidget *row;
  g_autofree char *shown = NULL;

  add_from_row (f, "drive");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
  dismiss = waymark_plan_warnings_get_dismiss_button (f->page.warnings, "no-young-people");
  g_assert_nonnull (dismiss);
  row = gtk_widget_get_ancestor (dismiss, GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  g_object_ref (row);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (f->page.start_year_spin)));
  gtk_editable_set_text (GTK_EDITABLE (f->page.start_year_spin), "2031");
  gtk_widget_grab_focus (row);
  gui_test_flush ();
  g_object_unref (row);

  g_assert_cmpuint (waymark_plan_get_start_year (plan_of (f)), ==, 2031);
  shown = waymark_plan_warnings_dup_shown_ids (f->page.warnings);
  g_assert_cmpstr (shown, ==, "no-primary no-young-people no-sexual-violence no-older-people");
  waymark_plan_mark_saved (plan_of (f));
}

static void
test_save_reopen_export (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "plan.waymark", NULL);
  g_autofree char *again_path = g_build_filename (f->tmpdir, "again.waymark", NULL);
  g_autofree char *csv_path = g_build_filename (f->tmpdir, "plan.csv", NULL);
  g_autofree char *json_path = g_build_filename (f->tmpdir, "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) again = g_file_new_for_path (again_path);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *root;
  WaymarkPlanDocument *document = waymark_window_get_plan_document (f->window);

  add_from_detail (f, "iris");
  add_from_row (f, "drive");
  add_from_chip (f, "safe-dates");
  apply_text (GTK_WIDGET (f->page.title_row), "Plan, \"draft\" 2026");
  type_into_spin (control (f, "drive", "quantity"), "40");
  apply_text (control (f, "iris", "unit-cost"), "24000");
  type_notes (f, "iris", "=1+1, GP practices");
  gtk_widget_grab_focus (GTK_WIDGET (f->page.title_row));

  g_assert_true (waymark_window_save_plan_as (f->window, file));
  g_assert_false (waymark_plan_document_get_modified (document));
  /* The window is named by the plan's title; the header by its file. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==,
                   "Plan, \"draft\" 2026 – Waymark");
  g_assert_cmpstr (adw_window_title_get_subtitle (f->parts.window_title), ==,
                   "plan.waymark");
  saved = read_file (path);

  /* Exports: the JSON is the save format; the CSV a clean table. */
  g_assert_true (waymark_window_export_plan (f->window, WAYMARK_PLAN_FORMAT_JSON, json_file));
  g_assert_true (waymark_window_export_plan (f->window, WAYMARK_PLAN_FORMAT_CSV, csv_file));
  json = read_file (json_path);
  g_assert_cmpstr (json, ==, saved);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "waymark-plan");
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Plan, \"draft\" 2026");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "items")), ==, 3);

  csv = read_file (csv_path);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "intervention_id,intervention,level,"));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);  /* header, three items, the last CRLF */
  g_assert_true (g_str_has_prefix (lines[1], "iris,"));
  g_assert_nonnull (strstr (lines[1], "24000.00"));
  g_assert_nonnull (strstr (lines[1], "\"'=1+1, GP practices\""));
  g_assert_true (g_str_has_prefix (lines[2], "drive,"));
  g_assert_nonnull (strstr (lines[2], "96000.00"));
  g_assert_cmpstr (lines[4], ==, "");

  /* An edit, then opening the saved plan: the question first, then the plan as it was. */
  apply_text (control (f, "drive", "provider"), "Respect");
  g_assert_true (waymark_plan_document_get_modified (document));
  waymark_window_open_plan (f->window, file);
  gui_test_answer_dialog ("Save Changes?", "discard");
  g_assert_false (waymark_plan_document_get_modified (document));
  g_assert_cmpstr (waymark_plan_item_get_provider (item_of (f, "drive")), ==, "");
  g_assert_cmpuint (waymark_plan_item_get_quantity (item_of (f, "drive")), ==, 40);
  g_assert_cmpint (waymark_plan_item_get_unit_cost (item_of (f, "iris")), ==, 2400000);
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£120,000");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (control (f, "drive", "quantity"))), ==, 40);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->page.title_row)), ==, "Plan, \"draft\" 2026");

  /* Nothing lost or changed on the way: saving again gives the same bytes. */
  g_assert_true (waymark_window_save_plan_as (f->window, again));
  resaved = read_file (again_path);
  g_assert_cmpstr (resaved, ==, saved);
}

/* Issue 16: the workbook and the summary CSV, beside the plan's CSV; the action of each is
 * enabled, and a failure is said in a dialog. */
static void
test_export_reports (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *xlsx_path = g_build_filename (f->tmpdir, "plan.xlsx", NULL);
  g_autofree char *summary_path = g_build_filename (f->tmpdir, "summary.csv", NULL);
  g_autofree char *bad_path = g_build_filename (f->tmpdir, "no-such-dir", "plan.xlsx", NULL);
  g_autoptr(GFile) xlsx_file = g_file_new_for_path (xlsx_path);
  g_autoptr(GFile) summary_file = g_file_new_for_path (summary_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autofree char *xlsx = NULL;
  g_autofree char *summary = NULL;
  gsize length = 0;
  GtkWidget *probe = gtk_button_new ();

  /* GTK 4.8 has no query for a widget's action: a button in the window follows its state. */
  gtk_widget_set_parent (probe, GTK_WIDGET (f->page.title_row));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), "win.export-plan-workbook");
  g_assert_true (gtk_widget_get_sensitive (probe));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), "win.export-plan-summary-csv");
  g_assert_true (gtk_widget_get_sensitive (probe));
  gtk_widget_unparent (probe);

  add_from_row (f, "drive");
  apply_text (GTK_WIDGET (f->page.title_row), "=1+1 plan");
  type_into_spin (control (f, "drive", "quantity"), "40");

  g_assert_true (waymark_window_export_workbook (f->window, xlsx_file));
  g_assert_true (g_file_get_contents (xlsx_path, &xlsx, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (xlsx, 4, "PK\x03\x04", 4);
  /* The same file as `waymark-cli report --format xlsx` writes: one writer for both. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) expected = waymark_report_xlsx_bytes (plan_of (f), f->catalogue, &error);

    g_assert_no_error (error);
    g_assert_cmpmem (xlsx, length, g_bytes_get_data (expected, NULL),
                     g_bytes_get_size (expected));
  }

  g_assert_true (waymark_window_export_plan (f->window, WAYMARK_PLAN_FORMAT_SUMMARY_CSV,
                                             summary_file));
  summary = read_file (summary_path);
  g_assert_true (g_str_has_prefix (summary, "\xEF\xBB\xBF" "field,label,value,kind,source\r\n"
                                   "title,Title,\"'=1+1 plan\",local,"));
  /* DRIVE, 40 perpetrators at the review's £2,400: £96,000 in the first year. */
  {
    g_autofree char *year_id = waymark_plan_dup_year_id (plan_of (f), 0);
    g_autofree char *first_year = g_strdup_printf ("\r\ntotal_low_%s_gbp,", year_id);

    g_assert_nonnull (strstr (summary, first_year));
    g_assert_nonnull (strstr (strstr (summary, first_year), ",96000.00,computed,"));
  }

  g_assert_false (waymark_window_export_workbook (f->window, bad_file));
  gui_test_answer_dialog ("Could Not Export Plan", "close");
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));

  waymark_plan_mark_saved (plan_of (f));
}

static void
test_failed_save (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "no-such-dir", "plan.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  WaymarkPlanDocument *document = waymark_window_get_plan_document (f->window);

  add_from_row (f, "drive");
  g_assert_false (waymark_window_save_plan_as (f->window, file));
  gui_test_answer_dialog ("Could Not Save Plan", "close");
  g_assert_true (waymark_plan_document_get_modified (document));
  g_assert_null (waymark_plan_document_get_file (document));

  waymark_plan_mark_saved (plan_of (f));
}

static gboolean
is_finalized (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_close_asks (Fixture       *f,
                 gconstpointer  data)
{
  gpointer weak = f->window;

  add_from_row (f, "drive");
  g_object_add_weak_pointer (G_OBJECT (f->window), &weak);

  /* Cancel keeps the window and the plan. */
  gtk_window_close (GTK_WINDOW (f->window));
  gui_test_answer_dialog ("Save Changes?", "cancel");
  g_assert_nonnull (weak);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  gtk_window_close (GTK_WINDOW (f->window));
  gui_test_answer_dialog ("Save Changes?", "discard");
  gui_test_wait_until (is_finalized, &weak, 5000, "the window to be finalised");
  f->window = NULL;
}

/* The intervention ids of a saved plan, in order, comma-separated. */
/* Save chosen on closing a plan that has a file: it is written there, then the window goes. */
static void
test_close_save (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "plan.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *ids = NULL;
  gpointer weak = f->window;

  add_from_row (f, "drive");
  g_assert_true (waymark_window_save_plan_as (f->window, file));
  add_from_row (f, "iris");
  g_object_add_weak_pointer (G_OBJECT (f->window), &weak);

  gtk_window_close (GTK_WINDOW (f->window));
  gui_test_answer_dialog ("Save Changes?", "save");
  gui_test_wait_until (is_finalized, &weak, 5000, "the window to be finalised");
  f->window = NULL;

  ids = gui_test_saved_ids (path);
  g_assert_cmpstr (ids, ==, "drive,iris");
}

/* Save chosen on closing, and the save fails: the error is shown, the window stays and the
 * plan keeps its changes. */
static void
test_close_save_fails (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->tmpdir, "gone", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  WaymarkPlanDocument *document = waymark_window_get_plan_document (f->window);
  gpointer weak = f->window;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  add_from_row (f, "drive");
  g_assert_true (waymark_window_save_plan_as (f->window, file));
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  add_from_row (f, "iris");
  g_object_add_weak_pointer (G_OBJECT (f->window), &weak);

  gtk_window_close (GTK_WINDOW (f->window));
  gui_test_answer_dialog ("Save Changes?", "save");
  gui_test_answer_dialog ("Could Not Save Plan", "close");

  g_assert_nonnull (weak);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (waymark_plan_document_get_modified (document));
  g_assert_nonnull (waymark_plan_find_item (plan_of (f), "iris", NULL));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  g_object_remove_weak_pointer (G_OBJECT (f->window), &weak);
  waymark_plan_mark_saved (plan_of (f));
}

static void
on_finalized (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* The window destroyed (a crash) while "Save Changes?" waits: answered afterwards, the answer
 * does nothing in the window that has gone, and nothing is left holding it. */
static void
test_destroyed_while_asking (Fixture       *f,
                             gconstpointer  data)
{
  gboolean finalized = FALSE;
  AdwMessageDialog *dialog = NULL;

  add_from_row (f, "drive");
  g_object_set_data_full (G_OBJECT (f->window), "test-finalize-probe", &finalized, on_finalized);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL));
  gui_test_wait_until (gui_test_find_message_dialog, &dialog, 5000, "Save Changes?");

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  gui_test_flush ();
  /* Answered if it is still there: Save, the answer that would reach furthest. */
  dialog = NULL;
  if (gui_test_find_message_dialog (&dialog))
    gui_test_answer_dialog ("Save Changes?", "save");
  gui_test_wait_until (is_true, &finalized, 5000, "the window to be finalised");
  dialog = NULL;
  g_assert_false (gui_test_find_message_dialog (&dialog));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (G_FILE (data), NULL);
}

static void
test_recovery (Fixture       *f,
               gconstpointer  data)
{
  WaymarkPlanDocument *document = waymark_window_get_plan_document (f->window);
  g_autoptr(GFile) recovery = g_object_ref (waymark_plan_document_get_recovery_file (document));
  gpointer weak = f->window;

  add_from_row (f, "drive");
  type_into_spin (control (f, "drive", "quantity"), "12");
  gui_test_wait_until (file_exists, recovery, 5000, "the recovery copy");

  /* A crash: the window goes without being closed. */
  g_object_add_weak_pointer (G_OBJECT (f->window), &weak);
  gtk_window_destroy (GTK_WINDOW (f->window));
  gui_test_wait_until (is_finalized, &weak, 5000, "the window to be finalised");
  g_assert_true (g_file_query_exists (recovery, NULL));

  open_window (f);
  gui_test_answer_dialog ("Recover Unsaved Plan?", "recover");
  document = waymark_window_get_plan_document (f->window);
  g_assert_true (waymark_plan_document_get_modified (document));
  g_assert_cmpuint (waymark_plan_item_get_quantity (item_of (f, "drive")), ==, 12);

  /* Discarding on close leaves nothing to recover next time. */
  weak = f->window;
  g_object_add_weak_pointer (G_OBJECT (f->window), &weak);
  gtk_window_close (GTK_WINDOW (f->window));
  gui_test_answer_dialog ("Save Changes?", "discard");
  gui_test_wait_until (is_finalized, &weak, 5000, "the window to be finalised");
  f->window = NULL;
  g_assert_false (g_file_query_exists (recovery, NULL));
}

static void
test_newer_plan_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "newer.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog = NULL;

  g_assert_true (g_file_set_contents (path, "{\"format\": \"waymark-plan\", \"version\": 99}",
                                      -1, NULL));
  add_from_row (f, "drive");
  waymark_plan_mark_saved (plan_of (f));

  waymark_window_open_plan (f->window, file);
  gui_test_wait_until (gui_test_find_message_dialog, &dialog, 5000, "the error dialog");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open Plan");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "newer version of Waymark"));
  gui_test_answer_dialog ("Could Not Open Plan", "close");
  /* The plan in hand stays. */
  g_assert_nonnull (waymark_plan_find_item (plan_of (f), "drive", NULL));
}

/* Issue 11, finding 8: every item of a plan had its own row of editing widgets, about 0.7 MB
 * each, so a plan of 10,000 items passed 7 GB. Only the rows in sight may exist. */

#define N_LAZY_ITEMS 600
/* GTK 4.8's list view keeps up to 200 rows around the one in sight (later GTK keeps fewer):
 * a bound that does not grow with the plan. */
#define MAX_ROWS 250

static void
copy_member (JsonObject  *object,
             const char  *name,
             JsonNode    *node,
             gpointer     data)
{
  json_object_set_member (data, name, json_node_copy (node));
}

/* A catalogue of N_LAZY_ITEMS copies of Drive (costed, rated, not in place in LLR: no warning
 * of its own), in the test's directory. */
static WaymarkCatalogue *
make_big_catalogue (const char *dir)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "small-catalogue.json", NULL);
  g_autofree char *path = g_build_filename (dir, "big-catalogue.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *interventions;
  JsonArray *copies = json_array_new ();
  JsonNode *drive = NULL;
  WaymarkCatalogue *catalogue;

  json_parser_load_from_file (parser, source, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  interventions = json_object_get_array_member (root, "interventions");
  for (guint i = 0; i < json_array_get_length (interventions); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (interventions, i), "id"), "drive"))
      drive = json_array_get_element (interventions, i);
  g_assert_nonnull (drive);

  for (guint i = 0; i < N_LAZY_ITEMS; i++)
    {
      /* json_node_copy shares the object: a new object, with Drive's members. */
      JsonObject *copy = json_object_new ();
      g_autofree char *id = g_strdup_printf ("drive-%u", i);
      g_autofree char *name = g_strdup_printf ("Drive project %u", i);

      json_object_foreach_member (json_node_get_object (drive), copy_member, copy);
      json_object_set_string_member (copy, "id", id);
      json_object_set_string_member (copy, "name", name);
      json_array_add_object_element (copies, copy);
    }
  json_object_set_array_member (root, "interventions", copies);

  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
  catalogue = waymark_catalogue_new_from_file (file, &error);
  g_assert_no_error (error);
  return catalogue;
}

static char *
make_big_plan (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "big.waymark", NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_string_append (json,
                   "{\"format\": \"waymark-plan\", \"version\": 1, \"title\": \"Big\", "
                   "\"area\": \"\", \"organisation\": \"\", \"author\": \"\", "
                   "\"start_year\": 2026, \"years\": 1, \"currency\": \"GBP\", "
                   "\"budget_pence\": 0, \"catalogue\": {\"title\": \"\", \"data_version\": \"\"}, "
                   "\"exported_at\": \"2026-11-26T09:30:00Z\", \"items\": [");
  for (guint i = 0; i < N_LAZY_ITEMS; i++)
    g_string_append_printf (json,
                            "%s{\"intervention_id\": \"drive-%u\", \"name\": \"Drive project %u\", "
                            "\"level\": \"tertiary\", \"focus\": \"da\", "
                            "\"evidence_rating\": \"moderate\", \"impact_rating\": \"high\", "
                            "\"quantity\": 1, \"unit\": \"perpetrators\", "
                            "\"unit_cost_pence\": 240000, \"unit_cost_high_pence\": 240000, "
                            "\"line_total_pence\": 240000, \"line_total_high_pence\": 240000, "
                            "\"cost_source\": \"review\", \"funding_source\": \"unspecified\", "
                            "\"provider\": \"\", \"notes\": \"\", \"works_with\": [\"perpetrators\"], "
                            "\"llr_status\": \"not-in-place\", \"for_young_people\": false, "
                            "\"published_cost\": null, \"missing_from_catalogue\": false}",
                            i == 0 ? "" : ", ", i, i);
  g_string_append_printf (json,
                          "], \"totals\": {\"annual_low_pence\": %u, \"annual_high_pence\": %u, "
                          "\"total_low_pence\": %u, \"total_high_pence\": %u, "
                          "\"budget_remaining_low_pence\": -%u, \"budget_remaining_high_pence\": -%u, "
                          "\"items_without_cost\": 0}, \"warnings\": [], \"dismissed_warnings\": []}\n",
                          N_LAZY_ITEMS * 240000, N_LAZY_ITEMS * 240000, N_LAZY_ITEMS * 240000,
                          N_LAZY_ITEMS * 240000, N_LAZY_ITEMS * 240000, N_LAZY_ITEMS * 240000);
  g_file_set_contents (path, json->str, json->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
count_item_rows (GtkWidget *widget,
                 guint     *n)
{
  if (WAYMARK_IS_PLAN_ITEM_ROW (widget))
    (*n)++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_item_rows (child, n);
}

static guint
n_item_rows (Fixture *f)
{
  guint n = 0;

  count_item_rows (GTK_WIDGET (f->window), &n);
  return n;
}

static gboolean
has_item_rows (gpointer data)
{
  return n_item_rows (data) > 0;
}

static gboolean
last_row_shown (gpointer data)
{
  Fixture *f = data;
  WaymarkPlanItemRow *row = waymark_plan_page_get_row (f->parts.plan_page, "drive-599");

  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return row != NULL && gtk_widget_get_mapped (GTK_WIDGET (row)) && focus != NULL &&
         (focus == GTK_WIDGET (row) || gtk_widget_is_ancestor (focus, GTK_WIDGET (row)));
}

static void
test_finding_8_lazy_rows (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  WaymarkPlanItemRow *row;

  /* The fixture's window, again with a catalogue that has the plan's interventions. */
  gui_test_window_close (f->window);
  g_assert_finalize_object (f->catalogue);
  f->catalogue = make_big_catalogue (f->tmpdir);
  open_window (f);
  path = make_big_plan (f->tmpdir);
  file = g_file_new_for_path (path);

  waymark_window_open_plan (f->window, file);
  gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan_of (f))), ==, N_LAZY_ITEMS);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->parts.view_stack), ==, "plan");
  gui_test_wait_until (has_item_rows, f, 20000, "the plan's rows");

  /* A bounded number of rows, not one for every item. */
  g_assert_cmpuint (n_item_rows (f), <=, MAX_ROWS);
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£1,440,000");
  g_assert_null (waymark_plan_page_get_row (f->parts.plan_page, "drive-599"));

  /* The last item is reached, opened and given the focus all the same. */
  waymark_plan_page_focus_item (f->parts.plan_page, "drive-599");
  gui_test_wait_until (last_row_shown, f, 20000, "the last item's row, with the focus");
  row = waymark_plan_page_get_row (f->parts.plan_page, "drive-599");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_cmpuint (n_item_rows (f), <=, MAX_ROWS);
}

/* Finding 1 of issue 11: a new item's provider and notes were unset (NULL); undoing the first
 * edit of either put NULL back into the entry and crashed in gtk_editable_set_text. */
static void
test_finding_1_undo_unset_text (Fixture       *f,
                                gconstpointer  data)
{
  const char *fields[] = { "provider", "unit" };
  GtkWidget *notes;

  add_from_row (f, "drive");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *entry = control (f, "drive", fields[i]);
      g_autofree char *before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

      apply_text (entry, "Respect");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Respect");
      /* Tab out: the focus leaves the field, then Ctrl+Z. */
      gtk_widget_grab_focus (GTK_WIDGET (f->page.title_row));
      gui_test_flush ();
      undo (f);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, before);
      redo (f);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Respect");
      undo (f);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, before);
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (f, "drive", "provider"))), ==, "");

  /* The notes, a text view, the same way. */
  notes = type_notes (f, "drive", "Respect");
  gtk_widget_grab_focus (GTK_WIDGET (f->page.title_row));
  gui_test_flush ();
  g_assert_cmpstr (waymark_plan_item_get_notes (item_of (f, "drive")), ==, "Respect");
  undo (f);
  {
    g_autofree char *shown = dup_notes_shown (notes);
    g_assert_cmpstr (shown, ==, "");
  }
  /* The core no longer keeps NULL text at all (the plan model test found undo restoring NULL
   * where the saved file said ""): a new item's provider and notes are empty. */
  g_assert_cmpstr (waymark_plan_item_get_provider (item_of (f, "drive")), ==, "");
  g_assert_cmpstr (waymark_plan_item_get_notes (item_of (f, "drive")), ==, "");
  waymark_plan_mark_saved (plan_of (f));
}

/* A notification's text, checked on the window's record of it: under memcheck the toast may
 * have shown and timed out (five seconds of the wall clock) before the test looks. */
static void
assert_last_toast (Fixture    *f,
                   const char *text)
{
  const char *title = waymark_window_get_last_toast_title (f->window);

  g_assert_nonnull (title);
  g_assert_nonnull (strstr (title, text));
}

/* Launching reopens the plan that was open when the window last closed (issue 13), as GNOME
 * Text Editor restores its session; a plan that has gone is said once, and not tried again; a
 * plan never saved leaves nothing to reopen; unsaved work to recover comes first. */
static void
test_reopen_last_plan (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "last.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *setting = NULL;

  add_from_row (f, "drive");
  add_from_row (f, "iris");
  g_assert_true (waymark_window_save_plan_as (f->window, file));
  gui_test_window_close (f->window);
  setting = g_settings_get_string (f->settings, "last-plan");
  g_assert_cmpstr (setting, ==, uri);

  /* Started again: the plan is back, and a notification says so. */
  open_window (f);
  waymark_window_reopen_last_plan (f->window);
  gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan_of (f))), ==, 2);
  g_assert_true (g_file_equal (waymark_plan_document_get_file (waymark_window_get_plan_document (f->window)),
                               file));
  g_assert_false (waymark_plan_document_get_modified (waymark_window_get_plan_document (f->window)));
  assert_last_toast (f, "Reopened the last plan, “");

  /* Gone by the next start: said, and forgotten. */
  gui_test_window_close (f->window);
  g_assert_cmpint (g_unlink (path), ==, 0);
  open_window (f);
  waymark_window_reopen_last_plan (f->window);
  gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan_of (f))), ==, 0);
  g_assert_null (waymark_plan_document_get_file (waymark_window_get_plan_document (f->window)));
  assert_last_toast (f, "could not be reopened");
  g_free (setting);
  setting = g_settings_get_string (f->settings, "last-plan");
  g_assert_cmpstr (setting, ==, "");

  /* A plan never saved: nothing to reopen. */
  g_settings_set_string (f->settings, "last-plan", uri);
  add_from_row (f, "drive");
  waymark_plan_mark_saved (plan_of (f));
  gui_test_window_close (f->window);
  g_free (setting);
  setting = g_settings_get_string (f->settings, "last-plan");
  g_assert_cmpstr (setting, ==, "");
  open_window (f);
}

/* Finding 2 of issue 11: opening a plan (Open, Recent Plans) before the Plan page was ever built
 * disconnected the window from the previous plan after the document had released it. The
 * sanitizer pass reports the use after free; the other passes see a critical (fatal here). */
static void
test_finding_2_open_plan_twice (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "first.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WaymarkPlan) plan = waymark_plan_new ();
  g_autoptr(WaymarkPlanItem) item =
    waymark_plan_item_new_for_intervention (waymark_catalogue_lookup (f->catalogue, "drive"));
  g_autoptr(GError) error = NULL;
  WaymarkWindow *window;
  WaymarkPlan *opened;

  waymark_plan_add_item (plan, item);
  g_assert_true (waymark_plan_write (plan, f->catalogue, WAYMARK_PLAN_FORMAT_JSON, file, &error));
  g_assert_no_error (error);

  /* A window as the application makes one: its Plan page is built on first use. */
  gui_test_window_close (f->window);
  window = f->window = new_window (f, f->catalogue);

  for (guint i = 0; i < 3; i++)
    {
      WaymarkPlan *before = waymark_plan_document_get_plan (waymark_window_get_plan_document (window));

      waymark_window_open_plan (window, file);
      gui_test_flush ();
      opened = waymark_plan_document_get_plan (waymark_window_get_plan_document (window));
      g_assert_true (opened != before);
      g_assert_nonnull (waymark_plan_find_item (opened, "drive", NULL));
      /* The window follows the new plan: Undo is enabled by an addition to it, and undoes it. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-plan", "s", "iris"));
      gui_test_flush ();
      g_assert_nonnull (waymark_plan_find_item (opened, "iris", NULL));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
      gui_test_flush ();
      g_assert_null (waymark_plan_find_item (opened, "iris", NULL));
      waymark_plan_mark_saved (opened);
    }
}

/* Finding 3 of issue 11: text from a file (a catalogue's names, a plan's details and items) is
 * shown as text. Every label below `widget` that shows one of the marked words must show the
 * tags around it too: a label that rendered them as markup shows the word without its tags. */
static const char *const markup_words[][2] = {
  { "NAMEMARK", "<b>NAMEMARK</b>" },
  { "LINKMARK", "<a href=\"https://example.org/\">LINKMARK</a>" },
  { "SUMMARYMARK", "<span foreground=\"red\" size=\"xx-large\">SUMMARYMARK</span>" },
  { "UNITMARK", "<i>UNITMARK</i>" },
  { "PROVIDERMARK", "<u>PROVIDERMARK</u>" },
  { "NOTESMARK", "<big>NOTESMARK</big>" },
  { "TITLEMARK", "<s>TITLEMARK</s>" },
  /* A file name cannot hold a closing tag's slash; an entity shows markup as well. */
  { "FILEMARK", "R&amp;D FILEMARK" },
};

static void
assert_shown_as_text (GtkWidget *widget,
                      guint     *n_seen)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (markup_words); i++)
    if (strstr (text, markup_words[i][0]) != NULL)
      {
        if (strstr (text, markup_words[i][1]) == NULL)
          {
            g_autoptr(GString) path = g_string_new (G_OBJECT_TYPE_NAME (widget));

            for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
              g_string_prepend (g_string_prepend (path, " > "), G_OBJECT_TYPE_NAME (up));
            g_error ("%s shows “%s” as markup: “%s”", path->str, markup_words[i][1], text);
          }
        (*n_seen)++;
      }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_shown_as_text (child, n_seen);
}

static guint
assert_window_shows_text (GtkWidget *window)
{
  guint n_seen = 0;

  gui_test_flush ();
  assert_shown_as_text (window, &n_seen);
  return n_seen;
}

static void
test_finding_3_markup_is_text (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "small-catalogue.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *marked_name = NULL;
  g_autofree char *marked_summary = NULL;
  g_autofree char *marked_basis = NULL;
  g_autofree char *link = g_strescape (markup_words[1][1], NULL);
  g_autofree char *span = g_strescape (markup_words[2][1], NULL);
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  WaymarkCatalogue *catalogue;
  WaymarkWindow *window;
  WaymarkWindowParts parts;
  WaymarkPlan *plan;
  WaymarkPlanItem *item;
  guint seen;

  g_assert_true (g_file_get_contents (fixture, &json, NULL, NULL));
  text = g_string_new (json);
  /* As JSON strings: the quotes inside the tags escaped. */
  marked_name = g_strdup_printf ("\"name\": \"Drive %s %s\"", markup_words[0][1], link);
  marked_summary = g_strdup_printf ("\"summary\": \"%s The Drive", span);
  marked_basis = g_strdup_printf ("\"basis\": \"per %s\"", markup_words[3][1]);
  g_assert_cmpuint (g_string_replace (text, "\"name\": \"Drive project\"", marked_name, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"summary\": \"The Drive", marked_summary, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"basis\": \"per perpetrator\"", marked_basis, 1), ==, 1);
  bytes = g_bytes_new (text->str, text->len);
  catalogue = waymark_catalogue_new_from_bytes (bytes, "marked.json", &error);
  g_assert_no_error (error);

  gui_test_window_close (f->window);
  window = f->window = new_window (f, catalogue);
  waymark_window_get_parts (window, &parts);

  /* A toast naming it, the browser's row, the detail pane and the comparison. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-plan", "s", "drive");
  g_assert_true (gui_test_has_text (GTK_WIDGET (parts.toast_overlay), "to the plan"));
  assert_window_shows_text (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-intervention", "s", "drive");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s", "drive");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s", "dapps");
  seen = assert_window_shows_text (GTK_WIDGET (window));
  g_assert_cmpuint (seen, >=, 3);

  /* The plan's own text. */
  plan = waymark_plan_document_get_plan (waymark_window_get_plan_document (window));
  item = waymark_plan_find_item (plan, "drive", NULL);
  g_assert_nonnull (item);
  waymark_plan_edit (plan, item, "provider", markup_words[4][1], "notes", markup_words[5][1], NULL);
  waymark_plan_edit (plan, plan, "title", markup_words[6][1], NULL);

  for (guint i = 0; i < 3; i++)
    {
      static const char *const pages[] = { "plan", "compare", "interventions" };

      adw_view_stack_set_visible_child_name (parts.view_stack, pages[i]);
      assert_window_shows_text (GTK_WIDGET (window));
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "map");
  assert_window_shows_text (GTK_WIDGET (window));

  /* The file's name in the window's title. */
  {
    g_autofree char *name = g_strconcat (markup_words[7][1], ".waymark", NULL);
    g_autofree char *path = g_build_filename (f->tmpdir, name, NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_true (waymark_window_save_plan_as (window, file));
    g_assert_true (gui_test_has_text (GTK_WIDGET (window), "FILEMARK"));
    assert_window_shows_text (GTK_WIDGET (window));
  }

  /* The plan item's expander shows its name, unit, provider and notes when open. */
  adw_view_stack_set_visible_child_name (parts.view_stack, "plan");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (waymark_plan_page_get_row (parts.plan_page, "drive")), TRUE);
  seen = assert_window_shows_text (GTK_WIDGET (window));
  g_assert_cmpuint (seen, >=, 3);

  waymark_plan_mark_saved (plan);
  gui_test_window_close (window);
  f->window = NULL;
  g_assert_finalize_object (catalogue);
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *n_painted)
{
  (*n_painted)++;
}

static gboolean
painted_twice (gpointer data)
{
  return *(guint *) data >= 2;
}

static gboolean
is_narrow (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) <= 500;
}

static gboolean
is_two_columns (gpointer data)
{
  Fixture *f = data;
  graphene_rect_t items, total;

  return gtk_widget_compute_bounds (GTK_WIDGET (f->page.total_label), GTK_WIDGET (f->parts.plan_page), &total) &&
         gtk_widget_compute_bounds (GTK_WIDGET (f->parts.plan_page), GTK_WIDGET (f->parts.plan_page), &items) &&
         total.origin.x + total.size.width < items.size.width / 2;
}

/* Found by the GUI monkey (WAYMARK_MONKEY_SEED=2, step 249): the Plan page, last shown in two
 * columns, shown again after the window had become too narrow for them, laid out its two
 * columns once more before moving to one: the items got a negative width, and GTK warned
 * "attempt to allocate GtkScrolledWindow with width -20". */
static void
test_monkey_narrowed_while_hidden (Fixture       *f,
                                   gconstpointer  data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  guint n_painted = 0;
  gulong id;

  add_from_row (f, "drive");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_wait_until (is_two_columns, f, 5000, "the Plan page in two columns");

  adw_view_stack_set_visible_child_name (f->parts.view_stack, "interventions");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  gui_test_wait_until (is_narrow, f->window, 5000, "the window to be narrow");

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &n_painted);
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gtk_widget_queue_draw (GTK_WIDGET (f->window));
  gui_test_wait_until (painted_twice, &n_painted, 5000, "two frames of the Plan page");
  g_signal_handler_disconnect (clock, id);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->page.items_view)), >, 0);
  waymark_plan_mark_saved (plan_of (f));
}

/* Finding 13 (the end-to-end suite's verdict depended on the machine's speed): on a busy
 * machine, Tab pressed just after Space had opened an item went past the item's fields to the
 * next item, because the item's revealer had not yet shown them (two frames can have the same
 * frame time, and the revealer shows its child only once it has moved). Here the item's
 * animation cannot move at all (this test runs with GTK_SLOWDOWN=1e300: tests/gui/meson.build),
 * so the state that was a race is held: Tab waits while the fields are not shown, and is
 * carried out once they are. */

typedef struct
{
  guint frames;
} FrameCount;

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  ((FrameCount *) data)->frames++;
  return G_SOURCE_CONTINUE;
}

static gboolean
ten_frames (gpointer data)
{
  return ((FrameCount *) data)->frames >= 10;
}

static void
press_in_list (Fixture *f,
               guint    keyval)
{
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->page.items_view));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  g_object_unref (controllers);
  g_assert_true (handled);
}

static GtkWidget *
focus_of (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static GtkWidget *
fields_of (WaymarkPlanItemRow *row)
{
  GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (row));

  for (GtkWidget *part = gtk_widget_get_first_child (box); part != NULL;
       part = gtk_widget_get_next_sibling (part))
    if (GTK_IS_REVEALER (part))
      return gtk_revealer_get_child (GTK_REVEALER (part));
  g_assert_not_reached ();
}

/* Drive and the item after it in the plan, on the Plan page: Drive's row, once shown. */
static WaymarkPlanItemRow *
show_drive_and_next (Fixture *f)
{
  WaymarkPlanItemRow *row;

  add_from_row (f, "drive");
  add_from_row (f, "make-a-change");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  row = waymark_plan_page_get_row (f->parts.plan_page, "drive");
  g_assert_nonnull (row);
  gui_test_wait_until (is_mapped, row, 5000, "the item's row to be shown");
  return row;
}

static void
test_finding_13_tab_while_opening (Fixture       *f,
                                   gconstpointer  data)
{
  GtkSettings *gtk_settings = gtk_widget_get_settings (GTK_WIDGET (f->window));
  WaymarkPlanItemRow *row;
  GtkWidget *header;
  FrameCount count = { 0 };
  guint tick;

  row = show_drive_and_next (f);
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));

  /* The expander row takes no focus itself: its header does, the first control in it. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD));
  header = focus_of (f);
  g_assert_true (GTK_IS_LIST_BOX_ROW (header));
  g_assert_true (gtk_widget_is_ancestor (header, GTK_WIDGET (row)));

  /* Space opens the item; its fields wait for an animation that does not move (the UI tests
   * turn animations off: gui-test-util.c). */
  g_object_set (gtk_settings, "gtk-enable-animations", TRUE, NULL);
  press_in_list (f, GDK_KEY_space);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_false (gtk_widget_get_child_visible (fields_of (row)));

  /* Tab waits, frame after frame, on the header: not on to the next item. */
  press_in_list (f, GDK_KEY_Tab);
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (f->window), count_frame, &count, NULL);
  gui_test_wait_until (ten_frames, &count, 5000, "ten frames");
  gtk_widget_remove_tick_callback (GTK_WIDGET (f->window), tick);
  g_assert_true (focus_of (f) == header);

  /* The animation never ends here, so neither does the wait: the window closes with the press
   * still waiting. That the press goes into the fields once they are shown is
   * /gui/plan/space-then-tab, with animations off. */
  g_object_set (gtk_settings, "gtk-enable-animations", FALSE, NULL);
  waymark_plan_mark_saved (plan_of (f));
}

typedef struct
{
  Fixture    *f;
  const char *id;
  gboolean    in_fields;  /* in the item's fields, or on its header */
} FocusWanted;

/* The row the item's name is on (libadwaita 1.2: the expander row's box holds a list box with
 * it, then the revealer with the fields). */
static GtkWidget *
header_of (WaymarkPlanItemRow *row)
{
  GtkWidget *header = gtk_widget_get_first_child (gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (row))));

  g_assert_true (GTK_IS_LIST_BOX_ROW (header));
  return header;
}

static gboolean
focus_is (gpointer data)
{
  FocusWanted *wanted = data;
  WaymarkPlanItemRow *row = waymark_plan_page_get_row (wanted->f->parts.plan_page, wanted->id);
  GtkWidget *focus = focus_of (wanted->f);

  if (row == NULL || focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (row)))
    return FALSE;
  return gtk_widget_is_ancestor (focus, fields_of (row)) == wanted->in_fields;
}

/* Space on an item's header opens it and Tab goes into its fields; Space again closes it and
 * Tab goes on to the next item, not into the fields it has hidden. */
static void
test_space_then_tab (Fixture       *f,
                     gconstpointer  data)
{
  WaymarkPlanItemRow *row;
  FocusWanted in_drive = { f, "drive", TRUE };
  FocusWanted on_mac = { f, "make-a-change", FALSE };

  row = show_drive_and_next (f);

  g_assert_true (gtk_widget_grab_focus (header_of (row)));
  press_in_list (f, GDK_KEY_space);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  press_in_list (f, GDK_KEY_Tab);
  gui_test_wait_until (focus_is, &in_drive, 5000, "the focus in the item's first field");

  g_assert_true (gtk_widget_grab_focus (header_of (row)));
  press_in_list (f, GDK_KEY_space);
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  press_in_list (f, GDK_KEY_Tab);
  gui_test_wait_until (focus_is, &on_mac, 5000, "the focus on the next item's header");
  waymark_plan_mark_saved (plan_of (f));
}

typedef struct
{
  Fixture   *f;
  GtkWidget *before;  /* weak */
} FocusChange;

static gboolean
focus_has_moved (gpointer data)
{
  FocusChange *change = data;

  return focus_of (change->f) != change->before;
}

/* Tab through an open item stops on each of its controls once, and not on the rows that hold
 * them: the quantity's row and the line total's row were stops of their own, before the spin
 * button and the line total (issue 13: about 13 stops an item). */
static void
test_tab_stops_in_item (Fixture       *f,
                        gconstpointer  data)
{
  WaymarkPlanItemRow *row;
  GtkWidget *spin;
  GtkWidget *remove;
  guint stops = 0;
  gboolean on_remove = FALSE;

  row = show_drive_and_next (f);
  spin = control (f, "drive", "quantity");
  remove = control (f, "drive", "remove");

  g_assert_true (gtk_widget_grab_focus (header_of (row)));
  press_in_list (f, GDK_KEY_space);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  for (;;)
    {
      FocusChange change = { f, focus_of (f) };
      GtkWidget *focus;

      press_in_list (f, GDK_KEY_Tab);
      gui_test_wait_until (focus_has_moved, &change, 5000, "the focus to move on");
      focus = focus_of (f);
      if (focus == NULL || !gtk_widget_is_ancestor (focus, fields_of (row)))
        break;
      stops++;
      g_test_message ("stop %u: %s", stops, G_OBJECT_TYPE_NAME (focus));
      /* Never a row that only holds a control. */
      g_assert_false (ADW_IS_ACTION_ROW (focus) && !ADW_IS_COMBO_ROW (focus));
      if (stops == 2)
        g_assert_true (focus == spin || gtk_widget_is_ancestor (focus, spin));
      on_remove = focus == remove;
      g_assert_cmpuint (stops, <, 20);
    }

  /* The facts, the quantity, the unit, the two costs, where the cost is from, the funding,
   * the provider, the people reached, who they are, where that figure came from (issue 14),
   * the notes, the cost per person and the line total (figures that can be selected and
   * copied) and Remove, which is the last: 15 (11 before reach). */
  g_assert_cmpuint (stops, ==, 15);
  g_assert_true (on_remove);
  waymark_plan_mark_saved (plan_of (f));
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/gui/plan/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  /* With GTK_SLOWDOWN set (a second run of this program: tests/gui/meson.build), no animation
   * moves: only the test of what happens while one is held. */
  if (g_getenv ("GTK_SLOWDOWN") != NULL)
    {
      ADD ("finding-13-tab-while-opening", test_finding_13_tab_while_opening);
      return g_test_run ();
    }

  if (gui_test_in_part (1))
    {
      ADD ("add-from-browser", test_add_from_browser);
      ADD ("empty-plan", test_empty_plan);
      ADD ("notes-multi-line", test_notes_multi_line);
      ADD ("add-selected", test_add_selected);
      ADD ("remove-undo", test_remove_undo);
      ADD ("edit-totals-undo", test_edit_totals_undo);
      ADD ("chart-small-shares", test_chart_small_shares);
      ADD ("charts-caption", test_charts_caption);
      ADD ("chart-names-whole", test_chart_names_whole);
      ADD ("row-button-in-plan", test_row_button_in_plan);
      ADD ("finding-8-lazy-rows", test_finding_8_lazy_rows);
    }
  /* An item's fields, the keyboard among them, the budget and the warnings: about a quarter of
   * the program's time, so that under memcheck this part and test-window take as long as part 1. */
  if (gui_test_in_part (3))
    {
      ADD ("tab-stops-in-item", test_tab_stops_in_item);
      ADD ("focus-to-warning-applies-year", test_focus_to_warning_applies_year);
      ADD ("dollar-item", test_dollar_item);
      ADD ("budget", test_budget);
      ADD ("budget-reads-as-amount", test_budget_reads_as_amount);
      ADD ("summary-not-tab-stops", test_summary_not_tab_stops);
      ADD ("ctrl-z-in-field", test_ctrl_z_in_field);
      ADD ("menu-undo", test_menu_undo);
      ADD ("choices-read-whole", test_choices_read_whole);
      ADD ("ranges-keep-together", test_ranges_keep_together);
      ADD ("columns-hold-steady", test_columns_hold_steady);
      ADD ("warnings-dismiss", test_warnings_dismiss);
      ADD ("reach", test_reach);
      ADD ("local-need-enter", test_local_need_enter);
      ADD ("space-then-tab", test_space_then_tab);
    }
  /* Files: saving, reopening, closing with changes, recovery; and the findings made there. */
  if (gui_test_in_part (2))
    {
      ADD ("save-reopen-export", test_save_reopen_export);
      ADD ("failed-save", test_failed_save);
      ADD ("export-reports", test_export_reports);
      ADD ("close-asks", test_close_asks);
      ADD ("close-save", test_close_save);
      ADD ("close-save-fails", test_close_save_fails);
      ADD ("destroyed-while-asking", test_destroyed_while_asking);
      ADD ("recovery", test_recovery);
      ADD ("reopen-last-plan", test_reopen_last_plan);
      ADD ("newer-plan-refused", test_newer_plan_refused);
      ADD ("finding-1-undo-unset-text", test_finding_1_undo_unset_text);
      ADD ("finding-2-open-plan-twice", test_finding_2_open_plan_twice);
      ADD ("finding-3-markup-is-text", test_finding_3_markup_is_text);
      ADD ("monkey-narrowed-while-hidden", test_monkey_narrowed_while_hidden);
    }

#undef ADD

  return g_test_run ();
}
