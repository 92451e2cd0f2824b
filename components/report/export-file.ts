/** `fmc-cloud-doctor-<host>-<yyyy-mm-dd>.<ext>`, the day in the user's own time zone. */
export function exportFileName(origin: string, extension: 'json' | 'md', date: Date = new Date()): string {
  const host = new URL(origin).hostname.replace(/[^a-z0-9.-]+/gi, '-').replace(/^[-.]+|[-.]+$/g, '') || 'fmc';
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `fmc-cloud-doctor-${host}-${day}.${extension}`;
}

/** Saves text as a file through the browser's own download (a Blob behind an `<a download>`). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty for it to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
