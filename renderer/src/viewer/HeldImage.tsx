import { useEffect, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import type { DocumentSlot } from '../../../shared/ipc.ts';
import type { ImageMemory } from '../image-memory.ts';

export type ImageStatus = 'loading' | 'ready' | 'failed';

function stop(event: DragEvent | MouseEvent): void {
  event.preventDefault();
}

/**
 * An `<img>` showing one held image. It gets its own object URL, decodes once, and revokes the
 * URL as soon as the picture is decoded (the element keeps its pixels; nothing else can use the
 * link). It cannot be dragged out, offers no context menu and cannot be selected.
 */
export function HeldImage({
  memory,
  slot,
  alt,
  className,
  imgRef,
  onStatus,
  hidden,
}: {
  memory: ImageMemory;
  slot: DocumentSlot;
  alt: string;
  className?: string;
  imgRef?: (el: HTMLImageElement | null) => void;
  onStatus?: (status: ImageStatus) => void;
  hidden?: boolean;
}) {
  const local = useRef<HTMLImageElement | null>(null);
  const [status, setStatus] = useState<ImageStatus>('loading');
  const statusRef = useRef(onStatus);

  useEffect(() => {
    statusRef.current = onStatus;
  }, [onStatus]);

  useEffect(() => {
    const img = local.current;
    if (!img) return;
    // Rendered only for held slots; after a wipe there is no URL to make, and nothing shows.
    const url = memory.acquireUrl(slot);
    if (!url) return;
    let live = true;
    const release = () => memory.releaseUrl(url);
    const settle = (next: ImageStatus) => {
      release();
      if (!live) return;
      setStatus(next);
      statusRef.current?.(next);
    };
    img.src = url;
    if (typeof img.decode === 'function') {
      img.decode().then(
        () => settle('ready'),
        () => settle('failed'),
      );
    }
    return () => {
      live = false;
      release();
      img.removeAttribute('src');
    };
  }, [memory, slot]);

  const setRefs = (el: HTMLImageElement | null) => {
    local.current = el;
    imgRef?.(el);
  };

  return (
    <img
      ref={setRefs}
      alt={alt}
      className={className}
      draggable={false}
      onDragStart={stop}
      onContextMenu={stop}
      data-status={status}
      data-slot={slot}
      hidden={hidden}
      decoding="async"
    />
  );
}
