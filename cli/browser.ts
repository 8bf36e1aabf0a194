import { spawn } from 'node:child_process';
import type { SpawnOptions } from 'node:child_process';
import { STRINGS, type CliStrings } from './i18n/index.ts';

/**
 * Opens the authorization URL in the user's browser: `$BROWSER` when set (run as a command with
 * the URL as its one argument; no shell, so nothing in the URL is interpreted), else the
 * platform's opener. The URL is printed to stderr as well, for copy-paste when no browser opens.
 */

export interface OpenerCommand {
  command: string;
  args: string[];
  options: SpawnOptions;
}

/** What may be handed to an opener: an absolute http(s) URL without spaces, quotes or controls. */
function assertPlainUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('not a URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('not http(s)');
  // URL serialization percent-encodes these; a raw one means the string was not a serialized URL.
  let control = false;
  for (let i = 0; i < url.length; i++) {
    const unit = url.charCodeAt(i);
    if (unit < 0x20 || unit === 0x7f) control = true;
  }
  if (control || /[\s"'<>`^|\\]/.test(url)) throw new Error('unexpected characters');
}

export function openerFor(
  url: string,
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
): OpenerCommand {
  assertPlainUrl(url);
  const base: SpawnOptions = { stdio: 'ignore', detached: true, windowsHide: true, shell: false };
  const browser = env.BROWSER?.trim();
  if (browser) return { command: browser, args: [url], options: base };
  if (platform === 'darwin') return { command: 'open', args: [url], options: base };
  if (platform === 'win32') {
    // `start` is a cmd built-in. The URL goes inside double quotes (it cannot contain one, see
    // assertPlainUrl), so cmd does not treat `&` in the query as a command separator.
    return {
      command: 'cmd.exe',
      args: ['/d', '/s', '/c', `"start "" "${url}""`],
      options: { ...base, windowsVerbatimArguments: true },
    };
  }
  return { command: 'xdg-open', args: [url], options: base };
}

export interface OpenBrowserDeps {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  stderr: (text: string) => void;
  spawnFn?: typeof spawn;
  /** Texts of the run's language (default English). */
  t?: CliStrings;
}

/** Prints the URL, then starts the browser without waiting for it. Never throws. */
export async function openInBrowser(url: string, deps: OpenBrowserDeps): Promise<void> {
  const t = deps.t ?? STRINGS.en;
  deps.stderr(`${t.signIn.visit}\n\n  ${url}\n\n`);
  let opener: OpenerCommand;
  try {
    opener = openerFor(url, deps.env, deps.platform);
  } catch {
    deps.stderr(`idlens: ${t.signIn.badAddress}\n`);
    return;
  }
  const spawnFn = deps.spawnFn ?? spawn;
  const which = deps.env.BROWSER?.trim() ? '$BROWSER' : opener.command;
  await new Promise<void>((resolve) => {
    try {
      const child = spawnFn(opener.command, opener.args, opener.options);
      child.once('error', () => {
        deps.stderr(`idlens: ${t.signIn.couldNotStart(which)}\n`);
        resolve();
      });
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    } catch {
      deps.stderr(`idlens: ${t.signIn.couldNotStart(which)}\n`);
      resolve();
    }
  });
}
