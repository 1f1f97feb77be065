/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-catalogue.h"
#include "waymark-plan.h"

G_BEGIN_DECLS

/* The plan's board paper, printed (Ctrl+P on the Plan page): the same pages as the PDF that
 * Export Board Paper… writes, drawn by the same layout (waymark-paper-layout.h) on the print
 * context, A4 portrait. The paper is built from the plan as it is when the operation is made. */
GtkPrintOperation *waymark_paper_print_new (WaymarkPlan      *plan,
                                            WaymarkCatalogue *catalogue);

G_END_DECLS
