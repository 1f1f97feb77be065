/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-catalogue.h"
#include "waymark-plan.h"

G_BEGIN_DECLS

#define WAYMARK_PLAN_ERROR (waymark_plan_error_quark ())

/* The same codes, in the same order, as WaymarkCatalogueError: both are read by one reader. */
typedef enum
{
  WAYMARK_PLAN_ERROR_READ,
  WAYMARK_PLAN_ERROR_EMPTY,
  WAYMARK_PLAN_ERROR_TOO_LARGE,
  WAYMARK_PLAN_ERROR_SYNTAX,
  WAYMARK_PLAN_ERROR_ENCODING,
  WAYMARK_PLAN_ERROR_FORMAT,
  WAYMARK_PLAN_ERROR_VERSION,
  WAYMARK_PLAN_ERROR_MISSING_FIELD,
  WAYMARK_PLAN_ERROR_WRONG_TYPE,
  WAYMARK_PLAN_ERROR_INVALID_VALUE,
  WAYMARK_PLAN_ERROR_UNKNOWN_FIELD,
  WAYMARK_PLAN_ERROR_DUPLICATE_ID,
  WAYMARK_PLAN_ERROR_WRITE,
  WAYMARK_PLAN_ERROR_TOTAL_TOO_LARGE,
} WaymarkPlanError;

/* 2: the options appraisal (issue 15). 3: years as budgets are set (issue 16): year_kind,
 * uplift_basis_points, each item's year_figures. Versions 1 and 2 still open, as calendar years
 * that are all the same. */
#define WAYMARK_PLAN_FORMAT_VERSION 3
#define WAYMARK_PLAN_MAX_BYTES (64 * 1024 * 1024)

typedef enum
{
  WAYMARK_PLAN_FORMAT_JSON,
  WAYMARK_PLAN_FORMAT_CSV,
  /* The plan's details and totals per year and over the plan (waymark_plan_to_summary_csv()). */
  WAYMARK_PLAN_FORMAT_SUMMARY_CSV,
} WaymarkPlanFormat;

GQuark       waymark_plan_error_quark   (void);

/* The plan file is the JSON export itself (data/plan.schema.json). Items whose intervention is
 * not in `catalogue` are kept as the file recorded them, marked missing. */
WaymarkPlan *waymark_plan_new_from_bytes (GBytes            *bytes,
                                          const char        *display_name,
                                          WaymarkCatalogue  *catalogue,
                                          GError           **error);
WaymarkPlan *waymark_plan_new_from_file  (GFile             *file,
                                          WaymarkCatalogue  *catalogue,
                                          GError           **error);
/* Whether bytes are, by the same strict reading, a JSON object whose format is "waymark-plan";
 * for `waymark-cli validate`, which checks anything else as a catalogue. */
gboolean     waymark_plan_data_is_plan   (GBytes            *bytes);
/* The same for another of Waymark's formats ("waymark-local-services"). */
gboolean     waymark_plan_data_has_format (GBytes           *bytes,
                                           const char       *format_name);

/* NULL with an error when a total would overflow. */
char        *waymark_plan_to_json        (WaymarkPlan       *plan,
                                          WaymarkCatalogue  *catalogue,
                                          GError           **error);
/* UTF-8 with a byte-order mark, RFC 4180, CRLF, money as plain decimals. The review's
 * figures (each row's need, the interventions' sections) come from `catalogue` (may be NULL). */
char        *waymark_plan_to_csv         (WaymarkPlan       *plan,
                                          WaymarkCatalogue  *catalogue,
                                          GError           **error);
/* The plan's summary for a finance team (issue 16), one row a figure with the header
 * field,label,value,kind,source: its details (local), then the totals, budget and remaining
 * budget of each year (fields ending _<year id>_gbp, "total_low_2026_27_gbp") and over the
 * plan, with kind "local" or "computed" and the arithmetic in source. UTF-8 with a byte-order
 * mark, RFC 4180, CRLF, money as plain decimals, free text neutralised; label is translated.
 * NULL with an error when a total would overflow. */
char        *waymark_plan_to_summary_csv (WaymarkPlan       *plan,
                                          GError           **error);

/* Writes through waymark_safe_write_file(): a file is replaced atomically (a temporary file,
 * synced, then renamed over the old one), so on failure the previous file is left as it was; a
 * named pipe or device is written to in place; the error names the file and says why. */
gboolean     waymark_plan_write          (WaymarkPlan       *plan,
                                          WaymarkCatalogue  *catalogue,
                                          WaymarkPlanFormat  format,
                                          GFile             *file,
                                          GError           **error);

G_END_DECLS
