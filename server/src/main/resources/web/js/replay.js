// Replay: a timeline over the turns played, seen as the token's role (the instructor may choose
// any role), with the instructor's notes, a what-if branch and a comparison of two games.
import { h, fill, field, select, say, section, num, pct } from './dom.js';
import { drawMap, coordinates } from './map.js';
import { namer, heatmap, results, threatRow, capabilities, labelOf, alliancesTable, pressItem } from './panels.js';
import { links } from './links.js';
import { t } from './i18n.js';
import { engineText } from './i18n/engine.js';
import { scenarioTitle } from './map.js';

export async function replayPage(main, page, token) {
  const conn = page.connect();
  const header = h('div', { class: 'card' }, h('h1', {}, t('replay.title')));
  const status = h('p', { role: 'status', id: 'replay-status', class: 'notice' });
  const controls = h('div', { class: 'card timeline' });
  const shown = h('div', { id: 'replay-turn' });
  const tools = h('div');
  main.append(header, status, controls, shown, tools);

  let turns = [];
  let at = 0;
  let coords;
  let role = '';
  let as = '';

  async function load() {
    const got = [];
    say(status, t('replay.loading'));
    const body = { token, fromTurn: 1, toTurn: 0 };
    if (as === '*observer') body.asObserver = true;
    else if (as) body.asState = as;
    try {
      await conn.stream({ replay: body }, (m) => got.push(m.replayed));
    } catch (e) {
      say(status, t('replay.none', { message: e.message }), 'error');
      return false;
    }
    turns = got;
    say(status, t('replay.played', { n: turns.length }), 'ok');
    return true;
  }

  function seeAs() {
    const v = turns[0].view;
    return v.role === 'SEAT' ? t('replay.asSeat', { state: v.self }) : v.role === 'OBSERVER' ? t('replay.asObserver') : t('replay.asInstructor');
  }

  function show(i) {
    at = Math.max(0, Math.min(turns.length - 1, i));
    const tu = turns[at];
    const v = tu.view;
    const nameOf = namer(v);
    const range = controls.querySelector('#timeline');
    if (range) range.value = String(at + 1);
    const label = controls.querySelector('#timeline-label');
    if (label) label.textContent = t('replay.label', { turn: tu.turn, n: turns.length, label: labelOf(tu.turn, v.turnLabel), as: seeAs() });
    const ids = (v.nations || []).map((n) => n.id);
    const omni = v.omniscient;
    fill(shown, h('div', { class: 'grid' },
      h('div', { class: 'col' },
        section('r-map', t('replay.map', { turn: tu.turn }), drawMap(v, coords, v.self || '')),
        section('r-alliances', t('replay.alliances', { turn: tu.turn }), alliancesTable(v, nameOf, v.self || '')),
        v.role === 'SEAT' ? section('r-threats', t('replay.threats', { state: v.self }), threatRow(v, nameOf), capabilities((v.nations || []).find((n) => n.id === v.self) || {})) : null,
        omni ? section('r-omni', t('replay.everything'), heatmap(t('replay.threatMatrix'), omni.threat || [], ids, nameOf),
          heatmap(t('replay.intent'), omni.intent || [], ids, nameOf, (x) => num(x, 2)),
          h('p', {}, t('replay.coverage'), ids.map((id, k) => `${id} ${pct((omni.coverage || [])[k])}`).join(' · '))) : null),
      h('div', { class: 'col' },
        section('r-results', t('replay.what', { turn: tu.turn }), results(tu.resolved || {}, nameOf, t('results.title', { turn: tu.turn, label: '' })),
          h('p', { class: 'hint' }, t('replay.hash', { hash: (tu.resolved || {}).stateHash || '' }))),
        section('r-messages', t('replay.messages', { turn: tu.turn }), (v.messages || []).length
          ? h('ol', { id: 'replay-messages', class: 'press-list' }, v.messages.map((p) => pressItem(p, v.self || '')))
          : h('p', {}, t('replay.noMessages'))),
        section('r-notes', t('replay.notes'), (tu.annotations || []).length
          ? h('ul', { id: 'replay-notes' }, tu.annotations.map((a) => h('li', {}, `${a.author === 'instructor' ? t('press.instructor') : a.author}: ${a.text}`)))
          : h('p', {}, t('replay.noNotes'))))));
  }

  function timeline() {
    const range = h('input', { type: 'range', id: 'timeline', min: '1', max: String(turns.length), step: '1', value: String(at + 1) });
    range.addEventListener('input', () => show(Number(range.value) - 1));
    fill(controls,
      h('label', { for: 'timeline' }, t('replay.timeline')),
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'replay-first', onclick: () => show(0) }, t('replay.first')),
        h('button', { type: 'button', id: 'replay-prev', onclick: () => show(at - 1) }, t('replay.prev')),
        range,
        h('button', { type: 'button', id: 'replay-next', onclick: () => show(at + 1) }, t('replay.next')),
        h('button', { type: 'button', id: 'replay-last', onclick: () => show(turns.length - 1) }, t('replay.last'))),
      h('p', { id: 'timeline-label', 'aria-live': 'polite' }));
  }

  if (!(await load()) || !turns.length) return;
  const v0 = turns[0].view;
  role = v0.role;
  const scTitle = await scenarioTitle(conn, v0.scenario);
  fill(header, h('h1', {}, t('replay.of', { game: v0.gameId })), h('p', {}, t('replay.sub', { scenario: scTitle, n: turns.length }),
    role === 'INSTRUCTOR' ? h('a', { href: links(v0.gameId, token).instructor }, t('common.backConsole')) : h('a', { href: `#/seat/${token}` }, t('replay.backSeat'))));
  coords = await coordinates(conn, v0.scenario);
  timeline();
  show(turns.length - 1);
  if (role === 'INSTRUCTOR') instructorTools(v0);

  function instructorTools(v) {
    const nameOf = namer(v);
    const asSel = select([{ value: '', label: t('replay.asInstructor') }, { value: '*observer', label: t('replay.asObserverPublic') }]
      .concat((v.nations || []).map((n) => ({ value: n.id, label: t('replay.seatOf', { state: nameOf(n.id) }) }))), '');
    asSel.addEventListener('change', async () => {
      as = asSel.value;
      const keep = at;
      if (await load()) {
        timeline();
        show(keep);
      }
    });
    const noteText = h('textarea', { rows: '2', maxlength: '4000' });
    const noteStatus = h('p', { role: 'status' });
    const noteForm = h('form', { onsubmit: async (ev) => {
      ev.preventDefault();
      const turn = turns[at].turn;
      try {
        await conn.request({ instructor: { token, annotate: { turn, text: noteText.value } } });
        noteText.value = '';
        say(noteStatus, t('replay.noteAdded', { turn }), 'ok');
        as = asSel.value;
        if (await load()) {
          timeline();
          show(turn - 1);
        }
      } catch (e) {
        say(noteStatus, e.message, 'error');
      }
    } }, field('replay-note', t('replay.note'), noteText), h('button', { type: 'submit' }, t('console.addNote')), noteStatus);

    const branchStatus = h('p', { role: 'status', id: 'branch-status' });
    const branch = h('button', { type: 'button', id: 'branch-btn', onclick: async () => {
      const turn = turns[at].turn;
      try {
        // The branch opens at the turn shown, with every seat free to decide it again.
        const r = await conn.request({ branchGame: { token, gameId: v.gameId, turn, playForkTurn: true } });
        const g = r.gameCreated;
        fill(branchStatus, t('replay.branched', { game: g.gameId, turn }), h('a', { href: links(g.gameId, g.instructorToken).instructor }, t('replay.openConsole')));
      } catch (e) {
        say(branchStatus, unavailable(e) ? t('replay.noBranch') : e.message, 'error');
      }
    } }, t('replay.branch'));

    const other = h('input', { type: 'text', placeholder: t('replay.otherPlaceholder') });
    const diffStatus = h('div', { role: 'status', id: 'diff-status' });
    const diff = h('form', { onsubmit: async (ev) => {
      ev.preventDefault();
      if (!other.value.trim()) return say(diffStatus, t('replay.whichGame'), 'error');
      try {
        const r = await conn.request({ diffGames: { token, gameA: v.gameId, gameB: other.value.trim() } });
        fill(diffStatus, diffReport(r.gameDiff));
      } catch (e) {
        say(diffStatus, unavailable(e) ? t('replay.noDiff') : e.message, 'error');
      }
    } }, field('diff-other', t('replay.compareWith'), other), h('button', { type: 'submit', id: 'diff-btn' }, t('replay.compare')), diffStatus);

    fill(tools, h('div', { class: 'grid' },
      h('div', { class: 'col' }, section('r-as', t('replay.seeAs'), field('replay-as', t('replay.role'), asSel)), section('r-note', t('replay.annotate'), noteForm)),
      h('div', { class: 'col' }, section('r-branch', t('replay.whatIf'), h('p', {}, t('replay.whatIfHint')), branch, branchStatus),
        section('r-diff', t('replay.compareTwo'), diff))));
  }
}

// A comparison of two games of one lineage, as tables: scores at the end, then what differs turn
// by turn from the fork, then what only one game has.
function diffReport(d) {
  const a = d.gameA, b = d.gameB;
  if (d.same) {
    return h('p', { class: 'diff-summary' }, t('diff.same', { a, b, na: d.turnsA || 0, nb: d.turnsB || 0 }));
  }
  const out = [h('p', { class: 'diff-summary' },
    t('diff.first', { a, b, na: d.turnsA || 0, nb: d.turnsB || 0, turn: d.firstDivergentTurn || '?' }))];
  const scores = d.scores || [];
  const signed = (v, digits) => `${(v || 0) > 0 ? '+' : ''}${num(v || 0, digits)}`;
  if (scores.length) {
    out.push(h('table', { class: 'diff-scores' },
      h('caption', {}, t('diff.scores')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('common.state')),
        h('th', { scope: 'col' }, `${t('diff.score')} ${a}`), h('th', { scope: 'col' }, `${t('diff.score')} ${b}`), h('th', { scope: 'col' }, t('diff.change')),
        h('th', { scope: 'col' }, `${t('diff.power')} ${a}`), h('th', { scope: 'col' }, `${t('diff.power')} ${b}`), h('th', { scope: 'col' }, t('diff.change')))),
      h('tbody', {}, ...scores.map(x => h('tr', {}, h('th', { scope: 'row' }, x.state), h('td', {}, num(x.a || 0, 1)), h('td', {}, num(x.b || 0, 1)),
        h('td', {}, signed(x.delta, 1)), h('td', {}, num(x.powerA || 0, 3)), h('td', {}, num(x.powerB || 0, 3)), h('td', {}, signed(x.powerDelta, 3)))))));
  }
  // Per turn what a person would see differ: stances, actions, events and alliances in one game
  // only (a 1.2 server sends stances only, and no `readable`).
  const all = d.turns || [];
  const readable = (tn) => tn.readable || (tn.stances || []).length > 0;
  const rows = all.filter(readable).flatMap(tn => [
    ...(tn.stances || []).map(x => [tn.turn, t('diff.stance', { state: x.state }), engineText(x.a), engineText(x.b)]),
    ...(tn.actions || []).map(x => [tn.turn, t('diff.actions', { state: x.state }), engineText(x.a), engineText(x.b)]),
    ...((tn.eventsOnlyA || []).length || (tn.eventsOnlyB || []).length
      ? [[tn.turn, t('diff.eventsOnly', { game: `${a} / ${b}` }), (tn.eventsOnlyA || []).map(engineText).join('; ') || '—', (tn.eventsOnlyB || []).map(engineText).join('; ') || '—']] : []),
    ...((tn.alliancesOnlyA || []).length || (tn.alliancesOnlyB || []).length
      ? [[tn.turn, t('diff.alliancesAfter', { game: `${a} / ${b}` }), (tn.alliancesOnlyA || []).join('; ') || '—', (tn.alliancesOnlyB || []).join('; ') || '—']] : [])]);
  if (rows.length) {
    out.push(h('table', { class: 'diff-turns' },
      h('caption', {}, t('diff.turns')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('diff.turn')), h('th', { scope: 'col' }, t('diff.what')), h('th', { scope: 'col' }, a), h('th', { scope: 'col' }, b))),
      h('tbody', {}, ...rows.map(([turn, what, x, y]) => h('tr', {}, h('td', {}, String(turn)), h('th', { scope: 'row' }, what), h('td', {}, x), h('td', {}, y))))));
  }
  const quiet = all.filter(tn => !readable(tn)).length;
  if (quiet) out.push(h('p', { class: 'hint' }, t('diff.quiet', { n: quiet })));
  const only = (label, xs) => (xs && xs.length ? [h('p', {}, `${label}: ${xs.join('; ')}`)] : []);
  out.push(...only(t('diff.alliancesOnly', { game: a }), d.alliancesOnlyA), ...only(t('diff.alliancesOnly', { game: b }), d.alliancesOnlyB),
    ...only(t('diff.warsOnly', { game: a }), d.warsOnlyA), ...only(t('diff.warsOnly', { game: b }), d.warsOnlyB),
    ...only(t('diff.conqueredOnly', { game: a }), d.conqueredOnlyA), ...only(t('diff.conqueredOnly', { game: b }), d.conqueredOnlyB));
  return h('div', { class: 'diff' }, ...out);
}

// The server does not know the request (it predates branches and diffs).
function unavailable(e) {
  return e.code === 'UNKNOWN_MESSAGE';
}
