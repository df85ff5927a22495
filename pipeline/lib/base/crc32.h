/* crc32.h -- CRC-32 (IEEE 802.3, the polynomial and value of zlib's crc32). Internal. */
#ifndef HNP_CRC32_H
#define HNP_CRC32_H

#include <stddef.h>
#include <stdint.h>

/* CRC-32 of p[0..n); 0 for n == 0. */
uint32_t hnp_crc32(const uint8_t *p, size_t n);

#endif /* HNP_CRC32_H */
