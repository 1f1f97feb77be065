/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-catalogue.h"
#include "waymark-comparison.h"
#include "waymark-criteria.h"
#include "waymark-plan-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_WORKSPACE (waymark_workspace_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkWorkspace, waymark_workspace, WAYMARK, WORKSPACE, GObject)

/* The state one window works on, without the window: the catalogue, the criteria (filters and
 * search), the sort key, the selection, the comparison and the plan document, made and owned
 * here and handed to whoever shows them. What of it outlives a session is kept in the settings
 * given at construction:
 *
 * - the criteria, as the schema's "filter-*" keys: read at construction; written when the main
 *   loop is next idle (so a burst of search keystrokes writes once), or at once by
 *   waymark_workspace_write_settings(), and at the latest when the workspace is disposed;
 * - the comparison's ids ("comparison"): written at every change, restored once there is a
 *   catalogue to find them in and the comparison is still empty;
 * - the sort key ("sort") and the selected intervention's id ("selected-intervention"): read
 *   at construction, written at every change.
 *
 * Properties:
 * - "settings" (GSettings of the app's schema, construct-only, may be NULL: nothing persists);
 * - "catalogue" (WaymarkCatalogue, read-write, may be NULL until one is read): the document
 *   and the comparison follow it, and it notifies once they have;
 * - "criteria", "comparison", "plan-document": read-only, made by the workspace, never NULL;
 * - "sort-key" (WaymarkSortKey) and "selected" (WaymarkIntervention or NULL): read-write, below.
 *
 * Dispose writes what is waiting and stops following the criteria and the comparison: whoever
 * still holds them may change them without reaching the settings. */
WaymarkWorkspace    *waymark_workspace_new               (WaymarkCatalogue *catalogue,
                                                          GSettings        *settings);

GSettings           *waymark_workspace_get_settings      (WaymarkWorkspace *self);
WaymarkCatalogue    *waymark_workspace_get_catalogue     (WaymarkWorkspace *self);
void                 waymark_workspace_set_catalogue     (WaymarkWorkspace *self,
                                                          WaymarkCatalogue *catalogue);
WaymarkCriteria     *waymark_workspace_get_criteria      (WaymarkWorkspace *self);
WaymarkComparison   *waymark_workspace_get_comparison    (WaymarkWorkspace *self);
WaymarkPlanDocument *waymark_workspace_get_plan_document (WaymarkWorkspace *self);

/* The key the interventions are listed by; kept in the settings' "sort" as its id. */
WaymarkSortKey       waymark_workspace_get_sort_key      (WaymarkWorkspace *self);
void                 waymark_workspace_set_sort_key      (WaymarkWorkspace *self,
                                                          WaymarkSortKey    key);
/* The one intervention read in the detail (NULL: none, or several selected); only one the
 * catalogue lists. Kept in the settings' "selected-intervention" as its id, and found again by
 * that id in each new catalogue: one without it leaves nothing selected. */
WaymarkIntervention *waymark_workspace_get_selected      (WaymarkWorkspace *self);
void                 waymark_workspace_set_selected      (WaymarkWorkspace    *self,
                                                          WaymarkIntervention *item);
/* Writes the criteria now if they changed since they were last written (a window closing). */
void                 waymark_workspace_write_settings    (WaymarkWorkspace *self);

G_END_DECLS
