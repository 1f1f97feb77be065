/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "waymark-catalogue.h"
#include "waymark-criteria.h"
#include "waymark-export.h"
#include "waymark-money.h"

/* The expected values in tests/data/review-expected.tsv were written by reading the review, not
 * by copying the catalogue: a mistyped rating or cost in either shows up here. */

static WaymarkCatalogue *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  WaymarkCatalogue *catalogue = waymark_catalogue_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalogue);
  return catalogue;
}

static void
test_metadata (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();

  g_assert_cmpstr (waymark_catalogue_get_title (catalogue), ==,
                   "Rapid evidence review: Interventions to prevent and reduce domestic abuse and "
                   "sexual violence");
  g_assert_cmpstr (waymark_catalogue_get_author (catalogue), ==, "Crest Advisory");
  g_assert_cmpstr (waymark_catalogue_get_area (catalogue), ==,
                   "Leicester, Leicestershire and Rutland");
  g_assert_nonnull (waymark_catalogue_get_data_version (catalogue));
}

static void
test_matches_review (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "review-expected.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "id\tlevels\tevidence\timpact\tcost_low\tcost_high\tcurrency\tbasis\tllr_status");

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      WaymarkIntervention *item;
      const WaymarkCost *cost;
      g_autofree char *levels = NULL;

      if (*lines[i] == '\0')
        continue;

      f = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 9);
      g_test_message ("checking %s", f[0]);

      item = waymark_catalogue_lookup (catalogue, f[0]);
      g_assert_nonnull (item);

      levels = waymark_flags_to_string (WAYMARK_TYPE_LEVEL, waymark_intervention_get_levels (item),
                                        ";");
      g_assert_cmpstr (levels, ==, f[1]);
      g_assert_cmpstr (waymark_enum_to_string (WAYMARK_TYPE_RATING,
                                               waymark_intervention_get_evidence_rating (item)),
                       ==, *f[2] ? f[2] : "none");
      g_assert_cmpstr (waymark_enum_to_string (WAYMARK_TYPE_RATING,
                                               waymark_intervention_get_impact_rating (item)),
                       ==, *f[3] ? f[3] : "none");

      cost = waymark_intervention_get_cost (item);
      if (*f[4] == '\0')
        g_assert_null (cost);
      else
        {
          g_assert_nonnull (cost);
          g_assert_cmpint (cost->low_minor, ==, g_ascii_strtoll (f[4], NULL, 10));
          g_assert_cmpint (cost->high_minor, ==, g_ascii_strtoll (f[5], NULL, 10));
          g_assert_cmpstr (waymark_enum_to_string (WAYMARK_TYPE_CURRENCY, cost->currency), ==, f[6]);
          g_assert_cmpstr (cost->basis, ==, f[7]);
        }

      g_assert_cmpstr (waymark_enum_to_string (WAYMARK_TYPE_LLR_STATUS,
                                               waymark_intervention_get_llr_status (item)),
                       ==, f[8]);
      checked++;
    }

  /* Every intervention in the catalogue is checked, and nothing else is in it. */
  g_assert_cmpuint (checked, ==, 35);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalogue)), ==, checked);
}

static void
test_review_spot_checks (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  WaymarkIntervention *stop_sv = waymark_catalogue_lookup (catalogue, "stop-sv");
  WaymarkIntervention *rwf = waymark_catalogue_lookup (catalogue, "relationships-without-fear");
  WaymarkIntervention *cbt = waymark_catalogue_lookup (catalogue, "cbt-perpetrators");
  WaymarkIntervention *iris = waymark_catalogue_lookup (catalogue, "iris");
  const WaymarkCost *assembly;

  /* The review's one MEDIUM is its moderate, and keeps its note. */
  g_assert_cmpint (waymark_intervention_get_impact_rating (stop_sv), ==, WAYMARK_RATING_MODERATE);
  g_assert_cmpstr (waymark_intervention_get_impact_rating_as_written (stop_sv), ==,
                   "MEDIUM (note limited evidence)");

  /* MODERATE/LOW is a range like LOW/MODERATE. */
  g_assert_cmpint (waymark_intervention_get_impact_rating (cbt), ==, WAYMARK_RATING_LOW_MODERATE);
  g_assert_cmpstr (waymark_intervention_get_impact_rating_as_written (cbt), ==, "MODERATE/LOW");

  /* RwF publishes two prices: teacher training from £375 a session, assemblies from £80. */
  g_assert_cmpuint (waymark_intervention_get_costs (rwf)->len, ==, 2);
  assembly = g_ptr_array_index (waymark_intervention_get_costs (rwf), 1);
  g_assert_cmpint (assembly->low_minor, ==, 8000);
  g_assert_cmpint (assembly->qualifier, ==, WAYMARK_COST_QUALIFIER_FROM);

  /* IRIS publishes a return, not a unit cost. */
  g_assert_null (waymark_intervention_get_cost (iris));
  g_assert_nonnull (strstr (waymark_intervention_get_cost_benefit (iris)[0], "£16"));
}

static void
test_internal_consistency (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
  guint rated = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (G_LIST_MODEL (catalogue), i);
      const char *evidence_words = waymark_intervention_get_evidence_rating_as_written (item);
      const char *impact_words = waymark_intervention_get_impact_rating_as_written (item);
      GPtrArray *costs = waymark_intervention_get_costs (item);

      g_test_message ("checking %s", waymark_intervention_get_id (item));

      /* The rating and the review's words for it agree; both or neither are given. */
      g_assert_cmpint (evidence_words == NULL, ==,
                       waymark_intervention_get_evidence_rating (item) == WAYMARK_RATING_NONE);
      g_assert_cmpint (impact_words == NULL, ==,
                       waymark_intervention_get_impact_rating (item) == WAYMARK_RATING_NONE);
      if (evidence_words != NULL)
        {
          WaymarkRating parsed;
          g_auto(GStrv) word = g_strsplit (evidence_words, " ", 2);

          g_assert_true (waymark_rating_parse_review_words (word[0], &parsed));
          g_assert_cmpint (parsed, ==, waymark_intervention_get_evidence_rating (item));
          rated++;
        }
      if (impact_words != NULL)
        {
          WaymarkRating parsed;
          g_auto(GStrv) word = g_strsplit (impact_words, " ", 2);

          g_assert_true (waymark_rating_parse_review_words (word[0], &parsed));
          g_assert_cmpint (parsed, ==, waymark_intervention_get_impact_rating (item));
        }

      /* Every published figure can be found in the review's resources text for it. */
      for (guint c = 0; c < costs->len; c++)
        {
          const WaymarkCost *cost = g_ptr_array_index (costs, c);
          g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, cost->low_minor / 100);
          g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, cost->high_minor / 100);
          const char *resources = waymark_intervention_get_resources (item);

          g_assert_nonnull (resources);
          g_assert_nonnull (strstr (resources, low));
          g_assert_nonnull (strstr (resources, high));
          g_assert_nonnull (strstr (resources, cost->as_written));
        }
    }

  /* The review rates 25 interventions. */
  g_assert_cmpuint (rated, ==, 25);
}

static void
test_scales_and_providers (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  GPtrArray *providers = waymark_catalogue_get_providers (catalogue);
  const char *ids[] = { "freeva", "living-without-abuse", "womens-aid-llr" };

  g_assert_true (g_str_has_prefix (waymark_catalogue_get_evidence_scale (catalogue,
                                                                         WAYMARK_RATING_LOW),
                                   "We did not find a systematic review"));
  g_assert_true (g_str_has_prefix (waymark_catalogue_get_evidence_scale (catalogue,
                                                                         WAYMARK_RATING_HIGH),
                                   "Evidence is strong"));
  g_assert_true (g_str_has_prefix (waymark_catalogue_get_impact_scale (catalogue,
                                                                       WAYMARK_RATING_LOW),
                                   "There is no evidence of positive change"));
  g_assert_true (g_str_has_prefix (waymark_catalogue_get_impact_scale (catalogue,
                                                                       WAYMARK_RATING_HIGH),
                                   "There is strong evidence"));
  g_assert_null (waymark_catalogue_get_impact_scale (catalogue, WAYMARK_RATING_LOW_MODERATE));

  g_assert_cmpuint (providers->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < providers->len; i++)
    {
      WaymarkProvider *provider = g_ptr_array_index (providers, i);

      g_assert_cmpstr (provider->id, ==, ids[i]);
      g_assert_cmpuint (provider->services->len, >, 0);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  g_autoptr(WaymarkCatalogue) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = waymark_export_catalogue_json (catalogue, NULL);
  g_autofree char *second = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (first, strlen (first));

  again = waymark_catalogue_new_from_bytes (bytes, "exported.json", &error);
  g_assert_no_error (error);
  second = waymark_export_catalogue_json (again, NULL);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 35);
}

static void
test_shipped_file_is_canonical (void)
{
  /* The shipped file is exactly what Waymark writes, so editing it by hand and saving it from
   * Waymark never produce two different files. */
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  g_autofree char *exported = waymark_export_catalogue_json (catalogue, NULL);
  g_autoptr(GBytes) shipped =
    g_resources_lookup_data ("/io/github/waymark/Waymark/catalogue/interventions.json", 0, NULL);
  g_autofree char *with_newline = g_strconcat (exported, "\n", NULL);

  g_assert_nonnull (shipped);
  g_assert_cmpmem (g_bytes_get_data (shipped, NULL), g_bytes_get_size (shipped),
                   with_newline, strlen (with_newline));
}

static void
test_list_model (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  GListModel *model = G_LIST_MODEL (catalogue);
  g_autoptr(WaymarkIntervention) first = g_list_model_get_item (model, 0);

  g_assert_true (g_list_model_get_item_type (model) == WAYMARK_TYPE_INTERVENTION);
  g_assert_cmpstr (waymark_intervention_get_id (first), ==, "coaching-boys-into-men");
  g_assert_null (g_list_model_get_item (model, 35));
  g_assert_true (waymark_catalogue_lookup (catalogue, "drive") != NULL);
  g_assert_null (waymark_catalogue_lookup (catalogue, "no-such-thing"));
}

/* Where the word at, of length len, in text is a whole token: no letter, digit or hyphen touching
 * it, so "in-place" is found in "llr_status in-place:" but not in "face-to-face". */
static gboolean
has_token (const char *text,
           const char *word)
{
  gsize len = strlen (word);

  for (const char *at = strstr (text, word); at != NULL; at = strstr (at + 1, word))
    {
      gboolean open_before = at == text || !(g_ascii_isalnum (at[-1]) || at[-1] == '-');
      gboolean open_after = !(g_ascii_isalnum (at[len]) || at[len] == '-');

      if (open_before && open_after)
        return TRUE;
    }
  return FALSE;
}

static void
add_hyphenated_nicks (GPtrArray *words,
                      GType      type)
{
  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);

      for (guint i = 0; i < klass->n_values; i++)
        if (strchr (klass->values[i].value_nick, '-') != NULL)
          g_ptr_array_add (words, g_strdup (klass->values[i].value_nick));
    }
  else
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);

      for (guint i = 0; i < klass->n_values; i++)
        if (strchr (klass->values[i].value_nick, '-') != NULL)
          g_ptr_array_add (words, g_strdup (klass->values[i].value_nick));
    }
}

/* The notes are Waymark's words to a commissioner: sentences, never the catalogue's field names
 * ("llr_status", "works_with", "age_min", "focus is both") or its ids ("not-in-place",
 * "children-young-people", "dv-screening"). */
static void
test_notes_in_plain_words (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  const GType types[] = {
    WAYMARK_TYPE_LEVEL, WAYMARK_TYPE_RATING, WAYMARK_TYPE_FOCUS, WAYMARK_TYPE_WORKS_WITH,
    WAYMARK_TYPE_SETTING, WAYMARK_TYPE_LLR_STATUS, WAYMARK_TYPE_GENDER,
    WAYMARK_TYPE_COST_QUALIFIER,
  };
  const char *phrases[] = { "focus is", "settings is", "works with is", "Delivery duration" };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
  guint with_status = 0;

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    add_hyphenated_nicks (ids, types[t]);
  g_assert_true (g_ptr_array_find_with_equal_func (ids, "not-in-place", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (ids, "children-young-people", g_str_equal,
                                                   NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (G_LIST_MODEL (catalogue), i);

      if (strchr (waymark_intervention_get_id (item), '-') != NULL)
        g_ptr_array_add (ids, g_strdup (waymark_intervention_get_id (item)));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (G_LIST_MODEL (catalogue), i);
      const char *id = waymark_intervention_get_id (item);
      const char *notes = waymark_intervention_get_notes (item);

      g_assert_nonnull (notes);
      /* Every field name is a snake_case word: llr_status, works_with, age_min, ... */
      if (strchr (notes, '_') != NULL)
        g_error ("%s: the notes hold an identifier with “_”: %s", id, notes);
      for (guint p = 0; p < G_N_ELEMENTS (phrases); p++)
        if (strstr (notes, phrases[p]) != NULL)
          g_error ("%s: the notes say “%s”: %s", id, phrases[p], notes);
      for (guint w = 0; w < ids->len; w++)
        if (has_token (notes, g_ptr_array_index (ids, w)))
          g_error ("%s: the notes hold the id “%s”: %s", id,
                   (const char *) g_ptr_array_index (ids, w), notes);

      /* A status in LLR that the review's feasibility text decides is justified in words. */
      if (waymark_intervention_get_llr_status (item) != WAYMARK_LLR_STATUS_UNKNOWN)
        {
          g_assert_nonnull (strstr (notes, "in LLR"));
          with_status++;
        }
    }
  g_assert_cmpuint (with_status, >, 0);
}

/* Issue 14: the review's picture beyond its interventions. The expected values below were read
 * from the review (tests/check-context.py checks every entry's words against it). */

static const WaymarkContextEntry *
lookup_context (WaymarkCatalogue *catalogue,
                const char       *id)
{
  const WaymarkContextEntry *entry = waymark_catalogue_lookup_context (catalogue, id);

  g_test_message ("%s", id);
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->id, ==, id);
  return entry;
}

static void
test_context_values (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  const WaymarkContextEntry *entry;

  entry = lookup_context (catalogue, "llr-da-adults");
  g_assert_cmpint (entry->kind, ==, WAYMARK_CONTEXT_KIND_CONTEXT);
  g_assert_cmpstr (entry->value, ==, "28360");
  g_assert_cmpint (entry->unit, ==, WAYMARK_CONTEXT_UNIT_PEOPLE);
  g_assert_cmpstr (entry->period, ==, "2020/21");
  g_assert_cmpstr (entry->geography, ==, "Leicester, Leicestershire and Rutland");
  g_assert_nonnull (strstr (entry->as_written, "28,360 adults"));
  g_assert_null (entry->purpose);

  entry = lookup_context (catalogue, "llr-da-rise");
  g_assert_cmpstr (entry->value, ==, "7.89");
  g_assert_cmpint (entry->unit, ==, WAYMARK_CONTEXT_UNIT_PERCENT);

  entry = lookup_context (catalogue, "llr-sv-rise");
  g_assert_cmpstr (entry->value, ==, "47");
  g_assert_cmpint (entry->unit, ==, WAYMARK_CONTEXT_UNIT_PERCENT);
  g_assert_cmpstr (entry->period, ==, "2019/20 to 2021/22");

  entry = lookup_context (catalogue, "vawg-investment");
  g_assert_cmpint (entry->kind, ==, WAYMARK_CONTEXT_KIND_FUNDING);
  g_assert_cmpstr (entry->value, ==, "140000000");
  g_assert_cmpint (entry->unit, ==, WAYMARK_CONTEXT_UNIT_GBP);
  g_assert_cmpstr (entry->as_written, ==, "a £140 million investment in support for victims");

  entry = lookup_context (catalogue, "vawg-ring-fenced");
  g_assert_cmpstr (entry->value, ==, "47000000");

  entry = lookup_context (catalogue, "da-perpetrator-intervention-fund");
  g_assert_cmpstr (entry->value, ==, "36000000");
  g_assert_cmpstr (entry->period, ==, "2023-2025");
  g_assert_nonnull (strstr (entry->purpose, "early response, behaviour change work, intensive "
                                            "multi-agency case management"));

  entry = lookup_context (catalogue, "llr-perpetrator-bid");
  g_assert_cmpstr (entry->value, ==, "240000");
  g_assert_nonnull (strstr (entry->as_written, "more than £240k"));

  entry = lookup_context (catalogue, "llr-males-per-100-females");
  g_assert_cmpstr (entry->value, ==, "97.351");
  g_assert_cmpint (entry->unit, ==, WAYMARK_CONTEXT_UNIT_RATIO);

  entry = lookup_context (catalogue, "gap-perpetrator-interventions");
  g_assert_cmpint (entry->kind, ==, WAYMARK_CONTEXT_KIND_GAP);
  g_assert_cmpstr (entry->value, ==, "1");
  g_assert_cmpint (entry->unit, ==, WAYMARK_CONTEXT_UNIT_PERCENT);
  g_assert_cmpstr (entry->as_written, ==, "only 1% of DA perpetrators receive an intervention");
  g_assert_true (g_strv_contains ((const char * const *) entry->interventions, "dapps"));

  entry = lookup_context (catalogue, "gap-unfunded-community-services");
  g_assert_cmpstr (entry->value, ==, "43.2");
  entry = lookup_context (catalogue, "gap-sv-waiting-lists");
  g_assert_cmpstr (entry->value, ==, "51");

  entry = lookup_context (catalogue, "gap-older-adults");
  g_assert_cmpint (entry->unit, ==, WAYMARK_CONTEXT_UNIT_TEXT);
  g_assert_null (entry->value);
  g_assert_cmpstr (entry->as_written, ==,
                   "There is a gap in support services for older adults at risk of DA and SV");
  g_assert_null (entry->interventions[0]);

  entry = lookup_context (catalogue, "rec-discussion-points");
  g_assert_cmpint (entry->kind, ==, WAYMARK_CONTEXT_KIND_RECOMMENDATION);
  g_assert_cmpuint (g_strv_length (entry->questions), ==, 4);
  g_assert_cmpstr (entry->questions[3], ==, "How will you know these interventions are effective?");

  g_assert_null (waymark_catalogue_lookup_context (catalogue, "no-such-entry"));
}

static void
test_context_kinds_and_order (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  GPtrArray *context = waymark_catalogue_get_context (catalogue);
  guint counts[WAYMARK_CONTEXT_N_KINDS] = { 0 };
  guint n_services = 0;
  gboolean in_services = FALSE;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < waymark_catalogue_get_providers (catalogue)->len; i++)
    {
      WaymarkProvider *provider = g_ptr_array_index (waymark_catalogue_get_providers (catalogue), i);

      n_services += provider->services->len;
    }

  for (guint i = 0; i < context->len; i++)
    {
      const WaymarkContextEntry *entry = g_ptr_array_index (context, i);

      g_assert_cmpint (entry->kind, <, WAYMARK_CONTEXT_N_KINDS);
      counts[entry->kind]++;
      g_assert_true (g_hash_table_add (ids, entry->id));
      g_assert_true (waymark_catalogue_lookup_context (catalogue, entry->id) == entry);
      /* Never "", and a value exactly when the unit is not text. */
      g_assert_cmpstr (entry->label, !=, "");
      g_assert_cmpstr (entry->as_written, !=, "");
      g_assert_cmpstr (entry->section, !=, "");
      g_assert_cmpstr (entry->period, !=, "");
      g_assert_cmpstr (entry->geography, !=, "");
      g_assert_true ((entry->value == NULL) == (entry->unit == WAYMARK_CONTEXT_UNIT_TEXT));
      g_assert_nonnull (entry->interventions);
      g_assert_nonnull (entry->questions);
      /* The services come last. */
      if (entry->kind == WAYMARK_CONTEXT_KIND_PROVIDER)
        in_services = TRUE;
      else
        g_assert_false (in_services);
    }

  g_assert_cmpuint (counts[WAYMARK_CONTEXT_KIND_CONTEXT], ==, 57);
  g_assert_cmpuint (counts[WAYMARK_CONTEXT_KIND_FUNDING], ==, 11);
  g_assert_cmpuint (counts[WAYMARK_CONTEXT_KIND_GAP], ==, 14);
  g_assert_cmpuint (counts[WAYMARK_CONTEXT_KIND_STANDARD], ==, 27);
  g_assert_cmpuint (counts[WAYMARK_CONTEXT_KIND_RECOMMENDATION], ==, 9);
  g_assert_cmpuint (counts[WAYMARK_CONTEXT_KIND_PROVIDER], ==, n_services);
  g_assert_cmpuint (n_services, ==, 11);
}

static void
test_context_services (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  const WaymarkContextEntry *entry = lookup_context (catalogue, "freeva-3");

  g_assert_cmpint (entry->kind, ==, WAYMARK_CONTEXT_KIND_PROVIDER);
  g_assert_cmpstr (entry->label, ==, "The Jenkins Centre");
  g_assert_cmpstr (entry->topic, ==, "Free from Violence and Abuse (freeva)");
  g_assert_cmpstr (entry->section, ==, "Free from Violence and Abuse (freeva)");
  g_assert_cmpint (entry->unit, ==, WAYMARK_CONTEXT_UNIT_TEXT);
  g_assert_null (entry->value);
  g_assert_true (g_str_has_prefix (entry->as_written, "The Jenkins Centre provides The Second Step"));
}

static void
test_context_for_intervention (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  g_autoptr(GPtrArray) dapps = waymark_catalogue_dup_context_for_intervention (catalogue, "dapps");
  g_autoptr(GPtrArray) none = waymark_catalogue_dup_context_for_intervention (catalogue,
                                                                              "safe-dates");
  g_autoptr(GPtrArray) unknown = waymark_catalogue_dup_context_for_intervention (catalogue,
                                                                                 "no-such-id");
  const WaymarkContextEntry *first;

  /* The four gaps in perpetrator provision, in the review's order. */
  g_assert_cmpuint (dapps->len, ==, 4);
  first = g_ptr_array_index (dapps, 0);
  g_assert_cmpstr (first->id, ==, "gap-perpetrator-interventions");
  for (guint i = 0; i < dapps->len; i++)
    g_assert_cmpint (((WaymarkContextEntry *) g_ptr_array_index (dapps, i))->kind, ==,
                     WAYMARK_CONTEXT_KIND_GAP);
  g_assert_nonnull (none);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (unknown->len, ==, 0);
}

static void
test_context_version_1 (void)
{
  /* A version 1 file has no context: only its services are entries. */
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = waymark_catalogue_new_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (waymark_catalogue_get_context (catalogue)->len, ==, 0);
}

static void
test_context_minimal (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal-context.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = waymark_catalogue_new_from_file (file, &error);
  GPtrArray *context;

  g_assert_no_error (error);
  context = waymark_catalogue_get_context (catalogue);
  g_assert_cmpuint (context->len, ==, 5);
  g_assert_cmpstr (((WaymarkContextEntry *) g_ptr_array_index (context, 4))->id, ==, "freeva-1");
  g_assert_cmpstr (lookup_context (catalogue, "rec-evaluation")->questions[0], ==,
                   "In what ways do you currently evaluate the impact of interventions to tackle "
                   "DA and sexual violence?");
}

static void
test_context_export_subset (void)
{
  /* An export of some interventions keeps the context but drops links to the ones left out,
   * so that it reads back. */
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  g_autoptr(GListStore) some = g_list_store_new (WAYMARK_TYPE_INTERVENTION);
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WaymarkCatalogue) again = NULL;
  g_autoptr(GError) error = NULL;
  const WaymarkContextEntry *entry;

  g_list_store_append (some, waymark_catalogue_lookup (catalogue, "dapps"));
  json = waymark_export_catalogue_json (catalogue, G_LIST_MODEL (some));
  bytes = g_bytes_new (json, strlen (json));
  again = waymark_catalogue_new_from_bytes (bytes, "some.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (waymark_catalogue_get_context (again)->len, ==,
                    waymark_catalogue_get_context (catalogue)->len);
  entry = waymark_catalogue_lookup_context (again, "gap-perpetrator-interventions");
  g_assert_nonnull (entry);
  g_assert_cmpuint (g_strv_length (entry->interventions), ==, 1);
  g_assert_cmpstr (entry->interventions[0], ==, "dapps");
}

static void
test_context_labels (void)
{
  g_assert_cmpstr (waymark_context_kind_get_label (WAYMARK_CONTEXT_KIND_GAP), ==,
                   "Gap in provision");
  g_assert_cmpstr (waymark_context_kind_get_label (WAYMARK_CONTEXT_KIND_PROVIDER), ==,
                   "Commissioned service");
  g_assert_cmpstr (waymark_enum_to_string (WAYMARK_TYPE_CONTEXT_KIND,
                                           WAYMARK_CONTEXT_KIND_RECOMMENDATION), ==,
                   "recommendation");
  g_assert_cmpstr (waymark_enum_to_string (WAYMARK_TYPE_CONTEXT_UNIT, WAYMARK_CONTEXT_UNIT_GBP),
                   ==, "GBP");
  g_assert_cmpstr (waymark_context_unit_get_label (WAYMARK_CONTEXT_UNIT_PERCENT), ==, "percent");
}

/* Issue 14's audit against the review: each check quotes the review's words it rests on. */

static gboolean
strv_has_substring (const char * const *strv,
                    const char         *needle)
{
  for (; strv != NULL && *strv != NULL; strv++)
    if (strstr (*strv, needle) != NULL)
      return TRUE;
  return FALSE;
}

/* Resources: "For every £1 they receive, 94p goes directly towards work with young people":
 * how Tender spends its income, not a return on money spent. It stays in the review's words. */
static void
test_audit_tender_94p (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  WaymarkIntervention *tender = waymark_catalogue_lookup (catalogue, "tender");

  g_assert_false (strv_has_substring (waymark_intervention_get_cost_benefit (tender), "94p"));
  g_assert_nonnull (strstr (waymark_intervention_get_resources (tender),
                            "For every £1 they receive, 94p goes directly towards work with "
                            "young people"));
}

/* Evidence: "the impact of CBT for PTSD and victims of DA and SV, including children"; the
 * cohort line "Information on impact comes from women over the age of 18" says where the
 * evidence came from, not who may take part. */
static void
test_audit_cbt_victims_cohort (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  WaymarkIntervention *cbt = waymark_catalogue_lookup (catalogue, "cbt-victims");

  g_assert_cmpint (waymark_intervention_get_age_min (cbt), ==, -1);
  g_assert_cmpint (waymark_intervention_get_age_max (cbt), ==, -1);
  g_assert_cmpint (waymark_intervention_get_gender (cbt), ==, WAYMARK_GENDER_UNSPECIFIED);
  g_assert_true (waymark_intervention_get_works_with (cbt) & WAYMARK_WORKS_WITH_VICTIMS);
  g_assert_true (waymark_intervention_get_works_with (cbt) &
                 WAYMARK_WORKS_WITH_CHILDREN_YOUNG_PEOPLE);
}

/* Target cohort: "Male undergraduate students": adults, not children. */
static void
test_audit_real_consent_adults (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  WaymarkIntervention *real = waymark_catalogue_lookup (catalogue, "real-consent");

  g_assert_false (waymark_intervention_get_works_with (real) &
                  WAYMARK_WORKS_WITH_CHILDREN_YOUNG_PEOPLE);
  g_assert_cmpuint (waymark_intervention_get_works_with (real), !=, 0);
  g_assert_cmpint (waymark_intervention_get_gender (real), ==, WAYMARK_GENDER_MALE);
}

/* Heading: "to encourage and equip people to speak up on domestic abuse and sexual violence". */
static void
test_audit_safe_to_say_focus (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  WaymarkIntervention *safe = waymark_catalogue_lookup (catalogue, "safe-to-say");

  g_assert_nonnull (strstr (waymark_intervention_get_summary (safe),
                            "speak up on domestic abuse and sexual violence"));
  g_assert_cmpint (waymark_intervention_get_focus (safe), ==, WAYMARK_FOCUS_BOTH);
}

/* Target cohort: "High-risk victims of DA, including children". */
static void
test_audit_marac_children (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  WaymarkIntervention *marac = waymark_catalogue_lookup (catalogue, "marac");

  g_assert_cmpstr (waymark_intervention_get_target_cohort (marac), ==,
                   "High-risk victims of DA, including children");
  g_assert_true (waymark_intervention_get_works_with (marac) &
                 WAYMARK_WORKS_WITH_CHILDREN_YOUNG_PEOPLE);
}

/* Heading: "Support helplines provide 24/7 support"; overview: "Helpline support is available
 * 24/7": the delivery, which the comparison shows, says so too. */
static void
test_audit_helplines_24_7 (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  WaymarkIntervention *helplines = waymark_catalogue_lookup (catalogue, "helplines");

  g_assert_nonnull (strstr (waymark_intervention_get_summary (helplines), "24/7"));
  g_assert_nonnull (strstr (waymark_intervention_get_overview (helplines),
                            "Helpline support is available 24/7"));
  g_assert_nonnull (waymark_intervention_get_duration (helplines));
  g_assert_nonnull (strstr (waymark_intervention_get_duration (helplines), "24/7"));
}

/* "A screening service like IRIS costs £136 per woman registered at the clinic/practice per
 * year but saves £178 in social costs": both figures keep that unit, and the cost is given for
 * a service "like IRIS". */
static void
test_audit_screening_units (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  WaymarkIntervention *screening = waymark_catalogue_lookup (catalogue, "dv-screening");
  const WaymarkCost *cost = waymark_intervention_get_cost (screening);
  const char * const *cb = waymark_intervention_get_cost_benefit (screening);

  g_assert_cmpint (cost->low_minor, ==, 13600);
  g_assert_cmpstr (cost->basis, ==, "per woman registered at the clinic/practice per year");
  g_assert_nonnull (strstr (cost->as_written, "like IRIS"));
  g_assert_nonnull (cb[0]);
  g_assert_nonnull (strstr (cb[0], "£136 per woman registered at the clinic/practice per year "
                                   "but saves £178 in social costs"));
}

/* "## Primary prevention: Ask Me Programme ... £5.13*", "## Secondary prevention: Trusted
 * Professional ... £5.31*", "## Tertiary prevention: Expert Voices Scheme ... £5.50*". */
static void
test_audit_change_that_lasts_strands (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  WaymarkIntervention *ctl = waymark_catalogue_lookup (catalogue, "change-that-lasts");
  const char * const *cb = waymark_intervention_get_cost_benefit (ctl);
  const char *strands[][2] = {
    { "Ask Me Programme", "£5.13*" },
    { "Trusted Professional", "£5.31*" },
    { "Expert Voices Scheme", "£5.50*" },
  };

  g_assert_cmpuint (g_strv_length ((char **) cb), ==, G_N_ELEMENTS (strands));
  for (guint i = 0; i < G_N_ELEMENTS (strands); i++)
    {
      g_assert_nonnull (strstr (cb[i], strands[i][0]));
      g_assert_nonnull (strstr (cb[i], strands[i][1]));
    }
}

/* Safe Dates' "$395.00" and RwF's "school assemblies can be delivered from £80" have no unit in
 * the review's words: "per book" and "per assembly" are Waymark's, and marked so. Any basis not
 * in the review's resources text for it is Waymark's reading, and says so in words. */
static void
test_audit_waymarks_units (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
  guint readings = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (G_LIST_MODEL (catalogue), i);
      GPtrArray *costs = waymark_intervention_get_costs (item);

      for (guint c = 0; c < costs->len; c++)
        {
          const WaymarkCost *cost = g_ptr_array_index (costs, c);

          if (strstr (waymark_intervention_get_resources (item), cost->basis) == NULL)
            {
              g_test_message ("%s: “%s”", waymark_intervention_get_id (item), cost->basis);
              g_assert_nonnull (cost->waymarks_reading);
            }
          if (cost->waymarks_reading != NULL)
            readings++;
        }
    }
  g_assert_cmpuint (readings, ==, 3);

  /* RwF's £375: "The training programme for teachers is delivered from £375 per session". */
  {
    WaymarkIntervention *rwf = waymark_catalogue_lookup (catalogue, "relationships-without-fear");
    const WaymarkCost *training = waymark_intervention_get_cost (rwf);

    g_assert_cmpstr (training->as_written, ==,
                     "The training programme for teachers is delivered from £375 per session");
    g_assert_nonnull (strstr (training->basis, "training programme for teachers"));
  }
}

/* The review's Markdown, read as text: without "**", "\" escapes and link marks ("[IRIS](#)"
 * is "IRIS"). */
static char *
review_plain_text (const char *line)
{
  GString *out = g_string_new (NULL);

  for (const char *p = line; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, "**"))
        p++;
      else if (g_str_has_prefix (p, "](#)"))
        p += 3;
      else if (*p == '\\' || *p == '[')
        continue;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Whether words are under a heading whose text is section: after it, before the next heading of
 * its level or higher. */
static gboolean
review_has_under (char       **lines,
                  const char  *section,
                  const char  *words)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize level = strspn (lines[i], "#");
      g_autofree char *heading = NULL;
      g_autoptr(GString) span = NULL;

      if (level == 0)
        continue;
      heading = g_strstrip (review_plain_text (lines[i] + level));
      if (!g_str_equal (heading, section))
        continue;

      span = g_string_new (NULL);
      for (guint j = i + 1; lines[j] != NULL; j++)
        {
          gsize next = strspn (lines[j], "#");
          g_autofree char *plain = NULL;

          if (next > 0 && next <= level)
            break;
          plain = review_plain_text (lines[j]);
          g_string_append_printf (span, "%s\n", plain);
        }
      if (strstr (span->str, words) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Where the review contradicts itself, Waymark quotes both places; every quote is the review's,
 * word for word, under the heading given (a copy of the review is in tests/data). */
static void
test_audit_inconsistencies_quoted (void)
{
  g_autoptr(WaymarkCatalogue) catalogue = load_default ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "rapid-evidence-review.md",
                                                 NULL);
  g_autofree char *review = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
  const char *expected[] = { "cbt-perpetrators", "restorative-justice", "clear" };
  guint quotes = 0;

  g_file_get_contents (path, &review, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (review, "\n", -1);

  /* The check itself: words not in the review, or under another heading, are caught. */
  g_assert_true (review_has_under (lines, "Cognitive-behavioural therapy based approaches",
                                   "There is a moderate evidence base"));
  g_assert_false (review_has_under (lines, "Restorative justice approaches",
                                    "There is a moderate evidence base"));
  g_assert_false (review_has_under (lines, "Cognitive-behavioural therapy based approaches",
                                    "There is a high evidence base"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WaymarkIntervention) item = g_list_model_get_item (G_LIST_MODEL (catalogue), i);
      GPtrArray *list = waymark_intervention_get_review_inconsistencies (item);

      for (guint k = 0; k < list->len; k++)
        {
          WaymarkReviewInconsistency *inconsistency = g_ptr_array_index (list, k);

          g_assert_cmpuint (inconsistency->quotes->len, >=, 2);
          for (guint q = 0; q < inconsistency->quotes->len; q++)
            {
              WaymarkReviewQuote *quote = g_ptr_array_index (inconsistency->quotes, q);

              if (!review_has_under (lines, quote->section, quote->words))
                g_error ("%s: “%s” is not under “%s” in the review",
                         waymark_intervention_get_id (item), quote->words, quote->section);
              quotes++;
            }
        }
    }

  /* CBT for perpetrators ("moderate evidence base" against HIGH), restorative justice (AIM
   * "have shown high impact" against MODERATE), CLEAR (secondary against "tertiary"). */
  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    {
      WaymarkIntervention *item = waymark_catalogue_lookup (catalogue, expected[e]);

      g_assert_cmpuint (waymark_intervention_get_review_inconsistencies (item)->len, ==, 1);
    }
  g_assert_cmpuint (quotes, ==, 6);
}

static void
test_finalizes (void)
{
  WaymarkCatalogue *catalogue = load_default ();

  g_assert_finalize_object (catalogue);
}

/* Search works the same whether the catalogue's text was folded for it in advance
 * (waymark_catalogue_prepare_search(), which the application calls after its first frame) or
 * as each search reaches it; preparing twice changes nothing. */
static guint
count_matches (WaymarkCatalogue *catalogue,
               const char       *search)
{
  g_autoptr(WaymarkCriteria) criteria = waymark_criteria_new ();
  guint found = 0;

  waymark_criteria_set_search (criteria, search);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalogue)); i++)
    {
      g_autoptr(WaymarkIntervention) intervention =
        g_list_model_get_item (G_LIST_MODEL (catalogue), i);

      found += waymark_criteria_match (criteria, intervention) ? 1 : 0;
    }
  return found;
}

static void
test_prepare_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) lazy = waymark_catalogue_new_default (&error);
  g_autoptr(WaymarkCatalogue) prepared = waymark_catalogue_new_default (&error);
  static const char *const searches[] = { "cara", "CARA", "safetosay", "0–17", "bystander",
                                          "no such words anywhere" };

  g_assert_no_error (error);
  waymark_catalogue_prepare_search (prepared);
  waymark_catalogue_prepare_search (prepared);
  for (gsize i = 0; i < G_N_ELEMENTS (searches); i++)
    g_assert_cmpuint (count_matches (lazy, searches[i]), ==, count_matches (prepared, searches[i]));
  g_assert_cmpuint (count_matches (prepared, "CARA"), >=, 1);
  g_assert_cmpuint (count_matches (prepared, "no such words anywhere"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/catalogue/metadata", test_metadata);
  g_test_add_func ("/core/catalogue/prepare-search", test_prepare_search);
  g_test_add_func ("/core/catalogue/review/expected-values", test_matches_review);
  g_test_add_func ("/core/catalogue/review/spot-checks", test_review_spot_checks);
  g_test_add_func ("/core/catalogue/review/consistency", test_internal_consistency);
  g_test_add_func ("/core/catalogue/review/scales-and-providers", test_scales_and_providers);
  g_test_add_func ("/core/catalogue/round-trip", test_round_trip);
  g_test_add_func ("/core/catalogue/canonical", test_shipped_file_is_canonical);
  g_test_add_func ("/core/catalogue/list-model", test_list_model);
  g_test_add_func ("/core/catalogue/notes-in-plain-words", test_notes_in_plain_words);
  g_test_add_func ("/core/catalogue/context/values", test_context_values);
  g_test_add_func ("/core/catalogue/context/kinds-and-order", test_context_kinds_and_order);
  g_test_add_func ("/core/catalogue/context/services", test_context_services);
  g_test_add_func ("/core/catalogue/context/for-intervention", test_context_for_intervention);
  g_test_add_func ("/core/catalogue/context/version-1", test_context_version_1);
  g_test_add_func ("/core/catalogue/context/minimal", test_context_minimal);
  g_test_add_func ("/core/catalogue/context/export-subset", test_context_export_subset);
  g_test_add_func ("/core/catalogue/context/labels", test_context_labels);
  g_test_add_func ("/core/catalogue/audit/tender-94p", test_audit_tender_94p);
  g_test_add_func ("/core/catalogue/audit/cbt-victims-cohort", test_audit_cbt_victims_cohort);
  g_test_add_func ("/core/catalogue/audit/real-consent-adults", test_audit_real_consent_adults);
  g_test_add_func ("/core/catalogue/audit/safe-to-say-focus", test_audit_safe_to_say_focus);
  g_test_add_func ("/core/catalogue/audit/marac-children", test_audit_marac_children);
  g_test_add_func ("/core/catalogue/audit/helplines-24-7", test_audit_helplines_24_7);
  g_test_add_func ("/core/catalogue/audit/screening-units", test_audit_screening_units);
  g_test_add_func ("/core/catalogue/audit/change-that-lasts-strands",
                   test_audit_change_that_lasts_strands);
  g_test_add_func ("/core/catalogue/audit/waymarks-units", test_audit_waymarks_units);
  g_test_add_func ("/core/catalogue/audit/inconsistencies-quoted",
                   test_audit_inconsistencies_quoted);
  g_test_add_func ("/core/catalogue/finalizes", test_finalizes);

  return g_test_run ();
}
