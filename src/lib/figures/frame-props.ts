// The props of a figure's frame, shared by the live figure (Figure.astro) and the book's static one (BookFigure.astro).
import { langProp, type Lang } from '../i18n';
import { getFigure } from './registry';
import type { FigureDefinition } from './types';

/** What a chapter writes: <Figure id="…" number="3.1" />; lang is set by the build. */
export interface FigureFrameProps {
  id: string;
  number?: string;
  lang?: string;
  /** Set by rehypeMathStart (src/lib/markdown/math-start.ts) on the chapter's first block with math. */
  'data-math-from'?: string;
}

/** A figure frame's props resolved: its definition (throws on an unknown id), number ('' if none) and language. */
export function resolveFigureFrame(props: FigureFrameProps, component: string): { id: string; number: string; lang: Lang; def: FigureDefinition } {
  return { id: props.id, number: props.number ?? '', lang: langProp(props.lang, component), def: getFigure(props.id) };
}
