// The lobby: pick a scenario, set up its seats, create the game, hand out the links and codes.
import { h, fill, field, select, say, section } from './dom.js';
import { abs, randomKey } from './links.js';
import { rememberGame } from './mygames.js';

export async function lobbyPage(main, page) {
  const conn = page.connect();
  main.append(h('h1', {}, 'New seminar game'));
  const reply = await conn.request({ listScenarios: {} });
  const scenarios = reply.scenarios.scenarios || [];
  const strategies = reply.scenarios.strategies || [];
  const summaries = reply.scenarios.strategySummaries || {};

  const briefing = h('div', { class: 'briefing', 'aria-live': 'polite' });
  const seatsBox = h('div');
  const scenarioSel = select(scenarios.map((s) => ({ value: s.id, label: `${s.name} (${s.turns} turns)` })), 'tutorial');
  const seed = h('input', { type: 'number', value: String(Math.floor(Math.random() * 1000) + 1), min: '0', step: '1', required: true });
  const deadline = h('input', { type: 'number', value: '10', min: '0', step: '1', required: true });
  const policy = select([
    { value: 'REPEAT_OR_HIDE', label: 'repeat the last stance, else hide' },
    { value: 'HIDE', label: 'hide' },
    { value: 'AUTOPILOT', label: "the scenario's bot plays it" },
  ], 'REPEAT_OR_HIDE');
  const name = h('input', { type: 'text', maxlength: '80', placeholder: 'e.g. Tuesday seminar' });
  const status = h('p', { role: 'status', class: 'notice' });
  const result = h('div', { id: 'created' });

  function scenario() {
    return scenarios.find((s) => s.id === scenarioSel.value);
  }

  // Each seat starts as the scenario's own bot for it; the instructor ticks the seats students play.
  function showScenario() {
    const sc = scenario();
    fill(briefing, h('p', {}, sc.briefing), h('p', { class: 'hint' },
      `From ${sc.firstLabel} to ${sc.lastLabel}, ${sc.turns} turns, ${sc.seats.length} states.`));
    fill(seatsBox, h('fieldset', {},
      h('legend', {}, 'Who plays each state'),
      h('p', { class: 'hint' }, "Tick the states your students play; the others are played by a bot, the scenario's own by default."),
      h('table', { class: 'seats' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'State'), h('th', { scope: 'col' }, 'Students'), h('th', { scope: 'col' }, 'Otherwise the bot'))),
        h('tbody', {}, sc.seats.map((seat) => {
          const id = `who-${seat.state}`;
          const options = strategies.map((st) => ({ value: st, label: `${st}${st === seat.defaultStrategy ? ' (scenario default)' : ''}` }));
          const bot = select(options, seat.defaultStrategy, { id, 'data-state': seat.state, class: 'who', 'aria-label': `Bot for ${seat.name}`, 'aria-describedby': `${id}-what` });
          const what = h('p', { class: 'hint strategy-what', id: `${id}-what` }, summaries[bot.value] || '');
          bot.addEventListener('change', () => { what.textContent = summaries[bot.value] || ''; });
          const tick = h('input', { type: 'checkbox', id: `students-${seat.state}`, 'data-state': seat.state, class: 'students',
            onchange: () => { bot.disabled = tick.checked; } });
          return h('tr', {},
            h('th', { scope: 'row' }, h('label', { for: `students-${seat.state}` }, `${seat.name} (${seat.state})`)),
            h('td', {}, tick),
            h('td', {}, bot, what));
        })))));
  }
  scenarioSel.addEventListener('change', showScenario);

  const createButton = h('button', { type: 'submit', class: 'primary', id: 'create-game' }, 'Create the game');
  const form = h('form', { class: 'card', novalidate: true },
    field('scenario', 'Scenario', scenarioSel),
    briefing,
    seatsBox,
    h('div', { class: 'row' },
      field('deadline', 'Deadline per turn (minutes, 0 = none)', deadline),
      field('seed', 'Seed', seed, 'The same seed and orders give the same game.'),
    ),
    field('policy', 'A seat that sends nothing by the deadline…', policy),
    field('game-name', 'Game name (optional)', name),
    createButton,
    status);
  // One key per game to create: a second click (or a resend after a dropped connection) gets the
  // same game back from the server instead of a second one. Changing the form asks for a new game.
  let requestKey = randomKey();
  form.addEventListener('change', () => { requestKey = randomKey(); });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const bots = {};
    for (const who of seatsBox.querySelectorAll('select.who')) {
      const tick = seatsBox.querySelector(`#students-${who.dataset.state}`);
      if (!tick.checked) bots[who.dataset.state] = who.value;
    }
    const minutes = Number(deadline.value);
    const d = Math.round(minutes * 60);
    const sd = Number(seed.value);
    if (!(minutes >= 0) || deadline.value.trim() === '') return say(status, 'Deadline: minutes per turn, 0 (no deadline) or more.', 'error');
    if (!Number.isInteger(sd) || sd < 0) return say(status, 'Seed: a whole number, 0 or more.', 'error');
    if (Object.keys(bots).length === scenario().seats.length) {
      say(status, 'No state is ticked for students: the bots will play the game to the end by themselves.', 'info');
    }
    createButton.disabled = true;
    try {
      const r = await conn.request({ createGame: {
        scenario: scenarioSel.value, seed: String(sd), deadlineSeconds: d,
        defaultPolicy: policy.value, bots, name: name.value, requestKey } });
      const g = r.gameCreated;
      rememberGame(g.gameId, g.instructorToken, name.value || scenario().name);
      say(status, `Game ${g.gameId} created; it is listed under "Your games".`, 'ok');
      showCreated(result, g, bots);
      result.querySelector('h2').focus();
    } catch (e) {
      say(status, e.message, 'error');
    } finally {
      createButton.disabled = false;
    }
  });
  main.append(form, result, joinByCode(page));
  showScenario();
}

function showCreated(box, g, bots) {
  const l = g.links || {};
  fill(box, section('created-sec', `Game ${g.gameId}: links`,
    h('p', {}, 'Give each student (or team) the link of their state, or its join code: only that code opens the seat. Keep the instructor link to yourself: it controls the game.'),
    h('p', {}, h('a', { href: abs(l.handoutUrl), id: 'handout-link', target: '_blank', rel: 'noopener' }, 'Printable seat cards with QR codes')),
    h('ul', { class: 'links' },
      (l.seats || []).map((seat) => h('li', {},
        h('a', { href: abs(seat.joinUrl), 'data-seat': seat.state }, `Join as ${seat.name} (${seat.state})`),
        ' code ', h('code', { 'data-code': seat.state }, seat.code))),
      l.observers ? h('li', {}, h('a', { href: abs(l.observers.joinUrl), id: 'watch-link' }, 'Watch (observers)'), ' code ', h('code', {}, l.observers.code)) : null,
      Object.keys(bots).map((st) => h('li', {}, `${st}: played by the ${bots[st]} bot`))),
    h('p', {}, h('a', { href: abs(l.consoleUrl), id: 'instructor-link', class: 'button primary' }, 'Open the instructor console'))));
  box.querySelector('h2').setAttribute('tabindex', '-1');
}

function joinByCode(page) {
  const code = h('input', { type: 'text', placeholder: 'ABCD-EFGH', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', required: true });
  const member = h('input', { type: 'text', maxlength: '60', autocomplete: 'name' });
  const status = h('p', { role: 'status' });
  const form = h('form', { class: 'card', id: 'join-code-form' },
    h('h2', {}, 'Join with a code'),
    field('join-code', 'Join code', code, 'The 8 characters on your seat card or link, e.g. ABCD-EFGH.'),
    field('join-name', 'Your name', member, 'The others see it on your messages and orders.'),
    h('button', { type: 'submit' }, 'Join'),
    status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const typed = code.value.replace(/[\s-]/g, '').toUpperCase();
    if (!/^[A-Z0-9]{8}$/.test(typed)) return say(status, 'A join code has 8 letters and digits, e.g. ABCD-EFGH.', 'error');
    if (!member.value.trim()) return say(status, 'Your name: please enter it (the others see it on your messages).', 'error');
    const conn = page.connect();
    try {
      const r = await conn.request({ joinSeat: { secret: typed, member: member.value.trim() } });
      localStorage.setItem(`entente:${r.joined.gameId}:${r.joined.state}`, r.joined.token);
      location.hash = `#/seat/${r.joined.token}`;
    } catch (e) {
      if (e.code !== 'WRONG_SECRET') return say(status, e.message, 'error');
      // perhaps the observers' code
      try {
        const r = await conn.request({ observe: { secret: typed } });
        location.hash = `#/seat/${r.joined.token}`;
      } catch {
        say(status, `No seat has the code ${typed.slice(0, 4)}-${typed.slice(4)}: check it with your instructor (a code that was replaced no longer works).`, 'error');
      }
    }
  });
  return form;
}

/**
 * Joining a seat from its link (#/join/GAME/STATE/SECRET): a name, then join_seat with the link's
 * secret; without a secret in the link the student types the seat's code. The token is remembered
 * in this browser.
 */
export async function joinPage(main, page, gameId, state, secret) {
  const key = `entente:${gameId}:${state}`;
  const known = localStorage.getItem(key);
  const member = h('input', { type: 'text', maxlength: '60', required: true, autocomplete: 'name' });
  const code = h('input', { type: 'text', placeholder: 'ABCD-EFGH', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false' });
  const status = h('p', { role: 'status' });
  const form = h('form', { class: 'card' },
    h('h1', {}, `Take the seat of ${state}`),
    h('p', {}, `Game ${gameId}. Several people may join one state as a team.`),
    field('member', 'Your name', member),
    secret ? null : field('seat-code', 'The seat\'s join code', code, 'The 8 characters your instructor gave you for this state.'),
    h('button', { type: 'submit', class: 'primary' }, 'Join'),
    known ? h('p', {}, 'This browser already holds this seat: ', h('a', { href: `#/seat/${known}` }, 'go back to it')) : null,
    status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!member.value.trim()) return say(status, 'Your name: please enter it (the others see it on your messages).', 'error');
    const given = secret || code.value;
    if (!given.trim()) return say(status, "The seat's join code: please enter it (it is on your seat card).", 'error');
    try {
      const r = await page.connect().request({ joinSeat: { gameId, state, member: member.value.trim(), secret: given } });
      localStorage.setItem(key, r.joined.token);
      location.hash = `#/seat/${r.joined.token}`;
    } catch (e) {
      const why = e.code === 'WRONG_SECRET'
        ? `This link or code does not open the seat of ${state}: it may belong to another seat, or the instructor replaced it. Ask your instructor for the current one.`
        : e.message;
      say(status, why, 'error');
    }
  });
  main.append(form);
  member.focus();
}

/** Watching a game from the observers' link (#/watch/GAME/SECRET): the public part only. */
export async function watchPage(main, page, gameId, secret) {
  const status = h('p', { role: 'status' });
  main.append(h('h1', {}, `Watch game ${gameId}`), status);
  try {
    const r = await page.connect().request({ observe: { gameId, secret } });
    location.hash = `#/seat/${r.joined.token}`;
  } catch (e) {
    say(status, e.code === 'WRONG_SECRET' ? 'This observers\' link is no longer valid: ask the instructor for the current one.' : e.message, 'error');
  }
}
