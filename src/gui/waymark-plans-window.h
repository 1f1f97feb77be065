/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-catalogue.h"
#include "waymark-plan-comparison.h"
#include "waymark-plan-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_PLANS_WINDOW (waymark_plans_window_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkPlansWindow, waymark_plans_window, WAYMARK, PLANS_WINDOW, AdwWindow)

/* Compare Plans (issue 17): two to four plans side by side, one column each, chosen from
 * `documents` (a GListModel of WaymarkPlanDocument: the plans open in Waymark's windows) and from
 * plan files opened here; the first two to four open ones to begin with. The comparison
 * (WaymarkPlanComparison) is worked out afresh whenever a chosen plan changes. Exports it as CSV
 * and JSON, prints it on A4 landscape, and presents it full screen with larger text. */
GtkWidget                *waymark_plans_window_new            (GtkApplication   *application,
                                                               WaymarkCatalogue *catalogue,
                                                               GListModel       *documents);
/* The comparison shown, or NULL with fewer than two plans chosen; borrowed. */
WaymarkPlanComparison    *waymark_plans_window_get_comparison (WaymarkPlansWindow *self);
/* Chooses or leaves out a plan (as its check button does); at most four are chosen. */
void                      waymark_plans_window_set_chosen     (WaymarkPlansWindow  *self,
                                                               WaymarkPlanDocument *document,
                                                               gboolean             chosen);
/* Adds a plan file to choose from, and chooses it if there is room; FALSE with the core's
 * message when it cannot be read. */
gboolean                  waymark_plans_window_add_file       (WaymarkPlansWindow  *self,
                                                               GFile               *file,
                                                               GError             **error);
/* The label showing the value of measure `id` for column `plan`, for tests; NULL when none. */
GtkLabel                 *waymark_plans_window_get_value_label (WaymarkPlansWindow *self,
                                                                const char         *id,
                                                                guint               plan);

G_END_DECLS
