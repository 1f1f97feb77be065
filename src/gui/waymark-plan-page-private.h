/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-plan-chart.h"
#include "waymark-plan-item-row.h"
#include "waymark-plan-page.h"
#include "waymark-plan-warnings.h"

G_BEGIN_DECLS

/* The page's parts, for the UI tests: they drive these widgets as a person would. */
typedef struct
{
  GtkLabel            *total_label;
  GtkLabel            *total_caption;
  GtkLabel            *annual_label;
  GtkLabel            *budget_label;
  GtkLabel            *remaining_label;
  GtkLabel            *no_cost_label;
  WaymarkPlanChart    *level_chart;
  WaymarkPlanChart    *focus_chart;
  WaymarkPlanChart    *works_with_chart;
  WaymarkPlanChart    *evidence_chart;
  WaymarkPlanWarnings *warnings;
  GtkListView         *items_view;
  AdwEntryRow         *title_row;
  AdwEntryRow         *area_row;
  AdwEntryRow         *organisation_row;
  AdwEntryRow         *author_row;
  GtkSpinButton       *start_year_spin;
  GtkSpinButton       *years_spin;
  AdwEntryRow         *budget_row;
  GtkLabel            *budget_error_label;
} WaymarkPlanPageParts;

void                waymark_plan_page_get_parts (WaymarkPlanPage      *self,
                                                 WaymarkPlanPageParts *parts);
/* The row of an item, or NULL: only the rows in sight exist. */
WaymarkPlanItemRow *waymark_plan_page_get_row   (WaymarkPlanPage      *self,
                                                 const char           *intervention_id);

G_END_DECLS
