// Korean and English for every seminar page.
//
// API (stable; every page module uses it):
//   t(key, params)    the text of `key` in the language on screen, with `{name}` placeholders replaced
//                     by params.name (format numbers first with dom.js: num, pct, threatPct). A key
//                     missing from the Korean dictionary shows the English text and is reported with
//                     console.warn; a key missing from both shows as the key and is reported with
//                     console.error (the Korean browser test catches both).
//   lang()            'ko' or 'en'.
//   setLang(code)     switches to 'ko' or 'en': remembered in localStorage ('entente:lang'), sets
//                     <html lang>, and calls every onLangChange listener (app.js re-renders the page).
//   onLangChange(f)   f(code) after every switch.
//   has(key)          true when the dictionaries have `key` (for texts that exist only for some
//                     values, e.g. 'strategy.NAME'); asks without logging.
//   local(en, ko)     a text that may come with a Korean version (a scenario's briefing, news, state
//                     name sent by the server): ko in Korean mode when it is not empty, else en.
//   langSwitch()      the visible switch (한국어 / English) as an element; app.js puts one in the header.
//   DICTS             {en, ko}: the dictionaries (js/i18n/en.js, js/i18n/ko.js), key -> text.
//
// The first choice comes from navigator.languages: the first language that is Korean or English
// decides (ko, ko-KR... -> Korean); anything else -> English. To add a text, add its key to both
// dictionaries; keys are grouped by page ('lobby.', 'seat.', 'console.', ...) and 'common.'.
import en from './i18n/en.js';
import ko from './i18n/ko.js';

export const DICTS = { en, ko };
const KEY = 'entente:lang';
const listeners = [];

function initial() {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'ko' || saved === 'en') return saved;
  } catch {
    // storage may be off (private mode): the browser's languages decide
  }
  const nav = typeof navigator === 'undefined' ? {} : navigator;
  const langs = nav.languages && nav.languages.length ? nav.languages : [nav.language || 'en'];
  for (const l of langs) {
    const p = String(l).toLowerCase().split('-')[0];
    if (p === 'ko') return 'ko';
    if (p === 'en') return 'en';
  }
  return 'en';
}

let current = initial();
if (typeof document !== 'undefined') document.documentElement.lang = current;

/** The language on screen: 'ko' or 'en'. */
export function lang() {
  return current;
}

/** Switches the language ('ko' or 'en'), remembers it and tells the listeners. */
export function setLang(code) {
  if (code !== 'ko' && code !== 'en') throw new Error(`unknown language ${code}: use ko or en`);
  current = code;
  try {
    localStorage.setItem(KEY, code);
  } catch {
    // not remembered, but switched
  }
  if (typeof document !== 'undefined') document.documentElement.lang = code;
  for (const f of listeners) f(code);
}

/** Calls f(code) after every switch. */
export function onLangChange(f) {
  listeners.push(f);
}

/** The text of `key` in the language on screen, with {name} placeholders from params. */
export function t(key, params = {}) {
  let text = DICTS[current][key];
  if (text === undefined) {
    text = en[key];
    if (text === undefined) {
      console.error(`i18n: no text for ${key}`);
      return key;
    }
    console.warn(`i18n: no ${current} text for ${key}`);
  }
  return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined || params[name] === null ? m : String(params[name])));
}

/** True when the dictionaries have a text for `key`. */
export function has(key) {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** A server text with an optional Korean version: ko in Korean mode when present, else en. */
export function local(enText, koText) {
  return current === 'ko' && koText ? koText : enText || '';
}

/** The language switch: two buttons, the one on screen pressed. */
export function langSwitch() {
  const box = document.createElement('div');
  box.className = 'lang-switch';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', t('common.language'));
  for (const [code, label] of [['ko', '한국어'], ['en', 'English']]) {
    const b = document.createElement('button');
    b.type = 'button';
    b.lang = code;
    b.dataset.lang = code;
    b.textContent = label;
    b.setAttribute('aria-pressed', String(code === current));
    b.addEventListener('click', () => {
      if (code !== current) setLang(code);
    });
    box.append(b);
  }
  return box;
}
