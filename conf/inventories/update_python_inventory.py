"""Regenerate ``python3.inv``, the Python documentation inventory intersphinx reads.

The site links its ``{py:func}`asyncio.gather``` style references to https://docs.python.org/3/
through this file, so builds never touch the network. Run::

    python conf/inventories/update_python_inventory.py            # download, else build offline
    python conf/inventories/update_python_inventory.py --offline  # always build offline

Online, it downloads https://docs.python.org/3/objects.inv as is. Offline, it starts from the
Python 3.11 inventory of Debian's ``python3.11-doc`` package (``apt-get install python3.11-doc``)
and applies the two reviewable lists beside this script: ``python3-additions.txt`` (asyncio and
contextvars objects documented after 3.11) and ``python3-removals.txt`` (objects the current docs
no longer have). After a download it reports the list entries that the real inventory contradicts,
so the lists can be brought up to date.

The result is checked by reading it back with Sphinx's own inventory reader. Sphinx has no writer
usable outside a build, so the few lines writing the (documented, zlib-compressed) format are here.
"""

from __future__ import annotations

import argparse
import io
import posixpath
import re
import sys
import urllib.request
import zlib
from pathlib import Path

from sphinx.util.inventory import InventoryFile

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "python3.inv"
ADDITIONS = HERE / "python3-additions.txt"
REMOVALS = HERE / "python3-removals.txt"
URL = "https://docs.python.org/3/objects.inv"
DEBIAN_INVENTORY = Path("/usr/share/doc/python3.11/html/objects.inv")
# The offline build targets the same pages as the download: https://docs.python.org/3/.
OFFLINE_VERSION = "3"
DOWNLOAD_TIMEOUT = 30.0  # seconds

HEADER = "# Sphinx inventory version 2\n"
COMPRESSED_NOTE = "# The remainder of this file is compressed using zlib.\n"
# One inventory entry: name, domain:role, priority, uri, display name (Sphinx's own pattern).
ENTRY = re.compile(r"(.+?)\s+(\S+)\s+(-?\d+)\s+?(\S*)\s+(.*)")

Key = tuple[str, str]  # (name, domain:role)


def entry_key(line: str) -> Key:
    match = ENTRY.fullmatch(line)
    if match is None or ":" not in match[2]:
        raise ValueError(f"not an inventory entry: {line!r}")
    return match[1], match[2]


def data_lines(path: Path) -> list[str]:
    """The non-blank, non-comment lines of one of the lists beside this script."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def read_additions(path: Path = ADDITIONS) -> dict[Key, str]:
    return {entry_key(line): line for line in data_lines(path)}


def read_removals(path: Path = REMOVALS) -> set[Key]:
    keys = set()
    for line in data_lines(path):
        name, role = line.split()
        keys.add((name, role))
    return keys


def entry_lines(inventory: bytes) -> list[str]:
    """The entries of a version 2 inventory, exactly as written (priorities included)."""
    header, _, rest = inventory.partition(COMPRESSED_NOTE.encode())
    if not header.startswith(HEADER.encode()) or not rest:
        raise ValueError("not a Sphinx version 2 inventory")
    return zlib.decompress(rest).decode("utf-8").splitlines()


def encode(entries: list[str], project: str, version: str) -> bytes:
    head = f"{HEADER}# Project: {project}\n# Version: {version}\n{COMPRESSED_NOTE}"
    body = "".join(f"{entry}\n" for entry in entries)
    return head.encode() + zlib.compress(body.encode("utf-8"), 9)


def build_offline(base: Path) -> bytes:
    """Debian's 3.11 inventory, minus the removals, with the additions replacing or appended."""
    additions = read_additions()
    removals = read_removals()
    entries: list[str] = []
    placed: set[Key] = set()
    for line in entry_lines(base.read_bytes()):
        key = entry_key(line)
        if key in removals:
            continue
        if key in additions:
            line = additions[key]
            placed.add(key)
        entries.append(line)
    entries += [line for key, line in additions.items() if key not in placed]
    return encode(entries, "Python", OFFLINE_VERSION)


def download(url: str = URL) -> bytes:
    with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT) as response:
        data: bytes = response.read()
    return data


def load(inventory: bytes) -> dict[str, dict[str, str]]:
    """Read an inventory with Sphinx's reader: {domain:role: {name: uri}}."""
    base_uri = "https://docs.python.org/3"
    data = InventoryFile.load(io.BytesIO(inventory), base_uri, posixpath.join)
    return {role: {name: item.uri for name, item in items.items()} for role, items in data.items()}


def stale_list_entries(inventory: bytes) -> list[str]:
    """List entries that a downloaded inventory contradicts."""
    entries = {entry_key(line): line for line in entry_lines(inventory)}
    problems = [
        f"addition differs from docs.python.org: {line}"
        for key, line in read_additions().items()
        if entries.get(key) != line
    ]
    problems += [
        f"removal still on docs.python.org: {name} {role}"
        for name, role in read_removals()
        if (name, role) in entries
    ]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--offline", action="store_true", help="do not try to download")
    parser.add_argument(
        "--base", type=Path, default=DEBIAN_INVENTORY, help="the 3.11 inventory to start from"
    )
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)

    inventory = None
    if not args.offline:
        try:
            inventory = download()
            print(f"downloaded {URL}")
            for problem in stale_list_entries(inventory):
                print(f"note: {problem}")
        except OSError as error:  # URLError, HTTPError and time-outs are all OSErrors
            print(f"cannot download {URL} ({error}); building offline")
    if inventory is None:
        if not args.base.is_file():
            print(f"{args.base} is missing: apt-get install python3.11-doc, or pass --base", file=sys.stderr)
            return 1
        inventory = build_offline(args.base)
        print(f"built from {args.base} + {ADDITIONS.name} - {REMOVALS.name}")

    count = sum(len(items) for items in load(inventory).values())  # raises if Sphinx cannot read it
    args.output.write_bytes(inventory)
    print(f"wrote {args.output} ({count} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
