import assert from 'node:assert/strict';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { readPrivateKey, writeKeyPair } from '../../src/sign/keys.ts';
import { signPackage } from '../../src/sign/write-package.ts';
import { scratchDir } from '../run/scratch-dir.ts';
import { linesOf, runVcert } from './run-vcert.ts';
import { makeReports, repack, sha256, suiteHash } from './support.ts';

/** `vcert verify PKG --key PUB`, with what a person sees. */
const verify = (pkg: string, pub: string) => runVcert(['verify', pkg, '--key', pub]);

/** A run that could not run: exit code 2, one line on stderr naming the command, nothing on stdout. */
function assertCouldNotRun(
  result: { code: number | null; stdout: string; stderr: string },
  command: string,
  pattern: RegExp,
) {
  assert.equal(result.code, 2, result.stderr);
  assert.equal(result.stdout, '');
  const lines = linesOf(result.stderr);
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0]!, new RegExp(`^vcert ${command}: `));
  assert.match(lines[0]!, pattern);
}

describe('vcert keygen, sign and verify', () => {
  let reports: string;
  let keys: string;
  let kid: string;
  let pkg: string;
  const pub = () => join(keys, 'vcert-signing.pub');

  before(async () => {
    reports = await makeReports();
    keys = join(scratchDir('vcert-keys'), 'keys');
    const made = await runVcert(['keygen', '--out', keys]);
    assert.equal(made.code, 0, made.stderr);
    kid = /^key id: (\S+)$/m.exec(made.stdout)?.[1] ?? '';
    assert.match(kid, /^[A-Za-z0-9_-]{43}$/, 'an RFC 7638 thumbprint: 32 bytes of SHA-256 in base64url');
    const signed = await runVcert(['sign', reports, '--key', join(keys, 'vcert-signing.key')]);
    assert.equal(signed.code, 0, signed.stderr);
    pkg = join(dirname(reports), 'reports.vcert.tar.gz');
    assert.deepEqual(linesOf(signed.stdout), [`signed: ${pkg} (5 files, key ${kid})`]);
  });

  it('keygen writes the private key readable by its owner only', async () => {
    assert.equal((await stat(join(keys, 'vcert-signing.key'))).mode & 0o777, 0o600);
    assert.match(await readFile(join(keys, 'vcert-signing.key'), 'utf8'), /^-----BEGIN PRIVATE KEY-----\n/);
    assert.match(await readFile(pub(), 'utf8'), /^-----BEGIN PUBLIC KEY-----\n/);
  });

  it('keygen never overwrites a key: one line, exit code 2, the key unchanged', async () => {
    const before = await readFile(join(keys, 'vcert-signing.key'));
    const again = await runVcert(['keygen', '--out', keys]);
    assertCouldNotRun(again, 'keygen', /vcert-signing\.key exists already/);
    assert.deepEqual(await readFile(join(keys, 'vcert-signing.key')), before);
  });

  it('verifies the package it signed: exit code 0, the files, time, key, suite and target', async () => {
    const result = await verify(pkg, pub());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.equal(result.stderr, '');
    const [first, ...rest] = linesOf(result.stdout);
    assert.match(
      first!,
      new RegExp(`^verified: 5 files, signed \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z by key ${kid}$`),
    );
    assert.deepEqual(rest, [`suite sha256: ${suiteHash}`, 'target: http://127.0.0.1:8080 (external)']);
  });

  it('names the file with one byte changed, with both hashes: exit code 1', async () => {
    const original = await readFile(join(reports, 'cucumber.ndjson'));
    const changed = Buffer.from(original);
    changed[20] = changed[20]! ^ 0x01;
    const tampered = await repack(pkg, (dir) => writeFile(join(dir, 'cucumber.ndjson'), changed));
    const result = await verify(tampered, pub());
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(linesOf(result.stdout), [
      `modified: cucumber.ndjson (sha256 ${sha256(changed)}, manifest says ${sha256(original)})`,
    ]);
  });

  it('names a removed file as missing', async () => {
    const tampered = await repack(pkg, (dir) => rm(join(dir, 'junit.xml')));
    const result = await verify(tampered, pub());
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(linesOf(result.stdout), ['missing: junit.xml']);
  });

  it('names an added file as unexpected', async () => {
    const tampered = await repack(pkg, (dir) => writeFile(join(dir, 'extra.txt'), 'all scenarios passed\n'));
    const result = await verify(tampered, pub());
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(linesOf(result.stdout), ['unexpected: extra.txt']);
  });

  it('refuses a package signed by another key, naming both key ids', async () => {
    const other = await writeKeyPair(join(scratchDir('vcert-other-key'), 'keys'));
    const elsewhere = join(scratchDir('vcert-other-package'), 'other.vcert.tar.gz');
    const key = await readPrivateKey(other.privateKey);
    await signPackage({ reportsDir: reports, key, out: elsewhere, now: new Date() });
    const result = await verify(elsewhere, pub());
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(linesOf(result.stdout), [
      `signature: does not verify with this key (kid ${other.kid}; the key given is ${kid})`,
    ]);
  });

  it('finds a manifest.json changed inside the package', async () => {
    const tampered = await repack(pkg, async (dir) => {
      const text = await readFile(join(dir, 'manifest.json'), 'utf8');
      await writeFile(
        join(dir, 'manifest.json'),
        text.replace(/"signedAt":"[^"]+"/, '"signedAt":"2020-01-01T00:00:00.000Z"'),
      );
    });
    const result = await verify(tampered, pub());
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(linesOf(result.stdout), [
      'modified: manifest.json (it is not the manifest signed in manifest.jws)',
    ]);
  });

  it('still finds a changed file when manifest.json was changed to match it', async () => {
    const original = await readFile(join(reports, 'junit.xml'));
    const forged = Buffer.from(original.toString().replace('failures="0"', 'failures="0" ok="1"'));
    const tampered = await repack(pkg, async (dir) => {
      await writeFile(join(dir, 'junit.xml'), forged);
      const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
      for (const file of manifest.files)
        if (file.path === 'junit.xml') Object.assign(file, { size: forged.length, sha256: sha256(forged) });
      await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    });
    const result = await verify(tampered, pub());
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(linesOf(result.stdout), [
      'modified: manifest.json (it is not the manifest signed in manifest.jws)',
      `modified: junit.xml (size ${forged.length}, manifest says ${original.length}; sha256 ${sha256(forged)}, manifest says ${sha256(original)})`,
    ]);
  });

  it('could not run on a file that is not a tar.gz: one line, exit code 2', async () => {
    const notTar = join(scratchDir('vcert-not-tar'), 'reports.vcert.tar.gz');
    await writeFile(notTar, 'this is not a package\n');
    assertCouldNotRun(
      await verify(notTar, pub()),
      'verify',
      /is not a readable tar\.gz \(gzip: incorrect header check\)$/,
    );
  });

  it('could not run without the key file: one line, exit code 2', async () => {
    const missing = join(keys, 'nobody.pub');
    assertCouldNotRun(
      await verify(pkg, missing),
      'verify',
      /cannot read the public key .*nobody\.pub: no such file or directory$/,
    );
  });

  it('could not run on a package with a ../ path: one line, exit code 2', async () => {
    const evil = await repack(
      pkg,
      async (dir) => {
        await writeFile(join(dir, '..', 'evil'), 'written outside the package\n');
      },
      { preservePaths: true, entries: (files) => [...files, '../evil'] },
    );
    assertCouldNotRun(
      await verify(evil, pub()),
      'verify',
      /an entry whose path leaves the package: "\.\.\/evil"$/,
    );
  });

  it('could not run without --key: one line, exit code 2', async () => {
    const result = await runVcert(['verify', pkg]);
    assert.equal(result.code, 2);
    assert.deepEqual(linesOf(result.stderr), ["error: required option '--key <public.pem>' not specified"]);
  });
});
