"""The commands of ``ita-docs`` beyond ``check`` and ``build``, in groups that `ita_docs.cli` registers.

Modules: `options` (the arguments and options several commands share), `documents` (``pdf``,
``watch``, ``memo``), `content_sets` (``new``, ``next-year``, ``schema``), `serving` (``serve``),
`templates` (``templates export|repair``, the template lint of ``check``), `scores`
(``scores template|import``). As in `ita_docs.cli`, modules are imported inside the commands.
"""
