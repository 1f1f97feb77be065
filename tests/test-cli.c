/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

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

typedef struct
{
  gboolean  done;
  gboolean  timed_out;
  char     *out;
  char     *err;
  GError   *error;
} Communicated;

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  Communicated *c = data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &c->out, &c->err,
                                        &c->error);
  c->done = TRUE;
}

static gboolean
on_deadline (gpointer data)
{
  Communicated *c = data;

  c->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* As run_cli, but a command that has not finished within a minute is killed and the test fails,
 * instead of hanging the test command: a named pipe as input once blocked waymark-cli for ever,
 * and /dev/zero was read until memory ran out. */
static void
run_cli_bounded (Run        *run,
                 const char *first,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Communicated c = { 0 };
  const char *cli = g_getenv ("WAYMARK_CLI");
  guint deadline;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicated, &c);
  deadline = g_timeout_add_seconds (60, on_deadline, &c);
  while (!c.done && !c.timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!c.done)
    {
      g_subprocess_force_exit (process);
      g_error ("waymark-cli %s did not finish within a minute", first);
    }
  g_source_remove (deadline);
  g_assert_no_error (c.error);

  run->out = c.out;
  run->err = c.err;
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

static void
test_finding_4_deep_nesting (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deep.json", NULL);
  g_autofree char *deep = g_strnfill (200000, '[');
  g_autoptr(GError) error = NULL;
  g_auto(Run) validate = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) list = { 0 };
  const char *message = "deep.json: line 1, column 65: lists and objects are nested more than 64 "
                        "deep, which no Waymark file needs\n";

  /* About 75,000 [ crashed every reader in json-glib's recursion (SIGSEGV). */
  g_file_set_contents (path, deep, -1, &error);
  g_assert_no_error (error);

  run_cli_bounded (&validate, "validate", path, NULL);
  g_assert_cmpint (validate.status, ==, 1);
  g_assert_cmpstr (validate.err, ==, message);

  run_cli_bounded (&export, "export", "--format", "csv", path, NULL);
  g_assert_cmpint (export.status, ==, 1);
  g_assert_true (g_str_has_suffix (export.err, message));

  run_cli_bounded (&list, "list", "--catalogue", path, NULL);
  g_assert_cmpint (list.status, ==, 1);
  g_assert_true (g_str_has_suffix (list.err, message));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_finding_6_fifo_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.waymark", NULL);
  const char *message = "plan.waymark: is a named pipe (FIFO), not a file: Waymark opens only "
                        "ordinary files\n";
  g_auto(Run) validate = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) list = { 0 };

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  run_cli_bounded (&validate, "validate", path, NULL);
  g_assert_cmpint (validate.status, ==, 1);
  g_assert_cmpstr (validate.err, ==, message);

  run_cli_bounded (&export, "export", "--format", "json", path, NULL);
  g_assert_cmpint (export.status, ==, 1);
  g_assert_cmpstr (export.out, ==, "");
  g_assert_true (g_str_has_suffix (export.err, message));

  run_cli_bounded (&list, "list", "--catalogue", path, NULL);
  g_assert_cmpint (list.status, ==, 1);
  g_assert_true (g_str_has_suffix (list.err, message));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_finding_6_dev_zero (void)
{
  g_auto(Run) zero = { 0 };
  g_auto(Run) urandom = { 0 };

  run_cli_bounded (&zero, "validate", "/dev/zero", NULL);
  g_assert_cmpint (zero.status, ==, 1);
  g_assert_cmpstr (zero.err, ==, "zero: is a device, not a file: Waymark opens only ordinary "
                                 "files\n");

  run_cli_bounded (&urandom, "export", "--format", "csv", "/dev/urandom", NULL);
  g_assert_cmpint (urandom.status, ==, 1);
  g_assert_cmpstr (urandom.out, ==, "");
  g_assert_cmpstr (urandom.err, ==, "waymark-cli: urandom: is a device, not a file: Waymark opens "
                                    "only ordinary files\n");
}

static void
test_finding_9_long_value_excerpt (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.json", NULL);
  g_autofree char *minimal_path = data_path ("minimal.json", NULL);
  g_autofree char *minimal = NULL;
  g_autofree char *long_value = g_strnfill (10 * 1024 * 1024, 'h');
  g_autofree char *rating = g_strdup_printf ("\"evidence_rating\" : \"%s\"", long_value);
  g_auto(GStrv) parts = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  /* A 10 MB bad rating once made 10 MB of stderr. */
  g_assert_true (g_file_get_contents (minimal_path, &minimal, NULL, NULL));
  parts = g_strsplit (minimal, "\"evidence_rating\" : \"moderate\"", 2);
  text = g_strjoinv (rating, parts);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  run_cli_bounded (&run, "validate", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (strlen (run.err), <, 200);
  g_assert_cmpstr (run.err, ==,
                   "long.json: intervention \"drive\": evidence_rating "
                   "\"hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh…\" is not one of low, low-moderate, "
                   "moderate, high\n");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_finding_10_overflow_validate (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.waymark", NULL);
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "golden", "plan-three-year.waymark",
                                                   NULL);
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) validate = { 0 };
  g_auto(Run) export = { 0 };
  const char *message = "huge.waymark: items[4] (\"drive\"): quantity (1000000) × unit_cost_pence "
                        "(100000000000) is more than £1,000,000,000,000, too large to calculate\n";

  /* A million perpetrators at £1bn each: validate said "valid", then export failed without
   * naming the file or the item. */
  g_assert_true (g_file_get_contents (golden, &good, NULL, NULL));
  parts = g_strsplit (good, "\"quantity\" : 40,\n      \"unit\" : \"perpetrators\",\n"
                      "      \"unit_cost_pence\" : 240000,\n      \"unit_cost_high_pence\" : 240000",
                      2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  bad = g_strjoinv ("\"quantity\" : 1000000,\n      \"unit\" : \"perpetrators\",\n"
                    "      \"unit_cost_pence\" : 100000000000,\n"
                    "      \"unit_cost_high_pence\" : 100000000000", parts);
  g_file_set_contents (path, bad, -1, &error);
  g_assert_no_error (error);

  run_cli_bounded (&validate, "validate", path, NULL);
  g_assert_cmpint (validate.status, ==, 1);
  g_assert_cmpstr (validate.out, ==, "");
  g_assert_cmpstr (validate.err, ==, message);

  run_cli_bounded (&export, "export", "--format", "csv", path, NULL);
  g_assert_cmpint (export.status, ==, 1);
  g_assert_cmpstr (export.out, ==, "");
  g_assert_true (g_str_has_suffix (export.err, message));

  g_unlink (path);
  g_rmdir (dir);
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
  g_test_add_func ("/cli/finding-4-deep-nesting", test_finding_4_deep_nesting);
  g_test_add_func ("/cli/finding-6-fifo-input", test_finding_6_fifo_input);
  g_test_add_func ("/cli/finding-6-dev-zero", test_finding_6_dev_zero);
  g_test_add_func ("/cli/finding-9-long-value-excerpt", test_finding_9_long_value_excerpt);
  g_test_add_func ("/cli/finding-10-overflow-validate", test_finding_10_overflow_validate);

  return g_test_run ();
}
