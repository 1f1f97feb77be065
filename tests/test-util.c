/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

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

char *
test_enter_german_locale (void)
{
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  const struct lconv *conv;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      /* The Flatpak SDK has no such locale; its manifest says so (as the older locale tests
       * read it). Anywhere else a missing locale fails: the test command installs it. */
      if (g_getenv ("WAYMARK_TEST_NO_LOCALES") != NULL)
        {
          g_test_skip ("de_DE.UTF-8 is not installed in this build environment");
          return NULL;
        }
      g_test_fail_printf ("the locale de_DE.UTF-8 is not installed, and this test needs a locale "
                          "that groups digits differently from English; on Debian add "
                          "\"de_DE.UTF-8 UTF-8\" to /etc/locale.gen and run locale-gen");
      return NULL;
    }

  conv = localeconv ();
  g_assert_cmpstr (conv->thousands_sep, ==, ".");
  g_assert_cmpstr (conv->decimal_point, ==, ",");
  return g_steal_pointer (&old);
}
