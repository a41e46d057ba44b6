import { randomBytes } from 'node:crypto';

/** W3C Trace Context for a request: the incoming traceparent is continued, otherwise a new trace starts. */
export interface TraceContext {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  flags: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export function newSpanId(): string {
  return randomBytes(8).toString('hex');
}

export function traceFromHeader(header: string | undefined): TraceContext {
  const m = header ? TRACEPARENT.exec(header.trim().toLowerCase()) : null;
  if (m && m[1] !== 'ff' && !/^0+$/.test(m[2]!) && !/^0+$/.test(m[3]!)) {
    return { traceId: m[2]!, parentSpanId: m[3]!, spanId: newSpanId(), flags: m[4]! };
  }
  return { traceId: randomBytes(16).toString('hex'), parentSpanId: null, spanId: newSpanId(), flags: '01' };
}

export function traceparentOf(t: TraceContext): string {
  return `00-${t.traceId}-${t.spanId}-${t.flags}`;
}
