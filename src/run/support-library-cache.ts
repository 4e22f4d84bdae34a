import type {
  IRunConfiguration,
  ISupportCodeCoordinatesOrLibrary,
  ISupportCodeLibrary,
} from '@cucumber/cucumber/api';

/**
 * Step definitions register themselves when their module is first imported, and Node caches modules:
 * a second cucumber run in the same process would find no steps. So the library of the first run is
 * kept per suite root and support coordinates and handed to later runs (as cucumber-js's API advises).
 * Parallel workers load their own support code and are unaffected.
 */
const libraries = new Map<string, ISupportCodeLibrary>();

function keyOf(root: string, configuration: IRunConfiguration): string {
  return JSON.stringify({ root, support: configuration.support });
}

export function supportFor(root: string, configuration: IRunConfiguration): ISupportCodeCoordinatesOrLibrary {
  return libraries.get(keyOf(root, configuration)) ?? configuration.support;
}

export function keepSupport(
  root: string,
  configuration: IRunConfiguration,
  library: ISupportCodeLibrary,
): void {
  libraries.set(keyOf(root, configuration), library);
}
