"""Offices, honorifics and country words: what stands in front of a name.

"former Russian Foreign Minister Pavel Orlov" is read as role "Foreign Minister", country
"RU", former. Country names come from pycountry; demonyms ("Danish", "French") from
``demonyms.py``, which pycountry does not have.
"""

from __future__ import annotations

from functools import lru_cache

from . import demonyms

# Country words that are neither a pycountry name nor a demonym -> ISO 3166-1 alpha-2
# ("" for words that name no single country but must not be read as a person or a place).
SHORT_FORMS = {
    "u.s.": "US",
    "us": "US",
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "russia": "RU",
    "america": "US",
    "the united states": "US",
    "united states": "US",
    "south korea": "KR",
    "north korea": "KP",
    "iran": "IR",
    "syria": "SY",
    "venezuela": "VE",
    "bolivia": "BO",
    "taiwan": "TW",
    "vietnam": "VN",
    "laos": "LA",
    "moldova": "MD",
    "tanzania": "TZ",
    "czech republic": "CZ",
    "czechia": "CZ",
    "turkey": "TR",
    "holland": "NL",
    "ivory coast": "CI",
    "european": "",
    "eu": "",
    "nato": "",
}
# Shared demonyms go to the larger country: the Democratic Republic of the Congo, the Dominican Republic.
SHARED_DEMONYMS = {"congolese": "CD", "dominican": "DO"}
# Demonym or short form (lower case) -> ISO 3166-1 alpha-2.
DEMONYMS = {
    **{name.lower(): code for code, names in demonyms.DEMONYMS.items() for name in names},
    **SHARED_DEMONYMS,
    **SHORT_FORMS,
}

# Institutions that stand for a country: "the Kremlin said", "Kremlin spokesman".
INSTITUTIONS = {
    "kremlin": "RU",
    "white house": "US",
    "pentagon": "US",
    "state department": "US",
    "downing street": "GB",
    "elysee": "FR",
    "élysée": "FR",
    "elysee palace": "FR",
    "quai d'orsay": "FR",
    "bundestag": "DE",
    "chancellery": "",
    "knesset": "IL",
    "duma": "RU",
    "state duma": "RU",
    "foreign office": "GB",
    "whitehall": "GB",
    "westminster": "GB",
    "congress": "US",
    "capitol hill": "US",
    "zhongnanhai": "CN",
    "blue house": "KR",
    "rada": "UA",
    "verkhovna rada": "UA",
    "sejm": "PL",
    "lok sabha": "IN",
    "kantei": "JP",
    "quirinale": "IT",
    "palazzo chigi": "IT",
    "moncloa": "ES",
    "bundeskanzleramt": "DE",
    "security council": "",
    "european commission": "",
    "un": "",
    "united nations": "",
}

# Office words. Longer phrases first when matching.
OFFICES = [
    "deputy prime minister",
    "prime minister",
    "foreign minister",
    "defence minister",
    "defense minister",
    "finance minister",
    "interior minister",
    "health minister",
    "deputy foreign minister",
    "secretary of state",
    "secretary-general",
    "secretary general",
    "attorney general",
    "vice president",
    "vice-president",
    "first minister",
    "chief minister",
    "deputy chair",
    "deputy chairman",
    "press secretary",
    "chief of staff",
    "national security adviser",
    "national security advisor",
    "foreign secretary",
    "home secretary",
    "defence secretary",
    "defense secretary",
    "chancellor",
    "president",
    "premier",
    "minister",
    "secretary",
    "senator",
    "sen.",
    "representative",
    "rep.",
    "congressman",
    "congresswoman",
    "governor",
    "gov.",
    "lt. gov.",
    "lt. gen.",
    "lt. col.",
    "maj. gen.",
    "mayor",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "speaker",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "chairperson",
    "chief",
    "director",
    "commissioner",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "sheikh",
    "ayatollah",
    "pope",
    "nominee",
    "candidate",
    "lawmaker",
    "legislator",
    "mp",
    "mep",
    "deputy",
    "official",
    "officials",
    "adviser",
    "advisor",
    "aide",
    "negotiator",
    "general",
    "gen.",
    "lt.",
    "col.",
    "adm.",
    "admiral",
    "commander",
    "judge",
    "justice",
    "prosecutor",
    "attorney",
    "lawyer",
    "host",
    "founder",
    "ceo",
    "chief executive",
    "head",
    "counsel",
    "campaign manager",
    "strategist",
    "pollster",
    "economist",
    "analyst",
    "member",
    # local, state and Commonwealth offices
    "council member",
    "councilmember",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "alderman",
    "alderwoman",
    "assembly member",
    "assemblymember",
    "assemblyman",
    "assemblywoman",
    "selectman",
    "selectwoman",
    "delegate",
    "sheriff",
    "treasurer",
    "comptroller",
    "auditor",
    "auditor general",
    "ombudsman",
    "ombudsperson",
    "superintendent",
    "supervisor",
    "magistrate",
    "inspector",
    "trustee",
    "clerk",
    "whip",
    "mayor-elect",
    "president-elect",
    "governor-general",
    "governor general",
    "lieutenant governor",
    "chief justice",
    "solicitor general",
    "surgeon general",
    # academic and religious titles that stand before a name (not Bishop, Cardinal, Pastor or
    # Imam: they are surnames too, and "Bishop added" must stay a person's surname)
    "professor",
    "archbishop",
    "rabbi",
]
OFFICE_WORDS = frozenset(w for o in OFFICES for w in o.split())
# Offices named by one word ("sheriff", "comptroller"): each is someone who can speak.
ONE_WORD_OFFICES = frozenset(o for o in OFFICES if " " not in o)
# office phrases by first word, longest first: one dict look-up per word instead of a list scan
_OFFICES_BY_FIRST: dict[str, list[tuple[int, str]]] = {}
for _off in OFFICES:
    _OFFICES_BY_FIRST.setdefault(_off.split()[0], []).append((len(_off.split()), _off))
for _v in _OFFICES_BY_FIRST.values():
    _v.sort(reverse=True)

# Honorifics stripped from the front of a name.
HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady rev rev. hon hon. prof prof. mx mx.".split()
)
MALE_HONORIFICS = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "sheikh", "emir"})
FEMALE_HONORIFICS = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess"})
MALE_ROLES = frozenset(
    """spokesman chairman congressman businessman king prince emir widower husband father son brother
    grandfather uncle nephew councilman alderman assemblyman selectman""".split()
)
FEMALE_ROLES = frozenset(
    """spokeswoman chairwoman congresswoman businesswoman queen princess widow wife mother daughter
    sister grandmother aunt niece councilwoman alderwoman assemblywoman selectwoman""".split()
)

ABBREVIATIONS = {
    "gov.": "governor",
    "gov": "governor",
    "sen.": "senator",
    "sen": "senator",
    "rep.": "representative",
    "rep": "representative",
    "lt.": "lieutenant",
    "gen.": "general",
    "adm.": "admiral",
    "col.": "colonel",
    "maj.": "major",
    "sec.": "secretary",
    "amb.": "ambassador",
    "pres.": "president",
    "atty.": "attorney",
    "supt.": "superintendent",
}


def normalize_word(word: str) -> str:
    """Lower-case office word with abbreviations spelled out: "Gov." -> "governor"."""
    w = word.lower()
    return ABBREVIATIONS.get(w, w)


# A generic office word takes the capitalised words right before it as its portfolio:
# "Climate Minister", "Trade Secretary", "Energy Commissioner".
PORTFOLIO_OFFICES = frozenset({"minister", "secretary", "commissioner"})
# Head words of bodies: "ministry", "campaign", "union", "network".
ORG_WORDS = frozenset(
    """
    ministry department office agency campaign committee commission council government administration
    party kremlin house embassy court police army military navy force forces service bureau board union
    company group organization organisation institute foundation association federation league coalition
    railway railways airline airlines airways corporation corp inc ltd plc holdings industries firm
    cabinet parliament congress senate assembly spokesperson's newspaper network station paper times post
    journal news channel authority authorities secretariat alliance nato un bank fund team caucus
    """.split()
)
# Party words that qualify an office ("Republican vice-presidential nominee"), naming no employer alone.
PARTY_WORDS = frozenset("republican democratic democrat libertarian green conservative liberal labour socialist".split())
# Words in front of a role that describe it rather than name an employer: "Opposition senator".
NOT_EMPLOYER = frozenset(
    """
    opposition ruling senior junior top acting interim chief veteran new longtime long-time incoming
    influential prominent powerful leading key local regional state federal national provincial
    """.split()
)

FORMER = frozenset({"former", "ex", "ex-", "onetime", "one-time", "erstwhile", "retired", "late", "outgoing"})


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    try:
        import pycountry
    except ImportError:  # pycountry is optional: the demonym table still answers
        return names
    for c in pycountry.countries:
        names[c.name.lower()] = c.alpha_2
        for attr in ("common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                names[v.lower()] = c.alpha_2
    return names


def country_code(word: str) -> str:
    """ISO code for a demonym, country name or country institution; "" if none."""
    w = word.lower().strip().removesuffix("'s").removesuffix("’s")
    if w in DEMONYMS:
        return DEMONYMS[w]
    if w in INSTITUTIONS:
        return INSTITUTIONS[w]
    return _country_names().get(w, "")


def is_office_word(word: str) -> bool:
    return word.lower() in OFFICE_WORDS


def parse_title(words: list[str]) -> dict:
    """Read role, country, organisation and "former" from the words before a name.

    ["former", "Canadian", "Prime", "Minister"] -> role "Prime Minister", country "CA", former.
    ["Kremlin", "spokesman"] -> role "spokesman", organization "Kremlin", country "RU".
    """
    out = {"role": "", "country": "", "organization": "", "role_is_former": False}
    words = _glued(words)
    i = 0
    n = len(words)
    rest: list[tuple[int, str]] = []  # (position, word) of words that are none of the above
    role_at = -1  # where the (last) office phrase starts
    while i < n:
        w = words[i]
        lw = w.lower().strip(",")
        if lw in FORMER:
            out["role_is_former"] = True
            i += 1
            continue
        if lw in ("the", "a", "an", "'s", "’s"):
            i += 1
            continue
        # the longest office phrase starting here ("director of the Center for Media Justice": after
        # the office and its "of", a body's name, no second office)
        matched = ""
        body_follows = role_at >= 0 and any(x.lower() in ("of", "for", "at") for x in words[role_at:i])
        for k, off in () if body_follows else _OFFICES_BY_FIRST.get(lw, ()):
            if " ".join(x.lower() for x in words[i : i + k]) == off:
                matched = " ".join(words[i : i + k])
                break
        if matched:
            span = len(matched.split())
            if matched.lower() in PORTFOLIO_OFFICES:
                # "Climate Minister": capitalised words right before a generic office are its portfolio
                portfolio: list[str] = []
                j = i - 1
                while (
                    rest
                    and rest[-1][0] == j
                    and rest[-1][1][:1].isupper()
                    and rest[-1][1].lower() not in NOT_EMPLOYER
                ):
                    portfolio.insert(0, rest.pop()[1])
                    j -= 1
                if portfolio:
                    matched = " ".join(portfolio + [matched])
            matched = " ".join(_spelled_out(x) for x in matched.split())
            out["role"] = (out["role"] + " " + matched).strip() if out["role"] and lw == "of" else matched
            role_at = i
            i += span
            continue
        # two-word country words first ("South Korean", "New Zealand")
        two = " ".join(words[i : i + 2])
        if i + 1 < n and country_code(two):
            out["country"] = out["country"] or country_code(two)
            i += 2
            continue
        code = country_code(w)
        if code:
            out["country"] = out["country"] or code
            if w.lower().strip("'s’") in INSTITUTIONS:
                out["organization"] = w.removesuffix("'s").removesuffix("’s")
            i += 1
            continue
        if lw.rstrip(".") in HONORIFICS or lw in HONORIFICS:
            i += 1
            continue
        rest.append((i, w))
        i += 1
    if rest and not out["organization"] and out["role"]:
        out["organization"] = _employer_around(rest, role_at)
    return out


def _spelled_out(word: str) -> str:
    """An abbreviated title word spelled out (ABBREVIATIONS), so "Sen. Ruiz" and "Senator Ruiz"
    hold one office: "Sen." -> "Senator", "lt." -> "lieutenant"."""
    full = ABBREVIATIONS.get(word.lower())
    if full is None:
        return word
    return full.capitalize() if word[:1].isupper() else full


def _employer_around(rest: list[tuple[int, str]], role_at: int) -> str:
    """The body an office belongs to, from the title's other words: "Varga campaign spokesman",
    "Haulage association chief" (the phrase in front, lower-case words included, from its first
    capitalised word on); else "the mayor of Lakeport", "a spokesman for Harbour Lines" (the body
    after "of" or "for")."""
    before = [w for k, w in rest if k < role_at]
    after = [w for k, w in rest if k > role_at]
    after = after[1:] if after and after[0].lower() in ("of", "for", "at") else []
    for words in (before, after):
        org_words = [w for w in words if w.lower().strip(",") not in NOT_EMPLOYER]
        first = next((k for k, w in enumerate(org_words) if w[:1].isupper()), None)
        if first is not None:
            return _employer(org_words[first:])
    return ""


def _glued(words: list[str]) -> list[str]:
    """Token texts back into printed words: "Lt" "." -> "Lt.", "vice" "-" "presidential" ->
    "vice-presidential"."""
    out: list[str] = []
    glue = False
    for w in words:
        if out and (w == "." or glue):
            out[-1] += w
            glue = False
        elif out and w in HYPHEN_TOKENS:
            out[-1] += w
            glue = True
        else:
            out.append(w)
    return out


def _employer(words: list[str]) -> str:
    """The body an office phrase names, as printed: lower-case qualifiers of the office after it
    left out ("Green Party presidential" -> "Green Party"), none for a party word alone."""
    words = [w.strip(",") for w in words]
    while words and words[-1][:1].islower() and words[-1] not in ORG_WORDS:
        words.pop()
    if len(words) == 1 and words[0].lower() in PARTY_WORDS:
        return ""
    return " ".join(words)


# Hyphens the tokenizer splits off between the words of a compound ("vice-presidential").
HYPHEN_TOKENS = frozenset("- ‐ ‑".split())


def gender_of_words(words: list[str]) -> str:
    """'m', 'f' or '' from honorifics and gendered office words."""
    for w in words:
        lw = w.lower()
        if lw in MALE_HONORIFICS or lw in MALE_ROLES:
            return "m"
        if lw in FEMALE_HONORIFICS or lw in FEMALE_ROLES:
            return "f"
    return ""
