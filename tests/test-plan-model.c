/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-util.h"
#include "waymark-catalogue.h"
#include "waymark-money.h"
#include "waymark-plan-io.h"

/* A stateful, model-based test of the plan: from a seed, a random sequence of every edit the
 * plan's API offers, with undo and redo of random depth, saves and reloads, is applied both to a
 * real WaymarkPlan and to a plain model of what the plan should hold. After every step the plan
 * must show what the model says (every field, NULL told apart from ""), its totals must equal a
 * sum the test makes itself, and nothing may be logged as a warning or critical. Every
 * WAYMARK_MODEL_CHECK_EVERY steps (every step for short runs), and before each reload, the whole
 * history is walked: undo to the start gives the starting plan byte for byte (its saved JSON),
 * every state on the way is the one the model recorded, redo to the end gives the end, and
 * save -> load -> save gives the same bytes.
 *
 * On failure it prints the seed and the step, then shrinks the recorded operations (shortest
 * failing prefix, then delta debugging, each replay in a child process so a crash can be
 * shrunk too) and prints the shortest failing sequence it found.
 *
 * Environment: WAYMARK_MODEL_SEED (one run with that seed), WAYMARK_MODEL_STEPS (steps in all,
 * default 20000), WAYMARK_MODEL_CHECK_EVERY, WAYMARK_MODEL_FORK=1 (run in a child, so that a
 * crash is reported with its step and shrunk; tests/run-model-long.sh sets it). */

#define DEFAULT_STEPS 20000
#define DEFAULT_SEED 20261126u
#define DEFAULT_RUNS 4
/* The largest total the plan adds up, in pence: £1,000,000,000,000. */
#define TOTAL_LIMIT ((__int128) 100000000000000)
/* Shrinking stops after this many replays; what it has by then is printed. */
#define MAX_REPLAYS 1500

typedef enum
{
  OP_ADD,
  OP_ADD_SEVERAL,
  OP_REMOVE,
  OP_ITEM_TEXT,
  OP_ITEM_TEXT_TWICE,
  OP_ITEM_TEXTS,
  OP_QUANTITY,
  OP_SET_COST,
  OP_COST_FIELD,
  OP_COST_SOURCE,
  OP_FUNDING_SOURCE,
  OP_REACH,
  OP_REACH_GROUP,
  OP_LOCAL_NEED,
  OP_PLAN_TEXT,
  OP_START_YEAR,
  OP_YEARS,
  OP_BUDGET,
  OP_PLAN_DETAILS,
  OP_DISMISS,
  OP_RESTORE,
  OP_RESTORE_ALL,
  OP_UNDO,
  OP_REDO,
  OP_SAVE,
  OP_SAVE_FILE,
  OP_EXPORT_CSV,
  OP_RELOAD,
  OP_RELOAD_FILE,
  OP_NEW,
  /* Issue 15: a weight of the appraisal's (a review criterion's), in range or refused. */
  OP_APPRAISAL_WEIGHT,
  /* Issue 15: add (e 0), rename (e 1) or remove (e 2) the local service local-POSITION; refused
   * (no edit) when it is there to add, or not there to rename or remove. */
  OP_LOCAL_SERVICE,
  /* Issue 15: import a file's local services (ids, each "local-N\tname", as the model holds
   * them): all added as one step, the plan's own (the same name) skipped, and none added when
   * one differs from the plan's under its id. */
  OP_IMPORT_SERVICES,
  /* Issue 16: an item's quantity (e: the year index, taken modulo the plan's years), its unit
   * cost (a, b) in one year; every year made one year's (apply to all years); the year kind
   * (e); the uplift (a, basis points). */
  OP_YEAR_QUANTITY,
  OP_YEAR_COST,
  OP_APPLY_YEAR,
  OP_YEAR_KIND,
  OP_UPLIFT,
  N_OPS
} OpKind;

/* Everything an operation needs is resolved when it is made, so a replay of a subset of the
 * operations (while shrinking) does the same thing wherever it still can: positions are taken
 * modulo the number of items, and an operation with nothing to act on does nothing. */
typedef struct
{
  OpKind      kind;
  guint       position;
  const char *property;   /* static */
  const char *property2;  /* static */
  char       *text;       /* NULL means NULL */
  char       *text2;
  gint64      a;
  gint64      b;
  int         e;
  char      **ids;
} Op;

typedef struct
{
  WaymarkPlanItem *object;
  char            *id;
  char            *name;
  guint            levels, focus, works_with, evidence, impact, llr;
  gboolean         young, missing;
  guint            quantity;
  char            *unit;
  gint64           cost, cost_high;
  int              cost_source, funding_source;
  char            *funding_name;
  char            *provider;
  char            *notes;
  guint            reach;
  int              reach_group;
  char            *reach_source;
  /* Issue 16: the later years' own figures, by year index (0, the first, is unused); what a
   * year does not own is 0, as the plan keeps it. */
  gboolean         own_quantity[WAYMARK_PLAN_MAX_YEARS];
  guint            year_quantity[WAYMARK_PLAN_MAX_YEARS];
  gboolean         own_cost[WAYMARK_PLAN_MAX_YEARS];
  gint64           year_low[WAYMARK_PLAN_MAX_YEARS];
  gint64           year_high[WAYMARK_PLAN_MAX_YEARS];
} MItem;

typedef struct
{
  char      *title, *area, *organisation, *author;
  guint      start_year, years;
  gint64     budget;
  int        year_kind;  /* issue 16 */
  guint      uplift;
  GPtrArray *dismissed;  /* char * */
  guint      need[WAYMARK_REACH_GROUP_N];         /* local needs, by group */
  char      *need_source[WAYMARK_REACH_GROUP_N];  /* their sources, never NULL */
  gint       weight[WAYMARK_REVIEW_CRITERION_N];  /* the appraisal's review weights */
  GPtrArray *services;   /* the local services, each "id\tname" */
  GPtrArray *items;      /* MItem * */
  char      *text;       /* what mplan_text() gave, cached */
  char      *json;       /* masked saved JSON when known, "" when it overflows */
} MPlan;

typedef struct
{
  WaymarkCatalogue *catalogue;
  GPtrArray        *ids;        /* every intervention id in the catalogue */
  char             *tmpdir;
  GRand            *rand;
  GPtrArray        *ops;        /* Op *, as run */
  GPtrArray        *recent;     /* texts used lately, to set a field "back" */
  guint             check_every;
  gboolean          quiet;
  int               step_fd;    /* fork mode: each step number is written here */

  WaymarkPlan      *plan;
  GPtrArray        *mirror;     /* the items as items-changed told them */
  guint             n_changed;
  GPtrArray        *history;    /* MPlan *, one per undo depth of this session */
  guint             cursor;
  int               saved;      /* history index of the saved state, -1 if unreachable */

  guint             step;
  guint             n_full_checks;
  guint             n_sessions;
  GString          *failure;
} Run;

/* For the shrinker's own test: a fault planted in the checks. */
static gboolean (*planted_fault) (WaymarkPlan *plan) = NULL;
static guint last_shortest = 0;

/* Logged warnings and criticals fail the run; g_test_init makes them fatal, so they arrive
 * here before they would abort. */
static GString *logged = NULL;

static gboolean
on_fatal_log (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
  if (logged == NULL)
    logged = g_string_new (NULL);
  if (logged->len < 4000)
    g_string_append_printf (logged, "%s%s: %s", logged->len ? "; " : "",
                            log_domain ? log_domain : "(no domain)", message);
  return FALSE;
}

/* The model's text is shared between its states, which are copied at every step. */
static char *
rs_new (const char *text)
{
  return text != NULL ? g_ref_string_new (text) : NULL;
}

static char *
rs_ref (char *text)
{
  return text != NULL ? g_ref_string_acquire (text) : NULL;
}

static void
rs_free (char *text)
{
  if (text != NULL)
    g_ref_string_release (text);
}

static gboolean
texts_equal (const char *a,
             const char *b)
{
  if (a == b)
    return TRUE;
  return a != NULL && b != NULL && strcmp (a, b) == 0;
}

/* Operations */

static void
op_free (Op *op)
{
  g_free (op->text);
  g_free (op->text2);
  g_strfreev (op->ids);
  g_free (op);
}

static char *
quote (const char *text)
{
  g_autofree char *escaped = NULL;
  glong len;

  if (text == NULL)
    return g_strdup ("NULL");
  len = g_utf8_strlen (text, -1);
  if (len > 40)
    {
      g_autofree char *head = g_utf8_substring (text, 0, 30);
      escaped = g_strescape (head, NULL);
      return g_strdup_printf ("'%s…' (%ld characters)", escaped, len);
    }
  escaped = g_strescape (text, NULL);
  return g_strdup_printf ("'%s'", escaped);
}

static char *
describe_op (const Op *op)
{
  g_autofree char *t = quote (op->text);
  g_autofree char *t2 = quote (op->text2);

  switch (op->kind)
    {
    case OP_ADD:
      return g_strdup_printf ("add %s", op->ids[0]);
    case OP_ADD_SEVERAL:
      {
        g_autofree char *ids = g_strjoinv (", ", op->ids);
        return g_strdup_printf ("add several [%s]", ids);
      }
    case OP_REMOVE:
      return g_strdup_printf ("remove item %u", op->position);
    case OP_ITEM_TEXT:
      return g_strdup_printf ("set item %u %s %s", op->position, op->property, t);
    case OP_ITEM_TEXT_TWICE:
      return g_strdup_printf ("set item %u %s %s then %s in one edit", op->position,
                              op->property, t, t2);
    case OP_ITEM_TEXTS:
      return g_strdup_printf ("set item %u %s %s and %s %s", op->position, op->property, t,
                              op->property2, t2);
    case OP_QUANTITY:
      return g_strdup_printf ("set item %u quantity %" G_GINT64_FORMAT, op->position, op->a);
    case OP_SET_COST:
      return g_strdup_printf ("set item %u cost %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT
                              " (%s)", op->position, op->a, op->b,
                              g_enum_get_value (g_type_class_peek (WAYMARK_TYPE_COST_SOURCE),
                                                op->e)->value_nick);
    case OP_COST_FIELD:
      return g_strdup_printf ("set item %u %s %" G_GINT64_FORMAT, op->position, op->property,
                              op->a);
    case OP_COST_SOURCE:
      return g_strdup_printf ("set item %u cost-source %d", op->position, op->e);
    case OP_FUNDING_SOURCE:
      return g_strdup_printf ("set item %u funding-source %d", op->position, op->e);
    case OP_REACH:
      return g_strdup_printf ("set item %u reach %" G_GINT64_FORMAT, op->position, op->a);
    case OP_REACH_GROUP:
      return g_strdup_printf ("set item %u reach-group %d", op->position, op->e);
    case OP_LOCAL_NEED:
      {
        g_autofree char *shown = quote (op->text);

        return g_strdup_printf ("set local need of group %d to %" G_GINT64_FORMAT " from %s",
                                op->e, op->a, shown);
      }
    case OP_PLAN_TEXT:
      return g_strdup_printf ("set plan %s %s", op->property, t);
    case OP_START_YEAR:
      return g_strdup_printf ("set plan start-year %" G_GINT64_FORMAT, op->a);
    case OP_YEARS:
      return g_strdup_printf ("set plan years %" G_GINT64_FORMAT, op->a);
    case OP_APPRAISAL_WEIGHT:
      return g_strdup_printf ("set appraisal weight %d to %" G_GINT64_FORMAT, op->e, op->a);
    case OP_LOCAL_SERVICE:
      return g_strdup_printf ("%s local service local-%u%s%s",
                              op->e == 0 ? "add" : op->e == 1 ? "rename" : "remove",
                              op->position, op->e < 2 ? " as " : "", op->e < 2 ? t : "");
    case OP_IMPORT_SERVICES:
      {
        g_autofree char *ids = g_strjoinv (", ", op->ids);
        return g_strdup_printf ("import local services [%s]", ids);
      }
    case OP_BUDGET:
      return g_strdup_printf ("set plan budget %" G_GINT64_FORMAT, op->a);
    case OP_YEAR_QUANTITY:
      return g_strdup_printf ("set item %u quantity in year %d to %" G_GINT64_FORMAT,
                              op->position, op->e, op->a);
    case OP_YEAR_COST:
      return g_strdup_printf ("set item %u cost in year %d to %" G_GINT64_FORMAT " to %"
                              G_GINT64_FORMAT, op->position, op->e, op->a, op->b);
    case OP_APPLY_YEAR:
      return g_strdup_printf ("apply item %u's year %d to all years", op->position, op->e);
    case OP_YEAR_KIND:
      return g_strdup_printf ("set plan year-kind %d", op->e);
    case OP_UPLIFT:
      return g_strdup_printf ("set plan uplift %" G_GINT64_FORMAT, op->a);
    case OP_PLAN_DETAILS:
      return g_strdup_printf ("set plan title %s, years %" G_GINT64_FORMAT ", budget %"
                              G_GINT64_FORMAT " in one edit", t, op->a, op->b);
    case OP_DISMISS:
      return g_strdup_printf ("dismiss warning %s", t);
    case OP_RESTORE:
      return g_strdup_printf ("restore warning %s", t);
    case OP_RESTORE_ALL:
      return g_strdup_printf ("restore all warnings (dismissed-warnings %s)",
                              op->a ? "NULL" : "[]");
    case OP_UNDO:
      return g_strdup_printf ("undo %" G_GINT64_FORMAT, op->a);
    case OP_REDO:
      return g_strdup_printf ("redo %" G_GINT64_FORMAT, op->a);
    case OP_SAVE:
      return g_strdup ("save");
    case OP_SAVE_FILE:
      return g_strdup ("save to a file");
    case OP_EXPORT_CSV:
      return g_strdup ("export CSV to a file");
    case OP_RELOAD:
      return g_strdup ("save and reopen");
    case OP_RELOAD_FILE:
      return g_strdup ("save to a file and reopen it");
    case OP_NEW:
      return g_strdup ("new plan");
    case N_OPS:
    default:
      g_assert_not_reached ();
    }
}

/* The model */

static void
mitem_free (MItem *item)
{
  g_clear_object (&item->object);
  rs_free (item->id);
  rs_free (item->name);
  rs_free (item->unit);
  rs_free (item->provider);
  rs_free (item->notes);
  rs_free (item->reach_source);
  rs_free (item->funding_name);
  g_free (item);
}

static MItem *
mitem_copy (const MItem *src)
{
  MItem *item = g_memdup2 (src, sizeof *src);

  item->object = src->object ? g_object_ref (src->object) : NULL;
  item->id = rs_ref (src->id);
  item->name = rs_ref (src->name);
  item->unit = rs_ref (src->unit);
  item->provider = rs_ref (src->provider);
  item->notes = rs_ref (src->notes);
  item->reach_source = rs_ref (src->reach_source);
  item->funding_name = rs_ref (src->funding_name);
  return item;
}

static MItem *
mitem_observe (WaymarkPlanItem *object)
{
  MItem *item = g_new0 (MItem, 1);

  item->object = g_object_ref (object);
  item->id = rs_new (waymark_plan_item_get_intervention_id (object));
  item->name = rs_new (waymark_plan_item_get_name (object));
  item->levels = waymark_plan_item_get_levels (object);
  item->focus = waymark_plan_item_get_focus (object);
  item->works_with = waymark_plan_item_get_works_with (object);
  item->evidence = waymark_plan_item_get_evidence_rating (object);
  item->impact = waymark_plan_item_get_impact_rating (object);
  item->llr = waymark_plan_item_get_llr_status (object);
  item->young = waymark_plan_item_get_for_young_people (object);
  item->missing = waymark_plan_item_get_missing (object);
  item->quantity = waymark_plan_item_get_quantity (object);
  item->unit = rs_new (waymark_plan_item_get_unit (object));
  item->cost = waymark_plan_item_get_unit_cost (object);
  item->cost_high = waymark_plan_item_get_unit_cost_high (object);
  item->cost_source = waymark_plan_item_get_cost_source (object);
  item->funding_source = waymark_plan_item_get_funding_source (object);
  item->provider = rs_new (waymark_plan_item_get_provider (object));
  item->notes = rs_new (waymark_plan_item_get_notes (object));
  item->reach = waymark_plan_item_get_reach (object);
  item->reach_group = waymark_plan_item_get_reach_group (object);
  item->reach_source = rs_new (waymark_plan_item_get_reach_source (object));
  item->funding_name = rs_new (waymark_plan_item_get_funding_name (object));
  for (guint y = 1; y < WAYMARK_PLAN_MAX_YEARS; y++)
    {
      WaymarkYearFigure figure;

      waymark_year_figures_get (waymark_plan_item_get_year_figures (object), y, &figure);
      item->own_quantity[y] = figure.own_quantity;
      item->year_quantity[y] = figure.quantity;
      item->own_cost[y] = figure.own_cost;
      item->year_low[y] = figure.unit_low;
      item->year_high[y] = figure.unit_high;
    }
  return item;
}

/* A year's quantity and unit cost as entered: its own, else the first year's. */
static void
mitem_year_entered (const MItem *item,
                    guint        y,
                    guint       *quantity,
                    gint64      *low,
                    gint64      *high)
{
  *quantity = y > 0 && item->own_quantity[y] ? item->year_quantity[y] : item->quantity;
  *low = y > 0 && item->own_cost[y] ? item->year_low[y] : item->cost;
  *high = y > 0 && item->own_cost[y] ? item->year_high[y] : item->cost_high;
  *high = *low == WAYMARK_NO_COST ? WAYMARK_NO_COST : MAX (*high, *low);
}

static void
mitem_copy_year (MItem *item,
                 guint  to,
                 guint  from)
{
  item->own_quantity[to] = from > 0 && item->own_quantity[from];
  item->year_quantity[to] = from > 0 ? item->year_quantity[from] : 0;
  item->own_cost[to] = from > 0 && item->own_cost[from];
  item->year_low[to] = from > 0 ? item->year_low[from] : 0;
  item->year_high[to] = from > 0 ? item->year_high[from] : 0;
}

/* The plan's years from `before` to `after`: the years kept keep theirs, the years dropped lose
 * theirs, new years copy the last the plan had. */
static void
mitem_resize_years (MItem *item,
                    guint  before,
                    guint  after)
{
  for (guint y = MAX (after, 1); y < WAYMARK_PLAN_MAX_YEARS; y++)
    mitem_copy_year (item, y, 0);
  for (guint y = before; y < after; y++)
    mitem_copy_year (item, y, before - 1);
}

static void
mplan_free (MPlan *m)
{
  rs_free (m->title);
  rs_free (m->area);
  rs_free (m->organisation);
  rs_free (m->author);
  g_ptr_array_unref (m->dismissed);
  for (guint g = 0; g < WAYMARK_REACH_GROUP_N; g++)
    rs_free (m->need_source[g]);
  g_ptr_array_unref (m->items);
  g_ptr_array_unref (m->services);
  g_free (m->text);
  g_free (m->json);
  g_free (m);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MPlan, mplan_free)

static MPlan *
mplan_new (void)
{
  MPlan *m = g_new0 (MPlan, 1);

  m->dismissed = g_ptr_array_new_with_free_func (g_free);
  m->items = g_ptr_array_new_with_free_func ((GDestroyNotify) mitem_free);
  m->services = g_ptr_array_new_with_free_func (g_free);
  return m;
}

/* What a new plan holds. */
static MPlan *
mplan_new_default (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  MPlan *m = mplan_new ();

  m->title = rs_new ("");
  m->area = rs_new (WAYMARK_PLAN_DEFAULT_AREA);
  m->organisation = rs_new ("");
  m->author = rs_new ("");
  m->start_year = (guint) g_date_time_get_year (now);
  m->years = 1;
  m->budget = 0;
  m->year_kind = WAYMARK_YEAR_KIND_FINANCIAL;
  m->uplift = 0;
  /* As documented: evidence and impact weigh 1, the other review criteria 0. */
  m->weight[WAYMARK_REVIEW_CRITERION_EVIDENCE] = 100;
  m->weight[WAYMARK_REVIEW_CRITERION_IMPACT] = 100;
  for (guint g = 0; g < WAYMARK_REACH_GROUP_N; g++)
    m->need_source[g] = rs_new ("");
  return m;
}

static MPlan *
mplan_copy (const MPlan *src)
{
  MPlan *m = mplan_new ();

  m->title = rs_ref (src->title);
  m->area = rs_ref (src->area);
  m->organisation = rs_ref (src->organisation);
  m->author = rs_ref (src->author);
  m->start_year = src->start_year;
  m->years = src->years;
  m->budget = src->budget;
  m->year_kind = src->year_kind;
  m->uplift = src->uplift;
  memcpy (m->weight, src->weight, sizeof m->weight);
  for (guint g = 0; g < WAYMARK_REACH_GROUP_N; g++)
    {
      m->need[g] = src->need[g];
      m->need_source[g] = rs_ref (src->need_source[g]);
    }
  for (guint i = 0; i < src->dismissed->len; i++)
    g_ptr_array_add (m->dismissed, g_strdup (g_ptr_array_index (src->dismissed, i)));
  for (guint i = 0; i < src->items->len; i++)
    g_ptr_array_add (m->items, mitem_copy (g_ptr_array_index (src->items, i)));
  for (guint i = 0; i < src->services->len; i++)
    g_ptr_array_add (m->services, g_strdup (g_ptr_array_index (src->services, i)));
  return m;
}

static MPlan *
mplan_observe (WaymarkPlan *plan)
{
  MPlan *m = mplan_new ();
  const char * const *dismissed = waymark_plan_get_dismissed_warnings (plan);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (plan));

  m->title = rs_new (waymark_plan_get_title (plan));
  m->area = rs_new (waymark_plan_get_area (plan));
  m->organisation = rs_new (waymark_plan_get_organisation (plan));
  m->author = rs_new (waymark_plan_get_author (plan));
  m->start_year = waymark_plan_get_start_year (plan);
  m->years = waymark_plan_get_years (plan);
  m->budget = waymark_plan_get_budget (plan);
  m->year_kind = waymark_plan_get_year_kind (plan);
  m->uplift = waymark_plan_get_uplift (plan);
  for (guint c = 0; c < WAYMARK_REVIEW_CRITERION_N; c++)
    m->weight[c] = waymark_appraisal_get_weight (waymark_plan_get_appraisal (plan), c);
  for (guint g = 0; g < WAYMARK_REACH_GROUP_N; g++)
    {
      const char *source = NULL;

      m->need[g] = waymark_plan_get_local_need (plan, g, &source);
      m->need_source[g] = rs_new (source);
    }
  for (guint i = 0; dismissed != NULL && dismissed[i] != NULL; i++)
    g_ptr_array_add (m->dismissed, g_strdup (dismissed[i]));
  if (dismissed == NULL)
    g_ptr_array_add (m->dismissed, g_strdup ("<dismissed-warnings is NULL>"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);
      g_ptr_array_add (m->items, mitem_observe (item));
    }
  for (guint i = 0; i < g_list_model_get_n_items (waymark_plan_get_local_services (plan)); i++)
    {
      g_autoptr(WaymarkLocalService) service =
        g_list_model_get_item (waymark_plan_get_local_services (plan), i);

      g_ptr_array_add (m->services, g_strdup_printf ("%s\t%s",
                                                     waymark_local_service_get_id (service),
                                                     waymark_local_service_get_name (service)));
    }
  return m;
}

static void
append_text (GString    *out,
             const char *key,
             const char *value)
{
  if (value == NULL)
    {
      g_string_append_printf (out, "%s=NULL\n", key);
    }
  else
    {
      g_autofree char *escaped = g_strescape (value, NULL);
      g_string_append_printf (out, "%s=\"%s\"\n", key, escaped);
    }
}

/* Every field, NULL told apart from "", one line each: what a failure shows. */
static const char *
mplan_text (MPlan *m)
{
  GString *out;

  if (m->text != NULL)
    return m->text;

  out = g_string_new (NULL);
  append_text (out, "title", m->title);
  append_text (out, "area", m->area);
  append_text (out, "organisation", m->organisation);
  append_text (out, "author", m->author);
  g_string_append_printf (out, "start-year=%u\nyears=%u\nbudget=%" G_GINT64_FORMAT "\n",
                          m->start_year, m->years, m->budget);
  g_string_append_printf (out, "year-kind=%d\nuplift=%u\n", m->year_kind, m->uplift);
  for (guint i = 0; i < m->dismissed->len; i++)
    append_text (out, "dismissed", g_ptr_array_index (m->dismissed, i));
  for (guint c = 0; c < WAYMARK_REVIEW_CRITERION_N; c++)
    g_string_append_printf (out, "weight %u=%d\n", c, m->weight[c]);
  for (guint g = 0; g < WAYMARK_REACH_GROUP_N; g++)
    {
      g_string_append_printf (out, "need %u=%u\n", g, m->need[g]);
      append_text (out, "need-source", m->need_source[g]);
    }
  for (guint i = 0; i < m->services->len; i++)
    append_text (out, "local-service", g_ptr_array_index (m->services, i));
  for (guint i = 0; i < m->items->len; i++)
    {
      MItem *item = g_ptr_array_index (m->items, i);

      g_string_append_printf (out, "item %u:\n", i);
      append_text (out, "  id", item->id);
      append_text (out, "  name", item->name);
      g_string_append_printf (out, "  levels=%u focus=%u works-with=%u evidence=%u impact=%u "
                              "llr=%u young=%d missing=%d\n", item->levels, item->focus,
                              item->works_with, item->evidence, item->impact, item->llr,
                              item->young, item->missing);
      g_string_append_printf (out, "  quantity=%u\n", item->quantity);
      append_text (out, "  unit", item->unit);
      g_string_append_printf (out, "  unit-cost=%" G_GINT64_FORMAT "\n  unit-cost-high=%"
                              G_GINT64_FORMAT "\n  cost-source=%d\n  funding-source=%d\n",
                              item->cost, item->cost_high, item->cost_source,
                              item->funding_source);
      append_text (out, "  provider", item->provider);
      append_text (out, "  notes", item->notes);
      g_string_append_printf (out, "  reach=%u reach-group=%d\n", item->reach, item->reach_group);
      append_text (out, "  reach-source", item->reach_source);
      append_text (out, "  funding-name", item->funding_name);
      for (guint y = 1; y < WAYMARK_PLAN_MAX_YEARS; y++)
        if (item->own_quantity[y] || item->own_cost[y] || item->year_quantity[y] != 0 ||
            item->year_low[y] != 0 || item->year_high[y] != 0)
          g_string_append_printf (out, "  year %u: own-quantity=%d %u own-cost=%d %"
                                  G_GINT64_FORMAT "-%" G_GINT64_FORMAT "\n", y,
                                  item->own_quantity[y], item->year_quantity[y],
                                  item->own_cost[y], item->year_low[y], item->year_high[y]);
    }

  m->text = g_string_free (out, FALSE);
  return m->text;
}

/* Whether two states are the same, field by field (NULL is not ""); items by content only. */
static gboolean
mplan_equal (const MPlan *a,
             const MPlan *b)
{
  if (!texts_equal (a->title, b->title) || !texts_equal (a->area, b->area) ||
      !texts_equal (a->organisation, b->organisation) || !texts_equal (a->author, b->author) ||
      a->start_year != b->start_year || a->years != b->years || a->budget != b->budget ||
      a->year_kind != b->year_kind || a->uplift != b->uplift ||
      a->dismissed->len != b->dismissed->len || a->items->len != b->items->len ||
      memcmp (a->weight, b->weight, sizeof a->weight) != 0 ||
      a->services->len != b->services->len)
    return FALSE;
  for (guint i = 0; i < a->services->len; i++)
    if (!g_str_equal (g_ptr_array_index (a->services, i), g_ptr_array_index (b->services, i)))
      return FALSE;
  for (guint i = 0; i < a->dismissed->len; i++)
    if (!g_str_equal (g_ptr_array_index (a->dismissed, i), g_ptr_array_index (b->dismissed, i)))
      return FALSE;
  for (guint g = 0; g < WAYMARK_REACH_GROUP_N; g++)
    if (a->need[g] != b->need[g] || !texts_equal (a->need_source[g], b->need_source[g]))
      return FALSE;
  for (guint i = 0; i < a->items->len; i++)
    {
      const MItem *x = g_ptr_array_index (a->items, i);
      const MItem *y = g_ptr_array_index (b->items, i);

      if (!texts_equal (x->id, y->id) || !texts_equal (x->name, y->name) ||
          x->levels != y->levels || x->focus != y->focus || x->works_with != y->works_with ||
          x->evidence != y->evidence || x->impact != y->impact || x->llr != y->llr ||
          x->young != y->young || x->missing != y->missing || x->quantity != y->quantity ||
          !texts_equal (x->unit, y->unit) || x->cost != y->cost ||
          x->cost_high != y->cost_high || x->cost_source != y->cost_source ||
          x->funding_source != y->funding_source || !texts_equal (x->provider, y->provider) ||
          !texts_equal (x->notes, y->notes) || x->reach != y->reach ||
          x->reach_group != y->reach_group || !texts_equal (x->reach_source, y->reach_source) ||
          !texts_equal (x->funding_name, y->funding_name) ||
          memcmp (x->own_quantity, y->own_quantity, sizeof x->own_quantity) != 0 ||
          memcmp (x->year_quantity, y->year_quantity, sizeof x->year_quantity) != 0 ||
          memcmp (x->own_cost, y->own_cost, sizeof x->own_cost) != 0 ||
          memcmp (x->year_low, y->year_low, sizeof x->year_low) != 0 ||
          memcmp (x->year_high, y->year_high, sizeof x->year_high) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
mplan_touch (MPlan *m)
{
  g_clear_pointer (&m->text, g_free);
  g_clear_pointer (&m->json, g_free);
}

/* The first line where two states differ, for a failure message. */
static char *
first_difference (const char *expected,
                  const char *actual)
{
  g_auto(GStrv) e = g_strsplit (expected, "\n", -1);
  g_auto(GStrv) a = g_strsplit (actual, "\n", -1);

  for (guint i = 0; e[i] != NULL || a[i] != NULL; i++)
    {
      if (e[i] == NULL || a[i] == NULL || !g_str_equal (e[i], a[i]))
        {
          g_autofree char *ee = e[i] ? g_utf8_make_valid (e[i], MIN (strlen (e[i]), 200)) : NULL;
          g_autofree char *aa = a[i] ? g_utf8_make_valid (a[i], MIN (strlen (a[i]), 200)) : NULL;

          return g_strdup_printf ("line %u: expected [%s], got [%s]", i + 1,
                                  ee ? ee : "(end)", aa ? aa : "(end)");
        }
    }
  return g_strdup ("(no difference)");
}

static gint64
clamp64 (gint64 value,
         gint64 low,
         gint64 high)
{
  return value < low ? low : value > high ? high : value;
}

/* Totals, added up here from the model's items */

typedef struct
{
  gint64   annual_low, annual_high, total_low, total_high;
  gint64   remaining_low, remaining_high, budget_per_year;
  guint    n_items, n_without_cost;
  gboolean overflow;
} MTotals;

/* The uplift, worked out here another way than the plan does: (10000 + bp) / 10000 reduced
 * by their greatest common divisor, and the powers in 128 bits. The test's uplifts
 * (random_uplift) keep the reduced numerator at most 101, so 2 x 10^11 x 101^9 fits. FALSE
 * past the limit a unit cost may reach. */
static gboolean
m_uplift (gint64  cost,
          guint   bp,
          guint   years,
          gint64 *out)
{
  guint64 n = 10000 + bp, d = 10000, a = n, b = d;
  __int128 num = (__int128) cost * 2, den = 1;

  while (b != 0)
    {
      guint64 t = a % b;
      a = b;
      b = t;
    }
  n /= a;
  d /= a;
  g_assert (n <= 101 || (n == 2 && d == 1) || bp > 10000);
  for (guint i = 0; i < years; i++)
    {
      num *= n;
      den *= d;
    }
  num = (num / den + 1) / 2;
  if (num > TOTAL_LIMIT)
    return FALSE;
  *out = (gint64) num;
  return TRUE;
}

/* One year's totals; FALSE when they overflow. */
static gboolean
myear_totals (const MPlan *m,
              guint        y,
              __int128    *low,
              __int128    *high,
              gboolean    *without_cost)
{
  gboolean ok = TRUE;

  *low = *high = 0;
  for (guint i = 0; i < m->items->len; i++)
    {
      MItem *item = g_ptr_array_index (m->items, i);
      guint quantity;
      gint64 unit_low, unit_high;

      mitem_year_entered (item, y, &quantity, &unit_low, &unit_high);
      if (unit_low == WAYMARK_NO_COST)
        {
          without_cost[i] = TRUE;
          continue;
        }
      if (y > 0 && m->uplift > 0 && item->cost_source != WAYMARK_COST_SOURCE_REVIEW &&
          !(m_uplift (unit_low, m->uplift, y, &unit_low) &&
            m_uplift (unit_high, m->uplift, y, &unit_high)))
        {
          ok = FALSE;
          continue;
        }
      if ((__int128) unit_low * quantity > TOTAL_LIMIT ||
          (__int128) unit_high * quantity > TOTAL_LIMIT)
        ok = FALSE;
      *low += (__int128) unit_low * quantity;
      *high += (__int128) unit_high * quantity;
      if (*low > TOTAL_LIMIT || *high > TOTAL_LIMIT)
        ok = FALSE;
    }
  return ok;
}

static void
mplan_totals (const MPlan *m,
              MTotals     *t)
{
  __int128 total_low = 0, total_high = 0, first_low = 0, first_high = 0;
  g_autofree gboolean *without_cost = g_new0 (gboolean, m->items->len + 1);
  gboolean overflow = FALSE;

  memset (t, 0, sizeof *t);
  t->n_items = m->items->len;
  for (guint y = 0; y < m->years; y++)
    {
      __int128 low, high;

      if (!myear_totals (m, y, &low, &high, without_cost))
        overflow = TRUE;
      if (y == 0)
        {
          first_low = low;
          first_high = high;
        }
      total_low += low;
      total_high += high;
      if (total_low > TOTAL_LIMIT || total_high > TOTAL_LIMIT)
        overflow = TRUE;
    }
  for (guint i = 0; i < m->items->len; i++)
    t->n_without_cost += without_cost[i] ? 1 : 0;

  t->overflow = overflow;
  if (!overflow)
    {
      t->annual_low = (gint64) first_low;
      t->annual_high = (gint64) first_high;
      t->total_low = (gint64) total_low;
      t->total_high = (gint64) total_high;
    }
  t->remaining_low = m->budget - t->total_high;
  t->remaining_high = m->budget - t->total_low;
  t->budget_per_year = m->budget / (gint64) m->years;
}

/* Failures */

static gboolean
failed (Run *run)
{
  if (logged != NULL && logged->len > 0 && run->failure == NULL)
    {
      run->failure = g_string_new (NULL);
      g_string_printf (run->failure, "a warning or critical was logged: %s", logged->str);
    }
  return run->failure != NULL;
}

static gboolean fail (Run *run, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (Run        *run,
      const char *format,
      ...)
{
  va_list args;

  if (run->failure != NULL)
    return FALSE;
  run->failure = g_string_new (NULL);
  va_start (args, format);
  g_string_vprintf (run->failure, format, args);
  va_end (args);
  return FALSE;
}

/* JSON */

/* exported_at records when the plan last changed, and an undo is a change: compare the rest. */
static char *
mask_exported_at (const char *json)
{
  const char *key = strstr (json, "\"exported_at\"");
  const char *open, *close;

  if (key == NULL)
    return g_strdup (json);
  open = strchr (key + strlen ("\"exported_at\""), '"');
  close = open ? strchr (open + 1, '"') : NULL;
  if (close == NULL)
    return g_strdup (json);
  return g_strdup_printf ("%.*s\"…\"%s", (int) (open - json), json, close + 1);
}

/* The plan's JSON, or "" when its totals overflow (and then the writer must say so). */
static char *
save_json (Run         *run,
           WaymarkPlan *plan,
           gboolean     overflow)
{
  g_autoptr(GError) error = NULL;
  char *json = waymark_plan_to_json (plan, run->catalogue, &error);

  if (overflow)
    {
      if (json != NULL)
        fail (run, "the totals overflow, yet the plan was saved");
      else if (!g_error_matches (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_TOTAL_TOO_LARGE))
        fail (run, "the totals overflow, and saving failed with the wrong error: %s",
              error->message);
      g_free (json);
      return g_strdup ("");
    }
  if (json == NULL)
    {
      fail (run, "saving failed: %s", error->message);
      return NULL;
    }
  return json;
}

/* Loads `json` through the real reader and checks that it holds `expected` and saves to the
 * same bytes. Returns the loaded plan. */
static WaymarkPlan *
load_and_compare (Run        *run,
                  const char *json,
                  GFile      *file,
                  MPlan      *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkPlan) loaded = NULL;
  g_autofree char *again = NULL;
  g_autoptr(MPlan) m = NULL;

  if (file != NULL)
    {
      loaded = waymark_plan_new_from_file (file, run->catalogue, &error);
    }
  else
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      loaded = waymark_plan_new_from_bytes (bytes, "model.waymark", run->catalogue, &error);
    }
  if (loaded == NULL)
    {
      fail (run, "a plan Waymark saved cannot be opened: %s", error->message);
      return NULL;
    }

  m = mplan_observe (loaded);
  if (!mplan_equal (m, expected))
    {
      g_autofree char *diff = first_difference (mplan_text (expected), mplan_text (m));
      fail (run, "save -> load does not give the plan that was saved: %s", diff);
      return NULL;
    }
  if (waymark_plan_get_modified (loaded) || waymark_plan_can_undo (loaded) ||
      waymark_plan_can_redo (loaded))
    {
      fail (run, "a plan just opened is modified or has undo history");
      return NULL;
    }

  again = waymark_plan_to_json (loaded, run->catalogue, &error);
  if (again == NULL || !g_str_equal (again, json))
    {
      fail (run, "save -> load -> save does not give the same bytes%s%s",
            error ? ": " : "", error ? error->message : "");
      return NULL;
    }

  return g_steal_pointer (&loaded);
}

/* The plan under test */

static void
on_changed (WaymarkPlan *plan,
            Run         *run)
{
  run->n_changed++;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Run        *run)
{
  if (position + removed > run->mirror->len)
    {
      fail (run, "items-changed (%u, %u, %u) on a list of %u", position, removed, added,
            run->mirror->len);
      return;
    }
  g_ptr_array_remove_range (run->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (run->mirror, (int) (position + i),
                        g_list_model_get_item (model, position + i));
}

static void
mirror_reset (Run *run)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (run->plan));

  g_ptr_array_set_size (run->mirror, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (run->mirror, g_list_model_get_item (G_LIST_MODEL (run->plan), i));
}

static void
release_plan (Run *run)
{
  WaymarkPlan *plan = g_steal_pointer (&run->plan);

  if (plan == NULL)
    return;
  g_signal_handlers_disconnect_by_data (plan, run);
  g_ptr_array_set_size (run->mirror, 0);
  g_ptr_array_set_size (run->history, 0);
  g_object_add_weak_pointer (G_OBJECT (plan), (gpointer *) &plan);
  g_object_unref (plan);
  if (plan != NULL)
    {
      fail (run, "a plan let go of is still alive: something holds a reference to it");
      g_object_remove_weak_pointer (G_OBJECT (plan), (gpointer *) &plan);
    }
}

/* Starts a session (a new or opened plan: a fresh undo history) with `start` as its state. */
static void
adopt_plan (Run         *run,
            WaymarkPlan *plan,
            MPlan       *start)
{
  release_plan (run);
  run->plan = plan;
  g_signal_connect (plan, "changed", G_CALLBACK (on_changed), run);
  g_signal_connect (plan, "items-changed", G_CALLBACK (on_items_changed), run);
  mirror_reset (run);
  g_ptr_array_add (run->history, start);
  run->cursor = 0;
  run->saved = 0;
  run->n_sessions++;
}

static MPlan *
model (Run *run)
{
  return g_ptr_array_index (run->history, run->cursor);
}

/* Checks */

/* Whether the plan holds the model's state, read through its getters without copying: this
 * runs several times a step. */
static gboolean
plan_matches (WaymarkPlan *plan,
              MPlan       *m)
{
  const char * const *dismissed = waymark_plan_get_dismissed_warnings (plan);

  if (!texts_equal (waymark_plan_get_title (plan), m->title) ||
      !texts_equal (waymark_plan_get_area (plan), m->area) ||
      !texts_equal (waymark_plan_get_organisation (plan), m->organisation) ||
      !texts_equal (waymark_plan_get_author (plan), m->author) ||
      waymark_plan_get_start_year (plan) != m->start_year ||
      waymark_plan_get_years (plan) != m->years ||
      waymark_plan_get_budget (plan) != m->budget ||
      dismissed == NULL || g_strv_length ((char **) dismissed) != m->dismissed->len ||
      g_list_model_get_n_items (G_LIST_MODEL (plan)) != m->items->len)
    return FALSE;
  for (guint i = 0; i < m->dismissed->len; i++)
    if (!g_str_equal (dismissed[i], g_ptr_array_index (m->dismissed, i)))
      return FALSE;
  for (guint c = 0; c < WAYMARK_REVIEW_CRITERION_N; c++)
    if (waymark_appraisal_get_weight (waymark_plan_get_appraisal (plan), c) != m->weight[c])
      return FALSE;
  if (g_list_model_get_n_items (waymark_plan_get_local_services (plan)) != m->services->len)
    return FALSE;
  for (guint i = 0; i < m->services->len; i++)
    {
      g_autoptr(WaymarkLocalService) service =
        g_list_model_get_item (waymark_plan_get_local_services (plan), i);
      g_autofree char *seen = g_strdup_printf ("%s\t%s", waymark_local_service_get_id (service),
                                               waymark_local_service_get_name (service));

      if (!g_str_equal (seen, g_ptr_array_index (m->services, i)))
        return FALSE;
    }
  for (guint g = 0; g < WAYMARK_REACH_GROUP_N; g++)
    {
      const char *source = NULL;

      if (waymark_plan_get_local_need (plan, g, &source) != m->need[g] ||
          !texts_equal (source, m->need_source[g]))
        return FALSE;
    }
  for (guint i = 0; i < m->items->len; i++)
    {
      const MItem *x = g_ptr_array_index (m->items, i);
      WaymarkPlanItem *y = x->object;
      guint position;

      /* The same object at the same place (undo puts back the very item), holding the same. */
      if (waymark_plan_find_item (plan, x->id, &position) != y || position != i ||
          !texts_equal (waymark_plan_item_get_intervention_id (y), x->id) ||
          !texts_equal (waymark_plan_item_get_name (y), x->name) ||
          waymark_plan_item_get_levels (y) != x->levels ||
          waymark_plan_item_get_focus (y) != x->focus ||
          waymark_plan_item_get_works_with (y) != x->works_with ||
          waymark_plan_item_get_evidence_rating (y) != x->evidence ||
          waymark_plan_item_get_impact_rating (y) != x->impact ||
          waymark_plan_item_get_llr_status (y) != x->llr ||
          waymark_plan_item_get_for_young_people (y) != x->young ||
          waymark_plan_item_get_missing (y) != x->missing ||
          waymark_plan_item_get_quantity (y) != x->quantity ||
          !texts_equal (waymark_plan_item_get_unit (y), x->unit) ||
          waymark_plan_item_get_unit_cost (y) != x->cost ||
          waymark_plan_item_get_unit_cost_high (y) != x->cost_high ||
          (int) waymark_plan_item_get_cost_source (y) != x->cost_source ||
          (int) waymark_plan_item_get_funding_source (y) != x->funding_source ||
          !texts_equal (waymark_plan_item_get_provider (y), x->provider) ||
          !texts_equal (waymark_plan_item_get_notes (y), x->notes) ||
          waymark_plan_item_get_reach (y) != x->reach ||
          (int) waymark_plan_item_get_reach_group (y) != x->reach_group ||
          !texts_equal (waymark_plan_item_get_reach_source (y), x->reach_source) ||
          !texts_equal (waymark_plan_item_get_funding_name (y), x->funding_name))
        return FALSE;
    }
  return TRUE;
}

/* The plan against the model: its state, undo and redo, modified, what items-changed told, and
 * with `all`, its totals against a sum made here, its breakdowns and its warnings. */
static gboolean
check_state_full (Run      *run,
                  gboolean  all)
{
  MPlan *m = model (run);
  MTotals expected;
  WaymarkPlanTotals totals;
  g_autoptr(GPtrArray) warnings = NULL;
  guint n_no_cost = 0;

  if (failed (run))
    return FALSE;

  if (!plan_matches (run->plan, m))
    {
      g_autoptr(MPlan) actual = mplan_observe (run->plan);
      g_autofree char *diff = first_difference (mplan_text (m), mplan_text (actual));

      for (guint i = 0; i < m->items->len && i < actual->items->len; i++)
        if (((MItem *) g_ptr_array_index (m->items, i))->object !=
            ((MItem *) g_ptr_array_index (actual->items, i))->object)
          return fail (run, "item %u is a different object from the one the model expects", i);
      return fail (run, "the plan is not what the model expects: %s", diff);
    }
  for (guint i = 0; i < m->items->len; i++)
    {
      MItem *want = g_ptr_array_index (m->items, i);

      if (i >= run->mirror->len || g_ptr_array_index (run->mirror, i) != want->object)
        return fail (run, "items-changed did not tell a view about item %u", i);
    }
  if (run->mirror->len != m->items->len)
    return fail (run, "items-changed told a view of %u items; the plan has %u",
                 run->mirror->len, m->items->len);

  if (waymark_plan_can_undo (run->plan) != (run->cursor > 0))
    return fail (run, "can-undo is %d; the model expects %d", waymark_plan_can_undo (run->plan),
                 run->cursor > 0);
  if (waymark_plan_can_redo (run->plan) != (run->cursor + 1 < run->history->len))
    return fail (run, "can-redo is %d; the model expects %d", waymark_plan_can_redo (run->plan),
                 run->cursor + 1 < run->history->len);
  if (waymark_plan_get_modified (run->plan) != (run->saved != (int) run->cursor))
    return fail (run, "modified is %d; the model expects %d",
                 waymark_plan_get_modified (run->plan), run->saved != (int) run->cursor);

  if (planted_fault != NULL && planted_fault (run->plan))
    return fail (run, "the planted fault");

  if (!all)
    return TRUE;

  mplan_totals (m, &expected);
  waymark_plan_get_totals (run->plan, &totals);
  if (totals.overflow != expected.overflow ||
      totals.annual_low != expected.annual_low || totals.annual_high != expected.annual_high ||
      totals.total_low != expected.total_low || totals.total_high != expected.total_high ||
      totals.remaining_low != expected.remaining_low ||
      totals.remaining_high != expected.remaining_high ||
      totals.budget_per_year != expected.budget_per_year ||
      totals.n_items != expected.n_items || totals.n_without_cost != expected.n_without_cost)
    return fail (run, "totals: the plan says overflow %d, annual %" G_GINT64_FORMAT "-%"
                 G_GINT64_FORMAT ", total %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                 ", remaining %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ", %u without cost; "
                 "added up here: overflow %d, annual %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                 ", total %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ", remaining %"
                 G_GINT64_FORMAT "-%" G_GINT64_FORMAT ", %u without cost",
                 totals.overflow, totals.annual_low, totals.annual_high, totals.total_low,
                 totals.total_high, totals.remaining_low, totals.remaining_high,
                 totals.n_without_cost, expected.overflow, expected.annual_low,
                 expected.annual_high, expected.total_low, expected.total_high,
                 expected.remaining_low, expected.remaining_high, expected.n_without_cost);

  /* And each year's (issue 16), where the whole plan could be added up. */
  for (guint y = 0; !expected.overflow && y < m->years; y++)
    {
      g_autofree gboolean *unused = g_new0 (gboolean, m->items->len + 1);
      WaymarkPlanTotals year;
      __int128 low, high;

      myear_totals (m, y, &low, &high, unused);
      waymark_plan_get_year_totals (run->plan, y, &year);
      if (year.overflow || year.total_low != (gint64) low || year.total_high != (gint64) high ||
          year.remaining_low != expected.budget_per_year - (gint64) high)
        return fail (run, "year %u: the plan says %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                     " (overflow %d); added up here: %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                     y, year.total_low, year.total_high, year.overflow, (gint64) low,
                     (gint64) high);
    }

  /* Each item counts once by level, focus, evidence and funding source: each breakdown adds up
   * to the year. */
  if (!expected.overflow)
    {
      const WaymarkBreakdownKind kinds[] = {
        WAYMARK_BREAKDOWN_LEVEL, WAYMARK_BREAKDOWN_FOCUS, WAYMARK_BREAKDOWN_EVIDENCE,
        WAYMARK_BREAKDOWN_FUNDING
      };

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autoptr(GArray) slices = waymark_plan_get_breakdown (run->plan, kinds[k]);
          gint64 low = 0, high = 0;
          guint n = 0;

          for (guint i = 0; i < slices->len; i++)
            {
              WaymarkBreakdownSlice *slice = &g_array_index (slices, WaymarkBreakdownSlice, i);
              low += slice->low;
              high += slice->high;
              n += slice->n_items;
            }
          if (low != expected.annual_low || high != expected.annual_high ||
              n != expected.n_items)
            return fail (run, "breakdown %u adds up to %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                         " over %u items; the year is %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                         " over %u", kinds[k], low, high, n, expected.annual_low,
                         expected.annual_high, expected.n_items);
        }
    }

  warnings = waymark_plan_list_warnings (run->plan);
  for (guint i = 0; i < warnings->len; i++)
    {
      WaymarkPlanWarning *warning = g_ptr_array_index (warnings, i);
      gboolean dismissed = g_ptr_array_find_with_equal_func (m->dismissed, warning->id,
                                                             g_str_equal, NULL);

      if (warning->dismissed != dismissed)
        return fail (run, "warning %s says dismissed %d; the plan's list says %d", warning->id,
                     warning->dismissed, dismissed);
      if (warning->kind == WAYMARK_WARNING_NO_COST)
        {
          guint position;
          gboolean without = FALSE;

          n_no_cost++;
          if (warning->items[0] == NULL ||
              waymark_plan_find_item (run->plan, warning->items[0], &position) == NULL)
            return fail (run, "warning %s names no item of the plan", warning->id);
          /* Without a cost in some year of the plan (issue 16). */
          for (guint y = 0; y < m->years; y++)
            {
              guint quantity;
              gint64 low, high;

              mitem_year_entered (g_ptr_array_index (m->items, position), y, &quantity, &low,
                                  &high);
              without |= low == WAYMARK_NO_COST;
            }
          if (!without)
            return fail (run, "warning %s names an item that has a cost", warning->id);
        }
    }
  if (n_no_cost != expected.n_without_cost)
    return fail (run, "%u no-cost warnings for %u items without a cost", n_no_cost,
                 expected.n_without_cost);

  return !failed (run);
}

static gboolean
check_state (Run *run)
{
  return check_state_full (run, TRUE);
}

/* The masked JSON of the plan now, recorded in the model's state the first time and compared
 * with it after. */
static gboolean
check_json (Run        *run,
            const char *when)
{
  MPlan *m = model (run);
  MTotals totals;
  g_autofree char *json = NULL;
  g_autofree char *masked = NULL;

  mplan_totals (m, &totals);
  json = save_json (run, run->plan, totals.overflow);
  if (json == NULL || failed (run))
    return FALSE;
  masked = mask_exported_at (json);
  if (m->json == NULL)
    {
      m->json = g_steal_pointer (&masked);
      return TRUE;
    }
  if (!g_str_equal (m->json, masked))
    {
      g_autofree char *diff = first_difference (m->json, masked);
      return fail (run, "%s does not give the same saved JSON: %s", when, diff);
    }
  return TRUE;
}

/* The whole history: save -> load -> save, undo to the start, redo to the end, and back. */
static gboolean
check_full (Run *run)
{
  guint cursor = run->cursor;
  guint end = run->history->len - 1;
  MTotals totals;

  run->n_full_checks++;
  if (!check_state (run) || !check_json (run, "this state"))
    return FALSE;

  mplan_totals (model (run), &totals);
  if (!totals.overflow)
    {
      g_autofree char *json = save_json (run, run->plan, FALSE);
      g_autoptr(WaymarkPlan) loaded = json ? load_and_compare (run, json, NULL, model (run))
                                           : NULL;
      if (loaded == NULL)
        return FALSE;
    }

  while (run->cursor > 0)
    {
      waymark_plan_undo (run->plan);
      run->cursor--;
      if (!check_state_full (run, FALSE))
        return FALSE;
    }
  if (!check_json (run, "undo to the start"))
    return FALSE;
  while (run->cursor < end)
    {
      waymark_plan_redo (run->plan);
      run->cursor++;
      if (!check_state_full (run, FALSE))
        return FALSE;
    }
  if (!check_json (run, "redo to the end"))
    return FALSE;
  while (run->cursor > cursor)
    {
      waymark_plan_undo (run->plan);
      run->cursor--;
      if (!check_state_full (run, FALSE))
        return FALSE;
    }
  return check_json (run, "undo back to where the run was");
}

/* Applying an operation */

static MItem *
model_item (MPlan *m,
            guint  position)
{
  return g_ptr_array_index (m->items, position % m->items->len);
}

static WaymarkPlanItem *
plan_item (Run   *run,
           guint  position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (run->plan));
  g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (G_LIST_MODEL (run->plan),
                                                           position % n);
  return item;  /* owned by the plan */
}

static char **
item_text_field (MItem      *item,
                 const char *property)
{
  if (g_str_equal (property, "unit"))
    return &item->unit;
  if (g_str_equal (property, "provider"))
    return &item->provider;
  if (g_str_equal (property, "reach-source"))
    return &item->reach_source;
  if (g_str_equal (property, "funding-name"))
    return &item->funding_name;
  g_assert (g_str_equal (property, "notes"));
  return &item->notes;
}

static char **
plan_text_field (MPlan      *m,
                 const char *property)
{
  if (g_str_equal (property, "title"))
    return &m->title;
  if (g_str_equal (property, "area"))
    return &m->area;
  if (g_str_equal (property, "organisation"))
    return &m->organisation;
  g_assert (g_str_equal (property, "author"));
  return &m->author;
}

static void
set_text (char       **field,
          const char  *value)
{
  rs_free (*field);
  *field = rs_new (value != NULL ? value : "");
}

static int
valid_enum (GType type,
            int   value,
            int   fallback)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  return g_enum_get_value (klass, value) != NULL ? value : fallback;
}

/* An edit of the plan: the model's next state, and the call that should make it. */
static gboolean
apply_edit (Run      *run,
            const Op *op)
{
  g_autoptr(MPlan) next = mplan_copy (model (run));
  guint n_items = next->items->len;
  guint changed_before = run->n_changed;
  gboolean changes;

  switch (op->kind)
    {
    case OP_ADD:
    case OP_ADD_SEVERAL:
      {
        g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

        for (guint i = 0; op->ids[i] != NULL; i++)
          {
            WaymarkIntervention *intervention = waymark_catalogue_lookup (run->catalogue,
                                                                          op->ids[i]);
            WaymarkPlanItem *item;
            MItem *mitem;

            if (waymark_plan_find_item (run->plan, op->ids[i], NULL) != NULL)
              continue;
            item = waymark_plan_item_new_for_intervention (intervention);
            g_ptr_array_add (items, item);
            /* What a new item holds is taken as made, but its text is never NULL. */
            mitem = mitem_observe (item);
            if (mitem->unit == NULL)
              mitem->unit = rs_new ("");
            if (mitem->provider == NULL)
              mitem->provider = rs_new ("");
            if (mitem->notes == NULL)
              mitem->notes = rs_new ("");
            if (mitem->reach_source == NULL)
              mitem->reach_source = rs_new ("");
            if (mitem->funding_name == NULL)
              mitem->funding_name = rs_new ("");
            g_ptr_array_add (next->items, mitem);
          }
        if (items->len == 0)
          return TRUE;
        if (op->kind == OP_ADD)
          waymark_plan_add_item (run->plan, g_ptr_array_index (items, 0));
        else
          waymark_plan_add_items (run->plan, items);
      }
      break;

    case OP_REMOVE:
      if (n_items == 0)
        return TRUE;
      g_ptr_array_remove_index (next->items, op->position % n_items);
      waymark_plan_remove_item (run->plan, op->position % n_items);
      break;

    case OP_ITEM_TEXT:
      if (n_items == 0)
        return TRUE;
      set_text (item_text_field (model_item (next, op->position), op->property), op->text);
      waymark_plan_edit (run->plan, plan_item (run, op->position), op->property, op->text, NULL);
      break;

    case OP_ITEM_TEXT_TWICE:
      /* As g_object_set would: the later value wins. */
      if (n_items == 0)
        return TRUE;
      set_text (item_text_field (model_item (next, op->position), op->property), op->text2);
      waymark_plan_edit (run->plan, plan_item (run, op->position), op->property, op->text,
                         op->property, op->text2, NULL);
      break;

    case OP_ITEM_TEXTS:
      if (n_items == 0)
        return TRUE;
      set_text (item_text_field (model_item (next, op->position), op->property), op->text);
      set_text (item_text_field (model_item (next, op->position), op->property2), op->text2);
      waymark_plan_edit (run->plan, plan_item (run, op->position), op->property, op->text,
                         op->property2, op->text2, NULL);
      break;

    case OP_QUANTITY:
      if (n_items == 0)
        return TRUE;
      model_item (next, op->position)->quantity =
        (guint) clamp64 ((guint) op->a, 0, WAYMARK_PLAN_MAX_QUANTITY);
      waymark_plan_edit (run->plan, plan_item (run, op->position), "quantity", (guint) op->a,
                         NULL);
      break;

    case OP_SET_COST:
      {
        MItem *item;

        if (n_items == 0)
          return TRUE;
        item = model_item (next, op->position);
        item->cost = op->a;
        item->cost_high = op->a == WAYMARK_NO_COST ? WAYMARK_NO_COST
                          : clamp64 (op->b, op->a, WAYMARK_MONEY_MAX);
        item->cost_source = op->e;
        waymark_plan_set_item_cost (run->plan, plan_item (run, op->position), op->a, op->b,
                                    op->e);
      }
      break;

    case OP_COST_FIELD:
      {
        MItem *item;

        if (n_items == 0)
          return TRUE;
        item = model_item (next, op->position);
        if (g_str_equal (op->property, "unit-cost"))
          item->cost = clamp64 (op->a, WAYMARK_NO_COST, WAYMARK_MONEY_MAX);
        else
          item->cost_high = clamp64 (op->a, WAYMARK_NO_COST, WAYMARK_MONEY_MAX);
        /* A cost is none, or a low figure and a high one at least as high, as the file says:
         * an edit of either figure keeps the pair so. */
        item->cost_high = item->cost == WAYMARK_NO_COST ? WAYMARK_NO_COST
                          : clamp64 (item->cost_high, item->cost, WAYMARK_MONEY_MAX);
        waymark_plan_edit (run->plan, plan_item (run, op->position), op->property, op->a, NULL);
      }
      break;

    case OP_COST_SOURCE:
      if (n_items == 0)
        return TRUE;
      model_item (next, op->position)->cost_source =
        valid_enum (WAYMARK_TYPE_COST_SOURCE, op->e, WAYMARK_COST_SOURCE_ESTIMATE);
      waymark_plan_edit (run->plan, plan_item (run, op->position), "cost-source", op->e, NULL);
      break;

    case OP_FUNDING_SOURCE:
      if (n_items == 0)
        return TRUE;
      model_item (next, op->position)->funding_source =
        valid_enum (WAYMARK_TYPE_FUNDING_SOURCE, op->e, WAYMARK_FUNDING_SOURCE_UNSPECIFIED);
      waymark_plan_edit (run->plan, plan_item (run, op->position), "funding-source", op->e,
                         NULL);
      break;

    case OP_REACH:
      if (n_items == 0)
        return TRUE;
      model_item (next, op->position)->reach =
        (guint) clamp64 ((guint) op->a, 0, WAYMARK_PLAN_MAX_QUANTITY);
      waymark_plan_edit (run->plan, plan_item (run, op->position), "reach", (guint) op->a, NULL);
      break;

    case OP_REACH_GROUP:
      if (n_items == 0)
        return TRUE;
      model_item (next, op->position)->reach_group =
        valid_enum (WAYMARK_TYPE_REACH_GROUP, op->e, WAYMARK_REACH_GROUP_UNSPECIFIED);
      waymark_plan_edit (run->plan, plan_item (run, op->position), "reach-group", op->e, NULL);
      break;

    case OP_LOCAL_NEED:
      /* Above the largest is the largest; 0 removes the figure and its source. */
      next->need[op->e] = (guint) MIN ((guint) op->a, WAYMARK_LOCAL_NEED_MAX);
      set_text (&next->need_source[op->e], next->need[op->e] > 0 ? op->text : "");
      waymark_plan_set_local_need (run->plan, op->e, (guint) op->a, op->text);
      break;

    case OP_PLAN_TEXT:
      set_text (plan_text_field (next, op->property), op->text);
      waymark_plan_edit (run->plan, run->plan, op->property, op->text, NULL);
      break;

    case OP_START_YEAR:
      next->start_year = (guint) clamp64 ((guint) op->a, 2000, 2100);
      waymark_plan_edit (run->plan, run->plan, "start-year", (guint) op->a, NULL);
      break;

    case OP_YEARS:
      next->years = (guint) clamp64 ((guint) op->a, 1, WAYMARK_PLAN_MAX_YEARS);
      for (guint i = 0; i < n_items; i++)
        mitem_resize_years (g_ptr_array_index (next->items, i), model (run)->years, next->years);
      waymark_plan_edit (run->plan, run->plan, "years", (guint) op->a, NULL);
      break;

    case OP_YEAR_QUANTITY:
      {
        guint y = (guint) op->e % next->years, entered, quantity;
        gint64 low, high;
        MItem *item;

        if (n_items == 0)
          return TRUE;
        item = model_item (next, op->position);
        quantity = (guint) clamp64 ((guint) op->a, 0, WAYMARK_PLAN_MAX_QUANTITY);
        mitem_year_entered (item, y, &entered, &low, &high);
        /* What the year shows already is no edit; the first year's changes only that year. */
        if (entered != quantity && y == 0)
          {
            for (guint other = 1; other < next->years; other++)
              if (!item->own_quantity[other])
                {
                  item->own_quantity[other] = TRUE;
                  item->year_quantity[other] = item->quantity;
                }
            item->quantity = quantity;
          }
        else if (entered != quantity)
          {
            item->own_quantity[y] = TRUE;
            item->year_quantity[y] = quantity;
          }
        waymark_plan_set_item_year_quantity (run->plan, plan_item (run, op->position), y,
                                             (guint) op->a);
      }
      break;

    case OP_YEAR_COST:
      {
        guint y = (guint) op->e % next->years, quantity;
        gint64 low = op->a, high, entered_low, entered_high;
        MItem *item;

        if (n_items == 0)
          return TRUE;
        item = model_item (next, op->position);
        high = low == WAYMARK_NO_COST ? WAYMARK_NO_COST : clamp64 (op->b, low, WAYMARK_MONEY_MAX);
        mitem_year_entered (item, y, &quantity, &entered_low, &entered_high);
        if ((entered_low != low || entered_high != high) && y == 0)
          {
            for (guint other = 1; other < next->years; other++)
              if (!item->own_cost[other])
                {
                  item->own_cost[other] = TRUE;
                  item->year_low[other] = item->cost;
                  item->year_high[other] = item->cost_high;
                }
            item->cost = low;
            item->cost_high = high;
          }
        else if (entered_low != low || entered_high != high)
          {
            item->own_cost[y] = TRUE;
            item->year_low[y] = low;
            item->year_high[y] = high;
          }
        waymark_plan_set_item_year_cost (run->plan, plan_item (run, op->position), y, op->a,
                                         op->b);
      }
      break;

    case OP_APPLY_YEAR:
      {
        guint y = (guint) op->e % next->years, quantity;
        gint64 low, high;
        MItem *item;

        if (n_items == 0)
          return TRUE;
        item = model_item (next, op->position);
        mitem_year_entered (item, y, &quantity, &low, &high);
        item->quantity = quantity;
        item->cost = low;
        item->cost_high = high;
        for (guint other = 1; other < WAYMARK_PLAN_MAX_YEARS; other++)
          mitem_copy_year (item, other, 0);
        waymark_plan_apply_year_to_all (run->plan, plan_item (run, op->position), y);
      }
      break;

    case OP_YEAR_KIND:
      next->year_kind = op->e;
      waymark_plan_set_year_kind (run->plan, op->e);
      break;

    case OP_UPLIFT:
      next->uplift = (guint) MIN ((guint64) op->a, WAYMARK_UPLIFT_MAX);
      waymark_plan_set_uplift (run->plan, (guint) op->a);
      break;

    case OP_LOCAL_SERVICE:
      {
        g_autofree char *id = g_strdup_printf ("local-%u", op->position);
        g_autofree char *prefix = g_strconcat (id, "\t", NULL);
        WaymarkLocalServiceFields fields = {
          .id = id, .name = op->text, .levels = WAYMARK_LEVEL_PRIMARY, .focus = WAYMARK_FOCUS_DA,
          .age_min = -1, .age_max = -1, .unit_cost = WAYMARK_NO_COST,
          .unit_cost_high = WAYMARK_NO_COST,
        };
        g_autoptr(WaymarkLocalService) service = waymark_local_service_new (&fields, NULL);
        g_autoptr(GError) error = NULL;
        int at = -1;
        gboolean done;

        for (guint i = 0; i < next->services->len; i++)
          if (g_str_has_prefix (g_ptr_array_index (next->services, i), prefix))
            at = (int) i;
        if (op->e == 0)
          done = waymark_plan_add_local_service (run->plan, service, run->catalogue, &error);
        else if (op->e == 1)
          done = waymark_plan_replace_local_service (run->plan, service, &error);
        else
          done = waymark_plan_remove_local_service (run->plan, id, &error);
        if (done != (op->e == 0 ? at < 0 : at >= 0) || (error != NULL) == done)
          return fail (run, "%s local service %s was %s", op->e == 0 ? "adding"
                       : op->e == 1 ? "renaming" : "removing", id, done ? "done" : "refused");
        if (done && op->e == 0)
          g_ptr_array_add (next->services, g_strdup_printf ("%s\t%s", id, op->text));
        else if (done && op->e == 1)
          {
            g_free (g_ptr_array_index (next->services, at));
            g_ptr_array_index (next->services, at) = g_strdup_printf ("%s\t%s", id, op->text);
          }
        else if (done)
          g_ptr_array_remove_index (next->services, at);
      }
      break;

    case OP_IMPORT_SERVICES:
      {
        g_autoptr(GListStore) file = g_list_store_new (WAYMARK_TYPE_LOCAL_SERVICE);
        g_autoptr(GPtrArray) added = g_ptr_array_new ();
        g_autoptr(GError) error = NULL;
        gboolean refused = FALSE;
        guint n_added = G_MAXUINT;
        gboolean done;

        for (guint i = 0; op->ids[i] != NULL; i++)
          {
            g_auto(GStrv) parts = g_strsplit (op->ids[i], "\t", 2);
            g_autofree char *prefix = g_strconcat (parts[0], "\t", NULL);
            WaymarkLocalServiceFields fields = {
              .id = parts[0], .name = parts[1], .levels = WAYMARK_LEVEL_PRIMARY,
              .focus = WAYMARK_FOCUS_DA, .age_min = -1, .age_max = -1,
              .unit_cost = WAYMARK_NO_COST, .unit_cost_high = WAYMARK_NO_COST,
            };
            g_autoptr(WaymarkLocalService) service = waymark_local_service_new (&fields, NULL);
            const char *held = NULL;

            g_list_store_append (file, service);
            for (guint j = 0; j < next->services->len && held == NULL; j++)
              if (g_str_has_prefix (g_ptr_array_index (next->services, j), prefix))
                held = g_ptr_array_index (next->services, j);
            for (guint j = 0; j < added->len && held == NULL; j++)
              if (g_str_has_prefix (g_ptr_array_index (added, j), prefix))
                held = g_ptr_array_index (added, j);
            if (held != NULL && !g_str_equal (held, op->ids[i]))
              refused = TRUE;
            else if (held == NULL)
              g_ptr_array_add (added, op->ids[i]);
          }
        done = waymark_plan_import_local_services (run->plan, G_LIST_MODEL (file), run->catalogue,
                                                   "model.json", &n_added, &error);
        if (done == refused || (error != NULL) == done)
          return fail (run, "importing local services was %s", done ? "done" : "refused");
        if (done && n_added != added->len)
          return fail (run, "importing local services added %u, not %u", n_added, added->len);
        if (!refused)
          for (guint i = 0; i < added->len; i++)
            g_ptr_array_add (next->services, g_strdup (g_ptr_array_index (added, i)));
      }
      break;

    case OP_APPRAISAL_WEIGHT:
      {
        /* Out of range is refused with an error, and is no edit. */
        gboolean valid = op->a >= 0 && op->a <= WAYMARK_APPRAISAL_MAX_WEIGHT;
        g_autoptr(GError) error = NULL;
        WaymarkAppraisal *appraisal = waymark_plan_get_appraisal (run->plan);
        const char *id = waymark_appraisal_get_criterion_id (appraisal, (guint) op->e);

        if (valid)
          next->weight[op->e] = (gint) op->a;
        if (waymark_appraisal_set_weight (appraisal, id, (gint) op->a, &error) != valid ||
            (error != NULL) == valid)
          return fail (run, "setting weight %s to %" G_GINT64_FORMAT " was %s", id, op->a,
                       valid ? "refused" : "accepted");
      }
      break;

    case OP_BUDGET:
      next->budget = clamp64 (op->a, 0, WAYMARK_MONEY_MAX);
      waymark_plan_edit (run->plan, run->plan, "budget", op->a, NULL);
      break;

    case OP_PLAN_DETAILS:
      set_text (&next->title, op->text);
      next->years = (guint) clamp64 ((guint) op->a, 1, WAYMARK_PLAN_MAX_YEARS);
      for (guint i = 0; i < n_items; i++)
        mitem_resize_years (g_ptr_array_index (next->items, i), model (run)->years, next->years);
      next->budget = clamp64 (op->b, 0, WAYMARK_MONEY_MAX);
      waymark_plan_edit (run->plan, run->plan, "title", op->text, "years", (guint) op->a,
                         "budget", op->b, NULL);
      break;

    case OP_DISMISS:
      if (!g_ptr_array_find_with_equal_func (next->dismissed, op->text, g_str_equal, NULL))
        g_ptr_array_add (next->dismissed, g_strdup (op->text));
      waymark_plan_dismiss_warning (run->plan, op->text);
      break;

    case OP_RESTORE:
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) list = NULL;
        guint i = 0;

        while (i < next->dismissed->len)
          {
            if (g_str_equal (g_ptr_array_index (next->dismissed, i), op->text))
              g_ptr_array_remove_index (next->dismissed, i);
            else
              g_strv_builder_add (builder, g_ptr_array_index (next->dismissed, i++));
          }
        list = g_strv_builder_end (builder);
        waymark_plan_edit (run->plan, run->plan, "dismissed-warnings", list, NULL);
      }
      break;

    case OP_RESTORE_ALL:
      {
        const char *empty[] = { NULL };

        g_ptr_array_set_size (next->dismissed, 0);
        waymark_plan_edit (run->plan, run->plan, "dismissed-warnings",
                           op->a ? NULL : (const char * const *) empty, NULL);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  mplan_touch (next);
  changes = !mplan_equal (next, model (run));
  if (changes)
    {
      /* A new edit forgets what could be redone, and the saved state if it was there. */
      if (run->saved > (int) run->cursor)
        run->saved = -1;
      g_ptr_array_set_size (run->history, run->cursor + 1);
      g_ptr_array_add (run->history, g_steal_pointer (&next));
      run->cursor++;
    }

  if (run->n_changed != changed_before + (changes ? 1 : 0))
    return fail (run, "\"changed\" was emitted %u times for %s", run->n_changed - changed_before,
                 changes ? "an edit" : "an edit that changes nothing (which is no edit)");
  return TRUE;
}

static gboolean
apply_undo_redo (Run      *run,
                 const Op *op)
{
  for (gint64 i = 0; i < op->a; i++)
    {
      guint changed_before = run->n_changed;
      gboolean can;

      if (op->kind == OP_UNDO)
        {
          can = run->cursor > 0;
          waymark_plan_undo (run->plan);
          if (can)
            run->cursor--;
        }
      else
        {
          can = run->cursor + 1 < run->history->len;
          waymark_plan_redo (run->plan);
          if (can)
            run->cursor++;
        }
      if (run->n_changed != changed_before + (can ? 1 : 0))
        return fail (run, "\"changed\" was emitted %u times for one %s%s",
                     run->n_changed - changed_before, op->kind == OP_UNDO ? "undo" : "redo",
                     can ? "" : " with nothing to do");
      if (!check_state (run))
        return FALSE;
    }
  return TRUE;
}

static gboolean
apply_save (Run      *run,
            const Op *op)
{
  MTotals totals;
  g_autofree char *json = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(WaymarkPlan) loaded = NULL;

  mplan_totals (model (run), &totals);

  if (op->kind == OP_EXPORT_CSV)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      file = g_file_new_build_filename (run->tmpdir, "plan.csv", NULL);
      ok = waymark_plan_write (run->plan, run->catalogue, WAYMARK_PLAN_FORMAT_CSV, file, &error);
      if (ok == totals.overflow)
        return fail (run, "exporting CSV %s with totals that %s: %s", ok ? "worked" : "failed",
                     totals.overflow ? "overflow" : "fit", error ? error->message : "");
      return TRUE;
    }

  json = save_json (run, run->plan, totals.overflow);
  if (json == NULL || failed (run) || totals.overflow)
    return !failed (run);

  if (op->kind == OP_SAVE_FILE || op->kind == OP_RELOAD_FILE)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;

      file = g_file_new_build_filename (run->tmpdir, "plan.waymark", NULL);
      if (!waymark_plan_write (run->plan, run->catalogue, WAYMARK_PLAN_FORMAT_JSON, file,
                               &error))
        return fail (run, "saving to a file failed: %s", error->message);
      if (!g_file_load_contents (file, NULL, &contents, NULL, NULL, &error))
        return fail (run, "the saved file cannot be read: %s", error->message);
      if (!g_str_equal (contents, json))
        return fail (run, "the file saved is not the plan's JSON");
    }

  loaded = load_and_compare (run, json, file, model (run));
  if (loaded == NULL)
    return FALSE;

  if (op->kind == OP_SAVE || op->kind == OP_SAVE_FILE)
    {
      waymark_plan_mark_saved (run->plan);
      run->saved = (int) run->cursor;
      return TRUE;
    }

  /* Reopened: the plan as opened is the model's state, with the opened plan's own items. */
  if (!check_full (run))
    return FALSE;
  {
    MPlan *start = mplan_observe (loaded);

    adopt_plan (run, g_steal_pointer (&loaded), start);
  }
  return check_json (run, "the reopened plan") && check_state (run);
}

static gboolean
apply_op (Run      *run,
          const Op *op)
{
  gboolean ok;

  switch (op->kind)
    {
    case OP_UNDO:
    case OP_REDO:
      ok = apply_undo_redo (run, op);
      break;
    case OP_SAVE:
    case OP_SAVE_FILE:
    case OP_EXPORT_CSV:
    case OP_RELOAD:
    case OP_RELOAD_FILE:
      ok = apply_save (run, op);
      break;
    case OP_NEW:
      ok = check_full (run);
      if (ok)
        {
          MPlan *start = mplan_new_default ();

          release_plan (run);
          adopt_plan (run, waymark_plan_new (), start);
          ok = check_json (run, "a new plan");
        }
      break;
    default:
      ok = apply_edit (run, op);
      break;
    }

  return ok && check_state (run);
}

/* Making operations */

static const char * const sample_texts[] = {
  "",
  "Respect",
  "Drive Partnership",
  "IRISi, \"the IRIS people\"",
  "Local quote: £1,500 per school a year, coaches’ time included",
  "Café – naïve ‘quotes’ “double” £€$ ¥",
  "日本語のテキスト、そして한국어",
  "🙂 emoji 👩‍👩‍👧 and 🏳️‍🌈",
  "e\xcc\x81 combining acute; a\xcc\x8a\xcc\xa3",
  "<span foreground=\"red\" size=\"xx-large\">loud</span>",
  "<a href=\"https://example.invalid\">click me</a>",
  "<b>bold</b> &amp; &lt;i&gt; &#x41; &nbsp;",
  "=HYPERLINK(\"http://example.invalid\")",
  "+44 116 000 0000",
  "-1",
  "@SUM(A1:A9)",
  "tab\there",
  "line\nbreak\r\nCRLF\rCR",
  "\x01\x02\x1b[2J\x1b]0;title\x07 escape",
  "\x7f delete and \x1f unit separator",
  "\xc2\x85 NEL \xc2\x9b CSI \xc2\x80",
  "\xe2\x80\xae" "evil right-to-left override\xe2\x80\xac",
  "zero\xe2\x80\x8bwidth\xe2\x80\x8djoiner\xef\xbb\xbf",
  "back\\slash \"quote\" 'apostrophe' \\u0000",
  " leading and trailing ",
  "\xc2\xa0non-breaking\xc2\xa0",
  "per woman registered per year",
  "%s %n %d %%",
  "null",
  "NULL",
  "\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf astral and the last code point",
  "\xef\xbf\xbd replacement character",
};

static const char * const item_text_properties[] = { "unit", "provider", "notes",
                                                     "reach-source", "funding-name" };
#define N_ITEM_TEXT_PROPERTIES G_N_ELEMENTS (item_text_properties)
static const char * const plan_text_properties[] = { "title", "area", "organisation", "author" };

static void
append_random_char (Run     *run,
                    GString *out)
{
  gunichar c;

  switch (g_rand_int_range (run->rand, 0, 8))
    {
    case 0:
      c = g_rand_int_range (run->rand, 1, 0x20);
      break;
    case 1:
      c = g_rand_int_range (run->rand, 0x7f, 0x100);
      break;
    case 2:
      c = g_rand_int_range (run->rand, 0x300, 0x370);  /* combining marks */
      break;
    case 3:
      c = g_rand_int_range (run->rand, 0x2000, 0x2070);  /* spaces, bidi, zero-width */
      break;
    case 4:
      c = g_rand_int_range (run->rand, 0x4e00, 0x9fff);
      break;
    case 5:
      c = g_rand_int_range (run->rand, 0x1f300, 0x1faff);
      break;
    default:
      c = g_rand_int_range (run->rand, 0x20, 0x7f);
      break;
    }
  g_string_append_unichar (out, c);
}

/* Text a commissioner (or a file) could give: empty, NULL, short, long, non-ASCII, markup-like
 * and control characters; sometimes a value used lately, so a field goes back to it. */
static char *
random_text (Run      *run,
             gboolean *is_null)
{
  int r = g_rand_int_range (run->rand, 0, 100);
  char *text;

  *is_null = FALSE;
  if (r < 8)
    {
      *is_null = TRUE;
      return NULL;
    }
  if (r < 20)
    text = g_strdup ("");
  else if (r < 35 && run->recent->len > 0)
    text = g_strdup (g_ptr_array_index (run->recent,
                                        g_rand_int_range (run->rand, 0, run->recent->len)));
  else if (r < 75)
    text = g_strdup (sample_texts[g_rand_int_range (run->rand, 0, G_N_ELEMENTS (sample_texts))]);
  else if (r < 97)
    {
      GString *out = g_string_new (NULL);
      int n = g_rand_int_range (run->rand, 1, 40);

      for (int i = 0; i < n; i++)
        append_random_char (run, out);
      text = g_string_free (out, FALSE);
    }
  else
    {
      /* Long: a few kilobytes, now and then sixty-four. */
      GString *out = g_string_new (NULL);
      int n = g_rand_int_range (run->rand, 0, 20) == 0 ? 65536
                                                       : g_rand_int_range (run->rand, 200, 4000);

      while (out->len < (gsize) n)
        {
          if (g_rand_boolean (run->rand))
            g_string_append (out, sample_texts[g_rand_int_range (run->rand, 0,
                                                                 G_N_ELEMENTS (sample_texts))]);
          else
            append_random_char (run, out);
        }
      text = g_string_free (out, FALSE);
    }

  if (run->recent->len >= 16)
    g_ptr_array_remove_index_fast (run->recent, g_rand_int_range (run->rand, 0, 16));
  g_ptr_array_add (run->recent, g_strdup (text));
  return text;
}

static gint64
random_cost (Run *run)
{
  switch (g_rand_int_range (run->rand, 0, 12))
    {
    case 0:
      return WAYMARK_NO_COST;
    case 1:
      return 0;
    case 2:
      return 1;
    case 3:
      return g_rand_int_range (run->rand, 0, 2) ? WAYMARK_MONEY_MAX : WAYMARK_MONEY_MAX - 1;
    case 4:
      return (gint64) (g_rand_double (run->rand) * WAYMARK_MONEY_MAX);
    case 5:
    case 6:
      return g_rand_int_range (run->rand, 0, 1000000000);
    default:
      return g_rand_int_range (run->rand, 0, 1000000);
    }
}

static gint64
random_quantity (Run *run)
{
  switch (g_rand_int_range (run->rand, 0, 14))
    {
    case 0:
      return 0;
    case 1:
      return WAYMARK_PLAN_MAX_QUANTITY;
    case 2:
      return WAYMARK_PLAN_MAX_QUANTITY + 1;  /* clamped */
    case 3:
      return g_rand_int_range (run->rand, 0, WAYMARK_PLAN_MAX_QUANTITY);
    default:
      return g_rand_int_range (run->rand, 1, 200);
    }
}

static char *
random_warning_id (Run *run)
{
  g_autoptr(GPtrArray) warnings = waymark_plan_list_warnings (run->plan);
  MPlan *m = model (run);

  switch (g_rand_int_range (run->rand, 0, 10))
    {
    case 0:
      return g_strdup ("no-cost:not-in-this-plan");
    case 1:
      {
        gboolean is_null;
        g_autofree char *text = random_text (run, &is_null);
        return g_strdup (text ? text : "");
      }
    case 2:
    case 3:
      if (m->dismissed->len > 0)
        return g_strdup (g_ptr_array_index (m->dismissed,
                                            g_rand_int_range (run->rand, 0, m->dismissed->len)));
      G_GNUC_FALLTHROUGH;
    default:
      if (warnings->len > 0)
        return g_strdup (((WaymarkPlanWarning *)
                          g_ptr_array_index (warnings,
                                             g_rand_int_range (run->rand, 0,
                                                               warnings->len)))->id);
      return g_strdup ("no-primary");
    }
}

static char **
random_new_ids (Run  *run,
                guint n)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint found = 0;

  for (guint tries = 0; tries < 200 && found < n; tries++)
    {
      const char *id = g_ptr_array_index (run->ids, g_rand_int_range (run->rand, 0,
                                                                      run->ids->len));
      gboolean again = FALSE;

      if (waymark_plan_find_item (run->plan, id, NULL) != NULL)
        continue;
      {
        g_auto(GStrv) so_far = g_strv_builder_end (builder);

        again = g_strv_contains ((const char * const *) so_far, id);
        g_strv_builder_addv (builder, (const char **) so_far);
      }
      if (again)
        continue;
      g_strv_builder_add (builder, id);
      found++;
    }
  if (found == 0)
    g_strv_builder_add (builder, g_ptr_array_index (run->ids, 0));
  return g_strv_builder_end (builder);
}

/* Weights for each kind of operation: edits mostly, undo and redo often, saves now and then. */
static const guint weights[N_OPS] = {
  [OP_ADD] = 80, [OP_ADD_SEVERAL] = 25, [OP_REMOVE] = 40,
  [OP_ITEM_TEXT] = 120, [OP_ITEM_TEXT_TWICE] = 8, [OP_ITEM_TEXTS] = 15,
  [OP_QUANTITY] = 50, [OP_SET_COST] = 60, [OP_COST_FIELD] = 10, [OP_COST_SOURCE] = 15,
  [OP_FUNDING_SOURCE] = 15, [OP_REACH] = 30, [OP_REACH_GROUP] = 15, [OP_LOCAL_NEED] = 20,
  [OP_PLAN_TEXT] = 50, [OP_START_YEAR] = 12, [OP_YEARS] = 20, [OP_BUDGET] = 20,
  [OP_PLAN_DETAILS] = 8,
  [OP_DISMISS] = 30, [OP_RESTORE] = 15, [OP_RESTORE_ALL] = 4,
  [OP_UNDO] = 110, [OP_REDO] = 80,
  [OP_SAVE] = 10, [OP_SAVE_FILE] = 2, [OP_EXPORT_CSV] = 2, [OP_RELOAD] = 4, [OP_RELOAD_FILE] = 1,
  [OP_NEW] = 1, [OP_APPRAISAL_WEIGHT] = 20, [OP_LOCAL_SERVICE] = 20, [OP_IMPORT_SERVICES] = 8,
  [OP_YEAR_QUANTITY] = 40, [OP_YEAR_COST] = 30, [OP_APPLY_YEAR] = 10, [OP_YEAR_KIND] = 5,
  [OP_UPLIFT] = 10,
};

static Op *
random_op (Run *run)
{
  guint total = 0, r;
  Op *op = g_new0 (Op, 1);
  gboolean is_null;
  guint n_items = model (run)->items->len;

  for (guint k = 0; k < N_OPS; k++)
    total += weights[k];
  r = g_rand_int_range (run->rand, 0, total);
  for (op->kind = 0; r >= weights[op->kind]; op->kind++)
    r -= weights[op->kind];

  /* A big plan grows more slowly than it shrinks. */
  if ((op->kind == OP_ADD || op->kind == OP_ADD_SEVERAL) && n_items > 30 &&
      g_rand_boolean (run->rand))
    op->kind = OP_REMOVE;

  op->position = g_rand_int_range (run->rand, 0, 64);
  switch (op->kind)
    {
    case OP_ADD:
      op->ids = random_new_ids (run, 1);
      break;
    case OP_ADD_SEVERAL:
      op->ids = random_new_ids (run, g_rand_int_range (run->rand, 1, 6));
      break;
    case OP_ITEM_TEXT:
    case OP_ITEM_TEXT_TWICE:
      op->property = item_text_properties[g_rand_int_range (run->rand, 0, N_ITEM_TEXT_PROPERTIES)];
      op->text = random_text (run, &is_null);
      if (op->kind == OP_ITEM_TEXT_TWICE)
        {
          /* Often back to what the field holds, so the edit should change nothing. */
          MItem *item = n_items ? model_item (model (run), op->position) : NULL;

          if (item != NULL && g_rand_boolean (run->rand))
            op->text2 = g_strdup (*item_text_field (item, op->property));
          else
            op->text2 = random_text (run, &is_null);
        }
      break;
    case OP_ITEM_TEXTS:
      {
        guint first = g_rand_int_range (run->rand, 0, N_ITEM_TEXT_PROPERTIES);

        op->property = item_text_properties[first];
        op->property2 = item_text_properties[(first + g_rand_int_range (run->rand, 1,
                                                                        N_ITEM_TEXT_PROPERTIES)) %
                                             N_ITEM_TEXT_PROPERTIES];
        op->text = random_text (run, &is_null);
        op->text2 = random_text (run, &is_null);
      }
      break;
    case OP_QUANTITY:
      op->a = random_quantity (run);
      break;
    case OP_SET_COST:
      op->a = random_cost (run);
      switch (g_rand_int_range (run->rand, 0, 6))
        {
        case 0:
          op->b = op->a;
          break;
        case 1:
          op->b = WAYMARK_NO_COST;
          break;
        case 2:
          op->b = op->a - g_rand_int_range (run->rand, 1, 1000);  /* raised to low */
          break;
        case 3:
          op->b = G_MAXINT64;  /* lowered to the largest */
          break;
        default:
          op->b = op->a + g_rand_int_range (run->rand, 0, 100000);
          break;
        }
      op->e = g_rand_int_range (run->rand, 0, 3);
      break;
    case OP_COST_FIELD:
      op->property = g_rand_boolean (run->rand) ? "unit-cost" : "unit-cost-high";
      op->a = random_cost (run);
      break;
    case OP_COST_SOURCE:
      /* Now and then a value the enum does not have: the property's default. */
      op->e = g_rand_int_range (run->rand, 0, 20) == 0 ? 7 : g_rand_int_range (run->rand, 0, 3);
      break;
    case OP_FUNDING_SOURCE:
      op->e = g_rand_int_range (run->rand, 0, 20) == 0 ? 9 : g_rand_int_range (run->rand, 0, 6);
      break;
    case OP_REACH:
      op->a = random_quantity (run);
      break;
    case OP_REACH_GROUP:
      op->e = g_rand_int_range (run->rand, 0, 20) == 0 ? 9
              : g_rand_int_range (run->rand, 0, WAYMARK_REACH_GROUP_N);
      break;
    case OP_LOCAL_NEED:
      op->e = g_rand_int_range (run->rand, 1, WAYMARK_REACH_GROUP_N);
      switch (g_rand_int_range (run->rand, 0, 8))
        {
        case 0:
          op->a = 0;
          break;
        case 1:
          op->a = WAYMARK_LOCAL_NEED_MAX + g_rand_int_range (run->rand, 0, 2);  /* clamped */
          break;
        default:
          op->a = random_quantity (run);
          break;
        }
      op->text = random_text (run, &is_null);
      break;
    case OP_PLAN_TEXT:
      op->property = plan_text_properties[g_rand_int_range (run->rand, 0, 4)];
      op->text = random_text (run, &is_null);
      break;
    case OP_START_YEAR:
      op->a = g_rand_int_range (run->rand, 0, 8) == 0 ? g_rand_int_range (run->rand, 1990, 2110)
                                                      : g_rand_int_range (run->rand, 2020, 2035);
      break;
    case OP_YEARS:
      op->a = g_rand_int_range (run->rand, 0, WAYMARK_PLAN_MAX_YEARS + 3);
      break;
    case OP_YEAR_QUANTITY:
      op->e = g_rand_int_range (run->rand, 0, WAYMARK_PLAN_MAX_YEARS);
      op->a = random_quantity (run);
      break;
    case OP_YEAR_COST:
      op->e = g_rand_int_range (run->rand, 0, WAYMARK_PLAN_MAX_YEARS);
      op->a = random_cost (run);
      op->b = g_rand_boolean (run->rand) ? op->a : op->a + g_rand_int_range (run->rand, 0, 100000);
      break;
    case OP_APPLY_YEAR:
      op->e = g_rand_int_range (run->rand, 0, WAYMARK_PLAN_MAX_YEARS);
      break;
    case OP_YEAR_KIND:
      op->e = g_rand_int_range (run->rand, 0, 2);
      break;
    case OP_UPLIFT:
      {
        /* Reduced, (10000 + bp) / 10000 has a numerator of at most 101 (m_uplift), or is 2;
         * 10001 is clamped to 10000. */
        const guint uplifts[] = { 0, 100, 250, 500, 1000, 10000, 10001 };

        op->a = uplifts[g_rand_int_range (run->rand, 0, G_N_ELEMENTS (uplifts))];
      }
      break;
    case OP_LOCAL_SERVICE:
      /* Four ids and three names, so that adding twice, renaming to the same name and removing
       * what is gone all happen. */
      op->e = g_rand_int_range (run->rand, 0, 3);
      op->position = g_rand_int_range (run->rand, 0, 4);
      op->text = g_strdup_printf ("Local service %d", g_rand_int_range (run->rand, 0, 3));
      break;
    case OP_IMPORT_SERVICES:
      {
        /* The ids and names OP_LOCAL_SERVICE uses, so a file meets the plan's own services,
         * the same and different; an id twice in a file happens too. */
        guint n = g_rand_int_range (run->rand, 1, 4);

        op->ids = g_new0 (char *, n + 1);
        for (guint i = 0; i < n; i++)
          op->ids[i] = g_strdup_printf ("local-%d\tLocal service %d",
                                        g_rand_int_range (run->rand, 0, 4),
                                        g_rand_int_range (run->rand, 0, 3));
      }
      break;
    case OP_APPRAISAL_WEIGHT:
      op->e = g_rand_int_range (run->rand, 0, WAYMARK_REVIEW_CRITERION_N);
      switch (g_rand_int_range (run->rand, 0, 10))
        {
        case 0:
          op->a = g_rand_boolean (run->rand) ? -1 : WAYMARK_APPRAISAL_MAX_WEIGHT + 1;
          break;
        case 1:
          op->a = g_rand_boolean (run->rand) ? 0 : WAYMARK_APPRAISAL_MAX_WEIGHT;
          break;
        default:
          /* Few values, so that setting one back, and setting the same again, happen. */
          op->a = 50 * g_rand_int_range (run->rand, 0, 5);
          break;
        }
      break;
    case OP_BUDGET:
    case OP_PLAN_DETAILS:
      op->a = g_rand_int_range (run->rand, 1, WAYMARK_PLAN_MAX_YEARS + 1);
      op->b = g_rand_int_range (run->rand, 0, 10) == 0 ? WAYMARK_MONEY_MAX
              : g_rand_int_range (run->rand, 0, 10) == 0 ? -1
              : g_rand_int_range (run->rand, 0, 100000000);
      if (op->kind == OP_BUDGET)
        op->a = op->b;
      else
        op->text = random_text (run, &is_null);
      break;
    case OP_DISMISS:
    case OP_RESTORE:
      op->text = random_warning_id (run);
      break;
    case OP_RESTORE_ALL:
      op->a = g_rand_boolean (run->rand);
      break;
    case OP_UNDO:
    case OP_REDO:
      op->a = g_rand_int_range (run->rand, 0, 6) == 0 ? g_rand_int_range (run->rand, 1, 30)
                                                      : g_rand_int_range (run->rand, 1, 4);
      break;
    default:
      break;
    }

  return op;
}

/* Running */

static Run *
run_new (WaymarkCatalogue *catalogue,
         guint32           seed,
         guint             check_every)
{
  Run *run = g_new0 (Run, 1);
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));

  run->catalogue = g_object_ref (catalogue);
  run->ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) intervention =
        g_list_model_get_item (G_LIST_MODEL (catalogue), i);
      g_ptr_array_add (run->ids, g_strdup (waymark_intervention_get_id (intervention)));
    }
  run->tmpdir = g_dir_make_tmp ("waymark-model-XXXXXX", &error);
  g_assert_no_error (error);
  run->rand = g_rand_new_with_seed (seed);
  run->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  run->recent = g_ptr_array_new_with_free_func (g_free);
  run->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  run->history = g_ptr_array_new_with_free_func ((GDestroyNotify) mplan_free);
  run->check_every = MAX (check_every, 1);
  run->step_fd = -1;
  if (logged != NULL)
    g_string_truncate (logged, 0);

  adopt_plan (run, waymark_plan_new (), mplan_new_default ());
  check_json (run, "a new plan");
  check_state (run);
  return run;
}

static void
run_free (Run *run)
{
  release_plan (run);
  g_ptr_array_unref (run->history);
  g_ptr_array_unref (run->mirror);
  g_ptr_array_unref (run->recent);
  g_ptr_array_unref (run->ops);
  g_rand_free (run->rand);
  g_object_unref (run->catalogue);
  g_ptr_array_unref (run->ids);
  {
    g_autoptr(GDir) dir = g_dir_open (run->tmpdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (run->tmpdir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (run->tmpdir);
  }
  g_free (run->tmpdir);
  if (run->failure != NULL)
    g_string_free (run->failure, TRUE);
  g_free (run);
}

/* One step: an operation, the cheap checks, and now and then the full one. */
static gboolean
run_step (Run      *run,
          const Op *op,
          gboolean  last)
{
  run->step++;
  if (run->step_fd >= 0)
    {
      guint32 step = run->step;
      if (write (run->step_fd, &step, sizeof step) != sizeof step)
        return fail (run, "cannot report the step to the parent: %s", g_strerror (errno));
    }
  if (!apply_op (run, op))
    return FALSE;
  if (last || run->step % run->check_every == 0)
    return check_full (run);
  return TRUE;
}

/* Replays `ops` from a new plan; TRUE if it fails. In a child process unless told otherwise,
 * so a replay that crashes counts as failing too. */
static gboolean
replay_fails (WaymarkCatalogue *catalogue,
              GPtrArray        *ops,
              guint             check_every,
              gboolean          use_fork)
{
  pid_t pid;
  int status;

  if (use_fork)
    {
      fflush (stdout);
      fflush (stderr);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid > 0)
        {
          while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
            ;
          return !(WIFEXITED (status) && WEXITSTATUS (status) == 0);
        }
      /* The child: quiet, and gone without cleaning up. */
      {
        int null_fd = open ("/dev/null", O_WRONLY);
        dup2 (null_fd, STDERR_FILENO);
        dup2 (null_fd, STDOUT_FILENO);
      }
    }

  {
    Run *run = run_new (catalogue, 0, check_every);
    gboolean fails = failed (run);

    for (guint i = 0; i < ops->len && !fails; i++)
      fails = !run_step (run, g_ptr_array_index (ops, i), i + 1 == ops->len);
    fails = fails || failed (run);
    if (use_fork)
      _exit (fails ? 3 : 0);
    run_free (run);
    return fails;
  }
}

static GPtrArray *
ops_without (GPtrArray *ops,
             guint      start,
             guint      length)
{
  GPtrArray *rest = g_ptr_array_new ();

  for (guint i = 0; i < ops->len; i++)
    if (i < start || i >= start + length)
      g_ptr_array_add (rest, g_ptr_array_index (ops, i));
  return rest;
}

/* Delta debugging over the recorded operations: the shortest failing prefix, then chunks and
 * single operations left out while it still fails. */
static GPtrArray *
shrink (WaymarkCatalogue *catalogue,
        GPtrArray        *ops,
        guint             check_every,
        gboolean          use_fork)
{
  g_autoptr(GPtrArray) current = g_ptr_array_new ();
  guint replays = 0;
  guint low = 1, high = ops->len;
  guint chunks = 2;

  /* The shortest failing prefix: the failure was seen after the last operation. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(GPtrArray) prefix = g_ptr_array_new ();

      for (guint i = 0; i < middle; i++)
        g_ptr_array_add (prefix, g_ptr_array_index (ops, i));
      replays++;
      if (replay_fails (catalogue, prefix, check_every, use_fork))
        high = middle;
      else
        low = middle + 1;
    }
  for (guint i = 0; i < high; i++)
    g_ptr_array_add (current, g_ptr_array_index (ops, i));
  g_printerr ("# shortest failing prefix: %u operations\n", current->len);

  /* Chunks left out, finer and finer. Every replay ends with the full check; a short one has
   * it at every step, so a failure that shows only there is still seen early. */
  while (current->len > 1 && replays < MAX_REPLAYS)
    {
      guint size = (current->len + chunks - 1) / chunks;

      if (current->len <= 60)
        check_every = 1;
      gboolean removed = FALSE;

      for (guint start = 0; start < current->len && replays < MAX_REPLAYS; )
        {
          g_autoptr(GPtrArray) rest = ops_without (current, start, size);

          replays++;
          if (rest->len > 0 && replay_fails (catalogue, rest, check_every, use_fork))
            {
              g_ptr_array_unref (current);
              current = g_steal_pointer (&rest);
              removed = TRUE;
            }
          else
            start += size;
        }
      if (removed)
        chunks = MAX (chunks - 1, 2);
      else if (size == 1)
        break;
      else
        chunks = MIN (chunks * 2, current->len);
    }
  g_printerr ("# shrinking took %u replays\n", replays);
  return g_steal_pointer (&current);
}

static void
print_ops (GPtrArray *ops)
{
  for (guint i = 0; i < ops->len; i++)
    {
      g_autofree char *line = describe_op (g_ptr_array_index (ops, i));
      g_printerr ("#   %u. %s\n", i + 1, line);
    }
}

static void
report_failure (WaymarkCatalogue *catalogue,
                guint32           seed,
                guint             step,
                const char       *message,
                GPtrArray        *ops,
                guint             check_every,
                gboolean          use_fork)
{
  g_autoptr(GPtrArray) shortest = NULL;
  g_autofree char *sequence = NULL;

  g_printerr ("# plan model FAILED: seed %u, step %u: %s\n", seed, step, message);
  g_printerr ("# rerun: WAYMARK_MODEL_SEED=%u WAYMARK_MODEL_STEPS=%u\n", seed, step);
  shortest = shrink (catalogue, ops, check_every, use_fork);
  last_shortest = shortest->len;
  g_printerr ("# shortest failing sequence (%u operations; an item number is taken modulo the "
              "number of items then):\n", shortest->len);
  print_ops (shortest);
  {
    GString *line = g_string_new (NULL);

    for (guint i = 0; i < shortest->len; i++)
      {
        g_autofree char *text = describe_op (g_ptr_array_index (shortest, i));
        g_string_append_printf (line, "%s%s", i ? "; " : "", text);
      }
    sequence = g_string_free (line, FALSE);
  }
  g_printerr ("# in one line: %s\n", sequence);
  /* What the shortest sequence fails with (a crash would end this process too). */
  {
    Run *run = run_new (catalogue, 0, 1);

    for (guint i = 0; i < shortest->len && !failed (run); i++)
      run_step (run, g_ptr_array_index (shortest, i), i + 1 == shortest->len);
    g_printerr ("# it fails with: %s\n", run->failure ? run->failure->str : "(nothing?)");
    run_free (run);
  }
}

/* Runs `steps` steps from `seed`; returns the failure message, or NULL. */
static char *
run_seed (WaymarkCatalogue *catalogue,
          guint32           seed,
          guint             steps,
          guint             check_every,
          int               step_fd,
          guint            *steps_run)
{
  Run *run = run_new (catalogue, seed, check_every);
  char *message = NULL;
  gboolean use_fork = g_getenv ("WAYMARK_MODEL_NO_FORK") == NULL;

  run->step_fd = step_fd;
  for (guint i = 0; i < steps && !failed (run); i++)
    {
      Op *op = random_op (run);

      g_ptr_array_add (run->ops, op);
      run_step (run, op, i + 1 == steps);
    }
  *steps_run = run->step;

  if (failed (run))
    {
      message = g_strdup (run->failure->str);
      report_failure (catalogue, seed, run->step, message, run->ops, check_every, use_fork);
    }
  else
    g_test_message ("seed %u: %u steps, %u sessions, %u full checks", seed, run->step,
                    run->n_sessions, run->n_full_checks);
  run_free (run);
  return message;
}

/* Fork mode: the run in a child, so that a crash is caught; the parent then makes the same
 * operations up to the crash and shrinks them in children of its own. */
static char *
run_seed_forked (WaymarkCatalogue *catalogue,
                 guint32           seed,
                 guint             steps,
                 guint             check_every,
                 guint            *steps_run)
{
  int fds[2];
  pid_t pid;
  int status;
  guint32 last = 0, step;
  Run *run;

  g_assert_no_errno (pipe (fds));
  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      guint n;
      g_autofree char *message = NULL;

      close (fds[0]);
      message = run_seed (catalogue, seed, steps, check_every, fds[1], &n);
      _exit (message ? 3 : 0);
    }

  close (fds[1]);
  while (read (fds[0], &step, sizeof step) == sizeof step)
    last = step;
  close (fds[0]);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  *steps_run = last;
  if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
    return NULL;
  if (WIFEXITED (status) && WEXITSTATUS (status) == 3)
    return g_strdup_printf ("seed %u failed at step %u (the child said why, above)", seed, last);

  /* A crash at step `last`: make the operations again, applying all but the last. */
  g_printerr ("# plan model CRASHED (%s %d): seed %u, step %u\n",
              WIFSIGNALED (status) ? "signal" : "exit status",
              WIFSIGNALED (status) ? WTERMSIG (status) : WEXITSTATUS (status), seed, last);
  run = run_new (catalogue, seed, check_every);
  for (guint i = 0; i < last; i++)
    {
      Op *op = random_op (run);

      g_ptr_array_add (run->ops, op);
      if (i + 1 < last)
        run_step (run, op, FALSE);
    }
  report_failure (catalogue, seed, last, "crashed", run->ops, check_every, TRUE);
  run_free (run);
  return g_strdup_printf ("seed %u crashed at step %u", seed, last);
}

typedef struct
{
  guint32 seed;
  guint   steps;
} RunData;

static void
test_run (gconstpointer data)
{
  const RunData *run_data = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = waymark_catalogue_new_default (&error);
  guint check_every = test_env_uint ("WAYMARK_MODEL_CHECK_EVERY", run_data->steps <= 300 ? 1 : 50);
  g_autofree char *message = NULL;
  guint steps_run = 0;
  gint64 started = g_get_monotonic_time ();

  g_assert_no_error (error);
  g_test_message ("seed %u, %u steps, a full check every %u", run_data->seed, run_data->steps,
                  check_every);
  if (g_getenv ("WAYMARK_MODEL_FORK") != NULL)
    message = run_seed_forked (catalogue, run_data->seed, run_data->steps, check_every,
                               &steps_run);
  else
    message = run_seed (catalogue, run_data->seed, run_data->steps, check_every, -1,
                        &steps_run);
  g_test_message ("seed %u: %u steps in %.1f s", run_data->seed, steps_run,
                  (g_get_monotonic_time () - started) / 1e6);
  if (message != NULL)
    {
      g_test_fail_printf ("seed %u, step %u: %s", run_data->seed, steps_run, message);
      return;
    }
  g_assert_cmpuint (steps_run, ==, run_data->steps);
}

/* A fault no single edit makes: notes with a "<" in a plan of three years or more. */
static gboolean
markup_notes_and_three_years (WaymarkPlan *plan)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (plan));

  if (waymark_plan_get_years (plan) < 3)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

      if (strchr (waymark_plan_item_get_notes (item), '<') != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The shrinker finds a planted fault and the three operations that make it. */
static void
test_shrink (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = waymark_catalogue_new_default (&error);
  g_autofree char *message = NULL;
  guint steps_run = 0;

  g_assert_no_error (error);
  g_printerr ("# a planted fault: the failure reported below is expected\n");
  planted_fault = markup_notes_and_three_years;
  last_shortest = 0;
  message = run_seed (catalogue, DEFAULT_SEED, 3000, 50, -1, &steps_run);
  planted_fault = NULL;

  g_assert_nonnull (message);
  g_assert_true (g_str_has_suffix (message, "the planted fault"));
  /* add an item, set its notes, set the years: nothing shorter makes the fault. */
  g_assert_cmpuint (last_shortest, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_free);
  guint steps = test_env_uint ("WAYMARK_MODEL_STEPS", DEFAULT_STEPS);
  const char *seed = g_getenv ("WAYMARK_MODEL_SEED");

  /* No G_TEST_OPTION_ISOLATE_DIRS: this test reads no user directory (its files are in a
   * directory of its own), and GLib 2.74 drops the old directory strings at each test's reset,
   * a leak tests/lsan.supp suppresses by its stack, which the fast unwinder this test runs with
   * under ASan (tests/meson.build) cannot see. */
  g_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (on_fatal_log, NULL);
  /* The labels in the model's messages are the enums' own. */
  g_type_class_ref (WAYMARK_TYPE_COST_SOURCE);

  if (seed != NULL)
    {
      RunData *data = g_new0 (RunData, 1);

      data->seed = test_env_uint ("WAYMARK_MODEL_SEED", 0);
      data->steps = steps;
      g_ptr_array_add (runs, data);
      g_test_add_data_func ("/core/plan-model/seed", data, test_run);
    }
  else
    {
      g_test_add_func ("/core/plan-model/shrink", test_shrink);

      /* Fixed seeds, so the test command decides the same every time; tests/run-model-long.sh
       * tries new ones. */
      for (guint i = 0; i < DEFAULT_RUNS; i++)
        {
          RunData *data = g_new0 (RunData, 1);
          g_autofree char *path = NULL;

          data->seed = DEFAULT_SEED + i;
          data->steps = steps / DEFAULT_RUNS + (i < steps % DEFAULT_RUNS ? 1 : 0);
          g_ptr_array_add (runs, data);
          path = g_strdup_printf ("/core/plan-model/run/%u", i + 1);
          g_test_add_data_func (path, data, test_run);
        }
    }

  return g_test_run ();
}
