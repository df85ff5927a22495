/* buf.c -- growable byte buffer and the escapers every output format shares. */
#include "base/vec.h"
#include "buf_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

hnp_status hnp_buf_reserve(hnp_membuf *b, size_t extra)
{
    if (extra <= b->cap - b->len) {
        return HNP_OK;
    }
    if (extra > SIZE_MAX / 2 - b->len) {
        return HNP_ERR_NOMEM;
    }
    return hnp_vec_reserve((void **)&b->data, &b->cap, b->len + extra, 1, 256);
}

hnp_status hnp_buf_put(hnp_membuf *b, const void *p, size_t n)
{
    if (n == 0) {
        return HNP_OK;
    }
    HNP_TRY(hnp_buf_reserve(b, n));
    memcpy(b->data + b->len, p, n);
    b->len += n;
    return HNP_OK;
}

hnp_status hnp_buf_puts(hnp_membuf *b, const char *s)
{
    return hnp_buf_put(b, s, strlen(s));
}

hnp_status hnp_buf_putc_grow(hnp_membuf *b, char c)
{
    HNP_TRY(hnp_buf_reserve(b, 1));
    b->data[b->len++] = (uint8_t)c;
    return HNP_OK;
}

hnp_status hnp_buf_printf(hnp_membuf *b, const char *fmt, ...)
{
    char small[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return HNP_ERR_INVALID;
    }
    if ((size_t)n < sizeof small) {
        return hnp_buf_put(b, small, (size_t)n);
    }
    HNP_TRY(hnp_buf_reserve(b, (size_t)n + 1));
    va_start(ap, fmt);
    vsnprintf((char *)b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return HNP_OK;
}

hnp_status hnp_buf_put_uint(hnp_membuf *b, size_t v)
{
    char d[24];
    size_t n = sizeof d;
    do {
        d[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    return hnp_buf_put(b, d + n, sizeof d - n);
}

/* v * 1000 rounded to nearest, ties to even (as glibc's printf), computed exactly from
 * v's bits: v = m * 2^-k with m < 2^24, so v * 1000 = m * 1000 / 2^k. For 0 <= v <= 1,
 * k >= 23. */
static unsigned thousandths(uint32_t bits)
{
    uint32_t exp = (bits >> 23) & 0xFFu, frac = bits & 0x7FFFFFu;
    uint64_t num = (uint64_t)(exp ? frac | 0x800000u : frac) * 1000u;
    unsigned k = exp ? 150u - exp : 149u;
    if (k >= 64) {
        return 0; /* below 2^-40: no digit */
    }
    uint64_t q = num >> k, rem = num & ((UINT64_C(1) << k) - 1), half = UINT64_C(1) << (k - 1);
    if (rem > half || (rem == half && (q & 1))) {
        q++;
    }
    return (unsigned)q;
}

hnp_status hnp_buf_put_score(hnp_membuf *b, float v)
{
    uint32_t bits;
    memcpy(&bits, &v, sizeof bits);
    if (!(v >= 0.0f && v <= 1.0f) || (bits >> 31) != 0) { /* also NaN and -0 */
        return hnp_buf_printf(b, "%.3f", (double)v);
    }
    unsigned q = thousandths(bits);
    char d[5] = {(char)('0' + q / 1000), '.', (char)('0' + q / 100 % 10), (char)('0' + q / 10 % 10),
                 (char)('0' + q % 10)};
    return hnp_buf_put(b, d, sizeof d);
}

/* Bytes that TSV escapes: \\ tab newline CR. */
static const unsigned char tsv_special[256] = {['\\'] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1};

/* Bytes that JSON escapes: " \\ and the control characters but NUL (as before, NUL is
 * copied as it is). */
static const unsigned char json_special[256] = {
    [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
    [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1, [0x0e] = 1,
    [0x0f] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1,
    [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1,
    [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, ['"'] = 1,  ['\\'] = 1};

/* Bytes that HTML text escapes. */
static const unsigned char html_special[256] = {['<'] = 1, ['>'] = 1, ['&'] = 1, ['"'] = 1};

/* Copies the run of bytes that need no escaping in one go, so plain text costs one memcpy;
 * a table lookup a byte finds its end. */
static size_t plain_run(const uint8_t *p, size_t n, const unsigned char *special)
{
    size_t i = 0;
    while (i < n && !special[p[i]]) {
        i++;
    }
    return i;
}

/* plain_run for TSV, sixteen bytes at a time with SSE2: the text of a record is escaped
 * whole, and its lines are long. */
static size_t tsv_run(const uint8_t *p, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i bs = _mm_set1_epi8('\\'), tab = _mm_set1_epi8('\t'), nl = _mm_set1_epi8('\n'),
                  cr = _mm_set1_epi8('\r');
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, bs), _mm_cmpeq_epi8(v, tab)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, cr)));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        if (m) {
            return i + (size_t)__builtin_ctz(m);
        }
    }
#endif
    return i + plain_run(p + i, n - i, tsv_special);
}

/* Writes the escaped form of one special byte. */
typedef hnp_status (*escape_fn)(hnp_membuf *b, uint8_t c);

/* The loop every escaper shares: plain runs copied whole, each special byte escaped. */
static hnp_status put_escaped(hnp_membuf *b, const uint8_t *p, size_t n,
                              const unsigned char *special, escape_fn escape)
{
    size_t i = 0;
    while (i < n) {
        size_t run =
            special == tsv_special ? tsv_run(p + i, n - i) : plain_run(p + i, n - i, special);
        HNP_TRY(hnp_buf_put(b, p + i, run));
        i += run;
        if (i < n) {
            HNP_TRY(escape(b, p[i++]));
        }
    }
    return HNP_OK;
}

static hnp_status escape_tsv(hnp_membuf *b, uint8_t c)
{
    char esc[2] = {'\\', c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r'};
    return hnp_buf_put(b, esc, 2);
}

static hnp_status escape_json(hnp_membuf *b, uint8_t c)
{
    switch (c) {
    case '"':
        return hnp_buf_puts(b, "\\\"");
    case '\\':
        return hnp_buf_puts(b, "\\\\");
    case '\n':
        return hnp_buf_puts(b, "\\n");
    case '\t':
        return hnp_buf_puts(b, "\\t");
    case '\r':
        return hnp_buf_puts(b, "\\r");
    default:
        return hnp_buf_printf(b, "\\u%04x", c);
    }
}

static hnp_status escape_html(hnp_membuf *b, uint8_t c)
{
    return hnp_buf_puts(b, c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : "&quot;");
}

hnp_status hnp_buf_put_tsv(hnp_membuf *b, const uint8_t *p, size_t n)
{
    return put_escaped(b, p, n, tsv_special, escape_tsv);
}

hnp_status hnp_buf_put_json(hnp_membuf *b, const uint8_t *p, size_t n)
{
    return put_escaped(b, p, n, json_special, escape_json);
}

hnp_status hnp_buf_put_html(hnp_membuf *b, const uint8_t *p, size_t n)
{
    return put_escaped(b, p, n, html_special, escape_html);
}

/* Bytes that an id in PubTator escapes: TSV's and the | that ends the id. */
static const unsigned char pubtator_special[256] = {
    ['\\'] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['|'] = 1};

static hnp_status escape_pubtator(hnp_membuf *b, uint8_t c)
{
    return c == '|' ? hnp_buf_puts(b, "\\x7c") : escape_tsv(b, c);
}

static hnp_status put_pubtator(hnp_membuf *b, const uint8_t *p, size_t n)
{
    return put_escaped(b, p, n, pubtator_special, escape_pubtator);
}

/* Length of the well-formed UTF-8 sequence at p (RFC 3629: no overlongs, no surrogates,
 * at most U+10FFFF), or 0 when p does not start one. */
static size_t utf8_seq_len(const uint8_t *p, size_t n)
{
    uint8_t c = p[0];
    size_t len = c < 0x80                 ? 1
                 : c >= 0xC2 && c <= 0xDF ? 2
                 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4
                                          : 0;
    if (len == 0 || len > n) {
        return 0;
    }
    uint8_t lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    uint8_t hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (len > 1 && (p[1] < lo || p[1] > hi)) {
        return 0;
    }
    for (size_t i = 2; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            return 0;
        }
    }
    return len;
}

typedef hnp_status (*put_run_fn)(hnp_membuf *b, const uint8_t *p, size_t n);

/* Well-formed runs go through put_run; each other byte is written as mark, then \xNN
 * (bs is the backslash as the format spells it). */
static hnp_status put_id(hnp_membuf *b, const uint8_t *p, size_t n, put_run_fn put_run,
                         const char *mark, const char *bs)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i, len;
        while (j < n && (p[j] < 0x80 || (len = utf8_seq_len(p + j, n - j)) > 0)) {
            j += p[j] < 0x80 ? 1 : len;
        }
        HNP_TRY(put_run(b, p + i, j - i));
        if (j < n) {
            HNP_TRY(hnp_buf_printf(b, "%s%sx%02x", mark, bs, p[j]));
            j++;
        }
        i = j;
    }
    return HNP_OK;
}

hnp_status hnp_buf_put_tsv_id(hnp_membuf *b, const uint8_t *p, size_t n)
{
    return put_id(b, p, n, hnp_buf_put_tsv, "", "\\");
}

hnp_status hnp_buf_put_pubtator_id(hnp_membuf *b, const uint8_t *p, size_t n)
{
    return put_id(b, p, n, put_pubtator, "", "\\");
}

hnp_status hnp_buf_put_json_id(hnp_membuf *b, const uint8_t *p, size_t n)
{
    return put_id(b, p, n, hnp_buf_put_json, "\xEF\xBF\xBD", "\\\\");
}

hnp_status hnp_buf_put_html_id(hnp_membuf *b, const uint8_t *p, size_t n)
{
    return put_id(b, p, n, hnp_buf_put_html, "\xEF\xBF\xBD", "\\");
}

static hnp_status membuf_write(void *ctx, const void *buf, size_t len)
{
    return hnp_buf_put(ctx, buf, len);
}

hnp_sink hnp_membuf_sink(hnp_membuf *b)
{
    hnp_sink s = {membuf_write, b};
    return s;
}

void hnp_membuf_free(hnp_membuf *b)
{
    if (!b) {
        return;
    }
    free(b->data);
    memset(b, 0, sizeof *b);
}

hnp_status hnp_tsv_escape(const uint8_t *in, size_t len, char **out, size_t *out_len)
{
    hnp_membuf b = {0};
    hnp_status st = hnp_buf_put_tsv(&b, in, len);
    if (st == HNP_OK) {
        st = hnp_buf_putc(&b, '\0');
    }
    if (st != HNP_OK) {
        hnp_membuf_free(&b);
        return st;
    }
    *out = (char *)b.data;
    if (out_len) {
        *out_len = b.len - 1;
    }
    return HNP_OK;
}

/* Runs without a backslash are found by memchr and moved whole. */
size_t hnp_tsv_unescape(uint8_t *buf, size_t len)
{
    size_t w = 0, r = 0;
    while (r < len) {
        const uint8_t *bs = memchr(buf + r, '\\', len - r);
        size_t run = bs ? (size_t)(bs - (buf + r)) : len - r;
        if (w != r) {
            memmove(buf + w, buf + r, run);
        }
        w += run;
        r += run;
        if (r == len) {
            break;
        }
        uint8_t c = r + 1 < len ? buf[r + 1] : 0; /* buf[r] is a backslash */
        uint8_t v = c == '\\' ? '\\' : c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : 0;
        buf[w++] = v ? v : buf[r];
        r += v ? 2 : 1;
    }
    return w;
}
