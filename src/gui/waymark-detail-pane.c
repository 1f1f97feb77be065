/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "waymark-gui-a11y.h"
#include "waymark-compare-toggle.h"
#include "waymark-enums.h"
#include "waymark-detail-pane.h"
#include "waymark-intervention-document.h"
#include "waymark-intervention-row.h"
#include "waymark-rating-badge.h"
#include "waymark-status-dialog.h"

struct _WaymarkDetailPane
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkBox            *content;
  GtkScrolledWindow *scroller;
  AdwStatusPage     *several_page;  /* in stack, made when first needed */

  /* Borrowed */
  GtkWidget           *add_button;
  GtkWidget           *compare_button;
  GtkWidget           *status_label;   /* its place on the long list */
  GtkWidget           *status_button;

  /* Owned */
  WaymarkCatalogue    *catalogue;
  WaymarkIntervention *intervention;
  WaymarkComparison   *comparison;  /* handed to the compare button */
  WaymarkPlanDocument *document;    /* whose plan the add button looks in */
  GSignalGroup        *document_signals;
  GSignalGroup        *plan_signals;
  guint                n_several;   /* how many are selected, when that is more than one */
};

G_DEFINE_FINAL_TYPE (WaymarkDetailPane, waymark_detail_pane, GTK_TYPE_WIDGET)

static void waymark_detail_pane_finalize (GObject *object);

enum {
  PROP_0,
  PROP_CATALOGUE,
  PROP_INTERVENTION,
  PROP_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
add_label (WaymarkDetailPane *self,
           const char        *text,
           gboolean           markup)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "selectable", TRUE,
                                   "use-markup", markup,
                                   "label", text,
                                   NULL);

  gtk_box_append (self->content, label);
  return label;
}

static void
add_heading (WaymarkDetailPane *self,
             const char        *heading)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "label", heading,
                                   NULL);

  gtk_widget_add_css_class (label, "title-4");
  gtk_widget_add_css_class (label, "detail-heading");
  gtk_box_append (self->content, label);
}

static void
add_text (WaymarkDetailPane *self,
          const char        *text)
{
  if (text != NULL && *text != '\0')
    add_label (self, text, FALSE);
}

/* "Label: value", the label in bold; nothing when there is no value. */
static void
add_field (WaymarkDetailPane *self,
           const char        *label,
           const char        *value)
{
  g_autofree char *markup = NULL;

  if (value == NULL || *value == '\0')
    return;

  /* Translators: a field in the detail pane, "Level of prevention: Tertiary" */
  markup = g_markup_printf_escaped (_("<b>%s:</b> %s"), label, value);
  add_label (self, markup, TRUE);
}

static void
add_block (WaymarkDetailPane  *self,
           const WaymarkBlock *block)
{
  switch (block->kind)
    {
    case WAYMARK_BLOCK_HEADING:
      add_heading (self, block->text);
      break;
    case WAYMARK_BLOCK_FIELD:
      add_field (self, block->label, block->text);
      break;
    case WAYMARK_BLOCK_TEXT:
      add_text (self, block->text);
      break;
    case WAYMARK_BLOCK_LEAD:
      gtk_widget_add_css_class (add_label (self, block->text, FALSE), "dim-label");
      break;
    case WAYMARK_BLOCK_ITEM:
      {
        g_autofree char *line = g_strdup_printf ("•  %s", block->text);
        add_text (self, line);
      }
      break;
    case WAYMARK_BLOCK_RATING:
      {
        GtkWidget *badge = waymark_rating_badge_new (block->evidence ? WAYMARK_RATING_BADGE_EVIDENCE
                                                                     : WAYMARK_RATING_BADGE_IMPACT,
                                                     block->rating);

        gtk_widget_set_halign (badge, GTK_ALIGN_START);
        gtk_box_append (self->content, badge);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The review's gaps and recommendations that name the intervention, each a link to its entry
 * on the Context page ("win.show-context-entry"). */
static void
add_context_links (WaymarkDetailPane *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *links;

  if (self->catalogue == NULL)
    return;
  entries = waymark_catalogue_dup_context_for_intervention (self->catalogue,
                                                            waymark_intervention_get_id (self->intervention));
  if (entries->len == 0)
    return;

  add_heading (self, _("In the Review’s Gaps and Recommendations"));
  links = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (links, "detail-context-links");
  for (guint i = 0; i < entries->len; i++)
    {
      const WaymarkContextEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *text = NULL;

      /* Translators: a link to the Context page; "Gap in provision: Long waiting lists" */
      text = g_strdup_printf (_("%s: %s"), waymark_context_kind_get_label (entry->kind), entry->label);
      gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL,
                                                   "label", text,
                                                   "use-markup", FALSE,
                                                   "xalign", 0.0f,
                                                   "wrap", TRUE,
                                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                                   "hexpand", TRUE,
                                                   NULL));
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-context-entry");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", entry->id);
      gtk_widget_set_tooltip_text (button, _("Show it on the Context page"));
      waymark_a11y_name_only_by_label (button, text);
      gtk_box_append (GTK_BOX (links), button);
    }
  gtk_box_append (self->content, links);
}

/* Add to Plan, or, for an intervention already in the plan, In the Plan, which shows it there
 * (as a row's + does). */
static void
update_add_button (WaymarkDetailPane *self)
{
  WaymarkPlan *plan = self->document != NULL ? waymark_plan_document_get_plan (self->document)
                                             : NULL;
  gboolean in_plan;

  if (self->add_button == NULL || self->intervention == NULL)
    return;

  in_plan = plan != NULL &&
            waymark_plan_find_item (plan, waymark_intervention_get_id (self->intervention),
                                    NULL) != NULL;
  gtk_button_set_label (GTK_BUTTON (self->add_button),
                        in_plan ? _("In the _Plan") : _("_Add to Plan"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button),
                                  in_plan ? "win.show-plan-item" : "win.add-to-plan");
  gtk_widget_set_tooltip_text (self->add_button,
                               in_plan ? _("Show it on the Plan page") : NULL);
  if (in_plan)
    gtk_widget_remove_css_class (self->add_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->add_button, "suggested-action");
}

/* Its place on the options appraisal's long list (issue 15), in words. */
static void
update_status (WaymarkDetailPane *self)
{
  WaymarkPlan *plan = self->document != NULL ? waymark_plan_document_get_plan (self->document)
                                             : NULL;
  const char *id;
  WaymarkOptionStatus status;
  const char *reason;
  WaymarkOptionDimension dimension;
  g_autofree char *text = NULL;

  if (self->status_label == NULL || self->intervention == NULL)
    return;
  gtk_widget_set_visible (self->status_label, plan != NULL);
  gtk_widget_set_visible (self->status_button, plan != NULL);
  if (plan == NULL)
    return;

  id = waymark_intervention_get_id (self->intervention);
  if (waymark_appraisal_get_status (waymark_plan_get_appraisal (plan), id, &status, &reason,
                                    &dimension))
    {
      if (*reason == '\0')
        /* Translators: %s is an option's status ("Deferred") */
        text = g_strdup_printf (_("Options appraisal: %s"),
                                waymark_option_status_get_label (status));
      else if (dimension == WAYMARK_OPTION_DIMENSION_NONE)
        /* Translators: an option's status ("Deferred") and the commissioner's reason */
        text = g_strdup_printf (_("Options appraisal: %s. Reason: %s"),
                                waymark_option_status_get_label (status), reason);
      else
        /* Translators: an option's status, a Green Book dimension and the reason */
        text = g_strdup_printf (_("Options appraisal: %s. Reason (%s): %s"),
                                waymark_option_status_get_label (status),
                                waymark_option_dimension_get_label (dimension), reason);
    }
  else if (waymark_plan_find_item (plan, id, NULL) != NULL)
    text = g_strdup (_("Options appraisal: shortlisted, as an item of the plan"));
  else
    text = g_strdup (_("Options appraisal: not on the long list"));
  gtk_label_set_text (GTK_LABEL (self->status_label), text);
}

static void
on_status_clicked (WaymarkDetailPane *self)
{
  WaymarkPlan *plan = self->document != NULL ? waymark_plan_document_get_plan (self->document)
                                             : NULL;

  if (plan != NULL && self->intervention != NULL)
    waymark_status_dialog_present (GTK_WIDGET (self), plan,
                                   waymark_intervention_get_id (self->intervention),
                                   waymark_intervention_get_name (self->intervention));
}

static void
on_document_plan (WaymarkDetailPane *self)
{
  g_signal_group_set_target (self->plan_signals,
                             waymark_plan_document_get_plan (self->document));
  update_add_button (self);
  update_status (self);
}

/* The page for several selected, built the first time several are (issue 18: out of sight, it
 * was built and measured before the first frame), from its own file and named for screen
 * readers as the template's parts are. */
static AdwStatusPage *
ensure_several_page (WaymarkDetailPane *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->several_page != NULL)
    return self->several_page;

  builder = gtk_builder_new_from_resource ("/io/github/waymark/Waymark/waymark-detail-several.ui");
  self->several_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "several_page"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->several_page), "several");
  waymark_a11y_name_mnemonic_buttons (GTK_WIDGET (self->several_page));
  waymark_a11y_name_status_pages (GTK_WIDGET (self->several_page));
  /* Until a selection titles it (then its title names it). */
  waymark_a11y_name_parts (GTK_WIDGET (self->several_page), GTK_TYPE_SCROLLED_WINDOW,
                           _("Several interventions selected"));
  return self->several_page;
}

static void
rebuild (WaymarkDetailPane *self)
{
  WaymarkIntervention *item = self->intervention;
  g_autoptr(GPtrArray) blocks = NULL;
  GtkWidget *child;
  GtkWidget *title;
  GtkWidget *caption;
  GtkWidget *summary;
  GtkWidget *buttons;
  GtkWidget *compare;

  self->add_button = NULL;
  self->compare_button = NULL;
  self->status_label = NULL;
  self->status_button = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  if (item == NULL && self->n_several > 1)
    {
      g_autofree char *title = NULL;

      /* Translators: the detail pane's title when several are selected; %u is how many */
      title = g_strdup_printf (ngettext ("%u Intervention Selected", "%u Interventions Selected",
                                         self->n_several), self->n_several);
      adw_status_page_set_title (ensure_several_page (self), title);
      gtk_stack_set_visible_child_name (self->stack, "several");
      return;
    }

  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "intervention");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  title = g_object_new (GTK_TYPE_LABEL,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                        "xalign", 0.0f, "wrap", TRUE, "selectable", TRUE,
                        "label", waymark_intervention_get_name (item), NULL);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (self->content, title);

  self->add_button = gtk_button_new_with_mnemonic (_("_Add to Plan"));
  waymark_a11y_name_button_from_label (GTK_BUTTON (self->add_button));
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  gtk_widget_add_css_class (self->add_button, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "win.add-to-plan");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->add_button), "s",
                                    waymark_intervention_get_id (item));
  update_add_button (self);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (buttons), self->add_button);
  compare = g_object_new (WAYMARK_TYPE_COMPARE_TOGGLE,
                          "label", _("_Compare"), "use-underline", TRUE,
                          "intervention", item, NULL);
  g_object_bind_property (self, "comparison", compare, "comparison", G_BINDING_SYNC_CREATE);
  gtk_widget_add_css_class (compare, "pill");
  gtk_box_append (GTK_BOX (buttons), compare);
  self->compare_button = compare;
  gtk_box_append (self->content, buttons);
  self->status_label = add_label (self, "", FALSE);
  self->status_button = gtk_button_new_with_mnemonic (_("Appraisal _Status…"));
  waymark_a11y_name_button_from_label (GTK_BUTTON (self->status_button));
  gtk_widget_set_tooltip_text (self->status_button,
                               _("Shortlist, defer or set aside this option, with a reason"));
  gtk_widget_set_halign (self->status_button, GTK_ALIGN_START);
  g_signal_connect_swapped (self->status_button, "clicked", G_CALLBACK (on_status_clicked), self);
  gtk_box_append (self->content, self->status_button);
  update_status (self);
  /* Translators: above an intervention's text, which Waymark shows as the review writes it,
   * in English (issue 13: the catalogue stays in the review's English, and says so). A
   * translation should say that the text is in English. */
  caption = add_label (self, _("Quoted from the review as it is written, except where marked "
                               "as Waymark’s."), FALSE);
  gtk_widget_add_css_class (caption, "dim-label");
  summary = add_label (self, waymark_intervention_get_summary (item), FALSE);
  gtk_widget_add_css_class (summary, "detail-summary");

  /* The core decides what is shown and in which order; this only draws it. */
  blocks = waymark_intervention_describe (item, self->catalogue);
  for (guint i = 0; i < blocks->len; i++)
    add_block (self, g_ptr_array_index (blocks, i));
  add_context_links (self);
}

GtkWidget *
waymark_detail_pane_get_compare_button (WaymarkDetailPane *self)
{
  g_return_val_if_fail (WAYMARK_IS_DETAIL_PANE (self), NULL);
  return self->compare_button;
}

GtkWidget *
waymark_detail_pane_get_add_button (WaymarkDetailPane *self)
{
  g_return_val_if_fail (WAYMARK_IS_DETAIL_PANE (self), NULL);
  return self->add_button;
}

char *
waymark_detail_pane_dup_text (WaymarkDetailPane *self)
{
  GString *out;

  g_return_val_if_fail (WAYMARK_IS_DETAIL_PANE (self), NULL);

  out = g_string_new (NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->content));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      else if (WAYMARK_IS_RATING_BADGE (child))
        {
          g_autofree char *text = waymark_rating_badge_dup_description (WAYMARK_RATING_BADGE (child));
          g_string_append_printf (out, "%s\n", text);
        }
    }

  return g_string_free (out, FALSE);
}

static void
waymark_detail_pane_dispose (GObject *object)
{
  WaymarkDetailPane *self = WAYMARK_DETAIL_PANE (object);

  g_signal_group_set_target (self->document_signals, NULL);
  g_signal_group_set_target (self->plan_signals, NULL);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_DETAIL_PANE);
  /* dispose_template only unparents the children it named. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->intervention);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (waymark_detail_pane_parent_class)->dispose (object);
}

static void
waymark_detail_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  WaymarkDetailPane *self = WAYMARK_DETAIL_PANE (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      g_value_set_object (value, self->catalogue);
      break;
    case PROP_INTERVENTION:
      g_value_set_object (value, self->intervention);
      break;
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_detail_pane_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  WaymarkDetailPane *self = WAYMARK_DETAIL_PANE (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      waymark_detail_pane_set_catalogue (self, g_value_get_object (value));
      break;
    case PROP_INTERVENTION:
      waymark_detail_pane_set_intervention (self, g_value_get_object (value));
      break;
    case PROP_COMPARISON:
      waymark_detail_pane_set_comparison (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_detail_pane_class_init (WaymarkDetailPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = waymark_detail_pane_dispose;
  object_class->finalize = waymark_detail_pane_finalize;
  object_class->get_property = waymark_detail_pane_get_property;
  object_class->set_property = waymark_detail_pane_set_property;

  properties[PROP_CATALOGUE] =
    g_param_spec_object ("catalogue", NULL, NULL, WAYMARK_TYPE_CATALOGUE, flags);
  properties[PROP_INTERVENTION] =
    g_param_spec_object ("intervention", NULL, NULL, WAYMARK_TYPE_INTERVENTION, flags);
  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, WAYMARK_TYPE_COMPARISON, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-detail-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkDetailPane, stack);
  gtk_widget_class_bind_template_child (widget_class, WaymarkDetailPane, content);
  gtk_widget_class_bind_template_child (widget_class, WaymarkDetailPane, scroller);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "detailpane");
}

static void
waymark_detail_pane_finalize (GObject *object)
{
  WaymarkDetailPane *self = WAYMARK_DETAIL_PANE (object);

  /* Kept until now so that a setter called after dispose is still safe */
  g_clear_object (&self->document_signals);
  g_clear_object (&self->plan_signals);

  G_OBJECT_CLASS (waymark_detail_pane_parent_class)->finalize (object);
}

static void
waymark_detail_pane_init (WaymarkDetailPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  waymark_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  waymark_a11y_name_status_pages (GTK_WIDGET (self));

  self->document_signals = g_signal_group_new (WAYMARK_TYPE_PLAN_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::plan",
                                  G_CALLBACK (on_document_plan), self);
  self->plan_signals = g_signal_group_new (WAYMARK_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "items-changed",
                                  G_CALLBACK (update_add_button), self);
  g_signal_group_connect_swapped (self->plan_signals, "changed", G_CALLBACK (update_status),
                                  self);
}

void
waymark_detail_pane_set_plan_document (WaymarkDetailPane   *self,
                                       WaymarkPlanDocument *document)
{
  g_return_if_fail (WAYMARK_IS_DETAIL_PANE (self));
  g_return_if_fail (document == NULL || WAYMARK_IS_PLAN_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->plan_signals,
                             document != NULL ? waymark_plan_document_get_plan (document) : NULL);
  update_add_button (self);
  update_status (self);
}

GtkWidget *
waymark_detail_pane_new (void)
{
  return g_object_new (WAYMARK_TYPE_DETAIL_PANE, NULL);
}

WaymarkCatalogue *
waymark_detail_pane_get_catalogue (WaymarkDetailPane *self)
{
  g_return_val_if_fail (WAYMARK_IS_DETAIL_PANE (self), NULL);
  return self->catalogue;
}

void
waymark_detail_pane_set_catalogue (WaymarkDetailPane *self,
                                   WaymarkCatalogue  *catalogue)
{
  g_return_if_fail (WAYMARK_IS_DETAIL_PANE (self));
  g_return_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue));

  if (!g_set_object (&self->catalogue, catalogue))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOGUE]);
}

WaymarkIntervention *
waymark_detail_pane_get_intervention (WaymarkDetailPane *self)
{
  g_return_val_if_fail (WAYMARK_IS_DETAIL_PANE (self), NULL);
  return self->intervention;
}

void
waymark_detail_pane_set_intervention (WaymarkDetailPane   *self,
                                      WaymarkIntervention *intervention)
{
  g_return_if_fail (WAYMARK_IS_DETAIL_PANE (self));
  g_return_if_fail (intervention == NULL || WAYMARK_IS_INTERVENTION (intervention));

  if (!g_set_object (&self->intervention, intervention) && self->n_several == 0)
    return;

  self->n_several = 0;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVENTION]);
}

WaymarkComparison *
waymark_detail_pane_get_comparison (WaymarkDetailPane *self)
{
  g_return_val_if_fail (WAYMARK_IS_DETAIL_PANE (self), NULL);
  return self->comparison;
}

void
waymark_detail_pane_set_comparison (WaymarkDetailPane *self,
                                    WaymarkComparison *comparison)
{
  g_return_if_fail (WAYMARK_IS_DETAIL_PANE (self));
  g_return_if_fail (comparison == NULL || WAYMARK_IS_COMPARISON (comparison));

  if (!g_set_object (&self->comparison, comparison))
    return;

  /* The compare button follows through its binding, made in rebuild (). */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

void
waymark_detail_pane_show_several (WaymarkDetailPane *self,
                                  guint              n_selected)
{
  g_return_if_fail (WAYMARK_IS_DETAIL_PANE (self));
  g_return_if_fail (n_selected > 1);

  if (self->intervention == NULL && self->n_several == n_selected)
    return;

  self->n_several = n_selected;
  if (g_set_object (&self->intervention, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVENTION]);
  rebuild (self);
}
