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
/* $XDG_STATE_HOME/waymark, where the recovery copies are kept. */
GFile               *waymark_plan_document_dup_recovery_directory (void);

/* Several plans open at once (a window each) keep a recovery copy each, in one directory: the
 * first "recovery.waymark" (the default, so a copy left by an older Waymark is still found),
 * then "recovery-2.waymark", "recovery-3.waymark"...
 *
 * The file a further document should keep its copy in: the first of that sequence in
 * directory (NULL: the default directory) that none of documents (WaymarkPlanDocuments, may be
 * NULL) keeps and that is not on disk in any form, so that a copy left by a crash, not yet
 * offered, is never overwritten. */
GFile               *waymark_plan_document_dup_free_recovery_file (GFile      *directory,
                                                                   GListModel *documents);
/* The recovery copies present in directory (NULL: the default directory), as a new GListModel
 * of GFile sorted by their number ("recovery.waymark" first). Only regular files named as above
 * are listed; nothing is opened or followed, so a FIFO, a directory or a symbolic link under such
 * a name is left out and blocks nothing. A directory that does not exist lists nothing. */
GListModel          *waymark_plan_document_list_recovery_files (GFile *directory);

WaymarkPlan         *waymark_plan_document_get_plan          (WaymarkPlanDocument *self);
GFile               *waymark_plan_document_get_file          (WaymarkPlanDocument *self);
GFile               *waymark_plan_document_get_recovery_file (WaymarkPlanDocument *self);
WaymarkCatalogue    *waymark_plan_document_get_catalogue     (WaymarkPlanDocument *self);
void                 waymark_plan_document_set_catalogue     (WaymarkPlanDocument *self,
                                                              WaymarkCatalogue    *catalogue);
/* Unsaved changes: edits since the last save, or a recovered plan not yet saved. */
gboolean             waymark_plan_document_get_modified      (WaymarkPlanDocument *self);
/* The plan came from a recovery copy (waymark_plan_document_recover()) and has not been saved,
 * opened over or replaced since ("recovered", notified on change). */
gboolean             waymark_plan_document_get_recovered     (WaymarkPlanDocument *self);
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
 * The document keeps its recovery copy in recovery_file from then on (NULL: none): a second
 * window's own, from waymark_plan_document_dup_free_recovery_file(). */
gboolean             waymark_plan_document_open_copy         (WaymarkPlanDocument *self,
                                                              WaymarkPlan         *source,
                                                              const char          *title,
                                                              GFile               *recovery_file,
                                                              GError             **error);
/* Writes the recovery copy now, rather than after the pause. */
void                 waymark_plan_document_write_recovery    (WaymarkPlanDocument *self);
gboolean             waymark_plan_document_has_recovery      (WaymarkPlanDocument *self);
/* Opens the recovery copy as an unsaved plan with no file. */
gboolean             waymark_plan_document_recover           (WaymarkPlanDocument *self,
                                                              GError             **error);
/* Opens another recovery copy, file (one left by a crash in another window), as an unsaved plan
 * with no file, and keeps this document's recovery copy there from then on: the copy stays until
 * the plan is saved or discarded. On failure nothing changes. */
gboolean             waymark_plan_document_recover_file      (WaymarkPlanDocument *self,
                                                              GFile               *file,
                                                              GError             **error);
void                 waymark_plan_document_discard_recovery  (WaymarkPlanDocument *self);

G_END_DECLS
