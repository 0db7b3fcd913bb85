/* entente-cli.c: the command-line uses that need no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>

#include "entente-cli.h"
#include "entente-dataset.h"
#include "entente-export.h"
#include "entente-layout.h"

enum {
  EXIT_OK = 0,
  EXIT_INVALID = 1,
  EXIT_USAGE = 2,
};

typedef struct {
  gboolean check;
  char    *sources_dir;
  char    *export_path;
  char    *from;
  char    *to;
  int      width;   /* NOT_GIVEN unless given */
  int      height;
  double   scale;   /* SCALE_NOT_GIVEN unless given */
  char    *theme;
  gboolean high_contrast;
  char   **files;
} Options;

/* What --width, --height and --scale hold when absent: values no one
 * types, so that any value given, 0 included, is checked as given. */
#define NOT_GIVEN       G_MININT
#define SCALE_NOT_GIVEN (-G_MAXDOUBLE)

static void
options_clear (Options *options)
{
  g_free (options->sources_dir);
  g_free (options->export_path);
  g_free (options->from);
  g_free (options->to);
  g_free (options->theme);
  g_strfreev (options->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* One table for both uses: with arg_data filled in for parsing here, and
 * with it NULL for the application's --help. */
#define BATCH_ENTRIES(check, sources_dir, export_path, from, to, width, height, scale, theme, high_contrast) \
  { "check", 0, 0, G_OPTION_ARG_NONE, check,                                   \
    N_("Validate dataset files (the bundled one when none is given) and exit"), NULL }, \
  { "sources-dir", 0, 0, G_OPTION_ARG_FILENAME, sources_dir,                     \
    N_("With --check, also verify every excerpt against the source texts in DIR"), N_("DIR") }, \
  { "export", 0, 0, G_OPTION_ARG_FILENAME, export_path,                          \
    N_("Draw the chart to OUT (.png, .svg or .pdf) and exit"), N_("OUT") },      \
  { "from", 0, 0, G_OPTION_ARG_STRING, from,                                    \
    N_("With --export, the first date shown (EDTF, e.g. 1945 or 1950-02)"), N_("DATE") }, \
  { "to", 0, 0, G_OPTION_ARG_STRING, to,                                        \
    N_("With --export, the last date shown"), N_("DATE") },                     \
  { "width", 0, 0, G_OPTION_ARG_INT, width,                                     \
    N_("With --export, the width in pixels (default 1600)"), N_("PX") },        \
  { "height", 0, 0, G_OPTION_ARG_INT, height,                                   \
    N_("With --export, the height in pixels (default 900)"), N_("PX") },        \
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, scale,                                  \
    N_("With --export, device pixels per pixel for PNG (default 1)"), N_("N") }, \
  { "theme", 0, 0, G_OPTION_ARG_STRING, theme,                                  \
    N_("With --export, “light” (default) or “dark”"), N_("THEME") },            \
  { "high-contrast", 0, 0, G_OPTION_ARG_NONE, high_contrast,                    \
    N_("With --export, draw with higher contrast, as the window does when the system asks for it"), NULL }

const GOptionEntry *
entente_cli_get_option_entries (void)
{
  static const GOptionEntry entries[] = {
    BATCH_ENTRIES (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    { NULL }
  };

  return entries;
}

gboolean
entente_cli_wants_batch_mode (int    argc,
                              char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "--check") ||
          g_str_equal (argv[i], "--export") ||
          g_str_has_prefix (argv[i], "--export="))
        return TRUE;
    }
  return FALSE;
}

static void
print_problems (GPtrArray    *problems,
                const GError *error)
{
  if (problems == NULL)
    {
      g_printerr ("%s\n", error->message);
      return;
    }
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = entente_problem_to_string (g_ptr_array_index (problems, i));

      g_printerr ("%s\n", line);
    }
}

static EntenteDataset *
load (const char  *file,
      GPtrArray  **problems,
      GError     **error)
{
  if (file == NULL)
    return entente_dataset_new_bundled (error);
  return entente_dataset_new_from_file (file, problems, error);
}

static gboolean
check_one (const char *file,
           const char *sources_dir)
{
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  dataset = load (file, &problems, &error);
  if (dataset == NULL)
    {
      print_problems (problems, error);
      return FALSE;
    }

  if (sources_dir != NULL &&
      !entente_dataset_verify_excerpts (dataset, sources_dir, &problems, &error))
    {
      print_problems (problems, error);
      return FALSE;
    }

  /* TRANSLATORS: a dataset passed the check: "china-russia.json: ok (120
   * events, 14 periods, 5 sources)"; the last %s is empty or
   * ", every excerpt found in its source" */
  g_print (_("%s: ok (%u events, %u periods, %u sources%s)\n"),
           entente_dataset_get_display_name (dataset),
           entente_dataset_get_n_events (dataset),
           entente_dataset_get_n_periods (dataset),
           entente_dataset_get_n_sources (dataset),
           sources_dir != NULL ? _(", every excerpt found in its source") : "");
  return TRUE;
}

static int
run_check (const Options *options)
{
  gboolean all_ok = TRUE;

  if (options->files == NULL || options->files[0] == NULL)
    return check_one (NULL, options->sources_dir) ? EXIT_OK : EXIT_INVALID;

  for (guint i = 0; options->files[i] != NULL; i++)
    all_ok &= check_one (options->files[i], options->sources_dir);
  return all_ok ? EXIT_OK : EXIT_INVALID;
}

static gboolean
parse_day (const char  *option,
           const char  *text,
           gboolean     end,
           gint64      *day)
{
  g_autoptr(GError) error = NULL;
  EntenteDate date;

  if (!entente_date_parse (text, &date, &error))
    {
      g_printerr ("%s: %s\n", option, error->message);
      return FALSE;
    }
  *day = end ? entente_date_end_day (&date) : entente_date_start_day (&date);
  return TRUE;
}

static int
run_export (const Options *options)
{
  g_autoptr(EntenteDataset) dataset = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  EntenteExportOptions export;
  const char *file = NULL;

  if (options->files != NULL && options->files[0] != NULL)
    {
      if (options->files[1] != NULL)
        {
          g_printerr (_("%s: --export draws one dataset; %u were given\n"),
                      options->export_path, g_strv_length (options->files));
          return EXIT_USAGE;
        }
      file = options->files[0];
    }

  entente_export_options_init (&export);
  if (options->width != NOT_GIVEN)
    export.width = options->width;
  if (options->height != NOT_GIVEN)
    export.height = options->height;
  if (options->scale != SCALE_NOT_GIVEN)
    export.scale = options->scale;
  export.high_contrast = options->high_contrast;
  if (options->theme != NULL)
    {
      if (g_str_equal (options->theme, "dark"))
        export.dark = TRUE;
      else if (!g_str_equal (options->theme, "light"))
        {
          /* TRANSLATORS: “light” and “dark” are values of --theme: keep them */
          g_printerr (_("%s: unknown theme “%s”: expected “light” or “dark”\n"),
                      options->export_path, options->theme);
          return EXIT_USAGE;
        }
    }

  dataset = load (file, &problems, &error);
  if (dataset == NULL)
    {
      print_problems (problems, error);
      return EXIT_INVALID;
    }

  if (options->from != NULL || options->to != NULL)
    {
      gint64 first = 0, end = 0;
      double whole_from, whole_to;

      /* An open end is where the whole-range view would put it. */
      entente_layout_default_range (dataset, &whole_from, &whole_to);
      first = (gint64) floor (whole_from);
      end = (gint64) ceil (whole_to);
      if ((options->from != NULL && !parse_day ("--from", options->from, FALSE, &first)) ||
          (options->to != NULL && !parse_day ("--to", options->to, TRUE, &end)))
        return EXIT_USAGE;
      export.has_range = TRUE;
      export.from_day = first;
      export.to_day = end;
    }

  if (!entente_export_to_file (dataset, &export, options->export_path, &error))
    {
      g_printerr ("%s\n", error->message);
      /* A format, size or range the export refuses came from the command
       * line, as a date it could not read does; a file it could not write
       * did not. */
      if (g_error_matches (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_FORMAT) ||
          g_error_matches (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_SIZE) ||
          g_error_matches (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_RANGE))
        return EXIT_USAGE;
      return EXIT_INVALID;
    }
  return EXIT_OK;
}

int
entente_cli_run (int    argc,
                 char **argv)
{
  g_auto(Options) options = { .width = NOT_GIVEN, .height = NOT_GIVEN, .scale = SCALE_NOT_GIVEN };
  const GOptionEntry entries[] = {
    BATCH_ENTRIES (&options.check, &options.sources_dir, &options.export_path,
                   &options.from, &options.to, &options.width, &options.height,
                   &options.scale, &options.theme, &options.high_contrast),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;

  context = g_option_context_new (_("[FILE…]"));
  g_option_context_set_summary (context,
                                _("Validate datasets or export charts without a display."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  /* g_option_context_parse_strv takes UTF-8 on every platform. */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("entente: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (options.check && options.export_path != NULL)
    {
      g_printerr (_("entente: --check and --export cannot be combined\n"));
      return EXIT_USAGE;
    }
  if (options.check)
    return run_check (&options);
  return run_export (&options);
}
