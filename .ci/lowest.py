"""Print the lowest versions pyproject.toml declares, as pins for pip (`name==version`),
so that CI can run the suite against them once."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"

for requirement in tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]:
    bound = re.match(r"^([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*>=\s*([0-9][^,;\s]*)", requirement)
    if bound:
        print(f"{bound.group(1)}=={bound.group(3)}")
