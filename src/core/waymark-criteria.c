/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-criteria.h"
#include "waymark-intervention-private.h"

static const WaymarkChoice age_group_choices[] = {
  { WAYMARK_AGE_GROUP_CHILDREN, "WAYMARK_AGE_GROUP_CHILDREN", "children", NULL,
    N_("Children (0–17)"), NULL, NULL },
  { WAYMARK_AGE_GROUP_UNDER_25, "WAYMARK_AGE_GROUP_UNDER_25", "under-25", NULL,
    N_("Young people under 25"), NULL, N_("LLR’s priority focus") },
  { WAYMARK_AGE_GROUP_ADULTS, "WAYMARK_AGE_GROUP_ADULTS", "adults", NULL,
    N_("Adults (18 and over)"), NULL, NULL },
};

#define SORT_ROW(value, id, label) { value, #value, id, "sort", label, NULL, NULL }
static const WaymarkChoice sort_key_choices[] = {
  SORT_ROW (WAYMARK_SORT_NAME, "name", NC_("sort", "Name")),
  SORT_ROW (WAYMARK_SORT_LEVEL, "level", NC_("sort", "Level")),
  SORT_ROW (WAYMARK_SORT_EVIDENCE, "evidence", NC_("sort", "Evidence")),
  SORT_ROW (WAYMARK_SORT_IMPACT, "impact", NC_("sort", "Impact")),
  SORT_ROW (WAYMARK_SORT_COST, "cost", NC_("sort", "Cost")),
  SORT_ROW (WAYMARK_SORT_REVIEW, "review", NC_("sort", "Review order")),
};
#undef SORT_ROW

/* The long list's statuses (their ids and words are the appraisal's), and the one a plan gives
 * to everything else. */
#define STATUS_ROW(value, id, label) { value, #value, id, "option status", label, NULL, NULL }
static const WaymarkChoice option_status_set_choices[] = {
  STATUS_ROW (WAYMARK_OPTION_STATUS_SET_SHORTLISTED, "shortlisted",
              NC_("option status", "Shortlisted")),
  STATUS_ROW (WAYMARK_OPTION_STATUS_SET_NOT_TAKEN_FORWARD, "not-taken-forward",
              NC_("option status", "Not taken forward")),
  STATUS_ROW (WAYMARK_OPTION_STATUS_SET_DEFERRED, "deferred", NC_("option status", "Deferred")),
  STATUS_ROW (WAYMARK_OPTION_STATUS_SET_NOT_ON_LONG_LIST, "not-on-long-list",
              NC_("option status", "Not on the long list")),
};
#undef STATUS_ROW

/* The minimums a filter offers: a range is never a minimum. The ids are the ratings' own. */
#define MINIMUM_ROW(value, id, context, label) { value, #value, id, context, label, NULL, NULL }
static const WaymarkChoice minimum_choices[] = {
  MINIMUM_ROW (WAYMARK_RATING_NONE, "none", "minimum rating", NC_("minimum rating", "Any")),
  MINIMUM_ROW (WAYMARK_RATING_LOW, "low", "rating", NC_("rating", "Low")),
  MINIMUM_ROW (WAYMARK_RATING_MODERATE, "moderate", "rating", NC_("rating", "Moderate")),
  MINIMUM_ROW (WAYMARK_RATING_HIGH, "high", "rating", NC_("rating", "High")),
};
#undef MINIMUM_ROW

WAYMARK_DEFINE_CHOICE_TYPE (WaymarkAgeGroup, waymark_age_group, TRUE, age_group_choices, FALSE)
WAYMARK_DEFINE_CHOICE_TYPE (WaymarkSortKey, waymark_sort_key, FALSE, sort_key_choices, FALSE)
WAYMARK_DEFINE_CHOICE_TYPE (WaymarkOptionStatusSet, waymark_option_status_set, TRUE,
                            option_status_set_choices, FALSE)

const char *
waymark_age_group_get_label (WaymarkAgeGroup group)
{
  const WaymarkChoice *choice = waymark_choice_lookup (WAYMARK_TYPE_AGE_GROUP, group);

  return choice != NULL ? waymark_choice_get_label (choice) : NULL;
}

const WaymarkChoice *
waymark_criteria_get_minimum_choices (guint *n_choices)
{
  if (n_choices != NULL)
    *n_choices = G_N_ELEMENTS (minimum_choices);
  return minimum_choices;
}

struct _WaymarkCriteria
{
  GObject parent_instance;

  WaymarkLevel      levels;
  WaymarkFocusSet   focus;
  WaymarkWorksWith  works_with;
  WaymarkRating     min_evidence;
  WaymarkRating     min_impact;
  WaymarkLlrStatusSet llr_status;
  gboolean          cost_published;
  gint64            max_cost;
  WaymarkAgeGroup   age_groups;
  WaymarkOptionStatusSet option_status;
  char             *search;
  char            **search_words;  /* folded */

  WaymarkPlan      *plan;
  GSignalGroup     *plan_signals;
  GSignalGroup     *appraisal_signals;

  guint             in_reset : 1;
};

G_DEFINE_FINAL_TYPE (WaymarkCriteria, waymark_criteria, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LEVELS,
  PROP_FOCUS,
  PROP_WORKS_WITH,
  PROP_MIN_EVIDENCE,
  PROP_MIN_IMPACT,
  PROP_LLR_STATUS,
  PROP_COST_PUBLISHED,
  PROP_MAX_COST,
  PROP_AGE_GROUPS,
  PROP_OPTION_STATUS,
  PROP_PLAN,
  PROP_SEARCH,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
waymark_criteria_dispose (GObject *object)
{
  WaymarkCriteria *self = (WaymarkCriteria *) object;

  g_clear_object (&self->plan_signals);
  g_clear_object (&self->appraisal_signals);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (waymark_criteria_parent_class)->dispose (object);
}

static void
waymark_criteria_finalize (GObject *object)
{
  WaymarkCriteria *self = (WaymarkCriteria *) object;

  g_free (self->search);
  g_strfreev (self->search_words);

  G_OBJECT_CLASS (waymark_criteria_parent_class)->finalize (object);
}

static void
waymark_criteria_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WaymarkCriteria *self = WAYMARK_CRITERIA (object);

  switch (prop_id)
    {
    case PROP_LEVELS:
      g_value_set_flags (value, self->levels);
      break;
    case PROP_FOCUS:
      g_value_set_flags (value, self->focus);
      break;
    case PROP_WORKS_WITH:
      g_value_set_flags (value, self->works_with);
      break;
    case PROP_MIN_EVIDENCE:
      g_value_set_enum (value, self->min_evidence);
      break;
    case PROP_MIN_IMPACT:
      g_value_set_enum (value, self->min_impact);
      break;
    case PROP_LLR_STATUS:
      g_value_set_flags (value, self->llr_status);
      break;
    case PROP_COST_PUBLISHED:
      g_value_set_boolean (value, self->cost_published);
      break;
    case PROP_MAX_COST:
      g_value_set_int64 (value, self->max_cost);
      break;
    case PROP_AGE_GROUPS:
      g_value_set_flags (value, self->age_groups);
      break;
    case PROP_OPTION_STATUS:
      g_value_set_flags (value, self->option_status);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_criteria_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WaymarkCriteria *self = WAYMARK_CRITERIA (object);

  switch (prop_id)
    {
    case PROP_LEVELS:
      waymark_criteria_set_levels (self, g_value_get_flags (value));
      break;
    case PROP_FOCUS:
      waymark_criteria_set_focus (self, g_value_get_flags (value));
      break;
    case PROP_WORKS_WITH:
      waymark_criteria_set_works_with (self, g_value_get_flags (value));
      break;
    case PROP_MIN_EVIDENCE:
      waymark_criteria_set_min_evidence (self, g_value_get_enum (value));
      break;
    case PROP_MIN_IMPACT:
      waymark_criteria_set_min_impact (self, g_value_get_enum (value));
      break;
    case PROP_LLR_STATUS:
      waymark_criteria_set_llr_status (self, g_value_get_flags (value));
      break;
    case PROP_COST_PUBLISHED:
      waymark_criteria_set_cost_published (self, g_value_get_boolean (value));
      break;
    case PROP_MAX_COST:
      waymark_criteria_set_max_cost (self, g_value_get_int64 (value));
      break;
    case PROP_AGE_GROUPS:
      waymark_criteria_set_age_groups (self, g_value_get_flags (value));
      break;
    case PROP_OPTION_STATUS:
      waymark_criteria_set_option_status (self, g_value_get_flags (value));
      break;
    case PROP_PLAN:
      waymark_criteria_set_plan (self, g_value_get_object (value));
      break;
    case PROP_SEARCH:
      waymark_criteria_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_criteria_class_init (WaymarkCriteriaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = waymark_criteria_dispose;
  object_class->finalize = waymark_criteria_finalize;
  object_class->get_property = waymark_criteria_get_property;
  object_class->set_property = waymark_criteria_set_property;

  properties[PROP_LEVELS] =
    g_param_spec_flags ("levels", NULL, NULL, WAYMARK_TYPE_LEVEL, 0, flags);
  properties[PROP_FOCUS] =
    g_param_spec_flags ("focus", NULL, NULL, WAYMARK_TYPE_FOCUS_SET, 0, flags);
  properties[PROP_WORKS_WITH] =
    g_param_spec_flags ("works-with", NULL, NULL, WAYMARK_TYPE_WORKS_WITH, 0, flags);
  properties[PROP_MIN_EVIDENCE] =
    g_param_spec_enum ("min-evidence", NULL, NULL, WAYMARK_TYPE_RATING, WAYMARK_RATING_NONE, flags);
  properties[PROP_MIN_IMPACT] =
    g_param_spec_enum ("min-impact", NULL, NULL, WAYMARK_TYPE_RATING, WAYMARK_RATING_NONE, flags);
  properties[PROP_LLR_STATUS] =
    g_param_spec_flags ("llr-status", NULL, NULL, WAYMARK_TYPE_LLR_STATUS_SET, 0, flags);
  properties[PROP_COST_PUBLISHED] =
    g_param_spec_boolean ("cost-published", NULL, NULL, FALSE, flags);
  properties[PROP_MAX_COST] =
    g_param_spec_int64 ("max-cost", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AGE_GROUPS] =
    g_param_spec_flags ("age-groups", NULL, NULL, WAYMARK_TYPE_AGE_GROUP, 0, flags);
  properties[PROP_OPTION_STATUS] =
    g_param_spec_flags ("option-status", NULL, NULL, WAYMARK_TYPE_OPTION_STATUS_SET, 0, flags);
  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, WAYMARK_TYPE_PLAN, flags);
  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

/* What the plan holds decides only the long-list filter: with none set, a change to the plan
 * changes no match. */
static void
on_plan_content_changed (WaymarkCriteria *self)
{
  if (self->option_status != 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
waymark_criteria_init (WaymarkCriteria *self)
{
  self->plan_signals = g_signal_group_new (WAYMARK_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "items-changed",
                                  G_CALLBACK (on_plan_content_changed), self);
  self->appraisal_signals = g_signal_group_new (WAYMARK_TYPE_APPRAISAL);
  g_signal_group_connect_swapped (self->appraisal_signals, "changed",
                                  G_CALLBACK (on_plan_content_changed), self);
}

WaymarkCriteria *
waymark_criteria_new (void)
{
  return g_object_new (WAYMARK_TYPE_CRITERIA, NULL);
}

static void
changed (WaymarkCriteria *self,
         int              prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (!self->in_reset)
    g_signal_emit (self, signals[CHANGED], 0);
}

#define DEFINE_ACCESSORS(type, field, PROP) \
  type \
  waymark_criteria_get_##field (WaymarkCriteria *self) \
  { \
    g_return_val_if_fail (WAYMARK_IS_CRITERIA (self), (type) 0); \
    return self->field; \
  } \
  void \
  waymark_criteria_set_##field (WaymarkCriteria *self, \
                                type             value) \
  { \
    g_return_if_fail (WAYMARK_IS_CRITERIA (self)); \
    if (self->field == value) \
      return; \
    self->field = value; \
    changed (self, PROP); \
  }

DEFINE_ACCESSORS (WaymarkLevel, levels, PROP_LEVELS)
DEFINE_ACCESSORS (WaymarkFocusSet, focus, PROP_FOCUS)
DEFINE_ACCESSORS (WaymarkWorksWith, works_with, PROP_WORKS_WITH)
DEFINE_ACCESSORS (WaymarkRating, min_evidence, PROP_MIN_EVIDENCE)
DEFINE_ACCESSORS (WaymarkRating, min_impact, PROP_MIN_IMPACT)
DEFINE_ACCESSORS (WaymarkLlrStatusSet, llr_status, PROP_LLR_STATUS)
DEFINE_ACCESSORS (gboolean, cost_published, PROP_COST_PUBLISHED)
DEFINE_ACCESSORS (gint64, max_cost, PROP_MAX_COST)
DEFINE_ACCESSORS (WaymarkAgeGroup, age_groups, PROP_AGE_GROUPS)
DEFINE_ACCESSORS (WaymarkOptionStatusSet, option_status, PROP_OPTION_STATUS)

#undef DEFINE_ACCESSORS

WaymarkPlan *
waymark_criteria_get_plan (WaymarkCriteria *self)
{
  g_return_val_if_fail (WAYMARK_IS_CRITERIA (self), NULL);
  return self->plan;
}

void
waymark_criteria_set_plan (WaymarkCriteria *self,
                           WaymarkPlan     *plan)
{
  g_return_if_fail (WAYMARK_IS_CRITERIA (self));
  g_return_if_fail (plan == NULL || WAYMARK_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  g_signal_group_set_target (self->plan_signals, plan);
  g_signal_group_set_target (self->appraisal_signals,
                             plan != NULL ? waymark_plan_get_appraisal (plan) : NULL);
  /* Another plan is another long list; the plan is no filter of its own, so "changed" only when
   * the matches can differ. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  on_plan_content_changed (self);
}

const char *
waymark_criteria_get_search (WaymarkCriteria *self)
{
  g_return_val_if_fail (WAYMARK_IS_CRITERIA (self), NULL);
  return self->search;
}

void
waymark_criteria_set_search (WaymarkCriteria *self,
                             const char      *search)
{
  g_autofree char *folded = NULL;
  g_autofree char *stripped = NULL;

  g_return_if_fail (WAYMARK_IS_CRITERIA (self));

  stripped = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);

  if (g_strcmp0 (self->search, stripped) == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&stripped);

  g_clear_pointer (&self->search_words, g_strfreev);
  if (self->search != NULL)
    {
      folded = waymark_fold_for_search (self->search);
      self->search_words = g_strsplit_set (folded, " \t\n", -1);
    }

  changed (self, PROP_SEARCH);
}

void
waymark_criteria_reset (WaymarkCriteria *self)
{
  g_return_if_fail (WAYMARK_IS_CRITERIA (self));

  if (waymark_criteria_is_empty (self))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->in_reset = TRUE;
  waymark_criteria_set_levels (self, 0);
  waymark_criteria_set_focus (self, 0);
  waymark_criteria_set_works_with (self, 0);
  waymark_criteria_set_min_evidence (self, WAYMARK_RATING_NONE);
  waymark_criteria_set_min_impact (self, WAYMARK_RATING_NONE);
  waymark_criteria_set_llr_status (self, 0);
  waymark_criteria_set_cost_published (self, FALSE);
  waymark_criteria_set_max_cost (self, 0);
  waymark_criteria_set_age_groups (self, 0);
  waymark_criteria_set_option_status (self, 0);
  waymark_criteria_set_search (self, NULL);
  self->in_reset = FALSE;
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
waymark_criteria_is_empty (WaymarkCriteria *self)
{
  g_return_val_if_fail (WAYMARK_IS_CRITERIA (self), TRUE);

  return self->levels == 0 && self->focus == 0 && self->works_with == 0 &&
         self->min_evidence == WAYMARK_RATING_NONE && self->min_impact == WAYMARK_RATING_NONE &&
         self->llr_status == 0 && !self->cost_published && self->max_cost == 0 &&
         self->age_groups == 0 && self->option_status == 0 && self->search == NULL;
}

static gboolean
overlaps (int lo,
          int hi,
          int group_lo,
          int group_hi)
{
  if (lo < 0)
    lo = 0;
  if (hi < 0)
    hi = G_MAXINT;

  return lo <= group_hi && hi >= group_lo;
}

/* Ages come from the review's target cohort. Where it gives none, an intervention that works with
 * children and young people counts for the children and under-25 groups, and one that does not
 * counts for adults. */
static gboolean
match_age_groups (WaymarkIntervention *intervention,
                  WaymarkAgeGroup      groups)
{
  int lo = intervention->age_min;
  int hi = intervention->age_max;
  gboolean young = (intervention->works_with & WAYMARK_WORKS_WITH_CHILDREN_YOUNG_PEOPLE) != 0;

  if (lo < 0 && hi < 0)
    return ((groups & (WAYMARK_AGE_GROUP_CHILDREN | WAYMARK_AGE_GROUP_UNDER_25)) && young) ||
           ((groups & WAYMARK_AGE_GROUP_ADULTS) && !young);

  return ((groups & WAYMARK_AGE_GROUP_CHILDREN) && overlaps (lo, hi, 0, 17)) ||
         ((groups & WAYMARK_AGE_GROUP_UNDER_25) && overlaps (lo, hi, 0, 24)) ||
         ((groups & WAYMARK_AGE_GROUP_ADULTS) && overlaps (lo, hi, 18, G_MAXINT));
}

/* The intervention's place on the plan's long list, as waymark-appraisal.h defines it. */
static WaymarkOptionStatusSet
option_status_of (WaymarkPlan         *plan,
                  WaymarkIntervention *intervention)
{
  const char *id = waymark_intervention_get_id (intervention);
  WaymarkOptionStatus status;

  if (plan == NULL)
    return WAYMARK_OPTION_STATUS_SET_NOT_ON_LONG_LIST;
  if (waymark_appraisal_get_status (waymark_plan_get_appraisal (plan), id, &status, NULL, NULL))
    return 1u << status;
  if (waymark_plan_find_item (plan, id, NULL) != NULL)
    return WAYMARK_OPTION_STATUS_SET_SHORTLISTED;
  return WAYMARK_OPTION_STATUS_SET_NOT_ON_LONG_LIST;
}

static gboolean
match_search (WaymarkCriteria     *self,
              WaymarkIntervention *intervention)
{
  const char *haystack = waymark_intervention_get_search_text (intervention);

  for (guint i = 0; self->search_words[i] != NULL; i++)
    if (*self->search_words[i] != '\0' && strstr (haystack, self->search_words[i]) == NULL)
      return FALSE;

  return TRUE;
}

/* The parts of an intervention's text a search reaches beyond its name and summary, in the
 * detail pane's order and under its headings (waymark-intervention-document.c). */
typedef struct
{
  const char         *heading;  /* untranslated */
  const char         *text;
  const char * const *list;
} TextPart;

static guint
text_parts (WaymarkIntervention *item,
            TextPart            *parts)
{
  guint n = 0;

  parts[n++] = (TextPart) { N_("Overview"), item->overview, NULL };
  parts[n++] = (TextPart) { N_("Resources and costs"), item->resources, NULL };
  parts[n++] = (TextPart) { N_("Cost-benefit"), NULL, (const char * const *) item->cost_benefit };
  parts[n++] = (TextPart) { N_("Evidence"), item->evidence, NULL };
  parts[n++] = (TextPart) { N_("Impact"), item->impact, NULL };
  parts[n++] = (TextPart) { N_("Target cohort"), item->target_cohort, NULL };
  parts[n++] = (TextPart) { N_("Opportunity cohorts"), NULL,
                            (const char * const *) item->opportunity_cohorts };
  parts[n++] = (TextPart) { N_("Feasibility in LLR"), item->feasibility, NULL };
  parts[n++] = (TextPart) { N_("Organisations"), NULL, (const char * const *) item->organisations };
  parts[n++] = (TextPart) { N_("References"), NULL, (const char * const *) item->references };
  /* The review groups its interventions: "Primary intervention: Active bystander programmes". */
  parts[n++] = (TextPart) { N_("Section of the review"), item->section, NULL };
  return n;
}

#define N_TEXT_PARTS 11

/* `text` folded as waymark_fold_for_search() folds it, one character at a time, with the byte
 * offset in `text` of the character each byte of the result came from (and, last, the length of
 * `text`). */
static char *
fold_with_offsets (const char *text,
                   GArray     *offsets)
{
  GString *out = g_string_new (NULL);
  guint end = (guint) strlen (text);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char one[8] = { 0 };
      g_autofree char *folded = NULL;
      guint from = (guint) (p - text);
      gsize before = out->len;

      g_unichar_to_utf8 (g_utf8_get_char (p), one);
      folded = waymark_fold_for_search (one);
      g_string_append (out, folded);
      for (gsize i = before; i < out->len; i++)
        g_array_append_val (offsets, from);
    }
  g_array_append_val (offsets, end);
  return g_string_free (out, FALSE);
}

/* Words either side of a match: about this many characters before it and after it. */
#define EXCERPT_BEFORE 40
#define EXCERPT_AFTER  60

/* Some words of the line of `text` holding bytes [start, end), "…" where the line is cut; a
 * bullet the review typed ("- ") is left out. */
static char *
excerpt_around (const char *text,
                gsize       start,
                gsize       end)
{
  const char *line = text + start;
  const char *line_end = strchr (text + end, '\n');
  const char *from = text + start;
  const char *to = text + end;
  g_autoptr(GString) out = g_string_new (NULL);

  while (line > text && *(line - 1) != '\n')
    line--;
  if (g_str_has_prefix (line, "- "))
    line += 2;
  if (line_end == NULL)
    line_end = text + strlen (text);

  /* A short line is shown whole. */
  if (g_utf8_strlen (line, line_end - line) <= EXCERPT_BEFORE + EXCERPT_AFTER)
    return g_strndup (line, line_end - line);

  for (int n = 0; from > line && n < EXCERPT_BEFORE; n++)
    from = g_utf8_prev_char (from);
  /* Start at a word: after the space nearest the cut. */
  if (from > line)
    {
      const char *space_at = from;

      while (space_at < text + start && *space_at != ' ')
        space_at++;
      if (space_at < text + start)
        from = space_at + 1;
    }
  for (int n = 0; to < line_end && n < EXCERPT_AFTER; n++)
    to = g_utf8_next_char (to);
  /* End at a word: before the space nearest the cut. */
  if (to < line_end)
    {
      const char *space_at = to;

      while (space_at > text + end && *space_at != ' ')
        space_at--;
      if (space_at > text + end)
        to = space_at;
    }

  if (from > line)
    g_string_append (out, "…");
  g_string_append_len (out, from, to - from);
  if (to < line_end)
    g_string_append (out, "…");
  return g_strdup (out->str);
}

/* The first of `parts` holding `word` (folded): its heading and an excerpt. */
static gboolean
find_word (const TextPart *parts,
           guint           n_parts,
           const char     *word,
           const char    **heading,
           char          **excerpt)
{
  for (guint i = 0; i < n_parts; i++)
    {
      const char *single[] = { parts[i].text, NULL };
      const char * const *texts = parts[i].list != NULL ? parts[i].list : single;

      for (guint t = 0; texts[t] != NULL; t++)
        {
          g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
          g_autofree char *folded = fold_with_offsets (texts[t], offsets);
          const char *at = strstr (folded, word);
          gsize start, end;

          if (at == NULL)
            continue;
          start = g_array_index (offsets, guint, at - folded);
          end = g_array_index (offsets, guint, at - folded + strlen (word) - 1);
          end += g_utf8_skip[(guchar) texts[t][end]];
          *heading = _(parts[i].heading);
          *excerpt = excerpt_around (texts[t], start, end);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
waymark_criteria_find_in_text (WaymarkCriteria     *self,
                               WaymarkIntervention *intervention,
                               const char         **heading,
                               char               **excerpt)
{
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  TextPart parts[N_TEXT_PARTS];
  guint n_parts;

  g_return_val_if_fail (WAYMARK_IS_CRITERIA (self), FALSE);
  g_return_val_if_fail (WAYMARK_IS_INTERVENTION (intervention), FALSE);
  g_return_val_if_fail (heading != NULL && excerpt != NULL, FALSE);

  *heading = NULL;
  *excerpt = NULL;
  if (self->search_words == NULL)
    return FALSE;

  name = waymark_fold_for_search (intervention->name);
  summary = waymark_fold_for_search (intervention->summary);
  n_parts = text_parts (intervention, parts);
  g_assert (n_parts == N_TEXT_PARTS);
  for (guint i = 0; self->search_words[i] != NULL; i++)
    {
      const char *word = self->search_words[i];

      if (*word == '\0' || strstr (name, word) != NULL || strstr (summary, word) != NULL)
        continue;
      return find_word (parts, n_parts, word, heading, excerpt);
    }
  return FALSE;
}

static gboolean
at_least (WaymarkRating rating,
          WaymarkRating minimum)
{
  /* A range counts as its low end, so "at least moderate" never admits LOW/MODERATE. */
  return minimum == WAYMARK_RATING_NONE ||
         (rating != WAYMARK_RATING_NONE &&
          waymark_rating_get_floor (rating) >= waymark_rating_get_floor (minimum));
}

gboolean
waymark_criteria_match (WaymarkCriteria     *self,
                        WaymarkIntervention *intervention)
{
  const WaymarkCost *cost;

  g_return_val_if_fail (WAYMARK_IS_CRITERIA (self), FALSE);
  g_return_val_if_fail (WAYMARK_IS_INTERVENTION (intervention), FALSE);

  if (self->levels != 0 && (intervention->levels & self->levels) == 0)
    return FALSE;
  if (self->focus != 0 && (self->focus & (1u << intervention->focus)) == 0)
    return FALSE;
  if (self->works_with != 0 && (intervention->works_with & self->works_with) == 0)
    return FALSE;
  if (!at_least (intervention->evidence_rating, self->min_evidence))
    return FALSE;
  if (!at_least (intervention->impact_rating, self->min_impact))
    return FALSE;
  if (self->llr_status != 0 && (self->llr_status & (1u << intervention->llr_status)) == 0)
    return FALSE;

  cost = waymark_intervention_get_cost (intervention);
  if (self->cost_published && cost == NULL)
    return FALSE;
  if (self->max_cost > 0 &&
      (cost == NULL || cost->currency != WAYMARK_CURRENCY_GBP || cost->low_minor > self->max_cost))
    return FALSE;

  if (self->age_groups != 0 && !match_age_groups (intervention, self->age_groups))
    return FALSE;
  if (self->option_status != 0 &&
      (self->option_status & option_status_of (self->plan, intervention)) == 0)
    return FALSE;
  if (self->search_words != NULL && !match_search (self, intervention))
    return FALSE;

  return TRUE;
}

static int
compare_cost (const WaymarkCost *a,
              const WaymarkCost *b)
{
  /* No cost sorts last; costs in different currencies are never compared by amount, so they
   * group by currency (pounds first). */
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  if (a->currency != b->currency)
    return (int) a->currency - (int) b->currency;
  if (a->low_minor != b->low_minor)
    return a->low_minor < b->low_minor ? -1 : 1;
  if (a->high_minor != b->high_minor)
    return a->high_minor < b->high_minor ? -1 : 1;
  return 0;
}

int
waymark_intervention_compare (WaymarkIntervention *a,
                              WaymarkIntervention *b,
                              WaymarkSortKey       key)
{
  int result = 0;

  switch (key)
    {
    case WAYMARK_SORT_LEVEL:
      result = (int) waymark_level_get_lowest (a->levels) -
               (int) waymark_level_get_lowest (b->levels);
      break;
    case WAYMARK_SORT_EVIDENCE:
      result = (int) b->evidence_rating - (int) a->evidence_rating;
      break;
    case WAYMARK_SORT_IMPACT:
      result = (int) b->impact_rating - (int) a->impact_rating;
      break;
    case WAYMARK_SORT_COST:
      result = compare_cost (waymark_intervention_get_cost (a), waymark_intervention_get_cost (b));
      break;
    case WAYMARK_SORT_REVIEW:
      result = (int) a->position - (int) b->position;
      break;
    case WAYMARK_SORT_NAME:
    default:
      break;
    }

  if (result == 0)
    result = strcmp (waymark_intervention_get_sort_name (a), waymark_intervention_get_sort_name (b));
  if (result == 0)
    result = strcmp (a->id, b->id);

  return result;
}
