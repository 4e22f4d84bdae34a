import type { Route } from '../../spec/routes/route.ts';

const order = ['GET', 'HEAD', 'POST'];
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The methods the served routes answer on a request path (HEAD wherever GET is, as fastify serves it),
 * for a 405 with its `Allow` header; empty when no route has the path, which is then a 404.
 */
export function allowedMethods(served: readonly Route[]): (url: string) => string[] {
  const paths = served.map((r) => ({
    pattern: new RegExp(
      `^${r.path
        .split(/\{\w+\}/)
        .map(literal)
        .join('[^/]+')}$`,
    ),
    methods: r.method === 'GET' ? ['GET', 'HEAD'] : [r.method],
  }));
  return (url) => {
    const path = url.split('?', 1)[0] ?? '';
    const allowed = new Set(paths.filter((p) => p.pattern.test(path)).flatMap((p) => p.methods));
    return order.filter((m) => allowed.has(m));
  };
}
