package dev.jobstream.processor;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Starts the processor with its own configuration file, {@code processor.yml}, so it can share a JVM with the
 * other Jobstream services.
 */
@SpringBootApplication
public class ProcessorApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(ProcessorApplication.class).properties("spring.config.name=processor").run(args);
    }
}
