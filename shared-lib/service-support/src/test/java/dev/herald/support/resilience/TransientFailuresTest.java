package dev.herald.support.resilience;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import dev.herald.events.HeraldEvents;
import dev.herald.support.events.InvalidEventException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessageHandlingException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void theStoreOrBrokerBeingAwayIsTransientHoweverDeepItIsWrapped() {
        var socket = new MongoSocketReadException("connection reset", new ServerAddress());
        var wrapped = new ListenerExecutionFailedException("listener failed",
                new MessageHandlingException(null, new DataAccessResourceFailureException("store away", socket)));

        assertThat(TransientFailures.isTransient(wrapped)).isTrue();
        assertThat(TransientFailures.isTransient(new QueryTimeoutException("slow"))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new NotLeaderOrFollowerException("moving")))).isTrue();
        // seen when the store was killed under load: Spring Data leaves it uncategorized
        assertThat(TransientFailures.isTransient(new org.springframework.data.mongodb.UncategorizedMongoDbException("pool paused",
                new com.mongodb.MongoConnectionPoolClearedException(new com.mongodb.connection.ServerId(
                        new com.mongodb.connection.ClusterId(), new ServerAddress()), null)))).isTrue();
    }

    @Test
    void aFailureOfTheEventItselfIsNot() {
        assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException("listener failed",
                new InvalidEventException(HeraldEvents.ARTICLE_REJECTED, "reason is missing")))).isFalse();
        assertThat(TransientFailures.isTransient(new DuplicateKeyException("twice"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
    }
}
