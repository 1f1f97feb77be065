/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

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

/* Finding 11: bidirectional controls and zero-width characters in free text would make a
 * spreadsheet show text reordered ("evil\u202Egnp.exe") or hide part of it; they are marked
 * with their code points. Plain fields (ids, numbers) are never altered. */
static void
test_finding_11_bidi (void)
{
  const char *fields[] = {
    "Provider \u202Eredivorp\u202C", "a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf",
    "\u2066iso\u2069 \u2067rtl\u2069 \u2068first\u2069 \u202Aemb\u202C \u202Bemb\u202C "
    "\u202Dover\u202C \u200Elrm \u200Frlm \u061Calm",
    "\u202E=1+1", "\u05E9\u05DC\u05D5\u05DD and caf\u00E9", NULL
  };
  g_autofree char *text = row_of (fields, WAYMARK_CSV_TEXT);
  g_autofree char *plain = row_of (fields, WAYMARK_CSV_PLAIN);

  g_assert_cmpstr (text, ==,
                   "Provider <U+202E>redivorp<U+202C>,"
                   "a<U+200B>b<U+200C>c<U+200D>d<U+2060>e<U+FEFF>f,"
                   "<U+2066>iso<U+2069> <U+2067>rtl<U+2069> <U+2068>first<U+2069> "
                   "<U+202A>emb<U+202C> <U+202B>emb<U+202C> <U+202D>over<U+202C> "
                   "<U+200E>lrm <U+200F>rlm <U+061C>alm,"
                   /* Marked first, so nothing is left that a spreadsheet could run. */
                   "<U+202E>=1+1,"
                   /* Right-to-left text itself, and accents, are kept as they are. */
                   "\u05E9\u05DC\u05D5\u05DD and caf\u00E9\r\n");
  g_assert_null (strstr (plain, "<U+"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/csv/quoting", test_quoting);
  g_test_add_func ("/core/csv/empty-fields", test_empty_fields_keep_their_place);
  g_test_add_func ("/core/csv/injection", test_injection);
  g_test_add_func ("/core/csv/finding-11-bidi", test_finding_11_bidi);

  return g_test_run ();
}
