/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-paper-print.h"
#include "waymark-office.h"
#include "waymark-report-pdf.h"
#include "waymark-window-private.h"

/* The board paper (issue 16): Export Board Paper… writes it as ODT or PDF, the format chosen by
 * the file chooser's filter (or by the name typed, when it ends in .odt or .pdf); Ctrl+P on the
 * Plan page prints it, with the same layout as the PDF. Both are enabled in
 * waymark_window_update_actions() only. */

static const struct
{
  const char *extension;
  const char *pattern;
  const char *filter_name;
  gboolean  (*write) (WaymarkPlan *plan, WaymarkCatalogue *catalogue, GFile *file, GError **error);
} formats[] = {
  { ".odt", "*.odt", N_("OpenDocument Text (ODT)"), waymark_office_write_odt },
  { ".pdf", "*.pdf", N_("PDF documents"), waymark_report_write_pdf },
};

static WaymarkCatalogue *
paper_catalogue (WaymarkWindow *self)
{
  return self->document != NULL ? waymark_plan_document_get_catalogue (self->document) : NULL;
}

gboolean
waymark_window_export_board_paper (WaymarkWindow *self,
                                   GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gsize format = 0;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->plan == NULL)
    return FALSE;
  path = g_file_get_path (file);
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    if (path != NULL && g_str_has_suffix (path, formats[i].extension))
      format = i;

  if (!formats[format].write (self->plan, paper_catalogue (self), file, &error))
    {
      waymark_window_show_error (self, _("Could Not Export Board Paper"), error->message);
      return FALSE;
    }

  waymark_window_toast_exported (self, file);
  return TRUE;
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    WaymarkWindow   *self)
{
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GtkFileFilter *filter;
  gsize format = 0;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (chosen == NULL || self->plan == NULL)
    goto out;

  /* The name typed decides when it says; otherwise the filter chosen. */
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (native));
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    if (filter != NULL && g_strcmp0 (gtk_file_filter_get_name (filter), _(formats[i].filter_name)) == 0)
      format = i;
  path = g_file_get_path (chosen);
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    if (path != NULL && g_str_has_suffix (path, formats[i].extension))
      format = i;
  file = waymark_window_with_extension (chosen, formats[format].extension);
  waymark_window_export_board_paper (self, file);

out:
  g_object_unref (native);
}

static void
export_board_paper_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  g_autofree char *name = waymark_window_suggested_name (self, formats[0].extension);
  GtkFileChooserNative *native;

  waymark_window_apply_typed_notes (self);
  native = gtk_file_chooser_native_new (_("Export Board Paper"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].filter_name));
      gtk_file_filter_add_pattern (filter, formats[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
print_board_paper_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;

  if (self->plan == NULL)
    return;
  waymark_window_apply_typed_notes (self);
  operation = waymark_paper_print_new (self->plan, paper_catalogue (self));
  waymark_window_run_print (self, operation, _("Could not print the board paper"));
}

void
waymark_window_paper_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-board-paper", NULL,
                                   export_board_paper_action);
  gtk_widget_class_install_action (widget_class, "win.print-board-paper", NULL,
                                   print_board_paper_action);
  /* Ctrl+P is the Compare page's print too: only one of the two is enabled on any page, and a
   * shortcut whose action is disabled lets the next one have the key. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print-board-paper", NULL);
}
