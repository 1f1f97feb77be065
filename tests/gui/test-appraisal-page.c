/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "waymark-appraisal-page.h"

/* The Appraisal page (issue 15) with tests/data/appraisal.waymark open: the ranking it shows is
 * the core's; a weight, a score table's value, a status and a local criterion changed from the
 * page re-rank the shortlist; Not taken forward is refused without a reason; and Undo restores
 * each. The ranking by hand (tests/test-appraisal.c says how): weights evidence 1, impact 1,
 * llr_status 0.5, strategic_fit 2;
 *   local-idva-service  3 × 2 ÷ 2 = 3.00, on 1 of 4 criteria      rank 1
 *   drive               (2 + 3 + 2 × 0.5 + 2 × 2) ÷ 4.5 = 2.22    rank 2
 *   mentors             (3 + 2 + 2 × 0.5 + 2 × 2) ÷ 4.5 = 2.22    rank 2
 *   iris                (3 + 2 + 0 × 0.5 + 2 × 2) ÷ 4.5 = 2.00    rank 4
 *   counselling         no score; safe-dates deferred; cbt-victims not taken forward. */

typedef struct
{
  WaymarkCatalogue     *catalogue;
  GSettings            *settings;
  WaymarkWindow        *window;
  WaymarkWindowParts    parts;
  WaymarkAppraisalPage *page;
  WaymarkPlan          *plan;  /* borrowed */
} Fixture;

static gboolean
page_has_ranking (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_mapped (GTK_WIDGET (f->page)) &&
         waymark_appraisal_page_get_ranking (f->page) != NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->catalogue = gui_test_load_catalogue (NULL);
  f->settings = gui_test_fresh_settings ();
  f->window = gui_test_window_new (f->catalogue, f->settings);
  waymark_window_get_parts (f->window, &f->parts);
  f->page = f->parts.appraisal_page;
  f->plan = gui_test_load_plan (f->window, "appraisal.waymark");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "appraisal");
  gui_test_wait_until (page_has_ranking, f, 5000, "the Appraisal page to be shown");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* No "Save Changes?" on closing: the tests' edits are let go. */
  waymark_plan_document_reset (waymark_window_get_plan_document (f->window));
  gui_test_window_close (f->window);
  g_assert_finalize_object (f->catalogue);
  g_assert_finalize_object (f->settings);
}

static const WaymarkAppraisalRow *
shown_row (Fixture    *f,
           const char *id)
{
  const WaymarkAppraisalRanking *ranking = waymark_appraisal_page_get_ranking (f->page);

  for (guint i = 0; i < ranking->rows->len; i++)
    {
      const WaymarkAppraisalRow *row = g_ptr_array_index (ranking->rows, i);

      if (strcmp (row->id, id) == 0)
        return row;
    }
  g_assert_not_reached ();
}

/* Waiting on the page's own ranking, rebuilt once the edit has returned. */
typedef struct
{
  Fixture    *f;
  const char *id;
  gint        weighted;
  guint       rank;
} Expected;

static gboolean
has_expected (gpointer data)
{
  Expected *e = data;
  const WaymarkAppraisalRow *row = shown_row (e->f, e->id);

  return row->weighted == e->weighted && row->rank == e->rank;
}

static void
wait_for_score (Fixture    *f,
                const char *id,
                gint        weighted,
                guint       rank)
{
  Expected e = { f, id, weighted, rank };
  g_autofree char *what = g_strdup_printf ("%s to score %d, rank %u", id, weighted, rank);

  gui_test_wait_until (has_expected, &e, 5000, what);
}

static void
undo (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
}

static void
test_ranking_as_core (Fixture       *f,
                      gconstpointer  data)
{
  const WaymarkAppraisalRanking *shown = waymark_appraisal_page_get_ranking (f->page);
  g_autoptr(WaymarkAppraisalRanking) core = NULL;
  g_autofree char *sensitivity = NULL;
  const char * const order[] = {
    "local-idva-service", "drive", "mentors-in-violence-prevention", "iris", "counselling",
    "safe-dates", "cbt-victims",
  };
  const guint ranks[] = { 1, 2, 2, 4, 0, 0, 0 };
  const gint weighted[] = { 300, 222, 222, 200 };

  core = waymark_appraisal_ranking_new (waymark_plan_get_appraisal (f->plan), f->plan,
                                        f->catalogue);
  g_assert_cmpuint (shown->rows->len, ==, G_N_ELEMENTS (order));
  g_assert_cmpuint (core->rows->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const WaymarkAppraisalRow *row = g_ptr_array_index (shown->rows, i);
      const WaymarkAppraisalRow *expected = g_ptr_array_index (core->rows, i);

      g_assert_cmpstr (row->id, ==, order[i]);
      g_assert_cmpstr (row->id, ==, expected->id);
      g_assert_cmpstr (row->name, ==, expected->name);
      g_assert_cmpuint (row->rank, ==, ranks[i]);
      if (i < G_N_ELEMENTS (weighted))
        g_assert_cmpint (row->weighted, ==, weighted[i]);
      g_assert_nonnull (waymark_appraisal_page_get_option_row (f->page, row->id));
    }

  /* What a person reads: the rank and name, the score with how many criteria (evidence,
   * impact, llr_status and strategic_fit weigh more than 0: 4), the arithmetic. */
  {
    AdwActionRow *row = ADW_ACTION_ROW (waymark_appraisal_page_get_option_row (f->page, "drive"));

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     "2. Drive project");
    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                     "Weighted score 2.22, scored on 4 of 4 criteria\n"
                     "(evidence 2 × 1 + impact 3 × 1 + llr_status 2 × 0.5 + strategic_fit 2 × 2) "
                     "÷ (1 + 1 + 0.5 + 2) = 2.22");
    /* A local service, named as the plan names it, and marked: the review never rated it. */
    row = ADW_ACTION_ROW (waymark_appraisal_page_get_option_row (f->page, "local-idva-service"));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     "1. LLR IDVA service");
    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                     "Weighted score 3.00, scored on 1 of 4 criteria\n"
                     "(strategic_fit 3 × 2) ÷ (2) = 3.00\n"
                     "Local: not rated by the review\n"
                     "Reason: The existing IDVA service, commissioned locally");
    row = ADW_ACTION_ROW (waymark_appraisal_page_get_option_row (f->page, "cbt-victims"));
    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                     "Not taken forward\n"
                     "Reason (Solution): The local counselling service meets this need");
  }
  g_assert_true (gui_test_has_text (GTK_WIDGET (f->page), "neither penalised nor rewarded"));

  sensitivity = waymark_appraisal_ranking_describe_sensitivity (core);
  g_assert_cmpstr (gtk_label_get_text (waymark_appraisal_page_get_sensitivity_label (f->page)),
                   ==, sensitivity);
  g_assert_true (g_str_has_prefix (sensitivity, "Not robust"));
}

/* Impact weighs 0: drive (2 + 1 + 4) ÷ 3.5 = 2.00, mentors (3 + 1 + 4) ÷ 3.5 = 2.2857 → 2.29,
 * iris (3 + 0 + 4) ÷ 3.5 = 2.00: mentors second alone, drive and iris share third. */
static void
test_weight_reranks (Fixture       *f,
                     gconstpointer  data)
{
  GtkSpinButton *impact = waymark_appraisal_page_get_weight_spin (f->page, "impact");

  g_assert_cmpfloat (gtk_spin_button_get_value (impact), ==, 1.0);
  gtk_spin_button_set_value (impact, 0);
  wait_for_score (f, "mentors-in-violence-prevention", 229, 2);
  wait_for_score (f, "drive", 200, 3);
  g_assert_cmpuint (shown_row (f, "iris")->rank, ==, 3);
  g_assert_cmpint (waymark_appraisal_get_weight (waymark_plan_get_appraisal (f->plan), 1), ==, 0);

  /* Ctrl+Z with the focus in the spin button, as a person would undo it: GTK 4.8's text field
   * would take the key for its own typing, and the window's binding would never see it. */
  gtk_widget_grab_focus (GTK_WIDGET (impact));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         GTK_WIDGET (impact)));
  g_assert_nonnull (gui_test_press_key_in_focus (GTK_WINDOW (f->window), "<Control>z"));
  wait_for_score (f, "drive", 222, 2);
  g_assert_cmpuint (shown_row (f, "mentors-in-violence-prevention")->rank, ==, 2);
  /* The same spin button, set back where it is: the focus is not lost to a rebuild. */
  g_assert_true (waymark_appraisal_page_get_weight_spin (f->page, "impact") == impact);
  g_assert_cmpfloat (gtk_spin_button_get_value (impact), ==, 1.0);
  g_assert_false (waymark_plan_can_undo (f->plan));
}

/* Evidence's HIGH scored 4 instead of 3: mentors (4 + 2 + 1 + 4) ÷ 4.5 = 2.44, iris
 * (4 + 2 + 0 + 4) ÷ 4.5 = 2.22, sharing third with drive. "No score" for HIGH: mentors and iris
 * are then scored on 3 of 4, mentors (2 + 1 + 4) ÷ 3.5 = 2.00, iris (2 + 0 + 4) ÷ 3.5 = 1.71. */
static void
test_score_table (Fixture       *f,
                  gconstpointer  data)
{
  GtkSpinButton *high = waymark_appraisal_page_get_score_spin (f->page, "evidence", "high");
  GtkCheckButton *none = waymark_appraisal_page_get_no_score_check (f->page, "evidence", "high");

  g_assert_nonnull (high);
  g_assert_cmpfloat (gtk_spin_button_get_value (high), ==, 3.0);
  g_assert_false (gtk_check_button_get_active (none));
  /* llr_status scores "unknown" with no score, and says so. */
  g_assert_true (gtk_check_button_get_active (
    waymark_appraisal_page_get_no_score_check (f->page, "llr_status", "unknown")));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (
    waymark_appraisal_page_get_score_spin (f->page, "llr_status", "unknown"))));

  gtk_spin_button_set_value (high, 4);
  wait_for_score (f, "mentors-in-violence-prevention", 244, 2);
  wait_for_score (f, "iris", 222, 3);

  gtk_check_button_set_active (none, TRUE);
  wait_for_score (f, "iris", 171, 4);
  g_assert_cmpuint (shown_row (f, "mentors-in-violence-prevention")->n_scored, ==, 3);
  g_assert_cmpint (shown_row (f, "mentors-in-violence-prevention")->weighted, ==, 200);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (high)));

  undo (f);
  wait_for_score (f, "iris", 222, 3);
  g_assert_false (gtk_check_button_get_active (none));
  g_assert_cmpfloat (gtk_spin_button_get_value (high), ==, 4.0);
  undo (f);
  wait_for_score (f, "iris", 200, 4);
  g_assert_cmpfloat (gtk_spin_button_get_value (high), ==, 3.0);
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  return gui_test_find_widget (root, is_named, name);
}

static gboolean
is_rejected_with_reason (gpointer data)
{
  Fixture *f = data;
  const WaymarkAppraisalRow *row = shown_row (f, "drive");

  return row->status == WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD &&
         strcmp (row->reason, "Costs more than this round allows") == 0;
}

static void
test_not_taken_forward_needs_reason (Fixture       *f,
                                     gconstpointer  data)
{
  AdwMessageDialog *dialog = waymark_appraisal_page_edit_status (f->page, "drive");
  GtkWidget *extra = adw_message_dialog_get_extra_child (dialog);
  GtkDropDown *status = GTK_DROP_DOWN (find_named (extra, "status"));
  GtkEditable *reason = GTK_EDITABLE (find_named (extra, "reason"));
  GtkDropDown *dimension = GTK_DROP_DOWN (find_named (extra, "dimension"));
  GtkWidget *message = find_named (extra, "message");
  gpointer weak = dialog;
  AdwActionRow *row;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, WAYMARK_OPTION_STATUS_SHORTLISTED);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  g_assert_false (gtk_widget_get_visible (message));

  /* Refused without a reason, and told why; a blank one is none. */
  gtk_drop_down_set_selected (status, WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_true (gui_test_has_text (message, "needs a reason"));
  gtk_editable_set_text (reason, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));

  gtk_editable_set_text (reason, "Costs more than this round allows");
  gtk_drop_down_set_selected (dimension, WAYMARK_OPTION_DIMENSION_FUNDING);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  g_assert_false (gtk_widget_get_visible (message));
  /* As its Apply button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_wait_until (is_rejected_with_reason, f, 5000, "drive to be not taken forward");
  gui_test_wait_until (gui_test_is_gone, &weak, 5000, "the dialog to close");

  /* Out of the ranking: mentors is second alone, iris third. */
  wait_for_score (f, "iris", 200, 3);
  g_assert_cmpuint (shown_row (f, "drive")->rank, ==, 0);
  row = ADW_ACTION_ROW (waymark_appraisal_page_get_option_row (f->page, "drive"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Drive project");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "Not taken forward\nReason (Funding): Costs more than this round allows");

  undo (f);
  wait_for_score (f, "drive", 222, 2);
  g_assert_cmpint (shown_row (f, "drive")->status, ==, WAYMARK_OPTION_STATUS_SHORTLISTED);
  g_assert_false (waymark_plan_can_undo (f->plan));
}

typedef struct
{
  Fixture    *f;
  const char *id;
  gboolean    shown;
} CriterionShown;

static gboolean
is_criterion_shown (gpointer data)
{
  CriterionShown *c = data;

  return (waymark_appraisal_page_get_weight_spin (c->f->page, c->id) != NULL) == c->shown;
}

/* Waits for the criterion `id`'s row to be on the page (shown) or gone. */
static void
wait_for_criterion (Fixture    *f,
                    const char *id,
                    gboolean    shown)
{
  CriterionShown c = { f, id, shown };

  gui_test_wait_until (is_criterion_shown, &c, 5000, id);
}

/* A local criterion "Provider capacity" (weight 1), iris scored 3 on it: (3 + 2 + 0 + 4 + 3) ÷
 * 5.5 = 2.18 on 5 of 5 criteria; drive, with no score on it, keeps 10 ÷ 4.5 = 2.22 on 4 of 5. */
static void
test_local_criterion (Fixture       *f,
                      gconstpointer  data)
{
  AdwEntryRow *add = waymark_appraisal_page_get_add_criterion_row (f->page);
  GtkSpinButton *spin;
  GtkCheckButton *none;

  /* A name the plan has already: refused, with the core's words. */
  gtk_editable_set_text (GTK_EDITABLE (add), "Strategic fit");
  g_signal_emit_by_name (add, "apply");
  g_assert_true (gui_test_has_text (GTK_WIDGET (f->page), "strategic_fit"));
  g_assert_false (waymark_plan_can_undo (f->plan));

  gtk_editable_set_text (GTK_EDITABLE (add), "Provider capacity!");
  g_signal_emit_by_name (add, "apply");
  wait_for_criterion (f, "provider_capacity", TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "");
  g_assert_cmpfloat (gtk_spin_button_get_value (
    waymark_appraisal_page_get_weight_spin (f->page, "provider_capacity")), ==, 1.0);

  spin = waymark_appraisal_page_get_score_spin (f->page, "provider_capacity", "iris");
  none = waymark_appraisal_page_get_no_score_check (f->page, "provider_capacity", "iris");
  g_assert_true (gtk_check_button_get_active (none));
  /* Not scored on it: not penalised for it. */
  wait_for_score (f, "drive", 222, 2);
  g_assert_cmpuint (shown_row (f, "drive")->n_scored, ==, 4);

  gtk_check_button_set_active (none, FALSE);
  /* Scored 0 first: (0 + 9) ÷ 5.5 = 1.64. */
  wait_for_score (f, "iris", 164, 4);
  gtk_spin_button_set_value (spin, 3);
  wait_for_score (f, "iris", 218, 4);
  g_assert_cmpuint (shown_row (f, "iris")->n_scored, ==, 5);
  g_assert_cmpint (waymark_appraisal_get_local_score (waymark_plan_get_appraisal (f->plan), 8,
                                                      "iris"), ==, 300);

  undo (f);
  wait_for_score (f, "iris", 164, 4);
  undo (f);
  wait_for_score (f, "iris", 200, 4);
  undo (f);
  wait_for_criterion (f, "provider_capacity", FALSE);
  g_assert_false (waymark_plan_can_undo (f->plan));
}

/* A local criterion's label and an option's reason are text, never markup: each label that
 * shows one says so (GTK would warn, fatally here, if it tried to parse "&" or an open tag). */
static void
test_text_not_markup (Fixture       *f,
                      gconstpointer  data)
{
  AdwEntryRow *add = waymark_appraisal_page_get_add_criterion_row (f->page);
  const char *reason = "Too dear & <b>late";
  GtkWidget *label;
  g_autoptr(GError) error = NULL;

  gtk_editable_set_text (GTK_EDITABLE (add), "Fit & <i>reach</i>");
  g_signal_emit_by_name (add, "apply");
  wait_for_criterion (f, "fit_i_reach_i", TRUE);
  waymark_appraisal_set_status (waymark_plan_get_appraisal (f->plan), "iris",
                                WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD, reason,
                                WAYMARK_OPTION_DIMENSION_NONE, &error);
  g_assert_no_error (error);
  wait_for_score (f, "iris", 0, 0);

  label = gui_test_find_widget (GTK_WIDGET (f->page), gui_test_is_label_with, "Fit & <i>reach</i>");
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Fit & <i>reach</i>");
  label = gui_test_find_widget (GTK_WIDGET (f->page), gui_test_is_label_with,
                                "Reason: Too dear & <b>late");
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
}

static void
test_id_from_label (void)
{
  const char *cases[][2] = {
    { "Provider capacity!", "provider_capacity" },
    { "  Strategic   fit ", "strategic_fit" },
    { "Côte 2", "c_te_2" },
    { "!!!", "" },
    { "a-b", "a_b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = waymark_appraisal_page_id_from_label (cases[i][0]);

      g_assert_cmpstr (id, ==, cases[i][1]);
    }
}

static gboolean
is_status_dialog (gpointer data)
{
  AdwMessageDialog **dialog = data;
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      *dialog = l->data;
  return *dialog != NULL;
}

static gboolean
detail_says (gpointer data)
{
  gpointer *args = data;

  return gui_test_has_text (GTK_WIDGET (((Fixture *) args[0])->parts.detail_pane), args[1]);
}

static void
wait_for_detail (Fixture    *f,
                 const char *text)
{
  gpointer args[] = { f, (gpointer) text };

  gui_test_wait_until (detail_says, args, 5000, text);
}

static gboolean
is_status_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget),
                    "Shortlist, defer or set aside this option, with a reason") == 0;
}

/* The same dialog from an intervention's detail: iris, an item of the plan, deferred there is
 * out of the ranking on the page; Undo puts it back. */
static void
test_detail_pane_status (Fixture       *f,
                         gconstpointer  data)
{
  AdwMessageDialog *dialog = NULL;
  GtkWidget *extra;
  GtkWidget *button;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-intervention", "s", "iris");
  wait_for_detail (f, "Options appraisal: shortlisted, as an item of the plan");
  button = gui_test_find_widget (GTK_WIDGET (f->parts.detail_pane), is_status_button, NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  gui_test_wait_until (is_status_dialog, &dialog, 5000, "the status dialog");

  extra = adw_message_dialog_get_extra_child (dialog);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (extra, "status")),
                              WAYMARK_OPTION_STATUS_DEFERRED);
  gtk_editable_set_text (GTK_EDITABLE (find_named (extra, "reason")), "Wait for the GP pilot");
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_detail (f, "Options appraisal: Deferred. Reason: Wait for the GP pilot");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "appraisal");
  gui_test_wait_until (page_has_ranking, f, 5000, "the Appraisal page to be shown again");
  wait_for_score (f, "iris", 0, 0);
  g_assert_cmpint (shown_row (f, "iris")->status, ==, WAYMARK_OPTION_STATUS_DEFERRED);

  undo (f);
  wait_for_score (f, "iris", 200, 4);
  wait_for_detail (f, "Options appraisal: shortlisted, as an item of the plan");
}

/* Every control a person reaches is named for a screen reader, each in words of its own. */
static gboolean
assert_named (GtkWidget     *widget,
              gconstpointer  data)
{
  guint *n_named = (guint *) data;

  /* A spin button's own + and − are GTK's, and so is the empty list each preferences group
   * keeps hidden. */
  if (!gtk_widget_is_visible (widget))
    return FALSE;
  if (gtk_widget_get_ancestor (gtk_widget_get_parent (widget), GTK_TYPE_SPIN_BUTTON) != NULL)
    return FALSE;
  if (GTK_IS_SPIN_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_LIST_BOX (widget) ||
      (GTK_IS_BUTTON (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW) != NULL))
    {
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("A %s in a %s on the Appraisal page has no accessible name",
                 G_OBJECT_TYPE_NAME (widget),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
      (*n_named)++;
    }
  return FALSE;
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  guint n_named = 0;
  char *unexpected;

  gui_test_find_widget (GTK_WIDGET (f->page), assert_named, &n_named);
  /* 7 options' Status buttons and strategic_fit's Remove; the local service's Add to Plan (it
   * has no item in the plan); 8 weights; a spin button and a check for each of the tables'
   * 4 + 4 + 2 + 4 + 3 + 5 + 2 = 24 values and for strategic_fit's 5 shortlisted options; the
   * page's 6 lists and the 2 inside each of the 8 criteria's rows:
   * 8 + 1 + 8 + 2 × (24 + 5) + 6 + 16 = 97. */
  g_assert_cmpuint (n_named, ==, 97);

  unexpected = gtk_test_accessible_check_property (
    GTK_ACCESSIBLE (waymark_appraisal_page_get_weight_spin (f->page, "strategic_fit")),
    GTK_ACCESSIBLE_PROPERTY_LABEL, "Weight of Strategic fit");
  g_assert_null (unexpected);
  unexpected = gtk_test_accessible_check_property (
    GTK_ACCESSIBLE (waymark_appraisal_page_get_no_score_check (f->page, "evidence", "high")),
    GTK_ACCESSIBLE_PROPERTY_LABEL, "No score for High on Evidence rating");
  g_assert_null (unexpected);
  unexpected = gtk_test_accessible_check_property (
    GTK_ACCESSIBLE (waymark_appraisal_page_get_score_spin (f->page, "strategic_fit", "iris")),
    GTK_ACCESSIBLE_PROPERTY_LABEL,
    "Score of Identification and Referral to Improve Safety (IRIS) on Strategic fit");
  g_assert_null (unexpected);
}

/* A phone-sized window: the page asks for no more than 360 pixels, and every row, each
 * criterion's table open, wraps inside it. */
static void
test_narrow_window (Fixture       *f,
                    gconstpointer  data)
{
  GuiTestOverflow o = { GTK_WIDGET (f->page), 0 };
  int minimum;

  for (GtkWidget *row = gtk_widget_get_ancestor (
         GTK_WIDGET (waymark_appraisal_page_get_weight_spin (f->page, "evidence")),
         ADW_TYPE_EXPANDER_ROW);
       row != NULL; row = gtk_widget_get_next_sibling (row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  gui_test_wait_until (gui_test_is_narrow, f->window, 5000, "the window to be narrow");
  gui_test_wait_for_frames (GTK_WIDGET (f->window));

  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_test_message ("the page's minimum width: %d", minimum);
  g_assert_cmpint (minimum, <=, 360);
  o.width = gtk_widget_get_width (o.page);
  g_assert_cmpint (o.width, >, 0);
  g_assert_cmpint (o.width, <=, 360);
  gui_test_find_widget (o.page, gui_test_assert_inside, &o);
}

static void
test_shortcut (Fixture       *f,
               gconstpointer  data)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "interventions");
  gui_test_press_shortcut (GTK_WIDGET (f->window), "<Alt>5");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->parts.view_stack), ==, "appraisal");
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/gui/appraisal/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/gui/appraisal/id-from-label", test_id_from_label);
  ADD ("ranking-as-core", test_ranking_as_core);
  ADD ("weight-reranks", test_weight_reranks);
  ADD ("score-table", test_score_table);
  ADD ("not-taken-forward-needs-reason", test_not_taken_forward_needs_reason);
  ADD ("local-criterion", test_local_criterion);
  ADD ("text-not-markup", test_text_not_markup);
  ADD ("detail-pane-status", test_detail_pane_status);
  ADD ("accessible", test_accessible);
  ADD ("narrow-window", test_narrow_window);
  ADD ("shortcut", test_shortcut);

#undef ADD

  return g_test_run ();
}
