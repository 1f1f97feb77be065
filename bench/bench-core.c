/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <sys/resource.h>

#include "waymark-catalogue.h"
#include "waymark-criteria.h"
#include "waymark-plan-io.h"

/* bench-core CATALOGUE: load time and peak memory; filtering per keystroke and per filter change
 * (median and worst of many); plan export for a plan of every intervention. Figures only: no
 * assertions, no pass or fail. */

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
  g_print ("%-34s median %8.3f ms   worst %8.3f ms   (%u runs)\n", what,
           g_array_index (samples, double, samples->len / 2),
           g_array_index (samples, double, samples->len - 1), samples->len);
}

static guint
run_filter (WaymarkCatalogue *catalogue,
            WaymarkCriteria  *criteria)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
  guint matches = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (G_LIST_MODEL (catalogue), i);
      matches += waymark_criteria_match (criteria, item);
    }
  return matches;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  g_autoptr(WaymarkCriteria) criteria = waymark_criteria_new ();
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (double));
  const char *typed = "perpetrator programme";
  struct rusage usage;
  double start, load_ms;
  guint n;

  if (argc != 2)
    {
      g_printerr ("usage: bench-core CATALOGUE\n");
      return 2;
    }

  file = g_file_new_for_path (argv[1]);
  start = now_ms ();
  catalogue = waymark_catalogue_new_from_file (file, &error);
  load_ms = now_ms () - start;
  if (catalogue == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
  getrusage (RUSAGE_SELF, &usage);
  g_print ("interventions                      %u\n", n);
  g_print ("catalogue load                     %8.1f ms\n", load_ms);
  g_print ("peak memory after load             %8.1f MB\n", usage.ru_maxrss / 1024.0);

  /* The first pass builds each intervention's folded search text; measure it on its own. */
  start = now_ms ();
  waymark_criteria_set_search (criteria, "x");
  run_filter (catalogue, criteria);
  g_print ("first search (builds search text)  %8.1f ms\n", now_ms () - start);
  waymark_criteria_reset (criteria);

  /* Typing, one keystroke at a time, ten times over. */
  for (guint round = 0; round < 10; round++)
    for (gsize len = 1; len <= strlen (typed); len++)
      {
        g_autofree char *prefix = g_strndup (typed, len);
        double t;

        waymark_criteria_set_search (criteria, prefix);
        t = now_ms ();
        run_filter (catalogue, criteria);
        t = now_ms () - t;
        g_array_append_val (keystrokes, t);
      }
  waymark_criteria_reset (criteria);
  report ("filter per keystroke", keystrokes);

  /* Filter changes: toggling each criterion in turn. */
  for (guint round = 0; round < 20; round++)
    {
      double t;

      waymark_criteria_set_levels (criteria, round % 2 ? WAYMARK_LEVEL_PRIMARY : 0);
      t = now_ms (); run_filter (catalogue, criteria); t = now_ms () - t;
      g_array_append_val (changes, t);
      waymark_criteria_set_works_with (criteria, round % 3 ? WAYMARK_WORKS_WITH_PERPETRATORS : 0);
      t = now_ms (); run_filter (catalogue, criteria); t = now_ms () - t;
      g_array_append_val (changes, t);
      waymark_criteria_set_min_evidence (criteria, round % 4 ? WAYMARK_RATING_MODERATE : 0);
      t = now_ms (); run_filter (catalogue, criteria); t = now_ms () - t;
      g_array_append_val (changes, t);
      waymark_criteria_set_llr_status (criteria, round % 5 ? 1u << WAYMARK_LLR_STATUS_NOT_IN_PLACE : 0);
      t = now_ms (); run_filter (catalogue, criteria); t = now_ms () - t;
      g_array_append_val (changes, t);
    }
  report ("filter per filter change", changes);

  /* A plan holding every intervention (at 10,000: the 10,000-item plan). */
  {
    g_autoptr(WaymarkPlan) plan = waymark_plan_new ();
    g_autofree char *json = NULL;
    g_autofree char *csv = NULL;
    double t;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(WaymarkIntervention) item = g_list_model_get_item (G_LIST_MODEL (catalogue), i);
        g_autoptr(WaymarkPlanItem) plan_item = waymark_plan_item_new_for_intervention (item);
        waymark_plan_add_item (plan, plan_item);
      }
    t = now_ms ();
    json = waymark_plan_to_json (plan, catalogue, NULL);
    g_print ("plan export, JSON (%u items)  %8.1f ms\n", n, now_ms () - t);
    t = now_ms ();
    csv = waymark_plan_to_csv (plan, catalogue, NULL);
    g_print ("plan export, CSV (%u items)   %8.1f ms\n", n, now_ms () - t);
  }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory at end                 %8.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
