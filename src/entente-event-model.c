/* entente-event-model.c: a dataset's events as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "entente-event-model.h"

struct _EntenteEventModel
{
  GObject parent_instance;

  /* Owned references */
  EntenteDataset *dataset;
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

  return self->dataset ? entente_dataset_get_n_events (self->dataset) : 0;
}

static gpointer
entente_event_model_get_item (GListModel *model,
                              guint       position)
{
  char text[16];

  if (position >= entente_event_model_get_n_items (model))
    return NULL;
  g_snprintf (text, sizeof text, "%u", position);
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

void
entente_event_model_set_dataset (EntenteEventModel *self,
                                 EntenteDataset    *dataset)
{
  guint removed;

  g_return_if_fail (ENTENTE_IS_EVENT_MODEL (self));

  removed = entente_event_model_get_n_items (G_LIST_MODEL (self));
  g_set_object (&self->dataset, dataset);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed,
                              entente_event_model_get_n_items (G_LIST_MODEL (self)));
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
  g_clear_object (&ENTENTE_EVENT_MODEL (object)->dataset);
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
