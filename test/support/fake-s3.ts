import type { S3Client } from '@aws-sdk/client-s3';

/** One version or delete marker of a key in the fake bucket. */
interface FakeVersion {
  versionId: string;
  etag: string | null;
  size: number;
  deleteMarker: boolean;
  body?: string;
}

/** A request the fake answered: the command's name and its input. */
export interface FakeRequest {
  command: string;
  input: Record<string, unknown>;
}

/** An SDK error as the client raises it: a name and the HTTP status. */
function sdkError(name: string, status: number): Error {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
}

/**
 * A versioned bucket in memory that answers the requests the S3 purge makes, for what a real server
 * cannot be made to do on cue: a writer adding a version between two requests, a request failing
 * half way. `before` runs ahead of each request (after it is recorded) and may change the bucket
 * or throw.
 */
export class FakeVersionedBucket {
  readonly requests: FakeRequest[] = [];
  /** Newest first, per key, as S3 lists them. */
  private readonly keys = new Map<string, FakeVersion[]>();
  private nextId = 1;
  before: (request: FakeRequest, bucket: FakeVersionedBucket) => void = () => {};
  /** Versions DeleteObjects reports deleted but keeps (a server that does not do what it says). */
  readonly stuck = new Set<string>();
  /** How CopyObject writes the copy's bytes (a server that copies wrongly changes them). */
  copyBody: (body: string) => string = (body) => body;
  /** The ETag CopyObject gives the copy (a multipart source's copy gets another). */
  copyEtag: (body: string) => string = (body) => `"etag-${body}"`;

  constructor(readonly name = 'fake-bucket') {}

  /** Writes a new version of `key` and returns it as a purge target. */
  put(key: string, body: string) {
    const version = this.write(key, body, `"etag-${body}"`);
    return { bucket: this.name, key, versionId: version.versionId, etag: version.etag, size: version.size };
  }

  private write(key: string, body: string, etag: string): FakeVersion & { etag: string } {
    const version = { versionId: `v${this.nextId++}`, etag, size: body.length, deleteMarker: false, body };
    this.keys.set(key, [version, ...(this.keys.get(key) ?? [])]);
    return version;
  }

  /** A delete marker on top of `key`. */
  mark(key: string): void {
    const marker = { versionId: `v${this.nextId++}`, etag: null, size: 0, deleteMarker: true };
    this.keys.set(key, [marker, ...(this.keys.get(key) ?? [])]);
  }

  /** The version IDs of `key`, newest first (delete markers as `marker:ID`). */
  versionsOf(key: string): string[] {
    return (this.keys.get(key) ?? []).map((v) => (v.deleteMarker ? `marker:${v.versionId}` : v.versionId));
  }

  count(command: string): number {
    return this.requests.filter((r) => r.command === command).length;
  }

  /** The fake as the client type the purge takes. */
  client(): S3Client {
    return { send: (command: object) => this.send(command), destroy: () => {} } as unknown as S3Client;
  }

  private async send(command: object): Promise<unknown> {
    const request = {
      command: command.constructor.name.replace(/Command$/, ''),
      input: (command as { input: Record<string, unknown> }).input,
    };
    this.requests.push(request);
    this.before(request, this);
    const input = request.input as {
      Key?: string;
      VersionId?: string;
      Prefix?: string;
      Delete?: { Objects: Array<{ Key: string; VersionId?: string }> };
      CopySource?: string;
    };
    switch (request.command) {
      case 'GetBucketVersioning':
        return { Status: 'Enabled' };
      case 'HeadObject':
        return this.head(input.Key!, input.VersionId);
      case 'DeleteObject':
        this.remove(input.Key!, input.VersionId);
        return {};
      case 'DeleteObjects': {
        const objects = input.Delete!.Objects;
        for (const o of objects) if (!this.stuck.has(o.VersionId ?? '')) this.remove(o.Key, o.VersionId);
        return { Deleted: objects.map((o) => ({ Key: o.Key, VersionId: o.VersionId })), Errors: [] };
      }
      case 'CopyObject': {
        const [, rest] = /^[^/]+\/(.*)$/.exec(input.CopySource!)!;
        const [key, query] = rest!.split('?versionId=');
        const source = this.find(decodeURIComponent(key!), query && decodeURIComponent(query));
        const body = this.copyBody(source.body ?? '');
        const copy = this.write(input.Key!, body, this.copyEtag(body));
        return { VersionId: copy.versionId, CopyObjectResult: { ETag: copy.etag } };
      }
      case 'GetObject': {
        const body = this.find(input.Key!, input.VersionId).body ?? '';
        return { Body: [Buffer.from(body)] };
      }
      case 'ListObjectsV2':
        return this.listCurrent(input.Prefix ?? '');
      case 'ListObjectVersions':
        return this.list(input.Prefix ?? '');
      default:
        throw new Error(`the fake bucket does not answer ${request.command}`);
    }
  }

  private find(key: string, versionId: string | undefined): FakeVersion {
    const versions = this.keys.get(key) ?? [];
    const version = versionId === undefined ? versions[0] : versions.find((v) => v.versionId === versionId);
    if (!version) throw sdkError('NotFound', 404);
    if (version.deleteMarker) throw sdkError('MethodNotAllowed', versionId === undefined ? 404 : 405);
    return version;
  }

  private head(key: string, versionId: string | undefined) {
    const version = this.find(key, versionId);
    return { ETag: version.etag, ContentLength: version.size, VersionId: version.versionId };
  }

  private remove(key: string, versionId: string | undefined): void {
    if (versionId === undefined) throw new Error('the purge deletes by version only');
    this.keys.set(
      key,
      (this.keys.get(key) ?? []).filter((v) => v.versionId !== versionId),
    );
  }

  /** The keys under `prefix` with a current object (none under a delete marker). */
  private listCurrent(prefix: string) {
    const contents = [...this.keys.entries()]
      .filter(([key, versions]) => key.startsWith(prefix) && versions[0] && !versions[0].deleteMarker)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, versions]) => ({
        Key: key,
        Size: versions[0]!.size,
        ETag: versions[0]!.etag ?? undefined,
      }));
    return { Contents: contents, IsTruncated: false };
  }

  private list(prefix: string) {
    const entries = [...this.keys.entries()].filter(([key]) => key.startsWith(prefix)).sort();
    const of = (marker: boolean) =>
      entries.flatMap(([key, versions]) =>
        versions
          .filter((v) => v.deleteMarker === marker)
          .map((v) => ({ Key: key, VersionId: v.versionId, ETag: v.etag ?? undefined })),
      );
    return { Versions: of(false), DeleteMarkers: of(true), IsTruncated: false };
  }
}
