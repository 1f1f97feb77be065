/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-enums.h"

/* Registering a type from its table */

typedef struct
{
  const WaymarkChoice *choices;
  guint                n_choices;
} ChoiceTable;

static GQuark
choice_table_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("waymark-choice-table");
  return quark;
}

GType
waymark_choice_register_type (const char          *type_name,
                              gboolean             is_flags,
                              const WaymarkChoice *choices,
                              guint                n_choices,
                              gboolean             bit_of_value)
{
  /* Registered once per process and never freed, as GLib's own static types are. */
  ChoiceTable *table = g_new0 (ChoiceTable, 1);
  GType type;

  if (bit_of_value)
    {
      /* A set of an enum's values: the same rows, each value the bit 1 << value. */
      WaymarkChoice *rows = g_new (WaymarkChoice, n_choices);

      for (guint i = 0; i < n_choices; i++)
        {
          g_assert (choices[i].value < 32);
          rows[i] = choices[i];
          rows[i].value = 1u << choices[i].value;
        }
      choices = rows;
    }

  if (is_flags)
    {
      GFlagsValue *values = g_new0 (GFlagsValue, n_choices + 1);

      for (guint i = 0; i < n_choices; i++)
        values[i] = (GFlagsValue) { choices[i].value, choices[i].name, choices[i].id };
      type = g_flags_register_static (g_intern_string (type_name), values);
    }
  else
    {
      GEnumValue *values = g_new0 (GEnumValue, n_choices + 1);

      for (guint i = 0; i < n_choices; i++)
        values[i] = (GEnumValue) { (int) choices[i].value, choices[i].name, choices[i].id };
      type = g_enum_register_static (g_intern_string (type_name), values);
    }

  table->choices = choices;
  table->n_choices = n_choices;
  g_type_set_qdata (type, choice_table_quark (), table);

  return type;
}

const WaymarkChoice *
waymark_choices_for_type (GType  type,
                          guint *n_choices)
{
  ChoiceTable *table;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type) || G_TYPE_IS_FLAGS (type), NULL);

  table = g_type_get_qdata (type, choice_table_quark ());
  if (n_choices != NULL)
    *n_choices = table != NULL ? table->n_choices : 0;
  return table != NULL ? table->choices : NULL;
}

const WaymarkChoice *
waymark_choice_lookup (GType type,
                       guint value)
{
  guint n;
  const WaymarkChoice *choices = waymark_choices_for_type (type, &n);

  for (guint i = 0; i < n; i++)
    if (choices[i].value == value)
      return &choices[i];

  return NULL;
}

const WaymarkChoice *
waymark_choice_lookup_id (GType       type,
                          const char *id)
{
  guint n;
  const WaymarkChoice *choices = waymark_choices_for_type (type, &n);

  if (id == NULL)
    return NULL;

  for (guint i = 0; i < n; i++)
    if (g_str_equal (choices[i].id, id))
      return &choices[i];

  return NULL;
}

static const char *
translate (const char *context,
           const char *text)
{
  if (text == NULL)
    return NULL;
  return context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, text)
                         : g_dgettext (GETTEXT_PACKAGE, text);
}

const char *
waymark_choice_get_label (const WaymarkChoice *choice)
{
  g_return_val_if_fail (choice != NULL, NULL);
  return translate (choice->context, choice->label);
}

const char *
waymark_choice_get_short_label (const WaymarkChoice *choice)
{
  g_return_val_if_fail (choice != NULL, NULL);
  return choice->short_label != NULL ? translate (choice->context, choice->short_label)
                                     : waymark_choice_get_label (choice);
}

const char *
waymark_choice_get_subtitle (const WaymarkChoice *choice)
{
  g_return_val_if_fail (choice != NULL, NULL);
  return translate (NULL, choice->subtitle);
}

/* The tables: one row per value, in declaration order. The types are registered from them, so
 * the ids (the nicks) are written once. Labels are marked here and translated when asked for. */

#define ROW(value, id, label) { value, #value, id, NULL, label, NULL, NULL }
#define ROW_C(value, id, context, label) { value, #value, id, context, label, NULL, NULL }

static const WaymarkChoice level_choices[] = {
  ROW (WAYMARK_LEVEL_PRIMARY, "primary", N_("Primary")),
  ROW (WAYMARK_LEVEL_SECONDARY, "secondary", N_("Secondary")),
  ROW (WAYMARK_LEVEL_TERTIARY, "tertiary", N_("Tertiary")),
};

static const WaymarkChoice rating_choices[] = {
  ROW_C (WAYMARK_RATING_NONE, "none", "rating", NC_("rating", "Not rated")),
  ROW_C (WAYMARK_RATING_LOW, "low", "rating", NC_("rating", "Low")),
  ROW_C (WAYMARK_RATING_LOW_MODERATE, "low-moderate", "rating", NC_("rating", "Low to moderate")),
  ROW_C (WAYMARK_RATING_MODERATE, "moderate", "rating", NC_("rating", "Moderate")),
  ROW_C (WAYMARK_RATING_HIGH, "high", "rating", NC_("rating", "High")),
};

static const WaymarkChoice focus_choices[] = {
  ROW (WAYMARK_FOCUS_DA, "da", N_("Domestic abuse")),
  ROW (WAYMARK_FOCUS_SV, "sv", N_("Sexual violence")),
  ROW (WAYMARK_FOCUS_BOTH, "both", N_("Domestic abuse and sexual violence")),
};

static const WaymarkChoice works_with_choices[] = {
  ROW (WAYMARK_WORKS_WITH_VICTIMS, "victims", N_("Victims")),
  ROW (WAYMARK_WORKS_WITH_PERPETRATORS, "perpetrators", N_("Perpetrators")),
  ROW (WAYMARK_WORKS_WITH_CHILDREN_YOUNG_PEOPLE, "children-young-people",
       N_("Children and young people")),
  ROW (WAYMARK_WORKS_WITH_COMMUNITY, "community", N_("Community")),
  ROW (WAYMARK_WORKS_WITH_PROFESSIONALS, "professionals", N_("Professionals")),
};

static const WaymarkChoice setting_choices[] = {
  ROW (WAYMARK_SETTING_SCHOOL, "school", N_("School")),
  ROW (WAYMARK_SETTING_UNIVERSITY, "university", N_("University")),
  ROW (WAYMARK_SETTING_NIGHT_TIME_ECONOMY, "night-time-economy", N_("Night-time economy")),
  ROW (WAYMARK_SETTING_COMMUNITY, "community", N_("Community")),
  ROW (WAYMARK_SETTING_CAMPAIGN, "campaign", N_("Campaign")),
  ROW (WAYMARK_SETTING_HEALTH, "health", N_("Health")),
  ROW (WAYMARK_SETTING_HELPLINE, "helpline", N_("Helpline")),
  ROW (WAYMARK_SETTING_THERAPY, "therapy", N_("Therapy")),
  ROW (WAYMARK_SETTING_CHILDREN, "children", N_("Children")),
  ROW (WAYMARK_SETTING_PERPETRATOR_PROGRAMME, "perpetrator-programme", N_("Perpetrator programme")),
  ROW (WAYMARK_SETTING_CRIMINAL_JUSTICE, "criminal-justice", N_("Criminal justice")),
  ROW (WAYMARK_SETTING_MULTI_AGENCY, "multi-agency", N_("Multi-agency")),
};

/* The short labels are what the filter pane shows under its heading "Status in LLR". */
static const WaymarkChoice llr_status_choices[] = {
  { WAYMARK_LLR_STATUS_UNKNOWN, "WAYMARK_LLR_STATUS_UNKNOWN", "unknown", NULL,
    N_("Status in LLR unknown"), N_("Unknown"), NULL },
  { WAYMARK_LLR_STATUS_IN_PLACE, "WAYMARK_LLR_STATUS_IN_PLACE", "in-place", NULL,
    N_("In place in LLR"), N_("In place"), NULL },
  { WAYMARK_LLR_STATUS_SIMILAR_IN_PLACE, "WAYMARK_LLR_STATUS_SIMILAR_IN_PLACE", "similar-in-place", NULL,
    N_("Similar in place in LLR"), N_("Something similar in place"), NULL },
  { WAYMARK_LLR_STATUS_NOT_IN_PLACE, "WAYMARK_LLR_STATUS_NOT_IN_PLACE", "not-in-place", NULL,
    N_("Not in place in LLR"), N_("Not in place"), NULL },
};

/* The review's picture beyond its interventions (waymark-context.h). The kinds' ids are the words
 * of the catalogue's "kind" and of `waymark-cli context --kind`; "provider" is never in a file:
 * those entries are made from the providers. */
static const WaymarkChoice context_kind_choices[] = {
  ROW_C (WAYMARK_CONTEXT_KIND_CONTEXT, "context", "context kind", NC_("context kind", "Local context")),
  ROW_C (WAYMARK_CONTEXT_KIND_FUNDING, "funding", "context kind", NC_("context kind", "Funding")),
  ROW_C (WAYMARK_CONTEXT_KIND_GAP, "gap", "context kind", NC_("context kind", "Gap in provision")),
  ROW_C (WAYMARK_CONTEXT_KIND_RECOMMENDATION, "recommendation", "context kind",
         NC_("context kind", "Recommendation")),
  ROW_C (WAYMARK_CONTEXT_KIND_STANDARD, "standard", "context kind", NC_("context kind", "Standard")),
  ROW_C (WAYMARK_CONTEXT_KIND_PROVIDER, "provider", "context kind",
         NC_("context kind", "Commissioned service")),
};

/* What a figure counts. The ids are the catalogue's and the exports' words, so GBP is an ISO 4217
 * code as the costs' currency is; the labels are for people. */
static const WaymarkChoice context_unit_choices[] = {
  ROW_C (WAYMARK_CONTEXT_UNIT_PEOPLE, "people", "context unit", NC_("context unit", "people")),
  ROW_C (WAYMARK_CONTEXT_UNIT_PERCENT, "percent", "context unit", NC_("context unit", "percent")),
  ROW_C (WAYMARK_CONTEXT_UNIT_GBP, "GBP", "context unit", NC_("context unit", "GBP")),
  ROW_C (WAYMARK_CONTEXT_UNIT_RATIO, "ratio", "context unit", NC_("context unit", "ratio")),
  ROW_C (WAYMARK_CONTEXT_UNIT_TEXT, "text", "context unit", NC_("context unit", "text")),
};

static const WaymarkChoice year_kind_choices[] = {
  ROW (WAYMARK_YEAR_KIND_FINANCIAL, "financial", N_("Financial years (April to March)")),
  ROW (WAYMARK_YEAR_KIND_CALENDAR, "calendar", N_("Calendar years")),
};

#undef ROW
#undef ROW_C

WAYMARK_DEFINE_CHOICE_TYPE (WaymarkLevel, waymark_level, TRUE, level_choices, FALSE)
WAYMARK_DEFINE_CHOICE_TYPE (WaymarkRating, waymark_rating, FALSE, rating_choices, FALSE)
WAYMARK_DEFINE_CHOICE_TYPE (WaymarkFocus, waymark_focus, FALSE, focus_choices, FALSE)
WAYMARK_DEFINE_CHOICE_TYPE (WaymarkFocusSet, waymark_focus_set, TRUE, focus_choices, TRUE)
WAYMARK_DEFINE_CHOICE_TYPE (WaymarkWorksWith, waymark_works_with, TRUE, works_with_choices, FALSE)
WAYMARK_DEFINE_CHOICE_TYPE (WaymarkSetting, waymark_setting, TRUE, setting_choices, FALSE)
WAYMARK_DEFINE_CHOICE_TYPE (WaymarkLlrStatus, waymark_llr_status, FALSE, llr_status_choices, FALSE)
WAYMARK_DEFINE_CHOICE_TYPE (WaymarkLlrStatusSet, waymark_llr_status_set, TRUE, llr_status_choices, TRUE)
WAYMARK_DEFINE_CHOICE_TYPE (WaymarkContextKind, waymark_context_kind, FALSE, context_kind_choices, FALSE)
WAYMARK_DEFINE_CHOICE_TYPE (WaymarkContextUnit, waymark_context_unit, FALSE, context_unit_choices, FALSE)
WAYMARK_DEFINE_CHOICE_TYPE (WaymarkYearKind, waymark_year_kind, FALSE, year_kind_choices, FALSE)

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
waymark_choice_label_of (GType type,
                         guint value)
{
  const WaymarkChoice *choice = waymark_choice_lookup (type, value);

  return choice != NULL ? waymark_choice_get_label (choice) : NULL;
}

const char *
waymark_level_get_label (WaymarkLevel level)
{
  const char *label = waymark_choice_label_of (WAYMARK_TYPE_LEVEL, waymark_level_get_lowest (level));

  return label != NULL ? label : _("Unknown");
}

const char *
waymark_rating_get_label (WaymarkRating rating)
{
  const char *label = waymark_choice_label_of (WAYMARK_TYPE_RATING, rating);

  return label != NULL ? label : waymark_choice_label_of (WAYMARK_TYPE_RATING, WAYMARK_RATING_NONE);
}

const char *
waymark_focus_get_label (WaymarkFocus focus)
{
  const char *label = waymark_choice_label_of (WAYMARK_TYPE_FOCUS, focus);

  return label != NULL ? label : waymark_choice_label_of (WAYMARK_TYPE_FOCUS, WAYMARK_FOCUS_BOTH);
}

const char *
waymark_works_with_get_label (WaymarkWorksWith works_with)
{
  return waymark_choice_label_of (WAYMARK_TYPE_WORKS_WITH, works_with);
}

const char *
waymark_setting_get_label (WaymarkSetting setting)
{
  return waymark_choice_label_of (WAYMARK_TYPE_SETTING, setting);
}

const char *
waymark_llr_status_get_label (WaymarkLlrStatus status)
{
  const char *label = waymark_choice_label_of (WAYMARK_TYPE_LLR_STATUS, status);

  return label != NULL ? label : waymark_choice_label_of (WAYMARK_TYPE_LLR_STATUS, WAYMARK_LLR_STATUS_UNKNOWN);
}

const char *
waymark_context_kind_get_label (WaymarkContextKind kind)
{
  return waymark_choice_label_of (WAYMARK_TYPE_CONTEXT_KIND, kind);
}

const char *
waymark_context_unit_get_label (WaymarkContextUnit unit)
{
  return waymark_choice_label_of (WAYMARK_TYPE_CONTEXT_UNIT, unit);
}

const char *
waymark_year_kind_get_id (WaymarkYearKind kind)
{
  const WaymarkChoice *choice = waymark_choice_lookup (WAYMARK_TYPE_YEAR_KIND, kind);

  return choice != NULL ? choice->id : NULL;
}

const char *
waymark_year_kind_get_label (WaymarkYearKind kind)
{
  return waymark_choice_label_of (WAYMARK_TYPE_YEAR_KIND, kind);
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
      const char *label;

      if ((flags & bit) == 0)
        continue;

      label = waymark_choice_label_of (flags_type, bit);

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, label != NULL ? label : klass->values[i].value_nick);
    }

  return g_string_free (out, FALSE);
}
