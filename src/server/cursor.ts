/**
 * Cursors: opaque to the client, tamper-evident to the server. A cursor names the key of the last event of a page
 * (its instant in microseconds and its id), the client, and a digest of the filter and the role it was issued for,
 * signed with HMAC-SHA-256 under the host's secret. A cursor that was changed, cut short, made up, or issued for
 * another client, filter or role is refused (400): it never reads another client's rows.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { EventKey, Scope } from './storage.js';

const VERSION = 1;
/** Bytes of the signature kept in a cursor (128 bits). */
const SIGNATURE_BYTES = 16;

/** Why a cursor was refused, said to the caller. */
export class CursorError extends Error {}

/** The digest of what a scope reads (filter and permissions, not the client: that is in the cursor itself). */
function scopeDigest(scope: Scope): string {
  return createHash('sha256').update(JSON.stringify([scope.filter, scope.permissions])).digest('base64url').slice(0, 22);
}

export class CursorCodec {
  private readonly key: Buffer;

  constructor(secret: string | Uint8Array) {
    this.key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
    if (this.key.length < 16) throw new TypeError('The cursor secret must be at least 16 bytes long');
  }

  private sign(payload: string): Buffer {
    return createHmac('sha256', this.key).update(`client-timeline cursor ${payload}`).digest().subarray(0, SIGNATURE_BYTES);
  }

  /** The cursor of the page that starts after `key`, for `scope`. */
  encode(scope: Scope, key: EventKey): string {
    const payload = Buffer.from(JSON.stringify({ v: VERSION, c: scope.clientId, s: scopeDigest(scope), t: key.t, i: key.id })).toString('base64url');
    return `${payload}.${this.sign(payload).toString('base64url')}`;
  }

  /** The key a cursor names, when it is genuine and was issued for `scope`; else a {@link CursorError}. */
  decode(scope: Scope, cursor: string): EventKey {
    const match = /^([A-Za-z0-9_-]{1,1500})\.([A-Za-z0-9_-]{22})$/.exec(cursor);
    if (!match) throw new CursorError('Invalid "cursor": not a cursor this server issued');
    const [, payload, signature] = match;
    const given = Buffer.from(signature, 'base64url');
    const expected = this.sign(payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new CursorError('Invalid "cursor": not a cursor this server issued');
    let value: { v?: unknown; c?: unknown; s?: unknown; t?: unknown; i?: unknown };
    try {
      value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw new CursorError('Invalid "cursor": not a cursor this server issued');
    }
    if (value.v !== VERSION || typeof value.t !== 'string' || !/^-?\d{1,19}$/.test(value.t) || typeof value.i !== 'string') {
      throw new CursorError('Invalid "cursor": not a cursor this server issued');
    }
    if (value.c !== scope.clientId) throw new CursorError('Invalid "cursor": it was issued for another client');
    if (value.s !== scopeDigest(scope)) throw new CursorError('Invalid "cursor": it was issued for another filter or role; start again from the first page');
    return { t: value.t, id: value.i };
  }
}
