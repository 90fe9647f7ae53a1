"""Argumentation schemes and their critical questions: the catalogue (`catalogue`), where a
map uses them and how it answers their questions (`uses`), what `check` says about them
(`check`), and how analysis reads open questions (`translate`). docs/format.md describes the
notation, docs/analysis.md the translation."""
