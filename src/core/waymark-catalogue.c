/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "waymark-catalogue.h"
#include "waymark-context-private.h"
#include "waymark-intervention-private.h"
#include "waymark-json-reader.h"
#include "waymark-safe-read.h"

/* The guarded reader sets these codes in our domain. */
G_STATIC_ASSERT ((int) WAYMARK_CATALOGUE_ERROR_READ == WAYMARK_SAFE_READ_ERROR_READ);
G_STATIC_ASSERT ((int) WAYMARK_CATALOGUE_ERROR_TOO_LARGE == WAYMARK_SAFE_READ_ERROR_TOO_LARGE);

#define DEFAULT_CATALOGUE_RESOURCE "/io/github/waymark/Waymark/catalogue/interventions.json"

struct _WaymarkCatalogue
{
  GObject parent_instance;

  char       *title;
  char       *author;
  char       *area;
  char       *data_version;
  char       *source;
  char       *evidence_scale[3];
  char       *impact_scale[3];
  GPtrArray  *providers;
  GPtrArray  *interventions;
  GHashTable *by_id;
  GPtrArray  *context;     /* WaymarkContextEntry: the file's, then the providers' services */
  GHashTable *context_by_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WaymarkCatalogue, waymark_catalogue, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_QUARK (waymark-catalogue-error-quark, waymark_catalogue_error)

static void
provider_service_free (WaymarkProviderService *service)
{
  g_free (service->name);
  g_free (service->description);
  g_free (service);
}

static void
provider_free (WaymarkProvider *provider)
{
  g_free (provider->id);
  g_free (provider->name);
  g_clear_pointer (&provider->services, g_ptr_array_unref);
  g_strfreev (provider->notes);
  g_free (provider);
}

#include "waymark-catalogue-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkProvider, provider_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkProviderService, provider_service_free)

static GType
waymark_catalogue_get_item_type (GListModel *model)
{
  return WAYMARK_TYPE_INTERVENTION;
}

static guint
waymark_catalogue_get_n_items (GListModel *model)
{
  return WAYMARK_CATALOGUE (model)->interventions->len;
}

static gpointer
waymark_catalogue_get_item (GListModel *model,
                            guint       position)
{
  WaymarkCatalogue *self = WAYMARK_CATALOGUE (model);

  if (position >= self->interventions->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->interventions, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = waymark_catalogue_get_item_type;
  iface->get_n_items = waymark_catalogue_get_n_items;
  iface->get_item = waymark_catalogue_get_item;
}

static void
waymark_catalogue_finalize (GObject *object)
{
  WaymarkCatalogue *self = (WaymarkCatalogue *) object;

  g_free (self->title);
  g_free (self->author);
  g_free (self->area);
  g_free (self->data_version);
  g_free (self->source);
  for (guint i = 0; i < 3; i++)
    {
      g_free (self->evidence_scale[i]);
      g_free (self->impact_scale[i]);
    }
  g_clear_pointer (&self->providers, g_ptr_array_unref);
  g_clear_pointer (&self->interventions, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->context_by_id, g_hash_table_unref);
  g_clear_pointer (&self->context, g_ptr_array_unref);

  G_OBJECT_CLASS (waymark_catalogue_parent_class)->finalize (object);
}

static void
waymark_catalogue_class_init (WaymarkCatalogueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = waymark_catalogue_finalize;
}

static void
waymark_catalogue_init (WaymarkCatalogue *self)
{
  self->providers = g_ptr_array_new_with_free_func ((GDestroyNotify) provider_free);
  self->interventions = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->context = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_context_entry_free);
  self->context_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Loading */

static gboolean
read_metadata (WaymarkCatalogue *self,
               WaymarkJsonReader *reader,
               JsonObject       *root)
{
  JsonObject *metadata;
  static const char * const keys[] = { "title", "author", "area", "data_version", "source", NULL };

  if (!waymark_json_reader_get_object (reader, root, "metadata", TRUE, &metadata))
    return FALSE;

  waymark_json_reader_push (reader, "metadata");
  if (!waymark_json_reader_check_keys (reader, metadata, keys) ||
      !waymark_json_reader_get_text (reader, metadata, "title", TRUE, FALSE, &self->title) ||
      !waymark_json_reader_get_text (reader, metadata, "author", TRUE, FALSE, &self->author) ||
      !waymark_json_reader_get_text (reader, metadata, "area", TRUE, FALSE, &self->area) ||
      !waymark_json_reader_get_text (reader, metadata, "data_version", TRUE, FALSE,
                                     &self->data_version) ||
      !waymark_json_reader_get_text (reader, metadata, "source", TRUE, FALSE, &self->source))
    return FALSE;
  waymark_json_reader_pop (reader);

  return TRUE;
}

static gboolean
read_scale (WaymarkJsonReader  *reader,
            JsonObject        *scales,
            const char        *name,
            char             **texts)
{
  JsonObject *scale;
  static const char * const keys[] = { "low", "moderate", "high", NULL };

  if (!waymark_json_reader_get_object (reader, scales, name, TRUE, &scale))
    return FALSE;

  waymark_json_reader_push (reader, name);
  for (guint i = 0; i < 3; i++)
    if (!waymark_json_reader_get_text (reader, scale, keys[i], TRUE, FALSE, &texts[i]))
      return FALSE;
  if (!waymark_json_reader_check_keys (reader, scale, keys))
    return FALSE;
  waymark_json_reader_pop (reader);

  return TRUE;
}

static gboolean
read_rating_scales (WaymarkCatalogue *self,
                    WaymarkJsonReader *reader,
                    JsonObject       *root)
{
  JsonObject *scales;
  static const char * const keys[] = { "evidence", "impact", NULL };

  if (!waymark_json_reader_get_object (reader, root, "rating_scales", TRUE, &scales))
    return FALSE;

  waymark_json_reader_push (reader, "rating_scales");
  if (!waymark_json_reader_check_keys (reader, scales, keys) ||
      !read_scale (reader, scales, "evidence", self->evidence_scale) ||
      !read_scale (reader, scales, "impact", self->impact_scale))
    return FALSE;
  waymark_json_reader_pop (reader);

  return TRUE;
}

static gboolean
read_provider (WaymarkCatalogue *self,
               WaymarkJsonReader *reader,
               JsonObject       *object)
{
  static const char * const keys[] = { "id", "name", "services", "notes", NULL };
  static const char * const service_keys[] = { "name", "level", "description", NULL };
  g_autoptr(WaymarkProvider) provider = g_new0 (WaymarkProvider, 1);
  JsonArray *services;

  provider->services = g_ptr_array_new_with_free_func ((GDestroyNotify) provider_service_free);

  if (!waymark_json_reader_check_keys (reader, object, keys) ||
      !waymark_json_reader_get_text (reader, object, "id", TRUE, FALSE, &provider->id) ||
      !waymark_json_reader_get_text (reader, object, "name", TRUE, FALSE, &provider->name) ||
      !waymark_json_reader_get_strv (reader, object, "notes", &provider->notes) ||
      !waymark_json_reader_get_array (reader, object, "services", &services))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      g_autoptr(WaymarkProviderService) service = g_new0 (WaymarkProviderService, 1);
      g_autofree char *where = g_strdup_printf ("services[%u]", i);
      JsonObject *item;
      guint level;

      if (!waymark_json_reader_get_array_object (reader, services, i, "services", &item))
        return FALSE;

      waymark_json_reader_push (reader, where);
      if (!waymark_json_reader_check_keys (reader, item, service_keys) ||
          !waymark_json_reader_get_text (reader, item, "name", TRUE, FALSE, &service->name) ||
          !waymark_json_reader_get_text (reader, item, "description", TRUE, FALSE,
                                         &service->description) ||
          !waymark_json_reader_get_flag (reader, item, "level", WAYMARK_TYPE_LEVEL, &level))
        return FALSE;
      service->level = level;
      waymark_json_reader_pop (reader);

      g_ptr_array_add (provider->services, g_steal_pointer (&service));
    }

  g_ptr_array_add (self->providers, g_steal_pointer (&provider));
  return TRUE;
}

static gboolean
read_providers (WaymarkCatalogue *self,
                WaymarkJsonReader *reader,
                JsonObject       *root)
{
  JsonArray *providers;

  if (!waymark_json_reader_get_array (reader, root, "providers", &providers))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (providers); i++)
    {
      g_autofree char *where = g_strdup_printf ("providers[%u]", i);
      JsonObject *item;

      if (!waymark_json_reader_get_array_object (reader, providers, i, "providers", &item))
        return FALSE;

      waymark_json_reader_push (reader, where);
      if (!read_provider (self, reader, item))
        return FALSE;
      waymark_json_reader_pop (reader);
    }

  return TRUE;
}

static gboolean
read_interventions (WaymarkCatalogue *self,
                    WaymarkJsonReader *reader,
                    JsonObject       *root)
{
  JsonArray *interventions;
  guint n;

  if (!waymark_json_reader_get_array (reader, root, "interventions", &interventions))
    return FALSE;

  n = json_array_get_length (interventions);
  if (n == 0)
    return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_INVALID_VALUE,
                                     _("interventions is empty: a catalogue needs at least one "
                                       "intervention"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) intervention = NULL;
      JsonObject *item;

      if (!waymark_json_reader_get_array_object (reader, interventions, i, "interventions", &item))
        return FALSE;

      intervention = waymark_intervention_read_json (reader, item, i);
      if (intervention == NULL)
        return FALSE;

      if (g_hash_table_contains (self->by_id, intervention->id))
        {
          g_autofree char *shown = waymark_json_reader_excerpt (intervention->id);
          guint first = 0;

          g_ptr_array_find (self->interventions,
                            g_hash_table_lookup (self->by_id, intervention->id), &first);
          return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_DUPLICATE_ID,
                                           _("interventions[%u]: id \"%s\" is already used by "
                                             "interventions[%u]; every id must be unique"),
                                           i, shown, first);
        }

      g_hash_table_insert (self->by_id, intervention->id, intervention);
      g_ptr_array_add (self->interventions, g_steal_pointer (&intervention));
    }

  return TRUE;
}

/* Where an entry came from, for the message about a duplicate id: "context[3]" or
 * "providers[0].services[1]". */
static char *
describe_context_origin (WaymarkCatalogue          *self,
                         const WaymarkContextEntry *entry,
                         guint                      n_from_file)
{
  guint position = 0;

  g_ptr_array_find (self->context, entry, &position);
  if (position < n_from_file)
    return g_strdup_printf ("context[%u]", position);

  /* The services' entries follow the file's, provider by provider. */
  position -= n_from_file;
  for (guint p = 0; p < self->providers->len; p++)
    {
      WaymarkProvider *provider = g_ptr_array_index (self->providers, p);

      if (position < provider->services->len)
        return g_strdup_printf ("providers[%u].services[%u]", p, position);
      position -= provider->services->len;
    }

  g_assert_not_reached ();
}

static gboolean
add_context_entry (WaymarkCatalogue    *self,
                   WaymarkJsonReader   *reader,
                   WaymarkContextEntry *entry,
                   const char          *where,
                   guint                n_from_file)
{
  const WaymarkContextEntry *first = g_hash_table_lookup (self->context_by_id, entry->id);

  if (first != NULL)
    {
      g_autofree char *shown = waymark_json_reader_excerpt (entry->id);
      g_autofree char *origin = describe_context_origin (self, first, n_from_file);

      /* A service's id is made, so the one to change is the file's. */
      if (entry->kind == WAYMARK_CONTEXT_KIND_PROVIDER &&
          first->kind != WAYMARK_CONTEXT_KIND_PROVIDER)
        {
          waymark_context_entry_free (entry);
          return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_DUPLICATE_ID,
                                           _("%s: id \"%s\" is the id Waymark gives %s (its "
                                             "provider's id and its number); every id must be "
                                             "unique"), origin, shown, where);
        }

      waymark_context_entry_free (entry);
      return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_DUPLICATE_ID,
                                       _("%s: id \"%s\" is already used by %s; every id must "
                                         "be unique"), where, shown, origin);
    }

  g_hash_table_insert (self->context_by_id, entry->id, entry);
  g_ptr_array_add (self->context, entry);
  return TRUE;
}

/* The file's context entries (schema version 2), then one entry per provider's service. */
static gboolean
read_context (WaymarkCatalogue *self,
              WaymarkJsonReader *reader,
              JsonObject       *root,
              gint64            version)
{
  JsonArray *context = NULL;
  guint n = 0;

  if (json_object_has_member (root, "context"))
    {
      if (version < 2)
        return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_UNKNOWN_FIELD,
                                         _("context needs schema_version 2 or later; this file "
                                           "says %" PRId64), version);
      if (!waymark_json_reader_get_array (reader, root, "context", &context))
        return FALSE;
      n = json_array_get_length (context);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *where = g_strdup_printf ("context[%u]", i);
      WaymarkContextEntry *entry;
      JsonObject *item;

      if (!waymark_json_reader_get_array_object (reader, context, i, "context", &item))
        return FALSE;

      entry = waymark_context_entry_read_json (reader, item, i, self->by_id);
      if (entry == NULL || !add_context_entry (self, reader, entry, where, n))
        return FALSE;
    }

  for (guint p = 0; p < self->providers->len; p++)
    {
      WaymarkProvider *provider = g_ptr_array_index (self->providers, p);

      for (guint s = 0; s < provider->services->len; s++)
        {
          g_autofree char *where = g_strdup_printf ("providers[%u].services[%u]", p, s);

          if (!add_context_entry (self, reader, waymark_context_entry_new_service (provider, s),
                                  where, n))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_root (WaymarkCatalogue *self,
           WaymarkJsonReader *reader,
           JsonNode         *root_node)
{
  static const char * const keys[] = {
    "format", "schema_version", "metadata", "rating_scales", "providers", "interventions",
    "context", NULL
  };
  g_autofree char *format = NULL;
  JsonObject *root;
  gint64 version;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_FORMAT,
                                     _("this is not a Waymark catalogue: it should be a JSON "
                                       "object with \"format\": \"waymark-catalogue\""));

  root = json_node_get_object (root_node);
  if (!waymark_json_reader_get_text (reader, root, "format", TRUE, FALSE, &format))
    return FALSE;
  if (g_strcmp0 (format, "waymark-catalogue") != 0)
    {
      g_autofree char *shown = waymark_json_reader_excerpt (format);

      return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_FORMAT,
                                       _("this is not a Waymark catalogue: format is \"%s\", "
                                         "not \"waymark-catalogue\""), shown);
    }

  if (!waymark_json_reader_get_int (reader, root, "schema_version", TRUE, 1, G_MAXINT32,
                                    &version))
    return FALSE;
  if (version > WAYMARK_CATALOGUE_SCHEMA_VERSION)
    return waymark_json_reader_fail (reader, WAYMARK_CATALOGUE_ERROR_VERSION,
                                     _("schema_version %" PRId64 " is newer than this "
                                       "version of Waymark can read (%d); update Waymark to "
                                       "open it"), version, WAYMARK_CATALOGUE_SCHEMA_VERSION);

  return waymark_json_reader_check_keys (reader, root, keys) &&
         read_metadata (self, reader, root) &&
         read_rating_scales (self, reader, root) &&
         read_providers (self, reader, root) &&
         read_interventions (self, reader, root) &&
         read_context (self, reader, root, version);
}

WaymarkCatalogue *
waymark_catalogue_new_from_bytes (GBytes     *bytes,
                                  const char *display_name,
                                  GError    **error)
{
  g_autoptr(WaymarkCatalogue) self = NULL;
  g_autoptr(WaymarkJsonReader) reader = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = waymark_json_reader_new (display_name, WAYMARK_CATALOGUE_ERROR,
                                    WAYMARK_CATALOGUE_MAX_BYTES);
  root = waymark_json_reader_parse (reader, bytes);
  if (root == NULL)
    {
      waymark_json_reader_propagate (reader, error);
      return NULL;
    }

  self = g_object_new (WAYMARK_TYPE_CATALOGUE, NULL);
  if (!read_root (self, reader, root))
    {
      waymark_json_reader_propagate (reader, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

WaymarkCatalogue *
waymark_catalogue_new_from_file (GFile   *file,
                                 GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  bytes = waymark_safe_read_file (file, WAYMARK_CATALOGUE_MAX_BYTES, WAYMARK_CATALOGUE_ERROR,
                                  error);
  if (bytes == NULL)
    return NULL;

  return waymark_catalogue_new_from_bytes (bytes, name, error);
}

WaymarkCatalogue *
waymark_catalogue_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (DEFAULT_CATALOGUE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return waymark_catalogue_new_from_bytes (bytes, "interventions.json", error);
}

/* Accessors */

const char *
waymark_catalogue_get_title (WaymarkCatalogue *self)
{
  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (self), NULL);
  return self->title;
}

const char *
waymark_catalogue_get_author (WaymarkCatalogue *self)
{
  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (self), NULL);
  return self->author;
}

const char *
waymark_catalogue_get_area (WaymarkCatalogue *self)
{
  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (self), NULL);
  return self->area;
}

const char *
waymark_catalogue_get_data_version (WaymarkCatalogue *self)
{
  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (self), NULL);
  return self->data_version;
}

const char *
waymark_catalogue_get_source (WaymarkCatalogue *self)
{
  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (self), NULL);
  return self->source;
}

static int
scale_index (WaymarkRating rating)
{
  switch (rating)
    {
    case WAYMARK_RATING_LOW:
      return 0;
    case WAYMARK_RATING_MODERATE:
      return 1;
    case WAYMARK_RATING_HIGH:
      return 2;
    case WAYMARK_RATING_NONE:
    case WAYMARK_RATING_LOW_MODERATE:
    default:
      return -1;
    }
}

const char *
waymark_catalogue_get_evidence_scale (WaymarkCatalogue *self,
                                      WaymarkRating     rating)
{
  int i = scale_index (rating);

  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (self), NULL);
  return i < 0 ? NULL : self->evidence_scale[i];
}

const char *
waymark_catalogue_get_impact_scale (WaymarkCatalogue *self,
                                    WaymarkRating     rating)
{
  int i = scale_index (rating);

  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (self), NULL);
  return i < 0 ? NULL : self->impact_scale[i];
}

GPtrArray *
waymark_catalogue_get_providers (WaymarkCatalogue *self)
{
  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (self), NULL);
  return self->providers;
}

WaymarkIntervention *
waymark_catalogue_lookup (WaymarkCatalogue *self,
                          const char       *id)
{
  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

void
waymark_catalogue_prepare_search (WaymarkCatalogue *self)
{
  g_return_if_fail (WAYMARK_IS_CATALOGUE (self));

  for (guint i = 0; i < self->interventions->len; i++)
    waymark_intervention_get_search_text (g_ptr_array_index (self->interventions, i));
}

GPtrArray *
waymark_catalogue_get_context (WaymarkCatalogue *self)
{
  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (self), NULL);
  return self->context;
}

const WaymarkContextEntry *
waymark_catalogue_lookup_context (WaymarkCatalogue *self,
                                  const char       *id)
{
  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->context_by_id, id);
}

GPtrArray *
waymark_catalogue_dup_context_for_intervention (WaymarkCatalogue *self,
                                                const char       *intervention_id)
{
  GPtrArray *entries;

  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (intervention_id != NULL, NULL);

  entries = g_ptr_array_new ();
  for (guint i = 0; i < self->context->len; i++)
    {
      WaymarkContextEntry *entry = g_ptr_array_index (self->context, i);

      if (g_strv_contains ((const char * const *) entry->interventions, intervention_id))
        g_ptr_array_add (entries, entry);
    }

  return entries;
}
