// The map of states: positions from their coordinates, alliances and client links drawn, crises
// marked. Drawn as SVG with a text description for screen readers.
import { h, s, num } from './dom.js';
import { isOffensive, kindWord, allianceName } from './explain.js';
import { t, local } from './i18n.js';

const W = 600;
const PAD = 50;

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
  const out = {};
  for (const seat of sc.seats) out[seat.state] = { lat: seat.latitude || 0, lon: seat.longitude || 0 };
  return out;
}

/**
 * Screen positions: an equirectangular projection fitted to the width, the height following the
 * map's shape within limits (a circle when positions are unknown). Returns {pos, H}.
 */
function layout(nations, coords) {
  const pos = {};
  if (!coords) {
    const H = 340;
    nations.forEach((n, i) => {
      const a = (2 * Math.PI * i) / nations.length;
      pos[n.id] = { x: W / 2 + (W / 2 - PAD) * Math.cos(a), y: H / 2 + (H / 2 - PAD) * Math.sin(a) };
    });
    return { pos, H };
  }
  const pts = nations.map((n) => coords[n.id] || { lat: 0, lon: 0 });
  const meanLat = pts.reduce((a, p) => a + p.lat, 0) / pts.length;
  const k = Math.cos((meanLat * Math.PI) / 180);
  const xs = pts.map((p) => p.lon * k);
  const ys = pts.map((p) => -p.lat);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const H = Math.round(Math.max(160, Math.min(420, ((W - 2 * PAD) * (y1 - y0)) / (x1 - x0 || 1) + 2 * PAD)));
  const scale = Math.min((W - 2 * PAD) / (x1 - x0 || 1), (H - 2 * PAD) / (y1 - y0 || 1));
  const cx = (W - (x1 - x0) * scale) / 2;
  const cy = (H - (y1 - y0) * scale) / 2;
  nations.forEach((n, i) => {
    pos[n.id] = { x: cx + (xs[i] - x0) * scale, y: cy + (ys[i] - y0) * scale };
  });
  return { pos, H };
}

/**
 * The map of a view. coords may be null: states then stand on a circle, and the caption says so.
 */
export function drawMap(view, coords, self) {
  const nations = view.nations || [];
  const { pos, H } = layout(nations, coords);
  const radius = {};
  const big = nations.length <= 6;
  for (const n of nations) radius[n.id] = big ? 10 + 30 * Math.sqrt(n.power || 0) : 6 + 20 * Math.sqrt(n.power || 0);
  separate(nations.map((n) => n.id), pos, radius, H);
  const alliances = view.alliances || [];
  const crises = view.crises || [];
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'map-title map-desc', class: 'map' },
    s('title', { id: 'map-title' }, t('map.title', { n: nations.length, turn: view.turn || '' })),
    s('defs', {},
      s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' },
        s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' })),
      s('marker', { id: 'arrow-crisis', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto' },
        s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead-crisis' }))));
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
      const p = pos[n.id];
      const q = shorten(p, pos[n.patron], 22);
      svg.append(s('line', { x1: p.x, y1: p.y, x2: q.x, y2: q.y, class: 'client', 'marker-end': 'url(#arrow)' },
        s('title', {}, t('map.client', { state: n.id, patron: n.patron }) + (n.offensiveClient ? t('stanceText.offensive') : ''))));
    }
  }
  for (const c of crises) {
    const p = pos[c.aggressor];
    const tp = pos[c.target];
    if (p && tp) {
      const q = shorten(p, tp, 24);
      svg.append(s('line', { x1: p.x, y1: p.y, x2: q.x, y2: q.y, class: 'crisis', 'marker-end': 'url(#arrow-crisis)' },
        s('title', {}, t('map.crisis', { id: c.id, aggressor: c.aggressor, target: c.target, turn: c.resolvesTurn }))));
      svg.append(s('text', { x: tp.x + 16, y: tp.y - 16, class: 'crisis-mark', 'aria-hidden': 'true' }, '⚠'));
    }
  }
  for (const n of nations) {
    const p = pos[n.id];
    const r = radius[n.id];
    const cls = ['state', n.id === self ? 'self' : '', n.active === false ? 'conquered' : '', n.revisionist ? 'revisionist' : ''].join(' ');
    svg.append(s('g', { class: cls, 'data-state': n.id },
      s('circle', { cx: p.x, cy: p.y, r }),
      s('text', { x: p.x, y: p.y + r + 14, 'text-anchor': 'middle' }, n.id),
      s('title', {}, t('map.state', { name: local(n.name, (view.stateNamesKo || {})[n.id]), power: num(n.power, 3) }) + (n.active === false ? t('map.conquered') : ''))));
  }
  const desc = h('ul', { id: 'map-desc', class: 'map-desc' },
    alliances.map((a) => h('li', { class: 'alliance-item' }, t('map.allianceItem', { id: allianceName(a.id), kind: kindWord(a), target: a.target ? t('map.againstItem', { target: a.target }) : '', members: (a.members || []).join(', '), cohesion: num(a.cohesion) }))),
    nations.filter((n) => n.patron).map((n) => h('li', {}, t('map.client', { state: n.id, patron: n.patron }))),
    crises.map((c) => h('li', { class: 'crisis-item' }, t('map.crisisItem', { id: c.id, aggressor: c.aggressor, target: c.target, turn: c.resolvesTurn }))),
    alliances.length + crises.length === 0 && !nations.some((n) => n.patron) ? h('li', {}, t('map.nothing')) : null);
  const legend = h('p', { class: 'legend hint' },
    h('span', { class: 'key k-alliance' }, t('map.keyDefensive')), ' ', h('span', { class: 'key k-offensive' }, t('map.keyOffensive')), ' ',
    h('span', { class: 'key k-client' }, t('map.keyClient')), ' ',
    h('span', { class: 'key k-crisis' }, t('map.keyCrisis')), t('map.keySize'),
    coords === null ? t('map.noPositions') : '');
  return h('figure', { class: 'map-figure' }, svg, h('figcaption', {}, legend, desc));
}

/**
 * Pushes apart states whose circles (and labels) would overlap, a little at a time, so that
 * neighbours stay readable while keeping roughly their geographic places.
 */
function separate(ids, pos, radius, H) {
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const p = pos[ids[i]];
        const q = pos[ids[j]];
        const need = radius[ids[i]] + radius[ids[j]] + 16;
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
      pos[id].x = Math.max(radius[id] + 4, Math.min(W - radius[id] - 4, pos[id].x));
      pos[id].y = Math.max(radius[id] + 4, Math.min(H - radius[id] - 18, pos[id].y));
    }
    if (!moved) break;
  }
}

function shorten(p, q, by) {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const d = Math.hypot(dx, dy) || 1;
  return { x: q.x - (dx / d) * by, y: q.y - (dy / d) * by };
}
