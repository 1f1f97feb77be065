/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "waymark-gui-format.h"
#include "waymark-money.h"
#include "waymark-plan-item.h"

char *
waymark_format_money_range (gint64 low,
                            gint64 high)
{
  g_autofree char *low_text = waymark_money_format (low, WAYMARK_CURRENCY_GBP);
  g_autofree char *high_text = NULL;

  if (high <= low)
    return g_steal_pointer (&low_text);

  high_text = waymark_money_format (high, WAYMARK_CURRENCY_GBP);
  /* A range keeps together: broken at its dash, the dash ends a line and reads as a hyphen
   * (issue 13). A line may break after a dash even before a no-break space, so a word joiner
   * (U+2060) follows it. */
  /* Translators: a range of money, "£60 – £100". The spaces either side of the dash are
   * no-break spaces (U+00A0), and an invisible word joiner (U+2060) follows the dash: please
   * keep them, so that a range is never broken across two lines */
  return g_strdup_printf (_("%s\xc2\xa0–\xe2\x81\xa0\xc2\xa0%s"), low_text, high_text);
}

char *
waymark_format_unit_cost (gint64 pence)
{
  if (pence == WAYMARK_NO_COST)
    return g_strdup ("");

  return waymark_money_format (pence, WAYMARK_CURRENCY_GBP);
}

AdwToast *
waymark_toast_new_for_text (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

char *
waymark_format_count (guint64 count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, count);
  gsize n = strlen (digits);
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

GtkWidget *
waymark_mark_new (const char *icon_name,
                  const char *text,
                  const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (text);

  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "compare-mark");
  gtk_widget_add_css_class (box, css_class);
  return box;
}
