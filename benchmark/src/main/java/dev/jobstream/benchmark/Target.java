package dev.jobstream.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The Jobstream being measured: where its Kafka, gateway and read model are, and what memory it uses.
 */
interface Target extends AutoCloseable {

    String kafka();

    String gateway();

    String jdbcUrl();

    String jdbcUser();

    String jdbcPassword();

    /** One line per process: its peak resident memory. Empty when the processes are not on this machine. */
    List<String> memory();

    default Connection readModel() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), jdbcUser(), jdbcPassword());
    }

    @Override
    void close();

    /** A Jobstream that runs elsewhere, at the addresses given. */
    record External(String kafka, String gateway, String jdbcUrl, String jdbcUser, String jdbcPassword)
            implements Target {

        @Override
        public List<String> memory() {
            return List.of();
        }

        @Override
        public void close() {
        }
    }
}
