"""Draws scale_bench.sh's table as an SVG: wall time (left) and peak memory (right) against the
number of sessions, both on log scales, a line per command and database, its baseline dashed in
the same colour. Standard library only.
usage: scale_plot.py TABLE.tsv OUT.svg"""
import csv
import math
import sys

rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
colours = ['#1f4e9c', '#b3361d', '#2e7d32', '#6a1b9a', '#e65100', '#00838f', '#5d4037', '#c2185b', '#455a64', '#827717']
series = {}
for r in rows:
    key = '%s: %s' % (r['database'], r['command'])
    s = series.setdefault(key, {'baseline': r['baseline'], 'points': []})
    s['points'].append((int(r['sessions']), float(r['seconds']), float(r['peak_mb']),
                        float(r['baseline_seconds']), float(r['baseline_peak_mb'])))

W, H, M = 520, 420, 60  # one panel; margins for the axes' words
xs = sorted({p[0] for s in series.values() for p in s['points']}) or [1]


def axis_range(values):
    lo, hi = min(values), max(values)
    lo, hi = 10 ** math.floor(math.log10(max(lo, 1e-3))), 10 ** math.ceil(math.log10(max(hi, 1e-3)))
    return lo, hi if hi > lo else lo * 10


def panel(x0, title, column, base_column, unit):
    values = [p[c] for s in series.values() for p in s['points'] for c in (column, base_column) if p[c] > 0] or [1]
    ylo, yhi = axis_range(values)
    xlo, xhi = (xs[0] / 2, xs[-1] * 2)
    sx = lambda x: x0 + M + (math.log10(x) - math.log10(xlo)) / (math.log10(xhi) - math.log10(xlo)) * (W - 1.5 * M)
    sy = lambda y: H - M - (math.log10(max(y, ylo)) - math.log10(ylo)) / (math.log10(yhi) - math.log10(ylo)) * (H - 2 * M)
    out = ['<text x="%d" y="24" font-size="15" font-weight="bold">%s</text>' % (x0 + M, title)]
    out.append('<rect x="%g" y="%g" width="%g" height="%g" fill="none" stroke="#888"/>' % (sx(xlo), sy(yhi), sx(xhi) - sx(xlo), sy(ylo) - sy(yhi)))
    y = ylo
    while y <= yhi * 1.001:
        out.append('<line x1="%g" x2="%g" y1="%g" y2="%g" stroke="#ddd"/><text x="%g" y="%g" font-size="11" text-anchor="end">%g %s</text>'
                   % (sx(xlo), sx(xhi), sy(y), sy(y), sx(xlo) - 4, sy(y) + 4, y, unit))
        y *= 10
    for x in xs:
        out.append('<text x="%g" y="%g" font-size="11" text-anchor="middle">%s</text>' % (sx(x), H - M + 16, '{:,}'.format(x)))
    out.append('<text x="%g" y="%g" font-size="12" text-anchor="middle">sessions</text>' % ((sx(xlo) + sx(xhi)) / 2, H - M + 34))
    for i, (key, s) in enumerate(sorted(series.items())):
        colour = colours[i % len(colours)]
        points = sorted(s['points'])
        for c, dash in ((column, ''), (base_column, ' stroke-dasharray="5,4"')):
            path = ' '.join('%g,%g' % (sx(p[0]), sy(p[c])) for p in points if p[c] > 0)
            out.append('<polyline points="%s" fill="none" stroke="%s" stroke-width="2"%s/>' % (path, colour, dash))
            out.extend('<circle cx="%g" cy="%g" r="3" fill="%s"/>' % (sx(p[0]), sy(p[c]), colour) for p in points if p[c] > 0)
    return out


body = panel(0, 'Wall time (solid: bran; dashed: its baseline)', 1, 3, 's') + panel(W, 'Peak memory', 2, 4, 'MB')
legend = []
for i, (key, s) in enumerate(sorted(series.items())):
    y = H + 10 + 18 * i
    legend.append('<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="%s" stroke-width="3"/><text x="%d" y="%d" font-size="12">%s (baseline: %s)</text>'
                  % (M, M + 24, y, y, colours[i % len(colours)], M + 30, y + 4, key, s['baseline']))
height = H + 20 + 18 * len(series)
open(sys.argv[2], 'w').write('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif">'
                             '<rect width="100%%" height="100%%" fill="white"/>%s%s</svg>\n' % (2 * W, height, ''.join(body), ''.join(legend)))
