/*
 * workers.c - worker threads over an ordered, bounded window of jobs.
 *
 * The window is a ring of `window` slots.  The main thread pushes jobs at the
 * tail and pops them at the head, so output order is push order whatever
 * order the workers finish in; workers take the oldest job not yet started.
 * A full window makes the main thread wait for the oldest job: memory stays
 * bounded by `window` jobs however long the input.
 */
#include "cli.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { SLOT_QUEUED, SLOT_RUNNING, SLOT_DONE };

/* What a worker thread knows of itself: its pool, and the CPU time it used
 * (written once, as it ends).  One cache line each. */
typedef struct wk {
	struct cli_pool *pool;
	double cpu;
	char pad[64 - sizeof(void *) - sizeof(double)];
} wk;

typedef struct slot {
	void *job;
	int state;
} slot;

struct cli_pool {
	cli_job_fn fn;
	void *ctx;
	int nthreads;
	pthread_t *threads;
	wk *wks;           /* one per thread */
	double inline_cpu; /* no threads: CPU time of the jobs run inline */
	pthread_mutex_t mu;
	pthread_cond_t work; /* a job was queued, or stop */
	pthread_cond_t done; /* a job finished */
	slot *ring;
	size_t window;
	size_t base;  /* number of jobs popped: the oldest job's number */
	size_t count; /* jobs in the window */
	size_t next;  /* number of the next job to start */
	int stop;
};

/* A worker: run queued jobs in order until told to stop. */
static void *worker(void *arg)
{
	wk *self = arg;
	cli_pool *p = self->pool;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->stop && p->next == p->base + p->count)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->next == p->base + p->count)
			break; /* stop, and nothing left to run */
		slot *s = &p->ring[p->next % p->window];
		p->next++;
		s->state = SLOT_RUNNING;
		pthread_mutex_unlock(&p->mu);
		p->fn(s->job, p->ctx);
		pthread_mutex_lock(&p->mu);
		s->state = SLOT_DONE;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	self->cpu = cli_thread_cpu();
	return NULL;
}

/* Make a pool and start its threads. */
int cli_pool_new(cli_pool **out, int nthreads, size_t window, cli_job_fn fn, void *ctx)
{
	cli_pool *p = calloc(1, sizeof(*p));
	*out = NULL;
	if (!p)
		goto nomem;
	p->fn = fn;
	p->ctx = ctx;
	p->window = nthreads > 0 ? window : 1;
	p->ring = calloc(p->window, sizeof(*p->ring));
	p->threads = nthreads > 0 ? calloc((size_t)nthreads, sizeof(*p->threads)) : NULL;
	p->wks = nthreads > 0 ? calloc((size_t)nthreads, sizeof(*p->wks)) : NULL;
	if (!p->ring || (nthreads > 0 && (!p->threads || !p->wks))) {
		free(p->ring);
		free(p->threads);
		free(p->wks);
		free(p);
		goto nomem;
	}
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done, NULL);
	for (int i = 0; i < nthreads; i++) {
		p->wks[i].pool = p;
		if (pthread_create(&p->threads[i], NULL, worker, &p->wks[i]) != 0) {
			cli_pool_free(p, NULL);
			cli_error("cannot start a worker thread");
			return -1;
		}
		p->nthreads++;
	}
	*out = p;
	return 0;
nomem:
	cli_error("out of memory");
	return -1;
}

int cli_pool_full(const cli_pool *p)
{
	return p->count == p->window;
}

/* Queue a job; with no threads, run it now. */
void cli_pool_push(cli_pool *p, void *job)
{
	if (p->nthreads == 0) {
		double t = cli_thread_cpu();
		p->fn(job, p->ctx);
		p->inline_cpu += cli_thread_cpu() - t;
		p->ring[0].job = job;
		p->ring[0].state = SLOT_DONE;
		p->count = 1;
		return;
	}
	pthread_mutex_lock(&p->mu);
	slot *s = &p->ring[(p->base + p->count) % p->window];
	s->job = job;
	s->state = SLOT_QUEUED;
	p->count++;
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->mu);
}

/* Take the oldest job out once it is done. */
void *cli_pool_pop(cli_pool *p, int wait)
{
	void *job = NULL;
	if (p->nthreads == 0) {
		if (p->count) {
			job = p->ring[0].job;
			p->count = 0;
		}
		return job;
	}
	pthread_mutex_lock(&p->mu);
	if (p->count) {
		slot *s = &p->ring[p->base % p->window];
		while (wait && s->state != SLOT_DONE)
			pthread_cond_wait(&p->done, &p->mu);
		if (s->state == SLOT_DONE) {
			job = s->job;
			s->job = NULL;
			p->base++;
			p->count--;
		}
	}
	pthread_mutex_unlock(&p->mu);
	return job;
}

/* Stop the workers and free the pool; say how much CPU the jobs took. */
void cli_pool_free(cli_pool *p, cli_cpu *cpu)
{
	if (cpu)
		memset(cpu, 0, sizeof(*cpu));
	if (!p)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = 1;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->mu);
	for (int i = 0; i < p->nthreads; i++)
		pthread_join(p->threads[i], NULL);
	if (cpu) {
		cpu->nworkers = p->nthreads;
		cpu->jobs = p->inline_cpu;
		for (int i = 0; i < p->nthreads; i++) {
			double c = p->wks[i].cpu;
			cpu->jobs += c;
			if (i == 0 || c < cpu->worker_min)
				cpu->worker_min = c;
			if (i == 0 || c > cpu->worker_max)
				cpu->worker_max = c;
		}
	}
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->done);
	free(p->threads);
	free(p->wks);
	free(p->ring);
	free(p);
}
