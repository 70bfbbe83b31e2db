#!/usr/bin/env python3
"""Makes the web client's base maps (server/src/main/resources/web/geo/*.json) from Natural Earth.

Input: the TopoJSON files of the npm package world-atlas 2.0.2 (Natural Earth 4.1.0, 1:110m and
1:50m admin-0 countries, with the land merged from them), e.g. unpacked from `npm pack
world-atlas@2.0.2` into a folder. Output, for each map: the land rings and the land borders between
present-day countries (arcs shared by two countries), in longitude/latitude rounded to 1/scale of a
degree and delta-encoded as flat integer lists [lon0, lat0, dlon1, dlat1, ...]. Rings wholly south
of 60 S (Antarctica) are left out. Needs only Python 3's standard library:

    python3 server/tools/geo_extract.py PATH/TO/world-atlas/package
"""
import json
import os
import sys

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'web', 'geo')

# name, source file, units per degree, box [west, south, east, north] or None for the world
MAPS = [
    ('world-110m', 'countries-110m.json', 10, None),
    # the Aegean in more detail, for theatres that small (the Peloponnesian War's islands)
    ('aegean-50m', 'countries-50m.json', 20, [17.0, 33.5, 30.5, 43.0]),
]


def arcs_of(topo):
    sx, sy = topo['transform']['scale']
    tx, ty = topo['transform']['translate']
    out = []
    for arc in topo['arcs']:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def line(arcs, ids):
    pts = []
    for i in ids:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return pts


def encode(pts, scale):
    q = []
    for lon, lat in pts:
        p = (round(lon * scale), round(lat * scale))
        if not q or q[-1] != p:
            q.append(p)
    flat = []
    px = py = 0
    for x, y in q:
        flat += [x - px, y - py]
        px, py = x, y
    return flat, len(q)


def clip_ring(pts, box):
    """A land ring cut to the box (Sutherland-Hodgman: the box's edges become part of the ring)."""
    if box is None:
        return pts
    w, s, e, n = box
    edges = [
        (lambda p: p[0] >= w, lambda p, q: (w, p[1] + (q[1] - p[1]) * (w - p[0]) / (q[0] - p[0]))),
        (lambda p: p[0] <= e, lambda p, q: (e, p[1] + (q[1] - p[1]) * (e - p[0]) / (q[0] - p[0]))),
        (lambda p: p[1] >= s, lambda p, q: (p[0] + (q[0] - p[0]) * (s - p[1]) / (q[1] - p[1]), s)),
        (lambda p: p[1] <= n, lambda p, q: (p[0] + (q[0] - p[0]) * (n - p[1]) / (q[1] - p[1]), n)),
    ]
    for keep, cut in edges:
        src, pts = pts, []
        for i, q in enumerate(src):
            p = src[i - 1]
            if keep(q):
                if not keep(p):
                    pts.append(cut(p, q))
                pts.append(q)
            elif keep(p):
                pts.append(cut(p, q))
        if not pts:
            return []
    return pts


def clip_line(pts, box):
    """The parts of a polyline with points in the box (one point of margin either side)."""
    if box is None:
        return [pts]
    w, s, e, n = box
    parts, cur = [], []
    for i, (lon, lat) in enumerate(pts):
        near = any(
            w <= pts[j][0] <= e and s <= pts[j][1] <= n for j in range(max(0, i - 1), min(len(pts), i + 2))
        )
        if near:
            cur.append((lon, lat))
        elif cur:
            parts.append(cur)
            cur = []
    if cur:
        parts.append(cur)
    return [p for p in parts if len(p) > 1]


def main(src):
    for name, file, scale, box in MAPS:
        topo = json.load(open(os.path.join(src, file)))
        arcs = arcs_of(topo)
        land = []
        for g in topo['objects']['land']['geometries']:
            polys = g['arcs'] if g['type'] == 'MultiPolygon' else [g['arcs']]
            for poly in polys:
                for ring in poly:
                    pts = line(arcs, ring)
                    if max(lat for _, lat in pts) < -60:
                        continue
                    pts = clip_ring(pts, box)
                    if not pts:
                        continue
                    flat, n = encode(pts, scale)
                    if n >= 4:
                        land.append(flat)
        users = {}
        for g in topo['objects']['countries']['geometries']:
            polys = g['arcs'] if g['type'] == 'MultiPolygon' else [g['arcs']] if g['type'] == 'Polygon' else []
            for poly in polys:
                for ring in poly:
                    for i in ring:
                        users.setdefault(i if i >= 0 else ~i, set()).add(g.get('id') or g['properties']['name'])
        borders = []
        for i, who in sorted(users.items()):
            if len(who) < 2:
                continue
            for part in clip_line(arcs[i], box):
                flat, n = encode(part, scale)
                if n >= 2:
                    borders.append(flat)
        doc = {
            'source': 'Natural Earth 4.1.0 (public domain), admin-0 countries, '
            + file.split('-')[1].split('.')[0]
            + ' scale, via the npm package world-atlas 2.0.2; made by server/tools/geo_extract.py',
            'scale': scale,
            'box': box or [-180, -60, 180, 84],
            'land': land,
            'borders': borders,
        }
        path = os.path.join(OUT, name + '.json')
        os.makedirs(OUT, exist_ok=True)
        with open(path, 'w') as f:
            json.dump(doc, f, separators=(',', ':'))
            f.write('\n')
        print(f'{path}: {len(land)} land rings, {len(borders)} border lines, {os.path.getsize(path)} bytes')


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '.')
