// The order form: one stance and at most two actions, checked before sending, each choice
// explained in plain language. Works with the keyboard alone (radios, selects, inputs, Enter).
import { h, fill, field, select, num } from './dom.js';
import { STANCES, ACTIONS, OFFENSIVE_FLAG, describe } from './explain.js';
import { allianceText } from './panels.js';

/** Problems with orders for this view, each naming the field; empty when they may be sent. */
export function validate(orders, view) {
  const problems = [];
  const self = view.self;
  const ids = new Set((view.nations || []).map((n) => n.id));
  const me = (view.nations || []).find((n) => n.id === self) || {};
  const rules = view.rules || {};
  const other = (id, where) => {
    if (!id) problems.push(`${where}: choose a state`);
    else if (!ids.has(id)) problems.push(`${where}: no state ${id}`);
    else if (id === self) problems.push(`${where}: not your own state`);
  };
  const st = orders.stance || {};
  if (st.balance) {
    other(st.balance.against, 'Balance against');
    const max = rules.maxInternalEffort ?? 0.3;
    const e = st.balance.internal;
    if (!(e >= 0 && e <= max)) problems.push(`Internal effort: between 0% and ${Math.round(max * 1000) / 10}%`);
    const partners = st.balance.partners || [];
    partners.forEach((p, k) => {
      other(p, 'Propose an alliance to');
      if (partners.indexOf(p) !== k) problems.push(`Propose an alliance to: ${p} is named twice`);
    });
  } else if (st.bandwagon) {
    other(st.bandwagon.with, 'Bandwagon with');
    const patron = (view.nations || []).find((n) => n.id === st.bandwagon.with);
    if (patron && patron.patron === self) problems.push(`Bandwagon with: ${st.bandwagon.with} is your own client`);
  } else if (st.buckPass) {
    other(st.buckPass.threat, 'Pass the buck: threat');
    other(st.buckPass.catcher, 'Pass the buck: catcher');
    if (st.buckPass.threat && st.buckPass.threat === st.buckPass.catcher) problems.push('Pass the buck: the catcher cannot be the threat itself');
  } else if (!st.hide) {
    problems.push('Stance: choose one');
  }
  const seen = new Set();
  let aidTotal = 0;
  (orders.actions || []).forEach((a, i) => {
    const where = `Action ${i + 1}`;
    const key = JSON.stringify(a);
    if (seen.has(key)) problems.push(`${where}: the same action twice`);
    seen.add(key);
    if (a.attack) {
      other(a.attack.target, `${where} (attack) target`);
      if (st.hide) problems.push(`${where}: you cannot attack while hiding`);
    } else if (a.aid) {
      other(a.aid.to, `${where} (aid) receiver`);
      const max = (rules.aidMaxShare ?? 0.1) * (me.economy || 0);
      aidTotal += a.aid.amount > 0 ? a.aid.amount : 0;
      if (!(a.aid.amount > 0)) problems.push(`${where} (aid): the amount must be above 0`);
      else if (aidTotal > max + 1e-9) problems.push(`${where} (aid): at most ${num(max, 1)} points in all this turn (${Math.round((rules.aidMaxShare ?? 0.1) * 100)}% of your economy)`);
      if (st.hide) problems.push(`${where}: you send no aid while hiding`);
    } else if (a.penetrate) {
      other(a.penetrate.target, `${where} (penetrate) target`);
    } else if (a.leave) {
      const mine = (view.alliances || []).some((al) => al.id === a.leave.alliance && (al.members || []).includes(self));
      if (!a.leave.alliance) problems.push(`${where} (leave): choose an alliance`);
      else if (!mine) problems.push(`${where} (leave): you are not a member of ${a.leave.alliance}`);
    }
  });
  return problems;
}

/**
 * What may keep valid orders from doing what they say: an attack on a state that is, right now, an
 * ally or one's own client stands only if this turn's alignments end that tie first; balancing
 * against an ally, or bandwagoning with an alliance's target, leaves that alliance; a partner that is
 * the target of one's alliance (or whose alliance targets oneself) cannot become an ally; the
 * offensive flag without partners founds nothing.
 */
export function cautions(orders, view) {
  const self = view.self;
  const out = [];
  const allies = new Set();
  for (const a of view.alliances || []) if ((a.members || []).includes(self)) a.members.forEach((m) => allies.add(m));
  const st = orders.stance || {};
  const mine = (view.alliances || []).filter((a) => (a.members || []).includes(self));
  if (st.balance) {
    const b = st.balance;
    for (const al of mine) {
      if (b.against && al.members.includes(b.against)) out.push(`${b.against} is your ally in ${al.id}: balancing against it takes you out of ${al.id} (LEFT_INCONSISTENT_ALLIANCE).`);
    }
    for (const p of b.partners || []) {
      const aimed = mine.find((al) => al.target === p);
      if (aimed) out.push(`${p} is the target of your alliance ${aimed.id}: it cannot become your ally (ALLY_IS_TARGET).`);
      const theirs = (view.alliances || []).find((al) => !(al.members || []).includes(self) && (al.members || []).includes(p) && al.target === self);
      if (theirs) out.push(`you are the target of ${p}'s alliance ${theirs.id}: it cannot become your ally (ALLY_IS_TARGET).`);
    }
    if (b.offensive && !(b.partners || []).length) out.push('the offensive flag does nothing without partners: it only sets the kind of an alliance these orders found.');
  } else if (st.bandwagon) {
    for (const al of mine) {
      if (al.target === st.bandwagon.with) out.push(`${al.id} is aimed at ${st.bandwagon.with}: bandwagoning with it takes you out of ${al.id} (LEFT_ALLIANCE_FOR_PATRON).`);
    }
  }
  for (const a of orders.actions || []) {
    if (!a.attack) continue;
    const target = (view.nations || []).find((n) => n.id === a.attack.target);
    if (allies.has(a.attack.target)) out.push(`${a.attack.target} is your ally: the attack is refused unless the alliance is gone after this turn's alignments (leave it).`);
    if (target && target.patron === self) out.push(`${a.attack.target} is your client: the attack is refused unless it stops bandwagoning with you this turn.`);
  }
  return out;
}

/**
 * The form. onSubmit(orders) sends them and returns a promise of a status text (or throws).
 * Returns {el, set(view)}.
 */
export function orderForm(view, nameOf, onSubmit) {
  const self = view.self;
  const others = (view.nations || []).filter((n) => n.id !== self && n.active !== false);
  const stateOptions = [{ value: '', label: 'choose a state' }].concat(others.map((n) => ({ value: n.id, label: `${n.name} (${n.id})` })));
  const myAlliances = (view.alliances || []).filter((a) => (a.members || []).includes(self));
  const maxEffort = (view.rules || {}).maxInternalEffort ?? 0.3;

  const radios = STANCES.map((st) => h('div', { class: 'choice' },
    h('input', { type: 'radio', name: 'stance', value: st.kind, id: `st-${st.kind}`, 'aria-describedby': `st-${st.kind}-why` }),
    h('label', { for: `st-${st.kind}` }, st.label),
    h('p', { class: 'why', id: `st-${st.kind}-why` }, st.text)));

  const against = select(stateOptions, (view.principalLeader || ''));
  // the effort is typed in percent (as the summary says it), sent as a fraction
  const maxPercent = Math.round(maxEffort * 1000) / 10;
  const internal = h('input', { type: 'number', min: '0', max: String(maxPercent), step: '1', value: '10', inputmode: 'decimal' });
  const partners = others.map((n) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', value: n.id, name: 'partner' }), ` ${n.name} (${n.id})`));
  const balOffensive = h('input', { type: 'checkbox', id: 'o-offensive', 'aria-describedby': 'o-offensive-hint' });
  const bwWith = select(stateOptions, '');
  const bwOffensive = h('input', { type: 'checkbox' });
  const bpThreat = select(stateOptions, view.principalLeader || '');
  const bpCatcher = select(stateOptions, '');

  const params = {
    balance: h('div', { class: 'params', 'data-for': 'balance' },
      field('o-against', 'Balance against', against),
      field('o-internal', `Internal effort (0% to ${maxPercent}%)`, internal, 'Percent of half your economy turned into military this turn.'),
      h('fieldset', { class: 'partners' }, h('legend', {}, 'Propose an alliance to'), partners),
      h('div', { class: 'field' }, h('label', { class: 'check', for: 'o-offensive' }, balOffensive, ` ${OFFENSIVE_FLAG.label}`),
        h('p', { class: 'hint', id: 'o-offensive-hint' }, OFFENSIVE_FLAG.text))),
    bandwagon: h('div', { class: 'params', 'data-for': 'bandwagon' },
      field('o-with', 'Bandwagon with', bwWith),
      h('label', { class: 'check' }, bwOffensive, ' Offensive (join its attacks, share the spoils)')),
    hide: h('div', { class: 'params', 'data-for': 'hide' }),
    buckPass: h('div', { class: 'params', 'data-for': 'buckPass' },
      field('o-threat', 'The threat you stay out against', bpThreat),
      field('o-catcher', 'The catcher you hope will stand up to it', bpCatcher)),
  };

  const slots = [0, 1].map((i) => actionSlot(i, stateOptions, myAlliances, view));
  const explain = h('p', { id: 'orders-explain', class: 'explain', 'aria-live': 'polite' });
  const problems = h('ul', { id: 'orders-problems', class: 'problems', role: 'alert' });
  const status = h('p', { id: 'orders-status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'orders-submit' }, 'Send orders');

  const form = h('form', { id: 'orders', novalidate: true, 'aria-label': 'Orders for this turn' },
    h('fieldset', { class: 'stances' }, h('legend', {}, 'Stance (choose one)'), radios),
    Object.values(params),
    h('fieldset', { class: 'actions' }, h('legend', {}, 'Actions (at most two)'), slots.map((sl) => sl.el)),
    h('div', { class: 'summary' }, h('h3', {}, 'What these orders do'), explain),
    problems, submit, status);

  function stanceKind() {
    const r = form.querySelector('input[name=stance]:checked');
    return r ? r.value : '';
  }

  function read() {
    const kind = stanceKind();
    const stance = {};
    if (kind === 'balance') {
      stance.balance = { against: against.value, internal: internal.value.trim() === '' ? NaN : Number(internal.value) / 100, partners: partners.map((l) => l.querySelector('input')).filter((c) => c.checked).map((c) => c.value) };
      if (balOffensive.checked) stance.balance.offensive = true;
    } else if (kind === 'bandwagon') {
      stance.bandwagon = { with: bwWith.value, offensive: bwOffensive.checked };
    } else if (kind === 'hide') {
      stance.hide = {};
    } else if (kind === 'buckPass') {
      stance.buckPass = { threat: bpThreat.value, catcher: bpCatcher.value };
    }
    return { stance, actions: slots.map((sl) => sl.read()).filter(Boolean) };
  }

  function refresh() {
    const kind = stanceKind();
    for (const [k, el] of Object.entries(params)) el.hidden = k !== kind;
    slots.forEach((sl) => sl.refresh());
    const orders = read();
    const found = validate(orders, view);
    explain.textContent = kind ? [describe(orders, view, nameOf)].concat(cautions(orders, view).map((c) => `Careful: ${c}`)).join(' ') : 'Choose a stance.';
    // problems show once the player has started (a stance chosen) or tried to send
    fill(problems, kind || tried ? found.map((p) => h('li', {}, p)) : []);
    return found;
  }

  form.addEventListener('input', refresh);
  form.addEventListener('change', refresh);
  let tried = false;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    tried = true;
    const found = refresh();
    if (found.length) {
      status.textContent = 'Not sent: fix the problems listed above.';
      status.className = 'notice error';
      return;
    }
    submit.disabled = true;
    status.textContent = 'Sending…';
    try {
      status.textContent = await onSubmit(read());
      status.className = 'notice ok';
    } catch (e) {
      status.textContent = `Refused: ${e.message}`;
      status.className = 'notice error';
    } finally {
      submit.disabled = false;
    }
  });

  prefill(view.myOrders, { form, against, internal, partners, balOffensive, bwWith, bwOffensive, bpThreat, bpCatcher, slots });
  refresh();
  return { el: form, refresh, read };
}

function actionSlot(i, stateOptions, myAlliances, view) {
  const kind = select(ACTIONS.map((a) => ({ value: a.kind, label: a.label })), '');
  const target = select(stateOptions, '');
  const amount = h('input', { type: 'number', min: '0', step: '1', value: '5', inputmode: 'decimal' });
  const alliance = select([{ value: '', label: 'choose an alliance' }].concat(myAlliances.map((a) => ({ value: a.id, label: allianceText(a) }))), '');
  const why = h('p', { class: 'why', id: `a${i}-why` });
  kind.setAttribute('aria-describedby', `a${i}-why`);
  const targetField = field(`a${i}-target`, 'Which state', target);
  const amountField = field(`a${i}-amount`, `Points (at most ${num(((view.rules || {}).aidMaxShare ?? 0.1) * (((view.nations || []).find((n) => n.id === view.self) || {}).economy || 0), 1)})`, amount);
  const allianceField = field(`a${i}-alliance`, 'Which alliance', alliance);
  const el = h('div', { class: 'slot' }, field(`a${i}-kind`, `Action ${i + 1}`, kind), why, targetField, amountField, allianceField);
  return {
    el,
    kind, target, amount, alliance,
    refresh() {
      const k = kind.value;
      why.textContent = (ACTIONS.find((a) => a.kind === k) || {}).text || '';
      targetField.hidden = !['attack', 'aid', 'penetrate'].includes(k);
      amountField.hidden = k !== 'aid';
      allianceField.hidden = k !== 'leave';
    },
    read() {
      const k = kind.value;
      if (k === 'attack') return { attack: { target: target.value } };
      if (k === 'aid') return { aid: { to: target.value, amount: Number(amount.value) } };
      if (k === 'penetrate') return { penetrate: { target: target.value } };
      if (k === 'leave') return { leave: { alliance: alliance.value } };
      return null;
    },
  };
}

// The seat's standing submission this turn, if any, is shown in the form.
function prefill(orders, f) {
  if (!orders || !orders.stance) return;
  const st = orders.stance;
  const kind = Object.keys(st)[0];
  const radio = f.form.querySelector(`input[name=stance][value=${kind}]`);
  if (radio) radio.checked = true;
  if (st.balance) {
    f.against.value = st.balance.against || '';
    f.internal.value = String(Math.round((st.balance.internal || 0) * 1000) / 10);
    for (const l of f.partners) {
      const c = l.querySelector('input');
      c.checked = (st.balance.partners || []).includes(c.value);
    }
    f.balOffensive.checked = !!st.balance.offensive;
  } else if (st.bandwagon) {
    f.bwWith.value = st.bandwagon.with || '';
    f.bwOffensive.checked = !!st.bandwagon.offensive;
  } else if (st.buckPass) {
    f.bpThreat.value = st.buckPass.threat || '';
    f.bpCatcher.value = st.buckPass.catcher || '';
  }
  (orders.actions || []).slice(0, 2).forEach((a, i) => {
    const sl = f.slots[i];
    const k = Object.keys(a)[0];
    sl.kind.value = k;
    const body = a[k] || {};
    sl.target.value = body.target || body.to || '';
    if (body.amount) sl.amount.value = String(body.amount);
    if (body.alliance) sl.alliance.value = body.alliance;
  });
}
