import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bareImports,
  checkAsarListing,
  checkBundleImports,
  packageOf,
  runtimePackageNames,
  type Problem,
} from '../../../../scripts/gates/asar-allowlist.ts';
import { REQUIRED_FUSES, checkFuseConfig } from '../../../../scripts/gates/fuses.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const lock: unknown = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));

/** A listing shaped like `asar list` output of a good build (leading slashes, folders included). */
const CLEAN = [
  '/dist',
  '/dist/main',
  '/dist/main/chunks',
  '/dist/main/chunks/environments-DQxAUfTn.js',
  '/dist/main/cli.js',
  '/dist/main/main.js',
  '/dist/preload',
  '/dist/preload/preload.cjs',
  '/dist/renderer',
  '/dist/renderer/assets',
  '/dist/renderer/assets/index-CQG_96_s.js',
  '/dist/renderer/assets/index-Glw7DOC8.css',
  '/dist/renderer/index.html',
  '/node_modules',
  '/node_modules/openid-client',
  '/node_modules/openid-client/build/index.js',
  '/node_modules/openid-client/package.json',
  '/node_modules/jose',
  '/node_modules/jose/dist/webapi/index.js',
  '/node_modules/jose/package.json',
  '/node_modules/zod',
  '/node_modules/zod/index.js',
  '/node_modules/zod/package.json',
  '/node_modules/@tesseract.js-data',
  '/node_modules/@tesseract.js-data/eng',
  '/node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz',
  '/node_modules/@tesseract.js-data/eng/package.json',
  '/node_modules/tesseract.js',
  '/node_modules/tesseract.js/src/index.js',
  '/node_modules/tesseract.js/package.json',
  '/node_modules/tesseract.js-core',
  '/node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm.js',
  '/node_modules/tesseract.js-core/package.json',
  '/node_modules/mrz',
  '/node_modules/mrz/lib/index.js',
  '/node_modules/mrz/package.json',
  '/node_modules/exifr',
  '/node_modules/exifr/dist/full.umd.cjs',
  '/node_modules/exifr/package.json',
  '/node_modules/@vladmandic',
  '/node_modules/@vladmandic/face-api',
  '/node_modules/@vladmandic/face-api/dist/face-api.node-wasm.js',
  '/node_modules/@vladmandic/face-api/model/face_recognition_model.bin',
  '/node_modules/@vladmandic/face-api/package.json',
  '/node_modules/@tensorflow',
  '/node_modules/@tensorflow/tfjs',
  '/node_modules/@tensorflow/tfjs/dist/index.js',
  '/node_modules/@tensorflow/tfjs/package.json',
  '/node_modules/@tensorflow/tfjs-backend-wasm',
  '/node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm',
  '/node_modules/@tensorflow/tfjs-backend-wasm/package.json',
  '/node_modules/jpeg-js',
  '/node_modules/jpeg-js/index.js',
  '/node_modules/jpeg-js/package.json',
  '/package.json',
];

const kinds = (problems: Problem[]) => problems.map((p) => [p.kind, p.path]);

describe('checkAsarListing', () => {
  it('accepts the bundles, package.json and runtime dependencies', () => {
    expect(checkAsarListing(CLEAN)).toEqual([]);
  });

  it('accepts Windows-style paths from asar on Windows', () => {
    expect(checkAsarListing(CLEAN.map((p) => p.replaceAll('/', '\\')))).toEqual([]);
  });

  it('refuses a source map, in the app or in a dependency', () => {
    const problems = checkAsarListing([
      ...CLEAN,
      '/dist/main/main.js.map',
      '/node_modules/zod/index.js.map',
    ]);
    expect(kinds(problems)).toEqual([
      ['source-map', 'dist/main/main.js.map'],
      ['source-map', 'node_modules/zod/index.js.map'],
    ]);
  });

  it('refuses test files and test folders', () => {
    const problems = checkAsarListing([
      ...CLEAN,
      '/test',
      '/test/x.test.ts',
      '/dist/main/ipc.test.js',
      '/node_modules/zod/tests/parse.js',
    ]);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'test/x.test.ts',
        'dist/main/ipc.test.js',
        'node_modules/zod/tests/parse.js',
      ]),
    );
    expect(problems.find((p) => p.path === 'dist/main/ipc.test.js')?.kind).toBe('test-file');
    expect(problems.find((p) => p.path === 'node_modules/zod/tests/parse.js')?.kind).toBe(
      'test-file',
    );
    // A .ts test is a TypeScript source first; either way it is refused.
    expect(problems.find((p) => p.path === 'test/x.test.ts')?.kind).toBe('typescript-source');
  });

  it('refuses the demo backend, as source or as a bundled chunk', () => {
    const problems = checkAsarListing([
      ...CLEAN,
      '/demo',
      '/demo/backend.ts',
      '/demo/provider.js',
      '/dist/main/chunks/backend-Ab12.js',
    ]);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'demo/backend.ts',
        'demo/provider.js',
        'dist/main/chunks/backend-Ab12.js',
      ]),
    );
    expect(problems.find((p) => p.path === 'demo/provider.js')?.kind).toBe('demo-backend');
    expect(problems.find((p) => p.path === 'dist/main/chunks/backend-Ab12.js')?.kind).toBe(
      'demo-backend',
    );
  });

  it('refuses specimen images and any JPEG', () => {
    const problems = checkAsarListing([
      ...CLEAN,
      '/dist/renderer/assets/front.jpg',
      '/dist/renderer/specimen-selfie.png',
    ]);
    expect(kinds(problems)).toEqual([
      ['specimen-image', 'dist/renderer/assets/front.jpg'],
      ['specimen-image', 'dist/renderer/specimen-selfie.png'],
    ]);
  });

  it('refuses dev dependencies once per package, scoped ones included', () => {
    const problems = checkAsarListing([
      ...CLEAN,
      '/node_modules/react',
      '/node_modules/react/index.js',
      '/node_modules/react/package.json',
      '/node_modules/@vitejs/plugin-react/dist/index.js',
      '/node_modules/oidc-provider/lib/index.js',
      '/node_modules/electron/index.js',
      '/node_modules/sharp/lib/index.js',
      '/node_modules/playwright-core/index.js',
    ]);
    expect(kinds(problems)).toEqual([
      ['dev-dependency', 'node_modules/@vitejs/plugin-react'],
      ['dev-dependency', 'node_modules/electron'],
      ['dev-dependency', 'node_modules/oidc-provider'],
      ['dev-dependency', 'node_modules/playwright-core'],
      ['dev-dependency', 'node_modules/react'],
      ['dev-dependency', 'node_modules/sharp'],
    ]);
  });

  it('with the production closure, refuses any other package and requires every member', () => {
    const runtimePackages = new Set([
      'openid-client',
      'jose',
      'zod',
      'tesseract.js',
      'tesseract.js-core',
      '@tesseract.js-data/eng',
      'mrz',
      'exifr',
      '@vladmandic/face-api',
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-backend-wasm',
      'jpeg-js',
      'oauth4webapi',
    ]);
    const problems = checkAsarListing(
      [
        ...CLEAN,
        '/node_modules/left-pad/index.js',
        '/node_modules/openid-client/node_modules/debug/x.js',
      ],
      { runtimePackages },
    );
    expect(kinds(problems)).toEqual([
      ['dev-dependency', 'node_modules/left-pad'],
      ['dev-dependency', 'node_modules/openid-client/node_modules/debug'],
      ['missing', 'node_modules/oauth4webapi'],
    ]);
  });

  it('refuses sources and anything outside the allowlisted folders', () => {
    const problems = checkAsarListing([
      ...CLEAN,
      '/electron/main.ts',
      '/renderer/src/App.tsx',
      '/scripts/make-icons.js',
      '/README.md',
      '/dist/preload/preload.ts',
      '/dist/main/notes.txt',
      '/node_modules/zod/index.d.cts',
    ]);
    expect(kinds(problems)).toEqual([
      ['not-allowlisted', 'README.md'],
      ['not-allowlisted', 'dist/main/notes.txt'],
      ['typescript-source', 'dist/preload/preload.ts'],
      ['typescript-source', 'electron/main.ts'],
      ['typescript-source', 'node_modules/zod/index.d.cts'],
      ['typescript-source', 'renderer/src/App.tsx'],
      ['not-allowlisted', 'scripts/make-icons.js'],
    ]);
  });

  it('requires the entry points and the direct runtime dependencies', () => {
    const problems = checkAsarListing(['/package.json', '/dist/main/main.js']);
    expect(kinds(problems)).toEqual([
      ['missing', 'dist/preload/preload.cjs'],
      ['missing', 'dist/renderer/index.html'],
      ['missing', 'node_modules/@tensorflow/tfjs'],
      ['missing', 'node_modules/@tensorflow/tfjs-backend-wasm'],
      ['missing', 'node_modules/@tesseract.js-data/eng'],
      ['missing', 'node_modules/@vladmandic/face-api'],
      ['missing', 'node_modules/exifr'],
      ['missing', 'node_modules/jpeg-js'],
      ['missing', 'node_modules/mrz'],
      ['missing', 'node_modules/openid-client'],
      ['missing', 'node_modules/tesseract.js'],
      ['missing', 'node_modules/tesseract.js-core'],
      ['missing', 'node_modules/zod'],
    ]);
  });
});

describe('packageOf', () => {
  it('names the innermost package, scoped or not', () => {
    expect(packageOf('node_modules/zod/v4/index.js')).toEqual({
      name: 'zod',
      root: 'node_modules/zod',
    });
    expect(packageOf('node_modules/@img/sharp-linux-x64/lib/x.node')).toEqual({
      name: '@img/sharp-linux-x64',
      root: 'node_modules/@img/sharp-linux-x64',
    });
    expect(packageOf('node_modules/conf/node_modules/type-fest/index.js')).toEqual({
      name: 'type-fest',
      root: 'node_modules/conf/node_modules/type-fest',
    });
    expect(packageOf('dist/main/main.js')).toBeNull();
  });
});

describe('runtimePackageNames (from the real package-lock.json)', () => {
  const names = runtimePackageNames(lock);

  it('holds the runtime dependencies and what they pull in', () => {
    for (const name of [
      'openid-client',
      'zod',
      'jose',
      'oauth4webapi',
      'tesseract.js',
      'mrz',
      '@vladmandic/face-api',
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-wasm',
      'jpeg-js',
    ]) {
      expect(names, name).toContain(name);
    }
  });

  it('leaves out type-declaration packages, even those a runtime package depends on', () => {
    // @tensorflow/tfjs-core lists @types/long and @types/seedrandom as dependencies.
    expect([...names].filter((n) => n.startsWith('@types/'))).toEqual([]);
  });

  it('leaves out build, test and demo tools', () => {
    for (const name of [
      'react',
      'react-dom',
      'vite',
      'oidc-provider',
      'sharp',
      'electron',
      'playwright-core',
      'vitest',
      'typescript',
      // Benchmarked against face-api's models (test/bench/face-models.bench.ts), never shipped.
      '@vladmandic/human',
    ]) {
      expect(names, name).not.toContain(name);
    }
  });

  it('refuses something that is not a lock file', () => {
    expect(() => runtimePackageNames({ name: 'x' })).toThrow(/lock file/);
  });
});

describe('bundle imports', () => {
  it('finds static, dynamic, re-export and require specifiers as package names', () => {
    const src = `import { a } from "zod/mini"; export * from 'openid-client';
      const x = await import('@scope/pkg/sub'); require("node:fs"); import "../../chunks/x.js";`;
    expect([...bareImports(src)].sort()).toEqual(['@scope/pkg', 'node:fs', 'openid-client', 'zod']);
  });

  it('refuses a bundle importing a package that is not packaged', () => {
    const runtime = new Set(['zod', 'openid-client']);
    const problems = checkBundleImports(
      [
        {
          path: 'dist/main/main.js',
          source: `import { app } from 'electron'; import fs from 'fs'; import { z } from 'zod';`,
        },
        {
          path: 'dist/main/chunks/demo.js',
          source: `import Provider from 'oidc-provider'; import x from 'left-pad';`,
        },
      ],
      runtime,
      builtinModules,
    );
    expect(kinds(problems)).toEqual([
      ['dev-dependency', 'dist/main/chunks/demo.js'],
      ['not-allowlisted', 'dist/main/chunks/demo.js'],
    ]);
    expect(problems[0]?.detail).toContain('oidc-provider');
  });
});

describe('electronFuses', () => {
  it('accepts exactly the required values', () => {
    expect(checkFuseConfig({ ...REQUIRED_FUSES })).toEqual([]);
  });

  it('names each fuse that is missing or flipped the wrong way', () => {
    const { onlyLoadAppFromAsar: _dropped, ...rest } = REQUIRED_FUSES;
    expect(checkFuseConfig({ ...rest, runAsNode: true })).toEqual([
      'electronFuses.runAsNode is true, must be false',
      'electronFuses.onlyLoadAppFromAsar is undefined, must be true',
    ]);
  });

  it('refuses a build without fuses', () => {
    expect(checkFuseConfig(null)).toHaveLength(1);
    expect(checkFuseConfig(undefined)).toHaveLength(1);
  });

  it('keeps every security fuse of the issue at its safe value', () => {
    expect(REQUIRED_FUSES).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});
