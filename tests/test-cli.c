/* test-cli.c: entente --check and friends, run as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs entente with no display, as batch use must work without one. */
static void
run_entente (Run        *run,
             const char *first_arg,
             ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("ENTENTE_BIN"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static char *
data_path (const char *first,
           ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (parts, (char *) g_getenv ("G_TEST_SRCDIR"));
  g_ptr_array_add (parts, (char *) "data");
  va_start (args, first);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static void
test_check_valid (void)
{
  g_autofree char *full = data_path ("valid", "full.json", NULL);
  g_autofree char *minimal = data_path ("valid", "minimal.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: ok (8 events, 2 periods, 2 sources)\n"
                                               "%s: ok (0 events, 0 periods, 0 sources)\n",
                                               full, minimal);
  g_auto(Run) run = { 0 };

  run_entente (&run, "--check", full, minimal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_check_invalid (void)
{
  g_autofree char *full = data_path ("valid", "full.json", NULL);
  g_autofree char *bad = data_path ("invalid", "impossible-day.json", NULL);
  g_autofree char *expected_err = g_strdup_printf ("%s: events[0].date: day 30 in “1969-02-30” does "
                                                   "not exist: February 1969 has 28 days\n", bad);
  g_auto(Run) run = { 0 };

  /* One bad file among good ones fails the whole run but checks them all. */
  run_entente (&run, "--check", bad, full, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected_err);
  g_assert_true (g_str_has_suffix (run.out, "ok (8 events, 2 periods, 2 sources)\n"));
}

static void
test_check_syntax_line (void)
{
  g_autofree char *bad = data_path ("invalid", "not-json.json", NULL);
  g_autofree char *prefix = g_strdup_printf ("%s:1:", bad);
  g_auto(Run) run = { 0 };

  run_entente (&run, "--check", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, prefix));
}

static void
test_check_bundled (void)
{
  g_auto(Run) run = { 0 };

  run_entente (&run, "--check", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "china-russia.json: ok ("));
}

static void
test_check_sources_dir (void)
{
  g_autofree char *good = data_path ("verify", "quotes.json", NULL);
  g_autofree char *changed = data_path ("verify", "changed-word.json", NULL);
  g_autofree char *dir = data_path ("verify", NULL);
  g_auto(Run) ok = { 0 };
  g_auto(Run) bad = { 0 };

  run_entente (&ok, "--check", "--sources-dir", dir, good, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_nonnull (strstr (ok.out, "every excerpt found in its source"));

  run_entente (&bad, "--check", "--sources-dir", dir, changed, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, ": events[0].excerpts[0].quote: quote does not occur in chronicle.txt"));
}

static void
test_help_and_version (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };

  run_entente (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--check"));
  g_assert_nonnull (strstr (help.out, "--export"));

  run_entente (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "entente "));
}

static void
test_usage_errors (void)
{
  g_auto(Run) both = { 0 };
  g_auto(Run) unknown = { 0 };

  run_entente (&both, "--check", "--export", "x.png", NULL);
  g_assert_cmpint (both.status, ==, 2);
  g_assert_nonnull (strstr (both.err, "cannot be combined"));

  run_entente (&unknown, "--check", "--frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "--frobnicate"));
}

/* A PNG's size, from its header. */
static void
check_png_size (const char *contents,
                gsize       length,
                guint32     width,
                guint32     height)
{
  guint32 size[2];

  g_assert_cmpuint (length, >=, 24);
  memcpy (size, contents + 16, sizeof size);
  g_assert_cmpuint (GUINT32_FROM_BE (size[0]), ==, width);
  g_assert_cmpuint (GUINT32_FROM_BE (size[1]), ==, height);
}

static void
test_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-cli-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *bad = g_build_filename (dir, "chart.bmp", NULL);
  g_autofree char *inside_missing = g_build_filename (dir, "no", "such", "dir.png", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  const char *zeros[] = { "--width", "--height", "--scale" };
  g_auto(Run) ok = { 0 };
  g_auto(Run) scaled = { 0 };
  g_auto(Run) range = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) backwards = { 0 };
  g_auto(Run) unreadable = { 0 };
  g_auto(Run) theme = { 0 };

  /* Without a display, as on a server. */
  run_entente (&ok, "--export", png, "--width", "800", "--height", "500", "--theme", "dark", NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  check_png_size (contents, length, 800, 500);
  g_clear_pointer (&contents, g_free);
  g_remove (png);

  /* Device pixels: the chart laid out at 800 × 500, drawn twice as fine. */
  run_entente (&scaled, "--export", png, "--width", "800", "--height", "500", "--scale", "2", NULL);
  g_assert_cmpint (scaled.status, ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  check_png_size (contents, length, 1600, 1000);
  g_remove (png);

  /* In high contrast: the same chart, drawn otherwise. */
  {
    g_autofree char *plain = g_build_filename (dir, "plain.png", NULL);
    g_autofree char *high = g_build_filename (dir, "high.png", NULL);
    g_autofree char *plain_bytes = NULL;
    g_autofree char *high_bytes = NULL;
    gsize plain_length, high_length;
    g_auto(Run) plain_run = { 0 };
    g_auto(Run) high_run = { 0 };

    run_entente (&plain_run, "--export", plain, "--width", "800", "--height", "500", NULL);
    run_entente (&high_run, "--export", high, "--width", "800", "--height", "500", "--high-contrast", NULL);
    g_assert_cmpint (plain_run.status, ==, 0);
    g_assert_cmpint (high_run.status, ==, 0);
    g_assert_true (g_file_get_contents (plain, &plain_bytes, &plain_length, NULL));
    g_assert_true (g_file_get_contents (high, &high_bytes, &high_length, NULL));
    check_png_size (high_bytes, high_length, 800, 500);
    g_assert_false (plain_length == high_length && memcmp (plain_bytes, high_bytes, plain_length) == 0);
    g_remove (plain);
    g_remove (high);
  }

  /* A size or scale of 0 is out of range, as any other would be, not
   * taken for the default. */
  for (guint i = 0; i < G_N_ELEMENTS (zeros); i++)
    {
      g_auto(Run) zero = { 0 };

      run_entente (&zero, "--export", png, zeros[i], "0", NULL);
      g_test_message ("%s 0: %s", zeros[i], zero.err);
      g_assert_cmpint (zero.status, ==, 2);
      g_assert_nonnull (strstr (zero.err, "out of range"));
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    }

  run_entente (&range, "--export", png, "--from", "1945", "--to", "1991-12", NULL);
  g_assert_cmpint (range.status, ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_remove (png);

  /* Failures name the path and leave nothing behind. What the command
   * line asked for wrongly exits with 2, a file not written with 1. */
  run_entente (&unknown, "--export", bad, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, bad));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  run_entente (&missing, "--export", inside_missing, NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, inside_missing));

  run_entente (&backwards, "--export", png, "--from", "1990", "--to", "1950", NULL);
  g_assert_cmpint (backwards.status, ==, 2);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  run_entente (&unreadable, "--export", png, "--from", "19x5", NULL);
  g_assert_cmpint (unreadable.status, ==, 2);
  g_assert_nonnull (strstr (unreadable.err, "--from"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  run_entente (&theme, "--export", png, "--theme", "sepia", NULL);
  g_assert_cmpint (theme.status, ==, 2);
  g_assert_nonnull (strstr (theme.err, "sepia"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check/valid", test_check_valid);
  g_test_add_func ("/cli/check/invalid", test_check_invalid);
  g_test_add_func ("/cli/check/syntax-line", test_check_syntax_line);
  g_test_add_func ("/cli/check/bundled", test_check_bundled);
  g_test_add_func ("/cli/check/sources-dir", test_check_sources_dir);
  g_test_add_func ("/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/export", test_export);

  return g_test_run ();
}
