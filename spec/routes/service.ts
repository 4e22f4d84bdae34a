import { Capabilities, Clock, ClockInput, Health, TenantInput, TenantKeys } from '../schemas/service.ts';
import { Empty } from '../schemas/lifecycle.ts';
import { defineRoutes } from './route.ts';

export const serviceRoutes = defineRoutes([
  { operationId: 'getCapabilities', method: 'GET', path: '/capabilities', tag: 'service', summary: 'What this implementation supports of the optional parts', access: 'public', mutating: false, success: { status: 200, schema: Capabilities }, errors: [] },
  { operationId: 'getHealth', method: 'GET', path: '/health', tag: 'service', summary: 'Liveness and database reachability', access: 'public', mutating: false, success: { status: 200, schema: Health }, errors: [] },
  { operationId: 'createTestTenant', method: 'POST', path: '/test/tenants', tag: 'test-control', summary: 'Create an isolated tenant with one key per role (test control only)', access: 'test-control', capability: 'test-control', mutating: false, body: TenantInput, success: { status: 201, schema: TenantKeys }, errors: [] },
  { operationId: 'getTestClock', method: 'GET', path: '/test/clock', tag: 'test-control', summary: 'The tenant\'s clock', access: 'test-control-tenant', capability: 'test-control', mutating: false, success: { status: 200, schema: Clock }, errors: [] },
  { operationId: 'advanceTestClock', method: 'POST', path: '/test/clock', tag: 'test-control', summary: 'Move the tenant\'s clock forward (expiry and hold expiry without sleeping)', access: 'test-control-tenant', capability: 'test-control', mutating: false, body: ClockInput, success: { status: 200, schema: Clock }, errors: [] },
  { operationId: 'resetTestTenant', method: 'POST', path: '/test/reset', tag: 'test-control', summary: 'Delete every voucher, type and record of the tenant', access: 'test-control-tenant', capability: 'test-control', mutating: false, body: Empty, success: { status: 204 }, errors: [] },
]);
