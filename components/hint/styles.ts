import VERDICT_CSS from '../diagnosis/verdict.css?inline';
import OWN_CSS from './hint.css?inline';

/** Scoped to the hint's shadow root: the FMC page's CSS cannot reach in, ours cannot leak out. */
export const HINT_CSS = `${VERDICT_CSS}\n${OWN_CSS}`;
