/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "waymark-window-private.h"

/* Whether each of the window's actions can be used, worked out in one place from the state the
 * window shows: the page, the selection, the filters, the plan's history and presentation. Every
 * change to any of that calls this; nothing else enables or disables a win.* action.
 *
 * The pages' own actions (compare.*, context.*) are their pages' business; the window's zoom
 * actions pass on to them and are there only on the Compare and Context pages, its print action
 * only on the Compare page, and the board paper's print action only on the Plan page. */
void
waymark_window_update_actions (WaymarkWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean comparing = g_strcmp0 (page, "compare") == 0;
  gboolean zoomable = comparing || g_strcmp0 (page, "context") == 0;
  gboolean planning = g_strcmp0 (page, "plan") == 0;
  g_autoptr(GPtrArray) selected = waymark_window_dup_selected (self);
  gboolean any_selected = selected->len > 0;
  g_autoptr(GPtrArray) without_item =
    self->plan != NULL ? waymark_plan_dup_local_services_without_item (self->plan) : NULL;
  const struct
  {
    const char *name;
    gboolean    enabled;
  } actions[] = {
    /* Back from the detail to the list on a narrow window: there while its button is shown. */
    { "win.back", gtk_widget_get_visible (self->back_button) },
    { "win.clear-filters", self->criteria != NULL && !waymark_criteria_is_empty (self->criteria) },
    { "win.compare-selected", any_selected },
    { "win.add-selected-to-plan", any_selected },
    { "win.select-none", any_selected },
    { "win.undo", self->plan != NULL && waymark_plan_can_undo (self->plan) },
    { "win.redo", self->plan != NULL && waymark_plan_can_redo (self->plan) },
    { "win.export-local-services",
      self->plan != NULL &&
      g_list_model_get_n_items (waymark_plan_get_local_services (self->plan)) > 0 },
    { "win.import-local-services", self->plan != NULL },
    /* Adding an item for a local service: while the plan has one without an item. */
    { "win.add-local-service-item",
      without_item != NULL && without_item->len > 0 },
    /* The placeholder item of an empty Recent Plans menu. */
    { "win.no-recent-plans", FALSE },
    { "win.leave-presentation", self->presenting },
    { "win.zoom-in", zoomable },
    { "win.zoom-out", zoomable },
    { "win.zoom-reset", zoomable },
    { "win.print-comparison", comparing },
    /* The plan's reports for finance (issue 16): for any plan, an empty one too. */
    { "win.export-plan-summary-csv", self->plan != NULL },
    { "win.export-plan-workbook", self->plan != NULL },
    /* The board paper: exported from any page, printed (Ctrl+P) from the Plan page. */
    { "win.export-board-paper", self->plan != NULL },
    { "win.print-board-paper", planning && self->plan != NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i].name, actions[i].enabled);
}
