/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-plan-document.h"

/* How long after a change the recovery copy is written: a burst of edits writes once. */
#define AUTOSAVE_DELAY_MS 2000

struct _WaymarkPlanDocument
{
  GObject parent_instance;

  /* Owned */
  WaymarkCatalogue *catalogue;
  WaymarkPlan      *plan;
  GFile            *file;
  GFile            *recovery_file;

  guint    autosave_id;
  /* A recovered plan or a copy has unsaved changes although the core's plan has no undo
   * history. */
  gboolean unsaved_copy;
  gboolean modified;
  /* The plan is a recovery copy's, not yet saved: "recovered". */
  gboolean recovered;
};

G_DEFINE_FINAL_TYPE (WaymarkPlanDocument, waymark_plan_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOGUE,
  PROP_PLAN,
  PROP_FILE,
  PROP_RECOVERY_FILE,
  PROP_MODIFIED,
  PROP_RECOVERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_modified (WaymarkPlanDocument *self)
{
  gboolean modified = self->unsaved_copy ||
                      (self->plan != NULL && waymark_plan_get_modified (self->plan));

  if (modified == self->modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
on_autosave_timeout (gpointer user_data)
{
  WaymarkPlanDocument *self = user_data;

  self->autosave_id = 0;
  waymark_plan_document_write_recovery (self);
}

static void
on_plan_changed (WaymarkPlan         *plan,
                 WaymarkPlanDocument *self)
{
  update_modified (self);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->modified)
    self->autosave_id = g_timeout_add_once (AUTOSAVE_DELAY_MS, on_autosave_timeout, self);
  else
    waymark_plan_document_discard_recovery (self);
}

static void
on_plan_modified (WaymarkPlan         *plan,
                  GParamSpec          *pspec,
                  WaymarkPlanDocument *self)
{
  update_modified (self);
}

static void
set_recovered (WaymarkPlanDocument *self,
               gboolean             recovered)
{
  if (self->recovered == recovered)
    return;

  self->recovered = recovered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERED]);
}

static void
set_recovery_file (WaymarkPlanDocument *self,
                   GFile               *recovery_file)
{
  if (self->recovery_file == recovery_file ||
      (self->recovery_file != NULL && recovery_file != NULL &&
       g_file_equal (self->recovery_file, recovery_file)))
    return;

  g_set_object (&self->recovery_file, recovery_file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERY_FILE]);
}

/* unsaved_copy: a recovered plan or a copy, unsaved with no undo history; recovered: a recovery
 * copy's. */
static void
set_plan (WaymarkPlanDocument *self,
          WaymarkPlan         *plan,
          GFile               *file,
          gboolean             unsaved_copy,
          gboolean             recovered)
{
  gboolean file_changed = self->file != file;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);

  g_set_object (&self->plan, plan);
  g_set_object (&self->file, file);
  self->unsaved_copy = unsaved_copy;

  g_signal_connect (plan, "changed", G_CALLBACK (on_plan_changed), self);
  g_signal_connect (plan, "notify::modified", G_CALLBACK (on_plan_modified), self);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  if (file_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  update_modified (self);
  set_recovered (self, recovered);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
waymark_plan_document_dispose (GObject *object)
{
  WaymarkPlanDocument *self = WAYMARK_PLAN_DOCUMENT (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->file);
  g_clear_object (&self->recovery_file);

  G_OBJECT_CLASS (waymark_plan_document_parent_class)->dispose (object);
}

static void
waymark_plan_document_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  WaymarkPlanDocument *self = WAYMARK_PLAN_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      g_value_set_object (value, self->catalogue);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_RECOVERY_FILE:
      g_value_set_object (value, self->recovery_file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_RECOVERED:
      g_value_set_boolean (value, self->recovered);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_plan_document_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  WaymarkPlanDocument *self = WAYMARK_PLAN_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      waymark_plan_document_set_catalogue (self, g_value_get_object (value));
      break;
    case PROP_RECOVERY_FILE:
      self->recovery_file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_plan_document_constructed (GObject *object)
{
  WaymarkPlanDocument *self = WAYMARK_PLAN_DOCUMENT (object);
  g_autoptr(WaymarkPlan) plan = waymark_plan_new ();

  G_OBJECT_CLASS (waymark_plan_document_parent_class)->constructed (object);

  if (self->recovery_file == NULL)
    self->recovery_file = waymark_plan_document_dup_default_recovery_file ();
  set_plan (self, plan, NULL, FALSE, FALSE);
}

static void
waymark_plan_document_class_init (WaymarkPlanDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = waymark_plan_document_constructed;
  object_class->dispose = waymark_plan_document_dispose;
  object_class->get_property = waymark_plan_document_get_property;
  object_class->set_property = waymark_plan_document_set_property;

  properties[PROP_CATALOGUE] =
    g_param_spec_object ("catalogue", NULL, NULL, WAYMARK_TYPE_CATALOGUE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, WAYMARK_TYPE_PLAN, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_RECOVERY_FILE] =
    g_param_spec_object ("recovery-file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_RECOVERED] = g_param_spec_boolean ("recovered", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
waymark_plan_document_init (WaymarkPlanDocument *self)
{
}

WaymarkPlanDocument *
waymark_plan_document_new (WaymarkCatalogue *catalogue,
                           GFile            *recovery_file)
{
  g_return_val_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (recovery_file == NULL || G_IS_FILE (recovery_file), NULL);

  return g_object_new (WAYMARK_TYPE_PLAN_DOCUMENT,
                       "catalogue", catalogue,
                       "recovery-file", recovery_file,
                       NULL);
}

GFile *
waymark_plan_document_dup_recovery_directory (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "waymark", NULL);

  return g_file_new_for_path (path);
}

/* The recovery file numbered n in directory: 1 is "recovery.waymark", then "recovery-n.waymark". */
static GFile *
recovery_file_numbered (GFile *directory,
                        guint  n)
{
  g_autofree char *name = n == 1 ? g_strdup ("recovery.waymark")
                                 : g_strdup_printf ("recovery-%u.waymark", n);

  return g_file_get_child (directory, name);
}

/* The number in a recovery file's name, or 0 for any other name. Digits only, without a leading
 * zero, from 2 up: "recovery-02.waymark" and "recovery-1.waymark" are not names Waymark gives. */
static guint
recovery_file_number (const char *name)
{
  const char *digits;
  const char *end;
  guint64 n;

  if (g_str_equal (name, "recovery.waymark"))
    return 1;
  if (!g_str_has_prefix (name, "recovery-") || !g_str_has_suffix (name, ".waymark"))
    return 0;

  digits = name + strlen ("recovery-");
  end = name + strlen (name) - strlen (".waymark");
  if (end <= digits || end - digits > 9 || *digits == '0')
    return 0;
  for (const char *c = digits; c < end; c++)
    if (!g_ascii_isdigit (*c))
      return 0;
  n = g_ascii_strtoull (digits, NULL, 10);
  return n >= 2 ? (guint) n : 0;
}

GFile *
waymark_plan_document_dup_default_recovery_file (void)
{
  g_autoptr(GFile) directory = waymark_plan_document_dup_recovery_directory ();

  return recovery_file_numbered (directory, 1);
}

static gboolean
is_kept_by (GFile      *file,
            GListModel *documents)
{
  guint n_documents = documents != NULL ? g_list_model_get_n_items (documents) : 0;

  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(WaymarkPlanDocument) document = g_list_model_get_item (documents, i);

      if (document->recovery_file != NULL && g_file_equal (document->recovery_file, file))
        return TRUE;
    }
  return FALSE;
}

GFile *
waymark_plan_document_dup_free_recovery_file (GFile      *directory,
                                              GListModel *documents)
{
  g_autoptr(GFile) default_directory = NULL;

  g_return_val_if_fail (directory == NULL || G_IS_FILE (directory), NULL);
  g_return_val_if_fail (documents == NULL || G_IS_LIST_MODEL (documents), NULL);
  g_return_val_if_fail (documents == NULL ||
                        g_type_is_a (g_list_model_get_item_type (documents),
                                     WAYMARK_TYPE_PLAN_DOCUMENT), NULL);

  if (directory == NULL)
    directory = default_directory = waymark_plan_document_dup_recovery_directory ();

  /* Each number is either kept, on disk, or free: the search ends within the open documents
   * and the files present, plus one. */
  for (guint n = 1; ; n++)
    {
      g_autoptr(GFile) file = recovery_file_numbered (directory, n);

      /* Not followed: a dangling symbolic link is something on disk too. */
      if (!is_kept_by (file, documents) &&
          g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) ==
          G_FILE_TYPE_UNKNOWN)
        return g_steal_pointer (&file);
    }
}

typedef struct
{
  guint  number;
  GFile *file;
} Numbered;

static int
compare_numbered (gconstpointer a,
                  gconstpointer b)
{
  const Numbered *x = a;
  const Numbered *y = b;

  return x->number < y->number ? -1 : x->number > y->number;
}

GListModel *
waymark_plan_document_list_recovery_files (GFile *directory)
{
  g_autoptr(GFile) default_directory = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Numbered));
  g_autoptr(GError) error = NULL;
  GListStore *files = g_list_store_new (G_TYPE_FILE);
  GFileInfo *info;

  g_return_val_if_fail (directory == NULL || G_IS_FILE (directory), NULL);

  if (directory == NULL)
    directory = default_directory = waymark_plan_document_dup_recovery_directory ();

  /* Names and types only, from the directory itself: no child is opened or followed. */
  children = g_file_enumerate_children (directory,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  if (children == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_message ("Cannot look for recovery copies of plans: %s", error->message);
      return G_LIST_MODEL (files);
    }

  while (g_file_enumerator_iterate (children, &info, NULL, NULL, &error) && info != NULL)
    {
      Numbered numbered = { recovery_file_number (g_file_info_get_name (info)), NULL };

      if (numbered.number == 0 || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;
      numbered.file = g_file_get_child (directory, g_file_info_get_name (info));
      g_array_append_val (found, numbered);
    }
  if (error != NULL)
    g_message ("Cannot look for recovery copies of plans: %s", error->message);

  g_array_sort (found, compare_numbered);
  for (guint i = 0; i < found->len; i++)
    {
      GFile *file = g_array_index (found, Numbered, i).file;

      g_list_store_append (files, file);
      g_object_unref (file);
    }

  return G_LIST_MODEL (files);
}

WaymarkPlan *
waymark_plan_document_get_plan (WaymarkPlanDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self), NULL);
  return self->plan;
}

GFile *
waymark_plan_document_get_file (WaymarkPlanDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self), NULL);
  return self->file;
}

GFile *
waymark_plan_document_get_recovery_file (WaymarkPlanDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self), NULL);
  return self->recovery_file;
}

WaymarkCatalogue *
waymark_plan_document_get_catalogue (WaymarkPlanDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self), NULL);
  return self->catalogue;
}

void
waymark_plan_document_set_catalogue (WaymarkPlanDocument *self,
                                     WaymarkCatalogue    *catalogue)
{
  g_return_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self));
  g_return_if_fail (catalogue == NULL || WAYMARK_IS_CATALOGUE (catalogue));

  if (g_set_object (&self->catalogue, catalogue))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOGUE]);
}

gboolean
waymark_plan_document_get_modified (WaymarkPlanDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self), FALSE);
  return self->modified;
}

gboolean
waymark_plan_document_get_recovered (WaymarkPlanDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self), FALSE);
  return self->recovered;
}

char *
waymark_plan_document_dup_display_name (WaymarkPlanDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self), NULL);

  if (self->file == NULL)
    return g_strdup (_("Untitled Plan"));

  return g_file_get_basename (self->file);
}

void
waymark_plan_document_reset (WaymarkPlanDocument *self)
{
  g_autoptr(WaymarkPlan) plan = NULL;

  g_return_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self));

  plan = waymark_plan_new ();
  set_plan (self, plan, NULL, FALSE, FALSE);
  waymark_plan_document_discard_recovery (self);
}

gboolean
waymark_plan_document_load (WaymarkPlanDocument  *self,
                            GFile                *file,
                            GError              **error)
{
  g_autoptr(WaymarkPlan) plan = NULL;

  g_return_val_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  plan = waymark_plan_new_from_file (file, self->catalogue, error);
  if (plan == NULL)
    return FALSE;

  /* The recovery copy stays: it may hold another plan the person has yet to decide about. */
  set_plan (self, plan, file, FALSE, FALSE);
  return TRUE;
}

gboolean
waymark_plan_document_open_copy (WaymarkPlanDocument  *self,
                                 WaymarkPlan          *source,
                                 const char           *title,
                                 GFile                *recovery_file,
                                 GError              **error)
{
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WaymarkPlan) plan = NULL;

  g_return_val_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self), FALSE);
  g_return_val_if_fail (WAYMARK_IS_PLAN (source), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);
  g_return_val_if_fail (recovery_file == NULL || G_IS_FILE (recovery_file), FALSE);

  /* Through the plan file, so the copy is exactly what saving the source would keep. */
  json = waymark_plan_to_json (source, self->catalogue, error);
  if (json == NULL)
    return FALSE;
  bytes = g_bytes_new_take (json, strlen (json));
  json = NULL;
  plan = waymark_plan_new_from_bytes (bytes, title, self->catalogue, error);
  if (plan == NULL)
    return FALSE;
  /* The title is where the copy starts, not an edit to undo. */
  g_object_set (plan, "title", title, NULL);

  set_recovery_file (self, recovery_file);
  set_plan (self, plan, NULL, TRUE, FALSE);
  return TRUE;
}

gboolean
waymark_plan_document_save (WaymarkPlanDocument  *self,
                            GFile                *file,
                            GError              **error)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!waymark_plan_write (self->plan, self->catalogue, WAYMARK_PLAN_FORMAT_JSON, file, error))
    return FALSE;

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  self->unsaved_copy = FALSE;
  waymark_plan_mark_saved (self->plan);
  update_modified (self);
  set_recovered (self, FALSE);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  waymark_plan_document_discard_recovery (self);

  return TRUE;
}

gboolean
waymark_plan_document_export (WaymarkPlanDocument  *self,
                              WaymarkPlanFormat     format,
                              GFile                *file,
                              GError              **error)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return waymark_plan_write (self->plan, self->catalogue, format, file, error);
}

void
waymark_plan_document_write_recovery (WaymarkPlanDocument *self)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->recovery_file == NULL || !self->modified)
    return;

  dir = g_file_get_parent (self->recovery_file);
  if (dir != NULL && !g_file_make_directory_with_parents (dir, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_warning ("Cannot keep a recovery copy of the plan: %s", error->message);
      return;
    }
  g_clear_error (&error);

  /* A safety net only: failing to write it must not stop the person working. */
  if (!waymark_plan_write (self->plan, self->catalogue, WAYMARK_PLAN_FORMAT_JSON,
                           self->recovery_file, &error))
    g_message ("Cannot keep a recovery copy of the plan: %s", error->message);
}

gboolean
waymark_plan_document_has_recovery (WaymarkPlanDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self), FALSE);

  /* A regular file only: anything else under its name (a FIFO) would be refused when read. */
  return self->recovery_file != NULL &&
         g_file_query_file_type (self->recovery_file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                 NULL) == G_FILE_TYPE_REGULAR;
}

gboolean
waymark_plan_document_recover (WaymarkPlanDocument  *self,
                               GError              **error)
{
  g_return_val_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->recovery_file != NULL, FALSE);

  return waymark_plan_document_recover_file (self, self->recovery_file, error);
}

gboolean
waymark_plan_document_recover_file (WaymarkPlanDocument  *self,
                                    GFile                *file,
                                    GError              **error)
{
  g_autoptr(WaymarkPlan) plan = NULL;

  g_return_val_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  plan = waymark_plan_new_from_file (file, self->catalogue, error);
  if (plan == NULL)
    return FALSE;

  /* The copy stays until the recovered plan is saved or discarded. */
  g_object_freeze_notify (G_OBJECT (self));
  set_recovery_file (self, file);
  set_plan (self, plan, NULL, TRUE, TRUE);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

void
waymark_plan_document_discard_recovery (WaymarkPlanDocument *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WAYMARK_IS_PLAN_DOCUMENT (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->recovery_file != NULL &&
      !g_file_delete (self->recovery_file, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_message ("Cannot remove the plan’s recovery copy: %s", error->message);
}
