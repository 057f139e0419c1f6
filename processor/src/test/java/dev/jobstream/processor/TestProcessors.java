package dev.jobstream.processor;

import dev.jobstream.testsupport.TestInfrastructure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts whole processor applications against the test infrastructure, for tests that need several of them or
 * need to stop one, as the launcher would start them.
 */
public final class TestProcessors {

    private TestProcessors() {
    }

    /** A running processor; {@code settings} are extra command-line properties such as {@code --a.b=c}. */
    public static ConfigurableApplicationContext start(String... settings) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        List<String> args = new ArrayList<>(List.of(
                "--spring.config.name=processor",
                "--spring.main.web-application-type=none",
                "--spring.kafka.bootstrap-servers=" + infrastructure.bootstrapServers(),
                "--spring.datasource.url=" + infrastructure.jdbcUrl(),
                "--spring.datasource.username=" + infrastructure.username(),
                "--spring.datasource.password=" + infrastructure.password()));
        args.addAll(Arrays.asList(settings));
        return new SpringApplicationBuilder(ProcessorApplication.class).run(args.toArray(String[]::new));
    }

    /** The worker id of a running processor. */
    public static String workerOf(ConfigurableApplicationContext processor) {
        return processor.getBean(WorkerId.class).value();
    }
}
