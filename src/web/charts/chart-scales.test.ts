import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { areaPath, labelEvery, linePath, niceScale, signStack } from './chart-scales.ts';

describe('niceScale', () => {
  it('ends the axis on a round tick above the highest value', () => {
    assert.deepEqual(niceScale(0, 57).ticks, [0, 20, 40, 60]);
    assert.deepEqual(niceScale(0, 87).ticks, [0, 20, 40, 60, 80, 100]);
  });

  it('reaches below zero for removed scope', () => {
    const scale = niceScale(-7, 30);
    assert.equal(scale.min, -10);
    assert.equal(scale.max, 30);
    assert.ok(scale.ticks.includes(0));
  });

  it('keeps whole steps for counted items and small point steps for points', () => {
    assert.deepEqual(niceScale(0, 3, { integers: true }).ticks, [0, 1, 2, 3]);
    assert.deepEqual(niceScale(0, 2).ticks, [0, 0.5, 1, 1.5, 2]);
  });

  it('draws a flat or empty series on an axis from zero', () => {
    assert.deepEqual(niceScale(0, 0).ticks, [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.equal(niceScale(12, 12).min, 0);
    assert.equal(niceScale(Number.NaN, Number.NaN).max, 1);
  });

  it('never has more than 12 ticks, whatever the range', () => {
    for (const [low, high] of [
      [0, 1e12],
      [-1e9, 1e9],
      [0, 11],
      [3, 1e-9],
    ] as const) {
      assert.ok(niceScale(low, high, { integers: true }).ticks.length <= 12, `${low}..${high}`);
      assert.ok(niceScale(low, high).ticks.length <= 12, `${low}..${high}`);
    }
  });
});

describe('labelEvery', () => {
  it('thins labels that would overlap and keeps all that fit', () => {
    assert.equal(labelEvery(6, 100), 1);
    assert.equal(labelEvery(6, 20), 3);
  });
});

describe('linePath', () => {
  it('breaks the line where a day has no value yet', () => {
    assert.equal(linePath([{ x: 0, y: 10 }, { x: 5, y: 8 }, null, { x: 15, y: 2 }]), 'M0,10L5,8M15,2');
  });

  it('draws stairs that hold each value until the next day', () => {
    assert.equal(
      linePath(
        [
          { x: 0, y: 10 },
          { x: 5, y: 8 },
        ],
        { step: true },
      ),
      'M0,10H5V8',
    );
  });
});

describe('areaPath', () => {
  it('closes the band between its top and bottom lines', () => {
    const top = [
      { x: 0, y: 1 },
      { x: 10, y: 2 },
    ];
    const bottom = [
      { x: 0, y: 5 },
      { x: 10, y: 6 },
    ];
    assert.equal(areaPath(top, bottom), 'M0,1L10,2L10,6L0,5Z');
  });
});

describe('signStack', () => {
  it('stacks added scope upwards and removed scope downwards from zero', () => {
    assert.deepEqual(signStack([3, 2, -1, -4]), [
      { from: 0, to: 3 },
      { from: 3, to: 5 },
      { from: 0, to: -1 },
      { from: -1, to: -5 },
    ]);
  });
});
