/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include "waymark-cost.h"
#include "waymark-money.h"
#include "test-util.h"

static void
test_decimal (void)
{
  struct { gint64 minor; const char *text; } cases[] = {
    { 0, "0.00" },
    { 5, "0.05" },
    { 297000, "2970.00" },
    { 78086440, "780864.40" },
    { -150, "-1.50" },
    { WAYMARK_MONEY_MAX, "1000000000.00" },
    { G_MININT64, "-92233720368547758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = waymark_money_to_decimal (cases[i].minor);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_parse (void)
{
  struct { const char *text; gboolean ok; gint64 minor; } cases[] = {
    { "2970", TRUE, 297000 },
    { "2970.5", TRUE, 297050 },
    { "2970.05", TRUE, 297005 },
    { "£2,970.00", TRUE, 297000 },
    { " 60", TRUE, 6000 },
    { "0", TRUE, 0 },
    { "1000000000", TRUE, WAYMARK_MONEY_MAX },
    { "1000000000.01", FALSE, 0 },
    { "99999999999999999999", FALSE, 0 },
    { "2970.001", FALSE, 0 },
    { "2970.", FALSE, 0 },
    { ".5", FALSE, 0 },
    { "-5", FALSE, 0 },
    { "1e3", FALSE, 0 },
    { "", FALSE, 0 },
    { "£", FALSE, 0 },
    { "12,34", FALSE, 0 },  /* a decimal comma is refused, never read as thousands */
    { "1,234,567", TRUE, 123456700 },
    { "1234,567", FALSE, 0 },
    { ",123", FALSE, 0 },
    { "$5", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 minor = -1;
      gboolean ok = waymark_money_parse (cases[i].text, &minor);

      g_test_message ("parsing \"%s\"", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_cmpint (minor, ==, cases[i].minor);
    }
}

static void
test_format (void)
{
  struct { gint64 minor; WaymarkCurrency currency; const char *text; } cases[] = {
    { 297000, WAYMARK_CURRENCY_GBP, "£2,970" },
    { 39500, WAYMARK_CURRENCY_USD, "$395" },
    { 21889900, WAYMARK_CURRENCY_EUR, "€218,899" },
    { 78086440, WAYMARK_CURRENCY_GBP, "£780,864.40" },
    { 13600, WAYMARK_CURRENCY_GBP, "£136" },
    { 5, WAYMARK_CURRENCY_GBP, "£0.05" },
    { 100000000, WAYMARK_CURRENCY_GBP, "£1,000,000" },
    { -2500, WAYMARK_CURRENCY_GBP, "-£25" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = waymark_money_format (cases[i].minor, cases[i].currency);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_follows_locale (void)
{
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *german = NULL;
  g_autofree char *decimal = NULL;

  /* The test command installs de_DE.UTF-8; people read their own separators, exports do not. */
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL && g_getenv ("WAYMARK_TEST_NO_LOCALES") != NULL)
    {
      g_test_skip ("de_DE.UTF-8 is not installed in this build environment");
      return;
    }
  g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));
  german = waymark_money_format (78086440, WAYMARK_CURRENCY_GBP);
  decimal = waymark_money_to_decimal (78086440);
  setlocale (LC_ALL, old);

  g_assert_cmpstr (german, ==, "£780.864,40");
  g_assert_cmpstr (decimal, ==, "780864.40");
}

/* What exports write for people ("£2,970" in a CSV cell) is the same in every locale; the German
 * one groups with "." and would give "£780.864,40". */
static void
test_format_for_export_ignores_locale (void)
{
  g_autoptr(WaymarkCost) range = waymark_cost_new (600000, 1250050, WAYMARK_CURRENCY_GBP,
                                                   WAYMARK_COST_QUALIFIER_AROUND, "per year",
                                                   "around £6000-£12500.50 per year");
  g_autofree char *old = NULL;
  g_autofree char *people = NULL;
  g_autofree char *pence = NULL;
  g_autofree char *million = NULL;
  g_autofree char *negative = NULL;
  g_autofree char *small = NULL;
  g_autofree char *cost_people = NULL;
  g_autofree char *cost_export = NULL;

  old = test_enter_german_locale ();
  if (old == NULL)
    return;
  people = waymark_money_format (78086440, WAYMARK_CURRENCY_GBP);
  pence = waymark_money_format_for_export (78086440, WAYMARK_CURRENCY_GBP);
  million = waymark_money_format_for_export (100000000, WAYMARK_CURRENCY_EUR);
  negative = waymark_money_format_for_export (-250000, WAYMARK_CURRENCY_GBP);
  small = waymark_money_format_for_export (5, WAYMARK_CURRENCY_USD);
  cost_people = waymark_cost_format (range);
  cost_export = waymark_cost_format_for_export (range);
  setlocale (LC_ALL, old);

  g_assert_cmpstr (people, ==, "£780.864,40");
  g_assert_cmpstr (pence, ==, "£780,864.40");
  g_assert_cmpstr (million, ==, "€1,000,000");
  g_assert_cmpstr (negative, ==, "-£2,500");
  g_assert_cmpstr (small, ==, "$0.05");
  g_assert_cmpstr (cost_people, ==, "around £6.000–£12.500,50 per year");
  g_assert_cmpstr (cost_export, ==, "around £6,000–£12,500.50 per year");
}

static void
test_overflow (void)
{
  gint64 result = 0;

  g_assert_true (waymark_money_multiply (240000, 1000000, &result));
  g_assert_cmpint (result, ==, G_GINT64_CONSTANT (240000000000));
  g_assert_false (waymark_money_multiply (G_MAXINT64 / 2, 3, &result));
  g_assert_false (waymark_money_multiply (WAYMARK_MONEY_MAX, 1000000, &result));
  g_assert_true (waymark_money_add (6000, 10000, &result));
  g_assert_cmpint (result, ==, 16000);
  g_assert_false (waymark_money_add (G_MAXINT64, 1, &result));
  g_assert_false (waymark_money_add (G_MININT64, -1, &result));
}

static void
test_cost_format (void)
{
  g_autoptr(WaymarkCost) range = waymark_cost_new (6000, 10000, WAYMARK_CURRENCY_GBP,
                                                   WAYMARK_COST_QUALIFIER_AROUND, "per session",
                                                   "£60-£100 per session");
  g_autoptr(WaymarkCost) from = waymark_cost_new (37500, 37500, WAYMARK_CURRENCY_GBP,
                                                  WAYMARK_COST_QUALIFIER_FROM, "per session",
                                                  "from £375 per session");
  g_autoptr(WaymarkCost) dollars = waymark_cost_new (39500, 39500, WAYMARK_CURRENCY_USD,
                                                     WAYMARK_COST_QUALIFIER_NONE, "per book",
                                                     "$395.00");
  g_autofree char *a = waymark_cost_format (range);
  g_autofree char *b = waymark_cost_format (from);
  g_autofree char *c = waymark_cost_format (dollars);

  g_assert_true (waymark_cost_is_range (range));
  g_assert_false (waymark_cost_is_range (from));
  g_assert_cmpstr (a, ==, "around £60–£100 per session");
  g_assert_cmpstr (b, ==, "from £375 per session");
  g_assert_cmpstr (c, ==, "$395 per book");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/money/decimal", test_decimal);
  g_test_add_func ("/core/money/parse", test_parse);
  g_test_add_func ("/core/money/format", test_format);
  g_test_add_func ("/core/money/overflow", test_overflow);
  g_test_add_func ("/core/money/format-follows-locale", test_format_follows_locale);
  g_test_add_func ("/core/money/format-for-export-ignores-locale",
                   test_format_for_export_ignores_locale);
  g_test_add_func ("/core/money/cost-format", test_cost_format);

  return g_test_run ();
}
