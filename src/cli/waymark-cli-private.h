/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-catalogue.h"
#include "waymark-plan.h"

G_BEGIN_DECLS

/* What waymark-cli's files share: waymark-cli.c (main: the commands, help, usage errors),
 * waymark-cli-output.c (everything written to standard output and error, escaped for a
 * terminal, and a failed write made the exit status) and one file per command
 * (waymark-cli-list.c, -show.c, -validate.c, -export.c, -context.c,
 * -appraise.c, -local-services.c, -decisions.c, -report.c, -compare-plans.c). */

#define WAYMARK_CLI_PROGRAM "waymark-cli"

/* Exit statuses: 0 done, 1 the input was bad or not found, 2 the command line was wrong. */
enum {
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 1,
  EXIT_USAGE = 2,
};

/* waymark-cli.c */
int                waymark_cli_usage_error      (const char  *command,
                                                 const char  *message);
/* Whether a and b are one file (device and inode), however their paths are spelt. */
gboolean           waymark_cli_same_file        (GFile       *a,
                                                 GFile       *b);
/* The catalogue at path, or the review's when path is NULL. */
WaymarkCatalogue  *waymark_cli_load_catalogue   (const char  *path,
                                                 GError     **error);
/* The plan at plan_arg read against that catalogue (*catalogue, owned), for export and appraise;
 * NULL when either cannot be read, the message printed. */
WaymarkPlan       *waymark_cli_load_plan        (const char        *plan_arg,
                                                 const char        *catalogue_path,
                                                 WaymarkCatalogue **catalogue);

/* waymark-cli-output.c */
/* First thing in main(): holds closed standard streams, routes g_print() and g_printerr() through
 * the escaping, and makes a failed write to standard output the exit status 1 at exit. */
void               waymark_cli_output_init      (void);
void               waymark_cli_write_stdout     (const char  *text);

/* One function a command, given its own arguments (argv[0] is the command's name). */
int                waymark_cli_command_list     (int          argc,
                                                 char       **argv);
int                waymark_cli_command_show     (int          argc,
                                                 char       **argv);
int                waymark_cli_command_validate (int          argc,
                                                 char       **argv);
int                waymark_cli_command_export   (int          argc,
                                                 char       **argv);
int                waymark_cli_command_context  (int          argc,
                                                 char       **argv);
int                waymark_cli_command_appraise (int          argc,
                                                 char       **argv);
int                waymark_cli_command_decisions (int         argc,
                                                  char      **argv);
int                waymark_cli_command_local_services (int     argc,
                                                       char  **argv);
int                waymark_cli_command_report   (int          argc,
                                                 char       **argv);
int                waymark_cli_command_compare_plans (int      argc,
                                                      char   **argv);

G_END_DECLS
