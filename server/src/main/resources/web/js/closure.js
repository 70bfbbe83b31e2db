// What a student sees when the game is over: the final standings, the own score with its
// components, and links to the own replay and the own part of the debrief (what the seat did and
// what came of it, turn by turn).
import { h, num, pct } from './dom.js';
import { stanceText, labelOf } from './panels.js';
import { codeName } from './explain.js';
import { t } from './i18n.js';
import { engineText } from './i18n/engine.js';

const COMPONENTS = ['survival', 'security', 'autonomy', 'power', 'objectives'];

/** The closing card for a seat's FINISHED view. */
export function closurePanel(view, token, nameOf) {
  const scores = [...(view.finalScores || [])].sort((a, b) => Number(b.total || 0) - Number(a.total || 0));
  const mine = scores.find((s) => s.state === view.self);
  const rank = mine ? scores.indexOf(mine) + 1 : 0;
  return h('div', { class: 'closure', id: 'closure' },
    h('p', { class: 'notice ok' }, t('closure.over')),
    mine ? h('p', { id: 'my-score' }, h('strong', {}, t('closure.myScore', { score: num(mine.total, 1) })),
      t('closure.rank', { name: nameOf(view.self), rank, of: scores.length })) : null,
    mine ? h('table', { class: 'kv', id: 'my-components' }, h('caption', {}, t('closure.components')),
      h('tbody', {}, COMPONENTS.map((k) => h('tr', {}, h('th', { scope: 'row' }, t(`closure.${k}`)), h('td', {}, pct(mine[k])))))) : null,
    scores.length ? h('table', { class: 'standings', id: 'final-standings' }, h('caption', {}, t('closure.standings')),
      h('thead', {}, h('tr', {}, ['#', t('common.state'), t('closure.score')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, scores.map((s, i) => h('tr', { class: s.state === view.self ? 'mine' : '', 'data-state': s.state },
        h('td', {}, String(i + 1)), h('th', { scope: 'row' }, nameOf(s.state)), h('td', {}, num(s.total, 1)))))) : null,
    h('p', {}, h('a', { href: `#/replay/${token}`, id: 'my-replay' }, t('closure.replay')), ' · ',
      h('a', { href: '#my-debrief', id: 'my-debrief-link' }, t('closure.debriefLink'))));
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
  const ids = [...new Set(turns.flatMap((x) => ((x.resolved || {}).stances || []).map((s) => s.state)))];
  return h('section', { class: 'card', id: 'my-debrief', 'aria-labelledby': 'my-debrief-h' },
    h('h2', { id: 'my-debrief-h', tabindex: '-1' }, t('closure.debriefTitle')),
    turns.length ? h('div', { class: 'scroll' }, h('table', { class: 'my-turns' },
      h('thead', {}, h('tr', {}, [t('closure.turn'), t('closure.yourStance'), t('closure.happened')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, turns.map((x) => {
        const r = x.resolved || {};
        const own = (r.stances || []).find((s) => s.state === self);
        return h('tr', {},
          h('th', { scope: 'row' }, `${x.turn}${labelOf(x.turn, r.turnLabel)}`),
          h('td', {}, own ? stanceText(own.stance) : '—'),
          h('td', {}, h('ul', {}, (r.outcomes || []).map((o) => h('li', {}, `${codeName(o.code)}: ${engineText(o.reason || '')}`)))));
      })))) : h('p', {}, t('closure.noTurn')),
    h('p', { class: 'hint' }, t('closure.names', { names: ids.map((id) => `${id} = ${nameOf(id)}`).join(', ') })));
}
