// The standing ladder (serve --ladder): every entrant's rating with its 95% interval, drawn as a
// bar, and the latest rated games with links to their turn-by-turn records; #/ladder/NAME shows
// one entrant's games. Refreshed every 10 seconds. In English and Korean.
import { h, fill, say, num } from './dom.js';

const TEXT = {
  en: {
    title: 'Ladder',
    intro: 'Built-in strategies and registered bots play rated games here all the time. A rating is a Plackett-Luce log-strength: a difference of 1 means e (2.7) times the odds of finishing ahead. The bar is its 95% interval; it narrows as the entrant plays.',
    none: 'This server keeps no ladder (start it with entente serve --ladder).',
    failed: 'The ladder could not be read: {msg}',
    rank: '#', entrant: 'Entrant', kind: 'Kind', rating: 'Rating', interval: '95% interval',
    games: 'Games', score: 'Mean score', builtin: 'built-in', remote: 'bot',
    online: '{n} connection(s) offered', offline: 'not connected',
    recent: 'Latest rated games', recentOf: 'Latest rated games of {name}',
    game: 'Game', scenario: 'Scenario', ended: 'Ended', seats: 'Seats (score, rating change)',
    replay: 'replay', all: 'The whole ladder',
    status: '{games} rated games; CPU {measured} of {share} of a core; {status}',
    noGames: 'No rated game yet.', lang: '한국어',
  },
  ko: {
    title: '래더',
    intro: '기본 전략과 등록된 봇이 이곳에서 계속 레이팅 게임을 합니다. 레이팅은 Plackett-Luce 로그 강도이며, 차이 1은 앞설 확률비가 e(2.7)배라는 뜻입니다. 막대는 95% 구간이며 게임을 할수록 좁아집니다.',
    none: '이 서버는 래더를 운영하지 않습니다 (entente serve --ladder 로 시작하세요).',
    failed: '래더를 읽지 못했습니다: {msg}',
    rank: '순위', entrant: '참가자', kind: '종류', rating: '레이팅', interval: '95% 구간',
    games: '게임 수', score: '평균 점수', builtin: '기본 전략', remote: '봇',
    online: '연결 {n}개 대기 중', offline: '연결 없음',
    recent: '최근 레이팅 게임', recentOf: '{name}의 최근 레이팅 게임',
    game: '게임', scenario: '시나리오', ended: '종료', seats: '좌석 (점수, 레이팅 변화)',
    replay: '다시 보기', all: '래더 전체',
    status: '레이팅 게임 {games}회; CPU 사용 {measured} / 허용 {share} 코어; {status}',
    noGames: '아직 레이팅 게임이 없습니다.', lang: 'English',
  },
};

let lang = (localStorage.getItem('entente.ladder.lang') || document.documentElement.lang || navigator.language || 'en').startsWith('ko') ? 'ko' : 'en';

/** The page's text for key in the chosen language, with {name} parameters filled in. */
export function tr(key, params = {}) {
  const s = (TEXT[lang] && TEXT[lang][key]) || TEXT.en[key] || key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (params[k] === undefined ? '' : String(params[k])));
}

function signed(x) {
  return (x >= 0 ? '+' : '') + num(x, 2);
}

// The interval as a bar on a common scale from lo to hi, the mean as a tick.
function bar(e, lo, hi) {
  const w = 200;
  const x = (v) => ((v - lo) / (hi - lo || 1)) * w;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', String(w));
  svg.setAttribute('height', '14');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${signed(e.low || 0)} .. ${signed(e.high || 0)}`);
  const r = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  r.setAttribute('x', String(x(e.low || 0)));
  r.setAttribute('y', '4');
  r.setAttribute('width', String(Math.max(1, x(e.high || 0) - x(e.low || 0))));
  r.setAttribute('height', '6');
  r.setAttribute('fill', e.remote ? '#2b6cb0' : '#718096');
  const m = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  m.setAttribute('x', String(x(e.mean || 0) - 1));
  m.setAttribute('y', '1');
  m.setAttribute('width', '2');
  m.setAttribute('height', '12');
  m.setAttribute('fill', '#1a202c');
  svg.append(r, m);
  return svg;
}

function standings(entries) {
  const lo = Math.min(...entries.map((e) => e.low || 0));
  const hi = Math.max(...entries.map((e) => e.high || 0));
  return h('table', { id: 'ladder-standings' },
    h('thead', {}, h('tr', {}, ...['rank', 'entrant', 'kind', 'rating', 'interval', 'games', 'score'].map((k) => h('th', { scope: 'col' }, tr(k))))),
    h('tbody', {}, ...entries.map((e, i) => h('tr', { 'data-entrant': e.name },
      h('td', {}, String(i + 1)),
      h('td', {}, h('a', { href: `#/ladder/${encodeURIComponent(e.name)}` }, e.name)),
      h('td', {}, e.remote ? `${tr('remote')} (${e.connections ? tr('online', { n: e.connections }) : tr('offline')})` : tr('builtin')),
      h('td', { class: 'num' }, signed(e.mean || 0)),
      h('td', {}, bar(e, lo, hi), ` [${signed(e.low || 0)}, ${signed(e.high || 0)}]`),
      h('td', { class: 'num' }, String(e.games || 0)),
      h('td', { class: 'num' }, num(e.meanScore || 0, 1))))));
}

function games(list) {
  if (!list.length) return h('p', {}, tr('noGames'));
  return h('table', { id: 'ladder-games' },
    h('thead', {}, h('tr', {}, ...['game', 'scenario', 'ended', 'seats', 'replay'].map((k) => h('th', { scope: 'col' }, tr(k))))),
    h('tbody', {}, ...list.map((g) => h('tr', {},
      h('td', { class: 'num' }, String(g.number)),
      h('td', {}, g.scenario),
      h('td', {}, new Date(Number(g.endedMillis || 0)).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB')),
      h('td', {}, (g.seats || []).map((s) => `${s.entrant} ${num(s.score || 0, 1)} (${signed((s.meanAfter || 0) - (s.meanBefore || 0))})`).join(' · ')),
      h('td', {}, h('a', { href: g.replayUrl, class: 'replay-link' }, tr('replay')))))));
}

export async function ladderPage(main, page, entrant) {
  const conn = page.connect();
  const status = h('p', { role: 'status', id: 'ladder-status', class: 'notice' });
  const body = h('div', { id: 'ladder' });
  const toggle = h('button', { type: 'button', id: 'ladder-lang' }, tr('lang'));
  const title = h('h1', {}, tr('title'));
  main.append(h('div', { class: 'card' }, title, toggle, h('p', {}, tr('intro'))), status, body);
  let last = null;

  function draw() {
    if (!last) return;
    fill(body,
      entrant ? h('p', {}, h('a', { href: '#/ladder' }, tr('all'))) : null,
      standings(last.entries || []),
      h('h2', {}, entrant ? tr('recentOf', { name: entrant }) : tr('recent')),
      games(last.games || []));
    say(status, tr('status', {
      games: last.gamesRated || 0,
      measured: num(last.cpuMeasured || 0, 3),
      share: num(last.cpuShare || 0, 2),
      status: last.status || '',
    }), 'ok');
  }

  async function load() {
    try {
      const reply = await conn.request({ getLadder: { entrant: entrant || '', recent: 30 } });
      last = reply.ladder;
      draw();
    } catch (e) {
      say(status, e.code === 'UNKNOWN_MESSAGE' ? tr('none') : tr('failed', { msg: e.message }), 'error');
    }
  }

  toggle.addEventListener('click', () => {
    lang = lang === 'ko' ? 'en' : 'ko';
    localStorage.setItem('entente.ladder.lang', lang);
    toggle.textContent = tr('lang');
    title.textContent = tr('title');
    main.querySelector('.card p').textContent = tr('intro');
    draw();
  });
  await load();
  page.every(10000, load);
}
