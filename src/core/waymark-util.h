/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces *field with a copy of value; TRUE when it changed. value may be *field itself. */
static inline gboolean
waymark_replace_string (char       **field,
                        const char  *value)
{
  char *copy;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  return TRUE;
}

/* The same for text that is never NULL: NULL is "". */
static inline gboolean
waymark_replace_text (char       **field,
                      const char  *value)
{
  return waymark_replace_string (field, value != NULL ? value : "");
}

G_END_DECLS
