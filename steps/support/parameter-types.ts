import { defineParameterType } from '@cucumber/cucumber';
import { voucherStates } from '../../spec/schemas/voucher.ts';
import { actorPattern, parseActor } from './actors.ts';
import { parseMoney } from './money.ts';

defineParameterType({ name: 'money', regexp: /-?\d+(?:\.\d+)? [A-Z]{3}/, transformer: parseMoney });
defineParameterType({ name: 'actor', regexp: actorPattern, transformer: parseActor });
defineParameterType({
  name: 'state',
  regexp: new RegExp(voucherStates.join('|')),
  transformer: (s: string) => s,
});
defineParameterType({
  name: 'kind',
  regexp: /reusable top-up|reusable|one-time/,
  transformer: (s: string) => ({ reusable: s.startsWith('reusable'), topUpAllowed: s.includes('top-up') }),
});
defineParameterType({
  name: 'identifier',
  regexp: /number|barcode|magstripe|qr/,
  transformer: (s: string) => s,
});
defineParameterType({
  name: 'subject',
  regexp:
    /it|the (?:payment|hold|capture|release|sale|return|refund|top-up|issue|request|restore|cancellation|lookup|change|redemption|inquiry|read)/,
  transformer: (s: string) => s,
});
