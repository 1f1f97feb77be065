/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-cli-private.h"
#include "waymark-criteria.h"
#include "waymark-export.h"
#include "waymark-money.h"
#include "waymark-text-escape.h"

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
  char *status;
  char *plan;
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
  g_free (options->status);
  g_free (options->plan);
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
  if (options->status != NULL)
    {
      /* The long list is a plan's: without one every option would be "not on the long list". */
      if (options->plan == NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("--status needs --plan: the long list is a saved plan’s"));
          return FALSE;
        }
      if (!parse_flags_option ("--status", options->status, WAYMARK_TYPE_OPTION_STATUS_SET,
                               &bits, error))
        return FALSE;
      waymark_criteria_set_option_status (criteria, bits);
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
format_table (GListModel      *model,
              guint            total,
              WaymarkCriteria *criteria)
{
  enum { N_COLUMNS = 7 };
  static const glong max_width[N_COLUMNS] = { 34, 26, 5, 32, 32, 40, 17 };
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
      g_autofree char *evidence = waymark_intervention_dup_rating_text (item, TRUE);
      g_autofree char *impact = waymark_intervention_dup_rating_text (item, FALSE);
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
      row[3] = evidence;
      row[4] = impact;
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
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (model, i);
      const char *heading;
      g_autofree char *excerpt = NULL;

      for (guint c = 0; c < N_COLUMNS; c++)
        append_padded (out, g_ptr_array_index (cells, i * N_COLUMNS + c),
                       c + 1 < N_COLUMNS ? width[c] + 2 : 0);
      g_string_append_c (out, '\n');

      /* A search found in the review's text, not in the name: where, as the GUI's row says. */
      if (waymark_criteria_find_in_text (criteria, item, &heading, &excerpt))
        {
          /* Translators: under a row of `waymark-cli list --search`: "Evidence: …a few words…" */
          g_autofree char *line = g_strdup_printf (_("%s: %s"), heading, excerpt);
          g_autofree char *shown = waymark_text_escape_for_terminal (line, -1,
                                                                     WAYMARK_TEXT_ESCAPE_DEFAULT);

          g_string_append_printf (out, "    %s\n", shown);
        }
    }

  g_string_append_printf (out, "\n");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u of %u intervention\n",
                                            "%u of %u interventions\n", total),
                          n, total);

  return g_string_free (out, FALSE);
}

int
waymark_cli_command_list (int    argc,
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
    { "status", 0, 0, G_OPTION_ARG_STRING, &options.status,
      N_("Status on the plan’s long list: shortlisted, not-taken-forward, deferred, "
         "not-on-long-list (needs --plan)"), N_("S,…") },
    { "plan", 0, 0, G_OPTION_ARG_FILENAME, &options.plan,
      N_("The saved plan whose long list --status reads"), N_("FILE") },
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
  g_autoptr(WaymarkPlan) plan = NULL;
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
    return waymark_cli_usage_error ("list", error->message);
  if (argc > 1)
    return waymark_cli_usage_error ("list", _("list takes no arguments, only options"));
  if (options.format != NULL && !g_str_equal (options.format, "table") &&
      !g_str_equal (options.format, "csv") && !g_str_equal (options.format, "json"))
    return waymark_cli_usage_error ("list", _("--format must be table, csv or json"));
  if (options.sort != NULL && !waymark_enum_from_string (WAYMARK_TYPE_SORT_KEY, options.sort, &sort))
    return waymark_cli_usage_error ("list", _("--sort must be review, name, level, evidence, "
                                              "impact or cost"));
  if (!build_criteria (&options, criteria, &error))
    return waymark_cli_usage_error ("list", error->message);

  if (options.plan != NULL)
    {
      plan = waymark_cli_load_plan (options.plan, options.catalogue, &catalogue);
      if (plan == NULL)
        return EXIT_BAD_INPUT;
      waymark_criteria_set_plan (criteria, plan);
    }
  else
    {
      catalogue = waymark_cli_load_catalogue (options.catalogue, &error);
      if (catalogue == NULL)
        {
          g_printerr ("%s: %s\n", WAYMARK_CLI_PROGRAM, error->message);
          return EXIT_BAD_INPUT;
        }
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
    output = format_table (G_LIST_MODEL (matches), n, criteria);

  waymark_cli_write_stdout (output);
  if (g_strcmp0 (options.format, "json") == 0)
    waymark_cli_write_stdout ("\n");

  return EXIT_OK;
}
