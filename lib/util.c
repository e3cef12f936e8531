/*
 * util.c - arenas, growable arrays and byte buffers.
 */
#include "internal.h"

#include <stdint.h>
#include <stdio.h>

struct tl_arena_block {
	tl_arena_block *next;
	size_t used, size;
	_Alignas(max_align_t) unsigned char data[];
};

#define ARENA_BLOCK 16384

/* Room for n bytes, aligned for any type, that never moves. */
void *tl_arena_alloc(tl_arena *a, size_t n)
{
	size_t align = _Alignof(max_align_t);
	size_t need = (n + align - 1) & ~(align - 1);
	tl_arena_block *b = a->head;
	if (need < n)
		return NULL;
	if (!b || b->size - b->used < need) {
		size_t size = need > ARENA_BLOCK ? need : ARENA_BLOCK;
		if (size > SIZE_MAX - sizeof(tl_arena_block))
			return NULL;
		b = malloc(sizeof(tl_arena_block) + size);
		if (!b)
			return NULL;
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += need;
	return p;
}

/* Copy len bytes of s and a NUL into the arena. */
char *tl_arena_strndup(tl_arena *a, const char *s, size_t len)
{
	if (len == SIZE_MAX)
		return NULL;
	char *p = tl_arena_alloc(a, len + 1);
	if (!p)
		return NULL;
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* Copy a NUL-terminated string into the arena. */
char *tl_arena_strdup(tl_arena *a, const char *s)
{
	return tl_arena_strndup(a, s, strlen(s));
}

/* Free every block of the arena. */
void tl_arena_free(tl_arena *a)
{
	tl_arena_block *b = a->head;
	while (b) {
		tl_arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
}

/* Grow *items to hold at least need elements of size bytes. */
int tl_grow(void **items, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return TL_ENOMEM;
		n *= 2;
	}
	if (size && n > SIZE_MAX / size)
		return TL_ENOMEM;
	void *p = realloc(*items, n * size);
	if (!p)
		return TL_ENOMEM;
	*items = p;
	*cap = n;
	return 0;
}

int tl_reserve(void **items, size_t *cap, size_t want, size_t size)
{
	if (want > TL_RESERVE_MAX)
		want = TL_RESERVE_MAX;
	return want > *cap ? tl_grow(items, cap, want, size) : 0;
}

/* Append n bytes to the buffer. */
void tl_buf_put(tl_buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (n >= SIZE_MAX - b->len ||
	    (b->len + n + 1 > b->cap &&
	     tl_grow((void **)&b->data, &b->cap, b->len + n + 1, 1) != 0)) {
		b->failed = 1;
		return;
	}
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* Append a NUL-terminated string. */
void tl_buf_puts(tl_buf *b, const char *s)
{
	tl_buf_put(b, s, strlen(s));
}

/* Append printf-formatted text. */
void tl_buf_printf(tl_buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = 1;
		return;
	}
	if ((size_t)n < sizeof(small)) {
		tl_buf_put(b, small, (size_t)n);
		return;
	}
	char *big = malloc((size_t)n + 1);
	if (!big) {
		b->failed = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	tl_buf_put(b, big, (size_t)n);
	free(big);
}

/* Hand the contents over; NULL when an append failed. */
char *tl_buf_detach(tl_buf *b, size_t *len)
{
	if (b->failed) {
		tl_buf_free(b);
		return NULL;
	}
	if (!b->data)
		tl_buf_put(b, "", 0);
	if (b->failed) {
		tl_buf_free(b);
		return NULL;
	}
	char *p = b->data;
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

/* Free the buffer's memory. */
void tl_buf_free(tl_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}
