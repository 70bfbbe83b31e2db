// The instructor's day, from the games dashboard to the students' final scores, with the server
// restarted mid-game and again after the end (seminar.mjs runs it; the test restarts the server
// when asked). Three students: Anna and Ben play Lennmark as a team, Olga plays Ostvald.
import { join } from 'node:path';

export async function classDay({ browser, base, shotDir, check, localOnly, pages, textOf, restartServer, key, noRawFloats, T }) {
  // --- the instructor starts from the dashboard
  const ictx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  localOnly(ictx);
  const ipage = await ictx.newPage();
  pages.dayInstructor = ipage;
  ipage.on('pageerror', (e) => console.error(`dashboard page error: ${e.message}`));
  await ipage.goto(`${base}/#/games`);
  await ipage.locator('h1', { hasText: 'Your games' }).waitFor({ timeout: T });
  await ipage.locator('#new-game').click();
  await ipage.locator('#scenario').selectOption('tutorial');
  await ipage.locator('#students-LEN').check();
  await ipage.locator('#students-OST').check();
  await ipage.locator('#deadline').fill('30');
  await ipage.locator('#game-name').fill('Class day');
  await ipage.getByRole('button', { name: 'Create the game' }).click();
  await ipage.locator('a[data-seat=LEN]').waitFor({ timeout: T });
  const lenCode = (await ipage.locator('code[data-code=LEN]').textContent()).trim();
  const ostLink = await ipage.locator('a[data-seat=OST]').getAttribute('href');
  const gameId = decodeURIComponent(ostLink.split('/').slice(-3)[0]);
  const consoleLink = await ipage.locator('#instructor-link').getAttribute('href');
  // the handout, printed
  const handout = await ipage.locator('#handout-link').getAttribute('href');
  const hpage = await ictx.newPage();
  await hpage.goto(handout);
  await hpage.emulateMedia({ media: 'print' });
  check((await hpage.locator('section.card svg.qr').count()) === 3, 'class day: the printed handout has a card with a QR code per seat and for observers');
  const pdf = await hpage.pdf({ format: 'A4' });
  check(pdf.length > 5000, `class day: the handout prints (${pdf.length} bytes of PDF)`);
  await hpage.close();
  await ipage.goto(`${base}/#/games`);
  await ipage.locator(`tr[data-game="${gameId}"] .game-phase`, { hasText: 'running' }).waitFor({ timeout: T });
  check(true, 'class day: the new game is on the dashboard, running');

  // --- three students join by code; a link without its secret is refused
  const student = async (name, width) => {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, isMobile: width < 500, hasTouch: width < 500 });
    localOnly(ctx);
    const p = await ctx.newPage();
    p.on('pageerror', (e) => console.error(`${name} page error: ${e.message}`));
    pages[`day-${name}`] = p;
    return p;
  };
  const anna = await student('Anna', 1280);
  const ben = await student('Ben', 390);
  const olga = await student('Olga', 1280);
  const byCode = async (p, code, name, title) => {
    await p.goto(`${base}/#/lobby`);
    await p.locator('#join-code').fill(code);
    await p.locator('#join-name').fill(name);
    await p.getByRole('button', { name: 'Join', exact: true }).click();
    await p.locator('h1', { hasText: title }).waitFor({ timeout: T });
  };
  await byCode(anna, lenCode, 'Anna', 'Lennmark (LEN)');
  await byCode(ben, lenCode.toLowerCase().replace('-', ''), 'Ben', 'Lennmark (LEN)');
  // Olga first follows OST's link with the secret cut off, then types LEN's code into it
  await olga.goto(`${base}/#/join/${gameId}/OST`);
  await olga.locator('#member').waitFor({ timeout: T });
  await olga.locator('#seat-code').fill(lenCode);
  await olga.locator('#member').fill('Olga');
  await olga.locator('#member').press('Enter');
  await olga.locator('p.notice.error', { hasText: 'does not open the seat of OST' }).waitFor({ timeout: T });
  check(olga.url().includes('#/join/'), "class day: a seat's link without its secret, with another seat's code, is refused");
  const ostCode = (await ipage.evaluate(async ([gid, tok]) => {
    const ws = new WebSocket(`ws://${location.host}/ws`);
    await new Promise((r) => ws.addEventListener('open', r));
    const replies = [];
    ws.addEventListener('message', (e) => replies.push(JSON.parse(e.data)));
    ws.send(JSON.stringify({ requestId: 'h', hello: { major: 1 } }));
    ws.send(JSON.stringify({ requestId: 'v', getView: { token: tok } }));
    for (let i = 0; i < 100 && !replies.find((m) => m.requestId === 'v'); i++) await new Promise((r) => setTimeout(r, 50));
    ws.close();
    return replies.find((m) => m.requestId === 'v').view.omniscient.links.seats.find((s) => s.state === 'OST').code;
  }, [gameId, consoleLink.split('/').pop()]));
  await byCode(olga, ostCode, 'Olga', 'Ostvald (OST)');
  check(true, 'class day: three students joined by code, two of them on Lennmark');

  // --- the console: who is connected, by name
  await ipage.goto(consoleLink);
  await ipage.locator('#seat-status td[data-presence=LEN]', { hasText: 'Anna (connected)' }).waitFor({ timeout: T });
  await ipage.locator('#seat-status td[data-presence=LEN]', { hasText: 'Ben (connected)' }).waitFor({ timeout: T });
  check(true, 'class day: the console shows who of each team is connected');

  // --- the team: a shared draft, then orders, seen live by the team-mate
  await anna.locator('#st-hide').check();
  await anna.locator('#share-draft').click();
  await ben.locator('#team-draft', { hasText: 'Draft by Anna' }).waitFor({ timeout: T });
  check(true, "class day: Ben sees Anna's draft before anything is sent");
  check(!(await textOf(olga, '#orders-sec')).includes('Draft by Anna'), "class day: another state does not see LEN's draft");
  await anna.locator('#orders-submit').click();
  await anna.locator('#orders-status', { hasText: 'accepted' }).waitFor({ timeout: T });
  await ben.locator('#team-orders', { hasText: 'sent by Anna at' }).waitFor({ timeout: T });
  check(await ben.locator('#st-hide').isChecked(), "class day: Anna's orders reach Ben's form live, with who sent them and when");
  await ben.locator('#orders-sec').scrollIntoViewIfNeeded();
  await ben.evaluate(() => document.getElementById('orders-sec').scrollIntoView({ block: 'start' }));
  await ben.screenshot({ path: join(shotDir, 'web-team-phone.png'), fullPage: false });
  await anna.locator('#team-orders').scrollIntoViewIfNeeded();
  await anna.screenshot({ path: join(shotDir, 'web-team.png') });

  // --- the server restarts mid-game; the pages come back by themselves
  // mark what the pages show now: a page that reconnected has rebuilt it
  for (const p of [anna, ben, olga]) await p.evaluate(() => { for (const el of document.querySelectorAll('#main > *')) el.dataset.stale = '1'; });
  await restartServer();
  for (const p of [anna, ben, olga]) await p.locator('#main > .seat-head:not([data-stale])').waitFor({ timeout: 30000 });
  await ben.locator('#team-orders', { hasText: 'sent by Anna' }).waitFor({ timeout: T });
  await olga.locator('#orders-submit').waitFor({ timeout: T });
  check(true, 'class day: after a restart mid-game the seats are back, with the team\'s orders');
  await olga.locator('#st-hide').check();
  // the last orders in close the turn at once: the form of turn 2 replaces this one
  await olga.locator('#orders-submit').click();
  await olga.locator('.seat-head', { hasText: 'turn 2' }).waitFor({ timeout: T });
  await ben.locator('header, .seat-head', { hasText: 'turn 2' }).first().waitFor({ timeout: T });
  check(true, 'class day: turn 1 is adjudicated after the restart');

  // --- the end: every student sees the final standings and their own score
  await ipage.goto(consoleLink);
  await ipage.getByRole('button', { name: 'End the game…' }).click();
  await ipage.getByRole('button', { name: 'Yes, end the game now' }).click();
  await ipage.locator('#phase', { hasText: 'game over' }).waitFor({ timeout: T });
  for (const [p, who] of [[anna, 'Anna'], [ben, 'Ben'], [olga, 'Olga']]) {
    await p.locator('#my-score', { hasText: 'Your score' }).waitFor({ timeout: T });
    check((await p.locator('#final-standings tbody tr').count()) === 3 && (await p.locator('#my-components tbody tr').count()) === 5,
      `class day: ${who} sees the final standings and their own score by component`);
    check((await p.locator('#orders input[name=stance]').count()) === 0, `class day: ${who}'s order form is closed`);
  }
  await anna.locator('#my-debrief').waitFor({ timeout: T });
  check((await anna.locator('#my-debrief tbody tr').count()) >= 1, 'class day: the student gets their own debrief, turn by turn');
  await noRawFloats(anna, 'closing seat page');
  check((await ipage.locator('#seat-status button', { hasText: 'to a bot' }).count()) === 0, 'class day: no hand-over buttons after the end');
  await anna.locator('#closure').scrollIntoViewIfNeeded();
  await anna.screenshot({ path: join(shotDir, 'web-closure.png') });
  await ben.locator('#closure').scrollIntoViewIfNeeded();
  await ben.screenshot({ path: join(shotDir, 'web-closure-phone.png') });

  // --- the server restarts after the end; the finished game is still there
  await restartServer();
  await ipage.goto(`${base}/#/games`);
  await ipage.locator('#instructor-key').fill(key);
  await ipage.getByRole('button', { name: 'Use the key' }).click();
  const row = ipage.locator(`tr[data-game="${gameId}"]`);
  await row.locator('.game-phase', { hasText: 'finished' }).waitFor({ timeout: 30000 });
  check(true, 'class day: after a restart the finished game is still on the dashboard');
  await noRawFloats(ipage, 'dashboard');
  await ipage.screenshot({ path: join(shotDir, 'web-dashboard.png'), fullPage: true });
  await row.locator('a[data-action=replay]').click();
  await ipage.locator('#replay-turn').waitFor({ timeout: T });
  await ipage.locator('#timeline').waitFor({ timeout: T });
  check(true, 'class day: the finished game replays after the restart');
  await ipage.goto(`${base}/#/games`);
  await row.locator('a[data-action=debrief]').click();
  await ipage.frameLocator('#debrief-frame').locator('svg').first().waitFor({ timeout: T });
  check(true, 'class day: the finished game has its debrief after the restart');
  await ben.reload();
  await ben.locator('#my-score', { hasText: 'Your score' }).waitFor({ timeout: 30000 });
  check(true, 'class day: after the restart the students still see their final scores');
  // --- the instructor's phone: another browser, holding none of the game's tokens, only the key
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  localOnly(phone);
  const dpage = await phone.newPage();
  dpage.on('pageerror', (e) => console.error(`phone dashboard page error: ${e.message}`));
  await dpage.goto(`${base}/#/games`);
  await dpage.locator('#games-table > *').first().waitFor({ timeout: T });
  check((await dpage.locator(`tr[data-game="${gameId}"]`).count()) === 0, 'class day: without the key another browser does not list the finished game');
  await dpage.locator('#instructor-key').fill('not-the-servers-instructor-key');
  await dpage.getByRole('button', { name: 'Use the key' }).click();
  await dpage.locator('#dashboard-status.error', { hasText: 'The instructor key was refused' }).waitFor({ timeout: T });
  await dpage.locator('#games-table > *').first().waitFor({ timeout: T });
  check((await dpage.locator(`tr[data-game="${gameId}"]`).count()) === 0, 'class day: a wrong key is refused with a clear message and lists nothing more');
  await dpage.locator('#instructor-key').fill(key);
  await dpage.getByRole('button', { name: 'Use the key' }).click();
  const phoneRow = dpage.locator(`tr[data-game="${gameId}"]`);
  await phoneRow.locator('button[data-action=open-console]').waitFor({ timeout: T });
  check((await dpage.locator('#dashboard-status', { hasText: 'refused' }).count()) === 0, 'class day: the right key lists every game and the refusal is gone');
  await dpage.screenshot({ path: join(shotDir, 'web-dashboard-phone.png'), fullPage: true });
  await phoneRow.locator('button[data-action=open-console]').click();
  await dpage.waitForURL(/#\/instructor\//, { timeout: T });
  await dpage.locator('#phase', { hasText: 'game over' }).waitFor({ timeout: T });
  const phoneToken = dpage.url().split('#/instructor/')[1];
  check(!!phoneToken && !consoleLink.endsWith(phoneToken) && !dpage.url().includes(key),
    'class day: the key opens the finished game\'s console on the phone, with a token of its own (the key is in no URL)');
  check((await dpage.locator('body', { hasText: 'Anna' }).count()) === 1, 'class day: the console opened by the key shows the game (its students)');
  // from then on the game is the phone's own: its row has the usual console, replay and debrief links
  await dpage.goto(`${base}/#/games`);
  await phoneRow.locator('a[data-action=debrief]').waitFor({ timeout: T });
  check((await phoneRow.locator('button[data-action=open-console]').count()) === 0, 'class day: the phone keeps the token the key gave it');
  await phone.close();
  // archive hides it from this browser's dashboard
  await ipage.goto(`${base}/#/games`);
  await row.locator('button[data-action=archive]').click();
  await ipage.locator('#instructor-key').fill('');
  await ipage.getByRole('button', { name: 'Use the key' }).click();
  await ipage.waitForFunction((id) => !document.querySelector(`tr[data-game="${id}"]`), gameId, { timeout: T });
  check(true, 'class day: an archived game leaves the dashboard');
}
