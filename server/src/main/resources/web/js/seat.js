// A student's seat: briefing, map, own state, threats, orders, messages, and each turn's results.
import { h, fill, field, select } from './dom.js';
import { drawMap, coordinates, scenarioTitle } from './map.js';
import { orderForm } from './orders.js';
import { t, local } from './i18n.js';
import { engineText } from './i18n/engine.js';
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
  const { sec, body: bodies } = cards([['briefing', t('seat.briefing')], ['map', t('common.map')], ['alliances', t('common.alliances')], ['my-state', t('seat.myState')],
    ['threats', t('seat.threats')], ['orders-sec', t('seat.orders')], ['messages', t('common.messages')], ['results', t('seat.results')]]);
  const turnClock = new TurnClock(page, clock, 'clock.deadline');
  main.append(
    h('a', { class: 'skip-inline', href: '#orders-sec', id: 'skip-orders', onclick: (ev) => { ev.preventDefault(); focusOrders(); } }, t('seat.skipOrders')),
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
  let scTitle = '';

  function focusOrders() {
    const first = document.querySelector('#orders input[name=stance]:checked') || document.querySelector('#orders input[name=stance]');
    if (first) first.focus();
    else document.getElementById('orders-sec-h').focus();
  }


  function where(v) {
    return t('seat.where', { game: v.gameId, scenario: scTitle || v.scenario, turn: v.turn, turns: v.turns, label: labelOf(v.turn, v.turnLabel) });
  }

  function render(v) {
    const first = !view;
    view = v;
    const nameOf = namer(v);
    const me = (v.nations || []).find((n) => n.id === v.self) || {};
    fill(header,
      h('h1', {}, v.role === 'OBSERVER' ? t('seat.watching', { game: v.gameId }) : `${local(me.name, (v.stateNamesKo || {})[me.id]) || v.self} (${v.self})`),
      h('p', {}, h('span', { id: 'where' }, where(v)), ' · ',
        h('span', { id: 'phase' }, phaseText(v.phase))),
      h('p', { class: 'hint' }, h('a', { href: `#/replay/${token}` }, t('seat.replay'))));
    turnClock.fromView(v);
    fill(bodies.briefing,
      h('details', { open: first && v.turn === 1 },
        h('summary', {}, t('seat.scenario')), h('p', {}, local(v.briefing, v.briefingKo))),
      h('details', { open: first && v.turn === 1 },
        h('summary', {}, t('seat.privateBriefing')), h('p', { id: 'private-briefing' }, local(v.privateBriefing, v.privateBriefingKo))),
      (v.news || []).length ? h('div', { class: 'news' }, h('h3', {}, t('seat.news')), h('ul', {}, v.news.map((n, i) => h('li', {}, local(engineText(n), (v.newsKo || [])[i]))))) : null);
    fill(bodies.map, drawMap(v, coords, v.self));
    if (first) {
      scenarioTitle(conn, v.scenario).then((x) => {
        scTitle = x;
        const w = document.getElementById('where');
        if (w) w.textContent = where(view);
      });
      coordinates(conn, v.scenario).then((c) => {
        coords = c;
        fill(bodies.map, drawMap(view, coords, view.self));
      });
    }
    fill(bodies.alliances, alliancesTable(v, nameOf, v.self));
    fill(bodies['my-state'], capabilities(me),
      (v.leanings || []).length ? h('p', {}, t('seat.leanings', { states: v.leanings.join(', ') })) : null);
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
        fill(bodies['orders-sec'], h('p', {}, t('seat.observerNoOrders')));
      } else if (v.phase === 'FINISHED') {
        fill(bodies['orders-sec'], closurePanel(v, token, nameOf));
        if (!debriefShown) {
          debriefShown = true;
          myDebrief(conn, token, nameOf).then((el) => main.append(el)).catch((e) => main.append(h('p', { class: 'notice error' }, t('seat.debriefUnavailable', { message: e.message }))));
        }
      } else if (v.phase === 'ELIMINATED' || me.active === false) {
        fill(bodies['orders-sec'], h('p', { class: 'eliminated' }, t('seat.conquered'),
          v.eliminated && v.eliminated.reason ? ` ${engineText(v.eliminated.reason)}.` : ''));
      } else {
        form = orderForm(v, nameOf, async (orders) => {
          const r = await conn.request({ submitOrders: { token, turn: v.turn, state: v.self, orders } });
          teamOrders.textContent = t('seat.ordersInAt', { by: r.ordersAccepted.submittedBy, time: clockTime(Date.now()) });
          return t('seat.accepted', { turn: r.ordersAccepted.turn, by: r.ordersAccepted.submittedBy });
        });
        const shareStatus = h('span', { role: 'status', class: 'hint' });
        const share = h('button', { type: 'button', id: 'share-draft', onclick: async () => {
          const orders = clean(form.read());
          try {
            await conn.request({ shareDraft: { token, turn: v.turn, orders } });
            shareStatus.textContent = t('seat.draftShared');
          } catch (e) {
            shareStatus.textContent = t('seat.draftNotShared', { message: e.message });
          }
        } }, t('seat.shareDraft'));
        fill(bodies['orders-sec'], teamOrders, teamDraft, form.el, h('p', {}, share, ' ', shareStatus));
      }
    }
    teamOrders.textContent = v.myOrdersBy
      ? (v.myOrdersEpochMs && v.myOrdersEpochMs !== '0' ? t('seat.ordersInAtWhat', { by: v.myOrdersBy, time: clockTime(v.myOrdersEpochMs), orders: ordersText(v.myOrders) }) : t('seat.ordersInWhat', { by: v.myOrdersBy, orders: ordersText(v.myOrders) }))
      : v.phase === 'ORDERS' || v.phase === 'PAUSED' ? t('seat.noTeamOrders') : '';
    renderDraft();
    for (const p of v.messages || []) messages.set(p.id, p);
    renderMessages();
    if (!lastResolved && (v.outcomes || []).length) {
      fill(bodies.results, results({ turn: v.turn - 1, outcomes: v.outcomes, stances: v.lastStances }, nameOf, t('seat.lastTurn', { turn: v.turn - 1 })));
    } else if (!lastResolved) {
      fill(bodies.results, h('p', {}, t('seat.nothingYet')));
    }
  }

  // messages: list and form
  const list = h('ol', { class: 'press-list', id: 'press-list', 'aria-live': 'polite' });
  const to = h('select', {});
  const text = h('textarea', { rows: '3', maxlength: '4000', required: true });
  const sendStatus = h('p', { role: 'status' });
  const pressForm = h('form', { id: 'press-form' },
    field('press-to', t('press.to'), to), field('press-text', t('press.message'), text),
    h('button', { type: 'submit' }, t('press.send')), sendStatus);
  pressForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!text.value.trim()) {
      sendStatus.textContent = t('press.empty');
      return;
    }
    const body = { token, text: text.value };
    if (to.value === '*team') body.team = true;
    else if (to.value !== '*all') body.to = [to.value];
    try {
      await conn.request({ sendPress: body });
      sendStatus.textContent = t('press.sent');
      text.value = '';
    } catch (e) {
      sendStatus.textContent = t('press.notSent', { message: e.message });
    }
  });
  function renderMessages() {
    if (!view) return;
    if (!to.options.length) {
      const nameOf = namer(view);
      fill(to, ...select([{ value: '*all', label: t('press.toAll') }, { value: '*team', label: t('press.toTeam') }]
        .concat((view.nations || []).filter((n) => n.id !== view.self).map((n) => ({ value: n.id, label: t('press.toState', { state: nameOf(n.id) }) }))), '*all').children);
      // the options were built in another select: choose everyone here, explicitly
      to.value = '*all';
    }
    const all = [...messages.values()].sort((a, b) => Number(a.sentEpochMs || 0) - Number(b.sentEpochMs || 0));
    fill(list, all.length ? all.map((p) => pressItem(p, view.self)) : h('li', { class: 'hint' }, t('press.noneYet')));
    if (view.role === 'OBSERVER') {
      if (!bodies.messages.contains(list)) fill(bodies.messages, list, h('p', { class: 'hint' }, t('press.observers')));
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
      draft.sharedEpochMs ? t('seat.draftByAt', { member: draft.member, time: clockTime(draft.sharedEpochMs), orders: ordersText(draft.orders) }) : t('seat.draftBy', { member: draft.member, orders: ordersText(draft.orders) }),
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
    events.prepend(h('li', {}, e.text ? engineText(e.text) : e.kind));
    while (events.children.length > 4) events.lastChild.remove();
    turnClock.fromEvent(e);
  });
  conn.on('error', (e) => events.prepend(h('li', { class: 'error' }, `${e.code}: ${e.message}`)));
  conn.on('closed', (e) => events.prepend(h('li', { class: 'error' }, e.replaced
    ? t('seat.replaced')
    : t('common.reconnecting'))));

  await conn.request({ resume: { token } }).catch((e) => {
    main.prepend(h('p', { class: 'notice error', role: 'alert' }, t('seat.cannot', { message: e.message })));
    throw e;
  });
}
