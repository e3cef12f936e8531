/*
 * cli_reader_stub.c - cli_error() and the in-memory input file for the fuzz
 * targets of the command's readers (cli_reader_stub.h).
 */
#define _GNU_SOURCE
#include "cli_reader_stub.h"
#include "fuzz_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

char tl_fuzz_last_error[1024];
unsigned long tl_fuzz_nerrors;

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tl_fuzz_last_error, sizeof(tl_fuzz_last_error), fmt, ap);
	va_end(ap);
	tl_fuzz_nerrors++;
}

int tl_fuzz_memfile(const uint8_t *data, size_t size, char *path, size_t pathsz)
{
	int fd = memfd_create("fuzz-input", 0);
	TL_FUZZ_ASSERT(fd >= 0, "memfd_create failed");
	size_t done = 0;
	while (done < size) {
		ssize_t n = write(fd, data + done, size - done);
		TL_FUZZ_ASSERT(n > 0, "write to the memory file failed");
		done += (size_t)n;
	}
	snprintf(path, pathsz, "/proc/self/fd/%d", fd);
	return fd;
}
