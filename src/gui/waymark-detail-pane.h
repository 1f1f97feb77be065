/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-catalogue.h"
#include "waymark-comparison.h"
#include "waymark-plan-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_DETAIL_PANE (waymark_detail_pane_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkDetailPane, waymark_detail_pane, WAYMARK, DETAIL_PANE, GtkWidget)

/* Everything the catalogue holds about one intervention, in the review's order and with its
 * headings; the text is selectable. The catalogue gives the rating scales. */
GtkWidget           *waymark_detail_pane_new              (void);
WaymarkCatalogue    *waymark_detail_pane_get_catalogue    (WaymarkDetailPane   *self);
void                 waymark_detail_pane_set_catalogue    (WaymarkDetailPane   *self,
                                                           WaymarkCatalogue    *catalogue);
WaymarkIntervention *waymark_detail_pane_get_intervention (WaymarkDetailPane   *self);
void                 waymark_detail_pane_set_intervention (WaymarkDetailPane   *self,
                                                           WaymarkIntervention *intervention);
/* The comparison the compare button shows and changes; may be NULL. */
WaymarkComparison   *waymark_detail_pane_get_comparison   (WaymarkDetailPane   *self);
/* The plan document whose plan the Add to Plan button looks in: for an intervention already in
 * the plan it reads In the Plan and shows it there ("win.show-plan-item"); may be NULL. */
void                 waymark_detail_pane_set_plan_document (WaymarkDetailPane   *self,
                                                            WaymarkPlanDocument *document);
void                 waymark_detail_pane_set_comparison   (WaymarkDetailPane   *self,
                                                           WaymarkComparison   *comparison);
/* Shows that `n_selected` (two or more) are selected, and offers to compare them. */
void                 waymark_detail_pane_show_several     (WaymarkDetailPane   *self,
                                                           guint                n_selected);
/* The button that adds the intervention shown to the plan (win.add-to-plan), or NULL. */
GtkWidget           *waymark_detail_pane_get_add_button   (WaymarkDetailPane   *self);
/* The button that adds it to the comparison (win.compare), or NULL. */
GtkWidget           *waymark_detail_pane_get_compare_button (WaymarkDetailPane *self);
/* The text shown, headings included, one block a line: for tests and for copying. */
char                *waymark_detail_pane_dup_text         (WaymarkDetailPane   *self);

G_END_DECLS
