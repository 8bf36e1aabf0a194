import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ENVIRONMENTS } from '../../../shared/environments.ts';
import {
  CHECKS_SETTINGS,
  SETTING_RANGES,
  type Settings,
  type SettingsPatch,
} from '../../../shared/settings.ts';
import { settingsFileBacking } from '../../../core/settings-file.ts';
import { createSettingsService } from '../../../core/settings.ts';

/**
 * For any valid settings and any valid patch, the result is the settings overridden by exactly
 * the patch's fields — in memory, in the file, and after a restart from that file.
 */

const dir = mkdtempSync(join(tmpdir(), 'idlens-settings-prop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const range = (key: keyof typeof SETTING_RANGES) => fc.integer(SETTING_RANGES[key]);
const httpsUrl = fc.domain().map((host) => `https://${host}`);
const hosts = fc.array(fc.domain(), { maxLength: 4 });

const fields = {
  environment: fc.constantFrom(...ENVIRONMENTS),
  clientId: fc.string({ minLength: 1, maxLength: 40 }),
  redirectPort: range('redirectPort'),
  redirectPath: fc.stringMatching(/^\/[A-Za-z0-9._~/-]{0,20}$/),
  scopes: fc.array(fc.stringMatching(/^[\x21\x23-\x5B\x5D-\x7E]{1,16}$/), {
    minLength: 1,
    maxLength: 4,
  }),
  idleMinutes: range('idleMinutes'),
  signInTimeoutSeconds: range('signInTimeoutSeconds'),
  language: fc.constantFrom('system' as const, 'en' as const, 'es' as const),
  singleKeyShortcuts: fc.boolean(),
  checks: fc.constantFrom(...CHECKS_SETTINGS),
};
const optional = { issuer: httpsUrl, apiBase: httpsUrl, imageHosts: hosts };

const settingsArb: fc.Arbitrary<Settings> = fc
  .record(
    { ...fields, ...optional },
    { requiredKeys: Object.keys(fields) as (keyof typeof fields)[] },
  )
  .filter((s) => s.environment !== 'custom' || s.issuer !== undefined);

/** Any subset of the fields; an optional one may be named with undefined, which clears it. */
const patchArb: fc.Arbitrary<SettingsPatch> = fc.record(
  {
    ...fields,
    issuer: fc.option(httpsUrl, { nil: undefined }),
    apiBase: fc.option(httpsUrl, { nil: undefined }),
    imageHosts: fc.option(hosts, { nil: undefined }),
  },
  { requiredKeys: [] },
);

/** The expected result, spelled out independently of the code under test. */
function overridden(current: Settings, patch: SettingsPatch): Record<string, unknown> {
  const result: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === undefined) Reflect.deleteProperty(result, key);
    else result[key] = value;
  }
  return result;
}

let run = 0;

describe('a settings patch (property)', () => {
  it('changes exactly the fields it names, in memory and on disk', () => {
    fc.assert(
      fc.property(settingsArb, patchArb, (current, patch) => {
        const path = join(dir, `settings-${run++}.json`);
        writeFileSync(path, JSON.stringify(current));
        const service = createSettingsService(settingsFileBacking(path));
        expect(service.get()).toEqual(current);
        expect(service.repair).toBeNull();

        const expected = overridden(current, patch);
        if (expected['environment'] === 'custom' && expected['issuer'] === undefined) {
          // Clearing the issuer of a custom environment is refused whole: nothing moves.
          expect(() => service.set(patch)).toThrow(
            expect.objectContaining({ code: 'settings_invalid' }),
          );
          expect(service.get()).toEqual(current);
          expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(current);
          return;
        }
        expect(service.set(patch)).toEqual(expected);
        expect(service.get()).toEqual(expected);
        expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(expected);
        expect(createSettingsService(settingsFileBacking(path)).get()).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
