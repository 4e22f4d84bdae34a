-- TA-13: the tender configuration in force per tenant, in its canonical JSON form.
CREATE TABLE tender_configs (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  config jsonb NOT NULL,
  loaded_at timestamptz NOT NULL
);
