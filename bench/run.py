"""`make bench`: run every benchmark in this folder and print one summary.

Each `bench_*.py` is a script that prints a human table and, with `--json`, one JSON object of figures.
Running them as separate processes keeps their peak-memory readings apart.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run each benchmark in its own process; a failing one is reported, the others still run."""
    failed = 0
    results: dict[str, object] = {}
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"== {script.stem} ==", flush=True)
        proc = subprocess.run([sys.executable, str(script), "--json"], capture_output=True, text=True)
        if proc.returncode != 0:
            failed += 1
            print(f"   failed (exit {proc.returncode}): {proc.stderr.strip().splitlines()[-1:]}")
            continue
        try:  # a script prints either one JSON document, or a human report ending in one JSON line
            text = proc.stdout.strip()
            figures = json.loads(text) if text.startswith("{") else json.loads(text.splitlines()[-1])
        except (ValueError, IndexError):
            print(proc.stdout)
            continue
        results[script.stem] = figures
        for key, value in figures.items():
            print(f"   {key:<40} {value}")
    out = HERE / "last_results.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nfigures written to {out.relative_to(HERE.parent)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
