/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-comparison.h"
#include "waymark-intervention.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_COMPARE_TOGGLE (waymark_compare_toggle_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkCompareToggle, waymark_compare_toggle, WAYMARK, COMPARE_TOGGLE,
                      GtkToggleButton)

/* A toggle that says whether its intervention is in the comparison it is given, whoever changed
 * it, and adds or removes it (win.compare, win.uncompare) when pressed. A refused add (the
 * seventh) changes nothing, so the toggle springs back by itself. Without a comparison it shows
 * "not compared". */
GtkWidget           *waymark_compare_toggle_new              (void);
WaymarkIntervention *waymark_compare_toggle_get_intervention (WaymarkCompareToggle *self);
void                 waymark_compare_toggle_set_intervention (WaymarkCompareToggle *self,
                                                              WaymarkIntervention  *intervention);
WaymarkComparison   *waymark_compare_toggle_get_comparison   (WaymarkCompareToggle *self);
void                 waymark_compare_toggle_set_comparison   (WaymarkCompareToggle *self,
                                                              WaymarkComparison    *comparison);

G_END_DECLS
