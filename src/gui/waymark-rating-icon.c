/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "waymark-rating-icon.h"

/* The icons were SVG files: each one a rating badge showed cost librsvg a parse and a render
 * before the first frame (issue 18: some 37 million instructions for the list's badges). Drawn
 * here instead, on the same 16-pixel grid as those files. */

struct _WaymarkRatingIcon
{
  GObject parent_instance;

  WaymarkRating rating;
};

static void waymark_rating_icon_paintable_init (GdkPaintableInterface *iface);
static void waymark_rating_icon_symbolic_init  (GtkSymbolicPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WaymarkRatingIcon, waymark_rating_icon, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      waymark_rating_icon_paintable_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SYMBOLIC_PAINTABLE,
                                                      waymark_rating_icon_symbolic_init))

#define GRID 16.0

/* How full each of the three bars is (the alpha of the foreground), by rating. */
static void
bar_alphas (WaymarkRating rating,
            float         alphas[3])
{
  static const float high[3] = { 1, 1, 1 };
  static const float moderate[3] = { 1, 1, 0.25f };
  static const float low_moderate[3] = { 1, 0.6f, 0.25f };
  static const float low[3] = { 1, 0.25f, 0.25f };
  const float *chosen;

  switch (rating)
    {
    case WAYMARK_RATING_HIGH:
      chosen = high;
      break;
    case WAYMARK_RATING_MODERATE:
      chosen = moderate;
      break;
    case WAYMARK_RATING_LOW_MODERATE:
      chosen = low_moderate;
      break;
    case WAYMARK_RATING_LOW:
    default:
      chosen = low;
      break;
    }
  memcpy (alphas, chosen, 3 * sizeof (float));
}

static void
draw_bars (WaymarkRatingIcon *self,
           GtkSnapshot       *snapshot,
           double             scale,
           const GdkRGBA     *fg)
{
  /* x, y, width, height on the grid; corners of radius 1. */
  static const float bars[3][4] = { { 1, 10, 4, 5 }, { 6, 6, 4, 9 }, { 11, 2, 4, 13 } };
  float alphas[3];

  bar_alphas (self->rating, alphas);
  for (guint i = 0; i < G_N_ELEMENTS (bars); i++)
    {
      GskRoundedRect clip;
      GdkRGBA color = *fg;

      color.alpha *= alphas[i];
      gsk_rounded_rect_init_from_rect (&clip,
                                       &GRAPHENE_RECT_INIT (bars[i][0] * scale, bars[i][1] * scale,
                                                            bars[i][2] * scale, bars[i][3] * scale),
                                       scale);
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      gtk_snapshot_append_color (snapshot, &color, &clip.bounds);
      gtk_snapshot_pop (snapshot);
    }
}

/* Not rated: a ring of radius 7 and width 2 about the middle, struck through from the lower
 * left to the upper right. */
static void
draw_none (GtkSnapshot   *snapshot,
           double         scale,
           const GdkRGBA *fg)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                           &GRAPHENE_RECT_INIT (0, 0, GRID * scale, GRID * scale));

  cairo_scale (cr, scale, scale);
  gdk_cairo_set_source_rgba (cr, fg);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_arc (cr, 8, 8, 7, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 8, 8, 5, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_move_to (cr, 3.5, 11.1);
  cairo_line_to (cr, 11.1, 3.5);
  cairo_line_to (cr, 12.5, 4.9);
  cairo_line_to (cr, 4.9, 12.5);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
waymark_rating_icon_snapshot_symbolic (GtkSymbolicPaintable *paintable,
                                       GdkSnapshot          *snapshot,
                                       double                width,
                                       double                height,
                                       const GdkRGBA        *colors,
                                       gsize                 n_colors)
{
  WaymarkRatingIcon *self = WAYMARK_RATING_ICON (paintable);
  GdkRGBA black = { 0, 0, 0, 1 };
  const GdkRGBA *fg = n_colors > 0 ? &colors[0] : &black;
  double scale = MIN (width, height) / GRID;

  if (scale <= 0)
    return;

  if (self->rating < WAYMARK_RATING_LOW || self->rating > WAYMARK_RATING_HIGH)
    draw_none (GTK_SNAPSHOT (snapshot), scale, fg);
  else
    draw_bars (self, GTK_SNAPSHOT (snapshot), scale, fg);
}

static void
waymark_rating_icon_snapshot (GdkPaintable *paintable,
                              GdkSnapshot  *snapshot,
                              double        width,
                              double        height)
{
  waymark_rating_icon_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (paintable), snapshot,
                                         width, height, NULL, 0);
}

static int
waymark_rating_icon_get_intrinsic_size (GdkPaintable *paintable)
{
  return (int) GRID;
}

static GdkPaintableFlags
waymark_rating_icon_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static void
waymark_rating_icon_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = waymark_rating_icon_snapshot;
  iface->get_intrinsic_width = waymark_rating_icon_get_intrinsic_size;
  iface->get_intrinsic_height = waymark_rating_icon_get_intrinsic_size;
  iface->get_flags = waymark_rating_icon_get_flags;
}

static void
waymark_rating_icon_symbolic_init (GtkSymbolicPaintableInterface *iface)
{
  iface->snapshot_symbolic = waymark_rating_icon_snapshot_symbolic;
}

static void
waymark_rating_icon_class_init (WaymarkRatingIconClass *klass)
{
}

static void
waymark_rating_icon_init (WaymarkRatingIcon *self)
{
  self->rating = WAYMARK_RATING_NONE;
}

GdkPaintable *
waymark_rating_icon_new (WaymarkRating rating)
{
  WaymarkRatingIcon *self = g_object_new (WAYMARK_TYPE_RATING_ICON, NULL);

  self->rating = rating;
  return GDK_PAINTABLE (self);
}

WaymarkRating
waymark_rating_icon_get_rating (WaymarkRatingIcon *self)
{
  g_return_val_if_fail (WAYMARK_IS_RATING_ICON (self), WAYMARK_RATING_NONE);
  return self->rating;
}
