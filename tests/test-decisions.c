/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "test-util.h"
#include "waymark-catalogue.h"
#include "waymark-plan-io.h"

/* The decision record (issue 15, part 5): the entries each kind of change appends, in the same
 * undoable step; undo and redo take them off and put the same ones back; a reason and a citation
 * as their own step, an unknown heading refused; the plan file's round trip and hostile files. */

#define SECTION_CBIM \
  "Primary intervention: school-based programmes promoting equal relationships"
#define SECTION_CONTEXT \
  "Domestic abuse and sexual violence is a wide-reaching, significant national issue, with " \
  "domestic abuse and sexual violence disproportionately affecting women and girls"

typedef struct
{
  WaymarkCatalogue *catalogue;
  WaymarkPlan      *plan;
  guint             ticks;  /* the clock: 2026-12-01T10:00:00Z and a minute more each call */
} Fixture;

static GDateTime *
fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 12, 1, 10, 0, 0);

  return g_date_time_add_minutes (start, (int) fixture->ticks++);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->catalogue = waymark_catalogue_new_default (&error);
  g_assert_no_error (error);
  fixture->plan = waymark_plan_new ();
  fixture->ticks = 0;
  waymark_plan_set_clock (fixture->plan, fake_clock, fixture);
  waymark_plan_edit (fixture->plan, fixture->plan, "author", "A. Commissioner", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->plan);
  g_assert_finalize_object (fixture->catalogue);
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static guint
n_decisions (WaymarkPlan *plan)
{
  return g_list_model_get_n_items (waymark_plan_get_decisions (plan));
}

/* Borrowed: the plan's store holds it. */
static WaymarkDecision *
decision_at (WaymarkPlan *plan,
             guint        position)
{
  g_autoptr(WaymarkDecision) decision =
    g_list_model_get_item (waymark_plan_get_decisions (plan), position);

  g_assert_nonnull (decision);
  return decision;
}

static void
assert_decision (WaymarkDecision     *decision,
                 WaymarkDecisionKind  kind,
                 const char          *subject,
                 const char          *description,
                 const char          *time)
{
  g_autofree char *time_text = waymark_decision_dup_time_text (decision);

  g_assert_cmpstr (waymark_decision_kind_get_id (waymark_decision_get_kind (decision)), ==,
                   waymark_decision_kind_get_id (kind));
  g_assert_cmpstr (waymark_decision_get_subject (decision), ==, subject);
  g_assert_cmpstr (waymark_decision_get_description (decision), ==, description);
  g_assert_cmpstr (time_text, ==, time);
}

static WaymarkPlanItem *
add_intervention (Fixture    *fixture,
                  const char *id)
{
  WaymarkIntervention *intervention = waymark_catalogue_lookup (fixture->catalogue, id);
  g_autoptr(WaymarkPlanItem) item = NULL;

  g_assert_nonnull (intervention);
  item = waymark_plan_item_new_for_intervention (intervention);
  waymark_plan_add_item (fixture->plan, item);
  return waymark_plan_find_item (fixture->plan, id, NULL);
}

static char *
plan_json (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = waymark_plan_to_json (fixture->plan, fixture->catalogue, &error);
  g_autoptr(GRegex) date = g_regex_new ("^  \"exported_at\" : \".*\",\n", G_REGEX_MULTILINE, 0,
                                        NULL);

  g_assert_no_error (error);
  return g_regex_replace_literal (date, json, -1, 0, "", 0, NULL);
}

static void
test_kinds (void)
{
  const char *ids[] = { "status", "reason", "weight", "score", "criterion", "item-added",
                        "item-removed", "item-changed", "local-service" };

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == WAYMARK_DECISION_KIND_N);
  for (guint i = 0; i < WAYMARK_DECISION_KIND_N; i++)
    {
      WaymarkDecisionKind kind = WAYMARK_DECISION_KIND_N;

      g_assert_cmpstr (waymark_decision_kind_get_id (i), ==, ids[i]);
      g_assert_true (waymark_decision_kind_from_id (ids[i], &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_nonnull (waymark_decision_kind_get_label (i));
    }
  g_assert_false (waymark_decision_kind_from_id ("Status", &(WaymarkDecisionKind) { 0 }));
  g_assert_false (waymark_decision_kind_from_id (NULL, &(WaymarkDecisionKind) { 0 }));
}

/* Each kind of change appends its entry, with the plan's author and the clock's time. The
 * author was set by the fixture's first edit, a plan detail: no entry, no tick of the clock. */
static void
test_each_kind (Fixture       *fixture,
                gconstpointer  data)
{
  WaymarkPlan *plan = fixture->plan;
  WaymarkAppraisal *appraisal = waymark_plan_get_appraisal (plan);
  WaymarkLocalServiceFields fields = {
    .id = "llr-idva", .name = "LLR IDVA service", .levels = WAYMARK_LEVEL_TERTIARY,
    .focus = WAYMARK_FOCUS_DA, .works_with = WAYMARK_WORKS_WITH_VICTIMS, .age_min = -1,
    .age_max = -1, .unit_cost = WAYMARK_NO_COST, .unit_cost_high = WAYMARK_NO_COST,
  };
  g_autoptr(WaymarkLocalService) service = NULL;
  g_autoptr(GError) error = NULL;
  WaymarkPlanItem *item;
  guint position;

  g_assert_cmpuint (n_decisions (plan), ==, 0);

  /* Tick 0: an item added. */
  item = add_intervention (fixture, "coaching-boys-into-men");
  g_assert_cmpuint (n_decisions (plan), ==, 1);
  assert_decision (decision_at (plan, 0), WAYMARK_DECISION_KIND_ITEM_ADDED,
                   "coaching-boys-into-men", "Added to the plan: Coaching Boys Into Men (CBIM)",
                   "2026-12-01T10:00:00Z");
  g_assert_cmpstr (waymark_decision_get_author (decision_at (plan, 0)), ==, "A. Commissioner");
  g_assert_cmpstr (waymark_decision_get_reason (decision_at (plan, 0)), ==, "");
  g_assert_cmpstr (waymark_decision_get_review_section (decision_at (plan, 0)), ==, "");

  /* Tick 1: its quantity, 1 to 20. */
  waymark_plan_edit (plan, item, "quantity", 20, NULL);
  assert_decision (decision_at (plan, 1), WAYMARK_DECISION_KIND_ITEM_CHANGED,
                   "coaching-boys-into-men", "Coaching Boys Into Men (CBIM): quantity 1 → 20",
                   "2026-12-01T10:01:00Z");

  /* Tick 2: a cost, none to £1,200 and £1,500: one entry for both figures. */
  waymark_plan_set_item_cost (plan, item, 120000, 150000, WAYMARK_COST_SOURCE_LOCAL_QUOTE);
  g_assert_cmpuint (n_decisions (plan), ==, 3);
  assert_decision (decision_at (plan, 2), WAYMARK_DECISION_KIND_ITEM_CHANGED,
                   "coaching-boys-into-men",
                   "Coaching Boys Into Men (CBIM): unit cost no cost → £1,200 to £1,500",
                   "2026-12-01T10:02:00Z");
  /* Tick 3: only the high figure, £1,500 to £1,800. */
  waymark_plan_edit (plan, item, "unit-cost-high", (gint64) 180000, NULL);
  assert_decision (decision_at (plan, 3), WAYMARK_DECISION_KIND_ITEM_CHANGED,
                   "coaching-boys-into-men",
                   "Coaching Boys Into Men (CBIM): unit cost £1,200 to £1,500 → £1,200 to £1,800",
                   "2026-12-01T10:03:00Z");

  /* An edit that is neither quantity nor cost is undoable but no decision. */
  waymark_plan_edit (plan, item, "provider", "Respect", NULL);
  g_assert_cmpuint (n_decisions (plan), ==, 4);

  /* Tick 4 (the clock is asked only by a step that makes entries): a status, named by the
   * item's name; an item counts as shortlisted until the long list says otherwise. */
  g_assert_true (waymark_appraisal_set_status (appraisal, "coaching-boys-into-men",
                                               WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD,
                                               "No school partner", WAYMARK_OPTION_DIMENSION_DELIVERY,
                                               &error));
  g_assert_no_error (error);
  assert_decision (decision_at (plan, 4), WAYMARK_DECISION_KIND_STATUS, "coaching-boys-into-men",
                   "Coaching Boys Into Men (CBIM): Shortlisted → Not taken forward "
                   "(“No school partner”)",
                   "2026-12-01T10:04:00Z");

  /* Tick 5: the same status, another reason. */
  g_assert_true (waymark_appraisal_set_status (appraisal, "coaching-boys-into-men",
                                               WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD,
                                               "No school partner yet",
                                               WAYMARK_OPTION_DIMENSION_DELIVERY, &error));
  assert_decision (decision_at (plan, 5), WAYMARK_DECISION_KIND_REASON, "coaching-boys-into-men",
                   "Coaching Boys Into Men (CBIM): reason now “No school partner yet”",
                   "2026-12-01T10:05:00Z");

  /* Tick 6: evidence weighs 1 by default; now 1.5. */
  g_assert_true (waymark_appraisal_set_weight (appraisal, "evidence", 150, &error));
  assert_decision (decision_at (plan, 6), WAYMARK_DECISION_KIND_WEIGHT, "evidence",
                   "Weight of Evidence rating: 1 → 1.5", "2026-12-01T10:06:00Z");

  /* Tick 7: HIGH evidence scores 3 by default; now 2.5. */
  g_assert_true (waymark_appraisal_set_table_score (appraisal, WAYMARK_REVIEW_CRITERION_EVIDENCE,
                                                    "high", 250, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_decisions (plan), ==, 8);
  g_assert_cmpint (waymark_decision_get_kind (decision_at (plan, 7)), ==,
                   WAYMARK_DECISION_KIND_SCORE);
  g_assert_cmpstr (waymark_decision_get_subject (decision_at (plan, 7)), ==, "evidence");
  g_assert_true (g_str_has_suffix (waymark_decision_get_description (decision_at (plan, 7)),
                                   " on Evidence rating: 3 → 2.5"));

  /* Tick 8: a local criterion; tick 9: the commissioner's score on it. */
  g_assert_true (waymark_appraisal_add_local_criterion (appraisal, "fit", "Strategic fit",
                                                        &error));
  assert_decision (decision_at (plan, 8), WAYMARK_DECISION_KIND_CRITERION, "fit",
                   "Criterion added: Strategic fit", "2026-12-01T10:08:00Z");
  g_assert_true (waymark_appraisal_set_local_score (appraisal, "fit", "coaching-boys-into-men",
                                                    200, &error));
  assert_decision (decision_at (plan, 9), WAYMARK_DECISION_KIND_SCORE, "coaching-boys-into-men",
                   "Coaching Boys Into Men (CBIM) on Strategic fit: no score → 2",
                   "2026-12-01T10:09:00Z");

  /* Tick 10: a local service added. */
  service = waymark_local_service_new (&fields, &error);
  g_assert_no_error (error);
  g_assert_true (waymark_plan_add_local_service (plan, service, fixture->catalogue, &error));
  assert_decision (decision_at (plan, 10), WAYMARK_DECISION_KIND_LOCAL_SERVICE, "llr-idva",
                   "Local service added: LLR IDVA service", "2026-12-01T10:10:00Z");

  /* Tick 11: the item removed; the author now another. */
  waymark_plan_edit (plan, plan, "author", "B. Officer", NULL);
  g_assert_nonnull (waymark_plan_find_item (plan, "coaching-boys-into-men", &position));
  waymark_plan_remove_item (plan, position);
  assert_decision (decision_at (plan, 11), WAYMARK_DECISION_KIND_ITEM_REMOVED,
                   "coaching-boys-into-men", "Removed from the plan: Coaching Boys Into Men (CBIM)",
                   "2026-12-01T10:11:00Z");
  g_assert_cmpstr (waymark_decision_get_author (decision_at (plan, 11)), ==, "B. Officer");
  g_assert_cmpstr (waymark_decision_get_author (decision_at (plan, 10)), ==, "A. Commissioner");

  /* Tick 12: the criterion removed takes its scores with it: one entry, not one per score. */
  g_assert_true (waymark_appraisal_remove_local_criterion (appraisal, "fit"));
  g_assert_cmpuint (n_decisions (plan), ==, 13);
  assert_decision (decision_at (plan, 12), WAYMARK_DECISION_KIND_CRITERION, "fit",
                   "Criterion removed: Strategic fit", "2026-12-01T10:12:00Z");
}

/* An option that is not an item of the plan: named by its id (the plan has no catalogue), off
 * the long list until it is put on it. Marking an item "Shortlisted", which it counted as
 * already, is undoable but changes no status: no entry. */
static void
test_status_words (Fixture       *fixture,
                   gconstpointer  data)
{
  WaymarkPlan *plan = fixture->plan;
  WaymarkAppraisal *appraisal = waymark_plan_get_appraisal (plan);
  g_autoptr(GError) error = NULL;

  g_assert_true (waymark_appraisal_set_status (appraisal, "safe-dates",
                                               WAYMARK_OPTION_STATUS_DEFERRED, "",
                                               WAYMARK_OPTION_DIMENSION_NONE, &error));
  g_assert_no_error (error);
  assert_decision (decision_at (plan, 0), WAYMARK_DECISION_KIND_STATUS, "safe-dates",
                   "safe-dates: not on the long list → Deferred", "2026-12-01T10:00:00Z");
  g_assert_true (waymark_appraisal_clear_status (appraisal, "safe-dates"));
  assert_decision (decision_at (plan, 1), WAYMARK_DECISION_KIND_STATUS, "safe-dates",
                   "safe-dates: Deferred → not on the long list", "2026-12-01T10:01:00Z");

  add_intervention (fixture, "drive");
  g_assert_cmpuint (n_decisions (plan), ==, 3);
  g_assert_true (waymark_appraisal_set_status (appraisal, "drive",
                                               WAYMARK_OPTION_STATUS_SHORTLISTED, "",
                                               WAYMARK_OPTION_DIMENSION_NONE, &error));
  g_assert_true (waymark_plan_can_undo (plan));
  g_assert_cmpuint (n_decisions (plan), ==, 3);
}

/* Undo takes a step's entries off with it; redo puts the same objects back, with their time. */
static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  WaymarkPlan *plan = fixture->plan;
  GListModel *decisions = waymark_plan_get_decisions (plan);
  g_autofree char *start = plan_json (fixture);
  g_autofree char *after = NULL, *undone = NULL, *redone = NULL;
  g_autoptr(GError) error = NULL;
  WaymarkDecision *weight, *cost;
  WaymarkPlanItem *item;
  guint changes = 0;

  item = add_intervention (fixture, "coaching-boys-into-men");
  waymark_plan_set_item_cost (plan, item, 120000, 150000, WAYMARK_COST_SOURCE_LOCAL_QUOTE);
  g_assert_true (waymark_appraisal_set_weight (waymark_plan_get_appraisal (plan), "impact", 200,
                                               &error));
  g_assert_cmpuint (n_decisions (plan), ==, 3);
  weight = g_object_ref (decision_at (plan, 2));
  cost = g_object_ref (decision_at (plan, 1));
  after = plan_json (fixture);

  g_signal_connect_swapped (decisions, "items-changed", G_CALLBACK (count_signal), &changes);

  waymark_plan_undo (plan);
  g_assert_cmpuint (n_decisions (plan), ==, 2);
  g_assert_cmpuint (changes, ==, 1);
  waymark_plan_undo (plan);  /* the cost */
  g_assert_cmpuint (n_decisions (plan), ==, 1);
  g_assert_cmpuint (changes, ==, 2);
  waymark_plan_undo (plan);  /* the item; the fixture's author stays */
  g_assert_cmpuint (n_decisions (plan), ==, 0);
  g_assert_cmpuint (changes, ==, 3);
  undone = plan_json (fixture);
  g_assert_cmpstr (undone, ==, start);

  while (waymark_plan_can_redo (plan))
    waymark_plan_redo (plan);
  g_assert_cmpuint (n_decisions (plan), ==, 3);
  g_assert_true (decision_at (plan, 2) == weight);
  g_assert_true (decision_at (plan, 1) == cost);
  {
    g_autofree char *time = waymark_decision_dup_time_text (weight);

    /* Ticks: the item 0, the cost 1, the weight 2; redo asks the clock nothing. */
    g_assert_cmpstr (time, ==, "2026-12-01T10:02:00Z");
    g_assert_cmpuint (fixture->ticks, ==, 3);
  }
  redone = plan_json (fixture);
  g_assert_cmpstr (redone, ==, after);

  g_signal_handlers_disconnect_by_data (decisions, &changes);
  g_object_unref (weight);
  g_object_unref (cost);
}

/* A reason and a citation: one undoable step that replaces the entry, same time; an unknown
 * heading or a reason of two lines refused with nothing changed. */
static void
test_note (Fixture       *fixture,
           gconstpointer  data)
{
  WaymarkPlan *plan = fixture->plan;
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDecision) before = NULL;
  WaymarkDecision *noted;

  add_intervention (fixture, "coaching-boys-into-men");
  before = g_object_ref (decision_at (plan, 0));

  g_assert_true (waymark_plan_note_decision (plan, 0, "Fits the schools strategy", SECTION_CBIM,
                                             fixture->catalogue, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_decisions (plan), ==, 1);
  noted = decision_at (plan, 0);
  g_assert_true (noted != before);
  g_assert_cmpstr (waymark_decision_get_reason (noted), ==, "Fits the schools strategy");
  g_assert_cmpstr (waymark_decision_get_review_section (noted), ==, SECTION_CBIM);
  g_assert_true (g_date_time_equal (waymark_decision_get_time (noted),
                                    waymark_decision_get_time (before)));
  g_assert_cmpstr (waymark_decision_get_description (noted), ==,
                   waymark_decision_get_description (before));
  /* A note asks the clock nothing and adds no entry of its own. */
  g_assert_cmpuint (fixture->ticks, ==, 1);

  /* A context entry's heading may be cited too. */
  g_assert_true (waymark_plan_note_decision (plan, 0, "", SECTION_CONTEXT, fixture->catalogue,
                                             &error));
  g_assert_no_error (error);

  /* The same again: no step. */
  g_assert_true (waymark_plan_note_decision (plan, 0, "", SECTION_CONTEXT, fixture->catalogue,
                                             &error));
  waymark_plan_undo (plan);
  g_assert_cmpstr (waymark_decision_get_review_section (decision_at (plan, 0)), ==, SECTION_CBIM);
  waymark_plan_undo (plan);
  g_assert_true (decision_at (plan, 0) == before);
  waymark_plan_redo (plan);
  g_assert_cmpstr (waymark_decision_get_reason (decision_at (plan, 0)), ==,
                   "Fits the schools strategy");

  /* Refused: a heading not in the review (a near miss, by case), two lines, no such entry. */
  {
    const char *bad_sections[] = { "primary intervention: school-based programmes promoting "
                                   "equal relationships", "Made up", "\xff" };

    for (guint i = 0; i < G_N_ELEMENTS (bad_sections); i++)
      {
        g_assert_false (waymark_plan_note_decision (plan, 0, "x", bad_sections[i],
                                                    fixture->catalogue, &error));
        g_assert_error (error, WAYMARK_DECISION_ERROR, WAYMARK_DECISION_ERROR_UNKNOWN_SECTION);
        g_assert_nonnull (strstr (error->message, "not a section heading of the review"));
        g_clear_error (&error);
      }
  }
  g_assert_false (waymark_plan_note_decision (plan, 0, "one\ntwo", "", fixture->catalogue,
                                              &error));
  g_assert_error (error, WAYMARK_DECISION_ERROR, WAYMARK_DECISION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (waymark_plan_note_decision (plan, 1, "x", "", fixture->catalogue, &error));
  g_assert_error (error, WAYMARK_DECISION_ERROR, WAYMARK_DECISION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (waymark_decision_get_reason (decision_at (plan, 0)), ==,
                   "Fits the schools strategy");
  g_assert_true (waymark_plan_can_redo (plan));  /* nothing refused made a step */
}

/* Save, open, save: the same bytes, and the same entries; text that looks like markup kept as
 * written. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  WaymarkPlan *plan = fixture->plan;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL, *resaved = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WaymarkPlan) again = NULL;
  GListModel *a, *b;

  add_intervention (fixture, "coaching-boys-into-men");
  waymark_plan_edit (plan, plan, "author", "<b>A</b> & “Co”", NULL);
  g_assert_true (waymark_appraisal_set_weight (waymark_plan_get_appraisal (plan), "impact", 25,
                                               &error));
  g_assert_true (waymark_plan_note_decision (plan, 1, "<i>not markup</i> — £5", SECTION_CBIM,
                                             fixture->catalogue, &error));
  g_assert_no_error (error);

  saved = waymark_plan_to_json (plan, fixture->catalogue, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (saved, "\"decisions\" : ["));
  g_assert_nonnull (strstr (saved, "\"kind\" : \"weight\""));
  g_assert_nonnull (strstr (saved, "\"time\" : \"2026-12-01T10:01:00Z\""));
  bytes = g_bytes_new (saved, strlen (saved));
  again = waymark_plan_new_from_bytes (bytes, "decisions.waymark", fixture->catalogue, &error);
  g_assert_no_error (error);
  resaved = waymark_plan_to_json (again, fixture->catalogue, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (resaved, ==, saved);

  a = waymark_plan_get_decisions (plan);
  b = waymark_plan_get_decisions (again);
  g_assert_cmpuint (g_list_model_get_n_items (b), ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_true (waymark_decision_equal (decision_at (plan, i), decision_at (again, i)));
  g_assert_cmpstr (waymark_decision_get_author (decision_at (again, 1)), ==, "<b>A</b> & “Co”");
  g_assert_cmpstr (waymark_decision_get_reason (decision_at (again, 1)), ==,
                   "<i>not markup</i> — £5");
  (void) a;

  /* Opening adds no step and no entry. */
  g_assert_false (waymark_plan_can_undo (again));
}

/* A plan with no entries writes no "decisions" key: the bytes of a plan made before. */
static void
test_absent_when_empty (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *json = plan_json (fixture);

  g_assert_null (strstr (json, "\"decisions\""));
}

static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  const struct
  {
    const char *entry;
    const char *message;
  } cases[] = {
    { "{\"time\":\"2026-12-01T10:00:00\",\"author\":\"\",\"kind\":\"status\",\"subject\":\"x\","
      "\"description\":\"d\",\"reason\":\"\",\"review_section\":\"\"}",
      "decisions[0]: time \"2026-12-01T10:00:00\" is not a time in UTC" },
    { "{\"time\":\"2026-12-01T11:00:00+01:00\",\"author\":\"\",\"kind\":\"status\","
      "\"subject\":\"x\",\"description\":\"d\",\"reason\":\"\",\"review_section\":\"\"}",
      "is not a time in UTC" },
    { "{\"time\":\"2026-12-01T10:00:00Z\",\"author\":\"\",\"kind\":\"vote\",\"subject\":\"x\","
      "\"description\":\"d\",\"reason\":\"\",\"review_section\":\"\"}",
      "kind \"vote\" is not a kind of decision" },
    { "{\"time\":\"2026-12-01T10:00:00Z\",\"author\":\"\",\"kind\":\"status\",\"subject\":\"x\","
      "\"description\":\"d\",\"reason\":\"\",\"review_section\":\"Nowhere\"}",
      "review_section: “Nowhere” is not a section heading of the review" },
    { "{\"time\":\"2026-12-01T10:00:00Z\",\"author\":\"\",\"kind\":\"status\",\"subject\":\"x\","
      "\"description\":\"d\",\"reason\":\"a\\nb\",\"review_section\":\"\"}",
      "reason is not one line" },
    { "{\"time\":\"2026-12-01T10:00:00Z\",\"author\":null,\"kind\":\"status\",\"subject\":\"x\","
      "\"description\":\"d\",\"reason\":\"\",\"review_section\":\"\"}",
      "author is null" },
    { "{\"time\":\"2026-12-01T10:00:00Z\",\"author\":\"\",\"kind\":\"status\",\"subject\":\"x\","
      "\"description\":\"d\",\"reason\":\"\"}",
      "review_section" },
    { "{\"time\":\"2026-12-01T10:00:00Z\",\"author\":\"\",\"kind\":\"status\",\"subject\":\"x\","
      "\"description\":\"d\",\"reason\":\"\",\"review_section\":\"\",\"rating\":\"high\"}",
      "rating" },
    /* Oldest first: the second is a minute earlier than the first. */
    { "{\"time\":\"2026-12-01T10:01:00Z\",\"author\":\"\",\"kind\":\"status\",\"subject\":\"x\","
      "\"description\":\"d\",\"reason\":\"\",\"review_section\":\"\"},"
      "{\"time\":\"2026-12-01T10:00:00Z\",\"author\":\"\",\"kind\":\"status\",\"subject\":\"x\","
      "\"description\":\"d\",\"reason\":\"\",\"review_section\":\"\"}",
      "decisions[1]: time 2026-12-01T10:00:00Z is earlier than the entry before it" },
    { "\"status\"", "decisions[0]" },
  };
  g_autofree char *base = plan_json (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *entries = g_strdup_printf ("  \"decisions\" : [%s],\n  \"format\"",
                                                  cases[i].entry);
      g_autofree char *text = test_replace_once (base, "  \"format\"", entries);
      g_autofree char *dated = test_replace_once (text, "  \"version\"",
                                                  "  \"exported_at\" : \"2026-12-01T09:00:00Z\",\n"
                                                  "  \"version\"");
      g_autoptr(GBytes) bytes = g_bytes_new (dated, strlen (dated));
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkPlan) plan = NULL;

      plan = waymark_plan_new_from_bytes (bytes, "hostile.waymark", fixture->catalogue, &error);
      g_assert_null (plan);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL ||
          strstr (error->message, "hostile.waymark") == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/decisions/kinds", test_kinds);
#define ADD(path, func) \
  g_test_add ("/core/decisions/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("each-kind", test_each_kind);
  ADD ("status-words", test_status_words);
  ADD ("undo-redo", test_undo_redo);
  ADD ("note", test_note);
  ADD ("round-trip", test_round_trip);
  ADD ("absent-when-empty", test_absent_when_empty);
  ADD ("hostile", test_hostile);
#undef ADD

  return g_test_run ();
}
