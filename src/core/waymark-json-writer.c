/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

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
