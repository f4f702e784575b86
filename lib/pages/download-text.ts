/** Offers a Blob to the user as a file download, from an extension page. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; keep the URL a little longer for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Offers `text` to the user as a file download, from an extension page. */
export function downloadText(filename: string, text: string, type: string): void {
  downloadBlob(filename, new Blob([text], { type }));
}
