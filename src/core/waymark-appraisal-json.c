/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-appraisal-json.h"
#include "waymark-json-writer.h"
#include "waymark-plan-io.h"

/* Writing */

static void
add_score (JsonBuilder *builder,
           const char  *key,
           gint         hundredths)
{
  waymark_json_add_int_or_null (builder, key, hundredths != WAYMARK_APPRAISAL_NO_SCORE,
                                hundredths);
}

void
waymark_appraisal_write_json (JsonBuilder      *builder,
                              WaymarkAppraisal *appraisal)
{
  g_auto(GStrv) long_list = waymark_appraisal_dup_long_list (appraisal);
  guint n_criteria = waymark_appraisal_get_n_criteria (appraisal);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "long_list");
  json_builder_begin_array (builder);
  for (guint i = 0; long_list[i] != NULL; i++)
    {
      WaymarkOptionStatus status;
      WaymarkOptionDimension dimension;
      const char *reason;

      waymark_appraisal_get_status (appraisal, long_list[i], &status, &reason, &dimension);
      json_builder_begin_object (builder);
      waymark_json_add_string (builder, "option_id", long_list[i]);
      waymark_json_add_string (builder, "status",
                               waymark_enum_to_string (WAYMARK_TYPE_OPTION_STATUS, status));
      waymark_json_add_string (builder, "reason", reason);
      waymark_json_add_string_or_null (builder, "dimension",
                                       dimension == WAYMARK_OPTION_DIMENSION_NONE ? NULL
                                       : waymark_enum_to_string (WAYMARK_TYPE_OPTION_DIMENSION,
                                                                 dimension));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "review_criteria");
  json_builder_begin_object (builder);
  for (guint c = 0; c < WAYMARK_REVIEW_CRITERION_N; c++)
    {
      json_builder_set_member_name (builder, waymark_appraisal_get_criterion_id (appraisal, c));
      json_builder_begin_object (builder);
      waymark_json_add_int (builder, "weight_hundredths",
                            waymark_appraisal_get_weight (appraisal, c));
      json_builder_set_member_name (builder, "scores_hundredths");
      json_builder_begin_object (builder);
      for (guint v = 0; v < waymark_review_criterion_get_n_values (c); v++)
        add_score (builder, waymark_review_criterion_get_value_id (c, v),
                   waymark_appraisal_get_table_score (appraisal, c, v));
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "local_criteria");
  json_builder_begin_array (builder);
  for (guint c = WAYMARK_REVIEW_CRITERION_N; c < n_criteria; c++)
    {
      g_auto(GStrv) scored = waymark_appraisal_dup_local_scored (appraisal, c);

      json_builder_begin_object (builder);
      waymark_json_add_string (builder, "id", waymark_appraisal_get_criterion_id (appraisal, c));
      waymark_json_add_string (builder, "label",
                               waymark_appraisal_get_criterion_label (appraisal, c));
      waymark_json_add_int (builder, "weight_hundredths",
                            waymark_appraisal_get_weight (appraisal, c));
      /* The commissioner's judgement, not the review's. */
      waymark_json_add_string (builder, "kind", "local");
      json_builder_set_member_name (builder, "scores");
      json_builder_begin_array (builder);
      for (guint i = 0; scored[i] != NULL; i++)
        {
          json_builder_begin_object (builder);
          waymark_json_add_string (builder, "option_id", scored[i]);
          waymark_json_add_int (builder, "score_hundredths",
                                waymark_appraisal_get_local_score (appraisal, c, scored[i]));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

/* Reading */

static const char * const appraisal_keys[] = {
  "long_list", "review_criteria", "local_criteria", NULL
};
static const char * const long_list_keys[] = {
  "option_id", "status", "reason", "dimension", NULL
};
static const char * const review_criterion_keys[] = {
  "weight_hundredths", "scores_hundredths", NULL
};
static const char * const local_criterion_keys[] = {
  "id", "label", "weight_hundredths", "kind", "scores", NULL
};
static const char * const local_score_keys[] = { "option_id", "score_hundredths", NULL };

/* A setter's refusal, as a message naming the place. */
static gboolean
refused (WaymarkJsonReader *reader,
         GError            *error)
{
  return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE, "%s",
                                   error->message);
}

static gboolean
read_long_list (WaymarkJsonReader *reader,
                JsonObject        *object,
                WaymarkAppraisal  *appraisal)
{
  JsonArray *array;

  if (!waymark_json_reader_get_array (reader, object, "long_list", &array))
    return FALSE;
  if (json_array_get_length (array) > WAYMARK_APPRAISAL_MAX_OPTIONS)
    return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                     _("long_list has more than %u options"),
                                     WAYMARK_APPRAISAL_MAX_OPTIONS);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("long_list[%u]", i);
      g_autofree char *id = NULL;
      g_autofree char *reason = NULL;
      g_autoptr(GError) error = NULL;
      JsonObject *entry;
      int status, dimension;

      if (!waymark_json_reader_get_array_object (reader, array, i, "long_list", &entry))
        return FALSE;
      waymark_json_reader_push (reader, where);
      if (!waymark_json_reader_check_keys (reader, entry, long_list_keys) ||
          !waymark_json_reader_get_text (reader, entry, "option_id", TRUE, FALSE, &id) ||
          !waymark_json_reader_get_enum (reader, entry, "status", WAYMARK_TYPE_OPTION_STATUS,
                                         FALSE, 0, 0, &status) ||
          !waymark_json_reader_get_text (reader, entry, "reason", TRUE, TRUE, &reason) ||
          !waymark_json_reader_get_enum (reader, entry, "dimension",
                                         WAYMARK_TYPE_OPTION_DIMENSION, TRUE,
                                         WAYMARK_OPTION_DIMENSION_NONE,
                                         WAYMARK_OPTION_DIMENSION_SCOPE, &dimension))
        return FALSE;
      if (reason == NULL)
        return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_WRONG_TYPE,
                                         _("%s is null; it should be text (\"\" for none)"),
                                         "reason");
      if (waymark_appraisal_get_status (appraisal, id, NULL, NULL, NULL))
        {
          g_autofree char *shown = waymark_json_reader_excerpt (id);

          return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_DUPLICATE_ID,
                                           _("option_id \"%s\" is on the long list twice"),
                                           shown);
        }
      if (!waymark_appraisal_set_status (appraisal, id, status, reason, dimension, &error))
        return refused (reader, error);
      waymark_json_reader_pop (reader);
    }
  return TRUE;
}

static gboolean
read_score (WaymarkJsonReader *reader,
            JsonObject        *object,
            const char        *key,
            gboolean           nullable,
            gint              *out)
{
  gint64 value = 0;
  gboolean present = TRUE;

  if (nullable ? !waymark_json_reader_get_optional_int (reader, object, key, 0,
                                                        WAYMARK_APPRAISAL_MAX_SCORE, &value,
                                                        &present)
               : !waymark_json_reader_get_int (reader, object, key, TRUE, 0,
                                               WAYMARK_APPRAISAL_MAX_SCORE, &value))
    return FALSE;
  *out = present ? (gint) value : WAYMARK_APPRAISAL_NO_SCORE;
  return TRUE;
}

static gboolean
read_review_criteria (WaymarkJsonReader *reader,
                      JsonObject        *object,
                      WaymarkAppraisal  *appraisal)
{
  const char *ids[WAYMARK_REVIEW_CRITERION_N + 1] = { NULL, };
  JsonObject *criteria;

  for (guint c = 0; c < WAYMARK_REVIEW_CRITERION_N; c++)
    ids[c] = waymark_appraisal_get_criterion_id (appraisal, c);
  if (!waymark_json_reader_get_object (reader, object, "review_criteria", TRUE, &criteria))
    return FALSE;
  waymark_json_reader_push (reader, "review_criteria");
  if (!waymark_json_reader_check_keys (reader, criteria, ids))
    return FALSE;

  for (guint c = 0; c < WAYMARK_REVIEW_CRITERION_N; c++)
    {
      const char *values[WAYMARK_REVIEW_CRITERION_MAX_VALUES + 1] = { NULL, };
      g_autoptr(GError) error = NULL;
      JsonObject *criterion, *table;
      gint64 weight;

      if (!waymark_json_reader_get_object (reader, criteria, ids[c], TRUE, &criterion))
        return FALSE;
      waymark_json_reader_push (reader, ids[c]);
      if (!waymark_json_reader_check_keys (reader, criterion, review_criterion_keys) ||
          !waymark_json_reader_get_int (reader, criterion, "weight_hundredths", TRUE, 0,
                                        WAYMARK_APPRAISAL_MAX_WEIGHT, &weight) ||
          !waymark_json_reader_get_object (reader, criterion, "scores_hundredths", TRUE, &table))
        return FALSE;
      if (!waymark_appraisal_set_weight (appraisal, ids[c], (gint) weight, &error))
        return refused (reader, error);

      for (guint v = 0; v < waymark_review_criterion_get_n_values (c); v++)
        values[v] = waymark_review_criterion_get_value_id (c, v);
      waymark_json_reader_push (reader, "scores_hundredths");
      if (!waymark_json_reader_check_keys (reader, table, values))
        return FALSE;
      for (guint v = 0; values[v] != NULL; v++)
        {
          gint score;

          if (!read_score (reader, table, values[v], TRUE, &score))
            return FALSE;
          if (!waymark_appraisal_set_table_score (appraisal, c, values[v], score, &error))
            return refused (reader, error);
        }
      waymark_json_reader_pop (reader);
      waymark_json_reader_pop (reader);
    }
  waymark_json_reader_pop (reader);
  return TRUE;
}

static gboolean
read_local_scores (WaymarkJsonReader *reader,
                   JsonObject        *object,
                   WaymarkAppraisal  *appraisal,
                   const char        *criterion_id)
{
  int index = waymark_appraisal_find_criterion (appraisal, criterion_id);
  JsonArray *array;

  if (!waymark_json_reader_get_array (reader, object, "scores", &array))
    return FALSE;
  if (json_array_get_length (array) > WAYMARK_APPRAISAL_MAX_OPTIONS)
    return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                     _("scores has more than %u options"),
                                     WAYMARK_APPRAISAL_MAX_OPTIONS);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("scores[%u]", i);
      g_autofree char *option_id = NULL;
      g_autoptr(GError) error = NULL;
      JsonObject *entry;
      gint score;

      if (!waymark_json_reader_get_array_object (reader, array, i, "scores", &entry))
        return FALSE;
      waymark_json_reader_push (reader, where);
      if (!waymark_json_reader_check_keys (reader, entry, local_score_keys) ||
          !waymark_json_reader_get_text (reader, entry, "option_id", TRUE, FALSE, &option_id) ||
          !read_score (reader, entry, "score_hundredths", FALSE, &score))
        return FALSE;
      if (waymark_appraisal_get_local_score (appraisal, (guint) index, option_id) !=
          WAYMARK_APPRAISAL_NO_SCORE)
        {
          g_autofree char *shown = waymark_json_reader_excerpt (option_id);

          return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_DUPLICATE_ID,
                                           _("option_id \"%s\" is scored twice"), shown);
        }
      if (!waymark_appraisal_set_local_score (appraisal, criterion_id, option_id, score, &error))
        return refused (reader, error);
      waymark_json_reader_pop (reader);
    }
  return TRUE;
}

static gboolean
read_local_criteria (WaymarkJsonReader *reader,
                     JsonObject        *object,
                     WaymarkAppraisal  *appraisal)
{
  JsonArray *array;

  if (!waymark_json_reader_get_array (reader, object, "local_criteria", &array))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("local_criteria[%u]", i);
      g_autofree char *id = NULL;
      g_autofree char *label = NULL;
      g_autofree char *kind = NULL;
      g_autoptr(GError) error = NULL;
      JsonObject *entry;
      gint64 weight;

      if (!waymark_json_reader_get_array_object (reader, array, i, "local_criteria", &entry))
        return FALSE;
      waymark_json_reader_push (reader, where);
      if (!waymark_json_reader_check_keys (reader, entry, local_criterion_keys) ||
          !waymark_json_reader_get_text (reader, entry, "id", TRUE, FALSE, &id) ||
          !waymark_json_reader_get_text (reader, entry, "label", TRUE, FALSE, &label) ||
          !waymark_json_reader_get_int (reader, entry, "weight_hundredths", TRUE, 0,
                                        WAYMARK_APPRAISAL_MAX_WEIGHT, &weight) ||
          !waymark_json_reader_get_text (reader, entry, "kind", TRUE, FALSE, &kind))
        return FALSE;
      if (!g_str_equal (kind, "local"))
        {
          g_autofree char *shown = waymark_json_reader_excerpt (kind);

          return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                           _("kind \"%s\" is not \"local\": the review’s "
                                             "criteria are under review_criteria"), shown);
        }
      if (!waymark_appraisal_add_local_criterion (appraisal, id, label, &error) ||
          !waymark_appraisal_set_weight (appraisal, id, (gint) weight, &error))
        return refused (reader, error);
      if (!read_local_scores (reader, entry, appraisal, id))
        return FALSE;
      waymark_json_reader_pop (reader);
    }
  return TRUE;
}

gboolean
waymark_appraisal_read_json (WaymarkJsonReader *reader,
                             JsonObject        *object,
                             WaymarkAppraisal  *appraisal)
{
  waymark_json_reader_push (reader, "appraisal");
  if (!waymark_json_reader_check_keys (reader, object, appraisal_keys) ||
      !read_long_list (reader, object, appraisal) ||
      !read_review_criteria (reader, object, appraisal) ||
      !read_local_criteria (reader, object, appraisal))
    return FALSE;
  waymark_json_reader_pop (reader);
  return TRUE;
}
