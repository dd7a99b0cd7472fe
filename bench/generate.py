"""Generates a large, realistic careerdesk journal as an interchange file.

    python bench/generate.py -o big.json [--scale 1.0] [--seed 7]

Scale 1.0 is the journal of twenty years that careerdesk must stay fast on: about
100,000 records (20,000 journal entries, 30,000 achievements, 40,000 interactions,
2,000 people and the rest). The same seed and scale give the same file.
"""

from __future__ import annotations

import argparse
import json
import random
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

COUNTS = {
    "journal": 20_000, "achievements": 30_000, "interactions": 40_000, "people": 2_000,
    "experiences": 600, "skills": 150, "targets": 30, "openings": 400, "cycle_events": 80,
    "plans": 60, "compensation": 40,
}
VERBS = ["Shipped", "Automated", "Cut", "Led", "Rebuilt", "Migrated", "Launched", "Negotiated",
         "Mentored", "Documented", "Redesigned", "Streamlined", "Scaled", "Rescued", "Piloted"]
THINGS = ["billing pipeline", "onboarding guide", "forecast model", "month-end close",
          "customer dashboard", "pricing review", "vendor contract", "hiring loop",
          "incident process", "data warehouse", "sales playbook", "support backlog",
          "quarterly report", "training program", "release train", "budget pack"]
WORDS = ("team project customer metric review budget quarter plan launch growth cost risk "
         "process report analysis feedback meeting stakeholder roadmap hiring support sales "
         "quality delivery forecast pipeline contract migration dashboard onboarding").split()
RARE = ["zephyrine", "quokkaflux", "marzipanic"]
MIN_SCALE = 0.02
"""Below it some kinds would hold fewer records than the others pick from them."""
DEPARTMENTS = ["Finance", "Operations", "Product", "Engineering", "Sales", "Marketing", "HR",
               "Legal", "Support", "Data Science"]
ROLES = ["manager", "skip_level", "hr", "decision_maker", "mentor", "sponsor", "peer",
         "hiring_manager", "executive", "other"]
STANCES = ["champion", "supporter", "neutral", "skeptic", "blocker", "unknown"]
FIRST = ["Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kai",
         "Lena", "Marek", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomás", "Uma"]
LAST = ["Ahmed", "Brown", "Costa", "Dubois", "Evans", "Fischer", "García", "Hughes", "Ito",
        "Jensen", "Kowalski", "Lee", "Müller", "Nakamura", "Okafor", "Park", "Rossi", "Singh"]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _day(rng: random.Random, start: date, span_days: int) -> str:
    return (start + timedelta(days=rng.randrange(span_days))).isoformat()


def generate(scale: float, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    ns = uuid.UUID(int=seed)
    counts = {k: max(1, int(v * scale)) for k, v in COUNTS.items()}
    start, span = date(2007, 1, 1), 20 * 365

    def uid(kind: str, i: int) -> str:
        return str(uuid.uuid5(ns, f"{kind}-{i}"))

    skills = [{"name": f"{rng.choice(WORDS).title()} {rng.choice(THINGS).split()[0]} {i}",
               "category": rng.choice(["Analytics", "Leadership", "Domain", "Communication"]),
               "level": rng.randint(1, 5)} for i in range(counts["skills"])]
    names = [s["name"] for s in skills]
    people = [{"uid": uid("person", i),
               "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
               "title": rng.choice(["Director", "Manager", "Analyst", "Engineer", "VP"]),
               "department": rng.choice(DEPARTMENTS),
               "roles": rng.sample(ROLES, rng.randint(1, 2)),
               "influence": rng.randint(1, 5), "stance": rng.choice(STANCES),
               "relationship": rng.randint(1, 5), "cadence_days": rng.choice([14, 30, 60, 90]),
               "notes": _sentence(rng, 12), "tags": []}
              for i in range(counts["people"])]
    experiences = []
    for i in range(counts["experiences"]):
        begin = date.fromisoformat(_day(rng, start, span))
        end = begin + timedelta(days=rng.randint(30, 365))
        experiences.append({
            "uid": uid("experience", i), "kind": rng.choice(["rotation", "training", "mentoring",
                                                             "stretch_assignment", "other"]),
            "title": f"{rng.choice(THINGS).title()} {rng.choice(['rotation', 'project'])}",
            "department": rng.choice(DEPARTMENTS), "start": begin.isoformat(),
            "end": end.isoformat() if rng.random() > 0.05 else None,
            "sponsor": rng.choice(people)["uid"], "skills": rng.sample(names, 2),
            "outcome": _sentence(rng, 10), "reflection": _sentence(rng, 20), "tags": []})
    achievements = []
    for i in range(counts["achievements"]):
        kind = rng.choice(["quantified", "quantified", "story", "invisible"])
        baseline = rng.randint(10, 100)
        story = _sentence(rng, 40) + (f" {RARE[0]}" if i % 5000 == 0 else "")
        achievements.append({
            "uid": uid("achievement", i), "date": _day(rng, start, span),
            "title": f"{rng.choice(VERBS)} the {rng.choice(THINGS)}", "story": story,
            "kind": kind, "scope": rng.choice(["team", "department", "company", "external"]),
            "metrics": [{"name": rng.choice(["Cycle time", "Revenue", "Satisfaction", "Cost"]),
                         "unit": rng.choice(["%", "days", "USD", "hours"]), "baseline": baseline,
                         "result": baseline + rng.randint(-20, 40),
                         "higher_is_better": rng.random() > 0.3}] if kind == "quantified" else [],
            "skills": rng.sample(names, rng.randint(0, 3)),
            "people": [p["uid"] for p in rng.sample(people, rng.randint(0, 3))],
            "experience": rng.choice(experiences)["uid"] if rng.random() < 0.1 else None,
            "highlight": rng.random() < 0.05, "tags": rng.sample(WORDS, rng.randint(0, 2))})
    interactions = []
    for i in range(counts["interactions"]):
        has_follow_up = rng.random() < 0.2
        day = _day(rng, start, span)
        interactions.append({
            "uid": uid("interaction", i), "date": day,
            "people": [p["uid"] for p in rng.sample(people, rng.randint(1, 2))],
            "kind": rng.choice(["one_on_one", "meeting", "coffee", "email", "chat", "review"]),
            "summary": _sentence(rng, 25),
            "follow_up": (date.fromisoformat(day) + timedelta(days=14)).isoformat()
            if has_follow_up else None,
            "follow_up_action": _sentence(rng, 6) if has_follow_up else None,
            "done": rng.random() < 0.8})
    journal = [{"uid": uid("journal", i), "date": _day(rng, start, span),
                "title": _sentence(rng, 5)[:-1] if rng.random() < 0.7 else None,
                "body": "\n\n".join(_sentence(rng, 30) for _ in range(3))
                + (f" {RARE[1]}" if i % 4000 == 0 else ""),
                "tags": rng.sample(WORDS, rng.randint(0, 3))}
               for i in range(counts["journal"])]
    targets = [{"uid": uid("target", i), "title": f"Lead {rng.choice(THINGS).title()}",
                "department": rng.choice(DEPARTMENTS), "level": f"L{rng.randint(4, 8)}",
                "path": rng.choice(["promotion", "lateral"]),
                "required_skills": [{"name": n, "level": rng.randint(2, 5)}
                                    for n in rng.sample(names, min(4, len(names)))],
                "status": rng.choice(["exploring", "preparing", "pursuing", "achieved"])}
               for i in range(counts["targets"])]
    openings = []
    for i in range(counts["openings"]):
        posted = date.fromisoformat(_day(rng, start, span))
        openings.append({
            "uid": uid("opening", i), "title": f"{rng.choice(THINGS).title()} lead",
            "department": rng.choice(DEPARTMENTS), "posted": posted.isoformat(),
            "closes": (posted + timedelta(days=rng.randint(14, 60))).isoformat(),
            "hiring_manager": rng.choice(people)["uid"], "target": rng.choice(targets)["uid"],
            "status": rng.choice(["watching", "networking", "applied", "closed"]),
            "availability": rng.choice(["unknown", "suspected_promised", "confirmed_open"])})
    cycle_events = [{"uid": uid("cycle", i),
                     "kind": rng.choice(["performance_review", "budget_planning",
                                         "compensation_review", "promotion_committee",
                                         "milestone"]),
                     "name": f"Cycle event {i}", "date": _day(rng, start, span + 365),
                     "duration_days": rng.randint(0, 5),
                     "recurrence": rng.choice(["none", "annual", "semiannual"])}
                    for i in range(counts["cycle_events"])]
    plans = [{"uid": uid("plan", i), "title": f"Negotiation {i}",
              "strategy": rng.choice(["promotion", "mobility"]),
              "target": rng.choice(targets)["uid"], "meeting_date": _day(rng, start, span),
              "participants": [p["uid"] for p in rng.sample(people, 3)],
              "current": {"title": "Analyst", "level": "L4", "base": 90000, "currency": "USD"},
              "ask": {"title": "Lead", "level": "L5", "base": 110000, "currency": "USD"},
              "benchmarks": [{"source": "Internal band", "low": 95000, "mid": 110000,
                              "high": 125000, "currency": "USD"}],
              "evidence": [a["uid"] for a in rng.sample(achievements, 5)],
              "talking_points": [_sentence(rng, 10) for _ in range(3)],
              "objections": [{"objection": _sentence(rng, 8), "response": _sentence(rng, 12)}],
              "fallbacks": ["A dated commitment"], "walk_away": _sentence(rng, 8),
              "status": rng.choice(["draft", "ready", "held", "won"])}
             for i in range(counts["plans"])]
    compensation = [{"uid": uid("comp", i),
                     "date": (start + timedelta(days=i * span // counts["compensation"])).isoformat(),
                     "title": "Analyst", "level": f"L{3 + i // 10}", "base": 60000 + i * 2000,
                     "bonus": 5000, "equity": 0, "currency": "USD"}
                    for i in range(counts["compensation"])]
    return {"format": "careerdesk", "version": 1, "exported_at": "2026-11-22T10:00:00Z",
            "profile": {"name": "Benchmark User", "employer": "Big Corp", "currency": "USD"},
            "journal": journal, "achievements": achievements, "experiences": experiences,
            "people": people, "interactions": interactions, "skills": skills,
            "targets": targets, "openings": openings, "cycle_events": cycle_events,
            "plans": plans, "compensation": compensation}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.scale < MIN_SCALE:
        parser.error(f"--scale must be at least {MIN_SCALE}")
    data = generate(args.scale, args.seed)
    args.output.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    total = sum(len(v) for v in data.values() if isinstance(v, list))
    print(f"{args.output}: {total} records")


if __name__ == "__main__":
    main()
