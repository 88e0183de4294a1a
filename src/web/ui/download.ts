/** Hands a text made in the browser to the user as a file download. */
export function downloadFile(filename: string, content: string, type: string): void {
  const blob = new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked a little later: the browser reads the blob after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
