/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "waymark-plan-page-private.h"

/* Where the focus goes on the Plan page: an item shown on request (a toast's View, an item added
 * twice), and Tab and Shift+Tab carried from row to row of the list. */

/* Showing an item */

static gboolean focus_now (WaymarkPlanPage *self,
                           WaymarkPlanItem *item);

static gboolean
on_focus_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  WaymarkPlanPage *self = data;

  if (self->pending_focus != NULL && self->plan != NULL &&
      !focus_now (self, self->pending_focus))
    return G_SOURCE_CONTINUE;

  g_clear_object (&self->pending_focus);
  self->focus_tick = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
focus_now (WaymarkPlanPage *self,
           WaymarkPlanItem *item)
{
  guint position;
  WaymarkPlanItemRow *row;
  const char *id = waymark_plan_item_get_intervention_id (item);

  if (waymark_plan_find_item (self->plan, id, &position) != item)
    return TRUE;  /* gone meanwhile: nothing to show */

  /* A row made for an item out of sight is not shown (nor focusable) until the list has
   * scrolled to it and laid it out. */
  row = waymark_plan_page_get_row (self, id);
  if (row == NULL || !gtk_widget_get_mapped (GTK_WIDGET (row)))
    {
      gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item", "u",
                                  g_list_model_get_n_items (G_LIST_MODEL (self->before)) + position);
      row = waymark_plan_page_get_row (self, id);
    }
  if (row == NULL)
    return FALSE;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  if (!gtk_widget_get_mapped (GTK_WIDGET (row)))
    return FALSE;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  /* The expander row is not focusable itself: its header is, the first thing in it. The list
   * view scrolls to the row that has the focus. */
  if (!gtk_widget_grab_focus (GTK_WIDGET (row)))
    gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

void
waymark_plan_page_focus_item (WaymarkPlanPage *self,
                              const char      *intervention_id)
{
  WaymarkPlanItem *item;

  g_return_if_fail (WAYMARK_IS_PLAN_PAGE (self));

  if (self->plan == NULL ||
      (item = waymark_plan_find_item (self->plan, intervention_id, NULL)) == NULL)
    return;

  if (!g_hash_table_contains (self->expanded, item))
    g_hash_table_add (self->expanded, g_object_ref (item));
  g_set_object (&self->pending_focus, item);
  /* A page not yet shown, or a list not yet scrolled, has no row to focus: the next frames
   * try again (they run only while the list is on screen). */
  if (focus_now (self, item))
    g_clear_object (&self->pending_focus);
  else if (self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->items_view), on_focus_tick,
                                                     self, NULL);
}

/* Tab through the list, row after row.
 *
 * GTK 4.8's list view is one stop in the Tab order: Tab moves within the row that has the focus,
 * then out of the list, and only the arrow keys move between rows (GTK 4.12 added
 * GtkListView:tab-behavior for this). On this page every item has fields to fill in, and a
 * person working with the keyboard alone expects Tab to reach each of them in turn, as it did
 * when every item had a row of its own. So Tab and Shift+Tab go on to the next row's controls;
 * at either end of the list they leave it as usual. */

static GtkWidget *
child_at (WaymarkPlanPage *self,
          guint            position)
{
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self->items_view));
       cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *child = gtk_widget_get_first_child (cell);
      GtkListItem *list_item = child != NULL ? g_object_get_data (G_OBJECT (child), LIST_ITEM_KEY) : NULL;

      if (list_item != NULL && gtk_list_item_get_child (list_item) == child &&
          gtk_list_item_get_position (list_item) == position)
        return child;
    }

  return NULL;
}

static guint
n_positions (WaymarkPlanPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (self->items_view)));
}

/* Gives the focus to the first control (or the last, going back) of the row at `position`, or
 * of the next row that has one. A row out of sight is not built yet: the list scrolls to it and
 * `tab_target` says which position to wait for. FALSE when no row is left before the list's
 * end. */
static gboolean
tab_into (WaymarkPlanPage  *self,
          guint             position,
          GtkDirectionType  direction)
{
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  guint n = n_positions (self);

  for (; position < n; position = forward ? position + 1 : position - 1)
    {
      GtkWidget *child = child_at (self, position);

      if (child == NULL || !gtk_widget_get_mapped (child))
        {
          gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item", "u",
                                      position);
          self->tab_target = position;
          return TRUE;
        }
      if (gtk_widget_child_focus (child, direction))
        return TRUE;
      if (!forward && position == 0)
        break;
    }

  return FALSE;
}

/* One press of Tab (or Shift+Tab) with the list laid out: within the focused row, then on to the
 * next row with a control, then out of the list as GTK would. */
static void
move_focus (WaymarkPlanPage  *self,
            GtkDirectionType  direction)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell;
  GtkWidget *child;
  GtkListItem *list_item;
  guint position;

  if (root == NULL)
    return;

  for (cell = focus; cell != NULL && gtk_widget_get_parent (cell) != GTK_WIDGET (self->items_view);
       cell = gtk_widget_get_parent (cell))
    ;
  child = cell != NULL ? gtk_widget_get_first_child (cell) : NULL;
  list_item = child != NULL ? g_object_get_data (G_OBJECT (child), LIST_ITEM_KEY) : NULL;
  if (list_item != NULL && gtk_list_item_get_child (list_item) == child)
    {
      if (gtk_widget_child_focus (child, direction))
        return;
      position = gtk_list_item_get_position (list_item);
      if ((direction == GTK_DIR_TAB_FORWARD || position > 0) &&
          tab_into (self, direction == GTK_DIR_TAB_FORWARD ? position + 1 : position - 1, direction))
        return;
    }

  /* Out of the list, or the focus went elsewhere meanwhile: what GTK's own Tab does. */
  if (!gtk_widget_child_focus (GTK_WIDGET (root), direction))
    {
      gtk_root_set_focus (root, NULL);
      gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }
}

/* Whether an item around the focus is still opening or closing: its fields are not yet shown,
 * or not yet hidden, so Tab cannot tell where it goes.
 *
 * An expander row shows its fields through a revealer (libadwaita 1.2: the row's box holds the
 * header's list box, then the revealer). The revealer shows its child from the first frame of
 * its animation in which it has moved, and a busy machine can run two frames with the same
 * frame time: counting frames is not enough (the end-to-end suite's Tab went past an item
 * opened with Space about one run in five). */
static gboolean
focus_in_moving_item (WaymarkPlanPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, ADW_TYPE_EXPANDER_ROW) : NULL;
       row != NULL && gtk_widget_is_ancestor (row, GTK_WIDGET (self->items_view));
       row = gtk_widget_get_ancestor (gtk_widget_get_parent (row), ADW_TYPE_EXPANDER_ROW))
    {
      GtkWidget *box = gtk_widget_get_first_child (row);

      for (GtkWidget *part = box != NULL ? gtk_widget_get_first_child (box) : NULL; part != NULL;
           part = gtk_widget_get_next_sibling (part))
        {
          GtkWidget *fields = GTK_IS_REVEALER (part) ? gtk_revealer_get_child (GTK_REVEALER (part)) : NULL;

          if (fields != NULL &&
              gtk_widget_get_child_visible (fields) != gtk_revealer_get_reveal_child (GTK_REVEALER (part)))
            return TRUE;
        }
    }

  return FALSE;
}

/* Runs at the start of each frame while presses wait. A press is carried out only once a whole
 * frame has passed since it came, so the list is laid out as the person sees it, and only once
 * an item opened or closed with Space the moment before has shown or hidden its fields, so Tab
 * goes into them or past them as the person expects. */
static gboolean
on_tab_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  WaymarkPlanPage *self = data;

  if (++self->tab_frames < 2 || focus_in_moving_item (self))
    return G_SOURCE_CONTINUE;

  if (self->tab_target != G_MAXUINT)
    {
      GtkWidget *child = child_at (self, self->tab_target);

      if (self->tab_target < n_positions (self) && (child == NULL || !gtk_widget_get_mapped (child)))
        return G_SOURCE_CONTINUE;
      self->tab_target = G_MAXUINT;
      if (child != NULL)
        {
          GtkDirectionType direction = g_array_index (self->tab_presses, GtkDirectionType, 0);
          guint position = gtk_list_item_get_position (g_object_get_data (G_OBJECT (child), LIST_ITEM_KEY));

          g_array_remove_index (self->tab_presses, 0);
          if (!tab_into (self, position, direction))
            move_focus (self, direction);
        }
    }

  while (self->tab_target == G_MAXUINT && self->tab_presses->len > 0)
    {
      GtkDirectionType direction = g_array_index (self->tab_presses, GtkDirectionType, 0);

      move_focus (self, direction);
      if (self->tab_target == G_MAXUINT)
        g_array_remove_index (self->tab_presses, 0);
    }

  if (self->tab_presses->len > 0)
    {
      self->tab_frames = 0;
      return G_SOURCE_CONTINUE;
    }

  self->tab_tick = 0;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->items_view),
                               GTK_ACCESSIBLE_STATE_BUSY, FALSE, -1);
  return G_SOURCE_REMOVE;
}

static gboolean
on_items_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      WaymarkPlanPage       *self)
{
  GtkDirectionType direction;
  GtkWidget *focus;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  /* Space and Enter on a row (an item's header opens it): GTK 4.8's list item takes them for
   * selecting, which this list does not do, before the row's own list box could. */
  if (keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space || keyval == GDK_KEY_Return ||
      keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      if (GTK_IS_LIST_BOX_ROW (focus) &&
          gtk_widget_is_ancestor (focus, GTK_WIDGET (self->items_view)) &&
          gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (focus)))
        return gtk_widget_activate (focus);
      return FALSE;
    }

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return FALSE;
  direction = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0
              ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;

  g_array_append_val (self->tab_presses, direction);
  self->tab_frames = 0;
  if (self->tab_tick == 0)
    {
      /* The list is busy until the focus has moved: a screen reader (and the end-to-end suite)
       * learns that the press was taken, and when it is done, even when the focus lands on a
       * control that GTK 4.8 does not report (the text inside an entry row). */
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->items_view),
                                   GTK_ACCESSIBLE_STATE_BUSY, TRUE, -1);
      self->tab_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->items_view), on_tab_tick,
                                                     self, NULL);
    }
  return TRUE;
}

void
waymark_plan_page_focus_init (WaymarkPlanPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->tab_presses = g_array_new (FALSE, FALSE, sizeof (GtkDirectionType));
  self->tab_target = G_MAXUINT;
  /* Before the list view's own handling, which would take the focus out of the list. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_items_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->items_view), keys);
}

void
waymark_plan_page_focus_dispose (WaymarkPlanPage *self)
{
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->items_view), self->focus_tick);
  self->focus_tick = 0;
  if (self->tab_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->items_view), self->tab_tick);
  self->tab_tick = 0;
  g_clear_pointer (&self->tab_presses, g_array_unref);
}
