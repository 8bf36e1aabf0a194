import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyAudit, redact } from '../../../../scripts/gates/audit.ts';
import { sha256sums, writeSha256sums } from '../../../../scripts/gates/checksums.ts';
import {
  AllowlistSchema,
  applyAllowlist,
  parseSarif,
  snippetAt,
  type Allowlist,
  type Finding,
} from '../../../../scripts/gates/eng-gate.ts';
import { ICON_SIZES } from '../../../../scripts/make-icons.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');

/** The shape Electronegativity 1.10.3 writes (trimmed from a real run over this project). */
const SARIF = {
  runs: [
    {
      tool: { driver: { name: 'Electronegativity', version: '1.10.3', rules: [] } },
      results: [
        {
          ruleId: 'CSP_GLOBAL_CHECK',
          level: 'warning',
          message: { text: 'No CSP has been detected in the target application' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: 'file:///' },
                region: { startLine: 1, startColumn: 1, charLength: 0 },
              },
            },
          ],
        },
        {
          ruleId: 'OPEN_EXTERNAL_JS_CHECK',
          level: 'note',
          message: { text: 'Review the use of openExternal' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: 'electron/main.ts' },
                region: { startLine: 3, startColumn: 5, charLength: 40 },
              },
            },
          ],
        },
      ],
    },
  ],
};

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'OPEN_EXTERNAL_JS_CHECK',
  level: 'note',
  message: 'Review the use of openExternal',
  file: 'electron/main.ts',
  line: 3,
  column: 5,
  snippet: 'shell.openExternal(url, { activate: true })',
  ...over,
});

const REASON = 'Only the authorization URL built by openid-client is opened, after an https check.';

describe('Electronegativity SARIF', () => {
  it('reads rule, level, file and position; a global check has no file', () => {
    const findings = parseSarif(SARIF);
    expect(findings).toMatchObject([
      { rule: 'CSP_GLOBAL_CHECK', level: 'warning', file: null, line: null },
      {
        rule: 'OPEN_EXTERNAL_JS_CHECK',
        level: 'note',
        file: 'electron/main.ts',
        line: 3,
        column: 5,
        charLength: 40,
      },
    ]);
  });

  it('refuses a document that is not SARIF', () => {
    expect(() => parseSarif({ runs: [] })).toThrow();
    expect(() => parseSarif({ results: [] })).toThrow();
  });

  it('cuts the flagged source text out of the file, across lines, whitespace collapsed', () => {
    const source =
      'import { shell } from "electron";\n\nfoo(shell.openExternal(url,\n    { activate: true }));\n';
    expect(snippetAt(source, 3, 5, 46)).toBe('shell.openExternal(url, { activate: true }');
    // Never shorter than the rest of the flagged line.
    expect(snippetAt(source, 3, 5, 3)).toBe('shell.openExternal(url,');
    expect(snippetAt(source, 99, 1, 10)).toBe('');
  });
});

describe('allowlist', () => {
  const allowlist = (entries: Allowlist['entries']): Allowlist => ({ entries });

  it('a finding without a matching entry is unjustified', () => {
    const result = applyAllowlist([finding({})], allowlist([]));
    expect(result.unjustified).toHaveLength(1);
  });

  it('matches by rule and file, and by snippet when the entry pins one', () => {
    const entry = {
      rule: 'OPEN_EXTERNAL_JS_CHECK',
      file: 'electron/main.ts',
      snippet: 'shell.openExternal(url',
      reason: REASON,
    };
    expect(applyAllowlist([finding({})], allowlist([entry])).unjustified).toEqual([]);
    // Same rule, same file, different call: still unjustified.
    const other = finding({ snippet: 'shell.openExternal(untrusted)' });
    expect(applyAllowlist([other], allowlist([entry])).unjustified).toEqual([other]);
    // Same rule, other file: unjustified.
    const elsewhere = finding({ file: 'electron/window.ts' });
    expect(applyAllowlist([elsewhere], allowlist([entry])).unjustified).toEqual([elsewhere]);
  });

  it('snippets compare regardless of line breaks and indentation', () => {
    const entry = {
      rule: 'OPEN_EXTERNAL_JS_CHECK',
      file: 'electron/main.ts',
      snippet: 'openExternal(url,\n   { activate',
      reason: REASON,
    };
    expect(applyAllowlist([finding({})], allowlist([entry])).unjustified).toEqual([]);
  });

  it('an entry without a file justifies only a global check', () => {
    const global = finding({
      rule: 'CSP_GLOBAL_CHECK',
      file: null,
      line: null,
      column: null,
      snippet: '',
    });
    const entry = { rule: 'CSP_GLOBAL_CHECK', reason: REASON };
    const located = finding({ rule: 'CSP_GLOBAL_CHECK' });
    const result = applyAllowlist([global, located], allowlist([entry]));
    expect(result.justified.map((j) => j.finding)).toEqual([global]);
    expect(result.unjustified).toEqual([located]);
  });

  it('reports entries that matched nothing', () => {
    const stale = { rule: 'AUXCLICK_JS_CHECK', file: 'electron/window.ts', reason: REASON };
    expect(applyAllowlist([], allowlist([stale])).unused).toEqual([stale]);
  });

  it('every entry needs a real reason; unknown keys are refused', () => {
    expect(() => AllowlistSchema.parse({ entries: [{ rule: 'CSP_GLOBAL_CHECK' }] })).toThrow();
    expect(() =>
      AllowlistSchema.parse({ entries: [{ rule: 'CSP_GLOBAL_CHECK', reason: 'fine' }] }),
    ).toThrow();
    expect(() =>
      AllowlistSchema.parse({ entries: [{ rule: 'CSP_GLOBAL_CHECK', reason: REASON, line: 3 }] }),
    ).toThrow();
  });

  it('the project allowlist parses, and each entry gives a reason', () => {
    const file = AllowlistSchema.parse(
      JSON.parse(readFileSync(join(root, 'security', 'electronegativity-allowlist.json'), 'utf8')),
    );
    for (const entry of file.entries)
      expect(entry.reason.length, entry.rule).toBeGreaterThanOrEqual(40);
  });
});

describe('npm audit outcome', () => {
  it('skips when the endpoint refuses the bulk-advisory POST (what this network does)', () => {
    const out = JSON.stringify({
      message:
        '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      method: 'POST',
      statusCode: 405,
      body: '',
      error: { summary: '', detail: '' },
    });
    const outcome = classifyAudit(out, 1);
    expect(outcome.kind).toBe('skipped');
    expect(outcome.kind === 'skipped' && outcome.reason).toContain('HTTP 405');
  });

  it('skips when the registry cannot be reached', () => {
    const out = JSON.stringify({
      message:
        'request to http://127.0.0.1:9/-/npm/v1/security/advisories/bulk failed, reason: connect ECONNREFUSED 127.0.0.1:9',
      error: { summary: '', detail: '' },
    });
    expect(classifyAudit(out, 1)).toEqual({
      kind: 'skipped',
      reason: 'the audit endpoint could not be reached (ECONNREFUSED)',
    });
  });

  const report = (severity: string, counts: Record<string, number>) =>
    JSON.stringify({
      auditReportVersion: 2,
      vulnerabilities: {
        zod: {
          name: 'zod',
          severity,
          via: [
            {
              source: 1,
              name: 'zod',
              title: 'Planted advisory',
              url: 'https://example.invalid/a',
              severity,
              range: '<99',
            },
          ],
        },
        'electron-store': { name: 'electron-store', severity, via: ['zod'] },
      },
      metadata: {
        vulnerabilities: {
          info: 0,
          low: 0,
          moderate: 0,
          high: 0,
          critical: 0,
          total: 1,
          ...counts,
        },
      },
    });

  it('fails on a high advisory, naming it', () => {
    const outcome = classifyAudit(report('high', { high: 2 }), 1);
    expect(outcome.kind).toBe('fail');
    expect(outcome.kind === 'fail' && outcome.advisories).toEqual([
      {
        name: 'zod',
        severity: 'high',
        title: 'Planted advisory',
        url: 'https://example.invalid/a',
      },
      { name: 'electron-store', severity: 'high', title: 'through zod', url: '' },
    ]);
  });

  it('passes with moderate advisories only (the gate is set at high)', () => {
    expect(classifyAudit(report('moderate', { moderate: 2 }), 0).kind).toBe('pass');
  });

  it('is an error when npm fails for another reason, or prints no JSON', () => {
    const out = JSON.stringify({
      error: { summary: 'loading from incorrect packument', detail: '' },
    });
    expect(classifyAudit(out, 1)).toEqual({
      kind: 'error',
      reason: 'loading from incorrect packument',
    });
    expect(classifyAudit('npm ERR! something', 1).kind).toBe('error');
  });

  it('never repeats registry credentials', () => {
    expect(redact('GET https://user:s3cret@registry.example/-/npm')).toBe(
      'GET https://registry.example/-/npm',
    );
    const out = JSON.stringify({
      message:
        '503 Service Unavailable - POST https://u:tok@r.example/-/npm/v1/security/advisories/bulk',
      statusCode: 503,
    });
    const outcome = classifyAudit(out, 1);
    expect(JSON.stringify(outcome)).not.toContain('tok');
  });
});

describe('SHA256SUMS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idlens-sums-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the installers of a build in the format sha256sum -c checks', async () => {
    const files = [
      'idlens-0.1.0-linux-x86_64.AppImage',
      'idlens-0.1.0-linux-amd64.deb',
      'builder-debug.yml',
      'latest-linux.yml',
    ];
    for (const [i, f] of files.entries()) writeFileSync(join(dir, f), `artifact ${i}\n`);
    const written = await writeSha256sums(
      dir,
      files.map((f) => join(dir, f)),
    );
    expect(written).toBe(join(dir, 'SHA256SUMS'));
    const text = readFileSync(join(dir, 'SHA256SUMS'), 'utf8');
    expect(
      text
        .trim()
        .split('\n')
        .map((l) => l.split('  ')[1]),
    ).toEqual(['idlens-0.1.0-linux-amd64.deb', 'idlens-0.1.0-linux-x86_64.AppImage']);
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(check.stdout).toContain('idlens-0.1.0-linux-amd64.deb: OK');
    expect(check.status).toBe(0);
    // A tampered installer no longer verifies.
    writeFileSync(join(dir, files[0] ?? ''), 'tampered\n');
    expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).status).not.toBe(0);
  });

  it('writes nothing for a build without installers (a --dir build)', async () => {
    expect(await writeSha256sums(dir, [])).toBeNull();
    expect(await sha256sums([])).toBe('');
  });
});

describe('icons', () => {
  it('the committed icons have the sizes electron-builder needs', async () => {
    const main = await sharp(join(root, 'build', 'icon.png')).metadata();
    expect([main.width, main.height]).toEqual([1024, 1024]);
    for (const size of ICON_SIZES) {
      const meta = await sharp(join(root, 'build', 'icons', `${size}x${size}.png`)).metadata();
      expect([meta.format, meta.width, meta.height], `${size}`).toEqual(['png', size, size]);
    }
  });
});
