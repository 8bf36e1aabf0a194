import { describe, expect, it } from 'vitest';
import { createAnalysisService } from '../../../core/analysis-service.ts';
import type { AnalysisChannel } from '../../../core/analysis/process/runner.ts';
import type { AnalysisReport, AnalysisState } from '../../../shared/analysis.ts';
import type { DocumentImage, DocumentsResult } from '../../../shared/ipc.ts';
import type { ChecksSetting } from '../../../shared/settings.ts';

/**
 * The service main runs the checks through, over a scripted channel: which states the window is
 * told, that a process that failed is replaced, that nothing runs without images or a channel.
 */

class ScriptedChannel implements AnalysisChannel {
  posted: { type: string; id?: number }[] = [];
  terminated = false;
  private listener: (message: unknown) => void = () => undefined;
  private ends: (() => void)[] = [];
  post(message: { type: string }): void {
    this.posted.push(message);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.listener = listener;
  }
  onEnd(listener: () => void): void {
    this.ends.push(listener);
  }
  terminate(): Promise<void> {
    this.terminated = true;
    for (const end of this.ends) end();
    return Promise.resolve();
  }
  reply(message: unknown): void {
    this.listener(message);
  }
  die(): void {
    for (const end of this.ends) end();
  }
}

const REPORT: AnalysisReport = {
  ranOn: 'this-computer',
  images: { documentFront: null, documentBack: null, face: null },
  mrz: { status: 'cannot_tell', reason: 'no_mrz' },
  document: { status: 'cannot_tell', reason: 'no_mrz' },
  registry: { status: 'cannot_tell', reason: 'no_registry', detail: 'registry_not_requested' },
};

const image = (byte: number): DocumentImage => ({
  bytes: new Uint8Array([byte, byte]),
  mime: 'image/jpeg',
  width: 1,
  height: 1,
  storedWidth: 1,
  storedHeight: 1,
  orientation: 1,
  trailingBytes: 0,
  progressive: false,
  byteLength: 2,
  sha256: '0'.repeat(64),
});

const loaded = (overrides: Partial<DocumentsResult> = {}): DocumentsResult => ({
  verified: true,
  session: { id: 's', type: 'veriff', date: '2024-01-15T10:30:00.000Z', status: 'approved' },
  documents: { documentFront: image(1), documentBack: null, face: image(3) },
  refused: {},
  ...overrides,
});

function setup(withChannel = true, setting: { checks: ChecksSetting } = { checks: 'all' }) {
  const channels: ScriptedChannel[] = [];
  const states: AnalysisState[] = [];
  const service = createAnalysisService({
    checks: () => setting.checks,
    ...(withChannel
      ? {
          channel: () => {
            const channel = new ScriptedChannel();
            channels.push(channel);
            return channel;
          },
        }
      : {}),
    emit: (state) => states.push(state),
    now: () => Date.parse('2026-11-29T12:00:00.000Z'),
  });
  return { service, channels, states };
}

const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the analysis service', () => {
  it('tells running, then done with the report', async () => {
    const { service, channels, states } = setup();
    service.start(loaded());
    expect(states).toEqual([{ status: 'running' }]);
    const [analyze] = channels[0]!.posted;
    expect(analyze).toMatchObject({
      type: 'analyze',
      input: { sessionDate: '2024-01-15T10:30:00.000Z', now: '2026-11-29T12:00:00.000Z' },
    });
    channels[0]!.reply({ type: 'result', id: analyze!.id, report: REPORT });
    await settled();
    expect(states.at(-1)).toEqual({ status: 'done', report: REPORT });
    expect(service.state()).toEqual({ status: 'done', report: REPORT });
  });

  it('a process that dies fails the run with a reason, and the next load starts a new one', async () => {
    const { service, channels, states } = setup();
    service.start(loaded());
    channels[0]!.die();
    await settled();
    expect(states.at(-1)).toEqual({ status: 'failed', reason: 'analysis_failed' });
    service.start(loaded());
    expect(channels).toHaveLength(2);
    expect(states.at(-1)).toEqual({ status: 'running' });
  });

  it('stop ends the process, tells idle once, and a late answer changes nothing', async () => {
    const { service, channels, states } = setup();
    service.start(loaded());
    const [analyze] = channels[0]!.posted;
    await service.stop();
    expect(channels[0]!.terminated).toBe(true);
    expect(states).toEqual([{ status: 'running' }, { status: 'idle' }]);
    channels[0]!.reply({ type: 'result', id: analyze!.id, report: REPORT });
    await settled();
    await service.stop();
    expect(states).toEqual([{ status: 'running' }, { status: 'idle' }]);
    expect(service.state()).toEqual({ status: 'idle' });
  });

  it('prepare starts the process ahead of the images (its engine loads meanwhile); start reuses it', () => {
    const { service, channels, states } = setup();
    service.prepare();
    expect(channels).toHaveLength(1);
    expect(channels[0]!.posted).toEqual([]);
    expect(states).toEqual([]);
    service.start(loaded());
    expect(channels).toHaveLength(1);
    expect(channels[0]!.posted).toMatchObject([{ type: 'analyze' }]);
  });

  it('runs nothing for an unverified result, one without images, or with no process offered', () => {
    const { service, channels, states } = setup();
    service.start(loaded({ verified: false }));
    service.start(loaded({ documents: { documentFront: null, documentBack: null, face: null } }));
    expect(channels).toEqual([]);
    expect(states).toEqual([]);
    const none = setup(false);
    none.service.start(loaded());
    expect(none.states).toEqual([]);
    expect(none.service.state()).toEqual({ status: 'idle' });
  });

  describe('the "Checks on this computer" setting', () => {
    it('off: no process is ever started, and the window is told the checks are off', () => {
      const { service, channels, states } = setup(true, { checks: 'off' });
      service.prepare();
      service.start(loaded());
      expect(channels).toEqual([]);
      expect(states).toEqual([{ status: 'off' }]);
      expect(service.state()).toEqual({ status: 'off' });
    });

    it('off after a load that ran: the next load ends the process it left alive', async () => {
      const setting: { checks: ChecksSetting } = { checks: 'all' };
      const { service, channels, states } = setup(true, setting);
      service.prepare();
      service.start(loaded());
      const [analyze] = channels[0]!.posted;
      channels[0]!.reply({ type: 'result', id: analyze!.id, report: REPORT });
      await settled();
      setting.checks = 'off';
      service.prepare();
      expect(channels[0]!.terminated).toBe(true);
      service.start(loaded());
      expect(channels).toHaveLength(1);
      expect(states.at(-1)).toEqual({ status: 'off' });
    });

    it('documents only: the run is told to leave out the face step', () => {
      const { service, channels } = setup(true, { checks: 'documents' });
      service.prepare();
      service.start(loaded());
      expect(channels[0]!.posted).toMatchObject([{ type: 'analyze', faceStep: 'turned_off' }]);
    });

    it('all: the run compares faces', () => {
      const { service, channels } = setup(true, { checks: 'all' });
      service.start(loaded());
      expect(channels[0]!.posted).toMatchObject([{ type: 'analyze', faceStep: 'run' }]);
    });

    it('a change during a run applies from the next load; documents only never reuses a process that compared faces', async () => {
      const setting: { checks: ChecksSetting } = { checks: 'all' };
      const { service, channels, states } = setup(true, setting);
      service.prepare();
      service.start(loaded());
      setting.checks = 'documents';
      // The run going is left as it started.
      expect(channels[0]!.terminated).toBe(false);
      const [analyze] = channels[0]!.posted;
      channels[0]!.reply({ type: 'result', id: analyze!.id, report: REPORT });
      await settled();
      expect(states.at(-1)).toEqual({ status: 'done', report: REPORT });
      // The next load: a fresh process that has never loaded the face models.
      service.prepare();
      expect(channels[0]!.terminated).toBe(true);
      service.start(loaded());
      expect(channels).toHaveLength(2);
      expect(channels[1]!.posted).toMatchObject([{ type: 'analyze', faceStep: 'turned_off' }]);
      // Documents only again: each load its own process, the last one ended.
      service.prepare();
      expect(channels[1]!.terminated).toBe(true);
      service.start(loaded());
      expect(channels).toHaveLength(3);
      expect(channels[2]!.posted).toMatchObject([{ type: 'analyze', faceStep: 'turned_off' }]);
    });

    it('each load gets a fresh process: the one that served the last load is ended first', async () => {
      const { service, channels } = setup(true, { checks: 'all' });
      service.prepare();
      service.start(loaded());
      const [first] = channels[0]!.posted;
      channels[0]!.reply({ type: 'result', id: first!.id, report: REPORT });
      await settled();
      expect(channels[0]!.terminated).toBe(false);
      service.prepare();
      expect(channels[0]!.terminated).toBe(true);
      expect(channels).toHaveLength(2);
      service.start(loaded());
      expect(channels).toHaveLength(2);
      expect(channels[1]!.posted).toMatchObject([{ type: 'analyze', faceStep: 'run' }]);
    });

    it('a wipe after "off" returns to idle', async () => {
      const { service, states } = setup(true, { checks: 'off' });
      service.start(loaded());
      await service.stop();
      expect(states).toEqual([{ status: 'off' }, { status: 'idle' }]);
    });
  });
});
