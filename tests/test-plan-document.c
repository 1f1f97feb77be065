/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>

#include "waymark-catalogue.h"
#include "waymark-plan-document.h"
#include "waymark-plan-io.h"

/* The plan document: the open plan, its file, whether it has unsaved changes, saving and
 * exporting, and the recovery copy, with the notifications the window builds its title and
 * actions from. Files are read back with the core's own plan reader. */

/* Only a hang guard, long enough for memcheck and the sanitizers on a busy machine: the tests
 * wait for the recovery copy itself, not for a length of time. */
#define HANG_GUARD_MS 120000

typedef struct
{
  WaymarkCatalogue    *catalogue;
  WaymarkPlanDocument *document;
  char                *dir;
  GFile               *recovery;

  /* notify:: emissions since the last reset_counts () */
  guint plan_notified;
  guint file_notified;
  guint modified_notified;
  guint catalogue_notified;
  guint recovered_notified;
  guint recovery_file_notified;
} Fixture;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Fixture    *fixture)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "plan"))
    fixture->plan_notified++;
  else if (g_str_equal (name, "file"))
    fixture->file_notified++;
  else if (g_str_equal (name, "modified"))
    fixture->modified_notified++;
  else if (g_str_equal (name, "catalogue"))
    fixture->catalogue_notified++;
  else if (g_str_equal (name, "recovered"))
    fixture->recovered_notified++;
  else if (g_str_equal (name, "recovery-file"))
    fixture->recovery_file_notified++;
  else
    g_assert_not_reached ();
}

static void
reset_counts (Fixture *fixture)
{
  fixture->plan_notified = 0;
  fixture->file_notified = 0;
  fixture->modified_notified = 0;
  fixture->catalogue_notified = 0;
  fixture->recovered_notified = 0;
  fixture->recovery_file_notified = 0;
}

static void
assert_counts (Fixture *fixture,
               guint    plan,
               guint    file,
               guint    modified)
{
  g_assert_cmpuint (fixture->plan_notified, ==, plan);
  g_assert_cmpuint (fixture->file_notified, ==, file);
  g_assert_cmpuint (fixture->modified_notified, ==, modified);
  g_assert_cmpuint (fixture->catalogue_notified, ==, 0);
  g_assert_cmpuint (fixture->recovered_notified, ==, 0);
  g_assert_cmpuint (fixture->recovery_file_notified, ==, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery = NULL;

  fixture->catalogue = waymark_catalogue_new_default (&error);
  g_assert_no_error (error);
  fixture->dir = g_dir_make_tmp ("waymark-plan-document-XXXXXX", &error);
  g_assert_no_error (error);
  /* Folders that do not exist yet: the document makes them when it first keeps a copy. */
  recovery = g_build_filename (fixture->dir, "state", "waymark", "recovery.waymark", NULL);
  fixture->recovery = g_file_new_for_path (recovery);

  fixture->document = waymark_plan_document_new (fixture->catalogue, fixture->recovery);
  g_signal_connect (fixture->document, "notify", G_CALLBACK (on_notify), fixture);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->document);
  g_assert_finalize_object (fixture->catalogue);
  g_clear_object (&fixture->recovery);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GFile *
temp_file (Fixture    *fixture,
           const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return g_file_new_for_path (path);
}

static char *
golden_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "golden", "plan-three-year.waymark", NULL);
}

static char *
contents_of (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static char *
plan_json (Fixture     *fixture,
           WaymarkPlan *plan)
{
  g_autoptr(GError) error = NULL;
  char *json = waymark_plan_to_json (plan, fixture->catalogue, &error);

  g_assert_no_error (error);
  return json;
}

/* The file, read back by the core's plan reader, is the document's plan. */
static void
assert_file_holds_plan (Fixture *fixture,
                        GFile   *file)
{
  WaymarkPlan *plan = waymark_plan_document_get_plan (fixture->document);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkPlan) read = waymark_plan_new_from_file (file, fixture->catalogue, &error);
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *bytes = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (waymark_plan_get_title (read), ==, waymark_plan_get_title (plan));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (read)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (plan)));
  expected = plan_json (fixture, plan);
  actual = plan_json (fixture, read);
  g_assert_cmpstr (actual, ==, expected);
  /* And the file is that JSON byte for byte: nothing else is written into it. */
  bytes = contents_of (file);
  g_assert_cmpstr (bytes, ==, expected);
}

static void
add_intervention (Fixture    *fixture,
                  const char *id,
                  guint       quantity)
{
  WaymarkPlan *plan = waymark_plan_document_get_plan (fixture->document);
  WaymarkIntervention *intervention = waymark_catalogue_lookup (fixture->catalogue, id);
  g_autoptr(WaymarkPlanItem) item = NULL;

  g_assert_nonnull (intervention);
  item = waymark_plan_item_new_for_intervention (intervention);
  waymark_plan_add_item (plan, item);
  waymark_plan_edit (plan, item, "quantity", quantity, NULL);
}

static void
edit_title (Fixture    *fixture,
            const char *title)
{
  WaymarkPlan *plan = waymark_plan_document_get_plan (fixture->document);

  waymark_plan_edit (plan, plan, "title", title, NULL);
}

static void
on_hang_guard (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
}

/* Runs the main loop until the recovery copy exists; the copy is written on a timer. */
static void
wait_for_recovery (Fixture *fixture)
{
  gboolean timed_out = FALSE;
  guint guard = g_timeout_add_once (HANG_GUARD_MS, on_hang_guard, &timed_out);

  while (!waymark_plan_document_has_recovery (fixture->document) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (guard);
}

static void
load_golden (Fixture *fixture)
{
  g_autofree char *path = golden_path ();
  g_autoptr(GFile) golden = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (waymark_plan_document_load (fixture->document, golden, &error));
  g_assert_no_error (error);
}

/* A new document: an empty plan, no file, nothing unsaved. */
static void
test_new (Fixture       *fixture,
          gconstpointer  data)
{
  WaymarkPlan *plan = waymark_plan_document_get_plan (fixture->document);
  g_autofree char *name = waymark_plan_document_dup_display_name (fixture->document);
  WaymarkPlan *property_plan = NULL;
  gboolean property_modified = TRUE;

  g_assert_nonnull (plan);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 0);
  g_assert_null (waymark_plan_document_get_file (fixture->document));
  g_assert_false (waymark_plan_document_get_modified (fixture->document));
  g_assert_cmpstr (name, ==, "Untitled Plan");
  g_assert_true (waymark_plan_document_get_catalogue (fixture->document) == fixture->catalogue);
  g_assert_true (waymark_plan_document_get_recovery_file (fixture->document) == fixture->recovery);
  g_assert_false (waymark_plan_document_has_recovery (fixture->document));

  /* The properties the window binds to say the same. */
  g_object_get (fixture->document, "plan", &property_plan, "modified", &property_modified, NULL);
  g_assert_true (property_plan == plan);
  g_assert_false (property_modified);
  g_object_unref (property_plan);
}

/* Without a recovery file given, the copy is kept in the user's state folder. */
static void
test_default_recovery_file (void)
{
  g_autoptr(WaymarkPlanDocument) document = waymark_plan_document_new (NULL, NULL);
  g_autofree char *expected = g_build_filename (g_get_user_state_dir (), "waymark",
                                                "recovery.waymark", NULL);
  g_autofree char *actual = g_file_get_path (waymark_plan_document_get_recovery_file (document));

  g_assert_cmpstr (actual, ==, expected);
  g_assert_null (waymark_plan_document_get_catalogue (document));
  g_assert_false (waymark_plan_document_has_recovery (document));
}

/* New, edited (modified, notified once), saved to a file that reads back as the plan. */
static void
test_edit_and_save (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = temp_file (fixture, "plan.waymark");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  edit_title (fixture, "Plan for 2027");
  g_assert_true (waymark_plan_document_get_modified (fixture->document));
  assert_counts (fixture, 0, 0, 1);

  /* More edits to a plan that is already modified notify nothing more. */
  add_intervention (fixture, "iris", 2);
  add_intervention (fixture, "drive", 30);
  assert_counts (fixture, 0, 0, 1);

  reset_counts (fixture);
  g_assert_true (waymark_plan_document_save (fixture->document, file, &error));
  g_assert_no_error (error);
  g_assert_false (waymark_plan_document_get_modified (fixture->document));
  g_assert_true (waymark_plan_document_get_file (fixture->document) == file);
  assert_counts (fixture, 0, 1, 1);
  name = waymark_plan_document_dup_display_name (fixture->document);
  g_assert_cmpstr (name, ==, "plan.waymark");
  assert_file_holds_plan (fixture, file);
  g_assert_false (waymark_plan_document_has_recovery (fixture->document));

  /* Saving again to its own file changes neither the file nor the state. */
  reset_counts (fixture);
  g_assert_true (waymark_plan_document_save (fixture->document, file, &error));
  g_assert_no_error (error);
  assert_counts (fixture, 0, 0, 0);

  /* Undo after a save is an unsaved change again, and redo back to the saved state is not. */
  waymark_plan_undo (waymark_plan_document_get_plan (fixture->document));
  g_assert_true (waymark_plan_document_get_modified (fixture->document));
  waymark_plan_redo (waymark_plan_document_get_plan (fixture->document));
  g_assert_false (waymark_plan_document_get_modified (fixture->document));
  assert_counts (fixture, 0, 0, 2);
}

/* A golden plan opens with its title and items, unmodified, as that file. */
static void
test_load_golden (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const ids[] = {
    "coaching-boys-into-men", "relationships-without-fear", "iris", "make-a-change", "drive",
    "cbt-victims",
  };
  g_autofree char *path = golden_path ();
  g_autoptr(GFile) golden = g_file_new_for_path (path);
  g_autofree char *name = NULL;
  g_autofree char *golden_bytes = NULL;
  g_autofree char *json = NULL;
  WaymarkPlan *old = waymark_plan_document_get_plan (fixture->document);
  WaymarkPlan *plan;
  WaymarkPlanItem *iris;

  g_object_add_weak_pointer (G_OBJECT (old), (gpointer *) &old);
  load_golden (fixture);
  assert_counts (fixture, 1, 1, 0);
  /* The empty plan is let go. */
  g_assert_null (old);

  plan = waymark_plan_document_get_plan (fixture->document);
  g_assert_true (g_file_equal (waymark_plan_document_get_file (fixture->document), golden));
  g_assert_false (waymark_plan_document_get_modified (fixture->document));
  name = waymark_plan_document_dup_display_name (fixture->document);
  g_assert_cmpstr (name, ==, "plan-three-year.waymark");

  g_assert_cmpstr (waymark_plan_get_title (plan), ==, "DA and SV commissioning plan 2026-2029");
  g_assert_cmpstr (waymark_plan_get_organisation (plan), ==, "LLR Violence Reduction Network");
  g_assert_cmpuint (waymark_plan_get_start_year (plan), ==, 2026);
  g_assert_cmpuint (waymark_plan_get_years (plan), ==, 3);
  g_assert_cmpint (waymark_plan_get_budget (plan), ==, 60000000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(WaymarkPlanItem) item = g_list_model_get_item (G_LIST_MODEL (plan), i);

      g_assert_cmpstr (waymark_plan_item_get_intervention_id (item), ==, ids[i]);
    }
  iris = waymark_plan_find_item (plan, "iris", NULL);
  g_assert_nonnull (iris);
  g_assert_cmpstr (waymark_plan_item_get_provider (iris), ==, "IRISi, \"the IRIS people\"");

  /* Written out again, it is the golden file byte for byte. */
  golden_bytes = contents_of (golden);
  json = plan_json (fixture, plan);
  g_assert_cmpstr (json, ==, golden_bytes);

  /* Edits to the opened plan are the document's unsaved changes. */
  reset_counts (fixture);
  edit_title (fixture, "Another title");
  g_assert_true (waymark_plan_document_get_modified (fixture->document));
  assert_counts (fixture, 0, 0, 1);
}

/* Once a plan is replaced, edits to the old one no longer reach the document. */
static void
test_old_plan_disconnected (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(WaymarkPlan) old = g_object_ref (waymark_plan_document_get_plan (fixture->document));

  /* A recovery copy, which opening a plan keeps and an edit back to a saved state removes. */
  edit_title (fixture, "Kept in the recovery copy");
  waymark_plan_document_write_recovery (fixture->document);
  load_golden (fixture);
  reset_counts (fixture);

  waymark_plan_undo (old);
  waymark_plan_edit (old, old, "title", "Edited after it was replaced", NULL);
  waymark_plan_undo (old);
  g_assert_false (waymark_plan_get_modified (old));
  g_assert_false (waymark_plan_document_get_modified (fixture->document));
  g_assert_true (waymark_plan_document_has_recovery (fixture->document));
  assert_counts (fixture, 0, 0, 0);
}

/* Save As: the document moves to the new file, the old file is left alone. */
static void
test_save_as (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = golden_path ();
  g_autoptr(GFile) golden = g_file_new_for_path (path);
  g_autoptr(GFile) copy = temp_file (fixture, "copy.waymark");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name = NULL;

  load_golden (fixture);
  before = contents_of (golden);
  edit_title (fixture, "A copy of the three-year plan");
  g_assert_true (waymark_plan_document_get_modified (fixture->document));

  reset_counts (fixture);
  g_assert_true (waymark_plan_document_save (fixture->document, copy, &error));
  g_assert_no_error (error);
  assert_counts (fixture, 0, 1, 1);
  g_assert_true (waymark_plan_document_get_file (fixture->document) == copy);
  g_assert_false (waymark_plan_document_get_modified (fixture->document));
  name = waymark_plan_document_dup_display_name (fixture->document);
  g_assert_cmpstr (name, ==, "copy.waymark");
  assert_file_holds_plan (fixture, copy);

  after = contents_of (golden);
  g_assert_cmpstr (after, ==, before);
}

/* A save that fails says which file and why, and changes nothing: the document keeps its
 * unsaved changes, its file and its recovery copy; the old file keeps its bytes. */
static void
test_failed_save (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = temp_file (fixture, "plan.waymark");
  g_autoptr(GFile) missing_dir = temp_file (fixture, "missing");
  g_autoptr(GFile) in_missing_dir = g_file_get_child (missing_dir, "elsewhere.waymark");
  g_autoptr(GFile) folder = temp_file (fixture, "folder.waymark");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *folder_path = g_file_get_path (folder);

  add_intervention (fixture, "iris", 1);
  g_assert_true (waymark_plan_document_save (fixture->document, file, &error));
  g_assert_no_error (error);
  before = contents_of (file);

  edit_title (fixture, "Not saved");
  waymark_plan_document_write_recovery (fixture->document);
  g_assert_true (waymark_plan_document_has_recovery (fixture->document));

  /* Into a folder that does not exist. */
  reset_counts (fixture);
  g_assert_false (waymark_plan_document_save (fixture->document, in_missing_dir, &error));
  g_assert_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, "Could not save “elsewhere.waymark”: "));
  g_assert_true (g_str_has_suffix (error->message, "Any earlier version of the file is unchanged."));
  g_assert_false (g_file_query_exists (missing_dir, NULL));
  g_clear_error (&error);

  /* Onto a folder. */
  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  g_assert_false (waymark_plan_document_save (fixture->document, folder, &error));
  g_assert_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_WRITE);
  g_assert_cmpstr (error->message, ==,
                   "Could not save “folder.waymark”: it is a folder. Choose a file name inside it.");
  g_assert_true (g_file_test (folder_path, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);

  assert_counts (fixture, 0, 0, 0);
  g_assert_true (waymark_plan_document_get_modified (fixture->document));
  g_assert_true (waymark_plan_document_get_file (fixture->document) == file);
  g_assert_true (waymark_plan_document_has_recovery (fixture->document));
  after = contents_of (file);
  g_assert_cmpstr (after, ==, before);
  {
    g_autofree char *name = waymark_plan_document_dup_display_name (fixture->document);

    g_assert_cmpstr (name, ==, "plan.waymark");
  }
}

/* A plan that cannot be opened leaves the open one as it was. */
static void
test_failed_load (Fixture       *fixture,
                  gconstpointer  data)
{
  WaymarkPlan *plan = waymark_plan_document_get_plan (fixture->document);
  g_autoptr(GFile) absent = temp_file (fixture, "absent.waymark");
  g_autoptr(GFile) broken = temp_file (fixture, "broken.waymark");
  g_autoptr(GError) error = NULL;

  edit_title (fixture, "Work in progress");
  reset_counts (fixture);

  g_assert_false (waymark_plan_document_load (fixture->document, absent, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "absent.waymark"));
  g_clear_error (&error);

  g_assert_true (g_file_replace_contents (broken, "{\"format\": \"waymark-plan\",", 26, NULL,
                                          FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_false (waymark_plan_document_load (fixture->document, broken, &error));
  g_assert_error (error, WAYMARK_PLAN_ERROR, WAYMARK_PLAN_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "broken.waymark"));

  assert_counts (fixture, 0, 0, 0);
  g_assert_true (waymark_plan_document_get_plan (fixture->document) == plan);
  g_assert_null (waymark_plan_document_get_file (fixture->document));
  g_assert_true (waymark_plan_document_get_modified (fixture->document));
  g_assert_cmpstr (waymark_plan_get_title (plan), ==, "Work in progress");
}

/* A moment after an edit the recovery copy is written (its folders made); it holds the plan.
 * Undoing back to the saved state removes it at once. */
static void
test_recovery_written_after_edit (Fixture       *fixture,
                                  gconstpointer  data)
{
  WaymarkPlan *plan = waymark_plan_document_get_plan (fixture->document);

  add_intervention (fixture, "drive", 12);
  /* Not at once: a burst of edits writes one copy. */
  g_assert_false (waymark_plan_document_has_recovery (fixture->document));
  wait_for_recovery (fixture);
  assert_file_holds_plan (fixture, fixture->recovery);

  /* Two undos: the quantity, then the item itself. */
  waymark_plan_undo (plan);
  g_assert_true (waymark_plan_document_has_recovery (fixture->document));
  waymark_plan_undo (plan);
  g_assert_false (waymark_plan_document_get_modified (fixture->document));
  g_assert_false (waymark_plan_document_has_recovery (fixture->document));
}

/* A plan with nothing unsaved keeps no copy. */
static void
test_recovery_needs_changes (Fixture       *fixture,
                             gconstpointer  data)
{
  waymark_plan_document_write_recovery (fixture->document);
  g_assert_false (waymark_plan_document_has_recovery (fixture->document));

  load_golden (fixture);
  waymark_plan_document_write_recovery (fixture->document);
  g_assert_false (waymark_plan_document_has_recovery (fixture->document));
}

/* After a crash, a new document finds the copy and opens it as an unsaved plan with no file;
 * saving it removes the copy. */
static void
test_recover (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(WaymarkPlanDocument) crashed = waymark_plan_document_new (fixture->catalogue,
                                                                      fixture->recovery);
  WaymarkPlan *lost = waymark_plan_document_get_plan (crashed);
  g_autoptr(GFile) file = temp_file (fixture, "recovered.waymark");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *name = NULL;
  WaymarkPlan *plan;

  waymark_plan_edit (lost, lost, "title", "Unsaved when it crashed", "years", 2, NULL);
  waymark_plan_document_write_recovery (crashed);
  expected = plan_json (fixture, lost);
  g_clear_object (&crashed);
  /* Closing without saving or discarding is what a crash leaves: the copy stays. */
  g_assert_true (waymark_plan_document_has_recovery (fixture->document));

  reset_counts (fixture);
  g_assert_false (waymark_plan_document_get_recovered (fixture->document));
  g_assert_true (waymark_plan_document_recover (fixture->document, &error));
  g_assert_no_error (error);
  /* The file was none and stays none; the state turns to unsaved, and recovered, once. */
  g_assert_true (waymark_plan_document_get_recovered (fixture->document));
  g_assert_cmpuint (fixture->recovered_notified, ==, 1);
  fixture->recovered_notified = 0;
  assert_counts (fixture, 1, 0, 1);
  plan = waymark_plan_document_get_plan (fixture->document);
  actual = plan_json (fixture, plan);
  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpstr (waymark_plan_get_title (plan), ==, "Unsaved when it crashed");
  g_assert_null (waymark_plan_document_get_file (fixture->document));
  name = waymark_plan_document_dup_display_name (fixture->document);
  g_assert_cmpstr (name, ==, "Untitled Plan");
  g_assert_true (waymark_plan_document_get_modified (fixture->document));
  g_assert_false (waymark_plan_can_undo (plan));
  /* The copy stays until the recovered plan is saved or discarded. */
  g_assert_true (waymark_plan_document_has_recovery (fixture->document));

  reset_counts (fixture);
  g_assert_true (waymark_plan_document_save (fixture->document, file, &error));
  g_assert_no_error (error);
  g_assert_false (waymark_plan_document_get_recovered (fixture->document));
  g_assert_cmpuint (fixture->recovered_notified, ==, 1);
  fixture->recovered_notified = 0;
  assert_counts (fixture, 0, 1, 1);
  g_assert_false (waymark_plan_document_get_modified (fixture->document));
  g_assert_false (waymark_plan_document_has_recovery (fixture->document));
  assert_file_holds_plan (fixture, file);
}

/* Without a copy there is nothing to recover, and the open plan stays. */
static void
test_recover_without_copy (Fixture       *fixture,
                           gconstpointer  data)
{
  WaymarkPlan *plan = waymark_plan_document_get_plan (fixture->document);
  g_autoptr(GError) error = NULL;

  g_assert_false (waymark_plan_document_has_recovery (fixture->document));
  g_assert_false (waymark_plan_document_recover (fixture->document, &error));
  g_assert_nonnull (error);
  assert_counts (fixture, 0, 0, 0);
  g_assert_true (waymark_plan_document_get_plan (fixture->document) == plan);
  g_assert_false (waymark_plan_document_get_modified (fixture->document));
}

/* Opening another plan keeps the copy (it may hold a plan not yet decided about); discarding
 * removes it; a new plan removes it too. */
static void
test_recovery_kept_on_load_and_discarded (Fixture       *fixture,
                                          gconstpointer  data)
{
  edit_title (fixture, "Kept in the recovery copy");
  waymark_plan_document_write_recovery (fixture->document);
  g_assert_true (waymark_plan_document_has_recovery (fixture->document));

  load_golden (fixture);
  g_assert_true (waymark_plan_document_has_recovery (fixture->document));
  waymark_plan_document_discard_recovery (fixture->document);
  g_assert_false (waymark_plan_document_has_recovery (fixture->document));
  /* Discarding twice is harmless. */
  waymark_plan_document_discard_recovery (fixture->document);

  edit_title (fixture, "Edited golden plan");
  waymark_plan_document_write_recovery (fixture->document);
  g_assert_true (waymark_plan_document_has_recovery (fixture->document));

  reset_counts (fixture);
  waymark_plan_document_reset (fixture->document);
  assert_counts (fixture, 1, 1, 1);
  g_assert_false (waymark_plan_document_has_recovery (fixture->document));
  g_assert_null (waymark_plan_document_get_file (fixture->document));
  g_assert_false (waymark_plan_document_get_modified (fixture->document));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (waymark_plan_document_get_plan (fixture->document))),
                    ==, 0);
}

/* Exporting writes the plan in the format asked for and leaves the document's file and unsaved
 * state alone. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  WaymarkPlan *plan = waymark_plan_document_get_plan (fixture->document);
  g_autoptr(GFile) csv = temp_file (fixture, "plan.csv");
  g_autoptr(GFile) json = temp_file (fixture, "plan.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_csv = NULL;
  g_autofree char *written_csv = NULL;

  add_intervention (fixture, "iris", 3);
  reset_counts (fixture);

  g_assert_true (waymark_plan_document_export (fixture->document, WAYMARK_PLAN_FORMAT_CSV, csv,
                                               &error));
  g_assert_no_error (error);
  expected_csv = waymark_plan_to_csv (plan, fixture->catalogue, &error);
  g_assert_no_error (error);
  written_csv = contents_of (csv);
  g_assert_cmpstr (written_csv, ==, expected_csv);
  g_assert_true (g_str_has_prefix (written_csv, "\xEF\xBB\xBF" "intervention_id,"));

  g_assert_true (waymark_plan_document_export (fixture->document, WAYMARK_PLAN_FORMAT_JSON, json,
                                               &error));
  g_assert_no_error (error);
  assert_file_holds_plan (fixture, json);

  assert_counts (fixture, 0, 0, 0);
  g_assert_null (waymark_plan_document_get_file (fixture->document));
  g_assert_true (waymark_plan_document_get_modified (fixture->document));
}

/* The catalogue notifies when it changes, not when set to what it is. */
static void
test_catalogue (Fixture       *fixture,
                gconstpointer  data)
{
  waymark_plan_document_set_catalogue (fixture->document, fixture->catalogue);
  g_assert_cmpuint (fixture->catalogue_notified, ==, 0);

  waymark_plan_document_set_catalogue (fixture->document, NULL);
  g_assert_cmpuint (fixture->catalogue_notified, ==, 1);
  g_assert_null (waymark_plan_document_get_catalogue (fixture->document));

  g_object_set (fixture->document, "catalogue", fixture->catalogue, NULL);
  g_assert_cmpuint (fixture->catalogue_notified, ==, 2);
  g_assert_true (waymark_plan_document_get_catalogue (fixture->document) == fixture->catalogue);
  fixture->catalogue_notified = 0;
  assert_counts (fixture, 0, 0, 0);
}

/* A document let go with a recovery copy pending is finalised and writes nothing later. */
static void
test_dispose_with_pending_copy (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(WaymarkPlanDocument) document = waymark_plan_document_new (fixture->catalogue,
                                                                       fixture->recovery);
  WaymarkPlan *plan = waymark_plan_document_get_plan (document);

  waymark_plan_edit (plan, plan, "title", "Pending", NULL);
  g_assert_finalize_object (g_steal_pointer (&document));

  /* The cancelled timer was due first: had it fired, the copy found first would say "Pending"
   * (and memcheck or ASan would report the freed document it used). */
  edit_title (fixture, "Written");
  wait_for_recovery (fixture);
  assert_file_holds_plan (fixture, fixture->recovery);
}

/* The recovery folder of the fixture: made, with nothing in it. */
static GFile *
recovery_directory (Fixture *fixture)
{
  GFile *directory = g_file_get_parent (fixture->recovery);
  g_autofree char *path = g_file_get_path (directory);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return directory;
}

static GFile *
touch (GFile      *directory,
       const char *name)
{
  GFile *file = g_file_get_child (directory, name);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "left by a crash", -1, &error);
  g_assert_no_error (error);
  return file;
}

static void
assert_named (GFile      *file,
              const char *name)
{
  g_autofree char *basename = g_file_get_basename (file);

  g_assert_cmpstr (basename, ==, name);
}

/* Several windows' documents: each is given a file no other open document keeps, the first
 * the default's name; a document that lets its file go frees it for the next. */
static void
test_free_file_unshared (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GFile) directory = recovery_directory (fixture);
  g_autoptr(GListStore) open = g_list_store_new (WAYMARK_TYPE_PLAN_DOCUMENT);
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(GFile) third = NULL;
  g_autoptr(GFile) again = NULL;
  g_autoptr(WaymarkPlanDocument) scenario = NULL;
  g_autoptr(WaymarkPlanDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  WaymarkPlan *plan;

  first = waymark_plan_document_dup_free_recovery_file (directory, NULL);
  g_assert_true (g_file_equal (first, fixture->recovery));

  g_list_store_append (open, fixture->document);
  second = waymark_plan_document_dup_free_recovery_file (directory, G_LIST_MODEL (open));
  assert_named (second, "recovery-2.waymark");
  /* Asking again before anyone keeps it gives it again: the rule, not a reservation. */
  again = waymark_plan_document_dup_free_recovery_file (directory, G_LIST_MODEL (open));
  g_assert_true (g_file_equal (again, second));

  /* A scenario keeps it: its copy is its own, and the first document's is untouched. */
  scenario = waymark_plan_document_new (fixture->catalogue, NULL);
  edit_title (fixture, "The first window's plan");
  waymark_plan_document_write_recovery (fixture->document);
  plan = waymark_plan_document_get_plan (fixture->document);
  g_assert_true (waymark_plan_document_open_copy (scenario, plan, "The plan (scenario B)", second,
                                                  &error));
  g_assert_no_error (error);
  g_assert_true (waymark_plan_document_get_recovery_file (scenario) == second);
  g_assert_false (waymark_plan_document_get_recovered (scenario));
  g_list_store_append (open, scenario);
  plan = waymark_plan_document_get_plan (scenario);
  waymark_plan_edit (plan, plan, "years", 2, NULL);
  waymark_plan_document_write_recovery (scenario);
  g_assert_true (g_file_query_exists (second, NULL));
  assert_file_holds_plan (fixture, fixture->recovery);

  third = waymark_plan_document_dup_free_recovery_file (directory, G_LIST_MODEL (open));
  assert_named (third, "recovery-3.waymark");

  /* The scenario closes cleanly: its copy goes, the first document's stays. */
  waymark_plan_document_discard_recovery (scenario);
  g_assert_false (g_file_query_exists (second, NULL));
  g_assert_true (waymark_plan_document_has_recovery (fixture->document));
  g_list_store_remove (open, 1);
  g_clear_object (&again);
  again = waymark_plan_document_dup_free_recovery_file (directory, G_LIST_MODEL (open));
  g_assert_true (g_file_equal (again, second));

  /* Its document kept the file even with nothing on disk yet: still not shared. */
  other = waymark_plan_document_new (fixture->catalogue, third);
  g_list_store_append (open, other);
  g_list_store_append (open, scenario);
  g_clear_object (&again);
  again = waymark_plan_document_dup_free_recovery_file (directory, G_LIST_MODEL (open));
  assert_named (again, "recovery-4.waymark");
}

/* A copy a crash left, not yet offered, is never given to another document: whatever is on
 * disk under a name (a file, a FIFO, a dangling link) keeps it taken, and a document writing
 * its own copy leaves them as they were. */
static void
test_free_file_skips_leftovers (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GFile) directory = recovery_directory (fixture);
  g_autoptr(GFile) first = touch (directory, "recovery.waymark");
  g_autoptr(GFile) second = touch (directory, "recovery-2.waymark");
  g_autoptr(GFile) third = g_file_get_child (directory, "recovery-3.waymark");
  g_autoptr(GFile) fourth = g_file_get_child (directory, "recovery-4.waymark");
  g_autofree char *third_path = g_file_get_path (third);
  g_autofree char *fourth_path = g_file_get_path (fourth);
  g_autoptr(GFile) free_file = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (mkfifo (third_path, 0600), ==, 0);
  g_assert_cmpint (symlink ("nowhere", fourth_path), ==, 0);

  free_file = waymark_plan_document_dup_free_recovery_file (directory, NULL);
  assert_named (free_file, "recovery-5.waymark");

  /* A document with a copy of its own to write leaves the leftovers as they were. */
  {
    g_autoptr(WaymarkPlanDocument) scenario = waymark_plan_document_new (fixture->catalogue,
                                                                         free_file);
    WaymarkPlan *plan = waymark_plan_document_get_plan (scenario);

    waymark_plan_edit (plan, plan, "title", "A new scenario", NULL);
    waymark_plan_document_write_recovery (scenario);
    g_assert_true (waymark_plan_document_has_recovery (scenario));
  }
  g_assert_true (g_file_get_contents (g_file_peek_path (second), &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "left by a crash");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (g_file_peek_path (first), &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "left by a crash");
  g_assert_true (g_file_test (third_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fourth_path, G_FILE_TEST_IS_SYMLINK));
}

/* The copies present, by number; nothing else in the folder, and nothing that is not a regular
 * file (a FIFO is not opened, so listing cannot block on it). */
static void
test_list_recovery_files (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) directory = recovery_directory (fixture);
  g_autoptr(GFile) missing = g_file_get_child (directory, "not-made");
  const char *regular[] = { "recovery-10.waymark", "recovery.waymark", "recovery-2.waymark",
                            "recovery-x.waymark", "recovery-.waymark", "recovery-02.waymark",
                            "recovery-1.waymark", "recovery-3.waymark~", "recovery-3.waymark.tmp",
                            "Recovery-3.waymark", "recovery-99999999999.waymark",
                            "recovery--3.waymark", "plan.waymark" };
  g_autoptr(GFile) fifo = g_file_get_child (directory, "recovery-3.waymark");
  g_autoptr(GFile) folder = g_file_get_child (directory, "recovery-4.waymark");
  g_autoptr(GFile) link = g_file_get_child (directory, "recovery-5.waymark");
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "recovery.waymark", "recovery-2.waymark", "recovery-10.waymark" };

  none = waymark_plan_document_list_recovery_files (missing);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  g_assert_true (g_list_model_get_item_type (none) == G_TYPE_FILE);

  for (guint i = 0; i < G_N_ELEMENTS (regular); i++)
    g_object_unref (touch (directory, regular[i]));
  g_assert_cmpint (mkfifo (g_file_peek_path (fifo), 0600), ==, 0);
  g_assert_true (g_file_make_directory (folder, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (symlink ("recovery.waymark", g_file_peek_path (link)), ==, 0);

  listed = waymark_plan_document_list_recovery_files (directory);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (listed, i);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      assert_named (file, expected[i]);
      g_assert_true (g_file_equal (parent, directory));
    }

  /* The document does not take a FIFO under its name for a copy to offer. */
  {
    g_autoptr(WaymarkPlanDocument) document = waymark_plan_document_new (fixture->catalogue,
                                                                         fifo);

    g_assert_false (waymark_plan_document_has_recovery (document));
  }
}

/* Another window's copy recovered into a document of its own: the plan it held, unsaved and
 * recovered, and the document keeps its copy there until it is saved; a copy that cannot be read
 * changes nothing. */
static void
test_recover_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) directory = recovery_directory (fixture);
  g_autoptr(GFile) second = g_file_get_child (directory, "recovery-2.waymark");
  g_autoptr(GFile) broken = touch (directory, "recovery-3.waymark");
  g_autoptr(WaymarkPlanDocument) crashed = waymark_plan_document_new (fixture->catalogue, second);
  WaymarkPlan *lost = waymark_plan_document_get_plan (crashed);
  g_autoptr(GFile) saved = temp_file (fixture, "saved.waymark");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  waymark_plan_edit (lost, lost, "title", "The scenario it crashed in", NULL);
  waymark_plan_document_write_recovery (crashed);
  expected = plan_json (fixture, lost);
  g_clear_object (&crashed);

  reset_counts (fixture);
  g_assert_false (waymark_plan_document_recover_file (fixture->document, broken, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_counts (fixture, 0, 0, 0);
  g_assert_true (waymark_plan_document_get_recovery_file (fixture->document) == fixture->recovery);

  g_assert_true (waymark_plan_document_recover_file (fixture->document, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->recovery_file_notified, ==, 1);
  g_assert_cmpuint (fixture->recovered_notified, ==, 1);
  g_assert_true (g_file_equal (waymark_plan_document_get_recovery_file (fixture->document),
                               second));
  g_assert_true (waymark_plan_document_get_recovered (fixture->document));
  g_assert_true (waymark_plan_document_get_modified (fixture->document));
  g_assert_null (waymark_plan_document_get_file (fixture->document));
  actual = plan_json (fixture, waymark_plan_document_get_plan (fixture->document));
  g_assert_cmpstr (actual, ==, expected);
  g_assert_true (waymark_plan_document_has_recovery (fixture->document));

  g_assert_true (waymark_plan_document_save (fixture->document, saved, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (second, NULL));
  g_assert_true (g_file_query_exists (broken, NULL));
  reset_counts (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/plan-document/new", test_new);
  g_test_add_func ("/core/plan-document/default-recovery-file", test_default_recovery_file);
  ADD ("/core/plan-document/edit-and-save", test_edit_and_save);
  ADD ("/core/plan-document/load-golden", test_load_golden);
  ADD ("/core/plan-document/old-plan-disconnected", test_old_plan_disconnected);
  ADD ("/core/plan-document/save-as", test_save_as);
  ADD ("/core/plan-document/failed-save", test_failed_save);
  ADD ("/core/plan-document/failed-load", test_failed_load);
  ADD ("/core/plan-document/export", test_export);
  ADD ("/core/plan-document/catalogue", test_catalogue);
  ADD ("/core/plan-document/recovery/written-after-edit", test_recovery_written_after_edit);
  ADD ("/core/plan-document/recovery/needs-changes", test_recovery_needs_changes);
  ADD ("/core/plan-document/recovery/recover", test_recover);
  ADD ("/core/plan-document/recovery/recover-without-copy", test_recover_without_copy);
  ADD ("/core/plan-document/recovery/kept-on-load-and-discarded",
       test_recovery_kept_on_load_and_discarded);
  ADD ("/core/plan-document/recovery/dispose-with-pending-copy", test_dispose_with_pending_copy);
  ADD ("/core/plan-document/recovery/free-file-unshared", test_free_file_unshared);
  ADD ("/core/plan-document/recovery/free-file-skips-leftovers", test_free_file_skips_leftovers);
  ADD ("/core/plan-document/recovery/list", test_list_recovery_files);
  ADD ("/core/plan-document/recovery/recover-file", test_recover_file);

#undef ADD

  return g_test_run ();
}
