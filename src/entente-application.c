/* entente-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-application.h"
#include "entente-cli.h"
#include "entente-window.h"

struct _EntenteApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (EntenteApplication, entente_application, ADW_TYPE_APPLICATION)

EntenteApplication *
entente_application_new (void)
{
  return g_object_new (ENTENTE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/entente/Entente",
                       NULL);
}

static EntenteWindow *
get_window (EntenteApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (entente_window_new (self));
  return ENTENTE_WINDOW (window);
}

static void
entente_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (ENTENTE_APPLICATION (app))));
}

/* The window for a file opened from outside Entente: the one that
 * already shows it, so that opening a file twice does not show it
 * twice; or else one with nothing in it; or else a new one, so that
 * whatever a reader has open stays as they left it. */
static EntenteWindow *
window_for_file (EntenteApplication *self,
                 GFile              *file,
                 gboolean           *has_file)
{
  EntenteWindow *empty = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (!ENTENTE_IS_WINDOW (l->data))
        continue;
      if (entente_window_has_file (l->data, file))
        {
          *has_file = TRUE;
          return l->data;
        }
      if (empty == NULL && entente_window_is_empty (l->data))
        empty = l->data;
    }
  *has_file = FALSE;
  return empty != NULL ? empty : entente_window_new (self);
}

static void
entente_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  /* One dataset per window, and a window for each file. */
  for (int i = 0; i < n_files; i++)
    {
      gboolean has_file;
      EntenteWindow *window = window_for_file (ENTENTE_APPLICATION (app), files[i], &has_file);

      if (!has_file)
        entente_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static int
entente_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("entente %s\n", PACKAGE_VERSION);
      return 0;
    }
  /* Entente running already opens the window; otherwise this process
   * becomes Entente, and its first window is the new one. */
  if (g_variant_dict_contains (options, "new-window"))
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        {
          GDBusConnection *bus = g_application_get_dbus_connection (app);

          g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
          /* The request is sent before this process ends. */
          if (bus != NULL)
            g_dbus_connection_flush_sync (bus, NULL, NULL);
          return 0;
        }
    }
  return -1;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "Entente contributors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Entente"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Entente contributors"),
                         "developers", developers,
                         "comments", _("The history of relations between states, "
                                       "drawn as a timeline and backed by its sources"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

void
entente_show_help (GtkWindow  *parent,
                   const char *page)
{
  g_autofree char *uri = page != NULL ? g_strconcat ("help:entente/", page, NULL)
                                      : g_strdup ("help:entente");

  /* The help viewer is a separate package, which a system may lack. */
  entente_show_uri (parent, uri, _("Help Unavailable"),
                    _("Installing GNOME's Help application (yelp) provides a viewer for it."));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  entente_show_help (gtk_application_get_active_window (GTK_APPLICATION (user_data)), NULL);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (entente_window_new (ENTENTE_APPLICATION (user_data))));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
entente_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { "new-window", new_window_action },
    { "help", help_action },
    { "about", about_action },
    { "quit", quit_action },
  };

  G_APPLICATION_CLASS (entente_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window",
                                         (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help",
                                         (const char *[]) { "F1", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
}

static void
entente_application_class_init (EntenteApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = entente_application_activate;
  app_class->open = entente_application_open;
  app_class->startup = entente_application_startup;
  app_class->handle_local_options = entente_application_handle_local_options;
}

static void
entente_application_init (EntenteApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { "new-window", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open a new window"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  /* Listed for --help; main() handles them before the application runs. */
  g_application_add_main_option_entries (G_APPLICATION (self), entente_cli_get_option_entries ());
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
}
