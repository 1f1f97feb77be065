/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "waymark-cost.h"
#include "waymark-enums.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_INTERVENTION (waymark_intervention_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkIntervention, waymark_intervention, WAYMARK, INTERVENTION, GObject)

/* Words of the review, as written, and the heading they sit under. */
typedef struct _WaymarkReviewQuote
{
  char *words;
  char *section;
} WaymarkReviewQuote;

/* Where the review says different things about one intervention in different places: what
 * about (Waymark's words), and each place, quoted. */
typedef struct _WaymarkReviewInconsistency
{
  char      *about;
  GPtrArray *quotes;  /* element type WaymarkReviewQuote, at least two */
} WaymarkReviewInconsistency;

WaymarkReviewInconsistency *waymark_review_inconsistency_new  (const char *about);
void                        waymark_review_inconsistency_add_quote (WaymarkReviewInconsistency *self,
                                                                    const char                 *words,
                                                                    const char                 *section);
void                        waymark_review_inconsistency_free (WaymarkReviewInconsistency *self);

/* Immutable once loaded: a catalogue's interventions never change under the reader. */

const char         *waymark_intervention_get_id                  (WaymarkIntervention *self);
const char         *waymark_intervention_get_name                (WaymarkIntervention *self);
const char         *waymark_intervention_get_summary             (WaymarkIntervention *self);
WaymarkLevel        waymark_intervention_get_levels              (WaymarkIntervention *self);
WaymarkSetting      waymark_intervention_get_settings            (WaymarkIntervention *self);
WaymarkFocus        waymark_intervention_get_focus               (WaymarkIntervention *self);
WaymarkWorksWith    waymark_intervention_get_works_with          (WaymarkIntervention *self);
const char         *waymark_intervention_get_overview            (WaymarkIntervention *self);
const char         *waymark_intervention_get_resources           (WaymarkIntervention *self);
/* Borrowed; element type WaymarkCost; the first is the headline cost. */
GPtrArray          *waymark_intervention_get_costs               (WaymarkIntervention *self);
/* The headline cost, or NULL where the review publishes none. */
const WaymarkCost  *waymark_intervention_get_cost                (WaymarkIntervention *self);
const char * const *waymark_intervention_get_cost_benefit        (WaymarkIntervention *self);
WaymarkRating       waymark_intervention_get_evidence_rating     (WaymarkIntervention *self);
const char         *waymark_intervention_get_evidence_rating_as_written (WaymarkIntervention *self);
WaymarkRating       waymark_intervention_get_impact_rating       (WaymarkIntervention *self);
const char         *waymark_intervention_get_impact_rating_as_written   (WaymarkIntervention *self);
gboolean            waymark_intervention_is_rated                (WaymarkIntervention *self);
/* The rating's label with the review's note on it where it has one: "Moderate (note limited
 * evidence)". */
char               *waymark_intervention_dup_rating_text         (WaymarkIntervention *self,
                                                                  gboolean             evidence);
const char         *waymark_intervention_get_evidence            (WaymarkIntervention *self);
const char         *waymark_intervention_get_impact              (WaymarkIntervention *self);
const char         *waymark_intervention_get_target_cohort       (WaymarkIntervention *self);
/* -1 where the review gives no age. */
int                 waymark_intervention_get_age_min             (WaymarkIntervention *self);
int                 waymark_intervention_get_age_max             (WaymarkIntervention *self);
WaymarkGender       waymark_intervention_get_gender              (WaymarkIntervention *self);
const char * const *waymark_intervention_get_opportunity_cohorts (WaymarkIntervention *self);
const char         *waymark_intervention_get_feasibility         (WaymarkIntervention *self);
WaymarkLlrStatus    waymark_intervention_get_llr_status          (WaymarkIntervention *self);
const char         *waymark_intervention_get_duration            (WaymarkIntervention *self);
const char         *waymark_intervention_get_sessions            (WaymarkIntervention *self);
const char * const *waymark_intervention_get_organisations       (WaymarkIntervention *self);
const char * const *waymark_intervention_get_references          (WaymarkIntervention *self);
const char         *waymark_intervention_get_section             (WaymarkIntervention *self);
const char         *waymark_intervention_get_notes               (WaymarkIntervention *self);
/* Borrowed, never NULL; element type WaymarkReviewInconsistency. */
GPtrArray          *waymark_intervention_get_review_inconsistencies (WaymarkIntervention *self);

/* Case- and accent-folded text of every searchable field, built once. */
const char         *waymark_intervention_get_search_text         (WaymarkIntervention *self);
/* The name folded the same way, so sorting by name ignores case and accents in any locale. */
const char         *waymark_intervention_get_sort_name           (WaymarkIntervention *self);

G_END_DECLS
