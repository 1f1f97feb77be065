/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "waymark-gui-a11y.h"
#include "waymark-filter-pane.h"
#include "waymark-money.h"

/* One check box: a bit of a set-valued criteria property. */
typedef struct
{
  GtkCheckButton *check;
  const char     *property;
  guint           bit;
} FilterCheck;

struct _WaymarkFilterPane
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkBox *groups;

  /* Borrowed: built in code, children of groups */
  AdwComboRow    *min_evidence_row;
  AdwComboRow    *min_impact_row;
  GtkCheckButton *cost_published_check;
  AdwEntryRow    *max_cost_row;

  /* Owned */
  WaymarkCriteria *criteria;
  gboolean         hold_back; /* construct-only: build nothing until told */
  guint            n_built;   /* groups built so far, in the order of group_builders */
  GArray          *checks;    /* FilterCheck */
  GHashTable      *controls;  /* "property:nick" -> GtkWidget, borrowed */
  gboolean         syncing;
};

G_DEFINE_FINAL_TYPE (WaymarkFilterPane, waymark_filter_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CRITERIA,
  PROP_HOLD_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
get_bits (WaymarkFilterPane *self,
          const char        *property)
{
  guint bits = 0;

  g_object_get (self->criteria, property, &bits, NULL);
  return bits;
}

/* A combo row's positions are the rows of the minimums' table, in its order. */
static guint
rating_to_position (WaymarkRating rating)
{
  guint n;
  const WaymarkChoice *minimums = waymark_criteria_get_minimum_choices (&n);

  for (guint i = 0; i < n; i++)
    if (minimums[i].value == waymark_rating_get_floor (rating))
      return i;
  return 0;
}

static void
sync_from_criteria (WaymarkFilterPane *self)
{
  gint64 max_cost;

  self->syncing = TRUE;

  for (guint i = 0; i < self->checks->len; i++)
    {
      FilterCheck *fc = &g_array_index (self->checks, FilterCheck, i);
      gtk_check_button_set_active (fc->check, (get_bits (self, fc->property) & fc->bit) != 0);
    }

  /* The groups not built yet are synced when they are. */
  if (self->min_evidence_row != NULL)
    {
      adw_combo_row_set_selected (self->min_evidence_row,
                                  rating_to_position (waymark_criteria_get_min_evidence (self->criteria)));
      adw_combo_row_set_selected (self->min_impact_row,
                                  rating_to_position (waymark_criteria_get_min_impact (self->criteria)));
    }
  if (self->max_cost_row == NULL)
    {
      self->syncing = FALSE;
      return;
    }
  gtk_check_button_set_active (self->cost_published_check,
                               waymark_criteria_get_cost_published (self->criteria));

  max_cost = waymark_criteria_get_max_cost (self->criteria);
  {
    g_autofree char *text = max_cost > 0 ? waymark_money_to_decimal (max_cost) : g_strdup ("");
    gint64 shown;

    /* Leave what the person typed alone when it already says the same amount. */
    if (!waymark_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->max_cost_row)), &shown))
      shown = 0;
    if (shown != max_cost)
      gtk_editable_set_text (GTK_EDITABLE (self->max_cost_row), text);
    gtk_widget_remove_css_class (GTK_WIDGET (self->max_cost_row), "error");
  }

  self->syncing = FALSE;
}

static void
on_check_toggled (GtkCheckButton    *check,
                  WaymarkFilterPane *self)
{
  if (self->syncing)
    return;

  for (guint i = 0; i < self->checks->len; i++)
    {
      FilterCheck *fc = &g_array_index (self->checks, FilterCheck, i);
      guint bits;

      if (fc->check != check)
        continue;

      bits = get_bits (self, fc->property);
      if (gtk_check_button_get_active (check))
        bits |= fc->bit;
      else
        bits &= ~fc->bit;
      g_object_set (self->criteria, fc->property, bits, NULL);
      return;
    }
}

static void
on_min_rating_selected (AdwComboRow       *row,
                        GParamSpec        *pspec,
                        WaymarkFilterPane *self)
{
  guint position = adw_combo_row_get_selected (row);
  guint n;
  const WaymarkChoice *minimums = waymark_criteria_get_minimum_choices (&n);
  WaymarkRating rating;

  if (self->syncing || position >= n)
    return;

  rating = minimums[position].value;
  if (row == self->min_evidence_row)
    waymark_criteria_set_min_evidence (self->criteria, rating);
  else
    waymark_criteria_set_min_impact (self->criteria, rating);
}

static void
on_cost_published_toggled (GtkCheckButton    *check,
                           WaymarkFilterPane *self)
{
  if (!self->syncing)
    waymark_criteria_set_cost_published (self->criteria, gtk_check_button_get_active (check));
}

static void
on_max_cost_apply (AdwEntryRow       *row,
                   WaymarkFilterPane *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  gint64 pence = 0;

  if (*text != '\0' && !waymark_money_parse (text, &pence))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
  waymark_criteria_set_max_cost (self->criteria, pence);
}

static char *
control_key (const char *property,
             const char *nick)
{
  return g_strconcat (property, ":", nick != NULL ? nick : "", NULL);
}

static GtkWidget *
add_group (WaymarkFilterPane *self,
           const char        *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->groups, group);
  return group;
}

static GtkCheckButton *
add_check_row (WaymarkFilterPane *self,
               GtkWidget         *group,
               const char        *title,
               const char        *subtitle,
               const char        *property,
               const char        *nick)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* After the row labels it by its title: "Primary", not "Primary Primary" (issue 13). */
  waymark_a11y_name_only_by_label (check, title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  g_hash_table_insert (self->controls, control_key (property, nick), check);
  return GTK_CHECK_BUTTON (check);
}

/* A group with one check box per value of a set-valued criteria property, from the table of its
 * flags type: the short label, and the subtitle where there is one. */
static GtkWidget *
add_set_group (WaymarkFilterPane *self,
               const char        *title,
               const char        *property)
{
  GtkWidget *group = add_group (self, title);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->criteria), property);
  guint n;
  const WaymarkChoice *choices = waymark_choices_for_type (G_PARAM_SPEC_VALUE_TYPE (pspec), &n);
  /* "unknown" reads best last, though it is the table's first row. */
  guint first = g_str_equal (choices[0].id, "unknown") ? 1 : 0;

  for (guint j = 0; j < n; j++)
    {
      const WaymarkChoice *choice = &choices[(j + first) % n];
      FilterCheck fc;

      fc.property = property;
      fc.bit = choice->value;
      fc.check = add_check_row (self, group, waymark_choice_get_short_label (choice),
                                waymark_choice_get_subtitle (choice), property, choice->id);
      g_signal_connect (fc.check, "toggled", G_CALLBACK (on_check_toggled), self);
      g_array_append_val (self->checks, fc);
    }
  return group;
}

static AdwComboRow *
add_minimum_row (WaymarkFilterPane *self,
                 GtkWidget         *group,
                 const char        *title,
                 const char        *property)
{
  guint n;
  const WaymarkChoice *minimums = waymark_criteria_get_minimum_choices (&n);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (model, waymark_choice_get_label (&minimums[i]));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  waymark_a11y_name_combo_row_list (ADW_COMBO_ROW (row));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_min_rating_selected), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_hash_table_insert (self->controls, control_key (property, NULL), row);

  return ADW_COMBO_ROW (row);
}

/* Each group, in the pane's order: a builder adds its group (waymark_filter_pane_build). */
static void
build_set_group (WaymarkFilterPane *self,
                 const char        *title,
                 const char        *property,
                 const char        *description)
{
  GtkWidget *group = add_set_group (self, title, property);

  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
}

static void
build_levels (WaymarkFilterPane *self)
{
  build_set_group (self, _("Level of prevention"), "levels", NULL);
}

static void
build_focus (WaymarkFilterPane *self)
{
  build_set_group (self, _("Focus"), "focus", NULL);
}

/* The two read alike ("Children and young people", "Young people under 25"): each says what it
 * is read from. */
static void
build_works_with (WaymarkFilterPane *self)
{
  build_set_group (self, _("Works with"), "works-with",
                          _("Who the intervention works with, as the review lists them."));
}

static void
build_age_groups (WaymarkFilterPane *self)
{
  build_set_group (self, _("Age group"), "age-groups",
                          _("The ages of the review’s target cohort. Where it gives none, an "
                            "intervention that works with children and young people counts for "
                            "children and for under 25s, any other for adults."));
}

static void
build_ratings (WaymarkFilterPane *self)
{
  GtkWidget *group = add_group (self, _("Evidence and impact"));

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A rating given as a range counts as its lower end."));
  self->min_evidence_row = add_minimum_row (self, group, _("Minimum evidence quality"), "min-evidence");
  self->min_impact_row = add_minimum_row (self, group, _("Minimum impact"), "min-impact");
}

static void
build_llr_status (WaymarkFilterPane *self)
{
  build_set_group (self, _("Status in LLR"), "llr-status", NULL);
}

static void
build_long_list (WaymarkFilterPane *self)
{
  build_set_group (self, _("Long list"), "option-status",
                          _("Status in the open plan’s options appraisal. An item of the plan "
                            "counts as shortlisted unless the long list says otherwise."));
}

static void
build_cost (WaymarkFilterPane *self)
{
  GtkWidget *group = add_group (self, _("Cost"));

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A limit in pounds matches only costs published in "
                                           "pounds."));
  self->cost_published_check = add_check_row (self, group, _("Published cost only"), NULL,
                                              "cost-published", NULL);
  g_signal_connect (self->cost_published_check, "toggled",
                    G_CALLBACK (on_cost_published_toggled), self);

  self->max_cost_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->max_cost_row), FALSE);
  /* A short title: the pane is narrow, and a longer one was cut. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->max_cost_row),
                                 _("Maximum unit cost, £"));
  adw_entry_row_set_show_apply_button (self->max_cost_row, TRUE);
  adw_entry_row_set_input_purpose (self->max_cost_row, GTK_INPUT_PURPOSE_NUMBER);
  g_signal_connect (self->max_cost_row, "apply", G_CALLBACK (on_max_cost_apply), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->max_cost_row));
  g_hash_table_insert (self->controls, control_key ("max-cost", NULL), self->max_cost_row);
}

static void (* const group_builders[]) (WaymarkFilterPane *self) = {
  build_levels, build_focus, build_works_with, build_age_groups, build_ratings, build_llr_status,
  build_long_list, build_cost,
};

/* The least height a group can take, with the spacing after it: its height with every line of
 * text unwrapped, which no width can make smaller. Measured before the first frame at no cost to
 * it: GTK keeps the measurement, and the frame asks for the same one. */
static int
least_height (WaymarkFilterPane *self,
              GtkWidget         *group)
{
  int least = 0;

  gtk_widget_measure (group, GTK_ORIENTATION_VERTICAL, -1, &least, NULL, NULL, NULL);
  return least + gtk_box_get_spacing (self->groups);
}

/**
 * waymark_filter_pane_build:
 * @height: how far down the groups must reach, in pixels; 0 or less: all of them
 *
 * Builds the groups not built yet: those needed to fill @height from the top, or all. A pane
 * made with #WaymarkFilterPane:hold-back builds none until this is called; the window asks for
 * the groups in sight before its first frame and the rest just after it (issue 18).
 */
void
waymark_filter_pane_build (WaymarkFilterPane *self,
                           int                height)
{
  int reached;

  g_return_if_fail (WAYMARK_IS_FILTER_PANE (self));

  if (self->n_built == G_N_ELEMENTS (group_builders))
    return;
  reached = gtk_widget_get_margin_top (GTK_WIDGET (self->groups));
  for (GtkWidget *group = gtk_widget_get_first_child (GTK_WIDGET (self->groups));
       group != NULL;
       group = gtk_widget_get_next_sibling (group))
    reached += least_height (self, group);
  while (self->n_built < G_N_ELEMENTS (group_builders) && (height <= 0 || reached < height))
    {
      group_builders[self->n_built++] (self);
      if (height > 0)
        reached += least_height (self, gtk_widget_get_last_child (GTK_WIDGET (self->groups)));
    }
  sync_from_criteria (self);
}

/* The pane has no search: typing in the window's leaves it alone. */
static void
on_criteria_notify (WaymarkCriteria   *criteria,
                    GParamSpec        *pspec,
                    WaymarkFilterPane *self)
{
  if (!g_str_equal (pspec->name, "search"))
    sync_from_criteria (self);
}

static void
waymark_filter_pane_constructed (GObject *object)
{
  WaymarkFilterPane *self = WAYMARK_FILTER_PANE (object);

  G_OBJECT_CLASS (waymark_filter_pane_parent_class)->constructed (object);

  g_assert (WAYMARK_IS_CRITERIA (self->criteria));
  if (!self->hold_back)
    waymark_filter_pane_build (self, 0);
  g_signal_connect_object (self->criteria, "notify", G_CALLBACK (on_criteria_notify), self, 0);
}

static void
waymark_filter_pane_dispose (GObject *object)
{
  WaymarkFilterPane *self = WAYMARK_FILTER_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_FILTER_PANE);
  /* dispose_template only unparents the children it named. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->criteria);

  G_OBJECT_CLASS (waymark_filter_pane_parent_class)->dispose (object);
}

static void
waymark_filter_pane_finalize (GObject *object)
{
  WaymarkFilterPane *self = WAYMARK_FILTER_PANE (object);

  g_clear_pointer (&self->checks, g_array_unref);
  g_clear_pointer (&self->controls, g_hash_table_unref);

  G_OBJECT_CLASS (waymark_filter_pane_parent_class)->finalize (object);
}

static void
waymark_filter_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  WaymarkFilterPane *self = WAYMARK_FILTER_PANE (object);

  switch (prop_id)
    {
    case PROP_CRITERIA:
      g_value_set_object (value, self->criteria);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_filter_pane_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  WaymarkFilterPane *self = WAYMARK_FILTER_PANE (object);

  switch (prop_id)
    {
    case PROP_CRITERIA:
      self->criteria = g_value_dup_object (value);
      break;
    case PROP_HOLD_BACK:
      self->hold_back = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_filter_pane_class_init (WaymarkFilterPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = waymark_filter_pane_constructed;
  object_class->dispose = waymark_filter_pane_dispose;
  object_class->finalize = waymark_filter_pane_finalize;
  object_class->get_property = waymark_filter_pane_get_property;
  object_class->set_property = waymark_filter_pane_set_property;

  properties[PROP_CRITERIA] =
    g_param_spec_object ("criteria", NULL, NULL, WAYMARK_TYPE_CRITERIA,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Build no group until waymark_filter_pane_build() is called (start-up, issue 18). */
  properties[PROP_HOLD_BACK] =
    g_param_spec_boolean ("hold-back", NULL, NULL, FALSE,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-filter-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkFilterPane, groups);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "filterpane");
}

static void
waymark_filter_pane_init (WaymarkFilterPane *self)
{
  self->checks = g_array_new (FALSE, TRUE, sizeof (FilterCheck));
  self->controls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
waymark_filter_pane_new (WaymarkCriteria *criteria)
{
  g_return_val_if_fail (WAYMARK_IS_CRITERIA (criteria), NULL);

  return g_object_new (WAYMARK_TYPE_FILTER_PANE, "criteria", criteria, NULL);
}

WaymarkCriteria *
waymark_filter_pane_get_criteria (WaymarkFilterPane *self)
{
  g_return_val_if_fail (WAYMARK_IS_FILTER_PANE (self), NULL);
  return self->criteria;
}

GtkWidget *
waymark_filter_pane_get_control (WaymarkFilterPane *self,
                                 const char        *property,
                                 const char        *nick)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (WAYMARK_IS_FILTER_PANE (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  /* Whoever reaches for a control gets it, built or not yet. */
  waymark_filter_pane_build (self, 0);
  key = control_key (property, nick);
  return g_hash_table_lookup (self->controls, key);
}
