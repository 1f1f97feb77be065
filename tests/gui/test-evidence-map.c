/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gui-test-util.h"
#include "waymark-evidence-map.h"
#include "waymark-map-chip.h"

static WaymarkMapChip *
find_chip (GtkWidget  *cell,
           const char *id)
{
  for (GtkWidget *c = gtk_widget_get_first_child (cell); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      WaymarkMapChip *chip = WAYMARK_MAP_CHIP (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c)));

      if (g_str_equal (waymark_intervention_get_id (waymark_map_chip_get_intervention (chip)), id))
        return chip;
    }

  return NULL;
}

static guint
n_chips (GtkWidget *cell)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (cell); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static const WaymarkRating points[] = { WAYMARK_RATING_LOW, WAYMARK_RATING_MODERATE, WAYMARK_RATING_HIGH };

/* The one cell, or the strip, that holds the intervention. */
static GtkWidget *
locate (WaymarkEvidenceMap *map,
        const char         *id)
{
  GtkWidget *found = NULL;

  for (guint e = 0; e < G_N_ELEMENTS (points); e++)
    for (guint i = 0; i < G_N_ELEMENTS (points); i++)
      {
        GtkWidget *cell = waymark_evidence_map_get_cell (map, points[e], points[i]);

        if (find_chip (cell, id) != NULL)
          {
            g_assert_null (found);
            found = cell;
          }
      }
  if (find_chip (waymark_evidence_map_get_unrated (map), id) != NULL)
    {
      g_assert_null (found);
      found = waymark_evidence_map_get_unrated (map);
    }

  return found;
}

static void
test_cells (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = gui_test_load_catalogue (NULL);
  WaymarkEvidenceMap *map = g_object_ref_sink (WAYMARK_EVIDENCE_MAP (waymark_evidence_map_new ()));
  GtkWidget *unrated = waymark_evidence_map_get_unrated (map);
  WaymarkMapChip *chip;
  const char *tooltip;
  guint n_rated = 0;

  waymark_evidence_map_set_model (map, G_LIST_MODEL (catalogue));

  g_assert_true (locate (map, "coaching-boys-into-men") ==
                 waymark_evidence_map_get_cell (map, WAYMARK_RATING_HIGH, WAYMARK_RATING_HIGH));
  g_assert_false (waymark_map_chip_get_is_range (find_chip (waymark_evidence_map_get_cell (map, WAYMARK_RATING_HIGH, WAYMARK_RATING_HIGH), "coaching-boys-into-men")));

  /* Impact "low to moderate": the moderate-evidence row, the low-impact column, marked. */
  g_assert_true (locate (map, "cbt-victims") ==
                 waymark_evidence_map_get_cell (map, WAYMARK_RATING_MODERATE, WAYMARK_RATING_LOW));
  chip = find_chip (waymark_evidence_map_get_cell (map, WAYMARK_RATING_MODERATE, WAYMARK_RATING_LOW),
                    "cbt-victims");
  g_assert_true (waymark_map_chip_get_is_range (chip));
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (chip));
  g_assert_nonnull (strstr (tooltip, "Impact: low to moderate"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (chip), "level-secondary"));
  gtk_test_accessible_assert_property (chip, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Cognitive Behavioural Therapy (CBT) interventions for victims");

  g_assert_true (locate (map, "cbt-perpetrators") ==
                 waymark_evidence_map_get_cell (map, WAYMARK_RATING_HIGH, WAYMARK_RATING_LOW));
  g_assert_true (locate (map, "second-responder") ==
                 waymark_evidence_map_get_cell (map, WAYMARK_RATING_LOW, WAYMARK_RATING_LOW));
  g_assert_true (locate (map, "drive") ==
                 waymark_evidence_map_get_cell (map, WAYMARK_RATING_MODERATE, WAYMARK_RATING_HIGH));
  g_assert_true (locate (map, "iris") ==
                 waymark_evidence_map_get_cell (map, WAYMARK_RATING_HIGH, WAYMARK_RATING_MODERATE));

  /* Every rated intervention once in the grid; the ten unrated approaches in the strip. */
  for (guint e = 0; e < G_N_ELEMENTS (points); e++)
    for (guint i = 0; i < G_N_ELEMENTS (points); i++)
      n_rated += n_chips (waymark_evidence_map_get_cell (map, points[e], points[i]));
  g_assert_cmpuint (n_rated, ==, 25);
  g_assert_cmpuint (n_chips (unrated), ==, 10);
  g_assert_true (locate (map, "mappa") == unrated);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find_chip (unrated, "mappa")), "level-tertiary"));

  /* The chips are built when asked for (or shown), from the model of the moment. */
  waymark_evidence_map_set_model (map, NULL);
  g_assert_cmpuint (n_chips (waymark_evidence_map_get_unrated (map)), ==, 0);
  g_assert_finalize_object (map);
}

static void
on_activated (WaymarkEvidenceMap   *map,
              WaymarkIntervention  *item,
              WaymarkIntervention **out)
{
  *out = item;
}

static void
test_select (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = gui_test_load_catalogue (NULL);
  WaymarkEvidenceMap *map = g_object_ref_sink (WAYMARK_EVIDENCE_MAP (waymark_evidence_map_new ()));
  GtkWidget *cell;
  WaymarkIntervention *activated = NULL;
  WaymarkMapChip *drive, *marac;

  waymark_evidence_map_set_model (map, G_LIST_MODEL (catalogue));
  cell = waymark_evidence_map_get_cell (map, WAYMARK_RATING_MODERATE, WAYMARK_RATING_HIGH);
  g_signal_connect (map, "intervention-activated", G_CALLBACK (on_activated), &activated);
  drive = find_chip (cell, "drive");
  marac = find_chip (cell, "marac");

  /* A click asks for the intervention; the selection, set back, decides the pressed chip. */
  g_signal_emit_by_name (drive, "clicked");
  g_assert_true (activated == waymark_catalogue_lookup (catalogue, "drive"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (drive)));

  waymark_evidence_map_set_selected (map, activated);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (drive)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (marac)));

  waymark_evidence_map_set_selected (map, waymark_catalogue_lookup (catalogue, "marac"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (drive)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (marac)));

  g_assert_finalize_object (map);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/evidence-map/cells", test_cells);
  g_test_add_func ("/gui/evidence-map/select", test_select);

  return g_test_run ();
}
