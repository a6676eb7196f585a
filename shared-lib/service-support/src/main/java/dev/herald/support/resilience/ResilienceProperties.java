package dev.herald.support.resilience;

import com.mongodb.WriteConcern;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How a service rides out its infrastructure being away: how long it waits for the store and the broker
 * before an attempt fails, how it backs off before the next one, and how durable a store write must be
 * before it counts as done. Each is overridable by environment, e.g. {@code HERALD_RESILIENCE_STORE_WRITECONCERN=1}
 * for a single unjournaled MongoDB in development.
 *
 * @param retry  the back-off of a consumer whose event failed for a transient reason (store or broker away)
 * @param store  the MongoDB driver's timeouts and write concern
 * @param broker the Kafka producers' timeouts
 */
@ConfigurationProperties("herald.resilience")
public record ResilienceProperties(Retry retry, Store store, Broker broker) {

    public ResilienceProperties {
        retry = retry == null ? new Retry(null, null) : retry;
        store = store == null ? new Store(null, null, null, null, null) : store;
        broker = broker == null ? new Broker(null, null, null) : broker;
    }

    /**
     * Doubles from {@code initialBackOff} up to {@code maxBackOff}, and never gives up: the event is not at fault.
     * The consumer is paused meanwhile, not blocked, so a long wait does not cost it its group membership; the
     * cap bounds how long after the store's return the consumer notices it.
     */
    public record Retry(Duration initialBackOff, Duration maxBackOff) {

        public Retry {
            initialBackOff = initialBackOff == null ? Duration.ofSeconds(1) : initialBackOff;
            maxBackOff = maxBackOff == null ? Duration.ofSeconds(10) : maxBackOff;
        }
    }

    /**
     * @param serverSelectionTimeout how long an operation waits for a usable server (the driver's default is 30 s)
     * @param connectTimeout         how long opening a connection may take
     * @param socketTimeout          how long a single read may wait for the server's answer (the driver waits forever by default)
     * @param writeConcern           how many members must have a write: {@code majority}, or a number; this
     *                               setting wins over a {@code w} in the connection string
     * @param journal                whether they must have it in their journal, i.e. on disk (the embedded
     *                               store accepts both options and ignores them: its durability is its file's)
     */
    public record Store(Duration serverSelectionTimeout, Duration connectTimeout, Duration socketTimeout,
                        String writeConcern, Boolean journal) {

        public Store {
            serverSelectionTimeout = serverSelectionTimeout == null ? Duration.ofSeconds(5) : serverSelectionTimeout;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            socketTimeout = socketTimeout == null ? Duration.ofSeconds(10) : socketTimeout;
            writeConcern = writeConcern == null || writeConcern.isBlank() ? "majority" : writeConcern.strip();
            journal = journal == null ? Boolean.TRUE : journal;
        }

        WriteConcern toWriteConcern() {
            WriteConcern concern = writeConcern.chars().allMatch(Character::isDigit)
                    ? new WriteConcern(Integer.parseInt(writeConcern))
                    : new WriteConcern(writeConcern);
            return concern.withJournal(journal);
        }
    }

    /**
     * @param maxBlock        how long a send may wait for the broker's metadata or buffer space before it fails
     * @param requestTimeout  how long the producer waits for the broker's answer to one request
     * @param deliveryTimeout how long a record may take to be acknowledged, retries included; at least {@code requestTimeout}
     */
    public record Broker(Duration maxBlock, Duration requestTimeout, Duration deliveryTimeout) {

        public Broker {
            maxBlock = maxBlock == null ? Duration.ofSeconds(10) : maxBlock;
            requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
            deliveryTimeout = deliveryTimeout == null ? Duration.ofSeconds(30) : deliveryTimeout;
        }
    }
}
