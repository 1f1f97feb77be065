/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* An item's own figures for the years of a plan after the first (issue 16). The item's quantity
 * and unit cost are its first year's; every later year follows them unless it has its own
 * quantity, its own unit cost, or both, recorded here (local figures, as entered: the plan's
 * uplift is applied on top, waymark_plan_get_item_year()). An immutable value: the item holds
 * one as its "year-figures" property and an edit makes a new one, so that undo puts back the
 * one before. NULL is the empty value: every year follows the first. */
typedef struct _WaymarkYearFigures WaymarkYearFigures;

/* One year's own figures. A unit cost of its own may be none (both WAYMARK_NO_COST). */
typedef struct
{
  gboolean own_quantity;
  guint    quantity;
  gboolean own_cost;
  gint64   unit_low;
  gint64   unit_high;
} WaymarkYearFigure;

#define WAYMARK_TYPE_YEAR_FIGURES (waymark_year_figures_get_type ())
GType               waymark_year_figures_get_type (void) G_GNUC_CONST;

WaymarkYearFigures *waymark_year_figures_ref      (WaymarkYearFigures       *self);
void                waymark_year_figures_unref    (WaymarkYearFigures       *self);
/* The year of index (1 or more) has figures of its own: *figure is them. FALSE (and *figure
 * all zero) when it follows the first year; self may be NULL. */
gboolean            waymark_year_figures_get      (const WaymarkYearFigures *self,
                                                   guint                     index,
                                                   WaymarkYearFigure        *figure);
/* One more than the last year index with figures of its own; 1 (or 0 for NULL) when none. */
guint               waymark_year_figures_get_end  (const WaymarkYearFigures *self);
/* A new value (NULL when empty): self with year index's own figures replaced by figure, or
 * removed (the year follows the first) for NULL or a figure owning neither. index 1 or more. */
WaymarkYearFigures *waymark_year_figures_with     (const WaymarkYearFigures *self,
                                                   guint                     index,
                                                   const WaymarkYearFigure  *figure);
/* A new value (NULL when empty): only the years before n_years; then, when from_index is
 * below n_years - 1, the years after from_index up to n_years - 1 given from_index's figures
 * (what a plan that grows does: its new years copy its last). */
WaymarkYearFigures *waymark_year_figures_resize   (const WaymarkYearFigures *self,
                                                   guint                     n_years,
                                                   guint                     from_index);
/* NULL is the empty value. */
gboolean            waymark_year_figures_equal    (const WaymarkYearFigures *a,
                                                   const WaymarkYearFigures *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkYearFigures, waymark_year_figures_unref)

G_END_DECLS
