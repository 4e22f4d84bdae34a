/** The driver seam: the only way the harness reaches a system under test. */
export { AdapterDriver, loadAdapter } from './adapter-driver.ts';
export { type Completion, describeCompletion, isFail, isOk } from './completion.ts';
export { type DriverChoice, openDriver } from './create-driver.ts';
export type { Driver, DriverConfig, Session } from './driver.ts';
export { HttpDriver } from './http-driver.ts';
export type { AnyOperation, Auth, BodyOf, Operation, OperationId, ResultOf } from './operation.ts';
export type { VendorAdapter } from './vendor-adapter.ts';
