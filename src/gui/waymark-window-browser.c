/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-gui-a11y.h"
#include "waymark-gui-format.h"
#include "waymark-intervention-row.h"
#include "waymark-window-private.h"

/* The Interventions page: the list and the map of the catalogue, filtered and sorted by the
 * core's one implementation; the selection and the detail pane; the search and the sort
 * drop-down; the page's actions. The filter chips are waymark-window-chips.c. */

/* The sort keys the drop-down offers, position by position; the review's order is the CLI's. */
static const WaymarkSortKey sort_keys_offered[] = {
  WAYMARK_SORT_NAME, WAYMARK_SORT_LEVEL, WAYMARK_SORT_EVIDENCE, WAYMARK_SORT_IMPACT, WAYMARK_SORT_COST,
};

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  WaymarkWindow *self = user_data;

  return waymark_criteria_match (self->criteria, item);
}

static WaymarkSortKey
sort_key_at (guint position)
{
  return position < G_N_ELEMENTS (sort_keys_offered) ? sort_keys_offered[position]
                                                     : WAYMARK_SORT_NAME;
}

static guint
sort_key_position (WaymarkSortKey key)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_keys_offered); i++)
    if (sort_keys_offered[i] == key)
      return i;
  return 0;
}

static GListModel *
sort_keys_model_new (void)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sort_keys_offered); i++)
    gtk_string_list_append (model,
                            waymark_choice_get_label (waymark_choice_lookup (WAYMARK_TYPE_SORT_KEY,
                                                                             sort_keys_offered[i])));
  return G_LIST_MODEL (model);
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  WaymarkWindow *self = user_data;
  WaymarkSortKey key = self->workspace != NULL ? waymark_workspace_get_sort_key (self->workspace)
                                                : WAYMARK_SORT_NAME;

  return waymark_intervention_compare ((WaymarkIntervention *) a, (WaymarkIntervention *) b, key);
}

static void show_all_rows (WaymarkWindow *self);
static void on_first_paint (GdkFrameClock *clock,
                            WaymarkWindow *self);
static void on_realize_defer_rows (GtkWidget *widget,
                                   gpointer   user_data);

static gboolean
find_position (WaymarkWindow       *self,
               WaymarkIntervention *item,
               guint               *position)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n;

  show_all_rows (self);
  n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) candidate = g_list_model_get_item (model, i);

      if (candidate == item)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

GPtrArray *
waymark_window_dup_selected (WaymarkWindow *self)
{
  g_autoptr(GtkBitset) bits = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, bits, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->selection), position));

  return items;
}

void
waymark_window_select_intervention (WaymarkWindow       *self,
                                    WaymarkIntervention *item)
{
  guint position;

  if (item != NULL && find_position (self, item, &position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  else
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

static void
show_intervention (WaymarkWindow       *self,
                   WaymarkIntervention *item)
{
  waymark_window_select_intervention (self, item);

  if (adw_leaflet_get_folded (self->leaflet) && waymark_window_get_selected (self) != NULL)
    {
      /* Focus first: when the list goes, focus would otherwise fall on the first selectable
       * text of the detail, which then shows all selected. */
      gtk_widget_set_visible (self->back_button, TRUE);
      waymark_window_update_actions (self);
      gtk_widget_grab_focus (self->back_button);
      adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_pane));
    }
}

static void
update_back_button (WaymarkWindow *self)
{
  gboolean on_detail =
    adw_leaflet_get_folded (self->leaflet) &&
    adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->detail_pane);

  gtk_widget_set_visible (self->back_button, on_detail);
  waymark_window_update_actions (self);
}

/* "No Matching Interventions": made the first time the filters and the search leave nothing
 * (issue 18: out of sight, it was built and measured before the first frame, 10.5 M
 * instructions). */
AdwStatusPage *
waymark_window_ensure_empty_page (WaymarkWindow *self)
{
  GtkWidget *button;

  if (self->empty_page != NULL)
    return self->empty_page;

  button = gtk_button_new_with_mnemonic (_("_Clear Filters"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.clear-filters");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  self->empty_clear_button = button;

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
  adw_status_page_set_title (self->empty_page, _("No Matching Interventions"));
  adw_status_page_set_description (self->empty_page,
                                   _("No intervention in the catalogue matches all of the "
                                     "filters and the search."));
  adw_status_page_set_child (self->empty_page, button);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_page), "compact");
  gtk_stack_add_named (self->results_stack, GTK_WIDGET (self->empty_page), "empty");
  /* As the window's template parts are named in waymark_window_init(). */
  waymark_a11y_name_mnemonic_buttons (GTK_WIDGET (self->empty_page));
  waymark_a11y_name_status_pages (GTK_WIDGET (self->empty_page));
  return self->empty_page;
}

void
waymark_window_update_results (WaymarkWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint total = self->catalogue != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->catalogue)) : 0;
  g_autofree char *count = NULL;

  count = g_strdup_printf (ngettext ("%u of %u intervention", "%u of %u interventions", total),
                           n, total);
  gtk_label_set_label (self->count_label, count);

  /* No catalogue yet (the window is being made): nothing to say "no match" about. */
  if (n == 0 && total > 0)
    {
      waymark_window_ensure_empty_page (self);
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->results_stack, self->view);
}

static void
on_criteria_search_changed (WaymarkCriteria *criteria,
                            GParamSpec      *pspec,
                            WaymarkWindow   *self)
{
  const char *search = waymark_criteria_get_search (criteria);
  g_autofree char *typed =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  /* Only when the words differ, so typing is never disturbed by its own echo. */
  if (g_strcmp0 (search != NULL ? search : "", typed) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search != NULL ? search : "");
}

static void
on_criteria_changed (WaymarkCriteria *criteria,
                     WaymarkWindow   *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  waymark_window_sync_chips (self);
  waymark_window_update_actions (self);
  waymark_window_update_results (self);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   WaymarkWindow  *self)
{
  waymark_criteria_set_search (self->criteria, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_sort_key_changed (WaymarkWorkspace *workspace,
                     GParamSpec       *pspec,
                     WaymarkWindow    *self)
{
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
on_items_changed (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  WaymarkWindow *self)
{
  waymark_window_update_results (self);
}

/* One intervention selected is read in the detail pane; several are compared. */
static void
update_selection (WaymarkWindow *self)
{
  g_autoptr(GPtrArray) items = waymark_window_dup_selected (self);
  WaymarkIntervention *item = items->len == 1 ? g_ptr_array_index (items, 0) : NULL;
  g_autofree char *count = NULL;

  if (items->len > 1)
    waymark_detail_pane_show_several (self->detail_pane, items->len);
  else
    waymark_detail_pane_set_intervention (self->detail_pane, item);
  waymark_evidence_map_set_selected (self->evidence_map, item);

  /* Translators: below the list when several are selected; %u is how many */
  count = g_strdup_printf (ngettext ("%u selected", "%u selected", items->len), items->len);
  gtk_label_set_label (self->selection_label, count);
  gtk_revealer_set_reveal_child (self->selection_bar, items->len > 1);
  waymark_window_update_actions (self);

  if (self->workspace != NULL)
    waymark_workspace_set_selected (self->workspace, item);
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      WaymarkWindow     *self)
{
  update_selection (self);
}

/* A filter can take selected interventions out of the list without a selection-changed. */
static void
on_selection_items_changed (GListModel    *model,
                            guint          position,
                            guint          removed,
                            guint          added,
                            WaymarkWindow *self)
{
  if (removed > 0 || added > 0)
    update_selection (self);
}

static void
on_list_activate (GtkListView   *list_view,
                  guint          position,
                  WaymarkWindow *self)
{
  g_autoptr(WaymarkIntervention) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  show_intervention (self, item);
}

static void
on_map_intervention_activated (WaymarkEvidenceMap  *map,
                               WaymarkIntervention *item,
                               WaymarkWindow       *self)
{
  show_intervention (self, item);
}

static void
on_leaflet_changed (AdwLeaflet    *leaflet,
                    GParamSpec    *pspec,
                    WaymarkWindow *self)
{
  update_back_button (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  /* From another page too: the search is on the Interventions page, so that comes forward
   * rather than a field no one can see taking the keys. */
  waymark_window_show_page (self, "interventions");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  waymark_window_show_page (self, "interventions");
  waymark_criteria_reset (self->criteria);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  /* Back where the person was: the list keeps its focused row. */
  gtk_widget_child_focus (GTK_WIDGET (self->results_stack), GTK_DIR_TAB_FORWARD);
}

static void
show_intervention_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  WaymarkIntervention *item = waymark_window_lookup (self, g_variant_get_string (parameter, NULL));
  guint position;

  if (item == NULL)
    return;

  /* From another page (the Context page's links): the list is where it is shown. */
  waymark_window_show_page (self, "interventions");
  /* One the filters hide is shown all the same, and the person told why the list changed. */
  if (!find_position (self, item, &position) && !waymark_criteria_is_empty (self->criteria))
    {
      g_autofree char *message = NULL;

      waymark_criteria_reset (self->criteria);
      /* Translators: a notification; %s is an intervention's name */
      message = g_strdup_printf (_("Filters cleared to show “%s”"),
                                 waymark_intervention_get_name (item));
      waymark_window_add_toast (self, waymark_toast_new_for_text (message));
    }
  show_intervention (self, item);
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  waymark_window_show_page (self, "interventions");
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

/* Ctrl+1, Ctrl+2 and F9 change the Interventions page, so they bring it forward: keys act on
 * what can be seen. The menu's items set the same properties through win.view and
 * win.show-filters. */
static gboolean
show_view_shortcut (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  waymark_window_show_page (WAYMARK_WINDOW (widget), "interventions");
  g_object_set (widget, "view", g_variant_get_string (args, NULL), NULL);
  return TRUE;
}

static gboolean
toggle_filters_shortcut (GtkWidget *widget,
                         GVariant  *args,
                         gpointer   user_data)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  gboolean browsing = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack),
                                 "interventions") == 0;

  waymark_window_show_page (self, "interventions");
  /* From another page the filters are shown, never hidden unseen. */
  adw_flap_set_reveal_flap (self->flap, !browsing || !adw_flap_get_reveal_flap (self->flap));
  return TRUE;
}

/* Alt+1 to Alt+4: the pages, as the view switcher lists them. */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;
  waymark_window_show_page (self, name);
}

static void
on_view_stack_changed (AdwViewStack  *stack,
                       GParamSpec    *pspec,
                       WaymarkWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (stack);
  gboolean browsing = g_strcmp0 (page, "interventions") == 0;

  if (g_strcmp0 (page, "plan") == 0)
    waymark_window_ensure_plan_page (self);
  if (g_strcmp0 (page, "appraisal") == 0)
    waymark_window_ensure_appraisal_page (self);
  if (g_strcmp0 (page, "compare") == 0)
    waymark_window_ensure_compare_page (self);
  if (g_strcmp0 (page, "context") == 0)
    waymark_window_ensure_context_page (self);

  /* Typing a word anywhere on the Interventions page searches for it; on the other pages
   * keys are their fields' own (digits typed on the Plan page went into the hidden search). */
  gtk_search_entry_set_key_capture_widget (self->search_entry, browsing ? GTK_WIDGET (self) : NULL);
  gtk_widget_set_visible (self->filters_button, browsing);
  gtk_widget_set_visible (self->undo_box, g_strcmp0 (page, "plan") == 0 ||
                                          g_strcmp0 (page, "appraisal") == 0);
  if (browsing)
    update_back_button (self);  /* which brings the actions up to date */
  else
    {
      gtk_widget_set_visible (self->back_button, FALSE);
      waymark_window_update_actions (self);
    }
}

/* The workspace's sort key, the drop-down's position: neither is the other's number. */
static gboolean
sort_key_to_position (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  g_value_set_uint (to, sort_key_position (g_value_get_enum (from)));
  return TRUE;
}

static gboolean
position_to_sort_key (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  guint position = g_value_get_uint (from);

  /* No position: the drop-down's model going, not a choice. */
  if (position >= G_N_ELEMENTS (sort_keys_offered))
    return FALSE;
  g_value_set_enum (to, sort_key_at (position));
  return TRUE;
}

/* The list's rows: made in code, since a builder factory parses its XML for every row. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           WaymarkWindow            *self)
{
  GtkWidget *row = waymark_intervention_row_new ();

  waymark_intervention_row_set_comparison (WAYMARK_INTERVENTION_ROW (row), self->comparison);
  waymark_intervention_row_set_plan_document (WAYMARK_INTERVENTION_ROW (row), self->document);
  waymark_intervention_row_set_criteria (WAYMARK_INTERVENTION_ROW (row), self->criteria);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  waymark_intervention_row_set_intervention (WAYMARK_INTERVENTION_ROW (gtk_list_item_get_child (list_item)),
                                             gtk_list_item_get_item (list_item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  waymark_intervention_row_set_intervention (WAYMARK_INTERVENTION_ROW (gtk_list_item_get_child (list_item)),
                                             NULL);
}

/* The list, the detail pane and the selection follow the workspace's new catalogue, and the
 * workspace's selection in it (the same intervention, if the new one has it, or the one the
 * settings kept). FALSE when it was already shown. */
gboolean
waymark_window_browser_show_catalogue (WaymarkWindow    *self,
                                       WaymarkCatalogue *catalogue)
{
  g_autoptr(WaymarkIntervention) selected = NULL;

  if (self->catalogue == catalogue)
    return FALSE;

  /* Read first: the list empties as its model changes, and with it the selection. */
  g_set_object (&selected, waymark_workspace_get_selected (self->workspace));

  g_set_object (&self->catalogue, catalogue);
  waymark_detail_pane_set_catalogue (self->detail_pane, catalogue);
  if (self->plan_page != NULL)
    waymark_plan_page_set_catalogue (self->plan_page, catalogue);
  if (self->context_page != NULL)
    waymark_context_page_set_catalogue (self->context_page, catalogue);
  if (self->appraisal_page != NULL)
    waymark_appraisal_page_set_catalogue (self->appraisal_page, catalogue);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (catalogue));
  /* A catalogue opened later; at start, just after the first frame (show_all_rows()). */
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    waymark_catalogue_prepare_search (catalogue);

  if (selected != NULL)
    waymark_window_select_intervention (self, selected);

  waymark_window_update_results (self);
  return TRUE;
}

WaymarkIntervention *
waymark_window_get_selected (WaymarkWindow *self)
{
  g_autoptr(GtkBitset) bits = NULL;
  WaymarkIntervention *item;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);

  bits = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_get_size (bits) != 1)
    return NULL;
  /* Borrowed: the catalogue behind the list keeps it alive. */
  item = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (bits));
  g_object_unref (item);
  return item;
}

void
waymark_window_browser_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_map_intervention_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_stack_changed);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.show-intervention", "s",
                                   show_intervention_action);
  gtk_widget_class_install_action (widget_class, "win.select-none", NULL, select_none_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.select-none", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.clear-filters", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                show_view_shortcut, "s", "list");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                show_view_shortcut, "s", "map");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F9, 0, toggle_filters_shortcut, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-page", "s", "interventions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "plan");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-page", "s", "compare");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-page", "s", "context");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK,
                                       "win.show-page", "s", "appraisal");
}

/* The rows a window can show before its first frame: the window's height (more than the
 * list's: the header bar and the search take about 120 pixels of it) over the least a row can
 * be, and one more. A row is a name, a summary, the badges and a line of facts: 119 pixels at
 * the default text size, about 100 with text scaled to 0.8; smaller text, smaller rows. */
#define ROW_HEIGHT_AT_LEAST 100

static int
row_height_at_least (WaymarkWindow *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  int dpi = 0;

  /* In 1024ths of a dot per inch; 96 is the unscaled text size. */
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  if (dpi <= 0 || dpi >= 96 * 1024)
    return ROW_HEIGHT_AT_LEAST;

  return MAX (1, (int) ((gint64) ROW_HEIGHT_AT_LEAST * dpi / (96 * 1024)));
}

/* What is above the list can only leave it less of the window's height: the header bar and,
 * in the list pane, what comes before the results (the search bar, the count), each at its
 * least height. Measured before the first frame at no cost to it: GTK keeps the measurements,
 * and the frame asks for the same. */
static int
least_height_above_list (WaymarkWindow *self)
{
  GtkWidget *results = GTK_WIDGET (self->results_stack);
  GtkWidget *box = gtk_widget_get_parent (results);
  int above = 0, least = 0;

  gtk_widget_measure (self->header_bar, GTK_ORIENTATION_VERTICAL, -1, &least, NULL, NULL, NULL);
  above += least;
  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL && child != results;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &least, NULL, NULL, NULL);
      above += least;
    }
  return above;
}

static void
show_all_rows (WaymarkWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  /* Unrealized, the clock is gone, and the handler with it. */
  if (clock != NULL)
    g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  g_signal_handlers_disconnect_by_func (self, on_realize_defer_rows, NULL);
  g_clear_handle_id (&self->rows_idle, g_source_remove);
  gtk_slice_list_model_set_size (self->row_slice, G_MAXUINT);
  if (self->filter_pane != NULL)
    waymark_filter_pane_build (self->filter_pane, 0);
  if (self->catalogue != NULL)
    waymark_catalogue_prepare_search (self->catalogue);
}

static gboolean
show_all_rows_idle (gpointer user_data)
{
  WaymarkWindow *self = user_data;

  self->rows_idle = 0;
  show_all_rows (self);
  return G_SOURCE_REMOVE;
}

/* The rest of the rows come once the frame is on screen, before anything else waits. */
static void
on_first_paint (GdkFrameClock *clock,
                WaymarkWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  if (self->rows_idle == 0)
    self->rows_idle = g_idle_add_full (G_PRIORITY_DEFAULT, show_all_rows_idle,
                                       g_object_ref (self), g_object_unref);
}

static void
on_realize_defer_rows (GtkWidget *widget,
                       gpointer   user_data)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  /* Each time it is realized until the rows have come: it can be hidden before it paints. */
  if (gtk_slice_list_model_get_size (self->row_slice) != G_MAXUINT)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_first_paint), self, 0);
}

void
waymark_window_defer_offscreen_rows (WaymarkWindow *self)
{
  int width = 0, height = 0;

  /* A selected intervention is shown with its row in sight, wherever it is in the list. */
  if (gtk_widget_get_realized (GTK_WIDGET (self)) ||
      waymark_workspace_get_selected (self->workspace) != NULL)
    {
      show_all_rows (self);
      return;
    }

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (gtk_window_is_maximized (GTK_WINDOW (self)) || height <= 0)
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

      for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
          GdkRectangle geometry;

          gdk_monitor_get_geometry (monitor, &geometry);
          height = MAX (height, geometry.height);
        }
    }
  if (height <= 0)
    {
      show_all_rows (self);
      return;
    }

  /* The filter pane likewise: the groups reaching the window's foot now, the rest with the
   * rows. */
  waymark_filter_pane_build (self->filter_pane, height);
  height -= least_height_above_list (self);
  gtk_slice_list_model_set_size (self->row_slice, MAX (height, 0) / row_height_at_least (self) + 1);
  g_signal_connect (self, "realize", G_CALLBACK (on_realize_defer_rows), NULL);
}

void
waymark_window_browser_init (WaymarkWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GListModel) sort_keys = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  self->row_slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                              0, G_MAXUINT);
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->row_slice));

  /* The sort keys from their table, before the settings choose one. */
  sort_keys = sort_keys_model_new ();
  gtk_drop_down_set_model (self->sort_dropdown, sort_keys);

  gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
  gtk_custom_sorter_set_sort_func (self->sorter, sort_func, self, NULL);
  waymark_evidence_map_set_model (self->evidence_map, G_LIST_MODEL (self->sort_model));

  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (on_items_changed),
                           self, 0);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);
  g_signal_connect (self->selection, "items-changed", G_CALLBACK (on_selection_items_changed), self);

  on_view_stack_changed (self->view_stack, NULL, self);

  update_back_button (self);
  waymark_window_update_results (self);
  update_selection (self);
}

/* The view as the settings left it, and kept there; the sort key as the workspace has it (the
 * selection follows it with the catalogue: waymark_window_browser_show_catalogue). */
void
waymark_window_browser_bind_settings (WaymarkWindow *self)
{
  g_settings_bind (self->settings, "view", self, "view", G_SETTINGS_BIND_DEFAULT);
  self->sort_binding = g_object_bind_property_full (self->workspace, "sort-key",
                                                    self->sort_dropdown, "selected",
                                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                                    sort_key_to_position, position_to_sort_key,
                                                    NULL, NULL);
  g_signal_connect_object (self->workspace, "notify::sort-key", G_CALLBACK (on_sort_key_changed),
                           self, 0);
}

/* The list, the chips, the actions and the search entry follow the workspace's criteria, from
 * the state the settings left them in. */
void
waymark_window_browser_follow_criteria (WaymarkWindow *self)
{
  g_signal_connect_object (self->criteria, "changed", G_CALLBACK (on_criteria_changed), self, 0);
  g_signal_connect_object (self->criteria, "notify::search",
                           G_CALLBACK (on_criteria_search_changed), self, 0);
  on_criteria_search_changed (self->criteria, NULL, self);
  on_criteria_changed (self->criteria, self);
}
