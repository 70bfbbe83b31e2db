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

function route() {
  leave();
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
        main.append(h('p', { class: 'notice error', role: 'alert' }, `This page failed: ${e.message}`));
      });
      return;
    }
  }
  fill(main, h('h1', {}, 'Not found'), h('p', {}, 'No page at ', hash, '. '),
    h('a', { href: '#/lobby' }, 'Go to the lobby'));
}

window.addEventListener('hashchange', route);
route();
