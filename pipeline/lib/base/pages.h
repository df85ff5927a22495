/* pages.h -- advice to the kernel about big buffers. */
#ifndef HNP_BASE_PAGES_H
#define HNP_BASE_PAGES_H

#include <stddef.h>

/* Buffers at least this big are worth the advice: below it the few page faults cost less
 * than the call. */
enum { HNP_PAGES_HUGE_MIN = 4 << 20 };

/* Asks the kernel to back the whole 2 MiB pages inside [p, p + len) with transparent huge
 * pages: a buffer written once from end to end (a big document's text) then takes one page
 * fault per 2 MiB instead of one per 4 KiB, which on a virtual machine costs more than the
 * copy itself. Only advice: nothing happens below HNP_PAGES_HUGE_MIN, where the kernel
 * lacks transparent huge pages, or when it says no. */
void hnp_pages_huge(void *p, size_t len);

#endif /* HNP_BASE_PAGES_H */
