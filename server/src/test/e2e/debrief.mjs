// Opens a game's HTML debrief in headless Chromium and checks what an instructor reads first.
//
//   node debrief.mjs DEBRIEF_HTML SCREENSHOT_PNG TURNING_POINTS STUDENT
//
// Checks: the summary is there; the turning points are listed (as many as given), each with its
// kind, its headline and at least one reason, and link to their turn's story; "who played" names
// the student and says "no student joined" for a seat no one joined, and never "human"; the three
// line charts and the network are drawn; the page fetches nothing but itself and logs no error.
// Exits 0 when everything holds, 1 with the failed check.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [file, shot, points, student] = process.argv.slice(2);
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!file || !shot || !points || !student) {
  console.error('usage: node debrief.mjs DEBRIEF_HTML SCREENSHOT_PNG TURNING_POINTS STUDENT');
  process.exit(2);
}
if (!existsSync(chromiumPath)) {
  console.error(`DEBRIEF FAILED: no Chromium at ${chromiumPath}`);
  process.exit(1);
}

function check(ok, what) {
  if (!ok) {
    console.error(`DEBRIEF FAILED: ${what}`);
    process.exit(1);
  }
  console.log(`ok - ${what}`);
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  const fetched = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => fetched.push(r.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url);

  const summary = await page.locator('div.summary p').count();
  check(summary >= 3, `the summary has ${summary} sentences`);
  const items = page.locator('ol.turning-points > li.turning-point');
  const n = await items.count();
  check(n === Number(points) && n > 0, `the turning points are listed (${n})`);
  for (let i = 0; i < n; i++) {
    const li = items.nth(i);
    const kind = (await li.locator('.kind').innerText()).trim();
    const headline = (await li.locator('.headline').innerText()).trim();
    const why = await li.locator('ul.why > li').count();
    check(kind.length > 0 && headline.length > 0, `turning point ${i + 1}: ${kind}: ${headline}`);
    check(why > 0, `turning point ${i + 1} gives its reasons (${why})`);
    const href = await li.locator('a').first().getAttribute('href');
    check(await page.locator(href).count() === 1, `turning point ${i + 1} links to ${href}`);
    check(await li.isVisible(), `turning point ${i + 1} is visible`);
  }
  const room = await page.locator('table.room').innerText();
  check(room.includes(student), `"who played" names ${student}`);
  check(room.includes('no student joined'), '"who played" says "no student joined" for a seat no one joined');
  check(!(await page.locator('body').innerText()).toLowerCase().includes('human'), 'nothing is called "human"');
  for (const id of ['power', 'threat-over-time', 'coverage']) {
    const box = await page.locator(`#${id} svg`).boundingBox();
    check(box && box.width > 200 && box.height > 100, `the ${id} chart is drawn`);
  }
  const networks = await page.locator('figure.network svg').count();
  check(networks >= 2, `the alliance network is drawn at ${networks} positions`);
  check(fetched.every((u) => u === url), `the page fetched nothing else (${fetched.length} request)`);
  check(errors.length === 0, `no error in the console (${errors.join('; ')})`);
  await page.screenshot({ path: shot, fullPage: true });
  console.log('DEBRIEF OK');
} finally {
  await browser.close();
}
