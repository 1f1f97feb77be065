/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>

#include "waymark-catalogue.h"
#include "waymark-plan-comparison.h"

/* bench-plan-comparison: four plans of every intervention in the review (35 items each), with
 * quantities, costs (some ranges, some none), reach and years that differ, compared side by
 * side as the Compare Plans window and `waymark-cli compare-plans` do (issue 17; target: one
 * 60 Hz frame, 16 ms). Median and worst of many; the load average before and after, as the
 * machine is shared. Figures only: no assertions, no pass or fail. */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *samples)
{
  g_array_sort (samples, compare_double);
  g_print ("%-40s median %8.3f ms   worst %8.3f ms   (%u runs)\n", what,
           g_array_index (samples, double, samples->len / 2),
           g_array_index (samples, double, samples->len - 1), samples->len);
}

static void
print_load (const char *when)
{
  g_autofree char *loadavg = NULL;

  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    g_print ("load average %s: %s", when, loadavg);
}

static WaymarkPlan *
make_plan (WaymarkCatalogue *catalogue,
           guint             seed)
{
  WaymarkPlan *plan = waymark_plan_new ();
  GListModel *model = G_LIST_MODEL (catalogue);
  g_autofree char *title = g_strdup_printf ("Scenario %c", 'A' + seed);

  waymark_plan_edit (plan, plan, "title", title, "start-year", 2026 + seed % 2,
                     "years", 2 + seed, "budget", G_GINT64_CONSTANT (100000000) * (seed + 1),
                     NULL);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WaymarkIntervention) intervention = g_list_model_get_item (model, i);
      g_autoptr(WaymarkPlanItem) item = waymark_plan_item_new_for_intervention (intervention);

      waymark_plan_add_item (plan, item);
      waymark_plan_edit (plan, item, "quantity", 1 + (i * 7 + seed * 3) % 50,
                         "reach", (i + seed) % 3 == 0 ? 0u : 10 + i,
                         "reach-group", (WaymarkReachGroup) (1 + (i + seed) % 6), NULL);
      if ((i + seed) % 9 == 0)
        waymark_plan_set_item_cost (plan, item, WAYMARK_NO_COST, WAYMARK_NO_COST,
                                    WAYMARK_COST_SOURCE_ESTIMATE);
      else
        waymark_plan_set_item_cost (plan, item, 10000 + i * 1000 + seed * 500,
                                    10000 + i * 1000 + seed * 500 + (i % 4) * 2000,
                                    WAYMARK_COST_SOURCE_LOCAL_QUOTE);
    }
  return plan;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = waymark_catalogue_new_default (&error);
  g_autoptr(GArray) compare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) exports = g_array_new (FALSE, FALSE, sizeof (double));
  WaymarkPlan *plans[4];
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 200;

  if (catalogue == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint p = 0; p < 4; p++)
    plans[p] = make_plan (catalogue, p);
  g_print ("four plans of %u items each\n", g_list_model_get_n_items (G_LIST_MODEL (plans[0])));

  print_load ("before");
  for (guint r = 0; r < MAX (runs, 1u); r++)
    {
      double start = now_ms (), made;
      g_autoptr(WaymarkPlanComparison) comparison =
        waymark_plan_comparison_new (plans, NULL, 4, catalogue);
      g_autofree char *csv = NULL;
      g_autofree char *json = NULL;

      made = now_ms ();
      g_array_append_val (compare, (double) { made - start });
      csv = waymark_plan_comparison_to_csv (comparison);
      json = waymark_plan_comparison_to_json (comparison);
      g_array_append_val (exports, (double) { now_ms () - made });
    }
  print_load ("after");
  report ("compare four 35-item plans", compare);
  report ("then its CSV and JSON", exports);

  for (guint p = 0; p < 4; p++)
    g_object_unref (plans[p]);
  return 0;
}
