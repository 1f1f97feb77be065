/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-comparison.h"
#include "waymark-intervention.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_MAP_CHIP (waymark_map_chip_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkMapChip, waymark_map_chip, WAYMARK, MAP_CHIP, GtkToggleButton)

/* One intervention on the evidence map: its name, coloured and labelled by its level of
 * prevention, with a mark when a rating is a range. Its menu offers to add the intervention to
 * `comparison` or take it out (NULL: always "Add to Comparison"). */
GtkWidget           *waymark_map_chip_new              (WaymarkIntervention *intervention,
                                                        WaymarkComparison   *comparison);
WaymarkIntervention *waymark_map_chip_get_intervention (WaymarkMapChip      *self);
WaymarkComparison   *waymark_map_chip_get_comparison   (WaymarkMapChip      *self);
/* TRUE when the evidence or the impact rating spans two points of the scale. */
gboolean             waymark_map_chip_get_is_range     (WaymarkMapChip      *self);
/* The chip's context menu: "Add to Plan", then "Add to Comparison" or "Remove from Comparison". */
GMenuModel          *waymark_map_chip_get_menu_model   (WaymarkMapChip      *self);

G_END_DECLS
