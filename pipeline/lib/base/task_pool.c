/* task_pool.c -- see task_pool.h. One mutex; the threads sleep on `work` while the queue is
 * empty and the waiters sleep on `finished`. Tasks start in submit order (the oldest window
 * first, so the one the caller waits for next is never behind a later one). */
#include "base/task_pool.h"

#include <pthread.h>
#include <stdlib.h>

struct hnp_task_pool {
    hnp_task_fn fn;
    void *ctx;
    pthread_t *tids;
    unsigned n_threads; /* started */
    size_t ring;
    unsigned char *done; /* done[seq % ring]: task seq has run (or was dropped) */
    size_t next_submit, next_run, running;
    int stop;
    pthread_mutex_t mu;
    pthread_cond_t work;     /* threads: a task was queued, or stop */
    pthread_cond_t finished; /* waiters: a task ended */
};

typedef struct thread_arg {
    hnp_task_pool *p;
    unsigned thread;
} thread_arg;

static void *task_thread(void *arg)
{
    thread_arg *ta = arg;
    hnp_task_pool *p = ta->p;
    unsigned thread = ta->thread;
    free(ta);
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stop && p->next_run == p->next_submit) {
            pthread_cond_wait(&p->work, &p->mu);
        }
        if (p->stop) {
            break;
        }
        size_t seq = p->next_run++;
        p->running++;
        pthread_mutex_unlock(&p->mu);
        p->fn(p->ctx, seq, thread);
        pthread_mutex_lock(&p->mu);
        p->done[seq % p->ring] = 1;
        p->running--;
        pthread_cond_broadcast(&p->finished);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void start_threads(hnp_task_pool *p, unsigned n)
{
    for (unsigned t = 0; t < n; t++) {
        thread_arg *ta = malloc(sizeof *ta);
        if (!ta) {
            return;
        }
        ta->p = p;
        ta->thread = p->n_threads;
        if (pthread_create(&p->tids[p->n_threads], NULL, task_thread, ta) != 0) {
            free(ta);
            return;
        }
        p->n_threads++;
    }
}

hnp_status hnp_task_pool_create(unsigned n_threads, size_t ring, hnp_task_fn fn, void *ctx,
                                hnp_task_pool **out)
{
    hnp_task_pool *p = calloc(1, sizeof *p);
    n_threads = n_threads ? n_threads : 1;
    if (!p || ring == 0) {
        free(p);
        return p ? HNP_ERR_INVALID : HNP_ERR_NOMEM;
    }
    p->fn = fn;
    p->ctx = ctx;
    p->ring = ring;
    p->tids = calloc(n_threads, sizeof *p->tids);
    p->done = calloc(ring, 1);
    if (!p->tids || !p->done) {
        free(p->tids);
        free(p->done);
        free(p);
        return HNP_ERR_NOMEM;
    }
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->finished, NULL);
    start_threads(p, n_threads);
    if (p->n_threads == 0) {
        hnp_task_pool_free(p);
        return HNP_ERR_INVALID;
    }
    *out = p;
    return HNP_OK;
}

size_t hnp_task_pool_drain(hnp_task_pool *p)
{
    pthread_mutex_lock(&p->mu);
    p->next_submit = p->next_run;
    while (p->running) {
        pthread_cond_wait(&p->finished, &p->mu);
    }
    size_t next = p->next_submit;
    pthread_mutex_unlock(&p->mu);
    return next;
}

void hnp_task_pool_free(hnp_task_pool *p)
{
    if (!p) {
        return;
    }
    (void)hnp_task_pool_drain(p);
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    for (unsigned t = 0; t < p->n_threads; t++) {
        pthread_join(p->tids[t], NULL);
    }
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->finished);
    free(p->tids);
    free(p->done);
    free(p);
}

size_t hnp_task_pool_submit(hnp_task_pool *p)
{
    pthread_mutex_lock(&p->mu);
    size_t seq = p->next_submit++;
    p->done[seq % p->ring] = 0;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
    return seq;
}

void hnp_task_pool_wait(hnp_task_pool *p, size_t seq)
{
    pthread_mutex_lock(&p->mu);
    while (!p->done[seq % p->ring]) {
        pthread_cond_wait(&p->finished, &p->mu);
    }
    pthread_mutex_unlock(&p->mu);
}
