/**
 * Copies plain text — a session id, a SHA-256 or the privacy report, never image data. Uses the async
 * clipboard API where the window may, and the selection-based fallback where it may not.
 */
export async function copyText(text: string): Promise<boolean> {
  const clipboard = (navigator as { clipboard?: Clipboard }).clipboard;
  try {
    if (clipboard) {
      await clipboard.writeText(text);
      return true;
    }
  } catch {
    // The window refuses clipboard permissions: fall back to the selection-based copy.
  }
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.className = 'offscreen';
  document.body.append(field);
  field.select();
  let copied: boolean;
  try {
    // Deprecated, but the one copy that needs no permission (main grants none).
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    copied = typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    copied = false;
  }
  field.remove();
  return copied;
}
