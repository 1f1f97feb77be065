/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

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

/* The text with every "**" removed and each run of white space made one space. */
static char *
review_plain (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '*' && p[1] == '*')
        {
          p++;
          continue;
        }
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* A heading line's level (its '#'s), 0 for a line that is not a heading. */
static guint
heading_level (const char *line)
{
  guint level = 0;

  while (line[level] == '#')
    level++;
  return level > 0 && line[level] == ' ' ? level : 0;
}

gboolean
test_review_has_under_heading (const char *words,
                               const char *section)
{
  static char **lines;
  g_autofree char *wanted_words = review_plain (words);
  g_autofree char *wanted_heading = review_plain (section);
  g_autoptr(GString) body = NULL;
  guint level = 0;
  gboolean found_heading = FALSE;

  if (lines == NULL)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data",
                                                     "rapid-evidence-review.md", NULL);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      /* Tests under G_TEST_DIST of tests/gui look one folder up. */
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_free (path);
          path = g_test_build_filename (G_TEST_DIST, "..", "data", "rapid-evidence-review.md",
                                        NULL);
        }
      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      lines = g_strsplit (text, "\n", -1);
    }

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint this_level = heading_level (lines[i]);

      if (body != NULL)
        {
          if (this_level > 0 && this_level <= level)
            {
              g_autofree char *plain = review_plain (body->str);

              if (strstr (plain, wanted_words) != NULL)
                return TRUE;
              g_string_free (g_steal_pointer (&body), TRUE);
            }
          else
            {
              g_string_append (body, lines[i]);
              g_string_append_c (body, '\n');
              continue;
            }
        }
      if (this_level > 0)
        {
          g_autofree char *heading = review_plain (lines[i] + this_level);

          if (g_strcmp0 (g_strstrip (heading), wanted_heading) == 0)
            {
              found_heading = TRUE;
              level = this_level;
              body = g_string_new (NULL);
            }
        }
    }
  if (body != NULL)
    {
      g_autofree char *plain = review_plain (body->str);

      if (strstr (plain, wanted_words) != NULL)
        return TRUE;
    }
  if (!found_heading)
    g_error ("the review has no heading “%s”", section);
  return FALSE;
}
