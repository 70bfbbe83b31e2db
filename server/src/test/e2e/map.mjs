// The seat page's map for every built-in scenario, in headless Chromium against the real server.
//
//   node map.mjs SERVER_URL SCREENSHOT_DIR
//
// For each scenario the instructor creates a game in the lobby with one student seat, and a
// student joins it. On the seat page's map: the base map is drawn (land and border paths, except in
// the invented tutorial), no two state labels overlap, no label covers a circle, every state's
// circle lies in the frame, the legend's swatches are drawn with the same classes as the lines and
// look the same (stroke colour and dashes of every kind of line the map shows), and each crisis is a
// line with an arrowhead from the aggressor to the target. In europe-1914 the USA is in the inset,
// the inset says it is not to scale, and the European states fill the main frame; in europe-1936
// Japan and the USA are in the inset; the Peloponnesian War needs no inset. Screenshots of the map
// (europe-1914, east-asia-2016, peloponnesian-431bc, and europe-1914 at 390 px) go to
// SCREENSHOT_DIR as web-map-*.png. Exits 0 when everything holds, 1 with the failed step.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, shotDir] = process.argv.slice(2);
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const T = 20000;
if (!base || !shotDir) {
  console.error('usage: node map.mjs SERVER_URL SCREENSHOT_DIR');
  process.exit(2);
}
if (!existsSync(chromiumPath)) {
  console.error(`E2E FAILED: no Chromium at ${chromiumPath} (install Debian's chromium package, or set CHROMIUM)`);
  process.exit(1);
}
mkdirSync(shotDir, { recursive: true });

let step = 'start';
function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
  console.log(`ok - ${what}`);
}

// scenario -> the seat a student takes, the states the inset must hold, and the screenshot's name
const CASES = [
  ['europe-1914', 'FRN', ['USA'], 'web-map-europe-1914.png'],
  ['europe-1936', 'POL', ['JPN', 'USA'], null],
  ['east-asia-2016', 'ROK', ['USA'], 'web-map-east-asia-2016.png'],
  ['middle-east-1955', 'EGY', ['USA'], null],
  ['peloponnesian-431bc', 'ATH', [], 'web-map-peloponnesian-431bc.png'],
  ['tutorial', 'LEN', [], null],
];

/** Everything the checks need, measured in the SVG's own units. */
async function measure(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('#map svg.map');
    const [, , W, H] = svg.getAttribute('viewBox').split(' ').map(Number);
    const box = (el) => { const b = el.getBBox(); return { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height }; };
    const states = [...svg.querySelectorAll('g.state')].map((g) => {
      const c = g.querySelector('circle');
      const [cx, cy, r] = ['cx', 'cy', 'r'].map((a) => Number(c.getAttribute(a)));
      return { id: g.dataset.state, far: g.classList.contains('far'), cx, cy, r, label: box(g.querySelector('text')) };
    });
    const frame = svg.querySelector('.inset-frame');
    const inset = frame ? box(frame) : null;
    const style = (el) => { const s = getComputedStyle(el); return { stroke: s.stroke, dash: s.strokeDasharray }; };
    const kinds = ['alliance', 'offensive', 'client', 'crisis'];
    const sel = { alliance: 'line.alliance:not(.offensive)', offensive: 'line.alliance.offensive', client: 'line.client', crisis: 'line.crisis' };
    const lines = {};
    const swatches = {};
    for (const k of kinds) {
      const line = svg.querySelector(sel[k]);
      const sw = document.querySelector(`#map .legend svg.swatch ${sel[k]}`);
      lines[k] = line ? { ...style(line), cls: line.getAttribute('class').replace(/\ba\d\b/, '').trim().split(/\s+/).sort().join(' '), marker: line.getAttribute('marker-end') } : null;
      swatches[k] = sw ? { ...style(sw), cls: sw.getAttribute('class').replace(/\ba\d\b/, '').trim().split(/\s+/).sort().join(' '), marker: sw.getAttribute('marker-end') } : null;
    }
    const crises = [...svg.querySelectorAll('line.crisis')].map((l) => ({
      from: l.dataset.from, to: l.dataset.to, marker: l.getAttribute('marker-end'),
      x1: Number(l.getAttribute('x1')), y1: Number(l.getAttribute('y1')), x2: Number(l.getAttribute('x2')), y2: Number(l.getAttribute('y2')),
    }));
    return {
      W, H, states, inset, lines, swatches, crises,
      insetTitle: svg.querySelector('.inset-title')?.textContent || '',
      land: svg.querySelectorAll('.base path.land').length,
      landLength: [...svg.querySelectorAll('.base path.land')].reduce((a, p) => a + (p.getAttribute('d') || '').length, 0),
      borders: svg.querySelectorAll('.base path.border').length,
      legend: document.querySelector('#map .legend').textContent,
      svgWidth: svg.getBoundingClientRect().width,
      pageWidth: document.scrollingElement.scrollWidth,
    };
  });
}

const overlap = (a, b) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5;
// a label box and a circle overlap when the box's nearest point to the centre is inside the circle
const covers = (b, s) => Math.hypot(Math.max(b.x0, Math.min(s.cx, b.x1)) - s.cx, Math.max(b.y0, Math.min(s.cy, b.y1)) - s.cy) < s.r - 0.5;

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // (a failed request is told by the response listener, with its address)
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} for ${r.url()}`); });
  for (const [scenario, seat, farStates, shot] of CASES) {
    step = `${scenario}: create`;
    await page.goto(`${base}/#/lobby`);
    await page.locator('#scenario').selectOption(scenario);
    await page.locator(`#students-${seat}`).check();
    await page.locator('#create-game').click();
    await page.locator(`a[data-seat=${seat}]`).waitFor({ timeout: T });
    const link = await page.locator(`a[data-seat=${seat}]`).getAttribute('href');
    step = `${scenario}: join`;
    await page.goto(link);
    await page.locator('#member').fill('Mia');
    await page.locator('button[type=submit]').click();
    await page.locator('#map svg.map g.state').first().waitFor({ timeout: T });
    const invented = scenario === 'tutorial';
    if (!invented) await page.locator('#map svg.map .base path.land').first().waitFor({ state: 'attached', timeout: T });
    // the map is drawn again when the coordinates come: wait until it is still
    await page.waitForTimeout(400);
    step = `${scenario}: map`;
    const m = await measure(page);
    if (invented) {
      check(m.land === 0 && /invented/.test(m.legend), `${scenario}: the invented map has no base map, and the legend says it is invented`);
    } else {
      check(m.land >= 1 && m.landLength > 500 && m.borders >= 1, `${scenario}: the map draws the land (${m.landLength} characters of path) and the present-day borders`);
      check(/present-day borders/.test(m.legend) && /historical borders differed/.test(m.legend), `${scenario}: the legend says the borders are present-day, for orientation`);
    }
    const farNow = m.states.filter((s) => s.far).map((s) => s.id).sort();
    check(JSON.stringify(farNow) === JSON.stringify([...farStates].sort()) || (scenario === 'east-asia-2016' && farStates.every((id) => farNow.includes(id))),
      `${scenario}: the inset holds ${farNow.join(', ') || 'no state'}`);
    for (const s of m.states) {
      const inFrame = s.cx - s.r >= -0.5 && s.cy - s.r >= -0.5 && s.cx + s.r <= m.W + 0.5 && s.cy + s.r <= m.H + 0.5;
      if (!inFrame) check(false, `${scenario}: ${s.id}'s circle lies in the frame`);
      if (m.inset) {
        const inInset = s.cx >= m.inset.x0 && s.cx <= m.inset.x1 && s.cy >= m.inset.y0 && s.cy <= m.inset.y1;
        if (inInset !== s.far) check(false, `${scenario}: ${s.id} is ${s.far ? 'in' : 'out of'} the inset`);
      }
    }
    check(true, `${scenario}: every circle lies in the frame, the inset's in the inset and the others out of it`);
    const pairs = [];
    for (let i = 0; i < m.states.length; i++) {
      for (let j = i + 1; j < m.states.length; j++) if (overlap(m.states[i].label, m.states[j].label)) pairs.push(`${m.states[i].id}/${m.states[j].id}`);
    }
    check(pairs.length === 0, `${scenario}: no two of the ${m.states.length} labels overlap${pairs.length ? ` (${pairs.join(', ')})` : ''}`);
    const covered = [];
    for (const a of m.states) for (const b of m.states) if (a !== b && covers(a.label, b)) covered.push(`${a.id} on ${b.id}`);
    check(covered.length === 0, `${scenario}: no label covers another state's circle${covered.length ? ` (${covered.join(', ')})` : ''}`);
    for (const k of Object.keys(m.swatches)) {
      check(m.swatches[k] !== null, `${scenario}: the legend has a ${k} swatch`);
      if (m.lines[k]) {
        const a = m.lines[k];
        const b = m.swatches[k];
        check(a.cls === b.cls && a.stroke === b.stroke && a.dash === b.dash && a.marker === b.marker,
          `${scenario}: the ${k} swatch has the ${k} lines' classes (${b.cls}), colour (${b.stroke}), dashes (${b.dash}) and arrowhead (${b.marker || 'none'})`);
      }
    }
    for (const c of m.crises) {
      const from = m.states.find((s) => s.id === c.from);
      const to = m.states.find((s) => s.id === c.to);
      const dStart = Math.hypot(c.x1 - to.cx, c.y1 - to.cy);
      const dEnd = Math.hypot(c.x2 - to.cx, c.y2 - to.cy);
      check(/^url\(#arrow-crisis-\d+\)$/.test(c.marker || '') && dEnd < dStart && dEnd <= to.r + 4 && Math.hypot(c.x1 - from.cx, c.y1 - from.cy) <= from.r + 1,
        `${scenario}: the crisis arrow runs from ${c.from} to ${c.to}, its head at ${c.to}`);
    }
    if (scenario === 'europe-1914') {
      check(m.crises.some((c) => c.from === 'AUH' && c.to === 'SRB'), 'europe-1914: the July crisis is drawn as an arrow from AUH to SRB');
      check(m.inset && /far away/.test(m.insetTitle) && /scale/.test(m.insetTitle), `europe-1914: the inset says "${m.insetTitle}"`);
      const main = m.states.filter((s) => !s.far);
      const spanX = (Math.max(...main.map((s) => s.cx)) - Math.min(...main.map((s) => s.cx))) / m.W;
      const spanY = (Math.max(...main.map((s) => s.cy)) - Math.min(...main.map((s) => s.cy))) / m.H;
      check(Math.max(spanX, spanY) >= 0.65 && Math.min(spanX, spanY) >= 0.4,
        `europe-1914: the European states fill the main frame (${Math.round(spanX * 100)}% of its width, ${Math.round(spanY * 100)}% of its height)`);
    }
    if (shot) await page.locator('#map figure').screenshot({ path: join(shotDir, shot) });
    if (scenario === 'europe-1914') {
      step = 'phone';
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(300);
      const p = await measure(page);
      check(p.svgWidth <= 390 && p.pageWidth <= 390, `europe-1914 at 390 px: the map scales to the screen (${Math.round(p.svgWidth)} px, page ${p.pageWidth} px)`);
      await page.locator('#map figure').screenshot({ path: join(shotDir, 'web-map-phone.png') });
      await page.setViewportSize({ width: 1280, height: 1000 });
    }
  }
  check(errors.length === 0, `no page error or console error${errors.length ? `: ${errors.join(' | ')}` : ''}`);
  console.log('E2E OK');
} catch (e) {
  console.error(`E2E FAILED at step ${step}: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
