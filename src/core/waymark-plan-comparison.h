/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-catalogue.h"
#include "waymark-plan.h"

G_BEGIN_DECLS

/* Two to four plans side by side (issue 17), worked out afresh from the plans each time it is
 * made and never stored, so it cannot go stale: their totals per year and over the plan, budget
 * and what is left, items without a cost; their balance (spend and share by level, focus, who it
 * works with, evidence rating and funding stream); reach, cost per person and coverage where they
 * record them; the warnings each raises and which of the others' it clears; the items in every
 * plan or only in some, with the difference in money from the first plan; and the marks
 * "differs", "lowest cost" and "strongest evidence mix", each stated in words.
 *
 * Every figure is computed from the plans' own (local) figures and the review's costs as the
 * plans carry them; none is converted or inflated here. */

#define WAYMARK_PLAN_COMPARISON_MIN 2
#define WAYMARK_PLAN_COMPARISON_MAX 4

typedef enum
{
  WAYMARK_PLAN_SECTION_TOTALS,
  WAYMARK_PLAN_SECTION_YEARS,
  WAYMARK_PLAN_SECTION_LEVEL,
  WAYMARK_PLAN_SECTION_FOCUS,
  WAYMARK_PLAN_SECTION_WORKS_WITH,
  WAYMARK_PLAN_SECTION_EVIDENCE,
  WAYMARK_PLAN_SECTION_FUNDING,
  WAYMARK_PLAN_SECTION_REACH,
} WaymarkPlanSection;

typedef enum
{
  WAYMARK_PLAN_UNIT_MONEY,         /* pence */
  WAYMARK_PLAN_UNIT_COUNT,         /* items, years */
  WAYMARK_PLAN_UNIT_PEOPLE,
  WAYMARK_PLAN_UNIT_BASIS_POINTS,  /* hundredths of a per cent: a share or a coverage */
} WaymarkPlanUnit;

typedef enum
{
  WAYMARK_PLAN_VALUE_KNOWN,
  WAYMARK_PLAN_VALUE_NOT_COVERED,   /* the plan does not run in that year */
  WAYMARK_PLAN_VALUE_NOT_RECORDED,  /* the plan records nothing to work it out from */
  WAYMARK_PLAN_VALUE_OVERFLOW,      /* too large to calculate */
} WaymarkPlanValueState;

typedef struct
{
  WaymarkPlanValueState state;
  gint64                low;
  gint64                high;
  /* A coverage against the plan's own count of need (local), as the review gives none. */
  gboolean              local_need;
} WaymarkPlanValue;

typedef struct
{
  WaymarkPlanSection  section;
  char               *id;       /* "total", "year:2026/27:total", "level:primary:share" */
  char               *label;    /* for people; translated */
  WaymarkPlanUnit     unit;
  const char         *kind;     /* "local" (as the commissioner entered it) or "computed" */
  WaymarkPlanValue   *values;   /* one per plan */
  gboolean            range;    /* some plan's low and high differ */
  gboolean            differs;  /* the plans' figures are not all the same */
} WaymarkPlanMeasure;

typedef struct
{
  char      *id;                /* "no-primary", "no-cost:iris" */
  char     **messages;          /* one per plan, NULL where that plan does not raise it */
  gboolean  *dismissed;         /* one per plan: raised, and dismissed by the commissioner */
  guint      n_raised;
  guint      n_plans;           /* the length of messages and dismissed */
} WaymarkPlanWarningRow;

typedef struct
{
  gboolean present;
  guint    quantity;            /* local: as entered (the first year's) */
  gboolean has_cost;
  gint64   unit_low;            /* pence, the first year's (after no uplift: it is year 0) */
  gint64   unit_high;
  gint64   spend_low;           /* computed: the item's spend over the plan, the sum of its
                                 * years (issue 16), each after the uplift where it applies */
  gint64   spend_high;
  gboolean difference_known;    /* both this plan and the first have a cost for it, or lack it */
  gint64   difference_low;      /* computed: spend minus the first plan's (absent: 0) */
  gint64   difference_high;
} WaymarkPlanItemCell;

typedef struct
{
  char                *id;
  char                *name;
  WaymarkPlanItemCell *cells;   /* one per plan */
  guint                n_plans_with;
  gboolean             in_every_plan;
  /* In some plans only, or in all with a different quantity or unit cost. */
  gboolean             differs;
} WaymarkPlanItemRow;

typedef struct
{
  guint                n_plans;
  char               **names;       /* display names, made unique: "Plan (2)" */
  guint               *years;
  /* Every year label any plan covers, in order (strcmp): "2026/27", "2027/28". */
  char               **year_labels;
  GPtrArray           *measures;    /* WaymarkPlanMeasure, by section */
  GPtrArray           *warnings;    /* WaymarkPlanWarningRow, in the first plan's order, then the
                                     * others' new ones */
  GPtrArray           *items;       /* WaymarkPlanItemRow, the same order */

  /* Lowest cost: the lowest total over the plan (its lower figure, then its higher). */
  gboolean            *lowest_cost;
  char                *lowest_cost_words;
  /* Strongest evidence mix: the largest share of spend over the plan on interventions the review
   * rates HIGH for evidence, at the lower costs (basis points; -1 where the plan has no costed
   * spend). */
  gint64              *high_share;
  gboolean            *strongest_evidence;
  char                *strongest_evidence_words;
} WaymarkPlanComparison;

/* A plan's display name: its title, or the file's name when it has none, or "Untitled plan". */
char                  *waymark_plan_comparison_display_name (WaymarkPlan           *plan,
                                                             GFile                 *file);

/* The title of a scenario of a plan titled title (issue 17): "Title (scenario B)", with the next
 * letter from B that no title in taken (the open plans') has; a scenario of a scenario is named
 * from the plan it came from ("Title (scenario C)", not "Title (scenario B) (scenario C)"). */
char                  *waymark_plan_comparison_dup_scenario_title (const char         *title,
                                                                   const char * const *taken);

/* plans: 2 to 4; names: their display names (NULL: the titles). catalogue (may be NULL): the
 * review's counts of need, for coverage. */
WaymarkPlanComparison *waymark_plan_comparison_new     (WaymarkPlan          **plans,
                                                        const char * const    *names,
                                                        guint                  n_plans,
                                                        WaymarkCatalogue      *catalogue);
void                   waymark_plan_comparison_free    (WaymarkPlanComparison *self);

/* The measure with this id, or NULL. */
const WaymarkPlanMeasure *waymark_plan_comparison_find (WaymarkPlanComparison *self,
                                                        const char            *id);
/* One plan's figure for people: "£2,970–£4,000", "12.50%", "40", "not covered", "not recorded". */
char                  *waymark_plan_comparison_format_value (const WaymarkPlanMeasure *measure,
                                                             guint                     plan);
/* One plan's cell of an item's row, for people: "quantity 30 at £2,400, £144,000 over the
 * plan", then for any plan but the first the difference from the first: "; −£144,000". */
char                  *waymark_plan_comparison_format_item (const WaymarkPlanItemRow *row,
                                                            guint                     plan);
/* A section's heading, translated. */
const char            *waymark_plan_section_get_label  (WaymarkPlanSection     section);
/* The warnings the others raise that plan does not ("clears"), as rows; free the array only. */
GPtrArray             *waymark_plan_comparison_list_cleared (WaymarkPlanComparison *self,
                                                             guint                  plan);

/* Text for a terminal or a page: every section, one line per plan under each measure. */
char                  *waymark_plan_comparison_to_text (WaymarkPlanComparison *self);
/* RFC 4180, CRLF: measure,unit, then one column per plan headed by its display name; one row per
 * measure (two, ID:low and ID:high, for a range), the marks and warnings, then one row per
 * intervention with the difference in money from the first plan. Money as plain decimals, a
 * share as a plain per cent; an empty cell where a plan has no figure. */
char                  *waymark_plan_comparison_to_csv  (WaymarkPlanComparison *self);
/* As data/plan-format.md describes it. */
char                  *waymark_plan_comparison_to_json (WaymarkPlanComparison *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkPlanComparison, waymark_plan_comparison_free)

G_END_DECLS
