import { SLOTS, type AppState } from './app-state.ts';

/**
 * What the app shell tells a screen-reader user when the screen changes under them, and which
 * screen is showing (focus moves to its heading when that changes). Pure: derived from two
 * consecutive states, so the rules can be read and tested without a page.
 */

export type Announcement =
  | { kind: 'loading' }
  | { kind: 'arrived'; images: number }
  | { kind: 'loadFailed' }
  | { kind: 'checksDone' }
  | { kind: 'checksFailed' }
  | { kind: 'wiped'; images: number };

/** The screen on display; focus moves to its heading whenever this changes. */
export type Screen =
  | 'boot'
  | 'signIn'
  | 'signInWaiting'
  | 'notLoaded'
  | 'loading'
  | 'documents'
  | 'loadError'
  | 'wiped';

export function screenOf(state: AppState): Screen {
  if (!state.auth) return 'boot';
  if (state.wipe?.status === 'done' && state.docs.status === 'idle') return 'wiped';
  if (state.auth.state !== 'signedIn') {
    return state.signInStarting || state.auth.state === 'pending' ? 'signInWaiting' : 'signIn';
  }
  switch (state.docs.status) {
    case 'idle':
      return 'notLoaded';
    case 'loading':
      return 'loading';
    case 'ready':
      return 'documents';
    case 'error':
      return 'loadError';
  }
}

/** What changed from `prev` to `next` that a person who cannot see the screen must hear. */
export function announcementFor(prev: AppState, next: AppState): Announcement | null {
  if (next.wipe?.status === 'done' && prev.wipe?.status !== 'done') {
    return { kind: 'wiped', images: next.wipe.receipt.imagesCleared };
  }
  if (next.docs.status !== prev.docs.status) {
    switch (next.docs.status) {
      case 'loading':
        return { kind: 'loading' };
      case 'ready': {
        const { slots } = next.docs.docs;
        return { kind: 'arrived', images: SLOTS.filter((s) => slots[s].kind === 'image').length };
      }
      case 'error':
        return { kind: 'loadFailed' };
      case 'idle':
        break;
    }
  }
  if (next.analysis.status !== prev.analysis.status) {
    if (next.analysis.status === 'done') return { kind: 'checksDone' };
    if (next.analysis.status === 'failed' && next.analysis.reason === 'analysis_failed') {
      return { kind: 'checksFailed' };
    }
  }
  return null;
}

/** The heading each screen's focus moves to (`tabIndex={-1}` on the element). */
export const SCREEN_HEADING: Readonly<Record<Screen, string | null>> = {
  boot: null,
  signIn: 'signin-title',
  signInWaiting: 'signin-waiting-title',
  notLoaded: 'not-loaded-title',
  loading: 'loading-title',
  documents: 'documents-title',
  loadError: 'load-error-title',
  wiped: 'receipt-title',
};
