/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-cli-private.h"
#include "waymark-money.h"
#include "waymark-plan-io.h"
#include "waymark-safe-write.h"

/* waymark-cli local-services list|export|import|add-item: a plan's local services (issue 15),
 * shown marked "Local: not rated by the review", shared through a file of their own
 * (data/catalogue/README.md, "A file of local services"), and an item added for one (an
 * imported one has none). */

static char *
describe_ages (WaymarkLocalService *service)
{
  int lo = waymark_local_service_get_age_min (service);
  int hi = waymark_local_service_get_age_max (service);

  if (lo < 0 && hi < 0)
    return g_strdup (_("not given"));
  if (hi < 0)
    return g_strdup_printf (_("%d and over"), lo);
  if (lo < 0)
    return g_strdup_printf (_("up to %d"), hi);
  return g_strdup_printf (_("%d to %d"), lo, hi);
}

static char *
describe_cost (WaymarkLocalService *service)
{
  gint64 low = waymark_local_service_get_unit_cost (service);
  gint64 high = waymark_local_service_get_unit_cost_high (service);
  g_autofree char *low_text = NULL;
  g_autofree char *high_text = NULL;

  if (low == WAYMARK_NO_COST)
    return g_strdup (_("not given"));
  low_text = waymark_money_format_for_export (low, WAYMARK_CURRENCY_GBP);
  if (high == low)
    return g_steal_pointer (&low_text);
  high_text = waymark_money_format_for_export (high, WAYMARK_CURRENCY_GBP);
  return g_strdup_printf (_("%s to %s"), low_text, high_text);
}

static char *
format_list (WaymarkPlan *plan)
{
  GListModel *services = waymark_plan_get_local_services (plan);
  guint n = g_list_model_get_n_items (services);
  GString *out = g_string_new (NULL);

  if (n == 0)
    {
      g_string_append_printf (out, "%s\n", _("The plan has no local services."));
      return g_string_free (out, FALSE);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkLocalService) service = g_list_model_get_item (services, i);
      g_autofree char *levels = waymark_flags_to_string (
        WAYMARK_TYPE_LEVEL, waymark_local_service_get_levels (service), ", ");
      g_autofree char *works_with = waymark_flags_to_string (
        WAYMARK_TYPE_WORKS_WITH, waymark_local_service_get_works_with (service), ", ");
      g_autofree char *ages = describe_ages (service);
      g_autofree char *cost = describe_cost (service);
      const char *id = waymark_local_service_get_id (service);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s [%s]\n", waymark_local_service_get_name (service), id);
      g_string_append_printf (out, "   %s\n", waymark_local_service_mark ());
      g_string_append_printf (out, _("   Level: %s; focus: %s; works with: %s; ages: %s\n"),
                              levels,
                              waymark_focus_get_label (waymark_local_service_get_focus (service)),
                              *works_with != '\0' ? works_with : _("not given"), ages);
      g_string_append_printf (out, _("   Provider: %s\n"),
                              waymark_local_service_get_provider (service));
      g_string_append_printf (out, _("   Unit cost (local): %s a unit (a unit: %s)\n"), cost,
                              waymark_local_service_get_unit (service));
      g_string_append_printf (out, _("   In the plan: %s\n"),
                              waymark_plan_find_item (plan, id, NULL) != NULL ? _("yes")
                                                                              : _("no"));
      if (*waymark_local_service_get_notes (service) != '\0')
        g_string_append_printf (out, _("   Notes: %s\n"),
                                waymark_local_service_get_notes (service));
      if (*waymark_local_service_get_source (service) != '\0')
        g_string_append_printf (out, _("   Source: %s\n"),
                                waymark_local_service_get_source (service));
    }
  return g_string_free (out, FALSE);
}

int
waymark_cli_command_local_services (int    argc,
                                    char **argv)
{
  g_autofree char *catalogue_path = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (atomically); export writes to standard output without it, import and "
         "add-item need it"), N_("FILE") },
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, &catalogue_path,
      N_("The catalogue the plan’s interventions come from (default: the review’s)"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("list PLAN | export PLAN | import PLAN FILE | add-item PLAN ID"));
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  g_autoptr(WaymarkPlan) plan = NULL;
  const char *action;

  g_option_context_set_summary (context,
                                _("A plan’s local services: the services the review does not "
                                  "describe, never rated by it.\n"
                                  "  list:   show them, each marked “Local: not rated by the "
                                  "review”\n"
                                  "  export: write them as a file of local services, to share\n"
                                  "  import: add a file’s local services to the plan, written "
                                  "to --output\n"
                                  "  add-item: add an item for the local service ID to the "
                                  "plan, written to --output"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return waymark_cli_usage_error ("local-services", error->message);
  if (argc < 2)
    return waymark_cli_usage_error ("local-services", _("say list, export, import or add-item"));
  action = argv[1];
  if (g_str_equal (action, "list") || g_str_equal (action, "export"))
    {
      if (argc != 3)
        return waymark_cli_usage_error ("local-services",
                                        _("list and export need exactly one plan file"));
    }
  else if (g_str_equal (action, "import"))
    {
      if (argc != 4)
        return waymark_cli_usage_error ("local-services",
                                        _("import needs a plan file and a file of local "
                                          "services"));
      if (output == NULL)
        return waymark_cli_usage_error ("local-services",
                                        _("import needs --output, the plan file to write"));
    }
  else if (g_str_equal (action, "add-item"))
    {
      if (argc != 4)
        return waymark_cli_usage_error ("local-services",
                                        _("add-item needs a plan file and a local service’s id"));
      if (output == NULL)
        return waymark_cli_usage_error ("local-services",
                                        _("add-item needs --output, the plan file to write"));
    }
  else
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not list, export, import or add-item"), action);

      return waymark_cli_usage_error ("local-services", message);
    }

  /* An output that is a file being read would lose it: refused before anything is read. The
   * plan itself may be the output of import and add-item: it is read first and replaced
   * atomically. */
  if (output != NULL)
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);
      /* add-item reads only the plan. */
      g_autoptr(GFile) read =
        g_str_equal (action, "add-item") ? NULL
        : g_file_new_for_commandline_arg (g_str_equal (action, "import") ? argv[3] : argv[2]);

      if (g_str_equal (action, "list"))
        return waymark_cli_usage_error ("local-services", _("list writes to standard output"));
      if (read != NULL && waymark_cli_same_file (out, read))
        {
          g_autofree char *message =
            g_strdup_printf (_("--output “%s” is a file being read: choose another file"),
                             output);

          return waymark_cli_usage_error ("local-services", message);
        }
    }

  plan = waymark_cli_load_plan (argv[2], catalogue_path, &catalogue);
  if (plan == NULL)
    return EXIT_BAD_INPUT;

  if (g_str_equal (action, "list"))
    {
      g_autofree char *text = format_list (plan);

      waymark_cli_write_stdout (text);
      return EXIT_OK;
    }

  if (g_str_equal (action, "export"))
    {
      g_autofree char *data = waymark_local_services_to_json (
        waymark_plan_get_local_services (plan));

      if (output == NULL)
        {
          waymark_cli_write_stdout (data);
          return EXIT_OK;
        }
      {
        g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);

        if (!waymark_safe_write_file (out, data, -1, &error))
          {
            g_printerr ("%s: %s\n", WAYMARK_CLI_PROGRAM, error->message);
            return EXIT_BAD_INPUT;
          }
      }
      return EXIT_OK;
    }

  if (g_str_equal (action, "add-item"))
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);

      if (!waymark_plan_add_local_service_item (plan, argv[3], &error) ||
          !waymark_plan_write (plan, catalogue, WAYMARK_PLAN_FORMAT_JSON, out, &error))
        {
          g_printerr ("%s: %s\n", WAYMARK_CLI_PROGRAM, error->message);
          return EXIT_BAD_INPUT;
        }
      return EXIT_OK;
    }

  /* import */
  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[3]);
    g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);
    g_autoptr(GListModel) services = NULL;
    g_autofree char *name = g_file_get_basename (file);

    services = waymark_local_services_new_from_file (file, catalogue, &error);
    if (services == NULL ||
        !waymark_plan_import_local_services (plan, services, catalogue, name, NULL, &error) ||
        !waymark_plan_write (plan, catalogue, WAYMARK_PLAN_FORMAT_JSON, out, &error))
      {
        g_printerr ("%s: %s\n", WAYMARK_CLI_PROGRAM, error->message);
        return EXIT_BAD_INPUT;
      }
  }
  return EXIT_OK;
}
