/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-enums.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_RATING_ICON (waymark_rating_icon_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkRatingIcon, waymark_rating_icon, WAYMARK, RATING_ICON, GObject)

/* A rating's icon, drawn in the foreground colour it is given (a GtkSymbolicPaintable): three
 * bars, as many of them full as the rating is high, or a circle struck through for none. */
GdkPaintable  *waymark_rating_icon_new        (WaymarkRating      rating);
WaymarkRating  waymark_rating_icon_get_rating (WaymarkRatingIcon *self);

G_END_DECLS
