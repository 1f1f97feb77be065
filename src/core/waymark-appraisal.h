/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-enums.h"

G_BEGIN_DECLS

/* The options appraisal of a plan (issue 15), as the Green Book asks for it: the long list (each
 * option kept, set aside or deferred, with a reason), the criteria the shortlist is scored on
 * with their weights, the tables that turn the review's values into scores, and the
 * commissioner's own criteria and scores. What it holds is what the commissioner decided; the
 * ranking worked out from it is in waymark-appraisal-ranking.h and is never stored.
 *
 * An option is named by an id: a catalogue intervention's, or (later) a local service's. Scores
 * and weights are hundredths (150 is 1.5), so that they are exact and read back identically. */

#define WAYMARK_APPRAISAL_ERROR (waymark_appraisal_error_quark ())

typedef enum
{
  WAYMARK_APPRAISAL_ERROR_INVALID,
  WAYMARK_APPRAISAL_ERROR_REASON_REQUIRED,
  WAYMARK_APPRAISAL_ERROR_UNKNOWN_CRITERION,
  WAYMARK_APPRAISAL_ERROR_DUPLICATE,
  WAYMARK_APPRAISAL_ERROR_TOO_MANY,
} WaymarkAppraisalError;

/* A score: none. An option the review does not rate has no score on evidence or impact, never 0. */
#define WAYMARK_APPRAISAL_NO_SCORE (-1)
/* Scores and weights, in hundredths: 0 to 100. */
#define WAYMARK_APPRAISAL_MAX_SCORE 10000
#define WAYMARK_APPRAISAL_MAX_WEIGHT 10000
#define WAYMARK_APPRAISAL_MAX_LOCAL_CRITERIA 20
#define WAYMARK_APPRAISAL_MAX_OPTIONS 10000
/* In bytes: an option id, a local criterion's id, its label, a reason. */
#define WAYMARK_APPRAISAL_MAX_ID 200
#define WAYMARK_APPRAISAL_MAX_CRITERION_ID 40
#define WAYMARK_APPRAISAL_MAX_LABEL 200
#define WAYMARK_APPRAISAL_MAX_REASON 1000

typedef enum
{
  WAYMARK_OPTION_STATUS_SHORTLISTED,
  WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD,
  WAYMARK_OPTION_STATUS_DEFERRED,
} WaymarkOptionStatus;

/* The Green Book options framework's dimensions, which prompt a reason. */
typedef enum
{
  WAYMARK_OPTION_DIMENSION_NONE,
  WAYMARK_OPTION_DIMENSION_SCOPE,
  WAYMARK_OPTION_DIMENSION_SOLUTION,
  WAYMARK_OPTION_DIMENSION_DELIVERY,
  WAYMARK_OPTION_DIMENSION_IMPLEMENTATION,
  WAYMARK_OPTION_DIMENSION_FUNDING,
} WaymarkOptionDimension;

/* The criteria drawn from the review's fields, in this order, before any local criteria. */
typedef enum
{
  WAYMARK_REVIEW_CRITERION_EVIDENCE,
  WAYMARK_REVIEW_CRITERION_IMPACT,
  WAYMARK_REVIEW_CRITERION_COST_PUBLISHED,
  WAYMARK_REVIEW_CRITERION_LLR_STATUS,
  WAYMARK_REVIEW_CRITERION_LEVEL,
  WAYMARK_REVIEW_CRITERION_WORKS_WITH,
  WAYMARK_REVIEW_CRITERION_YOUNG_PEOPLE,
} WaymarkReviewCriterion;

#define WAYMARK_REVIEW_CRITERION_N 7
/* The most values a review criterion's score table has (works_with's five groups). */
#define WAYMARK_REVIEW_CRITERION_MAX_VALUES 5

#define WAYMARK_TYPE_OPTION_STATUS (waymark_option_status_get_type ())
#define WAYMARK_TYPE_OPTION_DIMENSION (waymark_option_dimension_get_type ())
#define WAYMARK_TYPE_REVIEW_CRITERION (waymark_review_criterion_get_type ())
GType        waymark_option_status_get_type    (void) G_GNUC_CONST;
GType        waymark_option_dimension_get_type (void) G_GNUC_CONST;
GType        waymark_review_criterion_get_type (void) G_GNUC_CONST;

GQuark       waymark_appraisal_error_quark     (void);

/* Translated words for people. */
const char  *waymark_option_status_get_label       (WaymarkOptionStatus    status);
const char  *waymark_option_dimension_get_label    (WaymarkOptionDimension dimension);
const char  *waymark_review_criterion_get_label    (WaymarkReviewCriterion criterion);

/* The values a review criterion's table scores: their ids ("high", "not-in-place", "yes") and
 * words for people, in the table's order. */
guint        waymark_review_criterion_get_n_values (WaymarkReviewCriterion criterion);
const char  *waymark_review_criterion_get_value_id (WaymarkReviewCriterion criterion,
                                                    guint                  index);
const char  *waymark_review_criterion_get_value_label (WaymarkReviewCriterion criterion,
                                                       guint                  index);
/* The index of value_id in criterion's table, or -1. */
int          waymark_review_criterion_find_value   (WaymarkReviewCriterion criterion,
                                                    const char            *value_id);

/* "1.5" from 150, "3" from 300, "0.25" from 25: hundredths as the shortest plain decimal, a full
 * stop in every locale. */
char        *waymark_appraisal_format_hundredths   (gint                   hundredths);
/* The reverse, strictly: digits, and at most two decimal places after a full stop ("2", "1.5",
 * "0.25"); nothing else (no sign, exponent, spaces, "nan"). FALSE for anything else or above
 * max. */
gboolean     waymark_appraisal_parse_hundredths    (const char            *text,
                                                    gint                   max,
                                                    gint                  *out);

#define WAYMARK_TYPE_APPRAISAL (waymark_appraisal_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkAppraisal, waymark_appraisal, WAYMARK, APPRAISAL, GObject)

/* "changed" is emitted after every change, once; a setter given what is already there changes
 * nothing and emits nothing. A plan holds one (its "appraisal") and makes each change one undoable
 * step. */
WaymarkAppraisal *waymark_appraisal_new            (void);
/* A copy, for undo, and for a run of `waymark-cli appraise` with other weights. */
WaymarkAppraisal *waymark_appraisal_copy           (WaymarkAppraisal      *self);
gboolean          waymark_appraisal_equal          (WaymarkAppraisal      *a,
                                                    WaymarkAppraisal      *b);
/* Makes self hold what other holds: "changed" once if that is a change. */
void              waymark_appraisal_assign         (WaymarkAppraisal      *self,
                                                    WaymarkAppraisal      *other);
/* Whether it is as a new one: nothing on the long list, default weights and tables, no local
 * criteria. */
gboolean          waymark_appraisal_is_default     (WaymarkAppraisal      *self);

/* The long list. An option not on it has no status of its own: a plan's items count as
 * shortlisted, other options are not on the long list. reason is one line, required (not blank)
 * for not taken forward; NULL is "". */
gboolean          waymark_appraisal_set_status     (WaymarkAppraisal      *self,
                                                    const char            *option_id,
                                                    WaymarkOptionStatus    status,
                                                    const char            *reason,
                                                    WaymarkOptionDimension dimension,
                                                    GError               **error);
/* Takes option_id off the long list; FALSE when it was not on it. */
gboolean          waymark_appraisal_clear_status   (WaymarkAppraisal      *self,
                                                    const char            *option_id);
/* FALSE when option_id is not on the long list; the out values (each may be NULL) are then
 * shortlisted, "" and none. *reason is borrowed until the next change. */
gboolean          waymark_appraisal_get_status     (WaymarkAppraisal      *self,
                                                    const char            *option_id,
                                                    WaymarkOptionStatus   *status,
                                                    const char           **reason,
                                                    WaymarkOptionDimension *dimension);
/* The ids on the long list, in byte order of their ids. */
char            **waymark_appraisal_dup_long_list  (WaymarkAppraisal      *self);

/* The criteria: the seven review criteria in WaymarkReviewCriterion's order, then the local ones
 * in the order they were added. An index is valid until a local criterion is added or removed. */
guint             waymark_appraisal_get_n_criteria (WaymarkAppraisal      *self);
const char       *waymark_appraisal_get_criterion_id (WaymarkAppraisal    *self,
                                                      guint                index);
/* A review criterion's translated label; a local one's as the commissioner gave it. */
const char       *waymark_appraisal_get_criterion_label (WaymarkAppraisal *self,
                                                         guint             index);
gboolean          waymark_appraisal_criterion_is_local (WaymarkAppraisal  *self,
                                                        guint              index);
/* The index of a criterion by its id, or -1. */
int               waymark_appraisal_find_criterion (WaymarkAppraisal      *self,
                                                    const char            *criterion_id);
/* Hundredths, 0 to WAYMARK_APPRAISAL_MAX_WEIGHT. By default evidence and impact weigh 1 and the
 * other review criteria 0 (data/plan-format.md says why); a local criterion starts at 1. */
gint              waymark_appraisal_get_weight     (WaymarkAppraisal      *self,
                                                    guint                  index);
gboolean          waymark_appraisal_set_weight     (WaymarkAppraisal      *self,
                                                    const char            *criterion_id,
                                                    gint                   hundredths,
                                                    GError               **error);

/* A review criterion's score for one value of its table (index as
 * waymark_review_criterion_get_value_id), hundredths or WAYMARK_APPRAISAL_NO_SCORE. */
gint              waymark_appraisal_get_table_score (WaymarkAppraisal     *self,
                                                     WaymarkReviewCriterion criterion,
                                                     guint                 value_index);
gboolean          waymark_appraisal_set_table_score (WaymarkAppraisal     *self,
                                                     WaymarkReviewCriterion criterion,
                                                     const char           *value_id,
                                                     gint                  hundredths,
                                                     GError              **error);

/* The commissioner's own criteria: an id (lower-case letters, digits, "_" and "-", not a review
 * criterion's, nor a column of the ranking's CSV such as "name") and a one-line label. */
gboolean          waymark_appraisal_add_local_criterion    (WaymarkAppraisal *self,
                                                            const char       *criterion_id,
                                                            const char       *label,
                                                            GError          **error);
gboolean          waymark_appraisal_remove_local_criterion (WaymarkAppraisal *self,
                                                            const char       *criterion_id);
/* The commissioner's judgement of an option on a local criterion: hundredths, or
 * WAYMARK_APPRAISAL_NO_SCORE to remove it. */
gboolean          waymark_appraisal_set_local_score        (WaymarkAppraisal *self,
                                                            const char       *criterion_id,
                                                            const char       *option_id,
                                                            gint              hundredths,
                                                            GError          **error);
gint              waymark_appraisal_get_local_score        (WaymarkAppraisal *self,
                                                            guint             index,
                                                            const char       *option_id);
/* The option ids scored on a local criterion, in byte order. */
char            **waymark_appraisal_dup_local_scored       (WaymarkAppraisal *self,
                                                            guint             index);

G_END_DECLS
