/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Helpers every test program shares (GLib only: the core tests and the UI tests link them). */

/* `text` with the first `from` replaced by `to`; the test fails if `from` is not in it. */
char  *test_replace_once (const char *text,
                          const char *from,
                          const char *to);

/* Removes a temporary folder and the files in it (one level: the tests make no deeper ones). */
void   test_remove_tree  (const char *dir);

/* A whole number from the environment (a seed, a number of steps), or `fallback` when unset;
 * anything else there stops the test with the variable's name. */
guint  test_env_uint     (const char *name,
                          guint       fallback);

/* Switches the whole process to de_DE.UTF-8, a locale that groups digits with "." and writes
 * decimals with ",", and returns the locale it was in, for setlocale (LC_ALL, ...) afterwards.
 * A machine without it fails the test, saying how to install it, and gets NULL: a test of
 * locale independence that skips proves nothing. */
char  *test_enter_german_locale (void);

/* Whether the review (tests/data/rapid-evidence-review.md, a copy of the source the catalogue is
 * read from) has `words` under the heading `section`: between that heading and the next one of
 * the same or a higher level. Headings are matched as written, without their leading '#'s and
 * the '**' of bold; the text is searched with its '**' removed and each run of white space made
 * one space, nothing else. Fails the test if no heading is `section`. */
gboolean test_review_has_under_heading (const char *words,
                                        const char *section);

G_END_DECLS
