/**
 * What may ship inside `app.asar`, as pure functions over a file listing (the output of
 * `asar list`, or `@electron/asar`'s `listPackage`). The installer must carry the built main,
 * preload and renderer bundles and the production dependency closure — nothing else: no
 * sources, source maps, tests, fixtures, specimen images, demo backend or dev dependencies.
 */

export type ProblemKind =
  | 'source-map'
  | 'typescript-source'
  | 'test-file'
  | 'demo-backend'
  | 'specimen-image'
  | 'dev-dependency'
  | 'not-allowlisted'
  | 'missing';

export interface Problem {
  /** Path inside the archive (no leading slash), or the package root for dependency problems. */
  path: string;
  kind: ProblemKind;
  detail: string;
}

export interface AsarCheckOptions {
  /**
   * Names of the packages in the production dependency closure (see `runtimePackageNames`).
   * When given, any other package under node_modules is a problem, and every one of them must
   * be present. Without it only the well-known dev-only packages below are refused.
   */
  runtimePackages?: ReadonlySet<string>;
}

/** Files the app cannot start without. */
export const REQUIRED_FILES = [
  'package.json',
  'dist/main/main.js',
  'dist/preload/preload.cjs',
  'dist/renderer/index.html',
] as const;

/** The direct runtime dependencies from package.json; each must be packaged. */
export const REQUIRED_PACKAGES = [
  'openid-client',
  'zod',
  // Review assist: OCR engine, its WebAssembly core and English model, MRZ parser, EXIF reader.
  'tesseract.js',
  'tesseract.js-core',
  '@tesseract.js-data/eng',
  'mrz',
  'exifr',
  // Review assist: face detection and description (models inside the package), the TensorFlow.js
  // runtime and its WebAssembly backend, and the JPEG decoder the faces are read with.
  '@vladmandic/face-api',
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-backend-wasm',
  'jpeg-js',
] as const;

/**
 * Packages that only build, test or demo the app. Refused even when no lock file is at hand,
 * so that the check still means something if `runtimePackages` is not passed.
 */
export const KNOWN_DEV_PACKAGES: readonly (string | RegExp)[] = [
  'electron',
  'electron-builder',
  'app-builder-lib',
  '@electron/asar',
  '@electron/fuses',
  'react',
  'react-dom',
  'scheduler',
  'vite',
  'rolldown',
  'esbuild',
  'vitest',
  'oidc-provider',
  'sharp',
  'playwright',
  'playwright-core',
  'typescript',
  'eslint',
  'prettier',
  'jsdom',
  'fast-check',
  // Its face model is only benchmarked (test/bench/face-models.bench.ts); the app never loads it.
  '@vladmandic/human',
  /^@vitejs\//,
  /^@vitest\//,
  /^@img\//,
  /^@testing-library\//,
  /^@types\//,
  /^@eslint\//,
  /^@typescript-eslint\//,
];

const TEST_DIRS = new Set(['test', 'tests', '__tests__', '__mocks__', 'fixtures', 'spec']);

/** `/dist/main/main.js` or `\dist\main\main.js` → `dist/main/main.js`. */
export function normalizeAsarPath(p: string): string {
  return p.replaceAll('\\', '/').replace(/^\/+/, '').replace(/\/+$/, '');
}

/**
 * The package a path under node_modules belongs to (innermost, for nested node_modules), or
 * null when the path is not inside a package.
 */
export function packageOf(path: string): { name: string; root: string } | null {
  const parts = path.split('/');
  let found: { name: string; root: string } | null = null;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] !== 'node_modules') continue;
    const first = parts[i + 1];
    if (first === undefined) break;
    if (first.startsWith('@')) {
      const second = parts[i + 2];
      if (second === undefined) break;
      found = { name: `${first}/${second}`, root: parts.slice(0, i + 3).join('/') };
      i += 2;
    } else {
      found = { name: first, root: parts.slice(0, i + 2).join('/') };
      i += 1;
    }
  }
  return found;
}

function isKnownDevPackage(name: string): boolean {
  return KNOWN_DEV_PACKAGES.some((p) => (typeof p === 'string' ? p === name : p.test(name)));
}

/** Whether a path outside node_modules is one the `files` allowlist is meant to let through. */
function isAllowlistedAppPath(path: string, isDirectory: boolean): boolean {
  if (path === 'package.json') return true;
  if (path === 'dist/preload/preload.cjs') return true;
  if (path.startsWith('dist/renderer/')) return true;
  if (path.startsWith('dist/main/')) return isDirectory || path.endsWith('.js');
  if (isDirectory)
    return (
      ['dist', 'dist/main', 'dist/preload', 'dist/renderer', 'node_modules'].includes(path) ||
      // A scope folder (node_modules/@scope) holds packages and nothing else.
      /(^|\/)node_modules\/@[^/]+$/.test(path)
    );
  return false;
}

/**
 * Checks an asar listing against the packaging allowlist. Returns one problem per offending
 * file (one per package for dependencies); an empty array means the archive is clean.
 */
export function checkAsarListing(paths: string[], options: AsarCheckOptions = {}): Problem[] {
  const entries = [...new Set(paths.map(normalizeAsarPath).filter((p) => p !== ''))].sort();
  const present = new Set(entries);
  const directories = new Set<string>();
  for (const p of entries) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) directories.add(parts.slice(0, i).join('/'));
  }

  const problems: Problem[] = [];
  const reportedPackages = new Set<string>();
  const packagedNames = new Set<string>();

  for (const path of entries) {
    const isDirectory = directories.has(path);
    const segments = path.split('/');
    const base = segments.at(-1) ?? path;
    const pkg = packageOf(path);
    if (pkg !== null) packagedNames.add(pkg.name);

    if (pkg !== null && !reportedPackages.has(pkg.root)) {
      const { runtimePackages } = options;
      if (isKnownDevPackage(pkg.name)) {
        reportedPackages.add(pkg.root);
        problems.push({
          path: pkg.root,
          kind: 'dev-dependency',
          detail: `${pkg.name} is a build, test or demo tool, not a runtime dependency`,
        });
        continue;
      }
      if (runtimePackages !== undefined && !runtimePackages.has(pkg.name)) {
        reportedPackages.add(pkg.root);
        problems.push({
          path: pkg.root,
          kind: 'dev-dependency',
          detail: `${pkg.name} is not in the production dependency closure`,
        });
        continue;
      }
    }
    if (pkg !== null && reportedPackages.has(pkg.root)) continue;
    if (isDirectory && pkg === null && isAllowlistedAppPath(path, true)) continue;

    if (!isDirectory && /\.map$/i.test(base)) {
      problems.push({ path, kind: 'source-map', detail: 'source maps must not ship' });
    } else if (!isDirectory && /\.(ts|tsx|mts|cts)$/i.test(base)) {
      problems.push({
        path,
        kind: 'typescript-source',
        detail: 'TypeScript sources and declarations must not ship',
      });
    } else if (segments.includes('demo') || (pkg === null && /^(demo|backend)[.-]/i.test(base))) {
      problems.push({ path, kind: 'demo-backend', detail: 'the demo backend must not ship' });
    } else if (
      /\.(test|spec)\.[cm]?[jt]sx?$/i.test(base) ||
      segments.slice(0, -1).some((s) => TEST_DIRS.has(s)) ||
      (isDirectory && TEST_DIRS.has(base))
    ) {
      problems.push({ path, kind: 'test-file', detail: 'tests and fixtures must not ship' });
    } else if (/\.jpe?g$/i.test(base) || /specimen/i.test(path)) {
      problems.push({
        path,
        kind: 'specimen-image',
        detail: 'the app ships no images of documents; specimens belong to the demo',
      });
    } else if (pkg === null && !isAllowlistedAppPath(path, isDirectory)) {
      problems.push({
        path,
        kind: 'not-allowlisted',
        detail:
          'only package.json, dist/main/*.js, dist/preload/preload.cjs, dist/renderer/** and node_modules may ship',
      });
    }
  }

  for (const file of REQUIRED_FILES) {
    if (!present.has(file))
      problems.push({ path: file, kind: 'missing', detail: 'required by the app at start-up' });
  }
  const requiredPackages = new Set<string>(REQUIRED_PACKAGES);
  for (const name of options.runtimePackages ?? []) requiredPackages.add(name);
  for (const name of [...requiredPackages].sort()) {
    if (!packagedNames.has(name)) {
      problems.push({
        path: `node_modules/${name}`,
        kind: 'missing',
        detail: 'runtime dependency not packaged',
      });
    }
  }
  return problems;
}

/**
 * The production dependency closure from an npm lock file (v2/v3): every package entry that
 * npm did not mark `dev` or `devOptional`. Returns package names. Type-declaration packages
 * (`@types/*`) are left out even when a runtime package lists them as dependencies (the
 * TensorFlow.js packages do): nothing loads them at run time, and electron-builder.yml keeps
 * them out of the archive.
 */
export function runtimePackageNames(lock: unknown): Set<string> {
  const names = new Set<string>();
  if (typeof lock !== 'object' || lock === null || !('packages' in lock)) {
    throw new Error('not an npm lock file with a "packages" map (lockfileVersion 2 or 3)');
  }
  const packages = lock.packages;
  if (typeof packages !== 'object' || packages === null)
    throw new Error('lock file "packages" is not an object');
  for (const [key, value] of Object.entries(packages)) {
    if (key === '' || typeof value !== 'object' || value === null) continue;
    const flags = value as { dev?: unknown; devOptional?: unknown; link?: unknown };
    if (flags.dev === true || flags.devOptional === true || flags.link === true) continue;
    const pkg = packageOf(key);
    if (pkg !== null && !pkg.name.startsWith('@types/')) names.add(pkg.name);
  }
  return names;
}

/**
 * Bare module specifiers imported by a built bundle (`import … from "x"`, `import("x")`,
 * `require("x")`, `export … from "x"`), as package names (`zod/mini` → `zod`).
 */
export function bareImports(source: string): Set<string> {
  const found = new Set<string>();
  const patterns = [
    /\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) {
    for (const m of source.matchAll(re)) {
      const spec = m[1];
      if (spec === undefined || spec.startsWith('.') || spec.startsWith('/')) continue;
      const parts = spec.split('/');
      const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
      found.add(name);
    }
  }
  return found;
}

/**
 * Bundled main/preload code may only import Node built-ins, `electron` and the packaged runtime
 * dependencies; anything else would be missing from the installed app (or drag a dev-only
 * module such as the demo backend's provider into it).
 */
export function checkBundleImports(
  files: { path: string; source: string }[],
  runtimePackages: ReadonlySet<string>,
  builtins: readonly string[],
): Problem[] {
  const allowed = new Set<string>(['electron', ...runtimePackages, ...builtins]);
  const problems: Problem[] = [];
  for (const file of files) {
    for (const name of bareImports(file.source)) {
      if (name.startsWith('node:') || allowed.has(name)) continue;
      problems.push({
        path: file.path,
        kind: isKnownDevPackage(name) ? 'dev-dependency' : 'not-allowlisted',
        detail: `imports "${name}", which is not packaged`,
      });
    }
  }
  return problems;
}

/** One line per problem, for logs and assertion messages. */
export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `  ${p.kind.padEnd(18)} ${p.path} — ${p.detail}`).join('\n');
}
