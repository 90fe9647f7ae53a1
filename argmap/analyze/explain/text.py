"""Explanations (the JSON of `explainer.py`) as text for people: a one-line summary (what the
browser and the language server show) and the whole tree."""

from __future__ import annotations

from typing import Any, Callable

from ...language.report import plural

Data = dict[str, Any]
#: an argument's name -> its words (`MapExplainer.words`)
Words = Callable[[str], str]
_LABEL = {"in": "in", "out": "out", "undec": "undecided"}
#: what a premise argument `not p` says about p: `not p` in means p is out, and so on
_PREMISE = {"in": "out", "out": "in", "undec": "undec"}
_SHOWN = 3  # attackers named in a summary before "and N more"


def _plain(name: str) -> str:
    return name


def cycle_words(cycle: list[Data]) -> str:
    """An attack cycle (each member attacks the one before it; the first attacks the last)."""
    words = [c["words"] for c in cycle]
    if len(words) == 1:
        return f"{words[0]} attacks itself"
    if len(words) == 2:
        return f"{words[0]} and {words[1]} attack each other"
    forward = [words[0], *reversed(words[1:])]
    return f"{forward[0]} attacks " + ", which attacks ".join(forward[1:]) + f", which attacks {words[0]}"


def _premise_status(step: Data) -> str:
    return _PREMISE[step["status"]]


def step_line(step: Data) -> str:
    """One step as a sentence: what it is, its label, and why."""
    reason, children = step["reason"], step["children"]
    if step["kind"] == "premise" and children:  # say it of the premise itself
        premise = children[0]
        line = "its premise " + step_line(premise)
        return line + (" — so the inference fails" if step["status"] == "in" else "")
    if step["kind"] == "premise":  # repeated or cut off: its premise is not below it
        return (f"its premise {step['premise']['words']} is "
                f"{_LABEL[_premise_status(step)]}{' (as shown above)' if reason == 'repeated' else ' …'}")
    head = f"{step['words']} is {_LABEL[step['status']]}"
    if reason == "unattacked":
        why = "it is assumed" if step["kind"] == "assumption" else "nothing attacks it"
    elif reason == "defended":
        why = "every attacker is out" if len(children) != 1 else "its one attacker is out"
    elif reason == "attacked" and children and children[0]["kind"] == "premise":
        why = f"its premise {children[0]['premise']['words']} is out, so it fails"
    elif reason == "attacked":
        why = f"attacked by {children[0]['words']}, which is in" if children else "attacked by an argument that is in"
    elif reason == "undecided" and children and children[0]["kind"] == "premise":
        why = f"its premise {children[0]['premise']['words']} is undecided"
    elif reason == "undecided":
        why = (f"attacked by {children[0]['words']}, which is undecided, and by nothing that is in"
               if children else "attacked by an undecided argument and by nothing that is in")
    else:  # repeated
        return f"{head} (as shown above)"
    return f"{head}: {why}" + (" …" if step.get("truncated") else "")


def tree_lines(root: Data, indent: str = "") -> list[str]:
    """Every step of a tree, one per line, indented by depth (premise steps fold into the
    premise they stand for)."""
    lines: list[str] = []
    stack = [(root, 0)]
    while stack:
        step, depth = stack.pop()
        lines.append(indent + "  " * depth + step_line(step))
        children = step["children"]
        if step["kind"] == "premise" and children:
            children = children[0]["children"]  # the premise's own line was printed
        for child in reversed(children):
            stack.append((child, depth + 1))
    return lines


def grounded_summary(grounded: Data) -> str:
    """The grounded explanation in one line: `in: …`, `out: …`, `undecided: …`."""
    root, cycle = grounded["tree"], grounded["cycle"]
    children = root["children"]
    reason = root["reason"]
    if reason == "unattacked":
        return "in: it is assumed" if root["kind"] == "assumption" else "in: nothing attacks it"
    if reason == "defended":
        parts = []
        for child in children[:_SHOWN]:
            if child["kind"] == "premise":
                parts.append(f"its premise {child['premise']['words']} is in")
            elif child["children"]:
                parts.append(f"{child['words']} by {child['children'][0]['words']}")
            else:
                parts.append(f"{child['words']} is out")
        more = f"; and {len(children) - _SHOWN} more" if len(children) > _SHOWN else ""
        return "in: every attacker is defeated — " + "; ".join(parts) + more
    if reason == "attacked":
        child = children[0] if children else None
        if child is not None and child["kind"] == "premise":
            return f"out: its premise {child['premise']['words']} is out, so the inference fails"
        return f"out: attacked by {child['words'] if child else 'an argument'}, which is in"
    if reason == "undecided":
        loop = cycle_words(cycle) if cycle else "an attack cycle"
        if any(c["argument"] == root["argument"] for c in cycle):
            return f"undecided: {loop}, and nothing that is in attacks it"
        child = children[0] if children else None
        if child is not None and child["kind"] == "premise":
            return f"undecided: its premise {child['premise']['words']} is undecided ({loop})"
        return (f"undecided: attacked by {child['words'] if child else 'an argument'}, which is "
                f"undecided ({loop}), and by nothing that is in")
    return _LABEL.get(root["status"], root["status"])


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _is_premise(name: str) -> bool:
    """A premise argument `not p` (no node id starts so: they are `[T]`, `<T>`, `_N`)."""
    return name.startswith("not ")


def _is_auxiliary(name: str) -> bool:
    """An argument that is no node: an inference, a premise or an assumption."""
    return name[:1] not in ("[", "<", "_")


def _set_words(names: list[str], words: Words) -> str:
    return "{" + ", ".join(words(n) for n in names) + "}"


def credulous_summary(part: Data, words: Words) -> str:
    if not part["decided"] and part["accepted"] is None:
        return "credulous acceptance not decided in time"
    if part["accepted"]:
        return f"credulously accepted: the admissible set {_set_words(part['witness'], words)} holds it"
    why = part["why_not"]
    if why == "self-attack":
        return "not credulously accepted: it attacks itself, so no conflict-free set holds it"
    if why == "attacked-by-grounded":
        return ("not credulously accepted: the grounded extension attacks it, and no "
                "admissible set holds what the grounded extension attacks")
    return "not credulously accepted: no admissible set holds it"


def sceptical_summary(part: Data, words: Words) -> str:
    if part["accepted"] is None:
        return "sceptical acceptance not decided in time"
    if part["accepted"]:
        if "grounded" in part:
            return "sceptically accepted: it is in the grounded extension, which every preferred extension holds"
        return "sceptically accepted: every preferred extension holds it"
    if part["counterexample"] is None:
        return "not sceptically accepted (no preferred extension without it was shown in time)"
    premises = [words(n[len("not "):]) for n in part["attacks_it"] if _is_premise(n)]
    others = [words(n) for n in part["attacks_it"] if not _is_premise(n)]
    if others:
        return ("not sceptically accepted: a preferred extension without it attacks it through "
                + ", ".join(others))
    if premises:
        return ("not sceptically accepted: in a preferred extension without it, its premise "
                f"{' and '.join(premises)} {'is' if len(premises) == 1 else 'are'} out")
    return "not sceptically accepted: a preferred extension neither holds nor attacks it"


def strength_summary(part: Data) -> str:
    supports = [c for c in part["contributions"] if c["kind"] == "support"]
    attacks = [c for c in part["contributions"] if c["kind"] == "attack"]
    if part["fixed"] is not None:
        return f"strength {part['strength']:.3f}: fixed by an assumption"
    up = sum(c["effect"] for c in supports)
    down = sum(c["effect"] for c in attacks)
    return (f"strength {part['strength']:.3f}: base score {part['base']:.3f}, "
            f"{up:+.3f} from {plural(len(supports), 'support')}, "
            f"{down:+.3f} from {plural(len(attacks), 'attack')}")


def summary(data: Data, words: Words | None = None) -> str:
    """The explanation in one line (`words`: argument name -> words, for sets)."""
    words = words or _plain
    if data["semantics"] == "grounded":
        return grounded_summary(data["grounded"])
    if data["semantics"] == "preferred":
        status = _LABEL.get(data["status"], "not decided in time") if data["status"] else "not decided in time"
        return (f"{status}: {credulous_summary(data['credulous'], words)}; "
                f"{sceptical_summary(data['sceptical'], words)}")
    return strength_summary(data["strength"])


def render(data: Data, words: Words | None = None) -> str:
    """The whole explanation as text, ending in a newline."""
    words = words or _plain
    name = data["words"]
    semantics = data["semantics"]
    lines: list[str] = []
    if semantics == "grounded":
        grounded = data["grounded"]
        lines.append(f"Why {name} is {_LABEL[data['status']]} under grounded semantics:")
        lines += tree_lines(grounded["tree"], "  ")
        if grounded["cycle"]:
            which = "either" if len(grounded["cycle"]) == 2 else "any of them"
            if len(grounded["cycle"]) == 1:
                which = "it"
            lines.append(f"  The chain ends on an attack cycle: {cycle_words(grounded['cycle'])}, and "
                         f"nothing that is in attacks {which}, so grounded semantics leaves "
                         f"{'it' if which == 'it' else 'them'} undecided.")
    elif semantics == "preferred":
        status = _LABEL.get(data["status"] or "", "not decided in time")
        lines.append(f"{name} under preferred semantics: {status} (its sceptical status)")
        lines += _credulous_lines(data["credulous"], words)
        lines += _sceptical_lines(data["sceptical"], words)
    else:
        lines += _strength_lines(name, data["strength"])
    return "\n".join(lines) + "\n"


def _credulous_lines(part: Data, words: Words) -> list[str]:
    lines = ["", _capital(credulous_summary(part, words))]
    if part["witness"] is not None:
        least = "a set of least size" if part["least"] else "time ran out before it was shown to be least"
        lines.append(f"  ({least}; it is conflict-free and answers every attack on its members)")
        for d in part["defence"]:
            if _is_premise(d["attacker"]):
                lines.append(f"  {words(d['member'])} needs its premise {words(d['answered_by'])}, "
                             "which the set holds")
                continue
            lines.append(f"  {words(d['attacker'])} attacks {words(d['member'])}; "
                         f"{words(d['answered_by'])} attacks it back")
    if "grounded" in part:
        lines += tree_lines(part["grounded"]["tree"], "  ")
    for entry in part.get("attackers", []):
        attacker = words(entry["attacker"])
        answers = entry["answers"]
        if not answers:
            lines.append(f"  {attacker} attacks it, and nothing attacks {attacker}")
            continue
        said = []
        for answer in answers:
            note = (" (in conflict with it)" if answer["conflict"] else
                    " (out under grounded semantics)" if answer["grounded"] == "out" else "")
            said.append(words(answer["argument"]) + note)
        lines.append(f"  {attacker} attacks it; only {', '.join(said)} could answer it, "
                     "and no admissible set holds it with an answer to every attack")
    return lines


def _sceptical_lines(part: Data, words: Words) -> list[str]:
    lines = ["", _capital(sceptical_summary(part, words))]
    if part["counterexample"] is not None:
        beyond = [n for n in part.get("beyond_grounded", []) if not _is_auxiliary(n)]
        shown = ", ".join(words(n) for n in beyond) or "no other node"
        lines.append(f"  that extension holds the grounded extension and {shown}")
    elif part["accepted"] and "grounded" not in part:
        lines.append(f"  (the solver met {plural(part['met'], 'preferred extension')} on the way, "
                     "each holding it, and found no complete extension without it outside them)")
    if "grounded" in part:
        lines += tree_lines(part["grounded"]["tree"], "  ")
    return lines


def _strength_lines(name: str, part: Data) -> list[str]:
    lines = [f"{name}: DF-QuAD strength {part['strength']:.3f}"]
    if part["fixed"] is not None:
        lines.append(f"  fixed at {part['fixed']:g} by an assumption (status: accepted / rejected)")
        return lines
    lines.append(f"  base score {part['base']:.3f}; attack Σ = {part['attack']:.3f}, "
                 f"support Σ = {part['support']:.3f}")
    for c in part["contributions"]:
        verb = "supports" if c["kind"] == "support" else "attacks"
        # a reconstruction's inference has no relation of its own: its name says where it is
        via = f" (relation {', '.join(c['relations'])}" if c["relations"] else f" (inference {c['inference']}"
        if c["inference"]:
            via += f"; its inference is worth {c['inference_strength']:.3f}"
        elif c["weight"] != 1.0:
            via += f"; weight {c['weight']:g}"
        via += ")"
        lines.append(f"  {c['effect']:+.3f}  {c['words']} {verb} it{via}: value {c['value']:.3f}, "
                     f"share {c['share']:.3f} of the {c['kind']}")
    lines.append(f"  = {part['recombined']:.3f}" + ("" if part["converged"] else
                                                   " (on a cycle that did not settle)"))
    return lines
