package dev.jobstream.gateway;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Creates the projector's read-model tables for the gateway's tests, from a test-only copy of their DDL. In a
 * running system the projector's own migration creates them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReadModelTestSchema {

    @Bean
    InitializingBean readModelMigration(DataSource dataSource) {
        return () -> Flyway.configure().dataSource(dataSource).schemas("readmodel")
                .locations("classpath:db/readmodel-test").load().migrate();
    }
}
