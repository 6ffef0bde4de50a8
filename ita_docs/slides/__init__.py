"""The analysis slide deck (``analysis-slides.pptx``).

- `deck`: which slides, from what data (`DeckData`, `build_deck`);
- `layout`: page geometry, colours, font, Thai text metrics, paging and clipping;
- `drawing`: DrawingML text and tables written as XML text (no python-pptx);
- `fast`: the deck written as text, byte for byte python-pptx's, into a template's `skeleton`
  (cut once per template, kept on disk);
- `writer`: the same shapes drawn through python-pptx (the reference);
- `package`: the .pptx template (read once, kept on disk) and package (skeleton, parts, the zip).
"""

from __future__ import annotations

from . import deck
from .deck import *  # noqa: F403 - the public face is deck.__all__

__all__ = [*deck.__all__]
