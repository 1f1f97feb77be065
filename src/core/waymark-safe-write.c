/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "waymark-safe-write.h"

/* A temporary file is `.NAME.waymark-save-XXXXXX`: hidden, beside NAME (so the rename stays on
 * one file system), and recognisable as a save of NAME by this code and by nothing else. */
#define TEMPORARY_INFIX ".waymark-save-"
#define TEMPORARY_RANDOM_LENGTH 6
/* File names are at most 255 bytes on the file systems Waymark meets; a longer NAME is cut in
 * the temporary name, always in the same place, so that the next save still recognises it. */
#define TEMPORARY_MAX_NAME (255 - 1 - (sizeof TEMPORARY_INFIX - 1) - TEMPORARY_RANDOM_LENGTH)

/* Writes all of `data`, or returns FALSE with errno set. SIGPIPE is held back meanwhile, so a
 * pipe whose reader went away gives EPIPE, which is reported, instead of ending the program. */
static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  static const struct timespec no_wait = { 0, 0 };
  sigset_t pipe_signal;
  sigset_t old_mask;
  int saved_errno = 0;

  sigemptyset (&pipe_signal);
  sigaddset (&pipe_signal, SIGPIPE);
  pthread_sigmask (SIG_BLOCK, &pipe_signal, &old_mask);

  while (length > 0)
    {
      ssize_t n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        {
          /* A descriptor left non-blocking by whoever opened it: wait until it takes more. */
          struct pollfd ready = { .fd = fd, .events = POLLOUT };

          if (poll (&ready, 1, -1) < 0 && errno != EINTR)
            {
              saved_errno = errno;
              break;
            }
          continue;
        }
      if (n <= 0)
        {
          saved_errno = n < 0 ? errno : EIO;
          break;
        }
      data += n;
      length -= (gsize) n;
    }

  /* The SIGPIPE that a write to a closed pipe raised is discarded before it is let through. */
  if (saved_errno == EPIPE && !sigismember (&old_mask, SIGPIPE))
    while (sigtimedwait (&pipe_signal, NULL, &no_wait) < 0 && errno == EINTR)
      ;
  pthread_sigmask (SIG_SETMASK, &old_mask, NULL);

  errno = saved_errno;
  return saved_errno == 0;
}

static const char *
describe_errno (int errsv)
{
  switch (errsv)
    {
    case EPIPE:
      return _("the program reading it stopped before everything was written");
    case EBADF:
      return _("it is closed");
    default:
      return g_strerror (errsv);
    }
}

gboolean
waymark_safe_write_fd (int          fd,
                       const char  *what,
                       const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_return_val_if_fail (what != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!write_all (fd, data, length))
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not write to %s: %s"), what, describe_errno (errsv));
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_error (GError     **error,
            int          errsv,
            const char  *name)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Could not save “%s”: %s. Any earlier version of the file is unchanged."),
               name, describe_errno (errsv));
  return FALSE;
}

/* Atomic replacement */

static char *
temporary_prefix (const char *base)
{
  int length = (int) MIN (strlen (base), TEMPORARY_MAX_NAME);

  return g_strdup_printf (".%.*s" TEMPORARY_INFIX, length, base);
}

static gboolean
is_temporary_name (const char *name,
                   const char *prefix)
{
  gsize prefix_length = strlen (prefix);

  if (!g_str_has_prefix (name, prefix) ||
      strlen (name) != prefix_length + TEMPORARY_RANDOM_LENGTH)
    return FALSE;
  for (const char *p = name + prefix_length; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

static gboolean
same_file (const struct stat *a,
           const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Removes what earlier saves of the same NAME left when they were killed mid-write: files of the
 * exact temporary pattern, regular, this user's, and not locked, as a save in progress keeps its
 * temporary file locked until the rename. Anything else is left alone. */
static void
remove_leftovers (const char *dir,
                  const char *prefix)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat opened, named;
      int fd;

      if (!is_temporary_name (name, prefix))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
      if (fd < 0)
        continue;
      if (fstat (fd, &opened) == 0 && S_ISREG (opened.st_mode) && opened.st_uid == geteuid () &&
          flock (fd, LOCK_EX | LOCK_NB) == 0 &&
          lstat (path, &named) == 0 && same_file (&opened, &named))
        unlink (path);
      close (fd);
    }
}

/* Creates and locks a temporary file; -1 with errno set on failure. */
static int
create_temporary (const char  *dir,
                  const char  *prefix,
                  int          mode,
                  char       **out_path)
{
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autofree char *template = g_strconcat (prefix, "XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, template, NULL);
      struct stat opened, named;
      int fd = g_mkstemp_full (path, O_WRONLY | O_CLOEXEC, mode);

      if (fd < 0)
        return -1;

      /* Another save's clean-up could remove the file between its creation and the lock: then
       * the name no longer leads to it, and another name is tried. */
      if (flock (fd, LOCK_EX | LOCK_NB) == 0 && fstat (fd, &opened) == 0 &&
          lstat (path, &named) == 0 && same_file (&opened, &named))
        {
          *out_path = g_steal_pointer (&path);
          return fd;
        }
      close (fd);
    }

  errno = EEXIST;
  return -1;
}

static gboolean
flush_to_disk (int fd)
{
  /* Some file systems (FUSE ones, say) have nothing to flush and say so. */
  return fsync (fd) == 0 || errno == EINVAL || errno == ENOSYS || errno == ENOTSUP;
}

static gboolean
replace_atomically (const char         *target,
                    const char         *name,
                    const char         *data,
                    gsize               length,
                    const struct stat  *existing,
                    GError            **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *prefix = temporary_prefix (base);
  g_autofree char *temporary = NULL;
  /* A private plan stays private. */
  int mode = existing != NULL ? (int) (existing->st_mode & 0777) : 0644;
  int fd;
  int errsv;

  remove_leftovers (dir, prefix);

  fd = create_temporary (dir, prefix, mode, &temporary);
  if (fd < 0)
    return save_error (error, errno, name);

  /* Exactly the old permissions, whatever the umask; where a file system has no permissions to
   * set, the save goes on. */
  if (existing != NULL)
    (void) fchmod (fd, mode);

  if (!write_all (fd, data, length) || !flush_to_disk (fd))
    {
      errsv = errno;
      close (fd);
      unlink (temporary);
      return save_error (error, errsv, name);
    }
  /* Closed, with its error checked, before the rename: a network file system may report a
   * failed write only now. */
  if (close (fd) != 0 || rename (temporary, target) != 0)
    {
      errsv = errno;
      unlink (temporary);
      return save_error (error, errsv, name);
    }

  /* The rename itself reaches the disk with the folder. */
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      (void) fsync (fd);
      close (fd);
    }

  return TRUE;
}

/* Named pipes and character devices */

static gboolean
write_in_place (const char         *path,
                const char         *name,
                const struct stat  *named,
                const char         *data,
                gsize               length,
                GError            **error)
{
  g_autofree char *what = g_strdup_printf ("“%s”", name);
  struct stat opened;
  int fd;
  int flags;

  /* Non-blocking, so that a pipe nobody reads from is refused at once instead of waited on. */
  fd = open (path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      int errsv = errno;

      if (errsv == ENXIO && S_ISFIFO (named->st_mode))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE,
                     _("Could not write to “%s”: it is a named pipe and nothing is reading from "
                       "it. Start the program that reads it first."), name);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                     _("Could not write to %s: %s"), what, describe_errno (errsv));
      return FALSE;
    }

  if (fstat (fd, &opened) != 0 || !(S_ISFIFO (opened.st_mode) || S_ISCHR (opened.st_mode)))
    {
      /* It was swapped for something else since it was looked at: look again. */
      gboolean regular = S_ISREG (opened.st_mode);

      close (fd);
      if (regular)
        return replace_atomically (path, name, data, length, &opened, error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not save “%s”: it is not a file."), name);
      return FALSE;
    }

  /* From here on, wait for a slow reader as any pipe writer does. */
  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    (void) fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  if (!waymark_safe_write_fd (fd, what, data, length, error))
    {
      close (fd);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not write to %s: %s"), what, describe_errno (errsv));
      return FALSE;
    }

  return TRUE;
}

/* A location with no local path (a remote folder in the file chooser): GIO's own replacement,
 * which is atomic where the location allows it. */
static gboolean
replace_through_gio (GFile       *file,
                     const char  *name,
                     const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                               NULL, NULL, &local_error))
    return TRUE;

  g_set_error (error, G_IO_ERROR,
               local_error->domain == G_IO_ERROR ? local_error->code : G_IO_ERROR_FAILED,
               _("Could not save “%s”: %s. Any earlier version of the file is unchanged."),
               name, local_error->message);
  return FALSE;
}

gboolean
waymark_safe_write_file (GFile       *file,
                         const char  *data,
                         gssize       length,
                         GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  struct stat named;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length <= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (data == NULL)
    data = "";
  if (length < 0)
    length = (gssize) strlen (data);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      name = g_filename_display_name (basename != NULL ? basename : "");
      return replace_through_gio (file, name, data, (gsize) length, error);
    }
  name = g_filename_display_basename (path);

  if (stat (path, &named) != 0)
    {
      if (errno != ENOENT)
        return save_error (error, errno, name);
      return replace_atomically (path, name, data, (gsize) length, NULL, error);
    }

  if (S_ISREG (named.st_mode))
    {
      /* Through a symbolic link, the file it leads to is replaced and the link kept. */
      g_autofree char *real = realpath (path, NULL);

      return replace_atomically (real != NULL ? real : path, name, data, (gsize) length, &named,
                                 error);
    }
  if (S_ISFIFO (named.st_mode) || S_ISCHR (named.st_mode))
    return write_in_place (path, name, &named, data, (gsize) length, error);

  if (S_ISDIR (named.st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("Could not save “%s”: it is a folder. Choose a file name inside it."), name);
  else if (S_ISBLK (named.st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("Could not save “%s”: it is a disk, not a file."), name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("Could not save “%s”: it is not a file."), name);
  return FALSE;
}
