/* parallel.c -- text-mode inputs on worker threads, output kept in input order.
 *
 * Workers claim inputs in order and render each into its own buffer. The buffers are written
 * in input order by the writer: whichever worker finishes the job that is next in order
 * takes that role and finishes every job that is done from there, so no thread is woken per
 * document to do it (the main thread only waits for the end). A worker may run at most
 * `window` inputs ahead of the writer, so memory stays bounded by a few documents per
 * thread, never by the corpus. The oldest unwritten input (the head) writes straight to the
 * stream instead: the writer waits for it anyway, and a big document's output (often
 * several times the document) is never held. */
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
    unsigned doc_threads; /* threads for a big document's windows (hnp_worker_set_threads) */
    int stop;
    int writing;        /* a worker holds the writer's role */
    unsigned n_waiting; /* workers waiting for the writer to make room in the window */
    pthread_mutex_t mu;
    /* The writer wakes workers only when one waits (a wake-up is a context switch). */
    pthread_cond_t room;  /* the workers: next_write moved, or stop */
    pthread_cond_t ended; /* the main thread: every job finished, or stop */
} pool;

/* The sink of job i in stream mode: buffered in the job's result until the job is the head,
 * then (after handing over what it buffered) written to the stream directly. Only the head
 * writes to the stream, and the writer writes nothing until the head is done. */
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

/* Under mu, by a worker that has just marked its job done: unless another worker holds the
 * writer's role, takes it and finishes (writes, counts, reports) the jobs that are done, in
 * input order, from next_write on. The role makes one thread at a time touch the runner and
 * the stream (besides the head's direct writes, which start once next_write reaches it). */
static void finish_ready(pool *p)
{
    if (p->writing) {
        return;
    }
    p->writing = 1;
    while (!p->stop && p->next_write < p->n && p->done[p->next_write]) {
        size_t i = p->next_write;
        pthread_mutex_unlock(&p->mu);
        run_finish_job(p->r, p->r->inputs->v[i].id, &p->jobs[i]);
        progress_update(&p->r->prog, p->r->st.docs, p->r->st.bytes);
        pthread_mutex_lock(&p->mu);
        p->next_write = i + 1;
        p->stop = p->r->write_failed != 0;
        if (p->n_waiting || p->stop) {
            pthread_cond_broadcast(&p->room);
        }
    }
    p->writing = 0;
    if (p->stop || p->next_write == p->n) {
        pthread_cond_signal(&p->ended);
    }
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
    wa->create_status = runner_worker(p->r, &w);
    if (w) {
        hnp_worker_set_threads(w, p->doc_threads);
    }
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
        finish_ready(p);
        pthread_mutex_unlock(&p->mu);
    }
    hnp_worker_free(w);
    return NULL;
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
    /* Fewer inputs than -j (one big file): the cores left over share its windows. */
    p.doc_threads = r->o->jobs / n_threads;
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
    pthread_cond_init(&p.room, NULL);
    pthread_cond_init(&p.ended, NULL);
    unsigned started = 0;
    for (unsigned t = 0; t < n_threads; t++) {
        args[t] = (worker_arg){&p, t + 1, HNP_OK};
        started += pthread_create(&tids[started], NULL, worker_main, &args[t]) == 0;
    }
    if (started == 0) { /* no thread could be made: do the work here, then write it */
        p.window = p.n;
        worker_main(&args[0]);
    }
    pthread_mutex_lock(&p.mu);
    while (!p.stop && p.next_write < p.n) {
        pthread_cond_wait(&p.ended, &p.mu);
    }
    pthread_mutex_unlock(&p.mu);
    for (unsigned t = 0; t < started; t++) {
        pthread_join(tids[t], NULL);
    }
    for (size_t i = 0; i < p.n; i++) {
        hnp_membuf_free(&p.jobs[i].out); /* jobs left unwritten after a write failure */
        report_log_free(&p.jobs[i].rep);
    }
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.room);
    pthread_cond_destroy(&p.ended);
    free(p.jobs);
    free(p.done);
    free(tids);
    free(args);
    return EXIT_OK;
}
