/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "waymark-catalogue.h"
#include "waymark-enums.h"
#include "waymark-json-reader.h"

G_BEGIN_DECLS

/* A service the review does not describe (issue 15): the existing IDVA service, a local
 * by-and-for provider. Everything in it is local, entered by the commissioner; it is never given
 * a review rating (no evidence or impact rating, no LLR status), and everywhere it appears it is
 * marked "Local: not rated by the review". An immutable value: an edit makes a new one, so undo
 * puts back the one before, and a plan item never sees a half-edited service. */

#define WAYMARK_LOCAL_SERVICE_ERROR (waymark_local_service_error_quark ())

typedef enum
{
  WAYMARK_LOCAL_SERVICE_ERROR_INVALID,
  /* The id is another local service's, an intervention's in the catalogue or an item's. */
  WAYMARK_LOCAL_SERVICE_ERROR_DUPLICATE_ID,
  /* Removing a service that an item of the plan is for, or adding a second item for it. */
  WAYMARK_LOCAL_SERVICE_ERROR_IN_USE,
} WaymarkLocalServiceError;

/* Bytes: ids as the appraisal's options' ids; one-line texts; free texts (notes, source). */
#define WAYMARK_LOCAL_SERVICE_MAX_ID 200
#define WAYMARK_LOCAL_SERVICE_MAX_LINE 200
#define WAYMARK_LOCAL_SERVICE_MAX_TEXT 4000
#define WAYMARK_LOCAL_SERVICE_MAX_AGE 120
/* A plan, or a file of local services, holds at most this many. */
#define WAYMARK_LOCAL_SERVICE_MAX_N 1000

/* What the commissioner gives; for waymark_local_service_new(). Texts NULL are ""; an age of -1
 * is none given; a unit cost of WAYMARK_NO_COST (both) is none given. */
typedef struct
{
  const char       *id;
  const char       *name;
  WaymarkLevel      levels;
  WaymarkFocus      focus;
  WaymarkWorksWith  works_with;
  int               age_min;
  int               age_max;
  const char       *provider;
  const char       *unit;
  gint64            unit_cost;
  gint64            unit_cost_high;
  const char       *notes;
  const char       *source;
} WaymarkLocalServiceFields;

#define WAYMARK_TYPE_LOCAL_SERVICE (waymark_local_service_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkLocalService, waymark_local_service, WAYMARK, LOCAL_SERVICE, GObject)

GQuark               waymark_local_service_error_quark (void);

/* Checks every field and refuses with a GError naming it: the id a slug
 * (^[a-z0-9]+(-[a-z0-9]+)*$), a name, at least one level, ages 0 to 120 with the lowest first,
 * a unit cost in pence up to WAYMARK_MONEY_MAX with the high not below the low, texts valid
 * UTF-8 within their limits (name, provider and unit one line). */
WaymarkLocalService *waymark_local_service_new         (const WaymarkLocalServiceFields *fields,
                                                        GError                         **error);
/* The fields of self, borrowed while self lives; to edit one, change it and make a new service. */
void                 waymark_local_service_get_fields  (WaymarkLocalService       *self,
                                                        WaymarkLocalServiceFields *fields);

const char          *waymark_local_service_get_id             (WaymarkLocalService *self);
const char          *waymark_local_service_get_name           (WaymarkLocalService *self);
WaymarkLevel         waymark_local_service_get_levels         (WaymarkLocalService *self);
WaymarkFocus         waymark_local_service_get_focus          (WaymarkLocalService *self);
WaymarkWorksWith     waymark_local_service_get_works_with     (WaymarkLocalService *self);
int                  waymark_local_service_get_age_min        (WaymarkLocalService *self);
int                  waymark_local_service_get_age_max        (WaymarkLocalService *self);
const char          *waymark_local_service_get_provider       (WaymarkLocalService *self);
const char          *waymark_local_service_get_unit           (WaymarkLocalService *self);
gint64               waymark_local_service_get_unit_cost      (WaymarkLocalService *self);
gint64               waymark_local_service_get_unit_cost_high (WaymarkLocalService *self);
const char          *waymark_local_service_get_notes          (WaymarkLocalService *self);
const char          *waymark_local_service_get_source         (WaymarkLocalService *self);
/* Whether it serves under-25s, by the browser's rule for an intervention: its ages where given,
 * else whether it works with children and young people. */
gboolean             waymark_local_service_get_for_young_people (WaymarkLocalService *self);
gboolean             waymark_local_service_equal       (WaymarkLocalService *a,
                                                        WaymarkLocalService *b);

/* "Local: not rated by the review": the mark a local service carries wherever it is shown. */
const char          *waymark_local_service_mark        (void);

/* One local service as the plan file and the local services file hold it (data/plan-format.md):
 * read strictly (unknown keys, a rating among them, refused; every value checked, the message
 * naming the field), written in a fixed order. */
WaymarkLocalService *waymark_local_service_read_json   (WaymarkJsonReader   *reader,
                                                        JsonObject          *object,
                                                        guint                index,
                                                        const char          *array_name);
void                 waymark_local_service_write_json  (JsonBuilder         *builder,
                                                        WaymarkLocalService *service);

/* An array of local services under key: reads each, refusing an id twice, more than
 * WAYMARK_LOCAL_SERVICE_MAX_N, and an id of an intervention in catalogue (may be NULL). Returns
 * a GPtrArray of WaymarkLocalService, or NULL with the reader's error. */
GPtrArray           *waymark_local_service_read_array  (WaymarkJsonReader   *reader,
                                                        JsonObject          *object,
                                                        const char          *key,
                                                        WaymarkCatalogue    *catalogue);

/* A commissioner's own file of local services, to share them in a partnership
 * (data/catalogue/README.md, "A file of local services"): {"format": "waymark-local-services",
 * "version": 1, "local_services": [...]}, the same objects as a plan's local_services. */
#define WAYMARK_LOCAL_SERVICES_FILE_VERSION 1

/* GListModel of WaymarkLocalService; refused with a WAYMARK_PLAN_ERROR naming the file, the place
 * and the field. An id of an intervention in catalogue (may be NULL) is refused. */
GListModel          *waymark_local_services_new_from_bytes (GBytes      *bytes,
                                                            const char  *display_name,
                                                            WaymarkCatalogue *catalogue,
                                                            GError     **error);
GListModel          *waymark_local_services_new_from_file  (GFile       *file,
                                                            WaymarkCatalogue *catalogue,
                                                            GError     **error);
char                *waymark_local_services_to_json        (GListModel  *services);
/* Writes services (GListModel of WaymarkLocalService) as the array member key. */
void                 waymark_local_services_add_array      (JsonBuilder *builder,
                                                            const char  *key,
                                                            GListModel  *services);

G_END_DECLS
