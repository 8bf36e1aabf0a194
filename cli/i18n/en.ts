import type { ErrorCode, NetDetail, TlsProblem } from '../../shared/errors.ts';
import { describeNetFailure } from '../../core/net/errors.ts';
import type { ExitCode } from '../exit-codes.ts';
import type { FaceNotRunReason } from '../../shared/face-match.ts';

/**
 * Every text the `idlens` command prints, in English. cli/i18n/es.ts has the same keys (the
 * type `CliStrings` makes a missing one a compile error). Flag syntax (`--save-dir DIR`), codes
 * and values stay as typed; everything a person reads is here.
 */

export const en = {
  help: {
    usage: 'Usage: idlens <command> [options]',
    commandUsage: (name: string) => `Usage: idlens ${name} [options]`,
    commands: 'Commands:',
    signInOptions: 'Sign-in options (whoami, check):',
    commandOptions: (name: string) => `Options of ${name}:`,
    generalOptions: 'General options (every command):',
    environment: 'Environment:',
    exitCodes: 'Exit codes:',
    examples: 'Examples:',
    more: 'Run idlens <command> --help for the options of one command.',
  },
  commands: {
    whoami: 'sign in through the browser and show who is signed in and the granted scopes',
    check:
      'sign in, fetch the ID-verification documents, and print their size, dimensions and SHA-256',
    audit:
      'list what idlens left on disk and scan it for images, tokens and signed-URL parts (no sign-in)',
    help: "show this help, or one command's: idlens help check",
  } satisfies Record<string, string>,
  flags: {
    env: 'where to sign in (default production; custom needs --issuer)',
    issuer: 'issuer of a custom environment',
    'api-base': "API origin of a custom environment (default: the issuer's origin)",
    'client-id': 'OAuth client id (or IDLENS_CLIENT_ID; the demo has a default)',
    scope: (defaults: string) => `scopes to ask for (default "${defaults}")`,
    'redirect-port': 'loopback port of the redirect URI; 0 = any free port (default)',
    'redirect-path': (path: string) => `path of the redirect URI (default ${path})`,
    'timeout-seconds': 'give up waiting for the browser after N seconds (default 300)',
    json: 'print one JSON object on stdout',
    'insecure-loopback':
      'allow http:// issuers and APIs on 127.0.0.1, localhost, [::1] only (needed by --env demo)',
    verbose: 'print sign-in events and network details on stderr',
    lang: 'language of the output (default: from LANG, else en)',
    help: 'show help',
    version: 'print the version',
    'allow-image-host':
      'also download images from this exact host name or IP, on port 443 or the :port it names (repeatable; default: Amazon S3 hosts only)',
    'download-timeout-seconds':
      'give up on an image download after N seconds in all (default 300); one that brings less than 16 KB in 15 s is abandoned sooner',
    'save-dir':
      'write the valid images to DIR as <slot>-<sha256 prefix>.jpg, mode 0600 (otherwise nothing is written)',
    analyze:
      'also check the documents on this computer: MRZ, check digits, expiry, registry agreement, capture quality and metadata, and compare the selfie with the document portrait (biometric processing, in a worker that ends with the command)',
    'no-face':
      'with --analyze: documents only — leave out the face comparison (the face models are not loaded, nothing of a face is computed)',
    'user-data': "look at DIR instead of this platform's idlens folder (must exist)",
    tmp: 'look for temporary session folders (idlens-session-*) in DIR (must exist)',
    hash: 'also look for this document hash (repeatable; idlens check prints them)',
    dir: 'also scan DIR, e.g. a --save-dir folder (repeatable; must exist)',
  },
  environment: {
    IDLENS_CLIENT_ID: 'client id (instead of --client-id)',
    IDLENS_CLIENT_SECRET: 'client secret of a confidential client (never a flag)',
    IDLENS_CLIENT_SECRET_ISSUER: 'the only issuer IDLENS_CLIENT_SECRET may be sent to',
    BROWSER: 'command that opens the sign-in page (gets the address as its one argument)',
    LANG: 'LANG / LC_ALL starting with "es" makes Spanish the default',
  },
  exitCodes: {
    0: 'ok (audit: nothing sensitive found)',
    1: 'unexpected failure inside idlens (a bug; please report it)',
    2: 'usage or configuration: bad option, missing client id, http issuer, port in use, missing folder',
    3: 'check: the person has no approved ID verification',
    4: 'sign-in or authorization failed: denied, rejected client, missing scope',
    5: 'network or server: host unreachable, TLS, timeout, 5xx, expired image link',
    6: 'check: invalid data (an image that is not a JPEG, truncated, too large, …)',
    7: 'sign-in timed out or was cancelled (Ctrl-C)',
    8: 'audit: sensitive data found on disk',
    9: 'audit: nothing sensitive found, but some files could not be read',
  } satisfies Record<ExitCode, string>,
  examples: {
    main: [
      ['idlens whoami --env demo --insecure-loopback', 'try it against the demo backend'],
      ['idlens check --client-id ID --json', 'check the signed-in person on e-Próspera'],
      ['idlens check --save-dir ./docs', 'also keep the images (mode 0600)'],
      ['idlens audit --dir ./docs', 'look for anything left on disk'],
    ],
    whoami: [
      ['idlens whoami --env demo --insecure-loopback', 'sign in to the demo backend'],
      ['idlens whoami --client-id ID --scope "openid profile"', 'ask for more scopes'],
    ],
    check: [
      ['idlens check --env demo --insecure-loopback', 'the demo backend'],
      ['idlens check --client-id ID --json', 'e-Próspera, one JSON object'],
      ['idlens check --save-dir ./docs', 'keep the images'],
      ['idlens check --analyze --no-face', 'check the documents, without comparing faces'],
    ],
    audit: [
      ['idlens audit', "this computer's idlens folders"],
      ['idlens audit --dir ./docs --hash SHA256', 'also a folder of saved images'],
    ],
    help: [['idlens help check', 'the options of check']],
  } satisfies Record<string, readonly (readonly [string, string])[]>,
  /** What a flag's value must be, for "Invalid value for --flag: …". */
  reasons: {
    env: 'expected one of production, staging, demo, custom',
    issuer: 'expected an address of at most 2000 characters',
    'api-base': 'expected an address of at most 2000 characters',
    'client-id': 'expected printable ASCII without spaces (at most 200 characters)',
    scope: 'expected 1 to 50 scopes separated by spaces, without quotes or backslashes',
    'redirect-port': 'expected a whole number from 0 to 65535',
    'redirect-path': 'expected a path such as /callback (letters, digits, - _ . /)',
    'timeout-seconds': 'expected a whole number of seconds from 1 to 86400',
    lang: 'expected en or es',
    'allow-image-host': 'expected a host name or IP address, with an optional :port',
    'download-timeout-seconds': 'expected a whole number of seconds from 1 to 86400',
    'save-dir': 'expected a folder path',
    analyze: 'a switch: it takes no value',
    'no-face': 'only with --analyze (it leaves out the face comparison of the checks)',
    'user-data': 'expected a folder path',
    tmp: 'expected a folder path',
    hash: 'expected a SHA-256 digest (64 hexadecimal characters)',
    dir: 'expected a folder path',
  } as Record<string, string>,
  errors: {
    unknownOption: (flag: string) => `Unknown option ${flag}. See idlens --help.`,
    unknownOptionFor: (flag: string, command: string) =>
      `Unknown option ${flag} for ${command}. See idlens ${command} --help.`,
    missingValue: (flag: string) => `${flag} needs a value.`,
    switchWithValue: (flag: string) => `${flag} is a switch and takes no value.`,
    unreadable: 'The command line could not be read. See idlens --help.',
    repeated: (flag: string) => `${flag} was given more than once.`,
    invalidValue: (flag: string, reason: string) => `Invalid value for ${flag}: ${reason}.`,
    notValid: 'not a valid value',
    noCommand: 'Name a command, e.g. idlens whoami. See idlens --help.',
    unknownCommand: (name: string, known: string) =>
      `Unknown command ${name}. The commands are: ${known}.`,
    stray: (command: string, arg: string) =>
      `${command} takes no arguments, but got ${arg}. Options start with --; see idlens ${command} --help.`,
    notForCommand: (flag: string, command: string) =>
      `${flag} does not apply to ${command}. See idlens ${command} --help.`,
    clientSecretFlag:
      '--client-secret is not accepted: a secret on the command line ends up in shell history and in the process list. Set IDLENS_CLIENT_SECRET in the environment instead.',
    customNeedsIssuer: '--env custom needs --issuer URL.',
    presetHasIssuer: (env: string) =>
      `--issuer and --api-base belong to --env custom; --env ${env} is preset.`,
    needsClientId:
      'A client id is needed: pass --client-id ID or set IDLENS_CLIENT_ID (e-Próspera issues it when the client is registered; see the README).',
    badClientIdEnv: 'IDLENS_CLIENT_ID must be printable ASCII without spaces.',
    demoNeedsInsecure: (env: string) =>
      `--env ${env} talks to the demo backend over plain http on 127.0.0.1: add --insecure-loopback.`,
    httpNeedsInsecure: (flag: string) =>
      `${flag} uses plain http on a loopback host: add --insecure-loopback (demo and tests only).`,
    httpNotLoopback: (flag: string) =>
      `${flag} uses plain http; http is refused for any host other than 127.0.0.1, localhost or [::1].`,
    badUrl: (flag: string) => `${flag} is not a valid https address.`,
    urlParts: (flag: string) => `${flag} must not contain credentials, a query or a fragment.`,
    apiBaseOffIssuer:
      "--api-base must be on the issuer's origin (scheme, host and port), as e-Próspera's is: the access token goes there.",
    secretForOtherIssuer:
      'IDLENS_CLIENT_SECRET is set for the issuer in IDLENS_CLIENT_SECRET_ISSUER, not for this one; it was not sent.',
    saveExists: (file: string) =>
      `--save-dir: ${file} already exists; it was not overwritten. Choose an empty folder or remove the file.`,
    saveFailed: (file: string) => `--save-dir: ${file} could not be written.`,
    missingFolder: (flag: string, path: string) => `${flag}: there is no folder at ${path}.`,
    notAFolder: (flag: string, path: string) => `${flag}: ${path} is not a folder.`,
    revokeFailed: (code: string) => `the refresh token could not be revoked (${code}).`,
  },
  /** Per error code, for errors raised below the CLI (core); English uses core's own message. */
  codes: {
    config_invalid: 'The configuration is not valid.',
    settings_invalid: 'A setting is not valid.',
    settings_locked: 'Connection settings cannot change while signed in.',
    connection_declined: 'The connection change was not confirmed, so nothing changed.',
    insecure_url: 'An address is not https, so it was refused.',
    bad_sender: 'A request came from an unexpected sender.',
    bad_argument: 'An argument is not valid.',
    internal: 'An unexpected error occurred.',
    auth_required: 'Sign in to continue.',
    auth_cancelled: 'The sign-in was cancelled.',
    auth_superseded: 'A newer sign-in replaced this one.',
    auth_timeout:
      'The sign-in was not completed in time. If the browser showed an error, check the client id and the redirect URI shown above against the client’s registration.',
    auth_denied: 'The sign-in was denied or cancelled at the provider.',
    auth_state_mismatch: 'The sign-in response does not match this sign-in.',
    auth_iss_mismatch: 'The sign-in response names a different issuer.',
    auth_nonce_mismatch: 'The ID token was not issued for this sign-in.',
    auth_token_rejected: 'The provider rejected the client or the authorization code.',
    auth_port_in_use: 'The redirect port is in use by another program.',
    auth_discovery_failed: "The provider's discovery document could not be used.",
    auth_browser_failed: 'The browser could not be opened.',
    missing_token: 'Not signed in: there is no access token to send.',
    invalid_token: 'The API rejected the access token.',
    missing_scope: 'The sign-in did not grant access to identity-verification data.',
    rate_limited: 'The server is limiting requests. Try again in a minute.',
    server_error: 'The server answered with an error.',
    network_error: 'The server could not be reached.',
    malformed_body: 'The server answered with data idlens does not understand.',
    url_refused: 'An image address was refused.',
    host_not_allowed: 'The image host is not allowed.',
    url_expired: 'The image link has expired.',
    download_failed: 'The image could not be downloaded.',
    download_timeout: 'The image download took too long.',
    image_too_large: 'The image is larger than the size limit.',
    image_not_jpeg: 'The file is not a JPEG image.',
    image_truncated: 'The image is cut off.',
    image_dimensions: 'The image has dimensions idlens does not accept.',
  } satisfies Record<ErrorCode, string>,
  net: {
    // English is core's own wording (core/net/errors.ts), so the two never drift apart.
    dns: (host: string) => describeNetFailure({ host, cause: 'dns' }),
    refused: (host: string) => describeNetFailure({ host, cause: 'refused' }),
    reset: (host: string) => describeNetFailure({ host, cause: 'reset' }),
    timeout: (host: string) => describeNetFailure({ host, cause: 'timeout' }),
    tls: (host: string, problem: TlsProblem) =>
      describeNetFailure({ host, cause: 'tls', tls: problem }),
    unreachable: (host: string) => describeNetFailure({ host, cause: 'unreachable' }),
    other: (host: string) => describeNetFailure({ host, cause: 'other' }),
    verbose: (detail: NetDetail) =>
      `network: host ${detail.host}, cause ${detail.cause}${detail.tls ? ` (${detail.tls})` : ''}`,
  },
  signIn: {
    visit: 'Sign in with your browser. If it does not open, visit this address:',
    badAddress: 'the sign-in address looks wrong; it was not opened.',
    couldNotStart: (which: string) => `could not start ${which}; open the address above yourself.`,
    waiting: (clientId: string, redirectUri: string, seconds: number) => [
      `Waiting for the browser (up to ${seconds} s). Signing in with:`,
      `  client id     ${clientId}`,
      `  redirect URI  ${redirectUri}`,
      'If the browser shows an error instead of the sign-in page, the client id or the redirect URI',
      "is not in the client's registration at the provider: compare both with it (see the README,",
      '"Troubleshooting"), then press Ctrl-C.',
    ],
  },
  whoami: {
    signedIn: (issuer: string, env: string) => `Signed in to ${issuer} (${env})`,
    sub: 'sub',
    name: 'name',
    email: 'email',
    scopes: 'scopes',
    noIdToken: '(no ID token: ask for the openid scope)',
    noScopes: '(none reported)',
    notGranted: 'not granted',
    expires: 'access expires',
    idvNotGranted: (scope: string) =>
      `${scope} was not granted: the identity documents cannot be read with this sign-in.`,
  },
  check: {
    title: 'Identity verification',
    documents: 'Documents',
    fields: { id: 'id', type: 'type', date: 'date', status: 'status' },
    slots: { documentFront: 'front', documentBack: 'back', face: 'selfie' },
    none: '(none)',
    image: (bytes: number, width: number, height: number, sha256: string, extra: string) =>
      `${bytes} bytes, ${width}×${height}${extra}, sha256 ${sha256}`,
    turned: (storedWidth: number, storedHeight: number, orientation: number) =>
      ` (stored ${storedWidth}×${storedHeight}, EXIF orientation ${orientation})`,
    trailer: (bytes: number) => `, ${bytes} bytes after the image`,
    noBack: 'none: a single-sided document (only a front)',
    noImage: 'not provided by the API',
    refused: (message: string, code: string) => `refused: ${message} (${code})`,
    notVerified: 'No approved identity verification: there is nothing to show.',
    saved: (file: string) => `Saved ${file}`,
    /** The face comparison's block under --analyze (its readings come from shared wording). */
    face: {
      label: 'face',
      detected: (selfie: string, portrait: string) =>
        `face found: selfie ${selfie}, document ${portrait} (detector confidence)`,
      notFound: 'none',
      notRun: {
        turned_off: 'not run — left out with --no-face (documents only)',
      } satisfies Record<FaceNotRunReason, string>,
    },
  },
  version: (version: string) => `idlens ${version}`,
} as const;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly [infer A, infer B]
      ? readonly [Widen<A>, Widen<B>]
      : T extends readonly (infer U)[]
        ? readonly Widen<U>[]
        : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape every language fills in full. */
export type CliStrings = Widen<typeof en>;
