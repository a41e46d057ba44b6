import net from 'node:net';

// A deliberately dumb HTTP/1.1 client over a raw socket: the fuzzer must be able to send what fetch and node:http
// refuse to send (invalid percent-encoding, control characters in headers, a Content-Length that lies, garbage
// cookies). One connection per request (Connection: close), the response read until the server closes.

export interface RawRequest {
  method: string;
  /** The request target exactly as it goes on the wire: path and query, not normalised. */
  target: string;
  headers: Array<[string, string]>;
  body?: string | Buffer;
  /** Send no Content-Length for the body (e.g. when a header in `headers` already lies about it). */
  noContentLength?: boolean;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  setCookies: string[];
  body: string;
}

export function sendRaw(baseUrl: string, req: RawRequest, timeoutMs = 60_000): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port) });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const all = Buffer.concat(chunks);
      if (all.length === 0) {
        reject(err ?? new Error('connection closed without a response'));
        return;
      }
      try {
        resolve(parseResponse(all));
      } catch (parseErr) {
        reject(parseErr as Error);
      }
    };
    const timer = setTimeout(() => finish(new Error(`no response within ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    // A reset after the response (the server closed while we were still sending an oversized body) is not an error.
    socket.on('error', (err) => finish(err));
    socket.on('connect', () => {
      const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
      let head = `${req.method} ${req.target} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n`;
      for (const [k, v] of req.headers) head += `${k}: ${v}\r\n`;
      if (body && !req.noContentLength) head += `Content-Length: ${body.length}\r\n`;
      head += '\r\n';
      socket.write(Buffer.from(head, 'utf8'));
      if (body) socket.write(body);
    });
  });
}

function parseResponse(all: Buffer): RawResponse {
  const sep = all.indexOf('\r\n\r\n');
  if (sep < 0) throw new Error(`incomplete response: ${all.toString('latin1').slice(0, 200)}`);
  const head = all.subarray(0, sep).toString('latin1').split('\r\n');
  const statusLine = head.shift() ?? '';
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (!m) throw new Error(`not an HTTP response: ${statusLine.slice(0, 100)}`);
  const headers: Record<string, string> = {};
  const setCookies: string[] = [];
  for (const line of head) {
    const i = line.indexOf(':');
    if (i < 0) continue;
    const k = line.slice(0, i).trim().toLowerCase();
    const v = line.slice(i + 1).trim();
    if (k === 'set-cookie') setCookies.push(v);
    headers[k] = headers[k] === undefined ? v : `${headers[k]}, ${v}`;
  }
  let body = all.subarray(sep + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  else if (headers['content-length'] !== undefined) body = body.subarray(0, Number(headers['content-length']));
  return { status: Number(m[1]), headers, setCookies, body: body.toString('utf8') };
}

function dechunk(buf: Buffer): Buffer {
  const out: Buffer[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const eol = buf.indexOf('\r\n', pos);
    if (eol < 0) break;
    const size = parseInt(buf.subarray(pos, eol).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    out.push(buf.subarray(eol + 2, eol + 2 + size));
    pos = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}
