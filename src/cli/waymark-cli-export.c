/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-cli-private.h"
#include "waymark-plan-io.h"

/* --output naming a file that export reads would lose it: refused before anything is read. */
static char *
check_output_is_not_input (const char *output,
                           const char *plan_arg,
                           const char *catalogue_arg)
{
  g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);
  g_autoptr(GFile) plan = g_file_new_for_commandline_arg (plan_arg);
  g_autoptr(GFile) catalogue = catalogue_arg ? g_file_new_for_commandline_arg (catalogue_arg)
                                             : NULL;

  if (waymark_cli_same_file (out, plan))
    return g_strdup_printf (_("--output “%s” is the plan being exported: choose another file"),
                            output);
  if (catalogue != NULL && waymark_cli_same_file (out, catalogue))
    return g_strdup_printf (_("--output “%s” is the catalogue being read: choose another file"),
                            output);
  return NULL;
}

int
waymark_cli_command_export (int    argc,
                            char **argv)
{
  g_autofree char *catalogue_path = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  gboolean summary = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("csv or json (required)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (atomically) instead of standard output"), N_("FILE") },
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, &catalogue_path,
      N_("The catalogue the plan’s interventions come from (default: the review’s)"),
      N_("FILE") },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &summary,
      N_("With --format csv: the plan’s details and its totals per year and over the plan, "
         "instead of its items"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN"));
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  g_autoptr(WaymarkPlan) plan = NULL;
  g_autofree char *data = NULL;
  WaymarkPlanFormat plan_format;

  g_option_context_set_summary (context,
                                _("Export a saved plan as CSV (for spreadsheets) or JSON (for "
                                  "other systems), exactly as Waymark does. The CSV has one row "
                                  "an item; --summary writes the plan’s details and totals."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return waymark_cli_usage_error ("export", error->message);
  if (argc != 2)
    return waymark_cli_usage_error ("export", _("export needs exactly one plan file"));
  if (g_strcmp0 (format, "csv") == 0)
    plan_format = WAYMARK_PLAN_FORMAT_CSV;
  else if (g_strcmp0 (format, "json") == 0)
    plan_format = WAYMARK_PLAN_FORMAT_JSON;
  else
    return waymark_cli_usage_error ("export", _("--format must be csv or json"));
  if (summary && plan_format != WAYMARK_PLAN_FORMAT_CSV)
    return waymark_cli_usage_error ("export", _("--summary needs --format csv"));
  if (summary)
    plan_format = WAYMARK_PLAN_FORMAT_SUMMARY_CSV;
  if (output != NULL)
    {
      g_autofree char *conflict = check_output_is_not_input (output, argv[1], catalogue_path);

      if (conflict != NULL)
        return waymark_cli_usage_error ("export", conflict);
    }

  plan = waymark_cli_load_plan (argv[1], catalogue_path, &catalogue);
  if (plan == NULL)
    return EXIT_BAD_INPUT;

  if (output != NULL)
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);

      if (!waymark_plan_write (plan, catalogue, plan_format, out, &error))
        {
          g_printerr ("%s: %s\n", WAYMARK_CLI_PROGRAM, error->message);
          return EXIT_BAD_INPUT;
        }
      return EXIT_OK;
    }

  if (plan_format == WAYMARK_PLAN_FORMAT_SUMMARY_CSV)
    data = waymark_plan_to_summary_csv (plan, &error);
  else if (plan_format == WAYMARK_PLAN_FORMAT_CSV)
    data = waymark_plan_to_csv (plan, catalogue, &error);
  else
    data = waymark_plan_to_json (plan, catalogue, &error);
  if (data == NULL)
    {
      g_printerr ("%s: %s\n", WAYMARK_CLI_PROGRAM, error->message);
      return EXIT_BAD_INPUT;
    }
  waymark_cli_write_stdout (data);
  return EXIT_OK;
}
