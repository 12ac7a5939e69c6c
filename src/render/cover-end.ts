/**
 * The id of the empty element that ends the cover (templates/partials/cover.hbs): the print says on which page it
 * landed (render-html.ts links to it, as to the tracked rows), and a cover whose end is not on page 1 ran onto the next
 * page. Its own module, with nothing to import: the pipeline reads it without loading the renderer.
 */
export const COVER_END = 'cover-end';
