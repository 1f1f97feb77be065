/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-context.h"
#include "waymark-intervention.h"

G_BEGIN_DECLS

#define WAYMARK_CATALOGUE_ERROR (waymark_catalogue_error_quark ())

typedef enum
{
  WAYMARK_CATALOGUE_ERROR_READ,
  WAYMARK_CATALOGUE_ERROR_EMPTY,
  WAYMARK_CATALOGUE_ERROR_TOO_LARGE,
  WAYMARK_CATALOGUE_ERROR_SYNTAX,
  WAYMARK_CATALOGUE_ERROR_ENCODING,
  WAYMARK_CATALOGUE_ERROR_FORMAT,
  WAYMARK_CATALOGUE_ERROR_VERSION,
  WAYMARK_CATALOGUE_ERROR_MISSING_FIELD,
  WAYMARK_CATALOGUE_ERROR_WRONG_TYPE,
  WAYMARK_CATALOGUE_ERROR_INVALID_VALUE,
  WAYMARK_CATALOGUE_ERROR_UNKNOWN_FIELD,
  WAYMARK_CATALOGUE_ERROR_DUPLICATE_ID,
} WaymarkCatalogueError;

/* The catalogue format this build reads and writes. */
#define WAYMARK_CATALOGUE_SCHEMA_VERSION 2
/* Bigger files are refused before parsing. */
#define WAYMARK_CATALOGUE_MAX_BYTES (512 * 1024 * 1024)

typedef struct
{
  char         *name;
  WaymarkLevel  level;
  char         *description;
} WaymarkProviderService;

typedef struct
{
  char       *id;
  char       *name;
  GPtrArray  *services;  /* WaymarkProviderService */
  char      **notes;
} WaymarkProvider;

#define WAYMARK_TYPE_CATALOGUE (waymark_catalogue_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkCatalogue, waymark_catalogue, WAYMARK, CATALOGUE, GObject)

GQuark               waymark_catalogue_error_quark        (void);

WaymarkCatalogue    *waymark_catalogue_new_default        (GError          **error);
WaymarkCatalogue    *waymark_catalogue_new_from_file      (GFile            *file,
                                                           GError          **error);
/* display_name names the source in messages ("interventions.json"). */
WaymarkCatalogue    *waymark_catalogue_new_from_bytes     (GBytes           *bytes,
                                                           const char       *display_name,
                                                           GError          **error);

const char          *waymark_catalogue_get_title          (WaymarkCatalogue *self);
const char          *waymark_catalogue_get_author         (WaymarkCatalogue *self);
const char          *waymark_catalogue_get_area           (WaymarkCatalogue *self);
const char          *waymark_catalogue_get_data_version   (WaymarkCatalogue *self);
const char          *waymark_catalogue_get_source         (WaymarkCatalogue *self);
/* What LOW, MODERATE and HIGH mean on the review's scales; NULL for a range or for none: a
 * range is described by both its ends. */
const char          *waymark_catalogue_get_evidence_scale (WaymarkCatalogue *self,
                                                           WaymarkRating     rating);
const char          *waymark_catalogue_get_impact_scale   (WaymarkCatalogue *self,
                                                           WaymarkRating     rating);
/* Borrowed; element type WaymarkProvider. */
GPtrArray           *waymark_catalogue_get_providers      (WaymarkCatalogue *self);
WaymarkIntervention *waymark_catalogue_lookup             (WaymarkCatalogue *self,
                                                           const char       *id);
/* Folds every intervention's text for search now (otherwise each is folded the first time a
 * search reaches it), so that the first keystroke of a search costs what every later one does:
 * 229 ms at 10,000 interventions otherwise. The application calls it just after its first frame
 * (issue 18), not while the catalogue is read. */
void                 waymark_catalogue_prepare_search     (WaymarkCatalogue *self);
/* The review's picture beyond its interventions (waymark-context.h): borrowed, element type
 * WaymarkContextEntry, in the review's order; the providers' services come last, one entry of
 * kind PROVIDER each (topic: the provider's name). */
GPtrArray           *waymark_catalogue_get_context        (WaymarkCatalogue *self);
const WaymarkContextEntry *
                     waymark_catalogue_lookup_context     (WaymarkCatalogue *self,
                                                           const char       *id);
/* The entries (gaps, recommendations) that name this intervention: a new array of borrowed
 * entries, in the review's order; empty, never NULL, when none does. */
GPtrArray           *waymark_catalogue_dup_context_for_intervention (WaymarkCatalogue *self,
                                                                     const char       *intervention_id);

G_END_DECLS
