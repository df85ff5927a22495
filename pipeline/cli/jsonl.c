/* jsonl.c -- the one-object-a-line JSON reader of --input-format jsonl. */
#include "jsonl.h"

#include <stdlib.h>
#include <string.h>

typedef struct parser {
    const char *s;
    size_t n, i;
    int depth;
    jsonl_err *err;
} parser;

static int fail(parser *p, const char *why)
{
    p->err->column = p->i + 1;
    p->err->why = why;
    return -1;
}

static void skip_ws(parser *p)
{
    while (p->i < p->n &&
           (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\r' || p->s[p->i] == '\n')) {
        p->i++;
    }
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        return (c | 0x20) - 'a' + 10;
    }
    return -1;
}

/* The 4 hex digits at s[i..i+4), or -1. */
static long hex4(const char *s, size_t n, size_t i)
{
    long v = 0;
    for (size_t k = 0; k < 4; k++) {
        int h = i + k < n ? hex_value(s[i + k]) : -1;
        if (h < 0) {
            return -1;
        }
        v = v * 16 + h;
    }
    return v;
}

static int parse_string(parser *p)
{
    p->i++; /* the opening quote */
    while (p->i < p->n) {
        unsigned char c = (unsigned char)p->s[p->i];
        if (c == '"') {
            p->i++;
            return 0;
        }
        if (c < 0x20) {
            return fail(p, "control character inside a string (escape it)");
        }
        if (c == '\\') {
            char e = p->i + 1 < p->n ? p->s[p->i + 1] : '\0';
            if (e == 'u') {
                if (hex4(p->s, p->n, p->i + 2) < 0) {
                    return fail(p, "bad \\u escape (want 4 hex digits)");
                }
                p->i += 4;
            } else if (!e || !strchr("\"\\/bfnrt", e)) {
                return fail(p, "bad escape in a string");
            }
            p->i++;
        }
        p->i++;
    }
    return fail(p, "unterminated string");
}

static int digits(parser *p)
{
    size_t start = p->i;
    while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') {
        p->i++;
    }
    return p->i > start ? 0 : fail(p, "bad number");
}

static int parse_number(parser *p)
{
    if (p->s[p->i] == '-') {
        p->i++;
    }
    if (p->i < p->n && p->s[p->i] == '0') {
        p->i++;
    } else if (digits(p) != 0) {
        return -1;
    }
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        if (digits(p) != 0) {
            return -1;
        }
    }
    if (p->i < p->n && (p->s[p->i] | 0x20) == 'e') {
        p->i++;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-')) {
            p->i++;
        }
        return digits(p);
    }
    return 0;
}

static int parse_literal(parser *p, const char *word)
{
    size_t len = strlen(word);
    if (p->n - p->i < len || memcmp(p->s + p->i, word, len) != 0) {
        return fail(p, "unexpected character (want a value)");
    }
    p->i += len;
    return 0;
}

static int parse_value(parser *p);

/* The members of an object or the elements of an array, after the opening bracket. */
static int parse_items(parser *p, char close, int with_keys)
{
    skip_ws(p);
    if (p->i < p->n && p->s[p->i] == close) {
        p->i++;
        return 0;
    }
    for (;;) {
        skip_ws(p);
        if (with_keys) {
            if (p->i >= p->n || p->s[p->i] != '"') {
                return fail(p, "want a member name in double quotes");
            }
            if (parse_string(p) != 0) {
                return -1;
            }
            skip_ws(p);
            if (p->i >= p->n || p->s[p->i] != ':') {
                return fail(p, "want ':' after a member name");
            }
            p->i++;
        }
        if (parse_value(p) != 0) {
            return -1;
        }
        skip_ws(p);
        if (p->i < p->n && p->s[p->i] == close) {
            p->i++;
            return 0;
        }
        if (p->i >= p->n || p->s[p->i] != ',') {
            return fail(p, close == '}' ? "want ',' or '}'" : "want ',' or ']'");
        }
        p->i++;
    }
}

static int parse_value(parser *p)
{
    skip_ws(p);
    if (p->i >= p->n) {
        return fail(p, "line ends where a value should be");
    }
    char c = p->s[p->i];
    if (c == '"') {
        return parse_string(p);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        return parse_number(p);
    }
    if (c == '{' || c == '[') {
        if (++p->depth > JSONL_MAX_DEPTH) {
            return fail(p, "nested too deeply");
        }
        p->i++;
        int rc = parse_items(p, c == '{' ? '}' : ']', c == '{');
        p->depth--;
        return rc;
    }
    return parse_literal(p, c == 't' ? "true" : c == 'f' ? "false" : "null");
}

/* Decodes the unit at s[i] of a string's inside (a byte, or an escape, or a surrogate pair)
 * into out (up to 4 bytes); returns the index after it. The string was validated. */
static size_t decode_unit(const char *s, size_t end, size_t i, char out[4], size_t *n_out)
{
    if (s[i] != '\\') {
        out[0] = s[i];
        *n_out = 1;
        return i + 1;
    }
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    if (s[i + 1] != 'u') {
        out[0] = to[strchr(from, s[i + 1]) - from];
        *n_out = 1;
        return i + 2;
    }
    long cp = hex4(s, end, i + 2);
    i += 6;
    if (cp >= 0xD800 && cp < 0xDC00 && i + 6 <= end && s[i] == '\\' && s[i + 1] == 'u') {
        long lo = hex4(s, end, i + 2);
        if (lo >= 0xDC00 && lo < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
        }
    }
    if (cp >= 0xD800 && cp < 0xE000) {
        cp = 0xFFFD; /* a lone surrogate has no UTF-8 form */
    }
    size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    static const unsigned char lead[] = {0, 0, 0xC0, 0xE0, 0xF0};
    for (size_t k = n; k-- > 1;) {
        out[k] = (char)(0x80 | (cp & 0x3F));
        cp >>= 6;
    }
    out[0] = (char)(n == 1 ? cp : (lead[n] | cp));
    *n_out = n;
    return i;
}

/* 1 when the string at s (quotes included) decodes to key. */
static int string_equals(const char *line, jsonl_span s, const char *key)
{
    size_t klen = strlen(key), at = 0;
    for (size_t i = s.start + 1; i < s.end - 1;) {
        char unit[4];
        size_t n;
        i = decode_unit(line, s.end - 1, i, unit, &n);
        if (at + n > klen || memcmp(key + at, unit, n) != 0) {
            return 0;
        }
        at += n;
    }
    return at == klen;
}

int jsonl_decode_string(const char *line, jsonl_span s, hnp_membuf *out)
{
    out->len = 0;
    hnp_sink sink = hnp_membuf_sink(out);
    for (size_t i = s.start + 1; i < s.end - 1;) {
        char unit[4];
        size_t n;
        i = decode_unit(line, s.end - 1, i, unit, &n);
        if (sink.write(sink.ctx, unit, n) != HNP_OK) {
            return -1;
        }
    }
    if (sink.write(sink.ctx, "", 1) != HNP_OK) {
        return -1;
    }
    out->len--; /* the NUL is there but not counted */
    return 0;
}

typedef struct member {
    jsonl_span key, value;
} member;

/* One top-level member: its name and value spans. */
static int top_member(parser *p, member *m)
{
    skip_ws(p);
    if (p->i >= p->n || p->s[p->i] != '"') {
        return fail(p, "want a member name in double quotes");
    }
    m->key.start = p->i;
    if (parse_string(p) != 0) {
        return -1;
    }
    m->key.end = p->i;
    skip_ws(p);
    if (p->i >= p->n || p->s[p->i] != ':') {
        return fail(p, "want ':' after a member name");
    }
    p->i++;
    skip_ws(p);
    m->value.start = p->i;
    if (parse_value(p) != 0) {
        return -1;
    }
    m->value.end = p->i;
    return 0;
}

static int add_cut(parser *p, jsonl_obj *o, jsonl_span cut)
{
    if (o->n_cuts == o->cap_cuts) {
        size_t cap = o->cap_cuts ? o->cap_cuts * 2 : 4;
        jsonl_span *v = realloc(o->cuts, cap * sizeof *v);
        if (!v) {
            return fail(p, "out of memory");
        }
        o->cuts = v;
        o->cap_cuts = cap;
    }
    o->cuts[o->n_cuts++] = cut;
    return 0;
}

/* Reads the members that hnpipe uses or replaces. An old annotation member is cut with the
 * comma before it when a kept member precedes it, else with the comma after it (up to the
 * next member's name, fixed up when that is read). */
static int top_members(parser *p, const char *text_key, const char *id_key, jsonl_obj *o)
{
    size_t prev_end = 0;
    int kept_before = 0, open_cut = 0;
    for (;;) {
        member m;
        if (top_member(p, &m) != 0) {
            return -1;
        }
        if (open_cut) {
            o->cuts[o->n_cuts - 1].end = m.key.start;
            open_cut = 0;
        }
        if (string_equals(p->s, m.key, JSONL_ANNOTATION_KEY)) {
            jsonl_span cut = {kept_before ? prev_end : m.key.start, m.value.end};
            if (add_cut(p, o, cut) != 0) {
                return -1;
            }
            open_cut = !kept_before;
        } else {
            o->n_members++;
            kept_before = 1;
            if (string_equals(p->s, m.key, text_key)) {
                o->text = m.value;
            }
            if (string_equals(p->s, m.key, id_key)) {
                o->id = m.value;
                o->id_type = p->s[m.value.start];
            }
        }
        prev_end = m.value.end;
        skip_ws(p);
        if (p->i < p->n && p->s[p->i] == '}') {
            o->close = p->i++;
            return 0;
        }
        if (p->i >= p->n || p->s[p->i] != ',') {
            return fail(p, "want ',' or '}'");
        }
        p->i++;
    }
}

void jsonl_obj_free(jsonl_obj *o)
{
    free(o->cuts);
    memset(o, 0, sizeof *o);
}

int jsonl_parse(const char *line, size_t len, const char *text_key, const char *id_key,
                jsonl_obj *out, jsonl_err *err)
{
    parser p = {line, len, 0, 0, err};
    jsonl_span *cuts = out->cuts;
    size_t cap = out->cap_cuts;
    memset(out, 0, sizeof *out);
    out->cuts = cuts;
    out->cap_cuts = cap;
    skip_ws(&p);
    if (p.i >= p.n || line[p.i] != '{') {
        return fail(&p, "not a JSON object (want '{')");
    }
    p.i++;
    skip_ws(&p);
    if (p.i < p.n && line[p.i] == '}') {
        out->close = p.i++;
    } else if (top_members(&p, text_key, id_key, out) != 0) {
        return -1;
    }
    skip_ws(&p);
    return p.i == p.n ? 0 : fail(&p, "text after the object (one object a line)");
}
