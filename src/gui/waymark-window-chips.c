/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-money.h"
#include "waymark-window-private.h"

/* The filter chips above the list: one per active filter value, following the criteria;
 * clicking one removes that value. */

/* What one chip shows: a value of a filter. */
typedef struct
{
  const char *property;
  guint       bit;    /* of a set; 0 for any other filter */
  char       *label;
} ChipSpec;

static void
on_chip_clicked (GtkButton     *button,
                 WaymarkWindow *self)
{
  const char *property = g_object_get_data (G_OBJECT (button), "property");
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bit"));
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->criteria), property);

  g_assert (pspec != NULL);

  if (G_IS_PARAM_SPEC_FLAGS (pspec) || G_IS_PARAM_SPEC_UINT (pspec))
    {
      guint bits = 0;

      g_object_get (self->criteria, property, &bits, NULL);
      g_object_set (self->criteria, property, bits & ~bit, NULL);
    }
  else
    {
      g_auto(GValue) value = G_VALUE_INIT;

      /* Everything else goes back to its default: no minimum, no limit, no search. */
      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_param_value_set_default (pspec, &value);
      g_object_set_property (G_OBJECT (self->criteria), property, &value);
    }

  /* The chip is gone: keep the keyboard in the chips, or on the search entry. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->chips_box)) != NULL &&
      gtk_revealer_get_reveal_child (self->chips_revealer))
    gtk_widget_child_focus (GTK_WIDGET (self->chips_box), GTK_DIR_TAB_FORWARD);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
chip_spec_clear (gpointer data)
{
  g_free (((ChipSpec *) data)->label);
}

static void
add_spec (GArray     *specs,
          const char *property,
          guint       bit,
          char       *label)
{
  ChipSpec spec = { property, bit, label };

  g_array_append_val (specs, spec);
}

/* One chip per value of a set, from the table of the property's flags type. */
static void
add_set_specs (GArray          *specs,
               WaymarkCriteria *criteria,
               const char      *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (criteria), property);
  guint bits = 0;
  guint n;
  const WaymarkChoice *choices = waymark_choices_for_type (G_PARAM_SPEC_VALUE_TYPE (pspec), &n);

  g_object_get (criteria, property, &bits, NULL);
  for (guint i = 0; i < n; i++)
    if ((bits & choices[i].value) != 0)
      add_spec (specs, property, choices[i].value, g_strdup (waymark_choice_get_label (&choices[i])));
}

/* The chips the criteria call for, in the order they are shown. */
static GArray *
chip_specs_new (WaymarkCriteria *c)
{
  GArray *specs = g_array_new (FALSE, FALSE, sizeof (ChipSpec));
  WaymarkRating rating;
  const char *search;
  gint64 max_cost;

  g_array_set_clear_func (specs, chip_spec_clear);

  search = waymark_criteria_get_search (c);
  if (search != NULL)
    {
      /* Translators: a filter chip for the search words */
      add_spec (specs, "search", 0, g_strdup_printf (_("Search: “%s”"), search));
    }

  add_set_specs (specs, c, "levels");
  add_set_specs (specs, c, "focus");
  add_set_specs (specs, c, "works-with");
  add_set_specs (specs, c, "age-groups");

  rating = waymark_criteria_get_min_evidence (c);
  if (rating != WAYMARK_RATING_NONE)
    {
      /* Translators: a filter chip; %s is a rating such as "Moderate" */
      char *label = g_strdup_printf (_("Evidence: at least %s"), waymark_rating_get_label (rating));
      add_spec (specs, "min-evidence", 0, label);
    }
  rating = waymark_criteria_get_min_impact (c);
  if (rating != WAYMARK_RATING_NONE)
    {
      /* Translators: a filter chip; %s is a rating such as "High" */
      char *label = g_strdup_printf (_("Impact: at least %s"), waymark_rating_get_label (rating));
      add_spec (specs, "min-impact", 0, label);
    }

  add_set_specs (specs, c, "llr-status");
  add_set_specs (specs, c, "option-status");

  if (waymark_criteria_get_cost_published (c))
    add_spec (specs, "cost-published", 0, g_strdup (_("Published cost only")));
  max_cost = waymark_criteria_get_max_cost (c);
  if (max_cost > 0)
    {
      g_autofree char *amount = waymark_money_format (max_cost, WAYMARK_CURRENCY_GBP);
      /* Translators: a filter chip; %s is an amount such as "£2,500" */
      add_spec (specs, "max-cost", 0, g_strdup_printf (_("Costs up to %s"), amount));
    }

  return specs;
}

static void
set_chip_label (GtkWidget  *button,
                const char *label)
{
  GtkWidget *text = g_object_get_data (G_OBJECT (button), "text");
  /* Translators: what a screen reader says for a filter chip: "Remove filter: Perpetrators" */
  g_autofree char *a11y = g_strdup_printf (_("Remove filter: %s"), label);

  gtk_label_set_label (GTK_LABEL (text), label);
  gtk_widget_set_tooltip_text (button, a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static GtkWidget *
chip_new (WaymarkWindow  *self,
          const ChipSpec *spec)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("window-close-symbolic");
  GtkWidget *child = gtk_flow_box_child_new ();

  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 28);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "filter-chip");
  g_object_set_data (G_OBJECT (button), "text", text);
  set_chip_label (button, spec->label);
  /* Static strings: the criteria's property names. */
  g_object_set_data (G_OBJECT (button), "property", (gpointer) spec->property);
  g_object_set_data (G_OBJECT (button), "bit", GUINT_TO_POINTER (spec->bit));
  g_signal_connect (button, "clicked", G_CALLBACK (on_chip_clicked), self);

  /* The flow box lines its children up in columns; a chip keeps its own width. */
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), button);
  return child;
}

static gboolean
chip_is (GtkWidget      *child,
         const ChipSpec *spec)
{
  GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

  return g_strcmp0 (g_object_get_data (G_OBJECT (button), "property"), spec->property) == 0 &&
         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bit")) == spec->bit;
}

/* The chips follow the criteria: a chip whose value is still filtered stays (its label updated
 * in place, as the search chip's is while typing), the others go, new ones are put in their
 * place. Typing in the search leaves every other chip as it is. */
void
waymark_window_sync_chips (WaymarkWindow *self)
{
  g_autoptr(GArray) specs = chip_specs_new (self->criteria);
  GtkWidget *child;
  GtkWidget *next;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box)); child != NULL; child = next)
    {
      gboolean wanted = FALSE;

      next = gtk_widget_get_next_sibling (child);
      for (guint i = 0; i < specs->len && !wanted; i++)
        wanted = chip_is (child, &g_array_index (specs, ChipSpec, i));
      if (!wanted)
        gtk_flow_box_remove (self->chips_box, child);
    }

  /* What is left is in order; each missing chip goes in where it belongs. */
  for (guint i = 0; i < specs->len; i++)
    {
      ChipSpec *spec = &g_array_index (specs, ChipSpec, i);
      GtkFlowBoxChild *at = gtk_flow_box_get_child_at_index (self->chips_box, i);

      if (at != NULL && chip_is (GTK_WIDGET (at), spec))
        {
          GtkWidget *button = gtk_flow_box_child_get_child (at);
          GtkWidget *text = g_object_get_data (G_OBJECT (button), "text");

          if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (text)), spec->label) != 0)
            set_chip_label (button, spec->label);
        }
      else
        gtk_flow_box_insert (self->chips_box, chip_new (self, spec), i);
    }

  gtk_revealer_set_reveal_child (self->chips_revealer, !waymark_criteria_is_empty (self->criteria));
}
