"""Debate analysis: formal acceptability (Dung semantics), gradual strength (DF-QuAD) and a
debate report per actor. `analyze_map` is the entry point; see docs/analysis.md.

Modules: framework (map -> framework), grounded (linear), dung and preferred (clingo),
acceptance (extensions, acceptance, status), gradual (DF-QuAD), analysis (`analyze_map`),
debate (per-actor report), iccma (i23 / apx interchange).
"""

from .analysis import Analysis, AnalysisTimeout, analyze_map
from .framework import SEMANTICS, Framework, MapFramework, translate

__all__ = ["SEMANTICS", "Analysis", "AnalysisTimeout", "Framework", "MapFramework",
           "analyze_map", "translate"]
