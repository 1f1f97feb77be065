/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-appraisal.h"
#include "waymark-catalogue.h"
#include "waymark-decision.h"
#include "waymark-local-needs.h"
#include "waymark-local-service.h"
#include "waymark-plan-item.h"

G_BEGIN_DECLS

#define WAYMARK_PLAN_DEFAULT_AREA "Leicester, Leicestershire and Rutland"
#define WAYMARK_PLAN_MAX_YEARS 10

/* Money for a plan, or for one of its years (waymark_plan_get_year_totals()); every figure in
 * pence. Quantities and unit costs are per year and may differ from year to year (issue 16).
 * For the whole plan (waymark_plan_get_totals()): annual_low/high are the first year's,
 * total_low/high the sum of every year's, remaining against the whole budget; n_without_cost
 * the items without a unit cost in at least one year. For one year: annual and total are that
 * year's, remaining against budget_per_year. */
typedef struct
{
  gint64   annual_low;
  gint64   annual_high;
  gint64   total_low;
  gint64   total_high;
  /* budget - total: negative when over budget; low uses the high total (the worst case). */
  gint64   remaining_low;
  gint64   remaining_high;
  gint64   budget_per_year;
  guint    n_items;
  guint    n_without_cost;
  gboolean overflow;
  /* When overflow: the item whose line total in a year, or whose adding to a year's total, was
   * too large to calculate; WAYMARK_PLAN_OVERFLOW_YEARS when adding up the years was. */
  guint    overflow_item;
} WaymarkPlanTotals;

#define WAYMARK_PLAN_OVERFLOW_YEARS G_MAXUINT

typedef enum
{
  WAYMARK_BREAKDOWN_LEVEL,
  WAYMARK_BREAKDOWN_FOCUS,
  WAYMARK_BREAKDOWN_WORKS_WITH,
  WAYMARK_BREAKDOWN_EVIDENCE,
  WAYMARK_BREAKDOWN_FUNDING,
} WaymarkBreakdownKind;

/* One slice of spend. key is the machine string ("primary", "sv", "perpetrators", "high",
 * "none" for unrated); label is for people. A local funding stream's slice has the key
 * "other:" and its name, and its name as the label: both owned by the slice (owned_key,
 * owned_label), freed with the array. */
typedef struct
{
  const char *key;
  const char *label;
  gint64      low;
  gint64      high;
  guint       n_items;
  char       *owned_key;
  char       *owned_label;
} WaymarkBreakdownSlice;

typedef enum
{
  WAYMARK_WARNING_NO_PRIMARY,
  WAYMARK_WARNING_NO_PERPETRATORS,
  WAYMARK_WARNING_NO_YOUNG_PEOPLE,
  WAYMARK_WARNING_NO_SEXUAL_VIOLENCE,
  WAYMARK_WARNING_LOW_EVIDENCE_LOW_IMPACT,
  WAYMARK_WARNING_ALREADY_IN_PLACE,
  WAYMARK_WARNING_NO_COST,
  WAYMARK_WARNING_MISSING_FROM_CATALOGUE,
  WAYMARK_WARNING_OVER_BUDGET,
  WAYMARK_WARNING_MAY_EXCEED_BUDGET,
  WAYMARK_WARNING_FUNDING_PERIOD,
  WAYMARK_WARNING_FUNDING_PURPOSE,
  /* Appended (issue 14); listed with the other gaps in the plan. */
  WAYMARK_WARNING_NO_OLDER_PEOPLE,
} WaymarkWarningKind;

#define WAYMARK_TYPE_WARNING_KIND (waymark_warning_kind_get_type ())
GType waymark_warning_kind_get_type (void) G_GNUC_CONST;

typedef struct
{
  WaymarkWarningKind  kind;
  /* Stable: "no-primary", "already-in-place:iris"; what a dismissal remembers. */
  char               *id;
  char               *message;
  /* The intervention ids it names; empty for a gap in the plan. */
  char              **items;
  gboolean            dismissed;
  /* Where the warning rests on the review: its words, exactly, and the heading they are under,
   * exactly. NULL for a warning that is Waymark's arithmetic on the plan (over budget) or about
   * one item's data. */
  char               *quote;
  char               *section;
} WaymarkPlanWarning;

void waymark_plan_warning_free (WaymarkPlanWarning *warning);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkPlanWarning, waymark_plan_warning_free)

#define WAYMARK_TYPE_PLAN (waymark_plan_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkPlan, waymark_plan, WAYMARK, PLAN, GObject)

/* A draft commissioning plan: details, and a GListModel of WaymarkPlanItem. Every change goes
 * through the plan so it can be undone; "changed" is emitted after each one. */
WaymarkPlan     *waymark_plan_new                 (void);

const char      *waymark_plan_get_title           (WaymarkPlan *self);
const char      *waymark_plan_get_area            (WaymarkPlan *self);
const char      *waymark_plan_get_organisation    (WaymarkPlan *self);
const char      *waymark_plan_get_author          (WaymarkPlan *self);
guint            waymark_plan_get_start_year      (WaymarkPlan *self);
guint            waymark_plan_get_years           (WaymarkPlan *self);
gint64           waymark_plan_get_budget          (WaymarkPlan *self);
/* How the plan's years run (property "year-kind"); FINANCIAL for a new plan, CALENDAR for a
 * plan file from before issue 16. */
WaymarkYearKind  waymark_plan_get_year_kind       (WaymarkPlan *self);
/* The plan's annual uplift on local costs, a local figure, in basis points (250 = 2.5% a year);
 * 0 for none (the default). Property "uplift", at most WAYMARK_UPLIFT_MAX. Never applied to a
 * review figure: year i (0 is the first) of an item whose cost source is a local quote or an
 * estimate costs its unit cost as entered x (1 + uplift / 10000)^i, rounded to the penny (half
 * up), worked out in integers (waymark_money_uplift()). */
guint            waymark_plan_get_uplift          (WaymarkPlan *self);
/* Year index 0 .. years-1: "2026/27" (financial, start year 2026) or "2026" (calendar). */
char            *waymark_plan_dup_year_label      (WaymarkPlan *self,
                                                   guint        index);
/* The same for a column name or id: "2026_27" or "2026". */
char            *waymark_plan_dup_year_id         (WaymarkPlan *self,
                                                   guint        index);
const char * const *waymark_plan_get_dismissed_warnings (WaymarkPlan *self);
/* The commissioner's counts of the people in need, by reach group (local figures); never NULL. */
WaymarkLocalNeeds *waymark_plan_get_local_needs   (WaymarkPlan *self);
/* The people in need in group as the commissioner records them, 0 for none; *source, borrowed
 * until the plan next changes, where the figure came from. */
guint            waymark_plan_get_local_need      (WaymarkPlan        *self,
                                                   WaymarkReachGroup   group,
                                                   const char        **source);
/* The plan's options appraisal (long list, criteria, weights, scores); never NULL, the same
 * object for the plan's life. Each change made to it is one undoable edit of the plan. */
WaymarkAppraisal *waymark_plan_get_appraisal      (WaymarkPlan *self);
/* The commissioner's local services (WaymarkLocalService), in the order added; borrowed, the
 * same model for the plan's life (also the "local-services" property). */
GListModel      *waymark_plan_get_local_services  (WaymarkPlan *self);
/* The local service with this id, borrowed, or NULL; *position where it is. */
WaymarkLocalService *waymark_plan_find_local_service (WaymarkPlan *self,
                                                   const char  *id,
                                                   guint       *position);
/* The plan's local services that no item of the plan is for (imported ones, say), in the plan's
 * order: a new array of new references. */
GPtrArray       *waymark_plan_dup_local_services_without_item (WaymarkPlan *self);
WaymarkPlanItem *waymark_plan_find_item           (WaymarkPlan *self,
                                                   const char  *intervention_id,
                                                   guint       *position);

/* Sets properties of the plan or of one of its items as one undoable edit:
 * waymark_plan_edit (plan, item, "quantity", 40, "provider", "Respect", NULL). */
void             waymark_plan_edit                (WaymarkPlan *self,
                                                   gpointer     target,
                                                   const char  *first_property,
                                                   ...) G_GNUC_NULL_TERMINATED;
/* Sets a unit cost in pence; high below low is raised to low. WAYMARK_NO_COST clears it. */
void             waymark_plan_set_item_cost       (WaymarkPlan     *self,
                                                   WaymarkPlanItem *item,
                                                   gint64           low,
                                                   gint64           high,
                                                   WaymarkCostSource source);
/* Per-year edits (issue 16), each one undoable step. index 0 is the first year: its figures
 * are the item's own quantity and unit cost, which the later years without figures of their
 * own follow; changing them here leaves the other years as they were. A unit cost as in
 * waymark_plan_set_item_cost() (WAYMARK_NO_COST for none); the cost source stays the item's.
 * Changing the plan's "years" keeps what the kept years had, and new years copy the last. */
void             waymark_plan_set_item_year_quantity (WaymarkPlan     *self,
                                                   WaymarkPlanItem *item,
                                                   guint            index,
                                                   guint            quantity);
void             waymark_plan_set_item_year_cost  (WaymarkPlan     *self,
                                                   WaymarkPlanItem *item,
                                                   guint            index,
                                                   gint64           low,
                                                   gint64           high);
/* "Apply to all years": every year of item gets year index's quantity and unit cost as
 * entered (the uplift still applies to each year), in one step. */
void             waymark_plan_apply_year_to_all   (WaymarkPlan     *self,
                                                   WaymarkPlanItem *item,
                                                   guint            index);
void             waymark_plan_set_year_kind       (WaymarkPlan     *self,
                                                   WaymarkYearKind  kind);
void             waymark_plan_set_uplift          (WaymarkPlan     *self,
                                                   guint            basis_points);

void             waymark_plan_add_item            (WaymarkPlan     *self,
                                                   WaymarkPlanItem *item);
/* Appends several (WaymarkPlanItem, none in the plan yet) as one undoable edit. An item for a
 * local service needs the service in the plan first (waymark_plan_add_local_service()). */
void             waymark_plan_add_items           (WaymarkPlan     *self,
                                                   GPtrArray       *items);
void             waymark_plan_remove_item         (WaymarkPlan     *self,
                                                   guint            position);
void             waymark_plan_dismiss_warning     (WaymarkPlan     *self,
                                                   const char      *warning_id);
/* Records the people in need in group a year (local) and where the figure came from, as one
 * undoable edit; 0 removes the figure. Not for WAYMARK_REACH_GROUP_UNSPECIFIED. */
void             waymark_plan_set_local_need      (WaymarkPlan      *self,
                                                   WaymarkReachGroup group,
                                                   guint             people,
                                                   const char       *source);

/* Adds a local service as one undoable edit. Refused (WAYMARK_LOCAL_SERVICE_ERROR_DUPLICATE_ID)
 * when its id is another local service's, an item's in the plan, or an intervention's in
 * catalogue (may be NULL). */
gboolean         waymark_plan_add_local_service   (WaymarkPlan         *self,
                                                   WaymarkLocalService *service,
                                                   WaymarkCatalogue    *catalogue,
                                                   GError             **error);
/* Replaces the local service of the same id as one undoable edit; the plan's item for it, if
 * any, then says what the new one says (its name, levels...), while its quantity, cost and the
 * rest stay the commissioner's. Refused when no local service has that id. */
gboolean         waymark_plan_replace_local_service (WaymarkPlan         *self,
                                                   WaymarkLocalService *service,
                                                   GError             **error);
/* Removes the local service with this id as one undoable edit; refused
 * (WAYMARK_LOCAL_SERVICE_ERROR_IN_USE) while an item of the plan is for it. */
gboolean         waymark_plan_remove_local_service (WaymarkPlan        *self,
                                                   const char          *id,
                                                   GError             **error);

/* Adds an item for the plan's local service with this id (an imported one, say) as one undoable
 * edit, recorded as any item added; the item takes what it describes from the service. Refused,
 * with nothing changed, when the plan has no local service with that id
 * (WAYMARK_LOCAL_SERVICE_ERROR_INVALID) or has an item for it already
 * (WAYMARK_LOCAL_SERVICE_ERROR_IN_USE). */
gboolean         waymark_plan_add_local_service_item (WaymarkPlan      *self,
                                                   const char          *id,
                                                   GError             **error);

/* Adds the local services of a file (a GListModel of WaymarkLocalService, as
 * waymark_local_services_new_from_file() gives) as one undoable edit, with an entry of the
 * decision record for each. One the plan has already, the same in every field, is skipped; a
 * different one with the same id, an id of an item of the plan or of an intervention in
 * catalogue (may be NULL), or more than WAYMARK_LOCAL_SERVICE_MAX_N in all, is refused with a
 * WAYMARK_LOCAL_SERVICE_ERROR naming display_name, the service's place in the file and its id,
 * and then none is added. *n_added (may be NULL): how many were added; with 0, no step. */
gboolean         waymark_plan_import_local_services (WaymarkPlan       *self,
                                                   GListModel          *services,
                                                   WaymarkCatalogue    *catalogue,
                                                   const char          *display_name,
                                                   guint               *n_added,
                                                   GError             **error);

/* The decision record (WaymarkDecision), oldest first; borrowed, the same model for the plan's
 * life (also the "decisions" property). The plan appends to it itself, in the same undoable step
 * as each change of the appraisal, each item added or removed, each change of an item's quantity
 * or cost, and each local service added, edited or removed. */
GListModel      *waymark_plan_get_decisions       (WaymarkPlan *self);
/* Gives the entry at position the commissioner's reason and a citation of the review (a section
 * heading of catalogue's, "" for none), as one undoable edit; refused, with nothing changed, for a
 * heading the review does not have or a reason that is not one line. */
gboolean         waymark_plan_note_decision       (WaymarkPlan       *self,
                                                   guint              position,
                                                   const char        *reason,
                                                   const char        *review_section,
                                                   WaymarkCatalogue  *catalogue,
                                                   GError           **error);
/* What gives the decision record its times: the current time (UTC) by default; tests give their
 * own so the record is the same on every run. clock returns a new GDateTime. */
typedef GDateTime *(*WaymarkPlanClock) (gpointer user_data);
void             waymark_plan_set_clock           (WaymarkPlan       *self,
                                                   WaymarkPlanClock   clock,
                                                   gpointer           user_data);

gboolean         waymark_plan_can_undo            (WaymarkPlan *self);
gboolean         waymark_plan_can_redo            (WaymarkPlan *self);
void             waymark_plan_undo                (WaymarkPlan *self);
void             waymark_plan_redo                (WaymarkPlan *self);
/* Whether there are changes since the plan was made, opened or last marked saved. */
gboolean         waymark_plan_get_modified        (WaymarkPlan *self);
void             waymark_plan_mark_saved          (WaymarkPlan *self);
/* When the plan last changed (UTC); what exports record as exported_at. */
GDateTime       *waymark_plan_get_changed_at      (WaymarkPlan *self);

void             waymark_plan_get_totals          (WaymarkPlan       *self,
                                                   WaymarkPlanTotals *totals);
/* One item's figures in one year. */
typedef struct
{
  guint    quantity;     /* as entered for that year (local) */
  gint64   unit_low;     /* pence, that year's unit cost, after the uplift where it applies */
  gint64   unit_high;
  gint64   line_low;     /* computed: quantity x unit */
  gint64   line_high;
  gboolean has_cost;     /* FALSE: no cost; the money fields are 0 */
  gboolean uplifted;     /* the unit cost includes the plan's uplift (a local cost, year > 0, uplift > 0) */
  gboolean overflow;     /* too large to calculate; the money fields are 0 */
} WaymarkItemYear;

void             waymark_plan_get_item_year       (WaymarkPlan       *self,
                                                   WaymarkPlanItem   *item,
                                                   guint              index,
                                                   WaymarkItemYear   *year);
/* Totals of one year: annual_low/high and total_low/high are that year's; remaining against
 * budget_per_year; n_without_cost, overflow as for the plan. */
void             waymark_plan_get_year_totals     (WaymarkPlan       *self,
                                                   guint              index,
                                                   WaymarkPlanTotals *totals);
/* The index of waymark_plan_get_breakdown_for_year() meaning the whole plan: every year's. */
#define WAYMARK_PLAN_ALL_YEARS G_MAXUINT

/* Spend by kind in one year (index 0 is the first), or over the plan with
 * WAYMARK_PLAN_ALL_YEARS: the sum of each item's line totals of every year, the uplift included
 * (computed). Element type WaymarkBreakdownSlice, in a fixed order with empty slices kept; for
 * funding, then one slice per named local stream, in the order the plan first names it; for
 * evidence, then one slice "local" for the items of local services, when the plan has any (they
 * are not the review's, so neither rated nor "not rated" by it). An item without a cost, or whose
 * figures are too large to add up, counts in n_items and adds nothing. */
GArray          *waymark_plan_get_breakdown_for_year (WaymarkPlan          *self,
                                                   WaymarkBreakdownKind  kind,
                                                   guint                 index);
/* The first year's spend by kind: waymark_plan_get_breakdown_for_year (self, kind, 0). A plan of
 * one year spends it all then; for more, the plan's spend is WAYMARK_PLAN_ALL_YEARS'. */
GArray          *waymark_plan_get_breakdown       (WaymarkPlan          *self,
                                                   WaymarkBreakdownKind  kind);
/* Element type WaymarkPlanWarning: the budget, the gaps in the plan, then single items' warnings
 * by kind. */
GPtrArray       *waymark_plan_list_warnings       (WaymarkPlan *self);

/* The people the plan reaches a year, by who they are (issue 14): local figures, summed. */
typedef struct
{
  WaymarkReachGroup group;
  guint64           people;
  guint             n_items;
} WaymarkReachSlice;

/* One slice per group that has a reach recorded, in the groups' order (WaymarkReachSlice);
 * *n_without: the items with no reach recorded. */
GArray          *waymark_plan_get_reach           (WaymarkPlan *self,
                                                   guint       *n_without);

/* How much of the need the plan meets, for one group: the people reached (local, the plan's),
 * against the review's count of the people in need in that group and area, where the review
 * gives one; where it does not, against the commissioner's own count (local), where the plan
 * records one. A review figure is never replaced by a local one. Where the review gives only a
 * ratio, that ratio is given beside. Which review figure stands for which group is Waymark's
 * reading, said in `reading`. */
typedef struct
{
  WaymarkReachGroup          group;
  guint64                    reached;
  guint                      n_items;
  const WaymarkContextEntry *need;         /* review: a count of people; NULL when none */
  guint64                    need_people;  /* the count used: need's value, or local_need */
  const WaymarkContextEntry *benchmark;    /* review: a ratio only; NULL when none */
  const char                *reading;      /* Waymark's: what the comparison assumes; translated */
  gint64                     basis_points; /* computed: reached ÷ need × 10,000, rounded half
                                            * up; -1 without a need */
  guint64                    local_need;   /* local: the plan's count for the group; 0: none */
  char                      *local_source; /* local_need's source (owned by the array) */
  gboolean                   need_is_local;/* basis_points is against local_need, as the review
                                            * gives no count for the group */
} WaymarkCoverage;

/* One WaymarkCoverage per group with a reach recorded, in the groups' order; the review's
 * figures come from `catalogue` (NULL: no need or benchmark). The array frees its rows' text. */
GArray          *waymark_plan_get_coverage        (WaymarkPlan      *self,
                                                   WaymarkCatalogue *catalogue);

G_END_DECLS
