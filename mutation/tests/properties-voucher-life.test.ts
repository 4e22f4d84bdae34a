import { propertyHolds } from '../harness/harness-test.ts';

propertyHolds('voucher-life');
