import { useCallback, useEffect, useRef, useState } from 'react';
import { IdleMonitor } from './idle.ts';

/** The warning shows this long before an idle wipe (or half the timeout, if shorter). */
export const IDLE_WARNING_MS = 60_000;

/**
 * While `enabled` (documents are held), wipes after `minutes` without a key press, click, wheel
 * or pointer movement. Returns the warning's deadline while it shows, and the extend action.
 * A key press during the warning only extends: it is swallowed, so it cannot also trigger a
 * shortcut.
 */
export function useIdleWipe(
  enabled: boolean,
  minutes: number,
  onIdle: () => void,
): { deadline: number | null; extend: () => void } {
  const [deadline, setDeadline] = useState<number | null>(null);
  const monitorRef = useRef<IdleMonitor | null>(null);
  const idleRef = useRef(onIdle);

  useEffect(() => {
    idleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled) return;
    const monitor = new IdleMonitor(minutes * 60_000, IDLE_WARNING_MS, {
      onWarn: (at) => setDeadline(at),
      onExtend: () => setDeadline(null),
      onIdle: () => {
        setDeadline(null);
        idleRef.current();
      },
    });
    monitorRef.current = monitor;
    const deliberate = (event: Event) => {
      if (monitor.activity('deliberate') && event.type === 'keydown') {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    const movement = () => monitor.activity('movement');
    const options = { capture: true, passive: false } as const;
    window.addEventListener('keydown', deliberate, options);
    window.addEventListener('pointerdown', deliberate, options);
    window.addEventListener('wheel', deliberate, { capture: true, passive: true });
    window.addEventListener('pointermove', movement, { capture: true, passive: true });
    monitor.start();
    return () => {
      monitor.stop();
      monitorRef.current = null;
      setDeadline(null);
      window.removeEventListener('keydown', deliberate, options);
      window.removeEventListener('pointerdown', deliberate, options);
      window.removeEventListener('wheel', deliberate, { capture: true });
      window.removeEventListener('pointermove', movement, { capture: true });
    };
  }, [enabled, minutes]);

  const extend = useCallback(() => {
    monitorRef.current?.activity('deliberate');
  }, []);

  return { deadline, extend };
}
