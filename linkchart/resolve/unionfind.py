"""Union-find with cannot-link constraints: the core of every merge decision."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind[T: Hashable]:
    def __init__(self, items: Iterable[T] = ()) -> None:
        self.parent: dict[T, T] = {}
        self.apart: set[frozenset[T]] = set()  # pairs of roots that must stay apart
        for item in items:
            self.add(item)

    def add(self, item: T) -> None:
        self.parent.setdefault(item, item)

    def find(self, item: T) -> T:
        self.add(item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def keep_apart(self, a: T, b: T) -> None:
        self.apart.add(frozenset((self.find(a), self.find(b))))

    def can_union(self, a: T, b: T) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        members_a = {x for x in self.parent if self.find(x) == ra}
        members_b = {x for x in self.parent if self.find(x) == rb}
        return not any(len(pair) == 2 and (pair & members_a) and (pair & members_b) for pair in self.apart)

    def union(self, a: T, b: T) -> bool:
        """Join the sets of a and b unless a keep-apart constraint forbids it."""
        if not self.can_union(a, b):
            return False
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
        return True

    def groups(self) -> dict[T, list[T]]:
        out: dict[T, list[T]] = {}
        for item in self.parent:
            out.setdefault(self.find(item), []).append(item)
        return out
