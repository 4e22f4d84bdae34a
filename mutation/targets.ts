import { globSync } from 'node:fs';

/**
 * What the mutation run mutates: the reference implementation, less the files that are no behaviour a
 * certification can see. Each exclusion is argued in docs/mutation.md.
 */
export const mutateRoot = 'reference-impl';

export const excluded: Readonly<Record<string, string>> = {
  'reference-impl/faults.ts': 'the switches of the defective implementations; all off in the reference',
  'reference-impl/http/faulty-answers.ts': 'a defective implementation’s answer faults (null when off)',
  'reference-impl/http/faulty-keys.ts': 'a defective implementation’s idempotency faults (null when off)',
  'reference-impl/http/faulty-reads.ts': 'a defective implementation’s read faults (null when off)',
  'reference-impl/tenders/receipt-validator.ts':
    'checks a receipt file for `vcert tenders check` (the harness’s CLI); no route of the service calls it',
  'reference-impl/stale-voucher.ts':
    'the stale read of the refund-lost-update defect (called only when it is on)',
  'reference-impl/storage/embedded-server.ts': 'starting the bundled PostgreSQL (the run shares one server)',
  'reference-impl/storage/orphan-postmaster.ts': 'stopping a PostgreSQL left by a killed owner',
  'reference-impl/storage/postmaster-watchdog.ts': 'stopping PostgreSQL when its owner is killed',
  'reference-impl/storage/signal-owner.ts': 'process signals of the bundled PostgreSQL',
};

/** The folder a report groups a file under: domain, service, storage, http, tenders, or a root file. */
export function folderOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? (parts[1] as string) : (parts[1] ?? file).replace(/\.ts$/, '');
}

/** The files to mutate under the given folders (all of them when none), as paths relative to the root. */
export function mutateFiles(folders: readonly string[] = []): string[] {
  const wanted = folders.map((f) => f.replace(/^reference-impl\/?/, '').replace(/\/$/, ''));
  return globSync(`${mutateRoot}/**/*.ts`)
    .filter((file) => !(file in excluded))
    .filter(
      (file) =>
        wanted.length === 0 ||
        wanted.some((w) => folderOf(file) === w || file.startsWith(`${mutateRoot}/${w}`)),
    )
    .sort();
}
