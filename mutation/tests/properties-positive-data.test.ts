import { propertyHolds } from '../harness/harness-test.ts';

propertyHolds('positive-data');
