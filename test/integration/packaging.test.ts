/**
 * The installer's contents, for real: Vite builds the sources, electron-builder (its own config
 * validation, `files` allowlist and dependency collection) packages them into `app.asar`, and
 * the listing is checked. Honest limits: the Electron binary is a stand-in script (none can be
 * downloaded here), so the fuses are not flipped in this build — their configuration is checked
 * instead — and no AppImage/deb/NSIS/dmg is produced.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkAsarListing, formatProblems } from '../../scripts/gates/asar-allowlist.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'idlens-packaging-test-'));

const Report = z.object({
  asarPath: z.string(),
  asarBytes: z.number(),
  files: z.number(),
  packages: z.array(z.string()),
  appFiles: z.array(z.string()),
  resourcesExtra: z.array(z.string()),
  configProblems: z.array(z.string()),
  problems: z.array(
    z.object({
      path: z.string(),
      kind: z.enum([
        'source-map',
        'typescript-source',
        'test-file',
        'demo-backend',
        'specimen-image',
        'dev-dependency',
        'not-allowlisted',
        'missing',
      ]),
      detail: z.string(),
    }),
  ),
  fusesFlipped: z.literal(false),
  decoys: z.array(z.string()),
});

let run: { status: number | null; stdout: string; stderr: string };
let report: z.infer<typeof Report>;
let listing: string[];

beforeAll(() => {
  // --isolated: Vite builds the current sources into a throw-away copy of the project (the same
  // three builds as `npm run build`, without touching the shared dist/), then packages it.
  // --decoys plants a source map, tests, fixtures, JPEGs and a .ts file into that dist/.
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'scripts', 'package-check.ts'),
      '--isolated',
      '--decoys',
      '--out',
      join(work, 'release'),
      '--json',
      join(work, 'report.json'),
    ],
    { cwd: root, encoding: 'utf8', timeout: 170_000 },
  );
  run = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  if (r.status === 2) {
    throw new Error(
      `the build or packaging failed (the app's own build must pass first):\n${r.stderr.slice(-4000)}`,
    );
  }
  report = Report.parse(JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')));
  listing = listPackage(report.asarPath, { isPack: false }).map((p) =>
    p.replaceAll('\\', '/').replace(/^\/+/, ''),
  );
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('packaged app.asar (electron-builder --linux dir, stand-in Electron)', () => {
  it('passes the packaging check', () => {
    expect(formatProblems(report.problems), run.stdout).toBe('');
    expect(report.configProblems).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('PASS');
  });

  it('holds the entry points and the runtime dependencies', () => {
    for (const file of [
      'package.json',
      'dist/main/main.js',
      // The analysis process main forks as a utilityProcess.
      'dist/main/analysis-worker.js',
      'dist/preload/preload.cjs',
      'dist/renderer/index.html',
    ]) {
      expect(listing, file).toContain(file);
    }
    for (const pkg of [
      'openid-client',
      'zod',
      'jose',
      'oauth4webapi',
      'tesseract.js',
      'mrz',
      'exifr',
      '@vladmandic/face-api',
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-backend-wasm',
      'jpeg-js',
    ]) {
      expect(listing, pkg).toContain(`node_modules/${pkg}/package.json`);
    }
    // The face comparison's models and WASM kernels ship inside their packages (read from there).
    for (const file of [
      'node_modules/@vladmandic/face-api/dist/face-api.node-wasm.js',
      'node_modules/@vladmandic/face-api/model/ssd_mobilenetv1_model.bin',
      'node_modules/@vladmandic/face-api/model/face_landmark_68_model.bin',
      'node_modules/@vladmandic/face-api/model/face_recognition_model.bin',
      'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm',
    ]) {
      expect(listing, file).toContain(file);
    }
    expect(listing.filter((p) => p.startsWith('node_modules/@types/'))).toEqual([]);
    const manifest = z
      .object({ main: z.string(), devDependencies: z.unknown().optional() })
      .parse(JSON.parse(extractFile(report.asarPath, 'package.json').toString('utf8')));
    expect(manifest.main).toBe('dist/main/main.js');
  });

  it('holds no source, map, test, fixture, specimen, demo code or dev dependency', () => {
    expect(listing.filter((p) => /\.(map|ts|tsx|mts|cts|jpe?g)$/.test(p))).toEqual([]);
    expect(
      listing.filter((p) => /(^|\/)(test|tests|__tests__|fixtures|specimens|demo)(\/|$)/.test(p)),
    ).toEqual([]);
    expect(
      listing.filter((p) => /^(electron|renderer|shared|cli|scripts|test|demo|build)\//.test(p)),
    ).toEqual([]);
    for (const dev of [
      'react',
      'react-dom',
      'vite',
      'oidc-provider',
      'sharp',
      'electron',
      'playwright-core',
      'vitest',
      'typescript',
      'electron-builder',
    ]) {
      expect(report.packages, dev).not.toContain(dev);
    }
  });

  it('the files allowlist kept out every planted decoy', () => {
    expect(report.decoys.length).toBeGreaterThanOrEqual(5);
    for (const decoy of report.decoys) expect(listing, decoy).not.toContain(decoy);
  });

  it('nothing but app.asar ships in resources/ (no app/ folder, nothing unpacked)', () => {
    expect(report.resourcesExtra).toEqual([]);
  });

  it('the same check fails on this real listing once a bad entry is planted in it', () => {
    expect(checkAsarListing(listing)).toEqual([]);
    const planted = checkAsarListing([
      ...listing,
      'dist/main/main.js.map',
      'node_modules/react/index.js',
    ]);
    expect(planted.map((p) => p.kind).sort()).toEqual(['dev-dependency', 'source-map']);
  });
});
