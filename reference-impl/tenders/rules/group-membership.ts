import type { ConfigIndex } from '../config-index.ts';

export type MembershipState = { state: 'member' } | { state: 'not-yet'; from: string } | { state: 'none' };

/**
 * TA-03: a tender belongs to a customer tender group only from its TimeStampEffective on (inclusive);
 * an entry without one is always effective.
 */
export function membershipOf(
  index: ConfigIndex,
  group: string,
  tender: string,
  now: number,
): MembershipState {
  const m = index.groupMembers.get(group)?.get(tender);
  if (!m) return { state: 'none' };
  if (m.from === null || m.from <= now) return { state: 'member' };
  return { state: 'not-yet', from: new Date(m.from).toISOString() };
}

/** Of several groups, the most favourable state: member of one beats not yet a member, which beats none. */
export function bestMembership(index: ConfigIndex, groups: readonly string[], tender: string, now: number) {
  const states = groups.map((g) => ({ group: g, ...membershipOf(index, g, tender, now) }));
  return (
    states.find((s) => s.state === 'member') ??
    states
      .filter((s) => s.state === 'not-yet')
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.group < b.group ? -1 : 1))[0] ?? {
      state: 'none' as const,
    }
  );
}
