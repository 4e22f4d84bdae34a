import type { Command } from 'commander';
import { oneLine } from '../../sign/cannot-run.ts';
import { readPrivateKey, readPublicKey, writeKeyPair } from '../../sign/keys.ts';
import { readPackage } from '../../sign/read-package.ts';
import { verifiedLines, verifyPackage } from '../../sign/verify-package.ts';
import { signPackage } from '../../sign/write-package.ts';

/** Sets the exit code and exits once stdout is flushed (as `vcert check` does, and for the same reason). */
function exitWith(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}

/** Runs a command's work; anything thrown is "could not run": one line on stderr, exit code 2. */
async function attempt(command: string, work: () => Promise<number>): Promise<void> {
  let code: number;
  try {
    code = await work();
  } catch (error) {
    console.error(`vcert ${command}: ${oneLine(error)}`);
    code = 2;
  }
  exitWith(code);
}

/** Bad flags and missing arguments are "could not run" (2): one line from commander, no stack trace. */
const badFlagsExit = (error: { exitCode: number }) => process.exit(error.exitCode === 0 ? 0 : 2);

function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description('write an Ed25519 key pair for signing certification packages (docs/signing.md)')
    .requiredOption('--out <dir>', 'directory for vcert-signing.key (private, 0600) and vcert-signing.pub')
    .addHelpText('after', '\nExit codes: 0 written; 2 a key file exists already or could not be written.')
    .exitOverride(badFlagsExit)
    .action((options: { out: string }) =>
      attempt('keygen', async () => {
        const written = await writeKeyPair(options.out);
        console.log(`private key: ${written.privateKey} (mode 0600: keep it secret)`);
        console.log(`public key: ${written.publicKey} (give it to whoever verifies)`);
        console.log(`key id: ${written.kid}`);
        return 0;
      }),
    );
}

function registerSignCommand(program: Command): void {
  program
    .command('sign')
    .description('make a signed certification package (tar.gz) of a reports directory')
    .argument('<reports-dir>', 'the directory vcert run wrote (--reports)')
    .requiredOption('--key <private.pem>', 'the Ed25519 private key (vcert keygen)')
    .option('--out <file.tar.gz>', 'where to write the package (default: <reports-dir>.vcert.tar.gz)')
    .option('--adapter <file>', 'the vendor adapter source to include (as adapter/<basename>)')
    .addHelpText(
      'after',
      '\nExit codes: 0 written; 2 could not sign (a key that is not an Ed25519 private key, a symbolic ' +
        'link or other non-regular file in the reports, an adapter other than the one the run used).',
    )
    .exitOverride(badFlagsExit)
    .action((reportsDir: string, options: { key: string; out?: string; adapter?: string }) =>
      attempt('sign', async () => {
        const key = await readPrivateKey(options.key);
        const signed = await signPackage({
          reportsDir,
          key,
          out: options.out,
          adapter: options.adapter,
          now: new Date(),
        });
        console.log(`signed: ${signed.out} (${signed.manifest.files.length} files, key ${key.kid})`);
        return 0;
      }),
    );
}

function registerVerify(program: Command): void {
  program
    .command('verify')
    .description("verify a certification package with the signer's public key")
    .argument('<package>', 'the .tar.gz that vcert sign wrote')
    .requiredOption('--key <public.pem>', "the signer's Ed25519 public key")
    .addHelpText(
      'after',
      '\nExit codes: 0 verified; 1 tampered with or signed by another key (every finding printed, one ' +
        'a line); 2 could not verify (unreadable package, not a tar.gz, over 1 GiB or 100,000 entries, ' +
        'a path outside the package, a bad key file).',
    )
    .exitOverride(badFlagsExit)
    .action((file: string, options: { key: string }) =>
      attempt('verify', async () => {
        const key = await readPublicKey(options.key);
        const result = await verifyPackage(await readPackage(file), key);
        if (!result.verified || !result.manifest) {
          for (const finding of result.findings) console.log(finding);
          return 1;
        }
        for (const line of verifiedLines(result.manifest)) console.log(line);
        return 0;
      }),
    );
}

/** `vcert keygen`, `vcert sign` and `vcert verify`: signed certification packages (docs/signing.md). */
export function registerSign(program: Command): void {
  registerKeygen(program);
  registerSignCommand(program);
  registerVerify(program);
}
