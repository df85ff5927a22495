/* stream_pool.c -- the documents of line-oriented inputs (--records, PubTator, JSONL) on the
 * -j worker threads, output in input order.
 *
 * A reader thread cuts the input into jobs (stream.c) and queues them; at most `window`
 * jobs are in flight, so memory grows with a few documents per thread, never with the
 * input. Workers take jobs in order; the calling thread finishes them in order (writes what
 * they held back, counts them, prints their messages). The oldest unfinished job (the head)
 * writes straight to the output: the writer waits for it anyway, and a big document's
 * output is never held. A document's index in its output (which depends on whether the
 * documents before it were taken) is fixed once every earlier job has been opened. */
#include "stream.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct stream_pool {
    const runner *r;
    stream_ctx *c; /* the input being read (set before its reader starts) */
    stream_job **ring;
    size_t window;
    size_t submitted, next_claim, next_write; /* job sequence numbers */
    size_t next_open, open_count; /* the first job whose index is not fixed yet, and it */
    uint64_t consumed;            /* bytes read (the reader's), for the progress line */
    int reading, stop, quit;
    pthread_mutex_t mu;
    /* one condition per kind of waiter, so that a change wakes only those it concerns */
    pthread_cond_t work;  /* workers: a job was queued, or quit */
    pthread_cond_t opens; /* workers in index_of: indexes were fixed */
    pthread_cond_t done;  /* the finisher: a job was processed, or the reader ended */
    pthread_cond_t space; /* the reader: a job was finished (room in the window), or stop */
    unsigned n_threads;
    pthread_t *tids;
};

static stream_job *at(stream_pool *p, size_t seq)
{
    return p->ring[seq % p->window];
}

/* Fixes the indexes of the jobs whose predecessors are all opened or refused (under mu). */
static void fix_indexes(stream_pool *p)
{
    int moved = 0;
    while (p->next_open < p->submitted && at(p, p->next_open)->done >= 1) {
        stream_job *j = at(p, p->next_open++);
        j->index = p->open_count;
        p->open_count += (size_t)j->opened;
        moved = 1;
    }
    if (moved) {
        pthread_cond_broadcast(&p->opens);
    }
}

typedef struct pool_job {
    stream_pool *p;
    stream_job *j;
    size_t seq;
    int direct;
    size_t next_check; /* ask again whether it is the head once it holds this much */
} pool_job;

/* Called once the job is opened or refused: waits until every earlier one is. */
static size_t index_of(void *ctx, stream_job *j)
{
    pool_job *pj = ctx;
    stream_pool *p = pj->p;
    pthread_mutex_lock(&p->mu);
    j->done = 1; /* 1: opened or refused; 2: processed */
    fix_indexes(p);
    while (p->next_open <= pj->seq) {
        pthread_cond_wait(&p->opens, &p->mu);
    }
    size_t index = j->index;
    pthread_mutex_unlock(&p->mu);
    return index;
}

/* The job's sink: held back in j->out until the job is the head, then (after handing over
 * what it held) straight to the output; the finisher writes nothing while the head runs.
 * Whether it is the head is asked at its first write and then each time it holds another
 * HEAD_CHECK bytes: one lock for most documents, and a big one is not held whole. */
enum { HEAD_CHECK = 1 << 16 };

static hnp_status job_write(void *ctx, const void *data, size_t len)
{
    pool_job *pj = ctx;
    stream_pool *p = pj->p;
    stream_job *j = pj->j;
    const hnp_sink *out = p->c->sink;
    if (!pj->direct && j->out.len >= pj->next_check) {
        pthread_mutex_lock(&p->mu);
        pj->direct = p->next_write == pj->seq && !p->stop;
        pthread_mutex_unlock(&p->mu);
        pj->next_check = j->out.len + HEAD_CHECK;
        if (pj->direct && j->out.len) {
            hnp_status st = out->write(out->ctx, j->out.data, j->out.len);
            hnp_membuf_free(&j->out);
            if (st != HNP_OK) {
                return st;
            }
        }
    }
    if (!pj->direct) {
        return hnp_membuf_sink(&j->out).write(&j->out, data, len);
    }
    return out->write(out->ctx, data, len);
}

static void *worker_main(void *arg)
{
    stream_pool *p = arg;
    hnp_worker *w = NULL;
    hnp_status made = hnp_worker_create(p->r->pipe, &w);
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->quit && p->next_claim == p->submitted) {
            pthread_cond_wait(&p->work, &p->mu);
        }
        if (p->quit) {
            break;
        }
        size_t seq = p->next_claim++;
        stream_job *j = at(p, seq);
        int skip = p->stop || !w || j->kind == SJOB_NOTE; /* a note passes through */
        pthread_mutex_unlock(&p->mu);
        pool_job pj = {p, j, seq, 0, 0};
        if (!w && j->kind != SJOB_NOTE) {
            j->note = SNOTE_FAILED;
            snprintf(j->msg, sizeof j->msg, "hnpipe: %s:%zu: %s\n", p->c->in->path, j->lineno,
                     hnp_strerror(made));
        } else if (!skip) {
            hnp_sink sink = {job_write, &pj};
            stream_job_run(p->c, w, j, &sink, index_of, &pj);
        }
        pthread_mutex_lock(&p->mu);
        if (j->done < 1) { /* not run: its index is fixed as refused */
            j->done = 1;
            fix_indexes(p);
        }
        j->done = 2;
        if (seq == p->next_write) { /* the finisher waits for no other */
            pthread_cond_signal(&p->done);
        }
    }
    pthread_mutex_unlock(&p->mu);
    hnp_worker_free(w);
    return NULL;
}

stream_pool *stream_pool_create(const runner *r, unsigned n_threads)
{
    stream_pool *p = calloc(1, sizeof *p);
    if (!p) {
        return NULL;
    }
    p->r = r;
    p->window = 4 * (size_t)n_threads;
    p->ring = calloc(p->window, sizeof *p->ring);
    p->tids = calloc(n_threads, sizeof *p->tids);
    if (!p->ring || !p->tids) {
        free(p->ring);
        free(p->tids);
        free(p);
        return NULL;
    }
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->opens, NULL);
    pthread_cond_init(&p->done, NULL);
    pthread_cond_init(&p->space, NULL);
    for (unsigned t = 0; t < n_threads; t++) {
        p->n_threads += pthread_create(&p->tids[p->n_threads], NULL, worker_main, p) == 0;
    }
    if (p->n_threads == 0) {
        stream_pool_free(p);
        return NULL;
    }
    return p;
}

void stream_pool_free(stream_pool *p)
{
    if (!p) {
        return;
    }
    pthread_mutex_lock(&p->mu);
    p->quit = 1;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    for (unsigned t = 0; t < p->n_threads; t++) {
        pthread_join(p->tids[t], NULL);
    }
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->opens);
    pthread_cond_destroy(&p->done);
    pthread_cond_destroy(&p->space);
    free(p->ring);
    free(p->tids);
    free(p);
}

int stream_pool_submit(stream_pool *p, stream_job *j)
{
    pthread_mutex_lock(&p->mu);
    p->consumed = p->c->consumed;
    while (!p->stop && p->submitted - p->next_write >= p->window) {
        pthread_cond_wait(&p->space, &p->mu);
    }
    if (p->stop) {
        pthread_mutex_unlock(&p->mu);
        stream_job_free(j);
        return -1;
    }
    j->done = j->kind == SJOB_NOTE; /* a note's index is fixed: it is no document */
    p->ring[p->submitted++ % p->window] = j;
    fix_indexes(p);
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
    return 0;
}

int stream_pool_stopped(stream_pool *p)
{
    pthread_mutex_lock(&p->mu);
    int stop = p->stop;
    pthread_mutex_unlock(&p->mu);
    return stop;
}

static void *reader_main(void *arg)
{
    stream_pool *p = arg;
    stream_read(p->c);
    pthread_mutex_lock(&p->mu);
    p->reading = 0;
    pthread_cond_signal(&p->done);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Finishes the jobs in input order until the reader is done and every job finished. */
static void finish_in_order(stream_pool *p, stream_ctx *c)
{
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->next_write == p->submitted ? p->reading : at(p, p->next_write)->done < 2) {
            pthread_cond_wait(&p->done, &p->mu);
        }
        if (p->next_write == p->submitted) {
            break;
        }
        stream_job *j = at(p, p->next_write);
        int stop = p->stop;
        uint64_t consumed = p->consumed;
        pthread_mutex_unlock(&p->mu);
        if (!stop) { /* after a failed write the rest is dropped, as -j 1 never reads it */
            stream_job_finish(c, j);
            progress_update(&c->r->prog, c->r->st.docs, c->r->bytes_done + consumed);
        }
        stream_job_free(j);
        pthread_mutex_lock(&p->mu);
        p->ring[p->next_write++ % p->window] = NULL;
        p->stop = c->write_errno != 0;
        pthread_cond_signal(&p->space);
    }
    pthread_mutex_unlock(&p->mu);
}

int stream_pool_run(stream_pool *p, stream_ctx *c)
{
    pthread_mutex_lock(&p->mu);
    p->c = c;
    p->reading = 1;
    p->stop = 0;
    p->open_count = *c->index;
    pthread_mutex_unlock(&p->mu);
    pthread_t reader;
    if (pthread_create(&reader, NULL, reader_main, p) != 0) {
        return -1;
    }
    finish_in_order(p, c);
    pthread_join(reader, NULL);
    return 0;
}
