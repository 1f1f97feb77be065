/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "waymark-window-private.h"

/* The Context page (the review's local picture, funding, gaps, standards and recommendations):
 * the links to one of its entries, from the detail pane, and the zoom that reaches it. Its
 * links back to the interventions are "win.show-intervention" (waymark-window-browser.c). */

static void
show_context_entry_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  waymark_window_show_page (self, "context");
  waymark_context_page_show_entry (waymark_window_ensure_context_page (self), id);
}

/* Made the first time it is needed (issue 18: its heading, empty state and rows' box were built
 * and measured before the first frame, out of sight: 23.5 M instructions, 2.1%). */
WaymarkContextPage *
waymark_window_ensure_context_page (WaymarkWindow *self)
{
  if (self->context_page == NULL)
    {
      self->context_page = WAYMARK_CONTEXT_PAGE (waymark_context_page_new ());
      waymark_context_page_set_catalogue (self->context_page, self->catalogue);
      adw_bin_set_child (self->context_bin, GTK_WIDGET (self->context_page));
    }

  return self->context_page;
}

void
waymark_window_context_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-context-entry", "s",
                                   show_context_entry_action);
}
