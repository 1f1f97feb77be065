/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "waymark-catalogue.h"
#include "waymark-criteria.h"
#include "waymark-plan-io.h"

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
  /* #SafeToSay's heading says "domestic abuse and sexual violence": its focus is both. */
  waymark_criteria_set_focus (fixture->criteria, 1u << WAYMARK_FOCUS_SV);
  assert_matching (fixture, "real-consent good-night-out stop-sv");
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
assert_found_in (Fixture    *fixture,
                 const char *id,
                 const char *heading,
                 const char *excerpt)
{
  WaymarkIntervention *item = waymark_catalogue_lookup (fixture->catalogue, id);
  const char *found_heading = NULL;
  g_autofree char *found_excerpt = NULL;

  g_assert_nonnull (item);
  g_assert_cmpint (waymark_criteria_find_in_text (fixture->criteria, item, &found_heading,
                                                  &found_excerpt), ==, heading != NULL);
  g_assert_cmpstr (found_heading, ==, heading);
  g_assert_cmpstr (found_excerpt, ==, excerpt);
}

/* What a commissioner types finds the interventions the review says it concerns, in its evidence,
 * impact, feasibility and grouping too, and says where (issue 13: "bystander" missed Mentors in
 * Violence Prevention, Real Consent and STOP-SV; "stalking" found nothing). */
static void
test_search_review_text (Fixture       *fixture,
                         gconstpointer  data)
{
  waymark_criteria_set_search (fixture->criteria, "bystander");
  assert_matching (fixture, "real-consent mentors-in-violence-prevention safe-to-say "
                            "active-bystander-communities good-night-out stop-sv");
  /* The review's words, as written: a short line whole, a long one cut at words. */
  assert_found_in (fixture, "stop-sv", "Section of the review",
                   "Primary intervention: Active bystander programmes");
  assert_found_in (fixture, "mentors-in-violence-prevention", "Impact",
                   "…in attitudes, social influences, and bystander intervention behaviour.");
  /* In the name: the row shows it already. */
  assert_found_in (fixture, "active-bystander-communities", NULL, NULL);

  waymark_criteria_set_search (fixture->criteria, "stalking");
  assert_matching (fixture, "drive");
  /* A line of the review's list, without the hyphen it typed as a bullet. */
  assert_found_in (fixture, "drive", "Impact",
                   "75% fewer perpetrators were using harassment and stalking");

  /* The first word the name and summary lack is the one shown; accents are ignored. */
  waymark_criteria_set_search (fixture->criteria, "Drive STALKÏNG");
  assert_matching (fixture, "drive");
  assert_found_in (fixture, "drive", "Impact",
                   "75% fewer perpetrators were using harassment and stalking");

  waymark_criteria_set_search (fixture->criteria, NULL);
  assert_found_in (fixture, "drive", NULL, NULL);
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

/* tests/data/appraisal.waymark, read against the review's catalogue. Its items: drive, iris,
 * counselling (none on the long list, so shortlisted as items) and cbt-victims (not taken forward
 * on the long list). The rest of its long list: mentors-in-violence-prevention shortlisted,
 * safe-dates deferred, and local-idva-service shortlisted, a local service and no row of the
 * catalogue. */
static WaymarkPlan *
open_appraisal_plan (Fixture *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "appraisal.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WaymarkPlan *plan = waymark_plan_new_from_file (file, fixture->catalogue, &error);

  g_assert_no_error (error);
  return plan;
}

static void
test_option_status_each (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(WaymarkPlan) plan = open_appraisal_plan (fixture);
  g_autofree char *rest = NULL;

  waymark_criteria_set_plan (fixture->criteria, plan);

  /* In the review's order: the long list's shortlisted mentors-in-violence-prevention, and the
   * items iris, drive and counselling, which the long list does not name. */
  waymark_criteria_set_option_status (fixture->criteria, WAYMARK_OPTION_STATUS_SET_SHORTLISTED);
  assert_matching (fixture, "mentors-in-violence-prevention iris drive counselling");
  g_assert_false (waymark_criteria_is_empty (fixture->criteria));

  /* An item the long list names takes the long list's status. */
  waymark_criteria_set_option_status (fixture->criteria,
                                      WAYMARK_OPTION_STATUS_SET_NOT_TAKEN_FORWARD);
  assert_matching (fixture, "cbt-victims");

  waymark_criteria_set_option_status (fixture->criteria, WAYMARK_OPTION_STATUS_SET_DEFERRED);
  assert_matching (fixture, "safe-dates");

  /* The rest: 35 - 4 shortlisted - 1 not taken forward - 1 deferred = 29. The long list's
   * local-idva-service is no row of the catalogue, so it is in none of the four: 4 + 1 + 1 +
   * 29 = 35 rows. */
  waymark_criteria_set_option_status (fixture->criteria,
                                      WAYMARK_OPTION_STATUS_SET_NOT_ON_LONG_LIST);
  g_assert_cmpuint (count_matching (fixture), ==, 29);
  rest = matching (fixture);
  g_assert_true (g_str_has_prefix (rest, "coaching-boys-into-men real-consent "
                                         "relationships-without-fear tender escape-the-control"));
  for (const char * const *id = (const char * const[]) { "safe-dates", "iris", "cbt-victims",
                                                          "drive", "counselling", NULL };
       *id != NULL; id++)
    g_assert_null (strstr (rest, *id));
  g_assert_null (strstr (rest, "local-idva-service"));
}

static void
test_option_status_combined (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(WaymarkPlan) plan = open_appraisal_plan (fixture);

  waymark_criteria_set_plan (fixture->criteria, plan);

  /* Statuses are alternatives... */
  waymark_criteria_set_option_status (fixture->criteria,
                                      WAYMARK_OPTION_STATUS_SET_NOT_TAKEN_FORWARD |
                                      WAYMARK_OPTION_STATUS_SET_DEFERRED);
  assert_matching (fixture, "safe-dates cbt-victims");
  waymark_criteria_set_option_status (fixture->criteria,
                                      WAYMARK_OPTION_STATUS_SET_SHORTLISTED |
                                      WAYMARK_OPTION_STATUS_SET_DEFERRED);
  assert_matching (fixture, "safe-dates mentors-in-violence-prevention iris drive counselling");
  /* 4 + 1 + 29: everything but the one not taken forward. */
  waymark_criteria_set_option_status (fixture->criteria,
                                      WAYMARK_OPTION_STATUS_SET_SHORTLISTED |
                                      WAYMARK_OPTION_STATUS_SET_DEFERRED |
                                      WAYMARK_OPTION_STATUS_SET_NOT_ON_LONG_LIST);
  g_assert_cmpuint (count_matching (fixture), ==, 34);

  /* ...and combine with the other criteria: of the shortlisted and deferred, the tertiary ones
   * are drive and counselling (safe-dates and mentors are primary, iris secondary). */
  waymark_criteria_set_option_status (fixture->criteria,
                                      WAYMARK_OPTION_STATUS_SET_SHORTLISTED |
                                      WAYMARK_OPTION_STATUS_SET_DEFERRED);
  waymark_criteria_set_levels (fixture->criteria, WAYMARK_LEVEL_TERTIARY);
  assert_matching (fixture, "drive counselling");

  /* Reset clears the status filter but keeps the plan, which is no filter. */
  waymark_criteria_reset (fixture->criteria);
  g_assert_cmpuint (waymark_criteria_get_option_status (fixture->criteria), ==, 0);
  g_assert_true (waymark_criteria_get_plan (fixture->criteria) == plan);
  g_assert_true (waymark_criteria_is_empty (fixture->criteria));
  g_assert_cmpuint (count_matching (fixture), ==, 35);
}

/* Items of the plan count as shortlisted until the long list says otherwise; the filter follows
 * the plan's items and long list as they change, undo included, each change one "changed". */
static void
test_option_status_follows_plan (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(WaymarkPlan) plan = open_appraisal_plan (fixture);
  WaymarkAppraisal *appraisal = waymark_plan_get_appraisal (plan);
  WaymarkIntervention *tender = waymark_catalogue_lookup (fixture->catalogue, "tender");
  g_autoptr(GError) error = NULL;
  g_autofree char *rest = NULL;
  g_autoptr(WaymarkPlanItem) item = NULL;
  guint position;

  waymark_criteria_set_option_status (fixture->criteria, WAYMARK_OPTION_STATUS_SET_DEFERRED);
  g_assert_cmpuint (fixture->changed, ==, 1);
  assert_matching (fixture, "");
  /* Another plan is another long list. */
  waymark_criteria_set_plan (fixture->criteria, plan);
  g_assert_cmpuint (fixture->changed, ==, 2);
  assert_matching (fixture, "safe-dates");
  waymark_criteria_set_plan (fixture->criteria, plan);
  g_assert_cmpuint (fixture->changed, ==, 2);

  waymark_criteria_set_option_status (fixture->criteria, WAYMARK_OPTION_STATUS_SET_SHORTLISTED);
  g_assert_cmpuint (fixture->changed, ==, 3);

  /* An item added: shortlisted, with no long-list entry. */
  g_assert_nonnull (tender);
  item = waymark_plan_item_new_for_intervention (tender);
  waymark_plan_add_item (plan, item);
  g_assert_cmpuint (fixture->changed, ==, 4);
  assert_matching (fixture, "tender mentors-in-violence-prevention iris drive counselling");

  /* Deferred on the long list: no longer shortlisted. */
  g_assert_true (waymark_appraisal_set_status (appraisal, "tender",
                                               WAYMARK_OPTION_STATUS_DEFERRED, NULL,
                                               WAYMARK_OPTION_DIMENSION_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 5);
  assert_matching (fixture, "mentors-in-violence-prevention iris drive counselling");

  /* Undone: shortlisted again. */
  waymark_plan_undo (plan);
  g_assert_cmpuint (fixture->changed, ==, 6);
  assert_matching (fixture, "tender mentors-in-violence-prevention iris drive counselling");

  /* Removed from the plan: not on the long list. */
  g_assert_nonnull (waymark_plan_find_item (plan, "tender", &position));
  waymark_plan_remove_item (plan, position);
  g_assert_cmpuint (fixture->changed, ==, 7);
  assert_matching (fixture, "mentors-in-violence-prevention iris drive counselling");
  waymark_criteria_set_option_status (fixture->criteria,
                                      WAYMARK_OPTION_STATUS_SET_NOT_ON_LONG_LIST);
  rest = matching (fixture);
  g_assert_true (g_str_has_prefix (rest, "coaching-boys-into-men real-consent "
                                         "relationships-without-fear tender "));

  /* With no status filter the plan's changes change no match, and say nothing. */
  waymark_criteria_set_option_status (fixture->criteria, 0);
  fixture->changed = 0;
  waymark_plan_undo (plan);
  waymark_criteria_set_plan (fixture->criteria, NULL);
  g_assert_cmpuint (fixture->changed, ==, 0);
  g_assert_true (waymark_criteria_is_empty (fixture->criteria));
}

static void
test_option_status_no_plan (Fixture       *fixture,
                            gconstpointer  data)
{
  /* Without a plan nothing is on a long list. */
  waymark_criteria_set_option_status (fixture->criteria, WAYMARK_OPTION_STATUS_SET_SHORTLISTED |
                                                         WAYMARK_OPTION_STATUS_SET_DEFERRED);
  assert_matching (fixture, "");
  waymark_criteria_set_option_status (fixture->criteria,
                                      WAYMARK_OPTION_STATUS_SET_NOT_ON_LONG_LIST);
  g_assert_cmpuint (count_matching (fixture), ==, 35);
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

/* The tables: one per filter dimension, each the source of its type's ids */

static void
assert_table (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  guint n_values = G_IS_ENUM_CLASS (klass) ? G_ENUM_CLASS (klass)->n_values
                                           : G_FLAGS_CLASS (klass)->n_values;
  guint n_choices = 0;
  const WaymarkChoice *choices = waymark_choices_for_type (type, &n_choices);

  g_test_message ("%s", g_type_name (type));
  g_assert_nonnull (choices);
  g_assert_cmpuint (n_choices, ==, n_values);

  for (guint i = 0; i < n_values; i++)
    {
      guint value = G_IS_ENUM_CLASS (klass) ? (guint) G_ENUM_CLASS (klass)->values[i].value
                                            : G_FLAGS_CLASS (klass)->values[i].value;
      const char *nick = G_IS_ENUM_CLASS (klass) ? G_ENUM_CLASS (klass)->values[i].value_nick
                                                 : G_FLAGS_CLASS (klass)->values[i].value_nick;
      const WaymarkChoice *choice = waymark_choice_lookup (type, value);
      const char *label;

      /* Every value has an id (the nick) and a label for people. */
      g_assert_nonnull (choice);
      g_assert_cmpuint (choice->value, ==, value);
      g_assert_cmpstr (choice->id, ==, nick);
      g_assert_cmpuint (strlen (choice->id), >, 0);
      label = waymark_choice_get_label (choice);
      g_assert_nonnull (label);
      g_assert_cmpuint (strlen (label), >, 0);
      g_assert_nonnull (waymark_choice_get_short_label (choice));

      /* id -> value -> id */
      g_assert_true (waymark_choice_lookup_id (type, choice->id) == choice);
      if (G_IS_ENUM_CLASS (klass))
        {
          int back;

          g_assert_true (waymark_enum_from_string (type, choice->id, &back));
          g_assert_cmpint (back, ==, (int) value);
          g_assert_cmpstr (waymark_enum_to_string (type, back), ==, choice->id);
        }
      else
        {
          const char *strv[] = { choice->id, NULL };
          g_auto(GStrv) back = NULL;

          g_assert_cmpuint (waymark_flags_from_strv (type, strv, NULL), ==, value);
          back = waymark_flags_to_strv (type, value);
          g_assert_cmpuint (g_strv_length (back), ==, 1);
          g_assert_cmpstr (back[0], ==, choice->id);
        }
    }

  /* An unknown id is refused. */
  g_assert_null (waymark_choice_lookup_id (type, "hihg"));
  g_assert_null (waymark_choice_lookup_id (type, ""));
  g_assert_null (waymark_choice_lookup_id (type, NULL));
  if (G_IS_ENUM_CLASS (klass))
    {
      int v = -1;

      g_assert_false (waymark_enum_from_string (type, "hihg", &v));
      g_assert_cmpint (v, ==, -1);
    }
  else
    {
      const char *strv[] = { choices[0].id, "hihg", NULL };
      const char *invalid = NULL;

      g_assert_cmpuint (waymark_flags_from_strv (type, strv, &invalid), ==, 0);
      g_assert_cmpstr (invalid, ==, "hihg");
    }
}

static void
test_tables (void)
{
  const GType types[] = {
    WAYMARK_TYPE_LEVEL, WAYMARK_TYPE_FOCUS, WAYMARK_TYPE_FOCUS_SET, WAYMARK_TYPE_WORKS_WITH,
    WAYMARK_TYPE_AGE_GROUP, WAYMARK_TYPE_RATING, WAYMARK_TYPE_LLR_STATUS,
    WAYMARK_TYPE_LLR_STATUS_SET, WAYMARK_TYPE_SETTING, WAYMARK_TYPE_SORT_KEY,
    WAYMARK_TYPE_OPTION_STATUS_SET,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    assert_table (types[i]);

  /* A type with no table says so. */
  g_assert_null (waymark_choices_for_type (WAYMARK_TYPE_CURRENCY, NULL));
}

static void
test_tables_sets (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (WAYMARK_TYPE_CRITERIA);
  GParamSpec *focus = g_object_class_find_property (G_OBJECT_CLASS (klass), "focus");
  GParamSpec *status = g_object_class_find_property (G_OBJECT_CLASS (klass), "llr-status");
  guint n_focus, n_status;
  const WaymarkChoice *focus_rows = waymark_choices_for_type (WAYMARK_TYPE_FOCUS, &n_focus);
  const WaymarkChoice *status_rows = waymark_choices_for_type (WAYMARK_TYPE_LLR_STATUS, &n_status);

  /* Focus and status in LLR are filtered as GFlags like every other set... */
  g_assert_true (G_IS_PARAM_SPEC_FLAGS (focus));
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (focus) == WAYMARK_TYPE_FOCUS_SET);
  g_assert_true (G_IS_PARAM_SPEC_FLAGS (status));
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (status) == WAYMARK_TYPE_LLR_STATUS_SET);

  /* ...whose bits are 1 << the intervention's value, with the same ids and labels. */
  for (guint i = 0; i < n_focus; i++)
    {
      const WaymarkChoice *set = waymark_choice_lookup (WAYMARK_TYPE_FOCUS_SET,
                                                        1u << focus_rows[i].value);

      g_assert_nonnull (set);
      g_assert_cmpstr (set->id, ==, focus_rows[i].id);
      g_assert_cmpstr (waymark_choice_get_label (set), ==,
                       waymark_focus_get_label (focus_rows[i].value));
    }
  for (guint i = 0; i < n_status; i++)
    {
      const WaymarkChoice *set = waymark_choice_lookup (WAYMARK_TYPE_LLR_STATUS_SET,
                                                        1u << status_rows[i].value);

      g_assert_nonnull (set);
      g_assert_cmpstr (set->id, ==, status_rows[i].id);
      g_assert_cmpstr (waymark_choice_get_label (set), ==,
                       waymark_llr_status_get_label (status_rows[i].value));
    }
  g_assert_cmpuint (WAYMARK_LLR_STATUS_SET_NOT_IN_PLACE, ==, 1u << WAYMARK_LLR_STATUS_NOT_IN_PLACE);

  /* The labels the filter pane shows under its heading. */
  g_assert_cmpstr (waymark_choice_get_short_label (waymark_choice_lookup (WAYMARK_TYPE_LLR_STATUS_SET,
                                                                          WAYMARK_LLR_STATUS_SET_SIMILAR_IN_PLACE)),
                   ==, "Something similar in place");
  g_assert_cmpstr (waymark_choice_get_subtitle (waymark_choice_lookup (WAYMARK_TYPE_AGE_GROUP,
                                                                       WAYMARK_AGE_GROUP_UNDER_25)),
                   ==, "LLR’s priority focus");
  g_assert_null (waymark_choice_get_subtitle (waymark_choice_lookup (WAYMARK_TYPE_AGE_GROUP,
                                                                     WAYMARK_AGE_GROUP_ADULTS)));
}

static void
test_tables_minimums (void)
{
  guint n;
  const WaymarkChoice *minimums = waymark_criteria_get_minimum_choices (&n);
  const WaymarkRating expected[] = {
    WAYMARK_RATING_NONE, WAYMARK_RATING_LOW, WAYMARK_RATING_MODERATE, WAYMARK_RATING_HIGH,
  };

  /* In the order offered; a range is never a minimum; the ids are the ratings' own. */
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (minimums[i].value, ==, expected[i]);
      g_assert_cmpstr (minimums[i].id, ==, waymark_enum_to_string (WAYMARK_TYPE_RATING, expected[i]));
      g_assert_cmpuint (strlen (waymark_choice_get_label (&minimums[i])), >, 0);
    }
  g_assert_cmpstr (waymark_choice_get_label (&minimums[0]), ==, "Any");
  g_assert_cmpstr (waymark_choice_get_label (&minimums[3]), ==,
                   waymark_rating_get_label (WAYMARK_RATING_HIGH));
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
  ADD ("/core/criteria/search-review-text", test_search_review_text);
  ADD ("/core/criteria/notifications", test_notifications);
  ADD ("/core/criteria/sort", test_sort);
  ADD ("/core/criteria/option-status/each", test_option_status_each);
  ADD ("/core/criteria/option-status/combined", test_option_status_combined);
  ADD ("/core/criteria/option-status/follows-plan", test_option_status_follows_plan);
  ADD ("/core/criteria/option-status/no-plan", test_option_status_no_plan);

#undef ADD

  g_test_add_func ("/core/criteria/tables/every-value", test_tables);
  g_test_add_func ("/core/criteria/tables/sets", test_tables_sets);
  g_test_add_func ("/core/criteria/tables/minimums", test_tables_minimums);

  return g_test_run ();
}
