/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-intervention-private.h"

G_DEFINE_FINAL_TYPE (WaymarkIntervention, waymark_intervention, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUMMARY,
  PROP_LEVELS,
  PROP_FOCUS,
  PROP_WORKS_WITH,
  PROP_EVIDENCE_RATING,
  PROP_IMPACT_RATING,
  PROP_LLR_STATUS,
  PROP_COST,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
waymark_intervention_finalize (GObject *object)
{
  WaymarkIntervention *self = (WaymarkIntervention *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->summary);
  g_free (self->overview);
  g_free (self->resources);
  g_clear_pointer (&self->costs, g_ptr_array_unref);
  g_strfreev (self->cost_benefit);
  g_free (self->evidence_rating_as_written);
  g_free (self->impact_rating_as_written);
  g_free (self->evidence);
  g_free (self->impact);
  g_free (self->target_cohort);
  g_strfreev (self->opportunity_cohorts);
  g_free (self->feasibility);
  g_free (self->duration);
  g_free (self->sessions);
  g_strfreev (self->organisations);
  g_strfreev (self->references);
  g_free (self->section);
  g_free (self->notes);
  g_clear_pointer (&self->review_inconsistencies, g_ptr_array_unref);
  g_free (self->search_text);
  g_free (self->sort_name);

  G_OBJECT_CLASS (waymark_intervention_parent_class)->finalize (object);
}

static void
waymark_intervention_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WaymarkIntervention *self = WAYMARK_INTERVENTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_LEVELS:
      g_value_set_flags (value, self->levels);
      break;
    case PROP_FOCUS:
      g_value_set_enum (value, self->focus);
      break;
    case PROP_WORKS_WITH:
      g_value_set_flags (value, self->works_with);
      break;
    case PROP_EVIDENCE_RATING:
      g_value_set_enum (value, self->evidence_rating);
      break;
    case PROP_IMPACT_RATING:
      g_value_set_enum (value, self->impact_rating);
      break;
    case PROP_LLR_STATUS:
      g_value_set_enum (value, self->llr_status);
      break;
    case PROP_COST:
      g_value_set_boxed (value, waymark_intervention_get_cost (self));
      break;
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_intervention_class_init (WaymarkInterventionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = waymark_intervention_finalize;
  object_class->get_property = waymark_intervention_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_LEVELS] =
    g_param_spec_flags ("levels", NULL, NULL, WAYMARK_TYPE_LEVEL, 0, flags);
  properties[PROP_FOCUS] =
    g_param_spec_enum ("focus", NULL, NULL, WAYMARK_TYPE_FOCUS, WAYMARK_FOCUS_BOTH, flags);
  properties[PROP_WORKS_WITH] =
    g_param_spec_flags ("works-with", NULL, NULL, WAYMARK_TYPE_WORKS_WITH, 0, flags);
  properties[PROP_EVIDENCE_RATING] =
    g_param_spec_enum ("evidence-rating", NULL, NULL,
                       WAYMARK_TYPE_RATING, WAYMARK_RATING_NONE, flags);
  properties[PROP_IMPACT_RATING] =
    g_param_spec_enum ("impact-rating", NULL, NULL,
                       WAYMARK_TYPE_RATING, WAYMARK_RATING_NONE, flags);
  properties[PROP_LLR_STATUS] =
    g_param_spec_enum ("llr-status", NULL, NULL,
                       WAYMARK_TYPE_LLR_STATUS, WAYMARK_LLR_STATUS_UNKNOWN, flags);
  properties[PROP_COST] = g_param_spec_boxed ("cost", NULL, NULL, WAYMARK_TYPE_COST, flags);
  properties[PROP_SECTION] = g_param_spec_string ("section", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
waymark_intervention_init (WaymarkIntervention *self)
{
  self->costs = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_cost_free);
  self->review_inconsistencies =
    g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_review_inconsistency_free);
  self->age_min = -1;
  self->age_max = -1;
}

static void
review_quote_free (WaymarkReviewQuote *quote)
{
  g_free (quote->words);
  g_free (quote->section);
  g_free (quote);
}

WaymarkReviewInconsistency *
waymark_review_inconsistency_new (const char *about)
{
  WaymarkReviewInconsistency *self = g_new0 (WaymarkReviewInconsistency, 1);

  self->about = g_strdup (about);
  self->quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) review_quote_free);
  return self;
}

void
waymark_review_inconsistency_add_quote (WaymarkReviewInconsistency *self,
                                        const char                 *words,
                                        const char                 *section)
{
  WaymarkReviewQuote *quote = g_new0 (WaymarkReviewQuote, 1);

  g_return_if_fail (self != NULL);

  quote->words = g_strdup (words);
  quote->section = g_strdup (section);
  g_ptr_array_add (self->quotes, quote);
}

void
waymark_review_inconsistency_free (WaymarkReviewInconsistency *self)
{
  if (self == NULL)
    return;

  g_free (self->about);
  g_ptr_array_unref (self->quotes);
  g_free (self);
}

WaymarkIntervention *
waymark_intervention_new_empty (void)
{
  return g_object_new (WAYMARK_TYPE_INTERVENTION, NULL);
}

#define DEFINE_GETTER(type, field) \
  type \
  waymark_intervention_get_##field (WaymarkIntervention *self) \
  { \
    g_return_val_if_fail (WAYMARK_IS_INTERVENTION (self), (type) 0); \
    return (type) self->field; \
  }

DEFINE_GETTER (const char *, id)
DEFINE_GETTER (const char *, name)
DEFINE_GETTER (const char *, summary)
DEFINE_GETTER (WaymarkLevel, levels)
DEFINE_GETTER (WaymarkSetting, settings)
DEFINE_GETTER (WaymarkFocus, focus)
DEFINE_GETTER (WaymarkWorksWith, works_with)
DEFINE_GETTER (const char *, overview)
DEFINE_GETTER (const char *, resources)
DEFINE_GETTER (GPtrArray *, costs)
DEFINE_GETTER (const char * const *, cost_benefit)
DEFINE_GETTER (WaymarkRating, evidence_rating)
DEFINE_GETTER (const char *, evidence_rating_as_written)
DEFINE_GETTER (WaymarkRating, impact_rating)
DEFINE_GETTER (const char *, impact_rating_as_written)
DEFINE_GETTER (const char *, evidence)
DEFINE_GETTER (const char *, impact)
DEFINE_GETTER (const char *, target_cohort)
DEFINE_GETTER (int, age_min)
DEFINE_GETTER (int, age_max)
DEFINE_GETTER (WaymarkGender, gender)
DEFINE_GETTER (const char * const *, opportunity_cohorts)
DEFINE_GETTER (const char *, feasibility)
DEFINE_GETTER (WaymarkLlrStatus, llr_status)
DEFINE_GETTER (const char *, duration)
DEFINE_GETTER (const char *, sessions)
DEFINE_GETTER (const char * const *, organisations)
DEFINE_GETTER (const char * const *, references)
DEFINE_GETTER (const char *, section)
DEFINE_GETTER (const char *, notes)
DEFINE_GETTER (GPtrArray *, review_inconsistencies)

#undef DEFINE_GETTER

const WaymarkCost *
waymark_intervention_get_cost (WaymarkIntervention *self)
{
  g_return_val_if_fail (WAYMARK_IS_INTERVENTION (self), NULL);

  return self->costs->len > 0 ? g_ptr_array_index (self->costs, 0) : NULL;
}

gboolean
waymark_intervention_is_rated (WaymarkIntervention *self)
{
  g_return_val_if_fail (WAYMARK_IS_INTERVENTION (self), FALSE);

  return self->evidence_rating != WAYMARK_RATING_NONE || self->impact_rating != WAYMARK_RATING_NONE;
}

/* The review's note on a rating is the bracketed part of its words for it ("MEDIUM (note limited
 * evidence)"): it goes wherever the rating goes, word for word. */
char *
waymark_intervention_dup_rating_text (WaymarkIntervention *self,
                                      gboolean             evidence)
{
  WaymarkRating rating;
  const char *as_written;
  const char *note;

  g_return_val_if_fail (WAYMARK_IS_INTERVENTION (self), NULL);

  rating = evidence ? self->evidence_rating : self->impact_rating;
  as_written = evidence ? self->evidence_rating_as_written : self->impact_rating_as_written;
  note = as_written != NULL ? strchr (as_written, '(') : NULL;
  if (rating == WAYMARK_RATING_NONE || note == NULL)
    return g_strdup (waymark_rating_get_label (rating));

  /* Translators: a rating and the review's own note on it, "Moderate (note limited evidence)" */
  return g_strdup_printf (_("%s %s"), waymark_rating_get_label (rating), note);
}

char *
waymark_fold_for_search (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) stripped = NULL;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  stripped = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      g_string_append_unichar (stripped, c);
    }

  return g_utf8_casefold (stripped->str, stripped->len);
}

static void
append_folded (GString    *out,
               const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return;

  folded = waymark_fold_for_search (text);
  g_string_append (out, folded);
  /* A separator no query can contain, so a match never spans two fields. */
  g_string_append_c (out, '\n');
}

static void
append_folded_strv (GString            *out,
                    const char * const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    append_folded (out, strv[i]);
}

const char *
waymark_intervention_get_search_text (WaymarkIntervention *self)
{
  g_return_val_if_fail (WAYMARK_IS_INTERVENTION (self), NULL);

  if (self->search_text == NULL)
    {
      GString *out = g_string_new (NULL);

      append_folded (out, self->id);
      append_folded (out, self->name);
      append_folded (out, self->summary);
      append_folded (out, self->overview);
      append_folded (out, self->resources);
      append_folded_strv (out, (const char * const *) self->cost_benefit);
      append_folded (out, self->evidence);
      append_folded (out, self->impact);
      append_folded (out, self->target_cohort);
      append_folded_strv (out, (const char * const *) self->opportunity_cohorts);
      append_folded (out, self->feasibility);
      append_folded_strv (out, (const char * const *) self->organisations);
      append_folded_strv (out, (const char * const *) self->references);
      append_folded (out, self->section);

      self->search_text = g_string_free (out, FALSE);
    }

  return self->search_text;
}

const char *
waymark_intervention_get_sort_name (WaymarkIntervention *self)
{
  g_return_val_if_fail (WAYMARK_IS_INTERVENTION (self), NULL);

  if (self->sort_name == NULL)
    self->sort_name = waymark_fold_for_search (self->name);

  return self->sort_name;
}
