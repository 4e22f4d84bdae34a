import assert from 'node:assert/strict';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import canonicalize from 'canonicalize';
import { calculateJwkThumbprint, compactVerify, decodeProtectedHeader, exportJWK, importSPKI } from 'jose';
import * as tar from 'tar';
import { readPrivateKey, readPublicKey, type SigningKey, writeKeyPair } from '../../src/sign/keys.ts';
import { readPackage } from '../../src/sign/read-package.ts';
import { tarGz } from '../../src/sign/tar-gz.ts';
import { verifiedLines, verifyPackage } from '../../src/sign/verify-package.ts';
import { signPackage } from '../../src/sign/write-package.ts';
import { scratchDir } from '../run/scratch-dir.ts';
import { makeReports, sha256, suiteHash } from './support.ts';

const now = new Date('2026-03-01T10:00:00.000Z');

/** The entries of a tar.gz as the `tar` package lists them (not as vcert reads them). */
async function listing(file: string) {
  const entries: Array<{
    path: string;
    mtime: number;
    uid?: number;
    gid?: number;
    mode?: number;
    size: number;
  }> = [];
  await tar.t({
    file,
    onReadEntry: (e) => {
      entries.push({
        path: e.path,
        mtime: e.mtime?.getTime() ?? -1,
        uid: e.uid,
        gid: e.gid,
        mode: e.mode,
        size: e.size,
      });
    },
  });
  return entries;
}

/** The bytes of one member of a tar.gz, read with the `tar` package. */
async function member(file: string, path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await tar.t({
    file,
    onReadEntry: (e) => (e.path === path ? e.on('data', (c: Buffer) => chunks.push(c)) : e.resume()),
  });
  return Buffer.concat(chunks);
}

describe('certification packages', () => {
  let privateKey: SigningKey;
  let publicKey: SigningKey;
  let publicPem: string;
  const out = (name: string) => join(scratchDir('vcert-package'), name);

  before(async () => {
    const keys = await writeKeyPair(join(scratchDir('vcert-keys'), 'keys'));
    privateKey = await readPrivateKey(keys.privateKey);
    publicKey = await readPublicKey(keys.publicKey);
    publicPem = await readFile(keys.publicKey, 'utf8');
  });

  it('lists every file with its size and SHA-256, and what certification.json says of the run', async () => {
    const reports = await makeReports();
    const signed = await signPackage({ reportsDir: reports, key: privateKey, out: out('p.tar.gz'), now });
    const manifest = JSON.parse((await member(signed.out, 'manifest.json')).toString());
    const names = [
      'certification.json',
      'cucumber.html',
      'cucumber.ndjson',
      'histories/race-1.ndjson',
      'junit.xml',
    ];
    const files = await Promise.all(
      names.map(async (path) => {
        const bytes = await readFile(join(reports, path));
        return { path, size: bytes.length, sha256: sha256(bytes) };
      }),
    );
    assert.deepEqual(manifest, {
      format: 'vcert-package/1',
      signedAt: '2026-03-01T10:00:00.000Z',
      keyId: privateKey.kid,
      files,
      certification: {
        suiteSha256: suiteHash,
        target: { url: 'http://127.0.0.1:8080', implementation: 'external', adapter: null },
      },
    });
  });

  it('key id is the RFC 7638 thumbprint of the public key; the JWS payload is exactly manifest.json', async () => {
    const signed = await signPackage({
      reportsDir: await makeReports(),
      key: privateKey,
      out: out('p.tar.gz'),
      now,
    });
    const jose = await importSPKI(publicPem, 'EdDSA', { extractable: true });
    const thumbprint = await calculateJwkThumbprint(await exportJWK(jose));
    assert.equal(privateKey.kid, thumbprint);
    assert.equal(publicKey.kid, thumbprint);
    const jws = (await member(signed.out, 'manifest.jws')).toString();
    assert.deepEqual(decodeProtectedHeader(jws), {
      alg: 'EdDSA',
      kid: thumbprint,
      typ: 'vcert-manifest+json',
    });
    const { payload } = await compactVerify(jws, jose);
    const manifestJson = await member(signed.out, 'manifest.json');
    assert.deepEqual(Buffer.from(payload), manifestJson);
    assert.equal(manifestJson.toString(), canonicalize(JSON.parse(manifestJson.toString())), 'RFC 8785 JSON');
  });

  it('writes the same tar for the same inputs: sorted paths, fixed mtime, uid, gid and mode', async () => {
    const reportsDir = await makeReports();
    const a = await signPackage({ reportsDir, key: privateKey, out: out('a.tar.gz'), now });
    const b = await signPackage({ reportsDir, key: privateKey, out: out('b.tar.gz'), now });
    assert.deepEqual(await readFile(a.out), await readFile(b.out));
    const entries = await listing(a.out);
    assert.deepEqual(
      entries.map((e) => e.path),
      [
        'certification.json',
        'cucumber.html',
        'cucumber.ndjson',
        'histories/race-1.ndjson',
        'junit.xml',
        'manifest.json',
        'manifest.jws',
      ],
    );
    for (const e of entries) assert.deepEqual([e.mtime, e.uid, e.gid, e.mode], [0, 0, 0, 0o644], e.path);
  });

  it('keeps a path longer than ustar holds (a PAX header) and verifies it', async () => {
    const reportsDir = await makeReports();
    const long = `exchanges/${'scenario-'.repeat(20)}1.json`;
    await mkdir(join(reportsDir, 'exchanges'));
    await writeFile(join(reportsDir, long), '{"request":{},"response":{}}\n');
    const signed = await signPackage({ reportsDir, key: privateKey, out: out('long.tar.gz'), now });
    assert.ok((await listing(signed.out)).some((e) => e.path === long));
    const verification = await verifyPackage(await readPackage(signed.out), publicKey);
    assert.deepEqual(verification.findings, []);
    assert.ok(verification.manifest?.files.some((f) => f.path === long));
  });

  it('includes the adapter source as adapter/<basename> and records its hash', async () => {
    const adapterDir = scratchDir('vcert-adapter');
    const adapter = join(adapterDir, 'shop-adapter.js');
    await writeFile(adapter, 'export default { name: "shop" };\n');
    const hash = sha256(await readFile(adapter));
    const reportsDir = await makeReports({ adapter: { sha256: hash, name: 'shop' } });
    const signed = await signPackage({
      reportsDir,
      key: privateKey,
      out: out('adapter.tar.gz'),
      now,
      adapter,
    });
    assert.deepEqual(signed.manifest.adapterSource, { path: 'adapter/shop-adapter.js', sha256: hash });
    assert.deepEqual(await member(signed.out, 'adapter/shop-adapter.js'), await readFile(adapter));
    const verification = await verifyPackage(await readPackage(signed.out), publicKey);
    assert.deepEqual(verification.findings, []);
    assert.deepEqual(verifiedLines(verification.manifest!).slice(1), [
      `suite sha256: ${suiteHash}`,
      'target: http://127.0.0.1:8080 (external)',
      `adapter: adapter/shop-adapter.js sha256 ${hash}`,
    ]);
  });

  it('refuses an adapter other than the one certification.json says the run used', async () => {
    const adapter = join(scratchDir('vcert-adapter'), 'shop-adapter.js');
    await writeFile(adapter, 'export default { name: "shop", edited: true };\n');
    const reportsDir = await makeReports({ adapter: { sha256: 'b'.repeat(64) } });
    await assert.rejects(signPackage({ reportsDir, key: privateKey, out: out('x.tar.gz'), now, adapter }), {
      name: 'CannotRun',
      message: new RegExp(
        `shop-adapter\\.js \\(sha256 ${sha256(await readFile(adapter))}\\) is not the one the run used`,
      ),
    });
  });

  it('refuses a symbolic link in the reports, to a file or to a directory', async () => {
    const withFileLink = await makeReports();
    await symlink('/etc/hostname', join(withFileLink, 'hostname'));
    await assert.rejects(
      signPackage({ reportsDir: withFileLink, key: privateKey, out: out('x.tar.gz'), now }),
      {
        message: /reports\/hostname is a symbolic link/,
      },
    );
    const withDirLink = await makeReports();
    await symlink('/etc', join(withDirLink, 'histories', 'etc'));
    await assert.rejects(
      signPackage({ reportsDir: withDirLink, key: privateKey, out: out('x.tar.gz'), now }),
      {
        message: /histories\/etc is a symbolic link/,
      },
    );
  });

  it('refuses reports that hold a manifest already', async () => {
    const reportsDir = await makeReports();
    await writeFile(join(reportsDir, 'manifest.json'), '{}');
    await assert.rejects(signPackage({ reportsDir, key: privateKey, out: out('x.tar.gz'), now }), {
      message: /holds a manifest\.json already/,
    });
  });

  it('refuses to read past its limits of uncompressed bytes and of entries', async () => {
    const signed = await signPackage({
      reportsDir: await makeReports(),
      key: privateKey,
      out: out('p.tar.gz'),
      now,
    });
    await assert.rejects(readPackage(signed.out, { maxBytes: 4096, maxEntries: 100 }), {
      name: 'CannotRun',
      message: 'the package is over 4096 bytes uncompressed',
    });
    await assert.rejects(readPackage(signed.out, { maxBytes: 1024 ** 2, maxEntries: 3 }), {
      message: 'the package has more than 3 entries',
    });
    assert.equal((await readPackage(signed.out, { maxBytes: 1024 ** 2, maxEntries: 7 })).length, 7);
  });

  it('refuses an absolute path', async () => {
    const file = out('absolute.tar.gz');
    await writeFile(file, tarGz([{ path: '/etc/cron.d/evil', bytes: Buffer.from('* * * * * root true\n') }]));
    await assert.rejects(readPackage(file), {
      message: /an absolute or foreign path: "\/etc\/cron\.d\/evil"/,
    });
  });

  it('finds a manifest.jws whose signature was changed, and a file packed twice', async () => {
    const signed = await signPackage({
      reportsDir: await makeReports(),
      key: privateKey,
      out: out('p.tar.gz'),
      now,
    });
    const entries = await readPackage(signed.out);
    const jws = entries.find((e) => e.path === 'manifest.jws')!;
    const text = Buffer.from(jws.bytes).toString();
    const flipped = `${text.slice(0, -2)}${text.at(-2) === 'A' ? 'B' : 'A'}${text.at(-1)}`;
    const junit = entries.find((e) => e.path === 'junit.xml')!;
    const changed = [...entries.filter((e) => e !== jws), { ...jws, bytes: Buffer.from(flipped) }, junit];
    const verification = await verifyPackage(changed, publicKey);
    assert.deepEqual(verification.findings, [
      `signature: does not verify with this key (kid ${publicKey.kid}): manifest.jws was changed`,
      'unexpected: junit.xml is in the package 2 times',
    ]);
  });
});
