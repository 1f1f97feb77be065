/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-catalogue.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_HELP_WINDOW (waymark_help_window_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkHelpWindow, waymark_help_window, WAYMARK, HELP_WINDOW, AdwWindow)

/* "Getting Started": what Waymark's pages are for, and the review's own scales, read from the
 * catalogue in use so the words are the review's. */
GtkWidget *waymark_help_window_new (GtkWindow        *parent,
                                    WaymarkCatalogue *catalogue);

G_END_DECLS
