import type { HistoryColumns } from '../../history/history-columns.ts';
import type { History, Operation } from '../../history/operation.ts';

/**
 * A History whose operations are made from their lines only when asked for: `ops.length` and
 * `ops[index]` cost one line each (what the summary and a window read); anything else (iterating them,
 * as the HTML page does) makes them all once.
 */
export function historyView(columns: HistoryColumns): History {
  const one = new Map<number, Operation>();
  let all: Operation[] | undefined;
  const every = (): Operation[] => {
    all ??= Array.from(
      { length: columns.size },
      (_, index) => one.get(index) ?? columns.op(columns.slotOf[index] as number),
    );
    return all;
  };
  const ops = new Proxy([] as Operation[], {
    get(_target, property) {
      if (property === 'length') return columns.size;
      if (typeof property === 'string' && /^(0|[1-9]\d*)$/.test(property)) {
        const index = Number(property);
        if (index >= columns.size) return undefined;
        if (all) return all[index];
        let op = one.get(index);
        if (!op) {
          op = columns.op(columns.slotOf[index] as number);
          one.set(index, op);
        }
        return op;
      }
      const list = every();
      const value = Reflect.get(list, property, list);
      return typeof value === 'function' ? value.bind(list) : value;
    },
    has(_target, property) {
      return Reflect.has(every(), property);
    },
  });
  return {
    meta: columns.meta,
    ops,
    ...(columns.data.cutLine !== undefined ? { cutLine: columns.data.cutLine } : {}),
  };
}
