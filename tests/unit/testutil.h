/* testutil.h -- small helpers shared by the Check suites. */
#ifndef HNP_TESTUTIL_H
#define HNP_TESTUTIL_H

#include "read_file.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Runs one suite and returns the process exit status (0 when every test passed). */
static inline int hnp_test_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* The ../shared directory, or NULL (and a message) when it is absent. */
static inline const char *hnp_test_shared_dir(void)
{
    const char *d = getenv("HNP_SHARED_DIR");
    if (!d || !*d) {
        return NULL;
    }
    FILE *f;
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/DESIGN.md", d);
    f = fopen(probe, "r");
    if (!f) {
        return NULL;
    }
    fclose(f);
    return d;
}

/* Reads a whole file into a malloc'd NUL-terminated buffer; NULL on failure. */
static inline char *hnp_test_read_file(const char *path, size_t *len)
{
    uint8_t *buf = NULL;
    size_t n = 0;
    if (util_read_file(path, SIZE_MAX, &buf, &n) != 0) {
        return NULL;
    }
    if (len) {
        *len = n;
    }
    return (char *)buf;
}

#endif /* HNP_TESTUTIL_H */
