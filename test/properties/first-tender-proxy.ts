import { type RunningProxy, startRewritingProxy } from './rewriting-proxy.ts';

/**
 * A tiny defective target for tender-orders: on 127.0.0.1, it forwards every request to the reference
 * implementation, except that a tender evaluation is asked about the first tender on the receipt only
 * (as a POS back end that checks the tender keyed first, not those keyed after it): whether an exclusive
 * tender refuses the others then depends on the order the cashier keyed them in.
 */
export function startFirstTenderProxy(upstream: string): Promise<RunningProxy> {
  return startRewritingProxy(upstream, (req, body) => {
    if (req.method !== 'POST' || req.url !== '/tenders/evaluate') return { forward: body };
    const receipt = JSON.parse(body.toString('utf8')) as { tenders?: string[] };
    if ((receipt.tenders?.length ?? 0) <= 1) return { forward: body };
    return { forward: Buffer.from(JSON.stringify({ ...receipt, tenders: receipt.tenders?.slice(0, 1) })) };
  });
}
