import { createEvent, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installGuards } from '../../renderer/src/guards.ts';
import { setup } from './setup.tsx';

describe('nothing leaves through the UI', () => {
  let remove: () => void = () => undefined;
  beforeEach(() => {
    remove = installGuards(window);
  });
  afterEach(() => remove());

  async function loaded() {
    const view = setup();
    await view.user.click(await screen.findByTestId('sign-in'));
    await screen.findByTestId('session-panel');
    return view;
  }

  it('images cannot be dragged out: not draggable, dragstart cancelled', async () => {
    await loaded();
    const images = [...document.querySelectorAll('img')];
    expect(images.length).toBeGreaterThan(0);
    for (const img of images) {
      expect(img.getAttribute('draggable')).toBe('false');
      const drag = createEvent.dragStart(img);
      fireEvent(img, drag);
      expect(drag.defaultPrevented).toBe(true);
    }
    const pane = screen.getByTestId('pane-documentFront');
    const fromPane = createEvent.dragStart(pane);
    fireEvent(pane, fromPane);
    expect(fromPane.defaultPrevented).toBe(true);
  });

  it('no context menu (save / copy image) on images or the viewer', async () => {
    await loaded();
    for (const target of [
      ...document.querySelectorAll('img'),
      screen.getByTestId('pane-documentFront'),
    ]) {
      const menu = createEvent.contextMenu(target);
      fireEvent(target, menu);
      expect(menu.defaultPrevented).toBe(true);
    }
  });

  it('Ctrl + / − / 0 and Ctrl+P / Ctrl+S are caught so the window neither zooms, prints nor saves', async () => {
    await loaded();
    for (const key of ['=', '+', '-', '0', 'p', 's']) {
      const event = createEvent.keyDown(document.body, { key, ctrlKey: true });
      fireEvent(document.body, event);
      expect(event.defaultPrevented, key).toBe(true);
    }
    const meta = createEvent.keyDown(document.body, { key: '=', metaKey: true });
    fireEvent(document.body, meta);
    expect(meta.defaultPrevented).toBe(true);
  });

  it('Ctrl + wheel (and trackpad pinch) never zooms the window', async () => {
    await loaded();
    const wheel = createEvent.wheel(screen.getByTestId('session-panel'), {
      ctrlKey: true,
      deltaY: -50,
    });
    fireEvent(screen.getByTestId('session-panel'), wheel);
    expect(wheel.defaultPrevented).toBe(true);
  });

  it('dropping a file on the window does nothing', () => {
    const drop = createEvent.drop(document.body);
    fireEvent(document.body, drop);
    expect(drop.defaultPrevented).toBe(true);
  });

  it('text fields keep their own context menu (paste a client id)', () => {
    const input = document.createElement('input');
    document.body.append(input);
    const menu = createEvent.contextMenu(input);
    fireEvent(input, menu);
    expect(menu.defaultPrevented).toBe(false);
    input.remove();
  });
});
