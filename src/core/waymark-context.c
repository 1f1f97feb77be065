/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-catalogue-private.h"
#include "waymark-context-private.h"
#include "waymark-enums.h"
#include "waymark-json-writer.h"

/* The catalogue's "context" array (schema version 2): the review's figures, funding, gaps,
 * standards and recommendations, each with the review's words and heading. Read as strictly as
 * the interventions are: an unknown field, a value that is not a plain decimal, a value with unit
 * "text" (or none without it), a field that does not belong to the entry's kind and a link to an
 * intervention the catalogue does not have are all refused, naming the entry and the field. */

static const char * const entry_keys[] = {
  "kind", "id", "label", "topic", "value", "unit", "period", "geography", "as_written", "section",
  "purpose", "interventions", "questions", NULL
};

void
waymark_context_entry_free (WaymarkContextEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->label);
  g_free (entry->topic);
  g_free (entry->value);
  g_free (entry->period);
  g_free (entry->geography);
  g_free (entry->as_written);
  g_free (entry->section);
  g_free (entry->purpose);
  g_strfreev (entry->interventions);
  g_strfreev (entry->questions);
  g_free (entry);
}

gboolean
waymark_context_value_is_plain (const char *value)
{
  const char *p = value;

  if (value == NULL || !g_ascii_isdigit (*p))
    return FALSE;
  /* "0" or "0.5", never "05". */
  if (*p == '0' && g_ascii_isdigit (p[1]))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  return *p == '\0';
}

/* A list of text that only some kinds have: absent is the empty list. */
static gboolean
read_optional_strv (WaymarkJsonReader  *reader,
                    JsonObject         *object,
                    const char         *key,
                    gboolean            allowed,
                    const char         *allowed_for,
                    char             ***out)
{
  if (!json_object_has_member (object, key))
    {
      *out = g_new0 (char *, 1);
      return TRUE;
    }
  if (!allowed)
    return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_INVALID_VALUE,
                                     _("%s is only for %s"), key, allowed_for);
  if (!waymark_json_reader_get_strv (reader, object, key, out))
    return FALSE;

  for (guint i = 0; (*out)[i] != NULL; i++)
    if (*(*out)[i] == '\0')
      return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_MISSING_FIELD,
                                       _("%s[%u] is empty"), key, i);

  return TRUE;
}

static gboolean
read_kind (WaymarkJsonReader  *reader,
           JsonObject         *object,
           WaymarkContextKind *kind)
{
  g_autofree char *text = NULL;
  int value;

  if (!waymark_json_reader_get_text (reader, object, "kind", TRUE, FALSE, &text))
    return FALSE;

  /* The commissioned services come from "providers", so that they are written once. */
  if (g_strcmp0 (text, "provider") == 0)
    return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_INVALID_VALUE,
                                     _("kind \"provider\" is not for the context list: the "
                                       "commissioned services are read from providers"));
  if (!waymark_enum_from_string (WAYMARK_TYPE_CONTEXT_KIND, text, &value))
    {
      g_autofree char *shown = waymark_json_reader_excerpt (text);

      return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_INVALID_VALUE,
                                       _("kind \"%s\" is not one of context, funding, gap, "
                                         "recommendation, standard"), shown);
    }

  *kind = value;
  return TRUE;
}

static gboolean
read_value (WaymarkJsonReader   *reader,
            JsonObject          *object,
            WaymarkContextEntry *entry)
{
  int unit;
  JsonNode *node;

  if (!waymark_json_reader_get_enum (reader, object, "unit", WAYMARK_TYPE_CONTEXT_UNIT, FALSE, 0,
                                     0, &unit))
    return FALSE;
  entry->unit = unit;

  node = json_object_get_member (object, "value");
  if (entry->unit == WAYMARK_CONTEXT_UNIT_TEXT)
    {
      if (node != NULL)
        return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_INVALID_VALUE,
                                         _("value is given, but unit is \"text\": an entry in "
                                           "words has no value"));
      return TRUE;
    }

  if (node == NULL)
    {
      const char *unit_id = waymark_enum_to_string (WAYMARK_TYPE_CONTEXT_UNIT, unit);

      return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_MISSING_FIELD,
                                       _("value is missing: unit \"%s\" needs one"), unit_id);
    }

  /* Text, not a JSON number: json-glib would read "7.89" as a double and could not give back
   * the review's digits. */
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) != G_TYPE_STRING &&
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_WRONG_TYPE,
                                     _("value should be a plain decimal written as text, like "
                                       "\"28360\", not a number: a number can lose the "
                                       "review's digits"));
  if (!waymark_json_reader_get_text (reader, object, "value", TRUE, FALSE, &entry->value))
    return FALSE;
  if (!waymark_context_value_is_plain (entry->value))
    {
      g_autofree char *shown = waymark_json_reader_excerpt (entry->value);

      return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_INVALID_VALUE,
                                       _("value \"%s\" should be a plain decimal number, like "
                                         "\"28360\" or \"7.89\": no commas, signs, symbols or "
                                         "words"), shown);
    }

  return TRUE;
}

static gboolean
check_interventions (WaymarkJsonReader   *reader,
                     WaymarkContextEntry *entry,
                     GHashTable          *intervention_ids)
{
  for (guint i = 0; entry->interventions[i] != NULL; i++)
    {
      const char *id = entry->interventions[i];

      if (!g_hash_table_contains (intervention_ids, id))
        {
          g_autofree char *shown = waymark_json_reader_excerpt (id);

          return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_INVALID_VALUE,
                                           _("interventions[%u] \"%s\" is not the id of an "
                                             "intervention in this catalogue"), i, shown);
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (entry->interventions[j], id))
          {
            g_autofree char *shown = waymark_json_reader_excerpt (id);

            return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_INVALID_VALUE,
                                             _("interventions[%u] \"%s\" is already listed at "
                                               "interventions[%u]"), i, shown, j);
          }
    }

  return TRUE;
}

static gboolean
read_fields (WaymarkJsonReader   *reader,
             JsonObject          *object,
             WaymarkContextEntry *entry,
             GHashTable          *intervention_ids)
{
  gboolean linkable;

  if (!waymark_json_reader_check_keys (reader, object, entry_keys) ||
      !read_kind (reader, object, &entry->kind) ||
      !waymark_json_reader_get_text (reader, object, "label", TRUE, FALSE, &entry->label) ||
      !waymark_json_reader_get_text (reader, object, "topic", TRUE, FALSE, &entry->topic) ||
      !read_value (reader, object, entry) ||
      !waymark_json_reader_get_text (reader, object, "period", FALSE, FALSE, &entry->period) ||
      !waymark_json_reader_get_text (reader, object, "geography", FALSE, FALSE,
                                     &entry->geography) ||
      !waymark_json_reader_get_text (reader, object, "as_written", TRUE, FALSE,
                                     &entry->as_written) ||
      !waymark_json_reader_get_text (reader, object, "section", TRUE, FALSE, &entry->section))
    return FALSE;

  if (json_object_has_member (object, "purpose"))
    {
      if (entry->kind != WAYMARK_CONTEXT_KIND_FUNDING)
        return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_INVALID_VALUE,
                                         _("purpose is only for kind \"funding\""));
      if (!waymark_json_reader_get_text (reader, object, "purpose", TRUE, FALSE, &entry->purpose))
        return FALSE;
    }

  linkable = entry->kind == WAYMARK_CONTEXT_KIND_GAP ||
             entry->kind == WAYMARK_CONTEXT_KIND_RECOMMENDATION;
  if (!read_optional_strv (reader, object, "interventions", linkable,
                           _("kind \"gap\" or \"recommendation\""), &entry->interventions) ||
      !check_interventions (reader, entry, intervention_ids) ||
      !read_optional_strv (reader, object, "questions",
                           entry->kind == WAYMARK_CONTEXT_KIND_RECOMMENDATION,
                           _("kind \"recommendation\""), &entry->questions))
    return FALSE;

  return TRUE;
}

WaymarkContextEntry *
waymark_context_entry_read_json (WaymarkJsonReader *reader,
                                 JsonObject        *object,
                                 guint              index,
                                 GHashTable        *intervention_ids)
{
  g_autoptr(WaymarkContextEntry) entry = g_new0 (WaymarkContextEntry, 1);
  g_autofree char *where = g_strdup_printf ("context[%u]", index);
  g_autofree char *named = NULL;
  g_autofree char *shown = NULL;

  waymark_json_reader_push (reader, where);
  if (!waymark_json_reader_get_text (reader, object, "id", TRUE, FALSE, &entry->id))
    return NULL;
  shown = waymark_json_reader_excerpt (entry->id);
  if (!waymark_catalogue_id_is_valid (entry->id))
    {
      waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_INVALID_VALUE,
                                _("id \"%s\" should be lower-case letters, digits and single "
                                  "hyphens, like \"llr-da-adults\""), shown);
      return NULL;
    }
  waymark_json_reader_pop (reader);

  named = g_strdup_printf ("context entry \"%s\"", shown);
  waymark_json_reader_push (reader, named);
  if (!read_fields (reader, object, entry, intervention_ids))
    return NULL;
  waymark_json_reader_pop (reader);

  return g_steal_pointer (&entry);
}

WaymarkContextEntry *
waymark_context_entry_new_service (const WaymarkProvider *provider,
                                   guint                  index)
{
  const WaymarkProviderService *service;
  WaymarkContextEntry *entry;

  g_return_val_if_fail (provider != NULL, NULL);
  g_return_val_if_fail (index < provider->services->len, NULL);

  service = g_ptr_array_index (provider->services, index);
  entry = g_new0 (WaymarkContextEntry, 1);
  entry->kind = WAYMARK_CONTEXT_KIND_PROVIDER;
  entry->id = g_strdup_printf ("%s-%u", provider->id, index + 1);
  entry->label = g_strdup (service->name);
  entry->topic = g_strdup (provider->name);
  entry->unit = WAYMARK_CONTEXT_UNIT_TEXT;
  entry->as_written = g_strdup (service->description);
  /* The review gives each provider a heading of its own, worded as the provider's name. */
  entry->section = g_strdup (provider->name);
  entry->interventions = g_new0 (char *, 1);
  entry->questions = g_new0 (char *, 1);

  return entry;
}

void
waymark_context_entry_add_json (JsonBuilder               *builder,
                                const WaymarkContextEntry *entry,
                                GHashTable                *keep)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (entry != NULL);

  /* Fields the review does not give are left out, as the catalogue writes them. */
  json_builder_begin_object (builder);
  waymark_json_add_string (builder, "kind",
                           waymark_enum_to_string (WAYMARK_TYPE_CONTEXT_KIND, entry->kind));
  waymark_json_add_string (builder, "id", entry->id);
  waymark_json_add_string (builder, "label", entry->label);
  waymark_json_add_string (builder, "topic", entry->topic);
  if (entry->value != NULL)
    waymark_json_add_string (builder, "value", entry->value);
  waymark_json_add_string (builder, "unit",
                           waymark_enum_to_string (WAYMARK_TYPE_CONTEXT_UNIT, entry->unit));
  if (entry->period != NULL)
    waymark_json_add_string (builder, "period", entry->period);
  if (entry->geography != NULL)
    waymark_json_add_string (builder, "geography", entry->geography);
  waymark_json_add_string (builder, "as_written", entry->as_written);
  waymark_json_add_string (builder, "section", entry->section);
  if (entry->purpose != NULL)
    waymark_json_add_string (builder, "purpose", entry->purpose);

  for (guint i = 0; entry->interventions[i] != NULL; i++)
    if (keep == NULL || g_hash_table_contains (keep, entry->interventions[i]))
      g_strv_builder_add (ids, entry->interventions[i]);
  kept = g_strv_builder_end (ids);
  if (kept[0] != NULL)
    waymark_json_add_strv (builder, "interventions", (const char * const *) kept);
  if (entry->questions[0] != NULL)
    waymark_json_add_strv (builder, "questions", (const char * const *) entry->questions);
  json_builder_end_object (builder);
}
