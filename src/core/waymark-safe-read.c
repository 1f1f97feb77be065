/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "waymark-safe-read.h"

#define MIB (1024 * 1024)
/* What is read at a time from a stream that cannot say its size (GVfs). */
#define CHUNK (64 * 1024)

static gboolean
refuse_type (const char  *name,
             mode_t       mode,
             GQuark       domain,
             GError     **error)
{
  const char *what;

  if (S_ISREG (mode))
    return TRUE;

  if (S_ISDIR (mode))
    what = _("%s: is a folder, not a file");
  else if (S_ISFIFO (mode))
    what = _("%s: is a named pipe (FIFO), not a file: Waymark opens only ordinary files");
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    what = _("%s: is a device, not a file: Waymark opens only ordinary files");
  else if (S_ISSOCK (mode))
    what = _("%s: is a socket, not a file: Waymark opens only ordinary files");
  else
    what = _("%s: is not an ordinary file: Waymark opens only ordinary files");

  g_set_error (error, domain, WAYMARK_SAFE_READ_ERROR_READ, what, name);
  return FALSE;
}

static gboolean
too_large (const char  *name,
           guint64      size,
           gsize        max_bytes,
           GQuark       domain,
           GError     **error)
{
  if (size <= max_bytes)
    return TRUE;

  g_set_error (error, domain, WAYMARK_SAFE_READ_ERROR_TOO_LARGE,
               _("%s: is too large (%" PRIu64 " MB); Waymark opens files of at most "
                 "%zu MB"), name, size / MIB, max_bytes / MIB);
  return FALSE;
}

static gboolean
grew_too_large (const char  *name,
                gsize        max_bytes,
                GQuark       domain,
                GError     **error)
{
  g_set_error (error, domain, WAYMARK_SAFE_READ_ERROR_TOO_LARGE,
               _("%s: grew past %zu MB while it was being read, and Waymark opens "
                 "no file larger than that"), name, max_bytes / MIB);
  return FALSE;
}

static gboolean
cannot_read (const char  *name,
             const char  *reason,
             GQuark       domain,
             GError     **error)
{
  g_set_error (error, domain, WAYMARK_SAFE_READ_ERROR_READ, _("%s: cannot be read: %s"),
               name, reason);
  return FALSE;
}

static GBytes *
read_local (const char  *path,
            const char  *name,
            gsize        max_bytes,
            GQuark       domain,
            GError     **error)
{
  GStatBuf before;
  struct stat st;
  g_autofree char *data = NULL;
  gsize allocated, len = 0;
  int fd;

  /* Look before opening: opening some devices does something (a serial line, a tape). */
  if (g_stat (path, &before) == 0 && !refuse_type (name, before.st_mode, domain, error))
    return NULL;

  /* Non-blocking, so a named pipe that appeared since is not waited on; fstat then says what
   * was really opened. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      cannot_read (name, g_strerror (saved), domain, error);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      close (fd);
      cannot_read (name, g_strerror (saved), domain, error);
      return NULL;
    }
  if (!refuse_type (name, st.st_mode, domain, error) ||
      !too_large (name, (guint64) st.st_size, max_bytes, domain, error))
    {
      close (fd);
      return NULL;
    }

  /* One byte more than the limit, so a file that grew past it is seen to have. */
  allocated = MIN ((gsize) st.st_size, max_bytes) + 1;
  data = g_malloc (allocated + 1);
  for (;;)
    {
      gssize n;

      if (len == allocated)
        {
          if (len > max_bytes)
            break;
          allocated = MIN (allocated * 2, max_bytes + 1);
          data = g_realloc (data, allocated + 1);
        }

      n = read (fd, data + len, allocated - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          cannot_read (name, g_strerror (saved), domain, error);
          return NULL;
        }
      if (n == 0)
        break;
      len += (gsize) n;
    }
  close (fd);

  if (len > max_bytes)
    {
      grew_too_large (name, max_bytes, domain, error);
      return NULL;
    }

  data[len] = '\0';
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

/* A file without a local path (GVfs: sftp, smb, a phone): the same limits, through GIO. */
static GBytes *
read_stream (GFile       *file,
             const char  *name,
             gsize        max_bytes,
             GQuark       domain,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      cannot_read (name, local_error->message, domain, error);
      return NULL;
    }
  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_DIRECTORY:
    case G_FILE_TYPE_MOUNTABLE:
      refuse_type (name, S_IFDIR, domain, error);
      return NULL;
    case G_FILE_TYPE_SPECIAL:
      refuse_type (name, 0, domain, error);
      return NULL;
    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_REGULAR:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SHORTCUT:
    default:
      break;
    }
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      !too_large (name, (guint64) g_file_info_get_size (info), max_bytes, domain, error))
    return NULL;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      cannot_read (name, local_error->message, domain, error);
      return NULL;
    }

  while (data->len <= max_bytes)
    {
      gsize want = MIN ((gsize) CHUNK, max_bytes + 1 - data->len);
      gsize old = data->len;
      gsize got = 0;

      g_byte_array_set_size (data, old + want);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data->data + old, want, &got, NULL,
                                    &local_error))
        {
          cannot_read (name, local_error->message, domain, error);
          return NULL;
        }
      g_byte_array_set_size (data, old + got);
      if (got < want)
        break;
    }

  if (data->len > max_bytes)
    {
      grew_too_large (name, max_bytes, domain, error);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

GBytes *
waymark_safe_read_file (GFile   *file,
                        gsize    max_bytes,
                        GQuark   domain,
                        GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (max_bytes < G_MAXSIZE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  path = g_file_get_path (file);

  if (path != NULL)
    return read_local (path, name, max_bytes, domain, error);

  return read_stream (file, name, max_bytes, domain, error);
}
