/*
 * cli_reader_stub.h - what the fuzz targets of the command's readers
 * (cli/input.c, compiled into them) need: a cli_error() that keeps the last
 * message instead of printing it, and a file holding the fuzz input.
 */
#ifndef TL_FUZZ_CLI_READER_STUB_H
#define TL_FUZZ_CLI_READER_STUB_H

#include "cli.h"

/** The last message cli_error() was given, and how many there were. */
extern char tl_fuzz_last_error[1024];
extern unsigned long tl_fuzz_nerrors;

/**
 * Put data[0..size) in an anonymous in-memory file; *path gets a name that
 * fopen() opens (/proc/self/fd/N).  Returns the descriptor (close it after),
 * aborting on failure.
 */
int tl_fuzz_memfile(const uint8_t *data, size_t size, char *path, size_t pathsz);

#endif
