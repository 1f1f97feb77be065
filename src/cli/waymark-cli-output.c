/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "waymark-cli-private.h"
#include "waymark-safe-write.h"
#include "waymark-text-escape.h"

/* Set when standard output could not take everything: the exit status is then 1. */
static gboolean stdout_failed = FALSE;

/* Everything for standard output goes through here. On a terminal, text from a file (even in CSV
 * or JSON) is escaped so that the terminal shows it instead of obeying it; a write that fails
 * (a full disk, a closed pipe, a closed stream) is reported once. */
void
waymark_cli_write_stdout (const char *text)
{
  g_autofree char *escaped = NULL;
  g_autoptr(GError) error = NULL;

  if (stdout_failed)
    return;
  if (isatty (STDOUT_FILENO))
    text = escaped = waymark_text_escape_for_terminal (text, -1, WAYMARK_TEXT_ESCAPE_KEEP_LINES);

  fflush (stdout);
  if (!waymark_safe_write_fd (STDOUT_FILENO, _("standard output"), text, strlen (text), &error))
    {
      stdout_failed = TRUE;
      g_printerr ("%s: %s\n", WAYMARK_CLI_PROGRAM, error->message);
    }
}

/* g_print() and g_printerr() are messages for people, often quoting a file's name or its text:
 * always escaped, wherever they go (waymark_text_escape_for_terminal). */
static void
print_to_stdout (const char *text)
{
  g_autofree char *escaped = waymark_text_escape_for_terminal (text, -1,
                                                               WAYMARK_TEXT_ESCAPE_KEEP_LINES);

  waymark_cli_write_stdout (escaped);
}

static void
print_to_stderr (const char *text)
{
  g_autofree char *escaped = waymark_text_escape_for_terminal (text, -1,
                                                               WAYMARK_TEXT_ESCAPE_KEEP_LINES);

  fputs (escaped, stderr);
  fflush (stderr);
}

/* A standard stream that was closed (`>&-`) is held by /dev/null opened for reading only, so that
 * no file opened later takes its number, and writing to it fails (and is reported). */
static void
hold_closed_streams (void)
{
  for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++)
    {
      int held;

      if (fcntl (fd, F_GETFD) >= 0 || errno != EBADF)
        continue;
      held = open ("/dev/null", O_RDONLY | O_NOCTTY);
      if (held >= 0 && held != fd)
        {
          dup2 (held, fd);
          close (held);
        }
    }
}

/* What went through stdio (help, the version) is flushed at exit, and any failure to write
 * standard output, there or earlier, makes the exit status 1, however the program ends. */
static void
check_stdout_at_exit (void)
{
  errno = 0;
  if (!stdout_failed && (fflush (stdout) != 0 || ferror (stdout) || fclose (stdout) != 0))
    {
      /* ferror() alone, for a write that failed earlier, leaves no errno to tell. */
      int errsv = errno != 0 ? errno : EIO;

      g_printerr ("%s: ", WAYMARK_CLI_PROGRAM);
      g_printerr (_("Could not write to %s: %s"), _("standard output"),
                  errsv == EBADF ? _("it is closed") : g_strerror (errsv));
      g_printerr ("\n");
      stdout_failed = TRUE;
    }
  if (stdout_failed)
    _exit (EXIT_BAD_INPUT);
}

void
waymark_cli_output_init (void)
{
  hold_closed_streams ();
  g_set_print_handler (print_to_stdout);
  g_set_printerr_handler (print_to_stderr);
  atexit (check_stdout_at_exit);
}
