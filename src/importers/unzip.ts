/**
 * A zip of a Markdown folder → its files, with limits checked from the central directory BEFORE anything
 * is inflated (a zip bomb declares its sizes there, and fflate's filter sees them first), and again on
 * the real output. Paths that climb out of the folder ("../", absolute, drive letters) are rejected.
 */
import { unzipSync } from 'fflate';
import { AppError } from '../services/errors.ts';

/** Most files a zip may hold. */
export const MAX_ZIP_FILES = 20_000;
/** Most bytes all entries may inflate to together. */
export const MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024;
/** Most bytes one entry may inflate to. */
export const MAX_ZIP_ENTRY_BYTES = 1024 * 1024;

export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
}

/** True when the bytes start with a zip local-file or empty-archive signature. */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && bytes.length > 3
  );
}

/** Unzips with the limits above; only `.md` files are inflated, directories and others are passed over. */
export function unzipFiles(
  bytes: Uint8Array,
  wanted: (path: string) => boolean = isMarkdownPath,
): ZipEntry[] {
  checkCentralDirectory(bytes, wanted);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (file) => !file.name.endsWith('/') && wanted(file.name) });
  } catch (error) {
    throw zipError(`the zip cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const files: ZipEntry[] = [];
  for (const [path, data] of Object.entries(entries)) {
    // The declared size is the sender's word; the inflated size is checked too.
    if (data.length > MAX_ZIP_ENTRY_BYTES) throw zipError(`${path} is larger than its declared size`);
    files.push({ path, bytes: data });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 65_535;

/** Reads the central directory's declared names and sizes and applies every limit before inflating. */
function checkCentralDirectory(bytes: Uint8Array, wanted: (path: string) => boolean): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - EOCD_SEARCH; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd === -1) throw zipError('the zip has no central directory (is it complete?)');
  const entryCount = view.getUint16(eocd + 10, true);
  if (entryCount > MAX_ZIP_FILES) throw zipError(`the zip holds more than ${MAX_ZIP_FILES} files`);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  const names = new TextDecoder();
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw zipError("the zip's central directory is damaged");
    }
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += skip;
    const problem = pathProblem(name);
    if (problem) throw zipError(`${name.slice(0, 200)}: ${problem}`);
    if (name.endsWith('/') || !wanted(name)) continue;
    // 0xffffffff means the real size is in a ZIP64 field: treat it as too large rather than trust it.
    if (size > MAX_ZIP_ENTRY_BYTES) {
      throw zipError(`${name.slice(0, 200)} is larger than ${MAX_ZIP_ENTRY_BYTES / 1024 / 1024} MB`);
    }
    total += size;
    if (total > MAX_ZIP_TOTAL_BYTES) {
      throw zipError(`the zip inflates to more than ${MAX_ZIP_TOTAL_BYTES / 1024 / 1024} MB`);
    }
  }
}

function isMarkdownPath(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}

function pathProblem(path: string): string | null {
  if (path.length > 1024) return 'the path is too long';
  const normal = path.replace(/\\/g, '/');
  if (normal.startsWith('/') || /^[A-Za-z]:/.test(normal)) return 'absolute paths are not allowed';
  if (normal.split('/').some((part) => part === '..')) return 'paths may not climb out of the folder ("..")';
  if (normal.includes('\u0000')) return 'the path holds a NUL character';
  return null;
}

function zipError(message: string): AppError {
  return new AppError('invalid_import', `line 1: ${message}`, { line: 1 });
}
