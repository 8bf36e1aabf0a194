import { useEffect, useRef, useState } from 'react';
import { INITIAL_STATE, type AppState } from './app-state.ts';
import {
  SCREEN_HEADING,
  announcementFor,
  screenOf,
  type Announcement,
  type Screen,
} from './screen-change.ts';

/**
 * After each screen change (sign-in, a load, a load error, a wipe) focus moves to the new
 * screen's heading, so keyboard and screen-reader users start where the content starts instead
 * of on `<body>`; and the change is put into words for the shell's live region. The first screen
 * of a page keeps the focus where the window put it, except the receipt after a wipe. A dialog
 * that is open keeps its focus.
 */
export function useScreenChange(state: AppState, dialogOpen: boolean): Announcement | null {
  const screen = screenOf(state);
  const shown = useRef<Screen>('boot');
  const previous = useRef<AppState>(INITIAL_STATE);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);

  useEffect(() => {
    const was = shown.current;
    shown.current = screen;
    if (was === screen || dialogOpen) return;
    if (was === 'boot' && screen !== 'wiped') return;
    const id = SCREEN_HEADING[screen];
    const heading = id ? document.getElementById(id) : null;
    (heading ?? document.getElementById('main'))?.focus();
  }, [screen, dialogOpen]);

  useEffect(() => {
    const next = announcementFor(previous.current, state);
    previous.current = state;
    if (next) setAnnouncement(next);
  }, [state]);

  return announcement;
}
