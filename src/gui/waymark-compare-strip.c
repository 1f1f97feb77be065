/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "waymark-compare-strip.h"

struct _WaymarkCompareStrip
{
  GtkWidget      parent_instance;

  /* Owned */
  GtkWidget     *child;
  GtkAdjustment *hadjustment;
};

G_DEFINE_FINAL_TYPE (WaymarkCompareStrip, waymark_compare_strip, GTK_TYPE_WIDGET)

static void
on_value_changed (GtkAdjustment       *adjustment,
                  WaymarkCompareStrip *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           WaymarkCompareStrip      *self)
{
  if (dx == 0)
    return GDK_EVENT_PROPAGATE;
  gtk_adjustment_set_value (self->hadjustment,
                            gtk_adjustment_get_value (self->hadjustment) + dx * 40);
  return GDK_EVENT_STOP;
}

static void
waymark_compare_strip_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  WaymarkCompareStrip *self = WAYMARK_COMPARE_STRIP (widget);
  int child_min = 0;
  int child_nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Narrower than the child is fine: the rest scrolls. */
      gtk_widget_measure (self->child, orientation, -1, &child_min, &child_nat, NULL, NULL);
      *minimum = 0;
      *natural = child_nat;
      return;
    }

  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, NULL, NULL, NULL);
  gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, MAX (child_min, for_size),
                      minimum, natural, NULL, NULL);
}

static void
waymark_compare_strip_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  WaymarkCompareStrip *self = WAYMARK_COMPARE_STRIP (widget);
  int child_min = 0;
  int child_width;
  double upper;
  double value;

  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, NULL, NULL, NULL);
  child_width = MAX (child_min, width);
  upper = child_width;
  value = CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, MAX (0, upper - width));

  g_signal_handlers_block_by_func (self->hadjustment, on_value_changed, self);
  gtk_adjustment_configure (self->hadjustment, value, 0, upper, 24, width * 0.9, width);
  g_signal_handlers_unblock_by_func (self->hadjustment, on_value_changed, self);

  gtk_widget_allocate (self->child, child_width, height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (-(float) value, 0)));
}

static void
waymark_compare_strip_dispose (GObject *object)
{
  WaymarkCompareStrip *self = WAYMARK_COMPARE_STRIP (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (waymark_compare_strip_parent_class)->dispose (object);
}

static void
waymark_compare_strip_class_init (WaymarkCompareStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_compare_strip_dispose;
  widget_class->measure = waymark_compare_strip_measure;
  widget_class->size_allocate = waymark_compare_strip_size_allocate;
}

static void
waymark_compare_strip_init (WaymarkCompareStrip *self)
{
  GtkEventController *scroll;

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_HORIZONTAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}

GtkWidget *
waymark_compare_strip_new (GtkWidget     *child,
                           GtkAdjustment *hadjustment)
{
  WaymarkCompareStrip *self;

  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);
  g_return_val_if_fail (GTK_IS_ADJUSTMENT (hadjustment), NULL);

  self = g_object_new (WAYMARK_TYPE_COMPARE_STRIP, NULL);
  self->child = child;
  gtk_widget_set_parent (child, GTK_WIDGET (self));
  self->hadjustment = g_object_ref_sink (hadjustment);
  g_signal_connect (hadjustment, "value-changed", G_CALLBACK (on_value_changed), self);
  return GTK_WIDGET (self);
}
