/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-cli-private.h"
#include "waymark-decision-json.h"
#include "waymark-text-escape.h"

/* waymark-cli decisions PLAN: the plan's decision record (issue 15, part 5), oldest first: who
 * changed what, when, why, and which passage of the review they cited. */

static char *
format_text (GListModel *decisions)
{
  guint n = g_list_model_get_n_items (decisions);
  GString *out = g_string_new (NULL);

  if (n == 0)
    {
      g_string_append_printf (out, "%s\n", _("The plan has no decisions recorded."));
      return g_string_free (out, FALSE);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkDecision) decision = g_list_model_get_item (decisions, i);
      g_autofree char *time = waymark_decision_dup_time_text (decision);
      const char *author = waymark_decision_get_author (decision);

      if (i > 0)
        g_string_append_c (out, '\n');
      /* TRANSLATORS: an entry of the decision record: its time, who made it, and its kind. */
      g_string_append_printf (out, _("%s, %s (%s)\n"), time,
                              *author != '\0' ? author : _("no author given"),
                              waymark_decision_kind_get_label (waymark_decision_get_kind (decision)));
      g_string_append_printf (out, "   %s\n", waymark_decision_get_description (decision));
      if (*waymark_decision_get_reason (decision) != '\0')
        g_string_append_printf (out, _("   Reason: %s\n"), waymark_decision_get_reason (decision));
      if (*waymark_decision_get_review_section (decision) != '\0')
        g_string_append_printf (out, _("   Review section: %s\n"),
                                waymark_decision_get_review_section (decision));
    }
  return g_string_free (out, FALSE);
}

int
waymark_cli_command_decisions (int    argc,
                               char **argv)
{
  g_autofree char *catalogue_path = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
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
  g_autofree char *output = NULL;

  g_option_context_set_summary (context,
                                _("Show a saved plan’s decision record, oldest first: each change "
                                  "of a status, reason, weight, score, criterion, plan item or "
                                  "local service, with its time, author, reason and the section "
                                  "of the review it cites."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return waymark_cli_usage_error ("decisions", error->message);
  if (argc != 2)
    return waymark_cli_usage_error ("decisions", _("decisions needs exactly one plan file"));
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "csv") &&
      !g_str_equal (format, "json"))
    return waymark_cli_usage_error ("decisions", _("--format must be text, csv or json"));

  plan = waymark_cli_load_plan (argv[1], catalogue_path, &catalogue);
  if (plan == NULL)
    return EXIT_BAD_INPUT;

  if (g_strcmp0 (format, "csv") == 0)
    output = waymark_decisions_to_csv (waymark_plan_get_decisions (plan));
  else if (g_strcmp0 (format, "json") == 0)
    output = waymark_decisions_to_json (waymark_plan_get_decisions (plan));
  else
    {
      g_autofree char *text = format_text (waymark_plan_get_decisions (plan));

      output = waymark_text_escape_for_terminal (text, -1, WAYMARK_TEXT_ESCAPE_KEEP_LINES);
    }

  waymark_cli_write_stdout (output);
  return EXIT_OK;
}
