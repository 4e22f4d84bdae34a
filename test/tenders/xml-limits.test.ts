import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '../../reference-impl/server.ts';
import { importFiles, maxXmlDepth } from '../../reference-impl/tenders/index.ts';
import { newTenant, type Tenant } from '../support/fixtures.ts';
import { startReferenceServer } from '../support/reference-server.ts';

/**
 * XML that a tender configuration never needs and a parser must never be given (issue 15): each class
 * is refused with one problem naming the file and the reason, by the server (400 validation_failed, the
 * configuration in force unchanged) and by the CLI (one line, exit code 2, no stack trace).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const tender = (code: string) =>
  `<TenderDO><TenderTypeCode>${code}</TenderTypeCode><ISOCurrencyCode>EUR</ISOCurrencyCode></TenderDO>`;

const hostile: Record<string, { name: string; content: string; reason: RegExp }> = {
  'external entity (XXE)': {
    name: 'xxe.xml',
    content: `<?xml version="1.0"?>\n<!DOCTYPE TenderDO [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n${tender('&xxe;')}\n`,
    reason: /^xxe\.xml:2 document: refused: a DOCTYPE declaring the external entity xxe \(SYSTEM\)/,
  },
  'parameter entity': {
    name: 'parameter.xml',
    content: `<!DOCTYPE TenderDO [\n <!ENTITY % dtd "<!ENTITY x 'ZTCS'>">\n %dtd;\n]>\n${tender('&x;')}\n`,
    reason: /^parameter\.xml:1 document: refused: a DOCTYPE declaring the parameter entity %dtd/,
  },
  'entity declarations (billion laughs)': {
    name: 'laughs.xml',
    content: `<!DOCTYPE TenderDO [\n <!ENTITY a "lol">\n <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n${tender('&c;')}\n`,
    reason: /^laughs\.xml:1 document: refused: a DOCTYPE declaring the entity a/,
  },
  '4,000-deep nesting': {
    name: 'deep.xml',
    content: `<TenderElementDO>${'<x>'.repeat(4000)}${'</x>'.repeat(4000)}${tender('ZTCS')}</TenderElementDO>`,
    reason: new RegExp(`^deep\\.xml:1 document: refused: elements nested deeper than ${maxXmlDepth} levels`),
  },
};

const seedFiles = () => {
  const dir = join(root, 'test/fixtures/tenders/seed');
  return readdirSync(dir).map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') }));
};

describe('the import refuses hostile XML with one problem, and reads nothing else', () => {
  for (const [label, file] of Object.entries(hostile)) {
    test(label, () => {
      const result = importFiles([...seedFiles(), file]);
      assert.equal(result.ok, false);
      assert.ok(!result.ok && result.refused, 'refused unread');
      assert.equal(result.ok ? 0 : result.problems.length, 1);
      const [problem] = result.ok ? [] : result.problems;
      assert.match(`${problem?.file}:${problem?.line} ${problem?.element}: ${problem?.message}`, file.reason);
    });
  }

  test(`nesting up to ${maxXmlDepth} levels is read`, () => {
    // The wrappers, TenderDO and its children: exactly the limit.
    const nested = `${'<w>'.repeat(maxXmlDepth - 2)}${tender('ZTCS')}${'</w>'.repeat(maxXmlDepth - 2)}`;
    const result = importFiles([{ name: 'nested.xml', content: nested }]);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.deepEqual(
      result.config.tenders.map((t) => t.tenderTypeCode),
      ['ZTCS'],
    );
  });

  test('a DOCTYPE inside a comment or CDATA is text, not a declaration', () => {
    const content = `<!-- <!DOCTYPE x [ <!ENTITY e SYSTEM "file:///etc/passwd"> ]> -->\n<TenderDO><TenderTypeCode>ZTCS</TenderTypeCode><ISOCurrencyCode>EUR</ISOCurrencyCode><Description><![CDATA[<!DOCTYPE y>]]></Description></TenderDO>`;
    const result = importFiles([{ name: 'quoted.xml', content }]);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.equal(result.config.tenders[0]?.description, '<!DOCTYPE y>');
  });
});

describe('POST /tenders/config: 400 validation_failed naming the file and the reason; nothing changes', () => {
  let server: RunningServer;
  let t: Tenant;
  before(async () => {
    server = await startReferenceServer();
    t = await newTenant(server.url);
    const loaded = await t.office.post('loadTenderConfig', '/tenders/config', {
      format: 'xml',
      files: seedFiles(),
    });
    assert.equal(loaded.status, 200, JSON.stringify(loaded.body));
  });
  after(() => server?.close());

  for (const [label, file] of Object.entries(hostile)) {
    test(label, async () => {
      const before = (await t.pos.get('getTenderConfig', '/tenders/config')).body;
      const refused = await t.office.post('loadTenderConfig', '/tenders/config', {
        format: 'xml',
        files: [...seedFiles(), { name: file.name, content: file.content }],
      });
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.match(refused.contentType ?? '', /^application\/problem\+json/);
      assert.equal(refused.body.code, 'validation_failed');
      assert.equal(refused.body.errors.length, 1, JSON.stringify(refused.body));
      assert.match(refused.body.errors[0].message, file.reason);
      assert.deepEqual((await t.pos.get('getTenderConfig', '/tenders/config')).body, before);
    });
  }

  test('oversize: a body past the limit is 413 payload_too_large, and nothing changes', async () => {
    const before = (await t.pos.get('getTenderConfig', '/tenders/config')).body;
    const padding = `<!--${'x'.repeat(200_000)}-->`;
    const refused = await t.office.post('loadTenderConfig', '/tenders/config', {
      format: 'xml',
      files: [...seedFiles(), { name: 'big.xml', content: `${padding}${tender('ZTBG')}` }],
    });
    assert.equal(refused.status, 413, JSON.stringify(refused.body));
    assert.equal(refused.body.code, 'payload_too_large');
    assert.deepEqual((await t.pos.get('getTenderConfig', '/tenders/config')).body, before);
  });
});

describe('vcert tenders import: one line on stderr, exit code 2, no stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vcert-xml-limits-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const vcert = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(root, 'src/cli/main.ts'), 'tenders', ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  const assertOneLine = (r: { code: number | null; out: string; err: string }, reason: RegExp) => {
    assert.equal(r.code, 2, r.err);
    assert.equal(r.out, '');
    const lines = r.err.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 1, r.err);
    assert.doesNotMatch(r.err, /^\s+at /m);
    assert.match(lines[0]?.replace(/^vcert tenders: /, '') ?? '', reason);
  };

  for (const [label, file] of Object.entries(hostile)) {
    test(label, () => {
      writeFileSync(join(dir, file.name), file.content);
      assertOneLine(vcert('import', join(dir, file.name)), file.reason);
    });
  }

  test('oversize: refused before it is read', () => {
    const big = join(dir, 'big.xml');
    writeFileSync(big, `<!--${'x'.repeat(5 * 1024 * 1024)}-->${tender('ZTBG')}`);
    assertOneLine(vcert('import', big), /^big\.xml document: refused: too large \(5,242,\d{3} bytes\)/);
  });

  test('a file that is not there, a directory, a missing argument, an unknown flag', () => {
    assertOneLine(vcert('import', join(dir, 'absent.xml')), /cannot read .*absent\.xml: no such file$/);
    assertOneLine(vcert('import', dir), /cannot read .*: not a file$/);
    assertOneLine(vcert('import'), /missing required argument 'files'/);
    assertOneLine(vcert('import', join(dir, 'big.xml'), '--bogus'), /unknown option '--bogus'/);
  });

  test('check: a receipt that is not JSON, a bad --at', () => {
    writeFileSync(join(dir, 'receipt.txt'), 'not json');
    const seed = readdirSync(join(root, 'test/fixtures/tenders/seed')).map((f) =>
      join(root, 'test/fixtures/tenders/seed', f),
    );
    assertOneLine(vcert('check', join(dir, 'receipt.txt'), '--config', ...seed), /receipt\.txt: not JSON/);
    assertOneLine(
      vcert('check', join(dir, 'receipt.txt'), '--config', ...seed, '--at', 'tomorrow'),
      /--at: not a date: tomorrow/,
    );
  });
});
