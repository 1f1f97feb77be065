/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "waymark-help-window.h"
#include "waymark-intervention-row.h"
#include "waymark-map-chip.h"

typedef struct
{
  WaymarkCatalogue   *catalogue;
  GSettings          *settings;
  WaymarkWindow      *window;
  WaymarkWindowParts  parts;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->catalogue = gui_test_load_catalogue (NULL);
  f->settings = gui_test_fresh_settings ();
  f->window = gui_test_window_new (f->catalogue, f->settings);
  waymark_window_get_parts (f->window, &f->parts);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gui_test_window_close (f->window);
  g_assert_finalize_object (f->catalogue);
  g_assert_finalize_object (f->settings);
}

typedef struct
{
  WaymarkWindow *window;
  guint          n;
} CountWait;

static gboolean
has_n_listed (gpointer data)
{
  CountWait *w = data;
  return gui_test_n_listed (w->window) == w->n;
}

static void
wait_for_count (Fixture *f,
                guint    n)
{
  CountWait w = { f->window, n };
  g_autofree char *what = g_strdup_printf ("%u interventions listed", n);

  gui_test_wait_until (has_n_listed, &w, 5000, what);
}

static void
type_search (Fixture    *f,
             const char *text,
             guint       expected)
{
  gtk_editable_set_text (GTK_EDITABLE (f->parts.search_entry), text);
  wait_for_count (f, expected);
}

static void
assert_setting (GSettings  *settings,
                const char *key,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
assert_count_label (Fixture    *f,
                    const char *expected)
{
  g_assert_cmpstr (gtk_label_get_label (f->parts.count_label), ==, expected);
}

static guint
n_chips (Fixture *f)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (f->parts.chips_box));
       c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n++;

  return n;
}

static GtkWidget *
find_chip (Fixture    *f,
           const char *property,
           guint       bit)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (f->parts.chips_box));
       c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c));

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "property"), property) == 0 &&
          GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bit")) == bit)
        return button;
    }

  return NULL;
}

static void
check (Fixture    *f,
       const char *property,
       const char *nick,
       gboolean    active)
{
  GtkWidget *control = waymark_filter_pane_get_control (f->parts.filter_pane, property, nick);

  g_assert_true (GTK_IS_CHECK_BUTTON (control));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (control), active);
}

static void
check_pane_box (WaymarkWindowParts *parts,
                const char         *property,
                const char         *nick)
{
  GtkWidget *control = waymark_filter_pane_get_control (parts->filter_pane, property, nick);

  g_assert_true (GTK_IS_CHECK_BUTTON (control));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (control), TRUE);
}

/* Tests */

static void
test_initial_state (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_cmpuint (gui_test_n_listed (f->window), ==, 35);
  assert_count_label (f, "35 of 35 interventions");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->parts.results_stack), ==, "list");
  g_assert_null (waymark_window_get_selected (f->window));
  g_assert_null (waymark_detail_pane_get_intervention (f->parts.detail_pane));
  g_assert_cmpuint (n_chips (f), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (f->parts.clear_filters_button));
}

/* Typing a word anywhere on the Interventions page searches for it (the search entry captures
 * the window's keys there); on the Plan and Compare pages keys stay with their fields: digits
 * typed on the Plan page went into the hidden search and its saved setting. */
static void
test_typing_searches_only_when_browsing (Fixture       *f,
                                         gconstpointer  data)
{
  static const char *const pages[] = { "plan", "compare", "context", "interventions" };

  g_assert_true (gtk_search_entry_get_key_capture_widget (f->parts.search_entry) ==
                 GTK_WIDGET (f->window));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gboolean browsing = g_str_equal (pages[i], "interventions");

      adw_view_stack_set_visible_child_name (f->parts.view_stack, pages[i]);
      g_assert_true (gtk_search_entry_get_key_capture_widget (f->parts.search_entry) ==
                     (browsing ? GTK_WIDGET (f->window) : NULL));
    }
}

static const char *
page_of (Fixture *f)
{
  return adw_view_stack_get_visible_child_name (f->parts.view_stack);
}

/* The keys that change the Interventions page bring it forward from another page: Ctrl+F
 * focused a search no one could see, and Ctrl+1, Ctrl+2, F9 and Ctrl+Shift+Backspace changed
 * the browser unseen (Ctrl+Shift+A too, when something is selected). Alt+1 to Alt+4 show the pages. */
static void
test_keys_act_on_what_is_seen (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  static const char *const browser_keys[] = { "<Control>f", "<Control>1", "<Control>2", "F9",
                                              "<Control><Shift>BackSpace" };

  gui_test_press_shortcut (window, "<Alt>2");
  g_assert_cmpstr (page_of (f), ==, "plan");
  gui_test_press_shortcut (window, "<Alt>3");
  g_assert_cmpstr (page_of (f), ==, "compare");
  gui_test_press_shortcut (window, "<Alt>4");
  g_assert_cmpstr (page_of (f), ==, "context");
  gui_test_press_shortcut (window, "<Alt>1");
  g_assert_cmpstr (page_of (f), ==, "interventions");

  for (guint i = 0; i < G_N_ELEMENTS (browser_keys); i++)
    {
      g_test_message ("%s from the Plan page", browser_keys[i]);
      /* Clear Filters can be used only with a filter set. */
      waymark_criteria_set_search (f->parts.criteria, "drive");
      gui_test_press_shortcut (window, "<Alt>2");
      g_assert_cmpstr (page_of (f), ==, "plan");
      gui_test_press_shortcut (window, browser_keys[i]);
      g_assert_cmpstr (page_of (f), ==, "interventions");
    }
  g_assert_cmpstr (waymark_criteria_get_search (f->parts.criteria), ==, NULL);

  /* Ctrl+F's search has the focus, where it can be seen. */
  gui_test_press_shortcut (window, "<Alt>3");
  gui_test_press_shortcut (window, "<Control>f");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (f->parts.search_entry)) ||
                 gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (f->parts.search_entry));

  /* Ctrl+2 and Ctrl+1 from elsewhere show the view they name. */
  gui_test_press_shortcut (window, "<Alt>2");
  gui_test_press_shortcut (window, "<Control>2");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->parts.results_stack), ==, "map");
  gui_test_press_shortcut (window, "<Alt>2");
  gui_test_press_shortcut (window, "<Control>1");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->parts.results_stack), ==, "list");

  /* F9 from elsewhere shows the filters, never hides them unseen; on the page it toggles. */
  adw_flap_set_reveal_flap (f->parts.flap, TRUE);
  gui_test_press_shortcut (window, "<Alt>2");
  gui_test_press_shortcut (window, "F9");
  g_assert_true (adw_flap_get_reveal_flap (f->parts.flap));
  gui_test_press_shortcut (window, "F9");
  g_assert_false (adw_flap_get_reveal_flap (f->parts.flap));
}

static GtkWindow *
find_shortcuts_window (void)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
has_shortcuts_window (gpointer data)
{
  return find_shortcuts_window () != NULL;
}

static gboolean
is_shortcut_for (GtkWidget     *widget,
                 gconstpointer  data)
{
  g_autofree char *accelerator = NULL;
  g_autofree char *title = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;
  g_object_get (widget, "accelerator", &accelerator, "title", &title, NULL);
  return g_strcmp0 (accelerator, data) == 0 && title != NULL && *title != '\0';
}

/* The Keyboard Shortcuts window (Ctrl+?) is the window's own, built the first time it is asked
 * for (not before the first frame: issue 18) and then kept; it lists the page keys, and lays
 * itself out without a warning (a group of its own for them made GTK 4.8 measure a label at
 * -3 px). */
static void
test_shortcuts_window (Fixture       *f,
                       gconstpointer  data)
{
  static const char *const page_keys[] = { "<Alt>1", "<Alt>2", "<Alt>3", "<Alt>4" };
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (f->window);
  GtkWindow *shortcuts;

  g_assert_null (gtk_application_window_get_help_overlay (window));
  g_assert_null (find_shortcuts_window ());

  gui_test_press_shortcut (GTK_WIDGET (window), "<Control>question");
  gui_test_wait_until (has_shortcuts_window, NULL, 5000, "the Keyboard Shortcuts window");
  shortcuts = find_shortcuts_window ();
  g_assert_true (shortcuts == GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  gui_test_flush ();
  for (guint i = 0; i < G_N_ELEMENTS (page_keys); i++)
    g_assert_nonnull (gui_test_find_widget (GTK_WIDGET (shortcuts), is_shortcut_for,
                                            page_keys[i]));

  /* Closed, it is hidden and kept; the menu's item shows the same window again. */
  gtk_window_close (shortcuts);
  gui_test_flush ();
  g_assert_null (find_shortcuts_window ());
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  gui_test_wait_until (has_shortcuts_window, NULL, 5000, "the Keyboard Shortcuts window again");
  g_assert_true (find_shortcuts_window () == shortcuts);
  gtk_window_close (shortcuts);
  gui_test_flush ();
}

static gboolean
is_row_for (GtkWidget     *widget,
            gconstpointer  id)
{
  WaymarkIntervention *item;

  if (!WAYMARK_IS_INTERVENTION_ROW (widget))
    return FALSE;
  item = waymark_intervention_row_get_intervention (WAYMARK_INTERVENTION_ROW (widget));
  return item != NULL && g_str_equal (waymark_intervention_get_id (item), id);
}

/* The line under a listed intervention's row that says where the search found it; NULL for
 * none shown. */
static void
assert_found_line (Fixture    *f,
                   const char *id,
                   const char *expected)
{
  GtkWidget *row = gui_test_find_widget (GTK_WIDGET (f->window), is_row_for, id);
  GtkWidget *label;

  g_assert_nonnull (row);
  label = waymark_intervention_row_get_found_label (WAYMARK_INTERVENTION_ROW (row));
  if (expected == NULL)
    {
      g_assert_false (gtk_widget_get_visible (label));
      return;
    }
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
  /* Text from the catalogue is never markup. */
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *ids = NULL;
  g_autofree char *accented = NULL;

  /* The review's evidence, impact and grouping count: Real Consent, Mentors in Violence
   * Prevention and STOP-SV are bystander programmes too (issue 13). */
  type_search (f, "bystander", 6);
  ids = gui_test_listed_ids (f->window);
  g_assert_cmpstr (ids, ==, "safe-to-say,active-bystander-communities,good-night-out,"
                            "mentors-in-violence-prevention,real-consent,stop-sv");
  assert_count_label (f, "6 of 35 interventions");
  g_assert_nonnull (find_chip (f, "search", 0));
  /* Each row found in the review's text says where, in the review's words. */
  assert_found_line (f, "stop-sv", "Section of the review: Primary intervention: Active bystander programmes");
  assert_found_line (f, "active-bystander-communities", NULL);

  /* Case and accents do not matter, as in the CLI. */
  type_search (f, "", 35);
  type_search (f, "BYSTÄNDER", 6);
  accented = gui_test_listed_ids (f->window);
  g_assert_cmpstr (accented, ==, ids);

  /* Every word must match. */
  type_search (f, "bystander night", 3);
  g_free (ids);
  ids = gui_test_listed_ids (f->window);
  g_assert_cmpstr (ids, ==, "safe-to-say,good-night-out,stop-sv");

  /* A row kept from one search to the next says where the new one found it. */
  type_search (f, "drive project", 2);
  assert_found_line (f, "drive", NULL);
  type_search (f, "drive project stalking", 1);
  assert_found_line (f, "drive", "Impact: 75% fewer perpetrators were using harassment and stalking");
}

static void
test_filter_combination (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *min_impact = waymark_filter_pane_get_control (f->parts.filter_pane, "min-impact", NULL);
  g_autofree char *ids = NULL;

  check (f, "works-with", "perpetrators", TRUE);
  wait_for_count (f, 11);

  g_assert_true (ADW_IS_COMBO_ROW (min_impact));
  adw_combo_row_set_selected (ADW_COMBO_ROW (min_impact), 3);  /* High */
  wait_for_count (f, 3);
  ids = gui_test_listed_ids (f->window);
  g_assert_cmpstr (ids, ==, "cara,dapps,drive");

  check (f, "llr-status", "not-in-place", TRUE);
  wait_for_count (f, 1);
  g_free (ids);
  ids = gui_test_listed_ids (f->window);
  g_assert_cmpstr (ids, ==, "drive");
  assert_count_label (f, "1 of 35 interventions");

  /* One chip per active value, and the criteria are the one filter implementation. */
  g_assert_cmpuint (n_chips (f), ==, 3);
  g_assert_cmpuint (waymark_criteria_get_works_with (f->parts.criteria), ==,
                    WAYMARK_WORKS_WITH_PERPETRATORS);
  g_assert_cmpint (waymark_criteria_get_min_impact (f->parts.criteria), ==, WAYMARK_RATING_HIGH);
}

/* Issue 15: the Long list section, with tests/data/appraisal.waymark open. Its long list defers
 * safe-dates alone; its items drive, iris and counselling are not on it (shortlisted), and it
 * shortlists mentors-in-violence-prevention (see tests/test-criteria.c). */
static void
test_filter_long_list (Fixture       *f,
                       gconstpointer  data)
{
  WaymarkPlan *plan = gui_test_load_plan (f->window, "appraisal.waymark");
  WaymarkPlanDocument *document = waymark_window_get_plan_document (f->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;

  check (f, "option-status", "deferred", TRUE);
  wait_for_count (f, 1);
  ids = gui_test_listed_ids (f->window);
  g_assert_cmpstr (ids, ==, "safe-dates");
  assert_count_label (f, "1 of 35 interventions");
  g_assert_nonnull (find_chip (f, "option-status", WAYMARK_OPTION_STATUS_SET_DEFERRED));

  /* Deferring drive in the plan lists it too; undoing that takes it off again. */
  g_assert_true (waymark_appraisal_set_status (waymark_plan_get_appraisal (plan), "drive",
                                               WAYMARK_OPTION_STATUS_DEFERRED, NULL,
                                               WAYMARK_OPTION_DIMENSION_NONE, &error));
  g_assert_no_error (error);
  wait_for_count (f, 2);
  g_free (ids);
  ids = gui_test_listed_ids (f->window);
  g_assert_cmpstr (ids, ==, "drive,safe-dates");
  waymark_plan_undo (plan);
  wait_for_count (f, 1);

  /* With shortlisted too: safe-dates, and the four shortlisted (three of them items). */
  check (f, "option-status", "shortlisted", TRUE);
  wait_for_count (f, 5);
  assert_count_label (f, "5 of 35 interventions");

  /* A new, empty plan has no long list and no items: nothing is deferred or shortlisted. */
  waymark_plan_document_reset (document);
  wait_for_count (f, 0);

  gui_test_click (f->parts.clear_filters_button);
  wait_for_count (f, 35);
  g_assert_cmpuint (waymark_criteria_get_option_status (f->parts.criteria), ==, 0);
  g_assert_false (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (waymark_filter_pane_get_control (f->parts.filter_pane, "option-status",
                                                       "deferred"))));
}

static void
test_chips_remove_filters (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *chip;
  GtkWidget *perpetrators =
    waymark_filter_pane_get_control (f->parts.filter_pane, "works-with", "perpetrators");

  check (f, "works-with", "perpetrators", TRUE);
  check (f, "works-with", "victims", TRUE);
  check (f, "levels", "tertiary", TRUE);
  gui_test_flush ();
  g_assert_cmpuint (n_chips (f), ==, 3);
  g_assert_true (gtk_widget_is_sensitive (f->parts.clear_filters_button));
  g_assert_cmpuint (gui_test_n_listed (f->window), ==, 10);

  chip = find_chip (f, "works-with", WAYMARK_WORKS_WITH_PERPETRATORS);
  g_assert_nonnull (chip);
  gui_test_click (chip);

  g_assert_cmpuint (waymark_criteria_get_works_with (f->parts.criteria), ==,
                    WAYMARK_WORKS_WITH_VICTIMS);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (perpetrators)));
  g_assert_cmpuint (n_chips (f), ==, 2);
  g_assert_null (find_chip (f, "works-with", WAYMARK_WORKS_WITH_PERPETRATORS));
  wait_for_count (f, 7);

  gui_test_click (f->parts.clear_filters_button);
  wait_for_count (f, 35);
  g_assert_true (waymark_criteria_is_empty (f->parts.criteria));
  g_assert_cmpuint (n_chips (f), ==, 0);
}

static void
test_minimum_chip (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *min_evidence = waymark_filter_pane_get_control (f->parts.filter_pane, "min-evidence", NULL);
  GtkWidget *max_cost = waymark_filter_pane_get_control (f->parts.filter_pane, "max-cost", NULL);

  adw_combo_row_set_selected (ADW_COMBO_ROW (min_evidence), 2);  /* Moderate */
  gtk_editable_set_text (GTK_EDITABLE (max_cost), "2500");
  g_signal_emit_by_name (max_cost, "apply");
  gui_test_flush ();
  g_assert_cmpint (waymark_criteria_get_max_cost (f->parts.criteria), ==, 250000);
  g_assert_cmpuint (n_chips (f), ==, 2);

  gui_test_click (find_chip (f, "min-evidence", 0));
  g_assert_cmpint (waymark_criteria_get_min_evidence (f->parts.criteria), ==, WAYMARK_RATING_NONE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (min_evidence)), ==, 0);

  gui_test_click (find_chip (f, "max-cost", 0));
  g_assert_cmpint (waymark_criteria_get_max_cost (f->parts.criteria), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (max_cost)), ==, "");
  g_assert_cmpuint (n_chips (f), ==, 0);
}

static void
test_detail (Fixture       *f,
             gconstpointer  data)
{
  /* Rated as a range, with every section the review can have. */
  WaymarkIntervention *item = waymark_catalogue_lookup (f->catalogue, "cbt-victims");
  g_autofree char *text = NULL;
  g_autofree char *cost = waymark_cost_format (waymark_intervention_get_cost (item));
  const char *headings[] = {
    "Overview", "Resources and costs", "Evidence", "Impact", "Target cohort",
    "Opportunity cohorts", "Feasibility in LLR", "Organisations", "References", "Source",
    "Waymark’s notes on this entry",
  };
  const char *last = NULL;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (f->parts.selection),
                                   gui_test_position_of (f->window, "cbt-victims"), TRUE);
  g_assert_true (waymark_window_get_selected (f->window) == item);
  g_assert_true (waymark_detail_pane_get_intervention (f->parts.detail_pane) == item);
  g_assert_true (waymark_evidence_map_get_selected (f->parts.evidence_map) == item);
  assert_setting (f->settings, "selected-intervention", "cbt-victims");

  /* Everything, in the review's order, with the rating on the review's scale. */
  text = waymark_detail_pane_dup_text (f->parts.detail_pane);
  g_assert_true (g_str_has_prefix (text, waymark_intervention_get_name (item)));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n%s\n", headings[i]);
      const char *at = strstr (text, line);

      if (at == NULL)
        g_error ("No heading “%s” in:\n%s", headings[i], text);
      g_assert_true (last == NULL || at > last);
      last = at;
    }
  /* The review's text is as written, in its English: the pane says so, in any language. */
  g_assert_nonnull (strstr (text, "\nQuoted from the review as it is written, except where "
                                  "marked as Waymark’s.\n"));
  g_assert_nonnull (strstr (text, "Evidence quality: moderate"));
  g_assert_nonnull (strstr (text, "Impact: low to moderate"));
  g_assert_nonnull (strstr (text, waymark_catalogue_get_evidence_scale (f->catalogue,
                                                                         WAYMARK_RATING_MODERATE)));
  g_assert_nonnull (strstr (text, waymark_catalogue_get_impact_scale (f->catalogue,
                                                                       WAYMARK_RATING_LOW)));
  g_assert_nonnull (strstr (text, waymark_catalogue_get_impact_scale (f->catalogue,
                                                                       WAYMARK_RATING_MODERATE)));
  g_assert_nonnull (strstr (text, cost));
  g_assert_nonnull (strstr (text, waymark_intervention_get_section (item)));
  g_assert_nonnull (strstr (text, waymark_intervention_get_organisations (item)[0]));
  g_assert_nonnull (strstr (text, waymark_intervention_get_references (item)[0]));
  g_assert_nonnull (strstr (text, "\nWritten by Waymark’s team on how the review was read; not "
                                  "the review’s words.\n"));
  g_assert_nonnull (strstr (text, waymark_intervention_get_notes (item)));

  /* The review's typed bullets show as bullets, the "-" gone. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (f->parts.selection),
                                   gui_test_position_of (f->window, "drive"), TRUE);
  g_clear_pointer (&text, g_free);
  text = waymark_detail_pane_dup_text (f->parts.detail_pane);
  g_assert_nonnull (strstr (text, "significantly*:\n•  82% fewer perpetrators were using "
                                  "physical abuse\n•  88%"));
  g_assert_null (strstr (text, "\n- "));

  /* Filtering it out leaves nothing selected. */
  type_search (f, "bystander", 6);
  g_assert_null (waymark_detail_pane_get_intervention (f->parts.detail_pane));
}

/* Issue 14: what Waymark says on the review's behalf is marked as Waymark's, and where the
 * review contradicts itself the pane quotes both places. */
static char *
detail_text_of (Fixture    *f,
                const char *id)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (f->parts.selection),
                                   gui_test_position_of (f->window, id), TRUE);
  g_assert_cmpstr (waymark_intervention_get_id (waymark_detail_pane_get_intervention (f->parts.detail_pane)),
                   ==, id);
  return waymark_detail_pane_dup_text (f->parts.detail_pane);
}

static void
test_detail_review_fidelity (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *cbt = detail_text_of (f, "cbt-perpetrators");
  g_autofree char *safe_dates = detail_text_of (f, "safe-dates");
  g_autofree char *stop_sv = detail_text_of (f, "stop-sv");
  g_autofree char *tender = detail_text_of (f, "tender");

  g_assert_nonnull (strstr (cbt, "\nWhere the review contradicts itself\n"));
  g_assert_nonnull (strstr (cbt, "•  “There is a moderate evidence base to support the "
                                 "effectiveness of CBT related interventions for reducing "
                                 "re-offending.” (under “Cognitive-behavioural therapy based "
                                 "approaches”)\n"));
  g_assert_nonnull (strstr (cbt, "•  “Evidence quality rating: HIGH”"));

  g_assert_nonnull (strstr (safe_dates, "Published cost: $395 per book (the unit is Waymark’s "
                                        "reading)\n"));
  g_assert_nonnull (strstr (safe_dates, "\nWaymark’s reading, not the review’s words: "));
  g_assert_nonnull (strstr (safe_dates, "\nThe review’s words: “can be purchased online for "
                                        "$395.00”\n"));

  g_assert_nonnull (strstr (stop_sv, "MEDIUM (note limited evidence)"));

  g_assert_null (strstr (tender, "Cost-benefit"));
  g_assert_nonnull (strstr (tender, "94p goes directly towards work with young people"));
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

typedef struct
{
  Fixture *f;
  gboolean shown;
} SwitcherWait;

/* Whether the page switcher at the window's foot takes room (`shown`) or none. */
static gboolean
switcher_bar_is (gpointer data)
{
  SwitcherWait *wait = data;
  int height = gtk_widget_get_height (wait->f->window->switcher_bar);

  return wait->shown ? height > 0 && gtk_widget_is_drawable (wait->f->window->switcher_bar)
                     : height == 0;
}

static guint
count_view_switchers (GtkWidget *widget)
{
  guint count = ADW_IS_VIEW_SWITCHER (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_view_switchers (child);
  return count;
}

/* With no animation (as when a person has turned animations off), the page switcher at the
 * foot of a narrow window was revealed but given no height, so the Interventions and Context
 * pages had no way to another page but the keyboard; and a wide window kept an empty strip
 * where it had been. Each page, narrowed and widened. */
static void
test_page_switcher_follows_width (Fixture       *f,
                                  gconstpointer  data)
{
  static const char *const pages[] = { "interventions", "context", "plan", "compare" };
  SwitcherWait wait = { f, FALSE };
  GtkWidget *box = gtk_revealer_get_child (GTK_REVEALER (f->window->switcher_bar));
  GtkWidget *switcher;

  /* Issue 18: a wide window has no switcher at its foot until it is narrowed, and its header
   * one switcher, the wide one (libadwaita's AdwViewSwitcherTitle built a narrow one too). */
  g_assert_null (gtk_widget_get_next_sibling (gtk_widget_get_first_child (box)));
  g_assert_cmpuint (count_view_switchers (f->parts.header_bar), ==, 1);
  g_assert_cmpint (adw_view_switcher_get_policy (f->parts.view_switcher), ==,
                   ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_test_accessible_assert_property (f->parts.view_switcher, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Pages");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_test_message ("%s", pages[i]);
      adw_view_stack_set_visible_child_name (f->parts.view_stack, pages[i]);
      gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
      wait.shown = FALSE;
      gui_test_wait_until (switcher_bar_is, &wait, 5000, "no page switcher at the foot");
      g_assert_true (adw_squeezer_get_visible_child (f->parts.title_squeezer) ==
                     GTK_WIDGET (f->parts.view_switcher));
      gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 800);
      wait.shown = TRUE;
      gui_test_wait_until (switcher_bar_is, &wait, 5000, "the page switcher at the foot");
      /* The header shows the window's title instead, with the plan's file. */
      g_assert_true (adw_squeezer_get_visible_child (f->parts.title_squeezer) ==
                     GTK_WIDGET (f->parts.window_title));
      /* One switcher of the window's pages, named for a screen reader, however often shown. */
      switcher = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
      g_assert_true (ADW_IS_VIEW_SWITCHER (switcher));
      g_assert_null (gtk_widget_get_next_sibling (switcher));
      g_assert_true (adw_view_switcher_get_stack (ADW_VIEW_SWITCHER (switcher)) ==
                     f->parts.view_stack);
      g_assert_true (gtk_widget_is_drawable (switcher));
      gtk_test_accessible_assert_property (switcher, GTK_ACCESSIBLE_PROPERTY_LABEL, "Pages");
    }
}

/* Issue 18: the Compare page is made the first time it is shown, once, with the window's
 * comparison, and the Interventions page is laid out the same before and after. */
static gboolean
window_has_width (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* A window made as the application makes it, presented and laid out; not gui_test_window_new:
 * its parts would make the pages these tests check are not made before they are needed. */
static WaymarkWindow *
present_window_without_parts (WaymarkCatalogue *catalogue,
                              GSettings        *settings)
{
  g_autoptr(WaymarkWorkspace) workspace = waymark_workspace_new (catalogue, settings);
  WaymarkWindow *window = waymark_window_new (NULL, workspace);

  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until (window_has_width, window, 5000, "the window laid out");
  gui_test_flush ();
  return window;
}

static void
test_compare_page_made_when_shown (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = gui_test_load_catalogue (NULL);
  g_autoptr(GSettings) settings = gui_test_fresh_settings ();
  WaymarkWindow *window = present_window_without_parts (catalogue, settings);
  WaymarkComparePage *page;
  WaymarkWindowParts parts;
  int list_width;

  g_assert_null (window->compare_page);
  list_width = gtk_widget_get_width (window->list_pane);
  g_assert_cmpint (list_width, >, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "compare");
  page = window->compare_page;
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (page)) == GTK_WIDGET (window->compare_bin));
  waymark_window_get_parts (window, &parts);
  g_assert_true (parts.compare_page == page);
  g_assert_true (waymark_compare_page_get_comparison (page) == parts.comparison);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "interventions");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "compare");
  g_assert_true (window->compare_page == page);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "interventions");
  gui_test_flush ();
  g_assert_cmpint (gtk_widget_get_width (window->list_pane), ==, list_width);
  gui_test_window_close (window);
}

/* Likewise the Context page: made the first time it is shown or one of its entries is linked to
 * (win.show-context-entry, from the detail pane), once, with the window's catalogue; and a
 * catalogue opened later reaches it. */
static void
test_context_page_made_when_shown (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = gui_test_load_catalogue (NULL);
  g_autoptr(GSettings) settings = gui_test_fresh_settings ();
  WaymarkWindow *window = present_window_without_parts (catalogue, settings);
  WaymarkContextPage *page;
  int list_width;

  g_assert_null (window->context_page);
  list_width = gtk_widget_get_width (window->list_pane);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-context-entry", "s",
                              "nat-women-lifetime-da");
  page = window->context_page;
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (page)) == GTK_WIDGET (window->context_bin));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "context");
  g_assert_true (waymark_context_page_get_catalogue (page) == catalogue);
  g_assert_nonnull (waymark_context_page_get_entry_row (page, "nat-women-lifetime-da"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "interventions");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "context");
  g_assert_true (window->context_page == page);
  {
    g_autoptr(WaymarkCatalogue) other = gui_test_load_catalogue (NULL);

    waymark_window_set_catalogue (window, other);
    g_assert_true (waymark_context_page_get_catalogue (page) == other);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "interventions");
  gui_test_flush ();
  g_assert_cmpint (gtk_widget_get_width (window->list_pane), ==, list_width);
  gui_test_window_close (window);
}

/* And "No Matching Interventions": made the first time nothing matches, then kept; its button
 * is named for screen readers as the template's were, and clears the filters; the list pane
 * keeps its width. */
static void
test_empty_page_made_when_needed (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = gui_test_load_catalogue (NULL);
  g_autoptr(GSettings) settings = gui_test_fresh_settings ();
  WaymarkWindow *window = present_window_without_parts (catalogue, settings);
  WaymarkCriteria *criteria =
    waymark_workspace_get_criteria (waymark_window_get_workspace (window));
  AdwStatusPage *page;
  int list_width;

  g_assert_null (window->empty_page);
  g_assert_null (gtk_stack_get_child_by_name (window->results_stack, "empty"));
  list_width = gtk_widget_get_width (window->list_pane);

  waymark_criteria_set_search (criteria, "zzzz no such thing");
  gui_test_flush ();
  page = window->empty_page;
  g_assert_nonnull (page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->results_stack), ==, "empty");
  g_assert_true (gtk_stack_get_visible_child (window->results_stack) == GTK_WIDGET (page));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Matching Interventions");
  gtk_test_accessible_assert_property (window->empty_clear_button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Clear Filters");
  g_assert_cmpint (gtk_widget_get_width (window->list_pane), ==, list_width);

  gui_test_click (window->empty_clear_button);
  gui_test_flush ();
  g_assert_true (waymark_criteria_is_empty (criteria));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->results_stack), ==, "list");
  waymark_criteria_set_search (criteria, "zzzz again");
  gui_test_flush ();
  g_assert_true (window->empty_page == page);
  gui_test_window_close (window);
}

/* A toast's button is named once, by its label: libadwaita 1.2 gives it a mnemonic label, and
 * GTK 4.8 read it "View View" (the audit caught it when a toast was still up on a slow run). A
 * toast waiting behind another is named when it comes on screen. */
/* The button for `action` in the toasts on screen (the overlay's children but its content). */
static GtkWidget *
toast_button (Fixture    *f,
              const char *action)
{
  GtkWidget *content = adw_toast_overlay_get_child (f->parts.toast_overlay);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->parts.toast_overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = child != content
        ? gui_test_find_widget (child, gui_test_is_button_for_action, action) : NULL;

      if (button != NULL)
        return button;
    }
  return NULL;
}

static void
assert_toast_button_named (Fixture    *f,
                           const char *action,
                           const char *name)
{
  GtkWidget *button = toast_button (f, action);

  g_assert_nonnull (button);
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY));
}

static gboolean
toast_button_shown (gpointer data)
{
  return toast_button (data, "win.show-page") != NULL;
}

static void
test_toast_button_named_once (Fixture       *f,
                              gconstpointer  data)
{
  AdwToast *first = adw_toast_new ("First");
  AdwToast *second = adw_toast_new ("Second");

  adw_toast_set_button_label (first, "View");
  adw_toast_set_action_name (first, "win.show-comparison");
  adw_toast_set_timeout (first, 0);
  waymark_window_add_toast (f->window, first);
  assert_toast_button_named (f, "win.show-comparison", "View");

  adw_toast_set_button_label (second, "_Show");
  adw_toast_set_action_name (second, "win.show-page");
  adw_toast_set_action_target (second, "s", "plan");
  adw_toast_set_timeout (second, 0);
  waymark_window_add_toast (f->window, second);
  adw_toast_dismiss (first);
  gui_test_wait_until (toast_button_shown, f, 5000, "the second toast");
  assert_toast_button_named (f, "win.show-page", "Show");
  adw_toast_dismiss (second);
}

static void
test_narrow_navigation (Fixture       *f,
                        gconstpointer  data)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 700);
  gui_test_wait_until (is_folded, f->parts.leaflet, 5000, "the leaflet to fold");
  g_assert_true (adw_leaflet_get_visible_child (f->parts.leaflet) != GTK_WIDGET (f->parts.detail_pane));

  /* What a click on a row or Enter does. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-intervention", "s", "iris");
  g_assert_true (adw_leaflet_get_visible_child (f->parts.leaflet) == GTK_WIDGET (f->parts.detail_pane));
  g_assert_cmpstr (waymark_intervention_get_id (waymark_window_get_selected (f->window)), ==, "iris");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL);
  g_assert_true (adw_leaflet_get_visible_child (f->parts.leaflet) != GTK_WIDGET (f->parts.detail_pane));
}

static gboolean
is_popover (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_POPOVER (widget);
}

/* The window turns to another page while the sort drop-down's list is open (the View button
 * of a comparison's notification, pressed as an assistive technology does, which leaves the
 * list open): the list closes first. Left open, GTK 4.8 may close it later and give the focus
 * back to the drop-down on the page no longer shown, which it then keeps alive for ever, with
 * the list (the catalogue) and the drop-down (the settings; the tear-down checks both). The
 * GUI monkey's seed 89015023 did this. */
static void
test_page_switch_with_list_open (Fixture       *f,
                                 gconstpointer  data)
{
  GtkWidget *list = gui_test_find_widget (GTK_WIDGET (f->parts.sort_dropdown), is_popover, NULL);
  gpointer page = f->parts.flap;
  gpointer window = f->window;

  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (f->parts.flap)) ==
                 GTK_WIDGET (f->parts.view_stack));
  g_signal_emit_by_name (f->parts.sort_dropdown, "activate");
  gui_test_wait_until (gui_test_has_focus_in_popover, f->window, 5000, "the focus to be in the sort list");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-comparison", NULL));
  g_assert_false (gtk_widget_get_visible (list));
  gui_test_flush ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->parts.view_stack), ==, "compare");
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                          GTK_WIDGET (f->parts.flap)));

  g_object_add_weak_pointer (page, &page);
  g_object_add_weak_pointer (window, &window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  gui_test_wait_until (gui_test_is_gone, &window, 5000, "the window to be finalised");
  gui_test_wait_until (gui_test_is_gone, &page, 5000, "the Interventions page to be finalised");
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  type_search (f, "zzzz no such thing", 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->parts.results_stack), ==, "empty");
  assert_count_label (f, "0 of 35 interventions");

  gui_test_click (f->parts.empty_clear_button);
  wait_for_count (f, 35);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->parts.results_stack), ==, "list");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->parts.search_entry)), ==, "");
  g_assert_true (waymark_criteria_is_empty (f->parts.criteria));
}

/* "Maximum unit cost in pou…" was cut in the filters; "Works with: Children and young people"
 * and "Age group: Young people under 25" read alike: each group says what it is read from. */
static void
test_filters_read_whole (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *pane = GTK_WIDGET (f->parts.filter_pane);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gui_test_flush ();
  g_assert_true (gtk_widget_is_drawable (pane));
  gui_test_find_widget (pane, gui_test_assert_label_whole, NULL);
  g_assert_true (gui_test_has_text (pane, "Who the intervention works with, as the review lists"));
  g_assert_true (gui_test_has_text (pane, "The ages of the review’s target cohort."));
  g_assert_true (gui_test_has_text (pane, "A limit in pounds matches only costs published in pounds."));
}

typedef struct
{
  Fixture *f;
  int      width;
} PaneWidth;

static gboolean
list_pane_is (gpointer data)
{
  PaneWidth *wanted = data;

  return gtk_widget_get_width (wanted->f->parts.list_pane) == wanted->width;
}

/* The list pane's width followed the search and the filter chips' text, moving the buttons
 * under the pointer (issue 13): it keeps its width whatever is listed or typed. */
static void
test_list_pane_keeps_width (Fixture       *f,
                            gconstpointer  data)
{
  const char *searches[] = { "drive", "zzzz no such thing", "bystander night", "a", "" };
  PaneWidth wanted = { f, 0 };

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 800);
  gui_test_flush ();
  wanted.width = gtk_widget_get_width (f->parts.list_pane);
  g_assert_cmpint (wanted.width, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (f->parts.search_entry), searches[i]);
      gui_test_flush ();
      g_test_message ("“%s”: %d", searches[i], gtk_widget_get_width (f->parts.list_pane));
      g_assert_cmpint (gtk_widget_get_width (f->parts.list_pane), ==, wanted.width);
    }
  /* Nor what the detail pane shows. */
  gui_test_click_row (f->window, "drive", FALSE);
  gui_test_flush ();
  g_assert_cmpint (gtk_widget_get_width (f->parts.list_pane), ==, wanted.width);
  check (f, "works-with", "children-young-people", TRUE);
  check (f, "llr-status", "similar-in-place", TRUE);
  gtk_editable_set_text (GTK_EDITABLE (f->parts.search_entry),
                         "a search a commissioner typed that is longer than the pane is wide");
  gui_test_flush ();
  g_assert_cmpint (gtk_widget_get_width (f->parts.list_pane), ==, wanted.width);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "map");
  gui_test_flush ();
  g_assert_cmpint (gtk_widget_get_width (f->parts.list_pane), ==, wanted.width);
  /* Still the same once the window has been narrower and wide again. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 800);
  gui_test_flush ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 800);
  gui_test_wait_until (list_pane_is, &wanted, 5000, "the list pane's width again");
}

static GtkWidget *
chip_in (GtkWidget  *cell,
         const char *id)
{
  for (GtkWidget *c = gtk_widget_get_first_child (cell); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c));

      if (g_str_equal (waymark_intervention_get_id (waymark_map_chip_get_intervention (WAYMARK_MAP_CHIP (chip))), id))
        return chip;
    }

  return NULL;
}

static void
test_map_follows_filters_and_selects (Fixture       *f,
                                      gconstpointer  data)
{
  GtkWidget *cell = waymark_evidence_map_get_cell (f->parts.evidence_map, WAYMARK_RATING_MODERATE,
                                                   WAYMARK_RATING_HIGH);
  GtkWidget *chip;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "map");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->parts.results_stack), ==, "map");
  assert_setting (f->settings, "view", "map");

  chip = chip_in (cell, "drive");
  g_assert_nonnull (chip);
  gui_test_click (chip);
  g_assert_cmpstr (waymark_intervention_get_id (waymark_window_get_selected (f->window)), ==, "drive");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (chip)));

  /* The map shows the filtered set. */
  check (f, "levels", "primary", TRUE);
  gui_test_flush ();
  g_assert_null (chip_in (cell, "drive"));
  g_assert_nonnull (chip_in (cell, "safe-dates"));
  g_assert_nonnull (chip_in (waymark_evidence_map_get_unrated (f->parts.evidence_map), "ask-me"));
  g_assert_null (chip_in (waymark_evidence_map_get_unrated (f->parts.evidence_map), "mappa"));
}

static gboolean
is_map_chip (GtkWidget     *widget,
             gconstpointer  data)
{
  return WAYMARK_IS_MAP_CHIP (widget);
}

/* The first chip of the map: the top row's, the one furthest from the map's end. */
static gboolean
is_first_chip_above_view (gpointer data)
{
  Fixture *f = data;
  GtkWidget *chip = gui_test_find_widget (GTK_WIDGET (f->parts.evidence_map), is_map_chip, NULL);
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (chip, GTK_WIDGET (f->window), &bounds) &&
         bounds.origin.y + bounds.size.height < 0;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The chip's menu asked for from the keyboard (Menu or Shift+F10, the "menu.popup" action) when
 * the focused chip has been scrolled out of view: GTK 4.8 on X11 finds no monitor for a popover
 * that points at a place off the screen (gdk_monitor_get_geometry: assertion 'GDK_IS_MONITOR
 * (monitor)' failed; the GUI monkey's seed 89015025). The chip comes into view and its menu
 * opens beside it. */
static void
test_map_chip_menu_out_of_view (Fixture       *f,
                                gconstpointer  data)
{
  GtkWidget *chip;
  GtkWidget *scroller;
  GtkWidget *menu;
  GtkAdjustment *vadjustment;
  graphene_rect_t bounds;
  GdkRectangle pointing;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "map");
  gui_test_flush ();
  chip = gui_test_find_widget (GTK_WIDGET (f->parts.evidence_map), is_map_chip, NULL);
  g_assert_nonnull (chip);
  menu = gui_test_find_widget (chip, is_popover, NULL);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_grab_focus (chip));
  gui_test_flush ();

  /* A person scrolls to the end of the map with the wheel; the focus stays on the chip. */
  scroller = gtk_widget_get_ancestor (chip, GTK_TYPE_SCROLLED_WINDOW);
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >,
                     gtk_adjustment_get_page_size (vadjustment) + 600);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  gui_test_wait_until (is_first_chip_above_view, f, 5000, "the first chip to scroll out of view");
  g_assert_true (gtk_widget_has_focus (chip));

  g_assert_true (gtk_widget_activate_action (chip, "menu.popup", NULL));
  gui_test_wait_until (is_mapped, menu, 5000, "the chip's menu to open");

  /* The chip is in the map's view, and the menu points at it. */
  g_assert_true (gtk_widget_compute_bounds (chip, scroller, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller));
  g_assert_true (gtk_popover_get_pointing_to (GTK_POPOVER (menu), &pointing));
  g_assert_true (gtk_widget_compute_bounds (chip, chip, &bounds));
  g_assert_cmpint (pointing.y, ==, (int) bounds.origin.y);
  g_assert_cmpint (pointing.height, ==, (int) bounds.size.height);

  gtk_popover_popdown (GTK_POPOVER (menu));
  gui_test_flush ();
  g_assert_false (gtk_widget_get_visible (menu));
}

static gboolean
is_hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

typedef struct
{
  GtkWidget *menu;
  int        y;  /* where the menu should point, in the chip's coordinates */
} Pointing;

static gboolean
menu_points_at (gpointer data)
{
  Pointing *wanted = data;
  GdkRectangle pointing;

  return gtk_popover_get_pointing_to (GTK_POPOVER (wanted->menu), &pointing) &&
         pointing.y == wanted->y;
}

typedef struct
{
  GtkWidget *scroller;
  GtkWidget *lowest;
  double     lowest_y;
} LowestChip;

/* Never a match: notes the lowest chip whose whole height is in the map's view. */
static gboolean
note_lowest_chip (GtkWidget     *widget,
                  gconstpointer  data)
{
  LowestChip *seen = (LowestChip *) data;
  graphene_rect_t bounds;

  if (WAYMARK_IS_MAP_CHIP (widget) &&
      gtk_widget_compute_bounds (widget, seen->scroller, &bounds) &&
      bounds.origin.y > seen->lowest_y &&
      bounds.origin.y + bounds.size.height <= gtk_widget_get_height (seen->scroller))
    {
      seen->lowest = widget;
      seen->lowest_y = bounds.origin.y;
    }
  return FALSE;
}

static GtkWidget *
lowest_chip_in_view (Fixture   *f,
                     GtkWidget *scroller)
{
  LowestChip seen = { scroller, NULL, -1 };

  gui_test_find_widget (GTK_WIDGET (f->parts.evidence_map), note_lowest_chip, &seen);
  return seen.lowest;
}

typedef struct
{
  GtkWidget     *scroller;
  GtkAdjustment *vadjustment;
} MapView;

/* The evidence map in a window 800 pixels high; returns its first chip. */
static GtkWidget *
show_map (Fixture *f,
          MapView *view)
{
  GtkWidget *chip;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 800);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "map");
  gui_test_flush ();
  chip = gui_test_find_widget (GTK_WIDGET (f->parts.evidence_map), is_map_chip, NULL);
  g_assert_nonnull (chip);
  view->scroller = gtk_widget_get_ancestor (chip, GTK_TYPE_SCROLLED_WINDOW);
  view->vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (view->scroller));
  return chip;
}

/* An open chip menu follows its chip (the GUI monkey's seeds 96000010, 96000020 and 96000078:
 * gdk_monitor_get_geometry: assertion 'GDK_IS_MONITOR (monitor)' failed, a menu placed against
 * a chip that had left the window). The map scrolls with the menu open: the menu points at the
 * part of the chip still in view, and closes once none of it is. */
static void
test_map_chip_menu_follows_scroll (Fixture       *f,
                                   gconstpointer  data)
{
  MapView view;
  GtkWidget *chip = show_map (f, &view);
  graphene_rect_t bounds;
  graphene_rect_t own;  /* the chip's border box, in its own coordinates */
  Pointing wanted;

  wanted.menu = gui_test_find_widget (chip, is_popover, NULL);
  g_assert_nonnull (wanted.menu);
  g_assert_true (gtk_widget_activate_action (chip, "menu.popup", NULL));
  gui_test_wait_until (is_mapped, wanted.menu, 5000, "the chip's menu to open");

  /* Half the chip scrolls above the view: the menu points at the lower half. */
  g_assert_true (gtk_widget_compute_bounds (chip, view.scroller, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  gtk_adjustment_set_value (view.vadjustment, gtk_adjustment_get_value (view.vadjustment) +
                                              bounds.origin.y + bounds.size.height / 2);
  g_assert_true (gtk_widget_compute_bounds (chip, chip, &own));
  wanted.y = (int) (own.origin.y + bounds.size.height / 2);
  gui_test_wait_until (menu_points_at, &wanted, 5000, "the menu to point at the chip's lower half");
  g_assert_true (gtk_widget_get_visible (wanted.menu));

  /* All of it: the menu closes. */
  gtk_adjustment_set_value (view.vadjustment,
                            gtk_adjustment_get_value (view.vadjustment) + bounds.size.height);
  gui_test_wait_until (is_hidden, wanted.menu, 5000, "the chip's menu to close");
}

/* The same, with the window made smaller under an open menu: it closes once its chip is out of
 * view. */
static void
test_map_chip_menu_closes_in_smaller_window (Fixture       *f,
                                             gconstpointer  data)
{
  MapView view;
  GtkWidget *chip;
  GtkWidget *menu;
  graphene_rect_t bounds;

  show_map (f, &view);
  chip = lowest_chip_in_view (f, view.scroller);
  g_assert_nonnull (chip);
  menu = gui_test_find_widget (chip, is_popover, NULL);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_activate_action (chip, "menu.popup", NULL));
  gui_test_wait_until (is_mapped, menu, 5000, "the lowest chip's menu to open");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 400);
  gui_test_wait_until (is_hidden, menu, 5000, "the menu of a chip now out of view to close");
  g_assert_false (gtk_widget_compute_bounds (chip, view.scroller, &bounds) &&
                  bounds.origin.y < gtk_widget_get_height (view.scroller));
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *ids = NULL;

  check (f, "works-with", "perpetrators", TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (waymark_filter_pane_get_control (f->parts.filter_pane,
                                                                               "min-impact", NULL)), 3);
  wait_for_count (f, 3);

  gtk_drop_down_set_selected (f->parts.sort_dropdown, WAYMARK_SORT_EVIDENCE);
  gui_test_flush ();
  ids = gui_test_listed_ids (f->window);
  g_assert_cmpstr (ids, ==, "dapps,cara,drive");
  assert_setting (f->settings, "sort", "evidence");
}

static gboolean
find_message_dialog (gpointer data)
{
  AdwMessageDialog **out = data;
  GListModel *toplevels = gtk_window_get_toplevels ();  /* borrowed */

  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        {
          *out = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_bad_catalogue_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad-catalogue.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) refused = waymark_catalogue_new_from_file (file, &error);
  AdwMessageDialog *dialog = NULL;

  g_assert_null (refused);
  g_assert_nonnull (error);

  check (f, "works-with", "perpetrators", TRUE);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (f->parts.selection),
                                   gui_test_position_of (f->window, "drive"), TRUE);
  wait_for_count (f, 11);

  waymark_window_open_file (f->window, file);
  gui_test_wait_until (find_message_dialog, &dialog, 10000, "the error dialog");

  /* The loader's own words; nothing else changed. */
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, error->message);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_true (waymark_window_get_catalogue (f->window) == f->catalogue);
  g_assert_cmpuint (gui_test_n_listed (f->window), ==, 11);
  assert_count_label (f, "11 of 35 interventions");
  g_assert_cmpstr (waymark_intervention_get_id (waymark_window_get_selected (f->window)), ==, "drive");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

typedef struct
{
  WaymarkWindow    *window;
  WaymarkCatalogue *old;
} CatalogueWait;

static gboolean
catalogue_changed (gpointer data)
{
  CatalogueWait *w = data;
  return waymark_window_get_catalogue (w->window) != w->old;
}

static void
test_open_catalogue (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small-catalogue.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CatalogueWait w = { f->window, f->catalogue };

  check (f, "works-with", "perpetrators", TRUE);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (f->parts.selection),
                                   gui_test_position_of (f->window, "drive"), TRUE);

  waymark_window_open_file (f->window, file);
  gui_test_wait_until (catalogue_changed, &w, 10000, "the new catalogue");

  /* The filters stay, and so does the selection where the new catalogue has it. */
  assert_count_label (f, "2 of 3 interventions");
  g_assert_cmpstr (waymark_intervention_get_id (waymark_window_get_selected (f->window)), ==, "drive");
  g_assert_true (waymark_detail_pane_get_catalogue (f->parts.detail_pane) ==
                 waymark_window_get_catalogue (f->window));
}

static void
test_settings_restored (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = gui_test_load_catalogue (NULL);
  g_autoptr(GSettings) settings = gui_test_fresh_settings ();
  WaymarkWindow *window = gui_test_window_new (catalogue, settings);
  WaymarkWindowParts parts;
  int width, height;

  waymark_window_get_parts (window, &parts);
  gtk_editable_set_text (GTK_EDITABLE (parts.search_entry), "abuse");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (waymark_filter_pane_get_control (parts.filter_pane, "works-with", "perpetrators")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (waymark_filter_pane_get_control (parts.filter_pane, "llr-status", "not-in-place")), TRUE);
  /* With no plan open every intervention is not on a long list: the count stays as it was. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (waymark_filter_pane_get_control (parts.filter_pane, "option-status", "not-on-long-list")), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (waymark_filter_pane_get_control (parts.filter_pane, "min-evidence", NULL)), 2);
  gtk_drop_down_set_selected (parts.sort_dropdown, WAYMARK_SORT_COST);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "map");
  gui_test_flush ();
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (parts.selection), 0, TRUE);
  g_assert_cmpstr (waymark_intervention_get_id (waymark_window_get_selected (window)), ==, "drive");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gui_test_window_close (window);

  window = gui_test_window_new (catalogue, settings);
  waymark_window_get_parts (window, &parts);
  gui_test_flush ();

  g_assert_cmpstr (waymark_criteria_get_search (parts.criteria), ==, "abuse");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (parts.search_entry)), ==, "abuse");
  g_assert_cmpuint (waymark_criteria_get_works_with (parts.criteria), ==, WAYMARK_WORKS_WITH_PERPETRATORS);
  g_assert_cmpuint (waymark_criteria_get_llr_status (parts.criteria), ==, 1u << WAYMARK_LLR_STATUS_NOT_IN_PLACE);
  g_assert_cmpuint (waymark_criteria_get_option_status (parts.criteria), ==, WAYMARK_OPTION_STATUS_SET_NOT_ON_LONG_LIST);
  g_assert_cmpint (waymark_criteria_get_min_evidence (parts.criteria), ==, WAYMARK_RATING_MODERATE);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (waymark_filter_pane_get_control (parts.filter_pane, "works-with", "perpetrators"))));
  g_assert_cmpuint (gtk_drop_down_get_selected (parts.sort_dropdown), ==, WAYMARK_SORT_COST);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (parts.results_stack), ==, "map");
  g_assert_cmpstr (waymark_intervention_get_id (waymark_window_get_selected (window)), ==, "drive");
  g_assert_cmpuint (gui_test_n_listed (window), ==, 1);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 640);

  gui_test_window_close (window);
}

/* Issue 18: the application's window builds only the rows in sight before its first frame;
 * the rest of the list arrives just after it, and nothing is missing once it has. */
static gboolean
lists_whole_catalogue (gpointer data)
{
  WaymarkWindow *window = data;

  return gui_test_n_listed (window) ==
         g_list_model_get_n_items (G_LIST_MODEL (waymark_window_get_catalogue (window)));
}

static WaymarkWindow *
deferred_window_new (WaymarkCatalogue *catalogue,
                     GSettings        *settings)
{
  g_autoptr(WaymarkWorkspace) workspace = waymark_workspace_new (catalogue, settings);

  return g_object_new (WAYMARK_TYPE_WINDOW,
                       "workspace", workspace,
                       "defer-offscreen-rows", TRUE,
                       NULL);
}

static void
test_offscreen_rows_after_first_frame (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = gui_test_load_catalogue (NULL);
  g_autoptr(GSettings) settings = gui_test_fresh_settings ();
  WaymarkWindow *window = deferred_window_new (catalogue, settings);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
  g_autofree char *all = NULL;
  g_autoptr(GString) first = NULL;
  g_autofree char *listed = NULL;

  g_assert_cmpuint (n, >, 20);
  g_assert_cmpuint (gui_test_n_listed (window), >, 0);
  g_assert_cmpuint (gui_test_n_listed (window), <, n);
  listed = gui_test_listed_ids (window);

  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until (lists_whole_catalogue, window, 5000, "the rest of the list");
  /* The rows in sight at the first frame are the list's first, in its order. */
  all = gui_test_listed_ids (window);
  first = g_string_new (all);
  g_string_truncate (first, strlen (listed));
  g_assert_cmpstr (first->str, ==, listed);

  gui_test_window_close (window);
}

typedef struct
{
  WaymarkWindow *window;
  gboolean       painted;
  guint          n_listed;
  double         rows_bottom;
  double         list_height;
  guint          n_groups;
  double         groups_bottom;
  double         pane_height;
} FirstFrame;

/* The filter pane's groups (its scrolled window's box) and where the last one ends. */
static GtkWidget *
filter_groups (WaymarkWindowParts *parts)
{
  GtkWidget *scrolled = gtk_widget_get_first_child (GTK_WIDGET (parts->filter_pane));
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));

  return gtk_viewport_get_child (GTK_VIEWPORT (viewport));
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* At the first frame: how many rows the list has, where the lowest ends, and how tall the part
 * of the list in sight is. */
static void
on_first_frame_rows (GdkFrameClock *clock,
                     FirstFrame    *frame)
{
  WaymarkWindowParts parts;
  GtkWidget *viewport;

  g_signal_handlers_disconnect_by_func (clock, on_first_frame_rows, frame);
  waymark_window_get_parts (frame->window, &parts);
  viewport = gtk_widget_get_parent (GTK_WIDGET (parts.list_view));
  frame->painted = TRUE;
  frame->n_listed = gui_test_n_listed (frame->window);
  frame->list_height = gtk_widget_get_height (viewport);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (parts.list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if (gtk_widget_get_visible (row) && gtk_widget_compute_bounds (row, viewport, &bounds))
        frame->rows_bottom = MAX (frame->rows_bottom, bounds.origin.y + bounds.size.height);
    }

  {
    GtkWidget *groups = filter_groups (&parts);
    GtkWidget *scrolled = gtk_widget_get_first_child (GTK_WIDGET (parts.filter_pane));
    graphene_rect_t bounds;

    frame->n_groups = n_children (groups);
    frame->pane_height = gtk_widget_get_height (scrolled);
    if (gtk_widget_compute_bounds (gtk_widget_get_last_child (groups), scrolled, &bounds))
      frame->groups_bottom = bounds.origin.y + bounds.size.height;
  }
}

static void
on_realize_watch_rows (GtkWidget  *widget,
                       FirstFrame *frame)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (on_first_frame_rows), frame);
}

static gboolean
all_filter_groups (gpointer data)
{
  WaymarkWindowParts parts;

  waymark_window_get_parts (data, &parts);
  return n_children (filter_groups (&parts)) == 8;
}

static gboolean
first_frame_painted (gpointer data)
{
  return ((FirstFrame *) data)->painted;
}

/* The rows and the filter pane's groups held back are only those out of sight: at the first
 * frame the rows there reach below the bottom of the list, and the groups below the bottom of
 * the pane, at the default size and at a larger one; the rest come just after. */
static void
test_offscreen_rows_fill_first_frame (gconstpointer data)
{
  int height = GPOINTER_TO_INT (data);
  g_autoptr(WaymarkCatalogue) catalogue = gui_test_load_catalogue (NULL);
  g_autoptr(GSettings) settings = gui_test_fresh_settings ();
  FirstFrame frame = { NULL };

  if (height > 0)
    g_settings_set_int (settings, "window-height", height);
  frame.window = deferred_window_new (catalogue, settings);
  g_assert_cmpuint (gui_test_n_listed (frame.window), <,
                    g_list_model_get_n_items (G_LIST_MODEL (catalogue)));
  g_signal_connect (frame.window, "realize", G_CALLBACK (on_realize_watch_rows), &frame);
  gtk_window_present (GTK_WINDOW (frame.window));
  gui_test_wait_until (first_frame_painted, &frame, 5000, "the first frame");

  g_assert_cmpuint (frame.n_listed, <, g_list_model_get_n_items (G_LIST_MODEL (catalogue)));
  g_assert_cmpfloat (frame.list_height, >, 200);
  g_assert_cmpfloat (frame.rows_bottom, >=, frame.list_height);
  g_assert_cmpfloat (frame.pane_height, >, 200);
  g_assert_cmpfloat (frame.groups_bottom, >=, frame.pane_height);
  gui_test_wait_until (lists_whole_catalogue, frame.window, 5000, "the rest of the list");

  /* Every group is there once the rest has come, and the controls keep the criteria. */
  {
    WaymarkWindowParts parts;
    guint n_all;

    waymark_window_get_parts (frame.window, &parts);
    n_all = n_children (filter_groups (&parts));
    g_assert_cmpuint (frame.n_groups, >, 0);
    g_assert_cmpuint (frame.n_groups, <, n_all);
    g_assert_cmpuint (n_all, ==, 8);
  }
  gui_test_window_close (frame.window);
}

/* A filter of a group the pane builds after the first frame, set before it, shows there. */
static void
test_offscreen_filters_keep_criteria (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = gui_test_load_catalogue (NULL);
  g_autoptr(GSettings) settings = gui_test_fresh_settings ();
  WaymarkWindow *window = deferred_window_new (catalogue, settings);
  WaymarkWindowParts parts;

  waymark_window_get_parts (window, &parts);
  waymark_criteria_set_cost_published (parts.criteria, TRUE);
  g_assert_cmpuint (n_children (filter_groups (&parts)), <, 8);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until (all_filter_groups, window, 5000, "the rest of the filter pane");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    waymark_filter_pane_get_control (parts.filter_pane, "cost-published", NULL))));
  gui_test_window_close (window);
}

static void
test_offscreen_rows_keep_selection (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = gui_test_load_catalogue (NULL);
  g_autoptr(GSettings) settings = gui_test_fresh_settings ();
  WaymarkWindow *window = gui_test_window_new (catalogue, settings);
  WaymarkWindowParts parts;
  guint last;
  g_autoptr(WaymarkIntervention) item = NULL;
  g_autofree char *id = NULL;

  /* The list's last intervention, out of sight at the first frame, selected last time. */
  waymark_window_get_parts (window, &parts);
  last = gui_test_n_listed (window) - 1;
  item = g_list_model_get_item (G_LIST_MODEL (parts.selection), last);
  id = g_strdup (waymark_intervention_get_id (item));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (parts.selection), last, TRUE);
  gui_test_window_close (window);

  window = deferred_window_new (catalogue, settings);
  g_assert_true (lists_whole_catalogue (window));
  g_assert_nonnull (waymark_window_get_selected (window));
  g_assert_cmpstr (waymark_intervention_get_id (waymark_window_get_selected (window)), ==, id);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_flush ();
  g_assert_true (lists_whole_catalogue (window));
  gui_test_window_close (window);
}

typedef struct
{
  WaymarkCriteria *criteria;
  const char      *search;
} SearchWait;

static gboolean
criteria_has_search (gpointer data)
{
  SearchWait *w = data;

  return g_strcmp0 (waymark_criteria_get_search (w->criteria), w->search) == 0;
}

/* Keystrokes in the search, one character at a time at the end of what is there, each followed
 * until the filters have it. */
static void
type_into_search (WaymarkWindowParts *parts,
                  const char         *keys)
{
  GtkEditable *entry = GTK_EDITABLE (parts->search_entry);

  for (const char *key = keys; *key != '\0'; key = g_utf8_next_char (key))
    {
      int position = g_utf8_strlen (gtk_editable_get_text (entry), -1);
      g_autofree char *typed = NULL;
      SearchWait w = { parts->criteria, NULL };

      gtk_editable_insert_text (entry, key, g_utf8_next_char (key) - key, &position);
      typed = g_strdup (gtk_editable_get_text (entry));
      w.search = typed;
      gui_test_wait_until (criteria_has_search, &w, 5000, "the search to reach the filters");
    }
}

static const char *
chip_text (GtkWidget *button)
{
  GtkWidget *label = gui_test_find_widget (button, gui_test_is_label_with, "");

  return gtk_label_get_label (GTK_LABEL (label));
}

static void
test_search_keeps_chips (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *works_with_chip;
  GtkWidget *search_chip;

  check (f, "works-with", "perpetrators", TRUE);
  check (f, "llr-status", "not-in-place", TRUE);
  type_into_search (&f->parts, "ab");
  works_with_chip = find_chip (f, "works-with", WAYMARK_WORKS_WITH_PERPETRATORS);
  search_chip = find_chip (f, "search", 0);
  g_assert_nonnull (works_with_chip);
  g_assert_nonnull (search_chip);
  g_assert_cmpuint (n_chips (f), ==, 3);

  /* A keystroke changes the search chip's words and no chip else: the same widgets stay. */
  type_into_search (&f->parts, "u");
  g_assert_true (find_chip (f, "works-with", WAYMARK_WORKS_WITH_PERPETRATORS) == works_with_chip);
  g_assert_true (find_chip (f, "search", 0) == search_chip);
  g_assert_cmpstr (chip_text (search_chip), ==, "Search: “abu”");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (search_chip), ==, "Remove filter: Search: “abu”");
  g_assert_cmpuint (n_chips (f), ==, 3);

  /* Another filter's chip goes in its place among them; the others stay. */
  check (f, "levels", "primary", TRUE);
  g_assert_cmpuint (n_chips (f), ==, 4);
  g_assert_true (find_chip (f, "works-with", WAYMARK_WORKS_WITH_PERPETRATORS) == works_with_chip);
  g_assert_true (find_chip (f, "search", 0) == search_chip);
  g_assert_true (gtk_flow_box_get_child_at_index (f->parts.chips_box, 1) ==
                 GTK_FLOW_BOX_CHILD (gtk_widget_get_parent (find_chip (f, "levels",
                                                                       WAYMARK_LEVEL_PRIMARY))));
}

typedef struct
{
  GSettings  *settings;
  const char *key;
  const char *value;
} SettingWait;

static gboolean
setting_is (gpointer data)
{
  SettingWait *w = data;
  g_autofree char *value = g_settings_get_string (w->settings, w->key);

  return g_strcmp0 (value, w->value) == 0;
}

static void
test_search_setting_written_when_idle (Fixture       *f,
                                       gconstpointer  data)
{
  SettingWait w = { f->settings, "filter-search", "abuse" };
  g_autofree char *written = NULL;

  /* Not at the keystroke... */
  type_into_search (&f->parts, "abuse");
  written = g_settings_get_string (f->settings, "filter-search");
  g_assert_cmpstr (written, !=, "abuse");
  /* ...but once the main loop is idle. */
  gui_test_wait_until (setting_is, &w, 5000, "the search to be written to the settings");
  assert_setting (f->settings, "filter-search", "abuse");
}

/* Closed (or destroyed) straight after a keystroke: the search is written all the same. */
static void
test_search_setting_written_on_close (gconstpointer data)
{
  gboolean destroy = GPOINTER_TO_INT (data);
  g_autoptr(WaymarkCatalogue) catalogue = gui_test_load_catalogue (NULL);
  g_autoptr(GSettings) settings = gui_test_fresh_settings ();
  WaymarkWindow *window = gui_test_window_new (catalogue, settings);
  WaymarkWindowParts parts;
  gpointer weak = window;

  waymark_window_get_parts (window, &parts);
  check_pane_box (&parts, "focus", "sv");
  type_into_search (&parts, "refuge");
  {
    g_autofree char *written = g_settings_get_string (settings, "filter-search");

    g_assert_cmpstr (written, !=, "refuge");
  }

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  if (destroy)
    gtk_window_destroy (GTK_WINDOW (window));
  else
    gtk_window_close (GTK_WINDOW (window));
  /* Before the main loop runs again. */
  assert_setting (settings, "filter-search", "refuge");
  {
    g_auto(GStrv) focus = g_settings_get_strv (settings, "filter-focus");

    g_assert_cmpuint (g_strv_length (focus), ==, 1);
    g_assert_cmpstr (focus[0], ==, "sv");
  }
  gui_test_wait_until (gui_test_is_gone, &weak, 5000, "the window to be finalised");
}

static gboolean
find_help_window (gpointer data)
{
  GtkWindow **found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();  /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (WAYMARK_IS_HELP_WINDOW (window))
        *found = window;
    }
  return *found != NULL;
}

static gboolean
has_label_with (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_with (child, text))
      return TRUE;

  return FALSE;
}

static void
test_getting_started (Fixture       *f,
                      gconstpointer  data)
{
  GtkWindow *help = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.help", NULL));
  gui_test_wait_until (find_help_window, &help, 5000, "the Getting Started window");

  /* The review's scales, read from the catalogue in use, and the three pages' help. */
  g_assert_true (gtk_window_get_transient_for (help) == GTK_WINDOW (f->window));
  g_assert_true (has_label_with (GTK_WIDGET (help),
                                 waymark_catalogue_get_evidence_scale (f->catalogue,
                                                                       WAYMARK_RATING_HIGH)));
  g_assert_true (has_label_with (GTK_WIDGET (help),
                                 waymark_catalogue_get_impact_scale (f->catalogue,
                                                                     WAYMARK_RATING_LOW)));
  g_assert_true (has_label_with (GTK_WIDGET (help), "Build a draft commissioning plan"));

  gtk_window_destroy (help);
}

static gboolean
is_widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* A button whose size is asked for again after its window's layout, then painted: GTK's own
 * "Trying to snapshot ... without a current allocation", through GTK's own logging. */
static void
snapshot_a_button_without_allocation (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_button_new_with_label ("Unallocated");
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until (is_widget_mapped, button, 5000, "the button to be mapped");
  gtk_widget_queue_resize (button);
  gtk_widget_snapshot_child (window, button, snapshot);
  g_clear_pointer (&snapshot, gtk_snapshot_free_to_node);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The one warning of GTK's that the UI tests let through (gui-test-util.c): it is written to
 * the log with the widget's ancestry, and any other warning still ends the test. */
static void
test_snapshot_warning_tolerated (void)
{
  if (g_test_subprocess ())
    {
      guint before = gui_test_n_snapshot_warnings ();

      snapshot_a_button_without_allocation ();
      g_assert_cmpuint (gui_test_n_snapshot_warnings (), ==, before + 1);
      g_warning ("Any other warning");
      g_assert_not_reached ();
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Trying to snapshot GtkButton * without a current allocation; "
                             "the widget: GtkButton < GtkWindow*Any other warning*");
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/gui/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("initial-state", test_initial_state);
  ADD ("search", test_search);
  ADD ("typing-searches-only-when-browsing", test_typing_searches_only_when_browsing);
  ADD ("filters/combination", test_filter_combination);
  ADD ("filters/chips-remove", test_chips_remove_filters);
  ADD ("filters/long-list", test_filter_long_list);
  ADD ("filters/minimum-and-cost-chips", test_minimum_chip);
  ADD ("filters/search-keeps-chips", test_search_keeps_chips);
  ADD ("filters/search-written-when-idle", test_search_setting_written_when_idle);
  ADD ("sort", test_sort);
  ADD ("detail", test_detail);
  ADD ("detail/review-fidelity", test_detail_review_fidelity);
  ADD ("narrow-navigation", test_narrow_navigation);
  ADD ("toast-button-named-once", test_toast_button_named_once);
  g_test_add_func ("/gui/window/compare-page-made-when-shown", test_compare_page_made_when_shown);
  g_test_add_func ("/gui/window/context-page-made-when-shown", test_context_page_made_when_shown);
  g_test_add_func ("/gui/window/empty-page-made-when-needed", test_empty_page_made_when_needed);
  ADD ("page-switcher-follows-width", test_page_switcher_follows_width);
  ADD ("page-switch-with-list-open", test_page_switch_with_list_open);
  ADD ("keys-act-on-what-is-seen", test_keys_act_on_what_is_seen);
  ADD ("shortcuts-window", test_shortcuts_window);
  ADD ("empty-state", test_empty_state);
  ADD ("filters-read-whole", test_filters_read_whole);
  ADD ("list-pane-keeps-width", test_list_pane_keeps_width);
  ADD ("evidence-map", test_map_follows_filters_and_selects);
  ADD ("evidence-map/chip-menu-out-of-view", test_map_chip_menu_out_of_view);
  ADD ("evidence-map/chip-menu-follows-scroll", test_map_chip_menu_follows_scroll);
  ADD ("evidence-map/chip-menu-closes-in-smaller-window",
       test_map_chip_menu_closes_in_smaller_window);
  ADD ("open-catalogue/bad-refused", test_bad_catalogue_refused);
  ADD ("open-catalogue/good", test_open_catalogue);
  ADD ("getting-started", test_getting_started);
  g_test_add_func ("/gui/window/settings-restored", test_settings_restored);
  g_test_add_func ("/gui/window/offscreen-rows-after-first-frame",
                   test_offscreen_rows_after_first_frame);
  g_test_add_func ("/gui/window/offscreen-rows-keep-selection", test_offscreen_rows_keep_selection);
  g_test_add_func ("/gui/window/offscreen-filters-keep-criteria",
                   test_offscreen_filters_keep_criteria);
  g_test_add_data_func ("/gui/window/offscreen-rows-fill-first-frame/default-size",
                        GINT_TO_POINTER (0), test_offscreen_rows_fill_first_frame);
  g_test_add_data_func ("/gui/window/offscreen-rows-fill-first-frame/tall",
                        GINT_TO_POINTER (1000), test_offscreen_rows_fill_first_frame);
  g_test_add_func ("/gui/test-util/snapshot-warning-tolerated", test_snapshot_warning_tolerated);
  g_test_add_data_func ("/gui/window/filters/written-on-close", GINT_TO_POINTER (FALSE),
                        test_search_setting_written_on_close);
  g_test_add_data_func ("/gui/window/filters/written-on-destroy", GINT_TO_POINTER (TRUE),
                        test_search_setting_written_on_close);

#undef ADD

  return g_test_run ();
}
