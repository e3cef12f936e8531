/*
 * progress.c - the progress line on stderr for long runs.
 *
 * Shown only when stderr is a terminal, --quiet was not given, and the run has
 * lasted more than a second; redrawn at most four times a second, in place
 * ("\r" and erase-to-end-of-line).  It reads the counters of cli_stats, which
 * only the main thread updates, so it needs no lock.
 *
 * Also the --stats report: CPU time per thread, from the thread CPU clocks.
 */
#include "cli.h"

#include <time.h>
#include <unistd.h>

static const cli_stats *stats;
static int enabled;
static int shown;
static double t_start, t_last;

/* Seconds on the monotonic clock. */
static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Decide whether to show progress and start the clock. */
void cli_progress_init(const cli_stats *st, int quiet)
{
	stats = st;
	enabled = !quiet && isatty(STDERR_FILENO);
	t_start = t_last = now();
}

/* Redraw the line when it is due. */
void cli_progress_tick(void)
{
	if (!enabled)
		return;
	double t = now();
	if (t - t_start < 1.0 || t - t_last < 0.25)
		return;
	t_last = t;
	double mb = (double)stats->bytes_in / 1e6;
	double rate = mb / (t - t_start);
	fprintf(stderr, "\r\033[Ktimeline: %llu documents, %.1f MB, %.1f MB/s",
	        (unsigned long long)stats->docs_out, mb, rate);
	if (stats->bytes_total && stats->bytes_in <= stats->bytes_total && rate > 0) {
		double left = ((double)(stats->bytes_total - stats->bytes_in) / 1e6) / rate;
		unsigned long s = (unsigned long)(left + 0.5);
		fprintf(stderr, ", %.0f%%, ETA %lu:%02lu:%02lu",
		        100.0 * (double)stats->bytes_in / (double)stats->bytes_total, s / 3600,
		        s / 60 % 60, s % 60);
	}
	if (stats->bad)
		fprintf(stderr, ", %llu skipped", (unsigned long long)stats->bad);
	fflush(stderr);
	shown = 1;
}

/* Erase the line, if one is shown. */
void cli_progress_done(void)
{
	if (!shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	shown = 0;
}

/* CPU seconds of the calling thread. */
double cli_thread_cpu(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
		return 0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* --stats: the serial part (main thread outside jobs) against the jobs. */
void cli_cpu_report(const cli_cpu *cpu, double main_cpu)
{
	/* with no workers the jobs ran on the main thread: take them out */
	double serial = cpu->nworkers ? main_cpu : main_cpu - cpu->jobs;
	double total = serial + cpu->jobs;
	if (serial < 0)
		serial = 0;
	cli_progress_done();
	fprintf(stderr,
	        "timeline: cpu %.3f s: main thread %.3f s (%.1f%%: reading, handing out, "
	        "ordering, writing), jobs %.3f s",
	        total, serial, total > 0 ? 100.0 * serial / total : 0.0, cpu->jobs);
	if (cpu->nworkers)
		fprintf(stderr, " (%d worker%s, %.3f to %.3f s each)\n", cpu->nworkers,
		        cpu->nworkers == 1 ? "" : "s", cpu->worker_min, cpu->worker_max);
	else
		fputs(" (on the main thread)\n", stderr);
}
