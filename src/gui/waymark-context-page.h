/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-catalogue.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_CONTEXT_PAGE (waymark_context_page_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkContextPage, waymark_context_page, WAYMARK, CONTEXT_PAGE, GtkWidget)

/* The review's picture beyond its interventions (issue 14): the local figures, the
 * demographics, the commissioned providers and their services, the funding streams, the
 * standards, the gaps in provision and the recommendations with their discussion questions, in
 * the review's order, grouped by kind and then by topic. Every figure is the review's words as
 * written, with the section it is under. A gap or a recommendation links to the interventions
 * that address it ("win.show-intervention"). Built the first time it is shown. */
GtkWidget        *waymark_context_page_new            (void);
WaymarkCatalogue *waymark_context_page_get_catalogue  (WaymarkContextPage *self);
void              waymark_context_page_set_catalogue  (WaymarkContextPage *self,
                                                       WaymarkCatalogue   *catalogue);
/* Text size in per cent, for the back of a meeting room (as the Compare page's). */
#define WAYMARK_CONTEXT_PAGE_ZOOM_MIN 100
#define WAYMARK_CONTEXT_PAGE_ZOOM_MAX 200
#define WAYMARK_CONTEXT_PAGE_ZOOM_STEP 25
guint             waymark_context_page_get_zoom       (WaymarkContextPage *self);
void              waymark_context_page_set_zoom       (WaymarkContextPage *self,
                                                       guint               zoom);
/* Scrolls to the entry `id` and gives its row the keyboard focus (once the page is laid out,
 * if it is not yet); FALSE when the catalogue has no such entry. */
gboolean          waymark_context_page_show_entry     (WaymarkContextPage *self,
                                                       const char         *id);
/* The row that shows the entry `id`, for tests; NULL for none. */
GtkWidget        *waymark_context_page_get_entry_row  (WaymarkContextPage *self,
                                                       const char         *id);
/* The scrolled window the page's content is in, for tests. */
GtkScrolledWindow *waymark_context_page_get_scroller  (WaymarkContextPage *self);

/* A kind of entry as the page's heading for all of them says it ("Gaps in Provision"); one
 * entry's kind is waymark_context_kind_get_label() ("Gap in provision"). */
const char       *waymark_context_page_kind_heading   (WaymarkContextKind  kind);

G_END_DECLS
