/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-plan-comparison.h"

G_BEGIN_DECLS

/* The plans compared (issue 17) as a handout for the meeting, on A4 landscape in the style of
 * the intervention comparison's (waymark-compare-print.c): one column per plan, the plans' names
 * heading every page, every mark in words, the date and a footer saying where the figures come
 * from. The text is taken from the comparison when this is made, so the comparison may change or
 * go while the print dialog is open. */
GtkPrintOperation *waymark_plans_print_new (WaymarkPlanComparison *comparison);

G_END_DECLS
