import type { DocumentSlot } from '../../../shared/ipc.ts';
import type { LoadedDocuments, ShownImage } from '../state/app-state.ts';

export type CompareMode = 'off' | 'faceFront' | 'portrait' | 'frontBack';

export const COMPARE_MODES: readonly CompareMode[] = ['off', 'faceFront', 'portrait', 'frontBack'];

/** Which slots are on screen: the selected one, or a compare pair (document on the left). */
export function paneSlots(mode: CompareMode, selected: DocumentSlot): DocumentSlot[] {
  if (mode === 'faceFront' || mode === 'portrait') return ['documentFront', 'face'];
  if (mode === 'frontBack') return ['documentFront', 'documentBack'];
  return [selected];
}

export function imageOf(docs: LoadedDocuments, slot: DocumentSlot): ShownImage | null {
  const view = docs.slots[slot];
  return view.kind === 'image' ? view.image : null;
}

export function compareAvailable(docs: LoadedDocuments, mode: CompareMode): boolean {
  if (mode === 'off') return true;
  return paneSlots(mode, 'documentFront').every((slot) => imageOf(docs, slot) !== null);
}

/** The next mode that can be shown, for the `c` shortcut. */
export function nextCompareMode(docs: LoadedDocuments, current: CompareMode): CompareMode {
  const start = COMPARE_MODES.indexOf(current);
  for (let step = 1; step <= COMPARE_MODES.length; step += 1) {
    const mode = COMPARE_MODES[(start + step) % COMPARE_MODES.length] ?? 'off';
    if (compareAvailable(docs, mode)) return mode;
  }
  return 'off';
}
