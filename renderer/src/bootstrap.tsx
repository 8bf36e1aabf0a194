import { StrictMode, type ReactElement } from 'react';
import type { IdlensApi } from '../../shared/ipc.ts';
import { App } from './App.tsx';
import { ImageMemory } from './image-memory.ts';
import { INITIAL_STATE } from './state/app-state.ts';
import { ControllerProvider } from './state/context.tsx';
import { AppController } from './state/controller.ts';
import { createStore } from './state/store.ts';

/** Builds the app around a bridge: the store, the image memory, the controller and the tree. */
export function createApp(api: IdlensApi | null): {
  controller: AppController;
  element: ReactElement;
  dispose: () => void;
} {
  const store = createStore({ ...INITIAL_STATE, bridge: api !== null });
  const memory = new ImageMemory();
  const controller = new AppController(api ?? missingBridge(), store, memory);
  const dispose = api ? controller.start() : () => undefined;
  const element = (
    <StrictMode>
      <ControllerProvider controller={controller}>
        <App />
      </ControllerProvider>
    </StrictMode>
  );
  return { controller, element, dispose };
}

/** Stands in when the preload is missing, so the page can still say what is wrong. */
function missingBridge(): IdlensApi {
  const fail = () =>
    Promise.resolve({
      ok: false as const,
      error: { code: 'internal' as const, message: 'No bridge.' },
    });
  const off = () => () => undefined;
  return {
    app: { info: fail },
    auth: { status: fail, signIn: fail, cancel: fail, signOut: fail, onChanged: off },
    documents: { load: fail, wipe: fail, lastWipe: fail, onProgress: off, onWipeRequested: off },
    settings: { get: fail, set: fail, secretStatus: fail, setSecret: fail },
    privacy: { report: fail },
    analysis: { state: fail, onChanged: off },
  };
}
