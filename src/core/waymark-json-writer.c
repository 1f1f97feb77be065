/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "waymark-json-writer.h"

void
waymark_json_add_string (JsonBuilder *builder,
                         const char  *key,
                         const char  *text)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, text != NULL ? text : "");
}

void
waymark_json_add_string_or_null (JsonBuilder *builder,
                                 const char  *key,
                                 const char  *text)
{
  json_builder_set_member_name (builder, key);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

void
waymark_json_add_int (JsonBuilder *builder,
                      const char  *key,
                      gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

void
waymark_json_add_int_or_null (JsonBuilder *builder,
                              const char  *key,
                              gboolean     known,
                              gint64       value)
{
  json_builder_set_member_name (builder, key);
  if (known)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
waymark_json_add_strv (JsonBuilder        *builder,
                       const char         *key,
                       const char * const *strv)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

void
waymark_json_add_flags (JsonBuilder *builder,
                        const char  *key,
                        GType        type,
                        guint        flags)
{
  g_auto(GStrv) strv = waymark_flags_to_strv (type, flags);

  waymark_json_add_strv (builder, key, (const char * const *) strv);
}

void
waymark_json_add_rating (JsonBuilder   *builder,
                         const char    *key,
                         WaymarkRating  rating)
{
  waymark_json_add_string_or_null (builder, key,
                                   rating == WAYMARK_RATING_NONE ? NULL
                                   : waymark_enum_to_string (WAYMARK_TYPE_RATING, rating));
}

char *
waymark_json_generate (JsonGenerator *generator)
{
  g_autofree char *text = json_generator_to_data (generator, NULL);
  GString *out;

  /* json-glib escapes the control characters below U+001F but not U+001F itself, so a plan
   * whose notes held one was saved and could not be opened again. The byte cannot be part of
   * another character in UTF-8, nor of JSON's own syntax: it is in a string wherever it is. */
  if (strchr (text, '\x1f') == NULL)
    return g_steal_pointer (&text);

  out = g_string_sized_new (strlen (text) + 16);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\x1f')
        g_string_append (out, "\\u001f");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
waymark_json_builder_to_file_text (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = waymark_json_generate (generator);
  return g_strconcat (text, "\n", NULL);
}
