#!/usr/bin/env python3
"""The Python peer of `sandboxlens run` (issue 12): the same full job, written the way a
researcher would write it, to measure SandboxLens against.

    python3 Benchmarks/peer/peer.py [--corpus Corpus] [--lexicons Lexicons] [--out FILE]

For every .html/.htm page under --corpus (recursively, sorted by path):
1. decode: BOM → valid UTF-8 → declared charset (meta, http-equiv, <?xml encoding>;
   gb2312/gbk widened to GB18030) → GB18030; invalid bytes replaced;
2. lxml.html for the tree (script, style and comments skipped);
3. a per-application split over the corpus layouts: a flat stream of lines in document
   order (block elements; <br> and table cells end a line) read by a small state
   machine — headings (h1–h6, or a paragraph all in bold) open an application, field
   labels from Lexicons/fields.yaml (`label：value`, a bare label cell/dt/h4 followed by
   its value, numbering such as （一） or 1. stripped) fill it, unlabelled lines continue
   the current field; a table whose header row names the fields is read row by row
   (used only when the page has no detailed applications, as on the Chongqing page);
   a 应用简介 text is split at 风险防控方面/风险防控上 into function and risk_control;
4. labels, by the rules of Matcher.swift in its order, per field (name, name_en, sections):
   a. normalisation as TextNormalizer does (NFKC, lowercase, spaces, dashes,
      default-ignorable characters; traditional → simplified is *not* done: the standard
      library has no such table);
   b. one pyahocorasick pass over one automaton holding the patterns of both match
      groups (tags = technologies + inclusive markers + entities; categories + entities;
      every YAML file with `family:` and `labels:` is read generically), with the regular
      English plurals of Latin terms (+s, +es, y → ies; a term written in the lexicon
      wins over a plural of the same form), the lexicons' `blockers`, the negation
      entries and the suffixes and not-names of `name_pattern` (entities.yaml);
      Latin ends on word boundaries (a letter end must not touch a letter, a digit end
      a digit: SDK2.0 holds SDK, 125G no 5G); a glob term (`*` first or last) lifts the
      boundary on its `*` side and extends over the rest of the Latin word;
   c. names claim their span first: a gazetteer entity cancels every term it overlaps; in
      the tags group a name of the general pattern (min_prefix..max_prefix Han characters
      before a suffix such as 有限公司 or 银行, starting after a non-Han character, a
      break word or the text start; no name where a not-name such as 手机银行 covers the
      suffix; the longest suffix per end) cancels the terms inside it that end before its
      suffix; an English suffix (co., ltd, inc …) takes up to 6 words before it, back to
      an English break word;
   d. a blocker cancels each overlapping term of its family that is shorter (UTF-8
      bytes, as in Swift) than the blocker (线上链接 cancels 上链);
   e. leftmost-longest among the remaining terms of the group;
   f. negation (negation.yaml, NegEx-style): cues, post-cues, terminations and
      pseudo-negations compete leftmost-longest (on Latin word boundaries); a pre-cue
      negates terms that start after it, a post-cue terms that start before it, up to a
      stop (a termination, a clause terminator, another non-pseudo cue, or `window`
      scalars); a pseudo-negation negates and stops nothing; HEAD…TAIL (无需…即可) is
      pseudo when the tail follows the head in the clause, else the head is a pre-cue;
   g. labels: every non-negated tags match gives its label plus `implies`; category
      scores = term weight × field weight (rules.yaml); primary = best score, ties to a
      category matched in the title, then lexicon order; no score → the
      application-type default;
5. JSON Lines out: {id, file, position, name, name_en, application_type, primary,
   technologies, inclusive_markers, category_scores}.

Only the Corpus/ pages need to give the same labels as `run` (Benchmarks/peer/check.py);
on other layouts the peer does the same amount of work but may split differently.
"""
import argparse
import bisect
import codecs
import json
import os
import re
import sys
import unicodedata

import ahocorasick
import lxml.html
import yaml
from lxml import etree

# ---------------------------------------------------------------- lexicons

GROUPS = {
    "tags": ["technologies", "inclusive_markers", "entities"],
    "categories": ["categories", "entities"],
}
NEGATION_KEYS = {"cues", "pre_cues", "post_cues", "pseudo", "false_cues", "terminations", "clause_terminators",
                 "window", "description"}


class Lexicons:
    def __init__(self, folder):
        self.families = {}  # family → [(label id, {terms: [(text, weight)], implies: [...]})]
        self.blockers = {}  # family → [phrase]
        self.name_pattern = {}  # entities.yaml `name_pattern`
        self.negation = {}
        self.fields = {}
        self.rules = {}
        self.places = {}
        for name in sorted(os.listdir(folder)):
            if not name.endswith((".yaml", ".yml")):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                doc = yaml.safe_load(f) or {}
            if "family" in doc and "labels" in doc:
                labels = []
                for lid, spec in (doc["labels"] or {}).items():
                    terms = []
                    for t in (spec or {}).get("terms", []) or []:
                        if isinstance(t, dict):
                            terms.append((str(t["term"]).strip(), float(t.get("weight", 1.0))))
                        else:
                            terms.append((str(t).strip(), 1.0))
                    labels.append((lid, {"terms": terms, "implies": list((spec or {}).get("implies", []) or [])}))
                self.families[doc["family"]] = labels
                self.blockers[doc["family"]] = [str(b).strip() for b in doc.get("blockers", []) or []]
                if doc.get("name_pattern"):
                    self.name_pattern = doc["name_pattern"]
            elif {"cues", "pre_cues", "post_cues"} & set(doc):
                self.negation = doc
                unknown = set(doc) - NEGATION_KEYS
                if unknown:
                    print(f"peer: negation.yaml has keys the peer does not know: {sorted(unknown)}", file=sys.stderr)
            elif "fields" in doc:
                self.fields = doc["fields"]
            elif "field_weights" in doc or "default_field_weight" in doc:
                self.rules = doc
            elif "places" in doc:
                self.places = doc["places"]
        self.implies = {lid: spec["implies"] for labels in self.families.values() for lid, spec in labels if spec["implies"]}
        self.order = {fam: [lid for lid, _ in labels] for fam, labels in self.families.items()}


# ---------------------------------------------------------------- normalisation

_IGNORABLE = [(0xAD, 0xAD), (0x34F, 0x34F), (0x61C, 0x61C), (0x115F, 0x1160), (0x17B4, 0x17B5),
              (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
              (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
              (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF)]
_SPACE = set(map(chr, [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2D, 0x5F, 0x2212]
                 + list(range(0x2000, 0x200C)) + list(range(0x2010, 0x2016))))
_fold_cache = {}


def _fold(ch):
    r = _fold_cache.get(ch)
    if r is None:
        v = ord(ch)
        if v < 0x80 or 0x4E00 <= v <= 0x9FFF:
            r = ch.lower() if v < 0x80 else ch
        elif any(a <= v <= b for a, b in _IGNORABLE):
            r = ""
        else:
            r = unicodedata.normalize("NFKC", ch).lower()
        _fold_cache[ch] = r
    return r


def normalize(text):
    """(normalised string, map: normalised index → original index, plus one extra = len)."""
    out = []
    pos = []
    last_space = True
    for i, ch in enumerate(text):
        for c in _fold(ch):
            if c in _SPACE:
                if last_space:
                    continue
                last_space = True
                out.append(" ")
                pos.append(i)
                continue
            last_space = False
            out.append(c)
            pos.append(i)
    pos.append(len(text))
    return "".join(out), pos


def normalize_term(t):
    return normalize(t)[0].rstrip(" ")


def _cls(c):
    """Latin token class of a normalised character: 1 ASCII letter, 2 digit, 0 other."""
    if "a" <= c <= "z" or "A" <= c <= "Z":
        return 1
    if "0" <= c <= "9":
        return 2
    return 0


def _boundary(norm, s, e, sc, ec):
    """An end that is a letter must not touch a letter, a digit not a digit."""
    if sc and s > 0 and _cls(norm[s - 1]) == sc:
        return False
    if ec and e < len(norm) and _cls(norm[e]) == ec:
        return False
    return True


def inflections(form):
    """Regular English plural of a form whose last word is ASCII letters (≥ 2)."""
    n = 0
    for c in reversed(form):
        if _cls(c) != 1:
            break
        n += 1
    if n < 2 or (n < len(form) and _cls(form[-n - 1]) == 2):
        return []
    if form[-1] in "sxz" or form[-2:] in ("ch", "sh"):
        return [form + "es"]
    if form[-1] == "y" and form[-2] not in "aeiou":
        return [form[:-1] + "ies"]
    return [form + "s"]


def _is_han(c):
    v = ord(c)
    return 0x4E00 <= v <= 0x9FFF or 0x3400 <= v <= 0x4DBF or 0xF900 <= v <= 0xFAFF or 0x20000 <= v <= 0x3FFFF


def leftmost_longest(occ):
    """(start, end, id) triples: leftmost, then longest; equal spans are all kept."""
    occ.sort(key=lambda o: (o[0], -o[1], o[2]))
    kept = []
    frontier = 0
    for o in occ:
        if kept and kept[-1][0] == o[0] and kept[-1][1] == o[1]:
            kept.append(o)
            continue
        if o[0] >= frontier:
            kept.append(o)
            frontier = o[1]
    return kept


class Group:
    """The patterns of one match group: terms (with their plurals), entities, blockers.
    A pattern is [kind, terms, start class, end class, glob start, glob end, variant];
    kind is "terms", "entity" or the family of a blocker."""

    def __init__(self, lex, families):
        self.patterns = []
        self.forms = []
        keys = {}

        def add(form, kind, terms, gs, ge, variant=False):
            key = ("*" if gs else "") + form + ("*" if ge else "")
            i = keys.get(key)
            if i is not None:
                p = self.patterns[i]
                if p[6] and not variant:  # a written term replaces a generated plural
                    p[0], p[1], p[6] = kind, terms, False
                elif not variant and p[0] == "terms" and kind == "terms":
                    p[1] = p[1] + [t for t in terms if not any(o[0] == t[0] and o[1] == t[1] for o in p[1])]
                return
            keys[key] = len(self.patterns)
            self.patterns.append([kind, terms, _cls(form[0]), _cls(form[-1]), gs, ge, variant])
            self.forms.append(form)

        for fam in families:
            for lid, spec in lex.families.get(fam, []):
                for term, weight in spec["terms"]:
                    gs, ge = term.startswith("*"), term.endswith("*")
                    form = normalize_term(term.replace("*", "") if gs or ge else term).strip(" ")
                    if not form:
                        continue
                    kind = "entity" if fam == "entities" else "terms"
                    terms = [(fam, lid, term, weight)]
                    add(form, kind, terms, gs, ge)
                    if fam != "entities" and not ge:
                        for v in inflections(form):
                            add(v, kind, terms, gs, False, True)
            if fam != "entities":
                for b in lex.blockers.get(fam, []):
                    form = normalize_term(b)
                    if form:
                        add(form, fam, [], False, False)


PRE, POST, PSEUDO, TERMINATION, GAP = range(5)
TAGS, CATEGORIES, CUES, SUFFIXES, NOT_NAMES = range(5)


class Matcher:
    """Matcher.swift's rules over one pyahocorasick automaton that finds, in one pass,
    the patterns of both groups, the negation cues, the name suffixes and the not-names."""

    def __init__(self, lex):
        self.lex = lex
        self.groups = {g: Group(lex, fams) for g, fams in GROUPS.items()}
        neg = lex.negation
        self.cue_kinds, self.cue_forms, self.gap_tails = [], [], {}
        heads = {}

        def cue(text, kind):
            form = normalize_term(str(text))
            if form:
                self.cue_kinds.append(kind)
                self.cue_forms.append(form)

        for c in list(neg.get("cues") or []) + list(neg.get("pre_cues") or []):
            cue(c, PRE)
        for c in neg.get("post_cues") or []:
            cue(c, POST)
        for c in neg.get("terminations") or []:
            cue(c, TERMINATION)
        for c in list(neg.get("false_cues") or []) + list(neg.get("pseudo") or []):
            parts = str(c).strip().split("…")
            if len(parts) == 2:  # HEAD…TAIL
                head = normalize_term(parts[0]).strip(" ")
                if head not in heads:
                    heads[head] = len(self.cue_forms)
                    self.cue_kinds.append(GAP)
                    self.cue_forms.append(head)
                self.gap_tails.setdefault(heads[head], []).append(normalize_term(parts[1]).strip(" "))
            else:
                cue(c, PSEUDO)
        self.cue_classes = [(_cls(f[0]), _cls(f[-1])) for f in self.cue_forms]
        terms = set()
        for ch in str(neg.get("clause_terminators", "，,；;。.！？!?")):
            terms.add(ch)
            terms.update(normalize(ch)[0][:1])
        self.terminators = re.compile("[" + "".join(re.escape(c) for c in sorted(terms)) + "]") if terms else None
        self.window = int(neg.get("window", 40))

        np_ = lex.name_pattern or {}
        self.suffixes = [f for f in (normalize_term(str(s)) for s in np_.get("suffixes", []) or []) if f]
        self.breaks = {}  # last character → breaks ending with it
        for b in np_.get("breaks", []) or []:
            f = normalize_term(str(b))
            if f:
                self.breaks.setdefault(f[-1], []).append(f)
        # English break words (by, and …) end an English name (Matcher.latinName).
        self.latin_breaks = {f for fs in self.breaks.values() for f in fs if all(_cls(c) == 1 for c in f)}
        not_names = [f for f in (normalize_term(str(s)) for s in np_.get("not_names", []) or []) if f]
        self.min_prefix = int(np_.get("min_prefix", 2))
        self.max_prefix = int(np_.get("max_prefix", 16))

        table = {}  # form → [(part, pattern id, length)]
        parts = [(TAGS, self.groups["tags"].forms), (CATEGORIES, self.groups["categories"].forms),
                 (CUES, self.cue_forms), (SUFFIXES, self.suffixes), (NOT_NAMES, not_names)]
        for part, forms in parts:
            for i, f in enumerate(forms):
                table.setdefault(f, []).append((part, i, len(f)))
        self.auto = ahocorasick.Automaton()
        for f, v in table.items():
            self.auto.add_word(f, tuple(v))
        self.empty = not table
        if table:
            self.auto.make_automaton()

    def scan(self, norm):
        found = ([], [], [], [], [])
        if not self.empty:
            for end, vals in self.auto.iter(norm):
                e = end + 1
                for part, pid, ln in vals:
                    found[part].append((e - ln, e, pid))
        return found

    def scopes(self, norm, pos, found):
        """Original-text ranges governed by a cue (pre: after it, post: before it)."""
        if not found:
            return []
        n = len(norm)
        cls = self.cue_classes
        kinds = self.cue_kinds
        cues = leftmost_longest([o for o in found if _boundary(norm, o[0], o[1], *cls[o[2]])])
        heads = {(s, e) for s, e, p in cues if kinds[p] == GAP}
        if heads:
            cues = [c for c in cues if kinds[c[2]] == GAP or (c[0], c[1]) not in heads]
        ends = [m.start() for m in self.terminators.finditer(norm)] if self.terminators else []

        def clause_end(p):
            k = bisect.bisect_left(ends, p)
            return ends[k] if k < len(ends) else n

        def clause_start(p):
            k = bisect.bisect_left(ends, p)
            return ends[k - 1] + 1 if k > 0 else 0

        resolved = []
        for s, e, p in cues:
            k = kinds[p]
            if k == GAP:
                limit = clause_end(e)
                k = PSEUDO if any(norm.find(t, e, limit) >= 0 for t in self.gap_tails.get(p, ())) else PRE
            resolved.append((s, e, k))
        stops = [(s, e) for s, e, k in resolved if k != PSEUDO]
        out = []
        for s, e, k in resolved:
            if k == PRE:
                upper = clause_end(e)
                nxt = next((a for a, b in stops if a >= e), None)
                if nxt is not None:
                    upper = min(upper, nxt)
                lo = pos[e - 1] + 1
                hi = min(pos[upper], lo + self.window)
                if hi > lo:
                    out.append((lo, hi))
            elif k == POST:
                lower = clause_start(s)
                prev = [b for a, b in stops if b <= s]
                if prev:
                    lower = max(lower, prev[-1])
                hi = pos[s]
                lo = max(pos[lower], hi - self.window)
                if hi > lo:
                    out.append((lo, hi))
        return out

    def names(self, norm, suffixes, not_names):
        """Names by the general pattern: (start, suffix start) — a run of Han characters
        before a suffix, stopped by a non-Han character, a break word or max_prefix."""
        if not suffixes:
            return []
        by_end = {}
        for s, e, _ in suffixes:  # longest suffix per end (股份有限公司 over 有限公司)
            if e not in by_end or s < by_end[e]:
                by_end[e] = s
        spans = []
        for end in sorted(by_end):
            suffix = by_end[end]
            if any(a < end and suffix < b for a, b, _ in not_names):
                continue
            if _cls(norm[suffix]) == 1:  # an English suffix (co., ltd, inc …)
                span = self.latin_name(norm, suffix, end)
                if span:
                    spans.append(span)
                continue
            start, count = suffix, 0
            while start > 0 and count < self.max_prefix:
                c = norm[start - 1]
                if any(norm.endswith(b, 0, start) for b in self.breaks.get(c, ())) or not _is_han(c):
                    break
                start -= 1
                count += 1
            if count >= self.min_prefix:
                spans.append((start, suffix))
        return spans

    def latin_name(self, norm, suffix, end):
        """An English name before the suffix at suffix..end (on word boundaries): up to 6
        words (letters, digits, &'.-) back to an English break word, a word ending in a full
        stop, or another character."""
        if suffix > 0 and _cls(norm[suffix - 1]) != 0:
            return None
        if end < len(norm) and _cls(norm[end]) == 1:
            return None
        name_char = lambda c: _cls(c) != 0 or c in "&'.-"
        start, words, i = suffix, 0, suffix
        while words < 6:
            j = i
            while j > 0 and norm[j - 1] == " ":
                j -= 1
            k = j
            while k > 0 and name_char(norm[k - 1]):
                k -= 1
            if k == j or norm[j - 1] == "." or norm[k:j] in self.latin_breaks:
                break
            words += 1
            start = i = k
        return (start, suffix) if words else None

    def group_matches(self, norm, pos, group, raw, scopes, names):
        pats = group.patterns
        claims = []  # (start, end, whole overlap?)
        blockers = []
        terms = []
        n = len(norm)
        for s, e, pid in raw:
            p = pats[pid]
            if not _boundary(norm, s, e, 0 if p[4] else p[2], 0 if p[5] else p[3]):
                continue
            if p[5] and p[3]:  # glob end: over the rest of the Latin word
                while e < n and _cls(norm[e]):
                    e += 1
            if p[4] and p[2]:
                while s > 0 and _cls(norm[s - 1]):
                    s -= 1
            if p[0] == "terms":
                terms.append((s, e, pid))
            elif p[0] == "entity":
                claims.append((s, e))
            else:
                blockers.append((s, e, p[0]))
        if claims or names or blockers:
            kept = []
            for o in terms:
                s, e, pid = o
                if any(s < ce and cs < e for cs, ce in claims):  # a gazetteer entity: any overlap
                    continue
                if any(s >= cs and e <= ce for cs, ce in names):  # a name: inside, before the suffix
                    continue
                if blockers:
                    fams = {t[0] for t in pats[pid][1]}
                    if any(bs < e and s < be and bf in fams and len(norm[bs:be].encode()) > len(norm[s:e].encode())
                           for bs, be, bf in blockers):
                        continue
                kept.append(o)
            terms = kept
        found = []
        for s, e, pid in leftmost_longest(terms):
            start, end = pos[s], pos[e - 1] + 1
            negated = any(a <= start < b for a, b in scopes)
            for fam, label, term, weight in pats[pid][1]:
                found.append((fam, label, term, weight, negated, start, end))
        return found

    def matches(self, text, groups):
        norm, pos = normalize(text)
        tags, cats, cues, suffixes, not_names = self.scan(norm)
        scopes = self.scopes(norm, pos, cues)
        res = {}
        for g in groups:
            raw = tags if g == "tags" else cats
            names = self.names(norm, suffixes, not_names) if g == "tags" else []
            res[g] = self.group_matches(norm, pos, self.groups[g], raw, scopes, names)
        return res


# ---------------------------------------------------------------- decoding and tree

_DECL = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", re.I)
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "gb_2312-80": "gb18030",
          "big5": "big5hkscs", "big5-hkscs": "big5hkscs"}


def decode(data):
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), "UTF-8"
    if data.startswith(codecs.BOM_UTF16_LE):
        return data[2:].decode("utf-16-le", "replace"), "UTF-16LE"
    if data.startswith(codecs.BOM_UTF16_BE):
        return data[2:].decode("utf-16-be", "replace"), "UTF-16BE"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    m = _DECL.search(data[:4096])
    enc = "gb18030"
    if m:
        label = (m.group(1) or m.group(2)).decode("ascii").lower()
        enc = _WIDEN.get(label, label)
        try:
            codecs.lookup(enc)
        except LookupError:
            enc = "gb18030"
    return data.decode(enc, "replace"), enc


BLOCK = {"p", "div", "td", "th", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
         "section", "article", "ul", "ol", "dl", "blockquote", "title", "header", "footer", "body", "hr"}
HEAD = {"h1", "h2", "h3", "h4", "h5", "h6"}
SKIP = {"script", "style", "head", "noscript", "template"}


def lines_of(root):
    """Document-order lines: (text, kind) with kind 'head' (an h1–h6, or a line whose
    text is all inside b/strong) or 'text'; and the column tables, read apart."""
    lines = []
    tables = []
    buf = []  # (text, in bold)

    def flush(head=False):
        text = "".join(t for t, _ in buf).strip()
        all_bold = bool(text) and all(bd for t, bd in buf if t.strip())
        buf.clear()
        if text:
            if "\n" in text or "\t" in text:
                text = re.sub(r"[ \t\r\n]+", " ", text)
            lines.append((text, "head" if head or all_bold else "text"))

    def walk(el, in_bold):
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None or tag.lower() in SKIP:  # comment, processing instruction, script …
            if el.tail:
                buf.append((el.tail, in_bold))
            return
        tag = tag.lower()
        if tag == "br" or (tag == "table" and column_table(el)):
            flush()
        else:
            b = in_bold or tag in ("b", "strong")
            block = tag in BLOCK
            if block:
                flush()
            if el.text:
                buf.append((el.text, b))
            for child in el:
                walk(child, b)
            if block:
                flush(tag in HEAD)
        if el.tail:
            buf.append((el.tail, in_bold))

    def column_table(table):
        rows = [r for r in table.iter("tr")]
        if len(rows) < 2:
            return False
        head = [cell_text(c) for c in rows[0] if isinstance(c.tag, str) and c.tag in ("td", "th")]
        fields = [field_of_label(h) for h in head]
        if len(head) >= 3 and "name" in fields and sum(1 for f in fields if f) >= 2:
            recs = []
            for r in rows[1:]:
                cells = [cell_text(c) for c in r if isinstance(c.tag, str) and c.tag in ("td", "th")]
                rec = {}
                for f, h, v in zip(fields, head, cells):
                    if f:
                        rec[f] = (h, v)
                if rec.get("name"):
                    recs.append(rec)
            tables.append(recs)
            return True
        return False

    walk(root, False)
    flush()
    return lines, tables


def cell_text(el):
    return re.sub(r"\s+", " ", el.text_content()).strip()


# ---------------------------------------------------------------- segmentation

_NUM = re.compile(r"^\s*(?:[（(][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+[、．.]|\d+\s*[.．、]|"
                  r"[①②③④⑤⑥⑦⑧⑨⑩])\s*")
LABELS = []  # (lowercased label, field), longest first
_CN_NUM = "〇一二三四五六七八九十"


def setup_labels(fields):
    LABELS.clear()
    for field, heads in fields.items():
        for h in heads:
            LABELS.append((str(h).lower(), field))
    LABELS.sort(key=lambda x: -len(x[0]))


def field_of_label(text):
    t = _NUM.sub("", text).strip().rstrip(":：").strip().lower()
    t = re.sub(r"[\s\u3000]+", " ", t)
    t2 = t.replace(" ", "")
    for lab, field in LABELS:
        if t == lab or t2 == lab.replace(" ", ""):
            return field
    return None


def split_label(text):
    """(field, heading, value) for 'label：value' (or a bare label, value None), else None."""
    t = _NUM.sub("", text)
    low = t.lower()
    for lab, field in LABELS:
        if low.startswith(lab):
            rest = t[len(lab):]
            if not rest.strip():
                return field, t[:len(lab)], None
            m = re.match(r"^\s*[:：]\s*", rest)
            if m:
                return field, t[:len(lab)], rest[m.end():].strip()
    return None


_HEAD_PREFIX = re.compile(r"^\s*(?:创新应用[一二三四五六七八九十百\d]+\s*[:：]?|application\s+\d+\s*[:：.]?)\s*", re.I)


class App:
    def __init__(self, name=None, name_en=None):
        self.name = name
        self.name_en = name_en
        self.applicants = None
        self.type_text = None
        self.sections = []  # [field, heading, [texts]]
        self.field = None

    def empty(self):
        return not self.sections and self.applicants is None and self.type_text is None

    def add(self, field, heading, value):
        if field == "name":
            if value:
                self.name = value
            self.field = "name"
        elif field == "applicants":
            self.applicants = value or ""
            self.field = "applicants"
        elif field == "application_type":
            self.type_text = value or ""
            self.field = "application_type"
        else:
            self.sections.append([field, heading, [value] if value else []])
            self.field = "section"

    def text(self, value):
        if self.field == "section":
            self.sections[-1][2].append(value)
        elif self.field == "name" and not self.name:
            self.name = value
        elif self.field == "applicants":
            self.applicants = (self.applicants + "、" + value) if self.applicants else value
        elif self.field == "application_type" and not self.type_text:
            self.type_text = value


def split_risk(field, heading, text):
    """Chongqing: an 应用简介 text whose last sentence starts 风险防控方面/风险防控上."""
    m = re.search(r"(?<=。)(风险防控(?:方面|上)[，,])", text)
    if field == "function" and m:
        return [(field, heading, text[:m.start()]), ("risk_control", "", text[m.start():])]
    return [(field, heading, text)]


def segment(lines, tables):
    apps = []
    cur = None
    for text, kind in lines:
        lab = split_label(text)
        if kind == "head" and not lab:
            name = _HEAD_PREFIX.sub("", _NUM.sub("", text)).strip()
            english = bool(re.match(r"^\s*application\s+\d+", text, re.I))
            if cur is not None and cur.empty() and (english or not cur.name_en):
                cur.name, cur.name_en = (None, name or None) if english else (name or None, None)
            else:
                cur = App(*((None, name or None) if english else (name or None, None)))
                apps.append(cur)
            cur.field = "name" if not cur.name else None
            continue
        if cur is None:
            if not (lab and lab[0] == "name" and lab[2]):
                continue
            cur = App()
            apps.append(cur)
        if lab:
            field, heading, value = lab
            if field == "name" and cur.name and not cur.empty() and value:
                cur = App(value)
                apps.append(cur)
                cur.field = "name"
                continue
            if field == "name" and value and cur.name and cur.name != value and not cur.name_en:
                # "Chinese name" after an English heading, or a name row after a heading
                pass
            cur.add(field, heading, value)
        else:
            cur.text(text)
    apps = [a for a in apps if a.name and a.sections]
    if not apps:
        for recs in tables:
            for rec in recs:
                a = App(rec["name"][1])
                for f, (h, v) in rec.items():
                    if f == "name":
                        continue
                    a.add(f, h, v)
                apps.append(a)
    return apps


def app_type(text):
    t = (text or "").lower()
    if "金融服务" in t or "financial service" in t:
        return "financial_service"
    if "科技产品" in t or "technology product" in t:
        return "technology_product"
    return "unstated"


# ---------------------------------------------------------------- page metadata

_BATCH_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}


def cn_number(s):
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_NUM.index(s[1])
    if len(s) == 2 and s[1] == "十":
        return _CN_NUM.index(s[0]) * 10
    if len(s) == 3 and s[1] == "十":
        return _CN_NUM.index(s[0]) * 10 + _CN_NUM.index(s[2])
    return _CN_NUM.index(s[0]) if s[0] in _CN_NUM else 0


def page_id(lex, title, body):
    hay = title or body[:2000]
    city = None
    best = 0
    for pid, names in lex.places.items():
        for nm in names:
            i = hay.find(str(nm))
            if i >= 0 and len(str(nm)) > best:
                city, best = pid, len(str(nm))
    batch = None
    m = re.search(r"第([一二三四五六七八九十\d]+)批", hay)
    if "首批" in hay:
        batch = 1
    elif m:
        batch = cn_number(m.group(1))
    else:
        m = re.search(r"(first|second|third|fourth|fifth|sixth)\s+batch", hay, re.I)
        if m:
            batch = _BATCH_WORDS[m.group(1).lower()]
    m = re.search(r"(20\d\d)", hay) or re.search(r"(20\d\d)", body)
    year = m.group(1) if m else "0000"
    return f"{city or 'unknown'}-{year}-b{batch or 0}"


# ---------------------------------------------------------------- classification

def classify(matcher, lex, app):
    fields = [("name", app.name)]
    if app.name_en:
        fields.append(("name_en", app.name_en))
    for f, h, t in app.sections:
        fields.append((f, t))
    weights = lex.rules.get("field_weights", {}) or {}
    default_w = float(lex.rules.get("default_field_weight", 1))
    techs, marks, scores, in_title = set(), set(), {}, set()
    for field, text in fields:
        found = matcher.matches(text, ["tags", "categories"])
        for fam, label, term, weight, negated, _, _ in found["tags"]:
            if negated:
                continue
            for lab in [label] + lex.implies.get(label, []):
                if fam == "technologies":
                    techs.add(lab)
                elif fam == "inclusive_markers":
                    marks.add(lab)
        fw = float(weights.get("name" if field == "name_en" else field, default_w))
        for fam, label, term, weight, negated, _, _ in found["categories"]:
            if negated or fw <= 0:
                continue
            scores[label] = scores.get(label, 0.0) + weight * fw
            if field in ("name", "name_en"):
                in_title.add(label)
    cats = lex.order.get("categories", [])
    ranked = sorted(range(len(cats)), key=lambda i: (-scores.get(cats[i], 0.0), cats[i] not in in_title, i))
    primary = cats[ranked[0]] if cats else None
    if not scores.get(primary, 0):
        primary = "underlying_technology" if app_type(app.type_text) == "technology_product" else "innovative_banking"
    return {
        "primary": primary,
        "technologies": [t for t in lex.order.get("technologies", []) if t in techs],
        "inclusive_markers": [m for m in lex.order.get("inclusive_markers", []) if m in marks],
        "category_scores": {k: v for k, v in scores.items() if v},
    }


# ---------------------------------------------------------------- main

def pages(corpus):
    out = []
    for dirpath, dirnames, filenames in os.walk(corpus):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for fn in filenames:
            if fn.lower().endswith((".html", ".htm")) and not fn.startswith("."):
                full = os.path.join(dirpath, fn)
                out.append((os.path.relpath(full, corpus), full))
    return sorted(out)


_XMLDECL = re.compile(r"^\s*<\?xml[^>]*\?>")


def main():
    ap = argparse.ArgumentParser(description="Python peer of sandboxlens run")
    ap.add_argument("--corpus", default="Corpus")
    ap.add_argument("--lexicons", default="Lexicons")
    ap.add_argument("--out", default="-", help="JSON Lines file (default stdout)")
    args = ap.parse_args()
    lex = Lexicons(args.lexicons)
    setup_labels(lex.fields)
    matcher = Matcher(lex)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    n_pages = n_recs = 0
    for rel, full in pages(args.corpus):
        with open(full, "rb") as f:
            data = f.read()
        n_pages += 1
        if not data.strip():
            continue
        text, enc = decode(data)
        text = _XMLDECL.sub("", text, count=1)
        try:
            root = lxml.html.document_fromstring(text)
        except (etree.ParserError, ValueError):
            continue
        title_el = root.find(".//title")
        title = title_el.text_content().strip() if title_el is not None else ""
        body = root.find("body")
        if body is None:
            body = root
        lines, tables = lines_of(body)
        prefix = page_id(lex, title, " ".join(t for t, _ in lines[:20]))
        for i, app in enumerate(segment(lines, tables), 1):
            secs = []
            for f, h, ts in app.sections:
                secs.extend(split_risk(f, h, "\n".join(ts)))
            app.sections = secs
            labels = classify(matcher, lex, app)
            rec = {"id": f"{prefix}-{i:02d}", "file": rel, "position": i, "name": app.name, "name_en": app.name_en,
                   "application_type": app_type(app.type_text), **labels}
            out.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
            n_recs += 1
    if out is not sys.stdout:
        out.close()
    print(f"peer: {n_pages} pages, {n_recs} records", file=sys.stderr)


if __name__ == "__main__":
    main()
