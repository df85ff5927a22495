/* fuzz.h -- the entry point every target defines (libFuzzer's, also called by
 * regression_driver.c for builds without libFuzzer). */
#ifndef HNP_FUZZ_H
#define HNP_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif /* HNP_FUZZ_H */
