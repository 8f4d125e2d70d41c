"""Union-find with cannot-link constraints: the core of every merge decision."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind[T: Hashable]:
    """Each set knows its members and each item the items it must stay apart from, so checking
    a join costs the smaller set's constraints, not every constraint of the document or corpus."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self.parent: dict[T, T] = {}
        self.members: dict[T, list[T]] = {}  # root -> items of its set
        self.apart: dict[T, set[T]] = {}  # item -> items whose sets must stay apart from its set
        for item in items:
            self.add(item)

    def add(self, item: T) -> None:
        if item not in self.parent:
            self.parent[item] = item
            self.members[item] = [item]

    def find(self, item: T) -> T:
        self.add(item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def keep_apart(self, a: T, b: T) -> None:
        if a != b:
            self.add(a)
            self.add(b)
            self.apart.setdefault(a, set()).add(b)
            self.apart.setdefault(b, set()).add(a)

    def can_union(self, a: T, b: T) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or not self.apart:
            return True
        small, other = (ra, rb) if len(self.members[ra]) <= len(self.members[rb]) else (rb, ra)
        return not any(self.find(y) == other for x in self.members[small] for y in self.apart.get(x, ()))

    def union(self, a: T, b: T) -> bool:
        """Join the sets of a and b unless a keep-apart constraint forbids it."""
        if not self.can_union(a, b):
            return False
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.members[ra].extend(self.members.pop(rb))
        return True

    def groups(self) -> dict[T, list[T]]:
        out: dict[T, list[T]] = {}
        for item in self.parent:
            out.setdefault(self.find(item), []).append(item)
        return out
