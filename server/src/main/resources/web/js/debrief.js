// The debrief of a game in the page (the server's self-contained HTML with its charts), and its
// downloads in HTML, Markdown and JSON.
import { h } from './dom.js';
import { links } from './links.js';

export async function debriefPage(main, page, gameId, token) {
  const url = (format) => `/debrief/${encodeURIComponent(gameId)}?token=${encodeURIComponent(token)}&format=${format}`;
  main.append(h('div', { class: 'card' },
    h('h1', {}, `Debrief of game ${gameId}`),
    h('p', {}, 'Download: ',
      h('a', { href: url('html'), download: `${gameId}-debrief.html`, id: 'dl-html' }, 'HTML with charts'), ' · ',
      h('a', { href: url('md'), download: `${gameId}-debrief.md` }, 'Markdown'), ' · ',
      h('a', { href: url('json'), download: `${gameId}-debrief.json` }, 'JSON'), ' · ',
      h('a', { href: links(gameId, token).instructor }, 'Back to the console'))));
  const res = await fetch(url('html'));
  const text = await res.text();
  if (!res.ok) {
    main.append(h('p', { class: 'notice error', role: 'alert' }, `The server refused the debrief (${res.status}): ${text}`));
    return;
  }
  // sandboxed: the debrief's own HTML and inline SVG, no scripts, no access to this page
  main.append(h('iframe', { id: 'debrief-frame', title: `Debrief of game ${gameId}`, sandbox: '', srcdoc: text, class: 'debrief' }));
}
