/**
 * Files between the renderer and the user: exports arrive as base64 from the backend and are
 * downloaded with a Blob and `<a download>` (works in the browser and in Electron); imports are
 * read from a file input into base64 or text.
 */
import type { ExportedFile } from '../../../shared/api/review';

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64.replace(/[\r\n]/g, ''));
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(bin);
}

/** Starts a download of one exported file. */
export function downloadFile(file: ExportedFile): void {
  const blob = new Blob([base64ToBytes(file.base64)], { type: file.mimeType || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Reads a chosen file as UTF-8 text (plan files are JSON). */
export function readFileText(file: File): Promise<string> {
  return file.text();
}

/** «12,3 kB» for a byte count. */
export function fmtSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb.toFixed(1).replace('.', ',')} kB`;
  return `${(kb / 1024).toFixed(1).replace('.', ',')} MB`;
}
