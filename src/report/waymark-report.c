/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "waymark-report.h"
#include "waymark-safe-write.h"

gboolean
waymark_report_write_paper (WaymarkPlan            *plan,
                            WaymarkCatalogue       *catalogue,
                            WaymarkPaperRenderFunc  render,
                            GFile                  *file,
                            GError                **error)
{
  g_autoptr(WaymarkBoardPaper) paper = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (WAYMARK_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue), FALSE);
  g_return_val_if_fail (render != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  paper = waymark_board_paper_new (plan, catalogue);
  bytes = render (paper, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return waymark_safe_write_file (file, data, (gssize) length, error);
}
