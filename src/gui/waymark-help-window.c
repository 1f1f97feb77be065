/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-help-window.h"

struct _WaymarkHelpWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkBox *content;
};

G_DEFINE_FINAL_TYPE (WaymarkHelpWindow, waymark_help_window, ADW_TYPE_WINDOW)

static void
add_label (WaymarkHelpWindow *self,
           const char        *text,
           const char        *css_class,
           gboolean           heading)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", heading ? GTK_ACCESSIBLE_ROLE_HEADING
                                                              : GTK_ACCESSIBLE_ROLE_LABEL,
                                   "label", text,
                                   "use-markup", TRUE,
                                   "wrap", TRUE,
                                   "xalign", 0.0f,
                                   NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->content, label);
}

static void
add_heading (WaymarkHelpWindow *self,
             const char        *text)
{
  add_label (self, text, "title-3", TRUE);
}

static void
add_paragraph (WaymarkHelpWindow *self,
               const char        *text)
{
  add_label (self, text, NULL, FALSE);
}

static void
add_term (WaymarkHelpWindow *self,
          const char        *term,
          const char        *definition)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>: %s", term, definition);

  add_paragraph (self, markup);
}

static void
add_scale (WaymarkHelpWindow *self,
           WaymarkCatalogue  *catalogue,
           const char        *(*scale) (WaymarkCatalogue *, WaymarkRating))
{
  const WaymarkRating ratings[] = { WAYMARK_RATING_LOW, WAYMARK_RATING_MODERATE,
                                    WAYMARK_RATING_HIGH };

  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    add_term (self, waymark_rating_get_label (ratings[i]), scale (catalogue, ratings[i]));
}

static void
fill (WaymarkHelpWindow *self,
      WaymarkCatalogue  *catalogue)
{
  g_autofree char *source =
    g_markup_printf_escaped (_("Waymark shows the interventions of one document, <i>%s</i> (%s), "
                               "for %s. Every rating and figure in Waymark comes from it: nothing "
                               "is rated or costed that the review does not rate or cost."),
                             waymark_catalogue_get_title (catalogue),
                             waymark_catalogue_get_author (catalogue),
                             waymark_catalogue_get_area (catalogue));

  add_paragraph (self, source);

  add_heading (self, _("Interventions"));
  add_paragraph (self, _("Find the interventions that fit a local need. Type to search; use the "
                         "filter pane (F9) to narrow by level of prevention, focus, who an "
                         "intervention works with, minimum evidence and impact, status in LLR, "
                         "cost and age group. Each active filter shows as a chip you can remove. "
                         "Select an intervention to read everything the review says about it."));
  add_paragraph (self, _("The evidence map (Ctrl+2) sets the same interventions on a grid of "
                         "evidence quality against impact. Where the review gives a range, such "
                         "as LOW/MODERATE, the intervention sits at the low end with a mark. "
                         "Approaches the review describes without rating them are listed apart."));

  add_heading (self, _("Plan"));
  add_paragraph (self, _("Build a draft commissioning plan: add interventions from the list, "
                         "the detail or the map, then give each a yearly quantity and a unit cost "
                         "in pounds. Costs the review publishes are filled in for you; a cost "
                         "published in dollars or euros is never converted, so you enter a figure "
                         "in pounds. The summary shows the totals against your budget, charts of "
                         "where the money goes, and warnings drawn from the review. Save a plan "
                         "(.waymark), or export it as CSV for a spreadsheet or JSON for another "
                         "system. Every change can be undone with Ctrl+Z."));

  add_heading (self, _("Compare"));
  add_paragraph (self, _("Set two to six interventions side by side for a partnership meeting. "
                         "Press Compare on a row, in the detail or on the map, or select several "
                         "in the list with Ctrl+click and press Compare Selected (the + beside "
                         "it adds them all to the plan). Rows where "
                         "they differ are marked, and so are the strongest evidence "
                         "and the highest impact. Costs are ranked only when their currency and "
                         "basis match. Press F11 for presentation mode, with text up to twice "
                         "the size, or print the table as a handout."));

  add_heading (self, _("Context"));
  add_paragraph (self, _("Read what the review says beyond its interventions: the scale of the "
                         "problem nationally and locally, the demographics, the commissioned "
                         "services, the standards, the funding streams, the gaps in provision and "
                         "the recommendations with their discussion questions. Every figure is "
                         "the review’s own words, with the section it comes from. A gap or a "
                         "recommendation links to the interventions that address it; Ctrl+plus "
                         "enlarges the text for a projector."));

  add_heading (self, _("Appraisal"));
  add_paragraph (self, _("Rank the plan’s shortlisted options by a weighted score, as the Green "
                         "Book asks. Each score shows its arithmetic and how many criteria it "
                         "counts; an option the review does not rate on a criterion is neither "
                         "penalised nor rewarded for it. Set the weights, the tables that turn "
                         "the review’s ratings into scores, and criteria of your own; mark an "
                         "option deferred or not taken forward, with a reason. The page says "
                         "whether the top three hold when any one weight moves by a fifth."));

  add_heading (self, _("Levels of prevention"));
  /* The review's own definitions (its section on the three tiers of prevention). */
  add_term (self, _("Primary"), _("Prevention (universal services): aims to stop domestic abuse "
                                  "and sexual violence before it starts, addressing their root "
                                  "causes; for example, education on healthy relationships."));
  add_term (self, _("Secondary"), _("Early intervention and response (targeted services): "
                                    "prevents progression through early identification, "
                                    "intervention and diversion, working with victims and "
                                    "perpetrators; for example, risk identification tools and CBT."));
  add_term (self, _("Tertiary"), _("Reduction (targeted services): reduces the impact and "
                                   "prevents the reoccurrence of domestic abuse or sexual "
                                   "violence; for example, recovery support for victims and "
                                   "perpetrator programmes."));

  add_heading (self, _("Evidence quality"));
  add_paragraph (self, _("How much confidence the review has in the research behind the impact "
                         "rating, after the Youth Endowment Fund Toolkit:"));
  add_scale (self, catalogue, waymark_catalogue_get_evidence_scale);

  add_heading (self, _("Impact"));
  add_paragraph (self, _("Whether, on average, the approach has had a low, moderate or high "
                         "impact:"));
  add_scale (self, catalogue, waymark_catalogue_get_impact_scale);

  add_heading (self, _("Keyboard"));
  add_paragraph (self, _("Press Ctrl+? to see every keyboard shortcut, and F1 to open this page."));
}

static void
waymark_help_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WAYMARK_TYPE_HELP_WINDOW);

  G_OBJECT_CLASS (waymark_help_window_parent_class)->dispose (object);
}

static void
waymark_help_window_class_init (WaymarkHelpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_help_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/waymark-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkHelpWindow, content);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
waymark_help_window_init (WaymarkHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
waymark_help_window_new (GtkWindow        *parent,
                         WaymarkCatalogue *catalogue)
{
  WaymarkHelpWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (catalogue), NULL);

  self = g_object_new (WAYMARK_TYPE_HELP_WINDOW, "transient-for", parent, NULL);
  fill (self, catalogue);

  return GTK_WIDGET (self);
}
