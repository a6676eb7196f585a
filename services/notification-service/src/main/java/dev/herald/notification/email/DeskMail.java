package dev.herald.notification.email;

import dev.herald.notification.subscription.Delivery;
import dev.herald.support.web.InvalidRequestException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Mails the people of a review desk when a report reaches one of its stages, beside the desk's inbox notice.
 * Each mail is keyed by the notice and the address, so a redelivered event owes nothing new, and it is sent
 * only if the address still belongs to the desk when its turn comes.
 */
@Service
public class DeskMail {

    static final String OWNER_PREFIX = "desk:";
    private static final String ROLE = "[A-Z_]{1,40}";

    /** What a desk is told: one revision of one report entering one stage. */
    public record StageReached(String notificationId, String role, String articleId, String title, String unit,
                               String stage, int stageNumber, boolean correction) {
    }

    private final MongoTemplate mongo;
    private final EmailMessages messages;
    private final MailComposer composer;
    private final DeskMailProperties properties;
    private final Clock clock;

    DeskMail(MongoTemplate mongo, EmailMessages messages, MailComposer composer, DeskMailProperties properties, Clock clock) {
        this.mongo = mongo;
        this.messages = messages;
        this.composer = composer;
        this.properties = properties;
        this.clock = clock;
    }

    public void stageReached(StageReached reached) {
        if (!isRole(normalised(reached.role()))) {
            return; // no administrator can have given such a desk an address
        }
        List<String> addresses = recipients(reached.role()).addresses();
        if (addresses.isEmpty()) {
            return;
        }
        String reviewUrl = properties.consoleUrl() == null ? null
                : properties.consoleUrl() + "/moderation/reviews/" + java.net.URLEncoder.encode(reached.articleId(), StandardCharsets.UTF_8);
        MailContent content = composer.deskNotice(reached, reviewUrl);
        Instant now = clock.instant();
        for (String address : addresses) {
            String key = "desk-" + UUID.nameUUIDFromBytes((reached.notificationId() + "\n" + address).getBytes(StandardCharsets.UTF_8));
            messages.owe(EmailMessage.owed(key, EmailKind.DESK, null, OWNER_PREFIX + reached.role(), address, content, null,
                    List.of(reached.notificationId()), now));
        }
    }

    DeskMailRecipients recipients(String role) {
        String desk = desk(role);
        DeskMailRecipients found = mongo.findById(desk, DeskMailRecipients.class);
        return found != null ? found : new DeskMailRecipients(desk, List.of(), null, null);
    }

    DeskMailRecipients replace(String role, List<String> addresses, String by) {
        if (addresses == null) {
            throw new InvalidRequestException("addresses", "is required (an empty list stops the mails)");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < addresses.size(); i++) {
            String address = addresses.get(i) == null ? "" : addresses.get(i).strip();
            if (address.length() > 254 || !Delivery.isEmailAddress(address)) {
                throw new InvalidRequestException("addresses[" + i + "]", "must be an e-mail address");
            }
            distinct.add(address);
        }
        if (distinct.size() > properties.maxRecipients()) {
            throw new InvalidRequestException("addresses", "at most " + properties.maxRecipients() + " addresses per desk");
        }
        DeskMailRecipients updated = new DeskMailRecipients(desk(role), List.copyOf(distinct), clock.instant(), by);
        mongo.save(updated);
        return updated;
    }

    /** Whether a desk mail is still wanted when it is sent: its address must still be one of the desk's. */
    boolean stillWanted(EmailMessage message) {
        String owner = message.subscriber();
        return owner != null && owner.startsWith(OWNER_PREFIX)
                && recipients(owner.substring(OWNER_PREFIX.length())).addresses().contains(message.to());
    }

    /** Whether a name, upper case, can name a role's desk: letters and underscores, as roles are written. */
    public static boolean isRole(String name) {
        return name != null && name.matches(ROLE);
    }

    private static String normalised(String role) {
        return role == null ? "" : role.strip().toUpperCase(Locale.ROOT);
    }

    static String desk(String role) {
        String desk = normalised(role);
        if (!isRole(desk)) {
            throw new InvalidRequestException("role", "must be a role name such as MODERATOR or LEADER");
        }
        return desk;
    }
}
