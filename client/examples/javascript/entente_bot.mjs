#!/usr/bin/env node
// A small Entente bot in JavaScript (Node 18+, no packages): JSON over WebSocket, with the
// minimal WebSocket client of entente_ws.mjs.
//
// It plays a compact balance of threat: it balances the state that threatens it most (arming more
// the less it is covered, and proposing alliances to the states most exposed to the same threat),
// defends itself when attacked, aids allies under attack, and hides when nothing threatens it.
//
//   node entente_bot.mjs --server ws://127.0.0.1:7470/ws --token TOKEN
//   node entente_bot.mjs --server ws://127.0.0.1:7470/ws --game GAME --state KAD --secret CODE
import { connect, EntenteJson } from './entente_ws.mjs';

const MAX_PARTNERS = 2;
const AID_SHARE = 0.05;

function parseArgs(argv) {
  const out = { server: 'ws://127.0.0.1:7470/ws', name: 'js-bot' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--') || i + 1 >= argv.length) {
      throw new Error(`unexpected argument ${a}; use --server URL and --token T, or --game G --state S --secret C`);
    }
    out[a.slice(2)] = argv[++i];
  }
  if (!out.token && !(out.game && out.state && out.secret)) {
    throw new Error('give --token, or --game, --state and --secret');
  }
  return out;
}

// ---------------------------------------------------------------- the strategy
// Protobuf's JSON mapping leaves out fields at their zero value: an absent number is 0, an absent
// bool false, an absent list empty. Every read below says so with `?? 0`, `?? []`, `=== true`.

const num = (x) => Number(x ?? 0);

/** Public threat estimate of frm on to: power * prox(frm -> to) * offensive share. */
function estimate(view, frm, to) {
  const nations = view.nations ?? [];
  const idx = new Map(nations.map((n, i) => [n.id, i]));
  const n = nations.length;
  const total = nations.filter((x) => x.active === true).reduce((s, x) => s + num(x.military), 0) || 1;
  const f = nations[idx.get(frm)];
  const prox = num((view.proximity ?? [])[idx.get(frm) * n + idx.get(to)]);
  return (num(f.power) * prox * num(f.offense) * num(f.military)) / total;
}

function allied(view, a, b) {
  return (view.alliances ?? []).some((al) => (al.members ?? []).includes(a) && (al.members ?? []).includes(b));
}

/** This turn's orders (protobuf JSON of Orders) for view.self. */
export function decide(view) {
  const me = view.self;
  const nations = view.nations ?? [];
  const active = new Set(nations.filter((x) => x.active === true && x.id !== me).map((x) => x.id));
  const turn = num(view.turn);
  const due = (view.crises ?? []).filter((c) => num(c.resolvesTurn) === turn);
  const rules = view.rules ?? {};
  const maxEffort = num(rules.maxInternalEffort);

  let threat;
  let effort;
  const attacked = due.filter((c) => c.target === me && active.has(c.aggressor));
  if (attacked.length) {
    threat = attacked[0].aggressor;
    effort = maxEffort;
  } else if (active.has(view.principalLeader ?? '')) {
    threat = view.principalLeader;
    effort = maxEffort * Math.min(1, Math.max(0.2, 1.2 - num(view.coverage)));
  } else {
    return { stance: { hide: {} } };
  }
  const bloc = new Set([...(view.principalThreat ?? []), threat]);
  const candidates = [...active]
    .sort()
    .filter((k) => !bloc.has(k) && !allied(view, me, k) && (nations.find((x) => x.id === k).patron ?? '') !== threat)
    .sort((a, b) => estimate(view, threat, b) - estimate(view, threat, a));
  const orders = {
    stance: {
      balance: {
        against: threat,
        internal: Math.max(0, Math.min(maxEffort, effort)),
        partners: candidates.slice(0, MAX_PARTNERS),
      },
    },
    actions: [],
  };
  const economy = num(nations.find((x) => x.id === me).economy);
  let aidLeft = num(rules.aidMaxShare) * economy;
  for (const c of due) {
    if (orders.actions.length >= 2 || aidLeft <= 0) break;
    if (active.has(c.target) && allied(view, me, c.target) && !allied(view, me, c.aggressor)) {
      const amount = Math.min(AID_SHARE * economy, aidLeft);
      if (amount > 0 && !orders.actions.some((a) => a.aid.to === c.target)) {
        orders.actions.push({ aid: { to: c.target, amount } });
        aidLeft -= amount;
      }
    }
  }
  return orders;
}

function describe(orders) {
  const s = orders.stance;
  let text = s.balance
    ? `BALANCE ${s.balance.against} ${s.balance.internal.toFixed(2)} ${s.balance.partners.join(',') || '-'}`
    : Object.keys(s)[0].toUpperCase();
  for (const a of orders.actions ?? []) text += `; AID ${a.aid.to} ${a.aid.amount.toFixed(1)}`;
  return text;
}

// ---------------------------------------------------------------- the game loop

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    return 2;
  }
  const socket = await connect(args.server);
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  const answered = new Set();
  const submissions = [];
  let accepted = 0;
  let refused = 0;
  let token = args.token;
  let self = args.state ?? '';
  let lastHeard = Date.now();

  const onPush = (m) => {
    lastHeard = Date.now();
    if (m._closed) {
      finish(`the server closed the connection (${m._closed.code} ${m._closed.reason})`);
      return;
    }
    if (m.view) {
      const v = m.view;
      if (v.self) self = v.self;
      if (v.phase === 'FINISHED') {
        finish(null);
      } else if (v.phase === 'ELIMINATED') {
        // protocol 1.1: the seat's state was conquered; watch until the game ends
        if (!answered.has('eliminated')) {
          answered.add('eliminated');
          console.log(`eliminated: ${v.eliminated?.reason ?? ''}`);
        }
      } else if (v.phase === 'ORDERS' && v.self && token && !answered.has(num(v.turn))) {
        const turn = num(v.turn);
        answered.add(turn);
        if (!(v.nations ?? []).some((x) => x.id === v.self && x.active === true)) {
          // a server before protocol 1.1 only says so in the seat's nation
          console.log(`turn ${turn}: conquered, only observing`);
          return;
        }
        const orders = decide(v);
        submissions.push(
          client.request({ submitOrders: { token, turn, state: v.self, orders } }).then((r) => {
            if (r.ordersAccepted) {
              accepted++;
              console.log(`turn ${turn}: ${describe(orders)} accepted`);
            } else {
              refused++;
              console.error(`refused turn ${turn}: ${r.error?.code ?? JSON.stringify(r)} ${r.error?.message ?? ''}`);
            }
          }),
        );
      }
    } else if (m.turnResolved) {
      // protocol 1.2: the turn's happenings as data; report what concerns this seat
      for (const e of m.turnResolved.typedEvents ?? []) {
        if (e.war && [...(e.war.attackers ?? []), ...(e.war.defenders ?? [])].includes(self)) {
          console.log(`war ${e.war.crisis}: ${e.war.aggressor} against ${e.war.target}, ${e.war.result}`);
        } else if (e.alliance && (e.alliance.states ?? []).includes(self)) {
          console.log(`alliance ${e.alliance.alliance}: ${e.alliance.change} (${(e.alliance.members ?? []).join(',')})`);
        }
      }
    } else if (m.gameEvent?.kind === 'GAME_ENDED') {
      finish(null);
    } else if (m.error) {
      refused++;
      console.error(`error ${m.error.code}: ${m.error.message}`);
    }
  };
  const client = new EntenteJson(socket, onPush);

  const hello = await client.request({ hello: { major: 1, minor: 2, client: 'entente-js-example/0.1' } });
  if (!hello.welcome) {
    console.error(`hello refused: ${JSON.stringify(hello.error ?? hello)}`);
    return 1;
  }
  const idle = num(hello.welcome.limits?.idleTimeoutSeconds);
  const keepAlive = setInterval(() => {
    if (Date.now() - lastHeard > (idle ? (idle * 1000) / 3 : 60000)) {
      lastHeard = Date.now();
      client.request({ ping: {} }).catch(() => {});
    }
  }, 1000);
  const reply = args.token
    ? await client.request({ resume: { token: args.token } })
    : await client.request({
        joinSeat: { gameId: args.game, state: args.state, member: args.name, secret: args.secret },
      });
  if (reply.error) {
    console.error(`cannot take the seat: ${reply.error.code} ${reply.error.message}`);
    clearInterval(keepAlive);
    client.close();
    return 1;
  }
  if (reply.joined) token = reply.joined.token;
  // a view pushed before the join's reply was skipped for want of a token: ask for it again
  const current = await client.request({ getView: { token } });
  if (current.view) onPush({ view: current.view });

  const problem = await finished;
  await Promise.all(submissions);
  clearInterval(keepAlive);
  client.close();
  if (problem) {
    console.error(problem);
    return 1;
  }
  console.log(`game over: ${accepted} turns accepted, ${refused} refusals`);
  return refused === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`the bot failed: ${e.stack ?? e}`);
    process.exit(1);
  },
);
