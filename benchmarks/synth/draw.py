"""A seeded source of sizes, names and text for one synthetic unit."""
from __future__ import annotations

import random
from typing import Sequence, TypeVar

from .corpus import Pools

T = TypeVar("T")

#: surnames and given-name characters with their pinyin (person ids are written in pinyin)
SURNAMES = (("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"),
            ("杨", "yang"), ("赵", "zhao"), ("黄", "huang"), ("周", "zhou"), ("吴", "wu"),
            ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"),
            ("何", "he"), ("高", "gao"), ("林", "lin"), ("罗", "luo"), ("郑", "zheng"), ("梁", "liang"),
            ("金", "jin"), ("朴", "piao"), ("崔", "cui"), ("韩", "han"), ("于", "yu"), ("董", "dong"))
GIVEN = (("建", "jian"), ("国", "guo"), ("华", "hua"), ("明", "ming"), ("丽", "li"), ("军", "jun"),
         ("英", "ying"), ("红", "hong"), ("平", "ping"), ("志", "zhi"), ("海", "hai"), ("春", "chun"),
         ("东", "dong"), ("玉", "yu"), ("秀", "xiu"), ("文", "wen"), ("德", "de"), ("永", "yong"),
         ("晓", "xiao"), ("淑", "shu"), ("成", "cheng"), ("雪", "xue"), ("梅", "mei"), ("刚", "gang"),
         ("兰", "lan"), ("波", "bo"), ("霞", "xia"), ("林", "lin"), ("峰", "feng"), ("静", "jing"))
#: syllables of place names (unit names and ids)
PLACES = (("新", "xin"), ("安", "an"), ("长", "chang"), ("青", "qing"), ("河", "he"), ("山", "shan"),
          ("东", "dong"), ("西", "xi"), ("南", "nan"), ("北", "bei"), ("兴", "xing"), ("宁", "ning"),
          ("平", "ping"), ("阳", "yang"), ("林", "lin"), ("江", "jiang"), ("柳", "liu"), ("桦", "hua"),
          ("石", "shi"), ("岭", "ling"), ("泉", "quan"), ("丰", "feng"), ("和", "he"), ("太", "tai"),
          ("永", "yong"), ("福", "fu"), ("源", "yuan"), ("三", "san"), ("道", "dao"), ("沟", "gou"),
          ("柴", "chai"), ("横", "heng"), ("亭", "ting"), ("松", "song"), ("杨", "yang"), ("木", "mu"))


class Draw:
    """`random.Random` with the helpers the generator needs; text comes from the example's clauses."""

    def __init__(self, seed: str, pools: Pools) -> None:
        self.rng = random.Random(seed)
        self.pools = pools

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def jitter(self, n: float, low: int = 1, spread: float = 0.25) -> int:
        """`n` varied by ±`spread`, at least `low`."""
        return max(low, round(n * self.rng.uniform(1 - spread, 1 + spread)))

    def pick(self, items: Sequence[T]) -> T:
        return self.rng.choice(items)

    def sample(self, items: Sequence[T], k: int) -> list[T]:
        return self.rng.sample(list(items), min(k, len(items)))

    def names(self, pool: Sequence[str], k: int, suffix: str = "") -> list[str]:
        """`k` different names from `pool`; when the pool is short, names get a number."""
        chosen = self.sample(pool, k)
        n = 2
        while len(chosen) < k:
            chosen += [f"{name}（{n}）" for name in self.sample(pool, k - len(chosen))]
            n += 1
        return [c + suffix for c in chosen]

    def text(self, chars: int) -> str:
        """About `chars` characters: clauses joined into sentences, ending with 。"""
        parts: list[str] = []
        length = 0
        while length < chars:
            clause = self.pick(self.pools.clauses)
            parts.append(clause)
            length += len(clause) + 1
        out = ""
        for i, clause in enumerate(parts):
            out += clause + ("。" if i == len(parts) - 1 or self.chance(0.3) else "，")
        return out[:3900]

    def paragraphs(self, chars: int) -> list[str]:
        out: list[str] = []
        while sum(len(p) for p in out) < chars:
            out.append(self.text(self.rng.randint(80, 220)))
        return out

    def person(self, taken: set[str]) -> tuple[str, str]:
        """(id, name) of a person not yet in `taken` (ids)."""
        while True:
            (s, sp) = self.pick(SURNAMES)
            given = self.sample(GIVEN, self.rng.choice((1, 2)))
            pid = f"{sp}-{''.join(p for _, p in given)}"
            if pid not in taken:
                taken.add(pid)
                return pid, s + "".join(c for c, _ in given)

    def place(self) -> tuple[str, str]:
        """(pinyin, name) of a two-syllable place."""
        a, b = self.sample(PLACES, 2)
        return a[1] + b[1], a[0] + b[0]

    def weights(self, k: int, total: int = 100) -> list[int]:
        """`k` positive whole weights adding up to `total`, not all equal."""
        raw = [self.rng.uniform(0.5, 2.0) for _ in range(k)]
        out = [max(1, int(total * r / sum(raw))) for r in raw]
        out[out.index(max(out))] += total - sum(out)
        if len(set(out)) == 1 and k > 1:
            out[0] += 1
            out[1] -= 1
        return out
