/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "waymark-catalogue-private.h"
#include "waymark-intervention-json.h"
#include "waymark-intervention-private.h"
#include "waymark-json-reader.h"
#include "waymark-money.h"
#include "waymark-json-writer.h"

static const char * const intervention_keys[] = {
  "id", "name", "summary", "levels", "settings", "focus", "works_with", "overview", "resources",
  "costs", "cost_benefit", "evidence_rating", "evidence_rating_as_written", "impact_rating",
  "impact_rating_as_written", "evidence", "impact", "target_cohort", "opportunity_cohorts",
  "feasibility", "llr_status", "delivery", "organisations", "references", "section", "notes",
  "review_inconsistencies", NULL
};

gboolean
waymark_catalogue_id_is_valid (const char *id)
{
  gboolean after_dash = TRUE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (*p == '-')
        {
          if (after_dash)
            return FALSE;
          after_dash = TRUE;
        }
      else if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        after_dash = FALSE;
      else
        return FALSE;
    }

  return !after_dash;
}

gboolean
waymark_cost_read_json (WaymarkJsonReader  *reader,
                        JsonObject         *object,
                        WaymarkCost       **out)
{
  static const char * const keys[] = {
    "amount_minor", "low_minor", "high_minor", "currency", "basis", "qualifier", "as_written",
    "waymarks_reading", NULL
  };
  g_autofree char *basis = NULL;
  g_autofree char *as_written = NULL;
  g_autofree char *waymarks_reading = NULL;
  gint64 low = 0, high = 0;
  int currency, qualifier;
  gboolean has_amount = json_object_has_member (object, "amount_minor");
  gboolean has_low = json_object_has_member (object, "low_minor");
  gboolean has_high = json_object_has_member (object, "high_minor");

  if (!waymark_json_reader_check_keys (reader, object, keys))
    return FALSE;

  if (has_amount && (has_low || has_high))
    return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_INVALID_VALUE,
                                     _("give either amount_minor or low_minor and high_minor, "
                                       "not both"));
  if (has_amount)
    {
      if (!waymark_json_reader_get_int (reader, object, "amount_minor", TRUE, 0,
                                        WAYMARK_MONEY_MAX, &low))
        return FALSE;
      high = low;
    }
  else if (has_low || has_high)
    {
      if (!waymark_json_reader_get_int (reader, object, "low_minor", TRUE, 0,
                                        WAYMARK_MONEY_MAX, &low) ||
          !waymark_json_reader_get_int (reader, object, "high_minor", TRUE, 0,
                                        WAYMARK_MONEY_MAX, &high))
        return FALSE;
      if (low > high)
        return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_INVALID_VALUE,
                                         _("low_minor (%" PRId64 ") is more than "
                                           "high_minor (%" PRId64 ")"), low, high);
    }
  else
    return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_MISSING_FIELD,
                                     _("amount_minor is missing (or low_minor and high_minor "
                                       "for a range)"));

  if (!waymark_json_reader_get_enum (reader, object, "currency", WAYMARK_TYPE_CURRENCY,
                                     FALSE, 0, 0, &currency) ||
      !waymark_json_reader_get_enum (reader, object, "qualifier", WAYMARK_TYPE_COST_QUALIFIER,
                                     TRUE, WAYMARK_COST_QUALIFIER_NONE,
                                     WAYMARK_COST_QUALIFIER_FROM, &qualifier) ||
      !waymark_json_reader_get_text (reader, object, "basis", TRUE, FALSE, &basis) ||
      !waymark_json_reader_get_text (reader, object, "as_written", TRUE, FALSE, &as_written) ||
      !waymark_json_reader_get_text (reader, object, "waymarks_reading", FALSE, FALSE,
                                     &waymarks_reading))
    return FALSE;

  *out = waymark_cost_new (low, high, currency, qualifier, basis, as_written);
  (*out)->waymarks_reading = g_steal_pointer (&waymarks_reading);
  return TRUE;
}

static gboolean
read_costs (WaymarkJsonReader   *reader,
            JsonObject          *object,
            WaymarkIntervention *self)
{
  JsonArray *costs;

  if (!waymark_json_reader_get_array (reader, object, "costs", &costs))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (costs); i++)
    {
      g_autofree char *where = g_strdup_printf ("costs[%u]", i);
      WaymarkCost *cost = NULL;
      JsonObject *item;

      if (!waymark_json_reader_get_array_object (reader, costs, i, "costs", &item))
        return FALSE;

      waymark_json_reader_push (reader, where);
      if (!waymark_cost_read_json (reader, item, &cost))
        return FALSE;
      waymark_json_reader_pop (reader);

      g_ptr_array_add (self->costs, cost);
    }

  return TRUE;
}

static gboolean
read_rating (WaymarkJsonReader *reader,
             JsonObject        *object,
             const char        *key,
             const char        *as_written_key,
             WaymarkRating     *rating,
             char             **as_written)
{
  int value;

  if (!waymark_json_reader_get_enum (reader, object, key, WAYMARK_TYPE_RATING, TRUE,
                                     WAYMARK_RATING_NONE, WAYMARK_RATING_LOW, &value) ||
      !waymark_json_reader_get_text (reader, object, as_written_key, TRUE, TRUE, as_written))
    return FALSE;

  *rating = value;
  return TRUE;
}

static gboolean
read_target_cohort (WaymarkJsonReader   *reader,
                    JsonObject          *object,
                    WaymarkIntervention *self)
{
  static const char * const keys[] = { "text", "age_min", "age_max", "gender", NULL };
  JsonObject *cohort;
  gint64 age = 0;
  gboolean present;
  int gender;

  if (!waymark_json_reader_get_object (reader, object, "target_cohort", TRUE, &cohort))
    return FALSE;

  waymark_json_reader_push (reader, "target_cohort");
  if (!waymark_json_reader_check_keys (reader, cohort, keys) ||
      !waymark_json_reader_get_text (reader, cohort, "text", TRUE, TRUE, &self->target_cohort))
    return FALSE;

  if (!waymark_json_reader_get_optional_int (reader, cohort, "age_min", 0, 120, &age, &present))
    return FALSE;
  self->age_min = present ? (int) age : -1;
  if (!waymark_json_reader_get_optional_int (reader, cohort, "age_max", 0, 120, &age, &present))
    return FALSE;
  self->age_max = present ? (int) age : -1;

  if (self->age_min >= 0 && self->age_max >= 0 && self->age_min > self->age_max)
    return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_INVALID_VALUE,
                                     _("age_min (%d) is more than age_max (%d)"),
                                     self->age_min, self->age_max);

  if (!waymark_json_reader_get_enum (reader, cohort, "gender", WAYMARK_TYPE_GENDER, TRUE,
                                     WAYMARK_GENDER_UNSPECIFIED, WAYMARK_GENDER_MALE, &gender))
    return FALSE;
  self->gender = gender;
  waymark_json_reader_pop (reader);

  return TRUE;
}

static gboolean
read_delivery (WaymarkJsonReader   *reader,
               JsonObject          *object,
               WaymarkIntervention *self)
{
  static const char * const keys[] = { "duration", "sessions", NULL };
  JsonObject *delivery;

  if (!waymark_json_reader_get_object (reader, object, "delivery", TRUE, &delivery))
    return FALSE;

  waymark_json_reader_push (reader, "delivery");
  if (!waymark_json_reader_check_keys (reader, delivery, keys) ||
      !waymark_json_reader_get_text (reader, delivery, "duration", TRUE, TRUE, &self->duration) ||
      !waymark_json_reader_get_text (reader, delivery, "sessions", TRUE, TRUE, &self->sessions))
    return FALSE;
  waymark_json_reader_pop (reader);

  return TRUE;
}

static gboolean
read_quote (WaymarkJsonReader          *reader,
            JsonObject                 *object,
            WaymarkReviewInconsistency *inconsistency)
{
  static const char * const keys[] = { "words", "section", NULL };
  g_autofree char *words = NULL;
  g_autofree char *section = NULL;

  if (!waymark_json_reader_check_keys (reader, object, keys) ||
      !waymark_json_reader_get_text (reader, object, "words", TRUE, FALSE, &words) ||
      !waymark_json_reader_get_text (reader, object, "section", TRUE, FALSE, &section))
    return FALSE;

  waymark_review_inconsistency_add_quote (inconsistency, words, section);
  return TRUE;
}

static gboolean
read_inconsistency (WaymarkJsonReader   *reader,
                    JsonObject          *object,
                    WaymarkIntervention *self)
{
  static const char * const keys[] = { "about", "quotes", NULL };
  g_autofree char *about = NULL;
  WaymarkReviewInconsistency *inconsistency;
  JsonArray *quotes;

  if (!waymark_json_reader_check_keys (reader, object, keys) ||
      !waymark_json_reader_get_text (reader, object, "about", TRUE, FALSE, &about) ||
      !waymark_json_reader_get_array (reader, object, "quotes", &quotes))
    return FALSE;

  /* A contradiction needs two places to quote. */
  if (json_array_get_length (quotes) < 2)
    return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_INVALID_VALUE,
                                     _("quotes needs at least two quotations, one from "
                                       "each place the review says something different"));

  inconsistency = waymark_review_inconsistency_new (about);
  g_ptr_array_add (self->review_inconsistencies, inconsistency);
  for (guint i = 0; i < json_array_get_length (quotes); i++)
    {
      g_autofree char *where = g_strdup_printf ("quotes[%u]", i);
      JsonObject *quote;

      if (!waymark_json_reader_get_array_object (reader, quotes, i, "quotes", &quote))
        return FALSE;
      waymark_json_reader_push (reader, where);
      if (!read_quote (reader, quote, inconsistency))
        return FALSE;
      waymark_json_reader_pop (reader);
    }

  return TRUE;
}

/* Optional: most entries have none. */
static gboolean
read_inconsistencies (WaymarkJsonReader   *reader,
                      JsonObject          *object,
                      WaymarkIntervention *self)
{
  JsonArray *list;

  if (!json_object_has_member (object, "review_inconsistencies"))
    return TRUE;
  if (!waymark_json_reader_get_array (reader, object, "review_inconsistencies", &list))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *where = g_strdup_printf ("review_inconsistencies[%u]", i);
      JsonObject *item;

      if (!waymark_json_reader_get_array_object (reader, list, i, "review_inconsistencies",
                                                 &item))
        return FALSE;
      waymark_json_reader_push (reader, where);
      if (!read_inconsistency (reader, item, self))
        return FALSE;
      waymark_json_reader_pop (reader);
    }

  return TRUE;
}

static gboolean
read_fields (WaymarkJsonReader   *reader,
             JsonObject          *object,
             WaymarkIntervention *self)
{
  guint levels, settings, works_with;
  int focus, status;

  if (!waymark_json_reader_get_text (reader, object, "name", TRUE, FALSE, &self->name) ||
      !waymark_json_reader_get_text (reader, object, "summary", TRUE, FALSE, &self->summary) ||
      !waymark_json_reader_get_flags (reader, object, "levels", WAYMARK_TYPE_LEVEL, TRUE,
                                      &levels) ||
      !waymark_json_reader_get_flags (reader, object, "settings", WAYMARK_TYPE_SETTING, FALSE,
                                      &settings) ||
      !waymark_json_reader_get_enum (reader, object, "focus", WAYMARK_TYPE_FOCUS, FALSE, 0, 0,
                                     &focus) ||
      !waymark_json_reader_get_flags (reader, object, "works_with", WAYMARK_TYPE_WORKS_WITH,
                                      FALSE, &works_with) ||
      !waymark_json_reader_get_text (reader, object, "overview", TRUE, FALSE, &self->overview) ||
      !waymark_json_reader_get_text (reader, object, "resources", TRUE, TRUE, &self->resources) ||
      !read_costs (reader, object, self) ||
      !waymark_json_reader_get_strv (reader, object, "cost_benefit", &self->cost_benefit) ||
      !read_rating (reader, object, "evidence_rating", "evidence_rating_as_written",
                    &self->evidence_rating, &self->evidence_rating_as_written) ||
      !read_rating (reader, object, "impact_rating", "impact_rating_as_written",
                    &self->impact_rating, &self->impact_rating_as_written) ||
      !waymark_json_reader_get_text (reader, object, "evidence", TRUE, TRUE, &self->evidence) ||
      !waymark_json_reader_get_text (reader, object, "impact", TRUE, TRUE, &self->impact) ||
      !read_target_cohort (reader, object, self) ||
      !waymark_json_reader_get_strv (reader, object, "opportunity_cohorts",
                                     &self->opportunity_cohorts) ||
      !waymark_json_reader_get_text (reader, object, "feasibility", TRUE, TRUE,
                                     &self->feasibility) ||
      !waymark_json_reader_get_enum (reader, object, "llr_status", WAYMARK_TYPE_LLR_STATUS,
                                     FALSE, 0, 0, &status) ||
      !read_delivery (reader, object, self) ||
      !waymark_json_reader_get_strv (reader, object, "organisations", &self->organisations) ||
      !waymark_json_reader_get_strv (reader, object, "references", &self->references) ||
      !waymark_json_reader_get_text (reader, object, "section", TRUE, FALSE, &self->section) ||
      !waymark_json_reader_get_text (reader, object, "notes", FALSE, TRUE, &self->notes) ||
      !read_inconsistencies (reader, object, self))
    return FALSE;

  self->levels = levels;
  self->settings = settings;
  self->focus = focus;
  self->works_with = works_with;
  self->llr_status = status;

  return TRUE;
}

WaymarkIntervention *
waymark_intervention_read_json (WaymarkJsonReader *reader,
                                JsonObject        *object,
                                guint              index)
{
  g_autoptr(WaymarkIntervention) self = waymark_intervention_new_empty ();
  g_autofree char *where = g_strdup_printf ("interventions[%u]", index);
  g_autofree char *named = NULL;
  g_autofree char *shown = NULL;
  gboolean ok;

  waymark_json_reader_push (reader, where);
  if (!waymark_json_reader_get_text (reader, object, "id", TRUE, FALSE, &self->id))
    return NULL;
  shown = waymark_json_reader_excerpt (self->id);
  if (!waymark_catalogue_id_is_valid (self->id))
    {
      waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_INVALID_VALUE,
                                _("id \"%s\" should be lower-case letters, digits and single "
                                  "hyphens, like \"safe-dates\""), shown);
      return NULL;
    }
  waymark_json_reader_pop (reader);

  /* From here on, messages name the intervention the way a commissioner would look for it. */
  named = g_strdup_printf ("intervention \"%s\"", shown);
  waymark_json_reader_push (reader, named);
  ok = waymark_json_reader_check_keys (reader, object, intervention_keys) &&
       read_fields (reader, object, self);
  if (!ok)
    return NULL;
  waymark_json_reader_pop (reader);

  self->position = index;
  return g_steal_pointer (&self);
}

/* Writing */

void
waymark_cost_write_json (JsonBuilder       *builder,
                         const WaymarkCost *cost)
{
  json_builder_begin_object (builder);
  if (waymark_cost_is_range (cost))
    {
      json_builder_set_member_name (builder, "low_minor");
      json_builder_add_int_value (builder, cost->low_minor);
      json_builder_set_member_name (builder, "high_minor");
      json_builder_add_int_value (builder, cost->high_minor);
    }
  else
    {
      json_builder_set_member_name (builder, "amount_minor");
      json_builder_add_int_value (builder, cost->low_minor);
    }
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder,
                                 waymark_enum_to_string (WAYMARK_TYPE_CURRENCY, cost->currency));
  json_builder_set_member_name (builder, "basis");
  json_builder_add_string_value (builder, cost->basis);
  waymark_json_add_string_or_null (builder, "qualifier",
                    cost->qualifier == WAYMARK_COST_QUALIFIER_NONE ? NULL
                    : waymark_enum_to_string (WAYMARK_TYPE_COST_QUALIFIER, cost->qualifier));
  json_builder_set_member_name (builder, "as_written");
  json_builder_add_string_value (builder, cost->as_written);
  if (cost->waymarks_reading != NULL)
    {
      json_builder_set_member_name (builder, "waymarks_reading");
      json_builder_add_string_value (builder, cost->waymarks_reading);
    }
  json_builder_end_object (builder);
}

static void
add_costs (JsonBuilder *builder,
           GPtrArray   *costs)
{
  json_builder_set_member_name (builder, "costs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < costs->len; i++)
    waymark_cost_write_json (builder, g_ptr_array_index (costs, i));
  json_builder_end_array (builder);
}

static void
add_inconsistencies (JsonBuilder *builder,
                     GPtrArray   *list)
{
  json_builder_set_member_name (builder, "review_inconsistencies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < list->len; i++)
    {
      WaymarkReviewInconsistency *inconsistency = g_ptr_array_index (list, i);

      json_builder_begin_object (builder);
      waymark_json_add_string_or_null (builder, "about", inconsistency->about);
      json_builder_set_member_name (builder, "quotes");
      json_builder_begin_array (builder);
      for (guint q = 0; q < inconsistency->quotes->len; q++)
        {
          WaymarkReviewQuote *quote = g_ptr_array_index (inconsistency->quotes, q);

          json_builder_begin_object (builder);
          waymark_json_add_string_or_null (builder, "words", quote->words);
          waymark_json_add_string_or_null (builder, "section", quote->section);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
waymark_intervention_to_json (WaymarkIntervention *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (WAYMARK_IS_INTERVENTION (self), NULL);

  json_builder_begin_object (builder);
  waymark_json_add_string_or_null (builder, "id", self->id);
  waymark_json_add_string_or_null (builder, "name", self->name);
  waymark_json_add_string_or_null (builder, "summary", self->summary);
  waymark_json_add_flags (builder, "levels", WAYMARK_TYPE_LEVEL, self->levels);
  waymark_json_add_flags (builder, "settings", WAYMARK_TYPE_SETTING, self->settings);
  waymark_json_add_string_or_null (builder, "focus", waymark_enum_to_string (WAYMARK_TYPE_FOCUS, self->focus));
  waymark_json_add_flags (builder, "works_with", WAYMARK_TYPE_WORKS_WITH, self->works_with);
  waymark_json_add_string_or_null (builder, "overview", self->overview);
  waymark_json_add_string_or_null (builder, "resources", self->resources);
  add_costs (builder, self->costs);
  waymark_json_add_strv (builder, "cost_benefit", (const char * const *) self->cost_benefit);
  waymark_json_add_rating (builder, "evidence_rating", self->evidence_rating);
  waymark_json_add_string_or_null (builder, "evidence_rating_as_written", self->evidence_rating_as_written);
  waymark_json_add_rating (builder, "impact_rating", self->impact_rating);
  waymark_json_add_string_or_null (builder, "impact_rating_as_written", self->impact_rating_as_written);
  waymark_json_add_string_or_null (builder, "evidence", self->evidence);
  waymark_json_add_string_or_null (builder, "impact", self->impact);

  json_builder_set_member_name (builder, "target_cohort");
  json_builder_begin_object (builder);
  waymark_json_add_string_or_null (builder, "text", self->target_cohort);
  waymark_json_add_int_or_null (builder, "age_min", self->age_min >= 0, self->age_min);
  waymark_json_add_int_or_null (builder, "age_max", self->age_max >= 0, self->age_max);
  waymark_json_add_string_or_null (builder, "gender",
                    self->gender == WAYMARK_GENDER_UNSPECIFIED ? NULL
                    : waymark_enum_to_string (WAYMARK_TYPE_GENDER, self->gender));
  json_builder_end_object (builder);

  waymark_json_add_strv (builder, "opportunity_cohorts", (const char * const *) self->opportunity_cohorts);
  waymark_json_add_string_or_null (builder, "feasibility", self->feasibility);
  waymark_json_add_string_or_null (builder, "llr_status",
                    waymark_enum_to_string (WAYMARK_TYPE_LLR_STATUS, self->llr_status));

  json_builder_set_member_name (builder, "delivery");
  json_builder_begin_object (builder);
  waymark_json_add_string_or_null (builder, "duration", self->duration);
  waymark_json_add_string_or_null (builder, "sessions", self->sessions);
  json_builder_end_object (builder);

  waymark_json_add_strv (builder, "organisations", (const char * const *) self->organisations);
  waymark_json_add_strv (builder, "references", (const char * const *) self->references);
  waymark_json_add_string_or_null (builder, "section", self->section);
  waymark_json_add_string_or_null (builder, "notes", self->notes);
  if (self->review_inconsistencies->len > 0)
    add_inconsistencies (builder, self->review_inconsistencies);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
