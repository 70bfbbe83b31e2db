// A student's seat: briefing, map, own state, threats, orders, messages, and each turn's results.
import { h, fill, field, select } from './dom.js';
import { drawMap, coordinates } from './map.js';
import { orderForm } from './orders.js';
import { namer, capabilities, threatRow, results, pressItem, labelOf, cards, phaseText, TurnClock, alliancesTable, ordersText } from './panels.js';
import { closurePanel, myDebrief } from './closure.js';

// "14:02": the time of day a team-mate sent or shared something
function clockTime(ms) {
  return ms ? new Date(Number(ms)).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
}

export async function seatPage(main, page, token) {
  const conn = page.connect();
  const header = h('div', { class: 'seat-head card' });
  const clock = h('p', { class: 'clock', role: 'timer', 'aria-live': 'off', id: 'countdown' });
  const events = h('ul', { class: 'events', 'aria-live': 'polite', id: 'game-events' });
  const { sec, body: bodies } = cards([['briefing', 'Briefing'], ['map', 'Map'], ['alliances', 'Alliances'], ['my-state', 'Your state'],
    ['threats', 'Threats'], ['orders-sec', 'Orders'], ['messages', 'Messages'], ['results', 'What happened']]);
  const turnClock = new TurnClock(page, clock, 'Deadline');
  main.append(
    h('a', { class: 'skip-inline', href: '#orders-sec', id: 'skip-orders', onclick: (ev) => { ev.preventDefault(); focusOrders(); } }, 'Go to the order form'),
    header, clock, events,
    h('div', { class: 'grid' },
      h('div', { class: 'col' }, sec.briefing, sec.map, sec.alliances, sec['my-state'], sec.threats),
      h('div', { class: 'col' }, sec['orders-sec'], sec.results, sec.messages)));

  let view = null;
  let formTurn = -1;
  let ordersStamp = '';
  let form = null;
  let draft = null;
  let debriefShown = false;
  const teamOrders = h('p', { id: 'team-orders', role: 'status', class: 'team-line' });
  const teamDraft = h('div', { id: 'team-draft', 'aria-live': 'polite' });
  const messages = new Map();
  let coords;
  let lastResolved = null;

  function focusOrders() {
    const first = document.querySelector('#orders input[name=stance]:checked') || document.querySelector('#orders input[name=stance]');
    if (first) first.focus();
    else document.getElementById('orders-sec-h').focus();
  }


  function render(v) {
    const first = !view;
    view = v;
    const nameOf = namer(v);
    const me = (v.nations || []).find((n) => n.id === v.self) || {};
    fill(header,
      h('h1', {}, v.role === 'OBSERVER' ? `Watching game ${v.gameId}` : `${me.name || v.self} (${v.self})`),
      h('p', {}, `Game ${v.gameId} · ${v.scenario} · turn ${v.turn} of ${v.turns}${labelOf(v.turn, v.turnLabel)} · `,
        h('span', { id: 'phase' }, phaseText(v.phase))),
      h('p', { class: 'hint' }, h('a', { href: `#/replay/${token}` }, 'Replay the turns played so far')));
    turnClock.fromView(v);
    fill(bodies.briefing,
      h('details', { open: first && v.turn === 1 },
        h('summary', {}, 'The scenario'), h('p', {}, v.briefing || '')),
      h('details', { open: first && v.turn === 1 },
        h('summary', {}, 'Your private briefing'), h('p', { id: 'private-briefing' }, v.privateBriefing || '')),
      (v.news || []).length ? h('div', { class: 'news' }, h('h3', {}, 'News this turn'), h('ul', {}, v.news.map((n) => h('li', {}, n)))) : null);
    fill(bodies.map, drawMap(v, coords, v.self));
    if (first) {
      coordinates(conn, v.scenario).then((c) => {
        coords = c;
        fill(bodies.map, drawMap(view, coords, view.self));
      });
    }
    fill(bodies.alliances, alliancesTable(v, nameOf, v.self));
    fill(bodies['my-state'], capabilities(me),
      (v.leanings || []).length ? h('p', {}, `Your politics lean toward ${v.leanings.join(', ')}.`) : null);
    fill(bodies.threats, threatRow(v, nameOf));
    if (first || v.turn !== formTurn) {
      // a new turn: the last turn's lines are stale
      events.replaceChildren();
      draft = null;
    }
    // orders a team-mate sent (or sent before a reload) fill the form again
    const stamp = `${v.turn}:${v.myOrdersBy || ''}:${v.myOrdersEpochMs || ''}`;
    const teamSent = stamp !== ordersStamp && !!v.myOrdersBy;
    ordersStamp = stamp;
    if (v.teamDraft) draft = v.teamDraft;
    if (v.turn !== formTurn || v.phase === 'FINISHED' || v.phase === 'ELIMINATED' || (teamSent && form)) {
      formTurn = v.turn;
      form = null;
      if (v.role === 'OBSERVER') {
        fill(bodies['orders-sec'], h('p', {}, 'You are watching the public part of the game: observers send no orders.'));
      } else if (v.phase === 'FINISHED') {
        fill(bodies['orders-sec'], closurePanel(v, token, nameOf));
        if (!debriefShown) {
          debriefShown = true;
          myDebrief(conn, token, nameOf).then((el) => main.append(el)).catch((e) => main.append(h('p', { class: 'notice error' }, `Your debrief is not available: ${e.message}`)));
        }
      } else if (v.phase === 'ELIMINATED' || me.active === false) {
        fill(bodies['orders-sec'], h('p', { class: 'eliminated' }, 'Your state has been conquered: you can only watch.',
          v.eliminated && v.eliminated.reason ? ` ${v.eliminated.reason}.` : ''));
      } else {
        form = orderForm(v, nameOf, async (orders) => {
          const r = await conn.request({ submitOrders: { token, turn: v.turn, state: v.self, orders } });
          teamOrders.textContent = `Orders in, sent by ${r.ordersAccepted.submittedBy} at ${clockTime(Date.now())}.`;
          return `Orders for turn ${r.ordersAccepted.turn} accepted (sent by ${r.ordersAccepted.submittedBy}). You may change them until the turn is adjudicated.`;
        });
        const shareStatus = h('span', { role: 'status', class: 'hint' });
        const share = h('button', { type: 'button', id: 'share-draft', onclick: async () => {
          const orders = clean(form.read());
          try {
            await conn.request({ shareDraft: { token, turn: v.turn, orders } });
            shareStatus.textContent = 'Shared with your team (not sent).';
          } catch (e) {
            shareStatus.textContent = `Not shared: ${e.message}`;
          }
        } }, 'Show this draft to my team');
        fill(bodies['orders-sec'], teamOrders, teamDraft, form.el, h('p', {}, share, ' ', shareStatus));
      }
    }
    teamOrders.textContent = v.myOrdersBy
      ? `Orders in, sent by ${v.myOrdersBy}${v.myOrdersEpochMs && v.myOrdersEpochMs !== '0' ? ` at ${clockTime(v.myOrdersEpochMs)}` : ''}: ${ordersText(v.myOrders)}.`
      : v.phase === 'ORDERS' || v.phase === 'PAUSED' ? 'No orders in yet for this turn from your team.' : '';
    renderDraft();
    for (const p of v.messages || []) messages.set(p.id, p);
    renderMessages();
    if (!lastResolved && (v.outcomes || []).length) {
      fill(bodies.results, results({ turn: v.turn - 1, outcomes: v.outcomes, stances: v.lastStances }, nameOf, `Last turn (${v.turn - 1})`));
    } else if (!lastResolved) {
      fill(bodies.results, h('p', {}, 'Nothing has been adjudicated yet.'));
    }
  }

  // messages: list and form
  const list = h('ol', { class: 'press-list', id: 'press-list', 'aria-live': 'polite' });
  const to = h('select', {});
  const text = h('textarea', { rows: '3', maxlength: '4000', required: true });
  const sendStatus = h('p', { role: 'status' });
  const pressForm = h('form', { id: 'press-form' },
    field('press-to', 'To', to), field('press-text', 'Message', text),
    h('button', { type: 'submit' }, 'Send message'), sendStatus);
  pressForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!text.value.trim()) {
      sendStatus.textContent = 'Message: write something first.';
      return;
    }
    const body = { token, text: text.value };
    if (to.value === '*team') body.team = true;
    else if (to.value !== '*all') body.to = [to.value];
    try {
      await conn.request({ sendPress: body });
      sendStatus.textContent = 'Sent.';
      text.value = '';
    } catch (e) {
      sendStatus.textContent = `Not sent: ${e.message}`;
    }
  });
  function renderMessages() {
    if (!view) return;
    if (!to.options.length) {
      const nameOf = namer(view);
      fill(to, ...select([{ value: '*all', label: 'Everyone (public)' }, { value: '*team', label: 'My team only' }]
        .concat((view.nations || []).filter((n) => n.id !== view.self).map((n) => ({ value: n.id, label: `${nameOf(n.id)} only (private)` }))), '*all').children);
      // the options were built in another select: choose everyone here, explicitly
      to.value = '*all';
    }
    const all = [...messages.values()].sort((a, b) => Number(a.sentEpochMs || 0) - Number(b.sentEpochMs || 0));
    fill(list, all.length ? all.map((p) => pressItem(p, view.self)) : h('li', { class: 'hint' }, 'No messages yet.'));
    if (view.role === 'OBSERVER') {
      if (!bodies.messages.contains(list)) fill(bodies.messages, list, h('p', { class: 'hint' }, 'Observers read the public messages only.'));
    } else if (!bodies.messages.contains(pressForm)) fill(bodies.messages, list, pressForm);
  }

  // a draft's numbers the form could not read yet (an empty effort) are left out
  function clean(orders) {
    const o = JSON.parse(JSON.stringify(orders, (k, x) => (typeof x === 'number' && !Number.isFinite(x) ? undefined : x)));
    return o;
  }
  function renderDraft() {
    if (!draft || !view || draft.turn !== view.turn || view.phase === 'FINISHED') {
      teamDraft.replaceChildren();
      return;
    }
    fill(teamDraft, h('p', { class: 'notice info' },
      `Draft by ${draft.member}${draft.sharedEpochMs ? ` (${clockTime(draft.sharedEpochMs)})` : ''}, not sent: ${ordersText(draft.orders)}`,
      draft.note ? ` (${draft.note})` : ''));
  }
  conn.on('teamDraft', (d) => {
    draft = d;
    renderDraft();
  });
  conn.on('view', render);
  conn.on('press', (p) => {
    messages.set(p.id, p);
    renderMessages();
  });
  conn.on('turnResolved', (r) => {
    lastResolved = r;
    fill(bodies.results, results(r, namer(view || {})));
  });
  conn.on('gameEvent', (e) => {
    events.prepend(h('li', {}, e.text || e.kind));
    while (events.children.length > 4) events.lastChild.remove();
    turnClock.fromEvent(e);
  });
  conn.on('error', (e) => events.prepend(h('li', { class: 'error' }, `${e.code}: ${e.message}`)));
  conn.on('closed', (e) => events.prepend(h('li', { class: 'error' }, e.replaced
    ? 'This seat was opened in another window or tab; this page no longer receives anything.'
    : 'The connection to the server closed; reconnecting…')));

  await conn.request({ resume: { token } }).catch((e) => {
    main.prepend(h('p', { class: 'notice error', role: 'alert' }, `Cannot take this seat: ${e.message}`));
    throw e;
  });
}
