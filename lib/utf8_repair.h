/*
 * utf8_repair.h - replace invalid UTF-8 and NUL bytes by U+FFFD
 * (utf8_repair.c).
 */
#ifndef TL_UTF8_REPAIR_H
#define TL_UTF8_REPAIR_H

#include "internal.h"

/**
 * Copy s[0..len) into a new NUL-terminated buffer *out (*out_len bytes, the
 * caller frees it with free()), each maximal ill-formed subsequence and each
 * NUL byte replaced by U+FFFD.  *count gets the number of replacements and
 * *first the input byte offset of the first one (0 when none).  Linear in
 * len.  Returns 0, or TL_ENOMEM with *out NULL.
 */
int tl_utf8_repair(char **out, size_t *out_len, size_t *count, size_t *first, const char *s,
                   size_t len);

#endif
