// The games dashboard: every game this browser created (and, with the server's instructor key,
// every game the server knows), running or finished, with its console, replay and debrief.
import { h, fill, field, say } from './dom.js';
import { links } from './links.js';
import { myGames, archiveGame, instructorKey, setInstructorKey } from './mygames.js';

function phaseWord(info) {
  if (!info) return 'not on this server';
  if (info.phase === 'FINISHED') return `finished${info.finishedReason ? ` (${info.finishedReason})` : ''}`;
  if (info.phase === 'PAUSED') return 'running, paused';
  return 'running';
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
    placeholder: 'printed by entente serve at start' });
  const keyForm = h('form', { class: 'row', novalidate: true, onsubmit: (ev) => {
    ev.preventDefault();
    setInstructorKey(keyInput.value.trim());
    load();
  } }, field('instructor-key', "Server's instructor key (optional: lists every game on this server)", keyInput),
  h('button', { type: 'submit' }, 'Use the key'));
  main.append(
    h('h1', {}, 'Your games'),
    h('p', {}, h('a', { href: '#/lobby', class: 'button primary', id: 'new-game' }, 'New game'), ' ',
      'Every game created in this browser is listed here, running or finished, and stays listed after the server restarts.'),
    status,
    h('div', { class: 'card' }, h('label', {}, showArchived, ' Show archived games')),
    table,
    h('section', { class: 'card' }, h('h2', {}, 'All games on this server'), keyForm));

  async function load() {
    const mine = myGames();
    const key = instructorKey();
    let infos = [];
    try {
      const req = { instructorTokens: mine.map((g) => g.token) };
      if (key) req.instructorKey = key;
      infos = (await conn.request({ listGames: req })).games.games || [];
    } catch (e) {
      if (key && e.code === 'FORBIDDEN') {
        say(status, `The instructor key was refused (${e.detail}); listing this browser's games only.`, 'error');
        setInstructorKey('');
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
    if (key) for (const info of byId.values()) rows.push({ mine: null, info });
    if (!rows.length) {
      fill(table, h('p', { class: 'card' }, mine.length ? 'Every game is archived.' : 'No game yet: create one with "New game".'));
      return;
    }
    fill(table, h('div', { class: 'card scroll' }, h('table', { class: 'games' },
      h('thead', {}, h('tr', {}, ['Game', 'Scenario', 'Turn', 'State', 'Created', ''].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.map(({ mine: g, info }) => {
        const id = g ? g.gameId : info.gameId;
        const l = g ? links(id, g.token) : null;
        return h('tr', { 'data-game': id, class: info && info.phase === 'FINISHED' ? 'finished' : '' },
          h('th', { scope: 'row' }, (info && info.name) || (g && g.name) || id, h('br'), h('code', {}, id)),
          h('td', {}, info ? info.scenario : ''),
          h('td', {}, info ? `turn ${info.turn || 0} of ${info.turns || 0}` : ''),
          h('td', { class: 'game-phase' }, phaseWord(info)),
          h('td', {}, when(info && info.createdEpochMs)),
          h('td', { class: 'buttons' },
            l && info ? [
              h('a', { href: l.instructor, class: 'button', 'data-action': 'console' }, info.phase === 'FINISHED' ? 'Console' : 'Reopen the console'),
              h('a', { href: l.replay, class: 'button', 'data-action': 'replay' }, 'Replay'),
              h('a', { href: l.debrief, class: 'button', 'data-action': 'debrief' }, 'Debrief'),
            ] : h('span', { class: 'hint' }, g ? '' : 'created in another browser'),
            g ? h('button', { type: 'button', 'data-action': 'archive', onclick: () => { archiveGame(id, !g.archived); load(); } },
              g.archived ? 'Unarchive' : 'Archive') : null));
      })))));
  }
  await load();
  page.every(5000, () => load().catch(() => {}));
}
