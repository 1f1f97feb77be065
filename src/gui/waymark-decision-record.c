/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "waymark-decision-record.h"

struct _WaymarkDecisionRecord
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget  *group;
  GtkListBox *list;
  GtkWidget  *empty_label;
  GtkWidget  *older_label;

  /* Owned */
  WaymarkPlan      *plan;
  WaymarkCatalogue *catalogue;
  GSignalGroup     *record_signals;  /* on the plan's record, a GListModel */
};

G_DEFINE_FINAL_TYPE (WaymarkDecisionRecord, waymark_decision_record, GTK_TYPE_WIDGET)

#define POSITION_KEY "waymark-decision-position"

/* The newest this many are shown: a record may hold 100,000 entries (data/plan-format.md), and a
 * row each would take the window's memory (issue 11, finding 8). The rest are in the file, and
 * `waymark-cli decisions` lists them all. */
#define SHOWN_MAX 200

static void
update_counts (WaymarkDecisionRecord *self,
               guint                  n)
{
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  gtk_widget_set_visible (self->empty_label, n == 0);
  gtk_widget_set_visible (self->older_label, n > SHOWN_MAX);
  if (n > SHOWN_MAX)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u earlier decision is not shown here: it is kept in the "
                                      "plan file, and waymark-cli decisions lists every one.",
                                      "%u earlier decisions are not shown here: they are kept in "
                                      "the plan file, and waymark-cli decisions lists every one.",
                                      n - SHOWN_MAX),
                         n - SHOWN_MAX);

      gtk_label_set_text (GTK_LABEL (self->older_label), text);
    }
}

static void
on_reason_clicked (GtkButton             *button,
                   WaymarkDecisionRecord *self)
{
  waymark_decision_record_open_reason (
    self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), POSITION_KEY)));
}

static GtkWidget *
decision_row_new (WaymarkDecisionRecord *self,
                  WaymarkDecision       *decision,
                  guint                  position)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Reason…"));
  g_autoptr(GDateTime) local = g_date_time_to_local (waymark_decision_get_time (decision));
  g_autofree char *when = g_date_time_format (local, "%-d %B %Y, %H:%M");
  const char *author = waymark_decision_get_author (decision);
  GString *subtitle = g_string_new (NULL);
  g_autofree char *a11y = NULL;

  /* TRANSLATORS: when a decision was made, and by whom: "1 December 2026, 10:00 · A. Smith" */
  g_string_append_printf (subtitle, _("%s · %s"), when,
                          *author != '\0' ? author : _("no author given"));
  if (*waymark_decision_get_reason (decision) != '\0')
    g_string_append_printf (subtitle, "\n%s", waymark_decision_get_reason (decision));
  if (*waymark_decision_get_review_section (decision) != '\0')
    /* TRANSLATORS: the section of the review a decision cites. */
    g_string_append_printf (subtitle, _("\nReview: %s"),
                            waymark_decision_get_review_section (decision));

  /* Text from the file or the commissioner: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 waymark_decision_get_description (decision));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  g_string_free (subtitle, TRUE);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* TRANSLATORS: a button's name for a screen reader; %s is the decision in words. */
  a11y = g_strdup_printf (_("Give a reason for: %s"), waymark_decision_get_description (decision));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data (G_OBJECT (button), POSITION_KEY, GUINT_TO_POINTER (position));
  g_signal_connect (button, "clicked", G_CALLBACK (on_reason_clicked), self);
  gtk_widget_set_sensitive (button, self->catalogue != NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "reason-button", button);
  return row;
}

static void
rebuild (WaymarkDecisionRecord *self)
{
  GtkWidget *child;
  GListModel *record;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  record = self->plan != NULL ? waymark_plan_get_decisions (self->plan) : NULL;
  n = record != NULL ? g_list_model_get_n_items (record) : 0;
  /* Newest first, at most SHOWN_MAX. */
  for (guint i = n; i > 0 && n - i < SHOWN_MAX; i--)
    {
      g_autoptr(WaymarkDecision) decision = g_list_model_get_item (record, i - 1);

      gtk_list_box_append (self->list, decision_row_new (self, decision, i - 1));
    }
  update_counts (self, n);
}

/* Only the rows that changed: a long record is not rebuilt for each edit. The record changes at
 * its end (a step done or undone) or in place (a reason given); anything else is rebuilt, so
 * that each row's button keeps the right position. */
static void
on_record_items_changed (GListModel            *record,
                         guint                  position,
                         guint                  removed,
                         guint                  added,
                         WaymarkDecisionRecord *self)
{
  guint n = g_list_model_get_n_items (record);
  guint old_n = n - added + removed;

  if ((removed != added && position + removed != old_n) || n > SHOWN_MAX || old_n > SHOWN_MAX)
    {
      rebuild (self);
      return;
    }

  /* Newest first: entries position to position + removed - 1 are the rows from
   * old_n - position - removed, one after another. */
  for (guint k = 0; k < removed; k++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list,
                                                         (int) (old_n - position - removed));

      g_assert (row != NULL);
      gtk_list_box_remove (self->list, GTK_WIDGET (row));
    }
  for (guint k = 0; k < added; k++)
    {
      guint at = position + added - 1 - k;
      g_autoptr(WaymarkDecision) decision = g_list_model_get_item (record, at);

      gtk_list_box_insert (self->list, decision_row_new (self, decision, at),
                           (int) (n - position - added + k));
    }
  update_counts (self, n);
}

/* The reason dialog */

static void
on_reason_response (AdwMessageDialog      *dialog,
                    const char            *response,
                    WaymarkDecisionRecord *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), POSITION_KEY));
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "reason");
  GtkDropDown *section = g_object_get_data (G_OBJECT (dialog), "section");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *heading = "";
  guint selected;

  if (!g_str_equal (response, "save") || self->plan == NULL || self->catalogue == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (reason)));
  selected = gtk_drop_down_get_selected (section);
  /* The first choice is no citation. */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    heading = gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (section)),
                                          selected);
  if (!waymark_plan_note_decision (self->plan, position, text, heading, self->catalogue, &error))
    {
      GtkWidget *alert = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                                 _("The Reason Was Not Recorded"),
                                                 error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }
}

GtkWidget *
waymark_decision_record_open_reason (WaymarkDecisionRecord *self,
                                     guint                  position)
{
  g_autoptr(WaymarkDecision) decision = NULL;
  g_auto(GStrv) sections = NULL;
  g_autoptr(GtkStringList) choices = NULL;
  GtkWidget *dialog, *box, *label, *entry, *drop_down;
  GtkRoot *root;
  guint selected = 0;

  g_return_val_if_fail (WAYMARK_IS_DECISION_RECORD (self), NULL);
  g_return_val_if_fail (self->plan != NULL && self->catalogue != NULL, NULL);

  decision = g_list_model_get_item (waymark_plan_get_decisions (self->plan), position);
  g_return_val_if_fail (decision != NULL, NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Reason for the Decision"),
                                   waymark_decision_get_description (decision));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Reason (one line)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), waymark_decision_get_reason (decision));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);

  label = gtk_label_new_with_mnemonic (_("_Section of the review it rests on"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  choices = gtk_string_list_new (NULL);
  gtk_string_list_append (choices, _("No citation"));
  sections = waymark_decision_dup_review_sections (self->catalogue);
  for (guint i = 0; sections[i] != NULL; i++)
    {
      gtk_string_list_append (choices, sections[i]);
      if (g_str_equal (sections[i], waymark_decision_get_review_section (decision)))
        selected = i + 1;
    }
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop_down);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), drop_down);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), POSITION_KEY, GUINT_TO_POINTER (position));
  g_object_set_data (G_OBJECT (dialog), "reason", entry);
  g_object_set_data (G_OBJECT (dialog), "section", drop_down);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reason_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* The object */

static void
waymark_decision_record_dispose (GObject *object)
{
  WaymarkDecisionRecord *self = WAYMARK_DECISION_RECORD (object);

  g_signal_group_set_target (self->record_signals, NULL);
  g_clear_object (&self->plan);
  g_clear_object (&self->catalogue);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_DECISION_RECORD);

  G_OBJECT_CLASS (waymark_decision_record_parent_class)->dispose (object);
}

static void
waymark_decision_record_finalize (GObject *object)
{
  WaymarkDecisionRecord *self = WAYMARK_DECISION_RECORD (object);

  g_clear_object (&self->record_signals);

  G_OBJECT_CLASS (waymark_decision_record_parent_class)->finalize (object);
}

static void
waymark_decision_record_class_init (WaymarkDecisionRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_decision_record_dispose;
  object_class->finalize = waymark_decision_record_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-decision-record.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkDecisionRecord, group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkDecisionRecord, list);
  gtk_widget_class_bind_template_child (widget_class, WaymarkDecisionRecord, empty_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkDecisionRecord, older_label);

  gtk_widget_class_set_css_name (widget_class, "decisionrecord");
}

static void
waymark_decision_record_init (WaymarkDecisionRecord *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->record_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect (self->record_signals, "items-changed",
                          G_CALLBACK (on_record_items_changed), self);
  rebuild (self);
}

GtkWidget *
waymark_decision_record_new (void)
{
  return g_object_new (WAYMARK_TYPE_DECISION_RECORD, NULL);
}

void
waymark_decision_record_set_plan (WaymarkDecisionRecord *self,
                                  WaymarkPlan           *plan)
{
  g_return_if_fail (WAYMARK_IS_DECISION_RECORD (self));
  g_return_if_fail (plan == NULL || WAYMARK_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;
  g_signal_group_set_target (self->record_signals,
                             plan != NULL ? waymark_plan_get_decisions (plan) : NULL);
  rebuild (self);
}

void
waymark_decision_record_set_catalogue (WaymarkDecisionRecord *self,
                                       WaymarkCatalogue      *catalogue)
{
  g_return_if_fail (WAYMARK_IS_DECISION_RECORD (self));
  g_return_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue));

  if (g_set_object (&self->catalogue, catalogue))
    rebuild (self);
}

GtkListBox *
waymark_decision_record_get_list (WaymarkDecisionRecord *self)
{
  g_return_val_if_fail (WAYMARK_IS_DECISION_RECORD (self), NULL);
  return self->list;
}

GtkWidget *
waymark_decision_record_get_reason_button (WaymarkDecisionRecord *self,
                                           guint                  position)
{
  guint n;
  GtkListBoxRow *row;

  g_return_val_if_fail (WAYMARK_IS_DECISION_RECORD (self), NULL);

  n = self->plan != NULL ? g_list_model_get_n_items (waymark_plan_get_decisions (self->plan)) : 0;
  if (position >= n || n - 1 - position >= SHOWN_MAX)
    return NULL;
  /* Newest first: the plan's last entry is the list's first row. */
  row = gtk_list_box_get_row_at_index (self->list, (int) (n - 1 - position));
  return row != NULL ? g_object_get_data (G_OBJECT (row), "reason-button") : NULL;
}
