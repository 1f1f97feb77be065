/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-gui-format.h"
#include "waymark-window-private.h"

/* Opening another catalogue: read in a thread, refused with the reader's message, or shown in
 * the window through its workspace. */

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  WaymarkCatalogue *catalogue = waymark_catalogue_new_from_file (file, &error);

  if (catalogue == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, catalogue, g_object_unref);
}

static void
on_catalogue_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  WaymarkWindow *self = WAYMARK_WINDOW (source);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  catalogue = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (catalogue == NULL)
    {
      waymark_window_show_error (self, _("Could Not Open Catalogue"), error->message);
      return;
    }

  name = g_file_get_basename (file);
  waymark_window_set_catalogue (self, catalogue);
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
    /* Translators: a notification; %s is a file name */
    g_autofree char *message = g_strdup_printf (ngettext ("Opened “%s”: %u intervention",
                                                          "Opened “%s”: %u interventions", n),
                                                name, n);
    adw_toast_overlay_add_toast (self->toast_overlay, waymark_toast_new_for_text (message));
  }
}

void
waymark_window_open_file (WaymarkWindow *self,
                          GFile         *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WAYMARK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, on_catalogue_loaded, NULL);
  g_task_set_source_tag (task, waymark_window_open_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

static void
on_file_chooser_response (GtkNativeDialog *native,
                          int              response,
                          WaymarkWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        waymark_window_open_file (self, file);
    }

  g_object_unref (native);
}

static void
open_catalogue_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Open Catalogue"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (json, _("Catalogues (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), json);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  g_signal_connect (native, "response", G_CALLBACK (on_file_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
waymark_window_catalogue_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-catalogue", NULL, open_catalogue_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-catalogue", NULL);
}
