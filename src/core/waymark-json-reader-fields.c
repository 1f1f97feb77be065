/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <math.h>

#include "waymark-enums.h"
#include "waymark-json-reader-private.h"

/* Typed fields */

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("text");
        case G_TYPE_BOOLEAN:
          return _("true or false");
        default:
          return _("a number");
        }
    }
}

static gboolean
wrong_type (WaymarkJsonReader *reader,
            const char        *key,
            const char        *expected,
            JsonNode          *node)
{
  return waymark_json_reader_fail (reader, CODE_WRONG_TYPE, _("%s should be %s, not %s"),
                                   key, expected, describe_node (node));
}

static gboolean
missing (WaymarkJsonReader *reader,
         const char        *key)
{
  return waymark_json_reader_fail (reader, CODE_MISSING_FIELD, _("%s is missing"), key);
}

gboolean
waymark_json_reader_check_keys (WaymarkJsonReader  *reader,
                                JsonObject         *object,
                                const char * const *allowed)
{
  JsonObjectIter iter;
  const char *key;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, NULL))
    if (!g_strv_contains (allowed, key))
      {
        g_autofree char *printable = waymark_json_reader_excerpt (key);

        return waymark_json_reader_fail (reader, CODE_UNKNOWN_FIELD,
                                         _("unknown field \"%s\" (is it misspelt?)"), printable);
      }

  return TRUE;
}

gboolean
waymark_json_reader_get_object (WaymarkJsonReader  *reader,
                                JsonObject         *object,
                                const char         *key,
                                gboolean            required,
                                JsonObject        **out)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL)
    return required ? missing (reader, key) : TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (reader, key, _("an object"), node);

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
waymark_json_reader_get_array (WaymarkJsonReader  *reader,
                               JsonObject         *object,
                               const char         *key,
                               JsonArray         **out)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL)
    return missing (reader, key);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (reader, key, _("a list"), node);

  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
waymark_json_reader_get_array_object (WaymarkJsonReader  *reader,
                                      JsonArray          *array,
                                      guint               index,
                                      const char         *array_name,
                                      JsonObject        **out)
{
  JsonNode *node = json_array_get_element (array, index);
  g_autofree char *where = g_strdup_printf ("%s[%u]", array_name, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (reader, where, _("an object"), node);

  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
check_text (WaymarkJsonReader *reader,
            const char        *key,
            const char        *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return waymark_json_reader_fail (reader, CODE_ENCODING, _("%s is not valid UTF-8 text"), key);

  return TRUE;
}

gboolean
waymark_json_reader_get_text (WaymarkJsonReader  *reader,
                              JsonObject         *object,
                              const char         *key,
                              gboolean            required,
                              gboolean            nullable,
                              char              **out)
{
  JsonNode *node = json_object_get_member (object, key);
  const char *text;

  *out = NULL;
  if (node == NULL)
    return required ? missing (reader, key) : TRUE;
  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (nullable)
        return TRUE;
      return waymark_json_reader_fail (reader, CODE_MISSING_FIELD,
                                       _("%s is null; it needs a value"), key);
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (reader, key, _("text"), node);

  text = json_node_get_string (node);
  if (!check_text (reader, key, text))
    return FALSE;
  if (!nullable && *text == '\0')
    return waymark_json_reader_fail (reader, CODE_MISSING_FIELD, _("%s is empty"), key);

  *out = g_strdup (text);
  return TRUE;
}

gboolean
waymark_json_reader_get_strv (WaymarkJsonReader   *reader,
                              JsonObject          *object,
                              const char          *key,
                              char              ***out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  *out = NULL;
  if (!waymark_json_reader_get_array (reader, object, key, &array))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s[%u]", key, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return wrong_type (reader, where, _("text"), node);
      if (!check_text (reader, where, json_node_get_string (node)))
        return FALSE;
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_int_node (WaymarkJsonReader *reader,
               const char        *key,
               JsonNode          *node,
               gint64             min,
               gint64             max,
               gint64            *out)
{
  gint64 value;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return wrong_type (reader, key, _("a whole number"), node);

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      if (!isfinite (d) || fabs (d) > 1e15)
        return waymark_json_reader_fail (reader, CODE_INVALID_VALUE,
                                         _("%s is far too large"), key);
      if (d != (double) (gint64) d)
        return waymark_json_reader_fail (reader, CODE_INVALID_VALUE,
                                         _("%s should be a whole number, not %g"), key, d);
      value = (gint64) d;
    }
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    value = json_node_get_int (node);
  else
    return wrong_type (reader, key, _("a whole number"), node);

  if (value < min || value > max)
    return waymark_json_reader_fail (reader, CODE_INVALID_VALUE,
                                     _("%s is %" PRId64 "; it should be between %" PRId64
                                       " and %" PRId64),
                                     key, value, min, max);

  *out = value;
  return TRUE;
}

gboolean
waymark_json_reader_get_int (WaymarkJsonReader *reader,
                             JsonObject        *object,
                             const char        *key,
                             gboolean           required,
                             gint64             min,
                             gint64             max,
                             gint64            *out)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return required ? missing (reader, key) : TRUE;

  return read_int_node (reader, key, node, min, max, out);
}

gboolean
waymark_json_reader_get_optional_int (WaymarkJsonReader *reader,
                                      JsonObject        *object,
                                      const char        *key,
                                      gint64             min,
                                      gint64             max,
                                      gint64            *out,
                                      gboolean          *present)
{
  JsonNode *node = json_object_get_member (object, key);

  *present = FALSE;
  if (node == NULL)
    return missing (reader, key);
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!read_int_node (reader, key, node, min, max, out))
    return FALSE;

  *present = TRUE;
  return TRUE;
}

static gboolean
not_one_of (WaymarkJsonReader *reader,
            const char        *key,
            const char        *value,
            GType              type,
            int                first_listed)
{
  g_autofree char *allowed = waymark_enum_list_nicks (type, first_listed);
  g_autofree char *shown = waymark_json_reader_excerpt (value);

  return waymark_json_reader_fail (reader, CODE_INVALID_VALUE, _("%s \"%s\" is not one of %s"),
                                   key, shown, allowed);
}

gboolean
waymark_json_reader_get_enum (WaymarkJsonReader *reader,
                              JsonObject        *object,
                              const char        *key,
                              GType              enum_type,
                              gboolean           nullable,
                              int                null_value,
                              int                first_listed,
                              int               *out)
{
  g_autofree char *text = NULL;

  if (!waymark_json_reader_get_text (reader, object, key, TRUE, nullable, &text))
    return FALSE;

  if (text == NULL)
    {
      *out = null_value;
      return TRUE;
    }

  if (!waymark_enum_from_string (enum_type, text, out) || *out < first_listed)
    return not_one_of (reader, key, text, enum_type, first_listed);

  return TRUE;
}

gboolean
waymark_json_reader_get_flag (WaymarkJsonReader *reader,
                              JsonObject        *object,
                              const char        *key,
                              GType              flags_type,
                              guint             *out)
{
  g_autofree char *text = NULL;
  const char *strv[] = { NULL, NULL };

  if (!waymark_json_reader_get_text (reader, object, key, TRUE, FALSE, &text))
    return FALSE;

  strv[0] = text;
  *out = waymark_flags_from_strv (flags_type, strv, NULL);
  if (*out == 0)
    return not_one_of (reader, key, text, flags_type, 0);

  return TRUE;
}

gboolean
waymark_json_reader_get_flags (WaymarkJsonReader *reader,
                               JsonObject        *object,
                               const char        *key,
                               GType              flags_type,
                               gboolean           non_empty,
                               guint             *out)
{
  g_auto(GStrv) strv = NULL;
  const char *invalid = NULL;

  if (!waymark_json_reader_get_strv (reader, object, key, &strv))
    return FALSE;

  if (non_empty && strv[0] == NULL)
    return waymark_json_reader_fail (reader, CODE_MISSING_FIELD,
                                     _("%s is an empty list; it needs at least one value"), key);

  *out = waymark_flags_from_strv (flags_type, (const char * const *) strv, &invalid);
  if (invalid != NULL)
    return not_one_of (reader, key, invalid, flags_type, 0);

  return TRUE;
}
