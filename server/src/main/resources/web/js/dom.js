// Small DOM helpers. Text from the server is always set as text, never parsed as HTML.

/**
 * Creates an element: h('p', {class: 'x', onclick: f}, 'text', child, [more children]).
 * Attributes whose value is false, null or undefined are left out.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, with attributes and children as for h(). */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' && 'value' in el) el.value = v;
    else if (k === 'checked' || k === 'selected' || k === 'disabled') el[k] = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the children of el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// One rule for every number the pages show: quantities (points, power, cohesion, intent) with a
// fixed number of decimals; shares (efforts, coverage, offense, rates) as percents; threats as
// percents with two decimals. Never an exponent, never a long tail of digits.

/** A quantity with at most `digits` decimals (never in exponent notation). */
export function num(x, digits = 2) {
  const v = Number(x || 0);
  return v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** A share in [0,1] as a percent: one decimal below 10%, whole percents above; "<0.1%" for a tiny share. */
export function pct(x) {
  const v = Number(x || 0) * 100;
  if (v === 0) return '0%';
  if (Math.abs(v) < 0.05) return v > 0 ? '<0.1%' : '>-0.1%';
  return `${Math.abs(v) < 10 ? v.toFixed(1) : v.toFixed(0)}%`;
}

/** A threat (power × proximity × offense × intent, in [0,1]) as a percent with two decimals. */
export function threatPct(x) {
  const v = Number(x || 0) * 100;
  if (v === 0) return '0%';
  if (v < 0.005) return '<0.01%';
  return `${v.toFixed(2)}%`;
}

/** A labelled form field: label above the control, an optional hint tied by aria-describedby. */
export function field(id, label, control, hint) {
  control.id = id;
  const parts = [h('label', { for: id }, label), control];
  if (hint) {
    const hintEl = h('p', { class: 'hint', id: `${id}-hint` }, hint);
    control.setAttribute('aria-describedby', `${id}-hint`);
    parts.push(hintEl);
  }
  return h('div', { class: 'field' }, parts);
}

/** A <select> with options [{value, label}] or plain strings. */
export function select(options, value, attrs = {}) {
  return h('select', attrs, options.map((o) => {
    const opt = typeof o === 'string' ? { value: o, label: o } : o;
    return h('option', { value: opt.value, selected: opt.value === value }, opt.label);
  }));
}

/** Shows a message in a status or alert region. */
export function say(el, text, kind = 'info') {
  el.className = `notice ${kind}`;
  el.textContent = text;
}

/** A section with a heading (level 2) and an id for skip links. */
export function section(id, title, ...children) {
  return h('section', { id, 'aria-labelledby': `${id}-h`, class: 'card' },
    h('h2', { id: `${id}-h` }, title), children);
}
