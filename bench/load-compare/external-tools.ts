// The external load tools of bench/load-compare.bench.ts: wrk and k6 sending the same one-step
// redemptions as the Node loop and the fleet, each skipped with a note when it is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findK6 } from '../../src/load/find-k6.ts';

export interface Figure {
  tool: string;
  requests: number;
  rps: number;
  /** POST …/redemptions per second (the other tools send nothing else). */
  redeemRps?: number;
  /** Share of the redemptions answered 201. */
  okShare: number | null;
}

export interface ToolRun {
  /** Where the tool's script and summary are written. */
  dir: string;
  url: string;
  posKey: string;
  vouchers: readonly string[];
  connections: number;
  seconds: number;
}

/** wrk with a Lua script that spreads redemptions over the vouchers, a fresh Idempotency-Key each. */
export function runWrk({ dir, url, posKey, vouchers, connections, seconds }: ToolRun): Figure | null {
  if (spawnSync('wrk', ['--version']).error) {
    console.log('wrk: not installed (Debian: apt-get install -y wrk); skipped');
    return null;
  }
  const lua = join(dir, 'redeem.lua');
  writeFileSync(
    lua,
    `local vouchers = {${vouchers.map((v) => `"${v}"`).join(',')}}
local n = 0
local tid = math.random(1, 1e9)
local ok, all = 0, 0
request = function()
  n = n + 1
  local v = vouchers[(n % #vouchers) + 1]
  local body = '{"amount":{"amount":1,"currency":"EUR"},"receipt":{"number":"W-' .. n .. '","store":"S-001","register":"POS-1","channel":"pos"}}'
  local headers = { ["content-type"] = "application/json", ["authorization"] = "Bearer ${posKey}", ["idempotency-key"] = "wrk-" .. tid .. "-" .. n }
  return wrk.format("POST", "/vouchers/" .. v .. "/redemptions", headers, body)
end
`,
  );
  const out = execFileSync(
    'wrk',
    ['-t', '2', '-c', String(connections), '-d', `${seconds}s`, '-s', lua, url],
    {
      encoding: 'utf8',
    },
  );
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  return { tool: 'wrk', requests, rps, okShare: requests ? (requests - non2xx) / requests : null };
}

/** k6 with the same requests, `vus` = connections. */
export function runK6({ dir, url, posKey, vouchers, connections, seconds }: ToolRun): Figure | null {
  const k6 = findK6();
  if (!k6) {
    console.log('k6: not installed (bash scripts/setup-k6.sh); skipped');
    return null;
  }
  const script = join(dir, 'redeem.js');
  writeFileSync(
    script,
    `import http from 'k6/http';
import exec from 'k6/execution';
const vouchers = ${JSON.stringify(vouchers)};
export const options = { vus: ${connections}, duration: '${seconds}s', summaryTrendStats: ['avg'] };
export default function () {
  const n = exec.scenario.iterationInTest;
  const body = '{"amount":{"amount":1,"currency":"EUR"},"receipt":{"number":"K-' + n + '","store":"S-001","register":"POS-1","channel":"pos"}}';
  http.post('${url}/vouchers/' + vouchers[n % vouchers.length] + '/redemptions', body, {
    headers: { 'content-type': 'application/json', authorization: 'Bearer ${posKey}', 'idempotency-key': 'k6-' + n },
  });
}
`,
  );
  const summary = join(dir, 'k6-summary.json');
  execFileSync(k6, ['run', '-q', '--summary-export', summary, script], {
    encoding: 'utf8',
    env: { ...process.env, K6_NO_USAGE_REPORT: 'true' },
  });
  const metrics = JSON.parse(execFileSync('cat', [summary], { encoding: 'utf8' })).metrics;
  const requests = metrics.http_reqs.count as number;
  const failed = metrics.http_req_failed as { passes: number; fails: number; value: number };
  return { tool: 'k6', requests, rps: metrics.http_reqs.rate, okShare: 1 - failed.value };
}
