/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-gui-format.h"
#include "waymark-plans-print.h"
#include "waymark-gui-a11y.h"
#include "waymark-plans-window.h"
#include "waymark-safe-write.h"

struct _WaymarkPlansWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toasts;
  AdwHeaderBar    *header;
  GtkStack        *stack;
  GtkGrid         *grid;
  GtkListBox      *chooser_list;
  GtkLabel        *chooser_hint;

  /* Owned */
  WaymarkCatalogue      *catalogue;
  GListModel            *documents;
  GListStore            *files;     /* WaymarkPlanDocument: plan files opened here */
  GPtrArray             *chosen;    /* WaymarkPlanDocument, in the order chosen */
  GPtrArray             *watched;   /* the documents and plans followed for changes */
  WaymarkPlanComparison *comparison;
  GHashTable            *value_labels;  /* "id|plan" -> GtkLabel, borrowed from the grid */
  guint                  rebuild_id;
  guint                  chooser_id;
  gboolean               presenting;
};

G_DEFINE_FINAL_TYPE (WaymarkPlansWindow, waymark_plans_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CATALOGUE,
  PROP_DOCUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void queue_chooser (WaymarkPlansWindow *self);

/* Names */

static char *
document_name (WaymarkPlanDocument *document)
{
  return waymark_plan_comparison_display_name (waymark_plan_document_get_plan (document),
                                               waymark_plan_document_get_file (document));
}

/* Following the chosen plans */

static void
unwatch (WaymarkPlansWindow *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

static void rebuild (WaymarkPlansWindow *self);

static gboolean
on_rebuild_idle (gpointer data)
{
  WaymarkPlansWindow *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* A burst of edits (or a plan replaced in its window) is one rebuild. */
static void
queue_rebuild (WaymarkPlansWindow *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (on_rebuild_idle, self);
}

static void
on_watched_changed (gpointer            source,
                    WaymarkPlansWindow *self)
{
  queue_rebuild (self);
}

static void
on_watched_notify (GObject            *source,
                   GParamSpec         *pspec,
                   WaymarkPlansWindow *self)
{
  queue_rebuild (self);
  /* A plan's title or file is its name in the chooser too. */
  queue_chooser (self);
}

static void
watch (WaymarkPlansWindow *self)
{
  unwatch (self);
  for (guint i = 0; i < self->chosen->len; i++)
    {
      WaymarkPlanDocument *document = g_ptr_array_index (self->chosen, i);
      WaymarkPlan *plan = waymark_plan_document_get_plan (document);

      g_signal_connect (document, "notify::plan", G_CALLBACK (on_watched_notify), self);
      g_signal_connect (document, "notify::file", G_CALLBACK (on_watched_notify), self);
      g_ptr_array_add (self->watched, g_object_ref (document));
      g_signal_connect (plan, "changed", G_CALLBACK (on_watched_changed), self);
      g_ptr_array_add (self->watched, g_object_ref (plan));
    }
}

/* The table */

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
attach_heading (WaymarkPlansWindow *self,
                const char         *text,
                int                 row)
{
  GtkWidget *heading = label_new (text, "heading");

  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_widget_set_margin_top (heading, 18);
  gtk_grid_attach (self->grid, heading, 0, row, (int) self->comparison->n_plans + 1, 1);
}

static void
clear_grid (WaymarkPlansWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_hash_table_remove_all (self->value_labels);
}

static void
attach_names (WaymarkPlansWindow *self,
              int                *row)
{
  WaymarkPlanComparison *comparison = self->comparison;

  for (guint p = 0; p < comparison->n_plans; p++)
    {
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_box_append (GTK_BOX (column), label_new (comparison->names[p], "title-4"));
      if (comparison->lowest_cost[p])
        gtk_box_append (GTK_BOX (column),
                        waymark_mark_new ("starred-symbolic", _("Lowest cost"), "best-mark"));
      if (comparison->strongest_evidence[p])
        gtk_box_append (GTK_BOX (column),
                        waymark_mark_new ("starred-symbolic", _("Strongest evidence mix"), "best-mark"));
      gtk_widget_set_hexpand (column, TRUE);
      gtk_grid_attach (self->grid, column, (int) p + 1, *row, 1, 1);
    }
  (*row)++;
  /* What the marks mean, in words, and what the differences are measured from. */
  gtk_grid_attach (self->grid, label_new (comparison->lowest_cost_words, "dim-label"),
                   0, (*row)++, (int) comparison->n_plans + 1, 1);
  gtk_grid_attach (self->grid, label_new (comparison->strongest_evidence_words, "dim-label"),
                   0, (*row)++, (int) comparison->n_plans + 1, 1);
}

static void
attach_measures (WaymarkPlansWindow *self,
                 int                *row)
{
  WaymarkPlanComparison *comparison = self->comparison;
  int section = -1;

  for (guint m = 0; m < comparison->measures->len; m++)
    {
      const WaymarkPlanMeasure *measure = g_ptr_array_index (comparison->measures, m);
      GtkWidget *name = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      if ((int) measure->section != section)
        {
          section = measure->section;
          attach_heading (self, waymark_plan_section_get_label (section), (*row)++);
        }
      gtk_box_append (GTK_BOX (name), label_new (measure->label, NULL));
      if (measure->differs)
        gtk_box_append (GTK_BOX (name), waymark_mark_new ("view-dual-symbolic", _("Differs"),
                                                  "differs-mark"));
      gtk_grid_attach (self->grid, name, 0, *row, 1, 1);

      for (guint p = 0; p < comparison->n_plans; p++)
        {
          g_autofree char *text = waymark_plan_comparison_format_value (measure, p);
          GtkWidget *value = label_new (text, "numeric");

          if (measure->values[p].state != WAYMARK_PLAN_VALUE_KNOWN)
            gtk_widget_add_css_class (value, "dim-label");
          gtk_grid_attach (self->grid, value, (int) p + 1, *row, 1, 1);
          g_hash_table_insert (self->value_labels, g_strdup_printf ("%s|%u", measure->id, p),
                               value);
        }
      (*row)++;
    }
}

static void
attach_warnings (WaymarkPlansWindow *self,
                 int                *row)
{
  WaymarkPlanComparison *comparison = self->comparison;

  attach_heading (self, _("Warnings"), (*row)++);
  gtk_grid_attach (self->grid, label_new (_("What each plan raises, and what it clears of the "
                                            "others’"), "dim-label"), 0, *row, 1, 1);
  for (guint p = 0; p < comparison->n_plans; p++)
    {
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      g_autoptr(GPtrArray) cleared = waymark_plan_comparison_list_cleared (comparison, p);

      for (guint r = 0; r < comparison->warnings->len; r++)
        {
          const WaymarkPlanWarningRow *warning = g_ptr_array_index (comparison->warnings, r);

          if (warning->messages[p] != NULL)
            {
              gtk_box_append (GTK_BOX (column), waymark_mark_new ("dialog-warning-symbolic", _("Raises"),
                                                          "warning-mark"));
              gtk_box_append (GTK_BOX (column), label_new (warning->messages[p], NULL));
            }
        }
      for (guint r = 0; r < cleared->len; r++)
        {
          const WaymarkPlanWarningRow *warning = g_ptr_array_index (cleared, r);
          guint q = 0;

          while (warning->messages[q] == NULL)
            q++;
          gtk_box_append (GTK_BOX (column), waymark_mark_new ("emblem-ok-symbolic", _("Clears"),
                                                      "clears-mark"));
          gtk_box_append (GTK_BOX (column), label_new (warning->messages[q], "dim-label"));
        }
      gtk_grid_attach (self->grid, column, (int) p + 1, *row, 1, 1);
    }
  (*row)++;
}

static void
attach_items (WaymarkPlansWindow *self,
              int                *row)
{
  WaymarkPlanComparison *comparison = self->comparison;
  g_autofree char *from = NULL;

  attach_heading (self, _("Items"), (*row)++);
  /* Translators: %s is the first plan's name */
  from = g_strdup_printf (_("Differences in money are over the plan, from %s."),
                          comparison->names[0]);
  gtk_grid_attach (self->grid, label_new (from, "dim-label"), 0, (*row)++,
                   (int) comparison->n_plans + 1, 1);
  for (guint r = 0; r < comparison->items->len; r++)
    {
      const WaymarkPlanItemRow *item = g_ptr_array_index (comparison->items, r);
      GtkWidget *name = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_box_append (GTK_BOX (name), label_new (item->name, NULL));
      gtk_box_append (GTK_BOX (name), label_new (item->in_every_plan ? _("In every plan")
                                                                      : _("In some plans only"),
                                                 "dim-label"));
      if (item->differs)
        gtk_box_append (GTK_BOX (name), waymark_mark_new ("view-dual-symbolic", _("Differs"),
                                                  "differs-mark"));
      gtk_grid_attach (self->grid, name, 0, *row, 1, 1);
      for (guint p = 0; p < comparison->n_plans; p++)
        {
          g_autofree char *text = waymark_plan_comparison_format_item (item, p);
          GtkWidget *value = label_new (text, "numeric");

          if (!item->cells[p].present)
            gtk_widget_add_css_class (value, "dim-label");
          gtk_grid_attach (self->grid, value, (int) p + 1, *row, 1, 1);
        }
      (*row)++;
    }
}

static void
update_actions (WaymarkPlansWindow *self)
{
  gboolean shown = self->comparison != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.export-csv", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.export-json", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.print", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.present", shown || self->presenting);
  /* Escape leaves a presentation, as on the Compare page; otherwise it is not the window's. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.leave-presentation", self->presenting);
}

static void
rebuild (WaymarkPlansWindow *self)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int row = 0;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  clear_grid (self);
  g_clear_pointer (&self->comparison, waymark_plan_comparison_free);
  watch (self);

  if (self->chosen->len < WAYMARK_PLAN_COMPARISON_MIN)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return;
    }

  for (guint i = 0; i < self->chosen->len; i++)
    {
      WaymarkPlanDocument *document = g_ptr_array_index (self->chosen, i);

      g_ptr_array_add (plans, waymark_plan_document_get_plan (document));
      g_ptr_array_add (names, document_name (document));
    }
  g_ptr_array_add (names, NULL);
  self->comparison = waymark_plan_comparison_new ((WaymarkPlan **) plans->pdata,
                                                  (const char * const *) names->pdata,
                                                  plans->len, self->catalogue);

  attach_names (self, &row);
  attach_measures (self, &row);
  attach_warnings (self, &row);
  attach_items (self, &row);
  gtk_stack_set_visible_child_name (self->stack, "table");
  update_actions (self);
}

/* The chooser */

static void
on_check_toggled (GtkCheckButton     *check,
                  WaymarkPlansWindow *self)
{
  WaymarkPlanDocument *document = g_object_get_data (G_OBJECT (check), "document");

  waymark_plans_window_set_chosen (self, document, gtk_check_button_get_active (check));
}

static void
add_chooser_rows (WaymarkPlansWindow *self,
                  GListModel         *model,
                  const char         *kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WaymarkPlanDocument) document = g_list_model_get_item (model, i);
      g_autofree char *name = document_name (document);
      gboolean chosen = g_ptr_array_find (self->chosen, document, NULL);
      /* The row's title is the name: the check box says it again to a screen reader only (it
       * was shown twice, once beside the box and once as the title). */
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *row = adw_action_row_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* At most four columns: the others wait until one is left out. */
      gtk_widget_set_sensitive (check, chosen || self->chosen->len < WAYMARK_PLAN_COMPARISON_MAX);
      g_object_set_data_full (G_OBJECT (check), "document", g_object_ref (document),
                              g_object_unref);
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
      gtk_widget_set_name (check, "plan-check");
      waymark_a11y_name_only_by_label (check, name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->chooser_list, row);
    }
}

static void
rebuild_chooser (WaymarkPlansWindow *self)
{
  GtkWidget *child;
  g_autofree char *hint = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chooser_list))) != NULL)
    gtk_list_box_remove (self->chooser_list, child);
  add_chooser_rows (self, self->documents, _("Open in Waymark"));
  add_chooser_rows (self, G_LIST_MODEL (self->files), _("Plan file"));
  /* Translators: %u is how many plans are chosen */
  hint = g_strdup_printf (_("%u of two to four plans chosen"), self->chosen->len);
  gtk_label_set_text (self->chooser_hint, hint);
}

static gboolean
on_chooser_idle (gpointer data)
{
  WaymarkPlansWindow *self = data;

  self->chooser_id = 0;
  rebuild_chooser (self);
  return G_SOURCE_REMOVE;
}

/* Not while a check button of the chooser is still emitting "toggled". */
static void
queue_chooser (WaymarkPlansWindow *self)
{
  if (self->chooser_id == 0)
    self->chooser_id = g_idle_add (on_chooser_idle, self);
}

static gboolean
model_contains (GListModel *model,
                gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return TRUE;
    }
  return FALSE;
}

/* A plan whose window closed leaves the comparison with it. */
static void
on_documents_changed (GListModel         *model,
                      guint               position,
                      guint               removed,
                      guint               added,
                      WaymarkPlansWindow *self)
{
  gboolean dropped = FALSE;

  for (guint i = self->chosen->len; i-- > 0;)
    {
      gpointer document = g_ptr_array_index (self->chosen, i);

      if (!model_contains (self->documents, document) &&
          !model_contains (G_LIST_MODEL (self->files), document))
        {
          g_ptr_array_remove_index (self->chosen, i);
          dropped = TRUE;
        }
    }
  rebuild_chooser (self);
  if (dropped)
    rebuild (self);
}

void
waymark_plans_window_set_chosen (WaymarkPlansWindow  *self,
                                 WaymarkPlanDocument *document,
                                 gboolean             chosen)
{
  guint index;
  gboolean found;

  g_return_if_fail (WAYMARK_IS_PLANS_WINDOW (self));
  g_return_if_fail (WAYMARK_IS_PLAN_DOCUMENT (document));

  found = g_ptr_array_find (self->chosen, document, &index);
  if (chosen == found || (chosen && self->chosen->len >= WAYMARK_PLAN_COMPARISON_MAX))
    {
      queue_chooser (self);
      return;
    }
  if (chosen)
    g_ptr_array_add (self->chosen, g_object_ref (document));
  else
    g_ptr_array_remove_index (self->chosen, index);
  /* The check buttons' sensitivity and the count follow. */
  queue_chooser (self);
  rebuild (self);
}

gboolean
waymark_plans_window_add_file (WaymarkPlansWindow  *self,
                               GFile               *file,
                               GError             **error)
{
  g_autoptr(WaymarkPlanDocument) document = NULL;

  g_return_val_if_fail (WAYMARK_IS_PLANS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Read only: this document is never saved, so it keeps no recovery copy. */
  document = g_object_new (WAYMARK_TYPE_PLAN_DOCUMENT, "catalogue", self->catalogue, NULL);
  if (!waymark_plan_document_load (document, file, error))
    return FALSE;
  g_list_store_append (self->files, document);
  if (self->chosen->len < WAYMARK_PLAN_COMPARISON_MAX)
    waymark_plans_window_set_chosen (self, document, TRUE);
  return TRUE;
}

/* Actions */

static void
show_error (WaymarkPlansWindow *self,
            const char         *heading,
            const char         *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_file_response (GtkNativeDialog    *native,
                      int                 response,
                      WaymarkPlansWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (!waymark_plans_window_add_file (self, file, &error))
        show_error (self, _("Could Not Open Plan"), error->message);
    }
  g_object_unref (native);
}

static void
add_file_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WaymarkPlansWindow *self = WAYMARK_PLANS_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Add a Plan File"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Waymark plans"));
  gtk_file_filter_add_suffix (filter, "waymark");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_add_file_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_export_response (GtkNativeDialog    *native,
                    int                 response,
                    WaymarkPlansWindow *self)
{
  gboolean csv = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "csv"));

  if (response == GTK_RESPONSE_ACCEPT && self->comparison != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *data = csv ? waymark_plan_comparison_to_csv (self->comparison)
                                  : waymark_plan_comparison_to_json (self->comparison);
      g_autoptr(GError) error = NULL;

      /* Atomic: on failure the old file is as it was, and the message names the file. */
      if (!waymark_safe_write_file (file, data, -1, &error))
        show_error (self, _("Could Not Export the Comparison"), error->message);
      else
        adw_toast_overlay_add_toast (self->toasts,
                                     waymark_toast_new_for_text (_("Comparison exported")));
    }
  g_object_unref (native);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WaymarkPlansWindow *self = WAYMARK_PLANS_WINDOW (widget);
  gboolean csv = g_str_equal (action_name, "plans.export-csv");
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (csv ? _("Export Comparison as CSV")
                                            : _("Export Comparison as JSON"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native),
                                     csv ? _("plans-compared.csv") : _("plans-compared.json"));
  g_object_set_data (G_OBJECT (native), "csv", GINT_TO_POINTER (csv));
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WaymarkPlansWindow *self = WAYMARK_PLANS_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->comparison == NULL)
    return;
  operation = waymark_plans_print_new (self->comparison);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Could Not Print"), error->message);
}

/* Presentation: full screen, larger text, for the meeting room's screen. */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WaymarkPlansWindow *self = WAYMARK_PLANS_WINDOW (widget);

  self->presenting = !self->presenting;
  if (self->presenting)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "presenting");
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presenting");
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }
  update_actions (self);
}

static void
leave_presentation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  if (WAYMARK_PLANS_WINDOW (widget)->presenting)
    present_action (widget, action_name, parameter);
}

/* GObject */

static void
waymark_plans_window_constructed (GObject *object)
{
  WaymarkPlansWindow *self = WAYMARK_PLANS_WINDOW (object);

  G_OBJECT_CLASS (waymark_plans_window_parent_class)->constructed (object);

  if (self->documents == NULL)
    self->documents = G_LIST_MODEL (g_list_store_new (WAYMARK_TYPE_PLAN_DOCUMENT));
  g_signal_connect (self->documents, "items-changed", G_CALLBACK (on_documents_changed), self);

  /* The first two to four open plans, so that two scenarios open side by side at once. */
  for (guint i = 0; i < g_list_model_get_n_items (self->documents) &&
                    self->chosen->len < WAYMARK_PLAN_COMPARISON_MAX; i++)
    g_ptr_array_add (self->chosen, g_list_model_get_item (self->documents, i));
  rebuild_chooser (self);
  rebuild (self);
}

static void
waymark_plans_window_dispose (GObject *object)
{
  WaymarkPlansWindow *self = WAYMARK_PLANS_WINDOW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->chooser_id, g_source_remove);
  if (self->watched != NULL)
    unwatch (self);
  if (self->documents != NULL)
    g_signal_handlers_disconnect_by_data (self->documents, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_PLANS_WINDOW);
  g_clear_pointer (&self->comparison, waymark_plan_comparison_free);
  g_clear_pointer (&self->chosen, g_ptr_array_unref);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->value_labels, g_hash_table_unref);
  g_clear_object (&self->files);
  g_clear_object (&self->documents);
  g_clear_object (&self->catalogue);

  G_OBJECT_CLASS (waymark_plans_window_parent_class)->dispose (object);
}

static void
waymark_plans_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WaymarkPlansWindow *self = WAYMARK_PLANS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      g_value_set_object (value, self->catalogue);
      break;
    case PROP_DOCUMENTS:
      g_value_set_object (value, self->documents);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_plans_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  WaymarkPlansWindow *self = WAYMARK_PLANS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      self->catalogue = g_value_dup_object (value);
      break;
    case PROP_DOCUMENTS:
      self->documents = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_plans_window_class_init (WaymarkPlansWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = waymark_plans_window_constructed;
  object_class->dispose = waymark_plans_window_dispose;
  object_class->get_property = waymark_plans_window_get_property;
  object_class->set_property = waymark_plans_window_set_property;

  properties[PROP_CATALOGUE] =
    g_param_spec_object ("catalogue", NULL, NULL, WAYMARK_TYPE_CATALOGUE, flags);
  properties[PROP_DOCUMENTS] =
    g_param_spec_object ("documents", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-plans-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlansWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlansWindow, header);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlansWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlansWindow, grid);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlansWindow, chooser_list);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlansWindow, chooser_hint);

  gtk_widget_class_install_action (widget_class, "plans.add-file", NULL, add_file_action);
  gtk_widget_class_install_action (widget_class, "plans.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "plans.export-json", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "plans.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "plans.present", NULL, present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "plans.present", NULL);
  gtk_widget_class_install_action (widget_class, "plans.leave-presentation", NULL,
                                   leave_presentation_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "plans.leave-presentation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "plans.print",
                                       NULL);
}

static void
waymark_plans_window_init (WaymarkPlansWindow *self)
{
  self->files = g_list_store_new (WAYMARK_TYPE_PLAN_DOCUMENT);
  self->chosen = g_ptr_array_new_with_free_func (g_object_unref);
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->value_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
waymark_plans_window_new (GtkApplication   *application,
                          WaymarkCatalogue *catalogue,
                          GListModel       *documents)
{
  return g_object_new (WAYMARK_TYPE_PLANS_WINDOW,
                       "application", application,
                       "catalogue", catalogue,
                       "documents", documents,
                       NULL);
}

WaymarkPlanComparison *
waymark_plans_window_get_comparison (WaymarkPlansWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLANS_WINDOW (self), NULL);

  return self->comparison;
}

GtkLabel *
waymark_plans_window_get_value_label (WaymarkPlansWindow *self,
                                      const char         *id,
                                      guint               plan)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (WAYMARK_IS_PLANS_WINDOW (self), NULL);

  key = g_strdup_printf ("%s|%u", id, plan);
  return g_hash_table_lookup (self->value_labels, key);
}
