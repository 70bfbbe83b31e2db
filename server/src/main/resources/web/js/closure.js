// What a student sees when the game is over: the final standings, the own score with its
// components, and links to the own replay and the own part of the debrief (what the seat did and
// what came of it, turn by turn).
import { h, num, pct } from './dom.js';
import { stanceText } from './panels.js';

const COMPONENTS = [
  ['survival', 'Survival'], ['security', 'Security'], ['autonomy', 'Autonomy'], ['power', 'Power'], ['objectives', 'Objectives'],
];

/** The closing card for a seat's FINISHED view. */
export function closurePanel(view, token, nameOf) {
  const scores = [...(view.finalScores || [])].sort((a, b) => Number(b.total || 0) - Number(a.total || 0));
  const mine = scores.find((s) => s.state === view.self);
  const rank = mine ? scores.indexOf(mine) + 1 : 0;
  return h('div', { class: 'closure', id: 'closure' },
    h('p', { class: 'notice ok' }, 'The game is over: orders are closed.'),
    mine ? h('p', { id: 'my-score' }, h('strong', {}, `Your score: ${num(mine.total, 1)} of 100`),
      ` (${nameOf(view.self)} ranks ${rank} of ${scores.length}).`) : null,
    mine ? h('table', { class: 'kv', id: 'my-components' }, h('caption', {}, 'Your score, part by part'),
      h('tbody', {}, COMPONENTS.map(([k, label]) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, pct(mine[k])))))) : null,
    scores.length ? h('table', { class: 'standings', id: 'final-standings' }, h('caption', {}, 'Final standings'),
      h('thead', {}, h('tr', {}, ['#', 'State', 'Score'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, scores.map((s, i) => h('tr', { class: s.state === view.self ? 'mine' : '', 'data-state': s.state },
        h('td', {}, String(i + 1)), h('th', { scope: 'row' }, nameOf(s.state)), h('td', {}, num(s.total, 1)))))) : null,
    h('p', {}, h('a', { href: `#/replay/${token}`, id: 'my-replay' }, 'Replay the game as you saw it'), ' · ',
      h('a', { href: '#my-debrief', id: 'my-debrief-link' }, 'Your debrief')));
}

/**
 * The seat's own part of the debrief: each turn's stance and what came of it, as the seat learnt
 * it (read with the seat's own token, so nothing of other seats' secrets).
 */
export async function myDebrief(conn, token, nameOf) {
  const turns = [];
  await conn.stream({ replay: { token, fromTurn: 1, toTurn: 0 } }, (msg) => {
    if (msg.replayed) turns.push(msg.replayed);
  });
  const self = turns.length ? turns[0].view.self : '';
  return h('section', { class: 'card', id: 'my-debrief', 'aria-labelledby': 'my-debrief-h' },
    h('h2', { id: 'my-debrief-h', tabindex: '-1' }, 'Your debrief: what you did and what came of it'),
    turns.length ? h('div', { class: 'scroll' }, h('table', { class: 'my-turns' },
      h('thead', {}, h('tr', {}, ['Turn', 'Your stance', 'What happened'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, turns.map((t) => {
        const r = t.resolved || {};
        const own = (r.stances || []).find((s) => s.state === self);
        return h('tr', {},
          h('th', { scope: 'row' }, `${t.turn}${r.turnLabel ? ` (${r.turnLabel})` : ''}`),
          h('td', {}, own ? stanceText(own.stance) : '—'),
          h('td', {}, h('ul', {}, (r.outcomes || []).map((o) => h('li', {}, `${o.code}: ${o.reason || ''}`)))));
      })))) : h('p', {}, 'No turn was played.'),
    h('p', { class: 'hint' }, `Names: ${[...new Set(turns.flatMap((t) => ((t.resolved || {}).stances || []).map((s) => s.state)))].map((id) => `${id} = ${nameOf(id)}`).join(', ')}`));
}
