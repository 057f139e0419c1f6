package dev.jobstream.processor.slot;

import dev.jobstream.processor.WorkerId;
import dev.jobstream.processor.claim.JobRunKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code processor.user_slots} table: the slots users' running attempts hold, as leases. A lease is named by a
 * slot id of its own, and records the attempt that took it; the {@link SlotGate} may hand the slot on to later
 * attempts of the same user before it gives the lease back.
 *
 * <p>Slots are granted for a whole batch of waiting attempts in one transaction: it first takes a transaction-scoped
 * advisory lock per user in the batch (in user order, so two processors never wait for each other in a cycle), then
 * one statement counts each user's live leases and inserts leases for as many of the user's waiting attempts, oldest
 * first, as fit under the user's limit. The lock makes the count and the insert of one user atomic across all
 * processors. Leases are judged by PostgreSQL's clock, so processors whose clocks disagree still agree on them.
 */
@Repository
class UserSlots {

    private static final String LOCK_USERS = """
            select count(pg_advisory_xact_lock(hashtext(user_id)))
            from (select distinct user_id from unnest(?::text[]) as asked (user_id) order by user_id) as users
            """;

    private static final String ACQUIRE = """
            with candidate as (
                select * from unnest(?::text[], ?::uuid[], ?::int[], ?::int[], ?::int[]) with ordinality
                    as asked (user_id, job_id, generation, attempt, user_limit, position)
            ), held as (
                select slot.user_id, count(*) as live from processor.user_slots slot
                where slot.lease_until > now() and slot.user_id in (select user_id from candidate)
                group by slot.user_id
            ), ranked as (
                select candidate.*, coalesce(held.live, 0)
                        + row_number() over (partition by candidate.user_id order by candidate.position) as taken
                from candidate left join held on held.user_id = candidate.user_id
            )
            insert into processor.user_slots (slot_id, user_id, job_id, generation, attempt, worker_id, lease_until)
            select gen_random_uuid(), user_id, job_id, generation, attempt, ?::text,
                   now() + ? * interval '1 millisecond'
            from ranked where taken <= user_limit
            returning slot_id, job_id, generation, attempt
            """;

    private static final String RELEASE = """
            delete from processor.user_slots where slot_id = any(?::uuid[]) and worker_id = ?::text
            """;

    private static final String RENEW = """
            update processor.user_slots set lease_until = now() + ? * interval '1 millisecond'
            where worker_id = ?::text
            returning slot_id
            """;

    private static final String DELETE_EXPIRED = "delete from processor.user_slots where lease_until < now()";

    private static final String RELEASE_ALL = "delete from processor.user_slots where worker_id = ?::text";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final WorkerId workerId;
    private final long leaseMillis;

    UserSlots(JdbcTemplate jdbc, TransactionTemplate transactions, WorkerId workerId,
            ConcurrencyProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.workerId = workerId;
        this.leaseMillis = properties.leaseTtl().toMillis();
    }

    /**
     * Leases slots for as many of the attempts as their users' limits allow, the earlier requests of a user first.
     *
     * @return the attempts that now hold a slot, each with the id of its slot
     */
    Map<JobRunKey, UUID> acquire(List<SlotRequest> requests) {
        if (requests.isEmpty()) {
            return Map.of();
        }
        Map<JobRunKey, UUID> granted = new HashMap<>();
        transactions.executeWithoutResult(status -> {
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(LOCK_USERS);
                statement.setArray(1, connection.createArrayOf("text",
                        requests.stream().map(SlotRequest::userId).toArray(String[]::new)));
                return statement;
            }, row -> { });
            jdbc.query(connection -> acquireStatement(connection, requests), row -> {
                granted.put(new JobRunKey(row.getObject(2, UUID.class), row.getInt(3), row.getInt(4)),
                        row.getObject(1, UUID.class));
            });
        });
        return granted;
    }

    /** Gives back slots this worker holds. */
    void release(Collection<UUID> slotIds) {
        if (slotIds.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(RELEASE);
            statement.setArray(1, connection.createArrayOf("uuid", slotIds.toArray(UUID[]::new)));
            statement.setString(2, workerId.value());
            return statement;
        });
    }

    /**
     * Extends every lease of this worker by the lease time, and forgets leases that ran out.
     *
     * @return the slots this worker still holds; a lease that ran out and was forgotten, here or by another
     *     processor, is not among them
     */
    Set<UUID> renew() {
        Set<UUID> held = new HashSet<>(jdbc.queryForList(RENEW, UUID.class, leaseMillis, workerId.value()));
        jdbc.update(DELETE_EXPIRED);
        return held;
    }

    /** Gives back every slot of this worker, when it stops. */
    void releaseAll() {
        jdbc.update(RELEASE_ALL, workerId.value());
    }

    private PreparedStatement acquireStatement(Connection connection, List<SlotRequest> requests)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(ACQUIRE);
        statement.setArray(1, connection.createArrayOf("text",
                requests.stream().map(SlotRequest::userId).toArray(String[]::new)));
        statement.setArray(2, connection.createArrayOf("uuid",
                requests.stream().map(request -> request.run().jobId()).toArray(UUID[]::new)));
        statement.setArray(3, connection.createArrayOf("int4",
                requests.stream().map(request -> request.run().generation()).toArray(Integer[]::new)));
        statement.setArray(4, connection.createArrayOf("int4",
                requests.stream().map(request -> request.run().attempt()).toArray(Integer[]::new)));
        statement.setArray(5, connection.createArrayOf("int4",
                requests.stream().map(SlotRequest::limit).toArray(Integer[]::new)));
        statement.setString(6, workerId.value());
        statement.setLong(7, leaseMillis);
        return statement;
    }
}
