#!/usr/bin/env node
// The Entente protocol conformance suite (docs/protocol.md, section 12).
//
// It checks a server, and a bot against that server:
//   node conformance.mjs --server ws://127.0.0.1:7470/ws \
//        --bot "python3 my_bot.py --server {tcp} --game {game} --state {state} --secret {secret}"
//
// Part 1 (the server): it speaks the protocol itself over WebSocket JSON: the handshake, errors for
// malformed input with the connection kept, join secrets, the refusal codes of submit_orders.
// Part 2 (the bot, with --bot): it creates a game whose other seats are built-in bots, runs the bot
// command for one seat and watches as the instructor: the bot's orders must stand every turn (no
// default order put in their place), the typed events must match the words, the game must end and
// the bot must exit 0 by itself.
// Part 3 (the bot on a conquered seat, with --bot-token): it finds a game in which a state falls,
// takes that seat, plays the game with the instructor adjudicating until the fall, then starts the
// bot with the seat's token (a conquered seat can no longer be joined): the bot must keep its
// connection through the ELIMINATED views, never have an order stand, and exit 0 at the end.
//
// Placeholders in --bot and --bot-token: {ws} (the WebSocket URL), {tcp} (HOST:PORT of the raw TCP
// face), {game}, {state}, {secret}, {token} (--bot-token only). Exit code 0 when every check passes, 1 otherwise; each check prints one line.
import { spawn } from 'node:child_process';
import { connect, EntenteJson } from '../javascript/entente_ws.mjs';

const args = { server: 'ws://127.0.0.1:7470/ws', scenario: 'tutorial', seat: '', seed: '3', timeout: '180' };
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i];
  if (!key.startsWith('--') || i + 1 >= process.argv.length) {
    console.error(`unexpected argument ${key}; see the comment at the top of conformance.mjs`);
    process.exit(2);
  }
  args[key.slice(2)] = process.argv[i + 1];
}

let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${!ok && detail ? `: ${detail}` : ''}`);
  if (!ok) failures++;
  return ok;
}
const num = (x) => Number(x ?? 0);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A JSON connection that records every push. */
async function open() {
  const pushes = [];
  const c = new EntenteJson(await connect(args.server), (m) => pushes.push(m));
  c.pushes = pushes;
  return c;
}

async function waitFor(cond, what, ms = 30000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

// ------------------------------------------------------------------ part 1: the server

async function serverChecks() {
  const c = await open();
  let r = await c.request({ listScenarios: {} });
  check(r.error?.code === 'HELLO_REQUIRED', 'a first message other than hello gets HELLO_REQUIRED', JSON.stringify(r));
  r = await c.request({ hello: { major: 1, minor: 2, client: 'conformance' } });
  check(r.welcome && num(r.welcome.major) === 1, 'hello {major: 1} gets a welcome of major 1', JSON.stringify(r));
  check(num(r.welcome?.minor) >= 2, 'the server speaks protocol 1.2 or later (typed events)', `minor ${r.welcome?.minor}`);
  check(num(r.welcome?.limits?.maxFrameBytes) > 0, 'the welcome carries the limits');
  r = await c.request({ hello: { major: 1, minor: 'two' } });
  check(r.error?.code === 'BAD_REQUEST' && /minor/.test(r.error.message), 'a value of the wrong type gets BAD_REQUEST naming the field', JSON.stringify(r));
  r = await c.request({ createGame: { scenario: args.scenario, defaultPolicy: 'SOMETIMES' } });
  check(r.error?.code === 'BAD_REQUEST' && /defaultPolicy/.test(r.error.message), 'an unknown enum value gets BAD_REQUEST naming the field', JSON.stringify(r));
  r = await c.request({ flyToTheMoon: {} });
  check(r.error?.code === 'UNKNOWN_MESSAGE' && /flyToTheMoon/.test(r.error.message), 'an unknown body gets UNKNOWN_MESSAGE naming it', JSON.stringify(r));
  r = await c.request({ getView: { token: '0123456789abcdef0123456789abcdef' } });
  check(r.error?.code === 'BAD_TOKEN', 'an unknown token gets BAD_TOKEN', JSON.stringify(r));
  r = await c.request({ ping: {} });
  check(r.pong !== undefined, 'the connection is still open after those mistakes (ping answered)', JSON.stringify(r));
  r = await c.request({ listScenarios: {} });
  const scenario = (r.scenarios?.scenarios ?? []).find((s) => s.id === args.scenario);
  check(!!scenario, `list_scenarios offers ${args.scenario}`);
  c.close();

  const v = await open();
  r = await v.request({ hello: { major: 2 } });
  check(r.error?.code === 'UNSUPPORTED_VERSION', 'hello {major: 2} gets UNSUPPORTED_VERSION', JSON.stringify(r));
  await waitFor(() => v.closeInfo, 'the close after UNSUPPORTED_VERSION', 5000).then(
    () => check(true, 'the connection is closed after UNSUPPORTED_VERSION'),
    () => check(false, 'the connection is closed after UNSUPPORTED_VERSION'),
  );
  return scenario;
}

/** Creates a game: `people` seats for people, every other seat its scenario's default bot. */
async function createGame(c, scenario, people, extra = {}) {
  const bots = {};
  for (const s of scenario.seats) if (!people.includes(s.state)) bots[s.state] = s.defaultStrategy;
  const r = await c.request({ createGame: { scenario: scenario.id, bots, name: 'conformance', ...extra } });
  if (!r.gameCreated) throw new Error(`create_game refused: ${JSON.stringify(r)}`);
  const secrets = Object.fromEntries((r.gameCreated.links?.seats ?? []).map((l) => [l.state, l.secret]));
  return { id: r.gameCreated.gameId, token: r.gameCreated.instructorToken, secrets, bots };
}

async function orderChecks(c, game, seat, other) {
  const j = await open();
  await j.request({ hello: { major: 1 } });
  let r = await j.request({ joinSeat: { gameId: game.id, state: seat, member: 'conformance' } });
  check(r.error?.code === 'SECRET_REQUIRED', 'join_seat without a secret gets SECRET_REQUIRED', JSON.stringify(r));
  r = await j.request({ joinSeat: { gameId: game.id, state: seat, member: 'conformance', secret: 'ABCDEFGH' } });
  check(r.error?.code === 'WRONG_SECRET', 'join_seat with a wrong secret gets WRONG_SECRET', JSON.stringify(r));
  r = await j.request({ joinSeat: { gameId: game.id, state: other, member: 'conformance', secret: game.secrets[seat] } });
  check(r.error?.code === 'FORBIDDEN' || r.error?.code === 'WRONG_SECRET', "joining a bot's seat is refused", JSON.stringify(r));
  r = await j.request({ joinSeat: { gameId: game.id, state: seat, member: 'conformance', secret: game.secrets[seat] } });
  const token = r.joined?.token;
  check(!!token && r.joined.role === 'SEAT', 'join_seat with the seat secret gets a seat token', JSON.stringify(r));
  await waitFor(() => j.pushes.some((m) => m.view), 'the first view');
  const view = j.pushes.find((m) => m.view).view;
  check(view.phase === 'ORDERS' && num(view.turn) === 1 && view.self === seat && view.gameId === game.id,
    'the seat gets a view in phase ORDERS for turn 1 naming its game and seat', JSON.stringify({ phase: view.phase, turn: view.turn, self: view.self }));
  const hide = { stance: { hide: {} } };
  r = await j.request({ submitOrders: { token, turn: 99, state: seat, orders: hide } });
  check(r.error?.code === 'STALE_TURN', 'orders for another turn get STALE_TURN', JSON.stringify(r));
  r = await j.request({ submitOrders: { token, turn: 1, state: other, orders: hide } });
  check(r.error?.code === 'WRONG_STATE', 'orders for another state get WRONG_STATE', JSON.stringify(r));
  r = await j.request({ submitOrders: { token, turn: 1, state: seat, orders: { stance: { balance: { against: other, internal: 5 } } } } });
  check(r.error?.code === 'INVALID_ORDERS' && /internal/.test(r.error.message), 'an effort out of range gets INVALID_ORDERS naming it', JSON.stringify(r));
  r = await j.request({ submitOrders: { token, turn: 1, state: seat, orders: { stance: { hide: {} }, actions: [{ attack: { target: other } }] } } });
  check(r.error?.code === 'INVALID_ORDERS', 'an ATTACK under HIDE gets INVALID_ORDERS', JSON.stringify(r));
  r = await j.request({ submitOrders: { token, turn: 1, state: seat, orders: { stance: { balance: { against: 'ATLANTIS' } } } } });
  check(r.error?.code === 'INVALID_ORDERS' && /ATLANTIS/.test(r.error.message), 'an unknown state gets INVALID_ORDERS naming it', JSON.stringify(r));
  j.close();
}

// ------------------------------------------------------------------ part 2: the bot plays

function runBot(template, game, state, token = '') {
  const ws = new URL(args.server);
  const fill = { ws: args.server, tcp: `${ws.hostname}:${ws.port || 80}`, game: game.id, state, secret: game.secrets[state], token };
  const command = template.replace(/\{(ws|tcp|game|state|secret|token)\}/g, (_, k) => fill[k]);
  const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.output = '';
  child.stdout.on('data', (d) => (child.output += d));
  child.stderr.on('data', (d) => (child.output += d));
  child.done = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return child;
}

async function botPlays(scenario, seat) {
  const c = await open();
  await c.request({ hello: { major: 1 } });
  const other = scenario.seats.find((s) => s.state !== seat).state;
  const game = await createGame(c, scenario, [seat], { seed: args.seed, defaultPolicy: 'HIDE' });
  await orderChecks(c, game, seat, other);
  const bot = runBot(args.bot, game, seat);
  const exit = await Promise.race([bot.done, sleep(num(args.timeout) * 1000).then(() => 'timeout')]);
  if (exit === 'timeout') bot.kill();
  const ended = c.pushes.find((m) => m.gameEvent?.kind === 'GAME_ENDED');
  check(exit === 0, 'the bot exits 0 by itself at the end of the game', `exit ${exit}\n${bot.output}`);
  check(!!ended, 'the game ends (GAME_ENDED)');
  check((ended?.gameEvent?.finalScores ?? []).length === scenario.seats.length, 'GAME_ENDED carries every final score');
  const resolved = c.pushes.filter((m) => m.turnResolved).map((m) => m.turnResolved);
  check(resolved.length === num(scenario.turns), `every turn is adjudicated (${scenario.turns})`, `${resolved.length}`);
  const wars = new Set();
  for (const t of resolved) {
    const own = (t.outcomes ?? []).filter((o) => o.state === seat);
    check(own.some((o) => o.order === 'stance') && !own.some((o) => o.code === 'DEFAULT_ORDER'),
      `turn ${t.turn}: the bot's orders stood`, JSON.stringify(own));
    checkTyped(t, wars);
  }
  const views = c.pushes.filter((m) => m.view && m.view.phase === 'FINISHED');
  check(views.length > 0, 'a final view in phase FINISHED');
  const list = await c.request({ listGames: {} });
  const info = (list.games?.games ?? []).find((g) => g.gameId === game.id);
  check(info?.phase === 'FINISHED', 'list_games shows the game FINISHED', JSON.stringify(info));
  c.close();
}

function checkTyped(t, wars) {
  const lines = t.events ?? [];
  const typed = t.typedEvents ?? [];
  const bodies = ['war', 'conquest', 'alliance', 'clientLink', 'crisisDeclared', 'crisisEnded'];
  let ok = typed.length <= lines.length && typed.every((e, k) => e.text === lines[k] && bodies.some((b) => e[b]));
  const turnWars = typed.filter((e) => e.war).map((e) => e.war);
  ok &&= lines.length - typed.length === turnWars.length;
  for (const w of turnWars) {
    ok &&= !wars.has(w.crisis);
    wars.add(w.crisis);
  }
  check(ok, `turn ${t.turn}: every event has its typed twin with the same words, each war once`,
    JSON.stringify({ lines, typed }));
}

// ------------------------------------------------------------------ part 3: a conquered seat

async function botEliminated(scenarios) {
  const scenario = scenarios.find((s) => s.id === (args['conquest-scenario'] ?? 'middle-east-1955'));
  if (!check(!!scenario, 'a scenario to play a conquest in')) return;
  const c = await open();
  await c.request({ hello: { major: 1 } });
  // find a seed whose all-bot game conquers a state before the last turn
  let found = null;
  for (let seed = 1; seed <= 40 && !found; seed++) {
    const before = c.pushes.length;
    const g = await createGame(c, scenario, [], { seed: String(seed) });
    await waitFor(() => c.pushes.slice(before).some((m) => m.gameEvent?.kind === 'GAME_ENDED' && m.gameEvent.gameId === g.id), `game ${g.id} to end`, 60000);
    const fell = new Map();
    for (const m of c.pushes.slice(before)) {
      if (m.turnResolved?.gameId !== g.id) continue;
      for (const e of m.turnResolved.typedEvents ?? []) {
        if (e.conquest && !fell.has(e.conquest.state)) fell.set(e.conquest.state, num(m.turnResolved.turn));
      }
    }
    const first = [...fell.entries()].sort((a, b) => a[1] - b[1])[0];
    if (first && first[1] < num(scenario.turns)) {
      const holder = scenario.seats.map((s) => s.state).find((s) => !fell.has(s));
      found = { seed, seat: first[0], turn: first[1], holder };
    }
  }
  if (!check(!!found, `a seed of ${scenario.id} whose game conquers a state`)) return;
  // the same game, with the fallen seat and a surviving one for people (autopilot fills them)
  c.pushes.length = 0;
  const game = await createGame(c, scenario, [found.seat, found.holder], { seed: String(found.seed), defaultPolicy: 'AUTOPILOT' });
  const seatConnection = await open();
  await seatConnection.request({ hello: { major: 1 } });
  const joined = await seatConnection.request({
    joinSeat: { gameId: game.id, state: found.seat, member: 'bot', secret: game.secrets[found.seat] },
  });
  seatConnection.close();
  if (!check(!!joined.joined, `the suite takes the seat ${found.seat} for the bot`, JSON.stringify(joined))) return;
  const now = { instructor: { token: game.token, adjudicateNow: {} } };
  const count = () => c.pushes.filter((m) => m.turnResolved?.gameId === game.id).length;
  for (let t = 1; t <= found.turn; t++) {
    await c.request(now);
    await waitFor(() => count() >= t, `turn ${t}`);
  }
  const fall = c.pushes.filter((m) => m.turnResolved?.gameId === game.id)[found.turn - 1].turnResolved;
  check((fall.outcomes ?? []).some((o) => o.state === found.seat && o.code === 'CONQUERED'),
    `${found.seat} is conquered in turn ${found.turn} of seed ${found.seed}`);
  const bot = runBot(args['bot-token'], game, found.seat, joined.joined.token);
  // give the bot time to connect and read its ELIMINATED view, then play the rest of the game
  await sleep(3000);
  for (let t = found.turn + 1; t <= num(scenario.turns); t++) {
    await c.request(now);
    await waitFor(() => count() >= t, `turn ${t}`);
    await sleep(100);
  }
  const exit = await Promise.race([bot.done, sleep(60000).then(() => 'timeout')]);
  if (exit === 'timeout') bot.kill();
  check(exit === 0, 'the bot on a conquered seat exits 0 at the end of the game', `exit ${exit}\n${bot.output}`);
  const after = c.pushes.filter((m) => m.turnResolved?.gameId === game.id).slice(found.turn);
  check(after.every((m) => !(m.turnResolved.outcomes ?? []).some((o) => o.state === found.seat)),
    'no order of the conquered seat stands after its fall');
  check(/eliminated|ELIMINATED|conquered/.test(bot.output), 'the bot says its seat was conquered', bot.output);
  c.close();
}

// ------------------------------------------------------------------ main

try {
  const scenario = await serverChecks();
  if (scenario && args.bot) {
    const seat = args.seat || scenario.seats[scenario.seats.length - 1].state;
    await botPlays(scenario, seat);
    const c = await open();
    await c.request({ hello: { major: 1 } });
    const all = (await c.request({ listScenarios: {} })).scenarios.scenarios;
    c.close();
    if (args['bot-token']) await botEliminated(all);
    else console.log('skip the conquered seat (give --bot-token to check it)');
  }
} catch (e) {
  check(false, 'the suite ran to its end', e.stack ?? String(e));
}
console.log(failures === 0 ? 'conformance: every check passed' : `conformance: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
