/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-criteria.h"
#include "waymark-money.h"
#include "waymark-plan-item-private.h"
#include "waymark-util.h"

G_DEFINE_ENUM_TYPE (WaymarkCostSource, waymark_cost_source,
  G_DEFINE_ENUM_VALUE (WAYMARK_COST_SOURCE_REVIEW, "review"),
  G_DEFINE_ENUM_VALUE (WAYMARK_COST_SOURCE_LOCAL_QUOTE, "local-quote"),
  G_DEFINE_ENUM_VALUE (WAYMARK_COST_SOURCE_ESTIMATE, "estimate"))

G_DEFINE_ENUM_TYPE (WaymarkFundingSource, waymark_funding_source,
  G_DEFINE_ENUM_VALUE (WAYMARK_FUNDING_SOURCE_UNSPECIFIED, "unspecified"),
  G_DEFINE_ENUM_VALUE (WAYMARK_FUNDING_SOURCE_HOME_OFFICE_PERPETRATOR, "home-office-perpetrator"),
  G_DEFINE_ENUM_VALUE (WAYMARK_FUNDING_SOURCE_PCC_VICTIMS, "pcc-victims"),
  G_DEFINE_ENUM_VALUE (WAYMARK_FUNDING_SOURCE_LOCAL_AUTHORITY_SAFE_ACCOMMODATION,
                       "local-authority-safe-accommodation"),
  G_DEFINE_ENUM_VALUE (WAYMARK_FUNDING_SOURCE_GRANT_GIVING_BODIES, "grant-giving-bodies"),
  G_DEFINE_ENUM_VALUE (WAYMARK_FUNDING_SOURCE_OTHER, "other"))

static const WaymarkChoice reach_group_choices[] = {
  { WAYMARK_REACH_GROUP_UNSPECIFIED, "WAYMARK_REACH_GROUP_UNSPECIFIED", "unspecified", NULL,
    N_("Not yet said"), NULL, NULL },
  { WAYMARK_REACH_GROUP_VICTIMS, "WAYMARK_REACH_GROUP_VICTIMS", "victims", NULL,
    N_("Victims and survivors"), NULL, NULL },
  { WAYMARK_REACH_GROUP_PERPETRATORS, "WAYMARK_REACH_GROUP_PERPETRATORS", "perpetrators", NULL,
    N_("Perpetrators"), NULL, NULL },
  { WAYMARK_REACH_GROUP_CHILDREN_YOUNG_PEOPLE, "WAYMARK_REACH_GROUP_CHILDREN_YOUNG_PEOPLE",
    "children-young-people", NULL, N_("Children and young people"), NULL, NULL },
  { WAYMARK_REACH_GROUP_COMMUNITY, "WAYMARK_REACH_GROUP_COMMUNITY", "community", NULL,
    N_("The wider community"), NULL, NULL },
  { WAYMARK_REACH_GROUP_PROFESSIONALS, "WAYMARK_REACH_GROUP_PROFESSIONALS", "professionals", NULL,
    N_("Professionals"), NULL, NULL },
  { WAYMARK_REACH_GROUP_OLDER_PEOPLE, "WAYMARK_REACH_GROUP_OLDER_PEOPLE", "older-people", NULL,
    N_("Older people"), NULL, NULL },
};

WAYMARK_DEFINE_CHOICE_TYPE (WaymarkReachGroup, waymark_reach_group, FALSE, reach_group_choices,
                            FALSE)

const char *
waymark_reach_group_get_label (WaymarkReachGroup group)
{
  const WaymarkChoice *choice = waymark_choice_lookup (WAYMARK_TYPE_REACH_GROUP, group);

  return waymark_choice_get_label (choice != NULL ? choice : &reach_group_choices[0]);
}

const char *
waymark_cost_source_get_label (WaymarkCostSource source)
{
  switch (source)
    {
    case WAYMARK_COST_SOURCE_REVIEW:
      return _("Published in the review");
    case WAYMARK_COST_SOURCE_LOCAL_QUOTE:
      return _("Local quote");
    case WAYMARK_COST_SOURCE_ESTIMATE:
    default:
      return _("Estimate");
    }
}

const char *
waymark_funding_source_get_label (WaymarkFundingSource source)
{
  switch (source)
    {
    case WAYMARK_FUNDING_SOURCE_HOME_OFFICE_PERPETRATOR:
      return _("Home Office perpetrator funding");
    case WAYMARK_FUNDING_SOURCE_PCC_VICTIMS:
      return _("PCC victims’ funding");
    case WAYMARK_FUNDING_SOURCE_LOCAL_AUTHORITY_SAFE_ACCOMMODATION:
      return _("Local authority safe-accommodation duty");
    case WAYMARK_FUNDING_SOURCE_GRANT_GIVING_BODIES:
      return _("Grant-giving bodies");
    case WAYMARK_FUNDING_SOURCE_OTHER:
      return _("Other");
    case WAYMARK_FUNDING_SOURCE_UNSPECIFIED:
    default:
      return _("Not yet chosen");
    }
}

G_DEFINE_FINAL_TYPE (WaymarkPlanItem, waymark_plan_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INTERVENTION_ID,
  PROP_NAME,
  PROP_MISSING,
  PROP_LOCAL_SERVICE,
  PROP_QUANTITY,
  PROP_UNIT,
  PROP_UNIT_COST,
  PROP_UNIT_COST_HIGH,
  PROP_COST_SOURCE,
  PROP_FUNDING_SOURCE,
  PROP_FUNDING_NAME,
  PROP_PROVIDER,
  PROP_NOTES,
  PROP_REACH,
  PROP_REACH_GROUP,
  PROP_REACH_SOURCE,
  PROP_YEAR_FIGURES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
waymark_plan_item_finalize (GObject *object)
{
  WaymarkPlanItem *self = (WaymarkPlanItem *) object;

  g_free (self->intervention_id);
  g_free (self->name);
  g_clear_pointer (&self->published_cost, waymark_cost_free);
  g_free (self->unit);
  g_free (self->funding_name);
  g_free (self->provider);
  g_free (self->notes);
  g_free (self->reach_source);
  g_clear_pointer (&self->year_figures, waymark_year_figures_unref);

  G_OBJECT_CLASS (waymark_plan_item_parent_class)->finalize (object);
}

static void
waymark_plan_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WaymarkPlanItem *self = WAYMARK_PLAN_ITEM (object);

  switch (prop_id)
    {
    case PROP_INTERVENTION_ID:
      g_value_set_string (value, self->intervention_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_MISSING:
      g_value_set_boolean (value, self->missing);
      break;
    case PROP_LOCAL_SERVICE:
      g_value_set_boolean (value, self->local_service);
      break;
    case PROP_QUANTITY:
      g_value_set_uint (value, self->quantity);
      break;
    case PROP_YEAR_FIGURES:
      g_value_set_boxed (value, self->year_figures);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_UNIT_COST:
      g_value_set_int64 (value, self->unit_cost);
      break;
    case PROP_UNIT_COST_HIGH:
      g_value_set_int64 (value, self->unit_cost_high);
      break;
    case PROP_COST_SOURCE:
      g_value_set_enum (value, self->cost_source);
      break;
    case PROP_FUNDING_SOURCE:
      g_value_set_enum (value, self->funding_source);
      break;
    case PROP_FUNDING_NAME:
      g_value_set_string (value, self->funding_name);
      break;
    case PROP_PROVIDER:
      g_value_set_string (value, self->provider);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_REACH:
      g_value_set_uint (value, self->reach);
      break;
    case PROP_REACH_GROUP:
      g_value_set_enum (value, self->reach_group);
      break;
    case PROP_REACH_SOURCE:
      g_value_set_string (value, self->reach_source);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_plan_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WaymarkPlanItem *self = WAYMARK_PLAN_ITEM (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_QUANTITY:
      changed = self->quantity != g_value_get_uint (value);
      self->quantity = g_value_get_uint (value);
      break;
    case PROP_UNIT:
      changed = waymark_replace_text (&self->unit, g_value_get_string (value));
      break;
    case PROP_YEAR_FIGURES:
      {
        WaymarkYearFigures *figures = g_value_get_boxed (value);

        changed = !waymark_year_figures_equal (self->year_figures, figures);
        g_clear_pointer (&self->year_figures, waymark_year_figures_unref);
        self->year_figures = figures != NULL ? waymark_year_figures_ref (figures) : NULL;
      }
      break;
    case PROP_UNIT_COST:
      changed = self->unit_cost != g_value_get_int64 (value);
      self->unit_cost = g_value_get_int64 (value);
      break;
    case PROP_UNIT_COST_HIGH:
      changed = self->unit_cost_high != g_value_get_int64 (value);
      self->unit_cost_high = g_value_get_int64 (value);
      break;
    case PROP_COST_SOURCE:
      changed = self->cost_source != (WaymarkCostSource) g_value_get_enum (value);
      self->cost_source = g_value_get_enum (value);
      break;
    case PROP_FUNDING_SOURCE:
      changed = self->funding_source != (WaymarkFundingSource) g_value_get_enum (value);
      self->funding_source = g_value_get_enum (value);
      break;
    case PROP_FUNDING_NAME:
      changed = waymark_replace_text (&self->funding_name, g_value_get_string (value));
      break;
    case PROP_PROVIDER:
      changed = waymark_replace_text (&self->provider, g_value_get_string (value));
      break;
    case PROP_NOTES:
      changed = waymark_replace_text (&self->notes, g_value_get_string (value));
      break;
    case PROP_REACH:
      changed = self->reach != g_value_get_uint (value);
      self->reach = g_value_get_uint (value);
      break;
    case PROP_REACH_GROUP:
      changed = self->reach_group != (WaymarkReachGroup) g_value_get_enum (value);
      self->reach_group = g_value_get_enum (value);
      break;
    case PROP_REACH_SOURCE:
      changed = waymark_replace_text (&self->reach_source, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

/* A commissioner's text is never NULL: no text is "", as the plan file writes it, so NULL given
 * to an edit is "" before the edit compares it (and undo can never restore a NULL). */
static GParamSpec *
text_property (const char *name)
{
  GParamSpec *pspec = g_param_spec_string (name, NULL, NULL, "",
                                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                           G_PARAM_STATIC_STRINGS);

  G_PARAM_SPEC_STRING (pspec)->ensure_non_null = TRUE;
  return pspec;
}

static void
waymark_plan_item_class_init (WaymarkPlanItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = waymark_plan_item_finalize;
  object_class->get_property = waymark_plan_item_get_property;
  object_class->set_property = waymark_plan_item_set_property;

  properties[PROP_INTERVENTION_ID] =
    g_param_spec_string ("intervention-id", NULL, NULL, NULL, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_MISSING] = g_param_spec_boolean ("missing", NULL, NULL, FALSE, ro);
  properties[PROP_LOCAL_SERVICE] = g_param_spec_boolean ("local-service", NULL, NULL, FALSE, ro);
  properties[PROP_QUANTITY] =
    g_param_spec_uint ("quantity", NULL, NULL, 0, WAYMARK_PLAN_MAX_QUANTITY, 1, rw);
  properties[PROP_UNIT] = text_property ("unit");
  properties[PROP_UNIT_COST] =
    g_param_spec_int64 ("unit-cost", NULL, NULL, WAYMARK_NO_COST, WAYMARK_MONEY_MAX,
                        WAYMARK_NO_COST, rw);
  properties[PROP_UNIT_COST_HIGH] =
    g_param_spec_int64 ("unit-cost-high", NULL, NULL, WAYMARK_NO_COST, WAYMARK_MONEY_MAX,
                        WAYMARK_NO_COST, rw);
  properties[PROP_COST_SOURCE] =
    g_param_spec_enum ("cost-source", NULL, NULL, WAYMARK_TYPE_COST_SOURCE,
                       WAYMARK_COST_SOURCE_ESTIMATE, rw);
  properties[PROP_FUNDING_SOURCE] =
    g_param_spec_enum ("funding-source", NULL, NULL, WAYMARK_TYPE_FUNDING_SOURCE,
                       WAYMARK_FUNDING_SOURCE_UNSPECIFIED, rw);
  properties[PROP_FUNDING_NAME] = text_property ("funding-name");
  properties[PROP_PROVIDER] = text_property ("provider");
  properties[PROP_NOTES] = text_property ("notes");
  properties[PROP_REACH] =
    g_param_spec_uint ("reach", NULL, NULL, 0, WAYMARK_PLAN_MAX_QUANTITY, 0, rw);
  properties[PROP_REACH_GROUP] =
    g_param_spec_enum ("reach-group", NULL, NULL, WAYMARK_TYPE_REACH_GROUP,
                       WAYMARK_REACH_GROUP_UNSPECIFIED, rw);
  properties[PROP_REACH_SOURCE] = text_property ("reach-source");
  /* The years after the first that have figures of their own (NULL: none); set it through
   * the plan's per-year edits (waymark_plan_set_item_year_quantity()...). */
  properties[PROP_YEAR_FIGURES] =
    g_param_spec_boxed ("year-figures", NULL, NULL, WAYMARK_TYPE_YEAR_FIGURES, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
waymark_plan_item_init (WaymarkPlanItem *self)
{
  self->quantity = 1;
  self->unit_cost = WAYMARK_NO_COST;
  self->unit_cost_high = WAYMARK_NO_COST;
  self->cost_source = WAYMARK_COST_SOURCE_ESTIMATE;
  self->unit = g_strdup ("");
  self->funding_name = g_strdup ("");
  self->provider = g_strdup ("");
  self->notes = g_strdup ("");
  self->reach_source = g_strdup ("");
}

WaymarkPlanItem *
waymark_plan_item_new_empty (void)
{
  return g_object_new (WAYMARK_TYPE_PLAN_ITEM, NULL);
}

char *
waymark_unit_from_basis (const char *basis)
{
  g_autofree char *first = NULL;
  const char *rest;
  const char *space;
  gsize len;

  if (basis == NULL)
    return g_strdup ("");
  if (g_str_has_prefix (basis, "per "))
    basis += strlen ("per ");

  space = strchr (basis, ' ');
  first = space ? g_strndup (basis, space - basis) : g_strdup (basis);
  rest = space ? space : "";
  len = strlen (first);

  if (g_str_equal (first, "woman"))
    return g_strconcat ("women", rest, NULL);
  if (g_str_equal (first, "man"))
    return g_strconcat ("men", rest, NULL);
  if (len > 1 && first[len - 1] == 'y' && strchr ("aeiou", first[len - 2]) == NULL)
    {
      first[len - 1] = '\0';
      return g_strconcat (first, "ies", rest, NULL);
    }
  if (len > 0 && first[len - 1] == 's')
    return g_strconcat (first, rest, NULL);

  return g_strconcat (first, "s", rest, NULL);
}

WaymarkPlanItem *
waymark_plan_item_new_for_intervention (WaymarkIntervention *intervention)
{
  WaymarkPlanItem *self;
  const WaymarkCost *cost;
  g_autoptr(WaymarkCriteria) young = NULL;

  g_return_val_if_fail (WAYMARK_IS_INTERVENTION (intervention), NULL);

  self = waymark_plan_item_new_empty ();
  self->intervention_id = g_strdup (waymark_intervention_get_id (intervention));
  self->name = g_strdup (waymark_intervention_get_name (intervention));
  self->levels = waymark_intervention_get_levels (intervention);
  self->focus = waymark_intervention_get_focus (intervention);
  self->works_with = waymark_intervention_get_works_with (intervention);
  self->evidence_rating = waymark_intervention_get_evidence_rating (intervention);
  self->impact_rating = waymark_intervention_get_impact_rating (intervention);
  self->llr_status = waymark_intervention_get_llr_status (intervention);

  /* LLR's priority is children and young people under 25: the same rule as the browser's age
   * filter decides whether an item serves them. */
  young = waymark_criteria_new ();
  waymark_criteria_set_age_groups (young, WAYMARK_AGE_GROUP_UNDER_25);
  self->for_young_people = waymark_criteria_match (young, intervention);

  cost = waymark_intervention_get_cost (intervention);
  if (cost != NULL)
    {
      self->published_cost = waymark_cost_copy (cost);
      g_free (self->unit);
      self->unit = waymark_unit_from_basis (cost->basis);
      /* Pounds are taken as published; dollars and euros are never converted: the item waits
       * for a figure in pounds. */
      if (cost->currency == WAYMARK_CURRENCY_GBP)
        {
          self->unit_cost = cost->low_minor;
          self->unit_cost_high = cost->high_minor;
          self->cost_source = WAYMARK_COST_SOURCE_REVIEW;
        }
    }

  return self;
}

void
waymark_plan_item_take_local_service (WaymarkPlanItem     *self,
                                      WaymarkLocalService *service)
{
  gboolean renamed;

  g_return_if_fail (WAYMARK_IS_PLAN_ITEM (self));
  g_return_if_fail (WAYMARK_IS_LOCAL_SERVICE (service));

  self->local_service = TRUE;
  self->missing = FALSE;
  waymark_replace_string (&self->intervention_id, waymark_local_service_get_id (service));
  renamed = waymark_replace_string (&self->name, waymark_local_service_get_name (service));
  self->levels = waymark_local_service_get_levels (service);
  self->focus = waymark_local_service_get_focus (service);
  self->works_with = waymark_local_service_get_works_with (service);
  self->for_young_people = waymark_local_service_get_for_young_people (service);
  /* Never the review's: no rating, no LLR status, no published cost. */
  self->evidence_rating = WAYMARK_RATING_NONE;
  self->impact_rating = WAYMARK_RATING_NONE;
  self->llr_status = WAYMARK_LLR_STATUS_UNKNOWN;
  g_clear_pointer (&self->published_cost, waymark_cost_free);
  if (renamed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

WaymarkPlanItem *
waymark_plan_item_new_for_local_service (WaymarkLocalService *service)
{
  WaymarkPlanItem *self;

  g_return_val_if_fail (WAYMARK_IS_LOCAL_SERVICE (service), NULL);

  self = waymark_plan_item_new_empty ();
  waymark_plan_item_take_local_service (self, service);
  waymark_replace_text (&self->unit, waymark_local_service_get_unit (service));
  waymark_replace_text (&self->provider, waymark_local_service_get_provider (service));
  self->unit_cost = waymark_local_service_get_unit_cost (service);
  self->unit_cost_high = waymark_local_service_get_unit_cost_high (service);
  /* The cost, where given, is the commissioner's: a local quote. */
  self->cost_source = self->unit_cost != WAYMARK_NO_COST ? WAYMARK_COST_SOURCE_LOCAL_QUOTE
                                                         : WAYMARK_COST_SOURCE_ESTIMATE;
  return self;
}

#define DEFINE_GETTER(type, field) \
  type \
  waymark_plan_item_get_##field (WaymarkPlanItem *self) \
  { \
    g_return_val_if_fail (WAYMARK_IS_PLAN_ITEM (self), (type) 0); \
    return (type) self->field; \
  }

DEFINE_GETTER (const char *, intervention_id)
DEFINE_GETTER (const char *, name)
DEFINE_GETTER (WaymarkLevel, levels)
DEFINE_GETTER (WaymarkFocus, focus)
DEFINE_GETTER (WaymarkWorksWith, works_with)
DEFINE_GETTER (WaymarkRating, evidence_rating)
DEFINE_GETTER (WaymarkRating, impact_rating)
DEFINE_GETTER (WaymarkLlrStatus, llr_status)
DEFINE_GETTER (gboolean, for_young_people)
DEFINE_GETTER (const WaymarkCost *, published_cost)
DEFINE_GETTER (gboolean, missing)
DEFINE_GETTER (gboolean, local_service)
DEFINE_GETTER (guint, quantity)
DEFINE_GETTER (const char *, unit)
DEFINE_GETTER (gint64, unit_cost)
DEFINE_GETTER (gint64, unit_cost_high)
DEFINE_GETTER (WaymarkCostSource, cost_source)
DEFINE_GETTER (WaymarkFundingSource, funding_source)
DEFINE_GETTER (const char *, funding_name)
DEFINE_GETTER (const char *, provider)
DEFINE_GETTER (const char *, notes)
DEFINE_GETTER (guint, reach)
DEFINE_GETTER (WaymarkReachGroup, reach_group)
DEFINE_GETTER (const char *, reach_source)

#undef DEFINE_GETTER

char *
waymark_plan_item_dup_quantity_text (WaymarkPlanItem *self)
{
  const char *unit;

  g_return_val_if_fail (WAYMARK_IS_PLAN_ITEM (self), NULL);

  unit = self->unit != NULL ? self->unit : "";
  /* The unit Waymark made from the review's basis ("per perpetrator"): the basis gives the
   * singular, as written. */
  if (self->quantity == 1 && self->published_cost != NULL && self->published_cost->basis != NULL)
    {
      g_autofree char *from_basis = waymark_unit_from_basis (self->published_cost->basis);
      const char *basis = self->published_cost->basis;

      if (g_str_equal (unit, from_basis))
        {
          if (g_str_has_prefix (basis, "per "))
            basis += strlen ("per ");
          return g_strdup_printf ("1 %s", basis);
        }
    }
  if (*unit == '\0')
    return g_strdup_printf ("%u", self->quantity);
  return g_strdup_printf ("%u %s", self->quantity, unit);
}

gboolean
waymark_plan_item_has_cost (WaymarkPlanItem *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_ITEM (self), FALSE);

  return self->unit_cost != WAYMARK_NO_COST;
}

gboolean
waymark_plan_item_get_line_total (WaymarkPlanItem *self,
                                  gint64          *low,
                                  gint64          *high)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_ITEM (self), FALSE);

  if (self->unit_cost == WAYMARK_NO_COST)
    return FALSE;

  return waymark_money_multiply (self->unit_cost, self->quantity, low) &&
         waymark_money_multiply (MAX (self->unit_cost_high, self->unit_cost), self->quantity, high);
}

WaymarkYearFigures *
waymark_plan_item_get_year_figures (WaymarkPlanItem *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_ITEM (self), NULL);

  return self->year_figures;
}

void
waymark_plan_item_get_year_entered (WaymarkPlanItem *self,
                                    guint            index,
                                    guint           *quantity,
                                    gint64          *unit_low,
                                    gint64          *unit_high)
{
  WaymarkYearFigure own;

  g_return_if_fail (WAYMARK_IS_PLAN_ITEM (self));

  waymark_year_figures_get (self->year_figures, index, &own);
  *quantity = own.own_quantity ? own.quantity : self->quantity;
  *unit_low = own.own_cost ? own.unit_low : self->unit_cost;
  *unit_high = own.own_cost ? own.unit_high : self->unit_cost_high;
  if (*unit_low == WAYMARK_NO_COST)
    *unit_high = WAYMARK_NO_COST;
  else
    *unit_high = MAX (*unit_high, *unit_low);
}

/* amount / people, to the nearest penny, half a penny up: amounts are never negative. */
static gint64
divide_rounded (gint64 amount,
                guint  people)
{
  return amount / people + (amount % people >= (people + 1) / 2 ? 1 : 0);
}

gboolean
waymark_plan_item_get_cost_per_person (WaymarkPlanItem *self,
                                       gint64          *low,
                                       gint64          *high)
{
  gint64 line_low, line_high;

  g_return_val_if_fail (WAYMARK_IS_PLAN_ITEM (self), FALSE);

  if (self->reach == 0 || !waymark_plan_item_get_line_total (self, &line_low, &line_high))
    return FALSE;
  *low = divide_rounded (line_low, self->reach);
  *high = divide_rounded (line_high, self->reach);
  return TRUE;
}
