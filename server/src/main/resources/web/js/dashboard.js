// The games dashboard: every game this browser created (and, with the server's instructor key,
// every game the server knows), running or finished, with its console, replay and debrief. A game
// this browser holds no token of is opened with the key: the server makes a new instructor token
// for it (open_console; the key travels in the request, never in a URL), which is kept here like
// the token of a game created in this browser.
import { h, fill, field, say } from './dom.js';
import { links } from './links.js';
import { myGames, archiveGame, rememberGame, instructorKey, setInstructorKey } from './mygames.js';
import { scenarioInfo } from './map.js';
import { t, local } from './i18n.js';
import { engineText } from './i18n/engine.js';

function phaseWord(info) {
  if (!info) return t('games.notOnServer');
  if (info.phase === 'FINISHED') return info.finishedReason ? t('games.finishedWhy', { reason: engineText(info.finishedReason) }) : t('games.finished');
  if (info.phase === 'PAUSED') return t('games.paused');
  return t('games.running');
}

function when(ms) {
  const v = Number(ms || 0);
  if (!v) return '';
  const d = new Date(v);
  return `${d.toLocaleDateString()} ${d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
}

export async function dashboardPage(main, page) {
  const conn = page.connect();
  const status = h('p', { role: 'status', class: 'notice', id: 'dashboard-status' });
  const table = h('div', { id: 'games-table' });
  const showArchived = h('input', { type: 'checkbox', id: 'show-archived', onchange: () => load() });
  const keyInput = h('input', { type: 'password', id: 'instructor-key', autocomplete: 'off', value: instructorKey(),
    placeholder: t('games.keyPlaceholder') });
  const keyForm = h('form', { class: 'row', novalidate: true, onsubmit: (ev) => {
    ev.preventDefault();
    setInstructorKey(keyInput.value.trim());
    load();
  } }, field('instructor-key', t('games.keyLabel'), keyInput),
  h('button', { type: 'submit' }, t('games.useKey')));
  main.append(
    h('h1', {}, t('games.title')),
    h('p', {}, h('a', { href: '#/lobby', class: 'button primary', id: 'new-game' }, t('games.new')), ' ',
      t('games.intro')),
    status,
    h('div', { class: 'card' }, h('label', {}, showArchived, ' ', t('games.showArchived'))),
    table,
    h('section', { class: 'card' }, h('h2', {}, t('games.all')), keyForm));

  // scenarios by id, for their names in the language on screen (the id when the server has no such scenario)
  const scenarios = {};
  try {
    for (const s of (await scenarioInfo(conn)).scenarios || []) scenarios[s.id] = s;
  } catch (e) {
    // the ids are shown
  }
  const scenarioName = (id) => (scenarios[id] ? local(scenarios[id].name, scenarios[id].nameKo) : id);
  // a game named by the instructor keeps its name; an unnamed one carries its scenario's (English) name
  const gameName = (info, g, id) => {
    const name = (info && info.name) || (g && g.name) || '';
    const sc = Object.values(scenarios).find((s) => s.name === name);
    return sc ? local(sc.name, sc.nameKo) : name || id;
  };

  // A game of another browser: a new instructor token by the key, then its console, replay or debrief.
  async function open(info, where) {
    const name = gameName(info, null, info.gameId);
    say(status, t('games.opening', { game: name }));
    try {
      const key = instructorKey();
      if (!key) throw new Error(t('games.keyNeeded'));
      const reply = await conn.request({ openConsole: { gameId: info.gameId, instructorKey: key } });
      const token = reply.joined.token;
      rememberGame(info.gameId, token, info.name || '');
      location.href = links(info.gameId, token)[where];
    } catch (e) {
      say(status, t('games.openFailed', { game: name, detail: e.detail || e.message }), 'error');
    }
  }

  async function load() {
    const mine = myGames();
    const key = instructorKey();
    let keyed = !!key; // false once the server refused the key: other browsers' games are then left out
    let infos = [];
    try {
      const req = { instructorTokens: mine.map((g) => g.token) };
      if (key) req.instructorKey = key;
      infos = (await conn.request({ listGames: req })).games.games || [];
      // an accepted key: a refusal said earlier (a mistyped key) no longer holds
      if (key && status.textContent && status.className.includes('error')) say(status, '');
    } catch (e) {
      if (key && e.code === 'FORBIDDEN') {
        say(status, t('games.keyRefused', { detail: e.detail }), 'error');
        setInstructorKey('');
        keyed = false;
        infos = (await conn.request({ listGames: { instructorTokens: mine.map((g) => g.token) } })).games.games || [];
      } else {
        say(status, e.message, 'error');
      }
    }
    const byId = new Map(infos.map((i) => [i.gameId, i]));
    const rows = [];
    for (const g of mine) {
      if (g.archived && !showArchived.checked) continue;
      rows.push({ mine: g, info: byId.get(g.gameId) });
      byId.delete(g.gameId);
    }
    // games the key shows that this browser did not create (their tokens are not here)
    if (keyed) for (const info of byId.values()) rows.push({ mine: null, info });
    if (!rows.length) {
      fill(table, h('p', { class: 'card' }, mine.length ? t('games.allArchived') : t('games.none')));
      return;
    }
    const heads = [t('games.game'), t('games.scenario'), t('games.turn'), t('games.state'), t('games.created'), ''];
    fill(table, h('div', { class: 'card scroll' }, h('table', { class: 'games' },
      h('thead', {}, h('tr', {}, heads.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.map(({ mine: g, info }) => {
        const id = g ? g.gameId : info.gameId;
        const l = g ? links(id, g.token) : null;
        return h('tr', { 'data-game': id, class: info && info.phase === 'FINISHED' ? 'finished' : '' },
          h('th', { scope: 'row' }, gameName(info, g, id), h('br'), h('code', {}, id)),
          h('td', {}, info ? scenarioName(info.scenario) : ''),
          h('td', {}, info ? t('games.turnOf', { turn: info.turn || 0, turns: info.turns || 0 }) : ''),
          h('td', { class: 'game-phase' }, phaseWord(info)),
          h('td', {}, when(info && info.createdEpochMs)),
          h('td', { class: 'buttons' },
            l && info ? [
              h('a', { href: l.instructor, class: 'button', 'data-action': 'console' }, info.phase === 'FINISHED' ? t('games.console') : t('games.reopen')),
              h('a', { href: l.replay, class: 'button', 'data-action': 'replay' }, t('games.replay')),
              h('a', { href: l.debrief, class: 'button', 'data-action': 'debrief' }, t('games.debrief')),
            ] : g ? h('span', { class: 'hint' }, '') : [
              h('span', { class: 'hint' }, t('games.elsewhere')), ' ',
              h('button', { type: 'button', 'data-action': 'open-console', onclick: () => open(info, 'instructor') }, t('games.openConsole')),
              h('button', { type: 'button', 'data-action': 'open-replay', onclick: () => open(info, 'replay') }, t('games.replay')),
              h('button', { type: 'button', 'data-action': 'open-debrief', onclick: () => open(info, 'debrief') }, t('games.debrief')),
            ],
            g ? h('button', { type: 'button', 'data-action': 'archive', onclick: () => { archiveGame(id, !g.archived); load(); } },
              g.archived ? t('games.unarchive') : t('games.archive')) : null));
      })))));
  }
  await load();
  page.every(5000, () => load().catch(() => {}));
}
