/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "waymark-json-reader-private.h"

/* No number Waymark reads has more digits than this; json-glib silently wraps longer ones. */
#define MAX_NUMBER_DIGITS 15

/* json-glib's own words about a syntax error, which may quote the text it choked on. */
#define PARSE_DETAIL_CHARS 120

/* Lexical checks */

/* Deeper than any file Waymark reads or writes (a catalogue's costs and a plan's published costs
 * are four levels down), far shallower than what overflows json-glib's recursive parser (about
 * 75,000). data/catalogue/README.md and data/plan-format.md state it. */
#define MAX_DEPTH 64

typedef struct
{
  const char *data;
  gsize       len;
  gsize       pos;
  guint       line;
  gsize       line_start;
} Scanner;

static guint
scanner_column (Scanner *s,
                gsize    at)
{
  /* Columns count characters, not bytes; the text before `at` is known to be valid UTF-8. */
  return (guint) g_utf8_strlen (s->data + s->line_start, at - s->line_start) + 1;
}

static gboolean
scan_fail (WaymarkJsonReader *reader,
           Scanner           *s,
           gsize              at,
           int                code,
           const char        *what)
{
  return waymark_json_reader_fail (reader, code, _("line %u, column %u: %s"),
                                   s->line, scanner_column (s, at), what);
}

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
hex4 (const char *p)
{
  int value = 0;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

static gboolean
scan_string (WaymarkJsonReader *reader,
             Scanner           *s)
{
  gsize start = s->pos;

  s->pos++; /* opening quote */
  while (s->pos < s->len)
    {
      char c = s->data[s->pos];

      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      if (c == '\n')
        return scan_fail (reader, s, start, CODE_SYNTAX,
                          _("a piece of text is not closed with \" before the end of the line"));
      if ((guchar) c < 0x20)
        return scan_fail (reader, s, s->pos, CODE_SYNTAX,
                          _("the text contains a control character (such as a tab) as it is; "
                            "JSON needs it written as an escape, such as \\t"));
      if (c == '\\' && s->pos + 1 < s->len && s->data[s->pos + 1] == 'u')
        {
          int unit = s->pos + 6 <= s->len ? hex4 (s->data + s->pos + 2) : -1;

          if (unit < 0)
            return scan_fail (reader, s, s->pos, CODE_SYNTAX,
                              _("\\u in a piece of text must be followed by four hexadecimal "
                                "digits, such as \\u00e9"));
          if (unit == 0)
            return scan_fail (reader, s, s->pos, CODE_ENCODING,
                              _("the text contains a null character (\\u0000), which is not "
                                "allowed"));
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              int next = -1;

              if (s->pos + 12 <= s->len && s->data[s->pos + 6] == '\\' &&
                  s->data[s->pos + 7] == 'u')
                next = hex4 (s->data + s->pos + 8);
              if (next < 0xDC00 || next > 0xDFFF)
                return scan_fail (reader, s, s->pos, CODE_ENCODING,
                                  _("the text contains half of a character (an unpaired "
                                    "\\uD800-\\uDBFF escape)"));
              s->pos += 12;
              continue;
            }
          if (unit >= 0xDC00 && unit <= 0xDFFF)
            return scan_fail (reader, s, s->pos, CODE_ENCODING,
                              _("the text contains half of a character (an unpaired "
                                "\\uDC00-\\uDFFF escape)"));
          s->pos += 6;
          continue;
        }
      if (c == '\\')
        {
          if (s->pos + 1 < s->len && strchr ("\"\\/bfnrt", s->data[s->pos + 1]) == NULL)
            return scan_fail (reader, s, s->pos, CODE_SYNTAX,
                              _("a backslash in a piece of text must start one of the escapes "
                                "JSON knows: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"));
          s->pos += 2;
          continue;
        }
      s->pos++;
    }

  return scan_fail (reader, s, start, CODE_SYNTAX,
                    _("the file ends inside a piece of text: it may be cut short"));
}

/* Numbers as RFC 8259 writes them: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, followed by
 * a space, a comma, a bracket or the end. json-glib also takes 010 (as 8), 0x10 (as 16), 1. and
 * .5; so would anyone reading such a file by hand, differently. */
static gboolean
bad_number (WaymarkJsonReader *reader,
            Scanner           *s,
            gsize              start,
            const char        *why)
{
  gsize end = start;
  g_autofree char *token = NULL;
  g_autofree char *what = NULL;

  while (end < s->len && !is_json_space (s->data[end]) && s->data[end] != ',' &&
         s->data[end] != ']' && s->data[end] != '}')
    end++;
  token = waymark_json_reader_excerpt_len (s->data + start, end - start, EXCERPT_CHARS);
  /* TRANSLATORS: the first %s is what the file has, such as 010; the second says why. */
  what = g_strdup_printf (_("%s is not a number JSON allows: %s"), token, why);

  return scan_fail (reader, s, start, CODE_SYNTAX, what);
}

static gsize
skip_digits (Scanner *s)
{
  gsize from = s->pos;

  while (s->pos < s->len && g_ascii_isdigit (s->data[s->pos]))
    s->pos++;

  return s->pos - from;
}

static gboolean
scan_number (WaymarkJsonReader *reader,
             Scanner           *s)
{
  gsize start = s->pos;
  gsize digits;

  if (s->data[s->pos] == '-')
    s->pos++;
  if (s->pos >= s->len || !g_ascii_isdigit (s->data[s->pos]))
    return bad_number (reader, s, start, _("a minus sign must be followed by digits"));
  if (s->data[s->pos] == '0' && s->pos + 1 < s->len && g_ascii_isdigit (s->data[s->pos + 1]))
    return bad_number (reader, s, start,
                       _("a number must not start with 0 (write 10, not 010)"));
  digits = skip_digits (s);
  if (digits > MAX_NUMBER_DIGITS)
    return scan_fail (reader, s, start, CODE_INVALID_VALUE, _("a number is far too large"));

  if (s->pos < s->len && s->data[s->pos] == '.')
    {
      s->pos++;
      if (skip_digits (s) == 0)
        return bad_number (reader, s, start,
                           _("a decimal point must be followed by digits (write 1.0 or 1)"));
    }
  if (s->pos < s->len && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      s->pos++;
      if (s->pos < s->len && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      if (skip_digits (s) == 0)
        return bad_number (reader, s, start, _("an exponent (e) must be followed by digits"));
    }

  if (s->pos < s->len && !is_json_space (s->data[s->pos]) && s->data[s->pos] != ',' &&
      s->data[s->pos] != ']' && s->data[s->pos] != '}')
    return bad_number (reader, s, start,
                       _("numbers are written in decimal digits only, such as 16 or 2400.5"));

  return TRUE;
}

/* The key's name as json-glib will decode it, so that "quantit\u0079" is seen to be "quantity".
 * The escapes have been checked by scan_string already. */
static char *
decode_key (const char *raw,
            gsize       len)
{
  GString *key = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      if (raw[i] != '\\' || i + 1 >= len)
        {
          g_string_append_c (key, raw[i]);
          continue;
        }

      i++;
      switch (raw[i])
        {
        case 'b':
          g_string_append_c (key, '\b');
          break;
        case 'f':
          g_string_append_c (key, '\f');
          break;
        case 'n':
          g_string_append_c (key, '\n');
          break;
        case 'r':
          g_string_append_c (key, '\r');
          break;
        case 't':
          g_string_append_c (key, '\t');
          break;
        case 'u':
          {
            gunichar c = i + 4 < len ? (gunichar) hex4 (raw + i + 1) : 0xFFFD;

            i += 4;
            if (c >= 0xD800 && c <= 0xDBFF && i + 6 < len && raw[i + 1] == '\\')
              {
                gunichar low = (gunichar) hex4 (raw + i + 3);

                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                i += 6;
              }
            g_string_append_unichar (key, c);
          }
          break;
        default: /* " \ / */
          g_string_append_c (key, raw[i]);
          break;
        }
    }

  return g_string_free (key, FALSE);
}

/* json-glib keeps the last of two equal keys; a catalogue with two evidence ratings for one
 * intervention must be refused instead. Keys are compared as json-glib decodes them. */
static gboolean
check_duplicate_key (WaymarkJsonReader *reader,
                     Scanner           *s,
                     GPtrArray         *objects,
                     gsize              start)
{
  GHashTable *keys;
  gsize after = s->pos;
  char *key;

  while (after < s->len && is_json_space (s->data[after]))
    after++;
  if (after >= s->len || s->data[after] != ':' || objects->len == 0)
    return TRUE;

  keys = g_ptr_array_index (objects, objects->len - 1);
  if (keys == NULL)
    return TRUE;

  key = decode_key (s->data + start + 1, s->pos - start - 2);
  if (g_hash_table_contains (keys, key))
    {
      g_autofree char *shown = waymark_json_reader_excerpt (key);
      g_autofree char *what = g_strdup_printf (_("the key \"%s\" appears twice in the same object"),
                                               shown);
      g_free (key);
      return scan_fail (reader, s, start, CODE_SYNTAX, what);
    }
  g_hash_table_add (keys, key);

  return TRUE;
}

static void
key_set_free (gpointer data)
{
  if (data != NULL)
    g_hash_table_destroy (data);
}

/* Refuses what json-glib would accept or mangle, or would crash on (deep nesting), before it sees
 * the text; positions in messages are line and column. */
static gboolean
scan (WaymarkJsonReader *reader,
      const char        *data,
      gsize              len)
{
  Scanner s = { data, len, 0, 1, 0 };
  /* One key set per open object; NULL for an open array. */
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (key_set_free);
  /* Whether the first value of the file has ended: only white space may follow it. */
  gboolean ended = FALSE;

  while (s.pos < s.len)
    {
      char c = s.data[s.pos];
      gsize start;

      if (ended && !is_json_space (c))
        return scan_fail (reader, &s, s.pos, CODE_SYNTAX,
                          _("the file goes on after its end: it may be two files joined "
                            "together"));

      switch (c)
        {
        case '\n':
          s.pos++;
          s.line++;
          s.line_start = s.pos;
          break;
        case '{':
        case '[':
          if (objects->len >= MAX_DEPTH)
            {
              g_autofree char *what =
                g_strdup_printf (_("lists and objects are nested more than %d deep, which no "
                                   "Waymark file needs"), MAX_DEPTH);

              return scan_fail (reader, &s, s.pos, CODE_SYNTAX, what);
            }
          g_ptr_array_add (objects, c == '{' ? g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                      g_free, NULL)
                                             : NULL);
          s.pos++;
          break;
        case '}':
        case ']':
          if (objects->len > 0)
            {
              g_ptr_array_remove_index (objects, objects->len - 1);
              ended = objects->len == 0;
            }
          s.pos++;
          break;
        case '"':
          start = s.pos;
          if (!scan_string (reader, &s) || !check_duplicate_key (reader, &s, objects, start))
            return FALSE;
          ended = objects->len == 0;
          break;
        case '\'':
          return scan_fail (reader, &s, s.pos, CODE_SYNTAX,
                            _("text must be in double quotes (\"), not single quotes"));
        case '/':
        case '#':
          return scan_fail (reader, &s, s.pos, CODE_SYNTAX,
                            _("comments are not allowed in JSON"));
        case '+':
        case '.':
          /* +1 and .5; anything else here is left to json-glib, which says what it expected. */
          if (s.pos + 1 < s.len && g_ascii_isdigit (s.data[s.pos + 1]))
            return bad_number (reader, &s, s.pos,
                               _("a number starts with a digit, or with - and a digit"));
          s.pos++;
          break;
        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          if (!scan_number (reader, &s))
            return FALSE;
          ended = objects->len == 0;
          break;
        default:
          s.pos++;
          break;
        }
    }

  return TRUE;
}

static gboolean
check_encoding (WaymarkJsonReader *reader,
                const char        *data,
                gsize              len)
{
  const char *end = NULL;

  if (!g_utf8_validate (data, len, &end))
    {
      guint line = 1;
      const char *line_start = data;

      for (const char *p = data; p < end; p++)
        if (*p == '\n')
          {
            line++;
            line_start = p + 1;
          }

      if (*end == '\0' && end < data + len)
        return waymark_json_reader_fail (reader, CODE_ENCODING,
                                         _("line %u, column %ld: the file contains a null byte; "
                                           "it may not be a text file"),
                                         line, g_utf8_strlen (line_start, end - line_start) + 1);

      return waymark_json_reader_fail (reader, CODE_ENCODING,
                                       _("line %u, column %ld: the file is not valid UTF-8 text "
                                         "(save it as UTF-8 and try again)"),
                                       line, g_utf8_strlen (line_start, end - line_start) + 1);
    }

  return TRUE;
}

JsonNode *
waymark_json_reader_parse (WaymarkJsonReader *reader,
                           GBytes            *bytes)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  gboolean blank = TRUE;

  if (len > reader->max_bytes)
    {
      waymark_json_reader_fail (reader, CODE_TOO_LARGE,
                                _("the file is too large (%zu MB); the limit is "
                                  "%zu MB"),
                                len / (1024 * 1024), reader->max_bytes / (1024 * 1024));
      return NULL;
    }

  for (gsize i = 0; i < len && blank; i++)
    blank = g_ascii_isspace (data[i]);
  if (blank)
    {
      waymark_json_reader_fail (reader, CODE_EMPTY, _("the file is empty"));
      return NULL;
    }

  if (!check_encoding (reader, data, len) || !scan (reader, data, len))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &parse_error))
    {
      g_autofree char *detail = NULL;
      /* json-glib quotes the offending text, which may itself be broken UTF-8 (found by
       * fuzzing): a message must always be valid text. */
      g_autofree char *message = g_utf8_make_valid (parse_error->message, -1);
      guint line = 0, column = 0;

      /* json-glib says "<data>:LINE:COLUMN: Parse error: ..."; keep the words, say it our way. */
      if (g_str_has_prefix (message, "<data>:") &&
          sscanf (message, "<data>:%u:%u:", &line, &column) == 2)
        {
          const char *rest = strstr (message + strlen ("<data>:"), ": ");

          rest = rest != NULL ? rest + 2 : message;
          detail = waymark_json_reader_excerpt_len (rest, strlen (rest), PARSE_DETAIL_CHARS);
          waymark_json_reader_fail (reader, CODE_SYNTAX,
                                    _("line %u, column %u: the file is not valid JSON (%s)"),
                                    line, column, detail);
        }
      else
        {
          detail = waymark_json_reader_excerpt_len (message, strlen (message), PARSE_DETAIL_CHARS);
          waymark_json_reader_fail (reader, CODE_SYNTAX, _("the file is not valid JSON (%s)"),
                                    detail);
        }
      return NULL;
    }

  return json_parser_steal_root (parser);
}
