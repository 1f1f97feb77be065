/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "waymark-workspace.h"
#include "test-util.h"

/* The workspace: the state a window works on, without a window. Its settings are the app's
 * schema on GSettings' memory backend (GSETTINGS_BACKEND=memory, the schema compiled into the
 * build's data folder: tests/meson.build), read back through a GSettings of their own, as the
 * next session would. */

typedef struct
{
  GSettings        *settings;  /* the workspace's */
  GSettings        *reader;    /* another view of the same keys: what is really written */
  WaymarkCatalogue *catalogue;
  guint             search_writes;
} Fixture;

static void
on_search_written (GSettings  *settings,
                   const char *key,
                   Fixture    *fixture)
{
  fixture->search_writes++;
}

static WaymarkCatalogue *
load_minimal_catalogue (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  WaymarkCatalogue *catalogue = waymark_catalogue_new_from_file (file, &error);

  g_assert_no_error (error);
  return catalogue;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_cmpstr (g_getenv ("GSETTINGS_BACKEND"), ==, "memory");
  fixture->settings = g_settings_new (APP_ID);
  fixture->reader = g_settings_new (APP_ID);
  /* The memory backend lives as long as the process: every test starts from the defaults. */
  g_object_get (fixture->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (fixture->settings, keys[i]);
  g_signal_connect (fixture->reader, "changed::filter-search", G_CALLBACK (on_search_written),
                    fixture);

  fixture->catalogue = waymark_catalogue_new_default (&error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Nothing the workspace left behind (an idle write) runs after it. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->catalogue);
  g_assert_finalize_object (fixture->reader);
  g_assert_finalize_object (fixture->settings);
}

/* Runs the main loop until nothing is waiting: the idle moment the settings wait for. */
static void
run_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_parts (Fixture       *fixture,
            gconstpointer  data)
{
  WaymarkWorkspace *workspace = waymark_workspace_new (fixture->catalogue, fixture->settings);
  g_autoptr(WaymarkCriteria) criteria = NULL;
  g_autoptr(WaymarkComparison) comparison = NULL;
  g_autoptr(WaymarkPlanDocument) document = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  g_autoptr(GSettings) settings = NULL;

  g_object_get (workspace,
                "criteria", &criteria,
                "comparison", &comparison,
                "plan-document", &document,
                "catalogue", &catalogue,
                "settings", &settings,
                NULL);
  g_assert_true (WAYMARK_IS_CRITERIA (criteria));
  g_assert_true (criteria == waymark_workspace_get_criteria (workspace));
  g_assert_true (comparison == waymark_workspace_get_comparison (workspace));
  g_assert_true (document == waymark_workspace_get_plan_document (workspace));
  g_assert_true (catalogue == fixture->catalogue);
  g_assert_true (settings == fixture->settings);

  /* The parts all work on the workspace's catalogue. */
  g_assert_true (waymark_comparison_get_catalogue (comparison) == fixture->catalogue);
  g_assert_true (waymark_plan_document_get_catalogue (document) == fixture->catalogue);
  g_assert_nonnull (waymark_plan_document_get_plan (document));
  g_assert_false (waymark_plan_document_get_modified (document));

  g_assert_finalize_object (workspace);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_catalogue (Fixture       *fixture,
                gconstpointer  data)
{
  WaymarkWorkspace *workspace = waymark_workspace_new (NULL, fixture->settings);
  WaymarkComparison *comparison = waymark_workspace_get_comparison (workspace);
  WaymarkPlanDocument *document = waymark_workspace_get_plan_document (workspace);
  WaymarkCatalogue *minimal = load_minimal_catalogue ();
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) saved = NULL;
  guint notified = 0;

  g_signal_connect (workspace, "notify::catalogue", G_CALLBACK (on_notify), &notified);
  g_assert_null (waymark_workspace_get_catalogue (workspace));
  g_assert_null (waymark_plan_document_get_catalogue (document));

  waymark_workspace_set_catalogue (workspace, fixture->catalogue);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (waymark_workspace_get_catalogue (workspace) == fixture->catalogue);
  g_assert_true (waymark_plan_document_get_catalogue (document) == fixture->catalogue);
  g_assert_true (waymark_comparison_get_catalogue (comparison) == fixture->catalogue);
  waymark_workspace_set_catalogue (workspace, fixture->catalogue);
  g_assert_cmpuint (notified, ==, 1);

  g_assert_true (waymark_comparison_add (comparison, "drive", NULL));
  g_assert_true (waymark_comparison_add (comparison, "marac", NULL));

  /* Another catalogue: the comparison keeps what it also holds, the plan checks against it,
   * and the settings keep what is compared now. */
  g_object_set (workspace, "catalogue", minimal, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (waymark_plan_document_get_catalogue (document) == minimal);
  g_assert_true (waymark_comparison_get_catalogue (comparison) == minimal);
  ids = waymark_comparison_dup_ids (comparison);
  g_assert_cmpstrv (ids, ((const char *[]) { "drive", NULL }));
  saved = g_settings_get_strv (fixture->reader, "comparison");
  g_assert_cmpstrv (saved, ((const char *[]) { "drive", NULL }));

  g_assert_finalize_object (workspace);
  g_assert_finalize_object (minimal);
}

static void
test_criteria_restored (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *levels[] = { "primary", "tertiary", NULL };
  const char *works_with[] = { "perpetrators", NULL };
  WaymarkWorkspace *workspace;
  WaymarkCriteria *criteria;

  g_settings_set_string (fixture->reader, "filter-search", "mentor");
  g_settings_set_strv (fixture->reader, "filter-levels", levels);
  g_settings_set_strv (fixture->reader, "filter-works-with", works_with);
  g_settings_set_string (fixture->reader, "filter-min-evidence", "moderate");
  g_settings_set_string (fixture->reader, "filter-min-impact", "high");
  g_settings_set_boolean (fixture->reader, "filter-cost-published", TRUE);
  g_settings_set_int64 (fixture->reader, "filter-max-cost", 250000);
  fixture->search_writes = 0;

  workspace = waymark_workspace_new (fixture->catalogue, fixture->settings);
  criteria = waymark_workspace_get_criteria (workspace);
  g_assert_cmpstr (waymark_criteria_get_search (criteria), ==, "mentor");
  g_assert_cmpuint (waymark_criteria_get_levels (criteria), ==,
                    WAYMARK_LEVEL_PRIMARY | WAYMARK_LEVEL_TERTIARY);
  g_assert_cmpuint (waymark_criteria_get_works_with (criteria), ==,
                    WAYMARK_WORKS_WITH_PERPETRATORS);
  g_assert_cmpint (waymark_criteria_get_min_evidence (criteria), ==, WAYMARK_RATING_MODERATE);
  g_assert_cmpint (waymark_criteria_get_min_impact (criteria), ==, WAYMARK_RATING_HIGH);
  g_assert_true (waymark_criteria_get_cost_published (criteria));
  g_assert_cmpint (waymark_criteria_get_max_cost (criteria), ==, 250000);

  /* Reading them writes nothing back. */
  run_until_idle ();
  g_assert_cmpuint (fixture->search_writes, ==, 0);

  g_assert_finalize_object (workspace);
}

static void
test_criteria_written (Fixture       *fixture,
                       gconstpointer  data)
{
  WaymarkWorkspace *workspace = waymark_workspace_new (fixture->catalogue, fixture->settings);
  WaymarkCriteria *criteria = waymark_workspace_get_criteria (workspace);
  g_auto(GStrv) levels = NULL;
  g_autofree char *minimum = NULL;
  g_autofree char *search = NULL;
  g_autofree char *before = NULL;

  waymark_criteria_set_levels (criteria, WAYMARK_LEVEL_SECONDARY);
  /* A range is kept as its floor: the filter applied is the same. */
  waymark_criteria_set_min_evidence (criteria, WAYMARK_RATING_LOW_MODERATE);
  waymark_criteria_set_max_cost (criteria, 99900);
  waymark_criteria_set_search (criteria, "refuge");

  /* Not yet: the settings wait for the main loop to be idle. */
  g_assert_cmpuint (fixture->search_writes, ==, 0);
  before = g_settings_get_string (fixture->reader, "filter-search");
  g_assert_cmpstr (before, ==, "");
  run_until_idle ();

  levels = g_settings_get_strv (fixture->reader, "filter-levels");
  g_assert_cmpstrv (levels, ((const char *[]) { "secondary", NULL }));
  minimum = g_settings_get_string (fixture->reader, "filter-min-evidence");
  g_assert_cmpstr (minimum, ==, "low");
  g_assert_cmpint (g_settings_get_int64 (fixture->reader, "filter-max-cost"), ==, 99900);
  search = g_settings_get_string (fixture->reader, "filter-search");
  g_assert_cmpstr (search, ==, "refuge");
  g_assert_cmpuint (fixture->search_writes, ==, 1);

  g_assert_finalize_object (workspace);
}

/* Typing a search is a burst of changes: none is written until the main loop is idle, and then
 * the last once. */
static void
test_search_written_when_idle (Fixture       *fixture,
                               gconstpointer  data)
{
  WaymarkWorkspace *workspace = waymark_workspace_new (fixture->catalogue, fixture->settings);
  WaymarkCriteria *criteria = waymark_workspace_get_criteria (workspace);
  const char *typed[] = { "m", "ma", "mar", "mara", "marac" };
  g_autofree char *search = NULL;
  g_autofree char *cleared = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      waymark_criteria_set_search (criteria, typed[i]);
      g_assert_cmpuint (fixture->search_writes, ==, 0);
    }
  g_assert_cmpuint (fixture->search_writes, ==, 0);

  run_until_idle ();
  g_assert_cmpuint (fixture->search_writes, ==, 1);
  search = g_settings_get_string (fixture->reader, "filter-search");
  g_assert_cmpstr (search, ==, "marac");

  /* Cleared and idle again: written again. */
  waymark_criteria_set_search (criteria, NULL);
  g_assert_cmpuint (fixture->search_writes, ==, 1);
  run_until_idle ();
  g_assert_cmpuint (fixture->search_writes, ==, 2);
  cleared = g_settings_get_string (fixture->reader, "filter-search");
  g_assert_cmpstr (cleared, ==, "");

  g_assert_finalize_object (workspace);
}

/* A window closing writes what is waiting at once, before the main loop is idle again. */
static void
test_write_settings_now (Fixture       *fixture,
                         gconstpointer  data)
{
  WaymarkWorkspace *workspace = waymark_workspace_new (fixture->catalogue, fixture->settings);
  WaymarkCriteria *criteria = waymark_workspace_get_criteria (workspace);
  g_autofree char *search = NULL;

  waymark_criteria_set_search (criteria, "helpline");
  waymark_workspace_write_settings (workspace);
  g_assert_cmpuint (fixture->search_writes, ==, 1);
  search = g_settings_get_string (fixture->reader, "filter-search");
  g_assert_cmpstr (search, ==, "helpline");

  /* Nothing was left waiting to write it twice. */
  run_until_idle ();
  g_assert_cmpuint (fixture->search_writes, ==, 1);

  g_assert_finalize_object (workspace);
}

/* Going, the workspace writes what waits; criteria someone still holds no longer reach the
 * settings (a window's search entry clears its text as it is destroyed). */
static void
test_written_on_dispose (Fixture       *fixture,
                         gconstpointer  data)
{
  WaymarkWorkspace *workspace = waymark_workspace_new (fixture->catalogue, fixture->settings);
  g_autoptr(WaymarkCriteria) criteria = g_object_ref (waymark_workspace_get_criteria (workspace));
  g_autofree char *search = NULL;
  g_autofree char *after = NULL;

  waymark_criteria_set_search (criteria, "therapy");
  waymark_criteria_set_levels (criteria, WAYMARK_LEVEL_PRIMARY);
  g_assert_finalize_object (workspace);

  g_assert_cmpuint (fixture->search_writes, ==, 1);
  search = g_settings_get_string (fixture->reader, "filter-search");
  g_assert_cmpstr (search, ==, "therapy");

  waymark_criteria_reset (criteria);
  run_until_idle ();
  g_assert_cmpuint (fixture->search_writes, ==, 1);
  after = g_settings_get_string (fixture->reader, "filter-search");
  g_assert_cmpstr (after, ==, "therapy");
}

static void
test_comparison_restored (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *saved[] = { "marac", "drive", NULL };
  WaymarkWorkspace *workspace;
  WaymarkComparison *comparison;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) later = NULL;
  g_auto(GStrv) written = NULL;

  g_settings_set_strv (fixture->reader, "comparison", saved);

  /* Restored in the person's order once there is a catalogue to find the ids in. */
  workspace = waymark_workspace_new (NULL, fixture->settings);
  comparison = waymark_workspace_get_comparison (workspace);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comparison)), ==, 0);
  waymark_workspace_set_catalogue (workspace, fixture->catalogue);
  ids = waymark_comparison_dup_ids (comparison);
  g_assert_cmpstrv (ids, saved);
  g_assert_finalize_object (workspace);

  /* With the catalogue from the start, too; and every change is written at once. */
  workspace = waymark_workspace_new (fixture->catalogue, fixture->settings);
  comparison = waymark_workspace_get_comparison (workspace);
  later = waymark_comparison_dup_ids (comparison);
  g_assert_cmpstrv (later, saved);
  g_assert_true (waymark_comparison_remove (comparison, "marac"));
  written = g_settings_get_strv (fixture->reader, "comparison");
  g_assert_cmpstrv (written, ((const char *[]) { "drive", NULL }));
  g_assert_finalize_object (workspace);
}

static void
count_call (guint *n)
{
  (*n)++;
}

/* The sort key: read from the settings, written at every change as its id. */
static void
test_sort_key (Fixture       *fixture,
               gconstpointer  data)
{
  WaymarkWorkspace *workspace;
  guint n_notified = 0;
  g_autofree char *written = NULL;

  g_settings_set_string (fixture->reader, "sort", "evidence");
  workspace = waymark_workspace_new (fixture->catalogue, fixture->settings);
  g_assert_cmpint (waymark_workspace_get_sort_key (workspace), ==, WAYMARK_SORT_EVIDENCE);

  g_signal_connect_swapped (workspace, "notify::sort-key", G_CALLBACK (count_call),
                            &n_notified);
  waymark_workspace_set_sort_key (workspace, WAYMARK_SORT_COST);
  waymark_workspace_set_sort_key (workspace, WAYMARK_SORT_COST);
  g_assert_cmpuint (n_notified, ==, 1);
  written = g_settings_get_string (fixture->reader, "sort");
  g_assert_cmpstr (written, ==, "cost");
  g_assert_finalize_object (workspace);

  /* The next session starts where this one stopped. */
  workspace = waymark_workspace_new (NULL, fixture->settings);
  g_assert_cmpint (waymark_workspace_get_sort_key (workspace), ==, WAYMARK_SORT_COST);
  g_assert_finalize_object (workspace);
}

/* The selection: one intervention of the catalogue, kept by its id, found again by that id in
 * the next session's catalogue (which may come later), and let go of by a catalogue without
 * it. */
static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(WaymarkCatalogue) minimal = load_minimal_catalogue ();
  WaymarkIntervention *marac = waymark_catalogue_lookup (fixture->catalogue, "marac");
  WaymarkWorkspace *workspace = waymark_workspace_new (fixture->catalogue, fixture->settings);
  guint n_notified = 0;
  g_autofree char *written = NULL;

  g_assert_nonnull (marac);
  g_assert_null (waymark_workspace_get_selected (workspace));
  g_signal_connect_swapped (workspace, "notify::selected", G_CALLBACK (count_call),
                            &n_notified);
  waymark_workspace_set_selected (workspace, marac);
  waymark_workspace_set_selected (workspace, marac);
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_true (waymark_workspace_get_selected (workspace) == marac);
  written = g_settings_get_string (fixture->reader, "selected-intervention");
  g_assert_cmpstr (written, ==, "marac");
  g_assert_finalize_object (workspace);

  /* Next session: the id waits for a catalogue to be found in. */
  workspace = waymark_workspace_new (NULL, fixture->settings);
  g_assert_null (waymark_workspace_get_selected (workspace));
  waymark_workspace_set_catalogue (workspace, fixture->catalogue);
  g_assert_true (waymark_workspace_get_selected (workspace) == marac);

  /* A catalogue without it: nothing selected, and nothing kept to come back to. */
  waymark_workspace_set_catalogue (workspace, minimal);
  g_assert_null (waymark_workspace_get_selected (workspace));
  g_clear_pointer (&written, g_free);
  written = g_settings_get_string (fixture->reader, "selected-intervention");
  g_assert_cmpstr (written, ==, "");
  waymark_workspace_set_catalogue (workspace, fixture->catalogue);
  g_assert_null (waymark_workspace_get_selected (workspace));

  /* Selecting none is written too. */
  waymark_workspace_set_selected (workspace, marac);
  waymark_workspace_set_selected (workspace, NULL);
  g_clear_pointer (&written, g_free);
  written = g_settings_get_string (fixture->reader, "selected-intervention");
  g_assert_cmpstr (written, ==, "");
  g_assert_finalize_object (workspace);
}

/* Only what the catalogue lists can be selected: another catalogue's intervention of the same
 * id is refused. */
static void
test_selection_outside_catalogue (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(WaymarkCatalogue) minimal = load_minimal_catalogue ();
  WaymarkWorkspace *workspace = waymark_workspace_new (fixture->catalogue, NULL);
  WaymarkIntervention *other_drive = waymark_catalogue_lookup (minimal, "drive");

  g_assert_nonnull (other_drive);
  g_test_expect_message ("Waymark", G_LOG_LEVEL_CRITICAL, "*waymark_workspace_set_selected*");
  waymark_workspace_set_selected (workspace, other_drive);
  g_test_assert_expected_messages ();
  g_assert_null (waymark_workspace_get_selected (workspace));
  g_assert_finalize_object (workspace);
}

/* Without settings (the CLI, a test) nothing persists, and everything else works. */
static void
test_no_settings (Fixture       *fixture,
                  gconstpointer  data)
{
  WaymarkWorkspace *workspace = waymark_workspace_new (fixture->catalogue, NULL);
  WaymarkCriteria *criteria = waymark_workspace_get_criteria (workspace);
  WaymarkComparison *comparison = waymark_workspace_get_comparison (workspace);
  g_autoptr(WaymarkIntervention) first =
    g_list_model_get_item (G_LIST_MODEL (fixture->catalogue), 0);

  g_assert_null (waymark_workspace_get_settings (workspace));
  waymark_criteria_set_search (criteria, waymark_intervention_get_name (first));
  g_assert_true (waymark_criteria_match (criteria, first));
  g_assert_true (waymark_comparison_add (comparison, "drive", NULL));
  waymark_workspace_write_settings (workspace);
  run_until_idle ();
  g_assert_cmpuint (fixture->search_writes, ==, 0);

  g_assert_finalize_object (workspace);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/workspace/parts", test_parts);
  ADD ("/core/workspace/catalogue", test_catalogue);
  ADD ("/core/workspace/criteria/restored", test_criteria_restored);
  ADD ("/core/workspace/criteria/written", test_criteria_written);
  ADD ("/core/workspace/criteria/search-written-when-idle", test_search_written_when_idle);
  ADD ("/core/workspace/criteria/written-now", test_write_settings_now);
  ADD ("/core/workspace/criteria/written-on-dispose", test_written_on_dispose);
  ADD ("/core/workspace/comparison/restored", test_comparison_restored);
  ADD ("/core/workspace/sort-key", test_sort_key);
  ADD ("/core/workspace/selection", test_selection);
  ADD ("/core/workspace/selection/outside-catalogue", test_selection_outside_catalogue);
  ADD ("/core/workspace/no-settings", test_no_settings);
#undef ADD

  return g_test_run ();
}
