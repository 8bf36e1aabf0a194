/**
 * `npm run demo:server`: the demo e-Próspera on its fixed loopback ports, until Ctrl-C.
 * Flags: `--port <n>` (issuer and API, default 4480), `--image-port <n>` (signed-URL store,
 * default 4481), `--quiet` (no request log; the start-up summary is still printed), `--par` (offer
 * pushed authorization requests, which e-Próspera does not: off by default to stay close to it).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEMO_PORTS } from '../shared/environments.ts';
import { PERSONAS, startDemoBackend, type DemoBackend } from './backend.ts';
import { PERSONA_PROFILES } from './personas.ts';

const Port = z.coerce.number().int().min(0).max(65535);
const FlagsSchema = z
  .object({
    port: Port.default(DEMO_PORTS.issuer),
    'image-port': Port.default(DEMO_PORTS.images),
    quiet: z.boolean().default(false),
    par: z.boolean().default(false),
  })
  .strict();

export type ServerFlags = z.infer<typeof FlagsSchema>;

export function parseFlags(argv: readonly string[]): ServerFlags {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      'image-port': { type: 'string' },
      quiet: { type: 'boolean' },
      par: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  return FlagsSchema.parse(values);
}

export function summary(backend: DemoBackend): string {
  const c = backend.clients;
  const width = Math.max(...PERSONAS.map((p) => p.length));
  const personas = PERSONAS.map(
    (p) => `    ${p.padEnd(width)}  ${PERSONA_PROFILES[p].summary}`,
  ).join('\n');
  return `idlens demo e-Próspera — DEMO, SPECIMEN DATA ONLY (not the real service)

  issuer        ${backend.issuer}
  discovery     ${backend.issuer}/.well-known/openid-configuration
  API base      ${backend.apiBase}   (GET /api/v1/me/natural-person/id-verification)
  image store   ${backend.imageOrigin}   (pre-signed URLs only)
  resource/aud  ${backend.resource}

  clients (authorization code + PKCE S256, refresh tokens with offline_access)
    public        ${c.public.clientId}   no secret; redirect http://127.0.0.1:<any port>/callback
    confidential  ${c.confidential.clientId}   secret "${c.confidential.clientSecret}" (client_secret_basic; a demo secret)
    fixed port    ${c.fixedPort.clientId}   no secret; redirect exactly ${c.fixedPort.redirectUri}

  sign in: the user name picks a persona, any password works
${personas}

  try it: npm run demo  (the app with --env demo), or any OIDC client against the issuer above.
  Ctrl-C stops the server.`;
}

async function main(): Promise<void> {
  let flags: ServerFlags;
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (err) {
    const detail = err instanceof z.ZodError ? z.prettifyError(err) : (err as Error).message;
    console.error(
      `demo:server: bad arguments\n${detail}\nusage: node demo/server.ts [--port 4480] [--image-port 4481] [--quiet] [--par]`,
    );
    process.exitCode = 2;
    return;
  }

  let backend: DemoBackend;
  try {
    backend = await startDemoBackend({
      issuerPort: flags.port,
      imagePort: flags['image-port'],
      quiet: flags.quiet,
      pushedAuthorizationRequests: flags.par,
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      console.error(
        `demo:server: port ${flags.port} or ${flags['image-port']} on 127.0.0.1 is already in use (is another demo server running?). Choose others with --port / --image-port.`,
      );
    } else {
      console.error(`demo:server: could not start: ${(err as Error).message}`);
    }
    process.exitCode = 1;
    return;
  }

  console.log(summary(backend));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the demo server…`);
    backend.close().then(
      () => {
        console.log('stopped.');
        process.exitCode = 0;
      },
      (err: unknown) => {
        console.error(`demo:server: error while stopping: ${(err as Error).message}`);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.main) {
  await main();
}
