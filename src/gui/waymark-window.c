/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "waymark-help-window.h"
#include "waymark-intervention-row.h"
#include "waymark-money.h"
#include "waymark-window-internal.h"
#include "waymark-window-private.h"
#include "waymark-gui-format.h"

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

/* The sort keys the drop-down offers, position by position; the review's order is the CLI's. */
static const WaymarkSortKey sort_keys_offered[] = {
  WAYMARK_SORT_NAME, WAYMARK_SORT_LEVEL, WAYMARK_SORT_EVIDENCE, WAYMARK_SORT_IMPACT, WAYMARK_SORT_COST,
};

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
  WaymarkSortKey key = sort_key_at (gtk_drop_down_get_selected (self->sort_dropdown));

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

/* Before the window hides or switches away from a part of itself */

void
waymark_window_close_popovers (WaymarkWindow *self)
{
  GtkWidget *closed = NULL;

  /* Closing one gives the focus back to what opened it, which may be in another popover. */
  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
      GtkWidget *popover = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) : NULL;

      if (popover == NULL || popover == closed)
        return;
      gtk_popover_popdown (GTK_POPOVER (popover));
      closed = popover;
    }
}

void
waymark_window_show_page (WaymarkWindow *self,
                          const char    *name)
{
  waymark_window_close_popovers (self);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
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

/* What one chip shows: a value of a filter. */
typedef struct
{
  const char *property;
  guint       bit;    /* of a set; 0 for any other filter */
  char       *label;
} ChipSpec;

static void
chip_spec_clear (gpointer data)
{
  g_free (((ChipSpec *) data)->label);
}

static void
add_spec (GArray     *specs,
          const char *property,
          guint       bit,
          char       *label)
{
  ChipSpec spec = { property, bit, label };

  g_array_append_val (specs, spec);
}

/* One chip per value of a set, from the table of the property's flags type. */
static void
add_set_specs (GArray          *specs,
               WaymarkCriteria *criteria,
               const char      *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (criteria), property);
  guint bits = 0;
  guint n;
  const WaymarkChoice *choices = waymark_choices_for_type (G_PARAM_SPEC_VALUE_TYPE (pspec), &n);

  g_object_get (criteria, property, &bits, NULL);
  for (guint i = 0; i < n; i++)
    if ((bits & choices[i].value) != 0)
      add_spec (specs, property, choices[i].value, g_strdup (waymark_choice_get_label (&choices[i])));
}

/* The chips the criteria call for, in the order they are shown. */
static GArray *
chip_specs_new (WaymarkCriteria *c)
{
  GArray *specs = g_array_new (FALSE, FALSE, sizeof (ChipSpec));
  WaymarkRating rating;
  const char *search;
  gint64 max_cost;

  g_array_set_clear_func (specs, chip_spec_clear);

  search = waymark_criteria_get_search (c);
  if (search != NULL)
    {
      /* Translators: a filter chip for the search words */
      add_spec (specs, "search", 0, g_strdup_printf (_("Search: “%s”"), search));
    }

  add_set_specs (specs, c, "levels");
  add_set_specs (specs, c, "focus");
  add_set_specs (specs, c, "works-with");
  add_set_specs (specs, c, "age-groups");

  rating = waymark_criteria_get_min_evidence (c);
  if (rating != WAYMARK_RATING_NONE)
    {
      /* Translators: a filter chip; %s is a rating such as "Moderate" */
      char *label = g_strdup_printf (_("Evidence: at least %s"), waymark_rating_get_label (rating));
      add_spec (specs, "min-evidence", 0, label);
    }
  rating = waymark_criteria_get_min_impact (c);
  if (rating != WAYMARK_RATING_NONE)
    {
      /* Translators: a filter chip; %s is a rating such as "High" */
      char *label = g_strdup_printf (_("Impact: at least %s"), waymark_rating_get_label (rating));
      add_spec (specs, "min-impact", 0, label);
    }

  add_set_specs (specs, c, "llr-status");

  if (waymark_criteria_get_cost_published (c))
    add_spec (specs, "cost-published", 0, g_strdup (_("Published cost only")));
  max_cost = waymark_criteria_get_max_cost (c);
  if (max_cost > 0)
    {
      g_autofree char *amount = waymark_money_format (max_cost, WAYMARK_CURRENCY_GBP);
      /* Translators: a filter chip; %s is an amount such as "£2,500" */
      add_spec (specs, "max-cost", 0, g_strdup_printf (_("Costs up to %s"), amount));
    }

  return specs;
}

static void
set_chip_label (GtkWidget  *button,
                const char *label)
{
  GtkWidget *text = g_object_get_data (G_OBJECT (button), "text");
  /* Translators: what a screen reader says for a filter chip: "Remove filter: Perpetrators" */
  g_autofree char *a11y = g_strdup_printf (_("Remove filter: %s"), label);

  gtk_label_set_label (GTK_LABEL (text), label);
  gtk_widget_set_tooltip_text (button, a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static GtkWidget *
chip_new (WaymarkWindow  *self,
          const ChipSpec *spec)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("window-close-symbolic");
  GtkWidget *child = gtk_flow_box_child_new ();

  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 28);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "filter-chip");
  g_object_set_data (G_OBJECT (button), "text", text);
  set_chip_label (button, spec->label);
  /* Static strings: the criteria's property names. */
  g_object_set_data (G_OBJECT (button), "property", (gpointer) spec->property);
  g_object_set_data (G_OBJECT (button), "bit", GUINT_TO_POINTER (spec->bit));
  g_signal_connect (button, "clicked", G_CALLBACK (on_chip_clicked), self);

  /* The flow box lines its children up in columns; a chip keeps its own width. */
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), button);
  return child;
}

static gboolean
chip_is (GtkWidget      *child,
         const ChipSpec *spec)
{
  GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

  return g_strcmp0 (g_object_get_data (G_OBJECT (button), "property"), spec->property) == 0 &&
         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bit")) == spec->bit;
}

/* The chips follow the criteria: a chip whose value is still filtered stays (its label updated
 * in place, as the search chip's is while typing), the others go, new ones are put in their
 * place. Typing in the search leaves every other chip as it is. */
static void
sync_chips (WaymarkWindow *self)
{
  g_autoptr(GArray) specs = chip_specs_new (self->criteria);
  GtkWidget *child;
  GtkWidget *next;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box)); child != NULL; child = next)
    {
      gboolean wanted = FALSE;

      next = gtk_widget_get_next_sibling (child);
      for (guint i = 0; i < specs->len && !wanted; i++)
        wanted = chip_is (child, &g_array_index (specs, ChipSpec, i));
      if (!wanted)
        gtk_flow_box_remove (self->chips_box, child);
    }

  /* What is left is in order; each missing chip goes in where it belongs. */
  for (guint i = 0; i < specs->len; i++)
    {
      ChipSpec *spec = &g_array_index (specs, ChipSpec, i);
      GtkFlowBoxChild *at = gtk_flow_box_get_child_at_index (self->chips_box, i);

      if (at != NULL && chip_is (GTK_WIDGET (at), spec))
        {
          GtkWidget *button = gtk_flow_box_child_get_child (at);
          GtkWidget *text = g_object_get_data (G_OBJECT (button), "text");

          if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (text)), spec->label) != 0)
            set_chip_label (button, spec->label);
        }
      else
        gtk_flow_box_insert (self->chips_box, chip_new (self, spec), i);
    }

  gtk_revealer_set_reveal_child (self->chips_revealer, !waymark_criteria_is_empty (self->criteria));
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
  sync_chips (self);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-selected", items->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-selected-to-plan", items->len > 0);
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

WaymarkIntervention *
waymark_window_lookup (WaymarkWindow *self,
                       const char    *id)
{
  return self->catalogue != NULL ? waymark_catalogue_lookup (self->catalogue, id) : NULL;
}

void
waymark_window_add_toast (WaymarkWindow *self,
                          AdwToast      *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Opening another catalogue */

void
waymark_window_show_error (WaymarkWindow *self,
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
      waymark_window_show_error (self, _("Could Not Open Catalogue"), error->message);
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
    adw_toast_overlay_add_toast (self->toast_overlay, waymark_toast_new_for_text (message));
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
  WaymarkIntervention *item = waymark_window_lookup (self, g_variant_get_string (parameter, NULL));

  if (item != NULL)
    show_intervention (self, item);
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
on_view_stack_changed (AdwViewStack  *stack,
                       GParamSpec    *pspec,
                       WaymarkWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (stack);
  gboolean browsing = g_strcmp0 (page, "interventions") == 0;
  gboolean comparing = g_strcmp0 (page, "compare") == 0;

  if (g_strcmp0 (page, "plan") == 0)
    waymark_window_ensure_plan_page (self);

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

/* The sort key by its id, the drop-down by its position: neither is the enum's number. */
static gboolean
sort_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const WaymarkChoice *key = waymark_choice_lookup_id (WAYMARK_TYPE_SORT_KEY,
                                                       g_variant_get_string (variant, NULL));

  g_value_set_uint (value, sort_key_position (key != NULL ? key->value : WAYMARK_SORT_NAME));
  return TRUE;
}

static GVariant *
sort_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  WaymarkSortKey key = sort_key_at (g_value_get_uint (value));

  return g_variant_new_string (waymark_choice_lookup (WAYMARK_TYPE_SORT_KEY, key)->id);
}

/* A minimum rating by the id of its row in the minimums' table; a range is stored as its floor. */
static gboolean
minimum_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  const char *id = g_variant_get_string (variant, NULL);
  guint n;
  const WaymarkChoice *minimums = waymark_criteria_get_minimum_choices (&n);

  g_value_set_enum (value, WAYMARK_RATING_NONE);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (minimums[i].id, id))
      g_value_set_enum (value, minimums[i].value);
  return TRUE;
}

static GVariant *
minimum_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  WaymarkRating floor = waymark_rating_get_floor (g_value_get_enum (value));
  guint n;
  const WaymarkChoice *minimums = waymark_criteria_get_minimum_choices (&n);

  for (guint i = 0; i < n; i++)
    if (minimums[i].value == floor)
      return g_variant_new_string (minimums[i].id);
  return g_variant_new_string (minimums[0].id);
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

/* The filters change with every keystroke in the search: they are written to the settings when
 * the main loop is idle, all at once, through a delayed GSettings of their own; and at the latest
 * when the window closes or goes. */
static void
write_filter_settings (WaymarkWindow *self)
{
  g_clear_handle_id (&self->filter_settings_idle, g_source_remove);
  if (self->filter_settings != NULL && g_settings_get_has_unapplied (self->filter_settings))
    g_settings_apply (self->filter_settings);
}

static void
on_filter_settings_idle (gpointer user_data)
{
  WaymarkWindow *self = user_data;

  self->filter_settings_idle = 0;
  write_filter_settings (self);
}

static void
on_filter_settings_unapplied (GSettings     *settings,
                              GParamSpec    *pspec,
                              WaymarkWindow *self)
{
  if (g_settings_get_has_unapplied (settings) && self->filter_settings_idle == 0)
    self->filter_settings_idle = g_idle_add_once (on_filter_settings_idle, self);
}

static GSettings *
filter_settings_new (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autofree char *path = NULL;
  GSettings *delayed;

  g_object_get (settings, "settings-schema", &schema, "backend", &backend, "path", &path, NULL);
  delayed = g_settings_new_full (schema, backend, path);
  g_settings_delay (delayed);
  return delayed;
}

static void
bind_settings (WaymarkWindow *self)
{
  GSettings *s = self->settings;
  GSettings *fs;
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

  /* Sets of flags are stored as their ids (the nicks), which GSettings maps by itself. */
  self->filter_settings = fs = filter_settings_new (s);
  g_signal_connect_object (fs, "notify::has-unapplied", G_CALLBACK (on_filter_settings_unapplied),
                           self, 0);
  g_settings_bind_with_mapping (fs, "filter-search", c, "search", flags,
                                search_get_mapping, search_set_mapping, NULL, NULL);
  g_settings_bind (fs, "filter-levels", c, "levels", flags);
  g_settings_bind (fs, "filter-focus", c, "focus", flags);
  g_settings_bind (fs, "filter-works-with", c, "works-with", flags);
  g_settings_bind_with_mapping (fs, "filter-min-evidence", c, "min-evidence", flags,
                                minimum_get_mapping, minimum_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (fs, "filter-min-impact", c, "min-impact", flags,
                                minimum_get_mapping, minimum_set_mapping, NULL, NULL);
  g_settings_bind (fs, "filter-llr-status", c, "llr-status", flags);
  g_settings_bind (fs, "filter-cost-published", c, "cost-published", flags);
  g_settings_bind (fs, "filter-max-cost", c, "max-cost", flags);
  g_settings_bind (fs, "filter-age-groups", c, "age-groups", flags);

  if (self->catalogue != NULL && *selected != '\0')
    select_intervention (self, waymark_catalogue_lookup (self->catalogue, selected));
}

/* GObject */

static void
on_close_confirmed (WaymarkWindow *self,
                    gboolean       go_on,
                    gpointer       user_data)
{
  if (!go_on)
    return;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
waymark_window_close_request (GtkWindow *window)
{
  WaymarkWindow *self = WAYMARK_WINDOW (window);
  int width, height;

  /* Unsaved changes are asked about first; the answer closes the window again. */
  if (!self->close_confirmed && waymark_plan_document_get_modified (self->document))
    {
      waymark_window_confirm_unsaved (self, on_close_confirmed, NULL, NULL);
      return TRUE;
    }

  /* A clean close: nothing to recover next time. */
  waymark_plan_document_discard_recovery (self->document);
  write_filter_settings (self);

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

  waymark_window_compare_constructed (self);
  waymark_window_plan_constructed (self);
}

static void
waymark_window_dispose (GObject *object)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  g_cancellable_cancel (self->cancellable);

  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  g_clear_object (&self->plan_signals);
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
  /* What is still waiting for an idle moment is written now, never lost. */
  write_filter_settings (self);
  g_clear_object (&self->filter_settings);
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
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, plan_bin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, primary_menu);
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
  gtk_widget_class_install_action (widget_class, "win.select-none", NULL, select_none_action);
  waymark_window_plan_class_init (widget_class);
  waymark_window_compare_class_init (widget_class);
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_property_action (widget_class, "win.show-filters", "show-filters");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-catalogue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-filters", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.help", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.select-none", NULL);
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

/* The main menu's popover is built the first time it opens: a start-up needs only the button. */
static void
create_main_menu (GtkMenuButton *button,
                  gpointer       user_data)
{
  WaymarkWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* The list's rows: made in code, since a builder factory parses its XML for every row. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           WaymarkWindow            *self)
{
  GtkWidget *row = waymark_intervention_row_new ();

  waymark_intervention_row_set_comparison (WAYMARK_INTERVENTION_ROW (row), self->comparison);
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

static void
waymark_window_init (WaymarkWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GListModel) sort_keys = NULL;

  self->view = g_strdup ("list");
  self->cancellable = g_cancellable_new ();

  self->comparison = waymark_comparison_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* State is handed down: the panes, the map's chips and the list's rows are given the
   * comparison, never look for it. */
  waymark_detail_pane_set_comparison (self->detail_pane, self->comparison);
  waymark_evidence_map_set_comparison (self->evidence_map, self->comparison);

  waymark_window_compare_init (self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  gtk_menu_button_set_create_popup_func (self->menu_button, create_main_menu, self, NULL);

  /* The sort keys from their table, before the settings choose one. */
  sort_keys = sort_keys_model_new ();
  gtk_drop_down_set_model (self->sort_dropdown, sort_keys);

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

  waymark_window_plan_init (self);

  sync_chips (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters", FALSE);
  update_back_button (self);
  update_results (self);
  update_selection (self);
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
  waymark_window_restore_comparison (self);
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
  parts->plan_page = waymark_window_ensure_plan_page (self);
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
