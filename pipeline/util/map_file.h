/* map_file.h -- a whole input for the CLI: big regular files are mapped rather than read,
 * so their bytes are not copied and their pages not faulted in one by one; anything else
 * (pipes, devices, small files) is read with util_read_file.
 *
 * A mapped file that another process truncates while it is mapped would raise SIGBUS when
 * its lost pages are touched, and kill the run. util_map_guard_install() installs a SIGBUS
 * handler that maps zero-filled pages over the lost part of a mapping made here, notes it,
 * and lets the program go on: the caller asks util_input_damaged() after processing and
 * reports the file as changed while it was read. Until the guard is installed nothing is
 * mapped. A SIGBUS at any other address still ends the program, as it did before. */
#ifndef HNP_UTIL_MAP_FILE_H
#define HNP_UTIL_MAP_FILE_H

#include <stddef.h>
#include <stdint.h>

/* Files at least this big are mapped (when the guard is installed): below it a mapping costs
 * more (a system call to unmap it, and on several threads a TLB shoot-down) than the copy. */
enum { UTIL_MAP_MIN = 1 << 20 };

typedef struct util_input {
    uint8_t *data; /* the bytes; read ones are followed by a NUL, mapped ones are not */
    size_t len;
    size_t map_len; /* > 0: data is a mapping of this many bytes (a guard slot holds it) */
    int slot;       /* the guard slot of a mapping */
} util_input;

/* Installs the SIGBUS handler (once per process; call it before starting threads). */
void util_map_guard_install(void);

/* Reads or maps path ("-": standard input) whole, with util_read_file's limits and return
 * values: 0 ok, 1 larger than max (nothing kept), -1 a system error (errno says which). */
int util_input_open(const char *path, size_t max, util_input *in);

/* Did the file lose pages (truncated by another process) while it was mapped? Its bytes
 * then read as zeros from the first lost page on. */
int util_input_damaged(const util_input *in);

/* Releases the bytes (unmaps or frees them). */
void util_input_close(util_input *in);

#endif /* HNP_UTIL_MAP_FILE_H */
