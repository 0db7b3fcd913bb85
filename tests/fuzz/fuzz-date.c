/* fuzz-date.c: libFuzzer target for the EDTF date parser
 *
 * Every date the parser accepts must survive the round trip through its
 * EDTF text, cover at least one day, and map back to its own calendar
 * fields; a broken invariant aborts, which libFuzzer reports as a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "entente-date.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  return 0;
}

static void
check_fields (const EntenteDate *date)
{
  CHECK (date->year >= ENTENTE_DATE_YEAR_MIN && date->year <= ENTENTE_DATE_YEAR_MAX);
  CHECK (date->qualifier <= (ENTENTE_QUALIFIER_UNCERTAIN | ENTENTE_QUALIFIER_APPROXIMATE));
  switch (date->precision)
    {
    case ENTENTE_PRECISION_YEAR:
      CHECK (date->month == 0 && date->day == 0);
      break;
    case ENTENTE_PRECISION_MONTH:
      CHECK (date->month >= 1 && date->month <= 12 && date->day == 0);
      break;
    case ENTENTE_PRECISION_DAY:
      CHECK (date->month >= 1 && date->month <= 12);
      CHECK (date->day >= 1 && date->day <= entente_days_in_month (date->year, date->month));
      break;
    default:
      CHECK (!"a precision the parser does not produce");
    }
}

static void
check_days (const EntenteDate *date)
{
  gint64 start = entente_date_start_day (date);
  gint64 end = entente_date_end_day (date);
  gint64 year;
  guint month, day;

  CHECK (start < end);

  entente_civil_from_days (start, &year, &month, &day);
  CHECK (year == date->year);
  CHECK (month == MAX (date->month, 1));
  CHECK (day == MAX (date->day, 1));
  CHECK (entente_days_from_civil (year, month, day) == start);

  /* The last day covered is the end of the given month or year. */
  entente_civil_from_days (end - 1, &year, &month, &day);
  CHECK (year == date->year);
  if (date->precision == ENTENTE_PRECISION_YEAR)
    CHECK (month == 12 && day == 31);
  else if (date->precision == ENTENTE_PRECISION_MONTH)
    CHECK (month == date->month && day == entente_days_in_month (year, month));
  else
    CHECK (month == date->month && day == date->day);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_malloc (size + 1);
  g_autoptr(GError) error = NULL;
  EntenteDate date;

  /* The parser takes a C string; an embedded NUL simply ends it early. */
  memcpy (text, data, size);
  text[size] = '\0';

  if (!entente_date_parse (text, &date, &error))
    {
      CHECK (error != NULL);
      CHECK (error->domain == ENTENTE_DATE_ERROR);
      CHECK (error->message != NULL && *error->message != '\0');
      /* Messages quote the input; valid input must give a valid message. */
      if (g_utf8_validate (text, -1, NULL))
        CHECK (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  CHECK (error == NULL);
  check_fields (&date);
  check_days (&date);
  CHECK (entente_date_compare (&date, &date) == 0);

  {
    g_autofree char *edtf = entente_date_to_edtf (&date);
    g_autoptr(GError) again_error = NULL;
    EntenteDate again;

    /* EDTF has one spelling per date, so what was read is what is written. */
    CHECK (g_str_equal (edtf, text));
    CHECK (entente_date_parse (edtf, &again, &again_error));
    CHECK (again.year == date.year && again.month == date.month && again.day == date.day);
    CHECK (again.precision == date.precision && again.qualifier == date.qualifier);
    CHECK (entente_date_compare (&date, &again) == 0);
  }

  {
    g_autofree char *formatted = entente_date_format (&date);
    g_autofree char *year = entente_format_year (date.year);

    CHECK (formatted != NULL && *formatted != '\0');
    CHECK (g_utf8_validate (formatted, -1, NULL));
    CHECK (year != NULL && *year != '\0');
  }

  return 0;
}
