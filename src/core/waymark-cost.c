/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-cost.h"
#include "waymark-money.h"

G_DEFINE_BOXED_TYPE (WaymarkCost, waymark_cost, waymark_cost_copy, waymark_cost_free)

WaymarkCost *
waymark_cost_new (gint64               low_minor,
                  gint64               high_minor,
                  WaymarkCurrency      currency,
                  WaymarkCostQualifier qualifier,
                  const char          *basis,
                  const char          *as_written)
{
  WaymarkCost *self;

  g_return_val_if_fail (low_minor >= 0 && low_minor <= high_minor, NULL);

  self = g_new0 (WaymarkCost, 1);
  self->low_minor = low_minor;
  self->high_minor = high_minor;
  self->currency = currency;
  self->qualifier = qualifier;
  self->basis = g_strdup (basis);
  self->as_written = g_strdup (as_written);

  return self;
}

WaymarkCost *
waymark_cost_copy (const WaymarkCost *self)
{
  WaymarkCost *copy = waymark_cost_new (self->low_minor, self->high_minor, self->currency,
                                        self->qualifier, self->basis, self->as_written);

  copy->waymarks_reading = g_strdup (self->waymarks_reading);
  return copy;
}

void
waymark_cost_free (WaymarkCost *self)
{
  if (self == NULL)
    return;

  g_free (self->basis);
  g_free (self->as_written);
  g_free (self->waymarks_reading);
  g_free (self);
}

gboolean
waymark_cost_is_range (const WaymarkCost *self)
{
  return self->low_minor != self->high_minor;
}

static char *
format_amount_and_basis (const WaymarkCost *self,
                         char            *(*format_money) (gint64, WaymarkCurrency))
{
  g_autofree char *low = format_money (self->low_minor, self->currency);
  g_autofree char *amount = NULL;

  if (waymark_cost_is_range (self))
    {
      g_autofree char *high = format_money (self->high_minor, self->currency);
      /* Translators: a range of money, "£60–£100" */
      amount = g_strdup_printf (_("%s–%s"), low, high);
    }
  else
    amount = g_steal_pointer (&low);

  switch (self->qualifier)
    {
    case WAYMARK_COST_QUALIFIER_FROM:
      /* Translators: "from £375 per session"; the basis is the review's own words */
      return g_strdup_printf (_("from %s %s"), amount, self->basis);
    case WAYMARK_COST_QUALIFIER_AROUND:
      /* Translators: "around £60–£100 per session" */
      return g_strdup_printf (_("around %s %s"), amount, self->basis);
    case WAYMARK_COST_QUALIFIER_NONE:
    default:
      /* Translators: "£2,400 per perpetrator" */
      return g_strdup_printf (_("%s %s"), amount, self->basis);
    }
}

/* A unit the review does not write is never passed off as the review's. */
static char *
format_cost (const WaymarkCost *self,
             char            *(*format_money) (gint64, WaymarkCurrency))
{
  g_autofree char *text = format_amount_and_basis (self, format_money);

  if (self->waymarks_reading == NULL)
    return g_steal_pointer (&text);
  /* Translators: "$395 per book (the unit is Waymark’s reading)": the review gives the figure,
   * Waymark worded its unit */
  return g_strdup_printf (_("%s (the unit is Waymark’s reading)"), text);
}

char *
waymark_cost_format (const WaymarkCost *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return format_cost (self, waymark_money_format);
}

char *
waymark_cost_format_for_export (const WaymarkCost *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return format_cost (self, waymark_money_format_for_export);
}
