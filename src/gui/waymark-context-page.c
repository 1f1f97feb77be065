/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "waymark-context-page.h"
#include "waymark-enums.h"
#include "waymark-gui-a11y.h"

struct _WaymarkContextPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkScrolledWindow *scroller;
  GtkWidget         *content;
  GtkLabel          *lead_label;
  GtkFlowBox        *kinds_box;
  GtkBox            *groups_box;

  /* Owned */
  WaymarkCatalogue  *catalogue;
  GHashTable        *rows;         /* entry id → its GtkListBoxRow (borrowed from groups_box) */
  GHashTable        *sections;     /* GINT_TO_POINTER (kind) → its part of the page (borrowed) */
  char              *pending_id;   /* shown once the page is laid out */
  guint              pending_tick;
  guint              pending_frames;  /* how many frames it has taken so far */
  gboolean           built;        /* the rows are those of the catalogue */
  guint              zoom;
  GtkCssProvider    *zoom_provider;
};

G_DEFINE_FINAL_TYPE (WaymarkContextPage, waymark_context_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CATALOGUE,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
waymark_context_page_kind_heading (WaymarkContextKind kind)
{
  switch (kind)
    {
    case WAYMARK_CONTEXT_KIND_CONTEXT:
      return _("Scale of the Problem");
    case WAYMARK_CONTEXT_KIND_PROVIDER:
      return _("Commissioned Services");
    case WAYMARK_CONTEXT_KIND_FUNDING:
      return _("Funding Streams");
    case WAYMARK_CONTEXT_KIND_GAP:
      return _("Gaps in Provision");
    case WAYMARK_CONTEXT_KIND_STANDARD:
      return _("Provision Standards");
    case WAYMARK_CONTEXT_KIND_RECOMMENDATION:
      return _("Recommendations");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Building */

/* Text from the catalogue: always plain text, never markup. */
static GtkWidget *
add_label_with_role (GtkBox            *box,
                     const char        *text,
                     const char        *css_class,
                     GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", role,
                                   "label", text,
                                   "use-markup", FALSE,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  return label;
}

static GtkWidget *
add_label (GtkBox     *box,
           const char *text,
           const char *css_class)
{
  return add_label_with_role (box, text, css_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

/* The review's own words, which a commissioner quotes: they can be selected and copied, with
 * the mouse or the keyboard. A selectable label is a Tab stop, so an entry's questions are one
 * label, not one each: an entry's stops are its words, their heading and its links, in reading
 * order. */
static GtkWidget *
add_review_text (GtkBox     *box,
                 const char *text,
                 const char *css_class)
{
  GtkWidget *label = add_label (box, text, css_class);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "context-review-text");
  return label;
}

static GtkWidget *
add_heading (GtkBox     *box,
             const char *text,
             const char *css_class)
{
  return add_label_with_role (box, text, css_class, GTK_ACCESSIBLE_ROLE_HEADING);
}

/* A button that shows the intervention `id` on the Interventions page. */
static GtkWidget *
intervention_link_new (WaymarkIntervention *intervention)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", waymark_intervention_get_name (intervention),
                                   "use-markup", FALSE,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "hexpand", TRUE,
                                   NULL);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-intervention");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                    waymark_intervention_get_id (intervention));
  gtk_widget_set_tooltip_text (button, _("Show it on the Interventions page"));
  waymark_a11y_name_only_by_label (button, waymark_intervention_get_name (intervention));
  gtk_widget_add_css_class (button, "context-link");
  return button;
}

static GtkWidget *
row_new (GtkBox **box)
{
  GtkWidget *row = gtk_list_box_row_new ();

  *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  gtk_widget_add_css_class (GTK_WIDGET (*box), "context-entry");
  gtk_widget_set_margin_top (GTK_WIDGET (*box), 10);
  gtk_widget_set_margin_bottom (GTK_WIDGET (*box), 10);
  gtk_widget_set_margin_start (GTK_WIDGET (*box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (*box), 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), GTK_WIDGET (*box));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
entry_row_new (WaymarkContextPage        *self,
               const WaymarkContextEntry *entry)
{
  GtkBox *box;
  GtkWidget *row = row_new (&box);
  g_autoptr(GPtrArray) where = g_ptr_array_new ();
  g_autoptr(GPtrArray) links = g_ptr_array_new ();

  add_heading (box, entry->label, "heading");
  /* The review's words as written: never a figure reformatted. */
  if (entry->as_written != NULL)
    add_review_text (box, entry->as_written, "context-as-written");
  if (entry->purpose != NULL)
    {
      /* Translators: a funding stream's purpose and rules, as the review states them */
      g_autofree char *text = g_strdup_printf (_("Purpose: %s"), entry->purpose);
      add_review_text (box, text, NULL);
    }

  if (entry->period != NULL)
    g_ptr_array_add (where, entry->period);
  if (entry->geography != NULL)
    g_ptr_array_add (where, entry->geography);
  if (where->len > 0)
    {
      g_autofree char *text = NULL;

      g_ptr_array_add (where, NULL);
      text = g_strjoinv (" · ", (char **) where->pdata);
      add_label (box, text, "dim-label");
    }
  if (entry->section != NULL)
    {
      /* Translators: where a figure comes from; %s is the review's heading, as written */
      g_autofree char *text = g_strdup_printf (_("Review, section “%s”"), entry->section);
      gtk_widget_add_css_class (add_review_text (box, text, "dim-label"), "caption");
    }

  if (entry->questions != NULL && entry->questions[0] != NULL)
    {
      GString *lines = g_string_new (NULL);

      add_heading (box, _("Discussion questions"), "caption-heading");
      for (guint i = 0; entry->questions[i] != NULL; i++)
        g_string_append_printf (lines, "%s•  %s", i > 0 ? "\n" : "", entry->questions[i]);
      add_review_text (box, lines->str, NULL);
      g_string_free (lines, TRUE);
    }

  for (guint i = 0; entry->interventions != NULL && entry->interventions[i] != NULL; i++)
    {
      WaymarkIntervention *intervention = self->catalogue != NULL
        ? waymark_catalogue_lookup (self->catalogue, entry->interventions[i]) : NULL;

      if (intervention != NULL)
        g_ptr_array_add (links, intervention);
    }
  if (links->len > 0)
    {
      /* Side by side at a desk, one under another on a narrow window. */
      GtkWidget *links_box = g_object_new (GTK_TYPE_FLOW_BOX,
                                           "selection-mode", GTK_SELECTION_NONE,
                                           "column-spacing", 6,
                                           "row-spacing", 6,
                                           "min-children-per-line", 1,
                                           "max-children-per-line", 3,
                                           "margin-top", 2,
                                           NULL);

      const char *heading = ngettext ("Intervention that addresses it",
                                      "Interventions that address it", links->len);

      add_heading (box, heading, "caption-heading");
      gtk_accessible_update_property (GTK_ACCESSIBLE (links_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      heading, -1);
      for (guint i = 0; i < links->len; i++)
        {
          gtk_flow_box_append (GTK_FLOW_BOX (links_box), intervention_link_new (g_ptr_array_index (links, i)));
          /* One Tab stop, the button: not the flow box's child around it too. */
          gtk_widget_set_focusable (GTK_WIDGET (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (links_box), i)),
                                    FALSE);
        }
      gtk_box_append (box, links_box);
    }

  return row;
}

/* A list named as its heading reads: a screen reader says the name as it enters the list. */
static GtkListBox *
add_list (GtkBox     *box,
          const char *name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (box, list);
  return GTK_LIST_BOX (list);
}

static GtkBox *
add_section_box (WaymarkContextPage *self,
                 WaymarkContextKind  kind)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading;

  gtk_widget_set_margin_top (section, 18);
  gtk_box_append (self->groups_box, section);
  heading = add_heading (GTK_BOX (section), waymark_context_page_kind_heading (kind), "title-2");
  gtk_widget_add_css_class (heading, "context-kind-heading");
  g_hash_table_insert (self->sections, GINT_TO_POINTER (kind), section);
  return GTK_BOX (section);
}

/* The catalogue's providers and their services, each with its level of prevention. */
static void
build_providers (WaymarkContextPage *self,
                 GPtrArray          *entries)
{
  GPtrArray *providers = waymark_catalogue_get_providers (self->catalogue);
  g_autoptr(GHashTable) service_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkBox *section;

  if (providers == NULL || providers->len == 0)
    return;

  section = add_section_box (self, WAYMARK_CONTEXT_KIND_PROVIDER);
  for (guint i = 0; i < providers->len; i++)
    {
      const WaymarkProvider *provider = g_ptr_array_index (providers, i);
      GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkListBox *list;

      gtk_box_append (section, group);
      add_heading (GTK_BOX (group), provider->name, "title-4");
      list = add_list (GTK_BOX (group), provider->name);
      for (guint j = 0; j < provider->services->len; j++)
        {
          const WaymarkProviderService *service = g_ptr_array_index (provider->services, j);
          GtkBox *box;
          GtkWidget *row = row_new (&box);
          g_autofree char *level = NULL;

          add_heading (box, service->name, "heading");
          /* Translators: a provider's service; %s is "Primary", "Secondary" or "Tertiary" */
          level = g_strdup_printf (_("Level of prevention: %s"), waymark_level_get_label (service->level));
          add_label (box, level, "dim-label");
          if (service->description != NULL)
            add_review_text (box, service->description, NULL);
          gtk_list_box_append (list, row);
          g_hash_table_insert (service_rows,
                               g_strconcat (provider->name, "\n", service->name, NULL), row);
        }
      for (guint j = 0; provider->notes != NULL && provider->notes[j] != NULL; j++)
        gtk_widget_add_css_class (add_label (GTK_BOX (group), provider->notes[j], "dim-label"),
                                  "caption");
    }

  /* The catalogue's provider entries are these services: their ids lead to the same rows. */
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const WaymarkContextEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *key = NULL;
      GtkWidget *row;

      if (entry->kind != WAYMARK_CONTEXT_KIND_PROVIDER || entry->topic == NULL)
        continue;
      key = g_strconcat (entry->topic, "\n", entry->label, NULL);
      row = g_hash_table_lookup (service_rows, key);
      if (row != NULL)
        g_hash_table_insert (self->rows, g_strdup (entry->id), row);
    }
}

/* One kind's entries, under their topics in the order the review first gives each. */
static void
build_kind (WaymarkContextPage *self,
            GPtrArray          *entries,
            WaymarkContextKind  kind)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new ();
  g_autoptr(GHashTable) lists = g_hash_table_new (g_str_hash, g_str_equal);
  GtkBox *section = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      const WaymarkContextEntry *entry = g_ptr_array_index (entries, i);
      const char *topic = entry->topic != NULL ? entry->topic : "";

      if (entry->kind == kind && !g_hash_table_contains (lists, topic))
        {
          g_ptr_array_add (topics, (gpointer) topic);
          g_hash_table_insert (lists, (gpointer) topic, NULL);
        }
    }
  if (topics->len == 0)
    return;

  section = add_section_box (self, kind);
  for (guint t = 0; t < topics->len; t++)
    {
      const char *topic = g_ptr_array_index (topics, t);
      GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkListBox *list;

      gtk_box_append (section, group);
      /* A topic that only repeats its kind's heading is not said twice. */
      if (*topic != '\0' &&
          g_utf8_collate (topic, waymark_context_page_kind_heading (kind)) != 0)
        add_heading (GTK_BOX (group), topic, "title-4");
      list = add_list (GTK_BOX (group), *topic != '\0' ? topic : waymark_context_page_kind_heading (kind));

      for (guint i = 0; i < entries->len; i++)
        {
          const WaymarkContextEntry *entry = g_ptr_array_index (entries, i);
          GtkWidget *row;

          if (entry->kind != kind || g_strcmp0 (entry->topic != NULL ? entry->topic : "", topic) != 0)
            continue;
          row = entry_row_new (self, entry);
          gtk_list_box_append (list, row);
          g_hash_table_insert (self->rows, g_strdup (entry->id), row);
        }
    }
}

/* Scrolls `widget` (laid out) to the top of the page; FALSE when it has no place there yet.
 * `moved` says whether it was somewhere else. */
static gboolean
scroll_to (WaymarkContextPage *self,
           GtkWidget          *widget,
           gboolean           *moved)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t point;
  double target;

  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_height (widget) == 0 ||
      gtk_adjustment_get_upper (adjustment) <= 0 ||
      !gtk_widget_compute_point (widget, gtk_widget_get_first_child (viewport),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;
  target = CLAMP (point.y - 12, 0, MAX (0, gtk_adjustment_get_upper (adjustment) -
                                           gtk_adjustment_get_page_size (adjustment)));
  if (moved != NULL)
    *moved = ABS (gtk_adjustment_get_value (adjustment) - target) > 0.5;
  gtk_adjustment_set_value (adjustment, target);
  return TRUE;
}

static GtkWidget *
first_row (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = first_row (child);

      if (row != NULL)
        return row;
    }
  return NULL;
}

/* "Go to": the kind's heading at the top, the keyboard on its first entry. */
static void
on_kind_clicked (GtkButton          *button,
                 WaymarkContextPage *self)
{
  WaymarkContextKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind"));
  GtkWidget *section = g_hash_table_lookup (self->sections, GINT_TO_POINTER (kind));
  GtkWidget *row = section != NULL ? first_row (section) : NULL;

  if (section == NULL)
    return;
  /* The focus first: the viewport scrolls to it, then the heading goes to the top. */
  if (row != NULL)
    gtk_widget_grab_focus (row);
  scroll_to (self, section, NULL);
}

static void
add_kind_button (WaymarkContextPage *self,
                 WaymarkContextKind  kind)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *child;

  /* Two to a line on a narrow window, the longer names wrapping. */
  gtk_button_set_child (GTK_BUTTON (button),
                        g_object_new (GTK_TYPE_LABEL,
                                      "label", waymark_context_page_kind_heading (kind),
                                      "wrap", TRUE,
                                      "justify", GTK_JUSTIFY_CENTER,
                                      NULL));

  g_object_set_data (G_OBJECT (button), "kind", GINT_TO_POINTER (kind));
  g_signal_connect (button, "clicked", G_CALLBACK (on_kind_clicked), self);
  waymark_a11y_name_only_by_label (button, waymark_context_page_kind_heading (kind));
  gtk_flow_box_append (self->kinds_box, button);
  /* One Tab stop, the button: not the flow box's child around it too. */
  child = gtk_widget_get_parent (button);
  gtk_widget_set_focusable (child, FALSE);
}

/* The order of the page: the local picture and the providers (the review's local context),
 * then every other kind in the order the review first gives one. */
static void
kinds_in_order (GPtrArray          *entries,
                WaymarkContextKind *order,
                guint              *n_order)
{
  gboolean seen[WAYMARK_CONTEXT_N_KINDS] = { FALSE, };

  *n_order = 0;
  order[(*n_order)++] = WAYMARK_CONTEXT_KIND_CONTEXT;
  order[(*n_order)++] = WAYMARK_CONTEXT_KIND_PROVIDER;
  seen[WAYMARK_CONTEXT_KIND_CONTEXT] = seen[WAYMARK_CONTEXT_KIND_PROVIDER] = TRUE;
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const WaymarkContextEntry *entry = g_ptr_array_index (entries, i);

      if (entry->kind < WAYMARK_CONTEXT_N_KINDS && !seen[entry->kind])
        {
          seen[entry->kind] = TRUE;
          order[(*n_order)++] = entry->kind;
        }
    }
}

static void
clear (WaymarkContextPage *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->rows);
  g_hash_table_remove_all (self->sections);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->kinds_box))) != NULL)
    gtk_flow_box_remove (self->kinds_box, child);
}

static void
build (WaymarkContextPage *self)
{
  GPtrArray *entries;
  WaymarkContextKind order[WAYMARK_CONTEXT_N_KINDS];
  guint n_order;
  const char *area;
  g_autofree char *lead = NULL;

  if (self->built)
    return;
  self->built = TRUE;
  clear (self);

  entries = self->catalogue != NULL ? waymark_catalogue_get_context (self->catalogue) : NULL;
  kinds_in_order (entries, order, &n_order);
  for (guint k = 0; k < n_order; k++)
    {
      if (order[k] == WAYMARK_CONTEXT_KIND_PROVIDER)
        build_providers (self, entries);
      else if (entries != NULL)
        build_kind (self, entries, order[k]);
      if (g_hash_table_contains (self->sections, GINT_TO_POINTER (order[k])))
        add_kind_button (self, order[k]);
    }

  area = self->catalogue != NULL ? waymark_catalogue_get_area (self->catalogue) : NULL;
  /* Translators: %s is the area the review is for, "Leicester, Leicestershire and Rutland" */
  lead = g_strdup_printf (_("What the review says about %s beyond its interventions: the need, "
                            "the services commissioned, the funding, the gaps in provision, the "
                            "standards and its recommendations. Figures are the review’s words, "
                            "as written, with the section they are under."),
                          area != NULL ? area : _("the area"));
  gtk_label_set_label (self->lead_label, lead);

  gtk_stack_set_visible_child_name (self->stack,
                                    g_hash_table_size (self->sections) > 0 ? "context" : "empty");
}

/* Showing an entry */

static gboolean
show_pending (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  WaymarkContextPage *self = WAYMARK_CONTEXT_PAGE (widget);
  GtkWidget *row = self->pending_id != NULL ? g_hash_table_lookup (self->rows, self->pending_id) : NULL;
  gboolean moved = FALSE;

  if (row == NULL)
    {
      self->pending_tick = 0;
      g_clear_pointer (&self->pending_id, g_free);
      return G_SOURCE_REMOVE;
    }
  /* Until the row is laid out in the page that shows it, with the focus, at the top, and stays
   * there for a frame: the rows above it are still taking their height as their text wraps in
   * the first frames, and the viewport scrolls to the focus as it arrives. */
  if (!gtk_widget_has_focus (row))
    gtk_widget_grab_focus (row);
  /* The first of its topic comes with the topic's heading. */
  if (!scroll_to (self, gtk_widget_get_prev_sibling (row) == NULL ? gtk_widget_get_parent (gtk_widget_get_parent (row)) : row,
                  &moved))
    return G_SOURCE_CONTINUE;
  if (moved && ++self->pending_frames < 60)
    return G_SOURCE_CONTINUE;
  self->pending_tick = 0;
  g_clear_pointer (&self->pending_id, g_free);
  return G_SOURCE_REMOVE;
}

gboolean
waymark_context_page_show_entry (WaymarkContextPage *self,
                                 const char         *id)
{
  g_return_val_if_fail (WAYMARK_IS_CONTEXT_PAGE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  build (self);
  if (!g_hash_table_contains (self->rows, id))
    return FALSE;

  g_free (self->pending_id);
  self->pending_id = g_strdup (id);
  self->pending_frames = 0;
  if (self->pending_tick == 0)
    self->pending_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), show_pending, NULL, NULL);
  return TRUE;
}

GtkWidget *
waymark_context_page_get_entry_row (WaymarkContextPage *self,
                                    const char         *id)
{
  g_return_val_if_fail (WAYMARK_IS_CONTEXT_PAGE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  build (self);
  return g_hash_table_lookup (self->rows, id);
}

GtkScrolledWindow *
waymark_context_page_get_scroller (WaymarkContextPage *self)
{
  g_return_val_if_fail (WAYMARK_IS_CONTEXT_PAGE (self), NULL);
  return self->scroller;
}

/* GtkWidget */

/* Built the first time it is shown: a start-up needs only its tab. */
static void
waymark_context_page_map (GtkWidget *widget)
{
  build (WAYMARK_CONTEXT_PAGE (widget));
  GTK_WIDGET_CLASS (waymark_context_page_parent_class)->map (widget);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WaymarkContextPage *self = WAYMARK_CONTEXT_PAGE (widget);

  if (g_str_equal (action_name, "context.zoom-in"))
    waymark_context_page_set_zoom (self, MIN (self->zoom + WAYMARK_CONTEXT_PAGE_ZOOM_STEP,
                                              WAYMARK_CONTEXT_PAGE_ZOOM_MAX));
  else if (g_str_equal (action_name, "context.zoom-out"))
    waymark_context_page_set_zoom (self, MAX (self->zoom - WAYMARK_CONTEXT_PAGE_ZOOM_STEP,
                                              WAYMARK_CONTEXT_PAGE_ZOOM_MIN));
  else
    waymark_context_page_set_zoom (self, 100);
}

static void
update_zoom_actions (WaymarkContextPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "context.zoom-in",
                                 self->zoom < WAYMARK_CONTEXT_PAGE_ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "context.zoom-out",
                                 self->zoom > WAYMARK_CONTEXT_PAGE_ZOOM_MIN);
}

/* GObject */

static void
waymark_context_page_dispose (GObject *object)
{
  WaymarkContextPage *self = WAYMARK_CONTEXT_PAGE (object);

  if (self->pending_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_tick);
  self->pending_tick = 0;
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->sections, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_CONTEXT_PAGE);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->zoom_provider);

  G_OBJECT_CLASS (waymark_context_page_parent_class)->dispose (object);
}

static void
waymark_context_page_finalize (GObject *object)
{
  WaymarkContextPage *self = WAYMARK_CONTEXT_PAGE (object);

  g_free (self->pending_id);

  G_OBJECT_CLASS (waymark_context_page_parent_class)->finalize (object);
}

static void
waymark_context_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WaymarkContextPage *self = WAYMARK_CONTEXT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      g_value_set_object (value, self->catalogue);
      break;
    case PROP_ZOOM:
      g_value_set_uint (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_context_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  WaymarkContextPage *self = WAYMARK_CONTEXT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      waymark_context_page_set_catalogue (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      waymark_context_page_set_zoom (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_context_page_class_init (WaymarkContextPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_context_page_dispose;
  object_class->finalize = waymark_context_page_finalize;
  object_class->get_property = waymark_context_page_get_property;
  object_class->set_property = waymark_context_page_set_property;

  properties[PROP_CATALOGUE] =
    g_param_spec_object ("catalogue", NULL, NULL, WAYMARK_TYPE_CATALOGUE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_uint ("zoom", NULL, NULL,
                       WAYMARK_CONTEXT_PAGE_ZOOM_MIN, WAYMARK_CONTEXT_PAGE_ZOOM_MAX, 100,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-context-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkContextPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WaymarkContextPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WaymarkContextPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, WaymarkContextPage, content);
  gtk_widget_class_bind_template_child (widget_class, WaymarkContextPage, lead_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkContextPage, kinds_box);
  gtk_widget_class_bind_template_child (widget_class, WaymarkContextPage, groups_box);

  gtk_widget_class_install_action (widget_class, "context.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "context.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "context.zoom-reset", NULL, zoom_action);

  widget_class->map = waymark_context_page_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "contextpage");
}

static void
waymark_context_page_init (WaymarkContextPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  waymark_a11y_name_status_pages (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sections = g_hash_table_new (NULL, NULL);
  self->zoom = 100;
  /* Text scales from the page down: every font size under it is relative. */
  self->zoom_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->zoom_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  update_zoom_actions (self);
}

GtkWidget *
waymark_context_page_new (void)
{
  return g_object_new (WAYMARK_TYPE_CONTEXT_PAGE, NULL);
}

WaymarkCatalogue *
waymark_context_page_get_catalogue (WaymarkContextPage *self)
{
  g_return_val_if_fail (WAYMARK_IS_CONTEXT_PAGE (self), NULL);
  return self->catalogue;
}

void
waymark_context_page_set_catalogue (WaymarkContextPage *self,
                                    WaymarkCatalogue   *catalogue)
{
  g_return_if_fail (WAYMARK_IS_CONTEXT_PAGE (self));
  g_return_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue));

  if (!g_set_object (&self->catalogue, catalogue))
    return;

  self->built = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    build (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOGUE]);
}

guint
waymark_context_page_get_zoom (WaymarkContextPage *self)
{
  g_return_val_if_fail (WAYMARK_IS_CONTEXT_PAGE (self), 100);
  return self->zoom;
}

void
waymark_context_page_set_zoom (WaymarkContextPage *self,
                               guint               zoom)
{
  g_autofree char *css = NULL;

  g_return_if_fail (WAYMARK_IS_CONTEXT_PAGE (self));

  zoom = CLAMP (zoom, WAYMARK_CONTEXT_PAGE_ZOOM_MIN, WAYMARK_CONTEXT_PAGE_ZOOM_MAX);
  if (self->zoom == zoom)
    return;
  self->zoom = zoom;
  /* Icons grow with the text, as on the Compare page. */
  css = g_strdup_printf ("contextpage { font-size: %u%%; -gtk-icon-size: %upx; }", zoom,
                         16 * zoom / 100);
  gtk_css_provider_load_from_data (self->zoom_provider, css, -1);
  update_zoom_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}
