/**
 * Where a streamed export goes. Each chunk becomes a Blob at once, so the page's heap holds one
 * chunk of text at a time while the browser keeps the parts (on disk when they grow large); the
 * parts are joined into one download at the end. For very large exports the File System Access
 * picker, where the browser has it, writes straight to the chosen file instead.
 */
import type { TextSink } from '../db/export-evaluations';
import { downloadBlob } from './download-text';

export interface FileSink extends TextSink {
  /** Finishes the file: the download starts, or the chosen file is closed. */
  close(): Promise<void>;
  /** Drops what was written after a failure. */
  abort(): Promise<void>;
}

export function blobDownloadSink(filename: string, type: string): FileSink {
  let parts: Blob[] = [];
  return {
    write: async (chunk) => {
      parts.push(new Blob([chunk], { type }));
    },
    close: async () => downloadBlob(filename, new Blob(parts, { type })),
    abort: async () => {
      parts = [];
    },
  };
}

interface SaveFilePicker {
  showSaveFilePicker(options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }): Promise<{
    createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void>; abort(): Promise<void> }>;
  }>;
}

/**
 * A sink on a file the user picks, or undefined when the browser has no picker; throws an
 * AbortError when the user cancels the picker.
 */
export async function pickedFileSink(filename: string): Promise<FileSink | undefined> {
  const picker = window as Partial<SaveFilePicker>;
  if (!picker.showSaveFilePicker) return undefined;
  const handle = await picker.showSaveFilePicker({ suggestedName: filename, types: [{ description: 'CSV file', accept: { 'text/csv': ['.csv'] } }] });
  const writable = await handle.createWritable();
  return { write: (chunk) => writable.write(chunk), close: () => writable.close(), abort: () => writable.abort() };
}
