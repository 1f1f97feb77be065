/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-gui-format.h"
#include "waymark-money.h"
#include "waymark-plan-page-private.h"

struct _WaymarkPlanPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget           *summary_scroller;
  GtkWidget           *scroller;
  AdwClampScrollable  *clamp;
  GtkListView         *items_view;
  GtkWidget           *summary_column;
  GtkWidget           *warnings_group;
  GtkWidget           *items_heading;
  GtkWidget           *placeholder;
  GtkWidget           *details_group;
  GtkLabel            *total_label;
  GtkLabel            *total_caption;
  GtkLabel            *annual_label;
  GtkLabel            *budget_label;
  GtkLabel            *remaining_label;
  GtkLabel            *no_cost_label;
  WaymarkPlanChart    *level_chart;
  WaymarkPlanChart    *focus_chart;
  WaymarkPlanChart    *works_with_chart;
  WaymarkPlanChart    *evidence_chart;
  WaymarkPlanWarnings *warnings;
  AdwEntryRow         *title_row;
  AdwEntryRow         *area_row;
  AdwEntryRow         *organisation_row;
  AdwEntryRow         *author_row;
  GtkSpinButton       *start_year_spin;
  GtkSpinButton       *years_spin;
  AdwEntryRow         *budget_row;
  GtkLabel            *budget_error_label;

  /* Owned */
  WaymarkPlan     *plan;
  /* The list's model is the page's parts before the items, the plan, and the parts after. */
  GListStore      *before;
  GListStore      *after;
  GListStore      *parts;
  /* Which items are open: a row is reused for other items as the list scrolls, so the state
   * lives here, one entry (a reference) for each open item. */
  GHashTable      *expanded;
  /* An item to show once the list has a size to scroll in. */
  WaymarkPlanItem *pending_focus;
  /* Tab presses not yet carried out (GtkDirectionType), the position of the list whose row is
   * awaited (G_MAXUINT for none), and how many frames have passed since the last press. */
  GArray          *tab_presses;
  guint            tab_target;
  guint            tab_frames;
  guint            tab_tick;

  guint    layout_idle;
  guint    focus_tick;
  gboolean wide;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (WaymarkPlanPage, waymark_plan_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
update_summary (WaymarkPlanPage *self)
{
  WaymarkPlanTotals t;
  guint years, start;
  g_autofree char *total = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *annual = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *remaining = NULL;
  g_autoptr(GArray) levels = NULL;
  g_autoptr(GArray) focus = NULL;
  g_autoptr(GArray) works_with = NULL;
  g_autoptr(GArray) evidence = NULL;

  if (self->plan == NULL)
    return;

  waymark_plan_get_totals (self->plan, &t);
  years = waymark_plan_get_years (self->plan);
  start = waymark_plan_get_start_year (self->plan);

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
        /* Translators: under the plan's total; %u is a year */
        caption = g_strdup_printf (_("In total, for %u"), start);
      else
        /* Translators: under the plan's total: "In total, over 3 years (2026 to 2028)" */
        caption = g_strdup_printf (ngettext ("In total, over %u year (%u to %u)",
                                             "In total, over %u years (%u to %u)", years),
                                   years, start, start + years - 1);
      {
        g_autofree char *amount = waymark_format_money_range (t.annual_low, t.annual_high);
        /* Translators: %s is an amount or a range */
        annual = g_strdup_printf (_("%s a year"), amount);
      }
      gtk_label_set_label (self->total_label, total);
      gtk_label_set_label (self->total_caption, caption);
      gtk_label_set_label (self->annual_label, annual);

      if (waymark_plan_get_budget (self->plan) > 0)
        {
          g_autofree char *whole = describe_remaining (t.remaining_low, t.remaining_high);

          if (years > 1)
            {
              g_autofree char *per_year =
                describe_remaining (t.budget_per_year - t.annual_high,
                                    t.budget_per_year - t.annual_low);
              /* Translators: "£45,300 left; a year: £15,100 left" */
              remaining = g_strdup_printf (_("%s; a year: %s"), whole, per_year);
            }
          else
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

  levels = waymark_plan_get_breakdown (self->plan, WAYMARK_BREAKDOWN_LEVEL);
  focus = waymark_plan_get_breakdown (self->plan, WAYMARK_BREAKDOWN_FOCUS);
  works_with = waymark_plan_get_breakdown (self->plan, WAYMARK_BREAKDOWN_WORKS_WITH);
  evidence = waymark_plan_get_breakdown (self->plan, WAYMARK_BREAKDOWN_EVIDENCE);
  waymark_plan_chart_set_slices (self->level_chart, levels, t.overflow ? 0 : t.annual_low);
  waymark_plan_chart_set_slices (self->focus_chart, focus, t.overflow ? 0 : t.annual_low);
  waymark_plan_chart_set_slices (self->works_with_chart, works_with, t.overflow ? 0 : t.annual_low);
  waymark_plan_chart_set_slices (self->evidence_chart, evidence, t.overflow ? 0 : t.annual_low);
}

/* The details */

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
update_budget_entry (WaymarkPlanPage *self)
{
  gint64 budget = waymark_plan_get_budget (self->plan);
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->budget_row));
  gint64 parsed;

  if (!(waymark_money_parse (typed, &parsed) && parsed == budget) &&
      !(budget == 0 && *typed == '\0'))
    {
      g_autofree char *text = budget > 0 ? waymark_money_format (budget, WAYMARK_CURRENCY_GBP)
                                         : g_strdup ("");
      gtk_editable_set_text (GTK_EDITABLE (self->budget_row), text);
    }
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
  self->updating = FALSE;
}

static void
on_plan_changed (WaymarkPlan     *plan,
                 WaymarkPlanPage *self)
{
  update_summary (self);
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
}

/* The items, and the page's parts around them, in one list view */

#define ROW_KEY "waymark-plan-item-row"
/* The GtkListItem a row or part is bound to, for its position in the list. */
#define LIST_ITEM_KEY "waymark-list-item"

static GtkWidget *
part_widget (WaymarkPlanPage *self,
             const char      *name)
{
  if (g_str_equal (name, "summary"))
    return self->summary_column;
  if (g_str_equal (name, "warnings"))
    return self->warnings_group;
  if (g_str_equal (name, "heading"))
    return self->items_heading;
  if (g_str_equal (name, "placeholder"))
    return self->placeholder;
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

static void
update_placeholder (WaymarkPlanPage *self)
{
  show_part (self->after, 0, "placeholder",
             self->plan == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->plan)) == 0);
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

static gboolean focus_now (WaymarkPlanPage *self,
                           WaymarkPlanItem *item);

static gboolean
on_focus_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  WaymarkPlanPage *self = data;

  if (self->pending_focus != NULL && self->plan != NULL &&
      !focus_now (self, self->pending_focus))
    return G_SOURCE_CONTINUE;

  g_clear_object (&self->pending_focus);
  self->focus_tick = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
focus_now (WaymarkPlanPage *self,
           WaymarkPlanItem *item)
{
  guint position;
  WaymarkPlanItemRow *row;
  const char *id = waymark_plan_item_get_intervention_id (item);

  if (waymark_plan_find_item (self->plan, id, &position) != item)
    return TRUE;  /* gone meanwhile: nothing to show */

  /* A row made for an item out of sight is not shown (nor focusable) until the list has
   * scrolled to it and laid it out. */
  row = waymark_plan_page_get_row (self, id);
  if (row == NULL || !gtk_widget_get_mapped (GTK_WIDGET (row)))
    {
      gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item", "u",
                                  g_list_model_get_n_items (G_LIST_MODEL (self->before)) + position);
      row = waymark_plan_page_get_row (self, id);
    }
  if (row == NULL)
    return FALSE;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  if (!gtk_widget_get_mapped (GTK_WIDGET (row)))
    return FALSE;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  /* The expander row is not focusable itself: its header is, the first thing in it. The list
   * view scrolls to the row that has the focus. */
  if (!gtk_widget_grab_focus (GTK_WIDGET (row)))
    gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

void
waymark_plan_page_focus_item (WaymarkPlanPage *self,
                              const char      *intervention_id)
{
  WaymarkPlanItem *item;

  g_return_if_fail (WAYMARK_IS_PLAN_PAGE (self));

  if (self->plan == NULL ||
      (item = waymark_plan_find_item (self->plan, intervention_id, NULL)) == NULL)
    return;

  if (!g_hash_table_contains (self->expanded, item))
    g_hash_table_add (self->expanded, g_object_ref (item));
  g_set_object (&self->pending_focus, item);
  /* A page not yet shown, or a list not yet scrolled, has no row to focus: the next frames
   * try again (they run only while the list is on screen). */
  if (focus_now (self, item))
    g_clear_object (&self->pending_focus);
  else if (self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->items_view), on_focus_tick,
                                                     self, NULL);
}

/* Tab through the list, row after row.
 *
 * GTK 4.8's list view is one stop in the Tab order: Tab moves within the row that has the focus,
 * then out of the list, and only the arrow keys move between rows (GTK 4.12 added
 * GtkListView:tab-behavior for this). On this page every item has fields to fill in, and a
 * person working with the keyboard alone expects Tab to reach each of them in turn, as it did
 * when every item had a row of its own. So Tab and Shift+Tab go on to the next row's controls;
 * at either end of the list they leave it as usual. */

static GtkWidget *
child_at (WaymarkPlanPage *self,
          guint            position)
{
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self->items_view));
       cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *child = gtk_widget_get_first_child (cell);
      GtkListItem *list_item = child != NULL ? g_object_get_data (G_OBJECT (child), LIST_ITEM_KEY) : NULL;

      if (list_item != NULL && gtk_list_item_get_child (list_item) == child &&
          gtk_list_item_get_position (list_item) == position)
        return child;
    }

  return NULL;
}

static guint
n_positions (WaymarkPlanPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (self->items_view)));
}

/* Gives the focus to the first control (or the last, going back) of the row at `position`, or
 * of the next row that has one. A row out of sight is not built yet: the list scrolls to it and
 * `tab_target` says which position to wait for. FALSE when no row is left before the list's
 * end. */
static gboolean
tab_into (WaymarkPlanPage  *self,
          guint             position,
          GtkDirectionType  direction)
{
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  guint n = n_positions (self);

  for (; position < n; position = forward ? position + 1 : position - 1)
    {
      GtkWidget *child = child_at (self, position);

      if (child == NULL || !gtk_widget_get_mapped (child))
        {
          gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item", "u",
                                      position);
          self->tab_target = position;
          return TRUE;
        }
      if (gtk_widget_child_focus (child, direction))
        return TRUE;
      if (!forward && position == 0)
        break;
    }

  return FALSE;
}

/* One press of Tab (or Shift+Tab) with the list laid out: within the focused row, then on to the
 * next row with a control, then out of the list as GTK would. */
static void
move_focus (WaymarkPlanPage  *self,
            GtkDirectionType  direction)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell;
  GtkWidget *child;
  GtkListItem *list_item;
  guint position;

  if (root == NULL)
    return;

  for (cell = focus; cell != NULL && gtk_widget_get_parent (cell) != GTK_WIDGET (self->items_view);
       cell = gtk_widget_get_parent (cell))
    ;
  child = cell != NULL ? gtk_widget_get_first_child (cell) : NULL;
  list_item = child != NULL ? g_object_get_data (G_OBJECT (child), LIST_ITEM_KEY) : NULL;
  if (list_item != NULL && gtk_list_item_get_child (list_item) == child)
    {
      if (gtk_widget_child_focus (child, direction))
        return;
      position = gtk_list_item_get_position (list_item);
      if ((direction == GTK_DIR_TAB_FORWARD || position > 0) &&
          tab_into (self, direction == GTK_DIR_TAB_FORWARD ? position + 1 : position - 1, direction))
        return;
    }

  /* Out of the list, or the focus went elsewhere meanwhile: what GTK's own Tab does. */
  if (!gtk_widget_child_focus (GTK_WIDGET (root), direction))
    {
      gtk_root_set_focus (root, NULL);
      gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }
}

/* Whether an item around the focus is still opening or closing: its fields are not yet shown,
 * or not yet hidden, so Tab cannot tell where it goes.
 *
 * An expander row shows its fields through a revealer (libadwaita 1.2: the row's box holds the
 * header's list box, then the revealer). The revealer shows its child from the first frame of
 * its animation in which it has moved, and a busy machine can run two frames with the same
 * frame time: counting frames is not enough (the end-to-end suite's Tab went past an item
 * opened with Space about one run in five). */
static gboolean
focus_in_moving_item (WaymarkPlanPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, ADW_TYPE_EXPANDER_ROW) : NULL;
       row != NULL && gtk_widget_is_ancestor (row, GTK_WIDGET (self->items_view));
       row = gtk_widget_get_ancestor (gtk_widget_get_parent (row), ADW_TYPE_EXPANDER_ROW))
    {
      GtkWidget *box = gtk_widget_get_first_child (row);

      for (GtkWidget *part = box != NULL ? gtk_widget_get_first_child (box) : NULL; part != NULL;
           part = gtk_widget_get_next_sibling (part))
        {
          GtkWidget *fields = GTK_IS_REVEALER (part) ? gtk_revealer_get_child (GTK_REVEALER (part)) : NULL;

          if (fields != NULL &&
              gtk_widget_get_child_visible (fields) != gtk_revealer_get_reveal_child (GTK_REVEALER (part)))
            return TRUE;
        }
    }

  return FALSE;
}

/* Runs at the start of each frame while presses wait. A press is carried out only once a whole
 * frame has passed since it came, so the list is laid out as the person sees it, and only once
 * an item opened or closed with Space the moment before has shown or hidden its fields, so Tab
 * goes into them or past them as the person expects. */
static gboolean
on_tab_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  WaymarkPlanPage *self = data;

  if (++self->tab_frames < 2 || focus_in_moving_item (self))
    return G_SOURCE_CONTINUE;

  if (self->tab_target != G_MAXUINT)
    {
      GtkWidget *child = child_at (self, self->tab_target);

      if (self->tab_target < n_positions (self) && (child == NULL || !gtk_widget_get_mapped (child)))
        return G_SOURCE_CONTINUE;
      self->tab_target = G_MAXUINT;
      if (child != NULL)
        {
          GtkDirectionType direction = g_array_index (self->tab_presses, GtkDirectionType, 0);
          guint position = gtk_list_item_get_position (g_object_get_data (G_OBJECT (child), LIST_ITEM_KEY));

          g_array_remove_index (self->tab_presses, 0);
          if (!tab_into (self, position, direction))
            move_focus (self, direction);
        }
    }

  while (self->tab_target == G_MAXUINT && self->tab_presses->len > 0)
    {
      GtkDirectionType direction = g_array_index (self->tab_presses, GtkDirectionType, 0);

      move_focus (self, direction);
      if (self->tab_target == G_MAXUINT)
        g_array_remove_index (self->tab_presses, 0);
    }

  if (self->tab_presses->len > 0)
    {
      self->tab_frames = 0;
      return G_SOURCE_CONTINUE;
    }

  self->tab_tick = 0;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->items_view),
                               GTK_ACCESSIBLE_STATE_BUSY, FALSE, -1);
  return G_SOURCE_REMOVE;
}

static gboolean
on_items_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      WaymarkPlanPage       *self)
{
  GtkDirectionType direction;
  GtkWidget *focus;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  /* Space and Enter on a row (an item's header opens it): GTK 4.8's list item takes them for
   * selecting, which this list does not do, before the row's own list box could. */
  if (keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space || keyval == GDK_KEY_Return ||
      keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      if (GTK_IS_LIST_BOX_ROW (focus) &&
          gtk_widget_is_ancestor (focus, GTK_WIDGET (self->items_view)) &&
          gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (focus)))
        return gtk_widget_activate (focus);
      return FALSE;
    }

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return FALSE;
  direction = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0
              ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;

  g_array_append_val (self->tab_presses, direction);
  self->tab_frames = 0;
  if (self->tab_tick == 0)
    {
      /* The list is busy until the focus has moved: a screen reader (and the end-to-end suite)
       * learns that the press was taken, and when it is done, even when the focus lands on a
       * control that GTK 4.8 does not report (the text inside an entry row). */
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->items_view),
                                   GTK_ACCESSIBLE_STATE_BUSY, TRUE, -1);
      self->tab_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->items_view), on_tab_tick,
                                                     self, NULL);
    }
  return TRUE;
}

static void
on_plan_items_changed (GListModel      *model,
                       guint            position,
                       guint            removed,
                       guint            added,
                       WaymarkPlanPage *self)
{
  update_placeholder (self);
}

/* Layout: the summary beside the items on a wide window, the list's first part on a narrow one */

/* Wide enough for a summary column of SUMMARY_WIDTH beside items at least as wide. */
#define SUMMARY_WIDTH 380
#define TWO_COLUMNS_FROM 860
#define CONTENT_WIDTH 1240

static void
apply_layout (WaymarkPlanPage *self,
              gboolean         wide)
{
  self->wide = wide;
  if (wide)
    {
      show_part (self->before, 0, "summary", FALSE);
      if (gtk_widget_get_parent (self->summary_column) == NULL)
        gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->summary_scroller),
                                       self->summary_column);
    }
  else
    {
      GtkAdjustment *vadjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
      gboolean at_top = gtk_adjustment_get_value (vadjustment) <= 0;

      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->summary_scroller), NULL);
      show_part (self->before, 0, "summary", TRUE);
      /* The list keeps the row it showed first: a page read from its top shows the summary. */
      if (at_top)
        gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item", "u", 0);
    }
  gtk_widget_set_visible (self->summary_scroller, wide);
  gtk_widget_set_size_request (self->summary_column, wide ? SUMMARY_WIDTH : -1, -1);
  adw_clamp_scrollable_set_maximum_size (self->clamp,
                                         wide ? CONTENT_WIDTH - SUMMARY_WIDTH - 36 : CONTENT_WIDTH);
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

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->items_view), self->focus_tick);
  self->focus_tick = 0;
  if (self->tab_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->items_view), self->tab_tick);
  self->tab_tick = 0;
  /* The rows and parts leave their list items while the page can still take them back. */
  if (self->items_view != NULL)
    {
      gtk_list_view_set_model (self->items_view, NULL);
      gtk_list_view_set_factory (self->items_view, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_PLAN_PAGE);
  g_clear_object (&self->plan);
  g_clear_object (&self->pending_focus);
  g_clear_object (&self->before);
  g_clear_object (&self->after);
  g_clear_object (&self->parts);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->tab_presses, g_array_unref);

  G_OBJECT_CLASS (waymark_plan_page_parent_class)->dispose (object);
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
  object_class->get_property = waymark_plan_page_get_property;
  object_class->set_property = waymark_plan_page_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, WAYMARK_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WAYMARK_TYPE_PLAN_CHART);
  g_type_ensure (WAYMARK_TYPE_PLAN_WARNINGS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, summary_scroller);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, clamp);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, items_view);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, summary_column);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, items_heading);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, placeholder);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, total_caption);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, annual_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, budget_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, remaining_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, no_cost_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, level_chart);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, focus_chart);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, works_with_chart);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, evidence_chart);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, warnings);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, area_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, author_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, start_year_spin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, years_spin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, budget_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPlanPage, budget_error_label);
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

  {
    GtkWidget *sections[] = { self->warnings_group, self->items_heading, self->placeholder,
                              self->details_group };

    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      {
        gtk_widget_set_margin_start (sections[i], 18);
        gtk_widget_set_margin_end (sections[i], 18);
      }
  }

  self->expanded = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->tab_presses = g_array_new (FALSE, FALSE, sizeof (GtkDirectionType));
  self->tab_target = G_MAXUINT;
  self->before = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->after = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->parts = g_list_store_new (G_TYPE_LIST_MODEL);
  show_part (self->before, 0, "warnings", TRUE);
  show_part (self->before, 1, "heading", TRUE);
  show_part (self->after, 0, "details", TRUE);
  update_placeholder (self);
  g_list_store_append (self->parts, self->before);
  g_list_store_append (self->parts, self->after);
  selection = gtk_no_selection_new (G_LIST_MODEL (gtk_flatten_list_model_new (
                                      G_LIST_MODEL (g_object_ref (self->parts)))));
  gtk_list_view_set_model (self->items_view, GTK_SELECTION_MODEL (selection));
  set_factory (self);

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    /* Before the list view's own handling, which would take the focus out of the list. */
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_items_key_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self->items_view), keys);
  }

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

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  g_hash_table_remove_all (self->expanded);
  g_clear_object (&self->pending_focus);

  set_factory (self);
  g_list_store_splice (self->parts, 1,
                       g_list_model_get_n_items (G_LIST_MODEL (self->parts)) - 2,
                       (gpointer *) &plan, plan != NULL ? 1 : 0);
  update_placeholder (self);
  waymark_plan_warnings_set_plan (self->warnings, plan);
  if (plan != NULL)
    {
      g_signal_connect (plan, "notify", G_CALLBACK (on_plan_notify), self);
      g_signal_connect (plan, "changed", G_CALLBACK (on_plan_changed), self);
      g_signal_connect (plan, "items-changed", G_CALLBACK (on_plan_items_changed), self);
      update_details (self);
      update_summary (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
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
  parts->level_chart = self->level_chart;
  parts->focus_chart = self->focus_chart;
  parts->works_with_chart = self->works_with_chart;
  parts->evidence_chart = self->evidence_chart;
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
}
