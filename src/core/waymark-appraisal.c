/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-appraisal.h"
#include "waymark-json-reader.h"

G_DEFINE_QUARK (waymark-appraisal-error-quark, waymark_appraisal_error)

/* The closed sets: one table each, enum, id and label. */

static const WaymarkChoice option_status_choices[] = {
  { WAYMARK_OPTION_STATUS_SHORTLISTED, "WAYMARK_OPTION_STATUS_SHORTLISTED", "shortlisted",
    "option status", NC_("option status", "Shortlisted"), NULL, NULL },
  { WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD, "WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD",
    "not-taken-forward", "option status", NC_("option status", "Not taken forward"), NULL, NULL },
  { WAYMARK_OPTION_STATUS_DEFERRED, "WAYMARK_OPTION_STATUS_DEFERRED", "deferred",
    "option status", NC_("option status", "Deferred"), NULL, NULL },
};

static const WaymarkChoice option_dimension_choices[] = {
  { WAYMARK_OPTION_DIMENSION_NONE, "WAYMARK_OPTION_DIMENSION_NONE", "none", "options dimension",
    NC_("options dimension", "No dimension given"), NULL, NULL },
  { WAYMARK_OPTION_DIMENSION_SCOPE, "WAYMARK_OPTION_DIMENSION_SCOPE", "scope",
    "options dimension", NC_("options dimension", "Scope"), NULL, NULL },
  { WAYMARK_OPTION_DIMENSION_SOLUTION, "WAYMARK_OPTION_DIMENSION_SOLUTION", "solution",
    "options dimension", NC_("options dimension", "Solution"), NULL, NULL },
  { WAYMARK_OPTION_DIMENSION_DELIVERY, "WAYMARK_OPTION_DIMENSION_DELIVERY", "delivery",
    "options dimension", NC_("options dimension", "Delivery"), NULL, NULL },
  { WAYMARK_OPTION_DIMENSION_IMPLEMENTATION, "WAYMARK_OPTION_DIMENSION_IMPLEMENTATION",
    "implementation", "options dimension", NC_("options dimension", "Implementation"), NULL,
    NULL },
  { WAYMARK_OPTION_DIMENSION_FUNDING, "WAYMARK_OPTION_DIMENSION_FUNDING", "funding",
    "options dimension", NC_("options dimension", "Funding"), NULL, NULL },
};

static const WaymarkChoice review_criterion_choices[] = {
  { WAYMARK_REVIEW_CRITERION_EVIDENCE, "WAYMARK_REVIEW_CRITERION_EVIDENCE", "evidence",
    "criterion", NC_("criterion", "Evidence rating"), NULL, NULL },
  { WAYMARK_REVIEW_CRITERION_IMPACT, "WAYMARK_REVIEW_CRITERION_IMPACT", "impact",
    "criterion", NC_("criterion", "Impact rating"), NULL, NULL },
  { WAYMARK_REVIEW_CRITERION_COST_PUBLISHED, "WAYMARK_REVIEW_CRITERION_COST_PUBLISHED",
    "cost_published", "criterion", NC_("criterion", "Cost published in pounds"), NULL, NULL },
  { WAYMARK_REVIEW_CRITERION_LLR_STATUS, "WAYMARK_REVIEW_CRITERION_LLR_STATUS", "llr_status",
    "criterion", NC_("criterion", "Status in LLR"), NULL, NULL },
  { WAYMARK_REVIEW_CRITERION_LEVEL, "WAYMARK_REVIEW_CRITERION_LEVEL", "level",
    "criterion", NC_("criterion", "Level of prevention"), NULL, NULL },
  { WAYMARK_REVIEW_CRITERION_WORKS_WITH, "WAYMARK_REVIEW_CRITERION_WORKS_WITH", "works_with",
    "criterion", NC_("criterion", "Who it works with"), NULL, NULL },
  { WAYMARK_REVIEW_CRITERION_YOUNG_PEOPLE, "WAYMARK_REVIEW_CRITERION_YOUNG_PEOPLE",
    "young_people", "criterion", NC_("criterion", "Serves under-25s"), NULL, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (review_criterion_choices) == WAYMARK_REVIEW_CRITERION_N);

WAYMARK_DEFINE_CHOICE_TYPE (WaymarkOptionStatus, waymark_option_status, FALSE,
                            option_status_choices, FALSE)
WAYMARK_DEFINE_CHOICE_TYPE (WaymarkOptionDimension, waymark_option_dimension, FALSE,
                            option_dimension_choices, FALSE)
WAYMARK_DEFINE_CHOICE_TYPE (WaymarkReviewCriterion, waymark_review_criterion, FALSE,
                            review_criterion_choices, FALSE)

const char *
waymark_option_status_get_label (WaymarkOptionStatus status)
{
  return waymark_choice_label_of (WAYMARK_TYPE_OPTION_STATUS, status);
}

const char *
waymark_option_dimension_get_label (WaymarkOptionDimension dimension)
{
  return waymark_choice_label_of (WAYMARK_TYPE_OPTION_DIMENSION, dimension);
}

const char *
waymark_review_criterion_get_label (WaymarkReviewCriterion criterion)
{
  return waymark_choice_label_of (WAYMARK_TYPE_REVIEW_CRITERION, criterion);
}

/* Each review criterion's score table: the values it scores, and their default scores.
 *
 * The review's ratings score as issue 15 sets out (HIGH 3, MODERATE 2, LOW-MODERATE 1.5, LOW 1);
 * an intervention the review does not rate has no value, so no score. The others are facts the
 * review gives about every intervention, so each value has a score: a cost published in pounds
 * 1, none 0; not in place in LLR 2 (it would fill a gap), something similar 1, in place 0, and
 * unknown no score (the review does not know); each level and each group 1 (no preference until
 * the commissioner states one; an intervention at several levels or with several groups scores
 * its best); serving under-25s (LLR's priority) 1, not 0. These criteria weigh 0 until the
 * commissioner gives them a weight, so by default only the review's ratings rank the options. */
typedef struct
{
  guint              n_values;
  const char * const value_ids[WAYMARK_REVIEW_CRITERION_MAX_VALUES];
  const gint         scores[WAYMARK_REVIEW_CRITERION_MAX_VALUES];
  gint               weight;
} ReviewCriterionTable;

static const ReviewCriterionTable review_tables[WAYMARK_REVIEW_CRITERION_N] = {
  [WAYMARK_REVIEW_CRITERION_EVIDENCE] =
    { 4, { "low", "low-moderate", "moderate", "high" }, { 100, 150, 200, 300 }, 100 },
  [WAYMARK_REVIEW_CRITERION_IMPACT] =
    { 4, { "low", "low-moderate", "moderate", "high" }, { 100, 150, 200, 300 }, 100 },
  [WAYMARK_REVIEW_CRITERION_COST_PUBLISHED] =
    { 2, { "yes", "no" }, { 100, 0 }, 0 },
  [WAYMARK_REVIEW_CRITERION_LLR_STATUS] =
    { 4, { "not-in-place", "similar-in-place", "in-place", "unknown" },
      { 200, 100, 0, WAYMARK_APPRAISAL_NO_SCORE }, 0 },
  [WAYMARK_REVIEW_CRITERION_LEVEL] =
    { 3, { "primary", "secondary", "tertiary" }, { 100, 100, 100 }, 0 },
  [WAYMARK_REVIEW_CRITERION_WORKS_WITH] =
    { 5, { "victims", "perpetrators", "children-young-people", "community", "professionals" },
      { 100, 100, 100, 100, 100 }, 0 },
  [WAYMARK_REVIEW_CRITERION_YOUNG_PEOPLE] =
    { 2, { "yes", "no" }, { 100, 0 }, 0 },
};

guint
waymark_review_criterion_get_n_values (WaymarkReviewCriterion criterion)
{
  g_return_val_if_fail ((guint) criterion < WAYMARK_REVIEW_CRITERION_N, 0);
  return review_tables[criterion].n_values;
}

const char *
waymark_review_criterion_get_value_id (WaymarkReviewCriterion criterion,
                                       guint                  index)
{
  g_return_val_if_fail ((guint) criterion < WAYMARK_REVIEW_CRITERION_N, NULL);
  g_return_val_if_fail (index < review_tables[criterion].n_values, NULL);
  return review_tables[criterion].value_ids[index];
}

const char *
waymark_review_criterion_get_value_label (WaymarkReviewCriterion criterion,
                                          guint                  index)
{
  const char *id = waymark_review_criterion_get_value_id (criterion, index);
  int value;

  g_return_val_if_fail (id != NULL, NULL);

  switch (criterion)
    {
    case WAYMARK_REVIEW_CRITERION_EVIDENCE:
    case WAYMARK_REVIEW_CRITERION_IMPACT:
      waymark_enum_from_string (WAYMARK_TYPE_RATING, id, &value);
      return waymark_rating_get_label (value);
    case WAYMARK_REVIEW_CRITERION_LLR_STATUS:
      waymark_enum_from_string (WAYMARK_TYPE_LLR_STATUS, id, &value);
      return waymark_llr_status_get_label (value);
    case WAYMARK_REVIEW_CRITERION_LEVEL:
      return waymark_choice_get_label (waymark_choice_lookup_id (WAYMARK_TYPE_LEVEL, id));
    case WAYMARK_REVIEW_CRITERION_WORKS_WITH:
      return waymark_choice_get_label (waymark_choice_lookup_id (WAYMARK_TYPE_WORKS_WITH, id));
    case WAYMARK_REVIEW_CRITERION_COST_PUBLISHED:
      return index == 0 ? _("A cost published in pounds") : _("No cost published in pounds");
    case WAYMARK_REVIEW_CRITERION_YOUNG_PEOPLE:
      return index == 0 ? _("Serves under-25s") : _("Does not serve under-25s");
    default:
      g_assert_not_reached ();
    }
}

int
waymark_review_criterion_find_value (WaymarkReviewCriterion criterion,
                                     const char            *value_id)
{
  g_return_val_if_fail ((guint) criterion < WAYMARK_REVIEW_CRITERION_N, -1);

  for (guint i = 0; value_id != NULL && i < review_tables[criterion].n_values; i++)
    if (g_str_equal (review_tables[criterion].value_ids[i], value_id))
      return (int) i;
  return -1;
}

/* Hundredths as text */

char *
waymark_appraisal_format_hundredths (gint hundredths)
{
  const char *sign = hundredths < 0 ? "-" : "";
  guint magnitude = (guint) ABS (hundredths);

  if (magnitude % 100 == 0)
    return g_strdup_printf ("%s%u", sign, magnitude / 100);
  if (magnitude % 10 == 0)
    return g_strdup_printf ("%s%u.%u", sign, magnitude / 100, (magnitude % 100) / 10);
  return g_strdup_printf ("%s%u.%02u", sign, magnitude / 100, magnitude % 100);
}

gboolean
waymark_appraisal_parse_hundredths (const char *text,
                                    gint        max,
                                    gint       *out)
{
  const char *p = text;
  gint64 whole = 0, fraction = 0;
  guint n_digits = 0, n_places = 0;

  g_return_val_if_fail (out != NULL, FALSE);
  *out = 0;
  if (text == NULL)
    return FALSE;

  for (; g_ascii_isdigit (*p); p++, n_digits++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole > max)
        return FALSE;
    }
  if (n_digits == 0)
    return FALSE;
  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p) && n_places < 3; p++, n_places++)
        fraction = fraction * 10 + (*p - '0');
      if (n_places == 0 || n_places > 2)
        return FALSE;
      if (n_places == 1)
        fraction *= 10;
    }
  if (*p != '\0' || whole * 100 + fraction > max)
    return FALSE;

  *out = (gint) (whole * 100 + fraction);
  return TRUE;
}

/* The object */

typedef struct
{
  char                  *option_id;
  WaymarkOptionStatus    status;
  char                  *reason;
  WaymarkOptionDimension dimension;
} LongListEntry;

/* LongListEntry and LocalScore begin with their option's id, so that one lookup serves both
 * (find_option). */
typedef struct
{
  char *option_id;
  gint  score;
} LocalScore;

typedef struct
{
  char   *id;
  char   *label;
  gint    weight;
  GPtrArray *scores;  /* LocalScore, in byte order of option_id */
} LocalCriterion;

struct _WaymarkAppraisal
{
  GObject    parent_instance;

  GPtrArray *long_list;  /* LongListEntry, in byte order of option_id */
  gint       weights[WAYMARK_REVIEW_CRITERION_N];
  gint       tables[WAYMARK_REVIEW_CRITERION_N][WAYMARK_REVIEW_CRITERION_MAX_VALUES];
  GPtrArray *local;      /* LocalCriterion, in the order added */
};

G_DEFINE_FINAL_TYPE (WaymarkAppraisal, waymark_appraisal, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
long_list_entry_free (LongListEntry *entry)
{
  g_free (entry->option_id);
  g_free (entry->reason);
  g_free (entry);
}

static void
local_score_free (LocalScore *score)
{
  g_free (score->option_id);
  g_free (score);
}

static LocalScore *
local_score_new (const char *option_id,
                 gint        score)
{
  LocalScore *added = g_new (LocalScore, 1);

  added->option_id = g_strdup (option_id);
  added->score = score;
  return added;
}

static void
local_criterion_free (LocalCriterion *criterion)
{
  g_free (criterion->id);
  g_free (criterion->label);
  g_ptr_array_unref (criterion->scores);
  g_free (criterion);
}

static LocalCriterion *
local_criterion_new (const char *id,
                     const char *label,
                     gint        weight)
{
  LocalCriterion *criterion = g_new0 (LocalCriterion, 1);

  criterion->id = g_strdup (id);
  criterion->label = g_strdup (label);
  criterion->weight = weight;
  criterion->scores = g_ptr_array_new_with_free_func ((GDestroyNotify) local_score_free);
  return criterion;
}

static void
reset (WaymarkAppraisal *self)
{
  g_ptr_array_set_size (self->long_list, 0);
  g_ptr_array_set_size (self->local, 0);
  for (guint c = 0; c < WAYMARK_REVIEW_CRITERION_N; c++)
    {
      self->weights[c] = review_tables[c].weight;
      for (guint v = 0; v < WAYMARK_REVIEW_CRITERION_MAX_VALUES; v++)
        self->tables[c][v] = v < review_tables[c].n_values ? review_tables[c].scores[v]
                                                           : WAYMARK_APPRAISAL_NO_SCORE;
    }
}

static void
waymark_appraisal_finalize (GObject *object)
{
  WaymarkAppraisal *self = (WaymarkAppraisal *) object;

  g_clear_pointer (&self->long_list, g_ptr_array_unref);
  g_clear_pointer (&self->local, g_ptr_array_unref);

  G_OBJECT_CLASS (waymark_appraisal_parent_class)->finalize (object);
}

static void
waymark_appraisal_class_init (WaymarkAppraisalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = waymark_appraisal_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
waymark_appraisal_init (WaymarkAppraisal *self)
{
  self->long_list = g_ptr_array_new_with_free_func ((GDestroyNotify) long_list_entry_free);
  self->local = g_ptr_array_new_with_free_func ((GDestroyNotify) local_criterion_free);
  reset (self);
}

WaymarkAppraisal *
waymark_appraisal_new (void)
{
  return g_object_new (WAYMARK_TYPE_APPRAISAL, NULL);
}

static void
emit_changed (WaymarkAppraisal *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
copy_into (WaymarkAppraisal *self,
           WaymarkAppraisal *other)
{
  reset (self);
  memcpy (self->weights, other->weights, sizeof self->weights);
  memcpy (self->tables, other->tables, sizeof self->tables);
  for (guint i = 0; i < other->long_list->len; i++)
    {
      LongListEntry *from = g_ptr_array_index (other->long_list, i);
      LongListEntry *entry = g_new0 (LongListEntry, 1);

      entry->option_id = g_strdup (from->option_id);
      entry->status = from->status;
      entry->reason = g_strdup (from->reason);
      entry->dimension = from->dimension;
      g_ptr_array_add (self->long_list, entry);
    }
  for (guint i = 0; i < other->local->len; i++)
    {
      LocalCriterion *from = g_ptr_array_index (other->local, i);
      LocalCriterion *criterion = local_criterion_new (from->id, from->label, from->weight);

      for (guint j = 0; j < from->scores->len; j++)
        {
          LocalScore *score = g_ptr_array_index (from->scores, j);

          g_ptr_array_add (criterion->scores, local_score_new (score->option_id, score->score));
        }
      g_ptr_array_add (self->local, criterion);
    }
}

WaymarkAppraisal *
waymark_appraisal_copy (WaymarkAppraisal *self)
{
  WaymarkAppraisal *copy;

  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), NULL);

  copy = waymark_appraisal_new ();
  copy_into (copy, self);
  return copy;
}

gboolean
waymark_appraisal_equal (WaymarkAppraisal *a,
                         WaymarkAppraisal *b)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (a), FALSE);
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (b), FALSE);

  if (a == b)
    return TRUE;
  if (memcmp (a->weights, b->weights, sizeof a->weights) != 0 ||
      memcmp (a->tables, b->tables, sizeof a->tables) != 0 ||
      a->long_list->len != b->long_list->len || a->local->len != b->local->len)
    return FALSE;

  for (guint i = 0; i < a->long_list->len; i++)
    {
      LongListEntry *x = g_ptr_array_index (a->long_list, i);
      LongListEntry *y = g_ptr_array_index (b->long_list, i);

      if (!g_str_equal (x->option_id, y->option_id) || x->status != y->status ||
          !g_str_equal (x->reason, y->reason) || x->dimension != y->dimension)
        return FALSE;
    }
  for (guint i = 0; i < a->local->len; i++)
    {
      LocalCriterion *x = g_ptr_array_index (a->local, i);
      LocalCriterion *y = g_ptr_array_index (b->local, i);

      if (!g_str_equal (x->id, y->id) || !g_str_equal (x->label, y->label) ||
          x->weight != y->weight || x->scores->len != y->scores->len)
        return FALSE;
      for (guint j = 0; j < x->scores->len; j++)
        {
          LocalScore *s = g_ptr_array_index (x->scores, j);
          LocalScore *t = g_ptr_array_index (y->scores, j);

          if (!g_str_equal (s->option_id, t->option_id) || s->score != t->score)
            return FALSE;
        }
    }
  return TRUE;
}

void
waymark_appraisal_assign (WaymarkAppraisal *self,
                          WaymarkAppraisal *other)
{
  g_return_if_fail (WAYMARK_IS_APPRAISAL (self));
  g_return_if_fail (WAYMARK_IS_APPRAISAL (other));

  if (waymark_appraisal_equal (self, other))
    return;
  copy_into (self, other);
  emit_changed (self);
}

gboolean
waymark_appraisal_is_default (WaymarkAppraisal *self)
{
  g_autoptr(WaymarkAppraisal) fresh = waymark_appraisal_new ();

  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), FALSE);
  return waymark_appraisal_equal (self, fresh);
}

/* Checks */

static gboolean
has_control_characters (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029)
        return TRUE;
    }
  return FALSE;
}

/* Text of one line: valid UTF-8, no control characters (a line break included), at most max
 * bytes. what names it in the message. */
static gboolean
check_line (const char  *text,
            gsize        max,
            gboolean     required,
            const char  *what,
            GError     **error)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_INVALID,
                   _("%s is not valid text"), what);
      return FALSE;
    }
  if (has_control_characters (text))
    {
      g_set_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_INVALID,
                   _("%s must be one line, without control characters"), what);
      return FALSE;
    }
  if (strlen (text) > max)
    {
      g_set_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_INVALID,
                   _("%s is longer than %u bytes"), what, (guint) max);
      return FALSE;
    }
  if (required)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (*stripped == '\0')
        {
          g_set_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_INVALID,
                       _("%s is empty"), what);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_value (gint         value,
             gint         max,
             gboolean     allow_none,
             const char  *what,
             GError     **error)
{
  if ((allow_none && value == WAYMARK_APPRAISAL_NO_SCORE) || (value >= 0 && value <= max))
    return TRUE;

  {
    g_autofree char *shown = waymark_appraisal_format_hundredths (value);
    g_autofree char *most = waymark_appraisal_format_hundredths (max);

    g_set_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_INVALID,
                 _("%s %s is not between 0 and %s"), what, shown, most);
  }
  return FALSE;
}

/* The element of array (LongListEntry or LocalScore, in byte order of their option ids) for
 * option_id, or NULL; *position is where it is, or where it would go. */
static gpointer
find_option (GPtrArray  *array,
             const char *option_id,
             guint      *position)
{
  guint i;

  for (i = 0; i < array->len; i++)
    {
      /* Both kinds of element begin with their option's id. */
      const char *id = *(char **) g_ptr_array_index (array, i);
      int order = strcmp (id, option_id);

      if (order == 0)
        {
          *position = i;
          return g_ptr_array_index (array, i);
        }
      if (order > 0)
        break;
    }
  *position = i;
  return NULL;
}

/* The long list */

gboolean
waymark_appraisal_set_status (WaymarkAppraisal       *self,
                              const char             *option_id,
                              WaymarkOptionStatus     status,
                              const char             *reason,
                              WaymarkOptionDimension  dimension,
                              GError                **error)
{
  LongListEntry *entry;
  guint position;

  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), FALSE);
  g_return_val_if_fail (waymark_choice_lookup (WAYMARK_TYPE_OPTION_STATUS, status), FALSE);
  g_return_val_if_fail (waymark_choice_lookup (WAYMARK_TYPE_OPTION_DIMENSION, dimension), FALSE);

  if (reason == NULL)
    reason = "";
  if (!check_line (option_id, WAYMARK_APPRAISAL_MAX_ID, TRUE, _("An option’s id"), error) ||
      !check_line (reason, WAYMARK_APPRAISAL_MAX_REASON, FALSE, _("The reason"), error))
    return FALSE;
  if (status == WAYMARK_OPTION_STATUS_NOT_TAKEN_FORWARD)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (reason));

      if (*stripped == '\0')
        {
          g_autofree char *shown = waymark_json_reader_excerpt (option_id);

          g_set_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_REASON_REQUIRED,
                       _("“%s” cannot be marked not taken forward without a reason"), shown);
          return FALSE;
        }
    }

  entry = find_option (self->long_list, option_id, &position);
  if (entry != NULL)
    {
      if (entry->status == status && g_str_equal (entry->reason, reason) &&
          entry->dimension == dimension)
        return TRUE;
      entry->status = status;
      g_free (entry->reason);
      entry->reason = g_strdup (reason);
      entry->dimension = dimension;
    }
  else
    {
      if (self->long_list->len >= WAYMARK_APPRAISAL_MAX_OPTIONS)
        {
          g_set_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_TOO_MANY,
                       _("The long list has %u options already, as many as it can hold"),
                       WAYMARK_APPRAISAL_MAX_OPTIONS);
          return FALSE;
        }
      entry = g_new0 (LongListEntry, 1);
      entry->option_id = g_strdup (option_id);
      entry->status = status;
      entry->reason = g_strdup (reason);
      entry->dimension = dimension;
      g_ptr_array_insert (self->long_list, (int) position, entry);
    }

  emit_changed (self);
  return TRUE;
}

gboolean
waymark_appraisal_clear_status (WaymarkAppraisal *self,
                                const char       *option_id)
{
  guint position;

  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), FALSE);
  g_return_val_if_fail (option_id != NULL, FALSE);

  if (find_option (self->long_list, option_id, &position) == NULL)
    return FALSE;
  g_ptr_array_remove_index (self->long_list, position);
  emit_changed (self);
  return TRUE;
}

gboolean
waymark_appraisal_get_status (WaymarkAppraisal        *self,
                              const char              *option_id,
                              WaymarkOptionStatus     *status,
                              const char             **reason,
                              WaymarkOptionDimension  *dimension)
{
  LongListEntry *entry = NULL;
  guint position;

  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), FALSE);

  if (option_id != NULL)
    entry = find_option (self->long_list, option_id, &position);
  if (status != NULL)
    *status = entry != NULL ? entry->status : WAYMARK_OPTION_STATUS_SHORTLISTED;
  if (reason != NULL)
    *reason = entry != NULL ? entry->reason : "";
  if (dimension != NULL)
    *dimension = entry != NULL ? entry->dimension : WAYMARK_OPTION_DIMENSION_NONE;
  return entry != NULL;
}

char **
waymark_appraisal_dup_long_list (WaymarkAppraisal *self)
{
  GStrvBuilder *builder;
  char **ids;

  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->long_list->len; i++)
    g_strv_builder_add (builder,
                        ((LongListEntry *) g_ptr_array_index (self->long_list, i))->option_id);
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}

/* Criteria */

static LocalCriterion *
get_local (WaymarkAppraisal *self,
           guint             index)
{
  g_assert (index >= WAYMARK_REVIEW_CRITERION_N);
  return g_ptr_array_index (self->local, index - WAYMARK_REVIEW_CRITERION_N);
}

guint
waymark_appraisal_get_n_criteria (WaymarkAppraisal *self)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), 0);
  return WAYMARK_REVIEW_CRITERION_N + self->local->len;
}

const char *
waymark_appraisal_get_criterion_id (WaymarkAppraisal *self,
                                    guint             index)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), NULL);
  g_return_val_if_fail (index < waymark_appraisal_get_n_criteria (self), NULL);

  if (index < WAYMARK_REVIEW_CRITERION_N)
    return review_criterion_choices[index].id;
  return get_local (self, index)->id;
}

const char *
waymark_appraisal_get_criterion_label (WaymarkAppraisal *self,
                                       guint             index)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), NULL);
  g_return_val_if_fail (index < waymark_appraisal_get_n_criteria (self), NULL);

  if (index < WAYMARK_REVIEW_CRITERION_N)
    return waymark_review_criterion_get_label (index);
  return get_local (self, index)->label;
}

gboolean
waymark_appraisal_criterion_is_local (WaymarkAppraisal *self,
                                      guint             index)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), FALSE);
  return index >= WAYMARK_REVIEW_CRITERION_N && index < waymark_appraisal_get_n_criteria (self);
}

int
waymark_appraisal_find_criterion (WaymarkAppraisal *self,
                                  const char       *criterion_id)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), -1);

  for (guint i = 0; criterion_id != NULL && i < waymark_appraisal_get_n_criteria (self); i++)
    if (g_str_equal (waymark_appraisal_get_criterion_id (self, i), criterion_id))
      return (int) i;
  return -1;
}

gint
waymark_appraisal_get_weight (WaymarkAppraisal *self,
                              guint             index)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), 0);
  g_return_val_if_fail (index < waymark_appraisal_get_n_criteria (self), 0);

  return index < WAYMARK_REVIEW_CRITERION_N ? self->weights[index]
                                            : get_local (self, index)->weight;
}

static int
find_criterion_or_fail (WaymarkAppraisal  *self,
                        const char        *criterion_id,
                        GError           **error)
{
  int index = waymark_appraisal_find_criterion (self, criterion_id);

  if (index < 0)
    {
      g_autofree char *shown = waymark_json_reader_excerpt (criterion_id ? criterion_id : "");

      g_set_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_UNKNOWN_CRITERION,
                   _("“%s” is not a criterion of this appraisal"), shown);
    }
  return index;
}

gboolean
waymark_appraisal_set_weight (WaymarkAppraisal  *self,
                              const char        *criterion_id,
                              gint               hundredths,
                              GError           **error)
{
  int index;
  gint *weight;

  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), FALSE);

  index = find_criterion_or_fail (self, criterion_id, error);
  if (index < 0 || !check_value (hundredths, WAYMARK_APPRAISAL_MAX_WEIGHT, FALSE, _("The weight"),
                                 error))
    return FALSE;

  weight = index < WAYMARK_REVIEW_CRITERION_N ? &self->weights[index]
                                              : &get_local (self, index)->weight;
  if (*weight != hundredths)
    {
      *weight = hundredths;
      emit_changed (self);
    }
  return TRUE;
}

gint
waymark_appraisal_get_table_score (WaymarkAppraisal       *self,
                                   WaymarkReviewCriterion  criterion,
                                   guint                   value_index)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), WAYMARK_APPRAISAL_NO_SCORE);
  g_return_val_if_fail ((guint) criterion < WAYMARK_REVIEW_CRITERION_N, WAYMARK_APPRAISAL_NO_SCORE);
  g_return_val_if_fail (value_index < review_tables[criterion].n_values,
                        WAYMARK_APPRAISAL_NO_SCORE);

  return self->tables[criterion][value_index];
}

gboolean
waymark_appraisal_set_table_score (WaymarkAppraisal        *self,
                                   WaymarkReviewCriterion   criterion,
                                   const char              *value_id,
                                   gint                     hundredths,
                                   GError                 **error)
{
  int value;

  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), FALSE);
  g_return_val_if_fail ((guint) criterion < WAYMARK_REVIEW_CRITERION_N, FALSE);

  value = waymark_review_criterion_find_value (criterion, value_id);
  if (value < 0)
    {
      g_autofree char *shown = waymark_json_reader_excerpt (value_id ? value_id : "");

      g_set_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_INVALID,
                   _("“%s” is not a value the criterion %s scores"), shown,
                   review_criterion_choices[criterion].id);
      return FALSE;
    }
  if (!check_value (hundredths, WAYMARK_APPRAISAL_MAX_SCORE, TRUE, _("The score"), error))
    return FALSE;

  if (self->tables[criterion][value] != hundredths)
    {
      self->tables[criterion][value] = hundredths;
      emit_changed (self);
    }
  return TRUE;
}

/* Local criteria */

/* The ranking's CSV names a column after each criterion, beside these. */
static const char * const ranking_columns[] = {
  "rank", "id", "name", "status", "reason", "weighted_score", "criteria_scored", NULL
};

static gboolean
is_criterion_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > WAYMARK_APPRAISAL_MAX_CRITERION_ID ||
      g_strv_contains (ranking_columns, id))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

gboolean
waymark_appraisal_add_local_criterion (WaymarkAppraisal  *self,
                                       const char        *criterion_id,
                                       const char        *label,
                                       GError           **error)
{
  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), FALSE);

  if (!is_criterion_id (criterion_id))
    {
      g_autofree char *shown = waymark_json_reader_excerpt (criterion_id ? criterion_id : "");

      g_set_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_INVALID,
                   _("A criterion’s id “%s” must be 1 to %u lower-case letters, digits, “_” or "
                     "“-”, and not the name of a column of the ranking"), shown,
                   WAYMARK_APPRAISAL_MAX_CRITERION_ID);
      return FALSE;
    }
  if (waymark_appraisal_find_criterion (self, criterion_id) >= 0)
    {
      g_set_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_DUPLICATE,
                   _("There is a criterion “%s” already"), criterion_id);
      return FALSE;
    }
  if (!check_line (label, WAYMARK_APPRAISAL_MAX_LABEL, TRUE, _("A criterion’s label"), error))
    return FALSE;
  if (self->local->len >= WAYMARK_APPRAISAL_MAX_LOCAL_CRITERIA)
    {
      g_set_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_TOO_MANY,
                   _("An appraisal has at most %u local criteria"),
                   WAYMARK_APPRAISAL_MAX_LOCAL_CRITERIA);
      return FALSE;
    }

  g_ptr_array_add (self->local, local_criterion_new (criterion_id, label, 100));
  emit_changed (self);
  return TRUE;
}

gboolean
waymark_appraisal_remove_local_criterion (WaymarkAppraisal *self,
                                          const char       *criterion_id)
{
  int index;

  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), FALSE);

  index = waymark_appraisal_find_criterion (self, criterion_id);
  if (index < WAYMARK_REVIEW_CRITERION_N)
    return FALSE;
  g_ptr_array_remove_index (self->local, (guint) index - WAYMARK_REVIEW_CRITERION_N);
  emit_changed (self);
  return TRUE;
}

gboolean
waymark_appraisal_set_local_score (WaymarkAppraisal  *self,
                                   const char        *criterion_id,
                                   const char        *option_id,
                                   gint               hundredths,
                                   GError           **error)
{
  LocalCriterion *criterion;
  LocalScore *score;
  guint position;
  int index;

  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), FALSE);

  index = find_criterion_or_fail (self, criterion_id, error);
  if (index < 0)
    return FALSE;
  if (index < WAYMARK_REVIEW_CRITERION_N)
    {
      g_set_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_INVALID,
                   _("%s is a review criterion: its scores come from its table"), criterion_id);
      return FALSE;
    }
  if (!check_line (option_id, WAYMARK_APPRAISAL_MAX_ID, TRUE, _("An option’s id"), error) ||
      !check_value (hundredths, WAYMARK_APPRAISAL_MAX_SCORE, TRUE, _("The score"), error))
    return FALSE;

  criterion = get_local (self, (guint) index);
  score = find_option (criterion->scores, option_id, &position);
  if (hundredths == WAYMARK_APPRAISAL_NO_SCORE)
    {
      if (score == NULL)
        return TRUE;
      g_ptr_array_remove_index (criterion->scores, position);
    }
  else if (score != NULL)
    {
      if (score->score == hundredths)
        return TRUE;
      score->score = hundredths;
    }
  else
    {
      if (criterion->scores->len >= WAYMARK_APPRAISAL_MAX_OPTIONS)
        {
          g_set_error (error, WAYMARK_APPRAISAL_ERROR, WAYMARK_APPRAISAL_ERROR_TOO_MANY,
                       _("The criterion %s has %u scores already, as many as it can hold"),
                       criterion_id, WAYMARK_APPRAISAL_MAX_OPTIONS);
          return FALSE;
        }
      g_ptr_array_insert (criterion->scores, (int) position,
                          local_score_new (option_id, hundredths));
    }

  emit_changed (self);
  return TRUE;
}

gint
waymark_appraisal_get_local_score (WaymarkAppraisal *self,
                                   guint             index,
                                   const char       *option_id)
{
  LocalScore *score;
  guint position;

  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), WAYMARK_APPRAISAL_NO_SCORE);
  g_return_val_if_fail (waymark_appraisal_criterion_is_local (self, index),
                        WAYMARK_APPRAISAL_NO_SCORE);
  g_return_val_if_fail (option_id != NULL, WAYMARK_APPRAISAL_NO_SCORE);

  score = find_option (get_local (self, index)->scores, option_id, &position);
  return score != NULL ? score->score : WAYMARK_APPRAISAL_NO_SCORE;
}

char **
waymark_appraisal_dup_local_scored (WaymarkAppraisal *self,
                                    guint             index)
{
  LocalCriterion *criterion;
  GStrvBuilder *builder;
  char **ids;

  g_return_val_if_fail (WAYMARK_IS_APPRAISAL (self), NULL);
  g_return_val_if_fail (waymark_appraisal_criterion_is_local (self, index), NULL);

  criterion = get_local (self, index);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < criterion->scores->len; i++)
    g_strv_builder_add (builder,
                        ((LocalScore *) g_ptr_array_index (criterion->scores, i))->option_id);
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}
