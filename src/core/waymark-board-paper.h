/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "waymark-catalogue.h"
#include "waymark-plan.h"

G_BEGIN_DECLS

/* The board paper (issue 16): what a draft plan says to a board, a PCC or a cabinet member,
 * built once from the plan and the catalogue as a small document (headings, paragraphs, tables,
 * charts), with no GTK and no cairo. The renderers in src/report/ write it as ODT and PDF and
 * print it; they add nothing to what it says, so the two files say the same thing.
 *
 * Its sections follow the five-case model: Strategic, Economic, Commercial, Financial and
 * Management, then the interventions one by one and the sources. Every figure in it is a
 * WaymarkPaperFigure: numbered, shown as "£96,000 [12]", and listed in the Sources table with
 * its kind and where it comes from (the review's section and words as written, the plan's entry,
 * or the arithmetic). A value built once is never changed: a new plan makes a new paper. */

typedef enum
{
  WAYMARK_PAPER_FIGURE_REVIEW,    /* the review's, quoted with its section */
  WAYMARK_PAPER_FIGURE_LOCAL,     /* entered by the commissioner in the plan */
  WAYMARK_PAPER_FIGURE_COMPUTED,  /* Waymark's arithmetic, written out */
} WaymarkPaperFigureKind;

typedef struct
{
  guint                   number;      /* 1, 2, ...: the note "[n]" after the figure */
  WaymarkPaperFigureKind  kind;
  char                   *text;        /* the figure as shown: "£96,000", "40 perpetrators" */
  char                   *what;        /* what it is: "Drive project: total, 2026/27" */
  char                   *source;      /* review: the section; local: the plan's field;
                                        * computed: the arithmetic */
  char                   *as_written;  /* review: its words exactly; NULL otherwise */
} WaymarkPaperFigure;

typedef enum
{
  WAYMARK_PAPER_BLOCK_HEADING,
  WAYMARK_PAPER_BLOCK_PARAGRAPH,
  WAYMARK_PAPER_BLOCK_QUOTE,      /* the review's words, as written; text is the words */
  WAYMARK_PAPER_BLOCK_TABLE,
  WAYMARK_PAPER_BLOCK_CHART,      /* a bar chart of money; text is its title */
} WaymarkPaperBlockKind;

typedef struct
{
  char   *label;
  gint64  low;    /* pence */
  gint64  high;
} WaymarkPaperBar;

typedef struct
{
  WaymarkPaperBlockKind  kind;
  guint                  level;      /* heading: 1 a section, 2 within one, 3 below */
  char                  *text;       /* heading, paragraph, quote; a table's caption or NULL;
                                      * a chart's title */
  char                  *source;     /* quote: "Review, section “…”" */
  guint                  n_columns;  /* table */
  char                 **columns;    /* table: the header, n_columns */
  GPtrArray             *rows;       /* table: char ** of n_columns each */
  GArray                *bars;       /* chart: WaymarkPaperBar */
} WaymarkPaperBlock;

typedef struct
{
  char      *title;
  char      *subtitle;      /* "Draft commissioning plan: board paper" */
  char      *area;
  char      *organisation;  /* "" when the plan gives none */
  char      *author;
  char      *date;          /* "26 November 2026": when the plan last changed */
  char      *period;        /* "2026/27 to 2028/29 (three financial years)" */
  char      *catalogue;     /* the review's title and data version */
  GPtrArray *blocks;        /* WaymarkPaperBlock */
  GPtrArray *figures;       /* WaymarkPaperFigure, by number */
} WaymarkBoardPaper;

/* catalogue may be NULL (then the review's words are those the plan copied in). */
WaymarkBoardPaper *waymark_board_paper_new  (WaymarkPlan       *plan,
                                             WaymarkCatalogue  *catalogue);
void               waymark_board_paper_free (WaymarkBoardPaper *self);

/* "Review", "Local entry", "Computed" (translated). */
const char        *waymark_paper_figure_kind_get_label (WaymarkPaperFigureKind kind);

/* The whole paper as plain text, in reading order (for tests and for a reader without the files). */
char              *waymark_board_paper_to_text (WaymarkBoardPaper *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkBoardPaper, waymark_board_paper_free)

G_END_DECLS
