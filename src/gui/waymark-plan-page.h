/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-plan.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_PLAN_PAGE (waymark_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkPlanPage, waymark_plan_page, WAYMARK, PLAN_PAGE, GtkWidget)

/* The commissioning plan: its summary against the budget, spend charts, the review's
 * warnings, its items to edit, and its details. */
GtkWidget   *waymark_plan_page_new        (void);
WaymarkPlan *waymark_plan_page_get_plan   (WaymarkPlanPage *self);
void         waymark_plan_page_set_plan   (WaymarkPlanPage *self,
                                           WaymarkPlan     *plan);
/* Expands the item's row, scrolls to it and gives it the keyboard focus. */
/* Where the summary finds the review's need figures for coverage (NULL: reach only). */
void         waymark_plan_page_set_catalogue (WaymarkPlanPage  *self,
                                              WaymarkCatalogue *catalogue);
void         waymark_plan_page_focus_item (WaymarkPlanPage *self,
                                           const char      *intervention_id);

G_END_DECLS
