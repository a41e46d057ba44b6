import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceFromHeader, traceparentOf } from './trace.ts';

describe('W3C traceparent', () => {
  it('continues a valid incoming trace with a new span', () => {
    const t = traceFromHeader('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    expect(t.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(t.parentSpanId).toBe('00f067aa0ba902b7');
    expect(t.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(t.spanId).not.toBe('00f067aa0ba902b7');
    expect(traceparentOf(t)).toBe(`00-4bf92f3577b34da6a3ce929d0e0e4736-${t.spanId}-01`);
  });

  it('starts a new trace for anything that is not a valid traceparent', () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        const t = traceFromHeader(header);
        expect(t.traceId).toMatch(/^[0-9a-f]{32}$/);
        expect(t.spanId).toMatch(/^[0-9a-f]{16}$/);
      }),
    );
    expect(traceFromHeader('00-00000000000000000000000000000000-00f067aa0ba902b7-01').parentSpanId).toBeNull();
    expect(traceFromHeader(undefined).parentSpanId).toBeNull();
  });
});
