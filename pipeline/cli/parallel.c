/* parallel.c -- text-mode inputs on worker threads, output kept in input order.
 *
 * Workers claim inputs in order and render each into its own buffer; the main thread writes
 * the buffers in input order. A worker may run at most `window` inputs ahead of the writer,
 * so memory stays bounded by a few documents per thread, never by the corpus. The oldest
 * unwritten input (the head) writes straight to the stream instead: the writer waits for it
 * anyway, and a big document's output (often several times the document) is never held. */
#include "run.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pool {
    runner *r;
    job_result *jobs;
    unsigned char *done;
    size_t n, next_claim, next_write, window;
    int stop;
    unsigned n_waiting; /* workers waiting for the writer to make room in the window */
    pthread_mutex_t mu;
    /* Two conditions, so that a finished job wakes the writer only when it is the one the
     * writer waits for, and the writer wakes workers only when one waits (a wake-up is a
     * context switch: several per document with one condition for both). */
    pthread_cond_t finished; /* the writer: job next_write is done */
    pthread_cond_t room;     /* the workers: next_write moved, or stop */
} pool;

/* The sink of job i in stream mode: buffered in the job's result until the job is the head,
 * then (after handing over what it buffered) written to the stream directly. Only the head
 * writes to the stream, and the main thread writes nothing until the head is done. */
typedef struct job_sink {
    pool *p;
    size_t i;
    int direct;
} job_sink;

static hnp_status job_write(void *ctx, const void *data, size_t len)
{
    job_sink *js = ctx;
    pool *p = js->p;
    job_result *res = &p->jobs[js->i];
    if (!js->direct) {
        pthread_mutex_lock(&p->mu);
        js->direct = p->next_write == js->i && !p->stop;
        pthread_mutex_unlock(&p->mu);
        if (!js->direct) {
            return hnp_membuf_sink(&res->out).write(&res->out, data, len);
        }
        if (res->out.len &&
            p->r->sink.write(p->r->sink.ctx, res->out.data, res->out.len) != HNP_OK) {
            res->stream_errno = errno ? errno : EIO;
        }
        hnp_membuf_free(&res->out);
    }
    /* A failed stream write stops the run (run_finish_job), not this document: later
     * writes are dropped, as the buffered path drops a job's output after a failure. */
    if (!res->stream_errno && p->r->sink.write(p->r->sink.ctx, data, len) != HNP_OK) {
        res->stream_errno = errno ? errno : EIO;
    }
    return HNP_OK;
}

typedef struct worker_arg {
    pool *p;
    unsigned slot;
    hnp_status create_status;
} worker_arg;

static void *worker_main(void *arg)
{
    worker_arg *wa = arg;
    pool *p = wa->p;
    hnp_worker *w = NULL;
    wa->create_status = hnp_worker_create(p->r->pipe, &w);
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->stop && p->next_claim < p->n && p->next_claim >= p->next_write + p->window) {
            p->n_waiting++;
            pthread_cond_wait(&p->room, &p->mu);
            p->n_waiting--;
        }
        if (p->stop || p->next_claim >= p->n) {
            pthread_mutex_unlock(&p->mu);
            break;
        }
        size_t i = p->next_claim++;
        pthread_mutex_unlock(&p->mu);
        if (w) {
            job_sink js = {p, i, 0};
            hnp_sink sink = {job_write, &js};
            run_text_job(p->r, w, wa->slot, &p->r->inputs->v[i], i, &sink, &p->jobs[i]);
        } else {
            snprintf(p->jobs[i].msg, sizeof p->jobs[i].msg, "hnpipe: %s: %s\n",
                     p->r->inputs->v[i].path, hnp_strerror(wa->create_status));
            p->jobs[i].failed = 1;
        }
        pthread_mutex_lock(&p->mu);
        p->done[i] = 1;
        if (i == p->next_write) {
            pthread_cond_signal(&p->finished);
        }
        pthread_mutex_unlock(&p->mu);
    }
    hnp_worker_free(w);
    return NULL;
}

static void write_in_order(pool *p)
{
    for (size_t i = 0; i < p->n; i++) {
        pthread_mutex_lock(&p->mu);
        while (!p->done[i]) {
            pthread_cond_wait(&p->finished, &p->mu);
        }
        pthread_mutex_unlock(&p->mu);
        run_finish_job(p->r, p->r->inputs->v[i].id, &p->jobs[i]);
        pthread_mutex_lock(&p->mu);
        p->next_write = i + 1;
        p->stop = p->r->write_failed != 0;
        if (p->n_waiting || p->stop) {
            pthread_cond_broadcast(&p->room);
        }
        pthread_mutex_unlock(&p->mu);
        progress_update(&p->r->prog, p->r->st.docs, p->r->st.bytes);
        if (p->stop) {
            break;
        }
    }
}

/* No input is stdin: each is read whole, so nothing waits on a slow input. */
static int all_files(const input_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        if (strcmp(l->v[i].path, "-") == 0) {
            return 0;
        }
    }
    return 1;
}

int run_parallel(runner *r)
{
    r->hold = !r->o->verbose && all_files(r->inputs);
    pool p;
    memset(&p, 0, sizeof p);
    p.r = r;
    p.n = r->inputs->n;
    unsigned n_threads = r->o->jobs < p.n ? r->o->jobs : (unsigned)(p.n ? p.n : 1);
    p.window = 4 * (size_t)n_threads;
    p.jobs = calloc(p.n ? p.n : 1, sizeof *p.jobs);
    p.done = calloc(p.n ? p.n : 1, 1);
    pthread_t *tids = calloc(n_threads, sizeof *tids);
    worker_arg *args = calloc(n_threads, sizeof *args);
    if (!p.jobs || !p.done || !tids || !args) {
        free(p.jobs);
        free(p.done);
        free(tids);
        free(args);
        fputs("hnpipe: out of memory\n", stderr);
        return EXIT_USAGE;
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.finished, NULL);
    pthread_cond_init(&p.room, NULL);
    unsigned started = 0;
    for (unsigned t = 0; t < n_threads; t++) {
        args[t] = (worker_arg){&p, t + 1, HNP_OK};
        started += pthread_create(&tids[started], NULL, worker_main, &args[t]) == 0;
    }
    if (started == 0) { /* no thread could be made: do the work here, then write it */
        p.window = p.n;
        worker_main(&args[0]);
    }
    write_in_order(&p);
    for (unsigned t = 0; t < started; t++) {
        pthread_join(tids[t], NULL);
    }
    for (size_t i = 0; i < p.n; i++) {
        hnp_membuf_free(&p.jobs[i].out); /* jobs left unwritten after a write failure */
        report_log_free(&p.jobs[i].rep);
    }
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.finished);
    pthread_cond_destroy(&p.room);
    free(p.jobs);
    free(p.done);
    free(tids);
    free(args);
    return EXIT_OK;
}
