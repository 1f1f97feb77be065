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
  waymark_context_page_show_entry (self->context_page, id);
}

void
waymark_window_context_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-context-entry", "s",
                                   show_context_entry_action);
}
