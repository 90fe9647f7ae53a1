"""The status overlay's palette under simulated colour-vision deficiencies and in greyscale.

Simulation: the matrices of Machado, Oliveira and Fernandes (2009, severity 1.0) for protanopia,
deuteranopia and tritanopia, applied in linear sRGB; greyscale is the Rec. 709 luminance.
Distance: CIE76 ΔE in CIELAB (D65). A ΔE of about 10 is clearly visible side by side.
"""

from __future__ import annotations

import itertools

import pytest

from argmap.render.overlay import BADGE_FRAME as FRAME
from argmap.render.overlay import STATUS_STYLE
from argmap.render.style import EDGE_STYLES
from argmap.sides import SIDE_COLORS

MACHADO = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def linear(color: str) -> tuple[float, ...]:
    channels = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)


def simulate(rgb: tuple[float, ...], vision: str) -> tuple[float, ...]:
    if vision == "normal":
        return rgb
    if vision == "greyscale":
        y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
        return (y, y, y)
    return tuple(min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in MACHADO[vision])


def lab(rgb: tuple[float, ...]) -> tuple[float, float, float]:
    r, g, b = rgb
    xyz = (0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           0.0193 * r + 0.1192 * g + 0.9505 * b)
    f = [t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
         for t in (xyz[0] / 0.95047, xyz[1], xyz[2] / 1.08883)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def delta_e(a: str, b: str, vision: str) -> float:
    return sum((x - y) ** 2 for x, y in zip(lab(simulate(linear(a), vision)), lab(simulate(linear(b), vision)))) ** 0.5


VISIONS = ["normal", "protanopia", "deuteranopia", "tritanopia", "greyscale"]
STATUS_FILLS = [style[0] for style in STATUS_STYLE.values()]
#: colours that already mean something: the relations' and the sides' strong tones (the pale
#: fills are the backgrounds a badge sits on: see the frame test)
MEANINGFUL = sorted({s["color"] for s in EDGE_STYLES.values()} | {tone for _, tone in SIDE_COLORS})


def test_the_simulation_itself_confuses_red_and_green_for_a_deuteranope() -> None:
    # a check of the check: a red and a green of equal lightness become close, grey stays grey
    assert delta_e("#c62828", "#2e7d32", "normal") > 50
    assert delta_e("#d03030", "#7a7a00", "deuteranopia") < delta_e("#d03030", "#7a7a00", "normal") / 2
    assert delta_e("#777777", "#777777", "protanopia") == 0


@pytest.mark.parametrize("vision", VISIONS)
def test_statuses_stay_apart(vision: str) -> None:
    for a, b in itertools.combinations(STATUS_FILLS, 2):
        assert delta_e(a, b, vision) >= 20, (a, b, vision)


@pytest.mark.parametrize("vision", VISIONS)
def test_no_status_reuses_a_colour_that_means_something_else(vision: str) -> None:
    for status, other in itertools.product(STATUS_FILLS, MEANINGFUL):
        assert delta_e(status, other, vision) >= 10, (status, other, vision)


@pytest.mark.parametrize("vision", VISIONS)
def test_every_badge_reads_on_every_node(vision: str) -> None:
    for fill, ink, _, _ in STATUS_STYLE.values():
        assert delta_e(fill, ink, vision) >= 50, (fill, ink, vision)  # the word on its badge
    for side_fill in [fill for fill, _ in SIDE_COLORS] + ["#ffffff"]:
        assert delta_e(FRAME, side_fill, vision) >= 50, (side_fill, vision)  # the badge on the node


def test_each_status_has_its_own_word_and_border_style() -> None:
    words = [style[2] for style in STATUS_STYLE.values()]
    borders = [style[3] for style in STATUS_STYLE.values()]
    assert len(set(words)) == len(set(borders)) == len(STATUS_STYLE) == 3
