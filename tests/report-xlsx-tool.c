/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes a saved plan's workbook, for tests/check-xlsx.py, until `waymark-cli report --format
 * xlsx` (issue 16, part 5) takes its place: report-xlsx-tool PLAN OUTPUT. The review's catalogue
 * is the default one. */
#include "config.h"

#include <locale.h>

#include "waymark-plan-io.h"
#include "waymark-report-xlsx.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  g_autoptr(WaymarkPlan) plan = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) output = NULL;

  setlocale (LC_ALL, "");
  if (argc != 3)
    {
      g_printerr ("usage: %s PLAN OUTPUT\n", argv[0]);
      return 2;
    }
  catalogue = waymark_catalogue_new_default (&error);
  if (catalogue == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  input = g_file_new_for_commandline_arg (argv[1]);
  output = g_file_new_for_commandline_arg (argv[2]);
  plan = waymark_plan_new_from_file (input, catalogue, &error);
  if (plan == NULL || !waymark_report_write_xlsx (plan, catalogue, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
