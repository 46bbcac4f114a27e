#!/usr/bin/env python3
"""Writes the golden expectations of Ballast's drift statistics (ks-golden.json, chi2-golden.json).

Run OFFLINE by a developer, never by the build:  python3 generate_golden.py   (from this directory)

The two-sample KS expectations are scipy.stats.ks_2samp(x, y, method=M) with M chosen the way
Ballast chooses (dev.ballast.drift.domain.KsTest): 'exact' when len(x) * len(y) < 10000 (commons-math's
LARGE_SAMPLE_PRODUCT), else 'asymp'. Chi-square expectations are scipy.stats.chi2_contingency on the
2 x k table of category counts (SciPy's defaults, so Yates' correction when the table has one degree
of freedom).

Samples are either written inline (small, hand-made cases; Python's repr of a float round-trips
exactly) or described by a generator that Ballast's test reproduces bit for bit: SplitMix64 draws
turned into doubles with (z >>> 11) * 2**-53 and then only additions and multiplications, no
transcendental functions (whose last bit differs between libms):
  normal   loc + scale * (sum of 12 uniforms - 6)   (Irwin-Hall(12): a normal to three moments)
  uniform  loc + scale * u
  discrete loc + floor(u * levels)                  (many ties)
The SHA-256 of the little-endian bytes of each generated array is stored too, so the Java test
proves it compared exactly the arrays SciPy saw.
"""
import hashlib
import json
import math
import struct
import sys

import numpy as np
import scipy
from scipy import stats

MASK = (1 << 64) - 1
LARGE_SAMPLE_PRODUCT = 10000


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next() >> 11) * (1.0 / (1 << 53))


def generate(spec):
    rng = SplitMix64(spec["seed"])
    n, kind = spec["n"], spec["kind"]
    loc, scale = spec.get("loc", 0.0), spec.get("scale", 1.0)
    out = []
    for _ in range(n):
        if kind == "normal":
            s = 0.0
            for _ in range(12):
                s += rng.uniform()
            out.append(loc + scale * (s - 6.0))
        elif kind == "uniform":
            out.append(loc + scale * rng.uniform())
        elif kind == "discrete":
            out.append(loc + float(math.floor(rng.uniform() * spec["levels"])))
        else:
            raise ValueError(kind)
    return out


def sha256(values):
    return hashlib.sha256(struct.pack("<%dd" % len(values), *values)).hexdigest()


def side(value):
    if isinstance(value, dict):
        data = generate(value)
        return dict(value, sha256=sha256(data)), data
    return value, list(value)


def normal(seed, n, loc=0.0, scale=1.0):
    return {"kind": "normal", "seed": seed, "n": n, "loc": loc, "scale": scale}


def uniform(seed, n, loc=0.0, scale=1.0):
    return {"kind": "uniform", "seed": seed, "n": n, "loc": loc, "scale": scale}


def discrete(seed, n, levels, loc=0.0):
    return {"kind": "discrete", "seed": seed, "n": n, "levels": levels, "loc": loc}


KS_CASES = [
    # exact (n * m < 10000)
    ("tiny 3 vs 4", [1.0, 2.0, 3.0], [1.5, 2.5, 3.5, 4.5]),
    ("tiny separated 2 vs 2", [0.0, 1.0], [2.0, 3.0]),
    ("separated 10 vs 10", [float(i) for i in range(10)], [float(i) + 100 for i in range(10)]),
    ("equal samples 20", normal(1, 20), normal(1, 20)),
    ("all values tied 10 vs 12", [1.0] * 10, [1.0] * 12),
    ("interleaved with ties 6 vs 7", [1.0, 2.0, 2.0, 3.0, 5.0, 8.0], [2.0, 3.0, 3.0, 4.0, 5.0, 6.0, 9.0]),
    ("normal vs shifted normal 50 vs 60", normal(2, 50), normal(3, 60, loc=0.8)),
    ("normal vs normal 40 vs 70", normal(4, 40), normal(5, 70)),
    ("ties 5 levels 30 vs 40", discrete(6, 30, 5), discrete(7, 40, 5)),
    ("unequal 5 vs 500", normal(8, 5), normal(9, 500, loc=0.5)),
    ("unequal 2 vs 4999", normal(10, 2, loc=1.0), normal(11, 4999)),
    ("normal vs shifted normal 99 vs 99", normal(12, 99), normal(13, 99, loc=0.3)),
    ("uniform vs normal 80 vs 100", uniform(14, 80, loc=-2.0, scale=4.0), normal(15, 100)),
    # asymptotic (n * m >= 10000)
    ("normal vs shifted normal 100 vs 100", normal(16, 100), normal(17, 100, loc=0.3)),
    ("normal vs normal 500 vs 800", normal(18, 500), normal(19, 800)),
    ("normal vs shifted normal 1000 vs 1000", normal(20, 1000), normal(21, 1000, loc=0.1)),
    ("ties 20 levels 2000 vs 3000", discrete(22, 2000, 20), discrete(23, 3000, 20)),
    ("normal vs strongly shifted normal 2000 vs 2000", normal(37, 2000), normal(38, 2000, loc=0.2)),
    ("odd effective size 101 vs 101", normal(39, 101), normal(40, 101, loc=0.25)),
    ("unequal 100 vs 20000", normal(24, 100), normal(25, 20000, loc=0.1)),
    ("equal samples 20000", normal(26, 20000), normal(26, 20000)),
    ("normal vs normal 100k vs 100k", normal(27, 100000), normal(28, 100000)),
    ("normal vs shifted normal 100k vs 100k", normal(29, 100000), normal(30, 100000, loc=0.01)),
    ("normal vs shifted normal 100k vs 50k", normal(31, 100000), normal(32, 50000, loc=0.015)),
    ("uniform vs wider uniform 100k vs 100k", uniform(33, 100000), uniform(34, 100000, loc=-0.005, scale=1.01)),
    ("ties 50 levels 100k vs 100k", discrete(35, 100000, 50), discrete(36, 100000, 50)),
]

CHI2_CASES = [
    ("same shares 3 categories", {"a": 50, "b": 30, "c": 20}, {"a": 100, "b": 60, "c": 40}),
    ("shifted shares 3 categories", {"a": 50, "b": 30, "c": 20}, {"a": 30, "b": 30, "c": 40}),
    ("two categories (Yates)", {"yes": 120, "no": 80}, {"yes": 90, "no": 110}),
    ("two categories small diff (Yates capped)", {"yes": 10, "no": 10}, {"yes": 10, "no": 11}),
    ("category only in current", {"a": 200, "b": 100}, {"a": 150, "b": 100, "new": 50}),
    ("category only in reference", {"a": 200, "b": 100, "gone": 5}, {"a": 210, "b": 95}),
    ("one category", {"a": 10}, {"a": 30}),
    ("many categories", {f"c{i}": 100 + 7 * i for i in range(12)}, {f"c{i}": 100 + ((i * 37) % 23) for i in range(12)}),
]


def ks_case(name, xs, ys):
    x_desc, x = side(xs)
    y_desc, y = side(ys)
    method = "exact" if len(x) * len(y) < LARGE_SAMPLE_PRODUCT else "asymp"
    res = stats.ks_2samp(np.array(x), np.array(y), alternative="two-sided", method=method)
    return {"name": name, "x": x_desc, "y": y_desc, "method": method,
            "statistic": float(res.statistic), "pvalue": float(res.pvalue)}


def chi2_case(name, ref, cur):
    cats = sorted(set(ref) | set(cur))
    table = np.array([[ref.get(c, 0) for c in cats], [cur.get(c, 0) for c in cats]])
    res = stats.chi2_contingency(table)
    return {"name": name, "reference": ref, "current": cur, "statistic": float(res.statistic),
            "pvalue": float(res.pvalue), "dof": int(res.dof)}


def main():
    meta = {"scipy": scipy.__version__, "numpy": np.__version__, "python": sys.version.split()[0]}
    ks = dict(meta, function="scipy.stats.ks_2samp(x, y, alternative='two-sided', method=...)",
              cases=[ks_case(*c) for c in KS_CASES])
    chi2 = dict(meta, function="scipy.stats.chi2_contingency([[reference counts], [current counts]])",
                cases=[chi2_case(*c) for c in CHI2_CASES])
    with open("ks-golden.json", "w") as f:
        json.dump(ks, f, indent=1)
        f.write("\n")
    with open("chi2-golden.json", "w") as f:
        json.dump(chi2, f, indent=1)
        f.write("\n")
    for c in ks["cases"]:
        print(f'{c["name"]:45s} {c["method"]:6s} D={c["statistic"]:.10f} p={c["pvalue"]:.6e}')


if __name__ == "__main__":
    main()
