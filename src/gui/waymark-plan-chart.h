/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-plan.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_PLAN_CHART (waymark_plan_chart_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkPlanChart, waymark_plan_chart, WAYMARK, PLAN_CHART, GtkWidget)

/* A bar chart of one breakdown of a plan's spend: one bar a slice, each labelled with its name,
 * its amount and its share, so nothing depends on colour. */
GtkWidget                   *waymark_plan_chart_new              (void);
/* slices: element type WaymarkBreakdownSlice, as waymark_plan_get_breakdown_for_year() gives
 * them; shares are of `total`, the lower total of the same years (the Plan page: over the plan). */
void                         waymark_plan_chart_set_slices       (WaymarkPlanChart *self,
                                                                  GArray           *slices,
                                                                  gint64            total);
guint                        waymark_plan_chart_get_n_slices     (WaymarkPlanChart *self);
const WaymarkBreakdownSlice *waymark_plan_chart_get_slice        (WaymarkPlanChart *self,
                                                                  guint             index);
/* "Primary: £19,500 (11%)": the text of the slice as drawn. */
char                        *waymark_plan_chart_dup_slice_text   (WaymarkPlanChart *self,
                                                                  guint             index);
/* Every slice's text, one a line: what a screen reader is given. */
char                        *waymark_plan_chart_dup_description  (WaymarkPlanChart *self);

G_END_DECLS
