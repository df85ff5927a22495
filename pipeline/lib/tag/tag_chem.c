/* tag_chem.c -- drug mentions grown to the whole systematic name they are part of.
 *
 * The model decides token by token, and the tokens of a systematic name are cut at its
 * commas, brackets and locants: in "1,2-dimethylhydrazine", "[3H]-naloxone",
 * "N-(2-propylpentanoyl)urea" or "CaCl(2)" it takes only a piece, ",2-dimethylhydrazine",
 * "3H]-naloxone", "propylpentanoyl)urea", "CaCl", and two pieces of one name become two
 * mentions. Each drug mention of the sentence is grown to the run of bytes without white
 * space, "/", "+" or ";" around it (a name's parts are joined by hyphens, commas and
 * brackets; "/" and "+" join different drugs: "TMP/SMX", "Na+-K+"), then trimmed:
 *
 * - brackets must pair inside the mention: an unpaired one outside the model's piece cuts
 *   the mention there, a pair that encloses all of it goes ("(R)-alpha-methylhistamine",
 *   not "((R)-alpha-methylhistamine"); an unpaired bracket inside the piece leaves it as is;
 * - clause punctuation and hyphens at the ends go, and so does a possessive "'s" and a last
 *   "-word" that says what was done with the drug ("CaCl(2)-treated", "-induced", "-free");
 * - each side is grown only where what it adds has a digit, a bracket, a comma or a prime
 *   and a letter or digit ("2-methyl-6-" yes; "non-" no), or is only brackets whose mates
 *   are in the piece ("[" of "[3H]-naloxone"; not of "[Na]o"), and not where it
 *   is a receptor's subtype ("GABA(A)", "5-HT(6)", "A(1)-adenosine"), a mark ("(TM)") or an
 * isotope's mass after a word ("thallium-201": the corpus marks the element alone).
 *
 * Drug mentions inside the grown span are merged into it, except one joined to it by a
 * bare hyphen ("atropine-MK801": two drugs); a span that would reach a mention of another
 * label is not grown. A grown mention's id is "-" (it is no longer the lexicon's term).
 * On the training part of bc5cdr-train this took Chemical F1 0.958 -> 0.966 (tp +34, 11
 * false positives fewer), on the validation part 0.912 -> 0.916 (its one systematic name).
 *
 * Development codes (hnp_tag_chem_codes): a code such as "PG-9", "UM-272", "SCH 23390" or
 * "SR48692" right after a word that says it is a compound ("the D1 antagonist SCH 23390",
 * "an antiarrhythmic agent, UM-272", "the agonist (CP 93129)") or followed by one in
 * brackets ("GR 55562 (an antagonist of 5-HT1B receptors)") is a drug; it is recorded for the
 * document step (tag_doc.c), which makes it a drug at each of its occurrences, since a code names
 * one compound. Codes are out of the model's regions (no lexicon has them). On the training part
 * this found 17 gold chemicals and no false one, on the validation part 2 and none. So is a
 * code beside the drug mention it names, "BD1018 (3S-1-[2-(3,4-dichlorophenyl)ethyl]...)" or
 * "1-chloro-1,2,2,2-tetrafluoroethane (HCFC 124)" (not a mutation, "glutamic acid (G230E)"):
 * training part +3 true and no false, held-out folds 1 and 2 +7 and none (see README).
 *
 * Layering: called by tag.c; calls tag_mentions.c (growing an array). */
#include "tag_internal.h"

#include "base/ascii.h"

#include <string.h>

static int is_stop(uint8_t c)
{
    return c <= ' ' || c >= 0x80 || c == '/' || c == '+' || c == ';';
}

static int is_open(uint8_t c)
{
    return c == '(' || c == '[' || c == '{';
}

static int is_close(uint8_t c)
{
    return c == ')' || c == ']' || c == '}';
}

static int pairs(uint8_t o, uint8_t c)
{
    return (o == '(' && c == ')') || (o == '[' && c == ']') || (o == '{' && c == '}');
}

/* The classes come from base's one ASCII table, so the tagger and the tokens agree. */
static int is_lower(uint8_t c)
{
    return hnp_ascii_is(c, HNP_ASCII_LOWER);
}

static int is_digit(uint8_t c)
{
    return hnp_ascii_is(c, HNP_ASCII_DIGIT);
}

static int is_alnum(uint8_t c)
{
    return hnp_ascii_is(c, HNP_ASCII_WORD);
}

enum { DEPTH_MAX = 16 };

/* The first bracket of text[a..b) that pairs with none (an unpaired closer, else the
 * leftmost unpaired opener before s, else the last unpaired opener), or SIZE_MAX. */
static size_t unpaired(const uint8_t *text, size_t a, size_t b, size_t s)
{
    size_t open[DEPTH_MAX], n = 0;
    for (size_t p = a; p < b; p++) {
        if (is_open(text[p])) {
            if (n == DEPTH_MAX) {
                return p;
            }
            open[n++] = p;
        } else if (is_close(text[p])) {
            if (n == 0 || !pairs(text[open[n - 1]], text[p])) {
                return p;
            }
            n--;
        }
    }
    return n == 0 ? SIZE_MAX : open[0] < s ? open[0] : open[n - 1];
}

/* A last "-word" of lower-case letters that says what was done with the drug. */
static size_t done_with_suffix(const uint8_t *text, size_t e, size_t r)
{
    static const char *const words[] = {"like", "free", "type", "based", "rich", "only"};
    size_t p = r;
    while (p > e && is_lower(text[p - 1])) {
        p--;
    }
    if (p == r || p <= e || text[p - 1] != '-') {
        return 0;
    }
    size_t n = r - p;
    if (n >= 3 && ((text[r - 2] == 'e' && text[r - 1] == 'd') ||
                   (text[r - 3] == 'i' && text[r - 2] == 'n' && text[r - 1] == 'g'))) {
        return n + 1;
    }
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        if (strlen(words[k]) == n && memcmp(words[k], text + p, n) == 0) {
            return n + 1;
        }
    }
    return 0;
}

/* One round of trimming [*l, *r) around the model's piece [s, e); returns 0 when an
 * unpaired bracket lies inside the piece (the span stays the piece). */
static int trim_once(const uint8_t *text, size_t *l, size_t *r, size_t s, size_t e)
{
    while (*l < s && text[*l] && strchr("-,.:'\"", text[*l])) {
        (*l)++;
    }
    while (*r > e && text[*r - 1] && strchr("-,.:", text[*r - 1])) {
        (*r)--;
    }
    *r -= done_with_suffix(text, e, *r);
    if (*l<s && * r> e && is_open(text[*l]) && pairs(text[*l], text[*r - 1]) &&
        unpaired(text, *l + 1, *r - 1, s) == SIZE_MAX) {
        (*l)++;
        (*r)--;
    }
    size_t bad = unpaired(text, *l, *r, s);
    if (bad == SIZE_MAX) {
        return 1;
    }
    if (bad >= e) {
        *r = bad;
    } else if (bad < s) {
        *l = bad + 1;
    } else {
        return 0;
    }
    return 1;
}

static int trim(const uint8_t *text, size_t *l, size_t *r, size_t s, size_t e)
{
    for (;;) {
        size_t l0 = *l, r0 = *r;
        if (!trim_once(text, l, r, s, e)) {
            return 0;
        }
        if (*l == l0 && *r == r0) {
            return *l <= s && *r >= e;
        }
    }
}

/* What a side adds looks like part of a systematic name: a digit, bracket, comma or prime,
 * and a letter or digit. */
static int name_like(const uint8_t *text, size_t a, size_t b)
{
    int mark = 0, alnum = 0;
    for (size_t p = a; p < b; p++) {
        uint8_t c = text[p];
        mark |= is_digit(c) || is_open(c) || is_close(c) || c == ',' || c == '\'';
        alnum |= is_alnum(c);
    }
    return mark && alnum;
}

/* What a side adds is only brackets whose mates are in the model's piece [s, e) or [e, s):
 * "[" of "[3H]-naloxone" when the model took "3H]-naloxone" (not "[" of "[Na]o", whose
 * mate is outside). */
static int mates_inside(const uint8_t *text, size_t a, size_t b, size_t other, int left)
{
    if (a == b) {
        return 0;
    }
    for (size_t p = a; p < b; p++) {
        if (left ? !is_open(text[p]) : !is_close(text[p])) {
            return 0;
        }
    }
    return left ? unpaired(text, a, other, a) == SIZE_MAX
                : unpaired(text, other, b, other) == SIZE_MAX;
}

/* The right side is a hyphen and one to three capitals after a name ending in a small
 * letter: a formulation's letters ("2-chloroprocaine-CE"; not the subtype of "GABA-A"). */
static int caps_suffix(const uint8_t *text, size_t e, size_t b)
{
    if (b - e < 2 || b - e > 4 || text[e] != '-' || !is_lower(text[e - 1])) {
        return 0;
    }
    for (size_t p = e + 1; p < b; p++) {
        if (text[p] < 'A' || text[p] > 'Z') {
            return 0;
        }
    }
    return 1;
}

/* The piece [s, e) ends in a locant, a lone letter or a number ("maltolyl p",
 * "5alpha-pregnan-20"), and the right side [e, b) is a hyphen and the small letters of the
 * name's last part ("-coumarate", "-one"): a locant never ends a name. "-induced" and the
 * like were trimmed before; an enzyme's or receptor's last part is not taken. */
static int locant_suffix(const uint8_t *text, size_t s, size_t e, size_t b)
{
    if (b - e < 3 || text[e] != '-') {
        return 0;
    }
    for (size_t p = e + 1; p < b; p++) {
        if (!is_lower(text[p])) {
            return 0;
        }
    }
    /* An enzyme or a receptor is a protein: "4-hydroxylase", "alpha 1-receptor". */
    if ((b - e > 4 && memcmp(text + b - 3, "ase", 3) == 0) ||
        (b - e > 7 && memcmp(text + b - 6, "ceptor", 6) == 0)) {
        return 0;
    }
    size_t p = e;
    while (p > s && is_digit(text[p - 1])) {
        p--;
    }
    if (p == e && is_alnum(text[e - 1])) {
        p--; /* a lone letter */
    }
    return p > s && p < e && (p == e - 1 || is_digit(text[p])) && !is_alnum(text[p - 1]);
}

/* A receptor subtype before the name: a capital, digits, maybe bracketed, a hyphen
 * ("A(1)-", "I1-"). */
static int subtype_prefix(const uint8_t *text, size_t a, size_t b)
{
    if (b - a < 2 || text[a] < 'A' || text[a] > 'Z' || text[b - 1] != '-') {
        return 0;
    }
    size_t p = a + 1;
    p += p < b - 1 && text[p] == '(';
    while (p < b - 1 && is_digit(text[p])) {
        p++;
    }
    p += p < b - 1 && text[p] == ')';
    return p == b - 1;
}

/* The right side [e, b) is a bracketed subtype after a capital or digit ("GABA(A)",
 * "5-HT(6)") or a bracketed mark without a digit ("(TM)"; "CaCl(2)" stays), or an
 * isotope's mass after a word ("thallium-201"). */
static int subtype_or_mass(const uint8_t *text, size_t e, size_t b)
{
    uint8_t last = text[e - 1];
    if (text[e] == '(' && text[b - 1] == ')') {
        int digit = 0;
        for (size_t p = e + 1; p < b - 1; p++) {
            if (is_open(text[p]) || is_close(text[p])) {
                return 0;
            }
            digit |= is_digit(text[p]);
        }
        return !is_lower(last) || !digit;
    }
    if (text[e] != '-' || b - e < 2 || !is_lower(last)) {
        return 0;
    }
    for (size_t p = e + 1; p < b; p++) {
        if (!is_digit(text[p])) {
            return 0;
        }
    }
    return 1;
}

/* The span the piece [s, e) grows to inside the sentence's bytes [a, b). */
static hnp_span grow(const uint8_t *text, size_t a, size_t b, size_t s, size_t e)
{
    size_t l = s, r = e;
    while (l > a && !is_stop(text[l - 1])) {
        l--;
    }
    while (r < b && !is_stop(text[r])) {
        r++;
    }
    if (r - e >= 2 && text[r - 2] == '\'' && text[r - 1] == 's') {
        r -= 2;
    }
    if (!trim(text, &l, &r, s, e)) {
        return (hnp_span){s, e};
    }
    if (!(name_like(text, l, s) || mates_inside(text, l, s, e, 1)) || subtype_prefix(text, l, s)) {
        l = s;
    }
    if (!(name_like(text, e, r) || mates_inside(text, e, r, s, 0) || caps_suffix(text, e, r) ||
          locant_suffix(text, s, e, r)) ||
        subtype_or_mass(text, e, r)) {
        r = e;
    }
    if ((l != s || r != e) && !trim(text, &l, &r, s, e)) {
        return (hnp_span){s, e};
    }
    return (hnp_span){l, r};
}

/* Takes the mentions of the sentence m0..n_m-1 that [*l, *r) reaches into: drugs are
 * merged (the span widens), a drug joined by a bare hyphen or nothing stops the span on
 * its side; returns 0 when a mention of another label is reached. */
static int reach(const hnp_tagger *t, const uint8_t *text, size_t m0, size_t s, size_t e, size_t *l,
                 size_t *r)
{
    for (size_t y = m0; y < t->n_m; y++) {
        const hnp_mention *o = &t->m[y];
        if (o->span.start >= *r || o->span.end <= *l || (o->span.start >= s && o->span.end <= e)) {
            continue;
        }
        if (o->label != HNP_LABEL_DRUG) {
            return 0;
        }
        size_t g0 = o->span.start >= e ? e : o->span.end,
               g1 = o->span.start >= e ? o->span.start : s;
        if (g1 <= g0 || (g1 - g0 == 1 && text[g0] == '-')) {
            if (o->span.start >= e) {
                *r = e;
            } else {
                *l = s;
            }
            continue;
        }
        *l = o->span.start < *l ? o->span.start : *l;
        *r = o->span.end > *r ? o->span.end : *r;
    }
    return 1;
}

/* Removes the mentions after x that [start, end) of mention x now covers. */
static void absorb(hnp_tagger *t, size_t x)
{
    size_t o = x + 1, y = x + 1;
    for (; y < t->n_m; y++) {
        if (t->m[y].span.start < t->m[x].span.end) {
            continue;
        }
        t->m[o] = t->m[y];
        t->m_id[o] = t->m_id[y];
        t->m_keep[o++] = t->m_keep[y];
    }
    t->n_m = o;
}

void hnp_tag_chem_names(hnp_tagger *t, const uint8_t *text, size_t m0, size_t a, size_t b)
{
    for (size_t x = m0; x < t->n_m; x++) {
        hnp_mention *m = &t->m[x];
        if (m->label != HNP_LABEL_DRUG) {
            continue;
        }
        size_t s = m->span.start, e = m->span.end, x0 = x;
        for (int round = 0; round < 8; round++) {
            hnp_span g = grow(text, a, b, s, e);
            if (!reach(t, text, m0, s, e, &g.start, &g.end)) {
                s = m->span.start;
                e = m->span.end;
                break;
            }
            if (g.start == s && g.end == e) {
                break;
            }
            s = g.start;
            e = g.end;
        }
        /* Merged mentions before x: the span starts at the first of them. */
        while (x0 > m0 && t->m[x0 - 1].span.end > s) {
            x0--;
        }
        if (s == m->span.start && e == m->span.end) {
            continue;
        }
        if (x0 != x) {
            size_t tail = t->n_m - x - 1;
            t->m[x0] = *m;
            t->m_id[x0] = t->m_id[x];
            t->m_keep[x0] = t->m_keep[x];
            memmove(t->m + x0 + 1, t->m + x + 1, tail * sizeof *t->m);
            memmove(t->m_id + x0 + 1, t->m_id + x + 1, tail * sizeof *t->m_id);
            memmove(t->m_keep + x0 + 1, t->m_keep + x + 1, tail);
            t->n_m -= x - x0;
            x = x0;
            m = &t->m[x];
        }
        m->span = (hnp_span){s, e};
        m->id = "-";
        m->name = "-";
        t->m_id[x] = SIZE_MAX;
        absorb(t, x);
    }
}

/* A code's letters: one to four capitals, or a capital and one or two small letters
 * ("Ro", "Hoe"). */
static int code_letters(const uint8_t *s, size_t n)
{
    if (n < 1 || n > 4 || s[0] < 'A' || s[0] > 'Z') {
        return 0;
    }
    int caps = 1, small = 0;
    for (size_t i = 1; i < n; i++) {
        caps += s[i] >= 'A' && s[i] <= 'Z';
        small += is_lower(s[i]);
    }
    return caps == (int)n || (caps == 1 && small == (int)n - 1 && n <= 3);
}

static size_t digits_at(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n && is_digit(s[i])) {
        i++;
    }
    return i;
}

/* The first token of a code that ends with token k (which has a digit), or SIZE_MAX:
 * letters and 2-6 digits in one token ("SR48692", maybe one letter after), or letters,
 * a hyphen and 1-6 digits ("PG-9"), or capitals, a space and 3-6 digits ("SCH 23390"). */
static size_t code_first(const hnp_tagger *t, const uint8_t *text, size_t k)
{
    const tag_token *c = &t->tok[k];
    const uint8_t *s = text + c->start;
    size_t n = c->end - c->start, l = 0;
    while (l < n && !is_digit(s[l])) {
        l++;
    }
    size_t d = digits_at(s + l, n - l), rest = n - l - d;
    if (c->kind != LEXTOK_WORD || d == 0 || d > 6 || rest > 1 || (rest && is_digit(s[n - 1]))) {
        return SIZE_MAX;
    }
    if (l > 0) {
        return d >= 2 && code_letters(s, l) ? k : SIZE_MAX;
    }
    if (k == 0 || rest) {
        return SIZE_MAX;
    }
    const tag_token *p = &t->tok[k - 1];
    if (p->kind != LEXTOK_WORD || !code_letters(text + p->start, p->end - p->start)) {
        return SIZE_MAX;
    }
    int hyphen = c->start == p->end + 1 && text[p->end] == '-';
    int space = c->start == p->end + 1 && text[p->end] == ' ';
    return hyphen || (space && d >= 3) ? k - 1 : SIZE_MAX;
}

/* Token r is a word that says a compound follows: an antagonist, agent, analogue... */
static int role_word(const uint8_t *text, const tag_token *r)
{
    static const char *const words[] = {
        "antagonist", "agonist", "inhibitor", "blocker",   "analogue",  "analog", "agent",
        "compound",   "drug",    "releaser",  "amplifier", "modulator", "ligand", "derivative"};
    size_t n = r->end - r->start;
    const uint8_t *s = text + r->start;
    if (r->kind == LEXTOK_WORD && n > 1 && s[n - 1] == 's') {
        n--;
    }
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t m = strlen(words[k]), j = 0;
        while (j < m && j < n && (s[j] | 0x20) == (uint8_t)words[k][j]) {
            j++;
        }
        if (r->kind == LEXTOK_WORD && j == m && m == n) {
            return 1;
        }
    }
    return 0;
}

/* A role word right before token f, maybe behind a comma or an opening bracket: "the D1
 * antagonist SCH 23390", "an agent, UM-272", "the agonist (CP 93129)". */
static int role_before(const hnp_tagger *t, const uint8_t *text, size_t f)
{
    size_t r = f - 1;
    uint8_t c = text[t->tok[r].start];
    if (t->tok[r].kind == LEXTOK_PUNCT && (c == ',' || c == '(') && r > 0) {
        r--;
    }
    return role_word(text, &t->tok[r]);
}

/* A role word among the first four words in brackets after token k: "GR 55562 (an
 * antagonist of 5-HT1B receptors)". */
static int role_after(const hnp_tagger *t, const uint8_t *text, size_t k)
{
    if (k + 2 >= t->n_tok || t->tok[k + 1].kind != LEXTOK_PUNCT ||
        text[t->tok[k + 1].start] != '(') {
        return 0;
    }
    for (size_t r = k + 2; r < t->n_tok && r < k + 6 && t->tok[r].kind == LEXTOK_WORD; r++) {
        if (role_word(text, &t->tok[r])) {
            return 1;
        }
    }
    return 0;
}

/* Whether a drug mention of the sentence (m0..) starts, or ends, at byte p. */
static int drug_edge_at(const hnp_tagger *t, size_t m0, size_t p, int start)
{
    for (size_t x = m0; x < t->n_m; x++) {
        const hnp_mention *m = &t->m[x];
        if (m->label == HNP_LABEL_DRUG && (start ? m->span.start : m->span.end) == p) {
            return 1;
        }
    }
    return 0;
}

/* The code at bytes a..e names a drug mention beside it: "BD1018 (3S-1-[2-(3,4-
 * dichlorophenyl)ethyl]...)" or "1-chloro-1,2,2,2-tetrafluoroethane (HCFC 124)". */
static int names_a_drug(const hnp_tagger *t, const uint8_t *text, size_t m0, size_t a, size_t e,
                        size_t b)
{
    size_t d = digits_at(text + a + 1, e - a - 1);
    if (d > 0 && a + 1 + d + 1 == e && text[e - 1] >= 'A' && text[e - 1] <= 'Z') {
        return 0; /* a capital, digits, a capital: a protein's mutation, "glutamate (G230E)" */
    }
    if (e + 2 < b && text[e] == ' ' && text[e + 1] == '(' && drug_edge_at(t, m0, e + 2, 1)) {
        return 1;
    }
    if (a < 2 || e >= b || text[a - 1] != '(' || text[e] != ')') {
        return 0;
    }
    return drug_edge_at(t, m0, a - 1, 0) || (text[a - 2] == ' ' && drug_edge_at(t, m0, a - 2, 0));
}

hnp_status hnp_tag_chem_codes(hnp_tagger *t, const uint8_t *text, size_t m0, size_t b)
{
    for (size_t k = 1, left = t->n_digit; k < t->n_tok && left > 0; k++) {
        if (!t->tok[k].digit) {
            continue;
        }
        left--;
        size_t e = t->tok[k].end, f = code_first(t, text, k);
        if (f == SIZE_MAX || f == 0 || (e < b && (is_alnum(text[e]) || text[e] == '-'))) {
            continue;
        }
        if (!role_before(t, text, f) && !role_after(t, text, k) &&
            !names_a_drug(t, text, m0, t->tok[f].start, e, b)) {
            continue;
        }
        HNP_TRY(hnp_tag_grow((void **)&t->codes, &t->cap_codes, t->n_codes + 1, sizeof *t->codes));
        t->codes[t->n_codes++] = (hnp_span){t->tok[f].start, e};
    }
    return HNP_OK;
}
