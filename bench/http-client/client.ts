/**
 * The client process of the write benchmark (bench/http-client/measure.ts starts it): drives the writes
 * against the empty server at CAIRN_URL and prints the figures as one line of JSON.
 */
import { driveWrites } from './drive-writes.ts';

const url = process.env.CAIRN_URL ?? 'http://127.0.0.1:4100';
const result = await driveWrites(url, Number(process.env.CLIENT_ITEMS ?? 2000));
console.log(JSON.stringify(result));
