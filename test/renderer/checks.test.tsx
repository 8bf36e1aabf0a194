import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AnalysisReport } from '../../shared/analysis.ts';
import { FACE_TURNED_OFF } from '../../shared/face-match.ts';
import { DICTIONARIES } from '../../renderer/src/i18n/index.tsx';
import { TOLD_REPORT, UNTOLD_REPORT } from '../fixtures/analysis-report.ts';
import type { FakeOptions } from './fake-bridge.ts';
import { setup } from './setup.tsx';

/**
 * The Checks panel over fixed reports: each group with its evidence, every "cannot tell" with its
 * reason, the states before and after, and the findings with a place marked on their image.
 */

vi.setConfig({ testTimeout: 20_000 });

async function documents(lang: 'en' | 'es', options: FakeOptions = {}) {
  const view = setup({ ...options, settings: { language: lang, ...options.settings } });
  await view.user.click(await screen.findByTestId('sign-in'));
  await screen.findByTestId('session-panel');
  return view;
}

const panel = () => screen.getByTestId('checks-panel');

const PHONE_LINE_2 = TOLD_REPORT.mrz.status === 'read' ? (TOLD_REPORT.mrz.lines[1] ?? '') : '';

/** The told report as a phone capture gives it: the card found upside down, per-character confidence. */
const PHONE_REPORT: AnalysisReport = (() => {
  if (TOLD_REPORT.mrz.status !== 'read') throw new Error('fixture');
  const mrz = TOLD_REPORT.mrz;
  const characters = mrz.lines.map((line, l) => ({
    confidence: Array.from(line, (_, k) => (l === 1 && k === 3 ? 12 : 95)),
    runnerUp: Array.from(line, (_, k) => (l === 1 && k === 3 ? 'D' : '?')).join(''),
  }));
  return {
    ...TOLD_REPORT,
    mrz: {
      ...mrz,
      corrections: [{ line: 1, column: 3, from: 'O', to: '0', cause: 'check_digit' as const }],
      characters,
      document: {
        corners: [
          { x: 1180, y: 690 },
          { x: 120, y: 660 },
          { x: 130, y: 40 },
          { x: 1190, y: 70 },
        ],
        turn: 180 as const,
        angle: 181.5,
        found: 'outline' as const,
      },
    },
  };
})();

describe.each(['en', 'es'] as const)('the Checks panel (%s)', (lang) => {
  const t = DICTIONARIES[lang];
  const c = t.checks;

  it('says what runs, that it ran on this computer, and when it stopped and why', async () => {
    const view = await documents(lang);
    expect(within(panel()).getByRole('heading', { name: c.heading })).toBeTruthy();
    expect(screen.getByTestId('checks-status').textContent).toBe(c.idle);
    act(() => view.fake.setAnalysis({ status: 'running' }));
    expect(screen.getByTestId('checks-status').textContent).toBe(c.running);
    expect(panel().getAttribute('aria-busy')).toBe('true');
    act(() => view.fake.setAnalysis({ status: 'failed', reason: 'analysis_failed' }));
    expect(screen.getByTestId('checks-status').textContent).toContain(
      c.failedReasons.analysis_failed,
    );
    act(() => view.fake.setAnalysis({ status: 'done', report: TOLD_REPORT }));
    expect(screen.getByTestId('checks-status').textContent).toBe(c.ranHere);
    expect(screen.getByTestId('checks-status').getAttribute('role')).toBe('status');
  });

  it('a page that starts while the checks are done asks main for them', async () => {
    await documents(lang, { analysis: { status: 'done', report: TOLD_REPORT } });
    expect(screen.getByTestId('checks-status').textContent).toBe(c.ranHere);
    expect(screen.getByTestId('checks-mrz')).toBeTruthy();
  });

  it('document, zone, check digits, registry, quality and metadata with their evidence', async () => {
    await documents(lang, { analysis: { status: 'done', report: TOLD_REPORT } });
    const doc = within(screen.getByTestId('checks-document'));
    expect(doc.getByText(c.document.types.id_card)).toBeTruthy();
    expect(doc.getByText('UTO')).toBeTruthy();
    expect(doc.getByText(c.expiry.valid)).toBeTruthy();
    expect(doc.getByText(c.expiry.expires_within_90_days)).toBeTruthy();

    const mrz = within(screen.getByTestId('checks-mrz'));
    expect(screen.getByTestId('checks-mrz-lines').textContent).toBe(
      TOLD_REPORT.mrz.status === 'read' ? TOLD_REPORT.mrz.lines.join('\n') : '',
    );
    expect(mrz.getByText(c.mrz.confidence(92))).toBeTruthy();
    expect(mrz.getByText('SPC000001')).toBeTruthy();
    const digits = screen.getByTestId('checks-digits').querySelectorAll('li');
    expect([...digits].map((li) => li.dataset['ok'])).toEqual(['true', 'true', 'false', 'true']);
    expect(digits[2]?.textContent).toContain(c.mrz.fieldNames['expirationDate']);
    expect(digits[2]?.textContent).toContain(c.mrz.digitFails);
    expect(digits[2]?.textContent).toContain('✗');
    expect(digits[3]?.textContent).toContain(c.mrz.fieldNames['composite']);
    expect(mrz.getByText(c.mrz.notAllHold)).toBeTruthy();
    expect(mrz.getByText(c.mrz.correction(2, 4, 'O', '0'))).toBeTruthy();
    // A character dropped as extra is worded as a deletion, not as a change to nothing.
    const dropped = mrz.getByText(c.mrz.correction(1, 30, 'K', ''));
    expect(dropped.textContent).not.toContain('“”');
    expect(dropped.textContent).not.toContain('«»');

    const registry = screen.getByTestId('checks-registry');
    const items = registry.querySelectorAll('li');
    expect([...items].map((li) => li.dataset['verdict'])).toEqual([
      'agrees',
      'differs',
      'cannot_tell',
      'agrees',
    ]);
    // Both values are shown, and the "cannot tell" says why.
    expect(items[1]?.textContent).toContain('1990-01-01');
    expect(items[1]?.textContent).toContain('1990-01-02');
    expect(items[1]?.textContent).toContain(c.registry.verdicts.differs);
    expect(items[2]?.textContent).toContain(c.reasons.mrz_field_missing);

    const front = within(screen.getByTestId('checks-quality-documentFront'));
    expect(front.getByText(c.quality.sharpnessVerdicts.sharp)).toBeTruthy();
    const back = within(screen.getByTestId('checks-quality-documentBack'));
    expect(back.getByText(c.quality.sharpnessVerdicts.blurred)).toBeTruthy();
    expect(back.getByText(c.quality.glareVerdicts.strong)).toBeTruthy();
    expect(back.getByText(c.quality.exposureVerdicts.overexposed)).toBeTruthy();
    expect(screen.getByTestId('checks-quality-documentBack').textContent).toMatch(/35/);

    const meta = within(screen.getByTestId('checks-metadata-documentFront'));
    expect(meta.getByText('Specimen Cam 3')).toBeTruthy();
    expect(meta.getByText(`· ${c.metadata.daysFromSession(0)}`, { exact: false })).toBeTruthy();
    expect(screen.getByTestId('checks-editor-documentFront').textContent).toBe('Adobe Photoshop');
    expect(meta.getByText(c.metadata.thumbnails.differs)).toBeTruthy();
    expect(screen.getByTestId('checks-gps-documentFront').textContent).toBe(c.metadata.gpsPresent);
    expect(
      within(screen.getByTestId('checks-metadata-documentBack')).getByText(c.reasons.no_metadata),
    ).toBeTruthy();

    const face = within(screen.getByTestId('checks-face'));
    expect(face.getByText(DICTIONARIES[lang].faceMatch.bands.same)).toBeTruthy();
    expect(face.getByText(DICTIONARIES[lang].faceMatch.score(0.82))).toBeTruthy();
  });

  it('every "cannot tell" shows its reason', async () => {
    await documents(lang, { analysis: { status: 'done', report: UNTOLD_REPORT } });
    const unknowns = panel().querySelectorAll<HTMLElement>('.checks__unknown');
    expect(unknowns.length).toBe(5);
    for (const el of unknowns) {
      const reason = el.dataset['reason'] as keyof typeof c.reasons;
      expect(el.textContent).toContain(c.cannotTell);
      expect(el.textContent).toContain(c.reasons[reason]);
    }
    expect(screen.getByTestId('checks-face-reason').textContent).toBe(
      DICTIONARIES[lang].faceMatch.reasons['no-face-on-document'],
    );
    // No zone: nothing to mark for it; the face found in the selfie can still be shown.
    expect(screen.queryByTestId('show-mrz')).toBeNull();
    expect(screen.getByTestId('show-face:selfie')).toBeTruthy();
  });

  it('a phone capture: the document found and the turn read at, corrections with their runner-up, doubtful characters; the outline can be marked', async () => {
    const { user } = await documents(lang, {
      analysis: { status: 'done', report: PHONE_REPORT },
    });
    const found = screen.getByTestId('checks-mrz-document');
    expect(found.textContent).toContain(c.mrz.capture.outline(180, 181.5));
    expect(found.textContent).toContain('(1180, 690)');
    const mrz = within(screen.getByTestId('checks-mrz'));
    expect(
      mrz.getByText(
        `${c.mrz.correction(2, 4, 'O', '0')} (${c.mrz.capture.causes.check_digit}); ${c.mrz.capture.runnerUp('D')}`,
      ),
    ).toBeTruthy();
    const doubtful = screen.getByTestId('checks-mrz-doubtful').querySelectorAll('li');
    expect(doubtful[0]?.textContent).toBe(
      c.mrz.capture.doubtfulChar(2, 4, PHONE_LINE_2.charAt(3), 12, 'D'),
    );
    await user.click(screen.getByTestId('show-mrz-document'));
    const mark = await screen.findByTestId('finding-mark-documentBack');
    expect(mark.getAttribute('aria-label')).toBe(
      c.markLabel(c.mrz.capture.document, t.slots.documentBack),
    );
  });

  it.each([
    ['mrz_implausible', 'not_a_zone'],
    ['upside_down_unresolved', undefined],
  ] as const)(
    'a reading refused as garbage (%s) is "cannot tell" with why in words, never lines',
    async (reason, detail) => {
      await documents(lang, {
        analysis: {
          status: 'done',
          report: {
            ...TOLD_REPORT,
            mrz: { status: 'cannot_tell', reason, ...(detail ? { detail } : {}) },
          },
        },
      });
      const zone = screen.getByTestId('checks-mrz');
      expect(zone.textContent).toContain(c.reasons[reason]);
      if (detail) expect(zone.textContent).toContain(c.details[detail]);
      expect(screen.queryByTestId('checks-mrz-lines')).toBeNull();
    },
  );

  it('selecting the zone marks it on the back (switching to it); again, unmarks', async () => {
    const { user } = await documents(lang, {
      analysis: { status: 'done', report: TOLD_REPORT },
    });
    expect(screen.queryByTestId('pane-documentBack')).toBeNull();
    const show = screen.getByTestId('show-mrz');
    expect(show.getAttribute('aria-pressed')).toBe('false');
    show.focus();
    await user.keyboard('{Enter}');
    expect(show.getAttribute('aria-pressed')).toBe('true');
    const mark = await screen.findByTestId('finding-mark-documentBack');
    expect(screen.getByTestId('pane-documentBack')).toBeTruthy();
    expect(mark.getAttribute('aria-label')).toBe(c.markLabel(c.mrz.zone, t.slots.documentBack));
    await user.keyboard('{Enter}');
    expect(screen.queryByTestId('finding-mark-documentBack')).toBeNull();
  });

  it('the faces found are marked on the selfie and on the document front', async () => {
    const { user } = await documents(lang, {
      analysis: { status: 'done', report: TOLD_REPORT },
    });
    await user.click(screen.getByRole('button', { name: c.face.showSelfie }));
    expect(await screen.findByTestId('finding-mark-face')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: c.face.showPortrait }));
    expect(await screen.findByTestId('finding-mark-documentFront')).toBeTruthy();
    expect(screen.queryByTestId('finding-mark-face')).toBeNull();
  });

  it('turned off in Settings: one short line says so and where to turn them on, and nothing else runs', async () => {
    await documents(lang, { analysis: { status: 'off' } });
    expect(screen.getByTestId('checks-status').textContent).toBe(c.off);
    expect(c.off).toContain(t.settings.checks);
    expect(panel().getAttribute('data-status')).toBe('off');
    expect(panel().getAttribute('aria-busy')).toBe('false');
    expect(screen.queryByTestId('checks-mrz')).toBeNull();
    expect(screen.queryByTestId('checks-face')).toBeNull();
  });

  it('a face found with the picture turned says by how much; an upright one says nothing', async () => {
    const face = TOLD_REPORT.face;
    if (!face || !('band' in face) || !face.selfieFace) throw new Error('fixture has a face');
    await documents(lang, {
      analysis: {
        status: 'done',
        report: {
          ...TOLD_REPORT,
          face: { ...face, selfieFace: { ...face.selfieFace, turn: 270 } },
        },
      },
    });
    expect(screen.getByTestId('checks-face-turn-selfie').textContent).toBe(
      c.face.foundTurned(c.face.selfieFace, 270),
    );
    expect(screen.queryByTestId('checks-face-turn-portrait')).toBeNull();
  });

  it('documents only: the face finding reads "not run — turned off in Settings", with no score or band', async () => {
    await documents(lang, {
      analysis: { status: 'done', report: { ...TOLD_REPORT, face: FACE_TURNED_OFF } },
    });
    const face = screen.getByTestId('checks-face');
    expect(
      within(face).getByRole('heading', { name: DICTIONARIES[lang].faceMatch.heading }),
    ).toBeTruthy();
    expect(screen.getByTestId('checks-face-not-run').textContent).toBe(c.face.notRun.turned_off);
    expect(face.textContent).not.toContain(DICTIONARIES[lang].faceMatch.bands['cannot-tell']);
    expect(face.textContent).not.toContain(DICTIONARIES[lang].faceMatch.bands.same);
    expect(screen.queryByTestId('compare-faces')).toBeNull();
    expect(screen.queryByTestId('show-face:selfie')).toBeNull();
    // The document findings are all there.
    expect(screen.getByTestId('checks-mrz')).toBeTruthy();
    expect(screen.getByTestId('checks-quality-documentFront')).toBeTruthy();
  });

  it('a wipe takes the report with the images', async () => {
    const view = await documents(lang, { analysis: { status: 'done', report: TOLD_REPORT } });
    await view.user.click(screen.getByTestId('show-mrz'));
    await view.controller.wipe('button');
    expect(screen.queryByTestId('checks-panel')).toBeNull();
    expect(view.controller.store.get().analysis).toEqual({ status: 'idle' });
  });
});
