"""Builds jobsieve's egg and wheel; everything but one step is declared in pyproject.toml.

scrapyd-deploy builds the egg it uploads with `python setup.py bdist_egg`, and writes a setup.py of
its own into the checkout when there is none: this one is committed so deploying leaves the
checkout clean. The step pyproject.toml cannot declare: sources.toml, which people edit at the top
of the checkout, is copied into the built scrapers package, so a project deployed to Scrapyd
crawls the boards it was deployed with (scrapers/sources.py reads it there; the name is
scrapers.paths.SOURCES_FILE, not imported here as a build need not import the project).
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SOURCES_FILE = "sources.toml"


class BuildPyWithSources(build_py):
    def run(self) -> None:
        super().run()
        if not self.editable_mode:  # an editable install reads the checkout's own file
            self.copy_file(SOURCES_FILE, str(Path(self.build_lib, "scrapers", SOURCES_FILE)))


setup(cmdclass={"build_py": BuildPyWithSources})
