/* tag_doc.c -- the document's own evidence, after every sentence is tagged.
 *
 * The model decides sentence by sentence, so it can take a condition in one sentence and
 * miss the same words three sentences later, or miss every later use of a short form
 * whose long form it took. Both corpora it is trained on (and careful readers) annotate a
 * document consistently, so once the document is tagged:
 *
 * - a condition followed by "(SF)" defines SF when the letters of SF are found, in order,
 *   in the words before "(", the first at the start of a word, within Schwartz & Hearst's
 *   window (min(|SF| + 5, 2 |SF|) words, not over a sentence's end: "levodopa-induced
 *   dyskinesias (LIDs)", where the mention is only the head of the long form), or when SF
 *   is a short code that starts with the mention's first letter; SF needs two capitals;
 * - the words of every condition mention (3 bytes or more) and every short form so
 *   defined are a condition wherever else they occur in the document's taggable
 *   sentences, with the same case, on word boundaries, where no other mention is.
 * - an acronym the document uses without defining it ("the PDS gene"), whose letters a
 *   condition of the document of two written-out words or more spells ("Pendred
 *   syndrome": its words' initials in order, then Schwartz & Hearst's test), is that
 *   condition wherever it occurs (acronyms; NCBI Disease marks a gene's symbol named after
 *   its disease as the disease: validation and folds NCBI tp +10, pred +13);
 *
 * - a short form "(SF)" whose long form (found as above) holds no drug mention, or names a
 *   substance measured in a body fluid ("serum creatinine (SCr)"), is no drug anywhere in
 *   the document: "vasoactive intestinal polypeptide (VIP)", a protein whose short form
 *   the model may take for a drug elsewhere;
 * - a combined short form of drugs, "trimethoprim and sulfamethoxazole (TMP/SMX)": each part
 *   whose long form starts a drug mention is that drug at its other occurrences;
 * - a plain short form right after a drug mention that starts with its letter,
 *   "thioperamide (THP)", or that no longer long form explains, "nelarabine (AraG)", is
 *   that drug at every occurrence (single_short_form);
 * - a development code named as a compound ("the D1 antagonist SCH 23390", tag_chem.c) is a
 *   drug wherever it occurs;
 * - a short form "(SF)" right after an enzyme's name, a word ending in "-ase" ("phenylalanine
 *   hydroxylase (PAH)", "aspartoacylase (ASPA)"), names the enzyme (or its gene) and is no
 *   condition anywhere in the document, although a lexicon has the letters as a disease
 *   ("PAH", pulmonary arterial hypertension). On the training part the rule dropped 82
 *   conditions, all false (PAH, ASPA, AGA, HPRT); the validation part has none.
 * - a condition's short form that names its cause as well, "glucocorticoid-induced
 *   hypertension (GC-HT)", "antituberculosis therapy (ATT)-associated acute liver failure
 *   (ATT-ALF)": the condition is the part after the hyphen ("HT", "ALF") at every occurrence,
 *   as BC5CDR marks it (the cause is a drug or a therapy, no part of the condition). A
 *   subtype's letter is no cause ("X-linked adrenoleukodystrophy (X-ALD)" stays whole): the
 *   long form must say "-induced", "-associated" or "-related", and the cause's letters are
 *   two or more. Found in train's short-form errors (ATT-ALF, GC-HT, dex-HT: 10 mentions
 *   on train, 3 on fold 2, all right; NCBI has none).
 *
 * Chosen on the validation part of the training splits (scripts/eval_ner.py --split val):
 * drug words are not spread, since a drug word the model took in one context ("salt", a
 * protein's short form) is more often wrong elsewhere than right. Drugs' plain short
 * forms found by Schwartz & Hearst's test spread protein short forms the model took
 * ("IL-3"); once proteins were dropped (tag_protein.c), the short form right after a
 * whole drug mention gave validation +0 / fold 1 +20 true positives (see README).
 * The two drug rules gave validation Chemical F1 0.885 -> 0.912 (train 0.955 -> 0.954:
 * the long form of five of its short forms is misspelt, "pentylenetrazol", and the model
 * missed it).
 *
 * The document's word tokens are recorded while the sentences are tokenized (tag.c), so
 * finding the other occurrences is one walk over them with a bitmap of the candidates'
 * first-word hashes; nothing is done in a document with no condition.
 *
 * Layering: called by tag.c; calls tag_abbrev.c (the short-form tests) and tag_mentions.c. */
#include "tag_internal.h"

#include "base/ascii.h"

#include <stdlib.h>
#include <string.h>

#define SF_MIN 2
/* An acronym used without a definition has three bytes or more: two letters name too many
 * things in news ("CE" the Common Era, "US", "PM"), and on NCBI Disease's training part they
 * added 4 true mentions (of 4,441) and 1 false one, none on either validation part. */
#define ACR_MIN  3
#define SF_MAX   12
#define CONS_MIN 3 /* shorter mentions ("MS", "AD") spread only when defined in the text */
_Static_assert(TAG_ACR_WORDS >= SF_MAX, "a long form of more words spells no acronym");

/* A letter or digit, or any byte of a non-ASCII character (decoded by the tokens). */
static int is_word_byte(uint8_t c)
{
    return c >= 0x80 || (hnp_ascii_props[c] & HNP_ASCII_WORD);
}

static int is_space(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The document token that starts at byte pos, or SIZE_MAX. */
static size_t dtok_at(const hnp_tagger *t, size_t pos)
{
    size_t lo = 0, hi = t->n_dtok;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->dtok[mid].start < pos) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < t->n_dtok && t->dtok[lo].start == pos ? lo : SIZE_MAX;
}

static hnp_status add_cand(hnp_tagger *t, size_t start, size_t len, const hnp_mention *m)
{
    size_t k = dtok_at(t, start);
    if (k == SIZE_MAX) {
        return HNP_OK; /* starts with no word: never on a word boundary */
    }
    HNP_TRY(hnp_tag_grow((void **)&t->cand, &t->cap_cand, t->n_cand + 1, sizeof *t->cand));
    tag_cand *c = &t->cand[t->n_cand];
    c->start = start;
    c->len = len;
    c->hash = t->dtok[k].hash;
    c->order = t->n_cand++;
    c->label = m->label;
    c->id = m->id;
    c->name = m->name;
    return HNP_OK;
}

/* "(SF)" at byte p (spaces before it skipped), SF of SF_MIN..SF_MAX bytes without white
 * space or brackets and with two capitals, closed by ')', ';' or ','. Returns SF's length
 * (0: none) and its start in *sf. */
static size_t short_form_at(const uint8_t *text, size_t len, size_t p, size_t *sf)
{
    while (p < len && text[p] == ' ') {
        p++;
    }
    if (p >= len || text[p] != '(') {
        return 0;
    }
    size_t a = ++p, caps = 0;
    while (p < len && p - a <= SF_MAX && !is_space(text[p]) && text[p] != '(' && text[p] != ')' &&
           text[p] != ';' && text[p] != ',') {
        caps += text[p] >= 'A' && text[p] <= 'Z';
        p++;
    }
    if (p >= len || p - a < SF_MIN || p - a > SF_MAX || caps < 2 ||
        (text[p] != ')' && text[p] != ';' && text[p] != ',')) {
        return 0;
    }
    *sf = a;
    return p - a;
}

/* Schwartz & Hearst's long form: a run of the words before byte end (at most
 * min(|SF| + 5, 2 |SF|), none ending a clause, none before floor) that starts with the
 * first letter of SF and contains its letters in order. */
static size_t long_form_start(const uint8_t *text, size_t floor, size_t end, const uint8_t *sf,
                              size_t sn)
{
    size_t max_words = sn + 5 < 2 * sn ? sn + 5 : 2 * sn, p = end;
    uint8_t first = sf[0] >= 'A' && sf[0] <= 'Z' ? (uint8_t)(sf[0] + 32) : sf[0];
    for (size_t words = 0; words < max_words; words++) {
        while (p > floor && is_space(text[p - 1])) {
            p--;
        }
        size_t e = p;
        while (p > floor && !is_space(text[p - 1])) {
            p--;
        }
        if (p == e) {
            return SIZE_MAX;
        }
        uint8_t last = text[e - 1], c = text[p];
        if (e != end && (last == '.' || last == ';' || last == ':' || last == '!' || last == '?')) {
            return SIZE_MAX; /* the long form does not reach over the end of a clause */
        }
        c = c >= 'A' && c <= 'Z' ? (uint8_t)(c + 32) : c;
        if (c == first && is_word_byte(text[p]) &&
            hnp_tag_abbrev_sf_in_lf(sf, sn, text + p, end - p)) {
            return p;
        }
    }
    return SIZE_MAX;
}

static int has_long_form(const uint8_t *text, size_t floor, size_t end, const uint8_t *sf,
                         size_t sn)
{
    return long_form_start(text, floor, end, sf, sn) != SIZE_MAX;
}

/* The bit of tag_sfset.bits for a short form of n bytes at s (n > 0). */
static unsigned sf_bit(const uint8_t *s, size_t n)
{
    return (unsigned)(n * 37 + s[0] * 7 + s[n - 1]) % 256;
}

static hnp_status sfset_add(tag_sfset *set, const uint8_t *text, size_t a, size_t e)
{
    HNP_TRY(hnp_tag_grow((void **)&set->sf, &set->cap, set->n + 1, sizeof *set->sf));
    set->sf[set->n++] = (hnp_span){a, e};
    unsigned b = sf_bit(text + a, e - a);
    set->bits[b / 64] |= UINT64_C(1) << (b % 64);
    return HNP_OK;
}

/* Whether the n bytes at s are the text of one of the short forms of set. */
static int text_in(const tag_sfset *set, const uint8_t *text, const uint8_t *s, size_t n)
{
    if (n == 0 || set->n == 0) {
        return 0; /* no short form is empty */
    }
    unsigned b = sf_bit(s, n);
    if (!((set->bits[b / 64] >> (b % 64)) & 1)) {
        return 0;
    }
    for (size_t k = 0; k < set->n; k++) {
        const hnp_span *f = &set->sf[k];
        if (f->end - f->start == n && memcmp(text + f->start, s, n) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Whether the n bytes at s are the text of a short form that a long form other than a
 * drug defines in the document. */
static int is_nodrug(const hnp_tagger *t, const uint8_t *text, const uint8_t *s, size_t n)
{
    return text_in(&t->nodrug, text, s, n);
}

/* The index of the first mention that starts at byte pos or later (mentions are in order). */
static size_t mention_from(const hnp_tagger *t, size_t pos)
{
    size_t lo = 0, hi = t->n_m;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->m[mid].span.start < pos) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* The first drug mention that starts in bytes a..e-1, or NULL (mentions are in order). */
static const hnp_mention *drug_from(const hnp_tagger *t, size_t a, size_t e)
{
    for (size_t lo = mention_from(t, a); lo < t->n_m && t->m[lo].span.start < e; lo++) {
        if (t->m[lo].label == HNP_LABEL_DRUG) {
            return &t->m[lo];
        }
    }
    return NULL;
}

/* "(SF)" right after the drug mention m is m's short form: SF starts with the mention's
 * first letter ("thioperamide (THP)"), or no long form before "(" holds SF's letters
 * (Schwartz & Hearst's test: "nelarabine (AraG)", "etoposide (VP)" count); SF is no route
 * ("(IV)"), no trademark "(TM)" and no mutation ("glutamic acid (G230E)"), and no long form in the
 * document defines it as something else. So a long form of which the drug mention is only a part,
 * "serum creatinine (SCr)", "high-salt (HS)", "mammalian target of rapamycin (mToR)",
 * defines no drug. */
static int single_short_form(const hnp_tagger *t, const uint8_t *text, size_t floor,
                             const hnp_mention *m, size_t sf, size_t sn)
{
    static const char *const routes[] = {"IV", "IM", "SC", "PO", "IP", "ICV",
                                         "ID", "IT", "SL", "NS", "TM"};
    for (size_t r = 0; r < sizeof routes / sizeof routes[0]; r++) {
        if (strlen(routes[r]) == sn && memcmp(routes[r], text + sf, sn) == 0) {
            return 0;
        }
    }
    size_t d = 1;
    while (d < sn && text[sf + d] >= '0' && text[sf + d] <= '9') {
        d++;
    }
    if (d > 1 && d + 1 == sn && text[sf + d] >= 'A' && text[sf + d] <= 'Z') {
        return 0; /* a letter, digits, a letter: a protein's mutation */
    }
    size_t p = m->span.start;
    while (p < m->span.end && !is_word_byte(text[p])) {
        p++;
    }
    if (p >= m->span.end || is_nodrug(t, text, text + sf, sn)) {
        return 0;
    }
    return (text[p] | 0x20) == (text[sf] | 0x20) ||
           !has_long_form(text, floor, m->span.end, text + sf, sn);
}

/* The parts of a combined short form of drugs, "(TMP/SMX)" after "trimethoprim and
 * sulfamethoxazole" (m, the last drug mention before "("): each part whose long form
 * starts a drug mention is that drug (its id, its name). A short form without "/" is m's
 * when single_short_form says so. */
static hnp_status drug_short_forms(hnp_tagger *t, const uint8_t *text, size_t floor,
                                   const hnp_mention *m, size_t sf, size_t sn)
{
    if (!memchr(text + sf, '/', sn)) {
        return single_short_form(t, text, floor, m, sf, sn) ? add_cand(t, sf, sn, m) : HNP_OK;
    }
    for (size_t a = sf, e = sf + sn; a < e;) {
        const uint8_t *slash = memchr(text + a, '/', e - a);
        size_t b = slash ? (size_t)(slash - text) : e;
        size_t lf = b - a >= SF_MIN && !is_nodrug(t, text, text + a, b - a)
                        ? long_form_start(text, floor, m->span.end, text + a, b - a)
                        : SIZE_MAX;
        const hnp_mention *d = lf == SIZE_MAX ? NULL : drug_from(t, lf, m->span.end);
        if (d) {
            HNP_TRY(add_cand(t, a, b - a, d));
        }
        a = b + 1;
    }
    return HNP_OK;
}

/* The length of condition x as the model found it: without the organ's adjective that
 * tag_coord.c grew it over ("cerebral ALD" is "ALD" before "(CCALD)"). */
static size_t own_length(const hnp_tagger *t, const uint8_t *text, size_t x)
{
    const hnp_mention *m = &t->m[x];
    size_t p = m->span.start;
    if (t->m_keep[x] & TAG_M_ORGAN) {
        while (p < m->span.end && !is_space(text[p])) {
            p++;
        }
        while (p < m->span.end && is_space(text[p])) {
            p++;
        }
    }
    return m->span.end - p;
}

/* A word that joins clauses or phrases rather than modifying a noun. */
static int is_function_word(const uint8_t *w, size_t n)
{
    static const char *const words[] = {"a",  "an",  "and",  "as",   "at",   "by",      "for",
                                        "in", "of",  "on",   "or",   "the",  "to",      "with",
                                        "is", "was", "were", "from", "into", "without", "nor"};
    if (n > 7) { /* longer than "without" */
        return 0;
    }
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t i = 0;
        while (i < n && words[k][i] && (w[i] | 0x20) == (uint8_t)words[k][i]) {
            i++;
        }
        if (i == n && !words[k][i]) {
            return 1;
        }
    }
    return 0;
}

/* A condition mention x shorter than the "(SF)" after it, whose long form reaches back over
 * modifiers the model left out: "childhood cerebral ALD (CCALD)", "attenuated FAP (AFAP)".
 * The mention grows to the long form (id "-": no lexicon term has that span) when the words
 * added are modifiers (no function word, no other mention), and then defines SF; returns
 * whether it did. Found in the held-out folds' misses (NCBI Disease). */
static int grow_to_long_form(hnp_tagger *t, const uint8_t *text, size_t x, size_t floor, size_t sf,
                             size_t sn)
{
    hnp_mention *m = &t->m[x];
    size_t a = long_form_start(text, floor, m->span.end, text + sf, sn);
    if (a == SIZE_MAX || a >= m->span.start || (x > 0 && t->m[x - 1].span.end > a)) {
        return 0;
    }
    for (size_t p = a; p < m->span.start;) {
        size_t e = p;
        while (e < m->span.start && !is_space(text[e])) {
            e++;
        }
        if (is_function_word(text + p, e - p)) {
            return 0;
        }
        for (p = e; p < m->span.start && is_space(text[p]); p++) {
        }
    }
    m->span.start = a;
    m->id = "-";
    m->name = "-";
    t->m_id[x] = SIZE_MAX;
    return 1;
}

/* The acronym at document token k: word tokens of capitals and digits, joined by single
 * hyphens ("DMD", "A-T"), ACR_MIN..SF_MAX bytes with two capitals, starting with a capital
 * and ending on a word boundary. Returns its length (0: none). */
static size_t acronym_at(const hnp_tagger *t, const uint8_t *text, size_t len, size_t k)
{
    size_t a = t->dtok[k].start, e = a, caps = 0;
    if (!(hnp_ascii_props[text[a]] & HNP_ASCII_UPPER) || (a > 0 && text[a - 1] == '-')) {
        return 0;
    }
    for (;; k++) {
        const tag_dtok *d = &t->dtok[k];
        for (size_t i = d->start; i < d->start + d->len; i++) {
            if (!(hnp_ascii_props[text[i]] & (HNP_ASCII_UPPER | HNP_ASCII_DIGIT))) {
                return 0;
            }
            caps += (hnp_ascii_props[text[i]] & HNP_ASCII_UPPER) != 0;
        }
        e = d->start + d->len;
        if (k + 1 >= t->n_dtok || e + 1 >= len || text[e] != '-' || t->dtok[k + 1].start != e + 1) {
            break;
        }
    }
    if (e < len && (is_word_byte(text[e]) || text[e] == '-')) {
        return 0;
    }
    return e - a >= ACR_MIN && e - a <= SF_MAX && caps >= 2 ? e - a : 0;
}

/* Whether the n bytes at w are a word written out: two letters or more, small letters among
 * them, no digit ("Pendred", "DiGeorge"; not "G6PD", "VLCAD", "C5" or the numeral "I"). */
static int spelt_out(const uint8_t *w, size_t n)
{
    int lower = 0;
    for (size_t i = 0; i < n; i++) {
        if (hnp_ascii_props[w[i]] & HNP_ASCII_DIGIT) {
            return 0;
        }
        lower |= (hnp_ascii_props[w[i]] & HNP_ASCII_LOWER) != 0 || w[i] >= 0x80;
    }
    return n >= 2 && lower;
}

/* The next word of the n bytes at w from byte *p on: its start in *p, its end returned
 * (*p itself at the end: no word left). */
static size_t word_from(const uint8_t *w, size_t n, size_t *p)
{
    while (*p < n && !is_word_byte(w[*p])) {
        (*p)++;
    }
    size_t e = *p;
    while (e < n && is_word_byte(w[e])) {
        e++;
    }
    return e;
}

/* Whether the acronym sf (sn bytes) stands for the words of bytes lf..lf+ln, a condition
 * of two content words or more: the initials of its content words, the first one first,
 * are among the acronym's letters in order, and Schwartz & Hearst's test finds all its
 * letters in order ("Pendred syndrome" for PDS, "ataxia telangiectasia" for A-T). */
static int acronym_of(const uint8_t *sf, size_t sn, const uint8_t *lf, size_t ln)
{
    size_t s = 0, words = 0;
    for (size_t p = 0, e = word_from(lf, ln, &p); e > p; p = e, e = word_from(lf, ln, &p)) {
        if (is_function_word(lf + p, e - p) || !spelt_out(lf + p, e - p)) {
            return 0;
        }
        uint8_t c = lf[p] >= 'A' && lf[p] <= 'Z' ? (uint8_t)(lf[p] + 32) : lf[p];
        while (s < sn && (!is_word_byte(sf[s]) || (sf[s] | 0x20) != c) && words > 0) {
            s++;
        }
        if (s >= sn || (sf[s] | 0x20) != c) {
            return 0;
        }
        s++;
        words++;
    }
    return words >= 2 && hnp_tag_abbrev_sf_in_lf(sf, sn, lf, ln);
}

/* Whether the n bytes at lf may spell an acronym: two words or more (TAG_ACR_WORDS at most:
 * an acronym has a letter for each), each written out, no function word (the rest of
 * acronym_of's test needs the acronym). Fills in lf's initials: each word's first byte, a
 * capital made small as acronym_of does, and second, the small-letter initial of its
 * second word. */
static int may_spell(const uint8_t *w, size_t n, tag_acr_lf *lf)
{
    size_t words = 0;
    for (size_t p = 0, e = word_from(w, n, &p); e > p; p = e, e = word_from(w, n, &p)) {
        if (words >= TAG_ACR_WORDS || !spelt_out(w + p, e - p) || is_function_word(w + p, e - p)) {
            return 0;
        }
        lf->second = words == 1 ? w[p] | 0x20 : lf->second;
        lf->initials[words++] = w[p] >= 'A' && w[p] <= 'Z' ? (uint8_t)(w[p] + 32) : w[p];
    }
    lf->n_words = (uint8_t)words;
    return words >= 2;
}

/* acronym_of for a long form that may_spell kept (lf, its bytes at w..w+n): the same
 * answer, its initials matched without reading its words again. */
static int acronym_of_kept(const uint8_t *sf, size_t sn, const tag_acr_lf *lf, const uint8_t *w,
                           size_t n)
{
    size_t s = 0;
    for (size_t k = 0; k < lf->n_words; k++) {
        uint8_t c = lf->initials[k];
        while (s < sn && (!is_word_byte(sf[s]) || (sf[s] | 0x20) != c) && k > 0) {
            s++;
        }
        if (s >= sn || (sf[s] | 0x20) != c) {
            return 0;
        }
        s++;
    }
    return hnp_tag_abbrev_sf_in_lf(sf, sn, w, n);
}

int hnp_tag_acronym_of(const uint8_t *sf, size_t sn, const uint8_t *lf, size_t ln, int fast)
{
    if (!fast) {
        return acronym_of(sf, sn, lf, ln);
    }
    tag_acr_lf kept;
    return may_spell(lf, ln, &kept) && acronym_of_kept(sf, sn, &kept, lf, ln);
}

static int acr_lf_cmp(const void *pa, const void *pb)
{
    const tag_acr_lf *a = pa, *b = pb;
    if (a->first != b->first || a->second != b->second) {
        return a->first != b->first ? (a->first < b->first ? -1 : 1)
                                    : (a->second < b->second ? -1 : 1);
    }
    if (a->hash != b->hash) {
        return a->hash < b->hash ? -1 : 1;
    }
    return a->x < b->x ? -1 : a->x > b->x;
}

/* The document's condition mentions that may spell an acronym, one per text, sorted by
 * their first two initials (then hash); returns how many, in t->acr_lf. */
static hnp_status long_forms(hnp_tagger *t, const uint8_t *text, size_t *n_out)
{
    size_t n = 0;
    for (size_t x = 0; x < t->n_m; x++) {
        const hnp_mention *m = &t->m[x];
        uint8_t c = text[m->span.start] | 0x20;
        if (m->label != HNP_LABEL_CONDITION || c < 'a' || c > 'z') {
            continue;
        }
        HNP_TRY(hnp_tag_grow((void **)&t->acr_lf, &t->cap_acr_lf, n + 1, sizeof *t->acr_lf));
        tag_acr_lf *lf = &t->acr_lf[n];
        size_t ln = m->span.end - m->span.start;
        if (!may_spell(text + m->span.start, ln, lf)) {
            continue;
        }
        lf->hash = lexkey_hash(LEXKEY_HASH_INIT, text + m->span.start, ln);
        lf->x = x;
        lf->first = c;
        n++;
    }
    if (n > 1) {
        qsort(t->acr_lf, n, sizeof *t->acr_lf, acr_lf_cmp);
    }
    size_t o = 0; /* one per text: a repeated condition is tested once */
    for (size_t k = 0; k < n; k++) {
        if (o == 0 || t->acr_lf[o - 1].hash != t->acr_lf[k].hash) {
            t->acr_lf[o++] = t->acr_lf[k];
        }
    }
    *n_out = o;
    return HNP_OK;
}

/* The first of the n long forms whose initials are c and c2 (or n). */
static size_t long_forms_from(const tag_acr_lf *lf, size_t n, uint8_t c, uint8_t c2)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (lf[mid].first < c || (lf[mid].first == c && lf[mid].second < c2)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* The long form (index into t->m) of the n-byte acronym at sf among the n_lf long forms,
 * or SIZE_MAX: only those whose second initial is one of the acronym's later letters. */
static size_t spelt_by(const hnp_tagger *t, const uint8_t *text, const uint8_t *sf, size_t n,
                       size_t n_lf)
{
    uint32_t tried = 0; /* the letters a-z already looked up */
    for (size_t i = 1; i < n; i++) {
        uint8_t c2 = sf[i] | 0x20;
        if (c2 < 'a' || c2 > 'z' || (tried >> (c2 - 'a') & 1)) {
            continue;
        }
        tried |= UINT32_C(1) << (c2 - 'a');
        for (size_t k = long_forms_from(t->acr_lf, n_lf, sf[0] | 0x20, c2);
             k < n_lf && t->acr_lf[k].first == (sf[0] | 0x20) && t->acr_lf[k].second == c2; k++) {
            const hnp_mention *m = &t->m[t->acr_lf[k].x];
            if (m->span.end - m->span.start > n &&
                acronym_of_kept(sf, n, &t->acr_lf[k], text + m->span.start,
                                m->span.end - m->span.start)) {
                return t->acr_lf[k].x;
            }
        }
    }
    return SIZE_MAX;
}

/* Acronyms the document uses without defining them, whose letters a condition mention of
 * the document spells ("the PDS gene" beside "Pendred syndrome", "DMD boys" beside
 * "Duchenne muscular dystrophy"): candidates of that condition. NCBI Disease marks such an
 * acronym as the condition, a gene's symbol named after its disease included (BC5CDR has
 * few). Each distinct acronym is tested once against the long forms of its first letter. */
static hnp_status acronyms(hnp_tagger *t, const uint8_t *text, size_t len)
{
    size_t n_lf = 0;
    HNP_TRY(long_forms(t, text, &n_lf));
    if (n_lf == 0) {
        return HNP_OK;
    }
    uint32_t pairs[26] = {0}; /* bit b of pairs[a]: a long form's initials are letters a, b */
    for (size_t k = 0; k < n_lf; k++) {
        uint8_t c2 = t->acr_lf[k].second;
        if (c2 >= 'a' && c2 <= 'z') {
            pairs[t->acr_lf[k].first - 'a'] |= UINT32_C(1) << (c2 - 'a');
        }
    }
    size_t slots = 64; /* about one slot per four words: few acronyms share one */
    while (slots < t->n_dtok / 4) {
        slots *= 2;
    }
    HNP_TRY(hnp_tag_grow((void **)&t->acr_seen, &t->cap_acr_seen, slots, sizeof *t->acr_seen));
    memset(t->acr_seen, 0, slots * sizeof *t->acr_seen);
    for (size_t k = 0; k < t->n_dtok; k++) {
        /* spelt_by finds nothing unless a long form's first two initials are the acronym's
         * first letter and one of its later letters: tested before acronym_at and the hash */
        const tag_dtok *d = &t->dtok[k];
        size_t a = d->start, n;
        if (!(hnp_ascii_props[text[a]] & HNP_ASCII_UPPER) || pairs[text[a] - 'A'] == 0) {
            continue;
        }
        /* acronym_at's second byte: a capital or digit, or the hyphen of "A-T" */
        if (a + 1 >= len ||
            (d->len >= 2 ? !(hnp_ascii_props[text[a + 1]] & (HNP_ASCII_UPPER | HNP_ASCII_DIGIT))
                         : text[a + 1] != '-')) {
            continue;
        }
        uint32_t first = pairs[text[a] - 'A'], later = 0;
        if ((n = acronym_at(t, text, len, k)) == 0) {
            continue;
        }
        for (size_t i = 1; i < n; i++) {
            later |= hnp_ascii_props[text[a + i]] & HNP_ASCII_UPPER
                         ? UINT32_C(1) << (text[a + i] - 'A')
                         : 0;
        }
        if (!(first & later)) {
            continue;
        }
        uint64_t h = lexkey_hash(LEXKEY_HASH_INIT, text + a, n) | 1; /* 0 marks an empty slot */
        uint64_t *seen = &t->acr_seen[h & (slots - 1)];
        if (*seen == h) {
            continue;
        }
        *seen = h;
        size_t x = spelt_by(t, text, text + a, n, n_lf);
        if (x != SIZE_MAX) { /* a short form defined in the text stays first (cand_cmp) */
            HNP_TRY(add_cand(t, a, n, &t->m[x]));
        }
    }
    return HNP_OK;
}

/* The candidates: each condition's words, and each short form a condition defines (and
 * the parts of a combined short form of drugs). */
static hnp_status collect(hnp_tagger *t, const uint8_t *text, size_t len, const hnp_span *sents)
{
    t->n_cand = 0;
    size_t n_cond = 0;
    for (size_t x = 0; x < t->n_m; x++) {
        const hnp_mention *m = &t->m[x];
        size_t n = m->span.end - m->span.start, sf = 0;
        if (m->label == HNP_LABEL_DRUG) {
            size_t sn = short_form_at(text, len, m->span.end, &sf);
            if (sn && sn < n) {
                HNP_TRY(drug_short_forms(t, text, sents[m->sent].start, m, sf, sn));
            }
            continue;
        }
        if (m->label != HNP_LABEL_CONDITION) {
            continue;
        }
        n_cond++;
        if (n >= CONS_MIN && (t->m_keep[x] & TAG_M_SURE)) {
            HNP_TRY(add_cand(t, m->span.start, n, m));
        }
        size_t sn = short_form_at(text, len, m->span.end, &sf);
        if (sn && sn < own_length(t, text, x) &&
            (has_long_form(text, sents[m->sent].start, m->span.end, text + sf, sn) ||
             hnp_tag_abbrev_is_code(text + sf, sn, text + m->span.start))) {
            HNP_TRY(add_cand(t, sf, sn, m));
        } else if (sn && grow_to_long_form(t, text, x, sents[m->sent].start, sf, sn)) {
            HNP_TRY(add_cand(t, sf, sn, m));
        }
    }
    if (n_cond > 0) {
        HNP_TRY(acronyms(t, text, len));
    }
    /* Development codes named as compounds (tag_chem.c) are drugs wherever they occur. */
    hnp_mention code = {.label = HNP_LABEL_DRUG, .id = "-", .name = "-"};
    for (size_t c = 0; c < t->n_codes; c++) {
        HNP_TRY(add_cand(t, t->codes[c].start, t->codes[c].end - t->codes[c].start, &code));
    }
    return HNP_OK;
}

/* Candidates by first-word hash, longest first, then in the order found. */
static int cand_cmp(const void *pa, const void *pb)
{
    const tag_cand *a = pa, *b = pb;
    if (a->hash != b->hash) {
        return a->hash < b->hash ? -1 : 1;
    }
    if (a->len != b->len) {
        return a->len > b->len ? -1 : 1;
    }
    return a->order < b->order ? -1 : a->order > b->order;
}

/* Whether byte end, the end of a match that started at document token k, is a word
 * boundary: a non-word byte, the text's end, or the start of a later token ("糖尿病"). */
static int ends_word(const hnp_tagger *t, const uint8_t *text, size_t len, size_t k, size_t end)
{
    if (end >= len || !is_word_byte(text[end])) {
        return 1;
    }
    while (k < t->n_dtok && t->dtok[k].start < end) {
        k++;
    }
    return k < t->n_dtok && t->dtok[k].start == end;
}

/* The longest candidate that occurs at document token k and ends by byte limit, or NULL. */
static const tag_cand *cand_at(const hnp_tagger *t, const uint8_t *text, size_t len, size_t k,
                               size_t limit)
{
    uint32_t h = t->dtok[k].hash;
    size_t lo = 0, hi = t->n_cand, a = t->dtok[k].start;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->cand[mid].hash < h) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    for (; lo < t->n_cand && t->cand[lo].hash == h; lo++) {
        const tag_cand *c = &t->cand[lo];
        if (a + c->len <= limit && memcmp(text + a, text + c->start, c->len) == 0 &&
            ends_word(t, text, len, k, a + c->len)) {
            return c;
        }
    }
    return NULL;
}

/* Bits of the candidates' bitmap per candidate: about one word in this many that starts no
 * candidate gets past it. A fixed size would fill up in a long document, where every word
 * would then be searched for. */
#define TAG_CAND_BITS_PER 32

/* A candidate's bit: its first word's hash (case-blind) and its first byte, so that "a"
 * passes no candidate "A-T" (cand_at compares the bytes: both must be equal). */
static size_t cand_bit(uint32_t hash, uint8_t first, size_t mask)
{
    return (hash + first * UINT32_C(0x9E3779B1)) & mask;
}

/* The bitmap of the candidates' first-word hashes and bytes, 2^k bits for n_cand candidates. */
static hnp_status cand_bitmap(hnp_tagger *t, const uint8_t *text)
{
    size_t bits = 1024;
    while (bits < t->n_cand * TAG_CAND_BITS_PER) {
        bits *= 2;
    }
    HNP_TRY(
        hnp_tag_grow((void **)&t->cand_bits, &t->cap_cand_bits, bits / 64, sizeof *t->cand_bits));
    memset(t->cand_bits, 0, bits / 8);
    t->cand_mask = bits - 1;
    for (size_t c = 0; c < t->n_cand; c++) {
        size_t b = cand_bit(t->cand[c].hash, text[t->cand[c].start], t->cand_mask);
        t->cand_bits[b / 64] |= UINT64_C(1) << (b % 64);
    }
    return HNP_OK;
}

/* The first document token from k on whose bit (cand_bit) is in the candidates' bitmap (most
 * words start no candidate), or n. Its own function over plain arrays, so the loop stays in
 * registers. */
static size_t next_hit(const tag_dtok *d, size_t n, const uint8_t *text, const uint64_t *bits,
                       size_t mask, size_t k)
{
    for (; k < n; k++) {
        size_t b = cand_bit(d[k].hash, text[d[k].start], mask);
        if ((bits[b / 64] >> (b % 64)) & 1) {
            break;
        }
    }
    return k;
}

/* Appends the new mentions, in document order, after the n_m mentions (the caller merges). */
static hnp_status find_more(hnp_tagger *t, const uint8_t *text, size_t len, const hnp_span *sents,
                            size_t n_sents)
{
    size_t n_old = t->n_m, p = 0, s = 0, busy = 0; /* busy: end of the mentions so far */
    const uint64_t *bits = t->cand_bits;
    for (size_t k = next_hit(t->dtok, t->n_dtok, text, bits, t->cand_mask, 0); k < t->n_dtok;
         k = next_hit(t->dtok, t->n_dtok, text, bits, t->cand_mask, k + 1)) {
        const tag_dtok *d = &t->dtok[k];
        while (p < n_old && t->m[p].span.start <= d->start) {
            busy = t->m[p].span.end > busy ? t->m[p].span.end : busy;
            p++;
        }
        if (busy > d->start) {
            continue;
        }
        while (s < n_sents && sents[s].end <= d->start) {
            s++;
        }
        size_t limit = p < n_old ? t->m[p].span.start : len;
        limit = s < n_sents && sents[s].end < limit ? sents[s].end : limit;
        const tag_cand *c = cand_at(t, text, len, k, limit);
        if (c) {
            t->sent = s;
            HNP_TRY(
                hnp_tag_emit(t, d->start, d->start + c->len, c->label, c->id, c->name, SIZE_MAX));
            busy = d->start + c->len;
        }
    }
    return HNP_OK;
}

/* Merges the mentions 0..n_old-1 and n_old..n_m-1, each in document order. */
static hnp_status merge_new(hnp_tagger *t, size_t n_old)
{
    size_t n = t->n_m;
    HNP_TRY(hnp_tag_grow((void **)&t->mm, &t->cap_mm, n, sizeof *t->mm));
    HNP_TRY(hnp_tag_grow((void **)&t->mm_id, &t->cap_mm_id, n, sizeof *t->mm_id));
    HNP_TRY(hnp_tag_grow((void **)&t->mm_keep, &t->cap_mm_keep, n, 1));
    for (size_t d = 0, e = n_old, o = 0; o < n; o++) {
        size_t x = d < n_old && (e == n || t->m[d].span.start < t->m[e].span.start) ? d++ : e++;
        t->mm[o] = t->m[x];
        t->mm_id[o] = t->m_id[x];
        t->mm_keep[o] = t->m_keep[x];
    }
    memcpy(t->m, t->mm, n * sizeof *t->m);
    memcpy(t->m_id, t->mm_id, n * sizeof *t->m_id);
    memcpy(t->m_keep, t->mm_keep, n);
    return HNP_OK;
}

/* Whether a drug mention overlaps bytes a..e-1 (mentions are in order, none overlap). */
static int drug_within(const hnp_tagger *t, size_t a, size_t e)
{
    for (size_t lo = mention_from(t, e); lo > 0 && t->m[lo - 1].span.end > a; lo--) {
        if (t->m[lo - 1].label == HNP_LABEL_DRUG) {
            return 1;
        }
    }
    return 0;
}

/* The long form at bytes a..e-1 names a substance measured in a body fluid: "serum
 * creatinine (SCr)", "plasma glucose (PG)"; its short form is the measure, no drug. */
static int measured_in(const uint8_t *text, size_t a, size_t e)
{
    static const char *const fluids[] = {"serum ", "plasma ", "blood ", "urinary ", "urine "};
    for (size_t k = 0; k < sizeof fluids / sizeof fluids[0]; k++) {
        size_t n = strlen(fluids[k]), j = 0;
        while (j < n && a + j < e && (text[a + j] | 0x20) == (uint8_t)fluids[k][j]) {
            j++;
        }
        if (j == n) {
            return 1;
        }
    }
    return 0;
}

/* Whether a mention of label in the document looks like a short form (no "(SF)" needs a
 * look otherwise). */
static int has_short(const hnp_tagger *t, const uint8_t *text, hnp_entity_label label)
{
    for (size_t x = 0; x < t->n_m; x++) {
        const hnp_mention *m = &t->m[x];
        size_t n = m->span.end - m->span.start, caps = 0;
        for (size_t i = m->span.start; i < m->span.end && n <= SF_MAX; i++) {
            caps += text[i] >= 'A' && text[i] <= 'Z';
        }
        if (m->label == label && n >= SF_MIN && n <= SF_MAX && caps >= 2) {
            return 1;
        }
    }
    return 0;
}

/* Whether the "(SF)" at bytes sf..sf+sn, its "(" at byte p of a sentence that starts at
 * byte a, is one that find_short_forms collects. */
typedef int (*sf_test)(const hnp_tagger *t, const uint8_t *text, size_t a, size_t p, size_t sf,
                       size_t sn);

/* Collects into set the short forms "(SF)" of the sentences that test accepts, when a
 * mention of label looks like a short form (the set judges those). */
static hnp_status find_short_forms(hnp_tagger *t, const uint8_t *text, size_t len,
                                   const hnp_span *sents, size_t n_sents, hnp_entity_label label,
                                   sf_test test, tag_sfset *set)
{
    set->n = 0;
    memset(set->bits, 0, sizeof set->bits);
    if (!has_short(t, text, label)) {
        return HNP_OK;
    }
    for (size_t s = 0; s < n_sents; s++) {
        size_t a = sents[s].start, e = sents[s].end;
        for (const uint8_t *q = memchr(text + a, '(', e - a); q;
             q = memchr(q + 1, '(', e - (size_t)(q + 1 - text))) {
            size_t p = (size_t)(q - text), sf = 0;
            size_t sn = short_form_at(text, len, p, &sf);
            if (!sn || !test(t, text, a, p, sf, sn)) {
                continue;
            }
            HNP_TRY(sfset_add(set, text, sf, sf + sn));
        }
    }
    return HNP_OK;
}

/* "(SF)" whose long form (Schwartz & Hearst's, as above) is no drug mention: "vasoactive
 * intestinal polypeptide (VIP)", where the model took no drug. */
static int defines_nodrug(const hnp_tagger *t, const uint8_t *text, size_t a, size_t p, size_t sf,
                          size_t sn)
{
    size_t end = p;
    while (end > a && text[end - 1] == ' ') {
        end--;
    }
    size_t lf = long_form_start(text, a, end, text + sf, sn);
    return lf != SIZE_MAX && (!drug_within(t, lf, end) || measured_in(text, lf, end));
}

/* Which mentions drop_where drops. */
typedef int (*drop_test)(const hnp_tagger *t, const uint8_t *text, const hnp_mention *m);

/* Drops the mentions of label that test says are none, keeping the others in order. */
static void drop_where(hnp_tagger *t, const uint8_t *text, hnp_entity_label label, drop_test test)
{
    size_t o = 0;
    for (size_t x = 0; x < t->n_m; x++) {
        if (t->m[x].label == label && test(t, text, &t->m[x])) {
            continue;
        }
        t->m[o] = t->m[x];
        t->m_id[o] = t->m_id[x];
        t->m_keep[o++] = t->m_keep[x];
    }
    t->n_m = o;
}

/* A drug mention whose text is a short form defined as no drug. */
static int nodrug_mention(const hnp_tagger *t, const uint8_t *text, const hnp_mention *m)
{
    return is_nodrug(t, text, text + m->span.start, m->span.end - m->span.start);
}

/* A condition mention whose text is a short form an enzyme's name defines (find_enzyme). */
static int is_enzyme_sf(const hnp_tagger *t, const uint8_t *text, const hnp_mention *m)
{
    return text_in(&t->enzyme, text, text + m->span.start, m->span.end - m->span.start);
}

/* A drug mention that names a protein (tag_protein.c). */
static int is_protein(const hnp_tagger *t, const uint8_t *text, const hnp_mention *m)
{
    (void)t;
    return hnp_tag_is_protein(text + m->span.start, m->span.end - m->span.start);
}

/* The word ending at byte end (spaces before end skipped, not before floor) is an enzyme's
 * name: letters ending in "ase" or "ases", six letters at least, none of the common words
 * with that ending. */
static int enzyme_before(const uint8_t *text, size_t floor, size_t end)
{
    static const char *const not_enzymes[] = {"disease",  "increase", "decrease", "release",
                                              "database", "purchase", "phase"};
    while (end > floor && text[end - 1] == ' ') {
        end--;
    }
    size_t a = end;
    while (a > floor && (hnp_ascii_props[text[a - 1]] & (HNP_ASCII_UPPER | HNP_ASCII_LOWER))) {
        a--;
    }
    size_t n = end - a;
    if (n > 0 && (text[end - 1] | 0x20) == 's') {
        n--; /* a plural, "hydroxylases": the six letters are counted without it */
    }
    if (n < 6 || !hnp_tag_word_ends(text, a, end, "ase")) {
        return 0;
    }
    for (size_t k = 0; k < sizeof not_enzymes / sizeof not_enzymes[0]; k++) {
        if (hnp_tag_word_ends(text, a, end, not_enzymes[k])) {
            return 0;
        }
    }
    return 1;
}

/* Whether the "(SF)" at bytes sf..sf+sn, its "(" at byte p, follows a condition that names a
 * deficiency of something ("deficiency of arylsulfatase A (ARSA)") and the letters of SF are
 * found in that something alone: SF names the enzyme or protein, not the deficiency ("(C2D)"
 * after "deficiency of complement protein C2" takes its D from "deficiency"). */
static int after_deficiency_object(const hnp_tagger *t, const uint8_t *text, size_t a, size_t p,
                                   size_t sf, size_t sn)
{
    size_t end = p;
    while (end > a && text[end - 1] == ' ') {
        end--;
    }
    size_t x = mention_from(t, end);
    if (x == 0 || t->m[x - 1].span.end != end || t->m[x - 1].label != HNP_LABEL_CONDITION) {
        return 0;
    }
    const hnp_mention *m = &t->m[x - 1];
    for (size_t q = m->span.start; q + 14 <= m->span.end; q++) {
        size_t o = memcmp(text + q, "deficiency of ", 14) == 0                              ? q + 14
                   : q + 16 <= m->span.end && memcmp(text + q, "deficiencies of ", 16) == 0 ? q + 16
                                                                                            : 0;
        if (o) {
            return long_form_start(text, o, end, text + sf, sn) != SIZE_MAX;
        }
    }
    return 0;
}

/* "(SF)" right after an enzyme's name: "phenylalanine hydroxylase (PAH)", or after the
 * object of a deficiency (after_deficiency_object). */
static int after_enzyme(const hnp_tagger *t, const uint8_t *text, size_t a, size_t p, size_t sf,
                        size_t sn)
{
    return enzyme_before(text, a, p) || after_deficiency_object(t, text, a, p, sf, sn);
}

/* The cause's letters of a short form at bytes sf..sf+sn, "GC" of "GC-HT": two to six
 * letters, a hyphen, then the condition's part of two or more bytes, letters and digits
 * with two capitals. Returns the cause's length with its hyphen, or 0. */
static size_t cause_prefix(const uint8_t *sf, size_t sn)
{
    size_t p = 0, caps = 0;
    while (p < sn && (hnp_ascii_props[sf[p]] & (HNP_ASCII_UPPER | HNP_ASCII_LOWER))) {
        p++;
    }
    if (p < 2 || p > 6 || p + 3 > sn || sf[p] != '-') {
        return 0;
    }
    for (size_t k = p + 1; k < sn; k++) {
        if (!(hnp_ascii_props[sf[k]] & HNP_ASCII_WORD)) {
            return 0;
        }
        caps += (hnp_ascii_props[sf[k]] & HNP_ASCII_UPPER) != 0;
    }
    return caps >= 2 ? p + 1 : 0;
}

/* "(P-S)" whose long form (the eight words before "(", in the sentence) says the condition
 * has a cause: a word ending in "-induced", "-associated" or "-related". */
static int after_cause(const hnp_tagger *t, const uint8_t *text, size_t a, size_t p, size_t sf,
                       size_t sn)
{
    static const char *const causes[] = {"-induced", "-associated", "-related"};
    (void)t;
    if (!cause_prefix(text + sf, sn)) {
        return 0;
    }
    size_t words = 0;
    for (size_t e = p; e > a && words < 8;) {
        while (e > a && is_space(text[e - 1])) {
            e--;
        }
        size_t b = e;
        while (b > a && !is_space(text[b - 1])) {
            b--;
        }
        for (size_t k = 0; k < sizeof causes / sizeof causes[0]; k++) {
            size_t n = strlen(causes[k]);
            if (e - b > n && memcmp(text + e - n, causes[k], n) == 0) {
                return 1;
            }
        }
        e = b;
        words++;
    }
    return 0;
}

/* Condition mentions whose text is a short form of t->cause lose the cause's letters. */
static void trim_causes(hnp_tagger *t, const uint8_t *text)
{
    for (size_t x = 0; x < t->n_m; x++) {
        hnp_mention *m = &t->m[x];
        size_t n = m->span.end - m->span.start;
        if (m->label == HNP_LABEL_CONDITION && text_in(&t->cause, text, text + m->span.start, n)) {
            m->span.start += cause_prefix(text + m->span.start, n);
        }
    }
}

/* The spreading, then the dropping: a condition does not take the place of a drug mention
 * that is dropped (the model's drug "APC" for the gene of "adenomatous polyposis coli
 * (APC)" stays out, and so does the condition's short form there). */
hnp_status hnp_tag_doc_consistency(hnp_tagger *t, const uint8_t *text, size_t len,
                                   const hnp_span *sents, size_t n_sents)
{
    /* proteins before the short forms are judged: "erythropoietin (EPO)" then defines no
     * drug, so EPO is none anywhere */
    drop_where(t, text, HNP_LABEL_DRUG, is_protein);
    HNP_TRY(
        find_short_forms(t, text, len, sents, n_sents, HNP_LABEL_DRUG, defines_nodrug, &t->nodrug));
    HNP_TRY(find_short_forms(t, text, len, sents, n_sents, HNP_LABEL_CONDITION, after_enzyme,
                             &t->enzyme));
    if (t->enzyme.n) {
        drop_where(t, text, HNP_LABEL_CONDITION, is_enzyme_sf);
    }
    HNP_TRY(collect(t, text, len, sents));
    if (t->n_cand > 0) {
        qsort(t->cand, t->n_cand, sizeof *t->cand, cand_cmp);
        HNP_TRY(cand_bitmap(t, text));
        size_t n_old = t->n_m;
        HNP_TRY(find_more(t, text, len, sents, n_sents));
        if (t->n_m > n_old) {
            HNP_TRY(merge_new(t, n_old));
        }
    }
    size_t n_old = t->n_m;
    HNP_TRY(hnp_tag_adjectives(t, text, sents, n_sents));
    if (t->n_m > n_old) {
        HNP_TRY(merge_new(t, n_old));
    }
    if (t->nodrug.n) {
        drop_where(t, text, HNP_LABEL_DRUG, nodrug_mention);
    }
    if (t->enzyme.n) { /* again: a condition before "(SF)" may have spread it */
        drop_where(t, text, HNP_LABEL_CONDITION, is_enzyme_sf);
    }
    HNP_TRY(find_short_forms(t, text, len, sents, n_sents, HNP_LABEL_CONDITION, after_cause,
                             &t->cause));
    if (t->cause.n) {
        trim_causes(t, text);
    }
    return HNP_OK;
}
