/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The finance team's workbook (src/report/waymark-report-xlsx.c): how it is written and when it
 * is refused. Its contents are read back by LibreOffice and openpyxl in tests/check-xlsx.py. */
#include "config.h"

#define _GNU_SOURCE

#include <glib/gstdio.h>
#include <string.h>

#include "test-util.h"
#include "waymark-money.h"
#include "waymark-plan-io.h"
#include "waymark-report-xlsx.h"

typedef struct
{
  WaymarkCatalogue *catalogue;
  WaymarkPlan      *plan;
  char             *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkPlanItem) item = NULL;

  f->catalogue = waymark_catalogue_new_default (&error);
  g_assert_no_error (error);
  f->plan = waymark_plan_new ();
  item = waymark_plan_item_new_for_intervention (waymark_catalogue_lookup (f->catalogue,
                                                                           "drive"));
  waymark_plan_add_item (f->plan, item);
  waymark_plan_edit (f->plan, item, "quantity", 40, "provider", "=HYPERLINK(\"x\")", NULL);
  f->dir = g_dir_make_tmp ("waymark-report-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_assert_finalize_object (f->plan);
  g_assert_finalize_object (f->catalogue);
}

static char *
read_all (const char *path,
          gsize      *length)
{
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* A zip container with the four sheets, written atomically: nothing left beside it, and the
 * same plan gives the same bytes (the plan's last change is the workbook's date, not now). */
static void
test_write (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "plan.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint n_files = 0;

  g_assert_true (waymark_report_write_xlsx (f->plan, f->catalogue, file, &error));
  g_assert_no_error (error);
  contents = read_all (path, &length);
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
  /* The zip's directory names its members: four sheets. */
  g_assert_nonnull (memmem (contents, length, "xl/worksheets/sheet4.xml", 24));

  listing = g_dir_open (f->dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  again = waymark_report_xlsx_bytes (f->plan, f->catalogue, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (again, NULL), g_bytes_get_size (again), contents, length);
}

/* A failed write names the file and leaves the old one as it was. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "a folder.xlsx", NULL);
  g_autofree char *path = g_build_filename (f->dir, "old.xlsx", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-dir", "plan.xlsx", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (waymark_report_write_xlsx (f->plan, f->catalogue, folder_file, &error));
  g_assert_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "“a folder.xlsx”"));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);

  g_assert_false (waymark_report_write_xlsx (f->plan, f->catalogue, missing_file, &error));
  g_assert_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "plan.xlsx"));
  g_clear_error (&error);

  /* A plan too large to add up: refused before anything is written, the old file kept. */
  g_assert_true (g_file_set_contents (path, "the old workbook", -1, NULL));
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(WaymarkPlanItem) item =
      waymark_plan_item_new_for_intervention (waymark_catalogue_lookup (f->catalogue, "iris"));

    waymark_plan_add_item (f->plan, item);
    waymark_plan_edit (f->plan, item, "quantity", WAYMARK_PLAN_MAX_QUANTITY, NULL);
    waymark_plan_set_item_cost (f->plan, item, WAYMARK_MONEY_MAX, WAYMARK_MONEY_MAX,
                                WAYMARK_COST_SOURCE_LOCAL_QUOTE);
    g_assert_false (waymark_report_write_xlsx (f->plan, f->catalogue, file, &error));
    g_assert_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_TOTAL_TOO_LARGE);
  }
  kept = read_all (path, NULL);
  g_assert_cmpstr (kept, ==, "the old workbook");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/report/xlsx/write", Fixture, NULL, fixture_set_up, test_write,
              fixture_tear_down);
  g_test_add ("/report/xlsx/refused", Fixture, NULL, fixture_set_up, test_refused,
              fixture_tear_down);
  return g_test_run ();
}
