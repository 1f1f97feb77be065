/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-appraisal-ranking.h"
#include "waymark-csv.h"
#include "waymark-json-writer.h"

/* What the review says of an option, as the review criteria read it. */
typedef struct
{
  gboolean         known;   /* FALSE: the review does not describe it, so no review scores */
  WaymarkRating    evidence;
  WaymarkRating    impact;
  gboolean         cost_in_pounds;
  WaymarkLlrStatus llr_status;
  WaymarkLevel     levels;
  WaymarkWorksWith works_with;
  gboolean         young_people;
} ReviewValues;

static void
values_from_item (ReviewValues    *values,
                  WaymarkPlanItem *item)
{
  const WaymarkCost *cost = waymark_plan_item_get_published_cost (item);

  values->known = TRUE;
  values->evidence = waymark_plan_item_get_evidence_rating (item);
  values->impact = waymark_plan_item_get_impact_rating (item);
  values->cost_in_pounds = cost != NULL && cost->currency == WAYMARK_CURRENCY_GBP;
  values->llr_status = waymark_plan_item_get_llr_status (item);
  values->levels = waymark_plan_item_get_levels (item);
  values->works_with = waymark_plan_item_get_works_with (item);
  values->young_people = waymark_plan_item_get_for_young_people (item);
}

static void
values_from_intervention (ReviewValues        *values,
                          WaymarkIntervention *intervention)
{
  const WaymarkCost *cost = waymark_intervention_get_cost (intervention);
  g_autoptr(WaymarkPlanItem) item = waymark_plan_item_new_for_intervention (intervention);

  /* The plan item reads the intervention as a plan does (levels, under-25s): one reading. */
  values_from_item (values, item);
  values->cost_in_pounds = cost != NULL && cost->currency == WAYMARK_CURRENCY_GBP;
}

static gint
table_score (WaymarkAppraisal       *appraisal,
             WaymarkReviewCriterion  criterion,
             const char             *value_id)
{
  int index = waymark_review_criterion_find_value (criterion, value_id);

  return index >= 0 ? waymark_appraisal_get_table_score (appraisal, criterion, (guint) index)
                    : WAYMARK_APPRAISAL_NO_SCORE;
}

/* Several levels or groups: the best of their scores. */
static gint
best_flag_score (WaymarkAppraisal       *appraisal,
                 WaymarkReviewCriterion  criterion,
                 GType                   flags_type,
                 guint                   flags)
{
  g_auto(GStrv) ids = waymark_flags_to_strv (flags_type, flags);
  gint best = WAYMARK_APPRAISAL_NO_SCORE;

  for (guint i = 0; ids[i] != NULL; i++)
    best = MAX (best, table_score (appraisal, criterion, ids[i]));
  return best;
}

static gint
review_score (WaymarkAppraisal       *appraisal,
              WaymarkReviewCriterion  criterion,
              const ReviewValues     *values)
{
  if (!values->known)
    return WAYMARK_APPRAISAL_NO_SCORE;

  switch (criterion)
    {
    case WAYMARK_REVIEW_CRITERION_EVIDENCE:
    case WAYMARK_REVIEW_CRITERION_IMPACT:
      {
        WaymarkRating rating = criterion == WAYMARK_REVIEW_CRITERION_EVIDENCE ? values->evidence
                                                                              : values->impact;

        /* Not rated: no score, never 0. */
        if (rating == WAYMARK_RATING_NONE)
          return WAYMARK_APPRAISAL_NO_SCORE;
        return table_score (appraisal, criterion,
                            waymark_enum_to_string (WAYMARK_TYPE_RATING, rating));
      }
    case WAYMARK_REVIEW_CRITERION_COST_PUBLISHED:
      return table_score (appraisal, criterion, values->cost_in_pounds ? "yes" : "no");
    case WAYMARK_REVIEW_CRITERION_LLR_STATUS:
      return table_score (appraisal, criterion,
                          waymark_enum_to_string (WAYMARK_TYPE_LLR_STATUS, values->llr_status));
    case WAYMARK_REVIEW_CRITERION_LEVEL:
      return best_flag_score (appraisal, criterion, WAYMARK_TYPE_LEVEL, values->levels);
    case WAYMARK_REVIEW_CRITERION_WORKS_WITH:
      return best_flag_score (appraisal, criterion, WAYMARK_TYPE_WORKS_WITH, values->works_with);
    case WAYMARK_REVIEW_CRITERION_YOUNG_PEOPLE:
      return table_score (appraisal, criterion, values->young_people ? "yes" : "no");
    default:
      g_assert_not_reached ();
    }
}

static void
row_free (WaymarkAppraisalRow *row)
{
  g_free (row->id);
  g_free (row->name);
  g_free (row->reason);
  g_free (row->scores);
  g_free (row->arithmetic);
  g_free (row);
}

static WaymarkAppraisalRow *
row_new (WaymarkAppraisal *appraisal,
         const char       *id,
         WaymarkPlanItem  *item,
         WaymarkPlan      *plan,
         WaymarkCatalogue *catalogue)
{
  WaymarkAppraisalRow *row = g_new0 (WaymarkAppraisalRow, 1);
  WaymarkIntervention *intervention = catalogue ? waymark_catalogue_lookup (catalogue, id) : NULL;
  WaymarkLocalService *service = waymark_plan_find_local_service (plan, id, NULL);
  guint n_criteria = waymark_appraisal_get_n_criteria (appraisal);
  ReviewValues values = { FALSE, };
  const char *reason;

  row->id = g_strdup (id);
  row->in_plan = item != NULL;
  row->in_catalogue = intervention != NULL;
  row->local_service = service != NULL;
  if (service != NULL)
    {
      /* Not rated by the review: values stay unknown, so every review criterion has no score. */
      row->name = g_strdup (waymark_local_service_get_name (service));
      row->in_catalogue = FALSE;
    }
  else if (item != NULL)
    {
      row->name = g_strdup (waymark_plan_item_get_name (item));
      values_from_item (&values, item);
    }
  else if (intervention != NULL)
    {
      row->name = g_strdup (waymark_intervention_get_name (intervention));
      values_from_intervention (&values, intervention);
    }
  else
    row->name = g_strdup (id);

  row->on_long_list = waymark_appraisal_get_status (appraisal, id, &row->status, &reason,
                                                    &row->dimension);
  row->reason = g_strdup (reason);

  row->scores = g_new (gint, n_criteria);
  for (guint c = 0; c < n_criteria; c++)
    row->scores[c] = c < WAYMARK_REVIEW_CRITERION_N
                     ? review_score (appraisal, c, &values)
                     : waymark_appraisal_get_local_score (appraisal, c, id);
  return row;
}

/* The weighted score's parts with the given weights (hundredths, or scaled alike). */
static void
weigh (const WaymarkAppraisalRow *row,
       const gint                *weights,
       guint                      n_criteria,
       gint64                    *numerator,
       gint64                    *denominator,
       guint                     *n_scored)
{
  *numerator = 0;
  *denominator = 0;
  *n_scored = 0;
  for (guint c = 0; c < n_criteria; c++)
    if (weights[c] > 0 && row->scores[c] != WAYMARK_APPRAISAL_NO_SCORE)
      {
        *numerator += (gint64) weights[c] * row->scores[c];
        *denominator += weights[c];
        (*n_scored)++;
      }
}

/* Which of two options' quotients is larger, exactly: the bounds on weights, scores and the
 * number of criteria keep the cross products far inside 64 bits. */
static int
compare_quotients (gint64 num_a,
                   gint64 den_a,
                   gint64 num_b,
                   gint64 den_b)
{
  gint64 a = num_a * den_b;
  gint64 b = num_b * den_a;

  return a < b ? -1 : a > b ? 1 : 0;
}

static int
compare_names (const WaymarkAppraisalRow *a,
               const WaymarkAppraisalRow *b)
{
  g_autofree char *fold_a = g_utf8_casefold (a->name, -1);
  g_autofree char *fold_b = g_utf8_casefold (b->name, -1);
  int order = strcmp (fold_a, fold_b);

  return order != 0 ? order : strcmp (a->id, b->id);
}

/* Ranked first (by score, highest first, then name), then the shortlisted without a score, the
 * deferred and those not taken forward, each by name. */
static int
group_of (const WaymarkAppraisalRow *row)
{
  if (row->status == WAYMARK_OPTION_STATUS_SHORTLISTED)
    return row->has_score ? 0 : 1;
  return row->status == WAYMARK_OPTION_STATUS_DEFERRED ? 2 : 3;
}

static int
compare_rows (gconstpointer pa,
              gconstpointer pb)
{
  const WaymarkAppraisalRow *a = *(WaymarkAppraisalRow **) pa;
  const WaymarkAppraisalRow *b = *(WaymarkAppraisalRow **) pb;
  int order = group_of (a) - group_of (b);

  if (order == 0 && group_of (a) == 0)
    order = -compare_quotients (a->numerator, a->denominator, b->numerator, b->denominator);
  return order != 0 ? order : compare_names (a, b);
}

/* For the sensitivity: the ranked rows under other weights. */
typedef struct
{
  const WaymarkAppraisalRow *row;
  gint64                     numerator;
  gint64                     denominator;
} Trial;

static int
compare_trials (gconstpointer pa,
                gconstpointer pb)
{
  const Trial *a = pa;
  const Trial *b = pb;
  int order = -compare_quotients (a->numerator, a->denominator, b->numerator, b->denominator);

  return order != 0 ? order : compare_names (a->row, b->row);
}

/* The first three ranked under weights, as ids, and their ranks (equal scores share one). */
static char **
top_three (GPtrArray  *rows,
           guint       n_ranked,
           const gint *weights,
           guint       n_criteria,
           guint      *ranks)
{
  g_autoptr(GArray) trials = g_array_sized_new (FALSE, FALSE, sizeof (Trial), n_ranked);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **top;

  for (guint i = 0; i < n_ranked; i++)
    {
      Trial trial = { g_ptr_array_index (rows, i), 0, 0 };
      guint n_scored;

      weigh (trial.row, weights, n_criteria, &trial.numerator, &trial.denominator, &n_scored);
      g_array_append_val (trials, trial);
    }
  g_array_sort (trials, compare_trials);

  for (guint i = 0; i < MIN (3, trials->len); i++)
    {
      Trial *trial = &g_array_index (trials, Trial, i);
      Trial *before = i > 0 ? &g_array_index (trials, Trial, i - 1) : NULL;

      g_strv_builder_add (builder, trial->row->id);
      ranks[i] = before != NULL && compare_quotients (before->numerator, before->denominator,
                                                      trial->numerator, trial->denominator) == 0
                 ? ranks[i - 1] : i + 1;
    }
  top = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return top;
}

static void
check_sensitivity (WaymarkAppraisalRanking *self)
{
  g_autofree gint *scaled = g_new (gint, self->n_criteria);
  guint base_ranks[3] = { 0, };
  g_auto(GStrv) base = NULL;

  /* Weights × 5, so that 20% up or down (× 6 or × 4) stays whole. */
  for (guint c = 0; c < self->n_criteria; c++)
    scaled[c] = self->weights[c] * 5;
  base = top_three (self->rows, self->n_ranked, scaled, self->n_criteria, base_ranks);

  for (guint c = 0; c < self->n_criteria; c++)
    {
      if (self->weights[c] == 0)
        continue;
      for (int up = 1; up >= 0; up--)
        {
          guint ranks[3] = { 0, };
          g_auto(GStrv) top = NULL;

          scaled[c] = self->weights[c] * (up ? 6 : 4);
          top = top_three (self->rows, self->n_ranked, scaled, self->n_criteria, ranks);
          scaled[c] = self->weights[c] * 5;

          if (!g_strv_equal ((const char * const *) top, (const char * const *) base) ||
              memcmp (ranks, base_ranks, sizeof ranks) != 0)
            {
              WaymarkSensitivityChange change = { c, up, g_steal_pointer (&top), { 0, } };

              memcpy (change.ranks, ranks, sizeof ranks);

              g_array_append_val (self->changes, change);
            }
        }
    }
}

static void
sensitivity_change_clear (WaymarkSensitivityChange *change)
{
  g_strfreev (change->top);
}

static char *
format_score (gint hundredths)
{
  return g_strdup_printf ("%d.%02d", hundredths / 100, hundredths % 100);
}

static char *
describe_arithmetic (WaymarkAppraisalRanking   *self,
                     const WaymarkAppraisalRow *row)
{
  g_autoptr(GString) products = g_string_new (NULL);
  g_autoptr(GString) weights = g_string_new (NULL);
  g_autofree char *result = format_score (row->weighted);

  for (guint c = 0; c < self->n_criteria; c++)
    {
      g_autofree char *score = NULL;
      g_autofree char *weight = NULL;

      if (self->weights[c] == 0 || row->scores[c] == WAYMARK_APPRAISAL_NO_SCORE)
        continue;
      score = waymark_appraisal_format_hundredths (row->scores[c]);
      weight = waymark_appraisal_format_hundredths (self->weights[c]);
      g_string_append_printf (products, "%s%s %s × %s", products->len > 0 ? " + " : "",
                              self->criterion_ids[c], score, weight);
      g_string_append_printf (weights, "%s%s", weights->len > 0 ? " + " : "", weight);
    }
  return g_strdup_printf ("(%s) ÷ (%s) = %s", products->str, weights->str, result);
}

WaymarkAppraisalRanking *
waymark_appraisal_ranking_new (WaymarkAppraisal *appraisal,
                               WaymarkPlan      *plan,
                               WaymarkCatalogue *catalogue)
{
  WaymarkAppraisalRanking *self;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) long_list = NULL;
  guint n_items;

  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (appraisal), NULL);
  g_return_val_if_fail (WAYMARK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue), NULL);

  self = g_new0 (WaymarkAppraisalRanking, 1);
  self->n_criteria = waymark_appraisal_get_n_criteria (appraisal);
  self->criterion_ids = g_new0 (char *, self->n_criteria + 1);
  self->criterion_labels = g_new0 (char *, self->n_criteria + 1);
  self->criterion_local = g_new0 (gboolean, self->n_criteria);
  self->weights = g_new0 (gint, self->n_criteria);
  for (guint c = 0; c < self->n_criteria; c++)
    {
      self->criterion_ids[c] = g_strdup (waymark_appraisal_get_criterion_id (appraisal, c));
      self->criterion_labels[c] = g_strdup (waymark_appraisal_get_criterion_label (appraisal, c));
      self->criterion_local[c] = waymark_appraisal_criterion_is_local (appraisal, c);
      self->weights[c] = waymark_appraisal_get_weight (appraisal, c);
    }
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->changes = g_array_new (FALSE, FALSE, sizeof (WaymarkSensitivityChange));
  g_array_set_clear_func (self->changes, (GDestroyNotify) sensitivity_change_clear);

  /* The plan's items, then the rest of the long list. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (plan));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);
      WaymarkAppraisalRow *row = row_new (appraisal, waymark_plan_item_get_intervention_id (item),
                                          item, plan, catalogue);

      g_hash_table_add (seen, row->id);
      g_ptr_array_add (self->rows, row);
    }
  long_list = waymark_appraisal_dup_long_list (appraisal);
  for (guint i = 0; long_list[i] != NULL; i++)
    if (!g_hash_table_contains (seen, long_list[i]))
      {
        WaymarkAppraisalRow *row = row_new (appraisal, long_list[i], NULL, plan, catalogue);

        g_hash_table_add (seen, row->id);
        g_ptr_array_add (self->rows, row);
      }
  /* The plan's local services are options too, whether or not the plan has an item for them. */
  {
    GListModel *services = waymark_plan_get_local_services (plan);

    for (guint i = 0; i < g_list_model_get_n_items (services); i++)
      {
        g_autoptr(WaymarkLocalService) service = g_list_model_get_item (services, i);
        const char *id = waymark_local_service_get_id (service);

        if (!g_hash_table_contains (seen, id))
          g_ptr_array_add (self->rows, row_new (appraisal, id, NULL, plan, catalogue));
      }
  }

  for (guint i = 0; i < self->rows->len; i++)
    {
      WaymarkAppraisalRow *row = g_ptr_array_index (self->rows, i);

      weigh (row, self->weights, self->n_criteria, &row->numerator, &row->denominator,
             &row->n_scored);
      row->has_score = row->status == WAYMARK_OPTION_STATUS_SHORTLISTED && row->n_scored > 0;
      if (!row->has_score)
        continue;
      /* The numerator is in hundredths of hundredths: ÷ the weights gives hundredths, half up. */
      row->weighted = (gint) ((2 * row->numerator + row->denominator) / (2 * row->denominator));
      row->arithmetic = describe_arithmetic (self, row);
      self->n_ranked++;
    }
  g_ptr_array_sort (self->rows, compare_rows);

  for (guint i = 0; i < self->n_ranked; i++)
    {
      WaymarkAppraisalRow *row = g_ptr_array_index (self->rows, i);
      WaymarkAppraisalRow *before = i > 0 ? g_ptr_array_index (self->rows, i - 1) : NULL;

      row->rank = before != NULL && compare_quotients (before->numerator, before->denominator,
                                                       row->numerator, row->denominator) == 0
                  ? before->rank : i + 1;
    }

  {
    GStrvBuilder *builder = g_strv_builder_new ();

    for (guint i = 0; i < MIN (3, self->n_ranked); i++)
      g_strv_builder_add (builder, ((WaymarkAppraisalRow *) g_ptr_array_index (self->rows, i))->id);
    self->top = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
  }
  check_sensitivity (self);

  return self;
}

void
waymark_appraisal_ranking_free (WaymarkAppraisalRanking *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->criterion_ids);
  g_strfreev (self->criterion_labels);
  g_free (self->criterion_local);
  g_free (self->weights);
  g_ptr_array_unref (self->rows);
  g_strfreev (self->top);
  g_array_unref (self->changes);
  g_free (self);
}

static const WaymarkAppraisalRow *
find_row (WaymarkAppraisalRanking *self,
          const char              *id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      const WaymarkAppraisalRow *row = g_ptr_array_index (self->rows, i);

      if (g_str_equal (row->id, id))
        return row;
    }
  return NULL;
}

/* "1 Drive project; 2= IRIS; 2= CBIM": the ranks with the names, "=" marking a shared rank. */
static char *
join_names (WaymarkAppraisalRanking *self,
            char                   **ids,
            const guint             *ranks)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gboolean shared = (i > 0 && ranks[i - 1] == ranks[i]) ||
                        (ids[i + 1] != NULL && ranks[i + 1] == ranks[i]);

      g_string_append_printf (names, "%s%u%s %s", i > 0 ? "; " : "", ranks[i],
                              shared ? "=" : "", find_row (self, ids[i])->name);
    }
  return g_strdup (names->str);
}

char *
waymark_appraisal_ranking_describe_sensitivity (WaymarkAppraisalRanking *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *names = NULL;
  guint base_ranks[3] = { 0, };

  g_return_val_if_fail (self != NULL, NULL);

  if (self->n_ranked < 2)
    return g_strdup (_("Fewer than two options have a score: there is no order for a change of "
                       "weights to test."));

  for (guint i = 0; i < MIN (3, self->n_ranked); i++)
    base_ranks[i] = ((WaymarkAppraisalRow *) g_ptr_array_index (self->rows, i))->rank;
  names = join_names (self, self->top, base_ranks);
  if (self->changes->len == 0)
    return g_strdup_printf (_("Robust: the top three (%s) stay the same, in the same order, when "
                              "any single weight moves by 20%% up or down."), names);

  g_string_append_printf (out, _("Not robust: the top three (%s) change when a single weight "
                                 "moves by 20%%:"), names);
  for (guint i = 0; i < self->changes->len; i++)
    {
      WaymarkSensitivityChange *change = &g_array_index (self->changes, WaymarkSensitivityChange,
                                                         i);
      g_autofree char *then = join_names (self, change->top, change->ranks);
      gint weight = self->weights[change->criterion];
      g_autofree char *from = waymark_appraisal_format_hundredths (weight);
      /* 20% of a weight in hundredths may be a thousandth: shown to three places at most. */
      gint thousandths = weight * (change->raised ? 12 : 8);
      g_autofree char *to = thousandths % 10 == 0
                            ? waymark_appraisal_format_hundredths (thousandths / 10)
                            : g_strdup_printf ("%d.%03d", thousandths / 1000, thousandths % 1000);

      g_string_append_c (out, '\n');
      if (change->raised)
        g_string_append_printf (out, _("- %s’s weight raised by 20%% (%s to %s): %s"),
                                self->criterion_ids[change->criterion], from, to, then);
      else
        g_string_append_printf (out, _("- %s’s weight lowered by 20%% (%s to %s): %s"),
                                self->criterion_ids[change->criterion], from, to, then);
    }
  return g_strdup (out->str);
}

/* Exports */

static const char * const csv_columns[] = {
  "rank", "id", "name", "status", "reason", "weighted_score", "criteria_scored", NULL
};

char *
waymark_appraisal_ranking_to_csv (WaymarkAppraisalRanking *self)
{
  GString *out = g_string_new (NULL);
  WaymarkCsvWriter writer;

  g_return_val_if_fail (self != NULL, NULL);

  waymark_csv_writer_init (&writer, out);
  for (guint i = 0; csv_columns[i] != NULL; i++)
    waymark_csv_add_field (&writer, csv_columns[i], WAYMARK_CSV_PLAIN);
  for (guint c = 0; c < self->n_criteria; c++)
    waymark_csv_add_field (&writer, self->criterion_ids[c], WAYMARK_CSV_PLAIN);
  waymark_csv_end_row (&writer);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const WaymarkAppraisalRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *rank = row->rank > 0 ? g_strdup_printf ("%u", row->rank) : NULL;
      g_autofree char *weighted = row->has_score ? format_score (row->weighted) : NULL;
      g_autofree char *n_scored = row->status == WAYMARK_OPTION_STATUS_SHORTLISTED
                                  ? g_strdup_printf ("%u", row->n_scored) : NULL;

      waymark_csv_add_field (&writer, rank, WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, row->id, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, row->name, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, waymark_enum_to_string (WAYMARK_TYPE_OPTION_STATUS,
                                                              row->status), WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, row->reason, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, weighted, WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, n_scored, WAYMARK_CSV_PLAIN);
      for (guint c = 0; c < self->n_criteria; c++)
        {
          g_autofree char *score = row->scores[c] != WAYMARK_APPRAISAL_NO_SCORE
                                   ? waymark_appraisal_format_hundredths (row->scores[c]) : NULL;

          waymark_csv_add_field (&writer, score, WAYMARK_CSV_PLAIN);
        }
      waymark_csv_end_row (&writer);
    }

  return g_string_free (out, FALSE);
}

static void
add_ids (JsonBuilder *builder,
         const char  *key,
         char       **ids)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; ids[i] != NULL; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);
}

char *
waymark_appraisal_ranking_to_json (WaymarkAppraisalRanking *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  waymark_json_add_string (builder, "format", "waymark-appraisal");

  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint c = 0; c < self->n_criteria; c++)
    {
      g_autofree char *weight = waymark_appraisal_format_hundredths (self->weights[c]);

      json_builder_begin_object (builder);
      waymark_json_add_string (builder, "id", self->criterion_ids[c]);
      waymark_json_add_string (builder, "label", self->criterion_labels[c]);
      /* Whose the scores are: the review's values through the table, or the commissioner's. */
      waymark_json_add_string (builder, "scores_from", self->criterion_local[c] ? "local"
                                                                               : "review");
      waymark_json_add_string (builder, "weight", weight);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "options");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const WaymarkAppraisalRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *weighted = row->has_score ? format_score (row->weighted) : NULL;

      json_builder_begin_object (builder);
      waymark_json_add_int_or_null (builder, "rank", row->rank > 0, row->rank);
      waymark_json_add_string (builder, "id", row->id);
      waymark_json_add_string (builder, "name", row->name);
      waymark_json_add_string (builder, "status",
                               waymark_enum_to_string (WAYMARK_TYPE_OPTION_STATUS, row->status));
      waymark_json_add_string (builder, "reason", row->reason);
      waymark_json_add_string_or_null (builder, "dimension",
                                       row->dimension == WAYMARK_OPTION_DIMENSION_NONE ? NULL
                                       : waymark_enum_to_string (WAYMARK_TYPE_OPTION_DIMENSION,
                                                                 row->dimension));
      json_builder_set_member_name (builder, "in_plan");
      json_builder_add_boolean_value (builder, row->in_plan);
      json_builder_set_member_name (builder, "in_catalogue");
      json_builder_add_boolean_value (builder, row->in_catalogue);
      /* Since issue 15: true for one of the plan's local services, not rated by the review. */
      json_builder_set_member_name (builder, "local_service");
      json_builder_add_boolean_value (builder, row->local_service);
      waymark_json_add_string_or_null (builder, "weighted_score", weighted);
      waymark_json_add_int_or_null (builder, "criteria_scored",
                                    row->status == WAYMARK_OPTION_STATUS_SHORTLISTED,
                                    row->n_scored);
      waymark_json_add_string_or_null (builder, "arithmetic", row->arithmetic);
      json_builder_set_member_name (builder, "scores");
      json_builder_begin_object (builder);
      for (guint c = 0; c < self->n_criteria; c++)
        {
          g_autofree char *score = row->scores[c] != WAYMARK_APPRAISAL_NO_SCORE
                                   ? waymark_appraisal_format_hundredths (row->scores[c]) : NULL;

          waymark_json_add_string_or_null (builder, self->criterion_ids[c], score);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "sensitivity");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "robust");
  json_builder_add_boolean_value (builder, self->changes->len == 0);
  add_ids (builder, "top", self->top);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->changes->len; i++)
    {
      WaymarkSensitivityChange *change = &g_array_index (self->changes, WaymarkSensitivityChange,
                                                         i);

      json_builder_begin_object (builder);
      waymark_json_add_string (builder, "criterion", self->criterion_ids[change->criterion]);
      waymark_json_add_string (builder, "weight_moved", change->raised ? "up-20-percent"
                                                                        : "down-20-percent");
      add_ids (builder, "top", change->top);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return waymark_json_builder_to_file_text (builder);
}
