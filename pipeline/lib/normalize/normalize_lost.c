/* normalize_lost.c -- UTF-8 sequences that lost a byte on the way through a codepage that
 * has no character for it.
 *
 * Windows-1252 leaves 81, 8D, 8F, 90 and 9D undefined (windows-1251 leaves 98). UTF-8 read as
 * such a page loses those bytes: a converter drops them or writes U+FFFD. The closing quote
 * E2 80 9D comes out as "â€" (dropped) or "â€�"; "ﬁ" (EF AC 81) as "ï¬", "Á" (C3 81) as
 * "Ã�" and "口" (E5 8F A3) as "å£" or "å�£" (the lost byte need not be the last). The
 * missing byte is one of the page's undefined bytes, so the candidates are few; the one
 * kept is chosen from the context:
 *   1. the document: a candidate that the document already holds (intact or repaired in an
 *      earlier line) is the likely one;
 *   2. the line: a closing quote where the line opens one, a closing bracket ("」") only
 *      where it left one open; a letter after a letter takes its case;
 *   3. a prior: how often each candidate occurs in real text, alone, beside each of the
 *      characters around it and between both, counted in training data by
 *      scripts/gen_lost_prior.py
 *      (normalize_lost_prior.h), and in Debian word lists for the languages those English
 *      pages hardly hold (Cyrillic, Vietnamese, Greek, Hangul, kana, hanzi):
 *      "â€" is far more often "”" than a zero-width joiner,
 *      Devanagari "à¥" more often a virama than a vowel sign, "LiÄ�en" a č after an i;
 *      and, where the data has none of them, the script of the neighbours (ICU).
 * A sequence is completed only when one candidate wins; otherwise it is left for the
 * U+FFFD rule of normalize_mojibake.c. A dropped byte is recognised in 3- and 4-byte
 * sequences (two bytes of evidence), and in a 2-byte one only where the short sequence
 * cannot be text: followed by another lead byte ("ÅÃ³dÅº"), or an uppercase letter after a
 * lowercase one ("LiÄen", "IchiyÅ"), which then needs a lowercase candidate, or one that
 * starts a word before a lowercase letter ("Åukasz" Ł, "Älen" č: the prior and its pairs
 * with the space and the next letter decide the case; "SÃO" is Portuguese, not a lost "Á",
 * and "Ãlvaro" stays: Á and Í tie). With U+FFFD in its place
 * (byte 0x1A, SUB, in the sloppy encoding) the loss is explicit, so 2-byte sequences are completed
 * too.
 *
 * This file sits below normalize_mojibake.c: it works on a line's bytes and the evidence
 * the caller passes down, and calls nothing above it. */
#include "normalize_internal.h"
#include "normalize_lost_prior.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <utf8proc.h>

/* NEED_LOWER_PRIOR: the least prior weight (1 + log2 of the count) of the lowercase letter
 * that completes "LiÄen": seen at least 8 times in the training texts. */
enum { SUB = 0x1A, MAX_CAND = 32, NEED_LOWER_PRIOR = 4 };

static int cont(unsigned b)
{
    return b >= 0x80 && b <= 0xBF;
}

static size_t seq_len(unsigned lead)
{
    return (lead >= 0xC2 && lead <= 0xDF)   ? 2
           : (lead >= 0xE0 && lead <= 0xEF) ? 3
           : (lead >= 0xF0 && lead <= 0xF4) ? 4
                                            : 0;
}

/* The code point of the complete sequence s[0, len), or 0 if it is not valid UTF-8 or not
 * an assigned, visible character (a lost byte never stood for a control). */
static uint32_t decode_full(const unsigned *s, size_t len)
{
    uint8_t u[4];
    utf8proc_int32_t c;
    for (size_t i = 0; i < len; i++) {
        u[i] = (uint8_t)s[i];
    }
    if (utf8proc_iterate(u, (utf8proc_ssize_t)len, &c) != (utf8proc_ssize_t)len) {
        return 0;
    }
    utf8proc_category_t k = utf8proc_category(c);
    if (k == UTF8PROC_CATEGORY_CN || k == UTF8PROC_CATEGORY_CC || k == UTF8PROC_CATEGORY_CO ||
        k == UTF8PROC_CATEGORY_CS) {
        return 0;
    }
    return (uint32_t)c;
}

static unsigned prior_of(uint32_t c)
{
    size_t lo = 0, hi = sizeof lost_priors / sizeof lost_priors[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (lost_priors[mid].cp == c) {
            return lost_priors[mid].weight;
        }
        if (lost_priors[mid].cp < c) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return 0;
}

static unsigned pair_of(const lost_pair *t, size_t n, uint32_t a, uint32_t b)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t[mid].a == a && t[mid].b == b) {
            return t[mid].weight;
        }
        if (t[mid].a < a || (t[mid].a == a && t[mid].b < b)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return 0;
}

static int tri_less(const lost_triple *t, uint32_t a, uint32_t b, uint32_t c)
{
    return t->a != a ? t->a < a : t->b != b ? t->b < b : t->c < c;
}

/* The weight of b between a and c (lost_tri), 0 if the data has it less than twice. */
static unsigned triple_of(uint32_t a, uint32_t b, uint32_t c)
{
    enum { N_TRI = sizeof lost_tri / sizeof lost_tri[0] };
    size_t lo = 0, hi = N_TRI;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tri_less(&lost_tri[mid], a, b, c)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == N_TRI || lost_tri[lo].a != a || lost_tri[lo].b != b || lost_tri[lo].c != c) {
        return 0;
    }
    return lost_tri[lo].weight;
}

/* Where and how a sequence lost its byte (see lost_form). */
typedef struct lost_site {
    size_t len;             /* the sequence's full length */
    size_t pos;             /* form 2: where SUB stands; form 1: 0 (any position after the lead) */
    int form;               /* 0 none, 1 dropped, 2 replaced by SUB */
    int need_lower;         /* only a lowercase letter may complete it ("LiÄen") */
    int need_upper;         /* only an uppercase one, a word's first ("Åukasz") */
    int caps;               /* inside a word in capitals ("GARCÃA"): the prior is asked
                               about the small letters, as the word lists hold them */
    uint32_t line_cp;       /* completed only as the line's other occurrences were */
    uint32_t before, after; /* the characters around it (white space as ' ', 0 unknown) */
    int word_end;           /* a 2-byte lead before a space: only as the end of a word */
    const unsigned *line;   /* the line's bytes before the sequence (line[0, at)) */
    size_t at;
} lost_site;

static int is_cat(uint32_t c, utf8proc_category_t k)
{
    return c && utf8proc_category((utf8proc_int32_t)c) == k;
}

static int is_letter(uint32_t c)
{
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return c && k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

/* The case a letter takes after prev and before after: a lowercase letter's, and an
 * uppercase letter's unless a lowercase one follows ("Εὐσ": a capitalised word). 0 (no
 * category) when prev is no cased letter. */
static utf8proc_category_t case_after(uint32_t prev, uint32_t after)
{
    if (is_cat(prev, UTF8PROC_CATEGORY_LL)) {
        return UTF8PROC_CATEGORY_LL;
    }
    if (is_cat(prev, UTF8PROC_CATEGORY_LU)) {
        return is_cat(after, UTF8PROC_CATEGORY_LL) ? UTF8PROC_CATEGORY_LL : UTF8PROC_CATEGORY_LU;
    }
    return UTF8PROC_CATEGORY_CN;
}

/* Is c of the script of neighbour n (a real script, not Common or Inherited)? ICU's
 * property: "ï¬\xef\xbf\xbd" among Latin letters is ﬁ, not the Hebrew יִ. */
static int same_script(uint32_t c, uint32_t n)
{
    UErrorCode err = U_ZERO_ERROR;
    if (n < 0x41) {
        return 0;
    }
    UScriptCode a = uscript_getScript((UChar32)c, &err), b = uscript_getScript((UChar32)n, &err);
    return U_SUCCESS(err) && a == b && a != USCRIPT_COMMON && a != USCRIPT_INHERITED;
}

/* The length of u (n bytes) at b[0, avail): whole (*lost 0), or with the byte at some
 * position after the lead lost (*lost 1: dropped, or SUB in its place) before a byte that
 * continues nothing; 0 if u is not there. */
static size_t match_lost(const unsigned *b, size_t avail, const uint8_t *u, size_t n, int *lost)
{
    size_t j = 0;
    while (j < n && j < avail && b[j] == u[j]) {
        j++;
    }
    *lost = j < n;
    if (j == n) {
        return n;
    }
    if (j == 0 || j >= avail) {
        return 0;
    }
    size_t skip = b[j] == SUB, k = j + skip; /* b's index after the lost byte */
    while (k < avail && k - skip + 1 < n && b[k] == u[k - skip + 1]) {
        k++;
    }
    int whole = k - skip + 1 == n && (k == avail || !cont(b[k]));
    return whole ? k : 0;
}

/* For a closing bracket c ("」", "』", "〉"): 1 if the line before the sequence left one of
 * its opening mates open, 0 if not; -1 if c closes nothing. CJK text puts the comma "、"
 * (E3 80 81) beside "」" (E3 80 8D) and "』" (E3 80 8F) among a lost byte's candidates, and
 * only a bracket that the line opened can be closed. An earlier sequence that lost its byte
 * and can be the closer closes an open bracket, as this rule decides for it too. */
static int bracket_open(uint32_t c, const lost_site *site)
{
    uint8_t uo[4], uc[4];
    if (!site->line ||
        u_getIntPropertyValue((UChar32)c, UCHAR_BIDI_PAIRED_BRACKET_TYPE) != U_BPT_CLOSE) {
        return -1;
    }
    size_t no = hnp_norm_utf8_encode((uint32_t)u_getBidiPairedBracket((UChar32)c), uo),
           nc = hnp_norm_utf8_encode(c, uc), depth = 0;
    for (size_t j = 0; j < site->at;) {
        int lost = 0;
        size_t len = match_lost(site->line + j, site->at - j, uo, no, &lost);
        if (len && !lost) {
            depth++;
        } else if ((len = match_lost(site->line + j, site->at - j, uc, nc, &lost)) != 0) {
            depth -= depth > 0;
        }
        j += len ? len : 1;
    }
    return depth > 0;
}

/* The letter under a polytonic Greek letter's accents and breathings (Greek Extended:
 * "ὐ" is υ), c itself otherwise. No word list is polytonic; the prior counts the letters
 * under those that can lose a byte (scripts/gen_lost_prior.py, GREEK_BASES), so
 * "Ε\xe1\xbd\x90σ" is told from "Ε\xe1\xbd\x81σ" as "Ευσ" from "Εοσ". */
static uint32_t greek_base(uint32_t c)
{
    utf8proc_int32_t d[4];
    int last = 0;
    if (c < 0x1F00 || c > 0x1FFF ||
        utf8proc_decompose_char((utf8proc_int32_t)c, d, 4, UTF8PROC_DECOMPOSE, &last) < 1) {
        return c;
    }
    return (uint32_t)d[0];
}

static uint32_t lower(uint32_t c)
{
    return c ? (uint32_t)utf8proc_tolower((utf8proc_int32_t)c) : 0;
}

/* The score of candidate c: document evidence first, then the line's, then the prior: how
 * often c occurs, after site->before, before site->after, and between the two. A letter after
 * a letter takes its case ("IchiyÅ\xef\xbf\xbd" is ō, not Ł), and a word's first letter
 * before a lowercase one is a capital ("Å\xef\xbf\xbdÃ³dÅº" is Łódź). */
static unsigned score(uint32_t c, const hnp_norm_lost_ctx *ctx, const lost_site *site)
{
    if (site->line_cp) {
        return c == site->line_cp;
    }
    enum { N_LEFT = sizeof lost_left / sizeof lost_left[0] };
    enum { N_RIGHT = sizeof lost_right / sizeof lost_right[0] };
    uint32_t lc = site->caps ? lower(c) : c,
             lprev = site->caps ? lower(site->before) : site->before,
             lafter = site->caps ? lower(site->after) : site->after;
    unsigned s = prior_of(lc);
    if (!s && greek_base(lc) != lc) { /* a polytonic letter the data has not seen */
        lc = greek_base(lc);
        lprev = greek_base(lprev);
        lafter = greek_base(lafter);
        s = prior_of(lc);
    }
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    uint32_t prev = site->before;
    if (site->need_lower && (k != UTF8PROC_CATEGORY_LL || s < NEED_LOWER_PRIOR)) {
        return 0; /* a letter the data knows well, or the sign stays */
    }
    if (site->need_upper && k != UTF8PROC_CATEGORY_LU) {
        return 0;
    }
    if (k == UTF8PROC_CATEGORY_LU && is_cat(prev, UTF8PROC_CATEGORY_LL)) {
        return 0; /* no word has a capital after a small letter ("IchiyŁ", "IchiyŠ") */
    }
    if (s) {
        s += 2 * (pair_of(lost_left, N_LEFT, lprev, lc) + pair_of(lost_right, N_RIGHT, lc, lafter) +
                  triple_of(lprev, lc, lafter));
    }
    s += (unsigned)(same_script(c, prev) || same_script(c, site->after));
    if (s && k == case_after(prev, site->after)) {
        s += 4;
    }
    if ((c == 0x200D || c == 0xFE0F) && prev &&
        u_hasBinaryProperty((UChar32)prev, UCHAR_EXTENDED_PICTOGRAPHIC)) {
        s += 16; /* an emoji's zero-width joiner or presentation selector (UTS #51) */
    }
    if (s && !is_letter(prev) && is_cat(site->after, UTF8PROC_CATEGORY_LL) &&
        k == UTF8PROC_CATEGORY_LU) {
        s += 4;
    }
    for (size_t i = 0; i < ctx->n_seen; i++) {
        if (ctx->seen[i] == c) {
            s += 16;
        }
    }
    if (c == 0x201D && ctx->open_quote) {
        s += 16;
    }
    int open = bracket_open(c, site);
    if (open == 0) {
        return 0; /* a closing bracket the line did not open */
    }
    return open == 1 ? s + 16 : s;
}

/* The sequence s (the bytes present: len - 1 for a dropped byte, len with SUB at site->pos)
 * completed with byte b at position pos, into seq. */
static void complete(const unsigned *s, const lost_site *site, size_t pos, unsigned b,
                     unsigned *seq)
{
    for (size_t j = 0, k = 0; j < site->len; j++) {
        if (j == pos) {
            seq[j] = b;
            k += site->form == 2; /* SUB is replaced, a dropped byte inserted */
        } else {
            seq[j] = s[k++];
        }
    }
}

/* The byte and position that complete the sequence at s, or 0x100 when no single
 * candidate wins. */
static unsigned best_byte(const unsigned *s, const lost_site *site, const hnp_norm_lost_ctx *ctx,
                          size_t *best_pos, unsigned *out_score)
{
    unsigned seq[4], best = 0x100, best_score = 0;
    uint32_t best_cp = 0;
    int tie = 0;
    size_t first = site->form == 2 ? site->pos : 1,
           last = site->form == 2 ? site->pos : site->len - 1;
    for (size_t pos = first; pos <= last; pos++) {
        for (unsigned b = 0x80; b <= 0x9F; b++) {
            if (!(ctx->undefined & (1u << (b - 0x80)))) {
                continue;
            }
            complete(s, site, pos, b, seq);
            uint32_t c = decode_full(seq, site->len);
            unsigned sc = c ? score(c, ctx, site) : 0;
            if (sc > best_score) {
                best = b;
                best_cp = c;
                *best_pos = pos;
                best_score = sc;
                tie = 0;
            } else if (sc && sc == best_score && c != best_cp) {
                tie = 1;
            }
        }
    }
    *out_score = best_score;
    return tie ? 0x100 : best;
}

static int ascii_letter(unsigned b)
{
    return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
}

static int upper_latin1_lead(unsigned b)
{
    return b >= 0xC2 && b <= 0xDE && b != 0xD7;
}

/* Does the '?' at j read as the writer's own question mark: at the end of the line, before
 * punctuation, or before a space and anything but a small letter ("“lacking”? In this")?
 * A substitute for a lost byte stands anywhere ("â€œbbâ€? from"). */
static int qmark_ends(const hnp_norm_bytes *in, size_t j)
{
    unsigned next = j + 1 < in->n ? in->b[j + 1] : 0;
    if (next == ' ' || next == '\t') {
        unsigned after = j + 2 < in->n ? in->b[j + 2] : 0;
        return !(after >= 'a' && after <= 'z');
    }
    return next == 0 || next == 0xE2 || (next && strchr(")]}.,;:!?\"'", (int)next));
}

/* The lead byte of the sequence that the byte at j continues (j itself if none), looking
 * back over at most 3 continuation bytes. */
static size_t lead_of(const hnp_norm_bytes *in, size_t j)
{
    size_t i = j;
    while (i > 0 && j - i < 3 && cont(in->b[i - 1])) {
        i--;
    }
    return i > 0 && seq_len(in->b[i - 1]) > j - i + 1 ? i - 1 : j;
}

/* Is the '?' at j, the last byte of a 3-byte sequence, the converter's substitute for its
 * lost byte (ftfy's reading)? Not where it reads as a question mark ("“lacking”?": the
 * quote's byte was dropped, as converters that drop bytes do), unless the line shows that
 * its converter writes '?' (ctx->qmark_subst). */
static int qmark_substitute(const hnp_norm_bytes *in, size_t j, const hnp_norm_lost_ctx *ctx)
{
    return ctx->qmark_subst || !qmark_ends(in, j);
}

int hnp_norm_qmark_subst(const hnp_norm_bytes *in)
{
    for (size_t j = 1; j < in->n; j++) {
        size_t lead = in->b[j] == '?' ? lead_of(in, j) : j;
        if (lead == j) {
            continue;
        }
        if (!(seq_len(in->b[lead]) == 3 && j - lead == 2 && qmark_ends(in, j))) {
            return 1; /* "â?¬", "Ã?", "â€? from": '?' can only be a substitute there */
        }
    }
    return 0;
}

/* Is the byte at i the second letter of a word, between its ASCII capital and a small
 * letter ("MÄori", "TÅkyÅ")? A word has no second capital before small letters: the
 * sequence lost its byte, and a small letter completes it. */
static int capital_before_small(const hnp_norm_bytes *in, size_t i, unsigned next)
{
    unsigned prev = i ? in->b[i - 1] : 0, word_start = i >= 2 ? in->b[i - 2] : ' ';
    return prev >= 'A' && prev <= 'Z' && !ascii_letter(word_start) && word_start < 0x80 &&
           next >= 'a' && next <= 'z';
}

/* Is the sequence in[i, end) inside a word in ASCII capitals: a capital after it, and one
 * before it or (at the word's start) two after it? */
static int in_capitals(const hnp_norm_bytes *in, size_t i, size_t end)
{
    unsigned prev = i ? in->b[i - 1] : ' ', next = end < in->n ? in->b[end] : 0,
             next2 = end + 1 < in->n ? in->b[end + 1] : 0;
    int up = next >= 'A' && next <= 'Z', up2 = next2 >= 'A' && next2 <= 'Z';
    return up && ((prev >= 'A' && prev <= 'Z') || (prev < 0x80 && !ascii_letter(prev) && up2));
}

/* Is the "Ã" at i inside a word in ASCII capitals ("GARCÃA", "ÃNGEL")? A capital Ã is
 * Portuguese, before O or E ("SÃO", "MÃE"), not before another consonant or A: there it is
 * Á or Í (C3 81, C3 8D) that lost its byte. */
static int caps_inside(const hnp_norm_bytes *in, size_t i, unsigned next)
{
    return next != 'O' && next != 'E' && in_capitals(in, i, i + 1);
}

/* How the sequence led by in->b[i] lost a byte (site->form: 0 not at all, 1 dropped, 2
 * replaced by SUB at site->pos). */
static void lost_form(const hnp_norm_bytes *in, size_t i, const hnp_norm_lost_ctx *ctx,
                      lost_site *site)
{
    size_t n = seq_len(in->b[i]), k = 1, sub = 0;
    memset(site, 0, sizeof *site);
    if (n == 0) {
        return;
    }
    while (k < n && i + k < in->n) {
        unsigned b = in->b[i + k];
        int subst = b == SUB || (b == '?' && n == 3 && k == 2 && qmark_substitute(in, i + k, ctx));
        if (cont(b) || (subst && !sub)) {
            sub = cont(b) ? sub : k;
            k++;
            continue;
        }
        break;
    }
    site->len = n;
    if (sub) {
        site->form = k == n ? 2 : 0;
        site->pos = sub;
        /* "S\xef\xbf\xbdMBOLO": in a word in capitals, a capital judged by its small letter */
        site->caps = n == 2 && upper_latin1_lead(in->b[i]) && in_capitals(in, i, i + n);
        site->need_upper = site->caps;
        return;
    }
    if (k != n - 1) {
        return; /* complete, or more than one byte missing */
    }
    unsigned next = i + k < in->n ? in->b[i + k] : 0, prev = i ? in->b[i - 1] : 0;
    /* A dropped byte needs two bytes of evidence: a 3- or 4-byte prefix, a 2-byte lead
     * followed by another lead ("ÅÃ³dÅº"), which Latin text does not have, or an uppercase
     * letter right after a lowercase one ("LiÄen"), which no word has. */
    if (n >= 3 || (next >= 0xC2 && next <= 0xF4)) {
        site->form = 1;
    } else if (next == ' ') {
        site->form = 1; /* the space may be the A0 byte instead: lost_byte_at weighs both */
        site->word_end = 1;
    } else if (upper_latin1_lead(in->b[i]) &&
               ((prev >= 'a' && prev <= 'z') || capital_before_small(in, i, next))) {
        site->form = 1;
        site->need_lower = 1;
    } else if (in->b[i] == 0xC3 && caps_inside(in, i, next)) {
        site->form = 1; /* "GARCÃA", "DÃAS": Í, Á in a word in capitals */
        site->need_upper = 1;
        site->caps = 1;
    } else if (prev < 0x80 && !ascii_letter(prev) && upper_latin1_lead(in->b[i]) && next >= 'a' &&
               next <= 'z') {
        site->form = 1; /* "Åukasz" (Ł), "Älen" (Czech č): a word's first letter lost its
                           byte (a real "Å" of Århus would read "Ã…" in a garbled line) */
    } else if (n == 2 && ascii_letter(next) && in->b[i] <= 0xDF &&
               ctx->line_lead[in->b[i] - 0xC2] != 0 &&
               ctx->line_lead[in->b[i] - 0xC2] != UINT32_MAX) {
        site->form = 1; /* "ÅKS ÅÃ³dÅº": as the line's other "Å" that lost its byte */
        site->line_cp = ctx->line_lead[in->b[i] - 0xC2];
    }
}

/* The character whose UTF-8 is in->b[at, at + len), 0 if it is not one. */
static uint32_t char_at(const hnp_norm_bytes *in, size_t at, size_t len)
{
    if (len == 0 || at + len > in->n) {
        return 0;
    }
    uint32_t c = decode_full(in->b + at, len);
    return c == 0xA0 || c == 0x3000 ? ' ' : c;
}

static uint32_t fold_ascii(unsigned b)
{
    return b == '\t' || b == '\n' || b == '\r' ? ' ' : b;
}

/* The characters before and after the sequence at i (as far as they decode; ' ' at the
 * line's edges). */
static void neighbours(const hnp_norm_bytes *in, size_t i, lost_site *site)
{
    size_t at = i + (site->form == 2 ? site->len : site->len - 1), j = i;
    site->before = ' ';
    if (i > 0 && in->b[i - 1] < 0x80) {
        site->before = fold_ascii(in->b[i - 1]);
    } else if (i > 0) {
        while (j > 0 && i - j < 3 && cont(in->b[j - 1])) { /* a lead byte and at most 3 */
            j--;
        }
        site->before = j > 0 ? char_at(in, j - 1, i - j + 1) : 0;
    }
    site->after = ' ';
    if (at < in->n && in->b[at] < 0x80) {
        site->after = fold_ascii(in->b[at]);
    } else if (at < in->n) {
        site->after = char_at(in, at, seq_len(in->b[at]));
    }
}

/* "â€ " (E2 80, space): a closing quote that lost 9D, or a dagger (E2 80 A0) whose A0 turned
 * into the space? A footnote dagger is glued to what follows it, and what follows it is
 * punctuation ("Smith J†, Jones" reads "Smith J† , Jones"); after a quote and a space comes
 * a word, a number, a bracket, a dash or a sign ("Night” :)", "correction” - see",
 * "½” = 1"). So a quote unless one of , ; . : ) ] ! ? follows, and then too when the line
 * opens a quote or the sequence follows the end of a sentence or clause ("final.” ."). */
static int quote_before_space(const hnp_norm_bytes *in, size_t i, size_t at,
                              const hnp_norm_lost_ctx *ctx)
{
    unsigned next = at + 1 < in->n ? in->b[at + 1] : 0, prev = i ? in->b[i - 1] : 0;
    int glued_sign = next && strchr(",;.:)]!?", (int)next) != NULL;
    int clause_end = prev == '.' || prev == ',' || prev == '!' || prev == '?';
    return ctx->open_quote || clause_end || !glued_sign;
}

/* The score of the other reading of a sequence one byte short before a space: the space
 * was its last byte, A0 ("Ã " is à, "Ñ " rarely Ѡ). */
static unsigned a0_rival(const hnp_norm_bytes *in, size_t i, const lost_site *site,
                         const hnp_norm_lost_ctx *ctx)
{
    unsigned seq[4];
    lost_site alt = *site;
    size_t at = i + site->len - 1;
    memcpy(seq, in->b + i, (site->len - 1) * sizeof *seq);
    seq[site->len - 1] = 0xA0;
    uint32_t c = decode_full(seq, site->len);
    alt.need_lower = 0;
    alt.after = at + 1 < in->n && in->b[at + 1] < 0x80 ? fold_ascii(in->b[at + 1]) : 0;
    return c ? score(c, ctx, &alt) : 0;
}

static unsigned lost_byte_in(const hnp_norm_bytes *in, size_t i, const hnp_norm_lost_ctx *ctx,
                             lost_site *site, size_t *pos, int look);

/* The character that the sequence at j stands for once its own lost byte is put back (its
 * neighbours that lost one left unknown), 0 if it lost none or none wins; *len its length. */
static uint32_t completed_at(const hnp_norm_bytes *in, size_t j, const hnp_norm_lost_ctx *ctx,
                             size_t *len)
{
    lost_site s;
    size_t pos = 0;
    unsigned seq[4], b = lost_byte_in(in, j, ctx, &s, &pos, 0);
    if (b == 0x100) {
        return 0;
    }
    complete(in->b + j, &s, pos, b, seq);
    *len = s.form == 2 ? s.len : s.len - 1;
    return decode_full(seq, s.len);
}

/* A neighbour that lost a byte itself ("夏子" as "å¤å\xad": both did) is known by its own
 * completion, so the pairs and triples of the prior still see it: CJK and Cyrillic text lose
 * bytes in runs ("ся" loses both). */
static void complete_neighbours(const hnp_norm_bytes *in, size_t i, const hnp_norm_lost_ctx *ctx,
                                lost_site *site)
{
    size_t at = i + (site->form == 2 ? site->len : site->len - 1), len = 0;
    if ((site->after == 0 || site->after == SUB) && at < in->n && seq_len(in->b[at])) {
        site->after = completed_at(in, at, ctx, &len);
    }
    for (size_t j = i; (site->before == 0 || site->before == SUB) && j-- > 0 && i - j <= 3;) {
        if (seq_len(in->b[j])) {
            uint32_t c = completed_at(in, j, ctx, &len);
            site->before = c && j + len == i ? c : site->before;
            break;
        }
    }
}

/* The byte that completes the sequence led by in[i], if it lost one (0x100 if not); site
 * gets where and how, *pos the position of the lost byte in the sequence. */
static unsigned lost_byte_at(const hnp_norm_bytes *in, size_t i, const hnp_norm_lost_ctx *ctx,
                             lost_site *site, size_t *pos)
{
    return lost_byte_in(in, i, ctx, site, pos, 1);
}

/* lost_byte_at; look: also complete the neighbours that lost a byte (one level deep). */
static unsigned lost_byte_in(const hnp_norm_bytes *in, size_t i, const hnp_norm_lost_ctx *ctx,
                             lost_site *site, size_t *pos, int look)
{
    if (!ctx->undefined) {
        return 0x100;
    }
    lost_form(in, i, ctx, site);
    if (!site->form) {
        return 0x100;
    }
    neighbours(in, i, site);
    if (look) {
        complete_neighbours(in, i, ctx, site);
    }
    site->line = in->b;
    site->at = i;
    if (site->word_end && !is_letter(site->before)) {
        return 0x100; /* "Ù " alone between spaces: the A0 reading (٠) is as likely */
    }
    unsigned best_score = 0, b = best_byte(in->b + i, site, ctx, pos, &best_score);
    size_t at = i + site->len - 1; /* the byte after a sequence that is one short */
    if (b != 0x100 && site->form == 1 && at < in->n && in->b[at] == ' ' &&
        (!quote_before_space(in, i, at, ctx) || a0_rival(in, i, site, ctx) >= best_score)) {
        return 0x100; /* left for restore_a0: a dagger, "à " */
    }
    return b;
}

void hnp_norm_lost_line(const hnp_norm_bytes *in, hnp_norm_lost_ctx *ctx)
{
    memset(ctx->line_lead, 0, sizeof ctx->line_lead);
    for (size_t i = 0; i + 1 < in->n; i++) {
        unsigned lead = in->b[i];
        uint32_t c = 0;
        if (lead < 0xC2 || lead > 0xDF || !hnp_norm_lost_at(in, i, ctx, &c)) {
            continue;
        }
        uint32_t *slot = &ctx->line_lead[lead - 0xC2];
        *slot = *slot == 0 || *slot == c ? c : UINT32_MAX;
    }
}

size_t hnp_norm_lost_at(const hnp_norm_bytes *in, size_t i, const hnp_norm_lost_ctx *ctx,
                        uint32_t *cp)
{
    lost_site site;
    size_t pos = 0;
    unsigned seq[4], b = lost_byte_at(in, i, ctx, &site, &pos);
    if (b == 0x100) {
        return 0;
    }
    complete(in->b + i, &site, pos, b, seq);
    *cp = decode_full(seq, site.len);
    return site.form == 2 ? site.len : site.len - 1;
}

hnp_status hnp_norm_restore_lost(const hnp_norm_bytes *in, const hnp_norm_lost_ctx *ctx,
                                 hnp_norm_bytes *out)
{
    out->n = 0;
    for (size_t i = 0; i < in->n;) {
        lost_site site;
        size_t pos = 0;
        unsigned seq[4], b = lost_byte_at(in, i, ctx, &site, &pos);
        if (b == 0x100) {
            HNP_TRY(hnp_norm_bytes_push(out, in->b[i], in->src[i]));
            i++;
            continue;
        }
        complete(in->b + i, &site, pos, b, seq);
        for (size_t j = 0; j < site.len; j++) {
            /* the lost byte takes the source of the byte before it, or of SUB */
            size_t from = site.form == 2 || j < pos ? i + j : i + j - 1;
            HNP_TRY(hnp_norm_bytes_push(out, seq[j], in->src[from]));
        }
        i += site.form == 2 ? site.len : site.len - 1;
    }
    return HNP_OK;
}

/* Can c stand where a byte was lost: does its UTF-8 hold a byte that windows-1252 or
 * windows-1251 lacks? */
static int losable(uint32_t c)
{
    uint8_t u[4];
    size_t n = c >= 0x80 ? hnp_norm_utf8_encode(c, u) : 0;
    for (size_t k = 1; k < n; k++) {
        if (u[k] == 0x81 || u[k] == 0x8D || u[k] == 0x8F || u[k] == 0x90 || u[k] == 0x9D ||
            u[k] == 0x98) {
            return 1;
        }
    }
    return 0;
}

void hnp_norm_note_seen(hnp_norm_work *w, uint32_t c)
{
    if (w->n_seen == NORM_MAX_SEEN || !losable(c)) {
        return;
    }
    for (size_t k = 0; k < w->n_seen; k++) {
        if (w->seen[k] == c) {
            return;
        }
    }
    w->seen[w->n_seen++] = c;
}
