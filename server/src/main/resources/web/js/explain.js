// Plain-language explanations of each choice, following docs/rules.md.
import { num, pct } from './dom.js';

export const STANCES = [
  {
    kind: 'balance',
    label: 'Balance',
    text: 'Stand up to a threat. Internal effort turns part of your economy into military this turn and slows your growth a little. Naming partners proposes an alliance against that threat, which forms only if they name you back this same turn and balance the same threat; to join an alliance that already stands, at least half of its members must name you. Balancing against one of your own allies takes you out of the alliance you share with it. During a crisis, balancing against the aggressor means joining the defence.',
  },
  {
    kind: 'bandwagon',
    label: 'Bandwagon',
    text: 'Side with a stronger state and become its client for as long as you keep choosing this. It may not attack you, but you pay it tribute every turn and lose autonomy. Offensive: you also join its attacks and share the spoils.',
  },
  {
    kind: 'hide',
    label: 'Hide',
    text: 'Declare neutrality. You grow a little faster, fear of you fades twice as fast, you pay no tribute and send no aid, you may not attack, and you take no side in crises. Your allies owe you nothing this turn, and you abandon them.',
  },
  {
    kind: 'buckPass',
    label: 'Pass the buck',
    text: 'Stay out and hope another state (the catcher) confronts the threat for you. You grow a little faster, but every alliance you belong to loses cohesion because you ride free.',
  },
];

export const ACTIONS = [
  { kind: '', label: 'no action', text: '' },
  {
    kind: 'attack',
    label: 'Attack',
    text: 'Open a crisis against the target, public at once. It is resolved at the end of next turn, after every state has picked a side. Not allowed while hiding, nor against your own ally or client.',
  },
  {
    kind: 'aid',
    label: 'Aid',
    text: "Move points from your economy into the receiver's military. The receiver comes to trust you a little more.",
  },
  {
    kind: 'penetrate',
    label: 'Penetrate',
    text: "Try to sway the target's politics in your favour; the more open its politics, the likelier it works. If it fails and is discovered, the target trusts you less.",
  },
  { kind: 'leave', label: 'Leave an alliance', text: 'Leave one of your alliances, in public.' },
];

/** The one-line explanation of the Balance stance's "offensive" flag. */
export const OFFENSIVE_FLAG = {
  label: 'Offensive alliance',
  text: "Members of an offensive alliance also join each other's attacks, not only each other's defence. An alliance you found is offensive only if every founder ticks this; otherwise it is defensive.",
};

/** What an alliance's kind means, in a few words. */
export const ALLIANCE_KINDS = {
  DEFENSIVE: 'defensive: members must defend a member that is attacked',
  OFFENSIVE: "offensive: members also join each other's attacks",
};

/** True when an alliance (as the server sends it) is offensive; a missing kind is defensive. */
export function isOffensive(a) {
  return !!a && (a.kind === 'ALLIANCE_OFFENSIVE' || a.kind === 1);
}

/** An alliance's kind as a word: 'offensive' or 'defensive'. */
export function kindWord(a) {
  return isOffensive(a) ? 'offensive' : 'defensive';
}

/**
 * What an outcome code means, one sentence each (the server's reason says who and why in this
 * case). Codes not listed here are explained by their reason alone.
 */
export const OUTCOMES = {
  ALLIANCE_FORMED: 'An alliance formed: its founders named each other and balance the same threat, which becomes its target.',
  ALLIANCE_JOINED: 'You joined an alliance that already stood: you balance its target and enough of its members named you.',
  ALREADY_ALLIED: 'You already share an alliance with this partner.',
  NO_MUTUAL_PROPOSAL: 'The partner you named did not name you this turn, so no alliance formed.',
  THREATS_DIFFER: 'You and this partner named each other but balance different threats; an alliance needs one shared threat.',
  NOT_ENOUGH_MEMBERS: 'To join an alliance that already stands, at least half of its members must name you this turn.',
  ALLY_IS_TARGET: 'One of you is the target of an alliance the other belongs to, so the two cannot be allies.',
  LEFT_ALLIANCE_FOR_PATRON: 'You left an alliance aimed at the state you now bandwagon with.',
  LEFT_INCONSISTENT_ALLIANCE: 'You balanced against one of your own allies, so you left the alliance you shared with it.',
  LEFT_ALLIANCE: 'You left the alliance, in public.',
  ALLIANCE_DISSOLVED: 'The alliance ended: its cohesion fell too low, or too few members were left.',
  JOINED_DEFENCE: 'You chose to defend the state attacked.',
  JOINED_ATTACK: 'You joined the attack.',
  CHAIN_GANGED: 'An offensive alliance brought you into your ally\'s attack.',
  BOUND_TO_DEFEND: 'A defensive commitment bound you: you defend an ally (or client) that was attacked.',
  BOUND_TO_BOTH: 'You are bound to both sides of this crisis, so you stay out and abandon neither.',
  ABANDONED_ALLY: 'You stayed out of a crisis that bound you to an ally: that alliance loses much of its cohesion.',
};

/** The explanation of an outcome code, or '' when the client has none. */
export function explainCode(code) {
  return OUTCOMES[code] || '';
}

/** One sentence saying what the chosen orders will do. */
export function describe(orders, view, nameOf) {
  const me = (view.nations || []).find((n) => n.id === view.self) || {};
  const rules = view.rules || {};
  const parts = [];
  const st = orders.stance || {};
  if (st.balance) {
    const b = st.balance;
    let t = `You balance against ${nameOf(b.against)}`;
    if (b.internal > 0) {
      t += `, putting ${pct(b.internal)} effort into arms (about ${num(b.internal * (me.economy || 0) * 0.5, 1)} points of economy become military; growth falls by ${pct(0.25 * b.internal)})`;
    }
    if ((b.partners || []).length) {
      t += ` and propose an alliance to ${b.partners.map(nameOf).join(' and ')} against ${nameOf(b.against)} (it forms if they name you too and balance the same threat)`;
      if (b.offensive) t += '; you want it offensive: members would also join each other\'s attacks, if every founder asks for that too';
    } else if (b.offensive) {
      t += ' (the offensive flag does nothing without partners)';
    }
    parts.push(`${t}.`);
  } else if (st.bandwagon) {
    parts.push(`You become a client of ${nameOf(st.bandwagon.with)} and pay it ${pct(rules.tributeRate || 0.03)} of your economy a turn${st.bandwagon.offensive ? ', joining its attacks for a share of the spoils' : ''}.`);
  } else if (st.hide) {
    parts.push('You declare neutrality: no attacks, no aid, no tribute, and no part in crises.');
  } else if (st.buckPass) {
    parts.push(`You stay out against ${nameOf(st.buckPass.threat)} and hope ${nameOf(st.buckPass.catcher)} will stand up to it; your alliances lose cohesion.`);
  }
  for (const a of orders.actions || []) {
    if (a.attack) parts.push(`You attack ${nameOf(a.attack.target)}: a public crisis, resolved at the end of next turn.`);
    if (a.aid) parts.push(`You give ${num(a.aid.amount, 1)} points of your economy to ${nameOf(a.aid.to)}'s military.`);
    if (a.penetrate) parts.push(`You try to sway ${nameOf(a.penetrate.target)}'s politics.`);
    if (a.leave) parts.push(`You leave alliance ${a.leave.alliance}.`);
  }
  return parts.join(' ');
}

/** Why a threat is what it is, in words. */
export function threatWhy(t, nameOf) {
  return `${nameOf(t.actor)}: power ${num(t.power, 3)} × proximity ${num(t.proximity, 3)} × offensive capability ${num(t.offense, 3)} × perceived intent ${num(t.intent, 2)}`;
}
