/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "waymark-enums.h"
#include "waymark-json-reader.h"
#include "waymark-text-escape.h"

/* Error codes shared by every domain that uses the reader: they match WaymarkCatalogueError and
 * WaymarkPlanError, which list them in this order. */
enum {
  CODE_READ,
  CODE_EMPTY,
  CODE_TOO_LARGE,
  CODE_SYNTAX,
  CODE_ENCODING,
  CODE_FORMAT,
  CODE_VERSION,
  CODE_MISSING_FIELD,
  CODE_WRONG_TYPE,
  CODE_INVALID_VALUE,
  CODE_UNKNOWN_FIELD,
};

/* No number Waymark reads has more digits than this; json-glib silently wraps longer ones. */
#define MAX_NUMBER_DIGITS 15

struct _WaymarkJsonReader
{
  char      *display_name;
  GQuark     domain;
  gsize      max_bytes;
  GPtrArray *context;
  GError    *error;
};

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

#define EXCERPT_CHARS 40
/* json-glib's own words about a syntax error, which may quote the text it choked on. */
#define PARSE_DETAIL_CHARS 120

/* At most max_chars characters of the text, escaped by the one rule for text from a file shown
 * to a person (waymark-text-escape.h: `<U+001B>`, `<0xFF>`), and "…" when there was more. */
static char *
excerpt (const char *text,
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

  return excerpt (text, strnlen (text, EXCERPT_CHARS * 4 + 5), EXCERPT_CHARS);
}

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
  token = excerpt (s->data + start, end - start, EXCERPT_CHARS);
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
                                _("the file is too large (%" G_GSIZE_FORMAT " MB); the limit is "
                                  "%" G_GSIZE_FORMAT " MB"),
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
          detail = excerpt (rest, strlen (rest), PARSE_DETAIL_CHARS);
          waymark_json_reader_fail (reader, CODE_SYNTAX,
                                    _("line %u, column %u: the file is not valid JSON (%s)"),
                                    line, column, detail);
        }
      else
        {
          detail = excerpt (message, strlen (message), PARSE_DETAIL_CHARS);
          waymark_json_reader_fail (reader, CODE_SYNTAX, _("the file is not valid JSON (%s)"),
                                    detail);
        }
      return NULL;
    }

  return json_parser_steal_root (parser);
}

/* Typed fields */

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("text");
        case G_TYPE_BOOLEAN:
          return _("true or false");
        default:
          return _("a number");
        }
    }
}

static gboolean
wrong_type (WaymarkJsonReader *reader,
            const char        *key,
            const char        *expected,
            JsonNode          *node)
{
  return waymark_json_reader_fail (reader, CODE_WRONG_TYPE, _("%s should be %s, not %s"),
                                   key, expected, describe_node (node));
}

static gboolean
missing (WaymarkJsonReader *reader,
         const char        *key)
{
  return waymark_json_reader_fail (reader, CODE_MISSING_FIELD, _("%s is missing"), key);
}

gboolean
waymark_json_reader_check_keys (WaymarkJsonReader  *reader,
                                JsonObject         *object,
                                const char * const *allowed)
{
  JsonObjectIter iter;
  const char *key;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, NULL))
    if (!g_strv_contains (allowed, key))
      {
        g_autofree char *printable = waymark_json_reader_excerpt (key);

        return waymark_json_reader_fail (reader, CODE_UNKNOWN_FIELD,
                                         _("unknown field \"%s\" (is it misspelt?)"), printable);
      }

  return TRUE;
}

gboolean
waymark_json_reader_get_object (WaymarkJsonReader  *reader,
                                JsonObject         *object,
                                const char         *key,
                                gboolean            required,
                                JsonObject        **out)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL)
    return required ? missing (reader, key) : TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (reader, key, _("an object"), node);

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
waymark_json_reader_get_array (WaymarkJsonReader  *reader,
                               JsonObject         *object,
                               const char         *key,
                               JsonArray         **out)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL)
    return missing (reader, key);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (reader, key, _("a list"), node);

  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
waymark_json_reader_get_array_object (WaymarkJsonReader  *reader,
                                      JsonArray          *array,
                                      guint               index,
                                      const char         *array_name,
                                      JsonObject        **out)
{
  JsonNode *node = json_array_get_element (array, index);
  g_autofree char *where = g_strdup_printf ("%s[%u]", array_name, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (reader, where, _("an object"), node);

  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
check_text (WaymarkJsonReader *reader,
            const char        *key,
            const char        *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return waymark_json_reader_fail (reader, CODE_ENCODING, _("%s is not valid UTF-8 text"), key);

  return TRUE;
}

gboolean
waymark_json_reader_get_text (WaymarkJsonReader  *reader,
                              JsonObject         *object,
                              const char         *key,
                              gboolean            required,
                              gboolean            nullable,
                              char              **out)
{
  JsonNode *node = json_object_get_member (object, key);
  const char *text;

  *out = NULL;
  if (node == NULL)
    return required ? missing (reader, key) : TRUE;
  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (nullable)
        return TRUE;
      return waymark_json_reader_fail (reader, CODE_MISSING_FIELD,
                                       _("%s is null; it needs a value"), key);
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (reader, key, _("text"), node);

  text = json_node_get_string (node);
  if (!check_text (reader, key, text))
    return FALSE;
  if (!nullable && *text == '\0')
    return waymark_json_reader_fail (reader, CODE_MISSING_FIELD, _("%s is empty"), key);

  *out = g_strdup (text);
  return TRUE;
}

gboolean
waymark_json_reader_get_strv (WaymarkJsonReader   *reader,
                              JsonObject          *object,
                              const char          *key,
                              char              ***out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  *out = NULL;
  if (!waymark_json_reader_get_array (reader, object, key, &array))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s[%u]", key, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return wrong_type (reader, where, _("text"), node);
      if (!check_text (reader, where, json_node_get_string (node)))
        return FALSE;
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_int_node (WaymarkJsonReader *reader,
               const char        *key,
               JsonNode          *node,
               gint64             min,
               gint64             max,
               gint64            *out)
{
  gint64 value;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return wrong_type (reader, key, _("a whole number"), node);

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      if (!isfinite (d) || fabs (d) > 1e15)
        return waymark_json_reader_fail (reader, CODE_INVALID_VALUE,
                                         _("%s is far too large"), key);
      if (d != (double) (gint64) d)
        return waymark_json_reader_fail (reader, CODE_INVALID_VALUE,
                                         _("%s should be a whole number, not %g"), key, d);
      value = (gint64) d;
    }
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    value = json_node_get_int (node);
  else
    return wrong_type (reader, key, _("a whole number"), node);

  if (value < min || value > max)
    return waymark_json_reader_fail (reader, CODE_INVALID_VALUE,
                                     _("%s is %" G_GINT64_FORMAT "; it should be between %"
                                       G_GINT64_FORMAT " and %" G_GINT64_FORMAT),
                                     key, value, min, max);

  *out = value;
  return TRUE;
}

gboolean
waymark_json_reader_get_int (WaymarkJsonReader *reader,
                             JsonObject        *object,
                             const char        *key,
                             gboolean           required,
                             gint64             min,
                             gint64             max,
                             gint64            *out)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return required ? missing (reader, key) : TRUE;

  return read_int_node (reader, key, node, min, max, out);
}

gboolean
waymark_json_reader_get_optional_int (WaymarkJsonReader *reader,
                                      JsonObject        *object,
                                      const char        *key,
                                      gint64             min,
                                      gint64             max,
                                      gint64            *out,
                                      gboolean          *present)
{
  JsonNode *node = json_object_get_member (object, key);

  *present = FALSE;
  if (node == NULL)
    return missing (reader, key);
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!read_int_node (reader, key, node, min, max, out))
    return FALSE;

  *present = TRUE;
  return TRUE;
}

static gboolean
not_one_of (WaymarkJsonReader *reader,
            const char        *key,
            const char        *value,
            GType              type,
            int                first_listed)
{
  g_autofree char *allowed = waymark_enum_list_nicks (type, first_listed);
  g_autofree char *shown = waymark_json_reader_excerpt (value);

  return waymark_json_reader_fail (reader, CODE_INVALID_VALUE, _("%s \"%s\" is not one of %s"),
                                   key, shown, allowed);
}

gboolean
waymark_json_reader_get_enum (WaymarkJsonReader *reader,
                              JsonObject        *object,
                              const char        *key,
                              GType              enum_type,
                              gboolean           nullable,
                              int                null_value,
                              int                first_listed,
                              int               *out)
{
  g_autofree char *text = NULL;

  if (!waymark_json_reader_get_text (reader, object, key, TRUE, nullable, &text))
    return FALSE;

  if (text == NULL)
    {
      *out = null_value;
      return TRUE;
    }

  if (!waymark_enum_from_string (enum_type, text, out) || *out < first_listed)
    return not_one_of (reader, key, text, enum_type, first_listed);

  return TRUE;
}

gboolean
waymark_json_reader_get_flag (WaymarkJsonReader *reader,
                              JsonObject        *object,
                              const char        *key,
                              GType              flags_type,
                              guint             *out)
{
  g_autofree char *text = NULL;
  const char *strv[] = { NULL, NULL };

  if (!waymark_json_reader_get_text (reader, object, key, TRUE, FALSE, &text))
    return FALSE;

  strv[0] = text;
  *out = waymark_flags_from_strv (flags_type, strv, NULL);
  if (*out == 0)
    return not_one_of (reader, key, text, flags_type, 0);

  return TRUE;
}

gboolean
waymark_json_reader_get_flags (WaymarkJsonReader *reader,
                               JsonObject        *object,
                               const char        *key,
                               GType              flags_type,
                               gboolean           non_empty,
                               guint             *out)
{
  g_auto(GStrv) strv = NULL;
  const char *invalid = NULL;

  if (!waymark_json_reader_get_strv (reader, object, key, &strv))
    return FALSE;

  if (non_empty && strv[0] == NULL)
    return waymark_json_reader_fail (reader, CODE_MISSING_FIELD,
                                     _("%s is an empty list; it needs at least one value"), key);

  *out = waymark_flags_from_strv (flags_type, (const char * const *) strv, &invalid);
  if (invalid != NULL)
    return not_one_of (reader, key, invalid, flags_type, 0);

  return TRUE;
}
