/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-context.h"
#include "waymark-decision.h"
#include "waymark-enums.h"
#include "waymark-intervention.h"

struct _WaymarkDecision
{
  GObject parent_instance;

  GDateTime          *time;
  char               *author;
  WaymarkDecisionKind kind;
  char               *subject;
  char               *description;
  char               *reason;
  char               *review_section;
};

G_DEFINE_FINAL_TYPE (WaymarkDecision, waymark_decision, G_TYPE_OBJECT)

G_DEFINE_QUARK (waymark-decision-error-quark, waymark_decision_error)

enum {
  PROP_0,
  PROP_TIME,
  PROP_AUTHOR,
  PROP_KIND_LABEL,
  PROP_SUBJECT,
  PROP_DESCRIPTION,
  PROP_REASON,
  PROP_REVIEW_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define KIND(value, id, label) \
  { value, #value, id, "decision kind", label, NULL, NULL }

static const WaymarkChoice kind_choices[] = {
  KIND (WAYMARK_DECISION_KIND_STATUS, "status", NC_("decision kind", "Status")),
  KIND (WAYMARK_DECISION_KIND_REASON, "reason", NC_("decision kind", "Reason")),
  KIND (WAYMARK_DECISION_KIND_WEIGHT, "weight", NC_("decision kind", "Weight")),
  KIND (WAYMARK_DECISION_KIND_SCORE, "score", NC_("decision kind", "Score")),
  KIND (WAYMARK_DECISION_KIND_CRITERION, "criterion", NC_("decision kind", "Criterion")),
  KIND (WAYMARK_DECISION_KIND_ITEM_ADDED, "item-added", NC_("decision kind", "Item added")),
  KIND (WAYMARK_DECISION_KIND_ITEM_REMOVED, "item-removed", NC_("decision kind", "Item removed")),
  KIND (WAYMARK_DECISION_KIND_ITEM_CHANGED, "item-changed", NC_("decision kind", "Item changed")),
  KIND (WAYMARK_DECISION_KIND_LOCAL_SERVICE, "local-service",
        NC_("decision kind", "Local service")),
};

#undef KIND

G_STATIC_ASSERT (G_N_ELEMENTS (kind_choices) == WAYMARK_DECISION_KIND_N);

WAYMARK_DEFINE_CHOICE_TYPE (WaymarkDecisionKind, waymark_decision_kind, FALSE, kind_choices, FALSE)

const char *
waymark_decision_kind_get_id (WaymarkDecisionKind kind)
{
  const WaymarkChoice *choice = waymark_choice_lookup (WAYMARK_TYPE_DECISION_KIND, kind);

  g_return_val_if_fail (choice != NULL, NULL);
  return choice->id;
}

const char *
waymark_decision_kind_get_label (WaymarkDecisionKind kind)
{
  return waymark_choice_label_of (WAYMARK_TYPE_DECISION_KIND, kind);
}

gboolean
waymark_decision_kind_from_id (const char          *id,
                               WaymarkDecisionKind *kind)
{
  const WaymarkChoice *choice;

  if (id == NULL)
    return FALSE;
  choice = waymark_choice_lookup_id (WAYMARK_TYPE_DECISION_KIND, id);
  if (choice == NULL)
    return FALSE;
  *kind = (WaymarkDecisionKind) choice->value;
  return TRUE;
}

static void
waymark_decision_finalize (GObject *object)
{
  WaymarkDecision *self = (WaymarkDecision *) object;

  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->description);
  g_free (self->reason);
  g_free (self->review_section);

  G_OBJECT_CLASS (waymark_decision_parent_class)->finalize (object);
}

static void
waymark_decision_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WaymarkDecision *self = WAYMARK_DECISION (object);

  switch (prop_id)
    {
    case PROP_TIME:
      g_value_set_boxed (value, self->time);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, waymark_decision_kind_get_label (self->kind));
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_REVIEW_SECTION:
      g_value_set_string (value, self->review_section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_decision_class_init (WaymarkDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = waymark_decision_finalize;
  object_class->get_property = waymark_decision_get_property;

  /* Read-only: an entry never changes, so nothing here ever notifies. */
  properties[PROP_TIME] = g_param_spec_boxed ("time", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, "", ro);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, ro);
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, "", ro);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", ro);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, "", ro);
  properties[PROP_REVIEW_SECTION] = g_param_spec_string ("review-section", NULL, NULL, "", ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
waymark_decision_init (WaymarkDecision *self)
{
}

/* To the second: what the file keeps, so an entry read back equals the one written. */
static GDateTime *
whole_seconds_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_new_utc (g_date_time_get_year (utc), g_date_time_get_month (utc),
                              g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                              g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

WaymarkDecision *
waymark_decision_new (GDateTime           *time,
                      const char          *author,
                      WaymarkDecisionKind  kind,
                      const char          *subject,
                      const char          *description,
                      const char          *reason,
                      const char          *review_section)
{
  WaymarkDecision *self;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (kind < WAYMARK_DECISION_KIND_N, NULL);

  self = g_object_new (WAYMARK_TYPE_DECISION, NULL);
  self->time = whole_seconds_utc (time);
  self->author = g_strdup (author ? author : "");
  self->kind = kind;
  self->subject = g_strdup (subject ? subject : "");
  self->description = g_strdup (description ? description : "");
  self->reason = g_strdup (reason ? reason : "");
  self->review_section = g_strdup (review_section ? review_section : "");
  return self;
}

WaymarkDecision *
waymark_decision_with_note (WaymarkDecision *self,
                            const char      *reason,
                            const char      *review_section)
{
  g_return_val_if_fail (WAYMARK_IS_DECISION (self), NULL);

  return waymark_decision_new (self->time, self->author, self->kind, self->subject,
                               self->description, reason, review_section);
}

gboolean
waymark_decision_equal (WaymarkDecision *a,
                        WaymarkDecision *b)
{
  g_return_val_if_fail (WAYMARK_IS_DECISION (a) && WAYMARK_IS_DECISION (b), FALSE);

  return g_date_time_equal (a->time, b->time) && g_str_equal (a->author, b->author) &&
         a->kind == b->kind && g_str_equal (a->subject, b->subject) &&
         g_str_equal (a->description, b->description) && g_str_equal (a->reason, b->reason) &&
         g_str_equal (a->review_section, b->review_section);
}

#define DEFINE_GETTER(type, field) \
  type \
  waymark_decision_get_##field (WaymarkDecision *self) \
  { \
    g_return_val_if_fail (WAYMARK_IS_DECISION (self), (type) 0); \
    return self->field; \
  }

DEFINE_GETTER (GDateTime *, time)
DEFINE_GETTER (const char *, author)
DEFINE_GETTER (WaymarkDecisionKind, kind)
DEFINE_GETTER (const char *, subject)
DEFINE_GETTER (const char *, description)
DEFINE_GETTER (const char *, reason)
DEFINE_GETTER (const char *, review_section)

#undef DEFINE_GETTER

char *
waymark_decision_dup_time_text (WaymarkDecision *self)
{
  g_return_val_if_fail (WAYMARK_IS_DECISION (self), NULL);

  return g_date_time_format (self->time, "%Y-%m-%dT%H:%M:%SZ");
}

/* Review sections */

static void
add_section (GPtrArray  *sections,
             GHashTable *seen,
             const char *section)
{
  if (section == NULL || *section == '\0' || g_hash_table_contains (seen, section))
    return;
  g_hash_table_add (seen, (gpointer) section);
  g_ptr_array_add (sections, g_strdup (section));
}

char **
waymark_decision_dup_review_sections (WaymarkCatalogue *catalogue)
{
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *context;

  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (catalogue), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalogue)); i++)
    {
      g_autoptr(WaymarkIntervention) intervention =
        g_list_model_get_item (G_LIST_MODEL (catalogue), i);

      /* The catalogue keeps its interventions: the borrowed heading outlives this loop. */
      add_section (sections, seen, waymark_intervention_get_section (intervention));
    }
  context = waymark_catalogue_get_context (catalogue);
  for (guint i = 0; i < context->len; i++)
    add_section (sections, seen, ((WaymarkContextEntry *) g_ptr_array_index (context, i))->section);

  g_ptr_array_add (sections, NULL);
  return (char **) g_ptr_array_steal (sections, NULL);
}

gboolean
waymark_decision_check_note (WaymarkCatalogue  *catalogue,
                             const char        *reason,
                             const char        *review_section,
                             GError           **error)
{
  g_auto(GStrv) sections = NULL;

  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (catalogue), FALSE);

  reason = reason ? reason : "";
  review_section = review_section ? review_section : "";

  if (!g_utf8_validate (reason, -1, NULL) || strlen (reason) > WAYMARK_DECISION_MAX_REASON ||
      strchr (reason, '\n') != NULL || strchr (reason, '\r') != NULL)
    {
      g_set_error (error, WAYMARK_DECISION_ERROR, WAYMARK_DECISION_ERROR_INVALID,
                   _("A decision’s reason is one line of text of at most %d bytes"),
                   WAYMARK_DECISION_MAX_REASON);
      return FALSE;
    }
  if (*review_section == '\0')
    return TRUE;

  sections = waymark_decision_dup_review_sections (catalogue);
  if (g_utf8_validate (review_section, -1, NULL) &&
      g_strv_contains ((const char * const *) sections, review_section))
    return TRUE;

  {
    g_autofree char *shown = g_utf8_make_valid (review_section, MIN (strlen (review_section), 80));

    g_set_error (error, WAYMARK_DECISION_ERROR, WAYMARK_DECISION_ERROR_UNKNOWN_SECTION,
                 _("“%s” is not a section heading of the review: cite one of the review’s "
                   "headings, exactly as it is written"), shown);
  }
  return FALSE;
}
