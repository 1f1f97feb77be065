/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "gui-test-util.h"
#include "waymark-local-service-dialog.h"
#include "waymark-application.h"

/* The GUI monkey: from a seed, a long random walk through everything the window offers (its
 * actions and the application's with valid parameters, typing into any visible text field,
 * Enter and focus changes, buttons, switches, expanders, drop-downs, pages, narrow and wide,
 * undo and redo, closing and crashing), with every warning and critical fatal. Dialogs that
 * would wait for a person (file choosers, print, questions, the about window) are answered by
 * the driver.
 *
 * The widgets are found by walking the widget tree and the actions by asking GTK for them, never
 * through a widget's private fields, so the monkey follows the UI as it changes.
 *
 *   WAYMARK_MONKEY_SEED   the seed (default: a fixed one, so the test command decides the same
 *                         every time; tests/gui/run-monkey-long.sh tries new ones)
 *   WAYMARK_MONKEY_STEPS  how many steps (default: what tests/gui/meson.build sets for the build,
 *                         fewer under the sanitizers)
 *
 * A failure prints the seed and the last steps; the same seed and steps replay it. */

#define DEFAULT_SEED  20111
#ifndef MONKEY_DEFAULT_STEPS
#define MONKEY_DEFAULT_STEPS 400
#endif
#define TRAIL_LENGTH  48
#define TRAIL_WIDTH   240

/* What a step may do, with its weight. */
typedef enum
{
  OP_WINDOW_ACTION,
  OP_APP_ACTION,
  OP_WIDGET_ACTION,
  OP_TYPE,
  OP_COMMIT,
  OP_FOCUS_AWAY,
  OP_CLICK,
  OP_TOGGLE,
  OP_EXPANDER,
  OP_CHOOSE,
  OP_PAGE,
  OP_RESIZE,
  OP_UNDO_REDO,
  OP_POPDOWN,
  OP_RESTART,
  N_OPS
} Op;

static const guint op_weights[N_OPS] = {
  [OP_WINDOW_ACTION] = 18,
  [OP_APP_ACTION] = 1,
  [OP_WIDGET_ACTION] = 8,
  [OP_TYPE] = 18,
  [OP_COMMIT] = 12,
  [OP_FOCUS_AWAY] = 5,
  [OP_CLICK] = 14,
  [OP_TOGGLE] = 4,
  [OP_EXPANDER] = 8,
  [OP_CHOOSE] = 4,
  [OP_PAGE] = 8,
  [OP_RESIZE] = 2,
  [OP_UNDO_REDO] = 14,
  [OP_POPDOWN] = 2,
  [OP_RESTART] = 1,
};

/* Actions the monkey leaves alone, and why. */
static const char * const blocked_actions[] = {
  /* Quits the application: the run would end there. Closing the window is OP_RESTART's job. */
  "app.quit",
  /* No window manager runs under Xvfb: minimising or maximising waits for one, and closing is
   * OP_RESTART's job (it answers the question and opens a new window). */
  "window.close",
  "window.minimize",
  "window.toggle-maximized",
  /* Opens a link in a browser: nothing of Waymark's runs after it. */
  "link.open",
  "about.show-url",
  /* GTK's own emoji chooser: hundreds of buttons to build, no Waymark code behind them. */
  "misc.insert-emoji",
  /* Open windows of their own (a scenario's, Compare Plans) that the monkey does not drive;
   * tests/gui/test-scenarios.c drives them. */
  "app.duplicate-as-scenario",
  "app.compare-plans",
};

/* What is typed: numbers valid and not, money with and without the pound sign, a comma
 * decimal, markup, bidi controls, a very long line, and nothing at all. */
static const char * const texts[] = {
  "", " ", "0", "1", "2", "7", "40", "-1", "3.5", "1e9", "99999999999999999999",
  "12,34", "£24,000", "£1,234.56", "24000", "30000.50", "abc", "Respect", "GP practices",
  "=1+1", "<b>bold</b>", "<span foreground=\"red\" size=\"xx-large\">big</span>",
  "<a href=\"https://example.com\">link</a>", "&amp;", "Ünïcødé ✓ 🙂", "\u202Eevil\u202C",
  "a\tb", "line\nbreak", "drive", "iris", "safe-dates",
  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
};

/* What a file chooser is told to save as. */
static const char * const save_names[] = {
  "plan.waymark", "second plan.waymark", "plan", "export.csv", "export.json", "junk.waymark",
};

typedef struct
{
  GRand              *rand;
  guint               step;
  guint               n_steps;
  guint               n_restarts;
  guint               n_dialogs;
  WaymarkApplication *app;
  WaymarkCatalogue   *catalogue;
  GSettings          *settings;
  GtkRecentManager   *recent;
  WaymarkWindow      *window;   /* NULL once disposed */
  gboolean            window_gone;
  guint               n_windows_made;
  guint               n_windows_finalized;
  /* An unmapped button in a popover of the window: set to an action, its sensitivity says
   * whether the action is enabled (GTK 4.8 has no public query for a widget's actions). */
  GtkWidget          *probe_popover;
  GtkWidget          *probe;
  char               *tmpdir;
  GPtrArray          *ids;
} Monkey;

/* The trail: the seed and the last steps, printed when anything fails. Static, and written with
 * write(2) from a signal handler. */
static guint32 trail_seed;
static guint trail_steps;
static char trail[TRAIL_LENGTH][TRAIL_WIDTH];
static guint trail_count;
static volatile sig_atomic_t trail_printed;

static void
write_str (const char *s)
{
  size_t len = strlen (s);

  while (len > 0)
    {
      ssize_t n = write (STDERR_FILENO, s, len);

      if (n <= 0)
        return;
      s += n;
      len -= (size_t) n;
    }
}

static void
write_uint (guint value)
{
  char buf[16];
  int i = sizeof buf - 1;

  buf[i] = '\0';
  do
    {
      buf[--i] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0 && i > 0);
  write_str (buf + i);
}

static void
print_trail (void)
{
  guint first;

  if (trail_printed)
    return;
  trail_printed = 1;

  write_str ("\nGUI monkey failed: WAYMARK_MONKEY_SEED=");
  write_uint (trail_seed);
  write_str (" WAYMARK_MONKEY_STEPS=");
  write_uint (trail_steps);
  write_str (" replays it. The last steps:\n");
  first = trail_count > TRAIL_LENGTH ? trail_count - TRAIL_LENGTH : 0;
  for (guint i = first; i < trail_count; i++)
    {
      write_str ("  ");
      write_str (trail[i % TRAIL_LENGTH]);
      write_str ("\n");
    }
}

static void
on_fatal_signal (int sig)
{
  print_trail ();
  signal (sig, SIG_DFL);
  raise (sig);
}

/* AddressSanitizer reports and exits without raising a signal: it calls this instead. */
extern void __sanitizer_set_death_callback (void (*callback) (void)) __attribute__ ((weak));

/* Whether a window has gone (closed or crashed) in this process: see is_tolerated. */
static gboolean window_went;

/* How many messages were tolerated: the summary says. */
static guint n_tolerated;

/* Every warning and critical fails the run, but for GTK 4.8's snapshot warning (tolerated in
 * every UI test: gui-test-util.c) and two more of GTK's own, each only where it arises from the
 * clock or from the monkey's restarting Waymark in one process. */
static gboolean
is_tolerated (const char *domain,
              const char *message)
{
  gboolean tolerated = FALSE;

  if (message == NULL)
    return FALSE;
  /* The text cursor blinks on a timer and complains when it finds a selection it was not told
   * about: whether it fires before the selection goes depends on the clock. */
  if (g_strcmp0 (domain, "Gtk") == 0 &&
      g_str_has_prefix (message, "GtkText - unexpected blinking selection"))
    tolerated = TRUE;
  /* The display's tooltip keeps the surface of a window that has been destroyed, and its next
   * query asks that freed surface where the pointer is, then which widget is there
   * (WAYMARK_MONKEY_SEED=3: gdk_surface_get_device_position and _gtk_widget_find_at_coords,
   * called from gtktooltip.c), for as long as the process lives. Only once the monkey has
   * closed or crashed a window in the same process; a person's closing the window ends
   * Waymark. */
  if (window_went && (g_strcmp0 (domain, "Gdk") == 0 || g_strcmp0 (domain, "Gtk") == 0) &&
      (g_str_has_prefix (message, "gdk_surface_get_device_position: assertion 'GDK_IS_SURFACE") ||
       g_str_has_prefix (message, "_gtk_widget_find_at_coords: assertion 'GDK_IS_SURFACE")))
    tolerated = TRUE;

  if (tolerated)
    n_tolerated++;
  return tolerated;
}

G_GNUC_PRINTF (2, 3)
static void
note (Monkey     *m,
      const char *format,
      ...)
{
  va_list args;
  char *line = trail[trail_count % TRAIL_LENGTH];
  int n;

  n = g_snprintf (line, TRAIL_WIDTH, "%u: ", m->step);
  va_start (args, format);
  g_vsnprintf (line + n, TRAIL_WIDTH - n, format, args);
  va_end (args);
  /* A step's words stay on one line of the trail. */
  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
  trail_count++;
  if (g_getenv ("WAYMARK_MONKEY_VERBOSE") != NULL)
    g_printerr ("%s\n", line);
}

static guint
pick (Monkey *m,
      guint   n)
{
  g_assert (n > 0);
  return (guint) g_rand_int_range (m->rand, 0, (gint32) n);
}

static gboolean
chance (Monkey *m,
        guint   percent)
{
  return pick (m, 100) < percent;
}

/* Spins the main loop until nothing more is ready, within a bound: a source that is always
 * ready must not hang the monkey. */
static void
settle (void)
{
  for (guint i = 0; i < 10000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* Describing widgets for the trail */

static void
describe (GtkWidget *widget,
          GString   *out)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));
  GtkWidget *row;

  g_string_append (out, G_OBJECT_TYPE_NAME (widget));
  if (id != NULL)
    g_string_append_printf (out, "#%s", id);
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (out, " “%.40s”", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (out, " “%.40s”", gtk_button_get_label (GTK_BUTTON (widget)));
  else if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_string_append_printf (out, " “%.40s”", gtk_widget_get_tooltip_text (widget));
  if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL)
    g_string_append_printf (out, " [%s]", gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)));

  /* Which row it belongs to: a plan item's fields all look alike. */
  row = gtk_widget_get_parent (widget);
  if (row != NULL)
    row = gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW);
  if (row != NULL)
    g_string_append_printf (out, " in “%.40s”", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static char *
describe_widget (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  describe (widget, out);
  return g_string_free (out, FALSE);
}

/* Walking the widget tree */

typedef gboolean (*WidgetFilter) (Monkey *m, GtkWidget *widget);

static gboolean
is_hidden_from_monkey (Monkey    *m,
                       GtkWidget *widget)
{
  /* The probe is the monkey's own; a toast comes and goes with the clock, so what it offers
   * would make a seed replay differently on a slower machine (its actions are the window's,
   * which the monkey activates anyway); window controls close the window (OP_RESTART's job). */
  return widget == m->probe_popover ||
         g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") ||
         GTK_IS_WINDOW_CONTROLS (widget);
}

static void
collect (Monkey       *m,
         GtkWidget    *widget,
         WidgetFilter  filter,
         GPtrArray    *out)
{
  if (!gtk_widget_get_mapped (widget) || is_hidden_from_monkey (m, widget))
    return;
  if (filter (m, widget))
    g_ptr_array_add (out, g_object_ref (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (m, child, filter, out);
}

/* A random mapped widget of the window that `filter` accepts, with a reference, or NULL. */
static GtkWidget *
pick_widget (Monkey       *m,
             WidgetFilter  filter)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  collect (m, GTK_WIDGET (m->window), filter, found);
  if (found->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (found, pick (m, found->len)));
}

static gboolean
is_usable (GtkWidget *widget)
{
  return gtk_widget_is_sensitive (widget);
}

static gboolean
is_editable (Monkey    *m,
             GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  /* The outer widget (an entry row, a spin button), not the text inside it. */
  if (GTK_IS_TEXT (widget) && parent != NULL && gtk_widget_get_ancestor (parent, GTK_TYPE_EDITABLE) != NULL)
    return FALSE;
  return GTK_IS_EDITABLE (widget) && gtk_editable_get_editable (GTK_EDITABLE (widget)) && is_usable (widget);
}

static gboolean
is_button (Monkey    *m,
           GtkWidget *widget)
{
  if (!is_usable (widget))
    return FALSE;
  if (GTK_IS_LINK_BUTTON (widget))
    return FALSE;  /* opens a browser */
  if (GTK_IS_BUTTON (widget))
    return TRUE;
  /* Menu items and other actionables that are not buttons. */
  return GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL;
}

static gboolean
is_toggle (Monkey    *m,
           GtkWidget *widget)
{
  return (GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget)) && is_usable (widget);
}

static gboolean
is_expander (Monkey    *m,
             GtkWidget *widget)
{
  return ADW_IS_EXPANDER_ROW (widget) && is_usable (widget);
}

static gboolean
is_chooser (Monkey    *m,
            GtkWidget *widget)
{
  return (GTK_IS_DROP_DOWN (widget) || ADW_IS_COMBO_ROW (widget)) && is_usable (widget);
}

static gboolean
is_view_stack (Monkey    *m,
               GtkWidget *widget)
{
  return ADW_IS_VIEW_STACK (widget);
}

static gboolean
is_focusable (Monkey    *m,
              GtkWidget *widget)
{
  return gtk_widget_get_focusable (widget) && is_usable (widget);
}

static gboolean
is_open_popover (Monkey    *m,
                 GtkWidget *widget)
{
  return GTK_IS_POPOVER (widget);
}

/* Action parameters */

static gboolean
is_blocked (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (blocked_actions); i++)
    if (g_str_equal (action, blocked_actions[i]))
      return TRUE;
  return FALSE;
}

static void
find_targets (GtkWidget  *widget,
              const char *action,
              GPtrArray  *out)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0 &&
      gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)) != NULL)
    g_ptr_array_add (out, g_variant_ref (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_targets (child, action, out);
}

static GVariant *make_value (Monkey *m, const char *action, const GVariantType *type);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The plans and files the monkey has in its directory, as URIs. */
static char *
pick_file_uri (Monkey *m)
{
  g_autoptr(GDir) dir = g_dir_open (m->tmpdir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  g_autofree char *path = NULL;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  if (names->len == 0)
    return g_strdup ("file:///nonexistent/plan.waymark");
  g_ptr_array_sort (names, compare_names);  /* the same order on every machine */
  path = g_build_filename (m->tmpdir, g_ptr_array_index (names, pick (m, names->len)), NULL);
  return g_filename_to_uri (path, NULL, NULL);
}

static GVariant *
make_string (Monkey     *m,
             const char *action)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

  if (action != NULL && g_str_has_suffix (action, "recent-plan"))
    {
      g_autofree char *uri = pick_file_uri (m);
      return g_variant_new_string (uri);
    }

  /* What the window itself offers for this action (the view buttons' "list" and "map"). */
  if (action != NULL)
    find_targets (GTK_WIDGET (m->window), action, targets);
  for (guint i = 0; i < targets->len; )
    {
      if (!g_variant_is_of_type (g_ptr_array_index (targets, i), G_VARIANT_TYPE_STRING))
        g_ptr_array_remove_index (targets, i);
      else
        i++;
    }
  if (targets->len > 0)
    {
      /* A new value, floating like every other this returns. */
      GVariant *target = g_ptr_array_index (targets, pick (m, targets->len));
      return g_variant_new_string (g_variant_get_string (target, NULL));
    }

  /* A local service of the plan's, when it has one (issue 15). */
  if (action != NULL && g_str_equal (action, "win.edit-local-service") && m->window->plan != NULL)
    {
      GListModel *services = waymark_plan_get_local_services (m->window->plan);
      guint n = g_list_model_get_n_items (services);

      if (n > 0)
        {
          g_autoptr(WaymarkLocalService) service = g_list_model_get_item (services, pick (m, n));

          return g_variant_new_string (waymark_local_service_get_id (service));
        }
    }

  /* Otherwise an intervention: what almost every string parameter names. */
  return g_variant_new_string (g_ptr_array_index (m->ids, pick (m, m->ids->len)));
}

static GVariant *
make_value (Monkey             *m,
            const char         *action,
            const GVariantType *type)
{
  if (g_variant_type_equal (type, G_VARIANT_TYPE_STRING))
    return make_string (m, action);
  if (g_variant_type_equal (type, G_VARIANT_TYPE_BOOLEAN))
    return g_variant_new_boolean (chance (m, 50));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_INT32))
    return g_variant_new_int32 ((gint32) pick (m, 7) - 3);
  if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT32))
    return g_variant_new_uint32 (pick (m, 12));  /* a position in a list */
  if (g_variant_type_equal (type, G_VARIANT_TYPE_DOUBLE))
    return g_variant_new_double (pick (m, 40) / 10.0);
  if (g_variant_type_equal (type, G_VARIANT_TYPE_STRING_ARRAY))
    {
      /* A set of interventions (a comparison put back), now and then with one no catalogue
       * has, and repeats. */
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      guint n = pick (m, 8);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (ids, chance (m, 10) ? (gpointer) "no-such-intervention"
                                             : g_ptr_array_index (m->ids, pick (m, m->ids->len)));
      return g_variant_new_strv ((const char * const *) ids->pdata, ids->len);
    }
  if (g_variant_type_is_tuple (type))
    {
      g_autoptr(GPtrArray) children = g_ptr_array_new ();

      for (const GVariantType *t = g_variant_type_first (type); t != NULL; t = g_variant_type_next (t))
        g_ptr_array_add (children, make_value (m, NULL, t));
      return g_variant_new_tuple ((GVariant **) children->pdata, children->len);
    }

  g_error ("The monkey cannot make a %s parameter for %s: teach it",
           g_variant_type_peek_string (type), action);
  return NULL;
}

/* Whether an action of the window (or of the application, through it) is enabled. */
static gboolean
is_enabled (Monkey     *m,
            const char *action,
            GVariant   *target)
{
  GtkActionable *probe = GTK_ACTIONABLE (m->probe);

  gtk_actionable_set_action_name (probe, NULL);
  gtk_actionable_set_action_target_value (probe, target);
  gtk_actionable_set_action_name (probe, action);
  return gtk_widget_get_sensitive (m->probe);
}

/* A person's click or key press outside an open popover closes it before it does anything
 * else: an autohide popover takes the pointer while it is open, and GTK 4.8 gives a key pressed
 * in it to the popover alone (the window's shortcuts stop at their own native). So before a step
 * acts outside the open popovers (`target` NULL: the window as a whole, a key, a size), the
 * monkey closes them as that click or Escape would. Driving the window under an open popover
 * instead reaches states no person can (a page switched, or a part hidden, under the open
 * popover), which GTK 4.8 answers by keeping that part of the window alive for ever; the window
 * closes such a popover itself when it switches (test-comparison's page-switch-with-menu-open),
 * but the view switcher's own buttons are libadwaita's. */
static void
close_popovers_outside (Monkey    *m,
                        GtkWidget *target)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean closed = FALSE;

  collect (m, GTK_WIDGET (m->window), is_open_popover, open);
  for (guint i = 0; i < open->len; i++)
    {
      GtkWidget *popover = g_ptr_array_index (open, i);
      g_autofree char *where = NULL;

      if (!gtk_popover_get_autohide (GTK_POPOVER (popover)) || !gtk_widget_get_visible (popover) ||
          (target != NULL && (target == popover || gtk_widget_is_ancestor (target, popover))))
        continue;
      where = describe_widget (popover);
      note (m, "close %s: the step is outside it", where);
      gtk_popover_popdown (GTK_POPOVER (popover));
      closed = TRUE;
    }
  if (closed)
    settle ();
}

static void
activate_in (Monkey     *m,
             GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  g_autofree char *shown = parameter != NULL ? g_variant_print (parameter, FALSE) : NULL;
  g_autofree char *where = describe_widget (widget);

  close_popovers_outside (m, widget);

  note (m, "activate %s%s%s on %s", action, shown != NULL ? " " : "", shown != NULL ? shown : "",
        where);
  gtk_widget_activate_action_variant (widget, action, parameter);
}

/* Steps */

static gboolean
do_window_action (Monkey *m)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (m->window);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  const char *name;
  const GVariantType *type;
  const char *property;
  GType owner;
  g_auto(GStrv) group_actions = NULL;

  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &type, &property); i++)
    {
      g_autoptr(GVariant) parameter = NULL;

      if (is_blocked (name))
        continue;
      parameter = type != NULL ? g_variant_ref_sink (make_value (m, name, type)) : NULL;
      if (!is_enabled (m, name, parameter))
        continue;
      g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_add (params, parameter != NULL ? g_variant_ref (parameter)
                                                 : g_variant_ref_sink (g_variant_new ("()")));
    }

  /* GtkApplicationWindow's own action group, should Waymark ever add to it. */
  group_actions = g_action_group_list_actions (G_ACTION_GROUP (m->window));
  for (guint i = 0; group_actions[i] != NULL; i++)
    {
      g_autofree char *full = g_strconcat ("win.", group_actions[i], NULL);
      const GVariantType *ptype = g_action_group_get_action_parameter_type (G_ACTION_GROUP (m->window),
                                                                            group_actions[i]);
      g_autoptr(GVariant) parameter = ptype != NULL ? g_variant_ref_sink (make_value (m, full, ptype)) : NULL;

      if (is_blocked (full) || !is_enabled (m, full, parameter))
        continue;
      g_ptr_array_add (names, g_steal_pointer (&full));
      g_ptr_array_add (params, parameter != NULL ? g_variant_ref (parameter)
                                                 : g_variant_ref_sink (g_variant_new ("()")));
    }

  gtk_actionable_set_action_name (GTK_ACTIONABLE (m->probe), NULL);
  if (names->len == 0)
    return FALSE;

  {
    guint i = pick (m, names->len);
    GVariant *parameter = g_ptr_array_index (params, i);

    if (g_variant_is_of_type (parameter, G_VARIANT_TYPE_UNIT))
      parameter = NULL;
    activate_in (m, GTK_WIDGET (m->window), g_ptr_array_index (names, i), parameter);
  }
  return TRUE;
}

static gboolean
do_app_action (Monkey *m)
{
  GActionGroup *group = G_ACTION_GROUP (m->app);
  g_auto(GStrv) actions = g_action_group_list_actions (group);
  g_autoptr(GPtrArray) usable = g_ptr_array_new ();
  const char *name;
  const GVariantType *type;
  g_autoptr(GVariant) parameter = NULL;
  g_autofree char *full = NULL;

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_autofree char *prefixed = g_strconcat ("app.", actions[i], NULL);

      if (!is_blocked (prefixed) && g_action_group_get_action_enabled (group, actions[i]))
        g_ptr_array_add (usable, actions[i]);
    }
  if (usable->len == 0)
    return FALSE;

  name = g_ptr_array_index (usable, pick (m, usable->len));
  full = g_strconcat ("app.", name, NULL);
  type = g_action_group_get_action_parameter_type (group, name);
  if (type != NULL)
    parameter = g_variant_ref_sink (make_value (m, full, type));
  close_popovers_outside (m, NULL);
  note (m, "activate %s", full);
  g_action_group_activate_action (group, name, parameter);
  return TRUE;
}

typedef struct
{
  GtkWidget *widget;
  char      *action;
  gboolean   ours;
} WidgetAction;

static void
widget_action_free (WidgetAction *wa)
{
  g_object_unref (wa->widget);
  g_free (wa->action);
  g_free (wa);
}

/* GTK's and libadwaita's own widget actions assume the context of the menu that offers them
 * (GtkLabel's "link.copy" without a link under the pointer crashes GTK 4.8): of theirs, only
 * those that make sense anywhere. Waymark's own must cope with being activated at any time. */
static gboolean
is_library_action_safe (GtkWidget  *widget,
                        GType       owner,
                        const char *name)
{
  static const char * const safe[] = {
    "list.select-item", "list.scroll-to-item", "listitem.activate", "listitem.select",
    "clipboard.cut", "clipboard.copy", "clipboard.paste", "selection.select-all",
    "selection.delete",
  };

  if (g_str_has_prefix (g_type_name (owner), "Waymark"))
    return TRUE;
  /* A label offers selection and the clipboard only when it is selectable. */
  if (GTK_IS_LABEL (widget) && !gtk_label_get_selectable (GTK_LABEL (widget)))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (safe); i++)
    if (g_str_equal (name, safe[i]))
      return TRUE;
  return FALSE;
}

static void
collect_widget_actions (Monkey    *m,
                        GtkWidget *widget,
                        GPtrArray *out)
{
  const GVariantType *type;
  const char *name;
  const char *property;
  GType owner;

  /* All four out-arguments are required by GTK 4.8. */
  if (!gtk_widget_get_mapped (widget) || is_hidden_from_monkey (m, widget))
    return;

  /* The window's own are do_window_action's. */
  if (widget != GTK_WIDGET (m->window) && is_usable (widget))
    for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (widget), i, &owner, &name,
                                                      &type, &property); i++)
      {
        WidgetAction *wa;

        if (is_blocked (name) || !is_library_action_safe (widget, owner, name))
          continue;
        wa = g_new0 (WidgetAction, 1);
        wa->widget = g_object_ref (widget);
        wa->action = g_strdup (name);
        wa->ours = g_str_has_prefix (g_type_name (owner), "Waymark");
        g_ptr_array_add (out, wa);
      }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widget_actions (m, child, out);
}

/* The actions of the widgets inside the window (the comparison's, a map chip's, the list's,
 * a text field's clipboard), Waymark's own more often than GTK's. A disabled one is ignored
 * by GTK, as a greyed-out menu item would be. */
static gboolean
do_widget_action (Monkey *m)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) widget_action_free);
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();
  GPtrArray *from;
  WidgetAction *wa;
  const GVariantType *type = NULL;
  g_autoptr(GVariant) parameter = NULL;
  const char *name;
  const char *property;
  GType owner;

  collect_widget_actions (m, GTK_WIDGET (m->window), all);
  for (guint i = 0; i < all->len; i++)
    if (((WidgetAction *) g_ptr_array_index (all, i))->ours)
      g_ptr_array_add (ours, g_ptr_array_index (all, i));

  from = ours->len > 0 && chance (m, 75) ? ours : all;
  if (from->len == 0)
    return FALSE;
  wa = g_ptr_array_index (from, pick (m, from->len));

  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (wa->widget), i, &owner,
                                                   &name, &type, &property); i++)
    if (g_str_equal (name, wa->action))
      break;
  if (type != NULL)
    parameter = g_variant_ref_sink (make_value (m, wa->action, type));
  activate_in (m, wa->widget, wa->action, parameter);
  return TRUE;
}

static GtkWidget *
find_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
do_type (Monkey *m)
{
  g_autoptr(GtkWidget) widget = pick_widget (m, is_editable);
  GtkEditable *editable;
  g_autofree char *where = NULL;
  const char *text = texts[pick (m, G_N_ELEMENTS (texts))];
  int length;

  if (widget == NULL)
    return FALSE;
  editable = GTK_EDITABLE (widget);
  where = describe_widget (widget);
  length = g_utf8_strlen (gtk_editable_get_text (editable), -1);

  /* As a person would: the focus goes there first. */
  close_popovers_outside (m, widget);
  gtk_widget_grab_focus (widget);
  switch (pick (m, 4))
    {
    case 0:
    case 1:
      note (m, "set text of %s to “%.40s”", where, text);
      gtk_editable_set_text (editable, text);
      break;
    case 2:
      {
        int position = (int) pick (m, (guint) length + 1);

        note (m, "insert “%.40s” at %d into %s", text, position, where);
        gtk_editable_insert_text (editable, text, -1, &position);
      }
      break;
    default:
      {
        int start = (int) pick (m, (guint) length + 1);
        int end = start + (int) pick (m, (guint) (length - start) + 1);

        note (m, "delete %d to %d of %s", start, end, where);
        gtk_editable_delete_text (editable, start, end);
      }
      break;
    }

  /* Often straight on to Enter, as most people type. */
  if (chance (m, 40))
    {
      GtkWidget *text_widget = find_text (widget);

      if (text_widget != NULL)
        {
          note (m, "Enter in %s", where);
          gtk_widget_activate (text_widget);
        }
    }
  return TRUE;
}

static gboolean
do_commit (Monkey *m)
{
  g_autoptr(GtkWidget) widget = pick_widget (m, is_editable);
  g_autofree char *where = NULL;
  GtkWidget *text;

  if (widget == NULL)
    return FALSE;
  where = describe_widget (widget);
  text = find_text (widget);
  if (text == NULL)
    return FALSE;

  close_popovers_outside (m, widget);
  gtk_widget_grab_focus (widget);
  if (ADW_IS_ENTRY_ROW (widget) && chance (m, 30))
    {
      /* What the row's apply button does. */
      note (m, "apply %s", where);
      g_signal_emit_by_name (widget, "apply");
    }
  else
    {
      note (m, "Enter in %s", where);
      gtk_widget_activate (text);
    }
  return TRUE;
}

static gboolean
do_focus_away (Monkey *m)
{
  g_autoptr(GtkWidget) widget = NULL;
  g_autofree char *where = NULL;

  if (chance (m, 30))
    {
      close_popovers_outside (m, NULL);
      note (m, "focus to nothing");
      gtk_root_set_focus (GTK_ROOT (m->window), NULL);
      return TRUE;
    }

  widget = pick_widget (m, is_focusable);
  if (widget == NULL)
    return FALSE;
  close_popovers_outside (m, widget);
  where = describe_widget (widget);
  note (m, "focus to %s", where);
  gtk_widget_grab_focus (widget);
  return TRUE;
}

static gboolean
do_click (Monkey *m)
{
  g_autoptr(GtkWidget) widget = pick_widget (m, is_button);
  g_autofree char *where = NULL;
  const char *action;

  if (widget == NULL)
    return FALSE;
  action = GTK_IS_ACTIONABLE (widget) ? gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) : NULL;
  if (action != NULL && is_blocked (action))
    return FALSE;

  close_popovers_outside (m, widget);
  where = describe_widget (widget);
  note (m, "click %s", where);
  if (GTK_IS_BUTTON (widget))
    g_signal_emit_by_name (widget, "clicked");
  else
    gtk_widget_activate_action_variant (widget, action,
                                        gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)));
  return TRUE;
}

static gboolean
do_toggle (Monkey *m)
{
  g_autoptr(GtkWidget) widget = pick_widget (m, is_toggle);
  g_autofree char *where = NULL;

  if (widget == NULL)
    return FALSE;
  close_popovers_outside (m, widget);
  where = describe_widget (widget);
  note (m, "toggle %s", where);
  /* The keyboard's Space: both have an "activate" that flips them. */
  g_signal_emit_by_name (widget, "activate");
  return TRUE;
}

static gboolean
do_expander (Monkey *m)
{
  g_autoptr(GtkWidget) widget = pick_widget (m, is_expander);
  AdwExpanderRow *row;
  g_autofree char *where = NULL;

  if (widget == NULL)
    return FALSE;
  row = ADW_EXPANDER_ROW (widget);
  close_popovers_outside (m, widget);
  where = describe_widget (widget);
  note (m, "%s %s", adw_expander_row_get_expanded (row) ? "close" : "open", where);
  adw_expander_row_set_expanded (row, !adw_expander_row_get_expanded (row));
  return TRUE;
}

static gboolean
do_choose (Monkey *m)
{
  g_autoptr(GtkWidget) widget = pick_widget (m, is_chooser);
  g_autofree char *where = NULL;
  GListModel *model;
  guint n, choice;

  if (widget == NULL)
    return FALSE;
  model = GTK_IS_DROP_DOWN (widget) ? gtk_drop_down_get_model (GTK_DROP_DOWN (widget))
                                    : adw_combo_row_get_model (ADW_COMBO_ROW (widget));
  n = model != NULL ? g_list_model_get_n_items (model) : 0;
  if (n == 0)
    return FALSE;
  choice = pick (m, n);
  close_popovers_outside (m, widget);
  where = describe_widget (widget);
  note (m, "choose item %u of %s", choice, where);
  if (GTK_IS_DROP_DOWN (widget))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), choice);
  else
    adw_combo_row_set_selected (ADW_COMBO_ROW (widget), choice);
  return TRUE;
}

static gboolean
do_page (Monkey *m)
{
  g_autoptr(GtkWidget) widget = pick_widget (m, is_view_stack);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkSelectionModel) pages = NULL;
  const char *name;

  if (widget == NULL)
    return FALSE;
  pages = adw_view_stack_get_pages (ADW_VIEW_STACK (widget));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      /* Only the pages a switcher shows. */
      if (adw_view_stack_page_get_visible (page) && adw_view_stack_page_get_name (page) != NULL)
        g_ptr_array_add (names, g_strdup (adw_view_stack_page_get_name (page)));
    }
  if (names->len == 0)
    return FALSE;
  name = g_ptr_array_index (names, pick (m, names->len));
  close_popovers_outside (m, NULL);  /* a click on the view switcher */
  note (m, "switch to page %s", name);
  /* As the window switches pages (Alt+1 to Alt+4, its own links): the focus goes with the page. */
  if (!gtk_widget_activate_action (widget, "win.show-page", "s", name))
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (widget), name);
  return TRUE;
}

typedef struct
{
  GtkWidget *window;
  int        width;
} WidthWait;

static gboolean
has_width (gpointer data)
{
  WidthWait *wait = data;

  /* The default size counts a few pixels of decoration that the allocation does not. */
  return ABS (gtk_widget_get_width (wait->window) - wait->width) <= 32;
}

static gboolean
do_resize (Monkey *m)
{
  static const int widths[] = { 360, 800, 1280 };
  WidthWait wait = { GTK_WIDGET (m->window), widths[pick (m, G_N_ELEMENTS (widths))] };
  int height = chance (m, 50) ? 640 : 900;
  int minimum = 0;

  close_popovers_outside (m, NULL);
  note (m, "resize to %d × %d", wait.width, height);
  gtk_window_set_default_size (GTK_WINDOW (m->window), wait.width, height);
  /* Narrower than the window can go, it stops at its smallest. */
  gtk_widget_measure (GTK_WIDGET (m->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  wait.width = MAX (wait.width, minimum);
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (!has_width (&wait))
      {
        if (g_get_monotonic_time () > deadline)
          g_error ("The window is %d pixels wide, not %d (its smallest is %d)",
                   gtk_widget_get_width (GTK_WIDGET (m->window)), wait.width, minimum);
        g_main_context_iteration (NULL, FALSE);
      }
  }
  return TRUE;
}

static gboolean
do_undo_redo (Monkey *m)
{
  const char *action = chance (m, 60) ? "win.undo" : "win.redo";
  guint times = 1 + pick (m, 4);
  gboolean any = FALSE;

  for (guint i = 0; i < times; i++)
    {
      if (!is_enabled (m, action, NULL))
        break;
      activate_in (m, GTK_WIDGET (m->window), action, NULL);
      settle ();
      any = TRUE;
    }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (m->probe), NULL);
  return any;
}

static gboolean
do_popdown (Monkey *m)
{
  g_autoptr(GtkWidget) popover = pick_widget (m, is_open_popover);
  g_autofree char *where = NULL;

  if (popover == NULL)
    return FALSE;
  where = describe_widget (popover);
  note (m, "close %s", where);
  gtk_popover_popdown (GTK_POPOVER (popover));
  return TRUE;
}

static gboolean
do_restart (Monkey *m)
{
  /* Closing asks about unsaved changes (answered by the driver, which may cancel); a crash
   * leaves the recovery copy for the next window to offer. */
  if (chance (m, 50))
    {
      close_popovers_outside (m, NULL);
      note (m, "close the window");
      gtk_window_close (GTK_WINDOW (m->window));
    }
  else
    {
      note (m, "crash: the window goes without closing");
      gtk_window_destroy (GTK_WINDOW (m->window));
    }
  return TRUE;
}

/* Dialogs */

typedef struct
{
  GtkDialog      *dialog;
} ChooserWait;

static gboolean
chooser_done (gpointer data)
{
  ChooserWait *wait = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (!gtk_widget_get_visible (GTK_WIDGET (wait->dialog)))
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (wait->dialog) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }
  return FALSE;
}

static void
on_catalogue_changed (GObject    *window,
                      GParamSpec *pspec,
                      guint      *n_changed)
{
  (*n_changed)++;
}

static gboolean
catalogue_done (gpointer data)
{
  guint *n_changed = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (*n_changed > 0)
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_chooser_widget (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_FILE_CHOOSER_WIDGET (widget);
}

static void
answer_file_chooser (Monkey    *m,
                     GtkDialog *dialog)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
  g_autoptr(GFile) folder = g_file_new_for_path (m->tmpdir);
  g_autofree char *title = g_strdup (gtk_window_get_title (GTK_WINDOW (dialog)));
  g_autoptr(GFile) file = NULL;
  ChooserWait wait = { NULL };
  guint n_changed = 0;
  gulong handler;
  g_autoptr(WaymarkWindow) window = NULL;

  if (chance (m, 20))
    {
      note (m, "cancel the file chooser “%s”", title);
      gtk_dialog_response (dialog, GTK_RESPONSE_CANCEL);
      return;
    }

  if (gtk_file_chooser_get_action (chooser) == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      const char *name = save_names[pick (m, G_N_ELEMENTS (save_names))];

      note (m, "save as “%s” in the file chooser “%s”", name, title);
      file = g_file_get_child (folder, name);
      /* The whole path in the name field, as a person may type it: GTK 4.8's chooser reads a
       * folder it is given asynchronously, and now and then went back to the folder it opened
       * in, so that the file was never chosen (seed 20111, with the UI suite alongside). */
      gtk_file_chooser_set_current_name (chooser, g_file_peek_path (file));
    }
  else
    {
      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
      g_autofree char *uri = pick_file_uri (m);
      g_autofree char *base = NULL;

      file = g_file_new_for_uri (uri);
      base = g_file_get_basename (file);
      GtkWidget *widget = gui_test_find_widget (GTK_WIDGET (dialog), is_chooser_widget, NULL);

      note (m, "choose “%s” in the file chooser “%s”", base, title);
      /* Typed, as after Ctrl+L: GTK 4.8's chooser selects a file it is given only once it has
       * listed the folder, and under Xvfb that never happened. */
      g_assert_nonnull (widget);
      g_signal_emit_by_name (widget, "location-popup", g_file_peek_path (file));
    }

  /* The chooser reads its folder before the file counts as chosen; until then it refuses the
   * answer, as it would refuse a person's click. */
  gui_test_wait_for_chosen (chooser, file, "the file chooser to take the file");
  /* Saving, it first checks (asynchronously) whether the file is there, and asks about
   * replacing it: the answer counts once the chooser has gone or asked. */
  g_object_ref (dialog);
  /* Held: answering "Save Changes?" on closing, the save closes the window. */
  window = g_object_ref (m->window);
  handler = g_signal_connect (window, "notify::catalogue", G_CALLBACK (on_catalogue_changed),
                              &n_changed);
  gtk_dialog_response (dialog, GTK_RESPONSE_ACCEPT);
  wait.dialog = dialog;
  gui_test_wait_until (chooser_done, &wait, 10000, "the file chooser to take the answer");
  g_object_unref (dialog);

  /* A catalogue loads in a thread: the next step waits for it to be in the window or refused,
   * so that a seed replays the same however fast the machine. (The tests run untranslated.) */
  if (g_str_equal (title, "Open Catalogue"))
    gui_test_wait_until (catalogue_done, &n_changed, 60000, "the catalogue to load or be refused");
  g_signal_handler_disconnect (window, handler);
}

static gboolean
is_response_button (Monkey    *m,
                    GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) && is_usable (widget);
}

static void
collect_in (Monkey       *m,
            GtkWidget    *root,
            WidgetFilter  filter,
            GPtrArray    *out)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (filter (m, root))
    g_ptr_array_add (out, g_object_ref (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_in (m, child, filter, out);
}

static void
answer_message_dialog (Monkey           *m,
                       AdwMessageDialog *dialog)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new_with_free_func (g_object_unref);
  const char *heading = adw_message_dialog_get_heading (dialog);

  /* One of its buttons, as a person would press. */
  collect_in (m, GTK_WIDGET (dialog), is_response_button, buttons);
  if (buttons->len > 0)
    {
      GtkWidget *button = g_ptr_array_index (buttons, pick (m, buttons->len));

      note (m, "answer “%s” with “%s”", heading, gtk_button_get_label (GTK_BUTTON (button)));
      g_signal_emit_by_name (button, "clicked");
    }
  else
    {
      note (m, "close “%s”", heading);
      gtk_window_close (GTK_WINDOW (dialog));
    }
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
fill_local_service_form (Monkey    *m,
                         GtkWidget *dialog)
{
  WaymarkLocalServiceDialogParts parts;
  const char *costs[] = { "", "1500", "£32,500.50", "not a cost", "-5" };
  const char *cost = costs[pick (m, G_N_ELEMENTS (costs))];

  waymark_local_service_dialog_get_parts (dialog, &parts);
  note (m, "fill the local service form (cost “%s”)", cost);
  if (chance (m, 80))
    gtk_editable_set_text (parts.name, "Monkey’s local service");
  gtk_check_button_set_active (parts.levels[pick (m, 3)], TRUE);
  gtk_editable_set_text (parts.cost, cost);
  gtk_editable_set_text (parts.age_min, chance (m, 20) ? "200" : "");
}

/* Any other dialog (the file chooser's "replace?"): one of its buttons. */
static void
answer_dialog (Monkey    *m,
               GtkWindow *dialog)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new_with_free_func (g_object_unref);

  collect_in (m, GTK_WIDGET (dialog), is_response_button, buttons);
  if (buttons->len > 0)
    {
      GtkWidget *button = g_ptr_array_index (buttons, pick (m, buttons->len));
      g_autofree char *where = describe_widget (button);

      note (m, "answer the dialog %s “%s” with %s", G_OBJECT_TYPE_NAME (dialog),
            gtk_window_get_title (dialog), where);
      g_signal_emit_by_name (button, "clicked");
    }
  else
    {
      note (m, "close the dialog %s", G_OBJECT_TYPE_NAME (dialog));
      gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_DELETE_EVENT);
    }
}

/* Whether a dialog waits above this one (a chooser's "replace?"): that one is answered first. */
static gboolean
has_dialog_above (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (other) == window && gtk_widget_get_visible (GTK_WIDGET (other)))
        return TRUE;
    }
  return FALSE;
}

/* Answers one dialog (or other window) that is not the main window; FALSE when there is none. */
static gboolean
answer_one_dialog (Monkey *m)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_WIDGET (window) == GTK_WIDGET (m->window) || !gtk_widget_get_visible (GTK_WIDGET (window)) ||
          has_dialog_above (window))
        continue;

      m->n_dialogs++;
      /* The local service's form: filled in, now and then wrongly, before it is answered. */
      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_object_get_data (G_OBJECT (window), "waymark-local-service-parts") != NULL)
        fill_local_service_form (m, GTK_WIDGET (window));
      if (ADW_IS_MESSAGE_DIALOG (window))
        answer_message_dialog (m, ADW_MESSAGE_DIALOG (window));
      else if (GTK_IS_FILE_CHOOSER (window) && GTK_IS_DIALOG (window))
        answer_file_chooser (m, GTK_DIALOG (window));
      else if (g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog"))
        {
          /* Printing is not the monkey's business: test-comparison prints to a file. */
          note (m, "cancel the print dialog");
          gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_CANCEL);
        }
      else if (GTK_IS_DIALOG (window))
        answer_dialog (m, window);
      else
        {
          /* The about and help windows. */
          note (m, "close the window %s “%s”", G_OBJECT_TYPE_NAME (window),
                gtk_window_get_title (window));
          gtk_window_close (window);
        }
      return TRUE;
    }
  return FALSE;
}

/* The window */

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
on_window_destroy (GtkWidget *window,
                   Monkey    *m)
{
  /* A child left behind would keep the window from finalising cleanly. */
  if (m->probe_popover != NULL)
    gtk_widget_unparent (m->probe_popover);
  m->probe_popover = NULL;
  m->probe = NULL;
  m->window_gone = TRUE;
  window_went = TRUE;

}

static void
set_search_delays (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (widget), 0);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_search_delays (child);
}

static void
on_window_finalized (gpointer data)
{
  ((Monkey *) data)->n_windows_finalized++;
}

static void
open_window (Monkey *m)
{
  m->window = g_object_new (WAYMARK_TYPE_WINDOW,
                            "application", m->app,
                            "settings", m->settings,
                            "catalogue", m->catalogue,
                            "recent-manager", m->recent,
                            NULL);
  m->window_gone = FALSE;
  m->n_windows_made++;
  g_object_set_data_full (G_OBJECT (m->window), "monkey-finalize-probe", m, on_window_finalized);
  g_object_add_weak_pointer (G_OBJECT (m->window), (gpointer *) &m->window);
  g_signal_connect (m->window, "destroy", G_CALLBACK (on_window_destroy), m);

  m->probe = gtk_button_new ();
  m->probe_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (m->probe_popover), m->probe);
  gtk_widget_set_parent (m->probe_popover, GTK_WIDGET (m->window));

  /* Searching at once rather than after GTK's 150 ms, so that a seed replays the same on any
   * machine. Found in the tree: waymark_window_get_parts() would build the plan page, which
   * the window makes only when first needed, and the monkey must see the window as it is. */
  set_search_delays (GTK_WIDGET (m->window));
  gtk_window_present (GTK_WINDOW (m->window));
  gui_test_wait_until (is_mapped, m->window, 10000, "the window to be mapped");
}

/* Finalised, not only disposed (which is when a weak pointer is cleared): nothing holds any
 * window the monkey has made. */
static gboolean
is_finalized (gpointer data)
{
  Monkey *m = data;

  return m->window == NULL && m->n_windows_finalized == m->n_windows_made;
}

/* After a close or a crash: the window must be gone entirely, and a new one opens, as a person
 * would start Waymark again. */
static void
reopen_if_gone (Monkey *m)
{
  if (!m->window_gone)
    return;

  gui_test_wait_until (is_finalized, m, 10000, "the closed window to be finalised");
  m->n_restarts++;
  note (m, "start again: a new window");
  open_window (m);
}

static void
answer_dialogs (Monkey *m)
{
  /* Each answer may bring the next (save? then where?); a bound against a loop. */
  for (guint i = 0; i < 20; i++)
    {
      settle ();
      if (!answer_one_dialog (m))
        break;
    }
  settle ();
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *n_frames)
{
  (*n_frames)++;
}

static gboolean
has_frame (gpointer data)
{
  return *(guint *) data > 0;
}

/* Until the window has been laid out again: a list view makes its rows when it is allocated, so
 * without this the widgets the next step chooses from would depend on the frame clock, and a
 * seed would not replay the same. */
static void
wait_for_layout (Monkey *m)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (m->window));
  guint n_frames = 0;
  gulong handler;

  if (clock == NULL)
    return;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &n_frames);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
  gui_test_wait_until (has_frame, &n_frames, 30000, "the window to be laid out");
  g_signal_handler_disconnect (clock, handler);
  settle ();
}

static gboolean (* const ops[N_OPS]) (Monkey *m) = {
  [OP_WINDOW_ACTION] = do_window_action,
  [OP_APP_ACTION] = do_app_action,
  [OP_WIDGET_ACTION] = do_widget_action,
  [OP_TYPE] = do_type,
  [OP_COMMIT] = do_commit,
  [OP_FOCUS_AWAY] = do_focus_away,
  [OP_CLICK] = do_click,
  [OP_TOGGLE] = do_toggle,
  [OP_EXPANDER] = do_expander,
  [OP_CHOOSE] = do_choose,
  [OP_PAGE] = do_page,
  [OP_RESIZE] = do_resize,
  [OP_UNDO_REDO] = do_undo_redo,
  [OP_POPDOWN] = do_popdown,
  [OP_RESTART] = do_restart,
};

static Op
pick_op (Monkey *m)
{
  guint total = 0, r;

  for (guint i = 0; i < N_OPS; i++)
    total += op_weights[i];
  r = pick (m, total);
  for (guint i = 0; i < N_OPS; i++)
    {
      if (r < op_weights[i])
        return (Op) i;
      r -= op_weights[i];
    }
  g_assert_not_reached ();
}

static void
copy_fixture (Monkey     *m,
              const char *from,
              const char *name)
{
  g_autofree char *text = NULL;
  gsize length;
  g_autofree char *to = g_build_filename (m->tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &text, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, text, (gssize) length, &error);
  g_assert_no_error (error);
}

/* Files for the choosers to open: catalogues good and bad, and junk. Plans are added as the
 * monkey saves them. */
static void
fill_directory (Monkey *m)
{
  g_autofree char *catalogue = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "catalogue",
                                                      "interventions.json", NULL);
  g_autofree char *small = g_test_build_filename (G_TEST_DIST, "data", "small-catalogue.json", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad-catalogue.json", NULL);
  g_autofree char *junk = g_build_filename (m->tmpdir, "junk.waymark", NULL);

  copy_fixture (m, catalogue, "catalogue.json");
  copy_fixture (m, small, "small-catalogue.json");
  copy_fixture (m, bad, "bad-catalogue.json");
  g_assert_true (g_file_set_contents (junk, "{\"format\": \"waymark-plan\", \"version\": 1, \"items\": [",
                                      -1, NULL));
}

static void
test_monkey (void)
{
  Monkey monkey = { 0 };
  Monkey *m = &monkey;
  g_autofree char *xbel = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint done[N_OPS] = { 0 };

  /* In the test itself: GLib resets it at the start of each. */
  g_test_log_set_fatal_handler (gui_test_on_fatal_log, NULL);

  trail_seed = test_env_uint ("WAYMARK_MONKEY_SEED", DEFAULT_SEED);
  trail_steps = m->n_steps = test_env_uint ("WAYMARK_MONKEY_STEPS", MONKEY_DEFAULT_STEPS);
  g_test_message ("GUI monkey: WAYMARK_MONKEY_SEED=%u WAYMARK_MONKEY_STEPS=%u", trail_seed, m->n_steps);
  m->rand = g_rand_new_with_seed (trail_seed);

  m->tmpdir = g_dir_make_tmp ("waymark-monkey-XXXXXX", NULL);
  g_assert_nonnull (m->tmpdir);
  fill_directory (m);

  m->app = waymark_application_new ();
  /* Not unique: there is no session bus, and no other instance to hand over to. */
  g_application_set_flags (G_APPLICATION (m->app),
                           g_application_get_flags (G_APPLICATION (m->app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (m->app), NULL, &error);
  g_assert_no_error (error);

  m->catalogue = gui_test_load_catalogue (NULL);
  m->settings = gui_test_fresh_settings ();
  xbel = g_build_filename (m->tmpdir, "recently-used.xbel", NULL);
  m->recent = gui_test_recent_manager_new (xbel);
  m->ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (m->catalogue)); i++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (G_LIST_MODEL (m->catalogue), i);
      g_ptr_array_add (m->ids, g_strdup (waymark_intervention_get_id (item)));
    }

  open_window (m);

  for (m->step = 1; m->step <= m->n_steps; m->step++)
    {
      Op op;

      /* A step that finds nothing to do (no text field on this page) gives way to another. */
      do
        op = pick_op (m);
      while (!ops[op] (m));
      done[op]++;

      settle ();
      answer_dialogs (m);
      reopen_if_gone (m);
      answer_dialogs (m);
      wait_for_layout (m);
    }

  g_test_message ("GUI monkey: %u messages of GTK's tolerated (see is_tolerated), and %u of its "
                  "snapshot warnings (gui-test-util.c)", n_tolerated, gui_test_n_snapshot_warnings ());
  g_test_message ("GUI monkey: %u steps in %.1f s, %u dialogs answered, %u restarts; steps by kind: "
                  "window actions %u, app actions %u, widget actions %u, typing %u, Enter %u, "
                  "focus %u, clicks %u, toggles %u, expanders %u, choices %u, pages %u, "
                  "resizes %u, undo/redo %u, popovers closed %u, restarts %u",
                  m->n_steps, (g_get_monotonic_time () - start) / 1e6, m->n_dialogs, m->n_restarts,
                  done[OP_WINDOW_ACTION], done[OP_APP_ACTION], done[OP_WIDGET_ACTION], done[OP_TYPE],
                  done[OP_COMMIT], done[OP_FOCUS_AWAY], done[OP_CLICK], done[OP_TOGGLE],
                  done[OP_EXPANDER], done[OP_CHOOSE], done[OP_PAGE], done[OP_RESIZE],
                  done[OP_UNDO_REDO], done[OP_POPDOWN], done[OP_RESTART]);

  /* The end: gone without the question, and nothing left holding the window. */
  gtk_window_destroy (GTK_WINDOW (m->window));
  gui_test_wait_until (is_finalized, m, 10000, "the window to be finalised");
  answer_dialogs (m);

  g_object_unref (m->recent);
  /* Nothing the windows made may outlive them: what still holds these is a leak. The run goes
   * on to its end so that the sanitizers' leak report says what it is. */
  if (G_OBJECT (m->catalogue)->ref_count != 1 || G_OBJECT (m->settings)->ref_count != 1)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      print_trail ();
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) left = g_list_model_get_item (toplevels, i);

          g_printerr ("  still open: %s “%s”\n", G_OBJECT_TYPE_NAME (left),
                      gtk_window_get_title (left) != NULL ? gtk_window_get_title (left) : "");
        }
      g_test_fail_printf ("After the last window went, the catalogue is still held %u times and "
                          "the settings %u times besides the test's own",
                          G_OBJECT (m->catalogue)->ref_count - 1,
                          G_OBJECT (m->settings)->ref_count - 1);
      g_object_unref (m->catalogue);
      g_object_unref (m->settings);
    }
  else
    {
      g_assert_finalize_object (m->catalogue);
      g_assert_finalize_object (m->settings);
    }
  g_object_unref (m->app);
  g_ptr_array_unref (m->ids);
  g_rand_free (m->rand);
  test_remove_tree (m->tmpdir);
  g_free (m->tmpdir);
}

int
main (int    argc,
      char **argv)
{
  static const int fatal_signals[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTRAP };

  gui_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    signal (fatal_signals[i], on_fatal_signal);
  if (__sanitizer_set_death_callback != NULL)
    __sanitizer_set_death_callback (print_trail);
  gui_test_set_log_hooks (is_tolerated, print_trail);

  g_test_add_func ("/gui/monkey/random-walk", test_monkey);

  return g_test_run ();
}
