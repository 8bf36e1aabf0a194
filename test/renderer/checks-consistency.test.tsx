import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DICTIONARIES } from '../../renderer/src/i18n/index.tsx';
import type { AnalysisReport } from '../../shared/analysis.ts';
import { TOLD_REPORT } from '../fixtures/analysis-report.ts';
import { setup } from './setup.tsx';

/**
 * The Consistency group: each printed value beside the MRZ's with ✓ / ✗ / cannot
 * tell, both places markable on their images, front against back, the tone of each document
 * image; the thumbnail's differing region markable from the metadata.
 */

vi.setConfig({ testTimeout: 20_000 });

const front = TOLD_REPORT.images.documentFront;
if (!front || front.metadata.status !== 'read') throw new Error('fixture changed');

const REPORT: AnalysisReport = {
  ...TOLD_REPORT,
  images: {
    ...TOLD_REPORT.images,
    documentFront: {
      ...front,
      metadata: {
        ...front.metadata,
        thumbnail: 'differs',
        thumbnailRegion: { left: 130, top: 280, width: 420, height: 550 },
      },
      tone: { verdict: 'greyscale' },
    },
  },
  consistency: {
    status: 'compared',
    fields: [
      {
        field: 'surname',
        mrz: 'SPECIMEN',
        printed: 'EXAMPLE',
        verdict: 'differs',
        region: { slot: 'documentFront', left: 650, top: 300, width: 220, height: 40 },
      },
      {
        field: 'documentNumber',
        mrz: 'SPC000001',
        printed: 'SPC 000 001',
        verdict: 'agrees',
        region: { slot: 'documentFront', left: 650, top: 660, width: 250, height: 40 },
      },
      {
        field: 'sex',
        mrz: 'X',
        printed: null,
        verdict: 'cannot_tell',
        reason: 'no_value_at_label',
      },
    ],
    sides: 'cannot_tell',
    mrzRegion: { slot: 'documentBack', left: 140, top: 740, width: 1500, height: 270 },
  },
};

async function documents(lang: 'en' | 'es') {
  const view = setup({
    settings: { language: lang },
    analysis: { status: 'done', report: REPORT },
  });
  await view.user.click(await screen.findByTestId('sign-in'));
  await screen.findByTestId('session-panel');
  return view;
}

describe.each(['en', 'es'] as const)('the Consistency group (%s)', (lang) => {
  const t = DICTIONARIES[lang];
  const c = t.checks.consistency;

  it('each printed value beside the MRZ’s, with its verdict or why it cannot tell, in words', async () => {
    await documents(lang);
    const surname = within(screen.getByTestId('consistency-surname'));
    expect(surname.getByText(c.fields.surname)).toBeTruthy();
    expect(surname.getByText(c.verdicts.differs)).toBeTruthy();
    expect(surname.getByText('EXAMPLE')).toBeTruthy();
    expect(surname.getByText('SPECIMEN')).toBeTruthy();
    expect(
      within(screen.getByTestId('consistency-documentNumber')).getByText(c.verdicts.agrees),
    ).toBeTruthy();
    const sex = within(screen.getByTestId('consistency-sex'));
    expect(sex.getByText(c.verdicts.cannot_tell)).toBeTruthy();
    expect(sex.getByText(c.notFound)).toBeTruthy();
    // Why, in the page's words (the report carries a code).
    expect(sex.getByText(c.reasons.no_value_at_label)).toBeTruthy();
    expect(screen.getByTestId('consistency-sides').textContent).toBe(c.sidesVerdicts.cannot_tell);
    expect(screen.getByTestId('consistency-tone-documentFront').textContent).toBe(
      c.tones.greyscale,
    );
  });

  it('the printed value is marked on the front, the MRZ on the back', async () => {
    const { user } = await documents(lang);
    await user.click(screen.getByTestId('show-consistency-surname'));
    const onFront = await screen.findByTestId('finding-mark-documentFront');
    expect(onFront.getAttribute('aria-label')).toBe(
      t.checks.markLabel(c.printedMark(c.fields.surname), t.slots.documentFront),
    );
    await user.click(screen.getByTestId('show-consistency-surname-mrz'));
    expect(await screen.findByTestId('finding-mark-documentBack')).toBeTruthy();
    expect(screen.queryByTestId('finding-mark-documentFront')).toBeNull();
  });

  it('where the image differs from its thumbnail can be marked', async () => {
    const { user } = await documents(lang);
    await user.click(screen.getByTestId('show-thumbnail-documentFront'));
    const mark = await screen.findByTestId('finding-mark-documentFront');
    expect(mark.getAttribute('aria-label')).toBe(
      t.checks.markLabel(c.thumbnailRegionMark, t.slots.documentFront),
    );
  });
});
