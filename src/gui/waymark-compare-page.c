/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "waymark-gui-a11y.h"
#include "waymark-compare-page.h"
#include "waymark-gui-format.h"
#include "waymark-compare-strip.h"
#include "waymark-safe-write.h"

/* Every column is as wide as every other, so the names above line up with the cells below. */
#define COLUMN_WIDTH 280
#define ROW_HEADER_WIDTH 220
/* Columns narrow to fit the page down to this (at 100 %), then the table scrolls sideways. */
#define MIN_COLUMN_WIDTH 170
/* The page's width the table does not get: the rows' padding and the vertical scrollbar. */
#define TABLE_MARGINS 48

struct _WaymarkComparePage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkLabel          *hint_label;
  GtkWidget         *export_button;
  GtkWidget         *clear_button;
  GtkWidget         *header_row;
  GtkWidget         *corner_label;
  GtkBox            *header_box;
  GtkScrolledWindow *body_scroller;
  GtkBox            *rows_box;
  GtkScrollbar      *hscrollbar;

  /* Owned */
  WaymarkComparison *comparison;
  GSignalGroup      *comparison_signals;
  GtkAdjustment     *hadjustment;
  GPtrArray         *rows;  /* GtkWidget, borrowed from rows_box, in row order */
  gboolean           hide_identical;
  guint              zoom;
  GtkCssProvider    *zoom_provider;
  int                page_width;    /* at the last allocation; 0 before the first */
  int                column_width;  /* the columns' width at the last rebuild */
  guint              fit_idle;
};

G_DEFINE_FINAL_TYPE (WaymarkComparePage, waymark_compare_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_COMPARISON,
  PROP_HIDE_IDENTICAL,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Columns widen with the text, so a zoomed table wraps no more than an unzoomed one. */
static int
scaled (WaymarkComparePage *self,
        int                 width)
{
  return width * (int) self->zoom / 100;
}

/* As wide as the text's size asks (COLUMN_WIDTH, scaled), or narrower where that fits every
 * column on the page: at 1920 pixels and 150 % a fourth column was cut off (issue 13). Text
 * wraps in the narrower columns; below MIN_COLUMN_WIDTH the table scrolls instead. */
static int
column_width (WaymarkComparePage *self,
              guint               n_columns)
{
  int wanted = scaled (self, COLUMN_WIDTH);
  int room;

  if (self->page_width <= 0 || n_columns == 0)
    return wanted;
  room = (self->page_width - scaled (self, ROW_HEADER_WIDTH) - TABLE_MARGINS) / (int) n_columns;
  return CLAMP (room, scaled (self, MIN_COLUMN_WIDTH), wanted);
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
icon_button_new (const char *icon_name,
                 const char *tooltip,
                 const char *a11y_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  set_accessible_label (button, a11y_label);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* Drag a column by its header onto another to put it in that one's place. */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *header)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING, gtk_widget_get_name (header));
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *header)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (header);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

typedef struct
{
  WaymarkComparePage *page;
  char               *id;
  guint               position;
} PendingDrop;

static void
pending_drop_free (gpointer data)
{
  PendingDrop *drop = data;

  g_object_unref (drop->page);
  g_free (drop->id);
  g_free (drop);
}

static gboolean
apply_drop (gpointer data)
{
  PendingDrop *drop = data;

  waymark_compare_page_drop_column (drop->page, drop->id, drop->position);
  return G_SOURCE_REMOVE;
}

static gboolean
on_drop (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         WaymarkComparePage *self)
{
  GtkWidget *header = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const char *id = g_value_get_string (value);
  PendingDrop *drop;

  if (self->comparison == NULL || id == NULL || !waymark_comparison_contains (self->comparison, id))
    return FALSE;

  /* Moving rebuilds the headers, the drag's own among them: not while the drop is handled. */
  drop = g_new0 (PendingDrop, 1);
  drop->page = g_object_ref (self);
  drop->id = g_strdup (id);
  drop->position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (header), "position"));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_drop, drop, pending_drop_free);
  return TRUE;
}

static GtkWidget *
column_header_new (WaymarkComparePage  *self,
                   WaymarkIntervention *item,
                   guint                position,
                   guint                n_columns)
{
  const char *id = waymark_intervention_get_id (item);
  const char *name = waymark_intervention_get_name (item);
  GtkWidget *header;
  GtkWidget *label;
  GtkWidget *buttons;
  GtkWidget *button;
  g_autofree char *a11y = NULL;

  header = g_object_new (GTK_TYPE_BOX,
                         "orientation", GTK_ORIENTATION_VERTICAL,
                         "spacing", 4,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER,
                         NULL);
  gtk_widget_set_size_request (header, self->column_width, -1);
  gtk_widget_add_css_class (header, "compare-column-header");
  gtk_widget_set_name (header, id);
  g_object_set_data (G_OBJECT (header), "position", GUINT_TO_POINTER (position));
  /* GTK 4.8 has no Table interface, so a screen reader finds the column by this name. */
  set_accessible_label (header, name);

  if (n_columns > 1)
    {
      GtkDragSource *source = gtk_drag_source_new ();
      GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), header);
      g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), header);
      gtk_widget_add_controller (header, GTK_EVENT_CONTROLLER (source));
      g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
      gtk_widget_add_controller (header, GTK_EVENT_CONTROLLER (target));
      /* Translators: a column header's tooltip on the Compare page */
      gtk_widget_set_tooltip_text (header, _("Drag to move this column"));
    }

  label = gtk_label_new (name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 1);
  gtk_widget_set_vexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "compare-heading");
  gtk_box_append (GTK_BOX (header), label);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_box_append (GTK_BOX (header), buttons);

  /* Translators: a screen reader's name for a column's button; %s is an intervention's name */
  a11y = g_strdup_printf (_("Move “%s” left"), name);
  button = icon_button_new ("go-previous-symbolic", _("Move Left"), a11y);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(si)", id, -1);
  /* At an edge the button has no action, or the action would make it sensitive again. */
  if (position > 0)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "compare.move");
  else
    gtk_widget_set_sensitive (button, FALSE);
  gtk_box_append (GTK_BOX (buttons), button);
  g_clear_pointer (&a11y, g_free);

  /* Translators: a screen reader's name for a column's button; %s is an intervention's name */
  a11y = g_strdup_printf (_("Move “%s” right"), name);
  button = icon_button_new ("go-next-symbolic", _("Move Right"), a11y);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(si)", id, 1);
  if (position + 1 < n_columns)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "compare.move");
  else
    gtk_widget_set_sensitive (button, FALSE);
  gtk_box_append (GTK_BOX (buttons), button);
  g_clear_pointer (&a11y, g_free);

  /* Translators: a screen reader's name for a column's button; %s is an intervention's name */
  a11y = g_strdup_printf (_("Add “%s” to the plan"), name);
  button = icon_button_new ("list-add-symbolic", _("Add to Plan"), a11y);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.add-to-plan");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), button);
  g_clear_pointer (&a11y, g_free);

  /* Translators: a screen reader's name for a column's button; %s is an intervention's name */
  a11y = g_strdup_printf (_("Remove “%s” from the comparison"), name);
  button = icon_button_new ("window-close-symbolic", _("Remove from Comparison"), a11y);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "compare.remove");
  gtk_box_append (GTK_BOX (buttons), button);

  return header;
}

static GtkWidget *
row_new (WaymarkComparePage   *self,
         WaymarkComparisonRow *row,
         GPtrArray            *columns)
{
  GtkWidget *widget;
  GtkWidget *header;
  GtkWidget *label;
  GtkWidget *scroller;
  GtkWidget *clamp;
  GtkWidget *cells;
  guint n = columns->len;

  widget = g_object_new (GTK_TYPE_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_ROW, NULL);
  gtk_widget_set_name (widget, row->key);
  /* Read row by row, each row and its header say which attribute it holds. */
  set_accessible_label (widget, row->label);
  gtk_widget_add_css_class (widget, "compare-row");
  if (row->differs && n > 1)
    gtk_widget_add_css_class (widget, "differs");

  header = g_object_new (GTK_TYPE_BOX,
                         "orientation", GTK_ORIENTATION_VERTICAL,
                         "spacing", 4,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_ROW_HEADER,
                         NULL);
  set_accessible_label (header, row->label);
  gtk_widget_set_size_request (header, scaled (self, ROW_HEADER_WIDTH), -1);
  gtk_widget_add_css_class (header, "compare-row-header");
  label = gtk_label_new (row->label);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "compare-heading");
  gtk_box_append (GTK_BOX (header), label);
  if (row->differs && n > 1)
    gtk_box_append (GTK_BOX (header),
                    waymark_mark_new ("view-dual-symbolic", _("Differs"), "differs-mark"));
  if (row->note != NULL)
    {
      GtkWidget *note = gtk_label_new (row->note);

      gtk_box_append (GTK_BOX (header),
                      waymark_mark_new ("dialog-information-symbolic", _("Not ranked"),
                                        "note-mark"));
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (note), 1);
      gtk_widget_add_css_class (note, "compare-note");
      gtk_box_append (GTK_BOX (header), note);
    }
  /* However long a note, the header keeps its width, so the columns stay aligned. */
  clamp = g_object_new (ADW_TYPE_CLAMP,
                        "maximum-size", scaled (self, ROW_HEADER_WIDTH),
                        "tightening-threshold", scaled (self, ROW_HEADER_WIDTH),
                        "child", header,
                        NULL);
  gtk_widget_set_size_request (clamp, scaled (self, ROW_HEADER_WIDTH), -1);
  gtk_widget_set_hexpand (clamp, FALSE);
  gtk_box_append (GTK_BOX (widget), clamp);

  /* Each row scrolls sideways with the shared adjustment, so its header stays put. */
  cells = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_halign (cells, GTK_ALIGN_START);
  scroller = waymark_compare_strip_new (cells, self->hadjustment);
  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (widget), scroller);

  for (guint i = 0; i < n; i++)
    {
      WaymarkIntervention *item = g_ptr_array_index (columns, i);
      gboolean best = (row->best & (1u << i)) != 0;
      GtkWidget *cell;
      g_autofree char *a11y = NULL;

      cell = g_object_new (GTK_TYPE_BOX,
                           "orientation", GTK_ORIENTATION_VERTICAL,
                           "spacing", 4,
                           "accessible-role", GTK_ACCESSIBLE_ROLE_CELL,
                           NULL);
      gtk_widget_set_size_request (cell, self->column_width, -1);
      gtk_widget_add_css_class (cell, "compare-cell");

      label = gtk_label_new (row->cells[i]);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      /* Keeps the natural width within the column, so heights are measured at that width. */
      gtk_label_set_max_width_chars (GTK_LABEL (label), 1);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (cell), label);

      if (best)
        {
          gtk_widget_add_css_class (cell, "best");
          gtk_box_append (GTK_BOX (cell), waymark_mark_new ("starred-symbolic", row->best_label,
                                                            "best-mark"));
        }

      /* Translators: a table cell for a screen reader: "Evidence rating, Drive project: High" */
      a11y = g_strdup_printf (_("%s, %s: %s"), row->label, waymark_intervention_get_name (item),
                              row->cells[i]);
      if (best)
        {
          char *with_mark = g_strdup_printf ("%s (%s)", a11y, row->best_label);

          g_free (a11y);
          a11y = with_mark;
        }
      set_accessible_label (cell, a11y);
      gtk_box_append (GTK_BOX (cells), cell);
    }

  g_object_set_data (G_OBJECT (widget), "differs", GINT_TO_POINTER (row->differs && n > 1));
  return widget;
}

static void
update_visibility (WaymarkComparePage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      gboolean differs = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "differs"));
      gboolean compared = self->comparison != NULL &&
                          g_list_model_get_n_items (G_LIST_MODEL (self->comparison)) > 1;

      gtk_widget_set_visible (row, !self->hide_identical || !compared || differs);
    }
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
rebuild (WaymarkComparePage *self)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = NULL;
  guint n = 0;
  g_autofree char *hint = NULL;

  gtk_widget_set_size_request (self->corner_label, scaled (self, ROW_HEADER_WIDTH), -1);
  clear_box (self->header_box);
  clear_box (self->rows_box);
  g_ptr_array_set_size (self->rows, 0);

  if (self->comparison != NULL)
    n = g_list_model_get_n_items (G_LIST_MODEL (self->comparison));

  self->column_width = column_width (self, n);
  gtk_stack_set_visible_child_name (self->stack, n == 0 ? "empty" : "table");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.clear", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export-csv", n > 0);
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (columns, g_list_model_get_item (G_LIST_MODEL (self->comparison), i));

  for (guint i = 0; i < n; i++)
    gtk_box_append (self->header_box,
                    column_header_new (self, g_ptr_array_index (columns, i), i, n));

  rows = waymark_comparison_build_rows (self->comparison);
  for (guint r = 0; r < rows->len; r++)
    {
      GtkWidget *row = row_new (self, g_ptr_array_index (rows, r), columns);

      gtk_box_append (self->rows_box, row);
      g_ptr_array_add (self->rows, row);
    }

  if (n < WAYMARK_COMPARISON_MIN)
    hint = g_strdup (_("Add at least one more intervention to compare."));
  else
    /* Translators: above the comparison table */
    hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Comparing %u intervention (at most %d)",
                                         "Comparing %u interventions (at most %d)", n),
                            n, WAYMARK_COMPARISON_MAX);
  gtk_label_set_label (self->hint_label, hint);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.hide-identical",
                                 n >= WAYMARK_COMPARISON_MIN);
  update_visibility (self);
}

static void
on_comparison_items_changed (GListModel         *model,
                             guint               position,
                             guint               removed,
                             guint               added,
                             WaymarkComparePage *self)
{
  rebuild (self);
}

/* Actions */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WaymarkComparePage *self = WAYMARK_COMPARE_PAGE (widget);
  const char *id;
  int offset;

  g_variant_get (parameter, "(&si)", &id, &offset);
  if (self->comparison != NULL && (offset == -1 || offset == 1))
    waymark_comparison_move (self->comparison, id, offset);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WaymarkComparePage *self = WAYMARK_COMPARE_PAGE (widget);

  if (self->comparison != NULL)
    waymark_comparison_remove (self->comparison, g_variant_get_string (parameter, NULL));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WaymarkComparePage *self = WAYMARK_COMPARE_PAGE (widget);

  /* Through the window, which offers to put the set back; on its own, the page clears it. */
  if (self->comparison != NULL &&
      !gtk_widget_activate_action (widget, "win.clear-comparison", NULL))
    waymark_comparison_clear (self->comparison);
}

static void
on_export_response (GtkNativeDialog    *native,
                    int                 response,
                    WaymarkComparePage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (!waymark_compare_page_export_csv (self, file, &error))
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                      _("Could Not Export the Comparison"),
                                                      error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WaymarkComparePage *self = WAYMARK_COMPARE_PAGE (widget);
  GtkFileChooserNative *native;
  GtkFileFilter *csv;

  native = gtk_file_chooser_native_new (_("Export Comparison"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: the suggested file name of a comparison export */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("comparison.csv"));
  csv = gtk_file_filter_new ();
  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv);
  g_object_unref (csv);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WaymarkComparePage *self = WAYMARK_COMPARE_PAGE (widget);

  if (g_str_equal (action_name, "compare.zoom-in"))
    waymark_compare_page_set_zoom (self, MIN (self->zoom + WAYMARK_COMPARE_PAGE_ZOOM_STEP,
                                              WAYMARK_COMPARE_PAGE_ZOOM_MAX));
  else if (g_str_equal (action_name, "compare.zoom-out"))
    waymark_compare_page_set_zoom (self, MAX (self->zoom - WAYMARK_COMPARE_PAGE_ZOOM_STEP,
                                              WAYMARK_COMPARE_PAGE_ZOOM_MIN));
  else
    waymark_compare_page_set_zoom (self, 100);
}

static void
update_zoom_actions (WaymarkComparePage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.zoom-in",
                                 self->zoom < WAYMARK_COMPARE_PAGE_ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.zoom-out",
                                 self->zoom > WAYMARK_COMPARE_PAGE_ZOOM_MIN);
}

/* GObject */

/* Layout: one child, the page's stack; the columns follow the page's width. */

static void
waymark_compare_page_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  WaymarkComparePage *self = WAYMARK_COMPARE_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
on_fit_idle (gpointer data)
{
  WaymarkComparePage *self = data;
  guint n = self->comparison != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->comparison))
                                     : 0;

  self->fit_idle = 0;
  if (column_width (self, n) != self->column_width)
    rebuild (self);
}

static void
waymark_compare_page_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  WaymarkComparePage *self = WAYMARK_COMPARE_PAGE (widget);

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
  /* The columns are rebuilt after this layout, never during it. */
  if (width != self->page_width)
    {
      self->page_width = width;
      if (self->fit_idle == 0)
        self->fit_idle = g_idle_add_once (on_fit_idle, self);
    }
}

static void
waymark_compare_page_dispose (GObject *object)
{
  WaymarkComparePage *self = WAYMARK_COMPARE_PAGE (object);

  g_signal_group_set_target (self->comparison_signals, NULL);
  g_clear_handle_id (&self->fit_idle, g_source_remove);
  g_clear_object (&self->comparison);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_COMPARE_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->zoom_provider);

  G_OBJECT_CLASS (waymark_compare_page_parent_class)->dispose (object);
}

static void
waymark_compare_page_finalize (GObject *object)
{
  WaymarkComparePage *self = WAYMARK_COMPARE_PAGE (object);

  /* Kept until now so that a setter called after dispose is still safe */
  g_clear_object (&self->comparison_signals);

  G_OBJECT_CLASS (waymark_compare_page_parent_class)->finalize (object);
}

static void
waymark_compare_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WaymarkComparePage *self = WAYMARK_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    case PROP_HIDE_IDENTICAL:
      g_value_set_boolean (value, self->hide_identical);
      break;
    case PROP_ZOOM:
      g_value_set_uint (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_compare_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  WaymarkComparePage *self = WAYMARK_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      waymark_compare_page_set_comparison (self, g_value_get_object (value));
      break;
    case PROP_HIDE_IDENTICAL:
      waymark_compare_page_set_hide_identical (self, g_value_get_boolean (value));
      break;
    case PROP_ZOOM:
      waymark_compare_page_set_zoom (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_compare_page_class_init (WaymarkComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_compare_page_dispose;
  object_class->finalize = waymark_compare_page_finalize;
  object_class->get_property = waymark_compare_page_get_property;
  object_class->set_property = waymark_compare_page_set_property;

  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, WAYMARK_TYPE_COMPARISON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDE_IDENTICAL] =
    g_param_spec_boolean ("hide-identical", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_uint ("zoom", NULL, NULL,
                       WAYMARK_COMPARE_PAGE_ZOOM_MIN, WAYMARK_COMPARE_PAGE_ZOOM_MAX, 100,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkComparePage, stack);
  gtk_widget_class_bind_template_child (widget_class, WaymarkComparePage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkComparePage, export_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkComparePage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkComparePage, header_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkComparePage, corner_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkComparePage, body_scroller);
  gtk_widget_class_bind_template_child (widget_class, WaymarkComparePage, rows_box);
  gtk_widget_class_bind_template_child (widget_class, WaymarkComparePage, hscrollbar);

  gtk_widget_class_install_action (widget_class, "compare.move", "(si)", move_action);
  gtk_widget_class_install_action (widget_class, "compare.remove", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "compare.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "compare.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_property_action (widget_class, "compare.hide-identical", "hide-identical");
  gtk_widget_class_install_action (widget_class, "compare.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "compare.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "compare.zoom-reset", NULL, zoom_action);

  widget_class->measure = waymark_compare_page_measure;
  widget_class->size_allocate = waymark_compare_page_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "comparepage");
}

static void
waymark_compare_page_init (WaymarkComparePage *self)
{
  GtkWidget *header_strip;

  gtk_widget_init_template (GTK_WIDGET (self));
  waymark_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  waymark_a11y_name_status_pages (GTK_WIDGET (self));

  self->comparison_signals = g_signal_group_new (WAYMARK_TYPE_COMPARISON);
  g_signal_group_connect (self->comparison_signals, "items-changed",
                          G_CALLBACK (on_comparison_items_changed), self);
  self->rows = g_ptr_array_new ();
  self->zoom = 100;
  /* Text scales from the page down: every font size under it is relative. */
  self->zoom_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->zoom_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  self->hadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  self->header_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  gtk_widget_set_halign (GTK_WIDGET (self->header_box), GTK_ALIGN_START);
  header_strip = waymark_compare_strip_new (GTK_WIDGET (self->header_box), self->hadjustment);
  gtk_widget_set_hexpand (header_strip, TRUE);
  gtk_box_append (GTK_BOX (self->header_row), header_strip);
  gtk_scrollbar_set_adjustment (self->hscrollbar, self->hadjustment);
  rebuild (self);
  update_zoom_actions (self);
}

GtkWidget *
waymark_compare_page_new (void)
{
  return g_object_new (WAYMARK_TYPE_COMPARE_PAGE, NULL);
}

WaymarkComparison *
waymark_compare_page_get_comparison (WaymarkComparePage *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_PAGE (self), NULL);
  return self->comparison;
}

void
waymark_compare_page_set_comparison (WaymarkComparePage *self,
                                     WaymarkComparison  *comparison)
{
  g_return_if_fail (WAYMARK_IS_COMPARE_PAGE (self));
  g_return_if_fail (comparison == NULL || WAYMARK_IS_COMPARISON (comparison));

  if (self->comparison == comparison)
    return;

  g_set_object (&self->comparison, comparison);
  g_signal_group_set_target (self->comparison_signals, comparison);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

gboolean
waymark_compare_page_get_hide_identical (WaymarkComparePage *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_PAGE (self), FALSE);
  return self->hide_identical;
}

void
waymark_compare_page_set_hide_identical (WaymarkComparePage *self,
                                         gboolean            hide)
{
  g_return_if_fail (WAYMARK_IS_COMPARE_PAGE (self));

  hide = !!hide;
  if (self->hide_identical == hide)
    return;
  self->hide_identical = hide;
  update_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDE_IDENTICAL]);
}

guint
waymark_compare_page_get_zoom (WaymarkComparePage *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_PAGE (self), 100);
  return self->zoom;
}

void
waymark_compare_page_set_zoom (WaymarkComparePage *self,
                               guint               zoom)
{
  g_autofree char *css = NULL;

  g_return_if_fail (WAYMARK_IS_COMPARE_PAGE (self));

  zoom = CLAMP (zoom, WAYMARK_COMPARE_PAGE_ZOOM_MIN, WAYMARK_COMPARE_PAGE_ZOOM_MAX);
  if (self->zoom == zoom)
    return;
  self->zoom = zoom;
  /* Icons grow with the text: GTK 4.8's icon size is inherited but in pixels only, from
   * libadwaita's 16. */
  css = g_strdup_printf ("comparepage { font-size: %u%%; -gtk-icon-size: %upx; }", zoom,
                         16 * zoom / 100);
  gtk_css_provider_load_from_data (self->zoom_provider, css, -1);
  update_zoom_actions (self);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

gboolean
waymark_compare_page_export_csv (WaymarkComparePage *self,
                                 GFile              *file,
                                 GError            **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (WAYMARK_IS_COMPARE_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->comparison != NULL, FALSE);

  csv = waymark_comparison_to_csv (self->comparison);
  return waymark_safe_write_file (file, csv, -1, error);
}

GtkWidget *
waymark_compare_page_get_row (WaymarkComparePage *self,
                              const char         *key)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_PAGE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (gtk_widget_get_name (row), key) == 0)
        return row;
    }
  return NULL;
}

GtkWidget *
waymark_compare_page_get_column_header (WaymarkComparePage *self,
                                        guint               position)
{
  GtkWidget *child;

  g_return_val_if_fail (WAYMARK_IS_COMPARE_PAGE (self), NULL);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->header_box));
       child != NULL && position > 0;
       child = gtk_widget_get_next_sibling (child))
    position--;
  return child;
}

gboolean
waymark_compare_page_drop_column (WaymarkComparePage *self,
                                  const char         *id,
                                  guint               position)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_PAGE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->comparison == NULL)
    return FALSE;
  return waymark_comparison_move_to (self->comparison, id, position);
}
