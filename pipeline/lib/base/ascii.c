/* ascii.c -- the ASCII property table (ascii.h). */
#include "base/ascii.h"

/* Short names so the table reads as a grid, 8 bytes a row. */
#define SP HNP_ASCII_SPACE
#define NL HNP_ASCII_NEWLINE
#define UP HNP_ASCII_UPPER
#define LO HNP_ASCII_LOWER
#define DG HNP_ASCII_DIGIT
#define JN HNP_ASCII_JOIN
#define TE HNP_ASCII_TERM
#define BR HNP_ASCII_BRACKET
#define IN HNP_ASCII_INFIX
const uint16_t hnp_ascii_props[256] = {
    /* 0x80-0xFF: 0 */
    0,  0,  0,       0,       0,       0,       0,  0,  /* 0x00 */
    0,  SP, SP | NL, SP | NL, SP | NL, SP | NL, 0,  0,  /* 0x08 */
    0,  0,  0,       0,       0,       0,       0,  0,  /* 0x10 */
    0,  0,  0,       0,       0,       0,       0,  0,  /* 0x18 */
    SP, TE, 0,       0,       0,       0,       0,  JN, /* 0x20 */
    BR, BR, 0,       0,       0,       JN,      TE, 0,  /* 0x28 */
    DG, DG, DG,      DG,      DG,      DG,      DG, DG, /* 0x30 */
    DG, DG, IN,      0,       0,       0,       0,  TE, /* 0x38 */
    IN, UP, UP,      UP,      UP,      UP,      UP, UP, /* 0x40 */
    UP, UP, UP,      UP,      UP,      UP,      UP, UP, /* 0x48 */
    UP, UP, UP,      UP,      UP,      UP,      UP, UP, /* 0x50 */
    UP, UP, UP,      BR,      0,       BR,      0,  0,  /* 0x58 */
    0,  LO, LO,      LO,      LO,      LO,      LO, LO, /* 0x60 */
    LO, LO, LO,      LO,      LO,      LO,      LO, LO, /* 0x68 */
    LO, LO, LO,      LO,      LO,      LO,      LO, LO, /* 0x70 */
    LO, LO, LO,      0,       0,       0,       0,  0,  /* 0x78 */
};
#undef SP
#undef NL
#undef UP
#undef LO
#undef DG
#undef JN
#undef TE
#undef BR
#undef IN
