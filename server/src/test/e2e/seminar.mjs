// End-to-end test of the seminar web client in headless Chromium.
//
//   node seminar.mjs SERVER_URL SCREENSHOT_DIR
//
// An instructor creates a game of `tutorial` with two student seats and one bot; two separate
// browser contexts join from their links, exchange private messages and submit orders (one with
// the mouse at desktop width, asking for an offensive alliance, one with the keyboard alone at a
// phone's width, not asking: the alliance forms defensive, against Kador); the turn is
// adjudicated and both see their results; the instructor pauses, injects an event, notes a turn,
// plays a second turn and steps the replay back to turn 1; the debrief shows in the page. Every
// WebSocket frame a student receives is checked for another seat's private data.
// Exits 0 when everything holds, 1 with the failed step otherwise.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { classDay } from './classday.mjs';

const [base, shotDir, instructorKey] = process.argv.slice(2);

// The test restarts the server when this script prints RESTART-SERVER, and answers on stdin.
const stdinReader = createInterface({ input: process.stdin });
const stdinLines = stdinReader[Symbol.asyncIterator]();
async function restartServer() {
  console.log('RESTART-SERVER');
  const { value, done } = await stdinLines.next();
  if (done || !String(value).startsWith('restarted')) throw new Error(`the server was not restarted (${value})`);
  console.log('ok - the server restarted');
}
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const T = 20000;

if (!base || !shotDir) {
  console.error('usage: node seminar.mjs SERVER_URL SCREENSHOT_DIR');
  process.exit(2);
}
if (!existsSync(chromiumPath)) {
  console.error(`E2E FAILED: no Chromium at ${chromiumPath} (install Debian's chromium package, or set CHROMIUM)`);
  process.exit(1);
}
mkdirSync(shotDir, { recursive: true });

let step = 'start';
const pages = {};
const elsewhere = [];
let requests = 0;
const cspViolations = [];

/** Notes every request of the context that leaves the server (a CDN, a remote font...). */
function localOnly(ctx) {
  // the server's Content-Security-Policy must not block anything the client does
  ctx.on('page', (p) => p.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) cspViolations.push(m.text());
  }));
  ctx.on('request', (r) => {
    const url = r.url();
    requests++;
    if (!url.startsWith(base) && !url.startsWith(base.replace('http', 'ws')) && !/^(data|about|blob):/.test(url)) elsewhere.push(url);
  });
}
/** Fails when the page's visible text shows a raw float (5+ decimals) or exponent notation. */
async function noRawFloats(page, where) {
  const text = await page.evaluate(() => document.body.innerText);
  // a number standing alone (not inside a state hash or an id like g1-4f2e1c)
  const raw = text.match(/(?<![\w.-])\d+(?:\.\d{5,}|(?:\.\d+)?e[-+]?\d+)(?![\w.])/i);
  check(!raw, `the ${where} shows no raw float or exponent${raw ? ` (found ${raw[0]})` : ''}`);
}
function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
  console.log(`ok - ${what}`);
}

/** Records every WebSocket text frame the page receives, parsed. */
function recordFrames(page) {
  const frames = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) => {
      const text = typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8');
      frames.push({ text, msg: JSON.parse(text) });
    });
  });
  return frames;
}

/** True when any value named `key` is found anywhere inside `obj`. */
function hasKey(obj, key) {
  if (!obj || typeof obj !== 'object') return false;
  if (Object.prototype.hasOwnProperty.call(obj, key)) return true;
  return Object.values(obj).some((v) => hasKey(v, key));
}

async function textOf(page, selector) {
  return (await page.locator(selector).first().textContent()) || '';
}

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
try {
  // --- the instructor creates the game in the lobby
  step = 'lobby';
  const ictx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  localOnly(ictx);
  const ipage = await ictx.newPage();
  pages.instructor = ipage;
  ipage.on('pageerror', (e) => console.error(`instructor page error: ${e.message}`));
  await ipage.goto(`${base}/#/lobby`);
  await ipage.locator('#scenario').selectOption('tutorial');
  check(await ipage.locator('#who-KAD').inputValue() === 'opportunist', "each seat starts as the scenario's own bot");
  await ipage.locator('#students-LEN').check();
  await ipage.locator('#students-OST').check();
  await ipage.locator('#deadline').fill('10');
  check((await textOf(ipage, '#who-KAD-what')).length > 20, "the lobby says in a line what each seat's bot does");
  await ipage.locator('#seed').fill('7');
  // a double click makes one game: both clicks carry the form's request key
  await ipage.getByRole('button', { name: 'Create the game' }).dblclick();
  await ipage.locator('a[data-seat=LEN]').waitFor({ timeout: T });
  const lenLink = await ipage.locator('a[data-seat=LEN]').getAttribute('href');
  const ostLink = await ipage.locator('a[data-seat=OST]').getAttribute('href');
  const gameId = decodeURIComponent(lenLink.split('/').slice(-3)[0]);
  const gamesAfterCreate = await ipage.evaluate(async () => {
    const ws = new WebSocket(`ws://${location.host}/ws`);
    await new Promise((r) => ws.addEventListener('open', r));
    const replies = [];
    ws.addEventListener('message', (e) => replies.push(JSON.parse(e.data)));
    ws.send(JSON.stringify({ requestId: 'h', hello: { major: 1 } }));
    ws.send(JSON.stringify({ requestId: 'l', listGames: {} }));
    for (let i = 0; i < 100 && !replies.find((m) => m.requestId === 'l'); i++) await new Promise((r) => setTimeout(r, 50));
    ws.close();
    return (replies.find((m) => m.requestId === 'l').games.games || []).length;
  });
  check(gamesAfterCreate === 1, `a double click on "Create the game" made one game (${gamesAfterCreate})`);
  const ostCode = await ipage.locator('code[data-code=OST]').textContent();
  check(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/.test(ostCode), `each seat has a join code (${ostCode})`);
  const handout = await ipage.locator('#handout-link').getAttribute('href');
  const watchLink = await ipage.locator('#watch-link').getAttribute('href');
  const hpage = await ictx.newPage();
  await hpage.goto(handout);
  check((await hpage.locator('section.card svg.qr').count()) === 3, 'the handout has a QR code for each seat card and the observers');
  check((await hpage.locator('#seat-OST .code').textContent()) === ostCode, "the handout shows OST's code");
  await hpage.screenshot({ path: join(shotDir, 'web-handout.png'), fullPage: true });
  await hpage.close();
  check((await ipage.locator('a[data-seat=KAD]').count()) === 0, 'the bot seat gets no join link');
  const consoleLink = await ipage.locator('#instructor-link').getAttribute('href');
  const instructorToken = consoleLink.split('/').pop();
  check(/^[0-9a-f]{32}$/.test(instructorToken), 'the lobby gives an instructor link with a token');
  await ipage.screenshot({ path: join(shotDir, 'web-lobby.png'), fullPage: true });

  // --- two students join from their links, in separate contexts
  step = 'join';
  const actx = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const bctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  localOnly(actx);
  localOnly(bctx);
  const apage = await actx.newPage();
  const bpage = await bctx.newPage();
  Object.assign(pages, { LEN: apage, OST: bpage });
  const aframes = recordFrames(apage);
  const bframes = recordFrames(bpage);
  for (const p of [apage, bpage]) p.on('pageerror', (e) => console.error(`student page error: ${e.message}`));
  await apage.goto(lenLink);
  await apage.locator('#member').fill('Ana');
  await apage.locator('#member').press('Enter');
  await apage.locator('h1', { hasText: 'Lennmark (LEN)' }).waitFor({ timeout: T });
  // the second student first tries LEN's seat with OST's code: refused
  check(ostLink.endsWith(`/#/join/${gameId}/OST/${ostCode.replace('-', '')}`), 'the join link names the game, the state and its secret');
  await bpage.goto(`${base}/#/join/${gameId}/LEN/${ostCode.replace('-', '')}`);
  await bpage.locator('#member').fill('Ben');
  await bpage.locator('#member').press('Enter');
  await bpage.locator('p.notice.error', { hasText: 'does not open the seat of LEN' }).waitFor({ timeout: T });
  check(true, "a student with another seat's secret is refused the seat");
  // then types OST's code in the lobby instead of following the link
  await bpage.goto(`${base}/#/lobby`);
  await bpage.locator('#join-code').fill(ostCode.toLowerCase());
  await bpage.locator('#join-name').fill('Ben');
  await bpage.getByRole('button', { name: 'Join', exact: true }).click();
  await bpage.locator('h1', { hasText: 'Ostvald (OST)' }).waitFor({ timeout: T });
  check(await bpage.locator('#press-to').inputValue() === '*all', 'messages go to everyone unless the student picks a recipient');
  // an observer follows the watch link: the public view, with no order form and no message form
  const octx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  localOnly(octx);
  const opage = await octx.newPage();
  await opage.goto(watchLink);
  await opage.locator('h1', { hasText: `Watching game ${gameId}` }).waitFor({ timeout: T });
  await opage.locator('#orders-sec', { hasText: 'observers send no orders' }).waitFor({ timeout: T });
  check((await opage.locator('#orders input[name=stance]').count()) === 0 && (await opage.locator('#press-form').count()) === 0,
    'an observer from the watch link sees the game without an order or message form');
  await octx.close();
  const bToken = bpage.url().split('/').pop();
  const aToken = apage.url().split('/').pop();
  check(/^[0-9a-f]{32}$/.test(aToken) && /^[0-9a-f]{32}$/.test(bToken), 'each student lands on a seat page with its own token');
  check((await apage.locator('#map svg .state').count()) === 3, 'the seat map draws the three states');
  check((await apage.locator('table.threats tbody tr').count()) === 2, 'the seat sees its threat row with two other states');

  // --- the instructor console sees both seats connected
  step = 'console';
  await ipage.goto(consoleLink);
  await ipage.locator('#seat-status tr[data-state=LEN] td', { hasText: 'connected' }).first().waitFor({ timeout: T });
  await ipage.locator('#seat-status tr[data-state=OST] td', { hasText: 'connected' }).first().waitFor({ timeout: T });
  check((await textOf(ipage, '#seat-status tr[data-state=KAD]')).includes('bot: opportunist'), 'the console shows the bot seat');
  check((await ipage.locator('table.heat').count()) >= 2, 'the console shows the threat and intent heat maps');

  // --- private messages
  step = 'press';
  await apage.locator('#press-to').selectOption('OST');
  await apage.locator('#press-text').fill('LEN to OST: shall we stand together against Kador?');
  await apage.getByRole('button', { name: 'Send message' }).click();
  await bpage.locator('#press-list', { hasText: 'shall we stand together' }).waitFor({ timeout: T });
  await bpage.locator('#press-to').selectOption('LEN');
  await bpage.locator('#press-text').fill('OST to LEN: agreed, I name you as partner.');
  await bpage.getByRole('button', { name: 'Send message' }).click();
  await apage.locator('#press-list', { hasText: 'agreed, I name you' }).waitFor({ timeout: T });
  await bpage.locator('#press-to').selectOption('KAD');
  await bpage.locator('#press-text').fill('OST to KAD only: a word in confidence.');
  await bpage.getByRole('button', { name: 'Send message' }).click();
  await bpage.locator('#press-list', { hasText: 'a word in confidence' }).waitFor({ timeout: T });
  await ipage.locator('#ipress', { hasText: 'a word in confidence' }).waitFor({ timeout: T });
  check(!(await textOf(apage, '#press-list')).includes('a word in confidence'), "LEN's page does not show OST's message to KAD");
  // the instructor writes to everyone by default, and to one seat privately on request
  check(await ipage.locator('#ipress-to').inputValue() === '*all', "the instructor's messages go to everyone unless a seat is picked");
  await ipage.locator('#ipress-to').selectOption('LEN');
  await ipage.locator('#ipress-text').fill('Instructor to LEN only: mind the deadline.');
  await ipage.getByRole('button', { name: 'Send to LEN only' }).click();
  await apage.locator('#press-list', { hasText: 'mind the deadline' }).waitFor({ timeout: T });
  check(true, 'the instructor wrote to LEN privately');

  // --- orders with the mouse (LEN), after a refused invalid form
  step = 'orders-mouse';
  await apage.locator('#st-buckPass').check();
  await apage.locator('#o-threat').selectOption('KAD');
  await apage.locator('#o-catcher').selectOption('KAD');
  await apage.locator('#orders-submit').click();
  check((await textOf(apage, '#orders-problems')).includes('the catcher cannot be the threat'), 'the order form refuses a catcher that is the threat, naming the field');
  check((await textOf(apage, '#orders-status')).includes('Not sent'), 'invalid orders are not sent');
  await apage.locator('#st-balance').check();
  await apage.locator('#o-against').selectOption('KAD');
  await apage.locator('#o-internal').fill('10');
  await apage.locator('#orders input[name=partner][value=OST]').check();
  check((await textOf(apage, '#orders-explain')).includes('propose an alliance to Ostvald'), 'the form explains the chosen orders in words');
  check((await textOf(apage, '#o-offensive-hint')).includes('only if every founder ticks this'), 'the offensive flag is explained beside its box');
  await apage.locator('#o-offensive').check();
  check((await textOf(apage, '#orders-explain')).includes('you want it offensive'), 'the explanation says the proposed alliance would be offensive');
  await apage.locator('#orders-submit').click();
  await apage.locator('#orders-status', { hasText: 'accepted' }).waitFor({ timeout: T });

  // --- orders by keyboard alone (OST, at a phone's width)
  step = 'orders-keyboard';
  const focused = () => bpage.evaluate(() => document.activeElement && (document.activeElement.id || document.activeElement.getAttribute('name') + ':' + document.activeElement.value));
  await bpage.evaluate(() => document.activeElement && document.activeElement.blur());
  await bpage.evaluate(() => window.scrollTo(0, 0));
  let hops = 0;
  while ((await focused()) !== 'skip-orders' && hops++ < 15) await bpage.keyboard.press('Tab');
  check((await focused()) === 'skip-orders', 'Tab reaches the "Go to the order form" link');
  await bpage.keyboard.press('Enter');
  check((await focused()) === 'st-balance', 'Enter on it puts the focus on the first stance');
  await bpage.keyboard.press('Space');
  check(await bpage.locator('#st-balance').isChecked(), 'Space chooses the Balance stance');
  await bpage.keyboard.press('Tab');
  check((await focused()) === 'o-against', 'Tab goes to "Balance against"');
  await bpage.keyboard.type('K');
  check((await bpage.locator('#o-against').inputValue()) === 'KAD', 'typing K picks Kador');
  await bpage.keyboard.press('Tab');
  check((await focused()) === 'o-internal', 'Tab goes to the internal effort');
  await bpage.keyboard.press('Control+A');
  await bpage.keyboard.type('15');
  await bpage.keyboard.press('Tab');
  check((await focused()) === 'partner:KAD', 'Tab goes to the first partner checkbox');
  await bpage.keyboard.press('Tab');
  check((await focused()) === 'partner:LEN', 'Tab goes to the Lennmark checkbox');
  await bpage.keyboard.press('Space');
  hops = 0;
  while ((await focused()) !== 'orders-submit' && hops++ < 10) await bpage.keyboard.press('Tab');
  check((await focused()) === 'orders-submit', 'Tab reaches the send button');
  await bpage.keyboard.press('Enter');
  // these orders complete the turn, so the page may go straight on to turn 2: what shows that they
  // were taken is OST's stance in the turn's results, as typed
  await bpage.locator('#results', { hasText: 'Ostvald (OST): balance against KAD, effort 15%, partners LEN' }).waitFor({ timeout: T });
  console.log('ok - the order form was filled and sent with the keyboard alone');

  // --- the turn adjudicates (the bot has sent its orders); both see their results
  step = 'results';
  await apage.locator('#results', { hasText: 'Turn 1 results' }).waitFor({ timeout: T });
  await bpage.locator('#results', { hasText: 'Turn 1 results' }).waitFor({ timeout: T });
  check((await textOf(apage, '#results')).includes('ALLIANCE_FORMED'), "LEN's results show the alliance formed, with its reason");
  check((await textOf(bpage, '#results')).includes('ALLIANCE_FORMED'), "OST's results show the alliance formed");
  await apage.locator('h1 + p', { hasText: 'turn 2 of 8' }).waitFor({ timeout: T });
  await apage.locator('#map svg line.alliance').first().waitFor({ state: 'attached', timeout: T });
  check(true, 'the map draws the new alliance');
  check((await apage.locator('#map svg line.alliance[data-target=KAD]').count()) >= 1, 'the map line names the alliance target');
  const allianceRow = await textOf(apage, '#alliances table.alliances tbody tr');
  check(allianceRow.includes('Kador (KAD)') && allianceRow.includes('defensive'), `the seat lists the alliance with its target and kind, defensive as only one founder asked for offensive (${allianceRow})`);
  check((await textOf(apage, '#results')).includes('its founders named each other'), 'the results explain the outcome code in words');
  const overflow = await bpage.evaluate(() => document.documentElement.scrollWidth);
  check(overflow <= 392, `the seat page fits a phone's width (page is ${overflow} px wide at 390)`);
  await apage.screenshot({ path: join(shotDir, 'web-seat.png'), fullPage: true });
  await noRawFloats(apage, 'seat page (desktop)');
  await bpage.evaluate(() => window.scrollTo(0, 0));
  await bpage.screenshot({ path: join(shotDir, 'web-seat-phone.png'), fullPage: true });
  await noRawFloats(bpage, 'seat page (phone)');

  // --- a reload (a dropped laptop lid) resumes the seat with its messages and last results
  step = 'reload';
  await apage.reload();
  await apage.locator('h1', { hasText: 'Lennmark (LEN)' }).waitFor({ timeout: T });
  await apage.locator('#press-list', { hasText: 'agreed, I name you' }).waitFor({ timeout: T });
  await apage.locator('#results', { hasText: 'ALLIANCE_FORMED' }).waitFor({ timeout: T });
  check(true, 'a reloaded seat page resumes with its messages and last results');

  // --- the instructor pauses, injects an event, notes turn 1
  step = 'instructor';
  await ipage.locator('#btn-pause').click();
  await ipage.locator('#phase', { hasText: 'PAUSED' }).waitFor({ timeout: T });
  await apage.locator('#phase', { hasText: 'paused' }).waitFor({ timeout: T });
  check(true, 'the pause reaches the seats');
  await ipage.locator('#inj-kind').selectOption('scheduled');
  await ipage.locator('#inj-event').selectOption('1');
  await ipage.locator('#btn-inject').click();
  await ipage.locator('#console-status', { hasText: 'injected' }).waitFor({ timeout: T });
  await apage.locator('#game-events', { hasText: 'Kadorian troops' }).waitFor({ timeout: T });
  await apage.locator('#map .crisis-item').first().waitFor({ timeout: T });
  check(true, 'the injected crisis reaches the seat and is marked on its map');
  await ipage.locator('#note-turn').fill('1');
  await ipage.locator('#note-text').fill('Why did Lennmark and Ostvald ally at once?');
  await ipage.getByRole('button', { name: 'Add the note' }).click();
  await ipage.locator('#note-list', { hasText: 'ally at once' }).waitFor({ timeout: T });
  await ipage.locator('#extend-by').fill('60');
  await ipage.getByRole('button', { name: 'Extend', exact: true }).click();
  await ipage.locator('#log-list', { hasText: 'extended by 60 s' }).waitFor({ timeout: T });
  check(true, 'the instructor extends the deadline');
  await ipage.locator('#seat-status tr[data-state=OST] button', { hasText: 'Hand OST to a bot' }).click();
  await ipage.locator('#seat-status tr[data-state=OST]', { hasText: 'autopilot' }).waitFor({ timeout: T });
  await bpage.locator('#game-events', { hasText: 'OST is now played by the' }).waitFor({ timeout: T });
  await ipage.locator('#seat-status tr[data-state=OST] button', { hasText: 'Give OST back' }).click();
  await ipage.locator('#seat-status tr[data-state=OST]', { hasText: 'student(s)' }).waitFor({ timeout: T });
  await bpage.locator('#game-events', { hasText: "back in its players' hands" }).waitFor({ timeout: T });
  check(true, 'the instructor hands a seat to a bot and back, and the seat is told');
  await ipage.locator('#seat-status tr[data-state=LEN]', { hasText: 'connected' }).waitFor({ timeout: T });
  check((await textOf(ipage, '#ialliances table.alliances')).includes('Kador (KAD)'), 'the console lists the alliance with its target');
  await ipage.screenshot({ path: join(shotDir, 'web-instructor.png'), fullPage: true });
  await noRawFloats(ipage, 'instructor console');
  // the console on a phone, for docs/web.md
  const consoleViewport = ipage.viewportSize();
  await ipage.setViewportSize({ width: 390, height: 844 });
  await ipage.waitForTimeout(300);
  await ipage.screenshot({ path: join(shotDir, 'web-instructor-phone.png'), fullPage: true });
  await ipage.setViewportSize(consoleViewport);

  // --- a second turn, then the replay steps back to turn 1
  step = 'replay';
  await ipage.locator('#btn-resume').click();
  await ipage.locator('#phase', { hasText: 'ORDERS' }).waitFor({ timeout: T });
  await ipage.locator('#btn-adjudicate').click();
  await apage.locator('#results', { hasText: 'Turn 2 results' }).waitFor({ timeout: T });
  await ipage.locator('#replay-link').click();
  await ipage.locator('#timeline-label', { hasText: 'Turn 2 of 2' }).waitFor({ timeout: T });
  await ipage.locator('#replay-prev').click();
  await ipage.locator('#timeline-label', { hasText: 'Turn 1 of 2' }).waitFor({ timeout: T });
  check((await textOf(ipage, '#replay-notes')).includes('ally at once'), 'the replay shows the note on turn 1');
  check((await textOf(ipage, '#r-results')).includes('ALLIANCE_FORMED'), 'the replay shows what happened in turn 1');
  check((await textOf(ipage, '#r-alliances')).includes('No alliances stand'), 'at the start of turn 1 the replay lists no alliance');
  await ipage.locator('#replay-next').click();
  await ipage.locator('#timeline-label', { hasText: 'Turn 2 of 2' }).waitFor({ timeout: T });
  check((await textOf(ipage, '#r-alliances table.alliances')).includes('Kador (KAD)'), 'at the start of turn 2 the replay lists the alliance against Kador');
  await ipage.locator('#replay-prev').click();
  await ipage.locator('#timeline-label', { hasText: 'Turn 1 of 2' }).waitFor({ timeout: T });
  await ipage.locator('#replay-as').selectOption('LEN');
  await ipage.locator('#timeline-label', { hasText: 'seen as LEN' }).waitFor({ timeout: T });
  check((await ipage.locator('#r-omni').count()) === 0, 'replayed as LEN, the omniscient view is gone');
  await ipage.locator('#replay-as').selectOption('');
  await ipage.locator('#timeline-label', { hasText: 'seen as the instructor' }).waitFor({ timeout: T });
  await ipage.locator('#replay-first').click();
  await ipage.locator('#timeline-label', { hasText: 'Turn 1 of 2' }).waitFor({ timeout: T });
  await ipage.screenshot({ path: join(shotDir, 'web-replay.png'), fullPage: true });
  await noRawFloats(ipage, 'replay');
  await ipage.locator('#branch-btn').click();
  await ipage.locator('#branch-status', { hasText: /What-if game|not available|rror/ }).waitFor({ timeout: T });
  const branched = await textOf(ipage, '#branch-status');
  const branchId = (branched.match(/What-if game (\S+) replays turn 1/) || [])[1];
  if (!branchId) throw new Error(`the what-if branch was not created: ${branched}`);
  console.log(`ok - what-if branch: ${branched}`);
  await ipage.locator('#diff-other').fill(branchId);
  await ipage.locator('#diff-btn').click();
  await ipage.locator('#diff-status .diff-summary').waitFor({ timeout: T });
  const compared = await textOf(ipage, '#diff-status');
  if (!compared.includes(branchId) || !compared.includes(gameId)) throw new Error(`the comparison does not name both games: ${compared}`);
  console.log(`ok - compare two games: ${compared.slice(0, 120)}`);
  await ipage.locator('#diff-status').scrollIntoViewIfNeeded();
  await ipage.screenshot({ path: join(shotDir, 'web-compare.png') });
  await noRawFloats(ipage, 'comparison');

  // --- the instructor ends the game; the seat is told
  step = 'end';
  await ipage.goto(consoleLink);
  await ipage.getByRole('button', { name: 'End the game…' }).click();
  await ipage.getByRole('button', { name: 'Yes, end the game now' }).click();
  await ipage.locator('#phase', { hasText: 'game over' }).waitFor({ timeout: T });
  await apage.locator('#phase', { hasText: 'game over' }).waitFor({ timeout: T });
  await apage.locator('#orders-sec', { hasText: 'The game is over' }).waitFor({ timeout: T });
  check(true, 'ending the game reaches the seats');

  // --- the debrief in the page
  step = 'debrief';
  await ipage.goto(`${base}/#/debrief/${gameId}/${instructorToken}`);
  await ipage.locator('#debrief-frame').waitFor({ timeout: T });
  const frame = ipage.frameLocator('#debrief-frame');
  await frame.locator('svg').first().waitFor({ timeout: T });
  check((await frame.locator('svg').count()) >= 1, 'the debrief shows in the page with its charts');
  await ipage.waitForFunction(() => [...document.querySelectorAll('a[data-format]')].every((a) => a.href.startsWith('blob:')), null, { timeout: T });
  const hrefs = await ipage.locator('a[data-format]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  check(hrefs.length === 3 && hrefs.every((u) => u.startsWith('blob:') && !u.includes(instructorToken)), 'the debrief has its download links, with no token in them');

  // --- what each student received over the WebSocket
  step = 'privacy';
  const lenSecret = 'You are small and Kador';
  const ostSecret = 'You are rich and far from Kador';
  function privacy(frames, self, otherToken, otherSecret, ownSecret, otherEffort) {
    check(frames.length > 10, `${self} received ${frames.length} frames`);
    const all = frames.map((f) => f.text).join('\n');
    check(all.includes(ownSecret), `${self}'s frames hold its own private briefing (the capture works)`);
    check(!all.includes(otherSecret), `${self} never receives the other seat's private briefing`);
    check(!all.includes('mind the deadline') || self === 'LEN', `${self} never receives the instructor's private note to another seat`);
    check(!hasKey(frames.map((f) => f.msg), 'links') && !hasKey(frames.map((f) => f.msg), 'roster'), `${self} never receives the join secrets or the roster`);
    check(!all.includes(otherToken) && !all.includes(instructorToken), `${self} never receives another token`);
    check(!all.includes(ostCode.replace('-', '')), `${self} never receives a join secret`);
    check(!all.includes('a word in confidence') || self === 'OST', `${self} never receives a private message not meant for it`);
    check(!frames.some((f) => hasKey(f.msg, 'omniscient')), `${self} never receives the omniscient view`);
    for (const f of frames) {
      if (f.msg.view && f.msg.view.self !== self) throw new Error(`${self} received a view of ${f.msg.view.self}`);
      for (const o of (f.msg.turnResolved || {}).outcomes || []) {
        if (o.state !== self) throw new Error(`${self} received an outcome of ${o.state}`);
      }
      for (const o of (f.msg.view || {}).outcomes || []) {
        if (o.state !== self) throw new Error(`${self} received an outcome of ${o.state} in a view`);
      }
    }
    check(true, `${self}'s views and outcomes are all its own`);
    const beforeResults = frames.slice(0, frames.findIndex((f) => f.msg.turnResolved));
    check(!beforeResults.some((f) => f.text.includes(`"internal":${otherEffort}`)), `${self} does not see the other seat's orders before adjudication`);
  }
  privacy(aframes, 'LEN', bToken, ostSecret, lenSecret, 0.15);
  privacy(bframes, 'OST', aToken, lenSecret, ostSecret, 0.1);
  // --- the instructor's day: dashboard, teams, restarts, closure
  step = 'class day';
  await classDay({ browser, base, shotDir, check, localOnly, pages, textOf, restartServer, key: instructorKey, noRawFloats, T });
  check(requests > 20 && elsewhere.length === 0, `all ${requests} requests went to the server itself (elsewhere: ${elsewhere.slice(0, 3).join(', ') || 'none'})`);
  check(cspViolations.length === 0, `the Content-Security-Policy blocked nothing (${cspViolations.slice(0, 2).join(' | ') || 'no violation'})`);
  console.log('E2E OK');
} catch (e) {
  console.error(`E2E FAILED at step ${step}: ${e.message}`);
  // what each page showed, to see why
  for (const [name, p] of Object.entries(pages)) {
    const notes = await p.locator('[role=status], [role=alert]').allTextContents().catch(() => []);
    console.error(`${name} at ${p.url()}: ${notes.filter((t) => t.trim()).join(' | ')}`);
    await p.screenshot({ path: join(shotDir, `failed-${name}.png`), fullPage: true }).catch(() => {});
  }
  process.exitCode = 1;
} finally {
  await browser.close();
  stdinReader.close();
  process.stdin.destroy();
}
