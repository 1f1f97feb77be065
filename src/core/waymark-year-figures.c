/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "waymark-year-figures.h"

struct _WaymarkYearFigures
{
  gatomicrefcount    ref_count;
  guint              n;         /* figures[i] is year index i + 1; figures[n - 1] owns something */
  WaymarkYearFigure *figures;
};

G_DEFINE_BOXED_TYPE (WaymarkYearFigures, waymark_year_figures, waymark_year_figures_ref,
                     waymark_year_figures_unref)

static gboolean
owns_something (const WaymarkYearFigure *figure)
{
  return figure != NULL && (figure->own_quantity || figure->own_cost);
}

/* Takes figures (n of them), trimming the years at the end that own nothing; NULL if none do. */
static WaymarkYearFigures *
make (WaymarkYearFigure *figures,
      guint              n)
{
  WaymarkYearFigures *self;

  while (n > 0 && !owns_something (&figures[n - 1]))
    n--;
  if (n == 0)
    {
      g_free (figures);
      return NULL;
    }

  self = g_new0 (WaymarkYearFigures, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->n = n;
  self->figures = figures;
  return self;
}

WaymarkYearFigures *
waymark_year_figures_ref (WaymarkYearFigures *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
waymark_year_figures_unref (WaymarkYearFigures *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->figures);
  g_free (self);
}

gboolean
waymark_year_figures_get (const WaymarkYearFigures *self,
                          guint                     index,
                          WaymarkYearFigure        *figure)
{
  memset (figure, 0, sizeof *figure);
  if (self == NULL || index == 0 || index > self->n || !owns_something (&self->figures[index - 1]))
    return FALSE;

  *figure = self->figures[index - 1];
  /* What a year does not own is not its figure: zero, so equal values read back equal. */
  if (!figure->own_quantity)
    figure->quantity = 0;
  if (!figure->own_cost)
    figure->unit_low = figure->unit_high = 0;
  return TRUE;
}

guint
waymark_year_figures_get_end (const WaymarkYearFigures *self)
{
  return self != NULL ? self->n + 1 : 0;
}

static WaymarkYearFigure *
copy_figures (const WaymarkYearFigures *self,
              guint                     n)
{
  WaymarkYearFigure *figures = g_new0 (WaymarkYearFigure, MAX (n, 1));

  for (guint i = 0; self != NULL && i < MIN (n, self->n); i++)
    waymark_year_figures_get (self, i + 1, &figures[i]);
  return figures;
}

WaymarkYearFigures *
waymark_year_figures_with (const WaymarkYearFigures *self,
                           guint                     index,
                           const WaymarkYearFigure  *figure)
{
  guint n = MAX (self != NULL ? self->n : 0, index);
  WaymarkYearFigure *figures;

  g_return_val_if_fail (index >= 1, NULL);

  figures = copy_figures (self, n);
  memset (&figures[index - 1], 0, sizeof figures[index - 1]);
  if (owns_something (figure))
    {
      figures[index - 1] = *figure;
      if (!figure->own_quantity)
        figures[index - 1].quantity = 0;
      if (!figure->own_cost)
        figures[index - 1].unit_low = figures[index - 1].unit_high = 0;
    }
  return make (figures, n);
}

WaymarkYearFigures *
waymark_year_figures_resize (const WaymarkYearFigures *self,
                             guint                     n_years,
                             guint                     from_index)
{
  guint n = n_years > 0 ? n_years - 1 : 0;
  WaymarkYearFigure *figures = copy_figures (self, n);
  WaymarkYearFigure from;

  if (from_index < n)
    {
      /* A year that follows the first gives followers: nothing of their own. */
      waymark_year_figures_get (self, from_index, &from);
      for (guint i = from_index; i < n; i++)
        figures[i] = from;
    }
  return make (figures, n);
}

gboolean
waymark_year_figures_equal (const WaymarkYearFigures *a,
                            const WaymarkYearFigures *b)
{
  guint end = MAX (waymark_year_figures_get_end (a), waymark_year_figures_get_end (b));

  for (guint i = 1; i < end; i++)
    {
      WaymarkYearFigure fa, fb;

      if (waymark_year_figures_get (a, i, &fa) != waymark_year_figures_get (b, i, &fb) ||
          fa.own_quantity != fb.own_quantity || fa.quantity != fb.quantity ||
          fa.own_cost != fb.own_cost || fa.unit_low != fb.unit_low ||
          fa.unit_high != fb.unit_high)
        return FALSE;
    }
  return TRUE;
}
