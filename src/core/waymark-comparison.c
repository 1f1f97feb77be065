/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-comparison.h"
#include "waymark-csv.h"

struct _WaymarkComparison
{
  GObject           parent_instance;

  /* Owned */
  WaymarkCatalogue *catalogue;
  GPtrArray        *columns;  /* WaymarkIntervention */
};

static void waymark_comparison_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WaymarkComparison, waymark_comparison, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      waymark_comparison_list_model_init))

G_DEFINE_QUARK (waymark-comparison-error-quark, waymark_comparison_error)

enum
{
  PROP_0,
  PROP_CATALOGUE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
waymark_comparison_get_item_type (GListModel *model)
{
  return WAYMARK_TYPE_INTERVENTION;
}

static guint
waymark_comparison_get_n_items (GListModel *model)
{
  return WAYMARK_COMPARISON (model)->columns->len;
}

static gpointer
waymark_comparison_get_item (GListModel *model,
                             guint       position)
{
  WaymarkComparison *self = WAYMARK_COMPARISON (model);

  if (position >= self->columns->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->columns, position));
}

static void
waymark_comparison_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = waymark_comparison_get_item_type;
  iface->get_n_items = waymark_comparison_get_n_items;
  iface->get_item = waymark_comparison_get_item;
}

static void
emit_changed (WaymarkComparison *self,
              guint              position,
              guint              removed,
              guint              added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
find (WaymarkComparison *self,
      const char        *id,
      guint             *position)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      if (g_strcmp0 (waymark_intervention_get_id (g_ptr_array_index (self->columns, i)), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
waymark_comparison_finalize (GObject *object)
{
  WaymarkComparison *self = WAYMARK_COMPARISON (object);

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_object (&self->catalogue);

  G_OBJECT_CLASS (waymark_comparison_parent_class)->finalize (object);
}

static void
waymark_comparison_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WaymarkComparison *self = WAYMARK_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      g_value_set_object (value, self->catalogue);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->columns->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_comparison_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  WaymarkComparison *self = WAYMARK_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      waymark_comparison_set_catalogue (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_comparison_class_init (WaymarkComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = waymark_comparison_finalize;
  object_class->get_property = waymark_comparison_get_property;
  object_class->set_property = waymark_comparison_set_property;

  properties[PROP_CATALOGUE] =
    g_param_spec_object ("catalogue", NULL, NULL, WAYMARK_TYPE_CATALOGUE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, WAYMARK_COMPARISON_MAX, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
waymark_comparison_init (WaymarkComparison *self)
{
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
}

WaymarkComparison *
waymark_comparison_new (WaymarkCatalogue *catalogue)
{
  g_return_val_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue), NULL);

  return g_object_new (WAYMARK_TYPE_COMPARISON, "catalogue", catalogue, NULL);
}

WaymarkCatalogue *
waymark_comparison_get_catalogue (WaymarkComparison *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARISON (self), NULL);

  return self->catalogue;
}

void
waymark_comparison_set_catalogue (WaymarkComparison *self,
                                  WaymarkCatalogue  *catalogue)
{
  g_auto(GStrv) ids = NULL;

  g_return_if_fail (WAYMARK_IS_COMPARISON (self));
  g_return_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue));

  if (self->catalogue == catalogue)
    return;

  ids = waymark_comparison_dup_ids (self);
  g_set_object (&self->catalogue, catalogue);
  waymark_comparison_set_ids (self, (const char * const *) ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOGUE]);
}

gboolean
waymark_comparison_contains (WaymarkComparison *self,
                             const char        *id)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARISON (self), FALSE);

  return id != NULL && find (self, id, NULL);
}

gboolean
waymark_comparison_add (WaymarkComparison *self,
                        const char        *id,
                        GError           **error)
{
  WaymarkIntervention *intervention;

  g_return_val_if_fail (WAYMARK_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  intervention = self->catalogue != NULL ? waymark_catalogue_lookup (self->catalogue, id) : NULL;
  if (intervention == NULL)
    {
      g_set_error (error, WAYMARK_COMPARISON_ERROR, WAYMARK_COMPARISON_ERROR_NOT_FOUND,
                   _("“%s” is not in the catalogue, so it cannot be compared."), id);
      return FALSE;
    }

  if (find (self, id, NULL))
    {
      g_set_error (error, WAYMARK_COMPARISON_ERROR, WAYMARK_COMPARISON_ERROR_EXISTS,
                   _("%s is already in the comparison."),
                   waymark_intervention_get_name (intervention));
      return FALSE;
    }

  if (self->columns->len >= WAYMARK_COMPARISON_MAX)
    {
      g_set_error (error, WAYMARK_COMPARISON_ERROR, WAYMARK_COMPARISON_ERROR_FULL,
                   g_dngettext (GETTEXT_PACKAGE,
                                "At most %d intervention can be compared side by side: remove "
                                "one from the comparison before adding %s.",
                                "At most %d interventions can be compared side by side: remove "
                                "one from the comparison before adding %s.",
                                WAYMARK_COMPARISON_MAX),
                   WAYMARK_COMPARISON_MAX, waymark_intervention_get_name (intervention));
      return FALSE;
    }

  g_ptr_array_add (self->columns, g_object_ref (intervention));
  emit_changed (self, self->columns->len - 1, 0, 1);
  return TRUE;
}

gboolean
waymark_comparison_add_many (WaymarkComparison  *self,
                             const char * const *ids,
                             guint              *n_added,
                             GError            **error)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  guint total;

  g_return_val_if_fail (WAYMARK_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      WaymarkIntervention *intervention = NULL;

      if (self->catalogue != NULL)
        intervention = waymark_catalogue_lookup (self->catalogue, ids[i]);
      if (intervention == NULL)
        {
          g_set_error (error, WAYMARK_COMPARISON_ERROR, WAYMARK_COMPARISON_ERROR_NOT_FOUND,
                       _("“%s” is not in the catalogue, so it cannot be compared."), ids[i]);
          return FALSE;
        }
      if (!g_ptr_array_find (self->columns, intervention, NULL) &&
          !g_ptr_array_find (added, intervention, NULL))
        g_ptr_array_add (added, g_object_ref (intervention));
    }

  total = self->columns->len + added->len;
  if (total > WAYMARK_COMPARISON_MAX)
    {
      g_set_error (error, WAYMARK_COMPARISON_ERROR, WAYMARK_COMPARISON_ERROR_FULL,
                   g_dngettext (GETTEXT_PACKAGE,
                                "At most %d interventions can be compared side by side, and "
                                "these would make %u. Remove some from the comparison first.",
                                "At most %d interventions can be compared side by side, and "
                                "these would make %u. Remove some from the comparison first.",
                                total),
                   WAYMARK_COMPARISON_MAX, total);
      return FALSE;
    }

  if (added->len == 0)
    return TRUE;

  for (guint i = 0; i < added->len; i++)
    g_ptr_array_add (self->columns, g_object_ref (g_ptr_array_index (added, i)));
  if (n_added != NULL)
    *n_added = added->len;
  emit_changed (self, self->columns->len - added->len, 0, added->len);
  return TRUE;
}

gboolean
waymark_comparison_remove (WaymarkComparison *self,
                           const char        *id)
{
  guint position;

  g_return_val_if_fail (WAYMARK_IS_COMPARISON (self), FALSE);

  if (id == NULL || !find (self, id, &position))
    return FALSE;

  g_ptr_array_remove_index (self->columns, position);
  emit_changed (self, position, 1, 0);
  return TRUE;
}

gboolean
waymark_comparison_move (WaymarkComparison *self,
                         const char        *id,
                         int                offset)
{
  guint position;
  guint other;
  gpointer tmp;

  g_return_val_if_fail (WAYMARK_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (offset == -1 || offset == 1, FALSE);

  if (id == NULL || !find (self, id, &position))
    return FALSE;
  if ((offset < 0 && position == 0) || (offset > 0 && position + 1 >= self->columns->len))
    return FALSE;

  other = position + offset;
  tmp = self->columns->pdata[position];
  self->columns->pdata[position] = self->columns->pdata[other];
  self->columns->pdata[other] = tmp;
  emit_changed (self, MIN (position, other), 2, 2);
  return TRUE;
}

gboolean
waymark_comparison_move_to (WaymarkComparison *self,
                            const char        *id,
                            guint              position)
{
  guint from;
  guint first;
  guint n;
  gpointer column;

  g_return_val_if_fail (WAYMARK_IS_COMPARISON (self), FALSE);

  if (id == NULL || !find (self, id, &from) || self->columns->len == 0)
    return FALSE;
  position = MIN (position, self->columns->len - 1);
  if (position == from)
    return FALSE;

  column = g_ptr_array_steal_index (self->columns, from);
  g_ptr_array_insert (self->columns, (int) position, column);
  first = MIN (from, position);
  n = MAX (from, position) - first + 1;
  emit_changed (self, first, n, n);
  return TRUE;
}

void
waymark_comparison_clear (WaymarkComparison *self)
{
  guint n;

  g_return_if_fail (WAYMARK_IS_COMPARISON (self));

  n = self->columns->len;
  if (n == 0)
    return;
  g_ptr_array_set_size (self->columns, 0);
  emit_changed (self, 0, n, 0);
}

char **
waymark_comparison_dup_ids (WaymarkComparison *self)
{
  GStrvBuilder *builder;
  char **ids;

  g_return_val_if_fail (WAYMARK_IS_COMPARISON (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->columns->len; i++)
    g_strv_builder_add (builder, waymark_intervention_get_id (g_ptr_array_index (self->columns, i)));
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}

void
waymark_comparison_set_ids (WaymarkComparison  *self,
                            const char * const *ids)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean same;
  guint old_n;

  g_return_if_fail (WAYMARK_IS_COMPARISON (self));

  for (guint i = 0; ids != NULL && ids[i] != NULL && columns->len < WAYMARK_COMPARISON_MAX; i++)
    {
      WaymarkIntervention *intervention;

      if (self->catalogue == NULL)
        break;
      intervention = waymark_catalogue_lookup (self->catalogue, ids[i]);
      if (intervention != NULL && !g_ptr_array_find (columns, intervention, NULL))
        g_ptr_array_add (columns, g_object_ref (intervention));
    }

  same = columns->len == self->columns->len;
  for (guint i = 0; same && i < columns->len; i++)
    same = columns->pdata[i] == self->columns->pdata[i];
  if (same)
    return;

  old_n = self->columns->len;
  g_ptr_array_unref (self->columns);
  self->columns = g_steal_pointer (&columns);
  emit_changed (self, 0, old_n, self->columns->len);
}

/* The rows */

void
waymark_comparison_row_free (WaymarkComparisonRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->cells);
  g_free (row->note);
  g_free (row);
}

/* "et al.", "e.g.", "i.e." and initials do not end a sentence. */
static gboolean
is_abbreviation (const char *start,
                 const char *dot)
{
  static const char * const words[] = { "al", "e.g", "i.e", "etc", "Dr", "No", "vs", NULL };
  const char *word = dot;

  while (word > start && word[-1] != ' ' && word[-1] != '(')
    word--;
  if (dot - word == 1 && g_ascii_isupper (*word))
    return TRUE;
  for (guint i = 0; words[i] != NULL; i++)
    if ((gsize) (dot - word) == strlen (words[i]) && strncmp (word, words[i], dot - word) == 0)
      return TRUE;
  return FALSE;
}

char *
waymark_comparison_summarise_evidence (const char *evidence)
{
  const char *start;
  const char *end;
  g_autofree char *line = NULL;

  if (evidence == NULL)
    return g_strdup ("");

  start = evidence;
  while (*start == ' ' || *start == '-' || *start == '\n')
    start++;

  /* The first sentence: up to a full stop followed by a space or a line's end, or the line's end. */
  for (end = start; *end != '\0' && *end != '\n'; end++)
    {
      if (*end == '.' && (end[1] == ' ' || end[1] == '\n' || end[1] == '\0') &&
          !is_abbreviation (start, end))
        {
          end++;
          break;
        }
    }

  line = g_strndup (start, end - start);
  return g_strstrip (g_steal_pointer (&line));
}

static char *
join_or (const char * const *strv,
         const char         *separator,
         const char         *none)
{
  if (strv == NULL || strv[0] == NULL)
    return g_strdup (none);
  return g_strjoinv (separator, (char **) strv);
}

static char *
format_ages (WaymarkIntervention *item)
{
  int min = waymark_intervention_get_age_min (item);
  int max = waymark_intervention_get_age_max (item);

  if (min >= 0 && max >= 0)
    return g_strdup_printf (_("Ages %d to %d"), min, max);
  if (min >= 0)
    return g_strdup_printf (_("Ages %d and over"), min);
  if (max >= 0)
    return g_strdup_printf (_("Ages up to %d"), max);
  return g_strdup (_("Ages not given"));
}

/* For people the figures follow the locale's separators; for an export they are written as the
 * review writes them ("£2,400"), in every locale. */
static char *
format_cell (WaymarkComparisonRowKind  kind,
             WaymarkIntervention      *item,
             gboolean                  for_export)
{
  switch (kind)
    {
    case WAYMARK_COMPARISON_ROW_LEVEL:
      return waymark_flags_format_labels (WAYMARK_TYPE_LEVEL, waymark_intervention_get_levels (item));
    case WAYMARK_COMPARISON_ROW_FOCUS:
      return g_strdup (waymark_focus_get_label (waymark_intervention_get_focus (item)));
    case WAYMARK_COMPARISON_ROW_WORKS_WITH:
      return waymark_flags_format_labels (WAYMARK_TYPE_WORKS_WITH,
                                          waymark_intervention_get_works_with (item));
    case WAYMARK_COMPARISON_ROW_EVIDENCE:
      return waymark_intervention_dup_rating_text (item, TRUE);
    case WAYMARK_COMPARISON_ROW_IMPACT:
      return waymark_intervention_dup_rating_text (item, FALSE);
    case WAYMARK_COMPARISON_ROW_EVIDENCE_BASIS:
      {
        char *line = waymark_comparison_summarise_evidence (waymark_intervention_get_evidence (item));

        if (*line != '\0')
          return line;
        g_free (line);
        return g_strdup (_("The review describes no evidence"));
      }
    case WAYMARK_COMPARISON_ROW_COST:
      {
        GPtrArray *costs = waymark_intervention_get_costs (item);
        GString *out = g_string_new (NULL);

        for (guint i = 0; costs != NULL && i < costs->len; i++)
          {
            const WaymarkCost *cost = g_ptr_array_index (costs, i);
            g_autofree char *text = for_export ? waymark_cost_format_for_export (cost)
                                               : waymark_cost_format (cost);

            if (out->len > 0)
              g_string_append (out, "; ");
            g_string_append (out, text);
          }
        if (out->len == 0)
          g_string_append (out, _("No published cost"));
        return g_string_free (out, FALSE);
      }
    case WAYMARK_COMPARISON_ROW_COST_BENEFIT:
      return join_or (waymark_intervention_get_cost_benefit (item), "\n", _("None published"));
    case WAYMARK_COMPARISON_ROW_COHORT:
      {
        const char *cohort = waymark_intervention_get_target_cohort (item);
        g_autofree char *ages = format_ages (item);

        if (cohort == NULL || *cohort == '\0')
          return g_steal_pointer (&ages);
        return g_strdup_printf ("%s\n%s", cohort, ages);
      }
    case WAYMARK_COMPARISON_ROW_DELIVERY:
      {
        const char *sessions = waymark_intervention_get_sessions (item);
        const char *duration = waymark_intervention_get_duration (item);
        GString *out = g_string_new (NULL);

        if (sessions != NULL && *sessions != '\0')
          g_string_append_printf (out, _("Sessions: %s"), sessions);
        if (duration != NULL && *duration != '\0')
          {
            if (out->len > 0)
              g_string_append_c (out, '\n');
            g_string_append_printf (out, _("Duration: %s"), duration);
          }
        if (out->len == 0)
          g_string_append (out, _("Not given"));
        return g_string_free (out, FALSE);
      }
    case WAYMARK_COMPARISON_ROW_LLR:
      {
        const char *status = waymark_llr_status_get_label (waymark_intervention_get_llr_status (item));
        const char *feasibility = waymark_intervention_get_feasibility (item);

        if (feasibility == NULL || *feasibility == '\0')
          return g_strdup (status);
        return g_strdup_printf ("%s\n%s", status, feasibility);
      }
    case WAYMARK_COMPARISON_ROW_ORGANISATIONS:
      return join_or (waymark_intervention_get_organisations (item), ", ", _("None named"));
    case WAYMARK_COMPARISON_ROW_REFERENCES:
      return join_or (waymark_intervention_get_references (item), "\n", _("None listed"));
    case WAYMARK_COMPARISON_N_ROWS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
row_key (WaymarkComparisonRowKind kind)
{
  static const char * const keys[] = {
    "level", "focus", "works-with", "evidence", "impact", "evidence-basis", "cost",
    "cost-benefit", "cohort", "delivery", "llr", "organisations", "references",
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (keys) == WAYMARK_COMPARISON_N_ROWS);

  return keys[kind];
}

static const char *
row_label (WaymarkComparisonRowKind kind)
{
  switch (kind)
    {
    case WAYMARK_COMPARISON_ROW_LEVEL:
      return _("Prevention level");
    case WAYMARK_COMPARISON_ROW_FOCUS:
      return _("Focus");
    case WAYMARK_COMPARISON_ROW_WORKS_WITH:
      return _("Works with");
    case WAYMARK_COMPARISON_ROW_EVIDENCE:
      return _("Evidence rating");
    case WAYMARK_COMPARISON_ROW_IMPACT:
      return _("Impact rating");
    case WAYMARK_COMPARISON_ROW_EVIDENCE_BASIS:
      return _("What the ratings rest on");
    case WAYMARK_COMPARISON_ROW_COST:
      return _("Published cost");
    case WAYMARK_COMPARISON_ROW_COST_BENEFIT:
      return _("Cost-benefit");
    case WAYMARK_COMPARISON_ROW_COHORT:
      return _("Target cohort and ages");
    case WAYMARK_COMPARISON_ROW_DELIVERY:
      return _("Delivery");
    case WAYMARK_COMPARISON_ROW_LLR:
      return _("Status and feasibility in LLR");
    case WAYMARK_COMPARISON_ROW_ORGANISATIONS:
      return _("Organisations");
    case WAYMARK_COMPARISON_ROW_REFERENCES:
      return _("References");
    case WAYMARK_COMPARISON_N_ROWS:
    default:
      g_assert_not_reached ();
    }
}

/* Columns with the highest rated floor; unrated columns are never best. */
static guint
best_rating (GPtrArray *columns,
             gboolean   evidence)
{
  WaymarkRating top = WAYMARK_RATING_NONE;
  guint best = 0;

  for (guint i = 0; i < columns->len; i++)
    {
      WaymarkIntervention *item = g_ptr_array_index (columns, i);
      WaymarkRating rating = waymark_rating_get_floor (evidence
                                                       ? waymark_intervention_get_evidence_rating (item)
                                                       : waymark_intervention_get_impact_rating (item));

      if (rating == WAYMARK_RATING_NONE)
        continue;
      if (rating > top)
        {
          top = rating;
          best = 0;
        }
      if (rating == top)
        best |= 1u << i;
    }
  return best;
}

static guint
n_with_cost (GPtrArray *columns)
{
  guint n = 0;

  for (guint i = 0; i < columns->len; i++)
    if (waymark_intervention_get_cost (g_ptr_array_index (columns, i)) != NULL)
      n++;
  return n;
}

/* Costs rank only like against like: one currency, one basis. The lowest is best. */
static guint
best_cost (GPtrArray  *columns,
           char      **note)
{
  const WaymarkCost *first = NULL;
  guint best = 0;
  gint64 low = G_MAXINT64;
  gint64 high = G_MAXINT64;

  for (guint i = 0; i < columns->len; i++)
    {
      WaymarkIntervention *item = g_ptr_array_index (columns, i);
      const WaymarkCost *cost = waymark_intervention_get_cost (item);

      if (cost == NULL && n_with_cost (columns) == 0)
        {
          *note = g_strdup (_("Not comparable: none of these publishes a cost."));
          return 0;
        }
      if (cost == NULL)
        {
          *note = g_strdup_printf (_("Not comparable: %s publishes no cost."),
                                   waymark_intervention_get_name (item));
          return 0;
        }
      if (first == NULL)
        {
          first = cost;
          continue;
        }
      if (cost->currency != first->currency)
        {
          *note = g_strdup (_("Not comparable: the costs are in different currencies."));
          return 0;
        }
      if (g_strcmp0 (cost->basis, first->basis) != 0)
        {
          *note = g_strdup (_("Not comparable: the costs are for different units "
                              "(per person, per session…)."));
          return 0;
        }
    }

  for (guint i = 0; i < columns->len; i++)
    {
      const WaymarkCost *cost = waymark_intervention_get_cost (g_ptr_array_index (columns, i));

      if (cost->low_minor < low || (cost->low_minor == low && cost->high_minor < high))
        {
          low = cost->low_minor;
          high = cost->high_minor;
          best = 0;
        }
      if (cost->low_minor == low && cost->high_minor == high)
        best |= 1u << i;
    }
  return best;
}

static GPtrArray *
build_rows (WaymarkComparison *self,
            gboolean           for_export)
{
  GPtrArray *rows;
  guint n = self->columns->len;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_comparison_row_free);
  for (guint kind = 0; kind < WAYMARK_COMPARISON_N_ROWS; kind++)
    {
      WaymarkComparisonRow *row = g_new0 (WaymarkComparisonRow, 1);

      row->kind = kind;
      row->key = row_key (kind);
      row->label = row_label (kind);
      row->cells = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        {
          row->cells[i] = format_cell (kind, g_ptr_array_index (self->columns, i), for_export);
          if (i > 0 && g_strcmp0 (row->cells[i], row->cells[0]) != 0)
            row->differs = TRUE;
        }

      if (kind == WAYMARK_COMPARISON_ROW_EVIDENCE)
        {
          row->best = best_rating (self->columns, TRUE);
          row->best_label = _("Strongest evidence");
        }
      else if (kind == WAYMARK_COMPARISON_ROW_IMPACT)
        {
          row->best = best_rating (self->columns, FALSE);
          row->best_label = _("Highest impact");
        }
      else if (kind == WAYMARK_COMPARISON_ROW_COST && n > 0)
        {
          row->best = best_cost (self->columns, &row->note);
          row->best_label = _("Lowest cost");
        }

      g_ptr_array_add (rows, row);
    }
  return rows;
}

GPtrArray *
waymark_comparison_build_rows (WaymarkComparison *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARISON (self), NULL);

  return build_rows (self, FALSE);
}

char *
waymark_comparison_to_csv (WaymarkComparison *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  GString *out;
  WaymarkCsvWriter writer;

  g_return_val_if_fail (WAYMARK_IS_COMPARISON (self), NULL);

  /* Exports do not follow the locale's digit separators, whatever language Waymark runs in. */
  rows = build_rows (self, TRUE);

  /* Excel on Windows reads UTF-8 only with a byte-order mark. */
  out = g_string_new ("\xEF\xBB\xBF");
  waymark_csv_writer_init (&writer, out);

  waymark_csv_add_field (&writer, _("Attribute"), WAYMARK_CSV_TEXT);
  for (guint i = 0; i < self->columns->len; i++)
    waymark_csv_add_field (&writer,
                           waymark_intervention_get_name (g_ptr_array_index (self->columns, i)),
                           WAYMARK_CSV_TEXT);
  waymark_csv_end_row (&writer);

  for (guint r = 0; r < rows->len; r++)
    {
      WaymarkComparisonRow *row = g_ptr_array_index (rows, r);

      waymark_csv_add_field (&writer, row->label, WAYMARK_CSV_TEXT);
      for (guint i = 0; row->cells[i] != NULL; i++)
        waymark_csv_add_field (&writer, row->cells[i], WAYMARK_CSV_TEXT);
      waymark_csv_end_row (&writer);
    }

  return g_string_free (out, FALSE);
}
