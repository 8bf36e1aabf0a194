import { z } from 'zod';
import { SCOPES } from '../../shared/environments.ts';
import { defineCommand } from '../command.ts';
import { EXIT } from '../exit-codes.ts';

/**
 * `idlens whoami`: signs in through the browser and prints who is signed in (sub, name, email
 * from the ID token) and the granted scopes. Never a token.
 */
export const whoami = defineCommand({
  name: 'whoami',
  summary: 'sign in through the browser and show who is signed in and the granted scopes',
  flagsSchema: z.object({}).strict(),
  async run(ctx) {
    const { status } = await ctx.signIn();
    const user = status.user;
    const missing = ctx.config.scopes.filter((s) => !status.scopes.includes(s));
    if (!status.scopes.includes(SCOPES.idVerification)) {
      ctx.note(
        `${SCOPES.idVerification} was not granted: the identity documents cannot be read with this sign-in.`,
      );
    }
    const expiresAt =
      status.expiresAt !== undefined ? new Date(status.expiresAt).toISOString() : undefined;
    ctx.print(
      {
        environment: status.environment,
        issuer: status.issuerOrigin,
        user: user ? { sub: user.sub, name: user.name ?? null, email: user.email ?? null } : null,
        scopes: status.scopes,
        missingScopes: missing,
        expiresAt: expiresAt ?? null,
      },
      [
        `Signed in to ${status.issuerOrigin ?? '?'} (${status.environment})`,
        `  sub:    ${user?.sub ?? '(no ID token: ask for the openid scope)'}`,
        ...(user?.name ? [`  name:   ${user.name}`] : []),
        ...(user?.email ? [`  email:  ${user.email}`] : []),
        `  scopes: ${status.scopes.join(' ') || '(none reported)'}`,
        ...(missing.length > 0 ? [`  not granted: ${missing.join(' ')}`] : []),
        ...(expiresAt ? [`  access expires: ${expiresAt}`] : []),
      ],
    );
    return EXIT.ok;
  },
});
