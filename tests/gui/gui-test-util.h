/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-catalogue.h"
#include "waymark-window-private.h"

G_BEGIN_DECLS

typedef gboolean (*WaitFunc) (gpointer data);

/* GTK and libadwaita for a headless test, with isolated directories. */
void           gui_test_init            (int    *argc,
                                         char ***argv);
/* Spins the main loop until func returns TRUE; fails the test after timeout_ms. */
void           gui_test_wait_until      (WaitFunc    func,
                                         gpointer    data,
                                         guint       timeout_ms,
                                         const char *what);
/* Spins the main loop until nothing is pending. */
void           gui_test_flush           (void);
/* The settings, every key back to its default. */
GSettings     *gui_test_fresh_settings  (void);
WaymarkCatalogue *gui_test_load_catalogue (const char *fixture_or_null);
/* A presented window with a search delay of zero. */
WaymarkWindow *gui_test_window_new      (WaymarkCatalogue *catalogue,
                                         GSettings        *settings);
/* Closes the window (saving its state) and checks that nothing keeps it alive. */
void           gui_test_window_close    (WaymarkWindow *window);
/* The ids of the listed interventions, in order, comma-separated. */
char          *gui_test_listed_ids      (WaymarkWindow *window);
guint          gui_test_n_listed        (WaymarkWindow *window);
/* Where the intervention `id` is listed; fails the test when it is not. */
guint          gui_test_position_of     (WaymarkWindow *window,
                                         const char    *id);
/* Waits for GtkButton::clicked to have been emitted by gtk_widget_activate. */
void           gui_test_click           (GtkWidget *button);

G_END_DECLS
