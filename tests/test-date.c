/* test-date.c: the EDTF parser, the calendar arithmetic and formatting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include "entente-date.h"

typedef struct {
  const char *text;
  int year, month, day;
  EntentePrecision precision;
  EntenteQualifier qualifier;
} ValidDate;

static const ValidDate valid_dates[] = {
  { "1950", 1950, 0, 0, ENTENTE_PRECISION_YEAR, ENTENTE_QUALIFIER_NONE },
  { "1950-02", 1950, 2, 0, ENTENTE_PRECISION_MONTH, ENTENTE_QUALIFIER_NONE },
  { "1950-02-14", 1950, 2, 14, ENTENTE_PRECISION_DAY, ENTENTE_QUALIFIER_NONE },
  { "1689~", 1689, 0, 0, ENTENTE_PRECISION_YEAR, ENTENTE_QUALIFIER_APPROXIMATE },
  { "1958?", 1958, 0, 0, ENTENTE_PRECISION_YEAR, ENTENTE_QUALIFIER_UNCERTAIN },
  { "1960-06%", 1960, 6, 0, ENTENTE_PRECISION_MONTH,
    ENTENTE_QUALIFIER_UNCERTAIN | ENTENTE_QUALIFIER_APPROXIMATE },
  { "-0221", -221, 0, 0, ENTENTE_PRECISION_YEAR, ENTENTE_QUALIFIER_NONE },
  { "-0001-12-31", -1, 12, 31, ENTENTE_PRECISION_DAY, ENTENTE_QUALIFIER_NONE },
  { "0000", 0, 0, 0, ENTENTE_PRECISION_YEAR, ENTENTE_QUALIFIER_NONE },
  { "2000-02-29", 2000, 2, 29, ENTENTE_PRECISION_DAY, ENTENTE_QUALIFIER_NONE },
  { "2024-02-29", 2024, 2, 29, ENTENTE_PRECISION_DAY, ENTENTE_QUALIFIER_NONE },
  { "-0004-02-29", -4, 2, 29, ENTENTE_PRECISION_DAY, ENTENTE_QUALIFIER_NONE },
  { "9999-12-31", 9999, 12, 31, ENTENTE_PRECISION_DAY, ENTENTE_QUALIFIER_NONE },
  { "-9999", -9999, 0, 0, ENTENTE_PRECISION_YEAR, ENTENTE_QUALIFIER_NONE },
};

static void
test_parse_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_dates); i++)
    {
      const ValidDate *v = &valid_dates[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *round_trip = NULL;
      EntenteDate date;

      g_test_message ("%s", v->text);
      g_assert_true (entente_date_parse (v->text, &date, &error));
      g_assert_no_error (error);
      g_assert_cmpint (date.year, ==, v->year);
      g_assert_cmpint (date.month, ==, v->month);
      g_assert_cmpint (date.day, ==, v->day);
      g_assert_cmpint (date.precision, ==, v->precision);
      g_assert_cmpint (date.qualifier, ==, v->qualifier);

      round_trip = entente_date_to_edtf (&date);
      g_assert_cmpstr (round_trip, ==, v->text);
    }
}

typedef struct {
  const char *text;
  EntenteDateError code;
  const char *message_part;
} InvalidDate;

static const InvalidDate invalid_dates[] = {
  { "", ENTENTE_DATE_ERROR_SYNTAX, "expected an EDTF date" },
  { "1969-02-30", ENTENTE_DATE_ERROR_RANGE, "February 1969 has 28 days" },
  { "1900-02-29", ENTENTE_DATE_ERROR_RANGE, "February 1900 has 28 days" },
  { "1969-13", ENTENTE_DATE_ERROR_RANGE, "months run from 01 to 12" },
  { "1969-00", ENTENTE_DATE_ERROR_RANGE, "month 00" },
  { "1969-04-31", ENTENTE_DATE_ERROR_RANGE, "April 1969 has 30 days" },
  { "1969-04-00", ENTENTE_DATE_ERROR_RANGE, "day 00" },
  { "12345", ENTENTE_DATE_ERROR_RANGE, "four digits" },
  { "-0000", ENTENTE_DATE_ERROR_SYNTAX, "year zero" },
  { "195", ENTENTE_DATE_ERROR_SYNTAX, "expected an EDTF date" },
  { "1950-2", ENTENTE_DATE_ERROR_SYNTAX, "two-digit month" },
  { "1950-02-1", ENTENTE_DATE_ERROR_SYNTAX, "two-digit day" },
  { "1950-02-14T00:00", ENTENTE_DATE_ERROR_SYNTAX, "unexpected" },
  { "1950??", ENTENTE_DATE_ERROR_SYNTAX, "unexpected" },
  { "c. 1950", ENTENTE_DATE_ERROR_SYNTAX, "expected an EDTF date" },
  { "1950 ", ENTENTE_DATE_ERROR_SYNTAX, "unexpected" },
  { "195X", ENTENTE_DATE_ERROR_SYNTAX, "expected an EDTF date" },
};

static void
test_parse_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_dates); i++)
    {
      const InvalidDate *v = &invalid_dates[i];
      g_autoptr(GError) error = NULL;
      EntenteDate date = { 7, 7, 7, 7, 7 };

      g_test_message ("“%s”", v->text);
      g_assert_false (entente_date_parse (v->text, &date, &error));
      g_assert_error (error, ENTENTE_DATE_ERROR, (int) v->code);
      g_assert_nonnull (strstr (error->message, v->message_part));
      /* A failed parse leaves the output alone. */
      g_assert_cmpint (date.year, ==, 7);
    }
}

static void
test_days_round_trip (void)
{
  /* Every day from 10 000 BCE-ish to 10 000 CE, by strides that hit all
   * month and leap-year boundaries. */
  for (gint64 days = -3700000; days < 3700000; days += 13)
    {
      gint64 year;
      guint month, day;

      entente_civil_from_days (days, &year, &month, &day);
      g_assert_cmpuint (month, >=, 1);
      g_assert_cmpuint (month, <=, 12);
      g_assert_cmpuint (day, >=, 1);
      g_assert_cmpuint (day, <=, entente_days_in_month (year, month));
      g_assert_cmpint (entente_days_from_civil (year, month, day), ==, days);
    }
}

static void
test_days_known (void)
{
  gint64 year;
  guint month, day;

  g_assert_cmpint (entente_days_from_civil (1, 1, 1), ==, 0);
  g_assert_cmpint (entente_days_from_civil (0, 12, 31), ==, -1);
  /* Year 0 is a leap year in the proleptic Gregorian calendar. */
  g_assert_cmpint (entente_days_from_civil (1, 1, 1) - entente_days_from_civil (0, 1, 1), ==, 366);
  g_assert_cmpint (entente_days_from_civil (1970, 1, 1), ==, 719162);
  g_assert_cmpint (entente_days_from_civil (2000, 3, 1) - entente_days_from_civil (2000, 2, 28), ==, 2);
  g_assert_cmpint (entente_days_from_civil (1900, 3, 1) - entente_days_from_civil (1900, 2, 28), ==, 1);

  entente_civil_from_days (-1, &year, &month, &day);
  g_assert_cmpint (year, ==, 0);
  g_assert_cmpuint (month, ==, 12);
  g_assert_cmpuint (day, ==, 31);

  g_assert_true (entente_is_leap_year (2000));
  g_assert_true (entente_is_leap_year (0));
  g_assert_true (entente_is_leap_year (-4));
  g_assert_false (entente_is_leap_year (1900));
  g_assert_false (entente_is_leap_year (-1));
  g_assert_cmpuint (entente_days_in_month (-4, 2), ==, 29);
}

static void
test_intervals (void)
{
  EntenteDate date;

  g_assert_true (entente_date_parse ("1950", &date, NULL));
  g_assert_cmpint (entente_date_end_day (&date) - entente_date_start_day (&date), ==, 365);
  g_assert_true (entente_date_parse ("1952", &date, NULL));
  g_assert_cmpint (entente_date_end_day (&date) - entente_date_start_day (&date), ==, 366);
  g_assert_true (entente_date_parse ("1950-02", &date, NULL));
  g_assert_cmpint (entente_date_end_day (&date) - entente_date_start_day (&date), ==, 28);
  g_assert_true (entente_date_parse ("1950-02-14", &date, NULL));
  g_assert_cmpint (entente_date_end_day (&date) - entente_date_start_day (&date), ==, 1);
  g_assert_cmpint (entente_date_start_day (&date), ==, entente_days_from_civil (1950, 2, 14));
  g_assert_true (entente_date_parse ("-0001", &date, NULL));
  g_assert_cmpint (entente_date_end_day (&date), ==, entente_days_from_civil (0, 1, 1));
}

static void
test_compare (void)
{
  EntenteDate a, b;

  g_assert_true (entente_date_parse ("1950", &a, NULL));
  g_assert_true (entente_date_parse ("1950-01", &b, NULL));
  /* Same start; the year ends later. */
  g_assert_cmpint (entente_date_compare (&b, &a), <, 0);
  g_assert_true (entente_date_parse ("-0100", &a, NULL));
  g_assert_true (entente_date_parse ("0001", &b, NULL));
  g_assert_cmpint (entente_date_compare (&a, &b), <, 0);
  g_assert_cmpint (entente_date_compare (&a, &a), ==, 0);
}

typedef struct {
  const char *text;
  const char *formatted;
} FormatCase;

static void
test_format (void)
{
  static const FormatCase cases[] = {
    { "1950-02-14", "14 February 1950" },
    { "1969-03", "March 1969" },
    { "1689~", "c. 1689" },
    { "1958?", "1958?" },
    { "1958%", "c. 1958?" },
    { "1689-08-27~", "c. 27 August 1689" },
    { "-0220", "221 BCE" },
    { "0000", "1 BCE" },
    { "-0001-03", "March 2 BCE" },
    { "0001", "1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *formatted = NULL;
      EntenteDate date;

      g_assert_true (entente_date_parse (cases[i].text, &date, NULL));
      formatted = entente_date_format (&date);
      g_assert_cmpstr (formatted, ==, cases[i].formatted);
    }
}

static void
test_format_year (void)
{
  g_autofree char *a = entente_format_year (1);
  g_autofree char *b = entente_format_year (0);
  g_autofree char *c = entente_format_year (-220);

  g_assert_cmpstr (a, ==, "1");
  g_assert_cmpstr (b, ==, "1 BCE");
  g_assert_cmpstr (c, ==, "221 BCE");
}

int
main (int    argc,
      char **argv)
{
  /* The formatting tests expect English month names. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/valid", test_parse_valid);
  g_test_add_func ("/date/parse/invalid", test_parse_invalid);
  g_test_add_func ("/date/days/round-trip", test_days_round_trip);
  g_test_add_func ("/date/days/known", test_days_known);
  g_test_add_func ("/date/intervals", test_intervals);
  g_test_add_func ("/date/compare", test_compare);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/format-year", test_format_year);

  return g_test_run ();
}
