/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-appraisal-ranking.h"
#include "waymark-catalogue.h"
#include "waymark-plan.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_APPRAISAL_PAGE (waymark_appraisal_page_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkAppraisalPage, waymark_appraisal_page, WAYMARK, APPRAISAL_PAGE,
                      GtkWidget)

/* The plan's options appraisal (issue 15): the ranking of the shortlist with each weighted
 * score's arithmetic, whether it survives a change of weights, the deferred options and those
 * not taken forward with their reasons, and the criteria, weights, score tables and local
 * scores, each editable. The ranking is worked out afresh (waymark-appraisal-ranking.h) whenever
 * the plan or its appraisal changes, while the page is shown; every edit is one of the core's
 * setters, so one undoable step of the plan. */
GtkWidget        *waymark_appraisal_page_new           (void);
WaymarkPlan      *waymark_appraisal_page_get_plan      (WaymarkAppraisalPage *self);
void              waymark_appraisal_page_set_plan      (WaymarkAppraisalPage *self,
                                                        WaymarkPlan          *plan);
WaymarkCatalogue *waymark_appraisal_page_get_catalogue (WaymarkAppraisalPage *self);
void              waymark_appraisal_page_set_catalogue (WaymarkAppraisalPage *self,
                                                        WaymarkCatalogue     *catalogue);

/* For tests: the ranking shown (NULL before the page is first shown), and its parts. */
const WaymarkAppraisalRanking *waymark_appraisal_page_get_ranking (WaymarkAppraisalPage *self);
/* The row of option `id` in the ranking or the long list, or NULL. */
GtkWidget        *waymark_appraisal_page_get_option_row  (WaymarkAppraisalPage *self,
                                                          const char           *id);
/* The weight's spin button of a criterion, or NULL. */
GtkSpinButton    *waymark_appraisal_page_get_weight_spin (WaymarkAppraisalPage *self,
                                                          const char           *criterion_id);
/* The score's spin button and "No score" check of a review criterion's value ("high") or of an
 * option on a local criterion; NULL when there is none. */
GtkSpinButton    *waymark_appraisal_page_get_score_spin  (WaymarkAppraisalPage *self,
                                                          const char           *criterion_id,
                                                          const char           *value_or_option);
GtkCheckButton   *waymark_appraisal_page_get_no_score_check (WaymarkAppraisalPage *self,
                                                             const char           *criterion_id,
                                                             const char           *value_or_option);
/* The entry that adds a local criterion (its label; the id is made from it). */
AdwEntryRow      *waymark_appraisal_page_get_add_criterion_row (WaymarkAppraisalPage *self);
/* The sensitivity result as shown. */
GtkLabel         *waymark_appraisal_page_get_sensitivity_label (WaymarkAppraisalPage *self);
/* Opens the dialog that sets option `id`'s status, reason and dimension, and returns it (its
 * widgets are named "status", "reason", "dimension" and "message"). */
AdwMessageDialog *waymark_appraisal_page_edit_status     (WaymarkAppraisalPage *self,
                                                          const char           *id);

/* A local criterion's id made from its label: lower case, runs of anything but letters and
 * digits as one "_", at most WAYMARK_APPRAISAL_MAX_CRITERION_ID bytes; "" from none. */
char             *waymark_appraisal_page_id_from_label   (const char           *label);

G_END_DECLS
