import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ServiceContainer } from '../plugin/service-ref.js';
import { defineWorker } from './worker-definition.js';
import { createWorkerService } from './worker.service.js';

const logger = pino({ level: 'silent' });
const services = () => ({}) as ServiceContainer;
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe('background workers', () => {
  it('runs a round at start, again at once while it reports more work, then waits its interval', async () => {
    let backlog = 3;
    let rounds = 0;
    const worker = defineWorker({
      id: 'test.drain',
      intervalMs: 60_000,
      run: async () => {
        rounds += 1;
        backlog = Math.max(0, backlog - 1);
        return backlog > 0;
      },
    });
    const runner = createWorkerService({ definitions: [worker], logger, services });
    runner.start();
    await until(() => backlog === 0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(rounds).toBe(3);
    backlog = 1;
    runner.wake('test.drain');
    await until(() => rounds === 4);
    await runner.stop();
  });

  it('keeps going after a failed round, and stop waits for the round in progress', async () => {
    let rounds = 0;
    let finished = false;
    const worker = defineWorker({
      id: 'test.flaky',
      intervalMs: 10,
      run: async ({ signal }) => {
        rounds += 1;
        if (rounds === 1) throw new Error('the first round fails');
        await new Promise((resolve) => setTimeout(resolve, 20));
        finished = signal.aborted;
        return false;
      },
    });
    const runner = createWorkerService({ definitions: [worker], logger, services });
    runner.start();
    await until(() => rounds >= 2);
    await runner.stop();
    expect(finished).toBe(true);
    const after = rounds;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(rounds).toBe(after);
  });

  it('runs one round on demand without being started, and names an unknown worker', async () => {
    const worker = defineWorker({ id: 'test.once', intervalMs: 1000, run: async () => true });
    const runner = createWorkerService({ definitions: [worker], logger, services });
    await expect(runner.runOnce('test.once')).resolves.toBe(true);
    await expect(runner.runOnce('test.none')).rejects.toThrow('no worker "test.none" is installed');
  });
});
