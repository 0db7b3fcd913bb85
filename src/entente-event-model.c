/* entente-event-model.c: a dataset's events as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gtk/gtk.h>

#include "entente-event-model.h"

struct _EntenteEventModel
{
  GObject parent_instance;

  /* Owned references */
  EntenteDataset *dataset;
  GArray         *rows;     /* guint, the events shown in date order, or
                             * NULL when all are */

  EntenteEventFilterFunc filter;
  gpointer               filter_data;

  gboolean               emptied;  /* between the two halves of a change */
};

static GType
entente_event_model_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
entente_event_model_get_n_items (GListModel *model)
{
  EntenteEventModel *self = ENTENTE_EVENT_MODEL (model);

  if (self->emptied)
    return 0;
  if (self->rows != NULL)
    return self->rows->len;
  return self->dataset ? entente_dataset_get_n_events (self->dataset) : 0;
}

static gpointer
entente_event_model_get_item (GListModel *model,
                              guint       position)
{
  EntenteEventModel *self = ENTENTE_EVENT_MODEL (model);
  char text[16];

  if (position >= entente_event_model_get_n_items (model))
    return NULL;
  g_snprintf (text, sizeof text, "%u",
              self->rows != NULL ? g_array_index (self->rows, guint, position) : position);
  return gtk_string_object_new (text);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = entente_event_model_get_item_type;
  iface->get_n_items = entente_event_model_get_n_items;
  iface->get_item = entente_event_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (EntenteEventModel, entente_event_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

guint
entente_event_model_item_index (gpointer item)
{
  g_return_val_if_fail (GTK_IS_STRING_OBJECT (item), 0);
  return (guint) g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);
}

/* The rows are kept as an array rather than filtered item by item: a
 * filter model asks for every item, which for a million events made a
 * million objects each time the search or a category changed, and
 * finding an event's row would have meant walking them again. */
static void
collect_rows (EntenteEventModel *self)
{
  guint n;

  if (self->dataset == NULL || self->filter == NULL)
    return;
  n = entente_dataset_get_n_events (self->dataset);
  self->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n; i++)
    if (self->filter (i, self->filter_data))
      g_array_append_val (self->rows, i);
  /* All shown: no array to keep. */
  if (self->rows->len == n)
    g_clear_pointer (&self->rows, g_array_unref);
}

/* Said as two changes, every row going and then the new ones coming:
 * GTK 4.8's list view took a third of a second over a single change
 * that put a million rows in the place of a million others, and some
 * 7 ms over each of these two. */
static void
replace_rows (EntenteEventModel *self,
              guint              removed)
{
  guint added;

  if (removed > 0)
    {
      self->emptied = TRUE;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
      self->emptied = FALSE;
    }
  added = entente_event_model_get_n_items (G_LIST_MODEL (self));
  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, added);
}

static gboolean
same_rows (GArray *a,
           GArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (guint)) == 0;
}

void
entente_event_model_set_dataset (EntenteEventModel *self,
                                 EntenteDataset    *dataset)
{
  guint removed;

  g_return_if_fail (ENTENTE_IS_EVENT_MODEL (self));

  removed = entente_event_model_get_n_items (G_LIST_MODEL (self));
  g_set_object (&self->dataset, dataset);
  g_clear_pointer (&self->rows, g_array_unref);
  collect_rows (self);
  replace_rows (self, removed);
}

EntenteDataset *
entente_event_model_get_dataset (EntenteEventModel *self)
{
  g_return_val_if_fail (ENTENTE_IS_EVENT_MODEL (self), NULL);
  return self->dataset;
}

static void
entente_event_model_dispose (GObject *object)
{
  EntenteEventModel *self = ENTENTE_EVENT_MODEL (object);

  g_clear_object (&self->dataset);
  g_clear_pointer (&self->rows, g_array_unref);
  G_OBJECT_CLASS (entente_event_model_parent_class)->dispose (object);
}

static void
entente_event_model_class_init (EntenteEventModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = entente_event_model_dispose;
}

static void
entente_event_model_init (EntenteEventModel *self)
{
}

EntenteEventModel *
entente_event_model_new (void)
{
  return g_object_new (ENTENTE_TYPE_EVENT_MODEL, NULL);
}

/* The filter is asked about every event when the dataset changes and on
 * each entente_event_model_refilter (). */
void
entente_event_model_set_filter (EntenteEventModel     *self,
                                EntenteEventFilterFunc func,
                                gpointer               user_data)
{
  g_return_if_fail (ENTENTE_IS_EVENT_MODEL (self));

  self->filter = func;
  self->filter_data = user_data;
  entente_event_model_refilter (self);
}

void
entente_event_model_refilter (EntenteEventModel *self)
{
  g_autoptr(GArray) old = NULL;
  guint removed;

  g_return_if_fail (ENTENTE_IS_EVENT_MODEL (self));

  removed = entente_event_model_get_n_items (G_LIST_MODEL (self));
  old = g_steal_pointer (&self->rows);
  collect_rows (self);
  /* The view tells of every change to its filters, many of which leave
   * the list as it was. */
  if (!same_rows (old, self->rows))
    replace_rows (self, removed);
}

static int
compare_event (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* The row that shows event, or GTK_INVALID_LIST_POSITION. */
guint
entente_event_model_find_event (EntenteEventModel *self,
                                guint              event)
{
  const guint *row;

  g_return_val_if_fail (ENTENTE_IS_EVENT_MODEL (self), GTK_INVALID_LIST_POSITION);

  if (self->rows == NULL)
    return event < entente_event_model_get_n_items (G_LIST_MODEL (self)) ? event
                                                                        : GTK_INVALID_LIST_POSITION;
  row = bsearch (&event, self->rows->data, self->rows->len, sizeof (guint), compare_event);
  return row != NULL ? (guint) (row - (const guint *) self->rows->data) : GTK_INVALID_LIST_POSITION;
}
