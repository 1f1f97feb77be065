/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-cli-private.h"
#include "waymark-plan-io.h"
#include "waymark-safe-read.h"

int
waymark_cli_command_validate (int    argc,
                              char **argv)
{
  g_autofree char *catalogue_path = NULL;
  GOptionEntry entries[] = {
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, &catalogue_path,
      N_("For a plan: the catalogue its interventions come from (default: the review’s)"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  guint n;

  g_option_context_set_summary (context,
                                _("Check a catalogue, a plan or a file of local services. Exits 0 when it is valid; "
                                  "otherwise prints what is wrong and where, and exits 1."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return waymark_cli_usage_error ("validate", error->message);
  if (argc != 2)
    return waymark_cli_usage_error ("validate", _("validate needs exactly one file"));

  file = g_file_new_for_commandline_arg (argv[1]);
  name = g_file_get_basename (file);
  /* Read once, by the core's guarded reader, with the larger of the two limits; the catalogue or
   * plan reader then applies its own. */
  bytes = waymark_safe_read_file (file, MAX (WAYMARK_CATALOGUE_MAX_BYTES, WAYMARK_PLAN_MAX_BYTES),
                                  WAYMARK_CATALOGUE_ERROR, &error);
  if (bytes == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_BAD_INPUT;
    }

  /* A plan and a file of local services are read against a catalogue: a plan's items come from
   * it, and a local service's id is never an intervention's. */
  if (waymark_plan_data_is_plan (bytes) ||
      waymark_plan_data_has_format (bytes, "waymark-local-services"))
    {
      g_autoptr(WaymarkCatalogue) catalogue = waymark_cli_load_catalogue (catalogue_path, &error);
      g_autoptr(WaymarkPlan) plan = NULL;
      g_autoptr(GListModel) services = NULL;

      if (catalogue == NULL)
        {
          g_printerr ("%s: %s\n", WAYMARK_CLI_PROGRAM, error->message);
          return EXIT_BAD_INPUT;
        }
      if (!waymark_plan_data_is_plan (bytes))
        {
          services = waymark_local_services_new_from_bytes (bytes, name, catalogue, &error);
          if (services == NULL)
            {
              g_printerr ("%s\n", error->message);
              return EXIT_BAD_INPUT;
            }
          n = g_list_model_get_n_items (services);
          g_print (g_dngettext (GETTEXT_PACKAGE, "%s: a valid file of %u local service\n",
                                "%s: a valid file of %u local services\n", n), name, n);
          return EXIT_OK;
        }
      plan = waymark_plan_new_from_bytes (bytes, name, catalogue, &error);
      if (plan == NULL)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_BAD_INPUT;
        }
      n = g_list_model_get_n_items (G_LIST_MODEL (plan));
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: a valid plan with %u item\n",
                            "%s: a valid plan with %u items\n", n), name, n);
      return EXIT_OK;
    }

  {
    g_autoptr(WaymarkCatalogue) catalogue = waymark_catalogue_new_from_bytes (bytes, name, &error);

    if (catalogue == NULL)
      {
        g_printerr ("%s\n", error->message);
        return EXIT_BAD_INPUT;
      }
    n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: a valid catalogue with %u intervention\n",
                          "%s: a valid catalogue with %u interventions\n", n), name, n);
  }
  return EXIT_OK;
}
