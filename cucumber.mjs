/**
 * cucumber-js configuration: `npx cucumber-js --world-parameters '{"target":"http://127.0.0.1:8080"}'`.
 * Step definitions are TypeScript, loaded by Node 24's own type stripping through `import`.
 * World parameters: target (URL), adapter (module path), apiKeys {pos, webshop, backoffice},
 * capabilities (names; read from GET /capabilities when absent), timeoutMs.
 */
export default {
  paths: ['features/**/*.feature'],
  import: ['steps/**/*.ts'],
  worldParameters: { target: process.env.VCERT_TARGET ?? 'http://127.0.0.1:8080' },
  format: ['progress'],
};
