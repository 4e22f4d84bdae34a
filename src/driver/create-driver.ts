import { AdapterDriver } from './adapter-driver.ts';
import type { Driver, DriverConfig } from './driver.ts';
import { HttpDriver } from './http-driver.ts';

export interface DriverChoice extends DriverConfig {
  /** A vendor adapter module; without it the canonical HTTP driver is used. */
  adapter?: string;
}

/** Opens the driver a run asks for: a vendor adapter when one is named, else the canonical HTTP driver. */
export async function openDriver(choice: DriverChoice): Promise<Driver> {
  const { adapter, ...config } = choice;
  const driver: Driver = adapter ? new AdapterDriver(adapter) : new HttpDriver();
  await driver.open(config);
  return driver;
}
