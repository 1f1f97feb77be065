/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-catalogue.h"

G_BEGIN_DECLS

/* A comparison needs two columns to say anything, and more than six no longer fit on a
 * projector. */
#define WAYMARK_COMPARISON_MIN 2
#define WAYMARK_COMPARISON_MAX 6

#define WAYMARK_COMPARISON_ERROR (waymark_comparison_error_quark ())

typedef enum
{
  WAYMARK_COMPARISON_ERROR_FULL,
  WAYMARK_COMPARISON_ERROR_EXISTS,
  WAYMARK_COMPARISON_ERROR_NOT_FOUND,
} WaymarkComparisonError;

/* The attribute rows, in the order they are shown. */
typedef enum
{
  WAYMARK_COMPARISON_ROW_LEVEL,
  WAYMARK_COMPARISON_ROW_FOCUS,
  WAYMARK_COMPARISON_ROW_WORKS_WITH,
  WAYMARK_COMPARISON_ROW_EVIDENCE,
  WAYMARK_COMPARISON_ROW_IMPACT,
  WAYMARK_COMPARISON_ROW_EVIDENCE_BASIS,
  WAYMARK_COMPARISON_ROW_COST,
  WAYMARK_COMPARISON_ROW_COST_BENEFIT,
  WAYMARK_COMPARISON_ROW_COHORT,
  WAYMARK_COMPARISON_ROW_DELIVERY,
  WAYMARK_COMPARISON_ROW_LLR,
  WAYMARK_COMPARISON_ROW_ORGANISATIONS,
  WAYMARK_COMPARISON_ROW_REFERENCES,
  WAYMARK_COMPARISON_N_ROWS,
} WaymarkComparisonRowKind;

/* One attribute across the columns. */
typedef struct
{
  WaymarkComparisonRowKind  kind;
  const char               *key;      /* stable: "evidence", "cost"... */
  const char               *label;    /* for people, translated */
  char                    **cells;    /* one per column, never NULL */
  gboolean                  differs;  /* the cells do not all say the same */
  /* Bit i set: column i holds the best value of the row (strongest evidence, highest impact,
   * lowest comparable cost); ties are all set. */
  guint                     best;
  const char               *best_label; /* "Strongest evidence"; NULL for rows not ranked */
  /* Why a row that could be ranked is not (costs in different currencies or bases). */
  char                     *note;
} WaymarkComparisonRow;

void waymark_comparison_row_free (WaymarkComparisonRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkComparisonRow, waymark_comparison_row_free)

#define WAYMARK_TYPE_COMPARISON (waymark_comparison_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkComparison, waymark_comparison, WAYMARK, COMPARISON, GObject)

GQuark              waymark_comparison_error_quark   (void);

/* An ordered set of up to WAYMARK_COMPARISON_MAX interventions of `catalogue`; a GListModel of
 * WaymarkIntervention, one item per column. */
WaymarkComparison  *waymark_comparison_new           (WaymarkCatalogue  *catalogue);

WaymarkCatalogue   *waymark_comparison_get_catalogue (WaymarkComparison *self);
/* Keeps the columns the new catalogue also holds, in their order. */
void                waymark_comparison_set_catalogue (WaymarkComparison *self,
                                                      WaymarkCatalogue  *catalogue);
gboolean            waymark_comparison_contains      (WaymarkComparison *self,
                                                      const char        *id);
/* Appends a column; refuses a seventh, an id already there, or one not in the catalogue. */
gboolean            waymark_comparison_add           (WaymarkComparison *self,
                                                      const char        *id,
                                                      GError           **error);
/* Appends the columns not there yet, in the order given, as one change: all or nothing. Refuses
 * when an id is not in the catalogue or the columns would pass the limit. `n_added` (may be
 * NULL) is how many were new. */
gboolean            waymark_comparison_add_many      (WaymarkComparison  *self,
                                                      const char * const *ids,
                                                      guint              *n_added,
                                                      GError            **error);
gboolean            waymark_comparison_remove        (WaymarkComparison *self,
                                                      const char        *id);
/* Moves a column one place left (offset -1) or right (+1); FALSE at an edge. */
gboolean            waymark_comparison_move          (WaymarkComparison *self,
                                                      const char        *id,
                                                      int                offset);
/* Moves a column to `position` (clamped to the last), shifting those between: what a drag
 * needs. FALSE when the id is unknown or already there. */
gboolean            waymark_comparison_move_to       (WaymarkComparison *self,
                                                      const char        *id,
                                                      guint              position);
void                waymark_comparison_clear         (WaymarkComparison *self);
/* The column ids in order (owned). */
char              **waymark_comparison_dup_ids       (WaymarkComparison *self);
/* Replaces the columns, skipping ids that are unknown, repeated or beyond the limit: what a
 * restore from saved settings needs. */
void                waymark_comparison_set_ids       (WaymarkComparison  *self,
                                                      const char * const *ids);

/* Element type WaymarkComparisonRow, WAYMARK_COMPARISON_N_ROWS of them in order; for people,
 * so money follows the locale's digit separators. */
GPtrArray          *waymark_comparison_build_rows    (WaymarkComparison *self);
/* The table as CSV: a header row of names, one row per attribute; RFC 4180, CRLF, a UTF-8
 * byte-order mark, free text neutralised against formula injection (as the plan export), money
 * as the review writes it ("£2,400") in every locale. */
char               *waymark_comparison_to_csv        (WaymarkComparison *self);

/* The short line the ratings rest on: the evidence text's first sentence. */
char               *waymark_comparison_summarise_evidence (const char *evidence);

G_END_DECLS
