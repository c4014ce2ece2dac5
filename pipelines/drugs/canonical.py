"""One canonical name per molecule across all releases.

``canonicalize(per_doc)`` takes ``[(doc_id, facts, aliases), ...]`` as returned
by ``extract_pipeline_facts`` per release and returns
``({doc_id: [facts with drug = canonical name]}, [DrugAlias rows])``.

Linking: union-find over every alias pair printed in any release
("IMGN901 (lorvotuzumab mertansine)", "trastuzumab-DM1, or T-DM1") plus
case-insensitive identity ("Trastuzumab-DM1" = "trastuzumab-DM1").

Canonical name rule (deterministic): prefer a company code name (IMGN901,
T-DM1), then an INN, then a brand, then other forms; within a kind the name
mentioned in most releases/mentions wins; ties go to the alphabetically first.
Every canonical drug gets one alias row per printed name including itself.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipelines.model import DrugAlias, PipelineFact

KIND_ORDER = {"code": 0, "inn": 1, "brand": 2, "abbreviation": 3, "other": 4}


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, x: str) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: str) -> str:
        self.add(x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # deterministic: the smaller string becomes the root
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for x in sorted(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return [out[k] for k in sorted(out)]


def pick_name(group: list[str], kinds: dict[str, str], counts: dict[str, int]) -> str:
    # "KROS 101" beside "KROS-101": the printed code without the space names the drug
    unspaced = {_code_key(n) for n in group if " " not in n}
    return min(group, key=lambda n: (
        KIND_ORDER.get(kinds.get(n, "other"), 9), " " in n and _code_key(n) in unspaced, -counts.get(n, 0), n))


def _code_key(name: str) -> str:
    return re.sub(r"[\s-]", "", name).upper()


def canonicalize(
    per_doc: list[tuple[str, list[PipelineFact], list[DrugAlias]]],
) -> tuple[dict[str, list[PipelineFact]], list[DrugAlias]]:
    uf = UnionFind()
    kinds: dict[str, str] = {}
    counts: dict[str, int] = {}
    for _doc_id, facts, aliases in per_doc:
        for a in aliases:
            uf.union(a.drug, a.alias)
            uf.union(a.alias, a.alias.lower())  # case variants are one name
            kinds.setdefault(a.alias, a.alias_type)
            counts[a.alias] = counts.get(a.alias, 0) + 1
        for f in facts:
            uf.add(f.drug)
    _union_code_forms(uf)
    canon: dict[str, str] = {}
    for group in uf.groups():
        printed = [n for n in group if n in kinds] or group
        best = pick_name(printed, kinds, counts)
        for n in group:
            canon[n] = best
    out: dict[str, list[PipelineFact]] = {}
    for doc_id, facts, _aliases in sorted(per_doc, key=lambda t: t[0]):
        out[doc_id] = [replace(f, drug=canon.get(f.drug, f.drug)) for f in facts]
    trial_names = _trial_names(out, canon)
    rows = {DrugAlias(canon[n], n, kinds[n]) for n in kinds}
    if trial_names:
        for doc_id, facts in out.items():
            out[doc_id] = _reattach_trials(facts, trial_names)
        used = {f.drug for facts in out.values() for f in facts}
        rows = {r for r in rows if r.drug not in trial_names or r.drug in used}
    for facts in out.values():
        for f in facts:
            if not any(r.drug == f.drug and r.alias == f.drug for r in rows):
                rows.add(DrugAlias(f.drug, f.drug, kinds.get(f.drug, "other")))
    return out, sorted(rows, key=lambda r: (r.drug, KIND_ORDER.get(r.alias_type, 9), r.alias))


_CODE_FORM = re.compile(r"[A-Z][A-Za-z]{0,5}[ -]?\d{2,6}(?:-\d{1,4})?[A-Z]?")


def _union_code_forms(uf: UnionFind) -> None:
    """"KROS-101", "KROS101" and "KROS 101" in different releases are one code."""
    first: dict[str, str] = {}
    for n in sorted(uf.parent):
        if _CODE_FORM.fullmatch(n):
            key = _code_key(n)
            if key in first:
                uf.union(first[key], n)
            else:
                first[key] = n


def _trial_names(out: dict[str, list[PipelineFact]], canon: dict[str, str]) -> dict[str, set[str]]:
    """Trial name -> the drugs it is a trial of, for trial names that some release took for a drug.

    "AURORA-2, the Phase 2 trial of NWX-101" in one release and "as we advance AURORA-2 toward
    topline data" in another: AURORA-2 names NWX-101's trial in both.
    """
    drugs = {f.drug for facts in out.values() for f in facts}
    trial_of: dict[str, set[str]] = {}
    for facts in out.values():
        for f in facts:
            if f.kind == "trial":
                t = canon.get(f.value, f.value)
                if t in drugs and t != f.drug:
                    trial_of.setdefault(t, set()).add(f.drug)
    return trial_of


def _reattach_trials(facts: list[PipelineFact], trial_of: dict[str, set[str]]) -> list[PipelineFact]:
    """A release's facts about a trial name go to the trial's drug when the release names that drug, else nowhere."""
    if not any(f.drug in trial_of for f in facts):
        return facts
    present = {f.drug for f in facts if f.drug not in trial_of}
    keep: list[PipelineFact] = []
    seen = {(f.drug, f.kind, f.value, f.detail) for f in facts if f.drug not in trial_of}
    for f in facts:
        if f.drug not in trial_of:
            keep.append(f)
            continue
        owners = sorted(trial_of[f.drug] & present)
        if len(owners) != 1 or f.kind in ("trial", "partner"):
            continue
        g = replace(f, drug=owners[0])
        key = (g.drug, g.kind, g.value, g.detail)
        if key in seen:
            continue  # the drug already has this fact in this release
        seen.add(key)
        keep.append(g)
    return keep
