/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-catalogue.h"
#include "waymark-plan.h"

G_BEGIN_DECLS

/* The finance workbook and the board paper as OpenDocument Text, as waymark_report_write_xlsx()
 * and waymark_report_write_odt() write them, through the module opened on first use. When the
 * module cannot be opened, FALSE with an error saying so, naming the file looked for. */
gboolean waymark_office_write_xlsx (WaymarkPlan       *plan,
                                    WaymarkCatalogue  *catalogue,
                                    GFile             *file,
                                    GError           **error);

gboolean waymark_office_write_odt  (WaymarkPlan       *plan,
                                    WaymarkCatalogue  *catalogue,
                                    GFile             *file,
                                    GError           **error);

G_END_DECLS
