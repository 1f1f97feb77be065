/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "test-util.h"
#include "waymark-appraisal-ranking.h"
#include "waymark-catalogue.h"
#include "waymark-plan-io.h"

/* The options appraisal (issue 15): the long list's rules, weights and tables, the ranking and
 * its sensitivity recomputed by hand, the plan file's appraisal read back exactly, version 1 plans,
 * hostile values, and undo. */

typedef struct
{
  WaymarkCatalogue *catalogue;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->catalogue = waymark_catalogue_new_default (&error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->catalogue);
}

static char *
read_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static WaymarkPlan *
open_text (Fixture     *fixture,
           const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return waymark_plan_new_from_bytes (bytes, "appraisal.waymark", fixture->catalogue, error);
}

/* A plan's JSON without its exported_at, which every edit, and its undo, moves to the present. */
static char *
without_date (const char *json)
{
  g_autoptr(GRegex) date = g_regex_new ("^  \"exported_at\" : \".*\",\n", G_REGEX_MULTILINE, 0,
                                        NULL);

  return g_regex_replace_literal (date, json, -1, 0, "", 0, NULL);
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

/* The long list */

static void
test_status_rules (void)
{
  g_autoptr(WaymarkAppraisal) appraisal = waymark_appraisal_new ();
  g_autoptr(GError) error = NULL;
  WaymarkOptionStatus status;
  WaymarkOptionDimension dimension;
  const char *reason;
  guint changed = 0;

  g_signal_connect (appraisal, "changed", G_CALLBACK (count_signal), &changed);

  /* Not on the long list: shortlisted by default, said by FALSE. */
  g_assert_false (waymark_appraisal_get_status (appraisal, "drive", &status, &reason, &dimension));
  g_assert_cmpint (status, ==, WAYMARK_OPTION_STATUS_SHORTLISTED);
  g_assert_cmpstr (reason, ==, "");

  /* Not taken forward needs a reason: none, and a blank one, are refused, changing nothing. */
  g_assert_false (waymark_appraisal_set_status (appraisal, "drive",
                                                WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD, NULL,
                                                WAYMARK_OPTION_DIMENSION_NONE, &error));
  g_assert_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_REASON_REQUIRED);
  g_assert_cmpstr (error->message, ==, "“drive” cannot be marked not taken forward without a "
                                       "reason");
  g_clear_error (&error);
  g_assert_false (waymark_appraisal_set_status (appraisal, "drive",
                                                WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD, "   ",
                                                WAYMARK_OPTION_DIMENSION_FUNDING, &error));
  g_assert_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_REASON_REQUIRED);
  g_clear_error (&error);
  /* A reason is one line. */
  g_assert_false (waymark_appraisal_set_status (appraisal, "drive",
                                                WAYMARK_OPTION_STATUS_DEFERRED, "one\ntwo",
                                                WAYMARK_OPTION_DIMENSION_NONE, &error));
  g_assert_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (waymark_appraisal_set_status (appraisal, "",
                                                WAYMARK_OPTION_STATUS_DEFERRED, "",
                                                WAYMARK_OPTION_DIMENSION_NONE, &error));
  g_assert_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (waymark_appraisal_is_default (appraisal));

  /* Deferred and shortlisted need none. */
  g_assert_true (waymark_appraisal_set_status (appraisal, "iris", WAYMARK_OPTION_STATUS_DEFERRED,
                                               NULL, WAYMARK_OPTION_DIMENSION_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (waymark_appraisal_set_status (appraisal, "drive",
                                               WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD,
                                               "Funded nationally",
                                               WAYMARK_OPTION_DIMENSION_FUNDING,
                                               &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  /* The same again is no change. */
  g_assert_true (waymark_appraisal_set_status (appraisal, "drive",
                                               WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD,
                                               "Funded nationally",
                                               WAYMARK_OPTION_DIMENSION_FUNDING,
                                               &error));
  g_assert_cmpuint (changed, ==, 2);

  g_assert_true (waymark_appraisal_get_status (appraisal, "drive", &status, &reason, &dimension));
  g_assert_cmpint (status, ==, WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD);
  g_assert_cmpstr (reason, ==, "Funded nationally");
  g_assert_cmpint (dimension, ==, WAYMARK_OPTION_DIMENSION_FUNDING);
  {
    g_auto(GStrv) ids = waymark_appraisal_dup_long_list (appraisal);
    const char * const expected[] = { "drive", "iris", NULL };

    /* In byte order of their ids, whatever the order they were marked in. */
    g_assert_true (g_strv_equal ((const char * const *) ids, expected));
  }

  g_assert_true (waymark_appraisal_clear_status (appraisal, "drive"));
  g_assert_false (waymark_appraisal_clear_status (appraisal, "drive"));
  g_assert_cmpuint (changed, ==, 3);
  g_assert_true (waymark_appraisal_clear_status (appraisal, "iris"));
  g_assert_true (waymark_appraisal_is_default (appraisal));
}

static void
test_criteria (void)
{
  g_autoptr(WaymarkAppraisal) appraisal = waymark_appraisal_new ();
  g_autoptr(GError) error = NULL;
  int fit;

  /* The defaults, as documented. */
  g_assert_cmpuint (waymark_appraisal_get_n_criteria (appraisal), ==, 7);
  g_assert_cmpstr (waymark_appraisal_get_criterion_id (appraisal, 2), ==, "cost_published");
  g_assert_cmpint (waymark_appraisal_get_weight (appraisal, WAYMARK_REVIEW_CRITERION_EVIDENCE),
                   ==, 100);
  g_assert_cmpint (waymark_appraisal_get_weight (appraisal, WAYMARK_REVIEW_CRITERION_LEVEL), ==, 0);
  g_assert_cmpint (waymark_appraisal_get_table_score (appraisal, WAYMARK_REVIEW_CRITERION_IMPACT,
                                                      1), ==, 150);  /* low-moderate */
  g_assert_cmpint (waymark_appraisal_get_table_score (appraisal,
                                                      WAYMARK_REVIEW_CRITERION_LLR_STATUS, 3),
                   ==, WAYMARK_APPRAISAL_NO_SCORE);  /* unknown */

  g_assert_false (waymark_appraisal_set_weight (appraisal, "evidence", 10001, &error));
  g_assert_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The weight 100.01 is not between 0 and 100");
  g_clear_error (&error);
  g_assert_false (waymark_appraisal_set_weight (appraisal, "evidence", -1, &error));
  g_clear_error (&error);
  g_assert_false (waymark_appraisal_set_weight (appraisal, "strategic_fit", 100, &error));
  g_assert_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_UNKNOWN_CRITERION);
  g_clear_error (&error);
  g_assert_false (waymark_appraisal_set_table_score (appraisal, WAYMARK_REVIEW_CRITERION_EVIDENCE,
                                                     "very-high", 400, &error));
  g_clear_error (&error);
  /* A table may give no score: the commissioner may decide LOW earns none. */
  g_assert_true (waymark_appraisal_set_table_score (appraisal, WAYMARK_REVIEW_CRITERION_EVIDENCE,
                                                    "low", WAYMARK_APPRAISAL_NO_SCORE, &error));
  g_assert_no_error (error);

  /* Local criteria: an id of their own, a one-line label. */
  g_assert_false (waymark_appraisal_add_local_criterion (appraisal, "impact", "Impact", &error));
  g_assert_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (waymark_appraisal_add_local_criterion (appraisal, "Strategic fit", "Fit",
                                                         &error));
  g_assert_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (waymark_appraisal_add_local_criterion (appraisal, "fit", "  ", &error));
  g_clear_error (&error);
  g_assert_true (waymark_appraisal_add_local_criterion (appraisal, "strategic_fit",
                                                        "Strategic fit", &error));
  g_assert_no_error (error);
  fit = waymark_appraisal_find_criterion (appraisal, "strategic_fit");
  g_assert_cmpint (fit, ==, 7);
  g_assert_true (waymark_appraisal_criterion_is_local (appraisal, (guint) fit));
  g_assert_cmpint (waymark_appraisal_get_weight (appraisal, (guint) fit), ==, 100);

  g_assert_false (waymark_appraisal_set_local_score (appraisal, "evidence", "drive", 200, &error));
  g_clear_error (&error);
  g_assert_false (waymark_appraisal_set_local_score (appraisal, "strategic_fit", "drive", 10001,
                                                     &error));
  g_clear_error (&error);
  g_assert_true (waymark_appraisal_set_local_score (appraisal, "strategic_fit", "drive", 250,
                                                    &error));
  g_assert_cmpint (waymark_appraisal_get_local_score (appraisal, (guint) fit, "drive"), ==, 250);
  g_assert_cmpint (waymark_appraisal_get_local_score (appraisal, (guint) fit, "iris"), ==,
                   WAYMARK_APPRAISAL_NO_SCORE);
  g_assert_true (waymark_appraisal_set_local_score (appraisal, "strategic_fit", "drive",
                                                    WAYMARK_APPRAISAL_NO_SCORE, &error));
  g_assert_cmpint (waymark_appraisal_get_local_score (appraisal, (guint) fit, "drive"), ==,
                   WAYMARK_APPRAISAL_NO_SCORE);

  g_assert_true (waymark_appraisal_remove_local_criterion (appraisal, "strategic_fit"));
  g_assert_false (waymark_appraisal_remove_local_criterion (appraisal, "evidence"));
  g_assert_cmpuint (waymark_appraisal_get_n_criteria (appraisal), ==, 7);
}

static void
test_hundredths (void)
{
  const struct { const char *text; gint value; } good[] = {
    { "0", 0 }, { "1", 100 }, { "1.5", 150 }, { "0.25", 25 }, { "100", 10000 }, { "2.05", 205 },
    { "007", 700 },
  };
  const char *bad[] = {
    "", "-1", "+1", "1.", ".5", "1.234", "1e2", "nan", "inf", " 1", "1 ", "100.01", "1,5",
    "99999999999999999999", "0x10",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint value = -1;
      g_autofree char *back = NULL;

      g_assert_true (waymark_appraisal_parse_hundredths (good[i].text, 10000, &value));
      g_assert_cmpint (value, ==, good[i].value);
      /* Written back as the shortest decimal, which reads back the same. */
      back = waymark_appraisal_format_hundredths (value);
      g_assert_true (waymark_appraisal_parse_hundredths (back, 10000, &value));
      g_assert_cmpint (value, ==, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint value = -1;

      g_assert_false (waymark_appraisal_parse_hundredths (bad[i], 10000, &value));
    }
}

/* The ranking, by hand, for tests/data/appraisal.waymark. Weights: evidence 1, impact 1,
 * llr_status 0.5, strategic_fit 2; the rest 0. Tables as default (HIGH 3, MODERATE 2,
 * LOW-MODERATE 1.5, LOW 1; not in place 2, similar 1, in place 0, unknown no score).
 *
 *   local-idva-service: one of the plan's local services, "LLR IDVA service" (tertiary, works
 *                       with victims, from 16: values that would score on level, works_with
 *                       and young_people, were it an intervention), with no item: not rated
 *                       by the review, so no review score at all; fit 3.
 *                       (3 × 2) ÷ 2 = 3.00 on 1 of 4 criteria                         rank 1
 *   drive:   MODERATE 2, HIGH 3, not in place 2, fit 2.
 *            (2 + 3 + 1 + 4) ÷ (1 + 1 + 0.5 + 2) = 10 ÷ 4.5 = 2.222… → 2.22          rank 2
 *   mentors: HIGH 3, MODERATE 2, not in place 2, fit 2: 10 ÷ 4.5 = 2.22, the same      rank 2
 *            (ties share a rank, listed by name: "Drive project" before "Mentors…")
 *   iris:    HIGH 3, MODERATE 2, in place 0, fit 2: (3 + 2 + 0 + 4) ÷ 4.5 = 2.00      rank 4
 *   counselling: unrated, status unknown, no fit score: no score on any weighted criterion;
 *            listed after the ranked, shortlisted as a plan item.
 *   safe-dates (deferred) and cbt-victims (not taken forward): not ranked.
 *
 * Sensitivity, each weight × 1.2 or × 0.8 alone (drive against mentors, over the same
 * denominator; they differ only on evidence (2 against 3) and impact (3 against 2)):
 *   evidence 1.2: drive 2.4 + 3 + 1 + 4 = 10.4, mentors 3.6 + 2 + 1 + 4 = 10.6: mentors 2nd
 *   evidence 0.8: drive 9.6, mentors 9.4: drive 2nd, mentors 3rd (the tie is broken)
 *   impact 1.2: drive 10.6, mentors 10.4; impact 0.8: drive 9.4, mentors 9.6
 *   llr_status, strategic_fit: both score drive and mentors alike, and iris stays below
 *   (fit 2.4: iris 9.8 ÷ 4.9 = 2.00 against drive 10.8 ÷ 4.9 = 2.20): no change.
 * So four changes: evidence up, evidence down, impact up, impact down. */
static void
test_ranking_by_hand (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *text = read_data ("appraisal.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkPlan) plan = open_text (fixture, text, &error);
  g_autoptr(WaymarkAppraisalRanking) ranking = NULL;
  const char * const order[] = {
    "local-idva-service", "drive", "mentors-in-violence-prevention", "iris", "counselling",
    "safe-dates", "cbt-victims",
  };
  const guint ranks[] = { 1, 2, 2, 4, 0, 0, 0 };
  const gint weighted[] = { 300, 222, 222, 200 };
  const guint n_scored[] = { 1, 4, 4, 4, 0 };
  const WaymarkAppraisalRow *row;
  g_autofree char *words = NULL;

  g_assert_no_error (error);
  ranking = waymark_appraisal_ranking_new (waymark_plan_get_appraisal (plan), plan,
                                           fixture->catalogue);
  g_assert_cmpuint (ranking->rows->len, ==, G_N_ELEMENTS (order));
  g_assert_cmpuint (ranking->n_ranked, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      row = g_ptr_array_index (ranking->rows, i);
      g_assert_cmpstr (row->id, ==, order[i]);
      g_assert_cmpuint (row->rank, ==, ranks[i]);
      if (i < G_N_ELEMENTS (weighted))
        g_assert_cmpint (row->weighted, ==, weighted[i]);
      if (i < G_N_ELEMENTS (n_scored))
        g_assert_cmpuint (row->n_scored, ==, n_scored[i]);
    }

  row = g_ptr_array_index (ranking->rows, 1);
  g_assert_cmpstr (row->arithmetic, ==, "(evidence 2 × 1 + impact 3 × 1 + llr_status 2 × 0.5 + "
                                        "strategic_fit 2 × 2) ÷ (1 + 1 + 0.5 + 2) = 2.22");
  /* The exact quotients tie: 10 ÷ 4.5 each, in hundredths 100000 ÷ 450. */
  g_assert_cmpint (row->numerator, ==, 100000);
  g_assert_cmpint (row->denominator, ==, 450);

  /* Unrated: no score, never 0; and not penalised: it is simply not scored. */
  row = g_ptr_array_index (ranking->rows, 4);
  g_assert_cmpint (row->scores[WAYMARK_REVIEW_CRITERION_EVIDENCE], ==, WAYMARK_APPRAISAL_NO_SCORE);
  g_assert_cmpint (row->scores[WAYMARK_REVIEW_CRITERION_IMPACT], ==, WAYMARK_APPRAISAL_NO_SCORE);
  g_assert_false (row->has_score);
  g_assert_null (row->arithmetic);
  /* The local service: no review value at all, not even cost_published's "no", nor its own
   * level, who it works with or its ages; its own name. */
  row = g_ptr_array_index (ranking->rows, 0);
  g_assert_true (row->local_service);
  g_assert_cmpstr (row->name, ==, "LLR IDVA service");
  for (guint c = 0; c < WAYMARK_REVIEW_CRITERION_N; c++)
    g_assert_cmpint (row->scores[c], ==, WAYMARK_APPRAISAL_NO_SCORE);
  g_assert_false (row->in_catalogue);
  g_assert_false (row->in_plan);

  row = g_ptr_array_index (ranking->rows, 6);
  g_assert_cmpint (row->status, ==, WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD);
  g_assert_cmpstr (row->reason, ==, "The local counselling service meets this need");

  {
    const char * const top[] = { "local-idva-service", "drive", "mentors-in-violence-prevention",
                                 NULL };
    const struct { const char *criterion; gboolean raised; const char *second; } changes[] = {
      { "evidence", TRUE, "mentors-in-violence-prevention" },
      { "evidence", FALSE, "drive" },
      { "impact", TRUE, "drive" },
      { "impact", FALSE, "mentors-in-violence-prevention" },
    };

    g_assert_true (g_strv_equal ((const char * const *) ranking->top, top));
    g_assert_cmpuint (ranking->changes->len, ==, G_N_ELEMENTS (changes));
    for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
      {
        WaymarkSensitivityChange *change = &g_array_index (ranking->changes,
                                                           WaymarkSensitivityChange, i);

        g_assert_cmpstr (ranking->criterion_ids[change->criterion], ==, changes[i].criterion);
        g_assert_cmpint (change->raised, ==, changes[i].raised);
        g_assert_cmpstr (change->top[1], ==, changes[i].second);
        /* The tie broken: ranks 1, 2, 3 rather than 1, 2, 2. */
        g_assert_cmpuint (change->ranks[2], ==, 3);
      }
  }
  words = waymark_appraisal_ranking_describe_sensitivity (ranking);
  g_assert_true (g_str_has_prefix (words, "Not robust: the top three (1 LLR IDVA service; 2= "
                                          "Drive project; 2= Mentors in Violence Prevention "
                                          "(MVP)) change when a single weight moves by 20%:\n"));
}

/* A shortlist whose order no single 20% move changes; and one with a single option. */
static void
test_ranking_robust (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(WaymarkPlan) plan = waymark_plan_new ();
  g_autoptr(WaymarkAppraisal) appraisal = NULL;
  g_autoptr(WaymarkAppraisalRanking) ranking = NULL;
  g_autoptr(WaymarkAppraisalRanking) alone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *words = NULL;
  g_autofree char *one = NULL;
  const char *ids[] = { "dapps", "drive", "second-responder" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(WaymarkPlanItem) item = waymark_plan_item_new_for_intervention (
        waymark_catalogue_lookup (fixture->catalogue, ids[i]));

      waymark_plan_add_item (plan, item);
    }
  /* Default weights (evidence 1, impact 1): DAPPs HIGH/HIGH 3.00, Drive MODERATE/HIGH 2.50,
   * second responder LOW/LOW 1.00. Evidence × 1.2: Drive (2.4 + 3) ÷ 2.2 = 2.45, still between
   * 3 and (1.2 + 1) ÷ 2.2 = 1; any move keeps each score a weighted mean of its own ratings, so
   * the order cannot change. */
  appraisal = waymark_appraisal_copy (waymark_plan_get_appraisal (plan));
  ranking = waymark_appraisal_ranking_new (appraisal, plan, fixture->catalogue);
  g_assert_cmpuint (ranking->n_ranked, ==, 3);
  g_assert_cmpuint (ranking->changes->len, ==, 0);
  words = waymark_appraisal_ranking_describe_sensitivity (ranking);
  g_assert_cmpstr (words, ==, "Robust: the top three (1 Domestic Abuse Perpetrator Programmes "
                              "(DAPPs); 2 Drive project; 3 Second responder programmes) stay the "
                              "same, in the same order, when any single weight moves by 20% up "
                              "or down.");

  /* Only the local criterion weighs, and only drive is scored on it. */
  g_assert_true (waymark_appraisal_set_weight (appraisal, "evidence", 0, &error));
  g_assert_true (waymark_appraisal_set_weight (appraisal, "impact", 0, &error));
  g_assert_true (waymark_appraisal_add_local_criterion (appraisal, "fit", "Fit", &error));
  g_assert_true (waymark_appraisal_set_local_score (appraisal, "fit", "drive", 0, &error));
  g_assert_no_error (error);
  alone = waymark_appraisal_ranking_new (appraisal, plan, fixture->catalogue);
  g_assert_cmpuint (alone->n_ranked, ==, 1);
  /* A score of 0 is a score: ranked, 0.00. */
  g_assert_cmpint (((WaymarkAppraisalRow *) g_ptr_array_index (alone->rows, 0))->weighted, ==, 0);
  one = waymark_appraisal_ranking_describe_sensitivity (alone);
  g_assert_true (g_str_has_prefix (one, "Fewer than two options have a score"));
}

/* The plan file */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *text = read_data ("appraisal.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkPlan) plan = open_text (fixture, text, &error);
  g_autoptr(WaymarkPlan) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *resaved = NULL;
  WaymarkAppraisal *appraisal;

  g_assert_no_error (error);
  /* Opening adds no undo step and leaves the plan unmodified. */
  g_assert_false (waymark_plan_can_undo (plan));
  g_assert_false (waymark_plan_get_modified (plan));
  saved = waymark_plan_to_json (plan, fixture->catalogue, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved, ==, text);

  /* Every kind of value, changed, saved, opened and saved again: the same bytes. */
  appraisal = waymark_plan_get_appraisal (plan);
  g_assert_true (waymark_appraisal_set_weight (appraisal, "works_with", 1234, &error));
  g_assert_true (waymark_appraisal_set_table_score (appraisal, WAYMARK_REVIEW_CRITERION_WORKS_WITH,
                                                    "perpetrators", 5, &error));
  g_assert_true (waymark_appraisal_add_local_criterion (appraisal, "provider-capacity",
                                                        "Provider capacity “now”, ½ staffed",
                                                        &error));
  g_assert_true (waymark_appraisal_set_local_score (appraisal, "provider-capacity", "drive", 10000,
                                                    &error));
  g_assert_true (waymark_appraisal_set_status (appraisal, "ask-me", WAYMARK_OPTION_STATUS_DEFERRED,
                                               "", WAYMARK_OPTION_DIMENSION_IMPLEMENTATION,
                                               &error));
  g_assert_no_error (error);
  edited = waymark_plan_to_json (plan, fixture->catalogue, &error);
  again = open_text (fixture, edited, &error);
  g_assert_no_error (error);
  g_assert_true (waymark_appraisal_equal (waymark_plan_get_appraisal (again), appraisal));
  resaved = waymark_plan_to_json (again, fixture->catalogue, &error);
  g_assert_cmpstr (resaved, ==, edited);
}

static void
test_version_1 (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *text = read_data ("plan-version-1.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkPlan) plan = NULL;
  g_autofree char *saved = NULL;

  g_assert_nonnull (strstr (text, "\"version\" : 1,"));
  g_assert_null (strstr (text, "\"appraisal\""));
  plan = open_text (fixture, text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 6);
  g_assert_true (waymark_appraisal_is_default (waymark_plan_get_appraisal (plan)));
  saved = waymark_plan_to_json (plan, fixture->catalogue, &error);
  g_assert_nonnull (strstr (saved, "\"version\" : 3,"));
  g_assert_nonnull (strstr (saved, "\"appraisal\" : {\n    \"long_list\" : [],"));
}

static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *good = read_data ("appraisal.waymark");
  const struct { const char *from; const char *to; const char *message; } cases[] = {
    { "\"long_list\" : [", "\"long_lists\" : [",
      "appraisal.waymark: appraisal: unknown field \"long_lists\" (is it misspelt?)" },
    { "\"weight_hundredths\" : 50", "\"weight_hundredths\" : 10001",
      "appraisal.waymark: appraisal: review_criteria: llr_status: weight_hundredths is 10001; it "
      "should be between 0 and 10000" },
    { "\"weight_hundredths\" : 50", "\"weight_hundredths\" : 0.5",
      "appraisal.waymark: appraisal: review_criteria: llr_status: weight_hundredths should be a "
      "whole number, not 0.5" },
    { "\"low-moderate\" : 150", "\"low-moderate\" : -1",
      "appraisal.waymark: appraisal: review_criteria: evidence: scores_hundredths: low-moderate "
      "is -1; it should be between 0 and 10000" },
    { "\"low-moderate\" : 150,", "",
      "appraisal.waymark: appraisal: review_criteria: evidence: scores_hundredths: low-moderate "
      "is missing" },
    { "\"reason\" : \"The local counselling service meets this need\"", "\"reason\" : \" \"",
      "appraisal.waymark: appraisal: long_list[0]: “cbt-victims” cannot be marked not taken "
      "forward without a reason" },
    { "\"reason\" : \"The local counselling service meets this need\"",
      "\"reason\" : \"one\\ntwo\"",
      "appraisal.waymark: appraisal: long_list[0]: The reason must be one line, without control "
      "characters" },
    { "\"option_id\" : \"local-idva-service\",\n        \"status\"",
      "\"option_id\" : \"cbt-victims\",\n        \"status\"",
      "appraisal.waymark: appraisal: long_list[1]: option_id \"cbt-victims\" is on the long list "
      "twice" },
    { "\"dimension\" : \"solution\"", "\"dimension\" : \"politics\"",
      "appraisal.waymark: appraisal: long_list[0]: dimension \"politics\" is not one of scope, "
      "solution, delivery, implementation, funding" },
    { "\"kind\" : \"local\",\n        \"scores\"", "\"kind\" : \"review\",\n        \"scores\"",
      "appraisal.waymark: appraisal: local_criteria[0]: kind \"review\" is not \"local\": the "
      "review’s criteria are under review_criteria" },
    { "\"id\" : \"strategic_fit\"", "\"id\" : \"impact\"",
      "appraisal.waymark: appraisal: local_criteria[0]: There is a criterion “impact” already" },
    { "\"id\" : \"strategic_fit\"", "\"id\" : \"Strategic fit\"",
      "appraisal.waymark: appraisal: local_criteria[0]: A criterion’s id “Strategic fit” must be "
      "1 to 40 lower-case letters, digits, “_” or “-”, and not the name of a column of the "
      "ranking" },
    { "\"id\" : \"strategic_fit\"", "\"id\" : \"weighted_score\"",
      "appraisal.waymark: appraisal: local_criteria[0]: A criterion’s id “weighted_score” must "
      "be 1 to 40 lower-case letters, digits, “_” or “-”, and not the name of a column of the "
      "ranking" },
    { "\"option_id\" : \"iris\",\n            \"score_hundredths\" : 200",
      "\"option_id\" : \"drive\",\n            \"score_hundredths\" : 200",
      "appraisal.waymark: appraisal: local_criteria[0]: scores[1]: option_id \"drive\" is scored "
      "twice" },
    { "\"score_hundredths\" : 300", "\"score_hundredths\" : null",
      "appraisal.waymark: appraisal: local_criteria[0]: scores[2]: score_hundredths should be a "
      "whole number, not null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = test_replace_once (good, cases[i].from, cases[i].to);
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkPlan) plan = open_text (fixture, bad, &error);

      g_test_message ("case %u: %s", i, cases[i].message);
      g_assert_null (plan);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  /* Version 2 without the appraisal was not written by Waymark, or was cut short. */
  {
    g_autofree char *cut = g_strdup (good);
    char *key = strstr (cut, ",\n  \"appraisal\"");
    g_autoptr(GError) error = NULL;
    g_autoptr(WaymarkPlan) plan = NULL;

    g_assert_nonnull (key);
    strcpy (key, "\n}\n");
    plan = open_text (fixture, cut, &error);
    g_assert_null (plan);
    g_assert_cmpstr (error->message, ==, "appraisal.waymark: appraisal is missing");
  }
}

/* The plan makes each change of its appraisal one undoable step. */
static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *text = read_data ("appraisal.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkPlan) plan = open_text (fixture, text, &error);
  g_autoptr(WaymarkAppraisal) before = NULL;
  g_autofree char *after_json = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  WaymarkAppraisal *appraisal;
  guint plan_changed = 0, appraisal_changed = 0;

  g_assert_no_error (error);
  appraisal = waymark_plan_get_appraisal (plan);
  before = waymark_appraisal_copy (appraisal);
  g_signal_connect (plan, "changed", G_CALLBACK (count_signal), &plan_changed);
  g_signal_connect (appraisal, "changed", G_CALLBACK (count_signal), &appraisal_changed);

  g_assert_true (waymark_appraisal_set_weight (appraisal, "impact", 300, &error));
  g_assert_true (waymark_plan_can_undo (plan));
  g_assert_true (waymark_plan_get_modified (plan));
  g_assert_cmpuint (plan_changed, ==, 1);
  /* A refused change is no step. */
  g_assert_false (waymark_appraisal_set_weight (appraisal, "impact", -5, &error));
  g_clear_error (&error);
  g_assert_cmpuint (plan_changed, ==, 1);
  g_assert_true (waymark_appraisal_set_status (appraisal, "drive", WAYMARK_OPTION_STATUS_DEFERRED,
                                               "Wait for the national evaluation",
                                               WAYMARK_OPTION_DIMENSION_NONE, &error));
  g_assert_cmpuint (plan_changed, ==, 2);
  after_json = waymark_plan_to_json (plan, fixture->catalogue, &error);

  waymark_plan_undo (plan);
  waymark_plan_undo (plan);
  g_assert_true (waymark_appraisal_equal (appraisal, before));
  g_assert_false (waymark_plan_get_modified (plan));
  g_assert_false (waymark_plan_can_undo (plan));
  /* The same object throughout: a page bound to it sees each change. */
  g_assert_true (waymark_plan_get_appraisal (plan) == appraisal);
  g_assert_cmpuint (appraisal_changed, ==, 4);
  undone = waymark_plan_to_json (plan, fixture->catalogue, &error);
  /* Undoing everything gives back the opened file's bytes, but for the date of the change. */
  {
    g_autofree char *a = without_date (undone);
    g_autofree char *b = without_date (text);

    g_assert_cmpstr (a, ==, b);
    g_assert_cmpstr (a, !=, undone);
  }

  waymark_plan_redo (plan);
  waymark_plan_redo (plan);
  redone = waymark_plan_to_json (plan, fixture->catalogue, &error);
  {
    g_autofree char *a = without_date (redone);
    g_autofree char *b = without_date (after_json);

    g_assert_cmpstr (a, ==, b);
  }
  g_assert_cmpint (waymark_appraisal_get_weight (appraisal, WAYMARK_REVIEW_CRITERION_IMPACT), ==,
                   300);
  g_assert_true (waymark_appraisal_get_status (appraisal, "drive", NULL, NULL, NULL));
  g_assert_cmpuint (plan_changed, ==, 6);

  /* A new change after undo forgets the redo, as any edit does. */
  waymark_plan_undo (plan);
  g_assert_true (waymark_appraisal_set_weight (appraisal, "level", 100, &error));
  g_assert_false (waymark_plan_can_redo (plan));
  g_signal_handlers_disconnect_by_data (appraisal, &appraisal_changed);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/appraisal/status-rules", test_status_rules);
  g_test_add_func ("/core/appraisal/criteria", test_criteria);
  g_test_add_func ("/core/appraisal/hundredths", test_hundredths);
  g_test_add ("/core/appraisal/ranking/by-hand", Fixture, NULL, fixture_set_up,
              test_ranking_by_hand, fixture_tear_down);
  g_test_add ("/core/appraisal/ranking/robust", Fixture, NULL, fixture_set_up,
              test_ranking_robust, fixture_tear_down);
  g_test_add ("/core/appraisal/file/round-trip", Fixture, NULL, fixture_set_up, test_round_trip,
              fixture_tear_down);
  g_test_add ("/core/appraisal/file/version-1", Fixture, NULL, fixture_set_up, test_version_1,
              fixture_tear_down);
  g_test_add ("/core/appraisal/file/hostile", Fixture, NULL, fixture_set_up, test_hostile,
              fixture_tear_down);
  g_test_add ("/core/appraisal/undo", Fixture, NULL, fixture_set_up, test_undo,
              fixture_tear_down);

  return g_test_run ();
}
