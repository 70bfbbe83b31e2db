// The standing ladder (serve --ladder): every entrant's rating with its 95% interval, drawn as a
// bar, and the latest rated games with links to their turn-by-turn records; #/ladder/NAME shows
// one entrant's games. Refreshed every 10 seconds. Its texts are the dictionaries' 'ladder.' keys.
import { h, fill, say, num } from './dom.js';
import { t, lang } from './i18n.js';
import { engineText } from './i18n/engine.js';

/** The page's text for key ('ladder.KEY'), with {name} parameters filled in. */
function tr(key, params = {}) {
  return t(`ladder.${key}`, params);
}

function signed(x) {
  return (x >= 0 ? '+' : '') + num(x, 2);
}

// The interval as a bar on a common scale from lo to hi, the mean as a tick.
function bar(e, lo, hi) {
  const w = 200;
  const x = (v) => ((v - lo) / (hi - lo || 1)) * w;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', String(w));
  svg.setAttribute('height', '14');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${signed(e.low || 0)} .. ${signed(e.high || 0)}`);
  const r = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  r.setAttribute('x', String(x(e.low || 0)));
  r.setAttribute('y', '4');
  r.setAttribute('width', String(Math.max(1, x(e.high || 0) - x(e.low || 0))));
  r.setAttribute('height', '6');
  r.setAttribute('fill', e.remote ? '#2b6cb0' : '#718096');
  const m = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  m.setAttribute('x', String(x(e.mean || 0) - 1));
  m.setAttribute('y', '1');
  m.setAttribute('width', '2');
  m.setAttribute('height', '12');
  m.setAttribute('fill', '#1a202c');
  svg.append(r, m);
  return svg;
}

function standings(entries) {
  const lo = Math.min(...entries.map((e) => e.low || 0));
  const hi = Math.max(...entries.map((e) => e.high || 0));
  return h('table', { id: 'ladder-standings' },
    h('thead', {}, h('tr', {}, ...['rank', 'entrant', 'kind', 'rating', 'interval', 'games', 'score'].map((k) => h('th', { scope: 'col' }, tr(k))))),
    h('tbody', {}, ...entries.map((e, i) => h('tr', { 'data-entrant': e.name },
      h('td', {}, String(i + 1)),
      h('td', {}, h('a', { href: `#/ladder/${encodeURIComponent(e.name)}` }, e.name)),
      h('td', {}, e.remote ? `${tr('remote')} (${e.connections ? tr('online', { n: e.connections }) : tr('offline')})` : tr('builtin')),
      h('td', { class: 'num' }, signed(e.mean || 0)),
      h('td', {}, bar(e, lo, hi), ` [${signed(e.low || 0)}, ${signed(e.high || 0)}]`),
      h('td', { class: 'num' }, String(e.games || 0)),
      h('td', { class: 'num' }, num(e.meanScore || 0, 1))))));
}

function games(list) {
  if (!list.length) return h('p', {}, tr('noGames'));
  return h('table', { id: 'ladder-games' },
    h('thead', {}, h('tr', {}, ...['game', 'scenario', 'ended', 'seats', 'replay'].map((k) => h('th', { scope: 'col' }, tr(k))))),
    h('tbody', {}, ...list.map((g) => h('tr', {},
      h('td', { class: 'num' }, String(g.number)),
      h('td', {}, g.scenario),
      h('td', {}, new Date(Number(g.endedMillis || 0)).toLocaleString(lang() === 'ko' ? 'ko-KR' : 'en-GB')),
      h('td', {}, (g.seats || []).map((s) => `${s.entrant} ${num(s.score || 0, 1)} (${signed((s.meanAfter || 0) - (s.meanBefore || 0))})`).join(' · ')),
      h('td', {}, h('a', { href: g.replayUrl, class: 'replay-link' }, tr('replay')))))));
}

export async function ladderPage(main, page, entrant) {
  const conn = page.connect();
  const status = h('p', { role: 'status', id: 'ladder-status', class: 'notice' });
  const body = h('div', { id: 'ladder' });
  // the header's language switch redraws the page (app.js)
  main.append(h('div', { class: 'card' }, h('h1', {}, tr('title')), h('p', {}, tr('intro'))), status, body);
  let last = null;

  function draw() {
    if (!last) return;
    fill(body,
      entrant ? h('p', {}, h('a', { href: '#/ladder' }, tr('all'))) : null,
      standings(last.entries || []),
      h('h2', {}, entrant ? tr('recentOf', { name: entrant }) : tr('recent')),
      games(last.games || []));
    say(status, tr('status', {
      games: last.gamesRated || 0,
      measured: num(last.cpuMeasured || 0, 3),
      share: num(last.cpuShare || 0, 2),
      status: engineText(last.status || ''),
    }), 'ok');
  }

  async function load() {
    try {
      const reply = await conn.request({ getLadder: { entrant: entrant || '', recent: 30 } });
      last = reply.ladder;
      draw();
    } catch (e) {
      say(status, e.code === 'UNKNOWN_MESSAGE' ? tr('none') : tr('failed', { msg: e.message }), 'error');
    }
  }

  await load();
  page.every(10000, load);
}
