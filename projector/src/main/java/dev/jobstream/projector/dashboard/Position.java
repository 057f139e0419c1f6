package dev.jobstream.projector.dashboard;

/**
 * Where a page is in the stream of changes: the last change it applied.
 *
 * @param epoch the epoch its snapshot came from
 * @param seq the number of the last change it applied
 */
record Position(String epoch, long seq) {
}
