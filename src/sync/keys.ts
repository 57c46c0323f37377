// Each state directory signs its events with its own Ed25519 key (node:crypto). The origin id is a digest
// of the public key, so an item cannot claim an origin without that origin's key.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface OriginKey {
  origin: string;
  /** The public key, SPKI DER in base64: what the origin's first event and its origin item carry. */
  publicKey: string;
  privateKey: KeyObject;
}

export const KEY_FILE = 'sync-key.pem';

export function originOf(publicKeyB64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyB64, 'base64')).digest('hex').slice(0, 16);
}

/** The state dir's key, made (0600, created whole, never replaced) on first use. */
export function loadOrCreateKey(stateDir: string): OriginKey {
  const path = join(stateDir, KEY_FILE);
  if (!existsSync(path)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const temp = `${path}.new-${process.pid}`;
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temp, path); // fails if another process made it meanwhile: theirs is kept
    } catch {
      /* made by another process */
    } finally {
      unlinkSync(temp);
    }
  }
  const privateKey = createPrivateKey(readFileSync(path, 'utf8'));
  const publicKey = (createPublicKey(privateKey).export({ format: 'der', type: 'spki' }) as Buffer).toString('base64');
  return { origin: originOf(publicKey), publicKey, privateKey };
}

/** What a signature covers: the item's place and the event's hash (which covers its content and chain). */
export function signedBytes(incident: string, origin: string, seq: number, hash: string, pushedAt: number): Buffer {
  return Buffer.from(`warroom-sync/1\n${incident}\n${origin}\n${seq}\n${hash}\n${pushedAt}`, 'utf8');
}

export function signEvent(key: OriginKey, incident: string, seq: number, hash: string, pushedAt: number): string {
  return sign(null, signedBytes(incident, key.origin, seq, hash, pushedAt), key.privateKey).toString('base64');
}

export function checkSignature(publicKeyB64: string, incident: string, origin: string, seq: number, hash: string, pushedAt: number, sig: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyB64, 'base64'), format: 'der', type: 'spki' });
    return verify(null, signedBytes(incident, origin, seq, hash, pushedAt), key, Buffer.from(sig, 'base64'));
  } catch {
    return false;
  }
}
