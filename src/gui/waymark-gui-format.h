/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Money for people in the plan's views: "£2,400", or "£60 – £100" when low and high differ.
 * Arithmetic stays in the core; these only say the figures. */
char *waymark_format_money_range (gint64 low,
                                  gint64 high);
/* A unit cost in pounds as it is typed back: "£2,400", "£2,970.50"; "" for no cost. */
char *waymark_format_unit_cost   (gint64 pence);
/* "28,360": a count of people as the review writes one, with commas in every locale. */
char *waymark_format_count       (guint64 count);

/* A toast showing `text` as it is. libadwaita 1.2 reads a toast's title as Pango markup, and a
 * title often quotes a name or a message from a file: never markup (issue 11, finding 3).
 * Its button label takes no mnemonic ("Undo", not "_Undo"): libadwaita 1.2 exposes such a
 * button to a screen reader as "_Undo Undo", and keeps the button out of our reach. */
AdwToast *waymark_toast_new_for_text (const char *text);

/* A mark of a comparison: an icon and short words together, so the meaning never rests on colour
 * alone; the icon hidden from screen readers, the box with the classes "compare-mark" and
 * css_class. The words do not wrap (a wrapping label beside an icon measures inconsistently on
 * GTK 4.8): longer explanations go in a label of their own. */
GtkWidget *waymark_mark_new      (const char *icon_name,
                                  const char *text,
                                  const char *css_class);

G_END_DECLS
