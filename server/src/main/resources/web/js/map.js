// The map of states: positions from their coordinates over a simplified base map (land and
// present-day borders from Natural Earth, web/geo/), alliances and client links drawn, crises as
// arrows from aggressor to target. States far from the others (the USA in a European scenario) go
// to an inset in a corner, so that the theatre fills the frame. Labels are placed so that none
// overlaps another label or a state's circle. Drawn as SVG with a text description for screen
// readers.
import { h, s, num } from './dom.js';
import { isOffensive, kindWord, allianceName } from './explain.js';
import { t, local } from './i18n.js';

const W = 600;
const PAD = 46;
const INSET_W = 176;
const INSET_H = 104;
const FONT = 14; // the state labels' size (px, bold; 11 px in the inset)
let measurer = null;

/** A bold label's width in px at `size`, measured with the page's font (an upper bound without a canvas). */
function textWidth(text, size) {
  try {
    if (!measurer) {
      measurer = document.createElement('canvas').getContext('2d');
      measurer.family = getComputedStyle(document.body).fontFamily || 'sans-serif';
    }
    measurer.font = `700 ${size}px ${measurer.family}`;
    return measurer.measureText(text).width + 2;
  } catch {
    return 0.9 * size * String(text).length + 2;
  }
}
// Scenarios whose states and places are invented: no real geography under them.
const INVENTED = new Set(['tutorial']);
// The base maps (web/geo/README.md): the world at 1:110m, and the Aegean at 1:50m for a theatre that small.
const GEO = { world: 'geo/world-110m.json', aegean: 'geo/aegean-50m.json' };
const geoCache = {};
let figures = 0;

let scenarioCache = null;

/** Each scenario's state coordinates and the strategies, from list_scenarios (asked once a page). */
export async function scenarioInfo(conn) {
  if (!scenarioCache) scenarioCache = conn.request({ listScenarios: {} }).then((r) => r.scenarios);
  return scenarioCache;
}

/** A scenario's display name in the language on screen (its id when the server does not know it). */
export async function scenarioTitle(conn, scenarioId) {
  const list = await scenarioInfo(conn);
  const sc = (list.scenarios || []).find((x) => x.id === scenarioId);
  return sc ? local(sc.name, sc.nameKo) : scenarioId;
}

/** {state: {lat, lon}} for one scenario, or null when the server does not know it. */
export async function coordinates(conn, scenarioId) {
  const list = await scenarioInfo(conn);
  const sc = (list.scenarios || []).find((x) => x.id === scenarioId);
  if (!sc) return null;
  if (!INVENTED.has(scenarioId)) loadGeo('world');
  const out = {};
  for (const seat of sc.seats) out[seat.state] = { lat: seat.latitude || 0, lon: seat.longitude || 0 };
  return out;
}

/** A base map, decoded once: {box, land: [[[lon, lat]...]...], borders: [...]}, or null when it cannot be had. */
function loadGeo(name) {
  if (!geoCache[name]) {
    geoCache[name] = fetch(new URL(`../${GEO[name]}`, import.meta.url))
      .then((r) => (r.ok ? r.json() : null))
      .then((g) => g && decodeGeo(g))
      .catch(() => null);
  }
  return geoCache[name];
}

// The files keep each line as integers, 1/scale of a degree, each point a step from the one before.
function decodeGeo(g) {
  const dec = (flat) => {
    const out = [];
    let x = 0;
    let y = 0;
    for (let i = 0; i + 1 < flat.length; i += 2) {
      x += flat[i];
      y += flat[i + 1];
      out.push([x / g.scale, y / g.scale]);
    }
    return out;
  };
  return { box: g.box, land: g.land.map(dec), borders: g.borders.map(dec) };
}

/** Great-circle distance in km. */
function km(a, b) {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The size of the equirectangular box around some places (degrees, longitudes shrunk by the cosine of the mean latitude). */
function extent(pts) {
  const k = Math.cos((pts.reduce((a, p) => a + p.lat, 0) / pts.length) * (Math.PI / 180));
  const xs = pts.map((p) => p.lon * k);
  const ys = pts.map((p) => p.lat);
  return Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
}

/**
 * The states that go to the inset: one at a time, the state whose leaving shrinks the box around
 * the others most, while that box is more than 1.5 times smaller without it and the state is more
 * than 2,000 km from every other. At most three, and at most 40% of the states.
 */
export function farAway(ids, coords) {
  let main = ids.filter((id) => coords[id]);
  const far = [];
  while (main.length > 3 && far.length < 3 && far.length + 1 <= 0.4 * ids.length) {
    const whole = extent(main.map((id) => coords[id]));
    let best = null;
    for (const id of main) {
      const rest = main.filter((x) => x !== id);
      const ratio = whole / Math.max(extent(rest.map((x) => coords[x])), 0.5);
      const near = Math.min(...rest.map((x) => km(coords[id], coords[x])));
      if (ratio > 1.5 && near > 2000 && (!best || ratio > best.ratio)) best = { id, ratio };
    }
    if (!best) break;
    far.push(best.id);
    main = main.filter((x) => x !== best.id);
  }
  return far;
}

/**
 * An equirectangular projection (longitudes shrunk by the cosine of latitude `lat0`) fitting the
 * places into the rectangle, with at least minSpan degrees each way. xy({lat, lon}) -> {x, y};
 * ll(x, y) -> {lat, lon}.
 */
function fit(pts, lat0, rect, minSpan) {
  const k = Math.cos((lat0 * Math.PI) / 180);
  const xs = pts.map((p) => p.lon * k);
  const ys = pts.map((p) => -p.lat);
  let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (x1 - x0 < minSpan * k) [x0, x1] = [(x0 + x1) / 2 - (minSpan * k) / 2, (x0 + x1) / 2 + (minSpan * k) / 2];
  if (y1 - y0 < minSpan) [y0, y1] = [(y0 + y1) / 2 - minSpan / 2, (y0 + y1) / 2 + minSpan / 2];
  const scale = Math.min(rect.w / (x1 - x0), rect.h / (y1 - y0));
  const ox = rect.x + (rect.w - (x1 - x0) * scale) / 2 - x0 * scale;
  const oy = rect.y + (rect.h - (y1 - y0) * scale) / 2 - y0 * scale;
  return {
    xy: (c) => ({ x: ox + c.lon * k * scale, y: oy - c.lat * scale }),
    ll: (x, y) => ({ lon: (x - ox) / (k * scale), lat: -(y - oy) / scale }),
  };
}

const overlapArea = (a, b) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
const circleBox = (p, r) => ({ x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r });

/**
 * Screen positions. Without coordinates the states stand on a circle. With them, the far-away
 * states (farAway) go to an inset box in the corner that the others leave free (the frame is
 * narrowed when no corner is free), and the rest fill the frame. Returns {pos, H, far, proj, inset}:
 * proj projects the main frame, inset = {x, y, w, h, proj} or null.
 */
function layout(nations, coords, radius) {
  const pos = {};
  const ids = nations.map((n) => n.id);
  if (!coords) {
    const H = 340;
    nations.forEach((n, i) => {
      const a = (2 * Math.PI * i) / nations.length;
      pos[n.id] = { x: W / 2 + (W / 2 - PAD) * Math.cos(a), y: H / 2 + (H / 2 - PAD) * Math.sin(a) };
    });
    return { pos, H, far: [], proj: null, inset: null };
  }
  const at = (id) => coords[id] || { lat: 0, lon: 0 };
  const far = farAway(ids, coords);
  const main = ids.filter((id) => !far.includes(id));
  const mpts = main.map(at);
  const lat0 = mpts.reduce((a, p) => a + p.lat, 0) / mpts.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const xs = mpts.map((p) => p.lon * k);
  const ys = mpts.map((p) => p.lat);
  const w = Math.max(Math.max(...xs) - Math.min(...xs), 2.5 * k);
  const hh = Math.max(Math.max(...ys) - Math.min(...ys), 2.5);
  const H = Math.round(Math.max(220, Math.min(460, ((W - 2 * PAD) * hh) / w + 2 * PAD)));
  let rect = { x: PAD, y: PAD - 10, w: W - 2 * PAD, h: H - 2 * PAD };
  let proj = fit(mpts, lat0, rect, 2.5);
  const place = () => main.forEach((id) => { pos[id] = proj.xy(at(id)); });
  place();
  let inset = null;
  if (far.length) {
    const fpts = far.map(at);
    const west = fpts.reduce((a, p) => a + p.lon, 0) / fpts.length < mpts.reduce((a, p) => a + p.lon, 0) / mpts.length;
    const south = fpts.reduce((a, p) => a + p.lat, 0) / fpts.length < lat0;
    const m = 6;
    const corners = [[west, south], [west, !south], [!west, south], [!west, !south]].map(([l, b]) => ({
      x: l ? m : W - INSET_W - m, y: b ? H - INSET_H - m : m, w: INSET_W, h: INSET_H }));
    const busy = (c) => main.some((id) => overlapArea(circleBox(pos[id], radius[id] + 10), { x0: c.x, y0: c.y, x1: c.x + c.w, y1: c.y + c.h + 22 }) > 0);
    let box = corners.find((c) => !busy(c));
    if (!box) {
      // no free corner: the frame gives up a column on the far states' side
      rect = west ? { ...rect, x: rect.x + INSET_W, w: rect.w - INSET_W } : { ...rect, w: rect.w - INSET_W };
      proj = fit(mpts, lat0, rect, 2.5);
      place();
      box = corners[0];
    }
    const all = ids.map(at);
    const lat1 = all.reduce((a, p) => a + p.lat, 0) / all.length;
    const iproj = fit(all, lat1, { x: box.x + 14, y: box.y + 24, w: box.w - 28, h: box.h - 44 }, 10);
    for (const id of far) pos[id] = iproj.xy(at(id));
    inset = { ...box, proj: iproj };
  }
  return { pos, H, far, proj, inset };
}

/**
 * The map of a view. coords may be null: states then stand on a circle, and the caption says so.
 */
export function drawMap(view, coords, self) {
  const nations = view.nations || [];
  const fig = ++figures;
  const radius = {};
  const big = nations.length <= 6;
  for (const n of nations) radius[n.id] = big ? 10 + 30 * Math.sqrt(n.power || 0) : 6 + 20 * Math.sqrt(n.power || 0);
  const { pos, H, far, proj, inset } = layout(nations, coords, radius);
  for (const id of far) radius[id] = Math.min(radius[id], 8);
  const ids = nations.map((n) => n.id);
  const main = ids.filter((id) => !far.includes(id));
  const frame = { x0: 0, y0: 0, x1: W, y1: H };
  const insetBox = inset ? { x0: inset.x, y0: inset.y, x1: inset.x + inset.w, y1: inset.y + inset.h } : null;
  const insetInner = inset ? { x0: insetBox.x0 + 2, y0: insetBox.y0 + 18, x1: insetBox.x1 - 2, y1: insetBox.y1 - 14 } : null;
  separate(main, pos, radius, frame, insetBox, 6);
  if (inset) separate(far, pos, radius, insetInner, null, 6);
  const crises = (view.crises || []).filter((c) => pos[c.aggressor] && pos[c.target]);
  // each crisis target's warning mark, at the top right of its circle
  const markSpots = () => [...new Set(crises.map((c) => c.target))].map((id) => ({ x: pos[id].x + radius[id] * 0.7 + 8, y: pos[id].y - radius[id] * 0.7 - 2 }));
  const obstacles = () => markSpots().map((b) => ({ x0: b.x - 10, y0: b.y - 18, x1: b.x + 10, y1: b.y + 3 }));
  let { labels, stuck } = placeLabels(nations, pos, radius, far, frame, insetBox, obstacles());
  // a crowded map whose labels find no free place: the circles move farther apart, and again
  for (let gap = 14; stuck.length && gap <= 30; gap += 8) {
    separate(main, pos, radius, frame, insetBox, gap);
    if (inset) separate(far, pos, radius, insetInner, null, gap);
    ({ labels, stuck } = placeLabels(nations, pos, radius, far, frame, insetBox, obstacles()));
  }
  const alliances = view.alliances || [];
  const invented = INVENTED.has(view.scenario);
  const arrowId = `arrow-${fig}`;
  const crisisId = `arrow-crisis-${fig}`;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'map-title map-desc', class: 'map' },
    s('title', { id: 'map-title' }, t('map.title', { n: nations.length, turn: view.turn || '' })),
    s('defs', {},
      s('clipPath', { id: `map-clip-${fig}` }, s('rect', { x: 0, y: 0, width: W, height: H })),
      inset ? s('clipPath', { id: `inset-clip-${fig}` }, s('rect', { x: inset.x, y: inset.y + 19, width: inset.w, height: inset.h - 19 })) : null,
      s('marker', { id: arrowId, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' },
        s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' })),
      s('marker', { id: crisisId, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '4.5', markerHeight: '4.5', orient: 'auto' },
        s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead-crisis' }))));
  // the base map, once its file is here (drawn under everything else)
  const base = s('g', { class: 'base', 'clip-path': `url(#map-clip-${fig})`, 'aria-hidden': 'true' });
  const insetBase = inset ? s('g', { class: 'base', 'clip-path': `url(#inset-clip-${fig})`, 'aria-hidden': 'true' }) : null;
  svg.append(base);
  if (inset) {
    svg.append(s('g', { class: 'inset', 'aria-hidden': 'true' },
      s('rect', { x: inset.x, y: inset.y, width: inset.w, height: inset.h, class: 'inset-frame' }),
      insetBase,
      s('rect', { x: inset.x, y: inset.y, width: inset.w, height: inset.h, class: 'inset-edge' })));
  }
  if (proj && !invented) {
    const tl = proj.ll(0, 0);
    const br = proj.ll(W, H);
    const aegean = tl.lon >= 17 && br.lon <= 30.5 && br.lat >= 33.5 && tl.lat <= 43;
    loadGeo(aegean ? 'aegean' : 'world').then((g) => {
      if (!g) return;
      base.replaceChildren(
        s('path', { class: 'land', d: pathOf(g.land, proj.xy, frame, true), 'fill-rule': 'evenodd' }),
        s('path', { class: 'border', d: pathOf(g.borders, proj.xy, frame, false) }));
    });
    if (inset) {
      loadGeo('world').then((g) => {
        if (!g) return;
        const a = inset.proj.xy({ lon: tl.lon, lat: tl.lat });
        const b = inset.proj.xy({ lon: br.lon, lat: br.lat });
        insetBase.replaceChildren(
          s('path', { class: 'land', d: pathOf(g.land, inset.proj.xy, insetBox, true), 'fill-rule': 'evenodd' }),
          s('rect', { class: 'theatre', x: a.x, y: a.y, width: Math.max(2, b.x - a.x), height: Math.max(2, b.y - a.y) }));
      });
    }
  }
  alliances.forEach((a, ai) => {
    const m = a.members || [];
    for (let i = 0; i < m.length; i++) {
      for (let j = i + 1; j < m.length; j++) {
        const p = pos[m[i]];
        const q = pos[m[j]];
        if (p && q) {
          svg.append(s('line', { x1: p.x, y1: p.y, x2: q.x, y2: q.y, class: `alliance a${ai % 4}${isOffensive(a) ? ' offensive' : ''}`, 'stroke-width': 2 + 4 * (a.cohesion || 0), 'data-target': a.target || null },
            s('title', {}, t('map.allianceLine', { kind: kindWord(a), id: allianceName(a.id), target: a.target ? t('map.against', { target: a.target }) : '', members: m.join(', '), cohesion: num(a.cohesion) }))));
        }
      }
    }
  });
  for (const n of nations) {
    if (n.patron && pos[n.id] && pos[n.patron]) {
      const p = shorten(pos[n.patron], pos[n.id], radius[n.id]);
      const q = shorten(pos[n.id], pos[n.patron], radius[n.patron] + 2);
      svg.append(s('line', { x1: p.x, y1: p.y, x2: q.x, y2: q.y, class: 'client', 'marker-end': `url(#${arrowId})`, 'data-from': n.id, 'data-to': n.patron },
        s('title', {}, t('map.client', { state: n.id, patron: n.patron }) + (n.offensiveClient ? t('stanceText.offensive') : ''))));
    }
  }
  for (const c of crises) {
    // from the aggressor's edge to the target's, the arrowhead touching the target
    const p = shorten(pos[c.target], pos[c.aggressor], radius[c.aggressor]);
    const q = shorten(pos[c.aggressor], pos[c.target], radius[c.target] + 2);
    svg.append(s('line', { x1: p.x, y1: p.y, x2: q.x, y2: q.y, class: 'crisis', 'marker-end': `url(#${crisisId})`, 'data-from': c.aggressor, 'data-to': c.target },
      s('title', {}, t('map.crisis', { id: c.id, aggressor: c.aggressor, target: c.target, turn: c.resolvesTurn }))));
  }
  for (const m of markSpots()) svg.append(s('text', { x: m.x, y: m.y, class: 'crisis-mark', 'text-anchor': 'middle', 'aria-hidden': 'true' }, '⚠'));
  if (inset) {
    // the inset's heading over the lines that run into it
    svg.append(s('g', { class: 'inset', 'aria-hidden': 'true' },
      s('rect', { x: inset.x + 0.5, y: inset.y + 0.5, width: inset.w - 1, height: 18.5, class: 'inset-head' }),
      s('line', { x1: inset.x, y1: inset.y + 19, x2: inset.x + inset.w, y2: inset.y + 19, class: 'inset-rule' }),
      s('text', { x: inset.x + 6, y: inset.y + 14, class: 'inset-title' }, t('map.inset'))));
  }
  for (const n of nations) {
    const p = pos[n.id];
    const r = radius[n.id];
    const l = labels[n.id];
    const cls = ['state', n.id === self ? 'self' : '', n.active === false ? 'conquered' : '', n.revisionist ? 'revisionist' : '', far.includes(n.id) ? 'far' : ''].join(' ');
    svg.append(s('g', { class: cls, 'data-state': n.id },
      l.leader ? s('line', { class: 'leader', x1: l.leader.x1, y1: l.leader.y1, x2: l.leader.x2, y2: l.leader.y2 }) : null,
      s('circle', { cx: p.x, cy: p.y, r }),
      s('text', { x: l.x, y: l.y, 'text-anchor': 'middle', class: far.includes(n.id) ? 'small' : null }, n.id),
      s('title', {}, t('map.state', { name: local(n.name, (view.stateNamesKo || {})[n.id]), power: num(n.power, 3) }) + (n.active === false ? t('map.conquered') : ''))));
  }
  const desc = h('ul', { id: 'map-desc', class: 'map-desc' },
    alliances.map((a) => h('li', { class: 'alliance-item' }, t('map.allianceItem', { id: allianceName(a.id), kind: kindWord(a), target: a.target ? t('map.againstItem', { target: a.target }) : '', members: (a.members || []).join(', '), cohesion: num(a.cohesion) }))),
    nations.filter((n) => n.patron).map((n) => h('li', {}, t('map.client', { state: n.id, patron: n.patron }))),
    (view.crises || []).map((c) => h('li', { class: 'crisis-item' }, t('map.crisisItem', { id: c.id, aggressor: c.aggressor, target: c.target, turn: c.resolvesTurn }))),
    alliances.length + (view.crises || []).length === 0 && !nations.some((n) => n.patron) ? h('li', {}, t('map.nothing')) : null);
  // the legend's swatches are drawn with the lines' own classes, so they cannot differ from them
  const swatch = (...shapes) => s('svg', { class: 'swatch', viewBox: '0 0 32 12', width: 32, height: 12, 'aria-hidden': 'true' }, shapes);
  const key = (cls, shape, text) => h('span', { class: `key ${cls}` }, swatch(shape), ' ', text);
  const legend = h('p', { class: 'legend hint' },
    key('k-alliance', s('line', { x1: 2, y1: 6, x2: 30, y2: 6, class: 'alliance a0', 'stroke-width': 3 }), t('map.keyDefensive')), ' ',
    key('k-offensive', s('line', { x1: 2, y1: 6, x2: 30, y2: 6, class: 'alliance a0 offensive', 'stroke-width': 3 }), t('map.keyOffensive')), ' ',
    key('k-client', s('line', { x1: 2, y1: 6, x2: 24, y2: 6, class: 'client', 'marker-end': `url(#${arrowId})` }), t('map.keyClient')), ' ',
    key('k-crisis', s('line', { x1: 2, y1: 6, x2: 22, y2: 6, class: 'crisis', 'marker-end': `url(#${crisisId})` }), t('map.keyCrisis')),
    t('map.keySize'),
    far.length ? t('map.keyInset', { states: far.join(', ') }) : '',
    coords === null ? t('map.noPositions') : invented ? t('map.keyInvented') : '',
    coords !== null && !invented ? h('span', { class: 'key k-land' }, ' · ', swatch(s('rect', { x: 1, y: 1, width: 30, height: 10, class: 'land' }), s('line', { x1: 16, y1: 1, x2: 16, y2: 11, class: 'border' })), ' ', t('map.keyLand')) : null);
  return h('figure', { class: 'map-figure' }, svg, h('figcaption', {}, legend, desc));
}

/** An SVG path of lon/lat lines, projected; lines wholly outside the box are left out. */
function pathOf(lines, xy, box, closed) {
  const out = [];
  for (const line of lines) {
    const pts = line.map(([lon, lat]) => xy({ lon, lat }));
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of pts) {
      x0 = Math.min(x0, p.x);
      x1 = Math.max(x1, p.x);
      y0 = Math.min(y0, p.y);
      y1 = Math.max(y1, p.y);
    }
    if (x1 < box.x0 || x0 > box.x1 || y1 < box.y0 || y0 > box.y1) continue;
    out.push(`M${pts.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('L')}${closed ? 'Z' : ''}`);
  }
  return out.join('');
}

/**
 * Pushes apart states whose circles would overlap, a little at a time, so that neighbours stay
 * readable while keeping roughly their geographic places (`gap` px between circles); keeps them
 * inside the box and out of the box `avoid` (the inset).
 */
function separate(ids, pos, radius, box, avoid, gap) {
  for (let round = 0; round < 80; round++) {
    let moved = false;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const p = pos[ids[i]];
        const q = pos[ids[j]];
        const need = radius[ids[i]] + radius[ids[j]] + gap;
        let dx = q.x - p.x;
        let dy = q.y - p.y;
        let d = Math.hypot(dx, dy);
        if (d >= need) continue;
        if (d < 0.01) {
          dx = 1;
          dy = 0.5;
          d = Math.hypot(dx, dy);
        }
        const push = (need - d) / 2;
        p.x -= (dx / d) * push;
        p.y -= (dy / d) * push;
        q.x += (dx / d) * push;
        q.y += (dy / d) * push;
        moved = true;
      }
    }
    for (const id of ids) {
      const p = pos[id];
      const r = radius[id];
      p.x = Math.max(box.x0 + r + 4, Math.min(box.x1 - r - 4, p.x));
      p.y = Math.max(box.y0 + r + 4, Math.min(box.y1 - r - 4, p.y));
      if (avoid && overlapArea(circleBox(p, r + 2), avoid) > 0) {
        // out of the inset by the shorter way
        const left = avoid.x0 > 0 ? p.x - (avoid.x0 - r - 3) : Infinity;
        const right = avoid.x1 < W ? avoid.x1 + r + 3 - p.x : Infinity;
        const up = avoid.y0 > 0 ? p.y - (avoid.y0 - r - 3) : Infinity;
        const down = avoid.y1 < box.y1 ? avoid.y1 + r + 3 - p.y : Infinity;
        const best = Math.min(left, right, up, down);
        if (best === left) p.x -= left;
        else if (best === right) p.x += right;
        else if (best === up) p.y -= up;
        else p.y += down;
        moved = true;
      }
    }
    if (!moved) break;
  }
}

/**
 * Where each state's label goes: of the places around its circle (below first, then above, the
 * sides, the corners, then sixteen directions farther out with a thin leader line), the one
 * overlapping least the other labels, every circle, the crisis marks and the edges (main states'
 * labels also keep out of the inset, the inset's stay in it). Bigger states choose first; then, up
 * to three times, a label that still overlaps something chooses again among all the others.
 * Returns {id: {x, y (baseline), box, leader}}.
 */
function placeLabels(nations, pos, radius, far, frame, insetBox, obstacles) {
  const out = {};
  const order = [...nations].sort((a, b) => (b.power || 0) - (a.power || 0));
  const circles = nations.map((n) => ({ p: pos[n.id], r: radius[n.id] }));
  const near = [[0, 1], [0, -1], [1, 0], [-1, 0], [1, 1], [-1, 1], [1, -1], [-1, -1]].map(([x, y]) => Math.atan2(y, x));
  const around = Array.from({ length: 16 }, (_, i) => (i * Math.PI) / 8);
  const cost = (n, box, small, bounds) => {
    let c = 0;
    for (const [id, l] of Object.entries(out)) if (id !== n.id) c += 50 * overlapArea(box, l.box);
    for (const q of circles) c += 8 * circleOverlap(box, q.p, q.r);
    for (const o of obstacles) c += 8 * overlapArea(box, o);
    const w = box.x1 - box.x0;
    const hgt = box.y1 - box.y0;
    c += 50 * (w * hgt - overlapArea(box, { x0: bounds.x0 + 2, y0: bounds.y0 + 2, x1: bounds.x1 - 2, y1: bounds.y1 - 2 }));
    if (!small && insetBox) c += 50 * overlapArea(box, insetBox);
    return c;
  };
  const choose = (n) => {
    const p = pos[n.id];
    const r = radius[n.id];
    const small = far.includes(n.id);
    const size = small ? 11 : FONT;
    const hw = textWidth(n.id, size) / 2;
    const hh = (size * 1.18) / 2;
    const bounds = small ? insetBox : frame;
    let best = null;
    for (let ring = 0; ring <= 6; ring++) {
      const extra = ring * 9;
      (ring === 0 ? near : around).forEach((a, i) => {
        const ux = Math.cos(a);
        const uy = Math.sin(a);
        // far enough along the direction that the box clears the circle by 2 px (plus the ring)
        const d = r + 2 + extra + Math.min(Math.abs(ux) > 1e-9 ? hw / Math.abs(ux) : Infinity, Math.abs(uy) > 1e-9 ? hh / Math.abs(uy) : Infinity);
        const cx = p.x + ux * d;
        const cy = p.y + uy * d;
        const box = { x0: cx - hw, y0: cy - hh, x1: cx + hw, y1: cy + hh };
        const score = cost(n, box, small, bounds) + ring * 40 + i * 2;
        if (!best || score < best.score) best = { score, box, cx, extra, ux, uy };
      });
      if (best.score < 40 * (ring + 1)) break;
    }
    const leader = best.extra > 0 ? { x1: p.x + best.ux * r, y1: p.y + best.uy * r, x2: p.x + best.ux * (r + best.extra), y2: p.y + best.uy * (r + best.extra) } : null;
    // the baseline: the box holds the ascent and the descent (about a quarter of the size)
    out[n.id] = { x: best.cx, y: best.box.y1 - 0.25 * size, box: best.box, leader };
  };
  for (const n of order) choose(n);
  const stuck = () => order.filter((n) => cost(n, out[n.id].box, far.includes(n.id), far.includes(n.id) ? insetBox : frame) > 0.5);
  for (let pass = 0; pass < 3; pass++) {
    const left = stuck();
    if (!left.length) break;
    for (const n of left) choose(n);
  }
  return { labels: out, stuck: stuck().map((n) => n.id) };
}

/** How much a box and a circle overlap: 0 when apart, else about the depth times the box's short side. */
function circleOverlap(box, p, r) {
  const nx = Math.max(box.x0, Math.min(p.x, box.x1));
  const ny = Math.max(box.y0, Math.min(p.y, box.y1));
  const d = Math.hypot(nx - p.x, ny - p.y);
  return d >= r ? 0 : (r - d + 1) * Math.min(box.x1 - box.x0, box.y1 - box.y0);
}

/** The point `by` short of q on the way from p to q. */
function shorten(p, q, by) {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const d = Math.hypot(dx, dy) || 1;
  return { x: q.x - (dx / d) * by, y: q.y - (dy / d) * by };
}
