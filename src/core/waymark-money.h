/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "waymark-enums.h"

G_BEGIN_DECLS

/* Money is an integer count of minor units (pence, cents) everywhere. */

/* The largest amount Waymark accepts anywhere: one billion pounds. */
#define WAYMARK_MONEY_MAX G_GINT64_CONSTANT (100000000000)

gboolean  waymark_money_add          (gint64      a,
                                      gint64      b,
                                      gint64     *result);
gboolean  waymark_money_multiply     (gint64      amount,
                                      gint64      factor,
                                      gint64     *result);
/* The most an annual uplift may be, in basis points: 100% a year. */
#define WAYMARK_UPLIFT_MAX 10000
/* amount (0 or more) raised by basis_points a year (250 = 2.5%), compounding, for `years` years:
 * amount x (1 + basis_points / 10000)^years, rounded to the nearest minor unit, half up. Exact:
 * worked out in integers wide enough for any amount and uplift Waymark accepts, never in floating
 * point. FALSE when the result is over WAYMARK_MONEY_MAX x 1000, as for _multiply. */
gboolean  waymark_money_uplift       (gint64      amount,
                                      guint       basis_points,
                                      guint       years,
                                      gint64     *result);
/* "2970.00", "-0.05": plain decimal, the same in every locale, for exports. */
char     *waymark_money_to_decimal   (gint64      minor);
/* Parses "2970", "2970.5", "2970.00", "£2,970.00"; refuses anything else or anything over
 * WAYMARK_MONEY_MAX. */
gboolean  waymark_money_parse        (const char *text,
                                      gint64     *minor);
/* "£2,970", "$395", "£780,864.40": for people, with the currency's symbol and the locale's digit
 * separators (British ones where the locale has none); pence shown only when there are some. */
char     *waymark_money_format       (gint64          minor,
                                      WaymarkCurrency currency);
/* "£2,970", "£780,864.40": as the review writes money, the same bytes in every locale, for
 * exports that people read (the comparison's CSV); figures for sums use _to_decimal. */
char     *waymark_money_format_for_export (gint64          minor,
                                           WaymarkCurrency currency);

G_END_DECLS
