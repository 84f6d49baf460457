#!/usr/bin/env python3
"""Extract Dyad actor dictionaries from the Phoenix PETRARCH/TABARI dictionaries.

Reads, in place (never copied):
  ../shared/data/petrarch/Phoenix.Countries.actors.txt
  ../shared/data/petrarch/Phoenix.International.actors.txt
  ../shared/data/petrarch/Phoenix.MilNonState.actors.txt
  ../shared/data/petrarch/Phoenix.agents.txt
  ../shared/data/ud-ewt/train.conllu   (only to learn which words are common English words)
  data/actors/*.txt                     (the curated files: known codes, names already taken)

Writes data/actors/generated/{people,orgs,agents}.txt in Dyad's own format
(docs/dictionaries.md). The output is deterministic: same inputs, same bytes.

Usage: python3 scripts/extract-phoenix-actors.py [SHARED_DIR]   (default: ../shared)

What is kept, and how names are made matchable:
- An entry with at least one date-restricted code (`[AFGGOV 20041207-20091119]`) is a person:
  one people.txt line per dated code (country, sector, from, to). A role without an end (`>D`)
  ends on 2015-12-31 (OPEN_END: the files' last date is 2015-02-17). Its unrestricted code (usually
  `[XXXELI]`) is not written: Dyad codes a person after their last role as an elite of that role's
  country, which is what Phoenix's default code says in almost all entries.
- An entry with only unrestricted codes and a sector (`[AFGMIL]`, `[MNCUSA]`, `[IGOUNOIAE]`) is an
  organisation (orgs.txt). Entries coded with a bare country (`[AFG]`: country names, cities,
  provinces) are skipped: countries.txt and the gazetteer cover them.
- Codes: the first three letters are a country or region code of data/actors (or IGO/NGO/MNC/IMG,
  mapped below); the sector is the first later three-letter group that is a CAMEO sector.
- Phrases (`BARACK_OBAMA`) become "Barack Obama": the first letter of each word a capital, the rest
  lower case (the matcher lets lower-case letters of a form match either case, so "Ki-moon" matches
  "Ki-Moon"); name particles (al, bin, de, van, ...) and function words (of, the, and) in lower case;
  acronyms (words with a dot or no vowel, two-letter words, short one-word organisation names)
  in capitals.
- Parenthetical parts of phrases ("(LTTE)") are removed.
- Dropped: phrases starting with a title or honorific ("PRESIDENT_OBAMA", "MR_OBAMA": Dyad reads
  titles itself); forms shorter than 4 characters; one-word forms that are common English words
  (seen in lower case in UD-EWT), shorter than 5 letters, or a word of more than one person's
  name (a bare "Hassan" or "Karimi" would be a guess); forms made only of common English words
  ("National Army"); forms that two different entries claim; forms and people the curated files
  already have (curated entries win; the loader checks this again).
- Agents: every noun of Phoenix.agents.txt with a `[~SECTOR]` code, `!PERSON!`-style sets expanded,
  plural forms left to Dyad's loader (it generates them), forms the curated agents.txt has skipped.
"""

import os
import re
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared"), "data")
PETR = os.path.join(SHARED, "petrarch")
ACTOR_FILES = [
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
]
OUT = os.path.join(ROOT, "data", "actors", "generated")
COMMAND = "python3 scripts/extract-phoenix-actors.py"
# The last date written in the Phoenix files is 2015-02-17: they were not kept up after that, so a
# role still open there is not known to last. Open roles are closed at the end of 2015; after it
# the person is coded as an elite (ELI) of the role's country, not as still in office.
OPEN_END = "2015-12-31"

def read_code_map():
    """data/actors/phoenix-codes.txt: prefixes, sector groups and religion groups."""
    prefixes, sectors, religions = {}, {}, set()
    for line in open(os.path.join(ROOT, "data", "actors", "phoenix-codes.txt"), encoding="utf-8"):
        if line.lstrip().startswith("#") or not line.strip():
            continue
        f = [x.strip() for x in line.split("#")[0].split("|")]
        if f[0] == "prefix":
            prefixes[f[1]] = (f[2], None if f[3] == "-" else f[3])
        elif f[0] == "sector":
            sectors[f[1]] = f[2]
        elif f[0] == "religion":
            religions.add(f[1])
    return prefixes, sectors, religions


PREFIXES, SECTORS, RELIGIONS = read_code_map()

# First words that make a phrase a title + name rather than a name.
TITLES = {
    "MR", "MRS", "MS", "MISS", "DR", "SIR", "MADAME", "MADAM", "MONSIEUR", "PRESIDENT", "PRES",
    "PRIME", "MINISTER", "FOREIGN", "DEFENSE", "DEFENCE", "INTERIOR", "FINANCE", "GENERAL", "GEN",
    "COL", "COLONEL", "LT", "LIEUTENANT", "MAJOR", "CAPTAIN", "CAPT", "ADMIRAL", "ADM", "SGT",
    "KING", "QUEEN", "SECRETARY", "SECRETARY-GENERAL", "ACTING", "FORMER", "EX", "DEPUTY", "VICE",
    "SENATOR", "SEN", "REP", "REPRESENTATIVE", "CONGRESSMAN", "CONGRESSWOMAN", "GOVERNOR", "GOV",
    "CHANCELLOR", "PREMIER", "CHAIRMAN", "CHAIRWOMAN", "CHIEF", "AMBASSADOR", "ENVOY", "SPEAKER",
    "JUDGE", "JUSTICE", "MAYOR", "LEADER", "COMMANDER", "DIRECTOR", "SPOKESMAN", "SPOKESWOMAN",
    "UN", "U.N.", "UNITED", "US", "U.S.", "AMBASSADOR", "MP", "PM", "REV", "REVEREND", "FATHER",
    "BISHOP", "ARCHBISHOP", "POPE", "CARDINAL", "PROF", "PROFESSOR", "EMIR", "SULTAN",
}
# Words written in lower case inside names (particles) and organisation names (function words).
LOWER = {
    "al", "el", "ul", "ud", "bin", "ibn", "bint", "de", "da", "di", "du", "del", "della", "der",
    "den", "des", "dos", "das", "van", "von", "la", "le", "of", "the", "and", "for", "in", "on",
    "at", "to", "y", "e", "et", "und", "ben", "en", "por", "para", "las", "los", "les",
}
# Agent sector codes skipped: modifiers and people-at-large.
AGENT_SKIP = {"RAD", "MOD", "PPL"}
# Agent nouns not taken: modifiers that would split titles ("deputy" in "deputy foreign minister"),
# religious adjectives, and common nouns that name no political actor in news copy.
AGENT_STOP = {
    "deputy", "retired", "actor", "vip", "state-owned", "semi-official", "naval", "islamic",
    "jewish", "christian", "hindu", "buddhist", "muslim", "moslem", "sunni", "hebrew", "anglican",
    "maronite", "unitarian", "islamist", "religion", "believer", "industry", "producer",
    "community", "population", "village", "settlement", "neighborhood", "neighbourhood", "child",
    "children", "mother", "girl", "woman", "infant", "chamber", "carrier", "delegate", "advocate",
    "counsel", "hunter", "engineer", "native", "naturalized", "non-native", "athlete", "customer",
    "constituent", "scientist", "doc", "echelon", "phalanx", "kingdom", "polity", "governance",
    "airway", "aerospace", "monger", "oiler", "waiter", "waitress", "boss", "landlord", "tenant",
    "employer", "writer", "publication", "website", "blog", "telecom", "prison", "school",
    "college", "preschool", "kindergarten", "kindergarden", "schoolhouse", "conservatory",
    "representatives", "assemblies", "assemblage", "generals", "marines", "victims", "taxpayers",
    "jihadists", "cyberdissidents", "hasidim", "townspeople", "security check", "manafacture",
    "transport compan", "traffiker", "enterpreneur", "brigaider", "gendermarie", "opthamologist",
    "tinginist", "branokker", "kanidurgu", "secretariate", "mob", "gang", "pupil", "educatee",
    "airliner", "jetliner", "cantor", "native", "elector", "excursionist", "tourer", "counselor",
    "counsellor",
}
# Capitalised words that are still common words: a name made of them is no name.
CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
}


def content_lines(text):
    """Non-empty lines without comments, with 1-based numbers (as the Rust reader does)."""
    out, in_comment = [], False
    for no, line in enumerate(text.split("\n"), 1):
        if in_comment:
            p = line.find("-->")
            if p < 0:
                continue
            in_comment, line = False, line[p + 3:]
        t = line.lstrip()
        if t.startswith("#"):
            continue
        if t.startswith("<!"):
            if "-->" not in t:
                in_comment = True
            continue
        p = line.find("<!--")
        if p >= 0:
            if line.find("-->", p) < 0:
                in_comment = True
            line = line[:p]
        p = line.find("#")
        if p >= 0:
            line = line[:p]
        line = line.strip()
        if line:
            out.append((no, line))
    return out


def parse_date(s):
    """YYYYMMDD or TABARI's YYMMDD (00-30 → 20YY) as YYYY-MM-DD; None if malformed."""
    if not s.isdigit():
        return None
    if len(s) == 6:
        y = int(s[:2])
        s = ("20" if y <= 30 else "19") + s
    if len(s) != 8:
        return None
    y, m, d = int(s[:4]), int(s[4:6]), int(s[6:])
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    if d > 28:
        import calendar
        d = min(d, calendar.monthrange(y, m)[1])
    return f"{y:04d}-{m:02d}-{d:02d}"


def day_before(iso):
    import datetime
    d = datetime.date.fromisoformat(iso) - datetime.timedelta(days=1)
    return d.isoformat()


def parse_group(body):
    """`USAGOV >20090120` → (codes, (from, to)) with None for open ends; None if unreadable.
    An unrestricted group has when == 'always'."""
    body = body.strip()
    m = re.match(r"^([A-Z0-9/\-~]+)\s*(.*)$", body)
    if not m:
        return None
    codes = [c for c in m.group(1).split("/") if c]
    rest = m.group(2).strip()
    if not rest:
        return codes, "always"
    if rest.startswith("<"):
        d = parse_date(rest[1:].strip())
        return (codes, (None, day_before(d))) if d else None
    if rest.startswith(">"):
        d = parse_date(rest[1:].strip())
        return (codes, (d, None)) if d else None
    m = re.match(r"^(\d+)\s*-\s*(\d+)$", rest)
    if m:
        a, b = parse_date(m.group(1)), parse_date(m.group(2))
        if a and b and a <= b:
            return codes, (a, b)
    return None


def split_codes(line):
    """Phrase part and code groups of a line."""
    groups = [parse_group(g) for g in re.findall(r"\[([^\]]*)\]", line)]
    phrase = re.sub(r"\[[^\]]*\]", " ", line).strip()
    return phrase, [g for g in groups if g]


def parse_actors(path):
    """Entries {phrases: [[WORD...]], groups: [...]} in file order (Rust loader's rules)."""
    text = open(path, encoding="utf-8", errors="replace").read()
    entries, cur = [], None
    for _, t in content_lines(text):
        if t.startswith("["):
            if cur is not None:
                cur["groups"].extend(split_codes(t)[1])
            continue
        phrase, groups = split_codes(t)
        # A parenthetical note or acronym inside a phrase ("..._(LTTE)") is not part of the name.
        phrase = re.sub(r"\([^)]*\)?", " ", phrase)
        synonym = phrase.startswith("+")
        words = [w for w in re.split(r"[_\s]+", phrase.lstrip("+").replace("\u2019", "'")) if w]
        words = [w.upper() for w in words]
        if synonym:
            if cur is not None and words:
                cur["phrases"].append(words)
                cur["groups"].extend(groups)
            continue
        if not words:
            continue
        if cur is not None and not cur["groups"]:
            cur["phrases"].append(words)
            cur["groups"].extend(groups)
            continue
        if cur is not None:
            entries.append(cur)
        cur = {"phrases": [words], "groups": list(groups)}
    if cur is not None:
        entries.append(cur)
    return entries


def read_curated():
    """Codes with names (countries, regions, orgs), every curated form (lower case), people names."""
    d = os.path.join(ROOT, "data", "actors")
    codes, forms, people, agent_forms = set(), set(), set(), set()
    person_forms, place_words = set(), set()

    def records(name):
        for line in open(os.path.join(d, name), encoding="utf-8"):
            if line.lstrip().startswith("#"):
                continue
            p = line.find(" #")
            if p >= 0:
                line = line[:p]
            if line.strip():
                yield [f.strip() for f in line.split("|")]

    for f in records("countries.txt"):
        codes.add(f[0])
        for field in f[1:4]:
            forms.update(x.split("=")[0].strip().lower() for x in field.split(";") if x.strip())
            for x in field.split(";"):
                place_words.update(x.split("=")[0].strip().lower().split())
    for f in records("regions.txt"):
        codes.add(f[0])
        for field in f[1:3]:
            forms.update(x.strip().lower() for x in field.split(";") if x.strip())
            for x in field.split(";"):
                place_words.update(x.strip().lower().split())
    for f in records("orgs.txt"):
        codes.add(f[0])
        forms.update(x.strip().lower() for x in f[2].split(";") if x.strip())
    for f in records("people.txt"):
        people.add(f[0])
        forms.add(f[0].lower())
        forms.update(x.strip().lower() for x in f[1].split(";") if x.strip())
        person_forms.add(f[0].lower())
        person_forms.update(x.strip().lower() for x in f[1].split(";") if x.strip())
    for f in records("agents.txt"):
        agent_forms.update(x.strip().lower() for x in f[2].split(";") if x.strip())
    return codes, forms, people, agent_forms, person_forms, place_words


def english_words():
    """Lower-case word forms of UD-EWT train: words that occur as ordinary English words."""
    words = set()
    path = os.path.join(SHARED, "ud-ewt", "train.conllu")
    for line in open(path, encoding="utf-8"):
        if not line or line[0] == "#" or line == "\n":
            continue
        cols = line.split("\t")
        if len(cols) > 3 and cols[1].isalpha() and cols[1].islower() and cols[3] != "PROPN":
            words.add(cols[1])
    return words


def has_vowel(w):
    return any(c in "AEIOUY" for c in w)


def case_word(w, org_single, is_org):
    """One Phoenix word in its matchable form."""
    lw = w.lower()
    if lw in LOWER:
        return lw
    if "." in w or any(c.isdigit() for c in w):
        return w
    letters = [c for c in w if c.isalpha()]
    if not letters:
        return w
    if is_org and (not has_vowel(w) or len(letters) == 2 or (org_single and len(letters) <= 5)):
        return w
    # Prefixed particles: AL-QAEDA → al-Qaeda.
    for p in ("AL-", "EL-", "AD-", "AS-", "AR-", "AN-", "AZ-", "AT-", "ASH-", "UL-", "BIN-"):
        if w.startswith(p) and len(w) > len(p) + 1:
            return p.lower() + cap(w[len(p):])
    return cap(w)


def cap(w):
    return w[:1].upper() + w[1:].lower()


def make_form(words, is_org):
    words = list(words)
    while words and words[0] in ("THE", "A"):
        words = words[1:]
    if not words:
        return None
    single = len(words) == 1
    return " ".join(case_word(w, is_org and single, is_org) for w in words)


def code_parts(code, known):
    """Phoenix code → (Dyad country/org code, sector or None), or None when unusable."""
    code = code.strip("~")
    for prefix in sorted(PREFIXES, key=len, reverse=True):
        if code.startswith(prefix):
            target, sector = PREFIXES[prefix]
            rest = code[len(prefix):]
            if target == "*":
                target, rest = rest[:3], rest[3:]
            if target not in known:
                return None
            return target, sector or sector_of(rest)
    if code.startswith("IGO"):
        return None
    c = code[:3]
    if c not in known:
        return None
    return c, sector_of(code[3:])


def sector_of(rest):
    for i in range(0, len(rest) - 2, 3):
        if rest[i:i + 3] in SECTORS:
            return SECTORS[rest[i:i + 3]]
    return None


def pluralize(form):
    """The plural Dyad's loader generates for an agent form (crates/dyad-actors/src/dict/parse.rs)."""
    if form.endswith("-"):
        return None
    if " of " in form:
        p = form.index(" of ")
        first = pluralize(form[:p])
        return first + form[p:] if first else None
    head, _, last = form.rpartition(" ")
    head = head + " " if head else ""
    if last.endswith("man"):
        pl = last[:-3] + "men"
    elif last.endswith("y") and not last.endswith(("ay", "ey", "oy")):
        pl = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        pl = last + "es"
    else:
        pl = last + "s"
    return head + pl


def extract_agents(curated_forms, curated_agents):
    """Agent nouns by sector from Phoenix.agents.txt."""
    text = open(os.path.join(PETR, "Phoenix.agents.txt"), encoding="utf-8", errors="replace").read()
    subst = {}
    agents = defaultdict(list)
    seen = set()
    for _, t in content_lines(text):
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.*)$", t)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^([^\[{]+?)\s*(\{[^}]*\})?\s*\[([^\]]*)\]", t)
        if not m:
            continue
        phrase, code = m.group(1).strip(), m.group(3).strip()
        if not code.startswith("~"):
            continue
        sector = None
        rest = code[1:]
        for i in range(0, len(rest) - 2, 3):
            s = rest[i:i + 3]
            if s in AGENT_SKIP:
                continue
            if s in SECTORS:
                sector = SECTORS[s]
                break
            if s in RELIGIONS and sector is None:
                sector = "REL"
                break
        if sector is None:
            continue
        variants = [phrase]
        for marker, subs in subst.items():
            if marker in phrase:
                variants = [v.replace(marker, s) for v in variants for s in subs]
        for v in variants:
            words = [w for w in re.split(r"[_\s]+", v) if w]
            if not words:
                continue
            last = words[-1]
            # Plurals are generated by the loader; skip the plural members of a set.
            if last.endswith(("MEN", "WOMEN")) and not last.endswith(("WOMAN", "MAN")):
                continue
            if last.endswith("MINISTERS") or last.endswith("MINISTRIES"):
                continue
            form = " ".join(w.lower() for w in words)
            if form in AGENT_STOP or words[-1].lower() in LOWER:
                continue
            plural = pluralize(form)
            if form in curated_agents or form in curated_forms or form in seen or len(form) < 3:
                continue
            if plural and (plural in seen or plural in curated_agents or plural in curated_forms):
                continue
            seen.add(form)
            if plural:
                seen.add(plural)
            agents[sector].append(form)
    return agents, seen


def main():
    codes, curated_forms, curated_people, curated_agents, curated_person_forms, place_words = read_curated()
    common = english_words() | CALENDAR
    agents, agent_forms = extract_agents(curated_forms, curated_agents)
    # Words of titles and group nouns: a name made of them and of country words and common words
    # ("German Chancellor", "Afghan National Army") is left to Dyad's own reading of modifier +
    # agent, and a person's form containing one ("Russian President Vladimir Putin") is a title.
    title_words = {t.lower().rstrip(".") for t in TITLES}
    for f in curated_agents | agent_forms:
        if " " not in f:
            title_words.add(f)
            p = pluralize(f)
            if p:
                title_words.add(p)
    known = codes | {"IMG"} | {c for c, _ in PREFIXES.values() if c != "*"}

    people = {}  # canonical name → {"forms": [...], "roles": [...]}
    orgs = []  # (code, sector, [forms]) per Phoenix entry
    claims = defaultdict(set)  # lower-case form → set of owners
    dropped = Counter()
    name_words = defaultdict(set)  # word → people whose multi-word name uses it

    entries = []
    for f in ACTOR_FILES:
        entries.extend(parse_actors(os.path.join(PETR, f)))

    staged = []
    for e in entries:
        dated = [g for g in e["groups"] if g[1] != "always"]
        if dated:
            roles = []
            for cs, (a, b) in dated:
                parts = code_parts(cs[0], known)
                if not parts or not parts[1]:
                    continue
                if a and a > OPEN_END:
                    continue
                roles.append((parts[0], parts[1], a or "", b or OPEN_END))
            if not roles:
                dropped["person without a usable code"] += 1
                continue
            kind, owner_info = "person", roles
        else:
            always = [g for g in e["groups"] if g[1] == "always"]
            if not always or always[0][0][0] == "---":
                dropped["entry without a code"] += 1
                continue
            parts = code_parts(always[0][0][0], known)
            if not parts or not parts[1]:
                dropped["bare country or unknown code"] += 1
                continue
            kind, owner_info = "org", parts
        forms = []
        for words in e["phrases"]:
            if words[0].rstrip(".") in TITLES or words[0] in TITLES or words[0] == "A.K.A.":
                dropped["title + name"] += 1
                continue
            form = make_form(words, kind == "org")
            if form and form not in forms:
                forms.append(form)
        if not forms:
            continue
        staged.append((kind, owner_info, forms))
        if kind == "person":
            for form in forms:
                ws = form.split()
                if len(ws) > 1:
                    for w in ws:
                        name_words[w.lower()].add(forms[0])

    def ok(form, kind, owner):
        lf = form.lower()
        letters = sum(c.isalpha() for c in form)
        if lf in curated_forms or lf in curated_agents:
            return "curated form"
        if lf in agent_forms:
            return "an agent noun"
        if letters < 4:
            return "too short"
        ws = lf.replace("-", " ").split()
        alpha = [w for w in ws if any(c.isalpha() for c in w)]
        if all(w in common or w in LOWER for w in alpha):
            return "common English words"
        if kind == "person" and any(w.rstrip(".,") in title_words for w in ws):
            return "title in a person's name"
        if all(w in common or w in LOWER or w in place_words or w in title_words for w in alpha):
            return "country words + agent nouns"
        if len(ws) == 1:
            if letters < 5 and not (kind == "org" and form.isupper()):
                return "one short word"
            if not form.isupper() and lf.endswith("s") and lf[:-1] in common:
                return "plural of a common English word"
            if kind == "person" and len(name_words.get(lf, set()) - {owner}) > 0:
                return "word of another person's name"
        return None

    for kind, info, forms in staged:
        owner = forms[0] if kind == "person" else info
        for form in forms:
            claims[form.lower()].add((kind, owner if kind == "org" else forms[0]))

    for kind, info, forms in staged:
        owner = forms[0]
        if kind == "person" and any(f.lower() in curated_person_forms for f in forms):
            dropped["person already curated"] += 1
            continue
        kept = []
        for form in forms:
            why = ok(form, kind, owner)
            if why is None and len(claims[form.lower()]) > 1:
                why = "claimed by several entries"
            if why:
                dropped[why] += 1
                continue
            kept.append(form)
        if not kept:
            continue
        if kind == "person":
            name = kept[0]
            if name in curated_people:
                dropped["person already curated"] += 1
                continue
            p = people.setdefault(name, {"forms": [], "roles": []})
            for f in kept[1:]:
                if f not in p["forms"] and f != name:
                    p["forms"].append(f)
            for r in info:
                if r not in p["roles"]:
                    p["roles"].append(r)
        else:
            orgs.append((info[0], info[1], kept))

    # A form may only be used once across people and organisations.
    used = {}
    os.makedirs(OUT, exist_ok=True)
    header = (
        "# GENERATED by `{cmd}` from the Phoenix PETRARCH dictionaries\n"
        "# (Open Event Data Alliance, MIT licence; see docs/data.md). Do not edit: edit the curated\n"
        "# files in data/actors/ instead (curated entries win on conflict) or the script.\n"
    ).format(cmd=COMMAND)

    n_people_forms = 0
    with open(os.path.join(OUT, "people.txt"), "w", encoding="utf-8") as out:
        out.write(header)
        out.write("# Format (docs/dictionaries.md): name | aliases | gender | country | sector | role | from | to\n")
        for name in sorted(people):
            p = people[name]
            forms = [f for f in [name] + p["forms"] if used.setdefault(f.lower(), name) == name]
            if not forms or forms[0] != name:
                continue
            n_people_forms += len(forms)
            roles = sorted(p["roles"], key=lambda r: (r[2], r[3], r[0], r[1]))
            for i, (c, s, a, b) in enumerate(roles):
                aliases = "; ".join(forms[1:]) if i == 0 else ""
                out.write(f"{name} | {aliases} | - | {c} | {s} | - | {a} | {b}\n")
    n_org_forms = 0
    with open(os.path.join(OUT, "orgs.txt"), "w", encoding="utf-8") as out:
        out.write(header)
        out.write("# Format (docs/dictionaries.md): CODE | SECTOR | names\n")
        for code, sector, names in sorted(orgs, key=lambda o: (o[0], o[1], o[2][0].lower())):
            forms = [f for f in names if f.lower() not in used]
            for f in forms:
                used[f.lower()] = (code, sector)
            if not forms:
                continue
            n_org_forms += len(forms)
            out.write(f"{code} | {sector} | {'; '.join(forms)}\n")

    n_agents = 0
    with open(os.path.join(OUT, "agents.txt"), "w", encoding="utf-8") as out:
        out.write(header)
        out.write("# Format (docs/dictionaries.md): SECTOR | ROLE | forms\n")
        for sector in sorted(agents):
            forms = sorted(agents[sector])
            n_agents += len(forms)
            for i in range(0, len(forms), 12):
                out.write(f"{sector} | - | {'; '.join(forms[i:i + 12])}\n")

    n_roles = sum(len(p["roles"]) for p in people.values())
    print(f"people: {len(people)} ({n_people_forms} names, {n_roles} dated roles)")
    print(f"organisations: {len(orgs)} entries, {n_org_forms} names")
    print(f"agents: {n_agents} nouns")
    for why, n in sorted(dropped.items()):
        print(f"dropped: {why}: {n}")


if __name__ == "__main__":
    main()
