package dev.herald.notification.email;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * The addresses that hear of reports reaching the desk of one review role, as an administrator set them.
 *
 * @param role      the desk: the role that decides the stage (MODERATOR, LEADER...), upper case
 * @param updatedBy the administrator who set the list last, so a surprising address has an author
 */
@Document("desk_mail_recipients")
public record DeskMailRecipients(@Id String role, List<String> addresses, Instant updatedAt, String updatedBy) {

    public DeskMailRecipients {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }
}
