/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "waymark-gui-a11y.h"
#include "waymark-gui-format.h"
#include "waymark-money.h"
#include "waymark-plan-item-row.h"
#include "waymark-rating-badge.h"

struct _WaymarkPlanItemRow
{
  AdwExpanderRow parent_instance;

  /* Template widgets */
  GtkLabel           *flag_label;
  GtkLabel           *local_label;
  GtkLabel           *local_badge;
  GtkWidget          *edit_local_button;
  GtkLabel           *facts_label;
  WaymarkRatingBadge *evidence_badge;
  WaymarkRatingBadge *impact_badge;
  GtkLabel           *missing_label;
  GtkLabel           *published_label;
  AdwActionRow       *quantity_row;
  GtkSpinButton      *quantity_spin;
  AdwEntryRow        *unit_row;
  AdwEntryRow        *cost_row;
  AdwEntryRow        *cost_high_row;
  GtkWidget          *cost_error_row;
  GtkLabel           *cost_error_label;
  AdwComboRow        *cost_source_row;
  AdwComboRow        *funding_row;
  AdwEntryRow        *funding_name_row;
  AdwEntryRow        *provider_row;
  AdwActionRow       *reach_row;
  GtkSpinButton      *reach_spin;
  AdwComboRow        *reach_group_row;
  AdwEntryRow        *reach_source_row;
  AdwActionRow       *per_person_row;
  GtkLabel           *per_person_label;
  GtkWidget          *notes_row;
  GtkTextView        *notes_view;
  GtkLabel           *line_total_label;
  GtkWidget          *remove_button;
  GtkWidget          *years_row;
  GtkExpander        *years_expander;
  GtkLabel           *years_caption;
  GtkGrid            *years_grid;
  GtkLabel           *years_error_label;

  /* The years part's widgets, one of each per year of the plan (issue 16). */
  guint               n_year_rows;
  GtkLabel           *year_labels[WAYMARK_PLAN_MAX_YEARS];
  GtkSpinButton      *year_spins[WAYMARK_PLAN_MAX_YEARS];
  GtkEntry           *year_costs[WAYMARK_PLAN_MAX_YEARS];
  GtkLabel           *year_totals[WAYMARK_PLAN_MAX_YEARS];
  GtkButton          *year_apply[WAYMARK_PLAN_MAX_YEARS];
  /* Whether the years last shown differed (own figures, or an uplifted cost): the part opens
   * when they come to differ, and may then be closed. */
  gboolean            years_differ;

  /* Owned */
  WaymarkPlan     *plan;
  WaymarkPlanItem *item;
  GSignalGroup    *item_signals;

  /* Set while the widgets are being brought up to date, so they do not edit back. */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (WaymarkPlanItemRow, waymark_plan_item_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
currency_name (WaymarkCurrency currency)
{
  switch (currency)
    {
    case WAYMARK_CURRENCY_USD:
      return _("US dollars");
    case WAYMARK_CURRENCY_EUR:
      return _("euros");
    case WAYMARK_CURRENCY_GBP:
    default:
      return _("pounds");
    }
}

/* Sets an entry's text only when it says something else, so typing is not disturbed. NULL (an
 * item's unset unit, provider or notes) shows as empty. The apply button is switched off while
 * the text is replaced, or it would offer to apply what the plan already holds. */
static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    {
      adw_entry_row_set_show_apply_button (row, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      adw_entry_row_set_show_apply_button (row, TRUE);
    }
}

/* Whether the entry already holds this amount, however it was typed. */
static gboolean
entry_says_amount (AdwEntryRow *row,
                   gint64       pence)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  gint64 typed;

  if (*text == '\0')
    return pence == WAYMARK_NO_COST;

  return waymark_money_parse (text, &typed) && typed == pence;
}

static void
update_header (WaymarkPlanItemRow *self)
{
  WaymarkPlanItem *item = self->item;
  const WaymarkCost *published = waymark_plan_item_get_published_cost (item);
  g_autofree char *subtitle = NULL;
  gint64 low, high;

  if (waymark_plan_item_get_line_total (item, &low, &high))
    {
      g_autofree char *amount = waymark_format_money_range (low, high);
      g_autofree char *quantity = waymark_plan_item_dup_quantity_text (item);

      gtk_label_set_label (self->line_total_label, amount);
      /* Translators: under an item's name: "40 perpetrators · £96,000 a year" (the quantity and
       * its unit are in the review's English) */
      subtitle = g_strdup_printf (_("%s · %s a year"), quantity, amount);
    }
  else if (waymark_plan_item_has_cost (item))
    {
      gtk_label_set_label (self->line_total_label, _("Too large to calculate"));
      subtitle = g_strdup (_("The line total is too large to calculate"));
    }
  else
    {
      gtk_label_set_label (self->line_total_label, _("No cost yet"));
      if (published != NULL && published->currency != WAYMARK_CURRENCY_GBP)
        /* Translators: %s is "US dollars" or "euros" */
        subtitle = g_strdup_printf (_("Cost published in %s only: enter a figure in pounds"),
                                    currency_name (published->currency));
      else
        subtitle = g_strdup (_("No published cost: enter a local figure"));
    }

  /* The cost per person reached: computed, and the row says from what. */
  {
    guint reach = waymark_plan_item_get_reach (item);
    gint64 per_low, per_high;

    if (waymark_plan_item_get_cost_per_person (item, &per_low, &per_high))
      {
        g_autofree char *per_person = waymark_format_money_range (per_low, per_high);
        g_autofree char *line = waymark_format_money_range (low, high);
        g_autofree char *worked = NULL;
        g_autofree char *with_reach = NULL;

        gtk_label_set_label (self->per_person_label, per_person);
        /* Translators: how the cost per person was worked out: "£59,400 a year ÷ 20 people" */
        worked = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Computed: %s a year ÷ %u person",
                                               "Computed: %s a year ÷ %u people", reach),
                                  line, reach);
        adw_action_row_set_subtitle (self->per_person_row, worked);
        /* Translators: an item's subtitle, then its cost per person reached */
        with_reach = g_strdup_printf (_("%s · %s per person reached"), subtitle, per_person);
        g_free (subtitle);
        subtitle = g_steal_pointer (&with_reach);
      }
    else
      {
        /* Words, never empty: an empty label is a nameless stop for a screen reader, and a
         * hidden one leaves the row nothing to stop at, which ends Tab's walk through the
         * item early (GtkListBox). */
        gtk_label_set_label (self->per_person_label, _("Not yet known"));
        adw_action_row_set_subtitle (self->per_person_row,
                                     reach == 0 ? _("Record the people reached a year to see it")
                                     : waymark_plan_item_has_cost (item)
                                     ? _("Too large to calculate")
                                     : _("Needs a cost in pounds"));
      }
  }

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->flag_label), !waymark_plan_item_has_cost (item));
}

static void
update_reach (WaymarkPlanItemRow *self)
{
  gtk_spin_button_set_value (self->reach_spin, waymark_plan_item_get_reach (self->item));
  adw_combo_row_set_selected (self->reach_group_row,
                              waymark_plan_item_get_reach_group (self->item));
  set_entry_text (self->reach_source_row, waymark_plan_item_get_reach_source (self->item));
}

static void
update_quantity (WaymarkPlanItemRow *self)
{
  const char *unit = waymark_plan_item_get_unit (self->item);

  gtk_spin_button_set_value (self->quantity_spin, waymark_plan_item_get_quantity (self->item));
  adw_action_row_set_subtitle (self->quantity_row, unit != NULL ? unit : "");
}

/* The unit costs as Waymark writes amounts ("£1,500"). While `keep_typed`, an entry that already
 * holds its amount typed another way ("1500") is left as typed; once applied, it is rewritten. */
static void
show_cost (WaymarkPlanItemRow *self,
           gboolean            keep_typed)
{
  gint64 low = waymark_plan_item_get_unit_cost (self->item);
  gint64 high = waymark_plan_item_get_unit_cost_high (self->item);

  if (!(keep_typed && entry_says_amount (self->cost_row, low)))
    {
      g_autofree char *text = waymark_format_unit_cost (low);
      set_entry_text (self->cost_row, text);
    }
  /* The upper figure is shown only for a range; empty means "the same". */
  {
    gboolean range = high != low;
    gboolean empty = *gtk_editable_get_text (GTK_EDITABLE (self->cost_high_row)) == '\0';

    if (!keep_typed ||
        !(range ? entry_says_amount (self->cost_high_row, high)
                : empty || entry_says_amount (self->cost_high_row, high)))
      {
        g_autofree char *text = range ? waymark_format_unit_cost (high) : g_strdup ("");
        set_entry_text (self->cost_high_row, text);
      }
  }
  adw_combo_row_set_selected (self->cost_source_row, waymark_plan_item_get_cost_source (self->item));
  gtk_widget_set_visible (self->cost_error_row, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->cost_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->cost_high_row), "error");
}

static void
update_cost (WaymarkPlanItemRow *self)
{
  show_cost (self, TRUE);
}

static void
update_facts (WaymarkPlanItemRow *self)
{
  WaymarkPlanItem *item = self->item;
  const WaymarkCost *published = waymark_plan_item_get_published_cost (item);
  g_autofree char *levels = waymark_flags_format_labels (WAYMARK_TYPE_LEVEL,
                                                         waymark_plan_item_get_levels (item));
  g_autofree char *facts = NULL;
  WaymarkLlrStatus status = waymark_plan_item_get_llr_status (item);

  /* Translators: level of prevention · focus · what LLR has, for an item of a plan */
  facts = g_strdup_printf (_("%s · %s · %s"), levels,
                           waymark_focus_get_label (waymark_plan_item_get_focus (item)),
                           waymark_llr_status_get_label (status));
  gtk_label_set_label (self->facts_label, facts);
  waymark_rating_badge_set_rating (self->evidence_badge, waymark_plan_item_get_evidence_rating (item));
  waymark_rating_badge_set_rating (self->impact_badge, waymark_plan_item_get_impact_rating (item));
  /* A local service has no review rating, not a rating of "none": the mark, in its place. */
  {
    gboolean local = waymark_plan_item_get_local_service (item);

    gtk_label_set_label (self->local_label, waymark_local_service_mark ());
    gtk_label_set_label (self->local_badge, waymark_local_service_mark ());
    gtk_widget_set_visible (GTK_WIDGET (self->local_label), local);
    gtk_widget_set_visible (GTK_WIDGET (self->local_badge), local);
    gtk_widget_set_visible (self->edit_local_button, local);
    gtk_widget_set_visible (GTK_WIDGET (self->evidence_badge), !local);
    gtk_widget_set_visible (GTK_WIDGET (self->impact_badge), !local);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), waymark_plan_item_get_missing (item));

  if (published != NULL)
    {
      g_autofree char *as_published = waymark_cost_format (published);
      g_autofree char *text = NULL;

      if (published->currency == WAYMARK_CURRENCY_GBP)
        /* Translators: %s is a cost as the review gives it, "£60-£100 per session" */
        text = g_strdup_printf (_("Published cost: %s"), as_published);
      else
        /* Translators: the first %s is a cost as published, "$395 per book"; the second is
         * "US dollars" or "euros" */
        text = g_strdup_printf (_("Published cost: %s, in %s. Waymark does not convert "
                                  "currencies: enter a unit cost in pounds."),
                                as_published, currency_name (published->currency));
      gtk_label_set_label (self->published_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->published_label), published != NULL);
}

static char *
dup_notes_text (WaymarkPlanItemRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* As set_entry_text(): only when the notes say something else. */
static void
set_notes_text (WaymarkPlanItemRow *self,
                const char         *text)
{
  g_autofree char *shown = dup_notes_text (self);

  if (text == NULL)
    text = "";
  if (!g_str_equal (shown, text))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), text, -1);
}

/* The funding source, and a local stream's name, asked for while the source is Other. */
static void
update_funding (WaymarkPlanItemRow *self)
{
  WaymarkFundingSource source = waymark_plan_item_get_funding_source (self->item);

  adw_combo_row_set_selected (self->funding_row, source);
  set_entry_text (self->funding_name_row, waymark_plan_item_get_funding_name (self->item));
  gtk_widget_set_visible (GTK_WIDGET (self->funding_name_row),
                          source == WAYMARK_FUNDING_SOURCE_OTHER);
}

/* What the item says of itself: its name (the row's title) and its facts. */
static void
update_title (WaymarkPlanItemRow *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), waymark_plan_item_get_name (self->item));
  /* The lists AdwExpanderRow builds for its header and its rows, which GTK 4.8 would call
   * "GtkListBox" (issue 13). */
  waymark_a11y_name_parts (GTK_WIDGET (self), GTK_TYPE_LIST_BOX,
                           waymark_plan_item_get_name (self->item));
}

/* Years (issue 16) */

static void on_year_quantity_changed (GtkSpinButton *spin, WaymarkPlanItemRow *self);
static void on_year_cost_activate    (GtkEntry *entry, WaymarkPlanItemRow *self);
static void on_year_apply_clicked    (GtkButton *button, WaymarkPlanItemRow *self);

static GtkWidget *
year_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

/* One row of the grid per year: built when the plan's number of years changes, and updated in
 * place otherwise, so that a field being typed in keeps its focus. */
static void
ensure_year_rows (WaymarkPlanItemRow *self,
                  guint               n)
{
  GtkWidget *child;

  if (self->n_year_rows == n)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->years_grid))) != NULL)
    gtk_grid_remove (self->years_grid, child);
  memset (self->year_labels, 0, sizeof self->year_labels);
  memset (self->year_spins, 0, sizeof self->year_spins);
  memset (self->year_costs, 0, sizeof self->year_costs);
  memset (self->year_totals, 0, sizeof self->year_totals);
  memset (self->year_apply, 0, sizeof self->year_apply);

  gtk_grid_attach (self->years_grid, year_heading (_("Year")), 0, 0, 1, 1);
  gtk_grid_attach (self->years_grid, year_heading (_("Quantity")), 1, 0, 1, 1);
  gtk_grid_attach (self->years_grid, year_heading (_("Unit cost")), 2, 0, 1, 1);
  gtk_grid_attach (self->years_grid, year_heading (_("Line total")), 3, 0, 1, 1);

  for (guint y = 0; y < n; y++)
    {
      GtkWidget *label = gtk_label_new (NULL);
      GtkWidget *spin = gtk_spin_button_new_with_range (0, WAYMARK_PLAN_MAX_QUANTITY, 1);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *total = gtk_label_new (NULL);
      GtkWidget *apply = gtk_button_new_from_icon_name ("edit-copy-symbolic");

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "numeric");
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (spin), 7);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_label_set_xalign (GTK_LABEL (total), 0);
      gtk_label_set_wrap (GTK_LABEL (total), TRUE);
      gtk_label_set_selectable (GTK_LABEL (total), TRUE);
      gtk_widget_set_focusable (total, FALSE);
      gtk_widget_set_hexpand (total, TRUE);
      gtk_widget_add_css_class (total, "numeric");
      gtk_widget_add_css_class (apply, "flat");
      gtk_widget_set_valign (apply, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (apply, _("Apply to All Years"));

      g_signal_connect (spin, "value-changed", G_CALLBACK (on_year_quantity_changed), self);
      g_signal_connect (entry, "activate", G_CALLBACK (on_year_cost_activate), self);
      g_signal_connect (apply, "clicked", G_CALLBACK (on_year_apply_clicked), self);

      gtk_grid_attach (self->years_grid, label, 0, (int) y + 1, 1, 1);
      gtk_grid_attach (self->years_grid, spin, 1, (int) y + 1, 1, 1);
      gtk_grid_attach (self->years_grid, entry, 2, (int) y + 1, 1, 1);
      gtk_grid_attach (self->years_grid, total, 3, (int) y + 1, 1, 1);
      gtk_grid_attach (self->years_grid, apply, 4, (int) y + 1, 1, 1);

      self->year_labels[y] = GTK_LABEL (label);
      self->year_spins[y] = GTK_SPIN_BUTTON (spin);
      self->year_costs[y] = GTK_ENTRY (entry);
      self->year_totals[y] = GTK_LABEL (total);
      self->year_apply[y] = GTK_BUTTON (apply);
    }
  self->n_year_rows = n;
}

static gboolean
holds_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static char *
format_entered_cost (gint64 low,
                     gint64 high)
{
  if (low == WAYMARK_NO_COST)
    return g_strdup ("");
  return waymark_format_money_range (low, high);
}

/* An amount or a range, as the years part shows it ("£1,500", "£60 – £100") or as typed
 * ("1500", "60-100"); empty is no cost. */
static gboolean
parse_year_cost (const char *typed,
                 gint64     *low,
                 gint64     *high)
{
  g_autoptr(GString) text = g_string_new (typed);
  g_auto(GStrv) parts = NULL;

  g_string_replace (text, "\xe2\x81\xa0", "", 0);   /* word joiner */
  g_string_replace (text, "\xc2\xa0", " ", 0);       /* no-break space */
  g_string_replace (text, "\xe2\x80\x93", "-", 0);  /* en dash */
  g_strstrip (text->str);
  if (*text->str == '\0')
    {
      *low = *high = WAYMARK_NO_COST;
      return TRUE;
    }
  parts = g_strsplit (text->str, "-", -1);
  if (g_strv_length (parts) == 1)
    {
      if (!waymark_money_parse (g_strstrip (parts[0]), low))
        return FALSE;
      *high = *low;
      return TRUE;
    }
  return g_strv_length (parts) == 2 && waymark_money_parse (g_strstrip (parts[0]), low) &&
         waymark_money_parse (g_strstrip (parts[1]), high) && *high >= *low;
}

static void
update_years (WaymarkPlanItemRow *self)
{
  guint years = waymark_plan_get_years (self->plan);
  gboolean differ = waymark_plan_item_get_year_figures (self->item) != NULL;
  gboolean uplifted = FALSE;

  gtk_widget_set_visible (self->years_row, years > 1);
  if (years < 2)
    return;

  ensure_year_rows (self, years);
  for (guint y = 0; y < years; y++)
    {
      g_autofree char *label = waymark_plan_dup_year_label (self->plan, y);
      g_autofree char *cost = NULL;
      g_autofree char *total = NULL;
      g_autofree char *apply = NULL;
      WaymarkItemYear year;
      guint quantity;
      gint64 low, high, typed_low, typed_high;

      waymark_plan_item_get_year_entered (self->item, y, &quantity, &low, &high);
      waymark_plan_get_item_year (self->plan, self->item, y, &year);
      uplifted |= year.uplifted && year.has_cost;

      gtk_label_set_label (self->year_labels[y], label);
      gtk_spin_button_set_value (self->year_spins[y], quantity);
      /* Translators: the accessible names of a year's fields in an item: "Quantity in 2027/28" */
      {
        g_autofree char *name = g_strdup_printf (_("Quantity in %s"), label);
        g_autofree char *cost_name = g_strdup_printf (_("Unit cost in %s, in pounds"), label);

        waymark_a11y_name_only_by_label (GTK_WIDGET (self->year_spins[y]), name);
        waymark_a11y_name_only_by_label (GTK_WIDGET (self->year_costs[y]), cost_name);
      }
      /* What is being typed stays while it says the same amount. */
      if (!holds_focus (GTK_WIDGET (self->year_costs[y])) ||
          !parse_year_cost (gtk_editable_get_text (GTK_EDITABLE (self->year_costs[y])),
                            &typed_low, &typed_high) ||
          typed_low != low || typed_high != high)
        {
          cost = format_entered_cost (low, high);
          if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->year_costs[y])), cost))
            gtk_editable_set_text (GTK_EDITABLE (self->year_costs[y]), cost);
        }

      if (year.has_cost)
        {
          g_autofree char *amount = waymark_format_money_range (year.line_low, year.line_high);

          /* Translators: a year's line total whose unit cost includes the plan's uplift */
          total = year.uplifted ? g_strdup_printf (_("%s, with the uplift"), amount)
                                : g_steal_pointer (&amount);
        }
      else
        total = g_strdup (year.overflow ? _("Too large to calculate") : _("No cost"));
      gtk_label_set_label (self->year_totals[y], total);

      /* Translators: the accessible name of a year's button: "Apply 2027/28 to all years" */
      apply = g_strdup_printf (_("Apply %s to all years"), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_apply[y]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, apply, -1);
    }

  if (differ && uplifted)
    gtk_label_set_label (self->years_caption,
                         _("The figures differ from year to year; the plan’s uplift raises this "
                           "local cost from the second year."));
  else if (differ)
    gtk_label_set_label (self->years_caption, _("The figures differ from year to year."));
  else if (uplifted)
    gtk_label_set_label (self->years_caption,
                         _("The same every year, as entered; the plan’s uplift raises this local "
                           "cost from the second year."));
  else
    gtk_label_set_label (self->years_caption, _("The same every year."));

  /* Shown when the years come to differ (in quantity or cost, the uplift's included);
   * otherwise when opened. */
  if ((differ || uplifted) && !self->years_differ)
    gtk_expander_set_expanded (self->years_expander, TRUE);
  self->years_differ = differ || uplifted;
}

static guint
year_of (GtkWidget * const *widgets,
         GtkWidget          *widget)
{
  for (guint y = 0; y < WAYMARK_PLAN_MAX_YEARS; y++)
    if (widgets[y] == widget)
      return y;
  return G_MAXUINT;
}

static void
on_year_quantity_changed (GtkSpinButton      *spin,
                          WaymarkPlanItemRow *self)
{
  guint y = year_of ((GtkWidget * const *) self->year_spins, GTK_WIDGET (spin));

  if (self->updating || self->plan == NULL || self->item == NULL || y >= self->n_year_rows)
    return;
  waymark_plan_set_item_year_quantity (self->plan, self->item, y,
                                       (guint) gtk_spin_button_get_value_as_int (spin));
}

static void
on_year_cost_activate (GtkEntry           *entry,
                       WaymarkPlanItemRow *self)
{
  guint y = year_of ((GtkWidget * const *) self->year_costs, GTK_WIDGET (entry));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gint64 low, high;

  if (self->plan == NULL || self->item == NULL || y >= self->n_year_rows)
    return;
  if (!parse_year_cost (text, &low, &high))
    {
      g_autofree char *shown = g_strstrip (g_strdup (text));
      /* Translators: %s is what was typed in a year's unit cost */
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not an amount in pounds, nor a range such as 60-100. Type it "
                           "as 2400, 2,400 or 2400.50, up to £1,000,000,000."), shown);

      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_label_set_label (self->years_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->years_error_label), TRUE);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->years_error_label), FALSE);
  waymark_plan_set_item_year_cost (self->plan, self->item, y, low, high);
  /* Written as Waymark writes amounts once applied. */
  {
    g_autofree char *shown = format_entered_cost (low == WAYMARK_NO_COST ? WAYMARK_NO_COST : low,
                                                  high);

    self->updating = TRUE;
    gtk_editable_set_text (GTK_EDITABLE (entry), shown);
    self->updating = FALSE;
  }
}

static void
on_year_apply_clicked (GtkButton          *button,
                       WaymarkPlanItemRow *self)
{
  guint y = year_of ((GtkWidget * const *) self->year_apply, GTK_WIDGET (button));

  if (self->plan == NULL || self->item == NULL || y >= self->n_year_rows)
    return;
  waymark_plan_apply_year_to_all (self->plan, self->item, y);
}

static void
on_plan_changed (WaymarkPlanItemRow *self)
{
  if (self->item == NULL)
    return;
  if (waymark_plan_item_get_local_service (self->item))
    update_facts (self);
  /* The plan's years, their kind and its uplift change what the years part shows. */
  self->updating = TRUE;
  update_years (self);
  self->updating = FALSE;
}

static void
update_all (WaymarkPlanItemRow *self)
{
  self->updating = TRUE;
  update_title (self);
  update_facts (self);
  update_quantity (self);
  set_entry_text (self->unit_row, waymark_plan_item_get_unit (self->item));
  update_cost (self);
  update_funding (self);
  set_entry_text (self->provider_row, waymark_plan_item_get_provider (self->item));
  set_notes_text (self, waymark_plan_item_get_notes (self->item));
  update_reach (self);
  update_header (self);
  update_years (self);
  self->updating = FALSE;
}

/* Only the widget of the property that changed is touched: text being typed elsewhere stays. */
static void
on_item_notify (WaymarkPlanItem    *item,
                GParamSpec         *pspec,
                WaymarkPlanItemRow *self)
{
  const char *name = pspec->name;

  self->updating = TRUE;
  if (g_str_equal (name, "name"))
    {
      update_title (self);
      update_facts (self);
    }
  else if (g_str_equal (name, "quantity"))
    update_quantity (self);
  else if (g_str_equal (name, "unit"))
    {
      set_entry_text (self->unit_row, waymark_plan_item_get_unit (item));
      update_quantity (self);
    }
  else if (g_str_equal (name, "unit-cost") || g_str_equal (name, "unit-cost-high") ||
           g_str_equal (name, "cost-source"))
    update_cost (self);
  else if (g_str_equal (name, "funding-source") || g_str_equal (name, "funding-name"))
    update_funding (self);
  else if (g_str_equal (name, "provider"))
    set_entry_text (self->provider_row, waymark_plan_item_get_provider (item));
  else if (g_str_equal (name, "notes"))
    set_notes_text (self, waymark_plan_item_get_notes (item));
  else if (g_str_equal (name, "reach") || g_str_equal (name, "reach-group") ||
           g_str_equal (name, "reach-source"))
    update_reach (self);
  update_header (self);
  update_years (self);
  self->updating = FALSE;
}

/* Edits: all through the plan */

static void
on_quantity_changed (GtkSpinButton      *spin,
                     WaymarkPlanItemRow *self)
{
  if (self->updating || self->plan == NULL || self->item == NULL)
    return;

  waymark_plan_edit (self->plan, self->item,
                     "quantity", (guint) gtk_spin_button_get_value_as_int (spin), NULL);
}

static void
on_text_apply (AdwEntryRow        *row,
               WaymarkPlanItemRow *self)
{
  const char *property = row == self->unit_row ? "unit"
                         : row == self->reach_source_row ? "reach-source"
                         : row == self->funding_name_row ? "funding-name" : "provider";
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->plan != NULL && self->item != NULL)
    waymark_plan_edit (self->plan, self->item, property, text, NULL);
}

void
waymark_plan_item_row_apply_notes (WaymarkPlanItemRow *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (WAYMARK_IS_PLAN_ITEM_ROW (self));

  /* The focus leaves as a row is taken away: its item may have left the plan already. */
  if (self->plan == NULL || self->item == NULL ||
      waymark_plan_find_item (self->plan, waymark_plan_item_get_intervention_id (self->item),
                              NULL) != self->item)
    return;
  /* Trailing blank lines and spaces are not kept; lines inside are. */
  text = g_strchomp (dup_notes_text (self));
  if (g_strcmp0 (text, waymark_plan_item_get_notes (self->item)) != 0)
    waymark_plan_edit (self->plan, self->item, "notes", text, NULL);
}

static void
on_notes_leave (GtkEventControllerFocus *controller,
                WaymarkPlanItemRow      *self)
{
  waymark_plan_item_row_apply_notes (self);
}

static gboolean
on_notes_ctrl_enter (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   data)
{
  waymark_plan_item_row_apply_notes (data);
  return TRUE;
}

static void
show_cost_error (WaymarkPlanItemRow *self,
                 AdwEntryRow        *row,
                 const char         *message)
{
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_label_set_label (self->cost_error_label, message);
  gtk_widget_set_visible (self->cost_error_row, TRUE);
}

static gboolean
parse_cost (WaymarkPlanItemRow *self,
            AdwEntryRow        *row,
            gint64             *pence)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *message = NULL;

  if (*text == '\0')
    {
      *pence = WAYMARK_NO_COST;
      return TRUE;
    }
  if (waymark_money_parse (text, pence))
    return TRUE;

  /* Translators: %s is what was typed, such as "12,34" */
  message = g_strdup_printf (_("“%s” is not an amount in pounds. Type it as 2400, 2,400 or "
                               "2400.50, with a point before the pence, up to £1,000,000,000."),
                             text);
  show_cost_error (self, row, message);
  return FALSE;
}

static void
on_cost_apply (AdwEntryRow        *row,
               WaymarkPlanItemRow *self)
{
  gint64 low, high;

  if (self->plan == NULL || self->item == NULL)
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (self->cost_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->cost_high_row), "error");
  gtk_widget_set_visible (self->cost_error_row, FALSE);

  if (!parse_cost (self, self->cost_row, &low) || !parse_cost (self, self->cost_high_row, &high))
    return;

  if (low == WAYMARK_NO_COST && high != WAYMARK_NO_COST)
    {
      show_cost_error (self, self->cost_high_row,
                       _("Enter the unit cost first: the upper figure is only for a range."));
      return;
    }
  if (high == WAYMARK_NO_COST)
    high = low;
  if (high < low)
    {
      show_cost_error (self, self->cost_high_row,
                       _("The upper unit cost is less than the unit cost."));
      return;
    }

  /* The source stays what the person chose in the list below; the same figures are no edit. */
  waymark_plan_set_item_cost (self->plan, self->item, low, high,
                                waymark_plan_item_get_cost_source (self->item));
  self->updating = TRUE;
  show_cost (self, FALSE);
  self->updating = FALSE;
}

static void
on_source_selected (AdwComboRow        *row,
                    GParamSpec         *pspec,
                    WaymarkPlanItemRow *self)
{
  if (self->updating || self->plan == NULL || self->item == NULL)
    return;

  waymark_plan_edit (self->plan, self->item, "cost-source",
                     (WaymarkCostSource) adw_combo_row_get_selected (row), NULL);
}

static void
on_funding_selected (AdwComboRow        *row,
                     GParamSpec         *pspec,
                     WaymarkPlanItemRow *self)
{
  if (self->updating || self->plan == NULL || self->item == NULL)
    return;

  /* Away from Other, a local stream's name goes with it, in the same edit. */
  if (adw_combo_row_get_selected (row) == WAYMARK_FUNDING_SOURCE_OTHER)
    waymark_plan_edit (self->plan, self->item, "funding-source",
                       WAYMARK_FUNDING_SOURCE_OTHER, NULL);
  else
    waymark_plan_edit (self->plan, self->item, "funding-source",
                       (WaymarkFundingSource) adw_combo_row_get_selected (row),
                       "funding-name", "", NULL);
}

static void
on_reach_changed (GtkSpinButton      *spin,
                  WaymarkPlanItemRow *self)
{
  if (self->updating || self->plan == NULL || self->item == NULL)
    return;

  waymark_plan_edit (self->plan, self->item,
                     "reach", (guint) gtk_spin_button_get_value_as_int (spin), NULL);
}

/* An item's choices in a combo row's list, whole: libadwaita 1.2's own list cuts each at twenty
 * characters ("Home Office perpetrat…", "Local authority safe-a…"), however wide the list could
 * be. The same label and tick as libadwaita's, the label wrapping instead. */
static void
update_choice_tick (AdwComboRow *row,
                    GParamSpec  *pspec,
                    GtkListItem *list_item)
{
  GtkWidget *tick = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));

  gtk_widget_set_opacity (tick, adw_combo_row_get_selected_item (row) ==
                                gtk_list_item_get_item (list_item) ? 1.0 : 0.0);
}

static void
on_choice_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 AdwComboRow              *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *tick = g_object_new (GTK_TYPE_IMAGE,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "icon-name", "object-select-symbolic",
                                  NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), tick);
  gtk_list_item_set_child (list_item, box);
}

static void
on_choice_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                AdwComboRow              *row)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkStringObject *choice = gtk_list_item_get_item (list_item);
  /* Gone with the list item, should it go unbound. */
  gulong handler = g_signal_connect_object (row, "notify::selected-item",
                                            G_CALLBACK (update_choice_tick), list_item, 0);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (choice));
  g_object_set_data (G_OBJECT (list_item), "waymark-tick-handler", GSIZE_TO_POINTER (handler));
  update_choice_tick (row, NULL, list_item);
}

static void
on_choice_unbind (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  AdwComboRow              *row)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (list_item),
                                                          "waymark-tick-handler"));

  if (handler != 0)
    g_signal_handler_disconnect (row, handler);
}

static void
list_choices_whole (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_choice_setup), row);
  g_signal_connect (factory, "bind", G_CALLBACK (on_choice_bind), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_choice_unbind), row);
  adw_combo_row_set_list_factory (row, factory);
}

static void
on_reach_group_selected (AdwComboRow        *row,
                         GParamSpec         *pspec,
                         WaymarkPlanItemRow *self)
{
  if (self->updating || self->plan == NULL || self->item == NULL)
    return;

  waymark_plan_edit (self->plan, self->item, "reach-group",
                     (WaymarkReachGroup) adw_combo_row_get_selected (row), NULL);
}

/* The service's form, through the window, which owns the dialogs. */
static void
on_edit_local_clicked (GtkButton          *button,
                       WaymarkPlanItemRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (button), "win.edit-local-service", "s",
                              waymark_plan_item_get_intervention_id (self->item));
}

static void
on_remove_clicked (GtkButton          *button,
                   WaymarkPlanItemRow *self)
{
  guint position;

  const char *id;

  if (self->plan == NULL || self->item == NULL)
    return;

  /* Through the window, which says what went and offers Undo; on its own, the row removes it. */
  id = waymark_plan_item_get_intervention_id (self->item);
  if (!gtk_widget_activate_action (GTK_WIDGET (button), "win.remove-plan-item", "s", id) &&
      waymark_plan_find_item (self->plan, id, &position))
    waymark_plan_remove_item (self->plan, position);
}

/* GObject */

static void
waymark_plan_item_row_dispose (GObject *object)
{
  WaymarkPlanItemRow *self = WAYMARK_PLAN_ITEM_ROW (object);

  g_signal_group_set_target (self->item_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_PLAN_ITEM_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (waymark_plan_item_row_parent_class)->dispose (object);
}

static void
waymark_plan_item_row_finalize (GObject *object)
{
  WaymarkPlanItemRow *self = WAYMARK_PLAN_ITEM_ROW (object);

  /* Kept until now so that a setter called after dispose is still safe */
  g_clear_object (&self->item_signals);

  G_OBJECT_CLASS (waymark_plan_item_row_parent_class)->finalize (object);
}

static void
waymark_plan_item_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  WaymarkPlanItemRow *self = WAYMARK_PLAN_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_plan_item_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  WaymarkPlanItemRow *self = WAYMARK_PLAN_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      /* A local service's edit changes its item's levels, focus and groups, which have no
       * notification of their own: the plan's "changed" says so. */
      if (self->plan != NULL)
        g_signal_connect_object (self->plan, "changed", G_CALLBACK (on_plan_changed), self,
                                 G_CONNECT_SWAPPED);
      break;
    case PROP_ITEM:
      waymark_plan_item_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_plan_item_row_class_init (WaymarkPlanItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = waymark_plan_item_row_dispose;
  object_class->finalize = waymark_plan_item_row_finalize;
  object_class->get_property = waymark_plan_item_row_get_property;
  object_class->set_property = waymark_plan_item_row_set_property;

  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, WAYMARK_TYPE_PLAN, flags);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, WAYMARK_TYPE_PLAN_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WAYMARK_TYPE_RATING_BADGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-plan-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, flag_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, facts_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, local_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, local_badge);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, edit_local_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, evidence_badge);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, impact_badge);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, missing_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, published_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, quantity_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, quantity_spin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, cost_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, cost_high_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, cost_error_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, cost_error_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, cost_source_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, funding_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, funding_name_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, provider_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, reach_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, reach_spin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, reach_group_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, reach_source_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, per_person_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, per_person_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, notes_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, notes_view);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, line_total_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, years_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, years_expander);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, years_caption);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, years_grid);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, years_error_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanItemRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_quantity_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_text_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_cost_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_source_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_funding_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_reach_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reach_group_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_local_clicked);
}

static void
waymark_plan_item_row_init (WaymarkPlanItemRow *self)
{
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) funding = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) groups = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  waymark_a11y_name_mnemonic_buttons (GTK_WIDGET (self));  /* "_Edit Local Service…" */

  self->item_signals = g_signal_group_new (WAYMARK_TYPE_PLAN_ITEM);
  g_signal_group_connect (self->item_signals, "notify", G_CALLBACK (on_item_notify), self);

  /* The core's labels, in the order of its enums: the selected position is the value. */
  for (int s = WAYMARK_COST_SOURCE_REVIEW; s <= WAYMARK_COST_SOURCE_ESTIMATE; s++)
    gtk_string_list_append (sources, waymark_cost_source_get_label (s));
  for (int f = WAYMARK_FUNDING_SOURCE_UNSPECIFIED; f <= WAYMARK_FUNDING_SOURCE_OTHER; f++)
    gtk_string_list_append (funding, waymark_funding_source_get_label (f));
  for (int g = WAYMARK_REACH_GROUP_UNSPECIFIED; g < WAYMARK_REACH_GROUP_N; g++)
    gtk_string_list_append (groups, waymark_reach_group_get_label (g));

  self->updating = TRUE;
  adw_combo_row_set_model (self->cost_source_row, G_LIST_MODEL (sources));
  adw_combo_row_set_model (self->funding_row, G_LIST_MODEL (funding));
  adw_combo_row_set_model (self->reach_group_row, G_LIST_MODEL (groups));
  self->updating = FALSE;

  {
    GtkEventController *focus = gtk_event_controller_focus_new ();
    GtkEventController *keys = gtk_shortcut_controller_new ();
    guint enter_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter };

    g_signal_connect (focus, "leave", G_CALLBACK (on_notes_leave), self);
    gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);
    for (guint i = 0; i < G_N_ELEMENTS (enter_keys); i++)
      gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (keys),
        gtk_shortcut_new (gtk_keyval_trigger_new (enter_keys[i], GDK_CONTROL_MASK),
                          gtk_callback_action_new (on_notes_ctrl_enter, self, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self->notes_view), keys);
  }
  waymark_a11y_name_combo_row_list (self->cost_source_row);
  waymark_a11y_name_combo_row_list (self->funding_row);
  waymark_a11y_name_combo_row_list (self->reach_group_row);
  list_choices_whole (self->cost_source_row);
  list_choices_whole (self->funding_row);
  list_choices_whole (self->reach_group_row);
}

GtkWidget *
waymark_plan_item_row_new (WaymarkPlan     *plan,
                           WaymarkPlanItem *item)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (item == NULL || WAYMARK_IS_PLAN_ITEM (item), NULL);

  return g_object_new (WAYMARK_TYPE_PLAN_ITEM_ROW, "plan", plan, "item", item, NULL);
}

WaymarkPlanItem *
waymark_plan_item_row_get_item (WaymarkPlanItemRow *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_ITEM_ROW (self), NULL);
  return self->item;
}

void
waymark_plan_item_row_set_item (WaymarkPlanItemRow *self,
                                WaymarkPlanItem    *item)
{
  g_return_if_fail (WAYMARK_IS_PLAN_ITEM_ROW (self));
  g_return_if_fail (item == NULL || WAYMARK_IS_PLAN_ITEM (item));

  if (self->item == item)
    return;

  g_set_object (&self->item, item);
  g_signal_group_set_target (self->item_signals, item);
  /* Another item: its years open if they differ, as when first shown. */
  self->years_differ = FALSE;
  gtk_expander_set_expanded (self->years_expander, FALSE);

  /* "item" is not a construct property: "plan" is always set by now. */
  if (item != NULL)
    update_all (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

GtkWidget *
waymark_plan_item_row_get_year_control (WaymarkPlanItemRow *self,
                                        const char         *name,
                                        guint               year)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_ITEM_ROW (self), NULL);

  if (year >= self->n_year_rows)
    return NULL;
  if (g_str_equal (name, "label"))
    return GTK_WIDGET (self->year_labels[year]);
  if (g_str_equal (name, "quantity"))
    return GTK_WIDGET (self->year_spins[year]);
  if (g_str_equal (name, "unit-cost"))
    return GTK_WIDGET (self->year_costs[year]);
  if (g_str_equal (name, "line-total"))
    return GTK_WIDGET (self->year_totals[year]);
  if (g_str_equal (name, "apply"))
    return GTK_WIDGET (self->year_apply[year]);
  return NULL;
}

GtkWidget *
waymark_plan_item_row_get_control (WaymarkPlanItemRow *self,
                                   const char         *name)
{
  const struct { const char *name; gsize offset; } controls[] = {
    { "quantity", G_STRUCT_OFFSET (WaymarkPlanItemRow, quantity_spin) },
    { "unit", G_STRUCT_OFFSET (WaymarkPlanItemRow, unit_row) },
    { "unit-cost", G_STRUCT_OFFSET (WaymarkPlanItemRow, cost_row) },
    { "unit-cost-high", G_STRUCT_OFFSET (WaymarkPlanItemRow, cost_high_row) },
    { "provider", G_STRUCT_OFFSET (WaymarkPlanItemRow, provider_row) },
    { "notes", G_STRUCT_OFFSET (WaymarkPlanItemRow, notes_view) },
    { "cost-source", G_STRUCT_OFFSET (WaymarkPlanItemRow, cost_source_row) },
    { "funding-source", G_STRUCT_OFFSET (WaymarkPlanItemRow, funding_row) },
    { "funding-name", G_STRUCT_OFFSET (WaymarkPlanItemRow, funding_name_row) },
    { "reach", G_STRUCT_OFFSET (WaymarkPlanItemRow, reach_spin) },
    { "reach-group", G_STRUCT_OFFSET (WaymarkPlanItemRow, reach_group_row) },
    { "reach-source", G_STRUCT_OFFSET (WaymarkPlanItemRow, reach_source_row) },
    { "per-person", G_STRUCT_OFFSET (WaymarkPlanItemRow, per_person_label) },
    { "remove", G_STRUCT_OFFSET (WaymarkPlanItemRow, remove_button) },
    { "cost-error", G_STRUCT_OFFSET (WaymarkPlanItemRow, cost_error_label) },
    { "published", G_STRUCT_OFFSET (WaymarkPlanItemRow, published_label) },
    { "flag", G_STRUCT_OFFSET (WaymarkPlanItemRow, flag_label) },
    { "local", G_STRUCT_OFFSET (WaymarkPlanItemRow, local_label) },
    { "local-badge", G_STRUCT_OFFSET (WaymarkPlanItemRow, local_badge) },
    { "edit-local", G_STRUCT_OFFSET (WaymarkPlanItemRow, edit_local_button) },
    { "line-total", G_STRUCT_OFFSET (WaymarkPlanItemRow, line_total_label) },
    { "missing", G_STRUCT_OFFSET (WaymarkPlanItemRow, missing_label) },
    { "years", G_STRUCT_OFFSET (WaymarkPlanItemRow, years_expander) },
    { "years-caption", G_STRUCT_OFFSET (WaymarkPlanItemRow, years_caption) },
    { "years-error", G_STRUCT_OFFSET (WaymarkPlanItemRow, years_error_label) },
  };

  g_return_val_if_fail (WAYMARK_IS_PLAN_ITEM_ROW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    if (g_strcmp0 (controls[i].name, name) == 0)
      return G_STRUCT_MEMBER (GtkWidget *, self, controls[i].offset);

  return NULL;
}
