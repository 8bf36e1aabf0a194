import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { captureVariant, cutFace, documentFront } from '../../../../fixtures/face-pairs.ts';

/**
 * A comparison — from loading the models and the WASM backend to the result — opens no socket
 * and writes no file. This file runs in its own worker, so the models load here, after the
 * guards are in place: `fetch` throws, `net.Socket#connect` throws, and every fs call that could
 * create or write a file throws; each attempt is recorded and the test fails on any.
 *
 * The process-level proof is the disk audit's strace run (test/audit/strace.ts): traced with
 * `-f -e trace=%file,ftruncate` plus `connect`, an `idlens check --analyze` run must show no
 * write and no connect once the analysis process calls compareFaces.
 */

const attempts: string[] = [];
const restore: (() => void)[] = [];

function guard<T extends object>(target: T, name: keyof T & string, label: string): void {
  const original = target[name];
  Object.defineProperty(target, name, {
    configurable: true,
    writable: true,
    value: (...args: unknown[]) => {
      attempts.push(`${label}(${typeof args[0] === 'string' ? args[0] : ''})`);
      throw new Error(`${label} is not allowed during a face comparison`);
    },
  });
  restore.push(() => {
    Object.defineProperty(target, name, { configurable: true, writable: true, value: original });
  });
}

/** `open` is allowed for reading (the model files); any writing flag is an attempt. */
function guardOpen<T extends object>(target: T, name: keyof T & string, label: string): void {
  const original = target[name] as (...args: unknown[]) => unknown;
  Object.defineProperty(target, name, {
    configurable: true,
    writable: true,
    value: (...args: unknown[]) => {
      const flags = args[1];
      if (
        flags !== undefined &&
        flags !== 'r' &&
        flags !== fs.constants.O_RDONLY &&
        typeof flags !== 'function'
      ) {
        attempts.push(`${label}(${JSON.stringify(flags)})`);
        throw new Error(`${label} for writing is not allowed during a face comparison`);
      }
      return original.apply(target, args);
    },
  });
  restore.push(() => {
    Object.defineProperty(target, name, { configurable: true, writable: true, value: original });
  });
}

let selfie: Buffer;
let card: Buffer;

beforeAll(async () => {
  // The images are made before the guards go up (sharp is the test's tool, not the module's).
  selfie = await cutFace(1, { x: 413, y: 355, width: 177, height: 177 });
  card = await documentFront(selfie, captureVariant(11));
  guard(globalThis, 'fetch', 'fetch');
  guard(net.Socket.prototype, 'connect', 'net.Socket#connect');
  for (const name of [
    'writeFile',
    'writeFileSync',
    'appendFile',
    'appendFileSync',
    'createWriteStream',
    'mkdir',
    'mkdirSync',
    'mkdtemp',
    'mkdtempSync',
    'rename',
    'renameSync',
    'copyFile',
    'copyFileSync',
  ] as const) {
    guard(fs, name, `fs.${name}`);
  }
  for (const name of [
    'writeFile',
    'appendFile',
    'mkdir',
    'mkdtemp',
    'rename',
    'copyFile',
  ] as const) {
    guard(fs.promises, name, `fs.promises.${name}`);
  }
  guardOpen(fs, 'open', 'fs.open');
  guardOpen(fs, 'openSync', 'fs.openSync');
  guardOpen(fs.promises, 'open', 'fs.promises.open');
  syncBuiltinESMExports();
}, 120_000);

afterAll(() => {
  for (const undo of restore.reverse()) undo();
  syncBuiltinESMExports();
});

it('loads the models and compares two faces with no network and no file written', async () => {
  const { compareFaces } = await import('../../../../../core/analysis/face/compare-faces.ts');
  const result = await compareFaces(selfie, card);
  expect(attempts).toEqual([]);
  expect(result.band).toBe('same');
}, 120_000);

it('has guards that do catch a request and a write', async () => {
  const before = attempts.length;
  await expect(Promise.resolve().then(() => fetch('http://127.0.0.1:9/'))).rejects.toThrow();
  expect(() => fs.writeFileSync('/tmp/idlens-face-guard-check', 'x')).toThrow();
  expect(() => new net.Socket().connect(9, '127.0.0.1')).toThrow();
  expect(attempts.slice(before)).toHaveLength(3);
  attempts.length = before;
});
