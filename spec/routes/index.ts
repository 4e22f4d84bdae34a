import { lifecycleRoutes } from './lifecycle.ts';
import { redemptionRoutes } from './redemption.ts';
import { reportRoutes } from './reports.ts';
import type { Route } from './route.ts';
import { serviceRoutes } from './service.ts';

/** Every operation of the contract. Tender admissibility (TA) will add its own table here. */
export const routes: readonly Route[] = [
  ...serviceRoutes,
  ...lifecycleRoutes,
  ...redemptionRoutes,
  ...reportRoutes,
];

export type { Access, Route } from './route.ts';
