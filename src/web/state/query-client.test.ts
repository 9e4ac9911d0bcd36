import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../api/client.ts';
import { shouldRetry } from './query-client.ts';

describe('shouldRetry', () => {
  it('never tries again a read the server refused (4xx): it would refuse it again', () => {
    for (const status of [400, 401, 403, 404, 412]) {
      assert.equal(shouldRetry(0, new ApiError(status, 'x', 'refused')), false, String(status));
    }
  });

  it('tries a network failure or a server error once more, and only once', () => {
    assert.equal(shouldRetry(0, new ApiError(0, 'network_error', 'offline')), true);
    assert.equal(shouldRetry(0, new ApiError(503, 'x', 'busy')), true);
    assert.equal(shouldRetry(1, new ApiError(0, 'network_error', 'offline')), false);
  });

  it('does not retry what is not an API error (a bug in our own code)', () => {
    assert.equal(shouldRetry(0, new TypeError('x is undefined')), false);
  });
});
