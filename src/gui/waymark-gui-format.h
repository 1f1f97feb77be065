/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money for people in the plan's views: "£2,400", or "£60 – £100" when low and high differ.
 * Arithmetic stays in the core; these only say the figures. */
char *waymark_format_money_range (gint64 low,
                                  gint64 high);
/* A unit cost in pounds as it is typed back: "£2,400", "£2,970.50"; "" for no cost. */
char *waymark_format_unit_cost   (gint64 pence);

G_END_DECLS
