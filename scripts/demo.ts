/**
 * `npm run demo`: the whole app on the embedded demo backend, without an e-Próspera account.
 * Starts the backend on its fixed ports, builds the app if needed, and opens the window with
 * the demo environment. Where no Electron binary can run, the backend keeps running and this
 * says why the window could not open and how to use the backend from the CLI instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_CLIENTS, DEMO_PORTS } from '../shared/environments.ts';
import { startDemoBackend } from '../demo/backend.ts';
import { demoPortHolder } from './demo-ports.ts';
import { findElectronBinary } from './electron-binary.ts';

const root = resolve(import.meta.dirname, '..');

const electronBinary = () => findElectronBinary(root);

/** The demo backend this run uses: its own, or one already running on the fixed ports. */
async function demoBackend(): Promise<{ close: () => Promise<void> }> {
  const holder = await demoPortHolder(DEMO_PORTS.issuer, DEMO_PORTS.images);
  if (holder === 'demo-backend') {
    process.stdout.write(
      [
        `The demo backend is already running on 127.0.0.1:${DEMO_PORTS.issuer} and :${DEMO_PORTS.images}`,
        '(probably `npm run demo:server` in another terminal); using that one.',
        '',
      ].join('\n'),
    );
    return { close: () => Promise.resolve() };
  }
  if (holder === 'other') {
    process.stderr.write(
      [
        `idlens demo: port ${DEMO_PORTS.issuer} or ${DEMO_PORTS.images} on 127.0.0.1 is in use by another program,`,
        'and it does not answer as the demo backend. Stop that program (Linux: `ss -ltnp | grep 448`,',
        'macOS: `lsof -i :4480`) and run `npm run demo` again.',
        '',
      ].join('\n'),
    );
    process.exit(1);
  }
  const backend = await startDemoBackend({
    issuerPort: DEMO_PORTS.issuer,
    imagePort: DEMO_PORTS.images,
  });
  process.stdout.write(
    [
      'idlens demo backend',
      `  issuer / API   ${backend.issuer}`,
      `  image store    ${backend.imageOrigin}`,
      `  client id      ${DEMO_CLIENTS.public} (public, no secret)`,
      '  sign in with user name: full | passport | portrait | unverified | noscope | broken | shortlived (any password)',
      '',
    ].join('\n'),
  );
  return backend;
}

const backend = await demoBackend();

if (
  !existsSync(join(root, 'dist/main/main.js')) ||
  !existsSync(join(root, 'dist/renderer/index.html'))
) {
  process.stdout.write('Building the app…\n');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    await backend.close();
    process.exit(1);
  }
}

let electron = electronBinary();
if ('reason' in electron && existsSync(join(root, 'node_modules/electron/install.js'))) {
  // Electron fetches its binary on first use; try that once before giving up on the window.
  process.stdout.write('Fetching the Electron binary (first run)…\n');
  spawnSync(process.execPath, [join(root, 'node_modules/electron/install.js')], {
    cwd: join(root, 'node_modules/electron'),
    stdio: 'ignore',
    timeout: 120_000,
  });
  electron = electronBinary();
}
let child: ReturnType<typeof spawn> | null = null;
if ('path' in electron) {
  child = spawn(electron.path, [join(root, 'dist/main/main.js'), '--demo'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, IDLENS_DEMO: '1' },
  });
  child.on('exit', (code) => {
    void backend.close().then(() => process.exit(code ?? 0));
  });
} else {
  process.stdout.write(
    [
      `The idlens window could not open: ${electron.reason}.`,
      'The demo backend keeps running. Meanwhile, try the same flow headless:',
      '  npx idlens check --env demo --insecure-loopback',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

const stop = () => {
  child?.kill();
  void backend.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
