package dev.herald.notification.subscription;

import dev.herald.notification.secret.SecretBox;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;
import org.springframework.stereotype.Component;

import java.util.function.BinaryOperator;

/**
 * Webhook signing secrets are sealed on their way into the store and opened on their way out, for every
 * write and read of a subscription, so that a reader of the database (or of a backup) cannot sign
 * messages as Herald. Each is sealed for its own subscription: a ciphertext copied into another
 * subscription does not open there. A secret stored in the clear before sealing began is read as it is
 * and sealed at the subscription's next write.
 */
@Component
class SealedSecrets implements BeforeConvertCallback<Subscription>, AfterConvertCallback<Subscription>,
        AfterSaveCallback<Subscription> {

    // looked up at first use: the box may keep its key in the store, whose template needs these callbacks first
    private final ObjectProvider<SecretBox> box;

    SealedSecrets(ObjectProvider<SecretBox> box) {
        this.box = box;
    }

    @Override
    public Subscription onBeforeConvert(Subscription subscription, String collection) {
        return each(subscription, (value, context) -> SecretBox.isSealed(value) ? value : box.getObject().seal(value, context));
    }

    @Override
    public Subscription onAfterConvert(Subscription subscription, Document document, String collection) {
        return opened(subscription);
    }

    @Override
    public Subscription onAfterSave(Subscription subscription, Document document, String collection) {
        return opened(subscription);
    }

    private Subscription opened(Subscription subscription) {
        return each(subscription, (value, context) -> SecretBox.isSealed(value) ? box.getObject().open(value, context) : value);
    }

    private static Subscription each(Subscription s, BinaryOperator<String> change) {
        Delivery d = s.delivery();
        if (d == null || (d.secret() == null && d.previousSecret() == null)) {
            return s;
        }
        String context = "subscription " + s.id();
        return s.with(d.withSecrets(d.secret() == null ? null : change.apply(d.secret(), context),
                d.previousSecret() == null ? null : change.apply(d.previousSecret(), context + " previous"),
                d.previousSecretExpiresAt()));
    }
}
