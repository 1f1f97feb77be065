/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-enums.h"

G_DEFINE_FLAGS_TYPE (WaymarkLevel, waymark_level,
  G_DEFINE_ENUM_VALUE (WAYMARK_LEVEL_PRIMARY, "primary"),
  G_DEFINE_ENUM_VALUE (WAYMARK_LEVEL_SECONDARY, "secondary"),
  G_DEFINE_ENUM_VALUE (WAYMARK_LEVEL_TERTIARY, "tertiary"))

G_DEFINE_ENUM_TYPE (WaymarkRating, waymark_rating,
  G_DEFINE_ENUM_VALUE (WAYMARK_RATING_NONE, "none"),
  G_DEFINE_ENUM_VALUE (WAYMARK_RATING_LOW, "low"),
  G_DEFINE_ENUM_VALUE (WAYMARK_RATING_LOW_MODERATE, "low-moderate"),
  G_DEFINE_ENUM_VALUE (WAYMARK_RATING_MODERATE, "moderate"),
  G_DEFINE_ENUM_VALUE (WAYMARK_RATING_HIGH, "high"))

G_DEFINE_ENUM_TYPE (WaymarkFocus, waymark_focus,
  G_DEFINE_ENUM_VALUE (WAYMARK_FOCUS_DA, "da"),
  G_DEFINE_ENUM_VALUE (WAYMARK_FOCUS_SV, "sv"),
  G_DEFINE_ENUM_VALUE (WAYMARK_FOCUS_BOTH, "both"))

G_DEFINE_FLAGS_TYPE (WaymarkWorksWith, waymark_works_with,
  G_DEFINE_ENUM_VALUE (WAYMARK_WORKS_WITH_VICTIMS, "victims"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WORKS_WITH_PERPETRATORS, "perpetrators"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WORKS_WITH_CHILDREN_YOUNG_PEOPLE, "children-young-people"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WORKS_WITH_COMMUNITY, "community"),
  G_DEFINE_ENUM_VALUE (WAYMARK_WORKS_WITH_PROFESSIONALS, "professionals"))

G_DEFINE_FLAGS_TYPE (WaymarkSetting, waymark_setting,
  G_DEFINE_ENUM_VALUE (WAYMARK_SETTING_SCHOOL, "school"),
  G_DEFINE_ENUM_VALUE (WAYMARK_SETTING_UNIVERSITY, "university"),
  G_DEFINE_ENUM_VALUE (WAYMARK_SETTING_NIGHT_TIME_ECONOMY, "night-time-economy"),
  G_DEFINE_ENUM_VALUE (WAYMARK_SETTING_COMMUNITY, "community"),
  G_DEFINE_ENUM_VALUE (WAYMARK_SETTING_CAMPAIGN, "campaign"),
  G_DEFINE_ENUM_VALUE (WAYMARK_SETTING_HEALTH, "health"),
  G_DEFINE_ENUM_VALUE (WAYMARK_SETTING_HELPLINE, "helpline"),
  G_DEFINE_ENUM_VALUE (WAYMARK_SETTING_THERAPY, "therapy"),
  G_DEFINE_ENUM_VALUE (WAYMARK_SETTING_CHILDREN, "children"),
  G_DEFINE_ENUM_VALUE (WAYMARK_SETTING_PERPETRATOR_PROGRAMME, "perpetrator-programme"),
  G_DEFINE_ENUM_VALUE (WAYMARK_SETTING_CRIMINAL_JUSTICE, "criminal-justice"),
  G_DEFINE_ENUM_VALUE (WAYMARK_SETTING_MULTI_AGENCY, "multi-agency"))

G_DEFINE_ENUM_TYPE (WaymarkLlrStatus, waymark_llr_status,
  G_DEFINE_ENUM_VALUE (WAYMARK_LLR_STATUS_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (WAYMARK_LLR_STATUS_IN_PLACE, "in-place"),
  G_DEFINE_ENUM_VALUE (WAYMARK_LLR_STATUS_SIMILAR_IN_PLACE, "similar-in-place"),
  G_DEFINE_ENUM_VALUE (WAYMARK_LLR_STATUS_NOT_IN_PLACE, "not-in-place"))

G_DEFINE_ENUM_TYPE (WaymarkCurrency, waymark_currency,
  G_DEFINE_ENUM_VALUE (WAYMARK_CURRENCY_GBP, "GBP"),
  G_DEFINE_ENUM_VALUE (WAYMARK_CURRENCY_USD, "USD"),
  G_DEFINE_ENUM_VALUE (WAYMARK_CURRENCY_EUR, "EUR"))

G_DEFINE_ENUM_TYPE (WaymarkGender, waymark_gender,
  G_DEFINE_ENUM_VALUE (WAYMARK_GENDER_UNSPECIFIED, "unspecified"),
  G_DEFINE_ENUM_VALUE (WAYMARK_GENDER_MALE, "male"),
  G_DEFINE_ENUM_VALUE (WAYMARK_GENDER_FEMALE, "female"),
  G_DEFINE_ENUM_VALUE (WAYMARK_GENDER_ANY, "any"))

G_DEFINE_ENUM_TYPE (WaymarkCostQualifier, waymark_cost_qualifier,
  G_DEFINE_ENUM_VALUE (WAYMARK_COST_QUALIFIER_NONE, "none"),
  G_DEFINE_ENUM_VALUE (WAYMARK_COST_QUALIFIER_FROM, "from"),
  G_DEFINE_ENUM_VALUE (WAYMARK_COST_QUALIFIER_AROUND, "around"))

const char *
waymark_enum_to_string (GType enum_type,
                        int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
waymark_enum_from_string (GType       enum_type,
                          const char *string,
                          int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (string == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, string);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

char *
waymark_enum_list_nicks (GType type,
                         int   first_value)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  if (G_IS_ENUM_CLASS (klass))
    {
      GEnumClass *ec = G_ENUM_CLASS (klass);

      for (guint i = 0; i < ec->n_values; i++)
        {
          if (ec->values[i].value < first_value)
            continue;
          if (out->len > 0)
            g_string_append (out, ", ");
          g_string_append (out, ec->values[i].value_nick);
        }
    }
  else
    {
      GFlagsClass *fc = G_FLAGS_CLASS (klass);

      for (guint i = 0; i < fc->n_values; i++)
        {
          if (out->len > 0)
            g_string_append (out, ", ");
          g_string_append (out, fc->values[i].value_nick);
        }
    }

  return g_string_free (out, FALSE);
}

guint
waymark_flags_from_strv (GType               flags_type,
                         const char * const *strv,
                         const char        **invalid)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (flags_type);
  guint flags = 0;

  if (invalid != NULL)
    *invalid = NULL;

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      GFlagsValue *fv = g_flags_get_value_by_nick (klass, strv[i]);

      if (fv == NULL)
        {
          if (invalid != NULL)
            *invalid = strv[i];
          return 0;
        }
      flags |= fv->value;
    }

  return flags;
}

char **
waymark_flags_to_strv (GType flags_type,
                       guint flags)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (flags_type);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  /* Declaration order, not bit order of discovery, so output is stable. */
  for (guint i = 0; i < klass->n_values; i++)
    if ((flags & klass->values[i].value) != 0)
      g_strv_builder_add (builder, klass->values[i].value_nick);

  return g_strv_builder_end (builder);
}

char *
waymark_flags_to_string (GType       flags_type,
                         guint       flags,
                         const char *separator)
{
  g_auto(GStrv) strv = waymark_flags_to_strv (flags_type, flags);

  return g_strjoinv (separator, strv);
}

WaymarkLevel
waymark_level_get_lowest (WaymarkLevel levels)
{
  if (levels & WAYMARK_LEVEL_PRIMARY)
    return WAYMARK_LEVEL_PRIMARY;
  if (levels & WAYMARK_LEVEL_SECONDARY)
    return WAYMARK_LEVEL_SECONDARY;
  if (levels & WAYMARK_LEVEL_TERTIARY)
    return WAYMARK_LEVEL_TERTIARY;
  return 0;
}

WaymarkRating
waymark_rating_get_floor (WaymarkRating rating)
{
  return rating == WAYMARK_RATING_LOW_MODERATE ? WAYMARK_RATING_LOW : rating;
}

gboolean
waymark_rating_parse_review_words (const char    *words,
                                   WaymarkRating *rating)
{
  static const struct { const char *words; WaymarkRating rating; } table[] = {
    { "LOW", WAYMARK_RATING_LOW },
    { "MODERATE", WAYMARK_RATING_MODERATE },
    { "MEDIUM", WAYMARK_RATING_MODERATE },
    { "HIGH", WAYMARK_RATING_HIGH },
    { "LOW/MODERATE", WAYMARK_RATING_LOW_MODERATE },
    { "MODERATE/LOW", WAYMARK_RATING_LOW_MODERATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_strcmp0 (words, table[i].words) == 0)
      {
        *rating = table[i].rating;
        return TRUE;
      }

  return FALSE;
}

const char *
waymark_level_get_label (WaymarkLevel level)
{
  switch (waymark_level_get_lowest (level))
    {
    case WAYMARK_LEVEL_PRIMARY:
      return _("Primary");
    case WAYMARK_LEVEL_SECONDARY:
      return _("Secondary");
    case WAYMARK_LEVEL_TERTIARY:
      return _("Tertiary");
    default:
      return _("Unknown");
    }
}

const char *
waymark_rating_get_label (WaymarkRating rating)
{
  switch (rating)
    {
    case WAYMARK_RATING_LOW:
      return C_("rating", "Low");
    case WAYMARK_RATING_LOW_MODERATE:
      return C_("rating", "Low to moderate");
    case WAYMARK_RATING_MODERATE:
      return C_("rating", "Moderate");
    case WAYMARK_RATING_HIGH:
      return C_("rating", "High");
    case WAYMARK_RATING_NONE:
    default:
      return C_("rating", "Not rated");
    }
}

const char *
waymark_focus_get_label (WaymarkFocus focus)
{
  switch (focus)
    {
    case WAYMARK_FOCUS_DA:
      return _("Domestic abuse");
    case WAYMARK_FOCUS_SV:
      return _("Sexual violence");
    case WAYMARK_FOCUS_BOTH:
    default:
      return _("Domestic abuse and sexual violence");
    }
}

const char *
waymark_works_with_get_label (WaymarkWorksWith works_with)
{
  switch (works_with)
    {
    case WAYMARK_WORKS_WITH_VICTIMS:
      return _("Victims");
    case WAYMARK_WORKS_WITH_PERPETRATORS:
      return _("Perpetrators");
    case WAYMARK_WORKS_WITH_CHILDREN_YOUNG_PEOPLE:
      return _("Children and young people");
    case WAYMARK_WORKS_WITH_COMMUNITY:
      return _("Community");
    case WAYMARK_WORKS_WITH_PROFESSIONALS:
      return _("Professionals");
    default:
      return NULL;
    }
}

const char *
waymark_setting_get_label (WaymarkSetting setting)
{
  switch (setting)
    {
    case WAYMARK_SETTING_SCHOOL:
      return _("School");
    case WAYMARK_SETTING_UNIVERSITY:
      return _("University");
    case WAYMARK_SETTING_NIGHT_TIME_ECONOMY:
      return _("Night-time economy");
    case WAYMARK_SETTING_COMMUNITY:
      return _("Community");
    case WAYMARK_SETTING_CAMPAIGN:
      return _("Campaign");
    case WAYMARK_SETTING_HEALTH:
      return _("Health");
    case WAYMARK_SETTING_HELPLINE:
      return _("Helpline");
    case WAYMARK_SETTING_THERAPY:
      return _("Therapy");
    case WAYMARK_SETTING_CHILDREN:
      return _("Children");
    case WAYMARK_SETTING_PERPETRATOR_PROGRAMME:
      return _("Perpetrator programme");
    case WAYMARK_SETTING_CRIMINAL_JUSTICE:
      return _("Criminal justice");
    case WAYMARK_SETTING_MULTI_AGENCY:
      return _("Multi-agency");
    default:
      return NULL;
    }
}

const char *
waymark_llr_status_get_label (WaymarkLlrStatus status)
{
  switch (status)
    {
    case WAYMARK_LLR_STATUS_IN_PLACE:
      return _("In place in LLR");
    case WAYMARK_LLR_STATUS_SIMILAR_IN_PLACE:
      return _("Similar in place in LLR");
    case WAYMARK_LLR_STATUS_NOT_IN_PLACE:
      return _("Not in place in LLR");
    case WAYMARK_LLR_STATUS_UNKNOWN:
    default:
      return _("Status in LLR unknown");
    }
}

const char *
waymark_gender_get_label (WaymarkGender gender)
{
  switch (gender)
    {
    case WAYMARK_GENDER_MALE:
      return _("Men and boys");
    case WAYMARK_GENDER_FEMALE:
      return _("Women and girls");
    case WAYMARK_GENDER_ANY:
      return _("Any gender");
    case WAYMARK_GENDER_UNSPECIFIED:
    default:
      return NULL;
    }
}

const char *
waymark_currency_get_symbol (WaymarkCurrency currency)
{
  switch (currency)
    {
    case WAYMARK_CURRENCY_USD:
      return "$";
    case WAYMARK_CURRENCY_EUR:
      return "€";
    case WAYMARK_CURRENCY_GBP:
    default:
      return "£";
    }
}

char *
waymark_flags_format_labels (GType flags_type,
                             guint flags)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (flags_type);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      guint bit = klass->values[i].value;
      const char *label = NULL;

      if ((flags & bit) == 0)
        continue;

      if (flags_type == WAYMARK_TYPE_LEVEL)
        label = waymark_level_get_label (bit);
      else if (flags_type == WAYMARK_TYPE_WORKS_WITH)
        label = waymark_works_with_get_label (bit);
      else if (flags_type == WAYMARK_TYPE_SETTING)
        label = waymark_setting_get_label (bit);

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, label != NULL ? label : klass->values[i].value_nick);
    }

  return g_string_free (out, FALSE);
}
