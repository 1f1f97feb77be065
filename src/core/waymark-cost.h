/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "waymark-enums.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_COST (waymark_cost_get_type ())

/* A published unit cost, as the review gives it: one figure (low == high) or a range. */
typedef struct _WaymarkCost
{
  gint64                low_minor;
  gint64                high_minor;
  WaymarkCurrency       currency;
  WaymarkCostQualifier  qualifier;
  char                 *basis;
  char                 *as_written;
  /* Where the basis is not the review's own words: Waymark's reading, said in words; NULL where
   * the basis is as written. */
  char                 *waymarks_reading;
} WaymarkCost;

GType        waymark_cost_get_type  (void) G_GNUC_CONST;
WaymarkCost *waymark_cost_new       (gint64               low_minor,
                                     gint64               high_minor,
                                     WaymarkCurrency      currency,
                                     WaymarkCostQualifier qualifier,
                                     const char          *basis,
                                     const char          *as_written);
WaymarkCost *waymark_cost_copy      (const WaymarkCost   *self);
void         waymark_cost_free      (WaymarkCost         *self);
gboolean     waymark_cost_is_range  (const WaymarkCost   *self);
/* "£60-£100 per session", "from £375 per session", with the locale's digit separators
 * (waymark_money_format); a basis that is Waymark's reading says so ("$395 per book (the unit
 * is Waymark’s reading)"). */
char        *waymark_cost_format    (const WaymarkCost   *self);
/* The same with the review's separators in every locale ("£2,400 per perpetrator"), for exports
 * (waymark_money_format_for_export). */
char        *waymark_cost_format_for_export (const WaymarkCost *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkCost, waymark_cost_free)

G_END_DECLS
