"""Read the YAML record files into plain data, remembering the line of every value.

Refused here, before any schema check: files that are not UTF-8, too large, empty or
not valid YAML; duplicate keys (PyYAML would silently keep the last one); anchors and
aliases (they can expand without bound); nesting deeper than any record needs; YAML
yes/no values where text was meant.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .problems import Problem

MAX_BYTES = 1_000_000
YES_NO = "is read by YAML as a yes/no value, not as text"
MAX_DEPTH = 12

# The template's mark for a value still to be filled in.
PLACEHOLDER = "TODO"


@dataclass(frozen=True)
class Kind:
    """One kind of record: where its files live, and the schema that defines it."""

    name: str
    place: str  # a folder (one record per file, the key is the file name) or a single file
    schema: str
    shown: str  # how the record-format page names its files
    required: bool = True  # for a single file: must it exist?

    @property
    def folder(self) -> bool:
        return not self.place.endswith(".yaml")


# The one table of record kinds: loading, the schemas, the format page, the editor settings
# and the pre-commit hook all follow it (tests/test_kinds.py holds the last two to it).
KINDS = (
    Kind("claim", "claims", "claim.schema.json", "claims/<slug>.yaml"),
    Kind("source", "sources", "source.schema.json", "sources/<key>.yaml"),
    Kind("expert", "experts", "expert.schema.json", "experts/<key>.yaml"),
    Kind("category", "categories", "category.schema.json", "categories/<key>.yaml"),
    Kind("event", "events", "event.schema.json", "events/<key>.yaml"),
    Kind("verdicts", "verdicts.yaml", "verdicts.schema.json", "verdicts.yaml"),
    Kind("published", "published.yaml", "published.schema.json", "published.yaml", required=False),
    Kind("redirects", "redirects.yaml", "redirects.schema.json", "redirects.yaml", required=False),
)
FOLDERS = {k.name: k.place for k in KINDS if k.folder}
SINGLE_FILES = {k.name: (k.place, k.required) for k in KINDS if not k.folder}

JsonPath = tuple  # of str and int


@dataclass
class Record:
    kind: str
    path: str  # relative to the project root, with forward slashes
    key: str  # the file name without .yaml
    data: Any
    lines: dict = field(default_factory=dict)  # JsonPath → line number
    readable: bool = True  # False: the file could not be read; only its name is known
    # Values worked out from this record alone (evidence texts, quotations, translation
    # counts), kept with it so that the checker's cache can store them and drop the data.
    derived: dict = field(default_factory=dict, compare=False, repr=False)

    def derive(self, name: str, compute):
        """compute(self), worked out once per record."""
        if name not in self.derived:
            self.derived[name] = compute(self)
        return self.derived[name]

    def line(self, where: JsonPath = ()) -> int:
        """The line of a value, or of its nearest enclosing value that has one."""
        where = tuple(where)
        while where not in self.lines and where:
            where = where[:-1]
        return self.lines.get(where, 1)


# libyaml's C parser where PyYAML was built with it (it is ten times faster), else Python's.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):
    """Safe loader that keeps dates as text: the schema checks their form."""


_Loader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
}


@lru_cache(maxsize=1)
def _yes_no() -> set:
    """The names of the fields the schemas declare yes/no (boolean), as 1-tuples: only there
    is a bare `true` or `false` meant as one."""
    names = set()
    for path in (Path(__file__).resolve().parents[2] / "schemas").glob("*.schema.json"):
        text = json.loads(path.read_text(encoding="utf-8"))
        for props in _all_properties(text):
            names.update((name,) for name, prop in props.items() if prop.get("type") == "boolean")
    return names


def _all_properties(node):
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            yield node["properties"]
        for value in node.values():
            yield from _all_properties(value)
    elif isinstance(node, list):
        for value in node:
            yield from _all_properties(value)


def _quote(value: str, where: JsonPath) -> str:
    """The fix for a yes/no value where it does not belong. Verdict keys are lower case, so a
    quoted `False` would still be wrong."""
    if where[-1:] in _yes_no():
        return "write `true` or `false` (lower case), or delete the line"
    if where == ("verdict",):
        word = value.lower() if value.lower() in ("true", "false") else "false"
        return f'write the verdict key in quotes and lower case, for example `verdict: "{word}"`'
    return f'put it in quotes: "{value}"'


def _line(node_or_event) -> int:
    return node_or_event.start_mark.line + 1


def _yaml_problem(path: str, exc: yaml.YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark else 1
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    if context and what.startswith("but "):
        what = f"{context}, {what}"
    hint = "fix the YAML syntax on this line (indent with spaces, quote text that contains ': ' or starts with a special character)"
    if "'\\t'" in what:
        hint = "indent with spaces, not tabs"
    return Problem(path, line, "", f"not valid YAML: {what}", hint)


def _scan_events(path: str, text: str) -> list[Problem]:
    """Refuse anchors, aliases and runaway nesting before building anything."""
    problems, depth = [], 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            problems.append(
                Problem(
                    path,
                    _line(event),
                    "",
                    f"YAML anchor or alias `{sign}{event.anchor}` is not allowed",
                    "write the value out in full where it is needed",
                )
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return problems + [
                    Problem(
                        path,
                        _line(event),
                        "",
                        f"nesting is deeper than {MAX_DEPTH} levels",
                        "records are at most a few levels deep; check the indentation",
                    )
                ]
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return problems


class _Builder:
    """Turns a composed YAML node tree into plain data plus a line for every value."""

    def __init__(self, path: str):
        self.path = path
        self.lines: dict = {}
        self.problems: list[Problem] = []
        self._constructor = _Loader("")

    def build(self, node, where: JsonPath = ()):
        self.lines.setdefault(where, _line(node))
        if not isinstance(node, ScalarNode) and node.tag not in _COLLECTION_TAGS:
            self._add(where, _line(node), f"the tag `{node.tag}` is not allowed", "remove the tag and write plain text")
            return node.tag  # a harmless stand-in, so that the schema check does not report it again
        if isinstance(node, MappingNode):
            return self._mapping(node, where)
        if isinstance(node, SequenceNode):
            return [self.build(item, where + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node, where)

    def _mapping(self, node: MappingNode, where: JsonPath) -> dict:
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self._add(where, _line(key_node), "a field name must be a plain word", "write `name: value`")
                continue
            key = key_node.value
            if key in out:
                first = self.lines[where + (key,)]
                self._add(
                    where + (key,),
                    _line(key_node),
                    f"`{key}` appears twice in one mapping (first on line {first})",
                    "keep one of them; YAML would silently use only the last",
                )
                continue
            self.lines[where + (key,)] = _line(key_node)
            out[key] = self.build(value_node, where + (key,))
        return out

    def _scalar(self, node: ScalarNode, where: JsonPath):
        if node.tag not in _SCALAR_TAGS:
            self._add(where, _line(node), f"the tag `{node.tag}` is not allowed", "remove the tag and write plain text")
            return node.value
        if node.tag == "tag:yaml.org,2002:bool" and not (node.value in ("true", "false") and where[-1:] in _yes_no()):
            self._add(
                where,
                _line(node),
                f"`{node.value}` is read by YAML as a yes/no value, not as text",
                _quote(node.value, where),
            )
            return node.value  # keep checking the rest as if it were quoted
        try:
            return self._constructor.construct_object(node)
        except (ConstructorError, ValueError):
            return node.value

    def _add(self, where: JsonPath, line: int, message: str, hint: str) -> None:
        self.problems.append(Problem(self.path, line, field_name(where), message, hint))


def field_name(where: JsonPath) -> str:
    """('appearances', 0, 'statement') → 'appearances[0].statement'."""
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse(path: str, raw: bytes, kind: str, key: str) -> tuple[Record | None, list[Problem]]:
    """One file's bytes → a Record (or None when nothing usable could be read)."""
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(
                path,
                1,
                "",
                f"file is {len(raw):,} bytes, over the limit of {MAX_BYTES:,}",
                "a record is a few kilobytes; remove the stray content",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            Problem(
                path,
                line,
                "",
                f"file is not UTF-8 (byte 0x{raw[exc.start]:02x})",
                "save the file as UTF-8 in your editor",
            )
        ]
    text = text.removeprefix("\ufeff")
    if "\t" in text:
        # Parsers and editors disagree about tabs (libyaml accepts some that PyYAML refuses).
        line = text[: text.index("\t")].count("\n") + 1
        return None, [Problem(path, line, "", "tab character in the file", "indent and separate with spaces, not tabs")]
    try:
        problems = _scan_events(path, text)
        if problems:
            return None, problems
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        return None, [_yaml_problem(path, exc)]
    except RecursionError:
        return None, [Problem(path, 1, "", "nesting is too deep to read", "check the indentation")]
    if root is None:
        return None, [Problem(path, 1, "", "file is empty", "fill in the record, or delete the file")]
    builder = _Builder(path)
    data = builder.build(root)
    if not isinstance(data, dict):
        builder.problems.append(
            Problem(
                path,
                1,
                "",
                "the file must hold a mapping of `field: value` lines",
                "start each line with a field name, e.g. `id: 1`",
            )
        )
        return None, builder.problems
    return Record(kind, path, key, data, builder.lines), builder.problems


def _listing(folder: Path) -> list[str]:
    """The names of a folder's files, sorted (os.scandir lists tens of thousands of files
    several times faster than Path.glob)."""
    try:
        with os.scandir(folder) as found:
            return sorted([e.name for e in found if not e.name.startswith(".") and not e.is_dir()])
    except FileNotFoundError:
        return []


def record_files(root: Path) -> Iterator[tuple[str, str, str | None, list[Problem]]]:
    """(kind, path from the root, file, problems) for every place a record may be: a file to
    read (None when a required single file is missing), or a problem with its name alone.
    Files are named by plain strings: a Path for each of tens of thousands costs time."""
    for kind, folder in FOLDERS.items():
        where = f"{root}/{folder}/"
        for name in _listing(root / folder):
            rel = f"{folder}/{name}"
            if name.endswith(".yaml"):
                yield kind, rel, where + name, []
            else:
                stem = Path(name).stem
                yield (
                    kind,
                    rel,
                    None,
                    [Problem(rel, 1, "", "record files must end in .yaml", f"rename it to {stem}.yaml")],
                )
    for kind, (name, required) in SINGLE_FILES.items():
        if (root / name).exists():
            yield kind, name, str(root / name), []
        elif required:
            yield kind, name, None, [Problem(name, 1, "", f"{name} is missing", f"restore {name}")]


def read_bytes(file: str) -> bytes:
    with open(file, "rb") as handle:
        return handle.read()


def read_file(rel: str, kind: str, raw: bytes) -> tuple[Record | None, list[Problem]]:
    """One record file's bytes read: its record, or for an unreadable file in a folder a
    record that still names it, so that checks of other files do not report it as missing
    on top of its own problem."""
    key = rel.rsplit("/", 1)[-1].removesuffix(".yaml")
    record, problems = parse(rel, raw, kind, key)
    if record is None and kind in FOLDERS:
        record = Record(kind, rel, key, {}, readable=False)
    return record, problems


def load_tree(root: Path) -> tuple[list[Record], list[Problem]]:
    """Every record file under the project root, with the problems found while reading."""
    records, problems = [], []
    for kind, rel, file, found in record_files(root):
        problems += found
        if file is not None:
            record, found = read_file(rel, kind, read_bytes(file))
            problems += found
            records += [record] if record else []
    return records, problems
