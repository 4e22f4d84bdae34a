import { suitePasses } from '../harness/harness-test.ts';

suitePasses('channels');
