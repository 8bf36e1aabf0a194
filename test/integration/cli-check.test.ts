import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoBackend, type DemoBackend } from '../../demo/backend.ts';

/**
 * `idlens check` as scripts run it: `node cli/idlens.ts check …` in a child process against the
 * demo backend, with `$BROWSER` = test/fixtures/browser-login.ts signing in as IDLENS_DEMO_PERSONA.
 * Every output is kept and checked at the end for signed URLs, tokens and authorization codes.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BROWSER = join(ROOT, 'test/fixtures/browser-login.ts');
const SLOTS = ['documentFront', 'documentBack', 'face'] as const;

let backend: DemoBackend;
let scratch: string;
let browserLog: string;
const outputs: string[] = [];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCheck(persona: string, extra: string[] = []): Promise<Run> {
  const args = [
    join(ROOT, 'cli/idlens.ts'),
    'check',
    '--env',
    'custom',
    '--issuer',
    backend.issuer,
    '--api-base',
    backend.apiBase,
    '--insecure-loopback',
    '--client-id',
    backend.clients.public.clientId,
    ...extra,
  ];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: scratch,
      env: {
        PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
        HOME: scratch,
        TMPDIR: scratch,
        NODE_DISABLE_COMPILE_CACHE: '1',
        BROWSER,
        IDLENS_DEMO_PERSONA: persona,
        IDLENS_TEST_BROWSER_LOG: browserLog,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      outputs.push(stdout, stderr);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

const json = (run: Run) => {
  const lines = run.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as {
    verified: boolean;
    session: Record<string, string | null> | null;
    documents: Record<(typeof SLOTS)[number], Record<string, unknown> | null>;
    refused?: Record<string, { code: string }>;
    error?: { code: string };
  };
};

const IMAGE_HOST = ['--allow-image-host', '127.0.0.1'];

beforeAll(async () => {
  backend = await startDemoBackend({ quiet: true });
  scratch = mkdtempSync(join(tmpdir(), 'idlens-cli-check-'));
  browserLog = join(scratch, 'browser.log');
});

afterAll(async () => {
  await backend.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('idlens check', () => {
  it('full: exit 0, three documents whose hashes equal the specimens', async () => {
    const run = await runCheck('full', [...IMAGE_HOST, '--json']);
    expect(run.stderr).not.toContain('(internal)');
    expect(run.code).toBe(0);
    const out = json(run);
    expect(out.verified).toBe(true);
    expect(out.session).toMatchObject({ type: 'veriff', status: 'approved' });
    for (const slot of SLOTS) {
      const { sha256, byteLength, width, height } = backend.specimens[slot];
      expect(out.documents[slot]).toEqual({
        sha256,
        byteLength,
        width,
        height,
        storedWidth: width,
        storedHeight: height,
        orientation: 1,
        trailingBytes: 0,
      });
    }
    // Nothing was written without --save-dir.
    expect(readdirSync(scratch).filter((f) => f.endsWith('.jpg'))).toEqual([]);
  });

  it('full --analyze: the same fields and exit code, plus the checks made on this computer', async () => {
    const scopes = [
      'openid',
      'eprospera:person.id_verification.read',
      'eprospera:person.details.read',
    ];
    const run = await runCheck('full', [
      ...IMAGE_HOST,
      '--json',
      '--analyze',
      '--scope',
      scopes.join(' '),
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out = json(run) as ReturnType<typeof json> & { analysis: Record<string, unknown> };
    expect(out.documents.documentBack).toMatchObject({
      sha256: backend.specimens.documentBack.sha256,
    });
    expect(out.analysis).toMatchObject({
      ranOn: 'this-computer',
      mrz: {
        status: 'read',
        format: 'TD1',
        checkDigitsValid: true,
        fields: { documentNumber: { value: 'SPC000001' } },
      },
      document: { status: 'known', type: 'id_card', issuingCountry: { code: 'UTO' } },
      registry: { status: 'compared' },
      face: {
        band: 'same',
        score: expect.any(Number),
        selfieFace: { box: expect.any(Object), confidence: expect.any(Number) },
        portraitFace: { box: expect.any(Object), confidence: expect.any(Number) },
        crops: { selfie: expect.any(Object), portrait: expect.any(Object) },
        model: expect.stringMatching(/face-api/),
      },
    });
    const text = await runCheck('full', [...IMAGE_HOST, '--analyze']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ {2}face: +Likely the same person — Similarity 0\.\d\d/m);
    expect(text.stdout).toContain('It does not detect presentation attacks');
    expect(text.stdout).toMatch(/^Checks \(computed on this computer; an aid, not a verdict\)$/m);
    expect(text.stdout).toMatch(/IDUTOSPC0000014<{15}/);
    // Without the details scope the registry is not compared, and the text says why.
    expect(text.stdout).toMatch(/registry: +cannot tell .*\(no_registry\)/);
  }, 120_000);

  it('full --analyze --no-face: the document checks, and analysis.face says the comparison was not run, by choice', async () => {
    const run = await runCheck('full', [...IMAGE_HOST, '--json', '--analyze', '--no-face']);
    expect(run.code, run.stderr).toBe(0);
    const out = json(run) as ReturnType<typeof json> & { analysis: Record<string, unknown> };
    expect(out.analysis).toMatchObject({
      ranOn: 'this-computer',
      mrz: { status: 'read', format: 'TD1', checkDigitsValid: true },
      images: { face: { quality: { status: 'measured' } } },
    });
    expect(out.analysis['face']).toEqual({
      status: 'not_run',
      reason: 'turned_off',
    });
    const text = await runCheck('full', [...IMAGE_HOST, '--analyze', '--no-face', '--lang', 'es']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      /^ {2}rostro: +no se ejecutó — omitida con --no-face \(solo documentos\)$/m,
    );
    expect(text.stdout).not.toMatch(/Similitud|No detecta ataques de presentación/);
  }, 120_000);

  it('--no-face without --analyze is refused before signing in (exit 2)', async () => {
    const run = await runCheck('full', [...IMAGE_HOST, '--no-face']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Invalid value for --no-face: only with --analyze');
  });

  it('impostor --analyze --lang es: exit 0, and the face block reads "likely different people" in Spanish', async () => {
    const run = await runCheck('impostor', [...IMAGE_HOST, '--analyze', '--lang', 'es']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^ {2}rostro: +Probablemente personas distintas — Similitud 0\.\d\d/m,
    );
    expect(run.stdout).toContain('No detecta ataques de presentación');
  }, 120_000);

  it('passport: exit 0 with documentBack null', async () => {
    const run = await runCheck('passport', [...IMAGE_HOST, '--json']);
    expect(run.code).toBe(0);
    const out = json(run);
    expect(out.documents.documentBack).toBeNull();
    expect(out.documents.documentFront).toMatchObject({
      sha256: backend.specimens.passportPage.sha256,
    });
    expect(out.documents.face).toMatchObject({ sha256: backend.specimens.face.sha256 });
  });

  it('unverified: exit 3, session null, every document null', async () => {
    const run = await runCheck('unverified', [...IMAGE_HOST, '--json']);
    expect(run.code).toBe(3);
    expect(json(run)).toMatchObject({
      verified: false,
      session: null,
      documents: { documentFront: null, documentBack: null, face: null },
    });
  });

  it('noscope: exit 4 (missing scope)', async () => {
    const run = await runCheck('noscope', [...IMAGE_HOST, '--json']);
    expect(run.code).toBe(4);
    expect(json(run).error?.code).toBe('missing_scope');
  });

  it('broken: exit 5 (server error)', async () => {
    const run = await runCheck('broken', [...IMAGE_HOST, '--json']);
    expect(run.code).toBe(5);
    expect(json(run).error?.code).toBe('server_error');
  });

  it('shortlived: recovers from expired links (exit 0)', async () => {
    const run = await runCheck('shortlived', [...IMAGE_HOST, '--json']);
    expect(run.code).toBe(0);
    expect(json(run).documents.face).toMatchObject({ sha256: backend.specimens.face.sha256 });
  });

  it('exit 6 when the image host is not on the allowlist: every slot refused', async () => {
    const run = await runCheck('full', ['--json']);
    expect(run.code).toBe(6);
    const out = json(run);
    for (const slot of SLOTS) {
      expect(out.documents[slot]).toBeNull();
      expect(out.refused?.[slot]?.code).toBe('host_not_allowed');
    }
  });

  it('exit 5, not 6, when image downloads time out: a script can retry later', async () => {
    backend.control.setImagesHeld(true);
    try {
      const run = await runCheck('full', [
        ...IMAGE_HOST,
        '--download-timeout-seconds',
        '1',
        '--json',
      ]);
      expect(run.code).toBe(5);
      const out = json(run);
      for (const slot of SLOTS) expect(out.refused?.[slot]?.code).toBe('download_timeout');
    } finally {
      backend.control.setImagesHeld(false);
    }
  });

  it('rejects a --download-timeout-seconds that is not a whole number of seconds (exit 2)', async () => {
    for (const value of ['0', '1.5', 'soon']) {
      const run = await runCheck('full', [...IMAGE_HOST, '--download-timeout-seconds', value]);
      expect(run.code, value).toBe(2);
    }
  });

  it('shows --download-timeout-seconds in its --help', async () => {
    const run = await runCheck('full', ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--download-timeout-seconds N');
  });

  it('portrait: reports the displayed size of a selfie stored turned, with the stored size', async () => {
    const run = await runCheck('portrait', [...IMAGE_HOST, '--json']);
    expect(run.code).toBe(0);
    expect(json(run).documents.face).toMatchObject({
      width: 1200,
      height: 1600,
      storedWidth: 1600,
      storedHeight: 1200,
      orientation: 6,
      trailingBytes: 0,
      sha256: backend.specimens.turnedFace.sha256,
    });
  });

  it('prints readable text by default', async () => {
    const run = await runCheck('full', IMAGE_HOST);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('status:  approved');
    for (const slot of SLOTS) {
      const s = backend.specimens[slot];
      expect(run.stdout).toContain(
        `${s.byteLength} bytes, ${s.width}×${s.height}, sha256 ${s.sha256}`,
      );
    }
  });

  it('--save-dir writes each valid image once, mode 0600, named by slot and hash', async () => {
    const dir = join(scratch, 'saved');
    const run = await runCheck('passport', [...IMAGE_HOST, '--save-dir', dir]);
    expect(run.code).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toEqual([
      `documentFront-${backend.specimens.passportPage.sha256.slice(0, 16)}.jpg`,
      `face-${backend.specimens.face.sha256.slice(0, 16)}.jpg`,
    ]);
    for (const file of files) {
      const path = join(dir, file);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const slot = file.startsWith('face') ? 'face' : 'passportPage';
      expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(
        backend.specimens[slot].sha256,
      );
    }
    // A second run does not overwrite: it names the file in the way, and still prints the results.
    const again = await runCheck('passport', [...IMAGE_HOST, '--save-dir', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      `${join(dir, files[0]!)} already exists; it was not overwritten`,
    );
    expect(again.stdout).toContain('Identity verification');
    expect(again.stdout).toContain(`sha256 ${backend.specimens.face.sha256}`);
    // With --json: one object, the results and the refusal together.
    const json = await runCheck('passport', [...IMAGE_HOST, '--save-dir', dir, '--json']);
    expect(json.code).toBe(2);
    const lines = json.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      ok: false,
      verified: true,
      saveError: { code: 'bad_argument' },
      documents: { face: { sha256: backend.specimens.face.sha256 } },
    });
  });

  it('says in words that a single-sided document has no back (not "null")', async () => {
    const run = await runCheck('passport', IMAGE_HOST);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}back +none: a single-sided document \(only a front\)$/m);
    expect(run.stdout).not.toMatch(/\bnull\b/);
    const es = await runCheck('passport', [...IMAGE_HOST, '--lang', 'es']);
    expect(es.stdout).toContain('documento de una sola cara');
    expect(es.stdout).toContain('Verificación de identidad');
  });

  it('rejects an --allow-image-host with a scheme or a path (exit 2)', async () => {
    for (const host of ['http://127.0.0.1', '127.0.0.1/images', '127.0.0.1:0', 'a b']) {
      const run = await runCheck('full', ['--allow-image-host', host, '--json']);
      expect(run.code, host).toBe(2);
    }
  });

  it('an --allow-image-host with a port allows exactly that port', async () => {
    const port = new URL(backend.imageOrigin).port;
    const right = await runCheck('full', ['--allow-image-host', `127.0.0.1:${port}`, '--json']);
    expect(right.code).toBe(0);
    const wrong = await runCheck('full', ['--allow-image-host', '127.0.0.1:1', '--json']);
    expect(wrong.code).toBe(6);
    expect(JSON.parse(wrong.stdout)).toMatchObject({
      refused: { documentFront: { code: 'host_not_allowed' } },
    });
  });

  it('never printed a signed URL, a token or an authorization code', () => {
    const all = outputs.join('\n');
    expect(all).not.toContain('X-Amz-Signature');
    expect(all).not.toContain('X-Amz-Credential');
    expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
    expect(all).not.toContain(backend.imageOrigin);
    const codes = readFileSync(browserLog, 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { code?: string }).code)
      .filter((c): c is string => typeof c === 'string');
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(all).not.toContain(code);
  });
});
