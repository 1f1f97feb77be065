/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The window's insides, shared by the files that make it (waymark-window.c and its
 * waymark-window-*.c parts: ARCHITECTURE.md lists them), and its parts for the UI tests, as GNOME
 * projects name such a header. The application includes waymark-window.h only. */

#include <adwaita.h>

#include "waymark-appraisal-page.h"
#include "waymark-compare-page.h"
#include "waymark-context-page.h"
#include "waymark-criteria.h"
#include "waymark-detail-pane.h"
#include "waymark-evidence-map.h"
#include "waymark-filter-pane.h"
#include "waymark-plan-document.h"
#include "waymark-plan-page.h"
#include "waymark-window.h"
#include "waymark-workspace.h"

G_BEGIN_DECLS

struct _WaymarkWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  GtkWidget            *back_button;
  GtkWidget            *filters_button;
  GtkWidget            *undo_box;  /* the header's Undo and Redo, shown on the Plan page */
  /* The header's title: the page switcher where there is room, else the window's title and
   * the plan's file */
  AdwSqueezer          *title_squeezer;
  AdwViewSwitcher      *view_switcher;
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwViewStackPage     *plan_stack_page;
  AdwBin               *plan_bin;
  WaymarkPlanPage      *plan_page;  /* in plan_bin, made when first needed */
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  AdwViewStackPage     *compare_stack_page;
  WaymarkComparePage   *compare_page;  /* in compare_bin, made when first needed */
  AdwBin               *compare_bin;
  AdwViewStackPage     *context_stack_page;
  WaymarkContextPage   *context_page;  /* in context_bin, made when first needed */
  AdwBin               *context_bin;
  AdwViewStackPage     *appraisal_stack_page;
  AdwBin               *appraisal_bin;
  WaymarkAppraisalPage *appraisal_page;  /* in appraisal_bin, made when first needed */
  GtkWidget            *header_bar;
  GtkWidget            *switcher_bar;
  GtkBox               *switcher_bar_box;
  GMenu                *recent_section;
  AdwFlap              *flap;
  WaymarkFilterPane    *filter_pane;  /* in the flap, made with the workspace's criteria */
  AdwLeaflet           *leaflet;
  GtkWidget            *list_pane;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *sort_dropdown;
  GtkRevealer          *chips_revealer;
  GtkFlowBox           *chips_box;
  GtkWidget            *clear_filters_button;
  GtkLabel             *count_label;
  GtkStack             *results_stack;
  GtkListView          *list_view;
  WaymarkEvidenceMap   *evidence_map;
  AdwStatusPage        *empty_page;  /* in results_stack, made when first needed */
  GtkWidget            *empty_clear_button;
  WaymarkDetailPane    *detail_pane;
  GtkFilterListModel   *filter_model;
  GtkSortListModel     *sort_model;
  GtkMultiSelection    *selection;
  GtkRevealer          *selection_bar;
  GtkLabel             *selection_label;
  GtkCustomFilter      *filter;
  /* Between the sort model and the selection: all of the list, except before the first frame
   * of a window made with defer-offscreen-rows (waymark_window_defer_offscreen_rows). */
  GtkSliceListModel    *row_slice;
  guint                 rows_idle;
  guint                 switcher_idle;
  gboolean              defer_rows;
  GtkCustomSorter      *sorter;

  /* Owned */
  WaymarkWorkspace *workspace;  /* the state shown; dropped first when the window goes */
  WaymarkCriteria  *criteria;   /* the workspace's parts, held until the widgets have gone */
  WaymarkCatalogue *catalogue;
  GSettings        *settings;
  GCancellable     *cancellable;
  char             *view;
  WaymarkPlanDocument *document;
  GtkRecentManager *recent;
  WaymarkComparison *comparison;
  AdwToast         *compare_toast;  /* weak: the last one, replaced by the next */
  char             *last_toast_title;  /* waymark_window_get_last_toast_title() */
  gboolean          presenting;
  guint             zoom_before;     /* the page's text size before presenting */
  GtkWidget        *focus_held;      /* the focus widget: see on_focus_widget_changed */

  GSignalGroup     *plan_signals;  /* the document's plan, watched for the actions' state */
  AdwToast         *undo_toast;     /* weak: "Removed … from the plan", with Undo */
  AdwToast         *restore_toast;  /* weak: "Comparison cleared", with Undo */

  /* Borrowed */
  WaymarkPlan      *plan;   /* the document's current plan */
  GBinding         *sort_binding;  /* the workspace's sort key to the drop-down; unbound first */
  GBinding         *plan_binding;  /* the open plan to the criteria, for the long-list filter */

  gboolean          close_confirmed;
};

/* waymark-window.c */
void       waymark_window_update_actions     (WaymarkWindow        *self);

/* waymark-window-browser.c: the Interventions page */
void       waymark_window_browser_class_init (GtkWidgetClass       *widget_class);
void       waymark_window_browser_init       (WaymarkWindow        *self);
void       waymark_window_browser_bind_settings (WaymarkWindow     *self);
void       waymark_window_browser_follow_criteria (WaymarkWindow   *self);
gboolean   waymark_window_browser_show_catalogue (WaymarkWindow    *self,
                                                  WaymarkCatalogue *catalogue);
/* Until the window's first frame is painted, the list holds only the interventions that can
 * be in sight at its size; the rest arrive just after it (issue 18). Before the catalogue. */
void       waymark_window_defer_offscreen_rows (WaymarkWindow      *self);
void       waymark_window_select_intervention (WaymarkWindow       *self,
                                               WaymarkIntervention *item);
/* The count, the results page (list, map or none found) after the list or the view changed. */
void       waymark_window_update_results     (WaymarkWindow        *self);

/* waymark-window-focus.c */
void       waymark_window_focus_init         (WaymarkWindow        *self);
void       waymark_window_focus_dispose      (WaymarkWindow        *self);

/* waymark-window-chips.c */
void       waymark_window_sync_chips         (WaymarkWindow        *self);

/* waymark-window-catalogue.c */
void       waymark_window_catalogue_class_init (GtkWidgetClass     *widget_class);

void       waymark_window_add_toast          (WaymarkWindow        *self,
                                              AdwToast             *toast);
/* "Exported “name”": the toast after a file was written. */
void       waymark_window_toast_exported     (WaymarkWindow        *self,
                                              GFile                *file);
/* Closes the popover that has the keyboard focus (a menu, a drop-down's list), if any. Called
 * before the window hides or switches away from a part of itself: GTK 4.8 keeps a widget that
 * is hidden, or that a stack stops showing, while the focus is in a popover inside it, alive
 * for ever, and with it everything it shows (the catalogue, the settings). */
void       waymark_window_close_popovers     (WaymarkWindow        *self);
/* Shows the page `name` ("interventions", "plan" or "compare"), closing any focused popover
 * first. Every page the window itself turns to goes through here. */
void       waymark_window_show_page          (WaymarkWindow        *self,
                                              const char           *name);
/* A dialog with heading and body (plain text) and Close; returns it (the window's) for whoever
 * waits for it to be closed. */
GtkWidget *waymark_window_show_error         (WaymarkWindow        *self,
                                              const char           *heading,
                                              const char           *body);
/* The catalogue's intervention `id`, or NULL (also with no catalogue yet). */
WaymarkIntervention *waymark_window_lookup (WaymarkWindow        *self,
                                            const char           *id);
/* The selected interventions in the list's order (owned refs). */
GPtrArray *waymark_window_dup_selected       (WaymarkWindow        *self);

/* waymark-window-undo.c: Undo and Redo where they can be seen */
void       waymark_window_undo_class_init    (GtkWidgetClass       *widget_class);
void       waymark_window_undo_init          (WaymarkWindow        *self);
void       waymark_window_undo_dispose       (WaymarkWindow        *self);

/* waymark-window-plan.c */
/* The Plan and Appraisal pages, made the first time they are needed: a start-up needs only
 * their tabs. */
WaymarkPlanPage *waymark_window_ensure_plan_page (WaymarkWindow *self);
WaymarkComparePage *waymark_window_ensure_compare_page (WaymarkWindow *self);
WaymarkContextPage *waymark_window_ensure_context_page (WaymarkWindow *self);
AdwStatusPage      *waymark_window_ensure_empty_page   (WaymarkWindow *self);
WaymarkAppraisalPage *waymark_window_ensure_appraisal_page (WaymarkWindow *self);
void       waymark_window_plan_class_init    (GtkWidgetClass       *widget_class);
void       waymark_window_plan_init          (WaymarkWindow        *self);
void       waymark_window_plan_constructed   (WaymarkWindow        *self);
/* Called once "Save Changes?" has been settled: `go_on` is TRUE when the plan has no unsaved
 * changes any more (there were none, they were saved, or they were discarded) and FALSE when
 * the person cancelled, or the save failed or was not given a file. Never called on a window
 * that has been disposed meanwhile. */
typedef void (*WaymarkUnsavedCallback) (WaymarkWindow *self,
                                        gboolean       go_on,
                                        gpointer       user_data);
/* Asks "Save Changes?" if the plan is modified, does what the person chooses (saving through
 * Save As when the plan has no file yet), then calls `callback`; at once, before returning,
 * when there is nothing to ask. `destroy` frees `user_data` afterwards, called or not. */
void       waymark_window_confirm_unsaved    (WaymarkWindow          *self,
                                              WaymarkUnsavedCallback  callback,
                                              gpointer                user_data,
                                              GDestroyNotify          destroy);

/* A file name for an export of the plan: its file's name or its title, with `extension`. */
char      *waymark_window_suggested_name     (WaymarkWindow          *self,
                                              const char             *extension);
/* `file`, or the same name with `extension` added when it does not end with it. */
GFile     *waymark_window_with_extension     (GFile                  *file,
                                              const char             *extension);
/* Puts notes being typed into the plan, before a save, an export or a print. */
void       waymark_window_apply_typed_notes  (WaymarkWindow          *self);

/* waymark-window-paper.c: the board paper, exported (ODT, PDF) and printed */
void       waymark_window_paper_class_init   (GtkWidgetClass         *widget_class);

/* waymark-window-context.c: the Context page, and the links to it and from it */
void       waymark_window_context_class_init (GtkWidgetClass       *widget_class);

/* waymark-window-compare.c */
void       waymark_window_compare_class_init (GtkWidgetClass       *widget_class);
void       waymark_window_compare_constructed (WaymarkWindow       *self);
/* Runs operation with the print dialog, asynchronously; a failure is a notification, `failure`
 * when GTK gives no message of its own. */
void       waymark_window_run_print          (WaymarkWindow        *self,
                                              GtkPrintOperation    *operation,
                                              const char           *failure);

/* The window's parts, for the UI tests: they drive these widgets as a person would. */
typedef struct
{
  GtkSearchEntry     *search_entry;
  GtkDropDown        *sort_dropdown;
  GtkFlowBox         *chips_box;
  GtkWidget          *clear_filters_button;
  GtkLabel           *count_label;
  GtkStack           *results_stack;
  GtkListView        *list_view;
  GtkMultiSelection  *selection;
  GtkRevealer        *selection_bar;
  GtkLabel           *selection_label;
  AdwStatusPage      *empty_page;
  GtkWidget          *empty_clear_button;
  WaymarkEvidenceMap *evidence_map;
  WaymarkDetailPane  *detail_pane;
  WaymarkFilterPane  *filter_pane;
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  AdwFlap            *flap;
  WaymarkCriteria    *criteria;
  AdwViewStack       *view_stack;
  AdwViewStackPage   *plan_stack_page;
  WaymarkPlanPage    *plan_page;
  AdwToastOverlay    *toast_overlay;
  AdwViewStackPage   *compare_stack_page;
  WaymarkComparePage *compare_page;
  WaymarkComparison  *comparison;
  GtkWidget          *header_bar;
  AdwSqueezer        *title_squeezer;
  AdwViewSwitcher    *view_switcher;
  AdwWindowTitle     *window_title;
  AdwViewStackPage   *context_stack_page;
  WaymarkContextPage *context_page;
  AdwViewStackPage   *appraisal_stack_page;
  WaymarkAppraisalPage *appraisal_page;
} WaymarkWindowParts;

void                 waymark_window_get_parts         (WaymarkWindow      *self,
                                                       WaymarkWindowParts *parts);
WaymarkPlanDocument *waymark_window_get_plan_document (WaymarkWindow      *self);
/* The last notification's title (markup-escaped), kept after the notification has timed out:
 * a test under memcheck may not see a toast before its five seconds are up. */
const char          *waymark_window_get_last_toast_title (WaymarkWindow   *self);

G_END_DECLS
