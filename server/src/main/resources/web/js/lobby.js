// The lobby: pick a scenario, set up its seats, create the game, hand out the links.
import { h, fill, field, select, say, section } from './dom.js';
import { links } from './links.js';

export async function lobbyPage(main, page) {
  const conn = page.connect();
  main.append(h('h1', {}, 'New seminar game'));
  const reply = await conn.request({ listScenarios: {} });
  const scenarios = reply.scenarios.scenarios || [];
  const strategies = reply.scenarios.strategies || [];

  const briefing = h('div', { class: 'briefing', 'aria-live': 'polite' });
  const seatsBox = h('div');
  const scenarioSel = select(scenarios.map((s) => ({ value: s.id, label: `${s.name} (${s.turns} turns)` })), 'tutorial');
  const seed = h('input', { type: 'number', value: String(Math.floor(Math.random() * 1000) + 1), min: '0', step: '1', required: true });
  const deadline = h('input', { type: 'number', value: '600', min: '0', step: '30', required: true });
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

  function showScenario() {
    const sc = scenario();
    fill(briefing, h('p', {}, sc.briefing), h('p', { class: 'hint' },
      `From ${sc.firstLabel} to ${sc.lastLabel}, ${sc.turns} turns, ${sc.seats.length} states.`));
    fill(seatsBox, h('fieldset', {},
      h('legend', {}, 'Who plays each state'),
      h('table', { class: 'seats' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'State'), h('th', { scope: 'col' }, 'Played by'))),
        h('tbody', {}, sc.seats.map((seat) => {
          const id = `who-${seat.state}`;
          const options = [{ value: 'student', label: 'students' }]
            .concat(strategies.map((st) => ({ value: st, label: `bot: ${st}${st === seat.defaultStrategy ? ' (scenario default)' : ''}` })));
          return h('tr', {},
            h('th', { scope: 'row' }, h('label', { for: id }, `${seat.name} (${seat.state})`)),
            h('td', {}, select(options, 'student', { id, 'data-state': seat.state, class: 'who' })));
        })))));
  }
  scenarioSel.addEventListener('change', showScenario);

  const form = h('form', { class: 'card', novalidate: true },
    field('scenario', 'Scenario', scenarioSel),
    briefing,
    seatsBox,
    h('div', { class: 'row' },
      field('deadline', 'Deadline per turn (seconds, 0 = none)', deadline),
      field('seed', 'Seed', seed, 'The same seed and orders give the same game.'),
    ),
    field('policy', 'A seat that sends nothing by the deadline…', policy),
    field('game-name', 'Game name (optional)', name),
    h('button', { type: 'submit', class: 'primary' }, 'Create the game'),
    status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const bots = {};
    for (const who of seatsBox.querySelectorAll('select.who')) {
      if (who.value !== 'student') bots[who.dataset.state] = who.value;
    }
    const d = Number(deadline.value);
    const sd = Number(seed.value);
    if (!Number.isInteger(d) || d < 0) return say(status, 'Deadline: a whole number of seconds, 0 or more.', 'error');
    if (!Number.isInteger(sd) || sd < 0) return say(status, 'Seed: a whole number, 0 or more.', 'error');
    if (Object.keys(bots).length === scenario().seats.length) {
      say(status, 'Every state is a bot: the game will play itself to the end.', 'info');
    }
    try {
      const r = await conn.request({ createGame: {
        scenario: scenarioSel.value, seed: String(sd), deadlineSeconds: d,
        defaultPolicy: policy.value, bots, name: name.value } });
      const g = r.gameCreated;
      say(status, `Game ${g.gameId} created.`, 'ok');
      showCreated(result, g, scenario(), bots);
      result.querySelector('h2').focus();
    } catch (e) {
      say(status, e.message, 'error');
    }
  });
  main.append(form, result, joinByCode());
  showScenario();
}

function showCreated(box, g, sc, bots) {
  const l = links(g.gameId, g.instructorToken);
  const students = sc.seats.filter((seat) => !bots[seat.state]);
  fill(box, section('created-sec', `Game ${g.gameId}: links`,
    h('p', {}, 'Give each student (or team) the link of their state, or its join code. Keep the instructor link to yourself: it controls the game.'),
    h('ul', { class: 'links' },
      students.map((seat) => h('li', {},
        h('a', { href: l.join(seat.state), 'data-seat': seat.state }, `Join as ${seat.name} (${seat.state})`),
        ' code ', h('code', {}, `${g.gameId}/${seat.state}`))),
      Object.keys(bots).map((st) => h('li', {}, `${st}: played by the ${bots[st]} bot`))),
    h('p', {}, h('a', { href: l.instructor, id: 'instructor-link', class: 'button primary' }, 'Open the instructor console'))));
  box.querySelector('h2').setAttribute('tabindex', '-1');
}

function joinByCode() {
  const code = h('input', { type: 'text', placeholder: 'g1-abc123/LEN', autocomplete: 'off', required: true });
  const status = h('p', { role: 'status' });
  const form = h('form', { class: 'card' },
    h('h2', {}, 'Join with a code'),
    field('join-code', 'Join code (game/STATE)', code, 'The instructor gives each seat a code.'),
    h('button', { type: 'submit' }, 'Join'),
    status);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const m = code.value.trim().match(/^([^/\s]+)\/([A-Za-z0-9_-]+)$/);
    if (!m) return say(status, 'A join code looks like g1-abc123/LEN: the game, a slash, the state.', 'error');
    location.hash = `#/join/${encodeURIComponent(m[1])}/${encodeURIComponent(m[2].toUpperCase())}`;
  });
  return form;
}

/** Joining a seat from its link: a name, then join_seat; the token is remembered in this browser. */
export async function joinPage(main, page, gameId, state) {
  const key = `entente:${gameId}:${state}`;
  const known = localStorage.getItem(key);
  const member = h('input', { type: 'text', maxlength: '60', required: true, autocomplete: 'name' });
  const status = h('p', { role: 'status' });
  const form = h('form', { class: 'card' },
    h('h1', {}, `Take the seat of ${state}`),
    h('p', {}, `Game ${gameId}. Several people may join one state as a team.`),
    field('member', 'Your name', member),
    h('button', { type: 'submit', class: 'primary' }, 'Join'),
    known ? h('p', {}, 'This browser already holds this seat: ', h('a', { href: `#/seat/${known}` }, 'go back to it')) : null,
    status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!member.value.trim()) return say(status, 'Your name: please enter it (the others see it on your messages).', 'error');
    try {
      const r = await page.connect().request({ joinSeat: { gameId, state, member: member.value.trim() } });
      localStorage.setItem(key, r.joined.token);
      location.hash = `#/seat/${r.joined.token}`;
    } catch (e) {
      say(status, e.message, 'error');
    }
  });
  main.append(form);
  member.focus();
}
