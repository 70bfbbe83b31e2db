// Opens a game's HTML debrief in headless Chromium and checks what an instructor reads first.
//
//   node debrief.mjs DEBRIEF_HTML SCREENSHOT_PNG TURNING_POINTS STUDENT [ko]
//
// Checks: the summary is there; the turning points are listed (as many as given), each with its
// kind, its headline and at least one reason, and link to their turn's story; "who played" names
// the student and says "no student joined" for a seat no one joined, and never "human"; the three
// line charts and the network are drawn; the page fetches nothing but itself and logs no error.
// With "ko", the page is the Korean debrief: <html lang="ko">, "참여한 학생 없음", and every turning
// point's kind, headline and reasons written in Korean (no English word once the state, alliance
// and crisis ids are taken out).
// Exits 0 when everything holds, 1 with the failed check.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [file, shot, points, student, language] = process.argv.slice(2);
const ko = language === 'ko';
const HANGUL = /[\uac00-\ud7a3]/;
/** The English words of a Korean text, once its ids (FRN, a1, c2) are taken out. */
const english = (text) => text.replace(/\b[A-Z]{2,5}\b/g, ' ').replace(/\b[ac][0-9]+\b/g, ' ').match(/[A-Za-z]{2,}/g) || [];
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

  if (ko) {
    check(await page.evaluate(() => document.documentElement.lang) === 'ko', 'the page says <html lang="ko">');
  }
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
    if (ko) {
      const reasons = await li.locator('ul.why > li').allInnerTexts();
      for (const text of [kind, headline, ...reasons]) {
        check(HANGUL.test(text) && english(text).length === 0, `turning point ${i + 1} is in Korean: ${text}`);
      }
      console.log(`ok - turning point ${i + 1} gives its reasons in Korean`);
    }
    const href = await li.locator('a').first().getAttribute('href');
    check(await page.locator(href).count() === 1, `turning point ${i + 1} links to ${href}`);
    check(await li.isVisible(), `turning point ${i + 1} is visible`);
  }
  const room = await page.locator('table.room').innerText();
  check(room.includes(student), `"who played" names ${student}`);
  const nobody = ko ? '참여한 학생 없음' : 'no student joined';
  check(room.includes(nobody), `"who played" says "${nobody}" for a seat no one joined`);
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
