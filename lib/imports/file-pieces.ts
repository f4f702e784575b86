/**
 * A file's text as it is read, piece by piece (UTF-8, a leading byte-order mark dropped as
 * `File.text()` drops it), with how far the reading has come: a file of any size is never held
 * whole.
 */
export async function* filePieces(file: Blob, onRead?: (bytes: number, total: number) => void): AsyncGenerator<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      onRead?.(bytes, file.size);
      const text = decoder.decode(value, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    reader.releaseLock();
  }
}
