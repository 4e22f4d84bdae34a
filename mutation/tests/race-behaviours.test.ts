import { policies } from '../../spec/capabilities.ts';
import { raceHolds } from '../harness/harness-test.ts';

raceHolds(policies);
