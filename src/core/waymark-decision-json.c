/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-csv.h"
#include "waymark-decision-json.h"
#include "waymark-json-writer.h"
#include "waymark-plan-io.h"

/* More than this is not a record someone keeps by hand: a file with more was not written by
 * Waymark, or means to exhaust memory. */
#define MAX_DECISIONS 100000

static const char * const decision_keys[] = {
  "time", "author", "kind", "subject", "description", "reason", "review_section", NULL
};

void
waymark_decisions_write_json (JsonBuilder *builder,
                              GListModel  *decisions)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(WaymarkDecision) decision = g_list_model_get_item (decisions, i);
      g_autofree char *time = waymark_decision_dup_time_text (decision);

      json_builder_begin_object (builder);
      waymark_json_add_string (builder, "time", time);
      waymark_json_add_string (builder, "author", waymark_decision_get_author (decision));
      waymark_json_add_string (builder, "kind",
                               waymark_decision_kind_get_id (waymark_decision_get_kind (decision)));
      waymark_json_add_string (builder, "subject", waymark_decision_get_subject (decision));
      waymark_json_add_string (builder, "description",
                               waymark_decision_get_description (decision));
      waymark_json_add_string (builder, "reason", waymark_decision_get_reason (decision));
      waymark_json_add_string (builder, "review_section",
                               waymark_decision_get_review_section (decision));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Text that may be "" but is present, not null. */
static gboolean
read_text (WaymarkJsonReader  *reader,
           JsonObject         *object,
           const char         *key,
           gboolean            allow_empty,
           char              **out)
{
  if (!waymark_json_reader_get_text (reader, object, key, TRUE, allow_empty, out))
    return FALSE;
  if (*out == NULL)
    return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_WRONG_TYPE,
                                     _("%s is null; it should be text (\"\" for none)"), key);
  return TRUE;
}

static WaymarkDecision *
read_decision (WaymarkJsonReader *reader,
               JsonObject        *object,
               GDateTime         *previous,
               WaymarkCatalogue  *catalogue)
{
  g_autofree char *time_text = NULL, *author = NULL, *kind_id = NULL, *subject = NULL;
  g_autofree char *description = NULL, *reason = NULL, *section = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  WaymarkDecisionKind kind;

  if (!waymark_json_reader_check_keys (reader, object, decision_keys) ||
      !read_text (reader, object, "time", FALSE, &time_text) ||
      !read_text (reader, object, "author", TRUE, &author) ||
      !read_text (reader, object, "kind", FALSE, &kind_id) ||
      !read_text (reader, object, "subject", TRUE, &subject) ||
      !read_text (reader, object, "description", FALSE, &description) ||
      !read_text (reader, object, "reason", TRUE, &reason) ||
      !read_text (reader, object, "review_section", TRUE, &section))
    return NULL;

  /* Only the form Waymark writes, so that the time reads back as the same bytes. */
  time = g_date_time_new_from_iso8601 (time_text, NULL);
  if (time != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

      written = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    }
  if (time == NULL || !g_str_equal (written, time_text))
    {
      g_autofree char *shown = waymark_json_reader_excerpt (time_text);

      waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                _("time \"%s\" is not a time in UTC such as "
                                  "2026-11-26T09:30:00Z"), shown);
      return NULL;
    }
  if (previous != NULL && g_date_time_compare (time, previous) < 0)
    {
      waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                _("time %s is earlier than the entry before it: the record is "
                                  "kept oldest first"), time_text);
      return NULL;
    }
  if (!waymark_decision_kind_from_id (kind_id, &kind))
    {
      g_autofree char *shown = waymark_json_reader_excerpt (kind_id);

      waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                _("kind \"%s\" is not a kind of decision (status, reason, weight, "
                                  "score, criterion, item-added, item-removed, item-changed, "
                                  "local-service)"), shown);
      return NULL;
    }
  if (strlen (reason) > WAYMARK_DECISION_MAX_REASON || strpbrk (reason, "\r\n") != NULL)
    {
      waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                _("reason is not one line of at most %d bytes"),
                                WAYMARK_DECISION_MAX_REASON);
      return NULL;
    }
  if (catalogue != NULL && !waymark_decision_check_note (catalogue, reason, section, &error))
    {
      waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE, "review_section: %s",
                                error->message);
      return NULL;
    }

  return waymark_decision_new (time, author, kind, subject, description, reason, section);
}

GPtrArray *
waymark_decisions_read_array (WaymarkJsonReader *reader,
                              JsonObject        *object,
                              const char        *key,
                              WaymarkCatalogue  *catalogue)
{
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  if (!waymark_json_reader_get_array (reader, object, key, &array))
    return NULL;
  if (json_array_get_length (array) > MAX_DECISIONS)
    {
      waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                _("%s has %u entries; at most %d are allowed"), key,
                                json_array_get_length (array), MAX_DECISIONS);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", key, i);
      WaymarkDecision *previous = decisions->len > 0 ? g_ptr_array_index (decisions, i - 1) : NULL;
      WaymarkDecision *decision;
      JsonObject *element;

      if (!waymark_json_reader_get_array_object (reader, array, i, key, &element))
        return NULL;
      waymark_json_reader_push (reader, where);
      decision = read_decision (reader, element,
                                previous ? waymark_decision_get_time (previous) : NULL, catalogue);
      if (decision == NULL)
        return NULL;
      waymark_json_reader_pop (reader);
      g_ptr_array_add (decisions, decision);
    }
  return g_steal_pointer (&decisions);
}

/* Exports */

static const char * const csv_columns[] = {
  "time", "author", "kind", "subject", "description", "reason", "review_section", NULL
};

char *
waymark_decisions_to_csv (GListModel *decisions)
{
  GString *out = g_string_new (NULL);
  WaymarkCsvWriter writer;

  g_return_val_if_fail (G_IS_LIST_MODEL (decisions), NULL);

  waymark_csv_writer_init (&writer, out);
  for (guint i = 0; csv_columns[i] != NULL; i++)
    waymark_csv_add_field (&writer, csv_columns[i], WAYMARK_CSV_PLAIN);
  waymark_csv_end_row (&writer);

  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(WaymarkDecision) decision = g_list_model_get_item (decisions, i);
      g_autofree char *time = waymark_decision_dup_time_text (decision);

      waymark_csv_add_field (&writer, time, WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, waymark_decision_get_author (decision), WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer,
                             waymark_decision_kind_get_id (waymark_decision_get_kind (decision)),
                             WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, waymark_decision_get_subject (decision), WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, waymark_decision_get_description (decision),
                             WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, waymark_decision_get_reason (decision), WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, waymark_decision_get_review_section (decision),
                             WAYMARK_CSV_TEXT);
      waymark_csv_end_row (&writer);
    }
  return g_string_free (out, FALSE);
}

char *
waymark_decisions_to_json (GListModel *decisions)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (G_IS_LIST_MODEL (decisions), NULL);

  json_builder_begin_object (builder);
  waymark_json_add_string (builder, "format", "waymark-decisions");
  json_builder_set_member_name (builder, "decisions");
  waymark_decisions_write_json (builder, decisions);
  json_builder_end_object (builder);
  return waymark_json_builder_to_file_text (builder);
}
