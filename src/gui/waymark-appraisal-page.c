/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "waymark-appraisal-page.h"
#include "waymark-local-service.h"
#include "waymark-gui-a11y.h"
#include "waymark-status-dialog.h"

struct _WaymarkAppraisalPage
{
  GtkWidget                parent_instance;

  /* Template widgets */
  GtkScrolledWindow       *scroller;
  AdwPreferencesGroup     *ranking_group;
  GtkListBox              *ranking_list;
  GtkLabel                *sensitivity_label;
  AdwPreferencesGroup     *unscored_group;
  GtkListBox              *unscored_list;
  AdwPreferencesGroup     *deferred_group;
  GtkListBox              *deferred_list;
  AdwPreferencesGroup     *rejected_group;
  GtkListBox              *rejected_list;
  GtkListBox              *criteria_list;
  AdwEntryRow             *add_criterion_row;
  GtkLabel                *add_criterion_error;

  /* Owned */
  WaymarkPlan             *plan;
  WaymarkCatalogue        *catalogue;
  GSignalGroup            *plan_signals;
  GSignalGroup            *appraisal_signals;
  WaymarkAppraisalRanking *ranking;
  char                    *criteria_key;   /* what the criteria's rows were built for */
  GHashTable              *option_rows;    /* option id → its row (borrowed) */
  GHashTable              *weight_spins;   /* criterion id → its spin button (borrowed) */
  GHashTable              *score_spins;    /* "criterion\noption or value" → spin (borrowed) */
  GHashTable              *score_checks;   /* the same key → its "No score" check (borrowed) */
  guint                    refresh_idle;
  gboolean                 dirty;          /* changed while not shown */
  gboolean                 updating;       /* setting the controls from the appraisal */
};

G_DEFINE_FINAL_TYPE (WaymarkAppraisalPage, waymark_appraisal_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PLAN,
  PROP_CATALOGUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Hundredths to and from a spin button's value: exact, as the core keeps them. */
static gint
spin_hundredths (GtkSpinButton *spin)
{
  return (gint) lround (gtk_spin_button_get_value (spin) * 100.0);
}

static GtkWidget *
hundredths_spin_new (const char *name)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 0.25);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  waymark_a11y_name_only_by_label (spin, name);
  return spin;
}

/* Sets what the appraisal holds. GTK 4.8's text field keeps what is set as typing of its own,
 * which Ctrl+Z would undo before the plan's Undo (waymark-window-undo.c): it is the plan's, so
 * the field's history is forgotten. */
static void
show_hundredths (GtkSpinButton *spin,
                 gint           hundredths)
{
  gtk_spin_button_set_value (spin, hundredths / 100.0);
  gtk_editable_set_enable_undo (GTK_EDITABLE (spin), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (spin), TRUE);
}

static char *
score_key (const char *criterion_id,
           const char *key)
{
  return g_strconcat (criterion_id, "\n", key, NULL);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A row whose title and subtitle are plain text: names and reasons come from a file. */
static GtkWidget *
plain_row_new (const char *title,
               const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* The ranking and the long list */

static void
on_status_clicked (GtkButton            *button,
                   WaymarkAppraisalPage *self)
{
  waymark_appraisal_page_edit_status (self, g_object_get_data (G_OBJECT (button), "option-id"));
}

static char *
describe_reason (const WaymarkAppraisalRow *row)
{
  if (*row->reason == '\0')
    return NULL;
  if (row->dimension != WAYMARK_OPTION_DIMENSION_NONE)
    /* Translators: %s are a Green Book dimension ("Funding") and the commissioner's reason */
    return g_strdup_printf (_("Reason (%s): %s"),
                            waymark_option_dimension_get_label (row->dimension), row->reason);
  /* Translators: %s is the commissioner's reason */
  return g_strdup_printf (_("Reason: %s"), row->reason);
}

static GtkWidget *
option_row_new (WaymarkAppraisalPage      *self,
                const WaymarkAppraisalRow *row,
                guint                      n_weighted)
{
  g_autofree char *title = NULL;
  g_autofree char *reason = describe_reason (row);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *button_name = NULL;
  GtkWidget *widget;
  GtkWidget *button;

  if (row->has_score)
    {
      g_autofree char *weighted = g_strdup_printf ("%d.%02d", row->weighted / 100,
                                                   row->weighted % 100);

      /* Translators: a rank and an option's name, as "1. Drive project" */
      title = g_strdup_printf (_("%u. %s"), row->rank, row->name);
      /* Translators: a weighted score ("2.22") and how many criteria it was scored on */
      g_string_append_printf (subtitle, _("Weighted score %s, scored on %u of %u criteria"),
                              weighted, row->n_scored, n_weighted);
      g_string_append_printf (subtitle, "\n%s", row->arithmetic);
    }
  else
    {
      title = g_strdup (row->name);
      g_string_append (subtitle, waymark_option_status_get_label (row->status));
    }
  /* Never given a review rating, and said so wherever it is shown (issue 15). */
  if (row->local_service)
    g_string_append_printf (subtitle, "\n%s", waymark_local_service_mark ());
  if (reason != NULL)
    g_string_append_printf (subtitle, "\n%s", reason);

  widget = plain_row_new (title, subtitle->str);
  gtk_widget_add_css_class (widget, "appraisal-option");
  button = gtk_button_new_with_label (_("Status…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: a button's name for a screen reader; %s is an option's name */
  button_name = g_strdup_printf (_("Change the status of %s"), row->name);
  waymark_a11y_name_only_by_label (button, button_name);
  gtk_widget_set_tooltip_text (button, _("Shortlist, defer or set aside this option, with a reason"));
  g_object_set_data_full (G_OBJECT (button), "option-id", g_strdup (row->id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_status_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), button);
  /* A local service with no item (imported from a partnership's file) is brought into the plan
   * from here too. */
  if (row->local_service && !row->in_plan)
    {
      g_autofree char *add_name = NULL;

      button = gtk_button_new_with_label (_("Add to Plan"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.add-local-service-item");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", row->id);
      /* Translators: a button's name for a screen reader; %s is a local service's name */
      add_name = g_strdup_printf (_("Add %s to the plan"), row->name);
      waymark_a11y_name_only_by_label (button, add_name);
      gtk_widget_set_tooltip_text (button, _("Add an item for this service, to give it a "
                                             "quantity and count it in the totals"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (widget), button);
    }
  g_hash_table_insert (self->option_rows, g_strdup (row->id), widget);
  return widget;
}

static void
build_options (WaymarkAppraisalPage *self)
{
  WaymarkAppraisalRanking *ranking = self->ranking;
  guint n_weighted = 0;
  g_autofree char *sensitivity = NULL;

  clear_list (self->ranking_list);
  clear_list (self->unscored_list);
  clear_list (self->deferred_list);
  clear_list (self->rejected_list);
  g_hash_table_remove_all (self->option_rows);

  for (guint c = 0; c < ranking->n_criteria; c++)
    n_weighted += ranking->weights[c] > 0;

  for (guint i = 0; i < ranking->rows->len; i++)
    {
      const WaymarkAppraisalRow *row = g_ptr_array_index (ranking->rows, i);
      GtkListBox *list;

      switch (row->status)
        {
        case WAYMARK_OPTION_STATUS_SHORTLISTED:
          list = row->has_score ? self->ranking_list : self->unscored_list;
          break;
        case WAYMARK_OPTION_STATUS_DEFERRED:
          list = self->deferred_list;
          break;
        case WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD:
          list = self->rejected_list;
          break;
        default:
          g_assert_not_reached ();
        }
      gtk_list_box_append (list, option_row_new (self, row, n_weighted));
    }

  if (ranking->n_ranked == 0)
    gtk_list_box_append (self->ranking_list,
                         plain_row_new (_("No option has a score yet"),
                                        _("Add interventions to the plan, or give a weight to a "
                                          "criterion they are scored on.")));
  gtk_widget_set_visible (GTK_WIDGET (self->unscored_group),
                          gtk_widget_get_first_child (GTK_WIDGET (self->unscored_list)) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->deferred_group),
                          gtk_widget_get_first_child (GTK_WIDGET (self->deferred_list)) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->rejected_group),
                          gtk_widget_get_first_child (GTK_WIDGET (self->rejected_list)) != NULL);

  sensitivity = waymark_appraisal_ranking_describe_sensitivity (ranking);
  gtk_label_set_text (self->sensitivity_label, sensitivity);
  /* Selectable, so focusable: never an empty stop that a screen reader names "GtkLabel". */
  gtk_widget_set_visible (GTK_WIDGET (self->sensitivity_label), *sensitivity != '\0');
}

/* The criteria, weights and scores */

static void
on_weight_changed (GtkSpinButton        *spin,
                   WaymarkAppraisalPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->plan == NULL)
    return;
  if (!waymark_appraisal_set_weight (waymark_plan_get_appraisal (self->plan),
                                     g_object_get_data (G_OBJECT (spin), "criterion-id"),
                                     spin_hundredths (spin), &error))
    g_debug ("weight not set: %s", error->message);
}

/* Sets the score a spin button or its "No score" check stands for, from both. */
static void
set_score_from (GObject              *control,
                WaymarkAppraisalPage *self)
{
  const char *criterion_id = g_object_get_data (control, "criterion-id");
  const char *key = g_object_get_data (control, "score-key");
  g_autofree char *hash_key = score_key (criterion_id, key);
  GtkSpinButton *spin = g_hash_table_lookup (self->score_spins, hash_key);
  GtkCheckButton *check = g_hash_table_lookup (self->score_checks, hash_key);
  WaymarkAppraisal *appraisal;
  gint score;
  int index;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->plan == NULL)
    return;
  appraisal = waymark_plan_get_appraisal (self->plan);
  score = gtk_check_button_get_active (check) ? WAYMARK_APPRAISAL_NO_SCORE
                                              : spin_hundredths (spin);
  gtk_widget_set_sensitive (GTK_WIDGET (spin), score != WAYMARK_APPRAISAL_NO_SCORE);
  index = waymark_appraisal_find_criterion (appraisal, criterion_id);
  g_return_if_fail (index >= 0);
  if (waymark_appraisal_criterion_is_local (appraisal, index))
    waymark_appraisal_set_local_score (appraisal, criterion_id, key, score, &error);
  else
    waymark_appraisal_set_table_score (appraisal, (WaymarkReviewCriterion) index, key, score,
                                       &error);
  if (error != NULL)
    g_debug ("score not set: %s", error->message);
}

static void
on_remove_criterion_clicked (GtkButton            *button,
                             WaymarkAppraisalPage *self)
{
  if (self->plan != NULL)
    waymark_appraisal_remove_local_criterion (waymark_plan_get_appraisal (self->plan),
                                              g_object_get_data (G_OBJECT (button),
                                                                 "criterion-id"));
}

static void
add_score_row (WaymarkAppraisalPage *self,
               AdwExpanderRow       *expander,
               const char           *criterion_id,
               const char           *criterion_label,
               const char           *key,
               const char           *title)
{
  GtkWidget *row = plain_row_new (title, NULL);
  g_autofree char *spin_name = NULL;
  g_autofree char *check_name = NULL;
  GtkWidget *spin;
  GtkWidget *check;

  /* Translators: a score's name for a screen reader: a criterion and a value or an option */
  spin_name = g_strdup_printf (_("Score of %s on %s"), title, criterion_label);
  /* Translators: a check box's name for a screen reader: a criterion and a value or an option */
  check_name = g_strdup_printf (_("No score for %s on %s"), title, criterion_label);
  spin = hundredths_spin_new (spin_name);
  check = gtk_check_button_new_with_label (_("No score"));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  waymark_a11y_name_only_by_label (check, check_name);
  for (guint i = 0; i < 2; i++)
    {
      GObject *control = G_OBJECT (i == 0 ? spin : check);

      g_object_set_data_full (control, "criterion-id", g_strdup (criterion_id), g_free);
      g_object_set_data_full (control, "score-key", g_strdup (key), g_free);
    }
  g_signal_connect (spin, "value-changed", G_CALLBACK (set_score_from), self);
  g_signal_connect (check, "toggled", G_CALLBACK (set_score_from), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_expander_row_add_row (expander, row);
  g_hash_table_insert (self->score_spins, score_key (criterion_id, key), spin);
  g_hash_table_insert (self->score_checks, score_key (criterion_id, key), check);
}

static const WaymarkAppraisalRow *
find_row (WaymarkAppraisalRanking *ranking,
          const char              *id)
{
  for (guint i = 0; i < ranking->rows->len; i++)
    {
      const WaymarkAppraisalRow *row = g_ptr_array_index (ranking->rows, i);

      if (strcmp (row->id, id) == 0)
        return row;
    }
  return NULL;
}

/* The options a local criterion scores: the shortlisted ones, and any other with a score. */
static gboolean
is_scored_locally (WaymarkAppraisal          *appraisal,
                   const WaymarkAppraisalRow *row)
{
  if (row->status == WAYMARK_OPTION_STATUS_SHORTLISTED)
    return TRUE;
  for (guint c = WAYMARK_REVIEW_CRITERION_N; c < waymark_appraisal_get_n_criteria (appraisal); c++)
    if (waymark_appraisal_get_local_score (appraisal, c, row->id) != WAYMARK_APPRAISAL_NO_SCORE)
      return TRUE;
  return FALSE;
}

static int
compare_rows_by_name (gconstpointer a,
                      gconstpointer b)
{
  const WaymarkAppraisalRow *row_a = *(const WaymarkAppraisalRow * const *) a;
  const WaymarkAppraisalRow *row_b = *(const WaymarkAppraisalRow * const *) b;
  int by_name = g_utf8_collate (row_a->name, row_b->name);

  return by_name != 0 ? by_name : strcmp (row_a->id, row_b->id);
}

/* The options a local criterion's rows score, by name: not in the ranking's order, which a
 * change of weight reshuffles. */
static GPtrArray *
dup_locally_scored (WaymarkAppraisalPage *self)
{
  WaymarkAppraisal *appraisal = waymark_plan_get_appraisal (self->plan);
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < self->ranking->rows->len; i++)
    {
      const WaymarkAppraisalRow *row = g_ptr_array_index (self->ranking->rows, i);

      if (is_scored_locally (appraisal, row))
        g_ptr_array_add (rows, (gpointer) row);
    }
  g_ptr_array_sort (rows, compare_rows_by_name);
  return rows;
}

/* What the criteria's rows are made for: when it is unchanged, a change of a weight or a score
 * updates the controls where they are, and the keyboard focus stays in the one being used. */
static char *
describe_criteria (WaymarkAppraisalPage *self)
{
  WaymarkAppraisal *appraisal = waymark_plan_get_appraisal (self->plan);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GPtrArray) scored = dup_locally_scored (self);

  for (guint c = 0; c < waymark_appraisal_get_n_criteria (appraisal); c++)
    g_string_append_printf (key, "%s\t%s\n", waymark_appraisal_get_criterion_id (appraisal, c),
                            waymark_appraisal_get_criterion_label (appraisal, c));
  for (guint i = 0; i < scored->len; i++)
    {
      const WaymarkAppraisalRow *row = g_ptr_array_index (scored, i);

      g_string_append_printf (key, "%s\t%s\n", row->id, row->name);
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static void
update_criteria_values (WaymarkAppraisalPage *self)
{
  WaymarkAppraisal *appraisal = waymark_plan_get_appraisal (self->plan);
  GHashTableIter iter;
  gpointer key, value;

  self->updating = TRUE;
  for (guint c = 0; c < waymark_appraisal_get_n_criteria (appraisal); c++)
    {
      GtkSpinButton *spin = g_hash_table_lookup (self->weight_spins,
                                                 waymark_appraisal_get_criterion_id (appraisal, c));

      show_hundredths (spin, waymark_appraisal_get_weight (appraisal, c));
    }
  g_hash_table_iter_init (&iter, self->score_spins);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *criterion_id = g_object_get_data (value, "criterion-id");
      const char *score_for = g_object_get_data (value, "score-key");
      int index = waymark_appraisal_find_criterion (appraisal, criterion_id);
      GtkCheckButton *check = g_hash_table_lookup (self->score_checks, key);
      gint score;

      if (waymark_appraisal_criterion_is_local (appraisal, index))
        score = waymark_appraisal_get_local_score (appraisal, index, score_for);
      else
        score = waymark_appraisal_get_table_score (
          appraisal, (WaymarkReviewCriterion) index,
          waymark_review_criterion_find_value ((WaymarkReviewCriterion) index, score_for));
      gtk_check_button_set_active (check, score == WAYMARK_APPRAISAL_NO_SCORE);
      gtk_widget_set_sensitive (GTK_WIDGET (value), score != WAYMARK_APPRAISAL_NO_SCORE);
      if (score != WAYMARK_APPRAISAL_NO_SCORE)
        show_hundredths (value, score);
    }
  self->updating = FALSE;
}

static void
build_criteria (WaymarkAppraisalPage *self)
{
  WaymarkAppraisal *appraisal = waymark_plan_get_appraisal (self->plan);
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *child;

  /* A rebuild keeps open what was open. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->criteria_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (child)))
      g_hash_table_add (expanded, g_strdup (g_object_get_data (G_OBJECT (child), "criterion-id")));
  clear_list (self->criteria_list);
  g_hash_table_remove_all (self->weight_spins);
  g_hash_table_remove_all (self->score_spins);
  g_hash_table_remove_all (self->score_checks);

  for (guint c = 0; c < waymark_appraisal_get_n_criteria (appraisal); c++)
    {
      const char *id = waymark_appraisal_get_criterion_id (appraisal, c);
      const char *label = waymark_appraisal_get_criterion_label (appraisal, c);
      gboolean local = waymark_appraisal_criterion_is_local (appraisal, c);
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *weight_name = NULL;
      GtkWidget *spin;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), label);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                     local ? _("Local: scored by your judgement")
                                           : _("Scored from the review’s values"));
      g_object_set_data_full (G_OBJECT (expander), "criterion-id", g_strdup (id), g_free);

      /* Translators: a weight's name for a screen reader; %s is a criterion */
      weight_name = g_strdup_printf (_("Weight of %s"), label);
      spin = hundredths_spin_new (weight_name);
      gtk_widget_set_tooltip_text (spin, _("Weight"));
      g_object_set_data_full (G_OBJECT (spin), "criterion-id", g_strdup (id), g_free);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_weight_changed), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), spin);
      g_hash_table_insert (self->weight_spins, g_strdup (id), spin);

      if (!local)
        {
          for (guint v = 0; v < waymark_review_criterion_get_n_values (c); v++)
            add_score_row (self, ADW_EXPANDER_ROW (expander), id, label,
                           waymark_review_criterion_get_value_id (c, v),
                           waymark_review_criterion_get_value_label (c, v));
        }
      else
        {
          GtkWidget *remove_row = plain_row_new (_("Remove this criterion"), NULL);
          GtkWidget *button = gtk_button_new_with_label (_("Remove"));
          g_autofree char *remove_name = NULL;
          g_autoptr(GPtrArray) scored = dup_locally_scored (self);

          for (guint i = 0; i < scored->len; i++)
            {
              const WaymarkAppraisalRow *row = g_ptr_array_index (scored, i);

              add_score_row (self, ADW_EXPANDER_ROW (expander), id, label, row->id, row->name);
            }
          if (scored->len == 0)
            adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                      plain_row_new (_("No shortlisted option to score"), NULL));

          /* Translators: a button's name for a screen reader; %s is a local criterion */
          remove_name = g_strdup_printf (_("Remove the criterion %s"), label);
          waymark_a11y_name_only_by_label (button, remove_name);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "destructive-action");
          g_object_set_data_full (G_OBJECT (button), "criterion-id", g_strdup (id), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (on_remove_criterion_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), button);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), remove_row);
        }
      /* The lists AdwExpanderRow builds for its header and its rows, which GTK 4.8 would
       * call "GtkListBox" (as a plan item's row does). */
      waymark_a11y_name_parts (expander, GTK_TYPE_LIST_BOX, label);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander),
                                     g_hash_table_contains (expanded, id));
      gtk_list_box_append (self->criteria_list, expander);
    }
}

static void
refresh (WaymarkAppraisalPage *self)
{
  g_autofree char *criteria_key = NULL;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;

  g_clear_pointer (&self->ranking, waymark_appraisal_ranking_free);
  if (self->plan == NULL)
    return;
  self->ranking = waymark_appraisal_ranking_new (waymark_plan_get_appraisal (self->plan),
                                                 self->plan, self->catalogue);
  build_options (self);

  criteria_key = describe_criteria (self);
  if (g_strcmp0 (criteria_key, self->criteria_key) != 0)
    {
      build_criteria (self);
      g_free (self->criteria_key);
      self->criteria_key = g_steal_pointer (&criteria_key);
    }
  update_criteria_values (self);
}

static gboolean
refresh_idle (gpointer user_data)
{
  WaymarkAppraisalPage *self = user_data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* After the edit that changed it has returned: a spin button is not rebuilt under the hand
 * that turns it, and a plan's change and its appraisal's make one refresh. */
static void
queue_refresh (WaymarkAppraisalPage *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle, self);
}

static void
on_map (GtkWidget *widget)
{
  WaymarkAppraisalPage *self = WAYMARK_APPRAISAL_PAGE (widget);

  if (self->dirty || self->ranking == NULL)
    refresh (self);
}

/* Adding a local criterion */

char *
waymark_appraisal_page_id_from_label (const char *label)
{
  g_autoptr(GString) id = g_string_new (NULL);
  gboolean gap = FALSE;

  g_return_val_if_fail (label != NULL, NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (gap && id->len > 0)
            g_string_append_c (id, '_');
          g_string_append_c (id, g_ascii_tolower (*p));
          gap = FALSE;
        }
      else
        gap = TRUE;
    }
  if (id->len > WAYMARK_APPRAISAL_MAX_CRITERION_ID)
    g_string_truncate (id, WAYMARK_APPRAISAL_MAX_CRITERION_ID);
  while (id->len > 0 && id->str[id->len - 1] == '_')
    g_string_truncate (id, id->len - 1);
  return g_string_free (g_steal_pointer (&id), FALSE);
}

static void
on_add_criterion_apply (AdwEntryRow          *row,
                        WaymarkAppraisalPage *self)
{
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *id = waymark_appraisal_page_id_from_label (label);
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    return;
  if (*id == '\0')
    g_set_error_literal (&error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_INVALID,
                         _("A criterion’s name needs at least one letter or digit from A to Z "
                           "or 0 to 9, from which its id is made."));
  else
    waymark_appraisal_add_local_criterion (waymark_plan_get_appraisal (self->plan), id, label,
                                           &error);

  gtk_widget_set_visible (GTK_WIDGET (self->add_criterion_error), error != NULL);
  if (error != NULL)
    {
      gtk_label_set_text (self->add_criterion_error, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

/* The status dialog (waymark-status-dialog.c) */

AdwMessageDialog *
waymark_appraisal_page_edit_status (WaymarkAppraisalPage *self,
                                    const char           *id)
{
  const WaymarkAppraisalRow *row;

  g_return_val_if_fail (WAYMARK_IS_APPRAISAL_PAGE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (self->plan != NULL && self->ranking != NULL, NULL);

  row = find_row (self->ranking, id);
  return waymark_status_dialog_present (GTK_WIDGET (self), self->plan, id,
                                        row != NULL ? row->name : id);
}

/* GObject */

static void
waymark_appraisal_page_dispose (GObject *object)
{
  WaymarkAppraisalPage *self = WAYMARK_APPRAISAL_PAGE (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  if (self->appraisal_signals != NULL)
    g_signal_group_set_target (self->appraisal_signals, NULL);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->appraisal_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_APPRAISAL_PAGE);
  g_clear_object (&self->plan);
  g_clear_object (&self->catalogue);

  G_OBJECT_CLASS (waymark_appraisal_page_parent_class)->dispose (object);
}

static void
waymark_appraisal_page_finalize (GObject *object)
{
  WaymarkAppraisalPage *self = WAYMARK_APPRAISAL_PAGE (object);

  g_clear_pointer (&self->ranking, waymark_appraisal_ranking_free);
  g_clear_pointer (&self->option_rows, g_hash_table_unref);
  g_clear_pointer (&self->weight_spins, g_hash_table_unref);
  g_clear_pointer (&self->score_spins, g_hash_table_unref);
  g_clear_pointer (&self->score_checks, g_hash_table_unref);
  g_free (self->criteria_key);

  G_OBJECT_CLASS (waymark_appraisal_page_parent_class)->finalize (object);
}

static void
waymark_appraisal_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  WaymarkAppraisalPage *self = WAYMARK_APPRAISAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_CATALOGUE:
      g_value_set_object (value, self->catalogue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_appraisal_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  WaymarkAppraisalPage *self = WAYMARK_APPRAISAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      waymark_appraisal_page_set_plan (self, g_value_get_object (value));
      break;
    case PROP_CATALOGUE:
      waymark_appraisal_page_set_catalogue (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_appraisal_page_class_init (WaymarkAppraisalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_appraisal_page_dispose;
  object_class->finalize = waymark_appraisal_page_finalize;
  object_class->get_property = waymark_appraisal_page_get_property;
  object_class->set_property = waymark_appraisal_page_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, WAYMARK_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CATALOGUE] =
    g_param_spec_object ("catalogue", NULL, NULL, WAYMARK_TYPE_CATALOGUE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-appraisal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkAppraisalPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, WaymarkAppraisalPage, ranking_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkAppraisalPage, ranking_list);
  gtk_widget_class_bind_template_child (widget_class, WaymarkAppraisalPage, sensitivity_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkAppraisalPage, unscored_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkAppraisalPage, unscored_list);
  gtk_widget_class_bind_template_child (widget_class, WaymarkAppraisalPage, deferred_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkAppraisalPage, deferred_list);
  gtk_widget_class_bind_template_child (widget_class, WaymarkAppraisalPage, rejected_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkAppraisalPage, rejected_list);
  gtk_widget_class_bind_template_child (widget_class, WaymarkAppraisalPage, criteria_list);
  gtk_widget_class_bind_template_child (widget_class, WaymarkAppraisalPage, add_criterion_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkAppraisalPage, add_criterion_error);
  gtk_widget_class_bind_template_callback (widget_class, on_add_criterion_apply);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "appraisalpage");
}

static void
waymark_appraisal_page_init (WaymarkAppraisalPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->option_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->weight_spins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->score_spins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->score_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->plan_signals = g_signal_group_new (WAYMARK_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "changed", G_CALLBACK (queue_refresh), self);
  self->appraisal_signals = g_signal_group_new (WAYMARK_TYPE_APPRAISAL);
  g_signal_group_connect_swapped (self->appraisal_signals, "changed", G_CALLBACK (queue_refresh),
                                  self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

GtkWidget *
waymark_appraisal_page_new (void)
{
  return g_object_new (WAYMARK_TYPE_APPRAISAL_PAGE, NULL);
}

WaymarkPlan *
waymark_appraisal_page_get_plan (WaymarkAppraisalPage *self)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL_PAGE (self), NULL);
  return self->plan;
}

void
waymark_appraisal_page_set_plan (WaymarkAppraisalPage *self,
                                 WaymarkPlan          *plan)
{
  g_return_if_fail (WAYMARK_IS_APPRAISAL_PAGE (self));
  g_return_if_fail (plan == NULL || WAYMARK_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;
  g_signal_group_set_target (self->plan_signals, plan);
  g_signal_group_set_target (self->appraisal_signals,
                             plan != NULL ? waymark_plan_get_appraisal (plan) : NULL);
  g_clear_pointer (&self->criteria_key, g_free);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

WaymarkCatalogue *
waymark_appraisal_page_get_catalogue (WaymarkAppraisalPage *self)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL_PAGE (self), NULL);
  return self->catalogue;
}

void
waymark_appraisal_page_set_catalogue (WaymarkAppraisalPage *self,
                                      WaymarkCatalogue     *catalogue)
{
  g_return_if_fail (WAYMARK_IS_APPRAISAL_PAGE (self));
  g_return_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue));

  if (!g_set_object (&self->catalogue, catalogue))
    return;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOGUE]);
}

const WaymarkAppraisalRanking *
waymark_appraisal_page_get_ranking (WaymarkAppraisalPage *self)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL_PAGE (self), NULL);
  return self->ranking;
}

GtkWidget *
waymark_appraisal_page_get_option_row (WaymarkAppraisalPage *self,
                                       const char           *id)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL_PAGE (self), NULL);
  return g_hash_table_lookup (self->option_rows, id);
}

GtkSpinButton *
waymark_appraisal_page_get_weight_spin (WaymarkAppraisalPage *self,
                                        const char           *criterion_id)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL_PAGE (self), NULL);
  return g_hash_table_lookup (self->weight_spins, criterion_id);
}

static gpointer
lookup_score_control (GHashTable *controls,
                      const char *criterion_id,
                      const char *value_or_option)
{
  g_autofree char *key = score_key (criterion_id, value_or_option);

  return g_hash_table_lookup (controls, key);
}

GtkSpinButton *
waymark_appraisal_page_get_score_spin (WaymarkAppraisalPage *self,
                                       const char           *criterion_id,
                                       const char           *value_or_option)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL_PAGE (self), NULL);
  return lookup_score_control (self->score_spins, criterion_id, value_or_option);
}

GtkCheckButton *
waymark_appraisal_page_get_no_score_check (WaymarkAppraisalPage *self,
                                           const char           *criterion_id,
                                           const char           *value_or_option)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL_PAGE (self), NULL);
  return lookup_score_control (self->score_checks, criterion_id, value_or_option);
}

AdwEntryRow *
waymark_appraisal_page_get_add_criterion_row (WaymarkAppraisalPage *self)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL_PAGE (self), NULL);
  return self->add_criterion_row;
}

GtkLabel *
waymark_appraisal_page_get_sensitivity_label (WaymarkAppraisalPage *self)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL_PAGE (self), NULL);
  return self->sensitivity_label;
}
