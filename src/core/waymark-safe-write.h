/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The one way Waymark writes a file (a saved plan, an export, the comparison's CSV, the command
 * line's --output), so that no write loses a file or an error:
 *   - a regular file, or a name that does not exist yet, is replaced atomically: the data go to
 *     `.NAME.waymark-save-XXXXXX` beside it, are flushed to disk, and that file is renamed over
 *     NAME, keeping NAME's permissions; a failure leaves NAME as it was. Through a symbolic link,
 *     the file it points to is replaced and the link kept. Such temporary files that a killed
 *     save left behind are removed at the next save of the same NAME (only those of that exact
 *     pattern, owned by this user, and not held by a save in progress);
 *   - a named pipe (FIFO) or a character device (/dev/null, a terminal) is written to in place,
 *     never renamed over; a named pipe that nothing reads from is refused at once, not waited on;
 *   - a folder, a disk (block device) or a socket is refused.
 * Every error, a short write, a full disk, a closed pipe, a failed flush or close included, is
 * reported in a G_IO_ERROR whose message names the file. `length` -1 means `data` is a string. */
gboolean waymark_safe_write_file (GFile       *file,
                                  const char  *data,
                                  gssize       length,
                                  GError     **error);

/* Writes all of `data` to an open descriptor (standard output, say), waiting while it is full and
 * never killed by SIGPIPE; an error's message is "Could not write to WHAT: why", so `what` is a
 * phrase such as "standard output" or a quoted file name. */
gboolean waymark_safe_write_fd   (int          fd,
                                  const char  *what,
                                  const char  *data,
                                  gsize        length,
                                  GError     **error);

G_END_DECLS
