"""Figures as news writes them: one pass over the tokens of a quantity phrase.

"roughly 309 square miles" or "knapp 60.000 Soldaten" becomes a `Quantity` (see
provenance.intervals); the words come from the lexicon (provenance.figure_words).

* Numbers follow the document's language (ISO 639-1, None means "en"). English-style
  languages group with "," (or spaces) and use "." as decimal mark; most European languages
  group with ".", spaces or "'" and use ",". A figure that does not fit its language's
  convention ("1,5" in English, "1.5" in German) is refused, never guessed. "10,000" in a
  comma-decimal language (or "10.000" in English) is refused too: a three-zero fraction
  without multiplier is an imported thousands separator. Unknown languages accept only
  figures that read the same under both conventions.
* Precision is half the place value of the last significant digit as written: trailing
  zeros of an integer are taken as rounding, digits after a decimal mark are all
  significant. "12,000" -> 500, "531" -> 0.5, "40" -> 5, "1.5 million" -> 50,000, "0" -> 0.5.
* Units are converted to km2, km, t (tons are read as metric tonnes), percent, or kept as a
  currency code (currencies are never converted into each other). A count noun after the
  figure is the unit, so 6,700 containers never compare with 6 million shells; common nouns
  and their translations map to one English plural ("Soldaten" -> "troops").
* Vague quantities get documented bounds in the lexicon: dozens [24, 99], tens of [20, 99],
  hundreds [200, 999], a few hundred [200, 599], thousands [2000, 9999], and so on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from fractions import Fraction
from functools import cache
from typing import NamedTuple

from provenance import lexicon, sides
from provenance.figure_words import (
    BARE,
    PERIODS,
    UNIT_IDS,
    Case,
    Language,
    Phrases,
    Span,
    Token,
    Unit,
    bare,
    capitalises_nouns,
    figure_letters,
    hedge_words,
    key,
    language,
    language_code,
    lower,
    modifier_units,
    noun_after_counter,
    number_stems,
    own_function_words,
    qualifier_names,
    shared,
    text_language,
    tokens,
    unspaced,
    unspaced_words,
    words,
)
from provenance.folding import WORD_MARKS, clitic_variants
from provenance.intervals import QUALIFIERS, Quantity

_NOUN_SPANS = (3, 2, 1)
_COUNTED_NOUN_MAX = 4
"""Letters of a noun no table lists after a counter of people ("300名警察"): a noun, not a
clause where words the lexicon lacks may stand."""
_JOINING_SPANS = (3, 2, 1)

__all__ = [
    "normalise_qualifier",
    "normalise_unit",
    "parse",
    "read",
    "scaled",
    "significant_exponent",
]

_SPACES = str.maketrans(
    {
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u200a": " ",
        "\t": " ",
        "\n": " ",
        "\u2212": "-",
    }
)
_EDGE = " \"'“”„«»()[]"
_TRAILING = " .,;:!?\"'“”«»()[]"
_MAX_TEXT = 300
_MAX_DIGITS = 24
_FRACTION_PLACES = 2
"""Decimal places a fraction of a number word may need (a quarter); a third has none."""
_ARABIC_GROUPS = re.compile(r"(?<=\d)\u060c(?=\d{3}(?!\d))")
"""The Arabic comma between digits and a group of exactly three ("2،500"): a thousands
separator. Before fewer or more digits, or with a space, it separates two figures ("3، 4")."""


_NUMBER_DOT = re.compile(r"([0-9]{1,3}(?:([, ])[0-9]{3})(?:\2[0-9]{3})*|[0-9]+)(?:\.([0-9]+))?")
_NUMBER_COMMA = re.compile(r"([0-9]{1,3}(?:([. '])[0-9]{3})(?:\2[0-9]{3})*|[0-9]+)(?:,([0-9]+))?")
_GROUPED_LIKE_THOUSANDS = re.compile(r"[1-9][0-9]{0,2},[0-9]{3}")
"""Digits that read as a whole number with a comma between thousands ("1,200") and as a
number with a decimal comma (1.2)."""
_NUMBER_SWISS = re.compile(r"([0-9]{1,3}(?:(')[0-9]{3})(?:\2[0-9]{3})*)\.([0-9]+)")

# --------------------------------------------------------------------------- numbers


class _NoParse(Exception):
    """Raised inside the parser when the text cannot be read with confidence."""

    def __init__(self, reason: str = "not a figure this parser can read safely") -> None:
        super().__init__(reason)
        self.reason = reason


def _split_number(token: str, convention: str) -> tuple[str, str] | None:
    """(integer digits, fraction digits) of a figure under a number convention."""
    if convention == "any":
        dot = _split_number(token, "dot")
        comma = _split_number(token, "comma")
        if dot is not None and comma is not None and dot != comma:
            # "12,000" cannot be 12 with a decimal comma, nor "12.000" 12 with a point.
            if comma[1] == "000" or dot[1] == "000":
                return dot if comma[1] == "000" else comma
            return None
        return dot or comma
    m = (_NUMBER_DOT if convention == "dot" else _NUMBER_COMMA).fullmatch(token)
    if m is None and convention == "comma":
        m = _NUMBER_SWISS.fullmatch(token)
    if m is None:
        return None
    whole, sep, frac = m.group(1), m.group(2), m.group(3) or ""
    if sep:
        whole = whole.replace(sep, "")
    return whole, frac


def scaled(n: int, exp: int) -> float:
    """n * 10**exp, correctly rounded."""
    return float(n * 10**exp) if exp >= 0 else n / 10**-exp


def significant_exponent(whole: str, frac: str) -> int:
    """Power of ten of the last significant digit as written."""
    if frac:
        return -len(frac)
    stripped = whole.rstrip("0")
    return len(whole) - len(stripped) if stripped else 0


class _Figure(NamedTuple):
    whole: str
    frac: str
    exp: int
    unit: Unit | None
    written: str

    def value(self, unit: Unit, exp: int | None = None) -> float:
        e = self.exp if exp is None else exp
        return scaled(int(self.whole + self.frac), e - len(self.frac)) * unit.factor

    def precision(self, unit: Unit, exp: int | None = None) -> float:
        e = self.exp if exp is None else exp
        return scaled(5, significant_exponent(self.whole, self.frac) + e - 1) * unit.factor


# --------------------------------------------------------------------------- nouns


def _plural(word: str) -> str:
    """Plain English plural, enough to fold "soldier" and "soldiers" together."""
    if word in shared().irregular:
        return shared().irregular[word]
    plural_already = word.endswith(("s", "ed", "ing", "men"))
    if word in shared().uncountable or plural_already or not word.isascii():
        return word
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("sh", "ch", "x", "z")):
        return word + "es"
    return word + "s"


def _without_article(word: str) -> str | None:
    """A known count noun written with an attached article ("النازحين")."""
    for article in shared().articles:
        if word.startswith(article) and word[len(article) :] in shared().nouns:
            return word[len(article) :]
    return None


def _modifier(word: str) -> bool:
    """A word that may qualify the count noun after it ("Sudanese refugees"); never a
    multiplier or a vague amount ("tres cientos muertos" is not three dead), nor a verb
    stating the figure, whose object is not what was counted ("bato 300 bakimi bandako",
    300 people fled their homes)."""
    return (
        _is_noun(word)
        and word not in shared().stopwords
        and word not in shared().stating_verbs
        and shared().units.get(word) is None
        and word not in shared().multiplier_words
        and word not in _vague_words()
        and not _month(word)
    )


def _unknown_noun(word: str) -> bool:
    """A word read as a count noun though no table lists it."""
    return (
        word not in shared().nouns
        and word not in shared().participles
        and _without_article(word) is None
    )


def _month(word: str) -> bool:
    """A month name, also with a clitic written against it (Hebrew "במרץ", in March)."""
    return any(variant in shared().months for variant in clitic_variants(word))


def _is_noun(word: str) -> bool:
    """A word of letters, with the vowel signs and viramas written inside it in a script
    written with spaces ("அகதிகள்")."""
    letters = word.replace("-", "").replace("'", "").replace(".", "")
    bare = letters if unspaced(letters) else re.sub(f"[{WORD_MARKS}]", "", letters)
    return len(letters) >= 2 and bare.isalpha()


def _participle(words: Sequence[str], k: int) -> tuple[str, int, int] | None:
    """(unit, first word, after last word) of a participle at ``k`` that says what was done
    to what the figure counts ("136 gestartet", "58 shot down"): the English participle it
    folds to, so the same deed compares across languages and a part ("shot down") never
    compares with its whole ("launched")."""
    for span in _NOUN_SPANS:
        if k + span <= len(words):
            done = shared().participles.get(" ".join(words[k : k + span]))
            if done is not None:
                return done, k, k + span
    return None


def _count_noun(
    words: Sequence[str], english: bool, language: str, tables: str | None = None
) -> tuple[str, int, int]:
    """(canonical noun, first word, after last word) of the noun that follows a figure.

    ("", 0, 0) when no noun follows; raises _NoParse for a date, a stray letter or a hedge
    (those of the lexicon ``tables``, by default ``language``'s): a hedge is never the
    figure's unit, and one that hedges figures describes no noun either, nor does a word
    of an unspaced script with a letter of a word that changes a figure ("300名出头士兵":
    出头 is "a little over"). English singulars are pluralised when the text is English or
    its language was not given.
    """
    code = language if tables is None else tables
    hedges = hedge_words(code)
    letters = figure_letters(code)
    k = 0
    while k < len(words) - 1 and not (hedges.match(words, k) or (False, 0))[0]:
        step = sides.tokens_named_at(words, k, language) or int(words[k] in shared().adjectives)
        if not step or k + step >= len(words):
            break
        k += step
    for skip in (0, 1, 2):
        if skip and not (k + skip < len(words) and all(map(_modifier, words[k : k + skip]))):
            break
        last = words[k + skip - 1] if skip else ""
        if skip and (hedges.match(words, k + skip - 1) or (False, 0))[0]:
            break
        if skip and unspaced(last) and not letters.isdisjoint(last):
            break
        for span in _NOUN_SPANS:
            if k + skip + span <= len(words):
                canon = shared().nouns.get(" ".join(words[k + skip : k + skip + span]))
                if canon is not None:
                    return canon, k, k + skip + span
    done = _participle(words, k)
    if done is not None:
        return done
    word = words[k] if words else ""
    bare_word = _without_article(word)
    if bare_word is not None:
        return shared().nouns[bare_word], k, k + 1
    hedge = hedges.match(words, k) if word not in shared().range_words else None
    if hedge is not None:
        phrase = " ".join(words[k : k + hedge[1]])
        raise _NoParse(f"{phrase!r} after the figure is a hedge word, not a unit")
    if not word or word in shared().stopwords or word in shared().adjectives:
        return "", 0, 0
    if word in shared().stating_verbs:
        return "", 0, 0
    if word in shared().multiplier_words:
        raise _NoParse(f"the multiplier {word!r} where a unit or count noun was expected")
    if _month(word) or word in shared().unknown_units or not _is_noun(word):
        raise _NoParse(f"{word!r} after the figure is a date, a unit not read, or not a noun")
    if unspaced(word):
        raise _NoParse(f"{word!r} is not a known count noun: unspaced text may hide a hedge in it")
    if k and shared().units.get(word) is not None:
        raise _NoParse
    if word in _vague_words():
        raise _NoParse(f"{word!r} after the figure is a vague quantity, not a count noun")
    stem = _multiplier_stem(word, language)
    if stem is not None:
        raise _NoParse(
            f"{word!r} after the figure is the multiplier {stem!r} with an ending not read"
        )
    noun = _plural(word) if english and not sides.tokens_named_at(words, k, language) else word
    if noun in shared().stopwords or noun in shared().adjectives or noun in shared().months:
        raise _NoParse
    return shared().nouns.get(noun, noun), k, k + 1


@cache
def _vague_words() -> frozenset[str]:
    """Vague quantities of one word ("thousands", "ሺዎች"): never a figure's count noun."""
    return frozenset(p for _, p in shared().vague if len(words(p)) == 1)


_ENDING_MAX = 4
"""Letters a case ending adds to a multiplier ("ezer|ig", "тысяч|ами", "tysiąc|ami")."""


def _multiplier_stem(word: str, code: str) -> str | None:
    """The multiplier an unknown word after a figure begins with, a short ending after it
    ("10 ezerig" is up to 10,000, not 10 of "ezerig"): such a word is never a count noun."""
    for stem in language(code).multiplier_stems:
        if word.startswith(stem) and 0 < len(word) - len(stem) <= _ENDING_MAX:
            return stem
    return None


# --------------------------------------------------------------------------- number words


def _compose(values: Sequence[tuple[int, bool]], units_before_tens: bool) -> int:
    """The number a sequence of number words writes ("two hundred and five thousand").

    Raises _NoParse for sequences no language writes ("five five", "two dozen"). A word
    of a higher place may follow a smaller one only in a language that writes units before
    tens, and only a round ten ("drei|und|dreißig", "ثلاثة عشر"): "zwei Dutzend" is 24,
    not 2 + 12.
    """
    total, group, last_scale = 0, 0, 0
    places: list[int] = []
    for value, is_multiplier in values:
        if is_multiplier and value >= 1000:
            if last_scale and value >= last_scale:
                raise _NoParse("multipliers out of order")
            total += (group or 1) * value
            group, last_scale, places = 0, value, []
        elif value == 100 and 0 < group < 100:
            group, places = group * 100, []
        else:
            place = len(str(value))
            after_smaller = bool(places) and place > min(places)
            if place in places or (after_smaller and not (units_before_tens and value % 10 == 0)):
                raise _NoParse("number words that do not make one number")
            group += value
            places.append(place)
    return total + group


def _segments(word: str, lang: Language, extra: frozenset[str] = frozenset()) -> list[str] | None:
    """A word split into number words, multipliers, joiners and ``extra`` words
    ("dreiund|dreißig"), or None."""
    for end in range(len(word), 0, -1):
        piece = word[:end]
        known = lang.numbers.get(piece) is not None or lang.multipliers.get(piece) is not None
        known = known or piece in extra
        if known and end == len(word):
            return [piece]
        if known or piece in lang.joiners:
            rest = _segments(word[end:], lang, extra)
            if rest is not None:
                return [piece, *rest]
    return None


def _decimal(amount: Fraction) -> tuple[str, str]:
    """(integer digits, fraction digits) of an amount with a fraction ("5/2" is 2.5)."""
    for places in range(_FRACTION_PLACES + 1):
        shifted = amount * 10**places
        if shifted.denominator == 1 and shifted > 0:
            digits = str(shifted.numerator).rjust(places + 1, "0")
            return (digits[:-places], digits[-places:]) if places else (digits, "")
    raise _NoParse("a fraction that no decimal writes")


def _separator_reason(token: str, convention: str) -> str:
    if convention == "any":
        return f"{token!r} reads differently with a decimal point and a decimal comma"
    return f"{token!r} does not follow the language's way of writing numbers"


# --------------------------------------------------------------------------- parser


class _Parser:
    """One pass over the tokens of a quantity phrase; raises _NoParse on doubt."""

    __slots__ = (
        "closer",
        "closer_needed",
        "currency",
        "english",
        "first_noun",
        "fractional",
        "given",
        "i",
        "kinds",
        "lang",
        "marked",
        "matches",
        "n",
        "noun_before",
        "number_words",
        "qualifier",
        "s",
        "start",
        "text",
        "texts",
        "total",
        "unknown_end",
    )

    def __init__(
        self, text: str, s: str, low: str, lang: Language, given: bool, number_words: bool
    ) -> None:
        self.text = text
        self.number_words = number_words
        self.english = lang.code in ("en", "") or not given
        self.given = lang.code if given else ""
        self.s = s
        self.lang = lang
        self.matches = _split_fractions(_split_endings(tokens(low), lang), low, lang)
        self.kinds = [m.lastgroup for m in self.matches]
        self.texts = [bare(m.group()) for m in self.matches]
        self.fractional = not lang.fractions.firsts.isdisjoint(self.texts)
        self.n = len(self.texts)
        self.i = 0
        self.qualifier: str | None = None
        self.start: str | None = None
        self.currency: tuple[Unit, str] | None = None
        self.noun_before: tuple[Unit, str] | None = None
        self.total: bool | None = None
        self.closer: Phrases[bool] | None = None
        self.marked: tuple[int, Case] | None = None
        self.unknown_end = -1
        self.closer_needed = False
        self.first_noun: str | None = None

    # -- helpers

    def _written(self, i: int, k: int) -> str:
        return self.s[self.matches[i].start() : self.matches[i + k - 1].end()]

    def _attached(self, i: int) -> bool:
        return 0 < i < self.n and self.matches[i].start() == self.matches[i - 1].end()

    def _ordinal_ending(self, i: int) -> bool:
        """An ordinal ending written against the digits, or after a hyphen against them
        ("47th", "47-ма бригада", "47-го полка")."""
        if self._attached(i) and self.texts[i] == "-" and i + 1 < self.n:
            i += 1
        return self._attached(i) and self.texts[i] in shared().ordinals

    def _range_opened(self) -> bool:
        """A range opener was read that is not also a wrapper ("between", not Amharic "ከ",
        which is a range only when "እስከ" and a second figure follow)."""
        return self.start is not None and self.start not in self.lang.wrappers

    def _set_qualifier(self, qualifier: str) -> None:
        if self.qualifier is not None and self.qualifier != qualifier:
            raise _NoParse(f"two hedges that disagree ({self.qualifier}, {qualifier})")
        self.qualifier = qualifier

    # -- stages

    def parse(self) -> Quantity:
        self._prefix()
        if self.i >= self.n:
            raise _NoParse("no figure")
        share = self.lang.shares.match(self.texts, self.i) if self.number_words else None
        if share is not None:
            return self._share(*share)
        if self.kinds[self.i] != "n" and (
            self._vague_at(self.i) or not self._starts_figure(self.i)
        ):
            return self._vague()
        first = self._figure(self.currency)
        self._suffix()
        second = None
        if self._connector() or self._noun_then_connector():
            second = self._figure(None)
            self._close()
            self._suffix()
        elif self._range_opened():
            raise _NoParse
        return self._single(first) if second is None else self._range(first, second)

    def _prefix(self) -> None:
        while self.i < self.n and self.kinds[self.i] != "n":
            if self.number_words and self.lang.shares.match(self.texts, self.i) is not None:
                return
            if self.lang.vague.match(self.texts, self.i) is not None:
                return
            hit = self.lang.prefixes.match(self.texts, self.i)
            if hit is None:
                if self.noun_before is None and self._noun_before():
                    continue
                return
            (kind, value), k = hit
            if kind == "q":
                self._set_qualifier(value)
            elif kind == "s":
                if self.start is not None:
                    raise _NoParse
                self.start = value
            elif kind in ("c", "u"):
                if self.currency is not None:
                    raise _NoParse
                unit = Unit(value, 1.0, "currency") if kind == "c" else UNIT_IDS[value]
                self.currency = (unit, self._written(self.i, k))
            elif kind == "t":
                self.total = False
            self.i += k

    def _figure(self, currency: tuple[Unit, str] | None) -> _Figure:
        if currency is None:
            hit = shared().prefix_currency.match(self.texts, self.i)
            if hit is not None:
                currency = (Unit(hit[0], 1.0, "currency"), self._written(self.i, hit[1]))
                self.i += hit[1]
        if self.i >= self.n:
            raise _NoParse("no figure")
        fraction = self._fraction() if self.fractional else None
        if fraction is not None:
            parts, exp = fraction
        elif self.kinds[self.i] == "n":
            parts, exp = self._digits(currency is not None)
        else:
            parts, exp = self._words_figure()
        if not parts[1] and fraction is None and self.fractional:
            parts, exp = self._scale_fraction(parts[0], exp)
        if exp >= 3 and not parts[1] and not self._range_opened():
            parts, exp = self._addend(parts[0], exp)
        joined = self.i < self.n and self._attached(self.i)
        self._skip_hyphen()
        unit, written = currency if currency is not None else (None, "")
        hit_unit = self._unit_at(self.i)
        if joined and self._describes_next(hit_unit):
            raise _NoParse("a figure joined to its unit describes the noun after it ('155-mm')")
        if hit_unit is not None:
            self._hedge_before_figures(self.i, hit_unit[1], "not a unit")
            if unit is not None and unit.canon != hit_unit[0].canon:
                raise _NoParse
            if unit is None:
                unit, written = hit_unit[0], self._written(self.i, hit_unit[1])
            self.i += hit_unit[1]
            self._mark(self.texts[self.i - 1])
        return _Figure(parts[0], parts[1], exp, unit, written)

    def _digits(self, money: bool) -> tuple[tuple[str, str], int]:
        token = self.texts[self.i]
        parts = _split_number(token, self.lang.convention)
        if parts is None:
            raise _NoParse(_separator_reason(token, self.lang.convention))
        if len(parts[0]) + len(parts[1]) > _MAX_DIGITS:
            raise _NoParse("too many digits")
        self.i += 1
        if self._ordinal_ending(self.i):
            raise _NoParse("an ordinal, not a count")
        self._digit_ending()
        self._skip_hyphen()
        self._hedge_before_multiplier()
        exp = self._multiplier(bool(parts[1]), money)
        if exp == 0 and parts[1] == "000":
            raise _NoParse(
                f"{token!r}: a thousands separator where the language has a decimal mark"
            )
        if self.lang.thousands_comma_too and _GROUPED_LIKE_THOUSANDS.fullmatch(token):
            raise _NoParse(
                f"{token!r}: a comma before three digits groups thousands in some of this "
                "language's press, and marks decimals in the rest"
            )
        if exp and self.lang.convention == "dot" and "," in token and self.lang.comma_decimal_too:
            raise _NoParse(
                f"{token!r} before a multiplier reads as a decimal in some of this script's press"
            )
        return parts, exp

    def _hedge_before_multiplier(self) -> None:
        """A hedge written against the digits, before their multiplier ("30多万" is over
        300,000, "300+ million" at least 300 million)."""
        hit = self.lang.suffixes.match(self.texts, self.i) if self._attached(self.i) else None
        if hit is not None and self.lang.multipliers.match(self.texts, self.i + hit[1]):
            self._set_qualifier(hit[0])
            self.i += hit[1]

    def _vague_at(self, i: int) -> bool:
        """A vague amount at i, unless its word is also a multiplier written before a figure
        that follows it (Kinyarwanda "ibihumbi" is thousands, "ibihumbi 10" is 10,000)."""
        if self.lang.vague.match(self.texts, i) is None:
            return False
        mult = self.lang.multipliers.match(self.texts, i) if self.lang.multiplier_first else None
        if mult is None:
            return True
        j = i + mult[1]
        return not (j < self.n and (self.kinds[j] == "n" or self._number_word(j) is not None))

    def _starts_figure(self, i: int) -> bool:
        """A number word, or (where the multiplier comes first) a multiplier and digits,
        which are read also where number words are not ("watu elfu 61" is 61,000)."""
        mult = self.lang.multipliers.match(self.texts, i) if self.lang.multiplier_first else None
        if mult is not None and i + mult[1] < self.n and self.kinds[i + mult[1]] == "n":
            return True
        if self.fractional and self._fraction_starts(i):
            return True
        if not self.number_words:
            return False
        if self.lang.numbers.match(self.texts, i) is not None:
            return True
        if self.lang.multipliers.match(self.texts, i) is not None:
            return True
        return self._split_word(self.texts[i]) is not None

    def _words_figure(self, after_multiplier: bool = False) -> tuple[tuple[str, str], int]:
        """Number words ("thirty-three", "ثلاث", "sixty thousand"), or a multiplier before
        digits where the language writes it so ("elfu 61" in Swahili)."""
        mult = self.lang.multipliers.match(self.texts, self.i)
        if mult is not None and self.lang.multiplier_first:
            j = self.i + mult[1]
            if j < self.n and (self.kinds[j] == "n" or self._number_word(j) is not None):
                self.i = j
                digits = self.kinds[j] == "n"
                parts, exp = self._digits(False) if digits else self._words_figure(True)
                if exp:
                    raise _NoParse("two multipliers")
                if len(parts[0].lstrip("0")) > 3:
                    raise _NoParse(
                        "a multiplier before a figure written in full ('elfu 7,500' may be "
                        "7,500 or 7,500,000)"
                    )
                return parts, mult[0]
        values: list[tuple[int, bool]] = []
        start = self.i
        while self.i < self.n:
            found = self._number_word(self.i)
            if found is None:
                if (
                    values
                    and self.texts[self.i] in self.lang.joiners
                    and self._number_word(self.i + 1)
                ):
                    self.i += 1
                    continue
                break
            values += found[0]
            self.i += found[1]
        if not values:
            raise _NoParse("no figure")
        lone = len(values) == 1 and values[0][1] and not after_multiplier
        if lone and self.texts[start] in self.lang.multipliers_after_figure:
            raise _NoParse(f"{self.texts[start]!r} alone is another number than after a figure")
        self._mark(self._last_piece(self.texts[self.i - 1]))
        total = _compose(values, self.lang.units_before_tens)
        if total == 1 and not after_multiplier and not any(m for _, m in values):
            raise _NoParse("'one' written as a word is also an article ('ein Sprecher')")
        last, is_multiplier = values[-1]
        exp = len(str(last)) - 1 if is_multiplier and last >= 1000 else 0
        if total % 10**exp:
            exp = 0
        return (str(total // 10**exp), ""), exp

    def _fraction(self) -> tuple[tuple[str, str], int] | None:
        """A number with a fraction and the scale words after it ("two and a half thousand",
        "ढाई हज़ार", "साढ़े तीन सौ", "полторы тысячи"); None, reading nothing, if none
        stands here. Without a scale word it is refused: "2 and a half" may be a figure
        and the start of a clause ("2 and a half of them")."""
        amount = self._fractional_amount()
        if amount is None:
            return None
        hundred = self.lang.numbers.match(self.texts, self.i)
        hundreds = hundred is not None and hundred[0] == 100
        if hundred is not None and hundreds:
            amount *= 100
            self.i += hundred[1]
        mult = self.lang.multipliers.match(self.texts, self.i)
        if mult is None and not hundreds:
            raise _NoParse("a number with a fraction and no scale word after it")
        exp = 0
        if mult is not None:
            exp = mult[0]
            self.i += mult[1]
            self._mark(self.texts[self.i - 1])
        return _decimal(amount), exp

    def _fraction_starts(self, i: int) -> bool:
        """A number with a fraction at ``i``. It is read also where number words are not:
        its words say a figure, not an article ("one and a half million", "полторы")."""
        fractions = self.lang.fractions
        if (
            fractions.numbers.match(self.texts, i) or fractions.before.match(self.texts, i)
        ) is not None:
            return True
        whole = self._whole_number(i)
        return whole is not None and fractions.after.match(self.texts, i + whole[1]) is not None

    def _fraction_after(self, j: int) -> bool:
        fractions = self.lang.fractions
        return (
            fractions.after.match(self.texts, j) or fractions.after_scale.match(self.texts, j)
        ) is not None

    def _fractional_amount(self) -> Fraction | None:
        """The number and its fraction at ``i`` (moving past them), or None."""
        fractions = self.lang.fractions
        i = self.i
        before = fractions.before.match(self.texts, i)
        whole = self._whole_number(i + before[1]) if before is not None else None
        if before is not None and whole is not None:
            self.i = i + before[1] + whole[1]
            return whole[0] + before[0]
        alone = fractions.numbers.match(self.texts, i)
        if alone is not None:
            self.i = i + alone[1]
            return alone[0]
        whole = self._whole_number(i)
        after = fractions.after.match(self.texts, i + whole[1]) if whole is not None else None
        if whole is None or after is None:
            return None
        self.i = i + whole[1] + after[1]
        return whole[0] + after[0]

    def _whole_number(self, i: int) -> tuple[int, int] | None:
        """(number, tokens) of a whole number below a hundred at ``i``, in plain digits or
        number words without a hundred or a multiplier ("three", "3", "twenty-two"): the
        scale words after it are read with its fraction ("साढ़े तीन सौ" is 350)."""
        if i >= self.n:
            return None
        if self.kinds[i] == "n":
            text = self.texts[i]
            return (int(text), 1) if text.isdigit() and int(text) < 100 else None
        values: list[tuple[int, bool]] = []
        j = i
        while j < self.n and self.lang.fractions.after.match(self.texts, j) is None:
            found = self._number_word(j)
            if found is None and values and self.texts[j] in self.lang.joiners:
                found = self._number_word(j + 1)
                j += found is not None
            if found is None or any(m or v == 100 for v, m in found[0]):
                break
            values += found[0]
            j += found[1]
        try:
            total = _compose(values, self.lang.units_before_tens) if values else 100
        except _NoParse:
            return None
        return (total, j - i) if total < 100 else None

    def _scale_fraction(self, whole: str, exp: int) -> tuple[tuple[str, str], int]:
        """A figure ending in a scale word with a fraction of that scale after it ("a
        million and a half", "deux millions et demi", "ألفان ونصف")."""
        after = self.lang.fractions.after_scale.match(self.texts, self.i)
        scale = self._scale_before(self.i) if after is not None else None
        if after is None or scale is None:
            return (whole, ""), exp
        self.i += after[1]
        amount = Fraction(int(whole) * 10**exp, 10**scale) + after[0]
        return _decimal(amount), scale

    def _scale_before(self, i: int) -> int | None:
        """The power of ten of the scale word just read before ``i``: a multiplier, or a
        number word of thousands ("ألفان", two thousand)."""
        word = self.texts[i - 1] if 0 < i <= self.n else ""
        mult = self.lang.multipliers.get(word)
        if mult is not None:
            return mult
        number = self.lang.numbers.get(word)
        if number is None or number < 1000:
            return None
        return 3 * ((len(str(number)) - 1) // 3)

    def _number_word(self, i: int) -> tuple[list[tuple[int, bool]], int] | None:
        """([(value, is multiplier)], tokens used) of the number word at i."""
        if i >= self.n or self.kinds[i] != "w":
            return None
        hit = self.lang.numbers.match(self.texts, i)
        if hit is not None:
            return [(hit[0], False)], hit[1]
        mult = self.lang.multipliers.match(self.texts, i)
        if mult is not None:
            return [(10 ** mult[0], True)], mult[1]
        pieces = self._split_word(self.texts[i])
        return (pieces, 1) if pieces is not None else None

    def _split_word(self, word: str) -> list[tuple[int, bool]] | None:
        """A written-together number ("thirty-three", "dreiunddreißig", "وعشرون")."""
        if word in shared().stopwords:
            return None
        parts: list[str] | None = None
        if "-" in word:
            parts = word.split("-")
        elif self.lang.compound_numbers or word[:1] in self.lang.joiners:
            parts = _segments(word, self.lang)
        else:
            return None
        out: list[tuple[int, bool]] = []
        for part in parts or []:
            if part in self.lang.joiners:
                continue
            hit = self.lang.numbers.get(part)
            mult = self.lang.multipliers.get(part)
            if hit is not None:
                out.append((hit, False))
            elif mult is not None:
                out.append((10**mult, True))
            else:
                return None
        return out or None

    def _addend(self, whole: str, exp: int) -> tuple[tuple[str, str], int]:
        """ "4 آلاف و63", "mil 200", "1万2000": a smaller figure added after a multiplier,
        itself with a smaller multiplier where the language counts in ten thousands
        ("1億2000万")."""
        j = self.i
        if j < self.n and self.texts[j] in self.lang.joiners:
            j += 1
        if j >= self.n or self.kinds[j] != "n" or not self.texts[j].isdigit():
            return (whole, ""), exp
        addend = int(self.texts[j])
        end = j + 1
        smaller = self.lang.multipliers.match(self.texts, end)
        if smaller is not None:
            addend *= 10 ** smaller[0]
            end += smaller[1]
        if addend >= 10**exp:
            return (whole, ""), exp
        self.i = end
        return (str(int(whole) * 10**exp + addend), ""), 0

    def _noun_before(self) -> bool:
        """A count noun of up to three words written before the figure or its hedge ("watu
        61,000" in Swahili, "fararen hula 50" in Hausa, "兵士約1万人" in Japanese); whether
        one was read."""
        if not self.lang.noun_first:
            return False
        i = self.i
        for span in _NOUN_SPANS:
            j = i + span
            canon = shared().nouns.get(" ".join(self.texts[i:j])) if j < self.n else None
            if canon is not None and (
                self.kinds[j] == "n"
                or self._starts_figure(j)
                or self.lang.prefixes.match(self.texts, j) is not None
                or self.lang.vague.match(self.texts, j) is not None
            ):
                self.noun_before = (Unit(canon, 1.0, "count"), self._written(i, span))
                self.i = j
                return True
        return False

    def _describes_next(self, hit: tuple[Unit, int] | None) -> bool:
        """A unit of measure written against the figure or after a hyphen, and a word after
        it: the figure and unit describe that word ("155-mm shells", "500-kg bombs")."""
        i = self.i
        if i >= self.n or self.kinds[i] != "w":
            return False
        measure = hit is not None and hit[0].dim in ("length", "mass", "area", "volume")
        if not measure and self.texts[i] not in modifier_units(self.lang.code):
            return False
        after = i + (hit[1] if hit is not None else 1)
        return after < self.n and self.kinds[after] == "w"

    def _skip_hyphen(self) -> None:
        i = self.i
        if i + 1 < self.n and self.texts[i] == "-" and self.kinds[i + 1] == "w":
            self.i += 1

    def _multiplier(self, has_fraction: bool, money: bool) -> int:
        i = self.i
        if i >= self.n or self.kinds[i] != "w":
            return 0
        word = self.texts[i]
        if word in ("k", "b", "m"):
            exp = self._letter_multiplier(word, has_fraction, money)
            if exp:
                self.i += 1
            return exp
        hit = self.lang.multipliers.match(self.texts, i)
        if hit is None:
            return 0
        self.i += hit[1]
        self._mark(self.texts[self.i - 1])
        return hit[0]

    def _unit_at(self, i: int) -> tuple[Unit, int] | None:
        """The unit written at ``i`` (units are read in every language), unless its words
        count in the text's own language: Spanish "miles" is thousands, not the mile; Hausa
        "tun" after a figure is "since", not the Czech for tonnes."""
        hit = shared().units.match(self.texts, i)
        if hit is None:
            return None
        phrase = " ".join(self.texts[i : i + hit[1]])
        lang = self.lang
        if phrase in own_function_words(lang.code):
            return None
        if any(t.get(phrase) is not None for t in (lang.vague, lang.multipliers, lang.numbers)):
            raise _NoParse(f"{phrase!r} is a unit in one language and a number in this one")
        return hit

    def _letter_multiplier(self, word: str, has_fraction: bool, money: bool) -> int:
        """k, b and m after a figure: "10k", "$2b", "1.5m"; a spaced "m" is metres."""
        i = self.i
        attached = self._attached(i)
        if word != "m":
            return (3 if word == "k" else 9) if attached else 0
        following = self.texts[i + 1] if i + 1 < self.n else ""
        unit = shared().units.get(following)
        if (
            self.s[self.matches[i].start()] == "M"
            or money
            or (unit is not None and unit.dim == "currency")
        ):
            return 6
        if not attached:
            return 0
        if has_fraction or following in shared().nouns:
            return 6
        raise _NoParse

    def _suffix(self) -> None:
        if self._case_suffix():
            return
        if self._change_at(self.i):
            return
        hit = self.lang.suffixes.match(self.texts, self.i)
        if hit is not None:
            self._hedge_before_figures(self.i, hit[1], "not one of the figure before it")
            self._set_qualifier(hit[0])
            self.i += hit[1]

    def _hedge_before_figures(self, i: int, read: int, instead: str) -> None:
        """Refuse a hedge that a language writes before figures at ``i``, after the figure,
        where it is longer than the ``read`` tokens a hedge written after figures or a unit
        would take there: "500 lebih dari" is not over 500 of "dari", "500 ha superado" not
        500 hectares."""
        hit = hedge_words(self.lang.code).match(self.texts, i)
        if hit is not None and hit[0] and hit[1] > read:
            phrase = self._written(i, hit[1])
            raise _NoParse(f"{phrase!r} after the figure is a hedge word, {instead}")

    def _mark(self, word: str) -> None:
        """Note the case of a multiplier, unit or noun just read, if the lexicon knows it."""
        case = self.lang.cases.get(word)
        if case is not None:
            self.marked = (self.i, case)
            if case.hedge is not None:
                self._set_qualifier(case.hedge)

    def _digit_ending(self) -> None:
        """A case ending written against the digits after a hyphen, an apostrophe or a
        colon ("10-ig" is up to 10, "10.000'den" needs "fazla" or "az" after it, Finnish
        "10 000:een" is to 10,000); not one that joins or closes a range ("10-től 20-ig").
        An ending after a colon that the language does not list is refused: it may make the
        figure a difference or a starting point (Finnish "500:lla", by 500; "500:sta",
        from 500)."""
        i = self.i
        if i + 1 >= self.n or self.texts[i] not in ("-", "'", ":") or not self._attached(i + 1):
            return
        if self._range_ending(i + 1):
            return
        case = self.lang.case_endings.get(self.texts[i + 1]) if self._attached(i) else None
        if case is None and self.texts[i] == ":" and self._attached(i) and self.kinds[i + 1] == "w":
            raise _NoParse(f"{self.texts[i + 1]!r} after the figure is a case ending not known")
        if case is not None:
            self.i = i + 2
            self.marked = (self.i, case)
            if case.hedge is not None:
                self._set_qualifier(case.hedge)

    def _range_ending(self, i: int) -> bool:
        """An ending at ``i`` that closes an open range, or joins the figure to a second;
        either may be listed with the hyphen or apostrophe before it ("'dan", "'ye kadar")."""
        closer = self.closer
        if closer is not None and any(closer.match(self.texts, j) for j in (i - 1, i)):
            return True
        written = f"{self.texts[i - 1]} {self.texts[i]}"
        joining = self.texts[i] in self.lang.endings[0] or written in self.lang.closers
        return joining and i + 1 < self.n and self.kinds[i + 1] == "n"

    def _unknown_case(self, word: str) -> None:
        """An unknown count noun ending as a case that changes the figure's reading: refused
        when the ending is itself a hedge ("10 ezer katonáig"), read only with the case's
        hedge after it when it needs one ("10 bin öğrenciden fazla")."""
        for ending, case in self.lang.case_endings.items():
            if not word.endswith(ending) or len(word) <= len(ending) + 1:
                continue
            if case.hedge is not None:
                raise _NoParse(f"{word!r} may be a count noun with the ending {ending!r}")
            if case.needs_hedge:
                self.marked = (self.i, case)
                return

    def _last_piece(self, word: str) -> str:
        """The last number word or multiplier of a written-together number ("tíz|ezren")."""
        if not self.lang.cases or word in self.lang.cases or not self.lang.compound_numbers:
            return word
        pieces = _segments(word, self.lang)
        return pieces[-1] if pieces else word

    def _case_suffix(self) -> bool:
        """Read a hedge whose meaning depends on the case of the word before it ("10 bine
        kadar" is up to 10,000); refuse one after a word whose case is not known."""
        marked = self.marked if self.marked is not None and self.marked[0] == self.i else None
        if marked is not None:
            hit = marked[1].after.match(self.texts, self.i)
            if hit is not None:
                self._set_qualifier(hit[0])
                self.i += hit[1]
                self.marked = None
                return True
            return False
        if self.lang.case_hedges.match(self.texts, self.i) is None:
            return False
        hedge = self.texts[self.i]
        if self.unknown_end == self.i:
            word = self.texts[self.i - 1]
            raise _NoParse(f"{hedge!r} reads by the case of {word!r}, a word not known")
        if self.lang.suffixes.match(self.texts, self.i) is None:
            raise _NoParse(f"{hedge!r} reads by the case of the word before it, not known")
        return False

    def _connector(self) -> bool:
        """Take the words joining the first figure of a range to its second."""
        i = self.i
        k, closer, needed = self._joining(i)
        if not k:
            return False
        j = i + k
        hit = shared().prefix_currency.match(self.texts, j)
        if hit is not None:
            j += hit[1]
        if j >= self.n or self.kinds[j] != "n":
            return False
        self.i = i + k
        self.closer, self.closer_needed = closer, needed
        return True

    def _joining(self, i: int) -> tuple[int, Phrases[bool] | None, bool]:
        """(tokens, closing words, whether a closing word is needed) of the words at ``i``
        that may join two figures, longest first; (0, None, False) if none. The closing
        words of a joining word that makes a range alone ("10到20人之间") may be left out."""
        if self.start is not None:
            alone = self.lang.dashes | shared().range_starts[self.start]
        else:
            alone = self.lang.bare_connectors
        for k in _JOINING_SPANS:
            if i + k > self.n:
                continue
            phrase = " ".join(self.texts[i : i + k])
            closer = self.lang.closers.get(phrase)
            if phrase in alone or closer is not None:
                return k, closer, phrase not in alone
        return 0, None, False

    def _noun_then_connector(self) -> bool:
        """A count noun after the first figure of a range as well as after the second
        ("300명에서 400명 사이", "10人から20人"); the two must be the same noun."""
        if self.noun_before is not None:
            return False
        for span in _NOUN_SPANS:
            if self.i + span > self.n:
                continue
            canon = shared().nouns.get(" ".join(self.texts[self.i : self.i + span]))
            if canon is None:
                continue
            start = self.i
            self.i += span
            if self._connector():
                self.first_noun = canon
                return True
            self.i = start
            return False
        return False

    def _close(self) -> None:
        """Take the word that closes a range after its second figure or its noun."""
        hit = self.closer.match(self.texts, self.i) if self.closer is not None else None
        if hit is not None:
            self.i += hit[1]
            self.closer = None

    def _noun_after_multiplier_figure(self, i: int) -> bool:
        """A known count noun at ``i`` after a multiplier written before its figure, or after
        a vague amount (Kinyarwanda "miliyoni 7 z'abantu", 7 million people; "ibihumbi
        by'abantu", thousands of people)."""
        after_multiplier = (
            i >= 2
            and self.kinds[i - 1] == "n"
            and self.lang.multipliers.match(self.texts, i - 2) is not None
        )
        after_vague = any(
            (hit := self.lang.vague.match(self.texts, j)) is not None and j + hit[1] == i
            for j in range(max(0, i - 3), i)
        )
        return (after_multiplier or after_vague) and self._known_at(i)

    def _known_at(self, i: int) -> bool:
        """A unit or a known count noun starts at ``i`` ("500 de militari": a linker
        before it joins it to the figure, whatever the language)."""
        texts = self.texts
        if shared().units.match(texts, i) is not None:
            return True
        return any(" ".join(texts[i : i + span]) in shared().nouns for span in _NOUN_SPANS)

    def _tail(self, linker: bool) -> tuple[Unit, str]:
        """Unit or count noun after the figures; month names make the figure a date."""
        i = self.i
        texts = self.texts
        if (
            i + 1 < self.n
            and texts[i] in (".", "de", "of", "di")
            and texts[i + 1] in shared().months
        ):
            raise _NoParse
        if i + 1 < self.n and texts[i] in shared().linkers and (linker or self._known_at(i + 1)):
            i += 1
        if i < self.n and texts[i] not in shared().range_words:
            self._hedge_before_figures(i, 0, "not a unit")
        hit = self._unit_at(i)
        if hit is not None:
            self.i = i + hit[1]
            self._mark(texts[self.i - 1])
            return hit[0], self._written(i, hit[1])
        change = self._change_at(i)
        if change:
            self.i = i + change
            return BARE, ""
        if (
            self.lang.noun_only_first
            and (self.noun_before is not None or not self._noun_after_multiplier_figure(i))
        ) or self._verb_after_noun_first(i):
            return BARE, ""
        if self._classifier_after_noun_first(i):
            self.i = i + 1
            return BARE, ""
        counted = self._noun_after_counter(i)
        if counted is not None:
            return counted
        end = i
        while end < self.n and end - i < 6 and self.kinds[end] == "w":
            end += 1
        if i and self.kinds[i - 1] == "w" and i < self.n:
            self._number_goes_on(texts[i])
        noun, a, b = _count_noun(texts[i:end], self.english, self.given, self.lang.code)
        if not noun:
            return BARE, ""
        if b - a == 1 and noun == texts[i + a] and noun in shared().range_words:
            raise _NoParse(f"{noun!r} after the figure joins a range with no second figure read")
        self.i = i + b
        last = texts[self.i - 1]
        unknown = b - a == 1 and _unknown_noun(last)
        if unknown and capitalises_nouns(self.lang.code) and self._lower_case(self.i - 1):
            noun, self.i = self._capitalised_noun(self.i - 1, end)
            last = texts[self.i - 1]
            unknown = _unknown_noun(last)
        if unknown:
            if self.given and not lexicon.load(self.given):
                raise _NoParse(
                    f"{last!r} after the figure may be a multiplier: no words are listed for "
                    f"the language {self.given!r}"
                )
            self.unknown_end = self.i
            self._unknown_case(last)
        self._mark(last)
        return Unit(noun, 1.0, "count"), self._written(i + a, self.i - i - a)

    def _noun_after_counter(self, i: int) -> tuple[Unit, str] | None:
        """(people, the counter and noun as written) of a counter of people at ``i`` and a
        noun no table lists written against it, in a language that writes the counted noun
        there ("300名警察", 300 police officers; "超过300名村民", cut as 村 and 民); None
        where the tables know the noun ("300名士兵"), or where the letters read as a noun
        may hide a word that changes the figure, so that the figure is refused as before.

        The noun is the letters after the counter up to a word the tables know, a count
        noun of one letter (村, 人) being part of a longer noun. It must end the text or
        stand before a hedge the language writes after a figure, a stopword or a stating
        verb ("300名警察左右", about 300; not "300名警察和士兵", police and soldiers), be no
        longer than a noun is, and have no letter of a word that changes a figure: a
        hedge, a multiplier, a number word, a vague amount, a range word, a rate, a verb of
        change ("300名士兵或更多", or more)."""
        counter = self.texts[i] if i < self.n else ""
        canon = shared().nouns.get(counter)
        if not (noun_after_counter(self.lang.code) and counter in shared().counters and canon):
            return None
        if self.noun_before is not None:
            return None
        j = i + 1
        while j < self.n and self._noun_letters(j):
            j += 1
        run = self.texts[i + 1 : j]
        noun = "".join(run)
        if not run or all(word in shared().nouns for word in run):
            return None
        if len(noun) > _COUNTED_NOUN_MAX or not figure_letters(self.lang.code).isdisjoint(noun):
            return None
        if not self._noun_ends(j):
            return None
        self.i = j
        return Unit(canon, 1.0, "count"), self._written(i, j - i)

    def _noun_letters(self, j: int) -> bool:
        """Letters of an unspaced script at ``j``, written against the word before, that
        the tables do not know, or a count noun of one letter."""
        word = self.texts[j]
        return (
            self.kinds[j] == "w"
            and self._attached(j)
            and unspaced(word)
            and (word not in unspaced_words()[0] or (len(word) == 1 and word in shared().nouns))
        )

    def _noun_ends(self, j: int) -> bool:
        """A noun ends before ``j``: at the end of the text, before a space, a sign or a
        word of another script, or before a hedge written after figures, a stopword or a
        stating verb."""
        if j >= self.n or not self._attached(j) or not unspaced(self.texts[j]):
            return True
        word = self.texts[j]
        return (
            word in shared().stopwords
            or word in shared().stating_verbs
            or self.lang.suffixes.match(self.texts, j) is not None
        )

    def _number_goes_on(self, word: str) -> None:
        """Refuse a word after a figure written in words that is a number word with a case
        ending: the figure goes on in it (Turkish "on ikiye", to twelve, is not ten of
        "ikiye"; "on üçünün", of the thirteen)."""
        for stem in number_stems(self.lang.code):
            if word.startswith(stem) and 0 < len(word) - len(stem) <= _ENDING_MAX:
                raise _NoParse(f"{word!r} after the figure is the number {stem!r} with an ending")

    def _lower_case(self, i: int) -> bool:
        return self._written(i, 1).islower()

    def _capitalised_noun(self, i: int, end: int) -> tuple[str, int]:
        """(count noun, after it) of the capitalised word that the lower-case words from
        ``i`` describe, in a language that capitalises nouns ("230 gepanzerte Fahrzeuge").
        Without one the lower-case word is no noun but a verb or a word not listed ("136
        evakuiert"), and the figure is refused."""
        written = [self._written(k, 1) for k in range(i, end)]
        j = i + _described_from(written, self.texts[i:end])
        if j > i:
            noun, a, b = _count_noun(self.texts[j:end], self.english, self.given, self.lang.code)
            if noun and a == 0:
                return noun, j + b
        raise _NoParse(
            f"{self.texts[i]!r} after the figure is in lower case, so not a noun in a language "
            "that capitalises nouns: a verb or word not listed"
        )

    def _classifier_after_noun_first(self, i: int) -> bool:
        """A classifier after a figure whose count noun stands before it, ending the figure
        or followed by a hedge ("အိမ် ၅၀ လုံးကျော်", over 50 houses): the noun before says
        what it counts, and the hedge after it is read."""
        return (
            self.noun_before is not None
            and i < self.n
            and self.texts[i] in shared().adjectives
            and (i + 1 == self.n or self.lang.suffixes.match(self.texts, i + 1) is not None)
        )

    def _verb_after_noun_first(self, i: int) -> bool:
        """An unknown word of an unspaced script set off by a space after a figure whose
        count noun stands before it ("စစ်သား ၂၀၀ ခန့် ချထားခဲ့သည်", some 200 soldiers were
        deployed): the clause's verb, not a count noun. Written against the figure, it
        may hide a hedge and is refused (``_unknown_attached``)."""
        word = self.texts[i] if i < self.n else ""
        return (
            self.noun_before is not None
            and self.kinds[i - 1] != "s"
            and unspaced(word)
            and not self._attached(i)
            and word not in unspaced_words()[0]
        )

    def _finish(self) -> None:
        """Reject rates we cannot read, further figures and hedges after the quantity."""
        if shared().rates.match(self.texts, self.i) is not None:
            raise _NoParse("a rate this parser does not read")
        if "n" in self.kinds[self.i :]:
            raise _NoParse("more than one figure")
        if self._unknown_attached(self.i):
            raise _NoParse(f"{self.texts[self.i]!r} right after the figure may be a hedge")
        for j in range(self.i, self.n):
            self._change_at(j)
            if self.lang.numbers.match(self.texts, j) is not None:
                raise _NoParse("more than one figure")
            if self.lang.multipliers.match(self.texts, j) is not None:
                word = self.texts[j]
                raise _NoParse(f"the multiplier {word!r} after the figure may change it")
            if self.fractional and self._fraction_after(j):
                raise _NoParse("a fraction after the figure may change it")
            hit = self.lang.late_hedges.match(self.texts, j)
            if hit is not None:
                words_after = " ".join(self.texts[j : j + hit[1]])
                raise _NoParse(f"a hedge after the figure ({words_after!r}) may change its reading")
        if self.total is False:
            raise _NoParse("a wrapper that needs a verb of change after the figure, and none")

    def _change_at(self, i: int) -> int:
        """Tokens of a verb of change at ``i`` after the figure, 0 if none. Such a verb makes
        the figure a change ("10 bin arttı", rose by 10,000), refused, unless a total wrapper
        said the figure is what the change reached ("ist auf 10.000 gestiegen"); such a
        wrapper needs the verb ("ist auf 10.000 begrenzt" is a limit)."""
        hit = shared().changes.match(self.texts, i)
        if hit is None:
            return 0
        if self.total is None:
            verb = " ".join(self.texts[i : i + hit[1]])
            raise _NoParse(f"{verb!r} after the figure makes it a change, not a total")
        self.total = True
        return hit[1]

    def _unknown_attached(self, i: int) -> bool:
        """An unknown word of an unspaced script written against the figure or its noun
        ("1000人強" is a little over 1000): it may be a hedge the lexicon lacks."""
        word = self.texts[i] if i < self.n else ""
        return (
            self._attached(i)
            and unspaced(word)
            and word not in unspaced_words()[0]
            and self.kinds[i - 1] != "s"
        )

    def _rate(self, unit: Unit, written: str) -> tuple[Unit, str]:
        """ "459 trucks per day" is 459 in the unit "trucks/day"."""
        hit = self.lang.periods.match(self.texts, self.i)
        if hit is None:
            return unit, written
        if unit.dim != "count":
            raise _NoParse("a rate of a measured unit")
        phrase = self._written(self.i, hit[1])
        self.i += hit[1]
        canon = f"{unit.canon}/{hit[0]}" if unit.canon else f"per {hit[0]}"
        return Unit(canon, 1.0, "rate"), f"{written} {phrase}".strip()

    def _whole_after(self, j: int) -> tuple[int, int] | None:
        """(number, tokens) of a multiplier or "dozen" word: "half a million", "half a dozen"."""
        mult = self.lang.multipliers.match(self.texts, j)
        if mult is not None:
            return 10 ** mult[0], mult[1]
        number = self.lang.numbers.match(self.texts, j)
        if number is None or self.lang.numbers.match(self.texts, j + number[1]) is not None:
            return None
        return number

    def _share(self, fraction: tuple[int, int], k: int) -> Quantity:
        """ "two-fifths", "half", "un tiers": a share in percent; "half a million" is a count."""
        top, bottom = fraction
        start = self.i
        self.i += k
        if self.start is not None or self.currency is not None:
            raise _NoParse("a share in a range or an amount of money")
        j = self.i + (self.i < self.n and self.texts[self.i] in shared().linkers)
        j += j < self.n and self.texts[j] in ("a", "an")
        whole = self._whole_after(j)
        if whole is not None:
            if (top * whole[0]) % bottom:
                raise _NoParse("a fraction of a number that is not a whole number")
            self.i = j + whole[1]
            return self._single(_Figure(str(top * whole[0] // bottom), "", 0, None, ""))
        if self.lang.numbers.match(self.texts, j) is not None or (
            j < self.n and self.kinds[j] == "n"
        ):
            raise _NoParse("a share of a figure")
        written = self._written(start, k)
        if self.i < self.n and self.texts[self.i] in shared().linkers:
            self.i += 1
        while (
            self.i < self.n
            and self.kinds[self.i] == "w"
            and self.lang.late_hedges.match(self.texts, self.i) is None
        ):
            self.i += 1
        self._suffix()
        self._finish()
        value = 100 * top / bottom
        qualifier = self.qualifier or "exact"
        low = value if qualifier in ("over", "at_least") else None
        high = value if qualifier in ("up_to", "under") else None
        return Quantity(self.text, qualifier, value, low, high, "percent", written, "percent", 5.0)

    def _unit(self, *figures: _Figure) -> tuple[Unit, str]:
        units = [(f.unit, f.written) for f in figures if f.unit is not None]
        if units and self.noun_before is not None:
            raise _NoParse("a count noun before a measured figure")
        if units:
            if any(u.canon != units[0][0].canon for u, _ in units):
                raise _NoParse("two different units")
            self._suffix()
            return self._rate(units[0][0], units[0][1])
        self._suffix()
        linker = self.lang.linker_after_figure or any(f.exp for f in figures)
        unit, written = self._tail(linker=linker)
        if not unit.canon and self.marked is not None and self.marked[1].noun is not None:
            marked_at = self.marked[0] - 1
            unit, written = Unit(self.marked[1].noun, 1.0, "count"), self._written(marked_at, 1)
        if self.noun_before is not None:
            counter = key(written) in shared().counters
            if unit.canon and unit.canon != self.noun_before[0].canon and not counter:
                raise _NoParse("a count noun before and another after the figure")
            unit, written = self.noun_before
        self._suffix()
        return self._rate(unit, written)

    def _single(self, fig: _Figure) -> Quantity:
        unit, written = self._unit(fig)
        self._finish()
        if self.marked is not None and self.marked[1].needs_hedge:
            word = self.texts[self.marked[0] - 1]
            raise _NoParse(f"{word!r} is read only with a hedge after it, and none follows")
        qualifier = self.qualifier or "exact"
        value = fig.value(unit)
        _check_count(unit, value)
        low = value if qualifier in ("over", "at_least") else None
        high = value if qualifier in ("up_to", "under") else None
        return Quantity(
            self.text,
            qualifier,
            value,
            low,
            high,
            unit.canon,
            written,
            unit.dim,
            fig.precision(unit),
        )

    def _range(self, first: _Figure, second: _Figure) -> Quantity:
        if self.qualifier not in (None, "about"):
            raise _NoParse
        self._close()
        unit, written = self._unit(first, second)
        self._close()
        if self.closer is not None and self.closer_needed:
            raise _NoParse("two figures joined by a word that needs a closing word after them")
        noun = self.first_noun
        if noun is not None and (first.unit is not None or unit.canon != noun):
            raise _NoParse("a different noun after each figure of a range")
        self._finish()
        unit_low = first.unit or unit
        unit_high = second.unit or unit
        high = second.value(unit_high)
        exp = first.exp
        if not first.exp and second.exp and first.value(unit_low, second.exp) <= high:
            exp = second.exp
        low = first.value(unit_low, exp)
        if low > high:
            raise _NoParse
        _check_count(unit, low, high)
        precision = max(first.precision(unit_low, exp), second.precision(unit_high))
        return Quantity(
            self.text, "range", None, low, high, unit.canon, written, unit.dim, precision
        )

    def _vague(self) -> Quantity:
        hit = self.lang.vague.match(self.texts, self.i)
        if hit is None:
            if "n" in self.kinds[self.i :]:
                word = self.texts[self.i]
                raise _NoParse(f"{word!r} before the figure is not a hedge this parser knows")
            raise _NoParse("no figure")
        if self.qualifier not in (None, "about") or self.start or self.currency:
            raise _NoParse("a vague quantity with a bound, a range or money")
        (low, high), k = hit
        self.i += k
        unit, written = self._tail(linker=True)
        if self.noun_before is not None:
            if unit.canon not in ("", self.noun_before[0].canon) and (
                key(written) not in shared().counters
            ):
                raise _NoParse("a count noun before and another after the figure")
            unit, written = self.noun_before
        self._suffix()
        unit, written = self._rate(unit, written)
        self._finish()
        return Quantity(
            self.text,
            "vague",
            None,
            low * unit.factor,
            high * unit.factor,
            unit.canon,
            written,
            unit.dim,
            0.0,
        )


def _split_endings(spans: Sequence[Span], lang: Language) -> Sequence[Span]:
    """Tokens with a range's case endings cut from the multipliers after its figures ("10
    ezertől 20 ezerig" reads as "10 ezer től 20 ezer ig", as "10-től 20-ig" does). A
    joining ending needs the second figure right after it, a closing ending a joining one
    before it: alone "10 ezerig" is a case form of its own (up to 10,000)."""
    joining, closing = lang.endings
    if not joining:
        return spans
    out: list[Span] = []
    opened = False
    for i, span in enumerate(spans):
        text = span.group()
        endings: frozenset[str] = frozenset()
        if span.lastgroup == "w" and i > 0 and spans[i - 1].lastgroup == "n":
            before_figure = i + 1 < len(spans) and spans[i + 1].lastgroup == "n"
            endings = joining if before_figure else closing if opened else frozenset()
        opened = opened or text in joining
        cut = next(
            (len(e) for e in endings if text.endswith(e) and lang.multipliers.get(text[: -len(e)])),
            0,
        )
        if not cut:
            out.append(span)
            continue
        opened = opened or endings is joining
        at, middle = span.start(), span.end() - cut
        out += [Token("w", text[:-cut], at, middle), Token("w", text[-cut:], middle, span.end())]
    return out


def _split_fractions(spans: Sequence[Span], low: str, lang: Language) -> Sequence[Span]:
    """Tokens with a number written as one word cut into its words where a fraction word
    is one of them ("zweieinhalbtausend" reads as "zwei einhalb tausend")."""
    extra, inside = lang.fractions.words, lang.fractions.inside
    if not lang.compound_numbers or inside is None or inside.search(low) is None:
        return spans
    out: list[Span] = []
    for span in spans:
        text = span.group()
        found = span.lastgroup == "w" and inside.search(text) is not None
        pieces = _segments(text, lang, extra) if found else None
        if pieces is None or len(pieces) < 2 or not extra.intersection(pieces):
            out.append(span)
            continue
        at = span.start()
        for piece in pieces:
            out.append(Token("w", piece, at, at + len(piece)))
            at += len(piece)
    return out


def _check_count(unit: Unit, *values: float) -> None:
    """A count noun needs whole numbers: "1,376 Soldaten" is a misread, not 1.376 troops."""
    if unit.dim == "count" and unit.canon and not all(v.is_integer() for v in values):
        raise _NoParse


def parse(
    text: str, language_name: str | None = None, number_words: bool = True
) -> Quantity | None:
    """None when the text cannot be parsed with confidence (never guess)."""
    reading = read(text, language_name, number_words)
    return reading if isinstance(reading, Quantity) else None


def read(text: str, language_name: str | None = None, number_words: bool = True) -> Quantity | str:
    """The quantity, or why the text is kept as text. Without ``number_words`` only figures
    written in digits (and vague phrases) are read: running text is full of "one" and
    "half" that are not figures."""
    if not isinstance(text, str):
        return "not text"
    raw = text.strip()
    if not raw:
        return "empty"
    if len(raw) > _MAX_TEXT:
        return f"longer than {_MAX_TEXT} characters"
    s = raw if raw.isascii() else unicodedata.normalize("NFC", raw.translate(_SPACES))
    s = s.strip(_EDGE).rstrip(_TRAILING)
    if "\u060c" in s:
        s = _ARABIC_GROUPS.sub(",", s)
    low = lower(s)
    if len(low) != len(s):
        s = low
    try:
        lang = language(text_language(raw, language_name))
        return _Parser(raw, s, low, lang, bool(language_name), number_words).parse()
    except _NoParse as exc:
        return exc.reason


def normalise_unit(unit: str, language_name: str | None = None) -> tuple[str, float, str] | None:
    """(canonical unit, factor to canonical, dimension); None if unknown. "" -> ("", 1.0, "count").

    Any other plain word is a count noun (count nouns are open-ended): synonyms fold to one
    English plural, leading adjectives are dropped, English singulars are pluralised.
    """
    tokens = words(unit.strip(_EDGE))
    if not tokens:
        return ("", 1.0, "count")
    rate = _rate_unit(unit.strip(_EDGE), language_name)
    if rate is not None:
        return rate
    found_key = " ".join(tokens)
    found = shared().canonical_units.get(found_key) or shared().units.get(found_key)
    if found is not None:
        return found.canon, found.factor, found.dim
    if not all(map(_is_noun, tokens)):
        return None
    try:
        code = language_code(language_name)
        noun, a, b = _count_noun(tokens, code == "en", code)
        if b - a == 1 and _unknown_noun(tokens[a]) and capitalises_nouns(code):
            described = _described_noun(unit.strip(_EDGE))
            if described is not None:
                noun, _, _ = _count_noun(words(described), False, code)
    except _NoParse:
        return None
    return (noun, 1.0, "count") if noun else None


def _described_from(written: Sequence[str], words: Sequence[str]) -> int:
    """Where the capitalised noun stands that the lower-case words before it (at most
    two, each able to qualify a noun) describe, in a language that capitalises nouns:
    1 in "gepanzerte Fahrzeuge"; 0 when the words do not start so. ``written`` are the
    words as written, ``words`` the same words as read (folded)."""
    j = 0
    while j < min(2, len(written) - 1) and written[j].islower() and _modifier(words[j]):
        j += 1
    return j if j and not written[j].islower() else 0


def _described_noun(unit: str) -> str | None:
    """A unit written as a noun phrase, from the capitalised noun its lower-case words
    describe (``_described_from``, as after a figure); None when it does not start so."""
    written = unit.split()
    j = _described_from(written, [w.lower() for w in written])
    return " ".join(written[j:]) if j else None


def _rate_unit(unit: str, language_name: str | None) -> tuple[str, float, str] | None:
    """ "trucks/day" and "per day", the units rates are read into."""
    counted, slash, period = unit.rpartition("/")
    if not slash:
        counted, _, period = unit.rpartition("per ")
        if counted or not unit.startswith("per "):
            return None
    if period not in PERIODS:
        return None
    noun = normalise_unit(counted, language_name) if counted else ("", 1.0, "count")
    if noun is None or noun[2] != "count":
        return None
    return (f"{noun[0]}/{period}" if noun[0] else f"per {period}", 1.0, "rate")


def normalise_qualifier(word: str) -> str | None:
    """Canonical qualifier from a canonical name or a hedge phrase ("around" -> "about")."""
    name = word.strip().lower()
    return name if name in QUALIFIERS else qualifier_names().get(key(word))
