import { isTypingTarget } from './shortcuts.ts';

/**
 * Page-wide guards against the ways an image could leave through the UI: dragging it out (a drag
 * creates a file), the context menu's save/copy image, dropping a file (which would navigate),
 * window zoom by Ctrl + wheel, print and save-page. Installed once, before React renders.
 */
export function installGuards(win: Window): () => void {
  const doc = win.document;
  const onContextMenu = (event: Event) => {
    if (!isTypingTarget(event.target)) event.preventDefault();
  };
  const onDragStart = (event: DragEvent) => {
    if (!isTypingTarget(event.target)) event.preventDefault();
  };
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  };
  const onDrop = (event: DragEvent) => event.preventDefault();
  const onWheel = (event: WheelEvent) => {
    if (event.ctrlKey) event.preventDefault();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    if (['=', '+', '-', '_', '0', 'p', 'P', 's', 'S'].includes(event.key)) event.preventDefault();
  };
  const onCopy = (event: ClipboardEvent) => {
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed) return;
    for (const img of doc.images) {
      if (selection.containsNode(img, true)) {
        event.preventDefault();
        return;
      }
    }
  };
  doc.addEventListener('contextmenu', onContextMenu);
  doc.addEventListener('dragstart', onDragStart);
  doc.addEventListener('dragover', onDragOver);
  doc.addEventListener('drop', onDrop);
  doc.addEventListener('copy', onCopy);
  win.addEventListener('wheel', onWheel, { passive: false });
  win.addEventListener('keydown', onKeyDown);
  return () => {
    doc.removeEventListener('contextmenu', onContextMenu);
    doc.removeEventListener('dragstart', onDragStart);
    doc.removeEventListener('dragover', onDragOver);
    doc.removeEventListener('drop', onDrop);
    doc.removeEventListener('copy', onCopy);
    win.removeEventListener('wheel', onWheel);
    win.removeEventListener('keydown', onKeyDown);
  };
}
