// Opens a tournament's report.html in headless Chromium and checks that its charts render.
//
//   node report.mjs REPORT_HTML SCREENSHOT_PNG ENTRANT...
//
// Checks: the four kinds of chart are there as SVG with a non-empty drawn box; the ratings chart
// has one dot per entrant; the head-to-head map has a cell per ordered pair; every entrant named
// is on the page; the page fetches nothing but itself and logs no error; it fits a phone's width
// without the body scrolling sideways. Exits 0 when everything holds, 1 with the failed check.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [file, shot, ...entrants] = process.argv.slice(2);
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!file || !shot || entrants.length < 2) {
  console.error('usage: node report.mjs REPORT_HTML SCREENSHOT_PNG ENTRANT ENTRANT...');
  process.exit(2);
}
if (!existsSync(chromiumPath)) {
  console.error(`REPORT FAILED: no Chromium at ${chromiumPath}`);
  process.exit(1);
}

function check(ok, what) {
  if (!ok) {
    console.error(`REPORT FAILED: ${what}`);
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

  for (const chart of ['ratings', 'scores', 'head-to-head', 'scenario']) {
    const box = await page.locator(`svg[data-chart="${chart}"]`).first().boundingBox();
    check(box && box.width > 200 && box.height > 40, `the ${chart} chart is drawn (${box ? Math.round(box.width) + 'x' + Math.round(box.height) : 'missing'})`);
  }
  const dots = await page.locator('svg[data-chart="ratings"] circle').count();
  check(dots === entrants.length, `the ratings chart has one dot per entrant (${dots})`);
  const cells = await page.locator('svg[data-chart="head-to-head"] rect').count();
  check(cells === entrants.length * entrants.length, `the head-to-head map has ${cells} cells`);
  const text = await page.locator('body').innerText();
  for (const e of entrants) {
    check(text.includes(e), `the page names ${e}`);
  }
  check(text.includes('토너먼트 보고서'), 'the page has its Korean title');
  const rows = await page.locator('#games-table tr').count();
  check(rows > 1, `the games table lists the games (${rows - 1})`);
  check(fetched.every((u) => u === url), `the page fetched nothing else (${fetched.length} request)`);
  check(errors.length === 0, `no error in the console (${errors.join('; ')})`);
  await page.screenshot({ path: shot, fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  check(scroll <= 390, `the page fits a phone's width (${scroll} px)`);
  console.log('REPORT OK');
} finally {
  await browser.close();
}
