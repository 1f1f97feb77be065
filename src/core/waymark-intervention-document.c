/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-intervention-document.h"

void
waymark_block_free (WaymarkBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->label);
  g_free (block->text);
  g_free (block);
}

static WaymarkBlock *
add_block (GPtrArray        *blocks,
           WaymarkBlockKind  kind,
           const char       *label,
           const char       *text)
{
  WaymarkBlock *block = g_new0 (WaymarkBlock, 1);

  block->kind = kind;
  block->label = g_strdup (label);
  block->text = g_strdup (text);
  g_ptr_array_add (blocks, block);

  return block;
}

static void
heading (GPtrArray  *blocks,
         const char *text)
{
  add_block (blocks, WAYMARK_BLOCK_HEADING, NULL, text);
}

/* Nothing at all when there is no value. */
static void
field (GPtrArray  *blocks,
       const char *label,
       const char *text)
{
  if (text != NULL && *text != '\0')
    add_block (blocks, WAYMARK_BLOCK_FIELD, label, text);
}

static void
field_take (GPtrArray  *blocks,
            const char *label,
            char       *text)
{
  field (blocks, label, text);
  g_free (text);
}

static void
add_text_run (GPtrArray *blocks,
              GString   *run)
{
  if (run->len > 0)
    add_block (blocks, WAYMARK_BLOCK_TEXT, NULL, run->str);
  g_string_truncate (run, 0);
}

/* The review's text as it was written, except that its bullets, typed as "- " at the start of a
 * line, become list items: each renderer shows a list its own way, never a typed hyphen. */
static void
paragraph (GPtrArray  *blocks,
           const char *text)
{
  g_autoptr(GString) run = NULL;
  g_auto(GStrv) lines = NULL;

  if (text == NULL || *text == '\0')
    return;

  run = g_string_new (NULL);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *start = line + strspn (line, " \t");

      if (g_str_has_prefix (start, "- ") && start[2 + strspn (start + 2, " \t")] != '\0')
        {
          add_text_run (blocks, run);
          add_block (blocks, WAYMARK_BLOCK_ITEM, NULL, start + 2 + strspn (start + 2, " \t"));
          continue;
        }

      if (run->len > 0)
        g_string_append_c (run, '\n');
      g_string_append (run, line);
    }
  add_text_run (blocks, run);
}

/* A heading says what follows it: one with nothing under it, before the next heading or at the
 * end, is dropped rather than shown over an empty section. */
static void
drop_empty_sections (GPtrArray *blocks)
{
  for (guint i = blocks->len; i > 0; i--)
    {
      WaymarkBlock *block = g_ptr_array_index (blocks, i - 1);
      WaymarkBlock *next = i < blocks->len ? g_ptr_array_index (blocks, i) : NULL;

      if (block->kind == WAYMARK_BLOCK_HEADING &&
          (next == NULL || next->kind == WAYMARK_BLOCK_HEADING))
        g_ptr_array_remove_index (blocks, i - 1);
    }
}

static void
list (GPtrArray          *blocks,
      const char         *title,
      const char * const *items)
{
  if (items == NULL || items[0] == NULL)
    return;

  heading (blocks, title);
  for (guint i = 0; items[i] != NULL; i++)
    add_block (blocks, WAYMARK_BLOCK_ITEM, NULL, items[i]);
}

static void
rating (GPtrArray        *blocks,
        WaymarkCatalogue *catalogue,
        gboolean          evidence,
        WaymarkRating     value,
        const char       *as_written)
{
  const char *(*scale) (WaymarkCatalogue *, WaymarkRating) =
    evidence ? waymark_catalogue_get_evidence_scale : waymark_catalogue_get_impact_scale;
  WaymarkBlock *badge = add_block (blocks, WAYMARK_BLOCK_RATING, NULL, NULL);

  badge->rating = value;
  badge->evidence = evidence;

  if (value == WAYMARK_RATING_NONE)
    {
      field (blocks, _("Rating"), _("Not rated in the review"));
      return;
    }

  if (as_written != NULL && *as_written != '\0')
    /* Translators: a rating and, in brackets, the review's own words for it */
    field_take (blocks, _("Rating"), g_strdup_printf (_("%s (the review says “%s”)"),
                                                      waymark_rating_get_label (value),
                                                      as_written));
  else
    field (blocks, _("Rating"), waymark_rating_get_label (value));

  if (catalogue == NULL)
    return;

  if (value == WAYMARK_RATING_LOW_MODERATE)
    {
      field (blocks, _("Low, on the review’s scale"), scale (catalogue, WAYMARK_RATING_LOW));
      field (blocks, _("Moderate, on the review’s scale"),
             scale (catalogue, WAYMARK_RATING_MODERATE));
    }
  else
    field (blocks, _("On the review’s scale"), scale (catalogue, value));
}

static char *
format_ages (int age_min,
             int age_max)
{
  if (age_min >= 0 && age_max >= 0)
    return g_strdup_printf (_("%d to %d"), age_min, age_max);
  if (age_min >= 0)
    return g_strdup_printf (_("%d and over"), age_min);
  if (age_max >= 0)
    return g_strdup_printf (_("up to %d"), age_max);
  return NULL;
}

GPtrArray *
waymark_intervention_describe (WaymarkIntervention *item,
                               WaymarkCatalogue    *catalogue)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_block_free);
  GPtrArray *costs;
  GPtrArray *inconsistencies;
  const char *notes;

  g_return_val_if_fail (WAYMARK_IS_INTERVENTION (item), blocks);
  g_return_val_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue), blocks);

  field_take (blocks, _("Level of prevention"),
              waymark_flags_format_labels (WAYMARK_TYPE_LEVEL,
                                           waymark_intervention_get_levels (item)));
  field (blocks, _("Focus"), waymark_focus_get_label (waymark_intervention_get_focus (item)));
  field_take (blocks, _("Works with"),
              waymark_flags_format_labels (WAYMARK_TYPE_WORKS_WITH,
                                           waymark_intervention_get_works_with (item)));
  field_take (blocks, _("Setting"),
              waymark_flags_format_labels (WAYMARK_TYPE_SETTING,
                                           waymark_intervention_get_settings (item)));

  heading (blocks, _("Overview"));
  paragraph (blocks, waymark_intervention_get_overview (item));

  heading (blocks, _("Resources and costs"));
  paragraph (blocks, waymark_intervention_get_resources (item));
  costs = waymark_intervention_get_costs (item);
  if (costs->len == 0)
    field (blocks, _("Published cost"), _("No published cost"));
  for (guint i = 0; i < costs->len; i++)
    {
      const WaymarkCost *cost = g_ptr_array_index (costs, i);

      field_take (blocks, _("Published cost"), waymark_cost_format (cost));
      /* A unit Waymark worded is shown as Waymark's, beside the review's words for the figure. */
      if (cost->waymarks_reading != NULL)
        {
          field (blocks, _("Waymark’s reading, not the review’s words"), cost->waymarks_reading);
          /* Translators: the review's words for a figure, in quotation marks */
          field_take (blocks, _("The review’s words"),
                      g_strdup_printf (_("“%s”"), cost->as_written));
        }
    }
  for (const char * const *cb = waymark_intervention_get_cost_benefit (item); cb && *cb; cb++)
    field (blocks, _("Cost-benefit"), *cb);

  heading (blocks, _("Evidence"));
  rating (blocks, catalogue, TRUE, waymark_intervention_get_evidence_rating (item),
          waymark_intervention_get_evidence_rating_as_written (item));
  paragraph (blocks, waymark_intervention_get_evidence (item));

  heading (blocks, _("Impact"));
  rating (blocks, catalogue, FALSE, waymark_intervention_get_impact_rating (item),
          waymark_intervention_get_impact_rating_as_written (item));
  paragraph (blocks, waymark_intervention_get_impact (item));

  heading (blocks, _("Target cohort"));
  paragraph (blocks, waymark_intervention_get_target_cohort (item));
  field_take (blocks, _("Ages"), format_ages (waymark_intervention_get_age_min (item),
                                              waymark_intervention_get_age_max (item)));
  field (blocks, _("Gender"), waymark_gender_get_label (waymark_intervention_get_gender (item)));

  list (blocks, _("Opportunity cohorts"), waymark_intervention_get_opportunity_cohorts (item));

  heading (blocks, _("Feasibility in LLR"));
  field (blocks, _("Status"),
         waymark_llr_status_get_label (waymark_intervention_get_llr_status (item)));
  paragraph (blocks, waymark_intervention_get_feasibility (item));

  if (waymark_intervention_get_duration (item) != NULL ||
      waymark_intervention_get_sessions (item) != NULL)
    {
      heading (blocks, _("Delivery"));
      field (blocks, _("Duration"), waymark_intervention_get_duration (item));
      field (blocks, _("Sessions"), waymark_intervention_get_sessions (item));
    }

  list (blocks, _("Organisations"), waymark_intervention_get_organisations (item));
  list (blocks, _("References"), waymark_intervention_get_references (item));

  /* Where the review contradicts itself, both places are quoted as written; Waymark picks
   * neither. */
  inconsistencies = waymark_intervention_get_review_inconsistencies (item);
  if (inconsistencies->len > 0)
    {
      heading (blocks, _("Where the review contradicts itself"));
      add_block (blocks, WAYMARK_BLOCK_LEAD, NULL,
                 _("The review says different things in different places. Each is quoted as "
                   "written, with the heading it is under."));
    }
  for (guint i = 0; i < inconsistencies->len; i++)
    {
      WaymarkReviewInconsistency *inconsistency = g_ptr_array_index (inconsistencies, i);

      add_block (blocks, WAYMARK_BLOCK_TEXT, NULL, inconsistency->about);
      for (guint q = 0; q < inconsistency->quotes->len; q++)
        {
          WaymarkReviewQuote *quote = g_ptr_array_index (inconsistency->quotes, q);

          /* Translators: the review's words, then the heading of the review they are under */
          g_autofree char *text = g_strdup_printf (_("“%s” (under “%s”)"), quote->words,
                                                   quote->section);

          add_block (blocks, WAYMARK_BLOCK_ITEM, NULL, text);
        }
    }

  heading (blocks, _("Source"));
  field (blocks, _("Section of the review"), waymark_intervention_get_section (item));

  /* The notes are Waymark's own reading of the review, not the review: they say so. */
  notes = waymark_intervention_get_notes (item);
  if (notes != NULL && *notes != '\0')
    {
      heading (blocks, _("Waymark’s notes on this entry"));
      add_block (blocks, WAYMARK_BLOCK_LEAD, NULL,
                 _("Written by Waymark’s team on how the review was read; not the review’s words."));
      paragraph (blocks, notes);
    }

  drop_empty_sections (blocks);
  return blocks;
}

char *
waymark_intervention_describe_text (WaymarkIntervention *item,
                                    WaymarkCatalogue    *catalogue)
{
  g_autoptr(GPtrArray) blocks = waymark_intervention_describe (item, catalogue);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n%s\n\n", waymark_intervention_get_name (item),
                          waymark_intervention_get_summary (item));
  /* Translators: the intervention's stable id, as waymark-cli show takes it */
  g_string_append_printf (out, "%s: %s\n", _("Id"), waymark_intervention_get_id (item));

  for (guint i = 0; i < blocks->len; i++)
    {
      WaymarkBlock *block = g_ptr_array_index (blocks, i);

      switch (block->kind)
        {
        case WAYMARK_BLOCK_HEADING:
          g_string_append_printf (out, "\n%s\n", block->text);
          for (glong n = g_utf8_strlen (block->text, -1); n > 0; n--)
            g_string_append_c (out, '-');
          g_string_append_c (out, '\n');
          break;
        case WAYMARK_BLOCK_FIELD:
          g_string_append_printf (out, "%s: %s\n", block->label, block->text);
          break;
        case WAYMARK_BLOCK_TEXT:
        case WAYMARK_BLOCK_LEAD:
          g_string_append_printf (out, "%s\n", block->text);
          break;
        case WAYMARK_BLOCK_ITEM:
          g_string_append_printf (out, "- %s\n", block->text);
          break;
        case WAYMARK_BLOCK_RATING:
          /* In text, the Rating field that follows says it all. */
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (out, FALSE);
}
