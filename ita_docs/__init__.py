"""ita-docs: Thai ITA paperwork rendered from one set of YAML content.

The pipeline is pure and in three steps (see `ita_docs.build`): load and
validate content (`ita_docs.load.loader`), render every document in memory
(`ita_docs.render.docx`, with Thai-correct OOXML fixed up by `ita_docs.render.ooxml`),
then write them all atomically.
"""

__version__ = "0.1.0"
