// The lobby: pick a scenario, set up its seats, create the game, hand out the links and codes.
import { h, fill, field, select, say, section } from './dom.js';
import { abs, randomKey } from './links.js';
import { rememberGame } from './mygames.js';
import { t, lang, local, has } from './i18n.js';
import { turnLabel } from './i18n/engine.js';

/** A built-in strategy's name and one-line summary in the language on screen (the server's words for others). */
export function strategyLabel(st) {
  const k = `strategy.${st}`;
  return !has(k) ? st : t(k);
}
export function strategySummary(st, summaries) {
  const k = `strategy.${st}.what`;
  return !has(k) ? summaries[st] || '' : t(k);
}

export async function lobbyPage(main, page) {
  const conn = page.connect();
  main.append(h('h1', {}, t('lobby.title')));
  const reply = await conn.request({ listScenarios: {} });
  const scenarios = reply.scenarios.scenarios || [];
  const strategies = reply.scenarios.strategies || [];
  const summaries = reply.scenarios.strategySummaries || {};

  const briefing = h('div', { class: 'briefing', 'aria-live': 'polite' });
  const seatsBox = h('div');
  const scenarioSel = select(scenarios.map((s) => ({ value: s.id, label: t('lobby.scenarioOption', { name: local(s.name, s.nameKo), turns: s.turns }) })), 'tutorial');
  const seed = h('input', { type: 'number', value: String(Math.floor(Math.random() * 1000) + 1), min: '0', step: '1', required: true });
  const deadline = h('input', { type: 'number', value: '10', min: '0', step: '1', required: true });
  const policy = select([
    { value: 'REPEAT_OR_HIDE', label: t('lobby.policy.repeat') },
    { value: 'HIDE', label: t('lobby.policy.hide') },
    { value: 'AUTOPILOT', label: t('lobby.policy.autopilot') },
  ], 'REPEAT_OR_HIDE');
  const name = h('input', { type: 'text', maxlength: '80', placeholder: t('lobby.namePlaceholder') });
  const status = h('p', { role: 'status', class: 'notice' });
  const result = h('div', { id: 'created' });

  function scenario() {
    return scenarios.find((s) => s.id === scenarioSel.value);
  }

  // Each seat starts as the scenario's own bot for it; the instructor ticks the seats students play.
  function showScenario() {
    const sc = scenario();
    fill(briefing, h('p', {}, local(sc.briefing, sc.briefingKo)), h('p', { class: 'hint' },
      t('lobby.span', { first: turnLabel(sc.firstLabel), last: turnLabel(sc.lastLabel), turns: sc.turns, states: sc.seats.length })));
    fill(seatsBox, h('fieldset', {},
      h('legend', {}, t('lobby.who')),
      h('p', { class: 'hint' }, t('lobby.whoHint')),
      h('table', { class: 'seats' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('common.state')), h('th', { scope: 'col' }, t('lobby.students')), h('th', { scope: 'col' }, t('lobby.otherwiseBot')))),
        h('tbody', {}, sc.seats.map((seat) => {
          const id = `who-${seat.state}`;
          const options = strategies.map((st) => ({ value: st, label: `${strategyLabel(st)}${st === seat.defaultStrategy ? t('lobby.scenarioDefault') : ''}` }));
          const bot = select(options, seat.defaultStrategy, { id, 'data-state': seat.state, class: 'who', 'aria-label': t('lobby.botFor', { name: local(seat.name, seat.nameKo) }), 'aria-describedby': `${id}-what` });
          const what = h('p', { class: 'hint strategy-what', id: `${id}-what` }, strategySummary(bot.value, summaries));
          bot.addEventListener('change', () => { what.textContent = strategySummary(bot.value, summaries); });
          const tick = h('input', { type: 'checkbox', id: `students-${seat.state}`, 'data-state': seat.state, class: 'students',
            onchange: () => { bot.disabled = tick.checked; } });
          return h('tr', {},
            h('th', { scope: 'row' }, h('label', { for: `students-${seat.state}` }, `${local(seat.name, seat.nameKo)} (${seat.state})`)),
            h('td', {}, tick),
            h('td', {}, bot, what));
        })))));
  }
  scenarioSel.addEventListener('change', showScenario);

  const createButton = h('button', { type: 'submit', class: 'primary', id: 'create-game' }, t('lobby.create'));
  const form = h('form', { class: 'card', novalidate: true },
    field('scenario', t('lobby.scenario'), scenarioSel),
    briefing,
    seatsBox,
    h('div', { class: 'row' },
      field('deadline', t('lobby.deadline'), deadline),
      field('seed', t('lobby.seed'), seed, t('lobby.seedHint')),
    ),
    field('policy', t('lobby.policy'), policy),
    field('game-name', t('lobby.gameName'), name),
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
    if (!(minutes >= 0) || deadline.value.trim() === '') return say(status, t('lobby.badDeadline'), 'error');
    if (!Number.isInteger(sd) || sd < 0) return say(status, t('lobby.badSeed'), 'error');
    if (Object.keys(bots).length === scenario().seats.length) {
      say(status, t('lobby.allBots'), 'info');
    }
    createButton.disabled = true;
    try {
      const r = await conn.request({ createGame: {
        scenario: scenarioSel.value, seed: String(sd), deadlineSeconds: d,
        defaultPolicy: policy.value, bots, name: name.value, requestKey } });
      const g = r.gameCreated;
      rememberGame(g.gameId, g.instructorToken, name.value);
      say(status, t('lobby.created', { game: g.gameId }), 'ok');
      showCreated(result, g, bots, (st, fallback) => {
        const seat = scenario().seats.find((x) => x.state === st);
        return seat ? local(seat.name, seat.nameKo) : fallback;
      });
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

/** A server page link (the seat cards) in the language on screen. */
export function withLang(url) {
  return url ? `${url}${url.includes('?') ? '&' : '?'}lang=${lang()}` : url;
}

function showCreated(box, g, bots, stateName) {
  const l = g.links || {};
  fill(box, section('created-sec', t('lobby.linksTitle', { game: g.gameId }),
    h('p', {}, t('lobby.linksHelp')),
    h('p', {}, h('a', { href: withLang(abs(l.handoutUrl)), id: 'handout-link', target: '_blank', rel: 'noopener' }, t('common.seatCards'))),
    h('ul', { class: 'links' },
      (l.seats || []).map((seat) => h('li', {},
        h('a', { href: abs(seat.joinUrl), 'data-seat': seat.state }, t('lobby.joinAs', { name: stateName(seat.state, seat.name), state: seat.state })),
        ` ${t('common.code')} `, h('code', { 'data-code': seat.state }, seat.code))),
      l.observers ? h('li', {}, h('a', { href: abs(l.observers.joinUrl), id: 'watch-link' }, t('lobby.watch')), ` ${t('common.code')} `, h('code', {}, l.observers.code)) : null,
      Object.keys(bots).map((st) => h('li', {}, t('lobby.playedByBot', { state: st, bot: strategyLabel(bots[st]) })))),
    h('p', {}, h('a', { href: abs(l.consoleUrl), id: 'instructor-link', class: 'button primary' }, t('lobby.openConsole')))));
  box.querySelector('h2').setAttribute('tabindex', '-1');
}

function joinByCode(page) {
  const code = h('input', { type: 'text', placeholder: t('common.codePlaceholder'), autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', required: true });
  const member = h('input', { type: 'text', maxlength: '60', autocomplete: 'name' });
  const status = h('p', { role: 'status' });
  const form = h('form', { class: 'card', id: 'join-code-form' },
    h('h2', {}, t('lobby.joinTitle')),
    field('join-code', t('common.joinCode'), code, t('lobby.joinCodeHint')),
    field('join-name', t('common.yourName'), member, t('lobby.nameHint')),
    h('button', { type: 'submit' }, t('common.join')),
    status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const typed = code.value.replace(/[\s-]/g, '').toUpperCase();
    if (!/^[A-Z0-9]{8}$/.test(typed)) return say(status, t('lobby.badCode'), 'error');
    if (!member.value.trim()) return say(status, t('common.needName'), 'error');
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
        say(status, t('lobby.noSuchCode', { code: `${typed.slice(0, 4)}-${typed.slice(4)}` }), 'error');
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
  const code = h('input', { type: 'text', placeholder: t('common.codePlaceholder'), autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false' });
  const status = h('p', { role: 'status' });
  const form = h('form', { class: 'card' },
    h('h1', {}, t('join.title', { state })),
    h('p', {}, t('join.team', { game: gameId })),
    field('member', t('common.yourName'), member),
    secret ? null : field('seat-code', t('join.code'), code, t('join.codeHint')),
    h('button', { type: 'submit', class: 'primary' }, t('common.join')),
    known ? h('p', {}, t('join.known'), h('a', { href: `#/seat/${known}` }, t('join.goBack'))) : null,
    status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!member.value.trim()) return say(status, t('common.needName'), 'error');
    const given = secret || code.value;
    if (!given.trim()) return say(status, t('join.needCode'), 'error');
    try {
      const r = await page.connect().request({ joinSeat: { gameId, state, member: member.value.trim(), secret: given } });
      localStorage.setItem(key, r.joined.token);
      location.hash = `#/seat/${r.joined.token}`;
    } catch (e) {
      const why = e.code === 'WRONG_SECRET'
        ? t('join.wrong', { state })
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
  main.append(h('h1', {}, t('watch.title', { game: gameId })), status);
  try {
    const r = await page.connect().request({ observe: { gameId, secret } });
    location.hash = `#/seat/${r.joined.token}`;
  } catch (e) {
    say(status, e.code === 'WRONG_SECRET' ? t('watch.wrong') : e.message, 'error');
  }
}
