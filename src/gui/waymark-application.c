/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-application.h"
#include "waymark-plan-comparison.h"
#include "waymark-plans-window.h"
#include "waymark-window.h"

struct _WaymarkApplication
{
  AdwApplication parent_instance;

  /* Owned */
  WaymarkCatalogue *catalogue;
  GSettings        *settings;
  /* WaymarkPlanDocument: the plan of each WaymarkWindow open, in the order opened, for Compare
   * Plans. */
  GListStore       *documents;

  gboolean          quit_after_first_frame;
};

G_DEFINE_FINAL_TYPE (WaymarkApplication, waymark_application, ADW_TYPE_APPLICATION)

static int
waymark_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (application);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  self->quit_after_first_frame = g_variant_dict_contains (options, "quit-after-first-frame");

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("waymark %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* A catalogue named on the command line is checked before any window opens: a file that
   * fails validation is reported here, with the loader's words. */
  if (g_variant_dict_lookup (options, "catalogue", "^ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      self->catalogue = waymark_catalogue_new_from_file (file, &error);
      if (self->catalogue == NULL)
        {
          g_printerr ("waymark: %s\n", error->message);
          return 1;
        }
    }

  return -1;
}

static void
load_icon_theme (GTask        *task,
                 gpointer      source_object,
                 gpointer      icon_theme,
                 GCancellable *cancellable)
{
  /* Any query loads the theme, under the theme's own lock. */
  gtk_icon_theme_has_icon (icon_theme, "image-missing");
  g_task_return_boolean (task, TRUE);
}

/* The icon theme loaded on a worker thread while the window is built (issue 18). GTK starts
 * loading it on a thread of its own when the theme is first asked for, in GtkApplication's
 * start-up, but that load is thrown away when the application's and libadwaita's icon folders
 * are added to the theme just after, and the first icon of the first window then loaded the
 * whole theme again on the main thread (the index files of Adwaita and hicolor: about 12 ms
 * here, 67 M instructions, before the first frame). Loaded here, once the folders are in, the
 * window finds it loaded or waits only for the rest. The task holds the theme, as GTK's own
 * does. */
static void
load_icon_theme_in_thread (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, load_icon_theme_in_thread);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)),
                        g_object_unref);
  g_task_run_in_thread (task, load_icon_theme);
}

static void
waymark_application_startup (GApplication *application)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (application);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Primary>q", NULL } },
    /* Shown in the menu; undo and redo are the window's own bindings, so that a text entry
     * with the focus undoes its typing first. */
    { "win.new-plan", { "<Primary>n", NULL } },
    { "win.open-plan", { "<Primary>o", NULL } },
    { "win.save-plan", { "<Primary>s", NULL } },
    { "win.save-plan-as", { "<Primary><Shift>s", NULL } },
    { "win.open-catalogue", { "<Primary><Shift>o", NULL } },
    /* GtkApplication set this itself while the shortcuts window was gtk/help-overlay.ui. */
    { "win.show-help-overlay", { "<Primary>question", NULL } },
  };

  G_APPLICATION_CLASS (waymark_application_parent_class)->startup (application);
  load_icon_theme_in_thread ();

  self->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
  gtk_window_set_default_icon_name (APP_ID);
}

static GtkWindow *
ensure_window (WaymarkApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_autoptr(WaymarkWorkspace) workspace = NULL;

      if (self->catalogue == NULL)
        {
          g_autoptr(GError) error = NULL;

          /* The review's catalogue is built in: failing to read it is a broken build. */
          self->catalogue = waymark_catalogue_new_default (&error);
          if (self->catalogue == NULL)
            g_error ("The built-in catalogue is unreadable: %s", error->message);
        }

      workspace = waymark_workspace_new (self->catalogue, self->settings);

      window = g_object_new (WAYMARK_TYPE_WINDOW,
                             "application", self,
                             "workspace", workspace,
                             "defer-offscreen-rows", TRUE,
                             NULL);
    }

  return window;
}

static void
count_widgets (GtkWidget  *widget,
               guint      *built,
               guint      *mapped,
               GHashTable *by_type)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  *built += 1;
  *mapped += gtk_widget_get_mapped (widget) ? 1 : 0;
  g_hash_table_insert (by_type, (gpointer) type,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (by_type, type)) + 1));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_widgets (child, built, mapped, by_type);
}

static guint
subtree_size (GtkWidget *widget)
{
  guint size = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    size += subtree_size (child);

  return size;
}

/* The parts built but not on screen: unmapped widgets whose parent is mapped, with their sizes. */
static void
list_unmapped (GtkWidget *widget,
               GString   *line)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_mapped (child))
        list_unmapped (child, line);
      else if (subtree_size (child) >= 10)
        g_string_append_printf (line, " %s%s%s=%u", G_OBJECT_TYPE_NAME (child),
                                gtk_widget_get_parent (widget) != NULL ? "<" : "",
                                G_OBJECT_TYPE_NAME (widget), subtree_size (child));
    }
}

static int
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      by_type)
{
  guint count_a = GPOINTER_TO_UINT (g_hash_table_lookup (by_type, *(const char **) a));
  guint count_b = GPOINTER_TO_UINT (g_hash_table_lookup (by_type, *(const char **) b));

  return count_a != count_b ? (count_a < count_b ? 1 : -1) : strcmp (*(const char **) a,
                                                                     *(const char **) b);
}

/* After the timestamp, so it costs the frame nothing: how many widgets the window holds at its
 * first frame, how many of them are on screen, and the commonest kinds (issue 18). */
static void
print_widget_counts (GtkWidget *window)
{
  g_autoptr(GHashTable) by_type = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **types = NULL;
  g_autoptr(GString) line = g_string_new ("first-frame-widget-types");
  guint built = 0, mapped = 0, n_types;

  count_widgets (window, &built, &mapped, by_type);
  types = (const char **) g_hash_table_get_keys_as_array (by_type, &n_types);
  g_qsort_with_data (types, n_types, sizeof (char *), compare_counts, by_type);
  for (guint i = 0; i < MIN (n_types, 12); i++)
    g_string_append_printf (line, " %s=%u", types[i],
                            GPOINTER_TO_UINT (g_hash_table_lookup (by_type, types[i])));
  g_print ("first-frame-widgets %u (mapped %u)\n%s\n", built, mapped, line->str);
  g_string_assign (line, "first-frame-unmapped");
  list_unmapped (window, line);
  g_print ("%s\n", line->str);
}

/* --quit-after-first-frame: say when the first frame was painted (CLOCK_MONOTONIC, for
 * bench/startup.py and the install test) and what it held, then quit. */
static void
on_first_frame (GdkFrameClock      *clock,
                WaymarkApplication *self)
{
  g_print ("first-frame-monotonic-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  print_widget_counts (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))));
  g_application_quit (G_APPLICATION (self));
}

static void
on_window_realize (GtkWidget          *window,
                   WaymarkApplication *self)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_frame), self);
}

static void
watch_first_frame (WaymarkApplication *self,
                   GtkWindow          *window)
{
  if (self->quit_after_first_frame && !gtk_widget_get_realized (GTK_WIDGET (window)))
    g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), self);
}

static void
waymark_application_activate (GApplication *application)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (application);
  gboolean starting = gtk_application_get_active_window (GTK_APPLICATION (self)) == NULL;
  GtkWindow *window = ensure_window (self);

  watch_first_frame (self, window);
  gtk_window_present (window);
  /* As GNOME Text Editor restores its session: the plan open when Waymark last closed. */
  if (starting)
    waymark_window_reopen_last_plan (WAYMARK_WINDOW (window));
}

/* `waymark PLAN.waymark`: the plan opens in the window (one plan a window: the first file).
 * The plan is read before the first frame, so --quit-after-first-frame times a frame that
 * shows it (bench/plan-memory.py). */
static void
waymark_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (application);
  GtkWindow *window = ensure_window (self);

  watch_first_frame (self, window);
  gtk_window_present (window);
  if (n_files > 0)
    waymark_window_open_plan (WAYMARK_WINDOW (window), files[0]);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (user_data);
  static const char *developers[] = { "The Waymark developers", NULL };
  static const char *data_source[] = { "Crest Advisory", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Waymark"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Waymark developers"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Find, compare and plan interventions to prevent and reduce "
                                      "domestic abuse and sexual violence, from the evidence of a "
                                      "rapid evidence review."),
                        "translator-credits", _("translator-credits"),
                        NULL);

  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about),
                                       _("Data source: Rapid evidence review: Interventions to "
                                         "prevent and reduce domestic abuse and sexual violence"),
                                       data_source);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("The evidence review"),
                                      _("© Crest Advisory"),
                                      GTK_LICENSE_CUSTOM,
                                      _("The interventions, their ratings and all their text come "
                                        "from “Rapid evidence review: Interventions to prevent and "
                                        "reduce domestic abuse and sexual violence” by Crest "
                                        "Advisory, written for Leicester, Leicestershire and "
                                        "Rutland."));
  gtk_window_present (GTK_WINDOW (about));
}

/* The window whose plan is meant: the active one, or the most recent plan window when the
 * active window is another (Compare Plans). */
static WaymarkWindow *
plan_window (WaymarkApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (WAYMARK_IS_WINDOW (active))
    return WAYMARK_WINDOW (active);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (WAYMARK_IS_WINDOW (l->data))
      return WAYMARK_WINDOW (l->data);
  return NULL;
}

/* Duplicate as Scenario (issue 17): the plan copied into a new, unsaved plan in a new window.
 * One plan a window is GNOME's document model (as GNOME Text Editor and LibreOffice open each
 * document in its own window): the scenarios can be put side by side on screen, each keeps its
 * own undo history and its own Save, and closing one asks about its unsaved changes alone. */
static void
duplicate_as_scenario_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (user_data);
  WaymarkWindow *source = plan_window (self);
  WaymarkWorkspace *source_workspace;
  WaymarkPlan *plan;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(WaymarkWorkspace) workspace = NULL;
  g_autoptr(GFile) recovery_file = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  if (source == NULL)
    return;
  source_workspace = waymark_window_get_workspace (source);
  plan = waymark_plan_document_get_plan (waymark_workspace_get_plan_document (source_workspace));

  /* The next letter no open plan has. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->documents)); i++)
    {
      g_autoptr(WaymarkPlanDocument) document =
        g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      g_ptr_array_add (titles, (gpointer) waymark_plan_get_title (
                         waymark_plan_document_get_plan (document)));
    }
  g_ptr_array_add (titles, NULL);
  title = waymark_plan_comparison_dup_scenario_title (waymark_plan_get_title (plan),
                                                     (const char * const *) titles->pdata);

  workspace = waymark_workspace_new (waymark_window_get_catalogue (source),
                                     waymark_workspace_get_settings (source_workspace));
  /* A recovery copy of its own, which no other open plan keeps and no crash left. */
  recovery_file = waymark_plan_document_dup_free_recovery_file (NULL,
                                                                G_LIST_MODEL (self->documents));
  if (!waymark_plan_document_open_copy (waymark_workspace_get_plan_document (workspace), plan,
                                        title, recovery_file, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (source),
                                                  _("Could Not Duplicate the Plan"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  window = g_object_new (WAYMARK_TYPE_WINDOW,
                         "application", self,
                         "workspace", workspace,
                         NULL);
  gtk_widget_activate_action (window, "win.show-page", "s", "plan");
  gtk_window_present (GTK_WINDOW (window));
}

static void
compare_plans_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (user_data);
  WaymarkWindow *source = plan_window (self);
  WaymarkCatalogue *catalogue = source != NULL ? waymark_window_get_catalogue (source)
                                               : self->catalogue;
  GtkWidget *window;

  if (catalogue == NULL)
    return;
  window = waymark_plans_window_new (GTK_APPLICATION (self), catalogue,
                                     G_LIST_MODEL (self->documents));
  gtk_window_present (GTK_WINDOW (window));
}

/* The window's document is kept on the window as it is added: by the time a window is removed
 * (as it goes) it may have let go of its workspace. */
static void
on_window_added (GtkApplication     *application,
                 GtkWindow          *window,
                 WaymarkApplication *self)
{
  WaymarkPlanDocument *document;

  if (!WAYMARK_IS_WINDOW (window))
    return;
  document = waymark_workspace_get_plan_document (
    waymark_window_get_workspace (WAYMARK_WINDOW (window)));
  g_object_set_data_full (G_OBJECT (window), "waymark-plan-document", g_object_ref (document),
                          g_object_unref);
  g_list_store_append (self->documents, document);
}

static void
on_window_removed (GtkApplication     *application,
                   GtkWindow          *window,
                   WaymarkApplication *self)
{
  WaymarkPlanDocument *document = g_object_get_data (G_OBJECT (window), "waymark-plan-document");
  guint position;

  if (document != NULL && self->documents != NULL &&
      g_list_store_find (self->documents, document, &position))
    g_list_store_remove (self->documents, position);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close rather than destroy, so each window saves its state. */
  for (GList *l = windows; l != NULL; )
    {
      GList *next = l->next;

      gtk_window_close (GTK_WINDOW (l->data));
      l = next;
    }
}

static void
waymark_application_dispose (GObject *object)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (object);

  g_clear_object (&self->catalogue);
  g_clear_object (&self->settings);
  g_clear_object (&self->documents);

  G_OBJECT_CLASS (waymark_application_parent_class)->dispose (object);
}

static void
waymark_application_class_init (WaymarkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = waymark_application_dispose;

  app_class->handle_local_options = waymark_application_handle_local_options;
  app_class->startup = waymark_application_startup;
  app_class->activate = waymark_application_activate;
  app_class->open = waymark_application_open;
}

static void
waymark_application_init (WaymarkApplication *self)
{
  static const GActionEntry actions[] = {
    { "about", about_action },
    { "quit", quit_action },
    { "duplicate-as-scenario", duplicate_as_scenario_action },
    { "compare-plans", compare_plans_action },
  };
  static const GOptionEntry options[] = {
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this catalogue instead of the review’s"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { "quit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL,
      N_("Print when the first frame is painted, then quit (for benchmarks and tests)"), NULL },
    { NULL }
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  self->documents = g_list_store_new (WAYMARK_TYPE_PLAN_DOCUMENT);
  g_signal_connect (self, "window-added", G_CALLBACK (on_window_added), self);
  g_signal_connect (self, "window-removed", G_CALLBACK (on_window_removed), self);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[PLAN.waymark]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Find, compare and plan interventions to prevent "
                                              "and reduce domestic abuse and sexual violence, "
                                              "from a rapid evidence review. With a plan file, "
                                              "opens that plan."));
}

WaymarkApplication *
waymark_application_new (void)
{
  return g_object_new (WAYMARK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/waymark/Waymark",
                       NULL);
}
