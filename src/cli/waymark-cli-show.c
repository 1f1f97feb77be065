/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-cli-private.h"
#include "waymark-intervention-document.h"
#include "waymark-intervention-json.h"
#include "waymark-json-writer.h"
#include "waymark-text-escape.h"

int
waymark_cli_command_show (int    argc,
                          char **argv)
{
  g_autofree char *catalogue_path = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, &catalogue_path,
      N_("Read this catalogue instead of the review’s"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  g_autofree char *output = NULL;
  WaymarkIntervention *item;

  g_option_context_set_summary (context,
                                _("Show everything the catalogue holds about one intervention."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return waymark_cli_usage_error ("show", error->message);
  if (argc != 2)
    return waymark_cli_usage_error ("show",
                                    _("show needs exactly one intervention id, such as “drive”"));
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return waymark_cli_usage_error ("show", _("--format must be text or json"));

  catalogue = waymark_cli_load_catalogue (catalogue_path, &error);
  if (catalogue == NULL)
    {
      g_printerr ("%s: %s\n", WAYMARK_CLI_PROGRAM, error->message);
      return EXIT_BAD_INPUT;
    }

  item = waymark_catalogue_lookup (catalogue, argv[1]);
  if (item == NULL)
    {
      g_printerr (_("%s: no intervention has the id “%s”; “%s list” shows them all\n"),
                  WAYMARK_CLI_PROGRAM, argv[1], WAYMARK_CLI_PROGRAM);
      return EXIT_BAD_INPUT;
    }

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonNode) node = waymark_intervention_to_json (item);
      g_autoptr(JsonGenerator) generator = json_generator_new ();

      json_generator_set_root (generator, node);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      output = waymark_json_generate (generator);
      waymark_cli_write_stdout (output);
      waymark_cli_write_stdout ("\n");
    }
  else
    {
      g_autofree char *text = waymark_intervention_describe_text (item, catalogue);

      output = waymark_text_escape_for_terminal (text, -1, WAYMARK_TEXT_ESCAPE_KEEP_LINES);
      waymark_cli_write_stdout (output);
    }

  return EXIT_OK;
}
