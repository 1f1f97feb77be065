/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-intervention-row.h"
#include "waymark-map-chip.h"

struct _WaymarkMapChip
{
  GtkToggleButton parent_instance;

  /* Template widgets */
  GtkLabel *name_label;
  GtkLabel *level_label;
  GtkLabel *range_label;
  GtkWidget *menu;

  /* Owned */
  WaymarkIntervention *intervention;
  GMenu               *menu_model;
  WaymarkComparison   *comparison;  /* handed down by the evidence map; may be NULL */
  GSignalGroup        *comparison_signals;
  gboolean             compared;
  guint                popup_tick;    /* the menu waits for the chip to scroll into view */
  guint                popup_frames;
  GdkFrameClock       *layout_clock;  /* followed while the menu is open */
  gulong               layout_handler;
};

G_DEFINE_FINAL_TYPE (WaymarkMapChip, waymark_map_chip, GTK_TYPE_TOGGLE_BUTTON)

enum {
  PROP_0,
  PROP_INTERVENTION,
  PROP_COMPARISON,
  PROP_IS_RANGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
level_css_class (WaymarkLevel levels)
{
  switch (waymark_level_get_lowest (levels))
    {
    case WAYMARK_LEVEL_PRIMARY:
      return "level-primary";
    case WAYMARK_LEVEL_SECONDARY:
      return "level-secondary";
    case WAYMARK_LEVEL_TERTIARY:
    default:
      return "level-tertiary";
    }
}

static char *
describe_rating (const char    *dimension,
                 WaymarkRating  rating)
{
  g_autofree char *words = g_utf8_strdown (waymark_rating_get_label (rating), -1);

  /* Translators: "Impact: low to moderate"; the first %s is "Evidence quality" or "Impact" */
  return g_strdup_printf (_("%s: %s"), dimension, words);
}

static void
update (WaymarkMapChip *self)
{
  WaymarkIntervention *item = self->intervention;
  WaymarkRating evidence = waymark_intervention_get_evidence_rating (item);
  WaymarkRating impact = waymark_intervention_get_impact_rating (item);
  g_autofree char *levels = waymark_flags_format_labels (WAYMARK_TYPE_LEVEL, waymark_intervention_get_levels (item));
  g_autofree char *evidence_text = describe_rating (_("Evidence quality"), evidence);
  g_autofree char *impact_text = describe_rating (_("Impact"), impact);
  g_autoptr(GString) range = g_string_new (NULL);
  g_autofree char *tooltip = NULL;

  gtk_label_set_label (self->name_label, waymark_intervention_get_name (item));
  gtk_label_set_label (self->level_label, levels);
  gtk_widget_add_css_class (GTK_WIDGET (self),
                            level_css_class (waymark_intervention_get_levels (item)));

  /* A range sits in the cell of its low end; the mark says it reaches further. Impact runs
   * across the map, evidence down it. */
  if (impact == WAYMARK_RATING_LOW_MODERATE)
    g_string_append (range, "↔");
  if (evidence == WAYMARK_RATING_LOW_MODERATE)
    g_string_append (range, "↕");
  gtk_label_set_label (self->range_label, range->str);
  gtk_widget_set_visible (GTK_WIDGET (self->range_label), range->len > 0);

  /* Translators: the tooltip of a chip on the evidence map: name, level, evidence, impact */
  tooltip = g_strdup_printf (_("%s\n%s prevention\n%s\n%s"), waymark_intervention_get_name (item),
                             levels, evidence_text, impact_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);

  {
    /* Translators: how a screen reader describes a chip: level, evidence, impact */
    g_autofree char *description = g_strdup_printf (_("%s prevention. %s. %s."), levels,
                                                    evidence_text, impact_text);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    waymark_intervention_get_name (item),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  }
}

/* Frames to wait for a chip to scroll into view before the menu gives up: the scroll takes
 * effect in the frame after it is asked for. */
#define POPUP_MAX_FRAMES 10

/* The part of the chip a person can see, in its own coordinates: inside every widget above it
 * that clips what it holds (the map's scrolled window) and inside the window. FALSE when none
 * of it is. */
static gboolean
compute_visible_bounds (WaymarkMapChip  *self,
                        graphene_rect_t *visible)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *native = GTK_WIDGET (gtk_widget_get_native (widget));

  if (native == NULL || !gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_bounds (widget, widget, visible))
    return FALSE;
  for (GtkWidget *above = gtk_widget_get_parent (widget); above != NULL;
       above = gtk_widget_get_parent (above))
    {
      graphene_rect_t bounds;

      if (above != native && gtk_widget_get_overflow (above) != GTK_OVERFLOW_HIDDEN)
        continue;
      if (!gtk_widget_compute_bounds (above, widget, &bounds) ||
          !graphene_rect_intersection (visible, &bounds, visible))
        return FALSE;
    }
  return TRUE;
}

static void
scroll_axis (GtkAdjustment *adjustment,
             double         start,
             double         length,
             double         view)
{
  double value = gtk_adjustment_get_value (adjustment);

  if (start < 0 || length > view)
    value += start;
  else if (start + length > view)
    value += start + length - view;
  gtk_adjustment_set_value (adjustment, value);
}

/* GTK 4.8 has no gtk_viewport_scroll_to (4.12): the map's adjustments are moved by hand. */
static void
scroll_into_view (WaymarkMapChip *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (scroller == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (self), scroller, &bounds))
    return;
  scroll_axis (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller)),
               bounds.origin.x, bounds.size.width, gtk_widget_get_width (scroller));
  scroll_axis (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
               bounds.origin.y, bounds.size.height, gtk_widget_get_height (scroller));
}

static void
point_menu_at (WaymarkMapChip        *self,
               const graphene_rect_t *visible)
{
  GdkRectangle rect = {
    .x = (int) visible->origin.x,
    .y = (int) visible->origin.y,
    .width = MAX (1, (int) visible->size.width),
    .height = MAX (1, (int) visible->size.height),
  };
  GdkRectangle current;

  if (gtk_popover_get_pointing_to (GTK_POPOVER (self->menu), &current) &&
      gdk_rectangle_equal (&current, &rect))
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
}

/* An open menu keeps pointing at the part of the chip that can be seen; when the chip leaves the
 * view (the map scrolled, the window made smaller) the menu closes, rather than point off the
 * window, where GTK 4.8 on X11 finds no monitor for it. FALSE when it closed. */
static gboolean
keep_menu_in_view (WaymarkMapChip *self)
{
  graphene_rect_t visible;

  if (self->menu == NULL || !gtk_widget_get_visible (self->menu))
    return FALSE;
  if (!compute_visible_bounds (self, &visible))
    {
      gtk_popover_popdown (GTK_POPOVER (self->menu));
      return FALSE;
    }
  point_menu_at (self, &visible);
  return TRUE;
}

/* A chip moved without being resized (the map scrolled) is not allocated again: while its menu
 * is open, the chip looks after each frame's layout, when every widget has its new place. */
static void
on_frame_layout (GdkFrameClock  *clock,
                 WaymarkMapChip *self)
{
  keep_menu_in_view (self);
}

static void
stop_following_layout (WaymarkMapChip *self)
{
  if (self->layout_clock != NULL)
    g_clear_signal_handler (&self->layout_handler, self->layout_clock);
  g_clear_object (&self->layout_clock);
}

static void
follow_layout (WaymarkMapChip *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == self->layout_clock)
    return;
  stop_following_layout (self);
  if (clock == NULL)
    return;
  self->layout_clock = g_object_ref (clock);
  self->layout_handler = g_signal_connect (clock, "layout", G_CALLBACK (on_frame_layout), self);
}

static void
on_menu_closed (GtkPopover     *menu,
                WaymarkMapChip *self)
{
  stop_following_layout (self);
}

/* A popover parented to a widget of one's own is placed again in that widget's size_allocate,
 * as GtkMenuButton does; only while the chip can be seen. */
static void
waymark_map_chip_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  WaymarkMapChip *self = WAYMARK_MAP_CHIP (widget);

  GTK_WIDGET_CLASS (waymark_map_chip_parent_class)->size_allocate (widget, width, height, baseline);

  if (keep_menu_in_view (self))
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
waymark_map_chip_unmap (GtkWidget *widget)
{
  stop_following_layout (WAYMARK_MAP_CHIP (widget));

  GTK_WIDGET_CLASS (waymark_map_chip_parent_class)->unmap (widget);
}

static void
show_menu (WaymarkMapChip        *self,
           const graphene_rect_t *visible)
{
  point_menu_at (self, visible);
  gtk_popover_popup (GTK_POPOVER (self->menu));
  if (gtk_widget_get_visible (self->menu))
    follow_layout (self);
}

static gboolean
popup_when_in_view (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  WaymarkMapChip *self = WAYMARK_MAP_CHIP (widget);
  graphene_rect_t visible;

  if (compute_visible_bounds (self, &visible))
    {
      self->popup_tick = 0;
      show_menu (self, &visible);
      return G_SOURCE_REMOVE;
    }
  if (++self->popup_frames >= POPUP_MAX_FRAMES)
    {
      self->popup_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* The menu points at the part of the chip on screen. Asked for from the keyboard (Menu,
 * Shift+F10), the focused chip may have been scrolled out of view: then it comes back into view
 * first and the menu opens once it is there. A popover pointing off the screen is no use to
 * anyone, and GTK 4.8 on X11 finds no monitor for it (gdk_monitor_get_geometry: assertion
 * 'GDK_IS_MONITOR (monitor)' failed). */
static void
popup_menu (WaymarkMapChip *self)
{
  graphene_rect_t visible;

  if (compute_visible_bounds (self, &visible))
    {
      show_menu (self, &visible);
      return;
    }
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->popup_tick != 0)
    return;
  scroll_into_view (self);
  self->popup_frames = 0;
  self->popup_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), popup_when_in_view, NULL, NULL);
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      WaymarkMapChip  *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self);
}

static void
on_long_pressed (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 WaymarkMapChip      *self)
{
  popup_menu (self);
}

static void
menu_popup_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  popup_menu (WAYMARK_MAP_CHIP (widget));
}

static void
add_to_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WaymarkMapChip *self = WAYMARK_MAP_CHIP (widget);

  gtk_widget_activate_action (widget, "win.add-to-plan", "s",
                              waymark_intervention_get_id (self->intervention));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WaymarkMapChip *self = WAYMARK_MAP_CHIP (widget);

  gtk_widget_activate_action (widget, self->compared ? "win.uncompare" : "win.compare", "s",
                              waymark_intervention_get_id (self->intervention));
}

/* The menu item says what it will do: add to the comparison, or take out again. */
static void
update_compare (WaymarkMapChip *self)
{
  gboolean compared = self->comparison != NULL && self->intervention != NULL &&
                      waymark_comparison_contains (self->comparison,
                                                   waymark_intervention_get_id (self->intervention));

  if (compared == self->compared)
    return;
  self->compared = compared;
  g_menu_remove (self->menu_model, 1);
  g_menu_insert (self->menu_model, 1,
                 compared ? _("_Remove from Comparison") : _("Add to _Comparison"),
                 "chip.compare");
}

static void
on_comparison_items_changed (GListModel     *model,
                             guint           position,
                             guint           removed,
                             guint           added,
                             WaymarkMapChip *self)
{
  update_compare (self);
}

static void
waymark_map_chip_constructed (GObject *object)
{
  WaymarkMapChip *self = WAYMARK_MAP_CHIP (object);

  G_OBJECT_CLASS (waymark_map_chip_parent_class)->constructed (object);

  g_assert (self->intervention != NULL);
  update (self);

  g_signal_group_set_target (self->comparison_signals, self->comparison);
  update_compare (self);
}

static void
waymark_map_chip_dispose (GObject *object)
{
  WaymarkMapChip *self = WAYMARK_MAP_CHIP (object);

  if (self->popup_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->popup_tick);
  self->popup_tick = 0;
  stop_following_layout (self);
  g_signal_group_set_target (self->comparison_signals, NULL);
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_object (&self->menu_model);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_MAP_CHIP);
  g_clear_object (&self->intervention);

  G_OBJECT_CLASS (waymark_map_chip_parent_class)->dispose (object);
}

static void
waymark_map_chip_finalize (GObject *object)
{
  WaymarkMapChip *self = WAYMARK_MAP_CHIP (object);

  g_clear_object (&self->comparison_signals);

  G_OBJECT_CLASS (waymark_map_chip_parent_class)->finalize (object);
}

static void
waymark_map_chip_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WaymarkMapChip *self = WAYMARK_MAP_CHIP (object);

  switch (prop_id)
    {
    case PROP_INTERVENTION:
      g_value_set_object (value, self->intervention);
      break;
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    case PROP_IS_RANGE:
      g_value_set_boolean (value, waymark_map_chip_get_is_range (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_map_chip_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WaymarkMapChip *self = WAYMARK_MAP_CHIP (object);

  switch (prop_id)
    {
    case PROP_INTERVENTION:
      self->intervention = g_value_dup_object (value);
      break;
    case PROP_COMPARISON:
      self->comparison = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_map_chip_class_init (WaymarkMapChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = waymark_map_chip_constructed;
  object_class->dispose = waymark_map_chip_dispose;
  object_class->finalize = waymark_map_chip_finalize;
  object_class->get_property = waymark_map_chip_get_property;
  object_class->set_property = waymark_map_chip_set_property;
  widget_class->size_allocate = waymark_map_chip_size_allocate;
  widget_class->unmap = waymark_map_chip_unmap;

  properties[PROP_INTERVENTION] =
    g_param_spec_object ("intervention", NULL, NULL, WAYMARK_TYPE_INTERVENTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, WAYMARK_TYPE_COMPARISON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_RANGE] =
    g_param_spec_boolean ("is-range", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-map-chip.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkMapChip, name_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkMapChip, level_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkMapChip, range_label);
  gtk_widget_class_bind_template_callback (widget_class, on_secondary_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_long_pressed);

  gtk_widget_class_install_action (widget_class, "chip.add-to-plan", NULL, add_to_plan_action);
  gtk_widget_class_install_action (widget_class, "chip.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "menu.popup", NULL, menu_popup_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "menu.popup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "menu.popup", NULL);
}

static void
waymark_map_chip_init (WaymarkMapChip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->comparison_signals = g_signal_group_new (WAYMARK_TYPE_COMPARISON);
  g_signal_group_connect (self->comparison_signals, "items-changed",
                          G_CALLBACK (on_comparison_items_changed), self);

  self->menu_model = g_menu_new ();
  g_menu_append (self->menu_model, _("_Add to Plan"), "chip.add-to-plan");
  g_menu_append (self->menu_model, _("Add to _Comparison"), "chip.compare");
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (self->menu_model));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  g_signal_connect (self->menu, "closed", G_CALLBACK (on_menu_closed), self);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
}

GtkWidget *
waymark_map_chip_new (WaymarkIntervention *intervention,
                      WaymarkComparison   *comparison)
{
  g_return_val_if_fail (WAYMARK_IS_INTERVENTION (intervention), NULL);
  g_return_val_if_fail (comparison == NULL || WAYMARK_IS_COMPARISON (comparison), NULL);

  return g_object_new (WAYMARK_TYPE_MAP_CHIP,
                       "intervention", intervention,
                       "comparison", comparison,
                       NULL);
}

WaymarkIntervention *
waymark_map_chip_get_intervention (WaymarkMapChip *self)
{
  g_return_val_if_fail (WAYMARK_IS_MAP_CHIP (self), NULL);
  return self->intervention;
}

WaymarkComparison *
waymark_map_chip_get_comparison (WaymarkMapChip *self)
{
  g_return_val_if_fail (WAYMARK_IS_MAP_CHIP (self), NULL);
  return self->comparison;
}

gboolean
waymark_map_chip_get_is_range (WaymarkMapChip *self)
{
  g_return_val_if_fail (WAYMARK_IS_MAP_CHIP (self), FALSE);

  return waymark_intervention_get_evidence_rating (self->intervention) == WAYMARK_RATING_LOW_MODERATE ||
         waymark_intervention_get_impact_rating (self->intervention) == WAYMARK_RATING_LOW_MODERATE;
}

GMenuModel *
waymark_map_chip_get_menu_model (WaymarkMapChip *self)
{
  g_return_val_if_fail (WAYMARK_IS_MAP_CHIP (self), NULL);
  return G_MENU_MODEL (self->menu_model);
}
