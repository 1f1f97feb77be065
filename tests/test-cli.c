/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

/* waymark-cli as a user runs it: output compared with golden files under tests/golden/ (set
 * WAYMARK_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then read the diff), exit
 * statuses, and messages. */

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("WAYMARK_CLI");
  va_list args;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
assert_golden (const char *text,
               const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", name, NULL);
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

static char *
data_path (const char *first,
           ...)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (parts, dir);
  va_start (args, first);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static void
test_list_table (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_golden (run.out, "list.txt");
}

static void
test_list_csv (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "list", "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "id,name,level,focus,works_with,evidence_rating,"
                                   "impact_rating,cost_min,cost_max,currency,cost_unit,llr_status"));
  assert_golden (run.out, "list.csv");
}

static void
test_list_filtered (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) sorted = { 0 };

  run_cli (&run, "list", "--works-with", "perpetrators", "--min-impact", "high",
           "--llr-status", "not-in-place", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_golden (run.out, "list-perpetrators-high-impact-not-in-place.txt");

  run_cli (&sorted, "list", "--level", "primary,tertiary", "--min-evidence", "moderate",
           "--sort", "evidence", "--format", "csv", NULL);
  g_assert_cmpint (sorted.status, ==, 0);
  assert_golden (sorted.out, "list-primary-tertiary-by-evidence.csv");
}

static void
test_list_search (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "list", "--search", "NIGHT time", "--sort", "name", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_golden (run.out, "list-search-night-time.txt");
}

static void
test_show (void)
{
  g_auto(Run) drive = { 0 };
  g_auto(Run) cbt = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) unrated = { 0 };

  run_cli (&drive, "show", "drive", NULL);
  g_assert_cmpint (drive.status, ==, 0);
  assert_golden (drive.out, "show-drive.txt");

  run_cli (&cbt, "show", "cbt-victims", NULL);
  g_assert_cmpint (cbt.status, ==, 0);
  assert_golden (cbt.out, "show-cbt-victims.txt");

  run_cli (&json, "show", "drive", "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  assert_golden (json.out, "show-drive.json");

  run_cli (&unrated, "show", "mappa", NULL);
  g_assert_cmpint (unrated.status, ==, 0);
  g_assert_nonnull (strstr (unrated.out, "Rating: Not rated in the review"));
}

static void
test_validate (void)
{
  g_autofree char *good = data_path ("minimal.json", NULL);
  g_autofree char *bad = data_path ("bad", "unknown-rating.json", NULL);
  g_auto(Run) ok = { 0 };
  g_auto(Run) refused = { 0 };

  run_cli (&ok, "validate", good, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_cmpstr (ok.out, ==, "minimal.json: a valid catalogue with 1 intervention\n");

  run_cli (&refused, "validate", bad, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_cmpstr (refused.out, ==, "");
  g_assert_cmpstr (refused.err, ==,
                   "unknown-rating.json: intervention \"drive\": evidence_rating \"hihg\" is not "
                   "one of low, low-moderate, moderate, high\n");
}

static void
test_json_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "primary.json", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Run) exported = { 0 };
  g_auto(Run) valid = { 0 };
  g_auto(Run) from_file = { 0 };
  g_auto(Run) from_filter = { 0 };

  /* A filtered list saved as JSON is a catalogue of its own, which reads back the same. */
  run_cli (&exported, "list", "--level", "primary", "--format", "json", NULL);
  g_assert_cmpint (exported.status, ==, 0);
  g_file_set_contents (path, exported.out, -1, &error);
  g_assert_no_error (error);

  run_cli (&valid, "validate", path, NULL);
  g_assert_cmpint (valid.status, ==, 0);
  g_assert_cmpstr (valid.out, ==, "primary.json: a valid catalogue with 13 interventions\n");

  run_cli (&from_file, "list", "--catalogue", path, "--format", "csv", NULL);
  run_cli (&from_filter, "list", "--level", "primary", "--format", "csv", NULL);
  g_assert_cmpstr (from_file.out, ==, from_filter.out);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_bad_catalogue_option (void)
{
  g_autofree char *bad = data_path ("bad", "duplicate-id.json", NULL);
  g_auto(Run) run = { 0 };

  run_cli (&run, "list", "--catalogue", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "waymark-cli: duplicate-id.json: interventions[1]: id \"drive\" is already used "
                   "by interventions[0]; every id must be unique\n");
}

static void
test_usage_errors (void)
{
  struct {
    const char *args[4];
    int status;
    const char *err_contains;
  } cases[] = {
    { { NULL }, 2, "Usage:" },
    { { "frobnicate", NULL }, 2, "“frobnicate” is not a command" },
    { { "list", "--level", "quaternary", NULL }, 2,
      "--level: “quaternary” is not one of primary, secondary, tertiary" },
    { { "list", "--min-evidence", "hihg", NULL }, 2,
      "--min-evidence: “hihg” is not one of low, moderate, high" },
    { { "list", "--format", "xml", NULL }, 2, "--format must be table, csv or json" },
    { { "list", "--sort", "price", NULL }, 2, "--sort must be" },
    { { "list", "--max-cost", "12,34", NULL }, 2, "--max-cost: “12,34” is not an amount" },
    { { "list", "--no-such-option", NULL }, 2, "Unknown option --no-such-option" },
    { { "show", NULL }, 2, "show needs exactly one intervention id" },
    { { "show", "no-such-id", NULL }, 1, "no intervention has the id “no-such-id”" },
    { { "validate", NULL }, 2, "validate needs exactly one file" },
    { { "validate", "/nonexistent/file.json", NULL }, 1, "file.json: cannot be read:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3],
               NULL);
      g_test_message ("case %u: %s", i, run.err);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_nonnull (strstr (run.err, cases[i].err_contains));
      g_assert_cmpstr (run.out, ==, "");
    }
}

static void
test_help_and_version (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };
  g_auto(Run) list_help = { 0 };

  run_cli (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "Commands:"));
  g_assert_nonnull (strstr (help.out, "validate"));

  run_cli (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "waymark-cli "));

  run_cli (&list_help, "list", "--help", NULL);
  g_assert_cmpint (list_help.status, ==, 0);
  g_assert_nonnull (strstr (list_help.out, "--min-evidence"));
  g_assert_nonnull (strstr (list_help.out, "--works-with"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/list/table", test_list_table);
  g_test_add_func ("/cli/list/csv", test_list_csv);
  g_test_add_func ("/cli/list/filtered", test_list_filtered);
  g_test_add_func ("/cli/list/search", test_list_search);
  g_test_add_func ("/cli/list/json-round-trip", test_json_round_trip);
  g_test_add_func ("/cli/list/bad-catalogue", test_bad_catalogue_option);
  g_test_add_func ("/cli/show", test_show);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/help-and-version", test_help_and_version);

  return g_test_run ();
}
