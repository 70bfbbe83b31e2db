// The debrief of a game in the page (the server's self-contained HTML with its charts), and its
// downloads in HTML, Markdown and JSON.
import { h } from './dom.js';
import { links } from './links.js';
import { t, lang as pageLang } from './i18n.js';

export async function debriefPage(main, page, gameId, token) {
  // the token goes in a header, never in a URL (histories, logs, referrers); downloads are the
  // fetched bytes, offered as blob: links
  // the debrief's headings follow the page's language (the server renders English and Korean)
  const lang = pageLang();
  const get = (format) => fetch(`/debrief/${encodeURIComponent(gameId)}?format=${format}&lang=${lang}`,
    { headers: { Authorization: `Bearer ${token}` } });
  const download = (format, label, id) => {
    const a = h('a', { href: '#', download: `${gameId}-debrief.${format}`, id, 'data-format': format, 'aria-busy': 'true' }, label);
    get(format).then((r) => (r.ok ? r.blob() : Promise.reject(new Error(t('debrief.status', { status: r.status })))))
      .then((blob) => { a.href = URL.createObjectURL(blob); a.removeAttribute('aria-busy'); })
      .catch((e) => { a.textContent = t('debrief.unavailable', { label, message: e.message }); });
    return a;
  };
  main.append(h('div', { class: 'card' },
    h('h1', {}, t('debrief.title', { game: gameId })),
    h('p', {}, t('debrief.download'),
      download('html', t('debrief.html'), 'dl-html'), ' · ',
      download('md', t('debrief.md'), 'dl-md'), ' · ',
      download('json', t('debrief.json'), 'dl-json'), ' · ',
      h('a', { href: links(gameId, token).instructor }, t('common.backConsole'))),
    h('p', { class: 'hint' }, t('debrief.languageNote'))));
  const res = await get('html');
  const text = await res.text();
  if (!res.ok) {
    main.append(h('p', { class: 'notice error', role: 'alert' }, t('debrief.refused', { status: res.status, text })));
    return;
  }
  // sandboxed: the debrief's own HTML and inline SVG, no scripts, no access to this page
  main.append(h('iframe', { id: 'debrief-frame', title: t('debrief.title', { game: gameId }), sandbox: '', srcdoc: text, class: 'debrief' }));
}
