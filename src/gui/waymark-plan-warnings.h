/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-plan.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_PLAN_WARNINGS (waymark_plan_warnings_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkPlanWarnings, waymark_plan_warnings, WAYMARK, PLAN_WARNINGS, GtkWidget)

/* The plan's warnings, in the core's words, each with a button that dismisses it for this plan
 * (an undoable edit). Dismissed warnings are hidden and counted. */
GtkWidget   *waymark_plan_warnings_new                 (void);
WaymarkPlan *waymark_plan_warnings_get_plan            (WaymarkPlanWarnings *self);
void         waymark_plan_warnings_set_plan            (WaymarkPlanWarnings *self,
                                                        WaymarkPlan         *plan);
/* The ids of the warnings shown, in order, space-separated: for tests. */
char        *waymark_plan_warnings_dup_shown_ids       (WaymarkPlanWarnings *self);
GtkWidget   *waymark_plan_warnings_get_dismiss_button  (WaymarkPlanWarnings *self,
                                                        const char          *warning_id);

G_END_DECLS
