/* check_tag.c -- the tagger: longest match, word boundaries, case, plurals, possessives,
 * abbreviations defined in the text, the ctx rule, trial-id patterns, taggable sentences,
 * ties between lexicons, and documents empty or huge. */
#include "hnp/hnp.h"
#include "testutil.h"

#include <pthread.h>

static const char terms[] =
    "#version: tag fixture\n"
    "term\tlabel\tid\tname\tflags\n"
    "multiple sclerosis\tCONDITION\tDOID:2377\tmultiple sclerosis\t-\n"
    "relapsing-remitting multiple sclerosis\tCONDITION\tDOID:2378\tRRMS\t-\n"
    "MS\tCONDITION\tDOID:2377\tmultiple sclerosis\tcs,ctx\n"
    "ALL\tCONDITION\tDOID:9952\tacute lymphoblastic leukemia\tcs,ctx\n"
    "acute lymphoblastic leukemia\tCONDITION\tDOID:9952\tacute lymphoblastic leukemia\t-\n"
    "leukemia\tCONDITION\tDOID:1240\tleukemia\t-\n"
    "lymphoma\tCONDITION\tDOID:0060058\tlymphoma\t-\n"
    "therapy\tPROCEDURE\tMAXO:1\ttherapy\t-\n"
    "virus\tCONDITION\tX:virus\tvirus\t-\n"
    "metastasis\tCONDITION\tX:met\tmetastasis\t-\n"
    "sequela\tCONDITION\tX:seq\tsequela\t-\n"
    "Crohn's disease\tCONDITION\tDOID:8778\tCrohn's disease\t-\n"
    "mitoxantrone\tDRUG\tDB01204\tMitoxantrone\t-\n"
    "MIST\tTRIAL\t-\tMIST\tcs\n"
    "cold\tCONDITION\tDOID:10459\tcommon cold\tlow\n"
    "cold\tDRUG\tX:cold\tcold remedy\t-\n"
    "hematopoietic stem cell transplantation\tPROCEDURE\tMAXO:747\tHSCT\t-\n"
    "stem cell\tPROCEDURE\tX:sc\tstem cell\t-\n"
    "dopa\tDRUG\tX:dopa\tdopa\t-\n"
    "breast cancer\tCONDITION\tX:bc\tbreast cancer\t-\n"
    "ovarian cancer\tCONDITION\tX:oc\tovarian cancer\t-\n"
    "cancer\tCONDITION\tX:c\tcancer\t-\n"
    "captopril\tDRUG\tX:cap\tcaptopril\t-\n"
    "hypotension\tCONDITION\tX:hypo\thypotension\t-\n"
    "induced hypotension\tPROCEDURE\tX:ih\tinduced hypotension\t-\n";

typedef struct fixture {
    hnp_lexicon *lex[2];
    size_t n_lex;
    hnp_tagger *t;
    char out[8192];
} fixture;

static void load(fixture *f, const char *tsv)
{
    size_t bad = 0;
    hnp_status st =
        hnp_lexicon_from_tsv((const uint8_t *)tsv, strlen(tsv), &f->lex[f->n_lex], &bad);
    ck_assert_msg(st == HNP_OK, "lexicon: %s at line %zu", hnp_strerror(st), bad);
    f->n_lex++;
}

static void start(fixture *f, const char *tsv)
{
    memset(f, 0, sizeof *f);
    load(f, tsv);
}

static void make_tagger(fixture *f)
{
    if (!f->t) {
        ck_assert_int_eq(hnp_tagger_create((const hnp_lexicon *const *)f->lex, f->n_lex, &f->t),
                         HNP_OK);
        /* These tests pin the dictionary layer; the model has its own (check_tag_model.c). */
        hnp_tagger_set_model(f->t, 0);
    }
}

static void finish(fixture *f)
{
    hnp_tagger_free(f->t);
    for (size_t i = 0; i < f->n_lex; i++) {
        hnp_lexicon_free(f->lex[i]);
    }
}

/* Tags text (one sentence per line; lines starting with '!' are not taggable) and
 * renders the mentions as "LABEL:surface:id|..." */
static const char *tag(fixture *f, const char *text)
{
    make_tagger(f);
    hnp_span sents[64];
    unsigned char taggable[64];
    size_t n = 0, s = 0, len = strlen(text);
    for (size_t i = 0; i <= len && n < 64; i++) {
        if (i == len || text[i] == '\n') {
            sents[n] = (hnp_span){s, i};
            taggable[n++] = text[s] != '!';
            s = i + 1;
        }
    }
    const hnp_mention *m;
    size_t nm;
    ck_assert_int_eq(hnp_tag(f->t, (const uint8_t *)text, len, sents, taggable, n, &m, &nm),
                     HNP_OK);
    size_t o = 0;
    f->out[0] = '\0';
    for (size_t i = 0; i < nm; i++) {
        ck_assert_uint_lt(m[i].span.start, m[i].span.end);
        ck_assert_uint_ge(m[i].span.start, sents[m[i].sent].start);
        ck_assert_uint_le(m[i].span.end, sents[m[i].sent].end);
        if (i) {
            ck_assert_uint_le(m[i - 1].span.end, m[i].span.start);
        }
        o += (size_t)snprintf(f->out + o, sizeof f->out - o, "%s%s:%.*s:%s", i ? "|" : "",
                              hnp_label_name(m[i].label), (int)(m[i].span.end - m[i].span.start),
                              text + m[i].span.start, m[i].id);
        ck_assert_uint_lt(o, sizeof f->out);
    }
    return f->out;
}

START_TEST(longest_match_wins)
{
    fixture f;
    start(&f, terms);
    ck_assert_str_eq(tag(&f, "Patients with relapsing-remitting multiple sclerosis improved."),
                     "CONDITION:relapsing-remitting multiple sclerosis:DOID:2378");
    ck_assert_str_eq(tag(&f, "A relapsing remitting  Multiple Sclerosis case."),
                     "CONDITION:relapsing remitting  Multiple Sclerosis:DOID:2378");
    ck_assert_str_eq(tag(&f, "Not relapsing; multiple sclerosis."),
                     "CONDITION:multiple sclerosis:DOID:2377");
    ck_assert_str_eq(tag(&f, "hematopoietic stem cell transplantation and stem cells"),
                     "PROCEDURE:hematopoietic stem cell transplantation:MAXO:747|"
                     "PROCEDURE:stem cells:X:sc");
    finish(&f);
}
END_TEST

START_TEST(word_boundaries_and_case)
{
    fixture f;
    start(&f, terms);
    /* "MS" (cs) needs support: multiple sclerosis is mentioned in the document. */
    ck_assert_str_eq(tag(&f, "multiple sclerosis: an MSc at AMS on MS-related MS."),
                     "CONDITION:multiple sclerosis:DOID:2377|CONDITION:MS:DOID:2377|"
                     "CONDITION:MS:DOID:2377");
    ck_assert_str_eq(tag(&f, "multiple sclerosis, not ms or Ms."),
                     "CONDITION:multiple sclerosis:DOID:2377");
    ck_assert_str_eq(tag(&f, "MIST trial, but not the mist or Mist."), "TRIAL:MIST:-");
    ck_assert_str_eq(tag(&f, "MITOXANTRONE and Mitoxantrone; mitoxantrones"),
                     "DRUG:MITOXANTRONE:DB01204|DRUG:Mitoxantrone:DB01204|"
                     "DRUG:mitoxantrones:DB01204");
    ck_assert_str_eq(tag(&f, "leukemiaX and xleukemia and leukemia2"), "");
    /* Chinese and Japanese run words together: a Latin word next to them is a word. */
    ck_assert_str_eq(tag(&f, "\u6cbb\u7597leukemia(\u767d\u8840\u75c5)\u3068lymphoma\u3002"),
                     "CONDITION:leukemia:DOID:1240|CONDITION:lymphoma:DOID:0060058");
    ck_assert_str_eq(tag(&f, "\u00e9leukemia and leukemia\u00e9 stay one word"), "");
    finish(&f);
}
END_TEST

/* Coordinated terms sharing their head are one mention. */
START_TEST(coordinated_terms)
{
    fixture f;
    start(&f, terms);
    ck_assert_str_eq(tag(&f, "breast and ovarian cancer; breast and/or ovarian cancers"),
                     "CONDITION:breast and ovarian cancer:X:oc|"
                     "CONDITION:breast and/or ovarian cancers:X:oc");
    ck_assert_str_eq(tag(&f, "breast/ovarian cancer, lung and ovarian cancer"),
                     "CONDITION:breast/ovarian cancer:X:oc|CONDITION:ovarian cancer:X:oc");
    ck_assert_str_eq(tag(&f, "breast-ovarian cancer; lung-ovarian cancer"),
                     "CONDITION:breast-ovarian cancer:X:oc|CONDITION:cancer:X:c");
    /* The first conjunct never reaches into the previous mention. */
    ck_assert_str_eq(tag(&f, "breast cancer and ovarian cancer"),
                     "CONDITION:breast cancer:X:bc|CONDITION:ovarian cancer:X:oc");
    finish(&f);
}
END_TEST

/* Organisations named after a disease are not mentions of it. */
START_TEST(organisation_names)
{
    fixture f;
    start(&f, terms);
    ck_assert_str_eq(tag(&f, "The Multiple Sclerosis Society said multiple sclerosis society "
                             "costs rise; Leukemia Foundation, Leukemia. Foundation"),
                     "CONDITION:multiple sclerosis:DOID:2377|CONDITION:Leukemia:DOID:1240");
    finish(&f);
}
END_TEST

/* Inside a hyphenated compound only one-word mentions start, never after a one-letter
 * prefix. */
START_TEST(hyphenated_compounds)
{
    fixture f;
    start(&f, terms);
    ck_assert_str_eq(tag(&f, "L-dopa and dopa"), "DRUG:dopa:X:dopa");
    ck_assert_str_eq(tag(&f, "captopril-induced hypotension; induced hypotension"),
                     "DRUG:captopril:X:cap|CONDITION:hypotension:X:hypo|"
                     "PROCEDURE:induced hypotension:X:ih");
    ck_assert_str_eq(tag(&f, "captopril-mitoxantrone therapy"),
                     "DRUG:captopril:X:cap|DRUG:mitoxantrone:DB01204|PROCEDURE:therapy:MAXO:1");
    finish(&f);
}
END_TEST

START_TEST(plurals_and_possessives)
{
    fixture f;
    start(&f, terms);
    ck_assert_str_eq(tag(&f, "leukemias, lymphomas, therapies, viruses"),
                     "CONDITION:leukemias:DOID:1240|CONDITION:lymphomas:DOID:0060058|"
                     "PROCEDURE:therapies:MAXO:1|CONDITION:viruses:X:virus");
    ck_assert_str_eq(tag(&f, "metastases and sequelae"), "CONDITION:metastases:X:met");
    ck_assert_str_eq(tag(&f, "Crohn's disease, Crohn\xe2\x80\x99s disease, Crohn disease"),
                     "CONDITION:Crohn's disease:DOID:8778|"
                     "CONDITION:Crohn\xe2\x80\x99s disease:DOID:8778|"
                     "CONDITION:Crohn disease:DOID:8778");
    /* A possessive after a term stays outside the mention. */
    ck_assert_str_eq(tag(&f, "the leukemia's course"), "CONDITION:leukemia:DOID:1240");
    /* cs terms are not inflected. */
    ck_assert_str_eq(tag(&f, "MISTs"), "");
    finish(&f);
}
END_TEST

/* A brand name (flag exact) is matched as written, never through an inflection: a brand
 * "Advance" is not "advances"; common nouns still fold their plurals. */
START_TEST(brand_names_are_not_inflected)
{
    fixture f;
    start(&f, "#version: brand fixture\n"
              "term\tlabel\tid\tname\tflags\n"
              "Advance\tDRUG\tX:adv\tAdvance\texact\n"
              "lymphoma\tCONDITION\tX:lym\tlymphoma\t-\n");
    ck_assert_str_eq(tag(&f, "Science advances; ADVANCE and Advance are brands."),
                     "DRUG:ADVANCE:X:adv|DRUG:Advance:X:adv");
    ck_assert_str_eq(tag(&f, "Two lymphomas."), "CONDITION:lymphomas:X:lym");
    finish(&f);
}
END_TEST

START_TEST(abbreviations_defined_in_the_text)
{
    fixture f;
    start(&f, terms);
    ck_assert_str_eq(tag(&f, "Early AHSCT.\n"
                             "Autologous hematopoietic stem cell transplantation (AHSCT) helps.\n"
                             "AHSCT is costly; AHSCTs and xAHSCT are not mentions."),
                     "PROCEDURE:Autologous hematopoietic stem cell transplantation:MAXO:747|"
                     "PROCEDURE:AHSCT:MAXO:747|PROCEDURE:AHSCT:MAXO:747");
    /* The letters must match the long form (Schwartz-Hearst). */
    ck_assert_str_eq(tag(&f, "leukemia (XYZ) and later XYZ."), "CONDITION:leukemia:DOID:1240");
    /* A function word ends the long form: "patients with leukemia" is not leukemia. */
    ck_assert_str_eq(tag(&f, "patients with leukemia (PWL) and PWL"),
                     "CONDITION:leukemia:DOID:1240");
    /* Latin word order, and a short form followed by more in the brackets. */
    ck_assert_str_eq(tag(&f, "lymphoblastic leukemia acute (ALLX); acute lymphoblastic "
                             "leukemia (LAL; rare) then LAL"),
                     "CONDITION:leukemia:DOID:1240|"
                     "CONDITION:acute lymphoblastic leukemia:DOID:9952|"
                     "CONDITION:LAL:DOID:9952|CONDITION:LAL:DOID:9952");
    ck_assert_str_eq(tag(&f, "multiple sclerosis (SM) and SM"),
                     "CONDITION:multiple sclerosis:DOID:2377|CONDITION:SM:DOID:2377|"
                     "CONDITION:SM:DOID:2377");
    /* A code from another name of the concept ("cyclosporine (CsA)"), letters only. */
    ck_assert_str_eq(tag(&f, "mitoxantrone (MTZ) and MTZ; mitoxantrone (M230A) and M230A"),
                     "DRUG:mitoxantrone:DB01204|DRUG:MTZ:DB01204|DRUG:MTZ:DB01204|"
                     "DRUG:mitoxantrone:DB01204");
    /* Definitions do not leak into the next document. */
    ck_assert_str_eq(tag(&f, "AHSCT again"), "");
    finish(&f);
}
END_TEST

START_TEST(ambiguous_terms_need_support)
{
    fixture f;
    start(&f, terms);
    ck_assert_str_eq(tag(&f, "MS is common."), "");
    ck_assert_str_eq(tag(&f, "ALL patients were seen."), "");
    /* Support from a mention later in the document counts too. */
    ck_assert_str_eq(tag(&f, "MS is common.\nIt is multiple sclerosis."),
                     "CONDITION:MS:DOID:2377|CONDITION:multiple sclerosis:DOID:2377");
    ck_assert_str_eq(tag(&f, "multiple sclerosis (MS) and MS."),
                     "CONDITION:multiple sclerosis:DOID:2377|CONDITION:MS:DOID:2377|"
                     "CONDITION:MS:DOID:2377");
    /* "low" loses ties: both "cold" rows match, the DRUG row wins. */
    ck_assert_str_eq(tag(&f, "a cold"), "DRUG:cold:X:cold");
    finish(&f);
}
END_TEST

START_TEST(only_taggable_sentences)
{
    fixture f;
    start(&f, terms);
    ck_assert_str_eq(tag(&f, "!leukemia in spam\nleukemia in body\n!NCT01234567"),
                     "CONDITION:leukemia:DOID:1240");
    ck_assert_str_eq(tag(&f, ""), "");
    const hnp_mention *m = (const hnp_mention *)1;
    size_t n = 5;
    ck_assert_int_eq(hnp_tag(f.t, NULL, 0, NULL, NULL, 0, &m, &n), HNP_OK);
    ck_assert_uint_eq(n, 0);
    hnp_span bad = {3, 99};
    ck_assert_int_eq(hnp_tag(f.t, (const uint8_t *)"abc", 3, &bad, NULL, 1, &m, &n),
                     HNP_ERR_INVALID);
    finish(&f);
}
END_TEST

START_TEST(earlier_lexicons_win_ties)
{
    fixture f;
    start(&f, "leukemia\tDRUG\tU:1\tuser leukemia\n");
    load(&f, terms);
    ck_assert_str_eq(tag(&f, "leukemia and lymphoma"),
                     "DRUG:leukemia:U:1|CONDITION:lymphoma:DOID:0060058");
    /* ... but a longer match in a later lexicon still wins. */
    ck_assert_str_eq(tag(&f, "acute lymphoblastic leukemia"),
                     "CONDITION:acute lymphoblastic leukemia:DOID:9952");
    finish(&f);
}
END_TEST

static char *read_fixture(const char *rel)
{
    const char *src = getenv("HNP_SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", src ? src : ".", rel);
    char *s = hnp_test_read_file(path, NULL);
    ck_assert_msg(s != NULL, "cannot read %s", path);
    return s;
}

/* Every example of every registry in the patterns file is found, whole, in a sentence. */
START_TEST(trial_ids_from_every_registry)
{
    char *tsv = read_fixture("tests/data/lexicon/trial-id-patterns.tsv");
    fixture f;
    start(&f, tsv);
    make_tagger(&f);
    size_t checked = 0;
    for (char *line = strtok(tsv, "\n"); line; line = strtok(NULL, "\n")) {
        char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        if (line[0] == '#' || !tab2 || strncmp(line, "pattern\t", 8) == 0) {
            continue;
        }
        *tab2 = '\0';
        const char *registry = tab1 + 1;
        for (char *ex = tab2 + 1; ex && *ex;) {
            char *next = strstr(ex, "; ");
            size_t n = next ? (size_t)(next - ex) : strlen(ex);
            char text[256], want[512];
            snprintf(text, sizeof text, "It was registered (%.*s) in 2016.", (int)n, ex);
            const hnp_mention *m;
            size_t nm;
            hnp_span s = {0, strlen(text)};
            ck_assert_int_eq(hnp_tag(f.t, (const uint8_t *)text, s.end, &s, NULL, 1, &m, &nm),
                             HNP_OK);
            snprintf(want, sizeof want, "%.*s", (int)n, ex);
            ck_assert_msg(nm == 1, "%s: %zu mentions in '%s'", registry, nm, text);
            ck_assert_int_eq(m[0].label, HNP_LABEL_TRIAL);
            ck_assert_uint_eq(m[0].span.start, 19);
            ck_assert_uint_eq(m[0].span.end, 19 + n);
            ck_assert_str_eq(m[0].name, registry);
            checked++;
            ex = next ? next + 2 : NULL;
        }
    }
    ck_assert_uint_ge(checked, 15);
    finish(&f);
    free(tsv);
}
END_TEST

START_TEST(trial_id_normalization_and_misses)
{
    char *tsv = read_fixture("tests/data/lexicon/trial-id-patterns.tsv");
    fixture f;
    start(&f, tsv);
    ck_assert_str_eq(tag(&f, "see ISRCTN 35042256, NCT00000620 and NCT0000062"),
                     "TRIAL:ISRCTN 35042256:ISRCTN35042256|TRIAL:NCT00000620:NCT00000620");
    ck_assert_str_eq(tag(&f, "EudraCT number: 2007-002762-35."),
                     "TRIAL:EudraCT number: 2007-002762-35:2007-002762-35");
    ck_assert_str_eq(tag(&f, "In 2015-2016, 40,000 people; phone 0800 123 4567."), "");
    ck_assert_str_eq(tag(&f, "xNCT00000620 NCT000006201"), "");
    finish(&f);
    free(tsv);
}
END_TEST

/* The trial-id scan reads only the tokens with a digit, and stops after the last one
 * (tag_trialid.c find_windows): generated sentences of words and numbers, with trial ids
 * at random places (first, last, after other numbers, several in a row, none), are tagged
 * with exactly the ids written into them, in order. */
START_TEST(trial_ids_in_generated_sentences)
{
    char *tsv = read_fixture("tests/data/lexicon/trial-id-patterns.tsv");
    fixture f;
    start(&f, tsv);
    static const char *const words[] = {"patients", "were", "in",   "the", "trial", "2015",
                                        "40",       "3.5",  "H5N1", "x12", "1.2",   "of"};
    static char text[4096];
    static char want[8192];
    uint32_t x = 2024;
    size_t ids = 0;
    for (int round = 0; round < 400; round++) {
        size_t len = 0, w = 0;
        want[0] = '\0';
        for (int line = 0; line < 12; line++) {
            x = x * 1103515245u + 12345u;
            size_t ntok = (x >> 16) % 12;
            for (size_t k = 0; k < ntok; k++) {
                x = x * 1103515245u + 12345u;
                const char *sep = k + 1 < ntok ? " " : "";
                if ((x >> 16) % 5 == 0) {
                    unsigned id = (x >> 4) % 100000000u;
                    len += (size_t)snprintf(text + len, sizeof text - len, "NCT%08u%s", id, sep);
                    w += (size_t)snprintf(want + w, sizeof want - w, "%sTRIAL:NCT%08u:NCT%08u",
                                          w ? "|" : "", id, id);
                    ids++;
                } else {
                    len += (size_t)snprintf(text + len, sizeof text - len, "%s%s",
                                            words[(x >> 8) % 12], sep);
                }
            }
            len += (size_t)snprintf(text + len, sizeof text - len, "\n");
        }
        text[len - 1] = '\0';
        ck_assert_str_eq(tag(&f, text), want);
    }
    ck_assert_uint_gt(ids, 1000);
    finish(&f);
    free(tsv);
}
END_TEST

/* A large document (many sentences) and one huge sentence: all mentions found, in order. */
START_TEST(huge_documents)
{
    fixture f;
    start(&f, terms);
    make_tagger(&f);
    const char unit[] = "Leukemias and multiple sclerosis (MS) after MS therapy, NCT00000620. ";
    size_t reps = 40000, ulen = sizeof unit - 1, len = reps * ulen;
    char *text = malloc(len + 1);
    hnp_span *sents = malloc(reps * sizeof *sents);
    for (size_t i = 0; i < reps; i++) {
        memcpy(text + i * ulen, unit, ulen);
        sents[i] = (hnp_span){i * ulen, (i + 1) * ulen};
    }
    text[len] = '\0';
    const hnp_mention *m;
    size_t nm;
    ck_assert_int_eq(hnp_tag(f.t, (const uint8_t *)text, len, sents, NULL, reps, &m, &nm), HNP_OK);
    ck_assert_uint_eq(nm, 5 * reps); /* no trial patterns in this lexicon: 5 per unit */
    hnp_span all = {0, len};
    ck_assert_int_eq(hnp_tag(f.t, (const uint8_t *)text, len, &all, NULL, 1, &m, &nm), HNP_OK);
    ck_assert_uint_eq(nm, 5 * reps);
    for (size_t i = 1; i < nm; i++) {
        ck_assert_uint_le(m[i - 1].span.end, m[i].span.start);
    }
    free(sents);
    free(text);
    finish(&f);
}
END_TEST

/* Random bytes (invalid UTF-8, NULs, brackets, digits) in random sentences: no crash, and
 * mentions stay inside their sentences and in order (checked under ASan). */
START_TEST(random_text_never_crashes)
{
    char *tsv = read_fixture("tests/data/lexicon/trial-id-patterns.tsv");
    fixture f;
    start(&f, terms);
    load(&f, tsv);
    make_tagger(&f);
    static const char alphabet[] = "MS( )-'\xe2\x80\x99\xc3\xa9\xff\x00NCT0123456789leukemias;,.";
    uint64_t x = 88172645463325252ull;
    uint8_t text[600];
    for (int round = 0; round < 500; round++) {
        size_t len = 0;
        for (; len < sizeof text; len++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            text[len] = (uint8_t)alphabet[x % (sizeof alphabet - 1)];
        }
        hnp_span sents[8];
        size_t n = 0, at = 0;
        while (n < 8 && at < len) {
            size_t end = at + 1 + (size_t)(x >> 20) % 150;
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            sents[n++] = (hnp_span){at, end < len ? end : len};
            at = end;
        }
        const hnp_mention *m;
        size_t nm;
        ck_assert_int_eq(hnp_tag(f.t, text, len, sents, NULL, n, &m, &nm), HNP_OK);
        for (size_t i = 0; i < nm; i++) {
            ck_assert_uint_ge(m[i].span.start, sents[m[i].sent].start);
            ck_assert_uint_le(m[i].span.end, sents[m[i].sent].end);
            ck_assert(i == 0 || m[i - 1].span.end <= m[i].span.start);
        }
    }
    finish(&f);
    free(tsv);
}
END_TEST

/* One lexicon shared by four threads, each with its own tagger: the same mentions. */
typedef struct thread_job {
    const hnp_lexicon *lex;
    const char *text;
    size_t n_mentions;
    hnp_status st;
} thread_job;

static void *tag_in_thread(void *arg)
{
    thread_job *j = arg;
    hnp_tagger *t = NULL;
    j->st = hnp_tagger_create(&j->lex, 1, &t);
    hnp_span s = {0, strlen(j->text)};
    for (int round = 0; round < 200 && j->st == HNP_OK; round++) {
        const hnp_mention *m;
        j->st = hnp_tag(t, (const uint8_t *)j->text, s.end, &s, NULL, 1, &m, &j->n_mentions);
    }
    hnp_tagger_free(t);
    return NULL;
}

START_TEST(threads_share_a_lexicon)
{
    fixture f;
    start(&f, terms);
    const char *text =
        "MS and multiple sclerosis (MS), leukemias, AHSCT; breast and ovarian cancer";
    thread_job jobs[4];
    pthread_t th[4];
    for (int k = 0; k < 4; k++) {
        jobs[k] = (thread_job){f.lex[0], text, 0, HNP_OK};
        ck_assert_int_eq(pthread_create(&th[k], NULL, tag_in_thread, &jobs[k]), 0);
    }
    for (int k = 0; k < 4; k++) {
        pthread_join(th[k], NULL);
        ck_assert_int_eq(jobs[k].st, HNP_OK);
        ck_assert_uint_eq(jobs[k].n_mentions, 5);
    }
    finish(&f);
}
END_TEST

/* The seed article with the embedded lexicon: its expected entities (.expect). */
START_TEST(seed_article_entities)
{
    const char *shared = hnp_test_shared_dir();
    const hnp_lexicon *lex = NULL;
    if (!shared || hnp_lexicon_embedded(&lex) != HNP_OK || hnp_lexicon_size(lex) == 0) {
        fprintf(stderr, "check_tag: seed article skipped (no ../shared or no lexicon)\n");
        return;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/samples/stem-cell-ms.txt", shared);
    size_t len = 0;
    char *text = hnp_test_read_file(path, &len);
    snprintf(path, sizeof path, "%s/samples/stem-cell-ms.expect", shared);
    char *expect = hnp_test_read_file(path, NULL);
    ck_assert(text && expect);
    hnp_span sents[16];
    size_t n = 0, s = 0;
    for (size_t i = 0; i <= len && n < 16; i++) {
        if (i == len || text[i] == '\n') {
            sents[n++] = (hnp_span){s, i};
            s = i + 1;
        }
    }
    hnp_tagger *t;
    ck_assert_int_eq(hnp_tagger_create(&lex, 1, &t), HNP_OK);
    const hnp_mention *m;
    size_t nm;
    ck_assert_int_eq(hnp_tag(t, (const uint8_t *)text, len, sents, NULL, n, &m, &nm), HNP_OK);
    for (char *line = strtok(expect, "\n"); line; line = strtok(NULL, "\n")) {
        char label[32], surface[256];
        if (sscanf(line, "entity\t%31[^\t]\t%255[^\n]", label, surface) != 2) {
            continue;
        }
        int found = 0;
        for (size_t i = 0; i < nm && !found; i++) {
            found = strcmp(hnp_label_name(m[i].label), label) == 0 &&
                    m[i].span.end - m[i].span.start == strlen(surface) &&
                    memcmp(text + m[i].span.start, surface, strlen(surface)) == 0;
        }
        ck_assert_msg(found, "no %s mention '%s'", label, surface);
    }
    hnp_tagger_free(t);
    free(text);
    free(expect);
}
END_TEST

static Suite *tag_suite(void)
{
    Suite *s = suite_create("tag");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, longest_match_wins);
    tcase_add_test(tc, word_boundaries_and_case);
    tcase_add_test(tc, plurals_and_possessives);
    tcase_add_test(tc, hyphenated_compounds);
    tcase_add_test(tc, coordinated_terms);
    tcase_add_test(tc, organisation_names);
    tcase_add_test(tc, brand_names_are_not_inflected);
    tcase_add_test(tc, abbreviations_defined_in_the_text);
    tcase_add_test(tc, ambiguous_terms_need_support);
    tcase_add_test(tc, only_taggable_sentences);
    tcase_add_test(tc, earlier_lexicons_win_ties);
    tcase_add_test(tc, trial_ids_from_every_registry);
    tcase_add_test(tc, trial_id_normalization_and_misses);
    tcase_add_test(tc, trial_ids_in_generated_sentences);
    tcase_add_test(tc, huge_documents);
    tcase_add_test(tc, random_text_never_crashes);
    tcase_add_test(tc, threads_share_a_lexicon);
    tcase_add_test(tc, seed_article_entities);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return hnp_test_run(tag_suite());
}
