/**
 * Reading `npm audit --json` for the release gate: pass, fail on high/critical advisories in
 * the production dependencies, or skip — loudly — when the registry's audit endpoint cannot be
 * used (offline, a proxy that refuses POST, a registry without the bulk-advisory API).
 */
import { z } from 'zod';

export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

export interface AuditAdvisory {
  name: string;
  severity: Severity;
  title: string;
  url: string;
}

export type AuditOutcome =
  | { kind: 'pass'; counts: Record<Severity, number>; advisories: AuditAdvisory[] }
  | { kind: 'fail'; counts: Record<Severity, number>; advisories: AuditAdvisory[] }
  | { kind: 'skipped'; reason: string }
  | { kind: 'error'; reason: string };

const SeveritySchema = z.enum(['info', 'low', 'moderate', 'high', 'critical']);
const Report = z
  .object({
    auditReportVersion: z.literal(2),
    vulnerabilities: z.record(
      z.string(),
      z
        .object({
          name: z.string(),
          severity: SeveritySchema,
          via: z.array(
            z.union([
              z.string(),
              z
                .object({
                  title: z.string().default(''),
                  url: z.string().default(''),
                  severity: SeveritySchema,
                })
                .loose(),
            ]),
          ),
        })
        .loose(),
    ),
    metadata: z
      .object({
        vulnerabilities: z
          .object({
            info: z.number(),
            low: z.number(),
            moderate: z.number(),
            high: z.number(),
            critical: z.number(),
          })
          .loose(),
      })
      .loose(),
  })
  .loose();

const ErrorReport = z
  .object({
    message: z.string().optional(),
    statusCode: z.number().optional(),
    code: z.string().optional(),
    error: z
      .object({
        code: z.string().optional(),
        summary: z.string().optional(),
        detail: z.string().optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

/** Network failures: the endpoint could not be reached or would not answer. */
const NETWORK_CODES =
  /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNABORTED|ERR_SOCKET_TIMEOUT|EPROXY|CERT_\w+|UNABLE_TO_\w+)\b/;

const BLOCKING: readonly Severity[] = ['high', 'critical'];

/** A registry URL may carry credentials (`https://user:token@host/`); never print them. */
export function redact(text: string): string {
  return text.replace(/\/\/[^/@\s]+@/g, '//');
}

/** Classifies one `npm audit --omit=dev --json` run. */
export function classifyAudit(stdout: string, exitCode: number | null): AuditOutcome {
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch {
    return { kind: 'error', reason: `npm audit printed no JSON (exit ${String(exitCode)})` };
  }
  const report = Report.safeParse(doc);
  if (report.success) {
    const counts = {
      info: report.data.metadata.vulnerabilities.info,
      low: report.data.metadata.vulnerabilities.low,
      moderate: report.data.metadata.vulnerabilities.moderate,
      high: report.data.metadata.vulnerabilities.high,
      critical: report.data.metadata.vulnerabilities.critical,
    };
    const advisories: AuditAdvisory[] = [];
    for (const vuln of Object.values(report.data.vulnerabilities)) {
      const direct = vuln.via.filter((v) => typeof v !== 'string');
      const through = vuln.via.filter((v) => typeof v === 'string');
      if (direct.length === 0) {
        advisories.push({
          name: vuln.name,
          severity: vuln.severity,
          title: `through ${through.join(', ')}`,
          url: '',
        });
      }
      for (const v of direct)
        advisories.push({ name: vuln.name, severity: v.severity, title: v.title, url: v.url });
    }
    const blocking = BLOCKING.some((s) => counts[s] > 0);
    return { kind: blocking ? 'fail' : 'pass', counts, advisories };
  }
  const err = ErrorReport.safeParse(doc);
  if (err.success) {
    const text = redact(
      [err.data.message, err.data.code, err.data.error?.code, err.data.error?.summary]
        .filter(Boolean)
        .join(' '),
    );
    const endpoint = /advisories\/bulk|audit endpoint|\/-\/npm\/v1\/security/i.test(text);
    if (err.data.statusCode !== undefined && (endpoint || err.data.statusCode >= 400)) {
      const message =
        err.data.message === undefined
          ? ''
          : ` (${redact(err.data.message).replace(/^\d+\s*/, '')})`;
      return {
        kind: 'skipped',
        reason: `the audit endpoint answered HTTP ${err.data.statusCode}${message}`,
      };
    }
    const network = NETWORK_CODES.exec(text);
    if (network !== null)
      return {
        kind: 'skipped',
        reason: `the audit endpoint could not be reached (${network[1] ?? network[0]})`,
      };
    return {
      kind: 'error',
      reason: text === '' ? `npm audit failed (exit ${String(exitCode)})` : text,
    };
  }
  return { kind: 'error', reason: `unrecognised npm audit output (exit ${String(exitCode)})` };
}
