import { lstat, readdir, readlink } from 'node:fs/promises';
import { posix, win32 } from 'node:path';
import {
  KNOWN_ITEM_EXPLANATIONS,
  PrivacyReportSchema,
  type FileVerdict,
  type KnownItem,
  type LocationRole,
  type PrivacyEntry,
  type PrivacyLocation,
  type PrivacyReport,
  type ReportLanguage,
} from '../../shared/privacy.ts';
import {
  appLocations,
  findSessionDirs,
  type AppLocations,
  type LocationInput,
} from './locations.ts';
import { normaliseHash, scanBytes, scanFile } from './scan.ts';

/**
 * The privacy report: every file and folder under idlens's locations (userData with the settings
 * file, the temporary session folders with their crash/ and logs/, any log folder outside them,
 * the per-user cache folder),
 * with size, modification time and a verdict per file from the scanner, plus an overall verdict.
 * Files Chromium writes on its own are named and explained (`KNOWN_ITEM_EXPLANATIONS`). Only
 * reads: opens files read-only, never follows a symlink, never opens a socket or FIFO.
 */

export interface ReportOptions {
  locations: AppLocations;
  /** SHA-256 hex digests of the current session's documents, to look for. */
  documentHashes?: readonly string[];
  now?: () => number;
  /** Stop listing after this many entries (a guard against pointing it at a huge tree). */
  maxEntries?: number;
  /** More folders to list and scan (role `scanned`), e.g. where `idlens check --save-dir` wrote. */
  extraDirs?: readonly string[];
}

const DEFAULT_MAX_ENTRIES = 20_000;

/** Folder or file names → what they are. Matched on the entry's own name, then its ancestors'. */
const KNOWN_NAMES: ReadonlyMap<string, KnownItem> = new Map<string, KnownItem>([
  ['Preferences', 'chromium-preferences'],
  ['Secure Preferences', 'chromium-preferences'],
  ['Local State', 'chromium-local-state'],
  ['SingletonLock', 'chromium-singleton'],
  ['SingletonCookie', 'chromium-singleton'],
  ['SingletonSocket', 'chromium-singleton'],
  ['Crashpad', 'chromium-crashpad'],
  ['GPUCache', 'chromium-gpu-cache'],
  ['GPUPersistentCache', 'chromium-gpu-cache'],
  ['DawnGraphiteCache', 'chromium-dawn-cache'],
  ['DawnWebGPUCache', 'chromium-dawn-cache'],
  ['DawnCache', 'chromium-dawn-cache'],
  ['GrShaderCache', 'chromium-shader-cache'],
  ['ShaderCache', 'chromium-shader-cache'],
  ['GraphiteDawnCache', 'chromium-shader-cache'],
  ['Dictionaries', 'chromium-dictionaries'],
  ['Cookies', 'chromium-cookies'],
  ['Cookies-journal', 'chromium-cookies'],
  ['Network Persistent State', 'chromium-network-state'],
  ['TransportSecurity', 'chromium-transport-security'],
  ['Code Cache', 'chromium-code-cache'],
  ['blob_storage', 'chromium-blob-storage'],
  ['Cache', 'chromium-http-cache'],
  ['Local Storage', 'chromium-web-storage'],
  ['Session Storage', 'chromium-web-storage'],
  ['IndexedDB', 'chromium-web-storage'],
  ['Service Worker', 'chromium-web-storage'],
  ['WebStorage', 'chromium-web-storage'],
  ['Shared Dictionary', 'chromium-web-storage'],
  ['SharedStorage', 'chromium-web-storage'],
  ['Trust Tokens', 'chromium-web-storage'],
  ['databases', 'chromium-web-storage'],
  ['shared_proto_db', 'chromium-web-storage'],
  ['LOCK', 'chromium-lock'],
  ['lockfile', 'chromium-lock'],
]);

/** Items whose meaning does not pass to what lies below them. */
const NOT_INHERITED: ReadonlySet<KnownItem> = new Set(['chromium-lock', 'chromium-singleton']);

function identify(
  role: LocationRole,
  segments: readonly string[],
  ownFile: 'settings' | 'client-secret' | undefined,
): KnownItem | undefined {
  if (ownFile !== undefined) return ownFile;
  for (let i = segments.length - 1; i >= 0; i--) {
    const name = segments[i] ?? '';
    const known = KNOWN_NAMES.get(name);
    if (known !== undefined && (i === segments.length - 1 || !NOT_INHERITED.has(known))) {
      return known;
    }
    if (role === 'sessionDir' && i === 0 && name === 'crash') return 'session-crash';
    if (role === 'sessionDir' && i === 0 && name === 'logs') return 'session-logs';
  }
  if (role === 'sessionDir' && segments.length === 0) return 'session-folder';
  if (role === 'logs') return 'session-logs';
  return undefined;
}

async function walk(
  root: string,
  role: LocationRole,
  locations: AppLocations,
  hashes: readonly string[],
  budget: { left: number; truncated: number },
): Promise<PrivacyEntry[]> {
  const path = locations.platform === 'win32' ? win32 : posix;
  const entries: PrivacyEntry[] = [];

  const visit = async (full: string, segments: string[]): Promise<number> => {
    if (budget.left <= 0) {
      budget.truncated += 1;
      return 0;
    }
    budget.left -= 1;
    let info;
    try {
      info = await lstat(full);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ENOENT') return 0; // removed while we looked
      entries.push({
        path: full,
        relativePath: segments.join('/'),
        location: role,
        type: 'other',
        size: 0,
        mtime: 0,
        verdict: 'unreadable',
        findings: [],
        error: typeof code === 'string' ? code : 'EIO',
        expected: false,
      });
      return 0;
    }
    const ownFile =
      full === locations.settingsFile
        ? 'settings'
        : full === locations.clientSecretFile
          ? 'client-secret'
          : undefined;
    const known = identify(role, segments, ownFile);
    const base = {
      path: full,
      relativePath: segments.join('/'),
      location: role,
      mtime: Math.round(info.mtimeMs),
      expected: ownFile !== undefined,
      ...(known !== undefined ? { known } : {}),
    };

    if (info.isDirectory()) {
      const folder: PrivacyEntry = {
        ...base,
        type: 'directory',
        size: 0,
        verdict: 'clean',
        findings: [],
      };
      entries.push(folder);
      let names: string[];
      try {
        names = (await readdir(full)).sort();
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        folder.verdict = 'unreadable';
        folder.error = typeof code === 'string' ? code : 'EIO';
        return 0;
      }
      for (const name of names)
        folder.size += await visit(path.join(full, name), [...segments, name]);
      return folder.size;
    }

    if (info.isSymbolicLink()) {
      // The link's own content is its target text: scan that, never what it points to.
      let target = '';
      try {
        target = await readlink(full);
      } catch {
        // Unreadable link target: the name alone is listed.
      }
      const scanned = scanBytes(Buffer.from(target, 'utf8'), { documentHashes: hashes });
      entries.push({
        ...base,
        type: 'symlink',
        size: info.size,
        verdict: scanned.verdict,
        findings: scanned.findings,
      });
      return 0;
    }

    if (!info.isFile()) {
      // A socket or FIFO holds nothing at rest; opening one could block.
      const special = info.isFIFO()
        ? 'fifo'
        : info.isSocket()
          ? 'socket'
          : info.isBlockDevice()
            ? 'block-device'
            : info.isCharacterDevice()
              ? 'char-device'
              : undefined;
      entries.push({
        ...base,
        type: 'other',
        ...(special !== undefined && { special }),
        size: 0,
        verdict: 'clean',
        findings: [],
      });
      return 0;
    }

    const scanned = await scanFile(full, { documentHashes: hashes });
    entries.push({
      ...base,
      type: 'file',
      size: info.size,
      verdict: scanned.verdict,
      findings: scanned.findings,
      ...(scanned.error !== undefined ? { error: scanned.error } : {}),
    });
    return info.size;
  };

  await visit(root, []);
  return entries;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** `sensitive` beats `unreadable` beats `clean`. */
export function overallVerdict(verdicts: Iterable<FileVerdict>): FileVerdict {
  let result: FileVerdict = 'clean';
  for (const v of verdicts) {
    if (v === 'sensitive') return 'sensitive';
    if (v === 'unreadable') result = 'unreadable';
  }
  return result;
}

export async function buildPrivacyReport(options: ReportOptions): Promise<PrivacyReport> {
  const { locations } = options;
  const hashes = [...new Set((options.documentHashes ?? []).map(normaliseHash))];
  const now = options.now ?? Date.now;
  const budget = { left: options.maxEntries ?? DEFAULT_MAX_ENTRIES, truncated: 0 };

  const sessionDirs = findSessionDirs(locations);
  const roots: { role: LocationRole; path: string }[] = [
    { role: 'userData', path: locations.userData },
    ...sessionDirs.map((path) => ({ role: 'sessionDir' as const, path })),
    ...locations.extraLogDirs.map((path) => ({ role: 'logs' as const, path })),
    ...locations.cacheDirs.map((path) => ({ role: 'cache' as const, path })),
    ...(options.extraDirs ?? []).map((path) => ({ role: 'scanned' as const, path })),
  ];

  const located: PrivacyLocation[] = [];
  const entries: PrivacyEntry[] = [];
  for (const root of roots) {
    const present = await exists(root.path);
    located.push({ role: root.role, path: root.path, exists: present });
    if (present) entries.push(...(await walk(root.path, root.role, locations, hashes, budget)));
  }
  if (sessionDirs.length === 0) {
    // Say where session folders would be, so "none" is visibly a finding, not an omission.
    const path = locations.platform === 'win32' ? win32 : posix;
    located.push({
      role: 'sessionDir',
      path: path.join(locations.tmpRoot, `${locations.sessionDirPrefix}*`),
      exists: false,
    });
  }

  const files = entries.filter((e) => e.type !== 'directory');
  const report: PrivacyReport = {
    generatedAt: now(),
    platform: locations.platform,
    verdict: overallVerdict(entries.map((e) => e.verdict)),
    locations: located,
    settingsFile: locations.settingsFile,
    entries,
    summary: {
      files: files.length,
      directories: entries.length - files.length,
      bytes: files.reduce((sum, e) => sum + (e.type === 'file' ? e.size : 0), 0),
      sensitive: entries.filter((e) => e.verdict === 'sensitive').length,
      unreadable: entries.filter((e) => e.verdict === 'unreadable').length,
      sessionFolders: sessionDirs.length,
      unexpectedFiles: files.filter(
        (e) => !e.expected && e.known !== 'chromium-singleton' && e.known !== 'chromium-lock',
      ).length,
    },
    documentHashesChecked: hashes.length,
    truncated: budget.truncated,
  };
  // The report is what crosses IPC and goes out as JSON: hold it to its own schema.
  return PrivacyReportSchema.parse(report);
}

/**
 * What main calls for the `privacy:report` channel: the report over this platform's locations.
 * In Electron pass `userData: app.getPath('userData')` and the same `tmpdir` the session folder
 * was created in (`os.tmpdir()`), plus the hashes of the documents shown in this session, if any.
 */
export function privacyReportFor(
  input: LocationInput,
  documentHashes: readonly string[] = [],
): Promise<PrivacyReport> {
  return buildPrivacyReport({ locations: appLocations(input), documentHashes });
}

// --- text output ---------------------------------------------------------------------------------

const TEXT = {
  en: {
    title: 'idlens privacy report',
    locations: 'Locations',
    present: 'present',
    absent: 'absent',
    entries: 'Files and folders',
    none: '(nothing)',
    verdict: { clean: 'CLEAN', sensitive: 'SENSITIVE', unreadable: 'UNREADABLE' },
    role: {
      userData: 'userData',
      sessionDir: 'session',
      logs: 'logs',
      cache: 'cache',
      scanned: 'scanned',
    },
    dir: 'folder',
    link: 'link',
    other: 'special',
    special: { fifo: 'FIFO', socket: 'socket', 'block-device': 'device', 'char-device': 'device' },
    expected: 'kept on purpose',
    explained: 'What these are',
    canHold: 'Anything of a person?',
    overall: 'Overall',
    summary: (s: PrivacyReport['summary'], hashes: number) =>
      `${s.files} file(s), ${s.directories} folder(s), ${formatSize(s.bytes)}; ` +
      `${s.sensitive} sensitive, ${s.unreadable} unreadable; ${s.sessionFolders} temporary session folder(s); ` +
      `${hashes} document hash(es) looked for.`,
    meaning: {
      clean: 'No JPEG image, token, Bearer header, signed-URL part or document hash was found.',
      sensitive: 'Sensitive data was found in the files marked SENSITIVE.',
      unreadable: 'Nothing sensitive was found, but some files could not be read.',
    },
    truncated: (n: number) => `${n} more entries were not listed (limit reached).`,
  },
  es: {
    title: 'Informe de privacidad de idlens',
    locations: 'Ubicaciones',
    present: 'existe',
    absent: 'no existe',
    entries: 'Archivos y carpetas',
    none: '(nada)',
    verdict: { clean: 'LIMPIO', sensitive: 'SENSIBLE', unreadable: 'ILEGIBLE' },
    role: {
      userData: 'userData',
      sessionDir: 'sesión',
      logs: 'registros',
      cache: 'caché',
      scanned: 'revisada',
    },
    dir: 'carpeta',
    link: 'enlace',
    other: 'especial',
    special: {
      fifo: 'FIFO',
      socket: 'socket',
      'block-device': 'dispositivo',
      'char-device': 'dispositivo',
    },
    expected: 'se guarda a propósito',
    explained: 'Qué es cada cosa',
    canHold: '¿Algo de una persona?',
    overall: 'Resultado',
    summary: (s: PrivacyReport['summary'], hashes: number) =>
      `${s.files} archivo(s), ${s.directories} carpeta(s), ${formatSize(s.bytes)}; ` +
      `${s.sensitive} sensible(s), ${s.unreadable} ilegible(s); ${s.sessionFolders} carpeta(s) temporal(es) de sesión; ` +
      `${hashes} hash(es) de documento buscados.`,
    meaning: {
      clean:
        'No se encontró ninguna imagen JPEG, token, cabecera Bearer, parte de URL firmada ni hash de documento.',
      sensitive: 'Se encontraron datos sensibles en los archivos marcados SENSIBLE.',
      unreadable: 'No se encontró nada sensible, pero algunos archivos no se pudieron leer.',
    },
    truncated: (n: number) => `${n} entradas más no se listaron (límite alcanzado).`,
  },
} as const;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** The report as text for a terminal or a log an auditor keeps. */
export function formatReport(report: PrivacyReport, lang: ReportLanguage = 'en'): string {
  const t = TEXT[lang];
  const lines: string[] = [];
  lines.push(`${t.title} — ${new Date(report.generatedAt).toISOString()} (${report.platform})`);
  lines.push('');
  lines.push(`${t.locations}:`);
  for (const loc of report.locations) {
    lines.push(
      `  ${t.role[loc.role].padEnd(10)} ${loc.path}  (${loc.exists ? t.present : t.absent})`,
    );
  }
  lines.push('');
  lines.push(`${t.entries}:`);
  if (report.entries.length === 0) lines.push(`  ${t.none}`);
  for (const entry of report.entries) {
    const kind =
      entry.type === 'directory'
        ? t.dir
        : entry.type === 'symlink'
          ? t.link
          : entry.type === 'other'
            ? entry.special !== undefined
              ? t.special[entry.special]
              : t.other
            : formatSize(entry.size);
    const findings =
      entry.findings.length > 0
        ? `  [${entry.findings.map((f) => `${f.kind}×${f.count}`).join(', ')}]`
        : '';
    const error = entry.error !== undefined ? `  (${entry.error})` : '';
    const note = entry.expected ? `  — ${t.expected}` : '';
    lines.push(
      `  ${t.verdict[entry.verdict].padEnd(10)} ${kind.padStart(10)}  ${new Date(entry.mtime).toISOString()}  ${entry.path}${findings}${error}${note}`,
    );
  }
  if (report.truncated > 0) lines.push(`  ${t.truncated(report.truncated)}`);

  const known = [...new Set(report.entries.flatMap((e) => (e.known ? [e.known] : [])))];
  if (known.length > 0) {
    lines.push('');
    lines.push(`${t.explained}:`);
    for (const item of known) {
      const text = KNOWN_ITEM_EXPLANATIONS[lang][item];
      lines.push(`  • ${item}: ${text.holds}`);
      lines.push(`    ${t.canHold} ${text.personal}`);
    }
  }
  lines.push('');
  lines.push(`${t.overall}: ${t.verdict[report.verdict]} — ${t.meaning[report.verdict]}`);
  lines.push(`  ${t.summary(report.summary, report.documentHashesChecked)}`);
  return `${lines.join('\n')}\n`;
}
