/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-gui-a11y.h"
#include "waymark-status-dialog.h"

/* One option's place on the long list, set from the Appraisal page and from an intervention's
 * detail: a status, a one-line reason and a Green Book dimension, applied as one of the core's
 * setters (so one undoable step of the plan). */


typedef struct
{
  WaymarkPlan          *plan;  /* a strong reference */
  char                 *option_id;
  GtkDropDown          *status;
  GtkEntry             *reason;
  GtkDropDown          *dimension;
  GtkLabel             *message;
} StatusEdit;

static void
status_edit_free (gpointer data)
{
  StatusEdit *edit = data;

  g_object_unref (edit->plan);
  g_free (edit->option_id);
  g_free (edit);
}

static gboolean
status_edit_is_blank (StatusEdit *edit)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (edit->reason))));

  return *reason == '\0';
}

/* Not taken forward needs a reason: the dialog will not apply one without it, and says why. */
static void
update_status_edit (AdwMessageDialog *dialog)
{
  StatusEdit *edit = g_object_get_data (G_OBJECT (dialog), "status-edit");
  gboolean refused = gtk_drop_down_get_selected (edit->status) == WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD &&
                     status_edit_is_blank (edit);

  adw_message_dialog_set_response_enabled (dialog, "apply", !refused);
  gtk_widget_set_visible (GTK_WIDGET (edit->message), refused);
}

static void
on_status_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  StatusEdit *edit = g_object_get_data (G_OBJECT (dialog), "status-edit");
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  if (g_strcmp0 (response, "apply") != 0)
    return;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (edit->reason))));
  if (!waymark_appraisal_set_status (waymark_plan_get_appraisal (edit->plan),
                                     edit->option_id, gtk_drop_down_get_selected (edit->status),
                                     reason, gtk_drop_down_get_selected (edit->dimension), &error))
    {
      GtkWidget *alert = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                                 _("The Status Was Not Changed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }
}

static GtkWidget *
labelled (GtkWidget  *box,
          const char *text,
          GtkWidget  *control,
          const char *name)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), control);
  gtk_widget_set_name (control, name);
  waymark_a11y_name_only_by_label (control, text);
  return control;
}

static GtkWidget *
status_drop_down_new (void)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = WAYMARK_OPTION_STATUS_SHORTLISTED; i <= WAYMARK_OPTION_STATUS_DEFERRED; i++)
    gtk_string_list_append (labels, waymark_option_status_get_label (i));
  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
}

static GtkWidget *
dimension_drop_down_new (void)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = WAYMARK_OPTION_DIMENSION_NONE; i <= WAYMARK_OPTION_DIMENSION_FUNDING; i++)
    gtk_string_list_append (labels, waymark_option_dimension_get_label (i));
  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
}

AdwMessageDialog *
waymark_status_dialog_present (GtkWidget   *widget,
                               WaymarkPlan *plan,
                               const char  *id,
                               const char  *name)
{
  WaymarkAppraisal *appraisal;
  WaymarkOptionStatus status;
  const char *reason;
  WaymarkOptionDimension dimension;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  StatusEdit *edit;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (WAYMARK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (id != NULL && name != NULL, NULL);

  appraisal = waymark_plan_get_appraisal (plan);
  waymark_appraisal_get_status (appraisal, id, &status, &reason, &dimension);
  root = gtk_widget_get_root (widget);

  /* Translators: a dialog's heading; %s is an option's name */
  heading = g_strdup_printf (_("Status of %s"), name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Whether this option is kept on the shortlist, deferred, or "
                                     "not taken forward, and why, in one line."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", _("_Apply"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  edit = g_new0 (StatusEdit, 1);
  edit->plan = g_object_ref (plan);
  edit->option_id = g_strdup (id);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  edit->status = GTK_DROP_DOWN (labelled (box, _("Status"), status_drop_down_new (), "status"));
  edit->reason = GTK_ENTRY (labelled (box, _("Reason"), gtk_entry_new (), "reason"));
  edit->dimension = GTK_DROP_DOWN (labelled (box, _("Green Book dimension"),
                                             dimension_drop_down_new (), "dimension"));
  edit->message = GTK_LABEL (gtk_label_new (_("An option not taken forward needs a reason.")));
  gtk_widget_set_name (GTK_WIDGET (edit->message), "message");
  gtk_label_set_wrap (GTK_LABEL (edit->message), TRUE);
  gtk_label_set_xalign (edit->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (edit->message), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (edit->message));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data_full (G_OBJECT (dialog), "status-edit", edit, status_edit_free);

  gtk_drop_down_set_selected (edit->status, status);
  gtk_editable_set_text (GTK_EDITABLE (edit->reason), reason);
  gtk_entry_set_activates_default (edit->reason, TRUE);
  gtk_drop_down_set_selected (edit->dimension, dimension);
  g_signal_connect_swapped (edit->status, "notify::selected", G_CALLBACK (update_status_edit),
                            dialog);
  g_signal_connect_swapped (edit->reason, "changed", G_CALLBACK (update_status_edit), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_status_response), NULL);
  update_status_edit (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}
