/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "waymark-gui-a11y.h"

static void
on_button_label_notify (GtkButton  *button,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  GtkWidget *child = gtk_button_get_child (button);

  if (!GTK_IS_LABEL (child))
    return;
  /* gtk_label_get_text: the text as shown, without the mnemonic's underscore. */
  waymark_a11y_name_only_by_label (GTK_WIDGET (button), gtk_label_get_text (GTK_LABEL (child)));
}

void
waymark_a11y_name_button_from_label (GtkButton *button)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  on_button_label_notify (button, NULL, NULL);
  /* Once: a button can be named again (a toast's, each time the toasts change). */
  if (g_signal_handler_find (button, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_button_label_notify,
                             NULL) == 0)
    g_signal_connect (button, "notify::label", G_CALLBACK (on_button_label_notify), NULL);
}

void
waymark_a11y_name_only_by_label (GtkWidget  *widget,
                                 const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (label != NULL);

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

void
waymark_a11y_name_parts (GtkWidget  *root,
                         GType       type,
                         const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    waymark_a11y_name_parts (child, type, label);
}

void
waymark_a11y_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)))
    waymark_a11y_name_button_from_label (GTK_BUTTON (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    waymark_a11y_name_mnemonic_buttons (child);
}

static void
on_status_page_title (AdwStatusPage *page,
                      GParamSpec    *pspec,
                      gpointer       user_data)
{
  const char *title = adw_status_page_get_title (page);

  if (title != NULL && *title != '\0')
    waymark_a11y_name_parts (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, title);
}

void
waymark_a11y_name_status_pages (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (ADW_IS_STATUS_PAGE (root))
    {
      /* Some pages are titled later, from what they show. */
      on_status_page_title (ADW_STATUS_PAGE (root), NULL, NULL);
      g_signal_connect (root, "notify::title", G_CALLBACK (on_status_page_title), NULL);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    waymark_a11y_name_status_pages (child);
}

void
waymark_a11y_name_combo_row_list (AdwComboRow *row)
{
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  waymark_a11y_name_parts (GTK_WIDGET (row), GTK_TYPE_LIST_VIEW,
                           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}
