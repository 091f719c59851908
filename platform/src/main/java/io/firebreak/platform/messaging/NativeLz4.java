package io.firebreak.platform.messaging;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import net.jpountz.lz4.LZ4Factory;

/**
 * Loads lz4-java's native library, so that Kafka's lz4 compression (the outbox, mention events) runs in it.
 * {@code LZ4Factory.fastestInstance()}, which Kafka's clients call, only tries the native library when lz4-java
 * was loaded by the system class loader, never the case in a Quarkus application, and otherwise falls back to its
 * pure-Java code: in monitoring-service that was 8 % of the CPU. Once loaded here, the fastest instance is native.
 */
@Singleton
public class NativeLz4 {

    void load(@Observes StartupEvent start) {
        try {
            LZ4Factory.nativeInstance();
        } catch (Throwable unavailable) { // no library for this platform, or loaded by another class loader
            Log.infof("lz4 compression runs in Java: %s", unavailable.toString());
        }
    }
}
