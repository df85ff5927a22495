/* tag_protein.c -- mentions that name a protein: cytokines, growth factors, protein
 * hormones, immunoglobulins and enzymes.
 *
 * DrugBank lists biologics beside small molecules ("Erythropoietin", "Interleukin 3",
 * "Alkaline Phosphatase" are DrugBank drugs), and the model takes them as drugs; the
 * corpora it is trained on mark chemicals, not proteins: on the training part of
 * bc5cdr-train no cytokine, enzyme or protein hormone is a gold Chemical, while a drug made
 * of one is ("pegylated interferon", "antithymocyte globulin"), as is a class of drugs
 * that acts on one ("angiotensin-converting enzyme inhibitors"). The test is on the words,
 * so it also covers the model's own mentions that no lexicon has: a word that ends in one
 * of the protein families' endings ("interleukin", "-poietin", "-tropin", enzyme families
 * such as "-phosphatase", "-dehydrogenase"), or a "growth/stimulating/necrosis factor"
 * (or hormone, or a natriuretic peptide: ANP, BNP, CNP are no gold chemicals either), and
 * no word that makes it a drug ("inhibitor", "pegylated").
 *
 * Layering: called by tag_doc.c; calls nothing of the tagger. */
#include "tag_internal.h"

#include "base/ascii.h"

#include <string.h>

static uint8_t lower(uint8_t c)
{
    return c >= 'A' && c <= 'Z' ? (uint8_t)(c + 32) : c;
}

static int is_letter(uint8_t c)
{
    return (hnp_ascii_props[c] & (HNP_ASCII_UPPER | HNP_ASCII_LOWER)) != 0;
}

int hnp_tag_word_ends(const uint8_t *s, size_t a, size_t e, const char *w)
{
    size_t k = strlen(w);
    if (e - a > k && lower(s[e - 1]) == 's' && lower(s[e - 2]) == (uint8_t)w[k - 1]) {
        e--;
    }
    if (e - a < k) {
        return 0;
    }
    for (size_t j = 0; j < k; j++) {
        if (lower(s[e - k + j]) != (uint8_t)w[j]) {
            return 0;
        }
    }
    return 1;
}

static int any_end(const uint8_t *s, size_t a, size_t e, const char *const *w, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (hnp_tag_word_ends(s, a, e, w[k])) {
            return 1;
        }
    }
    return 0;
}

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* The word s[a..e) ends like a protein family's name; cheap for most words, whose last
 * letter ends none ("n" or "e", before a plural "s"). */
static int protein_word(const uint8_t *s, size_t a, size_t e)
{
    static const char *const n_ends[] = {"interleukin", "poietin", "tropin", "immunoglobulin"};
    static const char *const e_ends[] = {
        "phosphatase", "transferase", "dehydrogenase", "reductase", "oxidase",     "synthase",
        "synthetase",  "peptidase",   "lipase",        "isomerase", "hydrolase",   "cyclase",
        "polymerase",  "carboxylase", "oxygenase",     "deaminase", "transaminase"};
    if (e - a > 1 && lower(s[e - 1]) == 's') {
        e--; /* a plural: hnp_tag_word_ends takes the "s" off again */
    }
    if (e - a < 4) {
        return 0;
    }
    uint8_t last = lower(s[e - 1]);
    if (last == 'n') {
        return any_end(s, a, e, n_ends, N_OF(n_ends));
    }
    /* Every enzyme ending ends in "ase". */
    return last == 'e' && lower(s[e - 2]) == 's' && lower(s[e - 3]) == 'a' &&
           any_end(s, a, e, e_ends, N_OF(e_ends));
}

/* The word s[a..e) is one that makes a protein's name a drug's: a drug made of it or one
 * acting on it. */
static int drug_word(const uint8_t *s, size_t a, size_t e)
{
    static const char *const words[] = {"inhibitor", "blocker",   "antagonist",
                                        "agonist",   "pegylated", "peginterferon"};
    return any_end(s, a, e, words, N_OF(words));
}

/* "growth factor", "colony-stimulating factor", "tumor necrosis factor", "growth
 * hormone", "natriuretic peptide": s[a..e) is a factor, peptide or hormone after one of
 * those words (s[pa..pe)). */
static int protein_factor(const uint8_t *s, size_t a, size_t e, size_t pa, size_t pe)
{
    static const char *const heads[] = {"factor", "peptide", "hormone"};
    static const char *const before[] = {"growth", "stimulating", "necrosis", "natriuretic"};
    return pe > pa && e - a >= 6 && e - a <= 8 && any_end(s, a, e, heads, N_OF(heads)) &&
           (lower(s[a]) == 'f' || lower(s[a]) == 'p' || lower(s[a]) == 'h') &&
           any_end(s, pa, pe, before, N_OF(before));
}

/* The start of the next word (a run of letters) of s[a..n), its end in *e; n when none. */
static size_t next_word(const uint8_t *s, size_t a, size_t n, size_t *e)
{
    while (a < n && !is_letter(s[a])) {
        a++;
    }
    *e = a;
    while (*e < n && is_letter(s[*e])) {
        (*e)++;
    }
    return a;
}

int hnp_tag_is_protein(const uint8_t *s, size_t n)
{
    int protein = 0;
    size_t pa = 0, pe = 0, e; /* pa..pe: the word before */
    for (size_t a = next_word(s, 0, n, &e); a < n && !protein; a = next_word(s, e, n, &e)) {
        protein = protein_word(s, a, e) || protein_factor(s, a, e, pa, pe);
        pa = a;
        pe = e;
    }
    /* Most mentions name no protein: the words that make one a drug are looked for after. */
    for (size_t a = protein ? next_word(s, 0, n, &e) : n; a < n; a = next_word(s, e, n, &e)) {
        if (drug_word(s, a, e)) {
            return 0;
        }
    }
    return protein;
}
