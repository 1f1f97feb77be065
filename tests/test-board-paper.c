/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "test-util.h"
#include "waymark-appraisal-ranking.h"
#include "waymark-board-paper.h"
#include "waymark-catalogue.h"
#include "waymark-plan-io.h"

/* The board paper's content (issue 16, part 4), built from tests/data/appraisal.waymark (four
 * reviewed interventions, an appraisal with a local criterion) with an item of its local service
 * added: the five cases in order; every figure shown with its note and listed with its kind and
 * source; the review's figures and words exactly as the review (tests/data's copy) has them under
 * the section cited; the arithmetic of the computed ones; the local service marked as not rated. */

typedef struct
{
  WaymarkCatalogue  *catalogue;
  WaymarkPlan       *plan;
  WaymarkBoardPaper *paper;
  char              *text;
  char              *review;  /* the review's text, its emphasis (**, <b>) removed, each run
                               * of white space one space (as tests/check-context.py reads it) */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "appraisal.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WaymarkLocalService *service;
  g_autoptr(WaymarkPlanItem) item = NULL;
  WaymarkPlanItem *drive;

  fixture->catalogue = waymark_catalogue_new_default (&error);
  g_assert_no_error (error);
  fixture->plan = waymark_plan_new_from_file (file, fixture->catalogue, &error);
  g_assert_no_error (error);

  service = waymark_plan_find_local_service (fixture->plan, "local-idva-service", NULL);
  g_assert_nonnull (service);
  item = waymark_plan_item_new_for_local_service (service);
  waymark_plan_add_item (fixture->plan, item);
  waymark_plan_edit (fixture->plan, item, "quantity", 3, NULL);
  /* Three financial years, Drive growing from 40 to 50 to 60, and local costs raised by 2.5% a
   * year (the review's never are). */
  waymark_plan_set_year_kind (fixture->plan, WAYMARK_YEAR_KIND_FINANCIAL);
  waymark_plan_set_uplift (fixture->plan, 250);
  drive = waymark_plan_find_item (fixture->plan, "drive", NULL);
  waymark_plan_set_item_year_quantity (fixture->plan, drive, 1, 50);
  waymark_plan_set_item_year_quantity (fixture->plan, drive, 2, 60);

  fixture->paper = waymark_board_paper_new (fixture->plan, fixture->catalogue);
  {
    g_autofree char *review_path = g_test_build_filename (G_TEST_DIST, "data",
                                                          "rapid-evidence-review.md", NULL);
    g_autofree char *raw = NULL;
    g_autoptr(GRegex) bold = g_regex_new ("\\*\\*|</?b>", 0, 0, NULL);
    g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *plain = NULL;

    g_file_get_contents (review_path, &raw, NULL, &error);
    g_assert_no_error (error);
    plain = g_regex_replace_literal (bold, raw, -1, 0, "", 0, NULL);
    fixture->review = g_regex_replace_literal (space, plain, -1, 0, " ", 0, NULL);
  }
  fixture->text = waymark_board_paper_to_text (fixture->paper);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->text);
  g_free (fixture->review);
  waymark_board_paper_free (fixture->paper);
  g_assert_finalize_object (fixture->plan);
  g_assert_finalize_object (fixture->catalogue);
}

static const WaymarkPaperFigure *
find_figure (Fixture    *fixture,
             const char *what)
{
  for (guint i = 0; i < fixture->paper->figures->len; i++)
    {
      const WaymarkPaperFigure *f = g_ptr_array_index (fixture->paper->figures, i);

      if (g_strcmp0 (f->what, what) == 0)
        return f;
    }
  g_test_message ("no figure “%s”", what);
  g_assert_not_reached ();
}

/* The headings of level 1, in order. */
static void
test_cases (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *expected[] = {
    "1. Strategic case", "2. Economic case", "3. Commercial case", "4. Financial case",
    "5. Management case", "6. The interventions", "Sources",
  };
  guint n = 0;

  for (guint i = 0; i < fixture->paper->blocks->len; i++)
    {
      const WaymarkPaperBlock *block = g_ptr_array_index (fixture->paper->blocks, i);

      if (block->kind == WAYMARK_PAPER_BLOCK_HEADING && block->level == 1)
        {
          g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
          g_assert_cmpstr (block->text, ==, expected[n]);
          n++;
        }
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));

  g_assert_cmpstr (fixture->paper->title, ==,
                   "Appraisal fixture: four items, a local service and an unrated approach");
  g_assert_cmpstr (fixture->paper->author, ==, "A. Commissioner");
  g_assert_cmpstr (fixture->paper->organisation, ==, "LLR Violence Reduction Network");
  g_assert_cmpstr (fixture->paper->area, ==, "Leicester, Leicestershire and Rutland");
  g_assert_cmpstr (fixture->paper->period, ==,
                   "2026/27 to 2028/29, in financial years (April to March)");
}

/* Every figure is in the text with its note, once listed in Sources with a kind and a source. */
static void
test_every_figure_noted (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *sources = strstr (fixture->text, "\nSources\n");
  const char *previous = fixture->text;

  g_assert_nonnull (sources);
  g_assert_cmpuint (fixture->paper->figures->len, >, 40);
  for (guint i = 0; i < fixture->paper->figures->len; i++)
    {
      const WaymarkPaperFigure *f = g_ptr_array_index (fixture->paper->figures, i);
      g_autofree char *noted = g_strdup_printf ("%s [%u]", f->text, f->number);
      g_autofree char *listed = g_strdup_printf ("[%u] | %s | %s | %s", f->number, f->text, f->what,
                                                 waymark_paper_figure_kind_get_label (f->kind));

      const char *at = strstr (fixture->text, noted);

      g_assert_cmpuint (f->number, ==, i + 1);
      /* Numbered in reading order: each note first shown after the one before, before Sources. */
      g_assert_nonnull (at);
      g_assert_true (at > previous && at < sources);
      previous = at;
      g_assert_nonnull (strstr (fixture->text, listed));
      g_assert_cmpstr (f->source, !=, "");
      g_assert_true ((f->kind == WAYMARK_PAPER_FIGURE_REVIEW) == (f->as_written != NULL));
    }
}

/* The review's figures and words, as the review writes them, under the heading cited. */
static void
test_review_words (Fixture       *fixture,
                   gconstpointer  data)
{
  WaymarkIntervention *drive = waymark_catalogue_lookup (fixture->catalogue, "drive");
  const WaymarkPaperFigure *cost;
  const WaymarkPaperFigure *people;
  guint n_review = 0;

  for (guint i = 0; i < fixture->paper->figures->len; i++)
    {
      const WaymarkPaperFigure *f = g_ptr_array_index (fixture->paper->figures, i);
      const char *prefix = "Review, section “";

      if (f->kind != WAYMARK_PAPER_FIGURE_REVIEW)
        continue;
      n_review++;
      g_assert_true (g_str_has_prefix (f->source, prefix));
      g_assert_true (g_str_has_suffix (f->source, "”"));
      {
        g_autofree char *section = g_strndup (f->source + strlen (prefix),
                                              strlen (f->source) - strlen (prefix) - strlen ("”"));

        /* The catalogue cites an intervention by the part of the review it is in ("Tertiary
         * interventions"), whose heading is at the level of the intervention's own, and some
         * context is in an HTML table with its emphasis: the words are then in the review, and the
         * section is one of its headings (which the helper checks). */
        if (!test_review_has_under_heading (f->as_written, section))
          g_assert_nonnull (strstr (fixture->review, f->as_written));
      }
    }
  g_assert_cmpuint (n_review, >=, 20);

  /* The published cost, as written, under Drive's section. */
  cost = find_figure (fixture, "Drive project: the review’s published cost");
  g_assert_cmpint (cost->kind, ==, WAYMARK_PAPER_FIGURE_REVIEW);
  g_assert_cmpstr (cost->as_written, ==, waymark_intervention_get_cost (drive)->as_written);
  g_assert_cmpstr (cost->text, ==, "£2400 per perpetrator");

  /* A local figure of the review's context: 28,360 adults, as the review writes it. */
  people = find_figure (fixture, "Adults who experienced domestic abuse in the past year");
  g_assert_cmpstr (people->text, ==, "28,360 people");
  g_assert_nonnull (strstr (people->as_written, "28,360"));

  /* The review's own evidence and impact lines, and its scale words for the ratings. */
  for (guint i = 0; i < fixture->paper->blocks->len; i++)
    {
      const WaymarkPaperBlock *block = g_ptr_array_index (fixture->paper->blocks, i);

      if (block->kind == WAYMARK_PAPER_BLOCK_QUOTE
          && g_strcmp0 (block->text, waymark_intervention_get_evidence (drive)) == 0)
        {
          g_autofree char *source = g_strdup_printf ("Review, section “%s”",
                                                     waymark_intervention_get_section (drive));

          g_assert_cmpstr (block->source, ==, source);
          n_review = G_MAXUINT;
        }
    }
  g_assert_cmpuint (n_review, ==, G_MAXUINT);
  g_assert_nonnull (strstr (fixture->text, waymark_intervention_get_impact (drive)));
  {
    g_autofree char *evidence = g_strdup_printf ("Strength of evidence: %s (the review’s scale, "
                                                 "Moderate: “%s”).",
                                                 waymark_intervention_get_evidence_rating_as_written (drive),
                                                 waymark_catalogue_get_evidence_scale (fixture->catalogue,
                                                                                       WAYMARK_RATING_MODERATE));

    g_assert_nonnull (strstr (fixture->text, evidence));
  }
}

/* The figure `what` is computed, shows `text` and gives `arithmetic` as its source. */
static void
assert_computed (Fixture    *fixture,
                 const char *what,
                 const char *text,
                 const char *arithmetic)
{
  const WaymarkPaperFigure *f = find_figure (fixture, what);

  g_assert_cmpint (f->kind, ==, WAYMARK_PAPER_FIGURE_COMPUTED);
  g_assert_cmpstr (f->text, ==, text);
  if (arithmetic != NULL)
    g_assert_cmpstr (f->source, ==, arithmetic);
}

/* Computed figures carry their arithmetic, and it is right: Drive's quantities grow, its review
 * cost does not; the budget is the plan's for all its years. */
static void
test_computed (Fixture       *fixture,
               gconstpointer  data)
{
  const WaymarkPaperFigure *budget = find_figure (fixture, "Budget over the plan");
  const WaymarkPaperFigure *score = find_figure (fixture, "Drive project: weighted score");
  const WaymarkPaperFigure *unit = find_figure (fixture, "Drive project: unit cost, 2028/29");
  g_autoptr(WaymarkAppraisalRanking) ranking =
    waymark_appraisal_ranking_new (waymark_plan_get_appraisal (fixture->plan), fixture->plan,
                                   fixture->catalogue);

  assert_computed (fixture, "Drive project: line total, 2026/27", "£96,000", "40 × £2,400 = £96,000");
  assert_computed (fixture, "Drive project: line total, 2027/28", "£120,000", "50 × £2,400 = £120,000");
  assert_computed (fixture, "Drive project: line total, 2028/29", "£144,000", "60 × £2,400 = £144,000");
  g_assert_cmpint (find_figure (fixture, "Drive project: quantity, 2027/28")->kind, ==,
                   WAYMARK_PAPER_FIGURE_LOCAL);
  g_assert_cmpstr (find_figure (fixture, "Drive project: quantity, 2027/28")->text, ==, "50");
  /* The review's cost, never raised by the uplift. */
  g_assert_cmpint (unit->kind, ==, WAYMARK_PAPER_FIGURE_REVIEW);
  g_assert_cmpstr (unit->text, ==, "£2,400");
  g_assert_cmpstr (unit->as_written, ==, "£2400 per perpetrator");

  g_assert_cmpint (budget->kind, ==, WAYMARK_PAPER_FIGURE_LOCAL);
  g_assert_cmpstr (budget->text, ==, "£600,000");
  assert_computed (fixture, "Budget a year", "£200,000", "£600,000 ÷ 3 = £200,000");
  g_assert_cmpint (find_figure (fixture, "Annual uplift on local costs")->kind, ==,
                   WAYMARK_PAPER_FIGURE_LOCAL);
  g_assert_cmpstr (find_figure (fixture, "Annual uplift on local costs")->text, ==, "2.5%");

  g_assert_cmpint (score->kind, ==, WAYMARK_PAPER_FIGURE_COMPUTED);
  for (guint i = 0; i < ranking->rows->len; i++)
    {
      WaymarkAppraisalRow *row = g_ptr_array_index (ranking->rows, i);

      if (g_strcmp0 (row->id, "drive") == 0)
        {
          g_autofree char *weighted = waymark_appraisal_format_hundredths (row->weighted);

          g_assert_cmpstr (score->text, ==, weighted);
          g_assert_cmpstr (score->source, ==, row->arithmetic);
        }
    }
}

/* The totals per year and over the plan, worked out by hand from the plan's figures: Drive
 * 40, 50, 60 × £2,400; CBT 100 × £60 to £100; the local service 3 × £42,000 to £45,000, raised
 * 2.5% a year (£43,050 to £46,125; £44,126.25 to £47,278.13, to the penny); IRIS and counselling
 * have no cost. */
static void
test_years (Fixture       *fixture,
            gconstpointer  data)
{
  assert_computed (fixture, "Total, 2026/27", "£228,000 to £241,000", NULL);
  assert_computed (fixture, "Total, 2027/28", "£255,150 to £268,375", NULL);
  assert_computed (fixture, "Total, 2028/29", "£282,378.75 to £295,834.39", NULL);
  assert_computed (fixture, "Total over the plan", "£765,528.75 to £805,209.39", NULL);
  assert_computed (fixture, "Remaining against the budget, 2028/29", "-£95,834.39 to -£82,378.75",
                   "The year’s budget, £200,000, minus the year’s total (the low figure against "
                   "the high total)");
  assert_computed (fixture, "Remaining against the budget over the plan",
                   "-£205,209.39 to -£165,528.75", NULL);
}

/* The local service: in the Commercial case and its own section as not rated by the review, with
 * no rating of the review's given to it. */
static void
test_local_service (Fixture       *fixture,
                    gconstpointer  data)
{
  const WaymarkPaperFigure *quantity = find_figure (fixture, "LLR IDVA service: quantity, 2026/27");
  const WaymarkPaperFigure *unit = find_figure (fixture, "LLR IDVA service: unit cost, 2026/27");
  gboolean in_commercial = FALSE;
  gboolean in_section = FALSE;

  g_assert_cmpint (quantity->kind, ==, WAYMARK_PAPER_FIGURE_LOCAL);
  g_assert_cmpint (unit->kind, ==, WAYMARK_PAPER_FIGURE_LOCAL);
  g_assert_cmpstr (unit->text, ==, "£42,000 to £45,000");
  assert_computed (fixture, "LLR IDVA service: line total, 2026/27", "£126,000 to £135,000",
                   "3 × £42,000 to £45,000 = £126,000 to £135,000");
  /* A local cost, raised by the uplift from the second year, says so. */
  assert_computed (fixture, "LLR IDVA service: unit cost, 2028/29", "£44,126.25 to £47,278.13",
                   "£42,000 to £45,000 entered, raised by the plan’s uplift of 2.5% a year for 2 "
                   "years (rounded to the penny) = £44,126.25 to £47,278.13");
  assert_computed (fixture, "LLR IDVA service: line total, 2028/29", "£132,378.75 to £141,834.39",
                   "3 × £44,126.25 to £47,278.13 = £132,378.75 to £141,834.39");

  for (guint i = 0; i < fixture->paper->blocks->len; i++)
    {
      const WaymarkPaperBlock *block = g_ptr_array_index (fixture->paper->blocks, i);

      if (block->kind == WAYMARK_PAPER_BLOCK_TABLE && block->n_columns == 4
          && g_strcmp0 (block->columns[3], "Basis") == 0)
        for (guint r = 0; r < block->rows->len; r++)
          {
            char **cells = g_ptr_array_index (block->rows, r);

            if (g_strcmp0 (cells[0], "LLR IDVA service") == 0)
              in_commercial = g_strcmp0 (cells[3], "Local: not rated by the review") == 0;
          }
      if (block->kind == WAYMARK_PAPER_BLOCK_HEADING && g_strcmp0 (block->text, "LLR IDVA service") == 0)
        {
          const WaymarkPaperBlock *next = g_ptr_array_index (fixture->paper->blocks, i + 2);

          in_section = g_str_has_prefix (next->text, "Local: not rated by the review.");
        }
    }
  g_assert_true (in_commercial);
  g_assert_true (in_section);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/board-paper/cases", test_cases);
  ADD ("/core/board-paper/every-figure-noted", test_every_figure_noted);
  ADD ("/core/board-paper/review-words", test_review_words);
  ADD ("/core/board-paper/computed", test_computed);
  ADD ("/core/board-paper/years", test_years);
  ADD ("/core/board-paper/local-service", test_local_service);
#undef ADD

  return g_test_run ();
}
