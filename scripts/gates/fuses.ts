/**
 * The Electron fuses every installer must carry (security-anchors §2). The build flips them with
 * electron-builder's `electronFuses`; this pins the configuration, since no Electron binary
 * exists here to read them back from (`npx @electron/fuses read --app <app>` does that on a
 * machine that builds real installers).
 */
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
} as const;

/** Problems with an effective `electronFuses` value; empty when every fuse is set as required. */
export function checkFuseConfig(fuses: unknown): string[] {
  if (typeof fuses !== 'object' || fuses === null) {
    return ['electronFuses is not set: the installers would ship with Electron’s default fuses'];
  }
  const problems: string[] = [];
  const actual = fuses as Record<string, unknown>;
  for (const [name, want] of Object.entries(REQUIRED_FUSES)) {
    if (actual[name] !== want) {
      problems.push(
        `electronFuses.${name} is ${JSON.stringify(actual[name])}, must be ${String(want)}`,
      );
    }
  }
  return problems;
}
