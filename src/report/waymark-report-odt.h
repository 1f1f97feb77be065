/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-board-paper.h"

G_BEGIN_DECLS

/* The board paper as OpenDocument Text (.odt), written with libgsf's zip writer: the
 * `mimetype` member first and stored, then content.xml, styles.xml (A4, page numbers in the
 * footer), meta.xml, the charts as pictures drawn by the PDF's own chart code, and the manifest.
 * Every text is XML-escaped. */
GBytes   *waymark_report_odt_to_bytes (WaymarkBoardPaper *paper,
                                       GError           **error);
/* Builds the paper from plan and catalogue and writes it to file atomically
 * (waymark-safe-write.c). */
gboolean  waymark_report_write_odt    (WaymarkPlan       *plan,
                                       WaymarkCatalogue  *catalogue,
                                       GFile             *file,
                                       GError           **error);

G_END_DECLS
