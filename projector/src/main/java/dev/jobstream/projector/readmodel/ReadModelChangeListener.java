package dev.jobstream.projector.readmodel;

import java.util.List;

/**
 * Hears of the rows of {@code readmodel.jobs} that changed, once the transaction that changed them has
 * committed. Every bean of this type is called, on the Kafka listener thread that projected the batch, so it
 * should hand the rows on quickly (the live dashboard pushes them to its WebSocket sessions).
 */
public interface ReadModelChangeListener {

    /**
     * Called after each batch that changed at least one row.
     *
     * @param changed the rows as committed, at most one per job
     */
    void onJobsChanged(List<JobRow> changed);
}
