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
 * such as "-phosphatase", "-dehydrogenase"), or a "growth/stimulating/necrosis factor",
 * and no word that makes it a drug ("inhibitor", "pegylated").
 *
 * Layering: called by tag_doc.c; calls nothing of the tagger. */
#include "tag_internal.h"

#include <string.h>

static uint8_t lower(uint8_t c)
{
    return c >= 'A' && c <= 'Z' ? (uint8_t)(c + 32) : c;
}

static int is_letter(uint8_t c)
{
    c = lower(c);
    return c >= 'a' && c <= 'z';
}

/* The n bytes at s, folded to ASCII lower case, contain the lower-case word w. */
static int has(const uint8_t *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k && lower(s[i + j]) == (uint8_t)w[j]) {
            j++;
        }
        if (j == k) {
            return 1;
        }
    }
    return 0;
}

/* The letters of the word ending at byte e (exclusive) end with suffix w, optionally
 * followed by a plural "s". */
static int word_ends(const uint8_t *s, size_t e, const char *w)
{
    size_t k = strlen(w);
    if (e > 0 && lower(s[e - 1]) == 's' && e - 1 >= k && lower(s[e - 2]) == (uint8_t)w[k - 1]) {
        e--;
    }
    if (e < k) {
        return 0;
    }
    for (size_t j = 0; j < k; j++) {
        if (lower(s[e - k + j]) != (uint8_t)w[j]) {
            return 0;
        }
    }
    return 1;
}

static int protein_word(const uint8_t *s, size_t e)
{
    static const char *const ends[] = {
        "interleukin",   "poietin",   "tropin",      "immunoglobulin", "phosphatase", "transferase",
        "dehydrogenase", "reductase", "oxidase",     "synthase",       "synthetase",  "peptidase",
        "lipase",        "isomerase", "hydrolase",   "cyclase",        "polymerase",  "carboxylase",
        "oxygenase",     "deaminase", "transaminase"};
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        if (word_ends(s, e, ends[k])) {
            return 1;
        }
    }
    return 0;
}

int hnp_tag_is_protein(const uint8_t *s, size_t n)
{
    static const char *const drug_words[] = {"inhibitor", "blocker",   "antagonist",
                                             "agonist",   "pegylated", "peginterferon"};
    for (size_t k = 0; k < sizeof drug_words / sizeof drug_words[0]; k++) {
        if (has(s, n, drug_words[k])) {
            return 0;
        }
    }
    if (has(s, n, "growth factor") || has(s, n, "stimulating factor") ||
        has(s, n, "necrosis factor")) {
        return 1;
    }
    for (size_t e = 1; e <= n; e++) {
        if (is_letter(s[e - 1]) && (e == n || !is_letter(s[e])) && protein_word(s, e)) {
            return 1;
        }
    }
    return 0;
}
