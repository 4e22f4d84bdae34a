import { lifecycleRoutes } from './lifecycle.ts';
import { redemptionRoutes } from './redemption.ts';
import { reportRoutes } from './reports.ts';
import type { Route } from './route.ts';
import { serviceRoutes } from './service.ts';
import { tenderRoutes } from './tenders.ts';

/** Every operation of the contract. */
export const routes: readonly Route[] = [
  ...serviceRoutes,
  ...lifecycleRoutes,
  ...redemptionRoutes,
  ...reportRoutes,
  ...tenderRoutes,
];

export type { Access, Route } from './route.ts';
