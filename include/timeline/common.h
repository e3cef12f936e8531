/*
 * timeline/common.h - version, export macro, error codes and error messages.
 *
 * Every function of libtimeline that can fail returns an int: 0 (TL_OK) on
 * success, a negative tl_error code on failure.  tl_strerror() names a code;
 * tl_error_last() gives the message of the last failure on the calling thread.
 */
#ifndef TIMELINE_COMMON_H
#define TIMELINE_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define TL_BEGIN_DECLS extern "C" {
#define TL_END_DECLS }
#else
#define TL_BEGIN_DECLS
#define TL_END_DECLS
#endif

/** Declares a public function; everything else in the library is hidden. */
#if defined(_WIN32)
#define TL_EXTERN(type) extern __declspec(dllexport) type
#elif defined(__GNUC__)
#define TL_EXTERN(type) extern __attribute__((visibility("default"))) type
#else
#define TL_EXTERN(type) extern type
#endif

#define TL_VERSION_MAJOR 0
#define TL_VERSION_MINOR 1
#define TL_VERSION_PATCH 0
#define TL_VERSION "0.1.0"

TL_BEGIN_DECLS

/** Error codes: 0 is success, every failure is negative. */
typedef enum tl_error {
	TL_OK = 0,        /**< success */
	TL_ERROR = -1,    /**< generic failure */
	TL_ENOMEM = -2,   /**< out of memory */
	TL_EINVAL = -3,   /**< invalid argument (NULL handle, bad option) */
	TL_EUTF8 = -4,    /**< input is not valid UTF-8 */
	TL_EIO = -5,      /**< reading or writing a file failed */
	TL_ERANGE = -6,   /**< a value is outside the supported range */
	TL_EFORMAT = -7,  /**< malformed input of a structured format */
	TL_ENOTFOUND = -8 /**< no such item (index out of range, unknown name) */
} tl_error;

/**
 * Name of an error code ("out of memory", ...).  Never NULL; an unknown code
 * gives "unknown error".  The string is static.
 */
TL_EXTERN(const char *) tl_strerror(int code);

/**
 * Message of the last failure on the calling thread, with details (file, line,
 * byte offset where known).  Never NULL: "" when nothing failed yet.  The
 * string belongs to the library and stays valid until the next libtimeline
 * call on the same thread.
 */
TL_EXTERN(const char *) tl_error_last(void);

/** Forget the last error of the calling thread. */
TL_EXTERN(void) tl_error_clear(void);

/** Version string of the library that is linked in ("0.1.0"). */
TL_EXTERN(const char *) tl_version(void);

/**
 * Free a buffer that libtimeline handed to the caller (export output, ...).
 * NULL is a no-op.
 */
TL_EXTERN(void) tl_free(void *buf);

TL_END_DECLS

#endif
