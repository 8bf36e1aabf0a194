import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  VIEWER_PARTITION,
  hardenedWebPreferences,
} from '../../../../core/security.ts';
import {
  FakeEvent,
  FakeSession,
  FakeWebContents,
  resetElectron,
  type ElectronFake,
} from '../electron-fake.ts';

vi.mock('electron', async () => (await import('../electron-fake.ts')).electronModule);

const { createMainWindow, guardSession, guardWebContents } =
  await import('../../../../electron/main/window.ts');

let fake: ElectronFake;
beforeEach(() => {
  fake = resetElectron();
});

describe('the window as created', () => {
  it('gets the hardened webPreferences: sandboxed, isolated, no Node, in-memory partition', () => {
    createMainWindow({
      preloadPath: '/app/preload.cjs',
      devTools: false,
      contentProtection: false,
    });
    const [win] = fake.windows;
    const prefs = win!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toEqual(
      hardenedWebPreferences({ preloadPath: '/app/preload.cjs', devTools: false }),
    );
    // The ones that make the renderer untrusted-safe, spelled out.
    expect([prefs['sandbox'], prefs['contextIsolation'], prefs['nodeIntegration']]).toEqual([
      true,
      true,
      false,
    ]);
    expect(prefs['partition']).toBe(VIEWER_PARTITION);
    expect(VIEWER_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('loads the bundle from app://, shows only when ready, and pinch never zooms the page', () => {
    createMainWindow({ preloadPath: '/p.cjs', devTools: true, contentProtection: false });
    const [win] = fake.windows;
    expect(win!.loadedUrl).toBe(APP_ENTRY_URL);
    expect(win!.options['show']).toBe(false);
    expect(win!.shown).toBe(false);
    win!.emit('ready-to-show');
    expect(win!.shown).toBe(true);
    expect(win!.webContents.visualZoomLimits).toEqual([1, 1]);
  });

  it('zooms the page with Ctrl+Shift +/−/0, and leaves Ctrl +/− to the viewer', () => {
    createMainWindow({ preloadPath: '/p.cjs', devTools: false, contentProtection: false });
    const contents = fake.windows[0]!.webContents;
    const press = (code: string, mods: { control?: boolean; shift?: boolean; meta?: boolean }) => {
      const event = new FakeEvent();
      const input = {
        type: 'keyDown',
        code,
        alt: false,
        control: false,
        meta: false,
        shift: false,
      };
      contents.emit('before-input-event', event, { ...input, ...mods });
      return event.defaultPrevented;
    };
    const mac = process.platform === 'darwin';
    const mod = mac ? { meta: true } : { control: true };
    expect(press('Equal', { ...mod, shift: true })).toBe(true);
    expect(press('Equal', { ...mod, shift: true })).toBe(true);
    expect(contents.zoomFactor).toBe(1.25);
    // Ctrl + without Shift reaches the page: the viewer's image zoom.
    expect(press('Equal', mod)).toBe(false);
    expect(contents.zoomFactor).toBe(1.25);
    expect(press('Minus', { ...mod, shift: true })).toBe(true);
    expect(contents.zoomFactor).toBe(1.1);
    expect(press('Digit0', { ...mod, shift: true })).toBe(true);
    expect(contents.zoomFactor).toBe(1);
  });

  it('asks for content protection only where the OS has it', () => {
    createMainWindow({ preloadPath: '/p.cjs', devTools: false, contentProtection: true });
    createMainWindow({ preloadPath: '/p.cjs', devTools: false, contentProtection: false });
    expect(fake.windows.map((w) => w.contentProtection)).toEqual([true, false]);
  });
});

describe('guards on every webContents', () => {
  const targets = ['https://evil.example/', 'app://bundle/index.html', 'file:///etc/passwd'];

  it.each(['will-navigate', 'will-redirect'])('%s is prevented, whatever the target', (name) => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    for (const url of targets) {
      const event = new FakeEvent(url);
      contents.emit(name, event, url);
      expect(event.defaultPrevented, `${name} → ${url}`).toBe(true);
    }
  });

  it('a frame navigation is prevented, subframes included', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    for (const url of targets) {
      const event = new FakeEvent(url);
      contents.emit('will-frame-navigate', event);
      expect(event.defaultPrevented, url).toBe(true);
    }
  });

  it('a <webview> is never attached', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('window.open is denied', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    expect(contents.windowOpenHandler).not.toBeNull();
    for (const url of targets) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('a webContents left unguarded would let a navigation through (the check can fail)', () => {
    const contents = new FakeWebContents();
    const event = new FakeEvent('https://evil.example/');
    contents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented).toBe(false);
  });
});

describe('guards on a session', () => {
  it('refuses every permission request and check, devices and screen capture', () => {
    const ses = new FakeSession('x', null);
    guardSession(ses as never);
    for (const permission of [
      'media',
      'notifications',
      'clipboard-read',
      'fullscreen',
      'geolocation',
    ]) {
      const answers: boolean[] = [];
      ses.permissionRequest!(null, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(ses.permissionCheck!(null, permission), permission).toBe(false);
    }
    expect(ses.devicePermission!()).toBe(false);
    const streams: object[] = [];
    ses.displayMediaRequest!({}, (s) => streams.push(s));
    expect(streams).toEqual([{}]);
  });

  it('cancels every download', () => {
    const ses = new FakeSession('x', null);
    guardSession(ses as never);
    const event = new FakeEvent();
    const item = { cancel: vi.fn() };
    ses.emit('will-download', event, item);
    expect(event.defaultPrevented).toBe(true);
    expect(item.cancel).toHaveBeenCalledOnce();
  });

  it('turns the spellchecker off, with no languages', () => {
    const ses = new FakeSession('x', null);
    guardSession(ses as never);
    expect(ses.spellChecker).toBe(false);
    expect(ses.spellCheckerLanguages).toEqual([]);
  });
});
