import type { Actor } from './support/actors.ts';
import { When } from './support/steps.ts';
import type { VoucherWorld } from './support/world.ts';

When('someone reads voucher {string} without an API key', async function (this: VoucherWorld, alias: string) {
  await this.call({ operationId: 'getVoucher', params: { id: this.voucherId(alias) }, auth: 'none' });
});

When(
  'someone reads voucher {string} with an unknown API key',
  async function (this: VoucherWorld, alias: string) {
    await this.call({
      operationId: 'getVoucher',
      params: { id: this.voucherId(alias) },
      auth: { key: `unknown-${this.suffix}` },
    });
  },
);

When('{actor} asks for the outstanding liability', async function (this: VoucherWorld, actor: Actor) {
  await this.call({ operationId: 'reportLiability', auth: { role: actor.role } });
});
