// The instructor's console: seats, the clock, injects, autopilot, the omniscient view, notes.
import { h, fill, field, select, say, num, pct } from './dom.js';
import { drawMap, coordinates, scenarioInfo } from './map.js';
import { namer, heatmap, results, pressItem, ordersText, labelOf, cards, phaseText, TurnClock, alliancesTable } from './panels.js';
import { abs, links } from './links.js';
import { rememberGame } from './mygames.js';
import { transcriptButton } from './transcript.js';

export async function instructorPage(main, page, token) {
  const conn = page.connect();
  const header = h('div', { class: 'card' });
  const clock = h('p', { class: 'clock', role: 'timer', id: 'countdown' });
  const status = h('p', { role: 'status', id: 'console-status', class: 'notice' });
  const { sec, body: bodies } = cards([['seats', 'Seats'], ['controls', 'Clock and game'], ['inject', 'Inject an event'],
    ['omniscient', 'Everything (omniscient view)'], ['imap', 'Map'], ['ialliances', 'Alliances'], ['log', 'Log'], ['notes', 'Notes on turns'],
    ['ipress', 'Messages (all)'], ['ilinks', 'Links']]);
  const turnClock = new TurnClock(page, clock, 'Turn deadline');
  main.append(header, clock, status,
    h('div', { class: 'grid' },
      h('div', { class: 'col' }, sec.seats, sec.controls, sec.inject, sec.notes, sec.ilinks),
      h('div', { class: 'col' }, sec.omniscient, sec.imap, sec.ialliances, sec.log, sec.ipress)));

  let view = null;
  let coords;
  let strategies = [];
  const messages = new Map();
  const loggedNews = new Set();
  let linksKey = '';
  const log = h('ol', { class: 'log', id: 'log-list', reversed: true });
  bodies.log.append(log);

  function note(text, kind = 'ok') {
    say(status, text, kind);
  }
  async function command(cmd, done) {
    try {
      const r = await conn.request({ instructor: { token, ...cmd } });
      note(done || (r.ack && r.ack.detail) || 'done');
      refreshSeats();
      return r;
    } catch (e) {
      note(e.message, 'error');
      return null;
    }
  }

  // --- the clock and the game
  const extendBy = h('input', { type: 'number', min: '1', step: '1', value: '120' });
  const endConfirm = h('button', { type: 'button', class: 'danger', hidden: true, onclick: () => command({ endGame: {} }) }, 'Yes, end the game now');
  bodies.controls.append(h('div', { class: 'buttons' },
    h('button', { type: 'button', id: 'btn-pause', onclick: () => command({ pause: {} }) }, 'Pause'),
    h('button', { type: 'button', id: 'btn-resume', onclick: () => command({ resume: {} }) }, 'Resume'),
    h('button', { type: 'button', id: 'btn-adjudicate', onclick: () => command({ adjudicateNow: {} }) }, 'Adjudicate now')),
  h('form', { class: 'row', novalidate: true, onsubmit: (ev) => {
    ev.preventDefault();
    const seconds = Number(extendBy.value);
    if (!Number.isInteger(seconds) || seconds < 1) return note('Extend by: a whole number of seconds, 1 or more.', 'error');
    return command({ extendDeadline: { seconds } });
  } },
    field('extend-by', 'Extend the deadline by (seconds)', extendBy), h('button', { type: 'submit' }, 'Extend')),
  h('div', { class: 'buttons' },
    h('button', { type: 'button', class: 'danger', onclick: () => { endConfirm.hidden = false; endConfirm.focus(); } }, 'End the game…'), endConfirm));

  // --- seats: status from the lobby's game list, autopilot per seat
  async function refreshSeats() {
    if (!view) return;
    let games;
    try {
      games = (await conn.request({ listGames: {} })).games.games || [];
    } catch {
      return;
    }
    const info = games.find((g) => g.gameId === view.gameId);
    if (!info) return;
    const nameOf = namer(view);
    const roster = (view.omniscient || {}).roster || [];
    const members = (state) => roster.filter((m) => m.role === 'SEAT' && m.state === state);
    const over = info.phase === 'FINISHED';
    // who of each team is here now, by name
    const presence = (st) => {
      const ms = members(st.state);
      if (!ms.length) return st.bot && !st.autopilot ? '—' : 'no one has joined';
      return ms.map((m) => `${m.name} ${m.connected ? '(connected)' : '(away)'}`).join(', ');
    };
    fill(bodies.seats, h('table', { class: 'seat-status', id: 'seat-status' },
      h('thead', {}, h('tr', {}, ['State', 'Played by', 'Connected', 'Orders in', over ? '' : 'Hand over'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, (info.seats || []).map((st) => h('tr', { 'data-state': st.state, class: st.active === false ? 'conquered' : '' },
        h('th', { scope: 'row' }, nameOf(st.state), st.active === false ? h('span', { class: 'tag-conquered' }, ' conquered') : ''),
        h('td', {}, st.bot ? `bot: ${st.strategy}${st.autopilot ? ' (autopilot)' : ''}` : `${st.members || 0} student(s)`),
        h('td', { class: st.connected ? 'yes' : 'no', 'data-presence': st.state }, presence(st)),
        h('td', { class: st.submitted ? 'yes' : 'no' }, over ? '—' : st.active === false ? 'out of the game' : st.submitted ? 'submitted' : 'waiting'),
        h('td', {}, over || st.active === false ? '' : autopilotControl(st)))))));
  }
  function autopilotControl(st) {
    if (st.bot && !st.autopilot) return '—';
    if (st.autopilot) {
      return h('button', { type: 'button', onclick: () => command({ autopilot: { state: st.state, on: false } }) }, `Give ${st.state} back`);
    }
    const strat = select([{ value: '', label: 'scenario default' }].concat(strategies.map((x) => ({ value: x, label: x }))), '', { 'aria-label': `Bot strategy for ${st.state}` });
    return h('span', { class: 'row' }, strat,
      h('button', { type: 'button', onclick: () => command({ autopilot: { state: st.state, on: true, strategy: strat.value } }) }, `Hand ${st.state} to a bot`));
  }
  page.every(2000, refreshSeats);

  // --- links, codes and members: from the server, built from the address students use
  function renderLinks(v) {
    const omni = v.omniscient || {};
    // after a server restart the server knows only a hash of the instructor token: the links
    // that carry it come from this page's own address instead
    const own = links(v.gameId, token);
    const l = { consoleUrl: own.instructor, replayUrl: own.replay, debriefUrl: own.debrief,
      handoutUrl: `/handout/${encodeURIComponent(v.gameId)}?token=${token}`, ...omni.links };
    for (const k of ['consoleUrl', 'replayUrl', 'debriefUrl', 'handoutUrl']) if (!l[k]) l[k] = { consoleUrl: own.instructor, replayUrl: own.replay, debriefUrl: own.debrief, handoutUrl: `/handout/${encodeURIComponent(v.gameId)}?token=${token}` }[k];
    const roster = omni.roster || [];
    const key = JSON.stringify([l, roster]);
    if (key === linksKey) return;
    linksKey = key;
    const reissue = (state, label) => h('button', { type: 'button', 'data-reissue': state || 'observers', onclick: () => command({ reissueSecret: { state } }) }, `New code for ${label}`);
    fill(bodies.ilinks,
      h('p', {}, h('a', { href: abs(l.handoutUrl), id: 'handout-link', target: '_blank', rel: 'noopener' }, 'Printable seat cards with QR codes')),
      h('table', { class: 'seat-links', id: 'seat-links' },
        h('thead', {}, h('tr', {}, ['Seat', 'Join code', 'Link', ''].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {},
          (l.seats || []).map((seat) => h('tr', { 'data-state': seat.state },
            h('th', { scope: 'row' }, `${seat.name} (${seat.state})`),
            h('td', {}, h('code', { 'data-code': seat.state }, seat.code)),
            h('td', {}, h('a', { href: abs(seat.joinUrl), 'data-seat': seat.state }, 'join link')),
            h('td', {}, reissue(seat.state, seat.state)))),
          l.observers ? h('tr', {},
            h('th', { scope: 'row' }, 'Observers'),
            h('td', {}, h('code', {}, l.observers.code)),
            h('td', {}, h('a', { href: abs(l.observers.joinUrl) }, 'watch link')),
            h('td', {}, reissue('', 'observers'))) : null)),
      h('p', { class: 'hint' }, 'A new code replaces the old one at once; students already in keep their seats. To remove someone, remove them below and give their state a new code.'),
      h('h3', {}, 'Members'),
      roster.length ? h('ul', { id: 'roster' }, roster.map((m) => h('li', { 'data-member': m.memberId },
        `${m.name} — ${m.role === 'SEAT' ? m.state : 'observer'}${m.connected ? ' (connected)' : ''} `,
        h('button', { type: 'button', class: 'danger', onclick: () => command({ revokeMember: { memberId: m.memberId } }) }, `Remove ${m.name}`))))
        : h('p', { class: 'hint' }, 'No one has joined yet.'),
      h('ul', { class: 'links' },
        h('li', {}, h('a', { href: abs(l.replayUrl), id: 'replay-link' }, 'Replay this game')),
        h('li', {}, h('a', { href: abs(l.debriefUrl), id: 'debrief-link' }, 'Debrief')),
        h('li', {}, h('a', { href: abs(l.consoleUrl), id: 'console-link' }, 'This console (keep it to yourself)'))));
  }

  // --- notes
  const noteTurn = h('input', { type: 'number', min: '1', step: '1' });
  const noteText = h('textarea', { rows: '2', maxlength: '4000' });
  const noteList = h('ul', { id: 'note-list' });
  bodies.notes.append(h('form', { onsubmit: async (ev) => {
    ev.preventDefault();
    const r = await command({ annotate: { turn: Number(noteTurn.value || 0), text: noteText.value } });
    if (r) {
      noteList.append(h('li', {}, `turn ${noteTurn.value || view.turn}: ${noteText.value}`));
      noteText.value = '';
    }
  } }, h('div', { class: 'row' }, field('note-turn', 'Turn (empty = current)', noteTurn), field('note-text', 'Note', noteText)),
  h('button', { type: 'submit' }, 'Add the note')), noteList);

  function renderInject(v) {
    const omni = v.omniscient || {};
    const ids = (v.nations || []).map((n) => n.id);
    const nameOf = namer(v);
    const catalogue = omni.catalogue || [];
    const kind = select([
      { value: 'scheduled', label: "an event from the scenario's catalogue" },
      { value: 'intent', label: 'a shift in perceived intent' },
      { value: 'capability', label: 'a capability shock' },
      { value: 'crisis', label: 'a crisis (a forced attack)' },
    ], catalogue.length ? 'scheduled' : 'intent');
    const event = select(catalogue.map((e) => ({ value: String(e.index || 0), label: `turn ${e.turn}: ${e.text}` })), '0');
    const stateOpts = ids.map((id) => ({ value: id, label: nameOf(id) }));
    const observer = select([{ value: '', label: 'every other state' }].concat(stateOpts), '');
    const actor = select(stateOpts, ids[0]);
    const delta = h('input', { type: 'number', step: '0.05', min: '-1', max: '1', value: '0.1' });
    const capState = select(stateOpts, ids[0]);
    const economy = h('input', { type: 'number', step: '0.05', min: '0', value: '1' });
    const military = h('input', { type: 'number', step: '0.05', min: '0', value: '0.8' });
    const aggressor = select(stateOpts, ids[0]);
    const target = select(stateOpts, ids[1] || ids[0]);
    const text = h('input', { type: 'text', maxlength: '400', placeholder: 'what players are told' });
    const groups = {
      scheduled: h('div', {}, field('inj-event', 'Event', event)),
      intent: h('div', { class: 'row' }, field('inj-observer', 'Who changes their view', observer), field('inj-actor', 'Of whom', actor), field('inj-delta', 'Change (-1 to 1)', delta)),
      capability: h('div', { class: 'row' }, field('inj-cap-state', 'State', capState), field('inj-economy', 'Economy × ', economy), field('inj-military', 'Military × ', military)),
      crisis: h('div', { class: 'row' }, field('inj-aggressor', 'Aggressor', aggressor), field('inj-target', 'Target', target)),
    };
    const show = () => Object.entries(groups).forEach(([k, g]) => { g.hidden = k !== kind.value; });
    kind.addEventListener('change', show);
    show();
    const form = h('form', { id: 'inject-form', novalidate: true, onsubmit: (ev) => {
      ev.preventDefault();
      const inj = { text: text.value };
      if (kind.value === 'scheduled') inj.scheduledIndex = Number(event.value);
      if (kind.value === 'intent') inj.intent = { observer: observer.value, actor: actor.value, delta: Number(delta.value) };
      if (kind.value === 'capability') inj.capability = { state: capState.value, economy: Number(economy.value), military: Number(military.value) };
      if (kind.value === 'crisis') {
        if (aggressor.value === target.value) return note('A state cannot attack itself: choose two different states.', 'error');
        inj.crisis = { aggressor: aggressor.value, target: target.value };
      }
      command({ inject: inj });
    } }, field('inj-kind', 'Kind', kind), Object.values(groups),
    kind.value === 'scheduled' || catalogue.length ? null : h('p', { class: 'hint' }, 'This scenario has no scheduled events.'),
    field('inj-text', 'Text for the players (optional for catalogue events)', text),
    h('button', { type: 'submit', id: 'btn-inject' }, 'Inject'));
    fill(bodies.inject, form);
  }

  function render(v) {
    const first = !view;
    view = v;
    if (first) rememberGame(v.gameId, token, '');
    // once the game is over, nothing is left to steer: the clock and inject cards say so
    if (v.phase === 'FINISHED' && !bodies.controls.querySelector('.game-over')) {
      fill(bodies.controls, h('p', { class: 'game-over notice ok' }, 'The game is over. Its replay and debrief are under Links; notes on turns can still be added.'));
      fill(bodies.inject, h('p', { class: 'hint' }, 'The game is over: no more events.'));
    }
    const nameOf = namer(v);
    const ids = (v.nations || []).map((n) => n.id);
    fill(header, h('h1', {}, `Instructor: game ${v.gameId}`),
      h('p', {}, `${v.scenario} · turn ${v.turn} of ${v.turns}${labelOf(v.turn, v.turnLabel)} · `, h('span', { id: 'phase' }, phaseText(v.phase))));
    turnClock.fromView(v);
    const omni = v.omniscient || {};
    const submitted = omni.submitted || [];
    fill(bodies.omniscient,
      heatmap('Threat matrix T[j][i]: the threat state j (row) feels from state i (column)', omni.threat || [], ids, nameOf),
      heatmap('Perceived intent: how aggressive j (row) believes i (column) to be', omni.intent || [], ids, nameOf, (x) => num(x, 2)),
      h('table', { class: 'kv' }, h('caption', {}, 'Coverage and orders in'), h('tbody', {}, ids.map((id, i) => {
        const sub = submitted.find((s) => s.state === id);
        return h('tr', {}, h('th', { scope: 'row' }, id), h('td', {}, pct((omni.coverage || [])[i])), h('td', {}, sub ? `${ordersText(sub.orders)} (by ${sub.submittedBy})` : 'no orders yet'));
      }))));
    fill(bodies.imap, drawMap(v, coords, ''));
    fill(bodies.ialliances, alliancesTable(v, nameOf, ''));
    if (first) {
      coordinates(conn, v.scenario).then((c) => {
        coords = c;
        fill(bodies.imap, drawMap(view, coords, ''));
      });
      scenarioInfo(conn).then((list) => {
        strategies = list.strategies || [];
        refreshSeats();
      });
    }
    if (v.phase !== 'FINISHED') renderInject(v);
    renderLinks(v);
    renderRecipients(v);
    for (const p of v.messages || []) messages.set(p.id, p);
    renderPress();
    const news = (v.news || []).filter((n) => !loggedNews.has(`${v.turn}:${n}`));
    news.forEach((n) => loggedNews.add(`${v.turn}:${n}`));
    if (news.length) logLine(`Turn ${v.turn} news:`, h('ul', {}, news.map((n) => h('li', {}, n))));
  }

  const pressList = h('ol', { class: 'press-list' });
  const pressText = h('textarea', { rows: '2', maxlength: '4000' });
  const pressTo = h('select', {});
  const pressButton = h('button', { type: 'submit' }, 'Send to everyone');
  // Everyone by default; one state (its whole team) privately on request.
  function renderRecipients(v) {
    if (pressTo.options.length) return;
    const nameOf = namer(v);
    pressTo.append(h('option', { value: '*all' }, 'Everyone (public)'),
      ...(v.nations || []).map((n) => h('option', { value: n.id }, `${nameOf(n.id)} only (private to its team)`)));
    pressTo.value = '*all';
  }
  pressTo.addEventListener('change', () => {
    pressButton.textContent = pressTo.value === '*all' ? 'Send to everyone' : `Send to ${pressTo.value} only`;
  });
  bodies.ipress.append(pressList, h('form', { onsubmit: async (ev) => {
    ev.preventDefault();
    if (!pressText.value.trim()) return note('Message: write something first.', 'error');
    const body = { token, text: pressText.value };
    if (pressTo.value !== '*all') body.to = [pressTo.value];
    try {
      await conn.request({ sendPress: body });
      pressText.value = '';
    } catch (e) {
      note(e.message, 'error');
    }
    return null;
  } }, field('ipress-to', 'To', pressTo), field('ipress-text', 'Message', pressText), pressButton),
  transcriptButton(() => view && view.gameId, token));
  function renderPress() {
    const all = [...messages.values()].sort((a, b) => Number(a.sentEpochMs || 0) - Number(b.sentEpochMs || 0));
    fill(pressList, all.length ? all.map((p) => pressItem(p, '')) : h('li', { class: 'hint' }, 'No messages yet.'));
  }
  function logLine(text, node) {
    log.prepend(h('li', {}, text, node || null));
  }

  conn.on('view', render);
  conn.on('press', (p) => {
    messages.set(p.id, p);
    renderPress();
  });
  conn.on('turnResolved', (r) => {
    logLine('', results(r, namer(view || {})));
    refreshSeats();
  });
  conn.on('gameEvent', (e) => {
    logLine(`${e.kind}: ${e.text || ''}`);
    turnClock.fromEvent(e);
    refreshSeats();
  });
  conn.on('error', (e) => note(`${e.code}: ${e.message}`, 'error'));
  conn.on('closed', (e) => note(e.replaced ? 'The console was opened in another window or tab.' : 'The connection to the server closed; reconnecting…', 'error'));

  await conn.request({ resume: { token } }).catch((e) => {
    main.prepend(h('p', { class: 'notice error', role: 'alert' }, `Cannot open the console: ${e.message}`));
    throw e;
  });
}
