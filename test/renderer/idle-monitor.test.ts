import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleMonitor } from '../../renderer/src/state/idle.ts';

describe('IdleMonitor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function monitor(timeoutMs = 5 * 60_000) {
    const events: string[] = [];
    const m = new IdleMonitor(timeoutMs, 60_000, {
      onWarn: () => events.push('warn'),
      onIdle: () => events.push('idle'),
      onExtend: () => events.push('extend'),
    });
    return { m, events };
  }

  it('warns a minute ahead, then fires', () => {
    const { m, events } = monitor();
    m.start();
    vi.advanceTimersByTime(4 * 60_000 - 1);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['warn']);
    vi.advanceTimersByTime(60_000);
    expect(events).toEqual(['warn', 'idle']);
  });

  it('activity before the warning restarts the count', () => {
    const { m, events } = monitor();
    m.start();
    vi.advanceTimersByTime(3 * 60_000);
    m.activity('movement');
    vi.advanceTimersByTime(3 * 60_000);
    expect(events).toEqual([]);
  });

  it('during the warning only a deliberate action extends', () => {
    const { m, events } = monitor();
    m.start();
    vi.advanceTimersByTime(4 * 60_000);
    expect(m.activity('movement')).toBe(false);
    expect(m.activity('deliberate')).toBe(true);
    expect(events).toEqual(['warn', 'extend']);
    vi.advanceTimersByTime(4 * 60_000 - 1);
    expect(events).toEqual(['warn', 'extend']);
  });

  it('stop cancels everything', () => {
    const { m, events } = monitor();
    m.start();
    m.stop();
    vi.advanceTimersByTime(60 * 60_000);
    expect(events).toEqual([]);
  });
});
