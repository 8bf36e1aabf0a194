import { createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../renderer/src/i18n/index.tsx';
import { setup } from './setup.tsx';

async function viewer(lang: 'en' | 'es' = 'en', persona: 'full' | 'passport' = 'full') {
  const view = setup({ settings: { language: lang }, persona });
  await view.user.click(await screen.findByTestId('sign-in'));
  await screen.findByTestId('session-panel');
  return view;
}

const paneImage = (slot: string) =>
  screen.getByTestId(`pane-${slot}`).querySelector('img.pane__image') as HTMLImageElement;

describe.each(['en', 'es'] as const)('viewer (%s)', (lang) => {
  const t = DICTIONARIES[lang];

  it('zoom buttons, readout and screen-reader announcement', async () => {
    const { user } = await viewer(lang);
    const toolbar = screen.getByRole('toolbar', { name: t.viewer.toolbar });
    const readout = () => toolbar.querySelector('output');
    expect(readout()?.textContent).toBe(t.viewer.zoomValue(100));
    await user.click(within(toolbar).getByRole('button', { name: t.viewer.zoomIn }));
    await waitFor(() => expect(readout()?.textContent).toBe(t.viewer.zoomValue(125)));
    await waitFor(() =>
      expect(screen.getByTestId('viewer-announcer').textContent).toContain(
        t.viewer.zoomAnnounce(125),
      ),
    );
    await waitFor(() =>
      expect(paneImage('documentFront').style.transform).toContain('scale(1.25)'),
    );
    await user.click(within(toolbar).getByRole('button', { name: t.viewer.fitLong }));
    await waitFor(() => expect(readout()?.textContent).toBe(t.viewer.zoomValue(100)));
  });

  it('rotation is display-only and announced', async () => {
    const { user } = await viewer(lang);
    await user.click(screen.getByRole('button', { name: t.viewer.rotateRight }));
    await waitFor(() =>
      expect(paneImage('documentFront').style.transform).toContain('rotate(90deg)'),
    );
    await waitFor(() =>
      expect(screen.getByTestId('viewer-announcer').textContent).toContain(
        t.viewer.rotationAnnounce(90),
      ),
    );
    await user.click(screen.getByRole('button', { name: t.viewer.rotateLeft }));
    await waitFor(() =>
      expect(paneImage('documentFront').style.transform).toContain('rotate(0deg)'),
    );
  });

  it('compare: selfie beside the document front, with linked zoom and rotation', async () => {
    const { user } = await viewer(lang);
    await user.click(
      screen.getByRole('button', {
        name: new RegExp(t.viewer.compareFaceFront.replace('+', '\\+')),
      }),
    );
    const front = await screen.findByTestId('pane-documentFront');
    const face = screen.getByTestId('pane-face');
    expect(
      within(front.parentElement as HTMLElement).getByText(t.slots.documentFront),
    ).toBeTruthy();
    expect(within(face.parentElement as HTMLElement).getByText(t.slots.face)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: t.viewer.zoomIn }));
    await user.click(screen.getByRole('button', { name: t.viewer.rotateRight }));
    await waitFor(() =>
      expect(paneImage('face').style.transform).toContain('rotate(90deg) scale(1.25)'),
    );
    expect(paneImage('documentFront').style.transform).toBe(paneImage('face').style.transform);
  });
});

describe('viewer tools', () => {
  it('single keys: + − 0 1 r R l i x ] c', async () => {
    const { user } = await viewer();
    await user.keyboard('+');
    await waitFor(() =>
      expect(paneImage('documentFront').style.transform).toContain('scale(1.25)'),
    );
    await user.keyboard('-');
    await waitFor(() => expect(paneImage('documentFront').style.transform).toContain('scale(1)'));
    await user.keyboard('r');
    await waitFor(() =>
      expect(paneImage('documentFront').style.transform).toContain('rotate(90deg)'),
    );
    await user.keyboard('{Shift>}R{/Shift}');
    await waitFor(() =>
      expect(paneImage('documentFront').style.transform).toContain('rotate(0deg)'),
    );
    await user.keyboard('i');
    await waitFor(() => expect(paneImage('documentFront').style.filter).toBe('invert(1)'));
    await user.keyboard('x');
    await waitFor(() => expect(paneImage('documentFront').style.filter).toBe(''));
    await user.keyboard('l');
    await waitFor(() =>
      expect(
        screen
          .getByRole('button', { name: 'Loupe, 3× magnification' })
          .getAttribute('aria-pressed'),
      ).toBe('true'),
    );
    await user.keyboard(']');
    expect(await screen.findByTestId('pane-documentBack')).toBeTruthy();
    await user.keyboard('c');
    expect(await screen.findByTestId('pane-face')).toBeTruthy();
    expect(screen.getByTestId('pane-documentFront')).toBeTruthy();
  });

  it('Ctrl+= zooms the image, and the browser default (window zoom) is prevented', async () => {
    await viewer();
    const event = createEvent.keyDown(window, { key: '=', ctrlKey: true });
    fireEvent(window, event);
    expect(event.defaultPrevented).toBe(true);
    await waitFor(() =>
      expect(paneImage('documentFront').style.transform).toContain('scale(1.25)'),
    );
    const zero = createEvent.keyDown(window, { key: '0', ctrlKey: true });
    fireEvent(window, zero);
    expect(zero.defaultPrevented).toBe(true);
    await waitFor(() => expect(paneImage('documentFront').style.transform).toContain('scale(1)'));
  });

  it('arrow keys pan the focused image; the wheel zooms without scrolling the page', async () => {
    const { user } = await viewer();
    const pane = screen.getByTestId('pane-documentFront');
    pane.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
    await waitFor(() =>
      expect(paneImage('documentFront').style.transform).toMatch(
        /^translate3d\(-96px, -48px, 0(px)?\)/,
      ),
    );
    const wheel = createEvent.wheel(pane, { deltaY: -120, clientX: 0, clientY: 0 });
    fireEvent(pane, wheel);
    expect(wheel.defaultPrevented).toBe(true);
    await waitFor(() =>
      expect(paneImage('documentFront').style.transform).not.toContain('scale(1)'),
    );
  });

  it('brightness, contrast and invert are CSS filters on the displayed image only', async () => {
    const { user } = await viewer();
    const brightness = screen.getByRole('slider', { name: 'Brightness' });
    fireEvent.change(brightness, { target: { value: '150' } });
    await waitFor(() => expect(brightness.getAttribute('aria-valuetext')).toBe('150 %'));
    const contrast = screen.getByRole('slider', { name: 'Contrast' });
    fireEvent.change(contrast, { target: { value: '80' } });
    await user.click(screen.getByRole('button', { name: 'Invert' }));
    await waitFor(() =>
      expect(paneImage('documentFront').style.filter).toBe(
        'brightness(1.5) contrast(0.8) invert(1)',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Reset adjustments' }));
    await waitFor(() => expect(paneImage('documentFront').style.filter).toBe(''));
  });

  it('the loupe is its own magnified image layer that follows the pointer', async () => {
    const { user, urls } = await viewer();
    const liveBefore = urls.live().length;
    await user.click(screen.getByRole('button', { name: 'Loupe, 3× magnification' }));
    const pane = screen.getByTestId('pane-documentFront');
    await waitFor(() => expect(pane.querySelector('img.loupe__image')).not.toBeNull());
    const lensImage = pane.querySelector('img.loupe__image') as HTMLImageElement;
    expect(lensImage.getAttribute('draggable')).toBe('false');
    expect(urls.live().length).toBe(liveBefore + 1);
    fireEvent.pointerMove(pane, { clientX: 30, clientY: 20 });
    const lens = pane.querySelector('.loupe') as HTMLElement;
    await waitFor(() => expect(lens.hidden).toBe(false));
    expect(lens.style.transform).toMatch(/^translate3d\(30px, 20px, 0(px)?\)$/);
    expect(lensImage.style.transform).toContain('scale(3)');
    await user.click(screen.getByRole('button', { name: 'Loupe, 3× magnification' }));
    await waitFor(() => expect(pane.querySelector('img.loupe__image')).toBeNull());
    expect(urls.live().length).toBe(liveBefore);
  });

  it('a card opens its image; passport compare offers only the selfie + front pairs', async () => {
    const { user } = await viewer('en', 'passport');
    await user.click(screen.getByRole('button', { name: 'Show Selfie in the viewer' }));
    expect(await screen.findByTestId('pane-face')).toBeTruthy();
    expect(screen.queryByTestId('pane-documentFront')).toBeNull();
    await user.keyboard('c');
    expect(await screen.findByTestId('pane-documentFront')).toBeTruthy();
    expect(screen.getByTestId('viewer').dataset['mode']).toBe('faceFront');
    await user.keyboard('c');
    expect(screen.getByTestId('viewer').dataset['mode']).toBe('portrait');
    expect(screen.getByRole('button', { name: 'Front + back' })).toHaveProperty('disabled', true);
    await user.keyboard('c');
    await waitFor(() => expect(screen.queryByTestId('pane-documentFront')).toBeNull());
  });
});
