/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-plan.h"

G_BEGIN_DECLS

/* The plan's insides, shared by the files that make it: waymark-plan.c (the object: its details
 * as properties, its items as a list model, notifications, loading), waymark-plan-history.c
 * (every edit as one undoable step; undo, redo and the modified state) and
 * waymark-plan-summary.c (totals, breakdowns and warnings, read-only). The plan reader and the
 * tests include it for the loading functions below. */
struct _WaymarkPlan
{
  GObject parent_instance;

  char       *title;
  char       *area;
  char       *organisation;
  char       *author;
  guint       start_year;
  guint       years;
  gint64      budget;
  WaymarkYearKind year_kind;
  guint       uplift;      /* basis points a year, on local costs */
  char      **dismissed_warnings;
  WaymarkLocalNeeds *local_needs;  /* never NULL */
  /* The options appraisal (issue 15), never NULL; edited in place, each change recorded as one
   * undoable step whose before is appraisal_snapshot, the state after the last step. */
  WaymarkAppraisal  *appraisal;
  WaymarkAppraisal  *appraisal_snapshot;

  /* The commissioner's services the review does not describe (WaymarkLocalService, issue 15);
   * each add, edit or removal is one undoable step. */
  GListStore *local_services;

  /* The decision record (WaymarkDecision), oldest first; a step appends its entries when done
   * and takes them off the end when undone. */
  GListStore *decisions;
  WaymarkPlanClock clock;
  gpointer         clock_data;

  GPtrArray  *items;
  GPtrArray  *undo;   /* Step (waymark-plan-history.c) */
  GPtrArray  *redo;   /* Step (waymark-plan-history.c) */
  /* The undo depth at the last save; -1 when that state can no longer be reached. */
  int         saved_depth;
  GDateTime  *changed_at;
  /* While undo, redo or loading puts an appraisal back: its "changed" records no step. */
  gboolean    restoring_appraisal;
};

/* waymark-plan-history.c: makes the empty undo and redo lists, for waymark_plan_init(). */
void waymark_plan_init_history    (WaymarkPlan *self);

/* waymark-plan-history.c: records the appraisal's change (from the snapshot to what it holds now)
 * as one undoable step, for the plan's handler of the appraisal's "changed". */
void waymark_plan_record_appraisal_change (WaymarkPlan *self);

/* waymark-plan.c, for the history: after a step is done, undone or redone, given whether the
 * plan could undo, could redo and was modified before it, notifies those that changed and
 * emits "changed". */
void waymark_plan_notify_state    (WaymarkPlan *self,
                                   gboolean     could_undo,
                                   gboolean     could_redo,
                                   gboolean     was_modified);
void waymark_plan_notify_modified (WaymarkPlan *self);

/* For the plan reader: fills a new plan without recording undo steps. */
void waymark_plan_load_details (WaymarkPlan        *self,
                                const char         *title,
                                const char         *area,
                                const char         *organisation,
                                const char         *author,
                                guint               start_year,
                                guint               years,
                                gint64              budget,
                                const char * const *dismissed,
                                GDateTime          *changed_at);
/* Version 3 and later: how the years run and the uplift (a plan before runs in calendar years
 * without one). */
void waymark_plan_load_years   (WaymarkPlan        *self,
                                WaymarkYearKind     year_kind,
                                guint               uplift);
void waymark_plan_load_item    (WaymarkPlan        *self,
                                WaymarkPlanItem    *item);
void waymark_plan_load_local_needs (WaymarkPlan       *self,
                                    WaymarkLocalNeeds *needs);
/* Appends a local service, without an undo step; the reader has checked its id. */
void waymark_plan_load_local_service (WaymarkPlan         *self,
                                      WaymarkLocalService *service);
/* waymark-plan-history.c: makes the items for the local service at position say what it says
 * (name, levels, focus, who it works with, under-25s), after it was replaced. */
void waymark_plan_refresh_local_items (WaymarkPlan         *self,
                                       WaymarkLocalService *service);
/* Makes the plan's appraisal hold what appraisal holds, without an undo step. */
void waymark_plan_load_appraisal   (WaymarkPlan       *self,
                                    WaymarkAppraisal  *appraisal);

/* Appends an entry read from a file, without an undo step. */
void waymark_plan_load_decision    (WaymarkPlan       *self,
                                    WaymarkDecision   *decision);

/* waymark-plan-decisions.c: the entries a change makes, at time, appended to out (each owned);
 * called before the change is done, so the plan still shows what was. */
void waymark_plan_describe_appraisal     (WaymarkPlan       *self,
                                          WaymarkAppraisal  *before,
                                          WaymarkAppraisal  *after,
                                          GDateTime         *time,
                                          GPtrArray         *out);
void waymark_plan_describe_items         (WaymarkPlan       *self,
                                          GPtrArray         *items,
                                          gboolean           added,
                                          GDateTime         *time,
                                          GPtrArray         *out);
/* Only a change of quantity makes an entry (the cost has its own, below). */
void waymark_plan_describe_item_change   (WaymarkPlan       *self,
                                          WaymarkPlanItem   *item,
                                          const char        *property,
                                          const GValue      *before,
                                          const GValue      *after,
                                          GDateTime         *time,
                                          GPtrArray         *out);
/* One entry for an item's unit cost, its low and high figures before and after. */
void waymark_plan_describe_item_cost     (WaymarkPlan       *self,
                                          WaymarkPlanItem   *item,
                                          gint64             low_before,
                                          gint64             high_before,
                                          gint64             low_after,
                                          gint64             high_after,
                                          GDateTime         *time,
                                          GPtrArray         *out);
/* One entry for each later year whose quantity, and one for each whose unit cost, as entered,
 * changes: the first year's quantity, low and high cost and the figures of the later years,
 * before [0] and after [1]. */
void waymark_plan_describe_item_years    (WaymarkPlan         *self,
                                          WaymarkPlanItem     *item,
                                          const guint          quantity[2],
                                          const gint64         low[2],
                                          const gint64         high[2],
                                          WaymarkYearFigures  *figures[2],
                                          GDateTime           *time,
                                          GPtrArray           *out);
void waymark_plan_describe_local_service (WaymarkPlan         *self,
                                          WaymarkLocalService *before,
                                          WaymarkLocalService *after,
                                          GDateTime           *time,
                                          GPtrArray           *out);
/* waymark-plan.c: now, from the plan's clock. */
GDateTime *waymark_plan_now              (WaymarkPlan       *self);

G_END_DECLS
