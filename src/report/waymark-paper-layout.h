/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "waymark-board-paper.h"

G_BEGIN_DECLS

/* The board paper laid out on pages, with cairo and Pango and no GTK: the PDF writer and the
 * application's printing (GtkPrintOperation's draw-page) draw the same pages with it. Page 0 is
 * the title page; each of the five cases starts a page; every page has its number at its foot.
 * Text from the plan or the review is set as text, never as markup. */

typedef struct _WaymarkPaperLayout WaymarkPaperLayout;

/* One heading, where the layout put it: for a PDF's outline. */
typedef struct
{
  guint       level;  /* 1 or 2 */
  const char *text;   /* borrowed from the paper */
  guint       page;   /* 0-based */
  double      y;      /* from the page's top, in the layout's units */
} WaymarkPaperHeadingPlace;

/* Lays the paper out on pages width × height (in the units of context's resolution: points
 * for a PDF at 72 dpi), with margin on every side. The paper must outlive the layout. */
WaymarkPaperLayout *waymark_paper_layout_new        (WaymarkBoardPaper  *paper,
                                                     PangoContext       *context,
                                                     double              width,
                                                     double              height,
                                                     double              margin);
void                waymark_paper_layout_free       (WaymarkPaperLayout *self);
guint               waymark_paper_layout_get_n_pages (WaymarkPaperLayout *self);
/* Draws page (0-based) on cr, whose origin is the page's top left. */
void                waymark_paper_layout_draw_page  (WaymarkPaperLayout *self,
                                                     cairo_t            *cr,
                                                     guint               page);
/* The headings of levels 1 and 2 in order (WaymarkPaperHeadingPlace); borrowed. */
GArray             *waymark_paper_layout_get_headings (WaymarkPaperLayout *self);

/* A bar chart of a WAYMARK_PAPER_BLOCK_CHART block in the box x, y, width (its height is
 * waymark_paper_chart_get_height()): one bar per slice, a range's high end paler. The ODT's
 * charts are this drawing too, as pictures. */
double              waymark_paper_chart_get_height  (const WaymarkPaperBlock *block);
void                waymark_paper_chart_draw        (const WaymarkPaperBlock *block,
                                                     cairo_t                 *cr,
                                                     PangoContext            *context,
                                                     double                   x,
                                                     double                   y,
                                                     double                   width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkPaperLayout, waymark_paper_layout_free)

G_END_DECLS
