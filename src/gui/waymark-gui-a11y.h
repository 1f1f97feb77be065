/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Accessible names as a screen reader should say them (issue 13). GTK 4.8 joins a widget's
 * accessible label and the labels it is labelled by with a space, and a button made with a
 * mnemonic exposes its raw label: "_Add to Plan Add to Plan". */

/* The button's name is its label's text, without the mnemonic, now and whenever the label
 * changes. */
void waymark_a11y_name_button_from_label (GtkButton *button);

/* The widget's name is its own accessible label only: drops the labelled-by relation that an
 * AdwActionRow (activatable widget) or a mnemonic label adds to it. */
void waymark_a11y_name_only_by_label     (GtkWidget  *widget,
                                          const char *label);

/* Names every widget of `type` below `root` (root included): for parts a library builds
 * unnamed inside its widget, such as the AdwViewSwitcher inside an AdwViewSwitcherTitle, the
 * button inside a GtkDropDown or the scrolled window inside an AdwStatusPage. */
void waymark_a11y_name_parts             (GtkWidget  *root,
                                          GType       type,
                                          const char *label);

/* waymark_a11y_name_button_from_label for every button below `root` that has a mnemonic: for
 * the buttons a template builds. */
void waymark_a11y_name_mnemonic_buttons  (GtkWidget  *root);

/* Names the list in the popover of an AdwComboRow after the row's title. */
void waymark_a11y_name_combo_row_list    (AdwComboRow *row);

/* Names the scrolled window libadwaita 1.2 builds inside each AdwStatusPage below `root` after
 * the page's title: it takes the focus when the page has nothing else that does. */
void waymark_a11y_name_status_pages      (GtkWidget  *root);

G_END_DECLS
