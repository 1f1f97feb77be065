/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-appraisal.h"
#include "waymark-catalogue.h"
#include "waymark-plan.h"

G_BEGIN_DECLS

/* The ranking an appraisal gives, worked out afresh each time (it is never stored, so it can
 * never go stale): every option on the long list or in the plan, with its score on each
 * criterion, and for each shortlisted option its weighted score and rank; then whether the top
 * three survive a change of any single weight by 20% either way.
 *
 * The weighted score is computed: the sum of weight × score over the criteria the option has a
 * score on (and that weigh more than 0), divided by the sum of those criteria's weights. So a
 * criterion the review does not rate an option on neither counts against it nor for it; how many
 * criteria it was scored on is said beside. Options are ranked on the exact quotient (the score
 * shown is rounded to two places, half up); equal quotients share a rank, and are listed by
 * name. */

typedef struct
{
  char                  *id;
  char                  *name;          /* the plan's (its local service's), or the catalogue's;
                                         * the id for neither */
  WaymarkOptionStatus    status;        /* shortlisted unless the long list says otherwise */
  gboolean               on_long_list;
  char                  *reason;        /* "" for none */
  WaymarkOptionDimension dimension;
  gboolean               in_plan;
  gboolean               in_catalogue;
  /* One of the plan's local services: "Local: not rated by the review", so no score on any
   * review criterion (not even level or who it works with), only on local criteria. */
  gboolean               local_service;
  gint                  *scores;        /* one per criterion: hundredths or NO_SCORE */
  guint                  n_scored;      /* the criteria weighing more than 0 it has a score on */
  gboolean               has_score;     /* shortlisted and n_scored > 0 */
  gint64                 numerator;     /* sum of weight × score, in hundredths of hundredths */
  gint64                 denominator;   /* sum of those weights, in hundredths */
  gint                   weighted;      /* the weighted score, hundredths, rounded half up */
  guint                  rank;          /* 1 for the first; 0 without a score */
  char                  *arithmetic;    /* "(evidence 3 × 1 + impact 2 × 1) ÷ (1 + 1) = 2.50";
                                         * NULL without a score */
} WaymarkAppraisalRow;

/* One single weight's move of 20% that changes the top three, and the top three it gives. */
typedef struct
{
  guint      criterion;
  gboolean   raised;     /* TRUE: weight × 1.2; FALSE: weight × 0.8 */
  char     **top;        /* the ids, in order */
  guint      ranks[3];   /* their ranks (equal scores share one) */
} WaymarkSensitivityChange;

typedef struct
{
  guint       n_criteria;
  char      **criterion_ids;
  char      **criterion_labels;   /* translated for review criteria */
  gboolean   *criterion_local;
  gint       *weights;            /* hundredths */
  /* WaymarkAppraisalRow: the ranked options by rank, then by name; then the shortlisted with no
   * score, the deferred, and those not taken forward, each by name. */
  GPtrArray  *rows;
  guint       n_ranked;
  char      **top;                /* the ids of the first three ranked (fewer if there are) */
  GArray     *changes;            /* WaymarkSensitivityChange; empty when the top three hold */
} WaymarkAppraisalRanking;

/* catalogue may be NULL (then only the plan's items have the review's values). */
WaymarkAppraisalRanking *waymark_appraisal_ranking_new  (WaymarkAppraisal        *appraisal,
                                                         WaymarkPlan             *plan,
                                                         WaymarkCatalogue        *catalogue);
void                     waymark_appraisal_ranking_free (WaymarkAppraisalRanking *self);

/* Whether the ranking is robust, in words (translated). */
char *waymark_appraisal_ranking_describe_sensitivity    (WaymarkAppraisalRanking *self);
/* RFC 4180, CRLF: rank,id,name,status,reason,weighted_score,criteria_scored, then one column
 * per criterion (its id), scores as plain decimals, empty for none. */
char *waymark_appraisal_ranking_to_csv                  (WaymarkAppraisalRanking *self);
/* The criteria, the rows and the sensitivity, as data/plan-format.md describes it. */
char *waymark_appraisal_ranking_to_json                 (WaymarkAppraisalRanking *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkAppraisalRanking, waymark_appraisal_ranking_free)

G_END_DECLS
