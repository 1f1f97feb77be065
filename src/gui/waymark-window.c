/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "waymark-compare-page.h"
#include "waymark-compare-print.h"
#include "waymark-criteria.h"
#include "waymark-detail-pane.h"
#include "waymark-evidence-map.h"
#include "waymark-filter-pane.h"
#include "waymark-help-window.h"
#include "waymark-intervention-row.h"
#include "waymark-money.h"
#include "waymark-plan-document.h"
#include "waymark-plan-page.h"
#include "waymark-window-private.h"

/* What to do once unsaved changes have been saved or discarded. */
typedef enum
{
  PENDING_NONE,
  PENDING_CLOSE,
  PENDING_NEW,
  PENDING_OPEN_CHOOSER,
  PENDING_OPEN_FILE,
} PendingAction;

struct _WaymarkWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  GtkWidget            *back_button;
  GtkWidget            *filters_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwViewStackPage     *plan_stack_page;
  WaymarkPlanPage      *plan_page;
  AdwViewStackPage     *compare_stack_page;
  WaymarkComparePage   *compare_page;
  GtkWidget            *header_bar;
  GtkWidget            *switcher_bar;
  GMenu                *recent_section;
  AdwFlap              *flap;
  WaymarkFilterPane    *filter_pane;
  AdwLeaflet           *leaflet;
  GtkWidget            *list_pane;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *sort_dropdown;
  GtkRevealer          *chips_revealer;
  GtkFlowBox           *chips_box;
  GtkWidget            *clear_filters_button;
  GtkLabel             *count_label;
  GtkStack             *results_stack;
  GtkListView          *list_view;
  WaymarkEvidenceMap   *evidence_map;
  AdwStatusPage        *empty_page;
  GtkWidget            *empty_clear_button;
  WaymarkDetailPane    *detail_pane;
  GtkFilterListModel   *filter_model;
  GtkSortListModel     *sort_model;
  GtkMultiSelection    *selection;
  GtkRevealer          *selection_bar;
  GtkLabel             *selection_label;
  GtkCustomFilter      *filter;
  GtkCustomSorter      *sorter;
  WaymarkCriteria      *criteria;

  /* Owned */
  WaymarkCatalogue *catalogue;
  GSettings        *settings;
  GCancellable     *cancellable;
  char             *view;
  WaymarkPlanDocument *document;
  GFile            *pending_file;
  GtkRecentManager *recent;
  WaymarkComparison *comparison;
  AdwToast         *compare_toast;  /* weak: the last one, replaced by the next */
  gboolean          presenting;
  guint             zoom_before;     /* the page's text size before presenting */

  /* Borrowed */
  WaymarkPlan      *plan;   /* the document's, watched for the actions' state */

  PendingAction     pending;
  gboolean          close_confirmed;
};

G_DEFINE_FINAL_TYPE (WaymarkWindow, waymark_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CATALOGUE,
  PROP_SETTINGS,
  PROP_VIEW,
  PROP_SHOW_FILTERS,
  PROP_RECENT_MANAGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Filtering and sorting: the core's one implementation */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  WaymarkWindow *self = user_data;

  return waymark_criteria_match (self->criteria, item);
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  WaymarkWindow *self = user_data;
  guint key = gtk_drop_down_get_selected (self->sort_dropdown);

  if (key > WAYMARK_SORT_COST)
    key = WAYMARK_SORT_NAME;

  return waymark_intervention_compare ((WaymarkIntervention *) a, (WaymarkIntervention *) b, key);
}

/* Where things are */

static gboolean
find_position (WaymarkWindow       *self,
               WaymarkIntervention *item,
               guint               *position)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

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

static void
select_intervention (WaymarkWindow       *self,
                     WaymarkIntervention *item)
{
  guint position;

  if (item != NULL && find_position (self, item, &position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  else
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

/* The selected interventions in the list's order (owned refs). */
static GPtrArray *
dup_selected (WaymarkWindow *self)
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

static void
show_intervention (WaymarkWindow       *self,
                   WaymarkIntervention *item)
{
  select_intervention (self, item);

  if (adw_leaflet_get_folded (self->leaflet) && waymark_window_get_selected (self) != NULL)
    {
      /* Focus first: when the list goes, focus would otherwise fall on the first selectable
       * text of the detail, which then shows all selected. */
      gtk_widget_set_visible (self->back_button, TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", TRUE);
      gtk_widget_grab_focus (self->back_button);
      adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_pane));
    }
}

/* Derived state, computed in one place each */

static void
update_back_button (WaymarkWindow *self)
{
  gboolean on_detail =
    adw_leaflet_get_folded (self->leaflet) &&
    adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->detail_pane);

  gtk_widget_set_visible (self->back_button, on_detail);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", on_detail);
}

static void
update_results (WaymarkWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint total = self->catalogue != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->catalogue)) : 0;
  g_autofree char *count = NULL;

  count = g_strdup_printf (ngettext ("%u of %u intervention", "%u of %u interventions", total),
                           n, total);
  gtk_label_set_label (self->count_label, count);

  if (n == 0)
    gtk_stack_set_visible_child_name (self->results_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->results_stack, self->view);
}

/* Chips: one per active filter value; clicking one removes that value */

static void
on_chip_clicked (GtkButton     *button,
                 WaymarkWindow *self)
{
  const char *property = g_object_get_data (G_OBJECT (button), "property");
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bit"));
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->criteria), property);

  g_assert (pspec != NULL);

  if (G_IS_PARAM_SPEC_FLAGS (pspec) || G_IS_PARAM_SPEC_UINT (pspec))
    {
      guint bits = 0;

      g_object_get (self->criteria, property, &bits, NULL);
      g_object_set (self->criteria, property, bits & ~bit, NULL);
    }
  else
    {
      g_auto(GValue) value = G_VALUE_INIT;

      /* Everything else goes back to its default: no minimum, no limit, no search. */
      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_param_value_set_default (pspec, &value);
      g_object_set_property (G_OBJECT (self->criteria), property, &value);
    }

  /* The chip is gone: keep the keyboard in the chips, or on the search entry. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->chips_box)) != NULL &&
      gtk_revealer_get_reveal_child (self->chips_revealer))
    gtk_widget_child_focus (GTK_WIDGET (self->chips_box), GTK_DIR_TAB_FORWARD);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
add_chip (WaymarkWindow *self,
          const char    *label,
          const char    *property,
          guint          bit)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *text = gtk_label_new (label);
  GtkWidget *icon = gtk_image_new_from_icon_name ("window-close-symbolic");
  GtkWidget *child = gtk_flow_box_child_new ();
  /* Translators: what a screen reader says for a filter chip: "Remove filter: Perpetrators" */
  g_autofree char *a11y = g_strdup_printf (_("Remove filter: %s"), label);

  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 28);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "filter-chip");
  gtk_widget_set_tooltip_text (button, a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data_full (G_OBJECT (button), "property", g_strdup (property), g_free);
  g_object_set_data (G_OBJECT (button), "bit", GUINT_TO_POINTER (bit));
  g_signal_connect (button, "clicked", G_CALLBACK (on_chip_clicked), self);

  /* The flow box lines its children up in columns; a chip keeps its own width. */
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), button);
  gtk_flow_box_append (self->chips_box, child);
}

typedef const char *(*LabelFunc) (int value);

static const char *level_label (int v) { return waymark_level_get_label (v); }
static const char *focus_label (int v) { return waymark_focus_get_label (v); }
static const char *works_with_label (int v) { return waymark_works_with_get_label (v); }
static const char *age_group_label (int v) { return waymark_age_group_get_label (v); }
static const char *llr_status_label (int v) { return waymark_llr_status_get_label (v); }

/* bits are flag values when `shift` is FALSE, and 1 << enum value when TRUE */
static void
add_set_chips (WaymarkWindow *self,
               const char    *property,
               guint          bits,
               gboolean       shift,
               LabelFunc      get_label)
{
  for (guint v = 0; v < 32; v++)
    {
      guint bit = 1u << v;

      if ((bits & bit) != 0)
        add_chip (self, get_label (shift ? (int) v : (int) bit), property, bit);
    }
}

static void
rebuild_chips (WaymarkWindow *self)
{
  WaymarkCriteria *c = self->criteria;
  GtkWidget *child;
  WaymarkRating rating;
  const char *search;
  gint64 max_cost;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);

  search = waymark_criteria_get_search (c);
  if (search != NULL)
    {
      /* Translators: a filter chip for the search words */
      g_autofree char *label = g_strdup_printf (_("Search: “%s”"), search);
      add_chip (self, label, "search", 0);
    }

  add_set_chips (self, "levels", waymark_criteria_get_levels (c), FALSE, level_label);
  add_set_chips (self, "focus", waymark_criteria_get_focus (c), TRUE, focus_label);
  add_set_chips (self, "works-with", waymark_criteria_get_works_with (c), FALSE, works_with_label);
  add_set_chips (self, "age-groups", waymark_criteria_get_age_groups (c), FALSE, age_group_label);

  rating = waymark_criteria_get_min_evidence (c);
  if (rating != WAYMARK_RATING_NONE)
    {
      /* Translators: a filter chip; %s is a rating such as "Moderate" */
      g_autofree char *label = g_strdup_printf (_("Evidence: at least %s"),
                                                waymark_rating_get_label (rating));
      add_chip (self, label, "min-evidence", 0);
    }
  rating = waymark_criteria_get_min_impact (c);
  if (rating != WAYMARK_RATING_NONE)
    {
      /* Translators: a filter chip; %s is a rating such as "High" */
      g_autofree char *label = g_strdup_printf (_("Impact: at least %s"),
                                                waymark_rating_get_label (rating));
      add_chip (self, label, "min-impact", 0);
    }

  add_set_chips (self, "llr-status", waymark_criteria_get_llr_status (c), TRUE, llr_status_label);

  if (waymark_criteria_get_cost_published (c))
    add_chip (self, _("Published cost only"), "cost-published", 0);
  max_cost = waymark_criteria_get_max_cost (c);
  if (max_cost > 0)
    {
      g_autofree char *amount = waymark_money_format (max_cost, WAYMARK_CURRENCY_GBP);
      /* Translators: a filter chip; %s is an amount such as "£2,500" */
      g_autofree char *label = g_strdup_printf (_("Costs up to %s"), amount);
      add_chip (self, label, "max-cost", 0);
    }

  gtk_revealer_set_reveal_child (self->chips_revealer, !waymark_criteria_is_empty (c));
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
  rebuild_chips (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters",
                                 !waymark_criteria_is_empty (criteria));
  update_results (self);
}

/* Signal handlers */

static void
on_search_changed (GtkSearchEntry *entry,
                   WaymarkWindow  *self)
{
  waymark_criteria_set_search (self->criteria, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_sort_selected (GtkDropDown   *dropdown,
                  GParamSpec    *pspec,
                  WaymarkWindow *self)
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
  update_results (self);
}

/* One intervention selected is read in the detail pane; several are compared. */
static void
update_selection (WaymarkWindow *self)
{
  g_autoptr(GPtrArray) items = dup_selected (self);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-selected", items->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.select-none", items->len > 0);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "selected-intervention",
                           item != NULL ? waymark_intervention_get_id (item) : "");
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
on_flap_reveal_changed (AdwFlap       *flap,
                        GParamSpec    *pspec,
                        WaymarkWindow *self)
{
  /* Remember the choice made on a wide window; a narrow one hides the pane by itself. */
  if (self->settings != NULL && !adw_flap_get_folded (flap))
    g_settings_set_boolean (self->settings, "filters-revealed", adw_flap_get_reveal_flap (flap));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_FILTERS]);
}

/* Opening another catalogue */

static void
show_error (WaymarkWindow *self,
            const char    *heading,
            const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  WaymarkCatalogue *catalogue = waymark_catalogue_new_from_file (file, &error);

  if (catalogue == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, catalogue, g_object_unref);
}

static void
on_catalogue_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  WaymarkWindow *self = WAYMARK_WINDOW (source);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  catalogue = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (catalogue == NULL)
    {
      show_error (self, _("Could Not Open Catalogue"), error->message);
      return;
    }

  name = g_file_get_basename (file);
  waymark_window_set_catalogue (self, catalogue);
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
    /* Translators: a notification; %s is a file name */
    g_autofree char *message = g_strdup_printf (ngettext ("Opened “%s”: %u intervention",
                                                          "Opened “%s”: %u interventions", n),
                                                name, n);
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  }
}

void
waymark_window_open_file (WaymarkWindow *self,
                          GFile         *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WAYMARK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, on_catalogue_loaded, NULL);
  g_task_set_source_tag (task, waymark_window_open_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

static void
on_file_chooser_response (GtkNativeDialog *native,
                          int              response,
                          WaymarkWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        waymark_window_open_file (self, file);
    }

  g_object_unref (native);
}

/* Actions */

static void
help_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (waymark_help_window_new (GTK_WINDOW (self), self->catalogue)));
}

static void
open_catalogue_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Open Catalogue"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (json, _("Catalogues (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), json);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  g_signal_connect (native, "response", G_CALLBACK (on_file_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

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
  WaymarkIntervention *item = NULL;

  if (self->catalogue != NULL)
    item = waymark_catalogue_lookup (self->catalogue, g_variant_get_string (parameter, NULL));
  if (item != NULL)
    show_intervention (self, item);
}

/* The plan: adding to it, its file, and the window's title */

static void
add_toast (WaymarkWindow *self,
           AdwToast      *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_title (WaymarkWindow *self)
{
  g_autofree char *name = waymark_plan_document_dup_display_name (self->document);
  gboolean modified = waymark_plan_document_get_modified (self->document);
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  /* Translators: the plan's file name with a mark for unsaved changes, "• plan.waymark" */
  subtitle = modified ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
  /* Translators: the window's title: the plan's file name, then the application's */
  title = g_strdup_printf (_("%s – Waymark"), subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
}

static void
update_plan_actions (WaymarkWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", waymark_plan_can_undo (self->plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", waymark_plan_can_redo (self->plan));
}

static void
update_badge (WaymarkWindow *self)
{
  adw_view_stack_page_set_badge_number (self->plan_stack_page,
                                        g_list_model_get_n_items (G_LIST_MODEL (self->plan)));
}

static void
on_plan_undo_state (WaymarkPlan   *plan,
                    GParamSpec    *pspec,
                    WaymarkWindow *self)
{
  update_plan_actions (self);
}

static void
on_plan_items_changed (GListModel    *model,
                       guint          position,
                       guint          removed,
                       guint          added,
                       WaymarkWindow *self)
{
  update_badge (self);
}

static void
on_document_plan (WaymarkPlanDocument *document,
                  GParamSpec          *pspec,
                  WaymarkWindow       *self)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  self->plan = waymark_plan_document_get_plan (document);

  g_signal_connect (self->plan, "notify::can-undo", G_CALLBACK (on_plan_undo_state), self);
  g_signal_connect (self->plan, "notify::can-redo", G_CALLBACK (on_plan_undo_state), self);
  g_signal_connect (self->plan, "items-changed", G_CALLBACK (on_plan_items_changed), self);

  waymark_plan_page_set_plan (self->plan_page, self->plan);
  update_plan_actions (self);
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
  adw_view_stack_set_visible_child_name (self->view_stack, "plan");
  waymark_plan_page_focus_item (self->plan_page, intervention_id);
}

static void
add_to_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  WaymarkIntervention *intervention = NULL;
  g_autoptr(WaymarkPlanItem) item = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (self->catalogue != NULL)
    intervention = waymark_catalogue_lookup (self->catalogue, id);
  if (intervention == NULL)
    return;

  /* Once only: a second add shows the one already there. */
  if (waymark_plan_find_item (self->plan, id, NULL) != NULL)
    {
      /* Translators: a notification; %s is an intervention's name */
      message = g_strdup_printf (_("“%s” is already in the plan"),
                                 waymark_intervention_get_name (intervention));
      add_toast (self, adw_toast_new (message));
      show_plan_item (self, id);
      return;
    }

  item = waymark_plan_item_new_for_intervention (intervention);
  waymark_plan_add_item (self->plan, item);

  /* Translators: a notification; %s is an intervention's name */
  message = g_strdup_printf (_("Added “%s” to the plan"), waymark_intervention_get_name (intervention));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_View"));
  adw_toast_set_action_name (toast, "win.show-plan-item");
  adw_toast_set_action_target_value (toast, g_variant_new_string (id));
  add_toast (self, toast);
}

/* The comparison */

static void
show_comparison_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (WAYMARK_WINDOW (widget)->view_stack, "compare");
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  WaymarkIntervention *intervention = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (self->catalogue != NULL)
    intervention = waymark_catalogue_lookup (self->catalogue, id);
  if (intervention == NULL)
    return;

  /* One at a time: choosing four interventions should not queue four notifications. */
  if (self->compare_toast != NULL)
    adw_toast_dismiss (self->compare_toast);

  if (waymark_comparison_contains (self->comparison, id))
    {
      /* Translators: a notification; %s is an intervention's name */
      message = g_strdup_printf (_("“%s” is already in the comparison"),
                                 waymark_intervention_get_name (intervention));
    }
  else if (!waymark_comparison_add (self->comparison, id, &error))
    {
      /* The comparison says why: six is the most that fit side by side. */
      toast = adw_toast_new (error->message);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_set_weak_pointer (&self->compare_toast, toast);
      add_toast (self, toast);
      return;
    }
  else
    {
      /* Translators: a notification; %s is an intervention's name */
      message = g_strdup_printf (_("Added “%s” to the comparison"),
                                 waymark_intervention_get_name (intervention));
    }

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_View"));
  adw_toast_set_action_name (toast, "win.show-comparison");
  g_set_weak_pointer (&self->compare_toast, toast);
  add_toast (self, toast);
}

/* Everything selected in the list joins the comparison, which then shows. */
static void
compare_selected_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  g_autoptr(GPtrArray) items = dup_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree const char **ids = g_new0 (const char *, items->len + 1);

  if (items->len == 0)
    return;
  for (guint i = 0; i < items->len; i++)
    ids[i] = waymark_intervention_get_id (g_ptr_array_index (items, i));

  if (self->compare_toast != NULL)
    adw_toast_dismiss (self->compare_toast);

  if (!waymark_comparison_add_many (self->comparison, ids, NULL, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_button_label (toast, _("_View"));
      adw_toast_set_action_name (toast, "win.show-comparison");
      g_set_weak_pointer (&self->compare_toast, toast);
      add_toast (self, toast);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "compare");
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

static void
uncompare_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  WaymarkIntervention *intervention = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (self->catalogue != NULL)
    intervention = waymark_catalogue_lookup (self->catalogue, id);
  if (intervention == NULL || !waymark_comparison_remove (self->comparison, id))
    return;

  if (self->compare_toast != NULL)
    adw_toast_dismiss (self->compare_toast);
  /* Translators: a notification; %s is an intervention's name */
  message = g_strdup_printf (_("Removed “%s” from the comparison"),
                             waymark_intervention_get_name (intervention));
  toast = adw_toast_new (message);
  g_set_weak_pointer (&self->compare_toast, toast);
  add_toast (self, toast);
}

static void
on_comparison_items_changed (GListModel    *model,
                             guint          position,
                             guint          removed,
                             guint          added,
                             WaymarkWindow *self)
{
  g_auto(GStrv) ids = waymark_comparison_dup_ids (self->comparison);

  adw_view_stack_page_set_badge_number (self->compare_stack_page,
                                        g_list_model_get_n_items (model));
  if (self->settings != NULL)
    g_settings_set_strv (self->settings, "comparison", (const char * const *) ids);
}

/* Presentation: the comparison full screen, without the window's chrome, its text large enough
 * for the back of a meeting room. */
static void
set_presenting (WaymarkWindow *self,
                gboolean       presenting)
{
  if (self->presenting == presenting)
    return;
  self->presenting = presenting;

  gtk_widget_set_visible (self->header_bar, !presenting);
  gtk_widget_set_visible (self->switcher_bar, !presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-presentation", presenting);
  if (presenting)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "compare");
      self->zoom_before = waymark_compare_page_get_zoom (self->compare_page);
      if (self->zoom_before == 100)
        waymark_compare_page_set_zoom (self->compare_page, 150);
      gtk_window_fullscreen (GTK_WINDOW (self));
      gtk_widget_grab_focus (GTK_WIDGET (self->compare_page));
    }
  else
    {
      waymark_compare_page_set_zoom (self->compare_page, self->zoom_before);
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }
}

static void
toggle_presentation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  set_presenting (self, !self->presenting);
}

static void
leave_presentation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  set_presenting (WAYMARK_WINDOW (widget), FALSE);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               WaymarkWindow           *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  add_toast (self, adw_toast_new (error != NULL ? error->message : _("Could not print the comparison")));
}

static void
print_comparison_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->comparison)) == 0)
    return;

  operation = waymark_compare_print_new (self->comparison);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), NULL);
}

/* Ctrl+plus and friends reach the page wherever the focus is. */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  const char *page_action = g_str_equal (action_name, "win.zoom-in") ? "compare.zoom-in"
                          : g_str_equal (action_name, "win.zoom-out") ? "compare.zoom-out"
                          : "compare.zoom-reset";

  gtk_widget_activate_action (GTK_WIDGET (self->compare_page), page_action, NULL);
}

/* The saved set, once there is a catalogue to find it in (the catalogue may come before or after
 * the settings). */
static void
restore_comparison (WaymarkWindow *self)
{
  g_auto(GStrv) ids = NULL;

  if (self->settings == NULL || self->catalogue == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->comparison)) > 0)
    return;

  ids = g_settings_get_strv (self->settings, "comparison");
  waymark_comparison_set_ids (self->comparison, (const char * const *) ids);
}

static void
show_plan_item_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  show_plan_item (WAYMARK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  waymark_plan_undo (WAYMARK_WINDOW (widget)->plan);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  waymark_plan_redo (WAYMARK_WINDOW (widget)->plan);
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

static void
add_plan_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) plans = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (plans, _("Waymark plans"));
  gtk_file_filter_add_pattern (plans, "*.waymark");
  gtk_file_chooser_add_filter (chooser, plans);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void run_pending (WaymarkWindow *self);

static void
load_plan (WaymarkWindow *self,
           GFile         *file)
{
  g_autoptr(GError) error = NULL;
  guint n_missing = 0;

  if (!waymark_plan_document_load (self->document, file, &error))
    {
      show_error (self, _("Could Not Open Plan"), error->message);
      return;
    }

  add_to_recent (self, file);
  adw_view_stack_set_visible_child_name (self->view_stack, "plan");

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
      add_toast (self, adw_toast_new (message));
    }
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
  add_plan_filters (GTK_FILE_CHOOSER (native));
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
      show_error (self, _("Could Not Save Plan"), error->message);
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
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!waymark_plan_document_export (self->document, format, file, &error))
    {
      show_error (self, _("Could Not Export Plan"), error->message);
      return FALSE;
    }

  name = g_file_get_basename (file);
  /* Translators: a notification; %s is a file name */
  message = g_strdup_printf (_("Exported “%s”"), name);
  add_toast (self, adw_toast_new (message));
  return TRUE;
}

static char *
suggested_name (WaymarkWindow *self,
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

static GFile *
with_extension (GFile      *file,
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

static void
on_save_as_response (GtkNativeDialog *native,
                     int              response,
                     WaymarkWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GFile) file = chosen != NULL ? with_extension (chosen, ".waymark") : NULL;

      if (file != NULL && waymark_window_save_plan_as (self, file))
        run_pending (self);
      else
        self->pending = PENDING_NONE;
    }
  else
    self->pending = PENDING_NONE;

  g_object_unref (native);
}

static void
choose_where_to_save (WaymarkWindow *self)
{
  GtkFileChooserNative *native;
  g_autofree char *name = suggested_name (self, ".waymark");

  native = gtk_file_chooser_native_new (_("Save Plan"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_plan_filters (GTK_FILE_CHOOSER (native));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Saves to the plan's file, or asks where; then does what was pending. */
static void
save_then_continue (WaymarkWindow *self)
{
  GFile *file = waymark_plan_document_get_file (self->document);

  if (file == NULL)
    choose_where_to_save (self);
  else if (waymark_window_save_plan_as (self, file))
    run_pending (self);
  else
    self->pending = PENDING_NONE;
}

static void
run_pending (WaymarkWindow *self)
{
  PendingAction pending = self->pending;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

  self->pending = PENDING_NONE;

  switch (pending)
    {
    case PENDING_CLOSE:
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    case PENDING_NEW:
      waymark_plan_document_reset (self->document);
      adw_view_stack_set_visible_child_name (self->view_stack, "plan");
      break;
    case PENDING_OPEN_CHOOSER:
      choose_plan_to_open (self);
      break;
    case PENDING_OPEN_FILE:
      load_plan (self, file);
      break;
    case PENDING_NONE:
    default:
      break;
    }
}

typedef struct
{
  WaymarkWindow *window;
  char          *response;
} Answer;

static void
answer_free (Answer *answer)
{
  g_object_unref (answer->window);
  g_free (answer->response);
  g_free (answer);
}

static void
act_on_unsaved_answer (gpointer data)
{
  Answer *answer = data;
  WaymarkWindow *self = answer->window;
  const char *response = answer->response;

  if (g_str_equal (response, "discard"))
    {
      waymark_plan_document_discard_recovery (self->document);
      run_pending (self);
    }
  else if (g_str_equal (response, "save"))
    save_then_continue (self);
  else
    {
      self->pending = PENDING_NONE;
      g_clear_object (&self->pending_file);
    }

  answer_free (answer);
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     WaymarkWindow    *self)
{
  Answer *answer = g_new0 (Answer, 1);

  /* Once the dialog has gone: closing the window from inside its response would leave the
   * dialog with a parent that no longer exists. */
  answer->window = g_object_ref (self);
  answer->response = g_strdup (response);
  g_idle_add_once (act_on_unsaved_answer, answer);
}

/* Does `what` now, or first asks what to do with unsaved changes. */
static void
confirm_then (WaymarkWindow *self,
              PendingAction  what,
              GFile         *file)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  self->pending = what;
  g_set_object (&self->pending_file, file);

  if (!waymark_plan_document_get_modified (self->document))
    {
      run_pending (self);
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
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
waymark_window_open_plan (WaymarkWindow *self,
                          GFile         *file)
{
  g_return_if_fail (WAYMARK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  confirm_then (self, PENDING_OPEN_FILE, file);
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  confirm_then (WAYMARK_WINDOW (widget), PENDING_NEW, NULL);
}

static void
open_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  confirm_then (WAYMARK_WINDOW (widget), PENDING_OPEN_CHOOSER, NULL);
}

static void
open_recent_plan_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  confirm_then (WAYMARK_WINDOW (widget), PENDING_OPEN_FILE, file);
}

static void
save_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  self->pending = PENDING_NONE;
  save_then_continue (self);
}

static void
save_plan_as_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  self->pending = PENDING_NONE;
  choose_where_to_save (self);
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    WaymarkWindow   *self)
{
  WaymarkPlanFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (chosen != NULL)
        {
          g_autoptr(GFile) file =
            with_extension (chosen, format == WAYMARK_PLAN_FORMAT_CSV ? ".csv" : ".json");
          waymark_window_export_plan (self, format, file);
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
  gboolean csv = g_str_equal (action_name, "win.export-plan-csv");
  g_autofree char *name = suggested_name (self, csv ? ".csv" : ".json");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (csv ? _("Export Plan as CSV") : _("Export Plan as JSON"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, csv ? _("CSV spreadsheets") : _("JSON files"));
  gtk_file_filter_add_pattern (filter, csv ? "*.csv" : "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data (G_OBJECT (native), "format",
                     GINT_TO_POINTER (csv ? WAYMARK_PLAN_FORMAT_CSV : WAYMARK_PLAN_FORMAT_JSON));
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Recovery after a crash */

static void
on_recover_response (AdwMessageDialog *dialog,
                     const char       *response,
                     WaymarkWindow    *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "recover"))
    {
      waymark_plan_document_discard_recovery (self->document);
      return;
    }

  if (!waymark_plan_document_recover (self->document, &error))
    {
      show_error (self, _("Could Not Recover Plan"), error->message);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "plan");
}

static void
offer_recovery (WaymarkWindow *self)
{
  GtkWidget *dialog;

  g_signal_handlers_disconnect_by_func (self, offer_recovery, NULL);
  if (!waymark_plan_document_has_recovery (self->document))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Recover Unsaved Plan?"),
                                   _("Waymark closed before a plan was saved. A copy was kept "
                                     "automatically: recover it to carry on, then save it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recover_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_view_stack_changed (AdwViewStack  *stack,
                       GParamSpec    *pspec,
                       WaymarkWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (stack);
  gboolean browsing = g_strcmp0 (page, "interventions") == 0;
  gboolean comparing = g_strcmp0 (page, "compare") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", comparing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", comparing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", comparing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-comparison", comparing);

  gtk_widget_set_visible (self->filters_button, browsing);
  if (browsing)
    update_back_button (self);
  else
    gtk_widget_set_visible (self->back_button, FALSE);
}

/* Settings: the sort key and the filters are stored by their names, not their numbers */

static gboolean
sort_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  int key;

  if (!waymark_enum_from_string (WAYMARK_TYPE_SORT_KEY, g_variant_get_string (variant, NULL), &key))
    key = WAYMARK_SORT_NAME;
  g_value_set_uint (value, key);
  return TRUE;
}

static GVariant *
sort_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char *nick = waymark_enum_to_string (WAYMARK_TYPE_SORT_KEY, g_value_get_uint (value));

  return g_variant_new_string (nick != NULL ? nick : "name");
}

/* A set of enum values as bits 1 << value, stored as the values' names */
static gboolean
enum_bits_get_mapping (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  GType type = GPOINTER_TO_SIZE (user_data);
  g_autofree const char **names = g_variant_get_strv (variant, NULL);
  guint bits = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      int v;

      if (waymark_enum_from_string (type, names[i], &v))
        bits |= 1u << v;
    }
  g_value_set_uint (value, bits);
  return TRUE;
}

static GVariant *
enum_bits_set_mapping (const GValue       *value,
                       const GVariantType *expected_type,
                       gpointer            user_data)
{
  GType type = GPOINTER_TO_SIZE (user_data);
  guint bits = g_value_get_uint (value);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint v = 0; v < 32; v++)
    if ((bits & (1u << v)) != 0 && waymark_enum_to_string (type, v) != NULL)
      g_ptr_array_add (names, (gpointer) waymark_enum_to_string (type, v));

  return g_variant_new_strv ((const char * const *) names->pdata, names->len);
}

static gboolean
minimum_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  int rating;

  if (!waymark_enum_from_string (WAYMARK_TYPE_RATING, g_variant_get_string (variant, NULL), &rating))
    rating = WAYMARK_RATING_NONE;
  g_value_set_enum (value, rating);
  return TRUE;
}

static GVariant *
minimum_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  WaymarkRating floor = waymark_rating_get_floor (g_value_get_enum (value));

  return g_variant_new_string (waymark_enum_to_string (WAYMARK_TYPE_RATING, floor));
}

static gboolean
search_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  g_value_set_string (value, g_variant_get_string (variant, NULL));
  return TRUE;
}

static GVariant *
search_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char *search = g_value_get_string (value);

  return g_variant_new_string (search != NULL ? search : "");
}

static void
bind_settings (WaymarkWindow *self)
{
  GSettings *s = self->settings;
  GObject *c = G_OBJECT (self->criteria);
  const GSettingsBindFlags flags = G_SETTINGS_BIND_DEFAULT;
  g_autofree char *selected = NULL;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (s, "window-width"),
                               g_settings_get_int (s, "window-height"));
  if (g_settings_get_boolean (s, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (s, "filters-revealed"));

  /* The selection is read before anything can change it. */
  selected = g_settings_get_string (s, "selected-intervention");

  g_settings_bind (s, "view", self, "view", flags);
  g_settings_bind_with_mapping (s, "sort", self->sort_dropdown, "selected", flags,
                                sort_get_mapping, sort_set_mapping, NULL, NULL);

  g_settings_bind_with_mapping (s, "filter-search", c, "search", flags,
                                search_get_mapping, search_set_mapping, NULL, NULL);
  g_settings_bind (s, "filter-levels", c, "levels", flags);
  g_settings_bind_with_mapping (s, "filter-focus", c, "focus", flags,
                                enum_bits_get_mapping, enum_bits_set_mapping,
                                GSIZE_TO_POINTER (WAYMARK_TYPE_FOCUS), NULL);
  g_settings_bind (s, "filter-works-with", c, "works-with", flags);
  g_settings_bind_with_mapping (s, "filter-min-evidence", c, "min-evidence", flags,
                                minimum_get_mapping, minimum_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (s, "filter-min-impact", c, "min-impact", flags,
                                minimum_get_mapping, minimum_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (s, "filter-llr-status", c, "llr-status", flags,
                                enum_bits_get_mapping, enum_bits_set_mapping,
                                GSIZE_TO_POINTER (WAYMARK_TYPE_LLR_STATUS), NULL);
  g_settings_bind (s, "filter-cost-published", c, "cost-published", flags);
  g_settings_bind (s, "filter-max-cost", c, "max-cost", flags);
  g_settings_bind (s, "filter-age-groups", c, "age-groups", flags);

  if (self->catalogue != NULL && *selected != '\0')
    select_intervention (self, waymark_catalogue_lookup (self->catalogue, selected));
}

/* GObject */

static gboolean
waymark_window_close_request (GtkWindow *window)
{
  WaymarkWindow *self = WAYMARK_WINDOW (window);
  int width, height;

  /* Unsaved changes are asked about first; the answer closes the window again. */
  if (!self->close_confirmed && waymark_plan_document_get_modified (self->document))
    {
      confirm_then (self, PENDING_CLOSE, NULL);
      return TRUE;
    }

  /* A clean close: nothing to recover next time. */
  waymark_plan_document_discard_recovery (self->document);

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (waymark_window_parent_class)->close_request (window);
}

static void
waymark_window_constructed (GObject *object)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  G_OBJECT_CLASS (waymark_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);
  bind_settings (self);

  restore_comparison (self);
  g_signal_connect (self->comparison, "items-changed", G_CALLBACK (on_comparison_items_changed),
                    self);
  adw_view_stack_page_set_badge_number (self->compare_stack_page,
                                        g_list_model_get_n_items (G_LIST_MODEL (self->comparison)));

  if (self->recent == NULL)
    self->recent = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_object (self->recent, "changed", G_CALLBACK (on_recent_changed), self, 0);
  rebuild_recent (self);

  /* Offered once the window is there to be the dialog's parent. */
  if (waymark_plan_document_has_recovery (self->document))
    g_signal_connect (self, "map", G_CALLBACK (offer_recovery), NULL);
}

static void
waymark_window_dispose (GObject *object)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  g_cancellable_cancel (self->cancellable);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  self->plan = NULL;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->comparison != NULL)
    g_signal_handlers_disconnect_by_data (self->comparison, self);

  /* Nothing that happens while the widgets go may reach the settings any more. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->settings != NULL)
    {
      g_settings_unbind (self, "view");
      g_settings_unbind (self->sort_dropdown, "selected");
    }
  if (self->criteria != NULL)
    {
      guint n_pspecs;
      g_autofree GParamSpec **pspecs =
        g_object_class_list_properties (G_OBJECT_GET_CLASS (self->criteria), &n_pspecs);

      /* A search entry being destroyed clears its text: that must not clear the filters. */
      for (guint i = 0; i < n_pspecs; i++)
        g_settings_unbind (self->criteria, pspecs[i]->name);
      g_signal_handlers_disconnect_by_data (self->search_entry, self);
    }
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  if (self->sorter != NULL)
    gtk_custom_sorter_set_sort_func (self->sorter, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_WINDOW);

  g_clear_object (&self->catalogue);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->comparison);
  g_clear_weak_pointer (&self->compare_toast);
  g_clear_object (&self->pending_file);
  if (self->recent != NULL)
    g_signal_handlers_disconnect_by_data (self->recent, self);
  g_clear_object (&self->recent);

  G_OBJECT_CLASS (waymark_window_parent_class)->dispose (object);
}

static void
waymark_window_finalize (GObject *object)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  g_free (self->view);

  G_OBJECT_CLASS (waymark_window_parent_class)->finalize (object);
}

static void
set_view (WaymarkWindow *self,
          const char    *view)
{
  if (g_strcmp0 (view, "map") != 0)
    view = "list";

  if (g_strcmp0 (self->view, view) == 0)
    return;

  g_free (self->view);
  self->view = g_strdup (view);
  update_results (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
waymark_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      g_value_set_object (value, self->catalogue);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;
    case PROP_SHOW_FILTERS:
      g_value_set_boolean (value, self->flap == NULL || adw_flap_get_reveal_flap (self->flap));
      break;
    case PROP_RECENT_MANAGER:
      g_value_set_object (value, self->recent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      waymark_window_set_catalogue (self, g_value_get_object (value));
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_VIEW:
      set_view (self, g_value_get_string (value));
      break;
    case PROP_SHOW_FILTERS:
      adw_flap_set_reveal_flap (self->flap, g_value_get_boolean (value));
      break;
    case PROP_RECENT_MANAGER:
      self->recent = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_window_class_init (WaymarkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = waymark_window_constructed;
  object_class->dispose = waymark_window_dispose;
  object_class->finalize = waymark_window_finalize;
  object_class->get_property = waymark_window_get_property;
  object_class->set_property = waymark_window_set_property;

  window_class->close_request = waymark_window_close_request;

  properties[PROP_CATALOGUE] =
    g_param_spec_object ("catalogue", NULL, NULL, WAYMARK_TYPE_CATALOGUE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "list",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_FILTERS] =
    g_param_spec_boolean ("show-filters", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Where recent plans are listed; the default list when not given (tests give their own). */
  properties[PROP_RECENT_MANAGER] =
    g_param_spec_object ("recent-manager", NULL, NULL, GTK_TYPE_RECENT_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WAYMARK_TYPE_CRITERIA);
  g_type_ensure (WAYMARK_TYPE_DETAIL_PANE);
  g_type_ensure (WAYMARK_TYPE_EVIDENCE_MAP);
  g_type_ensure (WAYMARK_TYPE_FILTER_PANE);
  g_type_ensure (WAYMARK_TYPE_INTERVENTION_ROW);
  g_type_ensure (WAYMARK_TYPE_PLAN_PAGE);
  g_type_ensure (WAYMARK_TYPE_COMPARE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, filters_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, plan_stack_page);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, plan_page);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, compare_stack_page);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, compare_page);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, filter_pane);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, chips_revealer);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, chips_box);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, results_stack);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, evidence_map);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, empty_clear_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, filter_model);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, sort_model);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, selection_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, filter);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, sorter);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, criteria);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_map_intervention_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_stack_changed);

  gtk_widget_class_install_action (widget_class, "win.open-catalogue", NULL, open_catalogue_action);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.show-intervention", "s",
                                   show_intervention_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-plan", "s", add_to_plan_action);
  gtk_widget_class_install_action (widget_class, "win.show-plan-item", "s", show_plan_item_action);
  gtk_widget_class_install_action (widget_class, "win.compare", "s", compare_action);
  gtk_widget_class_install_action (widget_class, "win.uncompare", "s", uncompare_action);
  gtk_widget_class_install_action (widget_class, "win.compare-selected", NULL,
                                   compare_selected_action);
  gtk_widget_class_install_action (widget_class, "win.select-none", NULL, select_none_action);
  gtk_widget_class_install_action (widget_class, "win.show-comparison", NULL, show_comparison_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-presentation", NULL,
                                   toggle_presentation_action);
  gtk_widget_class_install_action (widget_class, "win.leave-presentation", NULL,
                                   leave_presentation_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.print-comparison", NULL, print_comparison_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.open-plan", NULL, open_plan_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent-plan", "s",
                                   open_recent_plan_action);
  gtk_widget_class_install_action (widget_class, "win.save-plan", NULL, save_plan_action);
  gtk_widget_class_install_action (widget_class, "win.save-plan-as", NULL, save_plan_as_action);
  gtk_widget_class_install_action (widget_class, "win.export-plan-csv", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "win.export-plan-json", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_property_action (widget_class, "win.show-filters", "show-filters");

  /* Widget bindings rather than application accelerators for undo: a text entry that has the
   * focus undoes its own typing first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-plan-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-catalogue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-filters", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.help", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.toggle-presentation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.compare-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.select-none", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-comparison", NULL);
  /* Only while presenting: otherwise the action is off and Escape goes where it went before. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-presentation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.view", "s", "list");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.view", "s", "map");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.clear-filters", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

/* The list's rows: made in code, since a builder factory parses its XML for every row. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, waymark_intervention_row_new ());
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

static void
waymark_window_init (WaymarkWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  self->view = g_strdup ("list");
  self->cancellable = g_cancellable_new ();

  /* Before the template: its rows and panes look the comparison up when they are rooted. */
  self->comparison = waymark_comparison_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-presentation", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-comparison", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-selected", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.select-none", FALSE);
  waymark_compare_page_set_comparison (self->compare_page, self->comparison);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
  gtk_custom_sorter_set_sort_func (self->sorter, sort_func, self, NULL);
  waymark_evidence_map_set_model (self->evidence_map, G_LIST_MODEL (self->sort_model));

  g_signal_connect_object (self->criteria, "changed", G_CALLBACK (on_criteria_changed), self, 0);
  g_signal_connect_object (self->criteria, "notify::search",
                           G_CALLBACK (on_criteria_search_changed), self, 0);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (on_items_changed),
                           self, 0);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);
  g_signal_connect (self->selection, "items-changed", G_CALLBACK (on_selection_items_changed), self);
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (on_flap_reveal_changed),
                           self, 0);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  self->document = waymark_plan_document_new (NULL, NULL);
  g_signal_connect (self->document, "notify::plan", G_CALLBACK (on_document_plan), self);
  g_signal_connect (self->document, "notify::modified", G_CALLBACK (on_document_title), self);
  g_signal_connect (self->document, "notify::file", G_CALLBACK (on_document_title), self);
  on_document_plan (self->document, NULL, self);
  update_title (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent-plans", FALSE);

  rebuild_chips (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters", FALSE);
  update_back_button (self);
  update_results (self);
}

WaymarkWindow *
waymark_window_new (GtkApplication   *application,
                    WaymarkCatalogue *catalogue,
                    GSettings        *settings)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (WAYMARK_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "catalogue", catalogue,
                       NULL);
}

WaymarkCatalogue *
waymark_window_get_catalogue (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);
  return self->catalogue;
}

WaymarkComparison *
waymark_window_get_comparison (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);
  return self->comparison;
}

WaymarkComparison *
waymark_window_find_comparison (GtkWidget *widget)
{
  GtkWidget *window;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  window = gtk_widget_get_ancestor (widget, WAYMARK_TYPE_WINDOW);
  return window != NULL ? waymark_window_get_comparison (WAYMARK_WINDOW (window)) : NULL;
}

void
waymark_window_set_catalogue (WaymarkWindow    *self,
                              WaymarkCatalogue *catalogue)
{
  g_autofree char *selected_id = NULL;
  WaymarkIntervention *selected;

  g_return_if_fail (WAYMARK_IS_WINDOW (self));
  g_return_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue));

  if (self->catalogue == catalogue)
    return;

  /* Keep the selection across catalogues when the new one has the same intervention. */
  selected = waymark_window_get_selected (self);
  if (selected != NULL)
    selected_id = g_strdup (waymark_intervention_get_id (selected));
  else if (self->settings != NULL)
    selected_id = g_settings_get_string (self->settings, "selected-intervention");

  g_set_object (&self->catalogue, catalogue);
  waymark_plan_document_set_catalogue (self->document, catalogue);
  waymark_detail_pane_set_catalogue (self->detail_pane, catalogue);
  waymark_comparison_set_catalogue (self->comparison, catalogue);
  restore_comparison (self);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (catalogue));

  if (catalogue != NULL && selected_id != NULL && *selected_id != '\0')
    select_intervention (self, waymark_catalogue_lookup (catalogue, selected_id));

  update_results (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOGUE]);
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
waymark_window_get_parts (WaymarkWindow      *self,
                          WaymarkWindowParts *parts)
{
  g_return_if_fail (WAYMARK_IS_WINDOW (self));
  g_return_if_fail (parts != NULL);

  parts->search_entry = self->search_entry;
  parts->sort_dropdown = self->sort_dropdown;
  parts->chips_box = self->chips_box;
  parts->clear_filters_button = self->clear_filters_button;
  parts->count_label = self->count_label;
  parts->results_stack = self->results_stack;
  parts->list_view = self->list_view;
  parts->selection = self->selection;
  parts->selection_bar = self->selection_bar;
  parts->selection_label = self->selection_label;
  parts->empty_page = self->empty_page;
  parts->empty_clear_button = self->empty_clear_button;
  parts->evidence_map = self->evidence_map;
  parts->detail_pane = self->detail_pane;
  parts->filter_pane = self->filter_pane;
  parts->leaflet = self->leaflet;
  parts->flap = self->flap;
  parts->criteria = self->criteria;
  parts->view_stack = self->view_stack;
  parts->plan_stack_page = self->plan_stack_page;
  parts->plan_page = self->plan_page;
  parts->compare_stack_page = self->compare_stack_page;
  parts->compare_page = self->compare_page;
  parts->comparison = self->comparison;
  parts->header_bar = self->header_bar;
  parts->toast_overlay = self->toast_overlay;
}

WaymarkPlanDocument *
waymark_window_get_plan_document (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);
  return self->document;
}
