package dev.jobstream.processor;

import dev.jobstream.testsupport.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a processor test context at the shared test Kafka and PostgreSQL.
 */
public final class InfrastructureProperties {

    private InfrastructureProperties() {
    }

    /** Registers the broker and database of {@link TestInfrastructure#shared()}. */
    public static void register(DynamicPropertyRegistry registry) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::bootstrapServers);
        registry.add("spring.datasource.url", infrastructure::jdbcUrl);
        registry.add("spring.datasource.username", infrastructure::username);
        registry.add("spring.datasource.password", infrastructure::password);
    }
}
