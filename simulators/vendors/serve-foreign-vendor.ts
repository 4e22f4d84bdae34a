/**
 * Serves GiftCardCo on 127.0.0.1 until interrupted, to run the suite through the example adapter:
 *   node simulators/vendors/serve-foreign-vendor.ts 4010 &
 *   npx cucumber-js --world-parameters '{"target":"http://127.0.0.1:4010","adapter":"simulators/vendors/foreign-adapter.ts"}'
 */
import { startForeignVendor } from './foreign-vendor.ts';

const vendor = await startForeignVendor(Number(process.argv[2] ?? 0));
console.log(vendor.url);
const stop = async () => {
  await vendor.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
