import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import '../styles/field.css';

/**
 * A labelled form control with optional help and error text. The control gets the label's id
 * and an `aria-describedby` naming whichever of help and error are shown.
 */
export function Field({
  label,
  help,
  error,
  children,
}: {
  label: string;
  help?: string;
  error?: string | undefined;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy =
    [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, describedBy)}
      {help && (
        <p id={helpId} className="field__help">
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * What each kind of text input is told. `url` and `code` hold identifiers the browser must not
 * correct or suggest; `path` is only kept from spell-checking; `number` asks for a digit keyboard.
 */
const KINDS = {
  url: { type: 'url', inputMode: 'url', spellCheck: false, autoComplete: 'off' },
  code: { spellCheck: false, autoComplete: 'off' },
  path: { spellCheck: false },
  number: { inputMode: 'numeric' },
} as const satisfies Record<string, InputHTMLAttributes<HTMLInputElement>>;

export type TextFieldKind = keyof typeof KINDS;

/** A single-line text input inside a `Field`, marked invalid while it has an error. */
export function TextField({
  label,
  help,
  error,
  kind,
  value,
  onChange,
}: {
  label: string;
  help?: string;
  error?: string | undefined;
  kind: TextFieldKind;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} help={help} error={error}>
      {(id, describedBy) => (
        <input
          id={id}
          {...KINDS[kind]}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
