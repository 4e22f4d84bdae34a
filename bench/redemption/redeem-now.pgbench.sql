-- One one-step redemption as the reference server sends it: its own statement, the database function
-- redeem_now (reference-impl/storage/migrations/004_redeem_now.sql), in one round trip. pgbench running
-- it is the limit of the database for the server's path, with no HTTP and no Node in between: the
-- second ceiling of bench/redemption.bench.ts (the first, redeem.pgbench.sql, is the same transaction
-- sent statement by statement, as an ordinary client sends it).
-- Variables (pgbench -M prepared -D name=value): as redeem.pgbench.sql, and keyhash (the POS key's
-- sha256) and answer (the stored answer without its balanceAfter, JSON).
\set n random(0, :count - 1)
SELECT redeem_now(:keyhash, :tenant::uuid, 'pos', 0, gen_random_uuid()::text, :fingerprint,
  substr(:ids, :n::int * 36 + 1, 36)::uuid, :amount::bigint, 'EUR', :receipt::jsonb, gen_random_uuid(),
  now(), 201, :answer::jsonb);
