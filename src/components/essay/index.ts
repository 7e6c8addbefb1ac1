import Cite from './Cite.astro';
import Equation from './Equation.astro';
import EqRef from './EqRef.astro';
import Figure from './Figure.astro';
import FigRef from './FigRef.astro';
import LiveOnly from './LiveOnly.astro';

/** The writer's primitives, handed to every chapter's MDX so chapters need no imports. Only components: a plain HTML
 * tag mapped here would also need listing in the MDX integration's optimize.ignoreElementNames (astro.config.mjs),
 * or the chapters' static HTML would skip it. */
export const essayComponents = { Cite, Equation, EqRef, Figure, FigRef, LiveOnly };
