/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "waymark-context.h"

G_BEGIN_DECLS

/* Every closed set in the catalogue, with one table each (WaymarkChoice): the GEnum/GFlags nicks
 * are the ids the catalogue, the CLI, the settings and the exports use. */

/* One row of a closed set's table: the value, its id (the GEnum or GFlags nick: the word in files,
 * in GSettings and on the command line) and its words for people. The types are registered from
 * their tables, so each id is written once. */
typedef struct
{
  guint       value;        /* the enum value, or the flag's bit */
  const char *name;         /* the C name, GEnumValue's value_name */
  const char *id;
  const char *context;      /* the labels' msgctxt, or NULL */
  const char *label;        /* untranslated: waymark_choice_get_label() */
  const char *short_label;  /* under a heading that says the rest, or NULL for the label */
  const char *subtitle;     /* a note beside the short label, or NULL */
} WaymarkChoice;

typedef enum
{
  WAYMARK_LEVEL_PRIMARY   = 1 << 0,
  WAYMARK_LEVEL_SECONDARY = 1 << 1,
  WAYMARK_LEVEL_TERTIARY  = 1 << 2,
} WaymarkLevel;

#define WAYMARK_LEVEL_ALL (WAYMARK_LEVEL_PRIMARY | WAYMARK_LEVEL_SECONDARY | WAYMARK_LEVEL_TERTIARY)

/* Ordered: a larger value is a stronger rating. A range ranks by its low end where a minimum is
 * applied (see waymark_rating_get_floor()). */
typedef enum
{
  WAYMARK_RATING_NONE,
  WAYMARK_RATING_LOW,
  WAYMARK_RATING_LOW_MODERATE,
  WAYMARK_RATING_MODERATE,
  WAYMARK_RATING_HIGH,
} WaymarkRating;

typedef enum
{
  WAYMARK_FOCUS_DA,
  WAYMARK_FOCUS_SV,
  WAYMARK_FOCUS_BOTH,
} WaymarkFocus;

/* A set of WaymarkFocus values, as the filters hold it: bit 1 << value. */
typedef enum
{
  WAYMARK_FOCUS_SET_DA   = 1 << WAYMARK_FOCUS_DA,
  WAYMARK_FOCUS_SET_SV   = 1 << WAYMARK_FOCUS_SV,
  WAYMARK_FOCUS_SET_BOTH = 1 << WAYMARK_FOCUS_BOTH,
} WaymarkFocusSet;

typedef enum
{
  WAYMARK_WORKS_WITH_VICTIMS               = 1 << 0,
  WAYMARK_WORKS_WITH_PERPETRATORS          = 1 << 1,
  WAYMARK_WORKS_WITH_CHILDREN_YOUNG_PEOPLE = 1 << 2,
  WAYMARK_WORKS_WITH_COMMUNITY             = 1 << 3,
  WAYMARK_WORKS_WITH_PROFESSIONALS         = 1 << 4,
} WaymarkWorksWith;

typedef enum
{
  WAYMARK_SETTING_SCHOOL                = 1 << 0,
  WAYMARK_SETTING_UNIVERSITY            = 1 << 1,
  WAYMARK_SETTING_NIGHT_TIME_ECONOMY    = 1 << 2,
  WAYMARK_SETTING_COMMUNITY             = 1 << 3,
  WAYMARK_SETTING_CAMPAIGN              = 1 << 4,
  WAYMARK_SETTING_HEALTH                = 1 << 5,
  WAYMARK_SETTING_HELPLINE              = 1 << 6,
  WAYMARK_SETTING_THERAPY               = 1 << 7,
  WAYMARK_SETTING_CHILDREN              = 1 << 8,
  WAYMARK_SETTING_PERPETRATOR_PROGRAMME = 1 << 9,
  WAYMARK_SETTING_CRIMINAL_JUSTICE      = 1 << 10,
  WAYMARK_SETTING_MULTI_AGENCY          = 1 << 11,
} WaymarkSetting;

typedef enum
{
  WAYMARK_LLR_STATUS_UNKNOWN,
  WAYMARK_LLR_STATUS_IN_PLACE,
  WAYMARK_LLR_STATUS_SIMILAR_IN_PLACE,
  WAYMARK_LLR_STATUS_NOT_IN_PLACE,
} WaymarkLlrStatus;

/* A set of WaymarkLlrStatus values, as the filters hold it: bit 1 << value. */
typedef enum
{
  WAYMARK_LLR_STATUS_SET_UNKNOWN          = 1 << WAYMARK_LLR_STATUS_UNKNOWN,
  WAYMARK_LLR_STATUS_SET_IN_PLACE         = 1 << WAYMARK_LLR_STATUS_IN_PLACE,
  WAYMARK_LLR_STATUS_SET_SIMILAR_IN_PLACE = 1 << WAYMARK_LLR_STATUS_SIMILAR_IN_PLACE,
  WAYMARK_LLR_STATUS_SET_NOT_IN_PLACE     = 1 << WAYMARK_LLR_STATUS_NOT_IN_PLACE,
} WaymarkLlrStatusSet;

typedef enum
{
  WAYMARK_CURRENCY_GBP,
  WAYMARK_CURRENCY_USD,
  WAYMARK_CURRENCY_EUR,
} WaymarkCurrency;

typedef enum
{
  WAYMARK_GENDER_UNSPECIFIED,
  WAYMARK_GENDER_MALE,
  WAYMARK_GENDER_FEMALE,
  WAYMARK_GENDER_ANY,
} WaymarkGender;

typedef enum
{
  WAYMARK_COST_QUALIFIER_NONE,
  WAYMARK_COST_QUALIFIER_FROM,
  WAYMARK_COST_QUALIFIER_AROUND,
} WaymarkCostQualifier;

/* How a plan's years run (issue 16): financial years, April to March ("2026/27"), as public
 * bodies budget, or calendar years ("2026"). */
typedef enum
{
  WAYMARK_YEAR_KIND_FINANCIAL,
  WAYMARK_YEAR_KIND_CALENDAR,
} WaymarkYearKind;

#define WAYMARK_TYPE_LEVEL (waymark_level_get_type ())
#define WAYMARK_TYPE_RATING (waymark_rating_get_type ())
#define WAYMARK_TYPE_FOCUS (waymark_focus_get_type ())
#define WAYMARK_TYPE_FOCUS_SET (waymark_focus_set_get_type ())
#define WAYMARK_TYPE_WORKS_WITH (waymark_works_with_get_type ())
#define WAYMARK_TYPE_SETTING (waymark_setting_get_type ())
#define WAYMARK_TYPE_LLR_STATUS (waymark_llr_status_get_type ())
#define WAYMARK_TYPE_LLR_STATUS_SET (waymark_llr_status_set_get_type ())
#define WAYMARK_TYPE_CURRENCY (waymark_currency_get_type ())
#define WAYMARK_TYPE_GENDER (waymark_gender_get_type ())
#define WAYMARK_TYPE_COST_QUALIFIER (waymark_cost_qualifier_get_type ())
#define WAYMARK_TYPE_CONTEXT_KIND (waymark_context_kind_get_type ())
#define WAYMARK_TYPE_CONTEXT_UNIT (waymark_context_unit_get_type ())
#define WAYMARK_TYPE_YEAR_KIND (waymark_year_kind_get_type ())

GType waymark_level_get_type          (void) G_GNUC_CONST;
GType waymark_rating_get_type         (void) G_GNUC_CONST;
GType waymark_focus_get_type          (void) G_GNUC_CONST;
GType waymark_focus_set_get_type      (void) G_GNUC_CONST;
GType waymark_works_with_get_type     (void) G_GNUC_CONST;
GType waymark_setting_get_type        (void) G_GNUC_CONST;
GType waymark_llr_status_get_type     (void) G_GNUC_CONST;
GType waymark_llr_status_set_get_type (void) G_GNUC_CONST;
GType waymark_currency_get_type       (void) G_GNUC_CONST;
GType waymark_gender_get_type         (void) G_GNUC_CONST;
GType waymark_cost_qualifier_get_type (void) G_GNUC_CONST;
GType waymark_context_kind_get_type   (void) G_GNUC_CONST;
GType waymark_context_unit_get_type   (void) G_GNUC_CONST;
GType waymark_year_kind_get_type      (void) G_GNUC_CONST;

/* The table of a type registered from one (every type here but currency, gender and cost
 * qualifier, and the criteria's age groups and sort keys), in declaration order; NULL for others. */
const WaymarkChoice *waymark_choices_for_type       (GType                type,
                                                     guint               *n_choices);
/* The row of a value (a single flag), or of an id; NULL when there is none. */
const WaymarkChoice *waymark_choice_lookup          (GType                type,
                                                     guint                value);
const WaymarkChoice *waymark_choice_lookup_id       (GType                type,
                                                     const char          *id);
/* Translated. */
const char          *waymark_choice_get_label       (const WaymarkChoice *choice);
/* The translated label of a value of a type registered from a table; NULL for none. */
const char          *waymark_choice_label_of        (GType                type,
                                                     guint                value);
const char          *waymark_choice_get_short_label (const WaymarkChoice *choice);
const char          *waymark_choice_get_subtitle    (const WaymarkChoice *choice);

/* Registers an enum (or flags) type whose values, names and nicks are the table's rows; with
 * bit_of_value, a flags type of the bits 1 << value of an enum's table. */
GType waymark_choice_register_type (const char          *type_name,
                                    gboolean             is_flags,
                                    const WaymarkChoice *choices,
                                    guint                n_choices,
                                    gboolean             bit_of_value);

#define WAYMARK_DEFINE_CHOICE_TYPE(TypeName, type_name, is_flags, choices, bit_of_value) \
  GType \
  type_name##_get_type (void) \
  { \
    static gsize type_id = 0; \
    if (g_once_init_enter (&type_id)) \
      { \
        GType type = waymark_choice_register_type (#TypeName, is_flags, choices, \
                                                   G_N_ELEMENTS (choices), bit_of_value); \
        g_once_init_leave (&type_id, type); \
      } \
    return type_id; \
  }

/* Machine strings (the nicks): "low-moderate", "in-place", "GBP"... */
const char *waymark_enum_to_string   (GType        enum_type,
                                      int          value);
gboolean    waymark_enum_from_string (GType        enum_type,
                                      const char  *string,
                                      int         *value);
/* "a, b, c": the nicks of an enum, for messages that list what is allowed. */
char       *waymark_enum_list_nicks  (GType        enum_or_flags_type,
                                      int          first_value);

guint       waymark_flags_from_strv    (GType               flags_type,
                                        const char * const *strv,
                                        const char        **invalid);
char      **waymark_flags_to_strv      (GType               flags_type,
                                        guint               flags);
char       *waymark_flags_to_string    (GType               flags_type,
                                        guint               flags,
                                        const char         *separator);
WaymarkLevel waymark_level_get_lowest  (WaymarkLevel        levels);

/* The low end of a rating, on the review's three-point scale (a range counts as its low end). */
WaymarkRating waymark_rating_get_floor (WaymarkRating rating);
/* Accepts the review's own words too: "LOW/MODERATE", "MODERATE/LOW", "MEDIUM". */
gboolean      waymark_rating_parse_review_words (const char    *words,
                                                 WaymarkRating *rating);

/* Words for people, translated. */
const char *waymark_level_get_label      (WaymarkLevel     level);
const char *waymark_rating_get_label     (WaymarkRating    rating);
const char *waymark_focus_get_label      (WaymarkFocus     focus);
const char *waymark_works_with_get_label (WaymarkWorksWith works_with);
const char *waymark_setting_get_label    (WaymarkSetting   setting);
const char *waymark_llr_status_get_label (WaymarkLlrStatus status);
/* NULL for WAYMARK_GENDER_UNSPECIFIED: there is nothing to say. */
const char *waymark_gender_get_label     (WaymarkGender    gender);
const char *waymark_currency_get_symbol  (WaymarkCurrency  currency);
/* "Local context", "Funding", "Gap in provision"...; "people", "percent", "GBP"... */
const char *waymark_context_kind_get_label (WaymarkContextKind kind);
const char *waymark_context_unit_get_label (WaymarkContextUnit unit);
/* "financial", "calendar"; "Financial years (April to March)", "Calendar years". */
const char *waymark_year_kind_get_id    (WaymarkYearKind kind);
const char *waymark_year_kind_get_label (WaymarkYearKind kind);
/* "Primary, Secondary": the labels of a level, works-with or setting flags value. */
char       *waymark_flags_format_labels  (GType            flags_type,
                                          guint            flags);

G_END_DECLS
