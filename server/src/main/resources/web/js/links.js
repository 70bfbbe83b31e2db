// The page's links for one game.

/**
 * Links for moving between this browser's own pages (back to the console, a branch's console).
 * The links handed to students come from the server instead (GameLinks), built from the address
 * students use.
 */
export function links(gameId, token) {
  const base = `${location.origin}${location.pathname}`;
  return {
    instructor: `${base}#/instructor/${token}`,
    replay: `${base}#/replay/${token}`,
    debrief: `${base}#/debrief/${encodeURIComponent(gameId)}/${token}`,
  };
}

/** A server-built link made absolute: one starting with "/" is relative to this server. */
export function abs(url) {
  return url && url.startsWith('/') ? `${location.origin}${url}` : url;
}

/** A fresh random key (128 bits, hex), e.g. one per "create the game". */
export function randomKey() {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
