"""The analysis slide deck (``analysis-slides.pptx``).

- `deck`: which slides, from what data (`DeckData`, `build_deck`);
- `layout`: page geometry, colours, font, Thai text metrics, paging and clipping;
- `writer`: shapes (bands, text boxes, tables, chart frames) as PresentationML;
- `package`: the .pptx package (python-pptx skeleton, parts, relationships, the zip).
"""

from __future__ import annotations

from . import deck
from .deck import *  # noqa: F403 - the public face is deck.__all__

__all__ = [*deck.__all__]
