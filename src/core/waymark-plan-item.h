/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "waymark-intervention.h"
#include "waymark-local-service.h"
#include "waymark-year-figures.h"

G_BEGIN_DECLS

typedef enum
{
  WAYMARK_COST_SOURCE_REVIEW,
  WAYMARK_COST_SOURCE_LOCAL_QUOTE,
  WAYMARK_COST_SOURCE_ESTIMATE,
} WaymarkCostSource;

/* The review's funding landscape. */
typedef enum
{
  WAYMARK_FUNDING_SOURCE_UNSPECIFIED,
  WAYMARK_FUNDING_SOURCE_HOME_OFFICE_PERPETRATOR,
  WAYMARK_FUNDING_SOURCE_PCC_VICTIMS,
  WAYMARK_FUNDING_SOURCE_LOCAL_AUTHORITY_SAFE_ACCOMMODATION,
  WAYMARK_FUNDING_SOURCE_GRANT_GIVING_BODIES,
  WAYMARK_FUNDING_SOURCE_OTHER,
} WaymarkFundingSource;

/* Who the people an item reaches are (issue 14): one group per item, as the commissioner says;
 * one table (WaymarkChoice) in waymark-plan-item.c. */
typedef enum
{
  WAYMARK_REACH_GROUP_UNSPECIFIED,
  WAYMARK_REACH_GROUP_VICTIMS,
  WAYMARK_REACH_GROUP_PERPETRATORS,
  WAYMARK_REACH_GROUP_CHILDREN_YOUNG_PEOPLE,
  WAYMARK_REACH_GROUP_COMMUNITY,
  WAYMARK_REACH_GROUP_PROFESSIONALS,
  /* Appended (issue 14): the values above keep their numbers and ids. */
  WAYMARK_REACH_GROUP_OLDER_PEOPLE,
} WaymarkReachGroup;

#define WAYMARK_REACH_GROUP_N (WAYMARK_REACH_GROUP_OLDER_PEOPLE + 1)

#define WAYMARK_TYPE_REACH_GROUP (waymark_reach_group_get_type ())
GType       waymark_reach_group_get_type  (void) G_GNUC_CONST;
const char *waymark_reach_group_get_label (WaymarkReachGroup group);

#define WAYMARK_TYPE_COST_SOURCE (waymark_cost_source_get_type ())
#define WAYMARK_TYPE_FUNDING_SOURCE (waymark_funding_source_get_type ())
GType waymark_cost_source_get_type    (void) G_GNUC_CONST;
GType waymark_funding_source_get_type (void) G_GNUC_CONST;

const char *waymark_cost_source_get_label    (WaymarkCostSource    source);
const char *waymark_funding_source_get_label (WaymarkFundingSource source);

/* Quantities are whole numbers up to this. */
#define WAYMARK_PLAN_MAX_QUANTITY 1000000
/* No unit cost entered yet. */
#define WAYMARK_NO_COST ((gint64) -1)

#define WAYMARK_TYPE_PLAN_ITEM (waymark_plan_item_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkPlanItem, waymark_plan_item, WAYMARK, PLAN_ITEM, GObject)

/* One intervention in a plan, with the volume and cost a commissioner chose. What the catalogue
 * says about the intervention is copied in when the item is made, so an item whose intervention
 * is missing from the catalogue in use keeps it (and says it is missing). Edit the writable
 * properties through WaymarkPlan so every change can be undone. */
WaymarkPlanItem    *waymark_plan_item_new_for_intervention (WaymarkIntervention *intervention);

/* An item for one of the plan's local services (issue 15): its name and what it describes are
 * the service's, its unit, unit cost (a local quote) and provider start as the service gives
 * them; it has no evidence or impact rating, its LLR status is unknown, and it is marked
 * "Local: not rated by the review" wherever it is written. Add the service to the plan first. */
WaymarkPlanItem    *waymark_plan_item_new_for_local_service (WaymarkLocalService *service);
/* TRUE for an item of a local service; the id is then the service's. */
gboolean            waymark_plan_item_get_local_service    (WaymarkPlanItem *self);

const char         *waymark_plan_item_get_intervention_id  (WaymarkPlanItem *self);
const char         *waymark_plan_item_get_name             (WaymarkPlanItem *self);
WaymarkLevel        waymark_plan_item_get_levels           (WaymarkPlanItem *self);
WaymarkFocus        waymark_plan_item_get_focus            (WaymarkPlanItem *self);
WaymarkWorksWith    waymark_plan_item_get_works_with       (WaymarkPlanItem *self);
WaymarkRating       waymark_plan_item_get_evidence_rating  (WaymarkPlanItem *self);
WaymarkRating       waymark_plan_item_get_impact_rating    (WaymarkPlanItem *self);
WaymarkLlrStatus    waymark_plan_item_get_llr_status       (WaymarkPlanItem *self);
gboolean            waymark_plan_item_get_for_young_people (WaymarkPlanItem *self);
/* The review's headline cost, as published (any currency); NULL when none. */
const WaymarkCost  *waymark_plan_item_get_published_cost   (WaymarkPlanItem *self);
gboolean            waymark_plan_item_get_missing          (WaymarkPlanItem *self);

guint               waymark_plan_item_get_quantity         (WaymarkPlanItem *self);
const char         *waymark_plan_item_get_unit             (WaymarkPlanItem *self);
/* "40 perpetrators", "1 perpetrator": the unit Waymark took from the review's basis is in the
 * singular for one; a unit the person typed is shown as typed. */
char               *waymark_plan_item_dup_quantity_text    (WaymarkPlanItem *self);
/* Pence; WAYMARK_NO_COST until a figure in pounds is known. */
gint64              waymark_plan_item_get_unit_cost        (WaymarkPlanItem *self);
gint64              waymark_plan_item_get_unit_cost_high   (WaymarkPlanItem *self);
WaymarkCostSource   waymark_plan_item_get_cost_source      (WaymarkPlanItem *self);
WaymarkFundingSource waymark_plan_item_get_funding_source  (WaymarkPlanItem *self);
/* The name of a local funding stream, as the commissioner gives it, for a funding source of
 * WAYMARK_FUNDING_SOURCE_OTHER (issue 14); "" for none. */
const char         *waymark_plan_item_get_funding_name     (WaymarkPlanItem *self);
const char         *waymark_plan_item_get_provider         (WaymarkPlanItem *self);
const char         *waymark_plan_item_get_notes            (WaymarkPlanItem *self);
/* The people the item reaches a year, a local figure: 0 until the commissioner records one. */
guint               waymark_plan_item_get_reach            (WaymarkPlanItem *self);
WaymarkReachGroup   waymark_plan_item_get_reach_group      (WaymarkPlanItem *self);
/* Where the reach figure came from: who gave it, when, from what (the commissioner's words). */
const char         *waymark_plan_item_get_reach_source     (WaymarkPlanItem *self);

gboolean            waymark_plan_item_has_cost             (WaymarkPlanItem *self);
/* quantity x unit cost, low and high; FALSE when there is no cost or it would overflow. */
gboolean            waymark_plan_item_get_line_total       (WaymarkPlanItem *self,
                                                            gint64          *low,
                                                            gint64          *high);
/* Computed: the year's line total (quantity x unit cost) divided by the people reached a year,
 * in pence rounded to the nearest penny (half a penny up), low and high. FALSE when the item has
 * no cost or no reach recorded. */
gboolean            waymark_plan_item_get_cost_per_person  (WaymarkPlanItem *self,
                                                            gint64          *low,
                                                            gint64          *high);

/* The years after the first that have figures of their own, borrowed; NULL when every year
 * follows the first (the item's quantity and unit cost). */
WaymarkYearFigures *waymark_plan_item_get_year_figures     (WaymarkPlanItem *self);
/* The quantity and unit cost entered for year index (0 is the first): the year's own, else the
 * first year's. Local or review figures as entered, before any uplift
 * (waymark_plan_get_item_year() gives what a year costs). */
void                waymark_plan_item_get_year_entered     (WaymarkPlanItem *self,
                                                            guint            index,
                                                            guint           *quantity,
                                                            gint64          *unit_low,
                                                            gint64          *unit_high);

G_END_DECLS
