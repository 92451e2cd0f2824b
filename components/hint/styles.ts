import VERDICT_CSS from '../diagnosis/verdict.css?inline';
import OWN_CSS from './hint.css?inline';
import PANEL_CSS from './panel.css?inline';

/**
 * Scoped to the hint's shadow root: the FMC page's CSS cannot reach in, ours cannot leak out. hint.css: the chip
 * and the panel's frame; panel.css: what the panel says. Each is a whole stylesheet, minified by the build.
 * `color-scheme` is added here, outside the build's CSS transform: in a .css file it comes with two custom
 * properties per colour scheme that nothing reads (the transform's stand-in for `light-dark()`, which the hint
 * does not use), bytes of the content script's budget (bench/content-script.ts).
 */
export const HINT_CSS = `${VERDICT_CSS}\n${OWN_CSS}\n${PANEL_CSS}\n:host{color-scheme:light dark}`;
