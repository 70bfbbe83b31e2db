// Plain-language explanations of each choice, following docs/rules.md.
import { num, pct } from './dom.js';
import { t, has } from './i18n.js';

// Each list entry's label and text are getters, so they follow the language on screen.
const entry = (prefix, kind) => ({
  kind,
  get label() {
    return t(`${prefix}.${kind || 'none'}`);
  },
  get text() {
    return kind ? t(`${prefix}.${kind}.text`) : '';
  },
});

export const STANCES = ['balance', 'bandwagon', 'hide', 'buckPass'].map((k) => entry('stance', k));

export const ACTIONS = ['', 'attack', 'aid', 'penetrate', 'leave'].map((k) => entry('action', k));

/** The one-line explanation of the Balance stance's "offensive" flag. */
export const OFFENSIVE_FLAG = {
  get label() {
    return t('flag.offensive');
  },
  get text() {
    return t('flag.offensive.text');
  },
};

/** What an alliance's kind means, in a few words. */
export const ALLIANCE_KINDS = {
  get DEFENSIVE() {
    return t('kind.defensive.text');
  },
  get OFFENSIVE() {
    return t('kind.offensive.text');
  },
};

/** An alliance's id as shown: a scenario's named alliance in the language on screen, else the id. */
export function allianceName(id) {
  const k = `allianceId.${id}`;
  return id && has(k) ? t(k) : id || '';
}

/** True when an alliance (as the server sends it) is offensive; a missing kind is defensive. */
export function isOffensive(a) {
  return !!a && (a.kind === 'ALLIANCE_OFFENSIVE' || a.kind === 1);
}

/** An alliance's kind as a word: 'offensive' or 'defensive'. */
export function kindWord(a) {
  return isOffensive(a) ? t('kind.offensive') : t('kind.defensive');
}

/**
 * What an outcome code means, one sentence each (the server's reason says who and why in this
 * case), from the dictionaries' 'outcome.CODE' keys; codes without one are explained by their
 * reason alone.
 */
export function explainCode(code) {
  const k = `outcome.${code}`;
  return code && has(k) ? t(k) : '';
}

/** An outcome code's short name in the language on screen (the code itself when it has none). */
export function codeName(code) {
  const k = `code.${code}`;
  return code && has(k) ? t(k) : code || '';
}

/** One sentence saying what the chosen orders will do. */
export function describe(orders, view, nameOf) {
  const me = (view.nations || []).find((n) => n.id === view.self) || {};
  const rules = view.rules || {};
  const parts = [];
  const st = orders.stance || {};
  if (st.balance) {
    const b = st.balance;
    let x = t('say.balance', { against: nameOf(b.against) });
    if (b.internal > 0) {
      x += t('say.effort', { effort: pct(b.internal), points: num(b.internal * (me.economy || 0) * 0.5, 1), growth: pct(0.25 * b.internal) });
    }
    if ((b.partners || []).length) {
      x += t('say.propose', { partners: b.partners.map(nameOf).join(t('say.and')), against: nameOf(b.against) });
      if (b.offensive) x += t('say.wantOffensive');
    } else if (b.offensive) {
      x += t('say.flagAlone');
    }
    parts.push(x + t('say.end'));
  } else if (st.bandwagon) {
    parts.push(t(st.bandwagon.offensive ? 'say.bandwagonOffensive' : 'say.bandwagon', { with: nameOf(st.bandwagon.with), rate: pct(rules.tributeRate || 0.03) }));
  } else if (st.hide) {
    parts.push(t('say.hide'));
  } else if (st.buckPass) {
    parts.push(t('say.buckPass', { threat: nameOf(st.buckPass.threat), catcher: nameOf(st.buckPass.catcher) }));
  }
  for (const a of orders.actions || []) {
    if (a.attack) parts.push(t('say.attack', { target: nameOf(a.attack.target) }));
    if (a.aid) parts.push(t('say.aid', { amount: num(a.aid.amount, 1), to: nameOf(a.aid.to) }));
    if (a.penetrate) parts.push(t('say.penetrate', { target: nameOf(a.penetrate.target) }));
    if (a.leave) parts.push(t('say.leave', { alliance: allianceName(a.leave.alliance) }));
  }
  return parts.join(' ');
}

/** Why a threat is what it is, in words. */
export function threatWhy(th, nameOf) {
  return t('threat.why', { actor: nameOf(th.actor), power: num(th.power, 3), proximity: num(th.proximity, 3), offense: num(th.offense, 3), intent: num(th.intent, 2) });
}
