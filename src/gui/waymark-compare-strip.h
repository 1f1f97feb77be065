/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WAYMARK_TYPE_COMPARE_STRIP (waymark_compare_strip_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkCompareStrip, waymark_compare_strip, WAYMARK, COMPARE_STRIP, GtkWidget)

/* One row of the comparison table that scrolls sideways with an adjustment it shares with the
 * other rows, the names above and the scrollbar below. Unlike a GtkScrolledWindow it measures
 * its height at its child's full width, so wrapped cell text is never cut off, and every row
 * stays exactly as tall as its tallest cell. */
GtkWidget *waymark_compare_strip_new (GtkWidget     *child,
                                      GtkAdjustment *hadjustment);

G_END_DECLS
