#!/usr/bin/python3
"""Merge the per-object compile records (*.o.json) into compile_commands.json."""
import json
import sys

entries = []
for path in sys.argv[1:]:
    try:
        with open(path) as f:
            entries.append(json.load(f))
    except (OSError, ValueError) as e:
        sys.exit("compile_commands: %s: %s" % (path, e))
json.dump(entries, sys.stdout, indent=1)
print()
