/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-gui-format.h"
#include "waymark-plan-chart.h"

#define BAR_HEIGHT 10
#define TEXT_BAR_GAP 4
#define ROW_GAP 12

struct _WaymarkPlanChart
{
  GtkWidget parent_instance;

  /* Owned */
  GArray *slices;   /* WaymarkBreakdownSlice */
  gint64  total;
};

G_DEFINE_FINAL_TYPE (WaymarkPlanChart, waymark_plan_chart, GTK_TYPE_WIDGET)

static char *
dup_amount_text (WaymarkPlanChart            *self,
                 const WaymarkBreakdownSlice *slice)
{
  g_autofree char *amount = NULL;
  int share;

  if (slice->n_items == 0)
    return g_strdup (_("None"));

  amount = waymark_format_money_range (slice->low, slice->high);
  if (self->total <= 0)
    return g_steal_pointer (&amount);

  /* Rounded to the nearest whole per cent, but never to 0% for some spend nor to 100% for
   * less than all of it. */
  share = (int) ((slice->low * 100 + self->total / 2) / self->total);
  if (share == 0 && slice->low > 0)
    /* Translators: an amount whose share of the plan's spend rounds to nothing, "£100 (under 1%)" */
    return g_strdup_printf (_("%s (under 1%%)"), amount);
  if (share == 100 && slice->low < self->total)
    /* Translators: an amount that is nearly all of the plan's spend, "£2,400,000 (over 99%)" */
    return g_strdup_printf (_("%s (over 99%%)"), amount);
  /* Translators: an amount and its share of the plan's spend, "£19,500 (11%)" */
  return g_strdup_printf (_("%s (%d%%)"), amount, share);
}

/* One row's text, laid out for `width`: the name on the left and the amount on the right of one
 * line when both fit; otherwise the name, wrapped, with the amount under it. Nothing is cut. */
typedef struct
{
  PangoLayout *label;
  PangoLayout *value;
  int          value_width;
  int          label_height;
  int          value_height;
  gboolean     one_line;
} RowText;

#define NAME_AMOUNT_GAP 12

static void
row_text_init (RowText                     *text,
               WaymarkPlanChart            *self,
               const WaymarkBreakdownSlice *slice,
               int                          width)
{
  g_autofree char *amount = dup_amount_text (self, slice);
  int label_width;

  text->label = gtk_widget_create_pango_layout (GTK_WIDGET (self), slice->label);
  text->value = gtk_widget_create_pango_layout (GTK_WIDGET (self), amount);
  pango_layout_get_pixel_size (text->value, &text->value_width, &text->value_height);
  pango_layout_get_pixel_size (text->label, &label_width, &text->label_height);
  text->one_line = label_width + NAME_AMOUNT_GAP + text->value_width <= width;
  if (!text->one_line)
    {
      pango_layout_set_wrap (text->label, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_width (text->label, MAX (1, width) * PANGO_SCALE);
      pango_layout_get_pixel_size (text->label, NULL, &text->label_height);
    }
}

static void
row_text_clear (RowText *text)
{
  g_clear_object (&text->label);
  g_clear_object (&text->value);
}

static int
row_text_height (const RowText *text)
{
  return text->one_line ? MAX (text->label_height, text->value_height)
                        : text->label_height + text->value_height;
}

static int
height_for_width (WaymarkPlanChart *self,
                  int               width)
{
  int height = 0;

  if (self->slices == NULL)
    return 0;
  for (guint i = 0; i < self->slices->len; i++)
    {
      RowText text;

      row_text_init (&text, self, &g_array_index (self->slices, WaymarkBreakdownSlice, i), width);
      height += (i > 0 ? ROW_GAP : 0) + row_text_height (&text) + TEXT_BAR_GAP + BAR_HEIGHT;
      row_text_clear (&text);
    }
  return height;
}

static GtkSizeRequestMode
waymark_plan_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
waymark_plan_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  WaymarkPlanChart *self = WAYMARK_PLAN_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 320;
    }
  else
    *minimum = *natural = height_for_width (self, for_size >= 0 ? for_size : 320);
}

static void
waymark_plan_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  WaymarkPlanChart *self = WAYMARK_PLAN_CHART (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA fg, bar, track;
  int y = 0;

  if (self->slices == NULL)
    return;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &bar))
    bar = fg;
  track = fg;
  track.alpha *= 0.1f;

  for (guint i = 0; i < self->slices->len; i++)
    {
      const WaymarkBreakdownSlice *slice = &g_array_index (self->slices, WaymarkBreakdownSlice, i);
      RowText text;
      GskRoundedRect rect;
      double share;
      int bar_y;

      row_text_init (&text, self, slice, width);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
      gtk_snapshot_append_layout (snapshot, text.label, &fg);
      gtk_snapshot_restore (snapshot);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (width - text.value_width,
                                                    text.one_line ? y : y + text.label_height));
      gtk_snapshot_append_layout (snapshot, text.value, &fg);
      gtk_snapshot_restore (snapshot);

      bar_y = y + row_text_height (&text) + TEXT_BAR_GAP;
      gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (0, bar_y, width, BAR_HEIGHT),
                                       BAR_HEIGHT / 2.0f);
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, &track, &rect.bounds);
      share = self->total > 0 ? (double) slice->low / (double) self->total : 0.0;
      if (share > 0)
        gtk_snapshot_append_color (snapshot, &bar,
                                   &GRAPHENE_RECT_INIT (0, bar_y, (float) (MIN (share, 1.0) * width),
                                                        BAR_HEIGHT));
      gtk_snapshot_pop (snapshot);

      y = bar_y + BAR_HEIGHT + ROW_GAP;
      row_text_clear (&text);
    }
}

static void
update_accessible (WaymarkPlanChart *self)
{
  g_autofree char *description = waymark_plan_chart_dup_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
waymark_plan_chart_finalize (GObject *object)
{
  WaymarkPlanChart *self = WAYMARK_PLAN_CHART (object);

  g_clear_pointer (&self->slices, g_array_unref);

  G_OBJECT_CLASS (waymark_plan_chart_parent_class)->finalize (object);
}

static void
waymark_plan_chart_class_init (WaymarkPlanChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = waymark_plan_chart_finalize;

  widget_class->get_request_mode = waymark_plan_chart_get_request_mode;
  widget_class->measure = waymark_plan_chart_measure;
  widget_class->snapshot = waymark_plan_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "planchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
waymark_plan_chart_init (WaymarkPlanChart *self)
{
}

GtkWidget *
waymark_plan_chart_new (void)
{
  return g_object_new (WAYMARK_TYPE_PLAN_CHART, NULL);
}

void
waymark_plan_chart_set_slices (WaymarkPlanChart *self,
                               GArray           *slices,
                               gint64            total)
{
  g_return_if_fail (WAYMARK_IS_PLAN_CHART (self));

  g_clear_pointer (&self->slices, g_array_unref);
  self->slices = slices != NULL ? g_array_ref (slices) : NULL;
  self->total = total;

  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
waymark_plan_chart_get_n_slices (WaymarkPlanChart *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_CHART (self), 0);
  return self->slices != NULL ? self->slices->len : 0;
}

const WaymarkBreakdownSlice *
waymark_plan_chart_get_slice (WaymarkPlanChart *self,
                              guint             index)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_CHART (self), NULL);
  g_return_val_if_fail (index < waymark_plan_chart_get_n_slices (self), NULL);

  return &g_array_index (self->slices, WaymarkBreakdownSlice, index);
}

char *
waymark_plan_chart_dup_slice_text (WaymarkPlanChart *self,
                                   guint             index)
{
  const WaymarkBreakdownSlice *slice;
  g_autofree char *amount = NULL;

  g_return_val_if_fail (WAYMARK_IS_PLAN_CHART (self), NULL);
  g_return_val_if_fail (index < waymark_plan_chart_get_n_slices (self), NULL);

  slice = &g_array_index (self->slices, WaymarkBreakdownSlice, index);
  amount = dup_amount_text (self, slice);
  /* Translators: one bar of a chart, "Primary: £19,500 (11%)" */
  return g_strdup_printf (_("%s: %s"), slice->label, amount);
}

char *
waymark_plan_chart_dup_description (WaymarkPlanChart *self)
{
  GString *out;

  g_return_val_if_fail (WAYMARK_IS_PLAN_CHART (self), NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < waymark_plan_chart_get_n_slices (self); i++)
    {
      g_autofree char *text = waymark_plan_chart_dup_slice_text (self, i);

      g_string_append_printf (out, "%s%s", out->len > 0 ? "\n" : "", text);
    }

  return g_string_free (out, FALSE);
}
