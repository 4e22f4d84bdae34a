import { propertyHolds } from '../harness/harness-test.ts';

propertyHolds('negative-data');
