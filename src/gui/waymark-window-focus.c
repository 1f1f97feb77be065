/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "waymark-window-private.h"

/* Where the focus is, kept safe from two faults of GTK 4.8: a widget that leaves the window with
 * the focus is used after it is freed, and a part of the window hidden (or a page left) with the
 * focus in a popover of it is kept alive for ever. */

/* GTK 4.8 keeps a widget that leaves the window while it has the focus (a toast replaced by the
 * next, a column of the comparison rebuilt) as the window's focus until the next frame, and
 * then moves the focus on. GtkLabel reads the old focus widget before it takes the focus and
 * uses it after, by when the window has dropped its reference, the last one: a use after free
 * (gtk_widget_is_ancestor: assertion 'GTK_IS_WIDGET (widget)' failed, or a crash). So the
 * window holds its focus widget too, and lets go of one the focus has left only once the
 * change is over, when the main loop is next idle. */
static void
on_focus_widget_changed (WaymarkWindow *self,
                         GParamSpec    *pspec,
                         gpointer       data)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  if (focus == self->focus_held)
    return;
  if (self->focus_held != NULL)
    g_idle_add_once (g_object_unref, g_steal_pointer (&self->focus_held));
  if (focus != NULL)
    self->focus_held = g_object_ref (focus);
}

/* Before the window hides or switches away from a part of itself */

void
waymark_window_close_popovers (WaymarkWindow *self)
{
  GtkWidget *closed = NULL;

  /* Closing one gives the focus back to what opened it, which may be in another popover. */
  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
      GtkWidget *popover = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) : NULL;

      if (popover == NULL || popover == closed)
        return;
      gtk_popover_popdown (GTK_POPOVER (popover));
      closed = popover;
    }
}

void
waymark_window_show_page (WaymarkWindow *self,
                          const char    *name)
{
  waymark_window_close_popovers (self);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

void
waymark_window_focus_init (WaymarkWindow *self)
{
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (on_focus_widget_changed), NULL);
}

void
waymark_window_focus_dispose (WaymarkWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_focus_widget_changed, NULL);
  g_clear_object (&self->focus_held);
}
