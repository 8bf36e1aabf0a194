import { cleanup, render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, vi } from 'vitest';
import { createApp } from '../../renderer/src/bootstrap.tsx';
import type { AppController } from '../../renderer/src/state/controller.ts';
import { createFakeBridge, type FakeBridge, type FakeOptions } from './fake-bridge.ts';

/** Object URLs as jsdom lacks them: every one made and revoked is recorded. */
export interface UrlLedger {
  created: string[];
  revoked: Set<string>;
  live(): string[];
}

export function stubObjectUrls(): UrlLedger {
  const ledger: UrlLedger = {
    created: [],
    revoked: new Set(),
    live: () => ledger.created.filter((url) => !ledger.revoked.has(url)),
  };
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    if (!(blob instanceof Blob)) throw new TypeError('not a Blob');
    n += 1;
    const url = `blob:http://127.0.0.1/fake-${n}`;
    ledger.created.push(url);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => {
    ledger.revoked.add(url);
  });
  return ledger;
}

export interface Setup extends RenderResult {
  fake: FakeBridge;
  controller: AppController;
  urls: UrlLedger;
  user: ReturnType<typeof userEvent.setup>;
}

export function setup(
  options: FakeOptions = {},
  userOptions: Parameters<typeof userEvent.setup>[0] = {},
): Setup {
  const urls = stubObjectUrls();
  const fake = createFakeBridge(options);
  const { controller, element, dispose } = createApp(fake.api);
  const view = render(element);
  disposers.push(dispose);
  return { ...view, fake, controller, urls, user: userEvent.setup(userOptions) };
}

const disposers: (() => void)[] = [];

afterEach(() => {
  cleanup();
  for (const dispose of disposers.splice(0)) dispose();
  vi.restoreAllMocks();
});
