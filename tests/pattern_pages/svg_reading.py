"""Reads a process diagram back from its SVG, as a person looking at it would: which boxes there are and
what they say, which arrows join which boxes with which words, and where everything is drawn."""

import functools
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from PIL import ImageFont

from pattern_pages.process_diagram import SVG_NS

NS = {"svg": SVG_NS}
# Without a font file to measure with: Arial's widest common glyphs are about 0.6 em, its average 0.5 em.
CHARACTER_WIDTH_EM = 0.55


@functools.cache
def arial(size, bold=False):
    """Arial, or the font metric-compatible with it that this machine draws Arial with (Liberation Sans)."""
    if shutil.which("fc-match") is None:
        return None
    name = "Arial:bold" if bold else "Arial"
    path = subprocess.run(  # noqa: S603  (a fixed command, no user input)
        ["fc-match", "-f", "%{file}", name],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,  # noqa: S607
    ).stdout.strip()
    try:
        return ImageFont.truetype(path, size)
    except OSError:
        return None


def text_width(text, size, bold=False):
    font = arial(size, bold)
    return font.getlength(text) if font is not None else len(text) * size * CHARACTER_WIDTH_EM


@dataclass
class Rect:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other, margin=0.0):
        return not (
            self.x1 - margin <= other.x0
            or other.x1 - margin <= self.x0
            or self.y1 - margin <= other.y0
            or other.y1 - margin <= self.y0
        )

    def contains(self, point, inset=0.0):
        x, y = point
        return self.x0 + inset < x < self.x1 - inset and self.y0 + inset < y < self.y1 - inset


@dataclass
class Shape:
    id: str
    kind: str  # step, decision, start, end
    key: tuple  # ("step", ref), ("decision", ref), ("end", outcome), ("start",)
    box: Rect
    text: str


@dataclass
class Arrow:
    source: str
    target: str
    label: str
    points: list
    label_boxes: list = field(default_factory=list)


@dataclass
class Picture:
    shapes: dict
    arrows: list
    labels: list  # (what, Rect) for every block of text drawn

    def edges(self):
        """``{(source key, target key, label)}``: what the arrows say."""
        return {(self.shapes[a.source].key, self.shapes[a.target].key, a.label) for a in self.arrows}


def _float(value):
    return float(value)


def text_lines(text_element):
    """``[(x, y, anchor, size, text, bold)]`` for each line (tspan) of a ``<text>``."""
    size = _float(text_element.get("font-size", "14"))
    bold = text_element.get("font-weight") == "bold"
    lines = []
    for span in text_element.findall("svg:tspan", NS):
        lines.append(
            (
                _float(span.get("x")),
                _float(span.get("y")),
                span.get("text-anchor", "start"),
                _float(span.get("font-size", size)),
                span.text or "",
                bold,
            )
        )
    return lines


def line_box(x, y, anchor, size, text, bold=False):
    width = text_width(text, int(round(size)), bold)
    left = {"middle": x - width / 2, "end": x - width}.get(anchor, x)
    return Rect(left, y - 0.8 * size, left + width, y + 0.25 * size)


def text_box(text_element):
    boxes = [line_box(*line) for line in text_lines(text_element)]
    return Rect(min(b.x0 for b in boxes), min(b.y0 for b in boxes), max(b.x1 for b in boxes), max(b.y1 for b in boxes))


def path_points(d, steps=12):
    """Points along an SVG path made of ``M x y`` and cubic ``C`` segments (what the diagram draws)."""
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
    assert d.strip().startswith("M") and set(re.findall(r"[A-Za-z]", d)) <= {"M", "C"}, d
    points = [(numbers[0], numbers[1])]
    for i in range(2, len(numbers) - 5, 6):
        p0 = points[-1] if i == 2 else (numbers[i - 2], numbers[i - 1])
        p1, p2, p3 = (numbers[i], numbers[i + 1]), (numbers[i + 2], numbers[i + 3]), (numbers[i + 4], numbers[i + 5])
        for n in range(1, steps + 1):
            t = n / steps
            a, b, c, e = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
            points.append(
                (a * p0[0] + b * p1[0] + c * p2[0] + e * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + e * p3[1])
            )
    return points


def _shape_box(group):
    rect = group.find("svg:rect", NS)
    if rect is not None:
        x, y = _float(rect.get("x")), _float(rect.get("y"))
        return Rect(x, y, x + _float(rect.get("width")), y + _float(rect.get("height")))
    points = [tuple(map(float, p.split(","))) for p in group.find("svg:polygon", NS).get("points").split()]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return Rect(min(xs), min(ys), max(xs), max(ys))


def joined(text_element, skip_first=False):
    lines = [line[4] for line in text_lines(text_element)]
    return " ".join(lines[1:] if skip_first else lines)


def read_picture(svg_text, roles_in_boxes=False):
    """Read an SVG string drawn by ``swimlane_svg``. ``roles_in_boxes``: the first line of a step is its role."""
    root = ET.fromstring(svg_text)  # noqa: S314  (our own drawing)
    shapes, labels = {}, []
    kinds = {"swimlane__step": "step", "swimlane__decision": "decision", "swimlane__start": "start"}
    kinds["swimlane__end"] = "end"
    for group in root.iter(f"{{{SVG_NS}}}g"):
        kind = kinds.get(group.get("class"))
        if kind is None:
            continue
        text_element = group.find("svg:text", NS)
        text = joined(text_element, skip_first=roles_in_boxes and kind == "step")
        key = {
            "step": ("step", group.get("data-step-ref")),
            "decision": ("decision", group.get("data-step-ref")),
            "start": ("start",),
            "end": ("end", text),
        }[kind]
        shapes[group.get("data-node")] = Shape(group.get("data-node"), kind, key, _shape_box(group), text)
        labels.append((f"{kind} {text!r}", text_box(text_element)))
    arrows = []
    for group in root.iter(f"{{{SVG_NS}}}g"):
        if group.get("class") != "swimlane__flow":
            continue
        label_element = group.find("svg:text", NS)
        arrow = Arrow(
            source=group.get("data-source"),
            target=group.get("data-target"),
            label=joined(label_element) if label_element is not None else "",
            points=path_points(group.find("svg:path", NS).get("d")),
        )
        if label_element is not None:
            labels.append((f"answer {arrow.label!r}", text_box(label_element)))
        arrows.append(arrow)
    for text_element in root.iter(f"{{{SVG_NS}}}text"):
        if text_element.get("class") == "swimlane__lane-name":
            labels.append((f"lane {joined(text_element)!r}", text_box(text_element)))
    return Picture(shapes=shapes, arrows=arrows, labels=labels)
