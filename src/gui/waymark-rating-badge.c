/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-rating-badge.h"
#include "waymark-rating-icon.h"

G_DEFINE_ENUM_TYPE (WaymarkRatingBadgeKind, waymark_rating_badge_kind,
  G_DEFINE_ENUM_VALUE (WAYMARK_RATING_BADGE_EVIDENCE, "evidence"),
  G_DEFINE_ENUM_VALUE (WAYMARK_RATING_BADGE_IMPACT, "impact"))

struct _WaymarkRatingBadge
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkImage *icon;
  GtkLabel *label;

  WaymarkRatingBadgeKind kind;
  WaymarkRating rating;
};

G_DEFINE_FINAL_TYPE (WaymarkRatingBadge, waymark_rating_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_RATING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
rating_css_class (WaymarkRating rating)
{
  switch (rating)
    {
    case WAYMARK_RATING_HIGH:
      return "rating-high";
    case WAYMARK_RATING_MODERATE:
      return "rating-moderate";
    case WAYMARK_RATING_LOW_MODERATE:
      return "rating-low-moderate";
    case WAYMARK_RATING_LOW:
      return "rating-low";
    case WAYMARK_RATING_NONE:
    default:
      return "rating-none";
    }
}

char *
waymark_rating_badge_dup_description (WaymarkRatingBadge *self)
{
  g_autofree char *words = NULL;

  g_return_val_if_fail (WAYMARK_IS_RATING_BADGE (self), NULL);

  words = g_utf8_strdown (waymark_rating_get_label (self->rating), -1);
  if (self->kind == WAYMARK_RATING_BADGE_EVIDENCE)
    /* Translators: for screen readers; %s is a rating such as "moderate" or "not rated" */
    return g_strdup_printf (_("Evidence quality: %s"), words);
  else
    /* Translators: for screen readers; %s is a rating such as "moderate" or "not rated" */
    return g_strdup_printf (_("Impact: %s"), words);
}

static void
update (WaymarkRatingBadge *self)
{
  static const char *all_classes[] = {
    "rating-high", "rating-moderate", "rating-low-moderate", "rating-low", "rating-none",
  };
  g_autofree char *text = NULL;
  g_autofree char *description = waymark_rating_badge_dup_description (self);
  const char *rating = waymark_rating_get_label (self->rating);

  if (self->kind == WAYMARK_RATING_BADGE_EVIDENCE)
    /* Translators: a badge in the list; %s is a rating such as "Moderate" */
    text = g_strdup_printf (_("Evidence: %s"), rating);
  else
    /* Translators: a badge in the list; %s is a rating such as "Moderate" */
    text = g_strdup_printf (_("Impact: %s"), rating);

  gtk_label_set_label (self->label, text);
  {
    g_autoptr(GdkPaintable) icon = waymark_rating_icon_new (self->rating);

    gtk_image_set_from_paintable (self->icon, icon);
  }

  for (guint i = 0; i < G_N_ELEMENTS (all_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), all_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self), rating_css_class (self->rating));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
waymark_rating_badge_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WAYMARK_TYPE_RATING_BADGE);
  /* dispose_template only unparents the children it named. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (waymark_rating_badge_parent_class)->dispose (object);
}

static void
waymark_rating_badge_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WaymarkRatingBadge *self = WAYMARK_RATING_BADGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_RATING:
      g_value_set_enum (value, self->rating);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_rating_badge_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  WaymarkRatingBadge *self = WAYMARK_RATING_BADGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      waymark_rating_badge_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_RATING:
      waymark_rating_badge_set_rating (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_rating_badge_class_init (WaymarkRatingBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = waymark_rating_badge_dispose;
  object_class->get_property = waymark_rating_badge_get_property;
  object_class->set_property = waymark_rating_badge_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, WAYMARK_TYPE_RATING_BADGE_KIND,
                       WAYMARK_RATING_BADGE_EVIDENCE, flags);
  properties[PROP_RATING] =
    g_param_spec_enum ("rating", NULL, NULL, WAYMARK_TYPE_RATING, WAYMARK_RATING_NONE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-rating-badge.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkRatingBadge, icon);
  gtk_widget_class_bind_template_child (widget_class, WaymarkRatingBadge, label);

  gtk_widget_class_set_css_name (widget_class, "ratingbadge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
waymark_rating_badge_init (WaymarkRatingBadge *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
waymark_rating_badge_new (WaymarkRatingBadgeKind kind,
                          WaymarkRating          rating)
{
  return g_object_new (WAYMARK_TYPE_RATING_BADGE, "kind", kind, "rating", rating, NULL);
}

WaymarkRatingBadgeKind
waymark_rating_badge_get_kind (WaymarkRatingBadge *self)
{
  g_return_val_if_fail (WAYMARK_IS_RATING_BADGE (self), WAYMARK_RATING_BADGE_EVIDENCE);
  return self->kind;
}

void
waymark_rating_badge_set_kind (WaymarkRatingBadge     *self,
                               WaymarkRatingBadgeKind  kind)
{
  g_return_if_fail (WAYMARK_IS_RATING_BADGE (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

WaymarkRating
waymark_rating_badge_get_rating (WaymarkRatingBadge *self)
{
  g_return_val_if_fail (WAYMARK_IS_RATING_BADGE (self), WAYMARK_RATING_NONE);
  return self->rating;
}

void
waymark_rating_badge_set_rating (WaymarkRatingBadge *self,
                                 WaymarkRating       rating)
{
  g_return_if_fail (WAYMARK_IS_RATING_BADGE (self));

  if (self->rating == rating)
    return;

  self->rating = rating;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATING]);
}
