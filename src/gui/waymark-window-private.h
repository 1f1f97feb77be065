/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-compare-page.h"
#include "waymark-criteria.h"
#include "waymark-detail-pane.h"
#include "waymark-evidence-map.h"
#include "waymark-filter-pane.h"
#include "waymark-plan-document.h"
#include "waymark-plan-page.h"
#include "waymark-window.h"

G_BEGIN_DECLS

/* The window's parts, for the UI tests: they drive these widgets as a person would. */
typedef struct
{
  GtkSearchEntry     *search_entry;
  GtkDropDown        *sort_dropdown;
  GtkFlowBox         *chips_box;
  GtkWidget          *clear_filters_button;
  GtkLabel           *count_label;
  GtkStack           *results_stack;
  GtkListView        *list_view;
  GtkMultiSelection  *selection;
  GtkRevealer        *selection_bar;
  GtkLabel           *selection_label;
  AdwStatusPage      *empty_page;
  GtkWidget          *empty_clear_button;
  WaymarkEvidenceMap *evidence_map;
  WaymarkDetailPane  *detail_pane;
  WaymarkFilterPane  *filter_pane;
  AdwLeaflet         *leaflet;
  AdwFlap            *flap;
  WaymarkCriteria    *criteria;
  AdwViewStack       *view_stack;
  AdwViewStackPage   *plan_stack_page;
  WaymarkPlanPage    *plan_page;
  AdwToastOverlay    *toast_overlay;
  AdwViewStackPage   *compare_stack_page;
  WaymarkComparePage *compare_page;
  WaymarkComparison  *comparison;
  GtkWidget          *header_bar;
} WaymarkWindowParts;

void                 waymark_window_get_parts         (WaymarkWindow      *self,
                                                       WaymarkWindowParts *parts);
WaymarkPlanDocument *waymark_window_get_plan_document (WaymarkWindow      *self);

G_END_DECLS
