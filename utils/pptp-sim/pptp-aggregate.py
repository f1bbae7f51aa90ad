#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""A sweep's points gathered into one CSV, DIR/sweep.csv.

    pptp-aggregate.py DIR

DIR is a sweep folder: pptp-sim wrote DIR/points.csv (point, run, folder,
exit status when it ran the point itself, then the swept options' values) and
each point its DIR/point-NNNN/summary.json. sweep.csv has one row per point:
point, run, status (ok, failed, missing), the swept options, then every figure
of the point's summary.json named by its dotted path (tunnels.established,
faults.0.start_s, ...), in the order the figures first appear. Numbers keep
the text summary.json gave them; null is an empty field. The file is written
whole or not at all. Prints "aggregated N of M" (points with results, points).

Exit status: 0 when sweep.csv was written, 2 when DIR is not a sweep folder
or sweep.csv cannot be written. Needs only Python 3.
"""

import csv
import json
import os
import sys


def csv_field(text):
    """A CSV field as pptp-sim writes them: quoted only when it must be."""
    if any(c in text for c in ',"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def reject_constant(name):
    """NaN and Infinity are not JSON."""
    raise ValueError("not JSON: " + name)


def leaves(value, path, out):
    """Append (dotted path, text) for every number, string, boolean and null under value."""
    if isinstance(value, dict):
        for key, member in value.items():
            leaves(member, path + [key], out)
    elif isinstance(value, list):
        for index, element in enumerate(value):
            leaves(element, path + [str(index)], out)
    elif value is None:
        out.append((".".join(path), ""))
    elif value is True or value is False:
        out.append((".".join(path), "true" if value else "false"))
    else:
        out.append((".".join(path), value))  # numbers were kept as their text


def read_summary(path):
    """The figures of a summary.json, or None when it is absent or not a JSON object."""
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            document = json.load(f, parse_float=str, parse_int=str,
                                 parse_constant=reject_constant)
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict):
        return None
    figures = []
    for key, value in document.items():
        if key not in ("format", "parameters"):
            leaves(value, [key], figures)
    return figures


def aggregate(root):
    """Write root/sweep.csv; return (points with results, points)."""
    with open(os.path.join(root, "points.csv"), newline="", encoding="utf-8",
              errors="surrogateescape") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0][:4] != ["point", "run", "folder", "exit_status"]:
        raise ValueError("points.csv does not begin with point,run,folder,exit_status")
    swept = rows[0][4:]
    columns = {}  # figure -> column, in order of first appearance (dicts keep it)
    lines = []
    found = 0
    for row in rows[1:]:
        if len(row) != 4 + len(swept):
            raise ValueError("points.csv: a row of %d fields, %d expected"
                             % (len(row), 4 + len(swept)))
        point, run, folder, exit_status = row[:4]
        if os.path.basename(folder) != folder or folder in ("", ".", ".."):
            raise ValueError("points.csv: %r is not a point folder" % folder)
        figures = read_summary(os.path.join(root, folder, "summary.json"))
        if figures is None:
            status = "failed" if exit_status not in ("", "0") else "missing"
            values = {}
        else:
            status = "ok"
            found += 1
            values = dict(figures)
            for name, _ in figures:
                columns.setdefault(name, len(columns))
        lines.append(([point, run, status] + row[4:], values))
    text = ",".join(csv_field(c) for c in ["point", "run", "status"] + swept + list(columns))
    text += "\n"
    for fixed, values in lines:
        fields = fixed + [values.get(c, "") for c in columns]
        text += ",".join(csv_field(f) for f in fields) + "\n"
    target = os.path.join(root, "sweep.csv")
    temporary = target + ".tmp"
    try:
        with open(temporary, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(text)
        os.replace(temporary, target)
    except OSError:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
    return found, len(lines)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: pptp-aggregate.py SWEEP_FOLDER\n")
        return 2
    try:
        found, total = aggregate(argv[1])
    except (OSError, ValueError) as e:
        sys.stderr.write("pptp-aggregate: %s: %s\n" % (argv[1], e))
        return 2
    print("aggregated %d of %d" % (found, total))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
