// Client of the test-control surface: a fresh tenant with one API key per role.
import { call } from './http-call.ts';

export interface Keys {
  pos: string;
  webshop: string;
  backoffice: string;
}

export function createTenant(): Keys {
  const answer = call({
    op: 'createTestTenant',
    method: 'POST',
    path: '/test/tenants',
    body: {},
    apiKey: null,
  });
  if (answer.status !== 201)
    throw new Error(`POST /test/tenants answered ${answer.status}: is test control on?`);
  return answer.body.keys as Keys;
}
