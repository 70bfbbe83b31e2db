// The games this browser created or opened as instructor, kept in localStorage (game id, name and
// instructor token), and the server's instructor key if the instructor typed it in.
const GAMES = 'entente.games';
const KEY = 'entente.instructorKey';

function read() {
  try {
    const list = JSON.parse(localStorage.getItem(GAMES) || '[]');
    return Array.isArray(list) ? list.filter((g) => g && g.gameId && g.token) : [];
  } catch (e) {
    return [];
  }
}

function write(list) {
  try {
    localStorage.setItem(GAMES, JSON.stringify(list));
  } catch (e) {
    // a browser that keeps nothing (private mode, full storage): the dashboard then lists only
    // what the instructor key shows
  }
}

/** Every game this browser keeps, newest first. */
export function myGames() {
  return read().sort((a, b) => Number(b.savedAt || 0) - Number(a.savedAt || 0));
}

/** Remembers (or refreshes) a game this browser is the instructor of. */
export function rememberGame(gameId, token, name) {
  const list = read();
  const old = list.find((g) => g.gameId === gameId);
  if (old) {
    old.token = token;
    if (name) old.name = name;
  } else {
    list.push({ gameId, token, name: name || '', savedAt: Date.now(), archived: false });
  }
  write(list);
}

/** Hides a game from the dashboard (or shows it again); the game itself is untouched. */
export function archiveGame(gameId, archived) {
  const list = read();
  const g = list.find((x) => x.gameId === gameId);
  if (g) {
    g.archived = archived;
    write(list);
  }
}

export function instructorKey() {
  try {
    return localStorage.getItem(KEY) || '';
  } catch (e) {
    return '';
  }
}

export function setInstructorKey(key) {
  try {
    if (key) localStorage.setItem(KEY, key);
    else localStorage.removeItem(KEY);
  } catch (e) {
    // see write()
  }
}
