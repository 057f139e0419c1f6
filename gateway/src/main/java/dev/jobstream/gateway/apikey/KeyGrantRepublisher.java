package dev.jobstream.gateway.apikey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Publishes the state of every API key once the gateway has started. Issuing and revoking a key publish it
 * already; this covers a gateway that stopped between storing a change and publishing it.
 */
@Component
class KeyGrantRepublisher {

    private static final Logger LOG = LoggerFactory.getLogger(KeyGrantRepublisher.class);

    private final ApiKeys keys;

    KeyGrantRepublisher(ApiKeys keys) {
        this.keys = keys;
    }

    @EventListener(ApplicationReadyEvent.class)
    void republish() {
        try {
            int published = keys.republishAll();
            LOG.info("Published the state of {} API keys to the dashboard", published);
        } catch (KeyGrantPublisher.KeyPublishFailedException | DataAccessException failed) {
            LOG.warn("Could not publish the state of the API keys; the dashboard knows of them only once Kafka is"
                    + " reachable and a key is issued or revoked, or the gateway restarts", failed);
        }
    }
}
