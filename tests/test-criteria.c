/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "waymark-catalogue.h"
#include "waymark-criteria.h"

/* Filter semantics on the review's own catalogue: within a criterion values are alternatives,
 * criteria combine, a minimum rating compares the low end of a range. */

typedef struct
{
  WaymarkCatalogue *catalogue;
  WaymarkCriteria  *criteria;
  guint             changed;
} Fixture;

static void
on_changed (WaymarkCriteria *criteria,
            Fixture         *fixture)
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
  fixture->criteria = waymark_criteria_new ();
  g_signal_connect (fixture->criteria, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->criteria);
  g_assert_finalize_object (fixture->catalogue);
}

/* The ids that match, in the review's order, joined by spaces. */
static char *
matching (Fixture *fixture)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->catalogue));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) item =
        g_list_model_get_item (G_LIST_MODEL (fixture->catalogue), i);

      if (waymark_criteria_match (fixture->criteria, item))
        g_string_append_printf (out, "%s%s", out->len ? " " : "", waymark_intervention_get_id (item));
    }

  return g_string_free (out, FALSE);
}

static guint
count_matching (Fixture *fixture)
{
  g_autofree char *ids = matching (fixture);
  g_auto(GStrv) split = g_strsplit (ids, " ", -1);

  return *ids ? g_strv_length (split) : 0;
}

static void
assert_matching (Fixture    *fixture,
                 const char *expected)
{
  g_autofree char *ids = matching (fixture);

  g_assert_cmpstr (ids, ==, expected);
}

static void
test_empty_matches_all (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *ids = matching (fixture);
  g_auto(GStrv) split = g_strsplit (ids, " ", -1);

  g_assert_true (waymark_criteria_is_empty (fixture->criteria));
  g_assert_cmpuint (g_strv_length (split), ==, 35);
}

static void
test_perpetrators_high_impact_not_in_place (Fixture       *fixture,
                                            gconstpointer  data)
{
  /* The browser issue's own example: "interventions for perpetrators with high impact not yet in
   * place in LLR". */
  waymark_criteria_set_works_with (fixture->criteria, WAYMARK_WORKS_WITH_PERPETRATORS);
  waymark_criteria_set_min_impact (fixture->criteria, WAYMARK_RATING_HIGH);
  waymark_criteria_set_llr_status (fixture->criteria, 1u << WAYMARK_LLR_STATUS_NOT_IN_PLACE);
  assert_matching (fixture, "drive");
  g_assert_cmpuint (fixture->changed, ==, 3);
}

static void
test_perpetrators_moderate_evidence (Fixture       *fixture,
                                     gconstpointer  data)
{
  waymark_criteria_set_works_with (fixture->criteria, WAYMARK_WORKS_WITH_PERPETRATORS);
  waymark_criteria_set_min_evidence (fixture->criteria, WAYMARK_RATING_MODERATE);
  assert_matching (fixture, "dapps make-a-change clear cara cbt-perpetrators drive");
}

static void
test_range_counts_as_low_end (Fixture       *fixture,
                              gconstpointer  data)
{
  /* CBT for victims and for perpetrators have LOW/MODERATE and MODERATE/LOW impact. */
  waymark_criteria_set_min_impact (fixture->criteria, WAYMARK_RATING_LOW);
  g_assert_cmpuint (count_matching (fixture), ==, 25);
  waymark_criteria_set_min_impact (fixture->criteria, WAYMARK_RATING_LOW_MODERATE);
  g_assert_cmpuint (count_matching (fixture), ==, 25);
  waymark_criteria_set_min_impact (fixture->criteria, WAYMARK_RATING_MODERATE);
  g_assert_cmpuint (count_matching (fixture), ==, 22);
  waymark_criteria_set_min_impact (fixture->criteria, WAYMARK_RATING_HIGH);
  assert_matching (fixture, "coaching-boys-into-men safe-dates tender dv-screening dapps cara "
                            "marac drive");
}

static void
test_levels_or (Fixture       *fixture,
                gconstpointer  data)
{
  waymark_criteria_set_levels (fixture->criteria, WAYMARK_LEVEL_TERTIARY);
  assert_matching (fixture, "marac drive second-responder high-harm-offender-programmes counselling "
                            "crisis-centres dvpn-dvpo mappa change-that-lasts expert-voices");
  waymark_criteria_set_levels (fixture->criteria, WAYMARK_LEVEL_PRIMARY | WAYMARK_LEVEL_TERTIARY);
  /* 11 rated primary, 3 rated tertiary, and the unrated approaches at those levels. */
  g_assert_cmpuint (count_matching (fixture), ==, 11 + 1 + 10);
}

static void
test_focus_and_status (Fixture       *fixture,
                       gconstpointer  data)
{
  waymark_criteria_set_focus (fixture->criteria, 1u << WAYMARK_FOCUS_SV);
  assert_matching (fixture, "real-consent safe-to-say good-night-out stop-sv");
  waymark_criteria_set_focus (fixture->criteria, 0);
  waymark_criteria_set_llr_status (fixture->criteria, (1u << WAYMARK_LLR_STATUS_IN_PLACE));
  assert_matching (fixture, "dv-screening iris helplines dapps cara marac second-responder");
}

static void
test_cost (Fixture       *fixture,
           gconstpointer  data)
{
  waymark_criteria_set_cost_published (fixture->criteria, TRUE);
  assert_matching (fixture, "safe-dates relationships-without-fear dv-screening cbt-victims "
                            "make-a-change cbt-perpetrators drive");

  /* £2,500 admits Drive (£2,400) but not MAC (£2,970); dollars are never compared to pounds. */
  waymark_criteria_set_max_cost (fixture->criteria, 250000);
  assert_matching (fixture, "relationships-without-fear dv-screening cbt-victims "
                            "cbt-perpetrators drive");
  waymark_criteria_set_max_cost (fixture->criteria, 6000);
  assert_matching (fixture, "cbt-victims cbt-perpetrators");
}

static void
test_age_groups (Fixture       *fixture,
                 gconstpointer  data)
{
  WaymarkIntervention *cbim = waymark_catalogue_lookup (fixture->catalogue, "coaching-boys-into-men");
  WaymarkIntervention *safe_to_say = waymark_catalogue_lookup (fixture->catalogue, "safe-to-say");
  WaymarkIntervention *dart = waymark_catalogue_lookup (fixture->catalogue, "dart");

  /* CBIM is for 13 to 25: children, under-25s and adults. #SafeToSay is for 25 to 34. DART is
   * for children aged 7 to 14. */
  waymark_criteria_set_age_groups (fixture->criteria, WAYMARK_AGE_GROUP_CHILDREN);
  g_assert_true (waymark_criteria_match (fixture->criteria, cbim));
  g_assert_false (waymark_criteria_match (fixture->criteria, safe_to_say));
  g_assert_true (waymark_criteria_match (fixture->criteria, dart));

  waymark_criteria_set_age_groups (fixture->criteria, WAYMARK_AGE_GROUP_UNDER_25);
  g_assert_true (waymark_criteria_match (fixture->criteria, cbim));
  g_assert_false (waymark_criteria_match (fixture->criteria, safe_to_say));

  waymark_criteria_set_age_groups (fixture->criteria, WAYMARK_AGE_GROUP_ADULTS);
  g_assert_true (waymark_criteria_match (fixture->criteria, cbim));
  g_assert_true (waymark_criteria_match (fixture->criteria, safe_to_say));
  g_assert_false (waymark_criteria_match (fixture->criteria, dart));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  /* Case-insensitive, across organisations and references too. */
  waymark_criteria_set_search (fixture->criteria, "nspcc");
  assert_matching (fixture, "dart");
  waymark_criteria_set_search (fixture->criteria, "DEVINE");
  assert_matching (fixture, "dv-screening");

  /* Every word must match, in any field. */
  waymark_criteria_set_search (fixture->criteria, "  university   consent ");
  assert_matching (fixture, "real-consent");
  g_assert_cmpstr (waymark_criteria_get_search (fixture->criteria), ==, "university   consent");

  /* Accents are ignored both ways. */
  waymark_criteria_set_search (fixture->criteria, "Réal Cönsent");
  assert_matching (fixture, "real-consent");

  waymark_criteria_set_search (fixture->criteria, "no such words anywhere");
  assert_matching (fixture, "");
}

static void
test_notifications (Fixture       *fixture,
                    gconstpointer  data)
{
  waymark_criteria_set_levels (fixture->criteria, WAYMARK_LEVEL_PRIMARY);
  waymark_criteria_set_levels (fixture->criteria, WAYMARK_LEVEL_PRIMARY);
  waymark_criteria_set_search (fixture->criteria, "safe");
  waymark_criteria_set_search (fixture->criteria, " safe ");
  g_assert_cmpuint (fixture->changed, ==, 2);

  /* Reset is one change, and resetting nothing is none. */
  waymark_criteria_reset (fixture->criteria);
  g_assert_cmpuint (fixture->changed, ==, 3);
  g_assert_true (waymark_criteria_is_empty (fixture->criteria));
  waymark_criteria_reset (fixture->criteria);
  g_assert_cmpuint (fixture->changed, ==, 3);
}

static int
compare_with_key (gconstpointer a,
                  gconstpointer b,
                  gpointer      key)
{
  return waymark_intervention_compare (*(WaymarkIntervention **) a, *(WaymarkIntervention **) b,
                                       GPOINTER_TO_INT (key));
}

static char *
sorted_ids (Fixture        *fixture,
            WaymarkSortKey  key,
            guint           limit)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->catalogue));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (fixture->catalogue), i));
  g_ptr_array_sort_with_data (items, compare_with_key, GINT_TO_POINTER (key));

  for (guint i = 0; i < MIN (limit, items->len); i++)
    g_string_append_printf (out, "%s%s", i ? " " : "",
                            waymark_intervention_get_id (g_ptr_array_index (items, i)));

  return g_string_free (out, FALSE);
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *by_cost = sorted_ids (fixture, WAYMARK_SORT_COST, 8);
  g_autofree char *by_evidence = sorted_ids (fixture, WAYMARK_SORT_EVIDENCE, 6);
  g_autofree char *by_name = sorted_ids (fixture, WAYMARK_SORT_NAME, 4);
  g_autofree char *by_review = sorted_ids (fixture, WAYMARK_SORT_REVIEW, 3);

  /* Pounds cheapest first, then dollars, then no published cost (by name). */
  g_assert_cmpstr (by_cost, ==, "cbt-perpetrators cbt-victims dv-screening "
                                "relationships-without-fear drive make-a-change safe-dates "
                                "safe-to-say");
  /* Strongest evidence first, ties by name. */
  g_assert_cmpstr (by_evidence, ==, "coaching-boys-into-men cbt-perpetrators dapps iris "
                                    "mentors-in-violence-prevention cara");
  /* Case-insensitive. */
  g_assert_cmpstr (by_name, ==, "safe-to-say active-bystander-communities ask-me cara");
  g_assert_cmpstr (by_review, ==, "coaching-boys-into-men real-consent safe-dates");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/criteria/empty", test_empty_matches_all);
  ADD ("/core/criteria/perpetrators-high-impact-not-in-place",
       test_perpetrators_high_impact_not_in_place);
  ADD ("/core/criteria/perpetrators-moderate-evidence", test_perpetrators_moderate_evidence);
  ADD ("/core/criteria/range-low-end", test_range_counts_as_low_end);
  ADD ("/core/criteria/levels", test_levels_or);
  ADD ("/core/criteria/focus-and-status", test_focus_and_status);
  ADD ("/core/criteria/cost", test_cost);
  ADD ("/core/criteria/age-groups", test_age_groups);
  ADD ("/core/criteria/search", test_search);
  ADD ("/core/criteria/notifications", test_notifications);
  ADD ("/core/criteria/sort", test_sort);

#undef ADD

  return g_test_run ();
}
