/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-decision-record.h"
#include "waymark-plan-chart.h"
#include "waymark-plan-item-row.h"
#include "waymark-plan-page.h"
#include "waymark-plan-warnings.h"

G_BEGIN_DECLS

/* What the page's own files share (waymark-plan-page.c: the summary, the list and its rows, the
 * layout; waymark-plan-page-focus.c: showing an item, Tab from row to row), and its parts for
 * the UI tests. */

struct _WaymarkPlanPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget           *summary_scroller;
  GtkWidget           *scroller;
  AdwClampScrollable  *clamp;
  GtkListView         *items_view;
  GtkWidget           *summary_column;
  GtkWidget           *charts_part;
  GtkWidget           *warnings_group;
  GtkWidget           *items_heading;
  GtkWidget           *placeholder;
  GtkWidget           *details_group;
  WaymarkDecisionRecord *decision_record;
  GtkWidget           *unplanned_group;
  GtkListBox          *unplanned_list;
  GtkLabel            *total_label;
  GtkLabel            *total_caption;
  GtkLabel            *annual_label;
  GtkLabel            *budget_label;
  GtkLabel            *remaining_label;
  GtkLabel            *no_cost_label;
  GtkLabel            *reach_label;
  GtkWidget           *local_need_box;
  GtkLabel            *charts_caption;
  GtkLabel            *charts_heading;
  WaymarkPlanChart    *level_chart;
  WaymarkPlanChart    *focus_chart;
  WaymarkPlanChart    *works_with_chart;
  WaymarkPlanChart    *evidence_chart;
  WaymarkPlanChart    *funding_chart;
  WaymarkPlanWarnings *warnings;
  AdwEntryRow         *title_row;
  AdwEntryRow         *area_row;
  AdwEntryRow         *organisation_row;
  AdwEntryRow         *author_row;
  GtkSpinButton       *start_year_spin;
  GtkSpinButton       *years_spin;
  AdwEntryRow         *budget_row;
  GtkLabel            *budget_error_label;
  AdwComboRow         *year_kind_row;
  GtkSpinButton       *uplift_spin;
  GtkGrid             *years_table;

  /* Owned */
  WaymarkPlan     *plan;
  WaymarkCatalogue *catalogue;  /* the review's figures for coverage; may be NULL */
  GSignalGroup    *plan_signals;
  /* The list's model is the page's parts before the items, the plan, and the parts after. */
  GListStore      *before;
  GListStore      *after;
  GListStore      *parts;
  /* Which items are open: a row is reused for other items as the list scrolls, so the state
   * lives here, one entry (a reference) for each open item. */
  GHashTable      *expanded;
  /* An item to show once the list has a size to scroll in. */
  WaymarkPlanItem *pending_focus;
  /* Tab presses not yet carried out (GtkDirectionType), the position of the list whose row is
   * awaited (G_MAXUINT for none), and how many frames have passed since the last press. */
  GArray          *tab_presses;
  guint            tab_target;
  guint            tab_frames;
  guint            tab_tick;

  /* One button per reach group to record its local need (none for "not yet said"); the dialog
   * it opens holds its spin button and entry as its "people" and "source" data. */
  GtkButton       *local_need_buttons[WAYMARK_REACH_GROUP_N];
  /* The ids and names the rows of unplanned_list show, so that they are rebuilt only when those
   * change, not on every edit. */
  char            *unplanned_key;

  guint    layout_idle;
  guint    focus_tick;
  gboolean wide;
  gboolean empty;  /* whether the page shows an empty plan */
  gboolean updating;
};

/* On a list item's child: the row it shows (a plan item's), and the list item. */
#define ROW_KEY "waymark-plan-item-row"
/* The GtkListItem a row or part is bound to, for its position in the list. */
#define LIST_ITEM_KEY "waymark-list-item"

void                waymark_plan_page_focus_init    (WaymarkPlanPage *self);
void                waymark_plan_page_focus_dispose (WaymarkPlanPage *self);

/* The page's parts, for the UI tests: they drive these widgets as a person would. */
typedef struct
{
  GtkLabel            *total_label;
  GtkLabel            *total_caption;
  GtkLabel            *annual_label;
  GtkLabel            *budget_label;
  GtkLabel            *remaining_label;
  GtkLabel            *no_cost_label;
  GtkLabel            *reach_label;
  GtkButton          **local_need_buttons;  /* by WaymarkReachGroup; [0] is NULL */
  GtkLabel            *charts_caption;      /* which of the charts' figures are local */
  GtkLabel            *charts_heading;      /* "Spend over the Plan, 2026/27 to 2028/29" */
  WaymarkPlanChart    *level_chart;
  WaymarkPlanChart    *focus_chart;
  WaymarkPlanChart    *works_with_chart;
  WaymarkPlanChart    *evidence_chart;
  WaymarkPlanChart    *funding_chart;
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
  AdwComboRow         *year_kind_row;     /* issue 16 */
  GtkSpinButton       *uplift_spin;       /* in %, the plan's basis points / 100 */
  GtkGrid             *years_table;       /* year, total, budget, remaining; row 0 the headings */
  GtkWidget           *summary_scroller;  /* the summary's column beside the items */
  GtkWidget           *summary_column;
  GtkWidget           *charts_part;       /* in the summary's column, or the list's last part */
  GtkWidget           *placeholder;       /* an empty plan's first steps */
  GtkWidget           *details_group;
  WaymarkDecisionRecord *decision_record;  /* after the details */
  GtkWidget           *unplanned_group;   /* local services with no item, under the items */
  GtkListBox          *unplanned_list;    /* a row each: name, Add to Plan, Edit… */
} WaymarkPlanPageParts;

void                waymark_plan_page_get_parts (WaymarkPlanPage      *self,
                                                 WaymarkPlanPageParts *parts);
/* The row of an item, or NULL: only the rows in sight exist. */
WaymarkPlanItemRow *waymark_plan_page_get_row   (WaymarkPlanPage      *self,
                                                 const char           *intervention_id);

G_END_DECLS
