/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-catalogue.h"
#include "waymark-plan.h"

G_BEGIN_DECLS

/* The plan as an Excel workbook for a finance team (issue 16), four sheets:
 *   - Summary: the plan's details (local), then its totals per year and over the plan as live
 *     formulas, ROUND(SUM(...), 2) over the Items sheet's line totals, which evaluate to
 *     Waymark's own totals to the penny;
 *   - Items: one row an item, each code beside its label in words, then per year the quantity,
 *     the unit cost low and high and the line total low and high (ROUND(quantity × unit, 2));
 *     money as pounds (pence ÷ 100) in the format £#,##0.00, the header row frozen, an autofilter;
 *   - Warnings: the plan's warnings, with the review's words and heading where they rest on it;
 *   - Sources: where every figure comes from (the review, with its section and words; a local
 *     entry; or computed, with the arithmetic).
 * Text from the plan, the catalogue or the user is always written as a string, never as a
 * formula; formulas are built only from cell references Waymark makes.
 *
 * The file is written through waymark_safe_write_file(): atomically, and with its rules for
 * pipes, devices and folders; on failure the previous file is unchanged. Errors are
 * WAYMARK_PLAN_ERROR_TOTAL_TOO_LARGE (a total too large to calculate) or
 * WAYMARK_PLAN_ERROR_WRITE, with a message naming the file. `catalogue` may be NULL (then the
 * review's sections and words are not given). */
gboolean   waymark_report_write_xlsx (WaymarkPlan       *plan,
                                      WaymarkCatalogue  *catalogue,
                                      GFile             *file,
                                      GError           **error);

/* The same workbook's bytes, for a test or a caller that writes them itself. */
GBytes    *waymark_report_xlsx_bytes (WaymarkPlan       *plan,
                                      WaymarkCatalogue  *catalogue,
                                      GError           **error);

G_END_DECLS
