/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-comparison.h"
#include "waymark-intervention.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_EVIDENCE_MAP (waymark_evidence_map_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkEvidenceMap, waymark_evidence_map, WAYMARK, EVIDENCE_MAP, GtkWidget)

/* The filtered interventions as a 3x3 grid: evidence quality down (high at the top), impact
 * across (low on the left); a range sits in the cell of its low end. Unrated approaches are in
 * a strip below. Emits "intervention-activated" when a chip is chosen. */
GtkWidget           *waymark_evidence_map_new          (void);
GListModel          *waymark_evidence_map_get_model    (WaymarkEvidenceMap  *self);
void                 waymark_evidence_map_set_model    (WaymarkEvidenceMap  *self,
                                                        GListModel          *model);
WaymarkIntervention *waymark_evidence_map_get_selected (WaymarkEvidenceMap  *self);
void                 waymark_evidence_map_set_selected (WaymarkEvidenceMap  *self,
                                                        WaymarkIntervention *selected);
/* The comparison each chip's menu adds to or takes from; may be NULL. */
WaymarkComparison   *waymark_evidence_map_get_comparison (WaymarkEvidenceMap *self);
void                 waymark_evidence_map_set_comparison (WaymarkEvidenceMap *self,
                                                          WaymarkComparison  *comparison);

/* The container of one cell's chips (WaymarkMapChip, each in a GtkFlowBoxChild); the rating is
 * the cell's, LOW, MODERATE or HIGH. */
GtkWidget           *waymark_evidence_map_get_cell     (WaymarkEvidenceMap  *self,
                                                        WaymarkRating        evidence,
                                                        WaymarkRating        impact);
GtkWidget           *waymark_evidence_map_get_unrated  (WaymarkEvidenceMap  *self);

G_END_DECLS
