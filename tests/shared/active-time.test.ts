/** Active time: gaps up to the idle threshold count, longer ones and unfocused time do not. */
import { describe, expect, it } from 'vitest';
import { ActiveTimeTracker } from '../../src/shared/active-time';

const MIN = 60_000;

describe('active time', () => {
  it('counts the time between inputs that are closer than the idle threshold', () => {
    const t = new ActiveTimeTracker(2 * MIN);
    t.input(0);
    t.input(30_000);
    t.input(90_000);
    expect(t.take()).toBe(90);
    expect(t.take()).toBe(0);
  });

  it('leaves out a gap longer than the threshold entirely', () => {
    const t = new ActiveTimeTracker(2 * MIN);
    t.input(0);
    t.input(60_000);
    t.input(60_000 + 5 * MIN); // away for five minutes
    t.input(60_000 + 5 * MIN + 10_000);
    expect(t.take()).toBe(70);
  });

  it('counts nothing across a loss of focus', () => {
    const t = new ActiveTimeTracker(2 * MIN);
    t.input(0);
    t.input(20_000);
    t.pause();
    t.input(50_000);
    t.input(55_000);
    expect(t.take()).toBe(25);
  });

  it('keeps the part of a second for the next take', () => {
    const t = new ActiveTimeTracker(2 * MIN);
    t.input(0);
    t.input(1_500);
    expect(t.take()).toBe(1);
    t.input(2_000);
    expect(t.take()).toBe(1);
  });
});
