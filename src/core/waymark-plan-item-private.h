/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-local-service.h"
#include "waymark-plan-item.h"

G_BEGIN_DECLS

struct _WaymarkPlanItem
{
  GObject parent_instance;

  /* What the catalogue said when the item was made (or the plan file, when it is missing). */
  char                 *intervention_id;
  char                 *name;
  WaymarkLevel          levels;
  WaymarkFocus          focus;
  WaymarkWorksWith      works_with;
  WaymarkRating         evidence_rating;
  WaymarkRating         impact_rating;
  WaymarkLlrStatus      llr_status;
  gboolean              for_young_people;
  WaymarkCost          *published_cost;
  gboolean              missing;
  /* For a local service of the plan (issue 15), not an intervention of the review: what it
   * describes is the service's, and it has no review rating. Never also missing. */
  gboolean              local_service;

  /* The commissioner's choices. */
  guint                 quantity;
  char                 *unit;
  gint64                unit_cost;
  gint64                unit_cost_high;
  WaymarkCostSource     cost_source;
  WaymarkFundingSource  funding_source;
  char                 *funding_name;   /* a local stream's name, for FUNDING_SOURCE_OTHER */
  char                 *provider;
  char                 *notes;
  guint                 reach;
  WaymarkReachGroup     reach_group;
  char                 *reach_source;
  /* The years after the first with figures of their own (issue 16); NULL: none. */
  WaymarkYearFigures   *year_figures;
};

WaymarkPlanItem *waymark_plan_item_new_empty (void);

/* Makes a local service's item say what service says (name, levels, focus, who it works with,
 * under-25s), notifying "name"; the commissioner's choices stay. */
void waymark_plan_item_take_local_service (WaymarkPlanItem     *self,
                                           WaymarkLocalService *service);

/* "per woman registered per year" -> "women registered per year" */
char *waymark_unit_from_basis (const char *basis);

G_END_DECLS
