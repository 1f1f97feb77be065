/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "waymark-text-escape.h"

/* The one escaping rule for text shown on a terminal (issue 11, finding 11). */

static void
test_controls (void)
{
  g_autofree char *line = waymark_text_escape_for_terminal ("a\033[2J\tb\nc\r\nd\re\177f\302\233g",
                                                            -1, WAYMARK_TEXT_ESCAPE_DEFAULT);
  g_autofree char *lines = waymark_text_escape_for_terminal ("a\033[2J\tb\nc\r\nd\re\177f\302\233g",
                                                             -1, WAYMARK_TEXT_ESCAPE_KEEP_LINES);

  g_assert_cmpstr (line, ==,
                   "a<U+001B>[2J<U+0009>b<U+000A>c<U+000D><U+000A>d<U+000D>e<U+007F>f<U+009B>g");
  /* Line feeds, tabs and CR LF stay; a lone CR, which could overwrite a line, does not. */
  g_assert_cmpstr (lines, ==, "a<U+001B>[2J\tb\nc\r\nd<U+000D>e<U+007F>f<U+009B>g");
}

static void
test_invisible (void)
{
  g_autofree char *shown = waymark_text_escape_for_terminal ("x\u202Ey\u200Bz\uFEFF\u2066w\u061C",
                                                             -1, WAYMARK_TEXT_ESCAPE_DEFAULT);
  g_autofree char *marked = waymark_text_mark_invisible ("x\u202Ey\n\033\u00E9\u05D0");

  g_assert_cmpstr (shown, ==, "x<U+202E>y<U+200B>z<U+FEFF><U+2066>w<U+061C>");
  /* For CSV: only the invisible ones; line breaks and other controls are the CSV's business. */
  g_assert_cmpstr (marked, ==, "x<U+202E>y\n\033\u00E9\u05D0");
}

static void
test_not_utf8 (void)
{
  /* A stray byte, an encoded surrogate, an overlong slash, a sequence cut at the end. */
  g_autofree char *shown = waymark_text_escape_for_terminal ("a\377b\355\240\200c\300\257d\342\202",
                                                             -1, WAYMARK_TEXT_ESCAPE_DEFAULT);
  /* An embedded NUL, when the length says so. */
  g_autofree char *nul = waymark_text_escape_for_terminal ("a\0b", 3, WAYMARK_TEXT_ESCAPE_DEFAULT);

  g_assert_cmpstr (shown, ==, "a<0xFF>b<0xED><0xA0><0x80>c<0xC0><0xAF>d<0xE2><0x82>");
  g_assert_cmpstr (nul, ==, "a<U+0000>b");
}

static void
test_idempotent (void)
{
  const char *text = "Drive\033[2J\u202E\377 café £2,400 \u05E9\u05DC\u05D5\u05DD\n";
  g_autofree char *once = waymark_text_escape_for_terminal (text, -1, WAYMARK_TEXT_ESCAPE_KEEP_LINES);
  g_autofree char *twice = waymark_text_escape_for_terminal (once, -1,
                                                             WAYMARK_TEXT_ESCAPE_KEEP_LINES);

  g_assert_true (g_utf8_validate (once, -1, NULL));
  g_assert_cmpstr (once, ==, "Drive<U+001B>[2J<U+202E><0xFF> café £2,400 \u05E9\u05DC\u05D5\u05DD\n");
  g_assert_cmpstr (twice, ==, once);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/text-escape/controls", test_controls);
  g_test_add_func ("/core/text-escape/invisible", test_invisible);
  g_test_add_func ("/core/text-escape/not-utf8", test_not_utf8);
  g_test_add_func ("/core/text-escape/idempotent", test_idempotent);

  return g_test_run ();
}
