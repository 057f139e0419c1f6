/**
 * The live dashboard, served at the projector's root: a page that shows jobs as they move, and the WebSocket
 * that pushes every change of the read model to it once the change is committed.
 *
 * <p>Every projector instance hears of every change, whichever instance wrote it, through PostgreSQL
 * notifications; so a viewer sees all jobs whichever instance it is connected to.
 */
@NullMarked
package dev.jobstream.projector.dashboard;

import org.jspecify.annotations.NullMarked;
