// One WebSocket connection to the server, speaking protocol.proto's JSON mapping in text frames.
// request() resolves with the reply carrying the request's id; pushes go to on(kind, handler).

import { t } from './i18n.js';

const PUSHES = ['view', 'turnResolved', 'press', 'gameEvent', 'error', 'teamDraft'];

/** The body kind of a ServerMessage in JSON (the one key besides requestId). */
export function kindOf(msg) {
  return Object.keys(msg).find((k) => k !== 'requestId') || '';
}

/** Raised when the server answers a request with an Error. */
export class ServerError extends Error {
  constructor(error) {
    super(`${error.code || 'ERROR'}: ${error.message || ''}`);
    this.code = error.code || '';
    this.detail = error.message || '';
  }
}

export class Connection {
  /** @param statusEl an element whose text says whether the page is connected */
  constructor(statusEl) {
    this.statusEl = statusEl;
    this.seq = 0;
    this.pending = new Map();
    this.handlers = new Map();
    this.closedByUs = false;
    this.ready = this.open();
  }

  open() {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
    this.ws = new WebSocket(url);
    this.status(t('conn.connecting'));
    return new Promise((resolve, reject) => {
      this.ws.addEventListener('open', async () => {
        try {
          const welcome = await this.send({ hello: { major: 1, client: 'entente-web/0.1' } });
          this.status(t('conn.connected'));
          // keep a quiet page (a student reading) from the server's idle timeout
          const idle = Number((welcome.welcome.limits || {}).idleTimeoutSeconds || 300);
          this.keepAlive = setInterval(() => this.send({ ping: {} }).catch(() => {}), Math.max(5, idle / 3) * 1000);
          resolve(welcome);
        } catch (e) {
          reject(e);
        }
      });
      this.ws.addEventListener('message', (ev) => this.receive(JSON.parse(ev.data)));
      this.ws.addEventListener('close', () => {
        clearInterval(this.keepAlive);
        // a page that closed its own connection has moved on: the status belongs to the next one
        if (!this.closedByUs) this.status(this.replaced ? t('conn.elsewhere') : t('conn.reconnecting'));
        for (const p of this.pending.values()) p.reject(new Error(t('conn.closed')));
        this.pending.clear();
        if (!this.closedByUs) this.emit('closed', { replaced: !!this.replaced });
      });
      this.ws.addEventListener('error', () => reject(new Error(t('conn.unreachable'))));
    });
  }

  status(text) {
    if (this.statusEl) this.statusEl.textContent = text;
  }

  receive(msg) {
    const kind = kindOf(msg);
    const p = msg.requestId ? this.pending.get(msg.requestId) : null;
    if (p) {
      if (p.stream && kind !== 'error' && kind !== 'ack') {
        p.stream(msg);
        return;
      }
      this.pending.delete(msg.requestId);
      if (kind === 'error') p.reject(new ServerError(msg.error));
      else p.resolve(msg);
      // a view that answers a request is also a fresh view for the page
      if (kind === 'view') this.emit('view', msg.view);
      return;
    }
    if (kind === 'error' && msg.error.code === 'SESSION_REPLACED') this.replaced = true;
    if (PUSHES.includes(kind)) this.emit(kind, msg[kind]);
  }

  emit(kind, body) {
    for (const f of this.handlers.get(kind) || []) f(body);
  }

  /** Calls handler(body) for every push of this kind (view, turnResolved, press, gameEvent, error). */
  on(kind, handler) {
    if (!this.handlers.has(kind)) this.handlers.set(kind, []);
    this.handlers.get(kind).push(handler);
  }

  send(body, stream) {
    const requestId = `w${++this.seq}`;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject, stream });
      this.ws.send(JSON.stringify({ requestId, ...body }));
    });
  }

  /** Sends a request once the session is open; resolves with the reply message. */
  async request(body) {
    await this.ready;
    return this.send(body);
  }

  /** A request answered by many messages then an Ack (replay); each goes to onMessage. */
  async stream(body, onMessage) {
    await this.ready;
    return this.send(body, onMessage);
  }

  close() {
    this.closedByUs = true;
    this.ws.close();
  }
}
