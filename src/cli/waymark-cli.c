/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "waymark-catalogue.h"
#include "waymark-criteria.h"
#include "waymark-export.h"
#include "waymark-intervention-document.h"
#include "waymark-intervention-json.h"
#include "waymark-json-writer.h"
#include "waymark-money.h"
#include "waymark-plan-io.h"
#include "waymark-safe-read.h"
#include "waymark-safe-write.h"
#include "waymark-text-escape.h"

/* Exit statuses: 0 done, 1 the input was bad or not found, 2 the command line was wrong. */
enum {
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 1,
  EXIT_USAGE = 2,
};

static const char *program = "waymark-cli";

static int
usage_error (const char *command,
             const char *message)
{
  g_printerr ("%s: %s\n", program, message);
  if (command != NULL)
    g_printerr (_("Try “%s %s --help”.\n"), program, command);
  else
    g_printerr (_("Try “%s --help”.\n"), program);
  return EXIT_USAGE;
}

/* Output */

/* Set when standard output could not take everything: the exit status is then 1. */
static gboolean stdout_failed = FALSE;

/* Everything for standard output goes through here. On a terminal, text from a file (even in CSV
 * or JSON) is escaped so that the terminal shows it instead of obeying it; a write that fails
 * (a full disk, a closed pipe, a closed stream) is reported once. */
static void
write_stdout (const char *text)
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
      g_printerr ("%s: %s\n", program, error->message);
    }
}

/* g_print() and g_printerr() are messages for people, often quoting a file's name or its text:
 * always escaped, wherever they go (waymark_text_escape_for_terminal). */
static void
print_to_stdout (const char *text)
{
  g_autofree char *escaped = waymark_text_escape_for_terminal (text, -1,
                                                               WAYMARK_TEXT_ESCAPE_KEEP_LINES);

  write_stdout (escaped);
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

      g_printerr ("%s: ", program);
      g_printerr (_("Could not write to %s: %s"), _("standard output"),
                  errsv == EBADF ? _("it is closed") : g_strerror (errsv));
      g_printerr ("\n");
      stdout_failed = TRUE;
    }
  if (stdout_failed)
    _exit (EXIT_BAD_INPUT);
}

static WaymarkCatalogue *
load_catalogue (const char  *path,
                GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return waymark_catalogue_new_default (error);

  file = g_file_new_for_commandline_arg (path);
  return waymark_catalogue_new_from_file (file, error);
}

/* Parses "a,b,c" into flags of `type`; names the bad value. */
static gboolean
parse_flags_option (const char  *option,
                    const char  *value,
                    GType        type,
                    guint       *out,
                    GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);
  const char *invalid = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    g_strstrip (parts[i]);

  *out = waymark_flags_from_strv (type, (const char * const *) parts, &invalid);
  if (invalid != NULL || *out == 0)
    {
      g_autofree char *allowed = waymark_enum_list_nicks (type, 0);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is not one of %s"), option, invalid ? invalid : value, allowed);
      return FALSE;
    }

  return TRUE;
}

/* A minimum rating: an id of the minimums' table other than "none", or a range's id
 * (low-moderate), which counts as its low end as everywhere. */
static gboolean
parse_rating_option (const char     *option,
                     const char     *value,
                     WaymarkRating  *out,
                     GError        **error)
{
  const WaymarkChoice *rating = waymark_choice_lookup_id (WAYMARK_TYPE_RATING, value);

  if (rating == NULL || rating->value == WAYMARK_RATING_NONE)
    {
      guint n;
      const WaymarkChoice *minimums = waymark_criteria_get_minimum_choices (&n);
      g_autoptr(GString) allowed = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        if (minimums[i].value != WAYMARK_RATING_NONE)
          g_string_append_printf (allowed, "%s%s", allowed->len > 0 ? ", " : "", minimums[i].id);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is not one of %s"), option, value, allowed->str);
      return FALSE;
    }

  *out = rating->value;
  return TRUE;
}

/* list */

typedef struct
{
  char *catalogue;
  char *format;
  char *level;
  char *focus;
  char *works_with;
  char *min_evidence;
  char *min_impact;
  char *llr_status;
  char *search;
  char *sort;
  char *max_cost;
  char *age_group;
  gboolean cost_published;
} ListOptions;

static void
list_options_clear (ListOptions *options)
{
  g_free (options->catalogue);
  g_free (options->format);
  g_free (options->level);
  g_free (options->focus);
  g_free (options->works_with);
  g_free (options->min_evidence);
  g_free (options->min_impact);
  g_free (options->llr_status);
  g_free (options->search);
  g_free (options->sort);
  g_free (options->max_cost);
  g_free (options->age_group);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ListOptions, list_options_clear)

static gboolean
build_criteria (ListOptions      *options,
                WaymarkCriteria  *criteria,
                GError          **error)
{
  guint bits;
  WaymarkRating rating;

  if (options->level != NULL)
    {
      if (!parse_flags_option ("--level", options->level, WAYMARK_TYPE_LEVEL, &bits, error))
        return FALSE;
      waymark_criteria_set_levels (criteria, bits);
    }
  if (options->focus != NULL)
    {
      if (!parse_flags_option ("--focus", options->focus, WAYMARK_TYPE_FOCUS_SET, &bits, error))
        return FALSE;
      waymark_criteria_set_focus (criteria, bits);
    }
  if (options->works_with != NULL)
    {
      if (!parse_flags_option ("--works-with", options->works_with, WAYMARK_TYPE_WORKS_WITH,
                               &bits, error))
        return FALSE;
      waymark_criteria_set_works_with (criteria, bits);
    }
  if (options->min_evidence != NULL)
    {
      if (!parse_rating_option ("--min-evidence", options->min_evidence, &rating, error))
        return FALSE;
      waymark_criteria_set_min_evidence (criteria, rating);
    }
  if (options->min_impact != NULL)
    {
      if (!parse_rating_option ("--min-impact", options->min_impact, &rating, error))
        return FALSE;
      waymark_criteria_set_min_impact (criteria, rating);
    }
  if (options->llr_status != NULL)
    {
      if (!parse_flags_option ("--llr-status", options->llr_status, WAYMARK_TYPE_LLR_STATUS_SET,
                               &bits, error))
        return FALSE;
      waymark_criteria_set_llr_status (criteria, bits);
    }
  if (options->age_group != NULL)
    {
      if (!parse_flags_option ("--age-group", options->age_group, WAYMARK_TYPE_AGE_GROUP,
                               &bits, error))
        return FALSE;
      waymark_criteria_set_age_groups (criteria, bits);
    }
  if (options->max_cost != NULL)
    {
      gint64 pence;

      if (!waymark_money_parse (options->max_cost, &pence) || pence == 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--max-cost: “%s” is not an amount in pounds, such as 2500 or 2500.50"),
                       options->max_cost);
          return FALSE;
        }
      waymark_criteria_set_max_cost (criteria, pence);
    }
  waymark_criteria_set_cost_published (criteria, options->cost_published);
  waymark_criteria_set_search (criteria, options->search);

  return TRUE;
}

static int
compare_with_key (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return waymark_intervention_compare ((WaymarkIntervention *) a, (WaymarkIntervention *) b,
                                       GPOINTER_TO_INT (user_data));
}

static char *
truncate_text (const char *text,
               glong       width)
{
  if (g_utf8_strlen (text, -1) <= width)
    return g_strdup (text);

  {
    g_autofree char *head = g_utf8_substring (text, 0, width - 1);
    return g_strconcat (head, "…", NULL);
  }
}

static void
append_padded (GString    *out,
               const char *text,
               glong       width)
{
  glong len = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (glong i = len; i < width; i++)
    g_string_append_c (out, ' ');
}

static char *
format_cost_cell (WaymarkIntervention *item)
{
  const WaymarkCost *cost = waymark_intervention_get_cost (item);

  if (cost == NULL)
    return g_strdup (_("No published cost"));

  return waymark_cost_format (cost);
}

static char *
format_table (GListModel *model,
              guint       total)
{
  enum { N_COLUMNS = 7 };
  static const glong max_width[N_COLUMNS] = { 34, 26, 5, 15, 15, 40, 17 };
  const char *headers[N_COLUMNS] = {
    _("NAME"), _("LEVEL"), _("FOCUS"), _("EVIDENCE"), _("IMPACT"), _("COST"), _("IN LLR")
  };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  glong width[N_COLUMNS];
  guint n = g_list_model_get_n_items (model);
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < N_COLUMNS; c++)
    width[c] = g_utf8_strlen (headers[c], -1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (model, i);
      g_autofree char *level = waymark_flags_to_string (WAYMARK_TYPE_LEVEL,
                                                        waymark_intervention_get_levels (item),
                                                        "+");
      g_autofree char *cost = format_cost_cell (item);
      const char *status;
      const char *row[N_COLUMNS];

      switch (waymark_intervention_get_llr_status (item))
        {
        case WAYMARK_LLR_STATUS_IN_PLACE:
          status = _("in place");
          break;
        case WAYMARK_LLR_STATUS_SIMILAR_IN_PLACE:
          status = _("similar in place");
          break;
        case WAYMARK_LLR_STATUS_NOT_IN_PLACE:
          status = _("not in place");
          break;
        case WAYMARK_LLR_STATUS_UNKNOWN:
        default:
          status = _("unknown");
          break;
        }

      row[0] = waymark_intervention_get_name (item);
      row[1] = level;
      row[2] = waymark_enum_to_string (WAYMARK_TYPE_FOCUS, waymark_intervention_get_focus (item));
      row[3] = waymark_rating_get_label (waymark_intervention_get_evidence_rating (item));
      row[4] = waymark_rating_get_label (waymark_intervention_get_impact_rating (item));
      row[5] = cost;
      row[6] = status;

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          g_autofree char *shown = waymark_text_escape_for_terminal (row[c], -1,
                                                                     WAYMARK_TEXT_ESCAPE_DEFAULT);
          char *cell = truncate_text (shown, max_width[c]);

          width[c] = MAX (width[c], g_utf8_strlen (cell, -1));
          g_ptr_array_add (cells, cell);
        }
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      append_padded (out, headers[c], c + 1 < N_COLUMNS ? width[c] + 2 : 0);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < n; i++)
    {
      for (guint c = 0; c < N_COLUMNS; c++)
        append_padded (out, g_ptr_array_index (cells, i * N_COLUMNS + c),
                       c + 1 < N_COLUMNS ? width[c] + 2 : 0);
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "\n");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u of %u intervention\n",
                                            "%u of %u interventions\n", total),
                          n, total);

  return g_string_free (out, FALSE);
}

static int
command_list (int    argc,
              char **argv)
{
  g_auto(ListOptions) options = { 0 };
  GOptionEntry entries[] = {
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, &options.catalogue,
      N_("Read this catalogue instead of the review’s"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format,
      N_("Output format: table (default), csv or json"), N_("FORMAT") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &options.level,
      N_("Levels of prevention: primary, secondary, tertiary (comma-separated)"), N_("L,…") },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &options.focus,
      N_("Focus: da, sv, both (comma-separated)"), N_("F,…") },
    { "works-with", 0, 0, G_OPTION_ARG_STRING, &options.works_with,
      N_("Works with: victims, perpetrators, children-young-people, community, professionals"),
      N_("W,…") },
    { "min-evidence", 0, 0, G_OPTION_ARG_STRING, &options.min_evidence,
      N_("Minimum evidence quality: low, moderate, high (a range counts as its low end)"),
      N_("R") },
    { "min-impact", 0, 0, G_OPTION_ARG_STRING, &options.min_impact,
      N_("Minimum impact: low, moderate, high (a range counts as its low end)"), N_("R") },
    { "llr-status", 0, 0, G_OPTION_ARG_STRING, &options.llr_status,
      N_("Status in LLR: in-place, similar-in-place, not-in-place, unknown"), N_("S,…") },
    { "cost-published", 0, 0, G_OPTION_ARG_NONE, &options.cost_published,
      N_("Only interventions with a published cost"), NULL },
    { "max-cost", 0, 0, G_OPTION_ARG_STRING, &options.max_cost,
      N_("Largest published unit cost in pounds (costs in other currencies never match)"),
      N_("POUNDS") },
    { "age-group", 0, 0, G_OPTION_ARG_STRING, &options.age_group,
      N_("Age groups: children (0–17), under-25, adults"), N_("A,…") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &options.search,
      N_("Words to find in name, summary, overview, cohorts, organisations and references"),
      N_("TEXT") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &options.sort,
      N_("Sort by review (the review’s order, the default), name, level, evidence, impact or cost"), N_("KEY") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  g_autoptr(WaymarkCriteria) criteria = waymark_criteria_new ();
  g_autoptr(GListStore) matches = NULL;
  g_autofree char *output = NULL;
  int sort = WAYMARK_SORT_REVIEW;
  guint n;

  g_option_context_set_summary (context,
                                _("List the interventions in the catalogue that match every "
                                  "option given.\nWithin one option, values separated by "
                                  "commas are alternatives."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, FALSE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("list", error->message);
  if (argc > 1)
    return usage_error ("list", _("list takes no arguments, only options"));
  if (options.format != NULL && !g_str_equal (options.format, "table") &&
      !g_str_equal (options.format, "csv") && !g_str_equal (options.format, "json"))
    return usage_error ("list", _("--format must be table, csv or json"));
  if (options.sort != NULL && !waymark_enum_from_string (WAYMARK_TYPE_SORT_KEY, options.sort, &sort))
    return usage_error ("list", _("--sort must be review, name, level, evidence, impact or cost"));
  if (!build_criteria (&options, criteria, &error))
    return usage_error ("list", error->message);

  catalogue = load_catalogue (options.catalogue, &error);
  if (catalogue == NULL)
    {
      g_printerr ("%s: %s\n", program, error->message);
      return EXIT_BAD_INPUT;
    }

  matches = g_list_store_new (WAYMARK_TYPE_INTERVENTION);
  n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (G_LIST_MODEL (catalogue), i);

      if (waymark_criteria_match (criteria, item))
        g_list_store_append (matches, item);
    }
  g_list_store_sort (matches, compare_with_key, GINT_TO_POINTER (sort));

  if (g_strcmp0 (options.format, "csv") == 0)
    output = waymark_export_interventions_csv (G_LIST_MODEL (matches));
  else if (g_strcmp0 (options.format, "json") == 0)
    output = waymark_export_catalogue_json (catalogue, G_LIST_MODEL (matches));
  else
    output = format_table (G_LIST_MODEL (matches), n);

  write_stdout (output);
  if (g_strcmp0 (options.format, "json") == 0)
    write_stdout ("\n");

  return EXIT_OK;
}

/* show */

static int
command_show (int    argc,
              char **argv)
{
  g_autofree char *catalogue_path = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, &catalogue_path,
      N_("Read this catalogue instead of the review’s"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  g_autofree char *output = NULL;
  WaymarkIntervention *item;

  g_option_context_set_summary (context,
                                _("Show everything the catalogue holds about one intervention."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("show", error->message);
  if (argc != 2)
    return usage_error ("show", _("show needs exactly one intervention id, such as “drive”"));
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return usage_error ("show", _("--format must be text or json"));

  catalogue = load_catalogue (catalogue_path, &error);
  if (catalogue == NULL)
    {
      g_printerr ("%s: %s\n", program, error->message);
      return EXIT_BAD_INPUT;
    }

  item = waymark_catalogue_lookup (catalogue, argv[1]);
  if (item == NULL)
    {
      g_printerr (_("%s: no intervention has the id “%s”; “%s list” shows them all\n"),
                  program, argv[1], program);
      return EXIT_BAD_INPUT;
    }

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonNode) node = waymark_intervention_to_json (item);
      g_autoptr(JsonGenerator) generator = json_generator_new ();

      json_generator_set_root (generator, node);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      output = waymark_json_generate (generator);
      write_stdout (output);
      write_stdout ("\n");
    }
  else
    {
      g_autofree char *text = waymark_intervention_describe_text (item, catalogue);

      output = waymark_text_escape_for_terminal (text, -1, WAYMARK_TEXT_ESCAPE_KEEP_LINES);
      write_stdout (output);
    }

  return EXIT_OK;
}

/* validate */

static int
command_validate (int    argc,
                  char **argv)
{
  g_autofree char *catalogue_path = NULL;
  GOptionEntry entries[] = {
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, &catalogue_path,
      N_("For a plan: the catalogue its interventions come from (default: the review’s)"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  guint n;

  g_option_context_set_summary (context,
                                _("Check a catalogue or a plan file. Exits 0 when it is valid; "
                                  "otherwise prints what is wrong and where, and exits 1."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("validate", error->message);
  if (argc != 2)
    return usage_error ("validate", _("validate needs exactly one file"));

  file = g_file_new_for_commandline_arg (argv[1]);
  name = g_file_get_basename (file);
  /* Read once, by the core's guarded reader, with the larger of the two limits; the catalogue or
   * plan reader then applies its own. */
  bytes = waymark_safe_read_file (file, MAX (WAYMARK_CATALOGUE_MAX_BYTES, WAYMARK_PLAN_MAX_BYTES),
                                  WAYMARK_CATALOGUE_ERROR, &error);
  if (bytes == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_BAD_INPUT;
    }

  if (waymark_plan_data_is_plan (bytes))
    {
      g_autoptr(WaymarkCatalogue) catalogue = load_catalogue (catalogue_path, &error);
      g_autoptr(WaymarkPlan) plan = NULL;

      if (catalogue == NULL)
        {
          g_printerr ("%s: %s\n", program, error->message);
          return EXIT_BAD_INPUT;
        }
      plan = waymark_plan_new_from_bytes (bytes, name, catalogue, &error);
      if (plan == NULL)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_BAD_INPUT;
        }
      n = g_list_model_get_n_items (G_LIST_MODEL (plan));
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: a valid plan with %u item\n",
                            "%s: a valid plan with %u items\n", n), name, n);
      return EXIT_OK;
    }

  {
    g_autoptr(WaymarkCatalogue) catalogue = waymark_catalogue_new_from_bytes (bytes, name, &error);

    if (catalogue == NULL)
      {
        g_printerr ("%s\n", error->message);
        return EXIT_BAD_INPUT;
      }
    n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: a valid catalogue with %u intervention\n",
                          "%s: a valid catalogue with %u interventions\n", n), name, n);
  }
  return EXIT_OK;
}

/* export */

static gboolean
same_file (GFile *a,
           GFile *b)
{
  g_autofree char *path_a = g_file_get_path (a);
  g_autofree char *path_b = g_file_get_path (b);
  GStatBuf st_a, st_b;

  /* Device and inode: the same file through a link or another spelling of its path. */
  return path_a != NULL && path_b != NULL && g_stat (path_a, &st_a) == 0 &&
         g_stat (path_b, &st_b) == 0 && st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino;
}

/* --output naming a file that export reads would lose it: refused before anything is read. */
static char *
check_output_is_not_input (const char *output,
                           const char *plan_arg,
                           const char *catalogue_arg)
{
  g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);
  g_autoptr(GFile) plan = g_file_new_for_commandline_arg (plan_arg);
  g_autoptr(GFile) catalogue = catalogue_arg ? g_file_new_for_commandline_arg (catalogue_arg)
                                             : NULL;

  if (same_file (out, plan))
    return g_strdup_printf (_("--output “%s” is the plan being exported: choose another file"),
                            output);
  if (catalogue != NULL && same_file (out, catalogue))
    return g_strdup_printf (_("--output “%s” is the catalogue being read: choose another file"),
                            output);
  return NULL;
}

static int
command_export (int    argc,
                char **argv)
{
  g_autofree char *catalogue_path = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("csv or json (required)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (atomically) instead of standard output"), N_("FILE") },
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, &catalogue_path,
      N_("The catalogue the plan’s interventions come from (default: the review’s)"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  g_autoptr(WaymarkPlan) plan = NULL;
  g_autofree char *data = NULL;
  WaymarkPlanFormat plan_format;

  g_option_context_set_summary (context,
                                _("Export a saved plan as CSV (for spreadsheets) or JSON (for "
                                  "other systems), exactly as Waymark does."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("export", error->message);
  if (argc != 2)
    return usage_error ("export", _("export needs exactly one plan file"));
  if (g_strcmp0 (format, "csv") == 0)
    plan_format = WAYMARK_PLAN_FORMAT_CSV;
  else if (g_strcmp0 (format, "json") == 0)
    plan_format = WAYMARK_PLAN_FORMAT_JSON;
  else
    return usage_error ("export", _("--format must be csv or json"));
  if (output != NULL)
    {
      g_autofree char *conflict = check_output_is_not_input (output, argv[1], catalogue_path);

      if (conflict != NULL)
        return usage_error ("export", conflict);
    }

  catalogue = load_catalogue (catalogue_path, &error);
  if (catalogue == NULL)
    {
      g_printerr ("%s: %s\n", program, error->message);
      return EXIT_BAD_INPUT;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  plan = waymark_plan_new_from_file (file, catalogue, &error);
  if (plan == NULL)
    {
      g_printerr ("%s: %s\n", program, error->message);
      return EXIT_BAD_INPUT;
    }

  if (output != NULL)
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);

      if (!waymark_plan_write (plan, catalogue, plan_format, out, &error))
        {
          g_printerr ("%s: %s\n", program, error->message);
          return EXIT_BAD_INPUT;
        }
      return EXIT_OK;
    }

  data = plan_format == WAYMARK_PLAN_FORMAT_CSV ? waymark_plan_to_csv (plan, &error)
                                                : waymark_plan_to_json (plan, catalogue, &error);
  if (data == NULL)
    {
      g_printerr ("%s: %s\n", program, error->message);
      return EXIT_BAD_INPUT;
    }
  write_stdout (data);
  return EXIT_OK;
}

/* main */

static const struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "list", command_list, N_("List and filter the interventions") },
  { "show", command_show, N_("Show one intervention in full") },
  { "validate", command_validate, N_("Check a catalogue or a plan file") },
  { "export", command_export, N_("Export a saved plan as CSV or JSON") },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, _("Usage:\n  %s COMMAND [OPTION…]\n\n"), program);
  fprintf (stream, "%s\n\n",
           _("Waymark: the interventions of the rapid evidence review on domestic abuse and sexual "
             "violence, for commissioners."));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-10s %s\n", "--help", _("Show this help"));
  fprintf (stream, "  %-10s %s\n", "--help-all", _("Show this help and every command’s options"));
  fprintf (stream, "  %-10s %s\n", "--version", _("Show the version"));
  fprintf (stream, _("\n“%s COMMAND --help” describes each command’s options.\n"), program);
  fprintf (stream, "%s\n",
           _("Exit status: 0 done, 1 bad or missing input, 2 wrong command line."));
}

int
main (int    argc,
      char **argv)
{
  hold_closed_streams ();
  g_set_print_handler (print_to_stdout);
  g_set_printerr_handler (print_to_stderr);
  atexit (check_stdout_at_exit);

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
          printf ("\n%s %s\n%s", program, commands[i].name, out);
        }
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("%s %s\n", program, PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("%s %s", program, commands[i].name);

        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  {
    g_autofree char *message = g_strdup_printf (_("“%s” is not a command"), argv[1]);
    return usage_error (NULL, message);
  }
}
