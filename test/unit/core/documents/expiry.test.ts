import { describe, expect, it } from 'vitest';
import {
  isExpired,
  isExpiringSoon,
  needsFreshUrl,
  parseAmzDate,
  signedUrlExpiry,
} from '../../../../core/documents/expiry.ts';

const signed = (date: string, expires: string) =>
  `https://s3.us-east-2.amazonaws.com/bucket/face.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${date}&X-Amz-Expires=${expires}&X-Amz-Signature=abc`;

describe('signed URL expiry', () => {
  it('reads X-Amz-Date and X-Amz-Expires into epoch milliseconds', () => {
    expect(signedUrlExpiry(signed('20240115T103000Z', '3600'))).toEqual({
      signedAt: Date.UTC(2024, 0, 15, 10, 30, 0),
      expiresAt: Date.UTC(2024, 0, 15, 11, 30, 0),
    });
  });

  it('matches the parameter names case-insensitively', () => {
    const url = 'https://s3.amazonaws.com/b/k?x-amz-date=20240115T103000Z&x-amz-expires=60';
    expect(signedUrlExpiry(url)?.expiresAt).toBe(Date.UTC(2024, 0, 15, 10, 31, 0));
  });

  it('gives an unknown expiry for missing or malformed parameters', () => {
    expect(signedUrlExpiry('https://s3.amazonaws.com/b/k')).toBeNull();
    expect(signedUrlExpiry(signed('20240115T103000Z', ''))).toBeNull();
    expect(signedUrlExpiry(signed('2024-01-15T10:30:00Z', '3600'))).toBeNull();
    expect(signedUrlExpiry(signed('20240115T103000Z', '-5'))).toBeNull();
    expect(signedUrlExpiry(signed('20240115T103000Z', '0'))).toBeNull();
    expect(signedUrlExpiry(signed('20240115T103000Z', '604801'))).toBeNull();
    expect(signedUrlExpiry(signed('20240115T103000Z', '1e3'))).toBeNull();
    expect(signedUrlExpiry('not a url')).toBeNull();
  });

  it('rejects impossible calendar dates instead of rolling them over', () => {
    expect(parseAmzDate('20240231T000000Z')).toBeNull();
    expect(parseAmzDate('20241301T000000Z')).toBeNull();
    expect(parseAmzDate('20240101T240000Z')).toBeNull();
    expect(parseAmzDate('20240229T235959Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
  });

  it('says expired at and after the expiry instant, not before', () => {
    const url = signed('20240115T103000Z', '3600');
    const expiresAt = Date.UTC(2024, 0, 15, 11, 30, 0);
    expect(isExpired(url, expiresAt - 1)).toBe(false);
    expect(isExpired(url, expiresAt)).toBe(true);
    expect(isExpired(url, expiresAt + 60_000)).toBe(true);
  });

  it('says expiring soon within the margin (default 10 s)', () => {
    const url = signed('20240115T103000Z', '3600');
    const expiresAt = Date.UTC(2024, 0, 15, 11, 30, 0);
    expect(isExpiringSoon(url, expiresAt - 10_001)).toBe(false);
    expect(isExpiringSoon(url, expiresAt - 10_000)).toBe(true);
    expect(isExpiringSoon(url, expiresAt - 60_000, 120_000)).toBe(true);
  });

  it('never calls a URL of unknown expiry expired', () => {
    expect(isExpired('https://s3.amazonaws.com/b/k', Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(isExpiringSoon('https://s3.amazonaws.com/b/k', Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});

describe('needsFreshUrl', () => {
  it('asks for a fresh URL when expired or within the margin of a long-lived URL', () => {
    const url = signed('20240115T103000Z', '3600');
    const expiresAt = Date.UTC(2024, 0, 15, 11, 30, 0);
    expect(needsFreshUrl(url, expiresAt - 60_000)).toBe(false);
    expect(needsFreshUrl(url, expiresAt - 5_000)).toBe(true);
    expect(needsFreshUrl(url, expiresAt + 1)).toBe(true);
  });

  it('does not ask again for a URL that is short-lived by design while it is fresh', () => {
    const url = signed('20240115T103000Z', '5');
    const signedAt = Date.UTC(2024, 0, 15, 10, 30, 0);
    expect(needsFreshUrl(url, signedAt + 1000)).toBe(false);
    expect(needsFreshUrl(url, signedAt + 2600)).toBe(true);
    expect(needsFreshUrl(url, signedAt + 65_000)).toBe(true);
  });
});
