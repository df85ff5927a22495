/* normalize_decode.c -- from input bytes to valid UTF-8.
 *
 * Order of evidence: the caller's encoding; a byte-order mark; the NUL pattern of UTF-16
 * without a BOM; valid UTF-8 (the common case, no copy); UTF-8 with a few bad bytes (kept
 * as UTF-8: a lone bad byte is read as windows-1252, the rest become U+FFFD); else ICU's
 * charset detector, restricted to the encodings health news arrives in. Transcoding is
 * iconv's; an undecodable byte becomes U+FFFD and is listed in bad[] as a repair. */
#include "normalize_internal.h"

#include "base/pages.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ucsdet.h>

/* ICU's detector is given at most this much; the start of a document is enough evidence. */
enum { DETECT_MAX = 1 << 20, BINARY_PROBE = 1024 };

static const uint8_t REPLACEMENT_UTF8[3] = {0xEF, 0xBF, 0xBD};

static int cont(uint8_t b)
{
    return (b & 0xC0) == 0x80;
}

/* Length of the valid UTF-8 sequence at s (strict), 0 if invalid. */
static size_t seq_len(const uint8_t *s, size_t avail)
{
    uint8_t b = s[0];
    if (b < 0x80) {
        return 1;
    }
    if (b >= 0xC2 && b <= 0xDF) {
        return avail >= 2 && cont(s[1]) ? 2 : 0;
    }
    if (b >= 0xE0 && b <= 0xEF) {
        if (avail < 3 || !cont(s[1]) || !cont(s[2]) || (b == 0xE0 && s[1] < 0xA0) ||
            (b == 0xED && s[1] >= 0xA0)) {
            return 0;
        }
        return 3;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        if (avail < 4 || !cont(s[1]) || !cont(s[2]) || !cont(s[3]) || (b == 0xF0 && s[1] < 0x90) ||
            (b == 0xF4 && s[1] >= 0x90)) {
            return 0;
        }
        return 4;
    }
    return 0;
}

/* Length of the longest prefix of s that is valid UTF-8 (strict: no overlongs, surrogates
 * or code points above U+10FFFF). */
static size_t hnp_norm_utf8_valid_prefix(const uint8_t *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* ASCII 32 bytes, then eight, at a time: the common case for English news. */
        while (i + 32 <= len) {
            uint64_t v[4];
            memcpy(v, s + i, sizeof v);
            if ((v[0] | v[1] | v[2] | v[3]) & 0x8080808080808080ull) {
                break;
            }
            i += 32;
        }
        while (i + 8 <= len) {
            uint64_t v;
            memcpy(&v, s + i, 8);
            if (v & 0x8080808080808080ull) {
                break;
            }
            i += 8;
        }
        if (i >= len) {
            break;
        }
        size_t k = seq_len(s + i, len - i);
        if (k == 0) {
            return i;
        }
        i += k;
    }
    return len;
}

/* 1: UTF-16LE, 2: UTF-16BE, by the NULs that ASCII leaves in every other byte. */
static int utf16_pattern(const uint8_t *in, size_t len)
{
    size_t n = len < BINARY_PROBE ? len : BINARY_PROBE, even = 0, odd = 0;
    n &= ~(size_t)1;
    if (n < 4) {
        return 0;
    }
    for (size_t i = 0; i < n; i += 2) {
        even += in[i] == 0;
        odd += in[i + 1] == 0;
    }
    size_t pairs = n / 2;
    if (pairs < 4) {
        return 0; /* too short to tell from a binary blob */
    }
    if (odd * 10 >= pairs * 6 && even * 20 <= pairs) {
        return 1;
    }
    if (even * 10 >= pairs * 6 && odd * 20 <= pairs) {
        return 2;
    }
    return 0;
}

/* The BOM's encoding and length, or NULL. */
static const char *bom(const uint8_t *in, size_t len, size_t *skip)
{
    static const struct {
        char name[12];
        uint8_t b[4];
        size_t n;
    } boms[] = {{"UTF-8", {0xEF, 0xBB, 0xBF, 0}, 3},
                {"UTF-32LE", {0xFF, 0xFE, 0, 0}, 4},
                {"UTF-32BE", {0, 0, 0xFE, 0xFF}, 4},
                {"UTF-16LE", {0xFF, 0xFE, 0, 0}, 2},
                {"UTF-16BE", {0xFE, 0xFF, 0, 0}, 2}};
    for (size_t i = 0; i < sizeof boms / sizeof boms[0]; i++) {
        if (len >= boms[i].n && memcmp(in, boms[i].b, boms[i].n) == 0) {
            *skip = boms[i].n;
            return boms[i].name;
        }
    }
    return NULL;
}

int hnp_looks_binary(const uint8_t *in, size_t len)
{
    size_t skip;
    const char *b = in ? bom(in, len, &skip) : NULL;
    if (!in || (b && strncmp(b, "UTF-8", 5) != 0) || utf16_pattern(in, len)) {
        return 0;
    }
    return memchr(in, 0, len < BINARY_PROBE ? len : BINARY_PROBE) != NULL;
}

static hnp_status put(hnp_norm_decoded *d, size_t *cap, const uint8_t *p, size_t n)
{
    HNP_TRY(hnp_norm_grow((void **)&d->owned, cap, d->len + n + 1, 1));
    memcpy(d->owned + d->len, p, n);
    d->len += n;
    return HNP_OK;
}

/* Writes p[0, n) for the input bytes raw[0, nraw) that could not be decoded, and notes both
 * (the raw bytes are what -f repairs shows as "before"). */
static hnp_status put_bad(hnp_norm_decoded *d, size_t *cap, const uint8_t *p, size_t n,
                          const uint8_t *raw, size_t nraw)
{
    size_t k = d->n_bad;
    HNP_TRY(hnp_norm_grow((void **)&d->bad, &d->cap_bad, k + 1, sizeof *d->bad));
    d->bad[k].start = d->len;
    d->bad[k].end = d->len + n;
    d->n_bad++;
    if (d->no_raw) {
        return put(d, cap, p, n);
    }
    HNP_TRY(hnp_norm_grow((void **)&d->raw_end, &d->cap_raw_end, k + 1, sizeof *d->raw_end));
    HNP_TRY(hnp_norm_grow((void **)&d->raw, &d->cap_raw, d->n_raw + nraw, 1));
    memcpy(d->raw + d->n_raw, raw, nraw);
    d->n_raw += nraw;
    d->raw_end[k] = d->n_raw;
    return put(d, cap, p, n);
}

/* Writes the windows-1252 character for byte b (the caller checked it has one). */
static hnp_status put_cp1252(hnp_norm_decoded *d, size_t *cap, uint8_t b)
{
    uint8_t u[4];
    size_t n = hnp_norm_utf8_encode(b >= 0xA0 ? b : hnp_norm_cp1252(b), u);
    return put_bad(d, cap, u, n, &b, 1);
}

static int ascii_letter(uint8_t b)
{
    return ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

/* Are the bad bytes in[i, j) windows-1252 text rather than broken UTF-8? Yes when every
 * byte has a windows-1252 character, none is a UTF-8 lead followed by a continuation byte
 * (the mark of a truncated or overlong sequence), and letters (0xC0 and up) touch an ASCII
 * letter ("caf\xe9", "na\xefve"): a stray 0xFF between spaces is noise, not "ÿ". Signs and
 * punctuation (0x80-0xBF, × ÷) need no such company. */
static int looks_cp1252(const uint8_t *in, size_t len, size_t i, size_t j)
{
    int letters = (i > 0 && ascii_letter(in[i - 1])) || (j < len && ascii_letter(in[j]));
    for (size_t k = i; k < j; k++) {
        if (in[k] < 0xA0 && !hnp_norm_cp1252(in[k])) {
            return 0;
        }
        int letter = in[k] >= 0xC0 && in[k] != 0xD7 && in[k] != 0xF7; /* × ÷ are signs */
        if ((letter && !letters) || (in[k] >= 0xC0 && k + 1 < j && cont(in[k + 1]))) {
            return 0;
        }
    }
    return 1;
}

/* One U+FFFD per ill-formed subsequence: a lead byte with the continuation bytes that
 * follow it, or a single stray byte. */
static hnp_status put_invalid(hnp_norm_decoded *d, size_t *cap, const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t want = s[i] >= 0xF0 ? 4 : s[i] >= 0xE0 ? 3 : s[i] >= 0xC2 ? 2 : 1;
        size_t k = 1;
        while (k < want && i + k < n && cont(s[i + k])) {
            k++;
        }
        HNP_TRY(put_bad(d, cap, REPLACEMENT_UTF8, 3, s + i, k));
        i += k;
    }
    return HNP_OK;
}

/* UTF-8 with repairs; guess_1252 allows reading lone bad bytes as windows-1252. */
static hnp_status decode_utf8(const uint8_t *in, size_t len, int guess_1252, hnp_norm_decoded *d)
{
    size_t cap = 0;
    HNP_TRY(hnp_norm_grow((void **)&d->owned, &cap, len + 16, 1));
    hnp_pages_huge(d->owned, cap);
    for (size_t i = 0; i < len;) {
        size_t v = hnp_norm_utf8_valid_prefix(in + i, len - i);
        HNP_TRY(put(d, &cap, in + i, v));
        i += v;
        if (i >= len) {
            break;
        }
        size_t j = i + 1;
        while (j < len && seq_len(in + j, len - j) == 0) {
            j++;
        }
        if (guess_1252 && looks_cp1252(in, len, i, j)) {
            for (size_t k = i; k < j; k++) {
                HNP_TRY(put_cp1252(d, &cap, in[k]));
            }
        } else {
            HNP_TRY(put_invalid(d, &cap, in + i, j - i));
        }
        i = j;
    }
    d->text = d->owned;
    return HNP_OK;
}

/* Counts valid multi-byte sequences, bad bytes, and the bad bytes that are "lone": not a
 * lead byte with continuation bytes after it (a truncated, overlong or surrogate sequence).
 * UTF-8 with a few bad bytes has many valid sequences, or only UTF-8-shaped damage; a
 * legacy encoding has few valid sequences and many lone bad bytes. */
static void utf8_evidence(const uint8_t *in, size_t len, size_t *multi, size_t *bad, size_t *lone)
{
    *multi = *bad = *lone = 0;
    for (size_t i = 0; i < len;) {
        size_t k = seq_len(in + i, len - i);
        if (k > 0) {
            *multi += k > 1;
            i += k;
            continue;
        }
        size_t j = i + 1;
        while (in[i] >= 0xC0 && j < len && j < i + 4 && cont(in[j])) {
            j++;
        }
        int shaped = in[i] >= 0xC0 && (j > i + 1 || j == len);
        *bad += j - i;
        *lone += shaped ? 0 : j - i;
        i = j;
    }
}

static hnp_status transcode(const char *from, const uint8_t *in, size_t len, size_t unit,
                            hnp_norm_decoded *d);

static void set_name(hnp_norm_decoded *d, const char *name)
{
    snprintf(d->encoding, sizeof d->encoding, "%s", name);
}

static int has_c1_bytes(const uint8_t *in, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (in[i] >= 0x80 && in[i] <= 0x9F) {
            return 1;
        }
    }
    return 0;
}

/* ICU's best guess among the encodings we accept; windows-1252 when it has none. */
static hnp_status detect(const uint8_t *in, size_t len, char *name, size_t cap)
{
    /* UTF-16 is not taken from ICU: without a BOM it guesses UTF-16 for short CJK text in
     * other encodings, and the NUL pattern (utf16_pattern) already caught real UTF-16. */
    static const char accepted[][16] = {"windows-1252", "ISO-8859-1", "GB18030", "Big5",
                                        "Shift_JIS"};
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = 0;
    snprintf(name, cap, "windows-1252");
    UCharsetDetector *csd = ucsdet_open(&err);
    if (U_FAILURE(err)) {
        return HNP_ERR_ICU;
    }
    ucsdet_setText(csd, (const char *)in, (int32_t)(len < DETECT_MAX ? len : DETECT_MAX), &err);
    const UCharsetMatch **m = ucsdet_detectAll(csd, &n, &err);
    for (int32_t i = 0; U_SUCCESS(err) && i < n; i++) {
        const char *got = ucsdet_getName(m[i], &err);
        size_t k = 0;
        while (got && k < sizeof accepted / sizeof accepted[0] && strcmp(got, accepted[k]) != 0) {
            k++;
        }
        if (got && k < sizeof accepted / sizeof accepted[0]) {
            snprintf(name, cap, "%s", got);
            break;
        }
    }
    ucsdet_close(csd);
    /* Latin-1 and windows-1252 differ only in 0x80-0x9F, where Latin-1 has controls. */
    if (strcmp(name, "ISO-8859-1") == 0 && has_c1_bytes(in, len)) {
        snprintf(name, cap, "windows-1252");
    }
    return HNP_OK;
}

static size_t unit_of(const char *enc)
{
    if (strncasecmp(enc, "UTF-32", 6) == 0 || strncasecmp(enc, "UCS-4", 5) == 0) {
        return 4;
    }
    if (strncasecmp(enc, "UTF-16", 6) == 0 || strncasecmp(enc, "UCS-2", 5) == 0) {
        return 2;
    }
    return 1;
}

/* iconv from `from` to UTF-8; a byte (or code unit) it cannot decode becomes U+FFFD. */
static hnp_status transcode(const char *from, const uint8_t *in, size_t len, size_t unit,
                            hnp_norm_decoded *d)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) {
        return HNP_ERR_ENCODING;
    }
    size_t cap = 0;
    hnp_status st = hnp_norm_grow((void **)&d->owned, &cap, 2 * len + 16, 1);
    if (st == HNP_OK) {
        hnp_pages_huge(d->owned, cap);
    }
    char *ip;
    size_t il = len;
    memcpy(&ip, &in, sizeof ip); /* iconv's prototype lacks const; it does not write */
    while (st == HNP_OK) {
        char *op = (char *)d->owned + d->len;
        size_t ol = cap - d->len - 1;
        size_t r = iconv(cd, il ? &ip : NULL, &il, &op, &ol);
        d->len = (size_t)((uint8_t *)op - d->owned);
        if (r != (size_t)-1 && il == 0) {
            break;
        }
        if (r != (size_t)-1 || errno == E2BIG) {
            st = hnp_norm_grow((void **)&d->owned, &cap, cap + len + 16, 1);
        } else {
            size_t skip = errno == EINVAL ? il : (unit < il ? unit : il);
            st = put_bad(d, &cap, REPLACEMENT_UTF8, 3, (const uint8_t *)ip, skip);
            ip += skip;
            il -= skip;
        }
    }
    iconv_close(cd);
    d->text = d->owned;
    if (st == HNP_OK) {
        d->owned[d->len] = 0;
    }
    return st;
}

static int is_utf8_name(const char *enc)
{
    return strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0;
}

static hnp_status decode_named(const char *enc, const uint8_t *in, size_t len, hnp_norm_decoded *d)
{
    set_name(d, enc);
    if (is_utf8_name(enc)) {
        return decode_utf8(in, len, 0, d);
    }
    return transcode(enc, in, len, unit_of(enc), d);
}

static hnp_status decode_detected(const uint8_t *in, size_t len, hnp_norm_decoded *d)
{
    size_t skip = 0, multi, bad, lone;
    const char *b = bom(in, len, &skip);
    if (b) {
        return decode_named(b, in + skip, len - skip, d);
    }
    int u16 = utf16_pattern(in, len);
    if (u16) {
        return decode_named(u16 == 1 ? "UTF-16LE" : "UTF-16BE", in, len, d);
    }
    set_name(d, "UTF-8");
    size_t v = hnp_norm_utf8_valid_prefix(in, len);
    if (v == len) {
        d->text = in;
        d->len = len;
        return HNP_OK;
    }
    utf8_evidence(in, len, &multi, &bad, &lone);
    if ((multi > 0 && bad <= multi) || (bad > 0 && lone == 0)) {
        return decode_utf8(in, len, 1, d);
    }
    char name[32];
    HNP_TRY(detect(in, len, name, sizeof name));
    return decode_named(name, in, len, d);
}

hnp_status hnp_norm_decode(const hnp_normalize_opts *opts, const uint8_t *in, size_t len,
                           hnp_norm_decoded *out)
{
    memset(out, 0, sizeof *out);
    out->no_raw = opts && (opts->flags & HNP_NORM_COUNT_REPAIRS);
    static const uint8_t empty[1] = {0};
    if (opts && opts->from_encoding && !is_utf8_name(opts->from_encoding)) {
        iconv_t cd = iconv_open("UTF-8", opts->from_encoding);
        if (cd == (iconv_t)-1) {
            return HNP_ERR_ENCODING;
        }
        iconv_close(cd);
    }
    if (len == 0) {
        out->text = empty;
        set_name(out, opts && opts->from_encoding ? opts->from_encoding : "UTF-8");
        return HNP_OK;
    }
    hnp_status st = (opts && opts->from_encoding) ? decode_named(opts->from_encoding, in, len, out)
                                                  : decode_detected(in, len, out);
    if (st != HNP_OK) {
        hnp_norm_decoded_free(out);
    }
    return st;
}

void hnp_norm_decoded_free(hnp_norm_decoded *d)
{
    free(d->owned);
    free(d->bad);
    free(d->raw_end);
    free(d->raw);
    memset(d, 0, sizeof *d);
}
