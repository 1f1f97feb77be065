/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-cli-private.h"
#include "waymark-enums.h"
#include "waymark-export.h"
#include "waymark-text-escape.h"

/* The review's picture beyond its interventions, grouped as the review orders it: a heading
 * for each kind and topic, then each entry with its value, the review's words and its heading. */
static char *
format_text (GPtrArray *entries)
{
  GString *out = g_string_new (NULL);
  const WaymarkContextEntry *previous = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      const WaymarkContextEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *value = waymark_context_entry_format_value (entry);
      g_autoptr(GString) facts = g_string_new (value);

      if (previous == NULL || previous->kind != entry->kind ||
          g_strcmp0 (previous->topic, entry->topic) != 0)
        g_string_append_printf (out, "%s== %s: %s ==\n", previous != NULL ? "\n" : "",
                                waymark_context_kind_get_label (entry->kind), entry->topic);
      previous = entry;

      g_string_append_printf (out, "%s  [%s]\n", entry->label, entry->id);
      if (entry->period != NULL)
        g_string_append_printf (facts, "%s%s", facts->len > 0 ? " · " : "", entry->period);
      if (entry->geography != NULL)
        g_string_append_printf (facts, "%s%s", facts->len > 0 ? " · " : "", entry->geography);
      if (facts->len > 0)
        g_string_append_printf (out, "  %s\n", facts->str);
      /* Translators: the review's words, quoted: “…” */
      g_string_append_printf (out, _("  “%s”\n"), entry->as_written);
      g_string_append_printf (out, _("  Under: %s\n"), entry->section);
      if (entry->purpose != NULL)
        g_string_append_printf (out, _("  Purpose: %s\n"), entry->purpose);
      if (entry->interventions[0] != NULL)
        {
          g_autofree char *ids = g_strjoinv (", ", entry->interventions);

          g_string_append_printf (out, _("  Interventions: %s\n"), ids);
        }
      for (guint q = 0; entry->questions[q] != NULL; q++)
        g_string_append_printf (out, _("  Question: %s\n"), entry->questions[q]);
    }

  g_string_append_c (out, '\n');
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u entry\n", "%u entries\n",
                                            entries->len),
                          entries->len);

  return g_string_free (out, FALSE);
}

int
waymark_cli_command_context (int    argc,
                             char **argv)
{
  g_autofree char *catalogue_path = NULL;
  g_autofree char *format = NULL;
  g_autofree char *kind_id = NULL;
  GOptionEntry entries[] = {
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, &catalogue_path,
      N_("Read this catalogue instead of the review’s"), N_("FILE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_id,
      N_("Only entries of this kind: context, funding, gap, recommendation, standard or provider"),
      N_("KIND") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (default), csv or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autofree char *output = NULL;
  GPtrArray *all;
  int kind = -1;

  g_option_context_set_summary (context,
                                _("Show the review’s picture beyond its interventions: the local "
                                  "figures, funding, gaps in provision, standards, "
                                  "recommendations and the commissioned services, each with the "
                                  "review’s words and the heading they are under."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return waymark_cli_usage_error ("context", error->message);
  if (argc > 1)
    return waymark_cli_usage_error ("context", _("context takes no arguments, only options"));
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "csv") &&
      !g_str_equal (format, "json"))
    return waymark_cli_usage_error ("context", _("--format must be text, csv or json"));
  if (kind_id != NULL && !waymark_enum_from_string (WAYMARK_TYPE_CONTEXT_KIND, kind_id, &kind))
    return waymark_cli_usage_error ("context", _("--kind must be context, funding, gap, "
                                                 "recommendation, standard or provider"));

  catalogue = waymark_cli_load_catalogue (catalogue_path, &error);
  if (catalogue == NULL)
    {
      g_printerr ("%s: %s\n", WAYMARK_CLI_PROGRAM, error->message);
      return EXIT_BAD_INPUT;
    }

  all = waymark_catalogue_get_context (catalogue);
  for (guint i = 0; i < all->len; i++)
    {
      const WaymarkContextEntry *entry = g_ptr_array_index (all, i);

      if (kind < 0 || (int) entry->kind == kind)
        g_ptr_array_add (chosen, (gpointer) entry);
    }

  if (g_strcmp0 (format, "csv") == 0)
    output = waymark_export_context_csv (chosen);
  else if (g_strcmp0 (format, "json") == 0)
    output = waymark_export_context_json (chosen);
  else
    {
      g_autofree char *text = format_text (chosen);

      output = waymark_text_escape_for_terminal (text, -1, WAYMARK_TEXT_ESCAPE_KEEP_LINES);
    }

  waymark_cli_write_stdout (output);
  if (g_strcmp0 (format, "json") == 0)
    waymark_cli_write_stdout ("\n");

  return EXIT_OK;
}
