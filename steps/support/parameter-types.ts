import { defineParameterType } from '@cucumber/cucumber';
import { voucherStates } from '../../spec/schemas/voucher.ts';
import { actorPattern, parseActor } from './actors.ts';
import { parseMoney } from './money.ts';
import { placesOf } from './places.ts';
import type { VoucherWorld } from './world.ts';

defineParameterType({ name: 'money', regexp: /-?\d+(?:\.\d+)? [A-Z]{3}/, transformer: parseMoney });
defineParameterType({
  name: 'actor',
  regexp: actorPattern,
  // cucumber-js calls a transformer with the scenario's World: a named store's codes are the scenario's.
  transformer(this: VoucherWorld, text: string) {
    return parseActor(text, placesOf(this));
  },
});
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
defineParameterType({
  name: 'dimension',
  regexp: /store|register|legal entity/,
  transformer: (s: string) => s,
});
