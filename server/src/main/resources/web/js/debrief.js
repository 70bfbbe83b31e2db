// The debrief of a game in the page (the server's self-contained HTML with its charts), and its
// downloads in HTML, Markdown and JSON.
import { h } from './dom.js';
import { links } from './links.js';

export async function debriefPage(main, page, gameId, token) {
  // the token goes in a header, never in a URL (histories, logs, referrers); downloads are the
  // fetched bytes, offered as blob: links
  // the debrief's headings follow the page's language (the server renders English and Korean)
  const lang = (document.documentElement.lang || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';
  const get = (format) => fetch(`/debrief/${encodeURIComponent(gameId)}?format=${format}&lang=${lang}`,
    { headers: { Authorization: `Bearer ${token}` } });
  const download = (format, label, id) => {
    const a = h('a', { href: '#', download: `${gameId}-debrief.${format}`, id, 'data-format': format, 'aria-busy': 'true' }, label);
    get(format).then((r) => (r.ok ? r.blob() : Promise.reject(new Error(`status ${r.status}`))))
      .then((blob) => { a.href = URL.createObjectURL(blob); a.removeAttribute('aria-busy'); })
      .catch((e) => { a.textContent = `${label} (unavailable: ${e.message})`; });
    return a;
  };
  main.append(h('div', { class: 'card' },
    h('h1', {}, `Debrief of game ${gameId}`),
    h('p', {}, 'Download: ',
      download('html', 'HTML with charts', 'dl-html'), ' · ',
      download('md', 'Markdown', 'dl-md'), ' · ',
      download('json', 'JSON', 'dl-json'), ' · ',
      h('a', { href: links(gameId, token).instructor }, 'Back to the console'))));
  const res = await get('html');
  const text = await res.text();
  if (!res.ok) {
    main.append(h('p', { class: 'notice error', role: 'alert' }, `The server refused the debrief (${res.status}): ${text}`));
    return;
  }
  // sandboxed: the debrief's own HTML and inline SVG, no scripts, no access to this page
  main.append(h('iframe', { id: 'debrief-frame', title: `Debrief of game ${gameId}`, sandbox: '', srcdoc: text, class: 'debrief' }));
}
