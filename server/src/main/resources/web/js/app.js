// The seminar client: hash routes, one page module per route, one connection per page.
import { Connection } from './conn.js';
import { h, fill } from './dom.js';
import { lobbyPage, joinPage, watchPage } from './lobby.js';
import { seatPage } from './seat.js';
import { instructorPage } from './instructor.js';
import { replayPage } from './replay.js';
import { debriefPage } from './debrief.js';
import { dashboardPage } from './dashboard.js';
import { ladderPage } from './ladder.js';
import { t, onLangChange, langSwitch } from './i18n.js';

const ROUTES = [
  [/^#\/(lobby)?$/, lobbyPage],
  [/^#\/games$/, dashboardPage],
  [/^#\/join\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/, joinPage],
  [/^#\/watch\/([^/]+)\/([^/]+)$/, watchPage],
  [/^#\/seat\/([0-9a-f]+)$/, seatPage],
  [/^#\/instructor\/([0-9a-f]+)$/, instructorPage],
  [/^#\/replay\/([0-9a-f]+)$/, replayPage],
  [/^#\/debrief\/([^/]+)\/([0-9a-f]+)$/, debriefPage],
  [/^#\/ladder(?:\/([^/]+))?$/, ladderPage],
];

let current = null;

/** Stops the page on screen: its timers and its connection. */
function leave() {
  if (!current) return;
  for (const t of current.timers) clearInterval(t);
  if (current.conn) current.conn.close();
  current = null;
}

/** The page's fixed parts (title, header, skip link) in the language on screen. */
function chrome() {
  document.title = t('app.title');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
  const sw = document.getElementById('lang-switch');
  if (sw) sw.replaceChildren(langSwitch());
}

function route() {
  leave();
  chrome();
  const main = document.getElementById('main');
  const hash = location.hash || '#/lobby';
  for (const [re, page] of ROUTES) {
    const m = hash.match(re);
    if (m) {
      current = {
        timers: [],
        conn: null,
        /** The page's connection, opened on first use. */
        connect() {
          if (!this.conn) {
            this.conn = new Connection(document.getElementById('conn-status'));
            const page = this;
            // a dropped connection (server restart, network) reopens the page, which resumes its
            // token; a seat taken over by another tab stays closed
            this.conn.on('closed', (e) => {
              if (!e.replaced) setTimeout(() => { if (current === page) route(); }, 3000);
            });
          }
          return this.conn;
        },
        every(ms, f) {
          this.timers.push(setInterval(f, ms));
        },
      };
      fill(main);
      page(main, current, ...m.slice(1).map((x) => (x === undefined ? '' : decodeURIComponent(x)))).catch((e) => {
        main.append(h('p', { class: 'notice error', role: 'alert' }, t('app.failed', { message: e.message })));
      });
      return;
    }
  }
  fill(main, h('h1', {}, t('app.notFound')), h('p', {}, t('app.noPage', { hash })),
    h('a', { href: '#/lobby' }, t('app.toLobby')));
}

window.addEventListener('hashchange', route);
// a switch of language draws the page on screen again (its connection resumes the same token)
onLangChange(() => route());
route();
