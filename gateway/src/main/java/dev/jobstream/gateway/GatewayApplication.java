package dev.jobstream.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The Jobstream gateway: the REST API that accepts jobs onto the {@code jobs} topic and answers questions about
 * them from the read model.
 */
@SpringBootApplication
public class GatewayApplication {

    /** The name of the gateway's configuration file, {@code gateway.yml}. */
    public static final String CONFIG_NAME = "spring.config.name=gateway";

    public static void main(String[] args) {
        new SpringApplicationBuilder(GatewayApplication.class).properties(CONFIG_NAME).run(args);
    }
}
