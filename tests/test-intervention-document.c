/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "waymark-catalogue.h"
#include "waymark-intervention-document.h"

/* The one description of an intervention that the detail pane and `waymark-cli show` render:
 * checked over the whole shipped catalogue, since any entry can be the one shown. */

static WaymarkCatalogue *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  WaymarkCatalogue *catalogue = waymark_catalogue_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalogue);
  return catalogue;
}

static WaymarkBlock *
block_at (GPtrArray *blocks,
          guint      i)
{
  return i < blocks->len ? g_ptr_array_index (blocks, i) : NULL;
}

static gssize
find_heading (GPtrArray  *blocks,
              const char *text)
{
  for (guint i = 0; i < blocks->len; i++)
    if (block_at (blocks, i)->kind == WAYMARK_BLOCK_HEADING &&
        g_str_equal (block_at (blocks, i)->text, text))
      return i;
  return -1;
}

/* A heading always has something under it before the next heading or the end. */
static void
test_no_empty_section (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
  guint unrated = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (G_LIST_MODEL (catalogue), i);
      g_autoptr(GPtrArray) blocks = waymark_intervention_describe (item, catalogue);
      const char *cohort = waymark_intervention_get_target_cohort (item);

      for (guint b = 0; b < blocks->len; b++)
        {
          WaymarkBlock *block = block_at (blocks, b);
          WaymarkBlock *next = block_at (blocks, b + 1);

          if (block->kind == WAYMARK_BLOCK_HEADING &&
              (next == NULL || next->kind == WAYMARK_BLOCK_HEADING))
            g_error ("%s: heading “%s” has nothing under it",
                     waymark_intervention_get_id (item), block->text);
        }

      /* The entries the review describes but does not rate have no cohort: no heading either. */
      if (cohort == NULL || *cohort == '\0')
        {
          unrated++;
          if (waymark_intervention_get_age_min (item) < 0 &&
              waymark_intervention_get_age_max (item) < 0)
            g_assert_cmpint (find_heading (blocks, "Target cohort"), ==, -1);
        }
      else
        g_assert_cmpint (find_heading (blocks, "Target cohort"), >=, 0);
    }

  /* Else the check above checked nothing. */
  g_assert_cmpuint (unrated, >, 0);
}

/* Review lines typed as "- " bullets come as list items, never as hyphens inside text. */
static void
test_typed_bullets_are_items (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  WaymarkIntervention *drive = waymark_catalogue_lookup (catalogue, "drive");
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *text = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
  gssize impact;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (G_LIST_MODEL (catalogue), i);
      g_autoptr(GPtrArray) all = waymark_intervention_describe (item, catalogue);

      for (guint b = 0; b < all->len; b++)
        {
          WaymarkBlock *block = block_at (all, b);
          g_auto(GStrv) lines = NULL;

          if (block->text == NULL)
            continue;
          lines = g_strsplit (block->text, "\n", -1);
          for (guint l = 0; lines[l] != NULL; l++)
            if (g_str_has_prefix (g_strchug (lines[l]), "- "))
              g_error ("%s: a typed bullet in “%s”", waymark_intervention_get_id (item),
                       block->text);
        }
    }

  /* Drive's impact: a sentence, then four bullets, in the review's order. */
  blocks = waymark_intervention_describe (drive, catalogue);
  impact = find_heading (blocks, "Impact");
  g_assert_cmpint (impact, >=, 0);
  for (guint b = impact + 1; b < blocks->len && block_at (blocks, b)->kind != WAYMARK_BLOCK_TEXT; b++)
    impact = b;
  g_assert_cmpstr (block_at (blocks, impact + 1)->text, ==,
                   "The number of Drive service users perpetrating abuse reduced significantly*:");
  g_assert_cmpint (block_at (blocks, impact + 2)->kind, ==, WAYMARK_BLOCK_ITEM);
  g_assert_cmpstr (block_at (blocks, impact + 2)->text, ==,
                   "82% fewer perpetrators were using physical abuse");
  g_assert_cmpint (block_at (blocks, impact + 5)->kind, ==, WAYMARK_BLOCK_ITEM);
  g_assert_cmpstr (block_at (blocks, impact + 5)->text, ==,
                   "73% fewer perpetrators were using jealous and controlling behaviours.");
  g_assert_cmpint (block_at (blocks, impact + 6)->kind, ==, WAYMARK_BLOCK_HEADING);

  /* As plain text a list item is still a "- " line. */
  text = waymark_intervention_describe_text (drive, catalogue);
  g_assert_nonnull (strstr (text, "significantly*:\n- 82% fewer perpetrators were using physical "
                                  "abuse\n- 88%"));
}

/* The notes are Waymark's reading, under a heading and a line that say so, never a "Notes"
 * field read as the review's. */
static void
test_notes_say_they_are_waymarks (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (G_LIST_MODEL (catalogue), i);
      g_autoptr(GPtrArray) blocks = waymark_intervention_describe (item, catalogue);
      gssize at = find_heading (blocks, "Waymark’s notes on this entry");

      g_assert_cmpint (at, >=, 0);
      g_assert_cmpint (block_at (blocks, at + 1)->kind, ==, WAYMARK_BLOCK_LEAD);
      g_assert_cmpstr (block_at (blocks, at + 1)->text, ==,
                       "Written by Waymark’s team on how the review was read; not the review’s "
                       "words.");
      g_assert_cmpint (block_at (blocks, at + 2)->kind, ==, WAYMARK_BLOCK_TEXT);
      g_assert_cmpstr (block_at (blocks, at + 2)->text, ==, waymark_intervention_get_notes (item));
      g_assert_null (block_at (blocks, at + 3));

      for (guint b = 0; b < blocks->len; b++)
        g_assert_true (block_at (blocks, b)->kind != WAYMARK_BLOCK_FIELD ||
                       !g_str_equal (block_at (blocks, b)->label, "Notes"));
    }
}

static gssize
find_field (GPtrArray  *blocks,
            const char *label,
            const char *text_part)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      WaymarkBlock *block = block_at (blocks, i);

      if (block->kind == WAYMARK_BLOCK_FIELD && g_str_equal (block->label, label) &&
          (text_part == NULL || strstr (block->text, text_part) != NULL))
        return i;
    }
  return -1;
}

static char *
describe_text_of (WaymarkCatalogue *catalogue,
                  const char       *id)
{
  return waymark_intervention_describe_text (waymark_catalogue_lookup (catalogue, id), catalogue);
}

/* Issue 14. Tender's "94p of every £1" is how it spends its income: shown in the resources
 * text as the review words it, never as cost-benefit. */
static void
test_tender_94p_in_resources_only (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  WaymarkIntervention *tender = waymark_catalogue_lookup (catalogue, "tender");
  g_autoptr(GPtrArray) blocks = waymark_intervention_describe (tender, catalogue);
  g_autofree char *text = describe_text_of (catalogue, "tender");

  g_assert_cmpint (find_field (blocks, "Cost-benefit", NULL), ==, -1);
  g_assert_null (strstr (text, "Cost-benefit"));
  g_assert_nonnull (strstr (text, "For every £1 they receive, 94p goes directly towards work "
                                  "with young people (Tender, 2022)"));
}

/* A unit Waymark worded ("per book", "per assembly") is shown as Waymark's reading, with the
 * review's words beside it. */
static void
test_waymarks_unit_said (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  WaymarkIntervention *safe_dates = waymark_catalogue_lookup (catalogue, "safe-dates");
  g_autoptr(GPtrArray) blocks = waymark_intervention_describe (safe_dates, catalogue);
  g_autofree char *text = describe_text_of (catalogue, "safe-dates");
  g_autofree char *rwf = describe_text_of (catalogue, "relationships-without-fear");
  g_autofree char *drive = describe_text_of (catalogue, "drive");
  gssize at = find_field (blocks, "Published cost", "per book");

  g_assert_cmpint (at, >=, 0);
  g_assert_nonnull (strstr (block_at (blocks, at)->text, "(the unit is Waymark’s reading)"));
  g_assert_cmpstr (block_at (blocks, at + 1)->label, ==, "Waymark’s reading, not the review’s words");
  g_assert_cmpstr (block_at (blocks, at + 2)->label, ==, "The review’s words");
  g_assert_cmpstr (block_at (blocks, at + 2)->text, ==, "“can be purchased online for $395.00”");
  g_assert_nonnull (strstr (text, "per book (the unit is Waymark’s reading)"));

  g_assert_nonnull (strstr (rwf, "from £80 per assembly (the unit is Waymark’s reading)"));
  g_assert_nonnull (strstr (rwf, "The review’s words: “The training programme for teachers is "
                                 "delivered from £375 per session”"));
  /* A unit as the review writes it is not marked. */
  g_assert_null (strstr (drive, "Waymark’s reading"));
}

/* STOP-SV: "**Impact rating: MEDIUM** (note limited evidence)". */
static void
test_rating_note_shown (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  g_autofree char *text = describe_text_of (catalogue, "stop-sv");

  g_assert_nonnull (strstr (text, "Rating: Moderate (the review says “MEDIUM (note limited "
                                  "evidence)”)"));
}

/* Where the review contradicts itself, the detail pane and `show` quote both places. */
static void
test_review_inconsistencies_quoted (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  const struct { const char *id; const char *first; const char *second; } cases[] = {
    { "cbt-perpetrators",
      "“There is a moderate evidence base to support the effectiveness of CBT related "
      "interventions for reducing re-offending.” (under “Cognitive-behavioural therapy based "
      "approaches”)",
      "“Evidence quality rating: HIGH”" },
    { "restorative-justice",
      "“There is a limited evidence base, however the studies that exist, such as the AIM "
      "project, have shown high impact.” (under “Restorative justice approaches”)",
      "“Impact rating: MODERATE”" },
    { "clear",
      "perpetrator intervention programmes",
      "“In Wales, there is also CLEAR, which is tertiary prevention aimed at perpetrators.”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      WaymarkIntervention *item = waymark_catalogue_lookup (catalogue, cases[i].id);
      g_autoptr(GPtrArray) blocks = waymark_intervention_describe (item, catalogue);
      g_autofree char *text = describe_text_of (catalogue, cases[i].id);
      gssize at = find_heading (blocks, "Where the review contradicts itself");

      g_assert_cmpint (at, >=, 0);
      g_assert_cmpint (block_at (blocks, at + 1)->kind, ==, WAYMARK_BLOCK_LEAD);
      g_assert_cmpint (block_at (blocks, at + 2)->kind, ==, WAYMARK_BLOCK_TEXT);
      g_assert_cmpint (block_at (blocks, at + 3)->kind, ==, WAYMARK_BLOCK_ITEM);
      g_assert_nonnull (strstr (block_at (blocks, at + 3)->text, cases[i].first));
      g_assert_cmpint (block_at (blocks, at + 4)->kind, ==, WAYMARK_BLOCK_ITEM);
      g_assert_nonnull (strstr (block_at (blocks, at + 4)->text, cases[i].second));
      g_assert_nonnull (strstr (text, "\nWhere the review contradicts itself\n"));
      g_assert_nonnull (strstr (text, cases[i].second));
    }

  /* Nothing of the kind where the review is consistent. */
  {
    g_autoptr(GPtrArray) drive = waymark_intervention_describe (
      waymark_catalogue_lookup (catalogue, "drive"), catalogue);

    g_assert_cmpint (find_heading (drive, "Where the review contradicts itself"), ==, -1);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/intervention-document/no-empty-section", test_no_empty_section);
  g_test_add_func ("/core/intervention-document/typed-bullets", test_typed_bullets_are_items);
  g_test_add_func ("/core/intervention-document/notes", test_notes_say_they_are_waymarks);
  g_test_add_func ("/core/intervention-document/tender-94p", test_tender_94p_in_resources_only);
  g_test_add_func ("/core/intervention-document/waymarks-unit", test_waymarks_unit_said);
  g_test_add_func ("/core/intervention-document/rating-note", test_rating_note_shown);
  g_test_add_func ("/core/intervention-document/review-inconsistencies",
                   test_review_inconsistencies_quoted);

  return g_test_run ();
}
