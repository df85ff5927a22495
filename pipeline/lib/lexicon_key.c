/* lexicon_key.c -- tokens, folding and hashing shared by hnp-lexc and the tagger.
 *
 * Word characters follow the Unicode general categories (utf8proc): letters, marks and
 * digits. ASCII takes a fast path because nearly all of the text is ASCII. */
#include "lexicon_key.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum { CL_WORD, CL_SPACE, CL_SOFT, CL_PUNCT };

void hnp_lexkey_scratch_free(lexkey_scratch *sc)
{
    free(sc->buf);
    sc->buf = NULL;
    sc->cap = 0;
}

/* ASCII classes: letters and digits are words; space, tab, CR, LF, FF, VT are space;
 * '-' and '\'' join; everything else is punctuation. */
#define W CL_WORD
#define S CL_SPACE
#define H CL_SOFT
#define P CL_PUNCT
static const unsigned char ascii_classes[128] = {
    P, P, P, P, P, P, P, P, P, S, S, S, S, S, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
    S, P, P, P, P, P, P, H, P, P, P, P, P, H, P, P, W, W, W, W, W, W, W, W, W, W, P, P, P, P, P, P,
    P, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, P, P, P, P, P,
    P, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, P, P, P, P, P,
};
#undef W
#undef S
#undef H
#undef P

static int cp_class(int32_t cp)
{
    /* Apostrophes that are not dashes: right/left single quote, modifier apostrophe. */
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
        return CL_SOFT;
    }
    /* Indexed by utf8proc_category_t: letters, marks and digits (Cn..No) are word
     * characters; dashes (Pd) and format characters (Cf: soft hyphen, zero-width
     * joiners) join like a hyphen; separators (Zs, Zl, Zp) are space. */
    static const unsigned char by_category[30] = {
        CL_PUNCT, CL_WORD,  CL_WORD,  CL_WORD,  CL_WORD,  CL_WORD,  CL_WORD,  CL_WORD,
        CL_WORD,  CL_WORD,  CL_WORD,  CL_WORD,  CL_PUNCT, CL_SOFT,  CL_PUNCT, CL_PUNCT,
        CL_PUNCT, CL_PUNCT, CL_PUNCT, CL_PUNCT, CL_PUNCT, CL_PUNCT, CL_PUNCT, CL_SPACE,
        CL_SPACE, CL_SPACE, CL_PUNCT, CL_SOFT,  CL_PUNCT, CL_PUNCT};
    utf8proc_category_t cat = utf8proc_category(cp);
    return (unsigned)cat < sizeof by_category ? by_category[cat] : CL_PUNCT;
}

/* Class of the character at s[i]; *clen its length in bytes (1 for an invalid byte,
 * which is punctuation: it can never be part of a key). */
static inline int char_class(const uint8_t *s, size_t len, size_t i, size_t *clen)
{
    if (s[i] < 0x80) {
        *clen = 1;
        return ascii_classes[s[i]];
    }
    int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) {
        *clen = 1;
        return CL_PUNCT;
    }
    *clen = (size_t)n;
    return cp_class(cp);
}

/* Length of an apostrophe at s[i] (' or U+2019), else 0. */
static size_t apostrophe_at(const uint8_t *s, size_t len, size_t i)
{
    if (i < len && s[i] == '\'') {
        return 1;
    }
    if (i + 2 < len && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x99) {
        return 3;
    }
    return 0;
}

/* A possessive 's right after a word ending at `end`: returns the position after it,
 * or `end` when there is none. "Crohn's disease" keys as "crohn disease". */
static size_t skip_possessive(const uint8_t *s, size_t len, size_t end)
{
    size_t a = apostrophe_at(s, len, end);
    if (!a || end + a >= len || (s[end + a] != 's' && s[end + a] != 'S')) {
        return end;
    }
    size_t after = end + a + 1, clen;
    if (after < len && char_class(s, len, after, &clen) == CL_WORD) {
        return end;
    }
    return after;
}

int hnp_lexkey_next(const uint8_t *s, size_t len, size_t *pos, lextok *tok)
{
    size_t i = *pos, clen = 1;
    int cl = CL_SPACE;
    while (i < len && ((cl = char_class(s, len, i, &clen)) == CL_SPACE || cl == CL_SOFT)) {
        i += clen;
    }
    if (i >= len) {
        *pos = len;
        return 0;
    }
    tok->start = i;
    tok->ascii = s[i] < 0x80;
    if (cl == CL_PUNCT) {
        tok->end = i + clen;
        tok->kind = LEXTOK_PUNCT;
        *pos = tok->end;
        return 1;
    }
    i += clen;
    while (i < len && char_class(s, len, i, &clen) == CL_WORD) {
        tok->ascii &= s[i] < 0x80;
        i += clen;
    }
    tok->end = i;
    tok->kind = LEXTOK_WORD;
    *pos = skip_possessive(s, len, i);
    return 1;
}

static hnp_status scratch_reserve(lexkey_scratch *sc, size_t n)
{
    if (n <= sc->cap) {
        return HNP_OK;
    }
    if (n > SIZE_MAX / sizeof(int32_t) / 2) {
        return HNP_ERR_NOMEM;
    }
    size_t cap = sc->cap ? sc->cap : 64;
    while (cap < n) {
        cap *= 2;
    }
    int32_t *p = realloc(sc->buf, cap * sizeof *p);
    if (!p) {
        return HNP_ERR_NOMEM;
    }
    sc->buf = p;
    sc->cap = cap;
    return HNP_OK;
}

/* The utf8proc_map pipeline (decompose + case fold, recompose, re-encode) run in reused
 * scratch instead of a fresh allocation per token. */
static hnp_status fold_unicode(const uint8_t *s, size_t n, lexbuf *out, lexkey_scratch *sc)
{
    const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    HNP_TRY(scratch_reserve(sc, n + 1));
    utf8proc_ssize_t got;
    for (;;) {
        got = utf8proc_decompose(s, (utf8proc_ssize_t)n, sc->buf, (utf8proc_ssize_t)sc->cap, opts);
        if (got < 0) { /* an invalid byte (its own token): kept as it is */
            return hnp_buf_put(out, s, n);
        }
        if ((size_t)got < sc->cap) {
            break;
        }
        HNP_TRY(scratch_reserve(sc, (size_t)got + 1));
    }
    got = utf8proc_normalize_utf32(sc->buf, got, opts);
    if (got < 0) {
        return HNP_ERR_ENCODING;
    }
    /* Re-encodes in place: UTF-8 never takes more bytes than the UTF-32 it came from. */
    got = utf8proc_reencode(sc->buf, got, opts);
    if (got < 0) {
        return HNP_ERR_ENCODING;
    }
    return hnp_buf_put(out, sc->buf, (size_t)got);
}

hnp_status hnp_lexkey_fold_append(const uint8_t *s, size_t n, int ascii, lexbuf *out,
                                  lexkey_scratch *sc)
{
    if (!ascii) {
        return fold_unicode(s, n, out, sc);
    }
    HNP_TRY(hnp_buf_reserve(out, n));
    uint8_t *d = out->data + out->len;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        d[i] = (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c;
    }
    out->len += n;
    return HNP_OK;
}

hnp_status hnp_lexkey_make(const uint8_t *s, size_t len, int fold, lexbuf *out, lexkey_scratch *sc,
                           size_t *n_tokens)
{
    size_t pos = 0, n = 0;
    lextok t;
    out->len = 0;
    while (hnp_lexkey_next(s, len, &pos, &t)) {
        if (n++) {
            HNP_TRY(hnp_buf_put(out, " ", 1));
        }
        if (fold) {
            HNP_TRY(hnp_lexkey_fold_append(s + t.start, t.end - t.start, t.ascii, out, sc));
        } else {
            HNP_TRY(hnp_buf_put(out, s + t.start, t.end - t.start));
        }
    }
    *n_tokens = n;
    return HNP_OK;
}

static const uint32_t crc_table[256] = {
    0x00000000u, 0x77073096u, 0xee0e612cu, 0x990951bau, 0x076dc419u, 0x706af48fu, 0xe963a535u,
    0x9e6495a3u, 0x0edb8832u, 0x79dcb8a4u, 0xe0d5e91eu, 0x97d2d988u, 0x09b64c2bu, 0x7eb17cbdu,
    0xe7b82d07u, 0x90bf1d91u, 0x1db71064u, 0x6ab020f2u, 0xf3b97148u, 0x84be41deu, 0x1adad47du,
    0x6ddde4ebu, 0xf4d4b551u, 0x83d385c7u, 0x136c9856u, 0x646ba8c0u, 0xfd62f97au, 0x8a65c9ecu,
    0x14015c4fu, 0x63066cd9u, 0xfa0f3d63u, 0x8d080df5u, 0x3b6e20c8u, 0x4c69105eu, 0xd56041e4u,
    0xa2677172u, 0x3c03e4d1u, 0x4b04d447u, 0xd20d85fdu, 0xa50ab56bu, 0x35b5a8fau, 0x42b2986cu,
    0xdbbbc9d6u, 0xacbcf940u, 0x32d86ce3u, 0x45df5c75u, 0xdcd60dcfu, 0xabd13d59u, 0x26d930acu,
    0x51de003au, 0xc8d75180u, 0xbfd06116u, 0x21b4f4b5u, 0x56b3c423u, 0xcfba9599u, 0xb8bda50fu,
    0x2802b89eu, 0x5f058808u, 0xc60cd9b2u, 0xb10be924u, 0x2f6f7c87u, 0x58684c11u, 0xc1611dabu,
    0xb6662d3du, 0x76dc4190u, 0x01db7106u, 0x98d220bcu, 0xefd5102au, 0x71b18589u, 0x06b6b51fu,
    0x9fbfe4a5u, 0xe8b8d433u, 0x7807c9a2u, 0x0f00f934u, 0x9609a88eu, 0xe10e9818u, 0x7f6a0dbbu,
    0x086d3d2du, 0x91646c97u, 0xe6635c01u, 0x6b6b51f4u, 0x1c6c6162u, 0x856530d8u, 0xf262004eu,
    0x6c0695edu, 0x1b01a57bu, 0x8208f4c1u, 0xf50fc457u, 0x65b0d9c6u, 0x12b7e950u, 0x8bbeb8eau,
    0xfcb9887cu, 0x62dd1ddfu, 0x15da2d49u, 0x8cd37cf3u, 0xfbd44c65u, 0x4db26158u, 0x3ab551ceu,
    0xa3bc0074u, 0xd4bb30e2u, 0x4adfa541u, 0x3dd895d7u, 0xa4d1c46du, 0xd3d6f4fbu, 0x4369e96au,
    0x346ed9fcu, 0xad678846u, 0xda60b8d0u, 0x44042d73u, 0x33031de5u, 0xaa0a4c5fu, 0xdd0d7cc9u,
    0x5005713cu, 0x270241aau, 0xbe0b1010u, 0xc90c2086u, 0x5768b525u, 0x206f85b3u, 0xb966d409u,
    0xce61e49fu, 0x5edef90eu, 0x29d9c998u, 0xb0d09822u, 0xc7d7a8b4u, 0x59b33d17u, 0x2eb40d81u,
    0xb7bd5c3bu, 0xc0ba6cadu, 0xedb88320u, 0x9abfb3b6u, 0x03b6e20cu, 0x74b1d29au, 0xead54739u,
    0x9dd277afu, 0x04db2615u, 0x73dc1683u, 0xe3630b12u, 0x94643b84u, 0x0d6d6a3eu, 0x7a6a5aa8u,
    0xe40ecf0bu, 0x9309ff9du, 0x0a00ae27u, 0x7d079eb1u, 0xf00f9344u, 0x8708a3d2u, 0x1e01f268u,
    0x6906c2feu, 0xf762575du, 0x806567cbu, 0x196c3671u, 0x6e6b06e7u, 0xfed41b76u, 0x89d32be0u,
    0x10da7a5au, 0x67dd4accu, 0xf9b9df6fu, 0x8ebeeff9u, 0x17b7be43u, 0x60b08ed5u, 0xd6d6a3e8u,
    0xa1d1937eu, 0x38d8c2c4u, 0x4fdff252u, 0xd1bb67f1u, 0xa6bc5767u, 0x3fb506ddu, 0x48b2364bu,
    0xd80d2bdau, 0xaf0a1b4cu, 0x36034af6u, 0x41047a60u, 0xdf60efc3u, 0xa867df55u, 0x316e8eefu,
    0x4669be79u, 0xcb61b38cu, 0xbc66831au, 0x256fd2a0u, 0x5268e236u, 0xcc0c7795u, 0xbb0b4703u,
    0x220216b9u, 0x5505262fu, 0xc5ba3bbeu, 0xb2bd0b28u, 0x2bb45a92u, 0x5cb36a04u, 0xc2d7ffa7u,
    0xb5d0cf31u, 0x2cd99e8bu, 0x5bdeae1du, 0x9b64c2b0u, 0xec63f226u, 0x756aa39cu, 0x026d930au,
    0x9c0906a9u, 0xeb0e363fu, 0x72076785u, 0x05005713u, 0x95bf4a82u, 0xe2b87a14u, 0x7bb12baeu,
    0x0cb61b38u, 0x92d28e9bu, 0xe5d5be0du, 0x7cdcefb7u, 0x0bdbdf21u, 0x86d3d2d4u, 0xf1d4e242u,
    0x68ddb3f8u, 0x1fda836eu, 0x81be16cdu, 0xf6b9265bu, 0x6fb077e1u, 0x18b74777u, 0x88085ae6u,
    0xff0f6a70u, 0x66063bcau, 0x11010b5cu, 0x8f659effu, 0xf862ae69u, 0x616bffd3u, 0x166ccf45u,
    0xa00ae278u, 0xd70dd2eeu, 0x4e048354u, 0x3903b3c2u, 0xa7672661u, 0xd06016f7u, 0x4969474du,
    0x3e6e77dbu, 0xaed16a4au, 0xd9d65adcu, 0x40df0b66u, 0x37d83bf0u, 0xa9bcae53u, 0xdebb9ec5u,
    0x47b2cf7fu, 0x30b5ffe9u, 0xbdbdf21cu, 0xcabac28au, 0x53b39330u, 0x24b4a3a6u, 0xbad03605u,
    0xcdd70693u, 0x54de5729u, 0x23d967bfu, 0xb3667a2eu, 0xc4614ab8u, 0x5d681b02u, 0x2a6f2b94u,
    0xb40bbe37u, 0xc30c8ea1u, 0x5a05df1bu, 0x2d02ef8du};

uint32_t hnp_lexkey_crc32(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c = crc_table[(c ^ p[i]) & 0xFFu] ^ (c >> 8);
    }
    return c ^ 0xFFFFFFFFu;
}
