import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { scanFile } from '../../core/privacy/scan.ts';
import type { PrivacyFinding } from '../../shared/privacy.ts';

/**
 * Runs a command under `strace` and turns the log into the list of everything the command (and
 * every process it started) created, wrote, truncated, renamed, linked or removed on disk.
 *
 * What it traces: `-f` (all threads and children, so libuv's thread pool too), `-y` (file
 * descriptors annotated with their paths: an `openat` result and an `ftruncate` argument carry
 * the real absolute path), `-e trace=%file,ftruncate,io_uring_setup,connect` (connect() attempts
 * are listed apart, in `connects`). What counts as a write:
 * open/openat/openat2/creat with O_WRONLY, O_RDWR, O_CREAT, O_TRUNC or O_TMPFILE; rename(at/at2)
 * (both names); unlink(at); mkdir(at); rmdir; mknod(at); truncate/ftruncate; link(at)/symlink(at).
 * Failed calls (`= -1 E…`) and /dev, /proc, /sys are ignored.
 *
 * Blind spots, stated rather than hidden: data written through a descriptor opened for writing is
 * not traced itself (`write` is not in the set) — the open that preceded it is, which is what the
 * audit needs. A file-I/O io_uring (SQPOLL) could submit opens strace never sees, so the runner
 * sets `UV_USE_IO_URING=0` and the parser reports any SQPOLL ring as `blind`. Node sets up small
 * io_uring rings for epoll batching regardless; they do no file I/O and are not reported.
 */

export interface Sandbox {
  /** Root of the fresh folders (deleted by `dispose`). */
  root: string;
  home: string;
  tmp: string;
  xdgConfig: string;
  xdgCache: string;
  xdgData: string;
  xdgState: string;
  /** The environment a traced command gets: fresh HOME/TMPDIR/XDG_*, no inherited extras. */
  env: Record<string, string>;
  dispose(): void;
}

/** Fresh, empty HOME, TMPDIR and XDG folders under one private root. */
export function createSandbox(prefix = 'idlens-audit-sandbox-'): Sandbox {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const home = join(root, 'home');
  const tmp = join(root, 'tmp');
  const xdgConfig = join(root, 'xdg-config');
  const xdgCache = join(root, 'xdg-cache');
  const xdgData = join(root, 'xdg-data');
  const xdgState = join(root, 'xdg-state');
  for (const dir of [home, tmp, xdgConfig, xdgCache, xdgData, xdgState]) mkdirSync(dir);
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: home,
    TMPDIR: tmp,
    XDG_CONFIG_HOME: xdgConfig,
    XDG_CACHE_HOME: xdgCache,
    XDG_DATA_HOME: xdgData,
    XDG_STATE_HOME: xdgState,
    NODE_DISABLE_COMPILE_CACHE: '1',
    // libuv's file-I/O io_uring would hide opens from strace; keep file I/O on the thread pool.
    UV_USE_IO_URING: '0',
  };
  return {
    root,
    home,
    tmp,
    xdgConfig,
    xdgCache,
    xdgData,
    xdgState,
    env,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

export type WriteOp = 'write' | 'create' | 'remove' | 'mkdir' | 'rmdir' | 'truncate' | 'rename';

export interface WriteEvent {
  pid: number;
  syscall: string;
  op: WriteOp;
  path: string;
  /** 1-based line in the strace log. */
  line: number;
}

export interface ParsedLog {
  events: WriteEvent[];
  /** Reasons the trace may have missed file I/O (an SQPOLL io_uring). Empty normally. */
  blind: string[];
  /** Lines of traced calls seen (for the report's numbers). */
  calls: number;
  /** Every connect() attempt, failed ones included: `pid: address` (sockets opened to anything). */
  connects: string[];
}

/** Decodes strace's C-style escapes (`\303\251`, `\"`, `\\`, `\n`, `\x41`) to a UTF-8 string. */
export function decodeStraceString(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x5c) {
      bytes.push(...Buffer.from(text.charAt(i), 'utf8'));
      continue;
    }
    const next = text.charAt(i + 1);
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, v: 11, f: 12, '"': 34, '\\': 92 };
    if (next in simple) {
      bytes.push(simple[next]!);
      i += 1;
    } else if (next === 'x') {
      bytes.push(parseInt(text.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1))![0];
      bytes.push(parseInt(oct, 8));
      i += oct.length;
    } else {
      bytes.push(92);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Splits a call's argument text at top-level commas (outside quotes, braces, brackets, <…>). */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      current += ch;
      if (ch === '\\') {
        current += text.charAt(i + 1);
        i += 1;
      } else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '{' || ch === '[' || ch === '<' || ch === '(') depth += 1;
    else if (ch === '}' || ch === ']' || ch === '>' || ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim() !== '') args.push(current.trim());
  return args;
}

/** `"path"` → path; `"path"...` (truncated) → path. Anything else → undefined. */
function quotedPath(arg: string | undefined): string | undefined {
  if (arg === undefined) return undefined;
  const m = /^"((?:[^"\\]|\\.)*)"/.exec(arg);
  return m ? decodeStraceString(m[1]!) : undefined;
}

/** `21</tmp/x>` or `AT_FDCWD</tmp>` → the annotated path. */
function annotatedPath(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const m = /<(.*)>\s*$/.exec(text.trim());
  return m ? decodeStraceString(m[1]!) : undefined;
}

const WRITE_FLAGS = /\b(O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_TMPFILE)\b/;
const IGNORED_PREFIXES = ['/dev/', '/proc/', '/sys/'];

function ignored(path: string): boolean {
  return (
    IGNORED_PREFIXES.some((p) => path.startsWith(p)) ||
    /^(pipe|socket|anon_inode):/.test(path) ||
    path === '/dev' ||
    path === '/proc' ||
    path === '/sys'
  );
}

interface Call {
  pid: number;
  name: string;
  args: string;
  result: string;
  line: number;
}

/** Joins `<unfinished ...>` / `<... name resumed>` pairs into whole calls. */
function calls(text: string): Call[] {
  const out: Call[] = [];
  const pending = new Map<string, { args: string; line: number }>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const head = /^(\d+)\s+(.*)$/.exec(raw);
    if (!head) continue;
    const pid = Number(head[1]);
    const rest = head[2]!;
    const unfinished = /^(\w+)\((.*) <unfinished \.\.\.>$/.exec(rest);
    if (unfinished) {
      pending.set(`${pid}:${unfinished[1]}`, { args: unfinished[2]!, line: i + 1 });
      continue;
    }
    const resumed = /^<\.\.\. (\w+) resumed>(.*)\)\s+=\s+(.*)$/.exec(rest);
    if (resumed) {
      const key = `${pid}:${resumed[1]}`;
      const start = pending.get(key);
      pending.delete(key);
      out.push({
        pid,
        name: resumed[1]!,
        args: (start?.args ?? '') + resumed[2]!,
        result: resumed[3]!,
        line: start?.line ?? i + 1,
      });
      continue;
    }
    const whole = /^(\w+)\((.*)\)\s+=\s+(.*)$/.exec(rest);
    if (whole) {
      out.push({ pid, name: whole[1]!, args: whole[2]!, result: whole[3]!, line: i + 1 });
    }
  }
  return out;
}

/**
 * Parses a log written by `strace -f -y -o`. `cwd` resolves the rare relative path that no
 * annotation covers (a relative `unlink` in a process whose cwd was never changed).
 */
export function parseStraceLog(text: string, cwd: string): ParsedLog {
  const events: WriteEvent[] = [];
  const blind: string[] = [];
  const cwdOf = new Map<number, string>();
  const all = calls(text);
  const connects: string[] = [];

  for (const call of all) {
    if (call.name === 'connect') connects.push(`${call.pid}: ${splitArgs(call.args)[1] ?? ''}`);
    if (/^-1 /.test(call.result) || call.result.startsWith('?')) continue;
    const args = splitArgs(call.args);
    const here = cwdOf.get(call.pid) ?? cwd;
    const at = (dirArg: string | undefined, pathArg: string | undefined): string | undefined => {
      const p = quotedPath(pathArg);
      if (p === undefined) return undefined;
      if (isAbsolute(p)) return p;
      const base = annotatedPath(dirArg) ?? here;
      return resolve(base, p);
    };
    const plain = (pathArg: string | undefined): string | undefined => {
      const p = quotedPath(pathArg);
      return p === undefined ? undefined : resolve(here, p);
    };
    const add = (op: WriteOp, path: string | undefined) => {
      if (path === undefined || ignored(path)) return;
      events.push({ pid: call.pid, syscall: call.name, op, path, line: call.line });
    };

    switch (call.name) {
      case 'chdir': {
        const p = plain(args[0]);
        if (p !== undefined) cwdOf.set(call.pid, p);
        break;
      }
      case 'open':
      case 'openat':
      case 'openat2':
      case 'creat': {
        const flags = call.name === 'creat' ? 'O_CREAT' : call.args;
        if (!WRITE_FLAGS.test(flags)) break;
        // The result's annotation is the opened file's absolute path.
        const opened =
          annotatedPath(call.result) ??
          (call.name === 'openat' || call.name === 'openat2'
            ? at(args[0], args[1])
            : plain(args[0]));
        add(/O_CREAT|O_TMPFILE/.test(flags) || call.name === 'creat' ? 'create' : 'write', opened);
        break;
      }
      case 'rename':
        add('rename', plain(args[0]));
        add('create', plain(args[1]));
        break;
      case 'renameat':
      case 'renameat2':
        add('rename', at(args[0], args[1]));
        add('create', at(args[2], args[3]));
        break;
      case 'unlink':
        add('remove', plain(args[0]));
        break;
      case 'unlinkat':
        add(/AT_REMOVEDIR/.test(args[2] ?? '') ? 'rmdir' : 'remove', at(args[0], args[1]));
        break;
      case 'rmdir':
        add('rmdir', plain(args[0]));
        break;
      case 'mkdir':
        add('mkdir', plain(args[0]));
        break;
      case 'mkdirat':
        add('mkdir', at(args[0], args[1]));
        break;
      case 'mknod':
        add('create', plain(args[0]));
        break;
      case 'mknodat':
        add('create', at(args[0], args[1]));
        break;
      case 'truncate':
        add('truncate', plain(args[0]));
        break;
      case 'ftruncate':
        add('truncate', annotatedPath(args[0]));
        break;
      case 'link':
        add('create', plain(args[1]));
        break;
      case 'linkat':
        add('create', at(args[2], args[3]));
        break;
      case 'symlink':
        add('create', plain(args[1]));
        break;
      case 'symlinkat':
        add('create', at(args[1], args[2]));
        break;
      case 'io_uring_setup':
        if (/IORING_SETUP_SQPOLL/.test(call.args)) {
          blind.push(`pid ${call.pid}: io_uring with SQPOLL (file I/O strace cannot see)`);
        }
        break;
      default:
        break;
    }
  }
  return { events, blind, calls: all.length, connects };
}

export interface Allowlist {
  /** Exact files the app may write (the settings file). */
  files: readonly string[];
}

/**
 * Whether an event is allowed: the settings file itself, the temporary siblings an atomic write
 * renames over it (`settings.json.tmp-…`), and creating the folders that lead to it.
 */
export function isAllowed(event: WriteEvent, allow: Allowlist): boolean {
  for (const file of allow.files) {
    if (event.path === file) return true;
    if (event.path.startsWith(`${file}.`) && event.op !== 'mkdir') return true;
    if (event.op === 'mkdir' && (file.startsWith(event.path + sep) || file === event.path)) {
      return true;
    }
  }
  return false;
}

export interface TracedRun {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  parsed: ParsedLog;
  /** Events outside the allowlist. */
  violations: WriteEvent[];
  /** Distinct paths created or written (any op except remove/rmdir), allowlisted or not. */
  written: string[];
  /** Bytes of the strace log. */
  logBytes: number;
  durationMs: number;
}

export function straceAvailable(): boolean {
  const probe = spawnSync('strace', ['-V'], { encoding: 'utf8' });
  return probe.status === 0;
}

export interface TraceOptions {
  sandbox: Sandbox;
  /** Extra environment for the traced command (on top of the sandbox's). */
  env?: Record<string, string>;
  cwd?: string;
  allow: Allowlist;
  timeoutMs?: number;
}

/** Runs `command args…` under strace with the sandbox's environment. The log lives outside it. */
export async function runTraced(
  command: string,
  args: readonly string[],
  options: TraceOptions,
): Promise<TracedRun> {
  const logDir = mkdtempSync(join(tmpdir(), 'idlens-audit-log-'));
  if (logDir.startsWith(options.sandbox.root + sep)) throw new Error('log inside the sandbox');
  const log = join(logDir, 'strace.log');
  const cwd = options.cwd ?? process.cwd();
  const started = Date.now();
  try {
    const child = spawn(
      'strace',
      [
        '-f',
        '-qq',
        '-y',
        '-e',
        'signal=none',
        '-e',
        'trace=%file,ftruncate,io_uring_setup,connect',
        '-o',
        log,
        '--',
        command,
        ...args,
      ],
      { cwd, env: { ...options.sandbox.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 45_000);
    const [exitCode, signal] = await new Promise<[number | null, string | null]>((ok, fail) => {
      child.on('error', fail);
      child.on('close', (code, sig) => ok([code, sig]));
    });
    clearTimeout(timer);
    const text = existsSync(log) ? readFileSync(log, 'utf8') : '';
    const parsed = parseStraceLog(text, cwd);
    const violations = parsed.events.filter((e) => !isAllowed(e, options.allow));
    const written = [
      ...new Set(
        parsed.events.filter((e) => e.op !== 'remove' && e.op !== 'rmdir').map((e) => e.path),
      ),
    ];
    return {
      exitCode,
      signal,
      stdout,
      stderr,
      parsed,
      violations,
      written,
      logBytes: Buffer.byteLength(text),
      durationMs: Date.now() - started,
    };
  } finally {
    rmSync(logDir, { recursive: true, force: true });
  }
}

export interface WrittenFileScan {
  path: string;
  findings: PrivacyFinding[];
}

/**
 * Scans every written path that is still a regular file with the privacy scanner: the files
 * with findings, the ones that could not be read, and how many were scanned.
 */
export async function scanWrittenFiles(
  paths: readonly string[],
  documentHashes: readonly string[] = [],
): Promise<{ scanned: number; sensitive: WrittenFileScan[]; unreadable: string[] }> {
  const sensitive: WrittenFileScan[] = [];
  const unreadable: string[] = [];
  let scanned = 0;
  for (const path of paths) {
    let isFile: boolean;
    try {
      isFile = lstatSync(path).isFile();
    } catch {
      continue; // gone again (a temporary file): its creation is already a violation
    }
    if (!isFile) continue;
    scanned += 1;
    const result = await scanFile(path, { documentHashes });
    if (result.verdict === 'sensitive') sensitive.push({ path, findings: result.findings });
    if (result.verdict === 'unreadable') unreadable.push(path);
  }
  return { scanned, sensitive, unreadable };
}

/** Human-readable list of violations for an assertion message (paths and calls, no content). */
export function describeViolations(events: readonly WriteEvent[]): string {
  return events.map((e) => `${e.op} ${e.path} (${e.syscall}, pid ${e.pid})`).join('\n');
}
