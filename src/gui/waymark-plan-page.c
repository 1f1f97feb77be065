/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-gui-a11y.h"
#include "waymark-gui-format.h"
#include "waymark-money.h"
#include "waymark-plan-page-private.h"


G_DEFINE_FINAL_TYPE (WaymarkPlanPage, waymark_plan_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_parts (WaymarkPlanPage *self);

/* The summary */

static char *
describe_remaining (gint64 low,
                    gint64 high)
{
  /* low is what is left in the worst case (the higher total), high in the best. */
  if (low >= 0)
    {
      g_autofree char *amount = waymark_format_money_range (low, high);
      /* Translators: %s is an amount or a range, "£45,300 – £57,300" */
      return g_strdup_printf (_("%s left"), amount);
    }
  if (high < 0)
    {
      g_autofree char *amount = waymark_format_money_range (-high, -low);
      /* Translators: %s is an amount or a range */
      return g_strdup_printf (_("%s over budget"), amount);
    }
  {
    g_autofree char *over = waymark_money_format (-low, WAYMARK_CURRENCY_GBP);
    g_autofree char *left = waymark_money_format (high, WAYMARK_CURRENCY_GBP);
    /* Translators: the plan's cost is a range that straddles the budget */
    return g_strdup_printf (_("Between %s over budget and %s left"), over, left);
  }
}

/* The people reached a year, by who they are: the commissioner's figures, summed. */
/* Appends text from the plan, the catalogue or a translation as markup that shows it as it is. */
static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* A coverage's share, "0.02%", from its basis points (computed in the core). */
static char *
format_coverage (const WaymarkCoverage *row)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d%%", row->basis_points / 100,
                          (int) (row->basis_points % 100));
}

/* What the comparison assumes, under its line, smaller. */
static void
append_reading (GString               *markup,
                const WaymarkCoverage *row)
{
  if (row->reading == NULL)
    return;
  g_string_append (markup, "\n<small>");
  append_text (markup, row->reading);
  g_string_append (markup, "</small>");
}

static void
update_reach (WaymarkPlanPage *self)
{
  guint n_without = 0;
  g_autoptr(GArray) slices = waymark_plan_get_reach (self->plan, &n_without);
  g_autoptr(GArray) coverage = waymark_plan_get_coverage (self->plan, self->catalogue);
  GString *markup = g_string_new (NULL);

  if (slices->len == 0)
    append_text (markup, _("People reached a year: none recorded yet. Record them in each "
                           "intervention."));
  else
    {
      append_text (markup, _("People reached a year (local figures):"));
      for (guint i = 0; i < coverage->len; i++)
        {
          const WaymarkCoverage *row = &g_array_index (coverage, WaymarkCoverage, i);
          g_autofree char *people = waymark_format_count (row->reached);
          g_autofree char *group = NULL;

          /* Translators: "Perpetrators: 60", the people reached a year in one group */
          group = g_strdup_printf (_("%s: %s"), waymark_reach_group_get_label (row->group),
                                   people);
          g_string_append (markup, "\n\n<b>");
          append_text (markup, group);
          g_string_append (markup, "</b>");
          if (row->need != NULL)
            {
              g_autofree char *need = waymark_format_count (row->need_people);
              g_autofree char *percent = format_coverage (row);
              g_autofree char *line = NULL;

              /* Translators: coverage: "0.02% of 28,360: the review, “in 2020/21, 28,360
               * adults…” (2020/21, Leicester, Leicestershire and Rutland)" */
              line = g_strdup_printf (_("%s of %s: the review, “%s” (%s, %s)"), percent, need,
                                      row->need->as_written,
                                      row->need->period != NULL ? row->need->period : "",
                                      row->need->geography != NULL ? row->need->geography : "");
              g_string_append_c (markup, '\n');
              append_text (markup, line);
              append_reading (markup, row);
            }
          else if (row->need_is_local)
            {
              g_autofree char *need = waymark_format_count (row->need_people);
              g_autofree char *percent = format_coverage (row);
              g_autofree char *source = NULL;
              g_autofree char *line = NULL;

              if (row->local_source != NULL && row->local_source[0] != '\0')
                /* Translators: where the plan's own count of need came from, as typed */
                source = g_strdup_printf (_("“%s”"), row->local_source);
              else
                source = g_strdup (_("no source recorded"));
              /* Translators: coverage against the plan's own count: "20 of 340 (5.88%): reach
               * from the items’ sources; need: local, “Probation caseload, March 2026”" */
              line = g_strdup_printf (_("%s of %s (%s): reach from the items’ sources; need: "
                                        "local, %s"), people, need, percent, source);
              g_string_append_c (markup, '\n');
              append_text (markup, line);
              append_reading (markup, row);
            }
          if (row->need == NULL && row->benchmark != NULL)
            {
              g_autofree char *line = NULL;

              if (row->need_is_local)
                /* Translators: the review's ratio beside a local count: “only 1% of…” */
                line = g_strdup_printf (_("Beside it, the review gives only a ratio, “%s”"),
                                        row->benchmark->as_written);
              else
                /* Translators: the review's ratio for a group with no count: “only 1% of…” */
                line = g_strdup_printf (_("No coverage: the review gives only a ratio, “%s”"),
                                        row->benchmark->as_written);
              g_string_append_c (markup, '\n');
              append_text (markup, line);
            }
          if (row->need != NULL && row->local_need > 0)
            {
              g_autofree char *count = waymark_format_count (row->local_need);
              g_autofree char *line = NULL;

              /* Translators: the plan holds its own count for a group the review counts */
              line = g_strdup_printf (_("The plan’s own count, %s, is not used: the review gives "
                                        "one."), count);
              g_string_append (markup, "\n<small>");
              append_text (markup, line);
              g_string_append (markup, "</small>");
            }
        }
      if (n_without > 0)
        {
          g_autofree char *line = g_strdup_printf (ngettext ("%u intervention has no reach "
                                                             "recorded.",
                                                             "%u interventions have no reach "
                                                             "recorded.", n_without), n_without);

          g_string_append (markup, "\n\n");
          append_text (markup, line);
        }
    }
  gtk_label_set_markup (self->reach_label, markup->str);
  g_string_free (markup, TRUE);

  /* A button to record the need for each group reached for which the review gives no count. */
  for (guint g = 1; g < WAYMARK_REACH_GROUP_N; g++)
    {
      const WaymarkCoverage *row = NULL;

      for (guint i = 0; i < coverage->len && row == NULL; i++)
        if (g_array_index (coverage, WaymarkCoverage, i).group == g)
          row = &g_array_index (coverage, WaymarkCoverage, i);
      gtk_widget_set_visible (GTK_WIDGET (self->local_need_buttons[g]),
                              row != NULL && row->need == NULL);
      if (row != NULL && row->need == NULL)
        {
          g_autofree char *label = NULL;

          if (row->local_need > 0)
            /* Translators: a button; %s is a group, "Perpetrators" */
            label = g_strdup_printf (_("Change the Local Need for %s…"),
                                     waymark_reach_group_get_label (g));
          else
            /* Translators: a button; %s is a group, "Perpetrators" */
            label = g_strdup_printf (_("Enter a Local Need for %s…"),
                                     waymark_reach_group_get_label (g));
          gtk_button_set_label (self->local_need_buttons[g], label);
        }
    }
}

/* The local need (issue 14): the people in need in a group a year, as the commissioner counts
 * them where the review gives no count, with where the figure came from. */

#define GROUP_KEY "waymark-reach-group"

static void
on_local_need_response (AdwMessageDialog *dialog,
                        const char       *response,
                        WaymarkPlanPage  *self)
{
  WaymarkReachGroup group = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), GROUP_KEY));
  GtkSpinButton *people = g_object_get_data (G_OBJECT (dialog), "people");
  GtkEditable *source = g_object_get_data (G_OBJECT (dialog), "source");

  if (!g_str_equal (response, "save") || self->plan == NULL)
    return;

  gtk_spin_button_update (people);
  {
    g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (source)));

    waymark_plan_set_local_need (self->plan, group, (guint) gtk_spin_button_get_value (people),
                                 text);
  }
}

static void
on_local_need_clicked (GtkButton       *button,
                       WaymarkPlanPage *self)
{
  WaymarkReachGroup group = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), GROUP_KEY));
  const char *recorded = NULL;
  guint people = waymark_plan_get_local_need (self->plan, group, &recorded);
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *box, *label, *spin, *entry;

  /* Translators: a dialog's heading; %s is a group, "Perpetrators" */
  heading = g_strdup_printf (_("Local Need: %s"), waymark_reach_group_get_label (group));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   _("The review gives no count of the people in need in this "
                                     "group. Enter your own for a year in the plan’s area, and "
                                     "where it came from: Waymark shows the coverage against it "
                                     "as a local figure. 0 removes it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("_People in need a year"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  spin = gtk_spin_button_new_with_range (0, WAYMARK_LOCAL_NEED_MAX, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), people);
  /* Enter in the figure saves, as it does in the source: the spin button's text takes its
   * value first, then the dialog's default response. */
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (spin))), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), spin);
  label = gtk_label_new_with_mnemonic (_("_Where it came from (who, when, from what)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 6);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), recorded != NULL ? recorded : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), GROUP_KEY, GUINT_TO_POINTER (group));
  g_object_set_data (G_OBJECT (dialog), "people", spin);
  g_object_set_data (G_OBJECT (dialog), "source", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_local_need_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The charts are Waymark's arithmetic (computed) on the items' quantities, which are local, and
 * their unit costs, the review's or local: the caption says which. */
static void
update_charts_caption (WaymarkPlanPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plan));
  guint n_costed = 0, n_local = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->plan), i);

      if (!waymark_plan_item_has_cost (item))
        continue;
      n_costed++;
      if (waymark_plan_item_get_cost_source (item) != WAYMARK_COST_SOURCE_REVIEW)
        n_local++;
    }

  if (n_costed == 0)
    text = g_strdup (_("Computed from the items’ quantities, which are local figures, and their "
                       "unit costs, when they have one."));
  else if (n_local == 0)
    text = g_strdup (_("Computed: the quantities are local figures; every unit cost is the "
                       "review’s."));
  else if (n_local == n_costed)
    text = g_strdup (_("Computed: the quantities and every unit cost are local figures."));
  else
    /* Translators: under the spend charts; %u is how many of the unit costs are local */
    text = g_strdup_printf (ngettext ("Computed: the quantities are local figures; %u unit cost "
                                      "is local, the others are the review’s.",
                                      "Computed: the quantities are local figures; %u unit costs "
                                      "are local, the others are the review’s.", n_local),
                            n_local);
  gtk_label_set_label (self->charts_caption, text);
}

/* Each year's total, share of the budget and what is left of it (issue 16): a small table in
 * the summary, for a plan of more than one year. */
static void
table_cell (GtkGrid    *grid,
            const char *text,
            int         column,
            int         row,
            const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  if (column > 0)
    gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Selected with the pointer and copied, but no Tab stop (issue 13). */
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_add_css_class (label, "numeric");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
update_years_table (WaymarkPlanPage *self)
{
  guint years = waymark_plan_get_years (self->plan);
  gboolean budget = waymark_plan_get_budget (self->plan) > 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->years_table))) != NULL)
    gtk_grid_remove (self->years_table, child);
  gtk_widget_set_visible (GTK_WIDGET (self->years_table), years > 1);
  if (years < 2)
    return;

  /* Two columns, the year and its figures one under the other: a range of money never breaks
   * (waymark_format_money_range), so columns side by side would not fit a narrow summary. */
  table_cell (self->years_table, _("Year"), 0, 0, "caption-heading");
  table_cell (self->years_table, budget ? _("Cost, and against the year’s share of the budget")
                                        : _("Cost"), 1, 0, "caption-heading");
  for (guint y = 0; y < years; y++)
    {
      g_autofree char *label = waymark_plan_dup_year_label (self->plan, y);
      g_autofree char *total = NULL;
      g_autofree char *text = NULL;
      WaymarkPlanTotals t;

      waymark_plan_get_year_totals (self->plan, y, &t);
      total = t.overflow ? g_strdup (_("Too large to add up"))
                         : waymark_format_money_range (t.total_low, t.total_high);
      if (budget && !t.overflow)
        {
          g_autofree char *share = waymark_money_format (t.budget_per_year, WAYMARK_CURRENCY_GBP);
          g_autofree char *remaining = describe_remaining (t.remaining_low, t.remaining_high);

          /* Translators: a year's cost, then "£4,000 left" or "£500 over budget", then the
           * year's share of the budget: "£96,000\n£4,000 left (budget £100,000)" */
          text = g_strdup_printf (_("%s\n%s (budget %s)"), total, remaining, share);
        }
      else
        text = g_steal_pointer (&total);
      table_cell (self->years_table, label, 0, (int) y + 1, NULL);
      table_cell (self->years_table, text, 1, (int) y + 1,
                  !budget || t.overflow ? NULL : t.remaining_low < 0 ? "error" : NULL);
    }
}

/* Whether every year of the plan adds up to the same. */
static gboolean
years_equal (WaymarkPlan *plan)
{
  WaymarkPlanTotals first;

  waymark_plan_get_year_totals (plan, 0, &first);
  for (guint y = 1; y < waymark_plan_get_years (plan); y++)
    {
      WaymarkPlanTotals t;

      waymark_plan_get_year_totals (plan, y, &t);
      if (t.total_low != first.total_low || t.total_high != first.total_high)
        return FALSE;
    }
  return TRUE;
}

static void
update_summary (WaymarkPlanPage *self)
{
  WaymarkPlanTotals t;
  guint years;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *total = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *annual = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *remaining = NULL;
  g_autoptr(GArray) levels = NULL;
  g_autoptr(GArray) focus = NULL;
  g_autoptr(GArray) works_with = NULL;
  g_autoptr(GArray) evidence = NULL;
  g_autoptr(GArray) funding = NULL;

  if (self->plan == NULL)
    return;

  waymark_plan_get_totals (self->plan, &t);
  years = waymark_plan_get_years (self->plan);
  first = waymark_plan_dup_year_label (self->plan, 0);
  last = waymark_plan_dup_year_label (self->plan, years - 1);
  update_years_table (self);

  gtk_widget_remove_css_class (GTK_WIDGET (self->remaining_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->remaining_label), "success");

  if (t.overflow)
    {
      gtk_label_set_label (self->total_label, _("Too large to add up"));
      gtk_label_set_label (self->total_caption,
                           _("Check the quantities and unit costs: the total is beyond what "
                             "Waymark can count."));
      gtk_label_set_label (self->annual_label, "");
      gtk_label_set_label (self->remaining_label, "");
    }
  else
    {
      total = waymark_format_money_range (t.total_low, t.total_high);
      if (years == 1)
        /* Translators: under the plan's total; %s is a year, "2026/27" or "2026" */
        caption = g_strdup_printf (_("In total, for %s"), first);
      else
        /* Translators: under the plan's total: "In total, over 3 years (2026/27 to 2028/29)" */
        caption = g_strdup_printf (ngettext ("In total, over %u year (%s to %s)",
                                             "In total, over %u years (%s to %s)", years),
                                   years, first, last);
      {
        g_autofree char *amount = waymark_format_money_range (t.annual_low, t.annual_high);

        if (years_equal (self->plan))
          /* Translators: %s is an amount or a range */
          annual = g_strdup_printf (_("%s a year"), amount);
        else
          /* Translators: an amount or a range, then the plan's first year, "2026/27" */
          annual = g_strdup_printf (_("%s in %s, the first year; each year below"), amount,
                                    first);
      }
      gtk_label_set_label (self->total_label, total);
      gtk_label_set_label (self->total_caption, caption);
      gtk_label_set_label (self->annual_label, annual);

      if (waymark_plan_get_budget (self->plan) > 0)
        {
          g_autofree char *whole = describe_remaining (t.remaining_low, t.remaining_high);

          /* Each year's against its share is in the table below. */
          remaining = g_steal_pointer (&whole);
          gtk_widget_add_css_class (GTK_WIDGET (self->remaining_label),
                                    t.remaining_low < 0 ? "error" : "success");
        }
      else
        remaining = g_strdup (_("Enter a budget under Plan Details to compare against it."));
      gtk_label_set_label (self->remaining_label, remaining);
    }

  if (waymark_plan_get_budget (self->plan) > 0)
    {
      g_autofree char *amount = waymark_money_format (waymark_plan_get_budget (self->plan),
                                                      WAYMARK_CURRENCY_GBP);
      if (years > 1)
        {
          g_autofree char *per_year = waymark_money_format (t.budget_per_year,
                                                            WAYMARK_CURRENCY_GBP);
          /* Translators: "Budget: £600,000 (£200,000 a year)" */
          budget = g_strdup_printf (_("Budget: %s (%s a year)"), amount, per_year);
        }
      else
        /* Translators: %s is an amount */
        budget = g_strdup_printf (_("Budget: %s"), amount);
    }
  else
    budget = g_strdup (_("No budget set"));
  gtk_label_set_label (self->budget_label, budget);

  if (t.n_without_cost > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u intervention has no cost yet and is not counted.",
                                   "%u interventions have no cost yet and are not counted.",
                                   t.n_without_cost), t.n_without_cost);
      gtk_label_set_label (self->no_cost_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_cost_label), t.n_without_cost > 0);
  update_reach (self);
  update_charts_caption (self);

  /* The charts show the plan's spend, all its years'; a plan of one year spends it in a year. */
  if (years == 1)
    gtk_label_set_label (self->charts_heading, _("Spend a Year"));
  else
    {
      /* Translators: the heading of the Plan page's charts: "Spend over the Plan, 2026/27 to
       * 2028/29" */
      g_autofree char *heading = g_strdup_printf (_("Spend over the Plan, %s to %s"), first, last);

      gtk_label_set_label (self->charts_heading, heading);
    }
  levels = waymark_plan_get_breakdown_for_year (self->plan, WAYMARK_BREAKDOWN_LEVEL,
                                                WAYMARK_PLAN_ALL_YEARS);
  focus = waymark_plan_get_breakdown_for_year (self->plan, WAYMARK_BREAKDOWN_FOCUS,
                                               WAYMARK_PLAN_ALL_YEARS);
  works_with = waymark_plan_get_breakdown_for_year (self->plan, WAYMARK_BREAKDOWN_WORKS_WITH,
                                                    WAYMARK_PLAN_ALL_YEARS);
  evidence = waymark_plan_get_breakdown_for_year (self->plan, WAYMARK_BREAKDOWN_EVIDENCE,
                                                  WAYMARK_PLAN_ALL_YEARS);
  funding = waymark_plan_get_breakdown_for_year (self->plan, WAYMARK_BREAKDOWN_FUNDING,
                                                 WAYMARK_PLAN_ALL_YEARS);
  waymark_plan_chart_set_slices (self->level_chart, levels, t.overflow ? 0 : t.total_low);
  waymark_plan_chart_set_slices (self->focus_chart, focus, t.overflow ? 0 : t.total_low);
  waymark_plan_chart_set_slices (self->works_with_chart, works_with, t.overflow ? 0 : t.total_low);
  waymark_plan_chart_set_slices (self->evidence_chart, evidence, t.overflow ? 0 : t.total_low);
  waymark_plan_chart_set_slices (self->funding_chart, funding, t.overflow ? 0 : t.total_low);
}

/* The details */

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* The budget as Waymark writes amounts ("£500,000"), as it reads once the plan is reopened. The
 * apply button is switched off while the text is replaced, or it would offer to apply it again. */
static void
show_budget (WaymarkPlanPage *self)
{
  gint64 budget = waymark_plan_get_budget (self->plan);
  g_autofree char *text = budget > 0 ? waymark_money_format (budget, WAYMARK_CURRENCY_GBP)
                                     : g_strdup ("");

  if (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->budget_row)), text))
    return;
  adw_entry_row_set_show_apply_button (self->budget_row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->budget_row), text);
  adw_entry_row_set_show_apply_button (self->budget_row, TRUE);
}

static void
update_budget_entry (WaymarkPlanPage *self)
{
  show_budget (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self->budget_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->budget_error_label), FALSE);
}

static void
update_details (WaymarkPlanPage *self)
{
  self->updating = TRUE;
  set_entry_text (self->title_row, waymark_plan_get_title (self->plan));
  set_entry_text (self->area_row, waymark_plan_get_area (self->plan));
  set_entry_text (self->organisation_row, waymark_plan_get_organisation (self->plan));
  set_entry_text (self->author_row, waymark_plan_get_author (self->plan));
  gtk_spin_button_set_value (self->start_year_spin, waymark_plan_get_start_year (self->plan));
  gtk_spin_button_set_value (self->years_spin, waymark_plan_get_years (self->plan));
  adw_combo_row_set_selected (self->year_kind_row, waymark_plan_get_year_kind (self->plan));
  gtk_spin_button_set_value (self->uplift_spin, waymark_plan_get_uplift (self->plan) / 100.0);
  update_budget_entry (self);
  self->updating = FALSE;
}

static void
on_plan_notify (WaymarkPlan     *plan,
                GParamSpec      *pspec,
                WaymarkPlanPage *self)
{
  const char *name = pspec->name;

  self->updating = TRUE;
  if (g_str_equal (name, "title"))
    set_entry_text (self->title_row, waymark_plan_get_title (plan));
  else if (g_str_equal (name, "area"))
    set_entry_text (self->area_row, waymark_plan_get_area (plan));
  else if (g_str_equal (name, "organisation"))
    set_entry_text (self->organisation_row, waymark_plan_get_organisation (plan));
  else if (g_str_equal (name, "author"))
    set_entry_text (self->author_row, waymark_plan_get_author (plan));
  else if (g_str_equal (name, "start-year"))
    gtk_spin_button_set_value (self->start_year_spin, waymark_plan_get_start_year (plan));
  else if (g_str_equal (name, "years"))
    gtk_spin_button_set_value (self->years_spin, waymark_plan_get_years (plan));
  else if (g_str_equal (name, "budget"))
    update_budget_entry (self);
  else if (g_str_equal (name, "year-kind"))
    adw_combo_row_set_selected (self->year_kind_row, waymark_plan_get_year_kind (plan));
  else if (g_str_equal (name, "uplift"))
    gtk_spin_button_set_value (self->uplift_spin, waymark_plan_get_uplift (plan) / 100.0);
  self->updating = FALSE;
}

static void
on_plan_changed (WaymarkPlan     *plan,
                 WaymarkPlanPage *self)
{
  update_summary (self);
  /* A local service imported, edited or given an item. */
  update_parts (self);
}

static void
on_detail_apply (AdwEntryRow     *row,
                 WaymarkPlanPage *self)
{
  const char *property = row == self->title_row ? "title"
                         : row == self->area_row ? "area"
                         : row == self->organisation_row ? "organisation" : "author";
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->plan != NULL)
    waymark_plan_edit (self->plan, self->plan, property, text, NULL);
}

static void
on_spin_changed (GtkSpinButton   *spin,
                 WaymarkPlanPage *self)
{
  if (self->updating || self->plan == NULL)
    return;

  waymark_plan_edit (self->plan, self->plan,
                     spin == self->years_spin ? "years" : "start-year",
                     (guint) gtk_spin_button_get_value_as_int (spin), NULL);
}

static void
on_year_kind_selected (AdwComboRow     *row,
                       GParamSpec      *pspec,
                       WaymarkPlanPage *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->plan == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  waymark_plan_set_year_kind (self->plan, selected);
}

/* The uplift in %, to the hundredth (a basis point): a local figure, for local costs only. */
static void
on_uplift_changed (GtkSpinButton   *spin,
                   WaymarkPlanPage *self)
{
  if (self->updating || self->plan == NULL)
    return;
  waymark_plan_set_uplift (self->plan,
                           (guint) (gtk_spin_button_get_value (spin) * 100.0 + 0.5));
}

static void
on_budget_apply (AdwEntryRow     *row,
                 WaymarkPlanPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  gint64 budget;

  if (self->plan == NULL)
    return;

  if (*text == '\0')
    budget = 0;
  else if (!waymark_money_parse (text, &budget))
    {
      /* Translators: %s is what was typed, such as "12,34" */
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not an amount in pounds, so the budget is unchanged. Type "
                           "it as 600000, 600,000 or 600000.50, with a point before the pence, "
                           "up to £1,000,000,000."), text);

      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_label_set_label (self->budget_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->budget_error_label), TRUE);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->budget_error_label), FALSE);
  waymark_plan_edit (self->plan, self->plan, "budget", budget, NULL);
  /* The same amount typed another way changes nothing, and is shown as the amount too. */
  show_budget (self);
}

/* The items, and the page's parts around them, in one list view */

static GtkWidget *
part_widget (WaymarkPlanPage *self,
             const char      *name)
{
  if (g_str_equal (name, "summary"))
    return self->summary_column;
  if (g_str_equal (name, "charts"))
    return self->charts_part;
  if (g_str_equal (name, "warnings"))
    return self->warnings_group;
  if (g_str_equal (name, "heading"))
    return self->items_heading;
  if (g_str_equal (name, "placeholder"))
    return self->placeholder;
  if (g_str_equal (name, "decisions"))
    return GTK_WIDGET (self->decision_record);
  if (g_str_equal (name, "unplanned"))
    return self->unplanned_group;
  return self->details_group;
}

static gboolean
store_has (GListStore *store,
           const char *name,
           guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) part = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_str_equal (gtk_string_object_get_string (part), name))
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
show_part (GListStore *store,
           guint       position,
           const char *name,
           gboolean    shown)
{
  guint found;

  if (store_has (store, name, &found) == shown)
    return;

  if (shown)
    {
      g_autoptr(GtkStringObject) part = gtk_string_object_new (name);
      g_list_store_insert (store, position, part);
    }
  else
    g_list_store_remove (store, found);
}

/* Wide enough for a summary column of SUMMARY_WIDTH beside items at least as wide. */
#define SUMMARY_WIDTH 380
#define TWO_COLUMNS_FROM 860
#define CONTENT_WIDTH 1240
/* An empty plan's one column: what to do first, and the details. */
#define EMPTY_WIDTH 800

static gboolean
plan_is_empty (WaymarkPlanPage *self)
{
  return self->plan == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->plan)) == 0;
}

/* The plan's local services with no item (issue 15: imported from a partnership's file), a row
 * each with Add to Plan and Edit…; rebuilt only when which services they are, or their names,
 * change. Returns whether there are any. */
static GtkWidget *
unplanned_row_new (WaymarkLocalService *service)
{
  const char *id = waymark_local_service_get_id (service);
  const char *name = waymark_local_service_get_name (service);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *add = gtk_button_new_with_label (_("Add to Plan"));
  GtkWidget *edit = gtk_button_new_with_label (_("Edit…"));
  g_autofree char *add_name = NULL;
  g_autofree char *edit_name = NULL;

  /* A name from a file: plain text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), waymark_local_service_mark ());
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "win.add-local-service-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "s", id);
  /* Translators: a button's name for a screen reader; %s is a local service's name */
  add_name = g_strdup_printf (_("Add %s to the plan"), name);
  waymark_a11y_name_only_by_label (add, add_name);
  gtk_widget_set_tooltip_text (add, _("Add an item for this service, to give it a quantity and "
                                      "count it in the totals"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "win.edit-local-service");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", id);
  /* Translators: a button's name for a screen reader; %s is a local service's name */
  edit_name = g_strdup_printf (_("Edit %s"), name);
  waymark_a11y_name_only_by_label (edit, edit_name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  return row;
}

static gboolean
update_unplanned (WaymarkPlanPage *self)
{
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  GtkWidget *child;

  if (self->plan == NULL)
    services = g_ptr_array_new ();
  else
    services = waymark_plan_dup_local_services_without_item (self->plan);
  for (guint i = 0; i < services->len; i++)
    {
      WaymarkLocalService *service = g_ptr_array_index (services, i);

      /* Neither an id nor a name holds a line break or a NUL. */
      g_string_append_printf (key, "%s\n%s\n", waymark_local_service_get_id (service),
                              waymark_local_service_get_name (service));
    }
  if (g_strcmp0 (key->str, self->unplanned_key) == 0)
    return services->len > 0;
  g_free (self->unplanned_key);
  self->unplanned_key = g_strdup (key->str);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->unplanned_list))) != NULL)
    gtk_list_box_remove (self->unplanned_list, child);
  for (guint i = 0; i < services->len; i++)
    gtk_list_box_append (self->unplanned_list, unplanned_row_new (g_ptr_array_index (services, i)));
  return services->len > 0;
}

/* The parts around the items for the layout and the plan: an empty plan shows what to do first
 * and its details, not a summary of nothing and a page of "None" bars. */
static void
update_parts (WaymarkPlanPage *self)
{
  gboolean empty = plan_is_empty (self);
  gboolean two_columns = self->wide && !empty;
  guint at = 0;

  show_part (self->before, at, "summary", !self->wide && !empty);
  at += store_has (self->before, "summary", NULL);
  show_part (self->before, at, "warnings", !empty);
  at += store_has (self->before, "warnings", NULL);
  show_part (self->before, at, "heading", !empty);
  show_part (self->after, 0, "placeholder", empty);
  /* Under the items (and an empty plan's first steps), while the plan has any. */
  show_part (self->after, store_has (self->after, "placeholder", NULL), "unplanned",
             update_unplanned (self));
  /* One column: the details come before the charts. */
  show_part (self->after, g_list_model_get_n_items (G_LIST_MODEL (self->after)), "charts",
             !self->wide && !empty);

  gtk_widget_set_visible (self->summary_scroller, two_columns);
  /* A plan's first items: the list would keep its place at the details, after them all. */
  if (self->empty && !empty)
    gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item", "u", 0);
  self->empty = empty;
  adw_clamp_scrollable_set_maximum_size (self->clamp,
                                         two_columns ? CONTENT_WIDTH - SUMMARY_WIDTH - 36
                                         : empty     ? EMPTY_WIDTH
                                                     : CONTENT_WIDTH);
}

static void
on_row_expanded (WaymarkPlanItemRow *row,
                 GParamSpec         *pspec,
                 WaymarkPlanPage    *self)
{
  WaymarkPlanItem *item = waymark_plan_item_row_get_item (row);

  if (item == NULL)
    return;
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    {
      if (!g_hash_table_contains (self->expanded, item))
        g_hash_table_add (self->expanded, g_object_ref (item));
    }
  else
    g_hash_table_remove (self->expanded, item);
}

static WaymarkPlanItemRow *
row_in (GtkWidget *child)
{
  return child != NULL ? g_object_get_data (G_OBJECT (child), ROW_KEY) : NULL;
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         WaymarkPlanPage          *self)
{
  GObject *object = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  WaymarkPlanItemRow *row = row_in (child);

  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);

  if (!WAYMARK_IS_PLAN_ITEM (object))
    {
      child = part_widget (self, gtk_string_object_get_string (GTK_STRING_OBJECT (object)));
      g_object_set_data (G_OBJECT (child), LIST_ITEM_KEY, list_item);
      gtk_list_item_set_child (list_item, child);
      return;
    }

  if (row == NULL)
    {
      /* A boxed list of one row: the item looks as it does in any GNOME list of settings. */
      child = g_object_new (GTK_TYPE_LIST_BOX,
                            "selection-mode", GTK_SELECTION_NONE,
                            "margin-start", 18, "margin-end", 18, "margin-bottom", 6,
                            NULL);
      gtk_widget_add_css_class (child, "boxed-list");
      row = WAYMARK_PLAN_ITEM_ROW (waymark_plan_item_row_new (self->plan, NULL));
      gtk_list_box_append (GTK_LIST_BOX (child), GTK_WIDGET (row));
      g_object_set_data (G_OBJECT (child), ROW_KEY, row);
      g_signal_connect (row, "notify::expanded", G_CALLBACK (on_row_expanded), self);
      gtk_list_item_set_child (list_item, child);
    }

  g_object_set_data (G_OBJECT (child), LIST_ITEM_KEY, list_item);
  waymark_plan_item_row_set_item (row, WAYMARK_PLAN_ITEM (object));
  /* The boxed list of one row, named after its item rather than "GtkListBox" (issue 13). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  waymark_plan_item_get_name (WAYMARK_PLAN_ITEM (object)), -1);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 g_hash_table_contains (self->expanded, object));
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           WaymarkPlanPage          *self)
{
  WaymarkPlanItemRow *row = row_in (gtk_list_item_get_child (list_item));

  /* A part of the page is the page's own: it leaves the list item, which may show an item
   * next. A row stays, for the next item. */
  if (row != NULL)
    waymark_plan_item_row_set_item (row, NULL);
  else
    gtk_list_item_set_child (list_item, NULL);
}

static void
set_factory (WaymarkPlanPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  /* A new factory for each plan: the rows it makes edit that plan. */
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), self);
  gtk_list_view_set_factory (self->items_view, factory);
}

WaymarkPlanItemRow *
waymark_plan_page_get_row (WaymarkPlanPage *self,
                           const char      *intervention_id)
{
  WaymarkPlanItem *item;

  g_return_val_if_fail (WAYMARK_IS_PLAN_PAGE (self), NULL);

  if (self->plan == NULL ||
      (item = waymark_plan_find_item (self->plan, intervention_id, NULL)) == NULL)
    return NULL;

  /* Only the rows in sight exist: the list view's children are their list items. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->items_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      WaymarkPlanItemRow *row = row_in (gtk_widget_get_first_child (child));

      if (row != NULL && waymark_plan_item_row_get_item (row) == item)
        return row;
    }

  return NULL;
}

static void
on_plan_items_changed (GListModel      *model,
                       guint            position,
                       guint            removed,
                       guint            added,
                       WaymarkPlanPage *self)
{
  update_parts (self);
}

/* Layout: the summary beside the items on a wide window, the list's first part on a narrow one */

static void
apply_layout (WaymarkPlanPage *self,
              gboolean         wide)
{
  self->wide = wide;
  if (wide)
    {
      update_parts (self);
      if (gtk_widget_get_parent (self->summary_column) == NULL)
        gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->summary_scroller),
                                       self->summary_column);
      if (gtk_widget_get_parent (self->charts_part) == NULL)
        gtk_box_append (GTK_BOX (self->summary_column), self->charts_part);
    }
  else
    {
      GtkAdjustment *vadjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
      gboolean at_top = gtk_adjustment_get_value (vadjustment) <= 0;

      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->summary_scroller), NULL);
      if (gtk_widget_get_parent (self->charts_part) == self->summary_column)
        gtk_box_remove (GTK_BOX (self->summary_column), self->charts_part);
      update_parts (self);
      /* The list keeps the row it showed first: a page read from its top shows the summary. */
      if (at_top)
        gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item", "u", 0);
    }
  gtk_widget_set_size_request (self->summary_column, wide ? SUMMARY_WIDTH : -1, -1);
  /* In the list, the charts have the margins the column gives them on a wide page. */
  gtk_widget_set_margin_start (self->charts_part, wide ? 0 : 18);
  gtk_widget_set_margin_end (self->charts_part, wide ? 0 : 18);
  gtk_widget_set_margin_bottom (self->charts_part, wide ? 0 : 24);
}

static void
on_layout_idle (gpointer data)
{
  WaymarkPlanPage *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->layout_idle = 0;
  apply_layout (self, width >= TWO_COLUMNS_FROM);
}

static void
waymark_plan_page_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  WaymarkPlanPage *self = WAYMARK_PLAN_PAGE (widget);
  int summary_min = 0, summary_nat = 0;

  gtk_widget_measure (self->scroller, orientation, -1, minimum, natural, NULL, NULL);
  if (gtk_widget_get_visible (self->summary_scroller))
    gtk_widget_measure (self->summary_scroller, orientation, -1, &summary_min, &summary_nat,
                        NULL, NULL);
  /* Side by side only when wide enough: the narrow layout is what sets the minimum width. */
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = MAX (*minimum, summary_min);
      *natural = MAX (*natural, summary_nat);
    }
}

static void
waymark_plan_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  WaymarkPlanPage *self = WAYMARK_PLAN_PAGE (widget);
  gboolean wide = width >= TWO_COLUMNS_FROM;

  /* No AdwBreakpoint on libadwaita 1.2: the page decides from its own width. Moving the summary
   * between its column and the list is done after this layout, never during it. */
  if (wide != self->wide && self->layout_idle == 0)
    self->layout_idle = g_idle_add_once (on_layout_idle, self);

  if (self->wide && gtk_widget_get_visible (self->summary_scroller))
    {
      /* Until that idle has moved to one column, a page narrower than two columns (made narrow
       * while another page showed) shares its width rather than giving the items less than
       * none. */
      int column = MIN (SUMMARY_WIDTH + 36, width / 2);
      /* The same space left of the summary, between the columns and right of the items. */
      int left = MAX (0, width - CONTENT_WIDTH) / 3;
      GtkAllocation summary = { left, 0, column, height };
      GtkAllocation items = { left + column, 0, width - left - column, height };

      gtk_widget_size_allocate (self->summary_scroller, &summary, -1);
      gtk_widget_size_allocate (self->scroller, &items, -1);
    }
  else
    gtk_widget_allocate (self->scroller, width, height, baseline, NULL);
}

/* GObject */

static void
waymark_plan_page_dispose (GObject *object)
{
  WaymarkPlanPage *self = WAYMARK_PLAN_PAGE (object);

  g_signal_group_set_target (self->plan_signals, NULL);
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  waymark_plan_page_focus_dispose (self);
  /* The rows and parts leave their list items while the page can still take them back. */
  if (self->items_view != NULL)
    {
      gtk_list_view_set_model (self->items_view, NULL);
      gtk_list_view_set_factory (self->items_view, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_PLAN_PAGE);
  g_clear_object (&self->plan);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->pending_focus);
  g_clear_object (&self->before);
  g_clear_object (&self->after);
  g_clear_object (&self->parts);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->unplanned_key, g_free);

  G_OBJECT_CLASS (waymark_plan_page_parent_class)->dispose (object);
}

static void
waymark_plan_page_finalize (GObject *object)
{
  WaymarkPlanPage *self = WAYMARK_PLAN_PAGE (object);

  g_clear_object (&self->plan_signals);

  G_OBJECT_CLASS (waymark_plan_page_parent_class)->finalize (object);
}

static void
waymark_plan_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WaymarkPlanPage *self = WAYMARK_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_plan_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WaymarkPlanPage *self = WAYMARK_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      waymark_plan_page_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_plan_page_class_init (WaymarkPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_plan_page_dispose;
  object_class->finalize = waymark_plan_page_finalize;
  object_class->get_property = waymark_plan_page_get_property;
  object_class->set_property = waymark_plan_page_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, WAYMARK_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WAYMARK_TYPE_PLAN_CHART);
  g_type_ensure (WAYMARK_TYPE_PLAN_WARNINGS);
  g_type_ensure (WAYMARK_TYPE_DECISION_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, summary_scroller);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, clamp);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, items_view);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, summary_column);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, charts_part);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, items_heading);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, placeholder);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, decision_record);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, unplanned_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, unplanned_list);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, total_caption);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, annual_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, budget_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, remaining_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, no_cost_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, reach_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, local_need_box);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, charts_caption);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, charts_heading);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, level_chart);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, focus_chart);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, works_with_chart);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, evidence_chart);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, funding_chart);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, warnings);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, area_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, author_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, start_year_spin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, years_spin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, budget_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, budget_error_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, year_kind_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, uplift_spin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, years_table);
  gtk_widget_class_bind_template_callback (widget_class, on_year_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_uplift_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_budget_apply);

  widget_class->measure = waymark_plan_page_measure;
  widget_class->size_allocate = waymark_plan_page_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "planpage");
}

static void
waymark_plan_page_init (WaymarkPlanPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->plan_signals = g_signal_group_new (WAYMARK_TYPE_PLAN);
  g_signal_group_connect (self->plan_signals, "notify", G_CALLBACK (on_plan_notify), self);
  g_signal_group_connect (self->plan_signals, "changed", G_CALLBACK (on_plan_changed), self);
  g_signal_group_connect (self->plan_signals, "items-changed",
                          G_CALLBACK (on_plan_items_changed), self);

  {
    GtkWidget *sections[] = { self->warnings_group, self->items_heading, self->placeholder,
                              self->unplanned_group, self->details_group,
                              GTK_WIDGET (self->decision_record) };

    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      {
        /* Made after the window named its own mnemonic buttons, and out of the page's tree
         * until the list shows them ("Add a _Local Service…"): named here. */
        waymark_a11y_name_mnemonic_buttons (sections[i]);
        gtk_widget_set_margin_start (sections[i], 18);
        gtk_widget_set_margin_end (sections[i], 18);
      }
  }

  for (guint g = 1; g < WAYMARK_REACH_GROUP_N; g++)
    {
      GtkWidget *button = gtk_button_new_with_label ("");

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_visible (button, FALSE);
      g_object_set_data (G_OBJECT (button), GROUP_KEY, GUINT_TO_POINTER (g));
      g_signal_connect (button, "clicked", G_CALLBACK (on_local_need_clicked), self);
      gtk_box_append (GTK_BOX (self->local_need_box), button);
      self->local_need_buttons[g] = GTK_BUTTON (button);
    }

  {
    /* The core's labels, in the order of its enum: the selected position is the value. */
    g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

    for (int k = WAYMARK_YEAR_KIND_FINANCIAL; k <= WAYMARK_YEAR_KIND_CALENDAR; k++)
      gtk_string_list_append (kinds, waymark_year_kind_get_label (k));
    self->updating = TRUE;
    adw_combo_row_set_model (self->year_kind_row, G_LIST_MODEL (kinds));
    self->updating = FALSE;
    waymark_a11y_name_combo_row_list (self->year_kind_row);
  }

  self->expanded = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->before = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->after = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->parts = g_list_store_new (G_TYPE_LIST_MODEL);
  show_part (self->before, 0, "warnings", TRUE);
  show_part (self->before, 1, "heading", TRUE);
  show_part (self->after, 0, "details", TRUE);
  show_part (self->after, 1, "decisions", TRUE);
  update_parts (self);
  g_list_store_append (self->parts, self->before);
  g_list_store_append (self->parts, self->after);
  selection = gtk_no_selection_new (G_LIST_MODEL (gtk_flatten_list_model_new (
                                      G_LIST_MODEL (g_object_ref (self->parts)))));
  gtk_list_view_set_model (self->items_view, GTK_SELECTION_MODEL (selection));
  set_factory (self);

  waymark_plan_page_focus_init (self);

  /* Wide until the first layout says otherwise: a window opens wide. */
  apply_layout (self, TRUE);
}

GtkWidget *
waymark_plan_page_new (void)
{
  return g_object_new (WAYMARK_TYPE_PLAN_PAGE, NULL);
}

WaymarkPlan *
waymark_plan_page_get_plan (WaymarkPlanPage *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_PAGE (self), NULL);
  return self->plan;
}

void
waymark_plan_page_set_plan (WaymarkPlanPage *self,
                            WaymarkPlan     *plan)
{
  g_return_if_fail (WAYMARK_IS_PLAN_PAGE (self));
  g_return_if_fail (plan == NULL || WAYMARK_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  /* Let go of the old plan at once; the new one is followed only after the warnings follow it,
   * so that its signals reach them first, as they always have. */
  g_signal_group_set_target (self->plan_signals, NULL);
  g_set_object (&self->plan, plan);
  g_hash_table_remove_all (self->expanded);
  g_clear_object (&self->pending_focus);

  set_factory (self);
  g_list_store_splice (self->parts, 1,
                       g_list_model_get_n_items (G_LIST_MODEL (self->parts)) - 2,
                       (gpointer *) &plan, plan != NULL ? 1 : 0);
  update_parts (self);
  waymark_plan_warnings_set_plan (self->warnings, plan);
  waymark_decision_record_set_plan (self->decision_record, plan);
  g_signal_group_set_target (self->plan_signals, plan);
  if (plan != NULL)
    {
      update_details (self);
      update_summary (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

void
waymark_plan_page_set_catalogue (WaymarkPlanPage  *self,
                                 WaymarkCatalogue *catalogue)
{
  g_return_if_fail (WAYMARK_IS_PLAN_PAGE (self));
  g_return_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue));

  if (g_set_object (&self->catalogue, catalogue) && self->plan != NULL)
    update_summary (self);
  waymark_decision_record_set_catalogue (self->decision_record, catalogue);
}

void
waymark_plan_page_get_parts (WaymarkPlanPage      *self,
                             WaymarkPlanPageParts *parts)
{
  g_return_if_fail (WAYMARK_IS_PLAN_PAGE (self));
  g_return_if_fail (parts != NULL);

  parts->total_label = self->total_label;
  parts->total_caption = self->total_caption;
  parts->annual_label = self->annual_label;
  parts->budget_label = self->budget_label;
  parts->remaining_label = self->remaining_label;
  parts->no_cost_label = self->no_cost_label;
  parts->reach_label = self->reach_label;
  parts->local_need_buttons = self->local_need_buttons;
  parts->charts_caption = self->charts_caption;
  parts->charts_heading = self->charts_heading;
  parts->level_chart = self->level_chart;
  parts->focus_chart = self->focus_chart;
  parts->works_with_chart = self->works_with_chart;
  parts->evidence_chart = self->evidence_chart;
  parts->funding_chart = self->funding_chart;
  parts->warnings = self->warnings;
  parts->items_view = self->items_view;
  parts->title_row = self->title_row;
  parts->area_row = self->area_row;
  parts->organisation_row = self->organisation_row;
  parts->author_row = self->author_row;
  parts->start_year_spin = self->start_year_spin;
  parts->years_spin = self->years_spin;
  parts->budget_row = self->budget_row;
  parts->budget_error_label = self->budget_error_label;
  parts->year_kind_row = self->year_kind_row;
  parts->uplift_spin = self->uplift_spin;
  parts->years_table = self->years_table;
  parts->summary_scroller = self->summary_scroller;
  parts->summary_column = self->summary_column;
  parts->charts_part = self->charts_part;
  parts->placeholder = self->placeholder;
  parts->details_group = self->details_group;
  parts->decision_record = self->decision_record;
  parts->unplanned_group = self->unplanned_group;
  parts->unplanned_list = self->unplanned_list;
}
