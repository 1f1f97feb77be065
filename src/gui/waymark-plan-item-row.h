/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-plan.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_PLAN_ITEM_ROW (waymark_plan_item_row_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkPlanItemRow, waymark_plan_item_row, WAYMARK, PLAN_ITEM_ROW, AdwExpanderRow)

/* One item of a plan, expanded to edit it. Every edit goes through the plan (so it can be
 * undone) and the widgets follow the item's properties (so undo shows). */
GtkWidget       *waymark_plan_item_row_new         (WaymarkPlan        *plan,
                                                    WaymarkPlanItem    *item);
WaymarkPlanItem *waymark_plan_item_row_get_item    (WaymarkPlanItemRow *self);
/* A row is reused for another item as its list scrolls; NULL leaves it showing nothing. */
void             waymark_plan_item_row_set_item    (WaymarkPlanItemRow *self,
                                                    WaymarkPlanItem    *item);
/* The row's parts, for tests and focus: "quantity" (GtkSpinButton), "unit", "unit-cost",
 * "unit-cost-high", "provider" (AdwEntryRow), "notes" (GtkTextView), "cost-source",
 * "funding-source" (AdwComboRow), "remove" (GtkButton), "cost-error", "published", "flag", "line-total",
 * "missing" (GtkLabel). */
GtkWidget       *waymark_plan_item_row_get_control (WaymarkPlanItemRow *self,
                                                    const char         *name);
/* The years part's widgets for year index `year` (issue 16): "label", "line-total" (GtkLabel),
 * "quantity" (GtkSpinButton), "unit-cost" (GtkEntry), "apply" (GtkButton); NULL past the plan's
 * years or for a plan of one year. get_control gives "years" (the GtkExpander), "years-caption"
 * and "years-error" (GtkLabel). */
GtkWidget       *waymark_plan_item_row_get_year_control (WaymarkPlanItemRow *self,
                                                         const char         *name,
                                                         guint               year);
/* Keeps the notes typed into the row in the plan, as one edit, when they differ from the item's;
 * the row does it itself when the focus leaves the notes and on Ctrl+Enter. */
void             waymark_plan_item_row_apply_notes (WaymarkPlanItemRow *self);

G_END_DECLS
