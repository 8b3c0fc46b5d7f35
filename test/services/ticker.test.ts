import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { ExerciseService } from '../../src-main/services/exercise-service.ts';
import { FACILITATOR, SETUP, minimalScenario, tempDataDir, virtualClock } from './support.ts';

test('given a running exercise with the ticker on, when the next inject falls due, then the ticker releases it on time without any command', async () => {
  const clock = virtualClock();
  const service = new ExerciseService(await tempDataDir(), { now: clock.now });
  const { session } = await service.create(await minimalScenario(), SETUP, FACILITATOR);
  await session.dispatch({ type: 'start-exercise' }, FACILITATOR);
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const released = new Promise<string>((resolve) => {
      session.subscribe(({ events }) => {
        const release = events.find((e) => e.type === 'inject-released');
        if (release && release.type === 'inject-released') resolve(`${release.inject}@${release.scenarioTime}`);
      });
    });
    session.startTicker();
    // inj-smish is due 2 h after inj-fire; at ×60 that is 2 minutes of wall time.
    clock.advance(119_000);
    mock.timers.tick(60_000); // the ticker wakes at least every minute and finds nothing due yet
    clock.advance(1_000);
    mock.timers.tick(60_000);
    assert.equal(await released, `inj-smish@${2 * 3_600_000}`, 'released exactly at its scheduled scenario time');
  } finally {
    mock.timers.reset();
    await service.closeAll();
  }
});
