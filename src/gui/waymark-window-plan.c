/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "waymark-window-private.h"
#include "waymark-gui-format.h"
#include "waymark-local-service-dialog.h"
#include "waymark-plan-item-row.h"
#include "waymark-office.h"
#include "waymark-safe-write.h"

/* The window's plan: adding interventions to it, its file (new, open, save, export),
 * recent plans, the recovery copy, and the window's title. */

static void
update_title (WaymarkWindow *self)
{
  g_autofree char *name = waymark_plan_document_dup_display_name (self->document);
  gboolean modified = waymark_plan_document_get_modified (self->document);
  /* The document's plan, not self->plan: the file and modified state can change while the
   * document is between plans, before self->plan follows. */
  WaymarkPlan *plan = waymark_plan_document_get_plan (self->document);
  const char *plan_title = plan != NULL ? waymark_plan_get_title (plan) : NULL;
  g_autofree char *shown = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  /* The window (in the window list, Alt+Tab) is named by the plan's own title once it has one,
   * on one line; the header keeps the file's name. */
  shown = g_strdup (plan_title != NULL && *plan_title != '\0' ? plan_title : name);
  g_strdelimit (shown, "\n\r\t", ' ');
  if (waymark_plan_document_get_recovered (self->document))
    {
      /* Translators: a window's plan (its title or file name) recovered after a crash and not
       * yet saved */
      char *recovered = g_strdup_printf (_("%s (recovered)"), shown);

      g_free (shown);
      shown = recovered;
    }
  /* Translators: the plan's file name with a mark for unsaved changes, "• plan.waymark" */
  subtitle = modified ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
  /* Translators: the window's title: the plan's title (or file name), with a mark for unsaved
   * changes, then the application's name */
  title = modified ? g_strdup_printf (_("• %s – Waymark"), shown)
                   : g_strdup_printf (_("%s – Waymark"), shown);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_badge (WaymarkWindow *self)
{
  adw_view_stack_page_set_badge_number (self->plan_stack_page,
                                        g_list_model_get_n_items (G_LIST_MODEL (self->plan)));
}

static void
on_document_plan (WaymarkPlanDocument *document,
                  GParamSpec          *pspec,
                  WaymarkWindow       *self)
{
  /* The document has already released the previous plan: the signal group, which holds its
   * target weakly, is what lets go of it safely. */
  self->plan = waymark_plan_document_get_plan (document);
  g_signal_group_set_target (self->plan_signals, self->plan);

  if (self->plan_page != NULL)
    waymark_plan_page_set_plan (self->plan_page, self->plan);
  if (self->appraisal_page != NULL)
    waymark_appraisal_page_set_plan (self->appraisal_page, self->plan);
  waymark_window_update_actions (self);
  update_badge (self);
}

static void
on_document_title (WaymarkPlanDocument *document,
                   GParamSpec          *pspec,
                   WaymarkWindow       *self)
{
  update_title (self);
}

static void
show_plan_item (WaymarkWindow *self,
                const char    *intervention_id)
{
  waymark_window_show_page (self, "plan");
  waymark_plan_page_focus_item (waymark_window_ensure_plan_page (self), intervention_id);
}

/* A notification that something went into the plan, with View to show the item for id. */
static void
add_plan_toast (WaymarkWindow *self,
                const char    *message,
                const char    *id)
{
  AdwToast *toast = waymark_toast_new_for_text (message);

  adw_toast_set_button_label (toast, _("View"));
  adw_toast_set_action_name (toast, "win.show-plan-item");
  adw_toast_set_action_target_value (toast, g_variant_new_string (id));
  waymark_window_add_toast (self, toast);
}

static void
add_to_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  WaymarkIntervention *intervention = waymark_window_lookup (self, id);
  g_autoptr(WaymarkPlanItem) item = NULL;
  g_autofree char *message = NULL;

  if (intervention == NULL)
    return;

  /* Once only: a second add shows the one already there. */
  if (waymark_plan_find_item (self->plan, id, NULL) != NULL)
    {
      /* Translators: a notification; %s is an intervention's name */
      message = g_strdup_printf (_("“%s” is already in the plan"),
                                 waymark_intervention_get_name (intervention));
      waymark_window_add_toast (self, waymark_toast_new_for_text (message));
      show_plan_item (self, id);
      return;
    }

  item = waymark_plan_item_new_for_intervention (intervention);
  waymark_plan_add_item (self->plan, item);

  /* Translators: a notification; %s is an intervention's name */
  message = g_strdup_printf (_("Added “%s” to the plan"), waymark_intervention_get_name (intervention));
  add_plan_toast (self, message, id);
}

/* A service the review does not describe (issue 15): its form, over the window. The dialog
 * adds the service and an item for it, or saves the edit, as the plan's undoable edits. */
static void
add_local_service_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  GtkWidget *dialog;

  if (self->plan == NULL)
    return;
  dialog = waymark_local_service_dialog_new (GTK_WINDOW (self), self->plan, self->catalogue,
                                             NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_local_service_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  WaymarkLocalService *service;
  GtkWidget *dialog;

  if (self->plan == NULL ||
      (service = waymark_plan_find_local_service (self->plan, id, NULL)) == NULL)
    return;
  dialog = waymark_local_service_dialog_new (GTK_WINDOW (self), self->plan, self->catalogue,
                                             service);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* An item for a local service the plan holds without one (imported from a partnership's file),
 * as one undoable edit, recorded as any item added; then shown, as a new item is. */
static void
add_local_service_item_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->plan == NULL)
    return;
  if (!waymark_plan_add_local_service_item (self->plan, id, &error))
    {
      /* The buttons for it went with the change that made it so: said, not shown as an error. */
      waymark_window_add_toast (self, waymark_toast_new_for_text (error->message));
      return;
    }

  /* Translators: a notification; %s is a local service's name */
  message = g_strdup_printf (_("Added “%s” to the plan"),
                             waymark_plan_item_get_name (waymark_plan_find_item (self->plan, id,
                                                                                 NULL)));
  add_plan_toast (self, message, id);
  /* On the Plan page its Add to Plan button has gone with its row, and GTK would put the focus
   * somewhere below: the new item takes it, open for its quantity. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "plan") == 0)
    show_plan_item (self, id);
}

/* Everything selected in the list that is not in the plan yet, as one undoable edit. */
static void
add_selected_to_plan_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  g_autoptr(GPtrArray) selected = waymark_window_dup_selected (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *message = NULL;

  if (selected->len == 0)
    return;

  for (guint i = 0; i < selected->len; i++)
    {
      WaymarkIntervention *intervention = g_ptr_array_index (selected, i);

      if (waymark_plan_find_item (self->plan, waymark_intervention_get_id (intervention), NULL) == NULL)
        g_ptr_array_add (items, waymark_plan_item_new_for_intervention (intervention));
    }

  if (items->len == 0)
    /* Translators: a notification; %u is how many were selected */
    message = g_strdup_printf (ngettext ("The selected intervention is already in the plan",
                                         "All %u selected interventions are already in the plan",
                                         selected->len), selected->len);
  else
    {
      waymark_plan_add_items (self->plan, items);
      /* Translators: a notification; %u is how many were added */
      message = g_strdup_printf (ngettext ("Added %u intervention to the plan",
                                           "Added %u interventions to the plan", items->len),
                                 items->len);
    }

  add_plan_toast (self, message, waymark_intervention_get_id (g_ptr_array_index (selected, 0)));
}

static void
show_plan_item_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  show_plan_item (WAYMARK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Recent plans */

static void
add_to_recent (WaymarkWindow *self,
               GFile         *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/json",
    .app_name = (char *) "Waymark",
    .app_exec = (char *) "waymark %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (self->recent, uri, &data);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (ib), gtk_recent_info_get_modified (ia));
}

static void
rebuild_recent (WaymarkWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent);
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();

  g_menu_remove_all (self->recent_section);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".waymark") &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (plans, info);
    }
  g_ptr_array_sort (plans, compare_recent);

  for (guint i = 0; i < plans->len && i < 8; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (plans, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent-plan",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_section, item);
    }
  if (plans->len == 0)
    g_menu_append (self->recent_section, _("No Recent Plans"), "win.no-recent-plans");

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
on_recent_changed (GtkRecentManager *manager,
                   WaymarkWindow    *self)
{
  rebuild_recent (self);
}

/* Files */

/* The kind of file asked for (name, pattern), then any file. */
static void
add_file_filters (GtkFileChooser *chooser,
                  const char     *name,
                  const char     *pattern)
{
  g_autoptr(GtkFileFilter) files = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (files, name);
  gtk_file_filter_add_pattern (files, pattern);
  gtk_file_chooser_add_filter (chooser, files);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

/* Reads the plan into the window; says when some of its interventions are not in the catalogue. */
static gboolean
read_plan (WaymarkWindow *self,
           GFile         *file,
           GError       **error)
{
  guint n_missing = 0;

  if (!waymark_plan_document_load (self->document, file, error))
    return FALSE;

  add_to_recent (self, file);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->plan)); i++)
    {
      g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->plan), i);

      if (waymark_plan_item_get_missing (item))
        n_missing++;
    }
  if (n_missing > 0)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("%u intervention in this plan is not in the catalogue in "
                                   "use: it is kept and marked",
                                   "%u interventions in this plan are not in the catalogue in "
                                   "use: they are kept and marked", n_missing), n_missing);
      waymark_window_add_toast (self, waymark_toast_new_for_text (message));
    }
  return TRUE;
}

static void
load_plan (WaymarkWindow *self,
           GFile         *file)
{
  g_autoptr(GError) error = NULL;

  if (!read_plan (self, file, &error))
    {
      waymark_window_show_error (self, _("Could Not Open Plan"), error->message);
      return;
    }
  waymark_window_show_page (self, "plan");
}

void
waymark_window_reopen_last_plan (WaymarkWindow *self)
{
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (WAYMARK_IS_WINDOW (self));

  /* Unsaved work to recover comes first: it is offered, and the last plan waits. */
  if (self->settings == NULL || waymark_plan_document_has_recovery (self->document))
    return;
  uri = g_settings_get_string (self->settings, "last-plan");
  if (*uri == '\0')
    return;

  file = g_file_new_for_uri (uri);
  name = g_file_get_parse_name (file);
  if (!read_plan (self, file, &error))
    {
      /* Not asked again: the plan may have been moved or deleted on purpose. */
      g_settings_set_string (self->settings, "last-plan", "");
      /* Translators: at start-up; %s is the plan's file, then why it could not be read */
      message = g_strdup_printf (_("The last plan, “%s”, could not be reopened: %s"), name,
                                 error->message);
      waymark_window_add_toast (self, waymark_toast_new_for_text (message));
      return;
    }
  /* Translators: at start-up; %s is the plan's file */
  message = g_strdup_printf (_("Reopened the last plan, “%s”"), name);
  waymark_window_add_toast (self, waymark_toast_new_for_text (message));
}

static void
on_open_plan_response (GtkNativeDialog *native,
                       int              response,
                       WaymarkWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        load_plan (self, file);
    }

  g_object_unref (native);
}

static void
choose_plan_to_open (WaymarkWindow *self)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Plan"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_file_filters (GTK_FILE_CHOOSER (native), _("Waymark plans"), "*.waymark");
  g_signal_connect (native, "response", G_CALLBACK (on_open_plan_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

gboolean
waymark_window_save_plan_as (WaymarkWindow *self,
                             GFile         *file)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The core writes atomically: on failure the old file is as it was, and it says why. */
  if (!waymark_plan_document_save (self->document, file, &error))
    {
      waymark_window_show_error (self, _("Could Not Save Plan"), error->message);
      return FALSE;
    }

  add_to_recent (self, file);
  return TRUE;
}

gboolean
waymark_window_export_plan (WaymarkWindow     *self,
                            WaymarkPlanFormat  format,
                            GFile             *file)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!waymark_plan_document_export (self->document, format, file, &error))
    {
      waymark_window_show_error (self, _("Could Not Export Plan"), error->message);
      return FALSE;
    }

  waymark_window_toast_exported (self, file);
  return TRUE;
}

char *
waymark_window_suggested_name (WaymarkWindow *self,
                               const char    *extension)
{
  GFile *file = waymark_plan_document_get_file (self->document);
  const char *title = waymark_plan_get_title (self->plan);
  g_autofree char *stem = NULL;

  if (file != NULL)
    {
      g_autofree char *base = g_file_get_basename (file);
      char *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      stem = g_steal_pointer (&base);
    }
  else if (title != NULL && *title != '\0')
    stem = g_strdelimit (g_strdup (title), "/\\:", '-');
  else
    stem = g_strdup (_("Untitled Plan"));

  return g_strconcat (stem, extension, NULL);
}

GFile *
waymark_window_with_extension (GFile      *file,
                               const char *extension)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL || g_str_has_suffix (path, extension))
    return g_object_ref (file);

  {
    g_autofree char *with = g_strconcat (path, extension, NULL);
    return g_file_new_for_path (with);
  }
}

/* Asking about unsaved changes: one question, settled once, then the caller's callback. */

typedef struct
{
  /* Weak: a window destroyed while its question is open (a crash, the application quitting)
   * goes at once, and its dialog with it, as if nothing had been asked. */
  GWeakRef                window;
  WaymarkUnsavedCallback  callback;
  gpointer                user_data;
  GDestroyNotify          destroy;
} Confirm;

/* Dispose clears the document: a window without one has gone, and nothing more is done in it. */
static gboolean
is_disposed (WaymarkWindow *self)
{
  return self->document == NULL;
}

/* The window, held for as long as the caller works in it; NULL once it has gone. */
static WaymarkWindow *
confirm_dup_window (Confirm *confirm)
{
  WaymarkWindow *self = g_weak_ref_get (&confirm->window);

  if (self != NULL && is_disposed (self))
    g_clear_object (&self);
  return self;
}

static void
confirm_complete (Confirm  *confirm,
                  gboolean  go_on)
{
  g_autoptr(WaymarkWindow) self = confirm_dup_window (confirm);

  if (self != NULL)
    confirm->callback (self, go_on, confirm->user_data);
  if (confirm->destroy != NULL)
    confirm->destroy (confirm->user_data);
  g_weak_ref_clear (&confirm->window);
  g_free (confirm);
}

/* A dialog or chooser that goes without an answer (destroyed with its window) cancels. */
static void
confirm_abandon (gpointer data)
{
  confirm_complete (data, FALSE);
}

static void
on_save_as_response (GtkNativeDialog *native,
                     int              response,
                     WaymarkWindow   *self)
{
  Confirm *confirm = g_object_steal_data (G_OBJECT (native), "confirm");
  gboolean saved = FALSE;

  if (response == GTK_RESPONSE_ACCEPT && !is_disposed (self))
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GFile) file = chosen != NULL ? waymark_window_with_extension (chosen, ".waymark") : NULL;

      saved = file != NULL && waymark_window_save_plan_as (self, file);
    }
  if (confirm != NULL)
    confirm_complete (confirm, saved);

  g_object_unref (native);
}

/* Asks where to save, and saves there; `confirm`, if any, is then told whether it was saved. */
static void
choose_where_to_save (WaymarkWindow *self,
                      Confirm       *confirm)
{
  GtkFileChooserNative *native;
  g_autofree char *name = waymark_window_suggested_name (self, ".waymark");

  native = gtk_file_chooser_native_new (_("Save Plan"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_file_filters (GTK_FILE_CHOOSER (native), _("Waymark plans"), "*.waymark");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  if (confirm != NULL)
    g_object_set_data_full (G_OBJECT (native), "confirm", confirm, confirm_abandon);
  g_signal_connect (native, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Saves to the plan's file, or asks where; `confirm`, if any, is then told whether it was. */
/* Notes typed into a plan item and not yet kept (the focus is still in them) are kept before the
 * plan is saved, exported or closed, so what is saved is what the page shows. */
void
waymark_window_apply_typed_notes (WaymarkWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, WAYMARK_TYPE_PLAN_ITEM_ROW)
                                 : NULL;

  if (row != NULL)
    waymark_plan_item_row_apply_notes (WAYMARK_PLAN_ITEM_ROW (row));
}

static void
save_plan (WaymarkWindow *self,
           Confirm       *confirm)
{
  GFile *file;
  gboolean saved;

  waymark_window_apply_typed_notes (self);
  file = waymark_plan_document_get_file (self->document);

  if (file == NULL)
    {
      choose_where_to_save (self, confirm);
      return;
    }

  saved = waymark_window_save_plan_as (self, file);
  if (confirm != NULL)
    confirm_complete (confirm, saved);
}

typedef struct
{
  WaymarkWindow *window;  /* held from the answer until it is acted on */
  Confirm       *confirm;
  char          *response;
} Answer;

static void
act_on_unsaved_answer (gpointer data)
{
  Answer *answer = data;
  Confirm *confirm = answer->confirm;
  WaymarkWindow *self = answer->window;

  if (self == NULL || is_disposed (self))
    confirm_complete (confirm, FALSE);
  else if (g_str_equal (answer->response, "discard"))
    {
      waymark_plan_document_discard_recovery (self->document);
      confirm_complete (confirm, TRUE);
    }
  else if (g_str_equal (answer->response, "save"))
    save_plan (self, confirm);
  else
    confirm_complete (confirm, FALSE);

  g_clear_object (&answer->window);
  g_free (answer->response);
  g_free (answer);
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          data)
{
  Confirm *confirm = g_object_steal_data (G_OBJECT (dialog), "confirm");
  Answer *answer;

  if (confirm == NULL)
    return;

  /* Acted on once the dialog has gone: closing the window from inside its response would
   * leave the dialog with a parent that no longer exists. */
  answer = g_new0 (Answer, 1);
  answer->window = confirm_dup_window (confirm);
  answer->confirm = confirm;
  answer->response = g_strdup (response);
  g_idle_add_once (act_on_unsaved_answer, answer);
}

void
waymark_window_confirm_unsaved (WaymarkWindow          *self,
                                WaymarkUnsavedCallback  callback,
                                gpointer                user_data,
                                GDestroyNotify          destroy)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  Confirm *confirm;
  GtkWidget *dialog;

  g_return_if_fail (WAYMARK_IS_WINDOW (self));
  g_return_if_fail (callback != NULL);

  waymark_window_apply_typed_notes (self);
  confirm = g_new0 (Confirm, 1);
  g_weak_ref_init (&confirm->window, self);
  confirm->callback = callback;
  confirm->user_data = user_data;
  confirm->destroy = destroy;

  /* Nothing to ask: the caller goes on at once, as if there had never been a question. */
  if (!waymark_plan_document_get_modified (self->document))
    {
      confirm_complete (confirm, TRUE);
      return;
    }

  name = waymark_plan_document_dup_display_name (self->document);
  /* Translators: %s is the plan's file name, or "Untitled Plan" */
  body = g_strdup_printf (_("“%s” has changes that are not saved. Changes that are not saved "
                            "will be lost."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "confirm", confirm, confirm_abandon);
  g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* New, open, save */

static void
on_new_plan_confirmed (WaymarkWindow *self,
                       gboolean       go_on,
                       gpointer       user_data)
{
  if (!go_on)
    return;

  waymark_plan_document_reset (self->document);
  waymark_window_show_page (self, "plan");
}

static void
on_open_chooser_confirmed (WaymarkWindow *self,
                           gboolean       go_on,
                           gpointer       user_data)
{
  if (go_on)
    choose_plan_to_open (self);
}

static void
on_open_file_confirmed (WaymarkWindow *self,
                        gboolean       go_on,
                        gpointer       user_data)
{
  if (go_on)
    load_plan (self, G_FILE (user_data));
}

void
waymark_window_open_plan (WaymarkWindow *self,
                          GFile         *file)
{
  g_return_if_fail (WAYMARK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  waymark_window_confirm_unsaved (self, on_open_file_confirmed, g_object_ref (file), g_object_unref);
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  waymark_window_confirm_unsaved (WAYMARK_WINDOW (widget), on_new_plan_confirmed, NULL, NULL);
}

static void
open_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  waymark_window_confirm_unsaved (WAYMARK_WINDOW (widget), on_open_chooser_confirmed, NULL, NULL);
}

static void
open_recent_plan_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  waymark_window_open_plan (WAYMARK_WINDOW (widget), file);
}

static void
save_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  save_plan (WAYMARK_WINDOW (widget), NULL);
}

static void
save_plan_as_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  waymark_window_apply_typed_notes (WAYMARK_WINDOW (widget));
  choose_where_to_save (WAYMARK_WINDOW (widget), NULL);
}

/* The plan's exports: the file chooser's title, filter and extension for each action. */
typedef enum
{
  EXPORT_CSV,
  EXPORT_JSON,
  EXPORT_SUMMARY_CSV,
  EXPORT_WORKBOOK,
} ExportKind;

static const struct
{
  const char *action;
  const char *title;
  const char *filter;
  const char *extension;
} exports[] = {
  [EXPORT_CSV] = { "win.export-plan-csv", N_("Export Plan as CSV"), N_("CSV spreadsheets"),
                   ".csv" },
  [EXPORT_JSON] = { "win.export-plan-json", N_("Export Plan as JSON"), N_("JSON files"),
                    ".json" },
  [EXPORT_SUMMARY_CSV] = { "win.export-plan-summary-csv", N_("Export Summary as CSV"),
                           N_("CSV spreadsheets"), ".csv" },
  [EXPORT_WORKBOOK] = { "win.export-plan-workbook", N_("Export Workbook"),
                        N_("Excel workbooks"), ".xlsx" },
};

gboolean
waymark_window_export_workbook (WaymarkWindow *self,
                                GFile         *file)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!waymark_office_write_xlsx (self->plan, waymark_plan_document_get_catalogue (self->document),
                                  file, &error))
    {
      waymark_window_show_error (self, _("Could Not Export Plan"), error->message);
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
  ExportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "export-kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (chosen != NULL)
        {
          g_autoptr(GFile) file = waymark_window_with_extension (chosen, exports[kind].extension);

          switch (kind)
            {
            case EXPORT_CSV:
              waymark_window_export_plan (self, WAYMARK_PLAN_FORMAT_CSV, file);
              break;
            case EXPORT_JSON:
              waymark_window_export_plan (self, WAYMARK_PLAN_FORMAT_JSON, file);
              break;
            case EXPORT_SUMMARY_CSV:
              waymark_window_export_plan (self, WAYMARK_PLAN_FORMAT_SUMMARY_CSV, file);
              break;
            case EXPORT_WORKBOOK:
              waymark_window_export_workbook (self, file);
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }

  g_object_unref (native);
}

static void
export_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  ExportKind kind = EXPORT_CSV;
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  while (!g_str_equal (exports[kind].action, action_name))
    kind++;
  g_assert (kind < G_N_ELEMENTS (exports));

  waymark_window_apply_typed_notes (self);

  name = waymark_window_suggested_name (self, exports[kind].extension);
  pattern = g_strconcat ("*", exports[kind].extension, NULL);
  native = gtk_file_chooser_native_new (_(exports[kind].title), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _(exports[kind].filter));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data (G_OBJECT (native), "export-kind", GINT_TO_POINTER (kind));
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Local services shared in a file of their own (issue 15; data/catalogue/README.md, "A file of
 * local services"): the file waymark-cli local-services export and import use. */

gboolean
waymark_window_export_local_services (WaymarkWindow *self,
                                      GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = waymark_local_services_to_json (waymark_plan_get_local_services (self->plan));
  /* Atomic: on failure a file already there is as it was. */
  if (!waymark_safe_write_file (file, data, -1, &error))
    {
      waymark_window_show_error (self, _("Could Not Export Local Services"), error->message);
      return FALSE;
    }

  waymark_window_toast_exported (self, file);
  return TRUE;
}

gboolean
waymark_window_import_local_services (WaymarkWindow *self,
                                      GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  guint n_added = 0;
  AdwToast *toast;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Read and checked whole by the core, then added as one undoable step, or not at all. */
  name = g_file_get_basename (file);
  services = waymark_local_services_new_from_file (file, self->catalogue, &error);
  if (services == NULL ||
      !waymark_plan_import_local_services (self->plan, services, self->catalogue, name, &n_added,
                                           &error))
    {
      waymark_window_show_error (self, _("Could Not Import Local Services"), error->message);
      return FALSE;
    }

  if (n_added == 0)
    {
      waymark_window_add_toast (self, waymark_toast_new_for_text (
        _("Nothing to import: the plan has these services already")));
      return TRUE;
    }
  /* Translators: a notification; %u is how many local services a file added to the plan */
  message = g_strdup_printf (ngettext ("Imported %u local service: add it to the plan from the "
                                       "list below the items",
                                       "Imported %u local services: add them to the plan from "
                                       "the list below the items", n_added), n_added);
  toast = waymark_toast_new_for_text (message);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  waymark_window_add_toast (self, toast);
  return TRUE;
}

static void
on_local_services_response (GtkNativeDialog *native,
                            int              response,
                            WaymarkWindow   *self)
{
  gboolean export = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (native)) ==
                    GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (chosen != NULL && export)
        {
          g_autoptr(GFile) file = waymark_window_with_extension (chosen, ".json");

          waymark_window_export_local_services (self, file);
        }
      else if (chosen != NULL)
        waymark_window_import_local_services (self, chosen);
    }

  g_object_unref (native);
}

static void
local_services_file_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  gboolean export = g_str_equal (action_name, "win.export-local-services");
  GtkFileChooserNative *native;

  if (self->plan == NULL)
    return;
  native = gtk_file_chooser_native_new (export ? _("Export Local Services")
                                               : _("Import Local Services"),
                                        GTK_WINDOW (self),
                                        export ? GTK_FILE_CHOOSER_ACTION_SAVE
                                               : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        export ? _("_Export") : _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_file_filters (GTK_FILE_CHOOSER (native), _("Local services (JSON)"), "*.json");
  if (export)
    {
      g_autofree char *name = waymark_window_suggested_name (self, "-local-services.json");

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }
  g_signal_connect (native, "response", G_CALLBACK (on_local_services_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Recovery after a crash.
 *
 * A window that starts with a plan of its own (not a scenario's, not a recovered plan: the
 * window Waymark opens at start) offers every recovery copy that no open window keeps, one
 * question at a time: its own copy first, recovered into itself; then each other copy (another
 * window's when Waymark stopped), recovered into a new window of its own that keeps the copy
 * until its plan is saved or discarded. One window a plan is how the plans were open before the
 * crash; one question at a time never stacks dialogs; and a copy discarded leaves no empty
 * window behind. Discarding deletes that copy only. */

typedef struct
{
  WaymarkWindow *window;  /* weak: the dialogs' parent */
  GPtrArray     *files;   /* GFile: the other copies, in order */
  guint          next;
} RecoveryOffer;

static void offer_next_copy (RecoveryOffer *offer);

static void
recovery_offer_clear (gpointer data)
{
  RecoveryOffer *offer = data;

  if (offer->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (offer->window), (gpointer *) &offer->window);
  g_ptr_array_unref (offer->files);
}

static void
release_offer (gpointer  data,
               GClosure *closure)
{
  g_rc_box_release_full (data, recovery_offer_clear);
}

/* The dialog's answer goes to callback with the offer, which lives as long as the dialog. */
static void
connect_response (GtkWidget     *dialog,
                  GCallback      callback,
                  RecoveryOffer *offer)
{
  g_signal_connect_data (dialog, "response", callback, g_rc_box_acquire (offer), release_offer,
                         0);
}

static GtkWidget *
recovery_dialog_new (WaymarkWindow *self,
                     const char    *heading,
                     const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  /* Escape keeps the copy: only Discard deletes it. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  return dialog;
}

/* file could not be read or recovered: said, naming it, and the next copy is offered once the
 * message is closed. */
static void
on_copy_error_closed (AdwMessageDialog *dialog,
                      const char       *response,
                      RecoveryOffer    *offer)
{
  offer_next_copy (offer);
}

static void
show_copy_error (RecoveryOffer *offer,
                 GFile         *file,
                 const GError  *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  /* Translators: %s is a recovery copy's file, then why it could not be read */
  g_autofree char *message = g_strdup_printf (_("The recovery copy “%s” could not be read: %s"),
                                              name, error->message);
  GtkWidget *dialog = waymark_window_show_error (offer->window, _("Could Not Recover Plan"),
                                                 message);

  connect_response (dialog, G_CALLBACK (on_copy_error_closed), offer);
}

static void
on_copy_response (AdwMessageDialog *dialog,
                  const char       *response,
                  RecoveryOffer    *offer)
{
  WaymarkWindow *self = offer->window;
  GFile *file = g_object_get_data (G_OBJECT (dialog), "waymark-recovery-file");
  g_autoptr(WaymarkWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  WaymarkWindow *window;

  if (self == NULL || is_disposed (self))
    return;

  if (!g_str_equal (response, "recover"))
    {
      if (!g_file_delete (file, NULL, &error) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_message ("Cannot remove a plan’s recovery copy: %s", error->message);
      offer_next_copy (offer);
      return;
    }

  /* A window of its own, as the plan had: the workspace's settings are this window's. */
  workspace = waymark_workspace_new (self->catalogue,
                                     waymark_workspace_get_settings (self->workspace));
  if (!waymark_plan_document_recover_file (waymark_workspace_get_plan_document (workspace), file,
                                           &error))
    {
      show_copy_error (offer, file, error);
      return;
    }
  window = waymark_window_new (gtk_window_get_application (GTK_WINDOW (self)), workspace);
  waymark_window_show_page (window, "plan");
  gtk_window_present (GTK_WINDOW (window));
  offer_next_copy (offer);
}

/* Offers the next other copy still there (one recovered or removed meanwhile is passed over). */
static void
offer_next_copy (RecoveryOffer *offer)
{
  WaymarkWindow *self = offer->window;

  if (self == NULL || is_disposed (self))
    return;

  while (offer->next < offer->files->len)
    {
      GFile *file = g_ptr_array_index (offer->files, offer->next++);
      g_autoptr(WaymarkPlan) plan = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *body = NULL;
      const char *title;
      GtkWidget *dialog;

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) !=
          G_FILE_TYPE_REGULAR)
        continue;

      /* Read first, to name the plan; one that cannot be read is said now, not on Recover. */
      plan = waymark_plan_new_from_file (file, waymark_plan_document_get_catalogue (self->document),
                                         &error);
      if (plan == NULL)
        {
          show_copy_error (offer, file, error);
          return;
        }

      title = waymark_plan_get_title (plan);
      if (title != NULL && *title != '\0')
        /* Translators: %s is the plan's title, as the person gave it */
        body = g_strdup_printf (_("Waymark closed before “%s” was saved in another window. A "
                                  "copy was kept automatically: recover it to carry on in a "
                                  "window of its own, then save it."), title);
      else
        body = g_strdup (_("Waymark closed before an untitled plan was saved in another window. "
                           "A copy was kept automatically: recover it to carry on in a window "
                           "of its own, then save it."));
      dialog = recovery_dialog_new (self, _("Recover Another Unsaved Plan?"), body);
      g_object_set_data_full (G_OBJECT (dialog), "waymark-recovery-file", g_object_ref (file),
                              g_object_unref);
      connect_response (dialog, G_CALLBACK (on_copy_response), offer);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
}

static void
on_recover_response (AdwMessageDialog *dialog,
                     const char       *response,
                     RecoveryOffer    *offer)
{
  WaymarkWindow *self = offer->window;
  g_autoptr(GError) error = NULL;

  if (self == NULL || is_disposed (self))
    return;

  if (!g_str_equal (response, "recover"))
    waymark_plan_document_discard_recovery (self->document);
  else if (!waymark_plan_document_recover (self->document, &error))
    {
      show_copy_error (offer, waymark_plan_document_get_recovery_file (self->document), error);
      return;
    }
  else
    waymark_window_show_page (self, "plan");
  offer_next_copy (offer);
}

/* Whether another window of the application keeps its recovery copy in file. */
static gboolean
is_kept_by_another_window (WaymarkWindow *self,
                           GFile         *file)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  for (GList *l = application != NULL ? gtk_application_get_windows (application) : NULL;
       l != NULL;
       l = l->next)
    {
      GFile *kept;

      if (l->data == (gpointer) self || !WAYMARK_IS_WINDOW (l->data))
        continue;
      kept = waymark_plan_document_get_recovery_file (
        waymark_window_get_plan_document (WAYMARK_WINDOW (l->data)));
      if (kept != NULL && g_file_equal (kept, file))
        return TRUE;
    }
  return FALSE;
}

static void
offer_recovery (WaymarkWindow *self)
{
  GFile *own = waymark_plan_document_get_recovery_file (self->document);
  g_autoptr(GFile) directory = own != NULL ? g_file_get_parent (own) : NULL;
  g_autoptr(GListModel) present = NULL;
  RecoveryOffer *offer;

  g_signal_handlers_disconnect_by_func (self, offer_recovery, NULL);

  offer = g_rc_box_new0 (RecoveryOffer);
  offer->window = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &offer->window);
  offer->files = g_ptr_array_new_with_free_func (g_object_unref);
  present = waymark_plan_document_list_recovery_files (directory);
  for (guint i = 0; i < g_list_model_get_n_items (present); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (present, i);

      if ((own == NULL || !g_file_equal (file, own)) && !is_kept_by_another_window (self, file))
        g_ptr_array_add (offer->files, g_steal_pointer (&file));
    }

  if (waymark_plan_document_has_recovery (self->document))
    {
      GtkWidget *dialog = recovery_dialog_new (
        self, _("Recover Unsaved Plan?"),
        _("Waymark closed before a plan was saved. A copy was kept automatically: recover it "
          "to carry on, then save it."));

      connect_response (dialog, G_CALLBACK (on_recover_response), offer);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    offer_next_copy (offer);
  g_rc_box_release_full (offer, recovery_offer_clear);
}


WaymarkPlanPage *
waymark_window_ensure_plan_page (WaymarkWindow *self)
{
  if (self->plan_page == NULL)
    {
      self->plan_page = WAYMARK_PLAN_PAGE (waymark_plan_page_new ());
      waymark_plan_page_set_plan (self->plan_page, self->plan);
      waymark_plan_page_set_catalogue (self->plan_page, self->catalogue);
      adw_bin_set_child (self->plan_bin, GTK_WIDGET (self->plan_page));
    }

  return self->plan_page;
}

WaymarkAppraisalPage *
waymark_window_ensure_appraisal_page (WaymarkWindow *self)
{
  if (self->appraisal_page == NULL)
    {
      self->appraisal_page = WAYMARK_APPRAISAL_PAGE (waymark_appraisal_page_new ());
      waymark_appraisal_page_set_plan (self->appraisal_page, self->plan);
      waymark_appraisal_page_set_catalogue (self->appraisal_page, self->catalogue);
      adw_bin_set_child (self->appraisal_bin, GTK_WIDGET (self->appraisal_page));
    }

  return self->appraisal_page;
}

void
waymark_window_plan_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-to-plan", "s", add_to_plan_action);
  gtk_widget_class_install_action (widget_class, "win.add-selected-to-plan", NULL,
                                   add_selected_to_plan_action);
  gtk_widget_class_install_action (widget_class, "win.show-plan-item", "s", show_plan_item_action);
  gtk_widget_class_install_action (widget_class, "win.add-local-service", NULL,
                                   add_local_service_action);
  gtk_widget_class_install_action (widget_class, "win.edit-local-service", "s",
                                   edit_local_service_action);
  gtk_widget_class_install_action (widget_class, "win.add-local-service-item", "s",
                                   add_local_service_item_action);
  gtk_widget_class_install_action (widget_class, "win.export-local-services", NULL,
                                   local_services_file_action);
  gtk_widget_class_install_action (widget_class, "win.import-local-services", NULL,
                                   local_services_file_action);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.open-plan", NULL, open_plan_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent-plan", "s",
                                   open_recent_plan_action);
  gtk_widget_class_install_action (widget_class, "win.save-plan", NULL, save_plan_action);
  gtk_widget_class_install_action (widget_class, "win.save-plan-as", NULL, save_plan_as_action);
  gtk_widget_class_install_action (widget_class, "win.export-plan-csv", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "win.export-plan-json", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "win.export-plan-summary-csv", NULL,
                                   export_plan_action);
  gtk_widget_class_install_action (widget_class, "win.export-plan-workbook", NULL,
                                   export_plan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-plan-as", NULL);
}

void
waymark_window_plan_init (WaymarkWindow *self)
{
  self->plan_signals = g_signal_group_new (WAYMARK_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify::can-undo",
                                  G_CALLBACK (waymark_window_update_actions), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::can-redo",
                                  G_CALLBACK (waymark_window_update_actions), self);
  g_signal_group_connect_swapped (self->plan_signals, "items-changed",
                                  G_CALLBACK (update_badge), self);
  /* Whether it has local services to export. */
  g_signal_group_connect_swapped (self->plan_signals, "changed",
                                  G_CALLBACK (waymark_window_update_actions), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::title", G_CALLBACK (update_title),
                                  self);
  waymark_window_undo_init (self);
  g_signal_connect (self->document, "notify::plan", G_CALLBACK (on_document_plan), self);
  g_signal_connect (self->document, "notify::modified", G_CALLBACK (on_document_title), self);
  g_signal_connect (self->document, "notify::file", G_CALLBACK (on_document_title), self);
  g_signal_connect (self->document, "notify::recovered", G_CALLBACK (on_document_title), self);
  on_document_plan (self->document, NULL, self);
  update_title (self);
}

void
waymark_window_plan_constructed (WaymarkWindow *self)
{
  if (self->recent == NULL)
    self->recent = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_object (self->recent, "changed", G_CALLBACK (on_recent_changed), self, 0);
  rebuild_recent (self);

  /* Offered once the window is there to be the dialogs' parent, by a window that starts with a
   * plan of its own: a scenario's or a recovered plan's window is unsaved from the start, and
   * offers nothing. */
  if (!waymark_plan_document_get_modified (self->document))
    g_signal_connect (self, "map", G_CALLBACK (offer_recovery), NULL);
}
