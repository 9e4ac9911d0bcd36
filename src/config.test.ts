import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.ts';

describe('server configuration', () => {
  it('defaults to 127.0.0.1:4100 and ./cairn-data on SQLite', () => {
    const config = loadConfig({}, {});
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 4100);
    assert.match(config.sqliteFile, /cairn-data\/cairn\.db$/);
    assert.equal(config.databaseUrl, undefined);
    assert.deepEqual(config.corsOrigins, []);
  });

  it('requires CAIRN_PUBLIC_URL when binding beyond loopback, and keeps only its origin', () => {
    assert.throws(
      () => loadConfig({ host: '0.0.0.0' }, {}),
      /CAIRN_PUBLIC_URL must be set when binding 0\.0\.0\.0/,
    );
    assert.throws(() => loadConfig({ host: '192.168.1.20' }, {}), /CAIRN_PUBLIC_URL/);
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) {
      assert.equal(loadConfig({ host }, {}).publicUrl, undefined, host);
    }
    const config = loadConfig({ host: '0.0.0.0' }, { CAIRN_PUBLIC_URL: 'https://Plan.Example.com/' });
    assert.equal(config.publicUrl, 'https://plan.example.com');
  });

  it('refuses a CAIRN_PUBLIC_URL that is not an http(s) origin', () => {
    for (const url of ['plan.example.com', 'ftp://plan.example.com', 'https://plan.example.com/cairn']) {
      assert.throws(() => loadConfig({}, { CAIRN_PUBLIC_URL: url }), /CAIRN_PUBLIC_URL/, url);
    }
  });

  it('takes environment variables, and flags over them', () => {
    const env = {
      PORT: '5000',
      CAIRN_DATA_DIR: '/tmp/x',
      DATABASE_URL: 'postgres://db/cairn',
      CAIRN_HOST: '0.0.0.0',
      CAIRN_PUBLIC_URL: 'https://plan.example.com',
    };
    const fromEnv = loadConfig({}, env);
    assert.equal(fromEnv.port, 5000);
    assert.equal(fromEnv.host, '0.0.0.0');
    assert.equal(fromEnv.databaseUrl, 'postgres://db/cairn');
    const fromFlags = loadConfig({ port: '6000', data: '/tmp/y' }, env);
    assert.equal(fromFlags.port, 6000);
    assert.equal(fromFlags.sqliteFile, '/tmp/y/cairn.db');
  });

  it('names the bad setting', () => {
    assert.throws(() => loadConfig({ port: 'abc' }, {}), /port must be a number/);
    assert.throws(
      () => loadConfig({}, { DATABASE_URL: 'mysql://x' }),
      /DATABASE_URL must start with postgres:\/\//,
    );
    assert.throws(
      () => loadConfig({}, { CAIRN_SESSION_IDLE_MINUTES: '-5' }),
      /CAIRN_SESSION_IDLE_MINUTES must be positive/,
    );
    assert.throws(() => loadConfig({}, { CAIRN_CORS_ORIGINS: 'not a url' }), /CAIRN_CORS_ORIGINS/);
  });
});
