/* read_file.h -- the one whole-file reader of the programs around libhnp (the CLI, the
 * build and benchmark tools, the tests and the fuzz driver). The library itself reads no
 * files: its callers hand it bytes. */
#ifndef HNP_UTIL_READ_FILE_H
#define HNP_UTIL_READ_FILE_H

#include <stddef.h>
#include <stdint.h>

/* Reads all of path ("-": standard input) into a malloc'd buffer that the caller frees.
 * The buffer holds one more byte, a NUL, after the *len bytes read, so text can be used
 * as a string. A regular file larger than max is refused before a byte is read; a pipe or
 * a device is read up to max + 1 bytes and no further. Returns 0 on success, 1 when the
 * input is larger than max (nothing returned), -1 on a system error (errno says which). */
int util_read_file(const char *path, size_t max, uint8_t **buf, size_t *len);

/* The same from an open descriptor (left open), from where it stands. */
int util_read_fd(int fd, size_t max, uint8_t **buf, size_t *len);

#endif /* HNP_UTIL_READ_FILE_H */
