/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "test-util.h"
#include "waymark-appraisal-ranking.h"
#include "waymark-catalogue.h"
#include "waymark-plan-io.h"

/* Local services (issue 15): a service the review does not describe, never rated by it. Its
 * rules, the plan's undoable add, edit and remove, its item counted like any other, the plan
 * file and the local services file read back byte for byte, and hostile values refused with a
 * message naming the field. */

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

/* The existing IDVA service: from 16, tertiary, victims; £42,000 to £45,000 a post. */
static WaymarkLocalServiceFields
idva_fields (void)
{
  return (WaymarkLocalServiceFields) {
    .id = "llr-idva",
    .name = "LLR IDVA service",
    .levels = WAYMARK_LEVEL_TERTIARY,
    .focus = WAYMARK_FOCUS_DA,
    .works_with = WAYMARK_WORKS_WITH_VICTIMS,
    .age_min = 16,
    .age_max = -1,
    .provider = "Juniper Lodge",
    .unit = "adviser posts",
    .unit_cost = 4200000,
    .unit_cost_high = 4500000,
    .notes = "For high-risk victims;\nreferred by MARAC",
    .source = "Contract register, A. Commissioner, November 2026",
  };
}

static WaymarkLocalService *
make_service (const WaymarkLocalServiceFields *fields)
{
  g_autoptr(GError) error = NULL;
  WaymarkLocalService *service = waymark_local_service_new (fields, &error);

  g_assert_no_error (error);
  g_assert_nonnull (service);
  return service;
}

/* A plan's JSON without its exported_at, which every edit moves to the present. */
static char *
plan_json (WaymarkPlan      *plan,
           WaymarkCatalogue *catalogue)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = waymark_plan_to_json (plan, catalogue, &error);
  g_autoptr(GRegex) date = g_regex_new ("^  \"exported_at\" : \".*\",\n", G_REGEX_MULTILINE, 0,
                                        NULL);

  g_assert_no_error (error);
  return g_regex_replace_literal (date, json, -1, 0, "", 0, NULL);
}

static void
test_rules (void)
{
  WaymarkLocalServiceFields fields = idva_fields ();
  g_autoptr(WaymarkLocalService) service = make_service (&fields);
  WaymarkLocalServiceFields young = idva_fields ();
  WaymarkLocalServiceFields adults = idva_fields ();
  WaymarkLocalServiceFields no_ages = idva_fields ();
  g_autoptr(WaymarkLocalService) young_service = NULL;
  g_autoptr(WaymarkLocalService) adult_service = NULL;
  g_autoptr(WaymarkLocalService) no_age_service = NULL;
  g_autofree char *mark = NULL;

  g_assert_cmpstr (waymark_local_service_get_id (service), ==, "llr-idva");
  g_assert_cmpstr (waymark_local_service_get_name (service), ==, "LLR IDVA service");
  g_assert_cmpint (waymark_local_service_get_unit_cost (service), ==, 4200000);
  g_assert_cmpint (waymark_local_service_get_unit_cost_high (service), ==, 4500000);
  g_object_get (service, "mark", &mark, NULL);
  g_assert_cmpstr (mark, ==, "Local: not rated by the review");

  /* Under-25s by the browser's rule: 16 and over overlaps 0-24; 25-60 does not; no ages: who
   * it works with. */
  g_assert_true (waymark_local_service_get_for_young_people (service));
  adults.age_min = 25;
  adults.age_max = 60;
  adult_service = make_service (&adults);
  g_assert_false (waymark_local_service_get_for_young_people (adult_service));
  no_ages.age_min = -1;
  no_ages.works_with = WAYMARK_WORKS_WITH_VICTIMS;
  no_age_service = make_service (&no_ages);
  g_assert_false (waymark_local_service_get_for_young_people (no_age_service));
  young.age_min = -1;
  young.works_with = WAYMARK_WORKS_WITH_CHILDREN_YOUNG_PEOPLE;
  young_service = make_service (&young);
  g_assert_true (waymark_local_service_get_for_young_people (young_service));

  /* No cost at all is allowed: the commissioner may not know it yet. */
  fields.unit_cost = WAYMARK_NO_COST;
  fields.unit_cost_high = WAYMARK_NO_COST;
  g_clear_object (&service);
  service = make_service (&fields);
  g_assert_cmpint (waymark_local_service_get_unit_cost (service), ==, WAYMARK_NO_COST);
}

static void
test_hostile_fields (void)
{
  g_autofree char *long_notes = g_strnfill (WAYMARK_LOCAL_SERVICE_MAX_TEXT + 1, 'x');
  struct
  {
    const char *what;
    const char *id;
    const char *name;
    int         levels;
    int         age_min;
    int         age_max;
    gint64      cost;
    gint64      cost_high;
    const char *notes;
    const char *message;
  } cases[] = {
    { "no id", "", NULL, -1, 99, 99, 0, 0, NULL, "id is empty" },
    { "capitals", "LLR-IDVA", NULL, -1, 99, 99, 0, 0, NULL, "id “LLR-IDVA” is not a short name" },
    { "double hyphen", "llr--idva", NULL, -1, 99, 99, 0, 0, NULL, "id “llr--idva” is not" },
    { "blank name", NULL, "   ", -1, 99, 99, 0, 0, NULL, "name is empty" },
    { "two-line name", NULL, "IDVA\nservice", -1, 99, 99, 0, 0, NULL,
      "name must be one line, without control characters" },
    { "bidi name", NULL, "IDVA\u2028x", -1, 99, 99, 0, 0, NULL, "name must be one line" },
    { "not UTF-8", NULL, "IDVA \xff", -1, 99, 99, 0, 0, NULL, "name is not valid text" },
    { "no level", NULL, NULL, 0, 99, 99, 0, 0, NULL, "levels must be one or more of" },
    { "age 121", NULL, NULL, -1, 121, 99, 0, 0, NULL, "age_min 121 is not between 0 and 120" },
    { "ages reversed", NULL, NULL, -1, 30, 18, 0, 0, NULL, "age_max (18) is less than age_min (30)" },
    { "low only", NULL, NULL, -1, 99, 99, 100, WAYMARK_NO_COST, NULL,
      "unit_cost_pence and unit_cost_high_pence must both be given" },
    { "high below low", NULL, NULL, -1, 99, 99, 500, 400, NULL,
      "unit_cost_high_pence (400) is less than unit_cost_pence (500)" },
    { "too much", NULL, NULL, -1, 99, 99, G_GINT64_CONSTANT (100000000001),
      G_GINT64_CONSTANT (100000000001), NULL, "a unit cost must be between 0 and" },
    { "negative", NULL, NULL, -1, 99, 99, -5, -5, NULL, "a unit cost must be between 0 and" },
    { "long notes", NULL, NULL, -1, 99, 99, 0, 0, long_notes, "notes is longer than 4000 bytes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      WaymarkLocalServiceFields fields = idva_fields ();
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkLocalService) service = NULL;

      if (cases[i].id != NULL)
        fields.id = cases[i].id;
      if (cases[i].name != NULL)
        fields.name = cases[i].name;
      if (cases[i].levels >= 0)
        fields.levels = cases[i].levels;
      if (cases[i].age_min != 99)
        fields.age_min = cases[i].age_min;
      if (cases[i].age_max != 99)
        fields.age_max = cases[i].age_max;
      if (cases[i].cost != 0 || cases[i].cost_high != 0)
        {
          fields.unit_cost = cases[i].cost;
          fields.unit_cost_high = cases[i].cost_high;
        }
      if (cases[i].notes != NULL)
        fields.notes = cases[i].notes;

      service = waymark_local_service_new (&fields, &error);
      g_test_message ("%s", cases[i].what);
      g_assert_null (service);
      g_assert_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

/* Add, edit and remove, each one undoable step; the item follows an edit; undoing everything
 * gives back the start byte for byte. */
static void
test_plan_undo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(WaymarkPlan) plan = waymark_plan_new ();
  WaymarkLocalServiceFields fields = idva_fields ();
  g_autoptr(WaymarkLocalService) idva = make_service (&fields);
  g_autoptr(WaymarkLocalService) renamed = NULL;
  g_autoptr(WaymarkLocalService) clash = NULL;
  g_autoptr(WaymarkPlanItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *added = NULL;
  GListModel *services = waymark_plan_get_local_services (plan);
  GListModel *property = NULL;
  guint changes = 0;
  guint steps = 0;

  g_object_get (plan, "local-services", &property, NULL);
  g_assert_true (property == services);
  g_object_unref (property);
  g_signal_connect (services, "items-changed", G_CALLBACK (on_items_changed), &changes);

  g_object_set (plan, "title", "Local services", NULL);
  waymark_plan_mark_saved (plan);
  start = plan_json (plan, fixture->catalogue);

  g_assert_true (waymark_plan_add_local_service (plan, idva, fixture->catalogue, &error));
  g_assert_no_error (error);
  steps++;
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 1);
  g_assert_true (waymark_plan_find_local_service (plan, "llr-idva", NULL) == idva);
  g_assert_true (waymark_plan_get_modified (plan));

  /* An id taken: by the service itself, or by an intervention of the catalogue. */
  g_assert_false (waymark_plan_add_local_service (plan, idva, fixture->catalogue, &error));
  g_assert_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
  fields.id = "drive";
  clash = make_service (&fields);
  g_assert_false (waymark_plan_add_local_service (plan, clash, fixture->catalogue, &error));
  g_assert_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 1);

  item = waymark_plan_item_new_for_local_service (idva);
  /* An item for a service the plan does not hold would save a file that cannot be opened. */
  {
    g_autoptr(WaymarkLocalService) stranger = NULL;
    g_autoptr(WaymarkPlanItem) orphan = NULL;
    WaymarkLocalServiceFields other = idva_fields ();

    other.id = "not-in-the-plan";
    stranger = make_service (&other);
    orphan = waymark_plan_item_new_for_local_service (stranger);
    g_test_expect_message ("Waymark", G_LOG_LEVEL_CRITICAL, "*local_service*");
    waymark_plan_add_item (plan, orphan);
    g_test_assert_expected_messages ();
    g_assert_null (waymark_plan_find_item (plan, "not-in-the-plan", NULL));
  }
  waymark_plan_add_item (plan, item);
  steps++;
  added = plan_json (plan, fixture->catalogue);

  /* Removing a service the plan has an item for is refused. */
  g_assert_false (waymark_plan_remove_local_service (plan, "llr-idva", &error));
  g_assert_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==, "“LLR IDVA service” is in the plan: remove its item first");
  g_clear_error (&error);

  /* An edit: the item takes the new name; the same fields again record no step. */
  fields = idva_fields ();
  fields.name = "LLR IDVA and ISVA service";
  fields.levels = WAYMARK_LEVEL_SECONDARY | WAYMARK_LEVEL_TERTIARY;
  renamed = make_service (&fields);
  g_assert_true (waymark_plan_replace_local_service (plan, renamed, &error));
  steps++;
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpstr (waymark_plan_item_get_name (item), ==, "LLR IDVA and ISVA service");
  g_assert_cmpuint (waymark_plan_item_get_levels (item), ==,
                    WAYMARK_LEVEL_SECONDARY | WAYMARK_LEVEL_TERTIARY);
  {
    g_autoptr(WaymarkLocalService) same = make_service (&fields);
    guint depth_changes = changes;

    g_assert_true (waymark_plan_replace_local_service (plan, same, &error));
    g_assert_cmpuint (changes, ==, depth_changes);
  }
  waymark_plan_undo (plan);
  g_assert_cmpstr (waymark_plan_item_get_name (item), ==, "LLR IDVA service");
  g_assert_cmpuint (waymark_plan_item_get_levels (item), ==, WAYMARK_LEVEL_TERTIARY);
  {
    g_autofree char *now = plan_json (plan, fixture->catalogue);

    g_assert_cmpstr (now, ==, added);
  }
  waymark_plan_redo (plan);
  g_assert_cmpstr (waymark_plan_item_get_name (item), ==, "LLR IDVA and ISVA service");

  /* Remove the item, then the service: two steps. */
  waymark_plan_remove_item (plan, 0);
  steps++;
  g_assert_true (waymark_plan_remove_local_service (plan, "llr-idva", &error));
  g_assert_no_error (error);
  steps++;
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 0);
  g_assert_false (waymark_plan_remove_local_service (plan, "llr-idva", &error));
  g_assert_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; i < steps; i++)
    {
      g_assert_true (waymark_plan_can_undo (plan));
      waymark_plan_undo (plan);
    }
  {
    g_autofree char *now = plan_json (plan, fixture->catalogue);

    g_assert_cmpstr (now, ==, start);
  }
  g_assert_false (waymark_plan_get_modified (plan));
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 0);
  g_signal_handlers_disconnect_by_func (services, on_items_changed, &changes);
}

/* The item of a local service: counted in the totals like any item, its cost a local quote, no
 * review rating; in the JSON marked "local_service": true, in the CSV "local". */
/* An item for a local service the plan holds without one (an imported one): one step, recorded
 * as any item added, the item the one waymark_plan_item_new_for_local_service() makes; refused
 * for a service the plan does not have or has an item for, with nothing changed. */
static void
test_plan_add_service_item (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(WaymarkPlan) plan = waymark_plan_new ();
  WaymarkLocalServiceFields fields = idva_fields ();
  g_autoptr(WaymarkLocalService) idva = make_service (&fields);
  g_autoptr(WaymarkLocalService) other = NULL;
  g_autoptr(WaymarkPlanItem) expected = NULL;
  g_autoptr(GPtrArray) without = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *added = NULL;
  GListModel *decisions = waymark_plan_get_decisions (plan);
  WaymarkPlanItem *item;
  guint n_decisions;

  fields.id = "by-and-for-advocacy";
  fields.name = "By-and-for advocacy";
  other = make_service (&fields);
  g_assert_true (waymark_plan_add_local_service (plan, idva, fixture->catalogue, &error));
  g_assert_true (waymark_plan_add_local_service (plan, other, fixture->catalogue, &error));
  g_assert_no_error (error);
  without = waymark_plan_dup_local_services_without_item (plan);
  g_assert_cmpuint (without->len, ==, 2);
  g_assert_true (g_ptr_array_index (without, 0) == idva);
  g_assert_true (g_ptr_array_index (without, 1) == other);
  g_clear_pointer (&without, g_ptr_array_unref);

  before = plan_json (plan, fixture->catalogue);
  n_decisions = g_list_model_get_n_items (decisions);
  g_assert_true (waymark_plan_add_local_service_item (plan, "llr-idva", &error));
  g_assert_no_error (error);
  item = waymark_plan_find_item (plan, "llr-idva", NULL);
  g_assert_nonnull (item);
  g_assert_true (waymark_plan_item_get_local_service (item));
  g_assert_cmpint (waymark_plan_item_get_evidence_rating (item), ==, WAYMARK_RATING_NONE);
  g_assert_cmpint (waymark_plan_item_get_cost_source (item), ==, WAYMARK_COST_SOURCE_LOCAL_QUOTE);
  g_assert_cmpstr (waymark_plan_item_get_provider (item), ==, "Juniper Lodge");
  /* The same item as the form's: the JSON of each plan is the same. */
  {
    g_autoptr(WaymarkPlan) by_hand = waymark_plan_new ();

    g_assert_true (waymark_plan_add_local_service (by_hand, idva, fixture->catalogue, &error));
    g_assert_true (waymark_plan_add_local_service (by_hand, other, fixture->catalogue, &error));
    expected = waymark_plan_item_new_for_local_service (idva);
    waymark_plan_add_item (by_hand, expected);
    added = plan_json (plan, fixture->catalogue);
    {
      g_autofree char *by_hand_json = plan_json (by_hand, fixture->catalogue);
      g_autoptr(GRegex) times = g_regex_new ("\"time\" : \"[^\"]*\"", 0, 0, NULL);
      g_autofree char *a = g_regex_replace_literal (times, added, -1, 0, "", 0, NULL);
      g_autofree char *b = g_regex_replace_literal (times, by_hand_json, -1, 0, "", 0, NULL);

      g_assert_cmpstr (a, ==, b);
    }
  }
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, n_decisions + 1);
  {
    g_autoptr(WaymarkDecision) decision = g_list_model_get_item (decisions, n_decisions);

    g_assert_cmpint (waymark_decision_get_kind (decision), ==, WAYMARK_DECISION_KIND_ITEM_ADDED);
    g_assert_cmpstr (waymark_decision_get_subject (decision), ==, "llr-idva");
  }
  without = waymark_plan_dup_local_services_without_item (plan);
  g_assert_cmpuint (without->len, ==, 1);
  g_assert_true (g_ptr_array_index (without, 0) == other);

  /* Refused, with nothing changed. */
  g_assert_false (waymark_plan_add_local_service_item (plan, "llr-idva", &error));
  g_assert_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==, "“LLR IDVA service” is in the plan already");
  g_clear_error (&error);
  g_assert_false (waymark_plan_add_local_service_item (plan, "drive", &error));
  g_assert_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The plan has no local service “drive”");
  g_clear_error (&error);
  {
    g_autofree char *now = plan_json (plan, fixture->catalogue);

    g_assert_cmpstr (now, ==, added);
  }

  /* One step: one undo puts the plan back as it was, the record too. */
  waymark_plan_undo (plan);
  {
    g_autofree char *now = plan_json (plan, fixture->catalogue);

    g_assert_cmpstr (now, ==, before);
  }
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, n_decisions);
}

static void
test_plan_item (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(WaymarkPlan) plan = waymark_plan_new ();
  WaymarkLocalServiceFields fields = idva_fields ();
  g_autoptr(WaymarkLocalService) idva = make_service (&fields);
  g_autoptr(WaymarkPlanItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  WaymarkPlanTotals totals;
  gboolean local = FALSE;

  g_object_set (plan, "years", 3, "budget", G_GINT64_CONSTANT (30000000), NULL);
  g_assert_true (waymark_plan_add_local_service (plan, idva, fixture->catalogue, &error));
  item = waymark_plan_item_new_for_local_service (idva);
  waymark_plan_add_item (plan, item);
  waymark_plan_edit (plan, item, "quantity", 2, NULL);

  g_object_get (item, "local-service", &local, NULL);
  g_assert_true (local);
  g_assert_false (waymark_plan_item_get_missing (item));
  g_assert_cmpint (waymark_plan_item_get_evidence_rating (item), ==, WAYMARK_RATING_NONE);
  g_assert_cmpint (waymark_plan_item_get_impact_rating (item), ==, WAYMARK_RATING_NONE);
  g_assert_cmpint (waymark_plan_item_get_llr_status (item), ==, WAYMARK_LLR_STATUS_UNKNOWN);
  g_assert_null (waymark_plan_item_get_published_cost (item));
  g_assert_cmpint (waymark_plan_item_get_cost_source (item), ==, WAYMARK_COST_SOURCE_LOCAL_QUOTE);
  g_assert_cmpstr (waymark_plan_item_get_unit (item), ==, "adviser posts");
  g_assert_cmpstr (waymark_plan_item_get_provider (item), ==, "Juniper Lodge");

  /* 2 posts × £42,000 = £84,000 a year, × 3 years = £252,000; high 2 × £45,000 × 3 = £270,000.
   * Budget £300,000: remaining low 30,000,000 - 27,000,000 = 3,000,000 (the worst case). */
  waymark_plan_get_totals (plan, &totals);
  g_assert_cmpint (totals.annual_low, ==, 8400000);
  g_assert_cmpint (totals.annual_high, ==, 9000000);
  g_assert_cmpint (totals.total_low, ==, 25200000);
  g_assert_cmpint (totals.total_high, ==, 27000000);
  g_assert_cmpint (totals.remaining_low, ==, 3000000);
  g_assert_cmpuint (totals.n_items, ==, 1);
  /* Spend by evidence: not in the review's "none" (not rated) slice but a slice of its own. */
  {
    g_autoptr(GArray) evidence = waymark_plan_get_breakdown (plan, WAYMARK_BREAKDOWN_EVIDENCE);
    const WaymarkBreakdownSlice *none = &g_array_index (evidence, WaymarkBreakdownSlice, 4);
    const WaymarkBreakdownSlice *local_slice = &g_array_index (evidence, WaymarkBreakdownSlice, 5);

    g_assert_cmpuint (evidence->len, ==, 6);
    g_assert_cmpstr (none->key, ==, "none");
    g_assert_cmpuint (none->n_items, ==, 0);
    g_assert_cmpstr (local_slice->key, ==, "local");
    g_assert_cmpstr (local_slice->label, ==, "Local: not rated by the review");
    g_assert_cmpint (local_slice->low, ==, 8400000);
    g_assert_cmpint (local_slice->high, ==, 9000000);
  }

  json = waymark_plan_to_json (plan, fixture->catalogue, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "      \"evidence_rating\" : null,\n"
                                  "      \"impact_rating\" : null,\n"));
  g_assert_nonnull (strstr (json, "      \"missing_from_catalogue\" : false,\n"
                                  "      \"local_service\" : true,\n"));
  g_assert_nonnull (strstr (json, "  \"local_services\" : [\n    {\n"
                                  "      \"id\" : \"llr-idva\",\n"
                                  "      \"kind\" : \"local\",\n"));

  csv = waymark_plan_to_csv (plan, fixture->catalogue, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, ",coverage_source,option_kind,level_label,"));
  /* intervention_id, name, level, focus, no ratings, quantity, unit, costs 42000.00 to
   * 45000.00, line totals 84000.00 to 90000.00, a local quote. */
  g_assert_nonnull (strstr (csv, "\r\nllr-idva,LLR IDVA service,tertiary,da,,,2,adviser posts,"
                                 "42000.00,45000.00,84000.00,90000.00,local-quote,"));
  g_assert_nonnull (strstr (csv, ",local,Local: not rated by the review,,"));
  /* option_kind, then the labels in words (issue 16). */
  g_assert_nonnull (strstr (csv, ",,local,Tertiary,Domestic abuse,victims,Victims,"
                                 "Local: not rated by the review,Local: not rated by the review,"));
}

/* Saving, opening and saving again gives the same bytes; the item is the service's again. */
static void
test_plan_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(WaymarkPlan) plan = waymark_plan_new ();
  WaymarkLocalServiceFields fields = idva_fields ();
  WaymarkLocalServiceFields other = idva_fields ();
  g_autoptr(WaymarkLocalService) idva = make_service (&fields);
  g_autoptr(WaymarkLocalService) by_and_for = NULL;
  g_autoptr(WaymarkPlanItem) item = NULL;
  g_autoptr(WaymarkPlan) reopened = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  WaymarkPlanItem *reread;

  other.id = "by-and-for-advocacy";
  other.name = "By-and-for advocacy (“Sahara”) — الدعم";
  other.levels = WAYMARK_LEVEL_SECONDARY;
  other.focus = WAYMARK_FOCUS_BOTH;
  other.works_with = WAYMARK_WORKS_WITH_VICTIMS | WAYMARK_WORKS_WITH_COMMUNITY;
  other.age_min = -1;
  other.unit_cost = WAYMARK_NO_COST;
  other.unit_cost_high = WAYMARK_NO_COST;
  other.notes = "=HYPERLINK(\"http://example.invalid\")";
  by_and_for = make_service (&other);

  g_assert_true (waymark_plan_add_local_service (plan, idva, fixture->catalogue, &error));
  g_assert_true (waymark_plan_add_local_service (plan, by_and_for, fixture->catalogue, &error));
  item = waymark_plan_item_new_for_local_service (idva);
  waymark_plan_add_item (plan, item);
  {
    g_autoptr(WaymarkPlanItem) drive = waymark_plan_item_new_for_intervention (
      waymark_catalogue_lookup (fixture->catalogue, "drive"));

    waymark_plan_add_item (plan, drive);
  }

  first = waymark_plan_to_json (plan, fixture->catalogue, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (first, strlen (first));
  reopened = waymark_plan_new_from_bytes (bytes, "local.waymark", fixture->catalogue, &error);
  g_assert_no_error (error);
  second = waymark_plan_to_json (reopened, fixture->catalogue, &error);
  g_assert_cmpstr (second, ==, first);

  g_assert_cmpuint (g_list_model_get_n_items (waymark_plan_get_local_services (reopened)), ==, 2);
  reread = waymark_plan_find_item (reopened, "llr-idva", NULL);
  g_assert_nonnull (reread);
  g_assert_true (waymark_plan_item_get_local_service (reread));
  g_assert_true (waymark_local_service_equal (
                   waymark_plan_find_local_service (reopened, "by-and-for-advocacy", NULL),
                   by_and_for));
  g_assert_false (waymark_plan_can_undo (reopened));
  /* The drive item is the review's, not local. */
  g_assert_false (waymark_plan_item_get_local_service (waymark_plan_find_item (reopened, "drive",
                                                                              NULL)));
}

/* The plan's local services in the ranking: named, never scored on a review criterion. */
static void
test_ranking (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(WaymarkPlan) plan = waymark_plan_new ();
  WaymarkLocalServiceFields fields = idva_fields ();
  g_autoptr(WaymarkLocalService) idva = NULL;
  g_autoptr(WaymarkAppraisalRanking) ranking = NULL;
  g_autoptr(GError) error = NULL;
  WaymarkAppraisal *appraisal = waymark_plan_get_appraisal (plan);
  const WaymarkAppraisalRow *row = NULL;
  g_autoptr(WaymarkPlanItem) item = NULL;

  /* Values that would score on every review criterion that is not a rating, were it an
   * intervention: a level, a group, under-25s (from 16), a cost in pounds. */
  fields.works_with |= WAYMARK_WORKS_WITH_CHILDREN_YOUNG_PEOPLE;
  idva = make_service (&fields);
  g_assert_true (waymark_plan_add_local_service (plan, idva, NULL, &error));
  item = waymark_plan_item_new_for_local_service (idva);
  waymark_plan_add_item (plan, item);
  for (guint c = 0; c < WAYMARK_REVIEW_CRITERION_N; c++)
    g_assert_true (waymark_appraisal_set_weight (
                     appraisal, waymark_appraisal_get_criterion_id (appraisal, c), 100, &error));

  ranking = waymark_appraisal_ranking_new (appraisal, plan, fixture->catalogue);
  g_assert_cmpuint (ranking->rows->len, ==, 1);
  row = g_ptr_array_index (ranking->rows, 0);
  g_assert_cmpstr (row->name, ==, "LLR IDVA service");
  g_assert_true (row->local_service);
  g_assert_true (row->in_plan);
  g_assert_false (row->in_catalogue);
  for (guint c = 0; c < WAYMARK_REVIEW_CRITERION_N; c++)
    g_assert_cmpint (row->scores[c], ==, WAYMARK_APPRAISAL_NO_SCORE);
  /* No score at all: shortlisted but not ranked, never ranked on zeros. */
  g_assert_cmpuint (row->n_scored, ==, 0);
  g_assert_false (row->has_score);
  g_assert_cmpuint (ranking->n_ranked, ==, 0);
}

/* A text changed in one place, and the message its refusal begins with. */
typedef struct
{
  const char *from;
  const char *to;
  const char *message;
} Variant;

typedef GObject *(*ReadFunc) (GBytes            *bytes,
                              WaymarkCatalogue  *catalogue,
                              GError           **error);

static GObject *
read_services (GBytes            *bytes,
               WaymarkCatalogue  *catalogue,
               GError           **error)
{
  return G_OBJECT (waymark_local_services_new_from_bytes (bytes, "services.json", catalogue,
                                                          error));
}

static GObject *
read_plan (GBytes            *bytes,
           WaymarkCatalogue  *catalogue,
           GError           **error)
{
  return G_OBJECT (waymark_plan_new_from_bytes (bytes, "plan.waymark", catalogue, error));
}

static void
assert_variants_refused (Fixture       *fixture,
                         const char    *text,
                         const Variant *variants,
                         guint          n_variants,
                         ReadFunc       read)
{
  for (guint i = 0; i < n_variants; i++)
    {
      g_autofree char *bad = test_replace_once (text, variants[i].from, variants[i].to);
      g_autoptr(GBytes) bytes = g_bytes_new (bad, strlen (bad));
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) refused = read (bytes, fixture->catalogue, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(none)");
      g_assert_null (refused);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, variants[i].message));
    }
}

/* The local services file: written, read back to the same bytes; hostile files refused, the
 * message naming the file, the place and the field. */
static void
test_file (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GListStore) store = g_list_store_new (WAYMARK_TYPE_LOCAL_SERVICE);
  WaymarkLocalServiceFields fields = idva_fields ();
  g_autoptr(WaymarkLocalService) idva = make_service (&fields);
  g_autoptr(GListModel) read = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  const Variant cases[] = {
    { "\"kind\" : \"local\"", "\"kind\" : \"review\"",
      "services.json: local_services[0]: kind \"review\" is not \"local\"" },
    { "\"kind\" : \"local\",", "\"kind\" : \"local\", \"evidence_rating\" : \"high\",",
      "services.json: local_services[0]: unknown field \"evidence_rating\"" },
    { "\"id\" : \"llr-idva\"", "\"id\" : \"drive\"",
      "services.json: local_services[0]: id \"drive\" is an intervention in the catalogue" },
    { "\"age_max\" : null", "\"age_max\" : 10",
      "services.json: local_services[0]: age_max (10) is less than age_min (16)" },
    { "\"unit_cost_pence\" : 4200000", "\"unit_cost_pence\" : 4200000.5",
      "services.json: local_services[0]: unit_cost_pence should be a whole number" },
    { "\"unit_cost_high_pence\" : 4500000", "\"unit_cost_high_pence\" : 100",
      "services.json: local_services[0]: unit_cost_high_pence (100) is less than" },
    { "\"levels\" : [\n        \"tertiary\"\n      ]", "\"levels\" : []",
      "services.json: local_services[0]: levels is an empty list" },
    { "\"name\" : \"LLR IDVA service\"", "\"name\" : \"LLR\\nIDVA\"",
      "services.json: local_services[0]: name must be one line" },
    { "\"version\" : 1", "\"version\" : 2", "services.json: this file of local services was made "
      "by a newer version of Waymark" },
    { "\"format\" : \"waymark-local-services\"", "\"format\" : \"waymark-plan\"",
      "services.json: this is not a file of local services" },
  };

  g_list_store_append (store, idva);
  text = waymark_local_services_to_json (G_LIST_MODEL (store));
  bytes = g_bytes_new (text, strlen (text));
  read = waymark_local_services_new_from_bytes (bytes, "services.json", fixture->catalogue,
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (read), ==, 1);
  again = waymark_local_services_to_json (read);
  g_assert_cmpstr (again, ==, text);

  assert_variants_refused (fixture, text, cases, G_N_ELEMENTS (cases), read_services);

  /* The same id twice. */
  {
    g_autoptr(GListStore) twice = g_list_store_new (WAYMARK_TYPE_LOCAL_SERVICE);
    g_autofree char *twice_text = NULL;
    g_autoptr(GBytes) twice_bytes = NULL;
    g_autoptr(GListModel) refused = NULL;

    g_list_store_append (twice, idva);
    g_list_store_append (twice, idva);
    twice_text = waymark_local_services_to_json (G_LIST_MODEL (twice));
    twice_bytes = g_bytes_new (twice_text, strlen (twice_text));
    refused = waymark_local_services_new_from_bytes (twice_bytes, "services.json", NULL, &error);
    g_assert_null (refused);
    g_assert_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_DUPLICATE_ID);
    g_assert_nonnull (strstr (error->message, "local_services[1]: id \"llr-idva\" is given twice"));
  }
}

static GDateTime *
ticking_clock (gpointer user_data)
{
  guint *ticks = user_data;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 12, 2, 9, 0, 0);

  return g_date_time_add_minutes (start, (int) (*ticks)++);
}

/* A shared file of local services read and imported: all of its new services in one undoable
 * step with an entry of the decision record each, one the plan has already (the same) skipped,
 * and a refusal (a different service under a taken id, an id the catalogue or an item has)
 * leaving the plan as it was, byte for byte. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(WaymarkPlan) plan = waymark_plan_new ();
  WaymarkLocalServiceFields fields = idva_fields ();
  WaymarkLocalServiceFields other = idva_fields ();
  WaymarkLocalServiceFields third = idva_fields ();
  g_autoptr(WaymarkLocalService) idva = make_service (&fields);
  g_autoptr(WaymarkLocalService) by_and_for = NULL;
  g_autoptr(WaymarkLocalService) outreach = NULL;
  g_autoptr(GListStore) shared = g_list_store_new (WAYMARK_TYPE_LOCAL_SERVICE);
  g_autoptr(GListModel) read = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_text = NULL;
  g_autofree char *start = NULL;
  g_autofree char *imported = NULL;
  GListModel *services = waymark_plan_get_local_services (plan);
  GListModel *decisions = waymark_plan_get_decisions (plan);
  WaymarkDecision *entry;
  guint ticks = 0;
  guint changes = 0;
  guint n_added = 99;

  other.id = "by-and-for-advocacy";
  other.name = "By-and-for advocacy";
  other.levels = WAYMARK_LEVEL_SECONDARY;
  by_and_for = make_service (&other);
  third.id = "rural-outreach";
  third.name = "Rural outreach";
  outreach = make_service (&third);

  waymark_plan_set_clock (plan, ticking_clock, &ticks);
  g_object_set (plan, "author", "A. Commissioner", NULL);
  g_assert_true (waymark_plan_add_local_service (plan, idva, fixture->catalogue, &error));
  g_assert_no_error (error);
  waymark_plan_mark_saved (plan);
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 1);
  start = plan_json (plan, fixture->catalogue);
  g_signal_connect (services, "items-changed", G_CALLBACK (on_items_changed), &changes);

  /* The file another partner shares: the IDVA service as this plan has it, and two new ones;
   * read through the core's reader, as the app and the CLI read it. */
  g_list_store_append (shared, by_and_for);
  g_list_store_append (shared, idva);
  g_list_store_append (shared, outreach);
  file_text = waymark_local_services_to_json (G_LIST_MODEL (shared));
  bytes = g_bytes_new (file_text, strlen (file_text));
  read = waymark_local_services_new_from_bytes (bytes, "partners.json", fixture->catalogue,
                                                &error);
  g_assert_no_error (error);

  g_assert_true (waymark_plan_import_local_services (plan, read, fixture->catalogue,
                                                     "partners.json", &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 2);
  /* One change of the model, the two appended in the file's order after the one held. */
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 3);
  g_assert_true (waymark_plan_find_local_service (plan, "llr-idva", NULL) == idva);
  {
    g_autoptr(WaymarkLocalService) second = g_list_model_get_item (services, 1);
    g_autoptr(WaymarkLocalService) last = g_list_model_get_item (services, 2);

    g_assert_cmpstr (waymark_local_service_get_id (second), ==, "by-and-for-advocacy");
    g_assert_true (waymark_local_service_equal (second, by_and_for));
    g_assert_cmpstr (waymark_local_service_get_id (last), ==, "rural-outreach");
    g_assert_true (waymark_local_service_equal (last, outreach));
  }
  /* An entry each, as adding each alone makes, at the one time the clock gave for the step. */
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 3);
  g_assert_cmpuint (ticks, ==, 2);
  entry = g_list_model_get_item (decisions, 1);
  g_assert_cmpint (waymark_decision_get_kind (entry), ==, WAYMARK_DECISION_KIND_LOCAL_SERVICE);
  g_assert_cmpstr (waymark_decision_get_subject (entry), ==, "by-and-for-advocacy");
  g_assert_cmpstr (waymark_decision_get_description (entry), ==,
                   "Local service added: By-and-for advocacy");
  g_assert_cmpstr (waymark_decision_get_author (entry), ==, "A. Commissioner");
  g_object_unref (entry);
  entry = g_list_model_get_item (decisions, 2);
  g_assert_cmpstr (waymark_decision_get_subject (entry), ==, "rural-outreach");
  g_assert_cmpstr (waymark_decision_get_description (entry), ==,
                   "Local service added: Rural outreach");
  g_object_unref (entry);
  g_assert_true (waymark_plan_get_modified (plan));
  imported = plan_json (plan, fixture->catalogue);

  /* One undo takes both away, and their entries; the plan is the saved one again. */
  waymark_plan_undo (plan);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 1);
  g_assert_false (waymark_plan_get_modified (plan));
  {
    g_autofree char *now = plan_json (plan, fixture->catalogue);

    g_assert_cmpstr (now, ==, start);
  }
  /* Redo puts back the same. */
  waymark_plan_redo (plan);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 3);
  {
    g_autofree char *now = plan_json (plan, fixture->catalogue);

    g_assert_cmpstr (now, ==, imported);
  }

  /* The same file again: every service is the plan's already, so nothing and no step. */
  changes = 0;
  g_assert_true (waymark_plan_import_local_services (plan, read, fixture->catalogue,
                                                     "partners.json", &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_false (waymark_plan_can_redo (plan));
  waymark_plan_undo (plan);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 1);
  g_assert_false (waymark_plan_get_modified (plan));

  /* A file with a new service, then one that differs from the plan's under its id: refused at
   * that one, naming the file, the place and the id, and the new one is not added either. */
  {
    g_autoptr(GListStore) clash = g_list_store_new (WAYMARK_TYPE_LOCAL_SERVICE);
    WaymarkLocalServiceFields renamed = idva_fields ();
    g_autoptr(WaymarkLocalService) other_idva = NULL;

    renamed.name = "Another IDVA service";
    other_idva = make_service (&renamed);
    g_list_store_append (clash, outreach);
    g_list_store_append (clash, other_idva);
    changes = 0;
    n_added = 99;
    g_assert_false (waymark_plan_import_local_services (plan, G_LIST_MODEL (clash),
                                                        fixture->catalogue, "clash.json",
                                                        &n_added, &error));
    g_assert_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_DUPLICATE_ID);
    g_assert_cmpstr (error->message, ==,
                     "clash.json: local_services[1]: the plan has a different local service "
                     "“llr-idva” already; change one of the ids, or edit the plan’s");
    g_clear_error (&error);
    g_assert_cmpuint (n_added, ==, 0);
    g_assert_cmpuint (changes, ==, 0);
    g_assert_null (waymark_plan_find_local_service (plan, "rural-outreach", NULL));
  }

  /* Two different services under one id in the same list (a reader refuses that in a file;
   * a list made otherwise may hold it): refused at the second. */
  {
    g_autoptr(GListStore) twice = g_list_store_new (WAYMARK_TYPE_LOCAL_SERVICE);
    WaymarkLocalServiceFields renamed = third;
    g_autoptr(WaymarkLocalService) other_outreach = NULL;

    renamed.name = "Rural outreach (north)";
    other_outreach = make_service (&renamed);
    g_list_store_append (twice, outreach);
    g_list_store_append (twice, other_outreach);
    g_assert_false (waymark_plan_import_local_services (plan, G_LIST_MODEL (twice), NULL,
                                                        "twice.json", NULL, &error));
    g_assert_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_DUPLICATE_ID);
    g_assert_true (g_str_has_prefix (error->message, "twice.json: local_services[1]: the plan has "
                                                     "a different local service “rural-outreach”"));
    g_clear_error (&error);
  }

  /* An id an intervention of the catalogue has, or an item of the plan. */
  {
    g_autoptr(GListStore) taken = g_list_store_new (WAYMARK_TYPE_LOCAL_SERVICE);
    WaymarkLocalServiceFields drive_fields = idva_fields ();
    g_autoptr(WaymarkLocalService) drive = NULL;

    drive_fields.id = "drive";
    drive = make_service (&drive_fields);
    g_list_store_append (taken, outreach);
    g_list_store_append (taken, drive);
    g_assert_false (waymark_plan_import_local_services (plan, G_LIST_MODEL (taken),
                                                        fixture->catalogue, "taken.json", NULL,
                                                        &error));
    g_assert_error (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_DUPLICATE_ID);
    g_assert_cmpstr (error->message, ==,
                     "taken.json: local_services[1]: the id “drive” is taken already, by an "
                     "item of the plan or an intervention in the catalogue: a local service "
                     "needs its own");
    g_clear_error (&error);
  }

  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 1);
  g_assert_false (waymark_plan_get_modified (plan));
  {
    g_autofree char *now = plan_json (plan, fixture->catalogue);

    g_assert_cmpstr (now, ==, start);
  }
  g_signal_handlers_disconnect_by_func (services, on_items_changed, &changes);
}

/* A plan whose items say otherwise than its local services is refused. */
static void
test_plan_hostile (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(WaymarkPlan) plan = waymark_plan_new ();
  WaymarkLocalServiceFields fields = idva_fields ();
  g_autoptr(WaymarkLocalService) idva = make_service (&fields);
  g_autoptr(WaymarkPlanItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const Variant cases[] = {
    /* A local service's item given a rating. */
    { "\"evidence_rating\" : null", "\"evidence_rating\" : \"high\"",
      "plan.waymark: item \"llr-idva\": a local service's item has no review rating" },
    { "\"llr_status\" : \"unknown\"", "\"llr_status\" : \"in-place\"",
      "plan.waymark: item \"llr-idva\": a local service's item has no review rating" },
    /* Its service gone from local_services. */
    { "\"id\" : \"llr-idva\"", "\"id\" : \"llr-idva-2\"",
      "plan.waymark: item \"llr-idva\": local_service is true, but local_services has no" },
    /* An intervention's item claiming a local service's id. */
    { "\"local_service\" : true", "\"local_service\" : false",
      "plan.waymark: item \"llr-idva\": the id is a local service's, but local_service is false" },
    { "\"local_service\" : true", "\"local_service\" : 1",
      "plan.waymark: item \"llr-idva\": local_service should be true or false" },
    { "\"local_services\" : [\n    {", "\"local_services\" : [\n    \"llr-idva\", {",
      "plan.waymark: local_services[0] should be an object" },
  };

  g_assert_true (waymark_plan_add_local_service (plan, idva, NULL, &error));
  item = waymark_plan_item_new_for_local_service (idva);
  waymark_plan_add_item (plan, item);
  text = waymark_plan_to_json (plan, fixture->catalogue, &error);
  g_assert_no_error (error);

  assert_variants_refused (fixture, text, cases, G_N_ELEMENTS (cases), read_plan);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/local-service/rules", test_rules);
  g_test_add_func ("/core/local-service/hostile-fields", test_hostile_fields);
  g_test_add ("/core/local-service/plan/undo", Fixture, NULL, fixture_set_up, test_plan_undo,
              fixture_tear_down);
  g_test_add ("/core/local-service/plan/add-service-item", Fixture, NULL, fixture_set_up,
              test_plan_add_service_item, fixture_tear_down);
  g_test_add ("/core/local-service/plan/item", Fixture, NULL, fixture_set_up, test_plan_item,
              fixture_tear_down);
  g_test_add ("/core/local-service/plan/round-trip", Fixture, NULL, fixture_set_up,
              test_plan_round_trip, fixture_tear_down);
  g_test_add ("/core/local-service/plan/hostile", Fixture, NULL, fixture_set_up,
              test_plan_hostile, fixture_tear_down);
  g_test_add ("/core/local-service/ranking", Fixture, NULL, fixture_set_up, test_ranking,
              fixture_tear_down);
  g_test_add ("/core/local-service/file", Fixture, NULL, fixture_set_up, test_file,
              fixture_tear_down);
  g_test_add ("/core/local-service/import", Fixture, NULL, fixture_set_up, test_import,
              fixture_tear_down);

  return g_test_run ();
}
