/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-comparison.h"
#include "waymark-criteria.h"
#include "waymark-intervention.h"
#include "waymark-plan-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_INTERVENTION_ROW (waymark_intervention_row_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkInterventionRow, waymark_intervention_row, WAYMARK, INTERVENTION_ROW, GtkWidget)

/* One intervention in the browser's list. A click activates "win.show-intervention" with the
 * intervention's id, so a folded window moves on to the detail; its add button activates
 * "win.add-to-plan". */
GtkWidget           *waymark_intervention_row_new              (void);
WaymarkIntervention *waymark_intervention_row_get_intervention (WaymarkInterventionRow *self);
void                 waymark_intervention_row_set_intervention (WaymarkInterventionRow *self,
                                                                WaymarkIntervention    *intervention);
/* The comparison the row's compare button shows and changes; may be NULL. */
WaymarkComparison   *waymark_intervention_row_get_comparison   (WaymarkInterventionRow *self);
void                 waymark_intervention_row_set_comparison   (WaymarkInterventionRow *self,
                                                                WaymarkComparison      *comparison);
/* The plan document whose plan the add button looks in: for an intervention already in the
 * plan it shows it there instead ("win.show-plan-item"); may be NULL. */
void                 waymark_intervention_row_set_plan_document (WaymarkInterventionRow *self,
                                                                 WaymarkPlanDocument    *document);
/* The criteria whose search the row explains: found in the review's text rather than the
 * name or summary, the row says where, with the review's words there; may be NULL. */
void                 waymark_intervention_row_set_criteria     (WaymarkInterventionRow *self,
                                                                WaymarkCriteria        *criteria);
GtkWidget           *waymark_intervention_row_get_found_label  (WaymarkInterventionRow *self);
GtkWidget           *waymark_intervention_row_get_add_button   (WaymarkInterventionRow *self);
GtkWidget           *waymark_intervention_row_get_compare_button (WaymarkInterventionRow *self);

/* "Tertiary · Domestic abuse · £2,400 per perpetrator": the row's and the chips' second line. */
char                *waymark_intervention_format_cost          (WaymarkIntervention    *intervention);

G_END_DECLS
