/* task_pool.h -- a few threads that run numbered tasks in the order they are submitted
 * (the driver's windows of one big document). The pool knows nothing of what a task does:
 * it calls fn(ctx, seq, thread) and records that seq is done; the caller owns whatever a
 * task reads and writes, and hands the results out in order with hnp_task_pool_wait. */
#ifndef HNP_BASE_TASK_POOL_H
#define HNP_BASE_TASK_POOL_H

#include "hnp/common.h"

#include <stddef.h>

/* Runs task seq on thread `thread` (0 .. n_threads-1: a thread's own scratch, e.g. a
 * tagger, can be indexed by it). Called with no lock held. */
typedef void (*hnp_task_fn)(void *ctx, size_t seq, unsigned thread);

typedef struct hnp_task_pool hnp_task_pool;

/* Starts n_threads threads (at least 1). ring: how many tasks may be submitted and not yet
 * waited for (the caller's slots, indexed seq % ring). HNP_ERR_NOMEM, or HNP_ERR_INVALID
 * when no thread could be started. Free with hnp_task_pool_free. */
hnp_status hnp_task_pool_create(unsigned n_threads, size_t ring, hnp_task_fn fn, void *ctx,
                                hnp_task_pool **out);

/* Drops the tasks not started, waits for the running ones, ends the threads. NULL: no-op. */
void hnp_task_pool_free(hnp_task_pool *p);

/* Queues the next task and returns its number (the numbers are consecutive from 0). The
 * caller has waited for task seq - ring before (its slot is free). */
size_t hnp_task_pool_submit(hnp_task_pool *p);

/* Waits until task seq (submitted and not dropped) has run. Returns at once when it has. */
void hnp_task_pool_wait(hnp_task_pool *p, size_t seq);

/* Drops the queued tasks that no thread has started and waits for the running ones: after
 * it no task runs, and the tasks from the returned number on never will (the next submit
 * gets that number). */
size_t hnp_task_pool_drain(hnp_task_pool *p);

#endif /* HNP_BASE_TASK_POOL_H */
