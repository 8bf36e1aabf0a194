import { BrowserWindow, dialog, type WebContents } from 'electron';
import { connectionWording, type ConfirmConnection } from '../../core/connection-confirm.ts';

/**
 * Main's own confirmation of a connection change: Electron's native message box, modal on the
 * window, which the page can neither draw, read nor answer. Cancel is the default and the answer
 * to Escape or a closed box; without a window there is nobody to ask, so the answer is no.
 */
export function confirmInDialog(contents: () => WebContents | null): ConfirmConnection {
  return async (summary) => {
    const own = contents();
    const window = own === null || own.isDestroyed() ? null : BrowserWindow.fromWebContents(own);
    if (window === null) return false;
    const words = connectionWording(summary);
    const { response } = await dialog.showMessageBox(window, {
      type: 'warning',
      title: words.title,
      message: words.title,
      detail: `${words.message}\n\n${words.detail}`,
      buttons: [words.cancel, words.confirm],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    return response === 1;
  };
}
