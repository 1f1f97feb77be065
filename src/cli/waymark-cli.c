/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "waymark-cli-private.h"
#include "waymark-plan-io.h"

int
waymark_cli_usage_error (const char *command,
                         const char *message)
{
  g_printerr ("%s: %s\n", WAYMARK_CLI_PROGRAM, message);
  if (command != NULL)
    g_printerr (_("Try “%s %s --help”.\n"), WAYMARK_CLI_PROGRAM, command);
  else
    g_printerr (_("Try “%s --help”.\n"), WAYMARK_CLI_PROGRAM);
  return EXIT_USAGE;
}

gboolean
waymark_cli_same_file (GFile *a,
                       GFile *b)
{
  g_autofree char *path_a = g_file_get_path (a);
  g_autofree char *path_b = g_file_get_path (b);
  GStatBuf st_a, st_b;

  /* Device and inode: the same file through a link or another spelling of its path. */
  return path_a != NULL && path_b != NULL && g_stat (path_a, &st_a) == 0 &&
         g_stat (path_b, &st_b) == 0 && st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino;
}

WaymarkCatalogue *
waymark_cli_load_catalogue (const char  *path,
                            GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return waymark_catalogue_new_default (error);

  file = g_file_new_for_commandline_arg (path);
  return waymark_catalogue_new_from_file (file, error);
}

WaymarkPlan *
waymark_cli_load_plan (const char        *plan_arg,
                       const char        *catalogue_path,
                       WaymarkCatalogue **catalogue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  WaymarkPlan *plan;

  *catalogue = waymark_cli_load_catalogue (catalogue_path, &error);
  if (*catalogue == NULL)
    {
      g_printerr ("%s: %s\n", WAYMARK_CLI_PROGRAM, error->message);
      return NULL;
    }

  file = g_file_new_for_commandline_arg (plan_arg);
  plan = waymark_plan_new_from_file (file, *catalogue, &error);
  if (plan == NULL)
    g_printerr ("%s: %s\n", WAYMARK_CLI_PROGRAM, error->message);
  return plan;
}

/* main */

static const struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "list", waymark_cli_command_list, N_("List and filter the interventions") },
  { "show", waymark_cli_command_show, N_("Show one intervention in full") },
  { "validate", waymark_cli_command_validate, N_("Check a catalogue, a plan or a file of local services") },
  { "export", waymark_cli_command_export, N_("Export a saved plan as CSV or JSON") },
  { "context", waymark_cli_command_context,
    N_("Show the review’s local figures, funding, gaps, standards and recommendations") },
  { "appraise", waymark_cli_command_appraise,
    N_("Rank a saved plan’s shortlist by weighted score, and test the ranking") },
  { "decisions", waymark_cli_command_decisions,
    N_("Show a saved plan’s decision record: who changed what, when and why") },
  { "local-services", waymark_cli_command_local_services,
    N_("List a plan’s local services, or share them through a file of their own") },
  { "compare-plans", waymark_cli_command_compare_plans,
    N_("Compare two to four saved plans side by side") },
  { "report", waymark_cli_command_report,
    N_("Write a saved plan’s board paper (ODT or PDF) or workbook (xlsx)") },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, _("Usage:\n  %s COMMAND [OPTION…]\n\n"), WAYMARK_CLI_PROGRAM);
  fprintf (stream, "%s\n\n",
           _("Waymark: the interventions of the rapid evidence review on domestic abuse and sexual "
             "violence, for commissioners."));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-14s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-14s %s\n", "--help", _("Show this help"));
  fprintf (stream, "  %-14s %s\n", "--help-all", _("Show this help and every command’s options"));
  fprintf (stream, "  %-14s %s\n", "--version", _("Show the version"));
  fprintf (stream, _("\n“%s COMMAND --help” describes each command’s options.\n"),
           WAYMARK_CLI_PROGRAM);
  fprintf (stream, "%s\n",
           _("Exit status: 0 done, 1 bad or missing input, 2 wrong command line."));
}

int
main (int    argc,
      char **argv)
{
  waymark_cli_output_init ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return EXIT_OK;
    }

  /* Every command's options in one page, for the manual (help2man reads it). */
  if (g_str_equal (argv[1], "--help-all"))
    {
      print_help (stdout);
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        {
          g_autofree char *out = NULL;
          const char *command_argv[] = { "/proc/self/exe", commands[i].name, "--help", NULL };

          if (!g_spawn_sync (NULL, (char **) command_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                             &out, NULL, NULL, NULL))
            continue;
          printf ("\n%s %s\n%s", WAYMARK_CLI_PROGRAM, commands[i].name, out);
        }
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("%s %s\n", WAYMARK_CLI_PROGRAM, PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("%s %s", WAYMARK_CLI_PROGRAM, commands[i].name);

        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  {
    g_autofree char *message = g_strdup_printf (_("“%s” is not a command"), argv[1]);
    return waymark_cli_usage_error (NULL, message);
  }
}
