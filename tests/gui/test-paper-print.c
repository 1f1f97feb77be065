/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "waymark-paper-print.h"
#include "waymark-report-pdf.h"

/* The board paper in the application (issue 16, part 4): Export Board Paper… and Print Board
 * Paper… in the main menu, enabled where they can be used (printing on the Plan page only);
 * Ctrl+P on the Plan page opens the print dialog for the paper, on the Compare page it is still
 * the comparison's; and what the application prints is the PDF's layout, page for page. */

/* As the menu shows them: their mnemonics' underscores gone. */
#define EXPORT "Export Board Paper…"
#define PRINT "Print Board Paper…"

typedef struct
{
  WaymarkCatalogue   *catalogue;
  GSettings          *settings;
  WaymarkWindow      *window;
  WaymarkWindowParts  parts;
  WaymarkPlan        *plan;
  char               *tmpdir;
} Fixture;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *xbel = NULL;
  g_autoptr(GtkRecentManager) recent = NULL;

  f->catalogue = gui_test_load_catalogue (NULL);
  f->settings = gui_test_fresh_settings ();
  f->tmpdir = g_dir_make_tmp ("waymark-paper-XXXXXX", NULL);
  g_assert_nonnull (f->tmpdir);
  xbel = g_build_filename (f->tmpdir, "recently-used.xbel", NULL);
  recent = gui_test_recent_manager_new (xbel);
  f->window = g_object_new (WAYMARK_TYPE_WINDOW, "settings", f->settings,
                            "catalogue", f->catalogue, "recent-manager", recent, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  gui_test_wait_until (is_mapped, f->window, 5000, "the window to be mapped");
  waymark_window_get_parts (f->window, &f->parts);
  f->plan = gui_test_load_plan (f->window, "appraisal.waymark");
  gui_test_flush ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  waymark_plan_mark_saved (f->plan);
  gui_test_window_close (f->window);
  g_assert_finalize_object (f->catalogue);
  g_assert_finalize_object (f->settings);
  test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
}

/* A menu item (GTK's GtkModelButton, which a menu model's tracker drives: it has no action
 * name of its own) with the label `text`. */
static gboolean
is_menu_item_with (GtkWidget     *widget,
                   gconstpointer  text)
{
  g_autofree char *label = NULL;

  if (!g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    return FALSE;
  g_object_get (widget, "text", &label, NULL);
  return g_strcmp0 (label, text) == 0;
}

static gboolean
is_main_menu_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget)
         && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "open-menu-symbolic") == 0;
}

/* Whether the main menu's item `label` can be chosen (it is sensitive exactly when its action
 * is enabled): the menu is opened, as it is made when first opened, and closed again. */
static gboolean
menu_item_sensitive (Fixture    *f,
                     const char *label)
{
  GtkWidget *button = gui_test_find_widget (GTK_WIDGET (f->window), is_main_menu_button, NULL);
  GtkPopover *popover;
  GtkWidget *item;
  gboolean sensitive;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gui_test_flush ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  item = gui_test_find_widget (GTK_WIDGET (popover), is_menu_item_with, label);
  g_assert_nonnull (item);
  sensitive = gtk_widget_get_sensitive (item);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  /* The focus out of the closed menu, as a person's next click would take it. */
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  gui_test_flush ();
  return sensitive;
}

static void
show_page (Fixture    *f,
           const char *name)
{
  adw_view_stack_set_visible_child_name (f->parts.view_stack, name);
  gui_test_flush ();
}

static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  show_page (f, "interventions");
  /* Ctrl+P does nothing here: neither print is enabled. */
  g_assert_null (gui_test_press_key_in_focus (GTK_WINDOW (f->window), "<Control>p"));
  g_assert_true (menu_item_sensitive (f, EXPORT));
  g_assert_false (menu_item_sensitive (f, PRINT));

  show_page (f, "plan");
  g_assert_true (menu_item_sensitive (f, EXPORT));
  g_assert_true (menu_item_sensitive (f, PRINT));

  show_page (f, "compare");
  g_assert_false (menu_item_sensitive (f, PRINT));
}

static GtkWidget *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog")
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static gboolean
has_print_dialog (gpointer data)
{
  return find_print_dialog () != NULL;
}

static gboolean
no_print_dialog (gpointer data)
{
  return find_print_dialog () == NULL;
}

static void
test_ctrl_p (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *dialog;

  show_page (f, "plan");
  g_assert_cmpstr (gui_test_press_key_in_focus (GTK_WINDOW (f->window), "<Control>p"), ==,
                   "WaymarkWindow");
  gui_test_wait_until (has_print_dialog, NULL, 10000, "the print dialog");
  dialog = find_print_dialog ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), !=, NULL);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gui_test_wait_until (no_print_dialog, NULL, 10000, "the print dialog to close");
}

/* Printing the paper ("Save as PDF" in the print dialog) gives the exported PDF's pages: the
 * same words in the same order, the same page count. */
static void
test_print_is_the_pdf (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *printed_path = g_build_filename (f->tmpdir, "printed.pdf", NULL);
  g_autofree char *exported_path = g_build_filename (f->tmpdir, "exported.pdf", NULL);
  g_autoptr(GFile) exported = g_file_new_for_path (exported_path);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printed_words = NULL;
  g_autofree char *exported_words = NULL;
  WaymarkCatalogue *catalogue = waymark_plan_document_get_catalogue (waymark_window_get_plan_document (f->window));

  operation = waymark_paper_print_new (f->plan, catalogue);
  g_assert_cmpstr (gtk_print_settings_get (gtk_print_operation_get_print_settings (operation),
                                           GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==,
                   waymark_plan_get_title (f->plan));
  gtk_print_operation_set_export_filename (operation, printed_path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (f->window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  g_assert_true (waymark_report_write_pdf (f->plan, catalogue, exported, &error));
  g_assert_no_error (error);

  printed_words = gui_test_dup_pdf_text (printed_path);
  exported_words = gui_test_dup_pdf_text (exported_path);
  g_assert_nonnull (strstr (printed_words, "1. Strategic case"));
  g_assert_nonnull (strstr (printed_words, "£96,000"));
  g_assert_nonnull (strstr (printed_words, "Page 1 of"));
  g_assert_cmpstr (printed_words, ==, exported_words);
}

/* Export Board Paper… writes through the window what its file's extension says: OpenDocument
 * Text by the office module, opened the first time (issue 18: the program no longer links
 * libgsf), and PDF; a file that cannot be written gets the error dialog, and nothing else. */
static void
test_export_from_window (Fixture       *f,
                         gconstpointer  data)
{
  static const char mimetype[] = "mimetypeapplication/vnd.oasis.opendocument.text";
  g_autofree char *odt_path = g_build_filename (f->tmpdir, "paper.odt", NULL);
  g_autofree char *pdf_path = g_build_filename (f->tmpdir, "paper.pdf", NULL);
  g_autofree char *bad_path = g_build_filename (f->tmpdir, "no-such-dir", "paper.odt", NULL);
  g_autoptr(GFile) odt = g_file_new_for_path (odt_path);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autofree char *bytes = NULL;
  g_autofree char *words = NULL;
  gsize length = 0;

  g_assert_true (waymark_window_export_board_paper (f->window, odt));
  g_assert_cmpstr (waymark_window_get_last_toast_title (f->window), ==, "Exported “paper.odt”");
  g_assert_true (g_file_get_contents (odt_path, &bytes, &length, NULL));
  /* A zip whose first member is the mimetype, stored: what OpenDocument requires. */
  g_assert_cmpuint (length, >, 30 + sizeof mimetype);
  g_assert_cmpmem (bytes, 4, "PK\x03\x04", 4);
  g_assert_cmpmem (bytes + 30, sizeof mimetype - 1, mimetype, sizeof mimetype - 1);

  g_assert_true (waymark_window_export_board_paper (f->window, pdf));
  g_assert_cmpstr (waymark_window_get_last_toast_title (f->window), ==, "Exported “paper.pdf”");
  words = gui_test_dup_pdf_text (pdf_path);
  g_assert_nonnull (strstr (words, "1. Strategic case"));

  g_assert_false (waymark_window_export_board_paper (f->window, bad));
  gui_test_answer_dialog ("Could Not Export Board Paper", "close");
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  /* The print dialog lists the file printer only: no CUPS to wait on or warn about. */
  g_setenv ("GTK_PRINT_BACKENDS", "file", TRUE);
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/board-paper/actions", Fixture, NULL, fixture_set_up, test_actions,
              fixture_tear_down);
  g_test_add ("/gui/board-paper/ctrl-p", Fixture, NULL, fixture_set_up, test_ctrl_p,
              fixture_tear_down);
  g_test_add ("/gui/board-paper/print-is-the-pdf", Fixture, NULL, fixture_set_up,
              test_print_is_the_pdf, fixture_tear_down);
  g_test_add ("/gui/board-paper/export-from-window", Fixture, NULL, fixture_set_up,
              test_export_from_window, fixture_tear_down);

  return g_test_run ();
}
