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

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Where the focus was in a page when the window left it, to give it back on return (as
 * AdwViewStack would). */
static void
remember_focus (GtkWidget *page,
                GtkWidget *focus)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, focus);
  g_object_set_data_full (G_OBJECT (page), "waymark-last-focus", ref, weak_ref_free);
}

static void
focus_page (GtkWidget *page)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (page), "waymark-last-focus");
  g_autoptr(GtkWidget) last = ref != NULL ? g_weak_ref_get (ref) : NULL;

  if (last != NULL && gtk_widget_is_ancestor (last, page) && gtk_widget_is_visible (last) &&
      gtk_widget_grab_focus (last))
    return;
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/* A page left with the focus in it: GTK 4.8 hides it by keeping a reference on the page
 * (GtkWindow's move_focus_widget) until the focus lands somewhere visible, at once if the stack
 * can give the new page the focus, else at the next frame; a second page left that way before
 * then replaces that reference without giving it back, and the page, its state and the
 * catalogue are held for ever (issue 11, the GUI monkey's seeds 93000025, 93000053, 94000027).
 * So the window takes the focus out of the page before the stack hides it, and gives the page
 * it shows the focus itself. */
void
waymark_window_show_page (WaymarkWindow *self,
                          const char    *name)
{
  GtkWidget *leaving = adw_view_stack_get_visible_child (self->view_stack);
  GtkWidget *showing = adw_view_stack_get_child_by_name (self->view_stack, name);
  GtkWidget *focus;

  waymark_window_close_popovers (self);
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (showing == NULL || showing == leaving || leaving == NULL || focus == NULL ||
      !gtk_widget_is_ancestor (focus, leaving))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, name);
      return;
    }

  remember_focus (leaving, focus);
  gtk_root_set_focus (GTK_ROOT (self), NULL);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  focus_page (showing);
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
