// Every page of the seminar client in Korean, in headless Chromium with a Korean browser.
//
//   node korean.mjs SERVER_URL SCREENSHOT_DIR
//
// An instructor whose browser asks for Korean creates a europe-1914 game in the lobby (two student
// seats), opens the seat cards; a student joins France from its link; the seat page, the console
// (before and after a turn is adjudicated, and its messages exported as CSV), the replay, the debrief
// page, the games dashboard, the ladder page (this server keeps no ladder: its notice) and, once the
// instructor has ended the game, the student's closing panel are each scanned; then a
// middle-east-1955 game is created, and its lobby and Egypt's seat page (briefings and news of
// a scenario other than europe-1914) are scanned too: no
// text node, placeholder, title, aria-label or alt of any of them may hold an English word. Only
// what is not language passes: state ids, game ids, join codes, URLs, numbers and units, the
// formats HTML/JSON/QR/CSV, file names, the product's name, a command line, a model's proper name
// and the language switch's own "English". No page may fail to load a resource. Then the
// switch gives the English page back. Screenshots of the lobby, seat and console at 1280 and 390 px
// end in -ko.png, and so do those of the seat cards, the replay, the debrief page, the closing panel
// and the dashboard after the game (the last two at 1280 and 390 px), and a team-mate who joined
// France on a phone seeing the orders the first student sent (web-team-ko.png, web-team-phone-ko.png). Exits 0 when everything
// holds, 1 with the failed step otherwise.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, shotDir] = process.argv.slice(2);
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const T = 20000;

if (!base || !shotDir) {
  console.error('usage: node korean.mjs SERVER_URL SCREENSHOT_DIR');
  process.exit(2);
}
if (!existsSync(chromiumPath)) {
  console.error(`E2E FAILED: no Chromium at ${chromiumPath} (install Debian's chromium package, or set CHROMIUM)`);
  process.exit(1);
}
mkdirSync(shotDir, { recursive: true });

let step = 'start';
const problems = [];

function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
  console.log(`ok - ${what}`);
}

// The states of europe-1914 and of middle-east-1955 (ids are not words), and every other token
// that is not language.
const STATE_IDS = [
  'GMY', 'AUH', 'ITA', 'FRN', 'RUS', 'UKG', 'TUR', 'SRB', 'BEL', 'USA',
  'NTH', 'SWZ', 'SPN', 'POR', 'GRC', 'BUL', 'ROM', 'SWD', 'NOR', 'DEN',
];
const MIDEAST_IDS = ['USA', 'RUS', 'UKG', 'FRN', 'EGY', 'SYR', 'IRQ', 'JOR', 'SAU', 'LEB', 'YAR', 'ISR', 'IRN', 'TUR'];
const NOT_LANGUAGE = [
  /https?:\/\/\S+/g, // links shown as text (the seat cards)
  /#\/\S+/g,
  /\bg[0-9]+-[0-9a-z]+\b/gi, // game ids
  /\b[0-9A-Z]{4}-[0-9A-Z]{4}\b/g, // join codes
  /\b[0-9a-f]{16,}\b/g, // state hashes
  new RegExp(`\\b(${[...new Set([...STATE_IDS, ...MIDEAST_IDS])].join('|')})\\b`, 'g'),
  /[\w.-]+\.(csv|html|md|json)\b/g, // file names (the transcript's download)
  /\bentente serve --ladder\b/g, // a command to type
  /\bPlackett-Luce\b/g, // the rating model's name
  /\b(HTML|JSON|QR|CSV|Entente|English|km|Ctrl\+P)\b/g,
  /\bT\[j\]\[i\]/g,
];

/**
 * Every English word on the page: text nodes (the iframe of the debrief report excluded: the
 * report is the server's own document, checked in Korean by KoreanDebriefTest and
 * DebriefBrowserTest), the title, and the placeholder, title, aria-label and alt attributes.
 * Returns [{word, where}].
 */
async function englishOn(page) {
  const found = await page.evaluate(() => {
    const out = [];
    const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'IFRAME']);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (skip.has(n.parentElement.tagName)) continue;
      const text = n.textContent.trim();
      if (text) out.push({ text, where: n.parentElement.tagName.toLowerCase() + (n.parentElement.id ? `#${n.parentElement.id}` : '') });
    }
    for (const el of document.querySelectorAll('[placeholder], [title], [aria-label], [alt]')) {
      for (const a of ['placeholder', 'title', 'aria-label', 'alt']) {
        const v = el.getAttribute(a);
        if (v) out.push({ text: v, where: `${el.tagName.toLowerCase()}[${a}]` });
      }
    }
    out.push({ text: document.title, where: 'title' });
    return out;
  });
  const words = [];
  for (const { text, where } of found) {
    let rest = text;
    for (const re of NOT_LANGUAGE) rest = rest.replace(re, ' ');
    for (const m of rest.matchAll(/[A-Za-z]{2,}/g)) words.push({ word: m[0], where, text: text.slice(0, 120) });
  }
  return words;
}

/** Fails (after listing them) when the page shows any English word. */
async function korean(page, name) {
  const lang = await page.evaluate(() => document.documentElement.lang);
  check(lang === 'ko', `the ${name} says <html lang="ko"> (${lang})`);
  const words = await englishOn(page);
  for (const w of words.slice(0, 60)) console.error(`  English on the ${name}: "${w.word}" in ${w.where}: ${w.text}`);
  if (words.length) problems.push(name);
  check(words.length === 0, `the ${name} has no English word (${words.length} found)`);
}

/** Logs a page's errors and warnings, and records every resource it fails to load. */
const failedLoads = [];
function watch(page, who) {
  page.on('pageerror', (e) => console.error(`${who} page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.error(`${who} console: ${m.text()}`); });
  page.on('response', (r) => {
    if (r.status() >= 400) {
      console.error(`${who}: ${r.status()} for ${r.url()}`);
      failedLoads.push(`${who}: ${r.status()} ${r.url()}`);
    }
  });
}

async function shot(page, file, width) {
  await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shotDir, file), fullPage: true });
}

// --- the two dictionaries have the same keys, and each text the same placeholders
{
  const en = (await import('../../main/resources/web/js/i18n/en.js')).default;
  const ko = (await import('../../main/resources/web/js/i18n/ko.js')).default;
  const names = (x) => [...new Set([...x.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort().join();
  const onlyEn = Object.keys(en).filter((k) => !(k in ko));
  const onlyKo = Object.keys(ko).filter((k) => !(k in en));
  const differ = Object.keys(en).filter((k) => k in ko && names(en[k]) !== names(ko[k]));
  if (onlyEn.length + onlyKo.length + differ.length) {
    console.error(`E2E FAILED at step dictionaries: only in en.js: ${onlyEn.join(', ') || 'none'}; only in ko.js: ${onlyKo.join(', ') || 'none'}; placeholders differ: ${differ.join(', ') || 'none'}`);
    process.exit(1);
  }
  console.log(`ok - en.js and ko.js have the same ${Object.keys(en).length} keys and placeholders`);
}

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--lang=ko-KR'] });
try {
  // --- the lobby, chosen in Korean by the browser's language
  step = 'lobby';
  const ictx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' });
  const ipage = await ictx.newPage();
  watch(ipage, 'instructor');
  await ipage.goto(`${base}/#/lobby`);
  await ipage.locator('h1', { hasText: '새 세미나 게임' }).waitFor({ timeout: T });
  await ipage.locator('#scenario').selectOption('europe-1914');
  await ipage.locator('#students-FRN').check();
  await ipage.locator('#students-GMY').check();
  check((await ipage.locator('.briefing').textContent()).includes('사라예보'), "the lobby shows europe-1914's briefing in Korean");
  await korean(ipage, 'lobby');
  await shot(ipage, 'web-lobby-ko.png', 1280);
  await shot(ipage, 'web-lobby-phone-ko.png', 390);
  await ipage.setViewportSize({ width: 1280, height: 900 });

  step = 'create';
  await ipage.locator('#create-game').click();
  await ipage.locator('a[data-seat=FRN]').waitFor({ timeout: T });
  await korean(ipage, 'lobby with the links');
  const frnLink = await ipage.locator('a[data-seat=FRN]').getAttribute('href');
  const gameId = decodeURIComponent(frnLink.split('/').slice(-3)[0]);

  // --- the games dashboard lists the new game, running
  step = 'dashboard';
  const gpage = await ictx.newPage();
  watch(gpage, 'dashboard');
  await gpage.goto(`${base}/#/games`);
  await gpage.locator(`tr[data-game="${gameId}"] .game-phase`, { hasText: '진행 중' }).waitFor({ timeout: T });
  await korean(gpage, 'games dashboard');

  // --- the ladder page: this server keeps none, and says so in Korean
  step = 'ladder';
  await gpage.goto(`${base}/#/ladder`);
  await gpage.locator('#ladder-status', { hasText: '래더를 운영하지 않습니다' }).waitFor({ timeout: T });
  await korean(gpage, 'ladder page');

  // --- an observer from the watch link
  step = 'watch';
  const octx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' });
  const opage = await octx.newPage();
  await opage.goto(await ipage.locator('#watch-link').getAttribute('href'));
  await opage.locator('#where').waitFor({ timeout: T });
  await opage.locator('#press-list').waitFor({ timeout: T });
  await korean(opage, 'observer page');
  await octx.close();

  // --- the seat cards, in Korean (the link carries the language)
  step = 'handout';
  const handoutHref = await ipage.locator('#handout-link').getAttribute('href');
  check(/[?&]lang=ko\b/.test(handoutHref), 'the seat cards link asks for Korean');
  const hpage = await ictx.newPage();
  await hpage.goto(handoutHref);
  await hpage.locator('section.card').first().waitFor({ timeout: T });
  check((await hpage.locator('#seat-FRN h2').textContent()).includes('프랑스 공화국'), "the seat cards name France in Korean");
  await korean(hpage, 'seat cards');
  await shot(hpage, 'web-handout-ko.png', 1280);
  await hpage.close();

  // --- a student joins France
  step = 'join';
  const sctx = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'ko-KR' });
  const spage = await sctx.newPage();
  watch(spage, 'student');
  await spage.goto(frnLink);
  await spage.locator('#member').waitFor({ timeout: T });
  await korean(spage, 'join page');
  await spage.locator('#member').fill('민준');
  await spage.locator('button[type=submit]').click();
  await spage.locator('#private-briefing').waitFor({ timeout: T });
  await spage.locator('#where', { hasText: '유럽, 1914년 7월' }).waitFor({ timeout: T });
  check((await spage.locator('#private-briefing').textContent()).includes('알자스-로렌'), "France's private briefing is in Korean");
  check((await spage.locator('.news').textContent()).includes('최후통첩'), 'the news of turn 1 is in Korean');
  // a stance chosen: the summary sentence and the fields of the stance show
  await spage.locator('#st-balance').check();
  await spage.locator('#o-against').selectOption('GMY');
  await korean(spage, 'seat page');
  await shot(spage, 'web-seat-ko.png', 1280);
  await shot(spage, 'web-seat-phone-ko.png', 390);
  await spage.setViewportSize({ width: 1280, height: 1000 });
  // a team-mate joins France from the same link, on a phone
  const tctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ko-KR' });
  const tpage = await tctx.newPage();
  watch(tpage, 'team-mate');
  await tpage.goto(frnLink);
  await tpage.locator('#member').fill('서연');
  await tpage.locator('button[type=submit]').click();
  await tpage.locator('#private-briefing').waitFor({ timeout: T });
  await spage.locator('#orders-submit').click();
  await spage.locator('#orders-status.ok').waitFor({ timeout: T });
  await korean(spage, 'seat page after sending orders');
  // the team-mate sees the orders that stand for France, who sent them and when, live
  await tpage.locator('#team-orders', { hasText: '민준' }).waitFor({ timeout: T });
  check(await tpage.locator('#st-balance').isChecked(), "the team-mate's form shows the orders 민준 sent");
  await korean(tpage, "the team-mate's seat page");
  await tpage.evaluate(() => document.getElementById('orders-sec').scrollIntoView({ block: 'start' }));
  await tpage.waitForTimeout(300);
  await tpage.screenshot({ path: join(shotDir, 'web-team-phone-ko.png') });
  await spage.locator('#team-orders').scrollIntoViewIfNeeded();
  await spage.waitForTimeout(300);
  await spage.screenshot({ path: join(shotDir, 'web-team-ko.png') });
  await tctx.close();

  // --- the console, then a turn adjudicated
  step = 'console';
  await ipage.locator('#instructor-link').click();
  await ipage.locator('#seat-status').waitFor({ timeout: T });
  const consoleUrl = ipage.url();
  await ipage.locator('#roster li').first().waitFor({ timeout: T });
  await korean(ipage, 'instructor console');
  await shot(ipage, 'web-instructor-ko.png', 1280);
  await shot(ipage, 'web-instructor-phone-ko.png', 390);
  await ipage.setViewportSize({ width: 1280, height: 900 });
  await ipage.locator('#btn-adjudicate').click();
  await spage.locator('#results', { hasText: '1턴 결과' }).waitFor({ timeout: T });
  await ipage.locator('#where', { hasText: '2턴' }).waitFor({ timeout: T });
  await ipage.locator('#log-list li').first().waitFor({ timeout: T });
  await korean(spage, 'seat page after turn 1');
  await korean(ipage, 'instructor console after turn 1');

  // --- every message exported as CSV from the console
  step = 'transcript';
  await ipage.locator('#export-transcript').click();
  await ipage.locator('#transcript-download').waitFor({ timeout: T });
  check((await ipage.locator('#transcript-download').getAttribute('download')) === `${gameId}-messages.csv`, 'the console offers the messages as CSV');
  await korean(ipage, 'instructor console after the export');

  // --- the replay and the debrief page
  step = 'replay';
  await ipage.locator('#replay-link').click();
  await ipage.locator('#timeline').waitFor({ timeout: T });
  await korean(ipage, 'replay');
  await shot(ipage, 'web-replay-ko.png', 1280);
  await ipage.setViewportSize({ width: 1280, height: 900 });
  step = 'debrief';
  await ipage.goBack();
  await ipage.locator('#debrief-link').waitFor({ timeout: T });
  await ipage.locator('#debrief-link').click();
  await ipage.locator('#debrief-frame').waitFor({ timeout: T });
  await korean(ipage, 'debrief page');
  await shot(ipage, 'web-debrief-ko.png', 1280);
  await ipage.setViewportSize({ width: 1280, height: 900 });

  // --- the instructor ends the game: the student's closing panel, the console and the dashboard
  step = 'closure';
  await ipage.goto(consoleUrl);
  await ipage.locator('#seat-status').waitFor({ timeout: T });
  await ipage.getByRole('button', { name: '게임 끝내기…' }).click();
  await ipage.getByRole('button', { name: '네, 지금 게임을 끝냅니다' }).click();
  await ipage.locator('.game-over').waitFor({ timeout: T });
  await spage.locator('#closure #my-score').waitFor({ timeout: T });
  await spage.locator('#my-debrief tbody tr').first().waitFor({ timeout: T });
  check((await spage.locator('#final-standings tbody tr').count()) === STATE_IDS.length, 'the closing panel ranks every state');
  await korean(spage, 'seat page after the game');
  for (const [file, width] of [['web-closure-ko.png', 1280], ['web-closure-phone-ko.png', 390]]) {
    await spage.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    await spage.locator('#closure').scrollIntoViewIfNeeded();
    await spage.waitForTimeout(300);
    await spage.screenshot({ path: join(shotDir, file) });
  }
  await korean(ipage, 'instructor console after the game');
  await gpage.goto(`${base}/#/games`);
  await gpage.locator(`tr[data-game="${gameId}"] .game-phase`, { hasText: '종료됨' }).waitFor({ timeout: T });
  await korean(gpage, 'games dashboard after the game');
  await shot(gpage, 'web-dashboard-ko.png', 1280);
  await shot(gpage, 'web-dashboard-phone-ko.png', 390);
  await gpage.close();

  // --- another scenario: a middle-east-1955 game, its lobby and Egypt's seat page in Korean
  step = 'second scenario';
  await ipage.goto(`${base}/#/lobby`);
  await ipage.locator('h1', { hasText: '새 세미나 게임' }).waitFor({ timeout: T });
  await ipage.locator('#scenario').selectOption('middle-east-1955');
  await ipage.locator('#students-EGY').check();
  check((await ipage.locator('.briefing').textContent()).includes('바그다드 조약'), "the lobby shows middle-east-1955's briefing in Korean");
  await korean(ipage, 'lobby of middle-east-1955');
  await ipage.locator('#create-game').click();
  await ipage.locator('a[data-seat=EGY]').waitFor({ timeout: T });
  const egyLink = await ipage.locator('a[data-seat=EGY]').getAttribute('href');
  const mpage = await sctx.newPage();
  watch(mpage, 'student of middle-east-1955');
  await mpage.goto(egyLink);
  await mpage.locator('#member').waitFor({ timeout: T });
  await mpage.locator('#member').fill('서연');
  await mpage.locator('button[type=submit]').click();
  await mpage.locator('#private-briefing').waitFor({ timeout: T });
  await mpage.locator('#where', { hasText: '중동, 1955~1979년' }).waitFor({ timeout: T });
  check((await mpage.locator('#private-briefing').textContent()).includes('가자 습격'), "Egypt's private briefing is in Korean");
  check((await mpage.locator('.news').textContent()).includes('체코슬로바키아'), 'the news of turn 1 of middle-east-1955 is in Korean');
  await korean(mpage, 'seat page of middle-east-1955');
  await mpage.close();

  // --- the switch gives English back, remembered
  step = 'switch';
  await ipage.goto(`${base}/#/lobby`);
  await ipage.locator('h1', { hasText: '새 세미나 게임' }).waitFor({ timeout: T });
  await ipage.locator('button[data-lang=en]').click();
  await ipage.locator('h1', { hasText: 'New seminar game' }).waitFor({ timeout: T });
  check(await ipage.evaluate(() => document.documentElement.lang) === 'en', 'the switch sets <html lang="en">');
  check((await ipage.locator('#create-game').textContent()) === 'Create the game', 'after the switch the lobby is in English');
  await ipage.reload();
  await ipage.locator('h1', { hasText: 'New seminar game' }).waitFor({ timeout: T });
  check(true, 'the choice of English is remembered after a reload');
  await ipage.locator('button[data-lang=ko]').click();
  await ipage.locator('h1', { hasText: '새 세미나 게임' }).waitFor({ timeout: T });
  check(true, 'the switch gives Korean back');

  check(failedLoads.length === 0, `no page failed to load a resource (${failedLoads.join('; ') || 'none'})`);
  check(problems.length === 0, `every page is in Korean (${problems.join(', ') || 'none with English'})`);
  console.log('E2E OK');
} catch (e) {
  console.error(`E2E FAILED at step ${step}: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
