import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS, startDemoBackend, type DemoBackend, type Persona } from '../../demo/backend.ts';
import { appLocations } from '../../core/privacy/locations.ts';
import { buildPrivacyReport } from '../../core/privacy/report.ts';
import { BROWSER_FIXTURE, MAIN_SIDE_FLOW, cliCommand, pathWithThisNode } from './helpers.ts';
import {
  createSandbox,
  describeViolations,
  runTraced,
  scanWrittenFiles,
  straceAvailable,
  type Sandbox,
  type TracedRun,
} from './strace.ts';

/**
 * Disk audit: the CLI's `idlens check` for every demo persona, and the app's main-side flow,
 * each run under `strace -f` with a fresh HOME, TMPDIR and XDG_* (and NODE_DISABLE_COMPILE_CACHE,
 * UV_USE_IO_URING=0). Every file the run — and every process it started, the $BROWSER stand-in
 * included — created, wrote, truncated, renamed, linked or removed anywhere on the machine is
 * listed; anything but the settings file fails the test, and every written file still present is
 * scanned for JPEG markers, tokens, signed-URL parts and the run's document hashes. The demo
 * backend runs here, in the test process, outside strace.
 *
 * What this proves: on this OS, these runs put nothing on disk but the settings file — not an
 * image, not a token, not a URL, not a temporary file later deleted.
 * What it cannot prove: what the OS does on its own (swap, hibernation, core dumps), what an
 * Electron/Chromium build writes (see electron-privacy.test.ts, and docs/privacy.md), or writes
 * through a descriptor inherited from outside the traced tree.
 */

const SETTINGS_REL = join('idlens', 'settings.json');
const EXPECTED_EXIT: Record<Persona, number> = {
  full: 0,
  passport: 0,
  portrait: 0,
  unverified: 3,
  noscope: 4,
  broken: 5,
  shortlived: 0,
  impostor: 0,
  expired: 0,
  renamed: 0,
  checkdigit: 0,
  edited: 0,
  blurred: 0,
  misprinted: 0,
  mixed: 0,
  swapped: 0,
  greycopy: 0,
  upsidedown: 0,
  tilted: 0,
};

let backend: DemoBackend;
const numbers: string[] = [];

beforeAll(async () => {
  // Not a skip: CI installs strace (.ci/run); without it the audit would prove nothing.
  expect(straceAvailable(), 'strace is required for the disk audit (apt-get install strace)').toBe(
    true,
  );
  backend = await startDemoBackend({ quiet: true });
  numbers.push(`idlens CLI run as: node ${cliCommand().join(' ')}`);
});
afterAll(async () => {
  await backend.close();
  if (numbers.length > 0) console.info(`disk audit:\n  ${numbers.join('\n  ')}`);
});

function settingsFileOf(sandbox: Sandbox): string {
  return join(sandbox.xdgConfig, SETTINGS_REL);
}

async function traced(
  label: string,
  args: string[] | ((sandbox: Sandbox) => string[]),
  env: Record<string, string> = {},
): Promise<{ run: TracedRun; sandbox: Sandbox }> {
  const sandbox = createSandbox();
  sandbox.env['PATH'] = pathWithThisNode();
  const run = await runTraced(process.execPath, typeof args === 'function' ? args(sandbox) : args, {
    sandbox,
    env,
    allow: { files: [settingsFileOf(sandbox)] },
  });
  numbers.push(
    `${label}: exit ${run.exitCode}, ${run.parsed.calls} traced calls, ${run.written.length} path(s) written, ` +
      `${run.violations.length} violation(s), strace log ${Math.round(run.logBytes / 1024)} KiB, ${run.durationMs} ms`,
  );
  return { run, sandbox };
}

/** The privacy report over the sandbox's idlens locations. */
async function reportOf(sandbox: Sandbox) {
  return buildPrivacyReport({
    locations: appLocations({
      platform: 'linux',
      env: { XDG_CONFIG_HOME: sandbox.xdgConfig },
      homedir: sandbox.home,
      tmpdir: sandbox.tmp,
    }),
  });
}

function checkArgs(extra: string[] = []): string[] {
  return [
    ...cliCommand(),
    'check',
    '--env',
    'custom',
    '--issuer',
    backend.issuer,
    '--api-base',
    backend.apiBase,
    '--insecure-loopback',
    '--allow-image-host',
    '127.0.0.1',
    '--client-id',
    backend.clients.public.clientId,
    '--json',
    ...extra,
  ];
}

function hashesOf(stdout: string): string[] {
  const out = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
    documents?: Record<string, { sha256: string } | null>;
  };
  return Object.values(out.documents ?? {}).flatMap((d) => (d ? [d.sha256] : []));
}

describe('disk audit: the tracer itself', () => {
  it('sees nothing when Node runs a script that writes nothing', async () => {
    const { run, sandbox } = await traced('node -e (no writes)', ['-e', 'process.exitCode = 0']);
    try {
      expect(run.exitCode).toBe(0);
      expect(run.parsed.calls).toBeGreaterThan(10); // it did trace Node starting up
      expect(run.parsed.blind).toEqual([]);
      expect(describeViolations(run.violations)).toBe('');
    } finally {
      sandbox.dispose();
    }
  });

  it('catches a deliberate write of an image, and the scanner finds the JPEG in it', async () => {
    const script = [
      "const { writeFileSync } = require('node:fs');",
      "const { join } = require('node:path');",
      "writeFileSync(join(process.env.TMPDIR, 'leak.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));",
    ].join('\n');
    const { run, sandbox } = await traced('node -e (writes an image)', ['-e', script]);
    try {
      expect(run.exitCode).toBe(0);
      const leak = join(sandbox.tmp, 'leak.jpg');
      expect(run.violations.map((v) => `${v.op} ${v.path}`)).toEqual([`create ${leak}`]);
      const scan = await scanWrittenFiles(run.written);
      expect(scan.sensitive).toEqual([
        { path: leak, findings: [{ kind: 'jpeg', count: 1, firstOffset: 0 }] },
      ]);
    } finally {
      sandbox.dispose();
    }
  });
});

describe('disk audit: idlens check writes nothing, for every persona', () => {
  for (const persona of PERSONAS) {
    it(`check as ${persona}: exit ${EXPECTED_EXIT[persona]}, nothing created or written`, async () => {
      const { run, sandbox } = await traced(`check ${persona}`, checkArgs(), {
        BROWSER: BROWSER_FIXTURE,
        IDLENS_DEMO_PERSONA: persona,
      });
      try {
        expect(run.exitCode, run.stderr).toBe(EXPECTED_EXIT[persona]);
        if (EXPECTED_EXIT[persona] === 0) expect(hashesOf(run.stdout).length).toBeGreaterThan(1);
        expect(run.parsed.blind).toEqual([]);
        expect(describeViolations(run.violations)).toBe('');
        const scan = await scanWrittenFiles(run.written, hashesOf(run.stdout));
        expect(scan.sensitive).toEqual([]);
        const report = await reportOf(sandbox);
        expect(report.verdict).toBe('clean');
        expect(report.summary).toMatchObject({ files: 0, sessionFolders: 0 });
      } finally {
        sandbox.dispose();
      }
    });
  }

  for (const [persona, band] of [
    ['full', 'same'],
    ['impostor', 'different'],
  ] as const) {
    it(`check --analyze as ${persona}: the checks and the face comparison write nothing and reach no other host`, async () => {
      const { run, sandbox } = await traced(
        `check ${persona} --analyze`,
        checkArgs(['--analyze']),
        {
          BROWSER: BROWSER_FIXTURE,
          IDLENS_DEMO_PERSONA: persona,
        },
      );
      try {
        expect(run.exitCode, run.stderr).toBe(0);
        const out = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as {
          analysis?: { face?: { band?: string } };
        };
        expect(out.analysis?.face?.band).toBe(band);
        expect(run.parsed.blind).toEqual([]);
        expect(describeViolations(run.violations)).toBe('');
        // Sockets only to the demo on loopback (sign-in, API, images): none elsewhere.
        expect(run.parsed.connects.some((c) => c.includes('inet_addr("127.0.0.1")'))).toBe(true);
        const elsewhere = run.parsed.connects.filter(
          (c) =>
            /inet_addr\("(?!127\.0\.0\.1")/.test(c) || /inet_pton\(AF_INET6, "(?!::1")/.test(c),
        );
        expect(elsewhere).toEqual([]);
        const report = await reportOf(sandbox);
        expect(report.verdict).toBe('clean');
      } finally {
        sandbox.dispose();
      }
    });
  }

  it('companion: check --save-dir (a deliberate write of the images) is caught', async () => {
    const { run, sandbox } = await traced(
      'check full --save-dir',
      (box) => checkArgs(['--save-dir', join(box.home, 'saved')]),
      { BROWSER: BROWSER_FIXTURE, IDLENS_DEMO_PERSONA: 'full' },
    );
    try {
      expect(run.exitCode, run.stderr).toBe(0);
      const saved = join(sandbox.home, 'saved');
      const outside = run.violations.map(
        (v) => `${v.op} ${v.path.startsWith(saved) ? 'saved/' : v.path}`,
      );
      expect(outside).toContain('mkdir saved/');
      expect(outside.filter((v) => v === 'create saved/')).toHaveLength(3);
      const hashes = hashesOf(run.stdout);
      const scan = await scanWrittenFiles(run.written, hashes);
      expect(scan.sensitive).toHaveLength(3);
      for (const file of scan.sensitive) {
        expect(file.path.startsWith(saved)).toBe(true);
        expect(file.findings.map((f) => f.kind)).toEqual(['jpeg', 'document-file']);
      }
    } finally {
      sandbox.dispose();
    }
  });
});

describe('disk audit: the main-side flow of the app (sign in, load, wipe, sign out)', () => {
  it('writes the settings file and nothing else; the settings file and the report are clean', async () => {
    const { run, sandbox } = await traced('main-side flow', (box) => [
      MAIN_SIDE_FLOW,
      '--issuer',
      backend.issuer,
      '--api-base',
      backend.apiBase,
      '--client-id',
      backend.clients.public.clientId,
      '--persona',
      'full',
      '--settings-file',
      settingsFileOf(box),
    ]);
    try {
      expect(run.exitCode, run.stderr).toBe(0);
      const outcome = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(outcome).toMatchObject({
        settings: 'saved',
        signIn: 'signedIn',
        load: { ok: true, verified: true, images: 3 },
        signOut: 'signedOut',
        zeroFilled: true,
        // The in-app report (privacy:report), run inside the traced process: clean, the settings
        // file only, and it looked for the three documents' hashes.
        privacy: { verdict: 'clean', files: 1, hashes: 3 },
      });
      expect(run.parsed.blind).toEqual([]);
      expect(describeViolations(run.violations)).toBe('');
      // The allowlist was exercised, not vacuous: the settings file was really written.
      expect(run.written).toContain(settingsFileOf(sandbox));
      const scan = await scanWrittenFiles(run.written);
      expect(scan.scanned).toBeGreaterThan(0);
      expect(scan.sensitive).toEqual([]);
      const report = await reportOf(sandbox);
      expect(report.verdict).toBe('clean');
      expect(report.entries.filter((e) => e.type !== 'directory').map((e) => e.known)).toEqual([
        'settings',
      ]);
    } finally {
      sandbox.dispose();
    }
  });
});
