import { useEffect, useState } from 'react';
import { copyText } from '../clipboard.ts';
import { CheckIcon, CopyIcon } from './icons.tsx';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * An icon button that copies one piece of text (an identifier or a hash, never image data) and
 * says, to sight and to screen readers, whether it worked.
 */
export function CopyButton({
  text,
  label,
  copied,
  failed,
  children,
}: {
  text: string;
  label: string;
  copied: string;
  failed: string;
  /** A visible label; without it the button is an icon with `label` as its name. */
  children?: string;
}) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  const onCopy = async () => {
    setState((await copyText(text)) ? 'copied' : 'failed');
  };

  return (
    <>
      <button
        type="button"
        className={children ? 'button button--secondary' : 'tool tool--small'}
        onClick={() => void onCopy()}
        aria-label={children ? undefined : label}
        title={label}
        data-copy-state={state}
      >
        {state === 'copied' ? <CheckIcon size={16} /> : <CopyIcon />}
        {children && <span>{children}</span>}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? copied : state === 'failed' ? failed : ''}
      </span>
      {state === 'failed' && <span className="copy-failed">{failed}</span>}
    </>
  );
}
