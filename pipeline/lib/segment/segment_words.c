/* segment_words.c -- the word lists behind the English rules, compiled in.
 *
 * Provenance: written for hnpipe by hand. The abbreviation classes follow the idea of
 * pragmatic_segmenter (MIT, Kevin S. Dias): prepositive titles never end a sentence,
 * number abbreviations (No., p., Fig., Jan.) go on before a number but end before a
 * capital, and other abbreviations (Co., Inc., U.S.) end one only before a typical
 * sentence starter. The lists are short on purpose: each entry is a word whose period is
 * more often an abbreviation than a full stop in news text. Measured with
 * scripts/eval_sentences.py on the Golden Rules and the UD dev documents. */
#include "segment_internal.h"

#include <stddef.h>
#include <string.h>

typedef struct word_kind {
    const char *w; /* lowercase */
    seg_abbr kind;
} word_kind;

/* Sorted by bytes (bisection; hnp_seg_words_sorted checks it). The kinds: TITLE before names
 * (Dr., Prof., St.), NEVER always continued (e.g., vs., cf., approx.), NUMBER before numbers
 * (No., p., Fig., Jan.), OTHER postpositive (Co., Inc., Jr., units as "2 mg. kg(-1)",
 * weekdays as "Sat. Sept. 23"), TIME a.m. and p.m. */
static const word_kind abbrevs[] = {
    {"a.m", SEG_A_TIME},
    {"adm", SEG_A_TITLE},
    {"al", SEG_A_OTHER},
    {"amb", SEG_A_TITLE},
    {"approx", SEG_A_NEVER},
    {"apr", SEG_A_NUMBER},
    {"apt", SEG_A_NUMBER},
    {"art", SEG_A_NUMBER},
    {"assn", SEG_A_OTHER},
    {"assoc", SEG_A_OTHER},
    {"atty", SEG_A_TITLE},
    {"aug", SEG_A_NUMBER},
    {"ave", SEG_A_OTHER},
    {"avg", SEG_A_OTHER},
    {"blvd", SEG_A_OTHER},
    {"brig", SEG_A_TITLE},
    {"bros", SEG_A_OTHER},
    {"c", SEG_A_NEVER},
    {"ca", SEG_A_NEVER},
    {"capt", SEG_A_TITLE},
    {"cf", SEG_A_NEVER},
    {"ch", SEG_A_NUMBER},
    {"chap", SEG_A_NUMBER},
    {"cm", SEG_A_OTHER},
    {"cmdr", SEG_A_TITLE},
    {"co", SEG_A_OTHER},
    {"col", SEG_A_TITLE},
    {"corp", SEG_A_OTHER},
    {"cpl", SEG_A_TITLE},
    {"dec", SEG_A_NUMBER}, /* company and other postpositive abbreviations */
    {"dept", SEG_A_OTHER},
    {"det", SEG_A_TITLE},
    {"dir", SEG_A_OTHER},
    {"dist", SEG_A_OTHER},
    {"div", SEG_A_OTHER},
    {"dl", SEG_A_OTHER},
    {"dr", SEG_A_TITLE},
    {"e.g", SEG_A_NEVER},
    {"ed", SEG_A_NUMBER},
    {"eds", SEG_A_NUMBER},
    {"eg", SEG_A_NEVER},
    {"eq", SEG_A_NUMBER},
    {"esq", SEG_A_OTHER}, /* always continued */
    {"est", SEG_A_OTHER},
    {"etc", SEG_A_NUMBER}, /* ends a list, so mostly the sentence: stop before a capital */
    {"ext", SEG_A_NUMBER},
    {"feb", SEG_A_NUMBER},
    {"fig", SEG_A_NUMBER},
    {"figs", SEG_A_NUMBER},
    {"fr", SEG_A_TITLE},
    {"fri", SEG_A_OTHER},
    {"ft", SEG_A_TITLE},
    {"gen", SEG_A_TITLE},
    {"gov", SEG_A_TITLE},
    {"govt", SEG_A_OTHER},
    {"hon", SEG_A_TITLE},
    {"hr", SEG_A_OTHER},
    {"hrs", SEG_A_OTHER},
    {"hwy", SEG_A_OTHER},
    {"i.e", SEG_A_NEVER},
    {"inc", SEG_A_OTHER},
    {"incl", SEG_A_NEVER},
    {"insp", SEG_A_TITLE},
    {"intl", SEG_A_OTHER},
    {"iu", SEG_A_OTHER},
    {"jan", SEG_A_NUMBER},
    {"jr", SEG_A_OTHER},
    {"jul", SEG_A_NUMBER},
    {"jun", SEG_A_NUMBER},
    {"kcal", SEG_A_OTHER},
    {"kg", SEG_A_OTHER},
    {"km", SEG_A_OTHER},
    {"lb", SEG_A_OTHER},
    {"lbs", SEG_A_OTHER},
    {"lt", SEG_A_TITLE},
    {"ltd", SEG_A_OTHER},
    {"maj", SEG_A_TITLE},
    {"mar", SEG_A_NUMBER},
    {"max", SEG_A_OTHER},
    {"mcg", SEG_A_OTHER},
    {"messrs", SEG_A_TITLE},
    {"mfg", SEG_A_OTHER},
    {"mg", SEG_A_OTHER},
    {"mgr", SEG_A_OTHER},
    {"min", SEG_A_OTHER},
    {"ml", SEG_A_OTHER},
    {"mlle", SEG_A_TITLE},
    {"mm", SEG_A_OTHER},
    {"mme", SEG_A_TITLE},
    {"mmol", SEG_A_OTHER},
    {"mol", SEG_A_OTHER},
    {"mon", SEG_A_OTHER},
    {"mos", SEG_A_OTHER},
    {"mr", SEG_A_TITLE},
    {"mrs", SEG_A_TITLE},
    {"ms", SEG_A_TITLE},
    {"msgr", SEG_A_TITLE},
    {"mt", SEG_A_TITLE},
    {"natl", SEG_A_OTHER},
    {"ng", SEG_A_OTHER},
    {"no", SEG_A_NUMBER},
    {"nos", SEG_A_NUMBER},
    {"nov", SEG_A_NUMBER},
    {"nr", SEG_A_NUMBER},
    {"n\xC2\xB0", SEG_A_NUMBER},
    {"n\xC2\xBA", SEG_A_NUMBER},
    {"oct", SEG_A_NUMBER},
    {"op", SEG_A_NUMBER},
    {"oz", SEG_A_OTHER},
    {"p", SEG_A_NUMBER},
    {"p.m", SEG_A_TIME},
    {"para", SEG_A_NUMBER},
    {"pg", SEG_A_NUMBER},
    {"ph", SEG_A_NUMBER},
    {"plc", SEG_A_OTHER},
    {"pp", SEG_A_NUMBER},
    {"pres", SEG_A_TITLE},
    {"prof", SEG_A_TITLE},
    {"pt", SEG_A_NUMBER},
    {"pvt", SEG_A_TITLE},
    {"rd", SEG_A_OTHER},
    {"ref", SEG_A_NUMBER},
    {"rep", SEG_A_TITLE},
    {"resp", SEG_A_NEVER}, /* before numbers */
    {"rev", SEG_A_TITLE},
    {"sat", SEG_A_OTHER},
    {"sec", SEG_A_NUMBER},
    {"sect", SEG_A_NUMBER},
    {"sen", SEG_A_TITLE},
    {"sep", SEG_A_NUMBER},
    {"sept", SEG_A_NUMBER},
    {"sgt", SEG_A_TITLE},
    {"sr", SEG_A_OTHER},
    {"st", SEG_A_TITLE},
    {"ste", SEG_A_NUMBER},
    {"sun", SEG_A_OTHER},
    {"supt", SEG_A_TITLE},
    {"tel", SEG_A_NUMBER},
    {"thu", SEG_A_OTHER},
    {"thur", SEG_A_OTHER},
    {"thurs", SEG_A_OTHER},
    {"tue", SEG_A_OTHER},
    {"tues", SEG_A_OTHER},
    {"univ", SEG_A_OTHER},
    {"v", SEG_A_NEVER},
    {"viz", SEG_A_NEVER},
    {"vol", SEG_A_NUMBER},
    {"vols", SEG_A_NUMBER},
    {"vs", SEG_A_NEVER},
    {"wed", SEG_A_OTHER},
    {"wk", SEG_A_OTHER},  /* units, written with a period by some ("2 mg. kg(-1)") */
    {"wks", SEG_A_OTHER}, /* weekdays ("Sat. Sept. 23") */
    {"yr", SEG_A_OTHER},
    {"yrs", SEG_A_OTHER},
};

/* Sorted (bisection; hnp_seg_words_sorted checks it). Capitalized function words and sentence
 * adverbs: after an ambiguous abbreviation
 * ("I live in the U.S. How about you?") they signal a new sentence, while a capitalized
 * content word is more likely a name ("the U.S. Government"). */
static const char *const starters[] = {
    "a",         "according", "additionally", "after",       "again",  "all",          "also",
    "although",  "an",        "and",          "another",     "any",    "as",           "at",
    "because",   "before",    "being",        "besides",     "both",   "but",          "currently",
    "did",       "do",        "does",         "during",      "each",   "even",         "every",
    "finally",   "for",       "further",      "furthermore", "he",     "her",          "here",
    "his",       "how",       "however",      "i",           "if",     "in",           "indeed",
    "instead",   "it",        "its",          "later",       "let",    "many",         "meanwhile",
    "millions",  "more",      "moreover",     "most",        "my",     "nevertheless", "nor",
    "not",       "now",       "on",           "once",        "one",    "only",         "our",
    "overall",   "please",    "previously",   "recently",    "she",    "since",        "so",
    "some",      "still",     "such",         "thank",       "thanks", "that",         "the",
    "their",     "then",      "there",        "therefore",   "these",  "they",         "this",
    "those",     "though",    "thus",         "today",       "we",     "what",         "when",
    "where",     "whether",   "which",        "while",       "who",    "why",          "with",
    "yesterday", "yet",       "you",          "your",
};

static const char *const connectors[] = {
    "of", "and", "for", "the", "de", "del", "der", "van", "von", "du",
    "la", "le",  "y",   "da",  "di", "&",   "-",   "on",  "in",  "at",
};

static const char *const prepositions[] = {
    "on", "at", "by", "from", "until", "till", "since", "before", "after", "of", "to", "through",
};

static const char *const months[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
};

static const char *const weekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

static const char *const zones[] = {
    "et",  "est", "edt", "ct",  "cst", "cdt",  "mt",  "mst", "mdt",  "pt",  "pst",
    "pdt", "gmt", "utc", "bst", "cet", "cest", "ist", "jst", "aest", "hkt", "sgt",
};

/* Copies an ASCII word lowercased into buf (NUL-terminated); false when too long. Non-ASCII
 * bytes are copied unchanged, which is what the few non-ASCII entries (N°) need. */
static bool lower_word(const uint8_t *w, size_t len, char *buf, size_t cap)
{
    if (len == 0 || len >= cap) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        uint8_t c = w[i];
        buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[len] = '\0';
    return true;
}

static bool in_list(const char *const *list, size_t n, const uint8_t *w, size_t len)
{
    char buf[24];
    if (!lower_word(w, len, buf, sizeof buf)) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (list[i][0] == buf[0] && strcmp(list[i], buf) == 0) {
            return true;
        }
    }
    return false;
}

#define IN_LIST(list, w, len) in_list((list), sizeof(list) / sizeof((list)[0]), (w), (len))

/* "U.S", "Ph.D", "U.S.A": letter groups of one to three joined by periods. */
static bool is_multi_period(const uint8_t *w, size_t len)
{
    size_t run = 0, dots = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = w[i];
        if (c == '.') {
            if (run == 0) {
                return false;
            }
            dots++;
            run = 0;
        } else if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && run < 3) {
            run++;
        } else {
            return false;
        }
    }
    return dots > 0 && run > 0;
}

/* "U.S." and "Ph.D." stand before nouns (a boundary only before a sentence starter), while
 * lowercase dosing and route abbreviations ("i.v.", "b.i.d.", "p.o.") end clauses, so a
 * capital after them starts a sentence. */
static seg_abbr multi_period_kind(const uint8_t *w, size_t len)
{
    if (!is_multi_period(w, len)) {
        return SEG_A_NONE;
    }
    for (size_t i = 0; i < len; i++) {
        if (w[i] >= 'A' && w[i] <= 'Z') {
            return SEG_A_OTHER;
        }
    }
    return SEG_A_NUMBER;
}

/* strcmp's order, inline: the libc call for the few bytes of a table word cost more than
 * the comparison (the two tables below are searched at most sentence heads and periods). */
static int cmp_bytes(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

/* Bisection of the n sorted strings whose pointers are at base + i * stride (the string
 * array itself, or the first field of a table's rows): the index of key, or n. */
static size_t find_sorted(const char *key, const void *base, size_t n, size_t stride)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *w;
        memcpy(&w, (const char *)base + mid * stride, sizeof w);
        int c = cmp_bytes(key, w);
        if (c == 0) {
            return mid;
        }
        if (c < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return n;
}

seg_abbr hnp_seg_abbrev(const uint8_t *w, size_t len)
{
    char buf[24];
    if (len == 1 && w[0] >= 'A' && w[0] <= 'Z') {
        return SEG_A_INITIAL; /* before the table: "Edwin P. Wilson" is not "p. 55" */
    }
    if (len > 6) {
        return multi_period_kind(w, len); /* longer than any entry */
    }
    if (!lower_word(w, len, buf, sizeof buf)) {
        return SEG_A_NONE;
    }
    size_t n = sizeof abbrevs / sizeof abbrevs[0];
    _Static_assert(offsetof(word_kind, w) == 0, "find_sorted reads w at a row's start");
    size_t hit = find_sorted(buf, abbrevs, n, sizeof abbrevs[0]);
    if (hit < n) {
        return abbrevs[hit].kind;
    }
    if (len == 1 && w[0] >= 'a' && w[0] <= 'z') {
        return SEG_A_OTHER; /* "(b. March 2009)", "(m. 1949)", "plan b. The" */
    }
    return multi_period_kind(w, len);
}

bool hnp_seg_is_starter(const uint8_t *w, size_t len)
{
    char buf[24];
    if (!lower_word(w, len, buf, sizeof buf)) {
        return false;
    }
    /* the longest list, looked up for most sentence heads: kept sorted for bisection */
    size_t n = sizeof starters / sizeof starters[0];
    return find_sorted(buf, starters, n, sizeof starters[0]) < n;
}

bool hnp_seg_words_sorted(void)
{
    for (size_t i = 1; i < sizeof starters / sizeof starters[0]; i++) {
        if (strcmp(starters[i - 1], starters[i]) >= 0) {
            return false;
        }
    }
    for (size_t i = 1; i < sizeof abbrevs / sizeof abbrevs[0]; i++) {
        if (strcmp(abbrevs[i - 1].w, abbrevs[i].w) >= 0) {
            return false;
        }
    }
    return true;
}

bool hnp_seg_is_connector(const uint8_t *w, size_t len)
{
    return IN_LIST(connectors, w, len);
}

/* Whether the ASCII letter c, in either case, is one of the lower-case letters of the
 * 26-bit set (bit 0 'a'): the first letters of the month and weekday names rule out most
 * words before they are lowered and compared. */
static bool initial_in(uint8_t c, uint32_t set)
{
    unsigned k = (unsigned)(c | 0x20) - 'a';
    return k < 26 && ((set >> k) & 1);
}

#define LETTER(c) (UINT32_C(1) << ((c) - 'a'))

int hnp_seg_month(const uint8_t *w, size_t len)
{
    char buf[24];
    if (len > 0 && w[len - 1] == '.') {
        len--;
    }
    const uint32_t initials = LETTER('j') | LETTER('f') | LETTER('m') | LETTER('a') | LETTER('s') |
                              LETTER('o') | LETTER('n') | LETTER('d');
    /* the second letter each initial allows: ja ju fe ma ap au se oc no de */
    static const uint32_t seconds[26] = {['a' - 'a'] = LETTER('p') | LETTER('u'),
                                         ['d' - 'a'] = LETTER('e'),
                                         ['f' - 'a'] = LETTER('e'),
                                         ['j' - 'a'] = LETTER('a') | LETTER('u'),
                                         ['m' - 'a'] = LETTER('a'),
                                         ['n' - 'a'] = LETTER('o'),
                                         ['o' - 'a'] = LETTER('c'),
                                         ['s' - 'a'] = LETTER('e')};
    /* a month's name or its start: 3 to 9 letters ("september") */
    if (len < 3 || len > 9 || !initial_in(w[0], initials) ||
        !initial_in(w[1], seconds[(w[0] | 0x20) - 'a']) || !lower_word(w, len, buf, sizeof buf)) {
        return 0;
    }
    for (size_t i = 0; i < 12; i++) {
        if (months[i][0] != buf[0]) {
            continue;
        }
        /* Full name, three letters (Aug), or Sept. */
        if (strncmp(months[i], buf, len) == 0 &&
            (len == 3 || months[i][len] == '\0' || strcmp(buf, "sept") == 0)) {
            return (int)i + 1;
        }
    }
    return 0;
}

bool hnp_seg_is_weekday(const uint8_t *w, size_t len)
{
    char buf[24];
    if (len > 0 && (w[len - 1] == ',' || w[len - 1] == '.')) {
        len--;
    }
    const uint32_t initials = LETTER('m') | LETTER('t') | LETTER('w') | LETTER('f') | LETTER('s');
    /* the second letter each initial allows: mo tu th we fr sa su */
    static const uint32_t seconds[26] = {['f' - 'a'] = LETTER('r'),
                                         ['m' - 'a'] = LETTER('o'),
                                         ['s' - 'a'] = LETTER('a') | LETTER('u'),
                                         ['t' - 'a'] = LETTER('u') | LETTER('h'),
                                         ['w' - 'a'] = LETTER('e')};
    /* a weekday's name or its start: 3 to 9 letters ("wednesday") */
    if (len < 3 || len > 9 || !initial_in(w[0], initials) ||
        !initial_in(w[1], seconds[(w[0] | 0x20) - 'a']) || !lower_word(w, len, buf, sizeof buf)) {
        return false;
    }
    for (size_t i = 0; i < 7; i++) {
        if (weekdays[i][0] != buf[0]) {
            continue;
        }
        if (strncmp(weekdays[i], buf, len) == 0 &&
            (len == 3 || weekdays[i][len] == '\0' || strcmp(buf, "tues") == 0 ||
             strcmp(buf, "thur") == 0 || strcmp(buf, "thurs") == 0)) {
            return true;
        }
    }
    return false;
}

#undef LETTER

bool hnp_seg_is_preposition(const uint8_t *w, size_t len)
{
    return IN_LIST(prepositions, w, len);
}

bool hnp_seg_is_timezone(const uint8_t *w, size_t len)
{
    return IN_LIST(zones, w, len);
}
