// The page's links for one game.

/** Absolute links: join a seat, the instructor console, the replay, the debrief. */
export function links(gameId, token) {
  const base = `${location.origin}${location.pathname}`;
  return {
    join: (state) => `${base}#/join/${encodeURIComponent(gameId)}/${encodeURIComponent(state)}`,
    instructor: `${base}#/instructor/${token}`,
    replay: `${base}#/replay/${token}`,
    debrief: `${base}#/debrief/${encodeURIComponent(gameId)}/${token}`,
  };
}
