/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "waymark-context-private.h"
#include "waymark-csv.h"
#include "waymark-export.h"
#include "waymark-intervention-json.h"
#include "waymark-money.h"
#include "waymark-json-writer.h"

static void
add_flags_field (WaymarkCsvWriter *writer,
                 GType             type,
                 guint             flags)
{
  g_autofree char *text = waymark_flags_to_string (type, flags, ";");

  waymark_csv_add_field (writer, text, WAYMARK_CSV_PLAIN);
}

static void
add_age_field (WaymarkCsvWriter *writer,
               int               age)
{
  g_autofree char *text = age >= 0 ? g_strdup_printf ("%d", age) : NULL;

  waymark_csv_add_field (writer, text, WAYMARK_CSV_PLAIN);
}

static const char * const csv_columns[] = {
  "id", "name", "level", "focus", "works_with", "evidence_rating", "impact_rating",
  "cost_min", "cost_max", "currency", "cost_unit", "llr_status",
  "summary", "settings", "cost_qualifier", "cost_benefit", "age_min", "age_max", "section",
  "cost_unit_waymarks_reading", NULL
};

char *
waymark_export_interventions_csv (GListModel *model)
{
  GString *out = g_string_new (NULL);
  WaymarkCsvWriter writer;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  waymark_csv_writer_init (&writer, out);
  for (guint i = 0; csv_columns[i] != NULL; i++)
    waymark_csv_add_field (&writer, csv_columns[i], WAYMARK_CSV_PLAIN);
  waymark_csv_end_row (&writer);

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (model, i);
      const WaymarkCost *cost = waymark_intervention_get_cost (item);
      g_autofree char *cost_min = cost ? waymark_money_to_decimal (cost->low_minor) : NULL;
      g_autofree char *cost_max = cost ? waymark_money_to_decimal (cost->high_minor) : NULL;
      g_autofree char *cost_benefit =
        g_strjoinv (";", (char **) waymark_intervention_get_cost_benefit (item));

      waymark_csv_add_field (&writer, waymark_intervention_get_id (item), WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, waymark_intervention_get_name (item), WAYMARK_CSV_TEXT);
      add_flags_field (&writer, WAYMARK_TYPE_LEVEL, waymark_intervention_get_levels (item));
      waymark_csv_add_field (&writer,
                             waymark_enum_to_string (WAYMARK_TYPE_FOCUS,
                                                     waymark_intervention_get_focus (item)),
                             WAYMARK_CSV_PLAIN);
      add_flags_field (&writer, WAYMARK_TYPE_WORKS_WITH,
                       waymark_intervention_get_works_with (item));
      waymark_csv_add_rating (&writer, waymark_intervention_get_evidence_rating (item));
      waymark_csv_add_rating (&writer, waymark_intervention_get_impact_rating (item));
      waymark_csv_add_field (&writer, cost_min, WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, cost_max, WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer,
                             cost ? waymark_enum_to_string (WAYMARK_TYPE_CURRENCY, cost->currency)
                                  : NULL,
                             WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, cost ? cost->basis : NULL, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer,
                             waymark_enum_to_string (WAYMARK_TYPE_LLR_STATUS,
                                                     waymark_intervention_get_llr_status (item)),
                             WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, waymark_intervention_get_summary (item), WAYMARK_CSV_TEXT);
      add_flags_field (&writer, WAYMARK_TYPE_SETTING, waymark_intervention_get_settings (item));
      waymark_csv_add_field (&writer,
                             cost && cost->qualifier != WAYMARK_COST_QUALIFIER_NONE
                             ? waymark_enum_to_string (WAYMARK_TYPE_COST_QUALIFIER, cost->qualifier)
                             : NULL,
                             WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, cost_benefit, WAYMARK_CSV_TEXT);
      add_age_field (&writer, waymark_intervention_get_age_min (item));
      add_age_field (&writer, waymark_intervention_get_age_max (item));
      waymark_csv_add_field (&writer, waymark_intervention_get_section (item), WAYMARK_CSV_TEXT);
      /* Empty where cost_unit is the review's words; else Waymark's reading, so that a unit the
       * review does not write is not taken for the review's. */
      waymark_csv_add_field (&writer, cost ? cost->waymarks_reading : NULL, WAYMARK_CSV_TEXT);
      waymark_csv_end_row (&writer);
    }

  return g_string_free (out, FALSE);
}

static void
add_scale (JsonBuilder      *builder,
           const char       *name,
           WaymarkCatalogue *catalogue,
           const char *    (*get) (WaymarkCatalogue *, WaymarkRating))
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  waymark_json_add_string (builder, "low", get (catalogue, WAYMARK_RATING_LOW));
  waymark_json_add_string (builder, "moderate", get (catalogue, WAYMARK_RATING_MODERATE));
  waymark_json_add_string (builder, "high", get (catalogue, WAYMARK_RATING_HIGH));
  json_builder_end_object (builder);
}

static void
add_providers (JsonBuilder *builder,
               GPtrArray   *providers)
{
  json_builder_set_member_name (builder, "providers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < providers->len; i++)
    {
      WaymarkProvider *provider = g_ptr_array_index (providers, i);

      json_builder_begin_object (builder);
      waymark_json_add_string (builder, "id", provider->id);
      waymark_json_add_string (builder, "name", provider->name);
      json_builder_set_member_name (builder, "services");
      json_builder_begin_array (builder);
      for (guint j = 0; j < provider->services->len; j++)
        {
          WaymarkProviderService *service = g_ptr_array_index (provider->services, j);
          g_autofree char *level = waymark_flags_to_string (WAYMARK_TYPE_LEVEL, service->level,
                                                            ";");

          json_builder_begin_object (builder);
          waymark_json_add_string (builder, "name", service->name);
          waymark_json_add_string (builder, "level", level);
          waymark_json_add_string (builder, "description", service->description);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "notes");
      json_builder_begin_array (builder);
      for (guint j = 0; provider->notes != NULL && provider->notes[j] != NULL; j++)
        json_builder_add_string_value (builder, provider->notes[j]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

char *
waymark_export_catalogue_json (WaymarkCatalogue *catalogue,
                               GListModel       *model)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) exported = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *context;
  guint n;

  g_return_val_if_fail (WAYMARK_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  if (model == NULL)
    model = G_LIST_MODEL (catalogue);

  json_builder_begin_object (builder);
  waymark_json_add_string (builder, "format", "waymark-catalogue");
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, WAYMARK_CATALOGUE_SCHEMA_VERSION);

  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  waymark_json_add_string (builder, "title", waymark_catalogue_get_title (catalogue));
  waymark_json_add_string (builder, "author", waymark_catalogue_get_author (catalogue));
  waymark_json_add_string (builder, "area", waymark_catalogue_get_area (catalogue));
  waymark_json_add_string (builder, "data_version", waymark_catalogue_get_data_version (catalogue));
  waymark_json_add_string (builder, "source", waymark_catalogue_get_source (catalogue));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "rating_scales");
  json_builder_begin_object (builder);
  add_scale (builder, "evidence", catalogue, waymark_catalogue_get_evidence_scale);
  add_scale (builder, "impact", catalogue, waymark_catalogue_get_impact_scale);
  json_builder_end_object (builder);

  add_providers (builder, waymark_catalogue_get_providers (catalogue));

  json_builder_set_member_name (builder, "interventions");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (model, i);

      json_builder_add_value (builder, waymark_intervention_to_json (item));
      g_hash_table_add (exported, (gpointer) waymark_intervention_get_id (item));
    }
  json_builder_end_array (builder);

  /* The review's context as read; the services' entries are made from the providers again. A
   * link to an intervention left out of the export is left out with it, so the file reads back. */
  json_builder_set_member_name (builder, "context");
  json_builder_begin_array (builder);
  context = waymark_catalogue_get_context (catalogue);
  for (guint i = 0; i < context->len; i++)
    {
      const WaymarkContextEntry *entry = g_ptr_array_index (context, i);

      if (entry->kind != WAYMARK_CONTEXT_KIND_PROVIDER)
        waymark_context_entry_add_json (builder, entry, exported);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return waymark_json_generate (generator);
}

static const char * const context_csv_columns[] = {
  "kind", "id", "label", "value", "unit", "period", "geography", "as_written", "section", "topic",
  "purpose", "interventions", "questions", NULL
};

char *
waymark_export_context_csv (GPtrArray *entries)
{
  GString *out = g_string_new (NULL);
  WaymarkCsvWriter writer;

  g_return_val_if_fail (entries != NULL, NULL);

  waymark_csv_writer_init (&writer, out);
  for (guint i = 0; context_csv_columns[i] != NULL; i++)
    waymark_csv_add_field (&writer, context_csv_columns[i], WAYMARK_CSV_PLAIN);
  waymark_csv_end_row (&writer);

  for (guint i = 0; i < entries->len; i++)
    {
      const WaymarkContextEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *interventions = g_strjoinv (";", entry->interventions);
      g_autofree char *questions = g_strjoinv ("\n", entry->questions);

      waymark_csv_add_field (&writer, waymark_enum_to_string (WAYMARK_TYPE_CONTEXT_KIND,
                                                              entry->kind), WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, entry->id, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, entry->label, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, entry->value, WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, waymark_enum_to_string (WAYMARK_TYPE_CONTEXT_UNIT,
                                                              entry->unit), WAYMARK_CSV_PLAIN);
      waymark_csv_add_field (&writer, entry->period, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, entry->geography, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, entry->as_written, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, entry->section, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, entry->topic, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, entry->purpose, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, interventions, WAYMARK_CSV_TEXT);
      waymark_csv_add_field (&writer, questions, WAYMARK_CSV_TEXT);
      waymark_csv_end_row (&writer);
    }

  return g_string_free (out, FALSE);
}

char *
waymark_export_context_json (GPtrArray *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (entries != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    waymark_context_entry_add_json (builder, g_ptr_array_index (entries, i), NULL);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return waymark_json_generate (generator);
}
