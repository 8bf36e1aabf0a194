/**
 * SHA256SUMS for the installers, in the format `sha256sum -c` reads ("<hex>  <name>").
 *
 * - As electron-builder's `afterAllArtifactBuild` hook (see electron-builder.yml), it writes
 *   `release/SHA256SUMS` after every build that produced installers and hands it back to
 *   electron-builder, so a publish step uploads it next to them.
 * - As a command, `node scripts/gates/checksums.ts [release-dir]` (re)writes it from the
 *   installers already in the folder.
 *
 * Verify a download with `sha256sum -c SHA256SUMS --ignore-missing`. electron-builder's own
 * `latest*.yml` files carry a base64 SHA-512 of each installer for the auto-updater as well.
 * Self-contained (Node built-ins only): electron-builder loads this file on its own.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Installer and archive formats the build produces; unpacked folders and metadata are not listed. */
export const INSTALLER_PATTERN =
  /\.(AppImage|deb|rpm|snap|exe|msi|dmg|pkg|zip|tar\.gz|tar\.xz|7z)$/;

export function sha256File(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolvePromise(hash.digest('hex')));
  });
}

/** The SHA256SUMS text for the given files (listed by base name, sorted). */
export async function sha256sums(files: string[]): Promise<string> {
  const sorted = [...files].sort((a, b) => basename(a).localeCompare(basename(b)));
  const lines: string[] = [];
  for (const file of sorted) lines.push(`${await sha256File(file)}  ${basename(file)}`);
  return lines.map((l) => `${l}\n`).join('');
}

/**
 * Writes `<dir>/SHA256SUMS` for the installers among `files` (all in `dir`). Returns the path
 * written, or null when there was nothing to list (e.g. a `--dir` build).
 */
export async function writeSha256sums(dir: string, files: string[]): Promise<string | null> {
  const installers = files.filter(
    (f) =>
      INSTALLER_PATTERN.test(f) && resolve(dirname(f)) === resolve(dir) && statSync(f).isFile(),
  );
  if (installers.length === 0) return null;
  const out = join(dir, 'SHA256SUMS');
  writeFileSync(out, await sha256sums(installers));
  return out;
}

/** electron-builder's afterAllArtifactBuild hook: the subset of BuildResult it needs. */
export default async function afterAllArtifactBuild(result: {
  outDir: string;
  artifactPaths: string[];
}): Promise<string[]> {
  const written = await writeSha256sums(result.outDir, result.artifactPaths);
  return written === null ? [] : [written];
}

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? 'release');
  const files = readdirSync(dir).map((name) => join(dir, name));
  const written = await writeSha256sums(dir, files);
  process.stdout.write(written === null ? `no installers in ${dir}\n` : `wrote ${written}\n`);
}
