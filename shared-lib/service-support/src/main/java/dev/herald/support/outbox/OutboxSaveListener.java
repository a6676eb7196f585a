package dev.herald.support.outbox;

import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

import java.util.List;

/** Hints the relay whenever a save leaves events in a document's outbox. */
public class OutboxSaveListener extends AbstractMongoEventListener<Object> {

    private final OutboxRelay relay;

    public OutboxSaveListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Object> event) {
        Document saved = event.getDocument();
        if (saved != null && saved.get("outbox") instanceof List<?> outbox && !outbox.isEmpty()) {
            relay.hint(event.getCollectionName(), saved.get("_id"));
        }
    }
}
