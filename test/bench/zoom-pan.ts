import type { Page } from 'playwright-core';

/**
 * Zoom in, pan, zoom out, pan the front pane, one input per frame; returns the frame deltas (ms).
 * Shared by the renderer benches so both measure the same sequence.
 */
export function zoomPanFrameTimes(page: Page, frames: number): Promise<number[]> {
  return page.evaluate(async (frames) => {
    const pane = document.querySelector('[data-testid="pane-documentFront"]') as HTMLElement;
    const rect = pane.getBoundingClientRect();
    const cx = rect.x + rect.width / 2;
    const cy = rect.y + rect.height / 2;
    const deltas: number[] = [];
    let last = await new Promise<number>((r) => requestAnimationFrame(r));
    pane.dispatchEvent(
      new PointerEvent('pointerdown', {
        pointerId: 1,
        button: 0,
        clientX: cx,
        clientY: cy,
        bubbles: true,
      }),
    );
    for (let i = 0; i < frames; i += 1) {
      const phase = Math.floor(i / 30) % 4;
      if (phase === 0 || phase === 2) {
        pane.dispatchEvent(
          new WheelEvent('wheel', {
            deltaY: phase === 0 ? -40 : 40,
            clientX: cx,
            clientY: cy,
            bubbles: true,
            cancelable: true,
          }),
        );
      } else {
        pane.dispatchEvent(
          new PointerEvent('pointermove', {
            pointerId: 1,
            clientX: cx + Math.sin(i / 5) * 200,
            clientY: cy + Math.cos(i / 7) * 120,
            bubbles: true,
          }),
        );
      }
      const now = await new Promise<number>((r) => requestAnimationFrame(r));
      deltas.push(now - last);
      last = now;
    }
    pane.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1, bubbles: true }));
    return deltas;
  }, frames);
}
