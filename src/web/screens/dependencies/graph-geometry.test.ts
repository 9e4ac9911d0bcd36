import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { criticalLinks, edgePath, fitZoom, stepZoom, ZOOM_STEPS } from './graph-geometry.ts';

describe('criticalLinks', () => {
  it('pairs each step of the path with the next', () => {
    assert.deepEqual([...criticalLinks(['a', 'b', 'c'])], ['a→b', 'b→c']);
    assert.deepEqual([...criticalLinks(['a'])], []);
  });
});

describe('edgePath', () => {
  it('draws a straight line through two points and curves through more', () => {
    assert.equal(edgePath([]), '');
    assert.equal(
      edgePath([
        { x: 0, y: 0 },
        { x: 10, y: 5 },
      ]),
      'M0,0 L10,5',
    );
    assert.equal(
      edgePath([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 20, y: 10 },
      ]),
      'M0,0 Q10,0 15,5 L20,10',
    );
  });
});

describe('zoom', () => {
  it('steps through the offered zooms and stays at either end', () => {
    assert.equal(stepZoom(1, 1), 1.25);
    assert.equal(stepZoom(1, -1), 0.85);
    assert.equal(stepZoom(0.9, -1), 0.85);
    assert.equal(stepZoom(ZOOM_STEPS[0], -1), ZOOM_STEPS[0]);
    assert.equal(stepZoom(1.5, 1), 1.5);
  });

  it('fits a wide graph to the viewport and never enlarges a small one', () => {
    assert.equal(fitZoom(500, 1000), 1);
    assert.equal(fitZoom(2000, 1000), 0.4);
    assert.equal(fitZoom(100_000, 1000), 0.25);
    assert.equal(fitZoom(0, 1000), 1);
    assert.equal(fitZoom(100_000, 1000, 0.55), 0.55);
  });
});
