import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDuration, parseDuration } from '../../src/run/duration.ts';

describe('durations of the --timeout and --request-timeout flags', () => {
  const good: Array<[string, number]> = [
    ['500ms', 500],
    ['90s', 90_000],
    ['20m', 1_200_000],
    ['1h30m', 5_400_000],
    ['1m30s', 90_000],
    ['1.5s', 1500],
    ['45', 45_000],
  ];
  for (const [text, ms] of good) it(`${text} is ${ms} ms`, () => assert.equal(parseDuration(text), ms));

  for (const text of ['', '0', '0s', '-5s', '5x', 's', '1d', '2w', '10 m', '200h'])
    it(`"${text}" is refused with one line that names it`, () => {
      assert.throws(
        () => parseDuration(text),
        (error: Error) => error.message.includes(`"${text}"`) && !error.message.includes('\n'),
      );
    });

  it('is written back the short way', () => {
    assert.equal(formatDuration(1_200_000), '20m');
    assert.equal(formatDuration(5_400_000), '1h30m');
    assert.equal(formatDuration(90_000), '1m30s');
    assert.equal(formatDuration(2000), '2s');
    assert.equal(formatDuration(1500), '1.5s');
    assert.equal(formatDuration(250), '250ms');
  });
});
