import type { Driver } from '../driver/driver.ts';

/** Opens one more driver to the same target (a second tenant for the access property). */
export type OpenDriver = () => Promise<Driver>;
