#!/usr/bin/env python3
"""Build corpora/lexicons/*.tsv (the tagger's default lexicons) from the raw sources.

Reads $HNP_SHARED_DIR/lexicons/sources (default: <repo>/../shared) and the hand-curated
lists in corpora/lexicons/curated/, writes conditions.tsv, drugs.tsv, procedures.tsv,
trials.tsv and trial-id-patterns.tsv into corpora/lexicons/. Output is sorted and has no
timestamps: rerunning on the same inputs gives identical bytes. Python 3 stdlib only.

    python3 scripts/build_lexicons.py            # (re)write the lexicons
    python3 scripts/build_lexicons.py --stats    # also match the NER dev/train sets
    python3 scripts/build_lexicons.py --suggest  # terms that fire in non-health news
    python3 scripts/build_lexicons.py --check    # contract + seed-article checks only

The policy (which sources, which filters, which id wins) is documented in
corpora/lexicons/README.md; the comments here say why each rule exists.
"""
import argparse
import collections
import json
import os
import re
import sys
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(REPO, "corpora", "lexicons")
CURATED = os.path.join(OUT_DIR, "curated")
HEADER = "term\tlabel\tid\tname\tflags"
MAX_LEN = 80  # longer terms are IUPAC names or protein descriptions, never news text

VERSIONS = {
    "doid": "DOID 2026-07-31",
    "doid2016": "DO 2016-09-01 synonyms",
    "symp": "SYMP 2026-07-30",
    "mesh": "MeSH 2024",
    "mplus": "MedlinePlus 2025-10",
    "drugbank": "DrugBank open vocabulary ~2026",
    "fda": "Drugs@FDA 2022",
    "maxo": "MAxO 2024-07-29",
    "ctgov": "ClinicalTrials.gov acronyms",
    "curated": "hnpipe curated",
}

# 3-letter amino-acid codes: DrugBank lists them as synonyms of the amino acids, but in
# text they are words or abbreviations ("Met", "Pro", "Val", "His", "Ser").
AMINO = {"ala", "arg", "asn", "asp", "cys", "gln", "glu", "gly", "his", "ile", "leu",
         "lys", "met", "phe", "pro", "ser", "thr", "trp", "tyr", "val", "sec", "pyl",
         "asx", "glx", "xaa", "xle"}

# Systematic chemical names: locant lists ("1,2-"), stereo descriptors ("(2S,3R)"),
# bracketed locants ("[1,3]"). They never occur in news and bloat the lexicon.
IUPAC_RE = re.compile(r"\d+,\d+|\(\d*[RSEZ](?:,\d*[RSEZ])*\)|\[\d|\d'-|\(\+/?-?\)|\d+[a-z]?H-"
                      r"|\(\(|\d-yl|yl\)|-\d-[a-z]{2,}\w*-\d")

# MAxO recommendation labels ("avoid contact sports") are advice, not procedures.
ADVICE_RE = re.compile(r"^(avoid|avoiding|avoidance|refrain|restrict|limit|reduce|increase)\b",
                       re.I)

TOKEN_RE = re.compile(r"[^\W_]+|[^\w\s]|_", re.UNICODE)
HYPHENS = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212\u00ad"), "-")


def tokens(text):
    """Lower-cased tokens with hyphens dropped: the tagger folds hyphen/space variants,
    so 'relapsing-remitting' and 'relapsing remitting' are one key."""
    text = unicodedata.normalize("NFC", text).translate(HYPHENS).casefold()
    return [t for t in TOKEN_RE.findall(text) if t != "-"]


def key(term):
    return " ".join(tokens(term))


def singulars(word):
    """Plural -> singular candidates (the tagger handles inflection; the lexicon holds
    singulars only, and the stats matcher mimics the tagger)."""
    out = []
    if len(word) > 4 and word.endswith("ies"):
        out.append(word[:-3] + "y")
    if len(word) > 3 and word.endswith("es"):
        out.append(word[:-2])
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    if word.endswith("ae"):
        out.append(word[:-1])
    return out


def is_caps(term):
    letters = [c for c in term if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# ---------------------------------------------------------------- reading sources


def read_source(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        next(f)  # header
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4:
                rows.append(tuple(p.strip() for p in parts[:4]))
    return rows


def read_curated(name):
    """Curated lists: '#' comments, then tab-separated fields; returns lists of fields."""
    out = []
    path = os.path.join(CURATED, name)
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                out.append([p.strip() for p in line.split("\t")])
    return out


class Row:
    __slots__ = ("term", "label", "id", "name", "flags", "rank", "src", "k")

    def __init__(self, term, label, cid, name, src, rank, flags=()):
        self.term, self.label, self.id, self.name = term, label, cid or "-", name or term
        self.src, self.rank, self.flags, self.k = src, rank, set(flags), key(term)


# ---------------------------------------------------------------- canonical ids


def preferred_names(rows):
    """id -> canonical name (the source's own preferred label)."""
    return {r[2]: r[3] for r in rows}


def term_index(rows):
    idx = collections.defaultdict(set)
    for t, _, cid, _ in rows:
        idx[key(t)].add(cid)
    return idx


def concept_map(rows, target_idx):
    """Maps a secondary source's concept id to the preferred source's id when the concept's
    preferred name is a term of exactly one preferred concept. Mapping whole concepts (not
    single terms) keeps every synonym of 'Multiple Sclerosis' [MeSH] on DOID:2377."""
    mapping = {}
    for cid, name in preferred_names(rows).items():
        hits = target_idx.get(key(name), set())
        if len(hits) == 1:
            mapping[cid] = next(iter(hits))
    return mapping


def remap(rows, maps, names, idx):
    """Applies concept maps (first that applies); unmapped terms that equal a preferred
    term take that term's id when unambiguous; otherwise the source id stays."""
    out = []
    for t, label, cid, name in rows:
        new = None
        for m in maps:
            if cid in m:
                new = m[cid]
                break
        if new is None:
            hits = idx.get(key(t), set())
            if len(hits) == 1:
                new = next(iter(hits))
        if new is not None:
            cid, name = new, names.get(new, name)
        out.append((t, label, cid, name))
    return out


def chain(m1, m2):
    """m1: a->b, m2: b->c  gives a->c where possible, else a->b."""
    return {a: m2.get(b, b) for a, b in m1.items()}


NAME_FILLERS = {"with", "of", "the", "and", "in", "to", "for", "a", "an", "by"}


def name_signature(name):
    """Order-, inversion-, plural- and filler-insensitive form of a concept name, so that
    DOID 'post-traumatic stress disorder' and MeSH 'Stress Disorders, Post-Traumatic'
    count as one concept when deciding whether a short form is ambiguous."""
    toks = {t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t
            for t in tokens(uninvert(name)) if t not in NAME_FILLERS and t.isalnum()}
    return " ".join(sorted(toks))


def uninvert(name):
    """MeSH inverted heading -> natural order: 'Leukemia, Myeloid, Acute' -> 'Acute Myeloid
    Leukemia'. Used only to find the same concept in another source."""
    parts = [p.strip() for p in name.split(", ")]
    return " ".join(reversed(parts)) if len(parts) > 1 else name


def concept_map_mesh(rows, target_idx):
    mapping = concept_map(rows, target_idx)
    for cid, name in preferred_names(rows).items():
        if cid not in mapping:
            hits = target_idx.get(key(uninvert(name)), set())
            if len(hits) == 1:
                mapping[cid] = next(iter(hits))
    return mapping


# ---------------------------------------------------------------- filters


class Curated:
    """The hand-curated lists in corpora/lexicons/curated/ (documented in README.md)."""

    def __init__(self):
        self.stop = {key(r[0]): r for r in read_curated("stoplist.txt")}
        self.ctx = {key(r[0]): r for r in read_curated("ctx-words.txt")}
        self.ctx_news = {k for k, r in self.ctx.items() if len(r) > 1 and r[1].startswith("news")}
        self.short_ok = {key(r[0]) for r in read_curated("short-terms.txt")}
        self.caps_ok = {r[0] for r in read_curated("acronyms-cs-only.txt")}
        self.words = {r[0] for r in read_curated("english-words.txt")}
        self.supplement = read_curated("supplement.txt")
        self.study = {r[0] for r in read_curated("study-design.txt")}
        self.sup_flags = {(r[0], r[1]): set(r[4].split(",")) - {"-"}
                          for r in self.supplement if len(r) > 4}


def english_any_form(word, words):
    """The word, or a stem of it by a regular inflection, is an English word: a brand
    "Advance" matches "advances" through the tagger's plural folding."""
    w = word.lower()
    forms = {w}
    for suf in ("s", "es", "ed", "d", "ing", "er", "ers"):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            forms.add(w[:-len(suf)])
            forms.add(w[:-len(suf)] + "e")
    if w.endswith("ies"):
        forms.add(w[:-3] + "y")
    return any(f in words for f in forms)


# DrugBank's allergen block (DB10000-DB11099: pollens, foods, moulds, danders as allergenic
# extracts). Its plain-word terms (Fish, Shrimp, Milk, Peanut, Cat hair) name the food or
# animal, not a drug, wherever news mentions them.
ALLERGEN_ID_RE = re.compile(r"^DB1(0\d\d\d|10\d\d)$")


def drop_reason(term, label, src, cur, cid=None, name=None):
    """Why a row must not be shipped, or None. Counted per reason for the README."""
    k = key(term)
    compact = k.replace(" ", "")
    if not compact or len(term) > MAX_LEN:
        return "empty-or-long"
    if term[0] in "#\"'":
        return "quoted"  # '"Helping Hand"' is an export artefact; '#' starts a comment line
    head, _, last = k.rpartition(" ")
    hits = [cur.stop.get(c) for c in [k] + [(head + " " + s).strip() for s in singulars(last)]]
    if any(h and (len(h) < 3 or h[2] in ("", label)) for h in hits):
        return "stoplist"  # plural forms too (MeSH "Risks" with "Risk" stop-listed)
    if ", " in term and src not in ("ctgov", "fda", "seed"):
        return "inverted"  # MeSH-style inverted heading: never written so in prose
    if term.endswith(" as Topic") or term.endswith(" as Topics"):
        return "as-topic"
    if compact.isdigit() or len(compact) == 1:
        return "short"
    if label == "DRUG" and compact in AMINO:
        return "amino-acid"
    if label == "DRUG" and IUPAC_RE.search(term):
        return "iupac"
    if src == "fda" and all(w in cur.words for w in k.split()):
        return "fda-word"  # brand that is plain English: CAPTURE, INSPIRE, THRIVE, TODAY
    if src == "fda" and all(english_any_form(w, cur.words) for w in k.split()):
        return "fda-word-inflected"  # brand that is an inflected English word
    if (src == "drugbank" and cid and ALLERGEN_ID_RE.match(cid) and len(k.split()) <= 3 and
            "vaccine" not in k and all(english_any_form(w, cur.words) for w in k.split())):
        return "allergen-food"
    if label == "PROCEDURE" and name in cur.study:
        return "study-design"  # statistics and study design are not procedures
    if label == "PROCEDURE" and ADVICE_RE.search(term):
        return "advice"
    if len(compact) <= 3 and not is_caps(term) and k not in cur.short_ok:
        if not any(c.isupper() for c in term[1:]):
            return "short"  # 'Pot', 'Ice', 'epo' (mixed-case 'tPA' stays, as cs)
    return None


def flags_for(term, src, cur, ambiguous):
    """cs: acronyms (all caps up to 6 characters, short mixed case) match only as written
    (matched in any case, DOID's CASS, SENS, PLAT and DrugBank's haNK, FarGo fired on
    names in general news). ctx as well when the acronym is risky: 3 characters or fewer
    (RSS, GPS, CAN, AP, VA), an English word (ALL, COLD), or the short form of more than
    one concept across the sources; not for the curated unambiguous ones (HIV, AIDS).
    ctx also for curated common words."""
    k = key(term)
    compact = k.replace(" ", "")
    fl = set()
    short_mixed = len(compact) <= 6 and any(c.isupper() for c in term[1:])
    acronym = (is_caps(term) and len(compact) <= 6) or short_mixed
    risky = len(compact) <= 3 or compact.lower() in cur.words or k in ambiguous
    if acronym and src != "fda" or (src == "fda" and len(compact) <= 4):
        fl.add("cs")
        if risky and term not in cur.caps_ok:
            fl.add("ctx")
    if k in cur.ctx:
        fl.add("ctx")
    if src in ("doid2016", "mesh-chem"):
        fl.add("low")
    if src == "fda":
        fl.add("exact")  # a brand name is never inflected
    return fl


# US -> British spellings (the sources spell US English; UK and Commonwealth news, and
# translations into British English, write 'leukaemia', 'haematopoietic', 'tumour').
# Each rule is a documented spelling correspondence, so a variant names the same concept.
BRITISH = [(re.compile(p, re.I), r) for p, r in (
    (r"\btumor", "tumour"), (r"\bhem(?=[ao])", "haem"), (r"(?<=[a-z])emia\b", "aemia"),
    (r"\bedema", "oedema"), (r"\besophag", "oesophag"), (r"\bestrogen", "oestrogen"),
    (r"\bpediatric", "paediatric"), (r"orthopedic", "orthopaedic"),
    (r"\bgynecolog", "gynaecolog"), (r"\banesthe", "anaesthe"), (r"rrhea\b", "rrhoea"),
    (r"\bceliac", "coeliac"), (r"(?<=[a-z])pnea\b", "pnoea"), (r"\bleukocyt", "leucocyt"))]


def british(term):
    """The British spelling of term (term itself when no rule applies); case kept for
    the first letter."""
    out = term
    for rx, rep in BRITISH:
        out = rx.sub(lambda m: rep if m.group()[0].islower() else rep.capitalize(), out)
    return out


DRUG_CLASS_ENDS = ("ics", "ives", "ants", "ins", "ines", "oids", "ides")
PLURAL_HEADING_RE = re.compile(r"(?<=[a-z])(?<![su])s$|ies$")


def singular_heading(term, label, src):
    """MeSH and MedlinePlus name drug classes and procedures in the plural ('Statins',
    'Opioids', 'Vaccines', 'CT Scans'). The tagger folds plural text onto singular terms
    but not the reverse, so 'a statin' would be missed: add the singular of such headings.
    Conditions are left alone ('Hives', 'Shingles', 'Measles' are not plurals)."""
    if label not in ("DRUG", "PROCEDURE") or src not in ("mesh", "mplus", "mesh-chem"):
        return None
    # one-word MeSH E/D headings are mostly equipment and forms ('Walkers', 'Masks',
    # 'Powders'): only one-word drug classes ('Statins', 'Opioids') get a singular
    if " " not in term and (label == "PROCEDURE" or not term.endswith(DRUG_CLASS_ENDS)):
        return None
    if is_caps(term) or not PLURAL_HEADING_RE.search(term) or term[-2:] in ("is", "as", "os"):
        return None
    return term[:-3] + ("Y" if term[-3].isupper() else "y") if term.lower().endswith("ies") \
        else term[:-1]


def singular_variant_drop(rows):
    """Drop a term whose key is the plural of another term of the same concept (MeSH
    lists 'Acute Abdomens' beside 'Acute Abdomen'): the tagger folds inflection. Not cs
    terms: the tagger matches them exactly, so 'NSAIDs' is needed beside 'NSAID'."""
    by_id = collections.defaultdict(set)
    for r in rows:
        by_id[r.id].add(r.k)
    out, dropped = [], 0
    for r in rows:
        head, _, last = r.k.rpartition(" ")
        cands = [(head + " " + s).strip() for s in singulars(last)]
        if "cs" not in r.flags and any(c in by_id[r.id] and c != r.k for c in cands):
            dropped += 1
            continue
        out.append(r)
    return out, dropped


# MedlinePlus topics are classed by the source file only roughly: vaccines and medicine
# topics under CONDITION, advice and services topics under PROCEDURE. A term or title that
# names a vaccine or medicines is a DRUG, a treatment/test/surgery a PROCEDURE, and an
# advice, service or life-situation topic is no entity at all (OTHER, dropped).
MPLUS_DRUG = re.compile(r"\b(vaccines?|shots?|booster|medicines|medications|tdap|dtap)\b", re.I)
MPLUS_PROC = re.compile(r"\b(treatment|therapy|immunotherapy|surgery|screening|tests?|scans?|"
                        r"transplantation|replacement|rehabilitation)\b", re.I)
MPLUS_OTHER = re.compile(r"\b(how to|your health|living with|pregnancy and|and pregnancy|choosing|"
                         r"managed care|occupational|exposure|emergencies|issues|control|child abuse|"
                         r"elder abuse|sexual abuse|and children|medicines and|and medicines|newborn care|"
                         r"safety|services|hygiene|eye wear|contact lenses|body art|dying|baby care|"
                         r"eye care|eye health)\b", re.I)


def mplus_label(text):
    for rx, lab in ((MPLUS_OTHER, "OTHER"), (MPLUS_DRUG, "DRUG"), (MPLUS_PROC, "PROCEDURE")):
        if rx.search(text):
            return lab
    return None


# ---------------------------------------------------------------- per-label assembly


class Builder:
    def __init__(self, src_dir):
        self.src_dir = src_dir
        self.cur = Curated()
        self.counts = collections.Counter()
        self.dropped = collections.defaultdict(list)  # filter -> rows it removed
        self.raw = {}
        for name in ("doid", "doid-2016-synonyms", "symp", "mesh-conditions", "mesh-drugs",
                     "mesh-procedures", "mesh-chemicals-other", "drugbank-vocabulary",
                     "drugsfda-brands", "maxo", "medlineplus-topics", "ctgov-trial-acronyms",
                     "trial-seed"):
            self.raw[name] = read_source(os.path.join(src_dir, name + ".tsv"))
        self.ambiguous = self._ambiguous_short_forms()

    def _ambiguous_short_forms(self):
        """Short forms (<= 6 chars) naming more than one concept over all raw sources,
        counting a concept once when the sources' names for it have one signature (a
        name equal to the short form itself, as MedlinePlus 'COPD', says nothing)."""
        seen = collections.defaultdict(set)
        for rows in self.raw.values():
            for t, _, cid, name in rows:
                k = key(t)
                if len(k.replace(" ", "")) <= 6 and key(name) != k:
                    seen[k].add(name_signature(name))
        return {k for k, names in seen.items() if len(names) > 1}

    def relabel_mplus(self):
        """MedlinePlus classes are approximate ('Hypercholesterolemia' is filed under DRUG
        with its topic 'Cholesterol'): a term found in a labelled source takes that label."""
        label_of = {}
        for name, lab in (("maxo", "PROCEDURE"), ("mesh-procedures", "PROCEDURE"),
                          ("drugbank-vocabulary", "DRUG"), ("mesh-drugs", "DRUG"),
                          ("symp", "CONDITION"), ("mesh-conditions", "CONDITION"),
                          ("doid", "CONDITION")):  # later wins: CONDITION > DRUG > PROC
            for t, _, _, _ in self.raw[name]:
                label_of[key(t)] = lab
        out = []
        for t, label, cid, name in self.raw["medlineplus-topics"]:
            lab = label_of.get(key(t)) or mplus_label(t) or mplus_label(name) or label
            out.append((t, lab, cid, name))
        return out

    def rows(self, label, sources):
        """sources: (src tag, rank, rows) in preference order -> filtered Row list."""
        out = []
        for src, rank, rows in sources:
            for t, lab, cid, name in rows:
                if lab != label:
                    continue
                why = drop_reason(t, label, src, self.cur, cid, name)
                if why:
                    self.counts[(label, "drop:" + why)] += 1
                    self.dropped[why].append(Row(t, label, cid, name, src, rank, set()))
                    continue
                fl = flags_for(t, src, self.cur, self.ambiguous)
                if src == "curated":  # hand-written rows carry their own flags
                    fl = self.cur.sup_flags.get((t, label), set())
                out.append(Row(t, label, cid, name, src, rank, fl))
                uk = british(t) if label != "TRIAL" else t
                if uk != t and not drop_reason(uk, label, src, self.cur):
                    self.counts[(label, "add:british")] += 1
                    out.append(Row(uk, label, cid, name, src, rank, fl))
                sing = singular_heading(t, label, src)
                if sing and not drop_reason(sing, label, src, self.cur):
                    self.counts[(label, "add:singular")] += 1
                    out.append(Row(sing, label, cid, name, src, rank, fl))
        out, n = singular_variant_drop(out)
        self.counts[(label, "drop:plural")] += n
        return dedupe(out, self.counts, label)


def dedupe(rows, counts, label):
    """One row per key (per written form for cs rows), from the most preferred source:
    the tagger would never reach a later row for the same key anyway."""
    rows.sort(key=lambda r: (r.k, r.rank, "cs" not in r.flags, r.id, r.term))
    seen, out = set(), []
    for r in rows:
        dk = (r.k, r.term if "cs" in r.flags else None)
        if dk in seen:
            counts[(label, "drop:duplicate")] += 1
            continue
        seen.add(dk)
        out.append(r)
    return out


def index_rows(rows):
    return term_index(rows), preferred_names(rows)


def build_conditions(b):
    doid, symp = b.raw["doid"], b.raw["symp"]
    mesh, d16 = b.raw["mesh-conditions"], b.raw["doid-2016-synonyms"]
    mplus = [r for r in b.relabel_mplus() if r[1] == "CONDITION"]
    idx_doid, names = index_rows(doid)
    idx_symp, names_symp = index_rows(symp)
    names = {**names_symp, **names}
    symp_map = concept_map(symp, idx_doid)
    symp2 = remap(symp, [symp_map], names, idx_doid)
    mesh_map = concept_map_mesh(mesh, idx_doid)
    mesh_map.update({k: v for k, v in chain(concept_map_mesh(mesh, idx_symp), symp_map).items()
                     if k not in mesh_map})
    names.update(preferred_names(mesh))
    mesh2 = remap(mesh, [mesh_map], names, idx_doid)
    idx_mesh = term_index(mesh)
    mp_map = concept_map(mplus, idx_doid)
    for m in (chain(concept_map(mplus, idx_symp), symp_map), chain(concept_map(mplus, idx_mesh),
                                                                      mesh_map)):
        mp_map.update({k: v for k, v in m.items() if k not in mp_map})
    mplus2 = remap(mplus, [mp_map], names, idx_doid)
    sup = [tuple(r[:4]) for r in b.cur.supplement if r[1] == "CONDITION"]
    b.counts[("CONDITION", "drop:mplus-other")] = sum(
        1 for r in b.relabel_mplus() if r[1] == "OTHER")
    return b.rows("CONDITION", [("doid", 0, doid), ("curated", 0, sup), ("symp", 1, symp2),
                                ("mesh", 2, mesh2), ("mplus", 3, mplus2),
                                ("doid2016", 4, d16)])


def merge_mesh_mplus(b, label, pref, mesh):
    """The shared DRUG/PROCEDURE policy: MeSH descriptors and MedlinePlus topics take the
    preferred source's id (DrugBank, MAxO) when their concept is found there."""
    mplus = [r for r in b.relabel_mplus() if r[1] == label]
    idx_pref, names = index_rows(pref)
    mesh_map = concept_map_mesh(mesh, idx_pref)
    names.update(preferred_names(mesh))
    mesh2 = remap(mesh, [mesh_map], names, idx_pref)
    mp_map = concept_map(mplus, idx_pref)
    mp_map.update({k: v for k, v in chain(concept_map(mplus, term_index(mesh)),
                                          mesh_map).items() if k not in mp_map})
    mplus2 = remap(mplus, [mp_map], names, idx_pref)
    sup = [tuple(r[:4]) for r in b.cur.supplement if r[1] == label]
    return mesh2, mplus2, sup


def build_drugs(b):
    db, fda = b.raw["drugbank-vocabulary"], b.raw["drugsfda-brands"]
    mesh2, mplus2, sup = merge_mesh_mplus(b, "DRUG", db, b.raw["mesh-drugs"])
    # mesh-chemicals-other (proteins, elements, foods, allergens) is shipped only for
    # descriptors that are a DrugBank drug (their MeSH synonyms then carry the DrugBank
    # id): whole, its exact matches on bc5cdr-dev were right 170 times of 802 (P 0.21)
    chem = b.raw["mesh-chemicals-other"]
    chem_map = concept_map_mesh(chem, term_index(db))
    chem2 = [(t, lab, chem_map[cid], preferred_names(db).get(chem_map[cid], name))
             for t, lab, cid, name in chem if cid in chem_map]
    b.counts[("DRUG", "drop:mesh-chemicals-other")] = len(chem) - len(chem2)
    return b.rows("DRUG", [("drugbank", 0, db), ("curated", 0, sup), ("mesh", 1, mesh2),
                           ("fda", 2, fda), ("mplus", 3, mplus2), ("mesh-chem", 4, chem2)])


def build_procedures(b):
    maxo = b.raw["maxo"]
    mesh2, mplus2, sup = merge_mesh_mplus(b, "PROCEDURE", maxo, b.raw["mesh-procedures"])
    return b.rows("PROCEDURE", [("maxo", 0, maxo), ("curated", 0, sup), ("mesh", 1, mesh2),
                                ("mplus", 2, mplus2)])


def build_trials(b, other_keys):
    """Seed acronyms first; ClinicalTrials.gov acronyms that are not also a condition, drug
    or procedure term (the source's own rule, applied to our final lexicons). An acronym
    used by several trials cannot be resolved from news text: id '-'."""
    by_key = collections.defaultdict(set)
    for t, _, cid, _ in b.raw["ctgov-trial-acronyms"]:
        by_key[(key(t), t)].add(cid)
    ct = []
    for (k, t), ids in sorted(by_key.items()):
        if k in other_keys:
            b.counts[("TRIAL", "drop:other-label")] += 1
            continue
        if len(ids) > 1:
            b.counts[("TRIAL", "multi-nct-id")] += 1
            ct.append((t, "TRIAL", "-", t))
        else:
            cid = next(iter(ids))
            name = [r[3] for r in b.raw["ctgov-trial-acronyms"] if r[2] == cid][0]
            ct.append((t, "TRIAL", cid, name))
    seed = [(t, lab, cid or "-", name) for t, lab, cid, name in b.raw["trial-seed"]]
    rows = b.rows("TRIAL", [("seed", 0, seed), ("ctgov", 1, ct)])
    for r in rows:
        if r.src == "seed":
            r.flags.discard("ctx")  # the seed list is hand-checked: MIST is cs only
        elif is_caps(r.term) or any(c.isupper() for c in r.term[1:]):
            r.flags.add("cs")  # trial acronyms are written in capitals in news
            if any(w in b.cur.words for w in r.k.split()) and r.term not in b.cur.caps_ok:
                r.flags.add("ctx")
    # a registry 'acronym' in title or lower case ('Randomized', 'Music', 'Efficacy') is
    # a word, not a name: it would fire on ordinary prose
    keep = [r for r in rows if r.src == "seed" or "cs" in r.flags]
    b.counts[("TRIAL", "drop:word")] += len(rows) - len(keep)
    return keep


# ---------------------------------------------------------------- output

FILES = {
    "conditions.tsv": ("CONDITION", ["doid", "curated", "symp", "mesh", "mplus", "doid2016"]),
    "drugs.tsv": ("DRUG", ["drugbank", "curated", "mesh", "fda", "mplus"]),
    "procedures.tsv": ("PROCEDURE", ["maxo", "curated", "mesh", "mplus"]),
    "trials.tsv": ("TRIAL", ["curated", "ctgov"]),
}
NOTICE_LINES = {
    "mesh": "# Contains MeSH 2024 data from the U.S. National Library of Medicine (NLM); subset "
            "and reformatted (see modifications); not the most current MeSH.",
    "maxo": "# Contains the Medical Action Ontology (MAxO), Monarch Initiative, CC BY 4.0 "
            "(labels and exact synonyms, filtered).",
    "doid2016": "# Contains synonyms from the Human Disease Ontology release 2016-09-01, "
                "CC BY 3.0 (filtered).",
}


def write_lexicon(path, label, srcs, rows, listed):
    """listed: versions already named by a file earlier in build order (the compiler
    joins every file's #version line, so each source is named once)."""
    used = [s for s in srcs if any(r.src == s or (s == "curated" and r.src == "seed")
                                   for r in rows)]
    vers = [v for v in dict.fromkeys(VERSIONS[s] for s in used) if v not in listed]
    listed.update(vers)
    lines = ["# GENERATED by scripts/build_lexicons.py -- do not edit; see README.md",
             "# sources: " + "; ".join(dict.fromkeys(VERSIONS[s] for s in used)),
             "#version: " + "; ".join(vers or [label.lower()])]
    lines += [NOTICE_LINES[s] for s in dict.fromkeys(used) if s in NOTICE_LINES]
    lines.append(HEADER)
    body = sorted(rows, key=lambda r: (r.k, r.rank, r.term, r.id))
    for r in body:
        fl = ",".join(f for f in ("cs", "ctx", "low", "exact", "keep") if f in r.flags) or "-"
        lines.append("\t".join((r.term, r.label, r.id, r.name, fl)))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def write_patterns(src_dir, path):
    with open(os.path.join(src_dir, "trial-id-patterns.tsv"), encoding="utf-8") as f:
        src = f.read().splitlines()
    assert src[0] == "pattern\tregistry\texample", "unexpected trial-id-patterns header"
    lines = ["# COPIED by scripts/build_lexicons.py from lexicon sources (hand-written, CC0)",
             "#version: trial-id patterns"] + src
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def build_all(src_dir):
    b = Builder(src_dir)
    out = {"conditions.tsv": build_conditions(b), "drugs.tsv": build_drugs(b),
           "procedures.tsv": build_procedures(b)}
    other = {r.k for rows in out.values() for r in rows if "ctx" not in r.flags}
    out["trials.tsv"] = build_trials(b, other)
    return b, out


def shared_dir():
    return os.environ.get("HNP_SHARED_DIR") or os.path.join(os.path.dirname(REPO), "shared")


# ---------------------------------------------------------------- stats (a rough tagger)

PUB_TYPE = {"CONDITION": "Disease", "DRUG": "Chemical"}


class Matcher:
    """Longest match over tokens, case-insensitive except cs rows, plural-tolerant on the
    last token, ties by file order then row order: an approximation of the C tagger used
    only to tune the filters. ctx rows are skipped unless with_ctx (no context model)."""

    def __init__(self, lexicons, with_ctx=False):
        self.plain, self.cs, self.maxlen = {}, {}, 1
        for fi, rows in enumerate(lexicons):
            for ri, r in enumerate(rows):
                if "ctx" in r.flags and not with_ctx:
                    continue
                n = len(r.k.split())
                self.maxlen = max(self.maxlen, n)
                if "cs" in r.flags:
                    raw = " ".join(t for t in TOKEN_RE.findall(r.term.translate(HYPHENS))
                                   if t != "-")
                    self.cs.setdefault(raw, ((fi, ri), r))
                else:
                    self.plain.setdefault(r.k, ((fi, ri), r))

    def lookup(self, raw, low):
        cands = []
        k = " ".join(low)
        if k in self.plain:
            cands.append(self.plain[k])
        else:
            for s in singulars(low[-1]):
                k2 = " ".join(low[:-1] + [s])
                if k2 in self.plain:
                    cands.append(self.plain[k2])
                    break
        rk = " ".join(raw)
        if rk in self.cs:
            cands.append(self.cs[rk])
        return min(cands, key=lambda c: c[0])[1] if cands else None

    def match(self, text):
        toks = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text.translate(
            HYPHENS)) if m.group() != "-"]
        raw = [t[2] for t in toks]
        low = [t.casefold() for t in raw]
        i, out = 0, []
        while i < len(toks):
            for n in range(min(self.maxlen, len(toks) - i), 0, -1):
                r = self.lookup(raw[i:i + n], low[i:i + n])
                if r is not None and (n == 1 or self._glued(toks, i, n, text)):
                    out.append((toks[i][0], toks[i + n - 1][1], r))
                    i += n
                    break
            else:
                i += 1
        return out

    @staticmethod
    def _glued(toks, i, n, text):
        """A multi-token match must not span a sentence stop or a newline."""
        seg = text[toks[i][0]:toks[i + n - 1][1]]
        return "\n" not in seg and ". " not in seg


def read_pubtator(path):
    docs, cur = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "|t|" in line[:20] and line.split("|", 2)[1] == "t":
                pmid, _, title = line.split("|", 2)
                cur = {"id": pmid, "text": title, "gold": set()}
                docs.append(cur)
            elif cur is not None and line.startswith(cur["id"] + "|a|"):
                cur["text"] += " " + line.split("|", 2)[2]
            elif cur is not None and "\t" in line:
                p = line.split("\t")
                if len(p) >= 5 and p[1].isdigit():
                    typ = "Disease" if p[4] in ("Disease", "SpecificDisease", "DiseaseClass",
                                                "Modifier", "CompositeMention") else p[4]
                    cur["gold"].add((int(p[1]), int(p[2]), typ))
    return docs


def eval_ner(matcher, path, fp_counter=None):
    docs = read_pubtator(path)
    tp = collections.Counter()
    npred = collections.Counter()
    ngold = collections.Counter()
    for d in docs:
        for g in d["gold"]:
            ngold[g[2]] += 1
        for s, e, r in matcher.match(d["text"]):
            typ = PUB_TYPE.get(r.label)
            if typ is None:
                continue
            npred[typ] += 1
            npred[(typ, r.src)] += 1
            if (s, e, typ) in d["gold"]:
                tp[typ] += 1
                tp[(typ, r.src)] += 1
            elif fp_counter is not None:
                fp_counter[(r.label, r.term)] += 1
    return tp, npred, ngold


NEW_FILTERS = ("fda-word-inflected", "allergen-food", "study-design")


def filter_effects(b, lex):
    """Each news-hygiene filter's effect on the NER training sets: exact matches of the rows
    it removed (Python matcher), counted as true positives lost or false positives removed
    (PROCEDURE rows are never scored by the NER sets: all their matches are listed as
    removed mentions). ctx rows that the ctx-word list added are measured the same way."""
    ner = os.path.join(shared_dir(), "eval", "ner")
    docs = [(name, d) for name in ("ncbi-disease-train", "bc5cdr-train")
            for d in read_pubtator(os.path.join(ner, name + ".pubtator"))]
    groups = [(why, b.dropped.get(why, [])) for why in NEW_FILTERS]
    groups.append(("ctx-words (news)", [r for rows in lex for r in rows
                                        if r.k in b.cur.ctx_news and "ctx" in r.flags]))
    for why, rows in groups:
        m = Matcher([rows], with_ctx=True)
        tp = fp = other = 0
        for name, d in docs:
            for s, e, r in m.match(d["text"]):
                typ = PUB_TYPE.get(r.label)
                if typ is None:
                    other += 1
                elif name.startswith("ncbi") and typ != "Disease":
                    continue
                elif (s, e, typ) in d["gold"]:
                    tp += 1
                else:
                    fp += 1
        print("filter %s: %d rows; on NER train: %d false positives removed, %d true "
              "positives lost, %d unscored (PROCEDURE) matches removed" % (
                  why, len(rows), fp, tp, other))


def top_fp(lex):
    """The rows with most false positives on the NER training sets (stop-list evidence)."""
    m = Matcher(lex)
    fp, tpc = collections.Counter(), collections.Counter()
    ner = os.path.join(shared_dir(), "eval", "ner")
    for name in ("ncbi-disease-train", "bc5cdr-train"):
        for d in read_pubtator(os.path.join(ner, name + ".pubtator")):
            for s, e, r in m.match(d["text"]):
                typ = PUB_TYPE.get(r.label)
                if typ is None or (name.startswith("ncbi") and typ != "Disease"):
                    continue
                ((tpc if (s, e, typ) in d["gold"] else fp))[(r.label, r.k)] += 1
    for (label, k), n in fp.most_common(120):
        print("fp %4d tp %4d\t%s\t%s" % (n, tpc[(label, k)], label, k))


def run_stats(lex):
    ner = os.path.join(shared_dir(), "eval", "ner")
    if not os.path.isdir(ner):
        print("stats: no NER data in", ner, "(set HNP_SHARED_DIR)")
        return
    for with_ctx in (False, True):
        m = Matcher(lex, with_ctx)
        for name in ("ncbi-disease-dev", "bc5cdr-dev", "ncbi-disease-train", "bc5cdr-train"):
            tp, npred, ngold = eval_ner(m, os.path.join(ner, name + ".pubtator"))
            for typ in sorted(ngold):
                if name.startswith("ncbi") and typ != "Disease":
                    continue
                p = tp[typ] / npred[typ] if npred[typ] else 0.0
                r = tp[typ] / ngold[typ] if ngold[typ] else 0.0
                f = 2 * p * r / (p + r) if p + r else 0.0
                print("lexicon-match %s %s%s: P %.3f R %.3f F1 %.3f (tp %d pred %d gold %d)"
                      % (name, typ, " +ctx" if with_ctx else "", p, r, f, tp[typ],
                         npred[typ], ngold[typ]))
                if not with_ctx and name.endswith("dev"):
                    print("    by source: " + "; ".join(
                        "%s tp %d pred %d" % (k[1], tp[k], n) for k, n in sorted(
                            npred.items(), key=str) if isinstance(k, tuple) and k[0] == typ))


def run_suggest(lex):
    """Rows that fire in English non-health news pages (boilerplate dev set), with their
    precision on the NER training sets: the evidence for the stop and ctx lists."""
    path = os.path.join(shared_dir(), "eval", "boilerplate", "dev.jsonl")
    m = Matcher(lex)  # plain rows: ctx rows fire only with support from the context
    docs = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["health"] or d["lang"] != "en":
                continue
            for r in {(r.label, r.term) for _, _, r in m.match(d["text"])}:
                docs[r] += 1
    fp = collections.Counter()
    tpc = collections.Counter()
    ner = os.path.join(shared_dir(), "eval", "ner")
    for name in ("ncbi-disease-train", "bc5cdr-train"):
        for d in read_pubtator(os.path.join(ner, name + ".pubtator")):
            for s, e, r in m.match(d["text"]):
                typ = PUB_TYPE.get(r.label)
                hit = (s, e, typ) in d["gold"]
                (tpc if hit else fp)[(r.label, r.term)] += 1
    for (label, term), n in docs.most_common():
        if n < 2:
            break
        t, f = tpc[(label, term)], fp[(label, term)]
        print("%3d non-health docs\t%s\t%s\tner-train tp %d fp %d" % (n, label, term, t, f))


def seed_check(lex):
    path = os.path.join(REPO, "corpora", "samples", "stem-cell-ms.txt")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for with_ctx in (False, True):
        found = collections.Counter((text[s:e], r.label, r.id, ",".join(sorted(r.flags)))
                                    for s, e, r in Matcher(lex, with_ctx).match(text))
        print("seed article%s:" % (" +ctx" if with_ctx else ""),
              "; ".join("%s=%s %s%s%s" % (t, lab, cid, " [" + fl + "]" if fl else "",
                                          " x%d" % n if n > 1 else "")
                        for (t, lab, cid, fl), n in sorted(found.items())))


def make_words(b, dict_path):
    """curated/english-words.txt: the source-term words that are in a SCOWL English word
    list (lower-case entries, i.e. not proper nouns). Only this intersection is shipped."""
    with open(dict_path, encoding="utf-8") as f:
        scowl = {w.strip() for w in f if w.strip() and w.strip().islower()}
    words = set()
    for rows in b.raw.values():
        for t, _, _, _ in rows:
            words.update(w for w in key(t).split() if w in scowl)
    with open(os.path.join(CURATED, "english-words.txt"), "w", encoding="utf-8") as f:
        f.write(WORDS_HEADER + "".join(w + "\n" for w in sorted(words)))


WORDS_HEADER = """\
# english-words.txt -- GENERATED by scripts/build_lexicons.py --make-words DICT
# The words of the lexicon sources that are in SCOWL "small" (Debian wamerican-small
# 2020.12.07-2, /usr/share/dict/american-english-small), lower-case entries only.
# Used to flag acronyms and trial names that are also English words (cs,ctx).
# SCOWL: Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify,
# distribute and sell these word lists, the associated scripts, the output created from
# the scripts, and its documentation for any purpose is hereby granted without fee,
# provided that the above copyright notice appears in all copies and that both that
# copyright notice and this permission notice appear in supporting documentation.
# Kevin Atkinson makes no representations about the suitability of this array for any
# purpose. It is provided "as is" without express or implied warranty.
"""


SEED_EXPECT = [("multiple sclerosis", "CONDITION"), ("relapsing-remitting multiple sclerosis",
                "CONDITION"), ("leukemia", "CONDITION"), ("lymphoma", "CONDITION"),
               ("myeloma", "CONDITION"), ("thrombocytopenia", "CONDITION"),
               ("neutropenia", "CONDITION"), ("sepsis", "CONDITION"),
               ("liver failure", "CONDITION"), ("mitoxantrone", "DRUG"), ("ASTIMS", "TRIAL"),
               ("MIST", "TRIAL"), ("chemotherapy", "PROCEDURE"),
               ("autologous hematopoietic stem cell transplantation", "PROCEDURE")]
NEVER = ["bio valley", "beautiful skin", "bio", "valley", "beautiful", "skin", "disease",
         "therapy", "treatment", "medical action"]


def check_output(out_dir):
    """Contract checks on the written files; returns a list of problems (empty: fine)."""
    bad, keys = [], collections.defaultdict(list)
    for fname in sorted(FILES):
        with open(os.path.join(out_dir, fname), encoding="utf-8") as f:
            lines = f.read().split("\n")
        if not any(line.startswith("#version: ") for line in lines):
            bad.append(fname + ": no #version line")
        body = [line for line in lines if line and not line.startswith("#")]
        if body[0] != HEADER:
            bad.append(fname + ": bad header")
        for line in body[1:]:
            f5 = line.split("\t")
            if len(f5) != 5 or not all(f5) or f5[1] != FILES[fname][0] or not set(
                    f5[4].split(",")) <= {"cs", "ctx", "low", "exact", "keep", "-"}:
                bad.append("%s: bad row %r" % (fname, line))
                continue
            keys[key(f5[0])].append((f5[0], f5[1], f5[4]))
    for term, label in SEED_EXPECT:
        rows = [r for r in keys.get(key(term), []) if r[1] == label and "ctx" not in r[2]]
        if not rows or ("cs" in rows[0][2] and rows[0][0] != term):
            bad.append("seed term missing: %s %s" % (label, term))
    if any("ctx" not in r[2] or "cs" not in r[2] for r in keys.get("ms", [])):
        bad.append("MS must be cs,ctx only")
    bad += ["must not be a term: " + t for t in NEVER if t in keys]
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stats", action="store_true", help="match the NER dev/train sets")
    ap.add_argument("--suggest", action="store_true", help="rows firing in non-health news")
    ap.add_argument("--top-fp", action="store_true", help="rows with most NER-train FPs")
    ap.add_argument("--filter-effects", action="store_true",
                    help="each news-hygiene filter's FPs removed / TPs lost on NER train")
    ap.add_argument("--check", action="store_true",
                    help="only check the files in --out against the contract; exit 1 if bad")
    ap.add_argument("--out", default=OUT_DIR, help="output folder (default: %(default)s)")
    ap.add_argument("--make-words", metavar="DICT", help="regenerate curated/english-words.txt")
    args = ap.parse_args()
    if args.check:
        problems = check_output(args.out)
        print("\n".join(problems) or "lexicons: contract and seed checks passed")
        sys.exit(1 if problems else 0)
    src = os.path.join(shared_dir(), "lexicons", "sources")
    if not os.path.isdir(src):
        sys.exit("build_lexicons: no sources in %s (set HNP_SHARED_DIR)" % src)
    if args.make_words:
        make_words(Builder(src), args.make_words)
    b, out = build_all(src)
    listed = set()
    for fname in sorted(list(FILES) + ["trial-id-patterns.tsv"]):  # CMake's glob order
        if fname in FILES:
            label, srcs = FILES[fname]
            write_lexicon(os.path.join(args.out, fname), label, srcs, out[fname], listed)
        else:
            write_patterns(src, os.path.join(args.out, fname))
    for fname, rows in out.items():
        fl = collections.Counter(f for r in rows for f in r.flags)
        print("%s: %d rows (%s)" % (fname, len(rows), ", ".join(
            "%s %d" % kv for kv in sorted(fl.items()))))
    for (label, what), n in sorted(b.counts.items()):
        print("  %s %s: %d" % (label, what, n))
    problems = check_output(args.out)
    if problems:
        sys.exit("build_lexicons: contract check failed:\n" + "\n".join(problems))
    lex = [out[f] for f in FILES]
    if args.stats:
        seed_check(lex)
        run_stats(lex)
    if args.top_fp:
        top_fp(lex)
    if args.filter_effects:
        filter_effects(b, lex)
    if args.suggest:
        run_suggest(lex)


if __name__ == "__main__":
    main()
