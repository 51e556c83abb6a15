"""The site engine the plugin runs under: MkDocs, or ProperDocs, its maintained 1.x fork.

Both have the same plugin API under different package names. The adapter (`plugin.py`,
`config.py`) takes the engine's classes from here and from nowhere else, so the press room
imports under either, with only one of them installed.

Which one: the engine that is running, else MkDocs where it is installed, else ProperDocs.
ProperDocs' command line makes every `mkdocs.*` import resolve to its own modules (so that
plugins and themes written for MkDocs, Material among them, run unchanged); importing
`mkdocs` first therefore gets ProperDocs' classes whenever ProperDocs runs the build, even
where the `mkdocs` package is installed too, and MkDocs' classes under MkDocs. Outside a
build (tests, tools), an installed MkDocs wins, as it did before ProperDocs was supported.
"""

from __future__ import annotations

try:
    import mkdocs as _engine
    from mkdocs.config import base as config_base
    from mkdocs.config import config_options
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import PluginError
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.plugins import BasePlugin, get_plugin_logger
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import get_toc
    from mkdocs.utils.meta import get_data as frontmatter_of
except ModuleNotFoundError as missing:
    if missing.name != "mkdocs":  # MkDocs is there but broken: say so, do not hide it
        raise
    import properdocs as _engine
    from properdocs.config import base as config_base
    from properdocs.config import config_options
    from properdocs.config.defaults import ProperDocsConfig as MkDocsConfig
    from properdocs.exceptions import PluginError
    from properdocs.livereload import LiveReloadServer
    from properdocs.plugins import BasePlugin, get_plugin_logger
    from properdocs.structure.files import File, Files
    from properdocs.structure.nav import Navigation
    from properdocs.structure.pages import Page
    from properdocs.structure.toc import get_toc
    from properdocs.utils.meta import get_data as frontmatter_of

# "mkdocs" or "properdocs": the package whose classes these are (under ProperDocs' command
# line the module imported as `mkdocs` is ProperDocs' own, and carries its real name).
NAME: str = _engine.__name__

__all__ = [
    "NAME",
    "BasePlugin",
    "File",
    "Files",
    "LiveReloadServer",
    "MkDocsConfig",
    "Navigation",
    "Page",
    "PluginError",
    "config_base",
    "config_options",
    "frontmatter_of",
    "get_plugin_logger",
    "get_toc",
]
