"""Problems found in the records, and the one place that formats them."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    hint: str = ""
    severity: str = ERROR

    def body(self) -> str:
        tail = f"; {self.hint}" if self.hint else ""
        return f"{self.field or '(file)'}: {self.message}{tail}"

    def text(self) -> str:
        label = "" if self.severity == ERROR else "warning: "
        return f"{self.path}:{self.line}: {self.body().replace(': ', ': ' + label, 1)}"

    def github(self) -> str:
        # GitHub workflow commands: the message must not contain raw newlines or '%'.
        body = self.body().replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{self.severity} file={self.path},line={self.line}::{body}"


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def report(problems: list[Problem], fmt: str = "text") -> str:
    """All problems, sorted by file and line, then one summary line."""
    ordered = sorted(set(problems))
    lines = [p.github() if fmt == "github" else p.text() for p in ordered]
    n_err = len(errors(ordered))
    n_warn = len(ordered) - n_err
    lines.append(f"{n_err} error{'s' * (n_err != 1)}, {n_warn} warning{'s' * (n_warn != 1)}")
    return "\n".join(lines)
