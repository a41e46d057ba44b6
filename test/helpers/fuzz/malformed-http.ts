import type { RawRequest } from './raw-http.ts';

// Requests that are broken below the level of any operation: Node's HTTP parser or Fastify's router refuses them
// before a route (and its schemas) is involved. Every one must still be answered with a Dutch problem+json.

export function malformedHttpRequests(target: string, cookie: string | null): Array<{ name: string; req: RawRequest }> {
  const h = (...extra: Array<[string, string]>): Array<[string, string]> => [['accept', 'application/json'], ...(cookie ? [['cookie', cookie] as [string, string]] : []), ...extra];
  const base = target.split('?')[0]!;
  return [
    { name: 'control character in a header value', req: { method: 'GET', target, headers: h(['x-test', 'a\u0001b']) } },
    { name: 'NUL in a header value', req: { method: 'GET', target, headers: h(['traceparent', '00-\u0000']) } },
    { name: 'header without a colon', req: { method: 'GET', target, headers: h(['x-a', '1\r\nbroken-header-without-colon']) } },
    { name: 'space in a header name', req: { method: 'GET', target, headers: h(['x bad', '1']) } },
    { name: 'obsolete line folding', req: { method: 'GET', target, headers: h(['x-fold', 'a\r\n b']) } },
    { name: 'headers larger than 16 KB', req: { method: 'GET', target, headers: h(['x-big', 'x'.repeat(70_000)]) } },
    { name: 'cookie larger than 16 KB', req: { method: 'GET', target, headers: [['accept', 'application/json'], ['cookie', `samenplan_session=${'x'.repeat(70_000)}`]] } },
    { name: 'two different Content-Lengths', req: { method: 'POST', target: base, headers: h(['content-type', 'application/json'], ['content-length', '2'], ['content-length', '3']), body: '{}', noContentLength: true } },
    { name: 'Content-Length not a number', req: { method: 'POST', target: base, headers: h(['content-type', 'application/json'], ['content-length', 'abc']), body: '{}', noContentLength: true } },
    { name: 'Content-Length negative', req: { method: 'POST', target: base, headers: h(['content-type', 'application/json'], ['content-length', '-1']), body: '{}', noContentLength: true } },
    // (A Content-Length larger than the body is not here: the server rightly waits for the rest, then 408.)
    { name: 'Content-Length huge', req: { method: 'POST', target: base, headers: h(['content-type', 'application/json'], ['content-length', '99999999999']), body: '{}', noContentLength: true } },
    { name: 'broken chunked encoding', req: { method: 'POST', target: base, headers: h(['content-type', 'application/json'], ['transfer-encoding', 'chunked']), body: 'zz\r\n{}\r\n0\r\n\r\n', noContentLength: true } },
    { name: 'chunked and Content-Length', req: { method: 'POST', target: base, headers: h(['content-type', 'application/json'], ['transfer-encoding', 'chunked'], ['content-length', '2']), body: '2\r\n{}\r\n0\r\n\r\n', noContentLength: true } },
    { name: 'unknown transfer encoding', req: { method: 'POST', target: base, headers: h(['content-type', 'application/json'], ['transfer-encoding', 'gzip, chunked']), body: '2\r\n{}\r\n0\r\n\r\n', noContentLength: true } },
    { name: 'gzip body that is not gzip', req: { method: 'POST', target: base, headers: h(['content-type', 'application/json'], ['content-encoding', 'gzip']), body: '{}' } },
    { name: 'invalid percent-encoding in the path', req: { method: 'GET', target: `${base}/%E0%A4%A`, headers: h() } },
    { name: 'lone percent sign in the path', req: { method: 'GET', target: `${base}%`, headers: h() } },
    { name: 'overlong UTF-8 in the path', req: { method: 'GET', target: `${base}/%C0%AF`, headers: h() } },
    { name: 'encoded NUL in the path', req: { method: 'GET', target: `${base}/%00`, headers: h() } },
    { name: 'path segment of 5000 characters', req: { method: 'GET', target: `${base}/${'a'.repeat(5000)}`, headers: h() } },
    { name: 'URL of 100 KB', req: { method: 'GET', target: `${base}?q=${'a'.repeat(100_000)}`, headers: h() } },
    { name: 'invalid percent-encoding in the query', req: { method: 'GET', target: `${base}?q=%E0%A4%A&limit=%`, headers: h() } },
    { name: 'raw non-ASCII in the target', req: { method: 'GET', target: `${base}?q=é`, headers: h() } },
    { name: 'absolute-form target', req: { method: 'GET', target: `http://evil.example${target}`, headers: h() } },
    { name: 'asterisk target', req: { method: 'OPTIONS', target: '*', headers: h() } },
    { name: 'unknown method', req: { method: 'BREW', target, headers: h() } },
    { name: 'TRACE', req: { method: 'TRACE', target, headers: h() } },
    { name: 'lower-case method', req: { method: 'get', target, headers: h() } },
    { name: 'two Host headers', req: { method: 'GET', target, headers: h(['host', 'evil.example']) } },
  ];
}
