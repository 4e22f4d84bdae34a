import { defectiveImplementation, type StartedTarget } from '../../simulators/defective/index.ts';

/**
 * Starts defective implementations (argv: database URL, then their names) in this child process, tells
 * the parent their URLs over IPC and runs until the parent disconnects. Their logs go wherever the parent
 * sent this process's output (a file): a deliberately defective server's errors are expected, not test
 * output. One process for several: the reference implementation's modules are loaded once.
 */
const [databaseUrl, ...names] = process.argv.slice(2);
const started: StartedTarget[] = [];
const urls: Record<string, string> = {};
for (const name of names) {
  const defective = defectiveImplementation(name);
  if (!defective) throw new Error(`no defective implementation ${name}`);
  const target = await defective.start({ databaseUrl });
  started.push(target);
  urls[name] = target.url;
}
process.send?.({ urls });
process.once('disconnect', () => {
  void Promise.all(started.map((t) => t.close())).then(() => process.exit(0));
});
