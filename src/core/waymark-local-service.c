/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "waymark-catalogue-private.h"
#include "waymark-json-writer.h"
#include "waymark-local-service.h"
#include "waymark-money.h"
#include "waymark-plan-io.h"
#include "waymark-plan-item.h"
#include "waymark-safe-read.h"

G_DEFINE_QUARK (waymark-local-service-error-quark, waymark_local_service_error)

struct _WaymarkLocalService
{
  GObject parent_instance;

  char             *id;
  char             *name;
  WaymarkLevel      levels;
  WaymarkFocus      focus;
  WaymarkWorksWith  works_with;
  int               age_min;
  int               age_max;
  char             *provider;
  char             *unit;
  gint64            unit_cost;
  gint64            unit_cost_high;
  char             *notes;
  char             *source;
};

G_DEFINE_FINAL_TYPE (WaymarkLocalService, waymark_local_service, G_TYPE_OBJECT)

/* Read-only: a service is a value, and an edit is a new one. */
enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_LEVELS,
  PROP_FOCUS,
  PROP_WORKS_WITH,
  PROP_AGE_MIN,
  PROP_AGE_MAX,
  PROP_PROVIDER,
  PROP_UNIT,
  PROP_UNIT_COST,
  PROP_UNIT_COST_HIGH,
  PROP_NOTES,
  PROP_SOURCE,
  PROP_MARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
waymark_local_service_finalize (GObject *object)
{
  WaymarkLocalService *self = (WaymarkLocalService *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->provider);
  g_free (self->unit);
  g_free (self->notes);
  g_free (self->source);

  G_OBJECT_CLASS (waymark_local_service_parent_class)->finalize (object);
}

static void
waymark_local_service_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  WaymarkLocalService *self = WAYMARK_LOCAL_SERVICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LEVELS:
      g_value_set_flags (value, self->levels);
      break;
    case PROP_FOCUS:
      g_value_set_enum (value, self->focus);
      break;
    case PROP_WORKS_WITH:
      g_value_set_flags (value, self->works_with);
      break;
    case PROP_AGE_MIN:
      g_value_set_int (value, self->age_min);
      break;
    case PROP_AGE_MAX:
      g_value_set_int (value, self->age_max);
      break;
    case PROP_PROVIDER:
      g_value_set_string (value, self->provider);
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
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_MARK:
      g_value_set_string (value, waymark_local_service_mark ());
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_local_service_class_init (WaymarkLocalServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = waymark_local_service_finalize;
  object_class->get_property = waymark_local_service_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_LEVELS] =
    g_param_spec_flags ("levels", NULL, NULL, WAYMARK_TYPE_LEVEL, 0, flags);
  properties[PROP_FOCUS] =
    g_param_spec_enum ("focus", NULL, NULL, WAYMARK_TYPE_FOCUS, WAYMARK_FOCUS_DA, flags);
  properties[PROP_WORKS_WITH] =
    g_param_spec_flags ("works-with", NULL, NULL, WAYMARK_TYPE_WORKS_WITH, 0, flags);
  properties[PROP_AGE_MIN] =
    g_param_spec_int ("age-min", NULL, NULL, -1, WAYMARK_LOCAL_SERVICE_MAX_AGE, -1, flags);
  properties[PROP_AGE_MAX] =
    g_param_spec_int ("age-max", NULL, NULL, -1, WAYMARK_LOCAL_SERVICE_MAX_AGE, -1, flags);
  properties[PROP_PROVIDER] = g_param_spec_string ("provider", NULL, NULL, NULL, flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_UNIT_COST] =
    g_param_spec_int64 ("unit-cost", NULL, NULL, WAYMARK_NO_COST, WAYMARK_MONEY_MAX,
                        WAYMARK_NO_COST, flags);
  properties[PROP_UNIT_COST_HIGH] =
    g_param_spec_int64 ("unit-cost-high", NULL, NULL, WAYMARK_NO_COST, WAYMARK_MONEY_MAX,
                        WAYMARK_NO_COST, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  /* For a badge bound in a template: "Local: not rated by the review", translated. */
  properties[PROP_MARK] = g_param_spec_string ("mark", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
waymark_local_service_init (WaymarkLocalService *self)
{
  self->age_min = -1;
  self->age_max = -1;
  self->unit_cost = WAYMARK_NO_COST;
  self->unit_cost_high = WAYMARK_NO_COST;
}

const char *
waymark_local_service_mark (void)
{
  return _("Local: not rated by the review");
}

/* Checks */

static gboolean
fail (GError    **error,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError    **error,
      const char *format,
      ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, WAYMARK_LOCAL_SERVICE_ERROR, WAYMARK_LOCAL_SERVICE_ERROR_INVALID,
                       message);
  g_free (message);
  return FALSE;
}

/* Valid UTF-8 within max bytes; one line (no control character at all), or free text (line
 * breaks and tabs allowed, no other control character); not blank when required. */
static gboolean
check_text (const char  *text,
            gsize        max,
            gboolean     one_line,
            gboolean     required,
            const char  *field,
            GError     **error)
{
  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    return fail (error, _("%s is not valid text"), field);
  if (strlen (text) > max)
    return fail (error, _("%s is longer than %u bytes"), field, (guint) max);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;

      if (control && (one_line || (c != '\n' && c != '\t')))
        return fail (error, one_line ? _("%s must be one line, without control characters")
                                     : _("%s has a control character"), field);
    }
  if (required)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (*stripped == '\0')
        return fail (error, _("%s is empty"), field);
    }
  return TRUE;
}

static gboolean
check_fields (const WaymarkLocalServiceFields *f,
              GError                         **error)
{
  if (f->id == NULL || *f->id == '\0')
    return fail (error, _("%s is empty"), "id");
  if (strlen (f->id) > WAYMARK_LOCAL_SERVICE_MAX_ID || !waymark_catalogue_id_is_valid (f->id))
    {
      g_autofree char *shown = waymark_json_reader_excerpt (f->id);

      return fail (error, _("id “%s” is not a short name of lower-case letters and digits "
                            "joined by single hyphens, such as “llr-idva”"), shown);
    }
  if (!check_text (f->name, WAYMARK_LOCAL_SERVICE_MAX_LINE, TRUE, TRUE, "name", error) ||
      !check_text (f->provider, WAYMARK_LOCAL_SERVICE_MAX_LINE, TRUE, FALSE, "provider", error) ||
      !check_text (f->unit, WAYMARK_LOCAL_SERVICE_MAX_LINE, TRUE, FALSE, "unit", error) ||
      !check_text (f->notes, WAYMARK_LOCAL_SERVICE_MAX_TEXT, FALSE, FALSE, "notes", error) ||
      !check_text (f->source, WAYMARK_LOCAL_SERVICE_MAX_TEXT, FALSE, FALSE, "source", error))
    return FALSE;
  if (f->levels == 0 || (f->levels & ~WAYMARK_LEVEL_ALL) != 0)
    return fail (error, _("levels must be one or more of primary, secondary, tertiary"));
  if ((guint) f->focus > WAYMARK_FOCUS_BOTH)
    return fail (error, _("focus must be one of da, sv, both"));
  if ((f->works_with & ~(WAYMARK_WORKS_WITH_VICTIMS | WAYMARK_WORKS_WITH_PERPETRATORS |
                         WAYMARK_WORKS_WITH_CHILDREN_YOUNG_PEOPLE | WAYMARK_WORKS_WITH_COMMUNITY |
                         WAYMARK_WORKS_WITH_PROFESSIONALS)) != 0)
    return fail (error, _("works_with has a group Waymark does not know"));
  if (f->age_min < -1 || f->age_min > WAYMARK_LOCAL_SERVICE_MAX_AGE)
    return fail (error, _("%s %d is not between 0 and %d"), "age_min", f->age_min,
                 WAYMARK_LOCAL_SERVICE_MAX_AGE);
  if (f->age_max < -1 || f->age_max > WAYMARK_LOCAL_SERVICE_MAX_AGE)
    return fail (error, _("%s %d is not between 0 and %d"), "age_max", f->age_max,
                 WAYMARK_LOCAL_SERVICE_MAX_AGE);
  if (f->age_min >= 0 && f->age_max >= 0 && f->age_max < f->age_min)
    return fail (error, _("age_max (%d) is less than age_min (%d)"), f->age_max, f->age_min);
  if ((f->unit_cost == WAYMARK_NO_COST) != (f->unit_cost_high == WAYMARK_NO_COST))
    return fail (error, _("unit_cost_pence and unit_cost_high_pence must both be given or "
                          "both be null"));
  if (f->unit_cost != WAYMARK_NO_COST &&
      (f->unit_cost < 0 || f->unit_cost > WAYMARK_MONEY_MAX ||
       f->unit_cost_high < 0 || f->unit_cost_high > WAYMARK_MONEY_MAX))
    return fail (error, _("a unit cost must be between 0 and %" PRId64 " pence"),
                 WAYMARK_MONEY_MAX);
  if (f->unit_cost_high < f->unit_cost)
    return fail (error, _("unit_cost_high_pence (%" PRId64 ") is less than "
                          "unit_cost_pence (%" PRId64 ")"),
                 f->unit_cost_high, f->unit_cost);
  return TRUE;
}

WaymarkLocalService *
waymark_local_service_new (const WaymarkLocalServiceFields  *fields,
                           GError                          **error)
{
  WaymarkLocalService *self;

  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_fields (fields, error))
    return NULL;

  self = g_object_new (WAYMARK_TYPE_LOCAL_SERVICE, NULL);
  self->id = g_strdup (fields->id);
  self->name = g_strdup (fields->name);
  self->levels = fields->levels;
  self->focus = fields->focus;
  self->works_with = fields->works_with;
  self->age_min = fields->age_min;
  self->age_max = fields->age_max;
  self->provider = g_strdup (fields->provider ? fields->provider : "");
  self->unit = g_strdup (fields->unit ? fields->unit : "");
  self->unit_cost = fields->unit_cost;
  self->unit_cost_high = fields->unit_cost_high;
  self->notes = g_strdup (fields->notes ? fields->notes : "");
  self->source = g_strdup (fields->source ? fields->source : "");
  return self;
}

void
waymark_local_service_get_fields (WaymarkLocalService       *self,
                                  WaymarkLocalServiceFields *fields)
{
  g_return_if_fail (WAYMARK_IS_LOCAL_SERVICE (self));
  g_return_if_fail (fields != NULL);

  *fields = (WaymarkLocalServiceFields) {
    .id = self->id,
    .name = self->name,
    .levels = self->levels,
    .focus = self->focus,
    .works_with = self->works_with,
    .age_min = self->age_min,
    .age_max = self->age_max,
    .provider = self->provider,
    .unit = self->unit,
    .unit_cost = self->unit_cost,
    .unit_cost_high = self->unit_cost_high,
    .notes = self->notes,
    .source = self->source,
  };
}

#define DEFINE_GETTER(type, field) \
  type \
  waymark_local_service_get_##field (WaymarkLocalService *self) \
  { \
    g_return_val_if_fail (WAYMARK_IS_LOCAL_SERVICE (self), (type) 0); \
    return self->field; \
  }

DEFINE_GETTER (const char *, id)
DEFINE_GETTER (const char *, name)
DEFINE_GETTER (WaymarkLevel, levels)
DEFINE_GETTER (WaymarkFocus, focus)
DEFINE_GETTER (WaymarkWorksWith, works_with)
DEFINE_GETTER (int, age_min)
DEFINE_GETTER (int, age_max)
DEFINE_GETTER (const char *, provider)
DEFINE_GETTER (const char *, unit)
DEFINE_GETTER (gint64, unit_cost)
DEFINE_GETTER (gint64, unit_cost_high)
DEFINE_GETTER (const char *, notes)
DEFINE_GETTER (const char *, source)

#undef DEFINE_GETTER

gboolean
waymark_local_service_get_for_young_people (WaymarkLocalService *self)
{
  int lo, hi;

  g_return_val_if_fail (WAYMARK_IS_LOCAL_SERVICE (self), FALSE);

  /* The browser's under-25 rule (waymark-criteria.c): ages where given, else who it works with. */
  if (self->age_min < 0 && self->age_max < 0)
    return (self->works_with & WAYMARK_WORKS_WITH_CHILDREN_YOUNG_PEOPLE) != 0;
  lo = MAX (self->age_min, 0);
  hi = self->age_max < 0 ? G_MAXINT : self->age_max;
  return lo <= 24 && hi >= 0;
}

gboolean
waymark_local_service_equal (WaymarkLocalService *a,
                             WaymarkLocalService *b)
{
  g_return_val_if_fail (WAYMARK_IS_LOCAL_SERVICE (a), FALSE);
  g_return_val_if_fail (WAYMARK_IS_LOCAL_SERVICE (b), FALSE);

  return g_str_equal (a->id, b->id) && g_str_equal (a->name, b->name) &&
         a->levels == b->levels && a->focus == b->focus && a->works_with == b->works_with &&
         a->age_min == b->age_min && a->age_max == b->age_max &&
         g_str_equal (a->provider, b->provider) && g_str_equal (a->unit, b->unit) &&
         a->unit_cost == b->unit_cost && a->unit_cost_high == b->unit_cost_high &&
         g_str_equal (a->notes, b->notes) && g_str_equal (a->source, b->source);
}

/* JSON */

static const char * const service_keys[] = {
  "id", "kind", "name", "levels", "focus", "works_with", "age_min", "age_max", "provider",
  "unit", "unit_cost_pence", "unit_cost_high_pence", "notes", "source", NULL
};

void
waymark_local_service_write_json (JsonBuilder         *builder,
                                  WaymarkLocalService *self)
{
  gboolean has_cost = self->unit_cost != WAYMARK_NO_COST;

  json_builder_begin_object (builder);
  waymark_json_add_string (builder, "id", self->id);
  /* Always "local": what a reader of the file needs to know it is not the review's. */
  waymark_json_add_string (builder, "kind", "local");
  waymark_json_add_string (builder, "name", self->name);
  waymark_json_add_flags (builder, "levels", WAYMARK_TYPE_LEVEL, self->levels);
  waymark_json_add_string (builder, "focus", waymark_enum_to_string (WAYMARK_TYPE_FOCUS,
                                                                     self->focus));
  waymark_json_add_flags (builder, "works_with", WAYMARK_TYPE_WORKS_WITH, self->works_with);
  waymark_json_add_int_or_null (builder, "age_min", self->age_min >= 0, self->age_min);
  waymark_json_add_int_or_null (builder, "age_max", self->age_max >= 0, self->age_max);
  waymark_json_add_string (builder, "provider", self->provider);
  waymark_json_add_string (builder, "unit", self->unit);
  waymark_json_add_int_or_null (builder, "unit_cost_pence", has_cost, self->unit_cost);
  waymark_json_add_int_or_null (builder, "unit_cost_high_pence", has_cost, self->unit_cost_high);
  waymark_json_add_string (builder, "notes", self->notes);
  waymark_json_add_string (builder, "source", self->source);
  json_builder_end_object (builder);
}

static gboolean
read_plain_text (WaymarkJsonReader  *reader,
                 JsonObject         *object,
                 const char         *key,
                 char              **out)
{
  if (!waymark_json_reader_get_text (reader, object, key, TRUE, TRUE, out))
    return FALSE;
  if (*out == NULL)
    return waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_WRONG_TYPE,
                                     _("%s is null; it should be text (\"\" for none)"), key);
  return TRUE;
}

WaymarkLocalService *
waymark_local_service_read_json (WaymarkJsonReader *reader,
                                 JsonObject        *object,
                                 guint              index,
                                 const char        *array_name)
{
  g_autofree char *where = g_strdup_printf ("%s[%u]", array_name, index);
  g_autofree char *id = NULL, *kind = NULL, *name = NULL, *provider = NULL, *unit = NULL;
  g_autofree char *notes = NULL, *source = NULL;
  g_autoptr(GError) error = NULL;
  WaymarkLocalServiceFields fields = { NULL, };
  WaymarkLocalService *service;
  gint64 age_min = -1, age_max = -1, cost = 0, cost_high = 0;
  gboolean has_min, has_max, has_cost, has_high;
  guint levels = 0, works_with = 0;
  int focus = 0;

  /* A rating among the keys is refused as unknown: a local service is never rated. */
  waymark_json_reader_push (reader, where);
  if (!waymark_json_reader_check_keys (reader, object, service_keys) ||
      !waymark_json_reader_get_text (reader, object, "id", TRUE, FALSE, &id) ||
      !waymark_json_reader_get_text (reader, object, "kind", TRUE, FALSE, &kind))
    return NULL;
  if (!g_str_equal (kind, "local"))
    {
      g_autofree char *shown = waymark_json_reader_excerpt (kind);

      waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                _("kind \"%s\" is not \"local\": a local service is the "
                                  "commissioner's, never the review's"), shown);
      return NULL;
    }
  if (!waymark_json_reader_get_text (reader, object, "name", TRUE, FALSE, &name) ||
      !waymark_json_reader_get_flags (reader, object, "levels", WAYMARK_TYPE_LEVEL, TRUE,
                                      &levels) ||
      !waymark_json_reader_get_enum (reader, object, "focus", WAYMARK_TYPE_FOCUS, FALSE, 0, 0,
                                     &focus) ||
      !waymark_json_reader_get_flags (reader, object, "works_with", WAYMARK_TYPE_WORKS_WITH,
                                      FALSE, &works_with) ||
      !waymark_json_reader_get_optional_int (reader, object, "age_min", 0,
                                             WAYMARK_LOCAL_SERVICE_MAX_AGE, &age_min, &has_min) ||
      !waymark_json_reader_get_optional_int (reader, object, "age_max", 0,
                                             WAYMARK_LOCAL_SERVICE_MAX_AGE, &age_max, &has_max) ||
      !read_plain_text (reader, object, "provider", &provider) ||
      !read_plain_text (reader, object, "unit", &unit) ||
      !waymark_json_reader_get_optional_int (reader, object, "unit_cost_pence", 0,
                                             WAYMARK_MONEY_MAX, &cost, &has_cost) ||
      !waymark_json_reader_get_optional_int (reader, object, "unit_cost_high_pence", 0,
                                             WAYMARK_MONEY_MAX, &cost_high, &has_high) ||
      !read_plain_text (reader, object, "notes", &notes) ||
      !read_plain_text (reader, object, "source", &source))
    return NULL;

  fields = (WaymarkLocalServiceFields) {
    .id = id, .name = name, .levels = levels, .focus = focus, .works_with = works_with,
    .age_min = has_min ? (int) age_min : -1, .age_max = has_max ? (int) age_max : -1,
    .provider = provider, .unit = unit,
    .unit_cost = has_cost ? cost : WAYMARK_NO_COST,
    .unit_cost_high = has_high ? cost_high : WAYMARK_NO_COST,
    .notes = notes, .source = source,
  };
  service = waymark_local_service_new (&fields, &error);
  if (service == NULL)
    {
      waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE, "%s", error->message);
      return NULL;
    }
  waymark_json_reader_pop (reader);
  return service;
}

GPtrArray *
waymark_local_service_read_array (WaymarkJsonReader *reader,
                                  JsonObject        *object,
                                  const char        *key,
                                  WaymarkCatalogue  *catalogue)
{
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!waymark_json_reader_get_array (reader, object, key, &array))
    return NULL;
  if (json_array_get_length (array) > WAYMARK_LOCAL_SERVICE_MAX_N)
    {
      waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_INVALID_VALUE,
                                _("%s has %u local services; at most %d are allowed"), key,
                                json_array_get_length (array), WAYMARK_LOCAL_SERVICE_MAX_N);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      WaymarkLocalService *service;
      JsonObject *element;
      const char *id;

      if (!waymark_json_reader_get_array_object (reader, array, i, key, &element))
        return NULL;
      service = waymark_local_service_read_json (reader, element, i, key);
      if (service == NULL)
        return NULL;
      g_ptr_array_add (services, service);
      id = service->id;
      if (g_hash_table_contains (seen, id))
        {
          g_autofree char *shown = waymark_json_reader_excerpt (id);

          waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_DUPLICATE_ID,
                                    _("%s[%u]: id \"%s\" is given twice"), key, i, shown);
          return NULL;
        }
      if (catalogue != NULL && waymark_catalogue_lookup (catalogue, id) != NULL)
        {
          g_autofree char *shown = waymark_json_reader_excerpt (id);

          waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_DUPLICATE_ID,
                                    _("%s[%u]: id \"%s\" is an intervention in the catalogue; a "
                                      "local service needs an id of its own"), key, i, shown);
          return NULL;
        }
      g_hash_table_add (seen, (gpointer) id);
    }
  return g_steal_pointer (&services);
}

/* The local services file */

static const char * const file_keys[] = { "format", "version", "local_services", NULL };

GListModel *
waymark_local_services_new_from_bytes (GBytes            *bytes,
                                       const char        *display_name,
                                       WaymarkCatalogue  *catalogue,
                                       GError           **error)
{
  g_autoptr(WaymarkJsonReader) reader = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autofree char *format = NULL;
  GListStore *store;
  JsonObject *object;
  gint64 version;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue), NULL);

  reader = waymark_json_reader_new (display_name, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_MAX_BYTES);
  root = waymark_json_reader_parse (reader, bytes);
  if (root == NULL)
    goto failed;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_FORMAT,
                                _("this is not a file of local services: it should be a JSON "
                                  "object with \"format\": \"waymark-local-services\""));
      goto failed;
    }
  object = json_node_get_object (root);
  if (!waymark_json_reader_get_text (reader, object, "format", TRUE, FALSE, &format))
    goto failed;
  if (!g_str_equal (format, "waymark-local-services"))
    {
      g_autofree char *shown = waymark_json_reader_excerpt (format);

      waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_FORMAT,
                                _("this is not a file of local services: format is \"%s\", not "
                                  "\"waymark-local-services\""), shown);
      goto failed;
    }
  if (!waymark_json_reader_get_int (reader, object, "version", TRUE, 1, G_MAXINT32, &version))
    goto failed;
  if (version > WAYMARK_LOCAL_SERVICES_FILE_VERSION)
    {
      waymark_json_reader_fail (reader, WAYMARK_PLAN_ERROR_VERSION,
                                _("this file of local services was made by a newer version of "
                                  "Waymark (version %" PRId64 "; this version reads up "
                                  "to %d): update Waymark to open it"),
                                version, WAYMARK_LOCAL_SERVICES_FILE_VERSION);
      goto failed;
    }
  if (!waymark_json_reader_check_keys (reader, object, file_keys))
    goto failed;
  services = waymark_local_service_read_array (reader, object, "local_services", catalogue);
  if (services == NULL)
    goto failed;

  store = g_list_store_new (WAYMARK_TYPE_LOCAL_SERVICE);
  g_list_store_splice (store, 0, 0, services->pdata, services->len);
  return G_LIST_MODEL (store);

failed:
  waymark_json_reader_propagate (reader, error);
  return NULL;
}

GListModel *
waymark_local_services_new_from_file (GFile             *file,
                                      WaymarkCatalogue  *catalogue,
                                      GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  bytes = waymark_safe_read_file (file, WAYMARK_PLAN_MAX_BYTES, WAYMARK_PLAN_ERROR, error);
  if (bytes == NULL)
    return NULL;
  return waymark_local_services_new_from_bytes (bytes, name, catalogue, error);
}

void
waymark_local_services_add_array (JsonBuilder *builder,
                                  const char  *key,
                                  GListModel  *services)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(WaymarkLocalService) service = g_list_model_get_item (services, i);

      waymark_local_service_write_json (builder, service);
    }
  json_builder_end_array (builder);
}

char *
waymark_local_services_to_json (GListModel *services)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (G_IS_LIST_MODEL (services), NULL);

  json_builder_begin_object (builder);
  waymark_json_add_string (builder, "format", "waymark-local-services");
  waymark_json_add_int (builder, "version", WAYMARK_LOCAL_SERVICES_FILE_VERSION);
  waymark_local_services_add_array (builder, "local_services", services);
  json_builder_end_object (builder);
  return waymark_json_builder_to_file_text (builder);
}
