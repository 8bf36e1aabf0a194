import {
  createContext,
  useCallback,
  useContext,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { AppState } from './app-state.ts';
import type { AppController } from './controller.ts';

const ControllerContext = createContext<AppController | null>(null);

export function ControllerProvider({
  controller,
  children,
}: {
  controller: AppController;
  children: ReactNode;
}) {
  return <ControllerContext value={controller}>{children}</ControllerContext>;
}

export function useController(): AppController {
  const controller = useContext(ControllerContext);
  if (!controller) throw new Error('useController outside ControllerProvider');
  return controller;
}

/** Reads one slice of the app state; re-renders only when that slice changes identity. */
export function useAppState<T>(select: (state: AppState) => T): T {
  const { store } = useController();
  const getSnapshot = useCallback(() => select(store.get()), [store, select]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}
