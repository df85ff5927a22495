/* segment_rules.c -- the English sentence rules for one block of text.
 *
 * The block is read token by token (whitespace-separated). A sentence may end at a
 * terminal mark (. ! ? … and CJK stops) followed by closing quotes/brackets; whether it
 * does depends on the word before the mark (abbreviation classes, initials, numbers) and
 * the token after it (its case, whether it is a typical sentence starter). Independently
 * of marks, a sentence also ends before a list item or bullet, and after a dateline or a
 * "Source: Name" field at the head of a sentence. Everything is one left-to-right pass
 * with bounded look-ahead, so time is linear in the block length. */
#include "segment_internal.h"

#include <string.h>

typedef struct rules {
    const uint8_t *t;
    size_t end; /* end of the block */
    seg_out *o;
    size_t sent; /* start of the current sentence */
    size_t ntok; /* tokens before the current one in the current sentence */
    hnp_span prev;
    int list_kind;  /* 0: no list; 1: 1. 2. 3.; 2: a. b. c.; 3: A. B. C. */
    unsigned depth; /* brackets opened and not yet closed in the current sentence */
    unsigned list_next;
} rules;

static void cut(rules *r, size_t at)
{
    if (at > r->sent && at <= r->end) {
        hnp_seg_emit(r->o, r->t, r->sent, at);
        r->sent = at;
        r->ntok = 0;
        r->depth = 0;
    }
}

/* "1.", "2)", "1.)", "(3)", "a.", "•9.": returns the list kind (see rules) and *value. */
static int list_marker(const uint8_t *t, const hnp_span *tk, unsigned *value)
{
    size_t p = tk->start, e = tk->end;
    int32_t cp;
    if (e - p > 9 || (t[e - 1] != '.' && t[e - 1] != ')')) {
        return 0; /* the longest is a bullet and "(12.)" */
    }
    while (p < e && t[p] >= 0x80) {
        size_t n = hnp_seg_decode(t, p, e, &cp);
        if (!hnp_seg_is_bullet(cp)) {
            return 0;
        }
        p += n;
    }
    p += (p < e && t[p] == '(');
    int kind = 0;
    if (p < e && t[p] >= '0' && t[p] <= '9') {
        kind = 1;
        *value = (unsigned)(t[p++] - '0');
        if (p < e && t[p] >= '0' && t[p] <= '9') {
            *value = *value * 10 + (unsigned)(t[p++] - '0');
        }
    } else if (p < e && ((t[p] >= 'a' && t[p] <= 'z') || (t[p] >= 'A' && t[p] <= 'Z'))) {
        kind = t[p] >= 'a' ? 2 : 3;
        *value = (unsigned)((t[p++] | 0x20) - 'a' + 1);
    }
    size_t mark = p;
    p += (p < e && t[p] == '.');
    p += (p < e && t[p] == ')');
    return kind && p > mark && p == e ? kind : 0;
}

/* "2.1.", "4.1.3": a numbered heading, whose periods are not stops. */
static bool section_number(const uint8_t *t, const hnp_span *tk)
{
    size_t p = tk->start, groups = 0;
    while (p < tk->end && t[p] >= '0' && t[p] <= '9') {
        size_t d = 0;
        while (p < tk->end && t[p] >= '0' && t[p] <= '9' && d < 4) {
            p++;
            d++;
        }
        groups++;
        if (p < tk->end && t[p] == '.') {
            p++;
        } else {
            break;
        }
    }
    return groups >= 2 && p == tk->end;
}

/* "•", "-", "*": a bullet standing alone before a list item (one character: "-----" is a
 * horizontal rule). */
static bool only_bullets(const uint8_t *t, const hnp_span *tk)
{
    int32_t cp;
    size_t n = hnp_seg_decode(t, tk->start, tk->end, &cp);
    return tk->start + n == tk->end && (hnp_seg_is_bullet(cp) || cp == '-' || cp == '*');
}

static seg_case case_at(const uint8_t *t, size_t p, size_t end)
{
    int32_t cp;
    if (p >= end) {
        return SEG_C_OTHER;
    }
    hnp_seg_decode(t, p, end, &cp);
    return hnp_seg_case_of(cp);
}

/* "Updated", "Posted", "Published": the word of a timestamp line. */
static bool stamp_word(const uint8_t *t, const hnp_span *tk)
{
    static const char *const words[] = {"Updated", "Posted", "Published", "Modified"};
    size_t n = tk->end - tk->start;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strlen(words[i]) == n && memcmp(words[i], t + tk->start, n) == 0) {
            return true;
        }
    }
    return false;
}

/* "-----", "=====", "_____": a horizontal rule typed as text (one of - = _ * ~ #,
 * repeated). */
static bool rule_line(const uint8_t *t, const hnp_span *tk)
{
    uint8_t c = t[tk->start];
    if (tk->end - tk->start < 4 ||
        !(c == '-' || c == '=' || c == '_' || c == '*' || c == '~' || c == '#')) {
        return false;
    }
    for (size_t p = tk->start + 1; p < tk->end; p++) {
        if (t[p] != c) {
            return false;
        }
    }
    return true;
}

/* "eHow", "mRNA", "iPhone": lowercase first letter, capital second. */
static bool camel(const uint8_t *t, const hnp_span *tk)
{
    return tk->end - tk->start >= 2 && t[tk->start] >= 'a' && t[tk->start] <= 'z' &&
           t[tk->start + 1] >= 'A' && t[tk->start + 1] <= 'Z';
}

/* Checks made before a token in the middle of a sentence: bullets, the next list item,
 * and a dateline or "Source:" field glued onto the end of a headline. */
static void before_token(rules *r, const hnp_span *tk)
{
    const uint8_t *t = r->t;
    int32_t cp;
    hnp_seg_decode(t, tk->start, tk->end, &cp);
    unsigned v = 0;
    int kind = list_marker(t, tk, &v);
    if (hnp_seg_is_bullet(cp) || (kind && kind == r->list_kind && v == r->list_next) ||
        rule_line(t, tk) || rule_line(t, &r->prev)) {
        cut(r, tk->start); /* a bullet, the next list item, or either side of a "-----" */
        return;
    }
    seg_case c = hnp_seg_case_of(cp);
    if (c != SEG_C_UPPER && c != SEG_C_DIGIT) {
        return;
    }
    /* cheap filter first: "Source:", "Source :" or a fullwidth colon (lead byte 0xEF) */
    bool colon = memchr(t + tk->start, ':', tk->end - tk->start) ||
                 memchr(t + tk->start, 0xEF, tk->end - tk->start) ||
                 (tk->end + 1 < r->end && t[tk->end + 1] == ':');
    if (colon && hnp_seg_match_label_tok(t, tk, r->end, true)) {
        cut(r, tk->start);
        return;
    }
    if (stamp_word(t, tk) && hnp_seg_match_date(t, tk->end, r->end, NULL)) {
        cut(r, tk->start); /* "By Umair Irfan | Updated Nov 13, 2019, 10:28am EST" */
        return;
    }
    /* A date with a time of day, or followed by a byline, is a dateline, not prose. */
    bool timed = false;
    size_t d = hnp_seg_match_date_tok(t, tk, r->end, &timed);
    if (!d) {
        return;
    }
    hnp_span pc = hnp_seg_token_core(t, &r->prev);
    bool prep = hnp_seg_is_preposition(t + pc.start, pc.end - pc.start); /* "sent on 08/15/2000" */
    if (!prep && (timed || hnp_seg_match_label(t, d, r->end, false))) {
        cut(r, tk->start);
    }
}

/* Ends the sentence after a head element ending at e when a capitalized token follows. */
static size_t cut_if_capital_follows(rules *r, size_t e)
{
    hnp_span nx;
    if (!hnp_seg_token(r->t, e, r->end, &nx)) {
        return 0;
    }
    seg_case c = hnp_seg_token_case(r->t, &nx);
    if (c != SEG_C_UPPER && c != SEG_C_CASELESS) {
        return 0;
    }
    cut(r, e);
    return e;
}

/* "Figure 1.5", "Table 2", "Fig. 3": a caption label; returns its end, or 0. */
static size_t caption_end(const rules *r, const hnp_span *tk)
{
    static const char *const labels[] = {"Figure", "Fig.", "Table", "Chart", "Exhibit"};
    const uint8_t *t = r->t;
    size_t n = tk->end - tk->start;
    hnp_span num;
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        if (strlen(labels[i]) != n || memcmp(labels[i], t + tk->start, n) != 0) {
            continue;
        }
        if (!hnp_seg_token(t, tk->end, r->end, &num)) {
            return 0;
        }
        size_t p = num.start;
        while (p < num.end && ((t[p] >= '0' && t[p] <= '9') || (t[p] == '.' && p > num.start))) {
            p++;
        }
        /* "Figure 1. Original ..." keeps its period inside the caption */
        return p == num.end && p > num.start && t[p - 1] != '.' ? num.end : 0;
    }
    return 0;
}

/* Checks at the head of a sentence: a dateline ("August 18, 2016") or a field ("Source: Bio
 * Valley") followed by more text is a sentence of its own. Returns where to go on when it
 * cut, else 0. */
static size_t sentence_head(rules *r, const hnp_span *tk)
{
    const uint8_t *t = r->t;
    size_t d = hnp_seg_match_date_tok(t, tk, r->end, NULL);
    if (d) {
        return cut_if_capital_follows(r, d);
    }
    size_t c = caption_end(r, tk);
    if (c) {
        return cut_if_capital_follows(r, c); /* "Figure 1.5 Residents of ..." */
    }
    size_t l = hnp_seg_match_label_tok(t, tk, r->end, false);
    if (!l) {
        size_t h = hnp_seg_heading_end(t, tk, r->end);
        if (h) {
            cut(r, h);
        }
        return h;
    }
    d = hnp_seg_match_date(t, l, r->end, NULL);
    if (d) {
        return cut_if_capital_follows(r, d); /* "Updated: August 18, 2016 Researchers ..." */
    }
    size_t v = hnp_seg_field_value_end(t, l, r->end);
    if (v) {
        cut(r, v);
    }
    return v;
}

/* ---- terminal marks ------------------------------------------------------------------ */

typedef struct mark {
    size_t ws, we; /* the word before the mark (core) */
    size_t rs, re; /* the run of terminal marks */
    size_t q;      /* after the closers that follow the run */
    size_t dots;   /* periods in the run (… counts 3) */
    bool bang;     /* the run has ! or ? */
    bool cjk;      /* the run has a CJK stop */
    bool url;      /* the word is a URL or e-mail address */
} mark;

static void track_bracket(rules *r, int32_t cp)
{
    if (cp == '(' || cp == '[') {
        r->depth++;
    } else if ((cp == ')' || cp == ']') && r->depth > 0) {
        r->depth--;
    }
}

/* Is a closing bracket near after pos in the block? Then a stop before it is inside a
 * bracketed caption or aside: "[Illust-01. Stem Cell Characteristic]". */
static bool closes_soon(const rules *r, size_t pos)
{
    size_t lim = pos + 120 < r->end ? pos + 120 : r->end;
    for (size_t p = pos; p < lim; p++) {
        if (r->t[p] == ')' || r->t[p] == ']') {
            return true;
        }
        if (r->t[p] == '(' || r->t[p] == '[' || r->t[p] == '\n') {
            return false;
        }
    }
    return false;
}

/* Length of reference marks "[3]", "[12][13]" at p, else 0. */
static size_t ref_len(const uint8_t *t, size_t p, size_t e)
{
    size_t start = p;
    while (p < e && t[p] == '[') {
        size_t d = 0;
        while (p + 1 + d < e && t[p + 1 + d] >= '0' && t[p + 1 + d] <= '9') {
            d++;
        }
        if (d == 0 || d > 3 || p + 1 + d >= e || t[p + 1 + d] != ']') {
            break;
        }
        p += d + 2;
    }
    return p - start;
}

static void read_run(const uint8_t *t, size_t p, size_t e, mark *m)
{
    int32_t cp;
    m->rs = p;
    m->dots = 0;
    m->bang = m->cjk = false;
    while (p < e) {
        size_t n = hnp_seg_decode(t, p, e, &cp);
        if (!hnp_seg_is_term(cp)) {
            break;
        }
        m->dots += cp == '.' ? 1u : cp == 0x2026 ? 3u : 0u;
        m->bang |= cp == '!' || cp == '?' || (cp >= 0x203C && cp <= 0x2049);
        m->cjk |= hnp_seg_is_cjk_term(cp);
        p += n;
    }
    m->re = p;
    while (p < e) {
        size_t n = hnp_seg_decode(t, p, e, &cp);
        if (!hnp_seg_is_closer(cp)) {
            break;
        }
        p += n;
    }
    m->q = p + ref_len(t, p, e); /* "retired.[3] Later" */
}

static bool only_dots(const uint8_t *t, const hnp_span *tk, size_t *dots)
{
    size_t n = 0;
    for (size_t p = tk->start; p < tk->end; p++) {
        if (t[p] == '.') {
            n++;
        } else if (p + 3 <= tk->end && memcmp(t + p, "\xE2\x80\xA6", 3) == 0) {
            n += 3;
            p += 2;
        } else {
            return false;
        }
    }
    *dots = n;
    return true;
}

/* "[8]", "[12][13]": reference marks. */
static bool footnote(const uint8_t *t, const hnp_span *tk)
{
    return ref_len(t, tk->start, tk->end) == tk->end - tk->start;
}

/* "rights. 4 Even though": a bare one- or two-digit number between a stop after a word and
 * a capitalized word is a note mark of the sentence before. */
static bool note_number(const rules *r, const mark *m, const hnp_span *tk)
{
    const uint8_t *t = r->t;
    size_t n = tk->end - tk->start;
    hnp_span nx;
    if (n > 2 || m->bang || m->dots != 1 || m->we == m->ws || t[tk->start] < '0' ||
        t[tk->start] > '9' || t[tk->end - 1] < '0' || t[tk->end - 1] > '9' ||
        case_at(t, hnp_seg_prev(t, m->ws, m->we), m->we) != SEG_C_LOWER) {
        return false;
    }
    return hnp_seg_token(t, tk->end, r->end, &nx) && hnp_seg_token_case(t, &nx) == SEG_C_UPPER;
}

/* A quote or bracket standing alone after the stop ("body. \"") closes its sentence. */
static bool only_closers(const uint8_t *t, const hnp_span *tk)
{
    int32_t cp;
    for (size_t p = tk->start; p < tk->end;) {
        p += hnp_seg_decode(t, p, tk->end, &cp);
        if (!hnp_seg_is_closer(cp)) {
            return false;
        }
    }
    return true;
}

/* ":)", ";-(", ":D", ">:(": a smiley after the stop belongs to the sentence it closes. */
static bool emoticon(const uint8_t *t, const hnp_span *tk)
{
    size_t p = tk->start, n = tk->end - tk->start;
    if (n < 2 || n > 4) {
        return false;
    }
    p += (t[p] == '>');
    if (p >= tk->end || !(t[p] == ':' || t[p] == ';' || t[p] == '=')) {
        return false;
    }
    for (p++; p < tk->end; p++) {
        if (t[p] == 0 || !strchr("-o')(DPp/|3*[]", t[p])) {
            return false;
        }
    }
    return true;
}

/* "[...]" and "(!)": a mark alone inside brackets is an omission or an aside. */
static bool bracketed(const uint8_t *t, const hnp_span *tk, const mark *m)
{
    return m->rs > tk->start && (t[m->rs - 1] == '[' || t[m->rs - 1] == '(') && m->re < tk->end &&
           (t[m->re] == ']' || t[m->re] == ')');
}

/* "2016;375:1234-45", "2016:12": the year and volume of a journal reference. */
static bool citation(const uint8_t *t, const hnp_span *tk)
{
    size_t p = tk->start, d = 0;
    while (p < tk->end && t[p] >= '0' && t[p] <= '9') {
        p++;
        d++;
    }
    if (d == 0 || d > 4 || p >= tk->end) {
        return false;
    }
    size_t after = 0;
    while (p + 1 + after < tk->end && t[p + 1 + after] >= '0' && t[p + 1 + after] <= '9') {
        after++;
    }
    switch (t[p]) {
    case ';':
        return after > 0; /* 2016;375 */
    case ':':
        return after >= 3; /* 270:1234 -- not a time of day, 08:00 */
    case ',':
        return d <= 3 && p + 1 == tk->end; /* "Genet. 13, 399" -- not 1,200 */
    default:
        return false;
    }
}

/* "Nat. Genet.", "Proc. Natl. Acad. Sci.": a capitalized short word with a period before
 * another one is a chain of abbreviations (journal names), not two sentences. */
static bool short_abbrev(const uint8_t *t, const hnp_span *tk)
{
    size_t n = tk->end - tk->start;
    if (n < 3 || n > 7 || t[tk->end - 1] != '.' || !(t[tk->start] >= 'A' && t[tk->start] <= 'Z')) {
        return false;
    }
    for (size_t p = tk->start + 1; p + 1 < tk->end; p++) {
        if (t[p] < 'a' || t[p] > 'z') {
            return false;
        }
    }
    return true;
}

/* ... and the chain must end in a number ("Nat. Genet. 13, 399") or go on. */
static bool abbrev_chain(const rules *r, const mark *m, const hnp_span *nx)
{
    const uint8_t *t = r->t;
    size_t wl = m->we - m->ws;
    if (wl < 2 || wl > 5 || !(t[m->ws] >= 'A' && t[m->ws] <= 'Z')) {
        return false;
    }
    for (size_t p = m->ws + 1; p < m->we; p++) {
        if (t[p] < 'a' || t[p] > 'z') {
            return false;
        }
    }
    /* up to four abbreviations ("Proc. Natl. Acad. Sci."), then the volume number */
    hnp_span next = *nx;
    if (!short_abbrev(t, nx)) {
        return false;
    }
    for (int i = 0; i < 4 && short_abbrev(t, &next); i++) {
        if (!hnp_seg_token(t, next.end, r->end, &next)) {
            return false;
        }
    }
    return t[next.start] >= '0' && t[next.start] <= '9';
}

/* "5. 3", "19q13. 3": a decimal point followed by a stray space (PDF and MT text). A year
 * before the period ("in 2016. 70% of") is a real stop. */
static bool broken_decimal(const uint8_t *t, const mark *m, const hnp_span *nx)
{
    size_t d = 0;
    while (m->we - d > m->ws && t[m->we - d - 1] >= '0' && t[m->we - d - 1] <= '9') {
        d++;
    }
    if (d < 1 || d > 3 || (m->we - d > m->ws && t[m->we - d - 1] == ':')) {
        return false; /* not "20:00." */
    }
    size_t p = nx->start;
    while (p < nx->end && t[p] >= '0' && t[p] <= '9') {
        p++;
    }
    /* the fraction: "3", "3)", "3%" -- not "1,200" or "3.5" */
    return p > nx->start && (p == nx->end || !(t[p] == ',' || t[p] == '.' || t[p] == ':'));
}

/* After a single period: does the sentence end before a token of case nc? */
static bool period_ends(const rules *r, const mark *m, seg_case nc, const hnp_span *nx)
{
    const uint8_t *t = r->t;
    seg_abbr a = m->url || m->we == m->ws ? SEG_A_NONE : hnp_seg_abbrev(t + m->ws, m->we - m->ws);
    bool capital = nc == SEG_C_UPPER || nc == SEG_C_CASELESS;
    hnp_span core = hnp_seg_token_core(t, nx);
    const uint8_t *w = t + core.start;
    size_t wl = core.end - core.start;
    if (nc == SEG_C_DIGIT && (citation(t, nx) || broken_decimal(t, m, nx))) {
        return false; /* "N Engl J Med. 2016;375:1234", "7 +/- 5. 3 mg" */
    }
    if (abbrev_chain(r, m, nx)) {
        return false;
    }
    switch (a) {
    case SEG_A_NONE:
        return true;
    case SEG_A_TITLE:
    case SEG_A_NEVER:
        return false;
    case SEG_A_NUMBER:
        return capital;
    case SEG_A_OTHER:
        return capital && hnp_seg_is_starter(w, wl);
    case SEG_A_TIME:
        /* "At 5 a.m. Mr. Smith" opens with the time; "left at 6 P.M. Mr. Smith" ends. */
        return capital && r->ntok > 3 && !hnp_seg_month(w, wl) && !hnp_seg_is_weekday(w, wl) &&
               !hnp_seg_is_timezone(w, wl);
    case SEG_A_INITIAL:
        /* "Jonas E. Smith", "by D. Singmaster" are names; "you and I. Did" and "vitamin D.
         * The" end. */
        return capital && r->ntok > 0 && hnp_seg_token_case(t, &r->prev) == SEG_C_LOWER &&
               hnp_seg_is_starter(w, wl);
    default:
        return true;
    }
}

/* Before a lowercase word a sentence usually goes on: "Yahoo! in", "co. at", "'This is
 * great.' she said", "... well". Informal text also starts sentences in lowercase, so a bare
 * period right after a plain word still ends one. */
static bool lower_ends(const rules *r, const mark *m, size_t spaced)
{
    const uint8_t *t = r->t;
    /* "how big are they? im 33": a bare question mark ends a question whatever follows */
    if (m->q == m->re && !m->dots && m->re - m->rs == 1 && t[m->rs] == '?') {
        return true;
    }
    if (m->bang || m->dots != 1 || spaced || m->q != m->re || m->url || m->we - m->ws < 2) {
        return false;
    }
    /* a word in lowercase throughout: "Reps. to", "Esp. the" are abbreviations */
    for (size_t p = m->ws; p < m->we; p++) {
        if (t[p] < 'a' || t[p] > 'z') {
            return false;
        }
    }
    return hnp_seg_abbrev(t + m->ws, m->we - m->ws) == SEG_A_NONE;
}

/* Where the sentence ends after the mark m at the end of token tk, or 0 when it does not.
 * *resume is where scanning goes on (after a spaced ellipsis ". . ."). */
static size_t mark_end(const rules *r, const hnp_span *tk, const mark *m, size_t *resume)
{
    const uint8_t *t = r->t;
    hnp_span nx;
    size_t spaced = 0, d, after = m->q;
    /* nx is the token at after (when there is one), found once for each after: the loops
     * below and the test after them look at the same token. */
    bool have = hnp_seg_token(t, after, r->end, &nx);
    while (!m->bang && !m->cjk && have && only_dots(t, &nx, &d)) {
        spaced += d;
        after = nx.end;
        have = hnp_seg_token(t, after, r->end, &nx);
    }
    /* References "[8]" and smileys after the stop belong to the sentence they close. */
    while (have && (footnote(t, &nx) || emoticon(t, &nx) || only_closers(t, &nx) ||
                    note_number(r, m, &nx))) {
        after = nx.end;
        have = hnp_seg_token(t, after, r->end, &nx);
    }
    *resume = after;
    if (!have || bracketed(t, tk, m)) {
        return 0; /* the block's end closes the sentence anyway */
    }
    seg_case nc = hnp_seg_token_case(t, &nx);
    if (nc == SEG_C_LOWER && camel(t, &nx)) {
        nc = SEG_C_UPPER; /* "called eHow. eHow was", "the gene. mRNA levels rose" */
    }
    bool capital = nc == SEG_C_UPPER || nc == SEG_C_CASELESS;
    if (m->cjk) {
        return after;
    }
    if (r->depth > 0 && closes_soon(r, m->q)) {
        return 0;
    }
    if (nc == SEG_C_LOWER) {
        return lower_ends(r, m, spaced) ? after : 0;
    }
    if (m->bang) {
        return after;
    }
    size_t total = m->dots + spaced;
    if (total < 2) {
        return period_ends(r, m, nc, &nx) ? after : 0;
    }
    /* Ellipses: "word. . . . Next" ends at the first period (the ellipsis opens the next
     * sentence); ". . ." alone marks an omission inside one; "....", ". . . ." and "..."
     * before a capital end it. */
    if (m->dots == 1 && spaced == 3 && m->we > m->ws) {
        return capital ? m->q : 0;
    }
    if (spaced > 0 && total == 3) {
        return 0;
    }
    return capital ? after : 0;
}

/* A mark inside a token: CJK stops always end a sentence; "world.Today" (no space) ends one
 * when a plain word precedes and a capitalized word follows. */
static bool inner_ends(const rules *r, const mark *m, size_t tok_end)
{
    const uint8_t *t = r->t;
    if (m->cjk) {
        return true;
    }
    if (case_at(t, m->q, tok_end) != SEG_C_UPPER) {
        return false;
    }
    if (m->dots >= 2 && m->we > m->ws) {
        return true; /* "said...I think": after an ellipsis any capital opens a sentence */
    }
    int32_t cp;
    size_t n = hnp_seg_decode(t, m->q, tok_end, &cp);
    if (case_at(t, m->q + n, tok_end) != SEG_C_LOWER) {
        return false;
    }
    if (m->we == m->ws) {
        return true; /* "even more .Let your mind": the stop was typed before the space */
    }
    if (m->we - m->ws < 2 || m->we - m->ws > 64) {
        return false; /* a "word" that long is no word; the limit keeps the scan linear */
    }
    seg_case last = case_at(t, hnp_seg_prev(t, m->ws, m->we), m->we);
    return (last == SEG_C_LOWER || last == SEG_C_DIGIT) &&
           memchr(t + m->ws, '.', m->we - m->ws) == NULL &&
           hnp_seg_abbrev(t + m->ws, m->we - m->ws) == SEG_A_NONE;
}

static bool is_url(const uint8_t *t, const hnp_span *tk)
{
    size_t len = tk->end - tk->start;
    const uint8_t *s = t + tk->start;
    if (len > 4 && (s[0] | 0x20) == 'w' && (s[1] | 0x20) == 'w' && (s[2] | 0x20) == 'w' &&
        s[3] == '.') {
        return true;
    }
    /* one pass: "://" anywhere, or an '@' with a '.' after it (an e-mail address) */
    size_t at = 0;
    for (size_t i = 1; i < len; i++) {
        if (s[i] == ':' && i + 2 < len && s[i + 1] == '/' && s[i + 2] == '/') {
            return true;
        }
        if (s[i] == '@' && !at) {
            at = i;
        } else if (s[i] == '.' && at) {
            return true;
        }
    }
    return false;
}

/* Sets m->ws/we to the core of the word [ws, rs). */
static void set_word(const uint8_t *t, size_t ws, mark *m)
{
    hnp_span w = {ws, m->rs};
    w = hnp_seg_token_core(t, &w);
    m->ws = w.start;
    m->we = w.end;
}

/* A URL or e-mail address: only a mark at its very end counts. */
static size_t scan_url(rules *r, const hnp_span *tk)
{
    const uint8_t *t = r->t;
    size_t p = tk->end;
    while (p > tk->start && t[p - 1] < 0x80 &&
           (hnp_seg_is_closer(t[p - 1]) || t[p - 1] == '.' || t[p - 1] == '!' || t[p - 1] == '?')) {
        p--;
    }
    mark m;
    read_run(t, p, tk->end, &m);
    if (m.q != tk->end || m.re == m.rs) {
        return tk->end;
    }
    set_word(t, tk->start, &m);
    m.url = true;
    size_t resume, at = mark_end(r, tk, &m, &resume);
    if (at) {
        cut(r, at);
    }
    return resume;
}

/* Reads the marks of one token; returns where scanning goes on. */
static size_t scan_token(rules *r, const hnp_span *tk)
{
    const uint8_t *t = r->t;
    if (is_url(t, tk)) {
        return scan_url(r, tk);
    }
    size_t ws = tk->start;
    int32_t cp;
    for (size_t p = tk->start; p < tk->end;) {
        uint8_t c = t[p];
        if (c < 0x80 && c != '.' && c != '!' && c != '?' && c != '(' && c != '[' && c != ')' &&
            c != ']') {
            p++; /* the common case: plain ASCII */
            continue;
        }
        size_t n = hnp_seg_decode(t, p, tk->end, &cp);
        if (!hnp_seg_is_term(cp)) {
            track_bracket(r, cp);
            p += n;
            continue;
        }
        mark m;
        read_run(t, p, tk->end, &m);
        for (size_t b = m.re; b < m.q; b++) {
            track_bracket(r, t[b]);
        }
        set_word(t, ws, &m);
        m.url = false;
        if (m.q == tk->end) {
            size_t resume, at = mark_end(r, tk, &m, &resume);
            if (at) {
                cut(r, at);
            }
            return resume;
        }
        if (inner_ends(r, &m, tk->end)) {
            cut(r, m.q);
            ws = m.q;
        }
        p = m.q > m.re ? m.q : m.re;
    }
    return tk->end;
}

/* Handles a token at the head of a sentence; returns true when it consumed it. */
static bool head_token(rules *r, const hnp_span *tk, size_t *pos)
{
    unsigned v = 0;
    int kind = list_marker(r->t, tk, &v);
    if (kind) {
        /* The marker's own period is not a stop; the next marker ends the item. */
        r->list_kind = kind;
        r->list_next = v + 1;
        r->prev = *tk;
        r->ntok = 1;
        *pos = tk->end;
        return true;
    }
    if (only_bullets(r->t, tk) || section_number(r->t, tk)) {
        r->ntok = section_number(r->t, tk) ? 1 : 0;
        r->prev = *tk;
        *pos = tk->end;
        return true;
    }
    size_t skip = sentence_head(r, tk);
    if (skip) {
        *pos = skip;
        return true;
    }
    return false;
}

void hnp_seg_rules_block(const uint8_t *t, size_t start, size_t end, seg_out *o)
{
    rules r = {.t = t, .end = end, .o = o, .sent = start, .prev = {start, start}};
    hnp_span tk;
    size_t pos = start;
    bool plain;
    while (hnp_seg_token_plain(t, pos, end, &tk, &plain)) {
        /* a plain lowercase word is never a bullet, list item, label or date */
        if (r.ntok > 0 && !(plain && t[tk.start] >= 'a' && t[tk.start] <= 'z')) {
            before_token(&r, &tk);
        }
        if (r.ntok == 0 && head_token(&r, &tk, &pos)) {
            continue;
        }
        size_t sent = r.sent;
        pos = plain ? tk.end : scan_token(&r, &tk);
        if (r.sent == sent) {
            r.prev = tk;
            r.ntok++;
        } else if (r.sent < tk.end) {
            /* cut inside the token ("world.Today"): its rest opens the new sentence */
            r.prev.start = r.sent;
            r.prev.end = tk.end;
            r.ntok = 1;
        }
    }
    cut(&r, end);
}
