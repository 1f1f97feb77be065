/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-plan.h"

G_BEGIN_DECLS

/* For the plan reader: fills a new plan without recording undo steps. */
void waymark_plan_load_details (WaymarkPlan        *self,
                                const char         *title,
                                const char         *area,
                                const char         *organisation,
                                const char         *author,
                                guint               start_year,
                                guint               years,
                                gint64              budget,
                                const char * const *dismissed,
                                GDateTime          *changed_at);
void waymark_plan_load_item    (WaymarkPlan        *self,
                                WaymarkPlanItem    *item);

G_END_DECLS
