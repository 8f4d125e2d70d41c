"""Union-find with cannot-link constraints: the core of every merge decision."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind[T: Hashable]:
    def __init__(self, items: Iterable[T] = ()) -> None:
        self.parent: dict[T, T] = {}
        self.apart: set[frozenset[T]] = set()  # pairs of items whose sets must stay apart
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
        self.apart.add(frozenset((a, b)))

    def can_union(self, a: T, b: T) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or not self.apart:
            return True
        for pair in self.apart:
            if len(pair) != 2:
                continue
            x, y = tuple(pair)
            rx, ry = self.find(x), self.find(y)
            if {rx, ry} == {ra, rb}:
                return False
        return True

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
