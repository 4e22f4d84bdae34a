import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  evaluate,
  importConfiguration,
  importFiles,
  type Problem,
} from '../../reference-impl/tenders/index.ts';
import { now, receipt } from './config-builder.ts';

const fixtures = new URL('../fixtures/tenders/', import.meta.url);
function filesOf(dir: string) {
  const url = new URL(`${dir}/`, fixtures);
  return readdirSync(url)
    .sort()
    .map((name) => ({ name, content: readFileSync(new URL(name, url), 'utf8') }));
}

function imported(files: { name: string; content: string }[]) {
  const result = importFiles(files);
  if (!result.ok) assert.fail(`import refused:\n${result.problems.map((p) => JSON.stringify(p)).join('\n')}`);
  return result.config;
}

function problemsOf(result: ReturnType<typeof importFiles>): Problem[] {
  assert.equal(result.ok, false, 'the import must be refused');
  return result.ok ? [] : result.problems;
}

describe('TA-13: import of the vendor XML shapes of seed 002', () => {
  const config = imported(filesOf('seed'));

  test('every element kind is read', () => {
    assert.deepEqual(
      config.tenders.map((t) => t.tenderTypeCode),
      ['ZTCC', 'ZTCD', 'ZTCH', 'ZTCS', 'ZTKR', 'ZTMX', 'ZTVO'],
    );
    assert.deepEqual(config.switches, { checkCustomerGroupTender: true, checkReasonTender: true });
    assert.deepEqual(config.customers, [{ customerId: '0000010014', customerGroupIds: ['CR'] }]);
    assert.deepEqual(config.customerGroups, [
      { customerGroupId: 'CR', name: 'Credit', allowedTermsOfPayments: 'CREDIT' },
    ]);
    assert.deepEqual(config.tenderAdjustmentRules, [
      { originalTenderTypeCode: 'ZTCS', newTenderTypeCode: 'ZTCD' },
      { originalTenderTypeCode: 'ZTCS', newTenderTypeCode: 'ZTMX' },
    ]);
    assert.deepEqual(config.tenderSaleReturnRules, [
      { returnTenderTypeCode: 'ZTCS', saleTenderTypeCode: 'ZTVO' },
    ]);
    assert.equal(config.reasonTenders.length, 2);
  });

  test('values: flags, codes 00/01, isNull, restriction rules, whitespace around codes, LIMIT', () => {
    const byCode = new Map(config.tenders.map((t) => [t.tenderTypeCode, t]));
    assert.equal(byCode.get('ZTCH')?.blockingFlag, true);
    assert.equal(
      byCode.get('ZTCH')?.saleReturnTypeCode,
      'SALES_AND_RETURNS',
      'isNull="true" means null, i.e. 00',
    );
    assert.equal(byCode.get('ZTKR')?.saleReturnTypeCode, 'SALES', '01');
    assert.equal(byCode.get('ZTVO')?.saleReturnTypeCode, 'SALES_AND_RETURNS', '00');
    assert.equal(byCode.get('ZTCC')?.exclusiveFlag, true);
    assert.deepEqual(byCode.get('ZTCS')?.restrictionRules, [
      { forbiddenTransactionTypeCode: 'SA', forbiddenLineItemTypeCode: 'PI' },
    ]);
    const defaultGroup = config.customerTenderGroups.find((g) => g.defaultFlag);
    assert.equal(defaultGroup?.customerTenderGroupCode, 'DEFAULT', 'the code is trimmed of its line break');
    assert.deepEqual(config.reasons.find((r) => r.reasonCode === '6302')?.parameters, [
      { code: 'LIMIT', value: '1000' },
    ]);
  });

  test('the imported seed configuration: a receipt without customer closes only with cash', () => {
    const allowed = evaluate(config, receipt(), now)
      .tenders.filter((v) => v.allowed)
      .map((v) => v.tender);
    assert.deepEqual(allowed, ['ZTCS']);
  });

  test('the order of the files does not matter', () => {
    assert.deepEqual(imported(filesOf('seed').reverse()), config);
  });

  test('the JSON form of an import imports to itself', () => {
    const again = importConfiguration(JSON.parse(JSON.stringify(config)));
    assert.deepEqual(again, { ok: true, config });
  });

  test('the same files through the body form { format: xml, files }', () => {
    assert.deepEqual(importConfiguration({ format: 'xml', files: filesOf('seed') }), { ok: true, config });
  });

  test('files may be split any way: a group tender may name a tender of another file', () => {
    const files = filesOf('seed').filter((f) => /Tender\.xml$|TenderGroup\.xml$/.test(f.name));
    assert.deepEqual(
      files.map((f) => f.name),
      ['CustomerTenderGroup.xml', 'CustomerTenderGroupTender.xml', 'dc_import_Tender.xml'],
    );
    assert.equal(imported(files).customerTenderGroupTenders.length, 2);
  });
});

describe('TA-13: a broken configuration is refused with every problem', () => {
  const problems = problemsOf(importFiles(filesOf('broken')));
  const expected: [file: string, line: number | undefined, element: string, message: string][] = [
    ['Customer.xml', 5, 'document', 'not well-formed XML'],
    [
      'CustomerTenderGroup.xml',
      7,
      'CustomerTenderGroupDO #2',
      'more than one customer tender group has DefaultFlag true',
    ],
    [
      'CustomerTenderGroup.xml',
      11,
      'CustomerTenderGroupTenderDO #1',
      'TimeStampEffective must match format "date-time"',
    ],
    ['CustomerTenderGroup.xml', 11, 'CustomerTenderGroupTenderDO #1', 'unknown tender ZTZZ'],
    ['CustomerTenderGroup.xml', 16, 'CustomerTenderGroupTenderDO #2', 'unknown customer tender group CREDIT'],
    ['CustomerTenderGroup.xml', 20, 'CustomerGroup #1', 'ProcessMode DELETE is not supported'],
    ['CustomerTenderGroup.xml', 20, 'CustomerGroup #1', 'unknown customer tender group CREDIT'],
    ['Reason.xml', 3, 'ReasonTenderDO #1', 'unknown reason E/6399'],
    ['Reason.xml', 8, 'Reason #1', 'LIMIT must be a non-negative decimal number (got "1.000,00")'],
    [
      'allowedTendersConfigs.properties',
      2,
      'AllowedTendersConfigs.Default.checkReasonTender',
      'must be true or false',
    ],
    [
      'allowedTendersConfigs.properties',
      3,
      'AllowedTendersConfigs.Default.checkEverything',
      'unknown switch',
    ],
    [
      'dc_import_Tender.xml',
      8,
      'TenderDO #2',
      'duplicate TenderTypeCode ZTCS (first at dc_import_Tender.xml:3',
    ],
    ['dc_import_Tender.xml', 13, 'TenderDO #3', 'BlockingFlag must be true or false (got "yes")'],
    ['dc_import_Tender.xml', 13, 'TenderDO #3', 'ISOCurrencyCode must be an ISO 4217 currency code'],
    [
      'dc_import_Tender.xml',
      13,
      'TenderDO #3',
      'SaleReturnTypeCode must be one of SALES_AND_RETURNS, SALES, RETURNS',
    ],
    ['dc_import_Tender.xml', 19, 'TenderDO #4', 'missing TenderTypeCode'],
    ['dc_import_Tender.xml', 19, 'TenderDO #4', 'restriction rule 1 names neither'],
  ];

  for (const [file, line, element, message] of expected) {
    test(`${file}:${line} ${element}: ${message}`, () => {
      const found = problems.filter((p) => p.file === file && p.line === line && p.element === element);
      assert.ok(
        found.some((p) => p.message.includes(message)),
        `not among: ${found.map((p) => p.message).join(' | ')}`,
      );
    });
  }

  test('nothing else, and in file order then line order', () => {
    assert.equal(
      problems.length,
      expected.length,
      problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'),
    );
    assert.deepEqual(
      problems.map((p) => [p.file, p.line]),
      expected.map(([f, l]) => [f, l]),
    );
  });
});

describe('the JSON form', () => {
  test('every problem with its JSON pointer', () => {
    const problems = problemsOf(
      importConfiguration({
        tenders: [
          { tenderTypeCode: 'ZTCS', isoCurrencyCode: 'EURO' },
          { tenderTypeCode: 'ZTVO', isoCurrencyCode: 'EUR', blockingFlag: 'yes', colour: 'red' },
        ],
        customerTenderGroupTenders: [{ customerTenderGroupCode: 'G', tenderTypeCode: 'ZTXX' }],
        reasons: [
          { reasonCode: '1', reasonCodeGroupCode: 'E', parameters: [{ code: 'LIMIT', value: 'ten' }] },
        ],
        somethingElse: [],
      }),
    );
    assert.deepEqual(
      problems.map((p) => [p.element, p.message.split(' (')[0]]).sort(),
      [
        ['/tenders/0', 'isoCurrencyCode must be an ISO 4217 currency code'],
        ['/tenders/1', 'unknown field colour'],
        ['/tenders/1', 'blockingFlag must be boolean'],
        ['/somethingElse', 'unknown list somethingElse'],
        ['/customerTenderGroupTenders/0', 'unknown customer tender group G'],
        ['/customerTenderGroupTenders/0', 'unknown tender ZTXX'],
        ['/reasons/0', 'LIMIT must be a non-negative decimal number'],
      ].sort(),
    );
  });

  test('a switch set both ways by two files', () => {
    const problems = problemsOf(
      importFiles([
        { name: 'a.properties', content: 'AllowedTendersConfigs.Default.checkReasonTender=true\n' },
        { name: 'b.json', content: '{ "switches": { "checkReasonTender": false } }' },
      ]),
    );
    assert.equal(problems.length, 1);
    assert.match(
      problems[0]?.message ?? '',
      /checkReasonTender set to false here and to true at a.properties:1/,
    );
  });

  test('properties: comments and other settings are skipped; unset switches are off', () => {
    const result = importFiles([
      {
        name: 'allowedTendersConfigs.properties',
        content: '# c\n! c\nOther.Key=1\nAllowedTendersConfigs.Default.checkReasonTender = TRUE\n',
      },
      { name: 't.json', content: '{"tenders":[{"tenderTypeCode":"ZTCS","isoCurrencyCode":"EUR"}]}' },
    ]);
    assert.ok(result.ok);
    assert.deepEqual(result.config.switches, { checkCustomerGroupTender: false, checkReasonTender: true });
  });

  test('not JSON, and an XML file without any tender element', () => {
    const problems = problemsOf(
      importFiles([
        { name: 'x.json', content: '{ tenders: [' },
        { name: 'y.xml', content: '<Something><Else/></Something>' },
      ]),
    );
    assert.deepEqual(
      problems.map((p) => [p.file, p.message.slice(0, 12)]),
      [
        ['x.json', 'not JSON: Ex'],
        ['y.xml', 'no tender co'],
      ],
    );
  });
});
