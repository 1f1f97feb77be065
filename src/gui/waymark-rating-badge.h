/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-enums.h"

G_BEGIN_DECLS

typedef enum
{
  WAYMARK_RATING_BADGE_EVIDENCE,
  WAYMARK_RATING_BADGE_IMPACT,
} WaymarkRatingBadgeKind;

#define WAYMARK_TYPE_RATING_BADGE_KIND (waymark_rating_badge_kind_get_type ())
GType waymark_rating_badge_kind_get_type (void) G_GNUC_CONST;

#define WAYMARK_TYPE_RATING_BADGE (waymark_rating_badge_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkRatingBadge, waymark_rating_badge, WAYMARK, RATING_BADGE, GtkWidget)

/* A rating as text and an icon (never colour alone), described for screen readers as
 * "Evidence quality: moderate". */
GtkWidget              *waymark_rating_badge_new        (WaymarkRatingBadgeKind  kind,
                                                         WaymarkRating           rating);
WaymarkRatingBadgeKind  waymark_rating_badge_get_kind   (WaymarkRatingBadge     *self);
void                    waymark_rating_badge_set_kind   (WaymarkRatingBadge     *self,
                                                         WaymarkRatingBadgeKind  kind);
WaymarkRating           waymark_rating_badge_get_rating (WaymarkRatingBadge     *self);
void                    waymark_rating_badge_set_rating (WaymarkRatingBadge     *self,
                                                         WaymarkRating           rating);
/* What the badge says to a screen reader: "Evidence quality: moderate". */
char                   *waymark_rating_badge_dup_description (WaymarkRatingBadge *self);

G_END_DECLS
