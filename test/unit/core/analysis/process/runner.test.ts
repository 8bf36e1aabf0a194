import { describe, expect, it } from 'vitest';
import {
  AnalysisRunner,
  type AnalysisChannel,
} from '../../../../../core/analysis/process/runner.ts';

/** The runner over a stand-in channel: what it does with an answer that fails its schema. */

function channel() {
  let listener: (message: unknown) => void = () => {};
  const sent: unknown[] = [];
  const fake: AnalysisChannel = {
    post: (message) => sent.push(message),
    onMessage: (l) => (listener = l),
    onEnd: () => {},
    terminate: () => Promise.resolve(),
  };
  return { fake, sent, answer: (m: unknown) => listener(m) };
}

const input = {
  images: { documentFront: null, documentBack: null, face: new Uint8Array([1]) },
  sessionDate: null,
  now: '2026-11-29T12:00:00.000Z',
};

describe('AnalysisRunner', () => {
  it('fails a run whose report does not match the schema, instead of waiting for ever', async () => {
    const { fake, answer } = channel();
    const runner = new AnalysisRunner(fake);
    const run = runner.analyze(input);
    // A report whose face box lost its width (as a spread class instance would).
    answer({ type: 'result', id: 1, report: { ranOn: 'this-computer', face: { box: {} } } });
    await expect(run).rejects.toMatchObject({ name: 'AnalysisError', reason: 'analysis_failed' });
  });

  it('ignores malformed messages that name no pending run', async () => {
    const { fake, answer } = channel();
    const runner = new AnalysisRunner(fake);
    const run = runner.analyze(input);
    answer({ type: 'result', id: 7, report: {} });
    answer('noise');
    answer({ type: 'failed', id: 1, reason: 'cancelled', detail: 'The checks were cancelled.' });
    await expect(run).rejects.toMatchObject({ reason: 'cancelled' });
  });
});
