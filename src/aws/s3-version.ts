// Was the chosen version restored? `CompareObjectVersion`, a read warroom composes from two HeadObject calls:
// the key's current object and the version chosen as good. Copying a version onto its own key makes a new
// current version with a new id but the same content, so the proof is the same ETag and size, not the id.
import type { ReadResult } from './poll-verify.js';

export type S3Read = (operation: 'HeadObject', args: Record<string, unknown>) => Promise<ReadResult>;

interface Head {
  ETag?: string;
  VersionId?: string;
  ContentLength?: number;
  LastModified?: Date | string;
  DeleteMarker?: boolean;
}

export async function readObjectVersion(read: S3Read, args: Record<string, unknown>): Promise<ReadResult> {
  const [bucket, key, version] = [args.Bucket, args.Key, args.VersionId].map((v) => (typeof v === 'string' ? v : ''));
  if (!bucket || !key || !version) return { ok: false, error: { class: 'invalid-parameter', message: 'invalid parameter: CompareObjectVersion needs Bucket, Key and VersionId' } };
  // The current object first: a key whose current version is a delete marker is "not found", a fail.
  const current = await read('HeadObject', { Bucket: bucket, Key: key });
  if (!current.ok) return current;
  const chosen = await read('HeadObject', { Bucket: bucket, Key: key, VersionId: version });
  if (!chosen.ok) return chosen;
  const c = current.value as Head;
  const g = chosen.value as Head;
  const restored = c.ETag !== undefined && c.ETag === g.ETag && c.ContentLength === g.ContentLength && !c.DeleteMarker;
  const value = {
    Bucket: bucket, Key: key, Restored: restored,
    ChosenVersionId: version, ChosenETag: g.ETag ?? null, ChosenSize: g.ContentLength ?? null,
    CurrentVersionId: c.VersionId ?? null, CurrentETag: c.ETag ?? null, CurrentSize: c.ContentLength ?? null,
  };
  const note = `current version ${value.CurrentVersionId} (ETag ${value.CurrentETag}, ${value.CurrentSize} bytes), chosen ${version} (ETag ${value.ChosenETag}, ${value.ChosenSize} bytes)`;
  return { ok: true, value, note };
}
