/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-criteria.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_FILTER_PANE (waymark_filter_pane_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkFilterPane, waymark_filter_pane, WAYMARK, FILTER_PANE, GtkWidget)

/* Every filter of the CLI as controls, kept in step with a WaymarkCriteria both ways. */
GtkWidget       *waymark_filter_pane_new          (WaymarkCriteria   *criteria);
WaymarkCriteria *waymark_filter_pane_get_criteria (WaymarkFilterPane *self);
void             waymark_filter_pane_build        (WaymarkFilterPane *self,
                                                   int                height);

/* The control of one value of a filter, by the criteria property and the value's nick:
 * ("works-with", "perpetrators") is a GtkCheckButton, ("min-impact", NULL) an AdwComboRow,
 * ("max-cost", NULL) an AdwEntryRow, ("cost-published", NULL) a GtkCheckButton. */
GtkWidget       *waymark_filter_pane_get_control  (WaymarkFilterPane *self,
                                                   const char        *property,
                                                   const char        *nick);

G_END_DECLS
