/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-board-paper.h"

G_BEGIN_DECLS

/* The board paper as a PDF: A4, a title page, page numbers, a document outline (bookmarks) of
 * its sections, selectable text and charts drawn with cairo; the layout the application prints
 * (waymark-paper-layout.h). */
GBytes   *waymark_report_pdf_to_bytes (WaymarkBoardPaper *paper,
                                       GError           **error);
/* Builds the paper from plan and catalogue and writes it to file atomically
 * (waymark-safe-write.c). */
gboolean  waymark_report_write_pdf    (WaymarkPlan       *plan,
                                       WaymarkCatalogue  *catalogue,
                                       GFile             *file,
                                       GError           **error);

G_END_DECLS
