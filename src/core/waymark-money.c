/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "waymark-money.h"

gboolean
waymark_money_add (gint64  a,
                   gint64  b,
                   gint64 *result)
{
  gint64 sum;

  if (__builtin_add_overflow (a, b, &sum))
    return FALSE;
  if (sum > WAYMARK_MONEY_MAX * 1000 || sum < -WAYMARK_MONEY_MAX * 1000)
    return FALSE;

  *result = sum;
  return TRUE;
}

gboolean
waymark_money_multiply (gint64  amount,
                        gint64  factor,
                        gint64 *result)
{
  gint64 product;

  if (__builtin_mul_overflow (amount, factor, &product))
    return FALSE;
  if (product > WAYMARK_MONEY_MAX * 1000 || product < -WAYMARK_MONEY_MAX * 1000)
    return FALSE;

  *result = product;
  return TRUE;
}

/* A whole number of 32-bit limbs, least significant first: 8 limbs hold 2^256, more than the
 * largest amount x 20000^10 (about 2^180) the uplift can reach. */
#define N_LIMBS 8

static void
limbs_multiply (guint32 *limbs,
                guint32  factor)
{
  guint64 carry = 0;

  for (guint i = 0; i < N_LIMBS; i++)
    {
      guint64 product = (guint64) limbs[i] * factor + carry;

      limbs[i] = (guint32) product;
      carry = product >> 32;
    }
  g_assert (carry == 0);
}

static void
limbs_divide (guint32 *limbs,
              guint32  divisor)
{
  guint64 remainder = 0;

  for (guint i = N_LIMBS; i-- > 0;)
    {
      guint64 part = (remainder << 32) | limbs[i];

      limbs[i] = (guint32) (part / divisor);
      remainder = part % divisor;
    }
}

gboolean
waymark_money_uplift (gint64  amount,
                      guint   basis_points,
                      guint   years,
                      gint64 *result)
{
  guint32 limbs[N_LIMBS] = { 0 };
  guint64 value;

  g_return_val_if_fail (amount >= 0, FALSE);
  g_return_val_if_fail (basis_points <= WAYMARK_UPLIFT_MAX, FALSE);
  g_return_val_if_fail (years <= 10, FALSE);

  /* round-half-up (x / D) = floor ((floor (2x / D) + 1) / 2), and floor (floor (a / b) / c) is
   * floor (a / (b c)): so 2 x amount x (10000 + bp)^years, divided by 10000 `years` times, plus
   * one, halved. */
  limbs[0] = (guint32) ((guint64) amount * 2);
  limbs[1] = (guint32) (((guint64) amount * 2) >> 32);
  for (guint i = 0; i < years; i++)
    limbs_multiply (limbs, 10000 + basis_points);
  for (guint i = 0; i < years; i++)
    limbs_divide (limbs, 10000);
  for (guint i = 2; i < N_LIMBS; i++)
    if (limbs[i] != 0)
      return FALSE;
  value = (((guint64) limbs[1] << 32) | limbs[0]);
  value = (value + 1) / 2;
  if (value > (guint64) WAYMARK_MONEY_MAX * 1000)
    return FALSE;

  *result = (gint64) value;
  return TRUE;
}

char *
waymark_money_to_decimal (gint64 minor)
{
  guint64 magnitude = minor < 0 ? (guint64) 0 - (guint64) minor : (guint64) minor;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                          minor < 0 ? "-" : "",
                          magnitude / 100,
                          (guint) (magnitude % 100));
}

gboolean
waymark_money_parse (const char *text,
                     gint64     *minor)
{
  const char *p = text;
  guint64 units = 0;
  guint fraction = 0;
  guint fraction_digits = 0;
  guint digits = 0;
  guint group = 0;
  guint commas = 0;

  if (text == NULL)
    return FALSE;

  while (g_ascii_isspace (*p))
    p++;
  if (g_str_has_prefix (p, "£"))
    p += strlen ("£");

  /* Commas only as thousands separators ("2,970"): "12,34" is refused rather than guessed at,
   * since in much of Europe it means 12.34. */
  for (; *p != '\0' && *p != '.'; p++)
    {
      if (*p == ',')
        {
          if (digits == 0 || (commas == 0 && group > 3) || (commas > 0 && group != 3))
            return FALSE;
          commas++;
          group = 0;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        return FALSE;
      units = units * 10 + (guint64) (*p - '0');
      digits++;
      group++;
      if (units > (guint64) WAYMARK_MONEY_MAX / 100)
        return FALSE;
    }
  if (commas > 0 && group != 3)
    return FALSE;

  if (*p == '.')
    {
      for (p++; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p) || fraction_digits == 2)
            return FALSE;
          fraction = fraction * 10 + (guint) (*p - '0');
          fraction_digits++;
        }
      if (fraction_digits == 0)
        return FALSE;
      if (fraction_digits == 1)
        fraction *= 10;
    }

  if (digits == 0)
    return FALSE;
  if (units * 100 + fraction > (guint64) WAYMARK_MONEY_MAX)
    return FALSE;

  *minor = (gint64) (units * 100 + fraction);
  return TRUE;
}

static char *
format_grouped (gint64           minor,
                WaymarkCurrency  currency,
                const char      *group,
                const char      *point)
{
  guint64 magnitude = minor < 0 ? (guint64) 0 - (guint64) minor : (guint64) minor;
  g_autofree char *units = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  GString *out = g_string_new (minor < 0 ? "-" : "");
  gsize len = strlen (units);

  g_string_append (out, waymark_currency_get_symbol (currency));
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, group);
      g_string_append_c (out, units[i]);
    }
  if (magnitude % 100 != 0)
    g_string_append_printf (out, "%s%02u", point, (guint) (magnitude % 100));

  return g_string_free (out, FALSE);
}

char *
waymark_money_format (gint64          minor,
                      WaymarkCurrency currency)
{
  /* The locale's separators for people ("2.970,50" in German); the C locale has no grouping,
   * and there Waymark writes as the review does ("2,970.50"). */
  const struct lconv *conv = localeconv ();
  const char *group = conv->thousands_sep != NULL && *conv->thousands_sep ? conv->thousands_sep
                                                                          : ",";
  const char *point = conv->decimal_point != NULL && *conv->decimal_point ? conv->decimal_point
                                                                          : ".";

  return format_grouped (minor, currency, group, point);
}

char *
waymark_money_format_for_export (gint64          minor,
                                 WaymarkCurrency currency)
{
  /* Fixed separators, not the C locale's: nothing here reads LC_NUMERIC. */
  return format_grouped (minor, currency, ",", ".");
}
