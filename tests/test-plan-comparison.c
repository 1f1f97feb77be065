/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "waymark-catalogue.h"
#include "waymark-plan-comparison.h"
#include "waymark-plan-document.h"
#include "waymark-safe-write.h"

/* Three plans that differ in items, quantities, costs (ranges, local and none), years, start
 * years and budgets. Every figure the tests expect is worked out by hand in the comments from
 * the figures entered here, never by the code under test. */
typedef struct
{
  WaymarkCatalogue *catalogue;
  WaymarkPlan      *plans[3];
} Fixture;

static WaymarkPlanItem *
add (Fixture     *fixture,
     WaymarkPlan *plan,
     const char  *id,
     guint        quantity,
     gint64       low,
     gint64       high)
{
  WaymarkIntervention *intervention = waymark_catalogue_lookup (fixture->catalogue, id);
  g_autoptr(WaymarkPlanItem) item = NULL;

  g_assert_nonnull (intervention);
  item = waymark_plan_item_new_for_intervention (intervention);
  waymark_plan_add_item (plan, item);
  waymark_plan_edit (plan, item, "quantity", quantity, NULL);
  waymark_plan_set_item_cost (plan, item, low, high,
                              low == WAYMARK_NO_COST ? WAYMARK_COST_SOURCE_ESTIMATE
                                                     : WAYMARK_COST_SOURCE_LOCAL_QUOTE);
  return item;
}

static void
details (WaymarkPlan *plan,
         const char  *title,
         guint        start,
         guint        years,
         gint64       budget)
{
  waymark_plan_edit (plan, plan, "title", title, "start-year", start, "years", years,
                     "budget", budget, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  WaymarkPlanItem *item;

  fixture->catalogue = waymark_catalogue_new_default (&error);
  g_assert_no_error (error);
  for (guint p = 0; p < 3; p++)
    fixture->plans[p] = waymark_plan_new ();

  /* A: 2026/27 to 2028/29, £600,000.
   *   drive 40 × £2,400 = £96,000 a year, reaching 50 perpetrators;
   *   cbt-victims 100 × £60-£100 = £6,000-£10,000 a year, reaching 7 victims;
   *   iris: no cost.
   *   A year £102,000-£106,000; over 3 years £306,000-£318,000; left £282,000-£294,000. */
  details (fixture->plans[0], "Option A", 2026, 3, G_GINT64_CONSTANT (60000000));
  item = add (fixture, fixture->plans[0], "drive", 40, 240000, 240000);
  waymark_plan_edit (fixture->plans[0], item, "reach", 50,
                     "reach-group", WAYMARK_REACH_GROUP_PERPETRATORS, NULL);
  item = add (fixture, fixture->plans[0], "cbt-victims", 100, 6000, 10000);
  waymark_plan_edit (fixture->plans[0], item, "reach", 7,
                     "reach-group", WAYMARK_REACH_GROUP_VICTIMS, NULL);
  add (fixture, fixture->plans[0], "iris", 1, WAYMARK_NO_COST, WAYMARK_NO_COST);

  /* B: 2026/27 and 2027/28, £400,000.
   *   drive 30 × £2,400 = £72,000, reaching 30 perpetrators;
   *   cbt-victims 100 × £80-£120 = £8,000-£12,000;
   *   coaching-boys-into-men 10 × £1,500 = £15,000 (rated HIGH for evidence).
   *   A year £95,000-£99,000; over 2 years £190,000-£198,000; left £202,000-£210,000. */
  details (fixture->plans[1], "Option B", 2026, 2, G_GINT64_CONSTANT (40000000));
  item = add (fixture, fixture->plans[1], "drive", 30, 240000, 240000);
  waymark_plan_edit (fixture->plans[1], item, "reach", 30,
                     "reach-group", WAYMARK_REACH_GROUP_PERPETRATORS, NULL);
  add (fixture, fixture->plans[1], "cbt-victims", 100, 8000, 12000);
  add (fixture, fixture->plans[1], "coaching-boys-into-men", 10, 150000, 150000);

  /* C: 2027/28 to 2029/30, £500,000, and its own count of perpetrators in need, 340.
   *   drive 40 × £2,400 = £96,000, reaching 40 perpetrators;
   *   make-a-change 20 × £2,970 = £59,400;
   *   iris 2 × £5,000 = £10,000 (rated HIGH for evidence).
   *   A year £165,400; over 3 years £496,200; left £3,800. */
  details (fixture->plans[2], "Option C", 2027, 3, G_GINT64_CONSTANT (50000000));
  item = add (fixture, fixture->plans[2], "drive", 40, 240000, 240000);
  waymark_plan_edit (fixture->plans[2], item, "reach", 40,
                     "reach-group", WAYMARK_REACH_GROUP_PERPETRATORS, NULL);
  add (fixture, fixture->plans[2], "make-a-change", 20, 297000, 297000);
  add (fixture, fixture->plans[2], "iris", 2, 500000, 500000);
  waymark_plan_set_local_need (fixture->plans[2], WAYMARK_REACH_GROUP_PERPETRATORS, 340,
                               "Probation caseload");
  (void) data;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint p = 0; p < 3; p++)
    g_assert_finalize_object (fixture->plans[p]);
  g_clear_object (&fixture->catalogue);
  (void) data;
}

static WaymarkPlanComparison *
compare (Fixture *fixture)
{
  return waymark_plan_comparison_new (fixture->plans, NULL, 3, fixture->catalogue);
}

static void
assert_value (WaymarkPlanComparison *comparison,
              const char            *id,
              guint                  plan,
              gint64                 low,
              gint64                 high)
{
  const WaymarkPlanMeasure *measure = waymark_plan_comparison_find (comparison, id);

  if (measure == NULL)
    g_error ("no measure %s", id);
  g_assert_cmpint (measure->values[plan].state, ==, WAYMARK_PLAN_VALUE_KNOWN);
  g_assert_cmpint (measure->values[plan].low, ==, low);
  g_assert_cmpint (measure->values[plan].high, ==, high);
}

static void
assert_state (WaymarkPlanComparison *comparison,
              const char            *id,
              guint                  plan,
              WaymarkPlanValueState  state)
{
  const WaymarkPlanMeasure *measure = waymark_plan_comparison_find (comparison, id);

  g_assert_nonnull (measure);
  g_assert_cmpint (measure->values[plan].state, ==, state);
}

static void
test_totals (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(WaymarkPlanComparison) comparison = compare (fixture);
  const WaymarkPlanMeasure *budget;

  g_assert_cmpuint (comparison->n_plans, ==, 3);
  g_assert_cmpstr (comparison->names[0], ==, "Option A");
  g_assert_cmpstr (comparison->names[2], ==, "Option C");

  assert_value (comparison, "total", 0, 30600000, 31800000);
  assert_value (comparison, "total", 1, 19000000, 19800000);
  assert_value (comparison, "total", 2, 49620000, 49620000);
  assert_value (comparison, "budget", 0, 60000000, 60000000);
  assert_value (comparison, "budget", 1, 40000000, 40000000);
  /* What is left: the lower figure against the higher total. */
  assert_value (comparison, "remaining", 0, 28200000, 29400000);
  assert_value (comparison, "remaining", 1, 20200000, 21000000);
  assert_value (comparison, "remaining", 2, 380000, 380000);
  assert_value (comparison, "years", 1, 2, 2);
  assert_value (comparison, "items", 0, 3, 3);
  assert_value (comparison, "items_without_cost", 0, 1, 1);
  assert_value (comparison, "items_without_cost", 2, 0, 0);

  budget = waymark_plan_comparison_find (comparison, "budget");
  g_assert_true (budget->differs);
  g_assert_false (budget->range);
  g_assert_cmpstr (budget->kind, ==, "local");
  g_assert_true (waymark_plan_comparison_find (comparison, "total")->range);
  (void) data;
}

static void
test_years (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(WaymarkPlanComparison) comparison = compare (fixture);
  const char *expected[] = { "2026/27", "2027/28", "2028/29", "2029/30", NULL };

  g_assert_cmpstrv (comparison->year_labels, expected);

  /* A: £102,000-£106,000 a year, against £200,000 a year: £94,000-£98,000 left. */
  assert_value (comparison, "year:2026/27:total", 0, 10200000, 10600000);
  assert_value (comparison, "year:2028/29:remaining", 0, 9400000, 9800000);
  assert_state (comparison, "year:2029/30:total", 0, WAYMARK_PLAN_VALUE_NOT_COVERED);
  /* B runs two years only. */
  assert_value (comparison, "year:2027/28:total", 1, 9500000, 9900000);
  assert_value (comparison, "year:2027/28:remaining", 1, 10100000, 10500000);
  assert_state (comparison, "year:2028/29:total", 1, WAYMARK_PLAN_VALUE_NOT_COVERED);
  assert_state (comparison, "year:2029/30:remaining", 1, WAYMARK_PLAN_VALUE_NOT_COVERED);
  /* C starts a year later: £500,000 over 3 years is £166,666.66 a year (the plan's own division,
   * to the penny below), so £1,266.66 left. */
  assert_state (comparison, "year:2026/27:total", 2, WAYMARK_PLAN_VALUE_NOT_COVERED);
  assert_value (comparison, "year:2029/30:total", 2, 16540000, 16540000);
  assert_value (comparison, "year:2029/30:remaining", 2, 126666, 126666);
  {
    g_autofree char *text = waymark_plan_comparison_format_value (
      waymark_plan_comparison_find (comparison, "year:2026/27:total"), 2);

    g_assert_cmpstr (text, ==, "not covered: the plan does not run in this year");
  }
  (void) data;
}

static void
test_balance (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(WaymarkPlanComparison) comparison = compare (fixture);

  /* Spend over the plan: each year's (the same every year here, with no uplift) times the
   * plan's years, 3 for A and C, 2 for B.
   * Level: drive tertiary, cbt-victims and make-a-change and iris secondary, CBIM primary. */
  assert_value (comparison, "level:primary", 0, 0, 0);
  /* B: CBIM £15,000 × 2 = £30,000. */
  assert_value (comparison, "level:primary", 1, 3000000, 3000000);
  /* A: cbt-victims £6,000-£10,000 × 3 = £18,000-£30,000. */
  assert_value (comparison, "level:secondary", 0, 1800000, 3000000);
  /* C: make-a-change £59,400 + iris £10,000 = £69,400, × 3 = £208,200. */
  assert_value (comparison, "level:secondary", 2, 20820000, 20820000);
  /* B: drive £72,000 × 2 = £144,000. */
  assert_value (comparison, "level:tertiary", 1, 14400000, 14400000);
  /* B's share on primary: £30,000 of £190,000 = 15.789% → 1579 basis points; of £198,000 =
   * 15.151% → 1515. */
  assert_value (comparison, "level:primary:share", 1, 1579, 1515);
  /* A's on tertiary: £288,000 of £306,000 = 94.117% → 9412; of £318,000 = 90.566% → 9057. */
  assert_value (comparison, "level:tertiary:share", 0, 9412, 9057);
  g_assert_cmpstr (waymark_plan_comparison_find (comparison, "level:tertiary")->label, ==,
                   "Tertiary, spend over the plan");
  g_assert_cmpstr (waymark_plan_comparison_find (comparison, "level:tertiary:share")->label, ==,
                   "Tertiary, share of spend over the plan");

  /* Evidence: HIGH is CBIM in B (£15,000 × 2), iris in C (£10,000 × 3); A's iris has no cost,
   * so no spend. */
  assert_value (comparison, "evidence:high", 0, 0, 0);
  assert_value (comparison, "evidence:high", 1, 3000000, 3000000);
  assert_value (comparison, "evidence:high", 2, 3000000, 3000000);
  /* C: £30,000 of £496,200 = 6.0459% → 605. */
  assert_value (comparison, "evidence:high:share", 2, 605, 605);
  /* C: drive £96,000 + make-a-change £59,400 = £155,400, × 3 = £466,200. */
  assert_value (comparison, "evidence:moderate", 2, 46620000, 46620000);
  g_assert_true (waymark_plan_comparison_find (comparison, "evidence:high")->differs);

  /* Works with: drive and make-a-change work with perpetrators (make-a-change with victims too):
   * C £155,400 × 3 = £466,200; B drive £72,000 × 2 = £144,000. */
  assert_value (comparison, "works_with:perpetrators", 2, 46620000, 46620000);
  assert_value (comparison, "works_with:perpetrators", 1, 14400000, 14400000);
  /* A: no stream named: £102,000-£106,000 × 3 = £306,000-£318,000. */
  assert_value (comparison, "funding:unspecified", 0, 30600000, 31800000);
  (void) data;
}

static void
test_reach (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(WaymarkPlanComparison) comparison = compare (fixture);
  g_autofree char *coverage = NULL;

  assert_value (comparison, "reach:perpetrators", 0, 50, 50);
  assert_value (comparison, "reach:perpetrators", 1, 30, 30);
  /* A: £96,000 ÷ 50 = £1,920; B: £72,000 ÷ 30 = £2,400; C: £96,000 ÷ 40 = £2,400. */
  assert_value (comparison, "cost_per_person:perpetrators", 0, 192000, 192000);
  assert_value (comparison, "cost_per_person:perpetrators", 1, 240000, 240000);
  assert_value (comparison, "cost_per_person:perpetrators", 2, 240000, 240000);
  /* The review gives no count of perpetrators; C records its own, 340: 40 ÷ 340 = 11.76%. */
  assert_state (comparison, "coverage:perpetrators", 0, WAYMARK_PLAN_VALUE_NOT_RECORDED);
  assert_value (comparison, "coverage:perpetrators", 2, 1176, 1176);
  g_assert_true (waymark_plan_comparison_find (comparison,
                                               "coverage:perpetrators")->values[2].local_need);
  coverage = waymark_plan_comparison_format_value (
    waymark_plan_comparison_find (comparison, "coverage:perpetrators"), 2);
  g_assert_cmpstr (coverage, ==, "11.76% (against the plan’s own count of need)");

  /* A reaches 7 victims at £6,000-£10,000: £857.14-£1,428.57 each (half a penny up); against the
   * review's 28,360 adults, 0.0247% → 2 basis points. B and C record no reach for victims. */
  assert_value (comparison, "reach:victims", 0, 7, 7);
  assert_value (comparison, "cost_per_person:victims", 0, 85714, 142857);
  assert_value (comparison, "coverage:victims", 0, 2, 2);
  g_assert_false (waymark_plan_comparison_find (comparison, "coverage:victims")->values[0].local_need);
  assert_state (comparison, "reach:victims", 1, WAYMARK_PLAN_VALUE_NOT_RECORDED);
  g_assert_null (waymark_plan_comparison_find (comparison, "reach:community"));
  (void) data;
}

static const WaymarkPlanWarningRow *
find_warning (WaymarkPlanComparison *comparison,
              const char            *id)
{
  for (guint r = 0; r < comparison->warnings->len; r++)
    {
      const WaymarkPlanWarningRow *row = g_ptr_array_index (comparison->warnings, r);

      if (g_str_equal (row->id, id))
        return row;
    }
  return NULL;
}

static gboolean
cleared_has (WaymarkPlanComparison *comparison,
             guint                  plan,
             const char            *id)
{
  g_autoptr(GPtrArray) cleared = waymark_plan_comparison_list_cleared (comparison, plan);

  for (guint r = 0; r < cleared->len; r++)
    if (g_str_equal (((WaymarkPlanWarningRow *) g_ptr_array_index (cleared, r))->id, id))
      return TRUE;
  return FALSE;
}

static void
test_warnings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(WaymarkPlanComparison) comparison = compare (fixture);
  const WaymarkPlanWarningRow *row;

  /* Only B has primary prevention (CBIM): it clears A's and C's warning. */
  row = find_warning (comparison, "no-primary");
  g_assert_nonnull (row);
  g_assert_nonnull (row->messages[0]);
  g_assert_null (row->messages[1]);
  g_assert_nonnull (row->messages[2]);
  g_assert_cmpuint (row->n_raised, ==, 2);
  g_assert_true (cleared_has (comparison, 1, "no-primary"));
  g_assert_false (cleared_has (comparison, 0, "no-primary"));

  /* A's iris has no cost; C's has one, so C clears it, and so does B, which has no iris. */
  row = find_warning (comparison, "no-cost:iris");
  g_assert_nonnull (row);
  g_assert_cmpuint (row->n_raised, ==, 1);
  g_assert_true (cleared_has (comparison, 2, "no-cost:iris"));
  g_assert_true (cleared_has (comparison, 1, "no-cost:iris"));
  /* Iris is in place in LLR: A and C raise it, B clears it. */
  g_assert_cmpuint (find_warning (comparison, "already-in-place:iris")->n_raised, ==, 2);
  g_assert_true (cleared_has (comparison, 1, "already-in-place:iris"));
  (void) data;
}

static const WaymarkPlanItemRow *
find_item (WaymarkPlanComparison *comparison,
           const char            *id)
{
  for (guint r = 0; r < comparison->items->len; r++)
    {
      const WaymarkPlanItemRow *row = g_ptr_array_index (comparison->items, r);

      if (g_str_equal (row->id, id))
        return row;
    }
  g_error ("no item %s", id);
  return NULL;
}

static void
test_items (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(WaymarkPlanComparison) comparison = compare (fixture);
  const WaymarkPlanItemRow *row;

  /* In the first plan's order, then the others' new ones. */
  g_assert_cmpuint (comparison->items->len, ==, 5);
  g_assert_cmpstr (((WaymarkPlanItemRow *) g_ptr_array_index (comparison->items, 3))->id, ==,
                   "coaching-boys-into-men");
  g_assert_cmpstr (((WaymarkPlanItemRow *) g_ptr_array_index (comparison->items, 4))->id, ==,
                   "make-a-change");

  /* Drive in every plan: A and C 40 × £2,400 × 3 years = £288,000; B 30 × £2,400 × 2 = £144,000. */
  row = find_item (comparison, "drive");
  g_assert_true (row->in_every_plan);
  g_assert_true (row->differs);
  g_assert_cmpint (row->cells[0].spend_low, ==, 28800000);
  g_assert_cmpint (row->cells[1].difference_low, ==, -14400000);
  g_assert_cmpint (row->cells[2].difference_low, ==, 0);
  g_assert_cmpint (row->cells[1].quantity, ==, 30);

  /* CBT: A £18,000-£30,000; B £16,000-£24,000 (−£2,000 to −£6,000); C none (−all of A's). */
  row = find_item (comparison, "cbt-victims");
  g_assert_false (row->in_every_plan);
  g_assert_cmpint (row->cells[1].spend_low, ==, 1600000);
  g_assert_cmpint (row->cells[1].spend_high, ==, 2400000);
  g_assert_cmpint (row->cells[1].difference_low, ==, -200000);
  g_assert_cmpint (row->cells[1].difference_high, ==, -600000);
  g_assert_true (row->cells[2].difference_known);
  g_assert_cmpint (row->cells[2].difference_low, ==, -1800000);
  g_assert_cmpint (row->cells[2].difference_high, ==, -3000000);

  /* IRIS: A has no cost, so no difference can be given from it. */
  row = find_item (comparison, "iris");
  g_assert_false (row->cells[0].has_cost);
  g_assert_false (row->cells[1].present);
  g_assert_false (row->cells[1].difference_known);
  g_assert_false (row->cells[2].difference_known);
  g_assert_cmpint (row->cells[2].spend_low, ==, 3000000);

  /* CBIM, only in B: 10 × £1,500 × 2 = £30,000 more than A; C has none either, so no difference. */
  row = find_item (comparison, "coaching-boys-into-men");
  g_assert_cmpuint (row->n_plans_with, ==, 1);
  g_assert_cmpint (row->cells[1].difference_low, ==, 3000000);
  g_assert_cmpint (row->cells[2].difference_low, ==, 0);
  g_assert_true (row->cells[2].difference_known);
  /* Make a Change, only in C: 20 × £2,970 × 3 = £178,200. */
  g_assert_cmpint (find_item (comparison, "make-a-change")->cells[2].difference_low, ==, 17820000);
  (void) data;
}

static void
test_marks (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(WaymarkPlanComparison) comparison = compare (fixture);

  /* B has the lowest total, £190,000, and the largest HIGH share over the plan, 15.79% (£30,000
   * of £190,000) against C's 6.05% (£30,000 of £496,200) and A's 0. */
  g_assert_false (comparison->lowest_cost[0]);
  g_assert_true (comparison->lowest_cost[1]);
  g_assert_false (comparison->lowest_cost[2]);
  g_assert_cmpstr (comparison->lowest_cost_words, ==,
                   "Lowest cost: Option B, at £190,000–£198,000 over the plan (the lowest lower "
                   "total, then the lowest higher one). The plans run for different numbers of "
                   "years, so their totals are not like for like. Between them, the totals leave "
                   "out 1 item without a cost.");
  g_assert_cmpint (comparison->high_share[0], ==, 0);
  g_assert_cmpint (comparison->high_share[1], ==, 1579);
  g_assert_cmpint (comparison->high_share[2], ==, 605);
  g_assert_true (comparison->strongest_evidence[1]);
  g_assert_false (comparison->strongest_evidence[2]);
  g_assert_cmpstr (comparison->strongest_evidence_words, ==,
                   "Strongest evidence mix: the largest share of spend over the plan, at the "
                   "lower costs, on interventions the review rates HIGH for evidence. Option B, "
                   "with 15.79%.");
  (void) data;
}

/* Two copies of one plan: nothing differs, and every mark is a tie said as such. */
static void
test_ties (Fixture       *fixture,
           gconstpointer  data)
{
  WaymarkPlan *same[2] = { fixture->plans[0], fixture->plans[0] };
  g_autoptr(WaymarkPlanComparison) comparison = waymark_plan_comparison_new (same, NULL, 2, NULL);

  g_assert_cmpstr (comparison->names[1], ==, "Option A (2)");
  for (guint m = 0; m < comparison->measures->len; m++)
    g_assert_false (((WaymarkPlanMeasure *) g_ptr_array_index (comparison->measures, m))->differs);
  for (guint r = 0; r < comparison->items->len; r++)
    g_assert_false (((WaymarkPlanItemRow *) g_ptr_array_index (comparison->items, r))->differs);
  g_assert_false (comparison->lowest_cost[0] || comparison->lowest_cost[1]);
  g_assert_true (g_str_has_prefix (comparison->lowest_cost_words,
                                   "Lowest cost: a tie, as every plan totals £306,000–£318,000"));
  /* A spends nothing on HIGH-rated interventions. */
  g_assert_true (g_str_has_suffix (comparison->strongest_evidence_words,
                                   "No plan spends on an intervention rated HIGH for evidence, so "
                                   "none is marked."));
  g_assert_false (comparison->strongest_evidence[0] || comparison->strongest_evidence[1]);
  (void) data;
}

/* The CSV as text, and the JSON read back by json-glib's parser. */
static void
test_exports (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(WaymarkPlanComparison) comparison = compare (fixture);
  g_autofree char *csv = waymark_plan_comparison_to_csv (comparison);
  g_autofree char *json = waymark_plan_comparison_to_json (comparison);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *measures;

  g_assert_true (g_str_has_prefix (csv, "measure,unit,Option A,Option B,Option C\r\n"));
  g_assert_nonnull (strstr (csv, "\r\ntotal:low,GBP,306000.00,190000.00,496200.00\r\n"));
  g_assert_nonnull (strstr (csv, "\r\ntotal:high,GBP,318000.00,198000.00,496200.00\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nbudget,GBP,600000.00,400000.00,500000.00\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nyear:2029/30:total,GBP,,,165400.00\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nevidence:high:share:low,percent,0.00,15.79,6.05\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nmark:lowest_cost,mark,,yes,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nwarning:no-primary,warning,raised,cleared,raised\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nitem:drive,GBP difference,0.00,-144000.00,0.00\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nitem:cbt-victims:high,GBP difference,0.00,-6000.00,"
                                 "-30000.00\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nitem:iris,GBP difference,,,\r\n"));

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "waymark-plan-comparison");
  measures = json_object_get_array_member (root, "measures");
  for (guint m = 0; m < json_array_get_length (measures); m++)
    {
      JsonObject *measure = json_array_get_object_element (measures, m);
      JsonObject *value;

      if (!g_str_equal (json_object_get_string_member (measure, "id"), "year:2026/27:total"))
        continue;
      value = json_array_get_object_element (json_object_get_array_member (measure, "values"), 2);
      g_assert_cmpstr (json_object_get_string_member (value, "state"), ==, "not-covered");
      g_assert_true (json_object_get_null_member (value, "low"));
      value = json_array_get_object_element (json_object_get_array_member (measure, "values"), 1);
      g_assert_cmpint (json_object_get_int_member (value, "low"), ==, 9500000);
    }
  (void) data;
}

static void
test_display_name (void)
{
  g_autoptr(WaymarkPlan) plan = waymark_plan_new ();
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/scenario b.waymark");
  g_autofree char *untitled = waymark_plan_comparison_display_name (plan, NULL);
  g_autofree char *from_file = waymark_plan_comparison_display_name (plan, file);
  g_autofree char *titled = NULL;

  g_assert_cmpstr (untitled, ==, "Untitled plan");
  g_assert_cmpstr (from_file, ==, "scenario b.waymark");
  waymark_plan_edit (plan, plan, "title", "Plan (scenario B)", NULL);
  titled = waymark_plan_comparison_display_name (plan, file);
  g_assert_cmpstr (titled, ==, "Plan (scenario B)");
}

/* Per-year figures (issue 16): a financial plan with a 10% uplift on its local cost and a later
 * year of its own, against a calendar plan: compared by year label, so neither covers the
 * other's years. By hand:
 *   F (financial, 2026/27 and 2027/28, uplift 10%): drive 10 × £1,000 = £10,000, then 12 ×
 *     £1,100 = £13,200; over the plan £23,200.
 *   K (calendar, 2026 and 2027): drive 10 × £1,000 each year, £20,000; MAC 20 × £2,970, the
 *     review's cost (never uplifted), £59,400 each year, £118,800. */
static void
test_per_year (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(WaymarkPlan) financial = waymark_plan_new ();
  g_autoptr(WaymarkPlan) calendar = waymark_plan_new ();
  WaymarkPlan *plans[2] = { financial, calendar };
  g_autoptr(WaymarkPlanComparison) comparison = NULL;
  const char *labels[] = { "2026", "2026/27", "2027", "2027/28", NULL };
  WaymarkPlanItem *item;
  const WaymarkPlanItemRow *row;

  details (financial, "F", 2026, 2, 0);
  waymark_plan_set_uplift (financial, 1000);
  item = add (fixture, financial, "drive", 10, 100000, 100000);
  waymark_plan_set_item_year_quantity (financial, item, 1, 12);
  details (calendar, "K", 2026, 2, 0);
  waymark_plan_set_year_kind (calendar, WAYMARK_YEAR_KIND_CALENDAR);
  add (fixture, calendar, "drive", 10, 100000, 100000);
  item = add (fixture, calendar, "make-a-change", 20, 297000, 297000);
  waymark_plan_set_item_cost (calendar, item, 297000, 297000, WAYMARK_COST_SOURCE_REVIEW);

  comparison = waymark_plan_comparison_new (plans, NULL, 2, NULL);
  g_assert_cmpstrv (comparison->year_labels, labels);
  assert_value (comparison, "year:2026/27:total", 0, 1000000, 1000000);
  assert_value (comparison, "year:2027/28:total", 0, 1320000, 1320000);
  assert_state (comparison, "year:2026/27:total", 1, WAYMARK_PLAN_VALUE_NOT_COVERED);
  assert_value (comparison, "year:2027:total", 1, 6940000, 6940000);
  assert_state (comparison, "year:2027:total", 0, WAYMARK_PLAN_VALUE_NOT_COVERED);
  assert_value (comparison, "total", 0, 2320000, 2320000);
  assert_value (comparison, "total", 1, 13880000, 13880000);
  /* Balance over the plan, the uplift and the later year's own quantity included (the first
   * year's alone would be F £10,000 and K £10,000 on tertiary). F: drive, tertiary, £23,200,
   * 100%. K: drive £20,000 of £138,800 = 14.409% → 1441; MAC, secondary, £118,800 = 85.590%
   * → 8559. */
  assert_value (comparison, "level:tertiary", 0, 2320000, 2320000);
  assert_value (comparison, "level:tertiary:share", 0, 10000, 10000);
  assert_value (comparison, "level:tertiary", 1, 2000000, 2000000);
  assert_value (comparison, "level:tertiary:share", 1, 1441, 1441);
  assert_value (comparison, "level:secondary", 1, 11880000, 11880000);
  assert_value (comparison, "level:secondary:share", 1, 8559, 8559);

  /* Drive: the same first year, a different second: it differs, by £3,200 over the plan. */
  row = g_ptr_array_index (comparison->items, 0);
  g_assert_cmpstr (row->id, ==, "drive");
  g_assert_cmpuint (row->cells[0].quantity, ==, row->cells[1].quantity);
  g_assert_true (row->differs);
  g_assert_cmpint (row->cells[1].difference_low, ==, -320000);
  (void) data;
}

static void
test_scenario_title (void)
{
  const char *taken[] = { "Plan", "Plan (scenario B)", "Plan (scenario C)", NULL };
  g_autofree char *first = waymark_plan_comparison_dup_scenario_title ("Plan", NULL);
  g_autofree char *next = waymark_plan_comparison_dup_scenario_title ("Plan", taken);
  g_autofree char *of_scenario = waymark_plan_comparison_dup_scenario_title ("Plan (scenario B)",
                                                                             taken);
  g_autofree char *untitled = waymark_plan_comparison_dup_scenario_title ("", NULL);
  g_autofree char *not_a_letter = waymark_plan_comparison_dup_scenario_title ("Plan (scenario 2)",
                                                                              NULL);

  g_assert_cmpstr (first, ==, "Plan (scenario B)");
  g_assert_cmpstr (next, ==, "Plan (scenario D)");
  g_assert_cmpstr (of_scenario, ==, "Plan (scenario D)");
  g_assert_cmpstr (untitled, ==, "Untitled plan (scenario B)");
  g_assert_cmpstr (not_a_letter, ==, "Plan (scenario 2) (scenario B)");
}

/* A copy through the plan document: everything the file keeps, unsaved, no file, no undo. */
static void
test_document_copy (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(WaymarkPlanDocument) document = waymark_plan_document_new (fixture->catalogue, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;
  WaymarkPlan *plan;
  WaymarkPlanItem *item;

  g_assert_true (waymark_plan_document_open_copy (document, fixture->plans[2],
                                                  "Option C (scenario B)", NULL, &error));
  g_assert_no_error (error);
  plan = waymark_plan_document_get_plan (document);
  g_assert_true (plan != fixture->plans[2]);
  g_assert_null (waymark_plan_document_get_file (document));
  g_assert_null (waymark_plan_document_get_recovery_file (document));
  g_assert_true (waymark_plan_document_get_modified (document));
  g_assert_false (waymark_plan_can_undo (plan));
  g_assert_cmpstr (waymark_plan_get_title (plan), ==, "Option C (scenario B)");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 3);
  g_assert_cmpuint (waymark_plan_get_local_need (plan, WAYMARK_REACH_GROUP_PERPETRATORS, NULL),
                    ==, 340);

  /* Editing the copy leaves the original as it was. */
  original = waymark_plan_to_json (fixture->plans[2], fixture->catalogue, &error);
  item = waymark_plan_find_item (plan, "drive", NULL);
  waymark_plan_edit (plan, item, "quantity", 5, NULL);
  g_assert_cmpuint (waymark_plan_item_get_quantity (item), ==, 5);
  copy = waymark_plan_to_json (fixture->plans[2], fixture->catalogue, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy, ==, original);
  (void) data;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/plan-comparison/totals", test_totals);
  ADD ("/core/plan-comparison/years", test_years);
  ADD ("/core/plan-comparison/balance", test_balance);
  ADD ("/core/plan-comparison/reach", test_reach);
  ADD ("/core/plan-comparison/warnings", test_warnings);
  ADD ("/core/plan-comparison/items", test_items);
  ADD ("/core/plan-comparison/marks", test_marks);
  ADD ("/core/plan-comparison/ties", test_ties);
  ADD ("/core/plan-comparison/exports", test_exports);
  g_test_add_func ("/core/plan-comparison/display-name", test_display_name);
  g_test_add_func ("/core/plan-comparison/scenario-title", test_scenario_title);
  ADD ("/core/plan-comparison/per-year", test_per_year);
  g_test_add ("/core/plan-comparison/document-copy", Fixture, NULL, fixture_set_up,
              test_document_copy, fixture_tear_down);
#undef ADD

  return g_test_run ();
}
