/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The one way Waymark reads a file it is asked to open (a catalogue, a plan). Only an ordinary
 * file is read: a named pipe, a device (/dev/zero, a terminal), a socket or a folder is refused
 * with a message that names the file and says what it is, without waiting on it. A file larger
 * than max_bytes is refused before it is read, and at most max_bytes + 1 bytes are ever read, so
 * a file that grows while it is read is refused too, never read without end.
 *
 * Errors are in `domain`, with the codes WaymarkCatalogueError and WaymarkPlanError share:
 * WAYMARK_SAFE_READ_ERROR_READ and WAYMARK_SAFE_READ_ERROR_TOO_LARGE below. Messages begin with
 * the file's name. */
enum
{
  WAYMARK_SAFE_READ_ERROR_READ = 0,
  WAYMARK_SAFE_READ_ERROR_TOO_LARGE = 2,
};

GBytes *waymark_safe_read_file (GFile   *file,
                                gsize    max_bytes,
                                GQuark   domain,
                                GError **error);

G_END_DECLS
