/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-catalogue.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_WINDOW (waymark_window_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkWindow, waymark_window, WAYMARK, WINDOW, AdwApplicationWindow)

/* The browser: the interventions of a catalogue, filtered, as a list or an evidence map, with
 * the selected one in full. The settings (schema io.github.waymark.Waymark) keep the window's
 * size, filters, sort, view and selection. */
WaymarkWindow       *waymark_window_new           (GtkApplication   *application,
                                                   WaymarkCatalogue *catalogue,
                                                   GSettings        *settings);
WaymarkCatalogue    *waymark_window_get_catalogue (WaymarkWindow    *self);
void                 waymark_window_set_catalogue (WaymarkWindow    *self,
                                                   WaymarkCatalogue *catalogue);
/* Loads another catalogue in a thread. A file that fails validation is refused with the
 * loader's message in a dialog, and the open catalogue stays. */
void                 waymark_window_open_file     (WaymarkWindow    *self,
                                                   GFile            *file);
WaymarkIntervention *waymark_window_get_selected  (WaymarkWindow    *self);

G_END_DECLS
