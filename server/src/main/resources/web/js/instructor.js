// The instructor's console: seats, the clock, injects, autopilot, the omniscient view, notes.
import { h, fill, field, select, say, num, pct } from './dom.js';
import { drawMap, coordinates, scenarioInfo, scenarioTitle } from './map.js';
import { namer, heatmap, results, pressItem, ordersText, labelOf, cards, phaseText, TurnClock, alliancesTable } from './panels.js';
import { abs, links } from './links.js';
import { rememberGame } from './mygames.js';
import { transcriptButton } from './transcript.js';
import { t, local, has } from './i18n.js';
import { engineText } from './i18n/engine.js';
import { strategyLabel, withLang } from './lobby.js';

/** Who sent orders: a member's name, or a bot ("bot:STRATEGY") in words. */
function submitter(by) {
  return by && by.startsWith('bot:') ? t('console.bot', { strategy: strategyLabel(by.slice(4)) }) : by;
}

/** A member's name; an observer who joined from the watch link (named "observer" by the server) in words. */
function memberName(m) {
  return m.role !== 'SEAT' && m.name === 'observer' ? t('console.observer') : m.name;
}

/** A game event's kind in words (the kind itself when the dictionaries have none). */
function eventKind(kind) {
  const k = `event.${kind}`;
  return !has(k) ? kind : t(k);
}

export async function instructorPage(main, page, token) {
  const conn = page.connect();
  const header = h('div', { class: 'card' });
  const clock = h('p', { class: 'clock', role: 'timer', id: 'countdown' });
  const status = h('p', { role: 'status', id: 'console-status', class: 'notice' });
  const { sec, body: bodies } = cards([['seats', t('console.seats')], ['controls', t('console.controls')], ['inject', t('console.inject')],
    ['omniscient', t('console.omniscient')], ['imap', t('common.map')], ['ialliances', t('common.alliances')], ['log', t('console.log')], ['notes', t('console.notes')],
    ['ipress', t('console.press')], ['ilinks', t('console.links')]]);
  const turnClock = new TurnClock(page, clock, 'clock.turnDeadline');
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
      note(done || (r.ack && r.ack.detail ? engineText(r.ack.detail) : t('console.done')));
      refreshSeats();
      return r;
    } catch (e) {
      note(e.message, 'error');
      return null;
    }
  }

  // --- the clock and the game
  const extendBy = h('input', { type: 'number', min: '1', step: '1', value: '120' });
  const endConfirm = h('button', { type: 'button', class: 'danger', hidden: true, onclick: () => command({ endGame: {} }) }, t('console.endYes'));
  bodies.controls.append(h('div', { class: 'buttons' },
    h('button', { type: 'button', id: 'btn-pause', onclick: () => command({ pause: {} }) }, t('console.pause')),
    h('button', { type: 'button', id: 'btn-resume', onclick: () => command({ resume: {} }) }, t('console.resume')),
    h('button', { type: 'button', id: 'btn-adjudicate', onclick: () => command({ adjudicateNow: {} }) }, t('console.adjudicate'))),
  h('form', { class: 'row', novalidate: true, onsubmit: (ev) => {
    ev.preventDefault();
    const seconds = Number(extendBy.value);
    if (!Number.isInteger(seconds) || seconds < 1) return note(t('console.badExtend'), 'error');
    return command({ extendDeadline: { seconds } });
  } },
    field('extend-by', t('console.extendBy'), extendBy), h('button', { type: 'submit' }, t('console.extend'))),
  h('div', { class: 'buttons' },
    h('button', { type: 'button', class: 'danger', onclick: () => { endConfirm.hidden = false; endConfirm.focus(); } }, t('console.end')), endConfirm));

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
      if (!ms.length) return st.bot && !st.autopilot ? '—' : t('console.noOneJoined');
      return ms.map((m) => t(m.connected ? 'console.memberHere' : 'console.memberAway', { name: m.name })).join(', ');
    };
    fill(bodies.seats, h('table', { class: 'seat-status', id: 'seat-status' },
      h('thead', {}, h('tr', {}, [t('common.state'), t('console.playedBy'), t('console.connected'), t('console.ordersIn'), over ? '' : t('console.handOver')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, (info.seats || []).map((st) => h('tr', { 'data-state': st.state, class: st.active === false ? 'conquered' : '' },
        h('th', { scope: 'row' }, nameOf(st.state), st.active === false ? h('span', { class: 'tag-conquered' }, t('console.conquered')) : ''),
        h('td', {}, st.bot ? t('console.bot', { strategy: strategyLabel(st.strategy) }) + (st.autopilot ? t('console.autopilot') : '') : t('console.students', { n: st.members || 0 })),
        h('td', { class: st.connected ? 'yes' : 'no', 'data-presence': st.state }, presence(st)),
        h('td', { class: st.submitted ? 'yes' : 'no' }, over ? '—' : st.active === false ? t('console.outOfGame') : st.submitted ? t('console.submitted') : t('console.waiting')),
        h('td', {}, over || st.active === false ? '' : autopilotControl(st)))))));
  }
  function autopilotControl(st) {
    if (st.bot && !st.autopilot) return '—';
    if (st.autopilot) {
      return h('button', { type: 'button', onclick: () => command({ autopilot: { state: st.state, on: false } }) }, t('console.giveBack', { state: st.state }));
    }
    const strat = select([{ value: '', label: t('console.scenarioDefault') }].concat(strategies.map((x) => ({ value: x, label: strategyLabel(x) }))), '', { 'aria-label': t('console.botFor', { state: st.state }) });
    return h('span', { class: 'row' }, strat,
      h('button', { type: 'button', onclick: () => command({ autopilot: { state: st.state, on: true, strategy: strat.value } }) }, t('console.handToBot', { state: st.state })));
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
    const reissue = (state, label) => h('button', { type: 'button', 'data-reissue': state || 'observers', onclick: () => command({ reissueSecret: { state } }) }, t('console.newCode', { who: label }));
    fill(bodies.ilinks,
      h('p', {}, h('a', { href: withLang(abs(l.handoutUrl)), id: 'handout-link', target: '_blank', rel: 'noopener' }, t('common.seatCards'))),
      h('table', { class: 'seat-links', id: 'seat-links' },
        h('thead', {}, h('tr', {}, [t('console.seat'), t('common.joinCode'), t('console.link'), ''].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {},
          (l.seats || []).map((seat) => h('tr', { 'data-state': seat.state },
            h('th', { scope: 'row' }, namer(v)(seat.state)),
            h('td', {}, h('code', { 'data-code': seat.state }, seat.code)),
            h('td', {}, h('a', { href: abs(seat.joinUrl), 'data-seat': seat.state }, t('console.joinLink'))),
            h('td', {}, reissue(seat.state, seat.state)))),
          l.observers ? h('tr', {},
            h('th', { scope: 'row' }, t('console.observers')),
            h('td', {}, h('code', {}, l.observers.code)),
            h('td', {}, h('a', { href: abs(l.observers.joinUrl) }, t('console.watchLink'))),
            h('td', {}, reissue('', t('console.observersLower')))) : null)),
      h('p', { class: 'hint' }, t('console.codeHint')),
      h('h3', {}, t('console.members')),
      roster.length ? h('ul', { id: 'roster' }, roster.map((m) => h('li', { 'data-member': m.memberId },
        `${memberName(m)} — ${m.role === 'SEAT' ? m.state : t('console.observer')}${m.connected ? t('console.connectedMark') : ''} `,
        h('button', { type: 'button', class: 'danger', onclick: () => command({ revokeMember: { memberId: m.memberId } }) }, t('console.remove', { name: memberName(m) })))))
        : h('p', { class: 'hint' }, t('console.noOne')),
      h('ul', { class: 'links' },
        h('li', {}, h('a', { href: abs(l.replayUrl), id: 'replay-link' }, t('console.replay'))),
        h('li', {}, h('a', { href: abs(l.debriefUrl), id: 'debrief-link' }, t('console.debrief'))),
        h('li', {}, h('a', { href: abs(l.consoleUrl), id: 'console-link' }, t('console.thisConsole')))));
  }

  // --- notes
  const noteTurn = h('input', { type: 'number', min: '1', step: '1' });
  const noteText = h('textarea', { rows: '2', maxlength: '4000' });
  const noteList = h('ul', { id: 'note-list' });
  bodies.notes.append(h('form', { onsubmit: async (ev) => {
    ev.preventDefault();
    const r = await command({ annotate: { turn: Number(noteTurn.value || 0), text: noteText.value } });
    if (r) {
      noteList.append(h('li', {}, `${t('common.turnN', { turn: noteTurn.value || view.turn })}: ${noteText.value}`));
      noteText.value = '';
    }
  } }, h('div', { class: 'row' }, field('note-turn', t('console.noteTurn'), noteTurn), field('note-text', t('console.note'), noteText)),
  h('button', { type: 'submit' }, t('console.addNote'))), noteList);

  function renderInject(v) {
    const omni = v.omniscient || {};
    const ids = (v.nations || []).map((n) => n.id);
    const nameOf = namer(v);
    const catalogue = omni.catalogue || [];
    const kind = select([
      { value: 'scheduled', label: t('inject.scheduled') },
      { value: 'intent', label: t('inject.intent') },
      { value: 'capability', label: t('inject.capability') },
      { value: 'crisis', label: t('inject.crisis') },
    ], catalogue.length ? 'scheduled' : 'intent');
    const event = select(catalogue.map((e) => ({ value: String(e.index || 0), label: `${t('common.turnN', { turn: e.turn })}: ${local(e.text, e.textKo)}` })), '0');
    const stateOpts = ids.map((id) => ({ value: id, label: nameOf(id) }));
    const observer = select([{ value: '', label: t('inject.everyOther') }].concat(stateOpts), '');
    const actor = select(stateOpts, ids[0]);
    const delta = h('input', { type: 'number', step: '0.05', min: '-1', max: '1', value: '0.1' });
    const capState = select(stateOpts, ids[0]);
    const economy = h('input', { type: 'number', step: '0.05', min: '0', value: '1' });
    const military = h('input', { type: 'number', step: '0.05', min: '0', value: '0.8' });
    const aggressor = select(stateOpts, ids[0]);
    const target = select(stateOpts, ids[1] || ids[0]);
    const text = h('input', { type: 'text', maxlength: '400', placeholder: t('inject.textPlaceholder') });
    const groups = {
      scheduled: h('div', {}, field('inj-event', t('inject.event'), event)),
      intent: h('div', { class: 'row' }, field('inj-observer', t('inject.observer'), observer), field('inj-actor', t('inject.actor'), actor), field('inj-delta', t('inject.delta'), delta)),
      capability: h('div', { class: 'row' }, field('inj-cap-state', t('common.state'), capState), field('inj-economy', t('inject.economy'), economy), field('inj-military', t('inject.military'), military)),
      crisis: h('div', { class: 'row' }, field('inj-aggressor', t('inject.aggressor'), aggressor), field('inj-target', t('inject.target'), target)),
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
        if (aggressor.value === target.value) return note(t('inject.self'), 'error');
        inj.crisis = { aggressor: aggressor.value, target: target.value };
      }
      command({ inject: inj });
    } }, field('inj-kind', t('inject.kind'), kind), Object.values(groups),
    kind.value === 'scheduled' || catalogue.length ? null : h('p', { class: 'hint' }, t('inject.noEvents')),
    field('inj-text', t('inject.text'), text),
    h('button', { type: 'submit', id: 'btn-inject' }, t('inject.button')));
    fill(bodies.inject, form);
  }

  let scTitle = '';
  function where(v) {
    return t('console.where', { scenario: scTitle || v.scenario, turn: v.turn, turns: v.turns, label: labelOf(v.turn, v.turnLabel) });
  }

  function render(v) {
    const first = !view;
    view = v;
    if (first) rememberGame(v.gameId, token, '');
    // once the game is over, nothing is left to steer: the clock and inject cards say so
    if (v.phase === 'FINISHED' && !bodies.controls.querySelector('.game-over')) {
      fill(bodies.controls, h('p', { class: 'game-over notice ok' }, t('console.overNotice')));
      fill(bodies.inject, h('p', { class: 'hint' }, t('console.overNoInjects')));
    }
    const nameOf = namer(v);
    const ids = (v.nations || []).map((n) => n.id);
    fill(header, h('h1', {}, t('console.title', { game: v.gameId })),
      h('p', {}, h('span', { id: 'where' }, where(v)), ' · ', h('span', { id: 'phase' }, phaseText(v.phase))));
    turnClock.fromView(v);
    const omni = v.omniscient || {};
    const submitted = omni.submitted || [];
    fill(bodies.omniscient,
      heatmap(t('console.threatMatrix'), omni.threat || [], ids, nameOf),
      heatmap(t('console.intentMatrix'), omni.intent || [], ids, nameOf, (x) => num(x, 2)),
      h('table', { class: 'kv' }, h('caption', {}, t('console.coverageOrders')), h('tbody', {}, ids.map((id, i) => {
        const sub = submitted.find((s) => s.state === id);
        return h('tr', {}, h('th', { scope: 'row' }, id), h('td', {}, pct((omni.coverage || [])[i])), h('td', {}, sub ? t('console.ordersBy', { orders: ordersText(sub.orders), by: submitter(sub.submittedBy) }) : t('console.noOrders')));
      }))));
    fill(bodies.imap, drawMap(v, coords, ''));
    fill(bodies.ialliances, alliancesTable(v, nameOf, ''));
    if (first) {
      coordinates(conn, v.scenario).then((c) => {
        coords = c;
        fill(bodies.imap, drawMap(view, coords, ''));
      });
      scenarioTitle(conn, v.scenario).then((x) => {
        scTitle = x;
        const w = document.getElementById('where');
        if (w) w.textContent = where(view);
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
    const news = (v.news || []).map((n, i) => local(engineText(n), (v.newsKo || [])[i])).filter((n) => !loggedNews.has(`${v.turn}:${n}`));
    news.forEach((n) => loggedNews.add(`${v.turn}:${n}`));
    if (news.length) logLine(t('console.news', { turn: v.turn }), h('ul', {}, news.map((n) => h('li', {}, n))));
  }

  const pressList = h('ol', { class: 'press-list' });
  const pressText = h('textarea', { rows: '2', maxlength: '4000' });
  const pressTo = h('select', {});
  const pressButton = h('button', { type: 'submit' }, t('console.sendAll'));
  // Everyone by default; one state (its whole team) privately on request.
  function renderRecipients(v) {
    if (pressTo.options.length) return;
    const nameOf = namer(v);
    pressTo.append(h('option', { value: '*all' }, t('press.toAll')),
      ...(v.nations || []).map((n) => h('option', { value: n.id }, t('console.toTeam', { state: nameOf(n.id) }))));
    pressTo.value = '*all';
  }
  pressTo.addEventListener('change', () => {
    pressButton.textContent = pressTo.value === '*all' ? t('console.sendAll') : t('console.sendOne', { state: pressTo.value });
  });
  bodies.ipress.append(pressList, h('form', { onsubmit: async (ev) => {
    ev.preventDefault();
    if (!pressText.value.trim()) return note(t('press.empty'), 'error');
    const body = { token, text: pressText.value };
    if (pressTo.value !== '*all') body.to = [pressTo.value];
    try {
      await conn.request({ sendPress: body });
      pressText.value = '';
    } catch (e) {
      note(e.message, 'error');
    }
    return null;
  } }, field('ipress-to', t('press.to'), pressTo), field('ipress-text', t('press.message'), pressText), pressButton),
  transcriptButton(() => view && view.gameId, token));
  function renderPress() {
    const all = [...messages.values()].sort((a, b) => Number(a.sentEpochMs || 0) - Number(b.sentEpochMs || 0));
    fill(pressList, all.length ? all.map((p) => pressItem(p, '')) : h('li', { class: 'hint' }, t('press.noneYet')));
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
    logLine(`${eventKind(e.kind)}: ${engineText(e.text || '')}`);
    turnClock.fromEvent(e);
    refreshSeats();
  });
  conn.on('error', (e) => note(`${e.code}: ${e.message}`, 'error'));
  conn.on('closed', (e) => note(e.replaced ? t('console.replaced') : t('common.reconnecting'), 'error'));

  await conn.request({ resume: { token } }).catch((e) => {
    main.prepend(h('p', { class: 'notice error', role: 'alert' }, t('console.cannot', { message: e.message })));
    throw e;
  });
}
