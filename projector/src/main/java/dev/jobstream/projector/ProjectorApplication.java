package dev.jobstream.projector;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Starts the projector. Its configuration lives in {@code projector.yml}, so it can share a JVM with the other
 * Jobstream services.
 */
@SpringBootApplication
@EnableConfigurationProperties(ProjectorProperties.class)
public class ProjectorApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(ProjectorApplication.class).properties("spring.config.name=projector").run(args);
    }
}
