// Types for audio-bytes.mjs, so TypeScript tests and benchmarks can import it without allowJs.

export interface ToneOptions {
  /** Hz, default 8000. */
  sampleRate?: number;
  /** Default 1. */
  seconds?: number;
  /** Default 1. */
  channels?: number;
  /** Hz, default 440. */
  freq?: number;
  /** 0..1 of full scale, default 0.5. */
  amplitude?: number;
  /** RIFF LIST/INFO tags written after the audio data, e.g. {ICMT: 'C-1001'}. */
  info?: Record<string, string>;
}

export function wavPcm16(options?: ToneOptions): Buffer;
export function wavMulaw(options?: ToneOptions): Buffer;
export function wavAlaw(options?: ToneOptions): Buffer;
export function wavGsm610(options?: { seconds?: number; info?: Record<string, string> }): Buffer;
export function rawGsm(seconds?: number): Buffer;
export function linearToMulaw(pcm: number): number;
export function linearToAlaw(pcm: number): number;
