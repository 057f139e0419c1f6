package dev.jobstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void aTakenPortIsRefusedRatherThanSharedWithWhateverHoldsIt() throws IOException {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            assertThatThrownBy(() -> FreePorts.orFree(holder.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + holder.getLocalPort() + " on 127.0.0.1 is already in use");
        }
    }

    @Test
    void aFreePortIsKeptAndZeroFindsOne() {
        int free = FreePorts.orFree(0);

        assertThat(free).isPositive();
        assertThat(FreePorts.orFree(free)).isEqualTo(free);
    }
}
