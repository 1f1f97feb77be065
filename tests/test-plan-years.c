/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "test-util.h"
#include "waymark-catalogue.h"
#include "waymark-money.h"
#include "waymark-plan-io.h"

/* Years as budgets are set (issue 16): financial or calendar years, quantities and unit costs
 * that differ by year, an uplift on local costs only, totals and warnings per year, each edit
 * one undoable step, and the plan file's version 3 (versions 1 and 2 still open). Every figure
 * below is worked out by hand in the comments beside it. */

typedef struct
{
  WaymarkCatalogue *catalogue;
  WaymarkPlan      *plan;
  guint             changed;
} Fixture;

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

static char *
to_json (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *json = waymark_plan_to_json (fixture->plan, fixture->catalogue, &error);
  char *exported_at;

  g_assert_no_error (error);
  /* When the plan last changed is the wall clock's: an undo and a redo a second apart (a slow
   * machine, valgrind) differ there and nowhere else that matters here. */
  exported_at = strstr (json, "\"exported_at\" : \"");
  g_assert_nonnull (exported_at);
  memcpy (exported_at + strlen ("\"exported_at\" : \""), "2000-01-01T00:00:00Z",
          strlen ("2000-01-01T00:00:00Z"));
  return json;
}

static char *
data_text (const char *dir,
           const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, dir, name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static WaymarkPlan *
open_text (Fixture     *fixture,
           const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return waymark_plan_new_from_bytes (bytes, "years.waymark", fixture->catalogue, error);
}

static void
test_year_kind_and_labels (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *label = NULL;
  g_autofree char *id = NULL;
  g_autofree char *last = NULL;

  g_assert_cmpstr (waymark_year_kind_get_id (WAYMARK_YEAR_KIND_FINANCIAL), ==, "financial");
  g_assert_cmpstr (waymark_year_kind_get_id (WAYMARK_YEAR_KIND_CALENDAR), ==, "calendar");
  g_assert_cmpstr (waymark_year_kind_get_label (WAYMARK_YEAR_KIND_FINANCIAL), ==,
                   "Financial years (April to March)");
  g_assert_cmpstr (waymark_year_kind_get_label (WAYMARK_YEAR_KIND_CALENDAR), ==,
                   "Calendar years");

  /* A new plan budgets as public bodies do, with no uplift. */
  g_assert_cmpint (waymark_plan_get_year_kind (fixture->plan), ==, WAYMARK_YEAR_KIND_FINANCIAL);
  g_assert_cmpuint (waymark_plan_get_uplift (fixture->plan), ==, 0);

  waymark_plan_edit (fixture->plan, fixture->plan, "start-year", 2026, "years", 5, NULL);
  label = waymark_plan_dup_year_label (fixture->plan, 0);
  id = waymark_plan_dup_year_id (fixture->plan, 0);
  g_assert_cmpstr (label, ==, "2026/27");
  g_assert_cmpstr (id, ==, "2026_27");
  g_free (label);
  label = waymark_plan_dup_year_label (fixture->plan, 4);
  g_assert_cmpstr (label, ==, "2030/31");

  /* The turn of the century: 2099/00. */
  waymark_plan_edit (fixture->plan, fixture->plan, "start-year", 2099, NULL);
  last = waymark_plan_dup_year_label (fixture->plan, 0);
  g_assert_cmpstr (last, ==, "2099/00");

  waymark_plan_set_year_kind (fixture->plan, WAYMARK_YEAR_KIND_CALENDAR);
  waymark_plan_edit (fixture->plan, fixture->plan, "start-year", 2026, NULL);
  g_free (label);
  g_free (id);
  label = waymark_plan_dup_year_label (fixture->plan, 1);
  id = waymark_plan_dup_year_id (fixture->plan, 1);
  g_assert_cmpstr (label, ==, "2027");
  g_assert_cmpstr (id, ==, "2027");
}

/* The uplift in integers: amount x (1 + bp / 10000)^years, to the penny, half up. */
static void
test_uplift_arithmetic (void)
{
  gint64 out = -1;

  /* £1,500 at 2.5%: £1,537.50, then 150000 x 1.050625 = 157593.75, 157594. */
  g_assert_true (waymark_money_uplift (150000, 250, 1, &out));
  g_assert_cmpint (out, ==, 153750);
  g_assert_true (waymark_money_uplift (150000, 250, 2, &out));
  g_assert_cmpint (out, ==, 157594);
  /* Half a penny goes up: 1 x 1.5 = 1.5, 2; 1 x 2.25 = 2.25, 2; 3 x 1.5 = 4.5, 5. */
  g_assert_true (waymark_money_uplift (1, 5000, 1, &out));
  g_assert_cmpint (out, ==, 2);
  g_assert_true (waymark_money_uplift (1, 5000, 2, &out));
  g_assert_cmpint (out, ==, 2);
  g_assert_true (waymark_money_uplift (3, 5000, 1, &out));
  g_assert_cmpint (out, ==, 5);
  /* Just under a half stays down: 1 x 1.4999 = 1.4999, 1. */
  g_assert_true (waymark_money_uplift (1, 4999, 1, &out));
  g_assert_cmpint (out, ==, 1);
  /* No uplift, or no years, is the amount itself. */
  g_assert_true (waymark_money_uplift (123456, 0, 9, &out));
  g_assert_cmpint (out, ==, 123456);
  g_assert_true (waymark_money_uplift (123456, 250, 0, &out));
  g_assert_cmpint (out, ==, 123456);
  /* A billion pounds doubled nine times fits (5.12 x 10^13 pence); ten times does not (the
   * limit is 10^14, as for multiplying). Exactly, with no floating point. */
  g_assert_true (waymark_money_uplift (WAYMARK_MONEY_MAX, 10000, 9, &out));
  g_assert_cmpint (out, ==, WAYMARK_MONEY_MAX * 512);
  g_assert_false (waymark_money_uplift (WAYMARK_MONEY_MAX, 10000, 10, &out));
  /* 7.77% for nine years on £999,999,999.99: 99999999999 x 1.0777^9, worked exactly with
   * Python's fractions: 196101513576.557..., so 196101513577. */
  g_assert_true (waymark_money_uplift (99999999999, 777, 9, &out));
  g_assert_cmpint (out, ==, G_GINT64_CONSTANT (196101513577));
}

/* A three-year financial plan, start 2026, budget £60,000 (£20,000 a year), uplift 2.5%:
 *   Drive (review cost £2,400): 4, 5, then 6 perpetrators: £9,600, £12,000, £14,400;
 *   CBIM (local quote £1,500 a school, 2 schools): £3,000; then 2 x £1,537.50 = £3,075;
 *     then 2 x £1,575.94 (157593.75 rounded) = £3,151.88;
 *   CBT for victims (review, £60 to £100 a session), 20 sessions in the first year and 30
 *     after: £1,200 to £2,000, then £1,800 to £3,000 twice.
 * Years: 2026/27 £13,800 to £14,600; 2027/28 £16,875 to £18,075; 2028/29 £19,351.88 to
 * £20,551.88, over its £20,000 in the high case only. The plan: £50,026.88 to £53,226.88. */
static void
test_three_years_by_hand (Fixture       *fixture,
                          gconstpointer  data)
{
  WaymarkPlanItem *drive, *cbim, *cbt;
  WaymarkItemYear year;
  WaymarkPlanTotals totals;
  g_autoptr(GPtrArray) warnings = NULL;
  const gint64 low[] = { 1380000, 1687500, 1935188 };
  const gint64 high[] = { 1460000, 1807500, 2055188 };

  waymark_plan_edit (fixture->plan, fixture->plan, "start-year", 2026, "years", 3,
                     "budget", (gint64) 6000000, NULL);
  waymark_plan_set_uplift (fixture->plan, 250);
  drive = add (fixture, "drive", 4);
  waymark_plan_set_item_year_quantity (fixture->plan, drive, 1, 5);
  waymark_plan_set_item_year_quantity (fixture->plan, drive, 2, 6);
  cbim = add (fixture, "coaching-boys-into-men", 2);
  waymark_plan_set_item_cost (fixture->plan, cbim, 150000, 150000,
                              WAYMARK_COST_SOURCE_LOCAL_QUOTE);
  cbt = add (fixture, "cbt-victims", 30);
  waymark_plan_set_item_year_quantity (fixture->plan, cbt, 0, 20);

  /* Drive's review cost is never uplifted. */
  waymark_plan_get_item_year (fixture->plan, drive, 2, &year);
  g_assert_true (year.has_cost);
  g_assert_false (year.uplifted);
  g_assert_false (year.overflow);
  g_assert_cmpuint (year.quantity, ==, 6);
  g_assert_cmpint (year.unit_low, ==, 240000);
  g_assert_cmpint (year.line_low, ==, 1440000);
  g_assert_cmpint (year.line_high, ==, 1440000);

  /* CBIM's local quote is, from the second year. */
  waymark_plan_get_item_year (fixture->plan, cbim, 0, &year);
  g_assert_false (year.uplifted);
  g_assert_cmpint (year.unit_low, ==, 150000);
  waymark_plan_get_item_year (fixture->plan, cbim, 1, &year);
  g_assert_true (year.uplifted);
  g_assert_cmpint (year.unit_low, ==, 153750);
  g_assert_cmpint (year.line_low, ==, 307500);
  waymark_plan_get_item_year (fixture->plan, cbim, 2, &year);
  g_assert_true (year.uplifted);
  g_assert_cmpint (year.unit_low, ==, 157594);
  g_assert_cmpint (year.unit_high, ==, 157594);
  g_assert_cmpint (year.line_high, ==, 315188);

  /* CBT: 20 in the first year only; the others kept 30. */
  waymark_plan_get_item_year (fixture->plan, cbt, 0, &year);
  g_assert_cmpuint (year.quantity, ==, 20);
  g_assert_cmpint (year.line_low, ==, 120000);
  g_assert_cmpint (year.line_high, ==, 200000);
  waymark_plan_get_item_year (fixture->plan, cbt, 1, &year);
  g_assert_cmpuint (year.quantity, ==, 30);
  g_assert_cmpint (year.line_high, ==, 300000);

  for (guint y = 0; y < 3; y++)
    {
      waymark_plan_get_year_totals (fixture->plan, y, &totals);
      g_assert_false (totals.overflow);
      g_assert_cmpint (totals.annual_low, ==, low[y]);
      g_assert_cmpint (totals.annual_high, ==, high[y]);
      g_assert_cmpint (totals.total_low, ==, low[y]);
      g_assert_cmpint (totals.total_high, ==, high[y]);
      g_assert_cmpint (totals.budget_per_year, ==, 2000000);
      g_assert_cmpint (totals.remaining_low, ==, 2000000 - high[y]);
      g_assert_cmpint (totals.remaining_high, ==, 2000000 - low[y]);
      g_assert_cmpuint (totals.n_items, ==, 3);
      g_assert_cmpuint (totals.n_without_cost, ==, 0);
    }

  waymark_plan_get_totals (fixture->plan, &totals);
  g_assert_cmpint (totals.annual_low, ==, 1380000);
  g_assert_cmpint (totals.annual_high, ==, 1460000);
  g_assert_cmpint (totals.total_low, ==, 5002688);
  g_assert_cmpint (totals.total_high, ==, 5322688);
  g_assert_cmpint (totals.remaining_low, ==, 6000000 - 5322688);
  g_assert_cmpint (totals.remaining_high, ==, 6000000 - 5002688);

  /* The plan is within its budget; its last year may not be, and the warning names it. */
  warnings = waymark_plan_list_warnings (fixture->plan);
  {
    WaymarkPlanWarning *first = g_ptr_array_index (warnings, 0);

    g_assert_cmpstr (first->id, ==, "may-exceed-budget:2028_29");
    g_assert_cmpstr (first->message, ==,
                     "May exceed the budget in 2028/29 by £551.88: the year’s higher total, "
                     "£20,551.88, is more than its share of the budget, £20,000; the lower, "
                     "£19,351.88, is within it.");
    g_assert_null (first->quote);
  }
  for (guint i = 1; i < warnings->len; i++)
    g_assert_null (strstr (((WaymarkPlanWarning *) g_ptr_array_index (warnings, i))->id,
                           "budget"));

  /* Over in the lower case too once CBIM's third year is 12 schools: + 10 x £1,575.94 makes
   * the year £35,111.28 to £36,311.28, and the plan £65,786.28 to £68,986.28: over as well.
   * The plan's warning first, then the year's. */
  waymark_plan_set_item_year_quantity (fixture->plan, cbim, 2, 12);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  warnings = waymark_plan_list_warnings (fixture->plan);
  {
    WaymarkPlanWarning *plan = g_ptr_array_index (warnings, 0);
    WaymarkPlanWarning *year = g_ptr_array_index (warnings, 1);

    g_assert_cmpstr (plan->id, ==, "over-budget");
    g_assert_cmpstr (plan->message, ==,
                     "Over budget: even the lower total, £65,786.28, is £5,786.28 more than the "
                     "budget of £60,000.");
    g_assert_cmpstr (year->id, ==, "over-budget:2028_29");
    g_assert_cmpstr (year->message, ==,
                     "Over budget in 2028/29 by £15,111.28: even the year’s lower total, "
                     "£35,111.28, is more than its share of the budget, £20,000.");
  }
  /* Dismissing one year's is that year's only. */
  waymark_plan_dismiss_warning (fixture->plan, "over-budget:2028_29");
  g_clear_pointer (&warnings, g_ptr_array_unref);
  warnings = waymark_plan_list_warnings (fixture->plan);
  g_assert_false (((WaymarkPlanWarning *) g_ptr_array_index (warnings, 0))->dismissed);
  g_assert_true (((WaymarkPlanWarning *) g_ptr_array_index (warnings, 1))->dismissed);
}

/* The slice of slices with this key; fails the test when there is none. */
static const WaymarkBreakdownSlice *
find_slice (GArray     *slices,
            const char *key)
{
  for (guint i = 0; i < slices->len; i++)
    {
      const WaymarkBreakdownSlice *slice = &g_array_index (slices, WaymarkBreakdownSlice, i);

      if (g_str_equal (slice->key, key))
        return slice;
    }
  g_error ("no slice %s", key);
  return NULL;
}

static void
assert_slice (GArray     *slices,
              const char *key,
              gint64      low,
              gint64      high,
              guint       n_items)
{
  const WaymarkBreakdownSlice *slice = find_slice (slices, key);

  g_test_message ("slice %s", key);
  g_assert_cmpint (slice->low, ==, low);
  g_assert_cmpint (slice->high, ==, high);
  g_assert_cmpuint (slice->n_items, ==, n_items);
}

/* Spend by kind over the plan and in one year, for the golden three-year plan (2026/27 to
 * 2028/29, uplift 2.5% on local costs), each item's years from its "years" in the file:
 *   CBIM (primary, both, high, children and young people, a named local stream; local quote):
 *     £15,000 + £15,375 + £15,759.40 = £46,134.40;
 *   RwF (primary, DA, moderate, children and young people and professionals; review):
 *     3 x £4,500 = £13,500;
 *   IRIS (secondary, DA, high, professionals): no cost, counted, adds nothing;
 *   Make a Change (secondary, DA, moderate, victims, perpetrators and professionals; Home Office
 *     perpetrator fund): 3 x £59,400 = £178,200;
 *   Drive (tertiary, DA, moderate, perpetrators): 40, 42, 44 x £2,400 = £96,000 + £100,800 +
 *     £105,600 = £302,400;
 *   CBT for victims (secondary, both, moderate, victims and children and young people):
 *     3 x £6,000 to £10,000 = £18,000 to £30,000.
 * The plan: £558,234.40 to £570,234.40. */
static void
test_breakdown_over_the_plan (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *text = data_text ("golden", "plan-three-year.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkPlan) plan = open_text (fixture, text, &error);
  WaymarkPlanTotals totals;

  g_assert_no_error (error);
  waymark_plan_get_totals (plan, &totals);
  g_assert_cmpint (totals.total_low, ==, 55823440);
  g_assert_cmpint (totals.total_high, ==, 57023440);

  {
    g_autoptr(GArray) all = waymark_plan_get_breakdown_for_year (plan, WAYMARK_BREAKDOWN_LEVEL,
                                                                 WAYMARK_PLAN_ALL_YEARS);
    /* The second year: CBIM £15,375 + RwF £4,500; MaC £59,400 + CBT £6,000 to £10,000;
     * Drive 42 x £2,400. */
    g_autoptr(GArray) second = waymark_plan_get_breakdown_for_year (plan, WAYMARK_BREAKDOWN_LEVEL,
                                                                    1);
    /* The first year's, as waymark_plan_get_breakdown() gives it. */
    g_autoptr(GArray) first = waymark_plan_get_breakdown (plan, WAYMARK_BREAKDOWN_LEVEL);

    g_assert_cmpuint (all->len, ==, 3);
    assert_slice (all, "primary", 5963440, 5963440, 2);
    assert_slice (all, "secondary", 19620000, 20820000, 3);
    assert_slice (all, "tertiary", 30240000, 30240000, 1);
    assert_slice (second, "primary", 1987500, 1987500, 2);
    assert_slice (second, "secondary", 6540000, 6940000, 3);
    assert_slice (second, "tertiary", 10080000, 10080000, 1);
    assert_slice (first, "primary", 1950000, 1950000, 2);
    assert_slice (first, "secondary", 6540000, 6940000, 3);
    assert_slice (first, "tertiary", 9600000, 9600000, 1);
  }
  {
    g_autoptr(GArray) all = waymark_plan_get_breakdown_for_year (plan, WAYMARK_BREAKDOWN_FOCUS,
                                                                 WAYMARK_PLAN_ALL_YEARS);

    assert_slice (all, "da", 49410000, 49410000, 4);
    assert_slice (all, "sv", 0, 0, 0);
    assert_slice (all, "both", 6413440, 7613440, 2);
  }
  {
    g_autoptr(GArray) all = waymark_plan_get_breakdown_for_year (plan,
                                                                 WAYMARK_BREAKDOWN_WORKS_WITH,
                                                                 WAYMARK_PLAN_ALL_YEARS);

    assert_slice (all, "perpetrators", 48060000, 48060000, 2);
    assert_slice (all, "children-young-people", 7763440, 8963440, 3);
    /* RwF, IRIS, Make a Change */
    assert_slice (all, "professionals", 19170000, 19170000, 3);
  }
  {
    g_autoptr(GArray) all = waymark_plan_get_breakdown_for_year (plan, WAYMARK_BREAKDOWN_EVIDENCE,
                                                                 WAYMARK_PLAN_ALL_YEARS);

    assert_slice (all, "high", 4613440, 4613440, 2);
    assert_slice (all, "moderate", 51210000, 52410000, 4);
    assert_slice (all, "low", 0, 0, 0);
  }
  {
    g_autoptr(GArray) all = waymark_plan_get_breakdown_for_year (plan, WAYMARK_BREAKDOWN_FUNDING,
                                                                 WAYMARK_PLAN_ALL_YEARS);
    g_autoptr(GArray) last = waymark_plan_get_breakdown_for_year (plan, WAYMARK_BREAKDOWN_FUNDING,
                                                                  2);

    assert_slice (all, "unspecified", 33390000, 34590000, 4);
    assert_slice (all, "home-office-perpetrator", 17820000, 17820000, 1);
    assert_slice (all, "other", 0, 0, 0);
    assert_slice (all, "other:Leicester City Council public health grant", 4613440, 4613440, 1);
    g_assert_cmpstr (find_slice (all, "other:Leicester City Council public health grant")->label,
                     ==, "Leicester City Council public health grant");
    /* The third year's: 10 x £1,575.94, the uplifted quote. */
    assert_slice (last, "other:Leicester City Council public health grant", 1575940, 1575940, 1);
  }
}

/* Every new edit is one step; undoing it gives back the plan's bytes, redoing the edit's. */
static void
test_each_edit_undoes (Fixture       *fixture,
                       gconstpointer  data)
{
  WaymarkPlanItem *drive, *cbim;
  WaymarkItemYear year;

  waymark_plan_edit (fixture->plan, fixture->plan, "start-year", 2026, "years", 3, NULL);
  drive = add (fixture, "drive", 40);
  cbim = add (fixture, "coaching-boys-into-men", 10);
  waymark_plan_set_item_cost (fixture->plan, cbim, 150000, 160000,
                              WAYMARK_COST_SOURCE_ESTIMATE);

  for (guint edit = 0; edit < 10; edit++)
    {
      g_autofree char *before = to_json (fixture);
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;
      guint changed = fixture->changed;

      switch (edit)
        {
        case 0:
          waymark_plan_set_item_year_quantity (fixture->plan, drive, 1, 45);
          waymark_plan_get_item_year (fixture->plan, drive, 1, &year);
          g_assert_cmpuint (year.quantity, ==, 45);
          waymark_plan_get_item_year (fixture->plan, drive, 2, &year);
          g_assert_cmpuint (year.quantity, ==, 40);
          break;
        case 1:
          waymark_plan_set_item_year_cost (fixture->plan, cbim, 2, 170000, 165000);
          waymark_plan_get_item_year (fixture->plan, cbim, 2, &year);
          /* High below low is raised to it. */
          g_assert_cmpint (year.unit_low, ==, 170000);
          g_assert_cmpint (year.unit_high, ==, 170000);
          break;
        case 2:
          /* The first year's quantity changes that year only. */
          waymark_plan_set_item_year_quantity (fixture->plan, drive, 0, 30);
          waymark_plan_get_item_year (fixture->plan, drive, 0, &year);
          g_assert_cmpuint (year.quantity, ==, 30);
          waymark_plan_get_item_year (fixture->plan, drive, 2, &year);
          g_assert_cmpuint (year.quantity, ==, 40);
          g_assert_cmpuint (waymark_plan_item_get_quantity (drive), ==, 30);
          break;
        case 3:
          waymark_plan_set_item_year_cost (fixture->plan, cbim, 0, 100000, 100000);
          waymark_plan_get_item_year (fixture->plan, cbim, 1, &year);
          g_assert_cmpint (year.unit_low, ==, 150000);
          g_assert_cmpint (year.unit_high, ==, 160000);
          break;
        case 4:
          /* Every year Drive's second: 45. */
          waymark_plan_apply_year_to_all (fixture->plan, drive, 1);
          for (guint y = 0; y < 3; y++)
            {
              waymark_plan_get_item_year (fixture->plan, drive, y, &year);
              g_assert_cmpuint (year.quantity, ==, 45);
            }
          g_assert_null (waymark_plan_item_get_year_figures (drive));
          break;
        case 5:
          waymark_plan_set_uplift (fixture->plan, 300);
          g_assert_cmpuint (waymark_plan_get_uplift (fixture->plan), ==, 300);
          break;
        case 6:
          waymark_plan_set_year_kind (fixture->plan, WAYMARK_YEAR_KIND_CALENDAR);
          break;
        case 7:
          /* Growing: the new years copy the last (CBIM's third year, £1,700). */
          waymark_plan_edit (fixture->plan, fixture->plan, "years", 5, NULL);
          {
            guint quantity;
            gint64 unit_low, unit_high;

            waymark_plan_item_get_year_entered (cbim, 4, &quantity, &unit_low, &unit_high);
            g_assert_cmpint (unit_low, ==, 170000);
            g_assert_cmpuint (quantity, ==, 10);
          }
          break;
        case 8:
          /* Shrinking to one: the later years' figures go. */
          waymark_plan_edit (fixture->plan, fixture->plan, "years", 1, NULL);
          g_assert_null (waymark_plan_item_get_year_figures (cbim));
          break;
        case 9:
          /* Growing again: year 2 follows the first, as the first was the last. */
          waymark_plan_edit (fixture->plan, fixture->plan, "years", 2, NULL);
          waymark_plan_get_item_year (fixture->plan, cbim, 1, &year);
          g_assert_cmpint (year.unit_low, ==, 103000);  /* £1,000 uplifted 3% */
          break;
        default:
          g_assert_not_reached ();
        }
      g_assert_cmpuint (fixture->changed, ==, changed + 1);

      after = to_json (fixture);
      g_assert_cmpstr (after, !=, before);
      waymark_plan_undo (fixture->plan);
      undone = to_json (fixture);
      g_assert_cmpstr (undone, ==, before);
      waymark_plan_redo (fixture->plan);
      redone = to_json (fixture);
      g_assert_cmpstr (redone, ==, after);
    }

  /* Setting what is there already is no step. */
  {
    guint changed = fixture->changed;

    waymark_plan_set_item_year_quantity (fixture->plan, drive, 1, 45);
    waymark_plan_apply_year_to_all (fixture->plan, drive, 0);
    waymark_plan_set_uplift (fixture->plan, 300);
    g_assert_cmpuint (fixture->changed, ==, changed);
  }
}

/* Versions 1 and 2 open as calendar years, all the same, with no uplift; saved, they are
 * version 3 and open again the same. */
static void
test_older_versions (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *names[] = { "plan-version-1.waymark", "plan-version-2.waymark" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = data_text ("data", names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkPlan) plan = open_text (fixture, text, &error);
      g_autoptr(WaymarkPlan) again = NULL;
      g_autofree char *json = NULL;
      g_autofree char *json_again = NULL;
      WaymarkPlanTotals totals, first;
      guint years;

      g_assert_no_error (error);
      g_assert_cmpint (waymark_plan_get_year_kind (plan), ==, WAYMARK_YEAR_KIND_CALENDAR);
      g_assert_cmpuint (waymark_plan_get_uplift (plan), ==, 0);
      years = waymark_plan_get_years (plan);
      g_assert_cmpuint (years, >, 1);
      waymark_plan_get_totals (plan, &totals);
      waymark_plan_get_year_totals (plan, 0, &first);
      g_assert_cmpint (first.total_low, >, 0);
      g_assert_cmpint (totals.total_low, ==, first.total_low * years);
      g_assert_cmpint (totals.total_high, ==, first.total_high * years);
      for (guint y = 1; y < years; y++)
        {
          WaymarkPlanTotals other;

          waymark_plan_get_year_totals (plan, y, &other);
          g_assert_cmpint (other.total_low, ==, first.total_low);
        }

      json = waymark_plan_to_json (plan, fixture->catalogue, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (json, "\"version\" : 3,"));
      g_assert_nonnull (strstr (json, "\"year_kind\" : \"calendar\","));
      again = open_text (fixture, json, &error);
      g_assert_no_error (error);
      json_again = waymark_plan_to_json (again, fixture->catalogue, &error);
      g_assert_cmpstr (json_again, ==, json);
    }
}

/* Version 3 is read strictly: each refusal names the item and the field. */
static void
test_bad_year_files (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *good = data_text ("golden", "plan-three-year.waymark");
  struct { const char *from; const char *to; const char *message; } cases[] = {
    { "\"year_kind\" : \"financial\"", "\"year_kind\" : \"fiscal\"",
      "years.waymark: year_kind \"fiscal\" is not one of financial, calendar" },
    { "\"uplift_basis_points\" : 250", "\"uplift_basis_points\" : 10001",
      "years.waymark: uplift_basis_points is 10001; it should be between 0 and 10000" },
    { "  \"uplift_basis_points\" : 250,\n", "",
      "years.waymark: uplift_basis_points is missing" },
    { "\"plan_year\" : 3", "\"plan_year\" : 4",
      "years.waymark: item \"drive\": year_figures[1]: plan_year 4 is past the plan's 3 years" },
    { "\"plan_year\" : 3", "\"plan_year\" : 2",
      "years.waymark: item \"drive\": year_figures[1]: plan_year 2 comes after plan_year 2: "
      "each year once, in order" },
    { "\"plan_year\" : 2", "\"plan_year\" : 1",
      "years.waymark: item \"drive\": year_figures[0]: plan_year is 1; it should be between 2 "
      "and 2147483647" },
    { "\"plan_year\" : 2,\n          \"quantity\" : 42", "\"plan_year\" : 2",
      "years.waymark: item \"drive\": year_figures[0]: it gives neither a quantity nor a unit "
      "cost: a year with no figures of its own is left out" },
    { "\"plan_year\" : 2,", "\"plan_year\" : 2, \"quantity_2\" : 1,",
      "years.waymark: item \"drive\": year_figures[0]: unknown field \"quantity_2\" (is it "
      "misspelt?)" },
    { "\"plan_year\" : 2,\n          \"quantity\" : 42",
      "\"plan_year\" : 2,\n          \"quantity\" : 42, \"unit_cost_pence\" : 100",
      "years.waymark: item \"drive\": year_figures[0]: unit_cost_high_pence is missing" },
    { "\"plan_year\" : 2,\n          \"quantity\" : 42",
      "\"plan_year\" : 2,\n          \"quantity\" : 1000001",
      "years.waymark: item \"drive\": year_figures[0]: quantity is 1000001; it should be "
      "between 0 and 1000000" },
    { "\"year_figures\" : [],", "\"year_figures\" : {},",
      "years.waymark: item \"coaching-boys-into-men\": year_figures should be a list, not an "
      "object" },
    { "      \"year_figures\" : [],\n", "",
      "years.waymark: item \"coaching-boys-into-men\": year_figures is missing" },
    /* One computed entry a year: three here. */
    { "      \"years\" : [\n        {", "      \"years\" : [\n        {}, {",
      "years.waymark: item \"coaching-boys-into-men\": years has 4 entries; the plan runs for 3 "
      "years" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = test_replace_once (good, cases[i].from, cases[i].to);
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkPlan) plan = NULL;

      g_test_message ("case %u", i);
      plan = open_text (fixture, bad, &error);
      g_assert_null (plan);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/plan/years/kind-and-labels", test_year_kind_and_labels);
  g_test_add_func ("/core/plan/years/uplift-arithmetic", test_uplift_arithmetic);
  ADD ("/core/plan/years/three-years-by-hand", test_three_years_by_hand);
  ADD ("/core/plan/years/breakdown-over-the-plan", test_breakdown_over_the_plan);
  ADD ("/core/plan/years/each-edit-undoes", test_each_edit_undoes);
  ADD ("/core/plan/years/older-versions", test_older_versions);
  ADD ("/core/plan/years/bad-files", test_bad_year_files);

#undef ADD

  return g_test_run ();
}
