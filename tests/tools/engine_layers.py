#!/usr/bin/env python3
"""The engine's folders are layers: a file may include its own folder or a folder below it, never
one above, and no engine file includes a window-toolkit header. Prints each include that breaks
this as file:line: what, and exits 1 if there is any.

usage: engine_layers.py ENGINE_DIR
"""
import os
import re
import sys

# Lowest first. Each folder may include only itself and the folders before it in this list.
LAYERS = [
    "core",      # errors, files, located JSON, ids and time: knows nothing of bran's content
    "i18n",      # the catalog of words in each language
    "content",   # decision aids: reading, checking, the library
    "decision",  # what answers mean: answers, steps, personal numbers, value verdict, assessment
    "store",     # SQLite: the session store, its chain, migrations, replaying events
    "session",   # one patient walking through one aid; the clinician PIN
    "audit",     # the audit over many sessions, and the tamper check
    "interop",   # session records in and out, hand-off from home
    "central",   # the organisation's PostgreSQL audit database: push, audit and verify there
    "view",      # each screen described once, in words, numbers, pictures and controls
    "report",    # the printed summary (draws a view)
    "speech",    # reading a view aloud
    "shell",     # the application: which screen is showing, the kiosk, the staff views
]
UI_HEADERS = re.compile(r'#\s*include\s*[<"](imgui|GLFW/|GL/|app/)')
ENGINE_INCLUDE = re.compile(r'#\s*include\s*"engine/([^/"]+)/')


def check(engine_dir):
    problems = []
    rank = {name: i for i, name in enumerate(LAYERS)}
    for folder in sorted(os.listdir(engine_dir)):
        path = os.path.join(engine_dir, folder)
        if not os.path.isdir(path):
            continue
        if folder not in rank:
            problems.append(f"{path}: a folder that is not in the list of layers in {__file__}")
            continue
        for root, _, files in os.walk(path):
            for name in sorted(files):
                if not name.endswith((".hpp", ".cpp", ".h")):
                    continue
                file = os.path.join(root, name)
                with open(file, encoding="utf-8") as f:
                    for number, line in enumerate(f, 1):
                        if UI_HEADERS.search(line):
                            problems.append(f"{file}:{number}: includes a window header ({line.strip()}); "
                                            "the engine draws nothing")
                        m = ENGINE_INCLUDE.search(line)
                        if not m:
                            continue
                        target = m.group(1)
                        if target not in rank:
                            problems.append(f"{file}:{number}: includes engine/{target}/, which is not a layer")
                        elif rank[target] > rank[folder]:
                            problems.append(f"{file}:{number}: {folder}/ includes engine/{target}/, a layer above it "
                                            f"(layers, lowest first: {', '.join(LAYERS)})")
    return problems


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    problems = check(sys.argv[1])
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
