/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>

/* The floor for start-up: an empty GTK 4 window from the same toolchain, timed from exec to its
 * first painted frame, the way `waymark --quit-after-first-frame` times itself. With --adwaita,
 * an empty libadwaita window: the same floor plus loading Adwaita's style sheet, which Waymark
 * pays too. */

static gboolean adwaita;

static void
on_after_paint (GdkFrameClock *clock,
                GtkWindow     *window)
{
  /* The runner subtracts its own clock reading taken just before exec (same CLOCK_MONOTONIC). */
  g_print ("first-frame-monotonic-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  gtk_window_destroy (window);
}

static void
on_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), window);
}

static void
on_activate (GtkApplication *app)
{
  GtkWidget *window = adwaita ? adw_application_window_new (app)
                              : gtk_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1240, 780);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkApplication) app = NULL;

  adwaita = argc > 1 && g_str_equal (argv[1], "--adwaita");
  if (adwaita)
    argc--;
  app = adwaita ? GTK_APPLICATION (adw_application_new ("io.github.waymark.BareWindow",
                                                        G_APPLICATION_NON_UNIQUE))
                : gtk_application_new ("io.github.waymark.BareWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
