/* pages.c -- advice to the kernel about big buffers (pages.h). madvise is not POSIX. */
#define _DEFAULT_SOURCE
#include "pages.h"

#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

void hnp_pages_huge(void *p, size_t len)
{
#ifdef MADV_HUGEPAGE
    long page = sysconf(_SC_PAGESIZE);
    if (!p || len < HNP_PAGES_HUGE_MIN || page <= 0) {
        return;
    }
    /* the whole pages of the buffer: the kernel uses huge pages where 2 MiB of them align */
    uintptr_t mask = (uintptr_t)page - 1;
    uintptr_t lo = ((uintptr_t)p + mask) & ~mask;
    uintptr_t hi = ((uintptr_t)p + len) & ~mask;
    if (hi > lo) {
        (void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE); /* advice: a refusal changes nothing */
    }
#else
    (void)p;
    (void)len;
#endif
}
