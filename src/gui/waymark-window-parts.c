/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "waymark-window-private.h"

/* The window's parts, for the UI tests only (waymark-window-private.h): they drive these
 * widgets as a person would. */

void
waymark_window_get_parts (WaymarkWindow      *self,
                          WaymarkWindowParts *parts)
{
  g_return_if_fail (WAYMARK_IS_WINDOW (self));
  g_return_if_fail (parts != NULL);

  parts->search_entry = self->search_entry;
  parts->sort_dropdown = self->sort_dropdown;
  parts->chips_box = self->chips_box;
  parts->clear_filters_button = self->clear_filters_button;
  parts->count_label = self->count_label;
  parts->results_stack = self->results_stack;
  parts->list_view = self->list_view;
  parts->selection = self->selection;
  parts->selection_bar = self->selection_bar;
  parts->selection_label = self->selection_label;
  parts->empty_page = waymark_window_ensure_empty_page (self);
  parts->empty_clear_button = self->empty_clear_button;
  parts->evidence_map = self->evidence_map;
  parts->detail_pane = self->detail_pane;
  parts->filter_pane = self->filter_pane;
  parts->leaflet = self->leaflet;
  parts->list_pane = self->list_pane;
  parts->flap = self->flap;
  parts->criteria = self->criteria;
  parts->view_stack = self->view_stack;
  parts->plan_stack_page = self->plan_stack_page;
  parts->plan_page = waymark_window_ensure_plan_page (self);
  parts->compare_stack_page = self->compare_stack_page;
  parts->compare_page = waymark_window_ensure_compare_page (self);
  parts->comparison = self->comparison;
  parts->header_bar = self->header_bar;
  parts->toast_overlay = self->toast_overlay;
  parts->title_squeezer = self->title_squeezer;
  parts->view_switcher = self->view_switcher;
  parts->window_title = self->window_title;
  parts->context_stack_page = self->context_stack_page;
  parts->context_page = waymark_window_ensure_context_page (self);
  parts->appraisal_stack_page = self->appraisal_stack_page;
  parts->appraisal_page = waymark_window_ensure_appraisal_page (self);
}
