/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-intervention.h"

G_BEGIN_DECLS

/* The loader fills an intervention in place before anyone else sees it. */
struct _WaymarkIntervention
{
  GObject parent_instance;

  char             *id;
  char             *name;
  char             *summary;
  WaymarkLevel      levels;
  WaymarkSetting    settings;
  WaymarkFocus      focus;
  WaymarkWorksWith  works_with;
  char             *overview;
  char             *resources;
  GPtrArray        *costs;
  char            **cost_benefit;
  WaymarkRating     evidence_rating;
  char             *evidence_rating_as_written;
  WaymarkRating     impact_rating;
  char             *impact_rating_as_written;
  char             *evidence;
  char             *impact;
  char             *target_cohort;
  int               age_min;
  int               age_max;
  WaymarkGender     gender;
  char            **opportunity_cohorts;
  char             *feasibility;
  WaymarkLlrStatus  llr_status;
  char             *duration;
  char             *sessions;
  char            **organisations;
  char            **references;
  char             *section;
  char             *notes;
  GPtrArray        *review_inconsistencies;

  guint             position;  /* in its catalogue */
  char             *search_text;
  char             *sort_name;
};

WaymarkIntervention *waymark_intervention_new_empty (void);

/* Folds case and strips accents, so "Cafe" finds "Café". */
char *waymark_fold_for_search (const char *text);

G_END_DECLS
