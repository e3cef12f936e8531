/*
 * tables.c - the English word tables of the engine, as data.
 *
 * Where the facts come from: month and weekday names and their usual
 * abbreviations (AP and Chicago styles: "Sept.", "Tues."); English number
 * and ordinal words; the TIMEX3 guidelines (TimeML 1.2.1, ISO 24617-1) for
 * which words are temporal (seasons, parts of day, PRESENT_REF/PAST_REF/
 * FUTURE_REF words, set words such as "weekly"); time zone abbreviations as
 * used in news datelines; the first words of holiday names (the holidays
 * themselves, and where their dates come from, are in holidays.c).
 *
 * One row per alias.  Words with two readings ("second": ordinal and unit)
 * have two adjacent rows; tl_wordtab_next() steps to the second one.
 * The table is hashed once into each parser (open addressing on the word
 * keys of engine.h).
 */
#include "engine.h"

#include <assert.h>

/* clang-format off */
static const tl_word words[] = {
	/* months */
	{ "january", W_MONTH, WF_CAP, 1 },   { "jan", W_MONTH, WF_CAP | WF_ABBR, 1 },
	{ "february", W_MONTH, WF_CAP, 2 },  { "feb", W_MONTH, WF_CAP | WF_ABBR, 2 },
	{ "march", W_MONTH, WF_CAP | WF_WEAK, 3 }, { "mar", W_MONTH, WF_CAP | WF_ABBR, 3 },
	{ "april", W_MONTH, WF_CAP, 4 },     { "apr", W_MONTH, WF_CAP | WF_ABBR, 4 },
	{ "may", W_MONTH, WF_CAP | WF_WEAK, 5 },
	{ "june", W_MONTH, WF_CAP, 6 },      { "jun", W_MONTH, WF_CAP | WF_ABBR, 6 },
	{ "july", W_MONTH, WF_CAP, 7 },      { "jul", W_MONTH, WF_CAP | WF_ABBR, 7 },
	{ "august", W_MONTH, WF_CAP, 8 },    { "aug", W_MONTH, WF_CAP | WF_ABBR, 8 },
	{ "september", W_MONTH, WF_CAP, 9 }, { "sep", W_MONTH, WF_CAP | WF_ABBR, 9 },
	{ "sept", W_MONTH, WF_CAP | WF_ABBR, 9 },
	{ "october", W_MONTH, WF_CAP, 10 },  { "oct", W_MONTH, WF_CAP | WF_ABBR, 10 },
	{ "november", W_MONTH, WF_CAP, 11 }, { "nov", W_MONTH, WF_CAP | WF_ABBR, 11 },
	{ "december", W_MONTH, WF_CAP, 12 }, { "dec", W_MONTH, WF_CAP | WF_ABBR, 12 },
	/* weekdays (Monday = 1, ISO 8601) */
	{ "monday", W_WEEKDAY, WF_CAP, 1 },    { "mon", W_WEEKDAY, WF_CAP | WF_ABBR, 1 },
	{ "mondays", W_WEEKDAY, WF_CAP | WF_PLURAL, 1 },
	{ "tuesday", W_WEEKDAY, WF_CAP, 2 },   { "tue", W_WEEKDAY, WF_CAP | WF_ABBR, 2 },
	{ "tues", W_WEEKDAY, WF_CAP | WF_ABBR, 2 },
	{ "tuesdays", W_WEEKDAY, WF_CAP | WF_PLURAL, 2 },
	{ "wednesday", W_WEEKDAY, WF_CAP, 3 }, { "wed", W_WEEKDAY, WF_CAP | WF_ABBR, 3 },
	{ "wednesdays", W_WEEKDAY, WF_CAP | WF_PLURAL, 3 },
	{ "thursday", W_WEEKDAY, WF_CAP, 4 },  { "thu", W_WEEKDAY, WF_CAP | WF_ABBR, 4 },
	{ "thur", W_WEEKDAY, WF_CAP | WF_ABBR, 4 }, { "thurs", W_WEEKDAY, WF_CAP | WF_ABBR, 4 },
	{ "thursdays", W_WEEKDAY, WF_CAP | WF_PLURAL, 4 },
	{ "friday", W_WEEKDAY, WF_CAP, 5 },    { "fri", W_WEEKDAY, WF_CAP | WF_ABBR, 5 },
	{ "fridays", W_WEEKDAY, WF_CAP | WF_PLURAL, 5 },
	{ "saturday", W_WEEKDAY, WF_CAP, 6 },  { "sat", W_WEEKDAY, WF_CAP | WF_ABBR, 6 },
	{ "saturdays", W_WEEKDAY, WF_CAP | WF_PLURAL, 6 },
	{ "sunday", W_WEEKDAY, WF_CAP, 7 },    { "sun", W_WEEKDAY, WF_CAP | WF_ABBR, 7 },
	{ "sundays", W_WEEKDAY, WF_CAP | WF_PLURAL, 7 },
	/* units */
	{ "second", W_ORDINAL, WF_WEAK | WF_TWO, 2 },   { "second", W_UNIT, WF_WEAK, U_SECOND },
	{ "seconds", W_UNIT, WF_PLURAL, U_SECOND },
	{ "sec", W_UNIT, WF_ABBR, U_SECOND },  { "secs", W_UNIT, WF_ABBR | WF_PLURAL, U_SECOND },
	{ "minute", W_UNIT, 0, U_MINUTE },     { "minutes", W_UNIT, WF_PLURAL, U_MINUTE },
	{ "min", W_UNIT, WF_ABBR, U_MINUTE },  { "mins", W_UNIT, WF_ABBR | WF_PLURAL, U_MINUTE },
	{ "hour", W_UNIT, 0, U_HOUR },         { "hours", W_UNIT, WF_PLURAL, U_HOUR },
	{ "hr", W_UNIT, WF_ABBR, U_HOUR },     { "hrs", W_UNIT, WF_ABBR | WF_PLURAL, U_HOUR },
	{ "day", W_UNIT, 0, U_DAY },           { "days", W_UNIT, WF_PLURAL, U_DAY },
	{ "week", W_UNIT, 0, U_WEEK },         { "weeks", W_UNIT, WF_PLURAL, U_WEEK },
	{ "fortnight", W_UNIT, 0, U_FORTNIGHT }, { "fortnights", W_UNIT, WF_PLURAL, U_FORTNIGHT },
	{ "month", W_UNIT, 0, U_MONTH },       { "months", W_UNIT, WF_PLURAL, U_MONTH },
	{ "quarter", W_UNIT, 0, U_QUARTER },   { "quarters", W_UNIT, WF_PLURAL, U_QUARTER },
	{ "year", W_UNIT, 0, U_YEAR },         { "years", W_UNIT, WF_PLURAL, U_YEAR },
	{ "yr", W_UNIT, WF_ABBR, U_YEAR },     { "yrs", W_UNIT, WF_ABBR | WF_PLURAL, U_YEAR },
	{ "decade", W_UNIT, 0, U_DECADE },     { "decades", W_UNIT, WF_PLURAL, U_DECADE },
	{ "century", W_UNIT, 0, U_CENTURY },   { "centuries", W_UNIT, WF_PLURAL, U_CENTURY },
	{ "millennium", W_UNIT, 0, U_MILLENNIUM }, { "millennia", W_UNIT, WF_PLURAL, U_MILLENNIUM },
	{ "weekend", W_UNIT, 0, U_WEEKEND },   { "weekends", W_UNIT, WF_PLURAL, U_WEEKEND },
	/* number words */
	{ "zero", W_NUMBER, 0, 0 },    { "one", W_NUMBER, 0, 1 },      { "two", W_NUMBER, 0, 2 },
	{ "three", W_NUMBER, 0, 3 },   { "four", W_NUMBER, 0, 4 },     { "five", W_NUMBER, 0, 5 },
	{ "six", W_NUMBER, 0, 6 },     { "seven", W_NUMBER, 0, 7 },    { "eight", W_NUMBER, 0, 8 },
	{ "nine", W_NUMBER, 0, 9 },    { "ten", W_NUMBER, 0, 10 },     { "eleven", W_NUMBER, 0, 11 },
	{ "twelve", W_NUMBER, 0, 12 }, { "thirteen", W_NUMBER, 0, 13 }, { "fourteen", W_NUMBER, 0, 14 },
	{ "fifteen", W_NUMBER, 0, 15 }, { "sixteen", W_NUMBER, 0, 16 }, { "seventeen", W_NUMBER, 0, 17 },
	{ "eighteen", W_NUMBER, 0, 18 }, { "nineteen", W_NUMBER, 0, 19 }, { "twenty", W_NUMBER, 0, 20 },
	{ "thirty", W_NUMBER, 0, 30 }, { "forty", W_NUMBER, 0, 40 },   { "fifty", W_NUMBER, 0, 50 },
	{ "sixty", W_NUMBER, 0, 60 },  { "seventy", W_NUMBER, 0, 70 }, { "eighty", W_NUMBER, 0, 80 },
	{ "ninety", W_NUMBER, 0, 90 }, { "hundred", W_NUMBER, 0, 100 }, { "dozen", W_NUMBER, 0, 12 },
	{ "dozens", W_NUMBER, WF_PLURAL, 12 }, { "hundreds", W_NUMBER, WF_PLURAL, 100 },
	{ "thousands", W_NUMBER, WF_PLURAL, 1000 }, { "single", W_NUMBER, 0, 1 },
	/* ordinal words */
	{ "first", W_ORDINAL, 0, 1 },      { "third", W_ORDINAL, 0, 3 },     { "fourth", W_ORDINAL, 0, 4 },
	{ "fifth", W_ORDINAL, 0, 5 },      { "sixth", W_ORDINAL, 0, 6 },     { "seventh", W_ORDINAL, 0, 7 },
	{ "eighth", W_ORDINAL, 0, 8 },     { "ninth", W_ORDINAL, 0, 9 },     { "tenth", W_ORDINAL, 0, 10 },
	{ "eleventh", W_ORDINAL, 0, 11 },  { "twelfth", W_ORDINAL, 0, 12 },  { "thirteenth", W_ORDINAL, 0, 13 },
	{ "fourteenth", W_ORDINAL, 0, 14 }, { "fifteenth", W_ORDINAL, 0, 15 }, { "sixteenth", W_ORDINAL, 0, 16 },
	{ "seventeenth", W_ORDINAL, 0, 17 }, { "eighteenth", W_ORDINAL, 0, 18 },
	{ "nineteenth", W_ORDINAL, 0, 19 }, { "twentieth", W_ORDINAL, 0, 20 },
	{ "thirtieth", W_ORDINAL, 0, 30 },
	/* decade words (of the 1900s) */
	{ "twenties", W_DECADE, 0, 2 }, { "thirties", W_DECADE, 0, 3 }, { "forties", W_DECADE, 0, 4 },
	{ "fifties", W_DECADE, 0, 5 },  { "sixties", W_DECADE, 0, 6 },  { "seventies", W_DECADE, 0, 7 },
	{ "eighties", W_DECADE, 0, 8 }, { "nineties", W_DECADE, 0, 9 },
	/* seasons */
	{ "spring", W_SEASON, WF_WEAK, S_SPRING }, { "summer", W_SEASON, 0, S_SUMMER },
	{ "fall", W_SEASON, WF_WEAK, S_FALL },     { "autumn", W_SEASON, 0, S_FALL },
	{ "winter", W_SEASON, 0, S_WINTER },
	{ "springs", W_SEASON, WF_PLURAL, S_SPRING }, { "summers", W_SEASON, WF_PLURAL, S_SUMMER },
	{ "winters", W_SEASON, WF_PLURAL, S_WINTER },
	/* parts of day */
	{ "morning", W_POD, 0, POD_MORNING },     { "mornings", W_POD, WF_PLURAL, POD_MORNING },
	{ "afternoon", W_POD, 0, POD_AFTERNOON }, { "afternoons", W_POD, WF_PLURAL, POD_AFTERNOON },
	{ "evening", W_POD, 0, POD_EVENING },     { "evenings", W_POD, WF_PLURAL, POD_EVENING },
	{ "night", W_POD, 0, POD_NIGHT },         { "nights", W_POD, WF_PLURAL, POD_NIGHT },
	{ "noon", W_POD, 0, POD_NOON },           { "midday", W_POD, 0, POD_NOON },
	{ "midnight", W_POD, 0, POD_MIDNIGHT },   { "overnight", W_POD, WF_WEAK, POD_NIGHT },
	/* time zones (as written in datelines) */
	{ "utc", W_TZ, 0, 0 },  { "gmt", W_TZ, 0, 0 },  { "est", W_TZ, 0, -5 }, { "edt", W_TZ, 0, -4 },
	{ "cst", W_TZ, 0, -6 }, { "cdt", W_TZ, 0, -5 }, { "mst", W_TZ, 0, -7 }, { "mdt", W_TZ, 0, -6 },
	{ "pst", W_TZ, 0, -8 }, { "pdt", W_TZ, 0, -7 }, { "cet", W_TZ, 0, 1 },  { "cest", W_TZ, 0, 2 },
	{ "bst", W_TZ, 0, 1 },  { "jst", W_TZ, 0, 9 },  { "et", W_TZ, 0, -5 },  { "pt", W_TZ, 0, -8 },
	/* deictic words (TIMEX3: PRESENT_REF, PAST_REF, FUTURE_REF) */
	{ "today", W_DEICTIC, 0, D_TODAY },         { "yesterday", W_DEICTIC, 0, D_YESTERDAY },
	{ "tomorrow", W_DEICTIC, 0, D_TOMORROW },   { "tonight", W_DEICTIC, 0, D_TONIGHT },
	{ "now", W_DEICTIC, 0, D_NOW },             { "currently", W_DEICTIC, 0, D_NOW },
	{ "presently", W_DEICTIC, 0, D_NOW },       { "nowadays", W_DEICTIC, 0, D_NOW },
	{ "current", W_DEICTIC, WF_WEAK, D_NOW },   { "recently", W_DEICTIC, 0, D_PAST },
	{ "recent", W_DEICTIC, WF_WEAK, D_PAST },   { "lately", W_DEICTIC, 0, D_PAST },
	{ "formerly", W_DEICTIC, 0, D_PAST },       { "previously", W_DEICTIC, WF_WEAK, D_PAST },
	{ "soon", W_DEICTIC, WF_WEAK, D_FUTURE },   { "future", W_DEICTIC, WF_WEAK, D_FUTURE },
	{ "foreseeable", W_DEICTIC, WF_WEAK, D_FUTURE },
	{ "tonite", W_DEICTIC, 0, D_TONIGHT },
	/* relation words */
	{ "last", W_REL, 0, R_LAST },       { "past", W_REL, 0, R_LAST },
	{ "previous", W_REL, 0, R_PREVIOUS }, { "preceding", W_REL, 0, R_PREVIOUS },
	{ "prior", W_REL, 0, R_PREVIOUS },  { "latest", W_REL, 0, R_LAST },
	{ "next", W_REL, 0, R_NEXT },       { "coming", W_REL, 0, R_NEXT },
	{ "upcoming", W_REL, 0, R_NEXT },   { "following", W_REL, 0, R_FOLLOWING },
	{ "subsequent", W_REL, 0, R_FOLLOWING },
	{ "this", W_REL, 0, R_THIS },       { "that", W_REL, 0, R_THAT },
	{ "same", W_REL, 0, R_THAT },
	/* direction words */
	{ "ago", W_DIR, 0, DIR_AGO },       { "later", W_DIR, 0, DIR_LATER },
	{ "earlier", W_DIR, 0, DIR_EARLIER }, { "before", W_DIR, 0, DIR_BEFORE },
	{ "after", W_DIR, 0, DIR_AFTER },   { "hence", W_DIR, 0, DIR_HENCE },
	/* modifiers (TIMEX3 mod) */
	{ "early", W_MOD, 0, M_EARLY },     { "mid", W_MOD, 0, M_MID },
	{ "late", W_MOD, 0, M_LATE },       { "about", W_MOD, 0, M_APPROX },
	{ "around", W_MOD, 0, M_APPROX },   { "approximately", W_MOD, 0, M_APPROX },
	{ "roughly", W_MOD, 0, M_APPROX },  { "some", W_MOD, WF_WEAK, M_APPROX },
	{ "nearly", W_MOD, 0, M_ALMOST },   { "almost", W_MOD, 0, M_ALMOST },
	{ "over", W_MOD, 0, M_MORE },       { "more", W_MOD, 0, M_MORE },
	{ "less", W_MOD, 0, M_LESS },       { "under", W_MOD, 0, M_LESS },
	{ "fewer", W_MOD, 0, M_LESS },      { "least", W_MOD, 0, M_LEAST },
	{ "most", W_MOD, 0, M_MOST },       { "end", W_MOD, 0, M_END },
	{ "beginning", W_MOD, 0, M_BEGINNING }, { "start", W_MOD, 0, M_BEGINNING },
	{ "middle", W_MOD, 0, M_MIDDLE },   { "up", W_MOD, 0, M_UP },
	{ "no", W_MOD, 0, M_NO },
	{ "closing", W_MOD, 0, M_END },     { "opening", W_MOD, 0, M_BEGINNING },
	/* set words */
	{ "every", W_SETW, 0, SW_EVERY },   { "each", W_SETW, 0, SW_EVERY },
	{ "per", W_SETW, 0, SW_EVERY },     { "daily", W_SETW, 0, SW_DAILY },
	{ "weekly", W_SETW, 0, SW_WEEKLY }, { "monthly", W_SETW, 0, SW_MONTHLY },
	{ "yearly", W_SETW, 0, SW_YEARLY }, { "annually", W_SETW, 0, SW_YEARLY },
	{ "annual", W_SETW, 0, SW_YEARLY }, { "hourly", W_SETW, 0, SW_HOURLY },
	{ "quarterly", W_SETW, 0, SW_QUARTERLY }, { "nightly", W_SETW, 0, SW_NIGHTLY },
	{ "twice", W_SETW, 0, SW_TIMES },   { "once", W_SETW, WF_WEAK, SW_TIMES },
	{ "times", W_SETW, WF_PLURAL, SW_TIMES }, { "thrice", W_SETW, 0, SW_TIMES },
	/* holidays: the first word of a name; the names are in holidays.c */
	{ "christmas", W_HOLIDAY, WF_CAP, 0 },  { "easter", W_HOLIDAY, WF_CAP, 0 },
	{ "thanksgiving", W_HOLIDAY, WF_CAP, 0 }, { "halloween", W_HOLIDAY, WF_CAP, 0 },
	{ "valentine", W_HOLIDAY, WF_CAP, 0 },  { "valentines", W_HOLIDAY, WF_CAP, 0 },
	{ "new", W_HOLIDAY, WF_CAP, 0 },        { "independence", W_HOLIDAY, WF_CAP, 0 },
	{ "labor", W_HOLIDAY, WF_CAP, 0 },      { "labour", W_HOLIDAY, WF_CAP, 0 },
	{ "memorial", W_HOLIDAY, WF_CAP, 0 },   { "veterans", W_HOLIDAY, WF_CAP, 0 },
	{ "boxing", W_HOLIDAY, WF_CAP, 0 },
	{ "good", W_HOLIDAY, WF_CAP, 0 },       { "ash", W_HOLIDAY, WF_CAP, 0 },
	{ "st", W_HOLIDAY, WF_CAP, 0 },         { "saint", W_HOLIDAY, WF_CAP, 0 },
	{ "martin", W_HOLIDAY, WF_CAP, 0 },     { "mlk", W_HOLIDAY, WF_CAP, 0 },
	{ "presidents", W_HOLIDAY, WF_CAP, 0 },
	{ "mother", W_HOLIDAY, WF_CAP, 0 },     { "mothers", W_HOLIDAY, WF_CAP, 0 },
	{ "father", W_HOLIDAY, WF_CAP, 0 },     { "fathers", W_HOLIDAY, WF_CAP, 0 },
	{ "columbus", W_HOLIDAY, WF_CAP, 0 },   { "palm", W_HOLIDAY, WF_CAP, 0 },
	{ "maundy", W_HOLIDAY, WF_CAP, 0 },     { "ascension", W_HOLIDAY, WF_CAP, 0 },
	{ "pentecost", W_HOLIDAY, WF_CAP, 0 },  { "whit", W_HOLIDAY, WF_CAP, 0 },
	{ "whitsunday", W_HOLIDAY, WF_CAP, 0 }, { "election", W_HOLIDAY, WF_CAP, 0 },
	/* function words */
	{ "the", W_FUNC, 0, F_THE },       { "a", W_FUNC, 0, F_A },         { "an", W_FUNC, 0, F_A },
	{ "of", W_FUNC, 0, F_OF },         { "in", W_FUNC, 0, F_IN },       { "on", W_FUNC, 0, F_ON },
	{ "at", W_FUNC, 0, F_AT },         { "since", W_FUNC, 0, F_SINCE }, { "from", W_FUNC, 0, F_FROM },
	{ "to", W_FUNC, 0, F_TO },         { "until", W_FUNC, 0, F_UNTIL }, { "till", W_FUNC, 0, F_UNTIL },
	{ "between", W_FUNC, 0, F_BETWEEN }, { "and", W_FUNC, 0, F_AND },   { "by", W_FUNC, 0, F_BY },
	{ "during", W_FUNC, 0, F_DURING }, { "for", W_FUNC, 0, F_FOR },     { "fiscal", W_FUNC, 0, F_FISCAL },
	{ "fy", W_FUNC, 0, F_FISCAL },     /* "FY2021" */
	{ "am", W_FUNC, 0, F_AM },         { "pm", W_FUNC, 0, F_PM },       { "bc", W_FUNC, 0, F_BC },
	{ "bce", W_FUNC, 0, F_BC },        { "ad", W_FUNC, 0, F_AD },       { "ce", W_FUNC, 0, F_AD },
	{ "through", W_FUNC, 0, F_THROUGH }, { "than", W_FUNC, 0, F_THAN }, { "half", W_FUNC, 0, F_HALF },
	{ "several", W_FUNC, 0, F_SEVERAL }, { "few", W_FUNC, 0, F_SEVERAL }, { "many", W_FUNC, 0, F_SEVERAL },
	{ "couple", W_FUNC, 0, F_SEVERAL }, { "o", W_FUNC, 0, F_O },        { "clock", W_FUNC, 0, F_CLOCK },
	{ "within", W_FUNC, 0, F_WITHIN }, { "or", W_FUNC, 0, F_OR },       { "old", W_FUNC, 0, F_YEAR_OLD },
	{ "thru", W_FUNC, 0, F_THROUGH },
	{ "number", W_FUNC, 0, F_NUMBER }, { "pin", W_FUNC, 0, F_NUMBER },  { "code", W_FUNC, 0, F_NUMBER },
	{ "flight", W_FUNC, 0, F_NUMBER }, { "route", W_FUNC, 0, F_NUMBER },
	{ "near", W_FUNC, 0, F_TERM },     { "long", W_FUNC, 0, F_TERM },   { "short", W_FUNC, 0, F_TERM },
	{ "time", W_FUNC, 0, F_TIME },
	{ "room", W_FUNC, 0, F_NUMBER },   { "model", W_FUNC, 0, F_NUMBER }, { "version", W_FUNC, 0, F_NUMBER },
	/* tense cues */
	{ "will", W_TENSE, 0, 1 },   { "shall", W_TENSE, 0, 1 }, { "ll", W_TENSE, 0, 1 },
	{ "going", W_TENSE, 0, 1 },  { "plans", W_TENSE, 0, 1 }, { "expected", W_TENSE, 0, 1 },
	{ "scheduled", W_TENSE, 0, 1 }, { "due", W_TENSE, 0, 1 }, { "forecast", W_TENSE, 0, 3 }, { "said", W_TENSE, 0, -1 },
	{ "was", W_TENSE, 0, -1 },   { "were", W_TENSE, 0, -1 }, { "had", W_TENSE, 0, -1 },
	{ "did", W_TENSE, 0, -1 },   { "plan", W_TENSE, 0, 1 },  { "fell", W_TENSE, 0, -1 },
	{ "rose", W_TENSE, 0, -1 },  { "began", W_TENSE, 0, -1 }, { "came", W_TENSE, 0, -1 },
	{ "went", W_TENSE, 0, -1 },  { "took", W_TENSE, 0, -1 }, { "made", W_TENSE, 0, -1 },
	{ "saw", W_TENSE, 0, -1 },   { "told", W_TENSE, 0, -1 }, { "gave", W_TENSE, 0, -1 },
	{ "won", W_TENSE, 0, -1 },   { "lost", W_TENSE, 0, -1 }, { "met", W_TENSE, 0, -1 },
	{ "held", W_TENSE, 0, -1 },  { "left", W_TENSE, 0, -1 }, { "sold", W_TENSE, 0, -1 },
	{ "struck", W_TENSE, 0, -1 }, { "grew", W_TENSE, 0, -1 }, { "became", W_TENSE, 0, -1 },
	{ "led", W_TENSE, 0, -1 },   { "paid", W_TENSE, 0, -1 }, { "spent", W_TENSE, 0, -1 },
	{ "got", W_TENSE, 0, -1 },
	{ "shrank", W_TENSE, 0, -1 }, { "sank", W_TENSE, 0, -1 }, { "fled", W_TENSE, 0, -1 },
	{ "broke", W_TENSE, 0, -1 }, { "spoke", W_TENSE, 0, -1 }, { "wrote", W_TENSE, 0, -1 },
	{ "drove", W_TENSE, 0, -1 }, { "chose", W_TENSE, 0, -1 }, { "froze", W_TENSE, 0, -1 },
	{ "flew", W_TENSE, 0, -1 },  { "drew", W_TENSE, 0, -1 }, { "threw", W_TENSE, 0, -1 },
	{ "knew", W_TENSE, 0, -1 },  { "bought", W_TENSE, 0, -1 }, { "brought", W_TENSE, 0, -1 },
	{ "fought", W_TENSE, 0, -1 }, { "caught", W_TENSE, 0, -1 }, { "sought", W_TENSE, 0, -1 },
	{ "felt", W_TENSE, 0, -1 },  { "kept", W_TENSE, 0, -1 }, { "built", W_TENSE, 0, -1 },
	{ "sent", W_TENSE, 0, -1 },  { "stood", W_TENSE, 0, -1 }, { "heard", W_TENSE, 0, -1 },
	{ "ran", W_TENSE, 0, -1 },   { "withdrew", W_TENSE, 0, -1 }, { "oversaw", W_TENSE, 0, -1 },
	{ "swept", W_TENSE, 0, -1 }, { "shot", W_TENSE, 0, -1 }, { "thought", W_TENSE, 0, -1 },
	{ "laid", W_TENSE, 0, -1 },  { "dug", W_TENSE, 0, -1 },  { "shook", W_TENSE, 0, -1 },
	{ "rode", W_TENSE, 0, -1 },  { "wore", W_TENSE, 0, -1 }, { "tore", W_TENSE, 0, -1 },
	{ "swore", W_TENSE, 0, -1 }, { "rang", W_TENSE, 0, -1 }, { "sang", W_TENSE, 0, -1 },
	{ "sprang", W_TENSE, 0, -1 }, { "slid", W_TENSE, 0, -1 }, { "hid", W_TENSE, 0, -1 },
	{ "upheld", W_TENSE, 0, -1 }, { "withheld", W_TENSE, 0, -1 }, { "overthrew", W_TENSE, 0, -1 },
	{ "forgot", W_TENSE, 0, -1 }, { "woke", W_TENSE, 0, -1 }, { "swung", W_TENSE, 0, -1 },
	{ "overtook", W_TENSE, 0, -1 }, { "undertook", W_TENSE, 0, -1 }, { "dealt", W_TENSE, 0, -1 },
	{ "lent", W_TENSE, 0, -1 },  { "slept", W_TENSE, 0, -1 }, { "sped", W_TENSE, 0, -1 },
	{ "mistook", W_TENSE, 0, -1 }, { "forbade", W_TENSE, 0, -1 }, { "foresaw", W_TENSE, 0, -1 },
	/* a past that is also a present or an infinitive: past unless a
	 * tense word, "to" or a modal stands right before it (engine.c) */
	{ "hit", W_TENSE, 0, -3 },   { "cut", W_TENSE, 0, -3 }, { "shut", W_TENSE, 0, -3 },
	{ "quit", W_TENSE, 0, -3 },
	{ "might", W_TENSE, 0, 1 },  { "would", W_TENSE, 0, 2 },
	{ "remain", W_TENSE, 0, 0 }, { "remains", W_TENSE, 0, 0 }, { "stay", W_TENSE, 0, 0 },
	{ "stays", W_TENSE, 0, 0 },
	{ "wants", W_TENSE, 0, 1 }, { "want", W_TENSE, 0, 1 },  { "aims", W_TENSE, 0, 1 },
	{ "intends", W_TENSE, 0, 1 }, { "hopes", W_TENSE, 0, 1 }, { "seeks", W_TENSE, 0, 1 },
	{ "be", W_TENSE, 0, 0 },     { "been", W_TENSE, 0, 0 }, { "being", W_TENSE, 0, 0 },
	{ "is", W_TENSE, 0, 0 },     { "are", W_TENSE, 0, 0 },
};
/* clang-format on */

#define NWORDS (sizeof(words) / sizeof(words[0]))
#define BUCKETMASK (TL_WORDTAB_BUCKETS - 1u)

/* Hash every word (the first row of words with two readings) into tab. */
void tl_wordtab_build(tl_wordtab *tab)
{
	memset(tab, 0, sizeof(*tab));
	tab->words = words;
	for (size_t i = 0; i < NWORDS; i++) {
		if (i > 0 && (words[i - 1].flags & WF_TWO))
			continue; /* second reading: reached by tl_wordtab_next */
		size_t n = strlen(words[i].word);
		assert(n >= 1 && n <= TL_WORDKEY_MAX);
		tl_wordkey k = tl_wordkey_of(words[i].word, n);
		uint32_t h = tl_wordkey_hash(k, n);
		if (tl_wordtab_find_key(tab, k, h))
			continue; /* an alias spelt as an earlier row */
		size_t home = h & BUCKETMASK, b = home;
		/* the table holds far fewer words than entries: a free one exists */
		while (tab->word[2 * b] && tab->word[2 * b + 1])
			b = (b + 1) & BUCKETMASK;
		size_t e = tab->word[2 * b] ? 2 * b + 1 : 2 * b;
		if (b != home)
			tab->more[home] = 1;
		tab->word[e] = (uint16_t)(i + 1);
		tab->key[e] = k;
		uint32_t f = tl_wordtab_filter_bit(h);
		tab->filter[f >> 6] |= (uint64_t)1 << (f & 63);
	}
}

/* Find the word with key k and hash h, or NULL: its home bucket, then, when
 * the bucket sent words on, the full buckets after it and the first one
 * with a free entry (where a word sent on would have gone). */
const tl_word *tl_wordtab_find_key(const tl_wordtab *tab, tl_wordkey k, uint32_t h)
{
	size_t b = h & BUCKETMASK;
	int more = tab->more[b];
	for (;;) {
		for (size_t e = 2 * b; e < 2 * b + 2; e++)
			if (tab->word[e] && tab->key[e].a == k.a && tab->key[e].b == k.b)
				return &words[tab->word[e] - 1];
		if (!more || !tab->word[2 * b] || !tab->word[2 * b + 1])
			return NULL;
		b = (b + 1) & BUCKETMASK;
	}
}

/* Find the lower-case word s[0..n), or NULL. */
const tl_word *tl_wordtab_find(const tl_wordtab *tab, const char *s, size_t n)
{
	if (n == 0 || n > TL_WORDKEY_MAX)
		return NULL;
	tl_wordkey k = tl_wordkey_of(s, n);
	const tl_word *w = tl_wordtab_lookup(tab, k, tl_wordkey_hash(k, n));
	/* the key folds case: the word itself must be lower case */
	return w && memcmp(w->word, s, n) == 0 ? w : NULL;
}

/* The second reading of w, or NULL. */
const tl_word *tl_wordtab_next(const tl_wordtab *tab, const tl_word *w)
{
	(void)tab;
	return (w->flags & WF_TWO) ? w + 1 : NULL;
}
