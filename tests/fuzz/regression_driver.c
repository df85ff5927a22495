/* regression_driver.c -- replays fuzz inputs without libFuzzer (as zstd's): every file named
 * on the command line, or every file in a directory named there, goes once through the
 * target's LLVMFuzzerTestOneInput. Built with every normal test build (and its sanitizers);
 * ctest runs it over tests/fuzz/corpus/TARGET/. Exit 0 when all ran, 1 when one could not
 * be read (a crash is the target's abort or a sanitizer report). */
#include "fuzz.h"
#include "read_file.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int run_file(const char *path)
{
    uint8_t *buf = NULL;
    size_t n = 0;
    if (util_read_file(path, SIZE_MAX, &buf, &n) != 0) {
        perror(path);
        return 1;
    }
    LLVMFuzzerTestOneInput(buf, n);
    free(buf);
    return 0;
}

/* The files of a directory in name order, so runs are repeatable. */
static int run_dir(const char *dir, size_t *count)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    if (n < 0) {
        perror(dir);
        return 1;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        if (names[i]->d_name[0] != '.') {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
            rc |= run_file(path);
            (*count)++;
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    size_t count = 0;
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            rc |= run_dir(argv[i], &count);
        } else {
            rc |= run_file(argv[i]);
            count++;
        }
    }
    printf("regression_driver: %zu inputs replayed%s\n", count, rc ? ", some unreadable" : "");
    return rc;
}
