import { z } from 'zod';
import { SCOPES } from '../../shared/environments.ts';
import { defineCommand } from '../command.ts';
import { EXIT } from '../exit-codes.ts';

/**
 * `idlens whoami`: signs in through the browser and prints who is signed in (sub, name, email
 * from the ID token) and the granted scopes. Never a token. A claim is shown only when its scope
 * counts as granted, so the output never lists a scope as "not granted" beside what it released.
 */
export const whoami = defineCommand({
  name: 'whoami',
  summary: 'sign in through the browser and show who is signed in and the granted scopes',
  flagsSchema: z.object({}).strict(),
  async run(ctx) {
    const { t } = ctx;
    const { status } = await ctx.signIn();
    const user = status.user;
    const missing = ctx.config.scopes.filter((s) => !status.scopes.includes(s));
    if (!status.scopes.includes(SCOPES.idVerification)) {
      ctx.note(t.whoami.idvNotGranted(SCOPES.idVerification));
    }
    const withheld = (scope: string) => missing.includes(scope);
    const name = user?.name !== undefined && !withheld('profile') ? user.name : undefined;
    const email = user?.email !== undefined && !withheld('email') ? user.email : undefined;
    const expiresAt =
      status.expiresAt !== undefined ? new Date(status.expiresAt).toISOString() : undefined;
    const label = (text: string) => `${text}:`.padEnd(8);
    ctx.print(
      {
        environment: status.environment,
        issuer: status.issuerOrigin,
        user: user ? { sub: user.sub, name: name ?? null, email: email ?? null } : null,
        scopes: status.scopes,
        missingScopes: missing,
        expiresAt: expiresAt ?? null,
      },
      [
        t.whoami.signedIn(status.issuerOrigin ?? '?', status.environment),
        `  ${label(t.whoami.sub)}${user?.sub ?? t.whoami.noIdToken}`,
        ...(name ? [`  ${label(t.whoami.name)}${name}`] : []),
        ...(email ? [`  ${label(t.whoami.email)}${email}`] : []),
        `  ${label(t.whoami.scopes)}${status.scopes.join(' ') || t.whoami.noScopes}`,
        ...(missing.length > 0 ? [`  ${t.whoami.notGranted}: ${missing.join(' ')}`] : []),
        ...(expiresAt ? [`  ${t.whoami.expires}: ${expiresAt}`] : []),
      ],
    );
    return EXIT.ok;
  },
});
