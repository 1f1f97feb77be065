/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "waymark-money.h"
#include "waymark-paper-layout.h"

#define BODY_FONT "Sans 9.5"
#define SMALL_FONT "Sans 8"
#define TABLE_FONT "Sans 8"
#define CELL_PAD 3.0
#define FOOTER_HEIGHT 24.0
#define BAR_HEIGHT 12.0
#define BAR_GAP 5.0
#define CHART_TOP 4.0
/* A paragraph or quote taller than this goes on line by line, so it can break across pages. */
#define SPLIT_HEIGHT 150.0

typedef enum
{
  PIECE_TEXT,
  PIECE_ROW,
  PIECE_CHART,
} PieceKind;

typedef struct
{
  guint   n_columns;
  double *x;        /* each column's left, from the text's left */
  double *width;
  PangoLayout **header;
} TableGeometry;

typedef struct
{
  PieceKind          kind;
  const WaymarkPaperBlock *block;
  PangoLayout       *text;       /* TEXT */
  int                line;       /* TEXT: -1 for all of text, else the one line of it drawn */
  gboolean           grey;       /* TEXT: a quote's source, split from its long text */
  PangoLayout       *source;     /* TEXT of a quote: its source, under it */
  double             indent;
  PangoLayout      **cells;      /* ROW; NULL for a repeated header */
  TableGeometry     *table;      /* ROW */
  gboolean           header;     /* ROW: the table's header */
  gboolean           keep_with_next;
  gboolean           break_before;
  double             space_before;
  double             height;
  guint              page;
  double             y;
} Piece;

struct _WaymarkPaperLayout
{
  WaymarkBoardPaper *paper;
  PangoContext      *context;
  double             width;
  double             height;
  double             margin;
  GPtrArray         *layouts;    /* owns every PangoLayout */
  GPtrArray         *tables;     /* owns every TableGeometry */
  GArray            *pieces;     /* Piece, paginated */
  GArray            *headings;   /* WaymarkPaperHeadingPlace */
  guint              n_pages;
};

static void
table_geometry_free (TableGeometry *table)
{
  g_free (table->x);
  g_free (table->width);
  g_free (table->header);
  g_free (table);
}

static double
text_width (WaymarkPaperLayout *self)
{
  return self->width - 2 * self->margin;
}

static PangoLayout *
make_layout (WaymarkPaperLayout *self,
             const char         *text,
             const char         *font,
             PangoWeight         weight,
             PangoStyle          style,
             double              width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_font_description_set_weight (description, weight);
  pango_font_description_set_style (description, style);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* Never markup: the plan's and the review's words are shown as they are. */
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  g_ptr_array_add (self->layouts, layout);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
natural_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

static void
add_piece (WaymarkPaperLayout *self,
           GArray             *pieces,
           Piece              *piece)
{
  (void) self;
  g_array_append_val (pieces, *piece);
}

static PangoLayout *
probe_layout (WaymarkPaperLayout *self,
              const char         *text,
              gboolean            bold)
{
  PangoLayout *probe = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) d = pango_font_description_from_string (TABLE_FONT);

  if (bold)
    pango_font_description_set_weight (d, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (probe, d);
  pango_layout_set_text (probe, text, -1);
  return probe;
}

/* Column widths: every column at least as wide as its longest word (so "Review" is never
 * broken), the rest of the width shared in proportion to how much more each column's longest
 * cell would take unwrapped. */
static TableGeometry *
measure_table (WaymarkPaperLayout      *self,
               const WaymarkPaperBlock *block)
{
  TableGeometry *table = g_new0 (TableGeometry, 1);
  double available = text_width (self);
  g_autofree double *natural = g_new0 (double, block->n_columns);
  g_autofree double *minimum = g_new0 (double, block->n_columns);
  double sum_min = 0, sum_extra = 0, x = 0;

  table->n_columns = block->n_columns;
  table->x = g_new0 (double, block->n_columns);
  table->width = g_new0 (double, block->n_columns);
  table->header = g_new0 (PangoLayout *, block->n_columns);
  for (guint c = 0; c < block->n_columns; c++)
    {
      for (guint r = 0; r <= block->rows->len; r++)
        {
          const char *text = r == 0 ? block->columns[c]
                                    : ((char **) g_ptr_array_index (block->rows, r - 1))[c];
          g_autoptr(PangoLayout) probe = probe_layout (self, text, r == 0);

          natural[c] = MAX (natural[c], natural_width (probe) + 2 * CELL_PAD);
          /* Wrapped at every word, a layout is as wide as its widest word. */
          pango_layout_set_wrap (probe, PANGO_WRAP_WORD);
          pango_layout_set_width (probe, 1);
          minimum[c] = MAX (minimum[c], natural_width (probe) + 2 * CELL_PAD);
        }
      minimum[c] = MIN (minimum[c], available * 0.3);
      natural[c] = MAX (natural[c], minimum[c]);
      sum_min += minimum[c];
      sum_extra += natural[c] - minimum[c];
    }
  for (guint c = 0; c < block->n_columns; c++)
    {
      double spare = available - sum_min;

      table->x[c] = x;
      if (spare <= 0)
        table->width[c] = available * minimum[c] / sum_min;
      else if (sum_extra <= spare)
        table->width[c] = natural[c] + (spare - sum_extra) / block->n_columns;
      else
        table->width[c] = minimum[c] + spare * (natural[c] - minimum[c]) / sum_extra;
      x += table->width[c];
      table->header[c] = make_layout (self, block->columns[c], TABLE_FONT, PANGO_WEIGHT_BOLD,
                                      PANGO_STYLE_NORMAL, table->width[c] - 2 * CELL_PAD);
    }
  g_ptr_array_add (self->tables, table);
  return table;
}

static double
row_height (TableGeometry *table,
            PangoLayout  **cells)
{
  double height = 0;

  for (guint c = 0; c < table->n_columns; c++)
    height = MAX (height, layout_height (cells != NULL ? cells[c] : table->header[c]));
  return height + 2 * CELL_PAD;
}

/* A long paragraph or quote as one piece a line (its source after it, kept with its last line),
 * so that it can go on over a page break. */
static void
add_lines (WaymarkPaperLayout *self,
           GArray             *pieces,
           const Piece        *whole)
{
  PangoLayoutIter *iter = pango_layout_get_iter (whole->text);
  int n_lines = pango_layout_get_line_count (whole->text);

  for (int i = 0; i < n_lines; i++, pango_layout_iter_next_line (iter))
    {
      Piece line = *whole;
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.line = i;
      line.source = NULL;
      line.space_before = i == 0 ? whole->space_before : 0;
      line.height = (double) logical.height / PANGO_SCALE;
      line.keep_with_next = whole->source != NULL && i == n_lines - 1;
      add_piece (self, pieces, &line);
    }
  pango_layout_iter_free (iter);
  if (whole->source != NULL)
    {
      Piece source = *whole;

      source.text = whole->source;
      source.source = NULL;
      source.grey = TRUE;
      source.space_before = 2;
      source.height = layout_height (whole->source);
      add_piece (self, pieces, &source);
    }
}

/* Draws line `index` of layout with its top at x, y. */
static void
show_line (cairo_t     *cr,
           PangoLayout *layout,
           int          index,
           double       x,
           double       y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle logical;
  int baseline;

  for (int i = 0; i < index; i++)
    pango_layout_iter_next_line (iter);
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  baseline = pango_layout_iter_get_baseline (iter);
  cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                 y + (double) (baseline - logical.y) / PANGO_SCALE);
  pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
  pango_layout_iter_free (iter);
}

/* Every block as pieces that do not break across pages, before pagination. */
static GArray *
make_pieces (WaymarkPaperLayout *self)
{
  GArray *pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  double width = text_width (self);

  for (guint i = 0; i < self->paper->blocks->len; i++)
    {
      const WaymarkPaperBlock *block = g_ptr_array_index (self->paper->blocks, i);
      Piece piece = { .block = block };

      switch (block->kind)
        {
        case WAYMARK_PAPER_BLOCK_HEADING:
          piece.kind = PIECE_TEXT;
          piece.line = -1;
          piece.text = make_layout (self, block->text,
                                    block->level == 1 ? "Sans 17" : block->level == 2 ? "Sans 12.5"
                                                                                       : "Sans 10",
                                    PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, width);
          piece.keep_with_next = TRUE;
          piece.break_before = block->level == 1;
          piece.space_before = block->level == 1 ? 0 : block->level == 2 ? 14 : 8;
          piece.height = layout_height (piece.text) + 4;
          add_piece (self, pieces, &piece);
          break;

        case WAYMARK_PAPER_BLOCK_PARAGRAPH:
        case WAYMARK_PAPER_BLOCK_QUOTE:
          {
            gboolean quote = block->kind == WAYMARK_PAPER_BLOCK_QUOTE;

            piece.kind = PIECE_TEXT;
            piece.line = -1;
            piece.indent = quote ? 18 : 0;
            piece.text = make_layout (self, block->text, BODY_FONT, PANGO_WEIGHT_NORMAL,
                                      quote ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL,
                                      width - 2 * piece.indent);
            if (quote)
              piece.source = make_layout (self, block->source, SMALL_FONT, PANGO_WEIGHT_NORMAL,
                                          PANGO_STYLE_NORMAL, width - 2 * piece.indent);
            piece.space_before = 5;
            if (layout_height (piece.text) <= SPLIT_HEIGHT)
              {
                piece.height = layout_height (piece.text)
                               + (quote ? 2 + layout_height (piece.source) : 0);
                add_piece (self, pieces, &piece);
                break;
              }
            add_lines (self, pieces, &piece);
          }
          break;

        case WAYMARK_PAPER_BLOCK_TABLE:
          {
            TableGeometry *table = measure_table (self, block);

            if (block->text != NULL)
              {
                Piece caption = { .kind = PIECE_TEXT, .block = block, .line = -1,
                                  .keep_with_next = TRUE, .space_before = 8 };

                caption.text = make_layout (self, block->text, BODY_FONT, PANGO_WEIGHT_BOLD,
                                            PANGO_STYLE_NORMAL, width);
                caption.height = layout_height (caption.text) + 2;
                add_piece (self, pieces, &caption);
              }
            piece.kind = PIECE_ROW;
            piece.table = table;
            piece.header = TRUE;
            piece.keep_with_next = TRUE;
            piece.space_before = block->text != NULL ? 0 : 8;
            piece.height = row_height (table, NULL);
            add_piece (self, pieces, &piece);
            for (guint r = 0; r < block->rows->len; r++)
              {
                char **cells = g_ptr_array_index (block->rows, r);
                Piece row = { .kind = PIECE_ROW, .block = block, .table = table };

                row.cells = g_new0 (PangoLayout *, block->n_columns);
                for (guint c = 0; c < block->n_columns; c++)
                  row.cells[c] = make_layout (self, cells[c], TABLE_FONT, PANGO_WEIGHT_NORMAL,
                                              PANGO_STYLE_NORMAL, table->width[c] - 2 * CELL_PAD);
                row.height = row_height (table, row.cells);
                add_piece (self, pieces, &row);
              }
          }
          break;

        case WAYMARK_PAPER_BLOCK_CHART:
          piece.kind = PIECE_CHART;
          piece.space_before = 8;
          piece.height = waymark_paper_chart_get_height (block);
          add_piece (self, pieces, &piece);
          break;

        default:
          g_assert_not_reached ();
        }
    }
  return pieces;
}

static void
paginate (WaymarkPaperLayout *self,
          GArray             *pieces)
{
  double top = self->margin;
  double bottom = self->height - self->margin - FOOTER_HEIGHT;
  guint page = 1;
  double y = top;
  const Piece *table_header = NULL;

  self->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  self->headings = g_array_new (FALSE, TRUE, sizeof (WaymarkPaperHeadingPlace));
  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);
      double need = piece->space_before + piece->height;
      gboolean new_page = FALSE;

      if (piece->kind == PIECE_ROW && piece->header)
        table_header = piece;
      else if (piece->kind != PIECE_ROW)
        table_header = NULL;

      /* A heading, a caption or a table's header stays with what follows it. */
      for (guint j = i; j < pieces->len && g_array_index (pieces, Piece, j).keep_with_next; j++)
        if (j + 1 < pieces->len)
          need += g_array_index (pieces, Piece, j + 1).space_before
                  + g_array_index (pieces, Piece, j + 1).height;

      if (piece->break_before && y > top)
        new_page = TRUE;
      else if (y + need > bottom && y > top)
        new_page = TRUE;

      if (new_page)
        {
          page++;
          y = top;
          /* A table that goes on to a new page repeats its header there. */
          if (piece->kind == PIECE_ROW && !piece->header && table_header != NULL)
            {
              Piece repeat = *table_header;

              repeat.page = page;
              repeat.y = y;
              repeat.space_before = 0;
              g_array_append_val (self->pieces, repeat);
              y += repeat.height;
            }
        }
      else if (y > top)
        y += piece->space_before;

      piece->page = page;
      piece->y = y;
      y += piece->height;
      g_array_append_val (self->pieces, *piece);
      if (piece->kind == PIECE_TEXT && piece->block->kind == WAYMARK_PAPER_BLOCK_HEADING
          && piece->block->level <= 2)
        {
          WaymarkPaperHeadingPlace place = { piece->block->level, piece->block->text, page,
                                             piece->y };

          g_array_append_val (self->headings, place);
        }
    }
  self->n_pages = page + 1;
}

WaymarkPaperLayout *
waymark_paper_layout_new (WaymarkBoardPaper *paper,
                          PangoContext      *context,
                          double             width,
                          double             height,
                          double             margin)
{
  WaymarkPaperLayout *self;
  g_autoptr(GArray) pieces = NULL;

  g_return_val_if_fail (paper != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (width > 2 * margin + 100 && height > 2 * margin + 100, NULL);

  self = g_new0 (WaymarkPaperLayout, 1);
  self->paper = paper;
  self->context = g_object_ref (context);
  self->width = width;
  self->height = height;
  self->margin = margin;
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_geometry_free);
  pieces = make_pieces (self);
  paginate (self, pieces);
  return self;
}

void
waymark_paper_layout_free (WaymarkPaperLayout *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->pieces->len; i++)
    {
      Piece *piece = &g_array_index (self->pieces, Piece, i);

      /* A repeated header shares nothing it owns; a row owns its cells' array. */
      if (piece->kind == PIECE_ROW && !piece->header)
        g_free (piece->cells);
    }
  g_array_unref (self->pieces);
  g_array_unref (self->headings);
  g_ptr_array_unref (self->layouts);
  g_ptr_array_unref (self->tables);
  g_object_unref (self->context);
  g_free (self);
}

guint
waymark_paper_layout_get_n_pages (WaymarkPaperLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

GArray *
waymark_paper_layout_get_headings (WaymarkPaperLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->headings;
}

/* Draws text at x, y in a box `width` wide; returns its height. */
static double
show_text (WaymarkPaperLayout *self,
           cairo_t            *cr,
           const char         *text,
           const char         *font,
           PangoWeight         weight,
           double              x,
           double              y,
           double              width,
           PangoAlignment      alignment)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_font_description_set_weight (description, weight);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return layout_height (layout);
}

/* A line of the title page, full width, at y; returns where the next one goes. Nothing for an
 * empty text (an organisation the plan does not give). */
static double
title_line (WaymarkPaperLayout *self,
            cairo_t            *cr,
            const char         *text,
            const char         *font,
            PangoWeight         weight,
            double              y)
{
  if (text == NULL || *text == '\0')
    return y;
  return y + show_text (self, cr, text, font, weight, self->margin, y, text_width (self),
                        PANGO_ALIGN_LEFT) + 8;
}

static void
draw_title_page (WaymarkPaperLayout *self,
                 cairo_t            *cr)
{
  WaymarkBoardPaper *paper = self->paper;
  double y = self->height * 0.22;

  cairo_set_source_rgb (cr, 0.16, 0.31, 0.52);
  cairo_rectangle (cr, self->margin, y - 20, text_width (self), 4);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y = title_line (self, cr, paper->title, "Sans 24", PANGO_WEIGHT_BOLD, y);
  y = title_line (self, cr, paper->subtitle, "Sans 14", PANGO_WEIGHT_NORMAL, y);
  y += 18;
  y = title_line (self, cr, paper->area, "Sans 11", PANGO_WEIGHT_NORMAL, y);
  y = title_line (self, cr, paper->organisation, "Sans 11", PANGO_WEIGHT_NORMAL, y);
  y = title_line (self, cr, paper->author, "Sans 11", PANGO_WEIGHT_NORMAL, y);
  y = title_line (self, cr, paper->date, "Sans 11", PANGO_WEIGHT_NORMAL, y);
  y = title_line (self, cr, paper->period, "Sans 11", PANGO_WEIGHT_NORMAL, y);
  y += 24;

  y = title_line (self, cr, _("Contents"), "Sans 12", PANGO_WEIGHT_BOLD, y);
  for (guint i = 0; i < self->headings->len; i++)
    {
      WaymarkPaperHeadingPlace *place = &g_array_index (self->headings, WaymarkPaperHeadingPlace, i);
      g_autofree char *number = NULL;

      if (place->level != 1)
        continue;
      number = g_strdup_printf ("%u", place->page + 1);
      show_text (self, cr, place->text, "Sans 10", PANGO_WEIGHT_NORMAL, self->margin, y,
                 text_width (self) - 40, PANGO_ALIGN_LEFT);
      show_text (self, cr, number, "Sans 10", PANGO_WEIGHT_NORMAL, self->margin, y,
                 text_width (self), PANGO_ALIGN_RIGHT);
      y += 16;
    }
  y += 18;
  title_line (self, cr, paper->catalogue, SMALL_FONT, PANGO_WEIGHT_NORMAL, y);
}

static void
draw_row (WaymarkPaperLayout *self,
          cairo_t            *cr,
          const Piece        *piece)
{
  TableGeometry *table = piece->table;
  double x0 = self->margin;

  if (piece->header)
    {
      cairo_set_source_rgb (cr, 0.88, 0.91, 0.95);
      cairo_rectangle (cr, x0, piece->y, text_width (self), piece->height);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c < table->n_columns; c++)
    {
      PangoLayout *cell = piece->header ? table->header[c] : piece->cells[c];

      cairo_move_to (cr, x0 + table->x[c] + CELL_PAD, piece->y + CELL_PAD);
      pango_cairo_show_layout (cr, cell);
    }
  cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x0, piece->y + piece->height);
  cairo_line_to (cr, x0 + text_width (self), piece->y + piece->height);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

void
waymark_paper_layout_draw_page (WaymarkPaperLayout *self,
                                cairo_t            *cr,
                                guint               page)
{
  g_autofree char *footer = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (page == 0)
    draw_title_page (self, cr);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);

      if (piece->page != page)
        continue;
      switch (piece->kind)
        {
        case PIECE_TEXT:
          if (piece->block->kind == WAYMARK_PAPER_BLOCK_QUOTE && !piece->grey)
            {
              cairo_set_source_rgb (cr, 0.16, 0.31, 0.52);
              cairo_rectangle (cr, self->margin + piece->indent - 8, piece->y, 2, piece->height);
              cairo_fill (cr);
              cairo_set_source_rgb (cr, 0, 0, 0);
            }
          if (piece->grey)
            cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
          if (piece->line >= 0)
            show_line (cr, piece->text, piece->line, self->margin + piece->indent, piece->y);
          else
            {
              cairo_move_to (cr, self->margin + piece->indent, piece->y);
              pango_cairo_show_layout (cr, piece->text);
            }
          cairo_set_source_rgb (cr, 0, 0, 0);
          if (piece->source != NULL)
            {
              cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
              cairo_move_to (cr, self->margin + piece->indent,
                             piece->y + layout_height (piece->text) + 2);
              pango_cairo_show_layout (cr, piece->source);
              cairo_set_source_rgb (cr, 0, 0, 0);
            }
          break;
        case PIECE_ROW:
          draw_row (self, cr, piece);
          break;
        case PIECE_CHART:
          waymark_paper_chart_draw (piece->block, cr, self->context, self->margin, piece->y,
                                    text_width (self));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* TRANSLATORS: the foot of each page of the board paper: "Page 3 of 12" */
  footer = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  show_text (self, cr, self->paper->title, SMALL_FONT, PANGO_WEIGHT_NORMAL, self->margin,
             self->height - self->margin - 10, text_width (self) * 0.7, PANGO_ALIGN_LEFT);
  show_text (self, cr, footer, SMALL_FONT, PANGO_WEIGHT_NORMAL, self->margin,
             self->height - self->margin - 10, text_width (self), PANGO_ALIGN_RIGHT);
  cairo_restore (cr);
}

double
waymark_paper_chart_get_height (const WaymarkPaperBlock *block)
{
  g_return_val_if_fail (block != NULL && block->kind == WAYMARK_PAPER_BLOCK_CHART, 0);
  return CHART_TOP + block->bars->len * (BAR_HEIGHT + BAR_GAP) + 4;
}

void
waymark_paper_chart_draw (const WaymarkPaperBlock *block,
                          cairo_t                 *cr,
                          PangoContext            *context,
                          double                   x,
                          double                   y,
                          double                   width)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (SMALL_FONT);
  /* The value's column holds the widest a range can be ("£191,259.40 to £195,259.40"). */
  double label_width = width * 0.28;
  double value_width = width * 0.3;
  double bar_width = width - label_width - value_width - 8;
  gint64 largest = 1;

  g_return_if_fail (block != NULL && block->kind == WAYMARK_PAPER_BLOCK_CHART);

  for (guint i = 0; i < block->bars->len; i++)
    largest = MAX (largest, g_array_index (block->bars, WaymarkPaperBar, i).high);

  cairo_save (cr);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* Its title is the heading above it (and the picture's title in the ODT). */
  y += CHART_TOP;
  for (guint i = 0; i < block->bars->len; i++)
    {
      const WaymarkPaperBar *bar = &g_array_index (block->bars, WaymarkPaperBar, i);
      g_autofree char *low = waymark_money_format_for_export (bar->low, WAYMARK_CURRENCY_GBP);
      g_autofree char *value = NULL;
      double bx = x + label_width + 4;
      double low_w = bar_width * (double) bar->low / (double) largest;
      double high_w = bar_width * (double) bar->high / (double) largest;

      if (bar->low == bar->high)
        value = g_steal_pointer (&low);
      else
        {
          g_autofree char *high = waymark_money_format_for_export (bar->high, WAYMARK_CURRENCY_GBP);

          value = g_strdup_printf (_("%s to %s"), low, high);
        }

      cairo_set_source_rgb (cr, 0, 0, 0);
      pango_layout_set_width (layout, (int) (label_width * PANGO_SCALE));
      pango_layout_set_text (layout, bar->label, -1);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);

      cairo_set_source_rgb (cr, 0.66, 0.76, 0.88);
      cairo_rectangle (cr, bx, y + 1, MAX (high_w, 1), BAR_HEIGHT - 2);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.16, 0.31, 0.52);
      cairo_rectangle (cr, bx, y + 1, MAX (low_w, 1), BAR_HEIGHT - 2);
      cairo_fill (cr);

      cairo_set_source_rgb (cr, 0, 0, 0);
      pango_layout_set_width (layout, (int) (value_width * PANGO_SCALE));
      pango_layout_set_text (layout, value, -1);
      cairo_move_to (cr, bx + bar_width + 4, y);
      pango_cairo_show_layout (cr, layout);
      y += BAR_HEIGHT + BAR_GAP;
    }
  cairo_restore (cr);
}
