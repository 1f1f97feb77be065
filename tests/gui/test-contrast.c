/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "gui-test-util.h"
#include "waymark-intervention-row.h"
#include "waymark-plan-page-private.h"
#include "waymark-rating-badge.h"
#include "waymark-rating-icon.h"

/* Contrast as WCAG 2.2 AA measures it (1.4.3 text, 1.4.11 icons and focus indicators), on the
 * pixels the real widgets draw, in each of libadwaita's styles (issue 13). The window is
 * rendered as it is on screen; in a widget's box the background is the commonest colour and
 * the foreground the pixel that contrasts most with it (anti-aliasing leaves a glyph's core at
 * the text's own colour). */

/* libadwaita 1.2 takes high contrast from the system only (the portal, GNOME's settings, or
 * ADW_DEBUG_HIGH_CONTRAST read once at start). These are exported for its own tests and its
 * GTK Inspector page, which switch it the same way: the one way to switch it in a process. */
typedef struct _AdwSettings AdwSettings;
AdwSettings *adw_settings_get_default           (void);
void         adw_settings_start_override        (AdwSettings *self);
void         adw_settings_override_high_contrast (AdwSettings *self,
                                                  gboolean     high_contrast);

#define TEXT_MINIMUM 4.5
#define NON_TEXT_MINIMUM 3.0

typedef struct
{
  AdwColorScheme scheme;
  gboolean       high_contrast;
} Style;

static const Style light = { ADW_COLOR_SCHEME_FORCE_LIGHT, FALSE };
static const Style dark = { ADW_COLOR_SCHEME_FORCE_DARK, FALSE };
static const Style high_contrast = { ADW_COLOR_SCHEME_FORCE_LIGHT, TRUE };
static const Style high_contrast_dark = { ADW_COLOR_SCHEME_FORCE_DARK, TRUE };

typedef struct
{
  WaymarkCatalogue *catalogue;
  GSettings        *settings;
  WaymarkWindow    *window;
  GString          *failures;
  guint             n_measured;
} Fixture;

/* Rendering */

static cairo_surface_t *
render_window (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  cairo_surface_t *surface;
  cairo_t *cr;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 0, 1);  /* Magenta: whatever the window leaves undrawn. */
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Contrast */

static double
channel_luminance (guint8 value)
{
  double c = value / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG 2.2's relative luminance of an opaque pixel (cairo's 0xAARRGGBB). */
static double
luminance (guint32 pixel)
{
  return 0.2126 * channel_luminance ((pixel >> 16) & 0xff) +
         0.7152 * channel_luminance ((pixel >> 8) & 0xff) +
         0.0722 * channel_luminance (pixel & 0xff);
}

static double
contrast (guint32 a,
          guint32 b)
{
  double la = luminance (a);
  double lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

typedef struct
{
  guint32 background;
  guint32 foreground;
  double  ratio;
} Measure;

/* The box of `widget` in the window's pixels, inset by `inset` on each side. */
static cairo_rectangle_int_t
box_of (GtkWidget *widget,
        GtkWidget *window,
        int        inset)
{
  graphene_rect_t bounds;
  cairo_rectangle_int_t box;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  box.x = (int) ceil (bounds.origin.x) + inset;
  box.y = (int) ceil (bounds.origin.y) + inset;
  box.width = (int) floor (bounds.origin.x + bounds.size.width) - inset - box.x;
  box.height = (int) floor (bounds.origin.y + bounds.size.height) - inset - box.y;
  g_assert_cmpint (box.width, >, 0);
  g_assert_cmpint (box.height, >, 0);
  /* Whole, and with room for a focus ring, in the window. */
  g_assert_cmpint (box.x, >=, 6);
  g_assert_cmpint (box.y, >=, 6);
  g_assert_cmpint (box.x + box.width + 6, <=, gtk_widget_get_width (window));
  g_assert_cmpint (box.y + box.height + 6, <=, gtk_widget_get_height (window));
  return box;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  return ((const guint32 *) row)[x] | 0xff000000;
}

static Measure
measure_box (cairo_surface_t             *surface,
             const cairo_rectangle_int_t *box)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  Measure m = { 0, 0, 1.0 };
  guint best = 0;
  GHashTableIter iter;
  gpointer key, value;

  for (int y = box->y; y < box->y + box->height; y++)
    for (int x = box->x; x < box->x + box->width; x++)
      {
        gpointer pixel = GUINT_TO_POINTER (pixel_at (surface, x, y));

        g_hash_table_insert (counts, pixel,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, pixel)) + 1));
      }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best)
      {
        best = GPOINTER_TO_UINT (value);
        m.background = GPOINTER_TO_UINT (key);
      }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      double ratio = contrast (m.background, GPOINTER_TO_UINT (key));

      if (ratio > m.ratio)
        {
          m.ratio = ratio;
          m.foreground = GPOINTER_TO_UINT (key);
        }
    }

  return m;
}

static void
record (Fixture       *f,
        const char    *what,
        const Measure *m,
        double         minimum)
{
  g_test_message ("%s: %.2f:1 (#%06x on #%06x), needs %.1f:1", what, m->ratio,
                  m->foreground & 0xffffff, m->background & 0xffffff, minimum);
  f->n_measured++;
  if (m->ratio < minimum)
    g_string_append_printf (f->failures, "\n  %s: %.2f:1, needs %.1f:1", what, m->ratio, minimum);
}

/* Measures the text or icon `widget` draws against its own background. */
static void
check_widget (Fixture    *f,
              GtkWidget  *widget,
              const char *what,
              double      minimum)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  cairo_surface_t *surface;
  cairo_rectangle_int_t box;
  Measure m;

  g_assert_true (gtk_widget_get_mapped (widget));
  gui_test_wait_for_frames (window);
  surface = render_window (window);
  box = box_of (widget, window, 0);
  m = measure_box (surface, &box);
  cairo_surface_destroy (surface);
  record (f, what, &m, minimum);
}

/* The focus ring `widget` (which has the focus) draws around itself once the keyboard is in use:
 * the pixels that change when focus becomes visible, against the background they were drawn
 * on. */
static void
check_focus_ring (Fixture    *f,
                  GtkWidget  *widget,
                  const char *what)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  cairo_surface_t *before, *after;
  cairo_rectangle_int_t box, around;
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  Measure m = { 0, 0, 1.0 };
  guint best = 0, n_changed = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_true (gtk_widget_has_focus (widget));
  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  gui_test_wait_for_frames (window);
  before = render_window (window);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  gui_test_wait_for_frames (window);
  after = render_window (window);

  box = box_of (widget, window, 0);
  around = (cairo_rectangle_int_t) { box.x - 6, box.y - 6, box.width + 12, box.height + 12 };
  /* The background the ring was drawn on: the commonest colour before, just outside the box. */
  m.background = measure_box (before, &around).background;
  for (int y = around.y; y < around.y + around.height; y++)
    for (int x = around.x; x < around.x + around.width; x++)
      {
        guint32 was = pixel_at (before, x, y), is = pixel_at (after, x, y);

        if (was == is)
          continue;
        n_changed++;
        g_hash_table_insert (counts, GUINT_TO_POINTER (is),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (is))) + 1));
      }
  /* The ring's colour is the commonest of the changed pixels (its anti-aliased edges are
   * fewer). No changed pixel at all: no ring, contrast 1:1. */
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best)
      {
        best = GPOINTER_TO_UINT (value);
        m.foreground = GPOINTER_TO_UINT (key);
      }
  if (n_changed > 0)
    m.ratio = contrast (m.foreground, m.background);

  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  record (f, what, &m, NON_TEXT_MINIMUM);
}

/* Finding the widgets */

static gboolean
is_badge (GtkWidget     *widget,
          gconstpointer  data)
{
  return WAYMARK_IS_RATING_BADGE (widget) &&
         (int) waymark_rating_badge_get_kind (WAYMARK_RATING_BADGE (widget)) == GPOINTER_TO_INT (data);
}

static gboolean
is_mapped_with_class (GtkWidget     *widget,
                      gconstpointer  css_class)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_has_css_class (widget, css_class);
}

static gboolean
is_mapped_label_with_class (GtkWidget     *widget,
                            gconstpointer  css_class)
{
  return GTK_IS_LABEL (widget) && is_mapped_with_class (widget, css_class);
}

/* A label with `css_class` that shows some text. */
static gboolean
is_label_with_text_and_class (GtkWidget     *widget,
                              gconstpointer  css_class)
{
  return is_mapped_label_with_class (widget, css_class) &&
         *gtk_label_get_label (GTK_LABEL (widget)) != '\0';
}

/* Scrolls the scrolled window around `widget` so that it is in view, near the top. */
static GtkWidget *
scrolled_into_view (Fixture   *f,
                    GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (gtk_widget_compute_bounds (widget, scrolled, &bounds));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y - 24);
  gui_test_wait_for_frames (GTK_WIDGET (f->window));
  return widget;
}

/* An entry's placeholder text: a label inside its GtkText. */
static gboolean
is_mapped_placeholder (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && GTK_IS_TEXT (gtk_widget_get_parent (widget)) &&
         gtk_widget_get_mapped (widget);
}

static GtkWidget *
find (GtkWidget    *under,
      GuiTestMatch  match,
      gconstpointer data)
{
  GtkWidget *found = gui_test_find_widget (under, match, data);

  g_assert_nonnull (found);
  return found;
}

/* The tests */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const Style *style = data;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), style->scheme);
  adw_settings_override_high_contrast (adw_settings_get_default (), style->high_contrast);
  g_assert_cmpint (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()), ==,
                   style->high_contrast);

  f->catalogue = gui_test_load_catalogue (NULL);
  f->settings = gui_test_fresh_settings ();
  f->window = gui_test_window_new (f->catalogue, f->settings);
  f->failures = g_string_new (NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  WaymarkPlan *plan = waymark_plan_document_get_plan (waymark_window_get_plan_document (f->window));

  waymark_plan_mark_saved (plan);
  gui_test_window_close (f->window);
  g_string_free (f->failures, TRUE);
  g_clear_object (&f->settings);
  g_assert_finalize_object (f->catalogue);
}

static void
check_badges (Fixture    *f,
              GtkWidget  *under,
              const char *where)
{
  static const WaymarkRating ratings[] = {
    WAYMARK_RATING_HIGH, WAYMARK_RATING_MODERATE, WAYMARK_RATING_LOW_MODERATE,
    WAYMARK_RATING_LOW, WAYMARK_RATING_NONE,
  };

  for (int kind = WAYMARK_RATING_BADGE_EVIDENCE; kind <= WAYMARK_RATING_BADGE_IMPACT; kind++)
    {
      WaymarkRatingBadge *badge = WAYMARK_RATING_BADGE (find (under, is_badge, GINT_TO_POINTER (kind)));
      WaymarkRating shown = waymark_rating_badge_get_rating (badge);

      for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
        {
          g_autofree char *words = NULL;
          g_autofree char *what = NULL;

          waymark_rating_badge_set_rating (badge, ratings[i]);
          words = waymark_rating_badge_dup_description (badge);
          what = g_strdup_printf ("%s badge, %s", where, words);
          check_widget (f, GTK_WIDGET (badge), what, TEXT_MINIMUM);
        }
      waymark_rating_badge_set_rating (badge, shown);
    }
}

static void
test_contrast (Fixture       *f,
               gconstpointer  data)
{
  WaymarkWindowParts parts;
  WaymarkPlanItemRow *item_row;
  GtkWidget *row, *remove;

  waymark_window_get_parts (f->window, &parts);

  /* The browser: the count and the empty search field, then a row in place in LLR ("iris"). */
  check_widget (f, GTK_WIDGET (parts.count_label), "count label (dim)", TEXT_MINIMUM);
  check_widget (f, find (GTK_WIDGET (parts.search_entry), is_mapped_placeholder, NULL),
                "search field's placeholder", TEXT_MINIMUM);
  row = gui_test_search_for_row (f->window, "iris");
  gui_test_wait_for_frames (GTK_WIDGET (f->window));
  check_widget (f, find (row, is_mapped_label_with_class, "dim-label"),
                "intervention row's level, focus and cost (dim)", TEXT_MINIMUM);
  check_widget (f, find (row, is_mapped_with_class, "in-place"), "\"In place in LLR\" marker",
                TEXT_MINIMUM);
  check_badges (f, row, "intervention row's");

  /* The filters' hints: a choice's subtitle and a group's description. */
  adw_flap_set_reveal_flap (parts.flap, TRUE);
  gui_test_wait_for_frames (GTK_WIDGET (f->window));
  check_widget (f, scrolled_into_view (f, find (GTK_WIDGET (parts.filter_pane),
                                                is_label_with_text_and_class, "subtitle")),
                "filter's subtitle (dim)", TEXT_MINIMUM);
  check_widget (f, scrolled_into_view (f, find (GTK_WIDGET (parts.filter_pane),
                                                is_label_with_text_and_class, "dim-label")),
                "filter group's description (dim)", TEXT_MINIMUM);

  /* The evidence map's legend. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "map"));
  gui_test_wait_for_frames (GTK_WIDGET (f->window));
  check_widget (f, find (GTK_WIDGET (parts.evidence_map), is_label_with_text_and_class, "dim-label"),
                "evidence map's legend (dim)", TEXT_MINIMUM);

  /* The comparison's marks: a best value and a row that differs. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compare", "s", "iris"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compare", "s", "dapps"));
  adw_view_stack_set_visible_child_name (parts.view_stack, "compare");
  gui_test_wait_for_frames (GTK_WIDGET (f->window));
  check_widget (f, scrolled_into_view (f, find (GTK_WIDGET (parts.compare_page), is_mapped_with_class,
                                                "best-mark")),
                "comparison's best mark", TEXT_MINIMUM);
  check_widget (f, scrolled_into_view (f, find (GTK_WIDGET (parts.compare_page), is_mapped_with_class,
                                                "differs-mark")),
                "comparison's differs mark", TEXT_MINIMUM);

  /* The plan: its placeholder while empty, then an open item. */
  adw_view_stack_set_visible_child_name (parts.view_stack, "plan");
  check_widget (f, find (GTK_WIDGET (parts.plan_page), is_mapped_label_with_class, "dim-label"),
                "empty plan's placeholder (dim)", TEXT_MINIMUM);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-to-plan", "s", "iris"));
  adw_view_stack_set_visible_child_name (parts.view_stack, "plan");
  item_row = waymark_plan_page_get_row (parts.plan_page, "iris");
  g_assert_nonnull (item_row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item_row), TRUE);
  gui_test_wait_for_frames (GTK_WIDGET (f->window));
  /* Scrolled into view: an open item is taller than the window since issue 14's fields. */
  check_widget (f, scrolled_into_view (f, find (GTK_WIDGET (item_row), is_mapped_label_with_class,
                                                "dim-label")),
                "plan item's facts (dim)", TEXT_MINIMUM);
  check_badges (f, GTK_WIDGET (item_row), "plan item's");
  /* "No cost", shown as for an item without a unit cost. */
  gtk_widget_set_visible (waymark_plan_item_row_get_control (item_row, "flag"), TRUE);
  check_widget (f, waymark_plan_item_row_get_control (item_row, "flag"), "plan item's No cost flag",
                TEXT_MINIMUM);
  /* "Not in the catalogue in use", shown as for an item the catalogue lacks. */
  gtk_widget_set_visible (waymark_plan_item_row_get_control (item_row, "missing"), TRUE);
  check_widget (f, waymark_plan_item_row_get_control (item_row, "missing"),
                "plan item's Not in the catalogue warning", TEXT_MINIMUM);
  /* Focused, Remove is scrolled into view: GtkListView does not scroll to a control inside a
   * row, and the item's fields (reach since issue 14) take it below the window's foot. */
  remove = scrolled_into_view (f, waymark_plan_item_row_get_control (item_row, "remove"));
  g_assert_true (gtk_widget_grab_focus (remove));
  gtk_window_set_focus_visible (GTK_WINDOW (f->window), FALSE);
  check_widget (f, gtk_widget_get_first_child (remove), "plan item's Remove icon", NON_TEXT_MINIMUM);
  check_focus_ring (f, remove, "plan item's Remove focus ring");

  g_test_message ("%u measured", f->n_measured);
  if (f->failures->len > 0)
    g_test_fail_printf ("Below WCAG 2.2 AA contrast:%s", f->failures->str);
}

/* The rating icons are drawn (issue 18), on the 16-pixel grid of the SVG files they replace: the
 * alpha of a pixel in the middle of each bar is how full the bar is, in the colour given; "not
 * rated" is a ring struck through, clear in the middle of each half the stroke leaves. */
static guint8
icon_alpha_at (WaymarkRating rating,
               int           size,
               double        x,
               double        y)
{
  g_autoptr(GdkPaintable) icon = waymark_rating_icon_new (rating);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  const GdkRGBA colors[] = { { 0.2f, 0.4f, 0.6f, 1 }, { 0, 0, 0, 1 }, { 0, 0, 0, 1 }, { 0, 0, 0, 1 } };
  int px = (int) (x * size / 16.0), py = (int) (y * size / 16.0);
  guint8 alpha;

  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, size, size,
                                            colors, G_N_ELEMENTS (colors));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* ARGB32 in native order: alpha is the high byte of each 32-bit pixel. */
  alpha = (guint8) (((guint32 *) (cairo_image_surface_get_data (surface) +
                                  py * cairo_image_surface_get_stride (surface)))[px] >> 24);
  cairo_surface_destroy (surface);
  return alpha;
}

static void
test_rating_icons_drawn (void)
{
  static const struct { WaymarkRating rating; guint8 bars[3]; } cases[] = {
    { WAYMARK_RATING_HIGH, { 255, 255, 255 } },
    { WAYMARK_RATING_MODERATE, { 255, 255, 64 } },
    { WAYMARK_RATING_LOW_MODERATE, { 255, 153, 64 } },
    { WAYMARK_RATING_LOW, { 255, 64, 64 } },
  };
  /* Middles of the bars: x 1-5, 6-10, 11-15; the shortest spans y 10-15. */
  static const double middles[3][2] = { { 3, 12.5 }, { 8, 12.5 }, { 13, 12.5 } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint b = 0; b < 3; b++)
      for (int size = 14; size <= 16; size += 2)
        {
          guint8 alpha = icon_alpha_at (cases[i].rating, size, middles[b][0], middles[b][1]);

          g_assert_cmpint (ABS ((int) alpha - (int) cases[i].bars[b]), <=, 2);
        }
  /* Above the first bar, nothing. */
  g_assert_cmpint (icon_alpha_at (WAYMARK_RATING_HIGH, 16, 3, 5), ==, 0);

  /* Not rated: the ring (radius 6 at the top) and the stroke (through the middle) are drawn, the
   * rest of the inside is not, nor the corners. */
  g_assert_cmpint (icon_alpha_at (WAYMARK_RATING_NONE, 16, 8, 2), >, 200);
  g_assert_cmpint (icon_alpha_at (WAYMARK_RATING_NONE, 16, 8, 8), >, 200);
  g_assert_cmpint (icon_alpha_at (WAYMARK_RATING_NONE, 16, 5.5, 5.5), ==, 0);
  g_assert_cmpint (icon_alpha_at (WAYMARK_RATING_NONE, 16, 10.5, 10.5), ==, 0);
  g_assert_cmpint (icon_alpha_at (WAYMARK_RATING_NONE, 16, 0.5, 0.5), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  gui_test_init (&argc, &argv);
  adw_settings_start_override (adw_settings_get_default ());

  /* The application's own stylesheets (style.css, style-dark.css, style-hc.css), loaded and
   * switched as the application has them: by AdwApplication, from the resource base path. */
  app = g_object_new (ADW_TYPE_APPLICATION,
                      "application-id", APP_ID ".ContrastTest",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/waymark/Waymark",
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/gui/rating-icon/drawn", test_rating_icons_drawn);
  g_test_add ("/gui/contrast/light", Fixture, &light, fixture_set_up, test_contrast, fixture_tear_down);
  g_test_add ("/gui/contrast/dark", Fixture, &dark, fixture_set_up, test_contrast, fixture_tear_down);
  g_test_add ("/gui/contrast/high-contrast", Fixture, &high_contrast,
              fixture_set_up, test_contrast, fixture_tear_down);
  g_test_add ("/gui/contrast/high-contrast-dark", Fixture, &high_contrast_dark,
              fixture_set_up, test_contrast, fixture_tear_down);

  status = g_test_run ();
  return status;
}
