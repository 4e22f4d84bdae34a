// A check worker that cannot start: its module throws, with a message of two lines.
throw new Error('cannot start\nsecond line of the reason');
