"""The model's attribute rules, applied as spaCy's AttributeRuler applies them, several times faster.

The English model ends its tagging with an AttributeRuler: 179 rules that turn each fine tag
into a part of speech and morphology ("NNP" → PROPN) and correct a few words ("i" as a subject,
"gonna"). spaCy runs them through its Matcher, which tries every rule at every token: 15% of the
model's time once the matrices are fast (linkchart/extract/matmul.py). The same rules, compiled
here into a table from what a token looks like (its tag, lower-case form, dependency and
whether it is a space) to the rules it meets, give the same annotation at a fraction of that.

Semantics kept from spaCy: every rule is matched against the text as the parser left it, then
the attributes of the matched rules are set in the order the rules were added, a later rule
overriding an earlier one. A model whose rules use anything else (quantifiers, other token
attributes) keeps spaCy's ruler: `compile_rules` returns None.
"""

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# A token as the rules see it: (tag, lower-case form, dependency, is a space), as string hashes.
Key = tuple[int, int, int, int]
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}

FACTORY = "linkchart_attribute_rules"


class _Test:
    """One attribute's constraint in a rule's token pattern: equal to a value, in or not in a
    set of values, or a regular expression that the attribute's text contains."""

    def __init__(self, field: int, operator: str, values: frozenset[int] = frozenset(), pattern: re.Pattern[str] | None = None,
                 strings: Any = None) -> None:
        self.field, self.operator, self.values, self.pattern, self.strings = field, operator, values, pattern, strings

    def __call__(self, key: Key) -> bool:
        if self.operator == "REGEX":
            return bool(self.pattern.search(self.strings[key[self.field]]))  # type: ignore[union-attr]
        return (key[self.field] in self.values) == (self.operator == "IN")


def _test(field: int, constraint: Any, strings: Any) -> _Test | None:
    """One attribute's constraint, or None if it is not supported."""
    def as_value(value: Any) -> int:
        return int(value) if isinstance(value, bool | int) else int(strings.add(value))

    if not isinstance(constraint, dict):
        return _Test(field, "IN", frozenset({as_value(constraint)}))
    if len(constraint) != 1:
        return None
    (operator, argument), = constraint.items()
    if operator in {"IN", "NOT_IN"}:
        return _Test(field, operator, frozenset(as_value(v) for v in argument))
    if operator == "REGEX" and field != _FIELDS["IS_SPACE"]:
        return _Test(field, operator, pattern=re.compile(argument), strings=strings)
    return None


class _Condition:
    """What one token of a pattern must be: every test holds."""

    def __init__(self, tests: list[_Test]) -> None:
        self.tests = tests

    def __call__(self, key: Key) -> bool:
        return all(test(key) for test in self.tests)

    def anchors(self) -> tuple[int, frozenset[int]] | None:
        """(field, values) such that a token meeting the condition has one of these values in
        that field (the tag where the pattern names it, else the word): where to index it."""
        for field in (_FIELDS["TAG"], _FIELDS["LOWER"]):
            for test in self.tests:
                if test.field == field and test.operator == "IN":
                    return field, test.values
        return None


def _condition(token_pattern: dict[str, Any], strings: Any) -> _Condition | None:
    tests = []
    for attr, constraint in token_pattern.items():
        field = _FIELDS.get(attr)
        test = _test(field, constraint, strings) if field is not None else None
        if test is None:
            return None
        tests.append(test)
    return _Condition(tests) if tests else None


Pattern = tuple[int, list[_Condition], int]  # (rule number, one condition a token, index of the token set)


class AttributeRules:
    """A compiled AttributeRuler (see the module docstring); call it on a parsed Doc."""

    def __init__(self, patterns: list[Pattern], attrs: list[dict[int, Any]]) -> None:
        self.attrs = attrs
        # Patterns indexed by the tags or words their first token must have; the rest always tried.
        self._indexed: dict[tuple[int, int], list[Pattern]] = {}
        self._unindexed: list[Pattern] = []
        for pattern in patterns:
            anchor = pattern[1][0].anchors()
            if anchor is None:
                self._unindexed.append(pattern)
                continue
            field, values = anchor
            for value in values:
                self._indexed.setdefault((field, value), []).append(pattern)
        self._starting: dict[Key, list[Pattern]] = {}
        self._meets: dict[tuple[int, Key], bool] = {}
        self._merged: dict[tuple[int, ...], dict[int, Any]] = {}

    def __call__(self, doc: Doc) -> Doc:
        keys: list[Key] = [tuple(row) for row in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]  # type: ignore[misc]
        matched: list[list[int]] = [[] for _ in keys]
        for start, key in enumerate(keys):
            for rule, conditions, index in self._starting_at(key):
                end = start + len(conditions)
                if end <= len(keys) and all(self._meet(conditions[k], keys[start + k]) for k in range(1, len(conditions))):
                    matched[start + index if index >= 0 else end + index].append(rule)
        for i, rules in enumerate(matched):
            if rules:
                set_token_attrs(doc[i], self._attributes(tuple(sorted(set(rules)))))
        return doc

    def _starting_at(self, key: Key) -> list[Pattern]:
        """The patterns whose first token this token can be."""
        found = self._starting.get(key)
        if found is None:
            tried = (*self._indexed.get((_FIELDS["TAG"], key[0]), ()), *self._indexed.get((_FIELDS["LOWER"], key[1]), ()),
                     *self._unindexed)
            found = self._starting[key] = [p for p in tried if p[1][0](key)]
        return found

    def _meet(self, condition: _Condition, key: Key) -> bool:
        memo = (id(condition), key)
        found = self._meets.get(memo)
        if found is None:
            found = self._meets[memo] = condition(key)
        return found

    def _attributes(self, rules: tuple[int, ...]) -> dict[int, Any]:
        merged = self._merged.get(rules)
        if merged is None:
            merged = {}
            for rule in rules:  # in the order the rules were added: a later one overrides
                merged.update(self.attrs[rule])
            self._merged[rules] = merged
        return merged


def compile_rules(ruler: Any) -> AttributeRules | None:
    """The rules of a spaCy AttributeRuler, compiled; None when one uses what is not supported."""
    strings = ruler.vocab.strings
    patterns = []
    for rule, index in enumerate(ruler.indices):
        for token_patterns in ruler.matcher.get(str(rule))[1]:
            conditions = [_condition(t, strings) for t in token_patterns]
            if not conditions or any(c is None for c in conditions):
                return None
            if not -len(conditions) <= index < len(conditions):
                return None
            patterns.append((rule, conditions, index))
    return AttributeRules(patterns, list(ruler.attrs))  # type: ignore[arg-type]


@Language.factory(FACTORY)
def _make(nlp: Language, name: str) -> AttributeRules:
    rules = compile_rules(nlp.get_pipe("attribute_ruler"))
    if rules is None:
        raise ValueError("these attribute rules cannot be compiled")
    return rules


def use_compiled_rules(nlp: Language) -> Language:
    """Put the compiled rules in the place of the model's AttributeRuler, where they can be."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    try:
        nlp.add_pipe(FACTORY, after="attribute_ruler")
    except ValueError:  # (raised by the factory) a rule the compiler does not know: spaCy's ruler stays
        return nlp
    nlp.remove_pipe("attribute_ruler")
    return nlp
