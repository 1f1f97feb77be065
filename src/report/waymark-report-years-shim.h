/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* TEMPORARY, deleted when task B's per-year API (issue 16, part 1) is merged: the contract's
 * functions (notes/tasks/contract-years.md), answering as a plan of equal years does (every
 * year the same quantity and unit cost, financial years, no uplift), so that the workbook can
 * be written and tested before the real ones reach main. Static, so that the real declarations
 * clash with these at once and this file cannot outlive the merge unnoticed. */

#include <glib/gi18n-lib.h>

#include "waymark-plan.h"

typedef enum { WAYMARK_YEAR_KIND_FINANCIAL, WAYMARK_YEAR_KIND_CALENDAR } WaymarkYearKind;

typedef struct
{
  guint    quantity;
  gint64   unit_low;
  gint64   unit_high;
  gint64   line_low;
  gint64   line_high;
  gboolean has_cost;
  gboolean uplifted;
  gboolean overflow;
} WaymarkItemYear;

static inline const char *
waymark_year_kind_get_id (WaymarkYearKind kind)
{
  return kind == WAYMARK_YEAR_KIND_FINANCIAL ? "financial" : "calendar";
}

static inline const char *
waymark_year_kind_get_label (WaymarkYearKind kind)
{
  return kind == WAYMARK_YEAR_KIND_FINANCIAL ? _("Financial years (April to March)")
                                             : _("Calendar years");
}

static inline WaymarkYearKind
waymark_plan_get_year_kind (WaymarkPlan *self)
{
  return WAYMARK_YEAR_KIND_FINANCIAL;
}

static inline guint
waymark_plan_get_uplift (WaymarkPlan *self)
{
  return 0;
}

static inline char *
waymark_plan_dup_year_label (WaymarkPlan *self,
                             guint        index)
{
  guint year = waymark_plan_get_start_year (self) + index;

  return g_strdup_printf ("%u/%02u", year, (year + 1) % 100);
}

static inline char *
waymark_plan_dup_year_id (WaymarkPlan *self,
                          guint        index)
{
  guint year = waymark_plan_get_start_year (self) + index;

  return g_strdup_printf ("%u_%02u", year, (year + 1) % 100);
}

static inline void
waymark_plan_get_item_year (WaymarkPlan     *self,
                            WaymarkPlanItem *item,
                            guint            index,
                            WaymarkItemYear *year)
{
  memset (year, 0, sizeof *year);
  year->quantity = waymark_plan_item_get_quantity (item);
  year->has_cost = waymark_plan_item_has_cost (item);
  if (!year->has_cost)
    return;
  if (!waymark_plan_item_get_line_total (item, &year->line_low, &year->line_high))
    {
      year->overflow = TRUE;
      year->line_low = year->line_high = 0;
      return;
    }
  year->unit_low = waymark_plan_item_get_unit_cost (item);
  year->unit_high = MAX (waymark_plan_item_get_unit_cost_high (item), year->unit_low);
}

static inline void
waymark_plan_get_year_totals (WaymarkPlan       *self,
                              guint              index,
                              WaymarkPlanTotals *totals)
{
  waymark_plan_get_totals (self, totals);
  totals->total_low = totals->annual_low;
  totals->total_high = totals->annual_high;
  totals->remaining_low = totals->budget_per_year - totals->annual_high;
  totals->remaining_high = totals->budget_per_year - totals->annual_low;
}
