#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Plots of pptp-sim results, written as PNG files in DIR/plots/.

    pptp-plot.py run DIR                       one run's results folder
    pptp-plot.py sweep DIR --params A,B [--x A] a sweep's folder (its sweep.csv)

A run gives: tunnel-state.png (tunnels up over time, each client's tunnels,
faults shaded), setup-latency-cdf.png, detection-vs-loss.png and
goodput-vs-loss.png (one point per client, against its link's loss rate) and
throughput.png (goodput over time).

A sweep gives, for each figure of interest, one plot against the swept
option --x (loss-rate when it is swept, else the first): one line per value of
the other swept options, the mean over the runs with its 95% confidence
interval (Student's t), e.g. sweep-detection-vs-loss-rate.png.

Needs matplotlib (Debian: python3-matplotlib). Exit status 3 without it.
"""

import argparse
import csv
import json
import math
import os
import re
import sys

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import LogLocator, MaxNLocator, ScalarFormatter
except ImportError:
    sys.stderr.write("pptp-plot: matplotlib is not installed (Debian: python3-matplotlib)\n")
    sys.exit(3)

TIME_UNITS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0, "h": 3600.0}
RATE_UNITS = {"bps": 1.0, "kbps": 1e3, "Kbps": 1e3, "Mbps": 1e6, "Gbps": 1e9}
FAULT_COLOURS = {"link-down": "tab:red", "loss-window": "tab:orange"}
LOST = {"keepalive-timeout", "tcp-failure", "ppp-down", "peer-stop", "protocol-error",
        "server-full", "call-refused", "collision"}

# Two-sided 95% quantiles of Student's t, by degrees of freedom.
T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
       2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
       2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def value_of(text):
    """An option's value as a number (times in s, rates in bit/s, 5% as 0.05), or None."""
    text = text.strip()
    m = re.fullmatch(r"([0-9]*\.?[0-9]+)\s*([a-zA-Z%]*)", text)
    if not m:
        return None
    number, unit = float(m.group(1)), m.group(2)
    if unit == "":
        return number
    if unit == "%":
        return number / 100
    if unit in TIME_UNITS:
        return number * TIME_UNITS[unit]
    if unit in RATE_UNITS:
        return number * RATE_UNITS[unit]
    return None


def axis_of(name, text):
    """How to show an option on an axis: (scale, label)."""
    if name.startswith("loss") and "rate" in name:
        return 100.0, name + " (%)"
    if re.search(r"[0-9](bps|kbps|Kbps|Mbps|Gbps)$", text):
        return 1e-6, name + " (Mbit/s)"
    if re.search(r"[0-9](ns|us|ms|s|min|h)$", text):
        return 1.0, name + " (s)"
    return 1.0, name


def read_csv(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def save(fig, folder, name):
    os.makedirs(os.path.join(folder, "plots"), exist_ok=True)
    fig.tight_layout()
    fig.savefig(os.path.join(folder, "plots", name), dpi=110)
    plt.close(fig)


def empty(ax, text):
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, color="grey")


def shade_faults(ax, summary, label=True):
    seen = set()
    for f in summary.get("faults", []):
        colour = FAULT_COLOURS.get(f["kind"], "tab:grey")
        ax.axvspan(f["start_s"], f["start_s"] + f["duration_s"], color=colour, alpha=0.15,
                   label=(f["kind"] if label and f["kind"] not in seen else None))
        seen.add(f["kind"])


# ---- one run ---------------------------------------------------------------------------


def plot_run(folder):
    summary = json.load(open(os.path.join(folder, "summary.json")))
    parameters = summary["parameters"]
    end = summary["simulated_s"]
    tunnels = read_csv(os.path.join(folder, "tunnels.csv"))
    clients = read_csv(os.path.join(folder, "clients.csv"))
    timeline = read_csv(os.path.join(folder, "timeline.csv"))

    # Up intervals of each tunnel, and the events that ended them.
    open_since = {}
    intervals = []  # (client, start, end)
    downs = []  # (client, time, cause)
    fails = []  # (client, time, cause)
    for row in tunnels:
        t, client, event = float(row["time"]), int(row["client"]), row["event"]
        key = (client, row["call_id"])
        if event == "up":
            open_since[key] = t
        elif event == "down":
            if key in open_since:
                intervals.append((client, open_since.pop(key), t))
            downs.append((client, t, row["cause"]))
        elif event == "failed":
            fails.append((client, t, row["cause"]))
    for (client, _), start in open_since.items():
        intervals.append((client, start, end))

    # Tunnels up over time, exactly, from the events.
    changes = sorted([(s, 1) for _, s, _ in intervals] + [(e, -1) for _, _, e in intervals if e < end])
    times, counts, n = [0.0], [0], 0
    for t, d in changes:
        n += d
        times.append(t)
        counts.append(n)
    times.append(end)
    counts.append(n)

    n_clients = int(summary["clients"])
    wanted = summary["tunnels"]["wanted"]
    lanes = n_clients <= 60
    fig, axes = plt.subplots(2 if lanes else 1, 1, figsize=(10, 7 if lanes else 4),
                             sharex=True, squeeze=False,
                             gridspec_kw={"height_ratios": [1, 2] if lanes else [1]})
    ax = axes[0][0]
    ax.step(times, counts, where="post", color="tab:blue", label="tunnels up")
    ax.axhline(wanted, color="grey", linestyle=":", label="wanted (%d)" % wanted)
    shade_faults(ax, summary)
    ax.set_ylabel("tunnels up")
    ax.set_ylim(bottom=0, top=max(wanted, max(counts)) * 1.1 + 0.5)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title("Tunnel state over time (%d clients, availability %.1f %%)"
                 % (n_clients, 100 * summary["tunnels"]["availability"]))
    ax.legend(loc="lower left", fontsize="small")
    if lanes:
        ax = axes[1][0]
        for client, start, stop in intervals:
            ax.broken_barh([(start, stop - start)], (client - 0.35, 0.7), color="tab:green")
        lost = [(c, t) for c, t, cause in downs if cause in LOST]
        if lost:
            ax.plot([t for _, t in lost], [c for c, _ in lost], "x", color="tab:red",
                    label="tunnel lost")
        if fails:
            ax.plot([t for _, t, _ in fails], [c for c, _, _ in fails], "|", color="tab:grey",
                    markersize=6, label="attempt failed")
        shade_faults(ax, summary, label=False)
        ax.set_ylabel("client")
        ax.set_ylim(-0.8, n_clients - 0.2)
        ax.invert_yaxis()
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        if lost or fails:
            ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, fontsize="small",
                      frameon=False)
    axes[-1][0].set_xlabel("simulated time (s)")
    axes[-1][0].set_xlim(0, end)
    save(fig, folder, "tunnel-state.png")

    # Set-up latency CDF.
    latencies = sorted(float(r["setup_s"]) for r in tunnels if r["event"] == "up")
    fig, ax = plt.subplots(figsize=(7, 4.5))
    if latencies:
        ys = [(i + 1) / len(latencies) for i in range(len(latencies))]
        ax.step(latencies, ys, where="post", color="tab:blue")
        median = latencies[(len(latencies) - 1) // 2]
        ax.axvline(median, color="grey", linestyle=":", label="median %.3f s" % median)
        if latencies[0] > 0 and latencies[-1] / latencies[0] > 30:
            ax.set_xscale("log")
            ax.xaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
            ax.xaxis.set_major_formatter(ScalarFormatter())
        ax.legend(loc="lower right", fontsize="small")
    else:
        empty(ax, "no tunnel came up")
    ax.set_xlabel("set-up latency: TCP connect attempt to IPCP up (s)")
    ax.set_ylabel("fraction of tunnels")
    ax.set_ylim(0, 1.02)
    ax.set_title("Set-up latency CDF (%d tunnels)" % len(latencies))
    ax.grid(alpha=0.3)
    save(fig, folder, "setup-latency-cdf.png")

    # Per client, against its loss rate.
    loss = [100 * float(r["loss_rate"]) for r in clients]
    fig, ax = plt.subplots(figsize=(7, 4.5))
    drawn = False
    for column, label, marker in (("detection_pns_mean_s", "client side", "o"),
                                  ("detection_pac_mean_s", "server side", "s")):
        pts = [(x, number(r[column])) for x, r in zip(loss, clients) if number(r[column]) is not None]
        if pts:
            ax.plot([p[0] for p in pts], [p[1] for p in pts], marker, label=label, alpha=0.7)
            drawn = True
    interval = value_of(parameters.get("echo-interval", ""))
    timeout = value_of(parameters.get("echo-timeout", ""))
    misses = number(parameters.get("echo-misses"))
    if drawn and interval is not None and timeout is not None and misses:
        ax.axhline(interval + misses * timeout, color="grey", linestyle=":",
                   label="keepalive bound after the last message")
    if drawn:
        ax.legend(fontsize="small")
        ax.set_ylim(bottom=0)
    else:
        empty(ax, "no dead peer detected after a fault")
    ax.set_xlabel("access link loss rate (%)")
    ax.set_ylabel("time from fault to tunnel declared dead (s)")
    ax.set_title("Dead-peer detection time versus loss (per client)")
    ax.grid(alpha=0.3)
    save(fig, folder, "detection-vs-loss.png")

    fig, ax = plt.subplots(figsize=(7, 4.5))
    if parameters.get("traffic", "none") != "none" and clients:
        ax.plot(loss, [float(r["goodput_bps"]) / 1e6 for r in clients], "o", color="tab:green")
        ax.set_ylim(bottom=0)
    else:
        empty(ax, "no traffic in this run (--traffic)")
    ax.set_xlabel("access link loss rate (%)")
    ax.set_ylabel("goodput through the tunnel (Mbit/s)")
    ax.set_title("Goodput versus loss (per client, whole run)")
    ax.grid(alpha=0.3)
    save(fig, folder, "goodput-vs-loss.png")

    fig, ax = plt.subplots(figsize=(10, 4))
    if timeline:
        ax.plot([float(r["time"]) for r in timeline],
                [float(r["goodput_bps"]) / 1e6 for r in timeline], color="tab:green",
                label="goodput, all clients")
        shade_faults(ax, summary)
        ax.legend(loc="lower left", fontsize="small")
        ax.set_ylim(bottom=0)
    ax.set_xlim(0, end)
    ax.set_xlabel("simulated time (s)")
    ax.set_ylabel("Mbit/s")
    ax.set_title("Goodput through the tunnels over time (per %s)" % parameters.get("sample-interval", "interval"))
    ax.grid(alpha=0.3)
    save(fig, folder, "throughput.png")


# ---- a sweep ---------------------------------------------------------------------------

SWEEP_FIGURES = [
    # (column(s), y label, scale, file name)
    (["goodput.total_bps"], "goodput through the tunnels (Mbit/s)", 1e-6, "goodput"),
    (["dead_peer_detection_s.pns.mean", "dead_peer_detection_s.pac.mean"],
     "dead-peer detection after the fault (s)", 1.0, "detection"),
    (["tunnels.availability"], "tunnel availability (%)", 100.0, "availability"),
    (["setup_latency_s.mean"], "set-up latency, mean (s)", 1.0, "setup-latency"),
    (["tunnels.lost"], "tunnels lost", 1.0, "lost"),
    (["tunnels.failed"], "tunnel attempts failed", 1.0, "failed"),
]


def mean_ci(values):
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, 0.0
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    t = T95[n - 2] if n - 2 < len(T95) else 1.96
    return mean, t * sd / math.sqrt(n)


def plot_sweep(folder, params, x_name):
    rows = [r for r in read_csv(os.path.join(folder, "sweep.csv")) if r.get("status") == "ok"]
    if not rows:
        sys.stderr.write("pptp-plot: no point of the sweep has results\n")
        return
    if not params:
        params = []
    if x_name is None:
        x_name = "loss-rate" if "loss-rate" in params else (params[0] if params else None)
    others = [p for p in params if p != x_name]
    xs_text = []
    for r in rows:
        x = r.get(x_name, "") if x_name else ""
        if x not in xs_text:
            xs_text.append(x)
    numeric = x_name is not None and all(value_of(x) is not None for x in xs_text)
    scale, xlabel = axis_of(x_name, xs_text[0]) if x_name else (1.0, "")
    if numeric:
        xs_text.sort(key=value_of)
        position = {x: value_of(x) * scale for x in xs_text}
    else:
        position = {x: i for i, x in enumerate(xs_text)}
    groups = []
    for r in rows:
        g = tuple(r[p] for p in others)
        if g not in groups:
            groups.append(g)
    runs = max(sum(1 for r in rows if tuple(r[p] for p in others) == g and r.get(x_name, "") == xs_text[0])
               for g in groups)

    print("sweep: %d points with results; x = %s; lines: %s"
          % (len(rows), x_name or "-", ", ".join(others) if others else "one"))
    header = others + ([x_name] if x_name else []) + ["runs", "goodput Mbit/s", "detect. s",
                                                      "avail. %", "lost"]
    print("  " + "  ".join("%14s" % h for h in header))
    for g in groups:
        for x in xs_text:
            sel = [r for r in rows if tuple(r[p] for p in others) == g and r.get(x_name, "") == x]
            if not sel:
                continue

            def avg(column, s=1.0):
                v = [number(r.get(column)) for r in sel]
                v = [a for a in v if a is not None]
                return "%14.3f" % (s * sum(v) / len(v)) if v else "%14s" % "-"

            cells = ["%14s" % c for c in g] + (["%14s" % x] if x_name else []) + \
                ["%14d" % len(sel), avg("goodput.total_bps", 1e-6),
                 avg("dead_peer_detection_s.pns.mean"), avg("tunnels.availability", 100),
                 avg("tunnels.lost")]
            print("  " + "  ".join(cells))

    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for columns, ylabel, yscale, name in SWEEP_FIGURES:
        if not any(number(r.get(c)) is not None for r in rows for c in columns):
            continue
        fig, ax = plt.subplots(figsize=(7.5, 4.8))
        for gi, g in enumerate(groups):
            for ci, column in enumerate(columns):
                px, py, pe = [], [], []
                for x in xs_text:
                    values = [number(r.get(column)) for r in rows
                              if tuple(r[p] for p in others) == g and r.get(x_name, "") == x]
                    values = [v * yscale for v in values if v is not None]
                    if values:
                        m, e = mean_ci(values)
                        px.append(position[x])
                        py.append(m)
                        pe.append(e)
                if not px:
                    continue
                label = ", ".join("%s=%s" % (p, v) for p, v in zip(others, g)) or None
                if len(columns) > 1:
                    side = "client side" if ".pns." in column else "server side"
                    label = side if label is None else label + " (" + side + ")"
                ax.errorbar(px, py, yerr=pe, color=colours[gi % len(colours)],
                            linestyle="-" if ci == 0 else "--", marker="o" if ci == 0 else "s",
                            capsize=3, label=label)
        if not numeric:
            ax.set_xticks(list(position.values()))
            ax.set_xticklabels(xs_text)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.set_ylim(bottom=0)
        ax.set_title("%s versus %s (mean, 95%% CI over %d run%s)"
                     % (ylabel.split(" (")[0], x_name, runs, "" if runs == 1 else "s"))
        ax.grid(alpha=0.3)
        if ax.get_legend_handles_labels()[1]:
            ax.legend(fontsize="small")
        save(fig, folder, "sweep-%s-vs-%s.png" % (name, x_name))


def main():
    parser = argparse.ArgumentParser(description="Plots of pptp-sim results.")
    parser.add_argument("mode", choices=["run", "sweep"])
    parser.add_argument("folder")
    parser.add_argument("--params", default="", help="the swept options, comma-separated")
    parser.add_argument("--x", default=None, help="the swept option on the x axis")
    args = parser.parse_args()
    if args.mode == "run":
        plot_run(args.folder)
    else:
        params = [p for p in args.params.split(",") if p]
        if args.x is not None and args.x not in params:
            parser.error("--x must be one of the swept options: " + ", ".join(params))
        plot_sweep(args.folder, params, args.x)


if __name__ == "__main__":
    main()
