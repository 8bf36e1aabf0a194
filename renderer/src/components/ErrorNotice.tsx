import type { ReactNode } from 'react';
import type { ErrorInfo } from '../../../shared/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { AlertIcon } from './icons.tsx';
import '../styles/notices.css';

/**
 * An error as a person needs it: what happened and what to do, in their language, with the
 * stable code for support. Main's own message is shown only as a detail when it adds something
 * (validation messages name the field that was refused).
 */
export function ErrorNotice({
  error,
  heading,
  showDetail = false,
  children,
}: {
  error: ErrorInfo;
  heading?: string;
  showDetail?: boolean;
  children?: ReactNode;
}) {
  const { t, lang } = useI18n();
  const text = t.errors[error.code];
  return (
    <div className="notice" data-tone="danger" role="alert" data-error-code={error.code}>
      <AlertIcon />
      <div className="notice__content">
        {heading && <p className="notice__heading">{heading}</p>}
        <p className="notice__title">{text.title}</p>
        <p className="notice__action">{text.action}</p>
        {showDetail && error.message && lang === 'en' && (
          <p className="notice__detail">{error.message}</p>
        )}
        {showDetail && error.message && lang !== 'en' && (
          // Main words its details in English; another language gets them folded away and marked.
          <details className="notice__more">
            <summary>{t.signIn.technicalDetail}</summary>
            <p className="notice__detail" lang="en">
              {error.message}
            </p>
          </details>
        )}
        <p className="notice__code">{t.signIn.errorCode(error.code)}</p>
        {children && <div className="notice__extra">{children}</div>}
      </div>
    </div>
  );
}
