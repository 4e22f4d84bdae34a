-- Tenants, keys, voucher types, templates, vouchers, holds, redemptions, refunds, ledger, idempotency.
CREATE TABLE tenants (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  clock_offset_seconds bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  key_hash text PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('pos', 'webshop', 'backoffice'))
);

CREATE TABLE voucher_types (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  code text NOT NULL,
  name text NOT NULL,
  currency char(3) NOT NULL,
  product_code text NOT NULL,
  validity_days integer NOT NULL CHECK (validity_days > 0),
  reusable boolean NOT NULL,
  top_up_allowed boolean NOT NULL,
  policy text NOT NULL CHECK (policy IN ('balance-guard', 'exclusive-hold', 'amount-holds', 'redeem-entire')),
  hold_ttl_seconds integer NOT NULL CHECK (hold_ttl_seconds > 0),
  UNIQUE (tenant_id, code)
);

CREATE TABLE templates (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  voucher_type_id uuid NOT NULL REFERENCES voucher_types(id) ON DELETE CASCADE,
  code text NOT NULL,
  number_prefix text NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0),
  issued integer NOT NULL DEFAULT 0,
  CHECK (issued <= capacity),
  UNIQUE (tenant_id, code)
);

CREATE TABLE vouchers (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  voucher_type_id uuid NOT NULL REFERENCES voucher_types(id) ON DELETE CASCADE,
  template_id uuid NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
  number text NOT NULL,
  barcode text NOT NULL,
  magstripe text NOT NULL,
  qr text NOT NULL,
  currency char(3) NOT NULL,
  denomination bigint NOT NULL CHECK (denomination > 0),
  balance bigint NOT NULL CHECK (balance >= 0),
  held bigint NOT NULL DEFAULT 0 CHECK (held >= 0 AND held <= balance),
  open_holds integer NOT NULL DEFAULT 0 CHECK (open_holds >= 0),
  state text NOT NULL CHECK (state IN ('prepared', 'activating', 'activated', 'refunding', 'refunded', 'redeemed', 'canceled')),
  used boolean NOT NULL DEFAULT false,
  ledger_seq integer NOT NULL DEFAULT 0,
  issued_at timestamptz NOT NULL,
  activated_at timestamptz,
  expires_at timestamptz NOT NULL,
  remainder_of uuid REFERENCES vouchers(id) ON DELETE CASCADE,
  -- the receipt of an open sale or return document (two-phase, LC-06 and LC-08)
  pending_receipt jsonb,
  UNIQUE (tenant_id, number),
  UNIQUE (tenant_id, barcode),
  UNIQUE (tenant_id, magstripe),
  UNIQUE (tenant_id, qr)
);

CREATE TABLE holds (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  voucher_id uuid NOT NULL REFERENCES vouchers(id) ON DELETE CASCADE,
  amount bigint NOT NULL CHECK (amount > 0),
  reserves boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'captured', 'released', 'expired')),
  receipt jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  redemption_id uuid
);
CREATE INDEX holds_open_by_voucher ON holds (voucher_id) WHERE status = 'open';
CREATE INDEX holds_open_by_expiry ON holds (expires_at) WHERE status = 'open';

CREATE TABLE redemptions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  voucher_id uuid NOT NULL REFERENCES vouchers(id) ON DELETE CASCADE,
  hold_id uuid REFERENCES holds(id) ON DELETE CASCADE,
  amount bigint NOT NULL CHECK (amount > 0),
  refunded bigint NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= amount),
  receipt jsonb NOT NULL,
  captured_at timestamptz NOT NULL,
  balance_after bigint NOT NULL CHECK (balance_after >= 0),
  remainder_voucher_id uuid REFERENCES vouchers(id) ON DELETE CASCADE
);
CREATE INDEX redemptions_by_voucher ON redemptions (voucher_id);
CREATE INDEX redemptions_by_tenant_time ON redemptions (tenant_id, captured_at);

CREATE TABLE refunds (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  redemption_id uuid NOT NULL REFERENCES redemptions(id) ON DELETE CASCADE,
  voucher_id uuid NOT NULL REFERENCES vouchers(id) ON DELETE CASCADE,
  amount bigint NOT NULL CHECK (amount > 0),
  refunded_total bigint NOT NULL,
  balance_after bigint NOT NULL CHECK (balance_after >= 0),
  created_at timestamptz NOT NULL,
  receipt jsonb NOT NULL
);

-- RD-07: append-only; every entry records the balance after it.
CREATE TABLE ledger (
  voucher_id uuid NOT NULL REFERENCES vouchers(id) ON DELETE CASCADE,
  seq integer NOT NULL,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('issue', 'activation', 'load', 'capture', 'refund', 'payout', 'remainder')),
  amount bigint NOT NULL,
  balance_after bigint NOT NULL CHECK (balance_after >= 0),
  currency char(3) NOT NULL,
  at timestamptz NOT NULL,
  receipt jsonb,
  operation_id uuid,
  store text,
  register text,
  legal_entity text,
  PRIMARY KEY (voucher_id, seq)
);
CREATE INDEX ledger_by_tenant_time ON ledger (tenant_id, at);

CREATE FUNCTION ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('vcert.purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the ledger is append-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger
  FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();

CREATE TABLE idempotency (
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  key text NOT NULL,
  fingerprint text NOT NULL,
  status integer,
  body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key)
);
