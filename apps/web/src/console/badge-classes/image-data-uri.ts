/** The image types the platform stores for badges (docs/api.md: PNG or SVG as a data URI). */
const BADGE_IMAGE_TYPES = new Set(['image/png', 'image/svg+xml']);

export function isBadgeImage(file: File): boolean {
  return BADGE_IMAGE_TYPES.has(file.type);
}

/** A chosen file as a base64 data URI, which is how the API takes badge images. */
export function readAsDataUri(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}
