/* test-export.c: PNG, SVG and PDF files, and nothing left behind on failure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* setrlimit() and SIGXFSZ */
#define _XOPEN_SOURCE 700

#include <cairo.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "entente-export.h"
#include "entente-layout.h"
#include "entente-render.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

typedef struct {
  EntenteDataset *dataset;
  char           *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dataset = entente_dataset_new_bundled (&error);
  g_assert_no_error (error);
  fixture->dir = g_dir_make_tmp ("entente-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_chmod (path, 0700);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->dataset);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in a directory, sorted, joined by spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static gboolean
run (const char * const *argv,
     char              **out)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, out, NULL, &status, &error))
    {
      /* The tools are test dependencies: missing, the test cannot pass. */
      g_test_fail_printf ("%s: %s (install librsvg2-bin and poppler-utils)", argv[0], error->message);
      return FALSE;
    }
  return g_spawn_check_wait_status (status, NULL);
}

static void
export_ok (Fixture                    *fixture,
           const EntenteExportOptions *options,
           const char                 *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (entente_export_to_file (fixture->dataset, options, path, &error));
  g_assert_no_error (error);
}

/* Formats */

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static void
check_png (const char *path,
           guint32     width,
           guint32     height,
           gboolean    dark)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(cairo_surface_t) image = NULL;
  const guint8 *data;
  guint32 corner;
  double brightness;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 33);
  g_assert_cmpmem (contents, sizeof signature, signature, sizeof signature);
  g_assert_cmpmem (contents + 12, 4, "IHDR", 4);
  g_assert_cmpuint (read_be32 ((const guint8 *) contents + 16), ==, width);
  g_assert_cmpuint (read_be32 ((const guint8 *) contents + 20), ==, height);

  /* And it decodes, with the theme's background. */
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, width);
  data = cairo_image_surface_get_data (image);
  corner = *(const guint32 *) (gconstpointer) data;
  brightness = (((corner >> 16) & 0xff) + ((corner >> 8) & 0xff) + (corner & 0xff)) / 3.0;
  g_assert_cmpuint (corner >> 24, ==, 0xff);
  if (dark)
    g_assert_cmpfloat (brightness, <, 64);
  else
    g_assert_cmpfloat (brightness, >, 192);
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *light = g_build_filename (fixture->dir, "light.png", NULL);
  g_autofree char *dark = g_build_filename (fixture->dir, "dark.PNG", NULL);
  g_autofree char *hidpi = g_build_filename (fixture->dir, "hidpi.png", NULL);
  g_autofree char *listing = NULL;
  EntenteExportOptions options;

  entente_export_options_init (&options);
  g_assert_cmpint (options.width, ==, 1600);
  g_assert_cmpint (options.height, ==, 900);
  g_assert_cmpfloat (options.scale, ==, 1);
  g_assert_cmpint (options.selected_event, ==, -1);

  export_ok (fixture, &options, light);
  check_png (light, 1600, 900, FALSE);

  options.dark = TRUE;
  options.width = 640;
  options.height = 480;
  export_ok (fixture, &options, dark);
  check_png (dark, 640, 480, TRUE);

  options.scale = 2;
  options.selected_event = 3;
  export_ok (fixture, &options, hidpi);
  check_png (hidpi, 1280, 960, TRUE);

  /* Nothing but the files asked for. */
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "dark.PNG hidpi.png light.png");
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chart.svg", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "from-svg.png", NULL);
  g_autofree char *contents = NULL;
  const char *argv[] = { "rsvg-convert", "--format=png", "--output", png, path, NULL };
  EntenteExportOptions options;

  entente_export_options_init (&options);
  options.has_range = TRUE;
  options.from_day = entente_days_from_civil (1945, 1, 1);
  options.to_day = entente_days_from_civil (1970, 1, 1);
  export_ok (fixture, &options, path);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  /* Points: one for each logical pixel. */
  g_assert_nonnull (strstr (contents, "width=\"1600pt\""));
  g_assert_nonnull (strstr (contents, "height=\"900pt\""));

  if (!run (argv, NULL))
    g_test_fail_printf ("rsvg-convert could not render %s", path);
  else
    {
      g_autoptr(cairo_surface_t) image = cairo_image_surface_create_from_png (png);

      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), >=, 1600);
    }
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chart.pdf", NULL);
  g_autofree char *info = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  EntenteExportOptions options;

  entente_export_options_init (&options);
  options.dark = TRUE;
  options.width = 1000;
  options.height = 700;
  export_ok (fixture, &options, path);

  if (!run (argv, &info))
    g_test_fail_printf ("pdfinfo could not read %s", path);
  else
    {
      g_assert_true (g_regex_match_simple ("^Pages: +1$", info, G_REGEX_MULTILINE, 0));
      g_assert_true (g_regex_match_simple ("^Page size: +1000 x 700 pts$", info, G_REGEX_MULTILINE, 0));
      g_assert_true (g_regex_match_simple ("^Title: +China and Russia", info, G_REGEX_MULTILINE, 0));
    }
}

/* An export replaces what was there, whole. */
static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chart.png", NULL);
  g_autofree char *listing = NULL;
  EntenteExportOptions options;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  entente_export_options_init (&options);
  options.width = 300;
  options.height = 200;
  export_ok (fixture, &options, path);
  check_png (path, 300, 200, FALSE);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "chart.png");
}

/* Failures */

typedef enum {
  TARGET_IN_DIR,        /* name is a file name in the fixture's directory */
  TARGET_UNDER_FILE,    /* the parent is a regular file */
  TARGET_MISSING_DIR,
  TARGET_DIRECTORY,     /* the target itself is a directory */
  TARGET_READ_ONLY_DIR,
  TARGET_ABSOLUTE,      /* name is the whole path */
} Target;

typedef struct {
  const char        *test;
  Target             target;
  const char        *name;
  EntenteExportError code;
  const char        *reason;   /* a part of the message after the path */
  int                width;    /* 0: default */
  int                height;
  double             scale;
  gboolean           has_range;
  int                from_year;
  int                to_year;
  int                selected;
  int                selected_period;
} Failure;

static const Failure failures[] = {
  { "unknown-extension", TARGET_IN_DIR, "chart.gif", ENTENTE_EXPORT_ERROR_FORMAT, "“.gif”" },
  { "no-extension", TARGET_IN_DIR, "chart", ENTENTE_EXPORT_ERROR_FORMAT, "No file type" },
  { "dot-only", TARGET_IN_DIR, ".png", ENTENTE_EXPORT_ERROR_FORMAT, "No file type" },
  { "parent-is-file", TARGET_UNDER_FILE, "chart.png", ENTENTE_EXPORT_ERROR_WRITE, "Not a directory" },
  { "missing-dir", TARGET_MISSING_DIR, "chart.svg", ENTENTE_EXPORT_ERROR_WRITE, "No such file or directory" },
  { "target-is-dir", TARGET_DIRECTORY, "chart.pdf", ENTENTE_EXPORT_ERROR_WRITE, "Is a directory" },
  { "read-only-dir", TARGET_READ_ONLY_DIR, "chart.png", ENTENTE_EXPORT_ERROR_WRITE, "Cannot write" },
  { "device", TARGET_ABSOLUTE, "/dev/full", ENTENTE_EXPORT_ERROR_FORMAT, "No file type" },
  { "empty-range", TARGET_IN_DIR, "chart.png", ENTENTE_EXPORT_ERROR_RANGE, "empty", 0, 0, 0, TRUE, 1950, 1950 },
  { "reversed-range", TARGET_IN_DIR, "chart.svg", ENTENTE_EXPORT_ERROR_RANGE, "empty", 0, 0, 0, TRUE, 1970, 1950 },
  { "range-too-far", TARGET_IN_DIR, "chart.pdf", ENTENTE_EXPORT_ERROR_RANGE, "beyond", 0, 0, 0, TRUE, -12000, 1950 },
  { "too-narrow", TARGET_IN_DIR, "chart.png", ENTENTE_EXPORT_ERROR_SIZE, "width", 15 },
  { "too-wide", TARGET_IN_DIR, "chart.png", ENTENTE_EXPORT_ERROR_SIZE, "width", 16385 },
  { "zero-height", TARGET_IN_DIR, "chart.pdf", ENTENTE_EXPORT_ERROR_SIZE, "height", 0, -1 },
  { "tall", TARGET_IN_DIR, "chart.svg", ENTENTE_EXPORT_ERROR_SIZE, "height", 0, 20000 },
  { "small-scale", TARGET_IN_DIR, "chart.png", ENTENTE_EXPORT_ERROR_SIZE, "scale", 0, 0, 0.25 },
  { "large-scale", TARGET_IN_DIR, "chart.png", ENTENTE_EXPORT_ERROR_SIZE, "scale", 0, 0, 9 },
  { "nan-scale", TARGET_IN_DIR, "chart.png", ENTENTE_EXPORT_ERROR_SIZE, "scale", 0, 0, NAN },
  { "too-many-pixels", TARGET_IN_DIR, "chart.png", ENTENTE_EXPORT_ERROR_SIZE, "too large", 16384, 16384 },
  { "no-such-event", TARGET_IN_DIR, "chart.png", ENTENTE_EXPORT_ERROR_RANGE, "event", 0, 0, 0, FALSE, 0, 0, 100000 },
  { "no-such-period", TARGET_IN_DIR, "chart.svg", ENTENTE_EXPORT_ERROR_RANGE, "period", 0, 0, 0, FALSE, 0, 0, 0, 5000 },
};

static void
test_failure (Fixture       *fixture,
              gconstpointer  data)
{
  const Failure *failure = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  EntenteExportOptions options;
  GStatBuf st;

  switch (failure->target)
    {
    case TARGET_IN_DIR:
      path = g_build_filename (fixture->dir, failure->name, NULL);
      break;
    case TARGET_UNDER_FILE:
      {
        g_autofree char *file = g_build_filename (fixture->dir, "a-file", NULL);

        g_assert_true (g_file_set_contents (file, "x", -1, NULL));
        path = g_build_filename (file, failure->name, NULL);
      }
      break;
    case TARGET_MISSING_DIR:
      path = g_build_filename (fixture->dir, "missing", failure->name, NULL);
      break;
    case TARGET_DIRECTORY:
      path = g_build_filename (fixture->dir, failure->name, NULL);
      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      break;
    case TARGET_READ_ONLY_DIR:
      {
        g_autofree char *dir = g_build_filename (fixture->dir, "read-only", NULL);

        /* Permissions do not stop root: /proc takes no new files from
         * anyone. */
        if (geteuid () == 0)
          path = g_build_filename ("/proc", failure->name, NULL);
        else
          {
            g_assert_cmpint (g_mkdir (dir, 0500), ==, 0);
            path = g_build_filename (dir, failure->name, NULL);
          }
      }
      break;
    case TARGET_ABSOLUTE:
    default:
      path = g_strdup (failure->name);
      break;
    }

  entente_export_options_init (&options);
  if (failure->width != 0)
    options.width = failure->width;
  if (failure->height != 0)
    options.height = MAX (failure->height, 0);
  if (failure->scale != 0)
    options.scale = failure->scale;
  if (failure->has_range)
    {
      options.has_range = TRUE;
      options.from_day = entente_days_from_civil (failure->from_year, 1, 1);
      options.to_day = entente_days_from_civil (failure->to_year, 1, 1);
    }
  if (failure->selected != 0)
    options.selected_event = failure->selected;
  if (failure->selected_period != 0)
    options.selected_period = failure->selected_period;

  before = list_dir (fixture->dir);
  g_assert_false (entente_export_to_file (fixture->dataset, &options, path, &error));
  g_assert_error (error, ENTENTE_EXPORT_ERROR, (int) failure->code);

  /* The message starts with the path and says why. */
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message + strlen (path), failure->reason));

  /* Nothing new: no file, no temporary file. */
  after = list_dir (fixture->dir);
  g_assert_cmpstr (after, ==, before);
  if (failure->target == TARGET_DIRECTORY)
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  else if (failure->target != TARGET_ABSOLUTE)
    g_assert_cmpint (g_lstat (path, &st), !=, 0);
}

/* A device as the target: never written to, never replaced. */
static void
test_device (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  EntenteExportOptions options;
  GStatBuf st;

  if (g_stat ("/dev/full", &st) != 0 || !S_ISCHR (st.st_mode))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  /* Under a name the exporter would accept, through a link. */
  {
    g_autofree char *link = g_build_filename (fixture->dir, "full.png", NULL);

    g_autoptr(GFile) file = g_file_new_for_path (link);

    g_assert_true (g_file_make_symbolic_link (file, "/dev/full", NULL, NULL));
    entente_export_options_init (&options);
    g_assert_false (entente_export_to_file (fixture->dataset, &options, link, &error));
    g_assert_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_WRITE);
    g_assert_true (g_str_has_prefix (error->message, link));
    g_assert_nonnull (strstr (error->message, "Not a regular file"));
    g_assert_cmpint (g_lstat (link, &st), ==, 0);
    g_assert_true (S_ISLNK (st.st_mode));
  }
  g_assert_cmpint (g_stat ("/dev/full", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
}

/* The disk fills up halfway through: every write is checked, the
 * temporary file goes, and the old file stays as it was. */
static void
test_write_failure (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 4096, 4096 };
  static const char *names[] = { "chart.png", "chart.svg", "chart.pdf" };

  if (!g_test_subprocess ())
    {
      /* The limit below must not outlive the test. */
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  path = g_build_filename (fixture->dir, names[0], NULL);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  /* Files may not grow past 4 KiB: writes fail with EFBIG. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *target = g_build_filename (fixture->dir, names[i], NULL);
      EntenteExportOptions options;

      g_clear_error (&error);
      entente_export_options_init (&options);
      g_assert_false (entente_export_to_file (fixture->dataset, &options, target, &error));
      g_assert_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_WRITE);
      g_assert_true (g_str_has_prefix (error->message, target));
      g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
    }

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "chart.png");
}

/* An export draws what the window shows for the same options: the
 * categories it hides, the matches of its search, and a selected event
 * that a cluster would hold given a place of its own, with its label. */
static void
test_as_shown (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "shown.png", NULL);
  g_autoptr(EntenteStyle) style = entente_style_new (FALSE);
  guint n_events = entente_dataset_get_n_events (fixture->dataset);
  guint n_categories = entente_dataset_get_n_categories (fixture->dataset);
  g_autofree gboolean *matches = g_new0 (gboolean, n_events);
  g_autofree gboolean *hidden = g_new0 (gboolean, MAX (n_categories, 1));
  EntenteViewport viewport = { 0, 0, 1200, 800, 1 };
  EntenteLayoutOptions layout_options = { 0, };
  g_autoptr(EntenteLayout) plain = NULL;
  g_autoptr(EntenteLayout) shown = NULL;
  g_autoptr(cairo_surface_t) expected = NULL;
  g_autoptr(cairo_surface_t) exported = NULL;
  EntenteExportOptions options;
  EntenteRenderState state;
  int selected = -1;
  guint differing = 0;
  cairo_t *cr;

  entente_layout_default_range (fixture->dataset, &viewport.from_day, &viewport.to_day);
  plain = entente_layout_new (fixture->dataset, &viewport, style, NULL);
  for (guint i = 0; i < n_events && selected < 0; i++)
    if (entente_layout_find_event (plain, i, NULL) == ENTENTE_PLACED_CLUSTER)
      selected = (int) i;
  g_assert_cmpint (selected, >=, 0);
  for (guint i = 0; i < n_events; i++)
    matches[i] = i % 3 == 0 || (int) i == selected;
  hidden[(entente_dataset_get_event (fixture->dataset, selected)->category + 1) % n_categories] = TRUE;

  entente_export_options_init (&options);
  options.width = viewport.width;
  options.height = viewport.height;
  options.selected_event = selected;
  options.hidden_categories = hidden;
  options.matches = matches;
  export_ok (fixture, &options, path);

  /* The window's way: laid out for the selection, drawn with the search. */
  layout_options.hidden_categories = hidden;
  layout_options.matches = matches;
  shown = entente_layout_new_for_selection (fixture->dataset, &viewport, style, &layout_options, selected);
  g_assert_nonnull (entente_layout_find_labelled (shown, selected));
  expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, viewport.width, viewport.height);
  cr = cairo_create (expected);
  entente_render_state_init (&state);
  state.selected_event = selected;
  state.matches = matches;
  entente_render_draw (shown, style, &state, cr);
  cairo_destroy (cr);
  cairo_surface_flush (expected);

  exported = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (exported), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < viewport.height; y++)
    {
      const guint32 *a = (const guint32 *) (gconstpointer) (cairo_image_surface_get_data (expected) +
                                                             y * cairo_image_surface_get_stride (expected));
      const guint32 *b = (const guint32 *) (gconstpointer) (cairo_image_surface_get_data (exported) +
                                                             y * cairo_image_surface_get_stride (exported));

      for (int x = 0; x < viewport.width; x++)
        differing += a[x] != b[x];
    }
  g_assert_cmpuint (differing, ==, 0);
}

/* In memory, the chart is the image a PNG export writes; options it
 * cannot draw are refused with the reason, naming the chart by its
 * title. */
static void
test_to_image (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image, *written;
  EntenteExportOptions options;

  entente_export_options_init (&options);
  options.width = 500;
  options.height = 300;
  options.scale = 1.5;
  options.dark = TRUE;
  image = entente_export_to_image (fixture->dataset, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (image);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 750);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 450);
  export_ok (fixture, &options, path);
  written = cairo_image_surface_create_from_png (path);
  cairo_surface_flush (written);
  for (int y = 0; y < 450; y++)
    g_assert_cmpmem (cairo_image_surface_get_data (image) + y * cairo_image_surface_get_stride (image), 750 * 4,
                     cairo_image_surface_get_data (written) + y * cairo_image_surface_get_stride (written), 750 * 4);
  cairo_surface_destroy (written);
  cairo_surface_destroy (image);

  options.width = 10;
  g_assert_null (entente_export_to_image (fixture->dataset, &options, &error));
  g_assert_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_SIZE);
  g_assert_true (g_str_has_prefix (error->message, entente_dataset_get_title (fixture->dataset)));
}

static void
test_format_from_path (void)
{
  EntenteExportFormat format;
  g_autoptr(GError) error = NULL;

  g_assert_true (entente_export_format_from_path ("a.png", &format, NULL));
  g_assert_cmpint (format, ==, ENTENTE_EXPORT_PNG);
  g_assert_true (entente_export_format_from_path ("/x/y/A.SvG", &format, NULL));
  g_assert_cmpint (format, ==, ENTENTE_EXPORT_SVG);
  g_assert_true (entente_export_format_from_path ("dir.png/b.pdf", &format, NULL));
  g_assert_cmpint (format, ==, ENTENTE_EXPORT_PDF);
  g_assert_false (entente_export_format_from_path ("dir.png/b", &format, &error));
  g_assert_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_FORMAT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/format-from-path", test_format_from_path);
  g_test_add ("/export/png", Fixture, NULL, fixture_set_up, test_png, fixture_tear_down);
  g_test_add ("/export/svg", Fixture, NULL, fixture_set_up, test_svg, fixture_tear_down);
  g_test_add ("/export/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/export/replace", Fixture, NULL, fixture_set_up, test_replace, fixture_tear_down);
  g_test_add ("/export/device", Fixture, NULL, fixture_set_up, test_device, fixture_tear_down);
  g_test_add ("/export/write-failure", Fixture, NULL, fixture_set_up, test_write_failure, fixture_tear_down);
  g_test_add ("/export/as-shown", Fixture, NULL, fixture_set_up, test_as_shown, fixture_tear_down);
  g_test_add ("/export/to-image", Fixture, NULL, fixture_set_up, test_to_image, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autofree char *name = g_strdup_printf ("/export/failure/%s", failures[i].test);

      g_test_add (name, Fixture, &failures[i], fixture_set_up, test_failure, fixture_tear_down);
    }

  return g_test_run ();
}
