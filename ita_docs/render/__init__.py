"""Stage: rendering Word documents from templates.

- `docx`: `render_template` (docxtpl, through the bounded sandbox of `ita_docs.context`) and
  `inline_image`; the sandbox names are re-exported for template code;
- `compiled`: the fast path (templates compiled and their unchanging parts fixed once, byte
  for byte docxtpl + the Thai fixer), cached (`store`: on disk); `fast_render`: a compiled
  template and one render of it; `docxtpl_post`: docxtpl's post-processing; `package`: the light
  python-docx package for charts and images; `zip_members`: the zip writer;
- `charts` (native bar charts, kept on disk once made; their look in `chart_style`, their XML
  built once per shape in `chart_cache`, their names and number format in `chart_format`) and
  `chart_embed` (charts in a .docx);
- `store`: the user's cache folder, one validated format for every kind (compiled templates,
  word breaks, charts, slide templates); `words`: Thai word breaks kept there between processes;
- `ooxml/`: all raw WordprocessingML (the Thai fixer and auditor).
"""

from __future__ import annotations

from . import docx
from .docx import *  # noqa: F403 - the public face is docx.__all__

__all__ = [*docx.__all__]
