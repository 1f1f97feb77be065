/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-util.h"

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

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
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

/* Runs waymark-cli through sh, so that its standard output can be redirected (to /dev/full) or
 * closed (>&-); standard error is captured. */
static void
run_cli_redirected (Run        *run,
                    const char *redirection,
                    const char *first,
                    ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, g_strdup ("/bin/sh"));
  g_ptr_array_add (argv, g_strdup ("-c"));
  g_ptr_array_add (argv, g_strdup_printf ("exec \"$0\" \"$@\" %s", redirection));
  g_ptr_array_add (argv, g_strdup (g_getenv ("WAYMARK_CLI")));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                NULL, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* A copy of a fixture with one string replaced, in `dir` under `name`. */
static char *
fixture_with (const char *dir,
              const char *name,
              const char *fixture,
              const char *find,
              const char *replace)
{
  g_autofree char *text = read_file (fixture);
  g_autofree char *changed = test_replace_once (text, find, replace);
  char *path = g_build_filename (dir, name, NULL);

  write_file (path, changed);
  return path;
}

/* Nothing in `text` that a terminal would obey or hide: it is UTF-8, with no control character
 * but (where `lines`) line feeds and tabs, and no bidirectional or zero-width character. */
static void
assert_safe_for_terminal (const char *text,
                          gboolean    lines)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (lines && (c == '\n' || c == '\t'))
        continue;
      g_assert_false (c < 0x20 || (c >= 0x7F && c <= 0x9F));
      g_assert_false (c == 0x061C || (c >= 0x200B && c <= 0x200F) ||
                      (c >= 0x202A && c <= 0x202E) || c == 0x2060 ||
                      (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF);
    }
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

/* STOP-SV's impact rating is "MEDIUM (note limited evidence)": the table keeps the note. */
static void
test_list_rating_note (void)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;
  guint found = 0;

  run_cli (&run, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "STOP-SV"))
      {
        g_assert_nonnull (strstr (lines[i], "Moderate (note limited evidence)"));
        found++;
      }
  g_assert_cmpuint (found, ==, 1);
}

static void
test_list_csv (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "list", "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "id,name,level,focus,works_with,evidence_rating,"
                                   "impact_rating,cost_min,cost_max,currency,cost_unit,llr_status"));
  /* Safe Dates' "$395.00" has no unit in the review's words: "per book" is marked Waymark's. */
  g_assert_nonnull (strstr (run.out, ",age_max,section,cost_unit_waymarks_reading\r\n"));
  g_assert_nonnull (strstr (run.out, "does not write \"\"per book\"\": that unit is Waymark's "
                                     "reading of the sentence.\"\r\n"));
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

/* Issue 15: the browser's long-list filter, from a saved plan (tests/data/appraisal.waymark: the
 * items drive, iris and counselling are not on its long list, so shortlisted; its long list
 * shortlists mentors-in-violence-prevention, defers safe-dates and does not take cbt-victims
 * forward). Shortlisted or deferred: those five of 35, in the review's order. */
static void
test_list_status (void)
{
  g_autofree char *plan = data_path ("appraisal.waymark", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) rest = { 0 };
  g_auto(Run) bad = { 0 };

  run_cli (&run, "list", "--status", "shortlisted,deferred", "--plan", plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_golden (run.out, "list-status-shortlisted-deferred.txt");

  /* 35 - 4 shortlisted - 1 deferred - 1 not taken forward. */
  run_cli (&rest, "list", "--status", "not-on-long-list", "--plan", plan, NULL);
  g_assert_cmpint (rest.status, ==, 0);
  g_assert_nonnull (strstr (rest.out, "\n29 of 35 interventions\n"));
  g_assert_null (strstr (rest.out, "Safe Dates"));

  run_cli (&bad, "list", "--status", "kept", "--plan", plan, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--status: “kept” is not one of shortlisted, "
                                     "not-taken-forward, deferred, not-on-long-list"));
  g_assert_cmpstr (bad.out, ==, "");
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
  /* The review gives it no cohort: no heading over nothing. */
  g_assert_null (strstr (unrated.out, "Target cohort"));
  g_assert_nonnull (strstr (unrated.out, "\nWaymark’s notes on this entry\n"));
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
    { { "list", "--status", "deferred", NULL }, 2, "--status needs --plan" },
    { { "list", "--status", "deferred", "--plan" }, 2, "Missing argument for --plan" },
    { { "show", NULL }, 2, "show needs exactly one intervention id" },
    { { "show", "no-such-id", NULL }, 1, "no intervention has the id “no-such-id”" },
    { { "validate", NULL }, 2, "validate needs exactly one file" },
    { { "validate", "/nonexistent/file.json", NULL }, 1, "file.json: cannot be read:" },
    { { "context", "--kind", "figure", NULL }, 2,
      "--kind must be context, funding, gap, recommendation, standard or provider" },
    { { "context", "--format", "xml", NULL }, 2, "--format must be text, csv or json" },
    { { "context", "extra", NULL }, 2, "context takes no arguments" },
    { { "context", "--catalogue", "/nonexistent/c.json", NULL }, 1, "c.json: cannot be read:" },
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

/* Finding 6: a named pipe as --output is written to, not replaced by a regular file; one that
 * nothing reads from is refused at once instead of waited on; a folder is refused. */
static void
test_finding_6_output_fifo (void)
{
  g_autofree char *plan = g_test_build_filename (G_TEST_DIST, "golden", "plan-three-year.waymark",
                                                 NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-cli-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "plan.csv", NULL);
  g_autoptr(GString) received = g_string_new (NULL);
  g_auto(Run) expected = { 0 };
  g_auto(Run) unread = { 0 };
  g_auto(Run) with_reader = { 0 };
  g_auto(Run) folder = { 0 };
  GStatBuf st;
  int reader;

  run_cli (&expected, "export", plan, "--format", "csv", NULL);
  g_assert_cmpint (expected.status, ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  run_cli (&unread, "export", plan, "--format", "csv", "--output", fifo, NULL);
  g_test_message ("no reader: %s", unread.err);
  g_assert_cmpint (unread.status, ==, 1);
  g_assert_nonnull (strstr (unread.err, "“plan.csv”: it is a named pipe and nothing is reading"));
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  /* A reader that does not block the test; the export is far smaller than a pipe holds, so it
   * is all in the pipe when waymark-cli exits. */
  reader = open (fifo, O_RDONLY | O_NONBLOCK);
  g_assert_cmpint (reader, >=, 0);
  run_cli (&with_reader, "export", plan, "--format", "csv", "--output", fifo, NULL);
  g_assert_cmpstr (with_reader.err, ==, "");
  g_assert_cmpint (with_reader.status, ==, 0);
  for (;;)
    {
      char buffer[4096];
      ssize_t n = read (reader, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >=, 0);
      if (n == 0)
        break;
      g_string_append_len (received, buffer, n);
    }
  close (reader);
  g_assert_cmpstr (received->str, ==, expected.out);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  run_cli (&folder, "export", plan, "--format", "csv", "--output", dir, NULL);
  g_assert_cmpint (folder.status, ==, 1);
  g_assert_nonnull (strstr (folder.err, "it is a folder"));

  test_remove_tree (dir);
}

/* Issue 16: the summary CSV, its golden file, and --summary only with --format csv. The golden
 * is checked by hand against the plan: three financial years whose items cost £180,900,
 * £186,075 and £191,259.40 at the least (DRIVE's 40, 42, then 44 perpetrators at £2,400, the
 * local quotes uplifted 2.5% a year), £558,234.40 in all, against a budget of £600,000. */
static void
test_export_summary (void)
{
  g_autofree char *plan = g_test_build_filename (G_TEST_DIST, "golden", "plan-three-year.waymark",
                                                 NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-summary-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "summary.csv", NULL);
  g_autofree char *written = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) to_file = { 0 };
  g_auto(Run) json = { 0 };

  run_cli (&run, "export", plan, "--format", "csv", "--summary", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  assert_golden (run.out, "plan-three-year-summary.csv");
  g_assert_nonnull (strstr (run.out, "\r\ntotal_low_2027_28_gbp,\"Total low, 2027/28\","
                                     "186075.00,computed,"));
  g_assert_nonnull (strstr (run.out, "\r\ntotal_low_gbp,Total low over the plan,558234.40,"
                                     "computed,"));
  g_assert_nonnull (strstr (run.out, "\r\nbudget_gbp,Budget over the plan,600000.00,local,"));

  run_cli (&to_file, "export", plan, "--format", "csv", "--summary", "--output", output, NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_true (g_file_get_contents (output, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, run.out);

  run_cli (&json, "export", plan, "--format", "json", "--summary", NULL);
  g_assert_cmpint (json.status, ==, 2);
  g_assert_nonnull (strstr (json.err, "--summary needs --format csv"));

  g_unlink (output);
  g_rmdir (dir);
}

/* Finding 6: a character device is written to in place. Kept as a guard only: before the fix,
 * run as root, it replaced the machine's /dev/null with a regular file (the named-pipe test
 * above is the one to check against unfixed code). */
static void
test_finding_6_output_dev_null (void)
{
  g_autofree char *plan = g_test_build_filename (G_TEST_DIST, "golden", "plan-three-year.waymark",
                                                 NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) full = { 0 };
  GStatBuf st;

  run_cli (&run, "export", plan, "--format", "json", "--output", "/dev/null", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_lstat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  /* A device that refuses the data: the error names it, and it is still a device. */
  run_cli (&full, "export", plan, "--format", "json", "--output", "/dev/full", NULL);
  g_assert_cmpint (full.status, ==, 1);
  g_assert_cmpstr (full.err, ==,
                   "waymark-cli: Could not write to “full”: No space left on device\n");
  g_assert_cmpint (g_lstat ("/dev/full", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
}

/* Finding 7: output that could not be written is an error (exit status 1, a message), whichever
 * command wrote it: a full disk, and a closed standard output. */
static void
check_failed_stdout (const char *redirection)
{
  g_autofree char *plan = g_test_build_filename (G_TEST_DIST, "golden", "plan-three-year.waymark",
                                                 NULL);
  const char *commands[][5] = {
    { "list", NULL },
    { "list", "--format", "csv", NULL },
    { "show", "drive", NULL },
    { "validate", plan, NULL },
    { "export", plan, "--format", "csv", NULL },
    { "--version", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli_redirected (&run, redirection, commands[i][0], commands[i][1], commands[i][2],
                          commands[i][3], commands[i][4], NULL);
      g_test_message ("%s %s: %d %s", commands[i][0], redirection, run.status, run.err);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_true (g_str_has_prefix (run.err, "waymark-cli: Could not write to standard output: "));
    }
}

static void
test_finding_7_dev_full (void)
{
  check_failed_stdout (">/dev/full");
}

static void
test_finding_7_closed_stdout (void)
{
  check_failed_stdout (">&-");
}

/* Finding 7: --output naming the plan being exported (or the catalogue read), however spelt, is
 * refused, and the file is left as it was. */
static void
test_finding_7_output_is_input (void)
{
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "golden",
                                                   "plan-three-year.waymark", NULL);
  g_autofree char *catalogue_fixture = data_path ("minimal.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-cli-XXXXXX", NULL);
  g_autofree char *plan = g_build_filename (dir, "plan.waymark", NULL);
  g_autofree char *link = g_build_filename (dir, "link.waymark", NULL);
  g_autofree char *dotted = g_build_filename (dir, ".", "plan.waymark", NULL);
  g_autofree char *catalogue = g_build_filename (dir, "catalogue.json", NULL);
  g_autofree char *plan_text = read_file (golden);
  g_autofree char *catalogue_text = read_file (catalogue_fixture);
  const char *outputs[] = { plan, link, dotted };

  write_file (plan, plan_text);
  write_file (catalogue, catalogue_text);
  g_assert_cmpint (symlink ("plan.waymark", link), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *after = NULL;

      run_cli (&run, "export", plan, "--format", "csv", "--output", outputs[i], NULL);
      g_test_message ("%s: %s", outputs[i], run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, "is the plan being exported"));
      after = read_file (plan);
      g_assert_cmpstr (after, ==, plan_text);
    }

  {
    g_auto(Run) run = { 0 };
    g_autofree char *after = NULL;

    run_cli (&run, "export", plan, "--catalogue", catalogue, "--format", "json",
             "--output", catalogue, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "is the catalogue being read"));
    after = read_file (catalogue);
    g_assert_cmpstr (after, ==, catalogue_text);
  }

  test_remove_tree (dir);
}

/* Finding 11: escape sequences, bidirectional overrides and zero-width characters in a
 * catalogue's text reach the table and `show` as visible code points, not as commands. */
static void
test_finding_11_escape_in_table (void)
{
  g_autofree char *fixture = data_path ("minimal.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-cli-XXXXXX", NULL);
  g_autofree char *catalogue = fixture_with (dir, "hostile.json", fixture,
                                             "\"name\" : \"Drive project\"",
                                             "\"name\" : \"Drive\\u001b[2J\\u001b[H\\r"
                                             "\\u202etcejorp\\u200b\\u009b31m\\u007f\"");
  g_auto(Run) list = { 0 };
  g_auto(Run) show = { 0 };

  run_cli (&list, "list", "--catalogue", catalogue, NULL);
  g_assert_cmpint (list.status, ==, 0);
  assert_safe_for_terminal (list.out, TRUE);
  /* The table cuts a long name, escapes included. */
  g_assert_nonnull (strstr (list.out, "\nDrive<U+001B>[2J<U+001B>[H<U+000D…  tertiary"));

  run_cli (&show, "show", "drive", "--catalogue", catalogue, NULL);
  g_assert_cmpint (show.status, ==, 0);
  assert_safe_for_terminal (show.out, TRUE);
  g_assert_true (g_str_has_prefix (show.out, "Drive<U+001B>[2J<U+001B>[H<U+000D><U+202E>tcejorp"
                                              "<U+200B><U+009B>31m<U+007F>\n"));

  test_remove_tree (dir);
}

/* Finding 11: what the command line is given, or a file says, and then quoted in an error
 * message, is escaped too: a fake "valid" cannot be printed over the real message. */
static void
test_finding_11_escape_in_error (void)
{
  g_autofree char *fixture = data_path ("bad", "unknown-rating.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-cli-XXXXXX", NULL);
  g_autofree char *value = fixture_with (dir, "value.json", fixture, "\"hihg\"",
                                         "\"\\u001b[2K\\rvalue.json: a valid catalogue\"");
  g_autofree char *named = g_build_filename (dir, "\033[2J\033[Hnamed.json", NULL);
  g_auto(Run) bad_value = { 0 };
  g_auto(Run) bad_name = { 0 };
  g_auto(Run) bad_id = { 0 };

  run_cli (&bad_value, "validate", value, NULL);
  g_assert_cmpint (bad_value.status, ==, 1);
  assert_safe_for_terminal (bad_value.err, TRUE);
  g_assert_nonnull (strstr (bad_value.err, "<U+001B>[2K<U+000D>value.json: a valid catalogue"));

  write_file (named, "{ not json");
  run_cli (&bad_name, "validate", named, NULL);
  g_assert_cmpint (bad_name.status, ==, 1);
  assert_safe_for_terminal (bad_name.err, TRUE);
  g_assert_true (g_str_has_prefix (bad_name.err, "<U+001B>[2J<U+001B>[Hnamed.json: "));

  run_cli (&bad_id, "show", "drive\033]0;title\007", NULL);
  g_assert_cmpint (bad_id.status, ==, 1);
  assert_safe_for_terminal (bad_id.err, TRUE);
  g_assert_nonnull (strstr (bad_id.err, "“drive<U+001B>]0;title<U+0007>”"));

  test_remove_tree (dir);
}

/* Finding 11: a file name that is not UTF-8 is shown with its bytes made visible, in messages on
 * both standard output and standard error, never as raw bytes. */
static void
test_finding_11_non_utf8_filename (void)
{
  g_autofree char *fixture = data_path ("minimal.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-cli-XXXXXX", NULL);
  g_autofree char *good = g_build_filename (dir, "plan-\xff\xfe.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad-\xe9t\xe9.json", NULL);
  g_autofree char *text = read_file (fixture);
  g_auto(Run) valid = { 0 };
  g_auto(Run) invalid = { 0 };

  write_file (good, text);
  run_cli (&valid, "validate", good, NULL);
  g_assert_cmpint (valid.status, ==, 0);
  assert_safe_for_terminal (valid.out, TRUE);
  g_assert_cmpstr (valid.out, ==, "plan-<0xFF><0xFE>.json: a valid catalogue with 1 intervention\n");

  write_file (bad, "[]");
  run_cli (&invalid, "validate", bad, NULL);
  g_assert_cmpint (invalid.status, ==, 1);
  assert_safe_for_terminal (invalid.err, TRUE);
  g_assert_true (g_str_has_prefix (invalid.err, "bad-<0xE9>t<0xE9>.json: "));

  test_remove_tree (dir);
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

/* Every command that reads a file refuses `path` with `message` (export and list after their own
 * words), and none writes anything to stdout. */
static void
assert_every_reader_refuses (const char *path,
                             const char *message)
{
  g_auto(Run) validate = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) list = { 0 };

  run_cli_bounded (&validate, "validate", path, NULL);
  g_assert_cmpint (validate.status, ==, 1);
  g_assert_cmpstr (validate.out, ==, "");
  g_assert_cmpstr (validate.err, ==, message);

  run_cli_bounded (&export, "export", "--format", "json", path, NULL);
  g_assert_cmpint (export.status, ==, 1);
  g_assert_cmpstr (export.out, ==, "");
  g_assert_true (g_str_has_suffix (export.err, message));

  run_cli_bounded (&list, "list", "--catalogue", path, NULL);
  g_assert_cmpint (list.status, ==, 1);
  g_assert_cmpstr (list.out, ==, "");
  g_assert_true (g_str_has_suffix (list.err, message));
}

static void
test_finding_4_deep_nesting (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deep.json", NULL);
  g_autofree char *deep = g_strnfill (200000, '[');
  g_autoptr(GError) error = NULL;
  const char *message = "deep.json: line 1, column 65: lists and objects are nested more than 64 "
                        "deep, which no Waymark file needs\n";

  /* About 75,000 [ crashed every reader in json-glib's recursion (SIGSEGV). */
  g_file_set_contents (path, deep, -1, &error);
  g_assert_no_error (error);

  assert_every_reader_refuses (path, message);

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

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  assert_every_reader_refuses (path, message);

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
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  /* A 10 MB bad rating once made 10 MB of stderr. */
  g_assert_true (g_file_get_contents (minimal_path, &minimal, NULL, NULL));
  text = test_replace_once (minimal, "\"evidence_rating\" : \"moderate\"", rating);
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
  g_autoptr(GError) error = NULL;
  g_auto(Run) validate = { 0 };
  g_auto(Run) export = { 0 };
  const char *message = "huge.waymark: items[4] (\"drive\"): quantity (1000000) × unit_cost_pence "
                        "(100000000000) is more than £1,000,000,000,000, too large to calculate\n";

  /* A million perpetrators at £1bn each: validate said "valid", then export failed without
   * naming the file or the item. */
  g_assert_true (g_file_get_contents (golden, &good, NULL, NULL));
  bad = test_replace_once (good,
                           "\"quantity\" : 40,\n      \"unit\" : \"perpetrators\",\n"
                           "      \"unit_cost_pence\" : 240000,\n"
                           "      \"unit_cost_high_pence\" : 240000",
                           "\"quantity\" : 1000000,\n      \"unit\" : \"perpetrators\",\n"
                           "      \"unit_cost_pence\" : 100000000000,\n"
                           "      \"unit_cost_high_pence\" : 100000000000");
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

/* Issue 14: waymark-cli context. */

static void
test_context_text (void)
{
  g_auto(Run) funding = { 0 };
  g_auto(Run) all = { 0 };

  run_cli (&funding, "context", "--kind", "funding", NULL);
  g_assert_cmpint (funding.status, ==, 0);
  g_assert_cmpstr (funding.err, ==, "");
  assert_golden (funding.out, "context-funding.txt");

  run_cli (&all, "context", NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_nonnull (strstr (all.out, "== Local context: Scale of DA and SV in LLR ==\n"));
  g_assert_nonnull (strstr (all.out, "  28,360 people · 2020/21 · Leicester, Leicestershire and "
                                     "Rutland\n"));
  g_assert_nonnull (strstr (all.out, "== Commissioned service: Free from Violence and Abuse "
                                     "(freeva) ==\n"));
  g_assert_true (g_str_has_suffix (all.out, "\n129 entries\n"));
}

static void
test_context_csv (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) gaps = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&run, "context", "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "kind,id,label,value,unit,period,geography,as_written,"
                                   "section,topic,purpose,interventions,questions\r\n"));
  g_assert_nonnull (strstr (run.out, "\r\ncontext,llr-da-adults,Adults who experienced domestic "
                                     "abuse in the past year,28360,people,2020/21,"));
  g_assert_nonnull (strstr (run.out, ",7.89,percent,"));
  g_assert_nonnull (strstr (run.out, ",140000000,GBP,"));
  g_assert_nonnull (strstr (run.out, ",97.351,ratio,"));

  run_cli (&gaps, "context", "--kind", "gap", "--format", "csv", NULL);
  g_assert_cmpint (gaps.status, ==, 0);
  lines = g_strsplit (gaps.out, "\r\n", -1);
  /* The header, 14 gaps, and the empty string after the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, 16);
  for (guint i = 1; lines[i][0] != '\0'; i++)
    g_assert_true (g_str_has_prefix (lines[i], "gap,"));
  g_assert_nonnull (strstr (gaps.out, ",1,percent,"));
  g_assert_nonnull (strstr (gaps.out, ",dapps;make-a-change;clear;cara,"));
}

static void
test_context_german_locale (void)
{
  /* The values are the review's plain decimals in every locale: "7.89", never "7,89". */
  g_auto(Run) c = { 0 };
  g_auto(Run) german = { 0 };
  g_auto(Run) german_json = { 0 };
  g_auto(Run) c_json = { 0 };
  g_autofree char *saved = g_strdup (g_getenv ("LC_ALL"));

  run_cli (&c, "context", "--format", "csv", NULL);
  run_cli (&c_json, "context", "--format", "json", NULL);
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  run_cli (&german, "context", "--format", "csv", NULL);
  run_cli (&german_json, "context", "--format", "json", NULL);
  if (saved != NULL)
    g_setenv ("LC_ALL", saved, TRUE);
  else
    g_unsetenv ("LC_ALL");

  g_assert_cmpint (german.status, ==, 0);
  g_assert_cmpstr (german.err, ==, "");
  g_assert_cmpstr (german.out, ==, c.out);
  g_assert_cmpstr (german_json.out, ==, c_json.out);
  g_assert_nonnull (strstr (german.out, ",7.89,percent,"));
}

static void
test_context_json (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  JsonObject *first;

  run_cli (&run, "context", "--kind", "recommendation", "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 9);
  first = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "recommendation");
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "rec-discussion-points");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "questions")), ==,
                    4);
  g_assert_false (json_object_has_member (first, "value"));
}

static void
test_context_other_catalogue (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal-context.json",
                                                 NULL);

  run_cli (&run, "context", "--catalogue", path, "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\r\nprovider,freeva-1,The Jenkins Centre,,text,"));
  g_assert_nonnull (strstr (run.out, "\r\ngap,gap-perpetrator-travel,"));
}

/* Issue 15: waymark-cli appraise, on tests/data/appraisal.waymark: four items (drive, iris,
 * counselling, which the review does not rate, and cbt-victims, not taken forward), a local
 * service (local-idva-service, "LLR IDVA service": not rated by the review, so scored only on
 * the local criterion strategic_fit, though its level and ages would score), one more
 * shortlisted intervention (mentors-in-violence-prevention) and one deferred (safe-dates).
 * Weights: evidence 1, impact 1, llr_status 0.5, strategic_fit 2; the others 0. By hand:
 *   local-idva-service  (3 × 2) ÷ 2                                 = 3.00, rank 1
 *   drive               (2 × 1 + 3 × 1 + 2 × 0.5 + 2 × 2) ÷ 4.5 = 10 ÷ 4.5 = 2.22, rank 2=
 *   mentors             (3 × 1 + 2 × 1 + 2 × 0.5 + 2 × 2) ÷ 4.5 = 10 ÷ 4.5 = 2.22, rank 2=
 *   iris                (3 × 1 + 2 × 1 + 0 × 0.5 + 2 × 2) ÷ 4.5 =  9 ÷ 4.5 = 2.00, rank 4
 *   counselling: no score on any weighted criterion, listed after the ranked. */

static void
test_appraise_text (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *plan = data_path ("appraisal.waymark", NULL);

  run_cli (&run, "appraise", plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_golden (run.out, "appraise.txt");
  g_assert_nonnull (strstr (run.out, "1. LLR IDVA service [local-idva-service]: 3.00, scored "
                                     "on 1 of 4 criteria\n"
                                     "   (strategic_fit 3 × 2) ÷ (2) = 3.00\n"
                                     "   Local: not rated by the review\n"));
  /* Only the local service is marked so: the unrated intervention is the review's. */
  g_assert_cmpuint (count_occurrences (run.out, "Local: not rated by the review"), ==, 1);
  g_assert_nonnull (strstr (run.out, "2. Drive project [drive]: 2.22, scored on 4 of 4 "
                                     "criteria\n"));
  g_assert_nonnull (strstr (run.out, "4. Identification and Referral to Improve Safety (IRIS) "
                                     "[iris]: 2.00"));
  /* Drive and MVP tie: moving evidence or impact by 20% breaks the tie, one way or the other
   * (evidence up: drive 10.4, MVP 10.6 over 4.7); llr_status and strategic_fit score them
   * alike, so moving those changes nothing. */
  g_assert_nonnull (strstr (run.out, "Sensitivity: Not robust"));
  g_assert_nonnull (strstr (run.out, "- evidence’s weight raised by 20% (1 to 1.2): 1 "
                                     "LLR IDVA service; 2 Mentors in Violence Prevention (MVP); "
                                     "3 Drive project\n"));
  g_assert_null (strstr (run.out, "- llr_status’s"));
  g_assert_null (strstr (run.out, "- strategic_fit’s"));
}

/* Issue 15: a plan's local services listed, marked, shared through a file of their own and
 * imported into another plan; the export and the plan's CSV mark the item local. */
static void
test_local_services (void)
{
  g_autofree char *appraisal = data_path ("appraisal.waymark", NULL);
  g_autofree char *three_year = g_test_build_filename (G_TEST_DIST, "golden",
                                                       "plan-three-year.waymark", NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-cli-XXXXXX", NULL);
  g_autofree char *shared = g_build_filename (dir, "services.json", NULL);
  g_autofree char *merged = g_build_filename (dir, "merged.waymark", NULL);
  g_auto(Run) list = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) to_stdout = { 0 };
  g_auto(Run) validate = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) merged_list = { 0 };
  g_auto(Run) appraise = { 0 };
  g_auto(Run) onto_input = { 0 };
  g_auto(Run) no_output = { 0 };
  g_auto(Run) wrong_action = { 0 };

  run_cli (&list, "local-services", "list", appraisal, NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.err, ==, "");
  assert_golden (list.out, "local-services-list.txt");
  g_assert_true (g_str_has_prefix (list.out, "LLR IDVA service [local-idva-service]\n"
                                             "   Local: not rated by the review\n"));
  /* £42,000 to £45,000: 4,200,000 and 4,500,000 pence as the file holds them. */
  g_assert_nonnull (strstr (list.out, "Unit cost (local): £42,000 to £45,000 a unit (a unit: adviser posts)\n"));

  run_cli (&export, "local-services", "export", appraisal, "-o", shared, NULL);
  g_assert_cmpint (export.status, ==, 0);
  run_cli (&to_stdout, "local-services", "export", appraisal, NULL);
  g_assert_cmpint (to_stdout.status, ==, 0);
  {
    g_autofree char *written = NULL;

    g_assert_true (g_file_get_contents (shared, &written, NULL, NULL));
    g_assert_cmpstr (written, ==, to_stdout.out);
    g_assert_true (g_str_has_prefix (written, "{\n  \"format\" : \"waymark-local-services\",\n"
                                              "  \"version\" : 1,\n"));
  }
  run_cli (&validate, "validate", shared, NULL);
  g_assert_cmpint (validate.status, ==, 0);
  g_assert_cmpstr (validate.out, ==, "services.json: a valid file of 1 local service\n");

  /* Into the three-year plan, which has none; importing the same file again changes nothing. */
  run_cli (&import, "local-services", "import", three_year, shared, "-o", merged, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.err, ==, "");
  run_cli (&again, "local-services", "import", merged, shared, "-o", merged, NULL);
  g_assert_cmpint (again.status, ==, 0);
  run_cli (&merged_list, "local-services", "list", merged, NULL);
  g_assert_true (g_str_has_prefix (merged_list.out, "LLR IDVA service [local-idva-service]\n"));
  g_assert_nonnull (strstr (merged_list.out, "   In the plan: no\n"));
  g_assert_cmpuint (count_occurrences (merged_list.out, "Local: not rated by the review"), ==, 1);
  /* An option of the plan: appraised with no review score. */
  run_cli (&appraise, "appraise", merged, "--format", "csv", NULL);
  g_assert_cmpint (appraise.status, ==, 0);
  g_assert_nonnull (strstr (appraise.out, "\r\n,local-idva-service,LLR IDVA service,shortlisted,"
                                          ",,0,,,,,,,\r\n"));

  run_cli (&onto_input, "local-services", "import", three_year, shared, "-o", shared, NULL);
  g_assert_cmpint (onto_input.status, ==, 2);
  g_assert_nonnull (strstr (onto_input.err, "is a file being read"));
  run_cli (&no_output, "local-services", "import", three_year, shared, NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  run_cli (&wrong_action, "local-services", "delete", three_year, NULL);
  g_assert_cmpint (wrong_action.status, ==, 2);
  g_assert_nonnull (strstr (wrong_action.err, "“delete” is not list, export, import or add-item"));

  /* The imported service has no item: add-item gives it one, written atomically. */
  {
    g_autofree char *planned = g_build_filename (dir, "planned.waymark", NULL);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    g_auto(Run) add_item = { 0 };
    g_auto(Run) planned_list = { 0 };
    g_auto(Run) decisions = { 0 };
    g_auto(Run) twice = { 0 };
    g_auto(Run) unknown = { 0 };
    g_auto(Run) add_no_output = { 0 };
    JsonArray *items;
    JsonObject *item = NULL;

    run_cli (&add_item, "local-services", "add-item", merged, "local-idva-service", "-o", planned,
             NULL);
    g_assert_cmpint (add_item.status, ==, 0);
    g_assert_cmpstr (add_item.err, ==, "");
    run_cli (&planned_list, "local-services", "list", planned, NULL);
    g_assert_nonnull (strstr (planned_list.out, "   In the plan: yes\n"));
    /* Read back by json-glib, not by Waymark's reader: the item is the service's, marked local,
     * with no review rating. */
    json_parser_load_from_file (parser, planned, &error);
    g_assert_no_error (error);
    items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "items");
    for (guint i = 0; i < json_array_get_length (items); i++)
      if (g_str_equal (json_object_get_string_member (json_array_get_object_element (items, i),
                                                      "intervention_id"), "local-idva-service"))
        item = json_array_get_object_element (items, i);
    g_assert_nonnull (item);
    g_assert_true (json_object_get_boolean_member (item, "local_service"));
    g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, "LLR IDVA service");
    g_assert_true (json_object_get_null_member (item, "evidence_rating"));
    g_assert_true (json_object_get_null_member (item, "impact_rating"));
    /* Recorded as any item added. */
    run_cli (&decisions, "decisions", planned, "--format", "csv", NULL);
    g_assert_cmpint (decisions.status, ==, 0);
    g_assert_nonnull (strstr (decisions.out, ",item-added,local-idva-service,"
                                             "Added to the plan: LLR IDVA service,"));

    /* A second item, or a service the plan does not have, is refused and the output left as
     * it was. */
    g_assert_true (g_file_get_contents (planned, &before, NULL, NULL));
    run_cli (&twice, "local-services", "add-item", planned, "local-idva-service", "-o", planned,
             NULL);
    g_assert_cmpint (twice.status, ==, 1);
    g_assert_nonnull (strstr (twice.err, "“LLR IDVA service” is in the plan already"));
    run_cli (&unknown, "local-services", "add-item", planned, "drive", "-o", planned, NULL);
    g_assert_cmpint (unknown.status, ==, 1);
    g_assert_nonnull (strstr (unknown.err, "The plan has no local service “drive”"));
    g_assert_true (g_file_get_contents (planned, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, before);
    run_cli (&add_no_output, "local-services", "add-item", merged, "local-idva-service", NULL);
    g_assert_cmpint (add_no_output.status, ==, 2);
    g_assert_nonnull (strstr (add_no_output.err, "add-item needs --output"));
  }

  /* A different service under the same id is not overwritten. */
  {
    g_autofree char *text = NULL;
    g_autofree char *changed = NULL;
    g_auto(Run) clash = { 0 };

    g_assert_true (g_file_get_contents (shared, &text, NULL, NULL));
    changed = test_replace_once (text, "\"LLR IDVA service\"", "\"Another IDVA service\"");
    g_assert_true (g_file_set_contents (shared, changed, -1, NULL));
    run_cli (&clash, "local-services", "import", merged, shared, "-o", merged, NULL);
    g_assert_cmpint (clash.status, ==, 1);
    g_assert_nonnull (strstr (clash.err, "services.json: local_services[0]: the plan has a "
                                         "different local service “local-idva-service”"));
  }

  test_remove_tree (dir);
}

static void
test_appraise_csv (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *plan = data_path ("appraisal.waymark", NULL);

  run_cli (&run, "appraise", plan, "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_golden (run.out, "appraise.csv");
  g_assert_true (g_str_has_prefix (run.out, "rank,id,name,status,reason,weighted_score,"
                                   "criteria_scored,evidence,impact,cost_published,llr_status,"
                                   "level,works_with,young_people,strategic_fit\r\n"));
  /* Counselling is not rated by the review: empty cells, not 0, for evidence and impact. */
  g_assert_nonnull (strstr (run.out, "\r\n,counselling,Counselling/therapy,shortlisted,,,0,,,0,,"
                                     "1,1,0,\r\n"));
}

static void
test_appraise_json (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *plan = data_path ("appraisal.waymark", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *sensitivity;

  run_cli (&run, "appraise", plan, "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_golden (run.out, "appraise.json");
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  sensitivity = json_object_get_object_member (root, "sensitivity");
  g_assert_false (json_object_get_boolean_member (sensitivity, "robust"));
  /* evidence up and down, impact up and down. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (sensitivity, "changes")),
                    ==, 4);
}

static void
test_appraise_weights (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) robust = { 0 };
  g_autofree char *plan = data_path ("appraisal.waymark", NULL);

  /* Only evidence weighs: the plan's other weights are 0 for this run. local-idva-service has
   * no evidence rating, so no score; iris and MVP (HIGH, 3) share rank 1, drive (MODERATE, 2)
   * is 3rd. */
  run_cli (&run, "appraise", plan, "--weight", "evidence=2", "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\r\n1,iris,Identification and Referral to Improve Safety "
                                     "(IRIS),shortlisted,,3.00,1,"));
  g_assert_nonnull (strstr (run.out, "\r\n1,mentors-in-violence-prevention,"));
  g_assert_nonnull (strstr (run.out, "\r\n3,drive,Drive project,shortlisted,,2.00,1,"));
  g_assert_nonnull (strstr (run.out, "\r\n,local-idva-service,LLR IDVA service,shortlisted,"
                                     "\"The existing IDVA service, commissioned locally\",,0,"));

  /* One criterion alone: moving its weight changes no order. */
  run_cli (&robust, "appraise", plan, "--weight", "strategic_fit=1", NULL);
  g_assert_cmpint (robust.status, ==, 0);
  g_assert_nonnull (strstr (robust.out, "Sensitivity: Robust: the top three (1 "
                                        "LLR IDVA service; 2= Drive project; 2= Identification"));
}

static void
test_appraise_errors (void)
{
  const char *bad[][2] = {
    { "--weight", "strategic-fit=1" },      /* not a criterion: its id has "_" */
    { "--weight", "evidence" },
    { "--weight", "evidence=-1" },
    { "--weight", "evidence=1e2" },
    { "--weight", "evidence=100.01" },
    { "--weight", "evidence=1.234" },
    { "--weight", "evidence=nan" },
    { "--format", "xml" },
  };
  g_autofree char *plan = data_path ("appraisal.waymark", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, "appraise", plan, bad[i][0], bad[i][1], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "waymark-cli: "));
    }

  {
    g_auto(Run) twice = { 0 };
    g_auto(Run) missing = { 0 };
    g_auto(Run) unknown = { 0 };

    run_cli (&twice, "appraise", plan, "--weight", "impact=1", "--weight", "impact=2", NULL);
    g_assert_cmpint (twice.status, ==, 2);
    g_assert_nonnull (strstr (twice.err, "“impact” is given twice"));
    run_cli (&unknown, "appraise", plan, "--weight", "fit=1", NULL);
    g_assert_nonnull (strstr (unknown.err, "“fit” is not a criterion of this plan’s appraisal; "
                                           "its criteria are evidence, impact, cost_published, "
                                           "llr_status, level, works_with, young_people, "
                                           "strategic_fit"));
    run_cli (&missing, "appraise", "/nonexistent/plan.waymark", NULL);
    g_assert_cmpint (missing.status, ==, 1);
  }
}

/* Issue 15, part 5: waymark-cli decisions, on the golden three-year plan, whose record test-plan
 * builds under a clock a minute a step from 09:00: CBIM added (09:00, with a reason that looks
 * like a formula and markup, and CBIM's heading cited), its quantity, its cost, then the other
 * five items and their quantities, but IRIS's, 1, the quantity a new item has already: 3 + 2 +
 * 1 + 2 + 2 + 2 = 12 entries; then Drive's quantities in its second and third years (issue 16),
 * 14 entries, the last at 09:13. */
static void
test_decisions_text (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *plan = g_test_build_filename (G_TEST_DIST, "golden", "plan-three-year.waymark",
                                                 NULL);

  run_cli (&run, "decisions", plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_golden (run.out, "decisions.txt");
  g_assert_true (g_str_has_prefix (run.out,
                                   "2026-11-26T09:00:00Z, A. Commissioner (Item added)\n"
                                   "   Added to the plan: Coaching Boys Into Men (CBIM)\n"
                                   "   Reason: =1+1 schools asked for it, <b>twice</b>\n"
                                   "   Review section: Primary intervention: school-based "
                                   "programmes promoting equal relationships\n\n"));
  g_assert_cmpuint (count_occurrences (run.out, ", A. Commissioner ("), ==, 14);
  g_assert_nonnull (strstr (run.out, "   Drive project: quantity in 2028/29 40 → 44\n"));
}

static void
test_decisions_csv (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *plan = g_test_build_filename (G_TEST_DIST, "golden", "plan-three-year.waymark",
                                                 NULL);

  run_cli (&run, "decisions", plan, "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_golden (run.out, "decisions.csv");
  g_assert_true (g_str_has_prefix (run.out, "time,author,kind,subject,description,reason,"
                                   "review_section\r\n"));
  /* The reason a spreadsheet would take for a formula is kept as text. */
  g_assert_nonnull (strstr (run.out, ",\"'=1+1 schools asked for it, <b>twice</b>\","));
  /* The header and 14 rows. */
  g_assert_cmpuint (count_occurrences (run.out, "\r\n"), ==, 15);
}

static void
test_decisions_json (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *plan = g_test_build_filename (G_TEST_DIST, "golden", "plan-three-year.waymark",
                                                 NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *entries;

  run_cli (&run, "decisions", plan, "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_golden (run.out, "decisions.json");
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "decisions");
  g_assert_cmpuint (json_array_get_length (entries), ==, 14);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 13),
                                                  "time"), ==, "2026-11-26T09:13:00Z");
}

/* A plan with no record says so; a bad format and a missing plan are refused. */
static void
test_decisions_errors (void)
{
  g_auto(Run) empty = { 0 };
  g_auto(Run) format = { 0 };
  g_auto(Run) none = { 0 };
  g_autofree char *plan = data_path ("appraisal.waymark", NULL);

  run_cli (&empty, "decisions", plan, NULL);
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_cmpstr (empty.out, ==, "The plan has no decisions recorded.\n");
  run_cli (&format, "decisions", plan, "--format", "xml", NULL);
  g_assert_cmpint (format.status, ==, 2);
  g_assert_nonnull (strstr (format.err, "--format must be text, csv or json"));
  run_cli (&none, "decisions", NULL);
  g_assert_cmpint (none.status, ==, 2);
}

/* Issue 17: waymark-cli compare-plans on the three-year plan (tests/golden/plan-three-year.waymark:
 * financial years from 2026/27, a 2.5% uplift on local costs, Drive 40, 42 and 44) and two
 * scenarios of it (tests/data/scenario-b.waymark: two years, no uplift, £400,000, 30 Drive places
 * the first year, CBT at £80-£120 a session and no IRIS; scenario-c.waymark: untitled, from
 * 2027/28, £500,000, IRIS twice at £5,000 (a local quote, so uplifted), Drive 40, 45 and 50, no
 * CBT or RwF). By hand, over the plan:
 *   A: CBIM £15,000 + £15,375 + £15,759.40 = £46,134.40, RwF £13,500, MAC £178,200, Drive
 *      (40 + 42 + 44) × £2,400 = £302,400, CBT £18,000-£30,000: £558,234.40-£570,234.40;
 *   B: CBIM £30,000, RwF £9,000, MAC £118,800, Drive (30 + 42) × £2,400 = £172,800, CBT
 *      £16,000-£24,000: £346,600-£354,600, the lowest;
 *   C: CBIM £46,134.40, IRIS £10,000 + £10,250 + £10,506.26 = £30,756.26, MAC £178,200, Drive
 *      (40 + 45 + 50) × £2,400 = £324,000: £579,090.66, £79,090.66 over its budget. */
static void
compare_plans (Run        *run,
               const char *format)
{
  g_autofree char *a = g_test_build_filename (G_TEST_DIST, "golden", "plan-three-year.waymark",
                                              NULL);
  g_autofree char *b = data_path ("scenario-b.waymark", NULL);
  g_autofree char *c = data_path ("scenario-c.waymark", NULL);

  run_cli (run, "compare-plans", a, b, c, "--format", format, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
}

static void
test_compare_plans_text (void)
{
  g_auto(Run) run = { 0 };

  compare_plans (&run, "text");
  assert_golden (run.out, "compare-plans.txt");
  /* Named by title, or by file name where the plan has none. */
  g_assert_true (g_str_has_prefix (run.out, "Plans compared:\n"
                                   "  1. DA and SV commissioning plan 2026-2029\n"
                                   "  2. DA and SV commissioning plan 2026-2029 (scenario B)\n"
                                   "  3. scenario-c.waymark\n"));
  g_assert_nonnull (strstr (run.out, "    DA and SV commissioning plan 2026-2029 (scenario B): "
                                     "£346,600–£354,600 (lowest cost)\n"));
  g_assert_nonnull (strstr (run.out, "    scenario-c.waymark: not covered: the plan does not run "
                                     "in this year\n"));
  /* C is £79,090.66 over its budget, and the others clear that. */
  g_assert_nonnull (strstr (run.out, "    Clears what scenario-c.waymark raises: Over budget: the "
                                     "total, £579,090.66, is £79,090.66 more than the budget of "
                                     "£500,000.\n"));
}

static void
test_compare_plans_csv (void)
{
  g_auto(Run) run = { 0 };

  compare_plans (&run, "csv");
  assert_golden (run.out, "compare-plans.csv");
  g_assert_true (g_str_has_prefix (run.out, "measure,unit,DA and SV commissioning plan 2026-2029,"
                                   "DA and SV commissioning plan 2026-2029 (scenario B),"
                                   "scenario-c.waymark\r\n"));
  g_assert_nonnull (strstr (run.out, "\r\ntotal:low,GBP,558234.40,346600.00,579090.66\r\n"));
  g_assert_nonnull (strstr (run.out, "\r\nyear:2026/27:total:low,GBP,180900.00,158900.00,\r\n"));
  /* Balance over the plan, not the first year's (£19,500, £19,500, £15,000): primary is A's CBIM
   * £46,134.40 + RwF £13,500 = £59,634.40, B's £30,000 + £9,000 = £39,000, C's CBIM £46,134.40;
   * A's share of its lower total, £59,634.40 of £558,234.40 = 10.683% → 10.68. */
  g_assert_nonnull (strstr (run.out, "\r\nlevel:primary,GBP,59634.40,39000.00,46134.40\r\n"));
  g_assert_nonnull (strstr (run.out, "\r\nlevel:primary:share:low,percent,10.68,11.25,7.97\r\n"));
  /* Drive: B £172,800 and C £324,000 against A's £302,400. */
  g_assert_nonnull (strstr (run.out, "\r\nitem:drive,GBP difference,0.00,-129600.00,21600.00\r\n"));
}

static void
test_compare_plans_json (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *lowest;

  compare_plans (&run, "json");
  assert_golden (run.out, "compare-plans.json");
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "plans")), ==, 3);
  lowest = json_object_get_object_member (json_object_get_object_member (root, "marks"),
                                          "lowest_cost");
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (lowest, "plans"), 0),
                   ==, 1);
}

static void
test_compare_plans_errors (void)
{
  g_autofree char *b = data_path ("scenario-b.waymark", NULL);
  g_auto(Run) one = { 0 };
  g_auto(Run) five = { 0 };
  g_auto(Run) format = { 0 };
  g_auto(Run) missing = { 0 };

  run_cli (&one, "compare-plans", b, NULL);
  g_assert_cmpint (one.status, ==, 2);
  g_assert_nonnull (strstr (one.err, "compare-plans needs two, three or four plan files"));
  run_cli (&five, "compare-plans", b, b, b, b, b, NULL);
  g_assert_cmpint (five.status, ==, 2);
  run_cli (&format, "compare-plans", b, b, "--format", "xml", NULL);
  g_assert_cmpint (format.status, ==, 2);
  g_assert_cmpstr (format.out, ==, "");
  run_cli (&missing, "compare-plans", b, "/nonexistent/plan.waymark", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.out, ==, "");
  g_assert_nonnull (strstr (missing.err, "plan.waymark"));
}

/* report (issue 16): the board paper as ODT and PDF, written whole; the command line's mistakes
 * refused before anything is written, and the plan never written over. */
static void
test_report (void)
{
  g_autofree char *plan = data_path ("appraisal.waymark", NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-report-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "paper.pdf", NULL);
  g_autofree char *odt = g_build_filename (dir, "paper.odt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  g_auto(Run) bad_format = { 0 };
  g_auto(Run) no_output = { 0 };
  g_auto(Run) over_plan = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) run_pdf = { 0 };
  g_auto(Run) run_odt = { 0 };

  run_cli (&bad_format, "report", plan, "--format", "docx", "--output", pdf, NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  g_assert_nonnull (strstr (bad_format.err, "--format must be one of odt|pdf"));
  run_cli (&no_output, "report", plan, "--format", "pdf", NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  g_assert_nonnull (strstr (no_output.err, "report needs --output FILE"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_get_contents (plan, &before, NULL, NULL));
  run_cli (&over_plan, "report", plan, "--format", "pdf", "--output", plan, NULL);
  g_assert_cmpint (over_plan.status, ==, 2);
  g_assert_nonnull (strstr (over_plan.err, "is the plan being read"));
  g_assert_true (g_file_get_contents (plan, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  run_cli (&missing, "report", "no-such-plan.waymark", "--format", "pdf", "--output", pdf, NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  run_cli (&run_pdf, "report", plan, "--format", "pdf", "--output", pdf, NULL);
  g_assert_cmpint (run_pdf.status, ==, 0);
  g_assert_cmpstr (run_pdf.err, ==, "");
  g_assert_true (g_file_get_contents (pdf, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* Whole: it ends with the trailer's end-of-file marker (binary before it, so not a string). */
  g_assert_cmpuint (length, >, 1000);
  g_assert_nonnull (g_strstr_len (data + length - 16, 16, "%%EOF"));
  g_clear_pointer (&data, g_free);

  run_cli (&run_odt, "report", plan, "--format", "odt", "--output", odt, NULL);
  g_assert_cmpint (run_odt.status, ==, 0);
  g_assert_true (g_file_get_contents (odt, &data, &length, NULL));
  /* A zip whose first member is "mimetype", stored, holding the ODF type. */
  g_assert_cmpuint (length, >, 100);
  g_assert_cmpmem (data, 4, "PK\x03\x04", 4);
  g_assert_cmpint (data[8] | data[9] << 8, ==, 0);
  g_assert_cmpmem (data + 30, 8, "mimetype", 8);
  g_assert_cmpmem (data + 38, 39, "application/vnd.oasis.opendocument.text", 39);

  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/list/table", test_list_table);
  g_test_add_func ("/cli/list/rating-note", test_list_rating_note);
  g_test_add_func ("/cli/list/csv", test_list_csv);
  g_test_add_func ("/cli/list/filtered", test_list_filtered);
  g_test_add_func ("/cli/list/search", test_list_search);
  g_test_add_func ("/cli/list/status", test_list_status);
  g_test_add_func ("/cli/list/json-round-trip", test_json_round_trip);
  g_test_add_func ("/cli/list/bad-catalogue", test_bad_catalogue_option);
  g_test_add_func ("/cli/show", test_show);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/context/text", test_context_text);
  g_test_add_func ("/cli/context/csv", test_context_csv);
  g_test_add_func ("/cli/context/german-locale", test_context_german_locale);
  g_test_add_func ("/cli/context/json", test_context_json);
  g_test_add_func ("/cli/context/other-catalogue", test_context_other_catalogue);
  g_test_add_func ("/cli/appraise/text", test_appraise_text);
  g_test_add_func ("/cli/appraise/csv", test_appraise_csv);
  g_test_add_func ("/cli/local-services", test_local_services);
  g_test_add_func ("/cli/appraise/json", test_appraise_json);
  g_test_add_func ("/cli/appraise/weights", test_appraise_weights);
  g_test_add_func ("/cli/appraise/errors", test_appraise_errors);
  g_test_add_func ("/cli/decisions/text", test_decisions_text);
  g_test_add_func ("/cli/decisions/csv", test_decisions_csv);
  g_test_add_func ("/cli/report", test_report);
  g_test_add_func ("/cli/decisions/json", test_decisions_json);
  g_test_add_func ("/cli/decisions/errors", test_decisions_errors);
  g_test_add_func ("/cli/compare-plans/text", test_compare_plans_text);
  g_test_add_func ("/cli/compare-plans/csv", test_compare_plans_csv);
  g_test_add_func ("/cli/compare-plans/json", test_compare_plans_json);
  g_test_add_func ("/cli/compare-plans/errors", test_compare_plans_errors);
  g_test_add_func ("/cli/export/summary", test_export_summary);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/cli/finding-4-deep-nesting", test_finding_4_deep_nesting);
  g_test_add_func ("/cli/finding-6-fifo-input", test_finding_6_fifo_input);
  g_test_add_func ("/cli/finding-6-dev-zero", test_finding_6_dev_zero);
  g_test_add_func ("/cli/finding-9-long-value-excerpt", test_finding_9_long_value_excerpt);
  g_test_add_func ("/cli/finding-10-overflow-validate", test_finding_10_overflow_validate);
  g_test_add_func ("/cli/finding-6-output-fifo", test_finding_6_output_fifo);
  g_test_add_func ("/cli/finding-6-output-dev-null", test_finding_6_output_dev_null);
  g_test_add_func ("/cli/finding-7-dev-full", test_finding_7_dev_full);
  g_test_add_func ("/cli/finding-7-closed-stdout", test_finding_7_closed_stdout);
  g_test_add_func ("/cli/finding-7-output-is-input", test_finding_7_output_is_input);
  g_test_add_func ("/cli/finding-11-escape-in-table", test_finding_11_escape_in_table);
  g_test_add_func ("/cli/finding-11-escape-in-error", test_finding_11_escape_in_error);
  g_test_add_func ("/cli/finding-11-non-utf8-filename", test_finding_11_non_utf8_filename);

  return g_test_run ();
}
