/*
 * fuzz_args.c - the only command-line values parsed by hand: the --dct date
 * (tl_date_parse) and the --format name (tl_format_from_name).
 *
 * Asserts: a date accepted is a real date that prints back to the same
 * string; a date refused leaves *out zeroed and says why; a format accepted
 * has a name that parses back to it.
 */
#include "fuzz_common.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	TL_FUZZ_ASSERT(s, "out of memory");
	memcpy(s, data, size);
	s[size] = '\0';

	tl_date d;
	int rc = tl_date_parse(&d, s);
	if (rc == 0) {
		char back[32];
		TL_FUZZ_ASSERT(d.year >= 0 && d.year <= 9999, "year %d", (int)d.year);
		TL_FUZZ_ASSERT(d.month == 0 || (d.month >= 1 && d.month <= 12), "month %d",
		               (int)d.month);
		TL_FUZZ_ASSERT(d.day == 0 || (d.month && d.day >= 1 &&
		                              d.day <= tl_date_days_in_month(d.year, d.month)),
		               "day %d", (int)d.day);
		tl_date_format(back, sizeof(back), d);
		TL_FUZZ_ASSERT(strcmp(back, s) == 0, "'%s' prints back as '%s'", s, back);
		TL_FUZZ_ASSERT(tl_check_value(back) && tl_check_value_type(back, TL_TIMEX_DATE),
		               "'%s' is not a TIMEX3 date", back);
	} else {
		TL_FUZZ_ASSERT(rc == TL_EINVAL, "tl_date_parse returned %d", rc);
		TL_FUZZ_ASSERT(d.year == 0 && d.month == 0 && d.day == 0,
		               "refused date not zeroed");
		TL_FUZZ_ASSERT(*tl_error_last(), "refused without a message");
	}

	tl_format fmt;
	if (tl_format_from_name(&fmt, s) == 0) {
		const char *name = tl_format_name(fmt);
		tl_format again;
		TL_FUZZ_ASSERT(name && tl_format_from_name(&again, name) == 0 && again == fmt,
		               "format '%s' does not round-trip", s);
	}
	free(s);
	return 0;
}
