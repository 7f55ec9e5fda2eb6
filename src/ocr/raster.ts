/** The small packed RGB copy of a screenshot that layout, quality and illumination estimates work on. */
export interface RgbImage {
  width: number;
  height: number;
  /** Packed RGB, 3 bytes a pixel, rows top to bottom. */
  data: Uint8Array;
}
