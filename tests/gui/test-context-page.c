/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "waymark-context-page.h"
#include "waymark-detail-pane.h"

/* The Context page (issue 14), as a commissioner reads it at a desk and in a meeting: the
 * review's figures in its own words, the providers' services, the links from a gap to the
 * interventions that address it and back from an intervention to the gap, by keyboard too,
 * named for a screen reader, and whole in a narrow window. */

typedef struct
{
  WaymarkCatalogue   *catalogue;
  GSettings          *settings;
  WaymarkWindow      *window;
  WaymarkWindowParts  parts;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->catalogue = gui_test_load_catalogue (data);
  f->settings = gui_test_fresh_settings ();
  f->window = gui_test_window_new (f->catalogue, f->settings);
  waymark_window_get_parts (f->window, &f->parts);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gui_test_window_close (f->window);
  g_assert_finalize_object (f->catalogue);
  g_assert_finalize_object (f->settings);
}

static gboolean
page_is_drawable (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_is_drawable (GTK_WIDGET (f->parts.context_page)) &&
         gtk_widget_get_width (GTK_WIDGET (f->parts.context_page)) > 0;
}

static void
show_context_page (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "context");
  gui_test_wait_until (page_is_drawable, f, 5000, "the Context page to be shown");
  gui_test_flush ();
}

/* The first entry of `kind` that names an intervention, or NULL. */
static const WaymarkContextEntry *
find_linked_entry (Fixture            *f,
                   WaymarkContextKind  kind)
{
  GPtrArray *entries = waymark_catalogue_get_context (f->catalogue);

  for (guint i = 0; i < entries->len; i++)
    {
      const WaymarkContextEntry *entry = g_ptr_array_index (entries, i);

      if (entry->kind == kind && entry->interventions[0] != NULL)
        return entry;
    }
  return NULL;
}

static gboolean
is_button_with_target (GtkWidget     *widget,
                       gconstpointer  target)
{
  GVariant *value;

  if (!GTK_IS_BUTTON (widget))
    return FALSE;
  value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
         g_str_equal (g_variant_get_string (value, NULL), target);
}

/* The review's figures as it writes them ("28,360", never "28360"), with their sections. */
static void
test_figures_as_written (Fixture       *f,
                         gconstpointer  data)
{
  GPtrArray *entries = waymark_catalogue_get_context (f->catalogue);
  GtkWidget *page = GTK_WIDGET (f->parts.context_page);
  const WaymarkContextEntry *adults = NULL;
  guint n_shown = 0;

  show_context_page (f);
  g_assert_cmpuint (entries->len, >, 0);

  for (guint i = 0; i < entries->len; i++)
    {
      const WaymarkContextEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = waymark_context_page_get_entry_row (f->parts.context_page, entry->id);

      g_assert_nonnull (row);
      if (entry->as_written != NULL && strstr (entry->as_written, "28,360") != NULL)
        adults = entry;
      if (entry->kind == WAYMARK_CONTEXT_KIND_PROVIDER)
        continue;
      /* Every entry's words exactly as written, and the heading they are under. */
      g_assert_true (gui_test_has_text (row, entry->label));
      if (entry->as_written != NULL)
        g_assert_true (gui_test_has_text (row, entry->as_written));
      if (entry->section != NULL)
        {
          g_autofree char *cited = g_strdup_printf ("Review, section “%s”", entry->section);
          g_assert_true (gui_test_has_text (row, cited));
        }
      for (guint q = 0; entry->questions[q] != NULL; q++)
        g_assert_true (gui_test_has_text (row, entry->questions[q]));
      n_shown++;
    }
  g_test_message ("%u entries shown", n_shown);

  /* The local figure the review leads with. */
  g_assert_nonnull (adults);
  g_assert_true (gui_test_has_text (page, "28,360"));
  g_assert_false (gui_test_has_text (page, "28360"));
  g_assert_true (gui_test_has_text (waymark_context_page_get_entry_row (f->parts.context_page, adults->id),
                                    "Review, section “"));
  /* Every kind the catalogue has is a part of the page, in words. */
  g_assert_true (gui_test_has_text (page, "Gaps in Provision"));
  g_assert_true (gui_test_has_text (page, "Recommendations"));
  g_assert_true (gui_test_has_text (page, "Funding Streams"));
}

/* The three commissioned providers and their eleven services, each with its level. */
static void
test_providers_services (Fixture       *f,
                         gconstpointer  data)
{
  GPtrArray *providers = waymark_catalogue_get_providers (f->catalogue);
  GtkWidget *page = GTK_WIDGET (f->parts.context_page);
  guint n_services = 0;

  show_context_page (f);
  g_assert_cmpuint (providers->len, ==, 3);
  for (guint i = 0; i < providers->len; i++)
    {
      const WaymarkProvider *provider = g_ptr_array_index (providers, i);

      g_assert_true (gui_test_has_text (page, provider->name));
      for (guint j = 0; j < provider->services->len; j++)
        {
          const WaymarkProviderService *service = g_ptr_array_index (provider->services, j);

          g_assert_true (gui_test_has_text (page, service->name));
          n_services++;
        }
    }
  g_assert_cmpuint (n_services, ==, 11);
  g_assert_true (gui_test_has_text (page, "Level of prevention: Tertiary"));
}

static gboolean
is_showing_intervention (gpointer data)
{
  Fixture *f = data;
  const char *id = g_object_get_data (G_OBJECT (f->window), "wanted-id");
  WaymarkIntervention *shown = waymark_detail_pane_get_intervention (f->parts.detail_pane);

  return g_strcmp0 (adw_view_stack_get_visible_child_name (f->parts.view_stack), "interventions") == 0 &&
         shown != NULL && g_str_equal (waymark_intervention_get_id (shown), id);
}

static void
follow_gap_link (Fixture *f)
{
  const WaymarkContextEntry *gap = find_linked_entry (f, WAYMARK_CONTEXT_KIND_GAP);
  GtkWidget *row, *button;

  g_assert_nonnull (gap);
  row = waymark_context_page_get_entry_row (f->parts.context_page, gap->id);
  button = gui_test_find_widget (row, is_button_with_target, gap->interventions[0]);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-intervention");

  g_object_set_data_full (G_OBJECT (f->window), "wanted-id", g_strdup (gap->interventions[0]), g_free);
  gui_test_click (button);
  gui_test_wait_until (is_showing_intervention, f, 5000, "the gap's intervention in the browser");
  g_assert_cmpuint (gui_test_position_of (f->window, gap->interventions[0]), <, G_MAXUINT);
}

/* A gap's intervention opens in the browser, selected, its detail shown. */
static void
test_gap_link_opens_intervention (Fixture       *f,
                                  gconstpointer  data)
{
  show_context_page (f);
  follow_gap_link (f);
}

/* Even when the filters hide it: they are cleared, and the person is told. */
static void
test_gap_link_clears_filters (Fixture       *f,
                              gconstpointer  data)
{
  gtk_editable_set_text (GTK_EDITABLE (f->parts.search_entry), "no intervention says this");
  gui_test_flush ();
  g_assert_cmpuint (gui_test_n_listed (f->window), ==, 0);

  show_context_page (f);
  follow_gap_link (f);
  g_assert_true (waymark_criteria_is_empty (f->parts.criteria));
  g_assert_nonnull (strstr (waymark_window_get_last_toast_title (f->window), "Filters cleared"));
}

typedef struct
{
  Fixture   *f;
  GtkWidget *row;
} RowShown;

static gboolean
is_row_shown (gpointer data)
{
  RowShown *shown = data;
  GtkWidget *scroller = GTK_WIDGET (waymark_context_page_get_scroller (shown->f->parts.context_page));
  graphene_rect_t bounds;

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (shown->f->parts.view_stack), "context") != 0 ||
      !gtk_widget_has_focus (shown->row) ||
      !gtk_widget_compute_bounds (shown->row, scroller, &bounds))
    return FALSE;
  /* Its top in sight. */
  return bounds.origin.y >= 0 && bounds.origin.y < gtk_widget_get_height (scroller);
}

/* The detail pane names the gaps and recommendations that name the intervention; its link
 * opens the Context page at that entry, scrolled to it and with the keyboard on it. */
static void
test_detail_links_back (Fixture       *f,
                        gconstpointer  data)
{
  const WaymarkContextEntry *entry = find_linked_entry (f, WAYMARK_CONTEXT_KIND_RECOMMENDATION);
  GtkWidget *pane = GTK_WIDGET (f->parts.detail_pane);
  g_autoptr(GPtrArray) named = NULL;
  GtkWidget *button;
  RowShown shown = { f, NULL };

  if (entry == NULL)
    entry = find_linked_entry (f, WAYMARK_CONTEXT_KIND_GAP);
  g_assert_nonnull (entry);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-intervention", "s",
                              entry->interventions[0]);
  gui_test_flush ();
  named = waymark_catalogue_dup_context_for_intervention (f->catalogue, entry->interventions[0]);
  g_assert_cmpuint (named->len, >, 0);
  g_assert_true (gui_test_has_text (pane, "In the Review’s Gaps and Recommendations"));

  button = gui_test_find_widget (pane, is_button_with_target, entry->id);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-context-entry");
  g_assert_true (gui_test_has_text (button, entry->label));

  shown.row = waymark_context_page_get_entry_row (f->parts.context_page, entry->id);
  g_assert_nonnull (shown.row);
  gui_test_click (button);
  gui_test_wait_until (is_row_shown, &shown, 5000, "the entry shown and focused on the Context page");
}

/* Headings are headings, every button has a name a screen reader says (not a GType name),
 * and Tab reaches every link. */
static gboolean
assert_named (GtkWidget     *widget,
              gconstpointer  data)
{
  guint *n_buttons = (guint *) data;

  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget))
    {
      (*n_buttons)++;
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("A button on the Context page has no accessible name: %s",
                 gtk_widget_get_tooltip_text (widget));
    }
  /* A list or a flow box is named too: a screen reader says the name as it enters one. */
  if ((GTK_IS_LIST_BOX (widget) || GTK_IS_FLOW_BOX (widget)) &&
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    g_error ("A %s on the Context page has no accessible name", G_OBJECT_TYPE_NAME (widget));
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title-2"))
    gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_HEADING);
  return FALSE;
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (f->parts.context_page);
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  GPtrArray *entries = waymark_catalogue_get_context (f->catalogue);
  guint n_buttons = 0, n_links = 0, n_links_reached = 0;
  GHashTableIter iter;
  gpointer key;
  GtkWidget *focus;

  show_context_page (f);
  gui_test_find_widget (page, assert_named, &n_buttons);
  g_assert_cmpuint (n_buttons, >, 0);

  /* Tab from the top of the page through to its end. */
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  for (guint i = 0; i < 2000 && gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD); i++)
    {
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      if (focus == NULL || g_hash_table_contains (reached, focus))
        break;
      g_hash_table_add (reached, focus);
    }
  g_hash_table_iter_init (&iter, reached);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (GTK_IS_BUTTON (key) &&
        g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (key)), "win.show-intervention") == 0)
      n_links_reached++;

  /* Every link on the page was reached. */
  for (guint i = 0; i < entries->len; i++)
    {
      const WaymarkContextEntry *entry = g_ptr_array_index (entries, i);

      for (guint j = 0; entry->interventions[j] != NULL; j++)
        if (waymark_catalogue_lookup (f->catalogue, entry->interventions[j]) != NULL)
          n_links++;
    }
  g_test_message ("%u links, %u reached by Tab", n_links, n_links_reached);
  g_assert_cmpuint (n_links, >, 0);
  g_assert_cmpuint (n_links_reached, ==, n_links);
}

/* A phone-sized window: everything on the page wraps inside it; nothing is cut off sideways. */
static void
test_narrow_window (Fixture       *f,
                    gconstpointer  data)
{
  GuiTestOverflow o = { GTK_WIDGET (f->parts.context_page), 0 };
  int minimum;

  show_context_page (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  gui_test_wait_until (gui_test_is_narrow, f->window, 5000, "the window to be narrow");
  gui_test_flush ();

  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_test_message ("minimum width: %d", minimum);
  g_assert_cmpint (minimum, <=, 360);

  /* Every row laid out, not only those in sight: the page is one long box. */
  o.width = gtk_widget_get_width (o.page);
  g_assert_cmpint (o.width, >, 0);
  g_assert_cmpint (o.width, <=, 360);
  gui_test_find_widget (o.page, gui_test_assert_inside, &o);
}

/* Ctrl+plus on the Context page enlarges its text, as on the Compare page. */
static int
text_height (GtkWidget *label)
{
  int height;

  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 2000, NULL, &height, NULL, NULL);
  return height;
}

typedef struct
{
  GtkWidget *label;
  int        height;
} Taller;

/* The new size is the page's style at the next frame. */
static gboolean
is_taller (gpointer data)
{
  Taller *taller = data;

  return text_height (taller->label) > taller->height;
}

static gboolean
is_image (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_IMAGE (widget) &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_BUTTON) != NULL &&
         gtk_widget_has_css_class (gtk_widget_get_ancestor (widget, GTK_TYPE_BUTTON), "context-link");
}

/* WaitFunc: whether a gap's link to an intervention has its icon 32 pixels wide. */
static gboolean
link_icon_is_32 (gpointer data)
{
  Fixture *f = data;
  GtkWidget *icon = gui_test_find_widget (GTK_WIDGET (f->parts.context_page), is_image, NULL);
  int width;

  g_assert_nonnull (icon);
  gtk_widget_measure (icon, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  return width == 32;
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *figure;
  Taller taller;

  show_context_page (f);
  figure = gui_test_find_widget (GTK_WIDGET (f->parts.context_page), gui_test_is_label_with, "28,360");
  g_assert_nonnull (figure);
  taller.label = figure;
  taller.height = text_height (figure);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-in", NULL));
  g_assert_cmpuint (waymark_context_page_get_zoom (f->parts.context_page), ==, 125);
  /* The review's words themselves grow, not only the headings. */
  gui_test_wait_until (is_taller, &taller, 5000, "the figure's text to be larger");
  g_assert_cmpuint (waymark_compare_page_get_zoom (f->parts.compare_page), ==, 100);
  /* The links' icons grow with their text. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-in", NULL));
  g_assert_cmpuint (waymark_context_page_get_zoom (f->parts.context_page), ==, 200);
  gui_test_wait_until (link_icon_is_32, f, 5000, "a link's icon at 32 pixels");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-reset", NULL));
  g_assert_cmpuint (waymark_context_page_get_zoom (f->parts.context_page), ==, 100);
}

/* Text from the catalogue is text: markup in it is shown as written, on the page and in the
 * detail pane's link back. */
static void
test_text_not_markup (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *row;
  GtkWidget *button;

  show_context_page (f);
  row = waymark_context_page_get_entry_row (f->parts.context_page, "gap-perpetrator-travel");
  g_assert_nonnull (row);
  g_assert_true (gui_test_has_text (row, "<b>Long</b> journeys & <i>waits"));
  g_assert_true (gui_test_has_text (row, "Travel <span>considerable</span> distances & more"));
  g_assert_true (gui_test_has_text (row, "Review, section “Dearth of <provision>”"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-intervention", "s", "drive");
  gui_test_flush ();
  button = gui_test_find_widget (GTK_WIDGET (f->parts.detail_pane), is_button_with_target,
                                 "gap-perpetrator-travel");
  g_assert_nonnull (button);
  g_assert_true (gui_test_has_text (button, "<b>Long</b> journeys & <i>waits"));
}

/* A catalogue with nothing for the page says so, rather than showing an empty page; the
 * default catalogue and one with only providers (small-catalogue.json, schema 1) show theirs. */
static void
test_catalogue_without_context (Fixture       *f,
                                gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (f->parts.context_page);
  gboolean none = waymark_catalogue_get_context (f->catalogue)->len == 0 &&
                  waymark_catalogue_get_providers (f->catalogue)->len == 0;
  GtkWidget *empty;

  show_context_page (f);
  empty = gui_test_find_widget (page, gui_test_is_label_with, "No Local Picture in This Catalogue");
  g_assert_nonnull (empty);
  g_assert_cmpint (gtk_widget_is_drawable (empty), ==, none);
  /* A catalogue with providers and no other context still shows its providers. */
  if (waymark_catalogue_get_providers (f->catalogue)->len > 0)
    g_assert_true (gui_test_has_text (page, "Commissioned Services"));
}

/* "Go to" a kind: its heading at the top, the keyboard on its first entry. */
static gboolean
is_label_exactly (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static void
test_go_to_kind (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (f->parts.context_page);
  GtkWidget *label, *button, *focus;
  const WaymarkContextEntry *gap = find_linked_entry (f, WAYMARK_CONTEXT_KIND_GAP);

  show_context_page (f);
  label = gui_test_find_widget (page, is_label_exactly, "Gaps in Provision");
  g_assert_nonnull (label);
  button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  gui_test_click (button);
  gui_test_flush ();
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  /* The first gap the review gives. */
  g_assert_nonnull (gap);
  {
    GPtrArray *entries = waymark_catalogue_get_context (f->catalogue);
    const WaymarkContextEntry *first = NULL;

    for (guint i = 0; i < entries->len && first == NULL; i++)
      if (((WaymarkContextEntry *) g_ptr_array_index (entries, i))->kind == WAYMARK_CONTEXT_KIND_GAP)
        first = g_ptr_array_index (entries, i);
    g_assert_true (focus == waymark_context_page_get_entry_row (f->parts.context_page, first->id));
  }
}

typedef struct
{
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
on_clipboard_read (GObject      *clipboard,
                   GAsyncResult *result,
                   gpointer      data)
{
  ClipboardRead *read = data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  read->done = TRUE;
}

static gboolean
clipboard_was_read (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

static GtkWidget *
focus_after_tab (Fixture          *f,
                 GtkDirectionType  direction)
{
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->parts.context_page), direction));
  gui_test_flush ();
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

/* The review's words can be selected and copied (issue 14): with the keyboard, Tab from a gap's
 * row stops on its words, then on their heading, then on the interventions that address it, in
 * reading order, and Shift+Tab goes back the same way; the words are selected as they take the
 * focus, and Copy puts them on the clipboard exactly as written. */
static void
test_review_text_selectable (Fixture       *f,
                             gconstpointer  data)
{
  const WaymarkContextEntry *gap = find_linked_entry (f, WAYMARK_CONTEXT_KIND_GAP);
  g_autofree char *section = NULL;
  GtkWidget *row, *words, *heading, *link;
  ClipboardRead read = { NULL, FALSE };
  int start = -1, end = -1;

  g_assert_nonnull (gap);
  show_context_page (f);
  row = waymark_context_page_get_entry_row (f->parts.context_page, gap->id);
  g_assert_nonnull (row);
  words = gui_test_find_widget (row, is_label_exactly, gap->as_written);
  g_assert_nonnull (words);
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (words)));
  /* Still plain text, never markup. */
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (words)));

  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (focus_after_tab (f, GTK_DIR_TAB_FORWARD) == words);
  g_assert_true (gtk_label_get_selection_bounds (GTK_LABEL (words), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, g_utf8_strlen (gap->as_written, -1));

  section = g_strdup_printf ("Review, section “%s”", gap->section);
  heading = focus_after_tab (f, GTK_DIR_TAB_FORWARD);
  g_assert_true (GTK_IS_LABEL (heading));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==, section);
  link = focus_after_tab (f, GTK_DIR_TAB_FORWARD);
  g_assert_true (GTK_IS_BUTTON (link));
  g_assert_true (is_button_with_target (link, gap->interventions[0]));
  g_assert_true (focus_after_tab (f, GTK_DIR_TAB_BACKWARD) == heading);
  g_assert_true (focus_after_tab (f, GTK_DIR_TAB_BACKWARD) == words);

  g_signal_emit_by_name (words, "copy-clipboard");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (words), NULL, on_clipboard_read,
                                 &read);
  gui_test_wait_until (clipboard_was_read, &read, 5000, "the clipboard to be read");
  g_assert_cmpstr (read.text, ==, gap->as_written);
  g_free (read.text);
}

/* Built only when first shown: start-up does not pay for it. */
static void
test_built_when_shown (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (f->parts.context_page);

  gui_test_flush ();
  g_assert_false (gui_test_has_text (page, "Gaps in Provision"));
  show_context_page (f);
  g_assert_true (gui_test_has_text (page, "Gaps in Provision"));
}

/* The page on its own, given its catalogue: it shows an entry it has, and says it has no
 * other. */
static void
test_page_handed_catalogue (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = gui_test_load_catalogue (NULL);
  GtkWidget *page = g_object_ref_sink (waymark_context_page_new ());
  GPtrArray *entries = waymark_catalogue_get_context (catalogue);

  waymark_context_page_set_catalogue (WAYMARK_CONTEXT_PAGE (page), catalogue);
  g_assert_true (waymark_context_page_get_catalogue (WAYMARK_CONTEXT_PAGE (page)) == catalogue);
  g_assert_cmpuint (entries->len, >, 0);
  g_assert_true (waymark_context_page_show_entry (WAYMARK_CONTEXT_PAGE (page),
                                                  ((WaymarkContextEntry *) g_ptr_array_index (entries, 0))->id));
  g_assert_false (waymark_context_page_show_entry (WAYMARK_CONTEXT_PAGE (page), "no-such-entry"));
  g_assert_finalize_object (page);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/gui/context/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/gui/context/handed-catalogue", test_page_handed_catalogue);
  ADD ("built-when-shown", test_built_when_shown);
  ADD ("figures-as-written", test_figures_as_written);
  ADD ("providers-services", test_providers_services);
  ADD ("gap-link-opens-intervention", test_gap_link_opens_intervention);
  ADD ("gap-link-clears-filters", test_gap_link_clears_filters);
  ADD ("detail-links-back", test_detail_links_back);
  ADD ("accessible", test_accessible);
  ADD ("narrow-window", test_narrow_window);
  ADD ("zoom", test_zoom);
  ADD ("go-to-kind", test_go_to_kind);
  ADD ("review-text-selectable", test_review_text_selectable);
  ADD ("catalogue-without-context", test_catalogue_without_context);
  g_test_add ("/gui/context/text-not-markup", Fixture, "markup-context.json", fixture_set_up,
              test_text_not_markup, fixture_tear_down);
  g_test_add ("/gui/context/providers-only", Fixture, "small-catalogue.json", fixture_set_up,
              test_catalogue_without_context, fixture_tear_down);
  g_test_add ("/gui/context/empty-catalogue", Fixture, "no-context-catalogue.json", fixture_set_up,
              test_catalogue_without_context, fixture_tear_down);

#undef ADD

  return g_test_run ();
}
