import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import type { RunningServer } from '../../reference-impl/server.ts';
import { findK6 } from '../../src/load/find-k6.ts';
import { runK6 } from '../../src/load/run-k6.ts';
import { executionSegments } from '../../src/load/segments.ts';
import { scratchDir } from '../run/scratch-dir.ts';
import { runVcertToEnd } from '../run/spawn-vcert.ts';
import { startReferenceServer } from '../support/reference-server.ts';

const root = resolve(import.meta.dirname, '../..');
const manifestFile = join(root, 'load/k6-operator/testrun.yaml');
const schemaLocation = join(root, 'test/load/schemas/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json');
const kubeconform = join(root, 'bin/kubeconform');

/** bin/kubeconform, installed by scripts/setup-kubeconform.sh when it is not there yet. */
function haveKubeconform(): string | false {
  if (!existsSync(kubeconform))
    spawnSync('bash', [join(root, 'scripts/setup-kubeconform.sh')], { stdio: 'ignore', timeout: 300_000 });
  return existsSync(kubeconform)
    ? false
    : 'kubeconform could not be installed: run `bash scripts/setup-kubeconform.sh` (needs Go; go install of the pinned kubeconform into bin/)';
}

function validate(file: string): { code: number | null; output: string } {
  const run = spawnSync(kubeconform, ['-strict', '-summary', '-schema-location', schemaLocation, file], {
    encoding: 'utf8',
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { fieldRef?: { fieldPath: string }; configMapKeyRef?: { name: string; key: string } };
}
interface TestRun {
  metadata: { name: string };
  spec: {
    parallelism: number;
    args: string[];
    script: { configMap: { name: string; file: string } };
    runner: {
      env: EnvVar[];
      volumes: Array<{ name: string; persistentVolumeClaim?: { claimName: string } }>;
      volumeMounts: Array<{ name: string; mountPath: string }>;
    };
  };
}
const testRun = () => parse(readFileSync(manifestFile, 'utf8')) as TestRun;

describe('the k6-operator TestRun (load/k6-operator/testrun.yaml)', () => {
  const skip = haveKubeconform();

  it('is valid against the TestRun CRD schema (kubeconform)', { skip }, () => {
    const { code, output } = validate(manifestFile);
    assert.equal(code, 0, output);
    assert.match(output, /1 resource found in 1 file - Valid: 1, Invalid: 0, Errors: 0/);
  });

  it('negative control: broken TestRuns are refused by the same validation', { skip }, () => {
    const dir = scratchDir('vcert-testrun');
    // biome-ignore lint/suspicious/noExplicitAny: a parsed YAML document, broken in place.
    const broken: Array<[string, (run: Record<string, any>) => void, RegExp]> = [
      ['parallelism as a word', (run) => (run.spec.parallelism = 'three'), /parallelism/],
      ['a misspelled field', (run) => (run.spec.runner.envv = run.spec.runner.env), /envv/],
      ['an env entry without a name', (run) => delete run.spec.runner.env[0].name, /name/],
      ['no script', (run) => delete run.spec.script, /script/],
    ];
    for (const [what, change, says] of broken) {
      const run = parse(readFileSync(manifestFile, 'utf8'));
      change(run);
      const file = join(dir, `${what.replaceAll(' ', '-')}.yaml`);
      writeFileSync(file, stringify(run));
      const { code, output } = validate(file);
      assert.equal(code, 1, `${what}: ${output}`);
      assert.match(output, /Invalid: 1/, what);
      assert.match(output, says, `${what}: ${output}`);
    }
  });

  it('gives the runners what the scripts read, and writes every output to the shared volume', () => {
    const run = testRun();
    const read = new Set(
      [...readFileSync(join(root, 'load/lib/env.ts'), 'utf8').matchAll(/__ENV\.([A-Z_0-9]+)/g)].map(
        (m) => m[1],
      ),
    );
    for (const variable of run.spec.runner.env)
      if (variable.name !== 'POD_NAME')
        assert.ok(read.has(variable.name), `load/lib/env.ts reads ${variable.name}`);
    const names = run.spec.runner.env.map((variable) => variable.name);
    for (const needed of ['TARGET', 'VCERT_SETUP_DATA', 'VCERT_SEGMENT', 'POD_NAME'])
      assert.ok(names.includes(needed), needed);
    assert.deepEqual(run.spec.args.slice(0, 2), ['--out', 'json=/results/$(POD_NAME).json']);
    const mount = run.spec.runner.volumeMounts.find((m) => m.mountPath === '/results');
    const volume = run.spec.runner.volumes.find((v) => v.name === mount?.name);
    const claim = parse(readFileSync(join(root, 'load/k6-operator/results-pvc.yaml'), 'utf8')) as {
      metadata: { name: string };
      spec: { accessModes: string[] };
    };
    assert.equal(volume?.persistentVolumeClaim?.claimName, claim.metadata.name);
    assert.deepEqual(claim.spec.accessModes, ['ReadWriteMany']);
  });
});

/**
 * The TestRun played here as the operator plays it: the script as a k6 archive, one k6 process per runner
 * with the operator's segment flags and instance tag, the manifest's args and environment (the pod name
 * where it asks for one, the setup ConfigMap's data, /results a local folder), only the target and the
 * plan replaced. Their outputs are then taken as segments (--from-k6) and merged.
 */
describe('a k6-operator run, played locally, merged by vcert load', {
  skip: findK6() ? false : 'bin/k6 is missing: run `bash scripts/setup-k6.sh`',
}, () => {
  let server: RunningServer;
  before(async () => {
    server = await startReferenceServer();
  });
  after(() => server?.close());

  it('the runners race on one setup; their outputs merge into one passing, audited run', async () => {
    const dir = scratchDir('vcert-operator');
    const run = testRun();
    const plan = { DURATION: '2s', VUS: '9' };
    const planFlags = ['--duration', '2s', '--vus', '9', '--quiet'];
    const setup = await runVcertToEnd([
      'load',
      'load/hot-voucher.ts',
      '--setup-only',
      '--target',
      server.url,
      '--out',
      join(dir, 'setup'),
      ...planFlags,
    ]);
    assert.equal(setup.code, 0, setup.stdout + setup.stderr);
    const setupData = readFileSync(join(dir, 'setup', 'setup.json'), 'utf8');
    const k6 = findK6() as string;
    const archive = join(dir, run.spec.script.configMap.file);
    assert.equal(spawnSync(k6, ['archive', join(root, 'load/hot-voucher.ts'), '-O', archive]).status, 0);
    // The runners' shared volume, mounted at /results.
    const results = join(dir, 'results');
    mkdirSync(results);
    const local = (text: string) => text.replaceAll('/results', results);
    const count = run.spec.parallelism;
    const { sequence, segments } = executionSegments(count);
    const pods = segments.map((_, i) => `${run.metadata.name}-${i + 1}-x7k2p`);
    const codes = await Promise.all(
      pods.map((pod, i) => {
        const env: Record<string, string> = {};
        for (const variable of run.spec.runner.env) {
          const from = variable.valueFrom;
          env[variable.name] = from?.fieldRef
            ? pod
            : from?.configMapKeyRef
              ? setupData
              : local(variable.value ?? '');
        }
        Object.assign(env, plan, { TARGET: server.url });
        const args = run.spec.args.map((arg) => local(arg.replaceAll('$(POD_NAME)', pod)));
        return runK6({
          k6,
          args: [
            'run',
            '--quiet',
            `--execution-segment=${segments[i]}`,
            `--execution-segment-sequence=${sequence}`,
            ...args,
            archive,
            '--tag',
            `instance_id=${i + 1}`,
            '--tag',
            `testrun_name=${run.metadata.name}`,
          ],
          env,
          logPath: join(dir, `${pod}.log`),
        });
      }),
    );
    for (const [i, code] of codes.entries())
      assert.ok(
        code === 0 || code === 99,
        `runner ${i + 1} exit code ${code}: ${readFileSync(join(dir, `${pods[i]}.log`), 'utf8').slice(-2000)}`,
      );
    for (const pod of pods)
      assert.ok(existsSync(join(results, `k6-summary-${pod}.json`)), `${pod}'s summary`);
    const taken = await Promise.all(
      pods.map((pod, i) =>
        runVcertToEnd([
          'load',
          'load/hot-voucher.ts',
          ...['--segment', `${i + 1}/${count}`, '--setup', join(dir, 'setup', 'setup.json')],
          ...[
            '--from-k6',
            join(results, `${pod}.json`),
            '--target',
            server.url,
            '--out',
            join(dir, `segment-${i + 1}`),
          ],
          ...planFlags,
        ]),
      ),
    );
    for (const one of taken) assert.equal(one.code, 0, one.stdout + one.stderr);
    // A runner's output is not another segment's.
    const wrong = await runVcertToEnd([
      'load',
      'load/hot-voucher.ts',
      ...['--segment', `2/${count}`, '--setup', join(dir, 'setup', 'setup.json')],
      ...['--from-k6', join(results, `${pods[0]}.json`), '--target', server.url, '--out', join(dir, 'wrong')],
      ...planFlags,
    ]);
    assert.equal(wrong.code, 2, wrong.stdout + wrong.stderr);
    assert.match(wrong.stderr, /recorded by runner 1 \(instance_id\), not by the runner of segment 2\/3/);
    const merged = join(dir, 'merged');
    const merge = await runVcertToEnd([
      'load',
      'merge',
      ...pods.map((_, i) => join(dir, `segment-${i + 1}`)),
      '--out',
      merged,
    ]);
    assert.equal(merge.code, 0, merge.stdout + merge.stderr);
    const summary = JSON.parse(readFileSync(join(merged, 'summary.json'), 'utf8'));
    assert.equal(summary.verdict, 'PASS', merge.stdout);
    assert.equal(summary.segments, count);
    assert.equal(summary.audit.valid, true, merge.stdout);
    const ops = readFileSync(join(merged, 'history.ndjson'), 'utf8').trim().split('\n').slice(1);
    const clients = new Set(ops.map((line) => (JSON.parse(line) as { client: string }).client));
    for (const pod of pods)
      assert.ok(
        [...clients].some((client) => client.includes(pod)),
        `${pod} raced`,
      );
  });
});
