/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "waymark-appraisal.h"
#include "waymark-json-reader.h"

G_BEGIN_DECLS

/* The plan file's "appraisal" object (data/plan-format.md): the long list, the review criteria
 * with their weights and score tables, and the local criteria with the commissioner's scores.
 * Everything it holds is written, in one order, so that saving, opening and saving again gives
 * the same bytes. The ranking is not written: it is worked out again. */
void     waymark_appraisal_write_json (JsonBuilder        *builder,
                                       WaymarkAppraisal   *appraisal);
/* Reads object (the value of "appraisal") into appraisal, which is new, as strictly as the rest
 * of the plan: unknown keys, missing ones and values out of range are refused, the message
 * naming the place and the field. */
gboolean waymark_appraisal_read_json  (WaymarkJsonReader  *reader,
                                       JsonObject         *object,
                                       WaymarkAppraisal   *appraisal);

G_END_DECLS
