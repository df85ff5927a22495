/* progress.c -- the progress line. */
#include "progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#define REDRAW_INTERVAL  (1.0 / 6) /* zstd's limit: flicker costs more than it tells */
#define FIRST_DRAW_AFTER 0.5       /* short runs end before a line would be useful */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int progress_wanted(int mode, int quiet)
{
    if (mode >= 0) {
        return mode;
    }
    return !quiet && isatty(STDERR_FILENO);
}

void progress_init(progress *p, int on, uint64_t total_bytes)
{
    p->on = on;
    p->drawn = 0;
    p->t0 = now_s();
    p->last = p->t0 - REDRAW_INTERVAL;
    p->total = total_bytes;
}

void progress_format(char *buf, size_t cap, size_t docs, uint64_t bytes, uint64_t total,
                     double seconds)
{
    double mb = (double)bytes / 1e6;
    double rate = seconds > 0 ? mb / seconds : 0;
    int n = snprintf(buf, cap, "hnpipe: %zu documents, %.1f MB, %.1f MB/s", docs, mb, rate);
    if (n < 0 || (size_t)n >= cap || total == 0 || bytes > total || rate <= 0) {
        return;
    }
    double left = (double)(total - bytes) / 1e6 / rate;
    unsigned long s = (unsigned long)(left + 0.5);
    snprintf(buf + n, cap - (size_t)n, ", %.0f%%, ETA %lu:%02lu:%02lu",
             100.0 * (double)bytes / (double)total, s / 3600, s / 60 % 60, s % 60);
}

void progress_update(progress *p, size_t docs, uint64_t bytes)
{
    if (!p->on) {
        return;
    }
    double t = now_s();
    if (t - p->t0 < FIRST_DRAW_AFTER || t - p->last < REDRAW_INTERVAL) {
        return;
    }
    p->last = t;
    char line[160];
    progress_format(line, sizeof line, docs, bytes, p->total, t - p->t0);
    fprintf(stderr, "\r%s\033[K", line);
    p->drawn = 1;
}

void progress_clear(progress *p)
{
    if (p->drawn) {
        fputs("\r\033[K", stderr);
        p->drawn = 0;
    }
}
