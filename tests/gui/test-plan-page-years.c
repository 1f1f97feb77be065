/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "waymark-intervention-row.h"
#include "waymark-plan-page-private.h"

/* Years as budgets are set on the Plan page (issue 16), driven as a commissioner would: a year's
 * quantity typed in the item's years part, applied to all years, undone; a year's unit cost; the
 * plan's year kind and uplift in its details; and the summary's figures for each year. */

#define RANGE_DASH "\xc2\xa0–\xe2\x81\xa0\xc2\xa0"

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
  f->tmpdir = g_dir_make_tmp ("waymark-years-XXXXXX", NULL);
  g_assert_nonnull (f->tmpdir);
  xbel = g_build_filename (f->tmpdir, "recently-used.xbel", NULL);
  recent = gui_test_recent_manager_new (xbel);
  f->window = g_object_new (WAYMARK_TYPE_WINDOW, "settings", f->settings,
                            "catalogue", f->catalogue, "recent-manager", recent, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  gui_test_wait_until (is_mapped, f->window, 5000, "the window to be mapped");
  waymark_window_get_parts (f->window, &f->parts);
  waymark_plan_page_get_parts (f->parts.plan_page, &f->page);
  gtk_search_entry_set_search_delay (f->parts.search_entry, 0);
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
year_control (Fixture    *f,
              const char *id,
              const char *name,
              guint       year)
{
  GtkWidget *widget = waymark_plan_item_row_get_year_control (row_of (f, id), name, year);

  g_assert_nonnull (widget);
  return widget;
}

static void
add_from_row (Fixture    *f,
              const char *id)
{
  GtkWidget *row = gui_test_search_for_row (f->window, id);

  gui_test_click (waymark_intervention_row_get_add_button (WAYMARK_INTERVENTION_ROW (row)));
  gtk_editable_set_text (GTK_EDITABLE (f->parts.search_entry), "");
}

static void
type_into_spin (GtkWidget  *spin,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  gui_test_flush ();
}

static void
undo (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_flush ();
}

static const char *
label_text (GtkWidget *label)
{
  return gtk_label_get_label (GTK_LABEL (label));
}

/* The summary's table of years as text: a line a year, its cells joined by " | ". */
static char *
dup_years_table (Fixture *f)
{
  GtkGrid *grid = f->page.years_table;
  GString *out = g_string_new (NULL);

  for (int row = 0; gtk_grid_get_child_at (grid, 0, row) != NULL; row++)
    {
      for (int column = 0; column < 2; column++)
        {
          GtkWidget *cell = gtk_grid_get_child_at (grid, column, row);

          if (cell == NULL)
            break;
          g_string_append_printf (out, "%s%s", column > 0 ? " | " : "", label_text (cell));
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
set_up_three_years (Fixture *f)
{
  add_from_row (f, "drive");
  adw_view_stack_set_visible_child_name (f->parts.view_stack, "plan");
  gui_test_flush ();
  type_into_spin (waymark_plan_item_row_get_control (row_of (f, "drive"), "quantity"), "40");
  type_into_spin (GTK_WIDGET (f->page.start_year_spin), "2026");
  type_into_spin (GTK_WIDGET (f->page.years_spin), "3");
  /* Opened, as a person opens an item to edit it. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row_of (f, "drive")), TRUE);
  gui_test_flush ();
}

/* Year 2's quantity typed in Drive's years part, that year applied to all years, then undone
 * step by step: the item, its line totals and the summary's table follow every step. */
static void
test_year_quantity_apply_undo (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *years;
  WaymarkItemYear year;
  g_autofree char *table = NULL;

  set_up_three_years (f);
  years = waymark_plan_item_row_get_control (row_of (f, "drive"), "years");
  g_assert_true (gtk_widget_get_visible (years));
  /* The same every year: closed until opened. */
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (years)));
  g_assert_cmpstr (label_text (waymark_plan_item_row_get_control (row_of (f, "drive"),
                                                                  "years-caption")), ==,
                   "The same every year.");
  g_assert_cmpstr (label_text (year_control (f, "drive", "label", 1)), ==, "2027/28");
  g_assert_cmpstr (label_text (year_control (f, "drive", "line-total", 1)), ==, "£96,000");

  /* 45 perpetrators in 2027/28: £108,000 that year, and the part opens, as the years differ. */
  gtk_expander_set_expanded (GTK_EXPANDER (years), TRUE);
  type_into_spin (year_control (f, "drive", "quantity", 1), "45");
  waymark_plan_get_item_year (plan_of (f), item_of (f, "drive"), 1, &year);
  g_assert_cmpuint (year.quantity, ==, 45);
  waymark_plan_get_item_year (plan_of (f), item_of (f, "drive"), 2, &year);
  g_assert_cmpuint (year.quantity, ==, 40);
  g_assert_cmpstr (label_text (year_control (f, "drive", "line-total", 1)), ==, "£108,000");
  g_assert_true (gtk_expander_get_expanded (GTK_EXPANDER (years)));
  g_assert_cmpstr (label_text (waymark_plan_item_row_get_control (row_of (f, "drive"),
                                                                  "years-caption")), ==,
                   "The figures differ from year to year.");
  /* £96,000 + £108,000 + £96,000. */
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£300,000");
  g_assert_cmpstr (gtk_label_get_label (f->page.annual_label), ==,
                   "£96,000 in 2026/27, the first year; each year below");
  table = dup_years_table (f);
  g_assert_cmpstr (table, ==, "Year | Cost\n2026/27 | £96,000\n2027/28 | £108,000\n"
                              "2028/29 | £96,000\n");

  /* Every year 2027/28's, in one step. */
  gui_test_click (year_control (f, "drive", "apply", 1));
  gui_test_flush ();
  for (guint y = 0; y < 3; y++)
    {
      waymark_plan_get_item_year (plan_of (f), item_of (f, "drive"), y, &year);
      g_assert_cmpuint (year.quantity, ==, 45);
      g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (year_control (
        f, "drive", "quantity", y))), ==, 45);
    }
  g_assert_null (waymark_plan_item_get_year_figures (item_of (f, "drive")));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (
    waymark_plan_item_row_get_control (row_of (f, "drive"), "quantity"))), ==, 45);
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£324,000");
  g_assert_cmpstr (gtk_label_get_label (f->page.annual_label), ==, "£108,000 a year");

  /* Undone: the years as they were, then all the same again. */
  undo (f);
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£300,000");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (year_control (
    f, "drive", "quantity", 1))), ==, 45);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (year_control (
    f, "drive", "quantity", 0))), ==, 40);
  undo (f);
  g_assert_cmpstr (gtk_label_get_label (f->page.total_label), ==, "£288,000");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (year_control (
    f, "drive", "quantity", 1))), ==, 40);
  g_assert_null (waymark_plan_item_get_year_figures (item_of (f, "drive")));

  waymark_plan_mark_saved (plan_of (f));
}

/* A year's unit cost typed (a range, then a mistake), the year kind and the uplift in the
 * plan's details, and the budget against each year's share. */
static void
test_year_cost_kind_uplift (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *cost;
  g_autofree char *table = NULL;
  WaymarkItemYear year;

  set_up_three_years (f);
  /* A local quote for Drive, so the uplift applies to it. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (waymark_plan_item_row_get_control (
    row_of (f, "drive"), "cost-source")), WAYMARK_COST_SOURCE_LOCAL_QUOTE);
  gui_test_flush ();

  /* £2,500 to £2,600 in 2028/29. */
  cost = year_control (f, "drive", "unit-cost", 2);
  gtk_editable_set_text (GTK_EDITABLE (cost), "2500-2600");
  g_signal_emit_by_name (cost, "activate");
  gui_test_flush ();
  waymark_plan_get_item_year (plan_of (f), item_of (f, "drive"), 2, &year);
  g_assert_cmpint (year.unit_low, ==, 250000);
  g_assert_cmpint (year.unit_high, ==, 260000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cost)), ==, "£2,500" RANGE_DASH "£2,600");
  g_assert_cmpstr (label_text (year_control (f, "drive", "line-total", 2)), ==,
                   "£100,000" RANGE_DASH "£104,000");

  /* Not an amount: said, and nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (cost), "12,34x");
  g_signal_emit_by_name (cost, "activate");
  gui_test_flush ();
  g_assert_true (gtk_widget_has_css_class (cost, "error"));
  g_assert_true (gtk_widget_get_visible (waymark_plan_item_row_get_control (row_of (f, "drive"),
                                                                            "years-error")));
  g_assert_nonnull (strstr (label_text (waymark_plan_item_row_get_control (row_of (f, "drive"),
                                                                           "years-error")),
                            "“12,34x”"));
  waymark_plan_get_item_year (plan_of (f), item_of (f, "drive"), 2, &year);
  g_assert_cmpint (year.unit_low, ==, 250000);

  /* 2.5% a year on the local quote: £2,460 in 2027/28, and (£2,500 to £2,600) x 1.050625 in
   * 2028/29: £2,626.56 (2626.5625) to £2,731.63 (2731.625). */
  type_into_spin (GTK_WIDGET (f->page.uplift_spin), "2.5");
  g_assert_cmpuint (waymark_plan_get_uplift (plan_of (f)), ==, 250);
  waymark_plan_get_item_year (plan_of (f), item_of (f, "drive"), 1, &year);
  g_assert_true (year.uplifted);
  g_assert_cmpint (year.unit_low, ==, 246000);
  g_assert_cmpstr (label_text (year_control (f, "drive", "line-total", 1)), ==,
                   "£98,400, with the uplift");
  g_assert_cmpstr (label_text (waymark_plan_item_row_get_control (row_of (f, "drive"),
                                                                  "years-caption")), ==,
                   "The figures differ from year to year; the plan’s uplift raises this local "
                   "cost from the second year.");
  g_assert_true (gtk_expander_get_expanded (GTK_EXPANDER (
    waymark_plan_item_row_get_control (row_of (f, "drive"), "years"))));
  waymark_plan_get_item_year (plan_of (f), item_of (f, "drive"), 2, &year);
  g_assert_cmpint (year.unit_low, ==, 262656);
  g_assert_cmpint (year.unit_high, ==, 273163);

  /* A budget of £300,000: £100,000 a year's share; 2028/29 costs £105,062.40 to £109,265.20. */
  gtk_editable_set_text (GTK_EDITABLE (f->page.budget_row), "300000");
  g_signal_emit_by_name (f->page.budget_row, "apply");
  gui_test_flush ();
  table = dup_years_table (f);
  g_assert_cmpstr (table, ==,
                   "Year | Cost, and against the year’s share of the budget\n"
                   "2026/27 | £96,000\n£4,000 left (budget £100,000)\n"
                   "2027/28 | £98,400\n£1,600 left (budget £100,000)\n"
                   "2028/29 | £105,062.40" RANGE_DASH "£109,265.20\n£5,062.40" RANGE_DASH
                   "£9,265.20 over budget (budget £100,000)\n");
  g_assert_true (gtk_widget_has_css_class (gtk_grid_get_child_at (f->page.years_table, 1, 3),
                                           "error"));

  /* Calendar years: the same figures, the years named as calendar years. */
  g_assert_cmpuint (adw_combo_row_get_selected (f->page.year_kind_row), ==,
                    WAYMARK_YEAR_KIND_FINANCIAL);
  adw_combo_row_set_selected (f->page.year_kind_row, WAYMARK_YEAR_KIND_CALENDAR);
  gui_test_flush ();
  g_assert_cmpint (waymark_plan_get_year_kind (plan_of (f)), ==, WAYMARK_YEAR_KIND_CALENDAR);
  g_assert_cmpstr (label_text (gtk_grid_get_child_at (f->page.years_table, 0, 3)), ==, "2028");
  g_assert_cmpstr (label_text (year_control (f, "drive", "label", 0)), ==, "2026");
  g_assert_cmpstr (gtk_label_get_label (f->page.total_caption), ==,
                   "In total, over 3 years (2026 to 2028)");

  /* Each undone: the kind, the budget, the uplift. */
  undo (f);
  g_assert_cmpuint (adw_combo_row_get_selected (f->page.year_kind_row), ==,
                    WAYMARK_YEAR_KIND_FINANCIAL);
  g_assert_cmpstr (gtk_label_get_label (f->page.total_caption), ==,
                   "In total, over 3 years (2026/27 to 2028/29)");
  undo (f);
  undo (f);
  g_assert_cmpfloat (gtk_spin_button_get_value (f->page.uplift_spin), ==, 0);
  g_assert_cmpstr (label_text (year_control (f, "drive", "line-total", 1)), ==, "£96,000");

  waymark_plan_mark_saved (plan_of (f));
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/gui/plan/years/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("year-quantity-apply-undo", test_year_quantity_apply_undo);
  ADD ("year-cost-kind-uplift", test_year_cost_kind_uplift);

#undef ADD

  return g_test_run ();
}
