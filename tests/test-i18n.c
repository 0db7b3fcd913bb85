/* test-i18n.c: the window speaks the user's language
 *
 * Run with LANGUAGE=ru or LANGUAGE=zh_CN and ENTENTE_LOCALEDIR pointing at
 * the catalogues compiled into the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "entente-application.h"
#include "entente-window.h"

typedef struct {
  const char *language;
  /* The labels of the primary menu, in order, as the catalogue has them. */
  const char *menu[14];
  const char *menu_tooltip;
} Expected;

static const Expected expectations[] = {
  { "ru",
    { "Но_вое окно", "_Открыть…", "Открыть _недавние", "Сохр_анить копию…", "_Экспорт…", "_Печать…", "_Копировать диаграмму", "Перейти к _дате…", "Показать всю _шкалу", "Все _источники",
      "_Сочетания клавиш", "Сп_равка", "О про_грамме Entente", NULL },
    "Главное меню" },
  { "zh_CN",
    { "新建窗口(_N)", "打开(_O)…", "最近打开(_R)", "保存副本(_S)…", "导出(_E)…", "打印(_P)…", "复制图表(_C)", "转到日期(_G)…", "显示完整时间线(_F)", "全部来源(_L)",
      "键盘快捷键(_K)", "帮助(_H)", "关于 Entente(_A)", NULL },
    "主菜单" },
};

static EntenteApplication *app;
static const Expected *expected;

static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The labels of a menu's items, sections included; a submenu gives its
 * own label but not its contents (the recent files, which are paths). */
static void
collect_labels (GMenuModel *model,
                GPtrArray  *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = NULL;
      char *label = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_ptr_array_add (labels, label);
      section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      if (section != NULL)
        collect_labels (section, labels);
    }
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* The letter after a label's underscore, lower-cased, or 0. */
static gunichar
mnemonic (const char *label)
{
  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    if (*p == '_')
      {
        if (p[1] != '_')
          return g_unichar_tolower (g_utf8_get_char (p + 1));
        p++;
      }
  return 0;
}

static void
test_primary_menu (void)
{
  EntenteWindow *window = entente_window_new (app);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GtkMenuButton *button;
  GMenuModel *menu;
  guint n_expected = 0;

  button = find_primary_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, expected->menu_tooltip);

  collect_labels (menu, labels);
  while (expected->menu[n_expected] != NULL)
    n_expected++;
  for (guint i = 0; i < labels->len; i++)
    g_test_message ("menu item %u: %s", i, (const char *) g_ptr_array_index (labels, i));
  g_assert_cmpuint (labels->len, ==, n_expected);
  for (guint i = 0; i < labels->len; i++)
    g_assert_cmpstr (g_ptr_array_index (labels, i), ==, expected->menu[i]);

  /* Alt and a letter picks one item of the open menu: no two share it. */
  for (guint i = 0; i < labels->len; i++)
    for (guint j = i + 1; j < labels->len; j++)
      {
        gunichar a = mnemonic (g_ptr_array_index (labels, i));
        gunichar b = mnemonic (g_ptr_array_index (labels, j));

        g_assert_true (a != 0 && b != 0);
        if (a == b)
          g_error ("“%s” and “%s” share a mnemonic", (char *) g_ptr_array_index (labels, i),
                   (char *) g_ptr_array_index (labels, j));
      }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every visible label and tooltip of the window comes from the catalogue:
 * in these languages, none is plain ASCII except names and numbers. */
static void
check_texts (GtkWidget *widget,
             guint     *n_checked)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (tooltip != NULL && gtk_widget_get_visible (widget))
    {
      g_test_message ("tooltip: %s", tooltip);
      g_assert_false (is_ascii (tooltip));
      (*n_checked)++;
    }
  if (ADW_IS_STATUS_PAGE (widget))
    {
      const char *title = adw_status_page_get_title (ADW_STATUS_PAGE (widget));

      if (title != NULL && *title != '\0')
        {
          g_test_message ("status page: %s", title);
          g_assert_false (is_ascii (title));
          (*n_checked)++;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_texts (child, n_checked);
}

static void
test_window_texts (void)
{
  EntenteWindow *window = entente_window_new (app);
  guint n_checked = 0;

  check_texts (GTK_WIDGET (window), &n_checked);
  /* Open, export, menu, panel and search at least. */
  g_assert_cmpuint (n_checked, >=, 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  const char *language = g_getenv ("LANGUAGE");
  const char *localedir = g_getenv ("ENTENTE_LOCALEDIR");

  /* As main() does, with the catalogues of the build directory. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Without a display there is nothing to test: say so with meson's
   * "skipped" status. The README's test command provides one. */
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_strcmp0 (language, expectations[i].language) == 0)
      expected = &expectations[i];
  if (expected == NULL)
    g_error ("LANGUAGE is “%s”: run this test with LANGUAGE=ru or LANGUAGE=zh_CN",
             language ? language : "");

  app = entente_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/i18n/primary-menu", test_primary_menu);
  g_test_add_func ("/i18n/window-texts", test_window_texts);

  return g_test_run ();
}
