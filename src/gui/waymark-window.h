/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-catalogue.h"
#include "waymark-comparison.h"
#include "waymark-plan-io.h"
#include "waymark-workspace.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_WINDOW (waymark_window_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkWindow, waymark_window, WAYMARK, WINDOW, AdwApplicationWindow)

/* The browser: the interventions of a catalogue, filtered, as a list or an evidence map, with
 * the selected one in full. It shows `workspace` (its catalogue, criteria, comparison and plan
 * document), which keeps the filters and the comparison in its settings; the window keeps its
 * size, sort, view and selection in the same settings. */
WaymarkWindow       *waymark_window_new           (GtkApplication   *application,
                                                   WaymarkWorkspace *workspace);
WaymarkWorkspace    *waymark_window_get_workspace (WaymarkWindow    *self);
WaymarkCatalogue    *waymark_window_get_catalogue (WaymarkWindow    *self);
/* The interventions chosen for the Compare page; never NULL. */
WaymarkComparison   *waymark_window_get_comparison (WaymarkWindow   *self);
/* Sets the workspace's catalogue. */
void                 waymark_window_set_catalogue (WaymarkWindow    *self,
                                                   WaymarkCatalogue *catalogue);
/* Loads another catalogue in a thread. A file that fails validation is refused with the
 * loader's message in a dialog, and the open catalogue stays. */
void                 waymark_window_open_file     (WaymarkWindow    *self,
                                                   GFile            *file);
WaymarkIntervention *waymark_window_get_selected  (WaymarkWindow    *self);
/* Opens a plan, first asking what to do with unsaved changes. A plan the core refuses (a
 * newer format, a malformed file) is reported with the core's message. */
void                 waymark_window_open_plan     (WaymarkWindow    *self,
                                                   GFile            *file);
/* At start-up without a file to open: reopens the plan that was open when the window last closed
 * (the settings' last-plan), unless there is unsaved work to recover. A plan that cannot be read
 * is said in a notification, and not tried again. */
void                 waymark_window_reopen_last_plan (WaymarkWindow *self);
/* Saves the plan there and makes it the plan's file; a failure is shown in a dialog (the old
 * file is left as it was) and returns FALSE. */
gboolean             waymark_window_save_plan_as  (WaymarkWindow    *self,
                                                   GFile            *file);
gboolean             waymark_window_export_plan   (WaymarkWindow    *self,
                                                   WaymarkPlanFormat format,
                                                   GFile            *file);
/* The plan as an Excel workbook (waymark_report_write_xlsx()); a failure is shown in a dialog. */
gboolean             waymark_window_export_workbook (WaymarkWindow  *self,
                                                     GFile          *file);
/* The board paper, as OpenDocument Text or PDF by the file's extension (ODT when neither:
 * Export Board Paper… gives it one); a failure is shown in a dialog. */
gboolean             waymark_window_export_board_paper (WaymarkWindow *self,
                                                        GFile         *file);
/* The plan's local services written to a file of their own (atomically), or a file's added to
 * the plan as one undoable edit (win.export-local-services and win.import-local-services ask
 * where, then call these). A file the core refuses, or a service of it that differs from the
 * plan's under its id, is shown in a dialog with the core's message, and nothing is added;
 * FALSE then. */
gboolean             waymark_window_export_local_services (WaymarkWindow *self,
                                                           GFile         *file);
gboolean             waymark_window_import_local_services (WaymarkWindow *self,
                                                           GFile         *file);

G_END_DECLS
