/*
 * output.c - where the output goes: standard output, or an -o file that
 * appears whole or not at all.
 *
 * With -o FILE the output is written to a temporary file next to FILE
 * (FILE.tmp.XXXXXX, same directory, so that rename() is atomic) and renamed
 * over FILE only when everything succeeded.  On failure, and on SIGINT,
 * SIGTERM or SIGHUP, the temporary file is removed: no partial FILE, ever.
 * When FILE exists and is not a regular file (/dev/null, a FIFO), it is
 * written directly: renaming over it would replace a device with a file.
 * When FILE is a symbolic link, the file it points to is replaced.
 *
 * A stretch of a file (a spill of the merge) is copied to the sink by the
 * kernel, with sendfile(), where it can: the bytes do not pass through this
 * process (to /dev/null or a pipe they are not copied at all).
 *
 * A closed pipe (`timeline big.txt | head`) is not an error worth a message:
 * the default SIGPIPE ends the process quietly; when SIGPIPE is ignored, the
 * EPIPE from the write stops the run, again without a message.
 */
#define _XOPEN_SOURCE 700 /* realpath() */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/sendfile.h>
#endif

/* The longest file name (one path component) the temporary file may have. */
#ifdef NAME_MAX
#define TMP_NAME_MAX NAME_MAX
#else
#define TMP_NAME_MAX 255
#endif

/* The temporary file to remove if a signal ends the process. */
static char *volatile pending_tmp;

/* Signal handler: remove the temporary file, then die of the same signal. */
static void on_signal(int sig)
{
	char *tmp = pending_tmp;
	if (tmp)
		unlink(tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Install on_signal for the signals that end a run from outside. */
static void catch_signals(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction sa;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(sigs[i], &sa, NULL);
	}
}

/* Where the symbolic link path leads, followed to its end even when that
 * does not exist yet (realpath() refuses such a link): a malloc'd path, or
 * NULL with errno set (ELOOP after 40 links). */
static char *link_end(const char *path)
{
	char *cur = strdup(path), target[4096];
	for (int hops = 0; cur && hops < 40; hops++) {
		struct stat sb;
		ssize_t n;
		if (lstat(cur, &sb) != 0 || !S_ISLNK(sb.st_mode))
			return cur;
		if ((n = readlink(cur, target, sizeof(target) - 1)) < 0) {
			free(cur);
			return NULL;
		}
		target[n] = '\0';
		/* a relative target is relative to the link's directory */
		const char *slash = target[0] == '/' ? NULL : strrchr(cur, '/');
		size_t dir = slash ? (size_t)(slash - cur) + 1 : 0;
		char *next = malloc(dir + (size_t)n + 1);
		if (next) {
			memcpy(next, cur, dir);
			memcpy(next + dir, target, (size_t)n + 1);
		}
		free(cur);
		cur = next;
	}
	if (cur) {
		free(cur);
		errno = ELOOP;
	} else
		errno = ENOMEM;
	return NULL;
}

/* The sink's stdio buffer.  Given to setvbuf() explicitly: with a NULL buffer
 * glibc keeps the size it picks itself (st_blksize, 4 KiB for a pipe or a
 * file), and a merged timeline went out 4 KiB a write.  One sink a run. */
static char sink_buf[1 << 16];

/* Open the sink: standard output, or a temporary file next to path. */
int cli_sink_open(cli_sink *s, const char *path)
{
	memset(s, 0, sizeof(*s));
	s->path = path;
	if (!path) {
		s->f = stdout;
		setvbuf(stdout, sink_buf, _IOFBF, sizeof(sink_buf));
		return 0;
	}
	/* Not a regular file (/dev/null, a FIFO, a terminal): write to it as it
	 * is; a rename would replace the device with a file. */
	struct stat sb;
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		if (!(s->f = fopen(path, "wb"))) {
			cli_error("%s: %s", path, strerror(errno));
			return CLI_EXIT_INPUT;
		}
		s->direct = 1;
		setvbuf(s->f, sink_buf, _IOFBF, sizeof(sink_buf));
		return 0;
	}
	/* A symbolic link: replace the file it points to, and keep the link;
	 * a link to a file not there yet makes that file, as `>` would. */
	if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)) {
		if (!(s->real = realpath(path, NULL)) && !(s->real = link_end(path))) {
			cli_error("%s: %s", path, strerror(errno));
			return CLI_EXIT_INPUT;
		}
		path = s->real;
	}
	size_t n = strlen(path) + 16;
	s->tmp = malloc(n);
	if (!s->tmp) {
		cli_error("%s: %s", path, strerror(ENOMEM));
		return CLI_EXIT_INPUT;
	}
	/* FILE.tmp.XXXXXX, with FILE's own name shortened when the suffix would
	 * take it past NAME_MAX (a valid name of 250 bytes must stay writable) */
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t keep = strlen(base), most = TMP_NAME_MAX - (sizeof(".tmp.XXXXXX") - 1);
	if (keep > most) {
		keep = most;
		while (keep > 0 && ((unsigned char)base[keep] & 0xC0) == 0x80)
			keep--; /* not inside a UTF-8 sequence */
	}
	snprintf(s->tmp, n, "%.*s%.*s.tmp.XXXXXX", (int)(base - path), path, (int)keep, base);
	catch_signals();
	int fd = mkstemp(s->tmp);
	if (fd < 0) {
		cli_error("%s: %s", path, strerror(errno));
		free(s->tmp);
		s->tmp = NULL;
		return CLI_EXIT_INPUT;
	}
	pending_tmp = s->tmp;
	/* mkstemp makes the file 0600; give it the mode of the file it replaces
	 * (a private 0600 file stays private), else the mode a new file gets. */
	mode_t mask = umask(0);
	umask(mask);
	if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
		fchmod(fd, sb.st_mode & 0777);
	else
		fchmod(fd, 0666 & ~mask);
	s->f = fdopen(fd, "wb");
	if (!s->f) {
		cli_error("%s: %s", path, strerror(errno));
		close(fd);
		cli_sink_abort(s);
		return CLI_EXIT_INPUT;
	}
	setvbuf(s->f, sink_buf, _IOFBF, sizeof(sink_buf));
	return 0;
}

/* Write p[0..n) to the sink's descriptor, past its stdio buffer (flushed
 * first, so that the bytes stay in order): cli_sink_writev() of one piece;
 * 0, or -1 remembered. */
static int write_past(cli_sink *s, const char *p, size_t n)
{
	struct iovec v = {(void *)(uintptr_t)p, n};
	return cli_sink_writev(s, &v, 1);
}

/* A piece of this many bytes or more is big enough for a write() of its own. */
#define WRITE_PAST ((size_t)16 << 10)

/* Write n bytes; remember the first failure.  A big piece (WRITE_PAST) goes
 * to the descriptor in one write(), not copied into the stdio buffer first. */
int cli_sink_write(cli_sink *s, const void *p, size_t n)
{
	if (s->failed)
		return -1;
	if (n >= WRITE_PAST)
		return write_past(s, p, n);
	if (n && fwrite(p, 1, n, s->f) != n) {
		s->failed = 1;
		s->errno_saved = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

int cli_sink_writev(cli_sink *s, struct iovec *v, int n)
{
	if (s->failed)
		return -1;
	if (fflush(s->f) != 0) {
		s->failed = 1;
		s->errno_saved = errno ? errno : EIO;
		return -1;
	}
	int fd = fileno(s->f);
	while (n > 0) {
		ssize_t w = writev(fd, v, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			s->failed = 1;
			s->errno_saved = w < 0 && errno ? errno : EIO;
			return -1;
		}
		/* a short write: skip what went out, go on with the rest */
		while (n > 0 && (size_t)w >= v->iov_len) {
			w -= (ssize_t)v->iov_len;
			v++;
			n--;
		}
		if (n > 0) {
			v->iov_base = (char *)v->iov_base + w;
			v->iov_len -= (size_t)w;
		}
	}
	return 0;
}

/* Bytes a sendfile() call or a read() moves at most. */
#define COPY_CHUNK ((size_t)1 << 30)

/* Copy len bytes at off of fd to s through a buffer; 0, or -1 when fd
 * cannot be read. */
static int copy_through(cli_sink *s, int fd, uint64_t off, uint64_t len)
{
	static char buf[1 << 16];
	while (len > 0 && !s->failed) {
		size_t want = len < sizeof(buf) ? (size_t)len : sizeof(buf);
		ssize_t n = pread(fd, buf, want, (off_t)off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		cli_sink_write(s, buf, (size_t)n);
		off += (uint64_t)n;
		len -= (uint64_t)n;
	}
	return 0;
}

/* Copy len bytes of the file fd, from offset off, to the sink. */
int cli_sink_copy(cli_sink *s, int fd, uint64_t off, uint64_t len)
{
	if (s->failed || len == 0)
		return 0;
	if (off > (uint64_t)INT64_MAX || len > (uint64_t)INT64_MAX - off) {
		errno = EOVERFLOW;
		return -1;
	}
	if (fflush(s->f) != 0) { /* what is buffered goes first */
		s->failed = 1;
		s->errno_saved = errno ? errno : EIO;
		return 0;
	}
#ifdef __linux__
	int out = fileno(s->f);
	while (len > 0 && !s->no_sendfile) {
		off_t at = (off_t)off;
		ssize_t n = sendfile(out, fd, &at, len < COPY_CHUNK ? (size_t)len : COPY_CHUNK);
		if (n > 0) {
			off += (uint64_t)n;
			len -= (uint64_t)n;
		} else if (n == 0) {
			errno = EIO; /* the file is shorter than it should be */
			return -1;
		} else if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) {
			s->no_sendfile = 1; /* this output does not take it: the buffer */
		} else if (errno != EINTR) {
			/* a failed write (EPIPE, ENOSPC...) as fwrite() would see it */
			s->failed = 1;
			s->errno_saved = errno;
			return 0;
		}
	}
#endif
	return copy_through(s, fd, off, len);
}

/* Report a failed write, unless the reader of a pipe went away. */
void cli_sink_report(const cli_sink *s)
{
	if (s->errno_saved == EPIPE)
		return;
	cli_error("%s: %s", s->path ? s->path : "standard output",
	          strerror(s->errno_saved ? s->errno_saved : EIO));
}

/* Flush and close; with -o, rename the temporary file into place. */
int cli_sink_commit(cli_sink *s)
{
	if (!s->failed && fflush(s->f) != 0) {
		s->failed = 1;
		s->errno_saved = errno;
	}
	if (s->direct && fclose(s->f) != 0 && !s->failed) {
		s->failed = 1;
		s->errno_saved = errno;
	}
	if (!s->tmp) {
		if (s->direct)
			s->f = NULL;
		if (s->failed) {
			cli_sink_report(s);
			return CLI_EXIT_INPUT;
		}
		return 0;
	}
	if (fclose(s->f) != 0 && !s->failed) {
		s->failed = 1;
		s->errno_saved = errno;
	}
	s->f = NULL;
	if (!s->failed && rename(s->tmp, s->real ? s->real : s->path) != 0) {
		s->failed = 1;
		s->errno_saved = errno;
	}
	if (s->failed) {
		cli_sink_report(s);
		cli_sink_abort(s);
		return CLI_EXIT_INPUT;
	}
	pending_tmp = NULL;
	free(s->tmp);
	s->tmp = NULL;
	free(s->real);
	s->real = NULL;
	return 0;
}

/* Drop the output: with -o, close and remove the temporary file. */
void cli_sink_abort(cli_sink *s)
{
	if (!s->tmp) {
		if (s->f && s->direct)
			fclose(s->f);
		else if (s->f)
			fflush(s->f);
		s->f = NULL;
		return;
	}
	if (s->f)
		fclose(s->f);
	s->f = NULL;
	unlink(s->tmp);
	pending_tmp = NULL;
	free(s->tmp);
	s->tmp = NULL;
	free(s->real);
	s->real = NULL;
}

/* "timeline: message" on stderr, below any progress line. */
void cli_error(const char *fmt, ...)
{
	va_list ap;
	cli_progress_done();
	fputs("timeline: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
