/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "waymark-appraisal-ranking.h"
#include "waymark-catalogue.h"
#include "waymark-plan-io.h"

/* Any bytes as a plan file: refused with a message or opened; an opened plan saves, and the saved
 * file opens and saves to the same bytes; its appraisal ranks, in text that is UTF-8. The same
 * bytes as a file of local services (issue 15): refused with a message, or read, written and read
 * back to the same bytes. */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static WaymarkCatalogue *catalogue;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkPlan) plan = NULL;
  g_autoptr(WaymarkPlan) again = NULL;
  g_autoptr(GBytes) written_bytes = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(WaymarkAppraisalRanking) ranking = NULL;
  g_autofree char *ranking_csv = NULL;
  g_autofree char *ranking_json = NULL;
  g_autofree char *sensitivity = NULL;

  if (catalogue == NULL)
    catalogue = waymark_catalogue_new_default (NULL);

  {
    g_autoptr(GListModel) services = waymark_local_services_new_from_bytes (bytes, "fuzz.json",
                                                                            catalogue, &error);
    g_autofree char *services_text = NULL;
    g_autoptr(GBytes) services_bytes = NULL;
    g_autoptr(GListModel) services_again = NULL;
    g_autofree char *services_rewritten = NULL;

    if (services == NULL)
      {
        g_assert (error != NULL && g_str_has_prefix (error->message, "fuzz.json: "));
        g_clear_error (&error);
      }
    else
      {
        services_text = waymark_local_services_to_json (services);
        services_bytes = g_bytes_new (services_text, strlen (services_text));
        services_again = waymark_local_services_new_from_bytes (services_bytes, "written.json",
                                                                catalogue, &error);
        if (services_again == NULL)
          g_error ("Waymark wrote local services it cannot read: %s", error->message);
        services_rewritten = waymark_local_services_to_json (services_again);
        g_assert_cmpstr (services_text, ==, services_rewritten);
      }
  }

  plan = waymark_plan_new_from_bytes (bytes, "fuzz.waymark", catalogue, &error);
  if (plan == NULL)
    {
      g_assert (error != NULL && g_str_has_prefix (error->message, "fuzz.waymark: "));
      return 0;
    }

  /* Opening computes the totals as export does (issue 11, finding 10): a plan that opened can
   * always be written. */
  written = waymark_plan_to_json (plan, catalogue, &error);
  if (written == NULL)
    g_error ("Waymark opened a plan it cannot write: %s", error->message);
  csv = waymark_plan_to_csv (plan, catalogue, NULL);
  g_assert (csv != NULL && g_utf8_validate (csv, -1, NULL));

  /* Whatever the file's weights and scores, the ranking's arithmetic stays within 64 bits. */
  ranking = waymark_appraisal_ranking_new (waymark_plan_get_appraisal (plan), plan, catalogue);
  ranking_csv = waymark_appraisal_ranking_to_csv (ranking);
  ranking_json = waymark_appraisal_ranking_to_json (ranking);
  sensitivity = waymark_appraisal_ranking_describe_sensitivity (ranking);
  g_assert (g_utf8_validate (ranking_csv, -1, NULL) && g_utf8_validate (ranking_json, -1, NULL) &&
            g_utf8_validate (sensitivity, -1, NULL));
  for (guint i = 0; i < ranking->n_ranked; i++)
    {
      const WaymarkAppraisalRow *row = g_ptr_array_index (ranking->rows, i);

      g_assert (row->weighted >= 0 && row->weighted <= WAYMARK_APPRAISAL_MAX_SCORE);
    }

  written_bytes = g_bytes_new (written, strlen (written));
  again = waymark_plan_new_from_bytes (written_bytes, "written.waymark", catalogue, &error);
  if (again == NULL)
    g_error ("Waymark wrote a plan it cannot read: %s", error->message);
  rewritten = waymark_plan_to_json (again, catalogue, NULL);
  g_assert_cmpstr (written, ==, rewritten);

  return 0;
}
