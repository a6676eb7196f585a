package dev.herald.support.resilience;

import com.mongodb.MongoClientSettings;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

import java.util.concurrent.TimeUnit;

/**
 * The driver's timeouts and write concern, applied after Boot has read the connection string so that these
 * settings are the ones in force. Short timeouts make an absent store fail an attempt in seconds, which the
 * consumers then retry; the write concern makes an acknowledged write one that survives a crash.
 */
public class StoreSettings implements MongoClientSettingsBuilderCustomizer, Ordered {

    private final ResilienceProperties.Store store;

    public StoreSettings(ResilienceProperties.Store store) {
        this.store = store;
    }

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        settings.applyToClusterSettings(cluster -> cluster
                        .serverSelectionTimeout(store.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout(Math.toIntExact(store.connectTimeout().toMillis()), TimeUnit.MILLISECONDS)
                        .readTimeout(Math.toIntExact(store.socketTimeout().toMillis()), TimeUnit.MILLISECONDS))
                .writeConcern(store.toWriteConcern());
    }

    @Override
    public int getOrder() {
        // Boot's own customizer, which applies the connection string, runs at 0
        return Ordered.LOWEST_PRECEDENCE;
    }
}
