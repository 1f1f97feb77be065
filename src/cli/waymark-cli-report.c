/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-cli-private.h"
#include "waymark-report-odt.h"
#include "waymark-report-pdf.h"
#include "waymark-report-xlsx.h"

/* The formats report writes: one line each, so another joins with one line. */
static const struct
{
  const char *id;
  gboolean  (*write) (WaymarkPlan *plan, WaymarkCatalogue *catalogue, GFile *file, GError **error);
} formats[] = {
  { "odt", waymark_report_write_odt },
  { "pdf", waymark_report_write_pdf },
  { "xlsx", waymark_report_write_xlsx },
};

static char *
list_formats (void)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    g_strv_builder_add (ids, formats[i].id);
  strv = g_strv_builder_end (ids);
  return g_strjoinv ("|", strv);
}

int
waymark_cli_command_report (int    argc,
                            char **argv)
{
  g_autofree char *catalogue_path = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *all_formats = list_formats ();
  g_autofree char *format_help = g_strdup_printf (_("%s (required)"), all_formats);
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, format_help, N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the report to FILE, atomically (required)"), N_("FILE") },
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, &catalogue_path,
      N_("The catalogue the plan’s interventions come from (default: the review’s)"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN"));
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  g_autoptr(WaymarkPlan) plan = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GFile) plan_file = NULL;
  gsize chosen = G_N_ELEMENTS (formats);

  g_option_context_set_summary (context,
                                _("Write a saved plan’s board paper, as OpenDocument Text (odt) "
                                  "or PDF (pdf), A4, in five cases (strategic, economic, "
                                  "commercial, financial, management), every figure with its "
                                  "source; or its Excel workbook (xlsx) for a finance team. The "
                                  "same files as the application’s Export Board Paper… and "
                                  "Export Workbook…"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return waymark_cli_usage_error ("report", error->message);
  if (argc != 2)
    return waymark_cli_usage_error ("report", _("report needs exactly one plan file"));
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (format, formats[i].id) == 0)
      chosen = i;
  if (chosen == G_N_ELEMENTS (formats))
    {
      g_autofree char *message = g_strdup_printf (_("--format must be one of %s"), all_formats);

      return waymark_cli_usage_error ("report", message);
    }
  if (output == NULL)
    return waymark_cli_usage_error ("report", _("report needs --output FILE"));

  out = g_file_new_for_commandline_arg (output);
  plan_file = g_file_new_for_commandline_arg (argv[1]);
  if (waymark_cli_same_file (out, plan_file))
    {
      g_autofree char *message = g_strdup_printf (_("--output “%s” is the plan being read: "
                                                    "choose another file"), output);

      return waymark_cli_usage_error ("report", message);
    }

  plan = waymark_cli_load_plan (argv[1], catalogue_path, &catalogue);
  if (plan == NULL)
    return EXIT_BAD_INPUT;
  if (!formats[chosen].write (plan, catalogue, out, &error))
    {
      g_printerr ("%s: %s\n", WAYMARK_CLI_PROGRAM, error->message);
      return EXIT_BAD_INPUT;
    }
  return EXIT_OK;
}
