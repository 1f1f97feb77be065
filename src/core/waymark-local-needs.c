/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "waymark-local-needs.h"

struct _WaymarkLocalNeeds
{
  gatomicrefcount  ref_count;
  guint            people[WAYMARK_REACH_GROUP_N];
  char            *source[WAYMARK_REACH_GROUP_N];   /* "" where there is no figure */
};

G_DEFINE_BOXED_TYPE (WaymarkLocalNeeds, waymark_local_needs, waymark_local_needs_ref,
                     waymark_local_needs_unref)

WaymarkLocalNeeds *
waymark_local_needs_new (void)
{
  WaymarkLocalNeeds *self = g_new0 (WaymarkLocalNeeds, 1);

  g_atomic_ref_count_init (&self->ref_count);
  for (guint g = 0; g < WAYMARK_REACH_GROUP_N; g++)
    self->source[g] = g_strdup ("");
  return self;
}

WaymarkLocalNeeds *
waymark_local_needs_ref (WaymarkLocalNeeds *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
waymark_local_needs_unref (WaymarkLocalNeeds *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint g = 0; g < WAYMARK_REACH_GROUP_N; g++)
    g_free (self->source[g]);
  g_free (self);
}

WaymarkLocalNeeds *
waymark_local_needs_with (const WaymarkLocalNeeds *self,
                          WaymarkReachGroup        group,
                          guint                    people,
                          const char              *source)
{
  WaymarkLocalNeeds *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) group < WAYMARK_REACH_GROUP_N, NULL);

  copy = waymark_local_needs_new ();
  for (guint g = 0; g < WAYMARK_REACH_GROUP_N; g++)
    {
      copy->people[g] = self->people[g];
      g_free (copy->source[g]);
      copy->source[g] = g_strdup (self->source[g]);
    }
  copy->people[group] = MIN (people, WAYMARK_LOCAL_NEED_MAX);
  g_free (copy->source[group]);
  copy->source[group] = g_strdup (people > 0 && source != NULL ? source : "");
  return copy;
}

guint
waymark_local_needs_get (const WaymarkLocalNeeds  *self,
                         WaymarkReachGroup         group,
                         const char              **source)
{
  if (source != NULL)
    *source = NULL;
  g_return_val_if_fail (self != NULL, 0);
  if ((guint) group >= WAYMARK_REACH_GROUP_N)
    return 0;

  if (source != NULL)
    *source = self->source[group];
  return self->people[group];
}

gboolean
waymark_local_needs_is_empty (const WaymarkLocalNeeds *self)
{
  for (guint g = 0; self != NULL && g < WAYMARK_REACH_GROUP_N; g++)
    if (self->people[g] > 0)
      return FALSE;
  return TRUE;
}

gboolean
waymark_local_needs_equal (const WaymarkLocalNeeds *a,
                           const WaymarkLocalNeeds *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return waymark_local_needs_is_empty (a != NULL ? a : b);

  for (guint g = 0; g < WAYMARK_REACH_GROUP_N; g++)
    if (a->people[g] != b->people[g] || g_strcmp0 (a->source[g], b->source[g]) != 0)
      return FALSE;
  return TRUE;
}
