/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "test-util.h"
#include "waymark-catalogue.h"
#include "waymark-window-private.h"

G_BEGIN_DECLS

typedef gboolean (*WaitFunc) (gpointer data);

typedef gboolean (*GuiTestTolerateFunc) (const char *domain, const char *message);
typedef void (*GuiTestFatalFunc) (void);

/* GTK and libadwaita for a headless test, with isolated directories. Every warning and critical
 * is fatal but GTK 4.8's "Trying to snapshot ... without a current allocation" (see
 * gui-test-util.c). */
void           gui_test_init            (int    *argc,
                                         char ***argv);
/* Whether a program run as several tests (tests/gui/meson.build) registers its tests of `part`
 * (1, 2 or 3) in this run: WAYMARK_TEST_PART names the one part to run; unset, all run. */
gboolean       gui_test_in_part         (guint   part);
/* Whether a warning or critical is let through as a message (and counted). */
gboolean       gui_test_is_tolerated    (const char *domain,
                                         const char *message);
guint          gui_test_n_snapshot_warnings (void);
/* GTK writes its warnings through g_log_structured(), which gui_test_init() filters for good.
 * A message through g_log() (libadwaita's, and every g_return_if_fail()) is let through only
 * where a test sets this as its fatal handler: GLib forgets it at the start of each test. */
gboolean       gui_test_on_fatal_log    (const char     *domain,
                                         GLogLevelFlags  level,
                                         const char     *message,
                                         gpointer        data);
/* `tolerated` lets more through (the monkey's own); `fatal` runs before a fatal message. */
void           gui_test_set_log_hooks   (GuiTestTolerateFunc tolerated,
                                         GuiTestFatalFunc    fatal);
/* Spins the main loop until func returns TRUE; fails the test after timeout_ms. */
void           gui_test_wait_until      (WaitFunc    func,
                                         gpointer    data,
                                         guint       timeout_ms,
                                         const char *what);
/* Spins the main loop until nothing is pending. */
void           gui_test_flush           (void);
/* The settings, every key back to its default. */
GSettings     *gui_test_fresh_settings  (void);
WaymarkCatalogue *gui_test_load_catalogue (const char *fixture_or_null);
/* Opens tests/data/<name> (a saved plan) in the window's plan document, and returns the plan,
 * borrowed from the document. */
WaymarkPlan   *gui_test_load_plan       (WaymarkWindow *window,
                                         const char    *name);
/* A list of recent files kept in the file `xbel` names and in memory only: GTK 4.8's own recent
 * manager leaks a GDateTime each time it writes its list, and the default one is a process-wide
 * singleton that would outlive a test's isolated directories. */
GtkRecentManager *gui_test_recent_manager_new (const char *xbel);
/* A presented window with a search delay of zero. */
WaymarkWindow *gui_test_window_new      (WaymarkCatalogue *catalogue,
                                         GSettings        *settings);
/* Closes the window (saving its state) and checks that nothing keeps it alive. */
void           gui_test_window_close    (WaymarkWindow *window);
/* The ids of the listed interventions, in order, comma-separated. */
char          *gui_test_listed_ids      (WaymarkWindow *window);
guint          gui_test_n_listed        (WaymarkWindow *window);
/* Where the intervention `id` is listed; fails the test when it is not. */
guint          gui_test_position_of     (WaymarkWindow *window,
                                         const char    *id);
/* Searches the browser for `id` and waits until a few interventions are listed, that one among
 * them, so that its row is near the top (the search finds an id in other interventions' text
 * too: "drive" in "survivor driven"); returns its row. */
GtkWidget     *gui_test_search_for_row  (WaymarkWindow *window,
                                         const char    *id);
/* What a click (ctrl FALSE) or a Ctrl+click (ctrl TRUE) on the row of `id` does. */
void           gui_test_click_row       (WaymarkWindow *window,
                                         const char    *id,
                                         gboolean       ctrl);
/* Waits for GtkButton::clicked to have been emitted by gtk_widget_activate. */
void           gui_test_click           (GtkWidget *button);
/* What the key `accelerator` (as "<Alt>2") does on `widget`: its own shortcut for it, found
 * among its controllers and run; fails the test when it has none. */
void           gui_test_press_shortcut  (GtkWidget  *widget,
                                         const char *accelerator);
/* What the key `accelerator` does with the focus where it is in `window`: as a key press
 * travels, each widget's capture-phase shortcuts from the window down to the focus, then its
 * bubble-phase ones from the focus up, are offered it, passing over a widget with no shortcut
 * for it or whose shortcut's action is disabled; the first that acts takes it.
 * Returns the type name of the widget that acted, or NULL. Shortcut controllers only (a key
 * press also reaches key controllers, which this leaves out). */
const char    *gui_test_press_key_in_focus (GtkWindow  *window,
                                            const char *accelerator);
/* WaitFuncs: whether the focus of `window` is in a popover; whether the pointer at `data`
 * (a weak pointer) is NULL. */
gboolean       gui_test_has_focus_in_popover (gpointer window);
gboolean       gui_test_is_gone         (gpointer data);
/* WaitFunc: whether a message dialog is shown; if so it is put in the AdwMessageDialog * at
 * `data` (borrowed). */
gboolean       gui_test_find_message_dialog (gpointer data);
/* Waits for a message dialog, checks its heading and returns it (borrowed). */
AdwMessageDialog *gui_test_wait_for_message_dialog (const char *heading);
/* Waits for a message dialog, checks its heading and answers it with `response`. */
void           gui_test_answer_dialog   (const char *heading,
                                         const char *response);
/* WaitFunc: whether the widget at `data` is not visible. */
gboolean       gui_test_is_hidden       (gpointer data);
/* Waits until the file chooser's chosen file is `file` (it reads its folder first). */
void           gui_test_wait_for_chosen (GtkFileChooser *chooser,
                                         GFile          *file,
                                         const char     *what);
/* The intervention ids of a saved plan file, in order, separated by commas. */
char          *gui_test_saved_ids       (const char *path);

typedef gboolean (*GuiTestMatch) (GtkWidget *widget, gconstpointer data);

/* The first widget at or below `widget` (depth first) that `match` accepts, or NULL. */
GtkWidget     *gui_test_find_widget     (GtkWidget     *widget,
                                         GuiTestMatch   match,
                                         gconstpointer  data);
/* A label whose text contains `text` (a const char *). */
gboolean       gui_test_is_label_with   (GtkWidget     *widget,
                                         gconstpointer  text);
/* A button whose action is `action` (a const char *, as "win.undo"). */
gboolean       gui_test_is_button_for_action (GtkWidget     *widget,
                                              gconstpointer  action);
/* Whether a label at or below `widget` shows `text`. */
gboolean       gui_test_has_text        (GtkWidget     *widget,
                                         const char    *text);

/* Queues a redraw of `window` and waits until it has drawn twice more: styles, sizes and lists
 * settled, and a paintable of it no longer empty. */
void           gui_test_wait_for_frames (GtkWidget *window);
/* GuiTestMatch that never matches: fails on a label that is cut ("…") though shown. Its layout,
 * as drawn, says so: a label's natural width stops at its max-width-chars, so measuring it
 * cannot. */
gboolean       gui_test_assert_label_whole (GtkWidget     *widget,
                                            gconstpointer  data);

/* A page laid out inside its width: `page` and its width, for gui_test_assert_inside. */
typedef struct
{
  GtkWidget *page;
  int        width;
} GuiTestOverflow;

/* GuiTestMatch that never matches: fails on a drawable widget that reaches past the left or
 * right edge of the page (a GuiTestOverflow *). The overlay scroll bar is left out. */
gboolean       gui_test_assert_inside   (GtkWidget     *widget,
                                         gconstpointer  overflow);
/* WaitFunc: whether the window at `data` is laid out at 360 pixels wide or less. */
gboolean       gui_test_is_narrow       (gpointer       window);

/* The text of a PDF, read back with poppler's pdftotext ($WAYMARK_PDFTOTEXT), every run of white
 * space made one space (table cells wrap). */
char          *gui_test_dup_pdf_text    (const char    *path);

G_END_DECLS
