/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-board-paper.h"

G_BEGIN_DECLS

/* A renderer of the board paper to the bytes of a file (waymark_report_odt_to_bytes(),
 * waymark_report_pdf_to_bytes()). */
typedef GBytes *(*WaymarkPaperRenderFunc) (WaymarkBoardPaper *paper,
                                           GError           **error);

/* Builds the board paper from plan and catalogue (may be NULL), renders it with render and writes
 * the bytes to file atomically (waymark-safe-write.c): the one path every report file takes. */
gboolean waymark_report_write_paper (WaymarkPlan            *plan,
                                     WaymarkCatalogue       *catalogue,
                                     WaymarkPaperRenderFunc  render,
                                     GFile                  *file,
                                     GError                **error);

G_END_DECLS
