// The order form: one stance and at most two actions, checked before sending, each choice
// explained in plain language. Works with the keyboard alone (radios, selects, inputs, Enter).
import { h, fill, field, select, num } from './dom.js';
import { STANCES, ACTIONS, OFFENSIVE_FLAG, describe, allianceName } from './explain.js';
import { allianceText } from './panels.js';
import { t } from './i18n.js';

/** Problems with orders for this view, each naming the field; empty when they may be sent. */
export function validate(orders, view) {
  const problems = [];
  const self = view.self;
  const ids = new Set((view.nations || []).map((n) => n.id));
  const me = (view.nations || []).find((n) => n.id === self) || {};
  const rules = view.rules || {};
  const other = (id, where) => {
    if (!id) problems.push(t('check.chooseState', { where }));
    else if (!ids.has(id)) problems.push(t('check.noState', { where, id }));
    else if (id === self) problems.push(t('check.notSelf', { where }));
  };
  const st = orders.stance || {};
  if (st.balance) {
    other(st.balance.against, t('order.balanceAgainst'));
    const max = rules.maxInternalEffort ?? 0.3;
    const e = st.balance.internal;
    if (!(e >= 0 && e <= max)) problems.push(t('check.effort', { max: Math.round(max * 1000) / 10 }));
    const partners = st.balance.partners || [];
    partners.forEach((p, k) => {
      other(p, t('order.propose'));
      if (partners.indexOf(p) !== k) problems.push(t('check.twice', { where: t('order.propose'), id: p }));
    });
  } else if (st.bandwagon) {
    other(st.bandwagon.with, t('order.bandwagonWith'));
    const patron = (view.nations || []).find((n) => n.id === st.bandwagon.with);
    if (patron && patron.patron === self) problems.push(t('check.ownClient', { where: t('order.bandwagonWith'), id: st.bandwagon.with }));
  } else if (st.buckPass) {
    other(st.buckPass.threat, t('check.bpThreat'));
    other(st.buckPass.catcher, t('check.bpCatcher'));
    if (st.buckPass.threat && st.buckPass.threat === st.buckPass.catcher) problems.push(t('check.catcherIsThreat'));
  } else if (!st.hide) {
    problems.push(t('check.stance'));
  }
  const seen = new Set();
  let aidTotal = 0;
  (orders.actions || []).forEach((a, i) => {
    const where = t('order.actionN', { n: i + 1 });
    const key = JSON.stringify(a);
    if (seen.has(key)) problems.push(t('check.sameAction', { where }));
    seen.add(key);
    if (a.attack) {
      other(a.attack.target, t('check.attackTarget', { where }));
      if (st.hide) problems.push(t('check.attackHiding', { where }));
    } else if (a.aid) {
      other(a.aid.to, t('check.aidTo', { where }));
      const max = (rules.aidMaxShare ?? 0.1) * (me.economy || 0);
      aidTotal += a.aid.amount > 0 ? a.aid.amount : 0;
      if (!(a.aid.amount > 0)) problems.push(t('check.aidPositive', { where }));
      else if (aidTotal > max + 1e-9) problems.push(t('check.aidMax', { where, max: num(max, 1), share: Math.round((rules.aidMaxShare ?? 0.1) * 100) }));
      if (st.hide) problems.push(t('check.aidHiding', { where }));
    } else if (a.penetrate) {
      other(a.penetrate.target, t('check.penetrateTarget', { where }));
    } else if (a.leave) {
      const mine = (view.alliances || []).some((al) => al.id === a.leave.alliance && (al.members || []).includes(self));
      if (!a.leave.alliance) problems.push(t('check.leaveChoose', { where }));
      else if (!mine) problems.push(t('check.leaveNotMember', { where, alliance: allianceName(a.leave.alliance) }));
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
      if (b.against && al.members.includes(b.against)) out.push(t('caution.allyAgainst', { state: b.against, alliance: allianceName(al.id) }));
    }
    for (const p of b.partners || []) {
      const aimed = mine.find((al) => al.target === p);
      if (aimed) out.push(t('caution.partnerIsTarget', { state: p, alliance: allianceName(aimed.id) }));
      const theirs = (view.alliances || []).find((al) => !(al.members || []).includes(self) && (al.members || []).includes(p) && al.target === self);
      if (theirs) out.push(t('caution.selfIsTarget', { state: p, alliance: allianceName(theirs.id) }));
    }
    if (b.offensive && !(b.partners || []).length) out.push(t('caution.flagAlone'));
  } else if (st.bandwagon) {
    for (const al of mine) {
      if (al.target === st.bandwagon.with) out.push(t('caution.patronTarget', { state: st.bandwagon.with, alliance: allianceName(al.id) }));
    }
  }
  for (const a of orders.actions || []) {
    if (!a.attack) continue;
    const target = (view.nations || []).find((n) => n.id === a.attack.target);
    if (allies.has(a.attack.target)) out.push(t('caution.attackAlly', { state: a.attack.target }));
    if (target && target.patron === self) out.push(t('caution.attackClient', { state: a.attack.target }));
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
  const stateOptions = [{ value: '', label: t('order.chooseState') }].concat(others.map((n) => ({ value: n.id, label: nameOf(n.id) })));
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
    h('input', { type: 'checkbox', value: n.id, name: 'partner' }), ` ${nameOf(n.id)}`));
  const balOffensive = h('input', { type: 'checkbox', id: 'o-offensive', 'aria-describedby': 'o-offensive-hint' });
  const bwWith = select(stateOptions, '');
  const bwOffensive = h('input', { type: 'checkbox' });
  const bpThreat = select(stateOptions, view.principalLeader || '');
  const bpCatcher = select(stateOptions, '');

  const params = {
    balance: h('div', { class: 'params', 'data-for': 'balance' },
      field('o-against', t('order.balanceAgainst'), against),
      field('o-internal', t('order.effort', { max: maxPercent }), internal, t('order.effortHint')),
      h('fieldset', { class: 'partners' }, h('legend', {}, t('order.propose')), partners),
      h('div', { class: 'field' }, h('label', { class: 'check', for: 'o-offensive' }, balOffensive, ` ${OFFENSIVE_FLAG.label}`),
        h('p', { class: 'hint', id: 'o-offensive-hint' }, OFFENSIVE_FLAG.text))),
    bandwagon: h('div', { class: 'params', 'data-for': 'bandwagon' },
      field('o-with', t('order.bandwagonWith'), bwWith),
      h('label', { class: 'check' }, bwOffensive, t('order.bwOffensive'))),
    hide: h('div', { class: 'params', 'data-for': 'hide' }),
    buckPass: h('div', { class: 'params', 'data-for': 'buckPass' },
      field('o-threat', t('order.bpThreat'), bpThreat),
      field('o-catcher', t('order.bpCatcher'), bpCatcher)),
  };

  const slots = [0, 1].map((i) => actionSlot(i, stateOptions, myAlliances, view));
  const explain = h('p', { id: 'orders-explain', class: 'explain', 'aria-live': 'polite' });
  const problems = h('ul', { id: 'orders-problems', class: 'problems', role: 'alert' });
  const status = h('p', { id: 'orders-status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'orders-submit' }, t('order.send'));

  const form = h('form', { id: 'orders', novalidate: true, 'aria-label': t('order.aria') },
    h('fieldset', { class: 'stances' }, h('legend', {}, t('order.stanceLegend')), radios),
    Object.values(params),
    h('fieldset', { class: 'actions' }, h('legend', {}, t('order.actionsLegend')), slots.map((sl) => sl.el)),
    h('div', { class: 'summary' }, h('h3', {}, t('order.whatTheyDo')), explain),
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
    explain.textContent = kind ? [describe(orders, view, nameOf)].concat(cautions(orders, view).map((c) => t('order.careful', { caution: c }))).join(' ') : t('order.chooseStance');
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
      status.textContent = t('order.fixFirst');
      status.className = 'notice error';
      return;
    }
    submit.disabled = true;
    status.textContent = t('order.sending');
    try {
      status.textContent = await onSubmit(read());
      status.className = 'notice ok';
    } catch (e) {
      status.textContent = t('order.refused', { message: e.message });
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
  const alliance = select([{ value: '', label: t('order.chooseAlliance') }].concat(myAlliances.map((a) => ({ value: a.id, label: allianceText(a) }))), '');
  const why = h('p', { class: 'why', id: `a${i}-why` });
  kind.setAttribute('aria-describedby', `a${i}-why`);
  const targetField = field(`a${i}-target`, t('order.whichState'), target);
  const amountField = field(`a${i}-amount`, t('order.points', { max: num(((view.rules || {}).aidMaxShare ?? 0.1) * (((view.nations || []).find((n) => n.id === view.self) || {}).economy || 0), 1) }), amount);
  const allianceField = field(`a${i}-alliance`, t('order.whichAlliance'), alliance);
  const el = h('div', { class: 'slot' }, field(`a${i}-kind`, t('order.actionN', { n: i + 1 }), kind), why, targetField, amountField, allianceField);
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
