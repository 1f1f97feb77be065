/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <fcntl.h>
#include <unistd.h>

#include "test-util.h"
#include "waymark-catalogue.h"
#include "waymark-money.h"
#include "waymark-plan-io.h"
#include "waymark-plan-item-private.h"
#include "waymark-plan-private.h"

/* The plan: arithmetic on the review's own published costs, undo, warnings drawn from the
 * review, and files that round-trip, refuse what they should, and survive failed saves. */

typedef struct
{
  WaymarkCatalogue *catalogue;
  WaymarkPlan      *plan;
  guint             changed;
  guint             ticks;
} Fixture;

static GDateTime *
minute_clock (gpointer user_data)
{
  guint *ticks = user_data;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 11, 26, 9, 0, 0);

  return g_date_time_add_minutes (start, (int) (*ticks)++);
}

static void
on_changed (WaymarkPlan *plan,
            Fixture     *fixture)
{
  fixture->changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->catalogue = waymark_catalogue_new_default (&error);
  g_assert_no_error (error);
  fixture->plan = waymark_plan_new ();
  g_signal_connect (fixture->plan, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->plan);
  g_assert_finalize_object (fixture->catalogue);
}

static WaymarkPlanItem *
add (Fixture    *fixture,
     const char *id,
     guint       quantity)
{
  WaymarkIntervention *intervention = waymark_catalogue_lookup (fixture->catalogue, id);
  g_autoptr(WaymarkPlanItem) item = NULL;

  g_assert_nonnull (intervention);
  item = waymark_plan_item_new_for_intervention (intervention);
  waymark_plan_add_item (fixture->plan, item);
  waymark_plan_edit (fixture->plan, item, "quantity", quantity, NULL);

  return item;  /* owned by the plan */
}

/* A three-year plan of six interventions across all three levels. */
static void
build_three_year_plan (Fixture *fixture)
{
  WaymarkPlanItem *cbim, *iris, *mac, *cbt, *drive;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 26, 9, 30, 0);

  /* The decision record's times, one minute apart from 09:00 on the day, for stable goldens. */
  waymark_plan_set_clock (fixture->plan, minute_clock, &fixture->ticks);
  waymark_plan_edit (fixture->plan, fixture->plan,
                     "title", "DA and SV commissioning plan 2026-2029",
                     "organisation", "LLR Violence Reduction Network",
                     "author", "A. Commissioner",
                     "start-year", 2026, "years", 3, "budget", (gint64) 60000000, NULL);

  cbim = add (fixture, "coaching-boys-into-men", 10);
  waymark_plan_edit (fixture->plan, cbim, "unit", "schools",
                     "notes", "Local quote: £1,500 per school a year, coaches’ time included",
                     NULL);
  waymark_plan_set_item_cost (fixture->plan, cbim, 150000, 150000,
                              WAYMARK_COST_SOURCE_LOCAL_QUOTE);
  /* A named local funding stream (issue 14). */
  waymark_plan_edit (fixture->plan, cbim, "funding-source", WAYMARK_FUNDING_SOURCE_OTHER,
                     "funding-name", "Leicester City Council public health grant", NULL);
  add (fixture, "relationships-without-fear", 12);
  iris = add (fixture, "iris", 1);
  waymark_plan_edit (fixture->plan, iris, "notes", "=HYPERLINK(\"http://example.invalid\")",
                     "provider", "IRISi, \"the IRIS people\"", NULL);
  mac = add (fixture, "make-a-change", 20);
  waymark_plan_edit (fixture->plan, mac, "funding-source",
                     WAYMARK_FUNDING_SOURCE_HOME_OFFICE_PERPETRATOR,
                     "notes", "Early intervention before escalation;\nlinked partner support",
                     NULL);
  drive = add (fixture, "drive", 40);
  cbt = add (fixture, "cbt-victims", 100);
  /* Years as budgets are set (issue 16): Drive grows, 40, 42, then 44 perpetrators; a 2.5%
   * uplift raises CBIM's local quote (never the review's costs) from the second year. Every
   * year stays within its share of the budget: a budget warning's amounts follow the locale,
   * which test_comma_decimal_locale would see in the JSON. */
  waymark_plan_set_item_year_quantity (fixture->plan, drive, 1, 42);
  waymark_plan_set_item_year_quantity (fixture->plan, drive, 2, 44);
  waymark_plan_set_uplift (fixture->plan, 250);
  /* Reach (issue 14): the people a year and where the figure came from. MAC: 20 a year at
   * £59,400 is £2,970 each; CBT: 7 a year at £6,000 is £857.142857..., £857.14 each. */
  waymark_plan_edit (fixture->plan, mac, "reach", 20,
                     "reach-group", WAYMARK_REACH_GROUP_PERPETRATORS,
                     "reach-source", "Provider's referral forecast, A. Commissioner, Nov 2026",
                     NULL);
  waymark_plan_edit (fixture->plan, cbt, "reach", 7,
                     "reach-group", WAYMARK_REACH_GROUP_VICTIMS, NULL);
  /* The commissioner's count of perpetrators in need (local), as the review gives none: 20 of
   * 340 is 5.88% (588.2... basis points, 588). */
  waymark_plan_set_local_need (fixture->plan, WAYMARK_REACH_GROUP_PERPETRATORS, 340,
                               "Probation caseload, J. Okafor, March 2026");

  /* The decision record (issue 15): the first entry given a reason, which a spreadsheet would
   * take for a formula, and a citation of CBIM's heading in the review. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (waymark_plan_note_decision (
      fixture->plan, 0, "=1+1 schools asked for it, <b>twice</b>",
      "Primary intervention: school-based programmes promoting equal relationships",
      fixture->catalogue, &error));
    g_assert_no_error (error);
  }

  /* Exports record when the plan last changed: fix it so golden files are stable. */
  waymark_plan_load_details (fixture->plan, waymark_plan_get_title (fixture->plan),
                             waymark_plan_get_area (fixture->plan),
                             waymark_plan_get_organisation (fixture->plan),
                             waymark_plan_get_author (fixture->plan), 2026, 3, 60000000,
                             waymark_plan_get_dismissed_warnings (fixture->plan), when);
}

/* Cost per person reached (computed): the year's line total divided by the people reached a
 * year, to the nearest penny, half a penny up; nothing without a reach or without a cost. The
 * figures are worked by hand here. */
static void
test_cost_per_person (Fixture       *fixture,
                      gconstpointer  data)
{
  WaymarkPlanItem *item = add (fixture, "drive", 3);
  gint64 low = -1, high = -1;

  g_assert_false (waymark_plan_item_get_cost_per_person (item, &low, &high));  /* no reach */

  /* 3 × £10.00 to £10.01 = 3000p to 3003p, for 7 people: 428.57p and 429p exactly. */
  waymark_plan_set_item_cost (fixture->plan, item, 1000, 1001, WAYMARK_COST_SOURCE_LOCAL_QUOTE);
  waymark_plan_edit (fixture->plan, item, "reach", 7, NULL);
  g_assert_true (waymark_plan_item_get_cost_per_person (item, &low, &high));
  g_assert_cmpint (low, ==, 429);
  g_assert_cmpint (high, ==, 429);

  /* 2 × 1p = 2p for 4 people: half a penny each, rounded up to 1p; for 5 people, 0.4p: 0p. */
  waymark_plan_set_item_cost (fixture->plan, item, 1, 1, WAYMARK_COST_SOURCE_LOCAL_QUOTE);
  waymark_plan_edit (fixture->plan, item, "quantity", 2, "reach", 4, NULL);
  g_assert_true (waymark_plan_item_get_cost_per_person (item, &low, &high));
  g_assert_cmpint (low, ==, 1);
  waymark_plan_edit (fixture->plan, item, "reach", 5, NULL);
  g_assert_true (waymark_plan_item_get_cost_per_person (item, &low, &high));
  g_assert_cmpint (low, ==, 0);

  /* The review's £2,400 per perpetrator, 40 of them, reaching 40: £2,400 each. */
  waymark_plan_set_item_cost (fixture->plan, item, 240000, 240000, WAYMARK_COST_SOURCE_REVIEW);
  waymark_plan_edit (fixture->plan, item, "quantity", 40, "reach", 40, NULL);
  g_assert_true (waymark_plan_item_get_cost_per_person (item, &low, &high));
  g_assert_cmpint (low, ==, 240000);
  g_assert_cmpint (high, ==, 240000);

  /* No cost, no cost per person; and reach is undone like any edit. */
  waymark_plan_set_item_cost (fixture->plan, item, WAYMARK_NO_COST, WAYMARK_NO_COST,
                              WAYMARK_COST_SOURCE_ESTIMATE);
  g_assert_false (waymark_plan_item_get_cost_per_person (item, &low, &high));
  waymark_plan_undo (fixture->plan);
  waymark_plan_undo (fixture->plan);
  g_assert_cmpuint (waymark_plan_item_get_reach (item), ==, 5);

  /* Summed by who they are; an item with no reach recorded is counted apart. */
  {
    WaymarkPlanItem *mac = add (fixture, "make-a-change", 20);
    WaymarkPlanItem *cbt = add (fixture, "cbt-victims", 1);
    g_autoptr(GArray) slices = NULL;
    guint n_without = 99;

    add (fixture, "iris", 1);
    waymark_plan_edit (fixture->plan, item, "reach-group", WAYMARK_REACH_GROUP_PERPETRATORS, NULL);
    waymark_plan_edit (fixture->plan, mac, "reach", 20,
                       "reach-group", WAYMARK_REACH_GROUP_PERPETRATORS, NULL);
    waymark_plan_edit (fixture->plan, cbt, "reach", 7,
                       "reach-group", WAYMARK_REACH_GROUP_VICTIMS, NULL);
    slices = waymark_plan_get_reach (fixture->plan, &n_without);
    g_assert_cmpuint (n_without, ==, 1);
    g_assert_cmpuint (slices->len, ==, 2);
    g_assert_cmpint (g_array_index (slices, WaymarkReachSlice, 0).group, ==,
                     WAYMARK_REACH_GROUP_VICTIMS);
    g_assert_cmpuint (g_array_index (slices, WaymarkReachSlice, 0).people, ==, 7);
    g_assert_cmpint (g_array_index (slices, WaymarkReachSlice, 1).group, ==,
                     WAYMARK_REACH_GROUP_PERPETRATORS);
    g_assert_cmpuint (g_array_index (slices, WaymarkReachSlice, 1).people, ==, 25);  /* 5 + 20 */
    g_assert_cmpuint (g_array_index (slices, WaymarkReachSlice, 1).n_items, ==, 2);
  }
}

/* Coverage (issue 14): the people reached against the review's count of the people in need,
 * worked by hand. Victims: the review's 28,360 adults in LLR who experienced domestic abuse in
 * 2020/21; perpetrators: the review has only a ratio, so no coverage. */
static void
test_coverage (Fixture       *fixture,
               gconstpointer  data)
{
  WaymarkPlanItem *cbt = add (fixture, "cbt-victims", 100);
  WaymarkPlanItem *mac = add (fixture, "make-a-change", 20);
  g_autoptr(GArray) coverage = NULL;
  const WaymarkCoverage *victims, *perpetrators;

  /* 2,836 of 28,360 is 10%: 1,000 basis points exactly. */
  waymark_plan_edit (fixture->plan, cbt, "reach", 2836,
                     "reach-group", WAYMARK_REACH_GROUP_VICTIMS, NULL);
  waymark_plan_edit (fixture->plan, mac, "reach", 20,
                     "reach-group", WAYMARK_REACH_GROUP_PERPETRATORS, NULL);
  coverage = waymark_plan_get_coverage (fixture->plan, fixture->catalogue);
  g_assert_cmpuint (coverage->len, ==, 2);
  victims = &g_array_index (coverage, WaymarkCoverage, 0);
  perpetrators = &g_array_index (coverage, WaymarkCoverage, 1);

  g_assert_cmpint (victims->group, ==, WAYMARK_REACH_GROUP_VICTIMS);
  g_assert_cmpuint (victims->reached, ==, 2836);
  g_assert_nonnull (victims->need);
  g_assert_cmpstr (victims->need->value, ==, "28360");
  g_assert_cmpstr (victims->need->period, ==, "2020/21");
  g_assert_nonnull (strstr (victims->need->as_written, "28,360 adults experienced domestic abuse"));
  g_assert_cmpuint (victims->need_people, ==, 28360);
  g_assert_cmpint (victims->basis_points, ==, 1000);
  g_assert_nonnull (victims->reading);

  g_assert_cmpint (perpetrators->group, ==, WAYMARK_REACH_GROUP_PERPETRATORS);
  g_assert_null (perpetrators->need);
  g_assert_cmpint (perpetrators->basis_points, ==, -1);
  g_assert_nonnull (perpetrators->benchmark);
  g_assert_cmpstr (perpetrators->benchmark->value, ==, "1");
  g_assert_cmpint (perpetrators->benchmark->unit, ==, WAYMARK_CONTEXT_UNIT_PERCENT);

  /* 7 of 28,360: 2.468... basis points, 2 (0.02%); 14 of them: 4.936..., 5 (0.05%). */
  waymark_plan_edit (fixture->plan, cbt, "reach", 7, NULL);
  g_array_unref (coverage);
  coverage = waymark_plan_get_coverage (fixture->plan, fixture->catalogue);
  g_assert_cmpint (g_array_index (coverage, WaymarkCoverage, 0).basis_points, ==, 2);
  waymark_plan_edit (fixture->plan, cbt, "reach", 14, NULL);
  g_array_unref (coverage);
  coverage = waymark_plan_get_coverage (fixture->plan, fixture->catalogue);
  g_assert_cmpint (g_array_index (coverage, WaymarkCoverage, 0).basis_points, ==, 5);

  /* Without the review's figures, reach alone. */
  g_array_unref (coverage);
  coverage = waymark_plan_get_coverage (fixture->plan, NULL);
  g_assert_null (g_array_index (coverage, WaymarkCoverage, 0).need);
  g_assert_cmpint (g_array_index (coverage, WaymarkCoverage, 0).basis_points, ==, -1);
}

/* A local need (issue 14): where the review gives no count for a group, the commissioner's own,
 * with its source, makes the coverage; the review's ratio stays beside it; a review count is
 * never replaced by a local one. Worked by hand: 12 perpetrators of 340 is 3.529...%, 353 basis
 * points; 12 of 400 is 3%. */
static void
test_local_need (Fixture       *fixture,
                 gconstpointer  data)
{
  WaymarkPlanItem *mac = add (fixture, "make-a-change", 20);
  WaymarkPlanItem *cbt = add (fixture, "cbt-victims", 100);
  g_autoptr(GArray) coverage = NULL;
  const WaymarkCoverage *row;
  const char *source = NULL;
  guint changed;

  waymark_plan_edit (fixture->plan, mac, "reach", 12,
                     "reach-group", WAYMARK_REACH_GROUP_PERPETRATORS, NULL);
  waymark_plan_edit (fixture->plan, cbt, "reach", 2836,
                     "reach-group", WAYMARK_REACH_GROUP_VICTIMS, NULL);
  g_assert_cmpuint (waymark_plan_get_local_need (fixture->plan,
                                                 WAYMARK_REACH_GROUP_PERPETRATORS, &source), ==, 0);

  changed = fixture->changed;
  waymark_plan_set_local_need (fixture->plan, WAYMARK_REACH_GROUP_PERPETRATORS, 340,
                               "Probation caseload, J. Okafor, March 2026");
  g_assert_cmpuint (fixture->changed, ==, changed + 1);
  g_assert_cmpuint (waymark_plan_get_local_need (fixture->plan,
                                                 WAYMARK_REACH_GROUP_PERPETRATORS, &source), ==,
                    340);
  g_assert_cmpstr (source, ==, "Probation caseload, J. Okafor, March 2026");

  coverage = waymark_plan_get_coverage (fixture->plan, fixture->catalogue);
  g_assert_cmpuint (coverage->len, ==, 2);
  row = &g_array_index (coverage, WaymarkCoverage, 1);
  g_assert_cmpint (row->group, ==, WAYMARK_REACH_GROUP_PERPETRATORS);
  g_assert_true (row->need_is_local);
  g_assert_null (row->need);
  g_assert_cmpuint (row->need_people, ==, 340);
  g_assert_cmpuint (row->local_need, ==, 340);
  g_assert_cmpstr (row->local_source, ==, "Probation caseload, J. Okafor, March 2026");
  g_assert_cmpint (row->basis_points, ==, 353);
  /* The review's ratio is still there, beside the local count. */
  g_assert_nonnull (row->benchmark);
  g_assert_cmpstr (row->benchmark->as_written, ==,
                   "only 1% of DA perpetrators receive an intervention");

  /* The same figure again is no edit; another is one more, and undo takes it back. */
  changed = fixture->changed;
  waymark_plan_set_local_need (fixture->plan, WAYMARK_REACH_GROUP_PERPETRATORS, 340,
                               "Probation caseload, J. Okafor, March 2026");
  g_assert_cmpuint (fixture->changed, ==, changed);
  waymark_plan_set_local_need (fixture->plan, WAYMARK_REACH_GROUP_PERPETRATORS, 400,
                               "Probation caseload, J. Okafor, April 2026");
  g_array_unref (coverage);
  coverage = waymark_plan_get_coverage (fixture->plan, fixture->catalogue);
  g_assert_cmpint (g_array_index (coverage, WaymarkCoverage, 1).basis_points, ==, 300);
  waymark_plan_undo (fixture->plan);
  g_assert_cmpuint (waymark_plan_get_local_need (fixture->plan,
                                                 WAYMARK_REACH_GROUP_PERPETRATORS, &source), ==,
                    340);
  g_assert_cmpstr (source, ==, "Probation caseload, J. Okafor, March 2026");
  waymark_plan_undo (fixture->plan);
  g_assert_cmpuint (waymark_plan_get_local_need (fixture->plan,
                                                 WAYMARK_REACH_GROUP_PERPETRATORS, NULL), ==, 0);
  g_array_unref (coverage);
  coverage = waymark_plan_get_coverage (fixture->plan, fixture->catalogue);
  g_assert_cmpint (g_array_index (coverage, WaymarkCoverage, 1).basis_points, ==, -1);
  g_assert_false (g_array_index (coverage, WaymarkCoverage, 1).need_is_local);
  waymark_plan_redo (fixture->plan);

  /* A local count for victims is kept, but the review's 28,360 stays the need. */
  waymark_plan_set_local_need (fixture->plan, WAYMARK_REACH_GROUP_VICTIMS, 5000, "A guess");
  g_array_unref (coverage);
  coverage = waymark_plan_get_coverage (fixture->plan, fixture->catalogue);
  row = &g_array_index (coverage, WaymarkCoverage, 0);
  g_assert_nonnull (row->need);
  g_assert_false (row->need_is_local);
  g_assert_cmpuint (row->need_people, ==, 28360);
  g_assert_cmpint (row->basis_points, ==, 1000);
  g_assert_cmpuint (row->local_need, ==, 5000);

  /* 0 removes a figure, and its source with it. */
  waymark_plan_set_local_need (fixture->plan, WAYMARK_REACH_GROUP_VICTIMS, 0, "ignored");
  g_assert_cmpuint (waymark_plan_get_local_need (fixture->plan, WAYMARK_REACH_GROUP_VICTIMS,
                                                 &source), ==, 0);
  g_assert_cmpstr (source, ==, "");
}

static void
test_prefill (Fixture       *fixture,
              gconstpointer  data)
{
  WaymarkPlanItem *drive = add (fixture, "drive", 1);
  WaymarkPlanItem *cbt = add (fixture, "cbt-victims", 1);
  WaymarkPlanItem *dates = add (fixture, "safe-dates", 1);
  WaymarkPlanItem *screening = add (fixture, "dv-screening", 1);
  WaymarkPlanItem *iris = add (fixture, "iris", 1);

  /* The review's published figures, in pence, with the unit from the cost's basis. */
  g_assert_cmpint (waymark_plan_item_get_unit_cost (drive), ==, 240000);
  g_assert_cmpstr (waymark_plan_item_get_unit (drive), ==, "perpetrators");
  g_assert_cmpint (waymark_plan_item_get_cost_source (drive), ==, WAYMARK_COST_SOURCE_REVIEW);
  g_assert_cmpint (waymark_plan_item_get_unit_cost (cbt), ==, 6000);
  g_assert_cmpint (waymark_plan_item_get_unit_cost_high (cbt), ==, 10000);
  g_assert_cmpstr (waymark_plan_item_get_unit (cbt), ==, "sessions");
  g_assert_cmpstr (waymark_plan_item_get_unit (screening), ==,
                   "women registered at the clinic/practice per year");

  /* $395 is never silently converted: the item waits for pounds. */
  g_assert_false (waymark_plan_item_has_cost (dates));
  g_assert_cmpint (waymark_plan_item_get_published_cost (dates)->currency, ==,
                   WAYMARK_CURRENCY_USD);
  g_assert_cmpstr (waymark_plan_item_get_unit (dates), ==, "books");

  /* IRIS publishes a return, not a cost. */
  g_assert_false (waymark_plan_item_has_cost (iris));
  g_assert_null (waymark_plan_item_get_published_cost (iris));
}

static void
test_totals (Fixture       *fixture,
             gconstpointer  data)
{
  WaymarkPlanTotals totals;
  g_autoptr(GArray) levels = NULL;
  g_autoptr(GArray) evidence = NULL;
  WaymarkBreakdownSlice *slice;

  build_three_year_plan (fixture);
  waymark_plan_get_totals (fixture->plan, &totals);

  /* The first year: 10 x £1,500 + 12 x £375 + 20 x £2,970 + 40 x £2,400 + 100 x £60 (to £100).
   * The whole plan is the sum of its years: the second adds 2 x £2,400 for Drive and CBIM's
   * uplift, 10 x £37.50; the third 4 x £2,400 and 10 x £75.94 (£1,500 x 1.025^2 = £1,575.9375,
   * £1,575.94): 18,090,000 + 18,607,500 + 19,125,940 pence low, 18,490,000 + 19,007,500 +
   * 19,525,940 high. */
  g_assert_false (totals.overflow);
  g_assert_cmpint (totals.annual_low, ==, 18090000);
  g_assert_cmpint (totals.annual_high, ==, 18490000);
  g_assert_cmpint (totals.total_low, ==, 55823440);
  g_assert_cmpint (totals.total_high, ==, 57023440);
  g_assert_cmpint (totals.remaining_low, ==, 60000000 - 57023440);
  g_assert_cmpint (totals.remaining_high, ==, 60000000 - 55823440);
  g_assert_cmpint (totals.budget_per_year, ==, 20000000);
  g_assert_cmpuint (totals.n_items, ==, 6);
  g_assert_cmpuint (totals.n_without_cost, ==, 1);

  levels = waymark_plan_get_breakdown (fixture->plan, WAYMARK_BREAKDOWN_LEVEL);
  g_assert_cmpuint (levels->len, ==, 3);
  slice = &g_array_index (levels, WaymarkBreakdownSlice, 0);
  g_assert_cmpstr (slice->key, ==, "primary");
  g_assert_cmpint (slice->low, ==, 1500000 + 450000);
  g_assert_cmpuint (slice->n_items, ==, 2);
  slice = &g_array_index (levels, WaymarkBreakdownSlice, 1);
  g_assert_cmpint (slice->low, ==, 5940000 + 600000);
  g_assert_cmpint (slice->high, ==, 5940000 + 1000000);
  g_assert_cmpuint (slice->n_items, ==, 3);
  slice = &g_array_index (levels, WaymarkBreakdownSlice, 2);
  g_assert_cmpint (slice->low, ==, 9600000);

  evidence = waymark_plan_get_breakdown (fixture->plan, WAYMARK_BREAKDOWN_EVIDENCE);
  g_assert_cmpuint (evidence->len, ==, 5);
  /* high: CBIM and IRIS (no cost); moderate: RwF, MAC, Drive, CBT for victims. */
  g_assert_cmpstr (g_array_index (evidence, WaymarkBreakdownSlice, 0).key, ==, "high");
  g_assert_cmpint (g_array_index (evidence, WaymarkBreakdownSlice, 0).low, ==, 1500000);
  g_assert_cmpuint (g_array_index (evidence, WaymarkBreakdownSlice, 0).n_items, ==, 2);
  g_assert_cmpstr (g_array_index (evidence, WaymarkBreakdownSlice, 1).key, ==, "moderate");
  g_assert_cmpint (g_array_index (evidence, WaymarkBreakdownSlice, 1).low, ==,
                   450000 + 5940000 + 9600000 + 600000);
}

static void
test_overflow (Fixture       *fixture,
               gconstpointer  data)
{
  WaymarkPlanItem *item = add (fixture, "drive", WAYMARK_PLAN_MAX_QUANTITY);
  WaymarkPlanTotals totals;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gint64 low, high;

  /* A million perpetrators at £1bn each cannot be added up in pence: say so, never wrap. */
  waymark_plan_set_item_cost (fixture->plan, item, WAYMARK_MONEY_MAX, WAYMARK_MONEY_MAX,
                              WAYMARK_COST_SOURCE_ESTIMATE);
  g_assert_false (waymark_plan_item_get_line_total (item, &low, &high));
  waymark_plan_get_totals (fixture->plan, &totals);
  g_assert_true (totals.overflow);
  g_assert_cmpint (totals.total_high, ==, 0);

  /* The largest line that fits: a million sessions at £1,000. */
  waymark_plan_set_item_cost (fixture->plan, item, 100000, 100000, WAYMARK_COST_SOURCE_ESTIMATE);
  g_assert_true (waymark_plan_item_get_line_total (item, &low, &high));
  g_assert_cmpint (low, ==, G_GINT64_CONSTANT (100000000000));
  waymark_plan_edit (fixture->plan, fixture->plan, "years", 10, NULL);
  waymark_plan_get_totals (fixture->plan, &totals);
  g_assert_false (totals.overflow);
  g_assert_cmpint (totals.total_low, ==, G_GINT64_CONSTANT (1000000000000));
  waymark_plan_set_item_cost (fixture->plan, item, WAYMARK_MONEY_MAX, WAYMARK_MONEY_MAX,
                              WAYMARK_COST_SOURCE_ESTIMATE);
  waymark_plan_get_totals (fixture->plan, &totals);
  g_assert_true (totals.overflow);

  json = waymark_plan_to_json (fixture->plan, fixture->catalogue, &error);
  g_assert_null (json);
  g_assert_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_TOTAL_TOO_LARGE);

  /* Quantities above a million are clamped by the property itself. */
  waymark_plan_edit (fixture->plan, item, "quantity", WAYMARK_PLAN_MAX_QUANTITY + 1, NULL);
  g_assert_cmpuint (waymark_plan_item_get_quantity (item), ==, WAYMARK_PLAN_MAX_QUANTITY);
}

static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  WaymarkPlanItem *drive;

  g_assert_false (waymark_plan_can_undo (fixture->plan));
  g_assert_false (waymark_plan_get_modified (fixture->plan));

  drive = add (fixture, "drive", 40);  /* two steps: add, then quantity */
  g_assert_true (waymark_plan_get_modified (fixture->plan));
  waymark_plan_mark_saved (fixture->plan);
  g_assert_false (waymark_plan_get_modified (fixture->plan));

  waymark_plan_set_item_cost (fixture->plan, drive, 250000, 0, WAYMARK_COST_SOURCE_LOCAL_QUOTE);
  g_assert_cmpint (waymark_plan_item_get_unit_cost (drive), ==, 250000);
  g_assert_cmpint (waymark_plan_item_get_unit_cost_high (drive), ==, 250000);

  /* One undo reverts the whole cost edit (amount, range and source together). */
  waymark_plan_undo (fixture->plan);
  g_assert_cmpint (waymark_plan_item_get_unit_cost (drive), ==, 240000);
  g_assert_cmpint (waymark_plan_item_get_cost_source (drive), ==, WAYMARK_COST_SOURCE_REVIEW);
  g_assert_false (waymark_plan_get_modified (fixture->plan));
  g_assert_true (waymark_plan_can_redo (fixture->plan));

  waymark_plan_redo (fixture->plan);
  g_assert_cmpint (waymark_plan_item_get_unit_cost (drive), ==, 250000);
  g_assert_true (waymark_plan_get_modified (fixture->plan));

  /* Removing and undoing puts the same item back where it was. */
  add (fixture, "marac", 1);
  waymark_plan_remove_item (fixture->plan, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->plan)), ==, 1);
  waymark_plan_undo (fixture->plan);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->plan)), ==, 2);
  g_assert_true (g_list_model_get_item (G_LIST_MODEL (fixture->plan), 0) == (gpointer) drive);
  g_object_unref (drive);

  /* A new edit after an undo forgets the redo. */
  waymark_plan_edit (fixture->plan, fixture->plan, "title", "Draft", NULL);
  g_assert_false (waymark_plan_can_redo (fixture->plan));

  /* Setting what is already there is not an edit. */
  fixture->changed = 0;
  waymark_plan_edit (fixture->plan, fixture->plan, "title", "Draft", NULL);
  g_assert_cmpuint (fixture->changed, ==, 0);

  /* Everything can be undone back to the empty plan. */
  while (waymark_plan_can_undo (fixture->plan))
    waymark_plan_undo (fixture->plan);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->plan)), ==, 0);
  g_assert_cmpstr (waymark_plan_get_title (fixture->plan), ==, "");
}

static char *
item_ids (WaymarkPlan *plan)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (plan)); i++)
    {
      g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

      g_string_append_printf (out, "%s%s", out->len ? "," : "",
                              waymark_plan_item_get_intervention_id (item));
    }

  return g_string_free (out, FALSE);
}

/* Several added at once (Add Selected to Plan) are one edit: one undo takes them all away. */
static void
test_add_several (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *ids[] = { "drive", "iris", "marac" };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  add (fixture, "cara", 1);
  before = item_ids (fixture->plan);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_ptr_array_add (items, waymark_plan_item_new_for_intervention (
                       waymark_catalogue_lookup (fixture->catalogue, ids[i])));

  fixture->changed = 0;
  waymark_plan_add_items (fixture->plan, items);
  g_assert_cmpuint (fixture->changed, ==, 1);
  after = item_ids (fixture->plan);
  g_assert_cmpstr (after, ==, "cara,drive,iris,marac");

  waymark_plan_undo (fixture->plan);
  undone = item_ids (fixture->plan);
  g_assert_cmpstr (undone, ==, before);

  /* Redo brings back the same items, in the same order. */
  waymark_plan_redo (fixture->plan);
  redone = item_ids (fixture->plan);
  g_assert_cmpstr (redone, ==, "cara,drive,iris,marac");
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (G_LIST_MODEL (fixture->plan), i + 1);

      g_assert_true (item == g_ptr_array_index (items, i));
    }
}

static char *
warning_ids (WaymarkPlan *plan)
{
  g_autoptr(GPtrArray) warnings = waymark_plan_list_warnings (plan);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < warnings->len; i++)
    {
      WaymarkPlanWarning *w = g_ptr_array_index (warnings, i);
      g_string_append_printf (out, "%s%s%s", out->len ? " " : "", w->id, w->dismissed ? "(x)" : "");
    }

  return g_string_free (out, FALSE);
}

static void
test_warnings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *empty = warning_ids (fixture->plan);
  g_autofree char *drive_only = NULL;
  g_autofree char *balanced = NULL;
  g_autofree char *dismissed = NULL;

  g_assert_cmpstr (empty, ==, "");

  add (fixture, "drive", 10);
  drive_only = warning_ids (fixture->plan);
  g_assert_cmpstr (drive_only, ==,
                   "no-primary no-young-people no-sexual-violence no-older-people");

  add (fixture, "coaching-boys-into-men", 5);  /* primary, young men 13-25, DA and SV */
  add (fixture, "second-responder", 1);        /* LOW evidence, LOW impact, in place */
  add (fixture, "safe-dates", 1);              /* costed in dollars only */
  g_free (balanced);
  balanced = warning_ids (fixture->plan);
  g_assert_cmpstr (balanced, ==,
                   "no-older-people "
                   "low-evidence-low-impact:second-responder already-in-place:second-responder "
                   "no-cost:coaching-boys-into-men no-cost:second-responder no-cost:safe-dates");
  /* Older people are reached when the commissioner says an item reaches them (issue 14). */
  waymark_plan_edit (fixture->plan, waymark_plan_find_item (fixture->plan, "second-responder",
                                                            NULL),
                     "reach-group", WAYMARK_REACH_GROUP_OLDER_PEOPLE, NULL);
  g_free (balanced);
  balanced = warning_ids (fixture->plan);
  g_assert_cmpstr (balanced, ==,
                   "low-evidence-low-impact:second-responder already-in-place:second-responder "
                   "no-cost:coaching-boys-into-men no-cost:second-responder no-cost:safe-dates");

  waymark_plan_dismiss_warning (fixture->plan, "already-in-place:second-responder");
  dismissed = warning_ids (fixture->plan);
  g_assert_nonnull (strstr (dismissed, "already-in-place:second-responder(x)"));

  {
    g_autoptr(GPtrArray) warnings = waymark_plan_list_warnings (fixture->plan);
    WaymarkPlanWarning *dollars = g_ptr_array_index (warnings, warnings->len - 1);

    g_assert_cmpstr (dollars->items[0], ==, "safe-dates");
    g_assert_cmpstr (dollars->message, ==,
                     "Safe Dates has a cost published in USD only: enter a figure in pounds.");
  }

  /* Dismissing is an edit like any other. */
  waymark_plan_undo (fixture->plan);
  g_free (dismissed);
  dismissed = warning_ids (fixture->plan);
  g_assert_null (strstr (dismissed, "(x)"));
}

/* Each gap warning quotes the review and names the heading its words are under (issue 14); the
 * quote is found under that heading in the review itself. Warnings about the plan's own figures
 * quote nothing. */
static void
test_warnings_cite_the_review (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) warnings = NULL;
  guint n_cited = 0;

  add (fixture, "iris", 1);  /* secondary, DA, adults, no perpetrators: every gap warning */
  warnings = waymark_plan_list_warnings (fixture->plan);
  for (guint i = 0; i < warnings->len; i++)
    {
      WaymarkPlanWarning *warning = g_ptr_array_index (warnings, i);

      if (warning->items[0] != NULL)
        {
          g_assert_null (warning->quote);
          g_assert_null (warning->section);
          continue;
        }
      g_assert_nonnull (warning->quote);
      g_assert_nonnull (warning->section);
      if (!test_review_has_under_heading (warning->quote, warning->section))
        g_error ("%s: “%s” is not under “%s” in the review", warning->id, warning->quote,
                 warning->section);
      n_cited++;
    }
  g_assert_cmpuint (n_cited, ==, 5);
}

/* Funding streams (issue 14): an item funded from the perpetrator fund past the period the
 * review gives it (2023-2025), or funded for people it does not work with, is warned about,
 * quoting the review under its heading; spend is broken down by funding source. */
static void
test_warnings_funding (Fixture       *fixture,
                       gconstpointer  data)
{
  WaymarkPlanItem *drive = add (fixture, "drive", 1);      /* perpetrators */
  WaymarkPlanItem *iris = add (fixture, "iris", 1);        /* professionals, not victims */
  g_autofree char *ids = NULL;
  g_autoptr(GArray) funding = NULL;

  waymark_plan_edit (fixture->plan, fixture->plan, "start-year", 2024, "years", 2, NULL);
  waymark_plan_edit (fixture->plan, drive, "funding-source",
                     WAYMARK_FUNDING_SOURCE_HOME_OFFICE_PERPETRATOR, NULL);
  ids = warning_ids (fixture->plan);
  g_assert_null (strstr (ids, "funding"));  /* 2024 to 2025: within; Drive: perpetrators */

  waymark_plan_edit (fixture->plan, fixture->plan, "years", 3, NULL);  /* to 2026 */
  waymark_plan_edit (fixture->plan, iris, "funding-source",
                     WAYMARK_FUNDING_SOURCE_HOME_OFFICE_PERPETRATOR, NULL);
  g_free (ids);
  ids = warning_ids (fixture->plan);
  g_assert_nonnull (strstr (ids, "funding-period:drive"));
  g_assert_nonnull (strstr (ids, "funding-period:iris"));
  g_assert_nonnull (strstr (ids, "funding-purpose:iris"));
  g_assert_null (strstr (ids, "funding-purpose:drive"));

  {
    g_autoptr(GPtrArray) warnings = waymark_plan_list_warnings (fixture->plan);

    for (guint i = 0; i < warnings->len; i++)
      {
        WaymarkPlanWarning *w = g_ptr_array_index (warnings, i);

        if (g_str_equal (w->id, "funding-period:drive"))
          g_assert_cmpstr (w->message, ==,
                           "Drive project is funded from Home Office perpetrator funding, which "
                           "the review gives for 2023-2025; this plan runs to 2026/27.");
        if (g_str_has_prefix (w->id, "funding-"))
          {
            g_assert_nonnull (w->quote);
            if (!test_review_has_under_heading (w->quote, w->section))
              g_error ("%s: “%s” is not under “%s”", w->id, w->quote, w->section);
          }
      }
  }

  /* Victims' funding for IRIS, which works with professionals: its purpose is victims. */
  waymark_plan_edit (fixture->plan, iris, "funding-source", WAYMARK_FUNDING_SOURCE_PCC_VICTIMS,
                     NULL);
  g_free (ids);
  ids = warning_ids (fixture->plan);
  g_assert_nonnull (strstr (ids, "funding-purpose:iris"));
  g_assert_null (strstr (ids, "funding-period:iris"));  /* the review gives PCCs no period */

  /* Spend by funding source: Drive's £2,400 under the perpetrator fund. */
  funding = waymark_plan_get_breakdown (fixture->plan, WAYMARK_BREAKDOWN_FUNDING);
  g_assert_cmpstr (g_array_index (funding, WaymarkBreakdownSlice,
                                  WAYMARK_FUNDING_SOURCE_HOME_OFFICE_PERPETRATOR).key, ==,
                   "home-office-perpetrator");
  g_assert_cmpint (g_array_index (funding, WaymarkBreakdownSlice,
                                  WAYMARK_FUNDING_SOURCE_HOME_OFFICE_PERPETRATOR).low, ==, 240000);
  g_assert_cmpuint (g_array_index (funding, WaymarkBreakdownSlice,
                                   WAYMARK_FUNDING_SOURCE_PCC_VICTIMS).n_items, ==, 1);
}

/* A named local funding stream (issue 14): an item funded from "other" names it; spend by
 * funding source counts each name apart, after the review's streams, and an unnamed "other"
 * as other. Worked by hand: Drive 1 × £2,400; MAC 1 × £59,400 (the review's figures, see
 * test_prefill); CBT 1 × £60. */
static void
test_funding_name (Fixture       *fixture,
                   gconstpointer  data)
{
  WaymarkPlanItem *drive = add (fixture, "drive", 1);
  WaymarkPlanItem *mac = add (fixture, "make-a-change", 1);
  WaymarkPlanItem *cbt = add (fixture, "cbt-victims", 1);
  g_autoptr(GArray) funding = NULL;
  const WaymarkBreakdownSlice *slice;
  gint64 mac_low, mac_high, cbt_low, cbt_high;

  g_assert_true (waymark_plan_item_get_line_total (mac, &mac_low, &mac_high));
  g_assert_true (waymark_plan_item_get_line_total (cbt, &cbt_low, &cbt_high));
  g_assert_cmpstr (waymark_plan_item_get_funding_name (drive), ==, "");
  waymark_plan_edit (fixture->plan, drive, "funding-source", WAYMARK_FUNDING_SOURCE_OTHER,
                     "funding-name", "Rutland County Council", NULL);
  waymark_plan_edit (fixture->plan, mac, "funding-source", WAYMARK_FUNDING_SOURCE_OTHER,
                     "funding-name", "Rutland County Council", NULL);
  waymark_plan_edit (fixture->plan, cbt, "funding-source", WAYMARK_FUNDING_SOURCE_OTHER, NULL);
  g_assert_cmpstr (waymark_plan_item_get_funding_name (drive), ==, "Rutland County Council");

  funding = waymark_plan_get_breakdown (fixture->plan, WAYMARK_BREAKDOWN_FUNDING);
  g_assert_cmpuint (funding->len, ==, WAYMARK_FUNDING_SOURCE_OTHER + 2);
  slice = &g_array_index (funding, WaymarkBreakdownSlice, WAYMARK_FUNDING_SOURCE_OTHER);
  g_assert_cmpstr (slice->key, ==, "other");
  g_assert_cmpuint (slice->n_items, ==, 1);
  g_assert_cmpint (slice->low, ==, cbt_low);
  slice = &g_array_index (funding, WaymarkBreakdownSlice, WAYMARK_FUNDING_SOURCE_OTHER + 1);
  g_assert_cmpstr (slice->key, ==, "other:Rutland County Council");
  g_assert_cmpstr (slice->label, ==, "Rutland County Council");
  g_assert_cmpuint (slice->n_items, ==, 2);
  g_assert_cmpint (slice->low, ==, 240000 + mac_low);

  /* Another name is another slice; undo puts the name back. */
  waymark_plan_edit (fixture->plan, mac, "funding-name", "Lottery Community Fund", NULL);
  g_array_unref (funding);
  funding = waymark_plan_get_breakdown (fixture->plan, WAYMARK_BREAKDOWN_FUNDING);
  g_assert_cmpuint (funding->len, ==, WAYMARK_FUNDING_SOURCE_OTHER + 3);
  g_assert_cmpstr (g_array_index (funding, WaymarkBreakdownSlice,
                                  WAYMARK_FUNDING_SOURCE_OTHER + 2).label, ==,
                   "Lottery Community Fund");
  g_assert_cmpint (g_array_index (funding, WaymarkBreakdownSlice,
                                  WAYMARK_FUNDING_SOURCE_OTHER + 2).low, ==, mac_low);
  waymark_plan_undo (fixture->plan);
  g_assert_cmpstr (waymark_plan_item_get_funding_name (mac), ==, "Rutland County Council");

  /* A name on a stream of the review's is not a local stream: it counts under that stream. */
  waymark_plan_edit (fixture->plan, drive, "funding-source",
                     WAYMARK_FUNDING_SOURCE_HOME_OFFICE_PERPETRATOR, NULL);
  g_array_unref (funding);
  funding = waymark_plan_get_breakdown (fixture->plan, WAYMARK_BREAKDOWN_FUNDING);
  g_assert_cmpint (g_array_index (funding, WaymarkBreakdownSlice,
                                  WAYMARK_FUNDING_SOURCE_HOME_OFFICE_PERPETRATOR).low, ==, 240000);
  g_assert_cmpint (g_array_index (funding, WaymarkBreakdownSlice,
                                  WAYMARK_FUNDING_SOURCE_OTHER + 1).low, ==, mac_low);
}

/* Against a budget, the plan's totals (computed): over when even the lower total is more; may
 * exceed when only the higher is; nothing when within, or with no budget. The figures are the
 * plan's own, worked by hand here. */
static void
test_warnings_budget (Fixture       *fixture,
                      gconstpointer  data)
{
  WaymarkPlanItem *item;
  g_autofree char *ids = NULL;

  /* One item of a local cost range, £1,000 to £3,000 a year, for two years: £2,000 to £6,000. */
  item = add (fixture, "drive", 1);
  waymark_plan_set_item_cost (fixture->plan, item, 100000, 300000, WAYMARK_COST_SOURCE_ESTIMATE);
  waymark_plan_edit (fixture->plan, fixture->plan, "years", 2, NULL);

  ids = warning_ids (fixture->plan);
  g_assert_null (strstr (ids, "budget"));  /* no budget set */

  waymark_plan_edit (fixture->plan, fixture->plan, "budget", (gint64) 600000, NULL);  /* £6,000: the higher total, exactly */
  g_free (ids);
  ids = warning_ids (fixture->plan);
  g_assert_null (strstr (ids, "budget"));

  waymark_plan_edit (fixture->plan, fixture->plan, "budget", (gint64) 500000, NULL);  /* £5,000: between the two */
  {
    g_autoptr(GPtrArray) warnings = waymark_plan_list_warnings (fixture->plan);
    WaymarkPlanWarning *first = g_ptr_array_index (warnings, 0);

    g_assert_cmpstr (first->id, ==, "may-exceed-budget");
    g_assert_cmpstr (first->message, ==,
                     "May exceed the budget: the higher total, £6,000, is £1,000 more than the "
                     "budget of £5,000; the lower, £2,000, is within it.");
    g_assert_null (first->quote);
  }

  waymark_plan_edit (fixture->plan, fixture->plan, "budget", (gint64) 150000, NULL);  /* £1,500: under even the lower total */
  {
    g_autoptr(GPtrArray) warnings = waymark_plan_list_warnings (fixture->plan);
    WaymarkPlanWarning *first = g_ptr_array_index (warnings, 0);

    g_assert_cmpstr (first->id, ==, "over-budget");
    g_assert_cmpstr (first->message, ==,
                     "Over budget: even the lower total, £2,000, is £500 more than the budget "
                     "of £1,500.");
  }

  /* One figure, not a range: no "lower" total to speak of. */
  waymark_plan_set_item_cost (fixture->plan, item, 100000, 100000, WAYMARK_COST_SOURCE_ESTIMATE);
  {
    g_autoptr(GPtrArray) warnings = waymark_plan_list_warnings (fixture->plan);
    WaymarkPlanWarning *first = g_ptr_array_index (warnings, 0);

    g_assert_cmpstr (first->message, ==,
                     "Over budget: the total, £2,000, is £500 more than the budget of £1,500.");
  }

  /* Dismissed like the others, and gone once the plan is within the budget again. */
  waymark_plan_dismiss_warning (fixture->plan, "over-budget");
  g_free (ids);
  ids = warning_ids (fixture->plan);
  g_assert_nonnull (strstr (ids, "over-budget(x)"));
  waymark_plan_edit (fixture->plan, fixture->plan, "budget", (gint64) 1000000, NULL);
  g_free (ids);
  ids = warning_ids (fixture->plan);
  g_assert_null (strstr (ids, "budget"));
}

static char *
golden_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "golden", name, NULL);
}

static void
assert_golden (const char *text,
               const char *name)
{
  g_autofree char *path = golden_path (name);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("WAYMARK_UPDATE_GOLDEN") != NULL)
    {
      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      return;
    }

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_golden_exports (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;

  build_three_year_plan (fixture);
  json = waymark_plan_to_json (fixture->plan, fixture->catalogue, &error);
  g_assert_no_error (error);
  assert_golden (json, "plan-three-year.waymark");

  csv = waymark_plan_to_csv (fixture->plan, fixture->catalogue, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "intervention_id,intervention,level,focus,"
                                   "evidence_rating,impact_rating,quantity,unit,unit_cost_gbp,"
                                   "unit_cost_high_gbp,line_total_gbp,line_total_high_gbp,"
                                   "cost_source,funding_source,provider,notes"));
  /* Formula-like text is neutralised; the line break inside a note is kept, quoted. */
  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK(\"\"http://example.invalid\"\")\","));
  g_assert_nonnull (strstr (csv, "\"Early intervention before escalation;\nlinked partner support\""));
  assert_golden (csv, "plan-three-year.csv");
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = golden_path ("plan-three-year.waymark");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkPlan) plan = NULL;
  g_autofree char *original = NULL;
  g_autofree char *again = NULL;

  /* Open, save, and the bytes are the same. */
  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  plan = waymark_plan_new_from_file (file, fixture->catalogue, &error);
  g_assert_no_error (error);
  g_assert_false (waymark_plan_get_modified (plan));
  g_assert_false (waymark_plan_can_undo (plan));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 6);
  again = waymark_plan_to_json (plan, fixture->catalogue, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, original);
}

static void
test_missing_intervention_kept (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = golden_path ("plan-three-year.waymark");
  g_autofree char *text = NULL;
  g_autofree char *renamed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkPlan) plan = NULL;
  g_autoptr(WaymarkPlanItem) item = NULL;
  g_autofree char *ids = NULL;

  /* A plan from a catalogue that had an intervention this one lacks. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  renamed = test_replace_once (text, "\"intervention_id\" : \"drive\"",
                               "\"intervention_id\" : \"drive-2031\"");
  bytes = g_bytes_new (renamed, strlen (renamed));

  plan = waymark_plan_new_from_bytes (bytes, "old.waymark", fixture->catalogue, &error);
  g_assert_no_error (error);
  item = g_list_model_get_item (G_LIST_MODEL (plan), 4);
  g_assert_cmpstr (waymark_plan_item_get_intervention_id (item), ==, "drive-2031");
  g_assert_true (waymark_plan_item_get_missing (item));
  g_assert_cmpstr (waymark_plan_item_get_name (item), ==, "Drive project");
  g_assert_cmpint (waymark_plan_item_get_impact_rating (item), ==, WAYMARK_RATING_HIGH);
  g_assert_cmpint (waymark_plan_item_get_unit_cost (item), ==, 240000);
  ids = warning_ids (plan);
  g_assert_nonnull (strstr (ids, "missing-from-catalogue:drive-2031"));
}

static void
test_bad_plans (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = golden_path ("plan-three-year.waymark");
  g_autofree char *good = NULL;
  struct { const char *from; const char *to; const char *message; } cases[] = {
    { "\"version\" : 3", "\"version\" : 4",
      "bad.waymark: this plan was made by a newer version of Waymark (plan format 4; this "
      "version reads up to 3): update Waymark to open it" },
    { "\"format\" : \"waymark-plan\"", "\"format\" : \"waymark-catalogue\"",
      "bad.waymark: this is not a Waymark plan: format is \"waymark-catalogue\", not "
      "\"waymark-plan\"" },
    { "\"quantity\" : 40", "\"quantity\" : 1000001",
      "bad.waymark: item \"drive\": quantity is 1000001; it should be between 0 and 1000000" },
    { "\"quantity\" : 40", "\"quantity\" : -4",
      "bad.waymark: item \"drive\": quantity is -4; it should be between 0 and 1000000" },
    { "\"unit_cost_pence\" : 240000", "\"unit_cost_pence\" : \"£2,400\"",
      "bad.waymark: item \"drive\": unit_cost_pence should be a whole number, not text" },
    { "\"unit_cost_pence\" : 240000", "\"unit_cost_pence\" : 250000",
      "bad.waymark: item \"drive\": unit_cost_high_pence (240000) is less than unit_cost_pence "
      "(250000)" },
    { "\"currency\" : \"GBP\"", "\"currency\" : \"EUR\"",
      "bad.waymark: currency \"EUR\" is not GBP: plans are costed in pounds" },
    { "\"years\" : 3", "\"years\" : 0",
      "bad.waymark: years is 0; it should be between 1 and 10" },
    { "\"cost_source\" : \"review\"", "\"cost_source\" : \"guess\"",
      "bad.waymark: item \"relationships-without-fear\": cost_source \"guess\" is not one of "
      "review, local-quote, estimate" },
    { "\"exported_at\" : \"2026-11-26T09:30:00Z\"", "\"exported_at\" : \"yesterday\"",
      "bad.waymark: exported_at \"yesterday\" is not a date and time such as "
      "2026-11-26T09:30:00Z" },
    { "\"intervention_id\" : \"drive\"", "\"intervention_id\" : \"iris\"",
      "bad.waymark: items[4]: \"iris\" is in the plan twice" },
  };

  g_assert_true (g_file_get_contents (path, &good, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = test_replace_once (good, cases[i].from, cases[i].to);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkPlan) plan = NULL;

      bytes = g_bytes_new (bad, strlen (bad));
      plan = waymark_plan_new_from_bytes (bytes, "bad.waymark", fixture->catalogue, &error);
      g_assert_null (plan);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* Regression tests for issue 11's findings about reading plans: each edits the golden plan the
 * way a hostile or broken file would, and expects a refusal that says where and why. */

/* The golden plan with the first `from` replaced by `to`, opened. */
static WaymarkPlan *
open_edited (Fixture     *fixture,
             const char  *from,
             const char  *to,
             GError     **error)
{
  g_autofree char *path = golden_path ("plan-three-year.waymark");
  g_autofree char *good = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (path, &good, NULL, NULL));
  edited = test_replace_once (good, from, to);
  bytes = g_bytes_new (edited, strlen (edited));

  return waymark_plan_new_from_bytes (bytes, "bad.waymark", fixture->catalogue, error);
}

static void
assert_refused (Fixture    *fixture,
                const char *from,
                const char *to,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkPlan) plan = open_edited (fixture, from, to, &error);

  g_assert_null (plan);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, message);
}

/* A plan written before reach existed has none of its keys: it opens, with no reach recorded;
 * a plan with them is read as strictly as the rest (issue 14). */
static void
test_reach_keys (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *keys =
    "      \"reach\" : 20,\n"
    "      \"reach_group\" : \"perpetrators\",\n"
    "      \"reach_source\" : \"Provider's referral forecast, A. Commissioner, Nov 2026\",\n"
    "      \"cost_per_person_pence\" : 297000,\n"
    "      \"cost_per_person_high_pence\" : 297000,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkPlan) old = open_edited (fixture, keys, "", &error);
  g_autoptr(WaymarkPlanItem) mac = NULL;

  g_assert_no_error (error);
  mac = g_list_model_get_item (G_LIST_MODEL (old), 3);
  g_assert_cmpstr (waymark_plan_item_get_intervention_id (mac), ==, "make-a-change");
  g_assert_cmpuint (waymark_plan_item_get_reach (mac), ==, 0);
  g_assert_cmpint (waymark_plan_item_get_reach_group (mac), ==, WAYMARK_REACH_GROUP_UNSPECIFIED);
  g_assert_cmpstr (waymark_plan_item_get_reach_source (mac), ==, "");

  assert_refused (fixture, "\"reach\" : 20", "\"reach\" : 0",
                  "bad.waymark: item \"make-a-change\": reach is 0; it should be between 1 and "
                  "1000000");
  assert_refused (fixture, "\"reach_group\" : \"perpetrators\"",
                  "\"reach_group\" : \"villains\"",
                  "bad.waymark: item \"make-a-change\": reach_group \"villains\" is not one of "
                  "unspecified, victims, perpetrators, children-young-people, community, "
                  "professionals, older-people");
  assert_refused (fixture,
                  "\"reach_source\" : \"Provider's referral forecast, A. Commissioner, Nov 2026\"",
                  "\"reach_source\" : null",
                  "bad.waymark: item \"make-a-change\": reach_source is null; it should be text "
                  "(\"\" for none)");
}

/* local_needs (issue 14) is written with each figure's kind and source and read back; a plan
 * written before has none and opens with none; a broken one is refused, saying where. */
static void
test_local_need_keys (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *entry =
    "    {\n"
    "      \"reach_group\" : \"perpetrators\",\n"
    "      \"people\" : 340,\n"
    "      \"kind\" : \"local\",\n"
    "      \"source\" : \"Probation caseload, J. Okafor, March 2026\"\n"
    "    }\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = golden_path ("plan-three-year.waymark");
  g_autofree char *text = NULL;
  g_autoptr(WaymarkPlan) plan = NULL;
  g_autoptr(WaymarkPlan) old = NULL;
  const char *source = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, entry));
  g_assert_nonnull (strstr (text, "\"need\" : 340,\n      \"need_kind\" : \"local\",\n"
                                  "      \"need_source\" : \"Probation caseload, J. Okafor, "
                                  "March 2026\",\n      \"coverage_percent\" : \"5.88\""));

  plan = open_edited (fixture, "\"version\" : 3", "\"version\" : 3", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (waymark_plan_get_local_need (plan, WAYMARK_REACH_GROUP_PERPETRATORS,
                                                 &source), ==, 340);
  g_assert_cmpstr (source, ==, "Probation caseload, J. Okafor, March 2026");
  g_assert_false (waymark_plan_can_undo (plan));

  /* Before issue 14: no local_needs at all. */
  {
    g_autofree char *without = test_replace_once (text, "  \"local_needs\" : [\n", "");
    g_autofree char *cut = NULL;
    g_autoptr(GBytes) bytes = NULL;

    cut = test_replace_once (without, entry, "");
    g_free (without);
    without = test_replace_once (cut, "  ],\n  \"totals\"", "  \"totals\"");
    bytes = g_bytes_new (without, strlen (without));
    old = waymark_plan_new_from_bytes (bytes, "old.waymark", fixture->catalogue, &error);
    g_assert_no_error (error);
    g_assert_true (waymark_local_needs_is_empty (waymark_plan_get_local_needs (old)));
  }

  assert_refused (fixture, "\"people\" : 340", "\"people\" : 0",
                  "bad.waymark: local_needs[0]: people is 0; it should be between 1 and "
                  "100000000");
  assert_refused (fixture, "\"kind\" : \"local\"", "\"kind\" : \"review\"",
                  "bad.waymark: local_needs[0]: kind \"review\" is not \"local\": a plan "
                  "records only its own counts of need");
  assert_refused (fixture, "\"reach_group\" : \"perpetrators\",\n      \"people\"",
                  "\"reach_group\" : \"unspecified\",\n      \"people\"",
                  "bad.waymark: local_needs[0]: reach_group is \"unspecified\": a need is for a "
                  "group");
  assert_refused (fixture, "\"source\" : \"Probation caseload, J. Okafor, March 2026\"\n",
                  "\"source\" : null\n",
                  "bad.waymark: local_needs[0]: source is null; it should be text (\"\" for "
                  "none)");
}

/* funding_name (issue 14) is read back; a plan written before has none, and opens with no name;
 * null is refused, as for any text. */
static void
test_funding_name_key (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = golden_path ("plan-three-year.waymark");
  g_autofree char *text = NULL;
  g_autofree char *old_text = NULL;
  g_autoptr(GRegex) key = g_regex_new ("^ *\"funding_name\" : \".*\",\n", G_REGEX_MULTILINE,
                                       0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WaymarkPlan) plan = NULL;
  g_autoptr(WaymarkPlan) old = NULL;
  g_autoptr(WaymarkPlanItem) cbim = NULL;
  g_autoptr(WaymarkPlanItem) old_cbim = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  plan = open_edited (fixture, "\"version\" : 3", "\"version\" : 3", &error);
  g_assert_no_error (error);
  cbim = g_list_model_get_item (G_LIST_MODEL (plan), 0);
  g_assert_cmpint (waymark_plan_item_get_funding_source (cbim), ==, WAYMARK_FUNDING_SOURCE_OTHER);
  g_assert_cmpstr (waymark_plan_item_get_funding_name (cbim), ==,
                   "Leicester City Council public health grant");

  old_text = g_regex_replace_literal (key, text, -1, 0, "", 0, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (old_text, "funding_name"));
  bytes = g_bytes_new (old_text, strlen (old_text));
  old = waymark_plan_new_from_bytes (bytes, "old.waymark", fixture->catalogue, &error);
  g_assert_no_error (error);
  old_cbim = g_list_model_get_item (G_LIST_MODEL (old), 0);
  g_assert_cmpstr (waymark_plan_item_get_funding_name (old_cbim), ==, "");

  assert_refused (fixture, "\"funding_name\" : \"Leicester City Council public health grant\"",
                  "\"funding_name\" : null",
                  "bad.waymark: item \"coaching-boys-into-men\": funding_name is null; it should "
                  "be text (\"\" for none)");
}

static void
test_finding_4_deep_nesting (Fixture       *fixture,
                             gconstpointer  data)
{
  /* About 75,000 [ overflowed json-glib's recursive parser (a crash, not a message). */
  g_autofree char *deep = g_strnfill (200000, '[');
  g_autofree char *text = g_strconcat ("{\"format\" : \"waymark-plan\", \"title\" : ", deep, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkPlan) plan = waymark_plan_new_from_bytes (bytes, "deep.waymark",
                                                             fixture->catalogue, &error);

  g_assert_null (plan);
  g_assert_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==,
                   "deep.waymark: line 1, column 102: lists and objects are nested more than 64 "
                   "deep, which no Waymark file needs");
}

static void
test_finding_5_leading_zero (Fixture       *fixture,
                             gconstpointer  data)
{
  /* json-glib read 040 as 32. */
  assert_refused (fixture, "\"quantity\" : 40", "\"quantity\" : 040",
                  "bad.waymark: line 292, column 20: 040 is not a number JSON allows: a number "
                  "must not start with 0 (write 10, not 010)");
}

static void
test_finding_5_hex (Fixture       *fixture,
                    gconstpointer  data)
{
  /* json-glib read 0x28 as 40. */
  assert_refused (fixture, "\"quantity\" : 40", "\"quantity\" : 0x28",
                  "bad.waymark: line 292, column 20: 0x28 is not a number JSON allows: numbers "
                  "are written in decimal digits only, such as 16 or 2400.5");
}

static void
test_finding_5_other_numbers (Fixture       *fixture,
                              gconstpointer  data)
{
  struct { const char *to; const char *message; } cases[] = {
    { "\"quantity\" : 40.", "bad.waymark: line 292, column 20: 40. is not a number JSON allows: "
      "a decimal point must be followed by digits (write 1.0 or 1)" },
    { "\"quantity\" : .5", "bad.waymark: line 292, column 20: .5 is not a number JSON allows: "
      "a number starts with a digit, or with - and a digit" },
    { "\"quantity\" : +40", "bad.waymark: line 292, column 20: +40 is not a number JSON allows: "
      "a number starts with a digit, or with - and a digit" },
    { "\"quantity\" : -x", "bad.waymark: line 292, column 20: -x is not a number JSON allows: "
      "a minus sign must be followed by digits" },
    { "\"quantity\" : 4e", "bad.waymark: line 292, column 20: 4e is not a number JSON allows: "
      "an exponent (e) must be followed by digits" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (fixture, "\"quantity\" : 40", cases[i].to, cases[i].message);

  /* What RFC 8259 allows still reads. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(WaymarkPlan) plan = open_edited (fixture, "\"quantity\" : 40", "\"quantity\" : 4.0e1",
                                               &error);
    g_autoptr(WaymarkPlanItem) item = NULL;

    g_assert_no_error (error);
    item = g_list_model_get_item (G_LIST_MODEL (plan), 4);
    g_assert_cmpuint (waymark_plan_item_get_quantity (item), ==, 40);
  }
}

static void
test_finding_5_concatenated (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = golden_path ("plan-three-year.waymark");
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkPlan) plan = NULL;
  guint lines = 0;

  /* Two plans in one file: json-glib read the first and ignored the second. */
  g_assert_true (g_file_get_contents (path, &one, NULL, NULL));
  two = g_strconcat (one, one, NULL);
  for (const char *p = one; *p != '\0'; p++)
    lines += *p == '\n';
  bytes = g_bytes_new (two, strlen (two));
  plan = waymark_plan_new_from_bytes (bytes, "two.waymark", fixture->catalogue, &error);

  g_assert_null (plan);
  g_assert_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_SYNTAX);
  {
    g_autofree char *expected =
      g_strdup_printf ("two.waymark: line %u, column 1: the file goes on after its end: it may "
                       "be two files joined together", lines + 1);
    g_assert_cmpstr (error->message, ==, expected);
  }
}

static void
test_finding_5_escaped_duplicate_key (Fixture       *fixture,
                                      gconstpointer  data)
{
  /* "quantit\u0079" is "quantity": json-glib kept the second, and 40 became 1,000,000. */
  assert_refused (fixture, "\"quantity\" : 40,",
                  "\"quantity\" : 40,\n      \"quantit\\u0079\" : 1000000,",
                  "bad.waymark: line 293, column 7: the key \"quantity\" appears twice in the same "
                  "object");
  /* A surrogate pair and a plain escape decode too. */
  assert_refused (fixture, "\"notes\" : \"\",",
                  "\"notes\" : \"\",\n      \"\\u006eotes\" : \"x\",",
                  "bad.waymark: line 101, column 7: the key \"notes\" appears twice in the same "
                  "object");
}

static void
test_finding_9_long_value_excerpt (Fixture       *fixture,
                                   gconstpointer  data)
{
  /* Ten megabytes in a value that is refused: the message quotes 40 characters of it, escaped. */
  g_autofree char *long_value = g_strnfill (10 * 1024 * 1024, 'x');
  g_autofree char *cost_source = g_strdup_printf ("\"cost_source\" : \"\\u001b[2J%s\"", long_value);
  g_autofree char *id = g_strdup_printf ("\"intervention_id\" : \"%s\",\n      \"name\" : \"\"",
                                         long_value);
  g_autofree char *key = g_strdup_printf ("\"%s\" : 1, \"quantity\" : 40", long_value);
  struct { const char *from; const char *to; const char *message; } cases[] = {
    { "\"cost_source\" : \"review\"", cost_source,
      "bad.waymark: item \"relationships-without-fear\": cost_source "
      "\"<U+001B>[2Jxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\" is not one of review, local-quote, "
      "estimate" },
    { "\"intervention_id\" : \"drive\",\n      \"name\" : \"Drive project\"", id,
      "bad.waymark: item \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\": name is empty" },
    { "\"quantity\" : 40", key,
      "bad.waymark: item \"drive\": unknown field "
      "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\" (is it misspelt?)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkPlan) plan = NULL;

      plan = open_edited (fixture, cases[i].from, cases[i].to, &error);
      g_assert_null (plan);
      g_assert_nonnull (error);
      g_assert_cmpuint (strlen (error->message), <, 200);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_finding_10_overflow_on_open (Fixture       *fixture,
                                  gconstpointer  data)
{
  /* A million perpetrators at £1bn each passed validation and then failed every export. */
  assert_refused (fixture,
                  "\"quantity\" : 40,\n      \"unit\" : \"perpetrators\",\n"
                  "      \"unit_cost_pence\" : 240000,\n      \"unit_cost_high_pence\" : 240000",
                  "\"quantity\" : 1000000,\n      \"unit\" : \"perpetrators\",\n"
                  "      \"unit_cost_pence\" : 100000000000,\n"
                  "      \"unit_cost_high_pence\" : 100000000000",
                  "bad.waymark: items[4] (\"drive\"): quantity (1000000) × unit_cost_pence "
                  "(100000000000) is more than £1,000,000,000,000, too large to calculate");
  /* Lines that fit, but whose sum does not. */
  assert_refused (fixture,
                  "\"quantity\" : 40,\n      \"unit\" : \"perpetrators\",\n"
                  "      \"unit_cost_pence\" : 240000,\n      \"unit_cost_high_pence\" : 240000",
                  "\"quantity\" : 1000,\n      \"unit\" : \"perpetrators\",\n"
                  "      \"unit_cost_pence\" : 100000000000,\n"
                  "      \"unit_cost_high_pence\" : 100000000000",
                  "bad.waymark: items[4] (\"drive\"): its line total takes the plan’s annual total "
                  "past £1,000,000,000,000, too large to calculate");
}

static void
test_finding_10_export_names_item (Fixture       *fixture,
                                   gconstpointer  data)
{
  WaymarkPlanItem *item = add (fixture, "drive", WAYMARK_PLAN_MAX_QUANTITY);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  /* Made in the window rather than read: saving names the item and the field too. */
  waymark_plan_set_item_cost (fixture->plan, item, WAYMARK_MONEY_MAX, WAYMARK_MONEY_MAX,
                              WAYMARK_COST_SOURCE_ESTIMATE);
  csv = waymark_plan_to_csv (fixture->plan, fixture->catalogue, &error);
  g_assert_null (csv);
  g_assert_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_TOTAL_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "The plan’s total is too large to calculate: items[0] (\"drive\"): quantity "
                   "(1000000) × unit_cost_pence (100000000000) is more than £1,000,000,000,000, "
                   "too large to calculate. Check the quantities and unit costs.");
}

static void
test_finding_12_missing_key (Fixture       *fixture,
                             gconstpointer  data)
{
  /* Both were silently read as false; the format says every key is written. */
  assert_refused (fixture, "\"llr_status\" : \"not-in-place\",\n      \"for_young_people\" : false,",
                  "\"llr_status\" : \"not-in-place\",",
                  "bad.waymark: item \"drive\": for_young_people is missing");
  assert_refused (fixture, ",\n      \"missing_from_catalogue\" : false", "",
                  "bad.waymark: item \"coaching-boys-into-men\": missing_from_catalogue is "
                  "missing");
}

static void
test_finding_12_empty_id (Fixture       *fixture,
                          gconstpointer  data)
{
  assert_refused (fixture, "\"intervention_id\" : \"drive\"", "\"intervention_id\" : \"\"",
                  "bad.waymark: items[4]: intervention_id is empty");
}

static void
test_failed_save_keeps_old_file (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-plan-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct rlimit old_limit, small;
  void (*old_handler) (int);
  gboolean ok;

  build_three_year_plan (fixture);
  g_assert_true (waymark_plan_write (fixture->plan, fixture->catalogue, WAYMARK_PLAN_FORMAT_JSON,
                                     file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  /* A full disk, as far as this process can tell: any file it writes stops at 512 bytes. */
  waymark_plan_edit (fixture->plan, fixture->plan, "title", "A changed title", NULL);
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  small.rlim_cur = 512;  /* the soft limit only, so it can be raised again */
  small.rlim_max = old_limit.rlim_max;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  ok = waymark_plan_write (fixture->plan, fixture->catalogue, WAYMARK_PLAN_FORMAT_JSON, file,
                           &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_false (ok);
  g_assert_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, "Could not save “plan.waymark”: "));
  g_assert_true (g_str_has_suffix (error->message, "Any earlier version of the file is unchanged."));

  /* The previous file is intact, and no temporary file is left beside it. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    g_assert_cmpstr (g_dir_read_name (listing), ==, "plan.waymark");
    g_assert_null (g_dir_read_name (listing));
  }

  /* A folder that does not exist: a clear message, nothing written. */
  {
    g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent/folder/plan.waymark");
    g_autoptr(GError) missing = NULL;

    g_assert_false (waymark_plan_write (fixture->plan, fixture->catalogue,
                                        WAYMARK_PLAN_FORMAT_CSV, nowhere, &missing));
    g_assert_error (missing, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_WRITE);
  }

  g_unlink (path);
  g_rmdir (dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in a folder, sorted. */
static char **
list_folder (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* Finding 12: a save killed mid-write leaves its temporary file beside the plan. The next save
 * of the same plan removes it, and leaves alone everything it cannot prove is its own: other
 * names, another plan's leftovers, and a temporary file that a save in progress holds. */
static void
test_finding_12_leftover_temp (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *decoys[] = {
    ".other.waymark.waymark-save-AbC123",  /* another plan's */
    ".plan.waymark.waymark-save-AbC12",    /* not the pattern: five characters */
    "plan.waymark.bak",
    NULL
  };
  const char *held = ".plan.waymark.waymark-save-Held01";
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *held_path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) killed = NULL;
  g_auto(GStrv) saved = NULL;
  g_autoptr(GStrvBuilder) expected_builder = g_strv_builder_new ();
  g_auto(GStrv) expected = NULL;
  int held_fd;

  build_three_year_plan (fixture);

  if (g_test_subprocess ())
    {
      /* Killed by the kernel part-way through writing: SIGXFSZ at 512 bytes, no core file. */
      struct rlimit no_core = { 0, 0 };
      struct rlimit small;

      path = g_build_filename (g_getenv ("WAYMARK_TEST_SAVE_DIR"), "plan.waymark", NULL);
      file = g_file_new_for_path (path);
      waymark_plan_edit (fixture->plan, fixture->plan, "title", "Killed mid-save", NULL);
      setrlimit (RLIMIT_CORE, &no_core);
      signal (SIGXFSZ, SIG_DFL);
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &small), ==, 0);
      small.rlim_cur = 512;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
      waymark_plan_write (fixture->plan, fixture->catalogue, WAYMARK_PLAN_FORMAT_JSON, file,
                          NULL);
      g_assert_not_reached ();
    }

  dir = g_dir_make_tmp ("waymark-plan-XXXXXX", NULL);
  path = g_build_filename (dir, "plan.waymark", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (waymark_plan_write (fixture->plan, fixture->catalogue, WAYMARK_PLAN_FORMAT_JSON,
                                     file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  g_setenv ("WAYMARK_TEST_SAVE_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_unsetenv ("WAYMARK_TEST_SAVE_DIR");

  /* The killed save left its temporary file; the plan is as it was. */
  killed = list_folder (dir);
  g_assert_cmpuint (g_strv_length (killed), ==, 2);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  for (guint i = 0; decoys[i] != NULL; i++)
    {
      g_autofree char *decoy = g_build_filename (dir, decoys[i], NULL);

      g_assert_true (g_file_set_contents (decoy, "not Waymark's to remove", -1, NULL));
      g_strv_builder_add (expected_builder, decoys[i]);
    }
  /* A save in progress, as far as the next save can tell. */
  held_path = g_build_filename (dir, held, NULL);
  held_fd = open (held_path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  g_assert_cmpint (held_fd, >=, 0);
  g_assert_cmpint (flock (held_fd, LOCK_EX), ==, 0);
  g_strv_builder_add (expected_builder, held);
  g_strv_builder_add (expected_builder, "plan.waymark");

  waymark_plan_edit (fixture->plan, fixture->plan, "title", "Saved again", NULL);
  g_assert_true (waymark_plan_write (fixture->plan, fixture->catalogue, WAYMARK_PLAN_FORMAT_JSON,
                                     file, &error));
  g_assert_no_error (error);
  close (held_fd);

  /* Only the killed save's leftover is gone. */
  saved = list_folder (dir);
  expected = g_strv_builder_end (expected_builder);
  qsort (expected, g_strv_length (expected), sizeof (char *), compare_names);
  g_assert_cmpstrv (saved, expected);

  for (guint i = 0; saved[i] != NULL; i++)
    {
      g_autofree char *leftover = g_build_filename (dir, saved[i], NULL);
      g_unlink (leftover);
    }
  g_rmdir (dir);
}

static void
test_comma_decimal_locale (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *in_c = NULL;
  g_autofree char *in_german = NULL;
  g_autofree char *json_c = NULL;
  g_autofree char *json_german = NULL;
  char *old = g_strdup (setlocale (LC_ALL, NULL));

  build_three_year_plan (fixture);
  in_c = waymark_plan_to_csv (fixture->plan, fixture->catalogue, &error);
  json_c = waymark_plan_to_json (fixture->plan, fixture->catalogue, &error);

  /* The test command installs this locale; exports must not follow its decimal comma. Only a
   * build that says it has no locales (the Flatpak SDK) may go without. */
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL && g_getenv ("WAYMARK_TEST_NO_LOCALES") != NULL)
    {
      g_free (old);
      g_test_skip ("de_DE.UTF-8 is not installed in this build environment");
      return;
    }
  g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
  in_german = waymark_plan_to_csv (fixture->plan, fixture->catalogue, &error);
  json_german = waymark_plan_to_json (fixture->plan, fixture->catalogue, &error);
  setlocale (LC_ALL, old);
  g_free (old);

  g_assert_cmpstr (in_german, ==, in_c);
  g_assert_cmpstr (json_german, ==, json_c);
  g_assert_nonnull (strstr (in_c, ",2970.00,2970.00,59400.00,59400.00,"));
}

/* Text is never NULL: a new item's, a plan's, and what undo puts back. NULL given to an edit is
 * "" and, where "" is there already, no edit. (Undo restored a new item's NULL provider, which
 * crashed the window; a NULL title saved as "" and reopened as another plan.) */
static void
test_text_never_null (Fixture       *fixture,
                      gconstpointer  data)
{
  WaymarkPlanItem *iris = add (fixture, "iris", 1);
  guint changed;

  g_assert_nonnull (waymark_plan_item_get_unit (iris));
  g_assert_cmpstr (waymark_plan_item_get_provider (iris), ==, "");
  g_assert_cmpstr (waymark_plan_item_get_notes (iris), ==, "");

  waymark_plan_edit (fixture->plan, iris, "provider", "IRISi", NULL);
  waymark_plan_undo (fixture->plan);
  g_assert_cmpstr (waymark_plan_item_get_provider (iris), ==, "");

  changed = fixture->changed;
  waymark_plan_edit (fixture->plan, iris, "provider", NULL, "notes", NULL, NULL);
  waymark_plan_edit (fixture->plan, fixture->plan, "title", NULL, "author", NULL, NULL);
  g_assert_cmpuint (fixture->changed, ==, changed);
  g_assert_cmpstr (waymark_plan_item_get_notes (iris), ==, "");
  g_assert_cmpstr (waymark_plan_get_title (fixture->plan), ==, "");

  waymark_plan_edit (fixture->plan, fixture->plan, "area", NULL, NULL);
  g_assert_cmpstr (waymark_plan_get_area (fixture->plan), ==, "");
  waymark_plan_undo (fixture->plan);
  g_assert_cmpstr (waymark_plan_get_area (fixture->plan), ==, WAYMARK_PLAN_DEFAULT_AREA);
}

/* Dismissed warnings set to the list they already are is no edit (lists were compared by
 * pointer, so it made an undo step and marked the plan modified). */
static void
test_dismissed_same_list (Fixture       *fixture,
                          gconstpointer  data)
{
  const char * const same[] = { "no-primary", NULL };
  const char * const empty[] = { NULL };
  guint changed;

  add (fixture, "iris", 1);
  waymark_plan_mark_saved (fixture->plan);
  changed = fixture->changed;
  waymark_plan_edit (fixture->plan, fixture->plan, "dismissed-warnings", empty, NULL);
  waymark_plan_edit (fixture->plan, fixture->plan, "dismissed-warnings", NULL, NULL);
  g_assert_cmpuint (fixture->changed, ==, changed);
  g_assert_false (waymark_plan_get_modified (fixture->plan));

  waymark_plan_dismiss_warning (fixture->plan, "no-primary");
  changed = fixture->changed;
  waymark_plan_edit (fixture->plan, fixture->plan, "dismissed-warnings", same, NULL);
  g_assert_cmpuint (fixture->changed, ==, changed);
  waymark_plan_undo (fixture->plan);
  g_assert_cmpuint (g_strv_length ((char **) waymark_plan_get_dismissed_warnings (fixture->plan)),
                    ==, 0);
  g_assert_false (waymark_plan_get_modified (fixture->plan));
}

/* One edit that names a property twice ends as the later value says, as g_object_set does (the
 * later value was compared with the value before the edit, so putting it back was lost). */
static void
test_edit_same_property_twice (Fixture       *fixture,
                               gconstpointer  data)
{
  WaymarkPlanItem *drive = add (fixture, "drive", 1);
  guint changed;

  waymark_plan_edit (fixture->plan, drive, "notes", "as it was", NULL);
  waymark_plan_edit (fixture->plan, drive, "notes", "first", "notes", "second", NULL);
  g_assert_cmpstr (waymark_plan_item_get_notes (drive), ==, "second");
  waymark_plan_undo (fixture->plan);
  g_assert_cmpstr (waymark_plan_item_get_notes (drive), ==, "as it was");

  changed = fixture->changed;
  waymark_plan_edit (fixture->plan, drive, "notes", "first", "notes", "as it was", NULL);
  g_assert_cmpstr (waymark_plan_item_get_notes (drive), ==, "as it was");
  g_assert_cmpuint (fixture->changed, ==, changed);
}

/* A cost is none, or a low figure and a high one at least as high, whichever property an edit
 * names: the plan file can record nothing else, so anything else reopened as another plan. */
static void
test_cost_stays_whole (Fixture       *fixture,
                       gconstpointer  data)
{
  WaymarkPlanItem *iris = add (fixture, "iris", 2);  /* no published cost */
  g_autoptr(WaymarkPlan) reopened = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  WaymarkPlanItem *item;
  guint changed = fixture->changed;

  /* A high figure without a low one is no cost. */
  waymark_plan_edit (fixture->plan, iris, "unit-cost-high", (gint64) 50000, NULL);
  g_assert_cmpint (waymark_plan_item_get_unit_cost_high (iris), ==, WAYMARK_NO_COST);
  g_assert_cmpuint (fixture->changed, ==, changed);

  /* A low figure alone is a range of one figure; a high one below it is raised to it. */
  waymark_plan_edit (fixture->plan, iris, "unit-cost", (gint64) 30000, NULL);
  g_assert_cmpint (waymark_plan_item_get_unit_cost_high (iris), ==, 30000);
  waymark_plan_edit (fixture->plan, iris, "unit-cost-high", (gint64) 10000, NULL);
  g_assert_cmpint (waymark_plan_item_get_unit_cost_high (iris), ==, 30000);
  waymark_plan_edit (fixture->plan, iris, "unit-cost-high", (gint64) 45000, NULL);
  waymark_plan_edit (fixture->plan, iris, "unit-cost", (gint64) 50000, NULL);
  g_assert_cmpint (waymark_plan_item_get_unit_cost_high (iris), ==, 50000);

  json = waymark_plan_to_json (fixture->plan, fixture->catalogue, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (json, strlen (json));
  reopened = waymark_plan_new_from_bytes (bytes, "whole.waymark", fixture->catalogue, &error);
  g_assert_no_error (error);
  item = waymark_plan_find_item (reopened, "iris", NULL);
  g_assert_cmpint (waymark_plan_item_get_unit_cost (item), ==, 50000);
  g_assert_cmpint (waymark_plan_item_get_unit_cost_high (item), ==, 50000);

  /* Clearing the low figure clears the high one; undo puts both back. */
  waymark_plan_edit (fixture->plan, iris, "unit-cost", WAYMARK_NO_COST, NULL);
  g_assert_cmpint (waymark_plan_item_get_unit_cost_high (iris), ==, WAYMARK_NO_COST);
  waymark_plan_undo (fixture->plan);
  g_assert_cmpint (waymark_plan_item_get_unit_cost (iris), ==, 50000);
  g_assert_cmpint (waymark_plan_item_get_unit_cost_high (iris), ==, 50000);
}

/* Every control character a commissioner's text can hold is written escaped, so the plan opens
 * again: json-glib 1.6 wrote U+001F as it is, and the reader (rightly) refused the file. */
static void
test_control_characters_round_trip (Fixture       *fixture,
                                    gconstpointer  data)
{
  WaymarkPlanItem *drive = add (fixture, "drive", 1);
  g_autoptr(WaymarkPlan) reopened = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  GString *text = g_string_new (NULL);
  g_autofree char *all = NULL;

  for (char c = 1; c < 0x20; c++)
    g_string_append_c (text, c);
  g_string_append (text, "\x7f\xc2\x85");
  all = g_string_free (text, FALSE);
  waymark_plan_edit (fixture->plan, drive, "notes", all, NULL);
  waymark_plan_edit (fixture->plan, fixture->plan, "title", "unit\x1fseparator", NULL);

  json = waymark_plan_to_json (fixture->plan, fixture->catalogue, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (json, strlen (json));
  reopened = waymark_plan_new_from_bytes (bytes, "controls.waymark", fixture->catalogue, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (waymark_plan_get_title (reopened), ==, "unit\x1fseparator");
  g_assert_cmpstr (waymark_plan_item_get_notes (waymark_plan_find_item (reopened, "drive", NULL)),
                   ==, all);
}

static void
test_unit_from_basis (void)
{
  struct { const char *basis; const char *unit; } cases[] = {
    { "per perpetrator", "perpetrators" },
    { "per session", "sessions" },
    { "per individual using abuse", "individuals using abuse" },
    { "per woman registered at the clinic/practice per year",
      "women registered at the clinic/practice per year" },
    { "per assembly", "assemblies" },
    { "per book", "books" },
    { "per day", "days" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *unit = waymark_unit_from_basis (cases[i].basis);
      g_assert_cmpstr (unit, ==, cases[i].unit);
    }
}

/* "1 perpetrators" was shown for one: the singular is the review's basis, as written. */
static void
test_quantity_text (Fixture       *fixture,
                    gconstpointer  data)
{
  struct { const char *id; guint quantity; const char *unit; const char *text; } cases[] = {
    { "drive", 40, NULL, "40 perpetrators" },
    { "drive", 1, NULL, "1 perpetrator" },
    { "drive", 0, NULL, "0 perpetrators" },
    { "make-a-change", 1, NULL, "1 individual using abuse" },
    { "make-a-change", 2, NULL, "2 individuals using abuse" },
    /* A unit the person typed is theirs. */
    { "drive", 1, "families", "1 families" },
    { "drive", 3, "", "3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      WaymarkPlanItem *item = add (fixture, cases[i].id, cases[i].quantity);
      g_autofree char *text = NULL;

      if (cases[i].unit != NULL)
        waymark_plan_edit (fixture->plan, item, "unit", cases[i].unit, NULL);
      text = waymark_plan_item_dup_quantity_text (item);
      g_assert_cmpstr (text, ==, cases[i].text);
      waymark_plan_remove_item (fixture->plan, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/plan/prefill", test_prefill);
  ADD ("/core/plan/totals", test_totals);
  ADD ("/core/plan/overflow", test_overflow);
  ADD ("/core/plan/undo-redo", test_undo_redo);
  ADD ("/core/plan/add-several", test_add_several);
  ADD ("/core/plan/text-never-null", test_text_never_null);
  ADD ("/core/plan/dismissed-same-list", test_dismissed_same_list);
  ADD ("/core/plan/edit-same-property-twice", test_edit_same_property_twice);
  ADD ("/core/plan/cost-stays-whole", test_cost_stays_whole);
  ADD ("/core/plan/warnings", test_warnings);
  ADD ("/core/plan/cost-per-person", test_cost_per_person);
  ADD ("/core/plan/coverage", test_coverage);
  ADD ("/core/plan/io/reach-keys", test_reach_keys);
  ADD ("/core/plan/local-need", test_local_need);
  ADD ("/core/plan/funding-name", test_funding_name);
  ADD ("/core/plan/io/funding-name-key", test_funding_name_key);
  ADD ("/core/plan/io/local-need-keys", test_local_need_keys);
  ADD ("/core/plan/warnings-cite-the-review", test_warnings_cite_the_review);
  ADD ("/core/plan/warnings-budget", test_warnings_budget);
  ADD ("/core/plan/warnings-funding", test_warnings_funding);
  ADD ("/core/plan/io/golden", test_golden_exports);
  ADD ("/core/plan/io/round-trip", test_round_trip);
  ADD ("/core/plan/io/control-characters-round-trip", test_control_characters_round_trip);
  ADD ("/core/plan/io/missing-intervention", test_missing_intervention_kept);
  ADD ("/core/plan/io/bad-plans", test_bad_plans);
  ADD ("/core/plan/io/failed-save", test_failed_save_keeps_old_file);
  ADD ("/core/plan/io/comma-decimal-locale", test_comma_decimal_locale);
  ADD ("/core/plan/io/finding-4-deep-nesting", test_finding_4_deep_nesting);
  ADD ("/core/plan/io/finding-5-leading-zero", test_finding_5_leading_zero);
  ADD ("/core/plan/io/finding-5-hex", test_finding_5_hex);
  ADD ("/core/plan/io/finding-5-other-numbers", test_finding_5_other_numbers);
  ADD ("/core/plan/io/finding-5-concatenated", test_finding_5_concatenated);
  ADD ("/core/plan/io/finding-5-escaped-duplicate-key", test_finding_5_escaped_duplicate_key);
  ADD ("/core/plan/io/finding-9-long-value-excerpt", test_finding_9_long_value_excerpt);
  ADD ("/core/plan/io/finding-10-overflow-on-open", test_finding_10_overflow_on_open);
  ADD ("/core/plan/io/finding-10-export-names-item", test_finding_10_export_names_item);
  ADD ("/core/plan/io/finding-12-missing-key", test_finding_12_missing_key);
  ADD ("/core/plan/io/finding-12-empty-id", test_finding_12_empty_id);
  ADD ("/core/plan/io/finding-12-leftover-temp", test_finding_12_leftover_temp);
  g_test_add_func ("/core/plan/unit-from-basis", test_unit_from_basis);
  ADD ("/core/plan/quantity-text", test_quantity_text);

#undef ADD

  return g_test_run ();
}
