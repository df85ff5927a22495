/* map_file.c -- whole inputs, big regular files mapped (map_file.h). mmap's MAP_POPULATE
 * and MAP_ANONYMOUS are not POSIX. */
#define _DEFAULT_SOURCE
#include "map_file.h"
#include "read_file.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The live mappings, for the SIGBUS handler: one slot per mapping (a worker thread holds
 * one at a time, so a few dozen are plenty; with none free a file is read). base 0 is a
 * free slot, 1 one being filled. Lock-free atomics are safe in a signal handler. */
enum { SLOTS = 64, RESERVED = 1 };

typedef struct guard_slot {
    atomic_uintptr_t base;
    atomic_size_t len; /* whole pages */
    atomic_int damaged;
} guard_slot;

static guard_slot slots[SLOTS];
static atomic_int guard_on;
static size_t page_size;

/* Maps zero-filled pages over the lost rest of the mapping that holds addr, so the access
 * that faulted reads zeros when it is retried; any other SIGBUS gets the default action. */
static void on_sigbus(int sig, siginfo_t *si, void *uctx)
{
    (void)uctx;
    uintptr_t a = (uintptr_t)si->si_addr;
    for (size_t i = 0; si->si_code > 0 && i < SLOTS; i++) {
        uintptr_t base = atomic_load(&slots[i].base);
        size_t len = atomic_load(&slots[i].len);
        if (base <= RESERVED || a < base || a - base >= len) {
            continue;
        }
        uintptr_t page = a & ~(uintptr_t)(page_size - 1);
        void *z = mmap((void *)page, base + len - page, PROT_READ,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (z != MAP_FAILED) {
            atomic_store(&slots[i].damaged, 1);
            return;
        }
        break;
    }
    /* not ours (or no memory for zeros): die of it as without the handler; the faulting
     * access is retried on return and faults again */
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigaction(sig, &dfl, NULL);
    if (si->si_code <= 0) { /* sent, not a fault: nothing is retried */
        raise(sig);
    }
}

void util_map_guard_install(void)
{
    long ps = sysconf(_SC_PAGESIZE);
    if (ps <= 0 || atomic_load(&guard_on)) {
        return;
    }
    page_size = (size_t)ps;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigbus;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGBUS, &sa, NULL) == 0) {
        atomic_store(&guard_on, 1);
    }
}

static int reserve_slot(void)
{
    for (int i = 0; i < SLOTS; i++) {
        uintptr_t expect = 0;
        if (atomic_compare_exchange_strong(&slots[i].base, &expect, RESERVED)) {
            atomic_store(&slots[i].damaged, 0);
            return i;
        }
    }
    return -1;
}

/* Maps the regular file open on fd (size bytes); 0 when done, -1 to read it instead. */
static int map_fd(int fd, size_t size, util_input *in)
{
    int slot = reserve_slot();
    if (slot < 0) {
        return -1;
    }
    int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
    flags |= MAP_POPULATE; /* the page-cache pages mapped in one call, not a fault each */
#endif
    void *m = mmap(NULL, size, PROT_READ, flags, fd, 0);
    if (m == MAP_FAILED) {
        atomic_store(&slots[slot].base, 0);
        return -1;
    }
    size_t pages = (size + page_size - 1) & ~(page_size - 1);
    atomic_store(&slots[slot].len, pages);
    atomic_store(&slots[slot].base, (uintptr_t)m);
    in->data = m;
    in->len = size;
    in->map_len = pages;
    in->slot = slot;
    return 0;
}

int util_input_open(const char *path, size_t max, util_input *in)
{
    memset(in, 0, sizeof *in);
    in->slot = -1;
    if (!atomic_load(&guard_on) || strcmp(path, "-") == 0) {
        return util_read_file(path, max, &in->data, &in->len);
    }
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        return -1;
    }
    struct stat st;
    int rc = -1;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= UTIL_MAP_MIN) {
        /* too big: decided before reading a byte */
        rc = (uint64_t)st.st_size > max ? 1 : map_fd(fd, (size_t)st.st_size, in);
    }
    if (rc < 0) {
        rc = util_read_fd(fd, max, &in->data, &in->len);
    }
    int err = errno;
    close(fd);
    errno = err;
    return rc;
}

int util_input_damaged(const util_input *in)
{
    return in->map_len && atomic_load(&slots[in->slot].damaged);
}

void util_input_close(util_input *in)
{
    if (in->map_len) {
        atomic_store(&slots[in->slot].base, RESERVED); /* the handler no longer looks here */
        munmap(in->data, in->map_len);
        atomic_store(&slots[in->slot].len, 0);
        atomic_store(&slots[in->slot].base, 0);
    } else {
        free(in->data);
    }
    memset(in, 0, sizeof *in);
    in->slot = -1;
}
