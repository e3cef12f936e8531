/*
 * error.c - error codes, their names, and the per-thread last message.
 */
#include "internal.h"

#include <stdio.h>

static _Thread_local char last_message[1024];

/* Names of the error codes, indexed by -code. */
static const char *const error_names[] = {
	"success",
	"error",
	"out of memory",
	"invalid argument",
	"invalid UTF-8",
	"input/output error",
	"value out of range",
	"malformed input",
	"not found",
};

/* Name of an error code; never NULL. */
const char *tl_strerror(int code)
{
	if (code > 0 || -code >= (int)(sizeof(error_names) / sizeof(error_names[0])))
		return "unknown error";
	return error_names[-code];
}

/* The last failure message of this thread; "" when there is none. */
const char *tl_error_last(void)
{
	return last_message;
}

/* Forget the last failure of this thread. */
void tl_error_clear(void)
{
	last_message[0] = '\0';
}

/* Record a failure message (printf format) and return code unchanged. */
int tl_seterr(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(last_message, sizeof(last_message), fmt, ap);
	va_end(ap);
	return code;
}

/* Version of the linked library. */
const char *tl_version(void)
{
	return TL_VERSION;
}

/* Free a buffer the library handed out; NULL is a no-op. */
void tl_free(void *buf)
{
	free(buf);
}
