/**
 * The Electronegativity gate as pure functions: read its SARIF, attach the flagged source text,
 * subtract the reviewed allowlist, and say what is left. Electronegativity itself exits 0 with or
 * without findings, so this is what makes it a CI gate.
 */
import { z } from 'zod';

/** One finding, as the gate sees it. `file` is null for global checks (no location). */
export interface Finding {
  rule: string;
  level: string;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  /** The flagged source text (from the scanned file), whitespace collapsed; '' when unknown. */
  snippet: string;
}

const SarifRegion = z.object({
  startLine: z.number().int().optional(),
  startColumn: z.number().int().optional(),
  charLength: z.number().int().optional(),
});
const SarifResult = z.object({
  ruleId: z.string().min(1),
  level: z.string().default('warning'),
  message: z.object({ text: z.string() }),
  locations: z
    .array(
      z.object({
        physicalLocation: z.object({
          artifactLocation: z.object({ uri: z.string() }),
          region: SarifRegion.optional(),
        }),
      }),
    )
    .default([]),
});
const Sarif = z.object({
  runs: z.array(z.object({ results: z.array(SarifResult) })).min(1),
});

/** Reads findings from a parsed SARIF document; throws (zod) on anything that is not one. */
export function parseSarif(doc: unknown): (Finding & { charLength: number | null })[] {
  const sarif = Sarif.parse(doc);
  const findings: (Finding & { charLength: number | null })[] = [];
  for (const run of sarif.runs) {
    for (const result of run.results) {
      const location = result.locations[0]?.physicalLocation;
      const file = location === undefined ? null : normalizeUri(location.artifactLocation.uri);
      const region = location?.region;
      findings.push({
        rule: result.ruleId,
        level: result.level,
        message: result.message.text,
        file,
        line: file === null ? null : (region?.startLine ?? null),
        column: file === null ? null : (region?.startColumn ?? null),
        charLength: file === null ? null : (region?.charLength ?? null),
        snippet: '',
      });
    }
  }
  return findings;
}

/**
 * Electronegativity reports relative paths with `-r`, and `file:///` (an empty path) for global
 * checks. Returns a forward-slash relative path, or null for "no file".
 */
export function normalizeUri(uri: string): string | null {
  let p = uri.replace(/^file:\/\//, '');
  p = p.replaceAll('\\', '/').replace(/^\.\//, '');
  if (p === '' || p === '/') return null;
  return p.replace(/^\/+/, '');
}

/** Collapses whitespace so snippets compare regardless of formatting and line breaks. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The source text a finding points at: from (line, column) — both 1-based — for `length`
 * characters (Electronegativity's charLength; at least the rest of the line), whitespace collapsed.
 */
export function snippetAt(
  source: string,
  line: number,
  column: number,
  length: number | null,
): string {
  const lines = source.split('\n');
  if (line < 1 || line > lines.length) return '';
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += (lines[i]?.length ?? 0) + 1;
  offset += Math.max(0, column - 1);
  const restOfLine = (lines[line - 1]?.length ?? 0) - Math.max(0, column - 1);
  const take = Math.max(length ?? 0, restOfLine, 1);
  return collapse(source.slice(offset, offset + Math.min(take, 400)));
}

export const AllowlistEntrySchema = z
  .object({
    /** Electronegativity check id, e.g. OPEN_EXTERNAL_JS_CHECK. */
    rule: z.string().regex(/^[A-Z0-9_]+$/, 'a check id such as OPEN_EXTERNAL_JS_CHECK'),
    /** Scanned file, relative to the project root. Omitted only for global checks. */
    file: z.string().min(1).optional(),
    /** Text that must occur in the flagged code (whitespace-insensitive); pins the entry to one site. */
    snippet: z.string().min(1).optional(),
    /** Why this finding is not a problem, in words a reviewer can check against the code. */
    reason: z.string().min(40, 'a reason a reviewer can check (at least 40 characters)'),
  })
  .strict();
export type AllowlistEntry = z.infer<typeof AllowlistEntrySchema>;

export const AllowlistSchema = z
  .object({
    $comment: z.string().optional(),
    tool: z.string().optional(),
    entries: z.array(AllowlistEntrySchema),
  })
  .strict();
export type Allowlist = z.infer<typeof AllowlistSchema>;

export function entryMatches(entry: AllowlistEntry, finding: Finding): boolean {
  if (entry.rule !== finding.rule) return false;
  if (entry.file === undefined ? finding.file !== null : entry.file !== finding.file) return false;
  if (entry.snippet !== undefined && !finding.snippet.includes(collapse(entry.snippet)))
    return false;
  return true;
}

export interface GateResult {
  unjustified: Finding[];
  justified: { finding: Finding; entry: AllowlistEntry }[];
  /** Entries that matched nothing in this scan: stale, and worth removing. */
  unused: AllowlistEntry[];
}

/** Subtracts the allowlist from the findings. The gate fails when `unjustified` is non-empty. */
export function applyAllowlist(findings: Finding[], allowlist: Allowlist): GateResult {
  const used = new Set<AllowlistEntry>();
  const unjustified: Finding[] = [];
  const justified: GateResult['justified'] = [];
  for (const finding of findings) {
    const entry = allowlist.entries.find((e) => entryMatches(e, finding));
    if (entry === undefined) {
      unjustified.push(finding);
    } else {
      used.add(entry);
      justified.push({ finding, entry });
    }
  }
  return { unjustified, justified, unused: allowlist.entries.filter((e) => !used.has(e)) };
}

export function formatFinding(f: Finding): string {
  const where =
    f.file === null ? '(global check)' : `${f.file}:${f.line ?? '?'}:${f.column ?? '?'}`;
  const code = f.snippet === '' ? '' : `\n      ${f.snippet.slice(0, 160)}`;
  return `  ${f.rule} [${f.level}] ${where} — ${f.message}${code}`;
}
