/* read_file.c -- the whole-file reader (read_file.h). */
#include "read_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Makes room for cap data bytes and the NUL after them. */
static int grow(uint8_t **b, size_t cap)
{
    uint8_t *nb = realloc(*b, cap + 1);
    if (!nb) {
        return -1;
    }
    *b = nb;
    return 0;
}

/* Reads fd until end of file or limit bytes; *b has room for *cap bytes (+ NUL). */
static int read_fd(int fd, size_t limit, uint8_t **b, size_t *cap, size_t *n)
{
    while (*n < limit) {
        if (*n == *cap) {
            size_t grown = *cap > limit / 2 ? limit : *cap * 2;
            if (grow(b, grown) != 0) {
                return -1;
            }
            *cap = grown;
        }
        ssize_t got = read(fd, *b + *n, *cap - *n);
        if (got == 0) {
            break;
        }
        if (got < 0 && errno != EINTR) {
            return -1;
        }
        *n += got > 0 ? (size_t)got : 0;
    }
    return 0;
}

int util_read_fd(int fd, size_t max, uint8_t **buf, size_t *len)
{
    struct stat st;
    size_t limit = max < SIZE_MAX - 1 ? max + 1 : SIZE_MAX - 1; /* one byte past max: too big */
    size_t cap = limit < 1 << 16 ? limit : 1 << 16;
    int rc = 0;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        if ((uint64_t)st.st_size > max) {
            return 1; /* decided before reading a byte */
        }
        cap = (size_t)st.st_size + 1 < limit ? (size_t)st.st_size + 1 : limit;
    }
    uint8_t *b = NULL;
    size_t n = 0;
    rc = grow(&b, cap) == 0 ? read_fd(fd, limit, &b, &cap, &n) : -1;
    rc = rc == 0 && n > max ? 1 : rc;
    if (rc != 0) {
        int err = errno;
        free(b);
        errno = err;
        return rc;
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    return 0;
}

int util_read_file(const char *path, size_t max, uint8_t **buf, size_t *len)
{
    int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
    if (fd < 0) {
        return -1;
    }
    int rc = util_read_fd(fd, max, buf, len);
    int err = errno;
    if (fd != STDIN_FILENO) {
        close(fd);
    }
    errno = err;
    return rc;
}
