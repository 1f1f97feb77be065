/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "waymark-csv.h"

static char *
row_of (const char * const *fields,
        WaymarkCsvFlags     flags)
{
  GString *out = g_string_new (NULL);
  WaymarkCsvWriter writer;

  waymark_csv_writer_init (&writer, out);
  for (guint i = 0; fields[i] != NULL; i++)
    waymark_csv_add_field (&writer, *fields[i] ? fields[i] : NULL, flags);
  waymark_csv_end_row (&writer);

  return g_string_free (out, FALSE);
}

static void
test_quoting (void)
{
  const char *fields[] = { "plain", "a,b", "say \"hi\"", "two\nlines", "", "£2,970", NULL };
  g_autofree char *row = row_of (fields, WAYMARK_CSV_PLAIN);

  g_assert_cmpstr (row, ==, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\"£2,970\"\r\n");
}

static void
test_empty_fields_keep_their_place (void)
{
  const char *fields[] = { "", "", "x", "", NULL };
  g_autofree char *row = row_of (fields, WAYMARK_CSV_PLAIN);

  g_assert_cmpstr (row, ==, ",,x,\r\n");
}

static void
test_injection (void)
{
  const char *fields[] = { "=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx",
                           "safe=ok", NULL };
  g_autofree char *text = row_of (fields, WAYMARK_CSV_TEXT);
  g_autofree char *plain = row_of (fields, WAYMARK_CSV_PLAIN);

  g_assert_cmpstr (text, ==,
                   "\"'=HYPERLINK(\"\"http://x\"\")\",\"'+1\",\"'-2\",\"'@SUM(A1)\",\"'\tx\","
                   "\"'\rx\",safe=ok\r\n");
  /* Plain fields (numbers, ids) are never altered: -2 stays a number. */
  g_assert_true (g_str_has_prefix (plain, "\"=HYPERLINK(\"\"http://x\"\")\",+1,-2,@SUM(A1),\tx,"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/csv/quoting", test_quoting);
  g_test_add_func ("/core/csv/empty-fields", test_empty_fields_keep_their_place);
  g_test_add_func ("/core/csv/injection", test_injection);

  return g_test_run ();
}
