import type { ReactNode } from 'react';

/**
 * An icon-only button: its accessible name is the label, and its tooltip repeats the label with
 * the shortcut when it has one. `pressed` makes it a toggle.
 */
export function ToolButton({
  label,
  shortcut,
  tooltip,
  onClick,
  pressed,
  disabled,
  testId,
  children,
}: {
  label: string;
  shortcut?: string;
  /** More than the label, for the tooltip. */
  tooltip?: string;
  onClick: () => void;
  pressed?: boolean;
  disabled?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  const tip = tooltip ?? label;
  return (
    <button
      type="button"
      className="tool"
      onClick={onClick}
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? `${tip} (${shortcut})` : tip}
      disabled={disabled}
      data-testid={testId}
    >
      {children}
    </button>
  );
}
