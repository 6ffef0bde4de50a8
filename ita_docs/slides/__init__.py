"""The analysis slide deck (``analysis-slides.pptx``).

- `deck`: which slides, from what data (`DeckData`, `build_deck`);
- `layout`: page geometry, colours, font, Thai text metrics, paging and clipping;
- `writer`: shapes (bands, text boxes, tables, chart frames) as PresentationML;
- `package`: the .pptx package (python-pptx skeleton, parts, relationships, the zip).
"""
from __future__ import annotations

from .deck import (
    BODY_H,
    BODY_W,
    FONT,
    GREY,
    LIGHT,
    MARGIN,
    NAVY,
    PAD_X,
    PAD_Y,
    RED,
    TOP,
    WHITE,
    DeckData,
    H,
    W,
    build_deck,
)

__all__ = [
    "BODY_H",
    "BODY_W",
    "FONT",
    "GREY",
    "LIGHT",
    "MARGIN",
    "NAVY",
    "PAD_X",
    "PAD_Y",
    "RED",
    "TOP",
    "WHITE",
    "DeckData",
    "H",
    "W",
    "build_deck",
]
