/* classify_scan.c -- byte-level scanners for the classify stage: phone numbers, prices,
 * company suffixes, and the lower-cased key that the phrase rules match against. */
#include "base/ascii.h"
#include "classify_internal.h"

#include <string.h>

static int is_digit(uint8_t c)
{
    return c >= '0' && c <= '9';
}

static int is_alpha(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(uint8_t c)
{
    return is_digit(c) || is_alpha(c);
}

/* A separator inside a number run. NUL counts too: the scan used to be
 * strchr(" -().+", c), which finds the terminator. A switch instead of a call a byte. */
static int is_run_sep(uint8_t c)
{
    switch (c) {
    case ' ':
    case '-':
    case '(':
    case ')':
    case '.':
    case '+':
    case '\0':
        return 1;
    default:
        return 0;
    }
}

/* Digit groups of one candidate number run. */
typedef struct numrun {
    unsigned digits, groups, yearlike, dots, longest;
    unsigned first_len, second_len;
    int first_year, last_year;
    size_t digits_end; /* one past the last digit (the run may end in separators) */
} numrun;

static int year_group(const uint8_t *g, size_t len)
{
    return len == 4 && ((g[0] == '1' && g[1] == '9') || (g[0] == '2' && g[1] == '0'));
}

static size_t read_run(const uint8_t *s, size_t n, size_t i, numrun *r)
{
    memset(r, 0, sizeof *r);
    while (i < n && (is_digit(s[i]) || is_run_sep(s[i]))) {
        if (!is_digit(s[i])) {
            r->dots += s[i] == '.';
            i++;
            continue;
        }
        size_t g = i;
        while (i < n && is_digit(s[i])) {
            i++;
        }
        size_t len = i - g;
        r->digits_end = i;
        r->digits += (unsigned)len;
        r->longest = len > r->longest ? (unsigned)len : r->longest;
        r->last_year = year_group(s + g, len);
        r->yearlike += (unsigned)r->last_year;
        if (r->groups == 0) {
            r->first_len = (unsigned)len;
            r->first_year = year_group(s + g, len);
        } else if (r->groups == 1) {
            r->second_len = (unsigned)len;
        }
        r->groups++;
    }
    return i;
}

/* A phone number: >= 7 digits in a run joined by phone separators, that is neither a
 * date (2009-04-09 09:58), a list of years, nor a decimal number. */
static int run_is_phone(const numrun *r)
{
    if (r->digits < 7 || r->digits > 16 || r->groups > 5 || r->longest < 3) {
        return 0; /* "14 11 6 15" is a score table: phone groups have 3+ digits */
    }
    if (r->first_year && r->second_len > 0 && r->second_len <= 2) {
        return 0;
    }
    if (r->yearlike == r->groups || r->dots == 1) {
        return 0;
    }
    if (r->groups == 3 && r->first_len <= 2 && r->second_len <= 2 && r->last_year) {
        return 0; /* 18.08.2016 */
    }
    return r->groups >= 2 || r->digits >= 10;
}

static int currency_at(const uint8_t *s, size_t n, size_t i, size_t *len)
{
    uint8_t c = s[i];
    if (c != '$' && c != 0xC2 && c != 0xE2 && c != 0xEF && c != 'U' && c != 'R' && c != 'C' &&
        c != 'E') {
        return 0; /* not the first byte of any sign below */
    }
    static const char *const signs[] = {
        "$",   "\xC2\xA3", "\xE2\x82\xAC", "\xC2\xA5", "\xEF\xBF\xA5", "\xE2\x82\xB9",
        "USD", "RMB",      "EUR",          "CNY"};
    for (size_t k = 0; k < sizeof signs / sizeof signs[0]; k++) {
        if ((uint8_t)signs[k][0] != c) {
            continue;
        }
        size_t l = strlen(signs[k]);
        if (i + l <= n && memcmp(s + i, signs[k], l) == 0) {
            *len = l;
            return 1;
        }
    }
    return 0;
}

/* Bytes at which scan_numbers may act: the first bytes of the currency signs, digits,
 * '+' and '('. Every other byte is stepped over. */
static const unsigned char number_lead[256] = {
    ['$'] = 1, [0xC2] = 1, [0xE2] = 1, [0xEF] = 1, ['U'] = 1, ['R'] = 1, ['C'] = 1,
    ['E'] = 1, ['0'] = 1,  ['1'] = 1,  ['2'] = 1,  ['3'] = 1, ['4'] = 1, ['5'] = 1,
    ['6'] = 1, ['7'] = 1,  ['8'] = 1,  ['9'] = 1,  ['+'] = 1, ['('] = 1};

void hnp_cls_scan_numbers(const uint8_t *s, size_t n, cls_feat *f)
{
    size_t i = 0;
    while (i < n) {
        /* four bytes a test while four are left: one branch for their four lookups */
        while (i + 4 <= n && !(number_lead[s[i]] | number_lead[s[i + 1]] | number_lead[s[i + 2]] |
                               number_lead[s[i + 3]])) {
            i += 4;
        }
        while (i < n && !number_lead[s[i]]) {
            i++;
        }
        if (i == n) {
            break;
        }
        size_t cl;
        if (currency_at(s, n, i, &cl)) {
            size_t j = i + cl;
            if (j < n && s[j] == ' ') {
                j++;
            }
            if (j < n && is_digit(s[j])) {
                f->price = 1;
            }
        }
        int starts = is_digit(s[i]) || s[i] == '+' || s[i] == '(';
        if (starts && (i == 0 || !is_alnum(s[i - 1]))) {
            numrun r;
            size_t j = read_run(s, n, i, &r);
            /* "555-0199 today" is a phone; "555-0199abc" is an id */
            if (run_is_phone(&r) && (r.digits_end >= n || !is_alpha(s[r.digits_end]))) {
                f->phone = 1;
            }
            i = j > i ? j : i + 1;
            continue;
        }
        i++;
    }
}

/* "Tel:", "Fax", "E-mail:", "Website:" ... between a company name and its numbers. */
static int contact_label(const uint8_t *w, size_t n)
{
    static const char *const labels[] = {"tel",     "fax",     "phone",    "mobile", "email",
                                         "e-mail",  "website", "web",      "url",    "add",
                                         "address", "hotline", "whatsapp", "wechat"};
    while (n > 0 && (w[n - 1] == ':' || w[n - 1] == '.' || w[n - 1] == ',')) {
        n--;
    }
    for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
        size_t l = strlen(labels[k]), j = 0;
        while (j < l && j < n && (w[j] | 0x20) == (uint8_t)labels[k][j]) {
            j++;
        }
        if (j == l && l == n) {
            return 1;
        }
    }
    return 0;
}

/* A run of trailer material: URLs, e-mail addresses, domains, numbers, punctuation.
 * A company name followed only by these is a footer ("… Co., Ltd , https://…"). */
static int rest_is_trailer(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t t = i;
        while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') {
            i++;
        }
        int letters = 0, linkish = 0;
        for (size_t j = t; j < i; j++) {
            letters += is_alpha(s[j]) || s[j] >= 0x80;
            linkish |= s[j] == '.' || s[j] == '@' || s[j] == '/';
        }
        if (letters > 0 && !linkish && !contact_label(s + t, i - t)) {
            return 0;
        }
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) {
            i++;
        }
    }
    return 1;
}

/* The Latin suffix must follow a capitalized word: "Jatcorp Ltd", not "limited data". */
static int after_name(const uint8_t *s, size_t at)
{
    size_t i = at;
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == ',' || s[i - 1] == '&')) {
        i--;
    }
    if (i == at || i == 0) {
        return 0;
    }
    while (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\n') {
        i--;
    }
    return (s[i] >= 'A' && s[i] <= 'Z') || s[i] >= 0x80 || is_digit(s[i]);
}

static const char *const company_suffixes[] = {
    "Co., Ltd", "Co.,Ltd", "Co. Ltd", "Co.Ltd", "Ltd",   "LTD",  "Limited",
    "Inc",      "INC",     "LLC",     "L.L.C",  "GmbH",  "Corp", "Corporation",
    "PLC",      "Plc",     "Pty",     "S.A.",   "S.p.A", "B.V.", "Pvt"};

/* The first position from i whose byte is in 'B'..'S' (where a company suffix may start),
 * or n. Eight bytes at a time while none of them is. */
static size_t next_suffix_lead(const uint8_t *s, size_t i, size_t n, int reference)
{
    for (; !reference && i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        if (hnp_ascii_lanes_between(v, 'A', 'T')) {
            break;
        }
    }
    while (i < n && (s[i] < 'B' || s[i] > 'S')) {
        i++;
    }
    return i;
}

/* The last company suffix in s (its start; *mend its end), or (size_t)-1. One pass over
 * the positions: only a word start whose letter begins some suffix is tried. */
static size_t find_company(const uint8_t *s, size_t n, int reference, size_t *mend)
{
    size_t best = (size_t)-1;
    size_t ns = sizeof company_suffixes / sizeof company_suffixes[0];
    for (size_t i = next_suffix_lead(s, 0, n, reference); i < n;
         i = next_suffix_lead(s, i + 1, n, reference)) {
        uint8_t c = s[i]; /* 'B'..'S': lower case, digits, blanks begin no suffix */
        int lead = c == 'C' || c == 'L' || c == 'I' || c == 'G' || c == 'P' || c == 'S' || c == 'B';
        if (!lead || (i > 0 && is_alpha(s[i - 1]))) {
            continue;
        }
        for (size_t k = 0; k < ns; k++) {
            const char *suf = company_suffixes[k];
            if (s[i] != (uint8_t)suf[0]) {
                continue;
            }
            size_t l = strlen(suf);
            if (i + l > n || memcmp(s + i, suf, l) != 0 || (i + l < n && is_alpha(s[i + l])) ||
                !after_name(s, i)) {
                continue;
            }
            if (best == (size_t)-1 || i + l > *mend) {
                best = i;
                *mend = i + l;
            }
        }
    }
    return best;
}

void hnp_cls_scan_company(const uint8_t *s, size_t n, int reference, cls_feat *f)
{
    static const char cjk_company[] = "\xE6\x9C\x89\xE9\x99\x90\xE5\x85\xAC\xE5\x8F\xB8";
    size_t mend = 0;
    size_t at = find_company(s, n, reference, &mend);
    if (at == (size_t)-1) {
        /* No ASCII letter in the needle: the exact search finds what find_ci would. */
        at = hnp_cls_find_lower((const char *)s, n, cjk_company);
        mend = at == (size_t)-1 ? 0 : at + sizeof cjk_company - 1;
    }
    if (at == (size_t)-1) {
        return;
    }
    f->company = 1;
    while (mend < n && s[mend] == '.') {
        mend++;
    }
    f->company_end = rest_is_trailer(s + mend, n - mend);
}

size_t hnp_cls_find_ci(const char *hay, size_t n, const char *needle)
{
    size_t l = strlen(needle);
    if (l == 0 || l > n) {
        return l == 0 ? 0 : (size_t)-1;
    }
    char first = needle[0];
    for (size_t i = 0; i + l <= n; i++) {
        char a = hay[i];
        if (a >= 'A' && a <= 'Z') {
            a = (char)(a + 32);
        }
        if (a != first) {
            continue; /* most positions fail here, without a call */
        }
        size_t j = 1;
        while (j < l) {
            char b = hay[i + j];
            if (b >= 'A' && b <= 'Z') {
                b = (char)(b + 32);
            }
            if (b != needle[j]) {
                break;
            }
            j++;
        }
        if (j == l) {
            return i;
        }
    }
    return (size_t)-1;
}

void hnp_cls_key_bigrams(cls_key *k)
{
    memset(k->bigrams, 0, sizeof k->bigrams);
    for (size_t j = 1; j < k->len; j++) {
        size_t bit = cls_bigram_bit((uint8_t)k->s[j - 1], (uint8_t)k->s[j]);
        k->bigrams[bit / 64] |= (uint64_t)1 << (bit % 64);
    }
}

size_t hnp_cls_find_lower(const char *hay, size_t n, const char *needle)
{
    size_t l = strlen(needle);
    if (l == 0 || l > n) {
        return l == 0 ? 0 : (size_t)-1;
    }
    const char *p = hay, *end = hay + n - l + 1;
    while (p < end && (p = memchr(p, needle[0], (size_t)(end - p))) != NULL) {
        if (memcmp(p, needle, l) == 0) {
            return (size_t)(p - hay);
        }
        p++;
    }
    return (size_t)-1;
}

/* A byte string with its length, for tables scanned once per sentence. */
typedef struct lit {
    const char *s;
    size_t len;
} lit;

/* Leading list markers that Lynx and scrapers put before nav items. */
static size_t skip_bullets(const uint8_t *s, size_t n)
{
    static const lit marks[] = {
        {"* ", 2},           {"+ ", 2},           {"o ", 2},
        {"# ", 2},           {"- ", 2},           {"| ", 2},
        {"> ", 2},           {"\xE2\x80\xA2", 3}, /* bullet */
        {"\xC2\xB7", 2},                          /* middle dot */
        {"\xC2\xBB", 2},     {"\xC2\xAB", 2},     {"\xE2\x80\xBA", 3},
        {"\xE2\x80\xB9", 3}, {"\xE2\x86\x90", 3}, {"\xE2\x86\x92", 3}}; /* arrows */
    size_t i = 0, prev = (size_t)-1;
    while (i < n && i != prev) {
        prev = i;
        while (i < n && (s[i] == ' ' || s[i] == '\t')) {
            i++;
        }
        for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
            size_t l = marks[k].len;
            if (i + l <= n && s[i] == (uint8_t)marks[k].s[0] && memcmp(s + i, marks[k].s, l) == 0) {
                i += l;
                break;
            }
        }
    }
    return i;
}

static void trim_key_end(cls_key *k)
{
    static const lit tails[] = {{" ", 1},
                                {":", 1},
                                {"|", 1},
                                {">", 1},
                                {"-", 1},
                                {"\xC2\xBB", 2},
                                {"\xE2\x80\xBA", 3},
                                {"\xE2\x80\x93", 3},
                                {"\xE2\x80\x94", 3},
                                {"\xE2\x80\xA2", 3},
                                {"\xE2\x86\x92", 3}};
    int again = 1;
    while (again && k->len > 0) {
        again = 0;
        for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
            size_t l = tails[t].len;
            if (k->len >= l && k->s[k->len - 1] == tails[t].s[l - 1] &&
                memcmp(k->s + k->len - l, tails[t].s, l) == 0) {
                k->len -= l;
                again = 1;
            }
        }
    }
    k->s[k->len] = '\0';
}

/* Eight bytes at a time (SWAR: each byte a lane of a 64-bit word). */
static const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;

/* 1 if the eight bytes at p, after a visible byte, go into the key as they are (but for
 * case): no control or tab or line break, no 0xC2 (a no-break space's lead byte), no two
 * spaces side by side and no space last, so each space is the single one the key keeps.
 * A lane's top bit survives the subtraction only when its byte was below the bound (a
 * borrow into the next lane needs a hit in this one); a zero lane is one whose low seven
 * bits plus 0x7F, or'ed with the byte, leave the top bit clear. */
static int plain8(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    uint64_t below = (v - ones * 0x20) & ~v & highs;
    uint64_t x = v ^ (ones * 0xC2), y = v ^ (ones * 0x20);
    uint64_t c2 = ~(((x & ~highs) + ~highs) | x) & highs;
    uint64_t sp = ~(((y & ~highs) + ~highs) | y) & highs;
    return (below | c2 | (sp & sp << 8) | (sp >> 56)) == 0;
}

/* The eight bytes with A-Z lower-cased, the others kept (a lane's top bit >> 2 is 0x20). */
static uint64_t lower8(uint64_t v)
{
    return v | hnp_ascii_lanes_between(v, 'A' - 1, 'Z' + 1) >> 2;
}

#ifdef __SSE2__
/* plain8 for the sixteen bytes at p: with v lower-cased into *low when so. Bytes below
 * 0x20 are those that the unsigned max with 0x20 changes. */
static int plain16(const uint8_t *p, __m128i *low)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i blank = _mm_set1_epi8(0x20);
    __m128i visible = _mm_cmpeq_epi8(_mm_max_epu8(v, blank), v);
    __m128i c2 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2));
    unsigned bad = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(c2, visible)) ^ 0xFFFFu;
    unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, blank));
    if (bad || (sp & sp << 1) || (sp & 0x8000u)) {
        return 0;
    }
    __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - 'A'))),
                                   _mm_set1_epi8((char)(-128 + 26)));
    *low = _mm_or_si128(v, _mm_and_si128(upper, blank));
    return 1;
}
#endif

void hnp_cls_make_key(const uint8_t *s, size_t n, cls_key *k)
{
    hnp_cls_make_key_as(s, n, 0, k);
}

void hnp_cls_make_key_as(const uint8_t *s, size_t n, int reference, cls_key *k)
{
    size_t i = skip_bullets(s, n);
    k->skip = i;
    char *o = k->s;
    size_t len = 0; /* kept local: a store through o could alias k->len */
    int space = 0;
    for (; i < n && len < CLS_KEY_MAX; i++) {
        uint8_t c = s[i];
        int ws = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (!ws && c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {
            ws = 1;
            i++;
        }
        if (ws) {
            space = len > 0;
            continue;
        }
        if (space && len < CLS_KEY_MAX) {
            o[len++] = ' ';
        }
        space = 0;
        if (len < CLS_KEY_MAX) {
            o[len++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        /* Words with single spaces between them need none of the tests above: sixteen or
         * eight bytes at a time; then the rest of a run of visible bytes (neither blank nor a
         * no-break space's lead byte) one by one. */
#ifdef __SSE2__
        __m128i low;
        while (!reference && i + 17 <= n && len + 16 <= CLS_KEY_MAX && plain16(s + i + 1, &low)) {
            _mm_storeu_si128((__m128i *)(void *)(o + len), low);
            len += 16;
            i += 16;
        }
#endif
        while (!reference && i + 9 <= n && len + 8 <= CLS_KEY_MAX && plain8(s + i + 1)) {
            uint64_t v;
            memcpy(&v, s + i + 1, 8);
            v = lower8(v);
            memcpy(o + len, &v, 8);
            len += 8;
            i += 8;
        }
        while (i + 1 < n && len < CLS_KEY_MAX && s[i + 1] > ' ' && s[i + 1] != 0xC2) {
            c = s[++i];
            o[len++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
    k->len = len;
    trim_key_end(k);
}
