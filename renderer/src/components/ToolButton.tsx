import type { ReactNode } from 'react';
import { shortcutHint, type Command } from '../shortcuts.ts';
import type { AppState } from '../state/app-state.ts';
import { useAppState } from '../state/context.tsx';

const selectSingleKeys = (s: AppState) => s.settings?.singleKeyShortcuts ?? true;

/** The key the tooltip names for a command, as the key table and the settings have it now. */
export function useShortcutHint(command: Command | undefined): string | null {
  const singleKeys = useAppState(selectSingleKeys);
  return command ? shortcutHint(command, singleKeys) : null;
}

/**
 * A tool button: its accessible name is the label, which contains any visible text (WCAG 2.5.3,
 * so speech input can press it by what it shows), and its tooltip repeats the label with the
 * command's key from the shortcut table — none when that key is turned off. `pressed` makes it a
 * toggle.
 */
export function ToolButton({
  label,
  command,
  tooltip,
  onClick,
  pressed,
  disabled,
  testId,
  text,
  children,
}: {
  label: string;
  /** The keyboard command this button also is; its key is named in the tooltip. */
  command?: Command;
  /** More than the label, for the tooltip. */
  tooltip?: string;
  onClick: () => void;
  pressed?: boolean;
  disabled?: boolean;
  testId?: string;
  /** Text shown on the button; `label` must contain it. */
  text?: string;
  children?: ReactNode;
}) {
  const hint = useShortcutHint(command);
  const tip = tooltip ?? label;
  return (
    <button
      type="button"
      className={text ? 'tool tool--text' : 'tool'}
      onClick={onClick}
      aria-label={label}
      aria-pressed={pressed}
      title={hint ? `${tip} (${hint})` : tip}
      disabled={disabled}
      data-testid={testId}
    >
      {children}
      {text && <span>{text}</span>}
    </button>
  );
}
