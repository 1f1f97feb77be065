/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-appraisal-ranking.h"
#include "waymark-cli-private.h"
#include "waymark-plan-io.h"
#include "waymark-text-escape.h"

static guint
count_weighted (WaymarkAppraisalRanking *ranking)
{
  guint n = 0;

  for (guint c = 0; c < ranking->n_criteria; c++)
    n += ranking->weights[c] > 0;
  return n;
}

static void
append_option (GString                   *out,
               WaymarkAppraisalRanking   *ranking,
               const WaymarkAppraisalRow *row)
{
  g_autoptr(GString) scores = g_string_new (NULL);

  for (guint c = 0; c < ranking->n_criteria; c++)
    {
      g_autofree char *score = row->scores[c] != WAYMARK_APPRAISAL_NO_SCORE
                               ? waymark_appraisal_format_hundredths (row->scores[c])
                               : g_strdup (_("no score"));

      g_string_append_printf (scores, "%s%s %s", c > 0 ? ", " : "", ranking->criterion_ids[c],
                              score);
    }
  g_string_append_printf (out, _("   Scores: %s\n"), scores->str);
}

static const char *
status_heading (WaymarkOptionStatus status,
                gboolean            has_score)
{
  switch (status)
    {
    case WAYMARK_OPTION_STATUS_SHORTLISTED:
      return has_score ? _("Ranking of the shortlist")
                       : _("Shortlisted, with no score on any criterion that has a weight");
    case WAYMARK_OPTION_STATUS_DEFERRED:
      return _("Deferred");
    case WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD:
      return _("Not taken forward");
    default:
      g_assert_not_reached ();
    }
}

static char *
format_text (WaymarkPlan             *plan,
             WaymarkAppraisalRanking *ranking)
{
  GString *out = g_string_new (NULL);
  g_autofree char *sensitivity = waymark_appraisal_ranking_describe_sensitivity (ranking);
  const char *title = waymark_plan_get_title (plan);
  guint n_weighted = count_weighted (ranking);
  int group = -1;

  g_string_append_printf (out, _("Options appraisal: %s\n\n"),
                          *title != '\0' ? title : _("Untitled plan"));

  g_string_append_printf (out, "%s\n", _("Criteria and weights:"));
  for (guint c = 0; c < ranking->n_criteria; c++)
    {
      g_autofree char *weight = waymark_appraisal_format_hundredths (ranking->weights[c]);

      /* Translators: a criterion's weight, as in "weight 1.5" */
      g_autofree char *weighs = g_strdup_printf (_("weight %s"), weight);

      g_string_append_printf (out, "  %-16s %-12s %s, %s\n", ranking->criterion_ids[c], weighs,
                              ranking->criterion_labels[c],
                              ranking->criterion_local[c]
                              ? _("local: scored by the commissioner’s judgement")
                              : _("scored from the review’s values"));
    }
  g_string_append_printf (out, "\n%s\n",
                          _("A weighted score is the sum of weight × score over the criteria an "
                            "option has a score on, divided by the sum of those criteria’s "
                            "weights: an option the review does not rate on a criterion is neither "
                            "penalised nor rewarded for the gap. Criteria that weigh 0 are left "
                            "out."));

  for (guint i = 0; i < ranking->rows->len; i++)
    {
      const WaymarkAppraisalRow *row = g_ptr_array_index (ranking->rows, i);
      int row_group = row->status == WAYMARK_OPTION_STATUS_SHORTLISTED ? !row->has_score
                      : row->status == WAYMARK_OPTION_STATUS_DEFERRED ? 2 : 3;

      if (row_group != group)
        g_string_append_printf (out, "\n%s:\n", status_heading (row->status, row->has_score));
      group = row_group;

      if (row->has_score)
        {
          g_autofree char *weighted = g_strdup_printf ("%d.%02d", row->weighted / 100,
                                                       row->weighted % 100);

          g_string_append_printf (out, _("%u. %s [%s]: %s, scored on %u of %u criteria\n"),
                                  row->rank, row->name, row->id, weighted, row->n_scored,
                                  n_weighted);
          g_string_append_printf (out, "   %s\n", row->arithmetic);
        }
      else
        g_string_append_printf (out, "- %s [%s]\n", row->name, row->id);
      if (row->local_service)
        g_string_append_printf (out, "   %s\n", waymark_local_service_mark ());
      if (*row->reason != '\0')
        {
          if (row->dimension != WAYMARK_OPTION_DIMENSION_NONE)
            g_string_append_printf (out, _("   Reason (%s): %s\n"),
                                    waymark_option_dimension_get_label (row->dimension),
                                    row->reason);
          else
            g_string_append_printf (out, _("   Reason: %s\n"), row->reason);
        }
      append_option (out, ranking, row);
    }
  if (ranking->rows->len == 0)
    g_string_append_printf (out, "\n%s\n", _("No options: the plan has no items and the long "
                                             "list is empty."));

  g_string_append_printf (out, _("\nSensitivity: %s\n"), sensitivity);
  return g_string_free (out, FALSE);
}

/* --weight CRITERION=NUMBER, each replacing the plan's weights for this run: a criterion not
 * named weighs 0. FALSE with a message for people. */
static gboolean
apply_weights (WaymarkAppraisal  *appraisal,
               char             **weights,
               char             **message)
{
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint c = 0; c < waymark_appraisal_get_n_criteria (appraisal); c++)
    {
      g_autoptr(GError) error = NULL;

      if (!waymark_appraisal_set_weight (appraisal,
                                         waymark_appraisal_get_criterion_id (appraisal, c), 0,
                                         &error))
        g_assert_not_reached ();
    }

  for (guint i = 0; weights[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (weights[i], "=", 2);
      g_autoptr(GError) error = NULL;
      gint hundredths;

      if (parts[0] == NULL || parts[1] == NULL)
        {
          *message = g_strdup_printf (_("--weight “%s” should be CRITERION=NUMBER, such as "
                                        "evidence=2"), weights[i]);
          return FALSE;
        }
      if (waymark_appraisal_find_criterion (appraisal, parts[0]) < 0)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint c = 0; c < waymark_appraisal_get_n_criteria (appraisal); c++)
            g_string_append_printf (known, "%s%s", c > 0 ? ", " : "",
                                    waymark_appraisal_get_criterion_id (appraisal, c));
          *message = g_strdup_printf (_("--weight: “%s” is not a criterion of this plan’s "
                                        "appraisal; its criteria are %s"), parts[0], known->str);
          return FALSE;
        }
      if (g_hash_table_contains (named, parts[0]))
        {
          *message = g_strdup_printf (_("--weight: “%s” is given twice"), parts[0]);
          return FALSE;
        }
      if (!waymark_appraisal_parse_hundredths (parts[1], WAYMARK_APPRAISAL_MAX_WEIGHT,
                                               &hundredths))
        {
          *message = g_strdup_printf (_("--weight: “%s” for %s is not a number from 0 to 100 "
                                        "with at most two decimal places, such as 1.5"),
                                      parts[1], parts[0]);
          return FALSE;
        }
      g_hash_table_add (named, (gpointer) waymark_appraisal_get_criterion_id (
                          appraisal, (guint) waymark_appraisal_find_criterion (appraisal,
                                                                               parts[0])));
      if (!waymark_appraisal_set_weight (appraisal, parts[0], hundredths, &error))
        g_assert_not_reached ();
    }
  return TRUE;
}

int
waymark_cli_command_appraise (int    argc,
                              char **argv)
{
  g_autofree char *catalogue_path = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) weights = NULL;
  GOptionEntry entries[] = {
    { "weight", 0, 0, G_OPTION_ARG_STRING_ARRAY, &weights,
      N_("Weigh a criterion (evidence, impact, cost_published, llr_status, level, works_with, "
         "young_people, or a local criterion’s id) for this run; given once or more, it "
         "replaces the plan’s weights, and a criterion not named weighs 0"),
      N_("CRITERION=NUMBER") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (default), csv or json"), N_("FORMAT") },
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, &catalogue_path,
      N_("The catalogue the plan’s interventions come from (default: the review’s)"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN"));
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  g_autoptr(WaymarkPlan) plan = NULL;
  g_autoptr(WaymarkAppraisal) appraisal = NULL;
  g_autoptr(WaymarkAppraisalRanking) ranking = NULL;
  g_autofree char *output = NULL;

  g_option_context_set_summary (context,
                                _("Rank a saved plan’s shortlisted options by their weighted "
                                  "scores, with each criterion’s score, the arithmetic, and "
                                  "whether the top three hold when any single weight moves by "
                                  "20%. A plan’s items count as shortlisted unless its long list "
                                  "says otherwise."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return waymark_cli_usage_error ("appraise", error->message);
  if (argc != 2)
    return waymark_cli_usage_error ("appraise", _("appraise needs exactly one plan file"));
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "csv") &&
      !g_str_equal (format, "json"))
    return waymark_cli_usage_error ("appraise", _("--format must be text, csv or json"));

  plan = waymark_cli_load_plan (argv[1], catalogue_path, &catalogue);
  if (plan == NULL)
    return EXIT_BAD_INPUT;

  /* A copy: the weights given here are for this run only. */
  appraisal = waymark_appraisal_copy (waymark_plan_get_appraisal (plan));
  if (weights != NULL)
    {
      g_autofree char *message = NULL;

      if (!apply_weights (appraisal, weights, &message))
        return waymark_cli_usage_error ("appraise", message);
    }

  ranking = waymark_appraisal_ranking_new (appraisal, plan, catalogue);
  if (g_strcmp0 (format, "csv") == 0)
    output = waymark_appraisal_ranking_to_csv (ranking);
  else if (g_strcmp0 (format, "json") == 0)
    output = waymark_appraisal_ranking_to_json (ranking);
  else
    {
      g_autofree char *text = format_text (plan, ranking);

      output = waymark_text_escape_for_terminal (text, -1, WAYMARK_TEXT_ESCAPE_KEEP_LINES);
    }

  waymark_cli_write_stdout (output);
  return EXIT_OK;
}
