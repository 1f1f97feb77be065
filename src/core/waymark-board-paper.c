/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "waymark-appraisal-ranking.h"
#include "waymark-board-paper.h"
#include "waymark-money.h"

typedef struct
{
  WaymarkBoardPaper *paper;
  WaymarkPlan       *plan;
  WaymarkCatalogue  *catalogue;
} Builder;

static void
figure_free (WaymarkPaperFigure *figure)
{
  g_free (figure->text);
  g_free (figure->what);
  g_free (figure->source);
  g_free (figure->as_written);
  g_free (figure);
}

static void
block_free (WaymarkPaperBlock *block)
{
  g_free (block->text);
  g_free (block->source);
  g_strfreev (block->columns);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  if (block->bars != NULL)
    {
      for (guint i = 0; i < block->bars->len; i++)
        g_free (g_array_index (block->bars, WaymarkPaperBar, i).label);
      g_array_unref (block->bars);
    }
  g_free (block);
}

void
waymark_board_paper_free (WaymarkBoardPaper *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->area);
  g_free (self->organisation);
  g_free (self->author);
  g_free (self->date);
  g_free (self->period);
  g_free (self->catalogue);
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->figures);
  g_free (self);
}

const char *
waymark_paper_figure_kind_get_label (WaymarkPaperFigureKind kind)
{
  switch (kind)
    {
    case WAYMARK_PAPER_FIGURE_REVIEW:
      return _("Review");
    case WAYMARK_PAPER_FIGURE_LOCAL:
      return _("Local entry");
    case WAYMARK_PAPER_FIGURE_COMPUTED:
      return _("Computed");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Money as the review writes it, the same in every locale. */
static char *
money (gint64 pence)
{
  return waymark_money_format_for_export (pence, WAYMARK_CURRENCY_GBP);
}

static char *
money_range (gint64 low,
             gint64 high)
{
  g_autofree char *a = money (low);
  g_autofree char *b = NULL;

  if (low == high)
    return g_steal_pointer (&a);
  b = money (high);
  /* TRANSLATORS: a range of money, "£40,000 to £45,000" */
  return g_strdup_printf (_("%s to %s"), a, b);
}

/* A count as the review writes one, the same in every locale: "28,360". */
static char *
count_text (guint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  GString *text = g_string_new (NULL);
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

/* Records a figure and returns it as the text shows it, with its note: "£96,000 [12]". */
static char *
figure (Builder                *b,
        WaymarkPaperFigureKind  kind,
        const char             *text,
        const char             *what,
        const char             *source,
        const char             *as_written)
{
  WaymarkPaperFigure *f = g_new0 (WaymarkPaperFigure, 1);

  f->number = b->paper->figures->len + 1;
  f->kind = kind;
  f->text = g_strdup (text);
  f->what = g_strdup (what);
  f->source = g_strdup (source != NULL ? source : "");
  f->as_written = g_strdup (as_written);
  g_ptr_array_add (b->paper->figures, f);
  return g_strdup_printf ("%s [%u]", text, f->number);
}

static char *
review_section (const char *section)
{
  if (section == NULL || *section == '\0')
    return g_strdup (_("Review"));
  return g_strdup_printf (_("Review, section “%s”"), section);
}

static WaymarkPaperBlock *
add_block (Builder               *b,
           WaymarkPaperBlockKind  kind,
           const char            *text)
{
  WaymarkPaperBlock *block = g_new0 (WaymarkPaperBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  g_ptr_array_add (b->paper->blocks, block);
  return block;
}

static void
heading (Builder    *b,
         guint       level,
         const char *text)
{
  add_block (b, WAYMARK_PAPER_BLOCK_HEADING, text)->level = level;
}

static void
paragraph (Builder    *b,
           const char *text)
{
  add_block (b, WAYMARK_PAPER_BLOCK_PARAGRAPH, text);
}

static void G_GNUC_PRINTF (2, 3)
paragraphf (Builder    *b,
            const char *format,
            ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  paragraph (b, text);
}

static void
quote (Builder    *b,
       const char *words,
       const char *section)
{
  if (words == NULL || *words == '\0')
    return;
  add_block (b, WAYMARK_PAPER_BLOCK_QUOTE, words)->source = review_section (section);
}

/* A table with its header: the column names, NULL-terminated. */
static WaymarkPaperBlock *
table (Builder    *b,
       const char *caption,
       ...)
{
  WaymarkPaperBlock *block = add_block (b, WAYMARK_PAPER_BLOCK_TABLE, caption);
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
  va_list args;

  va_start (args, caption);
  for (const char *column = va_arg (args, const char *); column != NULL;
       column = va_arg (args, const char *))
    g_strv_builder_add (columns, column);
  va_end (args);
  block->columns = g_strv_builder_end (columns);
  block->n_columns = g_strv_length (block->columns);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return block;
}

/* Adds a row; takes the cells (n_columns of them, each owned, NULL for empty). */
static void
table_row (WaymarkPaperBlock *block,
           ...)
{
  char **cells = g_new0 (char *, block->n_columns + 1);
  va_list args;

  va_start (args, block);
  for (guint i = 0; i < block->n_columns; i++)
    {
      char *cell = va_arg (args, char *);

      cells[i] = cell != NULL ? cell : g_strdup ("");
    }
  va_end (args);
  g_ptr_array_add (block->rows, cells);
}

/* Drops a table that got no rows, and says so instead. */
static void
end_table (Builder           *b,
           WaymarkPaperBlock *block,
           const char        *if_empty)
{
  if (block->rows->len > 0)
    return;
  g_ptr_array_remove (b->paper->blocks, block);
  paragraph (b, if_empty);
}

static const char *
plan_area (Builder *b)
{
  const char *area = waymark_plan_get_area (b->plan);

  return area != NULL && *area != '\0' ? area : WAYMARK_PLAN_DEFAULT_AREA;
}

static WaymarkIntervention *
lookup (Builder         *b,
        WaymarkPlanItem *item)
{
  if (b->catalogue == NULL || waymark_plan_item_get_local_service (item))
    return NULL;
  return waymark_catalogue_lookup (b->catalogue, waymark_plan_item_get_intervention_id (item));
}

/* --- Strategic case ------------------------------------------------------------------------- */

static void
strategic_case (Builder *b)
{
  GListModel *items = G_LIST_MODEL (b->plan);
  g_autoptr(GArray) coverage = waymark_plan_get_coverage (b->plan, b->catalogue);
  WaymarkPaperBlock *t;

  heading (b, 1, _("1. Strategic case"));
  paragraphf (b, _("This paper sets out the draft commissioning plan “%s” for %s: %u items, "
                   "from %s. It draws on the rapid evidence review of interventions to prevent "
                   "and reduce domestic abuse and sexual violence, and on the plan’s own figures. "
                   "Each figure is followed by a note number; the Sources table at the end says "
                   "whether it is the review’s (with its section), a local entry or computed "
                   "(with its arithmetic)."),
              b->paper->title, plan_area (b), g_list_model_get_n_items (items), b->paper->period);

  heading (b, 2, _("The need"));
  t = table (b, _("People the plan reaches a year, against the need"),
             _("Group"), _("People reached a year"), _("People in need"), _("Share of the need met"),
             NULL);
  for (guint i = 0; i < coverage->len; i++)
    {
      WaymarkCoverage *c = &g_array_index (coverage, WaymarkCoverage, i);
      const char *group = waymark_reach_group_get_label (c->group);
      g_autofree char *what = NULL;
      g_autofree char *reached_text = count_text (c->reached);
      g_autofree char *need_text = NULL;
      char *reached_cell;
      char *need_cell = NULL;
      char *share_cell = NULL;

      /* Each row's figures are numbered in reading order, left to right. */
      what = g_strdup_printf (_("%s: people reached a year"), group);
      reached_cell = figure (b, WAYMARK_PAPER_FIGURE_LOCAL, reached_text, what,
                             _("The sum of the reach the plan records for the group’s items"), NULL);
      if (c->need != NULL)
        {
          g_autofree char *need_what = g_strdup_printf (_("%s: people in need"), group);
          g_autofree char *section = review_section (c->need->section);

          need_text = waymark_context_entry_format_value (c->need);
          need_cell = figure (b, WAYMARK_PAPER_FIGURE_REVIEW, need_text, need_what, section,
                              c->need->as_written);
        }
      else if (c->need_is_local)
        {
          g_autofree char *need_what = g_strdup_printf (_("%s: people in need"), group);
          g_autofree char *source = g_strdup_printf (_("The plan’s count of need: %s"),
                                                     c->local_source != NULL ? c->local_source : "");

          need_text = count_text (c->need_people);
          need_cell = figure (b, WAYMARK_PAPER_FIGURE_LOCAL, need_text, need_what, source, NULL);
        }
      else
        need_cell = g_strdup (_("The review gives no count"));

      if (c->basis_points >= 0)
        {
          g_autofree char *share = g_strdup_printf ("%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT "%%",
                                                    c->basis_points / 100, c->basis_points % 100);
          g_autofree char *arithmetic = NULL;
          g_autofree char *share_what = g_strdup_printf (_("%s: share of the need met"), group);

          g_autofree char *need_count = count_text (c->need_people);

          /* TRANSLATORS: the arithmetic of a share of the need: reached ÷ need × 100 = share,
           * then what the comparison assumes, in brackets */
          arithmetic = g_strdup_printf (_("%s ÷ %s × 100 = %s (%s)"),
                                        reached_text, need_count, share, c->reading);
          share_cell = figure (b, WAYMARK_PAPER_FIGURE_COMPUTED, share, share_what, arithmetic,
                               NULL);
        }
      table_row (t, g_strdup (group), reached_cell, need_cell, share_cell);
    }
  end_table (b, t, _("The plan records no reach for its items yet, so the need it meets cannot "
                     "be set out."));

  heading (b, 2, _("The review’s local context"));
  if (b->catalogue != NULL)
    {
      GPtrArray *context = waymark_catalogue_get_context (b->catalogue);

      t = table (b, NULL, _("What"), _("Figure"), _("Period"), NULL);
      for (guint i = 0; i < context->len; i++)
        {
          const WaymarkContextEntry *e = g_ptr_array_index (context, i);
          g_autofree char *value = NULL;
          g_autofree char *section = NULL;

          if (e->kind != WAYMARK_CONTEXT_KIND_CONTEXT || g_strcmp0 (e->geography, plan_area (b)) != 0)
            continue;
          value = waymark_context_entry_format_value (e);
          section = review_section (e->section);
          table_row (t, g_strdup (e->label),
                     figure (b, WAYMARK_PAPER_FIGURE_REVIEW, value != NULL ? value : e->as_written,
                             e->label, section, e->as_written),
                     g_strdup (e->period));
        }
      end_table (b, t, _("The review gives no figures for the plan’s area."));
    }
  else
    paragraph (b, _("No catalogue was given, so the review’s context is not shown."));

  heading (b, 2, _("The gaps the plan addresses"));
  if (b->catalogue != NULL)
    {
      GPtrArray *context = waymark_catalogue_get_context (b->catalogue);
      guint n = 0;

      for (guint i = 0; i < context->len; i++)
        {
          const WaymarkContextEntry *e = g_ptr_array_index (context, i);
          g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
          g_auto(GStrv) addressed = NULL;
          g_autofree char *joined = NULL;

          if (e->kind != WAYMARK_CONTEXT_KIND_GAP)
            continue;
          for (guint j = 0; e->interventions[j] != NULL; j++)
            {
              WaymarkPlanItem *item = waymark_plan_find_item (b->plan, e->interventions[j], NULL);

              if (item != NULL)
                g_strv_builder_add (names, waymark_plan_item_get_name (item));
            }
          addressed = g_strv_builder_end (names);
          if (addressed[0] == NULL)
            continue;
          n++;
          joined = g_strjoinv (", ", addressed);
          paragraphf (b, _("%s: addressed by %s."), e->label, joined);
          quote (b, e->as_written, e->section);
        }
      if (n == 0)
        paragraph (b, _("No item in the plan is one the review names against a gap in provision."));
    }
}

/* --- Economic case -------------------------------------------------------------------------- */

static void
economic_case (Builder *b)
{
  WaymarkAppraisal *appraisal = waymark_plan_get_appraisal (b->plan);
  g_autoptr(WaymarkAppraisalRanking) ranking = waymark_appraisal_ranking_new (appraisal, b->plan,
                                                                              b->catalogue);
  g_autofree char *sensitivity = NULL;
  WaymarkPaperBlock *t;

  heading (b, 1, _("2. Economic case"));
  heading (b, 2, _("Options considered"));
  if (waymark_appraisal_is_default (appraisal))
    paragraph (b, _("The plan records no options appraisal of its own: the options below are "
                    "its items, ranked on the review’s ratings with equal weights."));

  t = table (b, _("The ranked shortlist"), _("Rank"), _("Option"), _("Weighted score"),
             _("Criteria scored"), NULL);
  for (guint i = 0; i < ranking->rows->len; i++)
    {
      WaymarkAppraisalRow *row = g_ptr_array_index (ranking->rows, i);
      g_autofree char *score = NULL;
      g_autofree char *what = NULL;

      if (!row->has_score)
        continue;
      score = waymark_appraisal_format_hundredths (row->weighted);
      what = g_strdup_printf (_("%s: weighted score"), row->name);
      table_row (t, g_strdup_printf ("%u", row->rank), g_strdup (row->name),
                 figure (b, WAYMARK_PAPER_FIGURE_COMPUTED, score, what, row->arithmetic, NULL),
                 g_strdup_printf ("%u", row->n_scored));
    }
  end_table (b, t, _("No option has a score yet."));

  t = table (b, _("Criteria and weights"), _("Criterion"), _("Weight"), _("Whose"), NULL);
  for (guint i = 0; i < ranking->n_criteria; i++)
    {
      g_autofree char *weight = waymark_appraisal_format_hundredths (ranking->weights[i]);
      g_autofree char *what = g_strdup_printf (_("Weight of “%s”"), ranking->criterion_labels[i]);

      table_row (t, g_strdup (ranking->criterion_labels[i]),
                 figure (b, WAYMARK_PAPER_FIGURE_LOCAL, weight, what,
                         _("The plan’s appraisal: the commissioner’s weight"), NULL),
                 g_strdup (ranking->criterion_local[i]
                           ? _("Local criterion: the commissioner’s scores")
                           : _("Review criterion: scored from the review’s ratings")));
    }
  end_table (b, t, _("The appraisal has no criteria."));

  heading (b, 2, _("Sensitivity"));
  sensitivity = waymark_appraisal_ranking_describe_sensitivity (ranking);
  paragraph (b, sensitivity);

  t = table (b, _("Options not ranked"), _("Option"), _("Status"), _("Reason"), NULL);
  for (guint i = 0; i < ranking->rows->len; i++)
    {
      WaymarkAppraisalRow *row = g_ptr_array_index (ranking->rows, i);

      if (row->has_score)
        continue;
      table_row (t, g_strdup (row->name), g_strdup (waymark_option_status_get_label (row->status)),
                 g_strdup (row->reason != NULL && *row->reason != '\0' ? row->reason
                           : row->status == WAYMARK_OPTION_STATUS_SHORTLISTED
                           ? _("No score on any weighted criterion") : ""));
    }
  end_table (b, t, _("Every option considered is ranked."));
}

/* --- Commercial case ------------------------------------------------------------------------ */

/* The item's quantity in the first year, with its unit ("40 perpetrators"). */
static char *
item_quantity (Builder         *b,
               WaymarkPlanItem *item,
               const char      *first_year)
{
  g_autofree char *text = waymark_plan_item_dup_quantity_text (item);
  g_autofree char *what = g_strdup_printf (_("%s: quantity, %s"), waymark_plan_item_get_name (item),
                                           first_year);

  return figure (b, WAYMARK_PAPER_FIGURE_LOCAL, text, what, _("The plan’s quantity for the year"),
                 NULL);
}

static void
commercial_case (Builder *b)
{
  GListModel *items = G_LIST_MODEL (b->plan);
  GListModel *services = waymark_plan_get_local_services (b->plan);
  WaymarkPaperBlock *t;

  g_autofree char *first_year = waymark_plan_dup_year_label (b->plan, 0);
  g_autofree char *delivery = g_strdup_printf (_("Delivery in %s"), first_year);

  heading (b, 1, _("3. Commercial case"));
  heading (b, 2, _("Providers and delivery"));
  t = table (b, NULL, _("Item"), _("Provider"), delivery, _("Basis"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (items, i);
      const char *provider = waymark_plan_item_get_provider (item);

      table_row (t, g_strdup (waymark_plan_item_get_name (item)),
                 g_strdup (provider != NULL && *provider != '\0' ? provider : _("Not yet chosen")),
                 item_quantity (b, item, first_year),
                 g_strdup (waymark_plan_item_get_local_service (item)
                           ? _("Local: not rated by the review")
                           : _("An intervention of the review")));
    }
  end_table (b, t, _("The plan has no items yet."));

  if (g_list_model_get_n_items (services) > 0)
    {
      heading (b, 2, _("Local services"));
      t = table (b, _("Services the commissioner describes (Local: not rated by the review)"),
                 _("Service"), _("Provider"), _("Source"), NULL);
      for (guint i = 0; i < g_list_model_get_n_items (services); i++)
        {
          g_autoptr(WaymarkLocalService) s = g_list_model_get_item (services, i);

          table_row (t, g_strdup (waymark_local_service_get_name (s)),
                     g_strdup (waymark_local_service_get_provider (s)),
                     g_strdup (waymark_local_service_get_source (s)));
        }
    }
}

/* --- Financial case ------------------------------------------------------------------------- */

/* A percentage in basis points, as the plan's uplift is entered: "2.5%", "3%". */
static char *
percent_text (guint basis_points)
{
  if (basis_points % 100 == 0)
    return g_strdup_printf ("%u%%", basis_points / 100);
  if (basis_points % 10 == 0)
    return g_strdup_printf ("%u.%u%%", basis_points / 100, (basis_points % 100) / 10);
  return g_strdup_printf ("%u.%02u%%", basis_points / 100, basis_points % 100);
}

/* What one item's unit cost is in one year: the review's (quoted), the plan's (local), or the
 * plan's raised by the uplift (computed, with the arithmetic). */
static char *
unit_cost_figure (Builder               *b,
                  WaymarkPlanItem       *item,
                  guint                  index,
                  const WaymarkItemYear *year,
                  const char            *year_label)
{
  WaymarkIntervention *intervention = lookup (b, item);
  const WaymarkCost *published = waymark_plan_item_get_published_cost (item);
  WaymarkCostSource source = waymark_plan_item_get_cost_source (item);
  g_autofree char *cost = money_range (year->unit_low, year->unit_high);
  g_autofree char *what = g_strdup_printf (_("%s: unit cost, %s"), waymark_plan_item_get_name (item),
                                           year_label);

  if (year->uplifted)
    {
      guint quantity;
      gint64 entered_low, entered_high;
      g_autofree char *entered = NULL;
      g_autofree char *uplift = percent_text (waymark_plan_get_uplift (b->plan));
      g_autofree char *arithmetic = NULL;

      waymark_plan_item_get_year_entered (item, index, &quantity, &entered_low, &entered_high);
      entered = money_range (entered_low, entered_high);
      /* TRANSLATORS: a local unit cost raised by the plan's uplift: the cost entered, the uplift
       * a year, the years it compounds over, the result */
      arithmetic = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s entered, raised by the plan’s uplift of %s a year for %u year (rounded to the penny) = %s",
                                                 "%s entered, raised by the plan’s uplift of %s a year for %u years (rounded to the penny) = %s",
                                                 index),
                                    entered, uplift, index, cost);
      return figure (b, WAYMARK_PAPER_FIGURE_COMPUTED, cost, what, arithmetic, NULL);
    }
  if (source == WAYMARK_COST_SOURCE_REVIEW && published != NULL)
    {
      g_autofree char *section = review_section (intervention != NULL
                                                 ? waymark_intervention_get_section (intervention)
                                                 : NULL);

      return figure (b, WAYMARK_PAPER_FIGURE_REVIEW, cost, what, section, published->as_written);
    }
  return figure (b, WAYMARK_PAPER_FIGURE_LOCAL, cost, what, waymark_cost_source_get_label (source),
                 NULL);
}

/* Spend by kind over the plan, as a chart and a table; with two or three years the table has a
 * column for each year's too (more would not fit the page's width). */
static void
breakdown (Builder              *b,
           WaymarkBreakdownKind  kind,
           const char           *title,
           const char           *column,
           const char           *period)
{
  guint years = MAX (waymark_plan_get_years (b->plan), 1);
  gboolean per_year = years > 1 && years <= 3;
  g_autoptr(GArray) slices = waymark_plan_get_breakdown_for_year (b->plan, kind,
                                                                  WAYMARK_PLAN_ALL_YEARS);
  g_autoptr(GPtrArray) by_year = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) year_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
  g_autofree char *spend_column = NULL;
  g_autofree char *chart_title = NULL;
  WaymarkPaperBlock *t;
  WaymarkPaperBlock *chart;

  if (years == 1)
    spend_column = g_strdup_printf (_("Spend in %s"), period);
  else
    /* TRANSLATORS: a column of the board paper: "Spend over the plan, 2026/27 to 2028/29" */
    spend_column = g_strdup_printf (_("Spend over the plan, %s"), period);

  if (years == 1)
    /* TRANSLATORS: a chart's title: "Spend by focus, 2026/27" */
    chart_title = g_strdup_printf (_("%s, %s"), title, period);
  else
    /* TRANSLATORS: a chart's title: "Spend by focus, over the plan, 2026/27 to 2028/29" */
    chart_title = g_strdup_printf (_("%s, over the plan, %s"), title, period);

  heading (b, 2, title);
  chart = add_block (b, WAYMARK_PAPER_BLOCK_CHART, chart_title);
  chart->bars = g_array_new (FALSE, TRUE, sizeof (WaymarkPaperBar));

  g_strv_builder_add (columns, column);
  g_strv_builder_add (columns, _("Items"));
  for (guint y = 0; per_year && y < years; y++)
    {
      char *label = waymark_plan_dup_year_label (b->plan, y);
      /* TRANSLATORS: a column of the board paper: "In 2026/27" */
      g_autofree char *heading = g_strdup_printf (_("In %s"), label);

      g_ptr_array_add (year_labels, label);
      g_ptr_array_add (by_year, waymark_plan_get_breakdown_for_year (b->plan, kind, y));
      g_strv_builder_add (columns, heading);
    }
  g_strv_builder_add (columns, spend_column);
  t = add_block (b, WAYMARK_PAPER_BLOCK_TABLE, NULL);
  t->columns = g_strv_builder_end (columns);
  t->n_columns = g_strv_length (t->columns);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < slices->len; i++)
    {
      WaymarkBreakdownSlice *s = &g_array_index (slices, WaymarkBreakdownSlice, i);
      WaymarkPaperBar bar = { NULL, s->low, s->high };
      g_autofree char *spend = NULL;
      g_autofree char *what = NULL;
      g_autofree char *arithmetic = NULL;
      char **cells;
      guint c = 0;

      if (s->n_items == 0)
        continue;
      bar.label = g_strdup (s->label);
      g_array_append_val (chart->bars, bar);

      cells = g_new0 (char *, t->n_columns + 1);
      cells[c++] = g_strdup (s->label);
      cells[c++] = g_strdup_printf ("%u", s->n_items);
      /* The slices of each year are in the same order as the plan's: the same items, the same
       * local streams in the order the plan first names them. */
      for (guint y = 0; y < by_year->len; y++)
        {
          GArray *year_slices = g_ptr_array_index (by_year, y);
          WaymarkBreakdownSlice *ys = &g_array_index (year_slices, WaymarkBreakdownSlice, i);
          const char *label = g_ptr_array_index (year_labels, y);
          g_autofree char *year_spend = money_range (ys->low, ys->high);
          g_autofree char *year_what = g_strdup_printf (_("%s: %s, spend in %s"), title, s->label,
                                                        label);
          g_autofree char *year_arithmetic =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The line total in %s of the %u item in “%s”",
                                          "The sum of the line totals in %s of the %u items in “%s”",
                                          s->n_items),
                             label, s->n_items, s->label);

          cells[c++] = figure (b, WAYMARK_PAPER_FIGURE_COMPUTED, year_spend, year_what,
                               year_arithmetic, NULL);
        }
      spend = money_range (s->low, s->high);
      if (years == 1)
        {
          what = g_strdup_printf (_("%s: %s, spend in %s"), title, s->label, period);
          arithmetic = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "The line total in %s of the %u item in “%s”",
                                                     "The sum of the line totals in %s of the %u items in “%s”",
                                                     s->n_items),
                                        period, s->n_items, s->label);
        }
      else
        {
          /* TRANSLATORS: what a figure is: "Spend by focus: Domestic abuse, spend over the plan,
           * 2026/27 to 2028/29" */
          what = g_strdup_printf (_("%s: %s, spend over the plan, %s"), title, s->label, period);
          /* TRANSLATORS: how a figure is worked out; %s are the plan's years, "2026/27 to
           * 2028/29", and a slice's name */
          arithmetic = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "The sum of the line totals of every year, %s, of the %u item in “%s”, the uplift included",
                                                     "The sum of the line totals of every year, %s, of the %u items in “%s”, the uplift included",
                                                     s->n_items),
                                        period, s->n_items, s->label);
        }
      cells[c++] = figure (b, WAYMARK_PAPER_FIGURE_COMPUTED, spend, what, arithmetic, NULL);
      g_ptr_array_add (t->rows, cells);
    }
  if (chart->bars->len == 0)
    g_ptr_array_remove (b->paper->blocks, chart);
  end_table (b, t, _("No spend to show."));
}

/* The plan's budget, its share a year, its uplift, and its total and what is left over it. */
static void
budget_and_totals (Builder *b)
{
  WaymarkPlanTotals totals;
  guint years = waymark_plan_get_years (b->plan);
  gint64 budget = waymark_plan_get_budget (b->plan);
  guint uplift = waymark_plan_get_uplift (b->plan);
  WaymarkPaperBlock *t;

  waymark_plan_get_totals (b->plan, &totals);
  heading (b, 2, _("Budget and totals"));
  t = table (b, NULL, _("What"), _("Figure"), NULL);
  if (budget > 0)
    {
      g_autofree char *budget_text = money (budget);
      g_autofree char *share = money (totals.budget_per_year);
      g_autofree char *arithmetic = g_strdup_printf ("%s ÷ %u = %s", budget_text, years, share);

      table_row (t, g_strdup (_("Budget over the plan")),
                 figure (b, WAYMARK_PAPER_FIGURE_LOCAL, budget_text, _("Budget over the plan"),
                         _("The plan’s budget, for all its years"), NULL));
      table_row (t, g_strdup (_("Budget a year")),
                 figure (b, WAYMARK_PAPER_FIGURE_COMPUTED, share, _("Budget a year"), arithmetic,
                         NULL));
    }
  if (uplift > 0)
    {
      g_autofree char *uplift_text = percent_text (uplift);

      table_row (t, g_strdup (_("Annual uplift on local costs")),
                 figure (b, WAYMARK_PAPER_FIGURE_LOCAL, uplift_text, _("Annual uplift on local costs"),
                         _("The plan’s uplift: applied to local quotes and estimates from the second "
                           "year, never to a review figure"), NULL));
    }
  if (totals.overflow)
    table_row (t, g_strdup (_("Total over the plan")), g_strdup (_("Too large to calculate")));
  else
    {
      g_autofree char *total = money_range (totals.total_low, totals.total_high);

      table_row (t, g_strdup (_("Total over the plan")),
                 figure (b, WAYMARK_PAPER_FIGURE_COMPUTED, total, _("Total over the plan"),
                         _("The sum of the years’ totals (below)"), NULL));
      if (budget > 0)
        {
          g_autofree char *remaining = money_range (totals.remaining_low, totals.remaining_high);

          table_row (t, g_strdup (_("Remaining against the budget over the plan")),
                     figure (b, WAYMARK_PAPER_FIGURE_COMPUTED, remaining,
                             _("Remaining against the budget over the plan"),
                             _("The budget over the plan minus the total over the plan (the low "
                               "figure against the high total)"), NULL));
        }
    }
  if (totals.n_without_cost > 0)
    table_row (t, g_strdup (_("Items with no cost in at least one year")),
               g_strdup_printf ("%u", totals.n_without_cost));
}

/* Each year's total against its share of the budget, as a table and a chart. */
static void
totals_per_year (Builder *b)
{
  guint years = waymark_plan_get_years (b->plan);
  gint64 budget = waymark_plan_get_budget (b->plan);
  WaymarkPaperBlock *t;
  WaymarkPaperBlock *chart;

  heading (b, 2, _("Totals per year"));
  chart = add_block (b, WAYMARK_PAPER_BLOCK_CHART, _("Totals per year"));
  chart->bars = g_array_new (FALSE, TRUE, sizeof (WaymarkPaperBar));
  t = table (b, NULL, _("Year"), _("Total"), _("Remaining against the year’s budget"), NULL);
  for (guint y = 0; y < years; y++)
    {
      g_autofree char *label = waymark_plan_dup_year_label (b->plan, y);
      WaymarkPlanTotals totals;
      g_autofree char *total = NULL;
      g_autofree char *what = NULL;
      g_autofree char *arithmetic = NULL;
      char *total_cell;
      char *remaining_cell = NULL;

      waymark_plan_get_year_totals (b->plan, y, &totals);
      if (totals.overflow)
        {
          table_row (t, g_strdup (label), g_strdup (_("Too large to calculate")), NULL);
          continue;
        }
      {
        WaymarkPaperBar bar = { g_strdup (label), totals.total_low, totals.total_high };

        g_array_append_val (chart->bars, bar);
      }
      total = money_range (totals.total_low, totals.total_high);
      what = g_strdup_printf (_("Total, %s"), label);
      arithmetic = g_strdup_printf (_("The sum of the items’ line totals in %s"), label);
      total_cell = figure (b, WAYMARK_PAPER_FIGURE_COMPUTED, total, what, arithmetic, NULL);
      if (budget > 0)
        {
          g_autofree char *remaining = money_range (totals.remaining_low, totals.remaining_high);
          g_autofree char *share = money (totals.budget_per_year);
          g_autofree char *remaining_what = g_strdup_printf (_("Remaining against the budget, %s"),
                                                             label);
          g_autofree char *remaining_arithmetic =
            g_strdup_printf (_("The year’s budget, %s, minus the year’s total (the low figure "
                               "against the high total)"), share);

          remaining_cell = figure (b, WAYMARK_PAPER_FIGURE_COMPUTED, remaining, remaining_what,
                                   remaining_arithmetic, NULL);
        }
      table_row (t, g_strdup (label), total_cell, remaining_cell);
    }
}

/* Every item's quantity, unit cost and line total in every year. */
static void
items_by_year (Builder *b)
{
  GListModel *items = G_LIST_MODEL (b->plan);
  guint years = waymark_plan_get_years (b->plan);
  WaymarkPaperBlock *t;

  heading (b, 2, _("Items and their cost, year by year"));
  t = table (b, NULL, _("Item"), _("Year"), _("Quantity"), _("Unit cost"), _("Line total"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (items, i);
      const char *name = waymark_plan_item_get_name (item);

      for (guint y = 0; y < years; y++)
        {
          g_autofree char *label = waymark_plan_dup_year_label (b->plan, y);
          g_autofree char *quantity = NULL;
          g_autofree char *quantity_what = g_strdup_printf (_("%s: quantity, %s"), name, label);
          WaymarkItemYear year;
          char *quantity_cell;
          char *unit = NULL;
          char *line = NULL;

          waymark_plan_get_item_year (b->plan, item, y, &year);
          quantity = g_strdup_printf ("%u", year.quantity);
          quantity_cell = figure (b, WAYMARK_PAPER_FIGURE_LOCAL, quantity, quantity_what,
                                  _("The plan’s quantity for the year"), NULL);
          if (year.overflow)
            line = g_strdup (_("Too large to calculate"));
          else if (!year.has_cost)
            unit = g_strdup (_("No cost yet"));
          else
            {
              g_autofree char *unit_text = money_range (year.unit_low, year.unit_high);
              g_autofree char *total = money_range (year.line_low, year.line_high);
              g_autofree char *what = g_strdup_printf (_("%s: line total, %s"), name, label);
              g_autofree char *arithmetic = g_strdup_printf ("%u × %s = %s", year.quantity,
                                                             unit_text, total);

              unit = unit_cost_figure (b, item, y, &year, label);
              line = figure (b, WAYMARK_PAPER_FIGURE_COMPUTED, total, what, arithmetic, NULL);
            }
          table_row (t, g_strdup (y == 0 ? name : ""), g_strdup (label), quantity_cell, unit, line);
        }
    }
  end_table (b, t, _("The plan has no items yet."));
}

static void
financial_case (Builder *b)
{
  guint years = MAX (waymark_plan_get_years (b->plan), 1);
  g_autofree char *first_year = waymark_plan_dup_year_label (b->plan, 0);
  g_autofree char *last_year = waymark_plan_dup_year_label (b->plan, years - 1);
  g_autofree char *period = NULL;

  if (years == 1)
    period = g_strdup (first_year);
  else
    /* TRANSLATORS: the plan's years, "2026/27 to 2028/29" */
    period = g_strdup_printf (_("%s to %s"), first_year, last_year);

  heading (b, 1, _("4. Financial case"));
  budget_and_totals (b);
  totals_per_year (b);
  items_by_year (b);
  breakdown (b, WAYMARK_BREAKDOWN_LEVEL, _("Spend by level of prevention"), _("Level"), period);
  breakdown (b, WAYMARK_BREAKDOWN_FOCUS, _("Spend by focus"), _("Focus"), period);
  breakdown (b, WAYMARK_BREAKDOWN_WORKS_WITH, _("Spend by audience"), _("Works with"), period);
  breakdown (b, WAYMARK_BREAKDOWN_EVIDENCE, _("Spend by strength of evidence"), _("Evidence"),
             period);
  breakdown (b, WAYMARK_BREAKDOWN_FUNDING, _("Spend by funding stream"), _("Funding stream"),
             period);
}

/* --- Management case ------------------------------------------------------------------------ */

static void
management_case (Builder *b)
{
  g_autoptr(GPtrArray) warnings = waymark_plan_list_warnings (b->plan);
  GListModel *items = G_LIST_MODEL (b->plan);
  GListModel *decisions = waymark_plan_get_decisions (b->plan);
  WaymarkPaperBlock *t;

  heading (b, 1, _("5. Management case"));
  heading (b, 2, _("Warnings and how they are answered"));
  t = table (b, NULL, _("Warning"), _("Answered"), _("The review’s basis"), NULL);
  for (guint i = 0; i < warnings->len; i++)
    {
      WaymarkPlanWarning *w = g_ptr_array_index (warnings, i);
      char *basis = NULL;

      if (w->quote != NULL)
        {
          g_autofree char *section = review_section (w->section);

          basis = g_strdup_printf ("“%s” (%s)", w->quote, section);
        }
      table_row (t, g_strdup (w->message),
                 g_strdup (w->dismissed ? _("Dismissed by the commissioner") : _("Open")),
                 basis);
    }
  end_table (b, t, _("The plan raises no warnings."));

  heading (b, 2, _("Monitoring"));
  paragraph (b, _("Each item is to be monitored against the people it reaches a year, as the "
                  "plan records them, and its source:"));
  t = table (b, NULL, _("Item"), _("People reached a year"), _("Group"), _("Source"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (items, i);
      guint reach = waymark_plan_item_get_reach (item);
      g_autofree char *reach_text = NULL;
      g_autofree char *what = NULL;
      g_autofree char *source = NULL;

      if (reach == 0)
        {
          table_row (t, g_strdup (waymark_plan_item_get_name (item)), g_strdup (_("Not yet recorded")),
                     NULL, NULL);
          continue;
        }
      reach_text = count_text (reach);
      what = g_strdup_printf (_("%s: people reached a year"), waymark_plan_item_get_name (item));
      source = *waymark_plan_item_get_reach_source (item) != '\0'
               ? g_strdup_printf (_("The plan’s reach, from: %s"),
                                  waymark_plan_item_get_reach_source (item))
               : g_strdup (_("The plan’s reach (no source recorded)"));
      table_row (t, g_strdup (waymark_plan_item_get_name (item)),
                 figure (b, WAYMARK_PAPER_FIGURE_LOCAL, reach_text, what, source, NULL),
                 g_strdup (waymark_reach_group_get_label (waymark_plan_item_get_reach_group (item))),
                 g_strdup (waymark_plan_item_get_reach_source (item)));
    }
  end_table (b, t, _("The plan has no items yet."));
  paragraphf (b, g_dngettext (GETTEXT_PACKAGE,
                              "The plan’s decision record holds %u entry.",
                              "The plan’s decision record holds %u entries.",
                              g_list_model_get_n_items (decisions)),
              g_list_model_get_n_items (decisions));
}

/* --- The interventions ---------------------------------------------------------------------- */

static char *
rating_text (Builder             *b,
             WaymarkIntervention *intervention,
             gboolean             evidence)
{
  WaymarkRating rating = evidence ? waymark_intervention_get_evidence_rating (intervention)
                                  : waymark_intervention_get_impact_rating (intervention);
  const char *as_written = evidence ? waymark_intervention_get_evidence_rating_as_written (intervention)
                                    : waymark_intervention_get_impact_rating_as_written (intervention);
  g_autoptr(GString) text = g_string_new (as_written != NULL && *as_written != '\0'
                                          ? as_written : waymark_rating_get_label (rating));
  WaymarkRating ends[2] = { rating, WAYMARK_RATING_NONE };

  if (rating == WAYMARK_RATING_LOW_MODERATE)
    {
      ends[0] = WAYMARK_RATING_LOW;
      ends[1] = WAYMARK_RATING_MODERATE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (ends) && b->catalogue != NULL; i++)
    {
      const char *scale = ends[i] == WAYMARK_RATING_NONE ? NULL
                          : evidence ? waymark_catalogue_get_evidence_scale (b->catalogue, ends[i])
                                     : waymark_catalogue_get_impact_scale (b->catalogue, ends[i]);

      if (scale != NULL)
        g_string_append_printf (text, _(" (the review’s scale, %s: “%s”)"),
                                waymark_rating_get_label (ends[i]), scale);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
interventions (Builder *b)
{
  GListModel *items = G_LIST_MODEL (b->plan);

  heading (b, 1, _("6. The interventions"));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (items, i);
      WaymarkIntervention *intervention = lookup (b, item);
      const WaymarkCost *published = waymark_plan_item_get_published_cost (item);
      g_autofree char *levels = waymark_flags_format_labels (WAYMARK_TYPE_LEVEL,
                                                             waymark_plan_item_get_levels (item));
      const char *notes = waymark_plan_item_get_notes (item);

      heading (b, 2, waymark_plan_item_get_name (item));
      paragraphf (b, _("Level: %s. Focus: %s."), levels,
                  waymark_focus_get_label (waymark_plan_item_get_focus (item)));
      if (waymark_plan_item_get_local_service (item))
        {
          paragraph (b, _("Local: not rated by the review. The commissioner describes this "
                          "service; the review gives it no evidence or impact rating."));
        }
      else if (intervention != NULL)
        {
          g_autofree char *evidence = rating_text (b, intervention, TRUE);
          g_autofree char *impact = rating_text (b, intervention, FALSE);

          paragraphf (b, _("Strength of evidence: %s."), evidence);
          paragraphf (b, _("Impact: %s."), impact);
          if (published != NULL)
            {
              g_autofree char *section = review_section (waymark_intervention_get_section (intervention));
              g_autofree char *what = g_strdup_printf (_("%s: the review’s published cost"),
                                                       waymark_plan_item_get_name (item));
              g_autofree char *cost = figure (b, WAYMARK_PAPER_FIGURE_REVIEW, published->as_written,
                                              what, section, published->as_written);

              paragraphf (b, _("Cost basis, as the review gives it: %s."), cost);
            }
          else
            paragraph (b, _("Cost basis: the review publishes no cost for this intervention."));
          heading (b, 3, _("The review on its evidence"));
          quote (b, waymark_intervention_get_evidence (intervention),
                 waymark_intervention_get_section (intervention));
          heading (b, 3, _("The review on its impact"));
          quote (b, waymark_intervention_get_impact (intervention),
                 waymark_intervention_get_section (intervention));
        }
      else
        paragraph (b, _("This intervention is not in the catalogue in use: its ratings are those "
                        "the plan copied when it was added."));
      if (notes != NULL && *notes != '\0')
        paragraphf (b, _("The commissioner’s notes: %s"), notes);
    }
  if (g_list_model_get_n_items (items) == 0)
    paragraph (b, _("The plan has no items yet."));
}

/* --- Sources -------------------------------------------------------------------------------- */

static void
sources (Builder *b)
{
  WaymarkPaperBlock *t;
  guint n = b->paper->figures->len;

  heading (b, 1, _("Sources"));
  paragraph (b, b->paper->catalogue);
  t = table (b, NULL, _("Note"), _("Figure"), _("What"), _("Kind"), _("Source"), NULL);
  for (guint i = 0; i < n; i++)
    {
      WaymarkPaperFigure *f = g_ptr_array_index (b->paper->figures, i);
      char *source;

      if (f->as_written != NULL && g_strcmp0 (f->as_written, f->text) != 0)
        source = g_strdup_printf (_("%s: “%s”"), f->source, f->as_written);
      else
        source = g_strdup (f->source);
      table_row (t, g_strdup_printf ("[%u]", f->number), g_strdup (f->text), g_strdup (f->what),
                 g_strdup (waymark_paper_figure_kind_get_label (f->kind)), source);
    }
  end_table (b, t, _("The paper quotes no figures."));
}

static char *
format_date (GDateTime *date)
{
  static const char *months[] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };

  /* TRANSLATORS: a date, "26 November 2026" */
  return g_strdup_printf (_("%d %s %d"), g_date_time_get_day_of_month (date),
                          _(months[g_date_time_get_month (date) - 1]), g_date_time_get_year (date));
}

/* "2026/27 to 2028/29, in financial years (April to March)". */
static char *
dup_period (WaymarkPlan *plan)
{
  guint years = waymark_plan_get_years (plan);
  gboolean financial = waymark_plan_get_year_kind (plan) == WAYMARK_YEAR_KIND_FINANCIAL;
  g_autofree char *first = waymark_plan_dup_year_label (plan, 0);
  g_autofree char *last = waymark_plan_dup_year_label (plan, MAX (years, 1) - 1);

  if (years <= 1)
    return g_strdup_printf (financial ? _("%s, a financial year (April to March)")
                                      : _("%s, a calendar year"), first);
  return g_strdup_printf (financial ? _("%s to %s, in financial years (April to March)")
                                    : _("%s to %s, in calendar years"), first, last);
}

WaymarkBoardPaper *
waymark_board_paper_new (WaymarkPlan      *plan,
                         WaymarkCatalogue *catalogue)
{
  WaymarkBoardPaper *paper;
  Builder b;
  const char *title = waymark_plan_get_title (plan);

  g_return_val_if_fail (WAYMARK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue), NULL);

  paper = g_new0 (WaymarkBoardPaper, 1);
  paper->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  paper->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_free);
  b = (Builder) { paper, plan, catalogue };

  paper->title = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled plan"));
  paper->subtitle = g_strdup (_("Draft commissioning plan: board paper"));
  paper->area = g_strdup (plan_area (&b));
  paper->organisation = g_strdup (waymark_plan_get_organisation (plan) != NULL
                                  ? waymark_plan_get_organisation (plan) : "");
  paper->author = g_strdup (waymark_plan_get_author (plan) != NULL
                            ? waymark_plan_get_author (plan) : "");
  paper->date = format_date (waymark_plan_get_changed_at (plan));
  paper->period = dup_period (plan);
  if (catalogue != NULL)
    {
      const char *review_title = waymark_catalogue_get_title (catalogue);
      const char *source = waymark_catalogue_get_source (catalogue);

      /* The review's own catalogue gives as its source its title and who wrote it: said once. */
      if (source != NULL && review_title != NULL && g_str_has_prefix (source, review_title))
        paper->catalogue = g_strdup_printf (_("The review: %s (data version %s)."), source,
                                            waymark_catalogue_get_data_version (catalogue));
      else
        paper->catalogue = g_strdup_printf (_("The review: %s (data version %s). %s"),
                                            review_title,
                                            waymark_catalogue_get_data_version (catalogue),
                                            source != NULL ? source : "");
    }
  else
    paper->catalogue = g_strdup (_("The review’s words are those the plan copied in; no catalogue "
                                   "was given."));
  g_strchomp (paper->catalogue);

  strategic_case (&b);
  economic_case (&b);
  commercial_case (&b);
  financial_case (&b);
  management_case (&b);
  interventions (&b);
  sources (&b);
  return paper;
}

char *
waymark_board_paper_to_text (WaymarkBoardPaper *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append_printf (text, "%s\n%s\n%s\n%s\n%s\n%s\n%s\n\n", self->title, self->subtitle,
                          self->area, self->organisation, self->author, self->date, self->period);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      WaymarkPaperBlock *block = g_ptr_array_index (self->blocks, i);

      switch (block->kind)
        {
        case WAYMARK_PAPER_BLOCK_HEADING:
        case WAYMARK_PAPER_BLOCK_PARAGRAPH:
        case WAYMARK_PAPER_BLOCK_CHART:
          g_string_append_printf (text, "%s\n", block->text);
          break;
        case WAYMARK_PAPER_BLOCK_QUOTE:
          g_string_append_printf (text, "“%s” (%s)\n", block->text, block->source);
          break;
        case WAYMARK_PAPER_BLOCK_TABLE:
          if (block->text != NULL)
            g_string_append_printf (text, "%s\n", block->text);
          {
            g_autofree char *header = g_strjoinv (" | ", block->columns);

            g_string_append_printf (text, "%s\n", header);
          }
          for (guint r = 0; r < block->rows->len; r++)
            {
              g_autofree char *row = g_strjoinv (" | ", g_ptr_array_index (block->rows, r));

              g_string_append_printf (text, "%s\n", row);
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (text, FALSE);
}
