/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "waymark-json-reader-private.h"
#include "waymark-text-escape.h"

WaymarkJsonReader *
waymark_json_reader_new (const char *display_name,
                         GQuark      error_domain,
                         gsize       max_bytes)
{
  WaymarkJsonReader *reader = g_new0 (WaymarkJsonReader, 1);

  reader->display_name = g_strdup (display_name);
  reader->domain = error_domain;
  reader->max_bytes = max_bytes;
  reader->context = g_ptr_array_new_with_free_func (g_free);

  return reader;
}

void
waymark_json_reader_free (WaymarkJsonReader *reader)
{
  if (reader == NULL)
    return;

  g_free (reader->display_name);
  g_ptr_array_unref (reader->context);
  g_clear_error (&reader->error);
  g_free (reader);
}

void
waymark_json_reader_propagate (WaymarkJsonReader  *reader,
                               GError            **error)
{
  g_assert (reader->error != NULL);
  g_propagate_error (error, g_steal_pointer (&reader->error));
}

void
waymark_json_reader_push (WaymarkJsonReader *reader,
                          const char        *where)
{
  g_ptr_array_add (reader->context, g_strdup (where));
}

void
waymark_json_reader_pop (WaymarkJsonReader *reader)
{
  g_assert (reader->context->len > 0);
  g_ptr_array_remove_index (reader->context, reader->context->len - 1);
}

static gboolean
fail_valist (WaymarkJsonReader *reader,
             int                code,
             const char        *format,
             va_list            args)
{
  g_autofree char *detail = g_strdup_vprintf (format, args);
  GString *message = g_string_new (reader->display_name);

  for (guint i = 0; i < reader->context->len; i++)
    g_string_append_printf (message, ": %s", (const char *) g_ptr_array_index (reader->context, i));
  g_string_append_printf (message, ": %s", detail);

  g_clear_error (&reader->error);
  reader->error = g_error_new_literal (reader->domain, code, message->str);
  g_string_free (message, TRUE);

  return FALSE;
}

gboolean
waymark_json_reader_fail (WaymarkJsonReader *reader,
                          int                code,
                          const char        *format,
                          ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (reader, code, format, args);
  va_end (args);

  return FALSE;
}

/* Excerpts: a message never quotes a whole value from a file (a 10 MB title would make a 10 MB
 * message, and a dialog that never appears), and never passes a control character on. */

char *
waymark_json_reader_excerpt_len (const char *text,
                                 gsize       len,
                                 guint       max_chars)
{
  /* Enough bytes for max_chars characters of any width, and one more to know there are more. */
  gsize window = MIN (len, (gsize) max_chars * 4 + 4);
  g_autofree char *valid = g_utf8_make_valid (text, (gssize) window);
  g_autofree char *shown = NULL;
  const char *p = valid;
  guint n = 0;

  for (; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    ;
  shown = waymark_text_escape_for_terminal (valid, p - valid, WAYMARK_TEXT_ESCAPE_DEFAULT);
  if (*p != '\0' || window < len)
    return g_strconcat (shown, "…", NULL);

  return g_steal_pointer (&shown);
}

char *
waymark_json_reader_excerpt (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return waymark_json_reader_excerpt_len (text, strnlen (text, EXCERPT_CHARS * 4 + 5),
                                          EXCERPT_CHARS);
}
