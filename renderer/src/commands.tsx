import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  type ReactNode,
  type RefObject,
} from 'react';
import type { Command } from './shortcuts.ts';

export type CommandHandlers = Partial<Record<Command, () => void>>;

const CommandContext = createContext<RefObject<CommandHandlers> | null>(null);

/** Lets the screen on display answer keyboard commands the app-level key handler matched. */
export function CommandProvider({
  handlers,
  children,
}: {
  handlers: RefObject<CommandHandlers>;
  children: ReactNode;
}) {
  return <CommandContext value={handlers}>{children}</CommandContext>;
}

export function useCommands(handlers: CommandHandlers): void {
  const registryRef = useContext(CommandContext);
  useEffect(() => {
    if (!registryRef) return;
    registryRef.current = handlers;
    return () => {
      if (registryRef.current === handlers) registryRef.current = {};
    };
  });
}

/**
 * Runs a command as its key would: the toolbar's buttons call the very handlers the keyboard
 * reaches, so a button and its shortcut cannot drift apart.
 */
export function useRunCommand(): (command: Command) => void {
  const registryRef = useContext(CommandContext);
  return useCallback((command: Command) => registryRef?.current[command]?.(), [registryRef]);
}
