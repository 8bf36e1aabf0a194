import type { PrivacyReport } from '../../../shared/privacy.ts';
import type { Dictionary } from '../../../shared/i18n/index.ts';
import { formatBytes, formatDateTime, type UiLanguage } from '../i18n/format.ts';

/**
 * The privacy report as plain text, in the UI's language, for pasting into a ticket or an audit
 * note: the verdict, when, the summary, every location and every entry with its findings.
 */
export function privacyReportText(report: PrivacyReport, t: Dictionary, lang: UiLanguage): string {
  const p = t.privacy;
  const when = formatDateTime(report.generatedAt, lang);
  const lines = [
    p.title,
    when ? p.generated(`${when.local} (${when.utc})`) : '',
    `${p.verdictTitle[report.verdict]}: ${p.verdictBody[report.verdict]}`,
    '',
    `${p.files}: ${report.summary.files}`,
    `${p.folders}: ${report.summary.directories}`,
    `${p.size}: ${formatBytes(report.summary.bytes, lang)}`,
    `${p.sessionFolders}: ${report.summary.sessionFolders}`,
    `${p.hashes}: ${report.documentHashesChecked}`,
    '',
    `${p.locations}:`,
    ...report.locations.map(
      (loc) => `  ${p.roles[loc.role]}: ${loc.path} (${loc.exists ? p.present : p.absent})`,
    ),
    '',
    `${p.entries}:`,
  ];
  if (report.entries.length === 0) lines.push(`  ${p.nothing}`);
  for (const entry of report.entries) {
    const facts = [p.verdictTitle[entry.verdict], p.roles[entry.location]];
    if (entry.known) facts.push(p.known[entry.known]);
    if (entry.expected) facts.push(p.expected);
    if (entry.type === 'file') facts.push(formatBytes(entry.size, lang));
    lines.push(`  ${entry.relativePath || entry.path} — ${facts.join(' · ')}`);
    for (const finding of entry.findings) {
      lines.push(`    ${p.findings[finding.kind]} × ${finding.count}`);
    }
    if (entry.error) lines.push(`    ${p.unreadableFile(entry.error)}`);
  }
  if (report.truncated > 0) lines.push(`  ${p.truncated(report.truncated)}`);
  return lines.join('\n') + '\n';
}

/** The report as JSON, exactly as main produced it. */
export function privacyReportJson(report: PrivacyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
