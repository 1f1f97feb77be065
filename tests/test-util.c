/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "test-util.h"

char *
test_replace_once (const char *text,
                   const char *from,
                   const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, 2);

  if (g_strv_length (parts) != 2)
    g_error ("the test's fixture no longer contains “%s”", from);
  return g_strjoinv (to, parts);
}

void
test_remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

guint
test_env_uint (const char *name,
               guint       fallback)
{
  const char *value = g_getenv (name);
  guint64 parsed;

  if (value == NULL || *value == '\0')
    return fallback;
  if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &parsed, NULL))
    g_error ("%s=%s is not a whole number", name, value);
  return (guint) parsed;
}
