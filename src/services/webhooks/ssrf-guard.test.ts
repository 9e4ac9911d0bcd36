import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextRetryDelay } from './backoff.ts';
import { checkedAddress, classifyAddress, parseIPv4, type Resolver } from './ssrf-guard.ts';

describe('classifyAddress', () => {
  it('refuses loopback, private, link-local, CGNAT, unspecified, multicast and reserved IPv4', () => {
    for (const address of [
      '127.0.0.1',
      '127.255.255.254',
      '10.0.0.1',
      '10.255.255.255',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '100.127.255.255',
      '0.0.0.0',
      '0.1.2.3',
      '224.0.0.1',
      '239.255.255.250',
      '255.255.255.255',
      '198.18.0.1',
    ]) {
      assert.notEqual(classifyAddress(address), null, address);
    }
  });

  it('allows public IPv4, including the neighbours of private ranges', () => {
    for (const address of [
      '8.8.8.8',
      '1.1.1.1',
      '172.15.255.255',
      '172.32.0.0',
      '100.63.255.255',
      '100.128.0.0',
      '11.0.0.1',
      '169.253.0.1',
      '93.184.216.34',
    ]) {
      assert.equal(classifyAddress(address), null, address);
    }
  });

  it('refuses loopback, unique-local, link-local, multicast IPv6 and IPv6 forms of refused IPv4', () => {
    for (const address of [
      '::1',
      '::',
      '[::1]',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'fe80::1%eth0',
      'febf::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
      '::ffff:169.254.169.254',
      '::127.0.0.1',
      '64:ff9b::7f00:1',
      '2002:7f00:1::',
      '2002:a00:1::1',
      '2001:db8::1',
      '0:0:0:0:0:0:0:1',
    ]) {
      assert.notEqual(classifyAddress(address), null, address);
    }
  });

  it('allows public IPv6, and IPv4-mapped public addresses', () => {
    for (const address of [
      '2606:4700:4700::1111',
      '2a00:1450:4001::200e',
      '::ffff:8.8.8.8',
      '2002:808:808::1',
    ]) {
      assert.equal(classifyAddress(address), null, address);
    }
  });

  it('reads the spellings inet_aton accepts as the address they are', () => {
    assert.equal(parseIPv4('127.1'), parseIPv4('127.0.0.1'));
    assert.equal(parseIPv4('0x7f.0.0.1'), parseIPv4('127.0.0.1'));
    assert.equal(parseIPv4('2130706433'), parseIPv4('127.0.0.1'));
    assert.equal(parseIPv4('0177.0.0.1'), parseIPv4('127.0.0.1'));
    assert.equal(parseIPv4('256.0.0.1'), null);
    assert.equal(parseIPv4('example.com'), null);
    assert.notEqual(classifyAddress('0x7f.1'), null);
    assert.equal(classifyAddress('not an address'), 'not an IP address');
  });

  it('costs no more on hostile input than on plain input', () => {
    assert.equal(classifyAddress(`${'1.'.repeat(50_000)}1`), 'not an IP address');
    assert.equal(classifyAddress(':'.repeat(100_000)), 'not an IP address');
  });
});

describe('checkedAddress', () => {
  const resolve: Resolver = async (name) =>
    name === 'mixed.test'
      ? [
          { address: '93.184.216.34', family: 4 },
          { address: '10.0.0.5', family: 4 },
        ]
      : [{ address: '93.184.216.34', family: 4 }];

  it('refuses a name when one of the addresses it resolves to is refused, and loopback names before DNS', async () => {
    await assert.rejects(checkedAddress('mixed.test', { allowPrivate: false, resolve }), /10\.0\.0\.5/);
    await assert.rejects(checkedAddress('LOCALHOST.', { allowPrivate: false, resolve }), /loopback name/);
    await assert.rejects(checkedAddress('api.localhost', { allowPrivate: false, resolve }), /loopback name/);
    await assert.rejects(checkedAddress('[::1]', { allowPrivate: false, resolve }), /loopback/);
    assert.deepEqual(await checkedAddress('public.test', { allowPrivate: false, resolve }), {
      address: '93.184.216.34',
      family: 4,
    });
  });

  it('lets everything through when private addresses are allowed', async () => {
    assert.deepEqual(await checkedAddress('127.0.0.1', { allowPrivate: true, resolve }), {
      address: '127.0.0.1',
      family: 4,
    });
    assert.equal(
      (await checkedAddress('mixed.test', { allowPrivate: true, resolve })).address,
      '93.184.216.34',
    );
  });
});

describe('nextRetryDelay', () => {
  const settings = { baseMs: 1_000, maxMs: 8_000, maxAttempts: 5 };
  it('doubles the wait after each failure, jittered within its upper half, capped, and stops at the last attempt', () => {
    assert.equal(nextRetryDelay(1, settings, 0), 500);
    assert.equal(nextRetryDelay(1, settings, 0.999), 1_000);
    assert.equal(nextRetryDelay(2, settings, 0), 1_000);
    assert.equal(nextRetryDelay(4, settings, 0), 4_000);
    assert.equal(nextRetryDelay(5, settings, 0), null);
    assert.equal(nextRetryDelay(4, { ...settings, maxMs: 3_000 }, 0), 1_500);
  });
});
