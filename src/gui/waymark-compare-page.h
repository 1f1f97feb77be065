/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-comparison.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_COMPARE_PAGE (waymark_compare_page_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkComparePage, waymark_compare_page, WAYMARK, COMPARE_PAGE, GtkWidget)

/* The comparison as a table: one column per intervention, one row per attribute, the names kept
 * in view above and the attribute names kept in view on the left; differences and the best
 * value in a row marked in words and with an icon. */
GtkWidget         *waymark_compare_page_new               (void);
WaymarkComparison *waymark_compare_page_get_comparison    (WaymarkComparePage *self);
void               waymark_compare_page_set_comparison    (WaymarkComparePage *self,
                                                           WaymarkComparison  *comparison);
/* Text size in per cent, for the back of a meeting room (compare.zoom-in, -out, -reset). */
#define WAYMARK_COMPARE_PAGE_ZOOM_MIN 100
#define WAYMARK_COMPARE_PAGE_ZOOM_MAX 200
#define WAYMARK_COMPARE_PAGE_ZOOM_STEP 25
guint              waymark_compare_page_get_zoom          (WaymarkComparePage *self);
void               waymark_compare_page_set_zoom          (WaymarkComparePage *self,
                                                           guint               zoom);
gboolean           waymark_compare_page_get_hide_identical (WaymarkComparePage *self);
void               waymark_compare_page_set_hide_identical (WaymarkComparePage *self,
                                                            gboolean            hide);
/* Writes the comparison as CSV; FALSE with the error on failure. */
gboolean           waymark_compare_page_export_csv        (WaymarkComparePage *self,
                                                           GFile              *file,
                                                           GError            **error);
/* Puts the column of `id` at `position`, as dropping its header on that column's does; FALSE
 * when nothing moved. */
gboolean           waymark_compare_page_drop_column       (WaymarkComparePage *self,
                                                           const char         *id,
                                                           guint               position);
/* The row widget of an attribute ("evidence", "cost"...), for tests; NULL for none. */
GtkWidget         *waymark_compare_page_get_row           (WaymarkComparePage *self,
                                                           const char         *key);
/* The header of column `position` (its name, its buttons), for tests; NULL past the end. */
GtkWidget         *waymark_compare_page_get_column_header (WaymarkComparePage *self,
                                                           guint               position);

G_END_DECLS
