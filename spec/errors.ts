/**
 * The error catalog: every protocol error code, its HTTP status and what it means.
 * The OpenAPI document, the reference implementation, the steps and the docs all draw from here.
 */
export const errorCatalog = {
  validation_failed: {
    status: 400,
    title: 'Request failed validation',
    meaning:
      'The body, query or path does not match the contract (wrong type, float or string as an amount, unknown field, unknown currency). `errors` lists each problem with its JSON pointer.',
  },
  malformed_request: { status: 400, title: 'Malformed request', meaning: 'The body is not parseable JSON.' },
  idempotency_key_missing: {
    status: 400,
    title: 'Idempotency-Key header missing',
    meaning:
      'Every mutating request must carry an Idempotency-Key header (1 to 255 visible ASCII characters).',
  },
  unauthorized: { status: 401, title: 'Unauthorized', meaning: 'No API key, or a key that is not known.' },
  forbidden: {
    status: 403,
    title: 'Forbidden',
    meaning: 'The key is valid but its role may not perform this operation.',
  },
  not_found: {
    status: 404,
    title: 'Not found',
    meaning: "No such resource for this tenant (another tenant's resources are never visible).",
  },
  method_not_allowed: {
    status: 405,
    title: 'Method not allowed',
    meaning: 'The path exists but not with this method.',
  },
  payload_too_large: {
    status: 413,
    title: 'Payload too large',
    meaning: 'The body exceeds the size limit (64 KiB).',
  },
  unsupported_media_type: {
    status: 415,
    title: 'Unsupported media type',
    meaning: 'A body was sent with a content type other than application/json.',
  },
  idempotency_key_reused: {
    status: 422,
    title: 'Idempotency key reused',
    meaning: 'The same Idempotency-Key was used before with a different request (method, path or body).',
  },
  already_exists: {
    status: 409,
    title: 'Already exists',
    meaning: 'A voucher type or template with this code exists for the tenant.',
  },
  insufficient_balance: {
    status: 409,
    title: 'Insufficient balance',
    meaning: 'The amount exceeds what the voucher can spend now. `available` gives the spendable amount.',
  },
  voucher_in_use: {
    status: 409,
    title: 'Voucher in use',
    meaning: 'Another open receipt holds this voucher (exclusive-hold and redeem-entire policies).',
  },
  voucher_not_active: {
    status: 409,
    title: 'Voucher not active',
    meaning: 'The voucher has not been sold yet (prepared, activating) or was refunded; `state` tells which.',
  },
  voucher_expired: {
    status: 409,
    title: 'Voucher expired',
    meaning: "The voucher's validity has ended: no redemption, no refund.",
  },
  voucher_canceled: { status: 409, title: 'Voucher canceled', meaning: 'The voucher was canceled manually.' },
  voucher_redeemed: {
    status: 409,
    title: 'Voucher redeemed',
    meaning: 'The voucher is fully used (one-time voucher used once, or reusable voucher at zero).',
  },
  currency_mismatch: {
    status: 409,
    title: 'Currency mismatch',
    meaning: "The amount's currency differs from the voucher's.",
  },
  illegal_transition: {
    status: 409,
    title: 'Illegal transition',
    meaning: "The lifecycle action is not allowed from the voucher's state; `state` and `action` tell which.",
  },
  template_capacity_exhausted: {
    status: 409,
    title: 'Template capacity exhausted',
    meaning:
      "Issuing would exceed the template set's capacity; `remaining` tells how many can still be issued.",
  },
  top_up_not_allowed: {
    status: 409,
    title: 'Top-up not allowed',
    meaning: 'The voucher type is one-time or does not allow top-ups.',
  },
  hold_expired: {
    status: 409,
    title: 'Hold expired',
    meaning: "The hold's time-to-live has passed; it was released and nothing can be captured.",
  },
  hold_not_open: {
    status: 409,
    title: 'Hold not open',
    meaning: 'The hold was already captured or released; `holdStatus` tells which.',
  },
  capture_exceeds_hold: {
    status: 409,
    title: 'Capture exceeds hold',
    meaning: 'A capture may take at most the held amount.',
  },
  refund_exceeds_redemption: {
    status: 409,
    title: 'Refund exceeds redemption',
    meaning: 'Refunds of a redemption add up to at most what it took; `refundable` gives what is left.',
  },
  amount_must_be_entire: {
    status: 409,
    title: 'Amount must be entire',
    meaning:
      'Reserved for redeem-entire systems that refuse partial use instead of issuing a remainder voucher.',
  },
  internal_error: {
    status: 500,
    title: 'Internal error',
    meaning: 'The implementation failed; a conformant implementation never answers bad input with this.',
  },
} as const;

export type ErrorCode = keyof typeof errorCatalog;
export const errorCodes = Object.keys(errorCatalog) as ErrorCode[];

export function statusOf(code: ErrorCode): number {
  return errorCatalog[code].status;
}
