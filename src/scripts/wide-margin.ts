// How wide a screen must be for the margins to hold the contents and the notes: global.css's 75rem step. Its own
// file, so that the page script can wait for it without loading the sidenotes' code.

/** The media query from which the contents stand in the left margin and the notes in the right (75rem, global.css). */
export const WIDE_MARGIN = '(min-width: 75rem)';
