// Pieces shared by the seat, instructor and replay pages.
import { h, num, pct, threatPct, section } from './dom.js';
import { threatWhy, explainCode, codeName, allianceName, isOffensive, kindWord, ALLIANCE_KINDS } from './explain.js';
import { t, local, has } from './i18n.js';
import { engineText, turnLabel } from './i18n/engine.js';

/** A function from state id to "Name (ID)". */
export function namer(view) {
  const names = {};
  const ko = view.stateNamesKo || {};
  for (const n of view.nations || []) names[n.id] = local(n.name, ko[n.id]);
  return (id) => (names[id] ? `${names[id]} (${id})` : id || '—');
}

/** " (label)" when a turn's calendar label says more than its number, else "". */
export function labelOf(turn, label) {
  return label && label !== `turn ${turn}` ? ` (${turnLabel(label)})` : '';
}

/** An ideology's name in the language on screen (the scenario's own word when the dictionaries have none). */
export function ideologyName(id) {
  const k = `ideology.${id}`;
  return !has(k) ? id : t(k);
}

/** Capabilities and traits of one state. */
export function capabilities(n) {
  const rows = [
    [t('cap.population'), num(n.population, 1)],
    [t('cap.economy'), num(n.economy, 1)],
    [t('cap.military'), num(n.military, 1)],
    [t('cap.technology'), num(n.technology, 1)],
    [t('cap.power'), num(n.power, 3)],
    [t('cap.offense'), pct(n.offense)],
    [t('cap.reach'), `${num(n.reach, 0)} km`],
    [t('cap.ideology'), `${n.ideology ? ideologyName(n.ideology) : '—'}${n.divisive ? t('cap.divisive') : ''}`],
    [t('cap.posture'), n.revisionist ? t('cap.revisionist') : t('cap.statusQuo')],
    [t('cap.status'), n.active === false ? t('cap.conquered') : n.patron ? t('cap.clientOf', { patron: n.patron }) : t('cap.independent')],
  ];
  return h('table', { class: 'kv' }, h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v)))));
}

/** A seat's threat row, each of Walt's four sources broken down, with a bar for the threat. */
export function threatRow(view, nameOf) {
  const threats = (view.threats || []).slice().sort((a, b) => (b.threat || 0) - (a.threat || 0));
  const max = Math.max(1e-12, ...threats.map((t) => t.threat || 0));
  const principal = new Set(view.principalThreat || []);
  return h('div', {},
    h('p', {}, t('threats.principal'), h('strong', {}, principal.size ? [...principal].map(nameOf).join(', ') : t('threats.none')),
      t('threats.coverage'), h('strong', { id: 'coverage' }, pct(view.coverage)),
      h('span', { class: 'hint' }, t('threats.coverageHint'))),
    h('table', { class: 'threats' },
      h('caption', {}, t('threats.caption')),
      h('thead', {}, h('tr', {}, [[t('common.state'), ''], [t('threats.power'), t('threats.power.title')], [t('threats.prox'), t('threats.prox.title')],
        [t('threats.offense'), t('threats.offense.title')], [t('threats.intent'), t('threats.intent.title')], [t('threats.threat'), '']]
        .map(([c, t]) => h('th', { scope: 'col', title: t || null }, c)))),
      h('tbody', {}, threats.map((t) => h('tr', { class: principal.has(t.actor) ? 'principal' : '', title: threatWhy(t, nameOf) },
        h('th', { scope: 'row' }, nameOf(t.actor)),
        h('td', {}, num(t.power, 3)),
        h('td', {}, num(t.proximity, 3)),
        h('td', {}, num(t.offense, 3)),
        h('td', {}, num(t.intent, 2)),
        h('td', { class: 'bar-cell' }, h('span', { class: 'bar', style: `width:${(100 * (t.threat || 0)) / max}%` }), ' ', threatPct(t.threat)))))));
}

/** A matrix as a heat map table: rows[j].values[i]; darker is higher. */
export function heatmap(caption, rows, ids, nameOf, fmt = compact) {
  const max = Math.max(1e-12, ...rows.flatMap((r) => r.values || []));
  return h('table', { class: 'heat' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, h('abbr', { title: t('heat.axes.title') }, t('heat.axes'))), ids.map((id) => h('th', { scope: 'col' }, id)))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      h('th', { scope: 'row', title: nameOf(r.observer) }, r.observer),
      ids.map((id, i) => {
        const v = (r.values || [])[i] || 0;
        const a = v / max;
        return h('td', { style: `background: rgba(200, 40, 30, ${a.toFixed(3)}); color: ${a > 0.55 ? '#fff' : 'inherit'}`, title: t('heat.cell', { row: r.observer, col: id, value: fmt(v) }) }, fmt(v));
      })))));
}

/** A threat matrix cell: the threat as a percent (see threatPct). */
function compact(v) {
  return threatPct(v);
}

/** What happened in a turn and why: outcomes (with reasons), events, stances. */
export function results(resolved, nameOf, heading) {
  const outcomes = resolved.outcomes || [];
  return h('div', { class: 'results' },
    h('h3', {}, heading || t('results.title', { turn: resolved.turn, label: labelOf(resolved.turn, resolved.turnLabel) })),
    outcomes.length ? h('table', { class: 'outcomes' },
      h('thead', {}, h('tr', {}, [t('common.state'), t('results.order'), t('results.outcome'), t('results.why')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, outcomes.map((o) => h('tr', {},
        h('td', {}, o.state), h('td', {}, engineText(o.order)), h('td', {}, h('span', { class: 'code', 'data-code': o.code, title: explainCode(o.code) || null }, codeName(o.code))),
        h('td', {}, engineText(o.reason), explainCode(o.code) ? h('span', { class: 'hint code-why' }, ` (${explainCode(o.code)})`) : null)))))
      : h('p', {}, t('results.none')),
    (resolved.events || []).length ? h('div', {}, h('h4', {}, t('results.events')), h('ul', {}, resolved.events.map((e) => h('li', {}, engineText(e))))) : null,
    (resolved.stances || []).length ? h('div', {}, h('h4', {}, t('results.stances')), h('ul', { class: 'stances-list' }, resolved.stances.map((s) => h('li', {}, `${nameOf(s.state)}: ${stanceText(s.stance)}`)))) : null);
}

/** A stance in a few words. */
export function stanceText(st) {
  if (!st) return '—';
  if (st.balance) return t('stanceText.balance', { against: st.balance.against }) + (st.balance.internal ? t('stanceText.effort', { effort: pct(st.balance.internal) }) : '') + ((st.balance.partners || []).length ? t('stanceText.partners', { partners: st.balance.partners.join(', ') }) : '') + (st.balance.offensive ? t('stanceText.offensive') : '');
  if (st.bandwagon) return t('stanceText.bandwagon', { with: st.bandwagon.with }) + (st.bandwagon.offensive ? t('stanceText.offensive') : '');
  if (st.hide) return t('stanceText.hide');
  if (st.buckPass) return t('stanceText.buckPass', { threat: st.buckPass.threat, catcher: st.buckPass.catcher });
  return '—';
}

/** Orders in a few words. */
export function ordersText(o) {
  if (!o) return '—';
  const acts = (o.actions || []).map((a) => {
    const k = Object.keys(a)[0];
    const b = a[k] || {};
    return `${t(`action.${k}`)} ${b.target || b.to || b.alliance || ''}${b.amount ? t('ordersText.points', { points: num(b.amount, 1) }) : ''}`;
  });
  return [stanceText(o.stance)].concat(acts).join('; ');
}

/** An alliance in a few words: "a1 (defensive, against KAD): LEN, OST". */
export function allianceText(a) {
  return t('allianceText', { id: allianceName(a.id), kind: kindWord(a), target: a.target ? t('allianceText.against', { target: a.target }) : t('allianceText.noTarget'), members: (a.members || []).join(', ') });
}

/**
 * The standing alliances as a table: members, the state each balances (its target), its kind and
 * cohesion. `self` (may be '') marks the alliances the seat belongs to.
 */
export function alliancesTable(view, nameOf, self) {
  const list = view.alliances || [];
  if (!list.length) return h('p', { class: 'alliances-none' }, t('alliances.none'));
  return h('div', {},
    h('table', { class: 'alliances' },
      h('caption', {}, t('alliances.caption')),
      h('thead', {}, h('tr', {}, [[t('alliances.alliance'), ''], [t('alliances.members'), ''], [t('alliances.against'), t('alliances.against.title')],
        [t('alliances.kind'), t('alliances.kind.title')], [t('alliances.cohesion'), ''], [t('alliances.since'), t('alliances.since.title')]]
        .map(([c, t]) => h('th', { scope: 'col', title: t || null }, c)))),
      h('tbody', {}, list.map((a) => h('tr', { class: `${isOffensive(a) ? 'offensive' : 'defensive'}${self && (a.members || []).includes(self) ? ' mine' : ''}`, 'data-alliance': a.id },
        h('th', { scope: 'row' }, allianceName(a.id)),
        h('td', {}, (a.members || []).map(nameOf).join(', ')),
        h('td', { class: 'target', 'data-target-bloc': (a.targetBloc || []).join(' ') || null },
          a.target ? nameOf(a.target) : '—',
          blocOf(a).length ? h('div', { class: 'bloc hint' }, t('alliances.bloc', { states: blocOf(a).join(', ') })) : null),
        h('td', { class: 'kind', title: ALLIANCE_KINDS[isOffensive(a) ? 'OFFENSIVE' : 'DEFENSIVE'] }, kindWord(a)),
        h('td', {}, num(a.cohesion)),
        h('td', {}, t('common.turnN', { turn: a.formedTurn || 0 })))))),
    h('p', { class: 'hint' }, t('alliances.kinds', { defensive: ALLIANCE_KINDS.DEFENSIVE, offensive: ALLIANCE_KINDS.OFFENSIVE })));
}

/** The states of an alliance's target bloc (as it stood when the alliance formed) beside the target itself. */
export function blocOf(a) {
  return (a.targetBloc || []).filter((s) => s !== a.target);
}

/** Cards (a section with a heading and a body to fill) from [id, title] pairs: {sec, body} by id. */
export function cards(list) {
  const sec = {};
  const body = {};
  for (const [id, title] of list) {
    body[id] = h('div', { class: 'body' });
    sec[id] = section(id, title, body[id]);
  }
  return { sec, body };
}

/** The phase in words; a pause the server made itself (its journal cannot be written) says why. */
export function phaseText(phase, reason) {
  if (phase === 'PAUSED' && reason) return t('phase.pausedWhy', { reason: engineText(reason) });
  const k = `phase.${phase}`;
  return phase && has(k) ? t(k) : phase || '';
}

/**
 * The phase and the deadline of the turn on screen, shown in `el` (a countdown, once a second) and
 * in any #phase element; views set them, game events (pause, resume, extension) change them.
 */
export class TurnClock {
  constructor(page, el, prefix) {
    this.el = el;
    this.prefix = prefix;
    this.phase = '';
    this.reason = '';
    this.deadline = 0;
    page.every(1000, () => this.tick());
  }

  fromView(v) {
    if (v.phase !== 'PAUSED') this.reason = '';
    this.phase = v.phase;
    this.deadline = v.deadlineEpochMs;
    this.tick();
  }

  fromEvent(e) {
    if (e.kind === 'PAUSED_EVENT') {
      this.phase = 'PAUSED';
      this.reason = /journal/.test(e.text || '') ? e.text : '';
    }
    if (e.kind === 'RESUMED_EVENT') {
      this.phase = 'ORDERS';
      this.reason = '';
    }
    if (['PAUSED_EVENT', 'RESUMED_EVENT', 'DEADLINE_EXTENDED'].includes(e.kind)) this.deadline = e.deadlineEpochMs || 0;
    this.tick();
  }

  tick() {
    this.el.textContent = `${t(this.prefix)}: ${timeLeft(this.deadline, this.phase)}`;
    const ph = document.getElementById('phase');
    if (ph) ph.textContent = phaseText(this.phase, this.reason);
  }
}

/** Text of the time left before a deadline (epoch ms as a string or number). */
export function timeLeft(deadline, phase) {
  if (phase === 'PAUSED') return t('clock.paused');
  if (phase === 'FINISHED') return t('clock.over');
  const d = Number(deadline || 0);
  if (!d) return t('clock.none');
  const left = Math.max(0, Math.round((d - Date.now()) / 1000));
  const m = Math.floor(left / 60);
  const s = String(left % 60).padStart(2, '0');
  return t('clock.left', { time: `${m}:${s}` });
}

/** One message line. */
export function pressItem(p, self) {
  const to = p.team ? t('press.team') : (p.to || []).length ? (p.to || []).join(', ') : t('press.everyone');
  const kind = p.team ? 'team' : (p.to || []).length ? 'private' : 'public';
  const from = p.fromState ? `${p.fromMember || ''} (${p.fromState})` : `${p.fromMember && p.fromMember !== 'instructor' ? p.fromMember : t('press.instructor')}`;
  return h('li', { class: `press ${kind}${p.fromState === self ? ' mine' : ''}` },
    h('span', { class: 'meta' }, `${t('common.turnN', { turn: p.turn || '?' })} · ${from} → ${to} · ${t(`press.${kind}`)}`),
    h('span', { class: 'text' }, p.text));
}
