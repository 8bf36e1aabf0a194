import type { MrzRead } from '../../../../../shared/analysis.ts';
import { readMrzText } from '../../../../../core/analysis/mrz/text.ts';

/** A zone as the analysis reports it after reading these exact lines. */
export function zoneOf(lines: readonly string[]): MrzRead {
  const parsed = readMrzText(lines);
  if (!parsed) throw new Error('test zone did not parse');
  return {
    status: 'read',
    slot: 'documentBack',
    box: { left: 0, top: 0, width: 1, height: 1 },
    confidence: 90,
    ...parsed,
  };
}
