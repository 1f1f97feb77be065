/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "waymark-intervention.h"
#include "waymark-plan.h"

G_BEGIN_DECLS

/* Age groups a commissioner filters by; the LLR VRN's priority is under-25s. */
typedef enum
{
  WAYMARK_AGE_GROUP_CHILDREN     = 1 << 0, /* 0-17 */
  WAYMARK_AGE_GROUP_UNDER_25     = 1 << 1, /* 0-24 */
  WAYMARK_AGE_GROUP_ADULTS       = 1 << 2, /* 18 and over */
} WaymarkAgeGroup;

typedef enum
{
  WAYMARK_SORT_NAME,
  WAYMARK_SORT_LEVEL,
  WAYMARK_SORT_EVIDENCE,
  WAYMARK_SORT_IMPACT,
  WAYMARK_SORT_COST,
  /* The order of the review (and of the catalogue file). */
  WAYMARK_SORT_REVIEW,
} WaymarkSortKey;

/* Where an option stands on the open plan's long list (issue 15): its status there; an item of the
 * plan not on the long list counts as shortlisted, and anything else is not on the long list. */
typedef enum
{
  WAYMARK_OPTION_STATUS_SET_SHORTLISTED       = 1 << WAYMARK_OPTION_STATUS_SHORTLISTED,
  WAYMARK_OPTION_STATUS_SET_NOT_TAKEN_FORWARD = 1 << WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD,
  WAYMARK_OPTION_STATUS_SET_DEFERRED          = 1 << WAYMARK_OPTION_STATUS_DEFERRED,
  WAYMARK_OPTION_STATUS_SET_NOT_ON_LONG_LIST  = 1 << 3,
} WaymarkOptionStatusSet;

#define WAYMARK_TYPE_AGE_GROUP (waymark_age_group_get_type ())
#define WAYMARK_TYPE_SORT_KEY (waymark_sort_key_get_type ())
#define WAYMARK_TYPE_OPTION_STATUS_SET (waymark_option_status_set_get_type ())
GType waymark_age_group_get_type         (void) G_GNUC_CONST;
GType waymark_sort_key_get_type          (void) G_GNUC_CONST;
GType waymark_option_status_set_get_type (void) G_GNUC_CONST;

/* Words for people, translated: "Children (0–17)". One group at a time. */
const char *waymark_age_group_get_label (WaymarkAgeGroup group);

/* The table of the minimum-rating filters (min-evidence, min-impact), in the order offered:
 * none ("Any"), low, moderate, high; each row's value a WaymarkRating, its id the rating's. */
const WaymarkChoice *waymark_criteria_get_minimum_choices (guint *n_choices);

#define WAYMARK_TYPE_CRITERIA (waymark_criteria_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkCriteria, waymark_criteria, WAYMARK, CRITERIA, GObject)

/* What a commissioner is looking for. Within one criterion the chosen values are alternatives
 * (OR); criteria combine with AND; an empty set or 0 means "any". The one implementation of
 * filtering for the CLI and the GUI. Emits "changed" once per real change. */
WaymarkCriteria *waymark_criteria_new                  (void);

WaymarkLevel     waymark_criteria_get_levels           (WaymarkCriteria  *self);
void             waymark_criteria_set_levels           (WaymarkCriteria  *self,
                                                        WaymarkLevel      levels);
WaymarkFocusSet  waymark_criteria_get_focus            (WaymarkCriteria  *self);
void             waymark_criteria_set_focus            (WaymarkCriteria  *self,
                                                        WaymarkFocusSet   focus);
WaymarkWorksWith waymark_criteria_get_works_with       (WaymarkCriteria  *self);
void             waymark_criteria_set_works_with       (WaymarkCriteria  *self,
                                                        WaymarkWorksWith  works_with);
WaymarkRating    waymark_criteria_get_min_evidence     (WaymarkCriteria  *self);
void             waymark_criteria_set_min_evidence     (WaymarkCriteria  *self,
                                                        WaymarkRating     rating);
WaymarkRating    waymark_criteria_get_min_impact       (WaymarkCriteria  *self);
void             waymark_criteria_set_min_impact       (WaymarkCriteria  *self,
                                                        WaymarkRating     rating);
WaymarkLlrStatusSet waymark_criteria_get_llr_status    (WaymarkCriteria  *self);
void             waymark_criteria_set_llr_status       (WaymarkCriteria  *self,
                                                        WaymarkLlrStatusSet status);
gboolean         waymark_criteria_get_cost_published   (WaymarkCriteria  *self);
void             waymark_criteria_set_cost_published   (WaymarkCriteria  *self,
                                                        gboolean          cost_published);
/* Largest headline unit cost in pence, 0 for any. Only GBP costs can pass a pound limit: a
 * dollar or euro figure is never converted. */
gint64           waymark_criteria_get_max_cost         (WaymarkCriteria  *self);
void             waymark_criteria_set_max_cost         (WaymarkCriteria  *self,
                                                        gint64            max_pence);
WaymarkAgeGroup  waymark_criteria_get_age_groups       (WaymarkCriteria  *self);
void             waymark_criteria_set_age_groups       (WaymarkCriteria  *self,
                                                        WaymarkAgeGroup   groups);
/* The long-list statuses to list; 0 for any. They are read from the plan ("plan"), never looked
 * up: without a plan, every intervention is not on the long list. */
WaymarkOptionStatusSet waymark_criteria_get_option_status (WaymarkCriteria  *self);
void             waymark_criteria_set_option_status    (WaymarkCriteria  *self,
                                                        WaymarkOptionStatusSet status);
/* The open plan, or NULL; not a filter of its own, so reset leaves it. While an option-status
 * filter is set, "changed" is emitted when the plan's items or long list change. */
WaymarkPlan     *waymark_criteria_get_plan             (WaymarkCriteria  *self);
void             waymark_criteria_set_plan             (WaymarkCriteria  *self,
                                                        WaymarkPlan      *plan);
const char      *waymark_criteria_get_search           (WaymarkCriteria  *self);
void             waymark_criteria_set_search           (WaymarkCriteria  *self,
                                                        const char       *search);
void             waymark_criteria_reset                (WaymarkCriteria  *self);
gboolean         waymark_criteria_is_empty             (WaymarkCriteria  *self);

gboolean         waymark_criteria_match                (WaymarkCriteria     *self,
                                                        WaymarkIntervention *intervention);
/* Why the search lists an intervention whose name and summary (what a list row shows) do not
 * hold every search word: the heading, as the detail pane has it, of the first part of the
 * review's text holding the first such word, and a few words either side of it, as written
 * ("…" where cut). FALSE when there is no search, the name and summary hold every word, or no
 * part of the text holds that word. */
gboolean         waymark_criteria_find_in_text         (WaymarkCriteria     *self,
                                                        WaymarkIntervention *intervention,
                                                        const char         **heading,
                                                        char               **excerpt);

/* Strongest first for ratings, cheapest first for cost, then by name; stable and total. */
int              waymark_intervention_compare          (WaymarkIntervention *a,
                                                        WaymarkIntervention *b,
                                                        WaymarkSortKey       key);

G_END_DECLS
