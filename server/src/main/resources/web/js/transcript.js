// The console's "export the messages (CSV)" button: the whole transcript, fetched with the
// instructor token in a header (never in a URL) and offered as a download.
import { h } from './dom.js';
import { t } from './i18n.js';

export function transcriptButton(gameIdOf, token) {
  const status = h('span', { role: 'status', class: 'hint' });
  const button = h('button', { type: 'button', id: 'export-transcript', onclick: async () => {
    const gameId = gameIdOf();
    if (!gameId) return;
    status.textContent = t('transcript.preparing');
    try {
      const r = await fetch(`/transcript/${encodeURIComponent(gameId)}`, { headers: { Authorization: `Bearer ${token}` } });
      if (!r.ok) throw new Error(`${r.status}: ${await r.text()}`);
      const url = URL.createObjectURL(await r.blob());
      const a = h('a', { href: url, download: `${gameId}-messages.csv`, id: 'transcript-download' }, `${gameId}-messages.csv`);
      status.replaceChildren(t('transcript.ready'), a);
      a.click();
    } catch (e) {
      status.textContent = t('transcript.unavailable', { message: e.message });
    }
  } }, t('transcript.button'));
  return h('p', {}, button, ' ', status);
}
