import { propertyHolds } from '../harness/harness-test.ts';

propertyHolds('access');
