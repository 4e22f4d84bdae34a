import type { Completion } from '../../src/driver/completion.ts';
import type { AnyOperation } from '../../src/driver/operation.ts';
import type { VendorAdapter } from '../../src/driver/vendor-adapter.ts';

/** An adapter that maps wrongly: amounts as decimal strings, and it throws on getHealth. */
const adapter: VendorAdapter = {
  name: 'broken',
  capabilities: async () => ['holds'],
  async invoke(operation: AnyOperation): Promise<Completion> {
    if (operation.operationId === 'getHealth') throw new Error('socket hang up');
    return { completion: 'ok', status: 200, body: { voucherId: 'x', balance: '12.50' } };
  },
};
export default adapter;
