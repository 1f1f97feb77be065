/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-cli-private.h"
#include "waymark-plan-comparison.h"
#include "waymark-plan-io.h"
#include "waymark-text-escape.h"

int
waymark_cli_command_compare_plans (int    argc,
                                   char **argv)
{
  g_autofree char *catalogue_path = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (default), csv or json"), N_("FORMAT") },
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, &catalogue_path,
      N_("The catalogue the plans’ interventions come from (default: the review’s)"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN PLAN [PLAN PLAN]"));
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(WaymarkPlanComparison) comparison = NULL;
  g_autofree char *output = NULL;

  g_option_context_set_summary (context,
                                _("Compare two to four saved plans side by side: totals per year "
                                  "and over the plan, budget, balance of spend, reach and "
                                  "coverage, the warnings each raises and clears, and the items "
                                  "they share or differ on, with the difference in money from "
                                  "the first plan. Each plan is named by its title, or its file "
                                  "name when it has none."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return waymark_cli_usage_error ("compare-plans", error->message);
  if (argc < 1 + WAYMARK_PLAN_COMPARISON_MIN || argc > 1 + WAYMARK_PLAN_COMPARISON_MAX)
    return waymark_cli_usage_error ("compare-plans",
                                    _("compare-plans needs two, three or four plan files"));
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "csv") &&
      !g_str_equal (format, "json"))
    return waymark_cli_usage_error ("compare-plans", _("--format must be text, csv or json"));

  catalogue = waymark_cli_load_catalogue (catalogue_path, &error);
  if (catalogue == NULL)
    {
      g_printerr ("%s: %s\n", WAYMARK_CLI_PROGRAM, error->message);
      return EXIT_BAD_INPUT;
    }
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      WaymarkPlan *plan = waymark_plan_new_from_file (file, catalogue, &error);

      if (plan == NULL)
        {
          g_printerr ("%s: %s\n", WAYMARK_CLI_PROGRAM, error->message);
          return EXIT_BAD_INPUT;
        }
      g_ptr_array_add (plans, plan);
      g_ptr_array_add (names, waymark_plan_comparison_display_name (plan, file));
    }
  g_ptr_array_add (names, NULL);

  comparison = waymark_plan_comparison_new ((WaymarkPlan **) plans->pdata,
                                            (const char * const *) names->pdata, plans->len,
                                            catalogue);
  if (g_strcmp0 (format, "csv") == 0)
    output = waymark_plan_comparison_to_csv (comparison);
  else if (g_strcmp0 (format, "json") == 0)
    output = waymark_plan_comparison_to_json (comparison);
  else
    {
      g_autofree char *text = waymark_plan_comparison_to_text (comparison);

      output = waymark_text_escape_for_terminal (text, -1, WAYMARK_TEXT_ESCAPE_KEEP_LINES);
    }

  waymark_cli_write_stdout (output);
  return EXIT_OK;
}
