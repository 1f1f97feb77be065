/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-evidence-map.h"
#include "waymark-map-chip.h"

#define N_POINTS 3  /* low, moderate, high */

struct _WaymarkEvidenceMap
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkGrid    *grid;
  GtkFlowBox *unrated_box;
  GtkWidget  *unrated_group;

  /* Borrowed: children of grid; [evidence][impact], both 0 = low */
  GtkFlowBox *cells[N_POINTS][N_POINTS];

  /* Owned */
  GListModel          *model;
  GSignalGroup        *model_signals;
  WaymarkIntervention *selected;
  WaymarkComparison   *comparison;  /* handed to every chip */

  /* The chips are built when the map is shown, not on every keystroke of a search. */
  gboolean             dirty;
};

G_DEFINE_FINAL_TYPE (WaymarkEvidenceMap, waymark_evidence_map, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED,
  PROP_COMPARISON,
  N_PROPS
};

enum {
  INTERVENTION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* LOW -> 0, LOW_MODERATE -> 0 (its low end), MODERATE -> 1, HIGH -> 2 */
static int
point_index (WaymarkRating rating)
{
  switch (waymark_rating_get_floor (rating))
    {
    case WAYMARK_RATING_LOW:
      return 0;
    case WAYMARK_RATING_MODERATE:
      return 1;
    case WAYMARK_RATING_HIGH:
      return 2;
    default:
      return -1;
    }
}

static const char *
point_label (int index,
             gboolean evidence)
{
  static const char *evidence_labels[N_POINTS] = {
    N_("Low evidence"), N_("Moderate evidence"), N_("High evidence"),
  };
  static const char *impact_labels[N_POINTS] = {
    N_("Low impact"), N_("Moderate impact"), N_("High impact"),
  };

  return gettext (evidence ? evidence_labels[index] : impact_labels[index]);
}

static void
clear_box (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

static void
sync_selection (WaymarkEvidenceMap *self,
                GtkFlowBox         *box)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      WaymarkMapChip *chip = WAYMARK_MAP_CHIP (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)));

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip),
                                    waymark_map_chip_get_intervention (chip) == self->selected);
    }
}

static void
sync_all_selection (WaymarkEvidenceMap *self)
{
  for (guint e = 0; e < N_POINTS; e++)
    for (guint i = 0; i < N_POINTS; i++)
      sync_selection (self, self->cells[e][i]);
  sync_selection (self, self->unrated_box);
}

static void
on_chip_clicked (WaymarkMapChip     *chip,
                 WaymarkEvidenceMap *self)
{
  g_signal_emit (self, signals[INTERVENTION_ACTIVATED], 0, waymark_map_chip_get_intervention (chip));
  /* A click toggles the chip; the selection, not the click, decides what is shown pressed. */
  sync_all_selection (self);
}

static void
add_chip (WaymarkEvidenceMap  *self,
          GtkFlowBox          *box,
          WaymarkIntervention *item)
{
  GtkWidget *chip = waymark_map_chip_new (item, self->comparison);
  GtkWidget *child = gtk_flow_box_child_new ();

  /* Focus goes to the chip, not to the flow box’s wrapper around it; a lone chip keeps its
   * own height in a tall cell. */
  gtk_widget_set_valign (child, GTK_ALIGN_START);
  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), chip);
  g_signal_connect (chip, "clicked", G_CALLBACK (on_chip_clicked), self);
  gtk_flow_box_append (box, child);
}

static void
rebuild (WaymarkEvidenceMap *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  guint n_unrated = 0;

  self->dirty = FALSE;

  for (guint e = 0; e < N_POINTS; e++)
    for (guint i = 0; i < N_POINTS; i++)
      clear_box (self->cells[e][i]);
  clear_box (self->unrated_box);

  for (guint pos = 0; pos < n; pos++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (self->model, pos);
      int e = point_index (waymark_intervention_get_evidence_rating (item));
      int i = point_index (waymark_intervention_get_impact_rating (item));

      if (e < 0 || i < 0)
        {
          add_chip (self, self->unrated_box, item);
          n_unrated++;
        }
      else
        add_chip (self, self->cells[e][i], item);
    }

  gtk_widget_set_visible (self->unrated_group, n_unrated > 0);
  sync_all_selection (self);
}

static void
ensure_built (WaymarkEvidenceMap *self)
{
  if (self->dirty)
    rebuild (self);
}

static void
invalidate (WaymarkEvidenceMap *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}

static void
on_items_changed (GListModel         *model,
                  guint               position,
                  guint               removed,
                  guint               added,
                  WaymarkEvidenceMap *self)
{
  invalidate (self);
}

static void
waymark_evidence_map_map (GtkWidget *widget)
{
  ensure_built (WAYMARK_EVIDENCE_MAP (widget));

  GTK_WIDGET_CLASS (waymark_evidence_map_parent_class)->map (widget);
}

static void
build_grid (WaymarkEvidenceMap *self)
{
  /* Column headers on top; above each row of cells, the row's header across the width: that
   * keeps the three columns the same width and reads well when narrow. */
  for (int i = 0; i < N_POINTS; i++)
    {
      GtkWidget *label = gtk_label_new (point_label (i, FALSE));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "map-column-header");
      gtk_grid_attach (self->grid, label, i, 0, 1, 1);
    }

  for (int row = 0; row < N_POINTS; row++)
    {
      int e = N_POINTS - 1 - row;  /* high evidence on top */
      GtkWidget *header = gtk_label_new (point_label (e, TRUE));

      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "map-row-header");
      gtk_grid_attach (self->grid, header, 0, 1 + row * 2, N_POINTS, 1);

      for (int i = 0; i < N_POINTS; i++)
        {
          GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
          GtkWidget *box = gtk_flow_box_new ();
          /* Translators: names a cell of the evidence map, "High evidence, low impact" */
          g_autofree char *name = g_strdup_printf (_("%s, %s"), point_label (e, TRUE),
                                                   point_label (i, FALSE));

          /* The cell draws the background at the row's full height; the chips inside keep
           * their own heights, from the top. */
          gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
          gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (box), TRUE);
          gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (box), 1);
          gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 3);
          gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);
          gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
          gtk_widget_set_valign (box, GTK_ALIGN_START);
          gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          gtk_box_append (GTK_BOX (cell), box);
          gtk_widget_set_hexpand (cell, TRUE);
          gtk_widget_add_css_class (cell, "map-cell");
          gtk_widget_set_tooltip_text (cell, name);
          gtk_grid_attach (self->grid, cell, i, 2 + row * 2, 1, 1);
          self->cells[e][i] = GTK_FLOW_BOX (box);
        }
    }
}

static void
waymark_evidence_map_dispose (GObject *object)
{
  WaymarkEvidenceMap *self = WAYMARK_EVIDENCE_MAP (object);

  g_signal_group_set_target (self->model_signals, NULL);
  g_clear_object (&self->model);
  g_clear_object (&self->selected);
  g_clear_object (&self->comparison);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_EVIDENCE_MAP);
  /* dispose_template only unparents the children it named. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (waymark_evidence_map_parent_class)->dispose (object);
}

static void
waymark_evidence_map_finalize (GObject *object)
{
  WaymarkEvidenceMap *self = WAYMARK_EVIDENCE_MAP (object);

  /* Kept until now so that a setter called after dispose is still safe */
  g_clear_object (&self->model_signals);

  G_OBJECT_CLASS (waymark_evidence_map_parent_class)->finalize (object);
}

static void
waymark_evidence_map_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WaymarkEvidenceMap *self = WAYMARK_EVIDENCE_MAP (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_evidence_map_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  WaymarkEvidenceMap *self = WAYMARK_EVIDENCE_MAP (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      waymark_evidence_map_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      waymark_evidence_map_set_selected (self, g_value_get_object (value));
      break;
    case PROP_COMPARISON:
      waymark_evidence_map_set_comparison (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_evidence_map_class_init (WaymarkEvidenceMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = waymark_evidence_map_dispose;
  object_class->finalize = waymark_evidence_map_finalize;
  object_class->get_property = waymark_evidence_map_get_property;
  object_class->set_property = waymark_evidence_map_set_property;

  widget_class->map = waymark_evidence_map_map;

  properties[PROP_MODEL] = g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, WAYMARK_TYPE_INTERVENTION, flags);
  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, WAYMARK_TYPE_COMPARISON, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[INTERVENTION_ACTIVATED] =
    g_signal_new ("intervention-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, WAYMARK_TYPE_INTERVENTION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-evidence-map.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkEvidenceMap, grid);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEvidenceMap, unrated_box);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEvidenceMap, unrated_group);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidencemap");
}

static void
waymark_evidence_map_init (WaymarkEvidenceMap *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_grid (self);

  self->model_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect (self->model_signals, "items-changed", G_CALLBACK (on_items_changed), self);
}

GtkWidget *
waymark_evidence_map_new (void)
{
  return g_object_new (WAYMARK_TYPE_EVIDENCE_MAP, NULL);
}

GListModel *
waymark_evidence_map_get_model (WaymarkEvidenceMap *self)
{
  g_return_val_if_fail (WAYMARK_IS_EVIDENCE_MAP (self), NULL);
  return self->model;
}

void
waymark_evidence_map_set_model (WaymarkEvidenceMap *self,
                                GListModel         *model)
{
  g_return_if_fail (WAYMARK_IS_EVIDENCE_MAP (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  g_set_object (&self->model, model);
  g_signal_group_set_target (self->model_signals, model);

  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

WaymarkIntervention *
waymark_evidence_map_get_selected (WaymarkEvidenceMap *self)
{
  g_return_val_if_fail (WAYMARK_IS_EVIDENCE_MAP (self), NULL);
  return self->selected;
}

void
waymark_evidence_map_set_selected (WaymarkEvidenceMap  *self,
                                   WaymarkIntervention *selected)
{
  g_return_if_fail (WAYMARK_IS_EVIDENCE_MAP (self));
  g_return_if_fail (selected == NULL || WAYMARK_IS_INTERVENTION (selected));

  if (!g_set_object (&self->selected, selected))
    return;

  if (!self->dirty)
    sync_all_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

WaymarkComparison *
waymark_evidence_map_get_comparison (WaymarkEvidenceMap *self)
{
  g_return_val_if_fail (WAYMARK_IS_EVIDENCE_MAP (self), NULL);
  return self->comparison;
}

void
waymark_evidence_map_set_comparison (WaymarkEvidenceMap *self,
                                     WaymarkComparison  *comparison)
{
  g_return_if_fail (WAYMARK_IS_EVIDENCE_MAP (self));
  g_return_if_fail (comparison == NULL || WAYMARK_IS_COMPARISON (comparison));

  if (!g_set_object (&self->comparison, comparison))
    return;

  /* A chip is given the comparison when it is made: make them again. */
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

GtkWidget *
waymark_evidence_map_get_cell (WaymarkEvidenceMap *self,
                               WaymarkRating       evidence,
                               WaymarkRating       impact)
{
  int e, i;

  g_return_val_if_fail (WAYMARK_IS_EVIDENCE_MAP (self), NULL);

  e = point_index (evidence);
  i = point_index (impact);
  g_return_val_if_fail (e >= 0 && i >= 0, NULL);

  ensure_built (self);
  return GTK_WIDGET (self->cells[e][i]);
}

GtkWidget *
waymark_evidence_map_get_unrated (WaymarkEvidenceMap *self)
{
  g_return_val_if_fail (WAYMARK_IS_EVIDENCE_MAP (self), NULL);

  ensure_built (self);
  return GTK_WIDGET (self->unrated_box);
}
