/**
 * Serves the checkout vendor on 127.0.0.1 until interrupted and prints one JSON line with its url and
 * tokens; --defect lost-update and/or --defect ignore-expiry switch defects on:
 *   node simulators/vendors/checkout/serve-checkout-vendor.ts 4020 --defect lost-update
 */
import { startCheckoutVendor } from './checkout-vendor.ts';
import type { Defects } from './shop.ts';

const defectFlags: Record<string, keyof Defects> = {
  'lost-update': 'lostUpdate',
  'ignore-expiry': 'ignoreExpiry',
  overdraw: 'overdraw',
};

const args = process.argv.slice(2);
const defects: Defects = {};
let port = 0;
for (let i = 0; i < args.length; i++) {
  const arg = args[i] ?? '';
  if (arg === '--defect') {
    const flag = defectFlags[args[++i] ?? ''];
    if (!flag) {
      console.error(`--defect takes one of: ${Object.keys(defectFlags).join(', ')}`);
      process.exit(2);
    }
    defects[flag] = true;
  } else port = Number(arg);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('usage: serve-checkout-vendor.ts [port] [--defect lost-update|ignore-expiry|overdraw]');
  process.exit(2);
}

const vendor = await startCheckoutVendor({ port, defects });
console.log(
  JSON.stringify({ url: vendor.url, adminToken: vendor.adminToken, storefrontToken: vendor.storefrontToken }),
);
const stop = async () => {
  await vendor.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
