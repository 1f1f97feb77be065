/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "waymark-comparison.h"
#include "test-util.h"

/* The comparison: an ordered set of two to six interventions and the rows a partnership meeting
 * reads across, checked on the review's own catalogue. */

typedef struct
{
  WaymarkCatalogue  *catalogue;
  WaymarkComparison *comparison;
  guint              items_changed;
  guint              n_items_notified;
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  fixture->items_changed++;
}

static void
on_n_items_notify (GObject    *object,
                   GParamSpec *pspec,
                   Fixture    *fixture)
{
  fixture->n_items_notified++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->catalogue = waymark_catalogue_new_default (&error);
  g_assert_no_error (error);
  fixture->comparison = waymark_comparison_new (fixture->catalogue);
  g_signal_connect (fixture->comparison, "items-changed", G_CALLBACK (on_items_changed), fixture);
  g_signal_connect (fixture->comparison, "notify::n-items", G_CALLBACK (on_n_items_notify), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->comparison);
  g_assert_finalize_object (fixture->catalogue);
}

static void
add_all (Fixture            *fixture,
         const char * const *ids)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (waymark_comparison_add (fixture->comparison, ids[i], &error));
      g_assert_no_error (error);
    }
}

static char *
ids_of (WaymarkComparison *comparison)
{
  g_auto(GStrv) ids = waymark_comparison_dup_ids (comparison);

  return g_strjoinv (",", ids);
}

static WaymarkComparisonRow *
row_of (GPtrArray  *rows,
        const char *key)
{
  for (guint i = 0; i < rows->len; i++)
    {
      WaymarkComparisonRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->key, key))
        return row;
    }
  g_assert_not_reached ();
}

static void
test_add_remove_move (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *ids[] = { "dapps", "drive", "clear", NULL };
  g_autofree char *order = NULL;
  g_autoptr(GError) error = NULL;

  add_all (fixture, ids);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->comparison)), ==, 3);
  g_assert_cmpuint (fixture->items_changed, ==, 3);
  g_assert_cmpuint (fixture->n_items_notified, ==, 3);
  g_assert_true (waymark_comparison_contains (fixture->comparison, "drive"));

  /* Twice is refused, and so is an id the catalogue does not hold. */
  g_assert_false (waymark_comparison_add (fixture->comparison, "drive", &error));
  g_assert_error (error, WAYMARK_COMPARISON_ERROR, WAYMARK_COMPARISON_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (waymark_comparison_add (fixture->comparison, "no-such", &error));
  g_assert_error (error, WAYMARK_COMPARISON_ERROR, WAYMARK_COMPARISON_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->items_changed, ==, 3);

  g_assert_true (waymark_comparison_move (fixture->comparison, "clear", -1));
  order = ids_of (fixture->comparison);
  g_assert_cmpstr (order, ==, "dapps,clear,drive");
  g_clear_pointer (&order, g_free);
  /* Moving keeps the count: no n-items notification. */
  g_assert_cmpuint (fixture->n_items_notified, ==, 3);

  g_assert_false (waymark_comparison_move (fixture->comparison, "dapps", -1));
  g_assert_false (waymark_comparison_move (fixture->comparison, "drive", 1));
  g_assert_true (waymark_comparison_move (fixture->comparison, "dapps", 1));
  order = ids_of (fixture->comparison);
  g_assert_cmpstr (order, ==, "clear,dapps,drive");
  g_clear_pointer (&order, g_free);

  /* A drag moves a column straight to its place; past the end means last. */
  g_assert_true (waymark_comparison_move_to (fixture->comparison, "drive", 0));
  order = ids_of (fixture->comparison);
  g_assert_cmpstr (order, ==, "drive,clear,dapps");
  g_clear_pointer (&order, g_free);
  g_assert_true (waymark_comparison_move_to (fixture->comparison, "drive", 99));
  g_assert_false (waymark_comparison_move_to (fixture->comparison, "drive", 2));
  g_assert_false (waymark_comparison_move_to (fixture->comparison, "no-such", 0));
  g_assert_true (waymark_comparison_move_to (fixture->comparison, "drive", 0));
  g_assert_true (waymark_comparison_move_to (fixture->comparison, "drive", 2));
  order = ids_of (fixture->comparison);
  g_assert_cmpstr (order, ==, "clear,dapps,drive");
  g_clear_pointer (&order, g_free);

  g_assert_true (waymark_comparison_remove (fixture->comparison, "dapps"));
  g_assert_false (waymark_comparison_remove (fixture->comparison, "dapps"));
  order = ids_of (fixture->comparison);
  g_assert_cmpstr (order, ==, "clear,drive");
  g_clear_pointer (&order, g_free);

  fixture->items_changed = 0;
  waymark_comparison_clear (fixture->comparison);
  waymark_comparison_clear (fixture->comparison);
  g_assert_cmpuint (fixture->items_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->comparison)), ==, 0);
}

static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  const char *ids[] = { "dapps", "drive", "clear", "iris", "marac", "cara", NULL };
  g_autoptr(GError) error = NULL;

  add_all (fixture, ids);
  g_assert_false (waymark_comparison_add (fixture->comparison, "tender", &error));
  g_assert_error (error, WAYMARK_COMPARISON_ERROR, WAYMARK_COMPARISON_ERROR_FULL);
  /* The message says why, and what to do. */
  g_assert_nonnull (strstr (error->message, "6"));
  g_assert_nonnull (strstr (error->message, "remove"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->comparison)), ==,
                    WAYMARK_COMPARISON_MAX);
}

static void
test_add_many (Fixture       *fixture,
               gconstpointer  data)
{
  const char *first[] = { "drive", "iris", NULL };
  const char *chosen[] = { "marac", "iris", "cara", "marac", NULL };
  const char *too_many[] = { "dapps", "clear", "tender", NULL };
  const char *unknown[] = { "dapps", "gone-from-catalogue", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;
  guint n_added = 99;

  add_all (fixture, first);
  fixture->items_changed = 0;

  /* New ones are appended in the order chosen, once each, as one change. */
  g_assert_true (waymark_comparison_add_many (fixture->comparison, chosen, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 2);
  g_assert_cmpuint (fixture->items_changed, ==, 1);
  order = ids_of (fixture->comparison);
  g_assert_cmpstr (order, ==, "drive,iris,marac,cara");

  /* Four and three make seven: nothing is added, and the message says why. */
  g_assert_false (waymark_comparison_add_many (fixture->comparison, too_many, &n_added, &error));
  g_assert_error (error, WAYMARK_COMPARISON_ERROR, WAYMARK_COMPARISON_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "At most 6"));
  g_assert_nonnull (strstr (error->message, "make 7"));
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (fixture->items_changed, ==, 1);
  g_clear_error (&error);

  /* One unknown id refuses them all. */
  g_assert_false (waymark_comparison_add_many (fixture->comparison, unknown, NULL, &error));
  g_assert_error (error, WAYMARK_COMPARISON_ERROR, WAYMARK_COMPARISON_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "gone-from-catalogue"));
  g_clear_error (&error);

  /* All already there: nothing changes, and that is not an error. */
  g_assert_true (waymark_comparison_add_many (fixture->comparison, first, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (fixture->items_changed, ==, 1);
  g_free (order);
  order = ids_of (fixture->comparison);
  g_assert_cmpstr (order, ==, "drive,iris,marac,cara");
}

static void
test_set_ids (Fixture       *fixture,
              gconstpointer  data)
{
  const char *saved[] = { "drive", "gone-from-catalogue", "drive", "dapps", "clear", "iris",
                          "marac", "cara", "tender", NULL };
  g_autofree char *order = NULL;

  waymark_comparison_set_ids (fixture->comparison, saved);
  order = ids_of (fixture->comparison);
  g_assert_cmpstr (order, ==, "drive,dapps,clear,iris,marac,cara");
  g_assert_cmpuint (fixture->items_changed, ==, 1);

  /* The same again changes nothing. */
  waymark_comparison_set_ids (fixture->comparison, saved);
  g_assert_cmpuint (fixture->items_changed, ==, 1);
}

static void
test_rows_filled (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *ids[] = { "dapps", "drive", "clear", NULL };
  g_autoptr(GPtrArray) rows = NULL;
  WaymarkComparisonRow *row;

  add_all (fixture, ids);
  rows = waymark_comparison_build_rows (fixture->comparison);
  g_assert_cmpuint (rows->len, ==, WAYMARK_COMPARISON_N_ROWS);
  for (guint r = 0; r < rows->len; r++)
    {
      row = g_ptr_array_index (rows, r);
      g_assert_cmpuint (g_strv_length (row->cells), ==, 3);
      for (guint i = 0; i < 3; i++)
        g_assert_cmpstr (row->cells[i], !=, "");
    }

  row = row_of (rows, "level");
  g_assert_cmpstr (row->cells[0], ==, "Secondary");
  g_assert_cmpstr (row->cells[1], ==, "Tertiary");
  g_assert_true (row->differs);

  row = row_of (rows, "focus");
  g_assert_false (row->differs);

  row = row_of (rows, "works-with");
  g_assert_false (row->differs);

  row = row_of (rows, "evidence-basis");
  g_assert_cmpstr (row->cells[1], ==,
                   "Evidence for Drive comes from the largest evaluation of perpetrator "
                   "interventions ever carried out.");

  row = row_of (rows, "cost");
  g_assert_cmpstr (row->cells[1], ==, "£2,400 per perpetrator");
  g_assert_cmpstr (row->cells[0], ==, "No published cost");
}

static void
test_best_evidence_and_impact (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *ids[] = { "dapps", "drive", "clear", NULL };
  g_autoptr(GPtrArray) rows = NULL;
  WaymarkComparisonRow *row;

  add_all (fixture, ids);
  rows = waymark_comparison_build_rows (fixture->comparison);

  row = row_of (rows, "evidence");
  g_assert_true (row->differs);
  g_assert_cmpuint (row->best, ==, 1 << 0);  /* dapps: high */
  g_assert_cmpstr (row->best_label, ==, "Strongest evidence");

  /* dapps and drive both rate high for impact: a tie marks both. */
  row = row_of (rows, "impact");
  g_assert_cmpuint (row->best, ==, (1 << 0) | (1 << 1));

  /* No ranking on rows that are not ranked. */
  row = row_of (rows, "focus");
  g_assert_cmpuint (row->best, ==, 0);
  g_assert_null (row->best_label);
}

static void
test_ranges_rank_by_floor (Fixture       *fixture,
                           gconstpointer  data)
{
  /* cbt-victims: impact low-moderate; cbt-perpetrators: low-moderate too; evidence moderate
   * vs high. */
  const char *ids[] = { "cbt-victims", "cbt-perpetrators", NULL };
  g_autoptr(GPtrArray) rows = NULL;
  WaymarkComparisonRow *row;

  add_all (fixture, ids);
  rows = waymark_comparison_build_rows (fixture->comparison);

  row = row_of (rows, "evidence");
  g_assert_cmpuint (row->best, ==, 1 << 1);
  row = row_of (rows, "impact");
  g_assert_false (row->differs);
  g_assert_cmpuint (row->best, ==, (1 << 0) | (1 << 1));
}

static void
test_unrated_never_best (Fixture       *fixture,
                         gconstpointer  data)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->catalogue));
  const char *unrated = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n && unrated == NULL; i++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (G_LIST_MODEL (fixture->catalogue), i);

      if (waymark_intervention_get_evidence_rating (item) == WAYMARK_RATING_NONE)
        unrated = waymark_intervention_get_id (item);
    }
  if (unrated == NULL)
    {
      g_test_skip ("the review rates every intervention");
      return;
    }

  g_assert_true (waymark_comparison_add (fixture->comparison, unrated, &error));
  rows = waymark_comparison_build_rows (fixture->comparison);
  g_assert_cmpuint (row_of (rows, "evidence")->best, ==, 0);
}

static void
test_cost_not_comparable (Fixture       *fixture,
                          gconstpointer  data)
{
  /* Both in pounds, but per perpetrator against per individual using abuse. */
  const char *ids[] = { "drive", "make-a-change", NULL };
  g_autoptr(GPtrArray) rows = NULL;
  WaymarkComparisonRow *row;

  add_all (fixture, ids);
  rows = waymark_comparison_build_rows (fixture->comparison);
  row = row_of (rows, "cost");
  g_assert_true (row->differs);
  g_assert_cmpuint (row->best, ==, 0);
  g_assert_nonnull (row->note);
  g_assert_true (g_str_has_prefix (row->note, "Not comparable"));
}

static void
test_cost_missing_not_comparable (Fixture       *fixture,
                                  gconstpointer  data)
{
  const char *ids[] = { "drive", "dapps", NULL };
  g_autoptr(GPtrArray) rows = NULL;
  WaymarkComparisonRow *row;

  add_all (fixture, ids);
  rows = waymark_comparison_build_rows (fixture->comparison);
  row = row_of (rows, "cost");
  g_assert_cmpuint (row->best, ==, 0);
  g_assert_nonnull (strstr (row->note, "Domestic Abuse Perpetrator Programmes (DAPPs)"));
}

static void
test_cost_comparable (Fixture       *fixture,
                      gconstpointer  data)
{
  /* Both "around £60-£100 per session": like for like, and tied. */
  const char *ids[] = { "cbt-victims", "cbt-perpetrators", NULL };
  g_autoptr(GPtrArray) rows = NULL;
  WaymarkComparisonRow *row;

  add_all (fixture, ids);
  rows = waymark_comparison_build_rows (fixture->comparison);
  row = row_of (rows, "cost");
  g_assert_null (row->note);
  g_assert_false (row->differs);
  g_assert_cmpuint (row->best, ==, (1 << 0) | (1 << 1));
  g_assert_cmpstr (row->best_label, ==, "Lowest cost");
}

/* STOP-SV's impact rating is "MEDIUM (note limited evidence)": the note goes wherever the
 * rating does. */
static void
test_rating_keeps_review_note (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *ids[] = { "stop-sv", "good-night-out", NULL };
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;

  add_all (fixture, ids);
  rows = waymark_comparison_build_rows (fixture->comparison);
  g_assert_cmpstr (row_of (rows, "impact")->cells[0], ==, "Moderate (note limited evidence)");
  g_assert_cmpstr (row_of (rows, "impact")->cells[1], ==, "Moderate");
  g_assert_cmpstr (row_of (rows, "evidence")->cells[0], ==, "Low");
  csv = waymark_comparison_to_csv (fixture->comparison);
  g_assert_nonnull (strstr (csv, "Moderate (note limited evidence)"));
}

/* RwF's "The training programme for teachers is delivered from £375 per session" and CBT's
 * "the average cost for a private CBT session costs around £60-£100 per session" are both per
 * session, but not sessions of the same thing: never ranked against each other. */
static void
test_cost_sessions_of_different_things (Fixture       *fixture,
                                        gconstpointer  data)
{
  const char *ids[] = { "relationships-without-fear", "cbt-victims", NULL };
  g_autoptr(GPtrArray) rows = NULL;
  WaymarkComparisonRow *row;

  add_all (fixture, ids);
  rows = waymark_comparison_build_rows (fixture->comparison);
  row = row_of (rows, "cost");
  g_assert_cmpuint (row->best, ==, 0);
  g_assert_nonnull (row->note);
  g_assert_true (g_str_has_prefix (row->note, "Not comparable"));
  g_assert_nonnull (strstr (row->cells[0], "training programme for teachers"));
}

static void
test_summarise_evidence (void)
{
  g_autofree char *a = waymark_comparison_summarise_evidence ("One. Two.");
  g_autofree char *b = waymark_comparison_summarise_evidence ("- A list item\nMore");
  g_autofree char *c = waymark_comparison_summarise_evidence ("Figures of 2.5 per cent. Then");
  g_autofree char *d = waymark_comparison_summarise_evidence (NULL);
  g_autofree char *e = waymark_comparison_summarise_evidence ("An evaluation by Walker et al. found it works. More");
  g_autofree char *f = waymark_comparison_summarise_evidence ("Reviews (e.g. by J. Smith) agree. More");

  g_assert_cmpstr (a, ==, "One.");
  g_assert_cmpstr (b, ==, "A list item");
  g_assert_cmpstr (c, ==, "Figures of 2.5 per cent.");
  g_assert_cmpstr (d, ==, "");
  g_assert_cmpstr (e, ==, "An evaluation by Walker et al. found it works.");
  g_assert_cmpstr (f, ==, "Reviews (e.g. by J. Smith) agree.");
}

/* An RFC 4180 reader, independent of the writer: rows of fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *fields = g_ptr_array_new ();
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
        }
      else
        {
          while (*p != '\0' && *p != ',' && *p != '\r')
            g_string_append_c (field, *p++);
        }

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          p += 2;
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_ptr_array_free (fields, FALSE));
          fields = g_ptr_array_new ();
        }
      else
        g_assert_cmpint (*p, ==, '\0');
    }

  g_assert_cmpuint (fields->len, ==, 0);
  g_ptr_array_free (fields, TRUE);
  g_string_free (field, TRUE);
  return rows;
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  const char *ids[] = { "drive", "make-a-change", "cbt-victims", NULL };
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  char **header;

  add_all (fixture, ids);
  csv = waymark_comparison_to_csv (fixture->comparison);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));

  rows = parse_csv (csv + 3);
  g_assert_cmpuint (rows->len, ==, 1 + WAYMARK_COMPARISON_N_ROWS);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (header), ==, 4);
  g_assert_cmpstr (header[0], ==, "Attribute");
  g_assert_cmpstr (header[1], ==, "Drive project");
  g_assert_cmpstr (header[2], ==, "Make a Change Programme (MAC)");

  for (guint r = 1; r < rows->len; r++)
    {
      char **fields = g_ptr_array_index (rows, r);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      /* Nothing reaches a spreadsheet as a formula. */
      for (guint i = 0; fields[i] != NULL; i++)
        g_assert_null (strchr ("=+-@\t\r", fields[i][0] == '\0' ? 'x' : fields[i][0]));
    }
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 7))[0], ==, "Published cost");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 7))[1], ==, "£2,400 per perpetrator");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 7))[3], ==, "around £60–£100 per session");
}

/* The export pinned byte for byte (tests/golden/comparison.csv; WAYMARK_UPDATE_GOLDEN=1 rewrites
 * it after a deliberate change), and the same bytes while the process runs in a locale that
 * groups digits with "." and people's rows follow it: the export never reads LC_NUMERIC. */
static void
test_csv_golden_in_german_locale (Fixture       *fixture,
                                  gconstpointer  data)
{
  const char *ids[] = { "drive", "make-a-change", "cbt-victims", "relationships-without-fear",
                        "safe-dates", NULL };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", "comparison.csv", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *in_german = NULL;
  g_autoptr(GPtrArray) german_rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;

  add_all (fixture, ids);
  csv = waymark_comparison_to_csv (fixture->comparison);
  if (g_getenv ("WAYMARK_UPDATE_GOLDEN") != NULL)
    {
      g_file_set_contents (path, csv, -1, &error);
      g_assert_no_error (error);
    }
  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csv, ==, expected);

  old = test_enter_german_locale ();
  if (old == NULL)
    return;
  in_german = waymark_comparison_to_csv (fixture->comparison);
  german_rows = waymark_comparison_build_rows (fixture->comparison);
  setlocale (LC_ALL, old);

  g_assert_cmpstr (row_of (german_rows, "cost")->cells[0], ==, "£2.400 per perpetrator");
  g_assert_cmpstr (row_of (german_rows, "cost")->cells[1], ==, "£2.970 per individual using abuse");
  g_assert_cmpstr (in_german, ==, expected);
}

static void
test_catalogue_change_keeps_known (Fixture       *fixture,
                                   gconstpointer  data)
{
  const char *ids[] = { "dapps", "drive", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) other = waymark_catalogue_new_default (&error);
  g_autofree char *order = NULL;

  g_assert_no_error (error);
  add_all (fixture, ids);
  waymark_comparison_set_catalogue (fixture->comparison, other);
  order = ids_of (fixture->comparison);
  g_assert_cmpstr (order, ==, "dapps,drive");
  g_assert_true (waymark_comparison_get_catalogue (fixture->comparison) == other);
  waymark_comparison_set_catalogue (fixture->comparison, fixture->catalogue);
}

static void
test_csv_ignores_locale (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *ids[] = { "drive", "make-a-change", "relationships-without-fear", NULL };
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *in_c = NULL;
  g_autofree char *in_german = NULL;

  add_all (fixture, ids);
  in_c = waymark_comparison_to_csv (fixture->comparison);
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL && g_getenv ("WAYMARK_TEST_NO_LOCALES") != NULL)
    {
      g_test_skip ("de_DE.UTF-8 is not installed in this build environment");
      return;
    }
  /* The test command installs de_DE.UTF-8: people would read "£2.400"; the export does not. */
  g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));
  in_german = waymark_comparison_to_csv (fixture->comparison);
  setlocale (LC_ALL, old);

  g_assert_cmpstr (in_german, ==, in_c);
  g_assert_nonnull (strstr (in_c, "£2,400 per perpetrator"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/comparison/add-remove-move", test_add_remove_move);
  ADD ("/core/comparison/limit", test_limit);
  ADD ("/core/comparison/add-many", test_add_many);
  ADD ("/core/comparison/set-ids", test_set_ids);
  ADD ("/core/comparison/rows-filled", test_rows_filled);
  ADD ("/core/comparison/best/evidence-and-impact", test_best_evidence_and_impact);
  ADD ("/core/comparison/best/ranges-by-floor", test_ranges_rank_by_floor);
  ADD ("/core/comparison/best/unrated", test_unrated_never_best);
  ADD ("/core/comparison/cost/not-comparable", test_cost_not_comparable);
  ADD ("/core/comparison/cost/missing", test_cost_missing_not_comparable);
  ADD ("/core/comparison/cost/comparable", test_cost_comparable);
  ADD ("/core/comparison/cost/sessions-of-different-things",
       test_cost_sessions_of_different_things);
  ADD ("/core/comparison/rating-keeps-review-note", test_rating_keeps_review_note);
  ADD ("/core/comparison/csv", test_csv);
  ADD ("/core/comparison/csv-ignores-locale", test_csv_ignores_locale);
  ADD ("/core/comparison/csv/golden-in-german-locale", test_csv_golden_in_german_locale);
  ADD ("/core/comparison/catalogue-change", test_catalogue_change_keeps_known);
  g_test_add_func ("/core/comparison/summarise-evidence", test_summarise_evidence);

  return g_test_run ();
}
