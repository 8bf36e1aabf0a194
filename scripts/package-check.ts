/**
 * `npm run dist:check`: builds the app and packages it for Linux as an unpacked folder with
 * electron-builder — against a stand-in Electron, since no Electron binary can be downloaded
 * here — then lists the produced `app.asar` and checks it against the packaging allowlist.
 *
 * What is real: electron-builder's own configuration validation (schema, dependency checks), its
 * file selection (the `files` allowlist in electron-builder.yml), the production-dependency
 * collection and the asar it writes. What is not: the Electron binary (a shell script standing
 * in for it), and therefore the fuses — flipping them needs the real binary's sentinel, so the
 * stand-in build sets `electronFuses: null` for that one build only. The fuse configuration is
 * still validated and compared with the required values; real installer builds
 * (`npm run dist`) flip them, and `npx @electron/fuses read --app <app>` reads them back.
 *
 * Modes:
 *   (default)    package the project's `dist/` (run `npm run build` first) into release/
 *   --isolated   build with Vite into a temporary copy of the project (node_modules hard-linked)
 *                and package there, leaving `dist/` and `release/` untouched — what the tests use
 *   --decoys     (with --isolated) plant files the `files` allowlist must keep out: a source map,
 *                a test, a fixture, a specimen JPEG and a TypeScript source inside dist/
 * Other flags: --out <dir> (electron-builder output), --json <file> (write the report), --keep.
 * Exit codes: 0 clean, 1 packaging problems, 2 the build or packaging itself failed.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { extractFile, listPackage } from '@electron/asar';
import {
  checkAsarListing,
  checkBundleImports,
  formatProblems,
  packageOf,
  runtimePackageNames,
  type Problem,
} from './gates/asar-allowlist.ts';
import { checkFuseConfig } from './gates/fuses.ts';

const projectRoot = resolve(import.meta.dirname, '..');

/**
 * The part of electron-builder's API used here. Loaded untyped: its published declarations do
 * not typecheck under this project's strict settings (missing yargs/snapcraft/keyv types).
 */
interface ElectronBuilderApi {
  build(options: {
    projectDir: string;
    targets: unknown;
    publish: 'never';
    config: Record<string, unknown>;
  }): Promise<string[]>;
  Packager: new (options: { projectDir: string }) => {
    validateConfig(): Promise<void>;
    readonly config: { electronFuses?: unknown } & Record<string, unknown>;
  };
  Platform: { LINUX: { createTarget(type: string, ...archs: number[]): unknown } };
  Arch: { x64: number };
}
const builder = createRequire(import.meta.url)('electron-builder') as ElectronBuilderApi;

export interface PackageReport {
  asarPath: string;
  asarBytes: number;
  files: number;
  directories: number;
  /** Packages under node_modules in the asar. */
  packages: string[];
  /** Files outside node_modules (the app's own). */
  appFiles: string[];
  /** Entries of `resources/` besides app.asar (there should be none). */
  resourcesExtra: string[];
  configProblems: string[];
  problems: Problem[];
  /** Always false here: see the header comment. */
  fusesFlipped: false;
  decoys: string[];
}

/** electron-builder's own validation of electron-builder.yml + package.json; returns the effective config. */
export async function validateBuilderConfig(projectDir: string) {
  const packager = new builder.Packager({ projectDir });
  await packager.validateConfig();
  return packager.config;
}

/**
 * A folder electron-builder accepts as `electronDist`: an `electron` "binary" (a script that
 * only says what it is), the licence file it copies, and the version.
 */
export function makeStandInElectronDist(dir: string, version: string): void {
  mkdirSync(dir, { recursive: true });
  const exe = join(dir, 'electron');
  writeFileSync(
    exe,
    '#!/bin/sh\necho "stand-in for Electron: packaging check only, not runnable" >&2\nexit 1\n',
  );
  chmodSync(exe, 0o755);
  writeFileSync(
    join(dir, 'LICENSE'),
    'Stand-in for the Electron licence (packaging check only).\n',
  );
  writeFileSync(join(dir, 'version'), `${version}\n`);
}

/** The `dir` target for Linux x64 with the stand-in Electron; fuses off for this build only. */
export async function packWithStandIn(options: {
  projectDir: string;
  outDir: string;
  electronDist: string;
}): Promise<string> {
  await builder.build({
    projectDir: options.projectDir,
    targets: builder.Platform.LINUX.createTarget('dir', builder.Arch.x64),
    publish: 'never',
    config: {
      electronDist: options.electronDist,
      // The stand-in has no fuse sentinel ("Could not find sentinel"): skip flipping, here only.
      electronFuses: null,
      directories: { output: options.outDir },
    },
  });
  return join(options.outDir, 'linux-unpacked');
}

/** Hard-links a tree (fast, no extra space); copies where linking is not possible. */
export function linkTree(src: string, dest: string): void {
  mkdirSync(dest, { recursive: true });
  for (const entry of readdirSync(src, { withFileTypes: true })) {
    const from = join(src, entry.name);
    const to = join(dest, entry.name);
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else if (entry.isDirectory()) linkTree(from, to);
    else {
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
    }
  }
}

function run(cmd: string, args: string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    throw new BuildError(
      `${[cmd, ...args].map((a) => relative(cwd, a) || a).join(' ')} failed (exit ${r.status ?? r.signal})\n${r.stdout}\n${r.stderr}`,
    );
  }
}

export class BuildError extends Error {
  override name = 'BuildError';
}

/** Files the `files` allowlist must keep out of the asar, planted into a built dist/. */
export const DECOYS = [
  'dist/main/main.js.map',
  'dist/renderer/assets/decoy.js.map',
  'dist/main/__tests__/decoy.test.js',
  'dist/renderer/fixtures/decoy.json',
  'dist/renderer/specimens/decoy-front.jpg',
  'dist/renderer/decoy.jpg',
  'dist/main/decoy.ts',
] as const;

/**
 * A throw-away copy of the project to package: Vite builds the real sources straight into it,
 * node_modules is hard-linked, and the builder config, icons and hook are copied.
 */
export function prepareIsolatedProject(work: string, options: { decoys: boolean }): string {
  const proj = join(work, 'project');
  mkdirSync(proj, { recursive: true });
  const vite = join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const node = process.execPath;
  run(
    node,
    [vite, 'build', '--logLevel', 'warn', '--outDir', join(proj, 'dist', 'renderer')],
    projectRoot,
  );
  run(
    node,
    [
      vite,
      'build',
      '-c',
      'vite.main.config.ts',
      '--logLevel',
      'warn',
      '--outDir',
      join(proj, 'dist', 'main'),
    ],
    projectRoot,
  );
  run(
    node,
    [
      vite,
      'build',
      '-c',
      'vite.preload.config.ts',
      '--logLevel',
      'warn',
      '--outDir',
      join(proj, 'dist', 'preload'),
    ],
    projectRoot,
  );
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) {
    copyFileSync(join(projectRoot, file), join(proj, file));
  }
  cpSync(join(projectRoot, 'build'), join(proj, 'build'), { recursive: true });
  mkdirSync(join(proj, 'scripts', 'gates'), { recursive: true });
  copyFileSync(
    join(projectRoot, 'scripts', 'gates', 'checksums.ts'),
    join(proj, 'scripts', 'gates', 'checksums.ts'),
  );
  linkTree(join(projectRoot, 'node_modules'), join(proj, 'node_modules'));
  if (options.decoys) {
    for (const decoy of DECOYS) {
      mkdirSync(join(proj, decoy, '..'), { recursive: true });
      writeFileSync(
        join(proj, decoy),
        decoy.endsWith('.jpg') ? Buffer.from([0xff, 0xd8, 0xff, 0xd9]) : '// decoy\n',
      );
    }
  }
  return proj;
}

/** Lists and checks a packaged app folder (`…/linux-unpacked`). */
export function inspectPackage(
  appOutDir: string,
  projectDir: string,
): Omit<PackageReport, 'configProblems' | 'fusesFlipped' | 'decoys'> {
  const resources = join(appOutDir, 'resources');
  const asarPath = join(resources, 'app.asar');
  if (!existsSync(asarPath)) throw new BuildError(`no app.asar at ${asarPath}`);
  const listing = listPackage(asarPath, { isPack: false });
  const lock: unknown = JSON.parse(readFileSync(join(projectDir, 'package-lock.json'), 'utf8'));
  const runtimePackages = runtimePackageNames(lock);
  const problems = checkAsarListing(listing, { runtimePackages });

  const paths = listing.map((p) => p.replaceAll('\\', '/').replace(/^\/+/, ''));
  const dirs = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const files = paths.filter((p) => !dirs.has(p));

  // What the bundles import must be packaged (or be Node/Electron built-ins).
  const bundles = files
    .filter((p) => /^dist\/(main\/.*\.js|preload\/preload\.cjs)$/.test(p))
    .map((p) => ({ path: p, source: extractFile(asarPath, p).toString('utf8') }));
  problems.push(...checkBundleImports(bundles, runtimePackages, builtinModules));

  // The packaged package.json must start the packaged main bundle.
  const manifest = z
    .object({ main: z.string() })
    .safeParse(JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')));
  if (!manifest.success || manifest.data.main !== 'dist/main/main.js') {
    problems.push({
      path: 'package.json',
      kind: 'missing',
      detail: '"main" must be dist/main/main.js',
    });
  }

  const resourcesExtra = readdirSync(resources).filter((n) => n !== 'app.asar');
  for (const extra of resourcesExtra) {
    problems.push({
      path: `resources/${extra}`,
      kind: 'not-allowlisted',
      detail: 'only app.asar may ship in resources/ (no app/ folder, nothing unpacked)',
    });
  }
  return {
    asarPath,
    asarBytes: statSync(asarPath).size,
    files: files.length,
    directories: dirs.size,
    packages: [
      ...new Set(files.map((p) => packageOf(p)?.name).filter((n): n is string => n !== undefined)),
    ].sort(),
    appFiles: files.filter((p) => !p.startsWith('node_modules/')),
    resourcesExtra,
    problems,
  };
}

function electronVersion(): string {
  const pkg = z
    .object({ version: z.string() })
    .parse(
      JSON.parse(
        readFileSync(join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8'),
      ),
    );
  return pkg.version;
}

export async function runPackageCheck(options: {
  isolated: boolean;
  decoys: boolean;
  outDir?: string;
  keep: boolean;
  log: (line: string) => void;
}): Promise<PackageReport> {
  const work = mkdtempSync(join(tmpdir(), 'idlens-pack-'));
  const cwd = process.cwd();
  try {
    let projectDir = projectRoot;
    if (options.isolated) {
      options.log('building with Vite into a temporary copy of the project …');
      projectDir = prepareIsolatedProject(work, { decoys: options.decoys });
    } else if (!existsSync(join(projectRoot, 'dist', 'main', 'main.js'))) {
      throw new BuildError(
        'dist/main/main.js is missing: run `npm run build` first (or use --isolated)',
      );
    }
    options.log('validating electron-builder configuration …');
    const config = await validateBuilderConfig(projectDir);
    const configProblems = checkFuseConfig(config.electronFuses);

    const electronDist = join(work, 'electron-stand-in');
    makeStandInElectronDist(electronDist, electronVersion());
    const outDir =
      options.outDir ?? (options.isolated ? join(work, 'release') : join(projectRoot, 'release'));
    options.log(`packaging (linux dir, stand-in Electron, fuses not flipped) into ${outDir} …`);
    // Hook paths in the config resolve from the working directory.
    process.chdir(projectDir);
    const appOutDir = await packWithStandIn({ projectDir, outDir, electronDist });
    process.chdir(cwd);
    const inspected = inspectPackage(appOutDir, projectDir);
    return {
      ...inspected,
      configProblems,
      fusesFlipped: false,
      decoys: options.isolated && options.decoys ? [...DECOYS] : [],
    };
  } finally {
    process.chdir(cwd);
    if (options.keep) options.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      isolated: { type: 'boolean', default: false },
      decoys: { type: 'boolean', default: false },
      out: { type: 'string' },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const flags = z
    .object({
      isolated: z.boolean(),
      decoys: z.boolean(),
      out: z.string().min(1).optional(),
      json: z.string().min(1).optional(),
      keep: z.boolean(),
    })
    .refine(
      (f) => !f.decoys || f.isolated,
      '--decoys needs --isolated (decoys are never planted in the real dist/)',
    )
    .parse(values);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const report = await runPackageCheck({
      isolated: flags.isolated,
      decoys: flags.decoys,
      keep: flags.keep,
      log,
      ...(flags.out === undefined ? {} : { outDir: resolve(flags.out) }),
    });
    if (flags.json !== undefined)
      writeFileSync(resolve(flags.json), `${JSON.stringify(report, null, 2)}\n`);
    log(
      `\napp.asar: ${report.files} files in ${report.directories} folders, ${(report.asarBytes / 1024 / 1024).toFixed(2)} MiB`,
    );
    log(`  app files: ${report.appFiles.join(', ')}`);
    log(`  packages (${report.packages.length}): ${report.packages.join(', ')}`);
    log('  fuses: configuration checked; not flipped on the stand-in binary');
    const all = [
      ...report.configProblems.map((d) => `  config ${d}`),
      ...(report.problems.length > 0 ? [formatProblems(report.problems)] : []),
    ];
    if (all.length > 0) {
      log(
        `\nFAIL: ${report.configProblems.length + report.problems.length} packaging problem(s):\n${all.join('\n')}`,
      );
      process.exit(1);
    }
    log('\nPASS: the asar holds only the allowlisted bundles and the production dependencies.');
  } catch (error) {
    process.stderr.write(
      `package check: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  }
}
