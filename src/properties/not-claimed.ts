/**
 * The target does not claim what a property (or one of its runs) needs: the property is then reported
 * "not claimed", never passed or failed. A driver's CannotArrange (by name) means the same.
 */
export class NotClaimed extends Error {
  override name = 'NotClaimed';
}

/** Whether an error says "not claimed" rather than "failed": NotClaimed, or a driver's CannotArrange. */
export function isNotClaimed(error: unknown): error is Error {
  return error instanceof Error && (error.name === 'NotClaimed' || error.name === 'CannotArrange');
}
