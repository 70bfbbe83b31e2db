// Replay: a timeline over the turns played, seen as the token's role (the instructor may choose
// any role), with the instructor's notes, a what-if branch and a comparison of two games.
import { h, fill, field, select, say, section, num, pct } from './dom.js';
import { drawMap, coordinates } from './map.js';
import { namer, heatmap, results, threatRow, capabilities, labelOf, alliancesTable } from './panels.js';
import { links } from './links.js';

export async function replayPage(main, page, token) {
  const conn = page.connect();
  const header = h('div', { class: 'card' }, h('h1', {}, 'Replay'));
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
    say(status, 'Loading the turns…');
    const body = { token, fromTurn: 1, toTurn: 0 };
    if (as === '*observer') body.asObserver = true;
    else if (as) body.asState = as;
    try {
      await conn.stream({ replay: body }, (m) => got.push(m.replayed));
    } catch (e) {
      say(status, `No replay: ${e.message}`, 'error');
      return false;
    }
    turns = got;
    say(status, `${turns.length} turn(s) played.`, 'ok');
    return true;
  }

  function seeAs() {
    const v = turns[0].view;
    return v.role === 'SEAT' ? `${v.self} (a seat)` : v.role === 'OBSERVER' ? 'an observer' : 'the instructor (everything)';
  }

  function show(i) {
    at = Math.max(0, Math.min(turns.length - 1, i));
    const t = turns[at];
    const v = t.view;
    const nameOf = namer(v);
    const range = controls.querySelector('#timeline');
    if (range) range.value = String(at + 1);
    const label = controls.querySelector('#timeline-label');
    if (label) label.textContent = `Turn ${t.turn} of ${turns.length}${labelOf(t.turn, v.turnLabel)}, seen as ${seeAs()}`;
    const ids = (v.nations || []).map((n) => n.id);
    const omni = v.omniscient;
    fill(shown, h('div', { class: 'grid' },
      h('div', { class: 'col' },
        section('r-map', `The position at the start of turn ${t.turn}`, drawMap(v, coords, v.self || '')),
        section('r-alliances', `Alliances at the start of turn ${t.turn}`, alliancesTable(v, nameOf, v.self || '')),
        v.role === 'SEAT' ? section('r-threats', `${v.self}'s threats`, threatRow(v, nameOf), capabilities((v.nations || []).find((n) => n.id === v.self) || {})) : null,
        omni ? section('r-omni', 'Everything', heatmap('Threat matrix T[j][i]', omni.threat || [], ids, nameOf),
          heatmap('Perceived intent', omni.intent || [], ids, nameOf, (x) => num(x, 2)),
          h('p', {}, 'Coverage: ', ids.map((id, k) => `${id} ${pct((omni.coverage || [])[k])}`).join(' · '))) : null),
      h('div', { class: 'col' },
        section('r-results', `What happened in turn ${t.turn}`, results(t.resolved || {}, nameOf, `Turn ${t.turn} results`),
          h('p', { class: 'hint' }, `State hash after the turn: ${(t.resolved || {}).stateHash || ''}`)),
        section('r-messages', `Messages of turn ${t.turn}`, (v.messages || []).length
          ? h('ul', { id: 'replay-messages' }, v.messages.map((p) => h('li', {}, `${p.fromState || 'the instructor'}${p.fromMember && p.fromMember !== p.fromState ? ` (${p.fromMember})` : ''} to ${p.team ? 'its team' : (p.to || []).length ? p.to.join(', ') : 'everyone'}: ${p.text}`)))
          : h('p', {}, 'No messages in this turn.')),
        section('r-notes', 'Notes', (t.annotations || []).length
          ? h('ul', { id: 'replay-notes' }, t.annotations.map((a) => h('li', {}, `${a.author}: ${a.text}`)))
          : h('p', {}, 'No notes on this turn.')))));
  }

  function timeline() {
    const range = h('input', { type: 'range', id: 'timeline', min: '1', max: String(turns.length), step: '1', value: String(at + 1) });
    range.addEventListener('input', () => show(Number(range.value) - 1));
    fill(controls,
      h('label', { for: 'timeline' }, 'Timeline'),
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'replay-first', onclick: () => show(0) }, '« First'),
        h('button', { type: 'button', id: 'replay-prev', onclick: () => show(at - 1) }, '◀ Previous'),
        range,
        h('button', { type: 'button', id: 'replay-next', onclick: () => show(at + 1) }, 'Next ▶'),
        h('button', { type: 'button', id: 'replay-last', onclick: () => show(turns.length - 1) }, 'Last »')),
      h('p', { id: 'timeline-label', 'aria-live': 'polite' }));
  }

  if (!(await load()) || !turns.length) return;
  const v0 = turns[0].view;
  role = v0.role;
  fill(header, h('h1', {}, `Replay of game ${v0.gameId}`), h('p', {}, `${v0.scenario}, ${turns.length} turn(s) played. `,
    role === 'INSTRUCTOR' ? h('a', { href: links(v0.gameId, token).instructor }, 'Back to the console') : h('a', { href: `#/seat/${token}` }, 'Back to the seat')));
  coords = await coordinates(conn, v0.scenario);
  timeline();
  show(turns.length - 1);
  if (role === 'INSTRUCTOR') instructorTools(v0);

  function instructorTools(v) {
    const nameOf = namer(v);
    const asSel = select([{ value: '', label: 'the instructor (everything)' }, { value: '*observer', label: 'an observer (public only)' }]
      .concat((v.nations || []).map((n) => ({ value: n.id, label: `${nameOf(n.id)}'s seat` }))), '');
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
        say(noteStatus, `Note added to turn ${turn}.`, 'ok');
        as = asSel.value;
        if (await load()) {
          timeline();
          show(turn - 1);
        }
      } catch (e) {
        say(noteStatus, e.message, 'error');
      }
    } }, field('replay-note', 'Note on the turn shown', noteText), h('button', { type: 'submit' }, 'Add the note'), noteStatus);

    const branchStatus = h('p', { role: 'status', id: 'branch-status' });
    const branch = h('button', { type: 'button', id: 'branch-btn', onclick: async () => {
      const turn = turns[at].turn;
      try {
        // The branch opens at the turn shown, with every seat free to decide it again.
        const r = await conn.request({ branchGame: { token, gameId: v.gameId, turn, playForkTurn: true } });
        const g = r.gameCreated;
        fill(branchStatus, `What-if game ${g.gameId} replays turn ${turn} with new orders: `, h('a', { href: links(g.gameId, g.instructorToken).instructor }, 'open its console'));
      } catch (e) {
        say(branchStatus, unavailable(e) ? 'What-if branches are not available on this server.' : e.message, 'error');
      }
    } }, 'Start a what-if branch from this turn');

    const other = h('input', { type: 'text', placeholder: 'another game of this lineage, e.g. g2-abc123' });
    const diffStatus = h('div', { role: 'status', id: 'diff-status' });
    const diff = h('form', { onsubmit: async (ev) => {
      ev.preventDefault();
      if (!other.value.trim()) return say(diffStatus, 'Which game: enter its id.', 'error');
      try {
        const r = await conn.request({ diffGames: { token, gameA: v.gameId, gameB: other.value.trim() } });
        fill(diffStatus, diffReport(r.gameDiff));
      } catch (e) {
        say(diffStatus, unavailable(e) ? 'Comparing games is not available on this server.' : e.message, 'error');
      }
    } }, field('diff-other', 'Compare with game', other), h('button', { type: 'submit', id: 'diff-btn' }, 'Compare'), diffStatus);

    fill(tools, h('div', { class: 'grid' },
      h('div', { class: 'col' }, section('r-as', 'See the game as', field('replay-as', 'Role', asSel)), section('r-note', 'Annotate', noteForm)),
      h('div', { class: 'col' }, section('r-branch', 'What if?', h('p', {}, 'Play the game again from the turn shown, as a new game.'), branch, branchStatus),
        section('r-diff', 'Compare two games', diff))));
  }
}

// A comparison of two games of one lineage, as tables: scores at the end, then what differs turn
// by turn from the fork, then what only one game has.
function diffReport(d) {
  const a = d.gameA, b = d.gameB;
  if (d.same) {
    return h('p', { class: 'diff-summary' }, `${a} and ${b} are the same game so far (${d.turnsA || 0} and ${d.turnsB || 0} turns played).`);
  }
  const out = [h('p', { class: 'diff-summary' },
    `${a} (${d.turnsA || 0} turns) and ${b} (${d.turnsB || 0} turns) first differ at turn ${d.firstDivergentTurn || '?'}.`)];
  const scores = d.scores || [];
  if (scores.length) {
    out.push(h('table', { class: 'diff-scores' },
      h('caption', {}, 'Scores at the end of each game'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'State'), h('th', { scope: 'col' }, a), h('th', { scope: 'col' }, b), h('th', { scope: 'col' }, 'Change'))),
      h('tbody', {}, ...scores.map(x => h('tr', {}, h('th', { scope: 'row' }, x.state), h('td', {}, num(x.a || 0, 1)), h('td', {}, num(x.b || 0, 1)),
        h('td', {}, `${(x.delta || 0) > 0 ? '+' : ''}${num(x.delta || 0, 1)}`))))));
  }
  const turns = (d.turns || []).filter(t => (t.stances || []).length);
  if (turns.length) {
    out.push(h('table', { class: 'diff-turns' },
      h('caption', {}, 'Stances that differ, turn by turn'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Turn'), h('th', { scope: 'col' }, 'State'), h('th', { scope: 'col' }, a), h('th', { scope: 'col' }, b))),
      h('tbody', {}, ...turns.flatMap(t => t.stances.map(x => h('tr', {}, h('td', {}, String(t.turn)), h('th', { scope: 'row' }, x.state), h('td', {}, x.a), h('td', {}, x.b)))))));
  }
  const only = (label, xs) => (xs && xs.length ? [h('p', {}, `${label}: ${xs.join('; ')}`)] : []);
  out.push(...only(`Alliances only in ${a}`, d.alliancesOnlyA), ...only(`Alliances only in ${b}`, d.alliancesOnlyB),
    ...only(`Wars only in ${a}`, d.warsOnlyA), ...only(`Wars only in ${b}`, d.warsOnlyB),
    ...only(`Conquered only in ${a}`, d.conqueredOnlyA), ...only(`Conquered only in ${b}`, d.conqueredOnlyB));
  return h('div', { class: 'diff' }, ...out);
}

// The server does not know the request (it predates branches and diffs).
function unavailable(e) {
  return e.code === 'UNKNOWN_MESSAGE';
}
