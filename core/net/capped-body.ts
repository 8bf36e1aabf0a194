/**
 * Reads a response body as text, at most `cap` bytes of it: enough to parse an API answer or to
 * tell an S3 error document apart, never enough to exhaust memory. The rest is cancelled.
 * `complete` is false when the body was longer than the cap (`text` then holds its first `cap`
 * bytes).
 */
export async function readCappedText(
  body: ReadableStream<Uint8Array> | null,
  cap: number,
): Promise<{ text: string; complete: boolean }> {
  if (body === null) return { text: '', complete: true };
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  let complete = true;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value.subarray(0, cap - size));
      size += value.length;
      if (size > cap) {
        complete = false;
        break;
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return {
    text: new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(parts)),
    complete,
  };
}
