/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "test-util.h"
#include "waymark-catalogue.h"

/* Every file in tests/data/bad/ is refused with the message in expected-messages.txt: the file,
 * where in it, and what is wrong, in words. */

typedef struct
{
  char *file;
  char *message;
} Case;

static void
case_free (Case *c)
{
  g_free (c->file);
  g_free (c->message);
  g_free (c);
}

static void
test_bad_file (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", c->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = waymark_catalogue_new_from_file (file, &error);

  g_assert_null (catalogue);
  g_assert_error (error, WAYMARK_CATALOGUE_ERROR, error->code);
  g_assert_cmpstr (error->message, ==, c->message);
}

static void
test_every_file_has_a_message (gconstpointer data)
{
  GHashTable *expected = (GHashTable *) data;
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_test_message ("%s", name);
      g_assert_true (g_hash_table_contains (expected, name));
      files++;
    }
  g_assert_cmpuint (files, ==, g_hash_table_size (expected));
  g_assert_cmpuint (files, >=, 40);
}

static void
test_minimal_is_valid (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = waymark_catalogue_new_from_file (file, &error);

  /* The corpus is built from this file: it must itself be fine. */
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalogue)), ==, 1);
}

static void
test_every_truncation (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;
  guint refused = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

  /* However the file is cut short, it is refused with a message, never half loaded. */
  for (gsize cut = 0; cut < len - 2; cut++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (contents, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkCatalogue) catalogue =
        waymark_catalogue_new_from_bytes (bytes, "cut.json", &error);

      g_assert_null (catalogue);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "cut.json: "));
      refused++;
    }
  g_assert_cmpuint (refused, >, 1000);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/waymark/catalogue.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = waymark_catalogue_new_from_file (file, &error);

  g_assert_null (catalogue);
  g_assert_error (error, WAYMARK_CATALOGUE_ERROR, WAYMARK_CATALOGUE_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "catalogue.json: cannot be read: "));
}

static void
test_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = waymark_catalogue_new_from_file (file, &error);

  g_assert_null (catalogue);
  g_assert_error (error, WAYMARK_CATALOGUE_ERROR, WAYMARK_CATALOGUE_ERROR_READ);
  g_assert_true (g_str_has_suffix (error->message, ": is a folder, not a file"));
  g_rmdir (dir);
}

static void
test_very_large_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  FILE *stream = fopen (path, "w");

  /* A sparse file: big on paper, nothing on disk, and it must be refused before it is read. */
  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, (long) WAYMARK_CATALOGUE_MAX_BYTES + 1024 * 1024, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('}', stream), ==, '}');
  fclose (stream);

  catalogue = waymark_catalogue_new_from_file (file, &error);
  g_assert_null (catalogue);
  g_assert_error (error, WAYMARK_CATALOGUE_ERROR, WAYMARK_CATALOGUE_ERROR_TOO_LARGE);
  {
    g_autofree char *expected =
      g_strdup_printf ("huge.json: is too large (%d MB); Waymark opens files of at most %d MB",
                       WAYMARK_CATALOGUE_MAX_BYTES / (1024 * 1024) + 1,
                       WAYMARK_CATALOGUE_MAX_BYTES / (1024 * 1024));
    g_assert_cmpstr (error->message, ==, expected);
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* Issue 11's findings about reading catalogues. */

static void
test_finding_4_deep_nesting (void)
{
  /* About 75,000 [ overflowed json-glib's recursive parser: a crash, not a message. */
  g_autofree char *deep = g_strnfill (200000, '[');
  g_autofree char *text = g_strconcat ("{\n\"format\": ", deep, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = waymark_catalogue_new_from_bytes (bytes, "deep.json",
                                                                             &error);

  g_assert_null (catalogue);
  g_assert_error (error, WAYMARK_CATALOGUE_ERROR, WAYMARK_CATALOGUE_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==,
                   "deep.json: line 2, column 74: lists and objects are nested more than 64 deep, "
                   "which no Waymark file needs");
}

typedef struct
{
  GMutex            lock;
  GCond             cond;
  char             *path;
  gboolean          done;
  WaymarkCatalogue *catalogue;
  GError           *error;
} Load;

static gpointer
load_in_thread (gpointer data)
{
  Load *load = data;
  g_autoptr(GFile) file = g_file_new_for_path (load->path);
  GError *error = NULL;
  WaymarkCatalogue *catalogue = waymark_catalogue_new_from_file (file, &error);

  g_mutex_lock (&load->lock);
  load->catalogue = catalogue;
  load->error = error;
  load->done = TRUE;
  g_cond_signal (&load->cond);
  g_mutex_unlock (&load->lock);

  return NULL;
}

/* Opens `path` as a catalogue in a thread and expects a refusal within a deadline: before the
 * fix, a named pipe blocked the open for ever and /dev/zero was read until memory ran out. The
 * deadline is only there so that such a failure fails instead of hanging the test command. */
static void
assert_refused_in_time (const char *path,
                        const char *message)
{
  Load *load = g_new0 (Load, 1);
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  gboolean done;

  load->path = g_strdup (path);
  g_mutex_init (&load->lock);
  g_cond_init (&load->cond);
  g_thread_unref (g_thread_new ("load", load_in_thread, load));

  g_mutex_lock (&load->lock);
  while (!load->done)
    if (!g_cond_wait_until (&load->cond, &load->lock, deadline))
      break;
  done = load->done;
  g_mutex_unlock (&load->lock);

  if (!done)
    g_error ("opening %s as a catalogue did not return within a minute", path);

  g_assert_null (load->catalogue);
  g_assert_error (load->error, WAYMARK_CATALOGUE_ERROR, WAYMARK_CATALOGUE_ERROR_READ);
  g_assert_cmpstr (load->error->message, ==, message);

  g_clear_error (&load->error);
  g_mutex_clear (&load->lock);
  g_cond_clear (&load->cond);
  g_free (load->path);
  g_free (load);
}

static void
test_finding_6_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pipe.json", NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  assert_refused_in_time (path, "pipe.json: is a named pipe (FIFO), not a file: Waymark opens "
                                "only ordinary files");
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_finding_6_devices (void)
{
  assert_refused_in_time ("/dev/zero", "zero: is a device, not a file: Waymark opens only "
                                       "ordinary files");
  assert_refused_in_time ("/dev/null", "null: is a device, not a file: Waymark opens only "
                                       "ordinary files");
}

static void
test_finding_9_long_value_excerpt (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autofree char *minimal = NULL;
  g_autofree char *long_value = g_strnfill (10 * 1024 * 1024, 'h');
  g_autofree char *rating = g_strdup_printf ("\"evidence_rating\" : \"%s\"", long_value);
  g_autofree char *id = g_strdup_printf ("\"id\" : \"%s\"", long_value);
  g_autofree char *format = g_strdup_printf ("\"format\" : \"\\u202e%s\"", long_value);
  struct { const char *from; const char *to; const char *message; } cases[] = {
    { "\"evidence_rating\" : \"moderate\"", rating,
      "long.json: intervention \"drive\": evidence_rating "
      "\"hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh…\" is not one of low, low-moderate, moderate, "
      "high" },
    { "\"id\" : \"drive\"", id,
      "long.json: intervention \"hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh…\": "
      "evidence_rating \"Moderate\" is not one of low, low-moderate, moderate, high" },
    { "\"format\" : \"waymark-catalogue\"", format,
      "long.json: this is not a Waymark catalogue: format is "
      "\"<U+202E>hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh…\", not \"waymark-catalogue\"" },
  };

  g_assert_true (g_file_get_contents (path, &minimal, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = test_replace_once (minimal, cases[i].from, cases[i].to);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkCatalogue) catalogue = NULL;

      /* The id case needs a later mistake to be reported under the long id. */
      if (i == 1)
        {
          char *more = test_replace_once (text, "\"evidence_rating\" : \"moderate\"",
                                          "\"evidence_rating\" : \"Moderate\"");

          g_free (text);
          text = more;
        }
      bytes = g_bytes_new (text, strlen (text));
      catalogue = waymark_catalogue_new_from_bytes (bytes, "long.json", &error);
      g_assert_null (catalogue);
      g_assert_nonnull (error);
      g_assert_cmpuint (strlen (error->message), <, 200);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* A cost's waymarks_reading is optional, and when given it is text with something in it. */
static void
test_waymarks_reading (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autofree char *minimal = NULL;
  const char *from = "\"as_written\" : \"£2400 per perpetrator\"";
  struct { const char *to; const char *message; } cases[] = {
    { "\"as_written\" : \"£2400 per perpetrator\", \"waymarks_reading\" : \"\"",
      "reading.json: intervention \"drive\": costs[0]: waymarks_reading is empty" },
    { "\"as_written\" : \"£2400 per perpetrator\", \"waymarks_reading\" : null",
      "reading.json: intervention \"drive\": costs[0]: waymarks_reading is null; it needs a "
      "value" },
    { "\"as_written\" : \"£2400 per perpetrator\", \"waymarks_reading\" : \"Ours.\"", NULL },
  };

  g_assert_true (g_file_get_contents (path, &minimal, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = test_replace_once (minimal, from, cases[i].to);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkCatalogue) catalogue =
        waymark_catalogue_new_from_bytes (bytes, "reading.json", &error);

      if (cases[i].message != NULL)
        {
          g_assert_null (catalogue);
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, ==, cases[i].message);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpstr (waymark_intervention_get_cost (waymark_catalogue_lookup (catalogue,
                                                                                    "drive"))
                           ->waymarks_reading, ==, "Ours.");
        }
    }
}

/* review_inconsistencies is optional; each has "about" and at least two quotes with words and
 * a section, and nothing else. */
static void
test_review_inconsistencies (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autofree char *minimal = NULL;
  const char *from = "\"evidence_rating\" : \"moderate\"";
  struct { const char *to; const char *message; } cases[] = {
    { "\"review_inconsistencies\" : [{ \"about\" : \"x\", \"quotes\" : [{ \"words\" : \"a\", "
      "\"section\" : \"s\" }] }], \"evidence_rating\" : \"moderate\"",
      "bad.json: intervention \"drive\": review_inconsistencies[0]: quotes needs at least two "
      "quotations, one from each place the review says something different" },
    { "\"review_inconsistencies\" : [{ \"about\" : \"x\", \"quotes\" : [{ \"words\" : \"a\", "
      "\"section\" : \"s\" }, { \"words\" : \"\", \"section\" : \"s\" }] }], "
      "\"evidence_rating\" : \"moderate\"",
      "bad.json: intervention \"drive\": review_inconsistencies[0]: quotes[1]: words is empty" },
    { "\"review_inconsistencies\" : [{ \"quotes\" : [] }], \"evidence_rating\" : \"moderate\"",
      NULL },
    { "\"review_inconsistencies\" : [{ \"about\" : \"x\", \"quotes\" : [{ \"words\" : \"a\", "
      "\"section\" : \"s\" }, { \"words\" : \"b\", \"section\" : \"t\" }] }], "
      "\"evidence_rating\" : \"moderate\"",
      "" },
  };

  g_assert_true (g_file_get_contents (path, &minimal, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = test_replace_once (minimal, from, cases[i].to);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkCatalogue) catalogue =
        waymark_catalogue_new_from_bytes (bytes, "bad.json", &error);

      if (cases[i].message == NULL)
        {
          /* Refused, whatever is named first. */
          g_assert_null (catalogue);
          g_assert_nonnull (error);
        }
      else if (*cases[i].message != '\0')
        {
          g_assert_null (catalogue);
          g_assert_cmpstr (error->message, ==, cases[i].message);
        }
      else
        {
          WaymarkIntervention *drive;
          WaymarkReviewInconsistency *inconsistency;

          g_assert_no_error (error);
          drive = waymark_catalogue_lookup (catalogue, "drive");
          inconsistency = g_ptr_array_index (waymark_intervention_get_review_inconsistencies (drive), 0);
          g_assert_cmpstr (inconsistency->about, ==, "x");
          g_assert_cmpuint (inconsistency->quotes->len, ==, 2);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GHashTable) expected = NULL;
  g_autofree char *list_path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  expected = g_hash_table_new (g_str_hash, g_str_equal);
  list_path = g_test_build_filename (G_TEST_DIST, "data", "bad", "expected-messages.txt", NULL);
  if (!g_file_get_contents (list_path, &contents, NULL, NULL))
    g_error ("cannot read %s", list_path);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *test_path = NULL;
      Case *c;

      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 2);
      g_assert (g_strv_length (fields) == 2);

      c = g_new0 (Case, 1);
      c->file = g_strdup (fields[0]);
      c->message = g_strdup (fields[1]);
      g_ptr_array_add (cases, c);
      g_hash_table_add (expected, c->file);

      test_path = g_strdup_printf ("/core/catalogue/bad/%s", c->file);
      g_test_add_data_func (test_path, c, test_bad_file);
    }

  g_test_add_data_func ("/core/catalogue/bad-corpus/complete", expected,
                        test_every_file_has_a_message);
  g_test_add_func ("/core/catalogue/bad-corpus/minimal-is-valid", test_minimal_is_valid);
  g_test_add_func ("/core/catalogue/bad/every-truncation", test_every_truncation);
  g_test_add_func ("/core/catalogue/bad/missing-file", test_missing_file);
  g_test_add_func ("/core/catalogue/bad/waymarks-reading", test_waymarks_reading);
  g_test_add_func ("/core/catalogue/bad/review-inconsistencies", test_review_inconsistencies);
  g_test_add_func ("/core/catalogue/bad/folder", test_folder);
  g_test_add_func ("/core/catalogue/bad/very-large-file", test_very_large_file);
  g_test_add_func ("/core/catalogue/finding-4-deep-nesting", test_finding_4_deep_nesting);
  g_test_add_func ("/core/catalogue/finding-6-fifo", test_finding_6_fifo);
  g_test_add_func ("/core/catalogue/finding-6-devices", test_finding_6_devices);
  g_test_add_func ("/core/catalogue/finding-9-long-value-excerpt",
                   test_finding_9_long_value_excerpt);

  status = g_test_run ();
  return status;
}
