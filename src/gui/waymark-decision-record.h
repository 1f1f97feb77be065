/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-catalogue.h"
#include "waymark-plan.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_DECISION_RECORD (waymark_decision_record_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkDecisionRecord, waymark_decision_record, WAYMARK, DECISION_RECORD,
                      GtkWidget)

/* The plan's decision record (issue 15, part 5) as a timeline, newest first: each entry's change
 * in words, its time and author, the commissioner's reason and the review heading it cites, with
 * a "Reason…" button that gives it a reason and a citation (one undoable edit). The headings
 * offered are the catalogue's. All of it plain text. */
GtkWidget   *waymark_decision_record_new            (void);
void         waymark_decision_record_set_plan       (WaymarkDecisionRecord *self,
                                                     WaymarkPlan           *plan);
void         waymark_decision_record_set_catalogue  (WaymarkDecisionRecord *self,
                                                     WaymarkCatalogue      *catalogue);
/* For tests: the list (a GtkListBox, newest first) and the "Reason…" button of the entry at
 * position in the plan's record (oldest first), or NULL. */
GtkListBox  *waymark_decision_record_get_list       (WaymarkDecisionRecord *self);
GtkWidget   *waymark_decision_record_get_reason_button (WaymarkDecisionRecord *self,
                                                        guint                  position);
/* Opens the reason dialog for the entry at position; returns it (an AdwMessageDialog whose
 * "reason" and "section" data are its GtkEntry and GtkDropDown), for tests. */
GtkWidget   *waymark_decision_record_open_reason    (WaymarkDecisionRecord *self,
                                                     guint                  position);

G_END_DECLS
