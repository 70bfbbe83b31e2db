// A minimal WebSocket client (RFC 6455) over Node's `net`, enough to speak Entente's JSON protocol:
// text frames out (masked, as a client must), text frames in (also fragmented ones), pings
// answered, close frames reported. No dependency beyond Node 18's standard library.
import net from 'node:net';
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** Opens ws://host:port/path; resolves to an EntenteSocket once the server has switched protocols. */
export function connect(url) {
  const u = new URL(url);
  if (u.protocol !== 'ws:') throw new Error(`only ws:// URLs are supported, not ${u.protocol}`);
  const host = u.hostname;
  const port = Number(u.port || 80);
  const path = (u.pathname || '/') + (u.search || '');
  const key = crypto.randomBytes(16).toString('base64');
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port });
    let head = Buffer.alloc(0);
    const onData = (chunk) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      sock.off('data', onData);
      sock.off('error', reject);
      const lines = head.subarray(0, end).toString('latin1').split('\r\n');
      const status = lines[0];
      const headers = {};
      for (const l of lines.slice(1)) {
        const i = l.indexOf(':');
        if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      const accept = crypto.createHash('sha1').update(key + GUID).digest('base64');
      if (!/^HTTP\/1\.1 101/.test(status) || headers['sec-websocket-accept'] !== accept) {
        sock.destroy();
        reject(new Error(`the server refused the WebSocket upgrade: ${status}`));
        return;
      }
      resolve(new EntenteSocket(sock, head.subarray(end + 4)));
    };
    sock.on('data', onData);
    sock.on('error', reject);
    sock.on('connect', () => {
      sock.write(
        `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
  });
}

/**
 * An open WebSocket. Events: 'text' (string), 'close' ({code, reason}; a socket error closes
 * with 1006 and the error's message).
 */
export class EntenteSocket extends EventEmitter {
  constructor(sock, rest) {
    super();
    this.sock = sock;
    this.buf = Buffer.alloc(0);
    this.parts = [];
    this.closed = false;
    sock.on('data', (d) => this.#feed(d));
    sock.on('error', (e) => this.#closed(1006, e.message));
    sock.on('close', () => this.#closed(1006, 'the connection dropped'));
    if (rest.length) setImmediate(() => this.#feed(rest));
  }

  /** Sends one text frame. */
  sendText(text) {
    this.#frame(0x1, Buffer.from(text, 'utf8'));
  }

  /** Sends a close frame and ends the connection. */
  close(code = 1000) {
    if (this.closed) return;
    const b = Buffer.alloc(2);
    b.writeUInt16BE(code);
    this.#frame(0x8, b);
    this.sock.end();
  }

  #frame(opcode, payload) {
    if (this.sock.destroyed || this.sock.writableEnded) return;
    const mask = crypto.randomBytes(4);
    let header;
    if (payload.length < 126) {
      header = Buffer.from([0x80 | opcode, 0x80 | payload.length]);
    } else if (payload.length < 65536) {
      header = Buffer.alloc(4);
      header[0] = 0x80 | opcode;
      header[1] = 0x80 | 126;
      header.writeUInt16BE(payload.length, 2);
    } else {
      header = Buffer.alloc(10);
      header[0] = 0x80 | opcode;
      header[1] = 0x80 | 127;
      header.writeBigUInt64BE(BigInt(payload.length), 2);
    }
    const masked = Buffer.alloc(payload.length);
    for (let i = 0; i < payload.length; i++) masked[i] = payload[i] ^ mask[i & 3];
    this.sock.write(Buffer.concat([header, mask, masked]));
  }

  #feed(data) {
    this.buf = Buffer.concat([this.buf, data]);
    for (;;) {
      if (this.buf.length < 2) return;
      const fin = (this.buf[0] & 0x80) !== 0;
      const opcode = this.buf[0] & 0x0f;
      const masked = (this.buf[1] & 0x80) !== 0;
      let len = this.buf[1] & 0x7f;
      let off = 2;
      if (len === 126) {
        if (this.buf.length < 4) return;
        len = this.buf.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        if (this.buf.length < 10) return;
        len = Number(this.buf.readBigUInt64BE(2));
        off = 10;
      }
      const maskKey = masked ? this.buf.subarray(off, off + 4) : null;
      if (masked) off += 4;
      if (this.buf.length < off + len) return;
      let payload = Buffer.from(this.buf.subarray(off, off + len));
      this.buf = this.buf.subarray(off + len);
      if (maskKey) for (let i = 0; i < payload.length; i++) payload[i] ^= maskKey[i & 3];
      if (opcode === 0x9) {
        this.#frame(0xa, payload);
      } else if (opcode === 0x8) {
        const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
        const reason = payload.length > 2 ? payload.subarray(2).toString('utf8') : '';
        this.#frame(0x8, payload.subarray(0, 2));
        this.sock.end();
        this.#closed(code, reason);
      } else if (opcode === 0x1 || opcode === 0x2 || opcode === 0x0) {
        this.parts.push(payload);
        if (fin) {
          const whole = Buffer.concat(this.parts);
          this.parts = [];
          this.emit('text', whole.toString('utf8'));
        }
      }
    }
  }

  #closed(code, reason) {
    if (this.closed) return;
    this.closed = true;
    this.emit('close', { code, reason });
  }
}

/**
 * Entente's JSON envelope on top of a socket: request() sends a ClientMessage with a fresh
 * requestId and resolves to the ServerMessage answering it; every message without a pending
 * request id (the pushes) goes to onPush.
 */
export class EntenteJson {
  constructor(socket, onPush = () => {}) {
    this.socket = socket;
    this.onPush = onPush;
    this.pending = new Map();
    this.next = 0;
    this.closeInfo = null;
    socket.on('text', (t) => {
      let m;
      try {
        m = JSON.parse(t);
      } catch (e) {
        this.onPush({ _unparsable: t });
        return;
      }
      const id = m.requestId ?? '';
      const waiting = id && this.pending.get(id);
      if (waiting) {
        this.pending.delete(id);
        waiting(m);
      } else {
        this.onPush(m);
      }
    });
    socket.on('close', (info) => {
      this.closeInfo = info;
      for (const resolve of this.pending.values()) resolve({ _closed: info });
      this.pending.clear();
      this.onPush({ _closed: info });
    });
  }

  /** Sends `body` (e.g. {hello: {major: 1}}) and resolves to the reply with the same requestId. */
  request(body, timeoutMs = 15000) {
    const requestId = `js${++this.next}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new Error(`no answer to ${requestId} (${Object.keys(body)[0]}) in ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(requestId, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      this.socket.sendText(JSON.stringify({ requestId, ...body }));
    });
  }

  /** Sends raw text (for tests of malformed input); the reply is matched by `requestId`. */
  requestRaw(text, requestId, timeoutMs = 15000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new Error(`no answer to ${requestId} in ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(requestId, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      this.socket.sendText(text);
    });
  }

  close() {
    this.socket.close();
  }
}
