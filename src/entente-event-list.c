/* entente-event-list.c: the chart's events as a list, for reading aloud
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-event-list.h"
#include "entente-event-model.h"
#include "entente-marker.h"

struct _EntenteEventList
{
  AdwBin parent_instance;

  /* Owned references */
  EntenteEventModel  *model;
  GtkSingleSelection *selection;

  /* Borrowed references */
  GtkListView        *list_view;
  EntenteTimelineView *view;

  /* Set while one side follows the other, so they do not chase. */
  gboolean            syncing;
};

G_DEFINE_FINAL_TYPE (EntenteEventList, entente_event_list, ADW_TYPE_BIN)

static void
filter_cb (GArray  *rows,
           gpointer user_data)
{
  EntenteEventList *self = user_data;

  if (self->view != NULL)
    entente_timeline_view_collect_shown (self->view, rows);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *marker = entente_marker_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  /* Level with the title's first line. */
  gtk_widget_set_valign (marker, GTK_ALIGN_START);
  gtk_widget_set_margin_top (marker, 2);
  /* The text takes the row's width; set on the row, so that this stays
   * within it. */
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_hexpand (row, FALSE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_box_append (GTK_BOX (row), marker);
  gtk_box_append (GTK_BOX (row), box);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         EntenteEventList         *self)
{
  EntenteDataset *dataset = entente_event_model_get_dataset (self->model);
  guint index = entente_event_model_item_index (gtk_list_item_get_item (list_item));
  const EntenteEvent *event = entente_dataset_get_event (dataset, index);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *marker = gtk_widget_get_first_child (row);
  GtkWidget *box = gtk_widget_get_next_sibling (marker);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  g_autofree char *date = entente_event_format_dates (event);
  g_autofree char *text = NULL;
  const char *category = entente_dataset_get_category_label (dataset, event->category);

  /* Which event a row shows, for entente_event_list_get_top_event (). */
  g_object_set_data (G_OBJECT (row), "entente-event", GUINT_TO_POINTER (index + 1));
  entente_marker_set_category (ENTENTE_MARKER (marker), dataset, event->category);
  /* Plain text, as everything from a dataset. */
  gtk_label_set_text (GTK_LABEL (title), event->title);
  text = category ? g_strdup_printf ("%s · %s", date, category) : g_strdup (date);
  gtk_label_set_text (GTK_LABEL (detail), text);
}

static void
view_selection_changed_cb (EntenteEventList *self)
{
  int event;
  guint row;

  if (self->syncing)
    return;

  self->syncing = TRUE;
  event = entente_timeline_view_get_selected_event (self->view);
  row = event >= 0 ? entente_event_model_find_event (self->model, event) : GTK_INVALID_LIST_POSITION;
  gtk_single_selection_set_selected (self->selection, row);
  if (row != GTK_INVALID_LIST_POSITION && gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", row);
  self->syncing = FALSE;
}

static void
list_selection_changed_cb (EntenteEventList *self)
{
  int event = entente_event_list_get_selected_event (self);

  if (self->syncing || event < 0)
    return;

  self->syncing = TRUE;
  entente_timeline_view_select_event (self->view, event);
  self->syncing = FALSE;
}

int
entente_event_list_get_top_event (EntenteEventList *self)
{
  GtkWidget *widget;

  g_return_val_if_fail (ENTENTE_IS_EVENT_LIST (self), -1);

  widget = GTK_WIDGET (self->list_view);
  if (!gtk_widget_get_mapped (widget))
    return -1;
  /* What is picked is the row's box or within it, or the row itself
   * around the box. */
  for (GtkWidget *picked = gtk_widget_pick (widget, gtk_widget_get_width (widget) / 2.0, 1, GTK_PICK_DEFAULT);
       picked != NULL && picked != widget; picked = gtk_widget_get_parent (picked))
    {
      GtkWidget *box = gtk_widget_get_parent (picked) == widget ? gtk_widget_get_first_child (picked) : picked;
      gpointer data = box != NULL ? g_object_get_data (G_OBJECT (box), "entente-event") : NULL;

      if (data != NULL)
        return GPOINTER_TO_UINT (data) - 1;
    }
  return -1;
}

/* The selection is let go of before the rows change and taken up again
 * after: a single selection whose row goes looks for its item among all
 * the new rows, one object each, a million of them at worst. Without a
 * selection to scroll to, the row at the top stays there, or the first
 * after it that stays. */
static void
refilter (EntenteEventList *self)
{
  int top = entente_event_list_get_top_event (self);

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  entente_event_model_refilter (self->model, top);
  self->syncing = FALSE;
  view_selection_changed_cb (self);
}

static void
dataset_changed_cb (EntenteEventList *self)
{
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  entente_event_model_set_dataset (self->model, entente_timeline_view_get_dataset (self->view));
  self->syncing = FALSE;
  view_selection_changed_cb (self);
}

void
entente_event_list_set_view (EntenteEventList    *self,
                             EntenteTimelineView *view)
{
  g_return_if_fail (ENTENTE_IS_EVENT_LIST (self));
  g_return_if_fail (ENTENTE_IS_TIMELINE_VIEW (view));

  self->view = view;
  g_signal_connect_object (view, "notify::dataset", G_CALLBACK (dataset_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::selected-event", G_CALLBACK (view_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "filters-changed", G_CALLBACK (refilter),
                           self, G_CONNECT_SWAPPED);
  dataset_changed_cb (self);
}

int
entente_event_list_get_selected_event (EntenteEventList *self)
{
  gpointer item;

  g_return_val_if_fail (ENTENTE_IS_EVENT_LIST (self), -1);

  item = gtk_single_selection_get_selected_item (self->selection);
  return item ? (int) entente_event_model_item_index (item) : -1;
}

guint
entente_event_list_get_n_rows (EntenteEventList *self)
{
  g_return_val_if_fail (ENTENTE_IS_EVENT_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

void
entente_event_list_select_row (EntenteEventList *self,
                               guint             row)
{
  g_return_if_fail (ENTENTE_IS_EVENT_LIST (self));
  gtk_single_selection_set_selected (self->selection, row);
}

/* The event of the row widget is in, or -1. */
static int
row_event (GtkWidget  *widget,
           GtkWidget **row)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      /* A list item holds the row; the row says which event it shows. */
      GtkWidget *child = gtk_widget_get_first_child (widget);
      guint stored = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "entente-event"));

      if (stored == 0 && child != NULL)
        {
          stored = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "entente-event"));
          widget = stored != 0 ? child : widget;
        }
      if (stored != 0)
        {
          *row = widget;
          return (int) stored - 1;
        }
    }
  return -1;
}

/* The menu of a row's event is the chart's for it: a right click or the
 * Menu key selects the event and opens it at the row. */
static void
menu_for (EntenteEventList *self,
          GtkWidget        *widget)
{
  GtkWidget *row = NULL;
  int event = row_event (widget, &row);

  if (event < 0 || self->view == NULL)
    return;
  entente_timeline_view_select_event (self->view, event);
  entente_timeline_view_popup_menu_at (self->view, row);
}

static void
secondary_pressed_cb (GtkGestureClick  *gesture,
                      int               n_press,
                      double            x,
                      double            y,
                      EntenteEventList *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);

  if (picked != NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      menu_for (self, picked);
    }
}

static void
show_menu_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EntenteEventList *self = ENTENTE_EVENT_LIST (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    menu_for (self, focus);
}

static void
entente_event_list_dispose (GObject *object)
{
  EntenteEventList *self = ENTENTE_EVENT_LIST (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (entente_event_list_parent_class)->dispose (object);
}

static void
entente_event_list_class_init (EntenteEventListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = entente_event_list_dispose;
  gtk_widget_class_set_css_name (widget_class, "eventlist");
  gtk_widget_class_install_action (widget_class, "events.show-menu", NULL, show_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "events.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "events.show-menu", NULL);
}

static void
entente_event_list_init (EntenteEventList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled;

  self->model = entente_event_model_new ();
  entente_event_model_set_filter (self->model, filter_cb, self);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (list_selection_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                      factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  {
    GtkGesture *gesture = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
    g_signal_connect (gesture, "pressed", G_CALLBACK (secondary_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (gesture));
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Events in date order"),
                                  -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_bin_set_child (ADW_BIN (self), scrolled);
}

GtkWidget *
entente_event_list_new (void)
{
  return g_object_new (ENTENTE_TYPE_EVENT_LIST, NULL);
}
