// Opens the ladder page of a running server in headless Chromium and checks what it shows.
//
//   node ladder.mjs BASE_URL SCREENSHOT_PNG ENTRANT...
//
// Checks: the standings table has a row per entrant, each with its interval bar; the latest games
// are listed and a game's replay link opens its record (HTML, status 200); an entrant's own page
// lists only games it played; the header's language switch translates the page; no error in the console.
// Exits 0 when everything holds, 1 with the failed check.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

const [base, shot, ...entrants] = process.argv.slice(2);
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!base || !shot || entrants.length < 2) {
  console.error('usage: node ladder.mjs BASE_URL SCREENSHOT_PNG ENTRANT ENTRANT...');
  process.exit(2);
}
if (!existsSync(chromiumPath)) {
  console.error(`LADDER FAILED: no Chromium at ${chromiumPath}`);
  process.exit(1);
}

let page;
const errors = [];

// Waits for a selector; on a timeout fails with what the page shows instead.
async function waitFor(selector) {
  try {
    await page.locator(selector).first().waitFor({ timeout: 15000 });
  } catch (e) {
    const text = await page.locator('body').innerText().catch(() => '');
    check(false, `${selector} did not appear; the page says: ${text.slice(0, 600)}; errors: ${errors.join('; ')}`);
  }
}

function check(ok, what) {
  if (!ok) {
    console.error(`LADDER FAILED: ${what}`);
    process.exit(1);
  }
  console.log(`ok - ${what}`);
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
try {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  // a failed load is reported by its URL below; the browser's own favicon request is not the page's
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/#/ladder`);
  await waitFor('#ladder-standings tbody tr');
  const rows = await page.locator('#ladder-standings tbody tr').count();
  check(rows === entrants.length, `the standings have a row per entrant (${rows})`);
  for (const e of entrants) {
    check(await page.locator(`#ladder-standings tr[data-entrant="${e}"] svg rect`).count() === 2, `${e} has its interval bar`);
  }
  const games = await page.locator('#ladder-games tbody tr').count();
  check(games > 0, `the latest games are listed (${games})`);
  const href = await page.locator('#ladder-games a.replay-link').first().getAttribute('href');
  const replay = await page.request.get(new URL(href, base).href);
  check(replay.status() === 200 && (replay.headers()['content-type'] || '').startsWith('text/html'), `a replay link opens the game's record (${href}: ${replay.status()})`);
  const status = await page.locator('#ladder-status').innerText();
  check(/rated games; CPU/.test(status), `the status line gives the games and the CPU share (${status})`);

  const one = entrants[0];
  await page.goto(`${base}/#/ladder/${encodeURIComponent(one)}`);
  await waitFor('#ladder-games tbody tr');
  const seats = await page.locator('#ladder-games tbody tr td:nth-child(4)').allInnerTexts();
  check(seats.length > 0 && seats.every((t) => t.includes(one)), `${one}'s page lists only its games (${seats.length})`);

  await page.locator('button[data-lang=ko]').click();
  await page.locator('h1', { hasText: '래더' }).waitFor({ timeout: 15000 });
  await waitFor('#ladder-standings thead');
  const title = await page.locator('h1').first().innerText();
  check(title === '래더', `the Korean toggle translates the page (${title})`);
  const head = await page.locator('#ladder-standings thead').innerText();
  check(head.includes('레이팅') && head.includes('95% 구간'), 'the table headings are in Korean');
  check(errors.length === 0, `no error in the console (${errors.join('; ')})`);
  await page.screenshot({ path: shot, fullPage: true });
  console.log('LADDER OK');
} finally {
  await browser.close();
}
