/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-catalogue.h"
#include "waymark-plan-io.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_PLAN_DOCUMENT (waymark_plan_document_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkPlanDocument, waymark_plan_document, WAYMARK, PLAN_DOCUMENT, GObject)

/* The plan a window edits, and where it lives: its file, whether it has unsaved changes, and a
 * recovery copy written a moment after every change (deleted once the plan is saved or
 * discarded) so a crash loses nothing. Files are read and written by the core. */
WaymarkPlanDocument *waymark_plan_document_new               (WaymarkCatalogue    *catalogue,
                                                              GFile               *recovery_file);
/* $XDG_STATE_HOME/waymark/recovery.waymark */
GFile               *waymark_plan_document_dup_default_recovery_file (void);

WaymarkPlan         *waymark_plan_document_get_plan          (WaymarkPlanDocument *self);
GFile               *waymark_plan_document_get_file          (WaymarkPlanDocument *self);
GFile               *waymark_plan_document_get_recovery_file (WaymarkPlanDocument *self);
WaymarkCatalogue    *waymark_plan_document_get_catalogue     (WaymarkPlanDocument *self);
void                 waymark_plan_document_set_catalogue     (WaymarkPlanDocument *self,
                                                              WaymarkCatalogue    *catalogue);
/* Unsaved changes: edits since the last save, or a recovered plan not yet saved. */
gboolean             waymark_plan_document_get_modified      (WaymarkPlanDocument *self);
/* The file's name, or "Untitled Plan". */
char                *waymark_plan_document_dup_display_name  (WaymarkPlanDocument *self);

/* A new empty plan, with no file. */
void                 waymark_plan_document_reset             (WaymarkPlanDocument *self);
gboolean             waymark_plan_document_load              (WaymarkPlanDocument *self,
                                                              GFile               *file,
                                                              GError             **error);
/* Saves as the plan's file (the JSON export), atomically; on failure nothing changes. */
gboolean             waymark_plan_document_save              (WaymarkPlanDocument *self,
                                                              GFile               *file,
                                                              GError             **error);
gboolean             waymark_plan_document_export            (WaymarkPlanDocument *self,
                                                              WaymarkPlanFormat    format,
                                                              GFile               *file,
                                                              GError             **error);
/* A copy of source as a new plan with no file and unsaved (a scenario, issue 17), titled title:
 * everything the plan file holds (items, appraisal, local services, decisions), no undo history.
 * The document then keeps no recovery copy: it is a second window's, and the recovery file is
 * the first window's. */
gboolean             waymark_plan_document_open_copy         (WaymarkPlanDocument *self,
                                                              WaymarkPlan         *source,
                                                              const char          *title,
                                                              GError             **error);
/* Writes the recovery copy now, rather than after the pause. */
void                 waymark_plan_document_write_recovery    (WaymarkPlanDocument *self);
gboolean             waymark_plan_document_has_recovery      (WaymarkPlanDocument *self);
/* Opens the recovery copy as an unsaved plan with no file. */
gboolean             waymark_plan_document_recover           (WaymarkPlanDocument *self,
                                                              GError             **error);
void                 waymark_plan_document_discard_recovery  (WaymarkPlanDocument *self);

G_END_DECLS
